package dev.quarry.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Autonomous systems with plausible numbers, countries and address blocks, and the addresses drawn
 * from them. The blocks are coarse (a first octet, an IPv6 prefix): good enough for an analyst to
 * recognise "a residential ISP in Germany" or "Hetzner", not a routing table.
 */
final class Network {

    enum AsnKind { RESIDENTIAL, MOBILE, DATACENTER, UNIVERSITY, BUSINESS }

    record Asn(String number, String name, String country, AsnKind kind, int[] firstOctets, String v6Prefix) {
    }

    /** One public address an account's traffic comes from. */
    record Endpoint(String ip, Asn asn) {
        String country() {
            return asn.country();
        }
    }

    static final List<Asn> ALL = List.of(
            new Asn("AS7922", "Comcast", "US", AsnKind.RESIDENTIAL, new int[] {73, 98, 24, 67}, "2601:"),
            new Asn("AS701", "Verizon Fios", "US", AsnKind.RESIDENTIAL, new int[] {71, 108, 96}, null),
            new Asn("AS20115", "Charter Spectrum", "US", AsnKind.RESIDENTIAL, new int[] {47, 97, 75}, "2603:"),
            new Asn("AS3320", "Deutsche Telekom", "DE", AsnKind.RESIDENTIAL, new int[] {79, 87, 91}, "2003:"),
            new Asn("AS3215", "Orange", "FR", AsnKind.RESIDENTIAL, new int[] {90, 86, 92}, "2a01:cb"),
            new Asn("AS2856", "BT", "GB", AsnKind.RESIDENTIAL, new int[] {81, 86, 109}, "2a00:23c"),
            new Asn("AS5089", "Virgin Media", "GB", AsnKind.RESIDENTIAL, new int[] {82, 62}, null),
            new Asn("AS812", "Rogers", "CA", AsnKind.RESIDENTIAL, new int[] {99, 174}, null),
            new Asn("AS24560", "Bharti Airtel", "IN", AsnKind.RESIDENTIAL, new int[] {122, 182}, "2401:4900:"),
            new Asn("AS9829", "BSNL", "IN", AsnKind.RESIDENTIAL, new int[] {117, 59}, null),
            new Asn("AS4766", "Korea Telecom", "KR", AsnKind.RESIDENTIAL, new int[] {121, 175}, null),
            new Asn("AS2516", "KDDI", "JP", AsnKind.RESIDENTIAL, new int[] {106, 111}, "240f:"),
            new Asn("AS4713", "NTT OCN", "JP", AsnKind.RESIDENTIAL, new int[] {153, 180}, null),
            new Asn("AS28573", "Claro", "BR", AsnKind.RESIDENTIAL, new int[] {177, 179, 189}, "2804:"),
            new Asn("AS7545", "TPG Telecom", "AU", AsnKind.RESIDENTIAL, new int[] {101, 124}, null),
            new Asn("AS1136", "KPN", "NL", AsnKind.RESIDENTIAL, new int[] {77, 145}, null),
            new Asn("AS3352", "Telefonica", "ES", AsnKind.RESIDENTIAL, new int[] {80, 83}, null),
            new Asn("AS12389", "Rostelecom", "RU", AsnKind.RESIDENTIAL, new int[] {95, 178}, null),
            new Asn("AS9121", "Turk Telekom", "TR", AsnKind.RESIDENTIAL, new int[] {78, 88}, null),
            new Asn("AS17974", "Telkomnet", "ID", AsnKind.RESIDENTIAL, new int[] {36, 110}, null),
            new Asn("AS45899", "VNPT", "VN", AsnKind.RESIDENTIAL, new int[] {14, 113}, null),
            new Asn("AS8452", "TE Data", "EG", AsnKind.RESIDENTIAL, new int[] {41, 156}, null),
            new Asn("AS21928", "T-Mobile USA", "US", AsnKind.MOBILE, new int[] {172}, "2607:fb90:"),
            new Asn("AS22394", "Verizon Wireless", "US", AsnKind.MOBILE, new int[] {174}, "2600:1000:"),
            new Asn("AS3209", "Vodafone", "DE", AsnKind.MOBILE, new int[] {109, 94}, "2a02:3030:"),
            new Asn("AS16509", "Amazon", "US", AsnKind.DATACENTER, new int[] {3, 18, 52, 54}, "2600:1f18:"),
            new Asn("AS15169", "Google", "US", AsnKind.DATACENTER, new int[] {34, 35}, "2600:1900:"),
            new Asn("AS8075", "Microsoft", "US", AsnKind.DATACENTER, new int[] {20, 40, 52}, null),
            new Asn("AS14061", "DigitalOcean", "US", AsnKind.DATACENTER, new int[] {104, 138, 159, 167}, null),
            new Asn("AS24940", "Hetzner Online", "DE", AsnKind.DATACENTER, new int[] {49, 78, 88, 116}, "2a01:4f8:"),
            new Asn("AS16276", "OVH", "FR", AsnKind.DATACENTER, new int[] {51, 137, 141}, null),
            new Asn("AS63949", "Akamai Linode", "US", AsnKind.DATACENTER, new int[] {45, 139}, null),
            new Asn("AS20473", "Vultr", "US", AsnKind.DATACENTER, new int[] {45, 64, 149}, null),
            new Asn("AS3", "MIT", "US", AsnKind.UNIVERSITY, new int[] {18}, null),
            new Asn("AS25", "UC Berkeley", "US", AsnKind.UNIVERSITY, new int[] {128, 169}, null),
            new Asn("AS786", "Jisc Janet", "GB", AsnKind.UNIVERSITY, new int[] {128, 131}, null),
            new Asn("AS680", "DFN", "DE", AsnKind.UNIVERSITY, new int[] {129, 134}, null),
            new Asn("AS2907", "SINET", "JP", AsnKind.UNIVERSITY, new int[] {130, 133}, null),
            new Asn("AS3356", "Lumen", "US", AsnKind.BUSINESS, new int[] {4, 8, 63}, null),
            new Asn("AS174", "Cogent", "US", AsnKind.BUSINESS, new int[] {38, 66}, null),
            new Asn("AS62044", "Zscaler", "US", AsnKind.BUSINESS, new int[] {136, 165}, null),
            new Asn("AS1299", "Arelion", "SE", AsnKind.BUSINESS, new int[] {62, 80}, null),
            new Asn("AS3257", "GTT", "DE", AsnKind.BUSINESS, new int[] {77, 89}, null));

    /** Countries where accounts live, with a rough share of API users and a UTC offset in minutes. */
    record Country(String code, double weight, int utcOffsetMinutes) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("US", 34, -300), new Country("IN", 9, 330), new Country("GB", 6, 0),
            new Country("DE", 6, 60), new Country("BR", 5, -180), new Country("JP", 4, 540),
            new Country("CA", 4, -300), new Country("FR", 4, 60), new Country("KR", 3, 540),
            new Country("AU", 3, 600), new Country("NL", 2, 60), new Country("ES", 2, 60),
            new Country("ID", 2, 420), new Country("VN", 2, 420), new Country("TR", 2, 180),
            new Country("RU", 1, 180), new Country("EG", 1, 120));

    private static final double[] COUNTRY_WEIGHTS = COUNTRIES.stream().mapToDouble(Country::weight).toArray();

    private Network() {
    }

    static Country country(SplittableRandom r) {
        return COUNTRIES.get(Draws.weighted(r, COUNTRY_WEIGHTS));
    }

    static Country country(String code) {
        for (Country c : COUNTRIES) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        return COUNTRIES.get(0);
    }

    static List<Asn> of(AsnKind kind) {
        List<Asn> result = new ArrayList<>();
        for (Asn asn : ALL) {
            if (asn.kind() == kind) {
                result.add(asn);
            }
        }
        return result;
    }

    /** An ASN of the kind in the country, or of the kind anywhere when the country has none. */
    static Asn asn(SplittableRandom r, AsnKind kind, String country) {
        List<Asn> local = new ArrayList<>();
        for (Asn asn : ALL) {
            if (asn.kind() == kind && asn.country().equals(country)) {
                local.add(asn);
            }
        }
        return Draws.pick(r, local.isEmpty() ? of(kind) : local);
    }

    static Endpoint endpoint(SplittableRandom r, Asn asn, boolean preferV6) {
        if (preferV6 && asn.v6Prefix() != null) {
            StringBuilder ip = new StringBuilder(asn.v6Prefix());
            int groups = 8 - (int) asn.v6Prefix().chars().filter(c -> c == ':').count();
            if (!asn.v6Prefix().endsWith(":")) {
                groups--;
                // a prefix like "2a01:cb" is completed into its first group
                ip.append(Draws.hex(r, 2)).append(':');
            }
            for (int i = 0; i < groups; i++) {
                ip.append(Integer.toHexString(r.nextInt(0x10000)));
                if (i < groups - 1) {
                    ip.append(':');
                }
            }
            return new Endpoint(ip.toString(), asn);
        }
        int first = asn.firstOctets()[r.nextInt(asn.firstOctets().length)];
        String ip = first + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        return new Endpoint(ip, asn);
    }

    static Endpoint endpoint(SplittableRandom r, AsnKind kind, String country, double v6Share) {
        return endpoint(r, asn(r, kind, country), Draws.chance(r, v6Share));
    }
}

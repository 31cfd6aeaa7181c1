package dev.quarry.synth.outside;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where traffic comes from: countries with their time zones and holidays, and the networks (ASNs with
 * address blocks) that residential, mobile, datacenter, VPN, corporate and campus traffic leaves from.
 * Time zones are fixed offsets (no daylight-saving change inside a window).
 */
final class Geography {

    enum NetworkType { RESIDENTIAL, MOBILE, DATACENTER, VPN, CORPORATE_EGRESS, CAMPUS }

    /** One autonomous system and the /16 blocks its addresses are drawn from. */
    record Network(int asn, String name, String country, NetworkType type, int[] blocks) {
        String asnText() {
            return "AS" + asn;
        }

        /** A stable address in this network for a key: block, then /24, then host. */
        String address(long key) {
            long h = Keyed.mix(key ^ ((long) asn << 32));
            int block = blocks[(int) Long.remainderUnsigned(h, blocks.length)];
            int third = (int) ((h >>> 16) & 0xFF);
            int fourth = 1 + (int) Long.remainderUnsigned(h >>> 24, 254);
            return (block >>> 8) + "." + (block & 0xFF) + "." + third + "." + fourth;
        }

        /** An address in one /24 of this network (NAT pools, a company's range): same key, same /24. */
        String addressInSubnet(long subnetKey, int host) {
            long h = Keyed.mix(subnetKey ^ ((long) asn << 32));
            int block = blocks[(int) Long.remainderUnsigned(h, blocks.length)];
            int third = (int) ((h >>> 16) & 0xFF);
            int base = 1 + (int) Long.remainderUnsigned(h >>> 24, 200);
            return (block >>> 8) + "." + (block & 0xFF) + "." + third + "." + (base + Math.floorMod(host, 50));
        }
    }

    /** @param offsetsMinutes the zones people of this country live in, first the most populous */
    record Country(String code, int[] offsetsMinutes, double weight, List<Network> residential,
                   List<Network> mobile, List<MonthDay> holidays, String awsRegion) {
    }

    private static int[] b(int... firstTwoOctets) {
        int[] blocks = new int[firstTwoOctets.length / 2];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = (firstTwoOctets[2 * i] << 8) | firstTwoOctets[2 * i + 1];
        }
        return blocks;
    }

    private static Network n(int asn, String name, String country, NetworkType type, int... octets) {
        return new Network(asn, name, country, type, b(octets));
    }

    private static List<MonthDay> h(String... monthDays) {
        List<MonthDay> out = new ArrayList<>();
        for (String md : monthDays) {
            out.add(MonthDay.parse("--" + md));
        }
        return out;
    }

    private static final NetworkType R = NetworkType.RESIDENTIAL;
    private static final NetworkType M = NetworkType.MOBILE;

    static final List<Country> COUNTRIES = List.of(
            new Country("US", new int[] {-300, -360, -480, -420}, 0.30,
                    List.of(n(7922, "COMCAST-7922", "US", R, 73, 12, 98, 207, 24, 4, 67, 160),
                            n(701, "UUNET", "US", R, 71, 176, 100, 8, 108, 28),
                            n(20115, "CHARTER-20115", "US", R, 47, 145, 97, 96, 174, 101),
                            n(7018, "ATT-INTERNET4", "US", R, 99, 100, 108, 214, 76, 212)),
                    List.of(n(21928, "T-MOBILE-AS21928", "US", M, 172, 58, 172, 56, 172, 59),
                            n(22394, "CELLCO", "US", M, 174, 205, 174, 240)),
                    h("01-01", "07-04", "11-11", "12-24", "12-25", "12-31"), "us-east-1"),
            new Country("GB", new int[] {0}, 0.07,
                    List.of(n(2856, "BT-UK-AS", "GB", R, 86, 128, 81, 154, 109, 150),
                            n(5089, "VIRGIN_MEDIA", "GB", R, 82, 37, 86, 2)),
                    List.of(n(206067, "H3GUK", "GB", M, 92, 40)),
                    h("01-01", "12-25", "12-26"), "eu-west-2"),
            new Country("DE", new int[] {60}, 0.07,
                    List.of(n(3320, "DTAG", "DE", R, 79, 192, 84, 150, 91, 40),
                            n(3209, "VODANET", "DE", R, 88, 64, 94, 134)),
                    List.of(n(6805, "TDDE-ASN1", "DE", M, 176, 0)),
                    h("01-01", "10-03", "12-24", "12-25", "12-26"), "eu-central-1"),
            new Country("FR", new int[] {60}, 0.05,
                    List.of(n(3215, "Orange", "FR", R, 90, 12, 86, 245),
                            n(12322, "PROXAD", "FR", R, 82, 64, 88, 120)),
                    List.of(n(51207, "FREEM", "FR", M, 37, 170)),
                    h("01-01", "11-01", "11-11", "12-25"), "eu-west-3"),
            new Country("IN", new int[] {330}, 0.10,
                    List.of(n(24560, "AIRTELBROADBAND-AS-AP", "IN", R, 122, 161, 122, 176)),
                    List.of(n(55836, "RELIANCEJIO-IN", "IN", M, 49, 36, 157, 32, 157, 35)),
                    h("01-26", "08-15", "10-02", "11-08", "11-09", "12-25"), "ap-south-1"),
            new Country("JP", new int[] {540}, 0.05,
                    List.of(n(4713, "OCN", "JP", R, 153, 156, 114, 160),
                            n(17676, "GIGAINFRA", "JP", R, 126, 72, 126, 140)),
                    List.of(n(2516, "KDDI", "JP", M, 106, 128)),
                    h("01-01", "11-03", "11-23", "12-31"), "ap-northeast-1"),
            new Country("KR", new int[] {540}, 0.03,
                    List.of(n(4766, "KIXS-AS-KR", "KR", R, 211, 36, 121, 128)),
                    List.of(n(9644, "SKTELECOM-NET-AS", "KR", M, 223, 38)),
                    h("01-01", "10-03", "10-09", "12-25"), "ap-northeast-2"),
            new Country("BR", new int[] {-180}, 0.05,
                    List.of(n(28573, "Claro NXT", "BR", R, 177, 33, 189, 100),
                            n(18881, "TELEFONICA BRASIL", "BR", R, 191, 176, 187, 18)),
                    List.of(n(26599, "TELEFONICA BRASIL", "BR", M, 179, 218)),
                    h("01-01", "11-02", "11-15", "11-20", "12-25"), "sa-east-1"),
            new Country("CA", new int[] {-300, -480}, 0.04,
                    List.of(n(812, "ROGERS-COMMUNICATIONS", "CA", R, 99, 224, 174, 112),
                            n(577, "BACOM", "CA", R, 70, 48, 142, 112)),
                    List.of(n(22652, "FIBRENOIRE", "CA", M, 184, 151)),
                    h("01-01", "07-01", "11-11", "12-25", "12-26"), "ca-central-1"),
            new Country("AU", new int[] {600}, 0.03,
                    List.of(n(1221, "ASN-TELSTRA", "AU", R, 101, 160, 120, 144)),
                    List.of(n(4804, "MPX-AS", "AU", M, 49, 176)),
                    h("01-01", "01-26", "12-25", "12-26"), "ap-southeast-2"),
            new Country("SG", new int[] {480}, 0.02,
                    List.of(n(9506, "SINGTEL-FIBRE", "SG", R, 116, 86, 118, 200)),
                    List.of(n(4773, "MOBILEONE", "SG", M, 111, 65)),
                    h("01-01", "08-09", "12-25"), "ap-southeast-1"),
            new Country("NL", new int[] {60}, 0.02,
                    List.of(n(1136, "KPN", "NL", R, 77, 160, 145, 53)),
                    List.of(n(33915, "TNF-AS", "NL", M, 62, 140)),
                    h("01-01", "04-27", "12-25", "12-26"), "eu-central-1"),
            new Country("PL", new int[] {60}, 0.02,
                    List.of(n(5617, "TPNET", "PL", R, 83, 24, 83, 31)),
                    List.of(n(12912, "T-MOBILE-PL", "PL", M, 31, 0)),
                    h("01-01", "11-01", "11-11", "12-25", "12-26"), "eu-central-1"),
            new Country("VN", new int[] {420}, 0.02,
                    List.of(n(7552, "VIETEL-AS-AP", "VN", R, 27, 72, 116, 96)),
                    List.of(n(24086, "VIETEL-AS-VN", "VN", M, 171, 224)),
                    h("01-01", "09-02"), "ap-southeast-1"),
            new Country("ID", new int[] {420, 480}, 0.02,
                    List.of(n(7713, "TELKOMNET-AS-AP", "ID", R, 36, 68, 180, 252)),
                    List.of(n(23693, "TELKOMSEL-ASN-ID", "ID", M, 114, 124)),
                    h("01-01", "08-17", "12-25"), "ap-southeast-3"),
            new Country("NG", new int[] {60}, 0.02,
                    List.of(n(36873, "VNL1-AS", "NG", R, 105, 112)),
                    List.of(n(29465, "VCG-AS", "NG", M, 102, 88)),
                    h("01-01", "10-01", "12-25", "12-26"), "eu-west-1"),
            new Country("ES", new int[] {60}, 0.02,
                    List.of(n(3352, "TELEFONICA_DE_ESPANA", "ES", R, 83, 59, 88, 27)),
                    List.of(n(12430, "VODAFONE_ES", "ES", M, 92, 59)),
                    h("01-01", "10-12", "11-01", "12-06", "12-08", "12-25"), "eu-south-2"),
            new Country("MX", new int[] {-360}, 0.02,
                    List.of(n(8151, "Uninet S.A. de C.V.", "MX", R, 187, 189, 189, 146)),
                    List.of(n(28403, "RadioMovil Dipsa", "MX", M, 200, 68)),
                    h("01-01", "09-16", "11-02", "11-16", "12-12", "12-25"), "us-west-2"));

    static final List<Network> DATACENTERS = List.of(
            n(16509, "AMAZON-02", "US", NetworkType.DATACENTER, 3, 90, 18, 208, 52, 14, 54, 162),
            n(15169, "GOOGLE-CLOUD-PLATFORM", "US", NetworkType.DATACENTER, 34, 86, 35, 199),
            n(8075, "MICROSOFT-CORP-MSN-AS-BLOCK", "US", NetworkType.DATACENTER, 20, 42, 40, 76, 52, 151),
            n(14061, "DIGITALOCEAN-ASN", "US", NetworkType.DATACENTER, 159, 89, 164, 90, 167, 99, 178, 62),
            n(24940, "HETZNER-AS", "DE", NetworkType.DATACENTER, 65, 108, 95, 216, 116, 202, 135, 181),
            n(16276, "OVH", "FR", NetworkType.DATACENTER, 51, 38, 54, 36, 141, 94),
            n(63949, "AKAMAI-LINODE-AP", "US", NetworkType.DATACENTER, 172, 104, 139, 162),
            n(20473, "AS-CHOOPA", "US", NetworkType.DATACENTER, 45, 32, 45, 76, 149, 28));

    /** Commercial VPN and proxy exits: many unrelated people behind few addresses. */
    static final List<Network> VPN_EXITS = List.of(
            n(9009, "M247", "GB", NetworkType.VPN, 37, 120, 89, 38, 185, 156),
            n(212238, "CDNEXT", "GB", NetworkType.VPN, 156, 146, 149, 102),
            n(60068, "CDN77", "GB", NetworkType.VPN, 89, 187, 195, 181));

    /** Cloud security proxies that whole companies' office traffic leaves through. */
    static final List<Network> CORPORATE_EGRESS = List.of(
            n(62044, "ZSCALER-INC", "US", NetworkType.CORPORATE_EGRESS, 165, 225, 136, 226),
            n(7018, "ATT-INTERNET4", "US", NetworkType.CORPORATE_EGRESS, 12, 0, 12, 96),
            n(3356, "LEVEL3", "US", NetworkType.CORPORATE_EGRESS, 4, 14, 8, 2),
            n(3320, "DTAG", "DE", NetworkType.CORPORATE_EGRESS, 80, 152, 62, 153),
            n(2856, "BT-UK-AS", "GB", NetworkType.CORPORATE_EGRESS, 62, 6),
            n(4713, "OCN", "JP", NetworkType.CORPORATE_EGRESS, 61, 114));

    /** A university: its country, its NAT's network (the national research network) and its mail domain. */
    record Campus(String name, String domain, String country, Network network) {
    }

    static final List<Campus> CAMPUSES = List.of(
            new Campus("Northfield University", "northfield.edu", "US", n(11537, "INTERNET2-RESEARCH-EDU", "US", NetworkType.CAMPUS, 128, 84, 141, 212)),
            new Campus("Lakemont State University", "lakemont.edu", "US", n(11537, "INTERNET2-RESEARCH-EDU", "US", NetworkType.CAMPUS, 129, 82, 164, 107)),
            new Campus("Carrow Institute of Technology", "carrow-tech.edu", "US", n(3, "MIT-GATEWAYS", "US", NetworkType.CAMPUS, 18, 9, 18, 29)),
            new Campus("University of Kestrel", "kestrel.ac.uk", "GB", n(786, "JANET Jisc Services Limited", "GB", NetworkType.CAMPUS, 131, 111, 137, 44)),
            new Campus("Technische Hochschule Halden", "th-halden.de", "DE", n(680, "DFN Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", "DE", NetworkType.CAMPUS, 141, 30, 134, 96)),
            new Campus("Université de Lisière", "univ-lisiere.fr", "FR", n(2200, "FR-RENATER", "FR", NetworkType.CAMPUS, 193, 48, 194, 57)),
            new Campus("Minato Institute of Science", "minato-is.ac.jp", "JP", n(2907, "SINET-AS", "JP", NetworkType.CAMPUS, 133, 11, 130, 54)),
            new Campus("Indian Institute of Sciences Varanasi", "iisv.ac.in", "IN", n(55824, "NKN-CORE-NW", "IN", NetworkType.CAMPUS, 14, 139, 103, 27)),
            new Campus("Universidade Serra Azul", "usa.edu.br", "BR", n(1916, "Associação Rede Nacional de Ensino e Pesquisa", "BR", NetworkType.CAMPUS, 200, 130, 143, 54)),
            new Campus("Hanbit National University", "hanbit.ac.kr", "KR", n(1237, "KREONET-AS-KR", "KR", NetworkType.CAMPUS, 134, 75, 203, 252)),
            new Campus("University of Eastbrook", "eastbrook.ca", "CA", n(271, "BCNET", "CA", NetworkType.CAMPUS, 142, 103, 206, 12)),
            new Campus("Straits University", "straits.edu.sg", "SG", n(7472, "NUS-AS-AP", "SG", NetworkType.CAMPUS, 137, 132, 172, 18)));

    static Country country(String code) {
        for (Country c : COUNTRIES) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no country " + code);
    }

    private static final double[] COUNTRY_WEIGHTS = COUNTRIES.stream().mapToDouble(Country::weight).toArray();

    static Country drawCountry(SplittableRandom r) {
        return COUNTRIES.get(Keyed.weighted(r, COUNTRY_WEIGHTS));
    }

    static int drawOffset(SplittableRandom r, Country c) {
        int[] zones = c.offsetsMinutes();
        return r.nextDouble() < 0.6 ? zones[0] : zones[r.nextInt(zones.length)];
    }

    /** Public holidays that empty offices and classrooms: the fixed dates, plus US Thanksgiving. */
    static boolean holiday(Country c, LocalDate date) {
        if (c.holidays().contains(MonthDay.from(date))) {
            return true;
        }
        if (c.code().equals("US")) {
            LocalDate thanksgiving = date.withDayOfMonth(1).withMonth(11)
                    .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
            return date.equals(thanksgiving) || date.equals(thanksgiving.plusDays(1));
        }
        return false;
    }

    static boolean weekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    static final List<String> FIRST_NAMES = List.of("james", "maria", "wei", "aisha", "lucas", "sofia", "arjun",
            "emma", "kenji", "fatima", "noah", "olga", "mateo", "yuki", "liam", "priya", "ahmed", "chloe",
            "daniel", "mei", "tomasz", "ana", "samuel", "hana", "oliver", "isabel", "ravi", "lea", "jonas",
            "camila", "minh", "zoe", "ethan", "amara", "felix", "nina", "diego", "sara", "hiro", "grace",
            "omar", "julia", "marco", "elena", "kwame", "ines", "pavel", "laura", "ji-ho", "rahul");
    static final List<String> LAST_NAMES = List.of("smith", "garcia", "chen", "khan", "muller", "rossi", "patel",
            "johnson", "tanaka", "okafor", "silva", "nguyen", "kowalski", "dubois", "kim", "brown", "sato",
            "haddad", "martin", "ivanova", "lopez", "schmidt", "singh", "wilson", "moreau", "park", "costa",
            "novak", "jensen", "ali", "taylor", "fernandez", "yamamoto", "adeyemi", "larsen", "weber",
            "santos", "gupta", "nowak", "lee");
    static final List<String> PERSONAL_MAIL = List.of("gmail.com", "gmail.com", "gmail.com", "outlook.com",
            "yahoo.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de", "web.de", "orange.fr",
            "yahoo.co.jp", "naver.com", "qq.com", "mail.ru");
    static final List<String> DISPOSABLE_MAIL = List.of("mailinator.com", "guerrillamail.com", "yopmail.com",
            "sharklasers.com", "10minutemail.net", "temp-mail.org", "dropmail.me", "tmpmail.net",
            "getnada.com", "trashmail.com", "maildrop.cc", "mohmal.com");

    /** The six-digit card prefixes of real-looking issuers; farms favour a few prepaid and virtual BINs. */
    static final List<String> CONSUMER_BINS = List.of("414720", "426684", "431940", "453201", "476173",
            "489537", "515599", "522182", "535316", "542418", "546616", "552433", "371449", "379741",
            "601100", "356600", "409311", "421765", "448590", "492910");
    static final List<String> PREPAID_BINS = List.of("403446", "428837", "435880", "511332", "531993",
            "559666", "404038", "485246");
    static final List<String> CORPORATE_BINS = List.of("556766", "554876", "471524", "379980", "540715");
}

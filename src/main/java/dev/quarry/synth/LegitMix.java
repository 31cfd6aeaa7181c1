package dev.quarry.synth;

import java.util.Locale;

/**
 * The legitimate population: relative weights of each kind (normalised, need not sum to 1) and the
 * size of the groups that legitimately share infrastructure.
 *
 * @param enterpriseOrgSize mean accounts per enterprise organisation (shared billing, org id, egress IPs)
 * @param labGroupSize      mean accounts per university or lab group behind one NAT
 * @param natGroupSize      mean unrelated people behind one shared campus, coworking or carrier NAT
 */
public record LegitMix(double hobbyist, double heavyUser, double appBackend, double enterprise, double labBenchmark,
                       double sharedNat, int enterpriseOrgSize, int labGroupSize, int natGroupSize) {

    public static final LegitMix DEFAULT = new LegitMix(0.55, 0.04, 0.02, 0.15, 0.04, 0.20, 6, 6, 12);

    public LegitMix {
        double[] weights = {hobbyist, heavyUser, appBackend, enterprise, labBenchmark, sharedNat};
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("legit mix: weights must be finite and not negative");
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("legit mix: at least one weight must be positive");
        }
        if (enterpriseOrgSize < 2 || labGroupSize < 2 || natGroupSize < 2) {
            throw new IllegalArgumentException("legit mix: group sizes must be at least 2 (a group shares something)");
        }
    }

    public double weight(LegitKind kind) {
        return switch (kind) {
            case HOBBYIST -> hobbyist;
            case HEAVY_USER -> heavyUser;
            case APP_BACKEND -> appBackend;
            case ENTERPRISE -> enterprise;
            case LAB_BENCHMARK -> labBenchmark;
            case SHARED_NAT -> sharedNat;
        };
    }

    public LegitMix withWeight(LegitKind kind, double weight) {
        return new LegitMix(kind == LegitKind.HOBBYIST ? weight : hobbyist, kind == LegitKind.HEAVY_USER ? weight : heavyUser,
                kind == LegitKind.APP_BACKEND ? weight : appBackend, kind == LegitKind.ENTERPRISE ? weight : enterprise,
                kind == LegitKind.LAB_BENCHMARK ? weight : labBenchmark, kind == LegitKind.SHARED_NAT ? weight : sharedNat,
                enterpriseOrgSize, labGroupSize, natGroupSize);
    }

    public LegitMix withGroupSizes(int orgSize, int labSize, int natSize) {
        return new LegitMix(hobbyist, heavyUser, appBackend, enterprise, labBenchmark, sharedNat, orgSize, labSize, natSize);
    }

    /**
     * Reads comma-separated overrides of the default mix, e.g. {@code hobbyist=0.5,shared_nat=0.3,nat_size=20}.
     * Weight keys are the lower-case kind names; group keys are org_size, lab_size and nat_size.
     */
    public static LegitMix parse(String text) {
        LegitMix mix = DEFAULT;
        for (String setting : text.split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            String[] kv = setting.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("legit mix: expected key=value, got '" + setting + "'");
            }
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim();
            try {
                mix = switch (key) {
                    case "org_size" -> mix.withGroupSizes(Integer.parseInt(value), mix.labGroupSize, mix.natGroupSize);
                    case "lab_size" -> mix.withGroupSizes(mix.enterpriseOrgSize, Integer.parseInt(value), mix.natGroupSize);
                    case "nat_size" -> mix.withGroupSizes(mix.enterpriseOrgSize, mix.labGroupSize, Integer.parseInt(value));
                    default -> mix.withWeight(kind(key), Double.parseDouble(value));
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("legit mix: " + key + " must be a number, got '" + value + "'");
            }
        }
        return mix;
    }

    private static LegitKind kind(String key) {
        for (LegitKind k : LegitKind.values()) {
            if (k.name().equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("legit mix: unknown key '" + key
                + "' (hobbyist, heavy_user, app_backend, enterprise, lab_benchmark, shared_nat, org_size, lab_size, nat_size)");
    }
}

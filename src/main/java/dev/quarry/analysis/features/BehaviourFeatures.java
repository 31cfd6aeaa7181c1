package dev.quarry.analysis.features;

import dev.quarry.analysis.primitives.FrameCounter;
import dev.quarry.analysis.primitives.IntCounter;
import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;

import java.util.List;

/**
 * Per-account behaviour features, computed from the account's activity. A feature the extract
 * cannot support (no tokens, no prompts, no IPs) is NaN for every account and is left out of the
 * models; {@link #standardized} turns the rest into z-scores with missing values at the mean.
 */
public final class BehaviourFeatures {

    public static final List<String> NAMES = List.of(
            "events", "active_days", "events_per_active_day", "active_hours_of_day", "hour_entropy",
            "gap_cv", "median_gap_seconds", "mean_prompt_tokens", "mean_completion_tokens",
            "completion_prompt_ratio", "refusal_rate", "rate_limit_rate", "error_rate", "models_used",
            "model_entropy", "model_switch_rate", "ip_count", "prefix_count", "asn_count", "country_count",
            "user_agent_count", "parameter_fingerprints", "top_parameter_share", "mean_temperature",
            "mean_prompt_chars", "prompt_chars_cv", "distinct_frame_ratio", "top_frame_share",
            "reasoning_request_share", "account_age_days_at_first_request");

    private BehaviourFeatures() {
    }

    /** Raw feature matrix, one row per account, columns in {@link #NAMES} order; NaN where unknown. */
    public static double[][] compute(CaseData data) {
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            rows[i] = of(data.activity(i), data.createdAtMs(i), data.originMs());
        }
        return rows;
    }

    static double[] of(AccountActivity a, long createdAtMs, long originMs) {
        double[] f = new double[NAMES.size()];
        java.util.Arrays.fill(f, Double.NaN);
        int n = a.events();
        f[0] = n;
        if (n == 0) {
            return f;
        }
        int[] hours = new int[24];
        int activeDays = 0;
        long lastDay = Long.MIN_VALUE;
        double gapSum = 0;
        double gapSquares = 0;
        double[] gaps = new double[Math.max(0, n - 1)];
        int switches = 0;
        for (int i = 0; i < n; i++) {
            long absoluteSeconds = Math.floorDiv(originMs, 1000L) + a.time(i);
            long day = Math.floorDiv(absoluteSeconds, 86_400L);
            if (day != lastDay) {
                activeDays++;
                lastDay = day;
            }
            hours[(int) Math.floorMod(absoluteSeconds / 3600, 24L)]++;
            if (i > 0) {
                double gap = a.time(i) - a.time(i - 1);
                gaps[i - 1] = gap;
                gapSum += gap;
                gapSquares += gap * gap;
                if (a.model(i) != a.model(i - 1)) {
                    switches++;
                }
            }
        }
        f[1] = activeDays;
        f[2] = n / (double) activeDays;
        int activeHours = 0;
        double hourEntropy = 0;
        for (int h : hours) {
            if (h > 0) {
                activeHours++;
                double p = h / (double) n;
                hourEntropy -= p * Math.log(p);
            }
        }
        f[3] = activeHours;
        f[4] = hourEntropy;
        if (n >= 3) {
            double mean = gapSum / (n - 1);
            double variance = Math.max(0, gapSquares / (n - 1) - mean * mean);
            f[5] = mean > 0 ? Math.sqrt(variance) / mean : 0;
            java.util.Arrays.sort(gaps);
            f[6] = gaps[gaps.length / 2];
        }
        if (a.promptTokensCount() > 0) {
            f[7] = a.promptTokensSum() / a.promptTokensCount();
        }
        if (a.completionTokensCount() > 0) {
            f[8] = a.completionTokensSum() / a.completionTokensCount();
        }
        if (a.promptTokensCount() > 0 && a.completionTokensCount() > 0) {
            f[9] = (a.completionTokensSum() + 1) / (a.promptTokensSum() + 1);
        }
        if (a.statusKnown() > 0) {
            f[10] = a.refused() / (double) a.statusKnown();
            f[11] = a.rateLimited() / (double) a.statusKnown();
            f[12] = a.errors() / (double) a.statusKnown();
        }
        IntCounter models = a.attribute(AttributeKind.MODEL);
        if (models.size() > 0) {
            f[13] = models.size();
            f[14] = models.entropy();
            f[15] = n > 1 ? switches / (double) (n - 1) : 0;
        }
        f[16] = countOrNaN(a, AttributeKind.IP);
        f[17] = countOrNaN(a, AttributeKind.NETWORK_PREFIX);
        f[18] = countOrNaN(a, AttributeKind.ASN);
        f[19] = countOrNaN(a, AttributeKind.COUNTRY);
        f[20] = countOrNaN(a, AttributeKind.USER_AGENT);
        IntCounter parameters = a.attribute(AttributeKind.PARAMETERS);
        if (parameters.size() > 0) {
            f[21] = parameters.size();
            f[22] = parameters.count(parameters.mostFrequent()) / (double) parameters.total();
        }
        if (a.temperatureCount() > 0) {
            f[23] = a.temperatureSum() / a.temperatureCount();
        }
        if (a.prompts() > 0) {
            double mean = a.promptCharsSum() / a.prompts();
            f[24] = mean;
            f[25] = mean > 0 ? Math.sqrt(Math.max(0, a.promptCharsSquares() / a.prompts() - mean * mean)) / mean : 0;
            FrameCounter frames = a.frames();
            int analyzed = Math.max(1, a.analyzedPrompts());
            f[26] = frames.saturated() ? 1.0 : frames.distinct() / (double) analyzed;
            long[][] ranked = frames.ranked();
            f[27] = ranked.length == 0 ? 0 : ranked[0][1] / (double) analyzed;
            f[28] = a.reasoningRequests() / (double) analyzed;
        }
        if (createdAtMs != Long.MIN_VALUE) {
            long firstMs = originMs + a.time(0) * 1000L;
            f[29] = Math.max(0, (firstMs - createdAtMs) / 86_400_000.0);
        }
        return f;
    }

    private static double countOrNaN(AccountActivity a, AttributeKind kind) {
        int size = a.attribute(kind).size();
        return size == 0 ? Double.NaN : size;
    }

    /**
     * Columns with any value, z-scored (heavy-tailed counts are log-scaled first so one giant
     * account does not squash everyone else into zero); unknown cells become 0, the mean.
     *
     * @return the standardized matrix restricted to {@code usable} columns
     */
    public static double[][] standardized(double[][] raw, boolean[] usable) {
        int n = raw.length;
        int columns = NAMES.size();
        int kept = 0;
        for (int j = 0; j < columns; j++) {
            usable[j] = false;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : raw) {
                if (!Double.isNaN(row[j])) {
                    min = Math.min(min, row[j]);
                    max = Math.max(max, row[j]);
                }
            }
            if (max > min) {
                usable[j] = true;
                kept++;
            }
        }
        double[][] out = new double[n][kept];
        int k = 0;
        for (int j = 0; j < columns; j++) {
            if (!usable[j]) {
                continue;
            }
            boolean logScale = isCount(j);
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (double[] row : raw) {
                if (!Double.isNaN(row[j])) {
                    double v = logScale ? Math.log1p(Math.max(0, row[j])) : row[j];
                    sum += v;
                    squares += v * v;
                    count++;
                }
            }
            double mean = sum / count;
            double sd = Math.sqrt(Math.max(1e-12, squares / count - mean * mean));
            for (int i = 0; i < n; i++) {
                double v = raw[i][j];
                out[i][k] = Double.isNaN(v) ? 0 : ((logScale ? Math.log1p(Math.max(0, v)) : v) - mean) / sd;
            }
            k++;
        }
        return out;
    }

    private static boolean isCount(int column) {
        String name = NAMES.get(column);
        return name.equals("events") || name.endsWith("_count") || name.equals("events_per_active_day")
                || name.equals("median_gap_seconds") || name.startsWith("mean_prompt") || name.equals("mean_completion_tokens")
                || name.equals("completion_prompt_ratio") || name.equals("parameter_fingerprints")
                || name.equals("models_used") || name.equals("account_age_days_at_first_request");
    }
}

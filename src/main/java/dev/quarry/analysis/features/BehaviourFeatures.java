package dev.quarry.analysis.features;

import dev.quarry.analysis.primitives.FrameCounter;
import dev.quarry.analysis.primitives.IntCounter;
import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;

import static dev.quarry.analysis.features.BehaviourFeature.*;

/**
 * Per-account behaviour features, computed from the account's activity. A feature the extract
 * cannot support (no tokens, no prompts, no IPs) is NaN for every account and is left out of the
 * models; {@link #standardized} turns the rest into z-scores with missing values at the mean.
 */
public final class BehaviourFeatures {

    private BehaviourFeatures() {
    }

    /** Raw feature matrix, one row per account, one column per {@link BehaviourFeature}, in its order; NaN where unknown. */
    public static double[][] compute(CaseData data) {
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            rows[i] = of(data.activity(i), data.createdAtMs(i), data.originMs());
        }
        return rows;
    }

    static double[] of(AccountActivity a, long createdAtMs, long originMs) {
        double[] f = new double[BehaviourFeature.count()];
        java.util.Arrays.fill(f, Double.NaN);
        int n = a.events();
        f[EVENTS.ordinal()] = n;
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
        f[ACTIVE_DAYS.ordinal()] = activeDays;
        f[EVENTS_PER_ACTIVE_DAY.ordinal()] = n / (double) activeDays;
        int activeHours = 0;
        double hourEntropy = 0;
        for (int h : hours) {
            if (h > 0) {
                activeHours++;
                double p = h / (double) n;
                hourEntropy -= p * Math.log(p);
            }
        }
        f[ACTIVE_HOURS_OF_DAY.ordinal()] = activeHours;
        f[HOUR_ENTROPY.ordinal()] = hourEntropy;
        if (n >= 3) {
            double mean = gapSum / (n - 1);
            double variance = Math.max(0, gapSquares / (n - 1) - mean * mean);
            f[GAP_CV.ordinal()] = mean > 0 ? Math.sqrt(variance) / mean : 0;
            java.util.Arrays.sort(gaps);
            f[MEDIAN_GAP_SECONDS.ordinal()] = gaps[gaps.length / 2];
        }
        if (a.promptTokensCount() > 0) {
            f[MEAN_PROMPT_TOKENS.ordinal()] = a.promptTokensSum() / a.promptTokensCount();
        }
        if (a.completionTokensCount() > 0) {
            f[MEAN_COMPLETION_TOKENS.ordinal()] = a.completionTokensSum() / a.completionTokensCount();
        }
        if (a.promptTokensCount() > 0 && a.completionTokensCount() > 0) {
            f[COMPLETION_PROMPT_RATIO.ordinal()] = (a.completionTokensSum() + 1) / (a.promptTokensSum() + 1);
        }
        if (a.statusKnown() > 0) {
            f[REFUSAL_RATE.ordinal()] = a.refused() / (double) a.statusKnown();
            f[RATE_LIMIT_RATE.ordinal()] = a.rateLimited() / (double) a.statusKnown();
            f[ERROR_RATE.ordinal()] = a.errors() / (double) a.statusKnown();
        }
        IntCounter models = a.attribute(AttributeKind.MODEL);
        if (models.size() > 0) {
            f[MODELS_USED.ordinal()] = models.size();
            f[MODEL_ENTROPY.ordinal()] = models.entropy();
            f[MODEL_SWITCH_RATE.ordinal()] = n > 1 ? switches / (double) (n - 1) : 0;
        }
        f[IP_COUNT.ordinal()] = countOrNaN(a, AttributeKind.IP);
        f[PREFIX_COUNT.ordinal()] = countOrNaN(a, AttributeKind.NETWORK_PREFIX);
        f[ASN_COUNT.ordinal()] = countOrNaN(a, AttributeKind.ASN);
        f[COUNTRY_COUNT.ordinal()] = countOrNaN(a, AttributeKind.COUNTRY);
        f[USER_AGENT_COUNT.ordinal()] = countOrNaN(a, AttributeKind.USER_AGENT);
        IntCounter parameters = a.attribute(AttributeKind.PARAMETERS);
        if (parameters.size() > 0) {
            f[PARAMETER_FINGERPRINTS.ordinal()] = parameters.size();
            f[TOP_PARAMETER_SHARE.ordinal()] = parameters.count(parameters.mostFrequent()) / (double) parameters.total();
        }
        if (a.temperatureCount() > 0) {
            f[MEAN_TEMPERATURE.ordinal()] = a.temperatureSum() / a.temperatureCount();
        }
        if (a.prompts() > 0) {
            double mean = a.promptCharsSum() / a.prompts();
            f[MEAN_PROMPT_CHARS.ordinal()] = mean;
            f[PROMPT_CHARS_CV.ordinal()] = mean > 0 ? Math.sqrt(Math.max(0, a.promptCharsSquares() / a.prompts() - mean * mean)) / mean : 0;
            FrameCounter frames = a.frames();
            int analyzed = Math.max(1, a.analyzedPrompts());
            f[DISTINCT_FRAME_RATIO.ordinal()] = frames.saturated() ? 1.0 : frames.distinct() / (double) analyzed;
            long[][] ranked = frames.ranked();
            f[TOP_FRAME_SHARE.ordinal()] = ranked.length == 0 ? 0 : ranked[0][1] / (double) analyzed;
            f[REASONING_REQUEST_SHARE.ordinal()] = a.reasoningRequests() / (double) analyzed;
        }
        if (createdAtMs != Long.MIN_VALUE) {
            long firstMs = originMs + a.time(0) * 1000L;
            f[ACCOUNT_AGE_DAYS_AT_FIRST_REQUEST.ordinal()] = Math.max(0, (firstMs - createdAtMs) / 86_400_000.0);
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
        int columns = BehaviourFeature.count();
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
            boolean logScale = BehaviourFeature.ofColumn(j).logScaled();
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
}

package dev.quarry.analysis.signals;

import dev.quarry.analysis.AccountActivity;
import dev.quarry.analysis.CaseData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts that lean on the same prompt template. Each account's templates are the prompt frames
 * (masked openings, see {@code PromptShape}) that make up at least {@link #MIN_SHARE} of its
 * prompts; two accounts of different organisations are linked with weight {@code 2 x sum over shared
 * templates of rarity x min(shareA, shareB)} (capped at 1, times how alike the two behave), rarity
 * measured over the accounts that send prompts at all. One application sending one product template is one account (or one organisation) and
 * links nothing; a template many unrelated people use is common and weighs little.
 */
public final class SharedTemplateSignal {
    static final double MIN_SHARE = 0.05;
    static final int MIN_USES = 3;

    private SharedTemplateSignal() {
    }

    /** An account's templates: frame hashes and their shares of the account's prompts. */
    public record Templates(long[] frames, double[] shares) {
    }

    public static Templates templatesOf(AccountActivity a) {
        long[][] ranked = a.frames().ranked();
        int k = 0;
        long[] frames = new long[ranked.length];
        double[] shares = new double[ranked.length];
        for (long[] frame : ranked) {
            double share = frame[1] / (double) Math.max(1, a.prompts());
            if (frame[1] >= MIN_USES && share >= MIN_SHARE) {
                frames[k] = frame[0];
                shares[k++] = share;
            }
        }
        return new Templates(Arrays.copyOf(frames, k), Arrays.copyOf(shares, k));
    }

    public static Links links(CaseData data, BehaviourSimilarity similarity, long seed) {
        int n = data.size();
        Templates[] templates = new Templates[n];
        Map<Long, List<Integer>> users = new HashMap<>();
        int prompting = 0;
        for (int account = 0; account < n; account++) {
            templates[account] = templatesOf(data.activity(account));
            if (data.activity(account).prompts() > 0) {
                prompting++;
            }
            for (long frame : templates[account].frames()) {
                users.computeIfAbsent(frame, f -> new ArrayList<>()).add(account);
            }
        }
        Links links = new Links(Evidence.TEMPLATE);
        if (prompting < 2) {
            return links;
        }
        int maxUsers = Math.max(2, (int) (SharedInfrastructureSignal.MAX_HOLDER_SHARE * prompting));
        Long[] frames = users.keySet().toArray(new Long[0]);
        Arrays.sort(frames);
        // a pair's evidence adds up over the templates it shares: rarity x the share both put on it
        Map<Long, double[]> pairs = new HashMap<>();
        for (long frame : frames) {
            int[] members = users.get(frame).stream().mapToInt(Integer::intValue).toArray();
            if (members.length < 2 || members.length > maxUsers) {
                continue;
            }
            double rarity = Math.log(prompting / (double) members.length) / Math.log(prompting);
            PairSampler.forPairs(members, seed ^ frame, (a, b) -> {
                int orgA = data.activity(a).mainOrg();
                if (orgA >= 0 && orgA == data.activity(b).mainOrg()) {
                    return;
                }
                double w = rarity * Math.min(share(templates[a], frame), share(templates[b], frame));
                pairs.computeIfAbsent((long) Math.min(a, b) << 32 | Math.max(a, b), k -> new double[1])[0] += w;
            });
        }
        Long[] keys = pairs.keySet().toArray(new Long[0]);
        Arrays.sort(keys);
        for (long key : keys) {
            int a = (int) (key >>> 32);
            int b = (int) key;
            links.add(a, b, Math.min(1, 2 * pairs.get(key)[0]) * similarity.dependence(a, b), 0);
        }
        return links;
    }

    static double share(Templates t, long frame) {
        for (int i = 0; i < t.frames().length; i++) {
            if (t.frames()[i] == frame) {
                return t.shares()[i];
            }
        }
        return 0;
    }
}

package dev.quarry.analysis.signals;

import dev.quarry.analysis.primitives.FrameCounter;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.CaseData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accounts that lean on the same prompt template. Each account's templates are the frames of its
 * prompts' openings and closings (masked first and last words, see {@code PromptShape}) that make up
 * at least {@code rules.template.minShare} of its prompts, whether the template's fixed text is an instruction
 * before the question or an answer format after it.
 * <p>
 * How much a shared template ties two accounts depends on how many ORGANISATIONS use it (see
 * {@link Organisations}), not how many accounts: a template whose frame m of the P organisations
 * that send prompts use at all (leaning on it or not) weighs {@code 2 x ln(P/m) / ln(P)} times the
 * smaller of the two accounts' shares, and a pair's ties add up over the templates it shares: two
 * accounts that build every prompt on the same few templates are tied fully. One application
 * sending one product template from two hundred accounts is one organisation and ties nothing; a
 * framework default or a benchmark harness that two hundred organisations send is a public
 * artefact and weighs as little as its spread says, however few accounts each of them has.
 */
public final class SharedTemplateSignal {
    private SharedTemplateSignal() {
    }

    /** An account's templates: frame hashes and their shares of the account's prompts. */
    public record Templates(long[] frames, double[] shares) {
    }

    /** The opening and closing frames the account leans on (their hashes never coincide by design). */
    public static Templates templatesOf(AccountActivity a, DetectionRules.TemplateRules rules) {
        long[][] openings = a.frames().ranked();
        long[][] closings = a.closings().ranked();
        int k = 0;
        long[] frames = new long[openings.length + closings.length];
        double[] shares = new double[frames.length];
        for (long[][] ranked : new long[][][] {openings, closings}) {
            for (long[] frame : ranked) {
                double share = frame[1] / (double) Math.max(1, a.analyzedPrompts());
                if (frame[1] >= rules.minUses() && share >= rules.minShare()) {
                    frames[k] = frame[0];
                    shares[k++] = share;
                }
            }
        }
        return new Templates(Arrays.copyOf(frames, k), Arrays.copyOf(shares, k));
    }

    public static SharedValues values(CaseData data, Templates[] templates, DetectionRules.SharedValueRules rules) {
        Organisations organisations = Organisations.of(data);
        Map<Long, List<Integer>> users = new TreeMap<>();
        Organisations.Tally promptingOrganisations = organisations.tally();
        for (int account = 0; account < data.size(); account++) {
            if (data.activity(account).prompts() > 0) {
                promptingOrganisations.add(account);
            }
            for (long frame : templates[account].frames()) {
                users.computeIfAbsent(frame, f -> new ArrayList<>()).add(account);
            }
        }
        SharedValues values = new SharedValues(Evidence.TEMPLATE, true);
        int prompting = promptingOrganisations.count();
        if (prompting < 2) {
            return values.seal(data.size());
        }
        Map<Long, Organisations.Tally> anyUse = organisationsUsing(data, users, organisations);
        int maxUsers = SharedValues.maxHolders(prompting, rules);
        for (Map.Entry<Long, List<Integer>> e : users.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            int using = Math.max(organisations.count(members), anyUse.get(e.getKey()).count());
            if (members.length < 2 || using > maxUsers) {
                continue;
            }
            float[] shares = new float[members.length];
            for (int i = 0; i < members.length; i++) {
                shares[i] = (float) share(templates[members[i]], e.getKey());
            }
            double rarity = Math.log(prompting / (double) using) / Math.log(prompting);
            values.add(null, e.getKey(), members, shares, 2 * rarity);
        }
        return values.seal(data.size());
    }

    /**
     * For each template, how many organisations used its frame at all, leaning on it or not. Only
     * busy accounts repeat a phrasing often enough to lean on it, so counting only those who lean
     * on it would make everyday phrasing ("Can you explain …") look like a rare template shared by
     * heavy users; a farm's template appears in the farm's prompts alone.
     */
    private static Map<Long, Organisations.Tally> organisationsUsing(CaseData data, Map<Long, List<Integer>> templates,
                                                                     Organisations organisations) {
        Map<Long, Organisations.Tally> using = new HashMap<>();
        for (Long frame : templates.keySet()) {
            using.put(frame, organisations.tally());
        }
        for (int account = 0; account < data.size(); account++) {
            AccountActivity a = data.activity(account);
            int holder = account;
            for (FrameCounter counter : new FrameCounter[] {a.frames(), a.closings()}) {
                counter.forEachFrame(frame -> {
                    Organisations.Tally tally = using.get(frame);
                    if (tally != null) {
                        tally.add(holder);
                    }
                });
            }
        }
        return using;
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

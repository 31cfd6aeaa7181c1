package dev.quarry.analysis.campaign;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.signals.CapabilitySweepSignal;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.Links;
import dev.quarry.analysis.signals.ModelPivotSignal;
import dev.quarry.analysis.signals.SharedInfrastructureSignal;
import dev.quarry.analysis.signals.SharedTemplateSignal;
import dev.quarry.analysis.signals.SharedValues;
import dev.quarry.analysis.signals.SynchronizedActivitySignal;
import dev.quarry.graph.Communities;
import dev.quarry.graph.DenseBlocks;
import dev.quarry.graph.WeightedGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the signals into campaigns. The links of all pairwise signals form one weighted account
 * graph; Louvain modularity finds its communities (candidate groups), which {@link CommunityShaping}
 * splits and merges where modularity's resolution misleads it. Each candidate is judged by
 * {@link GroupJudge} on evidence computed exactly for its members, not on the sampled links that
 * proposed it: which members share a
 * rare card, address, client setting or template with another member, which are in step with the
 * rest of the group beyond their own rhythm, how many sweep the task taxonomy, ask for reasoning,
 * draw long answers or rushed to a new model.
 * <p>
 * Coordination falls into independent sources: billing (accounts table), network (addresses),
 * client configuration (user agents, request parameters), prompts (templates) and timing
 * (synchronized activity, model pivot); behaviour (members acting alike) stands in only when an extract offers
 * fewer than two of the others. Each source alone has innocent explanations, so a group needs two
 * bodies of evidence (two established sources, each tying at least half its members, or one source
 * and members harvesting outputs together) and members from several organisations. Wherever the
 * extract shows prompts or answer lengths, it must also harvest the model's outputs: ask for
 * reasoning or draw long answers, which is what distillation is for and what evaluators sweeping
 * tasks do not do. A group tied by shared artefacts alone (templates, client settings, activity in
 * step), with no operational linkage (billing, network), must take out more: long answers in bulk
 * or across the taxonomy, since unrelated customers of one public harness, framework or schedule
 * share those artefacts by nature. Accounts acting in lockstep with two more sources, operational
 * linkage among them, are the one exception. The
 * score is a noisy-OR of the families' strengths times their reliability. A campaign is narrowed to
 * the members tied to each other, not to bystanders in its community; a member is flagged only
 * when its own ties carry the group's sources and it takes part in the harvest (or behaves like the
 * group's typical member). An account's risk is its campaign's score, lowered when its ties to the
 * campaign are a small part of its links; accounts outside campaigns keep a low risk from their
 * anomaly alone, since being unusual is not evidence of coordination (heavy legitimate users are
 * unusual).
 */
public final class CampaignAssembler {
    /** Families whose evidence is a value shared between two members. */
    static final List<Evidence> SHARED = List.of(Evidence.BILLING, Evidence.INFRASTRUCTURE, Evidence.CLIENT, Evidence.TEMPLATE);
    /** Families that tie one member to another (shared values and synchronized activity). */
    static final List<Evidence> TIES = List.of(Evidence.BILLING, Evidence.INFRASTRUCTURE, Evidence.CLIENT, Evidence.TEMPLATE,
            Evidence.SYNCHRONIZED);

    enum Source { BILLING, NETWORK, CLIENT, TIMING, PROMPTS, HARVEST, BEHAVIOUR }

    /** How far the rules trust a family of evidence, fully established (its weight in the noisy-OR score). */
    static double reliability(Evidence e, DetectionRules.Reliability trust) {
        return switch (e) {
            case BILLING -> trust.billing();
            case INFRASTRUCTURE -> trust.infrastructure();
            case CLIENT -> trust.client();
            case TEMPLATE -> trust.template();
            case SYNCHRONIZED -> trust.synchrony();
            case DENSE_BLOCK -> trust.denseBlock();
            case MODEL_PIVOT -> trust.modelPivot();
            case CAPABILITY_SWEEP -> trust.capabilitySweep();
            case BEHAVIOUR -> trust.behaviour();
            case REASONING_HARVEST -> trust.reasoningHarvest();
            case OUTPUT_HARVEST -> trust.outputHarvest();
        };
    }

    static Source sourceOf(Evidence e) {
        return switch (e) {
            case BILLING -> Source.BILLING;
            case INFRASTRUCTURE -> Source.NETWORK;
            case SYNCHRONIZED, MODEL_PIVOT -> Source.TIMING;
            case TEMPLATE, CAPABILITY_SWEEP, REASONING_HARVEST -> Source.PROMPTS;
            case CLIENT -> Source.CLIENT;
            case OUTPUT_HARVEST -> Source.HARVEST;
            case BEHAVIOUR -> Source.BEHAVIOUR;
            case DENSE_BLOCK -> null; // built from billing, network and prompt values: not independent of them
        };
    }

    /**
     * What assembly concludes.
     *
     * @param campaignOf per account, the campaign it is flagged in, or null
     * @param risk       per account, its risk in [0,1]
     * @param reasons    per account, its reasons, strongest first
     * @param campaigns  the campaigns, in id order
     */
    public record Assembly(Integer[] campaignOf, double[] risk, List<List<String>> reasons, List<CampaignFinding> campaigns) {
    }

    public static Assembly assemble(Inputs in) {
        CaseData data = in.data();
        DetectionRules.AssemblyRules rules = in.options().rules().assembly();
        int n = data.size();
        WeightedGraph.Builder builder = new WeightedGraph.Builder(n);
        for (Links links : in.links().values()) {
            for (int i = 0; i < links.size(); i++) {
                if (links.weight(i) >= rules.minLink()) {
                    builder.add(links.first(i), links.second(i), links.weight(i));
                }
            }
        }
        WeightedGraph graph = builder.build();
        int[] label = Communities.louvain(graph, in.options().seed(), rules.communityResolution());
        int labels = Arrays.stream(label).max().orElse(-1) + 1;
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int l = 0; l < labels; l++) {
            byLabel.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            byLabel.get(label[v]).add(v);
        }

        GroupJudge judge = new GroupJudge(in, label);
        long candidates = byLabel.stream().filter(g -> g.size() >= in.options().minCampaignSize()).count();
        // a pivot or a harvest must stand out against chance across all the groups tested (Bonferroni)
        double significance = rules.significance() / Math.max(1, candidates);
        List<Group> groups = new ArrayList<>();
        for (List<Integer> members : byLabel) {
            if (members.size() < in.options().minCampaignSize()) {
                continue;
            }
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            if (judge.parties(m) < in.options().minCampaignSize()) {
                continue;
            }
            groups.add(judge.evaluate(m, significance));
        }
        groups = CommunityShaping.refine(groups, byLabel, label, graph, judge, significance, in.options());
        groups = CommunityShaping.separateOperations(groups, byLabel, label, graph, judge, significance, in.options());
        groups = CommunityShaping.mergeFragments(groups, byLabel, label, graph, judge, significance, in.options().flagThreshold());
        groups.sort(Comparator.comparingDouble(Group::score).reversed()
                .thenComparing(g -> -g.members().length).thenComparingInt(g -> g.members()[0]));

        Integer[] campaignOf = new Integer[n];
        Integer[] nearCampaign = new Integer[n];
        double[] risk = new double[n];
        double[] anomalyRank = ranks(in.anomaly());
        for (int v = 0; v < n; v++) {
            risk[v] = rules.outsideCampaignMaxRisk() * anomalyRank[v];
        }
        List<CampaignFinding> campaigns = new ArrayList<>();
        List<List<String>> reasons = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            reasons.add(new ArrayList<>());
        }
        int nextId = 1;
        for (Group community : groups) {
            if (community.score() < in.options().flagThreshold()) {
                continue;
            }
            int id = nextId++;
            Group group = core(community, judge, significance, in.options());
            Set<Integer> inCore = new HashSet<>();
            for (int v : group.members()) {
                inCore.add(v);
            }
            for (int v : community.members()) {
                if (!inCore.contains(v)) {
                    risk[v] = Math.max(risk[v], rules.nearCampaignRiskShare() * community.score());
                    nearCampaign[v] = id;
                }
            }
            int supported = 0;
            boolean[] support = supportOf(group, judge);
            for (int k = 0; k < group.members().length; k++) {
                int v = group.members()[k];
                double attachment = attachment(graph, label, v);
                if (support[k]) {
                    supported++;
                    campaignOf[v] = id;
                    risk[v] = group.score() * (rules.attachedRiskFloor() + (1 - rules.attachedRiskFloor()) * attachment);
                } else {
                    risk[v] = Math.max(risk[v], rules.nearCampaignRiskShare() * group.score());
                    nearCampaign[v] = id;
                }
            }
            Group described = flaggedPart(group, support, supported, judge, significance);
            List<Evidence> evidence = new ArrayList<>();
            described.strength().entrySet().stream()
                    .filter(s -> s.getValue() >= rules.established())
                    .sorted((x, y) -> Double.compare(reliability(y.getKey(), rules.reliability()) * y.getValue(),
                            reliability(x.getKey(), rules.reliability()) * x.getValue()))
                    .forEach(s -> evidence.add(s.getKey()));
            String title = String.join(", ", evidence.stream().limit(3).map(Evidence::description).toList());
            campaigns.add(new CampaignFinding(id, title, round(group.score()), supported, List.copyOf(evidence), described.reasons()));
            ReasonWriter.CampaignFacts facts = new ReasonWriter.CampaignFacts(in, group.members(), id, campaignOf);
            for (int k = 0; k < group.members().length; k++) {
                int v = group.members()[k];
                if (campaignOf[v] != null && campaignOf[v] == id) {
                    reasons.set(v, ReasonWriter.accountReasons(in, v, k, id, group, facts));
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (campaignOf[v] == null && nearCampaign[v] != null) {
                reasons.set(v, List.of("grouped with campaign " + nearCampaign[v] + " by " + graph.degree(v)
                        + " links, but its own ties or its own share in the extraction are too weak to flag it; "
                        + ReasonWriter.anomalySentence(anomalyRank[v])));
            } else if (campaignOf[v] == null) {
                reasons.set(v, List.of(ReasonWriter.unlinkedReason(in, v, anomalyRank[v], graph.degree(v))));
            } else {
                List<String> r = new ArrayList<>(reasons.get(v));
                r.add(ReasonWriter.anomalySentence(anomalyRank[v]));
                reasons.set(v, r);
            }
        }
        return new Assembly(campaignOf, risk, reasons, campaigns);
    }

    /**
     * Which members are flagged: the account itself must be tied to the group through as many
     * independent sources as the group needs (sharing a public benchmark's prompts alone does not
     * make a farm member) and take part in the extraction. One source suffices for a member that
     * harvests as the group does and acts like its typical member: a proxy farm gives some members
     * addresses nobody else used, but they run the farm's templates and script. In a group tied by
     * payment or network, a member tied only by artefacts (the public harness or template the farm
     * poses with) needs that too: a lab running the benchmark a farm imitates shares its prompts
     * and client, not its operation.
     */
    private static boolean[] supportOf(Group group, GroupJudge judge) {
        int needed = Math.max(1, Math.min(2, tieSources(group, judge.assembly.established())));
        Set<Source> operational = GroupJudge.operationalLinkage(group.established());
        boolean[] support = new boolean[group.members().length];
        for (int k = 0; k < support.length; k++) {
            Set<Source> own = ownSources(group, k, judge.quickAdopter(group.members()[k]), judge.rules);
            boolean actsAsTheGroup = !own.isEmpty() && group.typicality()[k] >= judge.assembly.typicalMember()
                    && judge.harvestsLikeItsGroup(group, k);
            boolean operated = operational.isEmpty() || own.stream().anyMatch(operational::contains);
            support[k] = judge.takesPartInExtraction(group, k)
                    && (own.size() >= needed && operated || actsAsTheGroup);
        }
        return support;
    }

    /**
     * The campaign as its flagged members show it, for its evidence and reasons: a count such as
     * "8 of 9 members share billing" must be of the members the campaign names, not of the group
     * before its unsupported members were set apart. The group itself when every member is flagged.
     */
    private static Group flaggedPart(Group group, boolean[] support, int supported, GroupJudge judge, double significance) {
        int[] members = group.members();
        if (supported == members.length || supported < 2) {
            return group;
        }
        int own = judge.label[members[0]];
        int[] flagged = new int[supported];
        for (int k = 0, f = 0; k < members.length; k++) {
            if (support[k]) {
                flagged[f++] = members[k];
            } else {
                judge.label[members[k]] = -1 - members[k];
            }
        }
        for (int v : flagged) {
            judge.label[v] = own;
        }
        Group described = judge.evaluate(flagged, significance);
        for (int v : members) {
            judge.label[v] = own;
        }
        return described;
    }

    /** Rounds of narrowing a campaign to the members tied to its flagged members (a budget, not a judgement). */
    static final int MAX_CORE_ROUNDS = 3;

    /**
     * The campaign without the bystanders Louvain put in its community. A member's ties count
     * whoever in the community they lead to, so a student behind a campus NAT that Louvain joined to
     * a farm is tied to the farm through its fellow students. Members without support are set apart
     * and the rest judged again, their ties now leading only to each other, until nobody more drops
     * out; a narrowing that would leave no campaign is not made.
     */
    private static Group core(Group community, GroupJudge judge, double significance, AssemblySettings options) {
        Group current = community;
        for (int round = 0; round < MAX_CORE_ROUNDS; round++) {
            boolean[] support = supportOf(current, judge);
            int[] members = current.members();
            int[] kept = java.util.stream.IntStream.range(0, members.length).filter(k -> support[k]).map(k -> members[k]).toArray();
            if (kept.length == members.length || kept.length < options.minCampaignSize()) {
                return current;
            }
            int own = judge.label[members[0]];
            for (int k = 0; k < members.length; k++) {
                if (!support[k]) {
                    judge.label[members[k]] = -1 - members[k];
                }
            }
            // keep the community's own label for the core (members[0] may have dropped out)
            for (int v : kept) {
                judge.label[v] = own;
            }
            Group next = judge.evaluate(kept, significance);
            if (next.score() < options.flagThreshold()) {
                for (int v : members) {
                    judge.label[v] = own;
                }
                return current;
            }
            current = next;
        }
        return current;
    }

    /**
     * The source of coordination an evidence family shows, or null for what members do rather than
     * how they are tied (sweeping tasks, harvesting outputs) and for dense blocks, which are built
     * from the other families' values.
     */
    static Source coordinationSource(Evidence e) {
        return switch (e) {
            case CAPABILITY_SWEEP, REASONING_HARVEST, OUTPUT_HARVEST, DENSE_BLOCK -> null;
            default -> sourceOf(e);
        };
    }

    /** Members harvest the model's outputs: they ask for reasoning, or draw long answers. */
    static boolean harvest(Map<Evidence, Double> strength, double established) {
        return strength.get(Evidence.REASONING_HARVEST) >= established || strength.get(Evidence.OUTPUT_HARVEST) >= established;
    }

    static boolean extraction(Map<Evidence, Double> strength, double established) {
        return harvest(strength, established) || strength.get(Evidence.CAPABILITY_SWEEP) >= established;
    }

    /**
     * Sources through which the member at position k is itself tied to the group, among the
     * group's established ones; a quick adopter of the model the group pivoted to is tied in time.
     */
    static Set<Source> ownSources(Group group, int k, boolean quickAdopter, DetectionRules rules) {
        double established = rules.assembly().established();
        Set<Source> own = EnumSet.noneOf(Source.class);
        for (Evidence e : TIES) {
            if (group.strength().get(e) >= established && group.ties().get(e)[k]) {
                own.add(sourceOf(e));
            }
        }
        // once most of the group is in step beyond doubt, a member shares in it at a looser bar
        double[] synchrony = group.synchrony()[k];
        if (group.strength().get(Evidence.SYNCHRONIZED) >= established
                && synchrony[0] >= rules.synchrony().memberOfSynchronizedGroupZ() && synchrony[1] > 1) {
            own.add(Source.TIMING);
        }
        if (quickAdopter && group.strength().get(Evidence.MODEL_PIVOT) >= established) {
            own.add(Source.TIMING);
        }
        return own;
    }

    /** Independent sources among the group's established tie families and its pivot. */
    private static int tieSources(Group group, double established) {
        Set<Source> sources = EnumSet.noneOf(Source.class);
        for (Evidence e : TIES) {
            if (group.strength().get(e) >= established) {
                sources.add(sourceOf(e));
            }
        }
        if (group.strength().get(Evidence.MODEL_PIVOT) >= established) {
            sources.add(Source.TIMING);
        }
        return sources.size();
    }

    /** The share of the account's link weight that stays inside its community. */
    private static double attachment(WeightedGraph graph, int[] label, int v) {
        double inside = 0;
        double total = 0;
        for (int i = 0; i < graph.degree(v); i++) {
            total += graph.weight(v, i);
            if (label[graph.neighbour(v, i)] == label[v]) {
                inside += graph.weight(v, i);
            }
        }
        return total > 0 ? inside / total : 0;
    }

    /** Each member's cosine with the mean direction of the members' standardized features. */
    static double[] typicality(double[][] standardized, int[] members) {
        double[] out = new double[members.length];
        if (standardized.length == 0 || members.length < 2) {
            return out;
        }
        int d = standardized[0].length;
        double[] sum = new double[d];
        double[][] unit = new double[members.length][];
        for (int k = 0; k < members.length; k++) {
            double[] x = standardized[members[k]];
            double norm = 0;
            for (double value : x) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            unit[k] = new double[d];
            for (int j = 0; j < d && norm > 0; j++) {
                unit[k][j] = x[j] / norm;
                sum[j] += unit[k][j];
            }
        }
        double sumNorm = 0;
        for (double value : sum) {
            sumNorm += value * value;
        }
        sumNorm = Math.sqrt(sumNorm);
        for (int k = 0; k < members.length && sumNorm > 0; k++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += unit[k][j] * sum[j];
            }
            out[k] = dot / sumNorm;
        }
        return out;
    }

    /** Mean pairwise cosine of the members' standardized features, from the norm of their summed unit vectors. */
    static double meanCosine(double[][] standardized, int[] members) {
        if (members.length < 2 || standardized.length == 0) {
            return 0;
        }
        int d = standardized[0].length;
        double[] sum = new double[d];
        for (int v : members) {
            double norm = 0;
            for (double x : standardized[v]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                sum[j] += standardized[v][j] / norm;
            }
        }
        double squared = 0;
        for (double s : sum) {
            squared += s * s;
        }
        double m = members.length;
        return (squared - m) / (m * (m - 1));
    }

    /** Fraction of values strictly below each value: 0 for the least, near 1 for the most anomalous. */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] rank = new double[n];
        for (int k = 0; k < n; k++) {
            rank[order[k]] = n > 1 ? k / (double) (n - 1) : 0;
        }
        return rank;
    }

    public static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}

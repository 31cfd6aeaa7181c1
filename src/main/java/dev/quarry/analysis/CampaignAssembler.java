package dev.quarry.analysis;

import dev.quarry.analysis.signals.BehaviourSimilarity;
import dev.quarry.analysis.signals.CapabilitySweepSignal;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.Links;
import dev.quarry.analysis.signals.ModelPivotSignal;
import dev.quarry.analysis.signals.OutputHarvestSignal;
import dev.quarry.analysis.signals.ReasoningHarvestSignal;
import dev.quarry.analysis.signals.SharedInfrastructureSignal;
import dev.quarry.analysis.signals.SharedTemplateSignal;
import dev.quarry.graph.Communities;
import dev.quarry.graph.WeightedGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns pairwise links into campaigns. The links of all pairwise signals form one weighted account
 * graph; label propagation finds its communities; each community is scored by how many independent
 * sources of evidence support it: billing (accounts table), network (IPs, user agents), timing
 * (synchronized windows, model pivot), prompts (templates, capability sweep, reasoning harvest),
 * client configuration (identical uncommon request parameters), harvest (members drawing long
 * answers) and behaviour
 * (members that act alike). Each source alone has innocent explanations, so a community needs two
 * established sources (a family that ties at least half its members by a strong link) and, when the
 * extract has prompts, a sign of extraction (sweep, reasoning or output harvest, model pivot) or a third
 * source to become a campaign; its
 * score is a noisy-OR of the families' strengths times their reliability. An account's risk is its
 * campaign's score, lowered when its own ties to the campaign are a small part of its links;
 * accounts outside campaigns keep a low risk from their anomaly alone, since being unusual is not
 * evidence of coordination (heavy legitimate users are unusual).
 */
final class CampaignAssembler {
    static final double MIN_LINK = 0.1;
    /** A link this strong ties a member to its group for a family (e.g. a card shared by a few dozen accounts). */
    static final double STRONG_LINK = 0.25;
    static final double ESTABLISHED = 0.5;
    static final double OUTSIDE_CAMPAIGN_MAX_RISK = 0.3;
    /**
     * Modularity's own scale (gamma = 1): a community keeps growing only while its ties beat what
     * chance gives a group of its total link weight, so loosely chained accounts of a large extract
     * do not become one community that hides the farms inside it.
     */
    static final double COMMUNITY_RESOLUTION = 1.0;

    private static final Map<Evidence, Double> RELIABILITY = new EnumMap<>(Map.ofEntries(
            Map.entry(Evidence.BILLING, 0.7), Map.entry(Evidence.INFRASTRUCTURE, 0.5), Map.entry(Evidence.SYNCHRONIZED, 0.7),
            Map.entry(Evidence.TEMPLATE, 0.6), Map.entry(Evidence.DENSE_BLOCK, 0.5), Map.entry(Evidence.CAPABILITY_SWEEP, 0.4),
            Map.entry(Evidence.MODEL_PIVOT, 0.5), Map.entry(Evidence.BEHAVIOUR, 0.4), Map.entry(Evidence.CLIENT, 0.5),
            Map.entry(Evidence.REASONING_HARVEST, 0.4), Map.entry(Evidence.OUTPUT_HARVEST, 0.4)));

    private static final List<Evidence> PAIRWISE = List.of(Evidence.BILLING, Evidence.INFRASTRUCTURE,
            Evidence.SYNCHRONIZED, Evidence.TEMPLATE, Evidence.CLIENT);

    enum Source { BILLING, NETWORK, CLIENT, TIMING, PROMPTS, HARVEST, BEHAVIOUR }

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

    record Inputs(CaseData data, Map<Evidence, Links> links, List<dev.quarry.graph.DenseBlocks.Block> denseBlocks,
                  SharedTemplateSignal.Templates[] templates,
                  List<ModelPivotSignal.Release> releases, double[][] standardized, double[] anomaly,
                  Map<AttributeKind, SharedInfrastructureSignal.Holders> holders, double[] reasoningShare,
                  double[] meanCompletionTokens,
                  AnalysisOptions options) {
    }

    record Assembly(Integer[] campaignOf, double[] risk, List<List<String>> reasons, List<Campaign> campaigns) {
    }

    private record Group(int[] members, Map<Evidence, Double> strength, Map<Evidence, Integer> covered,
                         double score, List<String> reasons) {
    }

    static Assembly assemble(Inputs in) {
        CaseData data = in.data();
        int n = data.size();
        WeightedGraph.Builder builder = new WeightedGraph.Builder(n);
        for (Evidence e : PAIRWISE) {
            Links links = in.links().get(e);
            if (links == null) {
                continue;
            }
            for (int i = 0; i < links.size(); i++) {
                if (links.weight(i) >= MIN_LINK) {
                    builder.add(links.first(i), links.second(i), links.weight(i));
                }
            }
        }
        WeightedGraph graph = builder.build();
        int[] label = Communities.mergeStronglyTied(graph, Communities.labelPropagation(graph, in.options().seed(), 50, COMMUNITY_RESOLUTION), 0.5);

        Map<Evidence, boolean[]> covered = new EnumMap<>(Evidence.class);
        for (Evidence e : PAIRWISE) {
            boolean[] c = new boolean[n];
            Links links = in.links().get(e);
            for (int i = 0; links != null && i < links.size(); i++) {
                int a = links.first(i);
                int b = links.second(i);
                if (links.weight(i) >= STRONG_LINK && label[a] == label[b]) {
                    c[a] = true;
                    c[b] = true;
                }
            }
            covered.put(e, c);
        }

        int labels = Arrays.stream(label).max().orElse(-1) + 1;
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int l = 0; l < labels; l++) {
            byLabel.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            byLabel.get(label[v]).add(v);
        }
        BehaviourSimilarity similarity = new BehaviourSimilarity(in.standardized());
        double globalCohesion = meanCosine(in.standardized(), allAccounts(n));
        double reasoningBase = ReasoningHarvestSignal.baseRate(in.reasoningShare());
        double longAnswer = OutputHarvestSignal.threshold(in.meanCompletionTokens());
        Set<Source> available = ReasonWriter.availableSources(data);
        // Members behaving alike is what a group of similar legitimate users also shows; it only
        // stands in as a second source when the extract lacks billing, network and prompts.
        boolean behaviourCounts = available.size() - 1 < 2;
        int requiredSources = Math.min(2, behaviourCounts ? available.size() : available.size() - 1);

        // a pivot must stand out against chance across all the groups tested (Bonferroni, 5 %)
        long candidates = byLabel.stream().filter(g -> g.size() >= in.options().minCampaignSize()).count();
        double pivotSignificance = 0.05 / Math.max(1, candidates);
        List<Group> groups = new ArrayList<>();
        for (List<Integer> members : byLabel) {
            if (members.size() < in.options().minCampaignSize()) {
                continue;
            }
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            Map<Evidence, Double> strength = new EnumMap<>(Evidence.class);
            Map<Evidence, Integer> coveredCount = new EnumMap<>(Evidence.class);
            for (Evidence e : PAIRWISE) {
                int count = 0;
                for (int v : m) {
                    if (covered.get(e)[v]) {
                        count++;
                    }
                }
                coveredCount.put(e, count);
                strength.put(e, count / (double) m.length);
            }
            SharedTemplateSignal.Templates[] memberTemplates = new SharedTemplateSignal.Templates[m.length];
            for (int i = 0; i < m.length; i++) {
                memberTemplates[i] = in.templates()[m[i]];
            }
            // an organisation counts once: accounts of one org share tooling and billing by design,
            // so a group of a few enterprises is a few parties, not a crowd of accounts
            java.util.Set<Integer> parties = new java.util.HashSet<>();
            int orgless = 0;
            for (int v : m) {
                int org = data.activity(v).mainOrg();
                if (org < 0) {
                    orgless++;
                } else {
                    parties.add(org);
                }
            }
            if (parties.size() + orgless < in.options().minCampaignSize()) {
                continue;
            }
            CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(memberTemplates);
            // task types are template frames: a sweep only means something among members that share templates
            strength.put(Evidence.CAPABILITY_SWEEP, strength.get(Evidence.TEMPLATE) >= ESTABLISHED ? sweep.strength() : 0);
            strength.put(Evidence.DENSE_BLOCK, blockShare(in.denseBlocks(), m));
            coveredCount.put(Evidence.DENSE_BLOCK, (int) Math.round(strength.get(Evidence.DENSE_BLOCK) * m.length));
            double[] pivot = ModelPivotSignal.pivot(in.releases(), m, pivotSignificance);
            strength.put(Evidence.MODEL_PIVOT, pivot == null ? 0 : pivot[0]);
            strength.put(Evidence.REASONING_HARVEST, ReasoningHarvestSignal.strength(in.reasoningShare(), m, reasoningBase));
            strength.put(Evidence.OUTPUT_HARVEST, OutputHarvestSignal.strength(in.meanCompletionTokens(), m, longAnswer));
            double cohesion = meanCosine(in.standardized(), m);
            double cohesionStrength = globalCohesion >= 1 ? 0
                    : Math.max(0, Math.min(1, (cohesion - globalCohesion) / (1 - globalCohesion)));
            strength.put(Evidence.BEHAVIOUR, cohesionStrength);

            double keep = 1;
            java.util.EnumSet<Source> established = java.util.EnumSet.noneOf(Source.class);
            for (Map.Entry<Evidence, Double> s : strength.entrySet()) {
                keep *= 1 - RELIABILITY.get(s.getKey()) * s.getValue();
                Source source = sourceOf(s.getKey());
                if (source != null && s.getValue() >= ESTABLISHED && (source != Source.BEHAVIOUR || behaviourCounts)) {
                    established.add(source);
                }
            }
            double score = 1 - keep;
            if (established.size() < requiredSources) {
                score *= 0.5;
            }
            // Coordination through two sources describes a company with several API accounts as
            // well as a farm; such a campaign must also show extraction: a sweep of task types,
            // harvesting of reasoning, or a rush to a new model. Three independent sources of
            // coordination stand on their own. Without prompt text only the pivot can show
            // extraction, so the rule applies when prompts are there.
            boolean extraction = strength.get(Evidence.CAPABILITY_SWEEP) >= ESTABLISHED
                    || strength.get(Evidence.REASONING_HARVEST) >= ESTABLISHED
                    || strength.get(Evidence.MODEL_PIVOT) >= ESTABLISHED
                    || strength.get(Evidence.OUTPUT_HARVEST) >= ESTABLISHED;
            if (available.contains(Source.PROMPTS) && !extraction && established.size() < 3) {
                score *= 0.5;
            }
            List<String> reasons = ReasonWriter.campaignReasons(in, m, strength, coveredCount, sweep, pivot,
                    cohesion, globalCohesion, similarity);
            groups.add(new Group(m, strength, coveredCount, score, reasons));
        }
        groups.sort(Comparator.comparingDouble(Group::score).reversed()
                .thenComparing(g -> -g.members().length).thenComparingInt(g -> g.members()[0]));

        Integer[] campaignOf = new Integer[n];
        Integer[] nearCampaign = new Integer[n];
        double[] risk = new double[n];
        double[] anomalyRank = ranks(in.anomaly());
        for (int v = 0; v < n; v++) {
            risk[v] = OUTSIDE_CAMPAIGN_MAX_RISK * anomalyRank[v];
        }
        List<Campaign> campaigns = new ArrayList<>();
        List<List<String>> reasons = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            reasons.add(new ArrayList<>());
        }
        int nextId = 1;
        Map<Integer, Map<Long, List<Long>>> startsByDay = new java.util.HashMap<>();
        for (Group group : groups) {
            if (group.score() < in.options().flagThreshold()) {
                continue;
            }
            int id = nextId++;
            int supported = 0;
            for (int v : group.members()) {
                // the account itself must be tied to the group through as many independent sources as
                // the group needs: sharing a public benchmark's prompts alone does not make a farm member
                java.util.EnumSet<Source> own = java.util.EnumSet.noneOf(Source.class);
                for (Evidence e : PAIRWISE) {
                    Source source = sourceOf(e);
                    if (source != null && group.strength().get(e) >= ESTABLISHED && covered.get(e)[v]) {
                        own.add(source);
                    }
                }
                boolean support = own.size() >= Math.max(1, Math.min(2, pairwiseSources(group)))
                        && takesPartInExtraction(in, group, v);
                double inside = 0;
                double total = 0;
                for (int i = 0; i < graph.degree(v); i++) {
                    total += graph.weight(v, i);
                    if (label[graph.neighbour(v, i)] == label[v]) {
                        inside += graph.weight(v, i);
                    }
                }
                double attachment = total > 0 ? inside / total : 0;
                if (support) {
                    supported++;
                    campaignOf[v] = id;
                    risk[v] = group.score() * (0.7 + 0.3 * attachment);
                } else {
                    risk[v] = Math.max(risk[v], 0.4 * group.score());
                    nearCampaign[v] = id;
                }
            }
            List<String> signals = new ArrayList<>();
            group.strength().entrySet().stream()
                    .filter(s -> s.getValue() >= ESTABLISHED)
                    .sorted((x, y) -> Double.compare(RELIABILITY.get(y.getKey()) * y.getValue(), RELIABILITY.get(x.getKey()) * x.getValue()))
                    .forEach(s -> signals.add(s.getKey().signal()));
            String label2 = String.join(", ", signals.stream().limit(3)
                    .map(s -> Arrays.stream(Evidence.values()).filter(e -> e.signal().equals(s)).findFirst().orElseThrow().description())
                    .toList());
            campaigns.add(new Campaign(id, label2, round(group.score()), supported, List.copyOf(signals), group.reasons()));
            for (int v : group.members()) {
                if (campaignOf[v] != null && campaignOf[v] == id) {
                    reasons.set(v, ReasonWriter.accountReasons(in, v, id, group.members(), campaignOf, group.strength(), startsByDay));
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
     * Whether the account itself shows the extraction its group is flagged for: it adopted the new
     * model within a day, asks for reasoning, or uses the group's shared templates. Vacuously true
     * when the group's case offers no extraction evidence (no prompts, no release).
     */
    private static boolean takesPartInExtraction(Inputs in, Group group, int v) {
        boolean anyEstablished = false;
        if (group.strength().get(Evidence.MODEL_PIVOT) >= ESTABLISHED) {
            anyEstablished = true;
            for (ModelPivotSignal.Release release : in.releases()) {
                if (release.quickAdopter()[v]) {
                    return true;
                }
            }
        }
        if (group.strength().get(Evidence.REASONING_HARVEST) >= ESTABLISHED) {
            anyEstablished = true;
            if (in.reasoningShare()[v] >= 0.5) {
                return true;
            }
        }
        if (group.strength().get(Evidence.OUTPUT_HARVEST) >= ESTABLISHED) {
            anyEstablished = true;
            if (in.meanCompletionTokens()[v] > OutputHarvestSignal.median(in.meanCompletionTokens())) {
                return true;
            }
        }
        if (group.strength().get(Evidence.CAPABILITY_SWEEP) >= ESTABLISHED) {
            anyEstablished = true;
            if (in.templates()[v].frames().length > 0) {
                return true;
            }
        }
        return !anyEstablished;
    }

    /** The largest share of the group's members that lie in one dense block. */
    private static double blockShare(List<dev.quarry.graph.DenseBlocks.Block> blocks, int[] members) {
        java.util.Set<Integer> memberSet = new java.util.HashSet<>();
        for (int v : members) {
            memberSet.add(v);
        }
        int best = 0;
        for (dev.quarry.graph.DenseBlocks.Block block : blocks) {
            int inside = 0;
            for (int row : block.rows()) {
                if (memberSet.contains(row)) {
                    inside++;
                }
            }
            best = Math.max(best, inside);
        }
        return best / (double) members.length;
    }

    /** Independent sources among the group's established pairwise families. */
    private static int pairwiseSources(Group group) {
        java.util.EnumSet<Source> sources = java.util.EnumSet.noneOf(Source.class);
        for (Evidence e : PAIRWISE) {
            Source source = sourceOf(e);
            if (source != null && group.strength().get(e) >= ESTABLISHED) {
                sources.add(source);
            }
        }
        return sources.size();
    }

    private static int[] allAccounts(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
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

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}

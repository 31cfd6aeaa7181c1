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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the signals into campaigns. The links of all pairwise signals form one weighted account
 * graph; Louvain modularity finds its communities (candidate groups), and fragments of one campaign
 * that modularity keeps apart are put back together. Each candidate is then judged on evidence
 * computed exactly for its members, not on the sampled links that proposed it: which members share a
 * rare card, address, client setting or template with another member, which are in step with the
 * rest of the group beyond their own rhythm, how many sweep the task taxonomy, ask for reasoning,
 * draw long answers or rushed to a new model.
 * <p>
 * Coordination falls into independent sources: billing (accounts table), network (addresses, user
 * agents), client configuration (request parameters), prompts (templates) and timing (synchronized
 * activity, model pivot); behaviour (members acting alike) stands in only when an extract offers
 * fewer than two of the others. Each source alone has innocent explanations, so a group needs two
 * bodies of evidence (two established sources, each tying at least half its members, or one source
 * and members harvesting outputs together) and members from several organisations. Wherever the
 * extract shows prompts or answer lengths, it must also harvest the model's outputs: ask for
 * reasoning or draw long answers, which is what distillation is for and what evaluators sweeping
 * tasks do not do; accounts acting in lockstep with two more sources are the one exception. The
 * score is a noisy-OR of the families' strengths times their reliability. A member is flagged only
 * when its own ties carry the group's sources and it takes part in the harvest (or behaves like the
 * group's typical member). An account's risk is its campaign's score, lowered when its ties to the
 * campaign are a small part of its links; accounts outside campaigns keep a low risk from their
 * anomaly alone, since being unusual is not evidence of coordination (heavy legitimate users are
 * unusual).
 */
final class CampaignAssembler {
    static final double MIN_LINK = 0.1;
    /** A tie this strong binds a member to its group for a family (e.g. a card shared by a few dozen accounts). */
    static final double STRONG_LINK = 0.25;
    static final double ESTABLISHED = 0.5;
    static final double OUTSIDE_CAMPAIGN_MAX_RISK = 0.3;
    /** A member this close to its group's mean behaviour acts as the group does. */
    static final double TYPICAL_MEMBER = 0.9;
    /** Modularity's own scale (gamma = 1) for the Louvain communities. */
    static final double COMMUNITY_RESOLUTION = 1.0;

    private static final Map<Evidence, Double> RELIABILITY = new EnumMap<>(Map.ofEntries(
            Map.entry(Evidence.BILLING, 0.7), Map.entry(Evidence.INFRASTRUCTURE, 0.5), Map.entry(Evidence.SYNCHRONIZED, 0.7),
            Map.entry(Evidence.TEMPLATE, 0.6), Map.entry(Evidence.DENSE_BLOCK, 0.5), Map.entry(Evidence.CAPABILITY_SWEEP, 0.4),
            Map.entry(Evidence.MODEL_PIVOT, 0.5), Map.entry(Evidence.BEHAVIOUR, 0.4), Map.entry(Evidence.CLIENT, 0.5),
            Map.entry(Evidence.REASONING_HARVEST, 0.4), Map.entry(Evidence.OUTPUT_HARVEST, 0.4)));

    /** Families whose evidence is a value shared between two members. */
    static final List<Evidence> SHARED = List.of(Evidence.BILLING, Evidence.INFRASTRUCTURE, Evidence.CLIENT, Evidence.TEMPLATE);
    /** Families that tie one member to another (shared values and synchronized activity). */
    static final List<Evidence> TIES = List.of(Evidence.BILLING, Evidence.INFRASTRUCTURE, Evidence.CLIENT, Evidence.TEMPLATE,
            Evidence.SYNCHRONIZED);

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

    record Inputs(CaseData data, Map<Evidence, SharedValues> shared, Map<Evidence, Links> links,
                  SynchronizedActivitySignal.Activity activity, List<DenseBlocks.Block> denseBlocks,
                  SharedTemplateSignal.Templates[] templates, double[][] taskMixes,
                  List<ModelPivotSignal.Release> releases, double[][] standardized, double[] anomaly,
                  Map<AttributeKind, SharedInfrastructureSignal.Holders> holders, double[] reasoningShare,
                  double[] meanCompletionTokens, AnalysisOptions options) {
    }

    record Assembly(Integer[] campaignOf, double[] risk, List<List<String>> reasons, List<Campaign> campaigns) {
    }

    /**
     * A judged candidate group.
     *
     * @param ties      per tie family, which members (by position) are bound to another member
     * @param synchrony per member {z, observed / expected} of its overlap with the rest of the group
     * @param typicality per member, the cosine of its behaviour features with the group's mean direction
     */
    record Group(int[] members, Map<Evidence, Double> strength, Map<Evidence, Integer> covered,
                 Map<Evidence, boolean[]> ties, double[][] synchrony, CapabilitySweepSignal.Sweep sweep, double[] pivot,
                 double cohesion, double[] typicality, double score, Set<Source> established, List<String> reasons) {
    }

    static Assembly assemble(Inputs in) {
        CaseData data = in.data();
        int n = data.size();
        WeightedGraph.Builder builder = new WeightedGraph.Builder(n);
        for (Links links : in.links().values()) {
            for (int i = 0; i < links.size(); i++) {
                if (links.weight(i) >= MIN_LINK) {
                    builder.add(links.first(i), links.second(i), links.weight(i));
                }
            }
        }
        WeightedGraph graph = builder.build();
        int[] label = Communities.louvain(graph, in.options().seed(), COMMUNITY_RESOLUTION);
        int labels = Arrays.stream(label).max().orElse(-1) + 1;
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int l = 0; l < labels; l++) {
            byLabel.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            byLabel.get(label[v]).add(v);
        }

        Judge judge = new Judge(in, label);
        long candidates = byLabel.stream().filter(g -> g.size() >= in.options().minCampaignSize()).count();
        // a pivot must stand out against chance across all the groups tested (Bonferroni, 5 %)
        double pivotSignificance = 0.05 / Math.max(1, candidates);
        List<Group> groups = new ArrayList<>();
        for (List<Integer> members : byLabel) {
            if (members.size() < in.options().minCampaignSize()) {
                continue;
            }
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            if (judge.parties(m) < in.options().minCampaignSize()) {
                continue;
            }
            groups.add(judge.evaluate(m, pivotSignificance));
        }
        groups = refine(groups, byLabel, label, graph, judge, pivotSignificance, in.options());
        groups = separateOperations(groups, byLabel, label, graph, judge, pivotSignificance, in.options());
        groups = mergeFragments(groups, byLabel, label, graph, judge, pivotSignificance, in.options().flagThreshold());
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
        for (Group community : groups) {
            if (community.score() < in.options().flagThreshold()) {
                continue;
            }
            int id = nextId++;
            Group group = core(community, judge, pivotSignificance, in.options());
            Set<Integer> inCore = new HashSet<>();
            for (int v : group.members()) {
                inCore.add(v);
            }
            for (int v : community.members()) {
                if (!inCore.contains(v)) {
                    risk[v] = Math.max(risk[v], 0.4 * community.score());
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
            String title = String.join(", ", signals.stream().limit(3)
                    .map(s -> Arrays.stream(Evidence.values()).filter(e -> e.signal().equals(s)).findFirst().orElseThrow().description())
                    .toList());
            campaigns.add(new Campaign(id, title, round(group.score()), supported, List.copyOf(signals), group.reasons()));
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
     * addresses nobody else used, but they run the farm's templates and script.
     */
    private static boolean[] supportOf(Group group, Judge judge) {
        int needed = Math.max(1, Math.min(2, tieSources(group)));
        boolean[] support = new boolean[group.members().length];
        for (int k = 0; k < support.length; k++) {
            Set<Source> own = ownSources(group, k, judge.quickAdopter(group.members()[k]));
            support[k] = judge.takesPartInExtraction(group, k) && (own.size() >= needed
                    || !own.isEmpty() && group.typicality()[k] >= TYPICAL_MEMBER && judge.harvestsLikeItsGroup(group, k));
        }
        return support;
    }

    /** Rounds of narrowing a campaign to the members tied to its flagged members. */
    static final int MAX_CORE_ROUNDS = 3;

    /**
     * The campaign without the bystanders Louvain put in its community. A member's ties count
     * whoever in the community they lead to, so a student behind a campus NAT that Louvain joined to
     * a farm is tied to the farm through its fellow students. Members without support are set apart
     * and the rest judged again, their ties now leading only to each other, until nobody more drops
     * out; a narrowing that would leave no campaign is not made.
     */
    private static Group core(Group community, Judge judge, double pivotSignificance, AnalysisOptions options) {
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
            Group next = judge.evaluate(kept, pivotSignificance);
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

    /** How many times a community that is no campaign is split again to look for one inside it. */
    static final int MAX_REFINEMENTS = 3;

    /**
     * Looks for campaigns inside communities that are none as a whole. Modularity has a resolution
     * limit: a farm of ten can sit inside a community of eighty loosely tied people (a NAT, a few
     * hobbyists sharing a user agent), where its evidence is diluted below half the members. Such a
     * community is split by Louvain on its own subgraph; the split is kept when one of its parts is
     * a campaign, and parts are split again up to {@link #MAX_REFINEMENTS} times.
     */
    private static List<Group> refine(List<Group> groups, List<List<Integer>> byLabel, int[] label, WeightedGraph graph,
                                      Judge judge, double pivotSignificance, AnalysisOptions options) {
        List<Group> out = new ArrayList<>();
        java.util.ArrayDeque<Object[]> pending = new java.util.ArrayDeque<>();
        for (Group group : groups) {
            pending.add(new Object[] {group, 0});
        }
        while (!pending.isEmpty()) {
            Object[] next = pending.poll();
            Group group = (Group) next[0];
            int depth = (Integer) next[1];
            int[] members = group.members();
            if (group.score() >= options.flagThreshold() || depth >= MAX_REFINEMENTS
                    || members.length < 2 * options.minCampaignSize()) {
                out.add(group);
                continue;
            }
            int own = label[members[0]];
            Split split = split(graph, members, options.seed() + 31L * depth + members[0], label, byLabel.size());
            if (split == null) {
                out.add(group);
                continue;
            }
            int[] part = split.part();
            int parts = split.partLabel().length;
            List<Group> judged = new ArrayList<>();
            boolean found = false;
            for (int p = 0; p < parts; p++) {
                int[] m = membersOfPart(members, part, p);
                if (m.length < options.minCampaignSize() || judge.parties(m) < options.minCampaignSize()) {
                    continue;
                }
                Group judgedPart = judge.evaluate(m, pivotSignificance);
                found |= judgedPart.score() >= options.flagThreshold();
                judged.add(judgedPart);
            }
            if (!found) {
                for (int v : members) {
                    label[v] = own;
                }
                out.add(group);
                continue;
            }
            byLabel.get(own).clear();
            for (int p = 1; p < parts; p++) {
                byLabel.add(new ArrayList<>());
            }
            for (int k = 0; k < members.length; k++) {
                byLabel.get(label[members[k]]).add(members[k]);
            }
            for (Group judgedPart : judged) {
                pending.add(new Object[] {judgedPart, depth + 1});
            }
        }
        return out;
    }

    /** Members' parts (by position) and each part's label. */
    private record Split(int[] part, int[] partLabel) {
    }

    /**
     * Louvain on the members' own subgraph, the members relabelled in place: part 0 keeps the
     * community's label, the others take labels from {@code firstNewLabel} on. Null, and nothing
     * relabelled, when the members do not split.
     */
    private static Split split(WeightedGraph graph, int[] members, long seed, int[] label, int firstNewLabel) {
        int[] part = Communities.louvain(subgraph(graph, members), seed, COMMUNITY_RESOLUTION);
        int parts = Arrays.stream(part).max().orElse(0) + 1;
        if (parts < 2) {
            return null;
        }
        int[] partLabel = new int[parts];
        for (int p = 0; p < parts; p++) {
            partLabel[p] = p == 0 ? label[members[0]] : firstNewLabel + p - 1;
        }
        for (int k = 0; k < members.length; k++) {
            label[members[k]] = partLabel[part[k]];
        }
        return new Split(part, partLabel);
    }

    /** The subgraph induced by the members, its nodes numbered by position in {@code members}. */
    private static WeightedGraph subgraph(WeightedGraph graph, int[] members) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int k = 0; k < members.length; k++) {
            position.put(members[k], k);
        }
        WeightedGraph.Builder builder = new WeightedGraph.Builder(members.length);
        for (int k = 0; k < members.length; k++) {
            int v = members[k];
            for (int i = 0; i < graph.degree(v); i++) {
                Integer other = position.get(graph.neighbour(v, i));
                if (other != null && other > k) {
                    builder.add(k, other, graph.weight(v, i));
                }
            }
        }
        return builder.build();
    }

    /** Fewest accounts tied to nobody that make a reference for harvesting rates; below it, all accounts are. */
    static final int MIN_REFERENCE_ACCOUNTS = 50;

    /** Share of one part's members tied to another part that makes the two one operation. */
    static final double COMMON_OPERATION_SHARE = 0.25;

    /**
     * Splits a campaign that is two operations with nothing but their tooling in common. Against a
     * whole case, any tie between two farms beats chance, so Louvain joins farms whose members are
     * all loosely tied across (the same scripting library and request settings); on the campaign's
     * own subgraph they fall apart. The split is kept when at least two parts are campaigns by
     * themselves, each held together by billing, network, prompt templates or working times of its
     * own, and no two of them share any of these (a quarter of either part's members tied to the
     * other); members of the remaining parts go with the campaign part they are most strongly
     * linked to.
     */
    private static List<Group> separateOperations(List<Group> groups, List<List<Integer>> byLabel, int[] label,
                                                  WeightedGraph graph, Judge judge, double pivotSignificance,
                                                  AnalysisOptions options) {
        List<Group> out = new ArrayList<>();
        for (Group group : groups) {
            int[] members = group.members();
            if (group.score() < options.flagThreshold() || members.length < 2 * options.minCampaignSize()) {
                out.add(group);
                continue;
            }
            int own = label[members[0]];
            Split split = split(graph, members, options.seed() + members[0], label, byLabel.size());
            if (split == null) {
                out.add(group);
                continue;
            }
            int[] part = split.part();
            int[] partLabel = split.partLabel();
            int parts = partLabel.length;
            List<Integer> campaignParts = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int[] m = membersOfPart(members, part, p);
                if (m.length >= options.minCampaignSize() && judge.parties(m) >= options.minCampaignSize()
                        && hasOwnIdentity(judge.evaluate(m, pivotSignificance), options)) {
                    campaignParts.add(p);
                }
            }
            boolean separate = campaignParts.size() >= 2;
            for (int i = 0; separate && i < campaignParts.size(); i++) {
                for (int j = i + 1; separate && j < campaignParts.size(); j++) {
                    int a = campaignParts.get(i);
                    int b = campaignParts.get(j);
                    separate = !judge.commonOperation(membersOfPart(members, part, a), partLabel[a],
                            membersOfPart(members, part, b), partLabel[b]);
                }
            }
            List<Group> separated = new ArrayList<>();
            if (separate) {
                for (int k = 0; k < members.length; k++) {
                    if (!campaignParts.contains(part[k])) {
                        part[k] = strongestPart(graph, label, members[k], campaignParts, partLabel);
                    }
                }
                for (int k = 0; k < members.length; k++) {
                    label[members[k]] = partLabel[part[k]];
                }
                for (int p : campaignParts) {
                    Group judged = judge.evaluate(membersOfPart(members, part, p), pivotSignificance);
                    separate &= judged.score() >= options.flagThreshold();
                    separated.add(judged);
                }
            }
            if (!separate) {
                for (int v : members) {
                    label[v] = own;
                }
                out.add(group);
                continue;
            }
            byLabel.get(own).clear();
            for (int p = 1; p < parts; p++) {
                byLabel.add(new ArrayList<>());
            }
            for (int v : members) {
                byLabel.get(label[v]).add(v);
            }
            out.addAll(separated);
        }
        return out;
    }

    /**
     * A campaign by itself, held together by more than the client it may share with other parts:
     * parts of a farm whose only tie is one uncommon client are one farm.
     */
    private static boolean hasOwnIdentity(Group part, AnalysisOptions options) {
        return part.score() >= options.flagThreshold() && part.established().stream()
                .anyMatch(source -> IDENTITY_SOURCES.contains(source));
    }

    private static final Set<Source> IDENTITY_SOURCES = EnumSet.of(Source.BILLING, Source.NETWORK, Source.PROMPTS, Source.TIMING);

    private static int[] membersOfPart(int[] members, int[] part, int p) {
        return java.util.stream.IntStream.range(0, members.length).filter(k -> part[k] == p).map(k -> members[k]).toArray();
    }

    /** The campaign part a member has the most link weight into; the first one when it has none. */
    private static int strongestPart(WeightedGraph graph, int[] label, int v, List<Integer> campaignParts, int[] partLabel) {
        int best = campaignParts.get(0);
        double bestWeight = 0;
        for (int p : campaignParts) {
            double weight = 0;
            for (int i = 0; i < graph.degree(v); i++) {
                if (label[graph.neighbour(v, i)] == partLabel[p]) {
                    weight += graph.weight(v, i);
                }
            }
            if (weight > bestWeight) {
                bestWeight = weight;
                best = p;
            }
        }
        return best;
    }

    /** Neighbouring communities examined for fragments of one campaign, strongest ties first. */
    static final int MAX_FRAGMENT_CANDIDATES = 20;

    /**
     * Puts fragments of one campaign back together. Louvain keeps a farm whole while it is a small
     * part of the case; in a small extract, where one farm carries much of all link weight, its
     * payment cards can split it into cliques that modularity keeps apart. A campaign and a
     * neighbouring community are one group when most members of each are strongly tied to members of
     * the other through at least two independent sources (their shared addresses, client settings
     * or templates); unrelated farms, or a farm and a crowd behind one NAT, are not.
     */
    private static List<Group> mergeFragments(List<Group> groups, List<List<Integer>> byLabel, int[] label,
                                              WeightedGraph graph, Judge judge, double pivotSignificance, double threshold) {
        List<Group> current = new ArrayList<>(groups);
        boolean merged = true;
        while (merged) {
            merged = false;
            current.sort(Comparator.comparingDouble(Group::score).reversed().thenComparingInt(g -> g.members()[0]));
            for (Group campaign : current) {
                if (campaign.score() < threshold) {
                    break;
                }
                int own = label[campaign.members()[0]];
                for (int other : neighbouringLabels(graph, label, campaign.members())) {
                    int[] fragment = byLabel.get(other).stream().mapToInt(Integer::intValue).toArray();
                    if (fragment.length == 0 || !judge.crossTied(campaign.members(), own, fragment, other)) {
                        continue;
                    }
                    for (int v : fragment) {
                        label[v] = own;
                        byLabel.get(own).add(v);
                    }
                    byLabel.get(other).clear();
                    int[] union = byLabel.get(own).stream().mapToInt(Integer::intValue).sorted().toArray();
                    current.removeIf(g -> label[g.members()[0]] == own);
                    current.add(judge.evaluate(union, pivotSignificance));
                    merged = true;
                    break;
                }
                if (merged) {
                    break;
                }
            }
        }
        return current;
    }

    /** Communities the members have links into, by total link weight, strongest first. */
    private static List<Integer> neighbouringLabels(WeightedGraph graph, int[] label, int[] members) {
        int own = label[members[0]];
        Map<Integer, Double> weight = new HashMap<>();
        for (int v : members) {
            for (int i = 0; i < graph.degree(v); i++) {
                int l = label[graph.neighbour(v, i)];
                if (l != own) {
                    weight.merge(l, graph.weight(v, i), Double::sum);
                }
            }
        }
        return weight.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_FRAGMENT_CANDIDATES).map(Map.Entry::getKey).toList();
    }

    /** Judges candidate groups; holds what every judgement needs, computed once per run. */
    static final class Judge {
        final Inputs in;
        final CaseData data;
        final int[] label;
        final int[] org;
        final BehaviourSimilarity similarity;
        final double globalCohesion;
        /** Whether the rates below are those of accounts tied to nobody rather than of all accounts. */
        final boolean referenceIsIndependent;
        final double reasoningBase;
        final double longAnswer;
        final double medianAnswer;
        final double[] caseMix;
        final Set<Source> available;
        final boolean behaviourCounts;
        final boolean harvestVisible;
        final int requiredSources;
        final double[] scratch;
        final int[][] syncPartners;
        final SharedValues.IntScratch touched = new SharedValues.IntScratch();

        Judge(Inputs in, int[] label) {
            this.in = in;
            this.data = in.data();
            this.label = label;
            int n = data.size();
            org = new int[n];
            for (int v = 0; v < n; v++) {
                org[v] = data.activity(v).mainOrg();
            }
            similarity = new BehaviourSimilarity(in.standardized());
            globalCohesion = meanCosine(in.standardized(), allAccounts(n));
            boolean[] reference = independentAccounts(in, n);
            referenceIsIndependent = reference != null;
            reasoningBase = ReasoningHarvestSignal.baseRate(restrict(in.reasoningShare(), reference));
            longAnswer = OutputHarvestSignal.threshold(restrict(in.meanCompletionTokens(), reference));
            medianAnswer = OutputHarvestSignal.median(restrict(in.meanCompletionTokens(), reference));
            caseMix = CapabilitySweepSignal.caseMix(in.taskMixes());
            available = ReasonWriter.availableSources(data);
            // Members behaving alike is what a group of similar legitimate users also shows; it only
            // stands in as a source when the extract offers fewer than two others.
            behaviourCounts = available.size() - 1 < 2;
            // answer lengths show harvesting only where they vary at all
            harvestVisible = available.contains(Source.PROMPTS) || longAnswer > medianAnswer;
            requiredSources = Math.min(2, behaviourCounts ? available.size() : available.size() - 1);
            scratch = new double[n];
            syncPartners = syncPartners(in, n);
        }

        /**
         * The accounts strongly tied to nobody, against which harvesting is measured, or null when
         * fewer than {@link #MIN_REFERENCE_ACCOUNTS} are. Measured against all accounts, a case
         * where farms make up a tenth of the accounts would put the top tenth of answer lengths at
         * the farms' own level, and no farm would stand out by it.
         */
        private static boolean[] independentAccounts(Inputs in, int n) {
            boolean[] independent = new boolean[n];
            java.util.Arrays.fill(independent, true);
            for (Links links : in.links().values()) {
                for (int i = 0; i < links.size(); i++) {
                    if (links.weight(i) >= STRONG_LINK) {
                        independent[links.first(i)] = false;
                        independent[links.second(i)] = false;
                    }
                }
            }
            int count = 0;
            for (boolean b : independent) {
                count += b ? 1 : 0;
            }
            return count >= MIN_REFERENCE_ACCOUNTS ? independent : null;
        }

        private static double[] restrict(double[] values, boolean[] keep) {
            if (keep == null) {
                return values;
            }
            double[] out = new double[values.length];
            for (int v = 0; v < values.length; v++) {
                out[v] = keep[v] ? values[v] : Double.NaN;
            }
            return out;
        }

        /**
         * Whether most members of each of two groups are strongly tied to members of the other
         * through at least two independent sources of shared values.
         */
        boolean crossTied(int[] first, int firstLabel, int[] second, int secondLabel) {
            Set<Source> sources = EnumSet.noneOf(Source.class);
            for (Evidence e : SHARED) {
                SharedValues values = in.shared().get(e);
                if (values == null || sources.contains(sourceOf(e))) {
                    continue;
                }
                if (tiedShare(values, first, secondLabel) >= ESTABLISHED && tiedShare(values, second, firstLabel) >= ESTABLISHED) {
                    sources.add(sourceOf(e));
                }
            }
            return sources.size() >= 2;
        }

        /**
         * Whether two groups look like one operation: a quarter of either one's members tied to the
         * other through billing, network, prompt templates or synchronized activity. A shared client
         * alone is no such tie: two farms can run the same scripting library with the same settings.
         */
        boolean commonOperation(int[] first, int firstLabel, int[] second, int secondLabel) {
            for (Evidence e : List.of(Evidence.BILLING, Evidence.INFRASTRUCTURE, Evidence.TEMPLATE)) {
                SharedValues values = in.shared().get(e);
                if (values != null && (tiedShare(values, first, secondLabel) >= COMMON_OPERATION_SHARE
                        || tiedShare(values, second, firstLabel) >= COMMON_OPERATION_SHARE)) {
                    return true;
                }
            }
            return syncedShare(first, secondLabel) >= COMMON_OPERATION_SHARE
                    || syncedShare(second, firstLabel) >= COMMON_OPERATION_SHARE;
        }

        private double syncedShare(int[] members, int partners) {
            int synced = 0;
            for (int v : members) {
                for (int w : syncPartners[v]) {
                    if (label[w] == partners) {
                        synced++;
                        break;
                    }
                }
            }
            return synced / (double) members.length;
        }

        private double tiedShare(SharedValues values, int[] members, int partners) {
            int tied = 0;
            for (int v : members) {
                if (values.strongestTie(v, partners, label, org, similarity, scratch, touched) >= STRONG_LINK) {
                    tied++;
                }
            }
            return tied / (double) members.length;
        }

        /** Parties behind the members: an organisation counts once, accounts without one each count. */
        int parties(int[] members) {
            Set<Integer> orgs = new HashSet<>();
            int orgless = 0;
            for (int v : members) {
                if (org[v] < 0) {
                    orgless++;
                } else {
                    orgs.add(org[v]);
                }
            }
            return orgs.size() + orgless;
        }

        Group evaluate(int[] m, double pivotSignificance) {
            Map<Evidence, Double> strength = new EnumMap<>(Evidence.class);
            Map<Evidence, Integer> coveredCount = new EnumMap<>(Evidence.class);
            Map<Evidence, boolean[]> ties = new EnumMap<>(Evidence.class);
            for (Evidence e : SHARED) {
                SharedValues values = in.shared().get(e);
                boolean[] tied = new boolean[m.length];
                for (int k = 0; values != null && k < m.length; k++) {
                    tied[k] = values.strongestTie(m[k], label, org, similarity, scratch, touched) >= STRONG_LINK;
                }
                ties.put(e, tied);
            }
            double[][] synchrony = in.activity().memberSynchrony(m);
            boolean[] inStep = new boolean[m.length];
            for (int k = 0; k < m.length; k++) {
                inStep[k] = synchrony[k][0] >= SynchronizedActivitySignal.MIN_MEMBER_Z
                        && synchrony[k][1] >= SynchronizedActivitySignal.MIN_MEMBER_RATIO || syncLinked(m[k]);
            }
            ties.put(Evidence.SYNCHRONIZED, inStep);
            for (Map.Entry<Evidence, boolean[]> e : ties.entrySet()) {
                int count = 0;
                for (boolean t : e.getValue()) {
                    count += t ? 1 : 0;
                }
                coveredCount.put(e.getKey(), count);
                strength.put(e.getKey(), count / (double) m.length);
            }
            CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(in.taskMixes(), caseMix, m);
            strength.put(Evidence.CAPABILITY_SWEEP, sweep.strength());
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
            Set<Source> established = EnumSet.noneOf(Source.class);
            for (Map.Entry<Evidence, Double> s : strength.entrySet()) {
                keep *= 1 - RELIABILITY.get(s.getKey()) * s.getValue();
                Source source = coordinationSource(s.getKey());
                if (source != null && s.getValue() >= ESTABLISHED && (source != Source.BEHAVIOUR || behaviourCounts)) {
                    established.add(source);
                }
            }
            double score = 1 - keep;
            boolean harvest = harvest(strength);
            // Two independent bodies of evidence at least: two sources of coordination, or one and
            // members who harvest outputs together. A rush to a new model alone ties nobody: busy
            // people try new models early too.
            boolean tied = established.stream().anyMatch(source -> source != Source.TIMING)
                    || strength.get(Evidence.SYNCHRONIZED) >= ESTABLISHED;
            if (!tied || established.size() + (harvest ? 1 : 0) < requiredSources) {
                score *= 0.5;
            }
            // Coordination alone describes a company with several API accounts, or a lab whose
            // members run one benchmark harness from one network on one card, as well as a farm: a
            // campaign must also harvest the model's outputs, asking for reasoning or drawing long
            // answers, wherever the extract shows prompts or answer lengths. Sweeping tasks and
            // trying new models early are what evaluators do too; they ask for short answers.
            // One exception: members acting in lockstep beyond their own rhythms, tied by two more
            // independent sources, are run by one operator whatever they ask; colleagues keep office
            // hours, they do not act in lockstep.
            boolean lockstep = strength.get(Evidence.SYNCHRONIZED) >= ESTABLISHED && established.size() >= 3;
            if (harvestVisible && !harvest && !lockstep) {
                score *= 0.5;
            }
            double[] typicality = typicality(in.standardized(), m);
            Group partial = new Group(m, strength, coveredCount, ties, synchrony, sweep, pivot, cohesion, typicality, score,
                    established, List.of());
            List<String> reasons = ReasonWriter.campaignReasons(in, partial, this);
            return new Group(m, strength, coveredCount, ties, synchrony, sweep, pivot, cohesion, typicality, score,
                    established, reasons);
        }

        /** Per account, the accounts it has a strong synchronization link with. */
        private static int[][] syncPartners(Inputs in, int n) {
            List<List<Integer>> partners = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                partners.add(null);
            }
            Links links = in.links().get(Evidence.SYNCHRONIZED);
            for (int i = 0; links != null && i < links.size(); i++) {
                if (links.weight(i) >= STRONG_LINK) {
                    for (int[] pair : new int[][] {{links.first(i), links.second(i)}, {links.second(i), links.first(i)}}) {
                        if (partners.get(pair[0]) == null) {
                            partners.set(pair[0], new ArrayList<>());
                        }
                        partners.get(pair[0]).add(pair[1]);
                    }
                }
            }
            int[][] out = new int[n][];
            for (int v = 0; v < n; v++) {
                out[v] = partners.get(v) == null ? new int[0] : partners.get(v).stream().mapToInt(Integer::intValue).toArray();
            }
            return out;
        }

        /** Whether the account has a strong synchronization link to another member of its current group. */
        private boolean syncLinked(int v) {
            for (int u : syncPartners[v]) {
                if (label[u] == label[v]) {
                    return true;
                }
            }
            return false;
        }

        boolean quickAdopter(int v) {
            for (ModelPivotSignal.Release release : in.releases()) {
                if (release.quickAdopter()[v]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the member at position k takes part in the extraction its group is flagged for: it
         * asks for reasoning, draws longer answers than most or sweeps tasks itself, or it behaves
         * like the group's typical member (a script's accounts act alike even when the slice of tasks
         * one of them was given draws shorter answers). Vacuously true when the group shows no
         * extraction sign.
         */
        /** Whether the member itself asks for reasoning or draws long answers, where its group does. */
        boolean harvestsLikeItsGroup(Group group, int k) {
            int v = group.members()[k];
            return group.strength().get(Evidence.REASONING_HARVEST) >= ESTABLISHED
                    && in.reasoningShare()[v] >= ReasoningHarvestSignal.ACCOUNT_SHARE
                    || group.strength().get(Evidence.OUTPUT_HARVEST) >= ESTABLISHED
                    && in.meanCompletionTokens()[v] > medianAnswer;
        }

        boolean takesPartInExtraction(Group group, int k) {
            int v = group.members()[k];
            if (group.typicality()[k] >= TYPICAL_MEMBER) {
                return true;
            }
            boolean anyEstablished = false;
            if (group.strength().get(Evidence.REASONING_HARVEST) >= ESTABLISHED) {
                anyEstablished = true;
                if (in.reasoningShare()[v] >= ReasoningHarvestSignal.ACCOUNT_SHARE) {
                    return true;
                }
            }
            if (group.strength().get(Evidence.OUTPUT_HARVEST) >= ESTABLISHED) {
                anyEstablished = true;
                if (in.meanCompletionTokens()[v] > medianAnswer) {
                    return true;
                }
            }
            if (group.strength().get(Evidence.CAPABILITY_SWEEP) >= ESTABLISHED) {
                anyEstablished = true;
                if (CapabilitySweepSignal.sweeps(in.taskMixes(), v)
                        || group.sweep().complementary() && in.taskMixes()[v] != null) {
                    return true;
                }
            }
            return !anyEstablished;
        }
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
    static boolean harvest(Map<Evidence, Double> strength) {
        return strength.get(Evidence.REASONING_HARVEST) >= ESTABLISHED || strength.get(Evidence.OUTPUT_HARVEST) >= ESTABLISHED;
    }

    static boolean extraction(Map<Evidence, Double> strength) {
        return harvest(strength) || strength.get(Evidence.CAPABILITY_SWEEP) >= ESTABLISHED;
    }

    /**
     * Sources through which the member at position k is itself tied to the group, among the
     * group's established ones; a quick adopter of the model the group pivoted to is tied in time.
     */
    static Set<Source> ownSources(Group group, int k, boolean quickAdopter) {
        Set<Source> own = EnumSet.noneOf(Source.class);
        for (Evidence e : TIES) {
            if (group.strength().get(e) >= ESTABLISHED && group.ties().get(e)[k]) {
                own.add(sourceOf(e));
            }
        }
        // once most of the group is in step beyond doubt, a member shares in it at a looser bar
        double[] synchrony = group.synchrony()[k];
        if (group.strength().get(Evidence.SYNCHRONIZED) >= ESTABLISHED
                && synchrony[0] >= SynchronizedActivitySignal.MEMBER_OF_SYNCHRONIZED_GROUP_Z && synchrony[1] > 1) {
            own.add(Source.TIMING);
        }
        if (quickAdopter && group.strength().get(Evidence.MODEL_PIVOT) >= ESTABLISHED) {
            own.add(Source.TIMING);
        }
        return own;
    }

    /** Independent sources among the group's established tie families and its pivot. */
    private static int tieSources(Group group) {
        Set<Source> sources = EnumSet.noneOf(Source.class);
        for (Evidence e : TIES) {
            if (group.strength().get(e) >= ESTABLISHED) {
                sources.add(sourceOf(e));
            }
        }
        if (group.strength().get(Evidence.MODEL_PIVOT) >= ESTABLISHED) {
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

    /** The largest share of the group's members that lie in one dense block. */
    private static double blockShare(List<DenseBlocks.Block> blocks, int[] members) {
        Set<Integer> memberSet = new HashSet<>();
        for (int v : members) {
            memberSet.add(v);
        }
        int best = 0;
        for (DenseBlocks.Block block : blocks) {
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

    private static int[] allAccounts(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
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

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}

package dev.quarry.analysis.campaign;

import dev.quarry.graph.Communities;
import dev.quarry.graph.WeightedGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.quarry.analysis.campaign.CampaignAssembler.*;

/**
 * Reshapes Louvain's communities into candidate campaigns for {@link CampaignAssembler}. Modularity
 * has a resolution limit in both directions: a small farm can sit inside a loose crowd, two farms
 * loosely tied across can be joined, and one farm's payment cards can split it into cliques. Each
 * step splits or merges on the communities' own subgraphs and keeps the change only when the judged
 * groups say so. Labels ({@code label}, {@code byLabel}) are updated in place.
 */
final class CommunityShaping {

    private CommunityShaping() {
    }

    /** How many times a community that is no campaign is split again to look for one inside it (a budget). */
    static final int MAX_REFINEMENTS = 3;

    /**
     * Looks for campaigns inside communities that are none as a whole. Modularity has a resolution
     * limit: a farm of ten can sit inside a community of eighty loosely tied people (a NAT, a few
     * hobbyists sharing a user agent), where its evidence is diluted below half the members. Such a
     * community is split by Louvain on its own subgraph; the split is kept when one of its parts is
     * a campaign, and parts are split again up to {@link #MAX_REFINEMENTS} times.
     */
    static List<Group> refine(List<Group> groups, List<List<Integer>> byLabel, int[] label, WeightedGraph graph,
                                      GroupJudge judge, double significance, AssemblySettings options) {
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
            Split split = split(graph, members, options.seed() + 31L * depth + members[0], label, byLabel.size(),
                    options.rules().assembly().communityResolution());
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
                Group judgedPart = judge.evaluate(m, significance);
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
            keepSplit(byLabel, own, parts, members, label);
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
    private static Split split(WeightedGraph graph, int[] members, long seed, int[] label, int firstNewLabel,
                               double resolution) {
        int[] part = Communities.louvain(subgraph(graph, members), seed, resolution);
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

    /** Records a kept split in {@code byLabel}: the community's list holds part 0, new lists the others. */
    private static void keepSplit(List<List<Integer>> byLabel, int own, int parts, int[] members, int[] label) {
        byLabel.get(own).clear();
        for (int p = 1; p < parts; p++) {
            byLabel.add(new ArrayList<>());
        }
        for (int v : members) {
            byLabel.get(label[v]).add(v);
        }
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
    static List<Group> separateOperations(List<Group> groups, List<List<Integer>> byLabel, int[] label,
                                                  WeightedGraph graph, GroupJudge judge, double significance,
                                                  AssemblySettings options) {
        List<Group> out = new ArrayList<>();
        for (Group group : groups) {
            int[] members = group.members();
            if (group.score() < options.flagThreshold() || members.length < 2 * options.minCampaignSize()) {
                out.add(group);
                continue;
            }
            int own = label[members[0]];
            Split split = split(graph, members, options.seed() + members[0], label, byLabel.size(),
                    options.rules().assembly().communityResolution());
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
                        && hasOwnIdentity(judge.evaluate(m, significance), options)) {
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
                    Group judged = judge.evaluate(membersOfPart(members, part, p), significance);
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
            keepSplit(byLabel, own, parts, members, label);
            out.addAll(separated);
        }
        return out;
    }

    /**
     * A campaign by itself, held together by more than the client it may share with other parts:
     * parts of a farm whose only tie is one uncommon client are one farm.
     */
    private static boolean hasOwnIdentity(Group part, AssemblySettings options) {
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

    /** Neighbouring communities examined for fragments of one campaign, strongest ties first (a budget). */
    static final int MAX_FRAGMENT_CANDIDATES = 20;

    /**
     * Puts fragments of one campaign back together. Louvain keeps a farm whole while it is a small
     * part of the case; in a small extract, where one farm carries much of all link weight, its
     * payment cards can split it into cliques that modularity keeps apart. A campaign and a
     * neighbouring community are one group when most members of each are strongly tied to members of
     * the other through at least two independent sources (their shared addresses, client settings
     * or templates); unrelated farms, or a farm and a crowd behind one NAT, are not.
     */
    static List<Group> mergeFragments(List<Group> groups, List<List<Integer>> byLabel, int[] label,
                                              WeightedGraph graph, GroupJudge judge, double significance, double threshold) {
        List<Group> current = new ArrayList<>(groups);
        // pairs found not tied, by label and size: a pair is tested again only once either side grew
        Set<List<Integer>> notTied = new HashSet<>();
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
                    List<Integer> pair = List.of(own, campaign.members().length, other, fragment.length);
                    if (fragment.length == 0 || notTied.contains(pair)) {
                        continue;
                    }
                    if (!judge.crossTied(campaign.members(), own, fragment, other)) {
                        notTied.add(pair);
                        continue;
                    }
                    for (int v : fragment) {
                        label[v] = own;
                        byLabel.get(own).add(v);
                    }
                    byLabel.get(other).clear();
                    int[] union = byLabel.get(own).stream().mapToInt(Integer::intValue).sorted().toArray();
                    current.removeIf(g -> label[g.members()[0]] == own);
                    current.add(judge.evaluate(union, significance));
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
}

package dev.quarry.analysis.campaign;

import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.signals.BehaviourSimilarity;
import dev.quarry.analysis.signals.CapabilitySweepSignal;
import dev.quarry.analysis.signals.ChangePoints;
import dev.quarry.analysis.signals.DivisionOfLabour;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.Links;
import dev.quarry.analysis.signals.ModelPivotSignal;
import dev.quarry.analysis.signals.OutputHarvestSignal;
import dev.quarry.analysis.signals.ReasoningHarvestSignal;
import dev.quarry.analysis.signals.SharedValues;
import dev.quarry.analysis.signals.SynchronizedActivitySignal;
import dev.quarry.graph.DenseBlocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.quarry.analysis.campaign.CampaignAssembler.*;

/**
 * Judges candidate groups for {@link CampaignAssembler}: which members each family of evidence ties
 * to the group, how strong each family is, whether the group is a campaign and how it scores, and
 * which members take part. Holds what every judgement needs, computed once per run.
 */
final class GroupJudge {
    /** Accounts whose use stepped up within this many seconds of each other changed hands together. */
    static final long FLEET_CHANGE_WINDOW_SECONDS = 2 * 3600L;
    /** The share of a group's sketched items other members asked too, at most, for members to split the work. */
    static final double SPLIT_WORK_MAX_SHARED = 0.05;
    /** Addresses per request from which an account rotates its address on nearly every request. */
    static final double ROTATING_SHARE = 0.8;
    static final int ROTATING_MIN_REQUESTS = 20;
    /** A quick adopter's step-up within this many seconds of a release (before it: the launch day) is the release's, not a change of hands. */
    static final long RELEASE_STEP_UP_SECONDS = 2 * 86_400L;
    /** A day starts on the clock when its first request comes this many seconds after a full or half hour, at most. */
    static final long SCHEDULE_SLACK_SECONDS = 60;
    /** Share of its active days, and fewest days, on which an account must start on the clock to run on a schedule. */
    static final double SCHEDULE_SHARE = 0.6;
    static final int SCHEDULE_MIN_DAYS = 3;
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
    /** Per account, the completion tokens it drew in all (NaN where the extract has none). */
    final double[] harvestedTokens;
    /** The total completion tokens above which an account is in the top tenth of the reference accounts. */
    final double heavyHarvest;
    final double[] caseMix;
    final Set<Source> available;
    final boolean behaviourCounts;
    final boolean harvestVisible;
    final int requiredSources;
    final double[] scratch;
    final int[][] syncPartners;
    /** Per account, when its use stepped up for good (seconds since the scan origin), or -1. */
    final long[] stepUp;
    /** Per account, whether its days start on a clock's schedule (see {@link #startsOnTheClock}). */
    final boolean[] onTheClock;
    final SharedValues.IntScratch touched = new SharedValues.IntScratch();
    final DetectionRules rules;
    final DetectionRules.AssemblyRules assembly;

    GroupJudge(Inputs in, int[] label) {
        this.in = in;
        this.rules = in.options().rules();
        this.assembly = rules.assembly();
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
        reasoningBase = ReasoningHarvestSignal.baseRate(restrict(in.reasoningShare(), reference), rules.harvest());
        longAnswer = OutputHarvestSignal.threshold(restrict(in.meanCompletionTokens(), reference), rules.harvest());
        medianAnswer = OutputHarvestSignal.median(restrict(in.meanCompletionTokens(), reference));
        harvestedTokens = new double[n];
        for (int v = 0; v < n; v++) {
            harvestedTokens[v] = data.activity(v).completionTokensCount() == 0 ? Double.NaN
                    : data.activity(v).completionTokensSum();
        }
        heavyHarvest = OutputHarvestSignal.threshold(restrict(harvestedTokens, reference), rules.harvest());
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
        stepUp = ChangePoints.of(data);
        onTheClock = new boolean[n];
        for (int v = 0; v < n; v++) {
            onTheClock[v] = startsOnTheClock(data.activity(v), data.originMs());
        }
        // stepping up to try a model the day it came out is what the readers of its launch post do
        for (ModelPivotSignal.Release release : in.releases()) {
            for (int v = 0; v < n; v++) {
                if (release.quickAdopter()[v] && Math.abs(stepUp[v] - release.firstSeen()) <= RELEASE_STEP_UP_SECONDS) {
                    stepUp[v] = -1;
                }
            }
        }
    }

    /**
     * The accounts strongly tied to nobody, against which harvesting is measured, or null when
     * fewer than {@code rules.assembly.minReferenceAccounts} are. Measured against all accounts, a case
     * where farms make up a tenth of the accounts would put the top tenth of answer lengths at
     * the farms' own level, and no farm would stand out by it.
     */
    private static boolean[] independentAccounts(Inputs in, int n) {
        DetectionRules.AssemblyRules assembly = in.options().rules().assembly();
        boolean[] independent = new boolean[n];
        java.util.Arrays.fill(independent, true);
        for (Links links : in.links().values()) {
            for (int i = 0; i < links.size(); i++) {
                if (links.weight(i) >= assembly.strongLink()) {
                    independent[links.first(i)] = false;
                    independent[links.second(i)] = false;
                }
            }
        }
        int count = 0;
        for (boolean b : independent) {
            count += b ? 1 : 0;
        }
        return count >= assembly.minReferenceAccounts() ? independent : null;
    }

    /**
     * How many members make nearly the same number of requests (within {@link
     * CampaignAssembler#assembly.fleetVolumeSpread()}) as several others: one script gives each of its
     * accounts the same quota, so its accounts come in lots of equal volume, even when two farms
     * share a community; people's volumes spread over orders of magnitude.
     */
    int sameVolume(int[] m) {
        double[] volumes = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            volumes[k] = data.activity(m[k]).events();
        }
        Arrays.sort(volumes);
        int neededPeers = Math.max(2, (int) Math.ceil(assembly.fleetVolumePeers() * (m.length - 1)));
        int alike = 0;
        for (int k = 0, low = 0, high = 0; k < volumes.length; k++) {
            while (volumes[low] < volumes[k] / (1 + assembly.fleetVolumeSpread())) {
                low++;
            }
            while (high + 1 < volumes.length && volumes[high + 1] <= volumes[k] * (1 + assembly.fleetVolumeSpread())) {
                high++;
            }
            alike += high - low >= neededPeers ? 1 : 0;
        }
        return alike;
    }

    /** The most members opened within {@code rules.assembly.fleetCreationWindowMs} of each other (0 where unknown). */
    int openedTogether(int[] m) {
        long[] created = new long[m.length];
        int known = 0;
        for (int v : m) {
            if (data.createdAtMs(v) != Long.MIN_VALUE) {
                created[known++] = data.createdAtMs(v);
            }
        }
        Arrays.sort(created, 0, known);
        int together = 0;
        for (int i = 0, j = 0; j < known; j++) {
            while (created[j] - created[i] > assembly.fleetCreationWindowMs()) {
                i++;
            }
            together = Math.max(together, j - i + 1);
        }
        return together;
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
            // the smaller group first: most candidate pairs fail there, at less cost
            boolean firstSmaller = first.length <= second.length;
            double share = assembly.established();
            if (tiedShareAtLeast(values, firstSmaller ? first : second, firstSmaller ? secondLabel : firstLabel, share)
                    && tiedShareAtLeast(values, firstSmaller ? second : first, firstSmaller ? firstLabel : secondLabel, share)) {
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
            if (values != null && (tiedShareAtLeast(values, first, secondLabel, assembly.commonOperationShare())
                    || tiedShareAtLeast(values, second, firstLabel, assembly.commonOperationShare()))) {
                return true;
            }
        }
        return syncedShare(first, secondLabel) >= assembly.commonOperationShare()
                || syncedShare(second, firstLabel) >= assembly.commonOperationShare();
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

    /**
     * Whether at least {@code share} of the members are strongly tied to the partners' group; stops
     * as soon as the answer is known.
     */
    private boolean tiedShareAtLeast(SharedValues values, int[] members, int partners, double share) {
        double needed = share * members.length;
        int tied = 0;
        for (int k = 0; k < members.length; k++) {
            if (tied >= needed) {
                return true;
            }
            if (tied + (members.length - k) < needed) {
                return false;
            }
            if (values.strongestTie(members[k], partners, label, org, similarity, scratch, touched) >= assembly.strongLink()) {
                tied++;
            }
        }
        return tied >= needed;
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

    Group evaluate(int[] m, double significance) {
        Map<Evidence, Double> strength = new EnumMap<>(Evidence.class);
        Map<Evidence, Integer> coveredCount = new EnumMap<>(Evidence.class);
        Map<Evidence, boolean[]> ties = new EnumMap<>(Evidence.class);
        for (Evidence e : SHARED) {
            SharedValues values = in.shared().get(e);
            boolean[] tied = new boolean[m.length];
            for (int k = 0; values != null && k < m.length; k++) {
                tied[k] = values.strongestTie(m[k], label, org, similarity, scratch, touched) >= assembly.strongLink();
            }
            ties.put(e, tied);
        }
        double[][] synchrony = in.activity().memberSynchrony(m);
        boolean[] inStep = new boolean[m.length];
        for (int k = 0; k < m.length; k++) {
            inStep[k] = synchrony[k][0] >= rules.synchrony().minMemberZ()
                    && synchrony[k][1] >= rules.synchrony().minMemberRatio() || syncLinked(m[k]);
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
        CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(in.taskMixes(), caseMix, m, rules.sweep());
        strength.put(Evidence.CAPABILITY_SWEEP, sweep.strength());
        strength.put(Evidence.DENSE_BLOCK, blockShare(in.denseBlocks(), m));
        coveredCount.put(Evidence.DENSE_BLOCK, (int) Math.round(strength.get(Evidence.DENSE_BLOCK) * m.length));
        double[] pivot = ModelPivotSignal.pivot(in.releases(), m, significance, rules.pivot());
        strength.put(Evidence.MODEL_PIVOT, pivot == null ? 0 : pivot[0]);
        strength.put(Evidence.REASONING_HARVEST, ReasoningHarvestSignal.strength(in.reasoningShare(), m, reasoningBase, significance,
                rules.harvest()));
        strength.put(Evidence.OUTPUT_HARVEST, OutputHarvestSignal.strength(in.meanCompletionTokens(), m, longAnswer, significance,
                rules.harvest()));
        double cohesion = meanCosine(in.standardized(), m);
        double cohesionStrength = globalCohesion >= 1 ? 0
                : Math.max(0, Math.min(1, (cohesion - globalCohesion) / (1 - globalCohesion)));
        strength.put(Evidence.BEHAVIOUR, cohesionStrength);

        double keep = 1;
        Set<Source> established = EnumSet.noneOf(Source.class);
        for (Map.Entry<Evidence, Double> s : strength.entrySet()) {
            keep *= 1 - reliability(s.getKey(), assembly.reliability()) * s.getValue();
            Source source = coordinationSource(s.getKey());
            if (source != null && s.getValue() >= assembly.established() && (source != Source.BEHAVIOUR || behaviourCounts)) {
                established.add(source);
            }
        }
        double score = 1 - keep;
        Set<Source> operational = operationalLinkage(established);
        double volume = OutputHarvestSignal.strength(harvestedTokens, m, heavyHarvest, significance, rules.harvest());
        boolean harvest = operational.isEmpty() ? artefactHarvest(strength, volume) : operationalHarvest(strength);
        // Two independent bodies of evidence at least: two sources of coordination, or one and
        // members who harvest outputs together. A rush to a new model alone ties nobody: busy
        // people try new models early too.
        boolean tied = established.stream().anyMatch(source -> source != Source.TIMING)
                || strength.get(Evidence.SYNCHRONIZED) >= assembly.established();
        if (!tied || established.size() + (harvest ? 1 : 0) < requiredSources) {
            score *= assembly.thinEvidenceFactor();
        }
        // Coordination alone describes a company with several API accounts, or a lab whose
        // members run one benchmark harness from one network on one card, as well as a farm: a
        // campaign must also harvest the model's outputs wherever the extract shows prompts or
        // answer lengths. Sweeping tasks and trying new models early are what evaluators do too;
        // they ask for short answers. A group tied only by artefacts (templates, client settings),
        // which unrelated customers of one public harness, framework or class share by nature, must
        // take out more: long answers in volume or across the taxonomy, not a step-by-step phrase.
        // One exception: members acting in lockstep beyond their own rhythms, tied by billing or
        // network too, are run by one operator whatever they ask; colleagues keep office hours,
        // they do not act in lockstep, and a shared template or SDK is no operator.
        boolean lockstep = strength.get(Evidence.SYNCHRONIZED) >= assembly.established() && established.size() >= 3
                && !operational.isEmpty();
        if (harvestVisible && !harvest && !lockstep) {
            score *= assembly.noHarvestFactor();
            // Shared artefacts without operational linkage or extraction are fully explained by
            // the public artefact itself: such a group lacks both legs a verdict could stand on,
            // not one, however many artefacts its members share.
            if (operational.isEmpty()) {
                score *= assembly.artefactOnlyFactor();
            }
        }
        // Evidence that one operator runs the accounts is not yet evidence of one operator's fleet:
        // an institution's departments share its card and egress, the readers of one launch post
        // share its phrasing, and each still works as its own people do (their own volume, their own
        // questions, accounts of every age). Accounts that one operator opened and runs act alike.
        if (fleetSigns(m, strength, sweep).isEmpty()) {
            score *= assembly.noFleetFactor();
        }
        double[] typicality = typicality(in.standardized(), m);
        Group partial = new Group(m, strength, coveredCount, ties, synchrony, sweep, pivot, cohesion, typicality, score,
                established, volume, List.of());
        List<String> reasons = ReasonWriter.campaignReasons(in, partial, this);
        return new Group(m, strength, coveredCount, ties, synchrony, sweep, pivot, cohesion, typicality, score,
                established, volume, reasons);
    }

    /**
     * The established sources that tie members by how they operate rather than by what they send:
     * payment and signup details, and network. A template or a client configuration is an artefact
     * that unrelated customers of one public harness, framework or SDK share by nature; activity in
     * step may be a common schedule; a model pivot is what every evaluator does.
     */
    static Set<Source> operationalLinkage(Set<Source> established) {
        Set<Source> operational = EnumSet.noneOf(Source.class);
        for (Source source : established) {
            if (source == Source.BILLING || source == Source.NETWORK) {
                operational.add(source);
            }
        }
        return operational;
    }

    /**
     * Whether a group tied by artefacts alone takes out what extraction takes out: a majority of
     * members draw long answers, and they draw them in volume (total completion tokens in the top
     * tenth of the reference accounts) or across the task taxonomy. Where answer lengths do not vary
     * (or the extract has none), sweeping the taxonomy while asking for reasoning is the best sign
     * left. A step-by-step phrase alone is what benchmark harnesses and tutoring apps send.
     */
    boolean artefactHarvest(Map<Evidence, Double> strength, double volume) {
        boolean sweep = strength.get(Evidence.CAPABILITY_SWEEP) >= assembly.established();
        if (!(longAnswer > medianAnswer)) {
            return sweep && strength.get(Evidence.REASONING_HARVEST) >= assembly.established();
        }
        return strength.get(Evidence.OUTPUT_HARVEST) >= assembly.established() && (sweep || volume >= assembly.established());
    }

    /**
     * Whether a group tied by payment or network takes out what extraction takes out: long answers
     * (a majority of members in the top tenth of the reference accounts). Shared billing and an
     * institution's egress prove common ownership, not theft: a university's labs evaluating with
     * worked-solution prompts on one procurement card ask for reasoning and draw short answers.
     * Where answer lengths do not vary, reasoning requests are the best sign left.
     */
    boolean operationalHarvest(Map<Evidence, Double> strength) {
        if (!(longAnswer > medianAnswer)) {
            return harvest(strength, assembly.established());
        }
        return strength.get(Evidence.OUTPUT_HARVEST) >= assembly.established();
    }

    /** How members act as the accounts of one operator's fleet rather than as independent customers. */
    enum FleetSign { IN_STEP, SAME_VOLUME, OPENED_TOGETHER, CHANGED_TOGETHER, SPLIT_WORK, ROTATING_ADDRESSES }

    /**
     * Whether most of an account's active days (at least {@link #SCHEDULE_MIN_DAYS}) begin within
     * {@link #SCHEDULE_SLACK_SECONDS} after a full or half hour: a job started by cron. Jobs of many
     * companies start at midnight or at the top of the hour, so their being in step says nothing of
     * one operator; a fleet's accounts start and stop together at minutes of their own.
     */
    static boolean startsOnTheClock(AccountActivity a, long originMs) {
        int days = 0;
        int onTheClock = 0;
        long day = Long.MIN_VALUE;
        for (int i = 0; i < a.events(); i++) {
            long epochSeconds = originMs / 1000 + a.time(i);
            long d = Math.floorDiv(epochSeconds, 86_400L);
            if (d != day) {
                day = d;
                days++;
                onTheClock += Math.floorMod(epochSeconds, 1_800L) <= SCHEDULE_SLACK_SECONDS ? 1 : 0;
            }
        }
        return days >= SCHEDULE_MIN_DAYS && onTheClock > SCHEDULE_SHARE * days;
    }

    /** The most members whose use stepped up for good within {@link #FLEET_CHANGE_WINDOW_SECONDS} of each other. */
    int changedTogether(int[] m) {
        return ChangePoints.together(stepUp, m, FLEET_CHANGE_WINDOW_SECONDS);
    }

    /** How many members start their days on a clock's schedule. */
    int onTheClock(int[] m) {
        int count = 0;
        for (int v : m) {
            count += onTheClock[v] ? 1 : 0;
        }
        return count;
    }

    /**
     * How many members get a new network address on nearly every request (at least {@link
     * #ROTATING_SHARE} as many addresses as requests, over {@link #ROTATING_MIN_REQUESTS} requests
     * or more): a residential proxy service rotating per request, which ordinary customers rarely use.
     */
    int rotatingAddresses(int[] m) {
        int rotating = 0;
        for (int v : m) {
            AccountActivity a = data.activity(v);
            rotating += a.events() >= ROTATING_MIN_REQUESTS
                    && a.attribute(AttributeKind.IP).size() >= ROTATING_SHARE * a.events() ? 1 : 0;
        }
        return rotating;
    }

    /**
     * The signs that the members are one operator's fleet: activity in step beyond their own
     * rhythms, unless most members start their days on a clock's schedule; {@code
     * rules.assembly.fleetVolumeShare} of members making the same volume (within {@code
     * fleetVolumeSpread} of several others); {@code established} of them opened within {@code
     * fleetCreationWindowMs} of each other; a majority whose use stepped up for good within {@link
     * #FLEET_CHANGE_WINDOW_SECONDS} of each other, whatever their age (accounts bought or taken over
     * change hands together); a worklist split between them (each sweeps the taxonomy, at most
     * {@link #SPLIT_WORK_MAX_SHARED} of their items asked by another member, where a public
     * benchmark's runners ask the same items); or a majority getting a new address on nearly every
     * request (a rotating proxy service).
     */
    Set<FleetSign> fleetSigns(int[] m, Map<Evidence, Double> strength, CapabilitySweepSignal.Sweep sweep) {
        Set<FleetSign> signs = EnumSet.noneOf(FleetSign.class);
        if (strength.get(Evidence.SYNCHRONIZED) >= assembly.established() && onTheClock(m) <= assembly.established() * m.length) {
            signs.add(FleetSign.IN_STEP);
        }
        if (sameVolume(m) >= assembly.fleetVolumeShare() * m.length) {
            signs.add(FleetSign.SAME_VOLUME);
        }
        int together = openedTogether(m);
        if (together >= assembly.established() * m.length) {
            signs.add(FleetSign.OPENED_TOGETHER);
        }
        if (changedTogether(m) >= assembly.established() * m.length) {
            signs.add(FleetSign.CHANGED_TOGETHER);
        }
        // A worklist dealt out item by item: every member sweeps the taxonomy on its own, yet no two ask
        // the same item. Narrow members broad together with items of their own are what an institution's
        // departments and the readers of a launch post are; readers of a launch post try things of their
        // own all at once, so a rush to a new model explains scattered items too.
        if (sweep.sweepingShare() >= assembly.established() && strength.get(Evidence.MODEL_PIVOT) < assembly.established()
                && DivisionOfLabour.sharedItemShare(data, m) <= SPLIT_WORK_MAX_SHARED) {
            signs.add(FleetSign.SPLIT_WORK);
        }
        if (rotatingAddresses(m) >= assembly.established() * m.length) {
            signs.add(FleetSign.ROTATING_ADDRESSES);
        }
        return signs;
    }

    /** Per account, the accounts it has a strong synchronization link with. */
    private static int[][] syncPartners(Inputs in, int n) {
        double strongLink = in.options().rules().assembly().strongLink();
        List<List<Integer>> partners = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            partners.add(null);
        }
        Links links = in.links().get(Evidence.SYNCHRONIZED);
        for (int i = 0; links != null && i < links.size(); i++) {
            if (links.weight(i) >= strongLink) {
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
        return group.strength().get(Evidence.REASONING_HARVEST) >= assembly.established()
                && in.reasoningShare()[v] >= rules.harvest().reasoningAccountShare()
                || group.strength().get(Evidence.OUTPUT_HARVEST) >= assembly.established()
                && in.meanCompletionTokens()[v] > medianAnswer;
    }

    boolean takesPartInExtraction(Group group, int k) {
        int v = group.members()[k];
        if (group.typicality()[k] >= assembly.typicalMember()) {
            return true;
        }
        boolean anyEstablished = false;
        if (group.strength().get(Evidence.REASONING_HARVEST) >= assembly.established()) {
            anyEstablished = true;
            if (in.reasoningShare()[v] >= rules.harvest().reasoningAccountShare()) {
                return true;
            }
        }
        if (group.strength().get(Evidence.OUTPUT_HARVEST) >= assembly.established()) {
            anyEstablished = true;
            if (in.meanCompletionTokens()[v] > medianAnswer) {
                return true;
            }
        }
        if (group.strength().get(Evidence.CAPABILITY_SWEEP) >= assembly.established()) {
            anyEstablished = true;
            if (CapabilitySweepSignal.sweeps(in.taskMixes(), v, rules.sweep())
                    || group.sweep().complementary() && in.taskMixes()[v] != null) {
                return true;
            }
        }
        return !anyEstablished;
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
}

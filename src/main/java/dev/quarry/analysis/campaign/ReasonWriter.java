package dev.quarry.analysis.campaign;

import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.signals.CapabilitySweepSignal;
import dev.quarry.analysis.signals.DivisionOfLabour;
import dev.quarry.analysis.signals.ClientFingerprintSignal;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.ModelPivotSignal;
import dev.quarry.analysis.signals.SharedInfrastructureSignal;
import dev.quarry.analysis.signals.SharedTemplateSignal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sentences with numbers an investigator can read out loud, for campaigns and for accounts. */
final class ReasonWriter {
    /** Kinds in the order an investigator finds most telling. */
    private static final List<AttributeKind> SHOWN_KINDS = List.of(AttributeKind.PAYMENT, AttributeKind.SIGNUP_IP,
            AttributeKind.EMAIL_PATTERN, AttributeKind.IP, AttributeKind.USER_AGENT, AttributeKind.SIGNUP_PREFIX,
            AttributeKind.NETWORK_PREFIX, AttributeKind.CARD_BIN, AttributeKind.ASN);

    private ReasonWriter() {
    }

    static Set<CampaignAssembler.Source> availableSources(CaseData data) {
        Set<CampaignAssembler.Source> sources = EnumSet.of(CampaignAssembler.Source.TIMING, CampaignAssembler.Source.BEHAVIOUR);
        Set<AttributeKind> kinds = data.kindsPresent();
        if (kinds.contains(AttributeKind.PAYMENT) || kinds.contains(AttributeKind.EMAIL_PATTERN)
                || kinds.contains(AttributeKind.CARD_BIN)) {
            sources.add(CampaignAssembler.Source.BILLING);
        }
        if (kinds.contains(AttributeKind.IP) || kinds.contains(AttributeKind.SIGNUP_IP)) {
            sources.add(CampaignAssembler.Source.NETWORK);
        }
        if (data.hasColumn("prompt_text")) {
            sources.add(CampaignAssembler.Source.PROMPTS);
        }
        if (data.hasColumn("parameters") || kinds.contains(AttributeKind.USER_AGENT)) {
            sources.add(CampaignAssembler.Source.CLIENT);
        }
        return sources;
    }

    static List<String> campaignReasons(Inputs in, Group group, GroupJudge judge) {
        double established = judge.assembly.established();
        double globalCohesion = judge.globalCohesion;
        String reference = judge.referenceIsIndependent ? "accounts tied to no other" : "all accounts";
        int[] members = group.members();
        Map<Evidence, Double> strength = group.strength();
        Map<Evidence, Integer> covered = group.covered();
        CapabilitySweepSignal.Sweep sweep = group.sweep();
        int size = members.length;
        List<double[]> ranked = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<Evidence, Double> s : strength.entrySet()) {
            if (s.getValue() < established) {
                continue;
            }
            String sentence = switch (s.getKey()) {
                case BILLING -> covered.get(Evidence.BILLING) + " of " + size + " members share billing or signup details "
                        + "with other members" + topShared(in, members, AttributeKind.Family.BILLING);
                case INFRASTRUCTURE -> covered.get(Evidence.INFRASTRUCTURE) + " of " + size + " members share network "
                        + "infrastructure with other members" + topShared(in, members, AttributeKind.Family.INFRASTRUCTURE);
                case SYNCHRONIZED -> covered.get(Evidence.SYNCHRONIZED) + " of " + size + " members are active in the same "
                        + in.options().syncWindowMinutes() + "-minute windows as the other members "
                        + medianExcess(group) + " more often than their own weekly rhythms explain";
                case TEMPLATE -> covered.get(Evidence.TEMPLATE) + " of " + size + " members rely on prompt templates "
                        + "shared with other members" + topTemplate(in, members);
                case DENSE_BLOCK -> covered.get(Evidence.DENSE_BLOCK) + " of " + size + " members form a dense block "
                        + "in the account-attribute graph (FRAUDAR greedy peeling)";
                case CAPABILITY_SWEEP -> sweepSentence(in, sweep);
                case MODEL_PIVOT -> pivotSentence(in, group.pivot());
                case CLIENT -> covered.get(Evidence.CLIENT) + " of " + size + " members run the same uncommon client "
                        + "(user agent or request parameters) as other members" + topFingerprint(in, members)
                        + topShared(in, members, AttributeKind.Family.CLIENT);
                case OUTPUT_HARVEST -> CampaignAssembler.percent(s.getValue()) + " of members draw answers longer on average "
                        + "than nine in ten " + reference + " (mean completion above "
                        + String.format(Locale.ROOT, "%.0f", judge.longAnswer) + " tokens)";
                case REASONING_HARVEST -> CampaignAssembler.percent(s.getValue()) + " of members ask for step-by-step "
                        + "reasoning in most of their prompts, against " + CampaignAssembler.percent(judge.reasoningBase)
                        + " of " + reference;
                case BEHAVIOUR -> "members behave alike: mean similarity of their behaviour features "
                        + String.format(Locale.ROOT, "%.2f", group.cohesion()) + " against "
                        + String.format(Locale.ROOT, "%.2f", globalCohesion) + " between accounts at large";
            };
            ranked.add(new double[] {s.getValue() * CampaignAssembler.reliability(s.getKey(), judge.assembly.reliability()),
                    sentences.size()});
            sentences.add(sentence);
        }
        ranked.sort((x, y) -> Double.compare(y[0], x[0]));
        List<String> out = new ArrayList<>();
        out.add(basisSentence(group, judge));
        String fleet = fleetSentence(group, judge);
        if (fleet != null) {
            out.add(fleet);
        }
        for (double[] r : ranked) {
            out.add(sentences.get((int) r[1]));
        }
        return out;
    }

    /**
     * Why the members read as one operator's accounts rather than independent customers (decision
     * 19), or null for a group that shows no such sign (it is no campaign then).
     */
    static String fleetSentence(Group group, GroupJudge judge) {
        int[] members = group.members();
        Set<GroupJudge.FleetSign> signs = judge.fleetSigns(members, group.strength(), group.sweep());
        if (signs.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (signs.contains(GroupJudge.FleetSign.SAME_VOLUME)) {
            parts.add(judge.sameVolume(members) + " of " + members.length + " make nearly the same number of requests as "
                    + "several others (within " + CampaignAssembler.percent(judge.assembly.fleetVolumeSpread()) + ")");
        }
        if (signs.contains(GroupJudge.FleetSign.OPENED_TOGETHER)) {
            parts.add(judge.openedTogether(members) + " of " + members.length + " were opened within "
                    + days(judge.assembly.fleetCreationWindowMs()) + " of each other");
        }
        if (signs.contains(GroupJudge.FleetSign.IN_STEP)) {
            parts.add("they work in step");
        }
        if (signs.contains(GroupJudge.FleetSign.CHANGED_TOGETHER)) {
            parts.add(judge.changedTogether(members) + " of " + members.length + " stepped up their use for good within "
                    + GroupJudge.FLEET_CHANGE_WINDOW_SECONDS / 3600 + " hours of each other, whatever their age");
        }
        if (signs.contains(GroupJudge.FleetSign.SPLIT_WORK)) {
            parts.add("they split the work: " + CampaignAssembler.percent(DivisionOfLabour.sharedItemShare(judge.data, members))
                    + " of their items are asked by another member, while each sweeps the task taxonomy");
        }
        if (signs.contains(GroupJudge.FleetSign.ROTATING_ADDRESSES)) {
            parts.add(judge.rotatingAddresses(members) + " of " + members.length
                    + " get a new network address on nearly every request");
        }
        return "members act as one operator's accounts: " + String.join("; ", parts);
    }

    /**
     * What the verdict rests on, first among a campaign's reasons: operational linkage (shared
     * payment or signup details, shared network), or shared artefacts alone (templates, client
     * settings, activity in step) together with what the members take out. An investigator needs
     * to know which: a public harness or framework gives its artefacts to unrelated customers, an
     * operator gives them cards and addresses. Where the extract lacks the columns that would show
     * linkage (Bedrock logs carry no IPs, user agents or billing), the sentence says so.
     */
    static String basisSentence(Group group, GroupJudge judge) {
        double established = judge.assembly.established();
        Set<CampaignAssembler.Source> operational = GroupJudge.operationalLinkage(group.established());
        List<String> artefacts = new ArrayList<>();
        Map<Evidence, Double> strength = group.strength();
        if (strength.get(Evidence.TEMPLATE) >= established) {
            artefacts.add("prompt templates");
        }
        if (strength.get(Evidence.CLIENT) >= established) {
            artefacts.add("client settings");
        }
        if (strength.get(Evidence.SYNCHRONIZED) >= established) {
            artefacts.add("activity in step");
        }
        if (strength.get(Evidence.MODEL_PIVOT) >= established) {
            artefacts.add("an early move to a new model");
        }
        if (!operational.isEmpty()) {
            List<String> links = new ArrayList<>();
            if (operational.contains(CampaignAssembler.Source.BILLING)) {
                links.add("payment or signup details");
            }
            if (operational.contains(CampaignAssembler.Source.NETWORK)) {
                links.add("network addresses");
            }
            return "the verdict rests on operational linkage: members share " + String.join(" and ", links)
                    + (artefacts.isEmpty() ? "" : ", besides " + String.join(", ", artefacts));
        }
        List<String> takenOut = new ArrayList<>();
        if (strength.get(Evidence.OUTPUT_HARVEST) >= established) {
            takenOut.add(CampaignAssembler.percent(strength.get(Evidence.OUTPUT_HARVEST)) + " of members draw long answers");
        }
        if (group.volume() >= established) {
            takenOut.add(CampaignAssembler.percent(group.volume()) + " draw answer tokens in bulk");
        }
        if (strength.get(Evidence.CAPABILITY_SWEEP) >= established) {
            takenOut.add("they work through the task taxonomy");
        }
        if (strength.get(Evidence.REASONING_HARVEST) >= established) {
            takenOut.add("they ask for step-by-step reasoning");
        }
        List<String> missing = new ArrayList<>();
        if (!judge.available.contains(CampaignAssembler.Source.BILLING)) {
            missing.add("billing");
        }
        if (!judge.available.contains(CampaignAssembler.Source.NETWORK)) {
            missing.add("network addresses");
        }
        return "the verdict rests on shared artefacts alone (" + (artefacts.isEmpty() ? "none established" : String.join(", ", artefacts))
                + ") and on what members take out (" + (takenOut.isEmpty() ? "nothing established" : String.join("; ", takenOut))
                + "); no shared payment, signup or network details tie most members"
                + (missing.isEmpty() ? "" : " (this extract has no " + String.join(" or ", missing) + ", so that linkage cannot be seen)");
    }

    /** The median member's excess of co-activity over chance, among members in step, e.g. "12%". */
    private static String medianExcess(Group group) {
        List<Double> excess = new ArrayList<>();
        boolean[] inStep = group.ties().get(Evidence.SYNCHRONIZED);
        for (int k = 0; k < inStep.length; k++) {
            if (inStep[k] && group.synchrony()[k][1] > 0) {
                excess.add(group.synchrony()[k][1] - 1);
            }
        }
        if (excess.isEmpty()) {
            return "far";
        }
        excess.sort(null);
        return CampaignAssembler.percent(excess.get(excess.size() / 2));
    }

    private static String sweepSentence(Inputs in, CapabilitySweepSignal.Sweep sweep) {
        int categories = in.data().taxonomy().size();
        if (sweep.sweepingShare() > 0.5) {
            return CampaignAssembler.percent(sweep.sweepingShare()) + " of members each work through the task taxonomy "
                    + "evenly (breadth at least " + String.format(Locale.ROOT, "%.2f", in.options().rules().sweep().sweepingBreadth())
                    + " over " + categories + " task categories; members' mean " + String.format(Locale.ROOT, "%.2f",
                    sweep.memberBreadth()) + ")";
        }
        return "members each take a narrow slice of tasks (mean breadth " + String.format(Locale.ROOT, "%.2f",
                sweep.memberBreadth()) + ") while together they cover " + sweep.categories() + " of " + categories
                + " task categories evenly (breadth " + String.format(Locale.ROOT, "%.2f", sweep.groupBreadth())
                + "), in a mix unlike the case's own (distance " + String.format(Locale.ROOT, "%.2f", sweep.distance()) + ")";
    }

    private static String pivotSentence(Inputs in, double[] pivot) {
        ModelPivotSignal.Release release = in.releases().get((int) pivot[1]);
        return CampaignAssembler.percent(pivot[0]) + " of members moved to the new model "
                + display(in.data().models().value(release.model())) + " within a day of its first appearance, against "
                + CampaignAssembler.percent(release.baseRate()) + " of all accounts active then";
    }

    /**
     * The family's most widely shared value among the members, preferring kinds that point to one
     * controller (a card, an address, a client) over broad ones (a BIN, a prefix, an ASN).
     */
    private static String topShared(Inputs in, int[] members, AttributeKind.Family family) {
        String best = "";
        int bestCount = 1;
        for (boolean telling : new boolean[] {true, false}) {
            for (AttributeKind kind : SHOWN_KINDS) {
                if (kind.family() != family || (kind.linkWeight() >= 0.3) != telling) {
                    continue;
                }
                SharedInfrastructureSignal.Holders holders = in.holders().get(kind);
                if (holders == null) {
                    continue;
                }
                Map<Integer, Integer> counts = new HashMap<>();
                for (int v : members) {
                    for (int value : SharedInfrastructureSignal.valuesOf(in.data(), kind, v)) {
                        counts.merge(value, 1, Integer::sum);
                    }
                }
                for (Map.Entry<Integer, Integer> c : counts.entrySet()) {
                    if (c.getValue() > bestCount) {
                        bestCount = c.getValue();
                        best = "; e.g. " + c.getValue() + " members share " + kind.label() + " "
                                + display(in.data().vocabulary(kind).value(c.getKey())) + " (held by "
                                + holders.holders(c.getKey()).length + " accounts in the case)";
                    }
                }
            }
            if (!best.isEmpty()) {
                return best;
            }
        }
        return best;
    }

    private static String topFingerprint(Inputs in, int[] members) {
        Map<Integer, Integer> users = new HashMap<>();
        for (int v : members) {
            int fingerprint = ClientFingerprintSignal.fingerprint(in.data().activity(v),
                    in.options().rules().client());
            if (fingerprint >= 0) {
                users.merge(fingerprint, 1, Integer::sum);
            }
        }
        return users.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .filter(e -> e.getValue() >= 2)
                .map(e -> "; " + e.getValue() + " members use " + display(in.data().vocabulary(AttributeKind.PARAMETERS).value(e.getKey()), 48))
                .orElse("");
    }

    private static String topTemplate(Inputs in, int[] members) {
        Map<Long, Integer> users = new HashMap<>();
        for (int v : members) {
            for (long frame : in.templates()[v].frames()) {
                users.merge(frame, 1, Integer::sum);
            }
        }
        int top = users.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return top < 2 ? "" : "; the most common one is used by " + top + " members";
    }

    /**
     * What the flagged members of one campaign hold, counted once per campaign so that each member's
     * sentences need no pass over the others: how many hold each attribute value, template and
     * parameter fingerprint, and when each started work on each day.
     */
    static final class CampaignFacts {
        final Map<Long, Integer> values = new HashMap<>();
        final Map<Long, Integer> templates = new HashMap<>();
        final Map<Integer, Integer> fingerprints = new HashMap<>();
        final Map<Long, List<Long>> startsByDay = new HashMap<>();

        CampaignFacts(Inputs in, int[] members, int campaign, Integer[] campaignOf) {
            CaseData data = in.data();
            long originSecond = Math.floorDiv(data.originMs(), 1000L);
            for (int v : members) {
                if (campaignOf[v] == null || campaignOf[v] != campaign) {
                    continue;
                }
                for (AttributeKind kind : SHOWN_KINDS) {
                    for (int value : SharedInfrastructureSignal.valuesOf(data, kind, v)) {
                        values.merge((long) kind.ordinal() << 32 | value, 1, Integer::sum);
                    }
                }
                for (long frame : in.templates()[v].frames()) {
                    templates.merge(frame, 1, Integer::sum);
                }
                int fingerprint = ClientFingerprintSignal.fingerprint(data.activity(v),
                        in.options().rules().client());
                if (fingerprint >= 0) {
                    fingerprints.merge(fingerprint, 1, Integer::sum);
                }
                for (Map.Entry<Long, Long> start : dailyStarts(data.activity(v), originSecond).entrySet()) {
                    startsByDay.computeIfAbsent(start.getKey(), d -> new ArrayList<>()).add(start.getValue());
                }
            }
        }
    }

    private static Evidence evidenceOf(AttributeKind.Family family) {
        return switch (family) {
            case BILLING -> Evidence.BILLING;
            case INFRASTRUCTURE -> Evidence.INFRASTRUCTURE;
            case CLIENT -> Evidence.CLIENT;
        };
    }

    static List<String> accountReasons(Inputs in, int account, int position, int campaign,
                                       Group group, CampaignFacts facts) {
        double established = in.options().rules().assembly().established();
        List<String> out = new ArrayList<>();
        Map<Evidence, Double> strength = group.strength();
        CaseData data = in.data();
        for (AttributeKind kind : SHOWN_KINDS) {
            if (strength.get(evidenceOf(kind.family()))
                    < established && strength.get(Evidence.DENSE_BLOCK) < established) {
                continue;
            }
            int bestValue = -1;
            int bestCount = 0;
            for (int value : SharedInfrastructureSignal.valuesOf(data, kind, account)) {
                int count = facts.values.getOrDefault((long) kind.ordinal() << 32 | value, 1) - 1;
                if (count > bestCount) {
                    bestCount = count;
                    bestValue = value;
                }
            }
            if (bestCount > 0 && out.size() < 3) {
                out.add("shares " + kind.label() + " " + display(data.vocabulary(kind).value(bestValue)) + " with "
                        + bestCount + (bestCount == 1 ? " account" : " accounts") + " of campaign " + campaign);
            }
        }
        if (strength.get(Evidence.SYNCHRONIZED) >= established
                && group.ties().get(Evidence.SYNCHRONIZED)[position]) {
            String sync = startSentence(data, account, facts,
                    in.options().rules().assembly().sharedStartToleranceSeconds());
            double[] own = group.synchrony()[position];
            out.add("is active in the same " + in.options().syncWindowMinutes() + "-minute windows as the rest of campaign "
                    + campaign + " " + CampaignAssembler.percent(Math.max(0, own[1] - 1)) + " more often than its members'"
                    + " own weekly rhythms explain (" + String.format(Locale.ROOT, "%.0f", own[0]) + " standard deviations)"
                    + (sync == null ? "" : "; " + sync));
        }
        SharedTemplateSignal.Templates own = in.templates()[account];
        if (own.frames().length > 0 && strength.get(Evidence.TEMPLATE) >= established) {
            int users = facts.templates.getOrDefault(own.frames()[0], 1) - 1;
            if (users > 0) {
                out.add("sends the same prompt template as " + users + " accounts of campaign " + campaign + " ("
                        + CampaignAssembler.percent(own.shares()[0]) + " of its " + data.activity(account).prompts() + " prompts)");
            }
        }
        int fingerprint = ClientFingerprintSignal.fingerprint(data.activity(account),
                in.options().rules().client());
        if (fingerprint >= 0 && strength.get(Evidence.CLIENT) >= established) {
            int same = facts.fingerprints.getOrDefault(fingerprint, 1) - 1;
            if (same > 0) {
                out.add("sends all its requests with " + display(data.vocabulary(AttributeKind.PARAMETERS).value(fingerprint), 48)
                        + ", as do " + same + " accounts of campaign " + campaign);
            }
        }
        double ownReasoning = in.reasoningShare()[account];
        if (!Double.isNaN(ownReasoning) && strength.get(Evidence.REASONING_HARVEST) >= established
                && ownReasoning >= 0.5) {
            out.add("asks for step-by-step reasoning in " + CampaignAssembler.percent(ownReasoning) + " of its prompts");
        }
        if (strength.get(Evidence.CAPABILITY_SWEEP) >= established && in.taskMixes()[account] != null) {
            double[] mix = in.taskMixes()[account];
            int covered = 0;
            for (double share : mix) {
                covered += share >= 0.01 ? 1 : 0;
            }
            out.add("its prompts cover " + covered + " of " + mix.length + " task categories (breadth "
                    + String.format(Locale.ROOT, "%.2f", CapabilitySweepSignal.breadth(mix)) + ")");
        }
        if (strength.get(Evidence.MODEL_PIVOT) >= established) {
            for (ModelPivotSignal.Release release : in.releases()) {
                if (release.quickAdopter()[account]) {
                    out.add("moved to the new model " + display(data.models().value(release.model()))
                            + " within a day of its first appearance, with campaign " + campaign);
                    break;
                }
            }
        }
        return out;
    }

    /** "starts work within 3 minutes of N campaign members on D of T days", or null when it does not. */
    private static String startSentence(CaseData data, int account, CampaignFacts facts, int tolerance) {
        long originSecond = Math.floorDiv(data.originMs(), 1000L);
        Map<Long, Long> ownStarts = dailyStarts(data.activity(account), originSecond);
        if (ownStarts.isEmpty()) {
            return null;
        }
        int days = 0;
        List<Integer> company = new ArrayList<>();
        for (Map.Entry<Long, Long> own : ownStarts.entrySet()) {
            int near = -1; // the account's own start is among the campaign's starts
            for (long start : facts.startsByDay.getOrDefault(own.getKey(), List.of())) {
                if (Math.abs(start - own.getValue()) <= tolerance) {
                    near++;
                }
            }
            if (near >= 2) {
                days++;
                company.add(near);
            }
        }
        if (days < 2) {
            return null;
        }
        company.sort(null);
        return "starts work within " + duration(tolerance) + " of " + company.get(company.size() / 2) + " campaign members on " + days
                + " of " + ownStarts.size() + " active days";
    }

    private static String days(long milliseconds) {
        long days = milliseconds / 86_400_000L;
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return milliseconds % 86_400_000L != 0 ? milliseconds / 3_600_000L + " hours"
                : days < words.length ? words[(int) days] + (days == 1 ? " day" : " days") : days + " days";
    }

    private static String duration(int seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds + " seconds";
    }

    private static Map<Long, Long> dailyStarts(AccountActivity a, long originSecond) {
        Map<Long, Long> starts = new HashMap<>();
        for (int i = 0; i < a.events(); i++) {
            long second = originSecond + a.time(i);
            starts.putIfAbsent(Math.floorDiv(second, 86_400L), second);
        }
        return starts;
    }

    static String unlinkedReason(Inputs in, int account, double anomalyRank, int links) {
        if (in.data().activity(account).events() == 0) {
            return "no events in this case";
        }
        return (links == 0 ? "no links to other accounts beyond chance; "
                : "links to " + links + " other accounts do not form a campaign; ")
                + anomalySentence(anomalyRank);
    }

    static String anomalySentence(double anomalyRank) {
        return "behaviour more unusual than " + CampaignAssembler.percent(anomalyRank) + " of accounts (isolation forest)";
    }

    /** A value shortened for a sentence: long fingerprints and user agents are cut with an ellipsis. */
    static String display(String value) {
        return display(value, 24);
    }

    /** A value shortened to at most about {@code limit} characters. */
    static String display(String value, int limit) {
        String clean = value.replace("\u001f", " / ").replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= limit ? clean : clean.substring(0, limit - 4) + "…";
    }
}

package dev.quarry.analysis.rules;

import java.util.Map;

/**
 * Every threshold the detection engine judges by, one nested record per signal and one for campaign
 * assembly. Stored with each run (as JSON, beside its {@code AnalysisOptions}) and printed in the
 * evidence packets, so a verdict can be traced to the rules it was made under. Each record checks
 * its fields in its constructor and names the offending field in its message. Compute budgets
 * (partners examined, blocks searched, refinement rounds) and the run's own options (seed, window
 * width, smallest campaign, flag threshold) are not here: the first do not judge, the second are
 * {@code AnalysisOptions}.
 */
public record DetectionRules(SharedValueRules sharedValues, ClientRules client, TemplateRules template,
                             SynchronyRules synchrony, DenseBlockRules denseBlock, SweepRules sweep,
                             HarvestRules harvest, PivotRules pivot, AssemblyRules assembly) {

    public DetectionRules {
        requirePresent(sharedValues, "sharedValues");
        requirePresent(client, "client");
        requirePresent(template, "template");
        requirePresent(synchrony, "synchrony");
        requirePresent(denseBlock, "denseBlock");
        requirePresent(sweep, "sweep");
        requirePresent(harvest, "harvest");
        requirePresent(pivot, "pivot");
        requirePresent(assembly, "assembly");
    }

    /** One line per rule, by its path in the stored JSON (e.g. {@code synchrony.minZ}), for packets and views. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("sharedValues.maxHolderShare", "largest share of the accounts with a kind of value that may hold one value for it to tie them"),
            Map.entry("client.minShare", "share of an account's requests one parameter combination must cover to be its fingerprint"),
            Map.entry("client.minRequests", "requests an account needs before it has a client fingerprint"),
            Map.entry("client.baseWeight", "link weight of a fingerprint held by one other organisation"),
            Map.entry("client.fullRarityOdds", "organisations beyond which a fingerprint's rarity is measured on this fixed scale"),
            Map.entry("template.minShare", "share of an account's prompts a frame must cover to be its template"),
            Map.entry("template.minUses", "prompts in a frame before it counts as a template"),
            Map.entry("synchrony.minZ", "standard deviations beyond chance a pair's shared windows must reach to link it"),
            Map.entry("synchrony.minPairRatio", "times the expected overlap a pair's shared windows must reach"),
            Map.entry("synchrony.minDays", "days on which a pair must be in step"),
            Map.entry("synchrony.minDayOverlap", "shared windows on a day for it to count as a day in step"),
            Map.entry("synchrony.minMemberZ", "z of a member's windows against the rest of its group for it to be in step"),
            Map.entry("synchrony.minMemberRatio", "times the expectation a member's windows shared with its group must reach"),
            Map.entry("synchrony.memberOfSynchronizedGroupZ", "z at which a member shares in an already synchronized group"),
            Map.entry("synchrony.minWindows", "active windows an account needs to be compared at all"),
            Map.entry("synchrony.minEstimatedJaccard", "MinHash agreement below which a candidate pair is not counted exactly"),
            Map.entry("synchrony.trendDays", "days each side over which an account's own rhythm is averaged"),
            Map.entry("denseBlock.minDensity", "density a block of accounts and shared values must reach"),
            Map.entry("sweep.minPrompts", "categorised prompts an account needs before its task mix is known"),
            Map.entry("sweep.sweepingBreadth", "breadth (normalised entropy) at which an account sweeps the task taxonomy"),
            Map.entry("sweep.sweepingGroupShare", "share of a group's members that must sweep (more than this)"),
            Map.entry("sweep.narrowMembers", "mean member breadth at or below which members are narrow slices"),
            Map.entry("sweep.broadGroup", "breadth of the group's mix at or above which narrow slices cover the taxonomy"),
            Map.entry("sweep.minDistance", "distance from the case's own task mix a group of slices must have"),
            Map.entry("sweep.minSliceMembers", "members with a known task mix needed for complementary slices"),
            Map.entry("sweep.complementaryStrength", "strength given to complementary slices"),
            Map.entry("harvest.reasoningAccountShare", "share of an account's requests asking for reasoning at which it asks for reasoning"),
            Map.entry("harvest.longAnswerTopShare", "top share of the reference accounts whose answers count as long"),
            Map.entry("harvest.groupShare", "share of a group's members that must harvest (more than this)"),
            Map.entry("harvest.minLiftOverBase", "times the base rate a group's share of reasoning requests must reach"),
            Map.entry("pivot.adoptionWindowSeconds", "seconds after a model's first request within which an account adopted it quickly"),
            Map.entry("pivot.groupShare", "share of a group's members that must adopt quickly (more than this)"),
            Map.entry("pivot.minLiftOverBase", "times the release's base rate a group's share of quick adopters must reach"),
            Map.entry("assembly.minLink", "link weight below which a pair is left out of the account graph"),
            Map.entry("assembly.strongLink", "tie weight that binds a member to its group for a family of evidence"),
            Map.entry("assembly.established", "share of members a family must tie for it to be established"),
            Map.entry("assembly.communityResolution", "Louvain modularity resolution of the candidate groups"),
            Map.entry("assembly.significance", "chance level for a pivot or harvest across all groups tested (Bonferroni)"),
            Map.entry("assembly.minReferenceAccounts", "accounts tied to nobody needed to measure harvest rates against them"),
            Map.entry("assembly.commonOperationShare", "share of one part's members tied to another that makes the two one operation"),
            Map.entry("assembly.fleetVolumeSpread", "fraction by which members' request counts may differ and still be the same volume"),
            Map.entry("assembly.fleetVolumeShare", "share of members making the same volume for it to be a fleet's sign"),
            Map.entry("assembly.fleetVolumePeers", "share of the other members an account's volume must match to be alike"),
            Map.entry("assembly.fleetCreationWindowMs", "milliseconds within which accounts were opened together"),
            Map.entry("assembly.typicalMember", "cosine with the group's mean behaviour at which a member acts as the group does"),
            Map.entry("assembly.thinEvidenceFactor", "score factor for a group lacking two bodies of evidence"),
            Map.entry("assembly.noHarvestFactor", "score factor for a group that does not harvest where the extract would show it"),
            Map.entry("assembly.artefactOnlyFactor", "further factor when such a group also lacks operational linkage"),
            Map.entry("assembly.noFleetFactor", "score factor for a group with no sign of one operator's fleet"),
            Map.entry("assembly.outsideCampaignMaxRisk", "highest risk an account outside campaigns gets from its anomaly"),
            Map.entry("assembly.nearCampaignRiskShare", "share of a campaign's score an unsupported member or bystander gets"),
            Map.entry("assembly.attachedRiskFloor", "share of the campaign's score a member gets however loosely attached"),
            Map.entry("assembly.sharedStartToleranceSeconds", "seconds within which two members' daily starts count as the same"),
            Map.entry("assembly.reliability.billing", "trust in billing evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.infrastructure", "trust in infrastructure evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.client", "trust in client evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.template", "trust in template evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.synchrony", "trust in synchrony evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.denseBlock", "trust in denseBlock evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.modelPivot", "trust in modelPivot evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.capabilitySweep", "trust in capabilitySweep evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.behaviour", "trust in behaviour evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.reasoningHarvest", "trust in reasoningHarvest evidence fully established (noisy-OR weight)"),
            Map.entry("assembly.reliability.outputHarvest", "trust in outputHarvest evidence fully established (noisy-OR weight)"));

    /** What the rule at {@code path} (as in the stored JSON, e.g. {@code synchrony.minZ}) measures, or "" if unknown. */
    public static String meaning(String path) {
        return MEANINGS.getOrDefault(path, "");
    }

    /** The rules the engine runs by today. */
    public static DetectionRules defaults() {
        return new DetectionRules(
                new SharedValueRules(0.25),
                new ClientRules(0.9, 20, 0.8, 1000),
                new TemplateRules(0.05, 3),
                new SynchronyRules(5.0, 1.5, 3, 3, 8.0, 1.05, 3.0, 8, 0.1, 3),
                new DenseBlockRules(0.5),
                new SweepRules(20, 0.7, 0.5, 0.65, 0.75, 0.2, 10, 0.6),
                new HarvestRules(0.5, 0.10, 0.5, 3.0),
                new PivotRules(86_400L, 0.5, 3.0),
                new AssemblyRules(0.1, 0.25, 0.5, 1.0, 0.05, 50, 0.25, 0.1, 2 / 3.0, 0.1, 3 * 86_400_000L, 0.9,
                        0.5, 0.5, 0.5, 0.25, 0.3, 0.4, 0.7, 180,
                        new Reliability(0.7, 0.5, 0.5, 0.6, 0.7, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4)));
    }

    /**
     * A shared value (card, address, user agent, template) ties its holders only while few hold it.
     *
     * @param maxHolderShare largest share (0..1) of the accounts that have the kind of value which may
     *                       hold one value for it to tie them; 0.25 drops a campus NAT or the
     *                       default user agent of a popular SDK, which a quarter of accounts share
     */
    public record SharedValueRules(double maxHolderShare) {
        public SharedValueRules {
            requireShare(maxHolderShare, "sharedValues.maxHolderShare");
        }
    }

    /**
     * The client configuration (request parameters) an account sends nearly always.
     *
     * @param minShare       share (0..1) of an account's requests one parameter combination must cover
     *                       to be its fingerprint; 0.9: a script sends one setting, people vary it
     * @param minRequests    requests an account needs before it has a fingerprint; 20 keeps a
     *                       handful of calls with default settings from reading as a configuration
     * @param baseWeight     link weight (0..1) of a fingerprint held by a single other organisation;
     *                       0.8: settings are weaker evidence than a card or an address
     * @param fullRarityOdds organisations beyond which a fingerprint's rarity is measured on this scale
     *                       rather than on the case's own (count); 1000 keeps small cases from
     *                       making every setting look rare
     */
    public record ClientRules(double minShare, int minRequests, double baseWeight, double fullRarityOdds) {
        public ClientRules {
            requireShare(minShare, "client.minShare");
            requireAtLeast(minRequests, 1, "client.minRequests");
            requireShare(baseWeight, "client.baseWeight");
            require(fullRarityOdds > 1, "client.fullRarityOdds must be above 1, was " + fullRarityOdds);
        }
    }

    /**
     * The prompt templates (fixed frame of words with a varying slot) an account uses.
     *
     * @param minShare share (0..1) of an account's prompts a frame must cover to be its template;
     *                 0.05: a farm's template dominates, a person's stock phrase is rarer
     * @param minUses  prompts in a frame before it counts as a template at all (count); 3 rules out
     *                 a phrase that merely recurs once
     */
    public record TemplateRules(double minShare, int minUses) {
        public TemplateRules {
            requireShare(minShare, "template.minShare");
            requireAtLeast(minUses, 1, "template.minUses");
        }
    }

    /**
     * Activity in the same time windows beyond what each account's own daily rhythm explains.
     *
     * @param minZ                       standard deviations a pair's shared windows must exceed its
     *                                   expectation by to link it; 5: bursts make lower z common by chance
     * @param minPairRatio               times the expectation a pair's shared windows must reach; 1.5
     *                                   ("half as much again") keeps very active pairs from linking on z alone
     * @param minDays                    days on which a pair must be in step (count); 3: one busy day is
     *                                   no operation
     * @param minDayOverlap              shared windows on a day for it to count as a day in step (count)
     * @param minMemberZ                 z of a member's windows against the rest of its group for the
     *                                   member to be in step with it; 8, stricter than a pair since a
     *                                   group offers many chances
     * @param minMemberRatio             times the expectation a member's windows shared with its group
     *                                   must reach
     * @param memberOfSynchronizedGroupZ z at which a member counts as part of an already synchronized
     *                                   group; 3, the 0.1 % level
     * @param minWindows                 active windows an account needs to be compared at all (count)
     * @param minEstimatedJaccard        MinHash agreement (0..1) below which a candidate pair is not
     *                                   counted exactly
     * @param trendDays                  days each side over which an account's own rhythm is averaged
     */
    public record SynchronyRules(double minZ, double minPairRatio, int minDays, int minDayOverlap, double minMemberZ,
                                 double minMemberRatio, double memberOfSynchronizedGroupZ, int minWindows,
                                 double minEstimatedJaccard, int trendDays) {
        public SynchronyRules {
            requirePositive(minZ, "synchrony.minZ");
            require(minPairRatio >= 1, "synchrony.minPairRatio must be at least 1, was " + minPairRatio);
            requireAtLeast(minDays, 1, "synchrony.minDays");
            requireAtLeast(minDayOverlap, 1, "synchrony.minDayOverlap");
            requirePositive(minMemberZ, "synchrony.minMemberZ");
            require(minMemberRatio >= 1, "synchrony.minMemberRatio must be at least 1, was " + minMemberRatio);
            requirePositive(memberOfSynchronizedGroupZ, "synchrony.memberOfSynchronizedGroupZ");
            requireAtLeast(minWindows, 1, "synchrony.minWindows");
            requireShare(minEstimatedJaccard, "synchrony.minEstimatedJaccard");
            requireAtLeast(trendDays, 0, "synchrony.trendDays");
        }
    }

    /**
     * Dense blocks of accounts and shared values (billing, network, templates).
     *
     * @param minDensity density (0..1) a block must reach; 0.5: each member shares with half the
     *                   others a value rare enough to weigh, which a NAT or a popular agent does not
     */
    public record DenseBlockRules(double minDensity) {
        public DenseBlockRules {
            requireShare(minDensity, "denseBlock.minDensity");
        }
    }

    /**
     * A sweep of the task taxonomy, by each member or in complementary slices.
     *
     * @param minPrompts            categorised prompts an account needs before its task mix is known
     * @param sweepingBreadth       breadth (normalised entropy, 0..1) at which an account sweeps the
     *                              taxonomy; 0.7: people ask about a few kinds of task
     * @param sweepingGroupShare    share of a group's known members that must sweep for the group to
     *                              (a majority: more than this share)
     * @param narrowMembers         mean member breadth at or below which members are narrow slices
     * @param broadGroup            breadth of the group's mean mix at or above which narrow slices
     *                              cover the taxonomy together
     * @param minDistance           total-variation distance (0..1) from the case's own task mix the
     *                              group's mix must have; a crowd asking what everyone asks is no sweep
     * @param minSliceMembers       members with a known mix needed for complementary slices (count)
     * @param complementaryStrength strength (0..1) the signal gives complementary slices
     */
    public record SweepRules(int minPrompts, double sweepingBreadth, double sweepingGroupShare, double narrowMembers,
                             double broadGroup, double minDistance, int minSliceMembers, double complementaryStrength) {
        public SweepRules {
            requireAtLeast(minPrompts, 1, "sweep.minPrompts");
            requireShare(sweepingBreadth, "sweep.sweepingBreadth");
            requireShare(sweepingGroupShare, "sweep.sweepingGroupShare");
            requireShare(narrowMembers, "sweep.narrowMembers");
            requireShare(broadGroup, "sweep.broadGroup");
            requireShare(minDistance, "sweep.minDistance");
            requireAtLeast(minSliceMembers, 1, "sweep.minSliceMembers");
            requireShare(complementaryStrength, "sweep.complementaryStrength");
        }
    }

    /**
     * Harvesting the model's outputs: asking for reasoning, drawing long answers.
     *
     * @param reasoningAccountShare share (0..1) of an account's requests asking for reasoning at which
     *                              the account asks for reasoning
     * @param longAnswerTopShare    top share (0..1) of the reference accounts whose answers count as
     *                              long; 0.10, the top tenth
     * @param groupShare            share of a group's members that must harvest (more than this)
     * @param minLiftOverBase       times the case's base rate the group's share must reach
     */
    public record HarvestRules(double reasoningAccountShare, double longAnswerTopShare, double groupShare,
                               double minLiftOverBase) {
        public HarvestRules {
            requireShare(reasoningAccountShare, "harvest.reasoningAccountShare");
            require(longAnswerTopShare > 0 && longAnswerTopShare < 1,
                    "harvest.longAnswerTopShare must be in (0,1), was " + longAnswerTopShare);
            requireShare(groupShare, "harvest.groupShare");
            require(minLiftOverBase >= 1, "harvest.minLiftOverBase must be at least 1, was " + minLiftOverBase);
        }
    }

    /**
     * A rush to a newly released model.
     *
     * @param adoptionWindowSeconds seconds after a model's first request within which its users adopted
     *                              it quickly; a day
     * @param groupShare            share of a group's members that must adopt quickly (more than this)
     * @param minLiftOverBase       times the release's base rate the group's share must reach
     */
    public record PivotRules(long adoptionWindowSeconds, double groupShare, double minLiftOverBase) {
        public PivotRules {
            require(adoptionWindowSeconds >= 60, "pivot.adoptionWindowSeconds must be at least 60, was "
                    + adoptionWindowSeconds);
            requireShare(groupShare, "pivot.groupShare");
            require(minLiftOverBase >= 1, "pivot.minLiftOverBase must be at least 1, was " + minLiftOverBase);
        }
    }

    /**
     * Campaign assembly and judgement.
     *
     * @param minLink                  link weight (0..1) below which a pair is left out of the account graph
     * @param strongLink               tie weight (0..1) that binds a member to its group for a family (a
     *                                 card shared by a few dozen accounts weighs 0.25)
     * @param established              share of members (0..1) a family must tie for it to be established
     * @param communityResolution      Louvain modularity resolution (gamma); 1 is modularity's own scale
     * @param significance             family-wise chance level for a pivot or harvest across all groups
     *                                 tested (Bonferroni); 5 %
     * @param minReferenceAccounts     accounts tied to nobody needed to measure harvest rates against
     *                                 them rather than against all accounts (count)
     * @param commonOperationShare     share of one part's members tied to another that makes the two
     *                                 one operation
     * @param fleetVolumeSpread        fraction by which two members' request counts may differ and
     *                                 still be the same volume
     * @param fleetVolumeShare         share of members that must make the same volume for it to be a
     *                                 fleet's sign; two thirds
     * @param fleetVolumePeers         share of the other members an account's volume must match to be
     *                                 alike (at least two)
     * @param fleetCreationWindowMs    milliseconds within which accounts were opened together; 3 days
     * @param typicalMember            cosine with the group's mean behaviour at which a member acts as
     *                                 the group does
     * @param thinEvidenceFactor       score factor when a group lacks two bodies of evidence
     * @param noHarvestFactor          score factor when the extract shows harvest and the group does not
     * @param artefactOnlyFactor       further factor when such a group also lacks operational linkage
     * @param noFleetFactor            score factor when the group shows no sign of one operator's fleet
     * @param outsideCampaignMaxRisk   highest risk (0..1) an account outside campaigns gets from its anomaly
     * @param nearCampaignRiskShare    share of a campaign's score an unsupported member or bystander gets
     * @param attachedRiskFloor        share of the campaign's score a member gets however loosely
     *                                 attached; the rest grows with its share of links into the campaign
     * @param sharedStartToleranceSeconds seconds within which two members' daily starts count as the same
     * @param reliability              how far each family of evidence, fully established, is trusted
     */
    public record AssemblyRules(double minLink, double strongLink, double established, double communityResolution,
                                double significance, int minReferenceAccounts, double commonOperationShare,
                                double fleetVolumeSpread, double fleetVolumeShare, double fleetVolumePeers,
                                long fleetCreationWindowMs, double typicalMember, double thinEvidenceFactor,
                                double noHarvestFactor, double artefactOnlyFactor, double noFleetFactor,
                                double outsideCampaignMaxRisk, double nearCampaignRiskShare, double attachedRiskFloor,
                                int sharedStartToleranceSeconds, Reliability reliability) {
        public AssemblyRules {
            requireShare(minLink, "assembly.minLink");
            requireShare(strongLink, "assembly.strongLink");
            require(strongLink >= minLink, "assembly.strongLink must be at least assembly.minLink, was " + strongLink);
            requireShare(established, "assembly.established");
            requirePositive(communityResolution, "assembly.communityResolution");
            require(significance > 0 && significance < 1, "assembly.significance must be in (0,1), was " + significance);
            requireAtLeast(minReferenceAccounts, 1, "assembly.minReferenceAccounts");
            requireShare(commonOperationShare, "assembly.commonOperationShare");
            requireShare(fleetVolumeSpread, "assembly.fleetVolumeSpread");
            requireShare(fleetVolumeShare, "assembly.fleetVolumeShare");
            requireShare(fleetVolumePeers, "assembly.fleetVolumePeers");
            require(fleetCreationWindowMs > 0, "assembly.fleetCreationWindowMs must be positive, was " + fleetCreationWindowMs);
            requireShare(typicalMember, "assembly.typicalMember");
            requireShare(thinEvidenceFactor, "assembly.thinEvidenceFactor");
            requireShare(noHarvestFactor, "assembly.noHarvestFactor");
            requireShare(artefactOnlyFactor, "assembly.artefactOnlyFactor");
            requireShare(noFleetFactor, "assembly.noFleetFactor");
            requireShare(outsideCampaignMaxRisk, "assembly.outsideCampaignMaxRisk");
            requireShare(nearCampaignRiskShare, "assembly.nearCampaignRiskShare");
            requireShare(attachedRiskFloor, "assembly.attachedRiskFloor");
            requireAtLeast(sharedStartToleranceSeconds, 0, "assembly.sharedStartToleranceSeconds");
            requirePresent(reliability, "assembly.reliability");
        }
    }

    /**
     * Per family of evidence, the trust (0..1) it earns fully established: the campaign score is a
     * noisy-OR of each family's strength times its reliability. Billing and synchrony are hardest to
     * explain innocently; behaviour, sweeps and harvest alone describe evaluators too.
     */
    public record Reliability(double billing, double infrastructure, double client, double template,
                              double synchrony, double denseBlock, double modelPivot, double capabilitySweep,
                              double behaviour, double reasoningHarvest, double outputHarvest) {
        public Reliability {
            requireShare(billing, "assembly.reliability.billing");
            requireShare(infrastructure, "assembly.reliability.infrastructure");
            requireShare(client, "assembly.reliability.client");
            requireShare(template, "assembly.reliability.template");
            requireShare(synchrony, "assembly.reliability.synchrony");
            requireShare(denseBlock, "assembly.reliability.denseBlock");
            requireShare(modelPivot, "assembly.reliability.modelPivot");
            requireShare(capabilitySweep, "assembly.reliability.capabilitySweep");
            requireShare(behaviour, "assembly.reliability.behaviour");
            requireShare(reasoningHarvest, "assembly.reliability.reasoningHarvest");
            requireShare(outputHarvest, "assembly.reliability.outputHarvest");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid detection rule: " + message);
        }
    }

    private static void requirePresent(Object value, String field) {
        require(value != null, field + " is missing");
    }

    private static void requireShare(double value, String field) {
        require(value >= 0 && value <= 1, field + " must be in [0,1], was " + value);
    }

    private static void requirePositive(double value, String field) {
        require(value > 0, field + " must be positive, was " + value);
    }

    private static void requireAtLeast(int value, int least, String field) {
        require(value >= least, field + " must be at least " + least + ", was " + value);
    }
}

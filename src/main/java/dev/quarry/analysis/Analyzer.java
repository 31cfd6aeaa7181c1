package dev.quarry.analysis;

import dev.quarry.analysis.campaign.AssemblySettings;
import dev.quarry.analysis.campaign.CampaignAssembler;
import dev.quarry.analysis.campaign.Inputs;
import dev.quarry.analysis.features.AccountModels;
import dev.quarry.analysis.features.BehaviourFeature;
import dev.quarry.analysis.features.BehaviourFeatures;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.scan.EventScan;
import dev.quarry.analysis.signals.BehaviourSimilarity;
import dev.quarry.analysis.signals.CapabilitySweepSignal;
import dev.quarry.analysis.signals.ClientFingerprintSignal;
import dev.quarry.analysis.signals.DenseBlockSignal;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.Links;
import dev.quarry.analysis.signals.ModelPivotSignal;
import dev.quarry.analysis.signals.SharedInfrastructureSignal;
import dev.quarry.analysis.signals.SharedTemplateSignal;
import dev.quarry.analysis.signals.SharedValues;
import dev.quarry.analysis.signals.SynchronizedActivitySignal;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detection pipeline: one pass over the events, per-account features and models, the
 * cross-account signals, and campaign assembly. The whole run, its workbench digest included, reads
 * the events table once.
 */
public final class Analyzer {
    private static final String[] STAGES = {"read events", "behaviour features", "account models",
            "shared infrastructure", "synchronized activity", "shared templates and client configuration", "dense blocks", "model pivot",
            "campaign assembly"};

    private Analyzer() {
    }

    /**
     * Analyses the case and stores the run in it: what the command line, the workbench and the
     * benchmark run. On failure or cancellation nothing of the run is stored.
     */
    public static CompletedRun runAndStore(CaseFile caseFile, AnalysisOptions options, ProgressListener progress)
            throws AnalysisException, StoreException {
        Instant started = Instant.now();
        Analysis analysis = analyzeWithDigest(caseFile, options, DetectionRules.defaults(), progress);
        AnalysisResult result = analysis.result();
        // what the workbench opens on (schema V3), so opening a case never scans its events; taken
        // from the analysis's own pass unless that pass had to skip events
        RunDigest digest = analysis.digest();
        if (digest == null) {
            Map<String, Integer> campaignOf = new HashMap<>();
            for (AccountVerdict account : result.accounts()) {
                if (account.campaignId() != null) {
                    campaignOf.put(account.accountId(), account.campaignId());
                }
            }
            digest = RunDigest.compute(caseFile, campaignOf, progress);
        }
        Instant analysed = Instant.now();
        long runId = new RunStore(caseFile).save(result, started, analysed, progress);
        digest.save(caseFile, runId);
        return new CompletedRun(runId, result, started, analysed, Instant.now());
    }

    public static AnalysisResult analyze(CaseFile caseFile, AnalysisOptions options, ProgressListener progress)
            throws AnalysisException {
        return analyze(caseFile, options, DetectionRules.defaults(), progress);
    }

    /** Analyses the case under other rules than today's (to see what a threshold changes). */
    public static AnalysisResult analyze(CaseFile caseFile, AnalysisOptions options, DetectionRules rules,
                                         ProgressListener progress) throws AnalysisException {
        return analyzeWithDigest(caseFile, options, rules, progress).result();
    }

    /** A run's results and its workbench digest (null when it must be read from the events, see {@link RunDigest#fromScan}). */
    record Analysis(AnalysisResult result, RunDigest digest) {
    }

    static Analysis analyzeWithDigest(CaseFile caseFile, AnalysisOptions options, DetectionRules rules,
                                      ProgressListener progress) throws AnalysisException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Stopwatch watch = new Stopwatch(seconds, progress);

        watch.start(0);
        CaseData data;
        try {
            data = EventScan.read(caseFile, progress);
        } catch (SQLException e) {
            throw new AnalysisException("cannot read case " + caseFile.path() + ": " + e.getMessage(), e);
        }
        if (data.size() == 0) {
            throw new AnalysisException("case " + caseFile.path() + " has no accounts: import events or an accounts file first");
        }

        watch.start(1);
        double[][] raw = BehaviourFeatures.compute(data);
        boolean[] usable = new boolean[BehaviourFeature.count()];
        double[][] standardized = BehaviourFeatures.standardized(raw, usable);
        BehaviourSimilarity similarity = new BehaviourSimilarity(standardized);

        watch.start(2);
        AccountModels.Result models;
        try {
            models = AccountModels.fit(standardized, options.seed(), options.isolationTrees(), options.behaviourClusters());
        } catch (IllegalStateException e) {
            throw new AnalysisException(e.getMessage(), e);
        }

        watch.start(3);
        Map<AttributeKind, SharedInfrastructureSignal.Holders> holders = SharedInfrastructureSignal.holders(data);
        Map<Evidence, SharedValues> shared = new EnumMap<>(Evidence.class);
        shared.putAll(SharedInfrastructureSignal.values(data, holders, rules.sharedValues()));

        watch.start(4);
        SynchronizedActivitySignal.Activity activity = SynchronizedActivitySignal.activity(data, options.syncWindowMinutes() * 60,
                rules.synchrony());
        Links synchronizedLinks = SynchronizedActivitySignal.links(activity, options.minHashSize(), options.lshBands(),
                options.seed(), progress);

        watch.start(5);
        SharedTemplateSignal.Templates[] templates = new SharedTemplateSignal.Templates[data.size()];
        List<long[]> templateColumns = new ArrayList<>();
        for (int account = 0; account < data.size(); account++) {
            templates[account] = SharedTemplateSignal.templatesOf(data.activity(account), rules.template());
            for (long frame : templates[account].frames()) {
                templateColumns.add(new long[] {account, frame});
            }
        }
        shared.put(Evidence.TEMPLATE, SharedTemplateSignal.values(data, templates, rules.sharedValues()));
        shared.put(Evidence.CLIENT, ClientFingerprintSignal.values(data, holders, rules));
        Map<Evidence, Links> links = new EnumMap<>(Evidence.class);
        for (SharedValues values : shared.values()) {
            links.put(values.family(), values.links(data, similarity, options.seed(), rules.assembly().minLink()));
        }
        links.put(Evidence.SYNCHRONIZED, synchronizedLinks);
        double[][] taskMixes = CapabilitySweepSignal.mixes(data, rules.sweep());

        watch.start(6);
        DenseBlockSignal.Result blocks = DenseBlockSignal.find(data, holders, templateColumns, options.minCampaignSize(), rules);

        watch.start(7);
        List<ModelPivotSignal.Release> releases = ModelPivotSignal.releases(data, rules.pivot());

        watch.start(8);
        CampaignAssembler.Assembly assembly = CampaignAssembler.assemble(new Inputs(data, shared, links,
                activity, blocks.blocks(), templates, taskMixes, releases, standardized, models.anomaly(), holders,
                column(raw, BehaviourFeature.REASONING_REQUEST_SHARE), column(raw, BehaviourFeature.MEAN_COMPLETION_TOKENS),
                new AssemblySettings(options.seed(), options.syncWindowMinutes(), options.minCampaignSize(),
                        options.flagThreshold(), rules)));

        List<AccountVerdict> verdicts = new ArrayList<>(data.size());
        for (int account = 0; account < data.size(); account++) {
            Map<String, Double> features = new LinkedHashMap<>();
            for (BehaviourFeature feature : BehaviourFeature.values()) {
                if (!Double.isNaN(raw[account][feature.ordinal()])) {
                    // names at the edge: stored runs and exports keep the column names
                    features.put(feature.columnName(), raw[account][feature.ordinal()]);
                }
            }
            double risk = Math.max(0, Math.min(1, assembly.risk()[account]));
            verdicts.add(new AccountVerdict(data.accountId(account), CampaignAssembler.round(risk),
                    risk >= options.flagThreshold(), assembly.campaignOf()[account], models.anomaly()[account],
                    models.cluster()[account], models.map()[account][0], models.map()[account][1],
                    List.copyOf(assembly.reasons().get(account)), features));
        }
        watch.stop();
        List<SignalStatus> signals = SignalReport.statuses(data, links, blocks, releases, usable);
        List<Campaign> campaigns = assembly.campaigns().stream().map(found -> new Campaign(found.campaignId(),
                found.label(), found.score(), found.size(), List.copyOf(found.evidence()),
                found.reasons())).toList();
        ViewData views = ViewData.collect(data, shared, links, assembly.campaignOf());
        return new Analysis(new AnalysisResult(options, rules, verdicts, campaigns, signals, seconds, views),
                RunDigest.fromScan(data, assembly.campaignOf()));
    }

    private static double[] column(double[][] raw, BehaviourFeature feature) {
        int j = feature.ordinal();
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i][j];
        }
        return out;
    }

    /** Times each stage and tells the listener which one runs, checking for cancellation between stages. */
    private static final class Stopwatch {
        private final Map<String, Double> seconds;
        private final ProgressListener progress;
        private String stage;
        private long startedAt;

        Stopwatch(Map<String, Double> seconds, ProgressListener progress) {
            this.seconds = seconds;
            this.progress = progress;
        }

        void start(int index) {
            stop();
            progress.checkCancelled();
            stage = STAGES[index];
            startedAt = System.nanoTime();
            progress.progress(index, STAGES.length, String.format(Locale.ROOT, "analysis: %s", stage), ProgressListener.STAGES);
        }

        void stop() {
            if (stage != null) {
                seconds.put(stage, (System.nanoTime() - startedAt) / 1e9);
                stage = null;
            }
        }
    }
}

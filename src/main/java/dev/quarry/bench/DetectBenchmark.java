package dev.quarry.bench;

import dev.quarry.analysis.AnalysisException;
import dev.quarry.analysis.AnalysisOptions;
import dev.quarry.analysis.AnalysisResult;
import dev.quarry.analysis.Analyzer;
import dev.quarry.analysis.CompletedRun;
import dev.quarry.analysis.RunStore;
import dev.quarry.bench.DetectDatasets.Dataset;
import dev.quarry.bench.DetectDatasets.Suite;
import dev.quarry.bench.DetectionScore.CampaignRecall;
import dev.quarry.bench.DetectionScore.KindRate;
import dev.quarry.export.CsvPacket;
import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.Importer;
import dev.quarry.ingest.IngestException;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.synth.outside.OutsideExtract;
import dev.quarry.synth.outside.OutsidePopulation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code bench detect}: detection quality on generated data with ground truth, and analysis speed at
 * the seed scale against a full scan of the same case. Quality is scored from the exported
 * accounts.csv, as an outside scorer would, never from Quarry's objects. Results are returned; the
 * command line prints them.
 */
public final class DetectBenchmark {

    /** The seed scale of the issue: 24,000 accounts making 16 million requests. */
    public static final int SCALE_ACCOUNTS = 24_000;
    public static final long SCALE_EVENTS = 16_000_000L;
    public static final int SCALE_DAYS = 30;
    static final int SCAN_ROUNDS = 3;

    private final Consumer<String> log;
    private final ProgressListener progress;

    /**
     * @param log      one line per step, for a person watching a long run
     * @param progress progress within a step, and cancellation
     */
    public DetectBenchmark(Consumer<String> log, ProgressListener progress) {
        this.log = log;
        this.progress = progress;
    }

    /**
     * @param notInCase      accounts of the truth that made no request and have no account record (e.g. in a
     *                       Bedrock extract): no detector can see them; they count as not flagged
     * @param lostFromExport accounts that are in the case but missing from accounts.csv: an export defect
     * @param falseCampaigns the exported campaigns holding legitimate accounts, with the packet's evidence for them
     */
    public record DatasetResult(Dataset dataset, long events, int accounts, double generateSeconds,
                                double ingestSeconds, double analyzeSeconds, DetectionScore quarry,
                                DetectionScore naive, long notInCase, long lostFromExport, List<String> shortfalls,
                                FalseCampaigns falseCampaigns) {
        public boolean passed() {
            return shortfalls.isEmpty();
        }
    }

    /**
     * A suite's datasets pooled: flag counts and legitimate-kind rates summed over its datasets, every
     * campaign of every dataset (named dataset/campaign), and the mean adjusted Rand index.
     */
    public record SuiteResult(String suite, List<DatasetResult> datasets, FlagCounts quarry, FlagCounts naive,
                              List<KindRate> quarryKinds, List<KindRate> naiveKinds, List<CampaignRecall> campaigns,
                              double meanAdjustedRandIndex, List<String> shortfalls) {
        public boolean passed() {
            return shortfalls.isEmpty();
        }
    }

    public record QualityReport(List<DatasetResult> datasets, List<SuiteResult> suites) {
        public boolean passed() {
            return suites.stream().allMatch(SuiteResult::passed);
        }
    }

    /** Runs generate, ingest, analyze and export on every dataset of the suite under {@code workDirectory}. */
    public QualityReport quality(Suite suite, Path workDirectory)
            throws IOException, IngestException, AnalysisException, StoreException, SQLException {
        return quality(DetectDatasets.of(suite), workDirectory);
    }

    /** Runs generate, ingest, analyze and export on each of the datasets under {@code workDirectory}. */
    public QualityReport quality(List<Dataset> datasets, Path workDirectory)
            throws IOException, IngestException, AnalysisException, StoreException, SQLException {
        return quality(datasets, workDirectory, false);
    }

    /**
     * As {@link #quality(List, Path)}; with {@code reuseIngested}, a dataset already generated and
     * ingested under {@code workDirectory} by an earlier run is analysed again as it is, so that a
     * change to the engine can be measured without generating and ingesting again.
     */
    public QualityReport quality(List<Dataset> datasets, Path workDirectory, boolean reuseIngested)
            throws IOException, IngestException, AnalysisException, StoreException, SQLException {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("no datasets to run");
        }
        List<DatasetResult> results = new ArrayList<>();
        for (Dataset dataset : datasets) {
            progress.checkCancelled();
            results.add(run(dataset, workDirectory.resolve(dataset.name()), reuseIngested));
        }
        List<SuiteResult> suites = new ArrayList<>();
        for (Suite each : List.of(Suite.DEV, Suite.HELDOUT, Suite.FRESH, Suite.COHORTS, Suite.OUTSIDE)) {
            List<DatasetResult> members = results.stream().filter(r -> r.dataset().suite() == each).toList();
            if (!members.isEmpty()) {
                suites.add(pool(suiteName(each), members));
            }
        }
        return new QualityReport(results, suites);
    }

    public static String suiteName(Suite suite) {
        return switch (suite) {
            case DEV -> "development";
            case HELDOUT -> "held-out";
            case FRESH -> "fresh";
            case COHORTS -> "cohorts";
            case OUTSIDE -> "outside";
            case ALL -> "all";
        };
    }

    private DatasetResult run(Dataset dataset, Path directory, boolean reuseIngested)
            throws IOException, IngestException, AnalysisException, StoreException, SQLException {
        Path ready = directory.resolve("ingested");
        boolean reused = reuseIngested && reusable(directory, dataset);
        Extract extract;
        double generateSeconds = 0;
        long started;
        if (reused) {
            log.accept(dataset.name() + ": reusing the case ingested earlier in " + directory);
            Path truth = directory.resolve("extract").resolve("truth.csv");
            extract = new Extract(null, null, truth, Long.parseLong(Files.readAllLines(ready).get(0).trim()));
        } else {
            if (reuseIngested && Files.exists(ready)) {
                log.accept(dataset.name() + ": the case in " + directory + " was made from other options; making it again");
            }
            deleteRecursively(directory);
            Files.createDirectories(directory);
            log.accept(dataset.name() + ": generating " + dataset.accounts() + " accounts over "
                    + dataset.days() + " days (" + dataset.description() + ")");
            started = System.nanoTime();
            extract = write(dataset, directory.resolve("extract"));
            generateSeconds = seconds(started);
        }
        try (CaseFile caseFile = CaseFile.open(directory.resolve("case.quarry"))) {
            started = System.nanoTime();
            if (!reused) {
                log.accept(dataset.name() + ": ingesting " + extract.eventCount() + " events");
                ingest(caseFile, extract);
                try (Statement statement = caseFile.connection().createStatement()) {
                    for (DetectDatasets.Removal removal : dataset.removed()) {
                        statement.executeUpdate(removal.sql());
                    }
                }
                Files.writeString(ready, extract.eventCount() + "\n" + dataset.description() + "\n");
            }
            double ingestSeconds = seconds(started);
            log.accept(dataset.name() + ": analyzing");
            started = System.nanoTime();
            if (!reused && dataset.accounts() >= SCALE_ACCOUNTS) {
                // at the seed scale the extract takes gigabytes; the case holds it now
                Files.delete(extract.events());
            }
            CompletedRun run = Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(dataset.seed()), progress);
            AnalysisResult result = run.result();
            double analyzeSeconds = seconds(started);
            Path packet = directory.resolve("packet");
            deleteRecursively(packet);
            new CsvPacket(caseFile).write(new RunStore(caseFile).load(run.runId()), packet, List.of(), progress);

            GroundTruth truth = GroundTruth.read(extract.truth());
            Map<String, Prediction> predictions = ExportedPredictions.read(packet);
            DetectionScore quarry = DetectionScore.of(truth, predictions);
            DetectionScore naive = DetectionScore.ofFlags(truth, NaiveRule.flagged(caseFile));
            Set<String> inCase = caseAccounts(caseFile);
            long notInCase = truth.accounts().keySet().stream().filter(a -> !inCase.contains(a)).count();
            long lost = truth.accounts().keySet().stream()
                    .filter(a -> inCase.contains(a) && !predictions.containsKey(a)).count();
            List<String> shortfalls = new ArrayList<>(
                    dataset.bar().shortfalls(quarry.counts(), quarry.campaigns(), quarry.legitKinds()));
            if (lost > 0) {
                shortfalls.add(lost + " accounts of the case missing from accounts.csv");
            }
            return new DatasetResult(dataset, extract.eventCount(), truth.accounts().size(), generateSeconds,
                    ingestSeconds, analyzeSeconds, quarry, naive, notInCase, lost, shortfalls,
                    FalseCampaigns.of(truth, predictions, packet));
        }
    }

    /**
     * Whether {@code directory} holds a case an earlier run ingested for this very dataset: the marker
     * names the dataset's description (for the outside suite: mix, seed and days), so another
     * {@code --outside-seed} in the same work directory is not scored on the old extract. A marker
     * from before descriptions were recorded holds only the event count and is taken as it is.
     */
    static boolean reusable(Path directory, Dataset dataset) throws IOException {
        Path ready = directory.resolve("ingested");
        if (!Files.exists(ready) || !Files.exists(directory.resolve("case.quarry"))) {
            return false;
        }
        List<String> marker = Files.readAllLines(ready);
        return marker.size() < 2 || marker.get(1).equals(dataset.description());
    }

    private static Set<String> caseAccounts(CaseFile caseFile) throws SQLException {
        Set<String> accounts = new HashSet<>();
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT account_id FROM accounts UNION SELECT account_id FROM events GROUP BY account_id")) {
            while (rs.next()) {
                accounts.add(rs.getString(1));
            }
        }
        return accounts;
    }

    /** The files a population model wrote; {@code accounts} is null for Bedrock logs. */
    private record Extract(Path events, Path accounts, Path truth, long eventCount) {
    }

    private Extract write(Dataset dataset, Path directory) throws IOException {
        if (dataset.outside() != null) {
            OutsideExtract written = OutsidePopulation.write(directory, dataset.outside(), progress);
            return new Extract(written.events(), written.accounts().orElse(null), written.truth(), written.eventCount());
        }
        GeneratedExtract generated = ExtractGenerator.generate(directory, dataset.options(), progress);
        return new Extract(generated.events(), generated.accounts(), generated.truth(), generated.eventCount());
    }

    private void ingest(CaseFile caseFile, Extract extract) throws IngestException {
        ingest(caseFile, extract.events(), extract.accounts());
    }

    private void ingest(CaseFile caseFile, GeneratedExtract extract) throws IngestException {
        ingest(caseFile, extract.events(), extract.accounts());
    }

    private void ingest(CaseFile caseFile, Path events, Path accounts) throws IngestException {
        Importer importer = new Importer(caseFile);
        if (accounts != null) {
            importer.importFile(accounts, ImportOptions.auto(), progress);
        }
        importer.importFile(events, ImportOptions.auto(), progress);
    }

    static SuiteResult pool(String suite, List<DatasetResult> results) {
        FlagCounts quarry = FlagCounts.ZERO;
        FlagCounts naive = FlagCounts.ZERO;
        Map<String, KindRate> quarryKinds = new TreeMap<>();
        Map<String, KindRate> naiveKinds = new TreeMap<>();
        List<CampaignRecall> campaigns = new ArrayList<>();
        double ariSum = 0;
        for (DatasetResult result : results) {
            quarry = quarry.plus(result.quarry().counts());
            naive = naive.plus(result.naive().counts());
            result.quarry().legitKinds().forEach(k -> quarryKinds.merge(k.kind(), k, KindRate::plus));
            result.naive().legitKinds().forEach(k -> naiveKinds.merge(k.kind(), k, KindRate::plus));
            for (CampaignRecall campaign : result.quarry().campaigns()) {
                campaigns.add(new CampaignRecall(result.dataset().name() + "/" + campaign.campaignId(), campaign.label(),
                        campaign.members(), campaign.flagged()));
            }
            ariSum += result.quarry().adjustedRandIndex();
        }
        List<KindRate> kinds = List.copyOf(quarryKinds.values());
        QualityBar bar = results.get(0).dataset().bar();
        List<String> shortfalls = new ArrayList<>(bar.shortfalls(quarry, campaigns, kinds));
        results.stream().filter(r -> r.lostFromExport() > 0).forEach(r -> shortfalls.add(
                r.dataset().name() + ": " + r.lostFromExport() + " accounts of the case missing from accounts.csv"));
        return new SuiteResult(suite, results, quarry, naive, kinds, List.copyOf(naiveKinds.values()), campaigns,
                ariSum / results.size(), shortfalls);
    }

    /**
     * @param reusedCase the case was already ingested by an earlier run with the same size and was reused
     * @param scanRounds  each timed full scan of the events table ({@code GROUP BY account_id} count), page
     *                    cache warm
     * @param peakHeapBytes highest heap use seen during the analysis (sampled every 10 ms)
     * @param poolPeakBytes sum of the heap pools' peak use during the analysis: an upper bound of the peak
     * @param score         the run's flags and campaigns against the truth (taken from the run, not from an
     *                      export), or null when the case was ingested before the truth was kept
     */
    public record ScaleReport(int accounts, long events, Path casePath, boolean reusedCase, double generateSeconds,
                              double ingestSeconds, double[] scanRounds, double analyzeSeconds,
                              double storeSeconds,
                              long peakHeapBytes, long poolPeakBytes, long maxHeapBytes,
                              Map<String, Double> stageSeconds, long flagged, int campaigns, DetectionScore score) {
        /** The analysis in full scans of the events table: the goal is under 10. */
        public double scans() {
            return analyzeSeconds / scanSeconds();
        }

        /** One full scan: the median of the timed rounds, which other work on the machine can slow one by one. */
        public double scanSeconds() {
            double[] sorted = scanRounds.clone();
            java.util.Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    /**
     * Generates (unless already done in {@code workDirectory}) and ingests an extract of the given
     * size, then times one full scan of its events table and one analysis of it.
     */
    public ScaleReport scale(int accounts, long events, long seed, Path workDirectory)
            throws IOException, IngestException, AnalysisException, StoreException, SQLException {
        Path directory = workDirectory.resolve("scale-" + accounts + "-" + events + "-" + seed);
        Path casePath = directory.resolve("case.quarry");
        Path ready = directory.resolve("ingested");
        boolean reused = Files.exists(ready) && Files.exists(casePath);
        double generateSeconds = 0;
        double ingestSeconds = 0;
        if (!reused) {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            GeneratorOptions options = GeneratorOptions.defaults(accounts, SCALE_DAYS, seed).withEventsTarget(events);
            log.accept("generating " + accounts + " accounts, about " + events + " events");
            long started = System.nanoTime();
            GeneratedExtract extract = ExtractGenerator.generate(directory.resolve("extract"), options, progress);
            generateSeconds = seconds(started);
            log.accept("ingesting " + extract.eventCount() + " events");
            started = System.nanoTime();
            try (CaseFile caseFile = CaseFile.open(casePath)) {
                ingest(caseFile, extract);
            }
            ingestSeconds = seconds(started);
            // the extract is no longer needed and at this scale takes gigabytes; the truth is kept for scoring
            Files.move(extract.truth(), directory.resolve("truth.csv"));
            deleteRecursively(directory.resolve("extract"));
            Files.writeString(ready, Instant.now().toString());
        } else {
            log.accept("reusing the case ingested earlier in " + directory);
        }
        try (CaseFile caseFile = CaseFile.open(casePath)) {
            log.accept("full scan of the events table (once to warm the page cache, then " + SCAN_ROUNDS + " times timed)");
            fullScan(caseFile);
            double[] scanRounds = new double[SCAN_ROUNDS];
            long scanned = 0;
            for (int round = 0; round < SCAN_ROUNDS; round++) {
                long started = System.nanoTime();
                scanned = fullScan(caseFile);
                scanRounds[round] = seconds(started);
            }
            long started;

            log.accept("analyzing");
            System.gc();
            HeapWatch heap = HeapWatch.start();
            CompletedRun run;
            try {
                run = Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(seed), progress);
            } finally {
                heap.stop();
            }
            AnalysisResult result = run.result();
            double analyzeSeconds = run.analysis().toNanos() / 1e9;
            double storeSeconds = run.store().toNanos() / 1e9;
            DetectionScore score = null;
            if (Files.exists(directory.resolve("truth.csv"))) {
                Map<String, Prediction> predictions = new HashMap<>();
                result.accounts().forEach(a -> predictions.put(a.accountId(), new Prediction(a.flagged(),
                        a.campaignId() == null ? null : a.campaignId().toString())));
                score = DetectionScore.of(GroundTruth.read(directory.resolve("truth.csv")), predictions);
            }
            return new ScaleReport(result.accounts().size(), scanned, casePath, reused, generateSeconds, ingestSeconds,
                    scanRounds, analyzeSeconds, storeSeconds, heap.peakSampled(), heap.poolPeaks(),
                    Runtime.getRuntime().maxMemory(), result.stageSeconds(),
                    result.accounts().stream().filter(a -> a.flagged()).count(), result.campaigns().size(), score);
        }
    }

    /**
     * The reference: one pass over every event's row, grouped by account. Returns the events counted.
     * NOT INDEXED keeps it a scan of the table itself: with the events_account_ts index SQLite would
     * count from the index alone, a fraction of the rows' bytes, and the ratio would lose its meaning.
     */
    static long fullScan(CaseFile caseFile) throws SQLException {
        long events = 0;
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT account_id, count(*) FROM events NOT INDEXED GROUP BY account_id")) {
            while (rs.next()) {
                events += rs.getLong(2);
            }
        }
        return events;
    }

    /** Watches heap use while work runs: sampled maximum, and the heap pools' own peak counters. */
    private static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread sampler;

        private HeapWatch() {
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "quarry-bench-heap-sampler");
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.sampler.start();
            return watch;
        }

        void stop() {
            running = false;
            sampler.interrupt();
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peakSampled() {
            return peak.get();
        }

        long poolPeaks() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

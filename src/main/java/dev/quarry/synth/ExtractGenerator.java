package dev.quarry.synth;

import dev.quarry.model.AccountField;
import dev.quarry.model.ProgressListener;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a synthetic extract: events (time-ordered), accounts and the ground truth. Files an earlier
 * run left in the directory under the generator's own file names are replaced.
 *
 * <p>Memory stays bounded by one day of traffic: for each day every account decides how many
 * requests it makes and when, each request is planned as a single {@code long} (time of day,
 * account, number within the day), the day's plans are sorted, and each request is then rendered
 * from its own random stream and written straight to disk. Nothing of an earlier day is kept except
 * a per-account request counter.
 */
public final class ExtractGenerator {

    public static final String ACCOUNTS_FILE = "accounts.csv";
    public static final String TRUTH_FILE = "truth.csv";
    /** A request plan keeps 15 bits for the request's number within its account's day. */
    static final int MAX_REQUESTS_PER_ACCOUNT_DAY = (1 << 15) - 1;

    private static final long COUNT_STREAM = 0x434f554e54L;
    private static final long RENDER_STREAM = 0x52454e44L;

    private ExtractGenerator() {
    }

    public static GeneratedExtract generate(Path outDir, GeneratorOptions options, ProgressListener progress)
            throws IOException {
        Files.createDirectories(outDir);
        // an earlier run in another format must not leave a second events file for an importer to pick up
        for (OutputFormat f : OutputFormat.values()) {
            Files.deleteIfExists(outDir.resolve(f.fileName(false)));
            Files.deleteIfExists(outDir.resolve(f.fileName(true)));
        }
        Files.deleteIfExists(outDir.resolve(ACCOUNTS_FILE));
        World world = new World(options);
        Population population = Population.build(world);
        List<Persona> accounts = population.accounts;

        double natural = 0;
        for (Persona p : accounts) {
            for (int d = Math.max(0, p.firstDay); d < Math.min(world.days, p.lastDay); d++) {
                natural += p.expectedEvents(d);
            }
        }
        double scale = options.eventsTarget() > 0 && natural > 0 ? options.eventsTarget() / natural : 1;
        long expectedTotal = Math.round(natural * scale);

        Path events = outDir.resolve(options.format().fileName(options.gzip()));
        Path accountsFile = options.format() == OutputFormat.BEDROCK ? null : outDir.resolve(ACCOUNTS_FILE);
        Path truth = outDir.resolve(TRUTH_FILE);
        long written = 0;
        int peak = 0;
        try {
            try (EventSink sink = EventSink.open(events, options.format(), options.gzip())) {
                int[] requestsSoFar = new int[accounts.size()];
                long[] plan = new long[1 << 16];
                int[] msOfDay = new int[1024];
                EventDraft draft = new EventDraft();
                for (int day = 0; day < world.days; day++) {
                    progress.checkCancelled();
                    progress.progress(written, expectedTotal, "generating day " + (day + 1) + " of " + world.days, ProgressListener.EVENTS);
                    int planned = 0;
                    for (Persona p : accounts) {
                        if (day < p.firstDay || day >= p.lastDay) {
                            continue;
                        }
                        SplittableRandom r = Draws.stream(world.seed, p.index, day, COUNT_STREAM);
                        int count = Math.min(MAX_REQUESTS_PER_ACCOUNT_DAY, p.eventCount(day, r, scale));
                        if (count == 0) {
                            continue;
                        }
                        if (msOfDay.length < count) {
                            msOfDay = new int[Math.max(count, msOfDay.length * 2)];
                        }
                        p.timestamps(day, count, r, msOfDay);
                        if (plan.length < planned + count) {
                            plan = Arrays.copyOf(plan, Math.max(planned + count, plan.length * 2));
                        }
                        for (int k = 0; k < count; k++) {
                            plan[planned++] = ((long) msOfDay[k] << 36) | ((long) p.index << 15) | k;
                        }
                    }
                    Arrays.sort(plan, 0, planned);
                    peak = Math.max(peak, planned);
                    long dayStart = world.dayStart(day);
                    for (int i = 0; i < planned; i++) {
                        long entry = plan[i];
                        int index = (int) ((entry >>> 15) & GeneratorOptions.MAX_ACCOUNTS);
                        int k = (int) (entry & MAX_REQUESTS_PER_ACCOUNT_DAY);
                        Persona p = accounts.get(index);
                        long ts = dayStart + (entry >>> 36);
                        draft.ordinal = written;
                        draft.ts = ts;
                        draft.account = p;
                        p.render(draft, Draws.stream(world.seed, index, day, k, RENDER_STREAM), day, ts,
                                requestsSoFar[index]++);
                        sink.write(draft);
                        written++;
                        if ((written & 0xffff) == 0) {
                            progress.checkCancelled();
                            progress.progress(written, expectedTotal, "generating day " + (day + 1) + " of " + world.days, ProgressListener.EVENTS);
                        }
                    }
                }
            }
            if (accountsFile != null) {
                writeAccounts(accountsFile, accounts);
            }
            writeTruth(truth, accounts, options.format() == OutputFormat.BEDROCK);
        } catch (IOException | RuntimeException e) {
            // a half-written extract must not be mistaken for a complete one
            Files.deleteIfExists(events);
            if (accountsFile != null) {
                Files.deleteIfExists(accountsFile);
            }
            Files.deleteIfExists(truth);
            if (e instanceof IOException) {
                throw new IOException("could not write the extract in " + outDir + ": " + e.getMessage()
                        + "; the partial files were removed", e);
            }
            throw e;
        }
        progress.progress(written, written, "generated " + written + " events", ProgressListener.EVENTS);

        Map<String, Integer> byLabel = new TreeMap<>();
        for (Persona p : accounts) {
            byLabel.merge(p.label, 1, Integer::sum);
        }
        return new GeneratedExtract(events, accountsFile, truth, written, accounts.size(), byLabel,
                population.campaigns.size(), world.releaseMs, peak);
    }

    private static void writeAccounts(Path file, List<Persona> accounts) throws IOException {
        List<Persona> byCreation = new ArrayList<>(accounts);
        byCreation.sort(Comparator.comparingLong((Persona p) -> p.createdAt).thenComparing(p -> p.accountId));
        try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(EventSink.open(file, false), StandardCharsets.UTF_8),
                EventSink.CSV)) {
            for (AccountField f : AccountField.values()) {
                out.print(f.column());
            }
            out.println();
            IsoTime time = new IsoTime();
            for (Persona p : byCreation) {
                out.printRecord(p.accountId, time.format(p.createdAt), p.email, p.paymentFingerprint, p.cardBin,
                        p.billingCountry, p.signupIp, p.plan);
            }
        }
    }

    private static void writeTruth(Path file, List<Persona> accounts, boolean bedrock) throws IOException {
        List<Persona> byId = new ArrayList<>(accounts);
        byId.sort(Comparator.comparing(p -> bedrock ? p.arn : p.accountId));
        try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(EventSink.open(file, false), StandardCharsets.UTF_8),
                EventSink.CSV)) {
            out.printRecord("account_id", "label", "campaign_id", "hard_negative");
            for (Persona p : byId) {
                out.printRecord(bedrock ? p.arn : p.accountId, p.label, p.campaignId == null ? "" : p.campaignId,
                        p.hardNegative);
            }
        }
    }
}

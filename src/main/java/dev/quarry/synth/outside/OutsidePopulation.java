package dev.quarry.synth.outside;

import dev.quarry.model.AccountField;
import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a synthetic extract of AI-API traffic with ground truth: {@code events.*}, {@code accounts.csv}
 * (not for Bedrock) and {@code truth.csv}. Accounts are drawn first; events are then planned one UTC
 * day at a time (eight bytes per event), sorted by time and rendered straight to the file, so memory
 * stays bounded by the busiest day whatever the window.
 */
public final class OutsidePopulation {

    static final String[] ACCOUNT_HEADER = Arrays.stream(AccountField.values()).map(AccountField::column).toArray(String[]::new);
    static final String[] RENAMED_ACCOUNT_HEADER = {"user_id", "signup_time", "email", "card_fingerprint", "bin",
            "country", "signup_ip", "tier"};
    static final String[] TRUTH_HEADER = {"account_id", "label", "campaign_id", "hard_negative"};

    private OutsidePopulation() {
    }

    public static OutsideExtract write(Path outDir, OutsideOptions options) throws IOException {
        return write(outDir, options, ProgressListener.NONE);
    }

    /**
     * @throws CancelledException when {@code progress} asks to stop; the partly written files are deleted
     */
    public static OutsideExtract write(Path outDir, OutsideOptions options, ProgressListener progress) throws IOException {
        Files.createDirectories(outDir);
        OutsideFormat format = options.format();
        Path events = outDir.resolve(format.eventsFileName(options.gzip()));
        Path accounts = outDir.resolve(options.gzip() ? "accounts.csv.gz" : "accounts.csv");
        Path truth = outDir.resolve("truth.csv");
        List<Path> written = new ArrayList<>();
        try {
            progress.progress(0, options.days(), "drawing " + options.accounts() + " accounts", ProgressListener.STAGES);
            Population population = Population.build(options);
            uniqueIdentities(population.accounts);
            Account[] byCreation = population.accounts.clone();
            Arrays.sort(byCreation, Comparator.comparingLong((Account a) -> a.createdAt).thenComparing(a -> a.id));
            if (format.hasAccountsFile()) {
                written.add(accounts);
                writeAccounts(accounts, options, byCreation);
            }
            written.add(truth);
            writeTruth(truth, format, byCreation);
            written.add(events);
            boolean[] active = new boolean[population.accounts.length];
            long count = writeEvents(events, options, population, active, progress);
            int withEvents = 0;
            for (boolean b : active) {
                withEvents += b ? 1 : 0;
            }
            int positives = 0;
            for (Account a : population.accounts) {
                positives += a.kind.campaign() ? 1 : 0;
            }
            int campaigns = (int) population.groups.stream().filter(g -> g.kind.campaign()).count();
            return new OutsideExtract(events, format.hasAccountsFile() ? Optional.of(accounts) : Optional.empty(), truth,
                    format, count, population.accounts.length, withEvents, campaigns, positives);
        } catch (IOException | RuntimeException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
    }

    /**
     * How many events {@code options} would write, found by planning every day without rendering any
     * (a few seconds at 24,000 accounts), so an extract can be sized before it is written.
     */
    public static long plannedEvents(OutsideOptions options) {
        ActivityPlanner planner = new ActivityPlanner(Population.build(options));
        DayPlan plan = new DayPlan(options.maxEventsPerDay());
        long count = 0;
        for (int day = 0; day < options.days(); day++) {
            planner.planDay(day, plan);
            count += plan.size();
        }
        return count;
    }

    /**
     * {@code options} over as many days (at most its own, at least {@code minDays}) as come closest to
     * {@code events} events: the window shrinks in proportion to the planned volume, which is nearly
     * linear in the number of days.
     */
    public static OutsideOptions sizedForEvents(OutsideOptions options, long events, int minDays) {
        if (events < 1 || minDays < 1 || minDays > options.days()) {
            throw new IllegalArgumentException("events must be positive and minDays within 1.." + options.days()
                    + ", were " + events + " and " + minDays);
        }
        long planned = plannedEvents(options);
        int days = planned == 0 ? options.days()
                : (int) Math.max(minDays, Math.min(options.days(), Math.round(options.days() * (double) events / planned)));
        return days == options.days() ? options : options.withDays(days);
    }

    /** Two people can draw the same handle at one company; a real provider would not let them share it. */
    private static void uniqueIdentities(Account[] accounts) {
        Set<String> emails = new HashSet<>();
        Set<String> arns = new HashSet<>();
        for (Account a : accounts) {
            String email = a.email;
            for (int n = 2; !emails.add(email); n++) {
                int at = a.email.indexOf('@');
                email = a.email.substring(0, at) + n + a.email.substring(at);
            }
            a.email = email;
            String arn = a.arn;
            for (int n = 2; !arns.add(arn); n++) {
                arn = a.arn + n;
            }
            a.arn = arn;
        }
    }

    private static OutputStream open(Path path, boolean gzip) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        return gzip ? new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    private static void writeAccounts(Path path, OutsideOptions options, Account[] accounts) throws IOException {
        boolean renamed = options.format() == OutsideFormat.RENAMED_CSV;
        IsoClock clock = new IsoClock();
        try (Writer w = new OutputStreamWriter(open(path, options.gzip()), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, EventSink.csvFormat(renamed, renamed ? RENAMED_ACCOUNT_HEADER : ACCOUNT_HEADER))) {
            for (Account a : accounts) {
                p.printRecord(a.id, renamed ? Long.toString(a.createdAt) : clock.format(a.createdAt, false), a.email,
                        a.card, a.bin, a.billingCountry, a.signupIp, a.plan);
            }
        }
    }

    private static void writeTruth(Path path, OutsideFormat format, Account[] accounts) throws IOException {
        try (Writer w = new OutputStreamWriter(open(path, false), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, EventSink.csvFormat(false, TRUTH_HEADER))) {
            for (Account a : accounts) {
                String campaign = a.kind.campaign() ? a.group.campaignId : "";
                p.printRecord(a.key(format), a.kind.label(), campaign, Boolean.toString(!a.kind.campaign() && a.hardNegative));
            }
        }
    }

    private static long writeEvents(Path path, OutsideOptions options, Population population, boolean[] active,
                                    ProgressListener progress) throws IOException {
        ActivityPlanner planner = new ActivityPlanner(population);
        EventRenderer renderer = new EventRenderer(population);
        DayPlan plan = new DayPlan(options.maxEventsPerDay());
        RenderedEvent event = new RenderedEvent();
        long count = 0;
        try (EventSink sink = EventSink.open(options.format(), open(path, options.gzip()))) {
            for (int day = 0; day < options.days(); day++) {
                progress.checkCancelled();
                planner.planDay(day, plan);
                for (int i = 0; i < plan.size(); i++) {
                    long key = plan.key(i);
                    renderer.render(day, key, event);
                    active[DayPlan.account(key)] = true;
                    sink.write(event);
                    if ((i & 0xFFFF) == 0xFFFF) {
                        progress.checkCancelled();
                    }
                }
                count += plan.size();
                progress.progress(day + 1, options.days(), "day " + (day + 1) + " of " + options.days() + ": "
                        + count + " events", ProgressListener.STAGES);
            }
        }
        return count;
    }
}

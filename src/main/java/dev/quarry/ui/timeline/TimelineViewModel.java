package dev.quarry.ui.timeline;

import dev.quarry.analysis.ShiftHeatmap;
import dev.quarry.analysis.TrafficTimeline;
import dev.quarry.analysis.ViewStore;
import dev.quarry.store.CaseFile;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import dev.quarry.ui.session.TimeRange;
import dev.quarry.ui.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The timeline screen's state: the traffic of the visible range (whole case, the selected campaign
 * or the selected accounts; campaigns stacked or compared), zoom and pan down to seconds, the brushed
 * range (which is the case session's time range, so the other screens follow it), the events of the
 * brushed range a page at a time, and the hour-of-day × day heatmap in UTC or local time.
 * <p>
 * Reads run off the FX thread on one connection of the screen's own, one at a time; while one runs,
 * only the latest request of each kind waits (a burst of zooms reads only the last range).
 */
public final class TimelineViewModel {

    /** What the timeline counts. */
    public enum Scope {
        CASE("Whole case"), CAMPAIGN("Selected campaign"), SELECTION("Selected accounts");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The narrowest range the timeline zooms to: ten one-second buckets and a margin. */
    public static final long MIN_SPAN_MS = 20_000L;
    public static final int PAGE_SIZE = 100;

    private final CaseSession session;
    private final TaskExecutor executor;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.CASE);
    private final BooleanProperty stacked = new SimpleBooleanProperty(true);
    private final BooleanProperty localTime = new SimpleBooleanProperty(false);
    private final ObjectProperty<long[]> extent = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> visible = new SimpleObjectProperty<>();
    private final ObjectProperty<TrafficTimeline.Series> series = new SimpleObjectProperty<>();
    private final ObjectProperty<ShiftHeatmap.Grid> heatmap = new SimpleObjectProperty<>();
    private final ObservableList<TrafficTimeline.EventRow> events = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final BooleanProperty morePages = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty eventsStatus = new SimpleStringProperty("");
    private final StringProperty heatmapStatus = new SimpleStringProperty("");

    /** Keys (ts, event id) after which each page shown so far starts; the first page starts after null. */
    private final Deque<long[]> pageStarts = new ArrayDeque<>();
    private long[] nextPageAfter;

    private final Map<String, Read<?>> pending = new LinkedHashMap<>();
    private boolean reading;
    private Source source;

    public TimelineViewModel(CaseSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
        session.stateProperty().addListener((observable, old, state) -> caseChanged(old, state));
        scope.addListener((observable, old, value) -> scopeChanged());
        session.selectedCampaignProperty().addListener((observable, old, value) -> {
            if (scope.get() == Scope.CAMPAIGN) {
                scopeChanged();
            }
        });
        session.selectedAccountsProperty().addListener((observable, old, value) -> {
            if (scope.get() == Scope.SELECTION) {
                scopeChanged();
            }
        });
        stacked.addListener((observable, old, value) -> readVisible());
        localTime.addListener((observable, old, value) -> readHeatmap());
        session.selectedTimeRangeProperty().addListener((observable, old, range) -> firstPage());
        caseChanged(null, session.state());
    }

    private void caseChanged(CaseState old, CaseState state) {
        boolean sameRun = old != null && state != null && old.path().equals(state.path())
                && old.run().map(r -> r.runId()).equals(state.run().map(r -> r.runId()));
        if (sameRun) {
            return; // a reload after a verdict or tag: the traffic is the same
        }
        series.set(null);
        heatmap.set(null);
        events.clear();
        extent.set(null);
        visible.set(null);
        if (state == null || state.run().isEmpty()) {
            status.set(state == null ? "" : "no analysis run: analyse the case to see its traffic");
            submit("open", s -> null, nothing -> { });
            return;
        }
        status.set("reading the traffic of run " + state.run().get().runId() + "…");
        submit("extent", TimelineViewModel::readExtent, range -> {
            extent.set(range);
            if (range == null) {
                status.set("the run stored no traffic counts: analyse the case again with this version");
                return;
            }
            visible.set(new TimeRange(range[0], range[1]));
            readVisible();
            readHeatmap();
            firstPage();
        });
    }

    private static long[] readExtent(Source source) throws Exception {
        return source == null ? null : source.timeline.extent();
    }

    private void scopeChanged() {
        readVisible();
        readHeatmap();
        firstPage();
    }

    /** The selection the scope reads: null for the whole case or a campaign, the accounts for a selection. */
    private Set<String> selectionOfScope() {
        return scope.get() == Scope.SELECTION ? session.selectedAccountsProperty().get() : null;
    }

    /** The accounts whose events and local time the scope covers: null for the whole case. */
    private Set<String> accountsOfScope() {
        if (scope.get() == Scope.SELECTION) {
            return session.selectedAccountsProperty().get();
        }
        Integer campaign = campaignOfScope();
        CaseState state = session.state();
        if (campaign == null || state == null) {
            return null;
        }
        return state.accounts().stream().filter(a -> campaign.equals(a.campaignId())).map(a -> a.accountId())
                .collect(Collectors.toUnmodifiableSet());
    }

    private Integer campaignOfScope() {
        return scope.get() == Scope.CAMPAIGN ? session.selectedCampaignProperty().get() : null;
    }

    /** Whether the scope has something to count (a campaign or accounts selected when it asks for one). */
    private String scopeProblem() {
        if (scope.get() == Scope.CAMPAIGN && session.selectedCampaignProperty().get() == null) {
            return "no campaign selected: pick one on the Campaign screen";
        }
        if (scope.get() == Scope.SELECTION && session.selectedAccountsProperty().get().isEmpty()) {
            return "no accounts selected: select some in the accounts table, the graph or the map";
        }
        return null;
    }

    // --- zoom and pan ---

    /** Shows [fromMs, toMs), kept within the extract and no narrower than {@link #MIN_SPAN_MS}. */
    public void showRange(long fromMs, long toMs) {
        long[] whole = extent.get();
        if (whole == null) {
            return;
        }
        long span = Math.max(MIN_SPAN_MS, Math.min(toMs - fromMs, whole[1] - whole[0]));
        long from = Math.max(whole[0], Math.min(fromMs, whole[1] - span));
        visible.set(new TimeRange(from, from + span));
        readVisible();
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code aroundMs} where it is on the screen. */
    public void zoom(double factor, long aroundMs) {
        TimeRange shown = visible.get();
        if (shown == null) {
            return;
        }
        double left = aroundMs - shown.fromMillis();
        double right = shown.toMillis() - aroundMs;
        showRange(Math.round(aroundMs - left * factor), Math.round(aroundMs + right * factor));
    }

    /** Moves the visible range by {@code deltaMs} (positive: later). */
    public void pan(long deltaMs) {
        TimeRange shown = visible.get();
        if (shown != null) {
            showRange(shown.fromMillis() + deltaMs, shown.toMillis() + deltaMs);
        }
    }

    public void wholeExtract() {
        long[] whole = extent.get();
        if (whole != null) {
            showRange(whole[0], whole[1]);
        }
    }

    public void zoomToBrush() {
        TimeRange brushed = session.selectedTimeRangeProperty().get();
        if (brushed != null) {
            showRange(brushed.fromMillis(), brushed.toMillis());
        }
    }

    // --- brushing ---

    /** Sets the case session's time range: every screen that follows it narrows to the accounts active then. */
    public void brush(long fromMs, long toMs) {
        long from = Math.min(fromMs, toMs);
        long to = Math.max(fromMs, toMs);
        if (to - from < 1_000) {
            return; // a click, not a brush
        }
        session.selectedTimeRangeProperty().set(new TimeRange(from, to));
    }

    public void clearBrush() {
        session.selectedTimeRangeProperty().set(null);
    }

    // --- the events of the brushed range, in pages ---

    private void firstPage() {
        pageStarts.clear();
        page.set(0);
        readPage(null);
    }

    public void nextPage() {
        if (morePages.get() && nextPageAfter != null) {
            pageStarts.push(nextPageAfter);
            page.set(page.get() + 1);
            readPage(nextPageAfter);
        }
    }

    public void previousPage() {
        if (pageStarts.isEmpty()) {
            return;
        }
        pageStarts.pop();
        page.set(page.get() - 1);
        readPage(pageStarts.peek());
    }

    private void readPage(long[] after) {
        TimeRange brushed = session.selectedTimeRangeProperty().get();
        String problem = scopeProblem();
        if (brushed == null || problem != null || extent.get() == null) {
            events.clear();
            morePages.set(false);
            eventsStatus.set(problem != null ? problem : "drag across the chart to choose a time range and list its events");
            return;
        }
        Set<String> accounts = accountsOfScope();
        eventsStatus.set("reading events…");
        submit("events", s -> s.timeline.eventPage(brushed.fromMillis(), brushed.toMillis(), accounts, after, PAGE_SIZE + 1), rows -> {
            boolean more = rows.size() > PAGE_SIZE;
            List<TrafficTimeline.EventRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
            events.setAll(shown);
            morePages.set(more);
            TrafficTimeline.EventRow last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
            nextPageAfter = last == null ? null : new long[] {last.ts(), last.eventId()};
            eventsStatus.set(shown.isEmpty() ? "no events in the range" : String.format(Locale.ROOT,
                    "page %d · events %,d–%,d of the range", page.get() + 1, page.get() * PAGE_SIZE + 1,
                    page.get() * PAGE_SIZE + shown.size()));
        });
    }

    // --- reads ---

    private void readVisible() {
        TimeRange shown = visible.get();
        String problem = scopeProblem();
        if (shown == null) {
            return;
        }
        if (problem != null) {
            series.set(null);
            status.set(problem);
            return;
        }
        Set<String> selection = selectionOfScope();
        Integer campaign = campaignOfScope();
        submit("series", s -> s.timeline.read(shown.fromMillis(), shown.toMillis(), campaign, selection), read -> {
            series.set(read);
            status.set(String.format(Locale.ROOT, "%,d requests · %s buckets from %s", read.total(),
                    TimelineAxis.duration(read.bucketMs()), read.source()));
        });
    }

    private void readHeatmap() {
        String problem = scopeProblem();
        if (extent.get() == null || problem != null) {
            heatmap.set(null);
            heatmapStatus.set(problem == null ? "" : problem);
            return;
        }
        Set<String> selection = selectionOfScope();
        Integer campaign = campaignOfScope();
        Set<String> accounts = accountsOfScope();
        boolean local = localTime.get();
        heatmapStatus.set("computing the heatmap…");
        submit("heatmap", s -> local ? (accounts == null ? ShiftHeatmap.fromHours(s.store.allAccountHours(s.runId), true)
                        : ShiftHeatmap.fromAccounts(s.store.accountHours(s.runId, accounts), true))
                : ShiftHeatmap.utc(s.store, s.runId, campaign, selection), grid -> {
            heatmap.set(grid);
            heatmapStatus.set(grid.localTime()
                    ? String.format(Locale.ROOT, "local time: %,d accounts shifted from UTC by their quiet night; the others stay in UTC", grid.accountsShifted())
                    : "UTC");
        });
    }

    @FunctionalInterface
    interface SourceRead<T> {
        T run(Source source) throws Exception;
    }

    private record Read<T>(SourceRead<T> work, Consumer<T> onResult) {
    }

    /** Queues a read of a kind, replacing the waiting one of that kind; runs it now when nothing is reading. */
    private <T> void submit(String kind, SourceRead<T> work, Consumer<T> onResult) {
        pending.remove(kind);
        pending.put(kind, new Read<>(work, onResult));
        if (!reading) {
            runNext();
        }
    }

    private void runNext() {
        if (pending.isEmpty()) {
            return;
        }
        String kind = pending.keySet().iterator().next();
        Read<?> next = pending.remove(kind);
        reading = true;
        start(next, session.state());
    }

    private <T> void start(Read<T> read, CaseState state) {
        Path path = state == null ? null : state.path();
        Long runId = state == null ? null : state.run().map(r -> r.runId()).orElse(null);
        executor.execute("Timeline", progress -> {
            source = Source.reopen(source, path, runId);
            return read.work().run(source);
        }, result -> {
            reading = false;
            read.onResult().accept(result);
            runNext();
        }, failure -> {
            reading = false;
            status.set("cannot read the traffic: " + failure.getMessage());
            runNext();
        });
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public BooleanProperty stackedProperty() {
        return stacked;
    }

    public BooleanProperty localTimeProperty() {
        return localTime;
    }

    /** The first and last request time of the run, [from, to) in epoch ms, or null. */
    public ObjectProperty<long[]> extentProperty() {
        return extent;
    }

    public ObjectProperty<TimeRange> visibleProperty() {
        return visible;
    }

    public ObjectProperty<TrafficTimeline.Series> seriesProperty() {
        return series;
    }

    public ObjectProperty<ShiftHeatmap.Grid> heatmapProperty() {
        return heatmap;
    }

    public ObjectProperty<TimeRange> brushProperty() {
        return session.selectedTimeRangeProperty();
    }

    public ObservableList<TrafficTimeline.EventRow> events() {
        return events;
    }

    public BooleanProperty morePagesProperty() {
        return morePages;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty eventsStatusProperty() {
        return eventsStatus;
    }

    public StringProperty heatmapStatusProperty() {
        return heatmapStatus;
    }

    /** Whether a read is running or waiting; the benchmark and tests wait for it. */
    public boolean busy() {
        return reading || !pending.isEmpty();
    }

    /** What the series' groups are called on the legend. */
    public static String groupName(int group) {
        return group == TrafficTimeline.SELECTION ? "selected accounts" : group < 0 ? "no campaign" : "campaign " + group;
    }

    /**
     * The screen's own connection to the case, kept while the case and run stay the same so a zoom
     * costs one indexed query; reopened (the old one closed) when they change.
     */
    static final class Source implements AutoCloseable {
        final Path path;
        final long runId;
        final CaseFile caseFile;
        final TrafficTimeline timeline;
        final ViewStore store;

        private Source(Path path, long runId) throws Exception {
            this.path = path;
            this.runId = runId;
            this.caseFile = CaseFile.openExisting(path);
            this.timeline = new TrafficTimeline(caseFile, runId);
            this.store = new ViewStore(caseFile);
        }

        static Source reopen(Source current, Path path, Long runId) throws Exception {
            if (current != null && path != null && runId != null && current.path.equals(path) && current.runId == runId) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            return path == null || runId == null ? null : new Source(path, runId);
        }

        @Override
        public void close() {
            try {
                caseFile.close();
            } catch (dev.quarry.store.StoreException ignored) {
                // this connection only read: a failed close loses nothing
            }
        }
    }
}

package dev.quarry.analysis.scan;

import dev.quarry.analysis.primitives.BottomSketch;
import dev.quarry.analysis.primitives.FrameCounter;
import dev.quarry.analysis.primitives.IntCounter;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the event pass keeps about one account: its request times (with the model of each
 * request), tallies of the attributes it used, token, status and prompt statistics. Built one event
 * at a time, in whatever order the events table yields them; the pass reads the table in parts, each
 * part folding into its own activity, and the parts are merged before {@link #seal}.
 */
public final class AccountActivity {
    /** Request time in seconds since the scan's time origin, shifted left, with the model id in the low bits. */
    static final int MODEL_BITS = 16;
    /** Item hashes kept per account: enough to tell items shared with others from items of its own. */
    public static final int ITEM_SKETCH = 32;
    static final long NO_MODEL = (1 << MODEL_BITS) - 1;
    private static final long[] NO_REQUESTS = new long[0];

    private long[] requests = NO_REQUESTS;
    int events;
    /** Exact first and last request times in epoch milliseconds (the request list keeps whole seconds). */
    long firstMs = Long.MAX_VALUE;
    long lastMs = Long.MIN_VALUE;
    final Map<AttributeKind, IntCounter> attributes = new EnumMap<>(AttributeKind.class);
    /** Frames of the prompts' openings and of their closings (see {@link PromptShape}). */
    final FrameCounter frames = new FrameCounter();
    final FrameCounter closings = new FrameCounter();
    /** The smallest hashes of the items it asked (see {@link PromptShape.Reading#item()}). */
    final BottomSketch items = new BottomSketch(ITEM_SKETCH);
    /** Prompts per task category of the taxonomy; null until the first categorised prompt. */
    int[] tasks;
    int prompts;
    /** Prompts read in full (frames, reasoning, task); the others only counted, see {@link EventScan}. */
    int analyzed;
    double promptCharsSum;
    double promptCharsSquares;
    int reasoningRequests;
    int promptTokensCount;
    double promptTokensSum;
    int completionTokensCount;
    double completionTokensSum;
    int statusKnown;
    int refused;
    int rateLimited;
    int errors;
    int temperatureCount;
    double temperatureSum;
    IntCounter orgs;

    /** Tally of the request contexts (network, user agent, organisation, call settings) seen in one part, by {@link #contextKey}. */
    private IntCounter contexts = new IntCounter();

    /** One request; the context keys ({@link #contextKey}) say where it came from and how it was made, -1 where unknown. */
    void addRequest(long epochMs, long secondsSinceOrigin, int model, int network, int client, int call) {
        firstMs = Math.min(firstMs, epochMs);
        lastMs = Math.max(lastMs, epochMs);
        if (events == requests.length) {
            requests = Arrays.copyOf(requests, Math.max(8, requests.length + (requests.length >> 1)));
        }
        requests[events++] = secondsSinceOrigin << MODEL_BITS | (model < 0 ? NO_MODEL : model);
        if (network >= 0) {
            contexts.add(network);
        }
        if (client >= 0) {
            contexts.add(client);
        }
        if (call >= 0) {
            contexts.add(call);
        }
    }

    /** A prompt only counted, not read in full. */
    void addPromptLength(int chars) {
        prompts++;
        promptCharsSum += chars;
        promptCharsSquares += (double) chars * chars;
    }

    void addPrompt(PromptShape.Reading prompt, int taskCategories) {
        addPromptLength(prompt.chars());
        analyzed++;
        frames.add(prompt.opening());
        items.add(prompt.item());
        if (prompt.closing() != 0) {
            closings.add(prompt.closing());
        }
        if (prompt.reasoning()) {
            reasoningRequests++;
        }
        if (prompt.task() >= 0) {
            if (tasks == null) {
                tasks = new int[taskCategories];
            }
            tasks[prompt.task()]++;
        }
    }

    /** Which part of a request's context a tallied key numbers (see {@link #addRequest}). */
    static final int NETWORK = 0;
    static final int CLIENT = 1;
    static final int CALL = 2;
    private static final int COMPONENT_SHIFT = 28;
    private static final int ID_MASK = (1 << COMPONENT_SHIFT) - 1;

    /**
     * What one part's context numbers stand for, in case-wide ids: per network id its IP, prefix,
     * ASN and country (4 ints); per client id its organisation and user agent (2 ints); per call id
     * its model, parameter combination and status ordinal (3 ints) and temperature (NaN when none).
     * -1 where the event had no value.
     */
    record ContextTables(int[] network, int[] clients, int[] calls, double[] temperatures) {
    }

    static int contextKey(int component, int id) {
        return component << COMPONENT_SHIFT | id;
    }

    /** Spreads one part's context tally into the attribute tallies; call once per part, after its events are read. */
    void spreadContexts(ContextTables tables) {
        AttributeKind[] networkKinds = {AttributeKind.IP, AttributeKind.NETWORK_PREFIX, AttributeKind.ASN, AttributeKind.COUNTRY};
        for (int key : contexts.keys()) {
            int count = contexts.count(key);
            int id = key & ID_MASK;
            switch (key >>> COMPONENT_SHIFT) {
                case NETWORK -> {
                    for (int k = 0; k < networkKinds.length; k++) {
                        tally(networkKinds[k], tables.network()[4 * id + k], count);
                    }
                }
                case CLIENT -> {
                    int org = tables.clients()[2 * id];
                    if (org >= 0) {
                        if (orgs == null) {
                            orgs = new IntCounter();
                        }
                        orgs.add(org, count);
                    }
                    tally(AttributeKind.USER_AGENT, tables.clients()[2 * id + 1], count);
                }
                default -> {
                    tally(AttributeKind.MODEL, tables.calls()[3 * id], count);
                    tally(AttributeKind.PARAMETERS, tables.calls()[3 * id + 1], count);
                    int statusOrdinal = tables.calls()[3 * id + 2];
                    if (statusOrdinal >= 0) {
                        RequestStatus status = RequestStatus.values()[statusOrdinal];
                        if (status != RequestStatus.UNKNOWN) {
                            statusKnown += count;
                        }
                        switch (status) {
                            case REFUSED -> refused += count;
                            case RATE_LIMITED -> rateLimited += count;
                            case ERROR -> errors += count;
                            default -> { }
                        }
                    }
                    double temperature = tables.temperatures()[id];
                    if (!Double.isNaN(temperature)) {
                        temperatureCount += count;
                        temperatureSum += temperature * count;
                    }
                }
            }
        }
        contexts = new IntCounter();
    }

    private void tally(AttributeKind kind, int value, int count) {
        if (value >= 0) {
            attributes.computeIfAbsent(kind, x -> new IntCounter()).add(value, count);
        }
    }

    /** Replaces the model ids in the request list by the case-wide numbering ({@code map[local]}). */
    void renumberModels(int[] map) {
        for (int i = 0; i < events; i++) {
            long model = requests[i] & NO_MODEL;
            if (model != NO_MODEL) {
                int global = map[(int) model];
                requests[i] = requests[i] & ~NO_MODEL | (global >= NO_MODEL ? NO_MODEL : global);
            }
        }
    }

    /** Adds the same account's activity from another part of the events (already spread). */
    void merge(AccountActivity part) {
        firstMs = Math.min(firstMs, part.firstMs);
        lastMs = Math.max(lastMs, part.lastMs);
        if (part.events > 0) {
            requests = Arrays.copyOf(requests, events + part.events);
            System.arraycopy(part.requests, 0, requests, events, part.events);
            events += part.events;
        }
        part.attributes.forEach((kind, counter) -> {
            IntCounter mine = attributes.computeIfAbsent(kind, x -> new IntCounter());
            for (int key : counter.keys()) {
                mine.add(key, counter.count(key));
            }
        });
        if (part.orgs != null) {
            if (orgs == null) {
                orgs = new IntCounter();
            }
            for (int key : part.orgs.keys()) {
                orgs.add(key, part.orgs.count(key));
            }
        }
        frames.merge(part.frames);
        items.merge(part.items);
        closings.merge(part.closings);
        if (part.tasks != null) {
            if (tasks == null) {
                tasks = new int[part.tasks.length];
            }
            for (int t = 0; t < tasks.length; t++) {
                tasks[t] += part.tasks[t];
            }
        }
        prompts += part.prompts;
        analyzed += part.analyzed;
        promptCharsSum += part.promptCharsSum;
        promptCharsSquares += part.promptCharsSquares;
        reasoningRequests += part.reasoningRequests;
        promptTokensCount += part.promptTokensCount;
        promptTokensSum += part.promptTokensSum;
        completionTokensCount += part.completionTokensCount;
        completionTokensSum += part.completionTokensSum;
        statusKnown += part.statusKnown;
        refused += part.refused;
        rateLimited += part.rateLimited;
        errors += part.errors;
        temperatureCount += part.temperatureCount;
        temperatureSum += part.temperatureSum;
    }

    /** Sorts the requests by time and trims their array; call once, after every part is merged. */
    void seal() {
        if (requests.length != events) {
            requests = Arrays.copyOf(requests, events);
        }
        Arrays.sort(requests);
        contexts = null;
    }

    public int events() {
        return events;
    }

    /** Epoch milliseconds of the account's first request; only meaningful when it made any. */
    public long firstTimestampMs() {
        return firstMs;
    }

    /** Epoch milliseconds of the account's last request; only meaningful when it made any. */
    public long lastTimestampMs() {
        return lastMs;
    }

    /** Request time (seconds since the scan origin) of the i-th request in time order. */
    public long time(int i) {
        return requests[i] >> MODEL_BITS;
    }

    /** Model id of the i-th request in time order, or -1 when the event named none. */
    public int model(int i) {
        long model = requests[i] & NO_MODEL;
        return model == NO_MODEL ? -1 : (int) model;
    }

    /** Tally of one attribute, empty when the account never had a value for it. */
    public IntCounter attribute(AttributeKind kind) {
        IntCounter counter = attributes.get(kind);
        return counter == null ? EMPTY : counter;
    }

    /** Frames of the prompts' openings. */
    public FrameCounter frames() {
        return frames;
    }

    /** Frames of the prompts' closings (prompts long enough to have one). */
    /** The smallest hashes of the items the account asked among its prompts read in full. */
    public BottomSketch items() {
        return items;
    }

    public FrameCounter closings() {
        return closings;
    }

    /** Prompts in each task category of the taxonomy (all zero when none was recognised). */
    public int tasks(int category) {
        return tasks == null ? 0 : tasks[category];
    }

    public int prompts() {
        return prompts;
    }

    /** Prompts read in full: the denominator of template shares, reasoning and task mixes. */
    public int analyzedPrompts() {
        return analyzed;
    }

    /** The organisation the account mostly acts for, or -1 when the extract names none. */
    public int mainOrg() {
        return orgs == null ? -1 : orgs.mostFrequent();
    }

    private static final IntCounter EMPTY = new IntCounter();

    /** The number of requests with a completion token count. */
    public int completionTokensCount() {
        return completionTokensCount;
    }

    /** The sum of completion tokens over those requests. */
    public double completionTokensSum() {
        return completionTokensSum;
    }

    /** The number of requests that failed (other than refusals and rate limits). */
    public int errors() {
        return errors;
    }

    /** The sum of squared prompt lengths in characters. */
    public double promptCharsSquares() {
        return promptCharsSquares;
    }

    /** The sum of prompt lengths in characters. */
    public double promptCharsSum() {
        return promptCharsSum;
    }

    /** The number of requests with a prompt token count. */
    public int promptTokensCount() {
        return promptTokensCount;
    }

    /** The sum of prompt tokens over those requests. */
    public double promptTokensSum() {
        return promptTokensSum;
    }

    /** The number of requests refused by a rate limit. */
    public int rateLimited() {
        return rateLimited;
    }

    /** The number of prompts read in full that ask for reasoning. */
    public int reasoningRequests() {
        return reasoningRequests;
    }

    /** The number of requests the model refused. */
    public int refused() {
        return refused;
    }

    /** The number of requests with a known status. */
    public int statusKnown() {
        return statusKnown;
    }

    /** The number of requests with a temperature. */
    public int temperatureCount() {
        return temperatureCount;
    }

    /** The sum of temperatures over those requests. */
    public double temperatureSum() {
        return temperatureSum;
    }
}

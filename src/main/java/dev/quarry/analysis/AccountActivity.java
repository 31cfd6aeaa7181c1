package dev.quarry.analysis;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the event pass keeps about one account: its request times (with the model of each
 * request), tallies of the attributes it used, token, status and prompt statistics. Built
 * incrementally, one event at a time, in whatever order the events table yields them.
 */
public final class AccountActivity {
    /** Request time in seconds since the scan's time origin, shifted left, with the model id in the low bits. */
    static final int MODEL_BITS = 16;
    static final long NO_MODEL = (1 << MODEL_BITS) - 1;

    private long[] requests = new long[8];
    int events;
    final Map<AttributeKind, IntCounter> attributes = new EnumMap<>(AttributeKind.class);
    final FrameCounter frames = new FrameCounter();
    int prompts;
    double promptCharsSum;
    double promptCharsSquares;
    int reasoningRequests;
    /** Prompts checked for reasoning requests (a fixed sample of all prompts, see EventScan). */
    int reasoningSampled;
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

    void addRequest(long secondsSinceOrigin, int model) {
        if (events == requests.length) {
            requests = Arrays.copyOf(requests, requests.length * 2);
        }
        requests[events++] = secondsSinceOrigin << MODEL_BITS | (model < 0 ? NO_MODEL : model);
    }

    void add(AttributeKind kind, int valueId) {
        attributes.computeIfAbsent(kind, k -> new IntCounter()).add(valueId);
    }

    /** Sorts requests by time; call once after the scan. Frees the slack of the growable array. */
    void seal() {
        requests = Arrays.copyOf(requests, events);
        Arrays.sort(requests);
    }

    public int events() {
        return events;
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

    public FrameCounter frames() {
        return frames;
    }

    public int prompts() {
        return prompts;
    }

    /** The organisation the account mostly acts for, or -1 when the extract names none. */
    public int mainOrg() {
        return orgs == null ? -1 : orgs.mostFrequent();
    }

    private static final IntCounter EMPTY = new IntCounter();
}

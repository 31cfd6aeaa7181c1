package dev.quarry.analysis;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
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

    /** Tally of the request contexts (organisation, network, client, model, parameters, status) the account used. */
    private final IntCounter contexts = new IntCounter();

    void addRequest(long secondsSinceOrigin, int model, int context) {
        if (events == requests.length) {
            requests = Arrays.copyOf(requests, requests.length * 2);
        }
        requests[events++] = secondsSinceOrigin << MODEL_BITS | (model < 0 ? NO_MODEL : model);
        contexts.add(context);
    }

    /**
     * Sorts requests by time and spreads the context tally into the attribute tallies; call once
     * after the scan.
     *
     * @param contextValues per context id: org, ip, prefix, asn, country, user agent, model,
     *                      parameters, status ordinal (-1 = none)
     */
    void seal(List<int[]> contextValues, List<Double> contextTemperature) {
        requests = Arrays.copyOf(requests, events);
        Arrays.sort(requests);
        AttributeKind[] kinds = {null, AttributeKind.IP, AttributeKind.NETWORK_PREFIX, AttributeKind.ASN,
                AttributeKind.COUNTRY, AttributeKind.USER_AGENT, AttributeKind.MODEL, AttributeKind.PARAMETERS};
        for (int context : contexts.keys()) {
            int count = contexts.count(context);
            int[] values = contextValues.get(context);
            if (values[0] >= 0) {
                if (orgs == null) {
                    orgs = new IntCounter();
                }
                orgs.add(values[0], count);
            }
            for (int k = 1; k < kinds.length; k++) {
                if (values[k] >= 0) {
                    attributes.computeIfAbsent(kinds[k], x -> new IntCounter()).add(values[k], count);
                }
            }
            if (values[8] >= 0) {
                RequestStatus status = RequestStatus.values()[values[8]];
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
            double temperature = contextTemperature.get(context);
            if (!Double.isNaN(temperature)) {
                temperatureCount += count;
                temperatureSum += temperature * count;
            }
        }
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

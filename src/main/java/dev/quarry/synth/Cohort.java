package dev.quarry.synth;

import dev.quarry.synth.Network.Endpoint;

/**
 * What the accounts of one legitimate cohort share: a public artefact and when they use it. The
 * members belong to different organisations; nothing operational ties them (no shared billing,
 * sign-up or infrastructure), except where the artefact is infrastructure itself (an integration
 * partner's egress addresses).
 */
final class Cohort {

    /** How a member's requests of a session day are placed in time. */
    enum Timing {
        /** One run at a steady cadence from the member's own start time (a harness, a red-team pass). */
        RUN_AT_OWN_HOUR,
        /** One run at a steady cadence from a common wall-clock time, a cron job's few seconds late. */
        RUN_AT_COMMON_HOUR,
        /** One burst at minute 0 of each business hour. */
        HOURLY,
        /** Spread over the day by {@link #hours} (people, app users). */
        SPREAD
    }

    final LegitKind kind;
    /** Share of members that use the artefact on each day of the extract. */
    final double[] participation;
    /** Which artefact each day (a class's assignment changes after its deadline). */
    final int[] artefact;
    Timing timing = Timing.SPREAD;
    double[] hours = Persona.LEISURE_HOURS;
    /** For {@link Timing#RUN_AT_COMMON_HOUR}: minute of the day the run starts, in UTC when {@link #utc}, else local. */
    int commonMinute;
    boolean utc;
    /** Mean seconds between requests of a run. */
    double cadenceSeconds = 5;
    /** Requests of a run when every run is the same pass (a benchmark), or 0 for each member's own volume. */
    int passLength;
    /** The artefact's client and parameters, or null / 0 / negative when members keep their own. */
    String agent;
    int maxTokens;
    double temperature = -1;
    Models.Model model;
    /** Egress addresses shared by every member (an integration partner's servers), or empty. */
    Endpoint[] egress = new Endpoint[0];

    Cohort(LegitKind kind, int days) {
        this.kind = kind;
        this.participation = new double[days];
        this.artefact = new int[days];
    }
}

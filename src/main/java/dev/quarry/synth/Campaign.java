package dev.quarry.synth;

import dev.quarry.synth.Network.Endpoint;

/** What the accounts of one planted campaign share: its schedule, infrastructure pools and scaffold. */
final class Campaign {
    final CampaignSpec spec;
    final String id;
    final int firstDay;
    final int lastDay;
    /** Which scaffold family of its kind the campaign uses, so campaigns of one kind differ in text. */
    final int scaffoldFamily;
    /** Shared address pool, empty when every account has its own address. */
    Endpoint[] ipPool = new Endpoint[0];
    String[] agentPool = new String[0];
    /** The task types in the order the campaign sweeps them. */
    int[] taskOrder;
    /** Proxy farm: the days the whole farm works and the UTC minute each shift starts. */
    boolean[] workDays;
    int[] shiftStartMinutes;
    int shiftMinutes;
    /** Model pivot: when the accounts switch to the new model. */
    long pivotMs;

    Campaign(CampaignSpec spec, String id, int firstDay, int lastDay, int scaffoldFamily) {
        this.spec = spec;
        this.id = id;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.scaffoldFamily = scaffoldFamily;
    }

    int span() {
        return Math.max(1, lastDay - firstDay);
    }
}

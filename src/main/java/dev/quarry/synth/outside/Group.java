package dev.quarry.synth.outside;

import java.util.List;

/**
 * What several accounts share: a company, enterprise, lab, class, viral prompt, partner, NAT pool or
 * farm. Fields a kind does not use stay at their defaults. Built once per run; immutable afterwards.
 */
final class Group {
    final int index;
    final OutsideKind kind;
    /** Blank for legitimate groups. */
    String campaignId = "";
    /** Short operator tag that farm scaffolds number their tasks with. */
    String tag = "";
    int firstAccount;
    int size;

    String orgId = "";
    String sharedCard = "";
    List<String> bins = List.of();
    String mailDomain = "";
    Geography.Country country;
    int offsetMinutes;
    Geography.Campus campus;
    /** Shared egress: company range, enterprise NAT, campus NAT, NAT pool, farm datacenter range. */
    Geography.Network egress;
    long egressKey;
    int egressHosts = 1;
    String awsAccount = "";

    PromptBook.AppTemplate template;
    PromptBook.Partner partner;
    int partnerIndex;
    PromptBook.Benchmark benchmark;
    PromptBook.Course course;
    int viral;
    /** The enterprise a batch-job group belongs to. */
    Group parent;
    /** The legitimate group a farm hides in (campus NAT farm: a class). */
    Group host;

    /** Window days [activeFrom, activeTo] the group is active (cohort week, viral days, farm run). */
    int activeFrom;
    int activeTo;
    /** Days a farm's crew takes off together, or a lab's deadline crunch days. */
    boolean[] specialDay = new boolean[0];
    double dailyVolume;
    /** Local hour a job or shift starts; the number of shifts for a crew. */
    int startHour;
    int shifts = 1;
    /** Minutes after the release a farm or lab moves to the new model; negative when it does not. */
    int pivotMinutes = -1;
    double innocuousShare;
    int scaffold;
    /** Test cases in a CI pipeline's prompt regression suite; every run sends all of them. */
    int suiteCases;
    long signupStart;

    Group(int index, OutsideKind kind) {
        this.index = index;
        this.kind = kind;
    }

    boolean special(int day) {
        return day >= 0 && day < specialDay.length && specialDay[day];
    }

    boolean active(int day) {
        return day >= activeFrom && day <= activeTo;
    }
}

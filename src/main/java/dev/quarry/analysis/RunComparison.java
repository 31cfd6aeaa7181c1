package dev.quarry.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changed between two runs of a case: accounts newly flagged or cleared, and how campaigns map
 * across (kept, split into several, merged from several, new, gone), judged by shared members.
 */
public record RunComparison(long earlierRun, long laterRun, List<String> newlyFlagged, List<String> cleared,
                            List<CampaignChange> campaigns) {

    public enum Change { KEPT, SPLIT, MERGED, NEW, GONE, RESHAPED }

    /** {@code earlier} and {@code later} are campaign ids of each run involved in the change. */
    public record CampaignChange(Change change, List<Integer> earlier, List<Integer> later, String description) {
    }

    public static RunComparison of(long earlierRun, List<RunReader.AccountScore> earlier, long laterRun,
                                   List<RunReader.AccountScore> later) {
        Map<String, RunReader.AccountScore> before = new HashMap<>();
        earlier.forEach(a -> before.put(a.accountId(), a));
        List<String> flagged = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        Set<String> seenLater = new HashSet<>();
        for (RunReader.AccountScore account : later) {
            seenLater.add(account.accountId());
            RunReader.AccountScore old = before.get(account.accountId());
            boolean wasFlagged = old != null && old.flagged();
            if (account.flagged() && !wasFlagged) {
                flagged.add(account.accountId());
            } else if (!account.flagged() && wasFlagged) {
                cleared.add(account.accountId());
            }
        }
        before.values().stream().filter(a -> a.flagged() && !seenLater.contains(a.accountId()))
                .forEach(a -> cleared.add(a.accountId()));
        flagged.sort(null);
        cleared.sort(null);

        Map<Integer, Set<String>> oldMembers = members(earlier);
        Map<Integer, Set<String>> newMembers = members(later);
        // A campaign "goes to" the campaigns of the other run holding at least a fifth of its members.
        Map<Integer, Set<Integer>> forward = links(oldMembers, newMembers);
        Map<Integer, Set<Integer>> backward = links(newMembers, oldMembers);
        List<CampaignChange> changes = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (Map.Entry<Integer, Set<String>> old : oldMembers.entrySet()) {
            Set<Integer> targets = forward.get(old.getKey());
            if (targets.isEmpty()) {
                changes.add(new CampaignChange(Change.GONE, List.of(old.getKey()), List.of(),
                        "campaign " + old.getKey() + " (" + old.getValue().size() + " accounts) is gone"));
            } else if (targets.size() > 1) {
                changes.add(new CampaignChange(Change.SPLIT, List.of(old.getKey()), List.copyOf(targets),
                        "campaign " + old.getKey() + " split into " + targets));
                reported.addAll(targets);
            } else {
                int target = targets.iterator().next();
                Set<Integer> sources = backward.get(target);
                if (sources.size() > 1) {
                    if (reported.add(target)) {
                        changes.add(new CampaignChange(Change.MERGED, List.copyOf(sources), List.of(target),
                                "campaigns " + sources + " merged into " + target));
                    }
                } else {
                    reported.add(target);
                    Set<String> kept = new HashSet<>(old.getValue());
                    kept.retainAll(newMembers.get(target));
                    boolean same = kept.size() == old.getValue().size() && kept.size() == newMembers.get(target).size();
                    changes.add(new CampaignChange(same ? Change.KEPT : Change.RESHAPED, List.of(old.getKey()), List.of(target),
                            same ? "campaign " + old.getKey() + " is campaign " + target + ", same " + kept.size() + " accounts"
                                    : "campaign " + old.getKey() + " is campaign " + target + ": " + kept.size() + " accounts kept, "
                                    + (old.getValue().size() - kept.size()) + " left, "
                                    + (newMembers.get(target).size() - kept.size()) + " joined"));
                }
            }
        }
        for (Map.Entry<Integer, Set<String>> fresh : newMembers.entrySet()) {
            if (!reported.contains(fresh.getKey()) && backward.get(fresh.getKey()).isEmpty()) {
                changes.add(new CampaignChange(Change.NEW, List.of(), List.of(fresh.getKey()),
                        "campaign " + fresh.getKey() + " (" + fresh.getValue().size() + " accounts) is new"));
            }
        }
        return new RunComparison(earlierRun, laterRun, List.copyOf(flagged), List.copyOf(cleared), List.copyOf(changes));
    }

    private static Map<Integer, Set<String>> members(List<RunReader.AccountScore> accounts) {
        Map<Integer, Set<String>> members = new TreeMap<>();
        for (RunReader.AccountScore account : accounts) {
            if (account.campaignId() != null) {
                members.computeIfAbsent(account.campaignId(), k -> new HashSet<>()).add(account.accountId());
            }
        }
        return members;
    }

    private static Map<Integer, Set<Integer>> links(Map<Integer, Set<String>> from, Map<Integer, Set<String>> to) {
        Map<Integer, Set<Integer>> links = new TreeMap<>();
        for (Map.Entry<Integer, Set<String>> source : from.entrySet()) {
            Set<Integer> targets = new java.util.TreeSet<>();
            for (Map.Entry<Integer, Set<String>> target : to.entrySet()) {
                long shared = source.getValue().stream().filter(target.getValue()::contains).count();
                if (shared * 5 >= source.getValue().size() && shared > 0) {
                    targets.add(target.getKey());
                }
            }
            links.put(source.getKey(), targets);
        }
        return links;
    }
}

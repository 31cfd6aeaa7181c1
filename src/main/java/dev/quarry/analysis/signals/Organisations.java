package dev.quarry.analysis.signals;

import dev.quarry.analysis.scan.CaseData;

import java.util.HashSet;
import java.util.Set;

/**
 * The organisations behind accounts, as far as the extract names them: the organisation column
 * (an API organisation, or the AWS account of Bedrock logs). An account the extract names no
 * organisation for counts as an organisation of its own, so that without the column every count
 * below is a count of accounts, as before organisations were weighed.
 * <p>
 * How widely a value is shared is a question about organisations, not accounts: a prompt template
 * that one company's two hundred accounts send is one customer's private artefact, while one that
 * two hundred companies send is a public one (a framework default, a benchmark harness) that
 * unrelated customers share by nature.
 */
public final class Organisations {
    private final int[] org;

    private Organisations(int[] org) {
        this.org = org;
    }

    public static Organisations of(CaseData data) {
        return new Organisations(SharedValues.orgs(data));
    }

    /** For tests and callers that already hold each account's organisation (-1 where unknown). */
    public static Organisations of(int[] org) {
        return new Organisations(org.clone());
    }

    /** The account's organisation, or -1 when the extract names none. */
    public int of(int account) {
        return org[account];
    }

    /** Distinct organisations among the accounts; an account without one counts once. */
    public int count(int[] accounts) {
        Tally tally = tally();
        for (int v : accounts) {
            tally.add(v);
        }
        return tally.count();
    }

    /** A running count of distinct organisations, for sets built one account at a time. */
    public Tally tally() {
        return new Tally();
    }

    /** Distinct organisations of the accounts added so far. */
    public final class Tally {
        private final Set<Integer> seen = new HashSet<>();
        private int orgless;

        public void add(int account) {
            if (org[account] < 0) {
                orgless++;
            } else {
                seen.add(org[account]);
            }
        }

        public int count() {
            return seen.size() + orgless;
        }
    }
}

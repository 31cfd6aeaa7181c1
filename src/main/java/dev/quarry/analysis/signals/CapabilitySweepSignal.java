package dev.quarry.analysis.signals;

import java.util.HashMap;
import java.util.Map;

/**
 * How systematically a group covers a range of tasks. Task types are not taken from a fixed
 * lexicon: they are the prompt templates (frames) the members rely on, so whatever taxonomy a farm
 * sweeps shows up as many templates used in even proportions. A group sweeps when it covers at
 * least {@link #MIN_TASKS} task types with an evenness (normalised entropy of the group's use of
 * them) of at least {@link #MIN_EVENNESS}; the sweep is complementary when members each take a
 * slice (on average at most half of the group's task types). Members must each work on at least
 * two task types on average: accounts that each send one template all the time are single-purpose
 * integrations (several companies' app backends), not a sweep. A lone benchmark runner covering
 * many topics is one account and never a group.
 */
public final class CapabilitySweepSignal {
    static final int MIN_TASKS = 4;
    static final double MIN_EVENNESS = 0.75;

    private CapabilitySweepSignal() {
    }

    /**
     * @param tasks      task types the group covers
     * @param evenness   normalised entropy of the group's use of them, 0..1
     * @param sliceShare the mean share of the group's task types one member covers
     * @param tasksPerMember the mean number of task types a member works on
     */
    public record Sweep(int tasks, double evenness, double sliceShare, double tasksPerMember) {
        public boolean systematic() {
            return tasks >= MIN_TASKS && evenness >= MIN_EVENNESS && tasksPerMember >= 2;
        }

        public boolean complementary() {
            return systematic() && sliceShare <= 0.5;
        }

        /** Strength in [0,1] for campaign scoring. */
        public double strength() {
            if (!systematic()) {
                return 0;
            }
            return complementary() ? 1.0 : 0.6;
        }
    }

    public static Sweep of(SharedTemplateSignal.Templates[] memberTemplates) {
        Map<Long, Double> use = new HashMap<>();
        double slices = 0;
        int members = 0;
        for (SharedTemplateSignal.Templates t : memberTemplates) {
            if (t.frames().length == 0) {
                continue;
            }
            members++;
            slices += t.frames().length;
            for (int i = 0; i < t.frames().length; i++) {
                use.merge(t.frames()[i], t.shares()[i], Double::sum);
            }
        }
        // a task type one member alone uses is that member's habit, not the group's coverage
        Map<Long, Integer> usedBy = new HashMap<>();
        for (SharedTemplateSignal.Templates t : memberTemplates) {
            for (long frame : t.frames()) {
                usedBy.merge(frame, 1, Integer::sum);
            }
        }
        use.keySet().removeIf(frame -> usedBy.get(frame) < 2);
        int tasks = use.size();
        if (members == 0 || tasks < 2) {
            return new Sweep(tasks, 0, 1, members == 0 ? 0 : slices / members);
        }
        double total = use.values().stream().mapToDouble(Double::doubleValue).sum();
        double entropy = 0;
        for (double u : use.values()) {
            double p = u / total;
            entropy -= p * Math.log(p);
        }
        return new Sweep(tasks, entropy / Math.log(tasks), Math.min(1, slices / members / tasks), slices / members);
    }
}

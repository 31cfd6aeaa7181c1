package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarvestSignalsTest {
    private static final DetectionRules RULES = DetectionRules.defaults();

    /** 200 accounts whose mean answers run from 100 to 1,090 tokens, the last twenty longest. */
    private static double[] answerLengths() {
        double[] lengths = new double[200];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = 100 + 5 * i;
        }
        return lengths;
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void aGroupMostlyDrawingTheLongestAnswersHarvestsOutputs() {
        double[] lengths = answerLengths();
        double threshold = OutputHarvestSignal.threshold(lengths, RULES.harvest());
        assertEquals(1 - 16 / 200.0, Arrays.stream(lengths).filter(l -> l <= threshold).count() / 200.0, 0.05,
                "the threshold is the top tenth");
        assertEquals(1.0, OutputHarvestSignal.strength(lengths, range(185, 200), threshold, 0.05, RULES.harvest()), 1e-9);
    }

    @Test
    void heavyUsersWithLongAnswersAmongOrdinaryOnesAreNoGroupHarvest() {
        double[] lengths = answerLengths();
        double threshold = OutputHarvestSignal.threshold(lengths, RULES.harvest());
        // three long-answer accounts in a group of ten: a habit of some, not the group's trait
        int[] mixed = {0, 10, 20, 30, 40, 50, 60, 197, 198, 199};
        assertEquals(0, OutputHarvestSignal.strength(lengths, mixed, threshold, 0.05, RULES.harvest()), 1e-9);
    }

    @Test
    void aSmallGroupWithAMajorityOfLongAnswersByChanceIsNoHarvestWhenThousandsOfGroupsAreTested() {
        double[] lengths = answerLengths();
        double threshold = OutputHarvestSignal.threshold(lengths, RULES.harvest());
        // three of five in the top tenth: one group in a hundred and twenty looks like this by chance
        int[] five = {0, 10, 197, 198, 199};
        assertEquals(0.6, OutputHarvestSignal.strength(lengths, five, threshold, 0.05, RULES.harvest()), 1e-9, "tested alone it stands out");
        assertEquals(0, OutputHarvestSignal.strength(lengths, five, threshold, 0.05 / 2000, RULES.harvest()), 1e-9,
                "among 2,000 groups tested it does not");
        assertEquals(1.0, OutputHarvestSignal.strength(lengths, range(185, 200), threshold, 0.05 / 2000, RULES.harvest()), 1e-9,
                "fifteen of fifteen does");
    }

    @Test
    void answerLengthsThatDoNotVaryShowNothing() {
        double[] same = new double[50];
        Arrays.fill(same, 200);
        double threshold = OutputHarvestSignal.threshold(same, RULES.harvest());
        assertEquals(threshold, OutputHarvestSignal.median(same), 1e-9, "no top tenth stands out");
        assertEquals(0, OutputHarvestSignal.strength(same, range(0, 10), threshold, 0.05, RULES.harvest()), 1e-9);
        assertTrue(Double.isNaN(OutputHarvestSignal.threshold(new double[] {Double.NaN, 3}, RULES.harvest())), "too few known lengths");
    }

    @Test
    void aGroupAskingForReasoningFarBeyondTheCaseRateHarvestsReasoning() {
        double[] shares = new double[100];
        Arrays.fill(shares, 0.02);
        for (int i = 0; i < 5; i++) {
            shares[i] = 0.8; // some people like step-by-step answers
        }
        for (int i = 90; i < 100; i++) {
            shares[i] = 1.0;
        }
        double base = ReasoningHarvestSignal.baseRate(shares, RULES.harvest());
        assertEquals(0.15, base, 1e-9);
        assertEquals(1.0, ReasoningHarvestSignal.strength(shares, range(90, 100), base, 0.05, RULES.harvest()), 1e-9);
        assertEquals(0, ReasoningHarvestSignal.strength(shares, new int[] {0, 1, 2, 3, 4, 50, 51, 52, 53, 54}, base, 0.05, RULES.harvest()), 1e-9,
                "half a group of reasoning fans is no majority");
    }

    @Test
    void whenMostOfTheCaseAsksForReasoningAGroupDoingSoIsNoSign() {
        double[] shares = new double[40];
        Arrays.fill(shares, 0.9);
        double base = ReasoningHarvestSignal.baseRate(shares, RULES.harvest());
        assertEquals(0, ReasoningHarvestSignal.strength(shares, range(0, 10), base, 0.05, RULES.harvest()), 1e-9, "not three times the case's rate");
    }
}

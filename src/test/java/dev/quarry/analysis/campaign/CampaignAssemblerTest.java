package dev.quarry.analysis.campaign;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.signals.CapabilitySweepSignal;
import dev.quarry.analysis.signals.Evidence;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignAssemblerTest {
    private static final DetectionRules RULES = DetectionRules.defaults();

    /** A group of two whose second member is tied by templates and is in step only at a looser bar. */
    private static Group group(double synchronizedStrength) {
        Map<Evidence, Double> strength = new EnumMap<>(Evidence.class);
        for (Evidence e : Evidence.values()) {
            strength.put(e, 0.0);
        }
        strength.put(Evidence.TEMPLATE, 1.0);
        strength.put(Evidence.SYNCHRONIZED, synchronizedStrength);
        Map<Evidence, boolean[]> ties = new EnumMap<>(Evidence.class);
        for (Evidence e : CampaignAssembler.TIES) {
            ties.put(e, new boolean[] {true, e == Evidence.TEMPLATE});
        }
        double[][] synchrony = {{20, 1.12}, {5, 1.04}};
        return new Group(new int[] {0, 1}, strength, Map.of(), ties, synchrony,
                new CapabilitySweepSignal.Sweep(0, 0, 0, 0, 0, false, 0), null, 0, new double[] {1, 1}, 0.9,
                EnumSet.noneOf(CampaignAssembler.Source.class), 0, List.of());
    }

    @Test
    void aMemberSharesInItsGroupsSynchronyAtALooserBarOnceTheGroupIsInStep() {
        Set<CampaignAssembler.Source> own = CampaignAssembler.ownSources(group(0.8), 1, false, RULES);
        assertEquals(EnumSet.of(CampaignAssembler.Source.PROMPTS, CampaignAssembler.Source.TIMING), own);
    }

    @Test
    void withoutAGroupInStepTheLooserBarDoesNotApply() {
        Set<CampaignAssembler.Source> own = CampaignAssembler.ownSources(group(0.3), 1, false, RULES);
        assertEquals(EnumSet.of(CampaignAssembler.Source.PROMPTS), own);
    }

    @Test
    void aQuickAdopterIsTiedInTimeOnlyWhenItsGroupPivoted() {
        Group pivoted = group(0.0);
        pivoted.strength().put(Evidence.MODEL_PIVOT, 0.9);
        assertTrue(CampaignAssembler.ownSources(pivoted, 1, true, RULES).contains(CampaignAssembler.Source.TIMING));
        assertTrue(!CampaignAssembler.ownSources(group(0.0), 1, true, RULES).contains(CampaignAssembler.Source.TIMING));
    }

    @Test
    void typicalityIsTheCosineWithTheGroupsMeanDirection() {
        double[][] features = {{1, 0}, {1, 0.1}, {0.9, 0}, {0, 1}};
        double[] typicality = CampaignAssembler.typicality(features, new int[] {0, 1, 2, 3});
        assertTrue(typicality[0] > 0.9 && typicality[1] > 0.9 && typicality[2] > 0.9, java.util.Arrays.toString(typicality));
        assertTrue(typicality[3] < 0.5, "the odd one out acts unlike the group: " + typicality[3]);
    }
}

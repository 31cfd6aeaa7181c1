package dev.quarry.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsValidationTest {

    @Test
    void rejectsCampaignsLargerThanThePopulation() {
        GeneratorOptions options = GeneratorOptions.defaults(100, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> options.withCampaigns(List.of(CampaignSpec.defaults(CampaignKind.PROXY_FARM, 101))));
        assertTrue(e.getMessage().contains("101"), e.getMessage());
    }

    @Test
    void rejectsTheDefaultMixForATinyPopulation() {
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.defaults(9, 10, 1));
    }

    @Test
    void acceptsATinyPopulationWithExplicitCampaigns() {
        GeneratorOptions options = new GeneratorOptions(6, 10, 1, OutputFormat.CSV, false,
                List.of(CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 5)), LegitMix.DEFAULT, 0,
                GeneratorOptions.DEFAULT_START, -1);
        assertEquals(1, options.resolvedCampaigns().size());
    }

    @Test
    void shrinksTheDefaultMixForSmallPopulations() {
        assertEquals(8, GeneratorOptions.defaultCampaigns(20).stream().mapToInt(CampaignSpec::accounts).sum());
        assertEquals(23, GeneratorOptions.defaultCampaigns(200).stream().mapToInt(CampaignSpec::accounts).sum());
    }

    @Test
    void rejectsACampaignStartingAfterTheExtractEnds() {
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.defaults(200, 10, 1)
                .withCampaigns(List.of(CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 5).withSchedule(10, 0))));
    }

    @Test
    void rejectsSophisticationKnobsOutOfRange() {
        CampaignSpec spec = CampaignSpec.defaults(CampaignKind.PROXY_FARM, 10);
        assertThrows(IllegalArgumentException.class, () -> spec.withTimingJitter(1.5));
        assertThrows(IllegalArgumentException.class, () -> spec.withParaphraseRate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> spec.withSharedIps(-1));
        assertThrows(IllegalArgumentException.class, () -> spec.withTopicsPerAccount(Taxonomy.TASKS.size() + 1));
        assertThrows(IllegalArgumentException.class, () -> spec.withPivotDelayHours(24));
        assertThrows(IllegalArgumentException.class, () -> spec.withParameters(100, 2.5));
    }

    @Test
    void rejectsALegitMixWithoutWeightOrWithGroupsOfOne() {
        assertThrows(IllegalArgumentException.class, () -> new LegitMix(0, 0, 0, 0, 0, 0, 6, 6, 12));
        assertThrows(IllegalArgumentException.class, () -> LegitMix.DEFAULT.withGroupSizes(1, 6, 12));
        assertThrows(IllegalArgumentException.class, () -> LegitMix.DEFAULT.withWeight(LegitKind.HOBBYIST, Double.NaN));
    }

    @Test
    void parsesACampaignWithSettings() {
        CampaignSpec spec = CampaignSpec.parse("proxy_farm:40:ips=12,paraphrase=0.3,topics=4,max_tokens=2000,temperature=0.9");
        assertEquals(CampaignKind.PROXY_FARM, spec.kind());
        assertEquals(40, spec.accounts());
        assertEquals(12, spec.sharedIps());
        assertEquals(0.3, spec.paraphraseRate());
        assertEquals(4, spec.topicsPerAccount());
        assertEquals(2000, spec.maxTokens());
        assertEquals(0.9, spec.temperature());
        assertEquals(CampaignSpec.defaults(CampaignKind.PROXY_FARM, 40).cardBins(), spec.cardBins());
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy_farm", "botnet:10", "naive_farm:ten", "naive_farm:10:ips", "naive_farm:10:colour=red",
            "low_and_slow:10:jitter=2"})
    void rejectsMalformedCampaignText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CampaignSpec.parse(text));
        assertTrue(e.getMessage().startsWith("campaign"), e.getMessage());
    }

    @Test
    void parsesLegitMixOverrides() {
        LegitMix mix = LegitMix.parse("hobbyist=0.3,shared_nat=0.5,nat_size=25");
        assertEquals(0.3, mix.hobbyist());
        assertEquals(0.5, mix.sharedNat());
        assertEquals(25, mix.natGroupSize());
        assertEquals(LegitMix.DEFAULT.enterprise(), mix.enterprise());
        assertThrows(IllegalArgumentException.class, () -> LegitMix.parse("robots=1"));
    }
}

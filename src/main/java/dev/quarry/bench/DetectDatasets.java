package dev.quarry.bench;

import dev.quarry.synth.CampaignKind;
import dev.quarry.synth.CampaignSpec;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.synth.LegitKind;
import dev.quarry.synth.LegitMix;
import dev.quarry.synth.OutputFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated datasets of the detection benchmark, in two suites. The development suite is what
 * the engine may be tuned on. The held-out suite uses other seeds and changes every generator
 * parameter (sizes, schedules, how much each campaign shares, timing jitter, paraphrasing, topic
 * splits, request parameters, pivot delay, legitimate mix and group sizes, start date, format,
 * redaction): a detector that only learned the development data's quirks fails there.
 */
public final class DetectDatasets {

    public enum Suite {
        DEV, HELDOUT, ALL
    }

    /**
     * @param redactPrompts drop every prompt text after ingest, as a privacy-redacted extract would come
     */
    public record Dataset(String name, boolean heldOut, GeneratorOptions options, boolean redactPrompts,
                          String description) {
    }

    private DetectDatasets() {
    }

    public static List<Dataset> of(Suite suite) {
        List<Dataset> datasets = new ArrayList<>();
        if (suite != Suite.HELDOUT) {
            datasets.addAll(development());
        }
        if (suite != Suite.DEV) {
            datasets.addAll(heldOut());
        }
        return datasets;
    }

    static List<Dataset> development() {
        return List.of(
                new Dataset("dev-default-1500", false, GeneratorOptions.defaults(1_500, 14, 11), false,
                        "default campaign and legitimate mix, CSV"),
                new Dataset("dev-default-4000", false, GeneratorOptions.defaults(4_000, 14, 12), false,
                        "default mixes, larger"),
                new Dataset("dev-bedrock-1500", false,
                        GeneratorOptions.defaults(1_500, 14, 13).withFormat(OutputFormat.BEDROCK), false,
                        "Bedrock invocation logs: no IPs, user agents or billing"));
    }

    static List<Dataset> heldOut() {
        Instant autumn = Instant.parse("2025-11-03T00:00:00Z");
        LegitMix crowded = LegitMix.DEFAULT.withWeight(LegitKind.SHARED_NAT, 0.30).withWeight(LegitKind.ENTERPRISE, 0.20)
                .withWeight(LegitKind.LAB_BENCHMARK, 0.06).withGroupSizes(10, 8, 20);
        List<CampaignSpec> stealthy = List.of(
                CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 30).withSharedIps(8).withSharedCards(5, 2),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 50).withTimingJitter(0.4).withParaphraseRate(0.8)
                        .withTopicsPerAccount(3),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 60).withRequestsPerAccount(300).withUserAgents(30)
                        .withTimingJitter(0.3),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 25).withPivotDelayHours(18).withParameters(2048, 0.9));
        List<CampaignSpec> twoFarms = List.of(
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 150).withSharedIps(60),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 40).withSharedIps(30).withParameters(1024, 0.2)
                        .withSchedule(3, 7),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 200).withRequestsPerAccount(450),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 80).withPivotDelayHours(2));
        List<CampaignSpec> bedrockMix = List.of(
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 70).withParaphraseRate(0.3),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 60).withTimingJitter(0.2),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 40).withPivotDelayHours(10));
        return List.of(
                new Dataset("heldout-stealthy-2000", true, GeneratorOptions.defaults(2_000, 21, 7_001)
                        .withCampaigns(stealthy).withLegit(crowded).withStart(autumn), false,
                        "stealthier campaigns, more hard negatives in bigger groups, 21 days"),
                new Dataset("heldout-large-8000", true, GeneratorOptions.defaults(8_000, 14, 7_002)
                        .withCampaigns(twoFarms).withNewModelReleaseDay(6), false,
                        "two proxy farms of different sizes, a large low-and-slow campaign, early pivot"),
                new Dataset("heldout-redacted-2500", true, GeneratorOptions.defaults(2_500, 14, 7_003)
                        .withLegit(crowded), true,
                        "prompt text removed after ingest (privacy-redacted extract)"),
                new Dataset("heldout-bedrock-gz-2500", true, GeneratorOptions.defaults(2_500, 14, 7_004)
                        .withFormat(OutputFormat.BEDROCK).withGzip(true).withCampaigns(bedrockMix), false,
                        "gzipped Bedrock logs, no naive farm"));
    }
}

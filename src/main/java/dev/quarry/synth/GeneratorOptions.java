package dev.quarry.synth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a generated extract depends on; the same options always give the same bytes.
 *
 * @param accounts           all accounts, legitimate and campaign
 * @param days               length of the extract in days
 * @param seed               the random seed
 * @param format             how the events file is written
 * @param gzip               gzip the events file
 * @param campaigns          the planted campaigns; empty means {@link #defaultCampaigns(int)}
 * @param legit              proportions of legitimate kinds among the non-campaign accounts
 * @param eventsTarget       when positive, every request rate is scaled so the expected event total is this; 0 keeps
 *                           natural rates. An account makes at most 32,767 requests a day, so a target far beyond
 *                           that many per account and day is not reached
 * @param start              start of the first day (UTC)
 * @param newModelReleaseDay day on which a new model is released, or -1 for two thirds into the extract
 */
public record GeneratorOptions(int accounts, int days, long seed, OutputFormat format, boolean gzip,
                               List<CampaignSpec> campaigns, LegitMix legit, long eventsTarget, Instant start,
                               int newModelReleaseDay) {

    /** Accounts are packed into 21 bits of the per-day event plan. */
    public static final int MAX_ACCOUNTS = (1 << 21) - 1;
    public static final Instant DEFAULT_START = Instant.parse("2026-03-01T00:00:00Z");

    public GeneratorOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(legit, "legit");
        Objects.requireNonNull(start, "start");
        campaigns = List.copyOf(Objects.requireNonNull(campaigns, "campaigns"));
        if (accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be between 1 and " + MAX_ACCOUNTS + ", got " + accounts);
        }
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("days must be between 1 and 3660, got " + days);
        }
        if (eventsTarget < 0) {
            throw new IllegalArgumentException("eventsTarget must be 0 (natural rates) or positive, got " + eventsTarget);
        }
        if (newModelReleaseDay < -1 || newModelReleaseDay >= days) {
            throw new IllegalArgumentException("newModelReleaseDay must be -1 (default) or a day in the extract (0.." + (days - 1) + ")");
        }
        if (start.toEpochMilli() % 86_400_000L != 0) {
            throw new IllegalArgumentException("start must be midnight UTC, got " + start);
        }
        int campaignAccounts = 0;
        for (CampaignSpec c : campaigns.isEmpty() && accounts >= MIN_ACCOUNTS_FOR_DEFAULT_MIX
                ? defaultCampaigns(accounts) : campaigns) {
            if (c.startDay() >= days) {
                throw new IllegalArgumentException("campaign " + c.kind() + " starts on day " + c.startDay()
                        + " but the extract has only " + days + " days");
            }
            campaignAccounts += c.accounts();
        }
        if (campaigns.isEmpty() && accounts < MIN_ACCOUNTS_FOR_DEFAULT_MIX) {
            throw new IllegalArgumentException("the default campaign mix needs at least " + MIN_ACCOUNTS_FOR_DEFAULT_MIX
                    + " accounts; give the campaigns explicitly for a smaller extract");
        }
        if (campaignAccounts > accounts) {
            throw new IllegalArgumentException("the campaigns need " + campaignAccounts + " accounts but only "
                    + accounts + " were asked for");
        }
    }

    /** The default mix plants two accounts of each kind at least, and leaves room for legitimate ones. */
    public static final int MIN_ACCOUNTS_FOR_DEFAULT_MIX = 10;

    public static GeneratorOptions defaults(int accounts, int days, long seed) {
        return new GeneratorOptions(accounts, days, seed, OutputFormat.CSV, false, List.of(), LegitMix.DEFAULT, 0,
                DEFAULT_START, -1);
    }

    /** One campaign of each kind, about a tenth of all accounts together (a little more in small extracts). */
    public static List<CampaignSpec> defaultCampaigns(int accounts) {
        boolean small = accounts < 200;
        List<CampaignSpec> mix = new ArrayList<>();
        mix.add(CampaignSpec.defaults(CampaignKind.NAIVE_FARM, Math.max(small ? 2 : 5, (int) Math.round(accounts * 0.025))));
        mix.add(CampaignSpec.defaults(CampaignKind.PROXY_FARM, Math.max(small ? 2 : 6, (int) Math.round(accounts * 0.03))));
        mix.add(CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, Math.max(small ? 2 : 8, (int) Math.round(accounts * 0.03))));
        mix.add(CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, Math.max(small ? 2 : 4, (int) Math.round(accounts * 0.015))));
        return mix;
    }

    /** The campaigns this run plants: the given ones, or the default mix. */
    public List<CampaignSpec> resolvedCampaigns() {
        return campaigns.isEmpty() ? defaultCampaigns(accounts) : campaigns;
    }

    /** The release day actually used. */
    public int releaseDay() {
        return newModelReleaseDay >= 0 ? newModelReleaseDay : Math.min(days - 1, days * 2 / 3);
    }

    public GeneratorOptions withFormat(OutputFormat f) {
        return new GeneratorOptions(accounts, days, seed, f, gzip, campaigns, legit, eventsTarget, start, newModelReleaseDay);
    }

    public GeneratorOptions withGzip(boolean g) {
        return new GeneratorOptions(accounts, days, seed, format, g, campaigns, legit, eventsTarget, start, newModelReleaseDay);
    }

    public GeneratorOptions withCampaigns(List<CampaignSpec> c) {
        return new GeneratorOptions(accounts, days, seed, format, gzip, c, legit, eventsTarget, start, newModelReleaseDay);
    }

    public GeneratorOptions withLegit(LegitMix l) {
        return new GeneratorOptions(accounts, days, seed, format, gzip, campaigns, l, eventsTarget, start, newModelReleaseDay);
    }

    public GeneratorOptions withEventsTarget(long target) {
        return new GeneratorOptions(accounts, days, seed, format, gzip, campaigns, legit, target, start, newModelReleaseDay);
    }

    public GeneratorOptions withStart(Instant s) {
        return new GeneratorOptions(accounts, days, seed, format, gzip, campaigns, legit, eventsTarget, s, newModelReleaseDay);
    }

    public GeneratorOptions withNewModelReleaseDay(int day) {
        return new GeneratorOptions(accounts, days, seed, format, gzip, campaigns, legit, eventsTarget, start, day);
    }
}

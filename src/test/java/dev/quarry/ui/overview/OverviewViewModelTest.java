package dev.quarry.ui.overview;

import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.GeneratedCase;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverviewViewModelTest {

    @TempDir
    Path dir;
    Path path;
    CaseSession session;
    OverviewViewModel overview;
    final List<UserError> errors = new ArrayList<>();

    @BeforeEach
    void session() {
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
        overview = new OverviewViewModel(session);
    }

    @Test
    void withNoCaseOpenTheOverviewSaysWhatToDo() {
        assertEquals("No case open.", overview.totalsProperty().get());
        assertEquals("Open a case, or create one from extract files.", overview.emptyStateProperty().get());
        assertTrue(overview.campaigns().isEmpty());
    }

    @Test
    void totalsHistogramAndRankedCampaignsComeFromTheRun() throws Exception {
        path = GeneratedCase.copy(dir, "case.quarry");
        session.open(path);
        assertTrue(errors.isEmpty(), errors.toString());
        var run = session.state().run().orElseThrow();
        String totals = overview.totalsProperty().get();
        var digest = session.state().digest().orElseThrow();
        assertTrue(digest.accounts() > 0 && digest.accounts() <= 400, "accounts with requests: " + digest.accounts());
        String accounts = digest.accounts() == 400 ? "400 accounts"
                : String.format(java.util.Locale.ROOT, "400 accounts, %,d with requests", digest.accounts());
        assertEquals(String.format(java.util.Locale.ROOT, "%,d events · %s · run 1 (seed %d): %d flagged in %d campaign(s)",
                digest.events(), accounts, run.seed(), run.flagged(), run.campaigns()), totals);
        assertTrue(overview.timeRangeProperty().get().matches("From \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d to \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"),
                overview.timeRangeProperty().get());
        assertEquals("", overview.emptyStateProperty().get());

        assertEquals(OverviewViewModel.HISTOGRAM_BINS, overview.histogram().size());
        assertEquals(session.state().accounts().stream().filter(AccountRow::scored).count(),
                overview.histogram().stream().mapToLong(Integer::longValue).sum(), "every scored account is in one bin");

        assertEquals(session.state().campaigns().size(), overview.campaigns().size());
        for (int i = 1; i < overview.campaigns().size(); i++) {
            assertTrue(overview.campaigns().get(i - 1).score() >= overview.campaigns().get(i).score(), "ranked by strength");
        }
        for (OverviewViewModel.CampaignLine line : overview.campaigns()) {
            long members = session.state().accounts().stream()
                    .filter(a -> a.campaignId() != null && a.campaignId() == line.campaignId()).count();
            assertEquals(line.size(), members, "campaign " + line.campaignId());
            assertTrue(line.events() > 0 && line.firstTs() != null && line.firstTs() <= line.lastTs());
            assertEquals(line.events(), LongStream.of(line.daily()).sum(), "the sparkline adds up to the campaign's requests");
            assertTrue(line.daily().length >= 7, "one bar per day of the case: " + line.daily().length);
            assertEquals("", line.verdict());
        }
    }

    @Test
    void aCampaignVerdictShowsInTheRankingAndACampaignOpensItsPage() throws Exception {
        path = GeneratedCase.copy(dir, "case.quarry");
        session.open(path);
        int campaign = overview.campaigns().get(0).campaignId();
        try (CaseFile caseFile = CaseFile.openExisting(path)) {
            new CaseWork(caseFile).recordVerdict(CaseWork.Subject.campaign(1, campaign), CaseWork.Decision.ABUSIVE, null);
        }
        session.caseWorkChanged();
        assertEquals("abusive", overview.campaigns().get(0).verdict());
        overview.openCampaign(campaign);
        assertEquals(campaign, session.selectedCampaignProperty().get());
        assertEquals(Screens.CAMPAIGN, session.screenProperty().get());
    }
}

package dev.quarry.store;

import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.AnalysisResult;
import dev.quarry.analysis.RunStore;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseWork.Decision;
import dev.quarry.store.CaseWork.Subject;
import dev.quarry.store.CaseWork.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseWorkTest {

    @TempDir
    Path dir;
    CaseFile caseFile;
    CaseWork work;
    long firstRun;

    @BeforeEach
    void analysedCase() throws Exception {
        caseFile = CaseFile.open(dir.resolve("case.quarry"));
        SmallCase.populate(caseFile, dir);
        firstRun = save(SmallCase.result(1, 0.0));
        work = new CaseWork(caseFile, "alice");
    }

    @AfterEach
    void close() throws Exception {
        caseFile.close();
    }

    private long save(AnalysisResult result) throws Exception {
        return new RunStore(caseFile).save(result, Instant.EPOCH, Instant.EPOCH, ProgressListener.NONE);
    }

    private List<String> auditActions() throws Exception {
        List<String> actions = new ArrayList<>();
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT action || ': ' || detail FROM audit_log ORDER BY audit_id")) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        return actions;
    }

    @Test
    void theLatestAccountVerdictIsCurrentAndEveryOneIsAuditLogged() throws Exception {
        work.recordVerdict(Subject.account(SmallCase.QUIET_ACCOUNT), Decision.UNDECIDED, "looks like a student");
        work.recordVerdict(Subject.account(SmallCase.QUIET_ACCOUNT), Decision.LEGITIMATE, " spoke to the customer ");

        Verdict current = work.accountVerdicts().get(SmallCase.QUIET_ACCOUNT);
        assertEquals(Decision.LEGITIMATE, current.decision());
        assertEquals("spoke to the customer", current.comment());
        assertEquals("alice", current.author());
        assertEquals(2, work.verdictHistory().size());
        assertTrue(auditActions().contains("verdict: account acct-quiet: legitimate by alice — spoke to the customer"),
                auditActions().toString());
    }

    @Test
    void anAccountVerdictSurvivesReanalysis() throws Exception {
        work.recordVerdict(Subject.account(SmallCase.PLUS_ACCOUNT), Decision.ABUSIVE, null);
        save(SmallCase.result(2, 0.5));
        assertEquals(Decision.ABUSIVE, work.accountVerdict(SmallCase.PLUS_ACCOUNT).orElseThrow().decision());
    }

    @Test
    void aCampaignVerdictIsCarriedToALaterRunsCampaignWithTheSameMembers() throws Exception {
        work.recordVerdict(Subject.campaign(firstRun, 1), Decision.ABUSIVE, "card farm");
        long secondRun = save(SmallCase.result(2, 0.5));

        Verdict carried = work.campaignVerdict(secondRun, 1).orElseThrow();
        assertEquals(Decision.ABUSIVE, carried.decision());
        assertTrue(carried.carried());
        assertEquals(firstRun, carried.carriedFrom().runId());
        assertEquals(1.0, carried.carriedFrom().overlap());
        assertEquals("abusive (carried from run " + firstRun + ")", carried.display());
        assertFalse(work.campaignVerdict(firstRun, 1).orElseThrow().carried());
    }

    @Test
    void aVerdictOnTheLaterCampaignItselfWinsOverACarriedOne() throws Exception {
        work.recordVerdict(Subject.campaign(firstRun, 1), Decision.ABUSIVE, null);
        long secondRun = save(SmallCase.result(2, 0.5));
        work.recordVerdict(Subject.campaign(secondRun, 1), Decision.LEGITIMATE, "a research lab");

        Verdict current = work.campaignVerdict(secondRun, 1).orElseThrow();
        assertEquals(Decision.LEGITIMATE, current.decision());
        assertNull(current.carriedFrom());
    }

    @Test
    void aCampaignThatLostHalfItsMembersDoesNotInheritTheVerdict() throws Exception {
        work.recordVerdict(Subject.campaign(firstRun, 1), Decision.ABUSIVE, null);
        AnalysisResult original = SmallCase.result(2, 0.0);
        List<AccountVerdict> accounts = original.accounts().stream()
                .map(a -> a.accountId().equals(SmallCase.PLUS_ACCOUNT) ? new AccountVerdict(a.accountId(), 0.1, false,
                        null, a.anomalyScore(), a.cluster(), a.mapX(), a.mapY(), List.of(), a.features()) : a)
                .toList();
        long secondRun = save(new AnalysisResult(original.options(), accounts, original.campaigns(), original.signals(),
                original.stageSeconds()));

        assertTrue(work.campaignVerdict(secondRun, 1).isEmpty(), "1 of 2 members shared: Jaccard 0.5 < 0.9");
    }

    @Test
    void aCampaignNoteIsShownOnTheSameCampaignOfALaterRun() throws Exception {
        work.addNote(Subject.campaign(firstRun, 1), "same BIN as January");
        long secondRun = save(SmallCase.result(2, 0.5));
        assertEquals(List.of("same BIN as January"),
                work.campaignNotes(secondRun, 1).stream().map(CaseWork.Note::text).toList());
    }

    @Test
    void jaccardIsSharedOverEither() {
        assertEquals(0.5, CaseWork.jaccard(Set.of("a", "b"), Set.of("a")));
        assertEquals(0.9, CaseWork.jaccard(Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
                Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9")), 1e-9);
    }

    @Test
    void refusesAVerdictOnAnUnknownAccountOrCampaignAndStoresNothing() throws Exception {
        int audits = auditActions().size();
        IllegalArgumentException account = assertThrows(IllegalArgumentException.class,
                () -> work.recordVerdict(Subject.account("nobody"), Decision.ABUSIVE, null));
        assertEquals("the case has no account nobody", account.getMessage());
        IllegalArgumentException campaign = assertThrows(IllegalArgumentException.class,
                () -> work.recordVerdict(Subject.campaign(firstRun, 9), Decision.ABUSIVE, null));
        assertEquals("run " + firstRun + " of the case has no campaign 9", campaign.getMessage());
        assertTrue(work.verdictHistory().isEmpty());
        assertEquals(audits, auditActions().size());
    }

    @Test
    void notesOnAccountsCampaignsAndTheCaseAreKeptInOrder() throws Exception {
        work.addNote(Subject.wholeCase(), "opened after the abuse report of 3 March");
        work.addNote(Subject.campaign(firstRun, 1), "same BIN as the January case");
        work.addNote(Subject.account(SmallCase.FORMULA_ACCOUNT), "=cmd|' /C calc'!A0 in the signup name");

        assertEquals(3, work.notes().size());
        assertEquals(List.of("same BIN as the January case"),
                work.notes(Subject.campaign(firstRun, 1)).stream().map(CaseWork.Note::text).toList());
        assertEquals("=cmd|' /C calc'!A0 in the signup name",
                work.notes(Subject.account(SmallCase.FORMULA_ACCOUNT)).get(0).text());
        assertTrue(auditActions().stream().anyMatch(a -> a.startsWith("note: the case by alice: opened after")));
    }

    @Test
    void tagsAreAddedOnceRemovedAndListedPerAccount() throws Exception {
        assertEquals(2, work.tagAccounts(List.of(SmallCase.PLUS_ACCOUNT, SmallCase.QUIET_ACCOUNT), "escalated"));
        assertEquals(0, work.tagAccounts(List.of(SmallCase.PLUS_ACCOUNT), "escalated"));
        work.tagAccounts(List.of(SmallCase.PLUS_ACCOUNT), "card-farm");

        Map<String, List<String>> tags = work.accountTags();
        assertEquals(List.of("card-farm", "escalated"), tags.get(SmallCase.PLUS_ACCOUNT));
        assertEquals(List.of("card-farm", "escalated"), work.tagNames());

        assertEquals(1, work.untagAccounts(List.of(SmallCase.QUIET_ACCOUNT), "escalated"));
        assertFalse(work.accountTags().containsKey(SmallCase.QUIET_ACCOUNT));
        assertEquals(3, auditActions().stream().filter(a -> a.startsWith("tag: ") || a.startsWith("untag: ")).count(),
                "a tag that changed nothing is not logged");
    }

    @Test
    void oneUnknownAccountStopsTheWholeTagChange() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> work.tagAccounts(List.of(SmallCase.PLUS_ACCOUNT, "nobody"), "escalated"));
        assertTrue(work.accountTags().isEmpty());
    }

    @Test
    void refusesATagThatWouldBreakTheExportList() {
        assertThrows(IllegalArgumentException.class, () -> work.tagAccounts(List.of(SmallCase.PLUS_ACCOUNT), "a|b"));
    }
}

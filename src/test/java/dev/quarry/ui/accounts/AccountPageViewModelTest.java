package dev.quarry.ui.accounts;

import dev.quarry.analysis.RunReader;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.GeneratedCase;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountPageViewModelTest {

    @TempDir
    Path dir;
    Path path;
    CaseSession session;
    AccountPageViewModel page;
    final List<UserError> errors = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        path = GeneratedCase.copy(dir, "case.quarry");
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
        page = new AccountPageViewModel(session);
        session.open(path);
    }

    /** A flagged account with more than two pages of events, so paging has somewhere to go. */
    private AccountRow busyFlaggedAccount() {
        return session.state().accounts().stream().filter(a -> a.flagged() && a.events() > 2L * AccountPageViewModel.PAGE)
                .findFirst().orElseThrow(() -> new AssertionError("the generated case has a busy flagged account"));
    }

    @Test
    void beforeAnAccountIsChosenThePageSaysHowToChooseOne() {
        assertTrue(page.headingProperty().get().startsWith("No account chosen"), page.headingProperty().get());
        assertTrue(page.events().isEmpty());
    }

    @Test
    void theFocusedAccountsPageShowsItsEvidenceInfrastructureAndFirstPageOfEvents() {
        AccountRow account = busyFlaggedAccount();
        session.focusedAccountProperty().set(account.accountId());
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("Account " + account.accountId(), page.headingProperty().get());
        String summary = page.summaryProperty().get();
        assertTrue(summary.startsWith(String.format(java.util.Locale.ROOT, "risk %.3f · flagged", account.riskScore())), summary);
        assertTrue(account.campaignId() == null || summary.contains("campaign " + account.campaignId()), summary);
        assertTrue(summary.endsWith("verdict: none"), summary);
        assertFalse(page.reasons().isEmpty(), "a flagged account has reasons");
        assertFalse(page.features().isEmpty());
        assertTrue(page.typicalReadProperty().get(), "the case's medians are read after the page");
        assertTrue(page.features().stream().allMatch(f -> !Double.isNaN(f.typical())), "every feature has the case's median beside it");
        long ipRequests = page.counts().stream().filter(c -> c.kind().equals("IP")).mapToLong(AccountPageViewModel.CountLine::requests).sum();
        assertTrue(ipRequests > 0 && ipRequests <= account.events(), ipRequests + " of " + account.events());
        assertEquals(AccountPageViewModel.PAGE, page.events().size(), "one page, not all events");
        for (int i = 1; i < page.events().size(); i++) {
            assertTrue(page.events().get(i - 1).ts() <= page.events().get(i).ts(), "events in time order at " + i);
        }
    }

    @Test
    void pagingReadsTheNextEventsAndComesBack() {
        AccountRow account = busyFlaggedAccount();
        session.focusedAccountProperty().set(account.accountId());
        List<RunReader.EventLine> first = List.copyOf(page.events());
        page.nextPage();
        assertEquals(1, page.pageProperty().get());
        assertEquals(AccountPageViewModel.PAGE, page.events().size());
        assertTrue(page.events().get(0).ts() >= first.get(first.size() - 1).ts(), "page 2 follows page 1");
        assertTrue(page.events().stream().noneMatch(e -> first.stream().anyMatch(f -> f.requestId().equals(e.requestId()))),
                "no event is on both pages");
        page.previousPage();
        assertEquals(0, page.pageProperty().get());
        assertEquals(first.stream().map(RunReader.EventLine::requestId).toList(),
                page.events().stream().map(RunReader.EventLine::requestId).toList());
        page.previousPage();
        assertEquals(0, page.pageProperty().get(), "there is no page before the first");
    }

    @Test
    void aVerdictAndANoteOnTheAccountAreAuditedAndShownOnItsPage() throws Exception {
        AccountRow account = busyFlaggedAccount();
        session.focusedAccountProperty().set(account.accountId());
        page.recordVerdict(CaseWork.Decision.LEGITIMATE, "a research lab, contract on file");
        page.addNote("called the customer on 3 March");
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(page.summaryProperty().get().endsWith("verdict: legitimate (a research lab, contract on file)"),
                page.summaryProperty().get());
        assertEquals(1, page.notes().size());
        assertTrue(page.notes().get(0).endsWith(": called the customer on 3 March"), page.notes().get(0));
        assertEquals(CaseWork.Decision.LEGITIMATE, session.state().account(account.accountId()).orElseThrow().verdict(),
                "the accounts table sees the verdict too");
        List<String> audit = GeneratedCase.auditTrail(path);
        assertTrue(audit.stream().anyMatch(e -> e.startsWith("verdict: account " + account.accountId()) && e.contains("legitimate")),
                audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.startsWith("note: account " + account.accountId())), audit.toString());
    }
}

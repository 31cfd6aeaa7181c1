package dev.quarry.ui.accounts;

import dev.quarry.analysis.Campaign;
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
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsViewModelTest {

    @TempDir
    Path dir;
    Path path;
    CaseSession session;
    AccountsViewModel accounts;
    final List<UserError> errors = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        path = GeneratedCase.copy(dir, "case.quarry");
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
        accounts = new AccountsViewModel(session);
        session.open(path);
    }

    private List<AccountRow> shown() {
        return List.copyOf(accounts.rows());
    }

    @Test
    void everyAccountOfTheRunIsListedAndCounted() {
        assertEquals(400, shown().size());
        assertEquals("400 of 400 accounts · 0 selected", accounts.countProperty().get());
        assertEquals(session.state().campaigns().stream().map(Campaign::campaignId).sorted().toList(), accounts.campaignChoices());
        assertEquals(List.of(""), accounts.tagChoices(), "no tags yet: only \"any tag\" to choose");
    }

    @Test
    void eachFilterKeepsExactlyTheAccountsItNames() {
        long flagged = session.state().run().orElseThrow().flagged();
        accounts.onlyFlaggedProperty().set(true);
        assertEquals(flagged, shown().size());
        assertTrue(shown().stream().allMatch(AccountRow::flagged));
        accounts.clearFilters();

        Campaign campaign = session.state().campaigns().get(0);
        accounts.campaignProperty().set(campaign.campaignId());
        assertEquals(campaign.size(), shown().size());
        assertTrue(shown().stream().allMatch(a -> a.campaignId() == campaign.campaignId()));
        accounts.clearFilters();

        // the state lists the riskiest first: a range from the 30th to the 5th riskiest holds those 26 (ties aside)
        double low = session.state().accounts().get(29).riskScore();
        double high = session.state().accounts().get(4).riskScore();
        accounts.minRiskProperty().set(low);
        accounts.maxRiskProperty().set(high);
        assertTrue(shown().size() >= 26, shown().size() + " accounts in [" + low + ", " + high + "]");
        assertTrue(shown().stream().allMatch(a -> a.riskScore() >= low && a.riskScore() <= high));
        assertEquals(session.state().accounts().stream().filter(a -> a.scored() && a.riskScore() >= low && a.riskScore() <= high).count(),
                shown().size());
        accounts.clearFilters();

        String id = session.state().accounts().get(7).accountId();
        accounts.textProperty().set("  " + id.toUpperCase() + " ");
        assertEquals(List.of(id), shown().stream().map(AccountRow::accountId).toList(), "free text matches ids case-blind");
        accounts.clearFilters();

        String country = session.state().accounts().stream().flatMap(a -> a.countries().stream()).findFirst().orElseThrow();
        accounts.countryProperty().set(country.toLowerCase());
        assertFalse(shown().isEmpty());
        assertTrue(shown().stream().allMatch(a -> a.countries().contains(country)));
        accounts.onlyFlaggedProperty().set(true);
        assertTrue(shown().stream().allMatch(a -> a.flagged() && a.countries().contains(country)), "filters combine");
        accounts.clearFilters();
        assertEquals(400, shown().size());
    }

    @Test
    void theSelectionIsTheSessionsAndCanBeShownAlone() {
        List<AccountRow> picked = session.state().accounts().subList(10, 13);
        accounts.select(picked);
        assertEquals(Set.of(picked.get(0).accountId(), picked.get(1).accountId(), picked.get(2).accountId()),
                session.selectedAccountsProperty().get());
        assertTrue(accounts.countProperty().get().endsWith("3 selected"), accounts.countProperty().get());
        accounts.onlySelectedProperty().set(true);
        assertEquals(3, shown().size());
        session.selectedAccountsProperty().set(Set.of(picked.get(0).accountId()));
        assertEquals(List.of(picked.get(0)), shown(), "a selection made elsewhere refilters");
    }

    @Test
    void taggingTheSelectionIsAuditedAndTheTagBecomesAFilter() throws Exception {
        List<AccountRow> picked = session.state().accounts().subList(0, 2);
        accounts.select(picked);
        accounts.tagSelection("escalated", false);
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(accounts.tagChoices().contains("escalated"), accounts.tagChoices().toString());
        accounts.tagProperty().set("escalated");
        assertEquals(Set.of(picked.get(0).accountId(), picked.get(1).accountId()),
                Set.copyOf(shown().stream().map(AccountRow::accountId).toList()));
        assertTrue(shown().stream().allMatch(a -> a.tags().contains("escalated")));
        assertTrue(GeneratedCase.auditTrail(path).stream().anyMatch(e -> e.startsWith("tag") && e.contains("escalated")),
                GeneratedCase.auditTrail(path).toString());

        accounts.tagSelection("escalated", true);
        assertTrue(shown().isEmpty(), "untagged accounts leave the tag filter");
    }

    @Test
    void theVerdictFilterSeparatesDecidedAccountsFromUndecidedOnes() throws Exception {
        String decided = session.state().accounts().get(3).accountId();
        try (CaseFile caseFile = CaseFile.openExisting(path)) {
            new CaseWork(caseFile).recordVerdict(CaseWork.Subject.account(decided), CaseWork.Decision.ABUSIVE, "shared card");
        }
        session.caseWorkChanged();
        accounts.verdictProperty().set(CaseWork.Decision.ABUSIVE.word());
        assertEquals(List.of(decided), shown().stream().map(AccountRow::accountId).toList());
        accounts.verdictProperty().set(AccountsViewModel.NO_VERDICT);
        assertEquals(399, shown().size());
        assertTrue(shown().stream().noneMatch(a -> a.accountId().equals(decided)));
    }

    @Test
    void sortingFollowsTheTablesComparatorOverTheFilteredRows() {
        accounts.onlyFlaggedProperty().set(true);
        accounts.orderProperty().set(Comparator.comparingLong(AccountRow::events));
        List<AccountRow> rows = shown();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).events() <= rows.get(i).events(), "ascending by requests at " + i);
        }
        assertTrue(rows.stream().allMatch(AccountRow::flagged), "sorting keeps the filter");
        accounts.orderProperty().set(null);
        assertEquals(session.state().accounts().stream().filter(AccountRow::flagged).toList(), shown(),
                "no sort: the run's order, riskiest first");
    }

    @Test
    void openingAnAccountFocusesItAndShowsItsPage() {
        String id = session.state().accounts().get(0).accountId();
        accounts.openAccount(id);
        assertEquals(id, session.focusedAccountProperty().get());
        assertEquals(Screens.ACCOUNT, session.screenProperty().get());
    }
}

package dev.quarry.ui.campaign;

import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.RunReader;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.GeneratedCase;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.task.BackgroundTask;
import dev.quarry.ui.task.RunningTask;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import dev.quarry.ui.task.TaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignViewModelTest {

    @TempDir
    Path dir;
    Path path;
    CaseSession session;
    CampaignViewModel page;
    Campaign campaign;
    final List<UserError> errors = new ArrayList<>();
    final List<String> tasks = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        path = GeneratedCase.copy(dir, "case.quarry");
        SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
        session = new CaseSession(new TaskExecutor() {
            @Override
            public <T> RunningTask execute(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                tasks.add(title);
                return executor.execute(title, task, onSuccess, onFailure);
            }
        });
        session.onError(errors::add);
        page = new CampaignViewModel(session);
        session.open(path);
        campaign = session.state().campaigns().get(0);
    }

    @Test
    void withoutAChosenCampaignThePageAsksForOne() {
        assertEquals("Choose a campaign.", page.headingProperty().get());
        assertTrue(page.members().isEmpty());
        assertEquals(session.state().campaigns().size(), page.campaigns().size());
    }

    @Test
    void theChosenCampaignShowsItsMembersAndEvidence() throws Exception {
        page.choose(campaign.campaignId());
        assertTrue(page.headingProperty().get().startsWith("Campaign " + campaign.campaignId() + " of run 1 · "
                + campaign.size() + " accounts"), page.headingProperty().get());
        assertEquals(campaign.size(), page.members().size());
        assertTrue(page.members().stream().allMatch(m -> m.campaignId() == campaign.campaignId() && m.flagged()));
        assertEquals(campaign.label(), page.evidence().get(0));
        assertEquals("Signals: " + String.join(", ", campaign.signalNames()), page.evidence().get(1));
        assertEquals("No verdict yet.", page.verdictProperty().get());
        assertEquals(campaign.size(), page.memberReasonsProperty().get().size(), "every member has its reasons");
        try (CaseFile caseFile = CaseFile.openExisting(path)) {
            RunReader reader = new RunReader(caseFile);
            for (var member : page.members()) {
                assertEquals(reader.account(1, member.accountId()).reasons(), page.memberReasonsProperty().get().get(member.accountId()),
                        member.accountId());
            }
        }
    }

    @Test
    void aNoteAloneAppearsAtOnce() {
        page.choose(campaign.campaignId());
        page.addNote("asked the billing team for the card's owner");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(1, page.notes().size());
        assertTrue(page.notes().get(0).endsWith(": asked the billing team for the card's owner"), page.notes().get(0));
    }

    @Test
    void aVerdictOrANoteReadsTheNotesOnceAndTheMembersReasonsNotAgain() {
        page.choose(campaign.campaignId());
        tasks.clear();
        page.recordVerdict(CaseWork.Decision.LEGITIMATE, "a lab running a public benchmark");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(1, tasks.stream().filter(t -> t.startsWith("Reading notes of campaign ")).count(), tasks.toString());
        assertTrue(tasks.stream().noneMatch(t -> t.startsWith("Reading the reasons")), tasks.toString());
        assertEquals(campaign.size(), page.memberReasonsProperty().get().size(), "the reasons read before stay");
        tasks.clear();
        page.addNote("confirmed with the lab");
        assertEquals(1, tasks.stream().filter(t -> t.startsWith("Reading notes of campaign ")).count(), tasks.toString());
        assertEquals(1, page.notes().size());
    }

    @Test
    void aVerdictNoteAndTagAreAuditedAndTheVerdictIsCarriedToTheNextRun() throws Exception {
        page.choose(campaign.campaignId());
        page.recordVerdict(CaseWork.Decision.ABUSIVE, "one operator, shared cards");
        page.addNote("escalated to the abuse desk");
        page.tagMembers("wave-1");
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(page.verdictProperty().get().startsWith("Verdict: abusive — by "), page.verdictProperty().get());
        assertTrue(page.verdictProperty().get().endsWith(": one operator, shared cards"), page.verdictProperty().get());
        assertEquals(1, page.notes().size());
        assertTrue(page.notes().get(0).endsWith(": escalated to the abuse desk"), page.notes().get(0));
        assertTrue(page.members().stream().allMatch(m -> m.tags().contains("wave-1")), "every member is tagged");
        List<String> audit = GeneratedCase.auditTrail(path);
        String subject = "campaign " + campaign.campaignId() + " of run 1";
        assertTrue(audit.stream().anyMatch(e -> e.startsWith("verdict: " + subject + ": abusive")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.startsWith("note: " + subject)), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.startsWith("tag: 'wave-1'")), audit.toString());

        Set<String> members = Set.copyOf(page.members().stream().map(AccountRow::accountId).toList());
        session.analyse(path, 99);
        assertEquals(2L, session.shownRunProperty().get());
        Campaign successor = session.state().campaigns().stream()
                .filter(c -> session.state().accounts().stream().filter(a -> a.campaignId() != null && a.campaignId() == c.campaignId())
                        .map(AccountRow::accountId).toList().containsAll(members))
                .findFirst().orElseThrow(() -> new AssertionError("run 2 finds the same campaign"));
        page.choose(successor.campaignId());
        String verdict = page.verdictProperty().get();
        assertTrue(verdict.startsWith("Verdict: abusive (carried from run 1) — by "), verdict);
        assertTrue(verdict.contains("(recorded on campaign " + campaign.campaignId() + " of run 1, "), verdict);
        assertTrue(page.notes().get(0).endsWith("(on run 1): escalated to the abuse desk"), page.notes().get(0));
        assertTrue(page.members().stream().allMatch(m -> m.tags().contains("wave-1")), "tags are on accounts and outlive the run");
    }

    @Test
    void selectingTheMembersSelectsThemEverywhereAndShowsTheAccounts() {
        page.choose(campaign.campaignId());
        page.selectMembers();
        assertEquals(campaign.size(), session.selectedAccountsProperty().get().size());
        assertEquals(Screens.ACCOUNTS, session.screenProperty().get());
        String member = page.members().get(0).accountId();
        page.openMember(member);
        assertEquals(member, session.focusedAccountProperty().get());
        assertEquals(Screens.ACCOUNT, session.screenProperty().get());
    }
}

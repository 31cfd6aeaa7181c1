package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.store.CaseWork.Decision;
import dev.quarry.store.CaseWork.Subject;
import dev.quarry.store.CaseWork.Verdict;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verdict", mixinStandardHelpOptions = true,
        description = {"Record an analyst's verdict on an account or a campaign of CASE (audit-logged), or list them.",
                "An account's verdict holds for every run. A campaign's is recorded for its run (--run, default the "
                        + "latest) and carried to a later run's campaign with at least 90%% of the same members.",
                "Verdicts are never overwritten: the latest is the current one, and --list shows it."})
final class VerdictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "the case file")
    Path casePath;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--account", paramLabel = "ID", required = true, description = "the account decided on")
        String account;

        @Option(names = "--campaign", paramLabel = "ID", required = true, description = "the campaign decided on")
        Integer campaign;

        @Option(names = "--list", required = true,
                description = "list the current verdicts: every account's, and each campaign's of the run (--run, default the latest)")
        boolean list;
    }

    @Option(names = "--run", paramLabel = "N", description = "the run of the campaign (default: the latest)")
    Long run;

    @Option(names = "--decision", paramLabel = "DECISION", description = "abusive, legitimate or undecided (needs review)")
    String decision;

    @Option(names = "--comment", paramLabel = "TEXT", description = "why, in the analyst's words")
    String comment;

    @Override
    public Integer call() throws Exception {
        try (CaseFile caseFile = CaseArgument.openExisting(casePath)) {
            CaseWork work = new CaseWork(caseFile);
            if (target.list) {
                list(caseFile, work);
                return 0;
            }
            if (decision == null) {
                throw new IllegalArgumentException("say the decision with --decision abusive|legitimate|undecided");
            }
            Subject subject = target.account != null ? Subject.account(target.account)
                    : CaseSubjectOptions.campaign(caseFile, target.campaign, run);
            Verdict verdict = work.recordVerdict(subject, Decision.fromWord(decision), comment);
            System.out.printf(Locale.ROOT, "recorded: %s is %s (by %s at %s)%n", subject.describe(),
                    verdict.decision().word(), verdict.author(), verdict.decidedAt());
            return 0;
        }
    }

    private void list(CaseFile caseFile, CaseWork work) throws Exception {
        Map<String, Verdict> accounts = work.accountVerdicts();
        for (Verdict verdict : accounts.values()) {
            print(verdict);
        }
        int campaigns = 0;
        if (run != null || new RunStore(caseFile).latest().isPresent()) {
            long runId = CaseSubjectOptions.runOrLatest(caseFile, run);
            for (Verdict verdict : work.campaignVerdicts(runId).values()) {
                print(verdict);
                campaigns++;
            }
        }
        if (accounts.isEmpty() && campaigns == 0) {
            System.out.println("no verdicts recorded in " + casePath);
        }
    }

    private static void print(Verdict verdict) {
        String carried = verdict.carried() ? String.format(Locale.ROOT, " [carried from campaign %d of run %d, %.0f%% same members]",
                verdict.carriedFrom().campaignId(), verdict.carriedFrom().runId(), 100 * verdict.carriedFrom().overlap()) : "";
        System.out.printf(Locale.ROOT, "%-10s %-28s by %s at %s%s%s%n", verdict.decision().word(),
                verdict.subject().describe(), verdict.author(), verdict.decidedAt(), carried,
                verdict.comment() == null ? "" : ": " + CaseSubjectOptions.oneLine(verdict.comment()));
    }
}

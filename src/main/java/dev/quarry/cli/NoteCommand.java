package dev.quarry.cli;

import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.store.CaseWork.Note;
import dev.quarry.store.CaseWork.Subject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Add a note (audit-logged) to an account, a campaign of a run, or the whole case; --list lists every note, oldest first.")
final class NoteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "the case file")
    Path casePath;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--account", paramLabel = "ID", required = true, description = "a note on this account")
        String account;

        @Option(names = "--campaign", paramLabel = "ID", required = true, description = "a note on this campaign")
        Integer campaign;

        @Option(names = "--case", required = true, description = "a note on the case as a whole")
        boolean wholeCase;

        @Option(names = "--list", required = true, description = "list every note of the case")
        boolean list;
    }

    @Option(names = "--run", paramLabel = "N", description = "the run of the campaign (default: the latest)")
    Long run;

    @Option(names = "--text", paramLabel = "TEXT", description = "the note")
    String text;

    @Override
    public Integer call() throws Exception {
        try (CaseFile caseFile = CaseArgument.openExisting(casePath)) {
            CaseWork work = new CaseWork(caseFile);
            if (target.list) {
                List<Note> notes = work.notes();
                if (notes.isEmpty()) {
                    System.out.println("no notes in " + casePath);
                }
                for (Note note : notes) {
                    System.out.printf(Locale.ROOT, "%s  %-28s by %s: %s%n", note.createdAt(), note.subject().describe(),
                            note.author(), CaseSubjectOptions.oneLine(note.text()));
                }
                return 0;
            }
            if (text == null) {
                throw new IllegalArgumentException("give the note with --text TEXT");
            }
            Subject subject = target.wholeCase ? Subject.wholeCase()
                    : target.account != null ? Subject.account(target.account)
                    : CaseSubjectOptions.campaign(caseFile, target.campaign, run);
            Note note = work.addNote(subject, text);
            System.out.printf(Locale.ROOT, "note %d added to %s%n", note.noteId(), subject.describe());
            return 0;
        }
    }
}

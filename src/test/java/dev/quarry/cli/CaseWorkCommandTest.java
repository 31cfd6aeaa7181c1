package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseWorkCommandTest {

    @TempDir
    Path dir;
    Path casePath;
    @RegisterExtension
    final QuarryConsole console = new QuarryConsole();

    @BeforeEach
    void analysedCase() throws Exception {
        casePath = dir.resolve("case.quarry");
        try (CaseFile caseFile = CaseFile.open(casePath)) {
            SmallCase.populate(caseFile, dir);
            new RunStore(caseFile).save(SmallCase.result(7, 0.0), Instant.parse("2026-03-01T10:00:00Z"),
                    Instant.parse("2026-03-01T10:01:00Z"), ProgressListener.NONE);
        }
    }

    private void reanalyse() throws Exception {
        try (CaseFile caseFile = CaseFile.open(casePath)) {
            new RunStore(caseFile).save(SmallCase.result(8, 0.5), Instant.parse("2026-03-02T10:00:00Z"),
                    Instant.parse("2026-03-02T10:01:00Z"), ProgressListener.NONE);
        }
    }

    private String ok(String... args) {
        int status = console.run(args);
        assertEquals(0, status, String.join(" ", args) + " failed: " + console.err());
        return console.out();
    }

    private static Map<String, CSVRecord> csv(Path file, String key) throws Exception {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords().stream().collect(Collectors.toMap(r -> r.get(key), Function.identity()));
        }
    }

    @Test
    void runsListsEachRunWithSeedAndFindings() throws Exception {
        reanalyse();
        String out = ok("runs", casePath.toString());
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(1).matches("\\s+1\\s+2026-03-01T10:01:00Z\\s+7\\s+\\S+\\s+3\\s+2\\s+1"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+2\\s+2026-03-02T10:01:00Z\\s+8\\s+\\S+\\s+3\\s+2\\s+1"), lines.get(2));
    }

    @Test
    void verdictsAndTagsAppearInTheCsvExportAndACampaignVerdictIsCarriedToTheNextRun() throws Exception {
        ok("verdict", casePath.toString(), "--campaign", "1", "--decision", "abusive", "--comment", "card farm");
        ok("verdict", casePath.toString(), "--account", SmallCase.QUIET_ACCOUNT, "--decision", "legitimate");
        ok("tag", casePath.toString(), "--account", SmallCase.QUIET_ACCOUNT, "--account", SmallCase.PLUS_ACCOUNT,
                "--tag", "escalated");
        ok("tag", casePath.toString(), "--account", SmallCase.PLUS_ACCOUNT, "--tag", "=card farm");
        reanalyse();

        String list = ok("verdict", casePath.toString(), "--list");
        assertTrue(list.contains("legitimate account acct-quiet"), list);
        assertTrue(list.contains("abusive    campaign 1 of run 2"), list);
        assertTrue(list.contains("[carried from campaign 1 of run 1, 100% same members]: card farm"), list);

        Path packet = dir.resolve("packet");
        ok("export", casePath.toString(), "--csv", packet.toString());
        Map<String, CSVRecord> accounts = csv(packet.resolve("accounts.csv"), "account_id");
        assertEquals("legitimate", accounts.get(SmallCase.QUIET_ACCOUNT).get("verdict"));
        assertEquals("escalated", accounts.get(SmallCase.QUIET_ACCOUNT).get("tags"));
        assertEquals("'=card farm|escalated", accounts.get("'" + SmallCase.PLUS_ACCOUNT).get("tags"),
                "a tag that reads as a formula is neutralized");
        assertEquals("", accounts.get(SmallCase.NO_EVENTS_ACCOUNT).get("verdict"));
        CSVRecord campaign = csv(packet.resolve("campaigns.csv"), "campaign_id").get("1");
        assertEquals("abusive", campaign.get("verdict"));
        assertEquals("1", campaign.get("verdict_carried_from_run"));
    }

    @Test
    void notesAreAddedToEachKindOfSubjectAndListed() {
        ok("note", casePath.toString(), "--case", "--text", "from the abuse desk");
        ok("note", casePath.toString(), "--campaign", "1", "--run", "1", "--text", "same BIN as January");
        ok("note", casePath.toString(), "--account", SmallCase.QUIET_ACCOUNT, "--text", "line one\nline two");
        String out = ok("note", casePath.toString(), "--list");
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).endsWith("the case                     by " + System.getProperty("user.name")
                + ": from the abuse desk"), lines.get(0));
        assertTrue(lines.get(1).contains("campaign 1 of run 1"), lines.get(1));
        assertTrue(lines.get(2).endsWith(": line one line two"), "a note's newline stays on one listing line: " + lines.get(2));
    }

    @Test
    void tagRemoveAndList() {
        ok("tag", casePath.toString(), "--account", SmallCase.QUIET_ACCOUNT + "," + SmallCase.PLUS_ACCOUNT, "--tag", "escalated");
        String removed = ok("tag", casePath.toString(), "--account", SmallCase.QUIET_ACCOUNT, "--tag", "escalated", "--remove");
        assertEquals("tag 'escalated' removed from 1 of 1 account(s)\n", removed);
        assertEquals(List.of(SmallCase.PLUS_ACCOUNT + " escalated"),
                ok("tag", casePath.toString(), "--list").lines().map(l -> l.replaceAll(" +", " ")).toList());
    }

    @Test
    void aVerdictOnAnUnknownAccountOrRunFailsWithOneLine() {
        assertEquals(OneLineErrors.FAILED, console.run("verdict", casePath.toString(), "--account", "nobody",
                "--decision", "abusive"));
        assertEquals("quarry verdict: the case has no account nobody\n", console.err());
        assertEquals(OneLineErrors.FAILED, console.run("verdict", casePath.toString(), "--campaign", "1", "--run", "9",
                "--decision", "abusive"));
        assertTrue(console.err().startsWith("quarry verdict: case " + casePath + " has no analysis run 9;"), console.err());
        assertEquals(OneLineErrors.FAILED, console.run("verdict", casePath.toString(), "--account", SmallCase.QUIET_ACCOUNT,
                "--decision", "guilty"));
        assertEquals("quarry verdict: unknown decision 'guilty': use abusive, legitimate or undecided\n", console.err());
    }

    @Test
    void caseWorkCommandsDoNotCreateAMissingCase() {
        Path missing = dir.resolve("missing.quarry");
        assertEquals(OneLineErrors.FAILED, console.run("note", missing.toString(), "--case", "--text", "x"));
        assertTrue(console.err().contains("not found"), console.err());
        assertTrue(Files.notExists(missing));
    }
}

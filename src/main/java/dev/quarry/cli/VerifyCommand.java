package dev.quarry.cli;

import dev.quarry.export.PacketVerifier;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseIntegrity;
import dev.quarry.store.IntegrityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check evidence for tampering.",
                "For a case file: the audit log's hash chain and sequence numbers (naming the first broken entry), "
                        + "and the sha256 of each imported source still at its recorded path.",
                "For an exported packet directory: the manifest's digest over its own fields, and each file's "
                        + "sha256 against the manifest.",
                "CASE --against DIR: both, and that the case's log still holds the head the packet recorded "
                        + "(a chain alone cannot show entries cut from its end) and the export entry that made it.",
                "Exit status: 0 all intact, 2 something differs, 1 could not check."})
final class VerifyCommand implements Callable<Integer> {

    static final int DIFFERS = 2;

    @Parameters(index = "0", paramLabel = "CASE|DIR", description = "a case file or an exported packet directory")
    Path path;

    @Option(names = "--against", paramLabel = "DIR", description = "a CSV packet exported from CASE, to check the case against")
    Path against;

    @Override
    public Integer call() throws Exception {
        IntegrityReport report;
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " not found; give a case file or an exported packet directory");
        }
        if (Files.isDirectory(path)) {
            if (against != null) {
                throw new IllegalArgumentException("--against checks a case file against a packet: give the case "
                        + "first (quarry verify CASE --against " + against + "), not the directory " + path);
            }
            report = PacketVerifier.verify(path);
        } else {
            if (against != null && !Files.isDirectory(against)) {
                throw new IllegalArgumentException("--against " + against + ": not a directory; give the directory of "
                        + "a CSV packet exported from " + path);
            }
            try (CaseFile caseFile = CaseArgument.openExisting(path)) {
                report = against == null ? CaseIntegrity.check(caseFile) : PacketVerifier.verifyAgainst(caseFile, against);
            }
        }
        report.intact().forEach(line -> System.out.println("ok       " + line));
        report.notes().forEach(line -> System.out.println("note     " + line));
        report.differences().forEach(line -> System.out.println("DIFFERS  " + line));
        if (report.ok()) {
            System.out.println("OK: " + path + (against == null ? " is intact" : " and " + against + " are intact"));
            return 0;
        }
        System.out.println("MISMATCH: " + report.differences().size() + " difference(s) in " + path
                + (against == null ? "" : " against " + against));
        return DIFFERS;
    }
}

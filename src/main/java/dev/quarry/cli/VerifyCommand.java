package dev.quarry.cli;

import dev.quarry.export.PacketVerifier;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseIntegrity;
import dev.quarry.store.IntegrityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check evidence for tampering.",
                "For a case file: the audit log's hash chain, and the sha256 of each imported source still at "
                        + "its recorded path.",
                "For an exported packet directory: each file's sha256 against manifest.json.",
                "Exit status: 0 all intact, 2 something differs, 1 could not check."})
final class VerifyCommand implements Callable<Integer> {

    static final int DIFFERS = 2;

    @Parameters(index = "0", paramLabel = "CASE|DIR", description = "a case file or an exported packet directory")
    Path path;

    @Override
    public Integer call() throws Exception {
        IntegrityReport report;
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " not found; give a case file or an exported packet directory");
        }
        if (Files.isDirectory(path)) {
            report = PacketVerifier.verify(path);
        } else {
            try (CaseFile caseFile = CaseArgument.openExisting(path)) {
                report = CaseIntegrity.check(caseFile);
            }
        }
        report.intact().forEach(line -> System.out.println("ok       " + line));
        report.notes().forEach(line -> System.out.println("note     " + line));
        report.differences().forEach(line -> System.out.println("DIFFERS  " + line));
        if (report.ok()) {
            System.out.println("OK: " + path + " is intact");
            return 0;
        }
        System.out.println("MISMATCH: " + report.differences().size() + " difference(s) in " + path);
        return DIFFERS;
    }
}

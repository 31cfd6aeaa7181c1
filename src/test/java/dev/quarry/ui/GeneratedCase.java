package dev.quarry.ui;

import dev.quarry.analysis.SampleCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratorOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small generated, analysed case for the workbench tests (400 accounts, 7 days, planted campaigns),
 * built once per test run; each test gets its own copy so the case work it records stays its own.
 */
public final class GeneratedCase {

    private static Path built;
    private static Path extract;

    private GeneratedCase() {
    }

    private static synchronized Path master() throws Exception {
        if (built == null) {
            Path dir = Files.createTempDirectory("quarry-ui-case");
            extract = Files.createDirectories(dir.resolve("extract"));
            ExtractGenerator.generate(extract, GeneratorOptions.defaults(400, 7, 11), ProgressListener.NONE);
            built = SampleCase.build(extract, dir.resolve("master.quarry"), ProgressListener.NONE);
            dir.toFile().deleteOnExit();
        }
        return built;
    }

    /** A fresh copy of the analysed case at {@code dir/name}. */
    public static Path copy(Path dir, String name) throws Exception {
        Path target = dir.resolve(name);
        Files.copy(master(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The audit log of a case, oldest first, each entry as "action: detail". */
    public static List<String> auditTrail(Path casePath) throws Exception {
        List<String> entries = new ArrayList<>();
        try (CaseFile caseFile = CaseFile.openExisting(casePath);
             Statement statement = caseFile.connection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT action, detail FROM audit_log ORDER BY audit_id")) {
            while (rows.next()) {
                entries.add(rows.getString(1) + ": " + rows.getString(2));
            }
        }
        return entries;
    }

    /** The extract files the case was made from (events and accounts). */
    public static Path extractDirectory() throws Exception {
        master();
        return extract;
    }

}

package dev.quarry.analysis;

import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.Importer;
import dev.quarry.ingest.IngestException;
import dev.quarry.model.AppDirectories;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample extract that ships in {@code datasets/sample}: where to find it (next to the working
 * directory in a checkout, or next to the jar in an installation) and which of its files are data.
 */
public final class SampleCase {
    private SampleCase() {
    }

    public static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("quarry.sample");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("datasets", "sample"));
        try {
            Path jarDir = Path.of(SampleCase.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            if (jarDir != null) {
                candidates.add(jarDir.resolve("datasets").resolve("sample"));
                if (jarDir.getParent() != null) {
                    candidates.add(jarDir.getParent().resolve("datasets").resolve("sample"));
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // running from somewhere without a code source: only the other candidates apply
        }
        return candidates.stream().filter(Files::isDirectory).findFirst().map(Path::toAbsolutePath);
    }

    /** The extract files to import, accounts first so events find their accounts; never the ground truth. */
    public static List<Path> dataFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".jsonl")
                                || name.endsWith(".jsonl.gz")) && !name.startsWith("truth");
                    })
                    .sorted(Comparator.comparing((Path file) -> !isAccounts(file)).thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }

    private static boolean isAccounts(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("accounts");
    }

    /** Where the workbench keeps the case it builds from the sample: in the user's Quarry data folder, never in the checkout. */
    public static Path defaultCasePath() {
        return AppDirectories.forCurrentUser().data().resolve("sample.quarry");
    }

    /**
     * Builds (or brings up to date) the case of the sample: imports the sample's files (a file
     * already in the case is skipped by its hash) and analyses the case when it has no run yet.
     * Shared by the workbench's "Open the sample" and anyone scripting a demo.
     */
    public static Path build(Path sampleDirectory, Path casePath, ProgressListener progress)
            throws IOException, IngestException, StoreException, AnalysisException {
        Files.createDirectories(casePath.toAbsolutePath().getParent());
        try (CaseFile caseFile = CaseFile.open(casePath)) {
            Importer importer = new Importer(caseFile);
            for (Path file : dataFiles(sampleDirectory)) {
                importer.importFile(file, ImportOptions.auto(), progress);
            }
            if (new RunStore(caseFile).latest().isEmpty()) {
                Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(1), progress);
            }
        }
        return casePath;
    }
}

package dev.quarry.ingest;

import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link AtomicImportTest}: imports a file with a tiny page cache (so SQLite
 * writes pages into the case file long before the commit) and prints each progress report, so the test
 * knows rows have been written before it kills this process.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        // a third argument "new" imports the way `quarry ingest` does into a case that does not exist yet
        Path casePath = Path.of(args[0]);
        try (CaseFile caseFile = args.length > 2 && args[2].equals("new") ? CaseFile.openForImport(casePath) : CaseFile.open(casePath)) {
            new Importer(caseFile, 1024, FingerprintSet::of).importFile(Path.of(args[1]), ImportOptions.auto(), new ProgressListener() {
                @Override
                public void progress(long done, long total, String message) {
                    System.out.println("progress " + message);
                    System.out.flush();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        }
        System.out.println("finished");
    }
}

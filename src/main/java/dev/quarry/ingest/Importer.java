package dev.quarry.ingest;

import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.model.QuarryVersion;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * Imports extract files into a case, one file per transaction: either all of a file's rows (accepted,
 * and rejected ones into {@code rejected_rows}) land together with its {@code sources} row, or nothing
 * does, even if the process is killed midway (the rollback journal undoes it when the case is next
 * opened). Into a new case opened with {@link CaseFile#openForImport} the first file is written without
 * a journal under a temporary name, and the case appears under its own name only once that file is in
 * (a failed import leaves no case). Reading runs on its own thread and hands validated batches to the
 * calling thread, which writes them to SQLite, so parsing and inserting use a core each.
 */
public final class Importer {

    /**
     * SQLite page cache for an import, in KiB: big enough to keep the request_id index in memory. A bulk
     * import, which drops the indexes, works with a small one instead (see {@link CaseWriter}).
     */
    static final int DEFAULT_CACHE_KIB = 256 * 1024;
    private static final int QUEUED_BATCHES = 4;

    private final CaseFile caseFile;
    private final int cacheKib;
    private final ToLongFunction<String> fingerprint;

    public Importer(CaseFile caseFile) {
        this(caseFile, DEFAULT_CACHE_KIB, FingerprintSet::of);
    }

    /**
     * For tests: a small page cache makes SQLite spill to the file mid-import; a weak fingerprint
     * function makes every id collide, to show duplicates are still settled exactly.
     */
    Importer(CaseFile caseFile, int cacheKib, ToLongFunction<String> fingerprint) {
        this.caseFile = caseFile;
        this.cacheKib = cacheKib;
        this.fingerprint = fingerprint;
    }

    /** Imports one file (plain or .gz) atomically: either all of it lands or nothing. */
    public ImportSummary importFile(Path file, ImportOptions options, ProgressListener progress) throws IngestException {
        MappingFile mapping = MappingFile.read(options.mappingFile());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IngestException(file + ": no such readable file; check the path");
        }
        Connection connection = caseFile.connection();
        try {
            long size = Files.size(file);
            if (sourceWithSizeExists(connection, size)) {
                ImportSummary earlier = earlierImport(connection, ExtractStream.sha256(file), file);
                if (earlier != null) {
                    return earlier;
                }
            }
            ImportSummary summary;
            try (ExtractStream input = ExtractStream.open(file)) {
                SourceFormat format = options.format() == SourceFormat.AUTO ? input.detectFormat(file) : options.format();
                summary = importInTransaction(connection, file, size, input, format, options.format() == SourceFormat.AUTO,
                        mapping, progress);
            }
            caseFile.publish();
            return summary;
        } catch (StoreException e) {
            throw new IngestException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IngestException(file + ": cannot be read: " + e.getMessage() + "; nothing was imported from it");
        } catch (SQLException e) {
            throw new IngestException(file + ": the case " + caseFile.path() + " could not be written: " + e.getMessage()
                    + "; nothing was imported from this file");
        }
    }

    private ImportSummary importInTransaction(Connection connection, Path file, long size, ExtractStream input,
                                              SourceFormat format, boolean detected, MappingFile mapping,
                                              ProgressListener progress) throws SQLException, IOException, IngestException {
        boolean foreignKeys;
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA cache_size = -" + cacheKib);
            // lets SQLite sort with a helper thread when it rebuilds indexes after a bulk import
            statement.execute("PRAGMA threads = 2");
            try (ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
                foreignKeys = rs.next() && rs.getInt(1) == 1;
            }
            // Every row written here references the sources row this import just inserted, so checking
            // that per row (a third of SQLite's work) proves nothing. The setting only changes outside
            // a transaction; it is restored below.
            statement.execute("PRAGMA foreign_keys = OFF");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        boolean committed = false;
        try {
            long sourceId = insertPendingSource(connection, file, size, format);
            ReadReport report;
            long accepted;
            long duplicate;
            long accountsCreated;
            long estimatedRows = estimatedRows(size, input.gzip());
            boolean bulk = isBulk(connection, estimatedRows);
            try (CaseWriter writer = new CaseWriter(connection, sourceId, bulk, cacheKib, fingerprint)) {
                FingerprintSet seenRequestIds = bulk ? writer.loadFingerprints(estimatedRows) : null;
                report = runPipeline(file, size, input, format, mapping, seenRequestIds, writer, progress);
                writer.finish(progress, file.getFileName().toString());
                accepted = writer.accepted();
                duplicate = writer.duplicate();
                accountsCreated = writer.accountsCreated();
            }
            String sha256 = input.sha256();
            ImportSummary earlier = earlierImport(connection, sha256, file);
            if (earlier != null) {
                return earlier;
            }
            List<String> notes = notes(report, format, detected, input.gzip(), accountsCreated);
            long rejected = report.rejected;
            if (report.read != accepted + duplicate + rejected) {
                throw new IllegalStateException("import of " + file + " lost rows: read " + report.read + ", accepted "
                        + accepted + ", duplicate " + duplicate + ", rejected " + rejected);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE sources SET sha256 = ?, kind = ?, rows_read = ?,"
                    + " rows_accepted = ?, rows_duplicate = ?, rows_rejected = ?, notes = ?, mapping = ? WHERE source_id = ?")) {
                update.setString(1, sha256);
                update.setString(2, report.kind.label);
                update.setLong(3, report.read);
                update.setLong(4, accepted);
                update.setLong(5, duplicate);
                update.setLong(6, rejected);
                update.setString(7, String.join("\n", notes));
                update.setString(8, mapping.json());
                update.setLong(9, sourceId);
                update.executeUpdate();
            }
            caseFile.audit("ingest", String.format(Locale.ROOT, "source %d %s sha256 %s: read %d, accepted %d, duplicate %d, rejected %d",
                    sourceId, file.toAbsolutePath(), sha256, report.read, accepted, duplicate, rejected));
            connection.commit();
            committed = true;
            return new ImportSummary(sourceId, file, format, report.kind.label, report.read, accepted, duplicate, rejected,
                    report.rejectedByReason, false, notes);
        } finally {
            if (!committed && caseFile.provisional()) {
                // a new case has no journal to roll back with: what this import wrote is thrown away whole
                discard();
            } else {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(autoCommit);
                if (foreignKeys) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("PRAGMA foreign_keys = ON");
                    }
                }
            }
        }
    }

    private void discard() throws SQLException {
        try {
            caseFile.discardProvisional();
        } catch (StoreException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** What the reading thread learned about the file, handed over when it ends. */
    private static final class ReadReport {
        RecordKind kind = RecordKind.EVENTS;
        long read;
        long rejected;
        Map<String, Long> rejectedByReason = Map.of();
        boolean zoneless;
        long blankLines;
        long derivedRequestIds;
        List<String> extraColumns = List.of();
        int headerColumns;
        Character delimiter;
    }

    private ReadReport runPipeline(Path file, long size, ExtractStream input, SourceFormat format, MappingFile mapping,
                                   FingerprintSet seenRequestIds, CaseWriter writer, ProgressListener progress) throws SQLException, IngestException, IOException {
        BlockingQueue<RowBatch> filled = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        BlockingQueue<RowBatch> empty = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
        RowAssembler.BatchSink sink = new RowAssembler.BatchSink() {
            private int created;

            @Override
            public RowBatch exchange(RowBatch full, RecordKind kind) throws InterruptedException {
                if (full != null) {
                    full.encodeText();
                    filled.put(full);
                }
                RowBatch next = empty.poll();
                if (next == null && created < QUEUED_BATCHES + 2) {
                    created++;
                    return new RowBatch(kind);
                }
                return next != null ? next : empty.take();
            }
        };
        ReadReport report = new ReadReport();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                read(file, input, format, mapping, seenRequestIds, sink, report);
            } catch (Throwable e) {
                failure.set(e);
                RowBatch end = new RowBatch(RecordKind.ACCOUNTS);
                end.last = true;
                filled.clear();
                filled.offer(end);
            }
        }, "quarry-ingest-reader");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        long rows = 0;
        try {
            while (true) {
                RowBatch batch;
                try {
                    batch = filled.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
                if (failure.get() != null) {
                    break;
                }
                progress.checkCancelled();
                writer.write(batch);
                rows += batch.size + batch.rejections.size();
                progress.progress(input.bytesRead(), size, String.format(Locale.ROOT, "%s: %,d rows", file.getFileName(), rows),
                        ProgressListener.BYTES);
                boolean last = batch.last;
                batch.clear();
                empty.offer(batch);
                if (last) {
                    break;
                }
            }
            finished = true;
        } finally {
            if (!finished) {
                reader.interrupt();
            }
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable error = failure.get();
        if (error instanceof IngestException) {
            throw (IngestException) error;
        } else if (error instanceof IOException) {
            throw (IOException) error;
        } else if (error instanceof RuntimeException) {
            throw (RuntimeException) error;
        } else if (error instanceof Error) {
            throw (Error) error;
        } else if (error != null) {
            throw new IllegalStateException(error);
        }
        return report;
    }

    /** The reading thread: picks the reader for the format and fills the report when it ends. */
    private static void read(Path file, ExtractStream input, SourceFormat format, MappingFile mapping,
                             FingerprintSet seenRequestIds, RowAssembler.BatchSink sink, ReadReport report) throws IOException, IngestException, InterruptedException {
        RowAssembler rows;
        if (format == SourceFormat.CSV) {
            CsvReader csv = new CsvReader(input.content());
            AtomicReference<RowAssembler> assembler = new AtomicReference<>();
            csv.read((names, delimiter) -> {
                RecordKind kind = ColumnResolver.detectKind(names, mapping);
                ColumnResolver resolver = new ColumnResolver(kind, mapping);
                List<String> extra = new ArrayList<>();
                for (String name : names) {
                    if (resolver.resolve(name) < 0) {
                        extra.add(name);
                    }
                }
                report.extraColumns = extra;
                report.headerColumns = names.size();
                report.delimiter = delimiter;
                assembler.set(new RowAssembler(resolver, sink, seenRequestIds));
                return assembler.get();
            }, file.toString());
            rows = assembler.get();
            report.blankLines = csv.blankLines();
        } else {
            RecordKind kind = format == SourceFormat.BEDROCK ? RecordKind.EVENTS
                    : mapping.kind() != null ? mapping.kind() : RecordKind.EVENTS;
            rows = new RowAssembler(new ColumnResolver(kind, mapping), sink, seenRequestIds);
            JsonLinesReader json = new JsonLinesReader(input.content(), format == SourceFormat.BEDROCK);
            json.read(rows);
            report.blankLines = json.blankLines();
        }
        report.kind = rows.kind();
        report.read = rows.read();
        report.rejected = rows.rejected();
        report.rejectedByReason = new LinkedHashMap<>(rows.rejectedByReason());
        report.zoneless = rows.sawZonelessTimestamps();
        report.derivedRequestIds = rows.derivedRequestIds();
    }

    private static List<String> notes(ReadReport report, SourceFormat format, boolean detected, boolean gzip, long accountsCreated) {
        List<String> notes = new ArrayList<>();
        String how = format == SourceFormat.BEDROCK ? "Amazon Bedrock invocation log" : format == SourceFormat.JSONL ? "JSON Lines" : "CSV";
        if (report.delimiter != null) {
            how += " delimited by " + (report.delimiter == '\t' ? "tab" : "'" + report.delimiter + "'");
        }
        notes.add("read as " + (gzip ? "gzip-compressed " : "") + how + (detected ? " (detected from the content)" : "")
                + ", holding " + report.kind.label);
        if (report.read == 0) {
            notes.add(report.headerColumns > 0 ? "the file holds no rows: only a header line"
                    : report.blankLines > 0 ? "the file holds no rows: only blank lines"
                    : "the file holds no rows: it is empty (or holds only a byte-order mark)");
        }
        if (report.zoneless) {
            notes.add("timestamps without a time zone were read as UTC");
        }
        if (report.derivedRequestIds > 0) {
            notes.add(String.format(Locale.ROOT, "%,d rows had no request_id: derived one from the row's content, "
                    + "so the same row imported again counts as a duplicate", report.derivedRequestIds));
        }
        if (!report.extraColumns.isEmpty()) {
            notes.add(extraColumnsNote(report.extraColumns));
        }
        if (report.blankLines > 0) {
            notes.add(String.format(Locale.ROOT, "%,d blank lines skipped", report.blankLines));
        }
        if (accountsCreated > 0) {
            notes.add(String.format(Locale.ROOT, "%,d accounts seen only in events were added to accounts "
                    + "(attributes unknown until an accounts file is imported)", accountsCreated));
        }
        return notes;
    }

    /** Column names shown in an import note; a wide file's full list is in every row's {@code extra} anyway. */
    static final int NOTE_COLUMNS = 20;
    private static final int NOTE_NAME_CHARS = 80;

    static String extraColumnsNote(List<String> columns) {
        StringBuilder note = new StringBuilder(columns.size() > NOTE_COLUMNS
                ? String.format(Locale.ROOT, "%,d columns kept in extra (no canonical field), the first %d: ", columns.size(), NOTE_COLUMNS)
                : "columns kept in extra (no canonical field): ");
        for (int i = 0; i < Math.min(NOTE_COLUMNS, columns.size()); i++) {
            String name = columns.get(i);
            note.append(i == 0 ? "" : ", ").append(name.codePointCount(0, name.length()) > NOTE_NAME_CHARS
                    ? name.substring(0, name.offsetByCodePoints(0, NOTE_NAME_CHARS)) + "…" : name);
        }
        if (columns.size() > NOTE_COLUMNS) {
            note.append(String.format(Locale.ROOT, " and %,d more", columns.size() - NOTE_COLUMNS));
        }
        return note.toString();
    }

    private static long insertPendingSource(Connection connection, Path file, long size, SourceFormat format) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sources(path, sha256, bytes, format, kind,"
                + " imported_at, rows_read, rows_accepted, rows_duplicate, rows_rejected, quarry_version)"
                + " VALUES (?, ?, ?, ?, 'events', ?, 0, 0, 0, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, file.toAbsolutePath().toString());
            insert.setString(2, "pending-" + UUID.randomUUID());
            insert.setLong(3, size);
            insert.setString(4, format.label());
            insert.setString(5, Instant.now().toString());
            insert.setString(6, QuarryVersion.VERSION);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A rough row count from the file size (a few hundred bytes a row; gzip shrinks text about fivefold). */
    private static long estimatedRows(long size, boolean gzip) {
        return (gzip ? size * 5 : size) / 300;
    }

    /**
     * Whether the file probably holds at least as many rows as the case already has events, so that
     * rebuilding the events indexes once beats updating them row by row (see {@link CaseWriter}).
     */
    private static boolean isBulk(Connection connection, long estimatedRows) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM events")) {
            return !rs.next() || rs.getLong(1) <= estimatedRows;
        }
    }

    private static boolean sourceWithSizeExists(Connection connection, long size) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sources WHERE bytes = ?")) {
            query.setLong(1, size);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Rejected rows of an earlier import counted by the label their stored reason starts with. */
    private static Map<String, Long> rejectedByReason(Connection connection, long sourceId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT reason, count(*) FROM rejected_rows WHERE source_id = ? GROUP BY reason ORDER BY min(line)")) {
            query.setLong(1, sourceId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(1);
                    int detail = reason.indexOf(": ");
                    counts.merge(detail < 0 ? reason : reason.substring(0, detail), rs.getLong(2), Long::sum);
                }
            }
        }
        return counts;
    }

    /** The summary of an earlier import of a file with this content, or null. */
    private static ImportSummary earlierImport(Connection connection, String sha256, Path file) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT source_id, path, format, kind, imported_at,"
                + " rows_read, rows_accepted, rows_duplicate, rows_rejected FROM sources WHERE sha256 = ?")) {
            query.setString(1, sha256);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long sourceId = rs.getLong(1);
                String note = "already imported as source " + sourceId + " (" + rs.getString(2) + ", " + rs.getString(5)
                        + "): same SHA-256, nothing done; the counts are those of that import";
                return new ImportSummary(sourceId, file, SourceFormat.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        rs.getString(4), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rejectedByReason(connection, sourceId), true, List.of(note));
            }
        }
    }
}

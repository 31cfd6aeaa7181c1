package dev.quarry.ingest;

import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** A case in a temporary directory plus helpers to write extract files and read back what landed. */
final class IngestFixture implements AutoCloseable {

    final Path directory;
    final CaseFile caseFile;
    private int files;

    IngestFixture(Path directory) throws Exception {
        this.directory = directory;
        this.caseFile = CaseFile.open(directory.resolve("case.quarry"));
    }

    Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] content) throws IOException {
        Path file = directory.resolve((files++) + "-" + name);
        Files.write(file, content);
        return file;
    }

    Path writeGzip(String name, String content) throws IOException {
        Path file = directory.resolve((files++) + "-" + name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    ImportSummary importFile(Path file) throws IngestException {
        return importFile(file, ImportOptions.auto());
    }

    ImportSummary importFile(Path file, ImportOptions options) throws IngestException {
        return new Importer(caseFile).importFile(file, options, ProgressListener.NONE);
    }

    ImportSummary importText(String name, String content) throws Exception {
        return importFile(write(name, content));
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = caseFile.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row of the query, as text (null stays null). */
    List<String> strings(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = caseFile.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    String string(String sql, Object... parameters) throws SQLException {
        List<String> values = strings(sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() throws StoreException {
        caseFile.close();
    }
}

package dev.quarry.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * One extract file opened for a single streaming pass: its bytes are hashed (SHA-256 of the file as
 * stored, compressed or not) and counted for progress as they are read, and gzip is recognised by its
 * magic number whatever the file is called.
 */
final class ExtractStream implements Closeable {

    private static final int PEEK_BYTES = 64 * 1024;

    private final HashingInputStream raw;
    private final BufferedInputStream content;
    private final boolean gzip;

    private ExtractStream(HashingInputStream raw, BufferedInputStream content, boolean gzip) {
        this.raw = raw;
        this.content = content;
        this.gzip = gzip;
    }

    static ExtractStream open(Path file) throws IOException {
        HashingInputStream raw = new HashingInputStream(Files.newInputStream(file));
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        InputStream decoded = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        return new ExtractStream(raw, new BufferedInputStream(decoded, PEEK_BYTES), gzip);
    }

    InputStream content() {
        return content;
    }

    boolean gzip() {
        return gzip;
    }

    /** Bytes of the file read so far, for progress; safe to call from another thread. */
    long bytesRead() {
        return raw.count;
    }

    /** Reads whatever the parser left unread (a gzip trailer, trailing garbage) and returns the file's SHA-256. */
    String sha256() throws IOException {
        byte[] skip = new byte[1 << 16];
        while (raw.read(skip, 0, skip.length) >= 0) {
            // only hashing the rest
        }
        return HexFormat.of().formatHex(raw.digest.digest());
    }

    /** The format the content shows: JSON objects (Bedrock when the first looks like one) or else CSV. */
    SourceFormat detectFormat(Path file) throws IOException, IngestException {
        content.mark(PEEK_BYTES);
        byte[] head = content.readNBytes(PEEK_BYTES);
        content.reset();
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i == head.length) {
            return SourceFormat.CSV;
        }
        if (head[i] == '[') {
            throw new IngestException(file + ": holds a JSON array; Quarry reads JSON Lines (one object per line), "
                    + "e.g. convert with: jq -c '.[]' FILE > FILE.jsonl");
        }
        if (head[i] != '{') {
            return SourceFormat.CSV;
        }
        int end = i;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        try {
            JsonNode first = new ObjectMapper().readTree(new String(head, i, end - i, StandardCharsets.UTF_8));
            if (first != null && BedrockRecords.looksLikeBedrock(first)) {
                return SourceFormat.BEDROCK;
            }
        } catch (IOException firstLineIsNotWholeJson) {
            // a long or broken first line: still JSON Lines, its rows are validated one by one
        }
        return SourceFormat.JSONL;
    }

    /** SHA-256 of a whole file in one pass, for the already-imported check. */
    static String sha256(Path file) throws IOException {
        try (HashingInputStream in = new HashingInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[1 << 20];
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // hashing
            }
            return HexFormat.of().formatHex(in.digest.digest());
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    private static final class HashingInputStream extends FilterInputStream {
        final MessageDigest digest;
        volatile long count;

        HashingInputStream(InputStream in) {
            super(in);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 1 << 16)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }
    }
}

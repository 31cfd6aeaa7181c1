package dev.quarry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.store.AuditLog;
import dev.quarry.store.CaseIntegrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The manifest of a packet, and the digest that protects it: SHA-256 over the manifest's canonical
 * form (every field except the digest itself, object keys sorted, no whitespace, UTF-8). The file
 * hashes protect the data files; the digest protects the manifest, so an edit to any of its fields
 * (the run, a parameter, the audit head, a file's hash) shows. The digest is printed on the PDF cover
 * and recorded in the case's audit log, so a manifest rewritten with a fresh digest shows too.
 */
final class Manifest {

    static final String FILE = "manifest.json";
    static final String DIGEST = "manifest_digest";
    static final String DIGEST_RULE = "sha256 of this manifest without manifest_digest, as JSON with object keys "
            + "sorted, no whitespace, UTF-8";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Manifest() {
    }

    static ObjectNode create() {
        return JSON.createObjectNode();
    }

    /** Seals {@code manifest} with its digest and writes it; returns the digest. */
    static String write(ObjectNode manifest, Path file) throws IOException {
        manifest.remove(DIGEST);
        String digest = digest(manifest);
        ObjectNode seal = manifest.putObject(DIGEST);
        seal.put("algorithm", DIGEST_RULE);
        seal.put("sha256", digest);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), manifest);
        return digest;
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    static ObjectNode read(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not readable JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); the manifest was damaged, so the packet cannot be checked", e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IOException(file + " is not a Quarry manifest (not a JSON object)");
        }
        return object;
    }

    /** The digest the manifest's content has now, whatever it says about itself. */
    static String digest(JsonNode manifest) throws IOException {
        ObjectNode content = manifest.deepCopy();
        content.remove(DIGEST);
        Object canonical = JSON.treeToValue(content, Object.class);
        byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String recordedDigest(JsonNode manifest) {
        return manifest.path(DIGEST).path("sha256").asText("");
    }

    /** What the packet in {@code directory} recorded about its case, for {@code verify CASE --against DIR}. */
    static CaseIntegrity.PacketRecord packetRecord(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(directory + " has no " + FILE + "; give the directory of a CSV packet "
                    + "(quarry export CASE --csv DIR)");
        }
        ObjectNode manifest = read(file);
        JsonNode head = manifest.path("audit_head");
        if (!head.path("seq").canConvertToLong() || !head.path("hash").isTextual()) {
            throw new IOException(file + " records no audit head (seq and hash); it was written by a Quarry before "
                    + "0.2 or edited, so it cannot be checked against the case");
        }
        return new CaseIntegrity.PacketRecord("the packet " + directory,
                new AuditLog.Head(head.path("seq").asLong(), head.path("hash").asText()), recordedDigest(manifest));
    }
}

package dev.quarry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseIntegrity;
import dev.quarry.store.IntegrityReport;
import dev.quarry.store.Sha256;
import dev.quarry.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks an exported packet against its manifest: the manifest's own digest (an edit to any of its
 * fields), then every listed file present, same size, same sha256; and, given the case, that the
 * case still holds the audit head the packet recorded and the export entry that made it.
 */
public final class PacketVerifier {

    private PacketVerifier() {
    }

    public static IntegrityReport verify(Path directory) throws IOException {
        Path manifestFile = directory.resolve(CsvPacket.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(directory + " has no " + CsvPacket.MANIFEST + "; give the directory of a CSV packet "
                    + "(quarry export CASE --csv DIR)");
        }
        ObjectNode manifest = Manifest.read(manifestFile);
        List<String> intact = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String recorded = Manifest.recordedDigest(manifest);
        String actual = Manifest.digest(manifest);
        if (recorded.isEmpty()) {
            differences.add(CsvPacket.MANIFEST + ": carries no manifest_digest, so an edit to its fields cannot be "
                    + "ruled out (written by a Quarry before 0.2, or the digest was removed)");
        } else if (!recorded.equals(actual)) {
            differences.add(CsvPacket.MANIFEST + ": its content was edited: the digest over its fields is " + actual
                    + ", the manifest says " + recorded);
        } else {
            intact.add(CsvPacket.MANIFEST + ": digest over its content matches (" + recorded + ")");
        }
        JsonNode files = manifest.path("files");
        if (!files.isArray() || files.isEmpty()) {
            differences.add(CsvPacket.MANIFEST + " lists no files");
            files = manifest.arrayNode();
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : files) {
            String name = entry.path("name").asText();
            listed.add(name);
            Path file = directory.resolve(name).normalize();
            if (name.isEmpty() || file.getParent() == null || !file.getParent().equals(directory.normalize())) {
                // a manifest is itself untrusted input: it may only name files inside the packet
                differences.add("manifest lists \"" + name + "\", which is not a file of this packet");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                differences.add(name + ": missing");
                continue;
            }
            String expected = entry.path("sha256").asText();
            String sha256 = Sha256.of(file);
            long bytes = Files.size(file);
            if (!sha256.equals(expected)) {
                differences.add(name + ": its content changed: sha256 is " + sha256 + ", manifest says " + expected
                        + (bytes == entry.path("bytes").asLong() ? "" : " (size " + bytes + " bytes, manifest says "
                        + entry.path("bytes").asLong() + ")"));
            } else {
                intact.add(name + ": sha256 matches");
            }
        }
        try (Stream<Path> present = Files.list(directory)) {
            present.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(CsvPacket.MANIFEST) && !listed.contains(name))
                    .sorted()
                    .forEach(name -> notes.add(name + ": not covered by the manifest"));
        }
        return new IntegrityReport(intact, differences, notes);
    }

    /** {@code verify CASE --against DIR}: the case's own checks, the packet's, and that the two still agree. */
    public static IntegrityReport verifyAgainst(CaseFile caseFile, Path directory) throws IOException, StoreException {
        IntegrityReport packet = verify(directory);
        IntegrityReport kase = CaseIntegrity.check(caseFile, Manifest.packetRecord(directory));
        return new IntegrityReport(concat(kase.intact(), packet.intact()), concat(kase.differences(), packet.differences()),
                concat(kase.notes(), packet.notes()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

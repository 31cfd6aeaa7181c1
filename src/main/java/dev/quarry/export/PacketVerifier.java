package dev.quarry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.store.IntegrityReport;
import dev.quarry.store.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Checks an exported packet against its manifest: every listed file present, same size, same sha256. */
public final class PacketVerifier {

    private PacketVerifier() {
    }

    public static IntegrityReport verify(Path directory) throws IOException {
        Path manifestFile = directory.resolve(CsvPacket.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(directory + " has no " + CsvPacket.MANIFEST + "; is it an exported packet?");
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new IOException(manifestFile + " is not readable JSON: " + e.getMessage(), e);
        }
        JsonNode files = manifest.path("files");
        if (!files.isArray() || files.isEmpty()) {
            throw new IOException(manifestFile + " lists no files");
        }
        List<String> intact = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : files) {
            String name = entry.path("name").asText();
            listed.add(name);
            Path file = directory.resolve(name).normalize();
            if (name.isEmpty() || !file.getParent().equals(directory.normalize())) {
                // a manifest is itself untrusted input: it may only name files inside the packet
                differences.add("manifest lists \"" + name + "\", which is not a file of this packet");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                differences.add(name + ": missing");
                continue;
            }
            String expected = entry.path("sha256").asText();
            String actual = Sha256.of(file);
            long bytes = Files.size(file);
            if (!actual.equals(expected)) {
                differences.add(name + ": sha256 is " + actual + ", manifest says " + expected
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
}

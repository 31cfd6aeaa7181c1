package dev.quarry.export;

/** One file of a packet as its manifest lists it; {@code rows} counts data rows, without the header. */
public record ExportedFile(String name, String sha256, long bytes, long rows) {
}

package dev.quarry.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a case: that its audit log is an unbroken, gap-free hash chain (naming the first entry that
 * breaks it) and that each imported source file still where it was imported from has the bytes it
 * had then. Given what a packet recorded (the log's head and the packet's digest), it also checks that
 * the log still holds that head, which is what shows entries cut from the end of the log.
 */
public final class CaseIntegrity {

    private CaseIntegrity() {
    }

    /** What an exported packet recorded about the case it came from. */
    public record PacketRecord(String packet, AuditLog.Head head, String packetDigest) {
    }

    public static IntegrityReport check(CaseFile caseFile) throws StoreException {
        return check(caseFile, null);
    }

    /** As {@link #check(CaseFile)}, and when {@code packet} is given, that the case still holds what the packet recorded. */
    public static IntegrityReport check(CaseFile caseFile, PacketRecord packet) throws StoreException {
        List<String> intact = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            AuditLog.ChainCheck chain = checkAuditChain(caseFile, intact, differences);
            if (packet != null) {
                checkAgainstPacket(caseFile, chain, packet, intact, differences, notes);
            }
            checkSources(caseFile, intact, differences, notes);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot verify case " + caseFile.path() + ": " + e.getMessage(), e);
        }
        return new IntegrityReport(intact, differences, notes);
    }

    private static AuditLog.ChainCheck checkAuditChain(CaseFile caseFile, List<String> intact, List<String> differences)
            throws SQLException {
        AuditLog.ChainCheck chain = AuditLog.verify(caseFile);
        if (chain.intact()) {
            intact.add(String.format(Locale.ROOT, "audit log: %d entries, hash chain intact, head is entry %d (%s)",
                    chain.entries(), chain.head().seq(), AuditLog.abbreviate(chain.head().hash())));
        } else {
            differences.add(String.format(Locale.ROOT, "audit log: first broken entry is %s: %s; entries 1 to %d hold",
                    chain.firstBroken().describe(), chain.problem(), chain.head().seq()));
        }
        return chain;
    }

    private static void checkAgainstPacket(CaseFile caseFile, AuditLog.ChainCheck chain, PacketRecord packet,
                                           List<String> intact, List<String> differences, List<String> notes)
            throws SQLException {
        AuditLog.Head recorded = packet.head();
        AuditLog.Head now = AuditLog.head(caseFile);
        Optional<AuditLog.Entry> entry = recorded.seq() == 0 ? Optional.empty() : AuditLog.entry(caseFile, recorded.seq());
        if (recorded.seq() == 0) {
            notes.add(packet.packet() + " was made from a case whose audit log was empty");
        } else if (entry.isEmpty()) {
            differences.add(String.format(Locale.ROOT, "audit log: %s recorded the head entry %d (%s), but the log now ends "
                            + "at entry %d: entries %d to %d were removed from its end", packet.packet(), recorded.seq(),
                    AuditLog.abbreviate(recorded.hash()), now.seq(), now.seq() + 1, recorded.seq()));
            return;
        } else if (!entry.get().hash().equals(recorded.hash())) {
            differences.add(String.format(Locale.ROOT, "audit log: %s recorded entry %d with hash %s, the log now has %s "
                            + "there: the log was rewritten from that entry or before", packet.packet(), recorded.seq(),
                    AuditLog.abbreviate(recorded.hash()), AuditLog.abbreviate(entry.get().hash())));
            return;
        } else {
            intact.add(String.format(Locale.ROOT, "audit log still holds the head %s recorded (entry %d, %s)",
                    packet.packet(), recorded.seq(), AuditLog.abbreviate(recorded.hash())));
        }
        if (now.seq() > recorded.seq()) {
            notes.add(String.format(Locale.ROOT, "%d entries were added after %s was made (entries %d to %d)",
                    now.seq() - recorded.seq(), packet.packet(), recorded.seq() + 1, now.seq()));
        }
        if (packet.packetDigest() != null && chain.intact()) {
            Optional<AuditLog.Entry> export = AuditLog.entries(caseFile).stream()
                    .filter(e -> e.seq() > recorded.seq() && "export".equals(e.action())
                            && e.detail() != null && e.detail().contains(packet.packetDigest()))
                    .findFirst();
            if (export.isPresent()) {
                intact.add(String.format(Locale.ROOT, "the export of %s (digest %s) is recorded in %s", packet.packet(),
                        AuditLog.abbreviate(packet.packetDigest()), export.get().describe()));
            } else {
                differences.add(String.format(Locale.ROOT, "no export entry of this case records the digest %s of %s: "
                        + "the packet was not exported from this case, or its manifest was rewritten",
                        AuditLog.abbreviate(packet.packetDigest()), packet.packet()));
            }
        }
    }

    private static void checkSources(CaseFile caseFile, List<String> intact, List<String> differences,
                                     List<String> notes) throws SQLException, IOException {
        for (CaseOverview.Source recorded : CaseRecords.sources(caseFile)) {
            Path file = locate(caseFile, recorded.path());
            String source = "source " + recorded.sourceId() + " (" + recorded.path() + ")";
            if (file == null) {
                notes.add(source + ": file not found at its recorded path, not checked");
                continue;
            }
            String actual = Sha256.of(file);
            if (actual.equals(recorded.sha256())) {
                intact.add(source + ": sha256 matches");
            } else {
                differences.add(source + ": sha256 is " + actual + ", recorded at import " + recorded.sha256());
            }
        }
    }

    /** The recorded path as is, or, when relative and not found, relative to the case file. */
    private static Path locate(CaseFile caseFile, String recorded) {
        Path path = Path.of(recorded);
        if (Files.isRegularFile(path)) {
            return path;
        }
        Path caseDir = caseFile.path().toAbsolutePath().getParent();
        if (!path.isAbsolute() && caseDir != null && Files.isRegularFile(caseDir.resolve(path))) {
            return caseDir.resolve(path);
        }
        return null;
    }
}

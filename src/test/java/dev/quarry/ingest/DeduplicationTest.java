package dev.quarry.ingest;

import dev.quarry.model.ProgressListener;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeduplicationTest extends IngestCaseTest {


    private static String events(int from, int to) {
        StringBuilder csv = new StringBuilder("request_id,ts,account_id,prompt_text\n");
        for (int i = from; i < to; i++) {
            csv.append("req-").append(i).append(',').append(1_709_633_730L + i).append(",acct-").append(i % 7).append(",prompt ").append(i).append('\n');
        }
        return csv.toString();
    }

    private static String withoutHeader(String csv) {
        return csv.substring(csv.indexOf('\n') + 1);
    }

    private static void assertAccountedFor(ImportSummary summary) {
        assertEquals(summary.read(), summary.accepted() + summary.duplicate() + summary.rejected(), summary.toString());
    }

    @Test
    void countsRepeatedRequestIdsWithinAFileAsDuplicates() throws Exception {
        ImportSummary summary = fixture.importText("repeats.csv", events(0, 100) + withoutHeader(events(50, 60)));
        assertEquals(110, summary.read());
        assertEquals(100, summary.accepted());
        assertEquals(10, summary.duplicate());
        assertEquals(100, fixture.count("SELECT count(*) FROM events"));
        // the first occurrence is kept
        assertEquals(1, fixture.count("SELECT count(*) FROM events WHERE request_id = 'req-55' AND prompt_text = 'prompt 55'"));
    }

    @Test
    void countsRequestIdsAlreadyInTheCaseAsDuplicatesForSmallAndBulkImports() throws Exception {
        fixture.importText("first.csv", events(0, 1000));
        // small next to the case: the unique index settles duplicates row by row
        ImportSummary small = fixture.importText("small.csv", events(995, 1003));
        assertEquals(5, small.duplicate());
        assertEquals(3, small.accepted());
        // as big as the case or bigger: indexes are rebuilt at the end and suspects settled exactly
        ImportSummary bulk = fixture.importText("bulk.csv", events(500, 5000));
        assertAccountedFor(bulk);
        assertEquals(503, bulk.duplicate());
        assertEquals(3997, bulk.accepted());
        assertEquals(5000, fixture.count("SELECT count(*) FROM events"));
        assertEquals(5000, fixture.count("SELECT count(DISTINCT request_id) FROM events"));
        assertEquals(1, fixture.count("SELECT count(*) FROM sqlite_master WHERE name = 'events_request_id'"));
    }

    @Test
    void settlesFingerprintCollisionsExactlyNeverCountingThemAsDuplicates() throws Exception {
        // a fingerprint that collides constantly: every row after the first few is a suspect
        Importer colliding = new Importer(fixture.caseFile, Importer.DEFAULT_CACHE_KIB, id -> id.length());
        ImportSummary first = colliding.importFile(fixture.write("a.csv", events(0, 3000)), ImportOptions.auto(), ProgressListener.NONE);
        assertEquals(3000, first.accepted());
        assertEquals(0, first.duplicate());
        ImportSummary second = colliding.importFile(fixture.write("b.csv", events(2000, 8000) + withoutHeader(events(7990, 8000))),
                ImportOptions.auto(), ProgressListener.NONE);
        assertAccountedFor(second);
        assertEquals(1010, second.duplicate());
        assertEquals(5000, second.accepted());
        assertEquals(8000, fixture.count("SELECT count(DISTINCT request_id) FROM events"));
        assertEquals(8000, fixture.count("SELECT count(*) FROM events"));
    }

    @Test
    void reimportingTheSameFileIsANoOpWithAMessage() throws Exception {
        Path file = fixture.write("events.csv", events(0, 20) + "late,never,acct-1,p\n");
        ImportSummary first = fixture.importFile(file);
        Path copy = directory.resolve("renamed-copy.csv");
        Files.copy(file, copy);
        ImportSummary again = fixture.importFile(file);
        ImportSummary renamed = fixture.importFile(copy);

        assertFalse(first.alreadyImported());
        for (ImportSummary repeat : List.of(again, renamed)) {
            assertTrue(repeat.alreadyImported());
            assertEquals(first.sourceId(), repeat.sourceId());
            assertTrue(repeat.notes().get(0).contains("already imported"), repeat.notes().toString());
            assertEquals(first.read(), repeat.read());
            assertEquals(first.rejectedByReason(), repeat.rejectedByReason());
        }
        assertEquals(1, fixture.count("SELECT count(*) FROM sources"));
        assertEquals(20, fixture.count("SELECT count(*) FROM events"));
    }

    @Test
    void derivesTheSameRequestIdForTheSameRowFromAnotherFile() throws Exception {
        ImportSummary first = fixture.importText("a.csv", "timestamp,user_id,prompt\n2024-03-05T10:15:30Z,alice,hello\n1709633731,bob,hi\n");
        ImportSummary second = fixture.importText("b.csv", "prompt_text;account_id;ts\nhello;alice;1709633730\nhi;bob;1709633731000\nnew;carol;1709633732\n");
        assertEquals(2, first.accepted());
        assertEquals(2, second.duplicate());
        assertEquals(1, second.accepted());
        assertTrue(fixture.string("SELECT request_id FROM events WHERE account_id = 'alice'").startsWith("derived-"));
        assertTrue(first.notes().stream().anyMatch(note -> note.contains("no request_id")), first.notes().toString());
    }

    @Test
    void everyAccountOfAcceptedEventsGetsARowEvenWhenFirstSeenOnADuplicate() throws Exception {
        fixture.importText("first.csv", "request_id,ts,account_id\nreq-x,1709633730,acct-old\n");
        StringBuilder csv = new StringBuilder("request_id,ts,account_id\nreq-x,1709633731,acct-new\n");
        for (int i = 0; i < 50; i++) {
            csv.append("req-").append(i).append(",1709633732,acct-new\n");
        }
        ImportSummary summary = fixture.importText("second.csv", csv.toString());
        assertEquals(1, summary.duplicate());
        assertEquals(50, summary.accepted());
        assertEquals(List.of("acct-new", "acct-old"), fixture.strings("SELECT account_id FROM accounts ORDER BY account_id"));
        assertEquals(0, fixture.count("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = e.account_id)"));
    }

    @Test
    void accountsSeenInEventsExistAndAreFilledInByALaterAccountsFile() throws Exception {
        fixture.importText("events.csv", events(0, 50));
        assertEquals(7, fixture.count("SELECT count(*) FROM accounts"));
        assertNull(fixture.string("SELECT email FROM accounts WHERE account_id = 'acct-3'"));
        assertNull(fixture.string("SELECT source_id FROM accounts WHERE account_id = 'acct-3'"));

        ImportSummary accounts = fixture.importText("accounts.csv",
                "account_id,created_at,email,payment_fingerprint\nacct-3,2023-01-01T00:00:00Z,three@example.com,fp-3\n"
                        + "acct-99,2023-01-02T00:00:00Z,new@example.com,fp-9\n");
        assertEquals("accounts", accounts.kind());
        assertEquals(2, accounts.accepted());
        assertEquals(0, accounts.duplicate());
        assertEquals("three@example.com", fixture.string("SELECT email FROM accounts WHERE account_id = 'acct-3'"));
        assertEquals(accounts.sourceId(), fixture.count("SELECT source_id FROM accounts WHERE account_id = 'acct-3'"));
        assertEquals(8, fixture.count("SELECT count(*) FROM accounts"));

        ImportSummary again = fixture.importText("accounts-2.csv", "account_id,email\nacct-3,other@example.com\nacct-3,x@example.com\n");
        assertEquals(2, again.duplicate());
        assertEquals("three@example.com", fixture.string("SELECT email FROM accounts WHERE account_id = 'acct-3'"));
    }
}

-- Case file schema 5: evidence packets and case integrity (issue 12).
-- Every audit entry carries its sequence number (1, 2, 3, ... with no gap), and entries written from
-- this schema on (scheme 2) hash it together with the previous entry's hash, so an entry moved,
-- renumbered, removed from the middle or edited breaks the chain. Entries written before (scheme 1)
-- keep the hash they were written with; they get their sequence number here, in the order they
-- were written.
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
ALTER TABLE audit_log ADD COLUMN scheme INTEGER NOT NULL DEFAULT 1;
UPDATE audit_log SET seq = (SELECT count(*) FROM audit_log earlier WHERE earlier.audit_id <= audit_log.audit_id);
CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq);

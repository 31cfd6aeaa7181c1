-- Case file schema 1: the ingest contract of DESIGN.md plus the audit log.
-- 16 KiB pages (SQLite's default is 4 KiB): events rows are a few hundred bytes with prompt text, and
-- bigger pages cut the per-page work of bulk imports. Only takes effect on a new, empty case.
PRAGMA page_size = 16384;
CREATE TABLE sources (
    source_id      INTEGER PRIMARY KEY,
    path           TEXT    NOT NULL,
    sha256         TEXT    NOT NULL UNIQUE,
    bytes          INTEGER NOT NULL,
    format         TEXT    NOT NULL,
    kind           TEXT    NOT NULL,          -- events | accounts
    imported_at    TEXT    NOT NULL,          -- ISO-8601 UTC
    rows_read      INTEGER NOT NULL,
    rows_accepted  INTEGER NOT NULL,
    rows_duplicate INTEGER NOT NULL,
    rows_rejected  INTEGER NOT NULL,
    notes          TEXT,                      -- e.g. how timestamps without a zone were read
    mapping        TEXT,                      -- JSON: source column -> canonical field
    quarry_version TEXT    NOT NULL
);

CREATE TABLE events (
    event_id          INTEGER PRIMARY KEY,
    request_id        TEXT    NOT NULL,
    ts                INTEGER NOT NULL,       -- epoch milliseconds UTC
    account_id        TEXT    NOT NULL,
    org_id            TEXT,
    api_key_id        TEXT,
    ip                TEXT,
    asn               TEXT,
    country           TEXT,
    user_agent        TEXT,
    model             TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    max_tokens        INTEGER,
    temperature       REAL,
    status            TEXT,
    prompt_text       TEXT,
    extra             TEXT,                   -- JSON object of source columns that map to no canonical field
    source_id         INTEGER NOT NULL REFERENCES sources(source_id)
);
CREATE UNIQUE INDEX events_request_id ON events(request_id);

CREATE TABLE accounts (
    account_id          TEXT PRIMARY KEY,
    created_at          INTEGER,              -- epoch milliseconds UTC
    email               TEXT,
    payment_fingerprint TEXT,
    card_bin            TEXT,
    billing_country     TEXT,
    signup_ip           TEXT,
    plan                TEXT,
    extra               TEXT,
    source_id           INTEGER REFERENCES sources(source_id)  -- NULL when created from events
);

CREATE TABLE rejected_rows (
    rejected_id INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(source_id),
    line        INTEGER NOT NULL,             -- 1-based line in the file where the record starts
    reason      TEXT    NOT NULL,
    raw         TEXT    NOT NULL
);
CREATE INDEX rejected_rows_source ON rejected_rows(source_id);

CREATE TABLE audit_log (
    audit_id  INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

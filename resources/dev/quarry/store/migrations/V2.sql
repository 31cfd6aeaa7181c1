-- Case file schema 2: analysis runs and the analyst's case work.
-- A run is written in one transaction, so a row in analysis_runs means the whole run is present.
-- Runs are never overwritten: every run keeps its own scores, campaigns and reasons, and the
-- parameters (options_json, seed) and Quarry version that produced them.
CREATE TABLE analysis_runs (
    run_id         INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so a run id in an export stays unique
    started_at     TEXT    NOT NULL,                   -- ISO-8601 UTC
    finished_at    TEXT    NOT NULL,
    quarry_version TEXT    NOT NULL,
    seed           INTEGER NOT NULL,
    options_json   TEXT    NOT NULL,                   -- AnalysisOptions as JSON
    status         TEXT    NOT NULL CHECK (status IN ('complete'))
);

CREATE TABLE run_accounts (
    run_id        INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    account_id    TEXT    NOT NULL,
    risk_score    REAL    NOT NULL CHECK (risk_score BETWEEN 0 AND 1),
    flagged       INTEGER NOT NULL CHECK (flagged IN (0, 1)),
    campaign_id   INTEGER,                             -- NULL when the account is in no campaign
    anomaly_score REAL,                                -- NULL when the run could not compute it
    cluster       INTEGER NOT NULL,                    -- -1 for noise / none
    map_x         REAL,
    map_y         REAL,
    features_json TEXT    NOT NULL,                    -- feature name -> value, as JSON
    PRIMARY KEY (run_id, account_id)
);
CREATE INDEX run_accounts_campaign ON run_accounts(run_id, campaign_id);

CREATE TABLE run_campaigns (
    run_id      INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    campaign_id INTEGER NOT NULL,
    label       TEXT    NOT NULL,
    score       REAL    NOT NULL CHECK (score BETWEEN 0 AND 1),
    size        INTEGER NOT NULL,
    signals     TEXT    NOT NULL,                      -- JSON array of signal names
    PRIMARY KEY (run_id, campaign_id)
);

-- Reasons for both accounts and campaigns, strongest first (rank 0).
CREATE TABLE run_reasons (
    run_id       INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    subject_kind TEXT    NOT NULL CHECK (subject_kind IN ('account', 'campaign')),
    subject_id   TEXT    NOT NULL,                     -- account_id, or the campaign id as text
    rank         INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    PRIMARY KEY (run_id, subject_kind, subject_id, rank)
);

CREATE TABLE run_signals (
    run_id   INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    signal   TEXT    NOT NULL,
    computed INTEGER NOT NULL CHECK (computed IN (0, 1)),
    detail   TEXT,
    PRIMARY KEY (run_id, signal)
);

CREATE TABLE run_stages (
    run_id  INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,                          -- pipeline order
    stage   TEXT    NOT NULL,
    seconds REAL    NOT NULL,
    PRIMARY KEY (run_id, stage)
);

-- Case work. Subjects are accounts (by account_id, stable across runs), campaigns (whose ids only
-- mean something within a run, so run_id is required for them) or the case itself.
CREATE TABLE notes (
    note_id      INTEGER PRIMARY KEY,
    subject_kind TEXT    NOT NULL CHECK (subject_kind IN ('case', 'account', 'campaign')),
    subject_id   TEXT,                                 -- NULL for the case
    run_id       INTEGER REFERENCES analysis_runs(run_id),
    author       TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,                     -- ISO-8601 UTC
    text         TEXT    NOT NULL,
    CHECK (subject_kind <> 'campaign' OR run_id IS NOT NULL)
);
CREATE INDEX notes_subject ON notes(subject_kind, subject_id);

CREATE TABLE tags (
    tag_id       INTEGER PRIMARY KEY,
    subject_kind TEXT    NOT NULL CHECK (subject_kind IN ('account', 'campaign')),
    subject_id   TEXT    NOT NULL,
    run_id       INTEGER REFERENCES analysis_runs(run_id),
    tag          TEXT    NOT NULL,
    author       TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    CHECK (subject_kind <> 'campaign' OR run_id IS NOT NULL)
);
CREATE UNIQUE INDEX tags_subject ON tags(subject_kind, subject_id, IFNULL(run_id, 0), tag);

-- Analyst decisions, append-only: the latest decision on a subject is the current one, and the
-- earlier ones stay as the record of how the case evolved.
CREATE TABLE verdicts (
    verdict_id   INTEGER PRIMARY KEY,
    subject_kind TEXT    NOT NULL CHECK (subject_kind IN ('account', 'campaign')),
    subject_id   TEXT    NOT NULL,
    run_id       INTEGER REFERENCES analysis_runs(run_id),
    decision     TEXT    NOT NULL CHECK (decision IN ('abusive', 'legitimate', 'undecided')),
    author       TEXT    NOT NULL,
    decided_at   TEXT    NOT NULL,
    comment      TEXT,
    CHECK (subject_kind <> 'campaign' OR run_id IS NOT NULL)
);
CREATE INDEX verdicts_subject ON verdicts(subject_kind, subject_id, decided_at);

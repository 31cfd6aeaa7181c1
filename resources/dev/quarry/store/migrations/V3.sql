-- Case file schema 3: what the workbench screens need stored with a run (issue 10).
-- Written with each run from one pass over the events, so opening a case shows its overview and its
-- accounts table without scanning the events table. A run made before schema 3 has no rows here; the
-- workbench then says so and offers to analyse again.
CREATE TABLE run_digest (
    run_id     INTEGER PRIMARY KEY REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    events     INTEGER NOT NULL,
    accounts   INTEGER NOT NULL,                  -- accounts with at least one event
    first_ts   INTEGER,                           -- epoch ms UTC, NULL when the case has no events
    last_ts    INTEGER
);

CREATE TABLE run_account_activity (
    run_id     INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    account_id TEXT    NOT NULL,
    events     INTEGER NOT NULL,
    first_ts   INTEGER NOT NULL,
    last_ts    INTEGER NOT NULL,
    countries  TEXT    NOT NULL,                  -- up to three, most requests first, comma-separated
    main_model TEXT,                              -- the model with most requests, NULL when none given
    PRIMARY KEY (run_id, account_id)
);

-- Requests per UTC day of each campaign's members: the overview's traffic sparkline.
CREATE TABLE run_campaign_days (
    run_id      INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    campaign_id INTEGER NOT NULL,
    day         INTEGER NOT NULL,                 -- days since 1970-01-01 UTC
    events      INTEGER NOT NULL,
    PRIMARY KEY (run_id, campaign_id, day)
);

-- The account page reads one account's events a page at a time; without this every page is a scan of
-- all events. Ingest drops and rebuilds the events indexes around a bulk import, this one included.
CREATE INDEX events_account_ts ON events(account_id, ts);

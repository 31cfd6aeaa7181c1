-- Case file schema 4: what the workbench views draw (issue 11), stored with each run so that opening a
-- timeline, heatmap, account graph or map never scans the events table.

-- Links between accounts, one row per pair and family of evidence; account_a < account_b in the run's
-- account order. shared_value is what makes the link, for a person ("payment fingerprint pf-31",
-- "12 synchronized windows").
CREATE TABLE run_links (
    run_id       INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    account_a    TEXT    NOT NULL,
    account_b    TEXT    NOT NULL,
    family       TEXT    NOT NULL CHECK (family IN ('billing', 'network', 'client', 'template', 'timing')),
    weight       REAL    NOT NULL CHECK (weight > 0 AND weight <= 1),
    shared_value TEXT    NOT NULL
);
CREATE INDEX run_links_run ON run_links(run_id, family);

-- A campaign's own graph: members and the values they share with another member.
CREATE TABLE run_campaign_attributes (
    run_id      INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    campaign_id INTEGER NOT NULL,
    account_id  TEXT    NOT NULL,
    family      TEXT    NOT NULL CHECK (family IN ('billing', 'network', 'client', 'template', 'timing')),
    attribute   TEXT    NOT NULL,                      -- e.g. "payment fingerprint", "IP address"
    value       TEXT    NOT NULL
);
CREATE INDEX run_campaign_attributes_campaign ON run_campaign_attributes(run_id, campaign_id);

-- Requests per UTC-aligned bucket, per campaign (-1: the accounts in no campaign), at three resolutions,
-- so that a timeline at any zoom reads at most about a thousand buckets. Only non-empty buckets are kept.
CREATE TABLE run_traffic (
    run_id      INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    resolution  TEXT    NOT NULL CHECK (resolution IN ('minute', 'hour', 'day')),
    bucket_ms   INTEGER NOT NULL,                      -- start of the bucket, epoch milliseconds UTC
    campaign_id INTEGER NOT NULL,
    events      INTEGER NOT NULL CHECK (events > 0),
    PRIMARY KEY (run_id, resolution, bucket_ms, campaign_id)
) WITHOUT ROWID;

-- Each account's requests per hour (for the timeline and heatmap of a selection) and its volume.
-- hours: pairs of unsigned LEB128 varints (hours since the previous pair, or since the epoch; count).
CREATE TABLE run_account_traffic (
    run_id     INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    account_id TEXT    NOT NULL,
    events     INTEGER NOT NULL,
    hours      BLOB    NOT NULL,
    PRIMARY KEY (run_id, account_id)
) WITHOUT ROWID;

-- Positions of a laid-out graph, so a graph reopens as it was: campaign_id -1 for the whole case's
-- graph. node is an account id, or "family|attribute|value" for an attribute node of a campaign graph.
CREATE TABLE run_graph_layouts (
    run_id      INTEGER NOT NULL REFERENCES analysis_runs(run_id) ON DELETE CASCADE,
    campaign_id INTEGER NOT NULL,
    seed        INTEGER NOT NULL,
    node        TEXT    NOT NULL,
    x           REAL    NOT NULL,
    y           REAL    NOT NULL,
    PRIMARY KEY (run_id, campaign_id, node)
) WITHOUT ROWID;

-- Below a minute the timeline reads the events of the visible range.
CREATE INDEX events_ts ON events(ts);

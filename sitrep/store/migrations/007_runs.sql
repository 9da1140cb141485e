-- Runs of the pipeline (issue 9): which command, engine and stage version keys, how it ended, and its
-- coded warnings (a stage that ran degraded, articles that failed); every processed article and stored
-- article records the run that produced it.
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,                     -- ingest | process
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,                      -- running | done | degraded | failed (running after a crash)
    engine TEXT,
    workers INTEGER,
    on_error TEXT,
    versions TEXT NOT NULL DEFAULT '{}',       -- JSON: stage -> version key (STAGE_VERSION + code/data digest)
    summary TEXT NOT NULL DEFAULT '{}'         -- JSON counts
);
CREATE TABLE IF NOT EXISTS run_warnings (
    run_id INTEGER NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, code, stage)
);
ALTER TABLE processed_articles ADD COLUMN run_id INTEGER REFERENCES runs(run_id);
ALTER TABLE articles ADD COLUMN run_id INTEGER REFERENCES runs(run_id);

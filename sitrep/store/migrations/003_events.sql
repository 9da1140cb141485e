-- Events: reports (one claim in one sentence), incidents (merged reports), control changes,
-- and which stage versions processed each article. List-valued fields are JSON text.
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT,
    actor2 TEXT,
    assoc_actors TEXT NOT NULL DEFAULT '[]',   -- JSON list
    place_id TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    admin1 TEXT,
    country TEXT,
    geo_precision INTEGER,
    date_begin TEXT,
    date_end TEXT,
    time_precision INTEGER,
    fatalities TEXT NOT NULL DEFAULT '[]',     -- JSON list of QuantityMention dicts
    attributed_to TEXT,
    hedged INTEGER NOT NULL DEFAULT 0,
    background INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    stage_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_article ON reports(article_id);
CREATE INDEX IF NOT EXISTS reports_date ON reports(date_begin);

CREATE TABLE IF NOT EXISTS incidents (
    incident_id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT,
    actor2 TEXT,
    place_id TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    date_begin TEXT,
    date_end TEXT,
    time_precision INTEGER,
    n_sources INTEGER NOT NULL,
    fatalities_min INTEGER,
    fatalities_max INTEGER,
    fatalities_conservative INTEGER,
    conflicts TEXT NOT NULL DEFAULT '[]',      -- JSON list of {field, values: [{value, reports}]}
    grade TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    background INTEGER NOT NULL DEFAULT 0,
    cumulative INTEGER NOT NULL DEFAULT 0,
    stage_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date_begin);
CREATE INDEX IF NOT EXISTS incidents_place ON incidents(place_id);

CREATE TABLE IF NOT EXISTS incident_reports (
    incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
    report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (incident_id, report_id)
);
CREATE INDEX IF NOT EXISTS incident_reports_report ON incident_reports(report_id);

CREATE TABLE IF NOT EXISTS control_changes (
    change_id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,
    place_name TEXT,
    date TEXT,
    from_actor TEXT,
    to_actor TEXT,
    claimed_by TEXT,
    incident_id TEXT REFERENCES incidents(incident_id) ON DELETE CASCADE,
    report_id TEXT
);
CREATE INDEX IF NOT EXISTS control_changes_place ON control_changes(place_id, date);

CREATE TABLE IF NOT EXISTS processed_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(article_id) ON DELETE CASCADE,
    versions TEXT NOT NULL,                    -- the stage versions that processed it
    n_reports INTEGER NOT NULL,
    status TEXT NOT NULL,                      -- processed | skipped-duplicate
    window_begin TEXT,                         -- publication window used for undated reports
    window_end TEXT,
    processed_at TEXT NOT NULL
);

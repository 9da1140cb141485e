-- Articles, their sentences and every rejected input.
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,           -- sha1 of the normalised clean text
    external_id TEXT NOT NULL,             -- the input's own id (JSONL/CSV id, else file name)
    raw_path TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    outlet_source TEXT,
    title TEXT,
    published_at TEXT,                     -- ISO date or datetime
    published_precision TEXT NOT NULL,
    published_source TEXT NOT NULL,
    published_begin TEXT,                  -- inferred interval
    published_end TEXT,
    published_evidence TEXT,
    language TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(article_id),
    metadata TEXT NOT NULL DEFAULT '{}',   -- JSON: unknown input columns, header lines
    removed_lines INTEGER NOT NULL DEFAULT 0,
    minhash BLOB,                          -- MinHash signature for near-duplicate search
    stage_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_external ON articles(external_id);
CREATE INDEX articles_published ON articles(published_at);

CREATE TABLE rejections (
    rejection_id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    raw_path TEXT NOT NULL,
    external_id TEXT,
    detail TEXT,
    rejected_at TEXT NOT NULL,
    UNIQUE (code, raw_path, external_id)
);

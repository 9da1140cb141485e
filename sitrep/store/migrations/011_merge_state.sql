-- Bounded merge and dedup state (issue 9): the merge keeps only the open date window of incidents in
-- memory and finds older ones here; dedup asks the store for near-duplicate candidates instead of
-- holding every MinHash.
-- merge_slots: the merge's index entries of an incident: (type group, place key, week; -1 = no date).
CREATE TABLE IF NOT EXISTS merge_slots (
    grp TEXT NOT NULL,
    place_key TEXT NOT NULL,
    week INTEGER NOT NULL,
    incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE,
    PRIMARY KEY (grp, place_key, week, incident_id)
);
CREATE INDEX IF NOT EXISTS merge_slots_incident ON merge_slots(incident_id);
CREATE INDEX IF NOT EXISTS merge_slots_week ON merge_slots(week);
-- the order incidents were created in (ties between candidates go to the oldest)
ALTER TABLE incidents ADD COLUMN merge_seq INTEGER;
-- near_dup_bands: the LSH band hashes of every kept (not near-duplicate) article's MinHash
CREATE TABLE IF NOT EXISTS near_dup_bands (
    band INTEGER NOT NULL,
    hash BLOB NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
);
-- runs: the process and host of a run, so a run whose process died (kill -9) is marked interrupted
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN heartbeat_at TEXT;

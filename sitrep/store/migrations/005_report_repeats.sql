-- Other sentences of the same article that state the same claim (sitrep.events.repeats): JSON list of
-- {"sentence_index": N, "text": "..."}.
ALTER TABLE reports ADD COLUMN repeats TEXT NOT NULL DEFAULT '[]';

-- How a report's sentence states its event (issue 8): the mention classifier's status
-- (asserted|hedged|hypothetical|generic|negated) and probability, and whether the place was
-- inferred from the article's scope (the sentence names none) or named, with the surface form kept
-- even when it did not resolve.
ALTER TABLE reports ADD COLUMN status TEXT NOT NULL DEFAULT 'asserted';
ALTER TABLE reports ADD COLUMN place_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN place_surface TEXT;
ALTER TABLE reports ADD COLUMN confidence REAL;

-- The evidence behind each change of control (issue 8): the asserted reports stating it, the distinct
-- articles and independent sources (outlets) among them, and whether it is background history (which
-- sets control before the reported changes but never overrides one).
ALTER TABLE control_changes ADD COLUMN n_reports INTEGER NOT NULL DEFAULT 1;
ALTER TABLE control_changes ADD COLUMN n_articles INTEGER NOT NULL DEFAULT 1;
ALTER TABLE control_changes ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 1;
ALTER TABLE control_changes ADD COLUMN background INTEGER NOT NULL DEFAULT 0;

"""sitrep.ingest stage."""

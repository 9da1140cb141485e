"""sitrep.summaries stage."""

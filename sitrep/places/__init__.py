"""sitrep.places stage."""

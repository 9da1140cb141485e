"""sitrep.time stage."""

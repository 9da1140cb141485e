"""sitrep.events stage."""

"""sitrep.actors stage."""

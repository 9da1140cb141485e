"""sitrep: conflict news reports in, a situation picture an analyst can trust out."""

__version__ = "0.1.0"

"""sitrep.store: the embedded SQLite store."""

from sitrep.store.db import DEFAULT_DB, Store, StoreError, row_to_article

__all__ = ["DEFAULT_DB", "Store", "StoreError", "row_to_article"]

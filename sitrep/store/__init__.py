"""sitrep.store: the embedded SQLite store and its typed API."""

from sitrep.store.db import DEFAULT_DB, ProcessedRow, Store, StoreError, row_to_article

__all__ = ["DEFAULT_DB", "ProcessedRow", "Store", "StoreError", "row_to_article"]

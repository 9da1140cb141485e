"""Stable rejection codes for inputs that were not taken (spaCy ``Errors.E###`` style).

Codes never change meaning; new reasons get new codes. ``docs/rejections.md``
lists them for users.
"""

from __future__ import annotations

from sitrep.records import Rejection

CODES: dict[str, str] = {
    "E001": "path does not exist",
    "E002": "file could not be read",
    "E003": "file is binary, not text",
    "E004": "text encoding could not be decoded",
    "E005": "no article text (empty, or nothing left after removing boilerplate)",
    "E006": "input is too large",
    "E007": "malformed JSON record",
    "E008": "CSV/JSON records have no text column",
    "E009": "unsupported file type",
    "E010": "exact duplicate of an article already stored",
    "E011": "compressed file is corrupt",
    "E012": "record has no text field",
    "E013": "event analysis failed on this article (the article is stored; please report the detail)",
    "E014": "not an article file (JSON that holds no article records)",
    "E015": "preparing this document failed unexpectedly (please report the detail)",
}


def reject(code: str, raw_path: str, external_id: str | None = None, detail: str | None = None) -> Rejection:
    if code not in CODES:
        raise KeyError(f"unknown rejection code {code}")
    return Rejection(code=code, reason=CODES[code], raw_path=raw_path, external_id=external_id, detail=detail)

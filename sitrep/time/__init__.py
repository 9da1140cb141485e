"""sitrep.time: temporal expressions found, typed (TIMEX3) and resolved against the publication date.

``tag(text, anchor)`` works on a whole article or one sentence; ``infer_published(text)`` gives an
interval that contains the publication date of an undated article, with its evidence.
An expression whose date arithmetic leaves the calendar (years 1..9999: "7000 years ago") is
rejected, never raised: ``tag`` does not fail on any text.
"""

from __future__ import annotations

import datetime as dt

from sitrep.records import TimeMention
from sitrep.time.infer import InferredDate, infer_published
from sitrep.time.tagger import tag_text

STAGE_VERSION = "sitrep.time.v9"  # v9: "in two months of fighting" spans up to the anchor; v8: "since launching an offensive on Friday" is the span from Friday; v7: "is sending ... on Monday" is ahead; "overnight" is never after the reference day; v4: "to have <participle>" is past tense; v5: "N weeks ago" and durations only start at a word start; v6: a wire dateline's date is not returned


def tag(text: str, anchor: dt.date | None) -> list[TimeMention]:
    """Every time expression in ``text`` with TIMEX3 type/value and the interval it denotes."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    return tag_text(text, anchor)


__all__ = ["STAGE_VERSION", "InferredDate", "infer_published", "tag"]

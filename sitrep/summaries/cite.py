"""Citations shared by the timeline and the brief: which article and sentence a line rests on.

Every line sitrep writes carries its citations as data (article ``external_id``, sentence index,
outlet, publication date); the Markdown renderings number them as footnotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.records import Record


@dataclass(frozen=True)
class Citation(Record):
    article_id: str
    external_id: str
    sentence_index: int
    outlet: str | None = None
    published: str | None = None  # ISO date of the article, None when undated
    sentence: str = ""  # the cited sentence's text

    def label(self) -> str:
        """``Al Jazeera, 2017-06-12, article 000_x, sentence 7``."""
        who = self.outlet or "unknown outlet"
        when = self.published or "undated"
        return f"{who}, {when}, article {self.external_id}, sentence {self.sentence_index}"


class Footnotes:
    """Numbers citations in order of first use, one number per (article, sentence)."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, int], int] = {}
        self._items: list[Citation] = []

    def refs(self, citations: Iterable[Citation]) -> str:
        """``[^1][^2]`` for these citations, allocating numbers as needed."""
        out = []
        for c in citations:
            key = (c.article_id, c.sentence_index)
            n = self._numbers.get(key)
            if n is None:
                self._items.append(c)
                n = self._numbers[key] = len(self._items)
            if f"[^{n}]" not in out:
                out.append(f"[^{n}]")
        return "".join(out)

    def lines(self) -> list[str]:
        """The footnote definitions, one per cited sentence."""
        out = []
        for n, c in enumerate(self._items, 1):
            quote = " ".join(c.sentence.split())
            if len(quote) > 160:
                quote = quote[:159] + "…"
            out.append(f"[^{n}]: {c.label()}" + (f': "{quote}"' if quote else ""))
        return out

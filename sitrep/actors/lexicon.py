"""Fast whole-word alias matching shared by the actor and source finders.

Aliases are matched with two Aho-Corasick automata (pyahocorasick): one over a
case-folded copy of the text for ordinary aliases, one over the text itself for
case-sensitive ones (all-capital acronyms such as ``IS`` or ``SDF`` and aliases
written with a leading ``=`` in the data files, such as ``=Isis``). Both copies
keep the text's length, so offsets found in them are offsets in the original
string. Typographic apostrophes, dashes and non-breaking spaces are mapped to
their ASCII forms before matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")

# Same-length character mapping: curly quotes, dashes and odd spaces to ASCII.
_TRANSLATE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\t": " ", "\n": " ", "\r": " ",
})
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.\-/&']*$")


def normalise(text: str) -> str:
    """Map typographic variants to ASCII without changing the length of ``text``."""
    return text.translate(_TRANSLATE)


def fold(text: str) -> str:
    """Case-fold ``text`` (after :func:`normalise`) keeping its length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_case_sensitive(alias: str) -> tuple[str, bool]:
    """Return the alias without its ``=`` marker and whether it must match exactly."""
    if alias.startswith("="):
        return alias[1:], True
    letters = [c for c in alias if c.isalpha()]
    return alias, bool(letters) and _ACRONYM.match(alias) is not None and len(alias) <= 12


def word_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not glued to letters or digits on either side."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    return True


@dataclass(frozen=True)
class Hit(Generic[T]):
    start: int
    end: int
    payload: T


class AliasIndex(Generic[T]):
    """All occurrences of many aliases in a text, in one Aho-Corasick pass over the case-folded text.

    ``items`` are ``(alias, payload)`` or ``(alias, payload, whole_word)``. Case-sensitive
    aliases are checked against the original text after the pass; ``whole_word=False`` entries
    (trigger literals) match inside words too. Several entries may share an alias: all are
    reported, in the order they were given, so callers can let the first one win.
    """

    def __init__(self, items: Iterable[tuple[str, T] | tuple[str, T, bool]]) -> None:
        variants: dict[str, list[tuple[str | None, bool, T]]] = {}
        for item in items:
            raw, payload = item[0], item[1]
            whole_word = bool(item[2]) if len(item) > 2 else True  # type: ignore[misc]
            alias, exact = is_case_sensitive(normalise(raw.strip()))
            if alias:
                variants.setdefault(fold(alias), []).append((alias if exact else None, whole_word, payload))
        self._auto: ahocorasick.Automaton = ahocorasick.Automaton()
        for key, group in variants.items():
            self._auto.add_word(key, (len(key), tuple(group)))
        self._empty = not variants
        if not self._empty:
            self._auto.make_automaton()

    def find(self, text: str, norm: str | None = None, folded: str | None = None) -> list[Hit[T]]:
        """Every alias occurrence (overlapping ones included), sorted by start, longest first."""
        if self._empty:
            return []
        norm = normalise(text) if norm is None else norm
        low = fold(norm) if folded is None else folded
        hits: list[Hit[T]] = []
        for end, (n, group) in self._auto.iter(low):
            s, e = end - n + 1, end + 1
            bounded: bool | None = None
            for exact, whole_word, payload in group:
                if exact is not None and norm[s:e] != exact:
                    continue
                if whole_word:
                    if bounded is None:
                        bounded = word_boundary(norm, s, e)
                    if not bounded:
                        continue
                hits.append(Hit(s, e, payload))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits

    def lookup_all(self, phrase: str) -> list[T]:
        """Payloads of the entries whose alias is exactly ``phrase``."""
        norm = normalise(phrase.strip())
        key = fold(norm)
        if self._empty or key not in self._auto:
            return []
        _, group = self._auto.get(key)
        return [payload for exact, _, payload in group if exact is None or exact == norm]

    def lookup(self, phrase: str) -> T | None:
        """Payload of the first entry whose alias is exactly ``phrase``."""
        found = self.lookup_all(phrase)
        return found[0] if found else None


def select_longest(hits: Iterable[tuple[int, int, int, T]]) -> list[tuple[int, int, int, T]]:
    """Greedy leftmost-longest choice of non-overlapping ``(start, end, rank, payload)`` spans.

    Longer spans win; at equal length a lower ``rank`` wins.
    """
    chosen: list[tuple[int, int, int, T]] = []
    ordered = sorted(hits, key=lambda h: (-(h[1] - h[0]), h[2], h[0]))
    taken: list[tuple[int, int]] = []
    for h in ordered:
        if any(h[0] < e and s < h[1] for s, e in taken):
            continue
        taken.append((h[0], h[1]))
        chosen.append(h)
    chosen.sort(key=lambda h: h[0])
    return chosen

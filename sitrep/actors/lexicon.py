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
    """All whole-word occurrences of many aliases in a text, in one pass per case mode."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._ci: ahocorasick.Automaton = ahocorasick.Automaton()
        self._cs: ahocorasick.Automaton = ahocorasick.Automaton()
        n_ci = n_cs = 0
        for raw, payload in items:
            alias, exact = is_case_sensitive(normalise(raw.strip()))
            if not alias:
                continue
            if exact:
                key, auto = alias, self._cs
                n_cs += 1
            else:
                key, auto = fold(alias), self._ci
                n_ci += 1
            if key not in auto:  # first entry wins: earlier files/rows take precedence
                auto.add_word(key, (len(key), payload))
        self._has_ci, self._has_cs = n_ci > 0, n_cs > 0
        if self._has_ci:
            self._ci.make_automaton()
        if self._has_cs:
            self._cs.make_automaton()

    def find(self, text: str, norm: str | None = None, folded: str | None = None) -> list[Hit[T]]:
        """Every whole-word alias occurrence (overlapping ones included), sorted by start."""
        norm = normalise(text) if norm is None else norm
        hits: list[Hit[T]] = []
        if self._has_ci:
            low = fold(norm) if folded is None else folded
            for end, (n, payload) in self._ci.iter(low):
                s, e = end - n + 1, end + 1
                if word_boundary(norm, s, e):
                    hits.append(Hit(s, e, payload))
        if self._has_cs:
            for end, (n, payload) in self._cs.iter(norm):
                s, e = end - n + 1, end + 1
                if word_boundary(norm, s, e):
                    hits.append(Hit(s, e, payload))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits

    def lookup(self, phrase: str) -> T | None:
        """Payload of ``phrase`` when it is exactly one alias."""
        norm = normalise(phrase.strip())
        if self._has_cs and norm in self._cs:
            return self._cs.get(norm)[1]  # type: ignore[no-any-return]
        low = fold(norm)
        if self._has_ci and low in self._ci:
            return self._ci.get(low)[1]  # type: ignore[no-any-return]
        return None


class SubstringIndex:
    """Start positions of literal substrings (no word boundaries), grouped by an integer key, in one pass."""

    def __init__(self, items: Iterable[tuple[str, bool, int]]) -> None:
        keys: dict[tuple[str, bool], list[int]] = {}
        for literal, exact, key in items:
            keys.setdefault((literal if exact else fold(normalise(literal)), exact), []).append(key)
        self._autos: list[tuple[bool, ahocorasick.Automaton]] = []
        for exact in (False, True):
            auto = ahocorasick.Automaton()
            for (literal, ex), group in keys.items():
                if ex == exact:
                    auto.add_word(literal, (len(literal), tuple(group)))
            if len(auto):
                auto.make_automaton()
                self._autos.append((exact, auto))

    def find(self, norm: str, folded: str) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for exact, auto in self._autos:
            for end, (n, group) in auto.iter(norm if exact else folded):
                for key in group:
                    out.setdefault(key, []).append(end - n + 1)
        return out


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

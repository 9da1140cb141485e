"""A first-character lookahead for a regular expression: the same matches, fewer failed starts.

Python's ``re`` tries a pattern at every position of the text, and a pattern that opens with optional words
and case-folded alternations (the time rules: "(?:early |late )?(?i:January|...)") goes through its
alternatives at each one before it fails. :func:`with_first_chars` reads from the pattern's parse the set of
characters a match can begin with and puts a lookahead for them in front: at any other position the engine
fails after one character test. Every match starts with one of those characters, so the matches (spans and
groups) are the same; the lookahead adds no group.

The set is read from CPython's own parser (``re._parser``, no public API). Anything it does not read with
certainty (a negated class, ``.``, ``\\w``, a back-reference, a pattern that can match the empty string, an
unexpected parse) leaves the pattern unchanged.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_FLAGS_OK = re.IGNORECASE | re.UNICODE | re.VERBOSE | re.DOTALL | re.MULTILINE
_MAX_RANGE = 300  # a wider class range ([\u0600-\u06ff]) is not spelled out


class _Unread(Exception):
    """The parse has something the first-character reading does not handle."""


class _First:
    """Characters a match can begin with: case-sensitive ones, case-folded ones, digits (``\\d``)."""

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.folded: set[str] = set()
        self.digits = False

    def add(self, other: _First) -> None:
        self.exact |= other.exact
        self.folded |= other.folded
        self.digits |= other.digits


def _sequence(ops: list[tuple[Any, Any]], folded: bool, c: Any) -> tuple[_First, bool]:
    """The first characters of a sequence of items and whether it can match the empty string."""
    first = _First()
    for op, av in ops:
        item, nullable = _item(op, av, folded, c)
        first.add(item)
        if not nullable:
            return first, False
    return first, True


def _item(op: Any, av: Any, folded: bool, c: Any) -> tuple[_First, bool]:
    first = _First()
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return first, True  # zero-width
    if op is c.LITERAL:
        (first.folded if folded else first.exact).add(chr(av))
        return first, False
    if op is c.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is c.LITERAL:
                chars.add(chr(iav))
            elif iop is c.RANGE and iav[1] - iav[0] <= _MAX_RANGE:
                chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
            elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                first.digits = True
            else:
                raise _Unread(iop)
        (first.folded if folded else first.exact).update(chars)
        return first, False
    if op is c.BRANCH:
        nullable = False
        for alt in av[1]:
            item, empty = _sequence(list(alt), folded, c)
            first.add(item)
            nullable |= empty
        return first, nullable
    if op is c.SUBPATTERN:
        _, add, remove, body = av
        if (add | remove) & ~_FLAGS_OK:
            raise _Unread("flags")
        inner = True if add & re.IGNORECASE else False if remove & re.IGNORECASE else folded
        return _sequence(list(body), inner, c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, body = av
        item, empty = _sequence(list(body), folded, c)
        return item, empty or low == 0
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av), folded, c)
    raise _Unread(op)


def first_chars_lookahead(rx: re.Pattern[str]) -> str | None:
    """A lookahead that holds at every position where a match of ``rx`` can start; None when it cannot be read."""
    try:
        parser, constants = importlib.import_module("re._parser"), importlib.import_module("re._constants")
        tree = parser.parse(rx.pattern, rx.flags)
        if tree.state.flags & re.LOCALE:
            return None
        first, nullable = _sequence(list(tree), bool(tree.state.flags & re.IGNORECASE), constants)
    except Exception:  # noqa: BLE001 - _Unread, or a parse this module does not know: keep the pattern
        return None
    if nullable:
        return None  # an empty match can start anywhere

    def chars(s: set[str]) -> str:
        return "".join(re.escape(ch) for ch in sorted(s))
    parts = []
    if first.exact or first.digits:
        parts.append(f"[{chars(first.exact)}{chr(92) + 'd' if first.digits else ''}]")
    if first.folded:
        parts.append(f"(?i:[{chars(first.folded)}])")  # folded as the pattern's own literals are
    return f"(?={'|'.join(parts)})" if parts else None


def with_first_chars(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` behind its first-character lookahead (the same matches), or ``rx`` itself when none is read."""
    ahead = first_chars_lookahead(rx)
    if ahead is None:
        return rx
    try:
        return re.compile(f"{ahead}(?:{rx.pattern})", rx.flags)
    except re.error:  # e.g. global inline flags, which must open the pattern
        return rx

"""The first-character lookahead: read from the pattern, and the same matches behind it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.regex_first import first_chars_lookahead, with_first_chars
from sitrep.time.patterns import RULES


def test_lookahead_holds_the_first_characters() -> None:
    assert first_chars_lookahead(re.compile(r"\b(?:heavy |fierce )?fighting")) == "(?=[fh])"
    assert first_chars_lookahead(re.compile(r"(?i:early|late)? ?\d+")) == "(?=[\\ \\d]|(?i:[el]))"
    assert first_chars_lookahead(re.compile(r"x*")) is None  # matches the empty string anywhere
    assert first_chars_lookahead(re.compile(r"\w+ago")) is None  # a class it does not spell out
    assert first_chars_lookahead(re.compile(r"[^a]b")) is None


def test_a_pattern_it_cannot_read_is_kept() -> None:
    inline = re.compile(r"(?i)rebels")
    assert with_first_chars(inline) is inline  # a global inline flag must open the pattern
    folded = with_first_chars(re.compile(r"rebels", re.IGNORECASE))
    assert folded.pattern == "(?=(?i:[r]))(?:rebels)" and folded.search("REBELS")
    dotted = re.compile(r".+ said")
    assert with_first_chars(dotted) is dotted


_ALPHABET = list("aemtJMFSWDN0129 -.,'sy") + ["ſ", "K", "İ", "the ", "last ", "March ", "2011", "days ago"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_time_rules_match_the_same_behind_the_lookahead(text: str) -> None:
    for _, pat in RULES:
        rx = re.compile(pat)
        fast = with_first_chars(rx)
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in rx.finditer(text)]

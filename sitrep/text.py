"""Sentence splitting shared by every stage.

A rule splitter tuned for news prose: it knows common abbreviations
("U.S.", "Gen.", "Jan."), initials, decimal numbers and quotes, and never
splits across a paragraph break. Offsets are character offsets into the
article text, so every later mention can point back at its sentence.
"""

from __future__ import annotations

import re

from sitrep.records import Sentence

STAGE_VERSION = "sitrep.sentences.v1"

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "gov",
    "sen", "rep", "st", "mt", "ft", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "al",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est", "fig", "rev",
}

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"""([.!?]+)(["'”’)\]]*)(\s+)""")
_PARA = re.compile(r"\n\s*\n")


def _is_abbreviation(chunk: str) -> bool:
    match = re.search(r"([A-Za-z][A-Za-z.]*)$", chunk)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREV:
        return True
    # single initial ("J.") or dotted acronym ("U.S")
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _split_block(text: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end(2)
        nxt = text[m.end():m.end() + 1]
        if not nxt:
            continue
        if m.group(1) == "." and _is_abbreviation(text[start:m.start(1)]):
            # "U.S. officials" stays together; "in the U.S. The next" splits on a capital
            if not (nxt.isupper() and text[m.start(1) - 1:m.start(1)].islower()):
                continue
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(["):
            continue
        spans.append((base + start, base + end))
        start = m.end()
    if text[start:].strip():
        spans.append((base + start, base + len(text.rstrip())))
    return spans


def split_sentences(article_id: str, text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``."""
    sentences: list[Sentence] = []
    pos = 0
    blocks = []
    for m in _PARA.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for b_start, b_end in blocks:
        block = text[b_start:b_end]
        lead = len(block) - len(block.lstrip())
        for s, e in _split_block(block.lstrip(), b_start + lead):
            if e > s:
                sentences.append(Sentence(article_id, len(sentences), s, e, text[s:e]))
    return sentences

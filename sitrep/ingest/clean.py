"""Article cleaning: keep the news paragraphs, drop the page around them.

Text input is cut into lines. Each line gets a boilerplate score from general
features, not from a list of known sentences:

* call-to-action and site vocabulary (subscribe, donation, notifications,
  comments, browser, terms and conditions, ...), counted outside quotations;
* the reader addressed directly (you/your) or the site speaking (we/our/us),
  outside quotations and without a reporting verb;
* an imperative opening ("Join ...", "Send us ...", "Please ...");
* shapes: cross-link labels ("READ MORE:"), embedded social posts (an @handle
  followed by a date), sign-offs ("Source: ...", "- AP", "Editing by"), bylines
  and bullet author lines, bare navigation words ("Comments", "Share");
* repetition: a repeated line or headline, a photo caption printed twice with
  the credit appended the second time ("... (Reuters)");
* position: chrome sits at the top and the bottom of a page;
* page sections: link lists ("Related Topics", "More on this story" and the
  headlines under them) and reader-comment sections (comment stamps such as
  "At 13:44 20th Jan 2012, user wrote:").

The line features live in ``sitrep.ingest.boilerplate``.

A line with a high score is dropped; a line with a middling score is dropped
when a neighbour was dropped (boilerplate comes in runs). Reporting verbs and
long prose lower the score. Header lines that carry a date or byline go to
``meta`` for the publication-date finder; the headline goes to ``title``.
HTML is first reduced to text by trafilatura and then goes through the same
rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sitrep.ingest.boilerplate import (
    AGENCY_CREDIT,
    BYLINE,
    CAPTION_CREDIT,
    CLOSES_ONLY,
    DASH_SIGNOFF,
    NAME_LINE,
    ROLE_BYLINE,
    SOURCE_LINE,
    TERMINAL,
    score_line,
    words,
)
from sitrep.ingest.pubdate import is_date_line, last_timestamp_span

STAGE_VERSION = "sitrep.clean.v2"

DROP_SCORE = 3.0  # drop a line at or above this score
RUN_SCORE = 1.5  # ... or at or above this one when a neighbouring line was dropped


@dataclass
class CleanResult:
    text: str
    title: str | None
    removed: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


def _normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n\n").replace("\x0b", "\n").replace("\x85", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _key(line: str) -> str:
    """Comparison key: letters and digits only, lowercased (quotes and dashes vary between copies)."""
    folded = line.lower() if line.isascii() else unicodedata.normalize("NFKD", line.lower())
    return _NON_KEY.sub("", folded)


_NON_KEY = re.compile(r"[^a-z0-9]+")


@dataclass
class _Line:
    text: str
    block: int
    score: float = 0.0
    reason: str = ""
    drop: bool = False
    strong: bool = False


def _lines(text: str) -> list[_Line]:
    """Non-empty lines with their block (blank-line separated) number; hard-wrapped lines re-joined."""
    out: list[_Line] = []
    block = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            block += 1
            continue
        if out:
            prev = out[-1]
            continues = (
                not TERMINAL.search(prev.text)
                and len(prev.text.split()) >= 6
                and (line[0].islower() or CLOSES_ONLY.match(line) is not None)
                and block - prev.block <= 1
            )
            if continues:
                prev.text = f"{prev.text} {line}"
                continue
        out.append(_Line(line, block))
    return out


def _mark_repeats(lines: list[_Line], title_key: str | None, title_at: int | None) -> None:
    """Repeated lines, repeated headlines, photo captions printed twice with a credit."""
    seen: dict[str, int] = {}
    for i, ln in enumerate(lines):
        if i == title_at or ln.reason == "headline":
            continue
        key = _key(ln.text)
        if len(key) < 12:
            continue
        if title_key and key == title_key:
            ln.drop, ln.strong, ln.reason = True, True, "repeated headline"
            continue
        m = CAPTION_CREDIT.match(ln.text)
        if m and len(words(m.group("credit"))) <= 6:
            body_key = _key(m.group("body"))
            j = seen.get(body_key)
            if j is not None and i - j <= 3:
                for k in (i, j):
                    lines[k].drop, lines[k].strong, lines[k].reason = True, True, "photo caption"
                continue
            if AGENCY_CREDIT.search(m.group("credit")) and not TERMINAL.search(m.group("body")):
                ln.drop, ln.strong, ln.reason = True, True, "photo caption"
                continue
        if key in seen:
            ln.drop, ln.strong, ln.reason = True, True, "repeated line"
            continue
        seen[key] = i


_SECTION_HEAD = re.compile(
    r"^\W*(?:related(?: topics| stories| articles| content| coverage| links)?|more on this (?:story|topic)|"
    r"explore more on (?:these|this) topics?|most (?:viewed|read|popular|shared)|you (?:may|might) also like|"
    r"read next|top stories|latest stories|more stories|around the web|in other news|recommended(?: for you)?|"
    r"more from [\w ]{2,30}|also in [\w ]{2,30}|elsewhere on [\w ]{2,30}|topics|tags)\W*$",
    re.I,
)


def _mark_sections(lines: list[_Line]) -> None:
    """Link lists ("Related Topics", "More on this story" + headlines) and captions after a caption marker."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        if _SECTION_HEAD.match(ln.text):
            ln.drop, ln.strong, ln.reason = True, True, "link list"
            j = i + 1
            while j < len(lines) and len(words(lines[j].text)) <= 14:
                lines[j].drop, lines[j].strong, lines[j].reason = True, True, "link list"
                j += 1
            i = j
            continue
        if ln.reason == "photo caption" and len(words(ln.text)) <= 3 and i + 1 < len(lines):
            nxt = lines[i + 1]  # "Image caption," then the caption itself
            if not nxt.drop and len(words(nxt.text)) <= 40:
                nxt.drop, nxt.strong, nxt.reason = True, True, "photo caption"
        i += 1


_COMMENT_HEADER = re.compile(
    r"^(?:At \d{1,2}:\d{2}(?:\s*[ap]m)?\s+(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+\d{4}\s*,"
    r"\s*\S+(?:\s\S+){0,3}?\s+wrote\s*:|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+\d{4}\s*-\s*\d{1,2}:\d{2}\b)"
)


def _mark_comments(lines: list[_Line]) -> None:
    """Reader comments: lines opened by a comment stamp ("At 13:44 20th Jan 2012, user wrote:",
    "2nd July 2011 - 13:45 ..."). With two or more stamps, the page's comment section runs from the
    first stamp to the end."""
    stamps = [i for i, ln in enumerate(lines) if ln.text[:1].isalnum() and _COMMENT_HEADER.match(ln.text)]
    if not stamps:
        return
    start = stamps[0] if len(stamps) >= 2 else None
    for i, ln in enumerate(lines):
        if i in stamps or (start is not None and i >= start):
            if not ln.drop:
                ln.drop, ln.strong, ln.reason = True, True, "reader comments"


def _find_title(lines: list[_Line]) -> int | None:
    """The headline: the first short line without final punctuation, before the first body paragraph."""
    for i, ln in enumerate(lines[:8]):
        if ln.drop:
            continue
        n = len(words(ln.text))
        if 3 <= n <= 30 and not TERMINAL.search(ln.text) and not is_date_line(ln.text):
            for kicker in lines[:i]:  # "World", "Middle East" above the headline: section labels
                if not kicker.drop and len(words(kicker.text)) < 3 and not TERMINAL.search(kicker.text):
                    kicker.drop, kicker.strong, kicker.reason = True, True, "navigation"
            return i
        if n > 30 or TERMINAL.search(ln.text):
            return None  # the body has started
    return None


_LABELLED_DATE = re.compile(
    r"^\W*(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated|last\s+updated)\s*:?\s*"
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?|\d{1,2}/\d{1,2}/\d{4})\s+",
    re.I,
)


_WIRE_MARK = re.compile(r"(?:\(|-LRB-\s*)(?:Reuters|AP|AFP|Xinhua|UPI|dpa|EFE|Anadolu|CNN)(?:\)|\s*-RRB-)\s*[-—–]")


def _header(lines: list[_Line], meta: dict[str, Any]) -> None:
    """Date, byline and masthead lines in the header area go to meta, not to the text."""
    seen_body = False
    for ln in lines[:12]:
        if ln.drop:
            continue
        n = len(words(ln.text))
        if is_date_line(ln.text):
            meta.setdefault("date_lines", []).append(ln.text)
            ln.drop, ln.strong, ln.reason = True, True, "date line"
            continue
        wire = _WIRE_MARK.search(ln.text[:400])
        stamp = last_timestamp_span(ln.text[: wire.start()]) if wire else None
        if stamp:  # "CITY | Mon Mar 2 , 2009 4:23 pm EST CITY -LRB- Reuters -RRB- - ...": header, then story
            meta.setdefault("date_lines", []).append(ln.text[: stamp[1]].strip())
            ln.text = ln.text[stamp[1]:].strip()
            continue
        m = _LABELLED_DATE.match(ln.text)
        if m:  # " date 2017-06-12 Kurdish factions ..." -> keep the text after the label
            meta.setdefault("date_lines", []).append(ln.text[: m.end()].strip())
            ln.text = ln.text[m.end():].strip()
            continue
        by = BYLINE.match(ln.text)
        if by and n <= 12 and not seen_body:
            meta.setdefault("bylines", []).append(ln.text)
            ln.drop, ln.strong, ln.reason = True, True, "byline"
            continue
        if not seen_body and n <= 9 and (NAME_LINE.match(ln.text) and n <= 4 or ROLE_BYLINE.match(ln.text)):
            meta.setdefault("bylines", []).append(ln.text)
            ln.drop, ln.strong, ln.reason = True, True, "byline"
            continue
        if n > 30 or (TERMINAL.search(ln.text) and n > 12):
            seen_body = True


def _apply_scores(lines: list[_Line]) -> None:
    total = max(len(lines) - 1, 1)
    for i, ln in enumerate(lines):
        if ln.drop:
            continue
        ln.score, ln.reason, ln.strong = score_line(ln.text, i / total)
        if ln.score >= DROP_SCORE:
            ln.drop = True


def _smooth(lines: list[_Line]) -> None:
    """Boilerplate comes in runs: a middling line next to a dropped one goes too (both directions);
    a line between two dropped ones needs only some evidence."""

    def run(j: int) -> bool:
        return 0 <= j < len(lines) and lines[j].drop and lines[j].reason in _RUN_REASONS

    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for i in order:
            ln = lines[i]
            if ln.drop or ln.strong:
                continue
            if (ln.score >= RUN_SCORE and (run(i - 1) or run(i + 1))) or (
                run(i - 1) and run(i + 1) and (ln.score > 0 or (ln.reason and ln.score > -1))
            ):
                ln.drop = True
                ln.reason = ln.reason if ln.reason in _RUN_REASONS else "next to boilerplate"


# Drops that signal a run of page furniture (structural drops such as captions do not).
_RUN_REASONS = frozenset(
    {"site vocabulary", "addresses the reader", "site voice", "imperative", "links/handles", "navigation",
     "copyright", "page edge", "next to boilerplate", "not prose", "trailing fragment"}
)


def _signature(lines: list[_Line], meta: dict[str, Any]) -> None:
    for ln in lines[-6:]:
        m = SOURCE_LINE.match(ln.text) or DASH_SIGNOFF.match(ln.text)
        if m and ln.drop:
            meta["signature"] = m.group("name").strip()


def _assemble(lines: list[_Line]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    block = None
    for ln in lines:
        if ln.drop:
            continue
        if block is not None and ln.block != block and current:
            paragraphs.append("\n".join(current))
            current = []
        current.append(ln.text)
        block = ln.block
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def clean_lines(text: str, *, title: str | None = None) -> CleanResult:
    """Clean plain text (see the module docstring)."""
    lines = _lines(_normalise(text))
    meta: dict[str, Any] = {}
    title_key = _key(title) if title else None
    if title_key:
        for ln in lines[:8]:
            if _key(ln.text) == title_key:
                ln.drop, ln.strong, ln.reason = True, True, "headline"
                break
    _header(lines, meta)
    _apply_scores(lines)
    _mark_sections(lines)
    _mark_comments(lines)
    found_title = title
    title_at = None
    if not title:
        title_at = _find_title(lines)
        if title_at is not None:
            found_title = lines[title_at].text
            lines[title_at].drop, lines[title_at].strong, lines[title_at].reason = True, True, "headline"
            title_key = _key(found_title)
    _mark_repeats(lines, title_key, title_at)
    _smooth(lines)
    _signature(lines, meta)
    removed = [ln.text for ln in lines if ln.drop and ln.reason != "headline"]
    reasons = [ln.reason for ln in lines if ln.drop and ln.reason != "headline"]
    if reasons:
        meta["removed_reasons"] = reasons
    text = _assemble(lines)
    if not text and found_title:
        headline = [ln for ln in lines if ln.reason == "headline"]
        text = headline[0].text if headline else ""  # an article that is only its headline
    return CleanResult(text=text, title=found_title, removed=removed, meta=meta)


def _clean_html(raw: str, title: str | None) -> CleanResult:
    import trafilatura  # lazy: only HTML input needs it

    meta: dict[str, Any] = {}
    doc = trafilatura.bare_extraction(raw, include_comments=False, include_tables=False, with_metadata=True)
    body = ""
    if doc is not None:
        body = getattr(doc, "text", None) or ""
        for key in ("title", "date", "sitename", "author", "url", "hostname", "description"):
            value = getattr(doc, key, None)
            if isinstance(value, str) and value:
                meta[key] = value
    if not body:
        body = trafilatura.extract(raw, include_comments=False, output_format="txt") or ""
    if not body:  # no main text found: all the page's text, and let the line rule sort it
        body = trafilatura.html2txt(raw) or ""
        meta["extraction"] = "fallback: all page text"
    body = body.replace("\n", "\n\n")  # trafilatura puts one paragraph per line
    result = clean_lines(body, title=title or meta.get("title"))
    result.meta = {**meta, **result.meta}
    return result


def clean_text(raw: str, *, is_html: bool = False, title: str | None = None) -> CleanResult:
    """Clean one article: text with paragraphs separated by blank lines, the headline, what was dropped."""
    if is_html:
        return _clean_html(raw, title)
    return clean_lines(raw, title=title)

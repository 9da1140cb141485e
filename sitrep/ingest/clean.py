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
* position: chrome sits at the top and the bottom of a page.

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

from sitrep.ingest.pubdate import is_date_line

STAGE_VERSION = "sitrep.clean.v1"

DROP_SCORE = 3.0  # drop a line at or above this score
RUN_SCORE = 1.5  # ... or at or above this one when a neighbouring line was dropped


@dataclass
class CleanResult:
    text: str
    title: str | None
    removed: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- vocabulary

# Site and call-to-action vocabulary: single words (exact, lowercased) and phrases.
_CTA_WORDS = frozenset(
    """subscribe subscribed subscriber subscribers subscription subscriptions subscribing newsletter
    newsletters register registering registered registration notification notifications browser refresh
    cookie cookies privacy comment comments commenting commenter commenters forum donate donation donations
    donating paywall paywalls journalism journalists reporters readers moderated moderation moderator
    moderators upload uploaded uploading click clicking download downloading advertisement advertising
    sponsored inbox podcast podcasts password whatsapp copyright signup login""".split()
)
_CTA_PHRASES = (
    "sign up", "sign-up", "sign in", "log in", "logged in", "log out", "terms and conditions",
    "terms & conditions", "terms of use", "terms of service", "house rules", "tap here", "our app",
    "app store", "google play", "email us", "e-mail us", "email address", "contact us", "rss feed",
    "premium membership", "free trial", "follow us", "share this", "share on", "not responsible for the content",
    "external sites", "external internet sites", "thank you for", "thanks for reading", "your support",
    "support us", "independent journalism", "quality journalism", "contact details", "telephone number",
    "eyewitness accounts", "privacy policy", "the form below", "views expressed", "have your say",
    "minute read", "min read", "opens new tab", "new window", "licensing rights", "trust principles",
    "reuse this content", "contributed to this report",
)
_PHRASE_FIRST: dict[str, tuple[str, ...]] = {
    w: tuple(p for p in _CTA_PHRASES if re.split(r"[ -]", p)[0] == w) for w in {re.split(r"[ -]", p)[0] for p in _CTA_PHRASES}
}
_IMPERATIVE = frozenset(
    "join subscribe sign click tap follow read share send download get register please watch listen "
    "stay learn support donate enter log visit like email e-mail contact see find discover explore "
    "check sponsor upgrade try continue comment tell submit view browse bookmark print save "
    "install allow enable disable refresh navigate manage keep become help".split()
)
# "Comment from Iran was scarce": a noun, not a command
_NOT_AFTER_IMPERATIVE = frozenset("from of by was is has had were are s".split())
_READER = frozenset("you your yours yourself yourselves".split())
_SITE_VOICE = frozenset("we our us ours".split())
_REPORTING = frozenset(
    "said says told tells reported reports added stated claimed announced confirmed denied warned "
    "insisted explained wrote asked".split()
)
_FUNCTION_WORDS = frozenset(
    """a an the and or but if of to in on at by for from with as into about over after before than that this
    these those it its is are was were be been being has have had do does did not no he she they his her their
    him them who which what when where while said says will would could should may might can there here also
    i we you our your my me us so up out said""".split()
)
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^“”]*”|``[^`]*?''|‘[^‘’]{20,}’")
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_HASHTAG = re.compile(r"(?<![\w&])#\w{2,}")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+\b|\b\w+\.(?:com|org|net|co\.uk)\b", re.I)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_CROSSLINK = re.compile(
    r"^\W*(?:read more|read also|also read|more|related(?: articles?| stories| content| coverage)?|"
    r"see also|recommended|watch(?: more)?|listen|video|in pictures|explainer|analysis|opinion|"
    r"more on this story|you may also like|don'?t miss|trending|top stories|most read|advertisement)\s*[:>|»-]",
    re.I,
)
_SOCIAL_POST = re.compile(
    r"\(@\w+\)\s*" + _MONTH + r"\s+\d{1,2},\s+\d{4}|pic\.twitter\.com/|[—–-]\s*[^()]{0,60}\(@\w+\)\s*$",
)
_SIGNOFF = re.compile(
    r"^(?:\W|-LRB-)*(?:(?:with )?(?:additional )?reporting by|editing by|edited by|writing by|written by|"
    r"compiled by|produced by|additional reporting|(?:photo|image|picture|video) (?:credit|by)|"
    r"follow (?:him|her|them|the author) on|copyright|©)\b",
    re.I,
)
_SOURCE_LINE = re.compile(r"^\W*source\s*:\s*(?P<name>[^.!?]{2,60})\s*$", re.I)
_DASH_SIGNOFF = re.compile(r"^\s*[-—–]+\s*(?P<name>[A-Z][\w.&' ]{0,40}?)\s*[-—–]*\s*$")
_BULLET_AUTHOR = re.compile(r"^\s*[•·●▪◦*]\s*(?P<name>(?:[A-Z][\w'’.-]*\s*){1,4})$")
_BYLINE = re.compile(r"^\s*(?:by|words by|story by|report by)\s+(?P<name>(?:[A-Z][\w'’.-]*[ ,]*(?:and\s+)?){1,6})", re.I)
_ROLE_BYLINE = re.compile(
    r"^(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+,?\s+(?:[A-Z][\w ]{0,30}\s)?(?i:correspondent|editor|reporter|"
    r"writer|staff writer|contributor|bureau chief)\b[^.!?]*$"
)
_NAME_LINE = re.compile(r"^(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+$")
_CAPTION_CREDIT = re.compile(r"^(?P<body>.+?)\s*\((?P<credit>[^()]{1,60})\)\s*$")
_AGENCY_CREDIT = re.compile(r"\b(?:getty|afp|ap photo|reuters|epa|pa media|anadolu|photo|image|file)\b", re.I)
_WIRE_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'|,-]{1,80})?(?:\(|-LRB-\s*)(?:Reuters|AP|AFP|AP Photo|Xinhua|UPI|dpa|EFE|Anadolu|CNN)"
    r"(?:\)|\s*-RRB-)\s*[-—–]"
)
_TERMINAL = re.compile(r"""(?:[.!?…:;]|'')["'”’)\]]*\s*$""")
_CLOSES_ONLY = re.compile(r"^(?:[.!?…]|'')\s*$")


def _normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\u2028", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _key(line: str) -> str:
    """Comparison key: letters and digits only, lowercased (quotes and dashes vary between copies)."""
    folded = line.lower() if line.isascii() else unicodedata.normalize("NFKD", line.lower())
    return _NON_KEY.sub("", folded)


_NON_KEY = re.compile(r"[^a-z0-9]+")


def _words(line: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'’-]*", line)


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
                not _TERMINAL.search(prev.text)
                and len(prev.text.split()) >= 6
                and (line[0].islower() or _CLOSES_ONLY.match(line) is not None)
                and block - prev.block <= 1
            )
            if continues:
                prev.text = f"{prev.text} {line}"
                continue
        out.append(_Line(line, block))
    return out


def _unquoted(line: str) -> str:
    if not any(q in line for q in "\"“‘`'"):
        return line
    stripped = line.strip()
    if stripped[:1] in "\"“‘" or stripped.startswith("``"):
        return ""  # a paragraph of a multi-paragraph quotation
    if stripped.endswith("''") and "``" not in stripped:
        return ""  # the end of a quotation that began on an earlier line
    if stripped.endswith(("\"", "”")) and (stripped.count("\"") % 2 == 1 or "“" not in stripped):
        if "\"" not in stripped[:-1] and "“" not in stripped:
            return ""
    return _QUOTED.sub(" ", line)


def _strong(line: str, n: int, first: str) -> str | None:
    """A decisive boilerplate shape, or None. Cheap prefilters keep this fast."""
    head = line.lstrip()[:1]
    if ("@" in line or "pic.twitter" in line) and _SOCIAL_POST.search(line):
        return "social post"
    if first in _CROSSLINK_FIRST and n <= 30 and _CROSSLINK.match(line):
        return "cross-link"
    if (first in _SIGNOFF_FIRST or head == "©") and n <= 30 and _SIGNOFF.match(line):
        return "sign-off"
    if first == "source" and n <= 8 and _SOURCE_LINE.match(line):
        return "source signature"
    if head in "-—–" and n <= 5 and _DASH_SIGNOFF.match(line):
        return "dash sign-off"
    if head in "•·●▪◦*" and _BULLET_AUTHOR.match(line):
        return "author line"
    if "©" in line or "rights reserved" in line.lower():
        return "copyright"
    if n <= 3 and _READ_TIME.match(line):
        return "navigation"
    if n == 0 and not any(c.isdigit() for c in line):
        return "separator"
    if n <= 8 and _IMAGE_MARKER.match(line):
        return "photo caption"
    if n <= 30 and "contributed to this report" in line.lower():
        return "sign-off"
    if n <= 4 and line.strip(" .,:|»>").lower() in _CHROME_LINES:
        return "navigation"
    return None


_READ_TIME = re.compile(r"^\W*\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\W*$", re.I)
_IMAGE_MARKER = re.compile(r"^\W*(?:image|media|video|photo|picture) (?:source|caption|credit)\b", re.I)
_CROSSLINK_FIRST = frozenset(
    "read also more related see recommended watch listen video in explainer analysis opinion you don "
    "dont trending top most advertisement".split()
)
_SIGNOFF_FIRST = frozenset(
    "with additional reporting editing edited writing written compiled produced photo image picture "
    "video follow copyright".split()
)
_CHROME_LINES = frozenset(
    (
        "advertisement", "comments", "comment", "share", "share this article", "share this story", "related",
        "related articles", "related stories", "trending", "most read", "most popular", "top stories",
        "skip to content", "skip to main content", "menu", "close", "search", "loading", "loading comments",
        "print", "email", "tweet", "sign in", "log in", "subscribe", "newsletter", "latest news",
        "more stories", "show comments", "view comments", "hide comments", "back to top", "next", "previous",
        "getty images", "ap photo", "afp photo", "reuters photo", "image source", "image caption", "published",
        "updated", "last updated", "first published", "media caption", "video caption", "listen", "watch",
        "play video", "copy link", "copy this link", "share this with", "share on facebook", "share on twitter",
    )
)


def _score(line: str, position: float) -> tuple[float, str, bool]:
    """Boilerplate score, the main reason, and whether the evidence is decisive on its own."""
    lower_line = line.lower()
    words = _TOKEN.findall(lower_line)
    n = len(words)
    first = words[0] if words else ""
    strong = _strong(line, n, first)
    if strong:
        return 10.0, strong, True
    if _WIRE_DATELINE.search(line[:200]):
        return -5.0, "", False  # a wire dateline opens the story itself
    plain = _unquoted(line)
    if plain is line:
        lower, tokens = lower_line, words
    else:
        lower = plain.lower()
        tokens = _TOKEN.findall(lower)
    reasons: list[tuple[float, str]] = []
    cta = reader = site = 0
    reporting = False
    phrase_firsts: set[str] = set()
    for t in tokens:
        if t in _CTA_WORDS:
            cta += 1
        elif t in _READER:
            reader += 1
        elif t in _SITE_VOICE:
            site += 1
        elif t in _REPORTING:
            reporting = True
        if t in _PHRASE_FIRST:
            phrase_firsts.add(t)
    for t in phrase_firsts:
        cta += sum(1 for p in _PHRASE_FIRST[t] if p in lower)
    reporting = reporting or "according to" in lower
    if cta:
        reasons.append((1.5 * min(cta, 3), "site vocabulary"))
    if reader and not reporting:
        reasons.append((1.0 * min(reader, 3), "addresses the reader"))
    if site and not reporting:
        reasons.append((0.75 * min(site, 4), "site voice"))
    if (first in _IMPERATIVE and n <= 25 and not line.rstrip().endswith("?")
            and (n < 2 or words[1] not in _NOT_AFTER_IMPERATIVE)):
        reasons.append((2.0, "imperative"))
    handles = 0
    if "@" in line or "#" in line or "www" in line or "http" in line or ".co" in line:
        handles = len(_HANDLE.findall(line)) + len(_HASHTAG.findall(line)) + len(_URL.findall(line))
    if handles:
        reasons.append((1.5 * min(handles, 3), "links/handles"))
    if n <= 3 and not _TERMINAL.search(line) and not any(c.isdigit() for c in line):
        reasons.append((2.0 if n <= 2 else 1.0, "navigation"))
    if n >= 8 and not _TERMINAL.search(line) and sum(1 for t in words if t in _FUNCTION_WORDS) < 0.3 * n:
        reasons.append((1.0, "not prose"))  # a run of nouns: menus, product lists, link lists
    if position >= 1.0 and n >= 5 and not _TERMINAL.search(line):
        reasons.append((1.5, "trailing fragment"))
    if position < 0.1 or position > 0.85:
        reasons.append((0.5, "page edge"))
    score = sum(s for s, _ in reasons)
    if n > 40:  # long prose: evidence is judged by density, not by count
        score *= 40 / n
    if reporting:
        score -= 2.0
    if n >= 30:
        score -= 1.0
    if "?" in plain and reader and not reporting:
        score += 1.5
    reason = max(reasons)[1] if reasons else ""
    return score, reason, False


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
        m = _CAPTION_CREDIT.match(ln.text)
        if m and len(_words(m.group("credit"))) <= 6:
            body_key = _key(m.group("body"))
            j = seen.get(body_key)
            if j is not None and i - j <= 3:
                for k in (i, j):
                    lines[k].drop, lines[k].strong, lines[k].reason = True, True, "photo caption"
                continue
            if _AGENCY_CREDIT.search(m.group("credit")) and not _TERMINAL.search(m.group("body")):
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
            while j < len(lines) and len(_words(lines[j].text)) <= 14:
                lines[j].drop, lines[j].strong, lines[j].reason = True, True, "link list"
                j += 1
            i = j
            continue
        if ln.reason == "photo caption" and len(_words(ln.text)) <= 3 and i + 1 < len(lines):
            nxt = lines[i + 1]  # "Image caption," then the caption itself
            if not nxt.drop and len(_words(nxt.text)) <= 40:
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
        n = len(_words(ln.text))
        if 3 <= n <= 30 and not _TERMINAL.search(ln.text) and not is_date_line(ln.text):
            return i
        if n > 30 or _TERMINAL.search(ln.text):
            return None  # the body has started
    return None


_LABELLED_DATE = re.compile(
    r"^\W*(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated|last\s+updated)\s*:?\s*"
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?|\d{1,2}/\d{1,2}/\d{4})\s+",
    re.I,
)


def _header(lines: list[_Line], meta: dict[str, Any]) -> None:
    """Date, byline and masthead lines in the header area go to meta, not to the text."""
    seen_body = False
    for ln in lines[:12]:
        if ln.drop:
            continue
        n = len(_words(ln.text))
        if is_date_line(ln.text):
            meta.setdefault("date_lines", []).append(ln.text)
            ln.drop, ln.strong, ln.reason = True, True, "date line"
            continue
        m = _LABELLED_DATE.match(ln.text)
        if m:  # " date 2017-06-12 Kurdish factions ..." -> keep the text after the label
            meta.setdefault("date_lines", []).append(ln.text[: m.end()].strip())
            ln.text = ln.text[m.end():].strip()
            continue
        by = _BYLINE.match(ln.text)
        if by and n <= 12 and not seen_body:
            meta.setdefault("bylines", []).append(ln.text)
            ln.drop, ln.strong, ln.reason = True, True, "byline"
            continue
        if not seen_body and n <= 9 and (_NAME_LINE.match(ln.text) and n <= 4 or _ROLE_BYLINE.match(ln.text)):
            meta.setdefault("bylines", []).append(ln.text)
            ln.drop, ln.strong, ln.reason = True, True, "byline"
            continue
        if n > 30 or (_TERMINAL.search(ln.text) and n > 12):
            seen_body = True


def _apply_scores(lines: list[_Line]) -> None:
    total = max(len(lines) - 1, 1)
    for i, ln in enumerate(lines):
        if ln.drop:
            continue
        ln.score, ln.reason, ln.strong = _score(ln.text, i / total)
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
        m = _SOURCE_LINE.match(ln.text) or _DASH_SIGNOFF.match(ln.text)
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
    body = body.replace("\n", "\n\n")  # trafilatura puts one paragraph per line
    result = clean_lines(body, title=title or meta.get("title"))
    result.meta = {**meta, **result.meta}
    return result


def clean_text(raw: str, *, is_html: bool = False, title: str | None = None) -> CleanResult:
    """Clean one article: text with paragraphs separated by blank lines, the headline, what was dropped."""
    if is_html:
        return _clean_html(raw, title)
    return clean_lines(raw, title=title)

"""Line features for boilerplate detection: vocabulary, shapes and the per-line score.

``score_line`` gives one line's boilerplate score from general features (site and
call-to-action vocabulary, second-person address, site voice, imperative
opening, links and handles, bare navigation words, non-prose runs, position) and
recognises decisive shapes (cross-links, social posts, sign-offs, bylines,
copyright, separators). ``sitrep.ingest.clean`` combines the scores of a page.
"""

from __future__ import annotations

import re

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


def _words(line: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'’-]*", line)


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


# Public names used by the cleaner.
TERMINAL = _TERMINAL
CLOSES_ONLY = _CLOSES_ONLY
SOURCE_LINE = _SOURCE_LINE
DASH_SIGNOFF = _DASH_SIGNOFF
BYLINE = _BYLINE
ROLE_BYLINE = _ROLE_BYLINE
NAME_LINE = _NAME_LINE
CAPTION_CREDIT = _CAPTION_CREDIT
AGENCY_CREDIT = _AGENCY_CREDIT
words = _words
score_line = _score

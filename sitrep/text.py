"""Sentence splitting shared by every stage.

A rule splitter tuned for news prose: it knows common abbreviations
("U.S.", "Gen.", "Jan."), initials, decimal numbers and quotes, and never
splits across a paragraph break. Offsets are character offsets into the
article text, so every later mention can point back at its sentence.
"""

from __future__ import annotations

import re

from sitrep.records import Sentence

STAGE_VERSION = "sitrep.sentences.v3"

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


# Glued text: scraped pages run a headline, a standfirst or a photo caption into the next sentence with no
# punctuation ("... on Friday A UN team has ...", "... a ghost town The Syrian government claims ...").
# A boundary is taken there only when the word before is a lowercase content word (not a preposition,
# article, conjunction, auxiliary or verb of saying: "in The Hague", "told The Times" stay whole; after a
# capitalised word only "The/A/An") and the word after opens a clause as no mid-sentence word does: a
# capitalised determiner, pronoun, quantifier or "At least". After a closing quotation mark any capitalised
# word followed by a lower-case one starts a sentence ("`` gaining hold '' Turkey has protested").
# A capitalised common word ("... by monitors Militants killed ...") is left alone: too often a name.
_GLUE = re.compile(r"(?<=[a-z0-9']|”)( +)(?=([A-Z][a-z]*)\b( +\S+)?)")
#: a scraped page's "Topic : Headline" title ("Syria crisis : Troops move into towns"; the colon spaced)
TOPIC = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,3} : (?=\S)")
_TITLE = re.compile(r"The +[A-Z]\S* +[A-Z]")
_GLUE_LEFT = re.compile(r"([\w'-]+|”)$")
_OPENERS = {"The", "A", "An", "This", "These", "Those", "He", "She", "They", "We", "It", "Its", "Their", "His",
            "Her", "Our", "There", "At", "Some", "Many", "Several", "Most", "More", "Dozens", "Hundreds",
            "Thousands"}
_FUNCTION = set("""
a an the this that these those its their his her our your my whose which who whom what how why
of in on at to from by with for into onto about against between among through during without within under
over near across behind beyond toward towards including like via per amid despite outside inside around
after before since until because if whether although though once unless whereas while when where as than
so but and or nor yet is are was were be been being has have had do does did will would can could may
might must shall should not also then now only just even still called named dubbed titled known
nicknamed entitled versus vs said says say told tell tells claimed claims claim reported reports
believe believes believed think thinks thought added adds warned warns announced announces insisted
stated confirmed denied suggested show shows showed means meant fear feared fears know knew felt
hope hoped see saw seen watch read wrote write writes bin ibn al el de da du di la le van von der den
newspaper paper daily weekly magazine film movie book novel song album show programme program channel
station title brand website site blog ship operation codenamed plan team group band
""".split())


def _left_word(text: str, end: int) -> str | None:
    """``_GLUE_LEFT.search(text, 0, end).group(1)``: the run of word characters, apostrophes and hyphens that ends
    at ``end``, else a closing quotation mark there, else None. Read backwards from ``end`` (a regex search from 0
    tries every start before ``end``: quadratic in the sentence)."""
    i = end
    while i > 0 and ((c := text[i - 1]).isalnum() or c in "_'-"):  # \w is isalnum() or "_"
        i -= 1
    if i < end:
        return text[i:end]
    return "”" if end > 0 and text[end - 1] == "”" else None


def _glue_points(text: str) -> list[int]:
    """Offsets in ``text`` where a glued sentence begins (see ``_GLUE``)."""
    points = []
    for m in _GLUE.finditer(text):
        left = _left_word(text, m.start())
        word, after = m.group(2), (m.group(3) or "").strip()
        if not left or left.lower() in _FUNCTION:
            continue
        if left in ("''", "”"):  # "... `` gaining hold '' Turkey has protested ..."
            if word in _OPENERS and word != "At" or after.startswith("least") or len(word) >= 3 and after[:1].islower():
                points.append(m.end())
            continue
        if word not in _OPENERS or not left[:1].islower() and not left[:1].isdigit() \
                and word not in ("The", "A", "An"):
            continue  # "Abbasyin Square": one name; "on Friday A UN team" is two sentences
        if word in ("A", "An") and (not after or not after[:1].isalnum()):
            continue  # "Plan A ." / "type A ,"
        if word == "At" and not after.startswith("least") or word == "The" and _TITLE.match(text, m.end()):
            continue  # "the website The Kurdish Question", "in The New York Times"
        points.append(m.end())
    return points


def _headline_end(text: str, after: int) -> int | None:
    """Where the headline of a "Topic : Headline" title ends when the next sentence is glued to it: the first
    lowercase content word followed by a capitalised word and a lowercase one ("Syria crisis : Troops move into
    towns in north Security forces , seen here ...")."""
    for m in _GLUE.finditer(text, after):
        left = _left_word(text, m.start())
        after_word = (m.group(3) or "").strip()
        if left and left[:1].islower() and left.lower() not in _FUNCTION \
                and after_word[:1].islower() and len(m.group(2)) > 1:
            return m.end()
    return None


def _split_block(text: str, base: int, first: bool = False, glue: bool = True) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (``first``: the article's first, which can open with a title)."""
    spans: list[tuple[int, int]] = []
    for s, e in _split_punctuated(text, 0):
        if not glue:
            spans.append((base + s, base + e))
            continue
        start = s
        points = _glue_points(text[s:e])
        if first and s == 0 and (topic := TOPIC.match(text)):
            title_end = _headline_end(text[:e], topic.end() - 1)
            if title_end is not None and (not points or title_end < points[0]):
                points.insert(0, title_end)
        for p in points:
            cut = s + len(text[s:s + p].rstrip())
            if cut > start:
                spans.append((base + start, base + cut))
            start = s + p
        spans.append((base + start, base + e))
    return spans


def _split_punctuated(text: str, base: int) -> list[tuple[int, int]]:
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


def split_sentences(article_id: str, text: str, *, glue: bool = True) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``. ``glue=False`` keeps a headline or caption
    glued to the next sentence whole (see ``_GLUE``): only punctuation and paragraphs end a sentence."""
    sentences: list[Sentence] = []
    pos = 0
    blocks = []
    for m in _PARA.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for n, (b_start, b_end) in enumerate(blocks):
        block = text[b_start:b_end]
        lead = len(block) - len(block.lstrip())
        for s, e in _split_block(block.lstrip(), b_start + lead, first=n == 0, glue=glue):
            if e > s:
                sentences.append(Sentence(article_id, len(sentences), s, e, text[s:e]))
    return sentences

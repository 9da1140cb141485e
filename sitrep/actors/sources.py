"""Attribution: who a claim is attributed to (``find_sources``), and hedging (``is_hedged``).

For each reporting verb (said, told, reported, claimed, announced, confirmed,
denied, warned, stated, added, ...) the speaker is looked for where English
puts it:

* before the verb: "The UK-based Syrian Observatory for Human Rights said on
  Monday that ...", "Raqqa is Being Slaughtered Silently, an activist group in
  Raqqa, said ..." (appositions are read too, so "Omar Alloush of the Raqqa
  Civilian Council, told The Associated Press" gives the council, and the
  outlet that was told is not a source);
* between the last comma and a sentence-final verb: "..., the SDF and the
  Observatory said.";
* after an inverted verb: "..., said Mustafa Bali, the spokesman for the
  Syrian Democratic Forces", "..., reports Efe news".

Plus "according to X", "posted on social media", "cited/quoted/reported by X".
Within the speaker phrase a specific known source (SOHR, an actor, an outlet
that reports) beats a category (activists, residents, monitors), which beats
an anaphor ("it", "the press release", "the group"), which beats the bare
surface form. "The group said" is resolved to the first actor named earlier in
the same text; ``resolve_sources`` resolves the other anaphors across
consecutive sentences.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sitrep.actors.dictionary import DATA, load_actors
from sitrep.actors.lexicon import AliasIndex, Hit, fold, normalise
from sitrep.records import SourceMention

STAGE_VERSION = "sitrep.actors.sources.v1"
SOURCES_FILE = DATA / "sources.tsv"

_VERB_WORDS = (
    "said says say told tells tell reported reports claimed claims claim announced announces confirmed confirms "
    "denied denies deny warned warns stated states added adds noted notes estimated alleged alleges insisted "
    "insists wrote writes tweeted revealed reveals explained explains cited quoted acknowledged admitted asserted "
    "reiterated documented recorded counted posted published"
).split()
_BY_VERBS = ("posted published shared circulated broadcast aired released uploaded cited quoted reported carried "
             "documented compiled issued").split()
_PASSIVE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being|it's)\s+(?:\w+ly\s+)?)$")
_CLAIMED_LIVES = re.compile(r"\s+(?:the\s+lives|lives|the\s+life|\d[\d,]*\s+lives|responsibility\s+for\s+the\s+lives)")
_AFTER_TRAILING = re.compile(
    r"\s*(?:(?:on|in|at|late|early|earlier|later|last|this|yesterday|today|tonight|overnight|recently|"
    r"previously|also|via|through|to|from|during|after|before|when|as)\b(?:(?!\bthat\b)[^,.;:!?\"”)])*)?"
    r"(?:[.,;:!?\"”)']|$)"
)
_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|"
                  r"been|being|said|says|told)\b")
_SENT_END = re.compile(r"[.!?\n](?:(?<=\n)|[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9]))")
_STRONG_LEFT = re.compile(r"[;:\"“”]|\bthat\b|\bbut\b|\bwhile\b|\bwhereas\b|\bbecause\b|\bafter\b")
_LEAD_JUNK = re.compile(r"^(?:\s|,|and\b|but\b|also\b|however\b|meanwhile\b|separately\b|earlier\b|later\b)+", re.I)
_TRAIL_JUNK = re.compile(r"(?:\s|,|\balso\b|\bpreviously\b|\bearlier\b|\blater\b|\bhave\b|\bhas\b|\bhad\b)+$")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b.*$", re.S)
_SAY_INVERTS = frozenset({"said", "says", "reported", "reports", "added", "adds", "wrote", "writes", "claimed",
                          "warned", "stated", "noted", "tweeted", "explained", "insisted"})
_BASE_FORMS = frozenset({"say", "tell", "claim", "deny"})
_MODAL_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|did|does|do|not|never)\s+$", re.I)
_DET_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|these|those|widely|initially|first)\s+$", re.I)
_AUX_TAIL = re.compile(r"(?:\s+(?:have|has|had|also|previously|repeatedly|again|already|later|earlier|now|"
                       r"would|will|had|officially|publicly|reportedly|recently|initially|first))+\s*$", re.I)
_INVERTED_SUBJECT = re.compile(
    r"\s+(?:(?:the|a|an|one|two|three|several|some|many|another|other|local|senior)\s+[a-z]|(?:the\s+|a\s+|an\s+)?[A-Z])")
_TO_BEFORE = re.compile(r"(?<![\w-])(?:to|told|with|[Tt]old)\s+(?:the\s+)?$")
_CAP_WORDS_LEFT = re.compile(r"(?:(?<![\w-])[A-Z][\w'-]*\s+)+$")
_CAP_WORDS_RIGHT = re.compile(r"(?:\s+[A-Z][\w'-]*)+")
_IN_BEFORE = re.compile(r"(?<![\w-])(?:[Ii]n|[Ww]ith|[Ff]rom|[Oo]f)\s+$")
_RELATIVE_BEFORE = re.compile(r",?\s*\b(?:who|which)\s*$")
_CAP_RUN = re.compile(r"(?:[A-Z][\w'.-]*\s+)*[A-Z][\w'.-]*(?:\s+(?:himself|herself|itself|themselves))?\s*$")
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "both", "this", "which", "who"})
_GROUP_ANAPHORS = frozenset({"the group", "the militia", "the alliance", "the organisation", "the organization",
                             "the force", "the forces", "the militant group", "the jihadist group",
                             "the extremist group", "the rebel group", "the movement"})
_STOPWORDS = frozenset({"the", "a", "an", "to", "of", "in", "on", "at", "and", "or", "but", "for", "with", "by",
                        "as", "that", "this", "from"})
_STATE_SOURCE_NOUNS = ("army", "military", "armed forces", "forces", "troops", "defence ministry", "defense ministry",
                       "ministry of defence", "ministry of defense", "government", "authorities", "officials",
                       "police", "air force", "navy", "security forces", "military spokesman", "army spokesman",
                       "general staff", "military command", "army command", "interior ministry")
_RANK = {"named": 0, "media": 0, "actor": 0, "generic": 1, "anaphor": 2}


@dataclass(frozen=True)
class _Source:
    source_id: str
    name: str
    kind: str  # named|media|generic|anaphor|actor


@lru_cache(maxsize=1)
def _lexicon() -> AliasIndex[_Source]:
    d = load_actors()
    items: list[tuple[str, _Source]] = []
    with open(SOURCES_FILE, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        actor_id = d.by_name.get(row["name"].lower())
        src = _Source(actor_id or row["source_id"], row["name"], row["kind"])
        items.extend((a, src) for a in row["aliases"].split("|") if a.strip())
    for entry in d.entries.values():
        if entry.inter in (5, 6, 7) or entry.actor_id == "unidentified":
            continue
        src = _Source(entry.actor_id, entry.name, "actor")
        items.extend((a, src) for a in (*entry.aliases, entry.name))
    for dem, actor_id in d.demonym_to_actor.items():  # "Nigeria's army said", "Malian authorities said"
        entry = d.entries[actor_id]
        if entry.inter not in (1, 8):
            continue
        written = next((x for x in entry.demonyms if x.lower() == dem), dem)
        src = _Source(entry.actor_id, entry.name, "actor")
        items.extend((f"{written} {noun}", src) for noun in _STATE_SOURCE_NOUNS)
    # cues (kind "cue"): reporting verbs and attribution phrases, exact lower case, found in the same pass
    items += [(f"={v}", _Source("verb", v, "cue")) for v in _VERB_WORDS]
    items += [(f"={p}", _Source("according", "", "cue")) for p in ("according to", "According to")]
    items += [(f"={v} {p}", _Source("by", "", "cue")) for v in _BY_VERBS for p in ("on", "by")]
    items += [(f"={p}", _Source("by", "", "cue")) for p in ("as reported by", "As reported by")]
    return AliasIndex(items)


def _np_like(segment: str) -> bool:
    segment = _RELATIVE.sub("", segment)
    return len(segment.split()) <= 15 and not _AUX.search(segment)


def _mask(text: str, hits: Sequence[Hit[_Source]], offset: int) -> str:
    chars = list(text)
    for h in hits:
        for i in range(max(h.start - offset, 0), min(h.end - offset, len(chars))):
            chars[i] = "x"
    return "".join(chars)


def _segments(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in re.finditer(r",", norm[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if norm[s:e].strip()]


class _Finder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalise(text)
        self.bounds = [0] + [m.end() for m in _SENT_END.finditer(text)]
        found = _lexicon().find(self.norm, self.norm)
        self.cues = [h for h in found if h.payload.kind == "cue"]
        self.hits = [h for h in found if h.payload.kind != "cue"]
        self.starts = [h.start for h in self.hits]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.bounds, pos) - 1
        return self.bounds[i], self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.norm)

    def hits_in(self, start: int, end: int) -> list[Hit[_Source]]:
        """Lexicon hits inside ``[start, end)``."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [h for h in self.hits[lo:hi] if h.end <= end]

    def known_in(self, start: int, end: int) -> list[tuple[int, int, _Source]]:
        inside = [(h.start, h.end, h.payload) for h in self.hits_in(start, end)]
        inside.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[tuple[int, int, _Source]] = []
        for h in inside:
            if out and h[0] < out[-1][1]:
                continue
            out.append(h)
        return out

    def pick(self, start: int, end: int, head: tuple[int, int] | None, first: bool = False) -> list[SourceMention]:
        """The source(s) named in the speaker phrase ``norm[start:end]``."""
        known = [k for k in self.known_in(start, end)
                 if not (k[2].kind == "anaphor" and _IN_BEFORE.search(self.norm[max(k[0] - 12, 0):k[0]]))
                 and not (k[2].kind == "media" and _TO_BEFORE.search(self.norm[max(k[0] - 16, 0):k[0]]))]
        if known:
            best = min(_RANK.get(k.kind, 3) for _, _, k in known)
            if first:  # phrase after "according to": the first source, skipping "a statement (from)"
                ranked = [h for h in known if h[2].kind != "anaphor"] or known
            else:
                ranked = [h for h in known if _RANK.get(h[2].kind, 3) == best]
            chosen = [ranked[0]]
            for h in ranked[1:]:  # coordination: "the SDF and the Observatory"
                gap = self.norm[chosen[-1][1]:h[0]]
                if re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?", gap, re.I):
                    chosen.append(h)
            out = []
            for s, e, src in chosen:
                if src.kind == "anaphor":
                    out.append(self._anaphor(s, e))
                elif src.kind == "generic" and self.norm[s].isupper() and (run := self._name_run(s, e, start, end)):
                    out.append(SourceMention(run[0], run[1], self.text[run[0]:run[1]], self.text[run[0]:run[1]]))
                else:
                    out.append(SourceMention(s, e, self.text[s:e], src.name, src.source_id))
            return out
        if head is None:
            return []
        s, e = head
        piece = self.norm[s:e]
        lead = _LEAD_JUNK.match(piece)
        if lead:
            s += lead.end()
        trail = _TRAIL_JUNK.search(self.norm[s:e])
        if trail:
            e = s + trail.start()
        surface = self.norm[s:e]
        words = surface.split()
        if not words or len(words) > 8 or _AUX.search(surface) or words[-1].lower() in _STOPWORDS:
            return []
        if surface.lower() in _PRONOUNS:
            return [SourceMention(s, e, self.text[s:e], surface.lower())]
        if not (words[0][0].isupper() or words[0].lower() in ("a", "an", "the", "two", "three", "several")):
            return []
        return [SourceMention(s, e, self.text[s:e], self.text[s:e])]

    def _name_run(self, s: int, e: int, lo: int, hi: int) -> tuple[int, int] | None:
        """The capitalised name around a category word ("the Sudan Doctors Network"), if there is one."""
        left = _CAP_WORDS_LEFT.search(self.norm[lo:s])
        right = _CAP_WORDS_RIGHT.match(self.norm, e, hi)
        s2 = lo + left.start() if left else s
        det = re.match(r"(?:The|A|An)\s+", self.norm[s2:s])
        if det:
            s2 += det.end()
        e2 = right.end() if right else e
        return (s2, e2) if (s2, e2) != (s, e) else None

    def _anaphor(self, s: int, e: int) -> SourceMention:
        surface = self.text[s:e]
        key = fold(normalise(surface)).strip()
        if key in _GROUP_ANAPHORS:
            sent_start, _ = self.sentence(s)
            for _, _, src in self.known_in(sent_start, s):
                if src.kind == "actor":
                    return SourceMention(s, e, surface, src.name, src.source_id)
        return SourceMention(s, e, surface, key)

    def from_verb(self, v0: int, v1: int, word: str) -> list[SourceMention]:
        sent_start, sent_end = self.sentence(v0)
        before = self.norm[sent_start:v0]
        after = self.norm[v1:sent_end]
        near = before[-60:]  # the $-anchored checks below only need the words just before the verb
        if _PASSIVE.search(near):
            return []
        if word.startswith("claim") and _CLAIMED_LIVES.match(after):
            return []
        if word in _BASE_FORMS and _MODAL_BEFORE.search(near):
            return []
        if word in ("reported", "claimed", "alleged", "published", "posted") and _DET_BEFORE.search(near):
            return []  # "the reported location", "the claimed toll"
        stripped = before.rstrip()
        inverted = (word in _SAY_INVERTS and stripped.endswith((",", '"', "”", "'"))
                    and _INVERTED_SUBJECT.match(after))
        if word in ("reports", "posted", "published") and not inverted and not re.match(r"\s+that\b", after):
            return []
        tail = _AUX_TAIL.search(near)
        if tail:
            v0 = v0 - len(near) + tail.start()
            before = self.norm[sent_start:v0]
        rel = None if inverted else _RELATIVE_BEFORE.search(before[-60:])
        if rel:  # "..., Kofi Annan, who insists ...": the speaker is the antecedent
            cut = v0 - len(before[-60:]) + rel.start()
            known = [k for k in self.known_in(max(cut - 80, sent_start), cut) if k[1] >= cut - 2]
            if known:
                s0, e0, src = known[-1]
                return [SourceMention(s0, e0, self.text[s0:e0], src.name, src.source_id)]
            run = _CAP_RUN.search(self.norm[max(cut - 60, sent_start):cut])
            if run and run.group(0).strip():
                s0 = max(cut - 60, sent_start) + run.start()
                e0 = s0 + len(re.sub(r"\s+(?:himself|herself|itself|themselves)\s*$", "", run.group(0).rstrip()))
                return [SourceMention(s0, e0, self.text[s0:e0], self.text[s0:e0])]
            return []
        if inverted and self._named_subject(sent_start, v0):
            inverted = False  # "A Houthi military spokesman, Yahya Saree, said the group ...": not inverted
        if inverted:
            end = sent_end
            stop = re.search(r"[.;:!?]|\bthat\b|\bwho\b|\bwhich\b", after)
            if stop:
                end = v1 + stop.start()
            segs = _segments(self.norm, v1, end)[:3]
            if not segs:
                return []
            return self.pick(segs[0][0], segs[-1][1], segs[0])
        # left context: back to the sentence start or a strong boundary
        left = sent_start
        for b in _STRONG_LEFT.finditer(before):
            left = sent_start + b.end()
        if left >= v0:
            return []
        if _AFTER_TRAILING.match(after):
            segs = _segments(self.norm, left, v0)
            if not segs:
                return []
            return self.pick(segs[-1][0], segs[-1][1], segs[-1])
        segs = _segments(self.norm, left, v0)
        if not segs:
            return []
        region = [segs[-1]]
        masked_hits = self.hits_in(left, v0)
        for seg in reversed(segs[:-1]):
            if len(region) >= 3 or not _np_like(_mask(self.norm[seg[0]:seg[1]], masked_hits, seg[0])):
                break
            region.insert(0, seg)
        if not _np_like(_mask(self.norm[region[-1][0]:region[-1][1]], masked_hits, region[-1][0])):
            # the clause before the verb is not a noun phrase: only a named source next to the verb counts
            known = [k for k in self.known_in(region[-1][0], v0) if k[1] >= v0 - 2]
            return [SourceMention(s, e, self.text[s:e], k.name, k.source_id) for s, e, k in known[-1:]]
        return self.pick(region[0][0], region[-1][1], region[-1])

    def _named_subject(self, sent_start: int, v0: int) -> bool:
        """Noun-phrase segments from the sentence start up to the verb, naming a specific source."""
        segs = _segments(self.norm, sent_start, v0)
        if not segs or len(segs) > 3:
            return False
        hits = self.hits_in(sent_start, v0)
        if not all(_np_like(_mask(self.norm[a:b], hits, a)) for a, b in segs):
            return False
        return any(k.kind in ("named", "actor") for _, _, k in self.known_in(sent_start, v0))

    def from_phrase(self, start: int, allow_unknown: bool) -> list[SourceMention]:
        while start < len(self.norm) and self.norm[start] == " ":
            start += 1
        _, sent_end = self.sentence(start)
        stop = re.search(r"[,.;:!?()\"”]|\bthat\b|\bwho\b|\bwhich\b|\bsaying\b", self.norm[start:sent_end])
        end = start + stop.start() if stop else sent_end
        if not allow_unknown:  # "posted on social media appeared to show ...": only the next few words
            words = list(re.finditer(r"\S+", self.norm[start:end]))[:8]
            end = start + words[-1].end() if words else start
        if end <= start:
            return []
        return self.pick(start, end, (start, end) if allow_unknown else None, first=True)


def find_sources(text: str) -> list[SourceMention]:
    """Who the claims in ``text`` (a sentence, or several) are attributed to, in order of position."""
    if not text.strip():
        return []
    f = _Finder(text)
    out: list[SourceMention] = []
    for hit in f.cues:
        kind, word = hit.payload.source_id, hit.payload.name
        if kind == "verb":
            out.extend(f.from_verb(hit.start, hit.end, word))
        else:
            out.extend(f.from_phrase(hit.end, allow_unknown=kind == "according"))
    seen: set[tuple[int, int]] = set()
    unique: list[SourceMention] = []
    for s in sorted(out, key=lambda s: (s.start, -(s.end - s.start))):
        if any(s.start < e and b < s.end for b, e in seen):
            continue
        seen.add((s.start, s.end))
        unique.append(s)
    return unique


def is_anaphoric(source: SourceMention) -> bool:
    """True for "it", "he", "the press release", "a spokesman": a source that stands for one named earlier."""
    if source.source_id is not None:
        return False
    key = fold(normalise(source.name)).strip()
    if key in _PRONOUNS:
        return True
    return any(src.kind == "anaphor" for src in _lexicon().lookup_all(key))


def resolve_sources(texts: Sequence[str], window: int = 4) -> list[list[SourceMention]]:
    """``find_sources`` for consecutive sentences, anaphoric sources replaced by the last named one.

    A source named within the previous ``window`` sentences stands in for "it
    said", "the press release said", "he told", "the spokesman said".
    Unresolvable anaphors are kept as they are.
    """
    out: list[list[SourceMention]] = []
    last: tuple[int, str, str | None] | None = None  # (sentence index, name, source_id)
    for i, text in enumerate(texts):
        resolved: list[SourceMention] = []
        for s in find_sources(text):
            if is_anaphoric(s):
                if last is not None and i - last[0] <= window:
                    s = SourceMention(s.start, s.end, s.surface, last[1], last[2])
            elif s.source_id is not None or s.name[:1].isupper():
                last = (i, s.name, s.source_id)
            resolved.append(s)
        out.append(resolved)
    return out


_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|alleged|purportedly|purported|apparently|appeared\s+to|appears\s+to|"
    r"claimed|claims|claiming|(?:said|thought|believed|understood|reported|rumou?red|feared|estimated)\s+to\s+"
    r"(?:be|have)|believed\s+to|(?:is|are|was|were|being)\s+believed|unconfirmed|unverified|could\s+not\s+(?:be\s+)?(?:independently\s+)?"
    r"(?:verif|confirm)\w*|cannot\s+be\s+(?:independently\s+)?(?:verified|confirmed)|not\s+(?:be\s+)?"
    r"independently\s+(?:verified|confirmed)|may\s+have\s+been|might\s+have\s+been|suspected)\b",
    re.I,
)


def is_hedged(sentence: str) -> bool:
    """True when the sentence marks its claim as uncertain ("reportedly", "allegedly", "said to be", ...)."""
    return _HEDGE.search(normalise(sentence)) is not None

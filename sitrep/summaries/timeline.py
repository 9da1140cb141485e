"""Timeline summarisation: the dates that matter, and for each a few sentences that say what happened.

The method follows DATEWISE (Ghalandari & Ifrim, ACL 2020), from raw text:

1. **Dates.** Every article is split into sentences (``sitrep.text``) and time-tagged against its
   publication date (``sitrep.time``); a sentence *refers to* each day-precise date it mentions.
   Each candidate date gets counts of referring sentences and articles (before / after / on the
   publication day, in query sentences) and of articles published on it and the day after. A
   linear ranker over those counts, each as the date's share of the topic's total so that topics
   of any size and period compare (``data/date_ranker.json``, trained on the Timeline17 dev topics
   by ``bench/train_date_ranker.py``, leave-one-topic-out figures recorded in the file; it uses
   DATEWISE's seven counts), orders the dates.
2. **Candidates per date.** The sentences that refer to the date, plus the opening sentences of
   articles published on it or the day after that mention no date (DATEWISE's "PM-mean"
   collector): both pools are reduced to the sentences close to the date's mean vector (cut at the
   knee of the similarity curve).
3. **Summary per date.** Greedy centroid optimisation: add the sentence that brings the summary's
   vector closest to the candidates' centroid; a sentence too similar to one already in the
   timeline (any date) is skipped, so entries do not repeat each other. With a query, only
   sentences containing a query term are eligible.

For conflict corpora, sentences that the event stages dated to a day (incident reports, control
changes) are added as references to that date, so incidents and control changes add candidate
dates and entries. Every item cites the sentence it is, and near-identical sentences of other
articles on the same date, as :class:`~sitrep.summaries.cite.Citation` data.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.records import Record
from sitrep.summaries.cite import Citation
from sitrep.summaries.vectors import Vector, Vectorizer, add_into, dot, normalise, tokens
from sitrep.text import split_sentences
from sitrep.time import tag

if TYPE_CHECKING:
    from sitrep.store import Store

STAGE_VERSION = "sitrep.timeline.v2"
RANKER_FILE = Path(__file__).resolve().parent / "data" / "date_ranker.json"
DATA_FILES: tuple[Path, ...] = (RANKER_FILE,)

FEATURES = ("sents_total", "sents_before", "sents_after", "docs_total", "docs_before", "docs_after",
            "docs_published", "docs_published_next", "query_sents", "docs_week_later")


class TimelineError(ValueError):
    """Bad arguments to a timeline (dates out of order, no articles)."""


@dataclass(frozen=True)
class SourceArticle:
    """One article as the timeline reads it."""

    article_id: str
    external_id: str
    text: str
    published: dt.date | None
    outlet: str | None = None


@dataclass(frozen=True)
class DatedSentence:
    """A sentence that the event stages dated (an incident report, a control change).

    ``date`` is the day it is listed under; ``date_begin``/``date_end`` the interval the event stages
    gave when it is not one day. Sentences of the same ``incident_id`` on a date form one timeline
    item citing all of them; ``priority`` orders the items of a date (control changes first).
    """

    article_id: str
    sentence_index: int
    date: dt.date
    incident_id: str | None = None
    priority: float = 1.0
    date_begin: dt.date | None = None
    date_end: dt.date | None = None


@dataclass
class TimelineItem(Record):
    text: str
    citations: list[Citation]
    incident_id: str | None = None
    date_begin: dt.date | None = None  # the event's interval when the sources do not give one day
    date_end: dt.date | None = None


@dataclass
class TimelineEntry(Record):
    date: dt.date
    items: list[TimelineItem]
    score: float
    n_articles: int  # articles that refer to the date or were published on it


@dataclass
class Timeline(Record):
    entries: list[TimelineEntry]
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    n_articles: int = 0
    query: list[str] = field(default_factory=list)
    stage_version: str = STAGE_VERSION

    def as_pairs(self) -> list[tuple[str, list[str]]]:
        """``[[date, [sentence, ...]], ...]``: the form timeline benchmarks read."""
        return [(e.date.isoformat(), [i.text for i in e.items]) for e in self.entries]


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class TimelineSettings:
    clip_sents: int = 5  # opening sentences of an article that stand for its publication day
    pub_days: int = 2  # ... for the publication day and the day before
    min_words: int = 6
    max_words: int = 60
    redundancy: float = 0.5  # cosine above which a sentence repeats one already in the timeline
    corroboration: float = 0.8  # cosine above which another article's sentence is cited as the same claim
    max_event_items: int = 4  # incident / control-change items listed per date (before the extractive fill)
    max_event_span: int = 7  # an incident known only to within this many days is listed on its last day


# --------------------------------------------------------------------------- preprocessing


@dataclass
class _Sent:
    doc: int
    index: int
    text: str
    toks: list[str]
    dates: set[dt.date]
    vec: Vector = field(default_factory=dict)
    incident_id: str | None = None


@dataclass
class _Doc:
    art: SourceArticle
    sents: list[_Sent]


def _day_dates(text: str, anchor: dt.date | None) -> list[tuple[int, int, dt.date]]:
    out = []
    for m in tag(text, anchor):
        if m.type != "DATE" or m.begin is None or m.begin != m.end_date or m.value == "PRESENT_REF":
            continue
        if anchor is None and not m.value[:4].isdigit():
            continue
        out.append((m.start, m.end, m.begin))
    return out


# a line that ends a sentence but the splitter went on (the next line opens with `` or * or a digit)
_SENT_NL = re.compile(r"([.!?][\"'”’)\]]*|'')[ \t]*\n\s*(?=[^\sa-z])")
# a line without final punctuation before a capitalised line: a headline, caption or dateline
_HEAD_NL = re.compile(r"[^\s.!?:;,\"'”’)\]][ \t]*\n\s*(?=[A-Z0-9\"'“‘(`])")
_LINE = re.compile(r"\S[^\n]*\n")
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$|[.!?]\s*(?:''|'')$")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# a page's own time stamp inside the text ("16 March 2012 Last updated at 14:51 GMT Help", "May 15 , 2009 14:06 UTC
# --"): page furniture, not news; the sentence after it starts a new piece (the stamp stays with the headline before)
_STAMP = re.compile(rf"\b(?:\d{{1,2}}\s+{_MONTH}\s+\d{{2,4}}|{_MONTH}\s+\d{{1,2}}\s*,?\s*\d{{4}})\s+"
                    r"(?:Last\s+updated\s+at\s+)?\d{1,2}:\d{2}\s*(?:GMT|UTC|BST|EST|EDT|ET)\b(?:\s+Help\b|\s*--)?")


def _hard_wrapped(text: str) -> bool:
    """Most lines end mid-sentence: the text is wrapped at a fixed width, line ends mean nothing."""
    ends = [m.group().rstrip()[-1:] for m in _LINE.finditer(text)]
    open_ends = sum(1 for e in ends if e and e not in ".!?:;\"'”’)]")
    return len(ends) >= 4 and open_ends > len(ends) / 2


def _pieces(text: str, base: int, wrapped: bool) -> list[tuple[int, int]]:
    """A sentence cut at line ends that end a sentence, and (unless the text is hard-wrapped) after lines
    without final punctuation: headlines, captions and datelines glued to the sentence after them.
    ``base`` is the sentence's offset in the article."""
    cuts = {m.end(): m.end(1) for m in _SENT_NL.finditer(text)}
    if not wrapped:
        cuts.update({m.end(): m.start() + 1 for m in _HEAD_NL.finditer(text)})
    cuts.update({m.end(): m.end() for m in _STAMP.finditer(text)})
    out, start = [], 0
    for nxt in sorted(cuts):
        out.append((base + start, base + cuts[nxt]))
        start = nxt
    out.append((base + start, base + len(text)))
    return [(a, b) for a, b in out if b > a]


def prepare(articles: Iterable[SourceArticle]) -> list[_Doc]:
    """Split and time-tag the articles: each sentence with the days it refers to."""
    docs: list[_Doc] = []
    for art in articles:
        # a headline or caption glued to the lede stays in it: the lede is the summary sentence (cut off,
        # the short pieces won selection and lost ROUGE-1 .124 -> .117 on Timeline17)
        sentences = split_sentences(art.article_id, art.text, glue=False)
        wrapped = _hard_wrapped(art.text)
        mentions = _day_dates(art.text, art.published)
        sents: list[_Sent] = []
        j = 0
        for s in sentences:
            for start, end in _pieces(s.text, s.start, wrapped):
                dates: set[dt.date] = set()
                while j < len(mentions) and mentions[j][0] < end:
                    if mentions[j][1] > start:
                        dates.add(mentions[j][2])
                    j += 1
                text = art.text[start:end]
                sents.append(_Sent(len(docs), s.index, text, tokens(text), dates))
        docs.append(_Doc(art, sents))
    return docs


def add_event_dates(docs: list[_Doc], dated: Iterable[DatedSentence]) -> dict[dt.date, list[tuple[DatedSentence, _Sent]]]:
    """Mark the sentences the event stages dated as references to their date; the event sentences by date."""
    where = {d.art.article_id: d for d in docs}
    out: dict[dt.date, list[tuple[DatedSentence, _Sent]]] = defaultdict(list)
    for ds in dated:
        doc = where.get(ds.article_id)
        if doc is None:
            continue
        pieces = [s for s in doc.sents if s.index == ds.sentence_index]
        if not pieces:
            continue
        best = max(pieces, key=lambda p: len(p.toks))
        for p in pieces:
            p.dates.add(ds.date)
        if ds.incident_id and best.incident_id is None:
            best.incident_id = ds.incident_id
        out[ds.date].append((ds, best))
    return out


# --------------------------------------------------------------------------- date ranking


def _has_query(s: _Sent, query: Sequence[str]) -> bool:
    if not query:
        return False
    low = s.text.lower()
    return any(q in low for q in query)


def date_features(docs: list[_Doc], query: Sequence[str] = ()) -> dict[dt.date, list[float]]:
    """Raw counts per candidate date, in the order of :data:`FEATURES`."""
    feats: dict[dt.date, list[float]] = defaultdict(lambda: [0.0] * len(FEATURES))
    for doc in docs:
        pub = doc.art.published
        seen: set[dt.date] = set()
        for s in doc.sents:
            q = _has_query(s, query)
            for d in s.dates:
                f = feats[d]
                f[0] += 1
                if pub is not None and d < pub:
                    f[1] += 1
                elif pub is not None and d > pub:
                    f[2] += 1
                if q:
                    f[8] += 1
            seen |= s.dates
        for d in seen:
            f = feats[d]
            f[3] += 1
            if pub is not None and d < pub:
                f[4] += 1
                if (pub - d).days > 7:
                    f[9] += 1
            elif pub is not None and d > pub:
                f[5] += 1
        if pub is not None:
            feats[pub][6] += 1
            feats[pub - dt.timedelta(days=1)][7] += 1
    return dict(feats)


SCALING = "share"


def feature_matrix(feats: dict[dt.date, list[float]], dates: Sequence[dt.date]) -> list[list[float]]:
    """Each count as the date's share of the topic's total over the candidate dates.

    Shares make topics of any size and period compare, and keep counts linear: on the Timeline17 dev
    topics (leave-one-topic-out) they rank dates better than log counts scaled by their maximum
    (average precision 0.504 vs 0.484, date F1 0.511 vs 0.504; ``bench/train_date_ranker.py``).
    """
    rows = [list(feats[d]) for d in dates]
    if not rows:
        return rows
    totals = [sum(col) or 1.0 for col in zip(*rows, strict=True)]
    return [[v / t for v, t in zip(row, totals, strict=True)] for row in rows]


@lru_cache(maxsize=1)
def load_ranker() -> dict[str, Any]:
    """The shipped date ranker: ``{"features": [...], "weights": [...], "bias": b}``."""
    try:
        model = json.loads(RANKER_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TimelineError(f"date ranker {RANKER_FILE} cannot be read: {exc}") from exc
    if tuple(model.get("features", ())) != FEATURES or len(model.get("weights", ())) != len(FEATURES):
        raise TimelineError(f"date ranker {RANKER_FILE} does not match the features {FEATURES}")
    if model.get("scaling") != SCALING:
        raise TimelineError(f"date ranker {RANKER_FILE} was trained on {model.get('scaling', 'log-max')!r} features, "
                            f"not {SCALING!r} (retrain it with bench/train_date_ranker.py --write)")
    return model


def rank_dates(docs: list[_Doc], query: Sequence[str] = (), *, date_from: dt.date | None = None,
               date_to: dt.date | None = None, model: dict[str, Any] | None = None) -> list[tuple[dt.date, float]]:
    """Candidate dates within [date_from, date_to], best first, with their scores."""
    model = model or load_ranker()
    feats = date_features(docs, query)
    dates = sorted(d for d in feats
                   if (date_from is None or d >= date_from) and (date_to is None or d <= date_to)
                   and (feats[d][0] > 0 or feats[d][6] > 0))
    X = feature_matrix(feats, dates)
    w, b = model["weights"], float(model.get("bias", 0.0))
    scored = [(d, b + sum(wi * xi for wi, xi in zip(w, x, strict=True))) for d, x in zip(dates, X, strict=True)]
    scored.sort(key=lambda p: (-p[1], p[0]))
    return scored


# --------------------------------------------------------------------------- sentences per date


def _knee(values: Sequence[float]) -> int:
    """Index of the point farthest from the line joining the first and last of ``values``."""
    n = len(values)
    if n < 3:
        return n - 1
    x0, y0, x1, y1 = 0.0, values[0], float(n - 1), values[-1]
    dx, dy = x1 - x0, y1 - y0
    norm = math.hypot(dx, dy) or 1.0
    best, best_i = -1.0, 0
    for i, y in enumerate(values):
        dist = abs(dy * i - dx * (y - y0)) / norm
        if dist > best:
            best, best_i = dist, i
    return best_i


def _collect(ment: list[_Sent], pub: list[_Sent]) -> list[_Sent]:
    """DATEWISE's PM-mean collector: the mention and publication pools cut to their shared centre."""
    if not ment or not pub:
        return ment or pub
    c_ment: dict[int, float] = {}
    c_pub: dict[int, float] = {}
    for s in ment:
        add_into(c_ment, s.vec)
    for s in pub:
        add_into(c_pub, s.vec)
    wm, wp = 1.0 / len(ment), 1.0 / len(pub)
    centre = normalise({i: wp * c_pub[i] + wm * v for i, v in c_ment.items() if i in c_pub})
    if not centre:
        return ment + pub
    pool = ment + pub
    sims = [dot(s.vec, centre) for s in pool]
    ordered = sorted(sims, reverse=True)
    thresh = ordered[_knee(ordered)]
    chosen = [s for s, sim in zip(pool, sims, strict=True) if sim > 0 and sim > thresh]
    return chosen or pool


def _summarise(cands: list[_Sent], k: int, eligible: Any, chosen_vecs: list[Vector],
               redundancy: float) -> list[_Sent]:
    """Greedy centroid optimisation with a redundancy check against everything already chosen."""
    if not cands:
        return []
    centroid: dict[int, float] = {}
    for s in cands:
        add_into(centroid, s.vec)
    centroid = normalise(centroid)
    remaining = list(range(len(cands)))
    summary: dict[int, float] = {}
    out: list[_Sent] = []
    seen_texts: set[str] = set()
    while remaining and len(out) < k:
        scored = []
        for i in remaining:
            trial = dict(summary)
            add_into(trial, cands[i].vec)
            scored.append((dot(normalise(trial), centroid), i))
        scored.sort(key=lambda p: (-p[0], p[1]))
        picked = None
        for _, i in scored:
            remaining.remove(i)
            s = cands[i]
            key = " ".join(s.toks)
            if key in seen_texts or not eligible(s):
                continue
            if any(dot(s.vec, v) > redundancy for v in chosen_vecs):
                continue
            picked = s
            break
        if picked is None:
            break
        out.append(picked)
        seen_texts.add(" ".join(picked.toks))
        chosen_vecs.append(picked.vec)
        add_into(summary, picked.vec)
    return out


# --------------------------------------------------------------------------- the timeline


def timeline_from_articles(
    articles: Iterable[SourceArticle],
    *,
    n_dates: int = 10,
    sentences_per_date: int = 2,
    query: Sequence[str] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    dated_sentences: Iterable[DatedSentence] = (),
    settings: TimelineSettings | None = None,
    model: dict[str, Any] | None = None,
) -> Timeline:
    """Build a timeline of at most ``n_dates`` dates with at most ``sentences_per_date`` items each."""
    cfg = settings or TimelineSettings()
    if date_from and date_to and date_from > date_to:
        raise TimelineError(f"--from {date_from} is after --to {date_to}")
    if n_dates < 1 or sentences_per_date < 1:
        raise TimelineError("the number of dates and of sentences per date must be at least 1")
    query = [q.lower() for q in query if q.strip()]
    docs = prepare(articles)
    events = add_event_dates(docs, dated_sentences)
    vectorizer = Vectorizer(s.toks for doc in docs for s in doc.sents)
    for doc in docs:
        for s in doc.sents:
            s.vec = vectorizer.transform(s.toks)
    ranked = rank_dates(docs, query, date_from=date_from, date_to=date_to, model=model)

    ment: dict[dt.date, list[_Sent]] = defaultdict(list)
    pub: dict[dt.date, list[_Sent]] = defaultdict(list)
    refs: dict[dt.date, set[int]] = defaultdict(set)
    for di, doc in enumerate(docs):
        p = doc.art.published
        for j, s in enumerate(doc.sents):
            for d in s.dates:
                ment[d].append(s)
                refs[d].add(s.doc)
            if not s.dates and p is not None and j <= cfg.clip_sents:
                for back in range(cfg.pub_days):
                    pub[p - dt.timedelta(days=back)].append(s)
        if p is not None:
            refs[p].add(di)

    def eligible(s: _Sent) -> bool:
        n = len(s.text.split())
        if n < cfg.min_words or n > cfg.max_words or not _TERMINAL.search(s.text.rstrip()):
            return False
        return not query or _has_query(s, query)

    entries: list[TimelineEntry] = []
    chosen_vecs: list[Vector] = []
    used: set[tuple[int, int]] = set()
    for d, score in ranked:
        if len(entries) >= n_dates:
            break
        pool = ment.get(d, []) + pub.get(d, [])
        items = _event_items(events.get(d, []), docs, used, chosen_vecs, cfg)
        room = max(sentences_per_date - len(items), 0 if items else 1)
        # DATEWISE's cut; a date whose cut pool has no usable sentence is skipped (on the dev topics that
        # beats falling back to the whole pool: AR-1 0.111 vs 0.099)
        cands = [c for c in _collect(ment.get(d, []), pub.get(d, [])) if (c.doc, c.index) not in used]
        for s in _summarise(cands, room, eligible, chosen_vecs, cfg.redundancy):
            used.add((s.doc, s.index))
            items.append(TimelineItem(s.text.strip(), _citations(s, pool, docs, cfg.corroboration), s.incident_id))
        if not items:
            continue
        entries.append(TimelineEntry(d, items, round(score, 4), len(refs.get(d, ()))))
    entries.sort(key=lambda e: e.date)
    return Timeline(entries, date_from, date_to, len(docs), list(query))


def _event_items(evs: list[tuple[DatedSentence, _Sent]], docs: list[_Doc], used: set[tuple[int, int]],
                 chosen_vecs: list[Vector], cfg: TimelineSettings) -> list[TimelineItem]:
    """One item per incident dated to this day: its best-placed sentence, citing every report of it."""
    groups: dict[str, list[tuple[DatedSentence, _Sent]]] = defaultdict(list)
    for ds, s in evs:
        groups[ds.incident_id or f"{ds.article_id}:{ds.sentence_index}"].append((ds, s))
    order = sorted(groups.values(), key=lambda g: (-max(ds.priority for ds, _ in g), -len(g), g[0][0].article_id,
                                                   g[0][0].sentence_index))
    items: list[TimelineItem] = []
    for g in order:
        if len(items) >= cfg.max_event_items:
            break
        fresh = [(ds, s) for ds, s in g if (s.doc, s.index) not in used]
        if not fresh:
            continue
        ds, lead = max(fresh, key=lambda p: (p[0].priority, docs[p[1].doc].art.published is not None,
                                             -abs(len(p[1].toks) - 20)))
        seen: set[tuple[int, int]] = set()
        cites = []
        for _, s in sorted(g, key=lambda p: (p[1] is not lead, p[1].doc, p[1].index)):
            if (s.doc, s.index) not in seen:
                seen.add((s.doc, s.index))
                cites.append(_citation(s, docs))
        used |= seen
        chosen_vecs.append(lead.vec)
        interval = [(x.date_begin, x.date_end) for x, _ in g if x.date_begin and x.date_end]
        begin, end = (min(b for b, _ in interval), max(e for _, e in interval)) if interval else (None, None)
        items.append(TimelineItem(lead.text.strip(), cites, ds.incident_id, begin, end))
    return items


def _citation(s: _Sent, docs: list[_Doc]) -> Citation:
    art = docs[s.doc].art
    return Citation(art.article_id, art.external_id, s.index, art.outlet,
                    art.published.isoformat() if art.published else None, s.text.strip())


def _citations(s: _Sent, pool: list[_Sent], docs: list[_Doc], threshold: float) -> list[Citation]:
    """The sentence itself, then the same claim in other articles about this date."""
    out = [_citation(s, docs)]
    seen = {s.doc}
    for o in pool:
        if o.doc in seen or not o.vec:
            continue
        if dot(s.vec, o.vec) >= threshold:
            out.append(_citation(o, docs))
            seen.add(o.doc)
    return out


# --------------------------------------------------------------------------- from the store


def _published_day(value: dt.date | dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def store_articles(store: Store) -> list[SourceArticle]:
    """The store's articles (near-duplicates left out), with their publication days."""
    return [SourceArticle(a.article_id, a.external_id, a.text, _published_day(a.published_at), a.outlet)
            for a in store.iter_articles(include_duplicates=False)]


def store_dated_sentences(store: Store, settings: TimelineSettings | None = None) -> list[DatedSentence]:
    """Sentences the event stages dated: the reports of current incidents and of control changes.

    An incident dated to one day is listed on it; one known only to within ``max_event_span`` days on
    its last day, with the interval kept. Control changes rank first on their day, then incidents by
    their number of sources.
    """
    from sitrep.events.rows import load_control_changes, load_incidents, load_reports

    cfg = settings or TimelineSettings()
    try:
        reports = {r.report_id: r for r in load_reports(store.conn)}
        incidents = load_incidents(store.conn)
        changes = load_control_changes(store.conn)
    except sqlite3.OperationalError as exc:  # a store written before the events tables existed
        if "no such table" in str(exc):
            return []
        raise
    out: list[DatedSentence] = []
    for ch in changes:
        r = reports.get(ch.report_id or "")
        if ch.date is not None and r is not None and not r.background:
            out.append(DatedSentence(r.article_id, r.sentence_index, ch.date, ch.incident_id, 3.0))
    for inc in incidents:
        if inc.background or inc.cumulative or inc.date_begin is None:
            continue
        end = inc.date_end or inc.date_begin
        span = (end - inc.date_begin).days
        if span > cfg.max_event_span:
            continue
        interval = (inc.date_begin, end) if span else (None, None)
        priority = 1.0 + min(inc.n_sources, 5) / 5 + (0.5 if inc.fatalities_conservative else 0.0)
        for rid in inc.reports:
            r = reports.get(rid)
            if r is None or r.background or r.status not in ("asserted", "hedged"):
                continue
            out.append(DatedSentence(r.article_id, r.sentence_index, end, inc.incident_id, priority, *interval))
    return out


def build_timeline(
    store: Store,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    n_dates: int = 10,
    *,
    sentences_per_date: int = 3,
    query: Sequence[str] = (),
    settings: TimelineSettings | None = None,
) -> Timeline:
    """The timeline of the store's articles between ``date_from`` and ``date_to`` (inclusive)."""
    articles = store_articles(store)
    if not articles:
        raise TimelineError(f"no articles in {store.path} (run 'sitrep ingest' first)")
    return timeline_from_articles(articles, n_dates=n_dates, sentences_per_date=sentences_per_date, query=query,
                                  date_from=date_from, date_to=date_to,
                                  dated_sentences=store_dated_sentences(store, settings), settings=settings)


# --------------------------------------------------------------------------- output


def timeline_markdown(tl: Timeline) -> str:
    """The timeline as Markdown: one heading per date, one bullet per item, footnote-style citations."""
    from sitrep.summaries.cite import Footnotes

    notes = Footnotes()
    period = f"{tl.date_from or '…'} to {tl.date_to or '…'}"
    lines = [f"# Timeline ({period})", ""]
    if not tl.entries:
        lines.append("No dated developments were found for this selection.")
    for e in tl.entries:
        lines += [f"## {e.date.isoformat()}", ""]
        for item in e.items:
            when = ""
            if item.date_begin and item.date_end:
                when = f" (between {item.date_begin.isoformat()} and {item.date_end.isoformat()})"
            lines.append(f"- {' '.join(item.text.split())}{when}{notes.refs(item.citations)}")
        lines.append("")
    return "\n".join(lines + notes.lines()) + "\n"


def timeline_jsonl(tl: Timeline) -> list[dict[str, Any]]:
    """One JSON object per date: date, score, items with their citations."""
    return [e.to_dict() for e in tl.entries]

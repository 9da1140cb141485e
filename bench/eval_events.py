"""Score event reports against any gold file of the dev schema (issue 8 item 6).

    python bench/eval_events.py [--gold FILE --articles FILE_OR_DIR] [--seeds] [--no-events-on FILE_OR_DIR ...]
                                [--held-aside] [--json] [-v] [--gate] [--check | --update-baseline [--allow-lower]]

Defaults: ``../shared/dev/events/gold.jsonl`` against ``../shared/dev/events/articles.jsonl``.
``--seeds`` scores the four sample articles ``examples/raqqa`` against
``../shared/samples/raqqa-seeds/gold.jsonl`` instead. Every article goes through the real pipeline:
``sitrep.ingest.pipeline.prepare`` then ``sitrep.events.analyse.analyse_article``.

Scoring follows ``shared/dev/events/README.md`` ("How to score"):

* A non-background report matches a core gold record of the same article when the sub-event type is the
  same (or one of ``alt_sub_event_types``), the place is the same (normalised name: diacritics, "al-",
  "the", generic words such as "neighbourhood/district/province/governorate" removed, transliteration
  variants folded, or the report's coordinates within ``NEAR_KM`` of a gazetteer place of the gold name,
  or one of ``alt_locations``; a null gold place accepts any place) and the date intervals overlap allowing
  one day either side (a null bound is open). Matching is one-to-one and optimal: an assignment
  (``scipy.optimize.linear_sum_assignment``, the standard way to align system and gold records, as in
  ACE/TAC event scoring and CEAF) that first maximises the number of matched records, then the pairs
  whose report sentence holds the gold record's evidence, then the agreement of the paired records
  (fatalities, both actors). A greedy pairing can pair a gold record with a repeat that states another
  toll while the report that states its own toll goes to another record; P/R/F1 only depend on the
  number of matches, which is the same for every maximum matching.
* Precision counts unmatched non-background reports as false; an unmatched report that would match an
  already matched core record is a repeat and neutral. Recall counts matched core records.
* On matched events: fatalities (the report's killed total equals gold ``killed``, ACLED's conservative
  rule, "up to N" = N, no stated deaths = 0; ``fatality_accuracy`` over records with a gold count, ``fatality_accuracy_all``
  over all matched, where no count on both sides is right), both actors (unordered pair, YPG = SDF,
  FSA = Turkish-backed rebels, joint gold actors accept either), attribution (same set of sources),
  hedging (same flag).
* Merge: over pairs of matched reports in different articles, "same incident" in the gold when
  ``same_incident_as`` links them directly or through a shared target; predicted when
  ``sitrep.events.merge.merge_reports`` puts them in one incident. Pairwise precision and recall.
* ``--no-events-on``: non-background reports per 100 articles on general news (a jsonl file of articles,
  or a Timeline17 topic folder holding ``articles.jsonl.gz``). ``--held-aside`` keeps only the Timeline17
  articles the mention classifier never trains on (``held_aside``).

``--gate`` computes the gated figures (dev set, seeds, held-aside general news, and the reports per 100 articles of
the LGL local-news corpus, ``dev/geo/lgl.jsonl``: police, courts and local politics, with a few real wars)
under one baseline,
``bench/baselines/events.json``; ``--check`` / ``--update-baseline`` act on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import gate  # noqa: E402
from sitrep.records import Article, Report  # noqa: E402

STAGE = "events"
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT.parent / "shared")  # ../shared beside the repo
DEV = SHARED / "dev" / "events"
DEFAULT_GOLD = DEV / "gold.jsonl"
DEFAULT_ARTICLES = DEV / "articles.jsonl"
SEEDS_DATA = ROOT / "examples" / "raqqa"
SEEDS_GOLD = SHARED / "samples" / "raqqa-seeds" / "gold.jsonl"
GENERAL_NEWS = DEV / "general_news" / "articles.jsonl"
TIMELINE17 = SHARED / "dev" / "timeline17"
NEWS_TOPICS = ("H1N1_reuters", "bpoil_bbc")
#: local US and world news of the LGL geoparsing corpus (588 articles; crime, courts, local politics, a few wars):
#: not a training source of any model; conflict reports per 100 of its articles are gated (lower is better)
LOCAL_NEWS = SHARED / "dev" / "geo" / "lgl.jsonl"
NEAR_KM = 5.0  # "within a few km" of the gold place
# The figures the ratchet gates (the rest are printed): the ones the acceptance check names.
GATED = ("dev_precision", "dev_recall", "dev_f1", "dev_guardian_f1", "dev_bbc_f1", "dev_fatality_accuracy",
         "dev_actors_accuracy", "seeds_f1", "h1n1_false_per100_lower", "bpoil_false_per100_lower",
         "lgl_reports_per100_lower")
HELD_ASIDE_SHARE = 0.3  # the share of each general-news topic the classifier never trains on

_GENERIC = {"city", "town", "village", "governorate", "province", "neighbourhood", "neighborhood", "district",
            "the", "of", "al", "el", "ar", "as", "an", "ash", "at", "ad", "az", "main", "area", "region", "camp",
            "countryside", "suburb", "suburbs"}
_SOURCE_ALIASES = {"syrian observatory": "syrian observatory for human rights", "sohr":
                   "syrian observatory for human rights", "sdf": "syrian democratic forces"}
# Actor groups the dev README (and NOTES.md, batch A) scores as one.
_ACTOR_GROUPS = {
    "people's protection units": "syrian democratic forces", "ypg": "syrian democratic forces",
    "sdf": "syrian democratic forces",
    "free syrian army": "turkish-backed syrian rebels", "fsa": "turkish-backed syrian rebels",
    "syrian national army": "turkish-backed syrian rebels",
    "russian government": "russian forces",
}


# ----------------------------------------------------------------------------------------------- matching


def held_aside(topic: str, article_id: str) -> bool:
    """True for the fixed part of a general-news topic kept out of training (about 30 %)."""
    digest = hashlib.sha1(f"{topic}/{article_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 >= 1.0 - HELD_ASIDE_SHARE


def place_key(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’`]", "", text)
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _GENERIC]
    return " ".join(words)


def _fold(key: str) -> str:
    key = re.sub(r"(?:[aeiou]|(?<=[aeiou])[yw](?![aeiou])|y(?=[aeiou]|$))+", "a", key)
    key = re.sub(r"(.)\1+", r"\1", key).replace("q", "k")
    return re.sub(r"(?<=a)h\b", "", key)


def same_place(pred: str | None, gold: str | None) -> bool:
    """Same place name up to normalisation and small transliteration differences."""
    a, b = place_key(pred), place_key(gold)
    if not a or not b:
        return False
    if a == b or _fold(a) == _fold(b):
        return True
    wa, wb = set(_fold(a).split()), set(_fold(b).split())
    if min(len(wa), len(wb)) >= 2 and (wa <= wb or wb <= wa):
        return True  # "National Hospital" vs "Raqqa National Hospital"
    return SequenceMatcher(None, _fold(a), _fold(b)).ratio() >= 0.8


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class GoldCoords:
    """Gazetteer coordinates of gold place names (exact and alternate names only), cached."""

    def __init__(self) -> None:
        from sitrep.places.gazetteer import load_gazetteer

        self.gaz = load_gazetteer()
        self.cache: dict[str, list[tuple[float, float]]] = {}

    def of(self, name: str) -> list[tuple[float, float]]:
        if name not in self.cache:
            pts = []
            for idx, quality in self.gaz.lookup(name, fuzzy=False):
                if quality >= 0.85:
                    p = self.gaz.place(idx)
                    if p.feature not in ("country", "admin1", "region", "water"):
                        pts.append((p.lat, p.lon))
            self.cache[name] = pts
        return self.cache[name]


def place_ok(r: Report, g: dict, coords: GoldCoords | None) -> bool:
    names = [g.get("location")] + list(g.get("alt_locations") or [])
    if g.get("location") is None:
        return True
    for name in names:
        if name is None or same_place(r.place_name, name):
            return True
    if coords is not None and r.lat is not None and r.lon is not None:
        for name in names:
            if name and any(_km(r.lat, r.lon, la, lo) <= NEAR_KM for la, lo in coords.of(name)):
                return True
    return False


def _date(v: str | None) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def overlap(b1: dt.date | None, e1: dt.date | None, b2: dt.date | None, e2: dt.date | None, slack: int = 1) -> bool:
    """Intervals overlap, allowing ``slack`` days either side; a null bound is open."""
    lo1, hi1 = b1 or dt.date.min, e1 or dt.date.max
    lo2, hi2 = b2 or dt.date.min, e2 or dt.date.max
    day = dt.timedelta(days=slack)
    return (lo1 <= hi2 or lo1 - day <= hi2) and (lo2 <= hi1 or lo2 - day <= hi1)


def type_ok(r: Report, g: dict) -> bool:
    return r.sub_event_type == g["sub_event_type"] or r.sub_event_type in (g.get("alt_sub_event_types") or [])


def matches(r: Report, g: dict, coords: GoldCoords | None) -> bool:
    return (type_ok(r, g) and overlap(r.date_begin, r.date_end, _date(g.get("date_begin")), _date(g.get("date_end")))
            and place_ok(r, g, coords))


def killed_of(report: Report) -> int | None:
    killed = [q for q in report.fatalities if q.status == "killed"]
    return sum(q.value or 0 for q in killed) if killed else None


def gold_killed(g: dict) -> int | None:
    return (g.get("fatalities") or {}).get("killed")


def deaths_ok(r: Report, g: dict) -> bool:
    """The report's deaths equal gold ``killed``; a gold 0 ("tens of people had been injured", no deaths) is
    also matched by a report that states no deaths, as ACLED codes an event without reported deaths as 0."""
    killed, gold = killed_of(r), gold_killed(g)
    return killed == gold or (gold == 0 and killed is None)


def sources_key(value: str | None) -> frozenset[str]:
    if not value:
        return frozenset()
    out = set()
    for part in value.split(";"):
        k = part.strip().lower()
        out.add(_SOURCE_ALIASES.get(k, k))
    return frozenset(out)


def _actor(name: str | None) -> str | None:
    if not name:
        return None
    k = name.strip().lower().replace("’", "'")
    return _ACTOR_GROUPS.get(k, k)


def _side(value: str | None) -> frozenset[str]:
    return frozenset(a for a in (_actor(p) for p in (value or "").split(";")) if a)


def actors_ok(r: Report, g: dict) -> bool:
    """Both actors right, as an unordered pair (a joint gold side accepts any of its members)."""
    g1, g2 = _side(g.get("actor1")), _side(g.get("actor2"))
    p1, p2 = _actor(r.actor1), _actor(r.actor2)

    def fits(p: str | None, side: frozenset[str]) -> bool:
        return (p is None and not side) or (p is not None and p in side)

    return (fits(p1, g1) and fits(p2, g2)) or (fits(p1, g2) and fits(p2, g1))


def agreement(r: Report, g: dict) -> int:
    """How many of the attributes scored on matched events agree (fatalities, both actors): 0-2."""
    return int(deaths_ok(r, g)) + int(actors_ok(r, g))


def states_evidence(r: Report, g: dict) -> bool:
    """The report's sentence holds one of the gold record's evidence passages (or the reverse)."""
    text = " ".join(r.text.split())
    for part in str(g.get("evidence") or "").split(" || "):
        part = " ".join(part.split())
        if len(part) >= 12 and (part in text or (len(text) >= 12 and text in part)):
            return True
    return False


def best_pairing(valid: list[list[bool]], evidence: list[list[bool]], agree: list[list[int]]) -> dict[int, int]:
    """Gold index -> report index: a maximum matching of the valid pairs; among those, the most pairs whose
    report states the gold's evidence, then the most agreement (an optimal assignment; ties go to the lower
    report index)."""
    if not valid or not valid[0]:
        return {}
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    n_gold, n_pred = len(valid), len(valid[0])
    n = min(n_gold, n_pred) + 1
    # Lexicographic weights: all agreement (<= 2 per pair) is worth less than one evidence pair, and all
    # evidence and agreement together less than one more match.
    ev_weight = 3 * n
    match_weight = (ev_weight + 3) * n
    weight = np.zeros((n_gold, n_pred))
    for gi in range(n_gold):
        for pi in range(n_pred):
            if valid[gi][pi]:
                weight[gi, pi] = (match_weight + ev_weight * evidence[gi][pi] + agree[gi][pi]
                                  - pi / (10.0 * n_pred * n_pred))
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return {int(gi): int(pi) for gi, pi in zip(rows, cols, strict=True) if valid[gi][pi]}


# ----------------------------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    repeats: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.repeats += other.repeats

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scored:
    counts: Counts = field(default_factory=Counts)
    by_doc: dict[str, Counts] = field(default_factory=dict)
    matched: list[tuple[dict, Report]] = field(default_factory=list)  # (gold row, report)
    lines: list[str] = field(default_factory=list)


def outlet_of(doc: str) -> str:
    head = doc.split("-", 1)[0]
    return head if head != doc else "other"


def score_doc(doc: str, preds: list[Report], golds: list[dict], coords: GoldCoords | None, out: Scored) -> None:
    core = [g for g in golds if g.get("core")]
    preds = [r for r in preds if not r.background]

    valid = [[matches(r, g, coords) for r in preds] for g in core]
    evidence = [[valid[gi][pi] and states_evidence(r, g) for pi, r in enumerate(preds)] for gi, g in enumerate(core)]
    agree = [[agreement(r, g) if valid[gi][pi] else 0 for pi, r in enumerate(preds)] for gi, g in enumerate(core)]
    pairing = best_pairing(valid, evidence, agree)
    used = set(pairing.values())
    c = Counts()
    for gi, g in enumerate(core):
        if gi in pairing:
            r = preds[pairing[gi]]
            c.tp += 1
            out.matched.append((g, r))
            out.lines.append(f"  TP {doc} {g.get('id', '')} {r.sub_event_type} @ {r.place_name} "
                             f"{r.date_begin}..{r.date_end} killed={killed_of(r)}/{gold_killed(g)} "
                             f"actors={r.actor1}|{r.actor2} / {g.get('actor1')}|{g.get('actor2')}")
        else:
            c.fn += 1
            out.lines.append(f"  FN {doc} {g.get('id', '')} {g['sub_event_type']} @ {g.get('location')} "
                             f"{g.get('date_begin')}..{g.get('date_end')} :: {g['evidence'][:90]}")
    matched_gold = [core[gi] for gi in pairing]
    for pi, r in enumerate(preds):
        if pi in used:
            continue
        if any(matches(r, g, coords) for g in matched_gold):
            c.repeats += 1
            continue
        c.fp += 1
        out.lines.append(f"  FP {doc} {r.sub_event_type} @ {r.place_name} {r.date_begin}..{r.date_end} "
                         f"[{r.status}] :: {r.text[:100]}")
    out.counts.add(c)
    out.by_doc[doc] = c


def merge_scores(matched: list[tuple[dict, Report]], incident_of: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall of "same incident" over matched reports in different articles."""
    by_id = {g["id"]: g for g, _ in matched if g.get("id")}

    def root(g: dict) -> str:
        return str(g.get("same_incident_as") or g.get("id"))

    tp = fp = fn = 0
    for i, (g1, r1) in enumerate(matched):
        for g2, r2 in matched[i + 1:]:
            if g1.get("doc") == g2.get("doc") or "id" not in g1 or "id" not in g2:
                continue
            gold_same = root(g1) == root(g2)
            inc1, inc2 = incident_of.get(r1.report_id), incident_of.get(r2.report_id)
            pred_same = inc1 is not None and inc1 == inc2
            tp += gold_same and pred_same
            fp += pred_same and not gold_same
            fn += gold_same and not pred_same
    del by_id
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"merge_precision": round(p, 4), "merge_recall": round(r, 4),
            "merge_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "merge_gold_pairs": float(tp + fn), "merge_pred_pairs": float(tp + fp)}


def _incidents(analyses: Sequence[Any]) -> dict[str, str]:
    from sitrep.events.merge import ArticleInfo, merge_reports
    from sitrep.events.process import _window

    infos = {an.article.article_id: ArticleInfo(an.article.outlet, _window(an.article), an.article.external_id)
             for an in analyses}
    reports = [r for an in analyses for r in an.reports]
    out: dict[str, str] = {}
    for inc in merge_reports(reports, articles=infos):
        for rid in inc.reports:
            out[rid] = inc.incident_id
    return out


# ----------------------------------------------------------------------------------------------- running


def load_articles(path: Path, topic: str | None = None, held_aside_only: bool = False) -> list[Article]:
    """Articles through the ingest pipeline; a Timeline17 topic folder reads its ``articles.jsonl.gz``."""
    from sitrep.ingest.pipeline import prepare

    if path.is_dir() and (path / "articles.jsonl.gz").exists():
        topic = topic or path.name
        source: list[Path] = [path / "articles.jsonl.gz"]
    elif path.is_dir():
        source = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    else:
        source = [path]
    articles, rejections = prepare(source)
    if rejections:
        print(f"{path}: {len(rejections)} documents rejected by ingest "
              f"({', '.join(sorted({r.code for r in rejections}))})", file=sys.stderr)
    if held_aside_only:
        articles = [a for a in articles if held_aside(topic or path.stem, a.external_id)]
    if not articles:
        raise ValueError(f"no articles read from {path}")
    return articles


def doc_id(article: Article, known: Iterable[str] = ()) -> str:
    name = Path(article.raw_path).name
    return name if name in set(known) else article.external_id


def analyse_all(articles: Sequence[Article]) -> tuple[list[Any], float]:
    from sitrep.events.analyse import analyse_article

    t0 = time.perf_counter()
    analyses = [analyse_article(a) for a in articles]
    return analyses, time.perf_counter() - t0


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(gold_path: Path = DEFAULT_GOLD, articles_path: Path = DEFAULT_ARTICLES, *,
             use_coords: bool = True) -> tuple[dict[str, float], dict[str, Any]]:
    """Scores of one gold file against one article file, and details (per document, per outlet, lines)."""
    rows = read_gold(gold_path)
    docs = {r["doc"] for r in rows}
    articles = load_articles(articles_path)
    analyses, seconds = analyse_all(articles)
    pred = {doc_id(an.article, docs): an.reports for an in analyses}
    coords = GoldCoords() if use_coords else None
    out = Scored()
    for doc in sorted(docs | set(pred)):
        score_doc(doc, pred.get(doc, []), [r for r in rows if r["doc"] == doc], coords, out)
    p, r, f1 = out.counts.prf()
    scores: dict[str, float] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
    m = out.matched
    with_count = [(g, rep) for g, rep in m if gold_killed(g) is not None]
    scores["fatality_accuracy"] = round(sum(deaths_ok(rep, g) for g, rep in with_count)
                                        / max(1, len(with_count)), 4)
    scores["fatality_accuracy_all"] = round(sum(deaths_ok(rep, g) for g, rep in m) / max(1, len(m)), 4)
    scores["actors_accuracy"] = round(sum(actors_ok(rep, g) for g, rep in m) / max(1, len(m)), 4)
    scores["attribution_accuracy"] = round(sum(sources_key(rep.attributed_to) == sources_key(g.get("attributed_to"))
                                               for g, rep in m) / max(1, len(m)), 4)
    scores["hedging_accuracy"] = round(sum(bool(rep.hedged) == bool(g.get("hedged")) for g, rep in m) / max(1, len(m)), 4)
    if any(r.get("id") for r in rows):
        scores.update(merge_scores(m, _incidents(analyses)))
    per_outlet: dict[str, Counts] = {}
    for doc, c in out.by_doc.items():
        per_outlet.setdefault(outlet_of(doc), Counts()).add(c)
    info: dict[str, Any] = {
        "articles": len(articles), "seconds": round(seconds, 2),
        "articles_per_second": round(len(articles) / seconds, 1) if seconds else 0.0,
        "stages": analyses[0].stages if analyses else {},
        "counts": vars(out.counts), "fatality_counts": [sum(deaths_ok(rep, g) for g, rep in with_count),
                                                         len(with_count)],
        "by_doc": {d: {**vars(c), "f1": round(c.prf()[2], 4)} for d, c in sorted(out.by_doc.items())},
        "by_outlet": {o: {**vars(c), "precision": round(c.prf()[0], 4), "recall": round(c.prf()[1], 4),
                          "f1": round(c.prf()[2], 4), **_attributes([(g, rep) for g, rep in m
                                                                    if outlet_of(g["doc"]) == o])}
                      for o, c in sorted(per_outlet.items())},
        "lines": out.lines,
    }
    return scores, info


def _attributes(matched: list[tuple[dict, Report]]) -> dict[str, Any]:
    """Fatalities right (of matched records with a gold count) and both actors right (of matched records)."""
    with_count = [(g, r) for g, r in matched if gold_killed(g) is not None]
    return {"fatalities_right": [sum(deaths_ok(r, g) for g, r in with_count), len(with_count)],
            "actors_right": [sum(actors_ok(r, g) for g, r in matched), len(matched)]}


def false_events(path: Path, *, held_aside_only: bool = False) -> dict[str, Any]:
    """Non-background reports per 100 general-news articles."""
    articles = load_articles(path, held_aside_only=held_aside_only)
    analyses, seconds = analyse_all(articles)
    reports = [r for an in analyses for r in an.reports if not r.background]
    return {"path": str(path), "held_aside_only": held_aside_only, "articles": len(articles),
            "reports": len(reports), "per_100": round(100.0 * len(reports) / max(1, len(articles)), 2),
            "seconds": round(seconds, 2),
            "examples": [f"{r.sub_event_type} [{r.status}] :: {r.text[:110]}" for r in reports]}


def gate_scores() -> tuple[dict[str, float], dict[str, Any]]:
    """The gated figures: dev set, seeds, and the held-aside part of the two general-news topics."""
    t0 = time.perf_counter()
    dev, dev_info = evaluate(DEFAULT_GOLD, DEFAULT_ARTICLES)
    seeds, _ = evaluate(SEEDS_GOLD, SEEDS_DATA)
    scores = {f"dev_{k}": v for k, v in dev.items() if not k.startswith("merge_") or k in
              ("merge_precision", "merge_recall")}
    for outlet in ("guardian", "bbc"):
        scores[f"dev_{outlet}_f1"] = dev_info["by_outlet"].get(outlet, {}).get("f1", 0.0)
    scores.update({f"seeds_{k}": v for k, v in seeds.items() if k in ("precision", "recall", "f1")})
    info: dict[str, Any] = {"dev": dev_info}
    for topic in NEWS_TOPICS:
        fe = false_events(TIMELINE17 / topic, held_aside_only=True)
        scores[f"{topic.split('_')[0].lower()}_false_per100_lower"] = fe["per_100"]
        info[topic] = fe
    local = false_events(LOCAL_NEWS)
    scores["lgl_reports_per100_lower"] = local["per_100"]
    info["lgl"] = local
    info["gate_seconds"] = round(time.perf_counter() - t0, 1)
    return scores, info


def _print(scores: dict[str, float], info: dict[str, Any], verbose: bool) -> None:
    print(f"articles: {info['articles']} in {info['seconds']} s ({info['articles_per_second']}/s); "
          f"stages: {info['stages']}")
    c = info["counts"]
    print(f"core events: tp={c['tp']} fp={c['fp']} fn={c['fn']} repeats(neutral)={c['repeats']}; "
          f"fatalities right on {info['fatality_counts'][0]} of {info['fatality_counts'][1]} matched with a gold count")
    if verbose:
        print("\n".join(info["lines"]))
    print("per outlet:")
    for o, v in info["by_outlet"].items():
        print(f"  {o:<10} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f}  (tp {v['tp']} fp {v['fp']} "
              f"fn {v['fn']}); fatalities right {v['fatalities_right'][0]}/{v['fatalities_right'][1]}, "
              f"both actors {v['actors_right'][0]}/{v['actors_right'][1]}")
    print("per document:")
    for d, v in info["by_doc"].items():
        print(f"  {d:<28} tp {v['tp']:>3} fp {v['fp']:>3} fn {v['fn']:>3} rep {v['repeats']:>2} F1 {v['f1']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="jsonl/csv file or folder of articles")
    ap.add_argument("--seeds", action="store_true", help="score examples/raqqa against the raqqa seeds gold")
    ap.add_argument("--no-events-on", type=Path, action="append", default=[], metavar="FILE_OR_DIR",
                    help="general-news articles: print non-background reports per 100 (repeatable)")
    ap.add_argument("--held-aside", action="store_true", help="with --no-events-on: only the held-aside articles")
    ap.add_argument("--no-coords", action="store_true", help="match places by name only")
    ap.add_argument("--gate", action="store_true", help="the gated figures (dev, seeds, held-aside general news)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every match, miss and false event")
    gate.add_arguments(ap)
    args = ap.parse_args(argv)
    if (args.check or args.update_baseline) and not args.gate:
        print("--check/--update-baseline act on the gated figures: add --gate", file=sys.stderr)
        return 2
    if args.gate:
        scores, info = gate_scores()
        if args.json:
            print(json.dumps({"scores": scores, "gate_seconds": info["gate_seconds"]}, indent=2))
        else:
            base = gate.load(STAGE)
            print(f"{'metric':<34}{'score':>9}{'baseline':>10}")
            for k, v in scores.items():
                b = base.get(k)
                print(f"{k:<34}{v:>9.4f}{'' if b is None else f'{b:.4f}':>10}{'' if k in GATED else '  (not gated)'}")
            print(f"gate computed in {info['gate_seconds']} s")
        return gate.apply(STAGE, {k: v for k, v in scores.items() if k in GATED}, args)
    gold, articles = (SEEDS_GOLD, SEEDS_DATA) if args.seeds else (args.gold, args.articles)
    result: dict[str, Any] = {}
    if not args.no_events_on or args.seeds or args.gold != DEFAULT_GOLD or args.articles != DEFAULT_ARTICLES:
        for p in (gold, articles):
            if not p.exists():
                print(f"not found: {p}", file=sys.stderr)
                return 2
        try:
            scores, info = evaluate(gold, articles, use_coords=not args.no_coords)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        result = {"scores": scores, "by_outlet": info["by_outlet"], "by_doc": info["by_doc"]}
        if not args.json:
            _print(scores, info, args.verbose)
            for k, v in scores.items():
                print(f"{k:<26}{v:>9.4f}")
    for p in args.no_events_on:
        if not p.exists():
            print(f"not found: {p}", file=sys.stderr)
            return 2
        fe = false_events(p, held_aside_only=args.held_aside)
        result.setdefault("no_events", []).append({k: v for k, v in fe.items() if k != "examples" or args.verbose})
        if not args.json:
            print(f"{p}{' (held aside)' if args.held_aside else ''}: {fe['reports']} non-background reports in "
                  f"{fe['articles']} articles = {fe['per_100']} per 100 ({fe['seconds']} s)")
            if args.verbose:
                print("\n".join(f"  {e}" for e in fe["examples"]))
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())

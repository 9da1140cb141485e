"""Core-event precision/recall/F1 against the seeds gold (issue 5 item 8).

    python bench/eval_events.py [--data DIR] [--gold FILE] [--check] [--update-baseline [--allow-lower]]

Articles in ``--data`` (default examples/raqqa) are ingested with
``sitrep.ingest.pipeline.prepare`` and analysed with ``analyse_article``;
predicted reports are scored against gold rows with ``core == true``.

Matching: same ``sub_event_type``, same place (tolerant name comparison: case,
diacritics, Arabic article, transliteration variants and generic words such as
"city", "governorate", "neighbourhood" are ignored) and overlapping dates (a
null date on either side is open-ended); one-to-one greedy matching, best
candidates first. Reports of one article that repeat the same claim (same
type, place, dates and killed count) count once. Predicted background reports
are not scored; a predicted non-background report that matches a background
(core=false) gold row is a false positive. Fatality accuracy: killed count and
category equal on matched events (no killed count on both sides counts as
equal). Attribution accuracy: the set of attributed sources equal. Actor1
accuracy: the predicted actor1 is (one of) the gold actor1.

When ``../shared/dev/case2021/dev.tsv`` is present, the trigger rules are also
checked on its snippets (a generalisation check beyond the sample wording):
``case_trigger_recall`` = share of ACLED-labelled snippets whose gold sub-event
type is among the triggered ones, ``case_false_trigger_rate_lower`` = share of
disaster/crime/diplomacy snippets on which any trigger fires.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import gate  # noqa: E402
from sitrep.events.analyse import analyse_article  # noqa: E402
from sitrep.records import Article, Report  # noqa: E402

STAGE = "events"
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = ROOT / "examples" / "raqqa"
DEFAULT_GOLD = SHARED / "samples" / "raqqa-seeds" / "gold.jsonl"
CASE_DEV = SHARED / "dev" / "case2021" / "dev.tsv"
# CASE 2021 labels -> the sub-event type the trigger rules should produce (territory types share one trigger)
CASE_TO_SUB = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "territory", "NON_STATE_ACTOR_OVERTAKES_TER": "territory",
    "AIR_STRIKE": "Air/drone strike", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "SUIC_BOMB": "Suicide bomb", "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade",
    "CHEM_WEAP": "Chemical weapon", "ATTACK": "Attack", "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "SEX_VIOL": "Sexual violence", "PEACE_PROTEST": "Peaceful protest", "PROTEST_WITH_INTER": "Peaceful protest",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters", "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Violent demonstration", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "DISR_WEAP": "Disrupted weapons use",
}
CASE_NON_EVENT = {"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO"}
_GENERIC = {"city", "town", "village", "governorate", "province", "neighbourhood", "neighborhood", "district",
            "the", "of", "al", "el", "ar", "as", "an", "ash", "main", "area", "region", "camp"}
_SOURCE_ALIASES = {"syrian observatory": "syrian observatory for human rights", "sohr":
                   "syrian observatory for human rights", "sdf": "syrian democratic forces"}


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
    a, b = place_key(pred), place_key(gold)
    if not a or not b:
        return False
    if a == b or _fold(a) == _fold(b):
        return True
    wa, wb = set(_fold(a).split()), set(_fold(b).split())
    if min(len(wa), len(wb)) >= 2 and (wa <= wb or wb <= wa):
        return True  # "National Hospital" vs "Raqqa National Hospital"
    return SequenceMatcher(None, _fold(a), _fold(b)).ratio() >= 0.8


def _date(v: str | None) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def overlap(b1: dt.date | None, e1: dt.date | None, b2: dt.date | None, e2: dt.date | None) -> bool:
    lo1, hi1 = b1 or dt.date.min, e1 or dt.date.max
    lo2, hi2 = b2 or dt.date.min, e2 or dt.date.max
    return lo1 <= hi2 and lo2 <= hi1


def killed_of(report: Report) -> tuple[int | None, str | None]:
    killed = [q for q in report.fatalities if q.status == "killed"]
    if not killed:
        return None, None
    total = sum(q.value or 0 for q in killed)
    cats = {q.category for q in killed}
    cat = cats.pop() if len(cats) == 1 else ("civilians" if cats <= {"civilians", "children", "women", "unknown"}
                                            else "fighters")
    if cat in ("children", "women"):
        cat = "civilians"
    return total, cat


def sources_key(value: str | None) -> frozenset[str]:
    if not value:
        return frozenset()
    out = set()
    for part in value.split(";"):
        k = part.strip().lower()
        out.add(_SOURCE_ALIASES.get(k, k))
    return frozenset(out)


@dataclass
class Gold:
    doc: str
    row: dict

    @property
    def core(self) -> bool:
        return bool(self.row.get("core"))


def load_articles(data: Path, gold_rows: list[dict]) -> tuple[list[Article], str]:
    paths = sorted(p for p in data.iterdir() if p.is_file() and not p.name.startswith("."))
    try:
        from sitrep.ingest.pipeline import prepare

        articles, _rejections = prepare(paths)
        return articles, "ingest.pipeline.prepare"
    except ImportError:
        pass
    # TEMPORARY FALLBACK (ingest pipeline not importable): raw text, publication date from gold's
    # `published` field. Remove once sitrep.ingest.pipeline.prepare imports cleanly.
    published = {r["doc"]: r.get("published") for r in gold_rows}
    articles = []
    for p in paths:
        pub = published.get(p.name)
        articles.append(Article(article_id=p.stem, external_id=p.stem, raw_path=str(p),
                                text=p.read_text(encoding="utf-8"),
                                published_at=dt.date.fromisoformat(pub) if pub else None,
                                published_precision="day" if pub else "unknown"))
    return articles, "TEMPORARY fallback: raw .txt + gold published dates"


def _doc_of(article: Article) -> str:
    return Path(article.raw_path).name


def same_actors(a: Report, b: Report) -> bool:
    """Same agent, or the same pair of sides named in the other order ("X fought Y" / "Y fought X")."""
    return a.actor1 == b.actor1 or (a.actor2 is not None and {a.actor1, a.actor2} == {b.actor1, b.actor2})


def dedupe(reports: list[Report]) -> list[Report]:
    """Collapse repeats of one claim in one article.

    Same type, actors (see ``same_actors``) and place, overlapping dates, and the same killed count; or, for dated reports
    from the same source, one with a count and one without.
    """
    out: list[Report] = []
    for r in reports:
        for i, o in enumerate(out):
            if not (o.sub_event_type == r.sub_event_type and o.background == r.background and same_actors(o, r)
                    and place_key(o.place_name) == place_key(r.place_name)
                    and overlap(o.date_begin, o.date_end, r.date_begin, r.date_end)):
                continue
            ko, kr = killed_of(o)[0], killed_of(r)[0]
            if ko == kr:
                break
            if (None in (ko, kr) and None not in (o.date_begin, r.date_begin)
                    and sources_key(o.attributed_to) == sources_key(r.attributed_to)):
                if ko is None:
                    out[i] = r  # the repeat that carries the count stands for both
                break
        else:
            out.append(r)
    return out


def score(pred_by_doc: dict[str, list[Report]], gold: list[Gold]) -> tuple[dict[str, float], list[str]]:
    tp = fp = fn = 0
    fat_ok = attr_ok = actor_ok = 0
    lines: list[str] = []
    docs = sorted({g.doc for g in gold} | set(pred_by_doc))
    for doc in docs:
        preds = [r for r in dedupe(pred_by_doc.get(doc, [])) if not r.background]
        golds = [g for g in gold if g.doc == doc]
        pairs = []
        for gi, g in enumerate(golds):
            gb, ge = _date(g.row.get("date_begin")), _date(g.row.get("date_end"))
            for pi, r in enumerate(preds):
                if r.sub_event_type != g.row["sub_event_type"] or not same_place(r.place_name, g.row["location"]):
                    continue
                if not overlap(r.date_begin, r.date_end, gb, ge):
                    continue
                gk = (g.row.get("fatalities") or {}).get("killed")
                bonus = (killed_of(r)[0] == gk) + (sources_key(r.attributed_to) == sources_key(g.row.get("attributed_to")))
                pairs.append((-(g.core * 10 + bonus), gi, pi))
        pairs.sort()
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, r = golds[gi], preds[pi]
            if not g.core:
                fp += 1
                lines.append(f"  FP(background) {doc} {r.sub_event_type} @ {r.place_name}: {r.text[:80]}")
                continue
            tp += 1
            gf = g.row.get("fatalities") or {}
            gk, gcat = gf.get("killed"), gf.get("category") if gf.get("killed") is not None else None
            pk, pcat = killed_of(r)
            ok_f = pk == gk and (gk is None or pcat == gcat)
            fat_ok += ok_f
            ok_a = sources_key(r.attributed_to) == sources_key(g.row.get("attributed_to"))
            attr_ok += ok_a
            gold_actor1 = {a.strip() for a in (g.row.get("actor1") or "").split(";") if a.strip()}
            actor_ok += bool(r.actor1 and r.actor1 in gold_actor1)
            lines.append(f"  TP {doc[:3]} {r.sub_event_type} @ {r.place_name} {r.date_begin}..{r.date_end}"
                         f" killed={pk}/{gk}{'' if ok_f else ' (fatalities differ)'}"
                         f" attr={r.attributed_to!r}/{g.row.get('attributed_to')!r}"
                         f"{'' if r.actor1 in gold_actor1 else f' actor1={r.actor1!r}/{sorted(gold_actor1)}'}")
        for pi, r in enumerate(preds):
            if pi not in used_p:
                fp += 1
                lines.append(f"  FP {doc[:3]} {r.sub_event_type} @ {r.place_name} {r.date_begin}..{r.date_end}"
                             f" :: {r.text[:90]}")
        for gi, g in enumerate(golds):
            if gi not in used_g and g.core:
                fn += 1
                lines.append(f"  FN {doc[:3]} {g.row['sub_event_type']} @ {g.row['location']} "
                             f"{g.row.get('date_begin')}..{g.row.get('date_end')} :: {g.row['evidence'][:80]}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
    scores = {"precision": round(p, 4), "recall": round(r_, 4), "f1": round(f1, 4),
              "fatality_accuracy": round(fat_ok / tp, 4) if tp else 0.0,
              "attribution_accuracy": round(attr_ok / tp, 4) if tp else 0.0,
              "actor1_accuracy": round(actor_ok / tp, 4) if tp else 0.0}
    lines.insert(0, f"  tp={tp} fp={fp} fn={fn}")
    return scores, lines


def trigger_coverage(path: Path = CASE_DEV) -> dict[str, float]:
    """Trigger rules on CASE 2021 dev snippets: recall of the gold type, firing rate on non-conflict labels."""
    from sitrep.events.extract_rules import find_triggers
    from sitrep.text import split_sentences

    hit = total = fired = non_events = 0
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        label, text = parts[2].strip(), parts[1]
        subs = {t.sub_event_type for s in split_sentences("case", text) for t in find_triggers(s.text)}
        if label in CASE_TO_SUB:
            total += 1
            hit += CASE_TO_SUB[label] in subs
        elif label in CASE_NON_EVENT:
            non_events += 1
            fired += bool(subs)
    return {"case_trigger_recall": round(hit / max(1, total), 4),
            "case_false_trigger_rate_lower": round(fired / max(1, non_events), 4)}


def evaluate(data: Path = DEFAULT_DATA, gold_path: Path = DEFAULT_GOLD, verbose: bool = False
             ) -> tuple[dict[str, float], dict[str, object]]:
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles, how = load_articles(data, rows)
    t0 = time.perf_counter()
    analyses = [analyse_article(a) for a in articles]
    elapsed = time.perf_counter() - t0
    pred = {_doc_of(an.article): an.reports for an in analyses}
    gold = [Gold(r["doc"], r) for r in rows]
    scores, lines = score(pred, gold)
    if CASE_DEV.exists():
        scores.update(trigger_coverage(CASE_DEV))
    report_secs = sum(an.seconds.get("reports", 0.0) for an in analyses)
    info: dict[str, object] = {
        "articles": len(articles), "loader": how, "stages": analyses[0].stages if analyses else {},
        "ms_per_article": round(1000 * elapsed / max(1, len(articles)), 2),
        "reports_ms_per_article": round(1000 * report_secs / max(1, len(articles)), 2),
        "details": lines,
    }
    return scores, info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--check", action="store_true", help="exit 1 when a score drops below the baseline")
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--allow-lower", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every match and miss")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    scores, info = evaluate(args.data, args.gold)
    print(f"articles: {info['articles']} (loader: {info['loader']}; stages: {info['stages']})")
    if args.verbose:
        print("\n".join(info["details"]))  # type: ignore[arg-type]
    print(f"{'metric':<24}{'score':>8}{'baseline':>10}")
    base = gate.load(STAGE)
    for k, v in scores.items():
        b = base.get(k)
        print(f"{k:<24}{v:>8.4f}{'' if b is None else f'{b:.4f}':>10}")
    print(f"speed: {info['ms_per_article']} ms/article whole analyse_article, "
          f"{info['reports_ms_per_article']} ms/article in extract_reports")
    if args.update_baseline:
        print("baseline:", gate.update(STAGE, scores, allow_lower=args.allow_lower))
    if args.check:
        problems = gate.check(STAGE, scores)
        for p in problems:
            print("REGRESSION", p)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

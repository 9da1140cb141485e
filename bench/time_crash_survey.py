"""Run the time tagger (and optionally the whole per-article analysis) over every dev article; count crashes.

Issue 8 (E013): an exception in any per-article stage loses the whole article's events. This survey
feeds every article text we have (events dev set, its general news, all Timeline17 topics, the LGL
geoparsing corpus, the TempEval-3 documents) through ``sitrep.time.tag`` -- and, with ``--analyse``, through
``sitrep.events.analyse.analyse_article`` -- and lists the articles that raised, grouped by error.

    PYTHONPATH=$PWD python bench/time_crash_survey.py            # time tagger only (seconds)
    PYTHONPATH=$PWD python bench/time_crash_survey.py --analyse  # the whole per-article analysis (minutes)
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitrep.records import Article  # noqa: E402
from sitrep.time import tag  # noqa: E402

DEV = ROOT.parent / "shared" / "dev"
if not DEV.exists():  # a worktree beside main: /work/wt/<name> -> /work/shared
    DEV = ROOT.parents[1] / "shared" / "dev"


def _date(s: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10]) if s else None
    except ValueError:
        return None


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                yield json.loads(line)


def corpus(dev: Path) -> Iterator[tuple[str, str, dt.date | None]]:
    """(id, text, publication date) of every article in the dev data."""
    for name in ("events/articles.jsonl", "events/general_news/articles.jsonl"):
        p = dev / name
        if p.exists():
            for r in _jsonl(p):
                yield f"{name.split('/')[-2]}:{r['id']}", str(r["text"]), _date(r.get("date"))
    for p in sorted((dev / "timeline17").glob("*/articles.jsonl.gz")):
        for r in _jsonl(p):
            yield f"t17-{p.parent.name}:{r['id']}", str(r["text"]), _date(r.get("time"))
    p = dev / "geo" / "lgl.jsonl"
    if p.exists():
        for r in _jsonl(p):
            yield f"lgl:{r['id']}", str(r["text"]), _date(r.get("date"))
    from bench.eval_time import parse  # TempEval-3: the TEXT of each .tml, anchored at its creation time

    for f in sorted((dev / "tempeval3").rglob("*.tml")):
        doc = f.read_text(encoding="utf-8")
        if "<TEXT>" in doc:
            text, _spans, dct, _m = parse(doc, f.name)
            yield f"te3:{f.stem}", text, dct


def survey(dev: Path, analyse: bool) -> dict[str, object]:
    analyse_article = None
    if analyse:
        from sitrep.events.analyse import analyse_article
    n = 0
    crashed: dict[str, str] = {}
    for doc_id, text, anchor in corpus(dev):
        n += 1
        try:
            if analyse_article is not None:
                analyse_article(Article(article_id=doc_id, external_id=doc_id, raw_path="", text=text,
                                        published_at=anchor, published_precision="day" if anchor else "unknown"))
            else:
                tag(text, anchor)
        except Exception as exc:  # noqa: BLE001 - the survey records every crash
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            crashed[doc_id] = f"{type(exc).__name__}: {exc} ({Path(frame.filename).name}:{frame.lineno})"
    kinds = Counter(v.split(" (")[0].split(":")[0] + " @ " + v.rsplit("(", 1)[-1].rstrip(")") for v in crashed.values())
    return {"articles": n, "crashed": len(crashed), "by_error": dict(kinds.most_common()), "examples": crashed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--analyse", action="store_true", help="run the whole analyse_article, not only the time tagger")
    args = ap.parse_args()
    out = survey(args.dev, args.analyse)
    examples = out.pop("examples")
    print(json.dumps(out, indent=1))
    for k, v in list(examples.items())[:30]:  # type: ignore[union-attr]
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()

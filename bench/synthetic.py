"""Synthetic news corpora made from real articles, for scale benchmarks and resume tests.

Each synthetic article is a new mix of paragraphs drawn from different real articles (numbers shifted,
a dateline with its own date), so articles are distinct (content ids differ, near-duplicate detection
does not fold them together) while the language stays real news. Deterministic for a seed; written
as a stream (JSON Lines), never held in memory.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

_NUMBER = re.compile(r"\b([1-9]\d{0,2})\b")


def paragraphs(texts: Iterable[str], min_chars: int = 80) -> list[str]:
    out = []
    for text in texts:
        out.extend(p.strip() for p in re.split(r"\n+", text) if len(p.strip()) >= min_chars)
    return out


def read_texts(path: Path, limit: int | None = None) -> list[str]:
    """Article texts of a JSON Lines file (optionally .gz) or of a folder of .txt files."""
    if path.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))][:limit]
    opener = gzip.open if path.suffix == ".gz" else open
    texts = []
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                texts.append(rec.get("text") or rec.get("body") or "")
                if limit and len(texts) >= limit:
                    break
    return [t for t in texts if t]


def synthetic_articles(pool: list[str], n: int, *, seed: int = 0, per_article: tuple[int, int] = (4, 8),
                       start: dt.date = dt.date(2017, 1, 1), per_day: int | None = None) -> Iterator[dict[str, str]]:
    """``n`` synthetic articles (dicts with id, date, title, text) mixed from the paragraph ``pool``, dated
    ``per_day`` a day from ``start`` (a corpus that grows with time), or spread over one year."""
    rng = random.Random(seed)
    for i in range(n):
        k = rng.randint(*per_article)
        chosen = rng.sample(pool, min(k, len(pool)))
        shift = rng.randint(1, 9)
        body = [_NUMBER.sub(lambda m, s=shift: str(int(m.group(1)) + s), p) for p in chosen]
        day = start + dt.timedelta(days=i // per_day if per_day else i * 365 // max(n, 1))
        yield {"id": f"syn-{seed}-{i:07d}", "date": day.isoformat(), "title": body[0][:80],
               "text": "\n\n".join(body)}


def write_corpus(pool: list[str], n: int, out: Path, *, seed: int = 0,
                 per_article: tuple[int, int] = (4, 8), per_day: int | None = None) -> Path:
    with out.open("w", encoding="utf-8") as fh:
        for rec in synthetic_articles(pool, n, seed=seed, per_article=per_article, per_day=per_day):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out

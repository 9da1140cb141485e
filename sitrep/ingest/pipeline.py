"""Ingest: read → clean → publication date → outlet → language → dedup → store.

``prepare_document`` turns one RawDocument into an Article (or a Rejection);
``ingest_paths`` runs a batch into a Store, keeps going past bad documents,
records every rejection, and returns a summary. Re-running on the same inputs
adds nothing: ids are content hashes and rejections are recorded once.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.config import Settings
from sitrep.ingest import clean, outlet, pubdate
from sitrep.ingest.dedup import NearDuplicateIndex, StoreNearDuplicateIndex, content_id
from sitrep.ingest.errors import reject
from sitrep.ingest.language import detect_language
from sitrep.ingest.readers import read_paths
from sitrep.records import Article, RawDocument, Rejection
from sitrep.store import Store

STAGE_VERSION = "sitrep.ingest.v1"

REQUIRES = ("RawDocument",)
ASSIGNS = ("Article.text", "Article.published_at", "Article.outlet", "Article.language", "Article.article_id")


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    duplicates: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    new_article_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def all_rejected(self) -> bool:
        """Nothing was read, or every input was rejected (a duplicate of a stored article is not a rejection)."""
        return self.stored == 0 and self.already_stored == 0 and self.duplicates == 0

    def lines(self) -> list[str]:
        out = [
            f"read {self.read} document(s) in {self.seconds:.1f}s",
            f"stored {self.stored} new article(s) ({self.near_duplicates} marked as near-duplicates)",
            f"already stored {self.already_stored}, exact duplicates {self.duplicates}",
        ]
        rejected = {k: v for k, v in self.rejected.items() if k != "E010"}
        if rejected:
            out.append("rejected " + ", ".join(f"{code}: {n}" for code, n in sorted(rejected.items())))
        else:
            out.append("rejected 0")
        return out


def prepare_document(doc: RawDocument, settings: Settings | None = None) -> Article | Rejection:
    """Clean, date and identify one document. Never raises for bad content."""
    settings = settings or Settings()
    if len(doc.text) > settings.max_article_chars * (4 if doc.is_html else 1):
        return reject("E006", doc.raw_path, doc.external_id, f"{len(doc.text)} characters")
    result = clean.clean_text(doc.text, is_html=doc.is_html, title=doc.title)
    text = result.text.strip()
    if len(text) < settings.min_article_chars:
        detail = f"{len(text)} characters left after cleaning ({len(result.removed)} lines removed)"
        return reject("E005", doc.raw_path, doc.external_id, detail)
    meta = dict(doc.metadata)
    cmeta = result.meta or {}
    metadata_date = doc.published or cmeta.get("date")
    url = doc.url or cmeta.get("url")
    if not metadata_date and url:
        in_url = pubdate.date_from_path(url)  # news URLs often carry /2017/06/12/
        if in_url is not None:
            metadata_date = in_url[0].isoformat()
    pub = pubdate.find_published(metadata_date=metadata_date, raw_text=doc.text, path=doc.raw_path)
    name, how = outlet.find_outlet(
        metadata_outlet=doc.outlet or cmeta.get("sitename"), url=url, raw_text=doc.text
    )
    if cmeta:
        meta["cleaning"] = {k: v for k, v in cmeta.items() if isinstance(v, (str, int, float, list)) and k != "text"}
    return Article(
        article_id=content_id(text), external_id=doc.external_id, raw_path=doc.raw_path, text=text,
        title=doc.title or result.title, url=url, outlet=name, outlet_source=how,
        published_at=pub.value, published_precision=pub.precision, published_source=pub.source,
        published_interval=pub.interval, published_evidence=pub.evidence,
        language=detect_language(text), metadata=meta, removed_lines=len(result.removed),
    )


def prepare(paths: Iterable[str | Path], settings: Settings | None = None) -> tuple[list[Article], list[Rejection]]:
    """Read and prepare documents without a store (exact duplicates dropped, in input order)."""
    settings = settings or Settings()
    articles: dict[str, Article] = {}
    rejections: list[Rejection] = []
    for item in read_paths(paths, settings):
        if isinstance(item, Rejection):
            rejections.append(item)
            continue
        art = prepare_document(item, settings)
        if isinstance(art, Rejection):
            rejections.append(art)
        elif art.article_id in articles:
            rejections.append(reject("E010", art.raw_path, art.external_id, f"same text as {art.article_id}"))
        else:
            articles[art.article_id] = art
    return list(articles.values()), rejections


Progress = Callable[[IngestSummary], None]

PREPARE_BATCH = 32  # documents per task sent to a worker


def ingest_paths(paths: Iterable[str | Path], store: Store, settings: Settings | None = None, *,
                 progress: Progress | None = None, batch_size: int = 200, engine: Any = None,
                 on_error: str = "record", run_id: int | None = None) -> IngestSummary:
    """Ingest files/directories into ``store``; returns what happened (nothing is dropped silently).

    Input is read as a stream and prepared (clean, date, outlet, language) on ``engine`` (default: in
    this process) in small batches, in input order; articles are written and committed every
    ``batch_size`` documents, so an interrupted ingest keeps what it committed and a re-run finishes
    the job with the same rows. ``on_error``: ``record`` (a rejected or failing document is recorded
    with its code and the batch goes on) or ``raise`` (:class:`~sitrep.pipeline.PipelineError` at the
    first rejected document, after committing what came before it).
    """
    from sitrep.engines import Context, SerialEngine, batched
    from sitrep.pipeline import ON_ERROR, PipelineError

    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, got {on_error!r}")
    settings = settings or Settings()
    engine = engine or SerialEngine(Context(settings=settings))
    summary = IngestSummary()
    started = time.perf_counter()
    index = StoreNearDuplicateIndex(store, settings.near_duplicate_threshold, settings.minhash_perm)
    pending = 0
    last_report = started
    own_files = [store.path + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    docs = read_paths(paths, settings, exclude=own_files)
    store.begin()
    try:
        for prepared in engine.map("prepare", batched(docs, PREPARE_BATCH)):
            for item in prepared:
                summary.read += 1
                if isinstance(item, Rejection):
                    if on_error == "raise" and item.code != "E010":
                        store.commit()
                        store.begin()
                        raise PipelineError(f"{item.reason}: {item.raw_path}"
                                            + (f" ({item.detail})" if item.detail else ""), item.code)
                    _record(store, item, summary)
                else:
                    _store_article(store, item, index, settings, summary, run_id)
                pending += 1
                if pending >= batch_size:
                    if run_id is not None:
                        store.heartbeat(run_id)
                    store.commit()
                    store.begin()
                    pending = 0
            now = time.perf_counter()
            if progress and now - last_report > 2.0:
                summary.seconds = now - started
                progress(summary)
                last_report = now
        store.commit()
    except BaseException:
        store.rollback()
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _record(store: Store, rej: Rejection, summary: IngestSummary) -> None:
    store.insert_rejection(rej.code, rej.reason, rej.raw_path, rej.external_id, rej.detail)
    summary.rejected[rej.code] += 1


def _store_article(store: Store, art: Article, index: NearDuplicateIndex, settings: Settings,
                   summary: IngestSummary, run_id: int | None = None) -> None:
    existing = store.find_article(art.article_id)
    if existing is not None:
        if existing[0] == art.external_id and existing[1] == art.raw_path:
            summary.already_stored += 1
        else:
            summary.duplicates += 1
            detail = f"same text as article {art.article_id} ({existing[0]})"
            _record(store, reject("E010", art.raw_path, art.external_id, detail), summary)
        return
    mh = index.signature(art.text)
    dup = index.query(mh)
    if dup is not None:
        art.duplicate_of = dup
        summary.near_duplicates += 1
    store.insert_article(art, minhash=NearDuplicateIndex.serialise(mh), stage_version=_ingest_key(), run_id=run_id)
    if dup is None:  # kept: later copies of it are found by its bands (stored after the article they point to)
        index.add(art.article_id, mh)
    summary.stored += 1
    summary.new_article_ids.append(art.article_id)


def _ingest_key() -> str:
    """The ingest stages' version key (recorded on every stored article)."""
    from sitrep.pipeline import ingest_version_key

    return ingest_version_key()

"""The event pipeline over stored articles: reports, incidents and control changes, incrementally.

``process_articles(store)`` takes every stored article that the current stage versions have not
processed yet (``processed_articles`` records the versions per article), analyses it
(``analyse.analyse_article``: sentences, times, places, actors, reports), stores its reports,
merges them into the existing incidents (ids never change when reports join) and rebuilds the
control changes. Work is committed in batches, each in one transaction, so a crash leaves the file
consistent and a re-run finishes the job; a re-run with nothing new changes nothing. Articles
marked as near-duplicates are recorded as skipped (their claims are already in the original).
The stage version keys come from the pipeline runner (:mod:`sitrep.pipeline`: ``STAGE_VERSION`` plus
a digest of each stage's code and data). An article processed by other keys of the per-article
stages is re-analysed: its old reports leave their incidents (an incident left with no report is
deleted) before the new ones merge in. When the merge or control keys change (recorded in
``events_state``), every incident is rebuilt from the stored reports without re-analysing articles.
The per-article stages run on an engine (:mod:`sitrep.engines`: this process, worker processes or a
Dask cluster); their results are merged here in publication order, so every engine gives the same
rows. Control changes are rebuilt once at the end of a run (a crash before that leaves a flag in
``events_state`` and the next run rebuilds them).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sitrep.engines import Context, Engine, Outcome, SerialEngine
from sitrep.events import rows
from sitrep.events.control import CAPTURE_TYPES, TRANSFER_TYPE, control_changes
from sitrep.events.incident import MAX_WINDOW_DAYS
from sitrep.events.merge import ArticleInfo, IncidentMerger, ParentOf
from sitrep.ingest.errors import CODES
from sitrep.pipeline import ON_ERROR, WARNINGS, PipelineError, build_pipeline, degraded_stages
from sitrep.records import Article, Incident, Report
from sitrep.store import ProcessedRow
from sitrep.store.merge_state import MergeState

log = logging.getLogger(__name__)

STAGE_VERSION = "sitrep.events.process.v2"

BATCH_SIZE = 50


@dataclass
class ProcessSummary:
    articles: int = 0  # analysed in this run
    skipped: int = 0  # near-duplicates recorded without analysis
    reprocessed: int = 0  # analysed again because a stage version changed
    reports: int = 0
    incidents_new: int = 0
    incidents_updated: int = 0
    incidents_deleted: int = 0
    incidents_total: int = 0
    remerged: bool = False  # every incident rebuilt because the merge/control stage version changed
    control_changes: int = 0
    failed: int = 0  # articles whose analysis raised (recorded as rejections with code E013)
    degraded: dict[str, int] = field(default_factory=dict)  # stage -> articles it analysed degraded (W001)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage

    def lines(self) -> list[str]:
        total = sum(self.seconds.values())
        rate = f" ({self.articles / total:.1f} articles/s)" if total and self.articles else ""
        out = [
            f"processed {self.articles} article(s){rate}, {self.reprocessed} re-processed, "
            f"{self.skipped} near-duplicate(s) skipped",
            f"reports {self.reports}; incidents new {self.incidents_new}, updated {self.incidents_updated}, "
            f"deleted {self.incidents_deleted}, total {self.incidents_total}; control changes {self.control_changes}"
            + ("; incidents rebuilt (new merge version)" if self.remerged else ""),
        ]
        if self.failed:
            out.append(f"warning W002: analysis failed on {self.failed} article(s): see 'sitrep rejections' (E013)")
        for stage, n in sorted(self.degraded.items()):
            out.append(f"warning W001: stage '{stage}' ran degraded on {n} article(s); they are not marked "
                       "processed and will be analysed again (see 'sitrep stats')")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "seconds"}


def versions_key() -> str:
    """The version keys of the per-article stages (STAGE_VERSION + code and data digest), as JSON."""
    return build_pipeline().versions_key("article")


def merge_key() -> str:
    return build_pipeline().versions_key("merge")


def load_gazetteer_for(store: Any) -> Any:
    """The places gazetteer (with the store's imported GeoNames rows when it has any)."""
    from sitrep.places import load_gazetteer

    return load_gazetteer(gazetteer_extra(store))


def gazetteer_extra(store: Any) -> str | None:
    return store.path if store.path != ":memory:" and store.has_gazetteer_extra() else None


def parent_lookup(gazetteer: Any) -> ParentOf | None:
    """Place id -> id of the place containing it, for the merge's place containment.

    The answer must not depend on what this process has geoparsed: the conflict-country layer's villages
    are copied into the gazetteer only when geoparsing first meets them, so ``gazetteer.get`` knows a
    village in the process that analysed it and not in one whose workers did (1 and 2 workers gave
    different incidents). ``parent_id_of`` reads the layer itself.
    """
    if gazetteer is None:
        return None
    return gazetteer.parent_id_of  # type: ignore[no-any-return]


def actor_parent_lookup() -> ParentOf | None:
    """Actor name -> canonical name of the group it belongs to (from the actors dictionary)."""
    from sitrep.actors import canonical_actor

    def parent(name: str) -> str | None:
        found = canonical_actor(name)
        if found is None or not found.parent:
            return None
        up = canonical_actor(found.parent)
        return up.name if up is not None else found.parent

    return parent


def _window(article: Article) -> tuple[dt.date, dt.date] | None:
    pub = article.published_at
    if isinstance(pub, dt.datetime):
        return pub.date(), pub.date()
    if isinstance(pub, dt.date):
        return pub, pub
    interval = article.published_interval
    if interval and (interval[1] - interval[0]).days <= MAX_WINDOW_DAYS:
        return interval
    from sitrep.time import infer_published  # a wide or missing interval: the time stage's best guess

    found = infer_published(article.text)
    likely = getattr(found, "likely", None)
    if isinstance(likely, dt.date):
        return likely, likely
    if found is not None and (found.end - found.begin).days <= MAX_WINDOW_DAYS:
        return found.begin, found.end
    return interval


def pending_articles(store: Any, article_ids: list[str] | None = None, versions: str | None = None) -> list[str]:
    """Ids of stored articles not processed by ``versions`` (default: the current ones), in publication order."""
    return store.pending_article_ids(versions or versions_key(), article_ids)  # type: ignore[no-any-return]


def process_articles(store: Any, article_ids: list[str] | None = None, *,
                     progress: Callable[[str], None] | None = None, batch_size: int = BATCH_SIZE,
                     gazetteer: Any = None, analyse: Callable[..., Any] | None = None,
                     engine: Engine | None = None, on_error: str = "record",
                     run_id: int | None = None) -> ProcessSummary:
    """Run the event stages on stored articles not yet processed by the current stage version keys.

    The per-article stages run on ``engine`` (default: in this process); results come back in
    publication order and are merged here, batch by batch, each batch in one transaction.
    ``gazetteer`` defaults to the places gazetteer (geoparsing and place containment in the merge);
    ``analyse`` replaces the events entry point (tests); it gets no gazetteer unless one is given.
    ``on_error``: ``record`` (an article whose analysis raises is recorded as an E013 rejection and
    the batch goes on) or ``raise`` (:class:`PipelineError` at the first failure or degraded stage).
    A stage that ran degraded (``ArticleAnalysis.stages``, e.g. a model that could not load) is a W001
    warning on the run; its articles are not marked processed, so the next run analyses them again.
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, got {on_error!r}")
    pipeline = build_pipeline()  # every stage imported and checked: a broken stage fails here
    summary = ProcessSummary()
    secs = summary.seconds
    key = pipeline.versions_key("article")
    mkey = pipeline.versions_key("merge")
    conn = store.conn
    todo = store.pending_article_ids(key, article_ids)
    state = MergeState(conn)
    remerge = rows.get_state(conn, "merge_versions") != mkey or state.needs_rebuild()
    if not todo and not remerge:
        summary.incidents_total = store.count("incidents")
        summary.control_changes = store.count("control_changes")
        return summary
    t0 = time.perf_counter()
    if gazetteer is None and analyse is None:
        gazetteer = load_gazetteer_for(store)
    if engine is None:
        engine = SerialEngine(Context(gazetteer_extra=None), analyse=analyse, gazetteer=gazetteer)
    parent_of = parent_lookup(gazetteer)
    infos = ArticleInfos(state)
    actor_parent = actor_parent_lookup()
    window = _Window()
    if remerge:  # the merge or control stage changed: rebuild every incident from the stored reports
        merger = IncidentMerger(articles=infos, parent_of=parent_of, actor_parent=actor_parent, backing=state)
        _remerge(store, state, merger, infos, window, batch_size, summary, mkey)
    else:
        merger = IncidentMerger(articles=infos, parent_of=parent_of, actor_parent=actor_parent, backing=state,
                                next_seq=state.next_seq())
    secs["load"] = time.perf_counter() - t0
    if rows.get_state(conn, "control_dirty") == "1" and not todo:
        _rebuild_control(store, state, infos, summary)

    def article_batches() -> Iterator[list[Article]]:  # read lazily: the engine pulls as it goes
        for start in range(0, len(todo), batch_size):
            yield list(store.iter_articles(todo[start:start + batch_size]))

    batches = article_batches()
    read: list[list[Article]] = []

    def feed() -> Iterator[list[Article]]:
        for b in batches:
            read.append(b)
            yield b

    for outcomes in engine.map("analyse", feed()):
        batch = read.pop(0)
        _merge_batch(store, state, batch, outcomes, merger, infos, summary, key, on_error, run_id)
        window.advance(merger, (infos.get(a.article_id) for a in batch))
        if progress is not None:
            progress(f"{summary.articles + summary.skipped}/{len(todo)} articles processed, "
                     f"{summary.reports} reports, {store.count('incidents')} incidents")
    if todo:
        _rebuild_control(store, state, infos, summary)
    summary.incidents_total = store.count("incidents")
    if summary.control_changes == 0 and not todo:
        summary.control_changes = store.count("control_changes")
    return summary


def _remerge(store: Any, state: MergeState, merger: IncidentMerger, infos: ArticleInfos, window: _Window,
             batch_size: int, summary: ProcessSummary, mkey: str) -> None:
    """Rebuild every incident and the control changes from the stored reports, article chunk by chunk."""
    conn = store.conn
    with store.transaction():
        rows.delete_all_incidents(conn)
        had = False
        for chunk in _chunks(state.articles_with_reports(), batch_size):
            reports = rows.load_reports(conn, chunk)
            had = had or bool(reports)
            _save(conn, state, merger, merger.add(reports))
            window.advance(merger, (infos.get(a) for a in chunk))
        summary.control_changes = rows.replace_control_changes(conn, _control(state, infos))
        rows.set_state(conn, "merge_versions", mkey)
        rows.set_state(conn, "control_dirty", "0")
    summary.remerged = had


WINDOW_WEEKS = 8  # the merge keeps in memory the incidents of the last weeks of publication dates


class _Window:
    """The open date window of the merge: weeks back from the latest publication date merged so far."""

    def __init__(self) -> None:
        self.latest: dt.date | None = None

    def advance(self, merger: IncidentMerger, infos: Iterable[ArticleInfo | None]) -> None:
        for info in infos:
            if info is not None and info.window is not None and (self.latest is None or info.window[1] > self.latest):
                self.latest = info.window[1]
        if self.latest is not None:
            merger.evict(self.latest.toordinal() // 7 - WINDOW_WEEKS)


class ArticleInfos(Mapping[str, ArticleInfo]):
    """Outlet and publication window per article id, read from the store as the merge asks (a bounded
    cache), with this batch's articles put in before they are stored."""

    def __init__(self, state: MergeState, size: int = 20_000) -> None:
        self.state = state
        self.size = size
        self.cache: OrderedDict[str, ArticleInfo | None] = OrderedDict()

    def put(self, article_id: str, info: ArticleInfo) -> None:
        self.cache[article_id] = info
        self.cache.move_to_end(article_id)
        self._trim()

    def _trim(self) -> None:
        while len(self.cache) > self.size:
            self.cache.popitem(last=False)

    def __getitem__(self, article_id: str) -> ArticleInfo:
        if article_id in self.cache:
            self.cache.move_to_end(article_id)
            found = self.cache[article_id]
        else:
            found = self.state.article_info(article_id)
            self.cache[article_id] = found
            self._trim()
        if found is None:
            raise KeyError(article_id)
        return found

    def __iter__(self) -> Iterator[str]:  # the merge only looks ids up
        return iter(list(self.cache))

    def __len__(self) -> int:
        return len(self.cache)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start:start + size]


def _save(conn: Any, state: MergeState, merger: IncidentMerger, incidents: list[Incident]) -> None:
    rows.save_incidents(conn, incidents)
    state.save([(inc.incident_id, merger.seq_of(inc), merger.slots(inc)) for inc in incidents])


def _control(state: MergeState, infos: Mapping[str, ArticleInfo]) -> list[Any]:
    """Control changes from the stored territory incidents (the only ones that can change control), a
    chunk at a time (each change comes from one incident), in ``control_changes``' order."""
    out = []
    ids = state.incidents_of_types(sorted(CAPTURE_TYPES | {TRANSFER_TYPE}))
    for chunk in _chunks(ids, 500):
        loaded = state.load(chunk)
        reports = {r.report_id: r for _, _, members in loaded for r in members}
        out.extend(control_changes([inc for inc, _, _ in loaded], reports, infos))
    out.sort(key=lambda c: (c.date is None, c.date or dt.date.min, c.place_id, c.incident_id or ""))
    return out


def _rebuild_control(store: Any, state: MergeState, infos: Mapping[str, ArticleInfo], summary: ProcessSummary) -> None:
    t = time.perf_counter()
    with store.transaction():
        summary.control_changes = rows.replace_control_changes(store.conn, _control(state, infos))
        rows.set_state(store.conn, "control_dirty", "0")
    summary.seconds["control"] = summary.seconds.get("control", 0.0) + time.perf_counter() - t


def _merge_batch(store: Any, state: MergeState, batch: list[Article], outcomes: list[Outcome],
                 merger: IncidentMerger, infos: ArticleInfos, summary: ProcessSummary, key: str, on_error: str,
                 run_id: int | None) -> None:
    conn = store.conn
    secs = summary.seconds
    new_reports: list[Report] = []
    windows: dict[str, tuple[dt.date, dt.date] | None] = {}
    counts: dict[str, int] = {}
    failed: set[str] = set()
    degraded: dict[str, str] = {}  # article -> its degraded stages, for the run's warnings
    for article, outcome in zip(batch, outcomes, strict=True):
        if article.duplicate_of is not None:
            continue
        if outcome.error is not None:
            if on_error == "raise":
                raise PipelineError(f"analysis failed on {article.external_id} ({article.raw_path}): "
                                    f"{outcome.error}", "E013")
            log.warning("analysis failed on %s: %s", article.external_id, outcome.error)
            with store.transaction():
                store.insert_rejection("E013", CODES["E013"], article.raw_path, article.external_id, outcome.error)
            summary.failed += 1
            failed.add(article.article_id)
            if run_id is not None:
                store.add_warning(run_id, "W002", WARNINGS["W002"])
            continue
        bad = degraded_stages(outcome.stages)
        if bad:
            if on_error == "raise":
                stage, why = next(iter(bad.items()))
                raise PipelineError(f"stage '{stage}' ran degraded on {article.external_id}: {why}", "W001")
            degraded[article.article_id] = ", ".join(sorted(bad))
            for stage, why in bad.items():
                summary.degraded[stage] = summary.degraded.get(stage, 0) + 1
                if run_id is not None:
                    store.add_warning(run_id, "W001", f"{WARNINGS['W001']}: {why}", stage=stage)
        for stage, s in outcome.seconds.items():
            secs[stage] = secs.get(stage, 0.0) + s
        windows[article.article_id] = _window(article)
        new_reports.extend(outcome.reports)
        counts[article.article_id] = len(outcome.reports)
    batch = [a for a in batch if a.article_id not in failed]  # not marked processed: tried again next run
    t = time.perf_counter()
    with store.transaction():
        old = state.reports_of([a.article_id for a in batch])
        if old:  # re-processing: old reports leave their incidents first
            rebuilt, deleted = merger.remove(old)
            rows.delete_incidents(conn, deleted)
            _save(conn, state, merger, rebuilt)
            rows.delete_reports(conn, old)
            summary.incidents_deleted += len(deleted)
            summary.incidents_updated += len(rebuilt)
            summary.reprocessed += sum(1 for a in batch if a.duplicate_of is None)
        for article in batch:
            infos.put(article.article_id, ArticleInfo(article.outlet, windows.get(article.article_id),
                                                      article.external_id))
        unique = {r.report_id: r for r in new_reports}
        summary.reports += rows.insert_reports(conn, unique.values())
        secs["store"] = secs.get("store", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        n_before = merger.created
        changed = merger.add(unique.values())
        secs["merge"] = secs.get("merge", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        n_new = merger.created - n_before
        summary.incidents_new += n_new
        summary.incidents_updated += len(changed) - n_new
        _save(conn, state, merger, changed)
        store.mark_processed([ProcessedRow(
            a.article_id, key + " degraded" if a.article_id in degraded else key, counts.get(a.article_id, 0),
            "skipped-duplicate" if a.duplicate_of else ("degraded" if a.article_id in degraded else "processed"),
            windows.get(a.article_id), run_id) for a in batch])
        rows.set_state(conn, "control_dirty", "1")  # rebuilt once at the end of the run
        if run_id is not None:
            store.heartbeat(run_id)
        secs["store"] = secs.get("store", 0.0) + time.perf_counter() - t
    summary.articles += sum(1 for a in batch if a.duplicate_of is None)
    summary.skipped += sum(1 for a in batch if a.duplicate_of is not None)


def _iso(window: tuple[dt.date, dt.date] | None, k: int) -> str | None:
    return window[k].isoformat() if window else None

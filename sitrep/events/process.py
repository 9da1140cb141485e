"""The event pipeline over stored articles: reports, incidents and control changes, incrementally.

``process_articles(store)`` takes every stored article that the current stage versions have not
processed yet (``processed_articles`` records the versions per article), analyses it
(``analyse.analyse_article``: sentences, times, places, actors, reports), stores its reports,
merges them into the existing incidents (ids never change when reports join) and rebuilds the
control changes. Work is committed in batches, each in one transaction, so a crash leaves the file
consistent and a re-run finishes the job; a re-run with nothing new changes nothing. Articles
marked as near-duplicates are recorded as skipped (their claims are already in the original).
An article processed by older versions of the per-article stages (``ARTICLE_STAGES``) is re-analysed:
its old reports leave their incidents (an incident left with no report is deleted) before the new
ones merge in. When the merge or control stages change (``MERGE_STAGES``, recorded in
``events_state``), every incident is rebuilt from the stored reports without re-analysing articles.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from sitrep.events import rows
from sitrep.events.control import control_changes
from sitrep.events.incident import MAX_WINDOW_DAYS
from sitrep.events.merge import ArticleInfo, IncidentMerger, ParentOf
from sitrep.ingest.errors import CODES
from sitrep.records import Article, Report

log = logging.getLogger(__name__)

STAGE_VERSION = "sitrep.events.process.v1"

BATCH_SIZE = 50
ARTICLE_STAGES = ("sitrep.time", "sitrep.places", "sitrep.actors", "sitrep.events.typing", "sitrep.events.extract",
                  "sitrep.events.repeats", "sitrep.events.analyse")  # a new version re-analyses the articles
MERGE_STAGES = ("sitrep.events.incident", "sitrep.events.merge", "sitrep.events.control")  # a new version re-merges


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
    seconds: dict[str, float] = field(default_factory=dict)  # per stage

    def lines(self) -> list[str]:
        total = sum(self.seconds.values())
        rate = f" ({self.articles / total:.1f} articles/s)" if total and self.articles else ""
        return [
            f"processed {self.articles} article(s){rate}, {self.reprocessed} re-processed, "
            f"{self.skipped} near-duplicate(s) skipped",
            f"reports {self.reports}; incidents new {self.incidents_new}, updated {self.incidents_updated}, "
            f"deleted {self.incidents_deleted}, total {self.incidents_total}; control changes {self.control_changes}"
            + ("; incidents rebuilt (new merge version)" if self.remerged else ""),
        ] + ([f"analysis failed on {self.failed} article(s): see 'sitrep rejections' (E013)"] if self.failed else [])


def stage_versions(names: tuple[str, ...] = ARTICLE_STAGES) -> dict[str, str]:
    """The STAGE_VERSION of the per-article stages (or of ``names``); absent modules are left out."""
    out: dict[str, str] = {}
    for name in names:
        try:
            out[name] = str(import_module(name).STAGE_VERSION)
        except (ImportError, AttributeError):
            continue
    return out


def versions_key(versions: dict[str, str] | None = None) -> str:
    return json.dumps(versions if versions is not None else stage_versions(), sort_keys=True)


def merge_key() -> str:
    return versions_key(stage_versions(MERGE_STAGES))


def load_gazetteer_for(store: Any) -> Any:
    """The places gazetteer (with the store's imported GeoNames rows when it has any); None without places."""
    try:
        from sitrep.places import load_gazetteer
    except ImportError:
        return None
    extra = None
    if store.path != ":memory:":
        try:
            if store.conn.execute("SELECT 1 FROM gazetteer_extra LIMIT 1").fetchone():
                extra = store.path
        except Exception:  # noqa: BLE001 - no such table: no extra rows
            extra = None
    return load_gazetteer(extra)


def parent_lookup(gazetteer: Any) -> ParentOf | None:
    if gazetteer is None:
        return None

    def parent_of(place_id: str) -> str | None:
        place = gazetteer.get(place_id)
        return place.parent_id if place is not None else None

    return parent_of


def actor_parent_lookup() -> ParentOf | None:
    """Actor name -> canonical name of the group it belongs to (from the actors dictionary)."""
    try:
        from sitrep.actors import canonical_actor
    except ImportError:
        return None

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
    try:  # a wide or missing interval: the time stage's best guess, when it has one
        from sitrep.time import infer_published
    except ImportError:
        return interval
    found = infer_published(article.text)
    likely = getattr(found, "likely", None)
    if isinstance(likely, dt.date):
        return likely, likely
    if found is not None and (found.end - found.begin).days <= MAX_WINDOW_DAYS:
        return found.begin, found.end
    return interval


def pending_articles(store: Any, article_ids: list[str] | None = None, versions: str | None = None) -> list[str]:
    """Ids of stored articles not processed by ``versions`` (default: the current ones), in publication order."""
    key = versions or versions_key()
    sql = ("SELECT a.article_id FROM articles a LEFT JOIN processed_articles p ON p.article_id = a.article_id "
           "WHERE (p.versions IS NULL OR p.versions != ?)")
    args: list[Any] = [key]
    if article_ids is not None:
        sql += f" AND a.article_id IN ({','.join('?' * len(article_ids))})"
        args.extend(article_ids)
    sql += " ORDER BY a.published_at IS NULL, a.published_at, a.external_id, a.article_id"
    return [r[0] for r in store.conn.execute(sql, args)]


def process_articles(store: Any, article_ids: list[str] | None = None, *,
                     progress: Callable[[str], None] | None = None, batch_size: int = BATCH_SIZE,
                     gazetteer: Any = None, analyse: Callable[..., Any] | None = None) -> ProcessSummary:
    """Run the event stages on stored articles not yet processed by the current stage versions.

    ``gazetteer`` defaults to the places gazetteer (used for geoparsing and for place containment in
    the merge); ``analyse`` (default ``analyse.analyse_article``) can be replaced, e.g. by tests; a
    replacement gets no gazetteer unless one is given.
    """
    if analyse is None:
        from sitrep.events.analyse import analyse_article

        analyse = analyse_article
        load_gaz = True
    else:
        load_gaz = False
    summary = ProcessSummary()
    secs = summary.seconds
    key = versions_key()
    conn = store.conn
    todo = pending_articles(store, article_ids, key)
    mkey = merge_key()
    remerge = rows.get_state(conn, "merge_versions") != mkey
    if not todo and not remerge:
        summary.incidents_total = conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
        summary.control_changes = conn.execute("SELECT COUNT(*) FROM control_changes").fetchone()[0]
        return summary
    t0 = time.perf_counter()
    gaz = gazetteer if gazetteer is not None or not load_gaz else load_gazetteer_for(store)
    parent_of = parent_lookup(gaz)
    prior = {r.report_id: r for r in rows.load_reports(conn)}
    infos = rows.article_infos(conn)
    by_article: dict[str, list[str]] = {}
    for r in prior.values():
        by_article.setdefault(r.article_id, []).append(r.report_id)
    actor_parent = actor_parent_lookup()
    if remerge:  # the merge or control stage changed: rebuild every incident from the stored reports
        merger = IncidentMerger(prior_reports=prior, articles=infos, parent_of=parent_of, actor_parent=actor_parent)
        with store.transaction():
            conn.execute("DELETE FROM incidents")  # cascades to incident_reports and control_changes
            rows.save_incidents(conn, merger.add(prior.values()))
            summary.control_changes = rows.replace_control_changes(conn, control_changes(merger.incidents(), prior, infos))
            rows.set_state(conn, "merge_versions", mkey)
        summary.remerged = bool(prior)
    else:
        merger = IncidentMerger(rows.load_incidents(conn), prior_reports=prior, articles=infos, parent_of=parent_of,
                                actor_parent=actor_parent)
    secs["load"] = time.perf_counter() - t0
    for start in range(0, len(todo), batch_size):
        batch = list(store.iter_articles(todo[start:start + batch_size]))
        new_reports: list[Report] = []
        windows: dict[str, tuple[dt.date, dt.date] | None] = {}
        counts: dict[str, int] = {}
        failed: set[str] = set()
        for article in batch:
            if article.duplicate_of is not None:
                continue
            try:
                analysis = analyse(article, gazetteer=gaz)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                log.warning("analysis failed on %s: %r", article.external_id, exc)
                with store.transaction():
                    store.insert_rejection("E013", CODES["E013"], article.raw_path, article.external_id,
                                           f"{type(exc).__name__}: {exc}")
                summary.failed += 1
                failed.add(article.article_id)
                continue
            for stage, s in analysis.seconds.items():
                secs[stage] = secs.get(stage, 0.0) + s
            windows[article.article_id] = _window(article)
            new_reports.extend(analysis.reports)
            counts[article.article_id] = len(analysis.reports)
        batch = [a for a in batch if a.article_id not in failed]  # not marked processed: tried again next run
        t = time.perf_counter()
        with store.transaction():
            old = [rid for a in batch for rid in by_article.pop(a.article_id, ())]
            if old:  # re-processing: old reports leave their incidents first
                rebuilt, deleted = merger.remove(old)
                rows.delete_incidents(conn, deleted)
                rows.save_incidents(conn, rebuilt)
                rows.delete_reports(conn, old)
                for rid in old:
                    prior.pop(rid, None)
                summary.incidents_deleted += len(deleted)
                summary.incidents_updated += len(rebuilt)
                summary.reprocessed += sum(1 for a in batch if a.duplicate_of is None)
            for article in batch:
                infos[article.article_id] = ArticleInfo(article.outlet, windows.get(article.article_id),
                                                        article.external_id)
            unique = {r.report_id: r for r in new_reports}
            summary.reports += rows.insert_reports(conn, unique.values())
            prior.update(unique)
            for r in unique.values():
                by_article.setdefault(r.article_id, []).append(r.report_id)
            secs["store"] = secs.get("store", 0.0) + time.perf_counter() - t
            t = time.perf_counter()
            n_before = len(merger.incidents())
            changed = merger.add(unique.values())
            secs["merge"] = secs.get("merge", 0.0) + time.perf_counter() - t
            t = time.perf_counter()
            incidents = merger.incidents()
            n_new = len(incidents) - n_before
            summary.incidents_new += n_new
            summary.incidents_updated += len(changed) - n_new
            rows.save_incidents(conn, changed)
            now = dt.datetime.now(dt.UTC).isoformat()
            conn.executemany(
                "INSERT OR REPLACE INTO processed_articles (article_id, versions, n_reports, status, window_begin,"
                " window_end, processed_at) VALUES (?,?,?,?,?,?,?)",
                [(a.article_id, key, counts.get(a.article_id, 0),
                  "skipped-duplicate" if a.duplicate_of else "processed",
                  _iso(windows.get(a.article_id), 0), _iso(windows.get(a.article_id), 1), now) for a in batch])
            summary.control_changes = rows.replace_control_changes(conn, control_changes(incidents, prior, infos))
            secs["store"] = secs.get("store", 0.0) + time.perf_counter() - t
        summary.articles += sum(1 for a in batch if a.duplicate_of is None)
        summary.skipped += sum(1 for a in batch if a.duplicate_of is not None)
        if progress is not None:
            progress(f"{summary.articles + summary.skipped}/{len(todo)} articles processed, "
                     f"{summary.reports} reports, {len(incidents)} incidents")
    summary.incidents_total = len(merger.incidents())
    if summary.control_changes == 0 and not todo:
        summary.control_changes = conn.execute("SELECT COUNT(*) FROM control_changes").fetchone()[0]
    return summary


def _iso(window: tuple[dt.date, dt.date] | None, k: int) -> str | None:
    return window[k].isoformat() if window else None

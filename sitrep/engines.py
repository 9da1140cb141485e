"""Engines: where the per-document and per-article stages run.

* :class:`SerialEngine`: in this process (``--workers 1``);
* :class:`ProcessEngine`: a pool of worker processes on this machine (``--workers N``); each worker
  assembles the pipeline and loads the gazetteer and models once;
* :class:`DaskEngine`: the workers of a Dask cluster (``--engine dask --scheduler ADDRESS``).

Every engine maps a task (``prepare``: RawDocument -> Article | Rejection; ``analyse``: Article ->
:class:`Outcome`) over batches and yields the results **in input order**, keeping at most
``prefetch`` batches in flight, so reading, analysis and writing overlap while memory stays flat
(nothing holds the corpus). The merge stays in the calling process and sees the same order whatever
the engine, so every engine gives the same rows. Failures inside a task are returned as data
(``Outcome.error``), never lost; the caller's ``--on-error`` policy decides what happens.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from sitrep.records import Article, Report

Task = Literal["prepare", "analyse"]


@dataclass
class Outcome:
    """What the per-article stages made of one article (or why they failed)."""

    article_id: str
    reports: list[Report] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)  # ArticleAnalysis.stages: which ran degraded
    error: str | None = None  # "ExceptionType: message" when the analysis raised


@dataclass(frozen=True)
class Context:
    """What a worker needs to rebuild the stages (picklable)."""

    settings: Any = None  # sitrep.config.Settings
    gazetteer_extra: str | None = None  # a store holding imported GeoNames rows, if any


def _gazetteer(extra: str | None) -> Any:
    from sitrep.places import load_gazetteer  # cached once per process by the places stage

    return load_gazetteer(extra)


def run_task(task: Task, items: list[Any], context: Context, analyse: Callable[..., Any] | None = None,
             gazetteer: Any = None) -> list[Any]:
    """Run one task on a batch, in whatever process this is (the stages are assembled once per process)."""
    from sitrep.pipeline import build_pipeline

    pipeline = build_pipeline()
    if task == "prepare":
        return [_prepare_one(pipeline, item, context) for item in items]
    if analyse is None:
        analyse = pipeline.analyse
        if gazetteer is None:
            gazetteer = _gazetteer(context.gazetteer_extra)
    return [analyse_one(analyse, a, gazetteer) for a in items]


def _prepare_one(pipeline: Any, item: Any, context: Context) -> Any:
    """RawDocument -> Article | Rejection; a Rejection from the reader passes through."""
    from sitrep.ingest.errors import reject

    if not hasattr(item, "is_html"):
        return item
    try:
        return pipeline.prepare(item, context.settings)
    except Exception as exc:  # noqa: BLE001 - a bug on one document must not stop the batch
        return reject("E015", item.raw_path, item.external_id, f"{type(exc).__name__}: {exc}")


def analyse_one(analyse: Callable[..., Any], article: Article, gazetteer: Any) -> Outcome:
    if article.duplicate_of is not None:
        return Outcome(article.article_id)
    try:
        analysis = analyse(article, gazetteer=gazetteer)
    except Exception as exc:  # noqa: BLE001 - returned as data; the caller's policy decides
        return Outcome(article.article_id, error=f"{type(exc).__name__}: {exc}")
    return Outcome(article.article_id, list(analysis.reports), dict(getattr(analysis, "seconds", {}) or {}),
                   dict(getattr(analysis, "stages", {}) or {}))


class SerialEngine:
    """The stages in this process, one batch at a time (lazily: batch k+1 starts after k is consumed)."""

    name = "serial"
    workers = 1

    def __init__(self, context: Context | None = None, *, analyse: Callable[..., Any] | None = None,
                 gazetteer: Any = None) -> None:
        self.context = context or Context()
        self.analyse = analyse
        self.gazetteer = gazetteer

    def map(self, task: Task, batches: Iterable[list[Any]]) -> Iterator[list[Any]]:
        for batch in batches:
            yield run_task(task, batch, self.context, self.analyse, self.gazetteer)

    def close(self) -> None:
        return None


def _worker_init() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per worker: no oversubscription


def _worker_run(task: Task, items: list[Any], context: Context) -> tuple[list[Any], float]:
    t = time.process_time()
    out = run_task(task, items, context)
    return out, time.process_time() - t


_FORK_UNSAFE = ("onnxruntime", "torch")  # native thread pools that a forked child cannot use


def _start_method() -> str:
    """``fork`` (what this process loaded, the gazetteer, is shared copy-on-write and a worker starts at
    once) unless a library whose native thread pools do not survive a fork is loaded (a child could
    deadlock); then ``forkserver``/``spawn``. numpy's OpenBLAS pool handles fork itself."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and not any(m in sys.modules for m in _FORK_UNSAFE):
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class ProcessEngine:
    """A pool of ``workers`` processes, each assembling the stages and loading the gazetteer and models
    once (forked, they share what this process already loaded; see :func:`_start_method`)."""

    name = "processes"

    def __init__(self, workers: int, context: Context | None = None, *, prefetch: int | None = None) -> None:
        self.workers = max(1, workers)
        self.context = context or Context()
        self.prefetch = prefetch or 2 * self.workers
        self.pool: Any = None  # started at the first map with more than one batch
        self.worker_cpu = 0.0  # CPU seconds spent in the workers' tasks

    def map(self, task: Task, batches: Iterable[list[Any]]) -> Iterator[list[Any]]:
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is None and self.pool is None:  # one batch is not worth starting the workers
            yield run_task(task, first, self.context)
            return
        pool = self._start()
        pending: deque[Any] = deque()
        for batch in itertools.chain([first], [second] if second is not None else [], it):
            pending.append(pool.apply_async(_worker_run, (task, batch, self.context)))
            if len(pending) >= self.prefetch:
                yield self._get(pending.popleft())
        while pending:
            yield self._get(pending.popleft())

    def _get(self, future: Any) -> list[Any]:
        out, cpu = future.get()
        self.worker_cpu += cpu
        return out  # type: ignore[no-any-return]

    def _start(self) -> Any:
        if self.pool is None:
            ctx = multiprocessing.get_context(_start_method())
            self.pool = ctx.Pool(self.workers, initializer=_worker_init)
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


class DaskEngine:
    """The workers of a Dask cluster; batches are submitted in order and gathered in order."""

    name = "dask"

    def __init__(self, scheduler: str, context: Context | None = None, *, prefetch: int | None = None) -> None:
        from distributed import Client

        self.client = Client(scheduler)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.context = context or Context()
        self.prefetch = prefetch or 2 * self.workers

    def map(self, task: Task, batches: Iterable[list[Any]]) -> Iterator[list[Any]]:
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(self.client.submit(_worker_run, task, batch, self.context, pure=False))
            if len(pending) >= self.prefetch:
                yield pending.popleft().result()[0]
        while pending:
            yield pending.popleft().result()[0]

    def close(self) -> None:
        self.client.close()


Engine = SerialEngine | ProcessEngine | DaskEngine


def make_engine(workers: int | None = None, *, engine: str = "local", scheduler: str | None = None,
                context: Context | None = None) -> Engine:
    """``local`` with ``workers`` (default: the number of cores; 1 = in this process) or ``dask``."""
    if engine == "dask":
        if not scheduler:
            raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return DaskEngine(scheduler, context)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n < 1:
        raise ValueError(f"--workers must be at least 1, got {n}")
    return SerialEngine(context) if n == 1 else ProcessEngine(n, context)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch

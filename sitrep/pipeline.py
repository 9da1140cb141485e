"""One pipeline runner: every stage registered with what it requires, assigns and its version.

The registry (:data:`STAGES`) lists the stages in order, in three phases:

* ``ingest`` (per input document): read, clean, pubdate, outlet, language, dedup;
* ``article`` (per stored article, pure, run on workers): sentences, time, places, actors,
  sources, events (the entry point is ``sitrep.events.analyse.analyse_article``);
* ``merge`` (over every report, run once, in the main process): merge, control.

:func:`build_pipeline` imports every stage module (a missing or broken stage is a
:class:`PipelineError` at start-up, never a silent "no events"), checks that each stage's
``requires`` are assigned by an earlier stage (as spaCy's ``analyze_pipes`` does) and computes
each stage's **version key**: its ``STAGE_VERSION`` plus a digest of its code (the source of every
``sitrep`` module it imports, transitively) and of the data it loads (the module's
``DATA_FILES`` and the files in ``data/`` or ``*_data/`` folders beside those modules). The store
records the keys that produced each row, so a changed dictionary, gazetteer, model or rule
re-analyses exactly the affected articles on the next ``sitrep process``.

``ingest`` (:func:`sitrep.ingest.pipeline.ingest_paths`), ``process``
(:func:`sitrep.events.process.process_articles`), ``bench/`` and the engines
(:mod:`sitrep.engines`) all get the stages from here.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import importlib
import importlib.util
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Phase = Literal["ingest", "article", "merge"]

#: Coded warnings stored with a run (``runs`` table) and shown by ``sitrep stats``.
WARNINGS: dict[str, str] = {
    "W001": "a stage ran degraded (a model or resource could not be loaded); its articles are retried next run",
    "W002": "some articles failed analysis (recorded as E013 rejections)",
    "W003": "every input was rejected; nothing was stored",
}

ON_ERROR = ("raise", "record")


class PipelineError(RuntimeError):
    """The pipeline cannot be assembled or run (a missing stage, a wrong order, a failed stage)."""

    def __init__(self, message: str, code: str = "P001") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Stage:
    """One stage: the module that owns it, its entry point, what it requires and assigns."""

    name: str
    module: str
    phase: Phase
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    entry: str = ""  # the function the runner calls, "" when the stage runs inside another stage's entry point

    def load(self) -> Any:
        try:
            mod = importlib.import_module(self.module)
        except Exception as exc:  # an ImportError or an error at import time: the stage is broken
            raise PipelineError(f"stage '{self.name}' cannot be loaded: {self.module}: "
                                f"{type(exc).__name__}: {exc}", "P001") from exc
        if not isinstance(getattr(mod, "STAGE_VERSION", None), str):
            raise PipelineError(f"stage '{self.name}' ({self.module}) has no STAGE_VERSION string", "P002")
        if self.entry and not callable(getattr(mod, self.entry, None)):
            raise PipelineError(f"stage '{self.name}' ({self.module}) has no function {self.entry}", "P002")
        return mod

    def version(self) -> str:
        return str(self.load().STAGE_VERSION)

    def key(self) -> str:
        """``STAGE_VERSION`` + a digest of the stage's code and data: changes whenever either changes."""
        return f"{self.version()}+{stage_digest(self.module)}"


#: Every stage, in pipeline order.
STAGES: tuple[Stage, ...] = (
    Stage("read", "sitrep.ingest.readers", "ingest", ("path",), ("RawDocument",), "read_paths"),
    Stage("clean", "sitrep.ingest.clean", "ingest", ("RawDocument",), ("Article.text", "Article.title"),
          "clean_text"),
    Stage("pubdate", "sitrep.ingest.pubdate", "ingest", ("RawDocument", "Article.text"),
          ("Article.published_at", "Article.published_interval"), "find_published"),
    Stage("outlet", "sitrep.ingest.outlet", "ingest", ("RawDocument",), ("Article.outlet",), "find_outlet"),
    Stage("language", "sitrep.ingest.language", "ingest", ("Article.text",), ("Article.language",),
          "detect_language"),
    Stage("prepare", "sitrep.ingest.pipeline", "ingest", ("RawDocument",),
          ("Article",), "prepare_document"),
    Stage("dedup", "sitrep.ingest.dedup", "ingest", ("Article",), ("Article.article_id", "Article.duplicate_of"),
          "content_id"),
    Stage("sentences", "sitrep.text", "article", ("Article",), ("Doc.sentences",), "split_sentences"),
    Stage("time", "sitrep.time", "article", ("Article", "Doc.sentences"), ("Doc.times", "Doc.anchor"), "tag"),
    Stage("places", "sitrep.places", "article", ("Article",), ("Doc.places",), "geoparse"),
    Stage("actors", "sitrep.actors", "article", ("Doc.sentences", "Doc.places"), ("Doc.actors",), "find_actors"),
    Stage("sources", "sitrep.actors.sources", "article", ("Doc.sentences",), ("Doc.sources",), "find_sources"),
    Stage("events", "sitrep.events.analyse", "article",
          ("Article", "Doc.sentences", "Doc.times", "Doc.places", "Doc.actors", "Doc.sources"),
          ("Doc.reports",), "analyse_article"),
    Stage("merge", "sitrep.events.merge", "merge", ("Doc.reports", "Article.outlet", "Article.published_at"),
          ("Incident",), ""),
    Stage("control", "sitrep.events.control", "merge", ("Incident", "Doc.reports"), ("ControlChange",),
          "control_changes"),
)


def check_order(stages: Iterable[Stage]) -> None:
    """Every stage's ``requires`` must be assigned by an earlier stage (an attribute or its parent record)."""
    available: set[str] = {"path"}
    seen: set[str] = set()
    for stage in stages:
        if stage.name in seen:
            raise PipelineError(f"stage '{stage.name}' is registered twice", "P003")
        seen.add(stage.name)
        missing = [r for r in stage.requires if r not in available and r.split(".", 1)[0] not in available]
        # "Article.text" is met by a stage that assigns it or the whole "Article"
        if missing:
            raise PipelineError(f"stage '{stage.name}' requires {', '.join(missing)}, which no earlier stage "
                                f"assigns", "P003")
        available.update(stage.assigns)


# ------------------------------------------------------------------ digests of code and data

_ROOT = Path(__file__).resolve().parent  # the sitrep package


@functools.cache
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """sha1 of a file's bytes (cached by path, mtime and size)."""
    st = path.stat()
    return _file_digest(str(path), st.st_mtime_ns, st.st_size)


def _module_file(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")


def _import_statements(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement of a module, nested ones included (imports are statements, so only the statement
    lists of compound statements are walked, not the expressions: the same nodes as ``ast.walk``, at a
    fraction of its cost)."""
    todo: list[Any] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
            continue
        for attr in _BODIES:
            todo.extend(getattr(node, attr, ()))


def _imported_sitrep_modules(path: Path, name: str) -> set[str]:
    """Every ``sitrep`` module that ``path`` imports anywhere (lazy imports in functions included)."""
    st = path.stat()
    return set(_imported_sitrep_modules_of(str(path), name, st.st_mtime_ns, st.st_size))


@functools.cache
def _imported_sitrep_modules_of(path_str: str, name: str, mtime_ns: int, size: int) -> frozenset[str]:
    """:func:`_imported_sitrep_modules`, parsed once per file version (stages share most of their closure)."""
    path = Path(path_str)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in _import_statements(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "sitrep")
        else:
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] != "sitrep":
                continue
            out.add(base)
            for a in node.names:  # "from sitrep.events import rows" imports a module
                if importlib.util.find_spec(base) is not None and _is_submodule(f"{base}.{a.name}"):
                    out.add(f"{base}.{a.name}")
    return frozenset(out)


def _is_submodule(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


@functools.cache
def module_closure(name: str) -> tuple[str, ...]:
    """``name`` and every ``sitrep`` module it imports, transitively (parents' ``__init__`` included)."""
    todo, seen = [name], set()
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        seen.add(mod)
        parts = mod.split(".")
        todo.extend(".".join(parts[:i]) for i in range(2, len(parts)))  # importing a.b.c runs a.b/__init__
        path = _module_file(mod)
        if path is not None:
            todo.extend(_imported_sitrep_modules(path, mod) - seen)
    return tuple(sorted(m for m in seen if _module_file(m) is not None and m != "sitrep"))


def data_files(modules: Iterable[str]) -> list[Path]:
    """The data a set of modules loads: each module's ``DATA_FILES`` (when it declares them) and the files
    in a ``data/`` or ``*_data/`` folder beside a module whose source names that folder."""
    found: set[Path] = set()
    for name in modules:
        path = _module_file(name)
        if path is None:
            continue
        mod = sys.modules.get(name)
        for f in getattr(mod, "DATA_FILES", ()) or ():
            p = Path(f)
            if p.is_file():
                found.add(p.resolve())
            elif p.is_dir():
                found.update(x.resolve() for x in p.rglob("*") if x.is_file())
        source = path.read_text(encoding="utf-8")
        for folder in path.parent.iterdir():  # a data folder beside the module that the module names
            if (folder.is_dir() and (folder.name == "data" or folder.name.endswith("_data"))
                    and (f'"{folder.name}"' in source or f"'{folder.name}'" in source)):
                found.update(x.resolve() for x in folder.rglob("*") if x.is_file() and "__pycache__" not in x.parts)
    return sorted(found)


@functools.cache
def stage_digest(module: str) -> str:
    """12 hex digits over the source of ``module``'s import closure and its data files (computed once)."""
    importlib.import_module(module)
    mods = module_closure(module)
    h = hashlib.sha1()
    for name in mods:
        path = _module_file(name)
        assert path is not None
        h.update(f"code {name} {file_digest(path)}\n".encode())
    for path in data_files(mods):
        rel = path.relative_to(_ROOT) if path.is_relative_to(_ROOT) else path
        h.update(f"data {rel} {file_digest(path)}\n".encode())
    return h.hexdigest()[:12]


# ------------------------------------------------------------------ the assembled pipeline


@dataclass
class Pipeline:
    """The assembled, checked pipeline. Build it with :func:`build_pipeline`."""

    stages: tuple[Stage, ...]
    modules: dict[str, Any] = field(default_factory=dict, repr=False)

    def stage(self, name: str) -> Stage:
        for s in self.stages:
            if s.name == name:
                return s
        raise KeyError(name)

    def phase(self, phase: Phase) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if s.phase == phase)

    def keys(self, phase: Phase) -> dict[str, str]:
        return {s.name: s.key() for s in self.phase(phase)}

    def versions_key(self, phase: Phase = "article") -> str:
        """JSON of the phase's stage keys: what the store records next to the rows the phase produced."""
        return json.dumps(self.keys(phase), sort_keys=True)

    def entry(self, name: str) -> Callable[..., Any]:
        stage = self.stage(name)
        return getattr(self.modules[stage.module], stage.entry)  # type: ignore[no-any-return]

    # the calls the runner makes
    def prepare(self, doc: Any, settings: Any = None) -> Any:
        return self.entry("prepare")(doc, settings)

    def analyse(self, article: Any, *, gazetteer: Any = None) -> Any:
        return self.entry("events")(article, gazetteer=gazetteer)

    def describe(self) -> list[dict[str, Any]]:
        """Name, phase, module, requires, assigns, STAGE_VERSION and key of every stage (``sitrep stages``)."""
        return [{"name": s.name, "phase": s.phase, "module": s.module, "requires": list(s.requires),
                 "assigns": list(s.assigns), "version": s.version(), "key": s.key()} for s in self.stages]


@functools.cache
def build_pipeline(stages: tuple[Stage, ...] = STAGES) -> Pipeline:
    """Import every stage, check the order; raises :class:`PipelineError` (a start-up error)."""
    check_order(stages)
    modules = {s.module: s.load() for s in stages}
    return Pipeline(stages, modules)


def article_versions_key() -> str:
    return build_pipeline().versions_key("article")


def merge_versions_key() -> str:
    return build_pipeline().versions_key("merge")


def ingest_version_key() -> str:
    keys = build_pipeline().keys("ingest")
    return "sitrep.ingest+" + hashlib.sha1(json.dumps(keys, sort_keys=True).encode()).hexdigest()[:12]


def degraded_stages(stages: dict[str, str] | None) -> dict[str, str]:
    """Stages an analysis reports as not fully working (``ArticleAnalysis.stages`` values other than
    ``module``/``ok``), e.g. ``{"typing": "unavailable: model file missing"}``."""
    return {k: v for k, v in (stages or {}).items() if v not in ("module", "ok", "")}


# ------------------------------------------------------------------ runs: what `sitrep ingest` and `process` call


@dataclass(frozen=True)
class RunOptions:
    """How a run executes: where the per-article stages run and what a failing document does."""

    workers: int | None = None  # local worker processes; None = the number of cores, 1 = this process
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # the Dask scheduler address (engine dask)
    on_error: str = "record"  # record | raise
    process: bool = True  # run the event stages after ingest
    batch_size: int = 50  # articles per merge transaction


@dataclass
class RunResult:
    run_id: int
    status: str  # done | degraded | failed
    ingest: Any = None  # sitrep.ingest.pipeline.IngestSummary
    process: Any = None  # sitrep.events.process.ProcessSummary
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message)

    def lines(self) -> list[str]:
        out: list[str] = []
        for part in (self.ingest, self.process):
            if part is not None:
                out.extend(part.lines())
        told = " ".join(out)  # a summary line may already carry the warning's code
        out.extend(f"warning {c}: {m}" for c, m in self.warnings if f"warning {c}" not in told)
        return out


def _engine_for(store: Any, options: RunOptions, settings: Any, *, analyse: bool = True) -> Any:
    from sitrep.engines import Context, make_engine
    from sitrep.events.process import gazetteer_extra, load_gazetteer_for

    if analyse and options.engine == "local":
        load_gazetteer_for(store)  # loaded once here (the merge needs it): forked workers share it
    context = Context(settings=settings, gazetteer_extra=gazetteer_extra(store))
    return make_engine(options.workers, engine=options.engine, scheduler=options.scheduler, context=context)


def run_ingest(paths: Iterable[Any], store: Any, settings: Any = None, options: RunOptions | None = None, *,
               progress: Callable[[Any], None] | None = None,
               process_progress: Callable[[str], None] | None = None) -> RunResult:
    """``sitrep ingest``: read, prepare and store the documents, then run the event stages on the new
    articles; the run and its warnings are recorded in the store."""
    from sitrep.config import Settings
    from sitrep.ingest.pipeline import ingest_paths

    options = options or RunOptions()
    settings = settings or Settings()
    analyse = options.process and settings.process_events
    with _recorded_run(store, "ingest", options,
                       lambda: _engine_for(store, options, settings, analyse=analyse)) as (result, engine):
        result.ingest = ingest_paths(paths, store, settings, progress=progress, engine=engine,
                                     on_error=options.on_error, run_id=result.run_id)
        if result.ingest.all_rejected:
            result.warnings.append(("W003", WARNINGS["W003"]))
            store.add_warning(result.run_id, "W003", WARNINGS["W003"], articles=0)
            result.status = "failed"
        elif analyse:
            _process(store, options, engine, result, process_progress)
    return result


def run_process(store: Any, options: RunOptions | None = None, *,
                progress: Callable[[str], None] | None = None) -> RunResult:
    """``sitrep process``: the event stages on every stored article the current version keys have not
    processed (new articles, and articles whose stages' code or data changed)."""
    options = options or RunOptions()
    with _recorded_run(store, "process", options, lambda: _engine_for(store, options, None)) as (result, engine):
        _process(store, options, engine, result, progress)
    return result


@contextlib.contextmanager
def _recorded_run(store: Any, kind: str, options: RunOptions,
                  make_engine: Callable[[], Any]) -> Iterator[tuple[RunResult, Any]]:
    """One run recorded in the store: every stage is loaded first (or this fails before anything is
    written), the run is started with the version keys, the engine made; the run is finished as failed
    if the body raises, else with the result's status and summary; the engine is always closed."""
    pipeline = build_pipeline()
    run_id = store.start_run(kind, engine=options.engine, workers=options.workers or 0,
                             on_error=options.on_error, versions=_all_keys(pipeline))
    result = RunResult(run_id, "done")
    engine = make_engine()
    try:
        yield result, engine
    except BaseException:
        store.finish_run(run_id, "failed", {})
        raise
    finally:
        engine.close()
    store.finish_run(run_id, result.status, _summary_dict(result))


def _process(store: Any, options: RunOptions, engine: Any, result: RunResult,
             progress: Callable[[str], None] | None) -> None:
    from sitrep.events.process import process_articles

    summary = process_articles(store, progress=progress, engine=engine, on_error=options.on_error,
                               run_id=result.run_id, batch_size=options.batch_size)
    result.process = summary
    if summary.degraded:
        result.status = "degraded"
        for stage, n in sorted(summary.degraded.items()):
            result.warnings.append(("W001", f"stage '{stage}' ran degraded on {n} article(s)"))
    if summary.failed:
        result.warnings.append(("W002", f"{summary.failed} article(s) failed analysis (E013)"))


def _all_keys(pipeline: Pipeline) -> dict[str, str]:
    return {s.name: s.key() for s in pipeline.stages}


def _summary_dict(result: RunResult) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if result.ingest is not None:
        i = result.ingest
        out["ingest"] = {"read": i.read, "stored": i.stored, "already_stored": i.already_stored,
                         "near_duplicates": i.near_duplicates, "rejected": dict(i.rejected), "seconds": i.seconds}
    if result.process is not None:
        out["process"] = result.process.to_dict()
    return out


# ------------------------------------------------------------------ golden snapshot of the registry


def declared_versions(stage: Stage) -> dict[str, str]:
    """The ``STAGE_VERSION`` of every module in the stage's import closure that declares one: bumping any of
    them (e.g. ``sitrep.events.extract`` for the events stage) declares that the stage's output changed."""
    build_pipeline()
    out = {}
    for name in module_closure(stage.module):
        version = getattr(sys.modules.get(name) or importlib.import_module(name), "STAGE_VERSION", None)
        if isinstance(version, str):
            out[name] = version
    return out


def _plain(obj: Any) -> Any:
    import dataclasses
    import datetime as dt

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in obj]
        return sorted(items, key=repr) if isinstance(obj, (set, frozenset)) else items
    if isinstance(obj, float):
        return round(obj, 6)
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    return obj


def output_digest(obj: Any) -> str:
    return hashlib.sha1(json.dumps(_plain(obj), sort_keys=True, default=str).encode()).hexdigest()[:12]


def stage_outputs(record: dict[str, Any]) -> dict[str, Any]:
    """What every stage makes of one input record (a JSON article): the data behind the golden snapshot."""
    from sitrep.config import Settings
    from sitrep.events.merge import ArticleInfo, merge_reports
    from sitrep.ingest.readers import record_to_doc

    p = build_pipeline()
    m = {s.name: p.modules[s.module] for s in p.stages}
    settings = Settings()
    from sitrep.records import RawDocument

    doc = record_to_doc(record, "fixture.jsonl", 1, settings)
    if not isinstance(doc, RawDocument):
        raise PipelineError(f"the fixture record was rejected: {doc}", "P004")
    article = p.prepare(doc, settings)
    cleaned = m["clean"].clean_text(doc.text, is_html=doc.is_html, title=doc.title)
    analysis = p.analyse(article)
    reports = list(analysis.reports)
    window = None
    if article.published_at is not None:
        day = getattr(article.published_at, "date", lambda: article.published_at)()
        window = (day, day)
    incidents = merge_reports(reports, articles={article.article_id: ArticleInfo(article.outlet, window,
                                                                                 article.external_id)})
    return {
        "read": doc,
        "clean": (cleaned.text, cleaned.title, cleaned.removed),
        "pubdate": m["pubdate"].find_published(metadata_date=doc.published, raw_text=doc.text, path=doc.raw_path),
        "outlet": m["outlet"].find_outlet(metadata_outlet=doc.outlet, url=doc.url, raw_text=doc.text),
        "language": m["language"].detect_language(article.text),
        "prepare": article,
        "dedup": m["dedup"].content_id(article.text),
        "sentences": analysis.sentences,
        "time": (analysis.anchor, analysis.times),
        "places": analysis.places,
        "actors": analysis.actors,
        "sources": analysis.sources,
        "events": reports,
        "merge": incidents,
        "control": m["control"].control_changes(incidents, {r.report_id: r for r in reports}),
    }


def snapshot(record: dict[str, Any]) -> dict[str, Any]:
    """The registry as a golden snapshot: per stage, its contract, declared versions and output digest."""
    p = build_pipeline()
    outputs = stage_outputs(record)
    return {s.name: {"phase": s.phase, "requires": list(s.requires), "assigns": list(s.assigns),
                     "versions": declared_versions(s), "output": output_digest(outputs[s.name])}
            for s in p.stages}


def check_snapshot(current: dict[str, Any], golden: dict[str, Any]) -> list[str]:
    """Problems between the current registry and the golden snapshot (empty: they agree)."""
    problems = []
    if list(current) != list(golden):
        problems.append(f"stages changed: {list(golden)} -> {list(current)}")
    for name, now in current.items():
        then = golden.get(name)
        if then is None:
            continue
        if (now["phase"], now["requires"], now["assigns"]) != (then["phase"], then["requires"], then["assigns"]):
            problems.append(f"stage '{name}': its contract (phase/requires/assigns) changed")
        if now["output"] != then["output"] and now["versions"] == then["versions"]:
            problems.append(f"stage '{name}': its output on the fixture article changed but no STAGE_VERSION "
                            "in its modules did: bump the STAGE_VERSION of the module whose behaviour changed "
                            f"(one of {', '.join(now['versions'])}), then refresh the snapshot")
        elif now["versions"] != then["versions"]:
            changed = sorted(k for k in set(now["versions"]) | set(then["versions"])
                             if now["versions"].get(k) != then["versions"].get(k))
            problems.append(f"stage '{name}': STAGE_VERSION changed ({', '.join(changed)}): refresh the snapshot")
    return problems


def main(argv: list[str] | None = None) -> int:
    """``python -m sitrep.pipeline snapshot [--write]``: print or refresh the golden snapshot (dev tool)."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m sitrep.pipeline")
    ap.add_argument("command", choices=["snapshot"])
    ap.add_argument("--fixture", type=Path, default=Path("tests/data/pipeline_fixture.json"))
    ap.add_argument("--golden", type=Path, default=Path("tests/data/pipeline_snapshot.json"))
    ap.add_argument("--write", action="store_true", help="overwrite the golden snapshot with the current one")
    args = ap.parse_args(argv)
    current = snapshot(json.loads(args.fixture.read_text(encoding="utf-8")))
    text = json.dumps(current, indent=1, sort_keys=False) + "\n"
    if args.write:
        args.golden.write_text(text, encoding="utf-8")
        print(f"wrote {args.golden}")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

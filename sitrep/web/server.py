"""``sitrep serve``: a read-only JSON API over the store and the situation page, from the standard library.

The standard library's ``ThreadingHTTPServer`` is enough here: the API is a dozen GET routes over
SQLite, served to one analyst's browser on the loopback interface, so a framework would add a
dependency without adding safety or speed. Each worker thread opens its own read-only SQLite
connection (``mode=ro``): the server cannot change the store.

Routes (all GET; anything else is 405): ``/`` the page, ``/static/...`` its files (a fixed list made at
start: no path is ever joined from the request), and the API under ``/api/`` (see :data:`ROUTES`).
Every query parameter is validated (:mod:`sitrep.web.params`): unknown names, bad dates, bad numbers
get 400 with ``{"error": ...}``; a missing incident or article is 404.
"""

from __future__ import annotations

import itertools
import logging
import mimetypes
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import orjson

from sitrep.export import iter_export
from sitrep.store import queries
from sitrep.store.db import Store
from sitrep.store.queries import QueryError
from sitrep.web import params as P
from sitrep.web.params import ParamError

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
_ID = re.compile(r"[A-Za-z0-9_.:\-]{1,128}")


class NotFound(Exception):
    """The thing asked for does not exist (404)."""


@dataclass(frozen=True)
class ServerConfig:
    db_path: str
    tile_url: str | None = None  # an XYZ tile server, e.g. http://localhost:8080/{z}/{x}/{y}.png
    tile_attribution: str = ""


def _jsonable(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


# --------------------------------------------------------------------------- handlers (no SQL here)

@dataclass(frozen=True)
class Ctx:
    """What a handler may use: the thread's read-only connection, the settings, the incident index."""

    conn: sqlite3.Connection
    cfg: ServerConfig
    holder: queries.IndexHolder

    def index(self) -> queries.IncidentIndex:
        return self.holder.current()


Handler = Callable[[Ctx, dict[str, list[str]], str | None], Any]
FILTERS = P.INCIDENT_FILTERS


def h_meta(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    return {"facets": queries.facets(ctx.conn).to_dict(), "tile_url": ctx.cfg.tile_url,
            "tile_attribution": ctx.cfg.tile_attribution, "max_page": queries.MAX_PAGE,
            "sort_keys": list(queries.SORT_KEYS), "filters": list(FILTERS),
            "exports": ["acled-csv", "geojson", "jsonl"]}


def h_incidents(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    q = P.incident_query(p)
    return queries.list_incidents(ctx.conn, q, offset=P.integer(p, "offset", 0, 0, 10**9),
                                  limit=P.integer(p, "limit", 50, 1, queries.MAX_PAGE),
                                  sort=P.choice(p, "sort", queries.SORT_KEYS, "date"), index=ctx.index())


def h_points(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    return queries.map_points(ctx.conn, P.incident_query(p), limit=P.integer(p, "limit", 5000, 1, 50_000),
                              index=ctx.index())


def h_histogram(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    return queries.histogram(ctx.conn, P.incident_query(p), index=ctx.index())


def h_incident(ctx: Ctx, p: dict[str, list[str]], ident: str | None) -> Any:
    detail = queries.get_incident(ctx.conn, ident or "")
    if detail is None:
        raise NotFound(f"no incident {ident!r}")
    return detail


def h_control(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    on = P.date(p, "date")
    if on is None:
        raise ParamError("date is required (YYYY-MM-DD)")
    return {"date": on.isoformat(), "holdings": _jsonable(queries.control_at(ctx.conn, on))}


def h_changes(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    return queries.control_changes(ctx.conn)


def h_casualties(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    period = P.choice(p, "period", ("month", "week", "day"), "month")
    return ctx.holder.memo(("ledger", period), lambda: queries.casualty_ledger(ctx.conn, period))


def h_articles(ctx: Ctx, p: dict[str, list[str]], _id: str | None) -> Any:
    return queries.list_articles(ctx.conn, text=P.text(p, "q"), offset=P.integer(p, "offset", 0, 0, 10**9),
                                 limit=P.integer(p, "limit", 50, 1, queries.MAX_PAGE))


def h_article(ctx: Ctx, p: dict[str, list[str]], ident: str | None) -> Any:
    detail = queries.get_article(ctx.conn, ident or "")
    if detail is None:
        raise NotFound(f"no article {ident!r}")
    return detail


@dataclass(frozen=True)
class Route:
    handler: Handler
    params: tuple[str, ...] = ()
    repeatable: tuple[str, ...] = ()


ROUTES: dict[str, Route] = {
    "/api/meta": Route(h_meta),
    "/api/incidents": Route(h_incidents, (*FILTERS, "offset", "limit", "sort"), ("type",)),
    "/api/incidents/points": Route(h_points, (*FILTERS, "limit"), ("type",)),
    "/api/incidents/histogram": Route(h_histogram, FILTERS, ("type",)),
    "/api/incidents/{id}": Route(h_incident),
    "/api/control": Route(h_control, ("date",)),
    "/api/control/changes": Route(h_changes),
    "/api/casualties": Route(h_casualties, ("period",)),
    "/api/articles": Route(h_articles, ("q", "offset", "limit")),
    "/api/articles/{id}": Route(h_article),
}
EXPORTS = {"/api/export.csv": ("acled-csv", "text/csv; charset=utf-8", "sitrep-incidents.csv"),
           "/api/export.geojson": ("geojson", "application/geo+json", "sitrep-incidents.geojson"),
           "/api/export.jsonl": ("jsonl", "application/x-ndjson", "sitrep-incidents.jsonl")}


def resolve(path: str) -> tuple[Route, str | None] | None:
    """The route of a request path and the id it names, if any."""
    if path in ROUTES:
        return ROUTES[path], None
    for prefix in ("/api/incidents/", "/api/articles/"):
        if path.startswith(prefix):
            ident = unquote(path[len(prefix):])
            if not _ID.fullmatch(ident):
                raise NotFound(f"{ident!r} is not an id")
            return ROUTES[prefix + "{id}"], ident
    return None


# --------------------------------------------------------------------------- static files


def _static_files() -> dict[str, tuple[Path, str]]:
    """URL path -> (file, content type) for every file shipped under sitrep/web/static."""
    root = Path(str(resources.files("sitrep.web") / "static"))
    out: dict[str, tuple[Path, str]] = {}
    for f in root.rglob("*"):
        if f.is_file():
            rel = f.relative_to(root).as_posix()
            kind = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
            if f.suffix in (".js", ".mjs"):
                kind = "text/javascript"
            if kind.startswith("text/") or kind.endswith("json"):
                kind += "; charset=utf-8"
            out["/static/" + rel] = (f, kind)
    out["/"] = (root / "index.html", "text/html; charset=utf-8")
    return out


# Content-Security-Policy: scripts only from this server (no inline script, no eval); images may be
# tiles from the configured tile server; the page never loads anything else from outside.
def _csp(cfg: ServerConfig) -> str:
    img = "'self' data:"
    if cfg.tile_url:
        split = urlsplit(cfg.tile_url.replace("{s}", "sub"))
        if split.scheme in ("http", "https") and split.netloc:
            img += f" {split.scheme}://{split.netloc.replace('sub.', '*.', 1)}"
    return (f"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {img}; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


# --------------------------------------------------------------------------- server


_LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


class SitrepServer(ThreadingHTTPServer):
    """One thread per client connection; each opens its own read-only SQLite connection and closes it
    when the client goes."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], cfg: ServerConfig) -> None:
        self.cfg = cfg
        self.static = _static_files()
        self.csp = _csp(cfg)
        self.holder = queries.IndexHolder(cfg.db_path)
        # Bound to loopback: only answer requests addressed to a loopback name, so that a web page
        # elsewhere cannot read the API through DNS rebinding.
        self.loopback_only = address[0] in _LOOPBACK_NAMES or address[0].startswith("127.")
        super().__init__(address, RequestHandler)

    def server_close(self) -> None:
        super().server_close()
        self.holder.close()


class RequestHandler(BaseHTTPRequestHandler):
    server: SitrepServer
    server_version = "sitrep"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall

    _conn: sqlite3.Connection | None = None

    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = queries.connect_readonly(self.server.cfg.db_path)
        return self._conn

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _host_allowed(self) -> bool:
        if not self.server.loopback_only:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        if host.startswith("["):
            name = host[: host.find("]") + 1]
        else:
            name = host.rsplit(":", 1)[0] if ":" in host else host
        return name in _LOOPBACK_NAMES or name.startswith("127.")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        log.info("%s " + format, self.address_string(), *args)

    # only GET and HEAD: the API is read-only
    def do_POST(self) -> None:  # noqa: N802
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "the API is read-only: only GET is allowed")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST  # noqa: N815

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        try:
            if not self._host_allowed():
                self._error(HTTPStatus.FORBIDDEN, "this server answers requests for 127.0.0.1 or localhost only")
                return
            split = urlsplit(self.path)
            path = split.path
            if path in self.server.static:
                if split.query:
                    raise ParamError("static files take no parameters")
                self._file(*self.server.static[path])
                return
            if path in EXPORTS:
                self._export(path, split.query)
                return
            found = resolve(path)
            if found is None:
                raise NotFound(f"no such path {path!r}")
            route, ident = found
            p = P.parse_query(split.query, route.params, repeatable=route.repeatable)
            ctx = Ctx(self.conn(), self.server.cfg, self.server.holder)
            self._json(HTTPStatus.OK, _jsonable(route.handler(ctx, p, ident)))
        except (ParamError, QueryError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except NotFound as exc:
            self._error(HTTPStatus.NOT_FOUND, str(exc))
        except BrokenPipeError:  # the client went away
            pass
        except Exception:  # a bug: logged with its traceback, and the client told so
            log.exception("error serving %s", self.path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (see the server log)")

    # ---------------------------------------------------------------- responses
    def _headers(self, status: int, kind: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", self.server.csp)
        self.send_header("Cache-Control", "no-store")

    def _json(self, status: int, value: Any) -> None:
        body = orjson.dumps(value)
        self._headers(status, "application/json; charset=utf-8", len(body))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        try:
            self._json(status, {"error": message, "status": int(status)})
        except OSError:
            pass

    def _file(self, path: Path, kind: str) -> None:
        body = path.read_bytes()
        self._headers(HTTPStatus.OK, kind, len(body))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _export(self, path: str, query: str) -> None:
        fmt, kind, filename = EXPORTS[path]
        p = P.parse_query(query, FILTERS, repeatable=("type",))
        q = P.incident_query(p)
        chunks: Iterator[str] = iter_export(self.conn(), fmt, q)
        first = next(chunks, "")  # runs the query before the status line is sent
        self._headers(HTTPStatus.OK, kind)
        self.send_header("Content-Disposition", f'attachment; filename="{filename}"')
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if self.command == "HEAD":
            self.wfile.write(b"0\r\n\r\n")
            return
        for chunk in itertools.chain([first], chunks):
            data = chunk.encode("utf-8")
            if data:
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")


def make_server(cfg: ServerConfig, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> SitrepServer:
    """A server for the store at ``cfg.db_path`` (checked and migrated first), not yet serving."""
    Store(cfg.db_path, create=False).close()  # raises StoreError for a missing or foreign file
    server = SitrepServer((host, port), cfg)
    server.holder.current()  # build the incident index now, not on the first request
    return server


def serve(cfg: ServerConfig, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted; ``ready`` gets the page's URL once the socket listens."""
    server = make_server(cfg, host, port)
    shown = f"[{host}]" if ":" in host else host
    if ready:
        ready(f"http://{shown}:{server.server_address[1]}/")
    try:
        server.serve_forever(poll_interval=0.25)
    finally:
        server.server_close()

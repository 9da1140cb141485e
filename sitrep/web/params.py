"""Query-string validation for the JSON API: every parameter is checked, unknown ones are refused.

A bad value raises :class:`ParamError`, which the server answers with 400 and a JSON message naming
the parameter; nothing here touches the store.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import parse_qs

from sitrep.store.queries import IncidentQuery, QueryError

MAX_TEXT = 200
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_INT = re.compile(r"\d{1,9}", re.ASCII)
_FLOAT = re.compile(r"[-+]?(?:\d{1,3}(?:\.\d{0,12})?|\.\d{1,12})", re.ASCII)

INCIDENT_FILTERS = ("from", "to", "type", "actor", "place", "q", "bbox", "background")


class ParamError(ValueError):
    """A query parameter is unknown, repeated or has a bad value."""


Params = Mapping[str, Sequence[str]]


def parse_query(query: str, allowed: Iterable[str], *, repeatable: Iterable[str] = ()) -> dict[str, list[str]]:
    """The query string as {name: [values]}, refusing unknown names and repeats of single-valued ones."""
    allowed, repeatable = set(allowed), set(repeatable)
    try:
        values = parse_qs(query, keep_blank_values=True, strict_parsing=False, errors="strict", max_num_fields=64)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParamError(f"malformed query string: {exc}") from exc
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise ParamError(f"unknown parameter(s): {', '.join(unknown)}; known: {', '.join(sorted(allowed)) or 'none'}")
    for name, vals in values.items():
        if len(vals) > 1 and name not in repeatable:
            raise ParamError(f"parameter {name!r} given {len(vals)} times; give it once")
    return values


def one(params: Params, name: str) -> str | None:
    vals = params.get(name)
    if not vals or vals[0] == "":
        return None
    return vals[0]


def text(params: Params, name: str) -> str | None:
    value = one(params, name)
    if value is None:
        return None
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise ParamError(f"{name} is longer than {MAX_TEXT} characters")
    if any(ord(c) < 32 for c in value):
        raise ParamError(f"{name} contains control characters")
    return value or None


def date(params: Params, name: str) -> dt.date | None:
    value = one(params, name)
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise ParamError(f"{name}={value!r} is not a date (expected YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ParamError(f"{name}={value!r} is not a valid date: {exc}") from exc


def integer(params: Params, name: str, default: int, lo: int, hi: int) -> int:
    value = one(params, name)
    if value is None:
        return default
    if not _INT.fullmatch(value):
        raise ParamError(f"{name}={value!r} is not a whole number")
    n = int(value)
    if not lo <= n <= hi:
        raise ParamError(f"{name}={n} is outside {lo}..{hi}")
    return n


def choice(params: Params, name: str, options: Sequence[str], default: str) -> str:
    value = one(params, name)
    if value is None:
        return default
    if value not in options:
        raise ParamError(f"{name}={value!r} is not one of {', '.join(options)}")
    return value


def flag(params: Params, name: str, default: bool) -> bool:
    value = one(params, name)
    if value is None:
        return default
    if value not in ("0", "1", "true", "false"):
        raise ParamError(f"{name}={value!r} is not a flag (expected 1, 0, true or false)")
    return value in ("1", "true")


def bbox(params: Params, name: str = "bbox") -> tuple[float, float, float, float] | None:
    value = one(params, name)
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4 or not all(_FLOAT.fullmatch(p.strip()) for p in parts):
        raise ParamError(f"{name}={value!r} is not west,south,east,north in decimal degrees")
    west, south, east, north = (float(p) for p in parts)
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ParamError(f"{name}={value!r} has a non-finite number")
    return west, south, east, north


def incident_query(params: Params) -> IncidentQuery:
    """The incident filters shared by the list, the map points, the histogram and the downloads."""
    types = tuple(t.strip() for t in params.get("type", []) if t.strip())
    for t in types:
        if len(t) > MAX_TEXT or any(ord(c) < 32 for c in t):
            raise ParamError("type is too long or contains control characters")
    try:
        return IncidentQuery(
            date_from=date(params, "from"), date_to=date(params, "to"), event_types=types,
            actor=text(params, "actor"), place=text(params, "place"), text=text(params, "q"), bbox=bbox(params),
            include_background=flag(params, "background", True),
        )
    except QueryError as exc:
        raise ParamError(str(exc)) from exc

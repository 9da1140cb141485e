"""Typed records passed between sitrep's stages (see docs/design.md).

Field names follow ACLED where ACLED has one. Records are plain dataclasses so
that every stage declares exactly what it reads and writes; ``to_dict`` gives a
JSON-ready view for exports and the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

PublishedPrecision = Literal["exact", "day", "inferred", "unknown"]
PublishedSource = Literal["metadata", "text", "filename", "inferred", "none"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PlaceFeature = Literal["country", "admin1", "admin2", "city", "neighbourhood", "landmark", "region", "water"]
VictimCategory = Literal["civilians", "fighters", "children", "women", "unknown"]
QuantityStatus = Literal["killed", "injured", "captured", "surrendered", "displaced", "present"]
Grade = Literal["single source", "corroborated", "contested"]


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


class Record:
    """Mixin: JSON-ready dict view of a dataclass record."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


# --------------------------------------------------------------------------- ingest


@dataclass
class RawDocument(Record):
    """One document as read from an input, before cleaning."""

    raw_path: str
    external_id: str
    text: str
    is_html: bool = False
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # the input's own date string, if any
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article(Record):
    article_id: str
    external_id: str
    raw_path: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # metadata|url|signature
    published_at: dt.date | dt.datetime | None = None
    published_precision: PublishedPrecision = "unknown"
    published_source: PublishedSource = "none"
    published_interval: tuple[dt.date, dt.date] | None = None  # for inferred dates
    published_evidence: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    removed_lines: int = 0  # boilerplate lines the cleaner dropped


@dataclass
class Sentence(Record):
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class Rejection(Record):
    """An input that was not taken, with a stable code and a human reason."""

    code: str
    reason: str
    raw_path: str
    external_id: str | None = None
    detail: str | None = None


# --------------------------------------------------------------------------- mentions


@dataclass
class TimeMention(Record):
    start: int  # character offsets in the text that was tagged
    end: int
    surface: str
    type: TimexType
    value: str  # TIMEX3 value: 2017-06-12, 2017-06, 2017-W23, P2D, PRESENT_REF, XXXX-XX-XX
    begin: dt.date | None = None  # interval denoted, inclusive
    end_date: dt.date | None = None
    anchor: dt.date | None = None  # what it was resolved against
    kind: str = "time"


@dataclass
class PlaceMention(Record):
    start: int
    end: int
    surface: str
    place_id: str | None  # GeoNames id where one exists, else "sitrep:..."; None = unresolved
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country|admin1|city|neighbourhood|landmark|...
    admin1: str | None = None
    country: str | None = None  # ISO2
    parent_id: str | None = None  # city for a neighbourhood
    score: float = 0.0
    kind: str = "place"
    feature_class: str | None = None  # country|admin1|city|small|other (small: village, town < 15,000, neighbourhood)
    metonymic: bool = False  # a capital or country standing for its government ("Ankara said"): not an event place


@dataclass
class ActorMention(Record):
    start: int
    end: int
    surface: str
    actor_id: str | None  # None = unknown group kept by surface form
    name: str
    inter: int | None = None  # ACLED inter code 1-8
    parent: str | None = None
    kind: str = "actor"
    score: float = 1.0  # 1 = dictionary name; lower for descriptor rules and unknown groups


@dataclass
class QuantityMention(Record):
    start: int
    end: int
    surface: str
    value: int | None = None
    min: int | None = None
    max: int | None = None
    category: VictimCategory = "unknown"
    status: QuantityStatus = "killed"
    qualifier: str | None = None  # "at least", "up to", "total since", ...
    earlier_value: int | None = None  # "up from an earlier toll of 13"
    cumulative: bool = False
    breakdown: dict[str, int] = field(default_factory=dict)
    kind: str = "quantity"


@dataclass
class SourceMention(Record):
    start: int
    end: int
    surface: str
    name: str  # canonical source where known, else the surface form
    source_id: str | None = None
    kind: str = "source"


# --------------------------------------------------------------------------- events


EventStatus = Literal["asserted", "hedged", "hypothetical", "generic", "negated"]
EVENT_STATUSES: tuple[EventStatus, ...] = ("asserted", "hedged", "hypothetical", "generic", "negated")


@dataclass
class Report(Record):
    """One event claim in one sentence of one article."""

    report_id: str
    article_id: str
    sentence_index: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    assoc_actors: list[str] = field(default_factory=list)
    place_id: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    geo_precision: int | None = None  # ACLED 1-3
    date_begin: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int | None = None  # ACLED 1-3
    fatalities: list[QuantityMention] = field(default_factory=list)
    attributed_to: str | None = None
    hedged: bool = False
    background: bool = False
    text: str = ""
    stage_version: str = ""
    repeats: list[dict[str, Any]] = field(default_factory=list)  # other sentences of the article stating this claim
    # How the sentence states the event (the mention classifier's call): only "asserted" and "hedged"
    # reports feed control and the casualty ledger.
    status: EventStatus = "asserted"
    place_inferred: bool = False  # the sentence names no place: the place is the article's scope, not the event's
    place_surface: str | None = None  # the place as the sentence names it (kept even when it did not resolve)
    confidence: float | None = None  # the mention classifier's probability that this is a specific, actual event


@dataclass
class Conflict(Record):
    field: str
    values: list[dict[str, Any]]  # [{"value": 13, "reports": [...]}, ...]


@dataclass
class Incident(Record):
    incident_id: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    place_id: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    date_begin: dt.date | None
    date_end: dt.date | None
    time_precision: int | None
    reports: list[str] = field(default_factory=list)
    n_sources: int = 1
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    fatalities_conservative: int | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    grade: Grade = "single source"
    notes: str = ""
    stage_version: str = ""
    background: bool = False  # history mentioned as context, kept apart from current incidents
    cumulative: bool = False  # a running tally ("a total of 58 since June 6"), kept out of totals


@dataclass
class ControlChange(Record):
    place_id: str
    place_name: str | None
    date: dt.date | None
    from_actor: str | None
    to_actor: str | None
    claimed_by: str | None
    incident_id: str | None
    report_id: str | None = None
    n_reports: int = 1  # asserted reports stating the change (its evidence)
    n_articles: int = 1  # distinct articles among them
    n_sources: int = 1  # independent sources (outlets, else articles) among them
    background: bool = False  # history mentioned as context: sets control before the reporting, never overrides it

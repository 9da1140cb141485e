"""One article through the per-article stages: sentences, mentions, reports.

``analyse_article`` is pure (no database): it splits sentences, tags times
against the publication date (or the end of the inferred publication
interval), geoparses places, finds actors and sources sentence by sentence
(offsets shifted to article offsets) and extracts the event reports. The
incident stage (``process``) calls it for every new article.

A stage that raises propagates: ``process`` records the article as a
rejection (E013) and goes on with the batch.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.actors import corefer_kinds, find_actors, find_sources, is_hedged
from sitrep.events.extract import DATA_FILES as EXTRACT_DATA_FILES
from sitrep.events.extract import extract_reports
from sitrep.events.extract_context import focus_country
from sitrep.events.mentions import ModelUnavailable, load_model
from sitrep.events.parse import ParserUnavailable
from sitrep.events.repeats import collapse_repeats
from sitrep.places import geo_precision, geoparse
from sitrep.records import (
    ActorMention,
    Article,
    PlaceMention,
    Report,
    Sentence,
    SourceMention,
    TimeMention,
)
from sitrep.text import split_sentences
from sitrep.time import infer_published, tag

# v2: the mention model replaces the typing veto; v3: actual events only; v4: generic actor mentions of a kind
# ("the coalition") take the one the article names; v5: a place named like an armed group ("al-Shabab") does not
# set the country whose "government forces" the article's are
STAGE_VERSION = "sitrep.events.analyse.v5"
ACTUAL_STATUSES = frozenset({"asserted", "hedged"})  # the statuses that make a report
DATA_FILES: tuple[Path, ...] = EXTRACT_DATA_FILES
MAX_ANCHOR_SPAN_DAYS = 31  # an inferred publication interval wider than this is not used as the anchor


@dataclass
class ArticleAnalysis:
    article: Article
    anchor: dt.date | None
    sentences: list[Sentence]
    times: list[TimeMention]
    places: list[PlaceMention]
    actors: list[ActorMention]
    sources: list[SourceMention]
    reports: list[Report]
    stages: dict[str, str] = field(default_factory=dict)  # stage -> "module" (typing: "missing"/"unavailable: ...")
    seconds: dict[str, float] = field(default_factory=dict)


def article_anchor(article: Article, infer: Callable[[str], Any] | None = None) -> dt.date | None:
    """The date relative expressions resolve against.

    The publication date; else the end of the inferred publication interval when it is narrow
    (at most ``MAX_ANCHOR_SPAN_DAYS``); else None (relative dates stay unresolved).
    """
    pub = article.published_at
    if isinstance(pub, dt.datetime):
        return pub.date()
    if isinstance(pub, dt.date):
        return pub
    interval = article.published_interval
    if interval is None and infer is not None and article.published_precision != "inferred":
        found = infer(article.text)
        begin, end = getattr(found, "begin", None), getattr(found, "end", None)
        if isinstance(begin, dt.date) and isinstance(end, dt.date):
            interval = (begin, end)
    if interval and (interval[1] - interval[0]).days <= MAX_ANCHOR_SPAN_DAYS:
        return interval[1]
    return None  # a wide inferred interval would give confident but wrong dates: leave them open


def _shift(mentions: list[Any], offset: int) -> list[Any]:
    for m in mentions:
        m.start += offset
        m.end += offset
    return mentions


def analyse_article(article: Article, *, gazetteer: Any = None) -> ArticleAnalysis:
    """Sentences, mentions and event reports of one article."""
    t0 = time.perf_counter()
    sentences = split_sentences(article.article_id, article.text)
    anchor = article_anchor(article, infer_published)
    t1 = time.perf_counter()
    which = {"time": "module", "places": "module", "actors": "module", "mentions": "module"}
    times = tag(article.text, anchor)
    t2 = time.perf_counter()
    places = geoparse(article.text, gazetteer) if gazetteer is not None else geoparse(article.text)
    t3 = time.perf_counter()
    actors: list[ActorMention] = []
    sources: list[SourceMention] = []
    country = focus_country(places)  # "government forces" in a Syria story are Syrian government forces
    for s in sentences:
        actors.extend(_shift(find_actors(s.text, country=country), s.start))
        sources.extend(_shift(find_sources(s.text), s.start))
    # "the coalition", "coalition jets", "the militia": the one of that kind the article names
    actors = corefer_kinds(actors, article.text, country=country)
    t4 = time.perf_counter()
    try:
        reports = extract_reports(article, sentences, times, places, actors, sources,
                                  hedged=is_hedged, geo_precision=geo_precision, decide=load_model().decide)
    except (ModelUnavailable, ParserUnavailable) as exc:
        # Not a silent "no events": the runner records the stage as degraded (W001), does not mark the article
        # processed (it is analysed again once the model is back) and, with --on-error raise, stops.
        which["mentions"] = f"unavailable: {exc}"
        reports = []
    # Plans, threats, hypotheticals, generic statements and negations are not event claims (the mention
    # classifier's status): they do not become reports, so no table, export or count can take them for events.
    reports = collapse_repeats([r for r in reports if r.status in ACTUAL_STATUSES])
    t5 = time.perf_counter()
    seconds = {"sentences": t1 - t0, "time": t2 - t1, "places": t3 - t2, "actors": t4 - t3, "reports": t5 - t4}
    return ArticleAnalysis(article, anchor, sentences, times, places, actors, sources, reports, which, seconds)

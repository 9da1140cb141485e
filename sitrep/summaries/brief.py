"""Situation brief: a few short paragraphs on a period, optionally one place or actor, every sentence cited.

Built only from the store's event records, never from free generation:

* **What changed**: control changes in the period (templated from the record: who took which
  place from whom, on what day, on whose claim) and the best-sourced other incidents, each given
  as the report sentence itself;
* **Who controls what**: per place, the last reported change on or before the end of the period;
* **Casualties**: per incident with a death toll, the figure each source gave, and where sources
  disagree, every figure with its sources.

Every sentence carries the report sentences it rests on as :class:`~sitrep.summaries.cite.Citation`
data. A number appears in a templated sentence only when it is written in digits in a cited
sentence; otherwise the cited sentence is quoted instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.records import ControlChange, Incident, Record, Report
from sitrep.summaries.cite import Citation, Footnotes

if TYPE_CHECKING:
    from sitrep.store import Store

STAGE_VERSION = "sitrep.brief.v1"


class BriefError(ValueError):
    """Bad arguments to a brief (dates out of order, an empty store)."""


@dataclass
class BriefSentence(Record):
    text: str
    citations: list[Citation]
    kind: str  # change | event | control | casualties | dispute


@dataclass
class BriefParagraph(Record):
    heading: str
    sentences: list[BriefSentence] = field(default_factory=list)


@dataclass
class Brief(Record):
    paragraphs: list[BriefParagraph]
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    place: str | None = None
    actor: str | None = None
    stage_version: str = STAGE_VERSION

    def sentences(self) -> list[BriefSentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass(frozen=True)
class _ArticleRef:
    external_id: str
    outlet: str | None
    published: str | None


@dataclass
class _Data:
    reports: dict[str, Report]
    incidents: list[Incident]
    changes: list[ControlChange]
    articles: dict[str, _ArticleRef]


def _load(store: Store) -> _Data:
    from sitrep.events.rows import load_control_changes, load_incidents, load_reports

    try:
        reports = {r.report_id: r for r in load_reports(store.conn)}
        incidents = load_incidents(store.conn)
        changes = load_control_changes(store.conn)
    except Exception as exc:
        if "no such table" in str(exc):
            raise BriefError(f"{store.path} has no event tables (run 'sitrep process' first)") from exc
        raise
    articles = {}
    for row in store.conn.execute("SELECT article_id, external_id, outlet, published_at FROM articles"):
        pub = row["published_at"]
        articles[row["article_id"]] = _ArticleRef(row["external_id"], row["outlet"], pub[:10] if pub else None)
    return _Data(reports, incidents, changes, articles)


def _cite(data: _Data, report_ids: Iterable[str | None]) -> list[Citation]:
    out: list[Citation] = []
    seen: set[tuple[str, int]] = set()
    for rid in report_ids:
        r = data.reports.get(rid or "")
        if r is None or (r.article_id, r.sentence_index) in seen:
            continue
        seen.add((r.article_id, r.sentence_index))
        a = data.articles.get(r.article_id, _ArticleRef(r.article_id, None, None))
        out.append(Citation(r.article_id, a.external_id, r.sentence_index, a.outlet, a.published, r.text.strip()))
        for rep in r.repeats:  # other sentences of the article stating the same claim
            idx = rep.get("sentence_index")
            if isinstance(idx, int) and (r.article_id, idx) not in seen:
                seen.add((r.article_id, idx))
                out.append(Citation(r.article_id, a.external_id, idx, a.outlet, a.published,
                                    str(rep.get("text", "")).strip()))
    return out


def _matches(value: str | None, wanted: str | None) -> bool:
    return wanted is None or wanted.casefold() in (value or "").casefold()


def _incident_actor(inc: Incident, actor: str | None) -> bool:
    return actor is None or any(_matches(a, actor) for a in (inc.actor1, inc.actor2))


def _when(begin: dt.date | None, end: dt.date | None) -> str:
    if begin is None:
        return "on an unstated date"
    if end is None or end == begin:
        return f"on {begin.isoformat()}"
    return f"between {begin.isoformat()} and {end.isoformat()}"


def _in_period(day: dt.date | None, date_from: dt.date | None, date_to: dt.date | None) -> bool:
    if day is None:
        return date_from is None and date_to is None
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def _number_in(value: int, citations: list[Citation]) -> bool:
    rx = re.compile(rf"(?<![\d.,]){value:,}(?![\d])|(?<![\d.,]){value}(?![\d])")
    return any(rx.search(c.sentence) for c in citations)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", '"', "”")) else text + "."


def _source_names(data: _Data, report_ids: Iterable[str]) -> list[str]:
    names: list[str] = []
    for rid in report_ids:
        r = data.reports.get(rid)
        if r is None:
            continue
        named = [n.strip() for n in (r.attributed_to or "").split(";") if n.strip()]
        a = data.articles.get(r.article_id)
        for n in named or ([a.outlet] if a and a.outlet else []):
            if n not in names:
                names.append(n)
    return names


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _changes(data: _Data, date_from: dt.date | None, date_to: dt.date | None, place: str | None,
             actor: str | None) -> list[BriefSentence]:
    out = []
    for ch in data.changes:
        if not _in_period(ch.date, date_from, date_to) or not _matches(ch.place_name, place):
            continue
        if actor is not None and not (_matches(ch.to_actor, actor) or _matches(ch.from_actor, actor)):
            continue
        inc = next((i for i in data.incidents if i.incident_id == ch.incident_id), None)
        cites = _cite(data, [ch.report_id, *(inc.reports if inc else [])])
        if not cites:
            continue
        who = ch.to_actor or "An unnamed force"
        text = f"{who} took {ch.place_name or ch.place_id}"
        if ch.from_actor:
            text += f" from {ch.from_actor}"
        text += f" {_when(ch.date, ch.date)}"
        if ch.claimed_by:
            text += f", according to {ch.claimed_by}"
        out.append(BriefSentence(text + ".", cites, "change"))
    return out


def _events(data: _Data, chosen: list[Incident], exclude: set[str], limit: int) -> list[BriefSentence]:
    ranked = sorted((i for i in chosen if i.incident_id not in exclude and i.reports),
                    key=lambda i: (-i.n_sources, -(i.fatalities_conservative or 0), i.date_begin or dt.date.min))
    out = []
    for inc in ranked[:limit]:
        cites = _cite(data, inc.reports)
        if not cites:
            continue
        lead = cites[0].sentence
        out.append(BriefSentence(f"{_upper_first(_when(inc.date_begin, inc.date_end))}: {_quote(lead)}",
                                 cites, "event"))
    return out


def _control(data: _Data, as_of: dt.date | None, place: str | None, actor: str | None) -> list[BriefSentence]:
    from sitrep.events.control import control_at

    dated = [c for c in data.changes if c.date is not None]
    if not dated:
        return []
    day = as_of or max(c.date for c in dated if c.date is not None)
    out = []
    for ch in sorted(control_at(dated, day).values(), key=lambda c: (c.place_name or c.place_id)):
        if not _matches(ch.place_name, place) or (actor is not None and not _matches(ch.to_actor, actor)):
            continue
        if not ch.to_actor:
            continue
        cites = _cite(data, [ch.report_id])
        if not cites:
            continue
        out.append(BriefSentence(f"As of {day.isoformat()}, the last report on {ch.place_name or ch.place_id} "
                                 f"has it held by {ch.to_actor} (since {ch.date.isoformat() if ch.date else 'an unstated date'}).",
                                 cites, "control"))
    return out


def _casualties(data: _Data, chosen: list[Incident]) -> list[BriefSentence]:
    from sitrep.events.merge import report_deaths

    out = []
    for inc in sorted(chosen, key=lambda i: (i.date_begin or dt.date.min, i.incident_id)):
        if inc.fatalities_conservative is None:
            continue
        where = f" in {inc.place_name}" if inc.place_name else ""
        what = f"{inc.sub_event_type.lower()}{where} {_when(inc.date_begin, inc.date_end)}"
        disputed = next((c for c in inc.conflicts if c.field == "fatalities"), None)
        if disputed is not None and len(disputed.values) > 1:
            parts: list[str] = []
            cites_all: list[Citation] = []
            for v in disputed.values:
                rids = [str(x) for x in v.get("reports", [])]
                cites = _cite(data, rids)
                value = v.get("value")
                if not cites or not isinstance(value, int) or not _number_in(value, cites):
                    parts = []
                    break
                names = _source_names(data, rids)
                label = ", ".join(x for x in ("an earlier toll" if v.get("earlier_toll") else "", _join(names)) if x)
                parts.append(f"{value} ({label})" if label else str(value))
                cites_all += [c for c in cites if c not in cites_all]
            if parts:
                out.append(BriefSentence(f"Sources disagree on the death toll of the {what}: {'; '.join(parts)}.",
                                         cites_all, "dispute"))
                continue
        value = inc.fatalities_conservative
        rids = [rid for rid in inc.reports if (d := report_deaths(data.reports[rid]) if rid in data.reports else None)
                and d[0] <= value <= d[1]]
        cites = _cite(data, rids or inc.reports)
        if not cites:
            continue
        if _number_in(value, cites):  # a toll not written in digits in a cited sentence is left out
            names = _source_names(data, rids or inc.reports)
            by = f", according to {_join(names)}" if names else ""
            out.append(BriefSentence(f"{_upper_first(what)}: {value} reported killed{by}.", cites,
                                     "casualties"))
    return out


def build_brief(store: Store, date_from: dt.date | None = None, date_to: dt.date | None = None, *,
                place: str | None = None, actor: str | None = None, max_events: int = 5) -> Brief:
    """The brief for [date_from, date_to] (inclusive), optionally restricted to a place or an actor."""
    if date_from and date_to and date_from > date_to:
        raise BriefError(f"--from {date_from} is after --to {date_to}")
    from sitrep.events.rows import select_incidents

    data = _load(store)
    chosen = [i for i in select_incidents(data.incidents, since=date_from, until=date_to, place=place)
              if not i.background and not i.cumulative and _incident_actor(i, actor)]
    changes = _changes(data, date_from, date_to, place, actor)
    control_incidents = {c.incident_id for c in data.changes if c.incident_id}
    events = _events(data, chosen, control_incidents, max_events)
    paragraphs = [
        BriefParagraph("What changed", changes + events),
        BriefParagraph("Who controls what", _control(data, date_to, place, actor)),
        BriefParagraph("Casualties", _casualties(data, chosen)),
    ]
    return Brief([p for p in paragraphs if p.sentences], date_from, date_to, place, actor)


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown with footnote-style citations."""
    notes = Footnotes()
    scope = " ".join(x for x in (brief.place, brief.actor) if x)
    period = f"{brief.date_from or '…'} to {brief.date_to or '…'}"
    lines = [f"# Situation brief{': ' + scope if scope else ''} ({period})", ""]
    if not brief.paragraphs:
        lines.append("No incidents or control changes are recorded for this selection.")
    for p in brief.paragraphs:
        lines += [f"## {p.heading}", "", " ".join(f"{s.text}{notes.refs(s.citations)}" for s in p.sentences), ""]
    foot = notes.lines()
    return "\n".join(lines + foot) + "\n"


def brief_jsonl(brief: Brief) -> list[dict[str, Any]]:
    """One JSON object per sentence: paragraph heading, text, kind and citations."""
    return [{"paragraph": p.heading, **s.to_dict()} for p in brief.paragraphs for s in p.sentences]

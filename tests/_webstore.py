"""Hand-built stores for the web and export tests: records written through the store's own writers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.events.rows import insert_reports, replace_control_changes, save_incidents
from sitrep.records import Article, Conflict, ControlChange, Incident, QuantityMention, Report
from sitrep.store import Store

S1 = "Syrian Democratic Forces clashed with Islamic State fighters in the Mashlab district of Raqqa on Tuesday."
S2 = "At least 12 civilians were killed in an air strike on a market in Manbij, the Observatory said."
S3 = "Activists said 20 people died in the strike on the Manbij market."
TEXT_A = f"{S1} Residents fled east. {S2}"
TEXT_B = f"Local media reported the attack. {S3}"


def article(article_id: str, external_id: str, text: str, *, title: str, outlet: str, url: str | None,
            published: dt.date) -> Article:
    return Article(article_id=article_id, external_id=external_id, raw_path=f"{external_id}.txt", text=text,
                   title=title, url=url, outlet=outlet, published_at=published, published_precision="day",
                   published_source="metadata")


def killed(value: int, surface: str, start: int, category: str = "civilians") -> QuantityMention:
    return QuantityMention(start=start, end=start + len(surface), surface=surface, value=value,
                           category=category, status="killed")  # type: ignore[arg-type]


def report(report_id: str, article_id: str, index: int, text: str, **kw: object) -> Report:
    base: dict[str, object] = dict(event_type="Battles", sub_event_type="Armed clash", actor1="Syrian Democratic Forces",
                                   actor2="Islamic State", place_id="sitrep:raqqa:mashlab", place_name="Mashlab",
                                   lat=35.95, lon=39.03, admin1="Ar-Raqqah", country="SY", geo_precision=1,
                                   date_begin=dt.date(2017, 6, 13), date_end=dt.date(2017, 6, 13), time_precision=1)
    base.update(kw)
    return Report(report_id=report_id, article_id=article_id, sentence_index=index, text=text,
                  stage_version="test", **base)  # type: ignore[arg-type]


def build_store(path: str | Path, *, hostile: str | None = None) -> Store:
    """Two articles, three reports, two incidents (one contested), one change of control.

    ``hostile``: a string put into every free-text field a page shows (titles, outlet, actors, place,
    sentence), to prove the page shows it as text.
    """
    h = hostile or ""
    store = Store(path)
    a = article("art_a", "a-1", TEXT_A + h, title="Raqqa and Manbij" + h, outlet="Wire" + h,
                url="https://example.org/a", published=dt.date(2017, 6, 14))
    b = article("art_b", "b-1", TEXT_B, title="Market strike", outlet="Local Daily",
                url="javascript:alert(1)" if hostile else None, published=dt.date(2017, 6, 15))
    for art in (a, b):
        store.insert_article(art, minhash=None, stage_version="test")
    s2 = S2
    r1 = report("rep_1", "art_a", 0, S1 + h, actor1="Syrian Democratic Forces" + h, place_name="Mashlab" + h)
    r2 = report("rep_2", "art_a", 2, s2, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="US-led coalition", actor2="Civilians", place_id="167357", place_name="Manbij", lat=36.528,
                lon=37.955, admin1="Aleppo", date_begin=dt.date(2017, 6, 12), date_end=dt.date(2017, 6, 12),
                fatalities=[killed(12, "At least 12 civilians", 0)], attributed_to="Syrian Observatory for Human Rights")
    r3 = report("rep_3", "art_b", 1, S3, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="US-led coalition", actor2="Civilians", place_id="167357", place_name="Manbij", lat=36.528,
                lon=37.955, admin1="Aleppo", date_begin=dt.date(2017, 6, 12), date_end=dt.date(2017, 6, 12),
                fatalities=[killed(20, "20 people", 15, "unknown")], attributed_to="Activists")
    i1 = Incident(incident_id="inc_clash", event_type="Battles", sub_event_type="Armed clash",
                  actor1=r1.actor1, actor2="Islamic State", place_id=r1.place_id, place_name=r1.place_name,
                  lat=r1.lat, lon=r1.lon, date_begin=dt.date(2017, 6, 13), date_end=dt.date(2017, 6, 13),
                  time_precision=1, reports=["rep_1"], n_sources=1, grade="single source", stage_version="test")
    i2 = Incident(incident_id="inc_strike", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  actor1="US-led coalition", actor2="Civilians", place_id="167357", place_name="Manbij", lat=36.528,
                  lon=37.955, date_begin=dt.date(2017, 6, 12), date_end=dt.date(2017, 6, 12), time_precision=1,
                  reports=["rep_2", "rep_3"], n_sources=2, fatalities_min=12, fatalities_max=20,
                  fatalities_conservative=12, grade="contested", stage_version="test",
                  conflicts=[Conflict("fatalities", [{"value": 12, "reports": ["rep_2"]},
                                                     {"value": 20, "reports": ["rep_3"]}])])
    change = ControlChange(place_id="sitrep:raqqa:mashlab", place_name=r1.place_name, date=dt.date(2017, 6, 13),
                           from_actor="Islamic State", to_actor="Syrian Democratic Forces" + h,
                           claimed_by="Syrian Observatory for Human Rights", incident_id="inc_clash", report_id="rep_1")
    with store.transaction():
        insert_reports(store.conn, [r1, r2, r3])
        save_incidents(store.conn, [i1, i2])
        replace_control_changes(store.conn, [change])
    return store

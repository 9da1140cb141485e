"""corefer_kinds: generic mentions of a kind ("the coalition", "coalition jets", "the militia") take the specific
actor of that kind the article names; hand-written articles."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.actors import corefer_kinds, find_actors
from sitrep.records import ActorMention, Article
from sitrep.text import split_sentences


def _mentions(text: str, country: str | None = None) -> list[ActorMention]:
    out = []
    for s in split_sentences("a1", text):  # as analyse_article does: sentence by sentence, article offsets
        for m in find_actors(s.text, country=country):
            m.start += s.start
            m.end += s.start
            out.append(m)
    return out


def resolved(text: str, country: str | None = None) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.name) for m in corefer_kinds(_mentions(text, country), text, country=country)]


YEMEN = ("Yemen's Houthi rebels fired a missile at a Saudi oil tanker in the Red Sea on Wednesday, the Saudi-led "
         "coalition said. Coalition air strikes on the Houthi-held capital Sanaa killed at least 14 people.")


@pytest.mark.parametrize("country", [None, "YE", "SD"])
def test_coalition_air_strikes_are_the_coalition_the_article_named(country: str | None) -> None:
    assert ("Coalition air strikes", "Saudi-led coalition") in resolved(YEMEN, country)


def test_the_coalition_without_a_country_rule_takes_the_named_one() -> None:
    text = ("The Saudi-led coalition said it intercepted a drone. The coalition later struck a Houthi camp near "
            "the border, killing five fighters.")
    assert ("The coalition", "Saudi-led coalition") in resolved(text, "UA")  # no country rule gives "coalition"


def test_a_member_states_forces_name_the_coalition() -> None:
    text = "Saudi jets bombed a market in Saada on Monday. Coalition warplanes returned on Tuesday."
    assert ("Coalition warplanes", "Saudi-led coalition") in resolved(text)


def test_the_nearest_coalition_named_before_wins() -> None:
    text = ("The US-led coalition struck Raqqa last year. In Yemen, the Saudi-led coalition said on Monday it had "
            "hit a Houthi base. Coalition jets also struck Hodeidah.")
    assert ("Coalition jets", "Saudi-led coalition") in resolved(text)


def test_a_headline_coalition_takes_the_name_from_the_body() -> None:
    text = "Coalition strikes kill 14 in Sanaa. The Saudi-led coalition said it targeted Houthi fighters."
    assert resolved(text)[0] == ("Coalition strikes", "Saudi-led coalition")


def test_without_a_named_coalition_the_default_stays() -> None:
    text = "Coalition air strikes hit the market in Raqqa on Tuesday, activists said."
    assert resolved(text) == [("Coalition air strikes", "US-led coalition")]


def test_the_alliance_and_the_militia_take_the_named_actor() -> None:
    alliance = "The YPG militia captured the village. The alliance said it lost three fighters."
    assert ("The alliance", "Syrian Democratic Forces") in resolved(alliance, "SY")
    militia = "Hezbollah fighters shelled the hills. The militia said two of its men were killed."
    assert ("The militia", "Hezbollah") in resolved(militia, "LB")


def test_an_unknown_group_named_by_its_kind_is_an_antecedent_but_a_description_is_not() -> None:
    named = "Fighters of the Sultan Murad militia entered Afrin. The militia said it lost two men."
    assert ("The militia", "Sultan Murad militia") in resolved(named, "SY")
    described = "Kataib Hezbollah, an Iran-backed militia, fired rockets. The militia said it was revenge."
    assert ("The militia", "Kataib Hezbollah") in resolved(described, "IQ")


def test_the_group_is_left_to_the_extractor() -> None:
    text = ("Rebels shelled the airport on Friday. On Friday evening, the group said 135 people had been killed "
            "across the country.")  # the activists who count the dead, not the rebels
    assert [t for t, _ in resolved(text, "SY") if "group" in t] == []


@pytest.mark.parametrize("text", [
    # no actor of the kind in the article: a bare "the alliance" stays nobody
    "Rebels shelled the town. The alliance said it would respond.",
    # the nearest "alliance" is no armed actor: a political alliance, not the SDF named later
    "Putin drew Turkey into an alliance with Iran. The alliance was a blow to the opposition. Kurdish militias "
    "fought in Afrin.",
    # not a mention of the kind: the coalition government, the group of protesters
    "Houthi rebels fired at the Saudi-led coalition. The coalition government met in Aden.",
])
def test_no_actor_is_made_up(text: str) -> None:
    added = [t for t, _ in resolved(text) if t.lower().startswith("the alliance") or t == "The coalition"]
    assert added == []


def test_records_are_new_and_sorted() -> None:
    before = _mentions(YEMEN)
    snapshot = [(m.start, m.end, m.name) for m in before]
    after = corefer_kinds(before, YEMEN)
    assert [(m.start, m.end, m.name) for m in before] == snapshot  # the input is not edited
    assert [m.start for m in after] == sorted(m.start for m in after)


def test_the_yemen_air_strike_is_coded_to_the_saudi_led_coalition() -> None:
    from sitrep.events.analyse import analyse_article

    text = ("Houthi missile hits ship in Red Sea\n\nADEN, Jan 10, 2018 (AP) - " + YEMEN
            + " Medical sources said women and children were among the dead.")
    art = Article(article_id="a1", external_id="a1", raw_path="a1.txt", text=text, published_at=dt.date(2018, 1, 10))
    strikes = [r for r in analyse_article(art).reports if r.sub_event_type == "Air/drone strike"]
    assert strikes and {r.actor1 for r in strikes} == {"Saudi-led coalition"}

"""A number that counts strikes, bombs or buildings is not a death toll (issue 8: "dozens of airstrikes" = 12 dead)."""

from __future__ import annotations

import pytest

from sitrep.events.quantities import find_quantities


def killed(sentence: str) -> list[tuple[int | None, str]]:
    return [(q.value, q.category) for q in find_quantities(sentence) if q.status == "killed"]


@pytest.mark.parametrize("sentence", [
    "Almost 200 civilians have been killed in dozens of airstrikes and shelling in eastern Ghouta.",
    "Almost 200 civilians have been killed in dozens of air strikes in eastern Ghouta.",
    "At least 36 civilians were killed in two separate coalition airstrikes on the city.",
    "Almost 200 civilians have been killed in hundreds of barrel bombs dropped on the town.",
    "Almost 200 civilians have been killed in 12 Russian strikes on the town.",
])
def test_counts_of_strikes_are_not_counted_as_dead(sentence: str) -> None:
    assert len(killed(sentence)) == 1 and killed(sentence)[0][0] in (200, 36)


def test_counts_of_buildings_and_vehicles_are_not_people() -> None:
    assert killed("Five people were killed when dozens of buildings collapsed.") == [(5, "unknown")]
    assert killed("28 people killed as security compounds hit by two suicide car bombs in Aleppo") == [(28, "unknown")]


@pytest.mark.parametrize(("sentence", "value"), [
    ("The weeklong carnage brought the toll to more than 500 killed in airstrikes.", 500),
    ("The raids killed 12 in the market.", 12),
    ("Twelve killed in air strikes.", 12),
    ("The strike killed dozens of them.", 12),
    ("Dozens of villagers were killed in the raid.", 12),
])
def test_bare_and_vague_tolls_next_to_strike_words_still_count(sentence: str, value: int) -> None:
    assert [v for v, _ in killed(sentence)] == [value]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Fighters stormed the village on Wednesday, killing at least 35 villagers, a rights group said.",
     [(35, "civilians")]),
    ("The gunmen killed 12 schoolchildren on their way home.", [(12, "children")]),
    ("Militiamen shot dead 14 townspeople in the market.", [(14, "civilians")]),
])
def test_a_place_or_thing_word_inside_a_longer_noun_is_not_a_thing(sentence: str,
                                                                   expected: list[tuple[int, str]]) -> None:
    # "villagers" starts like "village", "schoolchildren" like "school": whole words only
    assert killed(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Police said officers had killed two gang members in a shootout in the capital.",
    "Police killed two members of the gang during a raid.",
    "Soldiers killed 30 bandits in the forest.",
])
def test_gang_members_and_bandits_are_armed_not_civilians(sentence: str) -> None:
    got = killed(sentence)
    assert len(got) == 1 and got[0][1] == "fighters"


@pytest.mark.parametrize(("sentence", "surface"), [
    ("Gunmen on motorbikes shot dead a polio vaccination worker in the district on Friday.",
     "a polio vaccination worker"),
    ("Gunmen shot dead a health worker outside the clinic.", "a health worker"),
    ("Bandits killed a local government official in the village.", "a local government official"),
    ("Gunmen shot dead a senior police officer at a checkpoint.", "a senior police officer"),
    ("The strike killed a government soldier near the bridge.", "a government soldier"),
])
def test_one_victim_named_by_trade_with_its_modifiers(sentence: str, surface: str) -> None:
    # the victim's head noun is the last word of the phrase, whatever the words before it
    got = [q for q in find_quantities(sentence) if q.status == "killed"]
    assert [(q.value, q.surface) for q in got] == [(1, surface)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The army said its troops had neutralised 32 terrorists in the forest.", [(32, "fighters")]),
    ("Troops eliminated 20 militants during the operation, the military said.", [(20, "fighters")]),
    ("Seven members of one family were among the dead.", [(7, "civilians")]),
    ("The raid killed six Hamas operatives.", [(6, "fighters")]),
    ("Eight Wagner mercenaries were killed in the ambush.", [(8, "fighters")]),
    ("The strike killed two UN peacekeepers.", [(2, "fighters")]),
    ("Five miners were killed by gunmen near the site.", [(5, "civilians")]),
    ("Ten herders were killed in the raid.", [(10, "civilians")]),
])
def test_wire_words_for_the_dead_and_who_they_were(sentence: str, expected: list[tuple[int, str]]) -> None:
    assert killed(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Police neutralised a bomb in the market.",
    "The league eliminated 12 teams from the cup.",
])
def test_neutralised_things_and_eliminated_teams_are_no_dead(sentence: str) -> None:
    assert killed(sentence) == []

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

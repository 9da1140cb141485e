"""Trigger lexicon on wire copy from other wars: exchanges of fire, captives of earlier abductions, a crowd's
violence in a participle clause."""

from __future__ import annotations

import pytest

from sitrep.events.extract_rules import find_triggers


def subs(sentence: str) -> list[str]:
    return [t.sub_event_type for t in find_triggers(sentence)]


@pytest.mark.parametrize("sentence", [
    "Afghan Taliban forces and Pakistani troops exchanged heavy fire along the border on Saturday, officials said.",
    "Police and gang members traded fire for two hours in the neighbourhood.",
    "There was an exchange of heavy gunfire between soldiers and rebels near the bridge.",
])
def test_exchanges_of_fire_are_armed_clashes(sentence: str) -> None:
    assert subs(sentence) == ["Armed clash"]


def test_exchanged_prisoners_is_no_clash() -> None:
    assert "Armed clash" not in subs("The two sides exchanged prisoners on Monday.")


@pytest.mark.parametrize("sentence", [
    "Troops had rescued 19 kidnapped women and killed 11 insurgents during operations in the forest last week.",
    "Soldiers freed the abducted students and killed four gunmen in a gun battle.",
])
def test_captives_of_an_earlier_abduction_are_no_new_abduction(sentence: str) -> None:
    assert set(subs(sentence)) == {"Armed clash"}


@pytest.mark.parametrize("sentence", [
    "Gunmen abducted 80 people from the village on Thursday.",
    "Gunmen abducted women and children from the village on Thursday.",
    "Bandits kidnapped 12 students from their school.",
])
def test_abductions_still_count(sentence: str) -> None:
    assert subs(sentence) == ["Abduction/forced disappearance"]


def test_a_crowd_attacking_in_a_participle_clause_is_a_violent_demonstration() -> None:
    sentence = ("Hundreds of people protested in the capital on Monday against the government's silence, attacking "
                "the embassies of Rwanda, France and the United States.")
    assert subs(sentence) == ["Violent demonstration"]


def test_attacking_with_another_subject_stays_a_clash() -> None:
    assert subs("Hundreds protested in the city, while troops attacking rebel positions nearby killed 12.") == [
        "Peaceful protest", "Armed clash"]

"""The sub-type arbitration between the trigger rules and the typing model (sitrep/events/subtype.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from sitrep.events import subtype
from sitrep.events import typing as et
from sitrep.events.extract_rules import TERRITORY, Trigger, find_triggers


def _trigger(text: str, word: str, sub: str) -> Trigger:
    start = text.index(word)
    return Trigger(start, start + len(word), word, sub, 3)


def test_missing_model_file_raises_instead_of_falling_back(tmp_path: Path) -> None:
    with pytest.raises(subtype.ModelUnavailable, match="not found"):
        subtype.read_model(tmp_path / "subtype_model.json", tmp_path / "subtype_model.sha256")


def test_altered_model_file_is_refused(tmp_path: Path) -> None:
    model, digest = tmp_path / "m.json", tmp_path / "m.sha256"
    shutil.copy(subtype.MODEL_PATH, model)
    shutil.copy(subtype.DIGEST_PATH, digest)
    subtype.read_model(model, digest)  # an intact copy loads
    model.write_text(model.read_text(encoding="utf-8").replace('"coef":[[', '"coef":[[1', 1), encoding="utf-8")
    with pytest.raises(subtype.ModelUnavailable, match="sha256"):
        subtype.read_model(model, digest)


def test_unknown_rule_sub_type_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown rule sub-type"):
        subtype.features(["Bombardment of sorts"], np.zeros((1, len(et.model(fast=True).labels))))


def test_capture_labels_leave_the_direction_to_the_actors() -> None:
    assert subtype.pipeline_sub("GOV_REGAINS_TERIT", "Armed clash") == TERRITORY
    assert subtype.pipeline_sub("NON_STATE_ACTOR_OVERTAKES_TER", TERRITORY) == TERRITORY


def test_a_non_acled_label_keeps_the_rules_sub_type() -> None:
    assert subtype.pipeline_sub("DIPLO", "Armed clash") == "Armed clash"
    assert subtype.pipeline_sub("AIR_STRIKE", "Armed clash") == "Air/drone strike"


def test_a_sentence_about_air_raids_overrides_a_generic_attack_word() -> None:
    text = ("Russian and Syrian government warplanes carried out dozens of air strikes on the town overnight, "
            "and jets dropped barrel bombs on the market in the attack, the monitor said.")
    [[retyped]] = subtype.retype([text], [[_trigger(text, "attack", "Armed clash")]])
    assert retyped.sub_event_type == "Air/drone strike"
    assert (retyped.start, retyped.end, retyped.surface) == (text.index("attack"), text.index("attack") + 6, "attack")


def test_a_rule_the_sentence_agrees_with_is_kept_and_sentences_without_triggers_are_untouched() -> None:
    text = "Thousands of protesters marched peacefully through the city centre on Friday, chanting slogans."
    other = "The minister said the talks would resume next week."
    out = subtype.retype([text, other], [[_trigger(text, "protesters", "Peaceful protest")], []])
    assert [t.sub_event_type for t in out[0]] == ["Peaceful protest"]
    assert out[1] == []


def test_decide_gives_one_case_label_per_sentence() -> None:
    labels = subtype.decide(["Militants stormed the village and shot dead 12 civilians.",
                             "Police arrested 30 people at the rally."], ["Attack", "Arrests"])
    assert labels == ["ATTACK", "ARREST"]


def test_a_clash_is_not_made_an_attack_on_civilians_by_the_sentence_words() -> None:
    # the target decides (the roles pass): an army truck is armed, the words cannot tell
    text = "Al-Shabaab gunmen opened fire on an army truck near Afgooye on Monday."
    [[retyped]] = subtype.retype([text], [[_trigger(text, "opened fire on", "Armed clash")]])
    assert retyped.sub_event_type == "Armed clash"


def test_a_capture_trigger_keeps_a_capture_and_other_triggers_never_become_one() -> None:
    text = "Rebels captured the town of Kafr Nabl after fierce fighting with government troops on Sunday."
    out = subtype.retype([text], [[_trigger(text, "captured", TERRITORY), _trigger(text, "fighting", "Armed clash")]])
    assert [t.sub_event_type for t in out[0]] == [TERRITORY, "Armed clash"]


def test_talk_of_a_ceasefire_does_not_make_fighting_an_agreement():
    from sitrep.events.subtype import pipeline_sub

    assert pipeline_sub("AGREEMENT", "Armed clash") == "Armed clash"
    assert pipeline_sub("AGREEMENT", "Air/drone strike") == "Air/drone strike"
    assert pipeline_sub("AGREEMENT", "Change to group/activity") == "Agreement"
    assert pipeline_sub("ARMED_CLASH", "Air/drone strike") == "Air/drone strike"  # aircraft strike positions
    assert pipeline_sub("ARMED_CLASH", "Attack") == "Armed clash"


def test_a_peaceful_crowd_stays_peaceful_when_the_killing_is_in_another_clause():
    from sitrep.events.subtype import pipeline_sub

    assert pipeline_sub("FORCE_AGAINST_PROTEST", "Peaceful protest") == "Peaceful protest"
    assert pipeline_sub("FORCE_AGAINST_PROTEST", "Protest with intervention") == "Excessive force against protesters"
    assert pipeline_sub("PROTEST_WITH_INTER", "Peaceful protest") == "Protest with intervention"


def test_a_battle_word_keeps_its_kind_beside_another_triggers_non_violent_kind() -> None:
    # one sentence, two events: the typing model reads the sentence once and would make the battle a looting
    text = "Residents said dozens of people were killed in the fighting, and that RSF fighters looted homes in the town."
    out = subtype.retype([text], [[_trigger(text, "fighting", "Armed clash"),
                                   _trigger(text, "looted", "Looting/property destruction")]])
    assert [t.sub_event_type for t in out[0]] == ["Armed clash", "Looting/property destruction"]
    # alone, the decided kind stands (the same word in a sentence about looting and nothing else)
    assert subtype._own_sub("Air/drone strike", _trigger(text, "fighting", "Armed clash"),
                            [_trigger(text, "fighting", "Armed clash")]) == "Air/drone strike"


def test_aircraft_striking_fighters_positions_stay_an_air_strike() -> None:
    text = "The army said its aircraft struck RSF positions in Omdurman on Saturday."
    [[retyped]] = subtype.retype([text], [[_trigger(text, "aircraft struck", "Air/drone strike")]])
    assert retyped.sub_event_type == "Air/drone strike"


def test_grenades_thrown_in_a_battle_are_the_battles() -> None:
    # ACLED's remote violence is one-sided; in a battle both sides fight, whatever weapons the sentence lists
    text = "Gunmen battled troops from a safe house, throwing hand grenades at soldiers who had surrounded them."
    [[retyped]] = subtype.retype([text], [[_trigger(text, "battled", "Armed clash")]])
    assert retyped.sub_event_type == "Armed clash"
    # an attack with grenades is still a grenade attack
    assert subtype._own_sub("Grenade", _trigger(text, "battled", "Attack"),
                            [_trigger(text, "battled", "Attack")]) == "Grenade"


def test_fighting_beside_an_air_strike_stays_a_battle() -> None:
    text = ("Israeli air strikes killed at least 32 Palestinians across the Gaza Strip overnight, as fighting raged "
            "in the southern city of Khan Younis.")
    out = subtype.retype([text], [[_trigger(text, "air strikes", "Air/drone strike"),
                                   _trigger(text, "fighting", "Armed clash")]])
    assert [t.sub_event_type for t in out[0]] == ["Air/drone strike", "Armed clash"]


def test_a_toll_with_dead_on_both_armed_sides_is_a_battle() -> None:
    text = ("Ten soldiers and 19 cartel gunmen were killed in Culiacan on Thursday when troops tried to arrest a drug "
            "lord, officials said.")
    [[retyped]] = subtype.retype([text], [[_trigger(text, "Ten soldiers", "toll")]])
    assert retyped.sub_event_type == "Armed clash"


def test_a_clash_the_model_reads_as_an_attack_keeps_its_own_kind() -> None:
    # the typing model's best reading is ATTACK, barred for a clash trigger (the roles pass decides by the
    # target); the runner-up (an air strike here) is no reading of "an attack on a village"
    text = ("Suspected jihadists killed at least 26 civilians in an attack on a village in central Mali on Saturday, "
            "local officials said.")
    (t,), = subtype.retype([text], [find_triggers(text)])
    assert t.sub_event_type == "Armed clash"

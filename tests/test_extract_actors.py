"""extract_actors helpers on hand-built context: generic subjects resolved from what earlier sentences named."""

from __future__ import annotations

from sitrep.events.extract_actors import generic_subject
from sitrep.events.extract_context import Context


def test_the_regime_is_the_home_state_even_after_a_foreign_force_was_named():
    ctx = Context(recent_actors=[("Syrian government forces", 1), ("Iranian forces", 8)])
    assert generic_subject("regime rocket fire", ctx) == "Syrian government forces"


def test_troops_are_the_latest_state_force_named():
    ctx = Context(recent_actors=[("Syrian government forces", 1), ("Turkish forces", 8)])
    assert generic_subject("the troops", ctx) == "Turkish forces"


def test_tanks_name_the_state_forces_not_the_rebels():
    ctx = Context(recent_actors=[("Syrian government forces", 1), ("Syrian rebels", 2)])
    assert generic_subject("tanks and jet fighters", ctx) == "Syrian government forces"


def test_no_state_force_in_context_gives_none():
    ctx = Context(recent_actors=[("Syrian rebels", 2)])
    assert generic_subject("the regime", ctx) is None


def test_a_sentence_initial_capital_is_not_a_group_name() -> None:
    ctx = Context(recent_actors=[("Syrian rebels", 2), ("Syrian government forces", 1)])
    assert generic_subject("Rebel fighters are trying to negotiate as", ctx) == "Syrian rebels"
    assert generic_subject("Attack helicopters fired on", ctx) == "Syrian government forces"
    assert generic_subject("Houthi forces shelled", ctx) == "Houthi forces"  # a name, also at the start

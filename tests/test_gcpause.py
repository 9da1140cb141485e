"""The garbage collector is paused only inside a loading block and restored after, also on error."""

from __future__ import annotations

import gc

import pytest

from sitrep.gcpause import gc_paused


def test_collector_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_restored_when_the_block_raises() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("bad file")
    assert gc.isenabled()


def test_a_paused_caller_stays_paused() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_freeze_exempts_what_the_block_made() -> None:
    before = gc.get_freeze_count()
    try:
        with gc_paused(freeze=True):
            made = [[i] for i in range(100)]
        assert gc.get_freeze_count() >= before + len(made)
    finally:
        gc.unfreeze()


def test_no_freeze_when_the_block_raises() -> None:
    before = gc.get_freeze_count()
    with pytest.raises(ValueError), gc_paused(freeze=True):
        raise ValueError("bad file")
    assert gc.get_freeze_count() == before

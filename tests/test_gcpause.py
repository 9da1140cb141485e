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

"""The event-mention classifier on hand-built sentences, and its refusal to load a damaged artifact."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitrep.events import mentions
from sitrep.events.mentions import Candidate, ModelUnavailable, load_model, read_model


def _cand(text: str, trigger: str, rule: str | None = None, position: int = 3) -> Candidate:
    start = text.index(trigger)
    return Candidate(text, (start, start + len(trigger)), rule, position=position)


def _decide(text: str, trigger: str, rule: str | None = None) -> mentions.Decision:
    return load_model().decide([_cand(text, trigger, rule)])[0]


def test_asserted_air_strike_is_a_likely_event_of_its_type() -> None:
    d = _decide("Russian jets carried out air strikes on the town of Saraqeb on Tuesday, killing 12 civilians.",
                "air strikes", "Air/drone strike")
    assert d.p_event >= 0.7
    assert d.sub_event_type == "Air/drone strike"
    assert d.status in ("asserted", "hedged")
    assert not d.background


@pytest.mark.parametrize(("text", "trigger", "rule", "status"), [
    ("The government plans to launch an offensive on Idlib next month.", "offensive", "Armed clash", "hypothetical"),
    ("Turkey has threatened to launch a military operation against the Kurdish militia.", "operation", "Armed clash",
     "hypothetical"),
    ("The rebels warned they would attack the base if the siege continued.", "attack", "Armed clash", "hypothetical"),
    ("The town could fall within days if the rebels run out of ammunition.", "fall", None, "hypothetical"),
    ("Government forces did not shell the town on Friday, residents said.", "shell",
     "Shelling/artillery/missile attack", "negated"),
    ("There were no air strikes on the city on Friday, residents said.", "air strikes", "Air/drone strike", "negated"),
    ("Militias often attack villages in the region during the dry season.", "attack", "Attack", "generic"),
    ("Armed groups routinely kidnap travellers on the highway.", "kidnap", "Abduction/forced disappearance",
     "generic"),
])
def test_not_actual_events_get_their_status_and_a_low_p_event(text: str, trigger: str, rule: str | None,
                                                              status: str) -> None:
    d = _decide(text, trigger, rule)
    assert d.status == status
    assert d.p_event < 0.5
    assert d.sub_event_type is None


def test_a_reported_strike_is_hedged_or_asserted_not_hypothetical() -> None:
    d = _decide("Fifty people were reportedly killed in shelling of Homs, activists said.", "shelling",
                "Shelling/artillery/missile attack")
    assert d.status in ("hedged", "asserted")
    assert d.p_event >= 0.7
    assert d.sub_event_type == "Shelling/artillery/missile attack"


def test_decide_keeps_order_and_length() -> None:
    cands = [_cand("Protesters marched through Hama on Friday.", "marched", "Peaceful protest"),
             _cand("The ministry plans to hold talks next week.", "talks")]
    out = load_model().decide(cands)
    assert len(out) == 2
    assert out[0].p_event > out[1].p_event
    assert load_model().decide([]) == []


def test_model_is_cached_and_versioned() -> None:
    assert load_model() is load_model()
    assert load_model().version
    assert mentions.STAGE_VERSION
    assert mentions.MODEL_PATH in mentions.DATA_FILES and all(p.exists() for p in mentions.DATA_FILES)


def test_corrupt_model_file_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    model = tmp_path / "mentions_model.npz"
    manifest = tmp_path / "mentions_model.json"
    shutil.copy(mentions.MODEL_PATH, model)
    shutil.copy(mentions.MANIFEST_PATH, manifest)
    assert read_model(model, manifest).version  # the intact copy loads
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    with pytest.raises(ModelUnavailable, match="sha256"):
        read_model(model, manifest)


def test_missing_model_or_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="not found"):
        read_model(tmp_path / "none.npz", mentions.MANIFEST_PATH)
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"version": "x"}))
    with pytest.raises(ModelUnavailable, match="unreadable"):
        read_model(mentions.MODEL_PATH, bad)

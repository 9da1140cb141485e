"""The pipeline runner: stage registry, order checks, start-up errors, content-derived version keys,
and the golden snapshot that catches output changes without a STAGE_VERSION bump."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep import places as places_stage
from sitrep.pipeline import (
    STAGES,
    PipelineError,
    Stage,
    build_pipeline,
    check_order,
    check_snapshot,
    snapshot,
)

DATA = Path(__file__).resolve().parent / "data"


def test_registry_lists_every_stage_in_order() -> None:
    names = [s.name for s in build_pipeline().stages]
    assert names == ["read", "clean", "pubdate", "outlet", "language", "prepare", "dedup", "sentences", "time",
                     "places", "actors", "sources", "events", "merge", "control"]


def test_a_stage_that_requires_what_no_earlier_stage_assigns_is_refused() -> None:
    swapped = tuple(s for s in STAGES if s.name != "sentences")
    with pytest.raises(PipelineError, match="stage 'time' requires Doc.sentences, which no earlier stage assigns"):
        check_order(swapped)


def test_a_stage_registered_twice_is_refused() -> None:
    with pytest.raises(PipelineError, match="stage 'read' is registered twice"):
        check_order(STAGES + (STAGES[0],))


def test_a_missing_stage_module_is_an_error_at_start_up() -> None:
    broken = STAGES + (Stage("summaries", "sitrep.summaries.nowhere", "merge", ("Incident",), ("Summary",), "run"),)
    with pytest.raises(PipelineError) as err:
        build_pipeline(broken)
    assert err.value.code == "P001"
    assert str(err.value).startswith("stage 'summaries' cannot be loaded: sitrep.summaries.nowhere: "
                                     "ModuleNotFoundError")


def test_a_stage_without_its_entry_point_is_an_error_at_start_up() -> None:
    broken = tuple(Stage(s.name, s.module, s.phase, s.requires, s.assigns,
                         "no_such_function" if s.name == "places" else s.entry) for s in STAGES)
    with pytest.raises(PipelineError, match=r"stage 'places' \(sitrep.places\) has no function no_such_function"):
        build_pipeline(broken)


def test_version_key_is_stage_version_plus_a_digest_of_code_and_data() -> None:
    places = build_pipeline().stage("places")
    version, digest = places.key().split("+")
    assert version == places_stage.STAGE_VERSION and len(digest) == 12
    files = {p.name for p in pipeline.data_files(pipeline.module_closure("sitrep.places"))}
    assert {"places.json.gz", "aliases.csv"} <= files  # the gazetteer is part of the key
    assert "sitrep.places.gazetteer" in pipeline.module_closure("sitrep.places")


def test_events_key_covers_the_stages_it_calls_and_their_data() -> None:
    closure = pipeline.module_closure("sitrep.events.analyse")
    assert {"sitrep.time", "sitrep.places", "sitrep.actors", "sitrep.events.extract"} <= set(closure)
    files = {p.name for p in pipeline.data_files(closure)}
    assert {"actors.tsv", "places.json.gz", "mentions_model.npz", "mentions_model.json"} <= files


def test_merge_key_does_not_depend_on_the_article_stages() -> None:
    closure = set(pipeline.module_closure("sitrep.events.merge"))
    assert not closure & {"sitrep.places.gazetteer", "sitrep.events.extract", "sitrep.events.typing"}


def test_changed_data_file_changes_exactly_the_keys_that_load_it(monkeypatch: pytest.MonkeyPatch) -> None:
    before = build_pipeline().keys("article") | build_pipeline().keys("merge")
    real = pipeline.file_digest
    monkeypatch.setattr(pipeline, "file_digest", lambda p: "edited" if p.name == "actors.tsv" else real(p))
    pipeline.stage_digest.cache_clear()
    try:
        after = build_pipeline().keys("article") | build_pipeline().keys("merge")
    finally:
        pipeline.stage_digest.cache_clear()
    changed = sorted(k for k in before if before[k] != after[k])
    assert changed == ["actors", "events", "sources"]


def test_golden_snapshot_of_the_registry() -> None:
    """Fails when a stage's output on the fixture article changes while no STAGE_VERSION in its modules
    does. After bumping the version: ``python -m sitrep.pipeline snapshot --write``."""
    golden = json.loads((DATA / "pipeline_snapshot.json").read_text())
    current = snapshot(json.loads((DATA / "pipeline_fixture.json").read_text()))
    assert check_snapshot(current, golden) == []


def test_snapshot_check_names_the_stage_whose_output_changed_silently() -> None:
    golden = json.loads((DATA / "pipeline_snapshot.json").read_text())
    current = json.loads(json.dumps(golden))
    current["places"]["output"] = "000000000000"
    problems = check_snapshot(current, golden)
    assert len(problems) == 1 and problems[0].startswith(
        "stage 'places': its output on the fixture article changed but no STAGE_VERSION in its modules did")
    bumped = json.loads(json.dumps(current))
    bumped["places"]["versions"]["sitrep.places"] = "sitrep.places.v2"
    assert check_snapshot(bumped, golden) == [
        "stage 'places': STAGE_VERSION changed (sitrep.places): refresh the snapshot"]

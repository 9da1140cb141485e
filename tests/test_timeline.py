"""Timeline and brief on hand-built corpora and stores, the CLI, and the bundled Raqqa sample."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.events import rows
from sitrep.records import Article, Conflict, ControlChange, Incident, QuantityMention, Report
from sitrep.store import Store
from sitrep.summaries.brief import brief_markdown, build_brief
from sitrep.summaries.timeline import (
    SourceArticle,
    TimelineError,
    build_timeline,
    timeline_from_articles,
    timeline_markdown,
)
from sitrep.text import split_sentences

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "raqqa"


def _art(i: int, day: str, text: str, outlet: str = "Wire") -> SourceArticle:
    return SourceArticle(f"a{i}", f"ext{i}", text, dt.date.fromisoformat(day), outlet)


FLOOD = [
    _art(1, "2021-03-06", "The dam at Kerrow burst on March 5, flooding the valley below. "
                          "Rescue teams searched the villages downstream for survivors."),
    _art(2, "2021-03-08", "Engineers are still asking why the Kerrow dam failed on March 5. "
                          "Farmers said their fields were under water for days."),
    _art(3, "2021-03-12", "A week after the dam collapse of March 5, the river level is falling. "
                          "The regional governor promised compensation to every family."),
    _art(4, "2021-03-20", "Inspectors blamed poor maintenance for the March 5 dam failure at Kerrow. "
                          "An inquiry will report to parliament next year."),
    _art(5, "2021-03-15", "The governor visited the flooded villages on March 14 and met residents. "
                          "Schools in the valley reopened on Monday."),
    _art(6, "2021-03-02", "Heavy rain fell across the north on Tuesday. Forecasters warned of more storms to come."),
]


def test_date_referred_to_by_many_articles_is_selected_first() -> None:
    tl = timeline_from_articles(FLOOD, n_dates=1, sentences_per_date=1)
    assert [e.date for e in tl.entries] == [dt.date(2021, 3, 5)]
    assert tl.entries[0].n_articles == 4
    assert "dam" in tl.entries[0].items[0].text.lower()


def test_dates_stay_within_the_requested_period() -> None:
    tl = timeline_from_articles(FLOOD, n_dates=5, sentences_per_date=1, date_from=dt.date(2021, 3, 10),
                                date_to=dt.date(2021, 3, 31))
    assert tl.entries and all(dt.date(2021, 3, 10) <= e.date <= dt.date(2021, 3, 31) for e in tl.entries)
    assert dt.date(2021, 3, 5) not in {e.date for e in tl.entries}


def test_redundant_sentences_are_not_both_chosen() -> None:
    same = "The dam at Kerrow burst on March 5, flooding the valley and the villages below it."
    close = "The dam at Kerrow burst on March 5, flooding the valley and the villages below."
    other = "Soldiers evacuated three thousand residents from the valley by helicopter on March 5."
    arts = [_art(1, "2021-03-06", same), _art(2, "2021-03-06", close), _art(3, "2021-03-07", other)]
    tl = timeline_from_articles(arts, n_dates=1, sentences_per_date=2)
    texts = [i.text for i in tl.entries[0].items]
    assert len(texts) == 2
    assert not (same in texts and close in texts)
    assert other in texts


def test_every_item_cites_its_article_and_sentence() -> None:
    tl = timeline_from_articles(FLOOD, n_dates=4, sentences_per_date=2)
    by_id = {a.external_id: a for a in FLOOD}
    assert tl.entries
    for entry in tl.entries:
        assert entry.items
        for item in entry.items:
            assert item.citations
            first = item.citations[0]
            art = by_id[first.external_id]
            sentence = split_sentences(art.article_id, art.text)[first.sentence_index]
            assert item.text in sentence.text
            assert first.outlet == "Wire" and first.published == art.published.isoformat()  # type: ignore[union-attr]


def test_same_claim_in_two_articles_is_cited_to_both() -> None:
    a = "The dam at Kerrow burst on March 5, flooding the whole valley below it."
    arts = [_art(1, "2021-03-06", a), _art(2, "2021-03-07", a.replace("whole ", ""))]
    tl = timeline_from_articles(arts, n_dates=1, sentences_per_date=1)
    assert {c.external_id for c in tl.entries[0].items[0].citations} == {"ext1", "ext2"}


def test_headline_glued_to_a_sentence_is_left_out_of_the_item() -> None:
    text = "Kerrow dam bursts\nThe dam at Kerrow burst on March 5, flooding the valley below it."
    tl = timeline_from_articles([_art(1, "2021-03-09", text)], n_dates=1, sentences_per_date=1)
    item = tl.entries[0].items[0]
    assert item.text == "The dam at Kerrow burst on March 5, flooding the valley below it."
    assert item.citations[0].sentence_index == 0


def test_hard_wrapped_text_keeps_whole_sentences() -> None:
    sentence = ("Engineers said on Friday that the dam at Kerrow burst on March 5 after weeks of rain had filled "
                "the reservoir far beyond what the old walls could hold.")
    words, lines, line = sentence.split(), [], ""
    for w in words:
        if len(line) + len(w) > 38:
            lines.append(line.strip())
            line = ""
        line += w + " "
    lines.append(line.strip())
    text = "\n".join(lines) + "\n"
    tl = timeline_from_articles([_art(1, "2021-03-08", text)], n_dates=1, sentences_per_date=1)
    assert " ".join(tl.entries[0].items[0].text.split()) == sentence


def test_query_keeps_only_sentences_with_a_query_term() -> None:
    tl = timeline_from_articles(FLOOD, n_dates=3, sentences_per_date=2, query=["governor"])
    items = [i for e in tl.entries for i in e.items]
    assert items and all("governor" in i.text.lower() for i in items)


def test_bad_arguments_raise_a_clear_error() -> None:
    with pytest.raises(TimelineError, match="after"):
        timeline_from_articles(FLOOD, date_from=dt.date(2021, 4, 1), date_to=dt.date(2021, 3, 1))
    with pytest.raises(TimelineError):
        timeline_from_articles(FLOOD, n_dates=0)


def test_markdown_shows_footnote_references_for_every_item() -> None:
    md = timeline_markdown(timeline_from_articles(FLOOD, n_dates=3, sentences_per_date=1))
    bullets = [line for line in md.splitlines() if line.startswith("- ")]
    assert bullets and all(re.search(r"\[\^\d+\]$", b) for b in bullets)
    refs = {int(n) for b in bullets for n in re.findall(r"\[\^(\d+)\]", b)}
    defs = {int(n) for n in re.findall(r"^\[\^(\d+)\]: ", md, flags=re.M)}
    assert refs == defs


# --------------------------------------------------------------------------- a hand-built events store


def _report(rid: str, art: str, idx: int, text: str, **kw: object) -> Report:
    base: dict[str, object] = dict(report_id=rid, article_id=art, sentence_index=idx, event_type="Explosions/Remote violence",
                                   sub_event_type="Air/drone strike", actor1="Coalition", actor2=None, text=text)
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


@pytest.fixture
def events_store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "events.db")
    t1 = ("Coalition jets struck the market in Dara on Monday. Local medics said 13 people were killed. "
          "Rebels took the town of Kafr from the army on Monday.")
    t2 = "A monitor said the strike on the Dara market on Monday killed 24 people, including children."
    for aid, ext, text, day, outlet in (("A1", "e1", t1, dt.date(2020, 5, 5), "Wire One"),
                                        ("A2", "e2", t2, dt.date(2020, 5, 6), "Paper Two")):
        s.insert_article(Article(aid, ext, f"/in/{ext}.txt", text, outlet=outlet, published_at=day,
                                 published_precision="day", published_source="metadata"),
                         minhash=None, stage_version="test")
    s1 = split_sentences("A1", t1)
    day = dt.date(2020, 5, 4)
    reports = [
        _report("r1", "A1", 1, s1[1].text, place_name="Dara", date_begin=day, date_end=day, attributed_to="Local medics",
                fatalities=[QuantityMention(0, 2, "13", value=13)]),
        _report("r2", "A2", 0, t2, place_name="Dara", date_begin=day, date_end=day, attributed_to="A monitor",
                fatalities=[QuantityMention(0, 2, "24", value=24)]),
        _report("r3", "A1", 2, s1[2].text, event_type="Strategic developments",
                sub_event_type="Non-state actor overtakes territory", actor1="Rebels", actor2="Army",
                place_name="Kafr", place_id="p-kafr", date_begin=day, date_end=day),
    ]
    strike = Incident("i1", "Explosions/Remote violence", "Air/drone strike", "Coalition", None, "p-dara", "Dara",
                      None, None, day, day, 1, reports=["r1", "r2"], n_sources=2, fatalities_min=13,
                      fatalities_max=24, fatalities_conservative=13,
                      conflicts=[Conflict("fatalities", [{"value": 13, "reports": ["r1"]},
                                                         {"value": 24, "reports": ["r2"]}])], grade="contested")
    capture = Incident("i2", "Strategic developments", "Non-state actor overtakes territory", "Rebels", "Army",
                       "p-kafr", "Kafr", None, None, day, day, 1, reports=["r3"])
    with s.transaction():
        rows.insert_reports(s.conn, reports)
        rows.save_incidents(s.conn, [strike, capture])
        rows.replace_control_changes(s.conn, [ControlChange("p-kafr", "Kafr", day, "Army", "Rebels", "Rebels", "i2",
                                                            "r3")])
    return s


def test_store_timeline_lists_incidents_and_control_changes_with_all_their_reports(events_store: Store) -> None:
    tl = build_timeline(events_store, n_dates=3)
    entry = next(e for e in tl.entries if e.date == dt.date(2020, 5, 4))
    by_incident = {i.incident_id: i for i in entry.items}
    assert by_incident["i2"].text.startswith("Rebels took the town of Kafr")
    assert entry.items[0].incident_id == "i2"  # control changes first
    assert {c.external_id for c in by_incident["i1"].citations} == {"e1", "e2"}


def test_brief_sentences_each_cite_and_numbers_come_from_cited_sentences(events_store: Store) -> None:
    brief = build_brief(events_store)
    sentences = brief.sentences()
    assert {s.kind for s in sentences} >= {"change", "control", "dispute"}
    for s in sentences:
        assert s.citations, s.text
        _numbers_are_cited(s.text, [c.sentence for c in s.citations])
    dispute = next(s for s in sentences if s.kind == "dispute")
    assert "13" in dispute.text and "24" in dispute.text
    assert "Local medics" in dispute.text and "A monitor" in dispute.text


def test_brief_filters_by_place_actor_and_period(events_store: Store) -> None:
    kafr = build_brief(events_store, place="kafr")
    assert kafr.sentences() and all("Dara" not in s.text for s in kafr.sentences())
    coalition = build_brief(events_store, actor="coalition")
    assert all(s.kind != "change" for s in coalition.sentences())
    later = build_brief(events_store, dt.date(2021, 1, 1), dt.date(2021, 2, 1)).sentences()
    assert [s.kind for s in later] == ["control"]  # nothing happened then; Kafr is still held by the rebels
    assert "as of 2021-02-01" in later[0].text.lower() and "Rebels" in later[0].text


def _numbers_are_cited(text: str, cited: list[str]) -> None:
    plain = re.sub(r"\d{4}-\d{2}-\d{2}", " ", text)
    for n in re.findall(r"\d[\d,]*", plain):
        assert any(re.search(rf"(?<!\d){re.escape(n)}(?!\d)", c) for c in cited), (n, text)


# --------------------------------------------------------------------------- CLI


def _run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_cli_timeline_and_brief_formats(events_store: Store) -> None:
    db = events_store.path
    md = _run("timeline", "--db", db, "--dates", "2")
    assert md.exit_code == 0, md.output  # type: ignore[attr-defined]
    assert "## 2020-05-04" in md.output and "[^1]:" in md.output  # type: ignore[attr-defined]
    js = _run("timeline", "--db", db, "--format", "jsonl")
    first = json.loads(js.output.splitlines()[0])  # type: ignore[attr-defined]
    assert first["items"][0]["citations"][0]["external_id"] in {"e1", "e2"}
    br = _run("brief", "--db", db, "--format", "jsonl", "--place", "Kafr")
    lines = [json.loads(line) for line in br.output.splitlines()]  # type: ignore[attr-defined]
    assert lines and all(line["citations"] for line in lines)
    assert "[^1]" in _run("brief", "--db", db).output  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [("--from", "2020-02-30"), ("--to", "yesterday"),
                                  ("--from", "2020-06-01", "--to", "2020-05-01")])
@pytest.mark.parametrize("command", ["timeline", "brief"])
def test_cli_bad_dates_exit_2_with_a_message(events_store: Store, command: str, args: tuple[str, ...]) -> None:
    result = _run(command, "--db", events_store.path, *args)
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "date" in result.output or "after" in result.output  # type: ignore[attr-defined]


def test_cli_missing_database_fails_cleanly(tmp_path: Path) -> None:
    result = _run("timeline", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no sitrep database" in result.output  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- the bundled sample


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    if not EXAMPLES.exists():
        pytest.skip("examples/raqqa is not available")
    from sitrep.events.process import process_articles
    from sitrep.ingest.pipeline import ingest_paths

    s = Store(tmp_path_factory.mktemp("tl") / "sample.db")
    ingest_paths([str(EXAMPLES)], s)
    process_articles(s)
    return s


def test_sample_timeline_has_the_campaigns_key_developments_cited(sample_store: Store) -> None:
    tl = build_timeline(sample_store, n_dates=10)
    by_date = {e.date: e for e in tl.entries}

    def find(day: str, *words: str) -> None:
        entry = by_date.get(dt.date.fromisoformat(day))
        assert entry is not None, f"no entry on {day}"
        hits = [i for i in entry.items if all(w.lower() in i.text.lower() for w in words)]
        assert hits and all(i.citations for i in hits), (day, words, [i.text for i in entry.items])

    find("2017-06-06", "offensive")
    find("2017-06-12", "Mashlab")
    find("2017-06-12", "Romaniyeh")
    find("2017-10-14", "al-Nahda")
    find("2017-10-13", "surrendered")
    strike = [i for e in tl.entries for i in e.items if "24" in i.text and "killed" in i.text]
    assert strike and len({c.external_id for c in strike[0].citations}) >= 2  # both articles reporting it
    assert "Observatory" in strike[0].text


def test_sample_brief_cites_every_sentence_and_invents_no_number(sample_store: Store) -> None:
    brief = build_brief(sample_store)
    assert brief.sentences()
    for s in brief.sentences():
        assert s.citations
        _numbers_are_cited(s.text, [c.sentence for c in s.citations])
    assert "[^1]" in brief_markdown(brief)

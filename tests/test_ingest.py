"""Ingest: readers, rejections, ids, duplicates, re-runs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from sitrep.config import Settings
from sitrep.ingest.dedup import content_id
from sitrep.ingest.pipeline import ingest_paths, prepare
from sitrep.ingest.readers import read_path
from sitrep.records import RawDocument, Rejection
from sitrep.store import Store

NEWS = (
    "Government forces shelled the northern town of Kafr Nabl on Tuesday, killing at least seven civilians, "
    "a local monitoring group said.\n\nThe town has been under siege for several weeks, residents said, and "
    "food and medicine are running short. Aid agencies said they could not reach the area.\n\n"
    "Rebels said they had repelled an attempt by troops to advance from the south overnight."
)


def other_news(n: int) -> str:
    return (f"Story number {n}: officials in the provincial capital said on Wednesday that {n} families had "
            f"returned to their homes after weeks of fighting.\n\nThe local council said roads to district {n} "
            f"were reopened and that schools would resume classes next month, according to a statement.")


def codes(items) -> list[str]:
    return [i.code for i in items if isinstance(i, Rejection)]


def test_reads_sample_folder(examples: Path) -> None:
    docs = [d for d in read_path(examples) if isinstance(d, RawDocument)]
    assert [d.external_id for d in docs] == sorted(p.name[:-4] for p in examples.glob("*.txt"))


def test_jsonl_broken_line_among_good(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a1", "text": NEWS, "date": "2016-05-03", "lang_hint": "en"}),
             '{"id": "broken", "text": "unterminated',
             json.dumps({"id": "a2", "body": other_news(2), "source": "Example Times"})]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_path(path))
    good = [i for i in items if isinstance(i, RawDocument)]
    assert [d.external_id for d in good] == ["a1", "a2"]
    assert codes(items) == ["E007"]
    assert good[0].metadata == {"lang_hint": "en"}
    assert good[0].published == "2016-05-03"
    assert good[1].outlet == "Example Times"


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "no_text.csv"
    path.write_text("id,title,date\n1,Something happened,2017-01-01\n")
    assert codes(read_path(path)) == ["E008"]


def test_csv_with_text_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "good.csv"
    path.write_text('id,url,published,text,section\nx9,https://www.bbc.co.uk/news/a,2012-02-03,"' +
                    NEWS.replace('"', '""') + '",world\n')
    (doc,) = list(read_path(path))
    assert doc.external_id == "x9" and doc.url.endswith("/a") and doc.metadata == {"section": "world"}


def test_gzip_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write(json.dumps({"id": "g1", "text": NEWS}) + "\n")
    assert [d.external_id for d in read_path(path)] == ["g1"]


def test_missing_path() -> None:
    assert codes(read_path("/nonexistent/nowhere.txt")) == ["E001"]


def test_empty_binary_and_encodings(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "cp1252.txt").write_bytes(("Caf\u00e9 owners in the old quarter said \u201cwe stayed\u201d. " + NEWS).encode("cp1252"))
    (tmp_path / "invalid_utf8.txt").write_bytes(b"\xff\xfe\xfa" + b"\x00\x81" * 50)
    items = {Path(i.raw_path).name: i for i in read_path(tmp_path)}
    assert items["empty.txt"].code == "E005"
    assert items["binary.txt"].code == "E003"
    assert isinstance(items["cp1252.txt"], RawDocument) and "\u201cwe stayed\u201d" in items["cp1252.txt"].text
    assert isinstance(items["invalid_utf8.txt"], Rejection) and items["invalid_utf8.txt"].code in {"E003", "E004"}


def test_huge_file_rejected_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        chunk = (NEWS + "\n\n").encode() * 200
        while fh.tell() < 50_000_000:
            fh.write(chunk)
    (item,) = list(read_path(big))
    assert item.code == "E006" and "max_file_bytes" in item.detail


def test_unsupported_suffix(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG....")
    assert codes(read_path(tmp_path)) == ["E009"]


def test_bad_inputs_do_not_lose_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good1.txt").write_text(NEWS)
    (tmp_path / "good2.txt").write_text(other_news(2))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "j1", "text": other_news(3)}) + "\n{oops\n")
    (tmp_path / "c.csv").write_text("id,title\n1,x\n")
    store = Store(tmp_path / "s.db")
    s = ingest_paths([tmp_path, tmp_path / "missing.txt"], store, Settings(process_events=False))
    assert s.stored == 3
    assert dict(s.rejected) == {"E005": 1, "E003": 1, "E007": 1, "E008": 1, "E001": 1}
    ids = {a.external_id for a in store.iter_articles()}
    assert ids == {"good1", "good2", "j1"}


def test_reingest_changes_nothing(tmp_path: Path, examples: Path) -> None:
    store = Store(tmp_path / "s.db")
    first = ingest_paths([examples], store)
    before = store.counts()
    second = ingest_paths([examples], store)
    assert first.stored == 4
    assert second.stored == 0 and second.already_stored == 4
    assert store.counts() == before


def test_exact_duplicate_under_other_name_stored_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NEWS)
    (tmp_path / "b.txt").write_text(NEWS.replace("\n\n", "\n\n  "))
    store = Store(tmp_path / "s.db")
    s = ingest_paths([tmp_path], store)
    assert s.stored == 1 and s.duplicates == 1
    assert store.counts()["rejections_by_code"] == {"E010": 1}


def test_near_duplicate_points_at_kept_copy(tmp_path: Path) -> None:
    body = " ".join(other_news(i) for i in range(8))
    (tmp_path / "a.txt").write_text(body)
    (tmp_path / "b.txt").write_text(body + "\n\nThe governor said on Thursday that more families were expected to return.")
    store = Store(tmp_path / "s.db")
    ingest_paths([tmp_path], store)
    arts = {a.external_id: a for a in store.iter_articles()}
    assert arts["b"].duplicate_of == arts["a"].article_id
    assert arts["a"].duplicate_of is None


def test_content_id_is_stable_under_whitespace_and_case() -> None:
    assert content_id("Hello   World\n") == content_id("hello world")
    assert content_id("a") != content_id("b")


def test_prepare_samples(examples: Path) -> None:
    articles, rejections = prepare([examples])
    assert len(articles) == 4 and rejections == []
    assert all(a.language == "en" for a in articles)


def test_date_from_url_when_no_other_date(tmp_path: Path) -> None:
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps({"id": "u1", "url": "https://example.org/news/2009/03/20/town-council.html",
                                "text": NEWS}) + "\n")
    (art,), _ = prepare([path])
    assert art.published_at.isoformat() == "2009-03-20" and art.published_source == "metadata"

"""Store: migrations, round trips, transactions."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest.dedup import content_id, normalise_text
from sitrep.records import Article
from sitrep.store import Store

texts = st.text(min_size=1, max_size=300)


def make_article(text: str, **kw) -> Article:
    return Article(article_id=content_id(text), external_id=kw.pop("external_id", "x"), raw_path="p", text=text, **kw)


def test_migrations_recorded_once(tmp_path) -> None:
    path = tmp_path / "s.db"
    s1 = Store(path)
    names = [r[0] for r in s1.conn.execute("SELECT name FROM schema_migrations")]
    assert names and names[0].startswith("001_")
    s1.close()
    s2 = Store(path)
    assert s2.migrate() == []
    assert s2.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s2.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_transaction_rolls_back(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    with pytest.raises(RuntimeError), store.transaction():
        store.insert_article(make_article("some text here"), minhash=None, stage_version="t")
        raise RuntimeError("crash mid-ingest")
    assert store.counts()["articles"] == 0


def test_duplicate_id_is_refused(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    with store.transaction():
        store.insert_article(make_article("same"), minhash=None, stage_version="t")
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.insert_article(make_article("same"), minhash=None, stage_version="t")


@settings(max_examples=60, deadline=None)
@given(text=texts, ext=st.text(min_size=1, max_size=20), day=st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
       meta=st.dictionaries(st.text(max_size=10), st.one_of(st.integers(), st.text(max_size=20)), max_size=3))
def test_article_round_trip(text: str, ext: str, day: dt.date, meta: dict) -> None:
    store = Store(":memory:")
    art = make_article(text, external_id=ext, published_at=day, published_precision="day",
                       published_source="metadata", metadata=meta, outlet="Example")
    with store.transaction():
        store.insert_article(art, minhash=None, stage_version="t")
    (back,) = list(store.iter_articles())
    assert back == art


@given(texts)
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise_text(normalise_text(text)) == normalise_text(text)
    assert content_id(text) == content_id(normalise_text(text))


def test_rejection_recorded_once(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    assert store.insert_rejection("E005", "empty", "a.txt", "a", None)
    assert not store.insert_rejection("E005", "empty", "a.txt", "a", None)
    assert store.counts()["rejections"] == 1

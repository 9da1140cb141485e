"""Outlet: metadata, URL, the article's own signature or masthead (not an outlet quoted in the body)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest.outlet import find_outlet, outlet_from_domain, registered_domain

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "raqqa"


def _outlet(text: str = "", *, meta: str | None = None, url: str | None = None) -> tuple[str | None, str | None]:
    return find_outlet(metadata_outlet=meta, url=url, raw_text=text)


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("000", ("Al Jazeera", "signature")), ("001", (None, None)), ("002", ("AP", "signature")),
     ("003", ("The Independent", "masthead"))],
)
def test_samples(prefix: str, expected: tuple[str | None, str | None]) -> None:
    (path,) = EXAMPLES.glob(f"{prefix}_*.txt")
    assert _outlet(path.read_text(encoding="utf-8")) == expected


def test_quoted_agency_in_body_is_not_the_outlet() -> None:
    text = ("Headline\n\nThe Observatory said 24 people were killed, reports Efe news.\n\n"
            "Another paragraph of the story follows here.")
    assert _outlet(text) == (None, None)


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.aljazeera.com/news/2017/6/12/sdf-captures", "Al Jazeera"),
        ("http://news.bbc.co.uk/2/hi/middle_east/123.stm", "BBC"),
        ("https://www.bbc.com/news/world-middle-east-1", "BBC"),
        ("https://www.reuters.com/article/us-mideast-crisis", "Reuters"),
        ("https://www.independent.co.uk/news/world/x.html", "The Independent"),
        ("https://apnews.com/article/abc", "AP"),
        ("https://edition.cnn.com/2017/06/12/x", "CNN"),
        ("www.thetowntalk.com/article/20090320/NEWS01", "thetowntalk.com"),
        ("https://local.example.co.uk/story", "example.co.uk"),
    ],
)
def test_url(url: str, name: str) -> None:
    assert _outlet(url=url) == (name, "url")


def test_metadata_first_and_normalised() -> None:
    assert _outlet("Source: Al Jazeera News", meta="Reuters", url="https://bbc.co.uk/x") == ("Reuters", "metadata")
    assert _outlet(meta="www.aljazeera.com") == ("Al Jazeera", "metadata")
    assert _outlet(meta="Al Jazeera English") == ("Al Jazeera", "metadata")
    assert _outlet(meta="  ") == (None, None)


def test_bad_url_falls_through_to_text() -> None:
    assert _outlet("Story.\n\n- AP", url="not a url") == ("AP", "signature")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Story text.\n\nSource: Al Jazeera and news agencies", ("Al Jazeera", "signature")),
        ("Story text.\n\nSource: Reuters", ("Reuters", "signature")),
        ("Story text.\n\n— Reuters", ("Reuters", "signature")),
        ("Story text.\n\nCopyright 2020 The Associated Press. All rights reserved.", ("AP", "signature")),
        ("Story text.\n\n© Reuters 2017", ("Reuters", "signature")),
        ("BEIRUT, June 12 (Reuters) - Fighters pushed into the city.", ("Reuters", "masthead")),
        ("WASHINGTON -LRB- Reuters -RRB- - Virtually all cases .", ("Reuters", "masthead")),
        ("ISTANBUL (AFP) — Turkey said on Monday.", ("AFP", "masthead")),
        ("Story.\n\nThe BBC is not responsible for the content of external Internet sites",
         ("BBC", "masthead")),
        ("Sign up to the Middle East Eye newsletter\n\nStory text here.", ("Middle East Eye", "masthead")),
        ("Story text.\n\n- Leroy Wright", (None, None)),  # a person's sign-off is not an outlet
        ("Story text.\n\nSource: UN OCHA", (None, None)),  # a data source, not the outlet
    ],
)
def test_text_marks(text: str, expected: tuple[str | None, str | None]) -> None:
    assert _outlet(text) == expected


def test_domains() -> None:
    assert registered_domain("www.news.example.co.uk") == "example.co.uk"
    assert registered_domain("m.example.com") == "example.com"
    assert outlet_from_domain("english.alarabiya.net") == "Al Arabiya"
    assert outlet_from_domain("WWW.BBC.CO.UK:443") == "BBC"


def test_empty_text() -> None:
    assert _outlet("") == (None, None)

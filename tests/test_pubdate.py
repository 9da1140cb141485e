"""Publication date: metadata, header/dateline text, path, inference; never a confident wrong date."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest.pubdate import (
    PublishedDate,
    date_from_path,
    find_published,
    is_date_line,
    parse_date_string,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "raqqa"
SHARED_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev"


def _find(text: str, *, metadata: str | None = None, path: str | None = None) -> PublishedDate:
    return find_published(metadata_date=metadata, raw_text=text, path=path)


def _sample(prefix: str) -> tuple[str, str]:
    (path,) = EXAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8"), str(path)


# --------------------------------------------------------------------------- the four samples


@pytest.mark.parametrize(
    ("prefix", "expected", "precision"),
    [("000", dt.date(2017, 6, 12), "day"), ("002", dt.date(2017, 10, 14), "day"),
     ("003", dt.date(2016, 6, 4), "exact")],
)
def test_dated_samples(prefix: str, expected: dt.date, precision: str) -> None:
    text, path = _sample(prefix)
    p = _find(text, path=path)
    assert p.day == expected
    assert p.source == "text"
    assert p.precision == precision


def test_sample_003_keeps_time_and_zone() -> None:
    text, path = _sample("003")
    value = _find(text, path=path).value
    assert value == dt.datetime(2016, 6, 4, 5, 0, tzinfo=dt.timezone(dt.timedelta(hours=-4)))


def test_undated_sample_is_never_a_confident_date() -> None:
    text, path = _sample("001")
    p = _find(text, path=path)
    assert p.value is None
    assert p.precision in ("unknown", "inferred")
    if p.precision == "inferred":  # only when the time stage provides infer_published
        assert p.source == "inferred" and p.interval is not None
        assert p.interval[0] <= dt.date(2017, 6, 15) <= p.interval[1]
    else:
        assert p.source == "none"


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("raw", "day", "precision"),
    [
        ("2011-08-03", dt.date(2011, 8, 3), "day"),
        ("2017-06-12T10:30:00Z", dt.date(2017, 6, 12), "exact"),
        ("2017-06-12T23:30:00+03:00", dt.date(2017, 6, 12), "exact"),
        ("2009-03-20 12:24:52.002364-05", dt.date(2009, 3, 20), "exact"),
        ("Mon, 02 Mar 2009 16:23:00 -0500", dt.date(2009, 3, 2), "exact"),
        ("Mon, 02 Mar 2009 16:23:00 GMT", dt.date(2009, 3, 2), "exact"),
        ("March 3, 2017", dt.date(2017, 3, 3), "day"),
        ("3 May 2017", dt.date(2017, 5, 3), "day"),
        ("20170612", dt.date(2017, 6, 12), "day"),
        ("2017/06/12", dt.date(2017, 6, 12), "day"),
        ("14/10/2017", dt.date(2017, 10, 14), "day"),
        ("10/14/2017", dt.date(2017, 10, 14), "day"),
        ("2017-06-12T10:00:00.000+0000", dt.date(2017, 6, 12), "exact"),
        ("2017-06-12 10:00:00 UTC", dt.date(2017, 6, 12), "exact"),
        ("20170612T100000Z", dt.date(2017, 6, 12), "exact"),
        ("1497261600", dt.date(2017, 6, 12), "exact"),
        ("1497261600000", dt.date(2017, 6, 12), "exact"),
        ("Monday, June 12, 2017", dt.date(2017, 6, 12), "day"),
        ("12.06.2017", dt.date(2017, 6, 12), "day"),
    ],
)
def test_metadata_formats(raw: str, day: dt.date, precision: str) -> None:
    p = _find("Some text.", metadata=raw, path="InputDocs/2001-01-01/x.txt")
    assert p.source == "metadata"
    assert p.day == day
    assert p.precision == precision


def test_metadata_wins_over_text_and_path() -> None:
    p = _find("Saturday 04 June 2016 05:00 EDT\n\nBody.", metadata="2016-06-05", path="2011-04-21/x.txt")
    assert (p.day, p.source) == (dt.date(2016, 6, 5), "metadata")


def test_unparseable_metadata_falls_through() -> None:
    p = _find("Body text here.", metadata="not a date", path="InputDocs/2011-04-21/x.htm.txt")
    assert (p.day, p.source) == (dt.date(2011, 4, 21), "filename")


@pytest.mark.parametrize(
    ("raw", "interval"),
    [
        ("June 2017", (dt.date(2017, 6, 1), dt.date(2017, 6, 30))),
        ("2017-12", (dt.date(2017, 12, 1), dt.date(2017, 12, 31))),
        ("2016", (dt.date(2016, 1, 1), dt.date(2016, 12, 31))),
    ],
)
def test_coarse_metadata_is_an_interval_that_a_day_can_refine(raw: str, interval: tuple[dt.date, dt.date]) -> None:
    p = _find("Body.", metadata=raw)
    assert (p.value, p.precision, p.source, p.interval) == (None, "inferred", "metadata", interval)
    refined = _find("Body.", metadata=raw, path=f"InputDocs/{interval[0].isoformat()}/a.txt")
    assert (refined.day, refined.source) == (interval[0], "filename")


def test_ambiguous_numeric_date_is_an_interval_not_a_guess() -> None:
    p = parse_date_string("05/06/2017")
    assert p is not None and p.value is None and p.precision == "inferred"
    assert p.interval == (dt.date(2017, 5, 6), dt.date(2017, 6, 5))


# --------------------------------------------------------------------------- text header


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (" date 2017-06-12 Kurdish factions push for Raqqa.", dt.date(2017, 6, 12)),
        ("Headline here\n\n14/10/2017 04:35 by admin\n\nBeirut: text.", dt.date(2017, 10, 14)),
        ("Headline\nJane Doe\nSaturday 04 June 2016 05:00 EDT\nComments\nBody.", dt.date(2016, 6, 4)),
        ("Headline\n\nJune 12, 2017\n\nBody text follows here.", dt.date(2017, 6, 12)),
        ("Headline\n\nPublished: 3 March 2020\nUpdated: 5 March 2020\n\nBody.", dt.date(2020, 3, 3)),
        ("Headline\n\nUpdated 5 March 2020, 14:02 GMT\n\nBody.", dt.date(2020, 3, 5)),
        ("By Maggie Fox , Health and Science Editor WASHINGTON | Mon Mar 2 , 2009 4:23 pm EST WASHINGTON "
         "-LRB- Reuters -RRB- - Virtually all cases of flu resist the drug .", dt.date(2009, 3, 2)),
        ("Headline\n03.11.2019 | 18:40\nBody text.", dt.date(2019, 11, 3)),
    ],
)
def test_header_dates(text: str, day: dt.date) -> None:
    p = _find(text)
    assert (p.day, p.source) == (day, "text")


@pytest.mark.parametrize(
    "text",
    [
        "Case study : On 20 April 2010 a deepwater oil well exploded in the Gulf of Mexico .",
        "Funeral services will be held at the chapel on Friday, March 27, 2009 at 11:00 A.M. for the family.",
        "The ceasefire agreed on 12 June 2017 collapsed within hours, residents said.",
        "\n".join(["Line of body text that is long enough to be prose here."] * 9) + "\nJune 12, 2017",
    ],
)
def test_prose_dates_are_not_publication_dates(text: str) -> None:
    p = _find(text)
    assert p.source != "text"


def test_yearless_dateline_needs_a_year_from_metadata() -> None:
    text = "BEIRUT, June 12 (Reuters) - Fighters pushed into the city."
    assert _find(text).source != "text"
    p = _find(text, metadata="2017")
    assert (p.day, p.source) == (dt.date(2017, 6, 12), "text")


@pytest.mark.parametrize("text", [
    "KHARTOUM, Sudan, June 12 (Reuters) - Fighters pushed into the city.",
    "GOMA, Democratic Republic of Congo, June 12 (Reuters) - Rebels entered the town.",
])
def test_yearless_dateline_with_a_country(text: str) -> None:
    p = _find(text, metadata="2017")
    assert (p.day, p.source) == (dt.date(2017, 6, 12), "text")


_STORY = " Russian missiles struck a residential building in the city on Tuesday, killing five civilians and " \
         "wounding 12 more, the regional governor of Kharkiv said in a statement."


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("KYIV, March 14, 2023 (Reuters) -", dt.date(2023, 3, 14)),
        ("KYIV, Ukraine, March 14, 2023 (AP) —", dt.date(2023, 3, 14)),
        ("GAZA, 5 May 2019 (Reuters) –", dt.date(2019, 5, 5)),
        ("WASHINGTON (Reuters) March 14, 2023 —", dt.date(2023, 3, 14)),
        ("KHARTOUM, Nov 5, 2023 (Reuters) -", dt.date(2023, 11, 5)),
        ("ADEN, Jan. 10, 2018 (AP) -", dt.date(2018, 1, 10)),
        ("NEW YORK, Tues., March 14, 2023 (AP) -", dt.date(2023, 3, 14)),
        ("KYIV , March 14 , 2023 -LRB- Reuters -RRB- -", dt.date(2023, 3, 14)),
        ("KYIV, 14 March 2023 -LRB-Reuters-RRB- -", dt.date(2023, 3, 14)),
        ("KYIV, March 14, 2023 -", dt.date(2023, 3, 14)),
        ("Kyiv, March 14, 2023 (Reuters) -", dt.date(2023, 3, 14)),
        # a country of four words after the city
        ("GOMA, Democratic Republic of Congo, Feb 16, 2025 (Reuters) -", dt.date(2025, 2, 16)),
        ("BANGUI, Central African Republic, Feb. 16, 2025 (AP) —", dt.date(2025, 2, 16)),
        ("GOMA, Democratic Republic of the Congo, 16 February 2025 (AFP) -", dt.date(2025, 2, 16)),
    ],
)
def test_wire_dateline_with_a_year_is_the_publication_date(dateline: str, day: dt.date) -> None:
    p = _find(f"Russian strikes kill five in Kharkiv\n\n{dateline}{_STORY}\n\nMore body text.")
    assert (p.day, p.source, p.precision) == (day, "text", "day")


@pytest.mark.parametrize(
    "line",
    [
        "On Tuesday, March 14, 2023 - the day the missiles came -" + _STORY,  # no agency, not a city in capitals
        "Kyiv, March 14, 2023 -" + _STORY,
        "Officials said that on March 14, 2023 (Tuesday) -" + _STORY,
        "KYIV, March 14, 2023, was the day when" + _STORY,  # neither the agency nor the story's dash follows
    ],
)
def test_dates_that_are_no_wire_dateline_are_not_taken(line: str) -> None:
    assert _find(f"Headline here\n\n{line}").source != "text"


def test_wire_dateline_in_prose_below_the_header_is_not_taken() -> None:
    body = "\n\n".join([_STORY.strip()] * 3)
    assert _find(f"Headline\n\n{body}\n\nKYIV, March 14, 2023 (Reuters) - Later text.").source != "text"


def test_wire_dateline_wins_over_the_path_and_metadata_wins_over_it() -> None:
    text = "Headline\n\nKYIV, March 14, 2023 (Reuters) -" + _STORY
    assert _find(text, path="InputDocs/2023-03-15/a.txt").day == dt.date(2023, 3, 14)
    assert _find(text, metadata="2023-03-15").day == dt.date(2023, 3, 15)


def test_ambiguous_header_date_uses_locale_cue_or_defers_to_path() -> None:
    us = _find("Headline\n05/06/2017 10:15 am EDT\nBody.")
    assert us.day == dt.date(2017, 5, 6)
    uk = _find("Headline\n05/06/2017 10:15 BST\nBody.")
    assert uk.day == dt.date(2017, 6, 5)
    unclear = _find("Headline\n05/06/2017\nBody.", path="InputDocs/2017-06-05/a.txt")
    assert (unclear.day, unclear.source) == (dt.date(2017, 6, 5), "filename")
    alone = _find("Headline\n05/06/2017\nBody.")
    assert alone.value is None and alone.interval == (dt.date(2017, 5, 6), dt.date(2017, 6, 5))


def test_is_date_line() -> None:
    assert is_date_line("Saturday 04 June 2016 05:00 EDT")
    assert is_date_line("14/10/2017 04:35 by admin")
    assert not is_date_line("On 20 April 2010 a deepwater oil well exploded in the Gulf of Mexico .")
    assert not is_date_line("Lizzie Dearden")


# --------------------------------------------------------------------------- path


@pytest.mark.parametrize(
    ("path", "day"),
    [
        ("InputDocs/2011-04-21/x.htm.txt", dt.date(2011, 4, 21)),
        ("/data/news/2017/06/12/story.html", dt.date(2017, 6, 12)),
        ("archive/article_20170612.txt", dt.date(2017, 6, 12)),
        ("AQUAINT/APW19980108.0022.tml", dt.date(1998, 1, 8)),
        ("a/2010-01-01/b/2011-04-21/x.txt", dt.date(2011, 4, 21)),
    ],
)
def test_path_dates(path: str, day: dt.date) -> None:
    found = date_from_path(path)
    assert found is not None and found[0] == day


@pytest.mark.parametrize("path", ["examples/raqqa/001_28ec2edaad0477fd.txt", "x/2017-13-40/a.txt", "a/b.txt",
                                  "hash_a20170612b.txt"])
def test_paths_without_dates(path: str) -> None:
    assert date_from_path(path) is None


def test_nothing_found_is_unknown_or_inferred() -> None:
    p = _find("Fighting continued in the city.")
    assert p.value is None and p.precision in ("unknown", "inferred")


# --------------------------------------------------------------------------- Timeline17 folders


def test_timeline17_folder_dates(tmp_path: Path) -> None:
    folder = SHARED_DEV / "timeline17"
    if not folder.exists():
        pytest.skip("../shared/dev is not available")
    written: list[tuple[Path, str]] = []
    for articles in sorted(folder.glob("*/articles.jsonl.gz")):
        with gzip.open(articles, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= 200:
                    break
                row = json.loads(line)
                target = tmp_path / articles.parent.name / "InputDocs" / row["time"] / f"{row['id']}.htm.txt"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(row["text"], encoding="utf-8")
                written.append((target, row["time"]))
    assert len(written) >= 400
    exact = 0
    for target, day in written:
        p = find_published(metadata_date=None, raw_text=target.read_text(encoding="utf-8"), path=str(target))
        exact += p.day is not None and p.day.isoformat() == day
    assert exact / len(written) >= 0.99, exact / len(written)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=60)), st.one_of(st.none(), st.text(max_size=60)))
def test_never_raises(text: str, metadata: str | None, path: str | None) -> None:
    p = find_published(metadata_date=metadata, raw_text=text, path=path)
    assert p.precision in ("exact", "day", "inferred", "unknown")
    assert (p.value is None) == (p.precision in ("inferred", "unknown"))


def test_markup_is_not_read_as_header_text() -> None:
    html = "<html><head><title>x</title></head><body><p>June 12, 2017</p><p>Body.</p></body></html>"
    assert _find(html).source != "text"
    assert _find(html, metadata="2017-06-12").source == "metadata"


def test_chrome_above_the_header_does_not_push_the_date_out() -> None:
    chrome = "\n\n".join([
        "Stay up to date with notifications from The Daily Example",
        "Notifications can be managed in browser preferences.",
        "Please support our journalism with a donation.",
        "Subscribe to our newsletter for the latest news in your inbox.",
        "Sign in to your account to comment.",
        "Share", "Comments", "Advertisement", "Menu",
    ])
    text = chrome + "\n\nRebels take town\n\nJohn Doe\nTuesday 13 June 2017 09:30 BST\n\nBody text here."
    p = _find(text)
    assert (p.day, p.source) == (dt.date(2017, 6, 13), "text")

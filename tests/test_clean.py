"""Article cleaning: snippet expectations (text that must appear / must not appear)."""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest.clean import clean_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "raqqa"
SHARED_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev"


def _sample(prefix: str) -> str:
    (path,) = EXAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _check(text: str, must: list[str], must_not: list[str]) -> None:
    for snippet in must:
        assert snippet in text, f"missing: {snippet!r}"
    for snippet in must_not:
        assert snippet not in text, f"boilerplate left: {snippet!r}"


# --------------------------------------------------------------------------- the four samples


def test_sample_000_keeps_news_drops_crosslinks_tweet_and_signoff() -> None:
    r = clean_text(_sample("000"))
    _check(
        r.text,
        must=[
            "Kurdish factions backed by US coalition air strikes push for Raqqa",
            "SDF said they captured Romaniyeh neighbourhood west of Raqqa city early on Monday.",
            "currently battling ISIL for control of Sinaaya and Hetin neighbourhoods",
            "ISIL captured Raqqa from rebel groups in 2014",
            "We choose the Kurds,\" he said.",
            '"People are barely surviving inside Raqqa.',
            "at least 24 civilians have been killed in air strikes and fighting in the past 48 hours",
            "from the Iraqi border to the city of Manbij in Aleppo on the western banks of the Euphrates.",
        ],
        must_not=["READ MORE", "@Raqqa_SL", "scorched earth policy", "With additional reporting", "@D_R_23",
                  "Source: Al Jazeera", "date 2017-06-12"],
    )
    assert r.text.startswith("Kurdish factions")
    assert r.meta["signature"] == "Al Jazeera News"
    assert r.meta["date_lines"] == ["date 2017-06-12"]
    assert r.title is None


def test_sample_001_title_and_bullet_author() -> None:
    raw = _sample("001")
    r = clean_text(raw)
    assert r.title == "Backed Syrian fighters seize parts of IS 'capital' Raqqa"
    assert "Leroy Wright" not in r.text
    assert "seize parts of IS" not in r.text
    # every news paragraph is kept, in order (a quoted outlet, "reports Efe news", is news text)
    body = [p.strip() for p in raw.split("\n\n")[1:] if len(p.split()) >= 8]
    assert len(body) == 14
    positions = [r.text.index(p) for p in body]
    assert positions == sorted(positions)
    assert "reports Efe news." in r.text


def test_sample_002_header_repeated_title_and_wrapped_line() -> None:
    raw = _sample("002")
    r = clean_text(raw)
    assert r.title == "US-backed forces in Syria say 'final' battle for Raqqa is on"
    _check(
        r.text,
        must=[
            "Beirut: The US-backed Kurdish-led forces fighting Islamic State militants",
            "have delayed the final push to regain control of the city.",  # a line broken across a blank line
            "SDF officials deny there are talks to evacuate IS fighters.",
            "On Saturday, the SDF said they seized the al-Nahda neighborhood",
            "A day earlier, IS carried out an offensive on SDF forces",
        ],
        must_not=["14/10/2017", "by admin", "battle for Raqqa is on", "\n- AP"],
    )
    assert r.meta["date_lines"] == ["14/10/2017 04:35 by admin"]
    assert r.meta["signature"] == "AP"
    assert not r.text.rstrip().endswith("AP")


def test_sample_003_appeals_prompts_captions_and_byline_removed() -> None:
    r = clean_text(_sample("003"))
    assert r.title is not None and r.title.startswith("Isis in Syria: Government forces 'enter Raqqa province'")
    _check(
        r.text,
        must=[
            "Troops were reportedly pushing up a main road towards the de-facto capital",
            "Syrian government forces have reportedly crossed into the province",
            "there had been violent clashes between Isis militants and regime troops",
            "At least 26 Isis fighters had been killed",
            "killed by Syrian forces near the border town of Zakia",
            "They have so far taken at least 28 villages from Isis",
            "The US-led coalition has been striking targets in Raqqa, Manbij and Mar",
            "Analysts have interpreted recent waves of attacks",
            "the operation to re-take the Isis stronghold of Palmyra earlier this year was seen as a turning point.",
        ],
        must_not=[
            "notifications", "Notifications", "browser", "Your support", "donation", "paywalls",
            "The Independent is trusted", "is on the ground when the story is developing", "Join our commenting",
            "thought-provoking", "Comments", "Thank you for registering", "refresh", "Lizzie Dearden",
            "05:00 EDT", "celebrate on the edge of Palmyra", "(Liveuamap)", "(Reuters)", "(SDF)\n",
            "The reported location of the Syrian army's advance",
        ],
    )
    assert r.meta["bylines"] == ["Lizzie Dearden"]
    assert r.meta["date_lines"] == ["Saturday 04 June 2016 05:00 EDT"]


def test_samples_paragraphs_are_blank_line_separated() -> None:
    for prefix in ("000", "001", "002", "003"):
        text = clean_text(_sample(prefix)).text
        assert "\n\n\n" not in text and text == text.strip()
        assert text.count("\n\n") >= 10


# --------------------------------------------------------------------------- hand-made boilerplate

HANDMADE = """Shelling kills five in Idlib countryside

By Jane Smith, Middle East correspondent
Published: 3 March 2020

Advertisement

Government artillery shelled the village of Kafr Nabl in Idlib province on Tuesday, killing five civilians, a monitoring group said.

Enable push alerts to get breaking news on your phone.

"You can hear the planes all night," said one resident, who asked not to be named.

"We will not leave our homes," the local council head told reporters.

Related: Turkish troops cross into northern Syria

Smoke rises over the old city after an air strike
Smoke rises over the old city after an air strike (AFP/Getty Images)

Heavy shelling reported in #Idlib tonight pic.twitter.com/abc123 — Some Reporter (@someone) March 3, 2020

The Syrian Observatory for Human Rights said at least 12 fighters were also killed in clashes near Saraqeb.

Help us keep our reporting free for everyone: make a contribution today.
Every contribution, however small, keeps our newsroom independent.

Have your say: our moderators review every post before it appears. Log in to comment.

Reporting by Ali Hassan; Editing by Mark Heinrich

Copyright 2020 Example Media. All rights reserved.
"""


def test_handmade_boilerplate_in_other_wording() -> None:
    r = clean_text(HANDMADE)
    assert r.title == "Shelling kills five in Idlib countryside"
    _check(
        r.text,
        must=[
            "Government artillery shelled the village of Kafr Nabl",
            '"You can hear the planes all night," said one resident',
            '"We will not leave our homes," the local council head told reporters.',
            "at least 12 fighters were also killed in clashes near Saraqeb.",
        ],
        must_not=[
            "Jane Smith", "Published", "Advertisement", "push alerts", "Related:", "Smoke rises", "pic.twitter",
            "contribution", "moderators", "Log in", "Reporting by", "Copyright", "Shelling kills five",
        ],
    )
    assert r.meta["bylines"] == ["By Jane Smith, Middle East correspondent"]
    assert r.meta["date_lines"] == ["Published: 3 March 2020"]
    assert len(r.removed) == len(r.meta["removed_reasons"])


def test_given_title_is_used_and_removed_from_text() -> None:
    r = clean_text("Rebels take town\n\nRebels took the town of X on Monday, officials said.", title="Rebels take town")
    assert r.title == "Rebels take town"
    assert r.text == "Rebels took the town of X on Monday, officials said."


def test_plain_news_is_untouched() -> None:
    text = (
        "Clashes erupted in the north of the city on Sunday, residents said.\n\n"
        "At least three people were killed and 20 wounded, according to a hospital official."
    )
    r = clean_text(text)
    assert r.text == text
    assert r.removed == []
    assert r.title is None


def test_empty_and_whitespace_input() -> None:
    assert clean_text("").text == ""
    assert clean_text(" \n\n \r\n").text == ""


def test_html_uses_trafilatura_and_returns_metadata() -> None:
    html = (
        "<html><head><title>Strike hits market in Idlib - Example News</title>"
        '<meta property="og:site_name" content="Example News"><meta name="date" content="2020-03-03"></head>'
        '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Strike hits market in Idlib</h1>'
        "<p>An air strike hit a crowded market in the Syrian city of Idlib on Tuesday, killing at least 15 "
        "civilians, rescuers said.</p><p>The White Helmets rescue group said the toll was expected to rise as "
        "workers searched the rubble of destroyed shops.</p><p>Sign up for our newsletter to get the news in "
        "your inbox every morning.</p><p>Turkey, which backs rebel groups in the area, condemned the attack and "
        "called for an immediate ceasefire.</p></article><footer>Copyright 2020 Example News. All rights "
        "reserved.</footer></body></html>"
    )
    r = clean_text(html, is_html=True)
    assert r.title == "Strike hits market in Idlib"
    assert r.meta["date"] == "2020-03-03"
    assert r.meta["sitename"] == "Example News"
    assert r.text.count("\n\n") == 2
    _check(r.text, must=["killing at least 15 civilians", "immediate ceasefire."],
           must_not=["newsletter", "Home", "Copyright", "Strike hits market"])


# --------------------------------------------------------------------------- beyond the samples (dev data)


def _timeline17() -> list[dict[str, str]]:
    folder = SHARED_DEV / "timeline17"
    if not folder.exists():
        pytest.skip("../shared/dev is not available")
    rows = []
    for path in sorted(folder.glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh)
    return rows


# Page furniture seen on the Timeline17 BBC and Reuters pages (checked: it is gone after cleaning).
T17_FURNITURE = [
    "Please ensure you have read the terms and conditions",
    "Your contact details will never be published",
    "If you are happy to be contacted by a BBC journalist",
    "Send your pictures and videos to yourpics@bbc.co.uk",
    "Views expressed in the comments do not represent those of Reuters",
    "All posts are reactively-moderated and must obey the house rules",
    "We welcome comments that advance the story",
    "The BBC is not responsible for the content of external Internet sites",
    "If you have a large file you can upload here",
]


def test_timeline17_furniture_removed_and_news_kept() -> None:
    rows = _timeline17()
    raw_chars = kept_chars = 0
    for row in rows:
        r = clean_text(row["text"])
        lines = [line.strip() for line in r.text.splitlines()]
        for snippet in T17_FURNITURE:  # (furniture glued onto a reader comment's line is not split off)
            assert not any(line.startswith(snippet) for line in lines), (row["id"], snippet)
        raw_chars += len(row["text"])
        kept_chars += len(r.text)
        assert not re.search(r"^At \d{1,2}:\d{2}.{0,30}\d{4} , \S+ wrote :", r.text, re.M), row["id"]
    # the pages are mostly news: cleaning removes furniture and reader comments, not the stories
    assert kept_chars / raw_chars > 0.8


def test_lgl_news_texts_are_left_alone() -> None:
    path = SHARED_DEV / "geo" / "lgl.jsonl"
    if not path.exists():
        pytest.skip("../shared/dev is not available")
    raw_chars = removed_chars = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            r = clean_text(row["text"], title=row.get("title"))
            assert r.text, row["id"]  # a headline-only article keeps its headline as text
            raw_chars += len(row["text"])
            removed_chars += sum(len(x) for x in r.removed)
    assert removed_chars / raw_chars < 0.005


# --------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab C.,:;!?'\"“”‘’`()@#-—•©\n\t 0123456789/")), max_size=400))
def test_never_raises_and_only_keeps_input_words(text: str) -> None:
    r = clean_text(text)
    source = set(text.split())
    for word in r.text.split():
        assert word in source or any(word in w for w in source)
    assert len(r.removed) == len(r.meta.get("removed_reasons", []))


def test_pathological_input_is_linear() -> None:
    weird = "(" * 50_000 + "``" * 25_000 + "@x #y www.a.com " * 5_000 + "“" * 50_000 + "‘" * 50_000
    start = time.perf_counter()
    clean_text(weird)
    clean_text(weird.replace(" ", "\n"))
    assert time.perf_counter() - start < 5.0


# --------------------------------------------------------------------------- page shapes of other outlets (hand-made)

PAGES = {
    "bbc": (
        "Syria war: Rebels pushed out of eastern Aleppo\n\nPublished\n12 December 2016\n\nShare\n\n"
        "Image source, Getty Images\nImage caption,\nThousands of civilians have fled the fighting\n\n"
        "Syrian government forces have retaken almost all of eastern Aleppo, a monitoring group says.\n\n"
        "Tens of thousands of civilians are thought to be trapped in the remaining rebel-held districts.\n\n"
        "Related Topics\nSyrian civil war\nAleppo\n\nMore on this story\n"
        "Aleppo battle: What is left of the rebel enclave?\nPublished\n10 December 2016\n"
    ),
    "guardian": (
        "Turkish forces shell Kurdish positions in northern Syria\n\n"
        "Martin Chulov Middle East correspondent\nMon 12 Jun 2017 14.02 BST\n\n"
        "Turkish artillery shelled positions held by Kurdish militias near Afrin on Monday, officials said.\n\n"
        "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST\n\n"
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside "
        "parties. For more information see our Privacy Policy.\n\nafter newsletter promotion\n\n"
        "The shelling followed days of clashes along the border, residents said.\n\n"
        "Explore more on these topics\nSyria\nTurkey\nShare\nReuse this content\n"
    ),
    "reuters": (
        "Iraqi forces advance in Mosul's Old City\nBy Isabel Coles\n3 minute read\nJune 12, 2017 10:41 AM UTC\n\n"
        "MOSUL, Iraq (Reuters) - Iraqi forces advanced on Monday into the Old City of Mosul, a spokesman said.\n\n"
        "The militants are using civilians as human shields, the spokesman said.\n\n"
        "Reporting by Isabel Coles; Editing by Janet Lawrence\n"
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab\n"
    ),
    "ap": (
        "Airstrikes kill 12 in Yemen's capital, officials say\nBy AHMED AL-HAJ\n"
        "Updated 4:15 PM GMT, June 12, 2017\n\n"
        "SANAA, Yemen (AP) — Airstrikes by the Saudi-led coalition killed 12 people in Yemen's capital on Monday, "
        "health officials said.\n\nThe strikes hit a residential area in the north of the city.\n\n___\n\n"
        "Associated Press writer Maggie Michael in Cairo contributed to this report.\n\n"
        "Follow AP's coverage of the war in Yemen at https://apnews.com/hub/yemen\n"
    ),
}
PAGE_NEWS = {
    "bbc": ["retaken almost all of eastern Aleppo", "Tens of thousands of civilians are thought to be trapped"],
    "guardian": ["Turkish artillery shelled positions", "The shelling followed days of clashes"],
    "reuters": ["MOSUL, Iraq (Reuters) - Iraqi forces advanced", "using civilians as human shields"],
    "ap": ["SANAA, Yemen (AP) — Airstrikes", "The strikes hit a residential area"],
}
PAGE_FURNITURE = [
    "Published", "Share", "Image", "Thousands of civilians have fled", "Related", "More on this story",
    "What is left of the rebel enclave", "Chulov", "14.02", "Sign up", "newsletter", "Privacy", "Explore more",
    "Reuse", "Isabel Coles", "minute read", "10:41", "Editing by", "Trust Principles", "AHMED", "4:15 PM", "___",
    "contributed to this report", "Follow AP",
]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_outlet_page_shapes(name: str) -> None:
    r = clean_text(PAGES[name])
    assert r.title == PAGES[name].split("\n", 1)[0]
    _check(r.text, must=PAGE_NEWS[name], must_not=PAGE_FURNITURE)
    assert r.meta["date_lines"]


def test_reader_comment_section_is_dropped() -> None:
    text = (
        "Talks on Syria stall\n\n"
        "Diplomats failed to agree on a ceasefire plan in Geneva on Tuesday, officials said.\n\n"
        "The next round is expected in two weeks.\n\n"
        "At 14:02 3rd May 2012, peacenik wrote: This will never work.\n"
        "Nobody trusts anybody here.\n"
        "At 15:10 3rd May 2012, realist99 wrote: Give it time.\n"
    )
    r = clean_text(text)
    assert r.text.endswith("The next round is expected in two weeks.")
    assert r.meta["removed_reasons"].count("reader comments") == 3


def test_wire_header_before_dateline_goes_to_meta() -> None:
    text = (
        "By Jane Roe , Health Editor WASHINGTON | Mon Mar 2 , 2009 4:23 pm EST WASHINGTON -LRB- Reuters -RRB- - "
        "Virtually all cases of the most common flu strain now resist the main drug , officials said . \n"
        "Four patients infected with the resistant strain have died . \n"
    )
    r = clean_text(text)
    assert r.text.startswith("WASHINGTON -LRB- Reuters -RRB- - Virtually all cases")
    assert r.meta["date_lines"] == ["By Jane Roe , Health Editor WASHINGTON | Mon Mar 2 , 2009 4:23 pm EST"]


def test_every_gold_evidence_survives_cleaning() -> None:
    gold = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "raqqa-seeds" / "gold.jsonl"
    if not gold.exists():
        pytest.skip("../shared/samples is not available")

    def norm(text: str) -> str:
        return " ".join(text.replace("’", "'").replace("‘", "'").split())

    cleaned = {p.name: norm(clean_text(p.read_text(encoding="utf-8")).text) for p in EXAMPLES.glob("*.txt")}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows
    for row in rows:
        assert norm(row["evidence"]) in cleaned[row["doc"]], (row["doc"], row["evidence"])


def test_section_labels_above_the_headline_are_dropped() -> None:
    r = clean_text("World\nMiddle East\n\nRebels seize town in north\n\nRebels seized the town on Monday, officials said.")
    assert r.title == "Rebels seize town in north"
    assert r.text == "Rebels seized the town on Monday, officials said."

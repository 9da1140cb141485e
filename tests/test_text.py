"""The sentence splitter on glued scraped text (headline, standfirst and captions run into the lede)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.text import _GLUE_LEFT, _left_word, split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences("t", text)]


def test_caption_glued_to_the_next_sentence_is_cut_off():
    text = ("Yemen conflict : Port city shelled again Residents said the bombardment lasted all night "
            "The coalition has denied targeting homes in Hodeidah . Aid groups said food was running out .")
    assert _texts(text) == ["Yemen conflict : Port city shelled again",
                            "Residents said the bombardment lasted all night",
                            "The coalition has denied targeting homes in Hodeidah .",
                            "Aid groups said food was running out ."]


def test_glue_before_a_pronoun_or_quantifier():
    text = ("Fighting spread across the north They said the convoy was ambushed near Gao on Monday . "
            "Dozens of people fled Gao on Tuesday .")
    assert _texts(text) == ["Fighting spread across the north", "They said the convoy was ambushed near Gao on Monday .",
                            "Dozens of people fled Gao on Tuesday ."]


def test_glue_after_a_closing_quote():
    text = "Mali talks stall as envoy warns of `` a long war '' Mali has suspended talks with the rebels ."
    assert _texts(text) == ["Mali talks stall as envoy warns of `` a long war ''",
                            "Mali has suspended talks with the rebels ."]


def test_names_titles_and_reported_speech_stay_whole():
    for text in ("The talks were held in The Hague on Monday .",
                 "He told The New York Times that the rebels were retreating .",
                 "Officials said Security Council members would meet again .",
                 "The group Human Rights Watch said 20 people were killed .",
                 "Fighters of the rebel Free Syrian Army entered the town .",
                 "The camp at Guantánamo Bay remains open .",
                 "Troops entered the Syrian capital Damascus on Friday .",
                 "Plan A is to hold the town , the officer said .",
                 "Fighters loyal to the general Militants attacked the base ."):
        assert _texts(text) == [text], text


def test_a_topic_title_ends_where_the_next_sentence_is_glued_on():
    text = ("Yemen crisis : Fighting spreads to port Coalition jets have struck Hodeidah again , residents say . "
            "Aid groups said food was running out .")
    assert _texts(text)[:2] == ["Yemen crisis : Fighting spreads to port",
                                "Coalition jets have struck Hodeidah again , residents say ."]
    # only at the start of an article, and a name in the title stays in it
    assert _texts("Aid : Yemen talks in Geneva stall . Coalition jets struck Hodeidah .")[0] == \
        "Aid : Yemen talks in Geneva stall ."
    body = "Officials said . Yemen crisis : Fighting spreads to port Coalition jets have struck Hodeidah ."
    assert _texts(body)[1] == "Yemen crisis : Fighting spreads to port Coalition jets have struck Hodeidah ."


def test_glue_after_a_quotation_before_a_quantifier():
    text = "The envoy said it had been `` a long war '' At least 90 people were killed in Gao ."
    assert _texts(text) == ["The envoy said it had been `` a long war ''", "At least 90 people were killed in Gao ."]


def test_glue_false_splits_on_punctuation_only():
    text = "Yemen crisis : Port shelled Residents fled They said the coalition struck at night . Aid ran out ."
    assert [s.text for s in split_sentences("t", text, glue=False)] == [
        "Yemen crisis : Port shelled Residents fled They said the coalition struck at night .", "Aid ran out ."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_Z9'-” .,é\u00a0\u0663")), max_size=30), st.integers(0, 30))
def test_left_word_is_the_glue_left_pattern(text, end):
    """The backward scan reads the same word as ``_GLUE_LEFT.search(text, 0, end)``."""
    end = min(end, len(text))
    m = _GLUE_LEFT.search(text, 0, end)
    assert _left_word(text, end) == (m.group(1) if m else None)

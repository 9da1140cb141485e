"""find_sources / resolve_sources / is_hedged on hand-built sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.actors import find_sources, is_hedged, resolve_sources


def sources(text: str) -> list[str]:
    return [s.name for s in find_sources(text)]


@pytest.mark.parametrize("text,expected", [
    ("The Syrian Observatory for Human Rights said on Monday that 12 people died.",
     ["Syrian Observatory for Human Rights"]),
    ("Fighting raged near the stadium, the Britain-based monitor said.", ["Syrian Observatory for Human Rights"]),
    ("Observatory chief Rami Abdulrahman told AFP that the toll would rise.", ["Syrian Observatory for Human Rights"]),
    ("At least 40 fighters died, according to the SOHR.", ["Syrian Observatory for Human Rights"]),
    ("About 160,000 civilians remain in the city, according to the UN.", ["United Nations"]),
    ("The troops advanced up the road, according to monitors.", ["monitors"]),
    ("SANA reported that two soldiers were killed.", ["SANA"]),
    ("The Pentagon said the strike targeted a senior commander.", ["US officials"]),
    ("Russia's defence ministry said its jets had hit 30 targets.", ["Russian Defence Ministry"]),
    ("Hospital officials said 14 bodies had been brought in.", ["medical sources"]),
    ("Residents told Reuters the town was quiet.", ["residents"]),
    ("The battle could last weeks, said Talal Silo, a spokesman for the SDF.", ["Syrian Democratic Forces"]),
    ("The city was bombed again, Kurdish-led forces said.", ["Syrian Democratic Forces"]),
    ("The strike killed 24 people, including five minors, reports Efe news.", ["EFE"]),
    ("Graphic photos posted on social media showed the bodies.", ["social media"]),
    ("The forces entered the district, the SDF and the Observatory said.",
     ["Syrian Democratic Forces", "Syrian Observatory for Human Rights"]),
    ("UNICEF warned that children were trapped in the old city.", ["UNICEF"]),
    ("The US-led coalition said it had carried out 15 strikes.", ["US-led coalition"]),
    ("According to a statement from the SDF, the operation is ongoing.", ["Syrian Democratic Forces"]),
    ("The toll, compiled by the Syrian Network for Human Rights, stands at 1,200.",
     ["Syrian Network for Human Rights"]),
    ('"We will not leave," said one resident, who asked not to be named.', ["residents"]),
    ("Two security sources told Reuters the convoy was ambushed.", ["security sources"]),
    ("Sudan's army said it had regained the bridge, but the RSF denied the claim.",
     ["Sudanese Armed Forces", "Rapid Support Forces"]),
    ("A Houthi military spokesman, Yahya Saree, said the group fired missiles at a ship.", ["Houthis"]),
    ("RSF fighters killed dozens of civilians in El Fasher, the Sudan Doctors Network said.",
     ["Sudan Doctors Network"]),
    ("Speaking to AFP, a military source said 30 jihadists were killed.", ["security sources"]),
    ("Nigeria's army said troops killed 20 Boko Haram fighters.", ["Nigerian forces"]),
    ("Malian authorities said the convoy was ambushed.", ["Malian forces"]),
])
def test_named_sources(text: str, expected: list[str]) -> None:
    assert sources(text) == expected


def test_speaker_not_the_outlet_told() -> None:
    text = "Ahmad, a Tabqa-based activist who gave only his first name, told Al Jazeera that food was scarce."
    assert sources(text) == ["activists"]
    text = "Omar Alloush of the Raqqa Civilian Council told The Associated Press on Friday that 100 fighters surrendered."
    assert sources(text) == ["Raqqa Civilian Council"]


def test_apposition_prefers_named_source() -> None:
    text = ("Raqqa is Being Slaughtered Silently, an activist group in Raqqa, said coalition air strikes "
            "destroyed several buildings.")
    assert sources(text) == ["Raqqa is Being Slaughtered Silently"]
    text = ("The Syrian Observatory for Human Rights, a Britain-based monitoring group with activists on the "
            "ground, said talks had delayed the push.")
    assert sources(text) == ["Syrian Observatory for Human Rights"]


def test_unknown_speaker_keeps_surface() -> None:
    found = find_sources("John Smith said the convoy was hit twice.")
    assert [(s.name, s.source_id) for s in found] == [("John Smith", None)]
    text = "John Smith said the convoy was hit twice."
    assert text[found[0].start:found[0].end] == "John Smith"


def test_the_group_said_is_the_actor_of_the_sentence() -> None:
    found = find_sources("Hayat Tahrir al-Sham fighters took the town, the group said in a statement.")
    assert [(s.surface, s.name) for s in found] == [("the group", "Hayat Tahrir al-Sham")]


def test_not_attribution() -> None:
    assert sources("The blast claimed the lives of 20 people.") == []
    assert sources("They were said to be heading towards Tabqa.") == []
    assert sources("The reported location of the advance was marked in red.") == []
    assert sources("Your support helps us to tell the story.") == []
    assert sources("") == []


def test_pronoun_sources_are_resolved_across_sentences() -> None:
    texts = ["Abdel Rahman said the toll had risen to 58.",
             "It said the fighting had left 12 fighters dead.",
             "Nothing else happened."]
    resolved = resolve_sources(texts)
    assert [s.name for s in find_sources(texts[1])] == ["it"]
    assert [s.name for s in resolved[1]] == ["Syrian Observatory for Human Rights"]
    assert resolved[2] == []


def test_press_release_resolved_to_earlier_source() -> None:
    texts = ["US-backed Syrian Democratic Forces (SDF) captured two districts, the group said in a press release.",
             "The SDF are battling ISIL for control of Hittin, the press release said."]
    assert [[s.name for s in r] for r in resolve_sources(texts)] == [
        ["Syrian Democratic Forces"], ["Syrian Democratic Forces"]]


@pytest.mark.parametrize("text,hedged", [
    ("Troops were reportedly pushing up a main road.", True),
    ("The militant was allegedly killed by Syrian forces.", True),
    ("3,000 fighters are thought to be holed up in the city.", True),
    ("An estimated 4,000 civilians are believed still trapped.", True),
    ("The figures could not be independently verified.", True),
    ("IS claimed the attack.", True),
    ("The SDF captured the Mashlab neighbourhood on Tuesday.", False),
    ("At least 24 civilians were killed, the Observatory said.", False),
])
def test_is_hedged(text: str, hedged: bool) -> None:
    assert is_hedged(text) is hedged


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("said told IS the, .\"'’ according to SOHR Aa\n")) | st.characters(),
               max_size=120))
def test_never_crashes_and_offsets_valid(text: str) -> None:
    for s in find_sources(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.surface

"""Event typing: CASE 2021 labels for hand-made sentences in varied wording, ACLED mapping, modes."""

from __future__ import annotations

import pytest

from sitrep.events import typing as et
from sitrep.records import Sentence

# Written for these tests (not taken from the dev data or the training seeds).
EXAMPLES = [
    ("ARMED_CLASH", "Fighting raged for hours between the army and the insurgents near the airport, leaving 11 soldiers dead."),
    ("ARMED_CLASH", "Rebels and pro-government militiamen exchanged heavy gunfire in the southern suburbs overnight."),
    ("GOV_REGAINS_TERIT", "The military said its units had retaken the strategic hill town from the jihadists on Thursday."),
    ("NON_STATE_ACTOR_OVERTAKES_TER", "Insurgents seized control of the district headquarters after the police fled."),
    ("AIR_STRIKE", "Russian jets bombed a hospital in the rebel-held enclave, killing four medics."),
    ("AIR_STRIKE", "A US drone strike killed a senior al-Shabaab commander near the town."),
    ("ART_MISS_ATTACK", "Shells fired by government forces hit a crowded neighbourhood, wounding 14 residents."),
    ("ART_MISS_ATTACK", "Militants launched several rockets at the military airbase late on Friday."),
    ("SUIC_BOMB", "A suicide bomber detonated his explosives belt at a wedding party, killing 22 guests."),
    ("REM_EXPLOS", "Three soldiers died when their armoured vehicle hit a roadside bomb on the main highway."),
    ("REM_EXPLOS", "An IED planted near the market exploded, injuring five shoppers."),
    ("GRENADE", "A grenade was tossed into a crowded bus terminal, injuring nine people."),
    ("CHEM_WEAP", "Doctors said victims showed signs of exposure to chlorine gas after the attack on the village."),
    ("ATTACK", "Unknown gunmen shot dead six farmers working in their fields on Sunday."),
    ("ABDUCT_DISSAP", "Armed bandits kidnapped a priest and two travellers on the highway and demanded ransom."),
    ("SEX_VIOL", "Several women said they were raped by soldiers during the military operation."),
    ("PEACE_PROTEST", "Hundreds of nurses marched to the health ministry to demand higher wages."),
    ("PROTEST_WITH_INTER", "Police fired tear gas and detained dozens of students who were protesting against the new law."),
    ("FORCE_AGAINST_PROTEST", "Security forces shot dead five demonstrators during protests against the election result."),
    ("VIOL_DEMONSTR", "Protesters hurled stones at police and set a government vehicle on fire."),
    ("MOB_VIOL", "An angry mob lynched two men suspected of stealing cattle."),
    ("AGREEMENT", "The government and the rebels signed a ceasefire deal to end three years of fighting."),
    ("ARREST", "Police arrested the editor of an opposition newspaper at his home."),
    ("DISR_WEAP", "Soldiers found a weapons cache containing rifles, ammunition and explosives in a cave."),
    ("HQ_ESTABLISHED", "The armed group set up a new base in the abandoned school."),
    ("NATURAL_DISASTER", "A powerful earthquake of magnitude 7.1 shook the region, collapsing dozens of houses."),
    ("MAN_MADE_DISASTER", "A fire at a chemical factory killed eleven workers."),
    ("ORG_CRIME", "Police broke up a drug smuggling gang and seized 300 kilograms of heroin."),
    ("DIPLO", "The foreign ministry summoned the ambassador and threatened new sanctions."),
    ("ATTRIB", "The militant group claimed responsibility for the attack in a statement on its news agency."),
]


@pytest.mark.parametrize(("expected", "text"), EXAMPLES, ids=[f"{e}-{i}" for i, (e, _) in enumerate(EXAMPLES)])
def test_full_model_types_sentence(expected: str, text: str) -> None:
    label, conf = et.classify(text, mode="full")
    assert label == expected, (label, conf)
    assert 0.0 < conf <= 1.0


def test_auto_and_fast_modes_agree_mostly() -> None:
    texts = [t for _, t in EXAMPLES]
    gold = [e for e, _ in EXAMPLES]
    auto = [label for label, _ in et.classify_many(texts, mode="auto")]
    fast = [label for label, _ in et.classify_many(texts, mode="fast")]
    assert sum(a == g for a, g in zip(auto, gold, strict=True)) >= len(gold) - 2
    assert sum(f == g for f, g in zip(fast, gold, strict=True)) >= len(gold) - 5


def test_classify_many_batches_like_single_calls() -> None:
    texts = [t for _, t in EXAMPLES[:6]]
    batched = et.classify_many(texts, mode="full")
    single = [et.classify(t, mode="full") for t in texts]
    assert [b[0] for b in batched] == [s[0] for s in single]
    for (_, a), (_, b) in zip(batched, single, strict=True):
        assert a == pytest.approx(b, abs=1e-4)


def test_empty_and_odd_inputs() -> None:
    assert et.classify_many([]) == []
    label, conf = et.classify("")
    assert label in et.LABELS and 0.0 <= conf <= 1.0
    with pytest.raises(ValueError):
        et.classify_many(["x"], mode="slow")


def test_to_acled_names() -> None:
    assert et.to_acled("AIR_STRIKE") == ("Explosions/Remote violence", "Air/drone strike")
    assert et.to_acled("NON_STATE_ACTOR_OVERTAKES_TER") == ("Battles", "Non-state actor overtakes territory")
    assert et.to_acled("PROPERTY_DISTRUCT") == ("Strategic developments", "Looting/property destruction")
    assert et.to_acled("FORCE_AGAINST_PROTEST") == ("Protests", "Excessive force against protesters")
    for label in ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"):
        assert et.to_acled(label) is None
    assert len(et.ACLED_LABELS) == 25 and len(et.LABELS) == 30
    assert set(et.model().labels) == set(et.LABELS)
    with pytest.raises(ValueError):
        et.to_acled("BATTLE")


def test_event_candidates() -> None:
    assert et.is_event_candidate("Coalition air strikes hit the old city on Monday.")
    assert et.is_event_candidate(Sentence("a", 0, 0, 10, "Five civilians were killed in the shelling."))
    assert et.is_event_candidate("SDF fighters captured the Mashlab district.")
    assert not et.is_event_candidate("The city lies on the north bank of the Euphrates.")
    assert not et.is_event_candidate("He is a professor of history at the university.")
    assert not et.is_event_candidate("Raqqa was the de facto capital of the group's self-declared caliphate.")


def test_classify_event_thresholds() -> None:
    assert et.classify_event("The river is wide here and the weather was warm.") is None
    got = et.classify_event("Warplanes bombed the market, killing 12 people.")
    assert got is not None and got[0] == "AIR_STRIKE"


def test_cue_literal_starts_are_read_from_the_pattern() -> None:
    from sitrep.events.typing_rules import literal_starts

    assert literal_starts(r"\bgunmen\b|\bassailants?\b|\bkill(?:ed|ing) (?:\w+ )?people\b") == {
        "gunmen", "assailant", "kill"}
    assert literal_starts(r"(?:heavy |fierce )?fighting") is None  # an optional start
    assert literal_starts(r"(?i:rebels)") is None and literal_starts(r"(?i)rebels") is None  # case-folded
    assert literal_starts(r"\b[Tt]ruce") is None


def test_prefiltered_cues_fire_as_every_cue_searched() -> None:
    import json
    from pathlib import Path

    from sitrep.events import typing_rules as tr
    from sitrep.text import split_sentences

    path = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "events" / "articles.jsonl"
    if not path.exists():
        pytest.skip("no dev articles")
    texts = [s.text for line in path.open() for s in split_sentences("a", json.loads(line).get("text", ""))]
    for text in texts[:3000]:
        low = text.lower()
        assert tr._fires.__wrapped__(text) == tuple(p.search(low) is not None for p in tr._compiled())

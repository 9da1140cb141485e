"""find_actors / canonical_actor / load_actors on hand-built sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.actors import canonical_actor, find_actors, load_actors, state_forces


def names(text: str, **kw: object) -> list[str]:
    return [m.name for m in find_actors(text, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "ISIL fighters withdrew from the town overnight.",
    "Isis has lost most of its territory.",
    "The ISIS stronghold fell on Sunday.",
    "Daesh shelled the village.",
    "Fighters of the Islamic State of Iraq and the Levant retreated.",
    "The so-called Islamic State claimed the attack.",
    "IS militants attacked a checkpoint.",
    "They recaptured IS-held districts.",
    "ISIL's de facto capital is under siege.",
])
def test_islamic_state_aliases(text: str) -> None:
    assert names(text) == ["Islamic State"]


def test_is_only_as_capital_token() -> None:
    assert names("This is what it is, and it is hard.") == []
    assert names("IS is retreating.") == ["Islamic State"]


def test_generic_noun_absorbed_into_known_actor() -> None:
    found = find_actors("Dozens of IS militants and SDF fighters were killed.")
    assert [(m.surface, m.name) for m in found] == [
        ("IS militants", "Islamic State"), ("SDF fighters", "Syrian Democratic Forces")]


def test_offsets_point_at_surface() -> None:
    text = "On Monday, U.S.-backed forces and Kurdish YPG fighters pushed into Raqqa, residents said."
    for m in find_actors(text):
        assert text[m.start:m.end] == m.surface


def test_descriptors_are_lower_confidence() -> None:
    found = find_actors("The US-backed Kurdish-led forces fighting the jihadists said they advanced.")
    sdf = [m for m in found if m.name == "Syrian Democratic Forces"]
    assert sdf and sdf[0].score < 1.0 and sdf[0].surface == "US-backed Kurdish-led forces"
    assert find_actors("The Syrian Democratic Forces advanced.")[0].score == 1.0


def test_parent_group() -> None:
    m = find_actors("The Kurdish People's Protection Units held the line.")[0]
    assert (m.name, m.parent, m.inter) == ("YPG", "Syrian Democratic Forces", 2)


def test_coalition_depends_on_country() -> None:
    assert names("Coalition air strikes hit the market.") == ["US-led coalition"]
    assert names("The coalition bombed the port of Hodeidah.", country="YE") == ["Saudi-led coalition"]
    assert names("The ruling coalition met on Monday.") == []


def test_government_forces_use_the_country_hint() -> None:
    assert names("Government forces shelled the suburb.", country="SY") == ["Syrian government forces"]
    assert names("Government forces shelled the suburb.", country="IQ") == ["Iraqi forces"]
    m = find_actors("Government forces shelled the suburb.")[0]
    assert (m.actor_id, m.name, m.inter) == (None, "Government forces", 1)


def test_regime_descriptions() -> None:
    for text in ("Regime troops entered the town.", "Troops loyal to Bashar al-Assad entered the town.",
                 "President Bashar al-Assad's forces entered the town.", "The Syrian army entered the town."):
        assert names(text) == ["Syrian government forces"], text


def test_coordinated_demonyms() -> None:
    found = find_actors("Clashes were supported by Syrian and Russian air strikes.")
    assert [(m.surface, m.name) for m in found] == [
        ("Syrian", "Syrian government forces"), ("Russian air strikes", "Russian forces")]


def test_state_forces_inter_home_and_abroad() -> None:
    assert find_actors("Russian jets struck the town.")[0].inter == 8
    assert find_actors("Russian jets struck the town.", country="RU")[0].inter == 1
    assert find_actors("Russian jets struck the town.", country="SY")[0].inter == 8
    assert find_actors("Israeli tanks entered Rafah.", country="IL")[0].inter == 1


def test_country_as_agent() -> None:
    m = find_actors("Turkey launched air strikes on Kurdish positions.")[0]
    assert (m.surface, m.name) == ("Turkey", "Turkish armed forces") and m.score < 1


def test_civilians_protesters() -> None:
    found = find_actors("Three children and two women were among the residents killed; protesters gathered.")
    assert {(m.name, m.inter) for m in found} == {("Civilians", 7), ("Protesters", 6)}


def test_unidentified_and_unknown_groups() -> None:
    assert names("Unidentified gunmen opened fire.") == ["Unidentified armed group"]
    found = find_actors("The Hamza Brigade and Jaish al-Fatah clashed with the Sultan Murad militia.")
    assert [(m.actor_id, m.name) for m in found] == [
        (None, "Hamza Brigade"), (None, "Jaish al-Fatah"), (None, "Sultan Murad militia")]


def test_known_group_beats_unknown_shape() -> None:
    assert names("The Free Syrian Army and Jaysh al-Islam withdrew.") == ["Free Syrian Army", "Jaysh al-Islam"]
    assert names("US-backed Syrian Democratic Forces advanced.") == ["Syrian Democratic Forces"]


@pytest.mark.parametrize("text,expected", [
    ("Hayat Tahrir al-Sham (HTS) took Saraqib.", "Hayat Tahrir al-Sham"),
    ("Hezbollah fighters crossed the border.", "Hezbollah"),
    ("PKK militants ambushed a convoy.", "PKK"),
    ("Peshmerga forces retook the village.", "Peshmerga"),
    ("The Hashd al-Shaabi paramilitary entered Tal Afar.", "Popular Mobilization Forces"),
    ("Ansar Allah fired a missile.", "Houthis"),
    ("The Rapid Support Forces seized El Fasher.", "Rapid Support Forces"),
    ("The Sudanese army recaptured the bridge.", "Sudanese Armed Forces"),
    ("Al-Shabab fighters attacked a base.", "al-Shabaab"),
    ("Boko Haram abducted students.", "Boko Haram"),
    ("ISWAP claimed the raid.", "Islamic State West Africa Province"),
    ("The Taliban took Kunduz.", "Taliban"),
    ("Hamas gunmen fired rockets.", "Hamas"),
    ("The IDF said it struck targets.", "Israeli forces"),
    ("Ukrainian drones hit a refinery.", "Ukrainian forces"),
    ("Wagner mercenaries arrived in Bamako.", "Wagner Group"),
])
def test_other_conflicts(text: str, expected: str) -> None:
    assert expected in names(text)


def test_rebels_depend_on_country() -> None:
    assert names("Rebels shelled the city.") == ["Rebel groups"]
    assert names("Rebels shelled the city.", country="YE") == ["Houthis"]


def test_generic_rebels_are_named_by_the_country_they_fight_in() -> None:
    assert names("Rebels shelled the city.", country="SY") == ["Syrian rebels"]
    assert names("Opposition fighters held the district.", country="SY") == ["Syrian rebels"]
    assert names("Rebel forces attacked a checkpoint.", country="LY") == ["Libyan rebels"]
    assert names("Rebel forces attacked a checkpoint.") == ["Rebel groups"]  # no country: the generic name


@pytest.mark.parametrize("text", [
    "Civilians were killed in shelling by forces loyal to Syria’s Bashar al-Assad in eastern Ghouta.",
    "The town fell as forces loyal to Assad’s regime advanced.",
    "Forces loyal to the regime shelled the town.",
    "Several towns have surrendered to the forces of President Bashar al-Assad.",
])
def test_forces_loyal_to_the_regime_are_syrian_government_forces(text: str) -> None:
    assert "Syrian government forces" in names(text, country="SY")


def test_canonical_actor() -> None:
    for alias in ("ISIL", "Daesh", "Isis", "Islamic State", "islamic_state", "the Islamic State group"):
        m = canonical_actor(alias)
        assert m is not None and m.name == "Islamic State", alias
    sdf = canonical_actor("SDF")
    assert sdf is not None and (sdf.actor_id, sdf.inter) == ("sdf", 2)
    ypg = canonical_actor("Kurdish YPG militia")
    assert ypg is not None and ypg.parent == "Syrian Democratic Forces"
    assert canonical_actor("banana") is None
    assert canonical_actor("is") is None


def test_load_actors_merges_user_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "actor_id\tname\tinter\tparent\tcountry\tdemonyms\taliases\n"
        "hamza\tHamza Division\t2\tsna\tSY\t\tHamza Division|al-Hamza|Firqat al-Hamza\n"
        "sdf\t\t\t\t\t\tQSD fighters|Qasad forces\n",
        encoding="utf-8")
    d = load_actors([extra])
    found = find_actors("Al-Hamza fighters clashed with Qasad forces.", dictionary=d)
    assert [(m.name, m.parent) for m in found] == [
        ("Hamza Division", "Syrian National Army"), ("Syrian Democratic Forces", None)]
    # the packaged dictionary is unchanged
    assert [m.actor_id for m in find_actors("Al-Hamza fighters clashed.")] != ["hamza"]


def test_load_actors_rejects_bad_rows(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("actor_id\tname\tinter\nx\tX\t9\n", encoding="utf-8")
    with pytest.raises(ValueError, match="inter"):
        load_actors([bad])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ISILsdfSDF -'’.,aAbBeE\n")) | st.characters(), max_size=80))
def test_never_crashes_and_offsets_valid(text: str) -> None:
    for m in find_actors(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface


def test_capitals_headings_and_officials_are_not_actors() -> None:
    assert names("WHAT KIND OF FLU IS IT AND HOW IS IT SPREADING ?") == []
    assert names("Canadian and Mexican authorities are in contact.") == []
    assert names("Fulani herdsmen attacked the village; vigilantes repelled them.") == [
        "Fulani ethnic militia", "Vigilante groups"]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60))
def test_normalise_and_fold_keep_length(text: str) -> None:
    from sitrep.actors.lexicon import fold, normalise

    assert len(normalise(text)) == len(text)
    assert len(fold(normalise(text))) == len(text)
    assert normalise(normalise(text)) == normalise(text)


def test_user_alias_wins_over_packaged_alias(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("actor_id\tname\tinter\taliases\naz\tAzeri army\t1\tAzerbaijani army|Azeri troops\n",
                     encoding="utf-8")
    found = find_actors("The Azerbaijani army shelled the town.", dictionary=load_actors([extra]))
    assert [m.name for m in found] == ["Azeri army"]


def test_generic_names_take_the_country_of_the_event() -> None:
    d = load_actors()
    assert d.name_in("Government forces", "SY") == "Syrian government forces"
    assert d.name_in("Rebel groups", "SY") == "Syrian rebels"
    assert d.name_in("Government forces", None) == "Government forces"
    assert d.name_in("Islamic State", "SY") == "Islamic State"


@pytest.mark.parametrize("phrase", ["The government", "the regime", "security forces", "government troops",
                                    "the army", "regime forces", "government tanks and artillery"])
def test_generic_state_phrase_is_the_focus_countrys_forces(phrase: str) -> None:
    m = state_forces(phrase, country="SY")
    assert m is not None and (m.name, m.inter) == ("Syrian government forces", 1)
    iraq = state_forces(phrase, country="IQ")
    assert iraq is not None and iraq.name != m.name


@pytest.mark.parametrize("phrase", ["the forces", "its soldiers", "Turkish troops", "Turkey's army", "rebels", "tanks",
                                    "army deserters", "a group of saboteurs"])
def test_other_phrases_are_no_state(phrase: str) -> None:
    assert state_forces(phrase, country="SY") is None


def test_the_focus_countrys_own_name_before_a_generic_noun() -> None:
    for phrase in ("Syria 's state military", "Syria's army", "Syrian forces"):
        m = state_forces(phrase, country="SY")
        assert m is not None and m.name == "Syrian government forces"
        assert state_forces(phrase, country="IQ") is None  # another country's forces are not Iraq's


def test_no_state_without_a_country() -> None:
    assert state_forces("the government", country=None) is None


def test_kurdish_led_forces_are_the_sdf_even_in_an_iraq_story() -> None:
    text = "Isis members surrendered to Kurdish-led forces near Deir ez-Zor, while Kurdish forces held Kirkuk."
    names = [(m.surface, m.name) for m in find_actors(text, country="IQ")]
    assert ("Kurdish-led forces", "Syrian Democratic Forces") in names  # "Kurdish-led": the SDF's descriptor
    assert ("Kurdish forces", "Peshmerga") in names  # plain "Kurdish forces" in Iraq stay the Peshmerga


def test_turkish_forces_take_the_gold_conventions_name() -> None:
    m = find_actors("Turkish troops shelled Afrin.", country="SY")[0]
    assert (m.name, m.inter) == ("Turkish armed forces", 8)
    assert canonical_actor("Turkish forces") is not None


@pytest.mark.parametrize("text", ["An Israeli air strike on a school killed 30 people.",
                                  "A Russian drone strike hit the port overnight.",
                                  "A Russian missile hit a hospital in the city.",
                                  "An Israeli raid on the camp left two dead."])
def test_a_demonym_before_a_single_strike_names_the_states_forces(text: str) -> None:
    names = [a.name for a in find_actors(text)]
    assert names and names[0] in ("Israeli forces", "Russian forces")


@pytest.mark.parametrize(("text", "name"), [("A Russian guided bomb hit an industrial site.", "Russian forces"),
                                            ("A Russian cruise missile hit the city.", "Russian forces"),
                                            ("An Israeli bomb hit the house.", "Israeli forces")])
def test_a_demonym_before_a_guided_bomb_or_cruise_missile_names_the_states_forces(text: str, name: str) -> None:
    assert [a.name for a in find_actors(text)][:1] == [name]


def test_forces_owned_by_its_are_the_forces_of_the_state_named_before() -> None:
    text = "Russia's defence ministry claimed its troops had taken the village of Synkivka."
    assert [a.name for a in find_actors(text, country="UA")] == ["Russian forces"]
    # no owner named in the sentence: the generic reading stands
    assert [a.name for a in find_actors("The ministry said its troops were on alert.", country="UA")] == [
        "Ukrainian forces"]


@pytest.mark.parametrize("text,expected", [
    ("Russia's defence ministry said its forces had taken full control of the town.", ["Russian forces"]),
    ("The Houthis said their fighters had shot down a drone.", ["Houthis"]),
    ("The ministry said its forces were on alert.", []),  # no owner named: a bare "forces" is anyone's
])
def test_a_bare_force_noun_owned_by_its_or_their_is_the_owners(text: str, expected: list[str]) -> None:
    owned = re.search(r"(?:its|their) (\w+)", text)
    assert owned is not None
    at = [a.name for a in find_actors(text, country="UA") if a.start == owned.start(1)]
    assert at == expected


@pytest.mark.parametrize("text,expected", [
    ("Members of the Gran Grif gang killed at least 70 people in Pont-Sonde.", "Gran Grif Gang"),
    ("Gunmen from the Sinaloa Cartel killed 16 people in Culiacan.", "Sinaloa Cartel"),
    ("The CJNG attacked a police convoy in Michoacan.", "Jalisco New Generation Cartel"),
    ("The Gulf Clan ambushed soldiers in Antioquia.", "Clan del Golfo"),
    ("Ambazonian separatists attacked a school in Bamenda.", "Ambazonian separatists"),
    ("Lakurawa militants killed 15 villagers in Kebbi.", "Lakurawa"),
    ("Maoist rebels ambushed police in Chhattisgarh.", "Maoist rebels"),
    ("The New People's Army attacked an army detachment.", "New People's Army"),
])
def test_armed_groups_of_other_conflicts(text: str, expected: str) -> None:
    assert expected in names(text)


@pytest.mark.parametrize("text", [
    "Let the talks begin, the minister said.",
    "Officials let the convoy pass.",
])
def test_mixed_case_acronyms_match_only_exactly(text: str) -> None:
    assert "Lashkar-e-Taiba" not in names(text)


@pytest.mark.parametrize("text,expected", [
    ("The Kachin Independence Army seized a military post near Bhamo.", "Kachin Independence Army"),
    ("The Karen National Liberation Army attacked a junta base.", "Karen National Union"),
    ("Fulani militants killed 40 farmers in Plateau state.", "Fulani ethnic militia"),
    ("Amhara militiamen clashed with federal troops near Gondar.", "Fano"),
])
def test_armed_groups_are_kept_apart(text: str, expected: str) -> None:
    assert expected in names(text)
    assert "Three Brotherhood Alliance" not in names(text)


def test_resistance_fighters_in_myanmar_are_the_pdf() -> None:
    assert [a.name for a in find_actors("Resistance fighters ambushed a convoy.", country="MM")] == [
        "People's Defence Force"]
    assert find_actors("Resistance fighters ambushed a convoy.", country="UA") == []


@pytest.mark.parametrize("text,country,expected", [
    ("Islamic State's Khorasan branch claimed responsibility for the attack.", "AF", "Islamic State Khorasan Province"),
    ("Maute group gunmen held buildings in Marawi.", "PH", "Maute Group"),
    ("The Coalition of Patriots for Change attacked two positions outside Bangui.", "CF",
     "Coalition of Patriots for Change"),
    ("Forces loyal to Riek Machar clashed with government troops.", "SS", "SPLM/A-IO"),
    ("Mahdi Army militiamen fought U.S. troops in Najaf.", "IQ", "Mahdi Army"),
    ("U.S. troops raided an al-Qaida in Iraq safe house.", "IQ", "al-Qaeda in Iraq"),
])
def test_armed_groups_of_other_wars_are_named(text: str, country: str, expected: str) -> None:
    assert expected in [a.name for a in find_actors(text, country=country)]
    assert "Iraqi forces" not in [a.name for a in find_actors(text, country=country)]


def test_gadhafi_loyalists_are_the_old_regimes_forces() -> None:
    assert [a.name for a in find_actors("Gadhafi loyalists fired on rebels from rooftops in Tripoli.", country="LY")][
        0] == "Gadhafi forces"


def test_fighters_linked_to_a_group_are_not_the_group() -> None:
    from sitrep.actors.match import find_actors
    assert find_actors("The area was taken over by al-Qaida-linked fighters last month.", country="SY") == []
    assert [a.name for a in find_actors("Al-Qaida fighters attacked the town.", country="SY")] == ["al-Qaeda"]


def test_state_agents_by_office_are_the_states_forces_as_doers() -> None:
    m = state_forces("security officials", country="SY")
    assert m is not None and m.name == "Syrian government forces"
    assert names("Syrian security officials said the mosque was calm.", country="SY") == []  # no actor as a source


@pytest.mark.parametrize("text,expected", [
    ("The army said soldiers had fired at a suspect in Jenin.", ["Israeli forces", "Israeli forces"]),
    ("Hamas said its military wing had fired rockets.", ["Hamas"]),
])
def test_the_army_in_the_palestinian_territories_is_israels(text: str, expected: list[str]) -> None:
    assert [a.name for a in find_actors(text, country="PS")] == expected


def test_forces_loyal_to_a_titled_commander_are_his_army() -> None:
    text = "Forces loyal to eastern commander Khalifa Haftar launched an air strike on Tripoli's airport."
    assert [a.name for a in find_actors(text, country="LY")] == ["Libyan National Army"]


@pytest.mark.parametrize("text,name", [
    ("Saudi-led coalition air strikes hit a funeral hall in Sanaa.", "Saudi-led coalition"),
    ("US-led coalition air strikes hit Raqqa.", "US-led coalition"),
    ("Coalition air strikes hit a market in Saada.", "Saudi-led coalition"),  # a Yemen story's coalition
])
def test_the_leader_before_coalition_air_strikes_names_the_coalition(text: str, name: str) -> None:
    assert [a.name for a in find_actors(text, country="YE")] == [name]

"""find_quantities: people counts with category, status and qualifiers (snippet expectations)."""

from __future__ import annotations

import pytest

from sitrep.events.quantities import find_quantities


def _one(sentence: str):
    qs = find_quantities(sentence)
    assert len(qs) == 1, [q.surface for q in qs]
    return qs[0]


@pytest.mark.parametrize(
    ("sentence", "value", "category", "status", "qualifier"),
    [
        ("At least 11 civilians were killed when jets struck a market in Idlib.", 11, "civilians", "killed", "at least"),
        ("The blast left nine soldiers dead and wrecked the checkpoint.", 9, "fighters", "killed", None),
        ("Gunmen abducted 43 students from a boarding school in Zamfara.", 43, "civilians", "captured", None),
        ("More than 200 Houthi fighters died in the fighting near Marib.", 200, "fighters", "killed", "more than"),
        ("Some 2,500 people have fled their homes since the shelling began.", 2500, "unknown", "displaced", "about"),
        ("Police said twenty-three protesters were wounded by rubber bullets.", 23, "civilians", "injured", None),
        ("Up to 40 rebels surrendered to the army on Sunday.", 40, "fighters", "surrendered", "up to"),
        ("The strike killed six children in the village.", 6, "children", "killed", None),
        ("Fourteen women were among those kidnapped on the highway.", 14, "women", "captured", None),
        ("Gunmen kidnapped 280 pupils from a school in Kuriga.", 280, "children", "captured", None),
    ],
)
def test_basic_counts(sentence, value, category, status, qualifier):
    q = _one(sentence)
    assert (q.value, q.category, q.status, q.qualifier) == (value, category, status, qualifier)


def test_dozens_is_twelve_with_range():
    q = _one("Dozens of villagers were killed in the raid on Kumba.")
    assert (q.value, q.min, q.category, q.status) == (12, 12, "civilians", "killed")


def test_scores_and_hundreds_are_vague_lower_bounds():
    qs = find_quantities("Scores of militants were killed and hundreds of residents displaced.")
    assert [(q.value, q.category, q.status) for q in qs] == [(20, "fighters", "killed"), (100, "civilians", "displaced")]


def test_more_than_a_dozen():
    q = _one("The group freed more than a dozen hostages held in the mountains.")
    assert (q.value, q.qualifier, q.status) == (12, "more than", "captured")


def test_range_and_present_people():
    qs = find_quantities("Officials said 2,000 to 3,000 militants are holed up in the old town, where 90,000 civilians remain.")
    assert [(q.value, q.min, q.max, q.status) for q in qs] == [(2000, 2000, 3000, "present"),
                                                               (90000, None, None, "present")]


def test_earlier_toll_kept_on_the_count():
    q = _one("Medics said the shelling killed 31 people in Donetsk, up from an earlier toll of 19.")
    assert (q.value, q.earlier_value, q.status) == (31, 19, "killed")


def test_breakdown_of_minors_and_women():
    q = _one("The air raid killed 17 people, including seven children and four women, in the suburb.")
    assert q.value == 17
    assert q.breakdown == {"children": 7, "women": 4}
    assert q.category == "civilians"


def test_cumulative_total_since():
    q = _one("The monitor said the toll brought civilian deaths in Russian strikes to a total of 112 since March 3.")
    assert (q.value, q.category, q.status, q.cumulative, q.qualifier) == (112, "civilians", "killed", True, "total since")


def test_so_far_is_cumulative():
    q = _one("So far, 64 soldiers have been killed in the operation.")
    assert q.cumulative and q.value == 64


def test_conjoined_counts_are_two_quantities():
    qs = find_quantities("At least 18 al-Shabaab militants had been killed, as well as four members of the Somali "
                         "security forces.")
    assert [(q.value, q.category, q.status) for q in qs] == [(18, "fighters", "killed"), (4, "fighters", "killed")]


def test_bare_toll_number():
    q = _one("The death toll rose to 57, the ministry said.")
    assert (q.value, q.status, q.category) == (57, "killed", "unknown")


def test_killing_and_wounding_bare_counts():
    qs = find_quantities("A car bomb exploded in Kabul, killing 8 and wounding 21.")
    assert [(q.value, q.status) for q in qs] == [(8, "killed"), (21, "injured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels captured the city in 2014 and held it until 2016.",
        "The offensive began on June 6 and has lasted 48 hours.",
        "A 12-year-old boy watched as 30% of the market burned.",
        "They have taken 28 villages and 3 towns so far.",
        "The convoy travelled 40 km north of the capital.",
        "The government pledged $5 million for 200 schools.",
        "Resolution 2254 was adopted by 15 votes.",
        "The fighters captured several strategic neighbourhoods on Monday.",
    ],
)
def test_not_casualty_quantities(sentence):
    assert find_quantities(sentence) == []


def test_offsets_point_at_the_surface():
    s = "Officials said at least 26 Taliban fighters were killed."
    q = _one(s)
    assert s[q.start:q.end] == q.surface == "at least 26 Taliban fighters"


def test_single_victims():
    assert [(q.value, q.category, q.status) for q in find_quantities(
        "Photos showed the body of a Taliban fighter who was reportedly killed by police.")] == [(1, "fighters", "killed")]
    assert [(q.value, q.status) for q in find_quantities("An official said a policeman was shot dead.")] == [(1, "killed")]
    assert find_quantities("He is a member of the group.") == []


def test_status_after_a_breakdown():
    q = _one("At least 19 civilians, including five children, were killed in the raid.")
    assert (q.value, q.status, q.breakdown) == (19, "killed", {"children": 5})


def test_running_tallies_are_cumulative():
    for s in ["More than 5,000 civilians have been killed since anti-government protests erupted in March.",
              "Human rights groups estimate 500 soldiers have been killed in the unrest.",
              "Since then, more than 7,000 people have been killed by security forces."]:
        q = _one(s)
        assert q.cumulative, s


def test_single_named_victims():
    from sitrep.events.quantities import find_quantities
    qs = find_quantities("An Indian engineer's driver was unhurt, but a nurse died of her wounds.")
    assert [(q.value, q.category, q.status) for q in qs] == [(1, "civilians", "killed")]


def test_crowd_count_is_not_a_toll():
    from sitrep.events.quantities import find_quantities
    qs = find_quantities("About 2,500 people gathered in Tunis to bury a student killed by police.")
    assert not [q for q in qs if q.value == 2500 and q.status == "killed"]


def test_single_victim_as_object_of_killing():
    from sitrep.events.quantities import find_quantities
    qs = find_quantities("Militia fighters shelled the market, killing a trader and his three sons.")
    assert [(q.value, q.category, q.status) for q in qs][:1] == [(1, "civilians", "killed")]


def test_a_bare_count_before_died_when_is_not_taken_for_the_attackers():
    q = _one("They said at least 50 died when soldiers, backed by tanks, stormed the city at dawn.")
    assert (q.value, q.status, q.category, q.qualifier) == (50, "killed", "unknown", "at least")


@pytest.mark.parametrize(("sentence", "status"), [
    ("It said dozens of rebels had been killed or wounded in the fighting.", "injured"),
    ("Troops killed or captured 20 armed men near the town.", "captured"),
])
def test_killed_or_wounded_is_not_a_death_toll(sentence, status):
    assert _one(sentence).status == status


def test_either_fate_of_a_later_count_does_not_touch_the_earlier_one():
    qs = find_quantities("Shelling killed 12 people, and five others were wounded or killed later.")
    assert [(q.value, q.status) for q in qs] == [(12, "killed"), (5, "injured")]


def test_members_of_a_family_are_civilians():
    q = _one("Eleven members of the same family were killed in a bombing on their home.")
    assert (q.value, q.category, q.status) == (11, "civilians", "killed")


def test_another_victim_counts_one_of_the_kind_counted_before():
    qs = find_quantities("Six civilians were killed by shelling and another was shot dead in the city.")
    assert [(q.value, q.category, q.status) for q in qs] == [(6, "civilians", "killed"), (1, "civilians", "killed")]


def test_a_toll_across_a_country_or_over_months_of_fighting_is_an_aggregate():
    qs = find_quantities("Two journalists were killed in Homs in violence which left 60 people dead across Syria.")
    assert [(q.value, q.cumulative) for q in qs] == [(2, False), (60, True)]
    assert _one("The monitor estimates that 523 civilians have died in two months of fighting.").cumulative
    assert not _one("At least 12 people were killed across Aleppo city on Monday.").cumulative


@pytest.mark.parametrize("sentence", [
    "Separately, a Lebanese cameraman was shot dead on the border.",
    "A Lebanese cameraman for Lebanon's Al-Jadeed television channel was shot dead amid gunfire.",
])
def test_a_single_journalist_killed_counts_one_civilian(sentence):
    q = _one(sentence)
    assert (q.value, q.category, q.status) == (1, "civilians", "killed")


@pytest.mark.parametrize("sentence", [
    "About 530 people have died in eastern Ghouta since a relentless barrage of rocket fire, shelling and airstrikes "
    "began last Sunday.",
    "Fourteen were killed on Sunday, bringing the total number of dead in the week to 530.",
])
def test_running_totals_stated_at_length_are_cumulative(sentence):
    qs = [q for q in find_quantities(sentence) if q.value == 530]
    assert qs and qs[0].cumulative


def test_a_fate_noun_after_the_number_is_its_status():
    dead, wounded = find_quantities("More than 100 dead, over 500 wounded.")
    assert (dead.value, dead.status, dead.qualifier) == (100, "killed", "more than")
    assert (wounded.value, wounded.status) == (500, "injured")


def test_one_person_named_by_trade_counts_only_when_killed_or_hurt():
    q = _one("An anaesthetist was killed in the attacks.")
    assert (q.value, q.status) == (1, "killed")
    assert _one("A paramedic was wounded when the shell hit.").status == "injured"
    assert find_quantities("A tanker was seized off the coast.") == []
    assert find_quantities("An incident was reported near the border.") == []


def test_a_count_after_a_day_and_month_is_not_a_day_of_the_month():
    assert _one("while on 16 and 17 July 36 civilians were reportedly killed").value == 36
    assert _one("On 3 July 12 people were killed in the strike.").value == 12
    assert _one("Strikes on July 12 killed 5 people.").value == 5  # "July 12" is still a date


@pytest.mark.parametrize("sentence", [
    "Two men were shot dead in Hama on Friday as thousands of people marched through the city.",
    "A soldier was killed at the checkpoint while hundreds gathered outside the governor's office.",
    "Two men died of their wounds as about 300 people, including their parents, held a vigil in the square.",
])
def test_a_crowd_with_a_verb_of_its_own_is_not_counted_with_the_dead(sentence):
    assert [(q.value, q.status) for q in find_quantities(sentence) if q.status == "killed"] == [
        (2 if sentence.startswith("Two") else 1, "killed")]


@pytest.mark.parametrize("sentence", [
    "The rebels lost the revolt, in which the monitors say 6,500 people have been killed.",
    "Roughly 1,800 police officers have been killed fighting the insurgents, the ministry says.",
    "Since the army launched a siege of the city in April, 300 have died.",
])
def test_present_perfect_tolls_over_a_war_or_period_are_running_totals(sentence):
    q, = find_quantities(sentence)
    assert q.status == "killed" and q.cumulative


@pytest.mark.parametrize("sentence", [
    "The envoy arrived after a month-long siege of the town by the army that left about 400 people dead.",
    "The rebels pulled out after nearly two weeks of heavy shelling in which some 250 people were killed.",
    "Troops entered the old city, which had been under siege for almost a month, leaving 300 residents dead.",
])
def test_a_toll_over_weeks_or_months_of_one_campaign_is_a_running_total(sentence):
    q, = find_quantities(sentence)
    assert q.status == "killed" and q.cumulative


@pytest.mark.parametrize("sentence", [
    "At least 30 people have been killed in Idlib on Monday, as the war enters its eighth year.",
    "Twelve people have been killed in an air strike on a market in the north of the country, amid the war.",
    "More than 400 people have been killed in six days of the heaviest bombing of the war.",
    "Twelve people have been killed in clashes with police in the capital.",
])
def test_present_perfect_tolls_with_a_time_or_incident_of_their_own_are_not(sentence):
    q, = find_quantities(sentence)
    assert q.status == "killed" and not q.cumulative


def test_a_running_total_is_read_in_its_own_line_not_the_quoted_lines_after_it():
    # a report's text can run on over the quotes that follow it; their "on Friday" is not the toll's own time
    text = ("The ministry says 900 police officers have been killed fighting \"bandits\" .\n"
            "\"The talks failed\" , a newspaper wrote in an editorial on Friday .")
    q, = find_quantities(text)
    assert q.status == "killed" and q.cumulative


def test_one_member_of_a_group_with_a_fate_of_its_own_is_one_victim():
    q, = find_quantities("The charity said one of its drivers, Omar Haddad, died on Sunday after a shell hit his van.")
    assert (q.value, q.status) == (1, "killed")
    q, = find_quantities("One of their children was wounded by shrapnel in the yard.")
    assert (q.value, q.status, q.category) == (1, "injured", "children")
    assert find_quantities("One of its members said the talks had failed.") == []


def test_the_object_of_shot_dead_is_one_victim():
    q, = find_quantities("Masked men shot dead a shopkeeper outside his home on Friday.")
    assert (q.value, q.status) == (1, "killed")


def test_a_victim_seen_to_die_is_one_death():
    q, = find_quantities("The nurse said she saw a small infant die on the operating table that night.")
    assert (q.value, q.status, q.category) == (1, "killed", "children")
    assert find_quantities("We watched a child sing in the square.") == []


def test_a_toll_stated_after_a_long_qualifying_stretch_is_read():
    q, = find_quantities("The ministry said the number of civilian deaths it had verified since the start of the "
                         "operation in March stood at 87, after hundreds of raids.")
    assert (q.value, q.status, q.category, q.cumulative) == (87, "killed", "civilians", True)


@pytest.mark.parametrize(("sentence", "place", "part"), [
    ("Monitors said at least 40 more people had died, including twelve in and around Homs.", "Homs", 12),
    ("At least 30 people were killed on Monday, 10 of them in Idlib.", "Idlib", 10),
    ("At least 30 people were killed in Idlib on Monday.", "Idlib", None),
    ("Twelve people were killed when shells hit Aleppo.", "Aleppo", None),
])
def test_the_part_of_a_toll_given_for_a_place(sentence, place, part):
    from sitrep.events.quantities import place_part

    q = find_quantities(sentence)[0]
    assert place_part(sentence, q, sentence.index(place)) == part


def test_coordinated_single_victims_of_one_verb_each_count():
    def victims(sentence):
        return [(q.value, q.category, q.status) for q in find_quantities(sentence)]

    assert victims("Gunmen opened fire on the bus, killing a policeman and a child.") == [
        (1, "fighters", "killed"), (1, "children", "killed")]
    assert victims("The blast killed a doctor, a nurse and a driver in Kunduz.") == [(1, "civilians", "killed")] * 3
    # the second noun with a verb of its own is not the first verb's object
    assert victims("Militants killed a policeman and a child survived the attack.") == [(1, "fighters", "killed")]


def test_victims_named_one_by_one_as_a_death_verbs_subject_are_counted():
    q, = find_quantities("The governor's driver, his bodyguard and Mr Hassan Ali died when the convoy was hit.")
    assert (q.value, q.status) == (3, "killed")
    assert find_quantities("Prices, wages and profits died down after the reform.") == []
    assert find_quantities("The talks and the ceasefire died last week.") == []


def test_a_victim_given_by_age_is_one_civilian():
    def victims(sentence):
        return [(q.value, q.category, q.status) for q in find_quantities(sentence)]

    assert victims("In the city of Kherson, Russian shelling killed a 67-year-old man on Monday.") == [
        (1, "civilians", "killed")]
    assert victims("Gunmen shot dead a seventy-year-old man near the market.") == [(1, "civilians", "killed")]
    assert victims("A 9-year-old girl was wounded by sniper fire.") == [(1, "children", "injured")]
    assert victims("A man was killed by shelling.") == [(1, "unknown", "killed")]  # no age: who he was is open
    # the age inside a toll is not another victim
    assert victims("Twenty-six others were killed in Hula, including a 10-year-old boy.") == [(26, "unknown", "killed")]


def test_a_toll_said_to_include_civilians_counts_civilians():
    def cats(sentence):
        return [(q.value, q.category) for q in find_quantities(sentence)]

    assert cats("Air strikes on the capital killed at least 14 people, including women and children.") == [
        (14, "civilians")]
    assert cats("At least 20 people were killed, mostly civilians.") == [(20, "civilians")]
    assert cats("Ten people were killed in the raid, including two commanders.") == [(10, "unknown")]
    assert cats("30 fighters were killed, including women.") == [(30, "fighters")]  # a stated category stands


def test_armed_men_by_trade_are_fighters():
    def counts(sentence):
        return [(q.value, q.category, q.status) for q in find_quantities(sentence) if q.status == "killed"]

    assert counts("Troops killed 15 bandits in a gunfight on Friday and freed 30 kidnapped people.") == [
        (15, "fighters", "killed")]
    assert counts("Scores of Russian mercenaries were killed.") == [(20, "fighters", "killed")]


def test_a_peoples_plural_counts_before_any_preposition() -> None:
    [q] = find_quantities("Israeli air strikes killed at least 32 Palestinians across the Gaza Strip overnight.")
    assert (q.value, q.status) == (32, "killed")
    [q] = find_quantities("The army killed 14 Houthis overnight in Hodeidah.")
    assert (q.value, q.category) == (14, "fighters")


def test_one_casualty_verb_governs_a_list_of_counts():
    def counts(sentence):
        return [(q.value, q.category, q.status) for q in find_quantities(sentence)]

    assert counts("A suicide bomber blew himself up near the embassy on Monday, killing two embassy employees and "
                  "at least four Afghans, police said.") == [(2, "civilians", "killed"), (4, "unknown", "killed")]
    assert counts("Gunmen attacked the bus, killing two soldiers and four civilians.") == [
        (2, "fighters", "killed"), (4, "civilians", "killed")]
    assert counts("They killed 2 soldiers, 3 policemen and 4 civilians.") == [
        (2, "fighters", "killed"), (3, "fighters", "killed"), (4, "civilians", "killed")]
    # a count of people followed by its parts is a breakdown, not more dead
    assert counts("The blast killed 14 people, nine soldiers and five civilians.") == [(14, "unknown", "killed")]
    # each count with a verb of its own keeps its own fate
    assert counts("The raid killed two soldiers and wounded four civilians.") == [
        (2, "fighters", "killed"), (4, "civilians", "injured")]


def test_foreign_nationals_are_counted_as_civilians():
    assert [(q.value, q.category, q.status) for q in find_quantities(
        "Gunmen killed nine Chinese nationals at a gold mine near the town of Bambari on Sunday.")] == [
        (9, "civilians", "killed")]


def test_number_lookahead_admits_every_start_of_a_number() -> None:
    """The ``_NUMBER`` lookahead class holds every character (Unicode case folding included) a number word or
    vague amount can start with, and every digit: it only skips positions where no number starts."""
    import re

    from sitrep.events import quantities as Q

    cls = re.compile(rf"[\d{Q._FIRST}]", re.IGNORECASE)
    firsts = [re.compile(c, re.IGNORECASE) for c in {w[0] for w in (*Q._UNITS, *Q._TENS, *Q._VAGUE)}]
    for c in map(chr, range(0x10000)):  # the characters folding to ASCII letters (ſ, K) are all in the BMP
        if re.match(r"\d", c) or any(f.match(c) for f in firsts):
            assert cls.match(c), repr(c)


def test_a_scare_quoted_noun_is_counted_and_offsets_hold():
    text = 'The army said it had killed 15 "terrorists" near Bandiagara.'
    q = _one(text)
    assert (q.value, q.status) == (15, "killed") and text[q.start:q.start + 2] == "15"


def test_a_victim_and_his_companion_are_two_people() -> None:
    from sitrep.events.quantities import find_quantities
    qs = find_quantities("Gunmen on motorbikes shot dead a local councillor and his bodyguard in Mazar-i-Sharif.")
    assert [(q.value, q.status) for q in qs] == [(1, "killed"), (1, "killed")]
    # a second victim with a verb of its own has the fate of that verb, not of the first one's
    qs = find_quantities("Gunmen killed a teacher and his wife was wounded.")
    assert [(q.value, q.status) for q in qs if q.status == "killed"] == [(1, "killed")]


@pytest.mark.parametrize("text,expected", [
    ("Rebels attacked a police station, killing two police officers and a civilian, the army said.",
     [(2, "killed", "fighters"), (1, "killed", "civilians")]),
    ("The blast killed three soldiers and a child.", [(3, "killed", "fighters"), (1, "killed", "children")]),
])
def test_a_singular_victim_after_a_counted_one_shares_its_verb(text: str, expected: list) -> None:
    assert [(q.value, q.status, q.category) for q in find_quantities(text)] == expected

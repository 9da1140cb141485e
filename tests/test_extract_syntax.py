"""The syntax-based parts of the extractor: roles, places, status from the parse of the trigger's predicate.

Hand-built sentences and mention records (as in ``test_extract``); the parse and the mention model are the
real ones shipped with the package.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.events import syntax
from sitrep.events.extract import extract_reports
from sitrep.records import ActorMention, Article, PlaceMention, Report, TimeMention
from sitrep.text import split_sentences

PUB = dt.date(2018, 2, 20)
ACTORS = {"Syrian Democratic Forces": ("Syrian Democratic Forces", 2), "Islamic State": ("Islamic State", 2),
          "Russian jets": ("Russian forces", 8), "regime forces": ("Syrian government forces", 1),
          "rebels": ("Syrian rebels", 3)}
PLACES = {"Manbij": ("sitrep:manbij", "city"), "Damascus": ("170654", "city"), "Ghouta": ("sitrep:ghouta", "region"),
          "Saraqeb": ("sitrep:saraqeb", "city"), "Douma": ("sitrep:douma", "city"), "Syria": ("163843", "country")}

COUNTRY: dict[str, str] = {}  # place -> ISO2, for the tests that need a country


def _all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        if not text[i - 1:i].isalnum() and not text[i + len(needle):i + len(needle) + 1].isalnum():
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def _reports(text: str, times: dict[str, dt.date] | None = None, unresolved: tuple[str, ...] = ()) -> list[Report]:
    art = Article(article_id="a1", external_id="a1", raw_path="a1.txt", text=text, published_at=PUB)
    tm = [TimeMention(i, i + len(s), s, "DATE", d.isoformat(), d, d, PUB)
          for s, d in (times or {}).items() for i in _all(text, s)]
    pm = [PlaceMention(i, i + len(s), s, pid, s, feature=feat, country=COUNTRY.get(s)) for s, (pid, feat) in PLACES.items()
          for i in _all(text, s)]
    pm += [PlaceMention(i, i + len(s), s, None, s, feature="village") for s in unresolved for i in _all(text, s)]
    am = [ActorMention(i, i + len(s), s, name.lower(), name, inter) for s, (name, inter) in ACTORS.items()
          for i in _all(text, s)]
    return extract_reports(art, split_sentences("a1", text), tm, pm, am, [])


def test_passive_by_agent_is_actor1_and_subject_is_the_place_taken():
    reports = _reports("Manbij was captured by the Syrian Democratic Forces on Sunday after weeks of fighting.",
                       {"on Sunday": dt.date(2018, 2, 18)})
    capture = [r for r in reports if r.sub_event_type == "Non-state actor overtakes territory"]
    assert capture and capture[0].actor1 == "Syrian Democratic Forces"
    assert capture[0].place_name == "Manbij" and not capture[0].place_inferred


def test_place_is_the_predicates_locative_not_a_place_in_a_relative_clause():
    text = ("Regime forces shelled the suburbs on Monday in eastern Ghouta, which was once the breadbasket of "
            "Damascus.")
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    assert [r.place_name for r in reports] == ["Ghouta"]
    assert reports[0].place_surface == "Ghouta" and reports[0].place_inferred is False


def test_sentence_without_a_place_keeps_the_article_scope_flagged_as_inferred():
    text = ("Regime forces shelled Douma on Monday, killing 12 civilians. "
            "Douma has been besieged for months and food is scarce in Douma. "
            "On Tuesday, regime forces shelled a market, killing seven people.")
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19), "On Tuesday": dt.date(2018, 2, 20)})
    explicit = [r for r in reports if r.date_begin == dt.date(2018, 2, 19)]
    inferred = [r for r in reports if r.date_begin == dt.date(2018, 2, 20)]
    assert explicit and not explicit[0].place_inferred and explicit[0].geo_precision is not None
    assert inferred and inferred[0].place_name == "Douma" and inferred[0].place_inferred
    assert inferred[0].geo_precision > explicit[0].geo_precision  # coarser than a place the sentence names


def test_place_missing_from_the_gazetteer_stays_unresolved_on_the_report():
    reports = _reports("Rebels captured Tell Khanzir from Islamic State on Sunday, monitors said.",
                       {"on Sunday": dt.date(2018, 2, 18)}, unresolved=("Tell Khanzir",))
    assert reports and reports[0].place_surface == "Tell Khanzir" and reports[0].place_id is None
    assert reports[0].place_name == "Tell Khanzir"


def test_capital_speaking_for_its_government_is_not_the_event_place():
    text = "Damascus said regime forces had shelled rebel positions in Saraqeb on Monday."
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    assert reports and all(r.place_name != "Damascus" for r in reports)
    assert reports[0].place_name == "Saraqeb"


def test_negated_and_hypothetical_strikes_are_not_asserted():
    text = ("Russian jets did not bomb Saraqeb on Monday, the ministry insisted. "
            "Activists warned that regime forces could shell Douma within days.")
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    assert all(r.status not in ("asserted", "hedged") for r in reports)  # the threat may also be dropped outright
    # the mention model may drop the denied strike outright; if the extractor keeps it, it is marked negated
    assert all(r.status == "negated" for r in reports if r.place_name == "Saraqeb")


def test_status_from_the_parse():
    cases = {
        "The town could fall within days.": ("fall", "hypothetical"),
        "They hid the children in case the militia came back.": ("came", "hypothetical"),
        "The army vowed to retake Daraa.": ("retake", "hypothetical"),
        "Russian warplanes did not bomb the town on Friday.": ("bomb", "negated"),
        "No airstrikes were reported in Idlib.": ("airstrikes", "negated"),
        "Russian warplanes bombed the town on Friday.": ("bombed", "asserted"),
    }
    docs = syntax.parse_candidates(list(cases))
    for (text, (word, want)), doc in zip(cases.items(), docs, strict=True):
        i = text.index(word)
        assert syntax.status_of(doc, (i, i + len(word))) == want, text


def test_roles_from_the_parse_passive_and_nominal():
    texts = ["Manbij was captured by the SDF on Sunday.", "The regime's shelling of Douma killed nine people.",
             "The SDF, led by the YPG militia, captured Tabqa and clashed with IS near the dam."]
    docs = syntax.parse_candidates(texts)
    roles = syntax.roles_of(docs[0], (11, 19))
    assert docs[0].text[slice(*roles.agent)] == "the SDF" and docs[0].text[slice(*roles.patient)] == "Manbij"
    i = texts[1].index("shelling")
    assert "regime" in docs[1].text[slice(*syntax.roles_of(docs[1], (i, i + 8)).agent)]
    assert [docs[1].text[a:b] for a, b in syntax.locative_spans(docs[1], (i, i + 8))] == ["Douma"]
    i = texts[2].index("clashed")
    assert docs[2].text[slice(*syntax.roles_of(docs[2], (i, i + 7)).agent)] == "The SDF"  # shared subject, no apposition


def test_government_uses_of_place_names():
    texts = ["Damascus said it had captured the town.", "Moscow's role in the war has grown.",
             "Fighting raged in Damascus on Friday."]
    docs = syntax.parse_candidates(texts)
    assert syntax.government_places(docs[0], [(0, 8)]) == {(0, 8)}
    assert syntax.government_places(docs[1], [(0, 6)]) == {(0, 6)}
    i = texts[2].index("Damascus")
    assert syntax.government_places(docs[2], [(i, i + 8)]) == set()


def test_nominal_after_with_takes_the_verbs_subject_as_agent():
    doc = syntax.parse_candidates(["Rebel groups responded with a wave of artillery bombardment targeting Damascus."])[0]
    i = doc.text.index("bombardment")
    roles = syntax.roles_of(doc, (i, i + len("bombardment")))
    assert roles.agent is not None and doc.text[roles.agent[0]:roles.agent[1]] == "Rebel groups"


def test_nominal_object_of_a_conduct_verb_takes_its_subject_not_a_possessive_pronoun():
    doc = syntax.parse_candidates(["Syrian warplanes kept up their bombardment for an eighth consecutive day."])[0]
    i = doc.text.index("bombardment")
    roles = syntax.roles_of(doc, (i, i + len("bombardment")))
    assert roles.agent is not None and doc.text[roles.agent[0]:roles.agent[1]] == "Syrian warplanes"


def test_who_gives_way_under_a_strike_is_its_target_but_who_advances_after_one_is_not():
    doc = syntax.parse_candidates(["The rebels withdrew from the district after intense shelling by tanks."])[0]
    i = doc.text.index("shelling")
    roles = syntax.roles_of(doc, (i, i + len("shelling")))
    assert roles.patient is not None and doc.text[roles.patient[0]:roles.patient[1]] == "The rebels"
    doc = syntax.parse_candidates(["Government forces advanced after heavy shelling of the town."])[0]
    i = doc.text.index("shelling")
    assert syntax.roles_of(doc, (i, i + len("shelling"))).patient is None


def test_weapon_compound_is_the_means_not_the_agent():
    doc = syntax.parse_candidates(["The regime has also used fighter jets and artillery bombardment."])[0]
    i = doc.text.index("bombardment")
    roles = syntax.roles_of(doc, (i, i + len("bombardment")))
    assert roles.agent is not None and doc.text[roles.agent[0]:roles.agent[1]] == "The regime"


def test_people_killed_by_an_air_strike_without_an_armed_target_are_civilians():
    reports = _reports("Russian jets struck Saraqeb on Monday, killing 12 people.", {"on Monday": dt.date(2018, 2, 19)})
    strike = [r for r in reports if r.sub_event_type == "Air/drone strike"]
    assert strike and strike[0].actor1 == "Russian forces" and strike[0].actor2 == "Civilians"


def test_fighters_killed_by_an_air_strike_are_not_civilians():
    reports = _reports("Russian jets struck Islamic State positions in Saraqeb on Monday, killing 12 fighters.",
                       {"on Monday": dt.date(2018, 2, 19)})
    strike = [r for r in reports if r.sub_event_type == "Air/drone strike"]
    assert strike and strike[0].actor2 != "Civilians"


def test_a_toll_in_a_sentence_about_another_place_does_not_join_the_previous_event():
    reports = _reports("Russian jets struck Saraqeb on Monday. "
                       "A bakery in Douma was hit, killing about 12 people and injuring 20.",
                       {"on Monday": dt.date(2018, 2, 19)})
    at_saraqeb = [r for r in reports if r.place_name == "Saraqeb"]
    assert at_saraqeb and all(q.value != 12 for r in at_saraqeb for q in r.fatalities)


@pytest.mark.xfail(strict=True, reason="known recall loss: the mention model (mentions-2026-12-07d) drops the "
                   "passive follow-up 'hospitals have also been bombed in Douma' below its threshold (issue 8 note)")
def test_a_strike_without_an_agent_takes_the_articles_named_bomber():
    reports = _reports("Russian jets struck Saraqeb on Monday. Seven hospitals have also been bombed in Douma.",
                       {"on Monday": dt.date(2018, 2, 19)})
    douma = [r for r in reports if r.place_name == "Douma" and r.sub_event_type == "Air/drone strike"]
    assert douma and douma[0].actor1 == "Russian forces"


def test_shelling_without_an_agent_and_no_shelling_named_earlier_keeps_none():
    reports = _reports("Douma was shelled on Monday.", {"on Monday": dt.date(2018, 2, 19)})
    douma = [r for r in reports if r.place_name == "Douma" and r.sub_event_type == "Shelling/artillery/missile attack"]
    assert douma and douma[0].actor1 is None


def test_a_count_in_a_contrasting_clause_of_its_own_is_not_the_events():
    reports = _reports("Russian jets struck Saraqeb on Monday, killing 11 civilians, while another 20 were killed "
                       "two days later in Douma.", {"on Monday": dt.date(2018, 2, 19)})
    strike = [r for r in reports if r.place_name == "Saraqeb"]
    assert strike and sum(q.value or 0 for q in strike[0].fatalities if q.status == "killed") == 11


def test_a_toll_across_the_country_is_not_the_events():
    reports = _reports("Two journalists were killed when jets struck Saraqeb in violence which left 60 people dead "
                       "across Syria on Monday.", {"on Monday": dt.date(2018, 2, 19)})
    strike = [r for r in reports if r.place_name == "Saraqeb"]
    assert strike and [q.value for q in strike[0].fatalities if q.status == "killed"] == [2]


def test_deaths_stated_before_a_when_clause_belong_to_its_event():
    reports = _reports("Activists said at least 50 died when regime forces stormed Douma on Monday.",
                       {"on Monday": dt.date(2018, 2, 19)})
    douma = [r for r in reports if r.place_name == "Douma"]
    assert douma and [q.value for q in douma[0].fatalities if q.status == "killed"] == [50]


def test_an_agent_phrase_of_state_arms_names_the_state_forces_not_the_sentences_subject():
    reports = _reports("On Sunday regime forces advanced on Saraqeb. The rebels withdrew from Douma on Monday after "
                       "intense shelling by tanks and jet fighters.",
                       {"on Sunday": dt.date(2018, 2, 18), "on Monday": dt.date(2018, 2, 19)})
    shelling = [r for r in reports if r.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].actor1 == "Syrian government forces"


def test_a_participle_takes_the_noun_it_describes_as_agent():
    doc = syntax.parse_candidates(["The violence resumed on Tuesday, with tanks shelling the eastern districts."])[0]
    i = doc.text.index("shelling")
    roles = syntax.roles_of(doc, (i, i + len("shelling")))
    assert roles.agent is not None and doc.text[roles.agent[0]:roles.agent[1]] == "tanks"


def test_a_persons_origin_is_not_an_event_place():
    text = "Regime forces, from Damascus, shelled a market in Douma on Monday."
    i = text.index("Damascus")
    doc = syntax.parse_candidates(["Mehmet Aksoy, from London, was killed in an attack on Tuesday."])[0]
    assert syntax.government_places(doc, [(20, 26)]) == {(20, 26)}
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    assert reports and all(r.place_name != text[i:i + 8] for r in reports)


def test_the_subject_of_the_sentence_is_not_the_agent_of_strikes_it_is_under():
    reports = _reports("On Monday the rebels in Douma were trying to negotiate as the enclave shrank under airstrikes.",
                       {"On Monday": dt.date(2018, 2, 19)})
    strikes = [r for r in reports if r.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].actor1 != "Syrian rebels"


def test_a_peaceful_protest_has_the_crowd_as_actor1_no_actor2_and_no_deaths():
    # a wire list run together into one sentence: a killing, a protest, a toll
    reports = _reports("Syrian regime forces shot dead six people in Saraqeb Some 4,000 people took to the streets in "
                       "Douma to mourn a protester Six civilians were killed in Douma on Monday.",
                       {"on Monday": dt.date(2018, 2, 19)})
    protest = [r for r in reports if r.sub_event_type == "Peaceful protest"]
    assert protest and protest[0].actor1.startswith("Protesters") and protest[0].actor2 is None
    assert not any(q.status == "killed" for q in protest[0].fatalities)


def test_violence_against_civilians_has_civilians_as_actor2_even_when_an_armed_group_is_named():
    reports = _reports("On Monday the massacre in Douma was condemned as opposition groups and rebels called for action.",
                       {"On Monday": dt.date(2018, 2, 19)})
    attacks = [r for r in reports if r.event_type == "Violence against civilians"]
    assert attacks and all(r.actor2 == "Civilians" for r in attacks)


def test_a_days_toll_and_the_running_total_it_brings_are_not_added():
    reports = _reports("At least 14 civilians were killed in strikes on Douma on Monday, bringing the total number of "
                       "dead in the week to 530.", {"on Monday": dt.date(2018, 2, 19)})
    strike = [r for r in reports if r.sub_event_type == "Air/drone strike"]
    assert strike and [q.value for q in strike[0].fatalities if q.status == "killed"] == [14]


def test_government_forces_of_an_article_without_a_country_are_named_by_the_events_place():
    ACTORS["soldiers"] = ("Government forces", 1)
    PLACES["Jisr al-Shughour"] = ("sitrep:jisr", "city")
    COUNTRY["Jisr al-Shughour"] = "SY"
    try:
        reports = _reports("On Monday soldiers shelled Jisr al-Shughour.", {"On Monday": dt.date(2018, 2, 19)})
    finally:
        del ACTORS["soldiers"], PLACES["Jisr al-Shughour"], COUNTRY["Jisr al-Shughour"]
    shelling = [r for r in reports if r.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].actor1 == "Syrian government forces"


def test_places_in_coordinated_prepositions_each_get_a_report():
    text = ("Troops opened fire on protesters in Douma, in the northern city of Saraqeb, and in the town of Manbij "
            "on Friday, killing four people.")
    reports = _reports(text, {"on Friday": dt.date(2018, 2, 16)})
    assert sorted(r.place_name for r in reports) == ["Douma", "Manbij", "Saraqeb"]
    assert all(not r.place_inferred for r in reports)


def test_a_name_coordinated_with_a_known_place_is_an_unresolved_place_with_its_peers_admin_context(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COUNTRY, "Douma", "SY")
    text = "Regime forces bombed Harasta Jadida and Douma on Monday, monitors said."
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    by_name = {r.place_name: r for r in reports}
    assert set(by_name) == {"Harasta Jadida", "Douma"}
    assert by_name["Harasta Jadida"].place_id is None and by_name["Harasta Jadida"].country == "SY"
    assert by_name["Harasta Jadida"].place_surface == "Harasta Jadida"


def test_coordinated_names_come_from_the_parse_not_from_capitalisation():
    doc = syntax.parse_candidates(["Jets bombed Sakhur and Hananu while Assad met Putin in Moscow."])[0]
    hananu = doc.text.index("Hananu")
    moscow = doc.text.index("Moscow")
    names = syntax.coordinated_names(doc, [(hananu, hananu + 6), (moscow, moscow + 6)])
    assert [doc.text[a:b] for (a, b), _ in names] == ["Sakhur"]


def test_a_weekday_that_only_modifies_a_noun_does_not_date_the_event():
    text = "On 3 February, after Friday prayers, protesters gathered in Douma to demonstrate against the regime."
    reports = _reports(text, {"3 February": dt.date(2018, 2, 3), "Friday": dt.date(2018, 2, 16)})
    assert reports and reports[0].date_begin == dt.date(2018, 2, 3)


def test_a_weekday_with_a_time_of_day_is_still_the_events_date():
    doc = syntax.parse_candidates(["Troops shelled the town on Monday night after Friday prayers."])[0]
    monday, friday = doc.text.index("Monday"), doc.text.index("Friday")
    spans = [(monday, monday + len("Monday night")), (friday, friday + 6)]
    assert syntax.modifier_times(doc, spans) == {(friday, friday + 6)}


def test_a_locative_name_missing_from_the_gazetteer_beats_a_place_elsewhere_in_the_sentence():
    text = ("Activists in Damascus said a helicopter gunship attacked a funeral procession at Sitt Zeinab on "
            "Wednesday.")
    reports = _reports(text, {"on Wednesday": dt.date(2018, 2, 14)})
    assert reports and reports[0].place_name == "Sitt Zeinab" and reports[0].place_id is None
    assert not reports[0].place_inferred


def test_locative_names_leave_out_times_media_and_organisations():
    doc = syntax.parse_candidates(["Jets struck a convoy near Kafr Nabuda on Monday as envoys met at the UN "
                                   "Security Council and a video was posted on YouTube."])[0]
    struck = doc.text.index("struck")
    names = syntax.locative_names(doc, (struck, struck + 6), [])
    assert [doc.text[a:b] for a, b in names] == ["Kafr Nabuda"]


def test_the_article_scope_lies_in_the_country_the_article_names_most():
    from sitrep.events.extract_places import focus_place

    def pm(surface: str, pid: str, feature: str, country: str) -> PlaceMention:
        return PlaceMention(0, len(surface), surface, pid, surface, feature=feature, country=country)

    london = [pm("London", "2643743", "city", "GB")] * 3
    syria = [pm("Syria", "163843", "country", "SY")] * 3 + [pm("Raqqa", "163915", "city", "SY")] * 2
    scope = focus_place(london + syria)
    assert scope is not None and scope.surface == "Raqqa"
    only_london = focus_place(london + [pm("Britain", "2635167", "country", "GB")])
    assert only_london is not None and only_london.surface == "London"


def test_a_definite_reference_with_a_town_refines_a_report_placed_only_in_the_country(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COUNTRY, "Syria", "SY")
    monkeypatch.setitem(COUNTRY, "Manbij", "SY")
    text = ("A suicide bombing killed four soldiers in north-eastern Syria on Wednesday. "
            "The bomber struck inside a restaurant in the town of Manbij, where troops often gathered.")
    reports = _reports(text, {"on Wednesday": dt.date(2018, 2, 14)})
    bombing = [r for r in reports if r.sub_event_type == "Suicide bomb"]
    assert bombing and bombing[0].place_name == "Manbij" and not bombing[0].place_inferred


def test_a_town_in_another_country_does_not_refine_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COUNTRY, "Syria", "SY")
    monkeypatch.setitem(COUNTRY, "Manbij", "TR")
    text = ("A suicide bombing killed four soldiers in north-eastern Syria on Wednesday. "
            "The bomber struck inside a restaurant in the town of Manbij, where troops often gathered.")
    reports = _reports(text, {"on Wednesday": dt.date(2018, 2, 14)})
    bombing = [r for r in reports if r.sub_event_type == "Suicide bomb"]
    assert bombing and bombing[0].place_name == "Syria"


def test_the_country_as_a_place_is_the_articles_country(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COUNTRY, "Syria", "SY")
    monkeypatch.setitem(COUNTRY, "Douma", "SY")
    text = ("Regime forces shelled Douma in Syria on Monday, killing 12 civilians. "
            "Douma has been besieged for months. "
            "On Tuesday, regime forces shelled rebel positions across the country, killing 30 people.")
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19), "On Tuesday": dt.date(2018, 2, 20)})
    tuesday = [r for r in reports if r.date_begin == dt.date(2018, 2, 20)]
    assert tuesday and tuesday[0].place_name == "Syria" and not tuesday[0].place_inferred


def test_the_countrys_possessive_is_not_a_place_reference():
    from sitrep.events.extract import _ANAPHOR_COUNTRY

    assert _ANAPHOR_COUNTRY.search("clashes in several parts of the country")
    assert not _ANAPHOR_COUNTRY.search("the country's president said troops shelled the town")


def test_a_named_quarter_of_a_known_city_is_the_event_place_not_the_city():
    text = ("Further south, the Deir al-Baalba quarter of Damascus was among several districts that regime forces "
            "pounded on Monday.")
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    assert reports and reports[0].place_name == "Deir al-Baalba"


def test_a_known_city_naming_its_suburb_gives_the_suburb():
    from sitrep.events.extract_places import _inner

    city = PlaceMention(0, 8, "Damascus", "170654", "Damascus", feature="capital")
    suburb = PlaceMention(20, 26, "Qaboun", "sitrep:qaboun", "Qaboun", feature="neighbourhood")
    unresolved = PlaceMention(0, 14, "Deir al-Baalba", None, "Deir al-Baalba", feature="neighbourhood")
    assert _inner(city, suburb) is suburb and _inner(unresolved, city) is unresolved


def test_a_sect_before_district_is_not_a_place():
    from sitrep.events.extract_places import unresolved_toponyms

    text = "Rebels attacked the mostly Shia district of Sayyida Zainab and the Midan district on Friday."
    names = [p.surface for p in unresolved_toponyms(text, 0, [])]
    assert "Shia" not in names and "Midan" in names


def test_a_province_joined_by_and_to_a_town_gets_its_own_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PLACES, "Idlib province", ("sitrep:idlib-province", "admin1"))
    monkeypatch.setitem(PLACES, "Syria", ("163843", "country"))
    both = _reports("At least 80 soldiers were killed in clashes with rebels in Douma and Idlib province on Monday.",
                    {"on Monday": dt.date(2018, 2, 19)})
    assert sorted(r.place_name for r in both) == ["Douma", "Idlib province"]
    town_only = _reports("At least 80 soldiers were killed in clashes with rebels in Douma, Syria, on Monday.",
                         {"on Monday": dt.date(2018, 2, 19)})
    assert [r.place_name for r in town_only] == ["Douma"]


def test_who_reports_fighting_is_not_its_agent() -> None:
    text = "Activists reported fighting in the suburbs of Damascus."
    doc, = syntax.parse_candidates([text])
    i = text.index("fighting")
    assert syntax.roles_of(doc, (i, i + 8)).agent is None
    moved = "The rebels moved to seize the town."
    doc, = syntax.parse_candidates([moved])
    i = moved.index("seize")
    agent = syntax.roles_of(doc, (i, i + 5)).agent
    assert agent is not None and moved[slice(*agent)] == "The rebels"  # a control verb shares its subject


@pytest.mark.parametrize(("text", "trigger", "agent"), [
    ("After renewing their assault on Hama on Tuesday, Syrian tanks and troops held their positions.", "assault",
     "Syrian tanks and troops"),  # a participle after "after" shares the main clause's subject
    ("Rebels are stepping up their attacks on the city.", "attacks", "Rebels"),  # any form of a conduct verb
])
def test_the_subject_of_a_conduct_verb_carries_out_its_nominal(text: str, trigger: str, agent: str) -> None:
    doc, = syntax.parse_candidates([text])
    i = text.index(trigger)
    span = syntax.roles_of(doc, (i, i + len(trigger))).agent
    assert span is not None and text[slice(*span)] == agent


def test_a_participle_takes_the_noun_it_describes_as_its_patient() -> None:
    text = "Opposition commanders said they used a tank captured from the army to bombard the air base."
    doc, = syntax.parse_candidates([text])
    i = text.index("captured")
    patient = syntax.roles_of(doc, (i, i + 8)).patient
    assert patient is not None and text[slice(*patient)] == "a tank"  # captured gear, not ground


def test_a_province_in_a_list_of_places_gets_its_own_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PLACES, "Idlib", ("sitrep:idlib", "admin1"))
    text = ("Gunmen opened fire on crowds in the Damascus suburb of Douma, southern Idlib province and the northern "
            "city of Saraqeb on Friday.")
    reports = _reports(text, {"on Friday": dt.date(2018, 2, 16)})
    assert sorted(r.place_name for r in reports) == ["Douma", "Idlib province", "Saraqeb"]


def test_a_province_after_a_comma_is_the_towns_container_not_a_second_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PLACES, "Idlib", ("sitrep:idlib", "admin1"))
    reports = _reports("Jets bombed the town of Saraqeb, in Idlib province, on Monday.",
                       {"on Monday": dt.date(2018, 2, 19)})
    assert [r.place_name for r in reports] == ["Saraqeb"]
    reports = _reports("Jets bombed Saraqeb and Douma, Idlib province, on Monday, monitors said.",
                       {"on Monday": dt.date(2018, 2, 19)})
    assert sorted(r.place_name for r in reports) == ["Douma", "Saraqeb"]  # after the list's end: its container


def test_every_place_of_a_list_that_goes_on_past_a_city_and_its_suburbs_gets_a_report():
    text = "Crowds marched through towns on Friday, including Damascus and its suburbs, Douma, Saraqeb and Manbij."
    reports = _reports(text, {"on Friday": dt.date(2018, 2, 16)})
    assert sorted(r.place_name for r in reports) == ["Damascus", "Damascus suburbs", "Douma", "Manbij", "Saraqeb"]


def test_places_before_an_inverted_said_are_event_places_not_speakers():
    text = "There was heavy fighting overnight in the districts of Douma, Saraqeb and Manbij, said the Observatory."
    reports = _reports(text)
    assert sorted(r.place_name for r in reports) == ["Douma", "Manbij", "Saraqeb"]
    doc = syntax.parse_candidates([text])[0]
    spans = [(i, i + len(n)) for n in ("Douma", "Saraqeb", "Manbij") for i in [text.index(n)]]
    assert syntax.government_places(doc, spans) == set()


def test_a_place_naming_a_road_is_not_a_peer_in_a_list_of_places():
    text = "Tanks shelled the Douma and Saraqeb districts, the Manbij road in the south and the old market on Monday."
    doc = syntax.parse_candidates([text])[0]
    i = text.index("Manbij")
    assert syntax.modifier_places(doc, [(i, i + 6)]) == {(i, i + 6)}
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    assert "Manbij" not in {r.place_name for r in reports}


def test_a_province_is_named_as_the_article_writes_it_with_its_level() -> None:
    from sitrep.events.extract_places import place_label, with_level

    text = "Shelling hit northern Aleppo province while Washington said nothing."
    i, j = text.index("Aleppo"), text.index("Washington")
    province = with_level(PlaceMention(i, i + 6, "Aleppo", "p1", "Ḩalab", feature="admin1"), text, 0)
    assert place_label(province) == "Aleppo province"  # not the local "Ḩalab", nor "Aleppo", the city
    state = with_level(PlaceMention(j, j + 10, "Washington", "p2", "Washington", feature="admin1"), text, 0)
    assert place_label(state) == "Washington"  # no level word written: the gazetteer's name, no "province"
    assert place_label(PlaceMention(0, 16, "Hama governorate", "p3", "Ḩamāh", feature="admin1")) == "Hama governorate"
    assert place_label(PlaceMention(0, 4, "Hama", "c1", "Ḩamāh", feature="city")) == "Ḩamāh"


def test_shelling_in_a_province_reports_the_province_by_its_english_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(PLACES, "Idlib", ("sitrep:idlib", "admin1"))
    reports = _reports("Regime forces shelled villages in southern Idlib province on Monday.",
                       {"on Monday": dt.date(2018, 2, 19)})
    assert [r.place_name for r in reports] == ["Idlib province"]
    assert reports[0].place_id == "sitrep:idlib"


def test_a_street_named_in_apposition_to_the_locative_is_the_event_place():
    text = "Clashes broke out on Monday in a main shopping street, Qasr Street, and lasted for hours."
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
    assert reports and reports[0].place_name == "Qasr Street" and reports[0].place_id is None


def test_a_landmark_a_city_owns_is_the_place_named_as_written_in_the_citys_context(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COUNTRY, "Manbij", "SY")
    reports = _reports("Rebels attacked Manbij's military airport on Monday, state media said.",
                       {"on Monday": dt.date(2018, 2, 19)})
    assert reports and reports[0].place_name == "Manbij military airport"
    assert reports[0].place_id is None and reports[0].country == "SY"
    doc = syntax.parse_candidates(["Jets bombed Syria's Hmeimim air base and Manbij's old market."])[0]
    i, j = doc.text.index("Syria"), doc.text.index("Manbij")
    assert syntax.landmark_of(doc, (i, i + 5)) is None  # a named landmark: the places stage's
    assert syntax.landmark_of(doc, (j, j + 6)) == (j, doc.text.index(" market") + 7)


def test_a_contrasting_clause_with_its_own_toll_place_and_day_is_another_event_of_the_same_kind():
    text = ("Forty people were killed in airstrikes on 3 February in residential areas, while nine people were "
            "killed in the Saraqeb district three days later.")
    reports = _reports(text, {"3 February": dt.date(2018, 2, 3), "three days later": dt.date(2018, 2, 6)})
    strikes = sorted((r for r in reports if r.sub_event_type == "Air/drone strike"), key=lambda r: r.date_begin)
    assert [r.date_begin for r in strikes] == [dt.date(2018, 2, 3), dt.date(2018, 2, 6)]
    assert strikes[0].place_inferred  # the first strike's sentence names no place of its own: the scope's
    assert strikes[1].place_name == "Saraqeb" and not strikes[1].place_inferred
    assert [q.value for q in strikes[1].fatalities if q.status == "killed"] == [9]
    assert [q.value for q in strikes[0].fatalities if q.status == "killed"] == [40]


def test_contrasting_clauses_come_from_the_parse():
    text = "Jets bombed the market on Monday, while five people were killed in Douma a day later."
    doc = syntax.parse_candidates([text])[0]
    i = text.index("bombed")
    (c,) = syntax.contrast_clauses(doc, [(i, i + 6)])
    assert c.host == 0 and [text[a:b] for a, b in c.locatives] == ["Douma"]
    assert syntax.contrast_clauses(doc, [(i, i + 6), (text.index("killed"), text.index("killed") + 6)]) == []


def test_a_place_in_a_relative_clause_is_not_the_place_of_an_event_whose_predicate_names_none():
    text = ("Regime forces shelled Saraqeb on Friday. Saraqeb was shelled again on Saturday. "
            "Rebels clashed with regime forces on Sunday in a battle that monitors said recalled the siege of Douma.")
    reports = _reports(text, {"on Friday": dt.date(2018, 2, 16), "on Saturday": dt.date(2018, 2, 17),
                              "on Sunday": dt.date(2018, 2, 18)})
    fighting = [r for r in reports if r.date_begin == dt.date(2018, 2, 18)]
    assert fighting and all(r.place_name != "Douma" for r in fighting)
    assert fighting[0].place_inferred


def test_only_finite_relative_clauses_are_cut_from_an_events_places():
    text = "Rebels waged a battle to drive the militants from Douma, which lies near the border."
    doc = syntax.parse_candidates([text])[0]
    i = text.index("battle")
    cut = syntax.relative_clauses(doc, (i, i + 6))
    assert any(text[a:b].startswith("which lies") for a, b in cut)
    assert not any(a <= text.index("Douma") < b for a, b in cut)  # "to drive ... from Douma": the battle's place


def test_the_same_town_points_to_the_place_just_named_not_the_articles_scope():
    text = ("Rebels in Manbij said life in Manbij had returned to normal. Regime forces shelled Saraqeb on Monday. "
            "Gunmen shot dead six people in the same town on Tuesday.")
    reports = _reports(text, {"on Monday": dt.date(2018, 2, 19), "on Tuesday": dt.date(2018, 2, 20)})
    later = [r for r in reports if r.date_begin == dt.date(2018, 2, 20)]
    assert later and later[0].place_name == "Saraqeb" and not later[0].place_inferred


def test_a_place_and_its_suburbs_are_two_places(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(COUNTRY, "Douma", "SY")
    text = "Thousands of protesters marched in Douma and its suburbs and in Saraqeb on Friday."
    reports = _reports(text, {"on Friday": dt.date(2018, 2, 16)})
    by_name = {r.place_name: r for r in reports}
    assert set(by_name) == {"Douma", "Douma suburbs", "Saraqeb"}
    assert by_name["Douma suburbs"].place_id is None and by_name["Douma suburbs"].country == "SY"
    doc = syntax.parse_candidates(["Jets bombed Homs and its countryside."])[0]
    assert [(doc.text[a:b], n) for (a, b), _, n in syntax.own_parts(doc, [(12, 16)])] == [("its countryside",
                                                                                            "countryside")]


def test_countries_as_the_sides_of_a_fight_or_the_doer_of_a_passive_are_not_places():
    texts = ["The war has led to clashes between Iran and Israel.", "Fighters armed by Washington took the town."]
    docs = syntax.parse_candidates(texts)
    iran, israel = texts[0].index("Iran"), texts[0].index("Israel")
    assert syntax.between_parties(docs[0], [(iran, iran + 4), (israel, israel + 6)]) == {(iran, iran + 4),
                                                                                          (israel, israel + 6)}
    w = texts[1].index("Washington")
    assert syntax.government_places(docs[1], [(w, w + 10)]) == {(w, w + 10)}


def test_a_struck_village_the_gazetteer_lacks_is_not_replaced_by_the_town_it_lies_near():
    for text in ("Jets struck Tell Hamis, a village near Douma, on Monday.",
                 "Jets struck the village of Tell Hamis, near Douma, on Monday."):
        reports = _reports(text, {"on Monday": dt.date(2018, 2, 19)})
        assert [(r.place_name, r.place_id) for r in reports] == [("Tell Hamis", None)], text


def test_a_relative_clause_telling_what_its_head_noun_did_describes_a_participant():
    cases = {
        "The army moved on the militants, who seized the village two years ago.": ("seized", True),
        "Officials fear the weapons reach the same men that carried out attacks on convoys.": ("carried", True),
        "The alliance, which trains the militia and has launched dozens of raids, met on Friday.": ("raids", True),
        "The militants seized the village two years ago.": ("seized", False),
        "Five civilians who fled the bombardment reached the border.": ("bombardment", False),
        "They returned to Saraqeb, which rebels stormed in the spring.": ("stormed", False),
    }
    docs = syntax.parse_candidates(list(cases))
    for (text, (word, want)), doc in zip(cases.items(), docs, strict=True):
        i = text.index(word)
        assert syntax.describes_doer(doc, (i, i + len(word))) == want, text


def test_a_deed_told_in_a_relative_clause_about_its_doer_is_background_unless_dated_this_week():
    old = _reports("Regime forces shelled Douma on Monday to push back the rebels, who captured Saraqeb last month.",
                   {"on Monday": dt.date(2018, 2, 19), "last month": dt.date(2018, 1, 15)})
    capture = [r for r in old if r.sub_event_type == "Non-state actor overtakes territory"]
    assert capture and all(r.background for r in capture)
    assert any(r.sub_event_type == "Shelling/artillery/missile attack" and not r.background for r in old)
    news = _reports("Regime forces shelled Douma to push back the rebels, who captured Saraqeb on Sunday.",
                    {"on Sunday": dt.date(2018, 2, 18)})
    capture = [r for r in news if r.sub_event_type == "Non-state actor overtakes territory"]
    assert capture and not any(r.background for r in capture)


def test_a_pluperfect_main_verb_frames_the_sentence_as_the_past_before_the_story():
    cases = {
        "The militia had previously claimed that the commander died in an airstrike.": ("airstrike", True),
        "Their crimes had been filmed in a series of execution videos.": ("execution", True),
        "Monitors said rebels had shelled the town overnight.": ("shelled", False),
        "Rebels shelled the town overnight.": ("shelled", False),
    }
    docs = syntax.parse_candidates(list(cases))
    for (text, (word, want)), doc in zip(cases.items(), docs, strict=True):
        i = text.index(word)
        assert syntax.past_before_past(doc, (i, i + len(word))) == want, text


def test_a_strike_told_in_a_pluperfect_sentence_without_a_recent_date_is_background():
    old = _reports("Russian jets had bombed Saraqeb repeatedly before the truce.")
    assert old and all(r.background for r in old)
    news = _reports("Monitors said Russian jets had bombed Saraqeb on Monday.", {"on Monday": dt.date(2018, 2, 19)})
    assert news and not any(r.background for r in news)


def _vague(text: str, surface: str, begin: dt.date, end: dt.date) -> list[Report]:
    """Reports of ``text`` with one time expression of a vague (not one day) interval."""
    art = Article(article_id="a1", external_id="a1", raw_path="a1.txt", text=text, published_at=PUB)
    i = text.index(surface)
    tm = [TimeMention(i, i + len(surface), surface, "DATE", begin.isoformat(), begin, end, PUB)]
    pm = [PlaceMention(j, j + len(s), s, pid, s, feature=feat) for s, (pid, feat) in PLACES.items() for j in _all(text, s)]
    am = [ActorMention(j, j + len(s), s, name.lower(), name, inter) for s, (name, inter) in ACTORS.items()
          for j in _all(text, s)]
    return extract_reports(art, split_sentences("a1", text), tm, pm, am, [])


def test_a_deed_dated_only_vaguely_weeks_before_the_report_is_background_but_an_onset_is_not():
    weeks_ago = _vague("Russian jets bombed Saraqeb in the middle of last month.", "in the middle of last month",
                       dt.date(2018, 1, 10), dt.date(2018, 1, 20))
    assert weeks_ago and all(r.background for r in weeks_ago)
    this_week = _vague("Russian jets bombed Saraqeb earlier this week.", "earlier this week",
                       dt.date(2018, 2, 15), dt.date(2018, 2, 19))
    assert this_week and not any(r.background for r in this_week)
    dated = _vague("Russian jets bombed Saraqeb on 20 January.", "on 20 January", dt.date(2018, 1, 20),
                   dt.date(2018, 1, 20))
    assert dated and not any(r.background for r in dated)  # news weeks old is dated to its day
    onset = _vague("Saraqeb has borne the brunt of the bombardment by Russian jets that began last month.",
                   "last month", dt.date(2018, 1, 1), dt.date(2018, 1, 31))
    assert onset and not any(r.background for r in onset)


def test_a_predicate_measured_over_years_is_a_campaign_not_news():
    cases = {
        "The group has waged an insurgency for decades.": ("insurgency", True),
        "Over the past decade the militia has carried out attacks across the region.": ("attacks", True),
        "The army has besieged the town for three years.": ("besieged", True),
        "Militants shelled the town for hours on Sunday.": ("shelled", False),
    }
    docs = syntax.parse_candidates(list(cases))
    for (text, (word, want)), doc in zip(cases.items(), docs, strict=True):
        i = text.index(word)
        assert syntax.long_span(doc, (i, i + len(word))) == want, text
    reports = _reports("Islamic State fighters have shelled Manbij for three years.")
    assert reports and all(r.background for r in reports)
    reports = _reports("Islamic State fighters shelled Manbij for hours on Monday.", {"on Monday": dt.date(2018, 2, 19)})
    assert reports and not any(r.background for r in reports)


def test_doc_text_is_the_parsed_sentence_joined_once() -> None:
    text = "Rebels shelled the  town of Kafr Nabl on Monday, killing two people."
    doc = syntax.parse_candidates([text])[0]
    assert syntax.doc_text(doc) == text == doc.text
    assert syntax.doc_text(doc) is syntax.doc_text(doc)  # the join is kept with the Doc


def test_a_deed_alleged_of_someone_describes_them_and_is_no_report():
    cases = {
        "Police detained two men accused of bombing the market in Kano.": ("bombing", True),
        "The commander, blamed for the shelling of Marib, was dismissed.": ("shelling", True),
        "Militants suspected of the ambush attacked a checkpoint on Friday.": ("attacked", False),
        "Soldiers killed in the ambush were buried on Friday.": ("ambush", False),
    }
    docs = syntax.parse_candidates(list(cases))
    for (text, (word, want)), doc in zip(cases.items(), docs, strict=True):
        i = text.index(word)
        assert syntax.alleged_deed(doc, (i, i + len(word))) is want, text


def test_a_where_clause_hangs_its_event_on_the_place_before_it():
    texts = ["The siege of Marib, where government jets struck a market on Friday, is the worst in Yemen.",
             "Government jets struck a market in Marib on Friday."]
    docs = syntax.parse_candidates(texts)
    i = texts[0].index("struck")
    assert docs[0].text[slice(*syntax.where_antecedent(docs[0], (i, i + 6)))] == "Marib"
    j = texts[1].index("struck")
    assert syntax.where_antecedent(docs[1], (j, j + 6)) is None


def test_a_capital_coordinated_with_a_government_or_acting_as_a_state_is_no_event_place():
    from sitrep.events import syntax

    def governing(text, names):
        doc = syntax.parse_candidates([text])[0]
        spans = [(text.index(n), text.index(n) + len(n)) for n in names]
        return {text[a:b] for a, b in syntax.government_places(doc, spans)}

    assert governing("The truce was brokered by Moscow and Ankara last autumn.", ["Moscow", "Ankara"]) == {
        "Moscow", "Ankara"}
    assert governing("Ankara summoned Syria's envoy after two incidents on the border.", ["Ankara"]) == {"Ankara"}
    assert governing("Rebels captured Aleppo and Idlib on Monday.", ["Aleppo", "Idlib"]) == set()
    assert governing("He said US advisers had been at a base near Deir ez-Zor.", ["US", "Deir ez-Zor"]) == {"US"}


def test_set_with_an_object_is_an_act_not_a_plan():
    cases = {
        "Insurgents set off five car bombs in Sadr City on Thursday.": ("bombs", "asserted"),
        "Government forces are set to launch an offensive on the town.": ("offensive", "hypothetical"),
        "A new offensive is set for Monday.": ("offensive", "hypothetical"),
    }
    docs = syntax.parse_candidates(list(cases))
    for (text, (word, want)), doc in zip(cases.items(), docs, strict=True):
        i = text.index(word)
        assert syntax.status_of(doc, (i, i + len(word))) == want, text


def test_a_statements_that_clause_is_its_content_not_a_description():
    text = ("The Afghan Defense Ministry said in a statement that airstrikes by the Afghan Air Force killed 45 Taliban "
            "fighters in Kunduz and neighboring Baghlan province overnight.")
    doc = syntax.parse_candidates([text])[0]
    i = text.index("airstrikes")
    assert not syntax.describes_doer(doc, (i, i + len("airstrikes")))
    text = "Rebel fighters, who overran some districts three weeks ago, hold the town."
    doc = syntax.parse_candidates([text])[0]
    i = text.index("overran")
    assert syntax.describes_doer(doc, (i, i + len("overran")))

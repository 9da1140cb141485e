"""Places (issue 12): conflict-country layer, GeoNames admin areas and seas, surface forms, learned ranker."""

from __future__ import annotations

from sitrep.places import DATA_FILES, geoparse, load_gazetteer, resolve_spans
from sitrep.places.normalize import arabic_skeleton, latin_skeleton
from sitrep.places.resolve import FEATURES, Ranker, load_ranker, make_mention, resolve_mentions


def _resolve_one(text: str, surface: str):  # type: ignore[no-untyped-def]
    start = text.index(surface)
    return resolve_spans(text, [(start, start + len(surface))])[0]


def test_village_from_the_conflict_layer_resolves_in_a_story_about_its_country() -> None:
    text = "Syrian government shelling hit the village of Tall Dibak in north-eastern Syria on Monday."
    got = {m.surface: m for m in geoparse(text)}
    village = got["Tall Dibak"]
    assert village.place_id == "163590" and village.country == "SY" and village.feature_class == "small"


def test_layer_villages_are_not_searched_for_an_article_about_elsewhere() -> None:
    text = "Farmers near Tall Dibak Road in Ohio said the harvest was late; Ohio officials agreed."
    assert all(m.place_id != "163590" for m in geoparse(text))
    assert load_gazetteer().layer_countries(text) == ()


def test_layer_place_has_unknown_population_not_zero() -> None:
    gaz = load_gazetteer()
    hits = gaz.layer_lookup("Tall Dibak", ["SY"])
    assert hits and gaz.place(hits[0][0]).population is None


def test_a_spelling_that_meets_a_village_only_through_its_arabic_name() -> None:
    assert latin_skeleton("Massasneh") == arabic_skeleton("مصاصنة") == "msn"
    gaz = load_gazetteer()
    names = {gaz.place(i).name for i, q in gaz.layer_lookup("Massasneh", ["SY"]) if q == 0.5}
    assert "Masasinah" in names
    assert all(gaz.place(i).country == "UA" for i, _ in gaz.layer_lookup("Massasneh", ["UA"]))


def test_first_level_areas_carry_geonames_ids_and_points() -> None:
    alberta = _resolve_one("Wildfires spread across Alberta on Sunday.", "Alberta")
    assert alberta.place_id == "5883102" and abs(alberta.lat - 52.3) < 0.2 and abs(alberta.lon + 117.5) < 0.2
    assert _resolve_one("Floods hit Queensland.", "Queensland").place_id == "2152274"


def test_admin_abbreviations_and_country_codes() -> None:
    assert _resolve_one("He moved to B.C. last year.", "B.C.").place_id == "5909050"
    assert _resolve_one("Police in Ont. said it was quiet.", "Ont.").place_id == "6093943"
    assert _resolve_one("The DPRK fired a missile.", "DPRK").country == "KP"
    found = {m.surface: m.place_id for m in geoparse("Bushfires in NSW closed roads near Sydney.")}
    assert found.get("NSW") == "2155400"


def test_demonyms_resolve_to_their_country_not_a_town() -> None:
    korean = _resolve_one("Korean negotiators arrived.", "Korean")
    assert korean.feature == "country" and korean.country == "KR"


def test_seas_come_from_geonames() -> None:
    gulf = _resolve_one("Pirates struck in the Gulf of Aden.", "Gulf of Aden")
    assert gulf.place_id == "80303" and gulf.feature == "water"


def test_an_unknown_longer_name_falls_back_to_the_known_place_inside_it() -> None:
    m = _resolve_one("Rebels shelled the Homs Military Academy.", "Homs Military Academy")
    assert m.name == "Homs" and m.country == "SY"


def test_capitals_standing_for_governments_are_metonymic() -> None:
    text = ("Ankara said its jets struck Kurdish positions. Diplomats questioned Moscow's role. "
            "Officials in Damascus said the road was open.")
    got = {(m.surface, m.start): m.metonymic for m in geoparse(text)}
    assert got[("Ankara", 0)] is True
    assert got[("Moscow", text.index("Moscow"))] is True
    assert got[("Damascus", text.index("Damascus"))] is False


def test_the_ranker_can_say_none_of_these() -> None:
    gaz = load_gazetteer()
    text = "Shelling was reported in Homs."
    m = make_mention(text, text.index("Homs"), text.index("Homs") + 4, gaz)
    shipped = load_ranker()
    strict = Ranker(shipped.w.tolist(), shipped.bias, threshold=0.9999)
    resolve_mentions([m], ranker=strict)
    assert m.best is None and m.refused is not None and m.refused.place.name == "Homs"
    m2 = make_mention(text, text.index("Homs"), text.index("Homs") + 4, gaz)
    resolve_mentions([m2])
    assert m2.best is not None and m2.best.place.country == "SY"


def test_shipped_ranker_and_data_files() -> None:
    ranker = load_ranker()
    assert len(ranker.w) == len(FEATURES) and 0.0 <= ranker.threshold < 1.0
    assert all(p.exists() for p in DATA_FILES)
    assert {p.name for p in DATA_FILES} >= {"places.json.gz", "layers.sqlite", "geo_ranker.json"}


def test_a_big_city_sharing_a_state_name_stays_when_the_text_says_city() -> None:
    city = {m.surface: m for m in geoparse("Protesters marched in the city of New York on Sunday.")}["New York"]
    assert city.place_id == "5128581" and city.feature == "city"
    state = {m.surface: m for m in geoparse("Snow closed schools across New York on Sunday.")}["New York"]
    assert state.feature == "admin1"


def test_a_major_city_beats_a_namesake_village_in_a_province_named_earlier() -> None:
    text = ("Yemeni government forces took the town of Hays in Hodeidah province from the Houthis, Yemen's army said. "
            "On Tuesday a car bomb exploded near a checkpoint in Aden, killing three soldiers.")
    aden = {m.surface: m for m in geoparse(text)}["Aden"]
    assert aden.place_id == "415189" and aden.admin1 == "‘Adan"  # the city of a million, not Al `Adan (Hodeidah)
    text = ("Nigerian troops repelled an attack on Ngala in Borno state, Nigeria's army said. "
            "A suicide bomber later struck a market in Abuja.")
    assert {m.surface: m for m in geoparse(text)}["Abuja"].place_id == "2352778"


def test_a_namesake_village_stays_when_the_text_says_village() -> None:
    text = ("Yemeni government forces took the town of Hays in Hodeidah province from the Houthis, Yemen's army said. "
            "Fighting then reached the village of Aden in Hodeidah province.")
    aden = {m.surface: m for m in geoparse(text)}["Aden"]
    assert aden.place_id != "415189" and aden.country == "YE" and aden.feature_class == "small"


def test_the_sea_not_the_province_named_after_it() -> None:
    text = "Houthi rebels in Yemen fired a missile at a tanker in the Red Sea, and a drone at a ship in the Gulf of Aden."
    got = {m.surface: m for m in geoparse(text)}
    assert got["Red Sea"].feature == "water" and got["Red Sea"].country is None
    assert got["Gulf of Aden"].feature == "water"
    port = {m.surface: m for m in geoparse("A drone hit the Black Sea port of Odesa.")}
    assert port["Black Sea"].feature == "water" and port["Odesa"].country == "UA"
    for text in ("Flooding hit Red Sea state in Sudan.", "Officials in the Red Sea state of Sudan said the port was shut.",
                 "Fighting was reported in the Red Sea province of Sudan."):
        state = {m.surface: m for m in geoparse(text)}["Red Sea"]
        assert state.feature == "admin1" and state.country == "SD", text


def test_in_an_area_with_a_type_word_qualifies_the_place() -> None:
    text = ("Sudan's Rapid Support Forces attacked the town of Tawila in North Darfur state on Monday, "
            "officials in Khartoum said.")
    tawila = {m.surface: m for m in geoparse(text)}["Tawila"]
    assert tawila.country == "SD" and tawila.admin1 == "North Darfur"


def test_a_bare_sea_name_takes_the_sense_the_document_gives_it() -> None:
    text = ("Tanker hit in Red Sea, coalition says\n\nHouthi rebels in Yemen fired a missile at an oil tanker in the Red Sea "
            "on Wednesday, a coalition spokesman said.")
    assert [m.feature for m in geoparse(text) if m.surface == "Red Sea"] == ["water", "water"]
    text = "Floods in Red Sea state. Officials in Red Sea state said ships waited in the Red Sea."
    assert [m.feature for m in geoparse(text) if m.surface == "Red Sea"] == ["admin1", "admin1", "water"]


def test_a_town_known_by_an_alternate_name_beats_hamlets_matched_by_spelling() -> None:
    text = ("Houthi rebels in Yemen attacked a ship. US jets struck Houthi targets near Hodeidah port and in Saada "
            "province. Clashes erupted in Shabwa and in Marib.")
    got = {m.surface: m for m in geoparse(text)}
    assert got["Hodeidah"].place_id == "79415"  # the port city (alternate name), not a hamlet of Saada spelt alike
    assert got["Marib"].place_id == "72968"  # the town of 17,000, not Marab near Sanaa

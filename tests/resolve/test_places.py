"""Offline gazetteer: lookups, disambiguation, the common-word guard and the cache."""

from __future__ import annotations

import pickle

import pytest

from sitrep.resolve import places
from sitrep.resolve.places import Gazetteer, GazetteerEntry, name_key, to_location


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


# --------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Peshawar", "peshawar"),
        ("Usulután", "usulutan"),
        ("Khyber-Pakhtunkhwa", "khyber pakhtunkhwa"),
        ("U.S.", "us"),
        ("Sana'a", "sanaa"),
        ("the United States", "united states"),
        ("Møre", "more"),
    ],
)
def test_name_key_folds_case_diacritics_and_punctuation(text, key):
    assert name_key(text) == key


# --------------------------------------------------------------------------- candidates


@pytest.mark.parametrize("name", ["Peshawar", "peshawar", "PESHAWAR"])
def test_candidates_ignore_case(gazetteer, name):
    assert any(entry.name == "Peshawar" and entry.country_code == "PK" for entry in gazetteer.candidates(name))


def test_candidates_find_alternate_spellings(gazetteer):
    assert any(entry.name == "Balochistan" and entry.kind == "admin1" for entry in gazetteer.candidates("Baluchistan"))


def test_candidates_list_every_place_of_a_name(gazetteer):
    codes = {entry.country_code for entry in gazetteer.candidates("Hyderabad")}
    assert {"PK", "IN"} <= codes


def test_candidates_of_unknown_name_are_empty(gazetteer):
    assert gazetteer.candidates("Xqzzyville") == []


# --------------------------------------------------------------------------- resolve


def test_quetta_resolves_to_the_balochistan_city(gazetteer):
    entry = gazetteer.resolve("Quetta")
    assert (entry.kind, entry.country_code, entry.country, entry.admin1) == ("city", "PK", "Pakistan", "Balochistan")
    assert entry.lat == pytest.approx(30.19, abs=0.02)
    assert entry.lon == pytest.approx(67.00, abs=0.02)
    assert entry.geonameid == 1167528


def test_hyderabad_follows_the_country_hint(gazetteer):
    pakistani = gazetteer.resolve("Hyderabad", country_codes=["PK"])
    indian = gazetteer.resolve("Hyderabad", country_codes=["IN"])
    assert (pakistani.country_code, pakistani.admin1) == ("PK", "Sindh")
    assert (indian.country_code, indian.admin1) == ("IN", "Telangana")


def test_islamabad_is_in_pakistan(gazetteer):
    assert gazetteer.resolve("Islamabad").country_code == "PK"


@pytest.mark.parametrize("name", ["Balochistan", "Baluchistan"])
def test_balochistan_is_a_pakistani_province(gazetteer, name):
    entry = gazetteer.resolve(name)
    assert (entry.name, entry.kind, entry.country_code) == ("Balochistan", "admin1", "PK")
    assert entry.lat is not None and entry.lon is not None


def test_khyber_pakhtunkhwa_is_an_admin1(gazetteer):
    entry = gazetteer.resolve("Khyber Pakhtunkhwa")
    assert (entry.kind, entry.country_code) == ("admin1", "PK")


def test_borno_is_a_nigerian_state(gazetteer):
    entry = gazetteer.resolve("Borno")
    assert (entry.kind, entry.country_code) == ("admin1", "NG")


@pytest.mark.parametrize(("hint", "country"), [("IN", "IN"), ("PK", "PK")])
def test_punjab_is_the_state_of_the_hinted_country(gazetteer, hint, country):
    entry = gazetteer.resolve("Punjab", country_codes=[hint])
    assert (entry.kind, entry.country_code) == ("admin1", country)


def test_admin1_hint_picks_the_place_in_that_division(gazetteer):
    entry = gazetteer.resolve("Hyderabad", admin1=["Sindh"])
    assert entry.country_code == "PK"


def test_admin1_hint_may_be_an_alias(gazetteer):
    # the larger Sonepur is in Bihar; "Orissa" is the old name of Odisha
    assert gazetteer.resolve("Sonepur").admin1 == "Bihar"
    assert gazetteer.resolve("Sonepur", admin1=["Orissa"]).admin1 == "Odisha"


def test_a_country_name_is_the_country(gazetteer):
    entry = gazetteer.resolve("Yemen")
    assert (entry.kind, entry.country_code) == ("country", "YE")


def test_a_country_name_stays_the_country_under_another_hint(gazetteer):
    assert gazetteer.resolve("Mexico", country_codes=["US"]).kind == "country"


def test_middle_east_is_a_region(gazetteer):
    entry = gazetteer.resolve("Middle East")
    assert entry.kind == "region"
    assert to_location(entry).precision == "region"


@pytest.mark.parametrize(
    ("name", "country"),
    [("Gaza Strip", "PS"), ("West Bank", "PS"), ("Sahel", None), ("Horn of Africa", None), ("Kashmir", None),
     ("South Asia", None), ("tribal regions", "PK"), ("Africa", None)],
)
def test_regions_resolve_with_region_kind(gazetteer, name, country):
    entry = gazetteer.resolve(name)
    assert (entry.kind, entry.country_code) == ("region", country)


def test_paris_without_hints_is_in_france(gazetteer):
    assert gazetteer.resolve("Paris").country_code == "FR"


def test_paris_with_a_us_hint_is_in_the_us(gazetteer):
    assert gazetteer.resolve("Paris", country_codes=["US"]).country_code == "US"


def test_own_name_beats_a_bigger_place_known_by_an_alternate(gazetteer):
    # "Victoria" is an alternate name of Hong Kong, and the name of many smaller places
    assert gazetteer.resolve("Victoria", country_codes=["CA"]).name == "Victoria"
    assert gazetteer.resolve("Salvador").country_code == "BR"


def test_a_large_city_beats_its_same_named_division(gazetteer):
    for name, country in [("Kabul", "AF"), ("Sanaa", "YE"), ("New York", "US")]:
        entry = gazetteer.resolve(name)
        assert (entry.kind, entry.country_code) == ("city", country), name


def test_possessive_resolves_to_the_place(gazetteer):
    assert gazetteer.resolve("Quetta's").name == "Quetta"


@pytest.mark.parametrize(
    ("name", "country"),
    [("san salvador", "SV"), ("el salvador", "SV"), ("usulutan", "SV"), ("lima", "PE"), ("bogota", "CO"),
     ("medellin", "CO")],
)
def test_lower_case_muc4_places_resolve(gazetteer, name, country):
    assert gazetteer.resolve(name).country_code == country


def test_lower_case_san_miguel_resolves_in_el_salvador(gazetteer):
    entry = gazetteer.resolve("san miguel", country_codes=["SV"])
    assert (entry.country_code, entry.admin1) == ("SV", "San Miguel")


def test_usulutan_department_is_known(gazetteer):
    assert any(entry.kind == "admin1" and entry.country_code == "SV" for entry in gazetteer.candidates("usulutan"))


@pytest.mark.parametrize("name", ["US", "U.S.", "UK", "Britain", "Russia", "Iran", "Syria", "United States"])
def test_country_aliases_resolve(gazetteer, name):
    assert gazetteer.resolve(name).kind == "country"


def test_unknown_name_resolves_to_none(gazetteer):
    assert gazetteer.resolve("Xqzzyville") is None


# --------------------------------------------------------------------------- common words


@pytest.mark.parametrize("word", ["police", "said", "university", "of", "more", "Police", "Of", "the", "us", "Us"])
def test_common_words_are_not_places(gazetteer, word):
    assert not gazetteer.is_place(word)


@pytest.mark.parametrize("word", ["nice", "reading", "mobile", "car"])
def test_lower_case_english_words_are_not_places(gazetteer, word):
    assert not gazetteer.is_place(word)


@pytest.mark.parametrize("word", ["Nice", "Reading", "china", "US", "CAR"])
def test_capitalised_or_country_words_stay_places(gazetteer, word):
    assert gazetteer.is_place(word)


@pytest.mark.parametrize("name", ["Peshawar", "peshawar", "Quetta", "Balochistan", "Middle East"])
def test_real_places_are_places(gazetteer, name):
    assert gazetteer.is_place(name)


# --------------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pakistan", "PK"), ("Pakistani", "PK"), ("Pakistanis", "PK"), ("Pakistan's", "PK"),
        ("the United States", "US"), ("U.S.", "US"), ("American", "US"), ("Afghan", "AF"), ("Iraqi", "IQ"),
        ("Syrian", "SY"), ("Nigerian", "NG"), ("Somali", "SO"), ("British", "GB"), ("UK", "GB"), ("Iranian", "IR"),
    ],
)
def test_country_reads_names_demonyms_and_possessives(gazetteer, text, code):
    assert gazetteer.country(text).country_code == code


def test_country_ignores_cities(gazetteer):
    assert gazetteer.country("Quetta") is None


def test_country_abbreviation_needs_capitals(gazetteer):
    assert gazetteer.country("us") is None


def test_every_country_has_a_point_and_demonyms_cover_most(gazetteer):
    countries = [entry for entry in gazetteer.entries() if entry.kind == "country"]
    assert len(countries) > 240
    assert sum(entry.lat is not None for entry in countries) > 230


# --------------------------------------------------------------------------- to_location


def test_to_location_carries_hierarchy_and_precision(gazetteer):
    location = to_location(gazetteer.resolve("Quetta"))
    assert (location.name, location.admin1, location.country_code, location.country) == (
        "Quetta", "Balochistan", "PK", "Pakistan",
    )
    assert location.precision == "city"
    assert location.geonameid == 1167528


@pytest.mark.parametrize(
    ("kind", "precision"), [("city", "city"), ("admin1", "admin1"), ("country", "country"), ("region", "region")]
)
def test_to_location_precision_follows_kind(kind, precision):
    entry = GazetteerEntry("X", kind, None, None, None, None, None, None, 0, None)
    assert to_location(entry).precision == precision


# --------------------------------------------------------------------------- cache


TINY_INDEX = {"name": ["Tiny"]}


def test_cache_dir_prefers_sitrep_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "own"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert places.cache_dir() == tmp_path / "own"


def test_cache_dir_honours_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert places.cache_dir() == tmp_path / "xdg" / "sitrep"


def test_cache_dir_defaults_to_home_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert places.cache_dir() == tmp_path / ".cache" / "sitrep"


def test_load_index_builds_once_then_reads_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    builds = []
    monkeypatch.setattr(places, "build_index", lambda: builds.append(1) or TINY_INDEX)
    assert places.load_index() == TINY_INDEX
    assert places.load_index() == TINY_INDEX
    assert len(builds) == 1
    assert [path.name for path in tmp_path.iterdir()] == [places._cache_name()]


def test_stale_or_corrupt_cache_is_rebuilt(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    (tmp_path / "gazetteer-0000000000000000.pickle").write_bytes(pickle.dumps({"name": ["Old"]}))
    (tmp_path / places._cache_name()).write_bytes(b"not a pickle")
    monkeypatch.setattr(places, "build_index", lambda: TINY_INDEX)
    assert places.load_index() == TINY_INDEX
    assert [path.name for path in tmp_path.iterdir()] == [places._cache_name()]


def test_cache_name_changes_with_source_versions(monkeypatch):
    before = places._cache_name()
    monkeypatch.setattr(places.importlib.metadata, "version", lambda package: "0.0-test")
    assert places._cache_name() != before


def test_unwritable_cache_still_returns_the_index(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(places, "build_index", lambda: TINY_INDEX)
    assert places.load_index() == TINY_INDEX


# --------------------------------------------------------------------------- districts and division words


def test_a_district_without_a_town_of_its_name_is_a_district(gazetteer):
    entry = gazetteer.resolve("Tirap", country_codes=["IN"])
    assert (entry.kind, entry.admin1, entry.country_code) == ("district", "Arunachal Pradesh", "IN")
    assert to_location(entry).precision == "district"


def test_a_district_named_like_its_town_is_the_town(gazetteer):
    entry = gazetteer.resolve("Dausa", country_codes=["IN"])
    assert (entry.kind, entry.name, entry.admin1) == ("city", "Dausa", "Rajasthan")


def test_the_word_district_asks_for_the_district_at_its_seat(gazetteer):
    district = gazetteer.resolve("Dausa district", country_codes=["IN"])
    town = gazetteer.resolve("Dausa", country_codes=["IN"])
    assert district.kind == "district" and district.admin1 == "Rajasthan"
    assert (district.lat, district.lon) == (town.lat, town.lon)


@pytest.mark.parametrize(("name", "admin1"), [("Kaski", "Western Region"), ("Saptari", "Eastern Region"),
                                              ("Sindhupalchowk", "Central Region")])
def test_hand_listed_nepal_districts_carry_their_region(gazetteer, name, admin1):
    entry = gazetteer.resolve(name, country_codes=["NP"])
    assert (entry.kind, entry.admin1) == ("district", admin1)


def test_tribal_agency_is_in_fata(gazetteer):
    entry = gazetteer.resolve("Bajaur Agency", country_codes=["PK"])
    assert entry.admin1 == "Federally Administered Tribal Areas"
    assert gazetteer.resolve("North Waziristan").admin1 == "Federally Administered Tribal Areas"


def test_iso_second_level_names_are_districts(gazetteer):
    # Bangladesh's districts are ISO 3166-2 second-level subdivisions
    entry = gazetteer.resolve("Chuadanga", country_codes=["BD"])
    assert (entry.kind, entry.admin1) == ("district", "Khulna")


@pytest.mark.parametrize(("name", "expected"), [("Khulna City", "Khulna"), ("Feni town", "Feni"),
                                                ("South Chhattisgarh", "Chhattisgarh"), ("north Kashmir", "Jammu and Kashmir")])
def test_division_and_compass_words_are_looked_through(gazetteer, name, expected):
    entry = gazetteer.resolve(name, country_codes=["IN", "BD"])
    assert entry is not None and entry.name == expected


def test_a_name_with_a_division_word_of_its_own_is_not_stripped(gazetteer):
    assert gazetteer.resolve("Western Cape").kind == "admin1"


def test_admin2_hint_picks_the_town_in_that_district(gazetteer):
    towns = [e for e in gazetteer.candidates("Bishnupur") if e.kind == "city" and e.country_code == "IN"]
    assert len({e.admin1 for e in towns}) > 1
    assert gazetteer.resolve("Bishnupur", country_codes=["IN"], admin1=["Manipur"]).admin1 == "Manipur"


@pytest.mark.parametrize(("name", "admin1"), [("Orissa", "Odisha"), ("Rangoon", "Yangon"), ("Chattogram", "Chittagong"),
                                              ("Eastern Development Region", "Eastern Region")])
def test_historical_and_alternate_division_names(gazetteer, name, admin1):
    # "Rangoon" is the city of Yangon, in the region of Yangon
    assert gazetteer.resolve(name).admin1 == admin1


def test_kashmir_is_the_indian_state_only_under_an_indian_hint(gazetteer):
    assert gazetteer.resolve("Kashmir", country_codes=["IN"]).name == "Jammu and Kashmir"
    assert gazetteer.resolve("Kashmir", country_codes=["PK"]).kind == "region"


def test_nepal_towns_keep_their_development_region(gazetteer):
    # Lahan and Janakpur share a province since 2015 but lay in different regions before
    assert gazetteer.resolve("Lahan", country_codes=["NP"]).admin1 == "Eastern Region"
    assert gazetteer.resolve("Janakpur", country_codes=["NP"]).admin1 == "Central Region"


def test_a_province_stands_at_the_capital_when_the_capital_lies_in_it(gazetteer):
    sindh, capital = gazetteer.resolve("Sindh", country_codes=["PK"]), gazetteer.capital("BD")
    dhaka_division = next(e for e in gazetteer.candidates("Dhaka") if e.kind == "admin1")
    assert (dhaka_division.lat, dhaka_division.lon) == (capital.lat, capital.lon)
    # else at its largest town: Karachi, not the middle of the province
    karachi = gazetteer.resolve("Karachi", country_codes=["PK"])
    assert (sindh.lat, sindh.lon) == (karachi.lat, karachi.lon)


@pytest.mark.parametrize(("division", "code", "seat"), [
    ("Uttar Pradesh", "IN", "Lucknow"), ("Punjab", "IN", "Chandigarh"), ("Shan", "MM", "Taunggyi"),
])
def test_a_province_whose_capital_is_not_its_largest_town_stands_at_its_capital(gazetteer, division, code, seat):
    entry, town = gazetteer.resolve(division, country_codes=[code]), gazetteer.resolve(seat, country_codes=[code])
    assert entry.kind == "admin1" and entry.admin1 == division
    assert (entry.lat, entry.lon) == (town.lat, town.lon)


def test_hand_listed_seats_are_towns_the_gazetteer_knows():
    from sitrep.resolve.places import _data_file, _load_json

    for code, seats in _load_json(_data_file("gazetteer_extra.json"))["admin1_seats"].items():
        for division, seat in seats.items():
            town = Gazetteer.default().resolve(seat, country_codes=[code])
            assert town is not None and town.country_code == code and town.kind == "city", seat


def test_a_district_without_a_namesake_town_stands_at_its_largest_town(gazetteer):
    districts = [e for e in gazetteer.entries() if e.kind == "district" and e.country_code == "IN"
                 and e.admin1 == "Maharashtra" and e.name == "Mumbai Suburban"]
    mumbai = gazetteer.resolve("Mumbai", country_codes=["IN"])
    assert districts and all((d.lat, d.lon) == (mumbai.lat, mumbai.lon) for d in districts)


def test_capital_of_a_country(gazetteer):
    assert gazetteer.capital("NP").name == "Kathmandu"
    assert gazetteer.capital("pk").name == "Islamabad"
    assert gazetteer.capital("XX") is None


def test_the_centre_is_the_government_not_a_region(gazetteer):
    assert gazetteer.resolve("Centre", country_codes=["IN"]) is None


def test_puducherry_is_the_territory_name(gazetteer):
    assert gazetteer.resolve("Pondicherry", country_codes=["IN"]).admin1 == "Puducherry"


def test_a_province_does_not_give_way_to_a_town_of_its_alternate_name(gazetteer):
    assert gazetteer.resolve("Goa", country_codes=["IN"]).kind == "admin1"


def test_an_upazila_is_a_district_of_its_district(gazetteer):
    entry = gazetteer.resolve("Sapahar upazila", country_codes=["BD"])
    assert (entry.kind, entry.admin2, entry.admin1) == ("district", "Naogaon", "Rajshahi")


# --------------------------------------------------------------------------- spelling variants


@pytest.mark.parametrize(
    ("key", "folded"),
    [("lakshmipur", "laksmipur"), ("laxmipur", "laksmipur"), ("mirpur khas", "mirpurkas"),
     ("jaccobabad", "jacobabad"), ("nowshera", "novsera")],
)
def test_spelling_key_folds_transliteration_variants(key, folded):
    assert places.spelling_key(key) == folded


@pytest.mark.parametrize(
    ("name", "hints", "expected"),
    [("Jaccobabad", ["PK"], "Jacobabad"), ("Mirpurkhas", ["PK"], "Mirpur Khas"),
     ("Laxmipur", ["BD"], "Lakshmipur"), ("Dehadrun", ["IN"], "Dehradun")],
)
def test_spelling_tolerant_lookup_in_the_hinted_country(gazetteer, name, hints, expected):
    assert gazetteer.resolve(name, country_codes=hints) is None
    entry = gazetteer.resolve(name, country_codes=hints, spelling=True)
    assert entry is not None and entry.name == expected and entry.country_code == hints[0]


def test_spelling_tolerance_needs_a_hint_and_a_long_enough_name(gazetteer):
    assert gazetteer.resolve("Jaccobabad", spelling=True) is None
    assert gazetteer.resolve("Kotx", country_codes=["PK"], spelling=True) is None
    assert gazetteer.resolve("Police", country_codes=["PK"], spelling=True) is None


@pytest.mark.parametrize(("name", "admin1"), [("Noakhali", "Chittagong"), ("Rajbari district", "Dhaka"),
                                              ("Munshiganj", "Dhaka")])
def test_bangladesh_districts_from_the_boundary_file(gazetteer, name, admin1):
    entry = gazetteer.resolve(name, country_codes=["BD"])
    assert entry is not None and entry.kind == "district" and entry.admin1 == admin1


# --------------------------------------------------------------------------- India Post's villages and districts


def test_a_village_only_india_post_knows_is_found_apart_from_the_main_index(gazetteer):
    assert gazetteer.resolve("Halagere", country_codes=["IN"]) is None
    entry = gazetteer.village("Halagere village")
    assert (entry.name, entry.kind, entry.admin1, entry.admin2, entry.population) == (
        "Halagere", "city", "Karnataka", "Tumakuru", 0)
    assert entry.lat is not None and entry.country_code == "IN"


def test_a_village_spelt_another_way_is_found(gazetteer):
    assert gazetteer.village("Alumpidika").name == "Alumpeedika"


def test_a_known_town_is_never_taken_for_a_namesake_village(gazetteer):
    # India Post has a Bhiwadi in Maharashtra; the town the main index knows is Rajasthan's
    assert gazetteer.village("Bhiwadi") is None
    assert gazetteer.resolve("Bhiwadi", country_codes=["IN"]).admin1 == "Rajasthan"


def test_villages_of_several_states_need_a_hinted_state(gazetteer):
    assert gazetteer.village("Todarpur") is None
    assert gazetteer.village("Todarpur", admin1=["Punjab"]).admin2 == "Hoshiarpur"
    assert gazetteer.village("Todarpur", admin1=["Kerala"]) is None


def test_a_hinted_district_picks_the_village_of_that_district(gazetteer):
    assert gazetteer.village("Kusgaon", admin2=["Raigad"]).admin2 == "Raigad"


@pytest.mark.parametrize("name", ["Bazar", "kusgaon", "KUSGAON", "Nowhere"])
def test_common_words_lower_case_and_capitals_are_no_villages(gazetteer, name):
    assert gazetteer.village(name) is None


def test_a_district_only_india_post_names_is_a_district(gazetteer):
    entry = gazetteer.resolve("East Jaintia Hills district", country_codes=["IN"])
    assert (entry.kind, entry.admin1) == ("district", "Meghalaya")


def test_india_post_adds_no_district_named_by_compass_words_alone(gazetteer):
    # Delhi's "North West" district would read every "north west" of the text
    assert gazetteer.resolve("South West", country_codes=["IN"]) is None


@pytest.mark.parametrize(("office", "name"), [("Kurumbur BO", "Kurumbur"), ("Ramnagar SO Ludhiana", "Ramnagar"),
                                              ("Secretariat S.O (North Goa)", "Secretariat"), ("Udupi HO", "Udupi"),
                                              ("Rampur Kalan B.O", "Rampur Kalan")])
def test_office_kinds_are_cut_from_office_names(office, name):
    assert places.OFFICE_SUFFIX.sub("", office).strip() == name

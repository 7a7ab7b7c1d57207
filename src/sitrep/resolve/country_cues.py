"""Clues to an article's country that are not place names: the outlet that published it
(and the city it is published in), and administrative words only one country's press uses
("upazila", "tambon", "barangay").

Both tables (data/publishers.json, data/admin_terms.json) are written by hand. National
and local outlets only: wires and international broadcasters report from everywhere.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata

import pycountry

PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*")


def publisher_key(name: str) -> str:
    """'The Times of India (TOI)' and 'times of india' share a key; so do 'EKantipur.com' and 'Ekantipur'."""
    text = unicodedata.normalize("NFKC", name).lower()
    text = re.sub(r"\.(?:com|net|org|in|pk|np)\b", "", text)
    text = re.sub(r"[^\w&()]+", " ", text).strip()
    return re.sub(r"^the\s+", "", text)


def _data(name: str) -> dict:
    return json.loads((importlib.resources.files("sitrep") / "data" / name).read_text(encoding="utf-8"))


@functools.cache
def _publishers() -> tuple[dict[str, str], dict[str, str]]:
    """(one-word names, longer names) as keys -> country code."""
    keys = {publisher_key(name): code for code, names in _data("publishers.json")["publishers"].items()
            for name in names}
    return ({k: c for k, c in keys.items() if " " not in k}, {k: c for k, c in keys.items() if " " in k})


@functools.cache
def _admin_terms() -> tuple[re.Pattern, dict[str, str]]:
    by_term = {term: code for code, terms in _data("admin_terms.json")["terms"].items() for term in terms}
    # Acronyms ("VDC", "LGA") count only in capitals; words in any case.
    acronyms = [t for t in by_term if t.isupper()]
    words = [t for t in by_term if not t.isupper()]
    alternatives = [re.escape(t) for t in acronyms] + ["(?i:" + "|".join(re.escape(w) for w in words) + ")"]
    pattern = re.compile(r"\b(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + r")\b")
    return pattern, {(t if t.isupper() else t.lower()): code for t, code in by_term.items()}


@functools.cache
def _home_cities() -> dict[str, str]:
    """Outlet key -> the city it is published in."""
    return {publisher_key(name): city for cities in _data("publishers.json")["home_cities"].values()
            for city, names in cities.items() for name in names}


def _outlet_key(name: str) -> str | None:
    """The publishers.json key `name` stands for: a one-word name must be the whole name
    ("Dawn", not "Dawn Chorus Weekly"); a longer one may sit inside it ("Daily The Pak
    Banker"). A bracketed note is no part of the name."""
    single, multi = _publishers()
    for key in (publisher_key(name), publisher_key(PARENTHESIS.sub(" ", name))):
        if key in single or key in multi:
            return key
    padded = f" {publisher_key(PARENTHESIS.sub(' ', name))} "
    found = sorted((len(key), key) for key in multi if f" {key} " in padded)
    return found[-1][1] if found else None


def publisher_country(name: str | None) -> str | None:
    """ISO country code of the outlet called `name`, or None when unknown or international."""
    key = _outlet_key(name) if name else None
    if key is None:
        return None
    single, multi = _publishers()
    return single.get(key) or multi[key]


def publisher_city(name: str | None) -> tuple[str, str] | None:
    """(city, country code) where the outlet called `name` is published, or None when unknown.

    Example: publisher_city("Dawn") == ("Karachi", "PK")
    """
    key = _outlet_key(name) if name else None
    city = _home_cities().get(key) if key else None
    return (city, publisher_country(name)) if city else None


def admin_term_countries(text: str) -> set[str]:
    """Countries whose own administrative words appear in `text`."""
    pattern, by_term = _admin_terms()
    return {by_term.get(match.group(0)) or by_term[match.group(0).lower()] for match in pattern.finditer(text)}


@functools.cache
def _admin1_cues() -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    """One pattern over every cue of data/admin1_cues.json, and cue -> (country, division)s."""
    by_cue: dict[str, list[tuple[str, str]]] = {}
    for code, divisions in _data("admin1_cues.json")["cues"].items():
        for division, cues in divisions.items():
            for cue in cues:
                by_cue.setdefault(cue if cue.isupper() else cue.lower(), []).append((code, division))
    acronyms = sorted((c for c in by_cue if c.isupper()), key=len, reverse=True)
    words = sorted((c for c in by_cue if not c.isupper()), key=len, reverse=True)
    alternatives = [re.escape(c) for c in acronyms] + ["(?i:" + "|".join(re.escape(w) for w in words) + ")"]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"), by_cue


def admin1_cue(text: str, countries: list[str] | tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(country code, first-level division) that the regional parties, state bodies and
    institutions `text` names point to (data/admin1_cues.json), within `countries` when given;
    None when it names none or points to several divisions as often.

    Example: admin1_cue("KRRS activists staged a dharna.", ["IN"]) == ("IN", "Karnataka")
    """
    pattern, by_cue = _admin1_cues()
    votes: dict[tuple[str, str], int] = {}
    for match in pattern.finditer(text):
        cue = match.group(0)
        for code, division in by_cue.get(cue) or by_cue.get(cue.lower(), ()):
            if not countries or code in countries:
                votes[(code, division)] = votes.get((code, division), 0) + 1
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


@functools.cache
def nation_words() -> dict[str, str]:
    """Lower-case single words that name a country or its people, and its code: 'pak' and 'indians' -> 'PK', 'IN'."""
    added = _data("country_names.json")["countries"]
    words = {}
    for country in pycountry.countries:
        extra = added.get(country.alpha_2, {})
        demonyms = extra.get("demonyms", [])
        names = [country.name, getattr(country, "common_name", None), *extra.get("aliases", []), *demonyms,
                 *(f"{d}s" for d in demonyms)]
        words.update((n.lower(), country.alpha_2) for n in names if n and n.isalpha())
    return words

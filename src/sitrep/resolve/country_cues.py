"""Clues to an article's country that are not place names: the outlet that published it,
and administrative words only one country's press uses ("upazila", "tambon", "barangay").

Both tables (data/publishers.json, data/admin_terms.json) are written by hand. National
and local outlets only: wires and international broadcasters report from everywhere.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata

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


def publisher_country(name: str | None) -> str | None:
    """ISO country code of the outlet called `name`, or None when unknown or international.

    A one-word name must be the whole name ("Dawn", not "Dawn Chorus Weekly"); a longer one
    may sit inside it ("Daily The Pak Banker"). A bracketed note is no part of the name.
    """
    if not name:
        return None
    single, multi = _publishers()
    for key in (publisher_key(name), publisher_key(PARENTHESIS.sub(" ", name))):
        if key in single or key in multi:
            return single.get(key) or multi[key]
    padded = f" {publisher_key(PARENTHESIS.sub(' ', name))} "
    found = sorted((len(key), code) for key, code in multi.items() if f" {key} " in padded)
    return found[-1][1] if found else None


def admin_term_countries(text: str) -> set[str]:
    """Countries whose own administrative words appear in `text`."""
    pattern, by_term = _admin_terms()
    return {by_term.get(match.group(0)) or by_term[match.group(0).lower()] for match in pattern.finditer(text)}

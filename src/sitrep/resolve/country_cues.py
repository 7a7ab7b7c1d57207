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
def _publishers() -> dict[str, str]:
    return {publisher_key(name): code for code, names in _data("publishers.json")["publishers"].items()
            for name in names}


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
    """ISO country code of the outlet called `name`, or None when unknown or international."""
    if not name:
        return None
    table = _publishers()
    key = publisher_key(name)
    if key in table:
        return table[key]
    # "Assam Tribune (India)": the name without its qualifier
    return table.get(publisher_key(PARENTHESIS.sub(" ", name)))


def admin_term_countries(text: str) -> set[str]:
    """Countries whose own administrative words appear in `text`."""
    pattern, by_term = _admin_terms()
    return {by_term.get(match.group(0)) or by_term[match.group(0).lower()] for match in pattern.finditer(text)}

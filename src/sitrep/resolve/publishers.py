"""The home country of a news outlet, from its name: a weak hint of where its stories happen.

Only national and local outlets are listed (data/publishers.json): an agency or
an international outlet says nothing about where events happen.

Example: publisher_country("Assam Tribune (India)") == "IN"
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re

from .places import name_key

# A bracketed note ("(India)", "(TOI)") and a web suffix are not part of an outlet's name.
_NOTE = re.compile(r"\s*\(.*?\)|\.(?:com|net|org|in|pk|np)\b", re.I)


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(one-word names, longer names) as lookup keys -> country code."""
    path = importlib.resources.files("sitrep").joinpath("data/publishers.json")
    countries = json.loads(path.read_text(encoding="utf-8"))["countries"]
    keys = {name_key(name): code for code, names in countries.items() for name in names}
    return ({k: c for k, c in keys.items() if " " not in k}, {k: c for k, c in keys.items() if " " in k})


def publisher_country(source: str | None) -> str | None:
    """The country of the outlet named in `source`: a one-word name must be the whole name
    ("Dawn"), a longer one may sit inside it ("Daily The Pak Banker")."""
    if not source:
        return None
    key = name_key(_NOTE.sub("", source))
    single, multi = _table()
    if key in single or key in multi:
        return single.get(key) or multi[key]
    padded = f" {key} "
    found = sorted((len(name), code) for name, code in multi.items() if f" {name} " in padded)
    return found[-1][1] if found else None

"""The actor registry: curated non-state groups plus state actors generated for every country.

`Registry.lookup` resolves a mention conservatively: exact normalised aliases
first (acronyms and short aliases only with their exact case, so "is" is never
Islamic State), then a strict fuzzy match. A name shared by several entries
resolves to the one in the hinted country, else to the first listed.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, get_args

import pycountry
from rapidfuzz import fuzz, process

from .model import ActorKind

Force = Literal["state", "military", "police", "security", "intelligence"]

ACTORS_FILE = "actors.json"  # built from data/registry/*.json by scripts/build_registry.py
COUNTRY_NAMES_FILE = "country_names.json"  # shared with the gazetteer
GENERATED_SOURCE = "pycountry + sitrep country names"
ACTOR_KINDS = frozenset(get_args(ActorKind))
# Kinds that are named organisations: they get EntityRuler patterns, and a
# descriptor ("militants", "group") may be stripped from a mention to reach them.
GROUP_KINDS = frozenset({"armed_group", "faction", "militia", "political_party", "international_organization"})

SHORT_ALIAS_MAX = 4  # letters and digits; aliases this short are acronyms ("IS", "LeJ", "TTP")
FUZZY_MIN_SCORE = 92
LOOKUP_CACHE_SIZE = 100_000
FUZZY_MIN_LENGTH = 8  # shorter names differ by too few letters to be matched fuzzily
# ratio tolerates misspellings in the same word order, token_sort_ratio reordered words.
FUZZY_SCORERS = (fuzz.ratio, fuzz.token_sort_ratio)
SEARCH_MIN_SCORE = 60
# Known links between actors. The entry that lists a relation is its subject: the
# splinter, the one that pledges allegiance or is affiliated, the funder.
RelationType = Literal[
    "cooperation", "alliance", "affiliation", "allegiance", "funding", "rivalry", "hostility", "splinter", "merger"
]
RELATION_TYPES = frozenset(get_args(RelationType))

# Aliases that are also ordinary English ("an Islamic state", "a united front"):
# they match only as capitalised, and single words yield no pattern unless in capitals.
COMMON_ENGLISH = frozenset(
    {
        "arena", "chad", "chile", "china", "guinea", "japan", "jersey", "levies", "morocco", "rangers",
        "reunion", "turkey", "weathermen",
        "army of conquest", "army of god", "army of revolutionaries", "awakening movement",
        "black panthers", "civil defence forces", "civil defense forces", "civil patrols",
        "future current", "future movement", "golden dawn", "holy spirit movement", "islamic emirate",
        "islamic jihad", "islamic state", "knights templar", "lebanese forces",
        "national defence forces", "national defense forces", "national unity government",
        "peasant patrols", "public uprising force", "public uprising forces", "rebel armed forces",
        "red dragons", "red shirts", "resistance front", "revolution and justice",
        "revolutionary cells", "revolutionary struggle", "right sector", "sons of iraq",
        "southern movement", "yellow shirts", "young patriots",
    }
)  # fmt: skip

# Press wraps names in descriptors: "the banned militant group LeJ", "Houthi rebels".
_DESCRIPTOR_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:banned|outlawed|proscribed|defunct)\s+)?"
    r"(?:(?:militant|terror|terrorist|jihadist|extremist|rebel|armed|insurgent|separatist)\s+"
    r"(?:group|organi[sz]ation|outfit|movement)\s+)?",
    re.IGNORECASE,
)
_DESCRIPTOR_SUFFIX = re.compile(
    r"\s+(?:(?:(?:militant|terror|terrorist|jihadist|extremist|rebel|armed|insurgent|separatist)\s+)?"
    r"(?:group|organi[sz]ation|outfit|movement|network|militia|faction)"
    r"|militants|rebels|fighters|insurgents|guerrillas|terrorists|jihadists|separatists|cadres|members)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]*\)$")  # "Tehreek-e-Taliban Pakistan (TTP)"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})

# --- generated state actors -------------------------------------------------

# Canonical names follow the "Military Forces of Pakistan" convention of conflict datasets.
FORCE_NAMES: dict[Force, str] = {
    "state": "Government of {}",
    "military": "Military Forces of {}",
    "police": "Police Forces of {}",
    "security": "Security Forces of {}",
    "intelligence": "Intelligence Services of {}",
}
# Press forms after a demonym or country name: "Pakistani troops", "Pakistan Army".
ADJECTIVE_FORMS: dict[Force, tuple[str, ...]] = {
    "state": ("{} government", "{} authorities", "{} officials", "{} administration", "{} regime", "the {} state"),
    "military": (
        "{} military", "{} army", "{} armed forces", "{} military forces", "{} troops", "{} soldiers",
        "{} forces", "{} air force", "{} navy",
    ),
    "police": ("{} police", "{} policemen", "{} police officers", "{} police force", "{} police forces"),
    "security": ("{} security forces", "{} security personnel", "{} security officials", "{} security agencies"),
    "intelligence": (
        "{} intelligence", "{} intelligence services", "{} intelligence agencies", "{} intelligence agency",
        "{} spy agency",
    ),
}  # fmt: skip
# Forms after a possessive country name: "Pakistan's military".
POSSESSIVE_FORMS: dict[Force, tuple[str, ...]] = {
    "state": ("{} government", "{} authorities"),
    "military": ("{} military", "{} army", "{} armed forces", "{} troops"),
    "police": ("{} police",),
    "security": ("{} security forces",),
    "intelligence": ("{} intelligence", "{} intelligence agencies"),
}
# Unqualified terms ("the army", "police") name a state force only when the caller knows the country.
UNQUALIFIED_FORCE_TERMS: dict[Force, tuple[str, ...]] = {
    "state": ("government", "authorities", "state", "administration", "regime"),
    "military": ("military", "army", "armed forces", "military forces", "troops", "soldiers", "air force", "navy"),
    "police": ("police", "policemen", "police officers", "police force", "cops"),
    "security": ("security forces", "security personnel", "security officials", "security agencies",
                 "law enforcement agencies", "law enforcers"),
    "intelligence": ("intelligence agencies", "intelligence services", "intelligence agency", "spy agency"),
}  # fmt: skip
# Names the press uses where pycountry's are formal or inverted; the first is the display name.
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "BN": ("Brunei",),
    "BQ": ("Caribbean Netherlands", "Bonaire"),
    "CC": ("Cocos Islands",),
    "CD": ("Democratic Republic of the Congo", "DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville", "Congo"),
    "CI": ("Ivory Coast",),
    "CV": ("Cape Verde", "Cabo Verde"),
    "CZ": ("Czech Republic", "Czechia"),
    "FK": ("Falkland Islands", "Falklands"),
    "FM": ("Micronesia",),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    "KP": ("North Korea", "DPRK"),
    "MF": ("Saint Martin",),
    "MK": ("North Macedonia", "Macedonia"),
    "MM": ("Myanmar", "Burma"),
    "NL": ("Netherlands", "Holland"),
    "PS": ("Palestine", "Palestinian Authority", "State of Palestine"),
    "RU": ("Russia", "Russian Federation"),
    "SH": ("Saint Helena",),
    "SX": ("Sint Maarten",),
    "SZ": ("Eswatini", "Swaziland"),
    "TL": ("Timor-Leste", "East Timor"),
    "TR": ("Turkey", "Türkiye"),
    "US": ("United States", "US", "U.S.", "USA", "America", "United States of America"),
    "VA": ("Vatican", "Holy See", "Vatican City"),
    "VG": ("British Virgin Islands",),
    "VI": ("US Virgin Islands", "U.S. Virgin Islands"),
    "VN": ("Vietnam",),
}
# Display names read "the Philippines", "the United States" inside "Government of ...".
ARTICLE_NAMES = frozenset({"Bahamas", "Comoros", "Gambia", "Holy See", "Maldives", "Netherlands", "Philippines"})
ARTICLE_PREFIXES = ("United ", "Republic of ", "Democratic Republic ")
ARTICLE_SUFFIXES = ("Islands", "Republic")


@dataclass(frozen=True, slots=True)
class KnownRelation:
    """A documented link from the entry that lists it to `target` (an actor id), since a year if known."""

    type: str
    target: str
    since: str | None = None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One registered actor; `aliases` excludes `name`; `relations` are links it is the subject of."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    parent_id: str | None
    country_code: str | None
    active: str | None
    source: str
    relations: tuple[KnownRelation, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Registry:
    """Actors by id, with alias lookup, fuzzy search and spaCy EntityRuler patterns."""

    def __init__(self, entries: Iterable[ActorEntry]):
        self._entries: dict[str, ActorEntry] = {}
        for entry in entries:
            _check(entry, self._entries)
            self._entries[entry.id] = entry
        self._children: dict[str, list[ActorEntry]] = defaultdict(list)
        for entry in self._entries.values():
            if entry.parent_id is not None:
                if entry.parent_id not in self._entries:
                    raise ValueError(f"actor {entry.id!r} has unknown parent {entry.parent_id!r}")
                self._children[entry.parent_id].append(entry)
        self._incoming: dict[str, list[tuple[ActorEntry, KnownRelation]]] = defaultdict(list)
        for entry in self._entries.values():
            for relation in entry.relations:
                if relation.type not in RELATION_TYPES:
                    raise ValueError(f"actor {entry.id!r} has unknown relation type {relation.type!r}")
                if relation.target not in self._entries or relation.target == entry.id:
                    raise ValueError(f"actor {entry.id!r} has a relation to unknown actor {relation.target!r}")
                self._incoming[relation.target].append((entry, relation))
        self._cased: dict[str, list[ActorEntry]] = defaultdict(list)  # exact-case keys of short or common aliases
        self._keyed: dict[str, list[ActorEntry]] = defaultdict(list)  # word keys of all other aliases
        self._fuzzy = _Choices()
        self._search = _Choices()  # long aliases, scored with partial matching
        self._search_short = _Choices()  # acronyms: whole-string scoring, so "is" is not found inside "jaish"
        self._lookups: dict[tuple[str, str | None, bool], ActorEntry | None] = {}  # fuzzy matching is the slow part
        for entry in self._entries.values():
            for alias in entry.surface_forms:
                self._index(alias, entry)

    @classmethod
    def default(cls) -> Registry:
        """The packaged registry, built once per process."""
        return _default_registry()

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, actor_id: str) -> ActorEntry | None:
        return self._entries.get(actor_id)

    def lookup(self, mention: str, *, country_code: str | None = None, fuzzy: bool = True) -> ActorEntry | None:
        """The entry a mention names, or None. `country_code` breaks ties and resolves "the army".

        `fuzzy=False` skips the approximate match, for spans that are unlikely organisation names.
        """
        key = (mention, country_code, fuzzy)
        if key not in self._lookups:
            if len(self._lookups) >= LOOKUP_CACHE_SIZE:
                self._lookups.clear()
            self._lookups[key] = self._lookup(mention, country_code, fuzzy)
        return self._lookups[key]

    def _lookup(self, mention: str, country_code: str | None, fuzzy: bool) -> ActorEntry | None:
        hint = country_code.upper() if country_code else None
        variants = list(_variants(mention))
        for text, kinds in variants:
            found = _prefer([e for e in self._exact(text) if (kinds is None or e.kind in kinds)
                             and not _foreign_force_word(e, text, hint)], hint)
            if found:
                return found
        if hint and (force := _UNQUALIFIED_FORCES.get(_spaced(mention))):
            return self.state_actor(hint, force)
        for text, kinds in variants if fuzzy else ():
            found = self._fuzzy_match(text, hint, kinds)
            if found:
                return found
        return None

    def search(self, name: str, *, limit: int = 10) -> list[tuple[ActorEntry, float]]:
        """Entries ranked by their best-matching alias (rapidfuzz WRatio, 0-100).

        Equal scores are ordered by plain similarity to the whole alias, then registry order.
        """
        query = _spaced(name)
        if not query:
            return []
        best: dict[str, tuple[float, float]] = {}
        for choices, scorer in ((self._search, fuzz.WRatio), (self._search_short, fuzz.ratio)):
            for alias, score, index in process.extract(
                query, choices.names, scorer=scorer, score_cutoff=SEARCH_MIN_SCORE, limit=None
            ):
                entry_id = choices.entries[index].id
                best[entry_id] = max(best.get(entry_id, (0.0, 0.0)), (score, fuzz.ratio(query, alias)))
        order = {entry_id: position for position, entry_id in enumerate(self._entries)}
        ranked = sorted(best, key=lambda entry_id: (-best[entry_id][0], -best[entry_id][1], order[entry_id]))
        return [(self._entries[entry_id], best[entry_id][0]) for entry_id in ranked[:limit]]

    def state_actor(self, country_code: str, force: Force = "state") -> ActorEntry | None:
        return self.get(_state_id(country_code.upper(), force))

    def factions(self, actor_id: str) -> list[ActorEntry]:
        """Direct children: factions, armed wings, branches and sub-forces."""
        return list(self._children.get(actor_id, ()))

    def relations(self, actor_id: str) -> list[tuple[ActorEntry, KnownRelation]]:
        """Known links of an actor in both directions, each with the entry at its other end.

        Outgoing links (the actor is the subject) come first, in listed order, then incoming
        ones in registry order; an incoming relation's `target` is `actor_id` itself.
        """
        entry = self._entries.get(actor_id)
        if entry is None:
            return []
        outgoing = [(self._entries[relation.target], relation) for relation in entry.relations]
        return [*outgoing, *self._incoming.get(actor_id, ())]

    def exact(self, text: str) -> list[ActorEntry]:
        """Entries with an alias that matches `text` exactly (after normalisation), in registry order."""
        return self._exact(text)

    def entity_patterns(self) -> list[dict]:
        """EntityRuler token patterns (label ORG, id = actor id) for named organisations and state bodies.

        Each alias is split as spaCy's English tokenizer splits running text.
        Short aliases and capitalised common phrases match case-sensitively
        (ORTH), as do acronyms inside longer aliases ("IS group"); the rest
        match case-insensitively (LOWER). An alias shared by two entries keeps
        the first-listed id; `lookup(..., country_code=...)` disambiguates.
        """
        import spacy  # slow to import, and only pattern building needs it

        tokenizer = spacy.blank("en").tokenizer
        patterns: list[dict] = []
        seen: set[tuple[tuple[str, str], ...]] = set()
        for entry in self._entries.values():
            # Named state bodies ("Frontier Corps") too; generated state actors ("Lebanese forces") are phrases.
            named_body = entry.kind == "state_force" and not entry.id.startswith("state:")
            if entry.kind not in GROUP_KINDS and not named_body:
                continue
            for alias in _pattern_aliases(entry):
                pattern = _token_pattern((t.text for t in tokenizer(alias)), cased=_is_case_sensitive(alias))
                key = tuple(tuple(token.items())[0] for token in pattern)
                if key not in seen:
                    seen.add(key)
                    patterns.append({"label": "ORG", "pattern": pattern, "id": entry.id})
        return patterns

    def _index(self, alias: str, entry: ActorEntry) -> None:
        spaced = _spaced(alias)
        if not spaced:
            return
        if _is_case_sensitive(alias):
            _append_once(self._cased[_cased_key(alias)], entry)
        else:
            _append_once(self._keyed[_word_key(alias)], entry)
            if len(spaced.replace(" ", "")) >= FUZZY_MIN_LENGTH:
                self._fuzzy.add(spaced, entry)
        if len(spaced.replace(" ", "")) <= SHORT_ALIAS_MAX:
            self._search_short.add(spaced, entry)
        else:
            self._search.add(spaced, entry)

    def _exact(self, text: str) -> list[ActorEntry]:
        return [*self._cased.get(_cased_key(text), ()), *self._keyed.get(_word_key(text), ())]

    def _fuzzy_match(self, text: str, hint: str | None, kinds: frozenset[str] | None) -> ActorEntry | None:
        query = _spaced(text)
        if len(query.replace(" ", "")) < FUZZY_MIN_LENGTH:
            return None
        scores: dict[int, float] = {}
        indices, names = self._fuzzy.near_length(len(query), FUZZY_MIN_SCORE)
        for scorer in FUZZY_SCORERS:
            for _, score, position in process.extract(
                query, names, scorer=scorer, score_cutoff=FUZZY_MIN_SCORE, limit=None
            ):
                index = indices[position]
                if kinds is None or self._fuzzy.entries[index].kind in kinds:
                    scores[index] = max(score, scores.get(index, 0.0))
        if not scores:
            return None

        def rank(index: int) -> tuple[bool, float, int]:
            in_country = hint is not None and self._fuzzy.entries[index].country_code == hint
            return in_country, scores[index], -index

        return self._fuzzy.entries[max(scores, key=rank)]


class _Choices:
    """Parallel lists of normalised alias strings and their entries, for rapidfuzz."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.entries: list[ActorEntry] = []
        self._seen: set[tuple[str, str]] = set()
        self._by_length: tuple[list[int], list[int], list[str]] | None = None

    def add(self, name: str, entry: ActorEntry) -> None:
        if (name, entry.id) not in self._seen:
            self._seen.add((name, entry.id))
            self.names.append(name)
            self.entries.append(entry)
            self._by_length = None

    def near_length(self, length: int, min_score: float) -> tuple[list[int], list[str]]:
        """The names (and their indices) whose length allows a score of `min_score` against a `length`-long query.

        ratio and token_sort_ratio are at most 200·min(a, b)/(a + b) for lengths a and b (words are single-spaced,
        so sorting them keeps the length); comparing only those names makes fuzzy lookup about twice as fast.
        """
        if self._by_length is None:
            order = sorted(range(len(self.names)), key=lambda index: len(self.names[index]))
            self._by_length = ([len(self.names[i]) for i in order], order, [self.names[i] for i in order])
        lengths, indices, names = self._by_length
        low = bisect.bisect_left(lengths, math.floor(length * min_score / (200 - min_score)))
        high = bisect.bisect_right(lengths, math.ceil(length * (200 - min_score) / min_score))
        return indices[low:high], names[low:high]


# --- normalisation ----------------------------------------------------------


def _fold(text: str) -> str:
    """Diacritics dropped, typographic quotes and dashes made plain, whitespace collapsed."""
    text = text.translate(_QUOTES)
    if not text.isascii():  # most aliases are ASCII; decomposing them is the slow part of loading
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


def _bare(text: str) -> str:
    return _LEADING_THE.sub("", _fold(text))


def _cased_key(text: str) -> str:
    """Letters and digits in their case: the key of acronyms and capitalised common words."""
    return _NON_ALNUM.sub("", _bare(text))


def _word_key(text: str) -> str:
    """Letters and digits, so "al-Qaeda", "al Qaeda" and "AlQaeda" meet; only acronyms keep their case."""
    return "".join(w if _is_acronym(w) else w.lower() for w in _NON_ALNUM.split(_bare(text)))


def _spaced(text: str) -> str:
    """Lower-case words separated by single spaces, for fuzzy scoring."""
    return " ".join(_NON_ALNUM.sub(" ", _bare(text)).lower().split())


def _is_acronym(word: str) -> bool:
    """True for words like "IS", "LeJ" or "M23": a capital after the first letter, or capitals with digits."""
    letters = _NON_ALNUM.sub("", word)
    has_upper = any(c.isupper() for c in letters)
    return 2 <= len(letters) <= SHORT_ALIAS_MAX and (
        any(c.isupper() for c in letters[1:]) or (has_upper and any(c.isdigit() for c in letters))
    )


def _is_case_sensitive(alias: str) -> bool:
    return len(_cased_key(alias)) <= SHORT_ALIAS_MAX or _spaced(alias) in COMMON_ENGLISH


def _variants(mention: str) -> Iterator[tuple[str, frozenset[str] | None]]:
    """The mention, then without a possessive or a bracketed acronym, then without descriptors."""
    text = _fold(mention)
    yield text, None
    bare = _POSSESSIVE.sub("", _TRAILING_PARENTHESIS.sub("", text))
    if bare != text:
        yield bare, None
    stripped = _DESCRIPTOR_SUFFIX.sub("", _DESCRIPTOR_PREFIX.sub("", bare))
    if stripped and stripped != bare:
        yield stripped, GROUP_KINDS


def _foreign_force_word(entry: ActorEntry, text: str, hint: str | None) -> bool:
    """"Rangers" in a Thai story are Thai rangers, not Pakistan Rangers: a state body's one-word
    alias that is not an acronym names it only in its own country's news."""
    return (hint is not None and entry.kind == "state_force" and entry.country_code not in {None, hint}
            and " " not in text.strip() and not text.isupper())


def _prefer(candidates: list[ActorEntry], hint: str | None) -> ActorEntry | None:
    for entry in candidates:
        if hint is not None and entry.country_code == hint:
            return entry
    return candidates[0] if candidates else None


def _pattern_aliases(entry: ActorEntry) -> Iterator[str]:
    """Aliases worth a pattern, with curly-apostrophe twins of straight ones."""
    for alias in entry.surface_forms:
        bare = _LEADING_THE.sub("", alias)
        if bare != alias and bare in entry.surface_forms:
            continue  # "the Houthis": the ruler already matches "Houthis"
        if _spaced(alias) in COMMON_ENGLISH and (alias.islower() or (" " not in bare and not bare.isupper())):
            continue  # ordinary English unless capitalised; a single word only as an acronym
        yield alias
        if "'" in alias:
            yield alias.replace("'", "’")


def _token_pattern(tokens: Iterable[str], *, cased: bool) -> list[dict[str, str]]:
    """ORTH for a case-sensitive alias and for acronym tokens inside a longer one, else LOWER."""
    return [{"ORTH": t} if cased or _is_acronym(t) else {"LOWER": t.lower()} for t in tokens]


def _append_once(entries: list[ActorEntry], entry: ActorEntry) -> None:
    if entry not in entries:
        entries.append(entry)


def _check(entry: ActorEntry, known: dict[str, ActorEntry]) -> None:
    if entry.id in known:
        raise ValueError(f"duplicate actor id {entry.id!r}")
    if entry.kind not in ACTOR_KINDS:
        raise ValueError(f"actor {entry.id!r} has unknown kind {entry.kind!r}")


_UNQUALIFIED_FORCES: dict[str, Force] = {
    _spaced(term): force for force, terms in UNQUALIFIED_FORCE_TERMS.items() for term in terms
}


# --- loading ----------------------------------------------------------------


@cache
def _default_registry() -> Registry:
    return registry_from_records(_load_json(ACTORS_FILE))


def registry_from_records(records: Iterable[dict[str, Any]]) -> Registry:
    """A registry of curated records (the `actors.json` format) plus the generated state actors."""
    countries = _load_json(COUNTRY_NAMES_FILE)["countries"]
    demonyms = {code: names.get("demonyms", []) for code, names in countries.items()}
    return Registry([*map(entry_from_record, records), *_state_actors(demonyms)])


def entry_from_record(record: dict[str, Any]) -> ActorEntry:
    relations = tuple(KnownRelation(**relation) for relation in record.get("relations", ()))
    return ActorEntry(**{**record, "aliases": tuple(record["aliases"]), "relations": relations})


def _load_json(name: str) -> Any:
    return json.loads((resources.files("sitrep") / "data" / name).read_text(encoding="utf-8"))


def _state_id(country_code: str, force: Force) -> str:
    return f"state:{country_code}" if force == "state" else f"state:{country_code}:{force}"


def _state_actors(demonyms: dict[str, list[str]]) -> Iterator[ActorEntry]:
    """Government, military, police, security and intelligence entries for every pycountry country."""
    for country in pycountry.countries:
        code = country.alpha_2
        names = _country_names(country)
        adjectives = [*names, *demonyms.get(code, ())]
        possessives = [f"{name}'" if name.endswith("s") else f"{name}'s" for name in names]
        for force, canonical in FORCE_NAMES.items():
            aliases = [
                *(form.format(a) for form in ADJECTIVE_FORMS[force] for a in adjectives),
                *(form.format(p) for form in POSSESSIVE_FORMS[force] for p in possessives),
            ]
            if force == "state":
                aliases = [*names, *_official_names(country), *aliases]
            yield ActorEntry(
                id=_state_id(code, force),
                name=canonical.format(_with_article(names[0])),
                aliases=tuple(dict.fromkeys(aliases)),
                kind="state" if force == "state" else "state_force",
                parent_id=None if force == "state" else _state_id(code, "state"),
                country_code=code,
                active=None,
                source=GENERATED_SOURCE,
            )


def _country_names(country) -> list[str]:
    """Short names, display name first; pycountry's inverted forms ("Iran, Islamic Republic of") are skipped."""
    names = [*COMMON_NAMES.get(country.alpha_2, ()), getattr(country, "common_name", None), country.name]
    return list(dict.fromkeys(n for n in names if n and "," not in n and "(" not in n))


def _official_names(country) -> list[str]:
    official = getattr(country, "official_name", None)
    return [official] if official and "," not in official else []


def _with_article(name: str) -> str:
    needs_article = (
        name in ARTICLE_NAMES or name.startswith(ARTICLE_PREFIXES) or name.endswith(ARTICLE_SUFFIXES)
    )
    return f"the {name}" if needs_article else name

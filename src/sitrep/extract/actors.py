"""Find actor mentions and turn them into canonical actors.

Mentions come from four places, in this order: registry spans claimed by the
entity ruler; spaCy entities that the registry resolves (or that look like
armed groups and become unregistered actors); "the X faction of Y" phrases;
and noun phrases naming a state body ("Pakistani authorities", "Pakistan's
military", "security forces"). Definite descriptions ("the group") are
resolved to an earlier actor.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..model import Actor
from ..nlp import is_title_case
from ..registry import ActorEntry, Registry
from ..resolve.places import Gazetteer, name_key
from ..resolve.country_cues import admin_term_countries, publisher_country
from .context import ORG_LABELS, ActorMention, Context, Sentence, slug
from .places import place_entities

NON_STATE_KINDS = {"armed_group", "faction", "militia", "political_party"}
# The stock model labels unknown group names ORG, but also WORK_OF_ART, PERSON or EVENT.
UNKNOWN_GROUP_LABELS = {"ORG", "WORK_OF_ART", "PERSON", "EVENT", "PRODUCT", "NORP", "FAC"}
# Agencies and media named in bylines, credits and attributions are sources, not actors.
MEDIA_NAMES = {
    "ap", "afp", "reuters", "associated press", "agence france-presse", "bbc", "cnn", "al jazeera",
    "xinhua", "pti", "ani", "ians", "dawn", "efe", "dpa", "anadolu", "upi", "bloomberg",
}
# Words that make an unknown organisation name look like an armed or political group.
GROUP_WORDS = re.compile(
    r"\b(army|front|brigades?|battalions?|movement|lashkar|jaish|jaysh|tehri[kq]|tehreek|jamaat|jama'?at?|jemaah?|"
    r"harakat|ansar|mujahideen|mujahidin|mujahedeen|liberation|militias?|taliban|jihad|hizb|hezb|commandos?|"
    r"guerr?illas?|rebels?|resistance|revolutionary|faction|sipah|death squads?|insurgents?|jihadists?|fedayeen|"
    r"patriotic|jund|liwa|kata'?ib|katibat?|faylaq|jabhat?|firqat?|saraya|tanzim|regiment|legion|combatants|"
    r"fighters|paramilitar(?:y|ies)|vanguard|emirate|ajnad|suq[ou]ur|fawj|usud|ahrar|thuwar|asa'?i?'?b|majlis|"
    r"muhajireen|murabit(?:oun|un))\b",
    re.IGNORECASE,
)
# Weaker words: a capitalised name with one of these is a group when the model calls it an
# organisation or the article gives it an acronym ("Partisan Action Groups (GAP)").
WEAK_GROUP_WORDS = re.compile(
    r"\b(organi[sz]ation|groups?|party|union|council|league|network|alliance|coalition|forces?|committees?|"
    r"order|circle|collective|cells?|nuclei|nucleus|units?|formations?|divisions?|column|wing|tigers|squads?|"
    r"position|action|trust|republic)\b",
    re.IGNORECASE,
)
FACTION_RE = re.compile(
    r"\b(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+"
    r"(?P<kind>faction|wing|chapter|branch|splinter group|offshoot)\s+of\s+(?:the\s+)?$"
)
# Head nouns of phrases naming a state body, and which part of the state they name.
STATE_HEADS = {
    "authorities": "state", "government": "state", "officials": "state", "administration": "state",
    "state": "state", "official": "security",
    "military": "military", "army": "military", "troops": "military", "soldiers": "military",
    "forces": "security", "police": "police", "policemen": "police", "intelligence": "intelligence",
    "enforcers": "police", "station": "police", "constables": "police", "personnel": "security",
    "rangers": "military", "ranger": "military", "paramilitaries": "military", "jawans": "military",
    "jawan": "military", "soldier": "military", "trooper": "military", "troopers": "military",
    "policeman": "police", "constable": "police", "cop": "police", "cops": "police",
}
FORCE_MEMBERS = {"officers", "officer", "personnel", "men", "man", "jawans", "constable", "commandos", "guards"}
FORCE_WORDS = {"police", "army", "military", "intelligence"}
STATE_QUALIFIERS = {"security", "armed", "military", "government", "paramilitary", "federal", "provincial", "local"}
NAMING_SOURCES = {"registry", "ner", "faction", "state"}
DESCRIPTOR_HEADS = {"group", "outfit", "organisation", "organization", "faction", "groups", "outfits", "jihadists"}


def find_mentions(ctx: Context, *, registry: Registry, gazetteer: Gazetteer) -> None:
    """Fill `ctx.mentions` and `ctx.country_counts` from the parsed article."""
    _count_countries(ctx, gazetteer)
    for sentence in ctx.sentences:
        _entity_mentions(ctx, sentence, registry)
    _count_home_countries(ctx, registry, gazetteer)
    for sentence in ctx.sentences:
        _faction_mentions(ctx, sentence, registry)
        _state_mentions(ctx, sentence, registry, gazetteer)
    for sentence in ctx.sentences:
        _descriptor_mentions(ctx, sentence)


# How much each kind of evidence says about which country an article is about: a country
# named outright says most; a group's home country and a town named (by its own name, not
# an alternate one: "Gulshan" is a Dhaka district and an old name of a town in Iran) less.
# The publisher's home country ("The Daily Star (Bangladesh)") counts as much as a demonym:
# more than one small town's name, which is often shared with towns abroad ("Mirpur"); so
# does a word only one country's press uses for its local units ("upazila").
COUNTRY_WEIGHT, DEMONYM_WEIGHT, ACTOR_WEIGHT, PUBLISHER_WEIGHT, ADMIN_TERM_WEIGHT = 3.0, 1.5, 2.0, 1.5, 1.5
CITY_WEIGHT, PLACE_WEIGHT, ALTERNATE_NAME_WEIGHT = 2.0, 1.0, 0.25  # a province or a city of 100,000, a town, an alias
CITY_POPULATION = 100_000


def _count_countries(ctx: Context, gazetteer: Gazetteer) -> None:
    if ctx.article.source:
        words = re.findall(r"[\w'-]+", ctx.article.source)
        codes = {entry.country_code for n in (3, 2, 1) for i in range(len(words) - n + 1)
                 if (entry := gazetteer.country(" ".join(words[i : i + n]))) is not None and entry.country_code}
        codes = codes or {publisher_country(ctx.article.source)} - {None}
        for code in codes:
            ctx.country_counts[code] += PUBLISHER_WEIGHT
    for code in admin_term_countries(ctx.doc.text):
        ctx.country_counts[code] += ADMIN_TERM_WEIGHT
    for sentence in ctx.sentences:
        for ent in sentence.ents:
            if ent.label_ in {"GPE", "NORP", "LOC"}:
                entry = gazetteer.country(ent.text)
                if entry is not None and entry.country_code:
                    # "a Polish oil firm" says less about where things happen than "Pakistan"
                    weight = DEMONYM_WEIGHT if ent.label_ == "NORP" else COUNTRY_WEIGHT
                    ctx.country_counts[entry.country_code] += weight


def _count_home_countries(ctx: Context, registry: Registry, gazetteer: Gazetteer) -> None:
    for mention in ctx.mentions:
        entry = registry.get(mention.actor_id)
        if entry is not None and entry.country_code and entry.kind in NON_STATE_KINDS:
            ctx.country_counts[entry.country_code] += ACTOR_WEIGHT
    hints = ctx.country_hints
    # each name once: a town named five times is no more evidence than once ("Rampura", a Dhaka
    # neighbourhood, is a town in India)
    seen = set()
    for sentence in ctx.sentences:
        for ent in place_entities(ctx, sentence, gazetteer):
            if gazetteer.country(ent.text) is not None or name_key(ent.text) in seen:
                continue
            seen.add(name_key(ent.text))
            entry = gazetteer.resolve(ent.text, country_codes=hints)
            if entry is not None and entry.country_code:
                weight = ALTERNATE_NAME_WEIGHT
                if name_key(entry.name) == name_key(ent.text):
                    weight = CITY_WEIGHT if entry.population >= CITY_POPULATION or entry.kind == "admin1" else PLACE_WEIGHT
                ctx.country_counts[entry.country_code] += weight


def _entity_mentions(ctx: Context, sentence: Sentence, registry: Registry) -> None:
    claimed = _name_mentions(ctx, sentence, registry)
    for ent in sentence.ents:
        if ent.label_ not in ORG_LABELS | UNKNOWN_GROUP_LABELS:
            continue
        if any(ent.start_char < end and start < ent.end_char for start, end in claimed):
            continue  # a name found above covers it
        name = _strip_determiner(ent)
        if ent.ent_id_:
            entry = registry.get(ent.ent_id_)
        else:
            # Only spans the model calls organisations are worth an approximate match.
            entry = registry.lookup(name.text, country_code=ctx.main_country,
                                    fuzzy=ent.label_ == "ORG") if name.text else None
            # Named state bodies count too: "the Frontier Corps", "Rapid Action Battalion", "Pakistan Army".
            if entry is not None and entry.kind not in NON_STATE_KINDS | {"international_organization", "state_force"}:
                entry = None
        if entry is not None:
            ctx.add_mention(ActorMention(entry.id, ent.start_char, ent.end_char, ent.text, sentence.index, "registry"))
        elif ent.label_ in UNKNOWN_GROUP_LABELS and name.root.lower_ not in STATE_HEADS and (
                _looks_like_group(name) or (ent.label_ == "ORG" and (ARABIC_NAME.fullmatch(name.text)
                                                                    or _hyphened_name(name.text)))):
            actor = _new_actor(ctx, name.text, kind="armed_group")
            ctx.add_mention(ActorMention(actor.id, ent.start_char, ent.end_char, ent.text, sentence.index, "ner"))
    _acronym_mentions(ctx, sentence, registry)


def _looks_like_group(name: Span) -> bool:
    text = name.text
    if text.lower() in MEDIA_NAMES or not GROUP_WORDS.search(text):
        return False
    # Facilities named after a place ("Balochistan Police College") are targets, not actors.
    return name.root.lower_ not in {"college", "school", "academy", "hospital", "university", "station", "hotel"}



# --- unknown groups named in the text: capitalised names and acronyms --------------------

_PARTICLE = r"(?:al|el|ul|ud|ur|us|as|ash|ad|an|ar|at|az|e|i|wal|wa|bin|ibn|abu|fi)"
_CAP = r"(?:[lLdD]['’])?[A-Z0-9ÀÁÂÄÈÉÊÍÎÓÔÖÚÛÜÇÑ][\w'’]*"  # "Ouest", "l'Unification"
# One word of a name: "Jaysh", "al-Islam", "Lashkar-e-Taiba", "Hizb-ul-Mujahideen", "1920s", "M-19".
NAME_WORD = re.compile(rf"(?<![\w'’-])(?:{_PARTICLE}[-‑])*{_CAP}(?:[-‑](?:{_PARTICLE}[-‑])*{_CAP})*")
# What may join two words of one name: "Islamic Army in Iraq", "Liberation Tigers of Tamil Eelam".
NAME_GAP = re.compile(r"\s+(?:(?:of|in|for|the|de|du|des|del|la|le|pour|et|en|y|wal|wa|al|el|bin|ibn|fi|and|&)\s+)*")
# An organisation called "al-Nusra" or "Al Murabitoun": a transliterated Arabic name.
ARABIC_NAME = re.compile(r"(?:al|Al|AL)[- ][A-Z][a-z'’]+(?:[- ](?:al|Al)[- ][A-Z][a-z'’]+)?")
# An organisation called "Riyadus-Salikhin" or "Lashkar-e-Zil": a transliterated compound, not an
# English one ("Joint-General", "Vice-Chancellor", "Pro-Government").
HYPHENED_NAME = re.compile(r"(?!(?:Joint|Vice|Deputy|Chief|Inspector|Director|Secretary|Pro|Anti|Co|Ex|Non|Post|Pre|"
                           r"Multi|Inter|Counter|Cross|North|South|East|West|Central|Self|Super|Sub|Semi|Mid|Major|"
                           r"Lieutenant|Sub-Inspector|Officer|Commander|Assistant|Additional)-)"
                           r"[A-Z][a-z]+(?:-(?:[a-z]{1,3}-)?[A-Z][a-z]+)+")
ACRONYM_DEF = re.compile(r"\s*\(\s*(?P<acronym>[A-Z][A-Za-z0-9]*(?:[-–][A-Za-z0-9]+)*)\s*\)")
ACRONYM_WORD = re.compile(r"(?<![\w'’-])(?=(?:[a-z0-9-]*[A-Z]){2})[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)*(?![\w-])")
# Capitalised words that open a sentence or a clause but are no part of a name.
NAME_STOPWORDS = {
    "the", "a", "an", "in", "on", "at", "after", "before", "during", "following", "despite", "although", "though",
    "while", "when", "since", "by", "from", "with", "and", "but", "as", "for", "of", "to", "under", "both", "several",
    "some", "many", "most", "other", "its", "their", "his", "her", "this", "that", "it", "they",
    "he", "she", "we", "also", "then", "however", "according", "shortly", "later", "soon", "upon", "once",
    "throughout", "subsequently", "because", "due", "unconfirmed", "former", "formerly", "new", "unlike", "like",
    "whether", "if", "until", "meanwhile", "instead", "all", "each", "either", "neither", "one", "two", "three",
    "leader", "leaders", "members", "fighters", "militants", "thirteen", "twelve", "so", "early", "late", "mid",
}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
# Words a possessive may sit inside of a name: "People's Liberation Army".
NAME_POSSESSIVES = {"people", "peoples", "women", "workers", "patients", "martyrs", "socialists", "nation"}
NAME_TRAILING = {"of", "in", "for", "the", "de", "du", "des", "del", "la", "le", "pour", "et", "y", "wal", "wa",
                 "al", "el", "bin", "ibn", "fi", "and", "&"}
# Heads that name a place, a state body or an institution rather than a group.
NOT_GROUP_HEADS = {"college", "school", "academy", "hospital", "university", "station", "hotel", "government",
                   "ministry", "parliament", "assembly", "court", "bank", "company", "corporation", "agency",
                   "commission", "office", "department", "police", "embassy", "airport", "prison", "mosque",
                   "church", "market", "province", "governorate", "district", "city", "region", "valley", "river",
                   "mountains", "dam", "base", "camp", "camps", "road", "street", "square", "bridge", "centre",
                   "center", "war", "revolution", "operation", "accords", "agreement", "resolution", "law"}
STATE_BODY_WORDS = STATE_QUALIFIERS | {"national", "royal", "defence", "defense", "arab", "regular", "special",
                                       "border", "frontier", "counter-terrorism", "republican", "kurdish"}
DESCRIPTOR_WORDS = {"group", "groups", "organisation", "organization", "outfit", "movement", "network",
                    "militants", "fighters", "faction", "central", "core"}
# Acronyms that are not groups: weapons, times, titles and units.
NOT_GROUP_ACRONYMS = {"IED", "IEDS", "RPG", "AK", "SUV", "IST", "PKT", "GMT", "UTC", "EST", "CCTV", "TV", "AM",
                      "PM", "CEO", "MP", "MNA", "MPA", "DIG", "IG", "SHO", "DPO", "SP", "FIR", "ID", "OK", "II",
                      "III", "IV", "VI", "VII", "VIII", "IX", "XI", "USD", "GDP", "NGO", "NGOS", "HQ", "DNA",
                      "UAV", "UAVS", "US", "UK", "USA", "UAE"}


def _name_mentions(ctx: Context, sentence: Sentence, registry: Registry) -> list[tuple[int, int]]:
    """Capitalised names of unknown groups in a sentence; returns the spans claimed.

    "the Islamic Army in Iraq (IAI)", "1920s Revolution Brigades", "Jaish al-Fatah": a run
    of capitalised words (with "al-", "of", "in" between) that holds a group word. A run
    that extends a registered name ("Red Brigades Guerrilla Party", "Kurdish Hamas",
    "Ansar al-Islam Syria") is a group of its own. State bodies ("the Iraqi Army") and
    titles in Title Case are left to other rules.
    """
    if sentence.kind == "title" or is_title_case(sentence.text):
        return []
    claimed: list[tuple[int, int]] = []
    registered = [(ent.start_char, ent.end_char) for ent in sentence.ents if ent.ent_id_]
    persons = [(ent.start_char, ent.end_char) for ent in sentence.ents if ent.label_ == "PERSON"]
    for start, end in _name_runs(ctx.article.text, sentence.start, sentence.end):
        for p_start, p_end in persons:
            rest, person = ctx.article.text[p_end:end], ctx.article.text[max(start, p_start):p_end]
            if p_start <= start < p_end < end and not GROUP_WORDS.search(person) and (
                    GROUP_WORDS.search(rest) or (WEAK_GROUP_WORDS.search(rest) and len(rest.split()) >= 2)):
                start = p_end + len(rest) - len(rest.lstrip())  # "Ali Bapirs Kurdistan Islamic Group"
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in registered):
            continue  # the registry's name is longer: "Salafist Group for Preaching and Combat"
        text = ctx.article.text[start:end]
        entry = registry.lookup(text, fuzzy=False)
        if entry is not None and entry.kind in NON_STATE_KINDS | {"international_organization"}:
            if not any(m.start == start and m.end == end for m in ctx.mentions):
                ctx.add_mention(ActorMention(entry.id, start, end, text, sentence.index, "registry"))
            claimed.append((start, end))
            continue
        if entry is not None:
            continue  # a country or a state body the registry knows: other rules read it
        verdict = _run_is_group(ctx, sentence, start, end, registry)
        if verdict is True and re.search(r"\b(?:al|ul|Al)[- ]", text):
            # "Fatah al-Sham" holds "Fatah" but is another registered group's name, spelled short.
            inner = {ent.ent_id_ for ent in sentence.ents if ent.ent_id_ and start <= ent.start_char < end}
            entry = registry.lookup(text)
            if entry is not None and inner and entry.id not in inner and entry.kind in NON_STATE_KINDS:
                verdict = entry.id
        if verdict is False and re.search(r"\b(?:al|ul|Al)[- ]", text):
            # Transliterations vary ("Al Muabitoun", "Hakat-ul-Mujahedeen"): an approximate match.
            entry = registry.lookup(text)
            verdict = entry.id if entry is not None and entry.kind in NON_STATE_KINDS else False
        if verdict is False:
            continue
        if verdict is True:
            actor_id, via = _new_actor(ctx, text, kind=_unknown_kind(text)).id, "ner"
        else:
            actor_id, via = verdict, "registry"
        _drop_mentions_inside(ctx, start, end, keep=actor_id)
        ctx.add_mention(ActorMention(actor_id, start, end, text, sentence.index, via))
        claimed.append((start, end))
    return claimed


# Names of political organisations rather than armed ones (unless a group word says otherwise).
PARTY_WORDS = re.compile(r"\b(?:party|league|congress|dal|parishad|sangh|morcha|sabha|samiti)\b", re.IGNORECASE)


def _unknown_kind(name: str) -> str:
    return "political_party" if PARTY_WORDS.search(name) and not GROUP_WORDS.search(name) else "armed_group"


def _hyphened_name(text: str) -> bool:
    """'Riyadus-Salikhin', not a road between two towns ('Dhaka-Aricha')."""
    if not HYPHENED_NAME.fullmatch(text):
        return False
    gazetteer = Gazetteer.default()
    return not all(gazetteer.resolve(part) is not None for part in text.split("-") if len(part) > 3)


def _name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of candidate names: capitalised words joined by name particles, trimmed."""
    words = [(m.start(), m.end()) for m in NAME_WORD.finditer(text, start, end)]
    runs: list[list[tuple[int, int]]] = []
    for word in words:
        joined = NAME_GAP.fullmatch(text, runs[-1][-1][1], word[0]) if runs else None
        if joined and joined.group().strip() and text[word[0] : word[1]].lower() in CALENDAR_WORDS:
            joined = None  # "Jamaat for Monday"
        if joined and not _ends_possessive(text, runs[-1][-1]):
            runs[-1].append(word)
        else:
            runs.append([word])
    spans = []
    for run in runs:
        for piece in _split_run(text, run):
            spans.extend(_trim_run(text, piece))
    return spans


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
CALENDAR_WORDS = MONTHS | WEEKDAYS


def _ends_possessive(text: str, word: tuple[int, int]) -> bool:
    token = text[word[0] : word[1]]
    match = re.search(r"['’]s?$", token)
    return bool(match) and token[: match.start()].lower() not in NAME_POSSESSIVES


def _split_run(text: str, run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split at "and", unless an acronym after the run spells it with the "and" in: "Research and
    Analysis Wing (RAW)"."""
    gaps = [text[a[1] : b[0]] for a, b in zip(run, run[1:])]
    if not any(re.search(r"\b(?:and|&)\b", gap) for gap in gaps):
        return [run]
    definition = ACRONYM_DEF.match(text, run[-1][1])
    if definition:
        letters = "".join(text[s] for s, _ in run).upper()
        acronym = re.sub(r"[^A-Z]", "", definition.group("acronym").upper())
        if acronym and (acronym == letters or acronym in {letters.replace("A", "", 1)}):
            return [run]
    pieces, current = [], [run[0]]
    for gap, word in zip(gaps, run[1:]):
        if re.search(r"\b(?:and|&)\b", gap):
            pieces.append(current)
            current = [word]
        else:
            current.append(word)
    pieces.append(current)
    return pieces


def _trim_run(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop opening stopwords and a count, strip a possessive, split "X Front of the Y Army" in two."""
    while run and text[run[0][0] : run[0][1]].lower() in NAME_STOPWORDS | WEEKDAYS:
        run = run[1:]  # "on Tuesday Army and police forces"; but "March 14 Alliance" is a name
    # "In June 2014 Islamic Army fighters": a date before the name
    while len(run) > 2 and text[run[0][0] : run[0][1]].lower() in MONTHS and re.fullmatch(
            r"\d{1,4}", text[run[1][0] : run[1][1]]) and len(text[run[1][0] : run[1][1]]) == 4:
        run = run[2:]
    while run and text[run[0][0] : run[0][1]].isdigit() and (
            len(run) > 2 or re.fullmatch(r"1[89]\d\d|20\d\d", text[run[0][0] : run[0][1]])
            or (len(run) > 1 and text[run[0][1] : run[1][0]].strip())):
        run = run[1:]  # "15 Islamic Army in Iraq fighters", "In 2007 the FHLA"; but "313 Brigade"
    while run and (text[run[-1][0] : run[-1][1]].isdigit() or text[run[-1][0] : run[-1][1]].lower() in CALENDAR_WORDS):
        run = run[:-1]  # "the 1920s Revolution Brigades in 2007", "Pakistan Rangers Sunday": no part of the name
    if not run:
        return []
    start, end = run[0][0], run[-1][1]
    token = text[run[-1][0] : end]
    if match := re.search(r"['’]s?$", token):
        end = run[-1][0] + match.start()
    name = text[start:end]
    split = re.search(r"\s+of\s+(?:the\s+)?", name)
    if split:
        before, after = name[: split.start()], name[split.end() :]
        last = before.split()[-1] if before.split() else ""
        if GROUP_WORDS.fullmatch(last) and (GROUP_WORDS.search(after) or WEAK_GROUP_WORDS.search(after)):
            return [(start, start + split.start()), (start + split.end(), end)]
    return [(start, end)] if end > start else []


def _run_is_group(ctx: Context, sentence: Sentence, start: int, end: int, registry: Registry) -> bool | str:
    """True for a new group; an actor id when the run is a longer name of a registered actor."""
    text = ctx.article.text[start:end]
    words = text.split()
    if len(words) == 1 and re.search(r"\w-\w", text) and ACRONYM_DEF.match(ctx.article.text, end):
        return True  # "Hakat-ul-Jiahdi-Islami(HuJI)": one hyphened name given an acronym
    if len(words) < 2 or text.lower() in MEDIA_NAMES:
        return False
    head = words[-1].lower()
    if head in NOT_GROUP_HEADS or _state_body(ctx, words) or Gazetteer.default().country(text) is not None:
        return False
    inside = [m for m in ctx.mentions if start <= m.start and m.end <= end and m.via == "registry"]
    inside += [ActorMention(ent.ent_id_, ent.start_char, ent.end_char, ent.text, sentence.index, "registry")
               for ent in sentence.ents if ent.ent_id_ and start <= ent.start_char and ent.end_char <= end]
    if inside:
        return _extends_registered(ctx, start, end, inside, registry)
    if GROUP_WORDS.search(text):
        return True
    overlapping = [ent for ent in sentence.ents if ent.start_char < end and start < ent.end_char]
    if _in_relation_cue(ctx.article.text, sentence, start, end) and not any(
            ent.label_ == "PERSON" and ent.start_char <= start and end <= ent.end_char for ent in overlapping) \
            and Gazetteer.default().resolve(text) is None:
        return True  # "split from Prima Linea": what a group splits from or merges with is a group
    if _coordinated_with_group(ctx, sentence, start, end) and WEAK_GROUP_WORDS.search(text) \
            and Gazetteer.default().resolve(text) is None:
        return True  # "Ingush Jamaat and the Chechen Republic of Ichkeria": listed with a group
    if any(ent.label_ in {"GPE", "LOC", "DATE", "TIME", "MONEY", "QUANTITY"} for ent in overlapping):
        return False
    definition = ACRONYM_DEF.match(ctx.article.text, end)
    if definition and len(re.sub(r"[^A-Z]", "", definition.group("acronym"))) >= 2 and (
            WEAK_GROUP_WORDS.search(text) or _beside_groups_anywhere(ctx, sentence, start, end)):
        return True  # "Red Barbagia (BarbRo) and the Red Brigades": an organisation's name, beside a group
    if not WEAK_GROUP_WORDS.search(text):
        return False
    # "National Vanguard", "Black Order": an organisation the model sees, in a sentence about armed groups
    return any(ent.label_ in {"ORG", "NORP"} for ent in overlapping) and _beside_groups_anywhere(
        ctx, sentence, start, end)


def _beside_groups_anywhere(ctx: Context, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the sentence also names an armed group (registered, or by a strong group word)."""
    for ent in sentence.ents:
        if ent.end_char <= start or ent.start_char >= end:
            entry = Registry.default().get(ent.ent_id_) if ent.ent_id_ else None
            if (entry is not None and entry.kind in NON_STATE_KINDS) or (
                    ent.label_ == "ORG" and GROUP_WORDS.search(ent.text)):
                return True
    return any(_non_state(ctx, m.actor_id) for m in ctx.mentions_in(sentence.start, sentence.end)
               if m.end <= start or m.start >= end)


# A name right after these is an organisation's: "split from Prima Linea", "merged into Black Order".
CUE_BEFORE_NAME = re.compile(
    r"\b(?:split|splits|splintered|broke away|broke off|separated|seceded|defected|merged|merges|merge|"
    r"absorbed|incorporated|allied|aligned|clashed|rejoined|joined)\s+(?:\w+\s+)?(?:from|with|into|to)?\s*"
    r"(?:the\s+)?$|\bto\s+(?:form|create|found)\s+(?:a\s+new\s+group\s+called\s+)?(?:the\s+)?$", re.IGNORECASE)
CUE_AFTER_NAME = re.compile(
    r"^(?:\s*\([^)]*\))?\s+(?:\w+\s+)?(?:(?:split|splintered|broke away)\s+(?:\w+\s+)?from|"
    r"(?:merged|allied|clashed)\b)", re.IGNORECASE)


def _coordinated_with_group(ctx: Context, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the span is listed (", " / "and") right beside a registered or group-named organisation."""
    text = ctx.article.text
    join = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$", re.IGNORECASE)
    for ent in sentence.ents:
        if not (ent.ent_id_ or (ent.label_ == "ORG" and GROUP_WORDS.search(ent.text))):
            continue
        if ent.end_char <= start and join.match(text[ent.end_char : start]):
            return True
        if ent.start_char >= end and join.match(text[end : ent.start_char]):
            return True
    return False


def _in_relation_cue(text: str, sentence: Sentence, start: int, end: int) -> bool:
    return bool(CUE_BEFORE_NAME.search(text[max(sentence.start, start - 40) : start])
                or CUE_AFTER_NAME.match(text[end : min(sentence.end, end + 60)]))


def _extends_registered(ctx: Context, start: int, end: int, inside: list[ActorMention],
                        registry: Registry) -> bool | str:
    """A registered name inside a longer one.

    A new group: 'Red Brigades Guerrilla Party' (a group word added), 'Kurdish Hamas' (a
    people that is no country before it), 'Hamas Iraq', 'Ansar al-Islam Syria' (another
    country after it). The same actor, under a longer name: 'Islamic State in Iraq',
    'Al Qaeda Central'. Anything else ('Saudi Arabian Al Qaeda member') is not a name.
    """
    text = ctx.article.text
    first, last = min(m.start for m in inside), max(m.end for m in inside)
    actor_id = inside[0].actor_id
    if any(m.actor_id != actor_id for m in inside):
        return False
    before = [w for w in re.finditer(r"\S+", text[start:first])]
    after_text = text[last:end]
    after = [w for w in re.finditer(r"\S+", after_text)]
    extra = [w.group() for w in before + after if w.group().lower() not in NAME_TRAILING]
    if not extra:
        return False
    if all(w.lower() in DESCRIPTOR_WORDS for w in extra):
        return actor_id  # "Islamic State Group", "Al Qaeda Central"
    if any(GROUP_WORDS.fullmatch(w) or WEAK_GROUP_WORDS.fullmatch(w) for w in extra):
        return True
    gazetteer = Gazetteer.default()
    entry = registry.get(actor_id)
    home = entry.country_code if entry else None
    places = [ent for ent in ctx.doc.ents if ent.label_ in {"GPE", "NORP", "LOC"}]

    def labelled(char: int) -> bool:
        return any(ent.start_char <= char < ent.end_char for ent in places)

    if before and not after:
        # A people, not a country's demonym: "Kurdish Hamas" but not "Saudi Al Qaeda".
        return all(labelled(start + w.start()) and gazetteer.country(w.group()) is None for w in before)
    if after and not before:
        connected = after[0].group().lower() in NAME_TRAILING
        words = [w for w in after if w.group().lower() not in NAME_TRAILING]
        if all(labelled(last + w.start()) or gazetteer.country(w.group()) is not None for w in words):
            countries = {c.country_code for w in words if (c := gazetteer.country(w.group())) is not None}
            if connected or (home is not None and countries == {home}):
                return actor_id  # "Islamic State in Iraq": where it operates, not a new name
            return True
        # "Fatah Halab": another name, unless a title or a person follows ("Hezbollah Secretary-General ...").
        persons = [ent for ent in ctx.doc.ents if ent.label_ == "PERSON" and ent.start_char < end
                   and last < ent.end_char]
        return not connected and not persons and not any(w.group().lower() in NAME_TITLES for w in after)
    return False


# Words that follow a group's name without making a new one: "Hezbollah Secretary-General ...".
NAME_TITLES = {"commander", "commanders", "leader", "leaders", "chief", "spokesman", "secretary", "secretary-general",
               "emir", "founder", "president", "minister", "head", "member", "members", "fighters", "militants"}


def _state_body(ctx: Context, words: list[str]) -> bool:
    """'Iraqi Army', 'Kenyan Defense Forces', 'Balochistan Police', 'Border Guard Bangladesh': a
    state's forces, not a group."""
    gazetteer = Gazetteer.default()
    if len(words) > 2 and gazetteer.country(words[-1]) is not None:
        words = words[:-1]  # "Border Guard Bangladesh"
    if words[-1].lower() not in STATE_HEADS and words[-1].lower() not in FORCE_HEADS:
        return False
    for word in words[:-1]:
        bare = re.sub(r"['’]s$", "", word)
        if bare.lower() in STATE_BODY_WORDS or bare.lower() in NAME_TRAILING:
            continue
        if GROUP_WORDS.search(bare):
            return False  # "National Liberation Army": a group word, whatever a gazetteer says
        place = gazetteer.country(bare) or gazetteer.resolve(bare)
        if place is not None and (place.kind != "city" or place.population >= 50_000):
            continue
        return False
    return True


# Heads of state forces' names besides STATE_HEADS: "Indian Border Security Force", "Pakistan Rangers".
FORCE_HEADS = {"force", "guard", "guards", "rangers", "corps", "constabulary", "gendarmerie", "battalion"}


def _drop_mentions_inside(ctx: Context, start: int, end: int, *, keep: str) -> None:
    """A longer name replaces the registered or model-found names inside it."""
    for mention in [m for m in ctx.mentions if start <= m.start and m.end <= end and m.actor_id != keep]:
        ctx.mentions.remove(mention)


def _acronym_mentions(ctx: Context, sentence: Sentence, registry: Registry) -> None:
    """Acronyms. Given in brackets after a name, an acronym names that actor for the rest of the
    article ("the Islamic Army in Iraq (IAI) ... the IAI"). Otherwise it is the registered actor
    it is an alias of, the actor named in the article whose initials it spells ("the MA" for
    "the Mujahideen Army"), or an unregistered group of its own when it stands where an actor
    does beside a named group ("the JRTN and IS worked together") or in a relation cue."""
    text = ctx.article.text
    for mention in list(ctx.outer_mentions(sentence)):
        definition = ACRONYM_DEF.match(text, mention.end)
        if definition is None or definition.end() > sentence.end:
            continue
        a_start, a_end = definition.span("acronym")
        acronym = definition.group("acronym")
        if len(re.sub(r"[^A-Z]", "", acronym)) < 2 or acronym.upper() in NOT_GROUP_ACRONYMS:
            continue
        actor_id = mention.actor_id
        known = registry.lookup(acronym, fuzzy=False) if actor_id.startswith("new:") else None
        if known is not None and known.kind in NON_STATE_KINDS:
            # "the Mouvement pour l'Unification ... (MUJAO)": a spelling the registry lacks of a group it holds
            actor_id = known.id
            ctx.mentions.remove(mention)
            ctx.add_mention(ActorMention(actor_id, mention.start, mention.end, mention.text, sentence.index,
                                         "registry"))
        _drop_mentions_inside(ctx, a_start, a_end, keep=actor_id)
        if not any(m.start == a_start and m.end == a_end for m in ctx.mentions):
            ctx.add_mention(ActorMention(actor_id, a_start, a_end, acronym, sentence.index, "ner"))
    for beside in (False, True):
        _acronym_pass(ctx, sentence, registry, beside=beside)


def _acronym_pass(ctx: Context, sentence: Sentence, registry: Registry, *, beside: bool) -> None:
    """One reading of the sentence's acronyms; the second also takes unlabelled ones beside named groups."""
    text = ctx.article.text
    defined = _defined_acronyms(ctx)
    org_acronyms = {ent.text for ent in ctx.doc.ents if ent.label_ == "ORG"}
    gazetteer = Gazetteer.default()
    for match in ACRONYM_WORD.finditer(text, sentence.start, sentence.end):
        acronym, a_start, a_end = match.group(), match.start(), match.end()
        if not _is_acronym(acronym):
            continue
        if acronym in defined:
            covering = [m for m in ctx.mentions if m.start <= a_start and a_end <= m.end]
            if any(m.actor_id == defined[acronym] for m in covering):
                continue
            if any(m.end - m.start > a_end - a_start for m in covering):
                continue  # part of a longer name
            for m in covering:
                ctx.mentions.remove(m)
            ctx.add_mention(ActorMention(defined[acronym], a_start, a_end, acronym, sentence.index, "ner"))
            continue
        overlapping = [m for m in ctx.mentions if m.start < a_end and a_start < m.end]
        if overlapping and not ("-" in acronym and all(a_start <= m.start and m.end <= a_end for m in overlapping)
                                and not any(m.start == a_start and m.end == a_end for m in overlapping)):
            continue  # taken, unless it is a hyphened acronym made of others: "LeJ-AA", "BR-PCC"
        if acronym.upper() in NOT_GROUP_ACRONYMS or acronym.lower() in MEDIA_NAMES:
            continue
        entry = registry.lookup(acronym, fuzzy=False)
        if entry is not None:
            if entry.kind in NON_STATE_KINDS | {"state_force", "international_organization"}:
                _drop_mentions_inside(ctx, a_start, a_end, keep=entry.id)
                ctx.add_mention(ActorMention(entry.id, a_start, a_end, acronym, sentence.index, "registry"))
            continue
        if gazetteer.country(acronym) is not None:
            continue
        spelled = _spelled_by(ctx, acronym)
        if spelled is not None:
            _drop_mentions_inside(ctx, a_start, a_end, keep=spelled)
            ctx.add_mention(ActorMention(spelled, a_start, a_end, acronym, sentence.index, "ner"))
            continue
        in_cue = acronym in org_acronyms and _in_relation_cue(text, sentence, a_start, a_end)
        if not (in_cue or (beside and _beside_groups(ctx, sentence, a_start, a_end))):
            continue
        actor = _new_actor(ctx, acronym, kind="armed_group")
        _drop_mentions_inside(ctx, a_start, a_end, keep=actor.id)
        ctx.add_mention(ActorMention(actor.id, a_start, a_end, acronym, sentence.index, "ner"))


# People and parts that belong to an organisation: "EROS members", "the leader of the IUMK".
GROUP_PEOPLE = {"member", "militant", "fighter", "leader", "spokesman", "spokesperson", "commander", "cadre",
                "operative", "founder", "co-founder", "chief", "emir", "camp", "unit", "faction", "cell", "wing",
                "branch", "splinter", "ally", "rival", "affiliate", "gunman", "insurgent", "rebel"}


def _beside_groups(ctx: Context, sentence: Sentence, char: int, end: int) -> bool:
    """An acronym in an actor's place in a sentence that names another armed group."""
    span = ctx.doc.char_span(char, end, alignment_mode="expand")
    token = span.root if span is not None and len(span) else None
    if token is None or token.pos_ not in {"PROPN", "NOUN", "X"}:
        return False
    # An actor's place in the clause: "the IUMK fragmented", "formed HN", "KH and HN", "AI's allies",
    # "EROS members", "a co-founder of IIPB"; not "TSC of Dhaka University", "the DU Marketing
    # Department" or a byline's "(UNB)".
    member_of = (token.dep_ == "pobj" and token.head.lower_ == "of"
                 and token.head.head.lemma_.lower() in GROUP_PEOPLE)
    member = token.dep_ == "compound" and token.head.lemma_.lower() in GROUP_PEOPLE
    if token.dep_ not in {"nsubj", "nsubjpass", "dobj", "conj", "ROOT", "poss"} and not (member or member_of):
        return False
    return any(_non_state(ctx, m.actor_id) for m in ctx.mentions_in(sentence.start, sentence.end)
               if not (m.start <= char < m.end))


def _spelled_by(ctx: Context, acronym: str) -> str | None:
    """The actor named in this article whose name the acronym spells: "the MA" after "the Mujahideen Army"."""
    wanted = re.sub(r"[^A-Za-z0-9]", "", acronym).upper()
    found = {m.actor_id for m in ctx.mentions if " " in m.text.strip() and wanted in initials(m.text)}
    return found.pop() if len(found) == 1 else None


# Lower-case words left out of a name's initials: "Islamic Army in Iraq" is IAI.
INITIALS_PARTICLES = NAME_TRAILING | {"e", "i", "ul", "ud", "an", "as", "ash", "ad", "to", "on", "l", "li", "na"}


def initials(name: str) -> set[str]:
    """Acronyms a name may go by: 'Islamic Army in Iraq' IAI, 'Lashkar-e-Taiba' LET, 'Ansar al-Islam' AI."""
    words = re.findall(r"[\w'’]+|-", re.sub(r"^(?:the|The)\s+", "", name))
    parts: list[tuple[str, bool, bool]] = []
    hyphen = False
    for word in words:
        if word == "-":
            hyphen = True
            continue
        bare = re.sub(r"['’]", "", word)
        if bare:
            particle = bare.lower() in INITIALS_PARTICLES and (bare.islower() or hyphen)
            parts.append((bare[0].upper(), particle, hyphen))
        hyphen = False
    variants = {
        "".join(p[0] for p in parts),
        "".join(p[0] for p in parts if not p[1]),
        "".join(p[0] for p in parts if not p[1] or p[2]),
    }
    return {v for v in variants if len(v) >= 2}


def _is_acronym(word: str) -> bool:
    """'IAI', 'HuJI', 'LeJ-AA', 'BarbRo', 'M-19', 'AI-Syria'; not 'Al-Nusra', 'McDonald' or 'MOGADISHU'."""
    letters = re.sub(r"[^A-Za-z]", "", word.split("-")[0] if re.match(r"[A-Z]{2,}-", word) else word)
    upper = sum(c.isupper() for c in letters)
    if upper < 2 or len(letters) > 8 or re.match(r"(?:Al|El|Ul)-", word) or re.fullmatch(r"[A-Z]{2,}s", word):
        return False  # ... or a plural: "MLAs"
    if word.isupper() and len(letters) >= 4:
        place = Gazetteer.default().resolve(word.title())
        if place is not None and place.name.lower() == word.lower() and (place.kind != "city"
                                                                          or place.population >= 50_000):
            return False  # a place in capitals, as datelines print it: "KABUL"
    return upper * 2 >= len(letters) or len(letters) <= 6


def _defined_acronyms(ctx: Context) -> dict[str, str]:
    """Acronyms the article gave in brackets after a name, and the actor each names."""
    text = ctx.article.text
    defined: dict[str, str] = {}
    for mention in ctx.mentions:
        if mention.start > 0 and text[: mention.start].rstrip().endswith("(") and _is_acronym(mention.text):
            defined.setdefault(mention.text, mention.actor_id)
    return defined


def _faction_mentions(ctx: Context, sentence: Sentence, registry: Registry) -> None:
    """'the Al-Alami faction of the Lashkar-e-Jhangvi (LeJ) group' names a faction of its parent."""
    for parent_mention in ctx.mentions_in(sentence.start, sentence.end):
        before = ctx.article.text[sentence.start : parent_mention.start]
        match = FACTION_RE.search(before)
        if not match:
            continue
        parent = ctx.entry(parent_mention.actor_id)
        if parent is None:
            continue
        name = match.group("name")
        faction = _known_faction(registry, parent, name)
        if faction is None:
            faction = _new_actor(ctx, f"{parent.name} {name}", kind="faction", parent_id=parent.id,
                                 country_code=parent.country_code)
        # The span is "Al-Alami faction": the parent stays its own mention, so an apposition
        # after "the Lashkar-e-Jhangvi (LeJ) group, an anti-Shiite outfit" attaches to the parent.
        start, end = sentence.start + match.start("name"), sentence.start + match.end("kind")
        ctx.add_mention(ActorMention(faction.id, start, end, ctx.article.text[start:end], sentence.index, "faction"))


def _known_faction(registry: Registry, parent: ActorEntry, name: str) -> ActorEntry | None:
    wanted = name.lower()
    for faction in registry.factions(parent.id):
        if any(wanted in alias.lower() for alias in (faction.name, *faction.aliases)):
            return faction
    return None


def _state_mentions(ctx: Context, sentence: Sentence, registry: Registry, gazetteer: Gazetteer) -> None:
    for chunk in map(_trim_punct, ctx.noun_chunks(sentence)):
        head = chunk.root
        force = STATE_HEADS.get(head.lower_)
        if force is None and head.lower_ in FORCE_MEMBERS:
            # "six police officers", "army personnel": the modifier names the force
            force = next((STATE_HEADS[t.lower_] for t in chunk if t.dep_ == "compound" and t.lower_ in FORCE_WORDS), None)
        if force is None or _covered(ctx, chunk):
            continue
        countries = _chunk_countries(chunk, gazetteer)
        qualified = bool(countries)
        qualifiers = {t.lower_ for t in chunk if t.i != head.i}
        if head.lower_ in {"forces", "official", "officials", "state", "personnel"} and not (qualified or qualifiers & STATE_QUALIFIERS):
            continue
        if head.lower_ in {"station", "enforcers"} and not qualifiers & {"police", "law"}:
            continue  # "Bishwanath Police Station", "law enforcers"; not a bus station
        if head.lower_ == "official" and "security" not in qualifiers:
            force = "state"
        if head.lower_ == "government" and any(t.dep_ == "poss" and t.pos_ == "PRON" for t in chunk):
            continue
        for country in countries or ([ctx.main_country] if ctx.main_country else []):
            entry = registry.state_actor(country, force)
            if entry is not None:
                ctx.add_mention(ActorMention(entry.id, chunk.start_char, chunk.end_char, chunk.text, sentence.index,
                                             "state"))
    # A country acting as subject ("Pakistan has carried out offensives") is its state.
    for token in sentence.span:
        if token.dep_ == "nsubj" and token.ent_type_ == "GPE" and not ctx.mention_for_token(token):
            entry = gazetteer.country(token.text)
            state = registry.state_actor(entry.country_code, "state") if entry and entry.country_code else None
            if state is not None:
                ctx.add_mention(ActorMention(state.id, token.idx, token.idx + len(token.text), token.text,
                                             sentence.index, "state"))


def _chunk_countries(chunk: Span, gazetteer: Gazetteer) -> list[str]:
    """Countries a state phrase names: 'Pakistani and Indian troops', 'the troops of India and Pakistan'."""
    head = chunk.root
    tokens = [t for t in chunk if t.i != head.i]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                tokens += [pobj, *(c for c in pobj.conjuncts)]
    codes: list[str] = []
    for token in tokens:
        if token.ent_type_ in {"NORP", "GPE"} or token.pos_ == "PROPN":
            entry = gazetteer.country(token.text)
            if entry is not None and entry.country_code and entry.country_code not in codes:
                codes.append(entry.country_code)
    return codes


def _covered(ctx: Context, chunk: Span) -> bool:
    return any(m.start <= chunk.root.idx < m.end for m in ctx.mentions)


def _descriptor_mentions(ctx: Context, sentence: Sentence) -> None:
    """'the group', 'these groups', 'the Middle East based group' refer back to earlier actors."""
    for chunk in map(_trim_punct, ctx.noun_chunks(sentence)):
        head = chunk.root
        if head.lower_ not in DESCRIPTOR_HEADS or _covered(ctx, chunk):
            continue
        if any(c.dep_ == "prep" and c.lower_ in {"including", "like"} for c in head.children):
            continue  # "the militant groups including al-Qaeda and ...": the list names them itself
        determiner = chunk[0].lower_
        if determiner == "these" or (determiner == "the" and head.lower_.endswith("s")):
            for mention in _previous_sentence_actors(ctx, sentence):
                ctx.add_mention(ActorMention(mention.actor_id, chunk.start_char, chunk.end_char, chunk.text,
                                             sentence.index, "coreference"))
        elif determiner in {"the", "this", "that"} and not head.lower_.endswith("s"):
            for mention in ctx.antecedent(head):
                if _non_state(ctx, mention.actor_id):
                    ctx.add_mention(ActorMention(mention.actor_id, chunk.start_char, chunk.end_char, chunk.text,
                                                 sentence.index, "coreference"))
                    break
        elif head.lower_.endswith("s") and any(t.lower_ == "local" for t in chunk):
            # "local outfits", "local jihadists": a generic collective actor, kept rather than dropped.
            actor = _new_actor(ctx, _strip_determiner(chunk).text, kind="generic", country_code=ctx.main_country)
            ctx.add_mention(ActorMention(actor.id, chunk.start_char, chunk.end_char, chunk.text, sentence.index,
                                         "descriptor"))


def _previous_sentence_actors(ctx: Context, sentence: Sentence) -> list[ActorMention]:
    for index in range(sentence.index - 1, max(-1, sentence.index - 3), -1):
        found = [m for m in ctx.outer_mentions(ctx.sentences[index]) if _non_state(ctx, m.actor_id)]
        if found:
            unique: dict[str, ActorMention] = {}
            for m in found:
                unique.setdefault(m.actor_id, m)
            return list(unique.values())
    return []


def _non_state(ctx: Context, actor_id: str) -> bool:
    entry = ctx.entry(actor_id)
    return entry is not None and entry.kind in NON_STATE_KINDS


def _trim_punct(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    return span.doc[start : span.end]


def _strip_determiner(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return span.doc[start : span.end]


def _new_actor(ctx: Context, name: str, *, kind: str, parent_id: str | None = None,
               country_code: str | None = None) -> ActorEntry:
    actor_id = f"new:{slug(name)}"
    if actor_id not in ctx.new_actors:
        ctx.new_actors[actor_id] = ActorEntry(
            id=actor_id, name=name, aliases=(), kind=kind, parent_id=parent_id,
            country_code=country_code, active=None, source=f"article {ctx.article.id}",
        )
    return ctx.new_actors[actor_id]


def build_actors(ctx: Context, *, registry: Registry, used: set[str]) -> list[Actor]:
    """One Actor per id mentioned or referred to, with this article's spellings and evidence."""
    ids = {m.actor_id for m in ctx.mentions} | used
    # A faction brings its parent, so the link can be followed.
    for actor_id in sorted(ids):
        entry = ctx.entry(actor_id)
        if entry is not None and entry.parent_id:
            ids.add(entry.parent_id)
    actors = []
    for actor_id in sorted(ids):
        entry = ctx.entry(actor_id)
        if entry is None:
            continue
        mentions = [m for m in ctx.mentions if m.actor_id == actor_id]
        surface = sorted({m.text for m in mentions})
        # Names, not descriptions: "these groups" is a mention of al-Qaeda but not one of its aliases.
        names = {m.text for m in mentions if m.via in NAMING_SOURCES}
        evidence = [ctx.sentences[i].evidence() for i in sorted({m.sentence for m in mentions})]
        registered = not actor_id.startswith("new:")
        actors.append(Actor(
            id=entry.id, name=entry.name, aliases=sorted(set(entry.aliases) | names), kind=entry.kind,
            parent_id=entry.parent_id, country_code=entry.country_code, registered=registered,
            mentions=surface, evidence=evidence,
            confidence=_actor_confidence(mentions, registered),
        ))
    return actors


def _actor_confidence(mentions: list[ActorMention], registered: bool) -> float:
    if not mentions:
        return 0.8  # present only as a parent or speaker's organisation
    direct = any(m.via in {"registry", "faction", "state"} for m in mentions)
    if registered and direct:
        return 0.95
    return 0.75 if direct else 0.6


def resolve_speaker_groups(ctx: Context, statements) -> None:
    """'A major Pakistani militant group worked with IS ..., a spokesman said': the spokesman's own group.

    An indefinite group description that is the subject of what a group's
    spokesman reports is that group, when its nationality does not contradict.
    """
    for found in statements:
        organization = found.speaker.organization_id
        entry = ctx.entry(organization)
        if entry is None or entry.kind not in NON_STATE_KINDS:
            continue
        sentence = ctx.sentences[found.sentence]
        for chunk in ctx.noun_chunks(sentence):
            head = chunk.root
            inside = found.content_start <= chunk.start_char and chunk.end_char <= found.content_end
            if (inside and head.lower_ in DESCRIPTOR_HEADS and chunk[0].lower_ in {"a", "an"}
                    and head.dep_ in {"nsubj", "nsubjpass"} and not _covered(ctx, chunk)
                    and _nationality_agrees(chunk, entry)):
                ctx.add_mention(ActorMention(entry.id, chunk.start_char, chunk.end_char, chunk.text, sentence.index,
                                             "speaker"))


def _nationality_agrees(chunk: Span, entry: ActorEntry) -> bool:
    gazetteer = Gazetteer.default()
    for token in chunk:
        if token.ent_type_ in {"NORP", "GPE"}:
            country = gazetteer.country(token.text)
            if country is not None and entry.country_code and country.country_code != entry.country_code:
                return False
    return True

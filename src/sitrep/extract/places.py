"""Places named in the article, each with its role: incident, dateline or merely mentioned."""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Span

from ..model import Article, Incident, Place
from ..resolve.country_cues import admin1_cue, publisher_city
from ..resolve.places import DIVISION_WORDS, PRECISION, SETTLEMENT_WORDS, Gazetteer, GazetteerEntry, name_key
from .context import Context, Sentence

ROLE_RANK = {"incident": 0, "dateline": 1, "mentioned": 2}
SPECIFICITY = ("exact", "city", "district", "admin1", "region", "country")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# The stock model calls "Quetta" an ORG or a WORK_OF_ART in some sentences, and "Poonch" a LANGUAGE.
MISLABELLED = {"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "PERSON", "NORP", "LANGUAGE"}
MISLABELLED_MIN_POPULATION = 100_000
# Words before a name that say it is where something is or happened.
LOCATIVE_WORDS = frozenset({"in", "at", "near", "from", "of", "under", "outside", "inside", "around", "across",
                            "to", "into", "towards", "between", "and", "via", "on"})
MAX_NAME_TOKENS = 3
# Weapons and forces a country's name can qualify: "US drone", "Indian shelling", "India's heavy firing".
FORCE_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+)?(?:drones?|(?:air\s?)?strikes?|airstrikes?|missiles?|jets?|"
                         r"firing|fire|gunfire|shelling|shells|artillery|mortars?)\b", re.I)
# In an article that names no country, an unlabelled town this large counts as a place.
UNHINTED_TOWN_MIN_POPULATION = 10_000
# ... and the words that place a name spelt differently from the gazetteer's ("at Jaccobabad").
SPELT_LOCATIVE_WORDS = frozenset({"in", "at", "near", "outside", "inside"})
# The country whose villages the gazetteer lists apart (India Post's offices).
VILLAGE_COUNTRY = "IN"
# Words of a date: a capitalised word the model tags as a date without one of them may be a place ("in Turbat").
CALENDAR_WORDS = frozenset(
    name.lower() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr)
) | {"sept", "today", "tonight", "yesterday", "tomorrow", "ramadan", "eid", "christmas", "easter", "diwali", "muharram"}
# A regiment named after a province serves anywhere ("Assam Rifles", "Punjab Regiment").
REGIMENT_WORDS = frozenset({"rifles", "regiment", "infantry", "lancers"})
# Names that carry a place name ("Dhaka University", "Punjab Police"); a town inside one
# must be this large to be read as the town rather than a person or a word.
NAME_LABELS = {"ORG", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
NAME_TOWN_MIN_POPULATION = 50_000
# ... in an article that names no country, a city this large.
UNHINTED_NAME_TOWN_MIN_POPULATION = 100_000
IN_WORDS = (" in ", " at ")
# "Government Law College, Tiruchi": the town after an institution's name is where it stands.
INSTITUTION_LABELS = {"ORG", "FAC"}
# what a town's institution is called: not a neighbourhood or crossroads named after a town elsewhere ("X Chowk")
INSTITUTION_NOUNS = frozenset({"station", "club", "university", "college", "hospital", "airport", "stadium", "jail",
                               "prison", "court", "secretariat", "school", "institute", "corporation", "office"})
# Choosing the incident's place: the most specific kind first, a place the trigger's own
# clause names before others, a town in a division the text also names, the article's
# main country. Set by hand on the ACLED dev notes' subset (see docs/results.md).
KIND_SCORE = {"city": 3.0, "district": 2.5, "admin1": 2.0, "region": 1.5, "country": 1.0}
ATTACHED_BONUS = 2.0
CONSISTENT_BONUS = 1.0
# A town outside every district the text names, or outside the place written after it and a
# comma, is another place of that name ("Kaliganj bazar in Santhia upazila", "Karimabad,
# Karachi": a neighbourhood the gazetteer lacks, not the namesake town elsewhere).
OUTSIDE_DISTRICT_PENALTY = 1.0
# A name matched only through a spelling variant is weaker evidence than one written as the
# gazetteer knows it.
SPELT_PENALTY = 1.0
MAIN_COUNTRY_BONUS = 0.5
# Below this a town abroad is taken for a misreading of a name at home.
FOREIGN_TOWN_MIN_POPULATION = 100_000
# "the capital", "capital's Demra area": the country's capital ("state capital" is a province's).
THE_CAPITAL = re.compile(
    r"\bthe (?:national )?[Cc]apital\b(?! punishment| market| gain| flight| city of)"
    r"|(?<![Ss]tate )(?<![Pp]rovincial )\b[Cc]apital['’]s\b"
)


def find_places(ctx: Context, *, gazetteer: Gazetteer, incidents: list[Incident]) -> list[Place]:
    """Every place named, with its role; places read out of other names ("Dhaka University")
    come after those named as places."""
    hints = ctx.country_hints
    incident_places = {(i.location.name, i.location.country_code) for i in incidents if i.location}
    found = [(sentence, span, inside) for sentence in ctx.sentences
             for inside, spans in ((False, place_entities(ctx, sentence, gazetteer)),
                                   (True, places_in_names(ctx, sentence, gazetteer)))
             for span in spans]
    # the provinces the article names and its incidents lie in settle which of two
    # same-named towns it means ("Bishnupur district of Manipur")
    admin1 = {i.location.admin1 for i in incidents if i.location and i.location.admin1} | regional_divisions(ctx, gazetteer)
    for _, span, inside in found:
        entry = None if inside else gazetteer.resolve(span.text, country_codes=hints)
        if entry is not None and entry.kind == "admin1":
            admin1.add(entry.name)
    places: dict[tuple[str, str | None], Place] = {}
    in_names: set[tuple[str, str | None]] = set()
    for sentence, ent, inside in found:
        entry, spelt = resolve_name(gazetteer, ent, hints, admin1=sorted(admin1), spelling=not inside)
        if not _plausible(entry, hints, local_only=False, text=ent.text) or spelt and (
            admin1 and entry.admin1 not in admin1 or not _spelling_fits(ctx, gazetteer, entry)
        ):
            continue
        key = (entry.name, entry.country_code)
        if key in incident_places:
            role = "incident"
        elif is_dateline(ctx, ent):
            role = "dateline"
        else:
            role = "mentioned"
        place = places.get(key)
        evidence = sentence.evidence()
        if place is None or ROLE_RANK[role] < ROLE_RANK[place.role]:
            previous = place.evidence if place else []
            places[key] = Place(
                name=entry.name, role=role, lat=entry.lat, lon=entry.lon, country_code=entry.country_code,
                admin1=entry.admin1, precision=PRECISION[entry.kind],
                evidence=[*previous, evidence] if evidence not in previous else previous,
                confidence=0.9 if role != "mentioned" else 0.6 if inside else 0.8,
            )
            if inside and place is None:
                in_names.add(key)
            else:
                in_names.discard(key)
        elif evidence not in place.evidence:
            place.evidence = [*place.evidence, evidence]
    # within a sentence the most specific first: "Hisar, Haryana", "Assam's Karimganj district"
    order = {key: position for position, key in enumerate(places)}
    return sorted(places.values(), key=lambda p: (
        ROLE_RANK[p.role], (p.name, p.country_code) in in_names, p.evidence[0].start,
        SPECIFICITY.index(p.precision), order[(p.name, p.country_code)]))


def places_in_names(ctx: Context, sentence: Sentence, gazetteer: Gazetteer) -> list[Span]:
    """Places that other names carry ("Dhaka University", "Kerala Police", "Jaipur Municipal
    Corporation", "the Uttar Pradesh Revenue Minister"): capitalised words inside an
    organisation, facility or group name, or an actor mention, that name a division or a town of
    the article's countries (a province or a city when the article names no country: "Karachi
    Press Club"); a province that opens a name the model read as a person's ("Kerala Vyapari
    Samiti"); and provinces of those countries that qualify a title or a body the model left
    unlabelled ("Goa Tourism Minister", "Puducherry Government")."""
    hints = ctx.country_hints
    hosts = [(ent.start, ent.end, False) for ent in sentence.ents if ent.label_ in NAME_LABELS]
    hosts += [(ent.start, ent.end, True) for ent in sentence.ents if ent.label_ == "PERSON"]
    for mention in ctx.mentions_in(sentence.start, sentence.end):
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            hosts.append((span.start, span.end, False))
    found = []
    for start, end, person in sorted(set(hosts)):
        if ctx.doc[end - 1].lower_ in REGIMENT_WORDS:
            continue
        for span in _names_in(ctx.doc, start, start + 1 if person else end, end):
            if any(s.start < span.end and span.start < s.end for s in found):
                continue
            entry = gazetteer.resolve(span.text, country_codes=hints)
            if entry is None or person and not (entry.kind == "admin1" and entry.country_code in hints):
                continue
            if hints and entry.country_code in hints and _name_giving(entry) or not hints and (
                # no country to go by: only a province or a city ("Karachi Press Club")
                entry.kind == "admin1" or entry.kind == "city" and entry.population >= UNHINTED_NAME_TOWN_MIN_POPULATION
            ):
                found.append(span)
    if not hints:
        return found
    return found + _provinces_qualifying_names(ctx, sentence, gazetteer, found)


def _name_giving(entry: GazetteerEntry) -> bool:
    """Whether an outlet, an institution or a body named with this place is named after it: a division,
    or a town of NAME_TOWN_MIN_POPULATION."""
    return entry.kind in {"admin1", "district"} or entry.kind == "city" and entry.population >= NAME_TOWN_MIN_POPULATION


def _names_in(doc, start: int, end: int, limit: int) -> list[Span]:
    """Capitalised word groups of up to MAX_NAME_TOKENS words that start in doc[start:end] and end
    by `limit`, the longest first at each start, "and" allowed inside ("Tamil Nadu", "Jammu and
    Kashmir")."""
    spans = []
    for i in range(start, end):
        if not doc[i].is_title:
            continue
        for size in range(MAX_NAME_TOKENS, 0, -1):
            words = doc[i:i + size]
            if i + size <= limit and words[-1].is_title and all(t.is_title or t.lower_ == "and" for t in words):
                spans.append(Span(doc, i, i + size, label="GPE"))
    return spans


def _provinces_qualifying_names(ctx: Context, sentence: Sentence, gazetteer: Gazetteer,
                                found: list[Span]) -> list[Span]:
    """Unlabelled capitalised words naming a province of the article's countries, followed by
    another capitalised word: "Goa Tourism Minister", "Uttarakhand Trained ... Union"."""
    hints = ctx.country_hints
    taken = {token.i for ent in sentence.ents for token in ent} | {span.start for span in found}
    provinces = []
    for token in sentence.span[:-1]:
        following = ctx.doc[token.i + 1]
        if token.i in taken or not token.is_title or not following.is_title:
            continue
        entry = gazetteer.resolve(token.text, country_codes=hints)
        if entry is not None and entry.kind == "admin1" and entry.country_code in hints:
            provinces.append(Span(ctx.doc, token.i, token.i + 1, label="GPE"))
    return provinces


def _names_actor(ctx: Context, start: int, end: int) -> bool:
    """An entity that is itself an actor's name ("Daesh" read as a place by the model) is no
    place; one that a mention places somewhere ("Maoists in Sukma") or whose forces it names
    ("Chittagong district police") still is."""
    before = ctx.article.text[max(0, start - 4):start].lower()
    return any(m.start <= start and end <= m.end and m.via in {"registry", "ner", "faction", "state"}
               and not (m.start < start and before.endswith(IN_WORDS))
               and not (m.via == "state" and (m.start, m.end) != (start, end))
               for m in ctx.mentions)


def _names_force(ctx: Context, ent: Span, gazetteer: Gazetteer) -> bool:
    """A country named as whose weapons or forces struck ("US drone strike", "India's indiscriminate
    firing") is the attacker's, not where it happened."""
    after = ctx.article.text[ent.end_char:ent.end_char + 40]
    if not FORCE_AFTER.match(after):
        return False
    entry = gazetteer.resolve(ent.text)
    return entry is not None and entry.kind == "country"


def place_entities(ctx: Context, sentence: Sentence, gazetteer: Gazetteer) -> list[Span]:
    """Entities that name places: GPE/LOC/FAC, mislabelled spans the gazetteer knows well,
    and capitalised names the model left unlabelled that the text puts somewhere ("In Feni,
    ..."), but never an actor's name ('Daesh' read as a place)."""
    hints = ctx.country_hints
    found = []
    for ent in (part for ent in sentence.ents for part in _comma_parts(ent)):
        if _names_actor(ctx, ent.start_char, ent.end_char) or _names_force(ctx, ent, gazetteer):
            continue
        leading = _leading_place(ent, gazetteer, hints) if ent.label_ in INSTITUTION_LABELS and _located(ent) else []
        if leading:
            found += leading
        elif ent.label_ in PLACE_LABELS or (ent.label_ in MISLABELLED and _gazetteer_place(gazetteer, ent, hints)):
            found.append(ent)
    found += _unlabelled_places(ctx, sentence, gazetteer, hints)
    return sorted(found, key=lambda span: span.start)


def _comma_parts(ent: Span) -> list[Span]:
    """An entity the model ran across a comma ("Pindiali, Mohmand Agency") as its parts, each
    read as a name of its own: a place and the division that holds it."""
    commas = [token.i for token in ent if token.text == ","]
    if not commas:
        return [ent]
    bounds = zip([ent.start, *(i + 1 for i in commas)], [*commas, ent.end])
    return [Span(ent.doc, start, end, label=ent.label_) for start, end in bounds if start < end]


def _located(ent: Span) -> bool:
    """Whether the text puts something at the entity: "at Amritsar Railway Station", "outside [the Karachi
    Press Club]"."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in SPELT_LOCATIVE_WORDS


def _leading_place(ent: Span, gazetteer: Gazetteer, hints: list[str]) -> list[Span]:
    """The town or division an institution the text puts something at is named after ("a protest
    at Amritsar Railway Station", "a rally outside the Karachi Press Club"), as its place."""
    if ent[-1].lower_ not in INSTITUTION_NOUNS or gazetteer.resolve(ent.text, country_codes=hints) is not None:
        return []
    start = ent.start + (ent.doc[ent.start].lower_ == "the")  # the name after the article
    for span in _names_in(ent.doc, start, start + 1, ent.end - 1):
        entry = gazetteer.resolve(span.text, country_codes=hints)
        if entry is not None and hints and entry.country_code == hints[0] and _name_giving(entry):
            return [span]
    return []


def _gazetteer_place(gazetteer: Gazetteer, ent: Span, hints: list[str]) -> bool:
    """A mislabelled entity counts as a place when it names a country, a province or a large
    city, or a division or town of the article's country where the text says it is a place."""
    entry = gazetteer.resolve(ent.text)
    if entry is not None and (
        entry.kind in {"admin1", "country"} or (entry.kind == "city" and entry.population >= MISLABELLED_MIN_POPULATION)
    ):
        return True
    return _local_place(gazetteer, ent, hints)


def _local_place(gazetteer: Gazetteer, span: Span, hints: list[str]) -> bool:
    """A name the gazetteer places in one of the article's countries, written where a place
    goes: after 'in', 'at', 'near'..., before 'district', 'village'..., after an institution
    and a comma ("Government Law College, Tiruchi"), after a place and a comma, as the
    district that holds it ("in Mashkay, Awaran"), or after its country's possessive."""
    if not hints:
        return _placed_without_hints(gazetteer, span)
    entry, spelt = resolve_name(gazetteer, span, hints)
    if entry is None or entry.country_code not in hints:
        return False
    if spelt:  # a name known only by a spelling variant needs a plain place word around it (see resolve_name)
        return True
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    after_comma = before == "," and span.start > 1 and (
        doc[span.start - 2].ent_type_ in INSTITUTION_LABELS or _ends_located_name(doc, span.start - 1)
    )
    # "in Pakistan's Sialkot", "north Kashmir's Sopore": a name after its country's or province's possessive
    owned = before in {"'s", "’s"} and span.start > 1 and _owns(gazetteer, doc[span.start - 2].text, entry)
    return before in LOCATIVE_WORDS or after in DIVISION_WORDS or after in SETTLEMENT_WORDS or after_comma or owned


def _owns(gazetteer: Gazetteer, name: str, entry: GazetteerEntry) -> bool:
    """Whether `name` is the country or the province (or region) `entry` lies in."""
    owner = gazetteer.country(name)
    if owner is not None:
        return owner.country_code == entry.country_code
    owner = gazetteer.resolve(name, country_codes=[entry.country_code])
    return owner is not None and owner.kind in {"admin1", "region"} and owner.country_code == entry.country_code and (
        owner.admin1 == entry.admin1)


def _placed_without_hints(gazetteer: Gazetteer, span: Span) -> bool:
    """In an article that gives no country, a name the gazetteer knows as a division or a town
    of some size, with a plain place word around it ("at Kahawatta town", "in Beruwala"):
    the best evidence of where the article is."""
    entry = gazetteer.resolve(span.text)
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if entry is None:
        return False
    # "Pindiali, Mohmand Agency": a division after a name and a comma holds the name
    holds = before == "," and span.start > 1 and doc[span.start - 2].is_title and entry.kind in {"admin1", "district"}
    return entry.kind in {"admin1", "district", "city"} and (
        entry.kind != "city" or entry.population >= UNHINTED_TOWN_MIN_POPULATION
    ) and (before in SPELT_LOCATIVE_WORDS or after in DIVISION_WORDS or after in SETTLEMENT_WORDS or holds)


def _ends_located_name(doc, end: int) -> bool:
    """doc[:end] ends with a capitalised name (and perhaps a division word) that a locative
    word introduces: "in Mashkay", "in Razaar Tehsil"; not a date ("on Monday")."""
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS and doc[start - 1].ent_type_ not in {"DATE", "TIME"} and (
        doc[start - 1].is_title or doc[start - 1].lower_ in DIVISION_WORDS
    ):
        start -= 1
    return start < end and start > 0 and doc[start - 1].lower_ in LOCATIVE_WORDS


def _unlabelled_places(ctx: Context, sentence: Sentence, gazetteer: Gazetteer, hints: list[str]) -> list[Span]:
    """Runs of capitalised words outside every entity and actor mention that `_local_place`
    accepts, the longest reading first ("Shibasram village", "In Feni, ...")."""
    inside = {token.i for ent in sentence.ents if not _misread_as_date(ent) for token in ent}
    found: list[Span] = []
    run: list[int] = []
    for token in [*sentence.span, None]:
        free = token is not None and token.i not in inside and token.is_title and not token.is_stop
        if free and not _names_actor(ctx, token.idx, token.idx + len(token)):
            run.append(token.i)
            continue
        if run:
            found += _readings(ctx.doc, run[0], run[-1] + 1, gazetteer, hints)
            run = []
    return found


def _misread_as_date(ent: Span) -> bool:
    """A capitalised word the model calls a date or a time though it names no month or day ("in
    Turbat"): free for the place reading."""
    return ent.label_ in {"DATE", "TIME"} and all(
        token.is_title and token.is_alpha and token.lower_ not in CALENDAR_WORDS for token in ent)


def _readings(doc, start: int, end: int, gazetteer: Gazetteer, hints: list[str]) -> list[Span]:
    """The longest places inside doc[start:end], left to right."""
    found = []
    while start < end:
        for stop in range(min(end, start + MAX_NAME_TOKENS), start, -1):
            span = Span(doc, start, stop, label="GPE")
            if _local_place(gazetteer, span, hints):
                found.append(span)
                start = stop
                break
        else:
            start += 1
    return found


def is_dateline(ctx: Context, ent: Span) -> bool:
    """The dateline is the city the story opens with ('Islamabad: ...'), not where events happened."""
    if ctx.article.dateline != ent.text:
        return False
    body = [s for s in ctx.article.segments if s.kind == "body"]
    return bool(body) and ent.start_char - body[0].start < 5


def incident_place(ctx: Context, named: list[tuple[Span, bool]], sentences: list[Sentence],
                   gazetteer: Gazetteer) -> GazetteerEntry | None:
    """Where an incident happened: the best of the places its own sentences name (`named`:
    entity, attached to the trigger); else, as a note or a short report names its place once
    for all it tells, the best place the article names in its countries, then the best place
    other names carry ("Dhaka University"), then the capital when the text says "the capital".
    Never the dateline, where the story was filed, nor the outlet's city: a place the text does
    not give is no place of the incident."""
    best = _best_place(ctx, named, sentences, gazetteer)
    if best is None:
        article = [(ent, False) for sentence in ctx.sentences for ent in place_entities(ctx, sentence, gazetteer)
                   if not is_dateline(ctx, ent)]
        best = _best_place(ctx, article, ctx.sentences, gazetteer, local_only=True)
    if best is None:
        carried = [(span, False) for sentence in ctx.sentences for span in places_in_names(ctx, sentence, gazetteer)]
        best = _best_place(ctx, carried, ctx.sentences, gazetteer, local_only=True)
    if best is None:
        best = capital_place(ctx.article, ctx.country_hints, gazetteer)
    return best


def capital_place(article: Article, hints: list[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    """"In the capital" (not "the state capital"): the capital of the article's main country."""
    if hints and THE_CAPITAL.search(article.text):
        return gazetteer.capital(hints[0])
    return None


def fallback_place(article: Article, hints: list[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    """Where a report that names no place of its own is coded in conflict data (ACLED-style scoring
    and exports, never an incident's own location): the
    capital of the article's main country when the text says "the capital", else the city its
    outlet is published in ("Dawn": Karachi), else the division or town the outlet is named
    after ("Assam Tribune"). A regional party or state body the text names ("KRRS", "Trinamool",
    data/admin1_cues.json) comes before the outlet's city: the outlet's city when it lies in
    that division, else the division's seat."""
    capital = capital_place(article, hints, gazetteer)
    if capital is not None:
        return capital
    home = publisher_city(article.source)
    home_entry = None
    if home is not None:
        city, code = home
        home_entry = gazetteer.resolve(city, country_codes=[code])
        if home_entry is not None and home_entry.country_code != code:
            home_entry = None
    cue = admin1_cue(article.text, hints)
    if cue is not None:
        code, division = cue
        if home_entry is not None and (home_entry.country_code, home_entry.admin1) == cue:
            return home_entry
        entry = gazetteer.resolve(division, country_codes=[code])
        if entry is not None and entry.country_code == code and entry.admin1 == division:
            return entry
    if home_entry is not None:
        return home_entry
    return publisher_place(article.source, hints, gazetteer)


def publisher_place(source: str | None, hints: list[str], gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The division or town a local outlet is named after ("Assam Tribune", "Imphal Free Press"),
    in the article's countries."""
    words = re.findall(r"[\w'-]+", source or "")
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            text = " ".join(words[start:start + size])
            if not text[:1].isupper():
                continue
            entry = gazetteer.resolve(text, country_codes=hints)
            if entry is not None and entry.country_code in hints and _name_giving(entry):
                return entry
    return None


def _best_place(ctx: Context, named: list[tuple[Span, bool]], sentences: list[Sentence], gazetteer: Gazetteer,
                *, local_only: bool = False) -> GazetteerEntry | None:
    """The most specific place, resolved in the article's countries and in the divisions the
    other places and names around it give ("Nambol Bazar in Bishnupur district": Manipur's
    Bishnupur); attached to the trigger first, then the earliest."""
    hints, regional = ctx.country_hints, regional_divisions(ctx, gazetteer)
    resolved = [(ent, attached, *resolve_name(gazetteer, ent, hints, admin1=sorted(regional))) for ent, attached in named]
    resolved = [item for item in resolved if _plausible(item[2], hints, local_only, text=item[0].text)]
    words = _admin_words(sentences, gazetteer, hints)
    # a name matched only by its spelling must fit the divisions the article names (_spelling_fits)
    first = [(ent, attached, entry) for ent, attached, entry, spelt in resolved
             if not spelt or _spelling_fits(ctx, gazetteer, entry, words)]
    spelt_starts = {ent.start for ent, _, _, spelt in resolved if spelt}
    if not first:
        return None
    admin2 = {e.admin2 for _, _, e in first if e.admin2 and e.kind == "district"}
    admin2_keys = {name_key(name) for name in admin2}
    district_admin1 = {e.admin1 for _, _, e in first if e.kind == "district"}
    containers = _containers(first)
    scored = []
    for position, (ent, attached, entry) in enumerate(first):
        # a name's own first reading is no evidence for itself ("Mirpur in Dhaka city", not the Mirpur in Khulna)
        others = {e.admin1 for other, _, e in first if other is not ent and e.admin1 and e.kind != "country"} | words
        entry = resolve_name(gazetteer, ent, hints, admin1=sorted(others | regional), admin2=sorted(admin2),
                             spelling=ent.start in spelt_starts)[0] or entry
        score = KIND_SCORE.get(entry.kind, 0.0) + (ATTACHED_BONUS if attached else 0.0)
        if ent.start in spelt_starts:
            score -= SPELT_PENALTY
        if entry.kind in {"city", "district"} and entry.admin1 in others:
            score += CONSISTENT_BONUS
        outside_container = ent.start in containers and containers[ent.start].admin1 != entry.admin1
        if entry.kind in {"city", "district"} and outside_container or entry.kind == "city" and admin2 and (
            name_key(entry.admin2) not in admin2_keys if entry.admin2 else entry.admin1 not in district_admin1
        ):
            score -= OUTSIDE_DISTRICT_PENALTY
        if hints and entry.country_code == hints[0]:
            score += MAIN_COUNTRY_BONUS
        scored.append((score, -position, entry))
    return max(scored, key=lambda item: item[:2])[2]


def regional_divisions(ctx: Context, gazetteer: Gazetteer) -> set[str]:
    """First-level divisions of the article's main country it is tied to without naming a place
    in them: a regional party or state body it names (data/admin1_cues.json), the capital's
    when it says "in the capital", and the division of an outlet named after a place ("Assam
    Tribune", "Imphal Free Press"). They settle which of two same-named
    places it means ("Lakhimpur" in the Assam Tribune)."""
    if "regional_divisions" not in ctx.memo:
        hints = ctx.country_hints[:1]
        divisions = set()
        cue = admin1_cue(ctx.article.text, hints) if hints else None
        if cue is not None:
            divisions.add(cue[1])
        said = capital_place(ctx.article, hints, gazetteer)
        if said is not None and said.admin1:
            divisions.add(said.admin1)
        outlet = publisher_place(ctx.article.source, ctx.country_hints, gazetteer)
        home = gazetteer.capital(outlet.country_code) if outlet is not None else None
        # an outlet named after the capital ("Bangkok Post") is a national one
        if outlet is not None and outlet.admin1 and outlet.country_code in hints and (
            home is None or home.admin1 != outlet.admin1
        ):
            divisions.add(outlet.admin1)
        ctx.memo["regional_divisions"] = divisions
    return ctx.memo["regional_divisions"]


def _spelling_fits(ctx: Context, gazetteer: Gazetteer, entry: GazetteerEntry, words: set[str] = frozenset()) -> bool:
    """Whether a place matched only by its spelling may stand: it lies in a first-level division
    that the places named as the gazetteer writes them give (in names too: "Durg Rural Youth
    Congress"; and the capital's when the text says "the capital"); when there are none, the
    article's spelling matches must not scatter over several divisions ("Batpora, Bandipora"
    read as a town in Bengal and one in Kashmir)."""
    if "named_admin1" not in ctx.memo:
        hints = ctx.country_hints
        spans = [span for sentence in ctx.sentences
                 for span in (*place_entities(ctx, sentence, gazetteer), *places_in_names(ctx, sentence, gazetteer))]
        named, spelt = [capital_place(ctx.article, hints, gazetteer)], []
        for span in spans:
            found, by_spelling = resolve_name(gazetteer, span, hints)
            if _plausible(found, hints, False, text=span.text):
                (spelt if by_spelling else named).append(found)
        ctx.memo["named_admin1"] = {e.admin1 for e in named if e is not None and e.admin1 and e.kind != "country"}
        ctx.memo["spelt_admin1"] = {e.admin1 for e in spelt}
    anchors = ctx.memo["named_admin1"] | words | regional_divisions(ctx, gazetteer)
    if anchors:
        return entry.admin1 in anchors
    return len(ctx.memo["spelt_admin1"] - {entry.admin1}) == 0


def resolve_name(gazetteer: Gazetteer, span: Span, hints: list[str], *, admin1: list[str] | tuple = (),
                 admin2: list[str] | tuple = (), spelling: bool = True) -> tuple[GazetteerEntry | None, bool]:
    """(entry, whether only its spelling matched): the name as written, else, with `spelling`,
    a division or town of the article's countries spelt a little differently ("at Dehadrun"),
    then a village of India Post's list ("villagers in Halagere", `Gazetteer.village`), where a
    plain place word stands around it: "in", "at", "near" before it, "district", "village",
    "town"... after it, or a comma and another name after it. A village counts as spelt: weaker
    evidence that must fit the divisions the article names."""
    entry = gazetteer.resolve(span.text, country_codes=hints, admin1=admin1, admin2=admin2)
    if entry is not None or not spelling or not _spelt_context(span):
        return entry, False
    entry = gazetteer.village(span.text, admin1=admin1, admin2=admin2) if VILLAGE_COUNTRY in hints else None
    if entry is None:
        entry = gazetteer.resolve(span.text, country_codes=hints, admin1=admin1, admin2=admin2, spelling=True)
    return entry, entry is not None


def _spelt_context(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    last = span[-1].lower_
    # "Naurdero, Sindh", "Delhi, Jairpur, Kota": a name in a list of names or before the one that holds it
    listed = (after in {",", "and"} and span.end + 1 < len(doc) and doc[span.end + 1].is_title
              or before in {",", "and"} and span.start > 1 and doc[span.start - 2].is_title)
    return before in SPELT_LOCATIVE_WORDS or listed or {after, last} & (DIVISION_WORDS | SETTLEMENT_WORDS) != set()


def _containers(resolved: list[tuple[Span, bool, GazetteerEntry]]) -> dict[int, GazetteerEntry]:
    """Start of a place name -> the division or town written right after it and a comma, or
    after a division or settlement word and "of" or "in", which holds it ("Karimabad, Karachi",
    "Hisar, Haryana", "X tehsil of Poonch district", "X area in Rajshahi city")."""
    by_start = {ent.start: entry for ent, _, entry in resolved if entry.kind in {"city", "district", "admin1"}}
    held = {}
    for ent, _, _ in resolved:
        doc, end = ent.doc, ent.end
        if end + 1 in by_start and end < len(doc) and doc[end].text == ",":
            held[ent.start] = by_start[end + 1]
        elif end + 2 in by_start and end + 1 < len(doc) and doc[end].lower_ in DIVISION_WORDS | SETTLEMENT_WORDS and (
            doc[end + 1].lower_ in {"of", "in"}
        ):
            held[ent.start] = by_start[end + 2]
    return held


def _plausible(entry: GazetteerEntry | None, hints: list[str], local_only: bool, text: str | None = None) -> bool:
    """A small town outside the article's main country is usually a misreading of a name at
    home ("Madan" in a Bangladeshi note is not the Bulgarian town: the town's own name is
    its country's only evidence); so is any place outside the article's countries when the
    article's own place is sought. A town abroad must also be written by its own name, not
    one of the translations GeoNames lists ("Salt Lake" is Kolkata's, not Salt Lake City;
    "White House" is no name of Casablanca in the news)."""
    if entry is None:
        return False
    if not hints or entry.country_code == hints[0]:
        return True
    if local_only and entry.country_code not in hints:
        return False
    if entry.kind not in {"city", "district"}:
        return True
    return entry.population >= FOREIGN_TOWN_MIN_POPULATION and (text is None or _own_name(text, entry))


def _own_name(text: str, entry: GazetteerEntry) -> bool:
    key = name_key(re.sub(r"['’]s?$", "", text.strip()))
    words = key.split()
    if len(words) > 1 and words[-1] in DIVISION_WORDS | SETTLEMENT_WORDS:
        key = " ".join(words[:-1])
    return key == name_key(entry.name)


def _admin_words(sentences: list[Sentence], gazetteer: Gazetteer, hints: list[str]) -> set[str]:
    """Province names inside names ('Balochistan Police College') support a place in that province."""
    names = set()
    for sentence in sentences:
        for ent in sentence.ents:
            if ent.label_ in {"ORG", "FAC"}:
                for token in ent:
                    if token.is_title:
                        entry = gazetteer.resolve(token.text, country_codes=hints)
                        if entry is not None and entry.kind == "admin1":
                            names.add(entry.name)
    return names

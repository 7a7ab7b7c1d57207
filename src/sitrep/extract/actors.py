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
from ..registry import ActorEntry, Registry
from ..resolve.places import Gazetteer, name_key
from .context import ORG_LABELS, ActorMention, Context, Sentence, slug

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
    r"\b(army|front|brigades?|battalions?|movement|lashkar|jaish|tehri[kq]|tehreek|jamaat|harakat|ansar|"
    r"mujahideen|mujahidin|liberation|militia|taliban|jihad|hizb|hezb|commandos?|guerrillas?|rebels?|"
    r"resistance|revolutionary|faction|sipah|death squads?|insurgents?|jihadists?|fedayeen|patriotic)\b",
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
}
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
# The publisher's home country ("The Daily Star (Bangladesh)") is the weakest hint of all.
COUNTRY_WEIGHT, ACTOR_WEIGHT, PLACE_WEIGHT, ALTERNATE_NAME_WEIGHT, PUBLISHER_WEIGHT = 3.0, 2.0, 1.0, 0.25, 0.5


def _count_countries(ctx: Context, gazetteer: Gazetteer) -> None:
    if ctx.article.source:
        for part in re.findall(r"\(([^)]+)\)", ctx.article.source):
            entry = gazetteer.country(part)
            if entry is not None and entry.country_code:
                ctx.country_counts[entry.country_code] += PUBLISHER_WEIGHT
    for sentence in ctx.sentences:
        for ent in sentence.span.ents:
            if ent.label_ in {"GPE", "NORP", "LOC"}:
                entry = gazetteer.country(ent.text)
                if entry is not None and entry.country_code:
                    ctx.country_counts[entry.country_code] += COUNTRY_WEIGHT


def _count_home_countries(ctx: Context, registry: Registry, gazetteer: Gazetteer) -> None:
    for mention in ctx.mentions:
        entry = registry.get(mention.actor_id)
        if entry is not None and entry.country_code and entry.kind in NON_STATE_KINDS:
            ctx.country_counts[entry.country_code] += ACTOR_WEIGHT
    hints = [code for code, _ in ctx.country_counts.most_common(3)]
    for sentence in ctx.sentences:
        for ent in sentence.span.ents:
            if ent.label_ != "GPE" or gazetteer.country(ent.text) is not None:
                continue
            entry = gazetteer.resolve(ent.text, country_codes=hints)
            if entry is not None and entry.country_code:
                primary = name_key(entry.name) == name_key(ent.text)
                ctx.country_counts[entry.country_code] += PLACE_WEIGHT if primary else ALTERNATE_NAME_WEIGHT


def _entity_mentions(ctx: Context, sentence: Sentence, registry: Registry) -> None:
    for ent in sentence.span.ents:
        if ent.label_ not in ORG_LABELS | UNKNOWN_GROUP_LABELS:
            continue
        name = _strip_determiner(ent)
        if ent.ent_id_:
            entry = registry.get(ent.ent_id_)
        else:
            # Only spans the model calls organisations are worth an approximate match.
            entry = registry.lookup(name.text, country_code=ctx.main_country,
                                    fuzzy=ent.label_ == "ORG") if name.text else None
            if entry is not None and entry.kind not in NON_STATE_KINDS | {"international_organization"}:
                entry = None
        if entry is not None:
            ctx.add_mention(ActorMention(entry.id, ent.start_char, ent.end_char, ent.text, sentence.index, "registry"))
        elif ent.label_ in UNKNOWN_GROUP_LABELS and _looks_like_group(name) and name.root.lower_ not in STATE_HEADS:
            actor = _new_actor(ctx, name.text, kind="armed_group")
            ctx.add_mention(ActorMention(actor.id, ent.start_char, ent.end_char, ent.text, sentence.index, "ner"))


def _looks_like_group(name: Span) -> bool:
    text = name.text
    if text.lower() in MEDIA_NAMES or not GROUP_WORDS.search(text):
        return False
    # Facilities named after a place ("Balochistan Police College") are targets, not actors.
    return name.root.lower_ not in {"college", "school", "academy", "hospital", "university", "station", "hotel"}


def _faction_mentions(ctx: Context, sentence: Sentence, registry: Registry) -> None:
    """'the Al-Alami faction of the Lashkar-e-Jhangvi (LeJ) group' names a faction of its parent."""
    for parent_mention in ctx.mentions_in(sentence.start, sentence.end):
        before = ctx.article.text[sentence.start : parent_mention.start]
        match = FACTION_RE.search(before)
        if not match:
            continue
        parent = registry.get(parent_mention.actor_id) or ctx.new_actors.get(parent_mention.actor_id)
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
        if force is None or _covered(ctx, chunk):
            continue
        country, qualified = _chunk_country(chunk, gazetteer)
        qualifiers = {t.lower_ for t in chunk if t.i != head.i}
        if head.lower_ in {"forces", "official", "officials", "state", "personnel"} and not (qualified or qualifiers & STATE_QUALIFIERS):
            continue
        if head.lower_ in {"station", "enforcers"} and not qualifiers & {"police", "law"}:
            continue  # "Bishwanath Police Station", "law enforcers"; not a bus station
        if head.lower_ == "official" and "security" not in qualifiers:
            force = "state"
        if head.lower_ == "government" and any(t.dep_ == "poss" and t.pos_ == "PRON" for t in chunk):
            continue
        country = country or ctx.main_country
        if country is None:
            continue
        entry = registry.state_actor(country, force)
        if entry is not None:
            ctx.add_mention(ActorMention(entry.id, chunk.start_char, chunk.end_char, chunk.text, sentence.index, "state"))
    # A country acting as subject ("Pakistan has carried out offensives") is its state.
    for token in sentence.span:
        if token.dep_ == "nsubj" and token.ent_type_ == "GPE" and not ctx.mention_for_token(token):
            entry = gazetteer.country(token.text)
            state = registry.state_actor(entry.country_code, "state") if entry and entry.country_code else None
            if state is not None:
                ctx.add_mention(ActorMention(state.id, token.idx, token.idx + len(token.text), token.text,
                                             sentence.index, "state"))


def _chunk_country(chunk: Span, gazetteer: Gazetteer) -> tuple[str | None, bool]:
    for token in chunk:
        if token.i == chunk.root.i:
            continue
        if token.ent_type_ in {"NORP", "GPE"} or token.pos_ == "PROPN":
            entry = gazetteer.country(token.text)
            if entry is not None and entry.country_code:
                return entry.country_code, True
    return None, False


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
    entry = Registry.default().get(actor_id) or ctx.new_actors.get(actor_id)
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
        entry = registry.get(actor_id) or ctx.new_actors.get(actor_id)
        if entry is not None and entry.parent_id:
            ids.add(entry.parent_id)
    actors = []
    for actor_id in sorted(ids):
        entry = registry.get(actor_id) or ctx.new_actors.get(actor_id)
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
    registry = Registry.default()
    for found in statements:
        organization = found.speaker.organization_id
        entry = registry.get(organization) if organization else None
        entry = entry or (ctx.new_actors.get(organization) if organization else None)
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

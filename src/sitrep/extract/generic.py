"""Generic actors scoped to a country: "Protesters (India)", "Rioters (Bangladesh)", "Civilians (Pakistan)",
"Unidentified Armed Group (Pakistan)", as conflict datasets code them.

They come from two kinds of evidence: a noun phrase naming them ("demonstrators",
"a mob", "villagers", "unidentified assailants"), and an event that implies them
(a strike or a sit-in has protesters; a clash between supporters, or vandalism,
has rioters; people killed who belong to no armed party are civilians).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..registry import ActorEntry, Registry
from ..resolve.places import Gazetteer
from .context import ActorMention, Context, Sentence

# Events that imply an actor even when no phrase names it; matched on lemmas.
IMPLIED = {
    "protesters": {"protest", "strike", "hartal", "shutdown", "demonstration", "rally", "sit-in", "blockade", "march",
                   "gherao", "dharna", "picket", "boycott", "agitation", "demonstrate", "walkout", "bandh",
                   "block", "procession", "sit"},
    "rioters": {"riot", "vandalise", "vandalize", "ransack", "clash", "brawl", "torch", "stone", "pelt", "lynch",
                "scuffle", "rampage", "loot"},
}
# Things only protesters do: shout slogans, burn effigies, block roads and railways (rasta/rail roko).
PROTEST_SIGNS = {"slogan", "effigy", "roko", "sloganeering"}
# Unarmed party members, local leaders and officials harmed are civilians as conflict data codes them.
CIVILIAN_HEADS = {
    "leader", "activist", "supporter", "member", "councillor", "sarpanch", "chairman", "candidate", "politician",
    "person", "persons", "lawmaker", "engineer", "contractor", "priest", "monk", "imam", "cleric", "headmaster",
    "principal", "refugee", "shia", "hindu", "christian", "ahmadi", "sikh", "muslim", "buddhist",
    "people", "civilian", "villager", "resident", "man", "woman", "child", "boy", "girl", "farmer", "shopkeeper",
    "trader", "teacher", "student", "worker", "labourer", "laborer", "driver", "passenger", "youth", "businessman",
    "elder", "family", "pedestrian", "passerby", "passer-by", "bystander", "fisherman", "vendor", "doctor",
    "journalist", "pilgrim", "worshipper",
}
UNIDENTIFIED = "unidentified-armed-group"
POLICE_ACTS = {"arrest", "detain", "lathicharge", "lathi-charge", "teargas", "tear-gas", "handcuff"}
FORCE_WORDS = {"army", "police", "military", "security", "paramilitary", "border"}
CIVILIAN_GROUPS = {"journalists", "students", "teachers", "health-workers", "refugees"}
# Party activists in a fight are rioters, as ACLED codes them.
PARTISAN_HEADS = {"activist", "supporter", "worker", "cadre", "follower", "man", "member", "leader", "picket",
                  "picketer"}
VIOLENT_LEMMAS = {"attack", "clash", "beat", "chase", "vandalise", "vandalize", "torch", "hack", "stab", "assault",
                  "ransack", "swoop", "fight", "lock", "damage", "scuffle", "brawl", "hurl"}
ARMED_KINDS = {"armed_group", "faction", "militia"}
VIOLENCE = IMPLIED["rioters"] | {"bomb", "blast", "explode", "hurl", "attack", "injure", "kill"}
ARMED_VIOLENCE = {"bomb", "blast", "explosion", "explode", "ied", "grenade", "gunfire", "gunman", "ambush",
                  "landmine", "mine", "shoot", "behead"}
HARM_LEMMAS = {"kill", "injure", "wound", "hurt", "abduct", "kidnap", "chop", "hack", "stab", "shoot", "beat",
               "assault", "attack", "murder", "rape", "lynch", "torture", "gun", "behead", "burn", "slaughter"}


def find_generic_mentions(ctx: Context, *, registry: Registry, gazetteer: Gazetteer) -> None:
    """Add country-scoped generic actor mentions to `ctx`."""
    for sentence in ctx.sentences:
        for chunk in ctx.noun_chunks(sentence):
            if any(m.start <= chunk.root.idx < m.end for m in ctx.mentions):
                continue
            entry = _generic_entry(chunk, registry)
            if entry is not None and entry.id == UNIDENTIFIED and _definite(chunk):
                # "the militants" after "Boko Haram fighters killed ...": the group already named
                named = _previous_armed_group(ctx, registry, chunk.start_char)
                if named is not None:
                    ctx.add_mention(ActorMention(named, chunk.start_char, chunk.end_char, chunk.text, sentence.index,
                                                 "coreference"))
                    continue
            if entry is not None:
                _add(ctx, entry, chunk.start_char, chunk.end_char, chunk.text, sentence, _country(ctx, chunk, gazetteer))
            elif _violent_partisans(ctx, chunk, registry):
                rioters = registry.get("rioters")
                if rioters is not None:
                    _add(ctx, rioters, chunk.start_char, chunk.end_char, chunk.text, sentence,
                         _country(ctx, chunk, gazetteer))
            elif _harmed_civilian(chunk):
                civilians = registry.get("civilians")
                if civilians is not None:
                    _add(ctx, civilians, chunk.start_char, chunk.end_char, chunk.text, sentence,
                         _country(ctx, chunk, gazetteer))
        _imply(ctx, registry.get("protesters"), sentence, protest_act)
        _imply(ctx, registry.get("rioters"), sentence, lambda t: violent_act(t, IMPLIED["rioters"]))
    if _already(ctx, "protesters"):
        # A demonstration that turns violent has rioters (ACLED's "violent demonstration").
        for sentence in ctx.sentences:
            _imply(ctx, registry.get("rioters"), sentence, lambda t: violent_act(t, VIOLENCE))
    if ctx.main_country and not any(m.actor_id.startswith("state:") for m in ctx.mentions):
        # "activists were arrested", "a lathi charge": police acted though no phrase names them.
        _imply_police(ctx, registry)
    if not any(ctx.kind(m.actor_id) in ARMED_KINDS for m in ctx.mentions):
        # A bomb or a shooting nobody is named for: an unidentified armed group did it.
        for sentence in ctx.sentences:
            _imply(ctx, registry.get(UNIDENTIFIED), sentence, lambda t: t.lemma_.lower() in ARMED_VIOLENCE)


def protest_act(token: Token) -> bool:
    """A word of protest: "strike", "rally", "gheraoed", "burnt an effigy", "formed a human chain"."""
    lemma = token.lemma_.lower()
    return (lemma in IMPLIED["protesters"] or lemma.startswith("gherao") or lemma in PROTEST_SIGNS
            or lemma == "chain" and any(c.lower_ == "human" for c in token.children))


def violent_act(token: Token, lemmas: set[str]) -> bool:
    """A verb or noun of violence: one of `lemmas`, or "set ablaze", "exchanged blows", "opened fire"."""
    lemma = token.lemma_.lower()
    if lemma in lemmas:
        return True
    words = {child.lower_ for child in token.children}
    return bool(lemma == "set" and words & {"ablaze", "afire", "alight", "fire"}
                or lemma == "exchange" and words & {"blows", "fire"} or lemma == "open" and "fire" in words)


def _imply(ctx: Context, entry: ActorEntry | None, sentence: Sentence, implies: Callable[[Token], bool]) -> None:
    trigger = next((t for t in sentence.span if t.pos_ in {"NOUN", "VERB"} and implies(t)), None)
    if entry is not None and trigger is not None and not _already(ctx, entry.id):
        _add(ctx, entry, trigger.idx, trigger.idx + len(trigger.text), trigger.text, sentence, ctx.main_country,
             via="implied")


def _imply_police(ctx: Context, registry: Registry) -> None:
    police = registry.state_actor(ctx.main_country, "police")
    for sentence in ctx.sentences:
        act = next((t for t in sentence.span if t.pos_ == "VERB" and t.lemma_.lower() in POLICE_ACTS), None)
        if police is not None and act is not None:
            ctx.add_mention(ActorMention(police.id, act.idx, act.idx + len(act.text), act.text, sentence.index,
                                         "implied"))
            return


def _generic_entry(chunk: Span, registry: Registry) -> ActorEntry | None:
    words = [t for t in chunk if t.dep_ not in {"det", "nummod", "quantmod", "poss"} and not t.like_num]
    if not words:
        return None
    for candidate in (" ".join(t.text for t in words), chunk.root.text, chunk.root.lemma_):
        entry = registry.lookup(candidate, fuzzy=False)
        if entry is not None and entry.kind == "generic":
            return entry
    return None


def _definite(chunk: Span) -> bool:
    return any(t.dep_ in {"det", "poss"} and t.lower_ in {"the", "these", "those", "its", "their"} for t in chunk)


def _previous_armed_group(ctx: Context, registry: Registry, before: int) -> str | None:
    for mention in sorted(ctx.mentions, key=lambda m: -m.start):
        if mention.end > before:
            continue
        entry = ctx.entry(mention.actor_id)
        if entry is not None and entry.kind in ARMED_KINDS:
            return entry.id
    return None


def _violent_partisans(ctx: Context, chunk: Span, registry: Registry) -> bool:
    """'activists of Jubo League attacked', 'the Jubo Dal supporters vandalized': party men in a fight."""
    root = chunk.root
    if root.lemma_.lower() not in PARTISAN_HEADS:
        return False
    phrase = chunk.doc[root.left_edge.i : root.right_edge.i + 1]
    protest_words = IMPLIED["protesters"]
    partisan = any(t.lemma_.lower() in protest_words for t in phrase) or any(
        (entry := ctx.entry(m.actor_id)) is not None
        and entry.kind in {"political_party", "militia"}
        for m in ctx.mentions if phrase.start_char <= m.start < phrase.end_char
    ) or any(t.lower_ in {"party", "ruling"} for t in phrase)
    return partisan and _in_violence(root)


def _in_violence(root: Token) -> bool:
    """'activists attacked', 'damaged by pickets', 'a clash between activists and police'."""
    while root.dep_ == "conj":
        root = root.head
    head = root.head
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return violent_act(head, VIOLENT_LEMMAS)
    return root.dep_ == "pobj" and head.lower_ in {"by", "between"} and violent_act(head.head, VIOLENT_LEMMAS)


def _harmed_civilian(chunk: Span) -> bool:
    """'a school teacher chopped to death', 'ten villagers were killed': an unarmed person harmed."""
    root = chunk.root
    if root.lemma_.lower() not in CIVILIAN_HEADS or any(t.lower_ in FORCE_WORDS for t in chunk):
        return False  # "an army man" is a soldier
    if any(t.dep_ == "poss" and t.lower_ == "its" for t in chunk):
        return False  # "its leaders were killed": an organisation's own men
    head = root.head
    if root.dep_ in {"nsubjpass", "dobj"} and head.lemma_.lower() in HARM_LEMMAS:
        return True
    # "fifteen persons received burn injuries"
    if root.dep_ == "nsubj" and head.lemma_.lower() in {"receive", "sustain", "suffer"} and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"injury", "burn", "wound"} for c in head.children):
        return True
    # "a teacher chopped to death": the participle hangs from the noun itself
    return any(c.dep_ == "acl" and c.lemma_.lower() in HARM_LEMMAS for c in root.children)


def _country(ctx: Context, chunk: Span, gazetteer: Gazetteer) -> str | None:
    for token in chunk:
        if token.ent_type_ in {"NORP", "GPE"}:
            entry = gazetteer.country(token.text)
            if entry is not None and entry.country_code:
                return entry.country_code
    return ctx.main_country


def _already(ctx: Context, generic_id: str) -> bool:
    return any(m.actor_id == generic_id or m.actor_id.startswith(f"{generic_id}:") for m in ctx.mentions)


def _add(ctx: Context, entry: ActorEntry, start: int, end: int, text: str, sentence: Sentence,
         country_code: str | None, via: str = "generic") -> None:
    actor = scoped(ctx, entry, country_code)
    ctx.add_mention(ActorMention(actor.id, start, end, text, sentence.index, via))


def scoped(ctx: Context, entry: ActorEntry, country_code: str | None) -> ActorEntry:
    """'Protesters' in India is the actor 'Protesters (India)', id 'protesters:IN'.

    Journalists, students, teachers and the like are civilians: their actor's parent is the
    country's civilians, as conflict datasets code victims.
    """
    if country_code is None:
        return entry
    actor_id = f"{entry.id}:{country_code}"
    parent_id = None
    if entry.id in CIVILIAN_GROUPS:
        parent_id = scoped(ctx, Registry.default().get("civilians"), country_code).id
    if actor_id not in ctx.new_actors:
        from pycountry import countries

        country = countries.get(alpha_2=country_code)
        name = getattr(country, "common_name", None) or (country.name if country else country_code)
        ctx.new_actors[actor_id] = ActorEntry(
            id=actor_id, name=f"{entry.name} ({name})", aliases=entry.aliases, kind=entry.kind, parent_id=parent_id,
            country_code=country_code, active=None, source=entry.source,
        )
    return ctx.new_actors[actor_id]

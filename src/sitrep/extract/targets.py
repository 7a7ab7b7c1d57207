"""Targets and victims: what an attack was aimed at, and who was killed or hurt.

A target is read from the trigger itself ("an attack on the police college",
"gunmen stormed a hotel", "the blast targeted a bakery"); a victim from the
verbs of harm in the incident's sentences ("killing six soldiers", "a general
was killed", "the commander died", "injured officers"). Both become `Target`
records, named as the text names them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from . import counts

TARGET_TYPES = [  # first match wins: "police college" is police, not education
    ("police", r"police|policem[ae]n|constabulary|constables?|cops?|officers|levies|frontier corps|rangers?"),
    ("military", r"army|military|soldiers?|troops|jawans?|cantonment|garrison|checkpoint|base|barracks|"
                 r"security installation|security forces|armed forces|paramilitar|service ?members|servicem[ae]n|"
                 r"marines?|generals?|commanders?|colonels?|sergeants?|militiam[ae]n|patrols?|airfield|"
                 r"border (?:guards?|outposts?)"),
    ("religious", r"mosque|church|temple|shrine|imambargah|gurdwara|synagogue|worshippers|pilgrims|seminary|madrass?a"),
    ("education", r"school|college|university|students?|academy|teachers?"),
    ("government", r"government|ministry|minister|official|court|parliament|governor|office|mayor|judge|council"),
    ("diplomatic", r"embassy|consulate|diplomat"),
    ("journalists", r"journalists?|reporters?|press club|newspaper|media"),
    ("transport", r"bus|train|airport|railway|station|highway|convoy|vehicle"),
    ("business", r"market|bazaar|shops?|hotel|bank|restaurant|factory|company|mall|bakery|caf[eé]|pub\b|bar\b|"
                 r"nightclub|store|supermarket"),
    ("utilities", r"pipeline|power|electricity|grid|tower|dam|gas"),
    ("ngo", r"ngo|aid workers?|charity|polio"),
    ("political", r"rally|party|campaign|candidate|election"),
    ("civilians", r"civilians?|people|villagers|residents|passers-?by|wedding|funeral|children|women|family"),
]
PRONOUNS = {"it", "them", "they", "he", "she", "him", "her", "we", "us", "you", "himself", "herself", "themselves",
            "itself", "who", "whom", "which", "that", "those", "these", "this"}
# Where an attack happened rather than what it hit: "a blast rocked the city".
PLACE_NOUNS = {"city", "town", "village", "area", "region", "country", "capital", "district", "province",
               "neighbourhood", "neighborhood", "street", "centre", "center"}
# Words that name someone only with a figure: "more than 500 others", not "others".
BARE_QUANTIFIERS = {"all", "others", "one", "some", "many", "several"}
# Verbs whose object is what the attack was aimed at, whatever kind of thing it is.
AIMING_VERBS = {"attack", "target", "storm", "raid", "ambush", "bomb", "hit", "strike", "shell"}
# Verbs of damage: what an explosion or an attack "shattered", "destroyed", "damaged" was hit by it.
DAMAGE_VERBS = {"damage", "destroy", "shatter", "rock", "gut", "demolish", "flatten", "level", "wreck", "devastate"}
# Attack nouns whose "of" names what was hit: "the bombing of the federal building".
OF_TARGET_NOUNS = {"bombing", "shelling", "storming", "siege", "destruction", "burning"}
# Verbs of harm: their object, or their passive subject, is a victim; "die" and "perish" have the victim as subject.
HARM_VERBS = {"kill", "injure", "wound", "hurt", "murder", "slay", "maim", "mutilate", "behead", "assassinate",
              "massacre", "shoot", "gun", "stab", "execute"}
DYING_VERBS = {"die", "perish"}
# Nouns of harm whose "of" names the victims: "the assassination of the prime minister".
HARM_NOUNS = {"killing", "slaughter", "murder", "maiming", "massacre", "assassination", "beheading"}
# Words for attackers: never victims (the toll counts attackers killed apart), always doers (`attackers`).
ATTACKER_HEADS = rf"(?:{counts.ATTACKER_NOUNS}|shooters?|killers?|extremists?|jihadists?|hijackers?|" \
                 r"kidnappers?|abductors?|snipers?|suspects?|perpetrators?)"
TargetPhrase = tuple[str, str, bool]  # (text, type, is_proper)


def classify_target(text: str) -> str:
    lowered = text.lower()
    for target_type, pattern in TARGET_TYPES:
        if re.search(rf"\b(?:{pattern})", lowered):
            return target_type
    return "unknown"


def noun_phrase(head: Token, *, figures: bool = False) -> tuple[str, bool]:
    """A name for what a noun phrase refers to: the head with its modifiers, without relative clauses or places.

    A target's name leaves quantities to the toll ("at least 12 people" → "people"); a group of victims is
    named with its figure (`figures`: "six NATO service members", told apart from "two other Americans").
    """
    doc = head.doc
    if head.like_num:
        return head.text, False  # "injured another 15": the figure is all the text says of them
    for ent in doc.ents:
        if ent.start <= head.i < ent.end and ent.label_ in {"ORG", "FAC", "GPE"}:
            span = ent[1:] if ent[0].lower_ == "the" else ent
            return span.text, True
    deps = {"det", "amod", "compound", "poss", "nmod"} | ({"nummod"} if figures else set())
    left = [c for c in head.lefts if c.dep_ in deps and c.lower_ != "dead"]
    start = min([head.i, *(t.left_edge.i for t in left)])
    # A figure inside a word stays: "a 17-year-old girl".
    tokens = [t for t in doc[start : head.i + 1]
              if figures or not ((t.dep_ in {"nummod", "quantmod"} or t.like_num) and t.whitespace_)]
    return "".join(t.text_with_ws for t in tokens).strip(), head.pos_ == "PROPN"


def trigger_targets(trigger: Token) -> list[TargetPhrase]:
    """What one trigger was aimed at: 'an attack on X', 'stormed X', 'the blast targeted X', 'exploded near X'."""
    heads: list[Token] = []
    aimed: list[Token] = []  # objects of aiming, kept whatever their kind
    if trigger.pos_ == "NOUN":
        # "blamed the attack on X": X is who did it, not what was hit
        blamed = trigger.head.lemma_.lower() in {"blame", "pin"}
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in {"on", "against", "at", "targeting"} and not (
                    blamed and prep.lower_ == "on"):
                aimed += [c for c in prep.children if c.dep_ == "pobj"]
        if trigger.dep_ == "compound" or any(c.dep_ == "compound" and c.lower_ == "police" for c in trigger.children):
            heads += [c for c in trigger.children if c.dep_ == "compound"]
        if trigger.lemma_.lower() in OF_TARGET_NOUNS:
            aimed += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
        # "the explosion targeted a bakery", "the building was shattered by an explosion"
        verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.dep_ == "agent" else trigger.head
        if verb.lemma_.lower() in AIMING_VERBS | DAMAGE_VERBS:
            # what was damaged counts when it is a kind of target or has a name: not "the glass"
            hit = aimed if verb.lemma_.lower() in AIMING_VERBS else heads
            if trigger.dep_ == "nsubj":
                hit += [c for c in verb.children if c.dep_ == "dobj"]
            elif verb is not trigger.head:
                hit += [c for c in verb.children if c.dep_ == "nsubjpass"]
    else:
        objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
        (aimed if trigger.lemma_ in AIMING_VERBS else heads).extend(objects)
        if trigger.dep_ == "acl":
            heads.append(trigger.head)
        # "a car bomb exploded near a checkpoint": the place hit, when it is a kind of target
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in {"at", "near", "outside", "inside", "on", "under"}:
                heads += [c for c in prep.children if c.dep_ == "pobj" and classify_target(c.text) != "unknown"]
    targets = []
    for head in [*_with_conjuncts(aimed), *_with_conjuncts(heads)]:
        if head.lower_ in PRONOUNS | PLACE_NOUNS or head.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "CARDINAL"}:
            continue
        if head.lemma_.lower() == "life":
            continue  # "an attack on his life" is aimed at a person the phrase does not name
        text, proper = noun_phrase(head)
        target_type = classify_target(text)
        if target_type != "unknown" or proper or (head in aimed and head.pos_ == "NOUN"):
            targets.append((text, target_type, proper))
    return targets


def victims(sentence: Span, *, real: Callable[[Token], bool]) -> list[TargetPhrase]:
    """People killed or hurt in a sentence: 'killing six soldiers', 'a general was killed', 'the commander died',
    'injured officers', 'nine people were dead', 'the victims were ...', 'the assassination of X'.
    Attackers killed are not victims: the toll counts them apart (`counts`)."""
    heads: list[Token] = []
    people: set[int] = set()  # subjects of "die": people, whatever the entity label says ("Tamerlan died")
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma == "victim" and token.pos_ == "NOUN":
            heads.append(token)  # "a thirteenth victim died", "the victims were two women and a boy"
            heads += [c for c in token.head.children if c.dep_ == "attr" and token.dep_ == "nsubj"]
            continue
        if lemma in HARM_NOUNS and token.pos_ == "NOUN" and real(token):
            # not a people as a whole: "the killing of Muslims" is a grievance, not an incident's victims
            heads += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj" and p.ent_type_ != "NORP"]
            continue
        if lemma == "dead" and token.dep_ == "acomp" and real(token.head):
            heads += [c for c in token.head.children if c.dep_ == "nsubj"]  # "nine people were dead"
            continue
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_ == "life" for c in token.children):
            lemma = "kill"  # "the bombs claimed nine lives"
        if lemma not in HARM_VERBS | DYING_VERBS or not real(token):
            continue
        if token.pos_ == "VERB" and token.dep_ in {"amod", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "NUM"}:
            heads.append(token.head)  # "injured officers", "the six service members killed", "two of the 12 killed"
            continue
        if token.pos_ != "VERB":
            continue
        if lemma in DYING_VERBS:
            dying = [c for c in token.children if c.dep_ == "nsubj"]
            heads += dying
            people |= {c.i for c in dying}
            continue
        for child in token.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                # "soldiers who were killed": the relative pronoun stands for the noun the clause hangs from
                heads.append(token.head if child.lower_ in {"who", "that"} and token.dep_ == "relcl" else child)
    found = []
    for head in _with_conjuncts(heads, lists=True):
        if head.lower_ in PRONOUNS or head.ent_type_ in {"DATE", "TIME"}:
            continue
        if head.ent_type_ in {"GPE", "LOC"} and head.i not in people:
            continue
        if head.lower_ in BARE_QUANTIFIERS and not any(c.dep_ == "nummod" for c in head.children):
            continue
        if re.fullmatch(ATTACKER_HEADS, head.lower_):
            continue  # attackers killed are counted apart
        if head.lemma_.lower() == "life" and not any(c.dep_ == "nummod" for c in head.children):
            continue  # "lost his life" names no one; "claimed nine lives" counts them
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
            continue  # "its leaders", "their families": a name that needs its antecedent to say who
        text, proper = noun_phrase(head, figures=True)
        found.append((text, classify_target(text), proper or head.ent_type_ == "PERSON"))
    return found


def _with_conjuncts(heads: list[Token], *, lists: bool = False) -> list[Token]:
    """'killed 23 soldiers and two civilians': every conjunct of each head, in order, once. With `lists`, also
    the start of a list the parser read as an apposition ('eight women, a girl and four men injured')."""
    found: list[Token] = []
    for head in heads:
        first = head.head if lists and head.dep_ == "appos" and head.head.pos_ == "NOUN" else head
        for token in [first, *first.conjuncts, head, *head.conjuncts]:
            if token not in found:
                found.append(token)
    return found

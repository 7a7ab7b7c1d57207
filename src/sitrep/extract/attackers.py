"""Attackers as the text names them: 'a suicide bomber', 'Taliban gunmen', 'IS', 'troops'.

Perpetrators (`incidents.py`) are actors with a basis and an asserting
party; many reports name no group at all, only "a gunman" or "the
militants". This module reads the doers of the incident's acts, named or
not: the subject of an attacking verb ("gunmen stormed", "the bomber blew
himself up") or of a claim ("the group claimed responsibility"), the agent
of a passive one ("killed by militants"), and the doer of an attack noun
("an attack by rebels", "IS attacks", "the group's attack"). A doer counts
when it is an attacker noun, a person, or an actor that can attack (an
armed group or a state force); a bomb that "killed twelve" is a weapon, not
an attacker.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from .context import Context
from .targets import ATTACKER_HEADS, noun_phrase

ATTACK_VERBS = {"attack", "kill", "shoot", "bomb", "detonate", "storm", "raid", "ambush", "target", "injure",
                "wound", "plant", "stab", "behead", "abduct", "kidnap", "assassinate", "massacre", "murder", "gun",
                "hurl", "ram", "execute", "slay", "torch", "shell", "fire"}
# Verbs that attack only with their particle or object: "blew himself up", "opened fire".
PHRASAL_ATTACKS = {"blow": "up", "open": "fire"}
# Verbs whose object is one attack: "carried out the attack", "launched a raid" (not "carried out offensives").
DOING_VERBS = {"carry", "launch", "stage", "mount", "conduct", "perpetrate"}
# "launched a series of attacks": one telling of several attacks that happened
SERIES_NOUNS = {"series", "wave", "spate", "string", "campaign"}
# "claimed responsibility", "accepted responsibility": the claimant is named as the doer.
CLAIM_LEMMAS = {"claim", "accept", "admit", "take", "assume"}
ATTACK_NOUNS = {"attack", "bombing", "raid", "assault", "ambush", "shooting", "blast", "explosion", "strike",
                "airstrike", "massacre", "killing", "kidnapping", "abduction", "assassination", "offensive"}
# People who can be doers though no word marks them as attackers: "a man opened fire".
PERSON_HEADS = {"man", "men", "woman", "women", "individual", "individuals", "teenager", "youth", "boy", "person"}
ATTACKING_KINDS = {"armed_group", "faction", "militia", "state", "state_force"}


def attacker_phrases(ctx: Context, sentence: Span, *, real: Callable[[Token], bool]) -> list[str]:
    """Phrases naming the doers of the attacks told in a sentence, each once."""
    doers: list[Token] = []
    for token in sentence:
        if not real(token):
            continue
        if token.pos_ == "VERB" and (_attacking_verb(token) or _claiming_verb(token)) and not _harms_attacker(token):
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if not subjects and token.dep_ == "conj":  # "gunmen stormed the hotel and shot guests"
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            if token.dep_ == "relcl" and any(s.lower_ in {"who", "that"} for s in subjects):
                subjects = [token.head]  # "a man who opened fire"
            doers += subjects
            doers += [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        elif token.pos_ == "NOUN" and token.lemma_.lower() in ATTACK_NOUNS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    doers += [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ in {"poss", "compound", "nmod"} and _names_attacking_actor(ctx, child):
                    doers.append(child)
    phrases: list[str] = []
    for doer in [t for head in doers for t in (head, *head.conjuncts)]:
        if _is_attacker(ctx, doer):
            text = noun_phrase(doer)[0]
            if text not in phrases:
                phrases.append(text)
    return phrases


def _attacking_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ATTACK_VERBS:
        return True
    if lemma in DOING_VERBS:  # "carried out the attack", "the attack was carried out by", "was carried out by"
        return any(c.dep_ == "agent" or (c.dep_ in {"dobj", "nsubjpass"} and _one_attack(c)) for c in verb.children)
    return lemma in PHRASAL_ATTACKS and any(
        c.lower_ == PHRASAL_ATTACKS[lemma] and c.dep_ in {"prt", "dobj"} for c in verb.children)


def _one_attack(noun: Token) -> bool:
    """'the attack', 'a series of attacks' name attacks that happened; bare 'offensives' is a policy."""
    if noun.lemma_.lower() in ATTACK_NOUNS:
        return noun.tag_ == "NN"
    return noun.lemma_.lower() in SERIES_NOUNS and any(
        p.lemma_.lower() in ATTACK_NOUNS for c in noun.children if c.lower_ == "of" for p in c.children)


def _harms_attacker(verb: Token) -> bool:
    """'a fighter who was killed by security forces': whoever killed an attacker is not one."""
    patients = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "relcl" and any(p.lower_ in {"who", "that"} for p in patients):
        patients.append(verb.head)
    return any(re.fullmatch(ATTACKER_HEADS, p.lower_) for p in patients)


def _claiming_verb(verb: Token) -> bool:
    return verb.lemma_.lower() in CLAIM_LEMMAS and any(
        c.dep_ == "dobj" and c.lower_ in {"responsibility", "credit"} for c in verb.children)


def _is_attacker(ctx: Context, head: Token) -> bool:
    if head.pos_ == "PRON":
        return False
    if re.fullmatch(ATTACKER_HEADS, head.lower_) or head.lower_ in PERSON_HEADS:
        return True
    if head.ent_type_ == "PERSON":
        return True
    return _names_attacking_actor(ctx, head)


def _names_attacking_actor(ctx: Context, token: Token) -> bool:
    return any(ctx.kind(m.actor_id) in ATTACKING_KINDS for m in ctx.mention_for_subtree(token))

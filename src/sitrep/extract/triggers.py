"""Event triggers and incident types: which words report an event, and what kind of event a cluster of them is.

1. A trigger is a noun or verb that names an event: violence ("raid", "hacked to
   death", "exchange of fire", "hurled crude bombs"), crowd action ("hartal",
   "staged a sit-in", "blocked the highway") or a non-violent move of an armed or
   political actor ("arrested", "surrendered", "ceasefire agreement").
2. It reports an event only when the event is real and specific: not
   hypothetical, negated or generic, and not the grievance a protest is about
   ("protested the killing of a lawyer" reports a protest, not a killing).
3. A cluster's type is its most specific event of the gravest kind it names
   (violence, then crowd action, then non-violent moves), and depends on who
   took part. ACLED codes who fought as much as what happened: a
   clash between party activists, or arson and vandalism by a crowd, is a riot;
   a clash with Maoists or between armies is a battle; the killing of militants
   is a battle too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .context import Context, Sentence

NOUN_TRIGGERS = {
    "attack": "attack", "raid": "armed_assault", "assault": "armed_assault", "ambush": "armed_assault",
    "shooting": "armed_assault", "siege": "armed_assault", "firing": "armed_assault", "stabbing": "armed_assault",
    "killing": "attack", "murder": "attack",
    "gunfight": "armed_clash", "firefight": "armed_clash", "shootout": "armed_clash", "gunbattle": "armed_clash",
    "encounter": "armed_clash", "skirmish": "armed_clash", "crossfire": "armed_clash", "battle": "armed_clash",
    "fighting": "armed_clash", "clash": "armed_clash", "hostility": "armed_clash", "gunfire": "armed_assault",
    "bombing": "bombing", "blast": "bombing", "explosion": "bombing", "landmine": "bombing", "ied": "bombing",
    "kidnapping": "kidnapping", "abduction": "kidnapping", "assassination": "assassination", "arson": "arson",
    "airstrike": "air_strike", "shelling": "shelling", "bombardment": "shelling",
    "massacre": "violence_against_civilians", "lynching": "violence_against_civilians",
    "riot": "riot", "vandalism": "riot", "rampage": "riot", "violence": "riot", "scuffle": "riot", "brawl": "riot",
    "protest": "protest", "demonstration": "protest", "rally": "protest", "march": "protest", "procession": "protest",
    "strike": "protest", "hartal": "protest", "bandh": "protest", "shutdown": "protest", "blockade": "protest",
    "dharna": "protest", "gherao": "protest", "agitation": "protest", "picketing": "protest", "boycott": "protest",
    "walkout": "protest", "vigil": "protest", "lathicharge": "protest", "roadblock": "protest",
    "arrest": "arrest", "detention": "arrest",
    "surrender": "strategic_development", "ceasefire": "strategic_development", "truce": "strategic_development",
    "agreement": "strategic_development", "accord": "strategic_development", "recruitment": "strategic_development",
}
VERB_TRIGGERS = {
    "attack": "attack", "raid": "armed_assault", "storm": "armed_assault", "ambush": "armed_assault",
    "shoot": "armed_assault", "stab": "armed_assault", "bomb": "bombing", "explode": "bombing",
    "detonate": "bombing", "blast": "bombing", "kidnap": "kidnapping", "abduct": "kidnapping",
    "assassinate": "assassination", "torch": "arson", "shell": "shelling", "clash": "armed_clash",
    "kill": "attack", "murder": "attack", "target": "attack", "swoop": "attack", "fight": "armed_clash", "slay": "attack", "behead": "violence_against_civilians",
    "massacre": "violence_against_civilians", "lynch": "violence_against_civilians",
    "riot": "riot", "vandalise": "riot", "vandalize": "riot", "ransack": "riot", "loot": "riot", "pelt": "riot",
    "protest": "protest", "demonstrate": "protest", "rally": "protest", "picket": "protest", "gherao": "protest",
    "boycott": "protest", "agitate": "protest", "lathicharge": "protest",
    "arrest": "arrest", "detain": "arrest", "apprehend": "arrest", "nab": "arrest",
    "surrender": "strategic_development", "recruit": "strategic_development", "encroach": "strategic_development",
}
# Words that report an event only in a headline, whose grammar drops what prose would add: "19 militants die
# in infighting", "Market blast toll rises to 31", "Troops pound hideouts", "2 militants eliminated".
HEADLINE_NOUN_TRIGGERS = {"toll": "attack", "infighting": "armed_clash", "duel": "armed_clash"}
HEADLINE_VERB_TRIGGERS = {"die": "attack", "succumb": "attack", "eliminate": "attack", "pound": "shelling"}
# A government's answer to a killing that a headline tells as its own event: "Nepal summons envoy over
# villagers' deaths" (a diplomatic protest, filed with the killing by conflict data).
ENVOYS = {"envoy", "envoys", "diplomat", "diplomats", "ambassador", "ambassadors", "commissioner", "d'affaires"}
# A headline's claim of bombs is a claim of bombings: "Rebel front claims market bombs".
CLAIM_VERBS = {"claim"}
# Those who did an attack: the attack before them happened, whatever is asked of them ("minister vows to find
# temple bombing perpetrators").
DOER_NOUNS = {"attacker", "perpetrator", "bomber", "killer", "assailant", "mastermind"}
TRIGGER_LEMMAS = frozenset(NOUN_TRIGGERS) | frozenset(VERB_TRIGGERS) | frozenset(HEADLINE_NOUN_TRIGGERS) | frozenset(
    HEADLINE_VERB_TRIGGERS)
# Nouns a trigger's modifiers turn into another type: "hunger strike" stays a protest, "air strike" does not.
MODIFIED_NOUNS = {
    ("strike", "air"): "air_strike", ("strike", "drone"): "air_strike", ("strike", "aerial"): "air_strike",
    ("strike", "missile"): "shelling", ("strike", "rocket"): "shelling", ("mine", "land"): "bombing",
    ("chain", "human"): "protest", ("exchange", "fire"): "armed_clash", ("violation", "ceasefire"): "armed_clash",
    ("in", "sit"): "protest", ("charge", "lathi"): "protest", ("charge", "baton"): "protest",
    ("fast", "indefinite"): "protest", ("fast", "hunger"): "protest", ("exchange", "blows"): "riot",
}
# Crowd control, not armed violence: "firing of tear gas shells", "blank firing", "lathi-charge".
CROWD_CONTROL = {"tear", "teargas", "tear-gas", "gas", "rubber", "blank", "cannon", "cannons", "baton"}
# Verbs that take their type from what they act on: "hurled crude bombs", "threw stones", "blocked the highway".
EXPLOSIVES = {"bomb", "grenade", "cocktail", "explosive", "ied", "landmine", "mine", "device"}
MISSILES_OF_CROWDS = {"stone", "brick", "brickbat"}
BLOCKABLE = {"road", "highway", "traffic", "train", "rail", "railway", "track", "street", "route", "way", "roads",
             "gate", "gates", "entrance", "bridge"}
# Hand-thrown improvised devices: party activists' weapons in South Asian street violence.
IMPROVISED = re.compile(r"\b(?:crude|petrol|country-made|hand|handmade|home-?made)\s+bombs?\b|\bcocktails?\b|molotov",
                        re.I)
# Where two armies face each other: firing and shelling across them is a battle, as ACLED codes it.
FRONTLINE = re.compile(r"\b(?:LoC|Line of Control|international border|border out-?posts?|BoPs?|forward (?:posts|"
                       r"defen[cs]e locations?))\b", re.I)
DEATH_WORDS = {"death", "dead"}

# Words above a trigger that make it hypothetical or generic, not a reported event.
IRREALIS = {"prevent", "ability", "plan", "threaten", "threat", "risk", "fear", "warn", "capable", "stop", "foil",
            "avert", "thwart", "capability", "intend", "vow", "possibility", "urge", "ban", "prohibit", "permit",
            "seek", "decide", "propose", "prepare", "avoid"}
# Words above a trigger that refer to an earlier event: "a suspect in the murder of", "accused of creating violence".
BACKGROUND = {"suspect", "accuse", "case", "connection", "trial", "convict", "sentence", "verdict",
              "anniversary", "memory", "commemorate", "investigate", "investigation", "probe"}
MODALS = {"will", "would", "shall", "may", "might", "could", "should", "can"}
# Words above a trigger that make it what a protest is about, not an event of its own.
GRIEVANCE = {"condemn", "denounce", "demand", "mourn", "protest", "against", "over", "demonstrate", "rally",
             "agitate", "decry", "slam"}
PROTEST_WORDS = {lemma for lemma, kind in (NOUN_TRIGGERS | VERB_TRIGGERS).items() if kind == "protest"}

# Gravest family first; within violence, from the vaguest type to the most specific.
VIOLENT_TYPES = ["riot", "attack", "armed_assault", "arson", "armed_clash", "kidnapping", "assassination",
                 "violence_against_civilians", "bombing", "shelling", "air_strike", "suicide_bombing"]
FAMILIES = [VIOLENT_TYPES, ["protest"], ["strategic_development", "arrest"]]
SPECIFIC_TYPES_BY_WEAPON = {"suicide vest": "suicide_bombing", "car bomb": "bombing",
                            "improvised explosive device": "bombing", "bomb": "bombing", "firearms": "armed_assault"}
# Triggers whose sides decide the type: a clash is a riot unless an armed side fights in it.
SIDED_LEMMAS = {"clash", "fighting", "fight"}
CROWD_TYPES = {"riot", "arson"}
# Triggers that name a fight itself; a killing typed armed_clash only because the dead were armed is not one.
ENGAGEMENTS = {lemma for lemma, kind in (NOUN_TRIGGERS | HEADLINE_NOUN_TRIGGERS).items() if kind == "armed_clash"} | {
    "clash", "exchange", "violation", "firing"}

ARMED_NOUNS = re.compile(r"\b(?:militants?|insurgents?|rebels?|maoists?|naxal(?:ite)?s?|terrorists?|separatists?|"
                         r"guerrillas?|jihadists?|extremists?|gunm[ae]n|armed (?:men|group|cadres?)|fighters?)\b", re.I)
MILITARY_NOUNS = re.compile(r"\b(?:army|armies|troops|soldiers?|military|jawans?|paramilitary|security forces|"
                            r"border guards?|forces)\b", re.I)
# Those who riot: partisans and crowds, and the strikes they enforce. People who may only be victims
# (villagers, students) make a crowd in a clash but do not turn a bombing into a riot.
PARTISAN_NOUNS = re.compile(r"\b(?:activists?|supporters?|pickets?|picketers?|blockaders?|mobs?|protesters?|"
                            r"protestors?|demonstrators?|agitators?|rioters?|followers|party men|rival groups?|"
                            r"stone[- ]?pelting|lathi)\b", re.I)
PEOPLE_NOUNS = re.compile(r"\b(?:students?|workers?|villagers|locals|residents|hawkers|traders|youths?|families|"
                          r"groups)\b", re.I)
AIR_WORDS = re.compile(r"\b(?:air ?strikes?|aerial (?:offensive|bombardment|bombing|attacks?|strikes?)|jet fighters?|fighter (?:jets?|aircraft)|jets|aircraft|"
                       r"helicopter gunships?|gunships?|air force|drones?)\b", re.I)
ARMED_KINDS = {"armed_group"}
CROWD_KINDS = {"political_party", "militia"}


@dataclass(frozen=True)
class Sides:
    """Who took part in an incident, as far as its sentences say."""

    armed: bool  # a non-state armed group: militants, Maoists, a registered armed group
    military: bool  # an army or other military force
    partisan: bool  # protesters, party activists, a mob, a political party
    crowd: bool  # partisans, or people who are no armed side (villagers, students)


def trigger_type(token: Token, *, headline: bool = False) -> str | None:
    """The incident type a word names, or None when it names no event."""
    # The model lemmatises the past tense "slew" as the noun "slew" (a large number).
    lemma = "slay" if token.lower_ == "slew" and token.pos_ == "VERB" else token.lemma_.lower()
    found = _trigger_type(token, lemma)
    if found is None and headline and token.pos_ == "PROPN" and not token.ent_type_:
        # A headline's capitals make its first noun look like a name: "Shootout leaves three dead"
        found = (NOUN_TRIGGERS | HEADLINE_NOUN_TRIGGERS).get(token.lower_)
    if headline and _headline_verb(token):
        found = VERB_TRIGGERS[token.lower_]
    if found is None and headline and token.pos_ == "VERB" and token.dep_ == "pobj":
        found = NOUN_TRIGGERS.get(token.lower_)  # "a death in Indian firing": the tagger's verb is the noun
    if found is None and headline and lemma == "gun" and token.nbor(1).lower_ == "down" if token.i + 1 < len(
            token.doc) else False:
        found = "armed_assault"  # "Police gun down 8 militants", parsed as the noun "gun"
    if found is None and headline and token.lower_ == "dead" and token.pos_ == "ADJ" and (
            token.head.pos_ == "NUM" or any(c.pos_ == "NUM" for c in (*token.children, *token.head.children))):
        found = "attack"  # "Seven dead as troops hit hideouts"
    if found is None and headline and _summons(token):
        found = "strategic_development"
    if found is None and headline and token.pos_ == "NOUN" and lemma == "fire" and any(
            t.lemma_.lower() in {"exchange", "trade"} for t in token.doc[max(token.i - 3, token.sent.start) : token.i]):
        found = "armed_clash"  # "Two armies exchange heavy fire", the verb tagged as a noun
    if found is None and headline and lemma == "hit" and token.i > token.sent.start and \
            token.nbor(-1).lower_ in {"drone", "drones"}:
        found = "air_strike"  # "briefed on drone hit near village", however the tagger reads "hit"
    if found is None and headline and lemma == "claim" and token.i + 1 < len(token.doc) and \
            token.nbor(1).lower_ in {"responsibility", "credit"} and not any(
                c.dep_ == "prep" and c.lower_ == "for" for c in (*token.children, *token.nbor(1).children)):
        found = "attack"  # "Outpost overrun, front claims responsibility": a claim of nothing named tells of an attack
    if found is None and headline and lemma == "bomb" and token.pos_ == "NOUN" and token.dep_ == "dobj" and \
            token.head.lemma_.lower() in CLAIM_VERBS:
        found = "bombing"
    if found is None and headline:
        triggers = HEADLINE_NOUN_TRIGGERS if token.pos_ == "NOUN" else HEADLINE_VERB_TRIGGERS
        found = triggers.get(lemma) if token.pos_ in {"NOUN", "VERB"} else None
        if found == "attack" and _victims_armed(token):
            found = "armed_clash"
    return found


def _summons(token: Token) -> bool:
    """"summons envoy", "summons neighbour's envoy": read off the words, since headline parses of it vary."""
    return token.lemma_.lower() in {"summon", "summons"} and any(
        t.lower_ in ENVOYS for t in token.doc[token.i + 1 : token.i + 5])


def _headline_verb(token: Token) -> bool:
    """A headline's present-tense verb the tagger reads as a noun: "Gunmen storm college" (a noun with an
    object), "Militants attack checkpost" (a compound after its doers, in a line with no verb)."""
    if token.pos_ != "NOUN" or token.lower_ not in VERB_TRIGGERS:
        return False
    if any(c.dep_ in {"dobj", "nsubj"} for c in token.children):
        return True
    doers = token.i > token.sent.start and (ARMED_NOUNS.fullmatch(token.nbor(-1).text) or
                                            MILITARY_NOUNS.fullmatch(token.nbor(-1).text) or
                                            token.nbor(-1).lower_ == "police")
    return token.dep_ == "compound" and bool(doers) and not any(t.pos_ in {"VERB", "AUX"} for t in token.sent)


def _trigger_type(token: Token, lemma: str) -> str | None:
    if token.pos_ == "NOUN":
        modifiers = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
        objects = {g.lower_ for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
        if lemma in {"attack", "bombing", "blast"} and "suicide" in modifiers:
            return "suicide_bombing"
        for word in modifiers | objects:
            if (lemma, word) in MODIFIED_NOUNS:
                return MODIFIED_NOUNS[lemma, word]
        if lemma in {"firing", "shelling", "shell"} and {t.lower_ for t in token.subtree} & CROWD_CONTROL:
            return "protest"
        if lemma == "firing" and modifiers & {"cross-border", "retaliatory"}:
            return "armed_clash"
        return NOUN_TRIGGERS.get(lemma)
    if token.pos_ == "VERB":
        return _verb_type(token, lemma)
    return None


def _verb_type(token: Token, lemma: str) -> str | None:
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    objects += [c for o in objects for c in o.conjuncts]  # "exchange mortar and rifle fire"
    object_lemmas = {o.lemma_.lower() for o in objects}
    subject_words = {t.lower_ for c in token.children if c.dep_ == "nsubj" for t in c.subtree}
    below = {t.lower_ for t in token.subtree}
    if lemma == "blow" and "up" in particles:
        return "suicide_bombing" if "suicide" in subject_words or object_lemmas & {"himself", "herself"} else "bombing"
    if lemma == "go" and "off" in particles:
        return "bombing"
    if lemma == "open" and "fire" in object_lemmas:
        return "armed_assault"
    if lemma == "fire" and not below & {"tear", "teargas", "rubber", "blank"}:
        # "fired upon them", "fired shots"; not "teachers were fired"
        aimed = any(c.dep_ == "prep" and c.lower_ in {"at", "on", "upon", "into", "towards"} for c in token.children)
        return "armed_assault" if aimed or object_lemmas & {"shot", "bullet", "round", "gun"} else None
    if lemma in {"exchange", "trade"} and "fire" in object_lemmas:
        return "armed_clash"
    if lemma == "set" and below & {"fire", "ablaze", "afire"}:
        return "arson"
    if lemma in {"hurl", "throw", "toss", "lob", "plant", "hit", "strike", "step", "trigger", "collide"}:
        if object_lemmas & EXPLOSIVES:
            return "bombing"
        return "riot" if object_lemmas & MISSILES_OF_CROWDS else None
    if lemma in {"block", "blockade"}:
        return "protest" if object_lemmas & BLOCKABLE else None
    if lemma == "take" and "streets" in below or lemma in {"shout", "chant", "raise"} and "slogans" in below:
        return "protest"
    if lemma in {"stage", "stag"} and objects:  # the tagger lemmatises "staged" as "stag"
        return "protest"  # "staged a law-violation programme", "staged 'rasta roko'"; "staged an attack" is the attack
    if lemma in {"show", "wave"} and "flags" in below:
        return "protest"  # "showed black flags to the minister"
    if lemma in {"march", "strike"} and not objects:
        return "protest"  # "members marched to demand", "workers continued striking"
    if lemma in {"gather", "assemble", "convene", "converge"}:
        purpose = any(c.dep_ in {"advcl", "xcomp"} or c.dep_ == "prep" and c.lower_ == "against" for c in token.children)
        return "protest" if purpose or below & {"streets", "outside"} else None
    if lemma in {"seize", "recover"} and below & {"arms", "weapons", "ammunition", "explosives", "cache"}:
        return "strategic_development"
    if lemma == "lay" and "down" in particles and "arms" in below:
        return "strategic_development"
    if lemma == "burn":
        if "effigy" in object_lemmas or "effigies" in below:
            return "protest"
        return "attack" if below & DEATH_WORDS else "arson"
    if lemma in {"hack", "chop", "beat", "strangle"} and below & DEATH_WORDS:
        return "attack"
    if lemma in {"gun", "shoot"} and ("down" in particles or "dead" in below):
        return "armed_assault"
    kind = VERB_TRIGGERS.get(lemma)
    if kind in {"attack", "armed_assault"} and _victims_armed(token):
        return "armed_clash"  # "the FC killed 2 militants": the state fought an armed group
    return kind


def _victims_armed(verb: Token) -> bool:
    victims = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} or
               c.dep_ == "nsubj" and verb.lemma_.lower() in {"die", "succumb"}]
    if verb.dep_ in {"acl", "relcl"}:
        victims.append(verb.head)  # "1 militant killed", "militants who were killed"
    return any(ARMED_NOUNS.fullmatch(v.text) for v in victims)


def reports_event(token: Token, kind: str, *, headline: bool = False) -> bool:
    """A trigger reports an event when it is real, specific, and not the grievance of a protest.

    A headline tells one specific event in its own grammar: present tense for the past ("Gunmen kill
    judge"), no auxiliaries ("10 killed"), no articles ("Firing kills four"); and what it condemns or
    mourns is that event ("PM condemns market blast").
    """
    if headline and _attested(token):
        return True
    if _governed(token, IRREALIS | BACKGROUND):
        return False
    if headline and covers_period(token.sent):
        return False
    if _modal(token) or any(_modal(a) for a in token.ancestors if a.pos_ in {"VERB", "AUX"}):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return False
    grievance = PROTEST_WORDS if headline else GRIEVANCE | PROTEST_WORDS
    if any(a.lemma_.lower() in grievance for a in token.ancestors) and kind != "protest":
        return False
    if token.pos_ == "NOUN":
        if token.dep_ == "compound":
            # "Market blast toll rises to 31": the event a headline's toll is of
            return headline and (token.head.lemma_.lower() == "toll" or _headline_verb(token) or _summons(token))
        if headline:
            return True
        if kind == "protest":
            return True  # "staged protests", "strikes continued": crowds act in the plural
        counted = any(c.dep_ == "nummod" or c.lower_ in {"twin", "serial"} for c in token.children)
        if token.tag_ in {"NNS", "NNPS"} and kind not in {"riot", "armed_clash"} and not counted:
            return False  # "attacks" in general; but "clashes", "riots" and "twin blasts" are one event
        determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
        anchored = any(c.dep_ in {"prep", "compound", "amod", "acl", "relcl", "nummod"} for c in token.children)
        return bool(determiners & {"the", "this", "that", "a", "an", "its", "their", "saturday's", "sunday's"}) \
            or anchored or token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in {"erupt", "break", "occur"}
    if kind == "protest" or _past(token) or headline:
        return True  # "lawyers protested", "a man was hacked to death": a past event with its doer
    # A present-tense verb needs an anchor in its own clause: a place, a date, a figure, or "in the attack".
    own = [t for t in token.subtree if not _in_conj(t, token)]
    return any(t.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "CARDINAL"} or
               (t.pos_ == "NOUN" and t.lemma_ in NOUN_TRIGGERS and t.i != token.i) for t in own)


def _attested(token: Token) -> bool:
    """A headline's event that someone claimed or that has doers is real, whatever the clause around it asks:
    "seeks report on teacher's killing claimed by rebels", "urges police to punish bazaar blast attackers"."""
    claimed = any(c.dep_ == "acl" and c.lemma_.lower() in CLAIM_VERBS and c.tag_ == "VBN" for c in token.children)
    doers = token.dep_ == "compound" and token.head.lemma_.lower() in DOER_NOUNS
    return token.pos_ == "NOUN" and (claimed or doers)


# A year, a span of years or a month of a year with no day: "Attacks in mosques, 2000-2015", "Incidents of
# violence - 2013", "Shelling along the border: March 2017 review".
PERIOD = re.compile(r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d"
                    r"(?:\s*[-\u2013/]\s*(?:19|20)?\d\d)?", re.I)
DAY_NUMBER = re.compile(r"\b(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?\b")


def covers_period(sentence) -> bool:
    """A headline dated by a whole year or month, not a day, is a digest or chronology of many events."""
    text = sentence.text
    for match in PERIOD.finditer(text):
        around = text[max(0, match.start() - 12) : match.end() + 12]
        if not DAY_NUMBER.search(PERIOD.sub(" ", around)):
            return True
    return False


def grievance_tokens(sentence: Sentence) -> set[int]:
    """Tokens that say what a protest is about, whose dead are not the protest's toll.

    "staged a protest demanding the arrest of those who killed two children", "protested after a
    man was killed by gunmen": the object of the demand and the event the protest followed.
    """
    hidden: set[int] = set()
    if any(_summons(token) for token in sentence.span):
        # "summons envoy over three villagers' deaths", wherever the parse hangs "over"
        hidden |= {t.i for token in sentence.span if token.lower_ == "over" and token.dep_ == "prep"
                   for t in token.subtree}
    for token in sentence.span:
        lemma = token.lemma_.lower()
        if lemma not in GRIEVANCE | PROTEST_WORDS or token.pos_ not in {"VERB", "NOUN"}:
            continue
        for child in token.children:
            after = child.dep_ == "advcl" and lemma in PROTEST_WORDS and any(
                c.dep_ == "mark" and c.lower_ in {"after", "following", "since"} for c in child.children)
            if after or child.dep_ == "dobj" or child.dep_ == "prep" and child.lower_ in {"against", "over", "for"}:
                hidden |= {t.i for t in child.subtree}
    return hidden


def event_text(sentence: Sentence, hidden: set[int]) -> str:
    """The sentence with the `hidden` tokens blanked out; offsets are kept."""
    chars = list(sentence.text)
    for token in sentence.span:
        if token.i in hidden:
            start = token.idx - sentence.start
            chars[start : start + len(token.text)] = " " * len(token.text)
    return "".join(chars)


def _governed(token: Token, words: set[str]) -> bool:
    """Whether a word in `words` governs the token's clause: 'vowed to attack', not 'urged ..., staging a protest'."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in {"advcl", "conj"}:
            # a clause of its own: "Staging a demonstration, they urged ...", "stopped a bus and killed a policeman"
            return False
        if node.dep_ == "ccomp" and node.i < node.head.i and any(
                t.text == "," for t in node.doc[node.i : node.head.i]):
            return False  # a headline's comma splice: "8 killed, siege ended"
        node = node.head
        if node.lemma_.lower() in words:
            return True
    return False


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and (verb.dep_ in {"acl", "relcl"} or any(c.dep_ in {"aux", "auxpass"}
                                                                         for c in verb.children))


def continues(verb: Token, attacker_nouns: str) -> bool:
    """'The militants ... opened fire': a definite reference to the attackers goes on telling the same event."""
    if verb.pos_ != "VERB" or any(a.lemma_.lower() in IRREALIS for a in verb.ancestors):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    definite = any(c.lower_ in {"the", "these", "those"} for c in subject.children) or subject.lower_ == "they"
    return definite and (subject.lower_ == "they" or re.fullmatch(attacker_nouns, subject.lower_) is not None)


def _in_conj(token: Token, root: Token) -> bool:
    node = token
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ == "conj" and node.head.i == root.i:
            return True
        node = node.head
    return False


def sides(ctx: Context, sentences: list[Sentence]) -> Sides:
    """Who took part, from the words of the incident's sentences and the actors they name."""
    text = " ".join(s.text for s in sentences)
    indexes = {s.index for s in sentences}
    kinds = {_side_kind(ctx, m.actor_id) for m in ctx.mentions if m.sentence in indexes}
    partisan = bool(PARTISAN_NOUNS.search(text)) or bool(kinds & CROWD_KINDS)
    return Sides(armed=bool(ARMED_NOUNS.search(text)) or bool(kinds & ARMED_KINDS),
                 military=bool(MILITARY_NOUNS.search(text)), partisan=partisan,
                 crowd=partisan or bool(PEOPLE_NOUNS.search(text)))


def _side_kind(ctx: Context, actor_id: str) -> str | None:
    """A faction fights on its parent's side: a party's student wing is partisan, an armed group's wing armed."""
    entry = ctx.entry(actor_id)
    seen = set()
    while entry is not None and entry.kind == "faction" and entry.parent_id and entry.parent_id not in seen:
        seen.add(entry.parent_id)
        entry = ctx.entry(entry.parent_id)
    return entry.kind if entry is not None else None


def incident_type(mentions: list[tuple[str, str]], weapons: list[str], who: Sides, text: str, *,
                  deadly: bool) -> str:
    """The type of a cluster of (type, trigger lemma) mentions: its most specific event of its gravest family."""
    family = next(f for f in FAMILIES if any(kind in f for kind, _ in mentions))
    chosen = [(kind, lemma) for kind, lemma in mentions if kind in family]
    if any(kind != "armed_clash" for kind, _ in chosen):
        # "a fighter who was killed by security forces in the attack": the attack is the event, not a battle
        chosen = [(kind, lemma) for kind, lemma in chosen if kind != "armed_clash" or lemma in ENGAGEMENTS]
    types = [kind for kind, _ in chosen]
    if family is VIOLENT_TYPES:
        types += [SPECIFIC_TYPES_BY_WEAPON[w] for w in weapons if w in SPECIFIC_TYPES_BY_WEAPON]
    kind = max(types, key=lambda t: (family.index(t), types.count(t)))
    if family is not VIOLENT_TYPES:
        return kind
    if kind == "armed_clash" and all(lemma in SIDED_LEMMAS for k, lemma in chosen if k == "armed_clash"):
        # "a clash between BNP activists and police" is a riot; "clashes with Maoists" or between armies a battle
        # (a party named "Maoist" among protesters is still a party)
        if who.partisan:
            return "riot"
        return "armed_clash" if who.armed or (who.military and not who.crowd) else "riot"
    if kind in CROWD_TYPES:
        return "riot" if who.partisan or not who.armed else kind
    if who.partisan and (kind == "bombing" and IMPROVISED.search(text) or
                         kind in {"attack", "armed_assault"} and not deadly and not weapons):
        return "riot"  # party men hurling crude bombs or beating up rivals: street violence, not terrorism
    if kind in {"attack", "armed_assault", "shelling"} and who.military and FRONTLINE.search(text):
        return "armed_clash"
    if kind in {"attack", "armed_assault", "armed_clash", "bombing", "shelling"} and AIR_WORDS.search(text):
        return "air_strike"
    return kind

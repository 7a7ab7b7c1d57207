"""Role candidates and their features, for the learned role model (MUC-4, issue 5).

Lower-cased wire text defeats the rules that read capitals and the stock NER,
so a classifier reads it instead. This module says what it reads: every noun
phrase a role filler could be (candidate spans), the features of each
candidate in its sentence, and the document's features for the incident-type
classifiers. Training (`sitrep.train.muc4`) and extraction
(`sitrep.extract.learned`) share these functions, so the model sees the same
features at both ends.

A candidate is a phrase head with one of several extents, because the gold
boundaries vary ("governor antonio roldan betancur" is annotated as the name
alone, "members of the camilist union" with its of-phrase): the classifier
scores each extent and the extractor keeps the best one per head.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

# The MUC-4 roles: perpetrator individuals and organisations, physical targets, victims, weapons.
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
NOMINAL_POS = {"NOUN", "PROPN", "NUM", "ADJ", "X"}
# Relations only a noun phrase has: the parser often tags a lower-cased name as a verb ("hector oqueli colindres").
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "dative"}
MODIFIER_DEPS = {"amod", "advmod", "acomp", "nummod", "quantmod", "det", "predet", "poss", "case", "prt"}
FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "PUNCT"}
NAME_DEPS = {"compound", "flat", "nmod"}
MAX_SPAN_TOKENS = 12
MAX_NAME_SUFFIXES = 4
TRIGGER_LEMMAS = {
    "attack", "kill", "murder", "assassinate", "assassination", "bomb", "bombing", "explode", "explosion", "blast",
    "dynamite", "detonate", "kidnap", "kidnapping", "abduct", "abduction", "hostage", "burn", "set", "fire", "arson",
    "shoot", "machinegun", "wound", "injure", "destroy", "damage", "massacre", "ambush", "raid", "rob", "steal",
    "assault", "strike", "sabotage", "death", "die", "release", "threat", "claim", "responsibility",
}
ORG_CUES = {"front", "army", "cartel", "movement", "party", "union", "battalion", "forces", "force", "police", "command",
            "group", "organization", "brigade", "commando", "council", "mafia", "mafias", "government", "guard",
            "squad", "squads", "unity", "alliance", "committee", "federation", "extraditables", "detachment",
            "military", "brigades", "liberation", "revolutionary", "national"}
PERSON_CUES = {"guerrilla", "guerrillas", "terrorist", "terrorists", "men", "man", "individuals", "gunmen", "gunman",
               "members", "member", "rebels", "rebel", "assassins", "commandos", "commandoes", "soldiers", "soldier",
               "persons", "people", "subversives", "traffickers", "kidnappers", "gang", "attackers", "squad",
               "narcoterrorists", "criminals", "youths", "women", "killers", "hitmen", "column", "troops", "agents"}
TITLE_WORDS = {"president", "governor", "colonel", "general", "mayor", "minister", "judge", "priest", "father",
               "leader", "senator", "deputy", "candidate", "director", "captain", "lieutenant", "major", "sergeant",
               "mr", "mrs", "dr", "msgr", "archbishop", "bishop", "journalist", "attorney", "commander", "chief",
               "ambassador", "councilman", "congressman", "businessman", "secretary", "presidential", "former",
               "jesuit", "brigadier", "engineer", "lawyer", "doctor", "professor", "student", "peasant", "union"}
WEAPON_WORDS = {"bomb", "bombs", "dynamite", "explosive", "explosives", "grenade", "grenades", "rocket", "rockets",
                "mortar", "mortars", "rifle", "rifles", "machinegun", "machineguns", "gun", "guns", "pistol", "pistols",
                "ak-47", "m-16", "rpg", "rpg-7", "charge", "charges", "device", "devices", "weapons", "weapon",
                "submachinegun", "bullets", "bullet", "firearms", "launcher", "cocktails", "booby", "traps", "mine",
                "mines", "revolver", "shotgun", "knife", "machete", "car-bomb", "explosive-laden", "fal", "uzi"}
PLACE_WORDS = {"department", "province", "city", "town", "village", "municipality", "capital", "country", "region",
               "area", "street", "avenue", "neighborhood", "district", "kilometers", "km", "zone", "border"}
TIME_WORDS = {"today", "yesterday", "morning", "night", "afternoon", "evening", "week", "month", "year", "day",
              "hours", "days", "months", "years", "weeks", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "time", "moment", "date"}
REPORTING_LEMMAS = {"say", "report", "announce", "state", "add", "indicate", "note", "confirm", "deny", "explain"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of the document that could fill a role: tokens [start, end) with its head and kind of extent."""

    start: int
    end: int
    head: int
    extent: str  # full | name | bare | of | suffix<k>

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def candidates(doc: Doc) -> list[Candidate]:
    """Every extent of every phrase head, each span once (the first extent that yields it)."""
    found: dict[tuple[int, int], Candidate] = {}
    for token in doc:
        if _is_head(token):
            extents = _extents(token)
        elif _is_nominal_modifier(token):
            extents = [(_modifier_start(token), token.i + 1, "modifier")]
        else:
            continue
        for start, end, extent in extents:
            if 0 < end - start <= MAX_SPAN_TOKENS and _plausible(doc[start:end]):
                found.setdefault((start, end), Candidate(start, end, token.i, extent))
    return sorted(found.values(), key=lambda c: (c.start, c.end))


def _is_head(token: Token) -> bool:
    if token.dep_ in NAME_DEPS | MODIFIER_DEPS or token.is_punct or token.is_space or token.like_num:
        return False
    return token.pos_ in NOMINAL_POS or (token.dep_ in NOMINAL_DEPS and token.pos_ == "VERB")


def _is_nominal_modifier(token: Token) -> bool:
    """'fmln' in 'fmln guerrillas', 'dynamite' in 'dynamite attack': a modifier that can fill a role itself."""
    return token.dep_ in {"compound", "amod", "nmod", "poss"} and token.pos_ in {"NOUN", "PROPN"} \
        and token.head.i > token.i


def _modifier_start(token: Token) -> int:
    """The start of the run of modifiers of the same head that ends at this one ('farabundo marti ... front')."""
    start = token.left_edge.i
    while start > 0:
        before = token.doc[start - 1]
        if before.head.i != token.head.i or before.dep_ not in NAME_DEPS or before.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        start = before.left_edge.i
    return start


def _extents(head: Token) -> list[tuple[int, int, str]]:
    lefts = list(head.lefts)
    full_start = min((c.left_edge.i for c in lefts if c.dep_ != "punct" or c.text == '"'), default=head.i)
    name_start = head.i
    for child in reversed(lefts):
        if child.dep_ in NAME_DEPS or child.text == '"':
            name_start = min(name_start, child.left_edge.i)
        else:
            break
    described = [c for c in lefts if c.dep_ not in {"det", "predet", "nummod", "quantmod", "punct", "poss"}]
    bare_start = min((c.left_edge.i for c in described), default=head.i)
    extents = [(full_start, head.i + 1, "full"), (name_start, head.i + 1, "name"), (bare_start, head.i + 1, "bare")]
    # A name after a title: "colonel luis arturo isaacs" is annotated as the name, its tail sometimes alone.
    for k in range(1, min(MAX_NAME_SUFFIXES, head.i - name_start) + 1):
        extents.append((name_start + k, head.i + 1, f"suffix{k}"))
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            extents.append((full_start, child.right_edge.i + 1, "of"))
            extents.append((bare_start, child.right_edge.i + 1, "of"))
        elif child.dep_ in NAME_DEPS:
            extents.append((name_start, child.right_edge.i + 1, "name"))
    return extents


def _plausible(span: Span) -> bool:
    first, last = span[0], span[-1]
    return not (first.pos_ in FUNCTION_POS and first.text != '"') and last.pos_ not in FUNCTION_POS


# --- Candidate features --------------------------------------------------------------------------


@dataclass
class DocumentView:
    """What candidate features need from the whole document, computed once."""

    doc: Doc
    lemma_counts: Counter
    sentence_index: dict[int, int]  # sentence start token -> its index
    sentence_triggers: dict[int, list[str]]  # sentence start token -> trigger lemmas in it


def view(doc: Doc) -> DocumentView:
    sentence_index, triggers = {}, {}
    for number, sentence in enumerate(doc.sents):
        sentence_index[sentence.start] = number
        triggers[sentence.start] = sorted({t.lemma_ for t in sentence if t.lemma_ in TRIGGER_LEMMAS})
    lemmas = Counter(t.lemma_ for t in doc if not t.is_stop and not t.is_punct)
    return DocumentView(doc, lemmas, sentence_index, triggers)


def candidate_features(candidate: Candidate, document: DocumentView) -> dict[str, float]:
    doc = document.doc
    span = candidate.span(doc)
    head = doc[candidate.head]
    words = [t.lower_ for t in span]
    sentence = head.sent
    features: dict[str, float] = {
        "bias": 1.0,
        f"text={' '.join(words)}": 1.0,
        f"head={head.lower_}": 1.0,
        f"lemma={head.lemma_}": 1.0,
        f"first={words[0]}": 1.0,
        f"last={words[-1]}": 1.0,
        f"extent={candidate.extent}": 1.0,
        f"length={min(len(words), 6)}": 1.0,
        f"pos={head.pos_}": 1.0,
        f"tag={head.tag_}": 1.0,
        f"ent={head.ent_type_ or '-'}": 1.0,
        f"dep={head.dep_}": 1.0,
        f"before={doc[candidate.start - 1].lower_ if candidate.start > 0 else '<s>'}": 1.0,
        f"after={doc[candidate.end].lower_ if candidate.end < len(doc) else '</s>'}": 1.0,
        f"sentence={min(document.sentence_index[sentence.start], 6)}": 1.0,
        f"frequency={min(document.lemma_counts[head.lemma_], 4)}": 1.0,
    }
    for word in words[:-1]:
        features[f"word={word}"] = 1.0
    for offset in (1, 2, 3):  # the words around the phrase, by position
        if candidate.start - offset >= sentence.start:
            features[f"left{offset}={doc[candidate.start - offset].lemma_}"] = 1.0
        if candidate.end + offset - 1 < sentence.end:
            features[f"right{offset}={doc[candidate.end + offset - 1].lemma_}"] = 1.0
    governor, relation = _governor(head)
    features[f"governor={governor.lemma_}"] = 1.0
    features[f"relation={relation}"] = 1.0
    features[f"relation+governor={relation}|{governor.lemma_}"] = 1.0
    features[f"lemma+relation={head.lemma_}|{relation}"] = 1.0
    verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
    if verb is not None:
        features[f"verb={verb.lemma_}"] = 1.0
        features[f"verb+relation={verb.lemma_}|{relation}"] = 1.0
        features[f"lemma+verb+relation={head.lemma_}|{verb.lemma_}|{relation}"] = 1.0
        features[f"verb_passive={any(c.dep_ in {'auxpass', 'nsubjpass'} for c in verb.children)}"] = 1.0
        if verb.lemma_ in REPORTING_LEMMAS:
            features["under_reporting_verb"] = 1.0
    for lemma in document.sentence_triggers[sentence.start]:
        features[f"sentence_trigger={lemma}"] = 1.0
    lexicons = (("org_cue", ORG_CUES), ("person_cue", PERSON_CUES), ("weapon", WEAPON_WORDS),
                ("place_word", PLACE_WORDS), ("time_word", TIME_WORDS))
    for name, lexicon in lexicons:
        if head.lower_ in lexicon:
            features[f"head_{name}"] = 1.0
        if any(w in lexicon for w in words):
            features[f"has_{name}"] = 1.0
    if candidate.start > 0 and doc[candidate.start - 1].lower_ in TITLE_WORDS:
        features["after_title"] = 1.0
    if words[0] in TITLE_WORDS:
        features["starts_with_title"] = 1.0
    if any(t.like_num for t in span):
        features["has_number"] = 1.0
    if any(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME"} for t in span):
        features["has_place_or_time_entity"] = 1.0
    if any(t.ent_type_ == "PERSON" for t in span):
        features["has_person_entity"] = 1.0
    if any(t.ent_type_ in {"ORG", "NORP"} for t in span):
        features["has_org_entity"] = 1.0
    if "of" in words:
        features["has_of"] = 1.0
    return features


def phrase_key(span: Span) -> str:
    """What two mentions of one phrase share: lower-cased words without articles and punctuation."""
    return " ".join(t.lower_ for t in span if not t.is_punct and t.lower_ not in {"a", "an", "the"})


def phrases(doc: Doc) -> dict[str, list[Candidate]]:
    """Candidates grouped by phrase: the scorer counts a string once however often it occurs."""
    grouped: dict[str, list[Candidate]] = {}
    for candidate in candidates(doc):
        key = phrase_key(candidate.span(doc))
        if key:
            grouped.setdefault(key, []).append(candidate)
    return grouped


def phrase_features(occurrences: list[Candidate], document: DocumentView) -> dict[str, float]:
    """The features of every occurrence of a phrase together, with how often and how early it occurs."""
    features: dict[str, float] = {}
    for candidate in occurrences:
        features.update(candidate_features(candidate, document))
    sentences = [document.sentence_index[document.doc[c.head].sent.start] for c in occurrences]
    features[f"occurrences={min(len(occurrences), 4)}"] = 1.0
    features[f"first_sentence={min(min(sentences), 6)}"] = 1.0
    return features


def _governor(head: Token) -> tuple[Token, str]:
    """The word the phrase depends on, through a preposition: 'attack on the farm' → (attack, prep_on)."""
    node = head
    while node.dep_ in {"conj", "appos"} and node.head.i != node.i:
        node = node.head
    if node.dep_ in {"pobj", "pcomp"} and node.head.dep_ in {"prep", "agent"}:
        preposition = node.head
        return preposition.head, f"{preposition.dep_}_{preposition.lower_}"
    return node.head, node.dep_


# --- Document features ---------------------------------------------------------------------------


def document_features(doc: Doc) -> dict[str, float]:
    """Lemmas and lemma pairs of the document, for the incident-type classifiers."""
    features: dict[str, float] = {"bias": 1.0}
    for sentence_number, sentence in enumerate(doc.sents):
        lemmas = [t.lemma_ for t in sentence if t.is_alpha and not t.is_stop]
        for lemma in lemmas:
            features[f"lemma={lemma}"] = 1.0
            if sentence_number < 2:
                features[f"lead_lemma={lemma}"] = 1.0
        for first, second in zip(lemmas, lemmas[1:], strict=False):
            features[f"pair={first}_{second}"] = 1.0
    return features


def sentence_features(sentence: Span) -> dict[str, float]:
    """Lemmas of one sentence and the verbs heading it, for the sentence incident-type classifier."""
    features: dict[str, float] = {"bias": 1.0}
    for token in sentence:
        if token.is_alpha and not token.is_stop:
            features[f"lemma={token.lemma_}"] = 1.0
            if token.pos_ == "VERB":
                features[f"verb={token.lemma_}"] = 1.0
    return features

"""Tolls: fatalities and injuries read from numerals and number words, with their bounds.

"more than 60 dead" is min=61, max=None, qualifier "more_than"; "at least 12"
is min=12; "dozens" is at least 24; "three policemen and two civilians were
killed" is 5. Attackers killed are counted apart from victims.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Count, Evidence

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Vague quantities as lower bounds: "dozens" means at least two dozen.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "several": 3, "many": None}
QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "at least": "at_least", "a minimum of": "at_least",
    "up to": "at_most", "as many as": "at_most", "at most": "at_most",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "nearly": "about", "almost": "about", "about": "about", "around": "about", "some": "about",
    "approximately": "about", "roughly": "about", "an estimated": "about", "close to": "about",
}
NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", "thousand", "dozen"], key=len, reverse=True))
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{NUMBER_WORD})(?:[\s-](?:{NUMBER_WORD}))*|"
    r"dozens|scores|hundreds|thousands|several|a dozen|two dozen)"
)
QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
QUANTITY = rf"(?P<qual>{QUALIFIER})?\s*(?P<num>{NUMBER})"
PERSON_NOUNS = (
    r"(?:people|persons|person|civilians?|policemen|policeman|police officers?|officers?|cops?|soldiers?|troops|"
    r"security personnel|personnel|cadets?|recruits?|trainees?|students?|children|women|men|worshippers|"
    r"pilgrims|villagers|passengers|guards?|members|workers|others|of them|victims|citizens|shopkeepers?|traders?|"
    r"farmers?|labou?rers?|miners?|fishermen|tribesmen|hostages|teachers?|doctors?|nurses?|journalists?|"
    r"employees|staff|guests|worshipers|peasants?|residents|inhabitants|youths?|boys|girls|kids|infants|"
    r"elders|leaders?|commuters|shoppers|mourners|protesters|demonstrators|voters|bystanders|police)"
)
ATTACKER_NOUNS = (r"(?:attackers?|militants?|gunmen|gunman|terrorists?|fighters?|insurgents?|assailants?|bombers?|rebels?|"
                  r"guerrillas?|maoists?|naxal(?:ite)?s?|separatists?|extremists?)")
DEATH = r"(?:dead|killed|died|dies|die|deaths?|lives|bodies|fatalities|martyred|slain|perished|lifeless)"
INJURY = r"(?:injured|wounded|hurt|injuries|injuring|wounding)"

# A word a toll is read from: figures, the dead and wounded, who they were ("Kills At Least 9 Civilians").
TOLL_WORD = re.compile(rf"{NUMBER_WORD}|{DEATH}|{INJURY}|{PERSON_NOUNS}|{ATTACKER_NOUNS}", re.I)


def _patterns(outcome: str) -> list[re.Pattern]:
    bare_verb = "(?<!to )kill(?:ed|ing|s)?|shot dead|gunned down" if outcome == DEATH else "injur(?:ed|ing)|wound(?:ed|ing)"
    verb = ("kill(?:ed|ing|s)?|claim(?:ed|ing)|le(?:ft|aving|aves?)|shot dead|shooting dead|gunned down|gunning down|"
            "massacred|executed|beheaded") if outcome == DEATH else "injur(?:ed|ing|es)|wound(?:ed|ing|s)|le(?:ft|aving|aves?)"
    # "left 8 people injured" is no toll of the dead: "left" counts only with the outcome after it.
    verb_without_outcome = verb.replace("le(?:ft|aving|aves?)|", "")
    return [
        re.compile(rf"\b(?:death toll|toll)\s+(?:\w+\s+){{0,3}}?(?:to|at|of)\s+{QUANTITY}\b", re.I)
        if outcome == DEATH else re.compile(r"(?!x)x"),
        # "Death toll in the tribal area clash rises to 27"
        re.compile(rf"\btoll\b[^.;:]{{0,80}}?\b(?:rise[sn]?|rose|climb(?:s|ed)?|reach(?:es|ed)?|jump(?:s|ed)?|"
                   rf"mount(?:s|ed)?|swell(?:s|ed)?)\s+(?:to\s+)?{QUANTITY}\b", re.I)
        if outcome == DEATH else re.compile(r"(?!x)x"),
        re.compile(rf"\b(?:{verb})\s+{QUANTITY}\s+(?:{PERSON_NOUNS}\s+)?(?:\w+\s+){{0,2}}?{outcome}\b", re.I),
        re.compile(rf"\b(?:{verb_without_outcome})\s+{QUANTITY}\s+(?:[A-Za-z-]+\s+){{0,2}}?{PERSON_NOUNS}\b", re.I),
        # "killing at least nine", "wounding more than 20": a bare figure after the verb itself
        re.compile(rf"\b(?:{bare_verb})\s+{QUANTITY}\b(?!\s+(?:{ATTACKER_NOUNS}|years?|days?|months?|hours?|km|miles|percent|%))",
                   re.I),
        re.compile(rf"\b{QUANTITY}\s+(?:(?!{ATTACKER_NOUNS}|and\b|or\b)[\w/-]+\s+){{0,5}}?(?:were|have been|had been|was|are)?\s*"
                   rf"(?:\w+ly\s+)?{outcome}\b", re.I),
    ]


DEATH_PATTERNS = _patterns(DEATH)
INJURY_PATTERNS = _patterns(INJURY)
SUM_RE = re.compile(
    rf"\b(?P<items>{NUMBER}\s+[\w-]+(?:\s+[\w-]+)?(?:\s*,\s*{NUMBER}\s+[\w-]+(?:\s+[\w-]+)?)*\s+and\s+{NUMBER}\s+[\w-]+)"
    rf"\s+(?:were|have been|had been|was)?\s*(?P<outcome>killed|dead|died|injured|wounded)\b",
    re.I,
)
ARMED_DEAD = rf"(?:[\w/-]+\s+)?{ATTACKER_NOUNS}"
ATTACKERS_KILLED = [
    re.compile(rf"\b(?:{QUANTITY}|(?P<single>a|an|one))\s+{ARMED_DEAD}\s+(?:who\s+)?(?:were|was|had been|have been)?\s*"
               r"(?:also\s+)?(?:killed|shot dead|gunned down|died|blew (?:himself|themselves) up)\b", re.I),
    # "troops repelled the attackers and killed 12 of them"
    re.compile(rf"\b{ATTACKER_NOUNS}\b[^.;]*?\b(?:killed|shot dead|gunned down)\s+{QUANTITY}\s+of\s+them\b", re.I),
    # "the FC killed 2 militants", "killing 11 suspected militants", "kill three Hill Front militants"
    re.compile(rf"\b(?:kill(?:ed|ing|s)?|gun(?:s|ned|ning)? down|shot dead)\s+{QUANTITY}\s+"
               rf"(?:(?!{PERSON_NOUNS}\b|including\b|and\b|or\b)[\w-]+\s+){{0,2}}?{ATTACKER_NOUNS}\b", re.I),
]
# Asides that split a figure from its verb: "Eleven people, including six children, were killed".
ASIDES = re.compile(r",\s*including\s+[^,.;]+,|\s*\([^()]*\)")
# Scare quotes around the dead ("killing six ‘militants’") hide the noun from the patterns.
QUOTES = re.compile(r"[‘’“”\"]|(?<!\w)'|'(?!\w)")
# A day of the month is no toll: "Dera, Aug 14 (PTI) One guard was killed".
MONTH_DAY = re.compile(r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)\d{1,2}\b", re.I)
BARE_INJURY = re.compile(rf"\b{INJURY}\b", re.I)


def _plain(sentence: str) -> str:
    return MONTH_DAY.sub(r"\1#", QUOTES.sub("", ASIDES.sub("", sentence)))


def parse_number(text: str) -> int | None:
    """'60' → 60, 'sixty-two' → 62, 'a dozen' → 12, 'dozens' → 24 (a lower bound), 'several' → 3."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if text.lower() in VAGUE:
        return VAGUE[text.lower()]
    if words[0] in {"a", "an"} and len(words) > 1:
        words = words[1:]  # "a dozen", "a hundred"
    total, current = 0, 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif word == "and":
            continue
        else:
            return None
    return total + current


def _bounds(qualifier_text: str | None, number_text: str) -> tuple[int | None, int | None, str] | None:
    value = parse_number(number_text)
    if value is None:
        return None
    if number_text.lower() in VAGUE:
        return value, None, "at_least"
    qualifier = QUALIFIERS.get((qualifier_text or "").lower().strip(), "exact")
    return {
        "exact": (value, value, "exact"),
        "more_than": (value + 1, None, "more_than"),
        "at_least": (value, None, "at_least"),
        "at_most": (None, value, "at_most"),
        "less_than": (None, value - 1, "less_than"),
        "about": (value, value, "about"),
    }[qualifier]


def _find(patterns: list[re.Pattern], sentence: str) -> list[tuple[int | None, int | None, str, str]]:
    found, taken = [], []
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            number_span = match.span("num")
            if any(s <= number_span[0] < e for s, e in taken):
                continue  # the same figure read by an earlier pattern
            bounds = _bounds(match.group("qual"), match.group("num"))
            if bounds is not None and not _is_year(match.group("num")):
                found.append((*bounds, match.group(0).strip()))
                taken.append(number_span)
    return found


def _is_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100


def _sums(sentence: str, outcome: str) -> list[tuple[int | None, int | None, str, str]]:
    found = []
    for match in SUM_RE.finditer(sentence):
        if (match.group("outcome").lower() in {"killed", "dead", "died"}) != (outcome == "death"):
            continue
        # "1 soldier and 1 militant killed": the militant is read as an attacker killed, not a victim
        items = re.split(r"\s*,\s*|\s+and\s+", match.group("items"))
        numbers = [re.match(NUMBER, item, re.I) for item in items if not re.search(ATTACKER_NOUNS, item, re.I)]
        values = [parse_number(n.group(0)) if n else None for n in numbers]
        if values and all(v is not None for v in values):
            total = sum(values)
            found.append((total, total, "exact", match.group(0).strip()))
    return found


def combine(readings: list[tuple[int | None, int | None, str, str, Evidence]]) -> Count | None:
    """Merge the readings of one toll: one reading keeps its bounds, conflicting figures become a range."""
    if not readings:
        return None
    evidence = []
    for *_, ev in readings:
        if ev not in evidence:
            evidence.append(ev)
    distinct = {(lo, hi, q) for lo, hi, q, _, _ in readings}
    if len(distinct) == 1:
        lo, hi, qualifier, text, _ = readings[0]
        return Count(min=lo, max=hi, qualifier=qualifier, text=text, evidence=evidence)
    lows = [lo for lo, _, _, _, _ in readings if lo is not None]
    highs = [hi if hi is not None else lo for lo, hi, _, _, _ in readings if (hi or lo) is not None]
    has_open = any(hi is None and q in {"more_than", "at_least"} for _, hi, q, _, _ in readings)
    text = "; ".join(t for _, _, _, t, _ in readings)
    return Count(min=min(lows) if lows else None, max=None if has_open else max(highs),
                 qualifier="range", text=text, evidence=evidence)


# A headline lists its dead with commas and no "and": "Two guards, five gunmen killed", "Police officer, three
# rebels killed", "Fighting leaves 4 soldiers, 12 insurgents dead". Each item is a figure with its noun, or one person.
LIST_ITEM = rf"(?:(?:{NUMBER})\s+)?(?:[\w-]+\s+){{0,2}}?[\w-]+"
DEAD_LIST = re.compile(rf"(?:^\W*|\ble(?:ave|aves|ft)\s+)(?P<items>{LIST_ITEM}(?:\s*,\s*{LIST_ITEM})+)\s+"
                       r"(?:were\s+)?(?:killed|dead|died|shot dead|gunned down|martyred)\b", re.I)
ONE_PERSON = re.compile(rf"{PERSON_NOUNS}|{ATTACKER_NOUNS}|commander|accomplice|official|man|woman|boy|girl|child|"
                        r"teenager|villager|candidate|elder|judge|cleric|activist", re.I)


def read_dead_list(sentence: str) -> tuple[int, int, str] | None:
    """Victims and armed men in a headline's comma list of the dead, or None when an item has no count."""
    match = DEAD_LIST.search(_plain(sentence))
    if match is None:
        return None
    victims = armed = 0
    for item in re.split(r"\s*,\s*", match.group("items")):
        words = item.split()
        number = re.fullmatch(NUMBER, " ".join(words[:2]), re.I) or re.fullmatch(NUMBER, words[0], re.I)
        noun = words[-1]
        if number is not None and len(words) > len(number.group(0).split()):
            value = parse_number(number.group(0))
        elif ONE_PERSON.fullmatch(noun) and not re.search(r"(?:s|men)$", noun, re.I):
            value = 1  # "Army officer", "soldier"
        else:
            return None
        if value is None:
            return None
        if re.fullmatch(ATTACKER_NOUNS, noun, re.I):
            armed += value
        else:
            victims += value
    return victims, armed, match.group(0).strip()


def read_fatalities(sentence: str) -> list[tuple[int | None, int | None, str, str]]:
    listed = read_dead_list(sentence)
    if listed is not None:
        return [(listed[0], listed[0], "exact", listed[2])] if listed[0] else []
    sentence = _plain(sentence)
    attacker_spans = [m.span() for pattern in ATTACKERS_KILLED for m in pattern.finditer(sentence)]
    readings = _sums(sentence, "death") or _find(DEATH_PATTERNS, sentence)
    # A figure inside an "attackers killed" phrase is not a victim toll.
    return [r for r in readings if not any(r[3] in sentence[s:e] for s, e in attacker_spans)]


def read_injuries(sentence: str) -> list[tuple[int | None, int | None, str, str]]:
    sentence = _plain(sentence)
    readings = _sums(sentence, "injury") or _find(INJURY_PATTERNS, sentence)
    if not readings and BARE_INJURY.search(sentence):
        # "injured officers": injuries happened, their number is not given.
        match = BARE_INJURY.search(sentence)
        return [(None, None, "unknown", match.group(0))]
    return readings


def read_victims_killed(sentence: Span, hidden: set[int] = frozenset()) -> list[tuple[int | None, int | None, str, str]]:
    """Deaths the parse shows without a figure the patterns read: 'a police constable on duty ... was shot dead',
    'assailants slew a party leader', 'killed an official and two others' (3), 'one passenger succumbed to his
    injuries'. Tokens in `hidden` are left out."""
    return _read_killed(sentence, hidden, armed=False)


def read_armed_killed(sentence: Span, hidden: set[int] = frozenset()) -> list[tuple[int | None, int | None, str, str]]:
    """Armed men killed as the parse shows them: 'Six militants, affiliated with the TTP, were gunned down'."""
    return _read_killed(sentence, hidden, armed=True)


def _read_killed(sentence: Span, hidden: set[int], *, armed: bool) -> list[tuple[int | None, int | None, str, str]]:
    found = []
    for verb in sentence:
        if verb.i in hidden or verb.pos_ != "VERB" or not _kills(verb):
            continue
        if not armed and _kills_armed_men(verb):
            continue  # "kill 12 suspected fighters - radio": a misparsed object is no victim beside them
        dies = verb.lemma_.lower() in {"die", "succumb"}
        victims = [c for c in verb.children if c.dep_ in ({"nsubj"} if dies else {"dobj", "nsubjpass"})]
        if not victims and not dies and verb.dep_ in {"ROOT", "ccomp"} and verb.tag_ in {"VBD", "VBN"} and not any(
                c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
            # headline grammar drops the auxiliary: "Policeman killed in attack" is "a policeman was killed"
            # (a clause of its own: not "a villager was injured and livestock killed")
            victims = [c for c in verb.children if c.dep_ == "nsubj"]
        if not victims and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            # "was attacked and killed"
            victims = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ in {"relcl", "acl"} and any(v.lower_ in {"who", "that", "which"} for v in victims) or (
                verb.dep_ == "acl" and not victims):
            victims = [verb.head]  # "a leader who was killed", "a man killed in the clash"
        total, phrases = 0, []
        for victim in victims:
            for person in [victim, *victim.conjuncts]:
                value = _victim_count(person, listed=person is not victim, armed=armed)
                if value is None:
                    break
                total += value
                phrases.append(person.text)
        if total:
            found.append((total, total, "exact", f"{' and '.join(phrases)} {verb.text}"))
    return found[:1]


def _kills_armed_men(verb: Token) -> bool:
    """Whether the verb's object names armed men ("kill 8 rebels in Kurram, Tirah border area")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            listed = {token.i for conjunct in child.conjuncts for token in conjunct.subtree}  # "policeman and two militants"
            if any(re.fullmatch(ATTACKER_NOUNS, token.lower_) for token in child.subtree if token.i not in listed):
                return True
    return False


def _kills(verb: Token) -> bool:
    lemma = "slay" if verb.lower_ == "slew" else verb.lemma_.lower()
    below = {t.lower_ for t in verb.children} | {t.lower_ for c in verb.children if c.dep_ == "prep" for t in c.children}
    if lemma in {"kill", "murder", "slay", "lynch", "behead", "massacre", "execute", "die", "succumb"}:
        return True
    if lemma in {"shoot", "gun"}:
        return bool(below & {"dead", "down", "death"})  # "shot dead", "gunned down", "shot to death"
    return lemma in {"hack", "beat", "stab", "chop", "burn", "strangle", "torture"} and "death" in below


def _victim_count(person: Token, *, listed: bool, armed: bool) -> int | None:
    """1 for 'a constable', 'Ramaji Badal', 'him'; the figure of 'two others'; None for what is no victim.

    A victim listed after the first ('an official and two others') counts only with its own article or figure,
    so 'four persons including an elder and his son' stays four.
    """
    if person.lower_ in {"him", "her", "he", "she"}:
        return None if armed else 1  # "He died on his way to hospital"
    common = re.fullmatch(f"{PERSON_NOUNS}|{ATTACKER_NOUNS}", person.lower_) is not None
    # "Indian firing kills civilian": the tagger may read a bare person noun as an adjective
    noun = person.pos_ in {"NOUN", "PROPN"} or common and person.pos_ == "ADJ"
    if not noun or (re.fullmatch(ATTACKER_NOUNS, person.lower_) is not None) != armed:
        return None
    figure = [c for c in person.children if c.dep_ == "nummod"]
    if figure:
        return parse_number(figure[0].text)
    if any(c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in person.children):
        return 1  # "a IUML members was killed": the article says one
    if person.pos_ == "PROPN" and not common:
        return 1 if person.ent_type_ == "PERSON" else None  # "Ramaji Badal was murdered"; not "Policemen were ..."
    if listed or person.tag_ in {"NNS", "NNPS"} or common and (person.lower_.endswith(("s", "men")) or person.lower_ in {
            "people", "children", "police", "personnel", "staff"}):
        return None  # "policemen were killed": how many is not said
    return 1


def read_attackers_killed(sentence: str) -> list[tuple[int | None, int | None, str, str]]:
    listed = read_dead_list(sentence)
    if listed is not None:
        return [(listed[1], listed[1], "exact", listed[2])] if listed[1] else []
    sentence = _plain(sentence)
    found, taken = [], []
    for pattern in ATTACKERS_KILLED:
        for match in pattern.finditer(sentence):
            if any(s <= match.start() < e for s, e in taken):
                continue  # the same dead read by an earlier pattern
            taken.append(match.span())
            if match.groupdict().get("single"):
                found.append((1, None, "at_least", match.group(0).strip()))
                continue
            bounds = _bounds(match.group("qual"), match.group("num"))
            if bounds is not None:
                found.append((*bounds, match.group(0).strip()))
    return found

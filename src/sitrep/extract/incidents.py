"""Incidents: what happened, when, where, to whom, with what, how many, and who did it.

1. Trigger words ("raid", "attacked", "blast") that refer to a specific event
   become incident mentions; generic ones ("prevented them from carrying out
   major attacks", plural "offensives") do not.
2. Mentions are clustered into incidents: a mention joins the current
   incident unless its place, day or target clearly differ, or the text says
   "separate"/"another".
3. Each incident collects from its sentences: targets and victims
   (`targets.py`), the attackers as the text names them (`attackers.py`),
   weapons, tolls, the date expressions attached to its triggers, the most
   specific consistent place, and perpetrators (claimed, attributed,
   suspected, joint), each with who asserts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..model import DateRange, Denial, Evidence, Incident, Location, Perpetrator, Target
from ..registry import Registry
from ..resolve.dates import resolve_date
from ..resolve.places import Gazetteer, to_location
from . import counts, triggers
from .attackers import CLAIM_LEMMAS, attacker_phrases
from .context import Context, Sentence
from .masking import SLOT, mask
from .places import incident_place, is_dateline, place_entities
from .statements import SPEECH_VERBS, Found, speaker_for
from .targets import trigger_targets, victims

SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|first|most \w+)\b.*\bhistory\b", re.I)
SEPARATE = re.compile(r"\b(?:separate|another|second|earlier|later|similar)\s+(?:\w+\s+)?(?:attack|incident|blast|"
                      r"bombing|raid|assault)\b", re.I)
WEAPONS = [
    ("suicide vest", r"suicide (?:vests?|jackets?|belts?)"), ("car bomb", r"car bombs?|vehicle-borne|vbied"),
    ("improvised explosive device", r"improvised explosive devices?|\bieds?\b|roadside bombs?"),
    ("rocket-propelled grenade", r"rocket-propelled grenades?|\brpgs?\b"), ("grenade", r"(?<!propelled )grenades?"),
    ("rocket", r"(?<!-)\brockets?\b"), ("mortar", r"\bmortars?\b"), ("missile", r"\bmissiles?\b"),
    ("explosives", r"\bexplosives?\b|\bdynamite\b"), ("bomb", r"(?<!car )\bbombs?\b"),
    ("firearms", r"\bguns?\b|gunfire|\brifles?\b|ak-47s?|kalashnikovs?|pistols?|machine[- ]guns?|automatic weapons"),
    ("knife", r"\bknives\b|\bknife\b|machetes?|\baxes?\b"), ("drone", r"\bdrones?\b"), ("artillery", r"\bartillery\b"),
]

# "claimed responsibility", and its synonyms: "accepted", "admitted", "took" responsibility
CLAIMING = r"(?:claimed|accepted|admitted|took|assumed)"
PERP = rf"(?:the\s+)?(?P<src>{SLOT})"
PARTNER = rf"(?:the\s+)?(?P<dst>{SLOT})"
CLAIM_RULES = [
    ("claimed", re.compile(rf"\b(?:was|were|has been|had been|is)\s+(?:also\s+)?claimed\s+by\s+{PERP}", re.I)),
    ("claimed", re.compile(rf"{PERP}\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?{CLAIMING}\s+(?:responsibility|credit)",
                           re.I)),
    ("claimed", re.compile(rf"\bclaims?\s+of\s+responsibility\s+(?:by|from)\s+{PERP}", re.I)),
    # "the group said it carried out the bombing": a group speaking of its own deed
    ("claimed", re.compile(rf"{PERP}(?:\s+group)?\s+(?:has\s+|had\s+)?(?:later\s+)?(?:said|says|announced|stated|"
                           rf"declared|confirmed)\s+(?:that\s+)?(?:it|its\s+(?:fighters|men|militants)|they)\s+"
                           rf"(?:had\s+|has\s+|have\s+)?(?:carried\s+out|was\s+behind|were\s+behind|conducted|"
                           rf"staged|launched|perpetrated|mounted|executed)\b", re.I)),
    ("attributed", re.compile(rf"\b(?:carried out|perpetrated|conducted|staged|orchestrated|masterminded|executed|"
                              rf"launched|mounted|committed)\s+by\s+(?:the\s+)?{PERP}", re.I)),
    ("attributed", re.compile(rf"{PERP}\s+(?:was|were|is|are)\s+(?:behind|responsible\s+for)", re.I)),
    ("attributed", re.compile(rf"\bblamed\s+(?:(?:the|it)\s+(?:\w+\s+)?on\s+)?{PERP}", re.I)),
    ("suspected", re.compile(rf"\bsuspected\s+{PERP}", re.I)),
    ("suspected", re.compile(rf"{PERP}\s+(?:is|are|was|were)\s+(?:suspected|believed|thought)\s+(?:to\s+"
                             rf"(?:be|have been)\s+)?(?:behind|responsible)", re.I)),
    ("suspected", re.compile(rf"\bhallmarks\s+of\s+{PERP}", re.I)),
    ("joint", re.compile(rf"\b(?:worked|cooperated|collaborated|coordinated|teamed up|joined hands|partnered)\s+"
                         rf"(?:together\s+)?with\s+{PARTNER}\s+(?:to\s+(?:carry out|stage|launch|conduct|mount|execute)"
                         rf"|on|in)\b", re.I)),
    ("joint", re.compile(rf"\bjoint(?:ly)?\s+(?:attack|operation|raid|assault)\s+by\s+{PERP}\s+and\s+{PARTNER}", re.I)),
]
# "The Taliban denied involvement", "the group has denied any role in the attack", "X denied carrying out the
# bombing", "X rejected responsibility": an actor saying it did not do it.
DENIAL = re.compile(
    rf"{PERP}(?:\s+group)?(?:\s*,\s*which)?\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|swiftly\s+|quickly\s+|later\s+)?"
    rf"(?:denied|denies|deny|rejected|rejects)\s+(?:any\s+|all\s+)?(?:involvement|responsibility|role|a\s+role|"
    rf"links?|hand|part|carrying\s+out|having\s+carried\s+out|being\s+behind|(?:that\s+)?(?:it|they)\s+"
    rf"(?:was|were|had\s+been)\s+(?:behind|involved|responsible))\b", re.I)
# How many sentences after an incident's own may still tell it without naming it: victims, attackers.
TOLD_WINDOW = 5
HEDGED = re.compile(r"\b(?:suspected|believed|thought|likely|possibly|may|might|could|allegedly|reportedly)\b", re.I)
OFFICIAL_KINDS = {"state", "state_force"}
NON_STATE_PERPETRATORS = {"armed_group", "faction", "militia", "political_party"}


@dataclass
class Mention:
    trigger: Token
    type: str
    sentence: Sentence
    targets: list[tuple[str, str, bool]] = field(default_factory=list)  # (text, type, is_proper)
    places: list[tuple[Span, bool]] = field(default_factory=list)  # (entity, attached to the trigger)
    dates: list[Span] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    clause: str = ""  # the trigger's own clause, where its weapons are named


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        unique = {m.sentence.index: m.sentence for m in self.mentions}
        return [unique[i] for i in sorted(unique)]


def find_incidents(ctx: Context, *, registry: Registry, gazetteer: Gazetteer,
                   statements: list[Found]) -> list[Incident]:
    mentions: list[Mention] = []
    for sentence in ctx.sentences:
        mentions += _mentions(ctx, sentence, gazetteer, continuing=bool(mentions))
    clusters = _cluster(ctx, mentions, gazetteer)
    perpetrators = _perpetrators(ctx, registry, statements, clusters)
    denials = _denials(ctx, clusters)
    told = _told_sentences(ctx, clusters)
    incidents = []
    for number, cluster in enumerate(clusters, start=1):
        incidents.append(_incident(ctx, cluster, number, gazetteer, perpetrators.get(id(cluster), []),
                                   denials.get(id(cluster), []), told.get(id(cluster), [])))
    return incidents


def _denials(ctx: Context, clusters: list[Cluster]) -> dict[int, list[Denial]]:
    """Actors that deny the incident the sentence speaks of; a state's denial ("the army denied ...") counts too:
    a government accused of an air strike denies it as a group does."""
    by_cluster: dict[int, list[Denial]] = {}
    if not clusters:
        return by_cluster
    for sentence in ctx.sentences:
        masked = mask(ctx, sentence)
        for match in DENIAL.finditer(masked.text):
            found = by_cluster.setdefault(id(_cluster_for(clusters, sentence)), [])
            for actor in masked.slot_at(match.group("src")):
                if ctx.kind(actor.actor_id) in {None, "generic"} or any(d.actor_id == actor.actor_id for d in found):
                    continue
                entry = ctx.entry(actor.actor_id)
                found.append(Denial(actor_id=actor.actor_id, name=entry.name if entry else actor.actor_id,
                                    evidence=[sentence.evidence()], confidence=0.85))
    return by_cluster


def _told_sentences(ctx: Context, clusters: list[Cluster]) -> dict[int, list[Sentence]]:
    """The sentences that tell each incident: its own, and the few right after one of them that have no
    trigger of their own ("Three other soldiers were wounded.")."""
    told: dict[int, list[Sentence]] = {}
    for cluster in clusters:
        own = {s.index for s in cluster.sentences}
        near = {i + step for i in own for step in range(1, TOLD_WINDOW + 1)}
        told[id(cluster)] = [s for s in ctx.sentences if s.index in own or (
            s.index in near and _cluster_for(clusters, s) is cluster)]
    return told


def _real(token: Token) -> bool:
    """Not negated, not hypothetical: 'failed to kill', 'threatened to attack' are no acts."""
    return not any(c.dep_ == "neg" for c in token.children) and \
        not any(a.lemma_.lower() in triggers.IRREALIS for a in token.ancestors)


def _mentions(ctx: Context, sentence: Sentence, gazetteer: Gazetteer, *, continuing: bool) -> list[Mention]:
    found = []
    for token in sentence.span:
        event_type = triggers.trigger_type(token, headline=sentence.headline)
        if event_type is None or not (triggers.reports_event(token, event_type, headline=sentence.headline) or
                                      (continuing and triggers.continues(token, counts.ATTACKER_NOUNS))):
            continue
        mention = Mention(token, event_type, sentence)
        mention.targets = trigger_targets(token)
        mention.places = _places(ctx, token, sentence, gazetteer)
        mention.dates = _dates(token, sentence)
        mention.context = _context(token)
        mention.clause = _clause_text(token)
        found.append(mention)
    return found


def _clause_text(trigger: Token) -> str:
    """The trigger's clause without side clauses about something else ('an outfit that turned its guns on ...')."""
    root = trigger.head if trigger.head.pos_ in {"VERB", "AUX"} else trigger
    skip: set[int] = set()
    for token in root.subtree:
        if token.dep_ in {"relcl", "appos", "advcl", "ccomp"} and trigger not in token.subtree and token.i != trigger.i:
            skip |= {t.i for t in token.subtree}
    return " ".join(t.text for t in root.subtree if t.i not in skip)


def _places(ctx: Context, trigger: Token, sentence: Sentence, gazetteer: Gazetteer) -> list[tuple[Span, bool]]:
    subtree = {t.i for t in trigger.subtree}
    places = []
    for ent in place_entities(ctx, sentence, gazetteer):
        if is_dateline(ctx, ent):
            continue
        attached = ent.root.i in subtree or ent.root.head.i in subtree
        places.append((ent, attached))
    return places


def _dates(trigger: Token, sentence: Sentence) -> list[Span]:
    dates = []
    for ent in sentence.ents:
        if ent.label_ not in {"DATE", "TIME"}:  # TIME: "overnight", "last night"; clock times resolve to nothing
            continue
        root = ent.root
        if trigger in root.ancestors:
            dates.append(ent)
            continue
        verb = _clause_verb(root.head)
        if verb is not None and verb.lemma_ not in SPEECH_VERBS and verb.i in _trigger_verbs(trigger):
            dates.append(ent)
    return dates


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb at or above a token: the clause it belongs to."""
    node = token
    while node.pos_ not in {"VERB", "AUX"}:
        if node.head.i == node.i:
            return None
        node = node.head
    return node


def _trigger_verbs(trigger: Token) -> set[int]:
    """The trigger's clause verb, and the verb a participle hangs from ('blew up ..., killing 12')."""
    verb = _clause_verb(trigger)
    if verb is None:
        return set()
    verbs = {verb.i}
    if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.pos_ == "VERB" and verb.head.lemma_ not in SPEECH_VERBS:
        verbs.add(verb.head.i)
    return verbs


def _context(trigger: Token) -> list[str]:
    """Superlatives like 'the deadliest assault on ... in the country's history' are kept as context."""
    phrase = trigger.doc[trigger.left_edge.i : trigger.right_edge.i + 1]
    if trigger.dep_ == "appos" or any(c.tag_ == "JJS" for c in trigger.children):
        if SUPERLATIVE.search(phrase.text):
            return [phrase.text]
    return []


def _cluster(ctx: Context, mentions: list[Mention], gazetteer: Gazetteer) -> list[Cluster]:
    clusters: list[Cluster] = []
    for mention in mentions:
        current = clusters[-1] if clusters else None
        separate = SEPARATE.search(mention.sentence.text) and current is not None and all(
            m.sentence.index != mention.sentence.index for m in current.mentions)
        if current is None or separate or _conflicts(ctx, current, mention, gazetteer):
            clusters.append(Cluster([mention]))
        else:
            current.mentions.append(mention)
    return clusters


def _conflicts(ctx: Context, cluster: Cluster, mention: Mention, gazetteer: Gazetteer) -> bool:
    mine = _resolved_cities(ctx, [mention], gazetteer)
    theirs = _resolved_cities(ctx, cluster.mentions, gazetteer)
    if mine and theirs and not (mine & theirs):
        return True
    published = ctx.article.published
    my_days = {_day(d, published) for d in mention.dates} - {None}
    their_days = {_day(d, published) for m in cluster.mentions for d in m.dates} - {None}
    if my_days and their_days and not (my_days & their_days):
        return True
    my_named = {t[1] for t in mention.targets if t[2]}
    their_named = {t[1] for m in cluster.mentions for t in m.targets if t[2]}
    return bool(my_named and their_named and not (my_named & their_named))


def _day(date: Span, published) -> str | None:
    resolved = resolve_date(date.text, published)
    if resolved is None or resolved.precision != "day":
        return None
    return resolved.start.isoformat() if resolved.start else None


def _resolved_cities(ctx: Context, mentions: list[Mention], gazetteer: Gazetteer) -> set[str]:
    names = set()
    for mention in mentions:
        for ent, attached in mention.places:
            entry = gazetteer.resolve(ent.text, country_codes=ctx.country_hints)
            if entry is not None and entry.kind == "city" and attached:
                names.add(entry.name)
    return names



def _incident(ctx: Context, cluster: Cluster, number: int, gazetteer: Gazetteer,
              perpetrators: list[Perpetrator], denials: list[Denial], told: list[Sentence]) -> Incident:
    sentences = cluster.sentences
    harmed = [(s, victims(s.span, real=_real)) for s in told]
    doers = [(s, attacker_phrases(ctx, s.span, real=_real)) for s in told]
    # A sentence that only names victims or attackers ("Three other soldiers were wounded.") is evidence too.
    named = {s.index: s for s, found in harmed + doers if found} | {s.index: s for s in sentences}
    evidence = [s.evidence() for _, s in sorted(named.items())]
    weapons = _weapons([m.clause for m in cluster.mentions])
    # Tolls come from what happened, not from the killings a protest is about; from the incident's
    # sentences and those right after that tell no other event ("Four soldiers died.").
    tolled = told or sentences
    hidden = {s.index: triggers.grievance_tokens(s) for s in tolled}
    texts = [(triggers.event_text(s, hidden[s.index]), s.evidence()) for s in tolled]
    fatalities = counts.combine([
        (*r, s.evidence()) for s, (text, _) in zip(tolled, texts, strict=True)
        for r in counts.read_fatalities(text) or counts.read_victims_killed(s.span, hidden[s.index])])
    injuries = counts.combine([(*r, ev) for text, ev in texts for r in counts.read_injuries(text)])
    attackers = counts.combine([
        (*r, s.evidence()) for s, (text, _) in zip(tolled, texts, strict=True)
        for r in counts.read_attackers_killed(text) or counts.read_armed_killed(s.span, hidden[s.index])])
    location = _location(ctx, cluster, gazetteer)
    anchored = sum(x is not None for x in (location, fatalities)) + bool(perpetrators)
    confidence = min(0.95, 0.5 + 0.1 * min(len(cluster.mentions), 3) + 0.05 * anchored)
    return Incident(
        id=f"{ctx.article.id}-{number}",
        type=_type(ctx, cluster, weapons, deadly=fatalities is not None or attackers is not None),
        date=_date(ctx, cluster),
        location=location,
        targets=_merge_targets(cluster, [v for _, found in harmed for v in found]),
        weapons=weapons,
        fatalities=fatalities,
        injuries=injuries,
        perpetrator_fatalities=attackers,
        perpetrators=perpetrators,
        denials=denials,
        attackers=list(dict.fromkeys(a for _, found in doers for a in found)),
        context=sorted({c for m in cluster.mentions for c in m.context}),
        evidence=evidence,
        confidence=round(confidence, 2),
    )


def _type(ctx: Context, cluster: Cluster, weapons: list[str], *, deadly: bool) -> str:
    mentions = [(m.type, m.trigger.lemma_.lower()) for m in cluster.mentions]
    text = " ".join(s.text for s in cluster.sentences)
    return triggers.incident_type(mentions, weapons, triggers.sides(ctx, cluster.sentences), text, deadly=deadly)


def _weapons(clauses: list[str]) -> list[str]:
    found = []
    for name, pattern in WEAPONS:
        if any(re.search(pattern, clause, re.I) for clause in clauses):
            found.append(name)
    return found


def _date(ctx: Context, cluster: Cluster) -> DateRange:
    published = ctx.article.published
    for mention in cluster.mentions:
        for span in mention.dates:
            resolved = resolve_date(span.text, published)
            if resolved is not None:
                return resolved
    # No date given: it happened on or before publication, and that is all we know.
    return DateRange(start=None, end=ctx.published_date, precision="unknown", text=None)


def _location(ctx: Context, cluster: Cluster, gazetteer: Gazetteer) -> Location | None:
    named = [place for mention in cluster.mentions for place in mention.places]
    entry = incident_place(ctx, named, cluster.sentences, gazetteer)
    return to_location(entry) if entry is not None else None


def _merge_targets(cluster: Cluster, harmed: list[tuple[str, str, bool]]) -> list[Target]:
    by_type: dict[str, list[tuple[str, bool]]] = {}
    # A superlative description is context, not another target.
    aimed = [t for m in cluster.mentions if not m.context for t in m.targets]
    # A bare figure ("Bomb kills 7") names the same dead as a described group with that figure ("seven policemen").
    described = {counts.parse_number(t.split()[0]) for t, _, _ in aimed + harmed if " " in t} - {None}
    harmed = [h for h in harmed if " " in h[0] or counts.parse_number(h[0]) not in described]
    for text, target_type, proper in aimed + harmed:
        by_type.setdefault(target_type, [])
        if text not in [t for t, _ in by_type[target_type]]:
            by_type[target_type].append((text, proper))
    targets = []
    for target_type, names in by_type.items():
        # "police attack" gives a bare word that a named or described target repeats: "the police college".
        names = [(t, p) for t, p in names if " " in t or p or not any(
            re.search(rf"\b{re.escape(t)}\b", other, re.I) for other, _ in names if other != t)] or names
        proper = [t for t, p in names if p]
        name = proper[0] if proper else names[0][0]
        targets.append(Target(name=name, type=target_type, mentions=[t for t, _ in names if t != name]))
    return targets


def _perpetrators(ctx: Context, registry: Registry, statements: list[Found],
                  clusters: list[Cluster]) -> dict[int, list[Perpetrator]]:
    by_cluster: dict[int, list[Perpetrator]] = {}
    if not clusters:
        return by_cluster
    for sentence in ctx.sentences:
        masked = mask(ctx, sentence)
        for basis, pattern in CLAIM_RULES:
            for match in pattern.finditer(masked.text):
                cluster = _cluster_for(clusters, sentence)
                start, end = masked.to_article(match.start()), masked.to_article(match.end())
                said = speaker_for(statements, start, end)
                for perpetrator in _perpetrator(ctx, registry, masked, match, basis, said, sentence):
                    entries = by_cluster.setdefault(id(cluster), [])
                    if not any(_same(p, perpetrator) for p in entries):
                        entries.append(perpetrator)
    for cluster in clusters:
        _agent_perpetrators(ctx, registry, statements, cluster, by_cluster.setdefault(id(cluster), []))
    for sentence in ctx.sentences:
        for perpetrator in _syntactic_claims(ctx, registry, sentence):
            entries = by_cluster.setdefault(id(_cluster_for(clusters, sentence)), [])
            if not any(_same(p, perpetrator) for p in entries):
                entries.append(perpetrator)
    return by_cluster


def _syntactic_claims(ctx: Context, registry: Registry, sentence: Sentence) -> list[Perpetrator]:
    """'Al Shabaab, the group allied to al Qaeda, claimed responsibility': the subject of the claim, not its neighbour."""
    found = []
    for token in sentence.span:
        if token.lemma_ not in CLAIM_LEMMAS or token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
            continue
        objects = {c.lower_ for c in token.children if c.dep_ == "dobj"}
        claimed = {"responsibility", "credit"} | ({"attack", "bombing", "blast", "killing", "assault"}
                                                  if token.lemma_ == "claim" else set())
        if not objects & claimed:
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            for actor in ctx.mention_for_subtree(subject):
                if ctx.kind(actor.actor_id) in NON_STATE_PERPETRATORS:
                    found.append(_make_perpetrator(ctx, registry, actor.actor_id, "claimed", None, None, [],
                                                   [sentence.evidence()], None))
    return found


def _agent_perpetrators(ctx: Context, registry: Registry, statements: list[Found], cluster: Cluster,
                        entries: list[Perpetrator]) -> None:
    """'Boko Haram fighters killed 30 villagers', 'an attack by X', 'X's attack': the doer of the event."""
    for mention in cluster.mentions:
        trigger = mention.trigger
        if trigger.lemma_.lower() in CLAIM_LEMMAS:
            continue  # a headline's "X claims responsibility": the claim rules read X as the claimant
        victims = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
        if trigger.dep_ == "relcl" and any(v.lower_ in {"who", "that", "which"} for v in victims):
            victims.append(trigger.head)  # "a fighter who was killed": the victim is the fighter
        if any(re.fullmatch(counts.ATTACKER_NOUNS, v.lower_) for v in victims):
            continue  # "a fighter who was killed by security forces": the attacker's death, not the attack
        agents: list[Token] = []
        for child in trigger.children:
            if child.dep_ == "nsubj" and trigger.pos_ == "VERB":
                agents.append(child)
            elif child.dep_ in {"agent"} or (child.dep_ == "prep" and child.lower_ == "by" and trigger.pos_ == "NOUN"):
                agents += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "poss" and trigger.pos_ == "NOUN":
                agents.append(child)
        for agent in agents:
            for actor in ctx.mention_for_subtree(agent):
                kind = ctx.kind(actor.actor_id)
                if kind in {None, "generic", "communal_group", "person"}:
                    continue
                said = speaker_for(statements, agent.idx, agent.idx + len(agent.text))
                basis = "attributed"
                if said is not None and said.speaker.organization_id == actor.actor_id:
                    basis = "claimed"
                asserted_by, asserted_by_id = _assertion(basis, said, [actor])
                evidence = [mention.sentence.evidence()]
                if said is not None:
                    evidence += [e for e in said.statement.evidence if e not in evidence]
                perpetrator = _make_perpetrator(ctx, registry, actor.actor_id, basis, asserted_by, asserted_by_id,
                                                [], evidence, said)
                if not any(_same(p, perpetrator) for p in entries):
                    entries.append(perpetrator)


def _cluster_for(clusters: list[Cluster], sentence: Sentence) -> Cluster:
    """The incident a sentence speaks of: one mentioned in it, else the latest before it, else the first."""
    before = None
    for cluster in clusters:
        indexes = [m.sentence.index for m in cluster.mentions]
        if sentence.index in indexes:
            return cluster
        if min(indexes) < sentence.index:
            before = cluster
    return before or clusters[0]


def _perpetrator(ctx: Context, registry: Registry, masked, match: re.Match, basis: str, said: Found | None,
                 sentence: Sentence) -> list[Perpetrator]:
    groups = match.groupdict()
    partners = masked.slot_at(match.group("dst")) if groups.get("dst") else []
    if groups.get("src"):
        actors = masked.slot_at(match.group("src"))
    else:
        actors = []
        for _, slot in masked.slots_before(match.start()):
            actors = [m for m in slot if m.actor_id not in {p.actor_id for p in partners}]
            if actors:
                break
    evidence = [sentence.evidence()]
    if said is not None:
        evidence += [e for e in said.statement.evidence if e not in evidence]
    asserted_by, asserted_by_id = _assertion(basis, said, actors)
    accuser = _accuser(ctx, masked, match) if said is None else None
    if accuser is not None:
        asserted_by, asserted_by_id = accuser
    if basis == "attributed" and HEDGED.search(masked.text[: match.start()]):
        basis = "suspected"
    if basis == "attributed" and said is not None and ctx.kind(said.speaker.organization_id) not in OFFICIAL_KINDS \
            and said.speaker.organization_id in {a.actor_id for a in actors}:
        basis = "claimed"  # a group's own spokesman saying it carried out the attack
    result = []
    for actor in actors:
        if ctx.kind(actor.actor_id) in OFFICIAL_KINDS | {"generic"}:
            continue
        partner_ids = sorted({p.actor_id for p in partners} - {actor.actor_id})
        result.append(_make_perpetrator(ctx, registry, actor.actor_id, basis, asserted_by, asserted_by_id,
                                        partner_ids, evidence, said))
        if basis == "joint":
            for partner in partner_ids:
                result.append(_make_perpetrator(ctx, registry, partner, basis, asserted_by, asserted_by_id,
                                                [actor.actor_id], evidence, said))
    return result


def _accuser(ctx: Context, masked, match: re.Match) -> tuple[str, str | None] | None:
    """'police suspected the Pakistani Taliban': the subject of suspect/blame/accuse asserts it."""
    start, end = masked.to_article(match.start()), masked.to_article(match.end())
    for token in masked.sentence.span:
        if start <= token.idx < end and token.lemma_ in {"suspect", "blame", "accuse"} and token.pos_ == "VERB":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                phrase = token.doc[subject.left_edge.i : subject.right_edge.i + 1].text
                mentions = ctx.mention_for_subtree(subject)
                return phrase, mentions[0].actor_id if mentions else None
    return None


def _assertion(basis: str, said: Found | None, actors) -> tuple[str | None, str | None]:
    if said is not None:
        return said.statement.speaker, said.speaker.organization_id or said.speaker.actor_id
    if basis == "claimed" and actors:
        return None, actors[0].actor_id  # the claimant asserts its own claim
    return "article", None


def _make_perpetrator(ctx: Context, registry: Registry, actor_id: str, basis: str, asserted_by: str | None,
                      asserted_by_id: str | None, partner_ids: list[str], evidence: list[Evidence],
                      said: Found | None) -> Perpetrator:
    entry = ctx.entry(actor_id)
    name = entry.name if entry else actor_id
    if basis == "claimed" and asserted_by is None:
        asserted_by = name
        asserted_by_id = actor_id
    confidence = {"claimed": 0.9, "attributed": 0.85, "joint": 0.75, "suspected": 0.6}[basis]
    if said is not None and said.statement.confidence < 0.8:
        confidence *= 0.9
    return Perpetrator(actor_id=actor_id, name=name, basis=basis, asserted_by=asserted_by,
                       asserted_by_id=asserted_by_id, partner_ids=partner_ids, evidence=evidence,
                       confidence=round(confidence, 2))



def _same(a: Perpetrator, b: Perpetrator) -> bool:
    return (a.actor_id, a.basis, a.asserted_by, a.asserted_by_id, tuple(a.partner_ids)) == (
        b.actor_id, b.basis, b.asserted_by, b.asserted_by_id, tuple(b.partner_ids))

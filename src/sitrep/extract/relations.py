"""Relations between organisations, each with its sentence and who asserts it.

Rules are surface patterns over masked sentences (see masking.py). Each rule
names the relation, whether it is directed, and where its two sides are: a
placeholder in the pattern, a possessive pronoun resolved to its antecedent,
or (when the pattern has no `src`) the nearest suitable actor before the
trigger. Negation turns a relation's status to "negated", hedging to "hedged".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Relation
from ..registry import Registry
from .context import ActorMention, Context
from .masking import SLOT, Masked, mask
from .statements import Found, speaker_for

STATE_KINDS = {"state", "state_force"}
NON_STATE_KINDS = {"armed_group", "faction", "militia", "political_party", "generic"}
SYMMETRIC = {"cooperation", "alliance", "rivalry", "merger", "affiliation"}
NEGATION = re.compile(r"\b(?:not|never|no longer|denied|denies|deny|rejected|rejects|refuted)\b", re.IGNORECASE)
HEDGES = re.compile(
    r"\b(?:believed|reportedly|allegedly|alleged|suspected|appears?|apparently|may|might|could|possibly|"
    r"predictions?|said to|thought to|likely|rumou?red|purported(?:ly)?|opportunit(?:y|ies)|attempting|trying)\b",
    re.IGNORECASE,
)
# A time phrase right after the relation: "during the early years of their insurgency", "since 2014".
PERIOD_RE = re.compile(
    r"^\s*(?:,\s*)?((?:during|since|until|throughout)\s+[^.;,⟦]{3,60}|"
    r"in\s+(?:the\s+)?(?:early|late|mid|recent|past|last)?\s*(?:\d{4}s?|years?|months?|decades?|weeks?)\b[^.;,⟦]{0,40})"
)

DST = rf"(?:the\s+)?(?P<dst>{SLOT})"
SRC = rf"(?P<src>{SLOT})"
POSS = r"(?P<poss>its|their)"


@dataclass(frozen=True)
class Rule:
    type: str
    pattern: re.Pattern
    source_kinds: frozenset[str] = frozenset()
    confidence: float = 0.8


def _rule(type_: str, pattern: str, *, source_kinds: set[str] = frozenset(), confidence: float = 0.8) -> Rule:
    return Rule(type_, re.compile(pattern, re.IGNORECASE), frozenset(source_kinds), confidence)


RULES = [
    _rule("cooperation", rf"\b(?:worked|works|work|cooperated|collaborated|coordinated|partnered|teamed up|joined hands|"
                         rf"colluded)\s+(?:closely\s+)?(?:together\s+)?with\s+{DST}"),
    _rule("cooperation", rf"{SRC}\s+and\s+{DST}\s+(?:had\s+|have\s+|has\s+)?(?:worked|cooperated|collaborated|"
                         rf"coordinated|operated)\s+together"),
    _rule("cooperation", rf"\b(?:building|build|builds|built|develop|developing|developed|forging|forged|forge|"
                         rf"establishing|established|strengthening)\s+(?:new\s+|close\s+|closer\s+)?(?:links|ties|"
                         rf"relationships|relations|contacts|connections)\s+with\s+{DST}", confidence=0.7),
    _rule("cooperation", rf"\b(?:any\s+|close\s+)?(?:links?|ties|connections?|contacts?)\s+(?:to|with)\s+{DST}",
          confidence=0.7),
    _rule("cooperation", rf"\bjoint\s+(?:attacks?|operations?|offensives?|raids?)\s+(?:by|of)\s+{SRC}\s+and\s+{DST}"),
    _rule("alliance", rf"\b(?:allied|formed an alliance|joined forces|in alliance|allies)\s+(?:with|to)\s+{DST}"),
    _rule("alliance", rf"\balliance\s+(?:between|of)\s+{SRC}\s+and\s+{DST}"),
    _rule("alliance", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:close\s+|key\s+|main\s+)?ally\s+of\s+{DST}"),
    _rule("affiliation", rf"\b(?:affiliated|associated|aligned)\s+(?:with|to)\s+{DST}"),
    _rule("affiliation", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:local\s+|regional\s+)?(?:affiliate|franchise)\s+of\s+{DST}"),
    _rule("allegiance", rf"\b(?:pledged?|pledges|pledging|swore|sworn|swears?|swearing|declared?)\s+(?:its\s+|their\s+)?"
                        rf"(?:allegiance|loyalty|bay'?ah)\s+to\s+{DST}"),
    _rule("funding", rf"{SRC}\s*(?:--|—|–|,)\s*{POSS}\s+(?:\w+\s+){{0,2}}(?:backers?|sponsors?|funders?|financiers?|"
                     rf"patrons?|paymasters?)\b"),
    _rule("funding", rf"\b(?:funded|finances|financed|funds|bankrolled|bankrolls|sponsored|sponsors|armed)\s+{DST}"),
    _rule("rivalry", rf"\b{POSS}\s+(?:\w+\s+){{0,2}}(?:rivals?|enemy|enemies|adversary|adversaries|foes?|nemesis)\s*,?\s*{DST}"),
    _rule("rivalry", rf"{SRC}\s+and\s+{DST}\s+(?:are|were|have been|remain)\s+(?:\w+\s+)?(?:rivals|enemies|at war)"),
    _rule("rivalry", rf"\b(?:rivalry|clashes|fighting|feud|infighting|turf war)\s+between\s+{SRC}\s+and\s+{DST}"),
    _rule("rivalry", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:key\s+|main\s+|arch-?)?rival\s+of\s+{DST}"),
    _rule("splinter", rf"{SRC},?\s+(?:an?\s+|the\s+)?(?:splinter group|splinter faction|breakaway faction|breakaway group|"
                      rf"offshoot)\s+of\s+{DST}"),
    _rule("splinter", rf"\b(?:split|broke away|splintered|breaking away)\s+from\s+{DST}"),
    _rule("merger", rf"\b(?:merged|merges|merging|amalgamated)\s+with\s+{DST}"),
    _rule("merger", rf"\bmerger\s+(?:of|between)\s+{SRC}\s+and\s+{DST}"),
    _rule("hostility", rf"{SRC}(?:\s*\({SLOT}\))?(?:\s+(?:group|organi[sz]ation|outfit|movement))?,\s+an?\s+(?:\w+\s+)?"
                       r"anti-(?P<community>[A-Za-z]+)\b", confidence=0.75),
    _rule("hostility", rf"\bturned\s+(?:its|their)\s+(?:guns|weapons|attention|sights)\s+(?:on|against)\s+{DST}",
          confidence=0.75),
    _rule("state_action_against", rf"\b(?:carried out|launched|conducted|mounted|stepped up|intensified|began)\s+"
                                  rf"(?:\w+\s+){{0,3}}(?:offensives?|operations?|crackdowns?|strikes?|raids?|campaigns?)\s+"
                                  rf"(?:against|on)\s+{DST}", source_kinds=STATE_KINDS),
    _rule("state_action_against", rf"\b(?:detained|arrested|killed|captured|banned|proscribed|outlawed|apprehended)\s+"
                                  rf"(?:(?:hundreds|dozens|scores|thousands|several|many|\d+)\s+of\s+)?"
                                  rf"(?:{POSS}|{DST})(?:\s+(?:militants|fighters|members|operatives|cadres|leaders))?",
          source_kinds=STATE_KINDS),
]


def find_relations(ctx: Context, *, registry: Registry, statements: list[Found]) -> list[Relation]:
    relations: dict[tuple, Relation] = {}
    for sentence in ctx.sentences:
        masked = mask(ctx, sentence)
        for rule in RULES:
            for match in rule.pattern.finditer(masked.text):
                for relation in _relations_from(ctx, masked, rule, match, registry, statements):
                    key = (relation.source_id, relation.target_id, relation.type)
                    if key not in relations:
                        relations[key] = relation
    relations.update({(r.source_id, r.target_id, r.type): r for r in _faction_relations(ctx)
                      if (r.source_id, r.target_id, r.type) not in relations})
    return sorted(relations.values(), key=lambda r: (r.evidence[0].start, r.type, r.source_id, r.target_id))


def _relations_from(ctx: Context, masked: Masked, rule: Rule, match: re.Match, registry: Registry,
                    statements: list[Found]) -> list[Relation]:
    groups = match.groupdict()
    targets = _side(ctx, masked, match, "dst") if groups.get("dst") else []
    sources = _side(ctx, masked, match, "src") if groups.get("src") else []
    if groups.get("poss"):
        resolved = _possessive(ctx, masked, match)
        if groups.get("src"):
            targets = resolved  # "al-Qaeda -- their financial backers": the possessor is funded
        elif rule.type == "rivalry":
            sources = resolved
        elif not targets:
            targets = resolved
    if rule.type == "hostility" and groups.get("community"):
        community = _community(registry, match.group("community"))
        targets = [community] if community else []
    if not sources:
        sources = _nearest_before(ctx, masked, match.start(), rule.source_kinds, exclude={m.actor_id for m in targets})
    results = []
    for source in sources:
        for target in targets:
            if source.actor_id == target.actor_id or not _kinds_ok(ctx, registry, rule, source, target):
                continue
            results.append(_relation(ctx, masked, rule, match, source.actor_id, target.actor_id, statements))
    return results


def _side(ctx: Context, masked: Masked, match: re.Match, group: str) -> list[ActorMention]:
    return masked.slot_at(match.group(group))


def _possessive(ctx: Context, masked: Masked, match: re.Match) -> list[ActorMention]:
    char = masked.to_article(match.start("poss"))
    token = next((t for t in masked.sentence.span if t.idx == char), None)
    return ctx.antecedent(token) if token is not None else []


def _community(registry: Registry, word: str) -> ActorMention | None:
    for form in (word, f"{word}s", word.rstrip("e") + "es"):
        entry = registry.lookup(form)
        if entry is not None and entry.kind == "communal_group":
            return ActorMention(entry.id, 0, 0, word, -1, "registry")
    return None


def _nearest_before(ctx: Context, masked: Masked, pos: int, kinds: frozenset[str], *,
                    exclude: set[str]) -> list[ActorMention]:
    for _, mentions in masked.slots_before(pos):
        chosen = [m for m in mentions if m.actor_id not in exclude and (not kinds or _kind(ctx, m.actor_id) in kinds)]
        if chosen:
            return chosen
    return []


def _kind(ctx: Context, actor_id: str) -> str | None:
    entry = Registry.default().get(actor_id) or ctx.new_actors.get(actor_id)
    return entry.kind if entry else None


def _kinds_ok(ctx: Context, registry: Registry, rule: Rule, source: ActorMention, target: ActorMention) -> bool:
    source_kind, target_kind = _kind(ctx, source.actor_id), _kind(ctx, target.actor_id)
    if rule.type == "state_action_against":
        return source_kind in STATE_KINDS and target_kind in NON_STATE_KINDS
    if rule.type == "hostility":
        return source_kind in NON_STATE_KINDS
    # Relations between organisations: at least one side a non-state group, and no person.
    return "person" not in {source_kind, target_kind} and (
        source_kind in NON_STATE_KINDS or target_kind in NON_STATE_KINDS
    )


def _relation(ctx: Context, masked: Masked, rule: Rule, match: re.Match, source_id: str, target_id: str,
              statements: list[Found]) -> Relation:
    start, end = masked.to_article(match.start()), masked.to_article(match.end())
    window = masked.text[max(0, match.start() - 60) : match.end()]
    status = "asserted"
    if NEGATION.search(window):
        status = "negated"
    elif HEDGES.search(masked.text[: match.end()]):
        status = "hedged"
    said = speaker_for(statements, start, end)
    asserted_by = said.statement.speaker if said else "article"
    period = PERIOD_RE.match(masked.text[match.end() :])
    published = ctx.article.published.date() if ctx.article.published else None
    confidence = rule.confidence * (0.85 if status == "hedged" else 1.0)
    return Relation(
        source_id=source_id, target_id=target_id, type=rule.type, directed=rule.type not in SYMMETRIC,
        status=status, date=published, period=period.group(1).strip() if period else None,
        asserted_by=asserted_by, evidence=[masked.sentence.evidence()], confidence=round(confidence, 2),
    )


def _faction_relations(ctx: Context) -> list[Relation]:
    """'the X faction of Y' states the faction link itself."""
    relations = []
    registry = Registry.default()
    published = ctx.article.published.date() if ctx.article.published else None
    for mention in ctx.mentions:
        if mention.via != "faction":
            continue
        entry = registry.get(mention.actor_id) or ctx.new_actors.get(mention.actor_id)
        if entry is None or not entry.parent_id:
            continue
        relations.append(Relation(
            source_id=entry.id, target_id=entry.parent_id, type="faction_of", directed=True, status="asserted",
            date=published, asserted_by="article", evidence=[ctx.sentences[mention.sentence].evidence()],
            confidence=0.9,
        ))
    return relations

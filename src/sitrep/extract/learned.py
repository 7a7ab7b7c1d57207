"""Incidents in lower-cased wire text, read by the learned role model (MUC-4, issue 5).

The rules of `incidents.py` lean on capitals and on the stock NER, which
lower-cased text (1990s radio and wire reports) takes away; for such text the
pipeline calls `find_learned_incidents` instead. It asks the packaged model
(`data/models/muc4-roles.json.gz`, trained by `sitrep train muc4`):

1. does the report tell of an incident at all; if not, there is none;
2. which incident types it tells of (attack, bombing, kidnapping, arson):
   one incident per type;
3. which noun phrases fill which role (perpetrator individuals and
   organisations, physical targets, victims, weapons): the best extent of
   each phrase head, kept when the role is likely enough. A filler goes to the
   incident whose type its sentence speaks of, else to the likeliest one;
   perpetrators go to every incident of the report, as the reports usually
   have one author for all.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from ..linear import LinearModel
from ..model import DateRange, Incident, Perpetrator, Target
from ..registry import ActorEntry, Registry
from .context import ActorMention, Context, slug
from .incidents import classify_target
from .roles import candidate_features, candidates, document_features, view

MODEL_RESOURCE = "models/muc4-roles.json.gz"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
# Thresholds on the model's probabilities (see docs/results.md, MUC-4): a report is relevant, a type is
# told of, a phrase fills a role. Set on the train split by cross-validation, not on dev.
RELEVANT = 0.5
TYPE_TOLD = 0.5
ROLE_LIKELY = {"PerpInd": 0.5, "PerpOrg": 0.5, "Target": 0.5, "Victim": 0.5, "Weapon": 0.5}
# Words that tie a sentence to one incident type.
TYPE_CUES = {
    "bombing": re.compile(r"\b(?:bomb\w*|dynamite|explo\w+|blast|detonat\w+|car-bomb)\b"),
    "kidnapping": re.compile(r"\b(?:kidnap\w*|abduct\w*|hostages?|captors?|ransom|released?)\b"),
    "arson": re.compile(r"\b(?:burn\w*|set fire|set on fire|arson|torch\w*|fire to|blaze|molotov)\b"),
    "attack": re.compile(r"\b(?:attack\w*|kill\w*|murder\w*|assassin\w*|shot|shoot\w*|machinegunn\w*|massacre\w*)\b"),
}
LOWER_CASE_SHARE = 0.002  # at most one capital in 500 letters: a lower-cased report
MUC_TO_SITREP = {"attack": "attack", "bombing": "bombing", "kidnapping": "kidnapping", "arson": "arson"}


@dataclass
class Filler:
    role: str
    text: str
    start: int  # character offsets in the document
    end: int
    sentence_start: int
    probability: float


@dataclass
class Reading:
    """What the model reads in one document: relevance, incident types and role fillers."""

    relevant: float
    types: dict[str, float]
    fillers: list[Filler] = field(default_factory=list)


@dataclass(frozen=True)
class RoleModel:
    roles: LinearModel
    relevant: LinearModel
    types: dict[str, LinearModel]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> RoleModel:
        """The packaged model, loaded once per process."""
        data = json.loads(gzip.decompress(resources.files("sitrep.data").joinpath(MODEL_RESOURCE).read_bytes()))
        return cls.from_json(data)

    @classmethod
    def from_json(cls, data: dict) -> RoleModel:
        types = {t: LinearModel.from_json(data[t]) for t in MUC_TO_SITREP if t in data}
        return cls(LinearModel.from_json(data["roles"]), LinearModel.from_json(data["relevant"]), types)


def reads_lower_cased(text: str) -> bool:
    """Whether a text is lower-cased throughout, like the MUC-4 reports."""
    letters = sum(c.isalpha() for c in text)
    return letters > 0 and sum(c.isupper() for c in text) <= LOWER_CASE_SHARE * letters


def read(doc: Doc, model: RoleModel) -> Reading:
    """The model's reading of a parsed document."""
    document = document_features(doc)
    reading = Reading(relevant=model.relevant.probabilities(document)["True"],
                      types={t: m.probabilities(document)["True"] for t, m in model.types.items()})
    if reading.relevant < RELEVANT:
        return reading
    best: dict[int, Filler] = {}  # one extent per phrase head
    seen = view(doc)
    for candidate in candidates(doc):
        scores = model.roles.probabilities(candidate_features(candidate, seen))
        role = max(ROLES, key=lambda r: scores[r])
        if scores[role] < ROLE_LIKELY[role]:
            continue
        span = candidate.span(doc)
        filler = Filler(role, span.text, span.start_char, span.end_char, span.sent.start_char, scores[role])
        if candidate.head not in best or filler.probability > best[candidate.head].probability:
            best[candidate.head] = filler
    # Nested heads ("members" in "members of the camilist union") keep the likelier span only.
    kept: list[Filler] = []
    for filler in sorted(best.values(), key=lambda f: -f.probability):
        if not any(f.start < filler.end and filler.start < f.end for f in kept):
            kept.append(filler)
    reading.fillers = sorted(kept, key=lambda f: f.start)
    return reading


def told_types(reading: Reading) -> list[str]:
    """The incident types the report tells of, likeliest first; at least one when it is relevant."""
    if reading.relevant < RELEVANT or not reading.types:
        return []
    ranked = sorted(reading.types, key=lambda t: -reading.types[t])
    return [ranked[0], *(t for t in ranked[1:] if reading.types[t] >= TYPE_TOLD)]


def assign(reading: Reading, types: list[str], text: str) -> dict[str, list[Filler]]:
    """Fillers for each incident type: by the type the filler's sentence speaks of, perpetrators to all."""
    by_type: dict[str, list[Filler]] = {t: [] for t in types}
    for filler in reading.fillers if types else []:
        if filler.role in {"PerpInd", "PerpOrg"} or len(types) == 1:
            for t in types:
                by_type[t].append(filler)
            continue
        sentence = text[filler.sentence_start : text.find(".", filler.end) + 1 or len(text)]
        cued = [t for t in types if TYPE_CUES[t].search(sentence)]
        by_type[cued[0] if cued else types[0]].append(filler)
    return by_type


def find_learned_incidents(ctx: Context, *, registry: Registry, model: RoleModel | None = None) -> list[Incident]:
    """Incidents of a lower-cased report, one per incident type the model reads in it."""
    model = model or RoleModel.default()
    reading = read(ctx.doc, model)
    types = told_types(reading)
    incidents = []
    for number, (incident_type, fillers) in enumerate(assign(reading, types, ctx.article.text).items(), start=1):
        incidents.append(_incident(ctx, registry, number, incident_type, fillers, reading.types[incident_type]))
    return incidents


def _incident(ctx: Context, registry: Registry, number: int, incident_type: str, fillers: list[Filler],
              probability: float) -> Incident:
    sentences = sorted({s.index: s for f in fillers if (s := ctx.sentence_at(f.start)) is not None}.values(),
                       key=lambda s: s.index) or ctx.sentences[:1]
    evidence = [s.evidence() for s in sentences]

    def texts(role: str) -> list[str]:
        return list(dict.fromkeys(f.text for f in fillers if f.role == role))

    targets = [Target(name=t, type=classify_target(t), category="property") for t in texts("Target")]
    targets += [Target(name=t, type=classify_target(t), category="people") for t in texts("Victim")]
    return Incident(
        id=f"{ctx.article.id}-{number}",
        type=MUC_TO_SITREP[incident_type],
        date=DateRange(start=None, end=ctx.published_date, precision="unknown", text=None),
        targets=targets,
        weapons=texts("Weapon"),
        attackers=texts("PerpInd"),
        perpetrators=[_perpetrator(ctx, registry, f) for f in fillers if f.role == "PerpOrg"],
        evidence=evidence,
        confidence=round(min(0.95, probability), 2),
    )


def _perpetrator(ctx: Context, registry: Registry, filler: Filler) -> Perpetrator:
    entry = registry.lookup(filler.text, fuzzy=False)
    if entry is None:
        actor_id = f"new:{slug(filler.text)}"
        entry = ctx.new_actors.setdefault(actor_id, ActorEntry(
            id=actor_id, name=filler.text, aliases=(), kind="armed_group", parent_id=None, country_code=None,
            active=None, source=f"article {ctx.article.id}"))
    sentence = ctx.sentence_at(filler.start)
    if sentence is not None:
        ctx.add_mention(ActorMention(entry.id, filler.start, filler.end, filler.text, sentence.index, "learned"))
    evidence = [sentence.evidence()] if sentence is not None else [ctx.sentences[0].evidence()]
    return Perpetrator(actor_id=entry.id, name=entry.name, basis="attributed", mention=filler.text,
                       asserted_by="article", evidence=evidence, confidence=round(filler.probability, 2))


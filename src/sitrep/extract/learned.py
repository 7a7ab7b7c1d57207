"""Incidents in lower-cased wire text, read by the learned role model (MUC-4, issue 5).

The rules of `incidents.py` lean on capitals and on the stock NER, which
lower-cased text (1990s radio and wire reports) takes away; for such text the
pipeline calls `find_learned_incidents` instead. It asks the packaged model
(`data/models/muc4-roles.json.gz`, trained by `sitrep train muc4`):

1. does the report tell of an incident at all; if not, there is none;
2. which incident types it tells of (attack, bombing, kidnapping, arson):
   one incident per type;
3. which noun phrases fill which role (perpetrator individuals and
   organisations, physical targets, victims, weapons): all occurrences of a
   phrase are scored together, a phrase is kept when its role is likely
   enough, and of two nested phrases the likelier. A filler goes to the
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
from .context import ActorMention, Context, is_headline, slug
from .roles import ROLES, document_features, phrase_features, phrases, view
from .targets import classify_target

MODEL_RESOURCE = "models/muc4-roles.json.gz"
# Phrases less likely than this to fill any role are not kept for the thresholds to look at.
ROLE_FLOOR = 0.1
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
    key: str  # the phrase: mentions with the same key are one filler
    start: int  # character offsets in the document
    end: int
    cues: tuple[str, ...]  # the incident types its sentence speaks of (TYPE_CUES)
    probability: float


@dataclass
class Reading:
    """What the model reads in one document: relevance, incident types and role fillers."""

    relevant: float
    types: dict[str, float]
    fillers: list[Filler] = field(default_factory=list)


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds on the model's probabilities, chosen by cross-validation on the train split."""

    relevant: float = 0.5  # the report tells of an incident
    told: float = 0.5  # a second or third incident type is told of
    roles: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ROLES, 0.5))  # a phrase fills the role

    def to_json(self) -> dict:
        return {"relevant": self.relevant, "told": self.told, "roles": dict(self.roles)}


@dataclass(frozen=True)
class RoleModel:
    roles: LinearModel
    relevant: LinearModel
    types: dict[str, LinearModel]
    # Second stage: relevance and each type again, from the first stage's reading of the whole report (how likely
    # its types, how likely the phrases it found for each role): a report with a named victim and a weapon is told
    # of an incident more surely than its words alone say.
    stacked: dict[str, LinearModel] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> RoleModel:
        """The packaged model, loaded once per process."""
        data = json.loads(gzip.decompress(resources.files("sitrep.data").joinpath(MODEL_RESOURCE).read_bytes()))
        return cls.from_json(data)

    @classmethod
    def from_json(cls, data: dict) -> RoleModel:
        types = {t: LinearModel.from_json(data[t]) for t in MUC_TO_SITREP if t in data}
        stacked = {name: LinearModel.from_json(m) for name, m in data.get("stacked", {}).items()}
        return cls(LinearModel.from_json(data["roles"]), LinearModel.from_json(data["relevant"]), types, stacked,
                   Thresholds(**data["thresholds"]))


def reads_lower_cased(text: str) -> bool:
    """Whether a text is lower-cased throughout, like the MUC-4 reports; a one-line headline ("20 killed in
    blast", "soldier killed") is no such report: the headline rules read it."""
    if is_headline(text):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters > 0 and sum(c.isupper() for c in text) <= LOWER_CASE_SHARE * letters


def read(doc: Doc, model: RoleModel) -> Reading:
    """The model's reading of a parsed document: its probabilities, before any threshold but the floor."""
    document = document_features(doc)
    reading = Reading(relevant=model.relevant.probabilities(document)["True"],
                      types={t: m.probabilities(document)["True"] for t, m in model.types.items()})
    best: dict[int, Filler] = {}  # one extent and one role per phrase head
    seen = view(doc)
    cues = {s.start: tuple(t for t, cue in TYPE_CUES.items() if cue.search(s.text)) for s in doc.sents}
    for key, occurrences in phrases(doc).items():
        scores = model.roles.probabilities(phrase_features(occurrences, seen))
        role = max(ROLES, key=lambda r: scores.get(r, 0.0))  # a role no train phrase had has no score
        if scores.get(role, 0.0) < ROLE_FLOOR:
            continue
        for candidate in occurrences:
            span = candidate.span(doc)
            filler = Filler(role, span.text, key, span.start_char, span.end_char, cues[span.sent.start], scores[role])
            if candidate.head not in best or filler.probability > best[candidate.head].probability:
                best[candidate.head] = filler
    reading.fillers = sorted(best.values(), key=lambda f: f.start)
    return restack(reading, model.stacked)


def restack(reading: Reading, stacked: dict[str, LinearModel]) -> Reading:
    """The reading with relevance and types from the second stage, when the model has one."""
    if not stacked:
        return reading
    summary = reading_features(reading)
    relevant = stacked["relevant"].probabilities(summary)["True"] if "relevant" in stacked else reading.relevant
    types = {t: stacked[t].probabilities(summary)["True"] if t in stacked else p for t, p in reading.types.items()}
    return Reading(relevant, types, reading.fillers)


def reading_features(reading: Reading) -> dict[str, float]:
    """The first stage's reading as features of the second: probabilities, and what each role found."""
    features = {"bias": 1.0, "relevant": reading.relevant}
    for incident_type, probability in reading.types.items():
        features[f"type={incident_type}"] = probability
    if reading.types:
        features[f"top_type={max(reading.types, key=lambda t: reading.types[t])}"] = 1.0
    for role in ROLES:
        best: dict[str, float] = {}
        for filler in reading.fillers:
            if filler.role == role:
                best[filler.key] = max(best.get(filler.key, 0.0), filler.probability)
        features[f"max={role}"] = max(best.values(), default=0.0)
        features[f"likely={role}"] = min(sum(p >= 0.5 for p in best.values()), 3) / 3
    for incident_type in TYPE_CUES:  # "bomb" in the sentence of a likely target says bombing
        features[f"cued={incident_type}"] = max(
            (f.probability for f in reading.fillers if incident_type in f.cues and f.role != "PerpOrg"), default=0.0)
    return features


def decide(reading: Reading, thresholds: Thresholds) -> dict[str, list[Filler]]:
    """The incidents a reading tells of, by type, with their fillers."""
    types = told_types(reading, thresholds)
    likely = [f for f in reading.fillers if f.probability >= thresholds.roles[f.role]]
    # Nested phrases ("members" in "members of the camilist union") keep the likelier one.
    kept: list[Filler] = []
    for filler in sorted(likely, key=lambda f: (-f.probability, f.start)):
        if not any(f.start < filler.end and filler.start < f.end for f in kept):
            kept.append(filler)
    return assign(sorted(kept, key=lambda f: f.start), types)


def told_types(reading: Reading, thresholds: Thresholds) -> list[str]:
    """The incident types the report tells of, likeliest first; at least one when it is relevant."""
    if reading.relevant < thresholds.relevant or not reading.types:
        return []
    ranked = sorted(reading.types, key=lambda t: -reading.types[t])
    return [ranked[0], *(t for t in ranked[1:] if reading.types[t] >= thresholds.told)]


def assign(fillers: list[Filler], types: list[str]) -> dict[str, list[Filler]]:
    """Fillers for each incident type: by the type the filler's sentence speaks of, perpetrators to all."""
    by_type: dict[str, list[Filler]] = {t: [] for t in types}
    for filler in fillers if types else []:
        if filler.role in {"PerpInd", "PerpOrg"} or len(types) == 1:
            for t in types:
                by_type[t].append(filler)
            continue
        cued = [t for t in types if t in filler.cues]
        by_type[cued[0] if cued else types[0]].append(filler)
    return by_type


def first_mentions(fillers: list[Filler], role: str) -> list[Filler]:
    """The first mention of each phrase filling a role: the scorer counts a phrase once."""
    first: dict[str, Filler] = {}
    for filler in fillers:
        if filler.role == role:
            first.setdefault(filler.key, filler)
    return list(first.values())


def find_learned_incidents(ctx: Context, *, registry: Registry, model: RoleModel | None = None) -> list[Incident]:
    """Incidents of a lower-cased report, one per incident type the model reads in it."""
    model = model or RoleModel.default()
    reading = read(ctx.doc, model)
    incidents = []
    for number, (incident_type, fillers) in enumerate(decide(reading, model.thresholds).items(), start=1):
        incidents.append(_incident(ctx, registry, number, incident_type, fillers, reading.types[incident_type]))
    return incidents


def _incident(ctx: Context, registry: Registry, number: int, incident_type: str, fillers: list[Filler],
              probability: float) -> Incident:
    sentences = sorted({s.index: s for f in fillers if (s := ctx.sentence_at(f.start)) is not None}.values(),
                       key=lambda s: s.index) or ctx.sentences[:1]
    evidence = [s.evidence() for s in sentences]

    def texts(role: str) -> list[str]:
        return [f.text for f in first_mentions(fillers, role)]

    targets = [Target(name=t, type=classify_target(t), category="property") for t in texts("Target")]
    targets += [Target(name=t, type=classify_target(t), category="people") for t in texts("Victim")]
    return Incident(
        id=f"{ctx.article.id}-{number}",
        type=MUC_TO_SITREP[incident_type],
        date=DateRange(start=None, end=ctx.published_date, precision="unknown", text=None),
        targets=targets,
        weapons=texts("Weapon"),
        attackers=texts("PerpInd"),
        perpetrators=[_perpetrator(ctx, registry, f) for f in first_mentions(fillers, "PerpOrg")],
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


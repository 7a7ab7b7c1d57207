"""The typed records every stage reads and writes, and every output serialises.

One model, shared by extraction, the CLI and the JSON Schema in docs/schema.json
(`sitrep schema` regenerates it). Offsets are character offsets into
`Article.text`, which no stage changes after cleaning.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for all records: no unknown fields, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(Record):
    """A sentence of the cleaned article that supports a fact."""

    text: str = Field(description="The sentence, equal to article.text[start:end].")
    start: int = Field(ge=0, description="Character offset of the sentence start in article.text.")
    end: int = Field(ge=0, description="Character offset just past the sentence end.")


SegmentKind = Literal["title", "caption", "body"]


class Segment(Record):
    """A block of the cleaned text: the headline, a photo caption or the story body."""

    kind: SegmentKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(Record):
    """A cleaned news article: story text without page furniture, plus its metadata."""

    id: str = Field(description="Deterministic id: hash of the normalised text.")
    title: str | None = None
    published: dt.datetime | None = Field(
        None, description="Publication date-time, time-zone aware when the page says the zone."
    )
    timezone: str | None = Field(None, description="Time zone as printed on the page, e.g. 'IST'.")
    dateline: str | None = Field(None, description="Dateline city: where the story was filed, not where events happened.")
    section: str | None = Field(None, description="Site section, e.g. 'World / Neighbours'.")
    source: str | None = Field(None, description="Publisher or agency of the story, when stated.")
    url: str | None = None
    credits: list[str] = Field(default_factory=list, description="Photo credits removed from the text, e.g. 'Photo: AP'.")
    text: str = Field(description="Cleaned text: title, captions and body separated by blank lines.")
    segments: list[Segment] = Field(default_factory=list)
    origin: str = Field(description="Where the article was read from: path, path:line for JSONL, path#n for feed entries.")


DatePrecision = Literal["day", "week", "month", "year", "range", "unknown"]


class DateRange(Record):
    """When something happened, as precisely as the text says and no more."""

    start: dt.date | None = None
    end: dt.date | None = None
    precision: DatePrecision = "unknown"
    text: str | None = Field(None, description="The expression the date was read from, e.g. 'this week'.")


PlacePrecision = Literal["exact", "city", "district", "admin1", "country", "region"]


class Location(Record):
    """A geocoded place with its administrative hierarchy."""

    name: str
    admin1: str | None = None
    admin2: str | None = None
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-2.")
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    geonameid: int | None = None


TargetType = Literal[
    "police",
    "military",
    "government",
    "civilians",
    "religious",
    "education",
    "business",
    "transport",
    "journalists",
    "diplomatic",
    "utilities",
    "ngo",
    "political",
    "unknown",
]


class Target(Record):
    name: str = Field(description="The most specific name the article gives the target.")
    type: TargetType
    category: Literal["people", "property"] | None = Field(
        None, description="Whether the target is people (victims) or a physical target; null when not decided."
    )
    mentions: list[str] = Field(default_factory=list, description="Other ways the article refers to the same target.")


CountQualifier = Literal["exact", "at_least", "more_than", "at_most", "less_than", "about", "range", "unknown"]


class Count(Record):
    """A toll: bounds as the text gives them. 'more than 60' is min=61, max=None."""

    min: int | None = None
    max: int | None = None
    qualifier: CountQualifier = "unknown"
    text: str | None = Field(None, description="The phrase the count was read from.")
    evidence: list[Evidence] = Field(default_factory=list)


PerpetratorBasis = Literal["claimed", "attributed", "suspected", "joint"]


class Perpetrator(Record):
    """One assertion of who did it. Competing assertions are separate entries."""

    actor_id: str
    name: str
    basis: PerpetratorBasis
    mention: str | None = Field(None, description="The words the article names the perpetrator with, when read by "
                                                  "the learned role model (lower-cased wire text).")
    asserted_by: str | None = Field(None, description="Who makes the assertion, as the article names them.")
    asserted_by_id: str | None = Field(None, description="Actor id of the asserting party, when it is an actor.")
    partner_ids: list[str] = Field(default_factory=list, description="For 'joint': the actors it worked with.")
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)


class Denial(Record):
    """An actor saying it did not do it ("the Taliban denied involvement"): kept beside the perpetrators, never
    among them, so that a claim, an accusation and a denial stay side by side."""

    actor_id: str
    name: str
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)


IncidentType = Literal[
    "armed_assault",
    "bombing",
    "suicide_bombing",
    "assassination",
    "kidnapping",
    "arson",
    "facility_attack",
    "armed_clash",
    "air_strike",
    "shelling",
    "violence_against_civilians",
    "protest",
    "riot",
    "attack",
    "arrest",
    "strategic_development",
]


class Incident(Record):
    id: str
    type: IncidentType
    date: DateRange
    location: Location | None = None
    targets: list[Target] = Field(default_factory=list)
    weapons: list[str] = Field(default_factory=list)
    fatalities: Count | None = Field(None, description="Victims killed; null when the article gives no toll.")
    injuries: Count | None = None
    perpetrator_fatalities: Count | None = Field(None, description="Attackers killed, kept apart from victims.")
    perpetrators: list[Perpetrator] = Field(default_factory=list)
    denials: list[Denial] = Field(default_factory=list, description="Actors that denied carrying it out.")
    attackers: list[str] = Field(
        default_factory=list,
        description="How the text names or describes the attackers, group or not: 'a suicide bomber', 'Taliban gunmen'.",
    )
    context: list[str] = Field(default_factory=list, description="Descriptive phrases kept as context, e.g. superlatives.")
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)


ActorKind = Literal[
    "armed_group",
    "faction",
    "political_party",
    "militia",
    "state",
    "state_force",
    "communal_group",
    "generic",
    "person",
    "international_organization",
]


class Actor(Record):
    id: str = Field(description="Registry id, or 'new:<slug>' for an organisation not in the registry.")
    name: str = Field(description="Canonical name.")
    aliases: list[str] = Field(default_factory=list, description="Registry aliases plus the spellings this article used.")
    kind: ActorKind
    parent_id: str | None = Field(None, description="Parent organisation for factions and state forces.")
    country_code: str | None = None
    registered: bool = Field(True, description="False for an organisation found in the text but not in the registry.")
    mentions: list[str] = Field(default_factory=list, description="Surface forms used in this article.")
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(1.0, ge=0, le=1)


RelationType = Literal[
    "cooperation",
    "alliance",
    "affiliation",
    "allegiance",
    "funding",
    "rivalry",
    "hostility",
    "faction_of",
    "splinter",
    "merger",
    "state_action_against",
]
RelationStatus = Literal["asserted", "hedged", "negated"]


class Relation(Record):
    source_id: str
    target_id: str
    type: RelationType
    directed: bool = Field(description="False for symmetric relations (cooperation, alliance, rivalry, merger).")
    status: RelationStatus = "asserted"
    date: dt.date | None = Field(None, description="When the relation is asserted (the article's date unless the text dates it).")
    period: str | None = Field(None, description="Period the text gives for the relation, e.g. 'the early years of their insurgency'.")
    asserted_by: str | None = None
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)


class Span(Record):
    """A stretch of article.text: `text == article.text[start:end]`."""

    start: int = Field(ge=0, description="Character offset of the span start in article.text.")
    end: int = Field(ge=0, description="Character offset just past the span end.")
    text: str = Field(description="The span's text, equal to article.text[start:end].")


class Statement(Record):
    speaker: str | None = Field(None, description="Name or description of the speaker as the article gives it.")
    speaker_id: str | None = Field(None, description="Actor id when the speaker is an organisation or state body.")
    role: str | None = None
    organization_id: str | None = None
    anonymous: bool
    direct: bool = Field(description="True for a quotation, False for reported speech.")
    text: str = Field(description="What was said: the quotation without its marks, or the reported clause.")
    content: Span = Field(
        description="Where the content lies in article.text: a quotation with its marks (from the first opening mark to "
        "the last closing one when a cue interrupts it), or the reported clause."
    )
    source_mention: Span | None = Field(
        None,
        description="The span that names or refers to the speaker where the statement is made: 'Ali bin Sufyan', "
        "'he', 'officials'; null when the text does not say who.",
    )
    cue: str | None = Field(None, description="The reporting verb, e.g. 'said', 'admitted'.")
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)


PlaceRole = Literal["incident", "dateline", "mentioned"]


class Place(Record):
    name: str
    role: PlaceRole
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    precision: PlacePrecision | None = None
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)


class Document(Record):
    """Everything sitrep read out of one article."""

    article: Article
    incidents: list[Incident] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)


class InputError(Record):
    """An input that could not be read, reported and skipped."""

    origin: str = Field(description="File, and line or entry where it applies.")
    code: str = Field(description="Stable error code, e.g. 'E103'.")
    message: str

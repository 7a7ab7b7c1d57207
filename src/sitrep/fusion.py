"""Fusion: reports of one incident from several articles become one incident that keeps them all.

1. Blocking: a report is compared only with the fused incidents of nearby days (its
   incident's day, else its article's publication day, within `WINDOW_DAYS`) in the
   same country (or of unknown country), never with all of them; and never with an incident that already holds a report of the
   same article (an article that reports two incidents means two).
2. Matching: a score over what the two reports say: day gap, a later report that tells
   what followed (a claim, a protest, a rising toll), places (distance, same or different
   first-level division), incident class, how the violence was done (a bombing is no air
   strike), tolls (every death), whose dead (victims or armed men), fire across a border
   against violence inside a country, shared actors,
   shared words weighted by rarity and each shared rare word. The best candidate at or above `THRESHOLD` takes the report; with
   none, the report starts a new incident. Every decision is kept for `explain`.
3. Consolidation: each field gets one value and the rule that chose it; the values
   of every report stay visible beside it, so disagreements (tolls 15 vs 22, two
   claimants) are not hidden. Victims and attackers killed come from one report, so
   the same dead told two ways are not counted twice.

Fusion is incremental: `Fuser.add` takes reports as articles arrive, and the same
reports in the same order always give the same incidents; a report added again stays
where it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .extract.triggers import FAMILIES
from .model import Count, Document, Incident, Location, Perpetrator
from .resolve.country_cues import nation_words
from .resolve.places import distance_km
from .taxonomy import acled_event_class

WINDOW_DAYS = 2
# Chosen on the odd rows of ucdp-fusion dev and checked on the even ones (issue 6, docs/results.md): headlines
# carry little, so a same-day report joins unless something speaks against it; two days apart needs shared words.
THRESHOLD = 1.25
# Points per component of a match score; negative ones are evidence of two incidents.
DAY_POINTS = {0: 1.25, 1: 0.05, 2: -0.8}
# Two days apart, a report that tells nothing of what followed (see REACTION) is another event of the same kind
# ("jets kill nine fighters", then "jets kill twelve fighters"): on ucdp-fusion dev no such join was one event.
UNFOLLOWED_POINTS = {2: -2.0}
NEAR_KM, NEAR_POINTS = 25.0, 1.0
SAME_ADMIN1_POINTS, OTHER_ADMIN1_POINTS, OTHER_COUNTRY_POINTS = 0.5, -1.5, -3.0
# Headline types are coarse ("kills" is an attack, "blast" a bombing): another violent class is no evidence
# against. Nor is a protest or a statement: conflict data files the protests over a killing, and the
# government's answer to it, with the killing ("Hazaras block highway over miners' killing").
# A protest or statement that speaks of no violence at all ("shopkeepers protest power cuts") is another event.
SAME_CLASS_POINTS, OTHER_CLASS_POINTS, OTHER_KIND_POINTS, UNRELATED_KIND_POINTS = 0.3, 0.0, 0.0, -1.5
NON_VIOLENT_CLASSES = frozenset({"protest_or_riot", "strategic_development"})
# Stems (see `_stem`) of words that speak of violence, as a protest over a killing does.
VIOLENCE_STEMS = frozenset("""kill murder attack bomb bombing blast explosion death dead shoot shot gun gunmen massacre
massacr assassination assassinat lynch lynching violence violent terror terrorism terrorist martyr slay slain wound injur
abduct kidnap kidnapp hostage raid strike strik airstrike airstrik drone dron militant""".split())
SAME_TOLL_POINTS, FAR_TOLL_POINTS, FAR_TOLL_RATIO = 0.0, -0.5, 2.0
# Early figures rise, but seldom more than fourfold: "market bombing kills 40" and "gunmen kill teacher" are two events.
FARTHER_TOLL_POINTS, FARTHER_TOLL_RATIO = -1.0, 4.0
SHARED_ACTOR_POINTS = 0.5
WORD_POINTS = 3.0
# Beside the overall overlap, each shared rare word (a named target, a town, a community: rarity above
# RARE_WORD) is evidence of its own, up to RARE_WORDS_COUNTED of them.
RARE_WORD, RARE_WORD_POINTS, RARE_WORDS_COUNTED = 4.0, 0.5, 2
# One report's dead are only victims, the other's only armed men ("gunmen kill four" / "five militants killed").
OTHER_DEAD_POINTS = -0.5
# Kashmir is claimed by both countries, and each side's press puts the same firing across the LoC in its own
# country: a place there blocks and matches as one region, whichever country the gazetteer gives it.
DISPUTED = frozenset({"Kashmir", "Jammu and Kashmir", "Azad Kashmir", "Azad Jammu and Kashmir", "Ladakh",
                      "Gilgit-Baltistan"})
# Fire between two states' forces ("Indian shelling kills two", "troops trade fire across the LoC") is an event
# on a contested border, apart from the violence inside either country the same day.
FIRE_WORDS = frozenset("firing fire gunfire shooting shelling shells artillery mortar mortars aggression".split())
BORDER_WORDS = re.compile(r"\b(?:loc|line of control|working boundary|cross-border|ceasefire|"
                          r"border (?:firing|fire|shelling|clash|clashes|exchanges|skirmish))\b")
# Two states named with their forces, or with one state's envoy summoned over deaths the other is blamed for.
ARMED_FORCES_WORDS = FIRE_WORDS | frozenset("troops soldiers forces army clash clashes fighting envoy diplomat ambassador "
                                            "commissioner".split())
DISPUTED_WORDS = frozenset({"kashmir", "ajk", "ladakh", "gilgit-baltistan"})
FRONT_POINTS = -0.25
# A report of what followed an attack (a claim, a protest, an envoy summoned, a rising toll) comes a day or two
# after it and often shares few words with it.
REACTION = re.compile(r"\b(?:claim(?:s|ed|ing)?|own(?:s|ed)? up|condemn\w*|protest\w*|summon\w*|mourn\w*|funerals?|"
                      r"bur(?:y|ies|ied)|toll|probe\w*|arrest\w*|envoy|demand\w*|accus\w*|blam\w*|vow\w*|"
                      r"retaliat\w*|hunt\w*)\b")
FOLLOW_UP_POINTS = 1.0
# How the violence was done, where a report's type says it: a bombing is neither an air strike, a gun battle nor
# shelling, and an air strike is no shelling or shooting. Other pairs of modes are often one event told two ways
# (an assault with guns and bombs, a clash with firing, an operation with air strikes).
MODES = {"air_strike": "air", "bombing": "bomb", "suicide_bombing": "bomb", "shelling": "shell",
         "armed_clash": "clash", "armed_assault": "gun"}
OTHER_MODES = frozenset(frozenset(pair) for pair in (("bomb", "air"), ("bomb", "clash"), ("bomb", "shell"),
                                                      ("air", "shell"), ("air", "gun")))
OTHER_MODE_POINTS = -1.0
PRECISION_RANK = {"exact": 0, "city": 1, "district": 2, "admin1": 3, "region": 4, "country": 5, None: 6}
QUALIFIER_RANK = {"exact": 0, "about": 1, "at_least": 2, "more_than": 2, "range": 3, "at_most": 4, "less_than": 4,
                  "unknown": 5}
STOPWORDS = frozenset("""a an the of in on at to for by with from and or but as is are was were be been has have had
it its this that these those said says say after over into near about more than least says reported report
reports say told new latest update focus""".split())
WORD = re.compile(r"[a-z][a-z-]+")  # "pakistan's" is "pakistan"
NAME_WORD = re.compile(r"[a-z]+")  # "india-pakistan" is two names


@dataclass(frozen=True)
class Report:
    """One article's account of one incident."""

    id: str
    article_id: str
    incident: Incident
    published: dt.date | None = None
    source: str | None = None
    text: str = ""
    # Derived once: fusion compares each report many times.
    day: dt.date | None = field(init=False, compare=False)
    country: str | None = field(init=False, compare=False)
    words: frozenset[str] = field(init=False, compare=False, repr=False)
    actor_ids: frozenset[str] = field(init=False, compare=False, repr=False)
    event_class: str = field(init=False, compare=False, repr=False)
    deaths: int | None = field(init=False, compare=False, repr=False)
    dead: str | None = field(init=False, compare=False, repr=False)  # "victims", "armed" (only), else None
    front: bool = field(init=False, compare=False, repr=False)  # fire across a border between two states
    reaction: bool = field(init=False, compare=False, repr=False)  # tells what followed an event (see REACTION)
    mode: str | None = field(init=False, compare=False, repr=False)  # how the violence was done (see MODES)

    def __post_init__(self) -> None:
        date = self.incident.date
        exact = date.start is not None and (date.precision == "day" or date.start == date.end)
        location = self.incident.location
        text = self.text.lower()
        derived = {
            "day": date.start if exact else self.published,
            "country": location.country_code if location is not None and not _disputed(location) else None,
            "words": frozenset(_stem(w) for w in WORD.findall(text) if w not in STOPWORDS),
            "actor_ids": frozenset(p.actor_id for p in self.incident.perpetrators),
            "event_class": acled_event_class(self.incident),
            "deaths": _deaths(self.incident),
            "dead": _dead(self.incident),
            "front": _front(text),
            "reaction": bool(REACTION.search(text)),
            "mode": MODES.get(self.incident.type),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)


@dataclass(frozen=True)
class Decision:
    """Why a report joined an incident or started one: its best candidate and the score's parts."""

    report_id: str
    incident_id: str
    joined: bool
    compared_with: str | None = None
    score: float | None = None
    parts: dict[str, float] = field(default_factory=dict)


@dataclass
class Consolidated:
    """One field of a fused incident: the value, the rule that chose it, and every report's value."""

    value: object
    rule: str
    values: dict[str, object]

    @property
    def conflicting(self) -> bool:
        distinct = {repr(_comparable(v)) for v in self.values.values() if v not in (None, [])}  # silence is no dispute
        return len(distinct) > 1


# Where a value was read from is not what it says: "12 killed" in two wordings is one figure.
PROVENANCE_FIELDS = frozenset({"evidence", "text", "mentions"})


def _comparable(value: object) -> object:
    if isinstance(value, list):
        return sorted(repr(_comparable(item)) for item in value)
    if hasattr(value, "model_dump"):
        return value.model_dump(exclude=PROVENANCE_FIELDS & set(type(value).model_fields))
    return value


@dataclass
class FusedIncident:
    id: str
    reports: list[Report]
    decisions: list[Decision]

    @property
    def day(self) -> dt.date | None:
        days = sorted(r.day for r in self.reports if r.day is not None)
        return days[0] if days else None

    def consolidate(self) -> dict[str, Consolidated]:
        return {
            "type": _consolidate_type(self.reports),
            "date": _consolidate_date(self.reports),
            "location": _consolidate_location(self.reports),
            **_consolidate_deaths(self.reports),
            "injuries": _consolidate_count(self.reports, "injuries"),
            "perpetrators": _consolidate_perpetrators(self.reports),
            "targets": _consolidate_list(self.reports, "targets", key=lambda t: (t.name.lower(), t.type)),
            "weapons": _consolidate_list(self.reports, "weapons", key=str.lower),
            "denials": _consolidate_list(self.reports, "denials", key=lambda d: d.actor_id),
        }


class Fuser:
    """Incremental fusion: `add` reports in any number of batches."""

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.incidents: dict[str, FusedIncident] = {}
        # Blocks: fused incidents by (day, country); a report with no country sees the whole day.
        self._blocks: dict[tuple[dt.date | None, str | None], list[str]] = defaultdict(list)
        self._by_day: dict[dt.date | None, list[str]] = defaultdict(list)
        # How many reports so far use each word: "kill" and "pakistan" in every headline say little.
        self._word_counts: Counter[str] = Counter()
        self._reports = 0
        self._decided: dict[str, Decision] = {}

    def restore(self, incidents: list[FusedIncident], word_counts: dict[str, int], reports: int) -> None:
        """Take back incidents fused earlier, each blocked by its first report, and the word counts of `reports`.

        The store keeps fusion's state between runs and restores only the blocks a new article needs.
        """
        for incident in incidents:
            founder = incident.reports[0]
            self.incidents[incident.id] = incident
            self._blocks[(founder.day, founder.country)].append(incident.id)
            self._by_day[founder.day].append(incident.id)
        self._word_counts.update(word_counts)
        self._reports += reports

    def add(self, report: Report) -> Decision:
        """Place a report; a report already placed (the same id, e.g. an article delivered twice) stays where it is."""
        if report.id in self._decided:
            return self._decided[report.id]
        decision = self._place(report)
        self._decided[report.id] = decision
        self._word_counts.update(report.words)
        self._reports += 1
        return decision

    def _rarity(self, word: str) -> float:
        """Inverse document frequency over the reports seen so far (incremental and order-deterministic)."""
        return math.log((self._reports + 1) / (self._word_counts[word] + 1)) + 1.0

    def _place(self, report: Report) -> Decision:
        best: tuple[float, str, str, dict[str, float]] | None = None
        for incident_id in self._candidates(report):
            incident = self.incidents[incident_id]
            if any(r.article_id == report.article_id for r in incident.reports):
                continue
            for other in incident.reports:
                parts = match_parts(report, other, rarity=self._rarity)
                score = round(sum(parts.values()), 4)
                if best is None or score > best[0]:
                    best = (score, incident_id, other.id, parts)
        if best is not None and best[0] >= self.threshold:
            score, incident_id, other_id, parts = best
            decision = Decision(report.id, incident_id, True, other_id, score, parts)
            self.incidents[incident_id].reports.append(report)
            self.incidents[incident_id].decisions.append(decision)
            return decision
        incident_id = "f-" + hashlib.sha1(report.id.encode()).hexdigest()[:12]
        decision = Decision(report.id, incident_id, False, best[2] if best else None, best[0] if best else None,
                            best[3] if best else {})
        self.incidents[incident_id] = FusedIncident(incident_id, [report], [decision])
        self._blocks[(report.day, report.country)].append(incident_id)
        self._by_day[report.day].append(incident_id)
        return decision

    def _candidates(self, report: Report) -> list[str]:
        days = [None] if report.day is None else \
            [report.day + dt.timedelta(days=offset) for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]
        found: list[str] = []
        for day in days:
            if report.country is None:
                found.extend(self._by_day.get(day, ()))
            else:
                found.extend(self._blocks.get((day, report.country), ()))
                found.extend(self._blocks.get((day, None), ()))
        return found


def reports_of(document: Document) -> list[Report]:
    """An article's incidents as fusion reports."""
    article = document.article
    return [report_from(incident, article_id=article.id, published=article.published, source=article.source)
            for incident in document.incidents]


def report_from(incident: Incident, *, article_id: str, published: dt.datetime | None, source: str | None) -> Report:
    """One incident of one article as a fusion report; its words are its evidence sentences."""
    return Report(id=incident.id, article_id=article_id, incident=incident,
                  published=published.date() if published else None, source=source,
                  text=" ".join(e.text for e in incident.evidence))


def match_parts(a: Report, b: Report, *, rarity: Callable[[str], float] | None = None) -> dict[str, float]:
    """The parts of the score that says whether two reports tell of one incident.

    Shared words count by `rarity` (1 each without it): a shared place or group name says more than "killed".
    """
    parts: dict[str, float] = {}
    if a.day is not None and b.day is not None:
        gap = abs((a.day - b.day).days)
        parts["day"] = DAY_POINTS.get(gap, 0.0)
        earlier, later = sorted((a, b), key=lambda r: r.day)
        if later.day != earlier.day and later.reaction and not earlier.reaction:
            parts["follow_up"] = FOLLOW_UP_POINTS
        else:
            parts["day"] += UNFOLLOWED_POINTS.get(gap, 0.0)
    place = _place_points(a.incident.location, b.incident.location)
    if place is not None:
        parts["place"] = place
    if a.event_class == b.event_class:
        parts["class"] = SAME_CLASS_POINTS
    elif a.event_class in NON_VIOLENT_CLASSES or b.event_class in NON_VIOLENT_CLASSES:
        calm = a if a.event_class in NON_VIOLENT_CLASSES else b
        parts["class"] = OTHER_KIND_POINTS if calm.words & VIOLENCE_STEMS else UNRELATED_KIND_POINTS
    else:
        parts["class"] = OTHER_CLASS_POINTS
    toll = _toll_points(a.deaths, b.deaths)
    if toll is not None:
        parts["toll"] = toll
    if a.dead and b.dead and a.dead != b.dead:
        parts["dead"] = OTHER_DEAD_POINTS
    if a.front != b.front:
        parts["front"] = FRONT_POINTS
    if frozenset((a.mode, b.mode)) in OTHER_MODES:
        parts["mode"] = OTHER_MODE_POINTS
    if a.actor_ids & b.actor_ids:
        parts["actors"] = SHARED_ACTOR_POINTS
    words_a, words_b = a.words, b.words
    if words_a and words_b:
        weight = rarity or (lambda word: 1.0)
        shared = sorted(words_a & words_b)
        parts["words"] = round(WORD_POINTS * sum(weight(w) for w in shared) /
                               sum(weight(w) for w in sorted(words_a | words_b)), 4)
        rare = sum(1 for w in shared if weight(w) > RARE_WORD)
        if rare:
            parts["rare_words"] = RARE_WORD_POINTS * min(rare, RARE_WORDS_COUNTED)
    return parts


def _place_points(a: Location | None, b: Location | None) -> float | None:
    if a is None or b is None:
        return None
    if _disputed(a) or _disputed(b):
        return SAME_ADMIN1_POINTS if _disputed(a) and _disputed(b) else None
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return OTHER_COUNTRY_POINTS
    if None not in (a.lat, a.lon, b.lat, b.lon) and a.precision not in {"country", "region"} \
            and b.precision not in {"country", "region"} and distance_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM:
        return NEAR_POINTS
    if a.admin1 and b.admin1:
        return SAME_ADMIN1_POINTS if a.admin1 == b.admin1 else OTHER_ADMIN1_POINTS
    return None


def _disputed(location: Location) -> bool:
    return location.name in DISPUTED or location.admin1 in DISPUTED


def _deaths(incident: Incident) -> int | None:
    """Every death a report gives: victims and attackers killed (a headline's "kills 17 militants" is the latter)."""
    figures = [c.min for c in (incident.fatalities, incident.perpetrator_fatalities) if c is not None and c.min is not None]
    return sum(figures) if figures else None


def _dead(incident: Incident) -> str | None:
    """Whose deaths a report gives: only victims, only armed men killed, or both or none (None)."""
    victims = incident.fatalities is not None and bool(incident.fatalities.min)
    armed = incident.perpetrator_fatalities is not None and bool(incident.perpetrator_fatalities.min)
    return None if victims == armed else "victims" if victims else "armed"


def _front(text: str) -> bool:
    """Whether a report tells of fire between two states' forces (see FIRE_WORDS)."""
    if BORDER_WORDS.search(text):
        return True
    tokens = NAME_WORD.findall(text)
    if DISPUTED_WORDS.intersection(tokens):
        return True
    nations = nation_words()
    if len({nations[token] for token in tokens if token in nations}) >= 2 and ARMED_FORCES_WORDS.intersection(tokens):
        return True  # "India says three Pakistani troops killed", "India-Pakistan firing"
    # "Indian shelling", "India's heavy firing"
    return any(token in FIRE_WORDS and any(t in nations for t in tokens[max(0, i - 2):i]) for i, token in enumerate(tokens))


def _toll_points(a: int | None, b: int | None) -> float | None:
    if a is None or b is None:
        return None
    if a == b:
        return SAME_TOLL_POINTS
    low, high = sorted((a, b))
    # Tolls rise as reports come in; only figures far apart say "another incident".
    if low and high / low > FARTHER_TOLL_RATIO:
        return FARTHER_TOLL_POINTS
    return FAR_TOLL_POINTS if low == 0 or high / low > FAR_TOLL_RATIO else 0.0


def _stem(word: str) -> str:
    # "killed"/"kills"/"killing" and "civilians"/"civilian" are one word for matching.
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# --- consolidation ---------------------------------------------------------------------

def _latest_first(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.published or dt.date.min, r.id), reverse=True)


def _consolidate_count(reports: list[Report], name: str) -> Consolidated:
    values = {r.id: getattr(r.incident, name) for r in reports}
    given = [r for r in _latest_first(reports) if values[r.id] is not None and values[r.id].min is not None]
    if not given:
        return Consolidated(None, "no report gives a figure", values)
    latest = given[0].published
    newest = [r for r in given if r.published == latest]
    chosen = min(newest, key=lambda r: (QUALIFIER_RANK[values[r.id].qualifier], -values[r.id].min))
    rule = "the latest report's figure" if len(newest) == 1 else \
        "the most precise, then highest, figure among the latest reports"
    return Consolidated(values[chosen.id], rule, values)


def _consolidate_deaths(reports: list[Report]) -> dict[str, Consolidated]:
    """Victims and attackers killed from one report, the latest that gives any death, then the highest toll.

    Reports split the same dead differently ("12 killed" / "12 militants killed"): taking each field from a
    different report would count them twice. Tolls rise as reports come in, so the latest figure stands.
    """
    names = ("fatalities", "perpetrator_fatalities")
    values = {name: {r.id: getattr(r.incident, name) for r in reports} for name in names}
    given = [r for r in reports if r.deaths is not None]
    if not given:
        return {name: Consolidated(None, "no report gives a figure", values[name]) for name in names}
    chosen = max(given, key=lambda r: (r.published or dt.date.min, r.deaths,
                                       -min(QUALIFIER_RANK[c.qualifier] for c in _counts(r)), r.id))
    rule = "the latest report that gives a toll, then the highest; victims and attackers killed from that one report"
    return {name: Consolidated(values[name][chosen.id], rule, values[name]) for name in names}


def _counts(report: Report) -> list[Count]:
    return [c for c in (report.incident.fatalities, report.incident.perpetrator_fatalities)
            if c is not None and c.min is not None]


def _consolidate_location(reports: list[Report]) -> Consolidated:
    values = {r.id: r.incident.location for r in reports}
    located = [r for r in reports if values[r.id] is not None]
    if not located:
        return Consolidated(None, "no report gives a place", values)
    counts = Counter(values[r.id].name for r in located)
    chosen = min(located, key=lambda r: (PRECISION_RANK.get(values[r.id].precision, 6), -counts[values[r.id].name], r.id))
    return Consolidated(values[chosen.id], "the most precise place, then the one most reports give", values)


def _consolidate_date(reports: list[Report]) -> Consolidated:
    values = {r.id: r.incident.date for r in reports}
    dated = [r for r in reports if values[r.id].start is not None]
    if not dated:
        return Consolidated(reports[0].incident.date, "no report gives a date", values)
    precise = [r for r in dated if values[r.id].precision == "day"] or dated
    chosen = min(precise, key=lambda r: (values[r.id].start, r.id))
    return Consolidated(values[chosen.id], "the earliest day any report gives", values)


def _consolidate_type(reports: list[Report]) -> Consolidated:
    values = {r.id: r.incident.type for r in reports}
    counts = Counter(values.values())
    chosen = max(counts, key=lambda t: (counts[t], *_gravity(t), t))
    return Consolidated(chosen, "the type most reports give, then the gravest and most specific", values)


def _gravity(kind: str) -> tuple[int, int]:
    """Violence before protest before other events; within a family, the more specific type."""
    for rank, family in enumerate(FAMILIES):
        if kind in family:
            return -rank, family.index(kind)
    return -len(FAMILIES), 0


def _consolidate_perpetrators(reports: list[Report]) -> Consolidated:
    values = {r.id: list(r.incident.perpetrators) for r in reports}
    kept: dict[tuple[str, str], Perpetrator] = {}
    for report in reports:
        for perpetrator in values[report.id]:
            key = (perpetrator.actor_id, perpetrator.basis)
            if key not in kept or perpetrator.confidence > kept[key].confidence:
                kept[key] = perpetrator
    return Consolidated(list(kept.values()), "every claim and attribution, side by side", values)


def _consolidate_list(reports: list[Report], name: str, *, key: Callable) -> Consolidated:
    values = {r.id: list(getattr(r.incident, name)) for r in reports}
    kept: dict = {}
    for report in reports:
        for item in values[report.id]:
            kept.setdefault(key(item), item)
    return Consolidated(list(kept.values()), f"every {name[:-1]} any report names", values)

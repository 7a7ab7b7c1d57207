"""Relations between militant groups on Mapping Militant Organizations rows (`sitrep eval mmp`).

Input: a JSONL file like ../shared/benchmarks/mmp-relations/dev.jsonl (`id`,
`text`, `date`, `gold` with `relation`, `group1`, `group2`) and the benchmark's
group list (`groups.jsonl` beside it: one `{"group_id", "name"}` a line). Only
the text goes in (with the row's date as the publication date); the relations
sitrep extracts are then read against the group list.

Relation types. sitrep's types map onto the benchmark's five:

    cooperation, alliance             -> alliance
    affiliation, allegiance, funding  -> affiliation  (a pledge of allegiance or money
                                                       from one group to another is how
                                                       the benchmark codes an affiliation)
    rivalry, hostility,
    state_action_against              -> rivalry
    splinter, faction_of              -> splinter     (a faction or wing of a group is coded
                                                       as having split from it)
    merger                            -> merger

Negated relations ("denied any links") are not predictions; hedged ones are.

Names. Each endpoint of a predicted relation is an actor; it is resolved to
the group list by, in order:

1. an exact match (normalised: accents, quotes, hyphens, case and a leading
   "The" ignored) of its canonical name when the article uses that name, else
   of the names the article used for it (longest first), else of its registry
   aliases; a listed name matches by its parts too ("X (Y)" as X and as Y,
   "Formerly Y" as Y, "X/Y" as both);
2. an acronym the article used that spells a listed name ("IAI" for "Islamic
   Army in Iraq", "LeT" for "Lashkar-e-Taiba", "HuJI" for "Harkat-ul-Jihadi
   al-Islami", "AI-Syria" for "Ansar al-Islam Syria"); when it spells several,
   the one another actor of the article resolved to, else the one whose
   registry country the article names as a place;
3. the registry entry a listed name resolves to, when only one does;
4. the same words without connectives and generic words ("Islamic Army of
   Iraq" for "Islamic Army in Iraq"), a name the listed one extends with an
   "of ..." ("Badr Organization"), or the only listed name it begins;
5. an approximate match (rapidfuzz token-sort ratio >= 90).

An actor that resolves to no listed group is left out: it cannot be a gold
endpoint. Listed names that normalise to the same key ("Islamic Front" and
"The Islamic Front") are one group.

Input. The text is decoded from the export's escaping before it goes in:
backslash-escaped quotes, HTML apostrophes, and Windows-1252 punctuation left
as C1 control characters. The row's date is the publication date when it is a
whole date.

Scores.

- `relation_accuracy`, over rows: the predicted type for the row's gold pair
  (either order; the most confident when several), or, when the pair was not
  predicted, the type of the single most confident relation extracted from the
  row's text, whatever its endpoints resolve to (this score is about the type;
  names are scored by the triples); correct when it equals the gold type. Ties
  go to the relation stated first in the text. A row with no relation is wrong.
- `triple_precision` / `triple_recall` / `triple_f1`: micro scores over
  (group1, group2, relation) triples. Symmetric relations match in either
  order; splinter is directed, read as the benchmark mostly writes it: group1
  is the group split from, group2 the splinter (a few rows list the splinter
  first; a directed prediction misses those). The benchmark codes one pair per
  row and repeats a passage for every pair it codes, sometimes with a sentence
  added; rows that share evidence (the same text, or a sentence of 30+
  characters) form one pool, scored once against the union of its rows' gold
  triples, with the union of their predicted triples (otherwise a correct
  triple for one pair would count as a false positive in its sibling rows).
  For reference: `triple_f1_by_text` pools only identical texts, and
  `triple_f1_by_row` scores every row alone against its single gold triple.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..extract.actors import initials
from ..ingest import RawArticle
from ..model import Actor, Document, InputError
from ..pipeline import process
from ..registry import Registry
from .jsonl import read_rows
from .progress import tracked

MMP_TYPES = ("alliance", "rivalry", "affiliation", "splinter", "merger")
TYPE_MAP = {
    "cooperation": "alliance", "alliance": "alliance",
    "affiliation": "affiliation", "allegiance": "affiliation", "funding": "affiliation",
    "rivalry": "rivalry", "hostility": "rivalry", "state_action_against": "rivalry",
    "splinter": "splinter", "faction_of": "splinter",
    "merger": "merger",
}
DIRECTED = {"splinter"}
FUZZY_MIN = 90
# Words a name can gain or lose and stay the same group's name: "Red Brigades Walter Alasia Column".
GENERIC_WORDS = {"of", "in", "the", "for", "and", "group", "organization", "organisation", "movement", "column",
                 "brigade", "front", "network", "party", "faction"}
# C1 control characters left by Windows-1252 text read as Latin-1 ("Kata\x92ib").
CP1252_CONTROLS = {chr(c): bytes([c]).decode("cp1252", errors="ignore") or " " for c in range(0x80, 0xA0)}
ACRONYM_RE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*\.?$")


# --- names ------------------------------------------------------------------


def normalise(name: str) -> str:
    """Lower-case words: accents, apostrophes and a leading "the" dropped, punctuation a space."""
    text = "".join(CP1252_CONTROLS.get(c, c) for c in name)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`´]", "", text).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def content_key(name: str) -> str:
    """The normalised name without connectives and generic words: "islamic army iraq"."""
    return " ".join(w for w in normalise(name).split() if w not in GENERIC_WORDS)


def _clean(name: str) -> str:
    return "".join(CP1252_CONTROLS.get(c, c) for c in name).strip()


def name_variants(name: str) -> list[str]:
    """A listed name and the names inside it: "X (Y)" gives X and Y, "X/Y" gives both."""
    name = _clean(name)
    variants = [name]
    if match := re.fullmatch(r"(.+?)\s*\((?:formerly\s+)?(.+?)\)", name, flags=re.IGNORECASE):
        outer, inner = match.group(1), match.group(2)
        variants += [outer, inner, f"{outer} of {inner}", f"{outer} in {inner}"]
    if "/" in name:
        variants += [part for part in name.split("/") if part.strip()]
    return list(dict.fromkeys(v.strip() for v in variants if v.strip()))


def _acronym_key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", _clean(text)).upper()


@dataclass
class GroupList:
    """The benchmark's groups, with every way a predicted actor may name one."""

    names: list[str]
    registry: Registry = field(default_factory=Registry.default)

    def __post_init__(self) -> None:
        self.canonical: dict[str, str] = {}  # normalised key -> first listed name
        self.by_name: dict[str, str] = {}  # normalised variant -> key
        self.by_acronym: dict[str, set[str]] = defaultdict(set)
        self.by_registry: dict[str, set[str]] = defaultdict(set)
        self.by_content: dict[str, set[str]] = defaultdict(set)
        self.by_head: dict[str, set[str]] = defaultdict(set)  # "badr organization" for "... of Reconstruction"
        keys = [(name, normalise(name)) for name in self.names if normalise(name)]
        for name, key in keys:
            self.canonical.setdefault(key, _clean(name))
            self.by_name.setdefault(key, key)
        # The names inside a listed name, unless two groups share one ("Ansar al-Shariah (Libya)",
        # "Ansar al-Shariah (Tunisia)"): such a name says nothing.
        inner: dict[str, set[str]] = defaultdict(set)
        for name, key in keys:
            for variant in name_variants(name)[1:]:
                inner[normalise(variant)].add(key)
        for variant, owners in inner.items():
            if len(owners) == 1 and variant not in self.by_name:
                self.by_name[variant] = next(iter(owners))
        for name, key in keys:
            for variant in name_variants(name):
                if content := content_key(variant):
                    self.by_content[content].add(key)
                if head := re.match(r"(.+?)\s+(?:of|for|in)\s+", variant):
                    self.by_head[normalise(head.group(1))].add(key)
                if ACRONYM_RE.match(variant) and len(variant) <= 10:
                    self.by_acronym[_acronym_key(variant)].add(key)
                else:
                    for acronym in initials(_clean(variant)):
                        self.by_acronym[acronym].add(key)
                entry = self.registry.lookup(variant, fuzzy=False)
                if entry is not None:
                    self.by_registry[entry.id].add(key)
        self._choices = list(self.by_name)
        self._cache: dict[tuple, str | None] = {}

    @classmethod
    def read(cls, path: Path) -> GroupList:
        names = [json.loads(line)["name"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return cls(names)

    def key(self, name: str) -> str | None:
        """The key of a listed name (gold names are listed names)."""
        return self.by_name.get(normalise(name))

    def resolve(self, actor: Actor, *, context: frozenset[str] = frozenset(),
                countries: frozenset[str] = frozenset()) -> str | None:
        """The listed group an extracted actor is, or None.

        `context` (groups other actors of the article resolved to) and `countries` (the
        countries the article names) break ties between listed names an acronym could spell.
        """
        spoken = sorted({m for m in actor.mentions if any(c.isupper() for c in m)}, key=lambda m: (-len(m), m))
        cache_key = (actor.id, tuple(spoken), context, countries)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._resolve(actor, spoken, context, countries)
        return self._cache[cache_key]

    def _resolve(self, actor: Actor, spoken: list[str], context: frozenset[str],
                 countries: frozenset[str]) -> str | None:
        known = [actor.name, *actor.aliases]
        canonical = normalise(actor.name)
        # The name the registry gives it when the article uses that name, else the article's own names.
        first = [actor.name] if any(normalise(m) == canonical for m in spoken) or not spoken else []
        for names in (first, spoken, known):
            for name in names:
                if found := self.by_name.get(normalise(name)):
                    return found
        for name in spoken:
            if ACRONYM_RE.match(name.strip()) and len(name.strip()) <= 12:
                if found := self._acronym(name.strip(), context, countries):
                    return found
        if len(candidates := self.by_registry.get(actor.id, set())) == 1:
            return next(iter(candidates))
        for names in (spoken, known):
            for name in names:
                if len(content_key(name).split()) >= 2 and len(found := self.by_content.get(content_key(name), set())) == 1:
                    return next(iter(found))
        for name in spoken:
            if len(normalise(name).split()) >= 2 and len(found := self.by_head.get(normalise(name), set())) == 1:
                return next(iter(found))
        for name in spoken:
            query = normalise(name)
            prefixed = {key for variant, key in self.by_name.items() if variant.startswith(query + " ")}
            if len(query.split()) >= 2 and len(query) >= 10 and len(prefixed) == 1:
                return next(iter(prefixed))  # "Riyadus-Salikhin" for "... Reconnaissance and Sabotage Brigade"
        best: tuple[float, str] | None = None
        for name in [*spoken, *known]:
            query = normalise(name)
            if len(query) < 8:
                continue
            for choice in self._choices:
                score = fuzz.token_sort_ratio(query, choice)
                if score >= FUZZY_MIN and (best is None or score > best[0]):
                    best = (score, self.by_name[choice])
        return best[1] if best else None

    def _acronym(self, name: str, context: frozenset[str], countries: frozenset[str]) -> str | None:
        candidates = set(self.by_acronym.get(_acronym_key(name), set()))
        if not candidates and (match := re.fullmatch(r"([A-Z]{2,})-([A-Z][a-z]+)", name)):
            # "AI-Syria": the listed name whose initials are the acronym and that ends with the word
            stem, word = match.group(1), match.group(2).lower()
            candidates = {key for key in self.canonical if key.endswith(" " + word)
                          and stem in initials(_clean(self.canonical[key].rsplit(" ", 1)[0]))}
        if len(candidates) > 1:
            candidates = candidates & context or {c for c in candidates if self._country(c) in countries} or candidates
        return next(iter(candidates)) if len(candidates) == 1 else None

    def _country(self, key: str) -> str | None:
        for variant in name_variants(self.canonical.get(key, "")):
            entry = self.registry.lookup(variant, fuzzy=False)
            if entry is not None and entry.country_code:
                return entry.country_code
        return None

    def name(self, key: str) -> str:
        return self.canonical.get(key, key)


# --- triples ----------------------------------------------------------------

Triple = tuple[str, str, str]  # (group1, group2, relation) as group keys


def triple(group1: str, group2: str, relation: str) -> Triple:
    """Symmetric relations in a fixed order; splinter as (split from, splinter)."""
    if relation not in DIRECTED and group2 < group1:
        group1, group2 = group2, group1
    return group1, group2, relation


def predicted_triples(document: Document, groups: GroupList) -> dict[Triple, float]:
    """The document's relations as benchmark triples, each with its best confidence.

    Equal confidences are told apart by order: a relation stated earlier in the text gets a
    slightly higher score (below 0.001), so the first-stated relation wins a tie.
    """
    actors = {a.id: a for a in document.actors}
    found: dict[Triple, float] = {}
    length = max(1, len(document.article.text))
    countries = frozenset(p.country_code for p in document.places if p.country_code)
    context = frozenset(k for a in document.actors if (k := groups.resolve(a, countries=countries)))
    resolved = {a.id: groups.resolve(a, context=context, countries=countries) for a in document.actors}
    for relation in document.relations:
        if relation.status == "negated":
            continue
        kind = TYPE_MAP.get(relation.type)
        source, target = actors.get(relation.source_id), actors.get(relation.target_id)
        if kind is None or source is None or target is None:
            continue
        a, b = resolved[source.id], resolved[target.id]
        if a is None or b is None or a == b:
            continue
        # sitrep's splinter and faction_of point from the splinter to the group it left.
        item = triple(b, a, kind) if kind in DIRECTED else triple(a, b, kind)
        score = relation.confidence + 0.001 * (1 - relation.evidence[0].start / length)
        found[item] = max(found.get(item, 0.0), score)
    return found


def relation_types(document: Document) -> list[tuple[str, float]]:
    """Every relation the document asserts or hedges, as (benchmark type, score), names aside."""
    length = max(1, len(document.article.text))
    return [(TYPE_MAP[r.type], r.confidence + 0.001 * (1 - r.evidence[0].start / length)) for r in document.relations
            if r.status != "negated" and r.type in TYPE_MAP]


def row_type(predicted: dict[Triple, float], pair: frozenset[str],
             others: list[tuple[str, float]] = ()) -> str | None:
    """The predicted type for the gold pair, else the type of the most confident relation predicted."""
    for_pair = [(t[2], c) for t, c in predicted.items() if frozenset(t[:2]) == pair]
    pool = for_pair or [(t[2], c) for t, c in predicted.items()] + list(others)
    if not pool:
        return None
    return max(pool, key=lambda item: (item[1], -MMP_TYPES.index(item[0])))[0]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- the run ----------------------------------------------------------------


def evaluate(path: Path, *, groups: Path | None = None, predictions: Path | None = None,
             limit: int | None = None) -> dict:
    path = Path(path)
    groups_path = Path(groups) if groups else path.parent / "groups.jsonl"
    if not groups_path.exists():
        raise FileNotFoundError(f"group list not found: {groups_path} (pass groups=...)")
    group_list = GroupList.read(groups_path)
    rows = list(read_rows(path, limit))
    raws = [RawArticle(origin=f"{path}:{i + 1}", content=_decode(row.get("text", "")), format="text",
                       published=_date(row.get("date")))
            for i, row in enumerate(rows)]

    correct = errors = 0
    per_type: dict[str, Counter] = {t: Counter() for t in MMP_TYPES}
    confusion: Counter = Counter()
    row_tp = row_fp = row_fn = 0
    scored: list[tuple[str, Triple, set[Triple]]] = []  # (text, gold triple, predicted triples) per row
    out = predictions.open("w", encoding="utf-8") if predictions else None
    try:
        for row, result in zip(rows, tracked(process(raws), total=len(raws), label="MMP rows"), strict=True):
            errors += isinstance(result, InputError)
            predicted = {} if isinstance(result, InputError) else predicted_triples(result, group_list)
            others = [] if isinstance(result, InputError) else relation_types(result)
            gold = row["gold"]
            g1, g2 = group_list.key(gold["group1"]), group_list.key(gold["group2"])
            gold_type = gold["relation"]
            gold_triple = triple(g1 or normalise(gold["group1"]), g2 or normalise(gold["group2"]), gold_type)
            guess = row_type(predicted, frozenset(gold_triple[:2]), others)
            correct += guess == gold_type
            confusion[(gold_type, guess or "none")] += 1
            stats = per_type.setdefault(gold_type, Counter())
            stats["gold"] += 1
            stats["correct"] += guess == gold_type
            row_tp += gold_triple in predicted
            row_fn += gold_triple not in predicted
            row_fp += len(set(predicted) - {gold_triple})
            scored.append((row.get("text", ""), gold_triple, set(predicted)))
            if out is not None:
                out.write(json.dumps({
                    "id": row.get("id"),
                    "relations": [{"group1": group_list.name(a), "group2": group_list.name(b), "relation": r}
                                  for (a, b, r) in sorted(predicted, key=lambda t: (-predicted[t], t))],
                }, ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()

    pools = evidence_pools([text for text, _, _ in scored])
    tp = fp = fn = 0
    for members in pools:
        golds = {scored[i][1] for i in members}
        preds = set().union(*(scored[i][2] for i in members))
        tp += len(golds & preds)
        fp += len(preds - golds)
        fn += len(golds - preds)
        for item in golds:
            per_type[item[2]]["triples_gold"] += 1
            per_type[item[2]]["triples_tp"] += item in preds
        for item in preds - golds:
            per_type.setdefault(item[2], Counter())["triples_fp"] += 1
    precision, recall, f1 = prf(tp, fp, fn)
    text_tp = text_fp = text_fn = 0
    for members in evidence_pools([text for text, _, _ in scored], exact=True):
        golds = {scored[i][1] for i in members}
        preds = set().union(*(scored[i][2] for i in members))
        text_tp, text_fp, text_fn = text_tp + len(golds & preds), text_fp + len(preds - golds), text_fn + len(golds - preds)
    _, _, f1_texts = prf(text_tp, text_fp, text_fn)
    _, _, f1_rows = prf(row_tp, row_fp, row_fn)
    n = len(rows)
    return {
        "rows": n,
        "evidence_pools": len(pools),
        "errors": errors,
        "relation_accuracy": round(correct / n, 4) if n else 0.0,
        "triple_precision": round(precision, 4),
        "triple_recall": round(recall, 4),
        "triple_f1": round(f1, 4),
        "triple_f1_by_text": round(f1_texts, 4),
        "triple_f1_by_row": round(f1_rows, 4),
        "per_type": {t: dict(c) for t, c in per_type.items()},
        "confusion": {f"{g}->{p}": c for (g, p), c in sorted(confusion.items())},
    }


def evidence_pools(texts: list[str], *, exact: bool = False) -> list[list[int]]:
    """Rows that share evidence: the same text, or (unless `exact`) a sentence of 30 characters or more.

    The benchmark codes one pair per row and repeats a passage for every pair it codes,
    sometimes with a sentence added ("... While KIA opposes IS in Iraq, ..."); such rows
    are one passage with several coded pairs.
    """
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for index, text in enumerate(texts):
        whole = " ".join(text.split()).lower()
        sentences = (" ".join(p.split()) for p in re.split(r"(?<=[.!?])[\"'”’)]*\s+", whole))
        keys = [] if not whole else [whole] if exact else [whole, *(s for s in sentences if len(s) >= 30)]
        for key in keys:
            if key in first:
                parent[find(index)] = find(first[key])
            else:
                first[key] = index
    pools: dict[int, list[int]] = defaultdict(list)
    for index in range(len(texts)):
        pools[find(index)].append(index)
    return list(pools.values())


def _decode(text: str) -> str:
    """Undo what the export did to the text: backslash-escaped quotes, HTML apostrophes, and
    Windows-1252 punctuation left as C1 control characters ("Kata\x92ib")."""
    text = text.replace("\\&#039;", "'").replace("&#039;", "'")
    text = re.sub(r"\\(['\"])", r"\1", text)
    return "".join(CP1252_CONTROLS.get(c, c) for c in text)


def _date(text: str | None) -> str | None:
    """The row's date as ISO, when it is a whole date ("2/22/09", "2014-06-10"; not "2014-02-00")."""
    if not text:
        return None
    for pattern in ("%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date().isoformat()
        except ValueError:
            continue
    return None

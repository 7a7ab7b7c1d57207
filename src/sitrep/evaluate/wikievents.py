"""Incident roles against WikiEvents' KAIROS arguments (`sitrep eval wikievents`).

Input: a JSONL file like ../shared/benchmarks/wikievents/dev.jsonl, one news
article a line: `id`, `text`, `sentences` (each a list of `[token, start, end]`
and the sentence's text) and the gold `event_mentions` with their arguments.
The row's `text` runs sentences together without spaces ("...in Syria.The
desert..."), so the article sitrep reads is the sentences joined by line
breaks; the gold is read for scoring only.

Scoring, as ../shared/benchmarks/README.md describes it, per article and per
role class:

- gold: the argument strings of the scored events, Conflict.Attack (Attacker,
  Target, Place, Instrument, ExplosiveDevice), Life.Die (Killer, Victim,
  Place) and Life.Injure (Injurer, Victim), grouped as attacker (Attacker,
  Killer, Injurer), target (Target, Victim), place (Place) and weapon
  (Instrument, ExplosiveDevice); pronouns ("they", "who", "it") are left out;
- predicted: what sitrep reports for the role in the article's incidents:
  perpetrators and the attackers as the text describes them → attacker,
  targets (victims included) with their other mentions → target, the
  incident's place written out with its province and country ("Deir ez-Zor,
  Syria") → place, weapons → weapon;
- strings are compared after lower-casing and dropping punctuation and "the";
  a predicted string matches a gold one when either contains the other as
  whole words ("russian major general" ~ "general");
- precision over distinct predicted strings (those matching some gold
  string), recall over distinct gold strings (those some prediction matches),
  F1 per role and micro over all roles pooled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from ..ingest import RawArticle
from ..model import Document, InputError, Location
from ..pipeline import process
from .jsonl import read_rows
from .progress import tracked

ROLES = ("attacker", "target", "place", "weapon")
# Scored (event family, argument role) pairs and the role class each belongs to.
ROLE_CLASSES = {
    ("Conflict.Attack", "Attacker"): "attacker", ("Conflict.Attack", "Target"): "target",
    ("Conflict.Attack", "Place"): "place", ("Conflict.Attack", "Instrument"): "weapon",
    ("Conflict.Attack", "ExplosiveDevice"): "weapon",
    ("Life.Die", "Killer"): "attacker", ("Life.Die", "Victim"): "target", ("Life.Die", "Place"): "place",
    ("Life.Injure", "Injurer"): "attacker", ("Life.Injure", "Victim"): "target",
}
# Personal, possessive, reflexive, relative, interrogative and demonstrative pronouns.
PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers "
    "herself it its itself they them their theirs themselves who whom whose which that this these those what".split()
)
Words = tuple[str, ...]


def evaluate(path: Path, *, predictions: Path | None = None, limit: int | None = None) -> dict:
    rows = list(read_rows(Path(path), limit))
    raws = [RawArticle(origin=f"{path}:{i + 1}", content=article_text(row), format="text")
            for i, row in enumerate(rows)]
    totals = {role: {"predicted": 0, "correct": 0, "gold": 0, "found": 0} for role in ROLES}
    errors = 0
    out = predictions.open("w", encoding="utf-8") if predictions else None
    try:
        for row, result in zip(rows, tracked(process(raws), total=len(raws), label="WikiEvents articles"), strict=True):
            errors += isinstance(result, InputError)
            predicted = {role: [] for role in ROLES} if isinstance(result, InputError) else predicted_roles(result)
            for role, counts in score_article(predicted, gold_roles(row)).items():
                for key, value in counts.items():
                    totals[role][key] += value
            if out is not None:
                out.write(json.dumps({"id": row["id"], "roles": predicted}, ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()
    return summarise(totals, articles=len(rows), errors=errors)


def article_text(row: dict) -> str:
    """The article as sitrep reads it: the row's sentences, one a line."""
    return "\n".join(sentence_text for _, sentence_text in row["sentences"])


def gold_roles(row: dict) -> dict[str, list[str]]:
    """Gold argument strings by role class, pronouns left out."""
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for event in row.get("event_mentions", []):
        family = ".".join(event["event_type"].split(".")[:2])
        for argument in event["arguments"]:
            role = ROLE_CLASSES.get((family, argument["role"]))
            words = normalise(argument["text"])
            if role is None or not words or (len(words) == 1 and words[0] in PRONOUNS):
                continue
            if argument["text"] not in found[role]:
                found[role].append(argument["text"])
    return found


def predicted_roles(document: Document) -> dict[str, list[str]]:
    """The strings sitrep reports for each role class across the article's incidents."""
    found: dict[str, list[str]] = {role: [] for role in ROLES}

    def add(role: str, strings: Iterable[str]) -> None:
        found[role] += [s for s in strings if s not in found[role]]

    for incident in document.incidents:
        add("attacker", [p.name for p in incident.perpetrators])
        add("attacker", incident.attackers)
        add("target", [name for t in incident.targets for name in (t.name, *t.mentions)])
        if incident.location is not None:
            add("place", [place_name(incident.location)])
        add("weapon", incident.weapons)
    return found


def place_name(location: Location) -> str:
    """The place written out as a reader would: 'Deir ez-Zor, Syria', 'Quetta, Balochistan, Pakistan'."""
    return ", ".join(dict.fromkeys(p for p in (location.name, location.admin1, location.country) if p))


def normalise(text: str) -> Words:
    """Lower-cased words without punctuation and without "the"."""
    words = re.sub(r"[’']", "", text.lower())
    return tuple(w for w in re.split(r"[\W_]+", words) if w and w != "the")


def contains(outer: Words, inner: Words) -> bool:
    """Whether `inner` occurs in `outer` as a run of whole words."""
    size = len(inner)
    return size > 0 and any(outer[i : i + size] == inner for i in range(len(outer) - size + 1))


def strings_match(predicted: str, gold: str) -> bool:
    a, b = normalise(predicted), normalise(gold)
    return contains(a, b) or contains(b, a)


def score_article(predicted: dict[str, list[str]], gold: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    """Counts per role for one article: predicted and correct strings, gold and found strings."""
    scores = {}
    for role in ROLES:
        guesses = _distinct(predicted.get(role, []))
        answers = _distinct(gold.get(role, []))
        scores[role] = {
            "predicted": len(guesses),
            "correct": sum(any(strings_match(p, g) for g in answers) for p in guesses),
            "gold": len(answers),
            "found": sum(any(strings_match(p, g) for p in guesses) for g in answers),
        }
    return scores


def summarise(totals: dict[str, dict[str, int]], *, articles: int, errors: int = 0) -> dict:
    scores: dict = {"articles": articles, "errors": errors}
    pooled = {key: sum(t[key] for t in totals.values()) for key in ("predicted", "correct", "gold", "found")}
    for name, counts in [*((role, totals[role]) for role in ROLES), ("micro", pooled)]:
        precision = counts["correct"] / counts["predicted"] if counts["predicted"] else 0.0
        recall = counts["found"] / counts["gold"] if counts["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[f"{name}_precision"] = round(precision, 4)
        scores[f"{name}_recall"] = round(recall, 4)
        scores[f"{name}_f1"] = round(f1, 4)
    scores["gold"] = pooled["gold"]
    scores["predicted"] = pooled["predicted"]
    return scores


def _distinct(strings: Iterable[str]) -> list[str]:
    """One string per normalised form, dropping those with no words left."""
    seen: dict[Words, str] = {}
    for text in strings:
        words = normalise(text)
        if words and words not in seen:
            seen[words] = text
    return list(seen.values())



"""Statements against human-coded attributions: PolNeAR-format JSONL (`sitrep eval quotes`).

Input: a JSONL file like ../shared/benchmarks/polnear-quotes/dev.jsonl, one
article a line: `id`, `text`, and the gold `attributions`, each with a
`content`, `cue` and (when the text states it) `source` span of
`{start, end, text}` offsets into `text`. Only the text goes into sitrep, as a
plain-text article; the gold is read for scoring only.

Offsets: cleaning may change the text a little (non-breaking spaces, blank
lines, a dropped correction notice), so every predicted span is mapped from
the cleaned `Article.text` back to the input text through a character
alignment of the two (Levenshtein opcodes); a span whose text is not where
the alignment says is looked up by its string nearby.

Scoring, as ../shared/benchmarks/README.md describes it:

- a predicted statement's `content` span matches a gold content span when
  they overlap by at least half of the shorter of the two; matching is
  one-to-one (a maximum matching, each statement trying the gold spans it
  overlaps most first);
- content precision = matched / predicted, recall = matched / gold, F1;
- source accuracy, over matched pairs: the statement's `source_mention`
  overlaps the gold `source` span. A gold attribution with no source (the
  text does not say who) counts as right only when the statement has no
  source mention either. `source_accuracy_stated` gives the same over the
  pairs whose gold source is stated.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ..ingest import RawArticle
from ..model import Document, InputError
from ..pipeline import process
from .jsonl import read_rows
from .progress import tracked

OffsetSpan = tuple[int, int]
# How far from where the alignment puts a span its string may be looked for.
SEARCH_WINDOW = 200


def evaluate(path: Path, *, predictions: Path | None = None, limit: int | None = None) -> dict:
    rows = list(read_rows(Path(path), limit))
    raws = [RawArticle(origin=f"{path}:{i + 1}", content=row["text"], format="text") for i, row in enumerate(rows)]
    totals = {"gold": 0, "predicted": 0, "matched": 0, "source_right": 0, "stated": 0, "stated_right": 0}
    errors = 0
    out = predictions.open("w", encoding="utf-8") if predictions else None
    try:
        for row, result in zip(rows, tracked(process(raws), total=len(raws), label="PolNeAR articles"), strict=True):
            if isinstance(result, InputError):
                errors += 1
                predicted: list[dict] = []
            else:
                predicted = predicted_spans(result, row["text"])
            gold = [_gold(a) for a in row.get("attributions", [])]
            score = score_article(predicted, gold)
            for key in totals:
                totals[key] += score[key]
            if out is not None:
                out.write(json.dumps({"id": row["id"], "statements": [_as_json(p, row["text"]) for p in predicted]},
                                     ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()
    return summarise(totals, articles=len(rows), errors=errors)


def summarise(totals: dict, *, articles: int, errors: int = 0) -> dict:
    gold, predicted, matched = totals["gold"], totals["predicted"], totals["matched"]
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": articles,
        "errors": errors,
        "gold": gold,
        "predicted": predicted,
        "matched": matched,
        "content_precision": round(precision, 4),
        "content_recall": round(recall, 4),
        "content_f1": round(f1, 4),
        "source_accuracy": round(totals["source_right"] / matched, 4) if matched else 0.0,
        "source_accuracy_stated": round(totals["stated_right"] / totals["stated"], 4) if totals["stated"] else 0.0,
    }


# --- Scoring -----------------------------------------------------------------------------------


def overlap(a: OffsetSpan, b: OffsetSpan) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def content_match(predicted: OffsetSpan, gold: OffsetSpan) -> bool:
    """Overlap of at least half of the shorter span."""
    shorter = min(predicted[1] - predicted[0], gold[1] - gold[0])
    common = overlap(predicted, gold)
    return common > 0 and 2 * common >= shorter


def match(predicted: Sequence[OffsetSpan], gold: Sequence[OffsetSpan]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of predicted to gold content spans, as (predicted, gold) index pairs.

    Each predicted span tries the gold spans it overlaps most first, so among
    matchings of the same size the closer pairs are kept.
    """
    candidates = [
        sorted((g for g, gs in enumerate(gold) if content_match(ps, gs)), key=lambda g, ps=ps: (-overlap(ps, gold[g]), g))
        for ps in predicted
    ]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(p: int, seen: set[int]) -> bool:
        for g in candidates[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(predicted)):
        augment(p, set())
    return sorted((p, g) for g, p in owner.items())


def score_article(predicted: Sequence[dict], gold: Sequence[dict]) -> dict:
    """Counts for one article. Items are {"content": (start, end), "source": (start, end) | None}."""
    pairs = match([p["content"] for p in predicted], [g["content"] for g in gold])
    right = stated = stated_right = 0
    for p, g in pairs:
        gold_source, predicted_source = gold[g]["source"], predicted[p]["source"]
        if gold_source is None:
            right += predicted_source is None
            continue
        stated += 1
        hit = predicted_source is not None and overlap(predicted_source, gold_source) > 0
        right += hit
        stated_right += hit
    return {"gold": len(gold), "predicted": len(predicted), "matched": len(pairs), "source_right": right,
            "stated": stated, "stated_right": stated_right}


# --- Reading and offset mapping ----------------------------------------------------------------


def _gold(attribution: dict) -> dict:
    content = attribution["content"]
    source = attribution.get("source")
    return {"content": (content["start"], content["end"]),
            "source": (source["start"], source["end"]) if source else None}


def predicted_spans(document: Document, original: str) -> list[dict]:
    """The document's statements as content and source spans in the original text."""
    aligner = Aligner(document.article.text, original)
    spans = []
    for statement in document.statements:
        content = aligner.span(statement.content.start, statement.content.end)
        if content is None:
            continue
        mention = statement.source_mention
        source = aligner.span(mention.start, mention.end) if mention is not None else None
        spans.append({"content": content, "source": source})
    return spans


def _as_json(item: dict, text: str) -> dict:
    def span(s: OffsetSpan | None) -> dict | None:
        return None if s is None else {"start": s[0], "end": s[1], "text": text[s[0] : s[1]]}

    return {"content": span(item["content"]), "source": span(item["source"])}


def _loose(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


class Aligner:
    """Maps offsets in the cleaned text back to the text sitrep was given."""

    def __init__(self, cleaned: str, original: str) -> None:
        self.cleaned, self.original = cleaned, original
        self.identical = cleaned == original
        # to_original[i]: the original offset of cleaned character i (-1 when it has none).
        self.to_original: list[int] = []
        if not self.identical:
            mapping = [-1] * (len(cleaned) + 1)
            for tag, a0, a1, b0, b1 in Levenshtein.opcodes(original, cleaned):
                if tag in {"equal", "replace"}:
                    for k in range(b1 - b0):
                        mapping[b0 + k] = a0 + min(k, a1 - a0 - 1) if a1 > a0 else -1
            mapping[len(cleaned)] = len(original)
            self.to_original = mapping

    def span(self, start: int, end: int) -> OffsetSpan | None:
        if self.identical:
            return (start, end)
        if end <= start:
            return None
        first = next((self.to_original[i] for i in range(start, end) if self.to_original[i] >= 0), -1)
        last = next((self.to_original[i] for i in range(end - 1, start - 1, -1) if self.to_original[i] >= 0), -1)
        needle = self.cleaned[start:end]
        if first >= 0 and last >= first:
            mapped = (first, last + 1)
            if _loose(self.original[first : last + 1]) == _loose(needle):
                return mapped
            return self._search(needle, first) or mapped
        return self._search(needle, start)

    def _search(self, needle: str, near: int) -> OffsetSpan | None:
        """The needle's occurrence in the original closest to `near`, spaces compared loosely."""
        words = needle.split()
        if not words:
            return None
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        lo = max(0, near - SEARCH_WINDOW)
        hi = min(len(self.original), near + len(needle) + SEARCH_WINDOW)
        hits = [m.span() for m in pattern.finditer(self.original, lo, hi)]
        hits = hits or [m.span() for m in pattern.finditer(self.original)]
        return min(hits, key=lambda s: abs(s[0] - near)) if hits else None

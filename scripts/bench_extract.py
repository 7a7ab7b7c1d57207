"""Measure extraction speed: the sample article, then a JSONL corpus of texts.

Usage:

    .venv/bin/python scripts/bench_extract.py [--corpus ../shared/benchmarks/muc4/dev.jsonl] [--field doctext]

Prints the time to extract the sample (cold, including model loading, and
warm), the plain spaCy parse rate on the corpus, sitrep's articles/s and
tokens/s over it, their ratio, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "quetta-police-college-2016-10-26.txt"
DEFAULT_CORPUS = ROOT.parent / "shared" / "benchmarks" / "muc4" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--field", default="doctext")
    args = parser.parse_args()

    started = time.perf_counter()
    import sitrep
    from sitrep.ingest import RawArticle
    from sitrep.model import InputError

    sitrep.extract(SAMPLE)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    sitrep.extract(SAMPLE)
    warm = time.perf_counter() - started
    print(f"sample: {cold:.2f} s cold (model and gazetteer loading included), {warm:.3f} s warm")

    texts = []
    with args.corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append(record[args.field])
    import spacy

    from sitrep.nlp import MODEL_NAME

    plain = spacy.load(MODEL_NAME)
    started = time.perf_counter()
    for _ in plain.pipe(texts, batch_size=32):
        pass
    parse_rate = len(texts) / (time.perf_counter() - started)
    print(f"plain spaCy {MODEL_NAME} nlp.pipe: {parse_rate:.1f} articles/s")

    raws = [RawArticle(origin=f"{args.corpus}:{i + 1}", content=t, format="text") for i, t in enumerate(texts)]
    started = time.perf_counter()
    documents = errors = tokens = 0
    for result in sitrep.process(raws):
        if isinstance(result, InputError):
            errors += 1
        else:
            documents += 1
            tokens += len(result.article.text.split())
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.corpus} ({len(texts)} texts)")
    print(f"sitrep: {documents / elapsed:.1f} articles/s, {tokens / elapsed:.0f} tokens/s (whitespace), "
          f"errors: {errors}, elapsed: {elapsed:.1f} s, peak RSS: {peak_mb:.0f} MB")
    print(f"ratio sitrep/plain parse: {documents / elapsed / parse_rate:.2f}")


if __name__ == "__main__":
    main()

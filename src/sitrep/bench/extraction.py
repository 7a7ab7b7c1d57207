"""`sitrep bench`: sitrep's extraction against the parse alone, and a full ingest, on one corpus.

The corpus is `articles` texts from the benchmarks (MUC-4 reports and ACLED notes, interleaved and
repeated as needed; a repeat ends with a line "(copy k)" so the store sees a new article) or the
articles of a JSONL file. It is written once to a temporary JSONL file, and each stage runs in a fresh
process, so no stage profits from another's loaded model or caches and each has its own peak memory:

(a) parse: the same spaCy model, as `spacy.load` gives it, `nlp.pipe` over the cleaned texts;
(b) extract: sitrep's whole pipeline (read, clean, parse, extract) in `workers` processes;
(c) ingest: `store.ingest.ingest_paths` into a new SQLite file.

Rates leave out the start: the clock of a stage starts when its first `WARM_UP` × workers results are
back (models, registry and gazetteer loaded, the first batch parsed), and stops at the last.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..errors import InputNotFound

# One nlp.pipe batch per worker: the clock starts after the first batch, whose parse includes warming up.
WARM_UP = 32
# Where the resident memory of the extraction and ingest stages is sampled, as fractions of the stream.
RSS_SAMPLES = 10
SOURCES = (("muc4/dev.jsonl", "doctext"), ("acled2015/dev.jsonl", "text"))
STAGES = ("parse", "extract", "ingest")


def build_corpus(articles: int, *, benchmarks: Path | None, input_path: Path | None, output: Path) -> list:
    """Write `articles` records to `output` (JSONL), repeating the texts as needed; return the input's errors."""
    texts, errors = _input_texts(input_path) if input_path is not None else (_benchmark_texts(benchmarks or Path()), [])
    if not texts:
        raise InputNotFound("no article texts found", origin=str(input_path or benchmarks))
    with output.open("w", encoding="utf-8") as handle:
        for number, record in enumerate(itertools.islice(itertools.cycle(texts), articles)):
            copy = number // len(texts)
            if copy:
                record = {**record, "text": f"{record['text']}\n\n(copy {copy})"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return errors


def _benchmark_texts(folder: Path) -> list[dict]:
    """MUC-4 reports and ACLED notes, alternating (the first texts of both, then the rest of the longer)."""
    columns = []
    for name, field in SOURCES:
        path = folder / name
        if not path.is_file():
            raise InputNotFound("no such benchmark file; pass --benchmarks DIR or --input FILE.jsonl",
                                origin=str(path))
        with path.open(encoding="utf-8") as handle:
            columns.append([{"text": json.loads(line)[field]} for line in handle if line.strip()])
    mixed = itertools.chain.from_iterable(itertools.zip_longest(*columns))
    return [record for record in mixed if record is not None]


def _input_texts(path: Path) -> tuple[list[dict], list]:
    """The records of a JSONL corpus as sitrep reads them, and the InputErrors of its bad lines (left out)."""
    from ..ingest import read_inputs
    from ..model import InputError

    if not path.is_file():
        raise InputNotFound("no such file", origin=str(path))
    records, errors = [], []
    for item in read_inputs([path]):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        records.append({"text" if item.format == "text" else "html": item.content, "title": item.title,
                        "url": item.url, "published": item.published, "source": item.source})
    return records, errors


def run_bench(*, articles: int, workers: int, benchmarks: Path | None = None, input_path: Path | None = None,
              stages: tuple[str, ...] = STAGES, on_stage=None) -> dict:
    """Build the corpus and time the stages (all three unless told), each in its own process; return every figure."""
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        input_errors = build_corpus(articles, benchmarks=benchmarks, input_path=input_path, output=corpus)
        warm = WARM_UP * workers
        if articles <= 2 * warm:
            raise ValueError(f"--articles must be more than {2 * warm} with {workers} worker(s): "
                             f"the first {warm} results are the warm-up")
        figures = {}
        for name in STAGES:
            if name not in stages:
                continue
            if on_stage is not None:
                on_stage(name)
            with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                figures[name] = pool.submit(_STAGE_RUNNERS[name], str(corpus), workers, warm).result()
    results = {"articles": articles, "workers": workers, "stages": figures,
               "input_errors": [f"{e.origin}: [{e.code}] {e.message}" for e in input_errors]}
    if "parse" in figures:  # tokens are counted by the parse
        results["tokens"] = tokens = figures["parse"].pop("tokens")
        for row in figures.values():
            row["tokens_per_second"] = round(row["articles_per_second"] * tokens / articles)
    if "parse" in figures and "extract" in figures:
        results["ratio"] = round(figures["extract"]["articles_per_second"] / figures["parse"]["articles_per_second"], 2)
    return results


class Clock:
    """Times a stream of results: the steady rate after the first `warm`, the whole wall time, errors, memory."""

    def __init__(self, *, warm: int, total: int, sample_rss: bool = False) -> None:
        self.warm, self.every = warm, max(total // RSS_SAMPLES, 1)
        self.sample_rss = sample_rss
        self.started = time.perf_counter()
        self.warm_at: float | None = None
        self.warm_cpu: float | None = None
        self.count = self.errors = 0
        self.samples: list[list[int]] = []

    def tick(self, error: object = None) -> None:
        self.count += 1
        self.errors += error is not None
        if self.count == self.warm:
            self.warm_at, self.warm_cpu = time.perf_counter(), _cpu_seconds(resource.RUSAGE_SELF)
        if self.sample_rss and self.count % self.every == 0:
            self.samples.append([self.count, _current_rss_mb()])

    def figures(self) -> dict:
        finished = time.perf_counter()
        steady = finished - (self.warm_at or self.started)
        figures = {"results": self.count, "errors": self.errors, "seconds": round(finished - self.started, 2),
                   "steady_seconds": round(steady, 2),
                   "articles_per_second": round((self.count - self.warm) / steady, 2) if steady else None,
                   # CPU time is what a shared machine does not blur; with workers it is spent in the children.
                   "cpu_seconds": round(_cpu_seconds(resource.RUSAGE_SELF) + _cpu_seconds(resource.RUSAGE_CHILDREN), 1),
                   "steady_cpu_ms_per_article": round(1000 * (_cpu_seconds(resource.RUSAGE_SELF) - self.warm_cpu)
                                                      / (self.count - self.warm), 1)
                   if self.warm_cpu is not None and self.count > self.warm else None,
                   "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF),
                   "worker_peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN) or None}
        if self.samples:
            figures["rss_mb_by_articles"] = self.samples
        return figures


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mb(who: int) -> int:
    return round(resource.getrusage(who).ru_maxrss / 1024)  # kilobytes on Linux


def _current_rss_mb() -> int:
    """Resident memory now (Linux /proc); the peak where /proc is missing."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return _peak_rss_mb(resource.RUSAGE_SELF)
    return round(pages * resource.getpagesize() / 2**20)


def _parse_stage(corpus: str, workers: int, warm: int) -> dict:
    """(a) The stock model over the cleaned texts; counts the tokens for every stage's tokens/s."""
    import spacy

    from ..ingest import read_inputs
    from ..model import Article
    from ..nlp import MODEL_NAME
    from ..pipeline import BATCH_SIZE, clean_articles

    texts = [a.text for a in clean_articles(read_inputs([corpus])) if isinstance(a, Article)]
    nlp = spacy.load(MODEL_NAME)
    clock, tokens = Clock(warm=warm, total=len(texts)), 0
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=workers):
        tokens += len(doc)
        clock.tick()
    return {**clock.figures(), "tokens": tokens}


def _extract_stage(corpus: str, workers: int, warm: int) -> dict:
    """(b) sitrep's pipeline from the JSONL file to documents, in `workers` processes."""
    from ..ingest import read_inputs
    from ..model import InputError
    from ..parallel import extract_in_processes
    from ..pipeline import clean_articles

    clock = Clock(warm=warm, total=_lines(corpus), sample_rss=True)
    for result in extract_in_processes(clean_articles(read_inputs([corpus])), workers=workers):
        clock.tick(result if isinstance(result, InputError) else None)
    return clock.figures()


def _ingest_stage(corpus: str, workers: int, warm: int) -> dict:
    """(c) `ingest_paths` into a fresh SQLite knowledge base beside the corpus."""
    from ..store.database import Store
    from ..store.ingest import ingest_paths

    db = Path(corpus).with_suffix(".db")
    clock = Clock(warm=warm, total=_lines(corpus), sample_rss=True)
    with Store(db) as store:
        ingest_paths([corpus], store=store, workers=workers, on_progress=lambda stats, error: clock.tick(error))
    return {**clock.figures(), "database_mb": round(db.stat().st_size / 2**20, 1)}


def _lines(path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        return sum(1 for _ in handle)


_STAGE_RUNNERS = {"parse": _parse_stage, "extract": _extract_stage, "ingest": _ingest_stage}

"""Extract cleaned articles in worker processes: one model load per process, results in input order.

Memory stays flat: at most WINDOW_PER_WORKER articles per worker are in flight,
however long the input stream.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .model import Article, Document, InputError
from .pipeline import extract_articles

# Articles go to a worker in chunks, so that each worker parses with spaCy's batching (`nlp.pipe`) and the
# results cross the process boundary in few messages; one article at a time cost about half again as much CPU.
CHUNK = 8
# Enough queued chunks that no worker waits for the reader, few enough to keep memory flat.
CHUNKS_PER_WORKER = 2


def _extract_chunk(articles: list[Article]) -> list[Document | InputError]:
    return list(extract_articles(articles, batch_size=len(articles)))


def extract_in_processes(items: Iterable[Article | InputError], *, workers: int) -> Iterator[Document | InputError]:
    """Like `pipeline.extract_articles`, spread over `workers` processes (in this process when 1)."""
    if workers <= 1:
        yield from extract_articles(items)
        return
    # spawn, not fork: the parent may run threads (a progress bar) that a fork would copy mid-flight.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future | InputError] = deque()
        chunk: list[Article] = []
        for item in items:
            if isinstance(item, Article):
                chunk.append(item)
                if len(chunk) < CHUNK:
                    continue
            if chunk:  # a full chunk, or an error that must keep its place after the articles before it
                pending.append(pool.submit(_extract_chunk, chunk))
                chunk = []
            if isinstance(item, InputError):
                pending.append(item)
            while len(pending) >= workers * CHUNKS_PER_WORKER:
                yield from _results(pending.popleft())
        if chunk:
            pending.append(pool.submit(_extract_chunk, chunk))
        while pending:
            yield from _results(pending.popleft())


def _results(entry: Future | InputError) -> list[Document | InputError]:
    return [entry] if isinstance(entry, InputError) else entry.result()

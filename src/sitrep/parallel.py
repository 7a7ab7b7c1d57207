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

# Enough queued work that no worker waits for the reader, little enough to keep memory flat.
WINDOW_PER_WORKER = 4


def _extract_one(article: Article) -> Document | InputError:
    return next(extract_articles([article], batch_size=1))


def extract_in_processes(items: Iterable[Article | InputError], *, workers: int) -> Iterator[Document | InputError]:
    """Like `pipeline.extract_articles`, spread over `workers` processes (in this process when 1)."""
    if workers <= 1:
        yield from extract_articles(items)
        return
    # spawn, not fork: the parent may run threads (a progress bar) that a fork would copy mid-flight.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future | InputError] = deque()
        for item in items:
            pending.append(item if isinstance(item, InputError) else pool.submit(_extract_one, item))
            while len(pending) >= workers * WINDOW_PER_WORKER:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(entry: Future | InputError) -> Document | InputError:
    return entry if isinstance(entry, InputError) else entry.result()

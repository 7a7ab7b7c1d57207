"""Ingest: read, clean, extract and store articles, one transaction per article.

Articles already stored (same normalised text) are skipped before the costly
parse, so a re-run after a crash resumes where the last committed article
left off. A write that collides with a concurrent writer (the same article or
actor stored by another process a moment earlier) is retried from scratch.

Example:

    with Store("sitrep.db") as store:
        stats = ingest_paths(["corpus.jsonl"], store=store, workers=2)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ..errors import StoreFailed
from ..ingest import read_inputs
from ..model import Article, Document, InputError
from ..parallel import extract_in_processes
from ..pipeline import clean_articles
from .database import Store
from .write import is_stored, store_document, store_input_error

LOGGER = logging.getLogger(__name__)

# Each retry starts a fresh transaction; a collision with one other writer resolves on the first.
WRITE_ATTEMPTS = 5


@dataclass
class IngestStats:
    """What an ingest did; `errors` counts inputs that could not be read, extracted or stored."""

    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    incidents: int = 0
    errors: int = 0

    @property
    def articles(self) -> int:
        return self.stored + self.replaced + self.unchanged

    def summary(self) -> str:
        return (f"{self.articles} articles ({self.stored} new, {self.replaced} replaced, {self.unchanged} unchanged), "
                f"{self.incidents} incidents, {self.errors} errors")


ProgressCallback = Callable[[IngestStats, InputError | None], None]


def ingest_paths(paths: Iterable[str | Path], *, store: Store, workers: int = 1, reextract: bool = False,
                 on_progress: ProgressCallback | None = None) -> IngestStats:
    """Store every article under `paths`; record every bad input in `input_errors`."""
    stats = IngestStats()

    def report(error: InputError | None = None) -> None:
        if on_progress is not None:
            on_progress(stats, error)

    def unstored(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, Article) and not reextract and _already_stored(store, item.id):
                stats.unchanged += 1
                report()
                continue
            yield item

    articles = unstored(clean_articles(read_inputs(paths)))
    for result in extract_in_processes(articles, workers=workers):
        if isinstance(result, Document):
            result = _store(store, result, stats, reextract=reextract)
        if isinstance(result, InputError):
            stats.errors += 1
            _write(store, lambda session: store_input_error(session, result))
        report(result if isinstance(result, InputError) else None)
    return stats


def _already_stored(store: Store, article_id: str) -> bool:
    with store.session() as session:
        return is_stored(session, article_id)


def _store(store: Store, document: Document, stats: IngestStats, *, reextract: bool) -> InputError | None:
    try:
        outcome = _write(store, lambda session: store_document(session, document, reextract=reextract))
    except (IntegrityError, OperationalError) as exc:
        LOGGER.debug("storing %s failed", document.article.origin, exc_info=True)
        return InputError(origin=document.article.origin, code=StoreFailed.code,
                          message=f"could not store the article: {exc.orig or exc}")
    if outcome == "unchanged":
        stats.unchanged += 1  # another process stored it between our check and our write
        return None
    stats.replaced += outcome in ("replaced", "reextracted")
    stats.stored += outcome == "stored"
    stats.incidents += len(document.incidents)
    return None


def _write(store: Store, write: Callable[[Session], object]):
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with store.writer() as session, session.begin():
                return write(session)
        except (IntegrityError, OperationalError):
            if attempt == WRITE_ATTEMPTS:
                raise
            LOGGER.info("write collided with another writer; retrying (%d/%d)", attempt, WRITE_ATTEMPTS)

"""Paths of the test corpora, and storing results the way ingest does."""

from __future__ import annotations

from pathlib import Path

from sitrep.model import Document, InputError
from sitrep.store.database import Store
from sitrep.store.write import store_document, store_input_error

TESTS = Path(__file__).resolve().parents[1]
CORPUS = TESTS / "store" / "corpus" / "articles.jsonl"
UPDATED = TESTS / "store" / "corpus" / "updated.jsonl"
SECOND_REPORTS = TESTS / "store" / "corpus" / "second_reports.jsonl"
E2E = TESTS / "e2e" / "articles"


def store_results(store: Store, results: list[Document | InputError], **options) -> list[str]:
    """Store each result in its own transaction, as ingest does; return the outcomes."""
    outcomes = []
    for result in results:
        with store.writer() as session, session.begin():
            if isinstance(result, InputError):
                store_input_error(session, result)
                outcomes.append("error")
            else:
                outcomes.append(store_document(session, result, **options))
    return outcomes

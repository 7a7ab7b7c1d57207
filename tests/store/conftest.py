"""Extraction results shared by the store tests, extracted once per session (the model loads once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.model import Document, InputError
from sitrep.pipeline import process_paths
from sitrep.store.database import Store

from .support import CORPUS, E2E, UPDATED, store_results


@pytest.fixture(scope="session")
def extracted() -> list[Document | InputError]:
    """The e2e articles and the hand-written corpus (one bad line), as the pipeline reads them."""
    return list(process_paths([E2E, CORPUS]))


@pytest.fixture(scope="session")
def updated() -> Document:
    """The Kabul article again under the same URL, with a higher toll."""
    (document,) = process_paths([UPDATED])
    return document


@pytest.fixture()
def store(database_url: str) -> Iterator[Store]:
    with Store(database_url) as store:
        yield store


@pytest.fixture()
def filled(store: Store, extracted) -> Store:
    store_results(store, extracted)
    return store

"""Extraction results shared by the store tests, extracted once per session (the model loads once)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.model import Document, InputError
from sitrep.pipeline import process_paths
from sitrep.store.database import Store

from .support import CORPUS, E2E, SECOND_REPORTS, UPDATED, store_results


@pytest.fixture(scope="session")
def extracted() -> list[Document | InputError]:
    """The e2e articles and the hand-written corpus (one bad line), as the pipeline reads them."""
    return list(process_paths([E2E, CORPUS]))


@pytest.fixture(scope="session")
def updated() -> Document:
    """The Kabul article again under the same URL, with a higher toll."""
    (document,) = process_paths([UPDATED])
    return document


@pytest.fixture(scope="session")
def second_reports() -> list[Document]:
    """A second outlet's report of the Kabul bombing (toll nine), and a protest in Kabul the same day."""
    return list(process_paths([SECOND_REPORTS]))


@pytest.fixture()
def store(database_url: str) -> Iterator[Store]:
    with Store(database_url) as store:
        yield store


@pytest.fixture(scope="session")
def filled_templates() -> dict[str, str]:
    """Per back end, a database holding the extracted corpus, built once and copied for each test."""
    return {}


@pytest.fixture()
def filled(backend: str, request, tmp_path: Path, tmp_path_factory, extracted, filled_templates) -> Iterator[Store]:
    """A database holding every extracted article and the bad input."""
    if backend not in filled_templates:
        if backend == "sqlite":
            filled_templates[backend] = str(tmp_path_factory.mktemp("template") / "filled.db")
        else:
            filled_templates[backend] = request.getfixturevalue("postgres_server").create_database()
        with Store(filled_templates[backend]) as template:
            store_results(template, extracted)
    if backend == "sqlite":
        url = str(shutil.copy(filled_templates[backend], tmp_path / "filled.db"))
    else:
        url = request.getfixturevalue("postgres_server").create_database(
            template=filled_templates[backend].rsplit("/", 1)[1])
    with Store(url) as store:
        yield store

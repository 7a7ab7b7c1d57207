"""One small knowledge base for every web test, built once per session (spaCy loads once): the e2e articles,
the store corpus and an article full of XSS payloads. Each test that writes gets its own copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.model import InputError
from sitrep.pipeline import process_paths
from sitrep.store import users
from sitrep.store.database import Store
from sitrep.store.write import store_document

TESTS = Path(__file__).resolve().parents[1]
ARTICLES = [TESTS / "e2e" / "articles", TESTS / "store" / "corpus" / "articles.jsonl",
            TESTS / "web" / "corpus" / "xss.jsonl"]
PASSWORDS = {"vera": "viewer-pass", "ed": "editor-pass", "ada": "admin-pass"}
ROLES = {"vera": "viewer", "ed": "editor", "ada": "admin"}


@pytest.fixture(scope="session")
def kb_template(tmp_path_factory) -> Path:
    """The knowledge base, read-only (no users); copy it before writing."""
    path = tmp_path_factory.mktemp("kb") / "template.db"
    with Store(path) as store:
        for result in process_paths(ARTICLES):
            if not isinstance(result, InputError):
                with store.writer() as session, session.begin():
                    store_document(session, result)
    return path


@pytest.fixture(scope="session")
def kb_with_users(kb_template, tmp_path_factory) -> Path:
    """The knowledge base with a viewer, an editor and an admin (argon2 hashing is slow: done once)."""
    path = shutil.copy(kb_template, tmp_path_factory.mktemp("kb-users") / "users.db")
    with Store(path) as store, store.writer() as session, session.begin():
        for name, password in PASSWORDS.items():
            users.add_user(session, name=name, role=ROLES[name], password=password)
    return Path(path)


@pytest.fixture()
def kb(kb_with_users, tmp_path) -> Path:
    """A private copy with users, for tests that write."""
    return Path(shutil.copy(kb_with_users, tmp_path / "kb.db"))


def client_for(db: Path, **options):
    from fastapi.testclient import TestClient

    from sitrep.web import create_app

    return TestClient(create_app(db, **options), follow_redirects=False)


@pytest.fixture(scope="session")
def reader(kb_template):
    """A client on the read-only knowledge base (no users), shared by the read tests."""
    with client_for(kb_template) as client:
        yield client


@pytest.fixture()
def client(kb) -> Iterator:
    """A client on a private copy with users."""
    with client_for(kb) as client:
        yield client

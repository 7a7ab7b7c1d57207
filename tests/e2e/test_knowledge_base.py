"""The knowledge base from the command line: ingest → incidents → export, kill -9 in the middle of an ingest,
two ingests at once on one PostgreSQL database. Every check compares with an uninterrupted ingest."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sitrep.store.database import Store
from sitrep.store.ingest import ingest_paths
from sitrep.store.query import list_actors, list_incidents, list_relations
from sitrep.store.schema import ArticleRow, Base

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT / "tests" / "e2e" / "articles"
CORPUS = ROOT / "tests" / "store" / "corpus" / "articles.jsonl"
SAMPLE = ROOT / "examples" / "quetta-police-college-2016-10-26.txt"
# The same seed every run: the kill points vary across rounds, not across runs.
KILL_SEED = 6
CLI_TIMEOUT = 300


def sitrep(*args: str) -> list[str]:
    return [sys.executable, "-m", "sitrep", *map(str, args)]


def contents(db: str) -> dict:
    """Everything a user can read out of a knowledge base, independent of row order."""
    with Store(db) as store, store.session() as session:
        counts = {name: session.scalar(select(func.count()).select_from(table))
                  for name, table in Base.metadata.tables.items() if name != "alembic_version"}
        return {
            "counts": counts,
            "incidents": sorted(list_incidents(session), key=lambda i: i["id"]),
            "relations": sorted(list_relations(session), key=lambda r: r["id"]),
            "actors": sorted(list_actors(session), key=lambda a: a["id"]),
        }


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """What an uninterrupted, in-process ingest of `paths` stores (computed once per set of paths)."""
    cache: dict[tuple[Path, ...], dict] = {}

    def read(paths: list[Path]) -> dict:
        if tuple(paths) not in cache:
            db = str(tmp_path_factory.mktemp("reference") / "reference.db")
            with Store(db) as store:
                ingest_paths(paths, store=store)
            cache[tuple(paths)] = contents(db)
        return cache[tuple(paths)]
    return read


def stored_articles(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(ArticleRow))


def test_ingest_incidents_and_export_from_the_command_line(tmp_path, reference):
    db = tmp_path / "kb.db"
    ingest = subprocess.run(sitrep("ingest", E2E, CORPUS, "--db", db, "--workers", "2"), capture_output=True,
                            text=True, timeout=CLI_TIMEOUT)
    assert ingest.returncode == 1, ingest.stderr  # the corpus has one malformed line
    assert f"error: {CORPUS}:3: [E105]" in ingest.stderr
    assert "7 articles (7 new, 0 replaced, 0 unchanged), 8 incidents, 1 errors" in ingest.stderr
    listed = subprocess.run(sitrep("incidents", "--db", db, "--country", "PK", "--json"), capture_output=True,
                            text=True, timeout=CLI_TIMEOUT, check=True)
    assert sorted(i["location"]["name"] for i in json.loads(listed.stdout)) == ["Peshawar", "Quetta"]
    geojson = tmp_path / "pk.geojson"
    subprocess.run(sitrep("export", "--format", "geojson", "--country", "PK", "-o", geojson, "--db", db),
                   capture_output=True, timeout=CLI_TIMEOUT, check=True)
    assert len(json.loads(geojson.read_text(encoding="utf-8"))["features"]) == 2
    assert contents(str(db)) == reference([E2E, CORPUS])


@pytest.mark.slow
def test_an_ingest_killed_at_random_points_and_rerun_loses_and_duplicates_nothing(database_url, reference):
    rng = random.Random(KILL_SEED)
    command = sitrep("ingest", E2E, CORPUS, "--db", database_url, "--quiet")
    # First kill while the process starts up (loading the model, maybe migrating the fresh database).
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.1, 1.0))  # importing spaCy alone takes longer
    process.kill()
    process.wait()
    with Store(database_url) as store:  # then a kill just after an article was committed, mid-way through the writes
        before = stored_articles(store)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + CLI_TIMEOUT
        while stored_articles(store) == before and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.01))  # the seven writes take a fraction of a second: kill among them
        process.kill()
        process.wait()
        assert before < stored_articles(store) < 7, "the kill did not land between two articles"
    final = subprocess.run(command, capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert final.returncode == 1, final.stderr  # the malformed line, reported again
    assert contents(database_url) == reference([E2E, CORPUS])


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql"])
def test_two_ingests_at_once_with_overlapping_inputs_store_each_article_once(database_url, reference):
    first = subprocess.Popen(sitrep("ingest", E2E, CORPUS, "--db", database_url, "--quiet"),
                             stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(sitrep("ingest", CORPUS, SAMPLE, E2E, "--db", database_url, "--quiet"),
                              stderr=subprocess.PIPE, text=True)
    for process in (first, second):
        _, stderr = process.communicate(timeout=CLI_TIMEOUT)
        assert process.returncode == 1, stderr  # each reports the malformed line
        assert "Traceback" not in stderr
    assert contents(database_url) == reference([E2E, CORPUS, SAMPLE])

"""Storing extraction results: each article once, a changed article replaces its extraction, evidence offsets
hold, bad inputs are recorded; on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from sitrep.model import Document
from sitrep.pipeline import process_paths
from sitrep.store.database import Store, database_url
from sitrep.store.ingest import ingest_paths
from sitrep.store.schema import (
    ArticleRow,
    AuditLogRow,
    Base,
    EvidenceRow,
    IncidentReportRow,
    IncidentRow,
    InputErrorRow,
    SentenceRow,
)

from .support import CORPUS, E2E, store_results


def table_counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {name: session.scalar(select(func.count()).select_from(table))
                for name, table in Base.metadata.tables.items()}


def test_the_migrations_build_exactly_the_tables_the_models_declare(store):
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_opening_a_migrated_database_again_keeps_its_data(filled):
    before = table_counts(filled)
    with Store(filled.url) as reopened:
        assert table_counts(reopened) == before


def test_postgresql_urls_are_driven_by_psycopg_3():
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("kb.db") == "sqlite:///kb.db"


def test_each_article_is_stored_once_and_storing_it_again_changes_nothing(store, extracted):
    first = store_results(store, extracted)
    assert first.count("stored") == sum(isinstance(r, Document) for r in extracted) == 7
    counts = table_counts(store)
    assert counts["articles"] == 7 and counts["incidents"] == counts["incident_reports"] == 8
    again = store_results(store, extracted)
    assert set(again) == {"unchanged", "error"}
    assert table_counts(store) == counts


def test_a_changed_article_under_the_same_url_replaces_the_old_extraction(filled, updated):
    (outcome,) = store_results(filled, [updated])
    assert outcome == "replaced"
    with filled.session() as session:
        articles = session.scalars(select(ArticleRow).where(ArticleRow.url == updated.article.url)).all()
        assert [a.id for a in articles] == [updated.article.id]
        tolls = session.scalars(select(IncidentRow.fatalities_min).where(IncidentRow.location_name == "Kabul")).all()
        assert tolls == [9]
        replaced = session.scalars(select(AuditLogRow).where(AuditLogRow.action == "replace_article")).one()
        assert replaced.detail == {"by": updated.article.id}


def test_reextracting_an_article_keeps_one_copy_of_everything(filled, extracted):
    counts = table_counts(filled)
    outcomes = store_results(filled, extracted, reextract=True)
    assert set(outcomes) == {"reextracted", "error"}
    counts["audit_log"] += 7  # one reextract_article entry per article
    assert table_counts(filled) == counts


def test_every_evidence_sentence_is_its_article_text_at_its_offsets(filled):
    with filled.session() as session:
        rows = session.execute(select(SentenceRow, ArticleRow.text).join(ArticleRow)).all()
        assert rows
        for sentence, text in rows:
            assert text[sentence.start:sentence.end] == sentence.text
        reports = session.scalars(select(IncidentReportRow.id)).all()
        supported = set(session.scalars(select(EvidenceRow.record_id).where(
            EvidenceRow.record_type == "incident_report")))
        assert set(reports) <= supported


def test_a_bad_input_is_recorded_with_file_and_line_and_cleared_once_it_goes_in(store, tmp_path: Path):
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text('{"title": "t"}\n', encoding="utf-8")
    store_results(store, list(process_paths([corpus])))
    with store.session() as session:
        error = session.scalars(select(InputErrorRow)).one()
        assert (error.file, error.line, error.code) == (str(corpus), 1, "E105")
    corpus.write_text('{"text": "Gunmen shot dead two policemen in Peshawar on Monday, officials said."}\n',
                      encoding="utf-8")
    assert store_results(store, list(process_paths([corpus]))) == ["stored"]
    with store.session() as session:
        assert session.scalars(select(InputErrorRow)).all() == []


def test_ingest_stores_articles_and_errors_and_a_rerun_skips_what_is_stored(store):
    first = ingest_paths([E2E, CORPUS], store=store)
    assert (first.stored, first.unchanged, first.errors, first.incidents) == (7, 0, 1, 8)
    second = ingest_paths([E2E, CORPUS], store=store)
    assert (second.stored, second.unchanged, second.errors, second.incidents) == (0, 7, 1, 0)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(InputErrorRow)) == 1


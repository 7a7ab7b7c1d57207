"""The documentation stays true: the committed schema matches the model, every command is documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import app
from sitrep.cli_store import review_app
from sitrep.model import Document

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_matches_the_model():
    committed = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert committed == Document.model_json_schema(), "run: sitrep schema -o docs/schema.json"


def test_every_output_field_is_explained_in_output_md():
    text = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    schema = Document.model_json_schema()
    for name, definition in schema["$defs"].items():
        if name == "InputError":
            continue
        for field in definition.get("properties", {}):
            assert f"`{field}`" in text, f"{name}.{field} is not explained in docs/output.md"


@pytest.mark.parametrize("command", [c.name or c.callback.__name__ for c in app.registered_commands])
def test_every_command_is_in_the_readme(command):
    assert f"sitrep {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_table_and_column_of_the_knowledge_base_is_in_database_md():
    from sitrep.store.schema import Base

    text = (ROOT / "docs" / "database.md").read_text(encoding="utf-8")
    for table in Base.metadata.tables.values():
        assert f"`{table.name}`" in text, f"table {table.name} is not described in docs/database.md"
        for column in table.columns:
            assert f"`{column.name}`" in text, f"{table.name}.{column.name} is not described in docs/database.md"


def test_every_export_format_and_column_is_in_exports_md():
    from sitrep.export import FORMATS
    from sitrep.export.conflict_csv import ACLED_COLUMNS, GTD_COLUMNS
    from sitrep.export.flat import FLAT_COLUMNS

    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    for name in [*FORMATS, *ACLED_COLUMNS, *GTD_COLUMNS, *FLAT_COLUMNS]:
        assert f"`{name}`" in text, f"{name} is not documented in docs/exports.md"


@pytest.mark.parametrize("command", [c.name for c in review_app.registered_commands])
def test_every_review_command_is_in_the_readme(command):
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")

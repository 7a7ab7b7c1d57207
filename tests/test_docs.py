"""The documentation stays true: the committed schema matches the model, every command is documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import app
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

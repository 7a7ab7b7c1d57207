"""`sitrep users` and `sitrep serve`: users added from the command line, and clear messages instead of
tracebacks when the browser libraries are missing."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import users
from sitrep.store.database import Store

runner = CliRunner()


def test_users_add_reads_the_password_from_stdin_and_lists_users(kb_template, tmp_path):
    db = str(shutil.copy(kb_template, tmp_path / "kb.db"))
    added = runner.invoke(app, ["users", "add", "ana", "--role", "editor", "--password-stdin", "--db", db],
                          input="correct horse\n")
    assert added.exit_code == 0 and "ana added as editor" in added.output
    with Store(db) as store, store.writer() as session, session.begin():
        assert users.authenticate(session, name="ana", password="correct horse") is not None
    listed = runner.invoke(app, ["users", "list", "--db", db])
    assert "ana\teditor" in listed.output


def test_users_add_refuses_a_bad_role_with_one_line(kb_template, tmp_path):
    db = str(shutil.copy(kb_template, tmp_path / "kb.db"))
    result = runner.invoke(app, ["users", "add", "bob", "--role", "boss", "--password-stdin", "--db", db], input="x\n")
    assert result.exit_code == 1 and "[E401] unknown role 'boss'" in result.output
    assert "Traceback" not in result.output


def test_serve_without_the_browser_libraries_says_how_to_install_them(kb_template, tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_NODE_MODULES", str(tmp_path / "empty"))
    result = runner.invoke(app, ["serve", "--db", str(kb_template)])
    assert result.exit_code == 1 and "[E402]" in result.output and "npm ci" in result.output
    assert "Traceback" not in result.output

"""Fixtures shared by the knowledge-base tests: a throw-away PostgreSQL server, and a fresh database on each
back end (the store tests run once on SQLite and once on PostgreSQL)."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

INSTALL_HINT = "PostgreSQL server binaries not found: apt-get install -y postgresql (.ci/run does this)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A cluster in a temporary folder, on a loopback port, with fsync off: made to be thrown away."""

    def __init__(self, bindir: Path, root: Path):
        self.bindir, self.root, self.port = bindir, root, _free_port()
        self._numbers = itertools.count(1)
        # initdb refuses to run as root: the cluster belongs to the postgres user then.
        self._as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as_owner:
            shutil.chown(root, "postgres")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self._as_owner, str(self.bindir / tool), *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = self.root / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.root / "server.log"), "-w", "start")

    def stop(self) -> None:
        # immediate: nothing in a throw-away cluster is worth a shutdown checkpoint.
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, *, template: str | None = None) -> str:
        """A new database, empty or a copy of `template` (a database nobody is connected to)."""
        name = f"sitrep_test_{next(self._numbers)}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb") or ""]
    if not found[-1]:
        pytest.fail(INSTALL_HINT)
    root = Path(tempfile.mkdtemp(prefix="sitrep-postgres-"))
    server = PostgresServer(Path(found[-1]).parent, root)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture()
def database_url(backend: str, request, tmp_path: Path) -> str:
    """A fresh, empty database on each back end."""
    if backend == "sqlite":
        return str(tmp_path / "sitrep.db")
    return request.getfixturevalue("postgres_server").create_database()

"""Open the knowledge base: an embedded SQLite file by default, or PostgreSQL for a team.

Opening migrates the database to the newest schema, so a fresh path just works.

Example:

    store = Store("sitrep.db")                       # or "postgresql://user@host/sitrep"
    with store.writer() as session, session.begin():
        ...  # store.session() for reading
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from .migrate import upgrade_to_head
from .version import current_version, track_changes

DEFAULT_DATABASE = "sitrep.db"
# Ingest holds the SQLite write lock for one article at a time; a second writer waits this long for it.
SQLITE_BUSY_TIMEOUT_MS = 120_000
WRITE_OPTION = "sitrep_writes"
POSTGRES_SCHEME = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://")


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for a path, a sqlite:// URL or a postgresql:// URL (driven by psycopg 3)."""
    text = str(db)
    if POSTGRES_SCHEME.match(text):
        return POSTGRES_SCHEME.sub("postgresql+psycopg://", text, count=1)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def create_store_engine(url: str) -> Engine:
    """An engine whose transactions behave alike on both back ends."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _configure_sqlite(dbapi_connection, _record) -> None:
        # Autocommit at the driver, so that the "begin" hook below decides how transactions start.
        dbapi_connection.isolation_level = None
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL",
                       f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # A writer takes the write lock up front: a deferred transaction that later needs it fails with
        # "database is locked" instead of waiting, when another process writes at the same time.
        # Readers stay deferred, so that in WAL mode they never wait for a writer.
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


class Store:
    """A knowledge base: an engine on a migrated database and a session factory."""

    def __init__(self, db: str | Path = DEFAULT_DATABASE):
        self.url = database_url(db)
        self.engine = create_store_engine(self.url)
        writer_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        upgrade_to_head(writer_engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writer_sessions = sessionmaker(writer_engine, expire_on_commit=False)
        for sessions in (self._sessions, self._writer_sessions):
            track_changes(sessions)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        """A session for reading."""
        return self._sessions()

    def writer(self) -> Session:
        """A session for writing: on SQLite its transactions wait for the write lock when they begin."""
        return self._writer_sessions()

    def version(self) -> int:
        """A number that every committed change to the knowledge base raises (see store/version.py)."""
        return current_version(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def insert_for(session: Session, table):
    """An INSERT that knows ON CONFLICT on both back ends."""
    dialect = session.get_bind().dialect.name
    return (postgresql_insert if dialect == "postgresql" else sqlite_insert)(table)

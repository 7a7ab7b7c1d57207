"""The knowledge base's version: a number that every committed change to it raises, so that a reader can tell
in one small query whether anything changed since it last looked (the web app's response cache keys on it).

Every session of a Store is tracked: a transaction that inserted, updated or deleted rows of a knowledge table
(anything but the web app's users and sign-in sessions) raises the number as it commits. Changes made with
SQL outside sitrep do not; such a user raises it by hand:

    UPDATE kb_version SET version = version + 1;
"""

from __future__ import annotations

from itertools import chain

from sqlalchemy import Engine, event, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from .schema import KnowledgeBaseVersionRow, UserRow, WebSessionRow

# Signing in and out changes no answer the web app caches.
UNTRACKED_TABLES = {UserRow.__tablename__, WebSessionRow.__tablename__, KnowledgeBaseVersionRow.__tablename__}
CHANGED = "sitrep_kb_changed"  # key in Session.info


def track_changes(sessions: sessionmaker) -> None:
    """Make every session from `sessions` raise the version when it commits a change to the knowledge base."""
    event.listen(sessions, "do_orm_execute", _note_statement)
    event.listen(sessions, "after_flush", _note_flush)
    event.listen(sessions, "before_commit", _raise_version)
    event.listen(sessions, "after_rollback", _forget)


def current_version(engine: Engine) -> int:
    """The version now: one read by primary key, on a pooled driver connection (a tenth of the time of a
    SQLAlchemy connection and its transaction: the web app asks on every cached request)."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT version FROM kb_version WHERE id = 1")
        (version,) = cursor.fetchone()
        cursor.close()
        return version
    finally:
        connection.close()  # back to the pool, which ends any transaction the driver began


def _tracked(table) -> bool:
    return getattr(table, "name", None) not in UNTRACKED_TABLES


def _note_statement(state: ORMExecuteState) -> None:
    # INSERT, UPDATE and DELETE statements run through the session (bulk writes: no objects to flush).
    if (state.is_insert or state.is_update or state.is_delete) and _tracked(state.statement.table):
        state.session.info[CHANGED] = True


def _objects_change_knowledge(session: Session) -> bool:
    return any(_tracked(obj.__table__) for obj in chain(session.new, session.dirty, session.deleted))


def _note_flush(session: Session, _context) -> None:
    # Objects added, changed or deleted: the lists still hold what this flush wrote.
    if _objects_change_knowledge(session):
        session.info[CHANGED] = True


def _raise_version(session: Session) -> None:
    # Objects not flushed yet are written by the commit's own flush, after this hook.
    if session.info.pop(CHANGED, False) or _objects_change_knowledge(session):
        session.execute(update(KnowledgeBaseVersionRow).where(KnowledgeBaseVersionRow.id == 1)
                        .values(version=KnowledgeBaseVersionRow.version + 1))
        session.info.pop(CHANGED, None)  # the flush before that UPDATE noted the same changes again


def _forget(session: Session) -> None:
    session.info.pop(CHANGED, None)

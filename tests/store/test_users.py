"""Web users: argon2 hashes, roles, sign-in sessions that expire and end."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from sitrep.errors import InvalidUser
from sitrep.store import users
from sitrep.store.schema import UserRow, WebSessionRow


def test_a_user_signs_in_with_the_right_password_only(store):
    with store.writer() as session, session.begin():
        assert not users.has_users(session)
        users.add_user(session, name="ana", role="editor", password="s3cret")
    with store.writer() as session, session.begin():
        assert users.has_users(session)
        stored = session.query(UserRow).one()
        assert stored.password_hash.startswith("$argon2id$") and "s3cret" not in stored.password_hash
        assert users.authenticate(session, name="ana", password="s3cret").role == "editor"
        assert users.authenticate(session, name="ana", password="wrong") is None
        assert users.authenticate(session, name="bob", password="s3cret") is None


@pytest.mark.parametrize(("name", "role", "password", "words"), [
    ("ana", "editor", "x", "exists already"), ("bob", "boss", "x", "unknown role"), ("bob", "viewer", "", "empty"),
    (" ", "viewer", "x", "1 to 80"),
])
def test_bad_users_are_refused(store, name, role, password, words):
    with store.writer() as session, session.begin():
        users.add_user(session, name="ana", role="viewer", password="x")
    with pytest.raises(InvalidUser, match=words), store.writer() as session, session.begin():
        users.add_user(session, name=name, role=role, password=password)


def test_sessions_know_their_user_until_they_expire_or_close(store):
    with store.writer() as session, session.begin():
        user = users.add_user(session, name="ana", role="admin", password="x")
        token, other = users.open_session(session, user), users.open_session(session, user)
    with store.session() as session:
        signed_in = users.session_user(session, token)
    assert (signed_in.name, signed_in.role) == ("ana", "admin") and signed_in.may("editor")
    assert session.get(WebSessionRow, token) is None  # only the token's hash is stored
    with store.writer() as session, session.begin():
        users.close_session(session, token)
        session.execute(update(WebSessionRow).values(expires_at=dt.datetime.now(dt.timezone.utc)))
    with store.session() as session:
        assert users.session_user(session, token) is None and users.session_user(session, other) is None


def test_roles_are_ordered():
    viewer = users.SignedIn("v", "viewer")
    assert viewer.may("viewer") and not viewer.may("editor") and not viewer.may("admin")

"""Web app users: roles, argon2 password hashes, sign-in sessions.

Passwords are hashed with argon2id (argon2-cffi's defaults); a session is a
random token in the browser's cookie, stored here only as its SHA-256, with a
CSRF token of its own. With no user in the table the web app is read-only.

Example:

    with store.writer() as session, session.begin():
        users.add_user(session, name="ana", role="editor", password="correct horse")
    with store.writer() as session, session.begin():
        user = users.authenticate(session, name="ana", password="correct horse")
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from ..errors import InvalidUser
from .schema import UserRow, WebSessionRow

ROLES = ("viewer", "editor", "admin")
# A working day: long enough for a review session, short enough that a forgotten browser signs out.
SESSION_LIFETIME = dt.timedelta(hours=12)
MAX_NAME_LENGTH = 80
_hasher = PasswordHasher()


@dataclass(frozen=True)
class SignedIn:
    """A user with the session they came with (none for HTTP Basic)."""

    name: str
    role: str
    csrf_token: str | None = None

    def may(self, role: str) -> bool:
        """Whether this user's role is `role` or above it (viewer < editor < admin)."""
        return ROLES.index(self.role) >= ROLES.index(role)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(UserRow.id.is_not(None)))))


def list_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.name)))


def add_user(session: Session, *, name: str, role: str, password: str) -> UserRow:
    """A new user; the password is kept only as its argon2 hash."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise InvalidUser(f"a user name is 1 to {MAX_NAME_LENGTH} characters")
    if role not in ROLES:
        raise InvalidUser(f"unknown role {role!r}; one of: {', '.join(ROLES)}")
    if not password:
        raise InvalidUser("the password is empty")
    if session.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
        raise InvalidUser(f"user {name!r} exists already")
    user = UserRow(name=name, role=role, password_hash=_hasher.hash(password), created_at=_now())
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, *, name: str, password: str) -> UserRow | None:
    """The user when the password is theirs, else None (the same answer for an unknown name)."""
    user = session.scalar(select(UserRow).where(UserRow.name == name))
    if user is None:
        _hasher.hash(password)  # as slow as a wrong password, so timing does not tell which names exist
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def open_session(session: Session, user: UserRow) -> str:
    """A new sign-in session for `user`; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = _now()
    session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < now))
    session.add(WebSessionRow(id=_digest(token), user_id=user.id, csrf_token=secrets.token_urlsafe(32),
                              created_at=now, expires_at=now + SESSION_LIFETIME))
    session.flush()
    return token


def session_user(session: Session, token: str) -> SignedIn | None:
    """Who holds this cookie token, while the session lasts."""
    found = session.execute(select(UserRow, WebSessionRow)
                            .join(WebSessionRow, WebSessionRow.user_id == UserRow.id)
                            .where(WebSessionRow.id == _digest(token))).first()
    if found is None or found[1].expires_at <= _now():
        return None
    user, web_session = found
    return SignedIn(user.name, user.role, web_session.csrf_token)


def close_session(session: Session, token: str) -> None:
    session.execute(delete(WebSessionRow).where(WebSessionRow.id == _digest(token)))

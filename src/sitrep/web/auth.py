"""Who is asking: browsers sign in with a session cookie, API clients send HTTP Basic credentials.

Reading needs no sign-in. Writing needs an editor (admins too); the review pages need a signed-in user.
With no user in the store the app is read-only: every write answers 403 and says how to add one.
Form posts carry the session's CSRF token (the login form, before any session, a double-submit cookie);
the session cookie is HttpOnly and SameSite=Strict.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from ..store import users
from ..store.users import SignedIn
from .deps import get_store

SESSION_COOKIE = "sitrep_session"
LOGIN_CSRF_COOKIE = "sitrep_login_csrf"
READ_ONLY = "read-only: this knowledge base has no users; add one with `sitrep users add NAME --role editor`"
_basic = HTTPBasic(auto_error=False, description="A user added with `sitrep users add` (role editor or admin).")


class SignInRequired(Exception):
    """A page needs a signed-in user: the pages answer with a redirect to the login form."""


def who(request: Request) -> tuple[bool, SignedIn | None]:
    """Whether the store has users, and who this browser signed in as: looked up once per request, in a session
    of its own that is closed before the page's own queries start (so no request ever holds two connections)."""
    cached = getattr(request.state, "who", None)
    if cached is None:
        token = request.cookies.get(SESSION_COOKIE)
        with get_store(request).session() as session:
            cached = (users.has_users(session), users.session_user(session, token) if token else None)
        request.state.who = cached
    return cached


def has_users(request: Request) -> bool:
    return who(request)[0]


def cookie_user(request: Request) -> SignedIn | None:
    """The user signed in with this browser's session cookie, if any."""
    return who(request)[1]


def _basic_user(request: Request, credentials: HTTPBasicCredentials | None) -> SignedIn:
    if not has_users(request):
        raise HTTPException(status.HTTP_403_FORBIDDEN, READ_ONLY)
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "sign in with HTTP Basic: a user of `sitrep users add`",
                            headers={"WWW-Authenticate": 'Basic realm="sitrep"'})
    with get_store(request).writer() as session, session.begin():
        user = users.authenticate(session, name=credentials.username, password=credentials.password)
        if user is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong user name or password",
                                headers={"WWW-Authenticate": 'Basic realm="sitrep"'})
        return SignedIn(user.name, user.role)


def _require(user: SignedIn, role: str) -> SignedIn:
    if not user.may(role):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"{user.name} is a {user.role}; this needs the role {role}"
                                                       " or above")
    return user


def api_editor(request: Request, credentials: Annotated[HTTPBasicCredentials | None, Depends(_basic)]) -> SignedIn:
    """An API client allowed to edit (HTTP Basic)."""
    return _require(_basic_user(request, credentials), "editor")


def page_user(request: Request) -> SignedIn:
    """The signed-in user a review page needs; read-only stores answer 403, strangers go to the login form."""
    if not has_users(request):
        raise HTTPException(status.HTTP_403_FORBIDDEN, READ_ONLY)
    user = cookie_user(request)
    if user is None:
        raise SignInRequired()
    return user


def page_editor(user: Annotated[SignedIn, Depends(page_user)]) -> SignedIn:
    return _require(user, "editor")


def check_csrf(expected: str | None, given: str | None) -> None:
    """A form post must carry the token its page was rendered with."""
    if not expected or not given or not secrets.compare_digest(expected, given):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the form is stale or came from another site (CSRF token "
                                                       "missing or wrong): reload the page and send it again")


EditorDep = Annotated[SignedIn, Depends(api_editor)]
PageUserDep = Annotated[SignedIn, Depends(page_user)]
PageEditorDep = Annotated[SignedIn, Depends(page_editor)]

"""Who is asking: browsers sign in with a session cookie, API clients send HTTP Basic credentials.

Reading needs no sign-in. Writing needs an editor (admins too); the review pages need a signed-in user.
With no user in the store the app is read-only: every write answers 403 and says how to add one.
Form posts carry the session's CSRF token (the login form, before any session, a double-submit cookie);
the session cookie is HttpOnly and SameSite=Strict. After MAX_FAILURES wrong passwords for one user name within
FAILURE_WINDOW, that name is refused (429) until the oldest failure is that old, in each server process: guessing
a password stays slow even where argon2 is fast.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from ..store import users
from ..store.users import SignedIn
from .deps import get_store

SESSION_COOKIE = "sitrep_session"
LOGIN_CSRF_COOKIE = "sitrep_login_csrf"
READ_ONLY = "read-only: this knowledge base has no users; add one with `sitrep users add NAME --role editor`"
MAX_FAILURES = 5
FAILURE_WINDOW = 15 * 60.0  # seconds
_basic = HTTPBasic(auto_error=False, description="A user added with `sitrep users add` (role editor or admin).")


class SignInRequired(Exception):
    """A page needs a signed-in user: the pages answer with a redirect to the login form."""


class SignInThrottle:
    """Recent wrong passwords per user name, in this process."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = FAILURE_WINDOW):
        self.max_failures, self.window = max_failures, window
        self._failures: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()  # sign-ins run in worker threads

    def wait(self, name: str) -> float:
        """Seconds until `name` may try again; 0 when it may now."""
        with self._lock:
            failures = self._failures.get(name.casefold())  # asking about a name keeps nothing for it
            if not failures:
                return 0.0
            while failures and failures[0] <= time.monotonic() - self.window:
                failures.popleft()
            return failures[0] + self.window - time.monotonic() if len(failures) >= self.max_failures else 0.0

    def failed(self, name: str) -> None:
        with self._lock:
            self._failures[name.casefold()].append(time.monotonic())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name.casefold(), None)


def sign_in(request: Request, name: str, password: str) -> users.UserRow | None:
    """The user whose name and password these are, None when wrong; 429 when the name had too many wrong
    passwords lately (the password is then not even checked)."""
    throttle: SignInThrottle = request.app.state.sign_in_throttle
    wait = throttle.wait(name)
    if wait > 0:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, f"too many wrong passwords for {name!r}: try again in "
                            f"{max(1, round(wait / 60))} min", headers={"Retry-After": str(int(wait) + 1)})
    with get_store(request).writer() as session, session.begin():
        user = users.authenticate(session, name=name, password=password)
    (throttle.succeeded if user else throttle.failed)(name)
    return user


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
    user = sign_in(request, credentials.username, credentials.password)
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

"""Sign in and out, and the review forms of the incident page: correct a field, reject, merge, split, undo.

Every form post carries a CSRF token; every edit goes through sitrep.store.review with the signed-in user as
author, so it shows in the audit log like an edit made with `sitrep review`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from ...errors import SitrepError
from ...store import review, users
from ..api.review import undo_edit
from ..auth import (LOGIN_CSRF_COOKIE, SESSION_COOKIE, PageEditorDep, check_csrf, cookie_user, has_users,
                    sign_in)
from ..deps import get_store
from ..templates import render
from .browse import incident_page

router = APIRouter()
Text = Annotated[str, Form()]
IDS = re.compile(r"[\s,]+")


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='')}"


def _local(target: str | None) -> str:
    """Only a path on this site: `next` must not send a signed-in user elsewhere (//evil.example, https://...)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", {"csrf": token, "next": _local(next), "error": None})
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, name: Text, password: Text, csrf: Text, next: Annotated[str, Form()] = "/") -> Response:
    check_csrf(request.cookies.get(LOGIN_CSRF_COOKIE), csrf)
    if not has_users(request):
        return render(request, "login.html", {"csrf": csrf, "next": _local(next), "error":
                      "This knowledge base has no users: it is read-only. Add one with "
                      "`sitrep users add NAME --role editor`."}, status_code=403)
    try:
        user = sign_in(request, name, password)
    except HTTPException as exc:  # too many wrong passwords: the form says so
        return render(request, "login.html", {"csrf": csrf, "next": _local(next), "error": f"{exc.detail[0].upper()}"
                      f"{exc.detail[1:]}."}, status_code=exc.status_code, headers=exc.headers)
    if user is None:
        return render(request, "login.html", {"csrf": csrf, "next": _local(next),
                                              "error": "Wrong user name or password."}, status_code=401)
    with get_store(request).writer() as session, session.begin():
        token = users.open_session(session, user)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=request.url.scheme == "https",
                        max_age=int(users.SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, csrf: Text) -> Response:
    user = cookie_user(request)
    token = request.cookies.get(SESSION_COOKIE)
    if user is not None and token:
        check_csrf(user.csrf_token, csrf)
        with get_store(request).writer() as session, session.begin():
            users.close_session(session, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _edit(request: Request, user, csrf: str, incident_id: str,
          make: Callable[[Session], review.ReviewEditRow], *, then: Callable[[review.ReviewEditRow], str] | None = None
          ) -> Response:
    """Make the edit in its own transaction; on a bad edit show the incident page again with the reason."""
    check_csrf(user.csrf_token, csrf)
    try:
        with get_store(request).writer() as session, session.begin():
            edit = make(session)
    except SitrepError as exc:
        with get_store(request).session() as session:
            return incident_page(request, session, incident_id, user=user, error=str(exc), status_code=422)
    target = then(edit) if then else f"/incidents/{quote(incident_id, safe='')}?saved={edit.id}"
    return RedirectResponse(target, status_code=303)


@router.post("/incidents/{incident_id}/correct")
def correct(request: Request, incident_id: str, user: PageEditorDep, field: Text, reason: Text, csrf: Text,
            value: Annotated[str, Form()] = "") -> Response:
    return _edit(request, user, csrf, incident_id, lambda s: review.correct_field(
        s, target_type="incident", target_id=incident_id, field=field, value=value, author=user.name, reason=reason))


@router.post("/incidents/{incident_id}/reject")
def reject(request: Request, incident_id: str, user: PageEditorDep, reason: Text, csrf: Text,
           target_type: Annotated[str, Form()] = "incident",
           target_id: Annotated[str, Form()] = "") -> Response:
    return _edit(request, user, csrf, incident_id, lambda s: review.reject(
        s, target_type=target_type, target_id=target_id or incident_id, author=user.name, reason=reason))


@router.post("/incidents/{incident_id}/merge")
def merge(request: Request, incident_id: str, user: PageEditorDep, others: Text, reason: Text,
          csrf: Text) -> Response:
    return _edit(request, user, csrf, incident_id, lambda s: review.merge_incidents(
        s, into=incident_id, incidents=[i for i in IDS.split(others) if i], author=user.name, reason=reason))


@router.post("/incidents/{incident_id}/split")
def split(request: Request, incident_id: str, user: PageEditorDep, reason: Text, csrf: Text,
          reports: Annotated[list[str] | None, Form()] = None) -> Response:
    return _edit(request, user, csrf, incident_id, lambda s: review.split_incident(
        s, incident_id=incident_id, reports=reports or [], author=user.name, reason=reason))


@router.post("/edits/{edit_id}/undo")
def undo(request: Request, edit_id: int, user: PageEditorDep, reason: Text, csrf: Text,
         back: Annotated[str, Form()] = "/audit") -> Response:
    check_csrf(user.csrf_token, csrf)
    try:
        with get_store(request).writer() as session, session.begin():
            undo_edit(session, user, edit_id, reason)
    except SitrepError as exc:
        return render(request, "error.html", {"status": 422, "message": str(exc)}, status_code=422)
    return RedirectResponse(_local(back), status_code=303)

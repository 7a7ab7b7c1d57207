"""Render the pages' Jinja templates, with autoescape on for every template: article text, titles and names
are untrusted, and no template marks them safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from .auth import cookie_user, has_users

TEMPLATES = Path(__file__).parent / "templates"


def safe_link(url: str | None) -> str | None:
    """An article's URL when it is http(s); anything else (javascript:, data:) is shown as text, not linked."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def input_name(origin: str | None) -> str:
    """Where an article was read from, without the server's folders: the file name (and line) or the feed's
    address; the full origin stays in the API for whoever runs the server."""
    if not origin or "://" in origin:
        return origin or ""
    return origin.replace("\\", "/").rsplit("/", 1)[-1]


def with_query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from the current one, with `changes` (None removes a key)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else "?"


def _count(value: dict | None) -> str:
    """A toll as the README prints it: 12, 3–5, at least 61, about 40, at most 10."""
    if not value:
        return "—"
    low, high, qualifier = value.get("min"), value.get("max"), value.get("qualifier")
    if low is None and high is None:
        return "yes, number not given"
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}–{high}"
    if low is not None:
        return f"about {low}" if qualifier == "about" else f"at least {low}"
    return f"at most {high}"


def _reported(value: Any, group: str) -> str:
    """One report's value of a field, as the conflicts table shows it (consolidation keeps each report's value)."""
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return "; ".join(v.get("name", "?") if isinstance(v, dict) else str(v) for v in value)
    if not isinstance(value, dict):
        return str(value)
    if group == "location":
        return ", ".join(dict.fromkeys(v for v in (value.get("name"), value.get("admin1"), value.get("country"))
                                       if v)) or "?"
    if group == "date":
        start, end = value.get("start") or "?", value.get("end")
        return f"{start}{f' to {end}' if end and end != start else ''} ({value.get('precision')})"
    if "min" in value or "max" in value or "qualifier" in value:
        return _count(value)
    return ", ".join(str(v) for v in value.values() if v is not None)


environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)
environment.filters.update(safe_link=safe_link, input_name=input_name, count=_count, reported=_reported, label=lambda v: (v or "").replace("_", " "))
environment.globals.update(with_query=with_query, version=__version__)


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200,
           headers: dict | None = None) -> HTMLResponse:
    """A page; `user` (the signed-in user) and `has_users` come from the request unless `context` gives them."""
    values = {"request": request, "path": request.url.path, "has_users": has_users(request), **context}
    if values.get("user") is None:
        values["user"] = cookie_user(request)
    return HTMLResponse(environment.get_template(name).render(**values), status_code=status_code, headers=headers)

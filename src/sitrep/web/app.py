"""Assemble the web app: the API under /api, the pages, our static files, the vendored libraries, the security
headers and the error handlers. `sitrep serve` runs it with uvicorn.

Example:

    app = create_app("sitrep.db")   # then: uvicorn.run(app)
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import anyio.to_thread
from fastapi import FastAPI, HTTPException, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import __version__
from ..errors import InvalidEdit, InvalidUser, SitrepError, UnknownRecord
from ..store.database import DEFAULT_DATABASE, Store
from . import api, pages
from .assets import ADMIN1_OUTLINES, node_modules, vendor_files
from .basemap import Admin1Outlines
from .cache import DEFAULT_CACHE_MB, ResponseCache
from .auth import SignInRequired, SignInThrottle
from .templates import render

LOGGER = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
# Article text is untrusted: only our own scripts and styles run, nothing inline, no other origin.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
READ_THREADS = 4  # threads per server process for endpoints that read the database
STATUS_OF = {UnknownRecord: 404, InvalidEdit: 422, InvalidUser: 422}


class SecurityHeaders:
    """Adds the CSP and friends to every response (pure ASGI: no buffering of bodies)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


class DropEmptyQueryParameters:
    """A filter form sends its empty fields as `since=`; they mean "not given", not "invalid date"."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(key, value) for key, value in pairs if value.strip()]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", "invalid"))
    return "; ".join(parts)


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # Endpoints that read the database run in worker threads. Under load, AnyIO's default of 40 threads per
    # process only take turns on the GIL and stretch every answer; a few keep the CPU busy and the queue fair.
    anyio.to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
    yield


def create_app(db: str | Path | Store, *, cache_mb: int = DEFAULT_CACHE_MB) -> FastAPI:
    """The web app on the knowledge base `db` (a path, a URL or an open Store), keeping up to `cache_mb` MB of
    read API answers in memory per process (0: none) while the knowledge base does not change."""
    files = vendor_files()  # fail at start, with the command that installs them, not on a browser's request
    store = db if isinstance(db, Store) else Store(db)
    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None, lifespan=_lifespan,
                  openapi_url="/api/openapi.json",
                  description="Incidents, actors, relations and statements extracted from news, with evidence. "
                              "Reads are open; writes need an editor's HTTP Basic credentials (`sitrep users add`).")
    app.state.store = store
    app.state.sign_in_throttle = SignInThrottle()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/vendor/{name:path}", include_in_schema=False)
    def vendor(name: str) -> FileResponse:
        if name not in files:
            raise HTTPException(404, f"no vendored file {name!r}")
        return FileResponse(files[name], headers={"Cache-Control": "public, max-age=86400"})

    outlines = Admin1Outlines(node_modules() / ADMIN1_OUTLINES)

    @app.get("/basemap/admin1/{country_code}.json", include_in_schema=False)
    def admin1_outlines(country_code: str) -> Response:
        found = outlines.country(country_code)
        if found is None:
            raise HTTPException(404, f"no first-level divisions for country {country_code!r}")
        return Response(found, media_type="application/geo+json", headers={"Cache-Control": "public, max-age=86400"})

    @app.exception_handler(SitrepError)
    def sitrep_error(request: Request, exc: SitrepError) -> Response:
        return _error(request, STATUS_OF.get(type(exc), 500), str(exc))

    @app.exception_handler(RequestValidationError)
    def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(Exception)
    def unexpected(request: Request, exc: Exception) -> Response:
        # The log keeps the traceback for whoever runs the server; the client gets one line.
        LOGGER.exception("%s %s failed", request.method, request.url.path)
        return _error(request, 500, f"[E900] unexpected failure: {type(exc).__name__}; the server log has the details")

    @app.exception_handler(SignInRequired)
    def sign_in(request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(pages.login_url(request), status_code=303)

    app.add_middleware(ResponseCache, store=store, max_bytes=cache_mb * 2**20)
    app.add_middleware(DropEmptyQueryParameters)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_environment() -> FastAPI:
    """The app on $SITREP_DB with $SITREP_CACHE_MB: what each worker process of `sitrep serve --workers N`
    builds."""
    return create_app(os.environ.get("SITREP_DB", DEFAULT_DATABASE),
                      cache_mb=int(os.environ.get("SITREP_CACHE_MB", DEFAULT_CACHE_MB)))


def _error(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return render(request, "error.html", {"status": status, "message": message}, status_code=status,
                  headers=headers)

"""The web app and HTTP API (`sitrep serve`): FastAPI, server-rendered pages, the API under /api."""

from .app import create_app

__all__ = ["create_app"]

"""The web app and HTTP API (`sitrep serve`): FastAPI, server-rendered pages, the API under /api."""

__all__ = ["create_app"]


def __getattr__(name: str):
    # FastAPI loads only when the app is built: the CLI reads this package's defaults without it.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

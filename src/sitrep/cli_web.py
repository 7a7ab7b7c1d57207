"""The web commands of the `sitrep` CLI: serve, users add, users list, bench web.

`sitrep serve` checks that the browser libraries are installed and the
database opens before it starts listening, so a missing `npm ci` or a wrong
`--db` is one line on stderr, not a traceback. Only the listed
vendored files are served (see web/assets.py); set SITREP_NODE_MODULES when the
package is installed away from its node_modules.
"""

from __future__ import annotations

import os
import sys

import typer

from .cli_store import DbOption, err, fail, opened
from .errors import SitrepError
from .web.cache import DEFAULT_CACHE_MB

users_app = typer.Typer(help="Web app users: viewers read the review pages, editors edit, admins undo anyone's edits.",
                        no_args_is_help=True)


def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 for every interface."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Server processes (each opens the database)."),
    cache_mb: int = typer.Option(DEFAULT_CACHE_MB, "--cache-mb", min=0,
                                 help="Memory per process for read API answers kept until the data changes; 0: none."),
) -> None:
    """Serve the web app and the HTTP API (under /api, docs at /api/docs) on the knowledge base.

    Read-only until a user exists (`sitrep users add`).

    Example:

    \b
        sitrep serve --db sitrep.db --port 8000
    """
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from .web.app import create_app

    try:
        app = create_app(db, cache_mb=cache_mb)  # fails here, with a message, when the assets or the database are missing
    except SitrepError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        raise fail(f"database {db}: {getattr(exc, 'orig', None) or exc}") from None
    err.print(f"sitrep on http://{host}:{port}/ (API docs: http://{host}:{port}/api/docs) · {db}", markup=False)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    else:  # worker processes import the app by name; they read --db from the environment
        os.environ["SITREP_DB"], os.environ["SITREP_CACHE_MB"] = db, str(cache_mb)
        uvicorn.run("sitrep.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")


@users_app.command("add")
def users_add(
    name: str = typer.Argument(..., help="The user name to sign in with."),
    role: str = typer.Option("viewer", "--role", help="viewer, editor or admin."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin (scripts)."),
    db: str = DbOption,
) -> None:
    """Add a user of the web app; the password is asked for (or read from stdin) and kept as an argon2 hash.

    Example:

    \b
        sitrep users add ana --role editor
        printf '%s\\n' "$PASSWORD" | sitrep users add ci --role editor --password-stdin
    """
    from .store import users

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with opened(db) as store:
        try:
            with store.writer() as session, session.begin():
                users.add_user(session, name=name, role=role, password=password)
        except SitrepError as exc:
            raise fail(str(exc)) from None
    typer.echo(f"user {name} added as {role}")


@users_app.command("list")
def users_list(db: str = DbOption) -> None:
    """List the users of the web app with their roles.

    Example:

    \b
        sitrep users list --db sitrep.db
    """
    from .store import users

    with opened(db) as store, store.session() as session:
        rows = users.list_users(session)
    for user in rows:
        typer.echo(f"{user.name}\t{user.role}\tsince {user.created_at:%Y-%m-%d}")
    if not rows:
        err.print("no users: the web app is read-only", markup=False)

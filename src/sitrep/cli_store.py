"""The knowledge-base commands of the `sitrep` CLI: ingest, incidents, explain, fuse, relations, export, actors list, review.

Each checks its arguments, opens the store and calls the library (sitrep.store,
sitrep.export). `--db` takes a SQLite path (default sitrep.db) or a
postgresql:// URL; the SITREP_DB environment variable sets it once for all.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from .errors import SitrepError
from .export import FORMATS, export
from .model import InputError
from .store import review as review_api
from .store.database import DEFAULT_DATABASE, Store
from .store.explain import explain_incident
from .store.fuse import refuse_all
from .store.ingest import IngestStats, ingest_paths
from .store.overlay import rebuild_incidents
from .store.query import IncidentFilter, list_actors, list_incidents, list_relations
from .store.schema import IncidentReportRow, IncidentRow

PIPED_WIDTH = 240
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)
if not out.is_terminal:  # piped tables keep whole ids and names rather than 80 columns
    out.width = PIPED_WIDTH

DbOption = typer.Option(DEFAULT_DATABASE, "--db", envvar="SITREP_DB",
                        help="SQLite file, or postgresql://user:password@host:port/database.")
JsonOption = typer.Option(False, "--json", help="Print a JSON list instead of a table.")
ActorOption = typer.Option(None, "--actor", help="Actor id, or part of a name or alias.")
CountryOption = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 code or country name.")
Admin1Option = typer.Option(None, "--admin1", help="First-level administrative area, e.g. Balochistan.")
TypeOption = typer.Option(None, "--type", help="Incident type, e.g. suicide_bombing.")
SinceOption = typer.Option(None, "--since", help="Incidents ending on or after this day (YYYY-MM-DD).")
UntilOption = typer.Option(None, "--until", help="Incidents starting on or before this day (YYYY-MM-DD).")
MinFatalitiesOption = typer.Option(None, "--min-fatalities", min=0, help="At least this many killed.")
SearchOption = typer.Option(None, "--search", help="Part of the place, country, type, a title or a perpetrator.")
AuthorOption = typer.Option(None, "--author", envvar="SITREP_AUTHOR", help="Who makes the edit (default: your login).")
ReasonOption = typer.Option(..., "--reason", help="Why: kept in the audit log.")


def fail(message: str) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code=1)


@contextmanager
def opened(db: str) -> Iterator[Store]:
    """The store, with database and library errors turned into one-line messages."""
    try:
        with Store(db) as store:
            yield store
    except SitrepError as exc:
        raise fail(str(exc)) from None
    except SQLAlchemyError as exc:
        raise fail(f"database {db}: {getattr(exc, 'orig', None) or exc}") from None


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None


def _filters(actor, country, admin1, type_, since, until, min_fatalities, search) -> IncidentFilter:
    return IncidentFilter(actor=actor, country=country, admin1=admin1, type=type_, since=_day(since, "--since"),
                          until=_day(until, "--until"), min_fatalities=min_fatalities, search=search)


def _print_json(rows: list[dict]) -> None:
    sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, JSONL corpora, RSS/Atom feeds, or - for stdin."),
    db: str = DbOption,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (one model load each)."),
    reextract: bool = typer.Option(False, "--reextract", help="Extract stored articles again (after an upgrade)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract articles into the knowledge base, once each; bad inputs go to the input_errors table.

    Example:

    \b
        sitrep ingest corpus.jsonl --db sitrep.db --workers 2
    """
    started = time.monotonic()
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with opened(db) as store, Progress(*columns, console=err, disable=quiet or not err.is_terminal) as progress:
        task = progress.add_task("starting")

        def show(stats: IngestStats, error: InputError | None) -> None:
            if error is not None:
                progress.console.print(f"error: {error.origin}: [{error.code}] {error.message}", markup=False)
            rate = stats.articles / max(time.monotonic() - started, 1e-9)
            progress.update(task, description=f"{stats.articles} articles · {stats.incidents} incidents · "
                                              f"{stats.errors} errors · {rate:.1f} articles/s")

        stats = ingest_paths(paths, store=store, workers=workers, reextract=reextract, on_progress=show)
    if not quiet:
        err.print(f"{stats.summary()} in {time.monotonic() - started:.1f} s → {db}", markup=False)
    if stats.errors:
        raise typer.Exit(code=1)


def incidents(
    db: str = DbOption, actor: str | None = ActorOption, country: str | None = CountryOption,
    admin1: str | None = Admin1Option, type_: str | None = TypeOption, since: str | None = SinceOption,
    until: str | None = UntilOption, min_fatalities: int | None = MinFatalitiesOption,
    search: str | None = SearchOption,
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most this many."),
    json_output: bool = JsonOption,
) -> None:
    """List incidents in the knowledge base, oldest first.

    Example:

    \b
        sitrep incidents --country PK --since 2016-01-01 --min-fatalities 10
    """
    filters = _filters(actor, country, admin1, type_, since, until, min_fatalities, search)
    with opened(db) as store, store.session() as session:
        rows = list_incidents(session, filters, limit=limit)
    if json_output:
        _print_json(rows)
        return
    table = Table("date", "type", "where", "killed", "perpetrators", "sources", box=None)
    table.add_column("id", no_wrap=True)
    for row in rows:
        where = ", ".join(filter(None, [(row["location"] or {}).get(k) for k in ("name", "admin1", "country")]))
        killed = row["fatalities"]
        table.add_row(row["date"]["start"] or "?", row["type"], where or "?",
                      "?" if killed is None or killed["min"] is None else str(killed["min"]),
                      ", ".join(dict.fromkeys(p["name"] for p in row["perpetrators"])), str(len(row["sources"])),
                      row["id"])
    out.print(table)
    err.print(f"{len(rows)} incidents", markup=False)


def fuse(db: str = DbOption) -> None:
    """Fuse every stored report again from scratch (after upgrading sitrep); review edits are re-applied.

    Ingest fuses each article as it arrives; this redoes it for the whole store, in the order articles came.

    Example:

    \b
        sitrep fuse --db sitrep.db
    """
    started = time.monotonic()
    with opened(db) as store, store.writer() as session, session.begin():
        reports = refuse_all(session)
        rebuild_incidents(session, [*session.scalars(select(IncidentRow.id)),
                                    *session.scalars(select(IncidentReportRow.id))])
        incidents = session.scalar(select(func.count()).select_from(IncidentRow))
    err.print(f"{reports} reports fused into {incidents} incidents in {time.monotonic() - started:.1f} s", markup=False)


def explain(
    incident_id: str = typer.Argument(..., help="An incident id, as `sitrep incidents` lists them."),
    db: str = DbOption, json_output: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Say why an incident holds its reports: fusion's scores, reports kept apart, review edits, chosen values.

    Example:

    \b
        sitrep explain 0f8d6a00949cda91-1
    """
    with opened(db) as store, store.session() as session:
        try:
            found = explain_incident(session, incident_id)
        except SitrepError as exc:
            raise fail(str(exc)) from None
    if json_output:
        sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
        return
    state = " (rejected by a reviewer)" if found["rejected"] else ""
    out.print(f"incident {incident_id}{state}: {len(found['reports'])} reports; "
              f"fusion joins a report to an incident when its best match scores ≥ {found['threshold']}", markup=False)
    table = Table("report", "source", "published", "how", "score", "parts", box=None)
    for report in found["reports"]:
        article = report["article"]
        table.add_row(report["report_id"], escape(article["source"] or article["title"] or article["id"]),
                      (article["published"] or "?")[:10], report["how"] +
                      (f" (best match {report['compared_with']})" if report["compared_with"] else ""),
                      _score(report["score"]), _parts(report["parts"]))
    out.print(table)
    if found["kept_apart"]:
        out.print("\nkept apart (best match scored below the threshold):", markup=False)
        table = Table("report", "its incident", "compared with", "score", "parts", box=None)
        for other in found["kept_apart"]:
            table.add_row(other["report_id"], other["incident_id"], other["compared_with"], _score(other["score"]),
                          _parts(other["parts"]))
        out.print(table)
    for edit in found["edits"]:
        undone = " (undone)" if edit["undone"] else ""
        out.print(f"review edit {edit['id']} {edit['kind']}{undone} by {edit['author']}: {edit['reason']}",
                  markup=False)
    out.print("\nvalues (the rule that chose each; ≠ marks reports that disagree):", markup=False)
    table = Table("field", "value", "rule", "every report", box=None)
    for name, field in found["fields"].items():
        mark = "≠ " if field["conflicting"] else ""
        table.add_row(name, mark + _value(field["value"]), field["rule"],
                      "; ".join(f"{r}: {_value(v)}" for r, v in field["values"].items()))
    out.print(table)
    if found["corrections"]:
        out.print(f"corrected by review: {found['corrections']}", markup=False)


def _score(score: float | None) -> str:
    return "" if score is None else f"{score:.2f}"


def _parts(parts: dict[str, float]) -> str:
    return " ".join(f"{name} {value:+.2f}" for name, value in parts.items())


def _value(value) -> str:
    return escape(_plain(value))  # article words like "[Reuters]" are not markup


def _plain(value) -> str:
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if k in ("name", "min", "max", "qualifier", "start", "end",
                                                        "admin1", "country_code", "precision", "basis", "type")}
        return ", ".join(f"{k}={v}" for k, v in shown.items())
    if isinstance(value, list):
        return "[" + "; ".join(_plain(v) for v in value) + "]"
    return "—" if value is None else str(value)


def relations(
    db: str = DbOption, actor: str | None = ActorOption,
    type_: str | None = typer.Option(None, "--type", help="Relation type, e.g. alliance."),
    json_output: bool = JsonOption,
) -> None:
    """List relations between organisations in the knowledge base, one per asserting article.

    Example:

    \b
        sitrep relations --actor "Islamic State"
    """
    with opened(db) as store, store.session() as session:
        rows = list_relations(session, actor=actor, type=type_)
    if json_output:
        _print_json(rows)
        return
    table = Table("source", "relation", "target", "status", "date", "article", box=None)
    for row in rows:
        table.add_row(row["source"], row["type"], row["target"], row["status"], row["date"] or "?",
                      row["title"] or row["article_id"])
    out.print(table)
    err.print(f"{len(rows)} relations", markup=False)


def actors_list(
    db: str = DbOption, name: str | None = typer.Option(None, "--name", help="Part of a name or alias, or an id."),
    country: str | None = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 code."),
    kind: str | None = typer.Option(None, "--kind", help="e.g. armed_group, state_force."),
    json_output: bool = JsonOption,
) -> None:
    """List the actors in the knowledge base with their incidents, relations and articles.

    Example:

    \b
        sitrep actors list --db sitrep.db --country PK
    """
    with opened(db) as store, store.session() as session:
        rows = list_actors(session, name=name, country=country, kind=kind)
    if json_output:
        _print_json(rows)
        return
    table = Table("name", "kind", "country", "incidents", "relations", "articles", box=None)
    table.add_column("id", no_wrap=True)
    for row in rows:
        table.add_row(row["name"], row["kind"], row["country_code"] or "", str(row["incidents"]),
                      str(row["relations"]), str(row["articles"]), row["id"])
    out.print(table)


ExportFormat = Enum("ExportFormat", {name.replace("-", "_"): name for name in FORMATS}, type=str)


def export_command(
    export_format: ExportFormat = typer.Option(..., "--format", "-f", help="Output format (see docs/exports.md)."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    db: str = DbOption, actor: str | None = ActorOption, country: str | None = CountryOption,
    admin1: str | None = Admin1Option, type_: str | None = TypeOption, since: str | None = SinceOption,
    until: str | None = UntilOption, min_fatalities: int | None = MinFatalitiesOption,
    search: str | None = SearchOption,
) -> None:
    """Export incidents (or the actor-relation network) for other tools.

    Example:

    \b
        sitrep export --format geojson --country PK -o pakistan.geojson
        sitrep export --format graphml -o network.graphml
    """
    filters = _filters(actor, country, admin1, type_, since, until, min_fatalities, search)
    with opened(db) as store, store.session() as session:
        count = export(session, format=export_format.value, filters=filters, output=output)
    err.print(f"{count} records → {output}", markup=False)


review_app = typer.Typer(help="Correct the knowledge base; every edit is logged, kept over re-extraction, undoable.",
                         no_args_is_help=True)


class Target(str, Enum):
    incident = "incident"
    actor = "actor"
    perpetrator = "perpetrator"
    relation = "relation"
    statement = "statement"


@contextmanager
def reviewing(db: str) -> Iterator:
    with opened(db) as store, store.writer() as session:
        try:
            with session.begin():
                yield session
        except SitrepError as exc:
            raise fail(str(exc)) from None


def _done(edit) -> None:
    typer.echo(f"edit {edit.id}: {edit.kind} {edit.target_type} {edit.target_id} (undo: sitrep review undo {edit.id})")


def _author(author: str | None) -> str:
    return author or getpass.getuser() or os.environ.get("USER", "")


@review_app.command("correct")
def review_correct(
    target_id: str = typer.Argument(..., help="Incident id (or actor id with --target actor)."),
    field: str = typer.Argument(..., help="e.g. fatalities_min, type, admin1, date_start; for actors name, kind."),
    value: str = typer.Argument(..., help='The right value; "" or null clears it.'),
    target: Target = typer.Option(Target.incident, "--target", help="incident or actor."),
    db: str = DbOption, author: str | None = AuthorOption, reason: str = ReasonOption,
) -> None:
    """Correct a field of an incident or an actor.

    Example:

    \b
        sitrep review correct f0389997eac9643f-1 fatalities_min 62 --reason "hospital figure"
    """
    with reviewing(db) as session:
        _done(review_api.correct_field(session, target_type=target.value, target_id=target_id, field=field,
                                       value=value, author=_author(author), reason=reason))


@review_app.command("reject")
def review_reject(
    target: Target = typer.Argument(..., help="incident, perpetrator, relation or statement."),
    target_id: str = typer.Argument(..., help="Its id (see --json output)."),
    db: str = DbOption, author: str | None = AuthorOption, reason: str = ReasonOption,
) -> None:
    """Reject a fact: queries and exports leave it out.

    Example:

    \b
        sitrep review reject relation f0389997eac9643f-r2 --reason "misread sentence"
    """
    with reviewing(db) as session:
        _done(review_api.reject(session, target_type=target.value, target_id=target_id, author=_author(author),
                                reason=reason))


@review_app.command("merge-incidents")
def review_merge_incidents(
    into: str = typer.Argument(..., help="The incident that stays."),
    others: list[str] = typer.Argument(..., help="Incidents whose reports join it."),
    db: str = DbOption, author: str | None = AuthorOption, reason: str = ReasonOption,
) -> None:
    """Merge incidents that are reports of the same event.

    Example:

    \b
        sitrep review merge-incidents 74cdc800ea94d472-1 5b1e0c2d9a8f7e61-1 --reason "same bombing"
    """
    with reviewing(db) as session:
        _done(review_api.merge_incidents(session, into=into, incidents=others, author=_author(author), reason=reason))


@review_app.command("split")
def review_split(
    incident_id: str = typer.Argument(..., help="The incident to split."),
    reports: list[str] = typer.Argument(..., help="Reports that move to a new incident."),
    db: str = DbOption, author: str | None = AuthorOption, reason: str = ReasonOption,
) -> None:
    """Split reports off an incident into a new one.

    Example:

    \b
        sitrep review split 74cdc800ea94d472-1 5b1e0c2d9a8f7e61-1 --reason "different day"
    """
    with reviewing(db) as session:
        _done(review_api.split_incident(session, incident_id=incident_id, reports=reports, author=_author(author),
                                        reason=reason))


@review_app.command("merge-actors")
def review_merge_actors(
    into: str = typer.Argument(..., help="The actor that stays."),
    others: list[str] = typer.Argument(..., help="Actors that become its aliases."),
    db: str = DbOption, author: str | None = AuthorOption, reason: str = ReasonOption,
) -> None:
    """Merge actors that are the same organisation.

    Example:

    \b
        sitrep review merge-actors islamic-state new:daesh-khorasan --reason "same group"
    """
    with reviewing(db) as session:
        _done(review_api.merge_actors(session, into=into, actors=others, author=_author(author), reason=reason))


@review_app.command("undo")
def review_undo(
    edit_id: int = typer.Argument(..., help="The edit, as printed when it was made or by `sitrep review list`."),
    db: str = DbOption, author: str | None = AuthorOption, reason: str = ReasonOption,
) -> None:
    """Undo an edit; the records it touched are rebuilt without it.

    Example:

    \b
        sitrep review undo 3 --reason "wrong incident"
    """
    with reviewing(db) as session:
        edit = review_api.undo(session, edit_id=edit_id, author=_author(author), reason=reason)
    typer.echo(f"edit {edit.id} undone")


@review_app.command("list")
def review_list(
    target_id: str | None = typer.Option(None, "--target", help="Only edits that touch this record."),
    db: str = DbOption, json_output: bool = JsonOption,
) -> None:
    """List review edits, oldest first.

    Example:

    \b
        sitrep review list --target f0389997eac9643f-1
    """
    with opened(db) as store, store.session() as session:
        rows = [review_api.edit_dict(session, e) for e in review_api.list_edits(session, target_id=target_id)]
    if json_output:
        _print_json(rows)
        return
    table = Table("id", "when", "author", "edit", "target", "reason", "state", box=None)
    for row in rows:
        state = "undone" if row["undone_at"] else ("applied" if row["applies"] else "target gone")
        table.add_row(str(row["id"]), row["created_at"][:16], row["author"], row["kind"],
                      f"{row['target_type']} {row['target_id']}", row["reason"], state)
    out.print(table)

"""A readable summary of a Document for people, with rich. Article text is printed without markup."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Count, DateRange, Document, Location


def render_document(console: Console, document: Document) -> None:
    article = document.article
    names = {a.id: a.name for a in document.actors}
    console.print(Text(article.title or "(untitled)", style="bold"))
    meta = [
        f"published {article.published.isoformat() if article.published else 'unknown'}",
        f"dateline {article.dateline}" if article.dateline else None,
        f"section {article.section}" if article.section else None,
        f"source {article.source}" if article.source else None,
        article.url,
        f"from {article.origin}",
    ]
    console.print(Text(" · ".join(m for m in meta if m), style="dim"))
    console.print()
    for incident in document.incidents:
        console.print(Text(f"Incident {incident.id}: {incident.type.replace('_', ' ')}", style="bold red"))
        rows = [
            ("when", _date(incident.date)),
            ("where", _location(incident.location)),
            ("targets", "; ".join(f"{t.name} ({t.type})" for t in incident.targets) or "—"),
            ("weapons", ", ".join(incident.weapons) or "not stated"),
            ("killed", _count(incident.fatalities)),
            ("injured", _count(incident.injuries)),
            ("attackers killed", _count(incident.perpetrator_fatalities)),
        ]
        for perpetrator in incident.perpetrators:
            partners = ", ".join(names.get(p, p) for p in perpetrator.partner_ids)
            by = f" per {perpetrator.asserted_by}" if perpetrator.asserted_by else ""
            rows.append((perpetrator.basis, f"{perpetrator.name}{' with ' + partners if partners else ''}{by}"))
        for context in incident.context:
            rows.append(("context", context))
        rows.append(("confidence", f"{incident.confidence:.2f} from {len(incident.evidence)} sentences"))
        table = Table(show_header=False, box=None, padding=(0, 2))
        for label, value in rows:
            table.add_row(Text(label, style="cyan"), Text(value))
        console.print(table)
        console.print()
    if document.actors:
        table = Table(title="Actors", title_justify="left")
        for column in ("id", "name", "kind", "parent", "mentions"):
            table.add_column(column)
        for actor in document.actors:
            table.add_row(*(Text(v) for v in (
                actor.id, actor.name + ("" if actor.registered else " (new)"), actor.kind,
                names.get(actor.parent_id, actor.parent_id or ""), ", ".join(actor.mentions))))
        console.print(table)
    if document.relations:
        table = Table(title="Relations", title_justify="left")
        for column in ("source", "relation", "target", "status", "asserted by"):
            table.add_column(column)
        for relation in document.relations:
            arrow = relation.type if relation.directed else f"{relation.type} (mutual)"
            table.add_row(*(Text(v) for v in (
                names.get(relation.source_id, relation.source_id), arrow,
                names.get(relation.target_id, relation.target_id), relation.status, relation.asserted_by or "")))
        console.print(table)
    if document.statements:
        table = Table(title="Statements", title_justify="left")
        for column in ("speaker", "role", "organisation", "kind", "text"):
            table.add_column(column)
        for statement in document.statements:
            kind = ("direct" if statement.direct else "reported") + (", anonymous" if statement.anonymous else "")
            table.add_row(*(Text(v) for v in (
                statement.speaker or "?", statement.role or "", names.get(statement.organization_id or "", ""),
                kind, statement.text)))
        console.print(table)
    if document.places:
        table = Table(title="Places", title_justify="left")
        for column in ("place", "role", "country", "admin1", "lat, lon"):
            table.add_column(column)
        for place in document.places:
            coords = f"{place.lat:.2f}, {place.lon:.2f}" if place.lat is not None else ""
            table.add_row(*(Text(v) for v in (place.name, place.role, place.country_code or "", place.admin1 or "", coords)))
        console.print(table)


def _date(date: DateRange) -> str:
    if date.start is None and date.end is None:
        return "unknown"
    if date.start == date.end:
        return f"{date.start} ({date.precision})"
    start = date.start.isoformat() if date.start else "?"
    end = date.end.isoformat() if date.end else "?"
    said = f', "{date.text}"' if date.text else ""
    return f"{start} to {end} ({date.precision}{said})"


def _location(location: Location | None) -> str:
    if location is None:
        return "unknown"
    parts = [p for p in (location.name, location.admin1, location.country) if p]
    coords = f" ({location.lat:.2f}, {location.lon:.2f})" if location.lat is not None else ""
    return ", ".join(dict.fromkeys(parts)) + coords + (f", {location.precision}" if location.precision else "")


def _count(count: Count | None) -> str:
    if count is None:
        return "not reported"
    if count.qualifier == "unknown":
        return f"yes, number not given (\"{count.text}\")"
    if count.min is not None and count.max == count.min:
        return f"{count.min}" + (" (about)" if count.qualifier == "about" else "")
    low = "?" if count.min is None else str(count.min)
    high = "" if count.max is None else str(count.max)
    return f"{low}–{high} ({count.qualifier.replace('_', ' ')}: \"{count.text}\")"

"""A readable summary of a Document for people, with rich. Article text is printed without markup."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from .model import Count, DateRange, Document, Location

# Reporting verbs that take a stance on what was said are shown with it ("denied", "admitted", "warned"); "said",
# "told" or "adding" add nothing.
STANCE_CUES = ("deni", "deny", "admit", "claim", "warn", "blam", "accus", "confirm", "insist", "acknowledg", "alleg",
               "reject", "threat", "vow", "condemn", "dismiss", "refut")


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
        for denial in incident.denials:
            rows.append(("denied by", denial.name))
        for context in incident.context:
            rows.append(("context", context))
        rows.append(("confidence", f"{incident.confidence:.2f} from {len(incident.evidence)} sentences"))
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            console.print(Text.assemble(("  " + label.ljust(width + 2), "cyan"), value))
        console.print()
    _section(console, "Actors", [
        f"{a.name}{'' if a.registered else ' (not in registry)'} [{a.id}], {a.kind.replace('_', ' ')}"
        + (f" of {names.get(a.parent_id, a.parent_id)}" if a.parent_id else "")
        + (f": {', '.join(a.mentions)}" if a.mentions else "")
        for a in document.actors
    ])
    _section(console, "Relations", [
        f"{names.get(r.source_id, r.source_id)} {r.type.replace('_', ' ')} {names.get(r.target_id, r.target_id)}"
        f" ({r.status}{', ' + r.period if r.period else ''}; per {r.asserted_by})"
        for r in document.relations
    ])
    _section(console, "Statements", [
        f"{s.speaker or '?'}"
        + (f" ({', '.join(p for p in (s.role, names.get(s.organization_id or '')) if p)})" if s.role or s.organization_id else "")
        + f", {'quoted' if s.direct else 'reported'}{', anonymous' if s.anonymous else ''}"
        + (f", {s.cue}" if s.cue and s.cue.lower().startswith(STANCE_CUES) else "") + f": \u201c{s.text}\u201d"
        for s in document.statements
    ])
    _section(console, "Places", [
        f"{p.name} ({p.role}): {', '.join(x for x in (p.admin1, p.country_code) if x)}"
        + (f" {p.lat:.2f}, {p.lon:.2f}" if p.lat is not None else "")
        for p in document.places
    ])


def _section(console: Console, title: str, lines: list[str]) -> None:
    if not lines:
        return
    console.print(Text(title, style="bold"))
    for line in lines:
        console.print(Text(f"  {line}"))
    console.print()


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
    said = f' ("{count.text}")' if count.text else ""
    if count.min is not None and count.max == count.min:
        return ("about " if count.qualifier == "about" else "") + f"{count.min}{said}"
    if count.max is None:
        return f"at least {count.min}{said}"
    if count.min is None:
        return f"at most {count.max}{said}"
    return f"{count.min} to {count.max}{said}"

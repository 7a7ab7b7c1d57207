"""Consolidate the reports of one incident into its values, keeping every report's value and the rule that chose.

Until cross-article fusion lands, the rule is simple: a single report gives its
values; several reports (grouped by a reviewer's merge) give, field by field,
the value of the latest report (by publication time) that states one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

RULE_SINGLE = "single report"
RULE_LATEST = "latest report that states it"

# Fields consolidated as a unit: a toll's bounds and qualifier come from the same report.
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "type": ("type",),
    "date": ("date_start", "date_end", "date_precision", "date_text"),
    "location": ("place_id", "location_name", "admin1", "admin2", "country_code", "country", "lat", "lon",
                 "geo_precision"),
    "targets": ("targets",),
    "weapons": ("weapons",),
    "fatalities": ("fatalities_min", "fatalities_max", "fatalities_qualifier"),
    "injuries": ("injuries_min", "injuries_max", "injuries_qualifier"),
    "perpetrator_fatalities": ("perpetrator_fatalities_min", "perpetrator_fatalities_max",
                               "perpetrator_fatalities_qualifier"),
}
EMPTY_VALUES = {"targets": [], "weapons": [], "date_precision": "unknown"}
EARLIEST = dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def _states(report: Any, columns: tuple[str, ...]) -> bool:
    return any(getattr(report, c) not in (None, [], "unknown") for c in columns)


def _summary(report: Any, columns: tuple[str, ...]) -> Any:
    values = [getattr(report, c) for c in columns]
    values = [v.isoformat() if isinstance(v, dt.date) else v for v in values]
    return values[0] if len(values) == 1 else dict(zip(columns, values))


def consolidate(reports: list[tuple[Any, dt.datetime | None]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(report row, article publication time) pairs → the incident's column values and its consolidation record."""
    ordered = [r for r, _ in sorted(reports, key=lambda pair: (pair[1] or EARLIEST, pair[0].id))]
    values: dict[str, Any] = {}
    fields: dict[str, Any] = {}
    for group, columns in FIELD_GROUPS.items():
        stating = [r for r in ordered if _states(r, columns)]
        chosen = stating[-1] if stating else None
        for column in columns:
            values[column] = getattr(chosen, column) if chosen else EMPTY_VALUES.get(column)
        fields[group] = {
            "from": chosen.id if chosen else None,
            "values": {r.id: _summary(r, columns) for r in stating},
        }
    values["confidence"] = max(r.confidence for r in ordered)
    rule = RULE_SINGLE if len(ordered) == 1 else RULE_LATEST
    return values, {"rule": rule, "reports": [r.id for r in ordered], "fields": fields}

"""Consolidate the reports of one incident into its column values, keeping every report's value and the rule.

The rules are fusion's (`FusedIncident.consolidate`), so the store, `sitrep eval
fusion` and Spark agree: the latest report's toll (the most precise, then the
highest, among reports of the same day), the earliest day, the most precise
place, the type most reports give, every claim, denial and target side by side.
"""

from __future__ import annotations

from typing import Any

from ..fusion import FusedIncident
from ..model import Record
from .columns import incident_values, place_key
from .fuse import stored_report

RULE_SINGLE = "single report"
RULE_FUSED = "fused reports"
# What a report's value looks like in the consolidation record: enough to see a disagreement, without evidence.
SUMMARY_EXCLUDE = {"evidence", "mentions", "geonameid", "text"}


def consolidate(incident_id: str, reports: list[tuple[Any, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(report row, its article's id/published/source) pairs → the incident's column values and consolidation record."""
    fused = FusedIncident(incident_id, [
        stored_report(row.record, article_id=row.article_id, published=article.published, source=article.source)
        for row, article in reports], [])
    fields = fused.consolidate()
    first = fused.reports[0].incident
    incident = first.model_copy(update={
        "type": fields["type"].value, "date": fields["date"].value, "location": fields["location"].value,
        "fatalities": fields["fatalities"].value, "injuries": fields["injuries"].value,
        "perpetrator_fatalities": fields["perpetrator_fatalities"].value,
        "targets": fields["targets"].value, "weapons": fields["weapons"].value, "denials": fields["denials"].value,
        "confidence": max(r.incident.confidence for r in fused.reports)})
    values = incident_values(incident, place_key(incident.location) if incident.location else None)
    ordered = sorted(fused.reports, key=lambda r: (r.published is None, r.published, r.id))
    record = {
        "rule": RULE_SINGLE if len(fused.reports) == 1 else RULE_FUSED,
        "reports": [r.id for r in ordered],
        "fields": {name: _field(field) for name, field in fields.items()},
    }
    return values, record


def _field(field) -> dict[str, Any]:
    value = _summary(field.value)
    values = {report_id: _summary(v) for report_id, v in field.values.items()}
    return {"rule": field.rule, "conflicting": field.conflicting, "value": value,
            # the report whose value was kept, when one report's value is the kept one
            "from": next((report_id for report_id, v in values.items() if v == value and v not in (None, [])), None),
            "values": values}


def _summary(value: Any) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode="json", exclude=SUMMARY_EXCLUDE & set(type(value).model_fields),
                                exclude_none=True)
    if isinstance(value, list):
        return [_summary(item) for item in value]
    return value

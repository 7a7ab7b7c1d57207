"""Extracted and fused incidents in the shape `store.query.list_incidents` gives, so every flat export
(`flat.flat_incident`, Parquet) applies to results that never went through a knowledge base (Spark)."""

from __future__ import annotations

from typing import Any

from ..fusion import FusedIncident
from ..model import Article, Count, Incident, Perpetrator
from ..store.columns import denial_values


def extracted_incident(article: Article, incident: Incident) -> dict[str, Any]:
    """One article's incident, as the knowledge base lists it before any fusion or review."""
    return {**_values(incident), "id": incident.id, "sources": [source(article, incident.id)]}


def fused_incident(fused: FusedIncident, sources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A fused incident: the consolidated values (fusion's rules, as the knowledge base consolidates them), the
    highest confidence, and `sources[report id]` for each report (see `source`)."""
    chosen = {name: consolidated.value for name, consolidated in fused.consolidate().items()}
    return {
        "type": chosen["type"],
        "date": chosen["date"].model_dump(mode="json"),
        "location": chosen["location"].model_dump(mode="json") if chosen["location"] else None,
        "targets": [t.model_dump(mode="json") for t in chosen["targets"]],
        "weapons": list(chosen["weapons"]),
        "fatalities": _count(chosen["fatalities"]),
        "injuries": _count(chosen["injuries"]),
        "perpetrator_fatalities": _count(chosen["perpetrator_fatalities"]),
        "perpetrators": [_perpetrator(p) for p in chosen["perpetrators"]],
        "denials": [denial_values(d) for d in chosen["denials"]],
        "confidence": max(report.incident.confidence for report in fused.reports),
        "id": fused.id,
        "sources": [sources[report.id] for report in fused.reports],
    }


def _values(incident: Incident) -> dict[str, Any]:
    return {
        "type": incident.type,
        "date": incident.date.model_dump(mode="json"),
        "location": incident.location.model_dump(mode="json") if incident.location else None,
        "targets": [t.model_dump(mode="json") for t in incident.targets],
        "weapons": list(incident.weapons),
        "fatalities": _count(incident.fatalities),
        "injuries": _count(incident.injuries),
        "perpetrator_fatalities": _count(incident.perpetrator_fatalities),
        "perpetrators": [_perpetrator(p) for p in incident.perpetrators],
        "denials": [denial_values(d) for d in incident.denials],
        "confidence": incident.confidence,
    }


def _count(count: Count | None) -> dict[str, Any] | None:
    # As the store reads a count back: nothing known is no count.
    if count is None or (count.min is None and count.max is None and count.qualifier == "unknown"):
        return None
    return {"min": count.min, "max": count.max, "qualifier": count.qualifier}


def _perpetrator(perpetrator: Perpetrator) -> dict[str, Any]:
    return {"actor_id": perpetrator.actor_id, "name": perpetrator.name, "basis": perpetrator.basis,
            "asserted_by": perpetrator.asserted_by, "confidence": perpetrator.confidence}


def source(article: Article, report_id: str) -> dict[str, Any]:
    """Where a report comes from, as the knowledge base lists an incident's sources."""
    return {"report_id": report_id, "article_id": article.id, "url": article.url, "title": article.title,
            "source": article.source, "published": article.published.isoformat() if article.published else None}

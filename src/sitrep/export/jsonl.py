"""JSON Lines: one incident per line, as `sitrep incidents --json` prints them."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.orm import Session

from ..store.query import IncidentFilter, list_incidents


def write_jsonl(session: Session, filters: IncidentFilter, output: Path) -> int:
    incidents = list_incidents(session, filters)
    with output.open("w", encoding="utf-8") as handle:
        for incident in incidents:
            handle.write(json.dumps(incident, ensure_ascii=False) + "\n")
    return len(incidents)

"""Parquet: the flat incident rows with a fixed, typed schema (pyarrow)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy.orm import Session

from ..store.query import IncidentFilter, list_incidents
from .flat import FLAT_COLUMNS, flat_incident

INTEGER_COLUMNS = frozenset({"fatalities_min", "fatalities_max", "injuries_min", "injuries_max",
                             "perpetrator_fatalities_min", "reports"})
FLOAT_COLUMNS = frozenset({"lat", "lon", "confidence"})
DATE_COLUMNS = frozenset({"date_start", "date_end"})


def _type(column: str) -> pa.DataType:
    if column in INTEGER_COLUMNS:
        return pa.int64()
    if column in FLOAT_COLUMNS:
        return pa.float64()
    if column in DATE_COLUMNS:
        return pa.date32()
    return pa.string()


SCHEMA = pa.schema([(column, _type(column)) for column in FLAT_COLUMNS])


def write_parquet(session: Session, filters: IncidentFilter, output: Path) -> int:
    rows = [typed_row(flat_incident(i)) for i in list_incidents(session, filters)]
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), output)
    return len(rows)


def typed_row(row: dict) -> dict:
    """A flat row with its dates as dates, as SCHEMA types them (Spark writes the same rows)."""
    return {**row, **{column: dt.date.fromisoformat(row[column]) if row[column] else None for column in DATE_COLUMNS}}

"""Benchmark rows from a JSONL file, for every evaluation command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def read_rows(path: Path, limit: int | None = None) -> Iterator[dict]:
    """The JSON objects of a file, one a line, blank lines skipped; at most `limit` of them."""
    with Path(path).open(encoding="utf-8") as handle:
        count = 0
        for line in handle:
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield json.loads(line)

"""`sitrep bench web`: many concurrent clients on loopback against the incident list and detail endpoints.

A synthetic knowledge base of N incidents is written by direct inserts (no
extraction), `sitrep serve` runs on it in its own process(es), and C clients,
each a keep-alive HTTP/1.1 connection driven by asyncio, ask in turn for a list
page and an incident, as fast as answers come, for the given time. The client
is a few lines of asyncio streams rather than an HTTP library, so that on a
small machine the load generator takes as little CPU from the server as it can.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sqlalchemy import insert

from ..store.database import Store
from .cache import CACHE_HEADER, DEFAULT_CACHE_MB
from ..store.schema import (
    ActorRow,
    ArticleRow,
    EvidenceRow,
    IncidentReportRow,
    IncidentRow,
    PerpetratorRow,
    PlaceRow,
    SentenceRow,
)

TYPES = ["armed_assault", "bombing", "suicide_bombing", "armed_clash", "riot", "kidnapping", "shelling"]
COUNTRIES = [("PK", "Pakistan"), ("AF", "Afghanistan"), ("NG", "Nigeria"), ("SO", "Somalia"), ("IN", "India"),
             ("BD", "Bangladesh"), ("IQ", "Iraq"), ("SY", "Syria"), ("ML", "Mali"), ("YE", "Yemen")]
GROUPS = [f"Group {letter}" for letter in "ABCDEFGHIJKLMNOPQRST"]
BASES = ["claimed", "attributed", "suspected"]
START_DAY, DAYS = dt.date(2012, 1, 1), 3650
LIST_PAGES = 100  # list requests ask for one of the first pages of 50, with and without a country filter
REQUEST_TIMEOUT = 30.0  # seconds: an answer slower than this counts as an error


def build_store(path: Path, incidents: int, *, seed: int = 0) -> None:
    """A knowledge base of `incidents` one-report incidents, each with its article, evidence and perpetrator."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.timezone.utc)
    places = [{"id": f"bench:{i}", "name": f"Town {i}", "admin1": f"Province {i % 12}", "admin2": None,
               "country_code": code, "country": country, "lat": rng.uniform(-10, 40), "lon": rng.uniform(-10, 90),
               "precision": "city", "geonameid": None}
              for i, (code, country) in enumerate(COUNTRIES * 10)]
    actors = [{"id": f"bench-group-{i}", "name": name, "kind": "armed_group", "parent_id": None,
               "country_code": None, "registered": False, "merged_into": None} for i, name in enumerate(GROUPS)]
    rows: dict[type, list[dict]] = {table: [] for table in (ArticleRow, SentenceRow, EvidenceRow, IncidentRow,
                                                            IncidentReportRow, PerpetratorRow)}
    for n in range(incidents):
        place, actor = rng.choice(places), rng.choice(actors)
        day = START_DAY + dt.timedelta(days=rng.randrange(DAYS))
        killed, kind, basis = rng.randrange(0, 60), rng.choice(TYPES), rng.choice(BASES)
        first = f"{place['name'].upper()} - Gunmen attacked a checkpoint in {place['name']}, killing {killed} people."
        second = f"{actor['name']} {basis} responsibility, officials said."
        text = f"{first}\n\n{second}"
        article, report = f"bench{n:011d}", f"bench{n:011d}-1"
        values = {"type": kind, "date_start": day, "date_end": day, "date_precision": "day", "date_text": None,
                  "place_id": place["id"], "location_name": place["name"], "admin1": place["admin1"], "admin2": None,
                  "country_code": place["country_code"], "country": place["country"], "lat": place["lat"],
                  "lon": place["lon"], "geo_precision": "city", "targets": [], "weapons": [],
                  "fatalities_min": killed, "fatalities_max": killed, "fatalities_qualifier": "exact",
                  "injuries_min": None, "injuries_max": None, "injuries_qualifier": "unknown",
                  "perpetrator_fatalities_min": None, "perpetrator_fatalities_max": None,
                  "perpetrator_fatalities_qualifier": "unknown", "confidence": 0.8}
        rows[ArticleRow].append({
            "id": article, "url": f"https://bench.example/{n}", "title": f"{killed} killed in {place['name']}",
            "published": dt.datetime.combine(day, dt.time(12), dt.timezone.utc), "timezone": None, "dateline": None,
            "section": None, "source": "Bench Wire", "origin": "bench", "credits": [], "segments": [], "text": text,
            "ingested_at": now})
        sentences = [(2 * n + 1, 0, len(first), first), (2 * n + 2, len(first) + 2, len(text), second)]
        rows[SentenceRow] += [{"id": i, "article_id": article, "start": s, "end": e, "text": t}
                              for i, s, e, t in sentences]
        rows[EvidenceRow] += [
            {"article_id": article, "sentence_id": 2 * n + 1, "record_type": "incident_report", "record_id": report,
             "field": None},
            {"article_id": article, "sentence_id": 2 * n + 1, "record_type": "incident_report", "record_id": report,
             "field": "fatalities"},
            {"article_id": article, "sentence_id": 2 * n + 2, "record_type": "perpetrator",
             "record_id": f"{report}-p1", "field": None}]
        rows[IncidentRow].append({**values, "id": report, "rejected": False, "consolidation": {
            "rule": "single report", "reports": [report],
            "fields": {"fatalities": {"rule": "single report", "conflicting": False, "from": report,
                                      "value": {"min": killed, "max": killed, "qualifier": "exact"},
                                      "values": {report: {"min": killed, "max": killed, "qualifier": "exact"}}}}}})
        rows[IncidentReportRow].append({**values, "id": report, "article_id": article, "incident_id": report,
                                        "record": {}})
        rows[PerpetratorRow].append({
            "id": f"{report}-p1", "report_id": report, "actor_id": actor["id"], "name": actor["name"],
            "basis": basis, "asserted_by": actor["name"] if basis == "claimed" else "officials",
            "asserted_by_id": None, "partner_ids": [], "confidence": 0.7, "rejected": False})
    with Store(path) as store, store.writer() as session, session.begin():
        session.execute(insert(PlaceRow), places)
        session.execute(insert(ActorRow), actors)
        for table, table_rows in rows.items():  # in foreign-key order
            session.execute(insert(table), table_rows)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"sitrep serve exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"sitrep serve did not answer on {url} within {timeout:.0f} s")


def _stop(server: subprocess.Popen) -> None:
    """Stop the server and its workers (the process group we started it in); killed if requests the clients
    left behind keep it busy."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


Result = tuple[str, float, bool, bool]  # endpoint, seconds, answered 200, answered from the server's cache


async def _client(port: int, paths: list[tuple[str, str]], recording: float, until: float, seed: int,
                  results: list[Result]) -> None:
    """One keep-alive connection: request, read the whole answer, record it (when sent after `recording`), next;
    reconnect after an error."""
    rng = random.Random(seed)
    reader = writer = None
    while time.monotonic() < until:
        kind, path = rng.choice(paths)  # half list pages, half incidents
        started = time.perf_counter()
        record = time.monotonic() >= recording
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), REQUEST_TIMEOUT)
            status, cached = await asyncio.wait_for(_exchange(reader, writer, path), REQUEST_TIMEOUT)
            if record:
                results.append((kind, time.perf_counter() - started, status == 200, cached))
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError,
                StopIteration, ValueError):
            if record:
                results.append((kind, time.perf_counter() - started, False, False))
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> tuple[int, bool]:
    """One request on a kept-alive connection; the whole body is read. Returns the status and whether the
    answer came from the server's cache."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    headers = dict(line.lower().split(b":", 1) for line in head.split(b"\r\n")[1:] if b":" in line)
    await reader.readexactly(int(headers[b"content-length"]))
    return int(head.split(b" ", 2)[1]), headers.get(CACHE_HEADER, b"").strip() == b"hit"


def _paths(incidents: int, rng: random.Random) -> list[tuple[str, str]]:
    paths = []
    for _ in range(2000):
        page = rng.randrange(1, LIST_PAGES + 1)
        country = rng.choice([None, *[code for code, _ in COUNTRIES]])
        query = f"page={page}&per_page=50" + (f"&country={country}" if country else "")
        paths.append(("list", f"/api/incidents?{query}"))
        paths.append(("detail", f"/api/incidents/bench{rng.randrange(incidents):011d}-1"))
    return paths


def _summary(name: str, found: list[Result], seconds: float) -> dict:
    latencies = sorted(t for _, t, _, _ in found)
    quantile = (lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000) if latencies else (
        lambda q: float("nan"))
    return {"endpoint": name, "requests": len(found), "requests_per_second": round(len(found) / seconds, 1),
            "p50_ms": round(quantile(0.50), 1), "p99_ms": round(quantile(0.99), 1),
            "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else float("nan"),
            "errors": sum(1 for _, _, ok, _ in found if not ok),
            "cached_share": round(sum(1 for *_, cached in found if cached) / len(found), 3) if found else 0.0}


async def _load(port: int, clients: int, warmup: float, seconds: float, paths: list[tuple[str, str]]) -> list:
    results: list[Result] = []
    recording = time.monotonic() + warmup
    until = recording + seconds
    await asyncio.gather(*(_client(port, paths, recording, until, seed, results) for seed in range(clients)))
    return results


def web_bench(*, incidents: int = 10_000, clients: int = 100, seconds: float = 30, workers: int = 1,
              cache_mb: int = DEFAULT_CACHE_MB, warmup: float = 0, db: Path | None = None) -> dict:
    """Build (or reuse) the synthetic store, serve it, load it; requests/s, p50/p99 latency and errors over
    `seconds`, after `warmup` seconds of the same load that are not counted (the server's cache filling)."""
    folder = tempfile.TemporaryDirectory(prefix="sitrep-bench-web-")
    path = db or Path(folder.name) / "bench.db"
    if not path.exists():
        started = time.perf_counter()
        build_store(path, incidents)
        built = time.perf_counter() - started
    else:
        built = 0.0
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(path), "--port", str(port),
                               "--workers", str(workers), "--cache-mb", str(cache_mb)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/api/incidents?per_page=1", server)
        paths = _paths(incidents, random.Random(1))
        try:
            import uvloop  # the event loop uvicorn uses too: less client CPU per request
            runner = uvloop.run
        except ImportError:
            runner = asyncio.run
        started = time.perf_counter()
        results = runner(_load(port, clients, warmup, seconds, paths))
        elapsed = time.perf_counter() - started - warmup
    finally:
        _stop(server)
        folder.cleanup()
    return {"incidents": incidents, "clients": clients, "seconds": round(elapsed, 1), "workers": workers,
            "cache_mb": cache_mb, "warmup_seconds": warmup,
            "cpus": os.cpu_count(), "build_seconds": round(built, 1), "results": [
                _summary("list", [r for r in results if r[0] == "list"], elapsed),
                _summary("detail", [r for r in results if r[0] == "detail"], elapsed),
                _summary("all", results, elapsed)]}

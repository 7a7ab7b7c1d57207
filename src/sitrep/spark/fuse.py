"""Fusion on Spark: `fusion.Fuser` run per block of (country, days), then the blocks reconciled.

One machine feeds every report, in input order, to one `Fuser`, which compares a report only with the
incidents of its country (or of none) that started within `fusion.WINDOW_DAYS` days of it. Here:

1. Blocking: a report goes to the block of its country and its `bucket_days`-long bucket of days (reports
   with no day to one block per country), and, as a read-only halo, to the neighbouring bucket when it lies
   within WINDOW_DAYS of it; so every incident a report could join on one machine is in its block.
2. Each block runs a `Fuser` over its reports in input order (groupByKey: no block is collected to the
   driver). A report's own block decides it: the report that started the incident it joined.
3. Reconciliation: a report whose incident was started by a halo report follows that report's own decision
   in its home block, and so on (pointer jumping, a few rounds of joins), up to a report that started an
   incident at home. That report's incident id names the fused incident; its reports are consolidated by
   `FusedIncident.consolidate`, the rules of one machine.

How it differs from one machine (docs/scaling.md): word rarity is counted over the block's reports, not
over all reports seen before; a report with no country meets only reports with no country (one machine
also compares it with every country's incidents of its days); and near a bucket edge a halo report's
decision is made without its own halo, so a chain of joins across the edge can differ. On a corpus whose
reports all lie in one block per country and whose words weigh the same, the result is the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyspark import RDD, StorageLevel

from ..export.flat import flat_incident
from ..export.records import fused_incident
from ..fusion import WINDOW_DAYS, FusedIncident, Fuser, Report

# A country-month: large enough that few reports lie near an edge, small enough for one executor's memory.
BUCKET_DAYS = 30
# Chains across bucket edges are short; each round halves what is left.
MAX_ROUNDS = 32

Member = tuple[int, int, Report, dict]  # seq of its article, position in the article, report, source


def fuse_reports(reports: RDD, *, bucket_days: int = BUCKET_DAYS) -> tuple[RDD, RDD]:
    """Fuse (seq, position, report, source) records: (links, fused rows).

    links: (report id, article id, fused incident id); fused rows: tuples of the export columns.
    """
    if bucket_days <= WINDOW_DAYS:
        raise ValueError(f"bucket_days must be more than fusion's window of {WINDOW_DAYS} days")
    blocked = reports.flatMap(lambda member: [(key, (member, home)) for key, home in block_keys(member[2], bucket_days)])
    decided = blocked.groupByKey().flatMap(lambda block: fuse_block(block[1]))
    roots = _follow_to_roots(decided)  # (report id, (root report id, fused id))
    roots.persist(StorageLevel.MEMORY_AND_DISK)
    by_report = reports.map(lambda member: (member[2].id, member))
    joined = roots.join(by_report)  # (report id, ((root, fused id), member))
    links = joined.map(lambda r: (r[0], r[1][1][2].article_id, r[1][0][1]))
    fused = joined.map(lambda r: (r[1][0][1], r[1][1])).groupByKey().map(lambda group: fused_row(*group))
    return links, fused


def block_keys(report: Report, bucket_days: int) -> list[tuple[tuple[str, int | None], bool]]:
    """The blocks a report goes to, (country or "", bucket), each with whether it is the report's home."""
    country = report.country or ""
    if report.day is None:
        return [((country, None), True)]
    day = report.day.toordinal()
    bucket = day // bucket_days
    keys = [((country, bucket), True)]
    if day - bucket * bucket_days < WINDOW_DAYS:
        keys.append(((country, bucket - 1), False))
    if (bucket + 1) * bucket_days - 1 - day < WINDOW_DAYS:
        keys.append(((country, bucket + 1), False))
    return keys


def fuse_block(members: Iterable[tuple[Member, bool]]) -> Iterator[tuple[str, tuple[str, str]]]:
    """One block's Fuser, in input order: (report id, (report that started its incident, incident id)) per home report."""
    fuser = Fuser()
    starters: dict[str, str] = {}
    for (_, _, report, _), home in sorted(members, key=lambda m: (m[0][0], m[0][1])):
        decision = fuser.add(report)
        if not decision.joined:
            starters[decision.incident_id] = report.id
        if home:
            yield report.id, (starters[decision.incident_id], decision.incident_id)


def _follow_to_roots(decided: RDD) -> RDD:
    """Replace each report's starter by the starter's own starter until every starter is a root (its own)."""
    current = decided
    for _ in range(MAX_ROUNDS):
        current.persist(StorageLevel.MEMORY_AND_DISK)
        roots = current.filter(lambda r: r[1][0] == r[0])
        if current.map(lambda r: (r[1][0], r[0])).subtractByKey(roots).isEmpty():
            return current
        # (starter, report) joined with the starter's own (starter, incident id).
        current = current.map(lambda r: (r[1][0], r[0])).join(current).map(lambda r: (r[1][0], r[1][1]))
    raise RuntimeError(f"fusion chains longer than {2 ** MAX_ROUNDS} reports")


def fused_row(fused_id: str, members: Iterable[Member]) -> tuple:
    """A fused incident's row in the export columns, from its reports in input order."""
    from .extract import incident_row  # extract imports this module

    ordered = sorted(members, key=lambda m: (m[0], m[1]))
    fused = FusedIncident(fused_id, [m[2] for m in ordered], [])
    return incident_row(flat_incident(fused_incident(fused, {m[2].id: m[3] for m in ordered})))

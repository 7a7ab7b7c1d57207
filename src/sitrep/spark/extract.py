"""`sitrep spark extract`: articles → incidents, errors and fused incidents, as Parquet, on Spark.

Input is JSON Lines (one article per line, as `sitrep extract` reads it; a file or a folder) or Parquet
(one article per row, the same fields as columns). Each partition runs `pipeline.process` (mapPartitions:
the model loads once per Python worker, and Spark reuses its workers). OUTPUT receives:

- `incidents/`: every article's incidents, the columns of `sitrep export --format parquet`;
- `errors/`: inputs that could not be read or extracted: `origin` (file:LINE, or file#ROW for Parquet),
  `code`, `message`;
- `fused/` and `fusion/`: the incidents fused across articles (`spark.fuse`), in the export columns, and
  which report went to which fused incident.

An article given twice (the same text) is kept once, its first occurrence, as the knowledge base does.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyspark import RDD, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import types as T

from ..export.flat import FLAT_COLUMNS, flat_incident
from ..export.parquet import DATE_COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS, typed_row
from ..export.records import extracted_incident, source
from ..fusion import reports_of
from ..ingest import RawArticle, article_from_record, parse_jsonl_line
from ..model import Document, InputError
from . import fuse

PARQUET_SUFFIXES = (".parquet", ".pq")
INCIDENT_SCHEMA = T.StructType([
    T.StructField(column, T.LongType() if column in INTEGER_COLUMNS else T.DoubleType() if column in FLOAT_COLUMNS
                  else T.DateType() if column in DATE_COLUMNS else T.StringType())
    for column in FLAT_COLUMNS])
ERROR_SCHEMA = T.StructType([T.StructField(name, T.StringType()) for name in ("origin", "code", "message")])
LINK_SCHEMA = T.StructType([T.StructField(name, T.StringType()) for name in ("report_id", "article_id", "fused_id")])


@dataclass
class JobStats:
    """What one run wrote."""

    articles: int
    incidents: int
    errors: int
    fused: int

    def summary(self) -> str:
        return (f"{self.articles} articles, {self.incidents} incidents, {self.errors} errors, "
                f"{self.fused} fused incidents")


def run_extract(spark: SparkSession, input_path: str, output: str, *, partitions: int | None = None,
                bucket_days: int = fuse.BUCKET_DAYS, overwrite: bool = False) -> JobStats:
    """Extract every article under `input_path` and write the datasets under `output` (see the module)."""
    mode = "overwrite" if overwrite else "errorifexists"
    partitions = partitions or spark.sparkContext.defaultParallelism
    results = read_articles(spark, input_path, partitions).mapPartitions(extract_partition)
    results.persist(StorageLevel.MEMORY_AND_DISK)  # three datasets come from one extraction

    errors = results.filter(lambda r: r[0] == "error").map(lambda r: r[2])
    # (article id, (seq, reports with their sources, rows)): the first occurrence of each article.
    documents = (results.filter(lambda r: r[0] == "document")
                 .map(lambda r: (r[2]["article_id"], (r[1], r[2])))
                 .reduceByKey(lambda a, b: a if a[0] <= b[0] else b)
                 .values())
    documents.persist(StorageLevel.MEMORY_AND_DISK)
    rows = documents.flatMap(lambda d: d[1]["rows"])
    spark.createDataFrame(rows, INCIDENT_SCHEMA).write.mode(mode).parquet(f"{output}/incidents")
    spark.createDataFrame(errors, ERROR_SCHEMA).write.mode(mode).parquet(f"{output}/errors")

    reports = documents.flatMap(lambda d: [(d[0], position, report, d[1]["sources"][report.id])
                                           for position, report in enumerate(d[1]["reports"])])
    links, fused = fuse.fuse_reports(reports, bucket_days=bucket_days)
    links.persist(StorageLevel.MEMORY_AND_DISK)
    spark.createDataFrame(links, LINK_SCHEMA).write.mode(mode).parquet(f"{output}/fusion")
    spark.createDataFrame(fused, INCIDENT_SCHEMA).write.mode(mode).parquet(f"{output}/fused")
    stats = JobStats(articles=documents.count(), incidents=rows.count(), errors=errors.count(),
                     fused=links.map(lambda link: link[2]).distinct().count())
    for rdd in (results, documents, links):
        rdd.unpersist()
    return stats


def read_articles(spark: SparkSession, input_path: str, partitions: int) -> RDD:
    """(seq, origin, JSONL line bytes or Parquet record) in input order; seq numbers them from 0."""
    if input_path.rstrip("/").endswith(PARQUET_SUFFIXES):
        rows = spark.read.parquet(input_path).rdd.map(lambda row: row.asDict()).zipWithIndex()
        return rows.map(lambda r: (r[1], f"{input_path}#{r[1] + 1}", r[0])).repartition(partitions)
    # Bytes, not text: a line that is not UTF-8 becomes an error in its place, as on one machine.
    lines = spark.sparkContext.textFile(input_path, minPartitions=partitions, use_unicode=False)
    return lines.zipWithIndex().map(lambda r: (r[1], f"{input_path}:{r[1] + 1}", r[0]))


def extract_partition(rows: Iterable[tuple[int, str, bytes | dict]]) -> Iterator[tuple]:
    """Run the pipeline over one partition: ("document", seq, payload) or ("error", seq, (origin, code, message))."""
    from ..pipeline import process  # on the worker: the model loads with the first partition it runs

    seqs: deque[int] = deque()

    def items() -> Iterator[RawArticle | InputError]:
        for seq, origin, value in rows:
            item = (article_from_record(_plain(value), origin=origin) if isinstance(value, dict)
                    else parse_jsonl_line(value, origin=origin))
            if item is not None:  # a blank line
                seqs.append(seq)
                yield item

    for result in process(items()):  # one result per item, in order
        seq = seqs.popleft()
        if isinstance(result, InputError):
            yield "error", seq, (result.origin, result.code, result.message)
        else:
            yield "document", seq, _payload(result)


def _payload(document: Document) -> dict:
    article = document.article
    reports = reports_of(document)
    return {"article_id": article.id, "reports": reports,
            "sources": {report.id: source(article, report.id) for report in reports},
            "rows": [incident_row(flat_incident(extracted_incident(article, incident)))
                     for incident in document.incidents]}


def incident_row(flat: dict) -> tuple:
    """A flat incident as a row of INCIDENT_SCHEMA (dates as dates, floats as floats)."""
    typed = typed_row(flat)
    return tuple(float(typed[c]) if c in FLOAT_COLUMNS and typed[c] is not None else typed[c] for c in FLAT_COLUMNS)


def _plain(record: dict) -> dict:
    """A Parquet row as a JSON record: timestamps and dates as ISO text, as a JSONL file would give them."""
    return {key: value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
            for key, value in record.items()}

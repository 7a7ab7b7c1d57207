"""`sitrep spark extract` on local[2] gives what one machine gives for the same articles.

The Spark test of the suite (marked `spark`): it starts a JVM (Java 17, which .ci/run installs) and takes
about a minute on a quiet machine (two at load 9). The corpus is the store tests' articles, the e2e JSONL articles, two reports of one car
bombing written here so that fusion has something to fuse, and two bad lines (the store corpus has a third).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

pytest.importorskip("pyspark")

from sitrep.cli import app  # noqa: E402
from sitrep.export.flat import flat_incident  # noqa: E402
from sitrep.export.parquet import SCHEMA, typed_row  # noqa: E402
from sitrep.export.records import extracted_incident, fused_incident, source  # noqa: E402
from sitrep.fusion import Fuser, Report, reports_of  # noqa: E402
from sitrep.model import Count, DateRange, Document, Incident, InputError, Location  # noqa: E402
from sitrep.pipeline import process_paths  # noqa: E402

pytestmark = [pytest.mark.spark, pytest.mark.slow]

TESTS = Path(__file__).resolve().parents[1]
SAME_BOMBING = [
    {"title": "Car bomb kills nine outside Mogadishu hotel", "published": "2022-03-05T16:00:00+03:00",
     "url": "https://example.org/mogadishu-hotel-a", "source": "Example Wire",
     "text": "MOGADISHU (Example Wire) - A car bomb exploded outside a hotel in Mogadishu on Saturday, killing nine "
             "people, police said.\n\nAl-Shabaab claimed responsibility for the attack."},
    {"title": "Al-Shabaab bomb kills nine in Mogadishu", "published": "2022-03-05T21:00:00+03:00",
     "url": "https://example.org/mogadishu-hotel-b", "source": "Example Times",
     "text": "MOGADISHU - Nine people were killed on Saturday when a car bomb went off outside a hotel in "
             "Mogadishu, officials said.\n\nAl-Shabaab said it carried out the bombing."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    lines = [*(TESTS / "store" / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines(),
             *(TESTS / "e2e" / "articles" / "peshawar-and-borno.jsonl").read_text(encoding="utf-8").splitlines(),
             *(json.dumps(record) for record in SAME_BOMBING), '{"title": "no body"}', "{not json"]
    path = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_machine(corpus) -> dict:
    """What one machine gives: sitrep's pipeline, then one Fuser over the reports in input order."""
    results = list(process_paths([corpus]))
    documents = [r for r in results if isinstance(r, Document)]
    fuser, sources = Fuser(), {}
    for document in documents:
        for report in reports_of(document):
            fuser.add(report)
            sources[report.id] = source(document.article, report.id)
    return {
        "incidents": [typed_row(flat_incident(extracted_incident(d.article, i))) for d in documents for i in d.incidents],
        "errors": [{"origin": r.origin, "code": r.code, "message": r.message}
                   for r in results if isinstance(r, InputError)],
        "fused": [typed_row(flat_incident(fused_incident(f, sources))) for f in fuser.incidents.values()],
        "fusion": [{"report_id": r.id, "article_id": r.article_id, "fused_id": f.id}
                   for f in fuser.incidents.values() for r in f.reports],
    }


@pytest.fixture(scope="module")
def spark():
    from sitrep.spark.session import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def _rows(path: Path, key: str) -> list[dict]:
    return sorted(pq.read_table(path).to_pylist(), key=lambda row: row[key])


def test_spark_fusion_across_a_bucket_edge_matches_one_machine(spark):
    """Three reports of one clash on the two days either side of a bucket edge fuse as on one machine."""
    from sitrep.spark.fuse import fuse_reports

    edge = dt.date.fromordinal(dt.date(2016, 10, 24).toordinal() // 3 * 3)  # the first day of a 3-day bucket
    place = Location(name="Quetta", admin1="Balochistan", country_code="PK", lat=30.18, lon=66.98, precision="city")
    reports = []
    for number, day in enumerate([edge - dt.timedelta(days=1), edge, edge + dt.timedelta(days=1)]):
        incident = Incident(id=f"r{number}", type="armed_clash", location=place,
                            date=DateRange(start=day, end=day, precision="day"),
                            fatalities=Count(min=4, max=4, qualifier="exact"), evidence=[], confidence=0.8)
        reports.append(Report(id=f"r{number}", article_id=f"a{number}", incident=incident, published=day,
                              text="troops clashed with militants near Quetta"))
    fuser = Fuser()
    for report in reports:
        fuser.add(report)
    members = spark.sparkContext.parallelize(
        [(number, 0, report, {"url": None}) for number, report in enumerate(reports)], 2)
    links, _ = fuse_reports(members, bucket_days=3)
    assert sorted((report_id, fused_id) for report_id, _, fused_id in links.collect()) == \
        sorted((r.id, f.id) for f in fuser.incidents.values() for r in f.reports)
    assert len(fuser.incidents) == 1


def test_spark_extract_reads_parquet_articles(corpus, one_machine, spark, tmp_path):
    import pyarrow as pa

    from sitrep.spark.extract import run_extract

    records = [json.loads(line) for line in (TESTS / "e2e" / "articles" / "peshawar-and-borno.jsonl").read_text(
        encoding="utf-8").splitlines()] + [{"title": "no body"}]
    columns = ("title", "published", "url", "source", "text")
    pq.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in records]), tmp_path / "in.parquet")
    stats = run_extract(spark, str(tmp_path / "in.parquet"), str(tmp_path / "out"), partitions=2)
    assert (stats.articles, stats.errors) == (2, 1)
    ids = {row["id"].split("-")[0] for row in _rows(tmp_path / "out" / "incidents", "id")}
    expected = [row for row in one_machine["incidents"] if row["id"].split("-")[0] in ids]
    assert len(ids) == 2 and _rows(tmp_path / "out" / "incidents", "id") == sorted(expected, key=lambda r: r["id"])
    assert [e["origin"] for e in _rows(tmp_path / "out" / "errors", "origin")] == [f"{tmp_path / 'in.parquet'}#3"]


def test_spark_extract_on_local_2_equals_one_machine(corpus, one_machine, spark, tmp_path):
    # The CLI joins the session the fixture started (same master) and stops it: this test comes last.
    output = tmp_path / "out"
    result = CliRunner().invoke(app, ["spark", "extract", str(corpus), str(output), "--master", "local[2]",
                                      "--partitions", "2"])
    assert result.exit_code == 1, result.output  # the bad lines are errors; the rest went through
    incidents = _rows(output / "incidents", "id")
    assert pq.read_table(output / "incidents").schema.equals(SCHEMA, check_metadata=False)
    assert incidents == sorted(one_machine["incidents"], key=lambda row: row["id"])
    assert _rows(output / "errors", "origin") == sorted(one_machine["errors"], key=lambda row: row["origin"])
    assert [e["code"] for e in _rows(output / "errors", "origin")] == ["E105"] * 3  # two here, one in the store corpus
    assert _rows(output / "fused", "id") == sorted(one_machine["fused"], key=lambda row: row["id"])
    assert _rows(output / "fusion", "report_id") == sorted(one_machine["fusion"], key=lambda row: row["report_id"])
    fused_bombing = [row for row in _rows(output / "fused", "id") if row["reports"] == 2]
    assert len(fused_bombing) == 1 and fused_bombing[0]["location"] == "Mogadishu"


def test_spark_extract_reports_a_missing_input_without_starting_spark(tmp_path):
    result = CliRunner().invoke(app, ["spark", "extract", str(tmp_path / "nothing.jsonl"), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nothing.jsonl: [E101] no such file or folder" in result.output

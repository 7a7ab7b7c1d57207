"""`sitrep bench` on a small corpus of the store tests' articles (the figures themselves are in docs/results.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

CORPUS = Path(__file__).resolve().parent / "store" / "corpus" / "articles.jsonl"


@pytest.mark.slow
def test_bench_parse_stage_repeats_the_input_and_reports_its_bad_line():
    result = CliRunner().invoke(app, ["bench", "--input", str(CORPUS), "--articles", "70", "--stage", "parse",
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert "articles.jsonl:3: [E105]" in result.output  # the corpus's bad line, left out
    figures = json.loads(result.output.splitlines()[-1])
    assert figures["articles"] == 70 and figures["stages"]["parse"]["results"] == 70
    assert figures["tokens"] > 0 and figures["stages"]["parse"]["articles_per_second"] > 0


def test_bench_needs_more_articles_than_the_warm_up():
    result = CliRunner().invoke(app, ["bench", "--input", str(CORPUS), "--articles", "10", "--stage", "parse"])
    assert result.exit_code == 2
    assert "--articles must be more than 64" in result.output


def test_bench_names_a_missing_benchmarks_folder(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--benchmarks", str(tmp_path), "--articles", "100"])
    assert result.exit_code == 1
    assert "muc4/dev.jsonl: [E101] no such benchmark file" in result.output


def test_bench_web_loads_a_real_server_and_counts_only_after_the_warm_up():
    result = CliRunner().invoke(app, ["bench", "web", "-n", "300", "-c", "4", "-s", "1", "--warmup", "1", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["incidents"], report["clients"], report["warmup_seconds"]) == (300, 4, 1)
    overall = report["results"][-1]
    assert overall["endpoint"] == "all" and overall["requests"] > 0 and overall["errors"] == 0
    assert 0 <= overall["cached_share"] <= 1 and overall["p50_ms"] <= overall["p99_ms"]

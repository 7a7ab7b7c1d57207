"""Bad input on the command line: one clear line per failure with its location, no traceback,
the rest still processed, exit status 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "quetta-police-college-2016-10-26.txt"
GOOD_TEXT = (
    "Gunmen attacked a police checkpoint in Peshawar, Pakistan on Monday, killing three policemen, "
    "officials said.\n\nNo group has claimed responsibility for the attack."
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", *args], input=stdin, capture_output=True, timeout=300)


def assert_clean_failure(result: subprocess.CompletedProcess, *fragments: str) -> str:
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in stderr, stderr
    return stderr


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def extracted(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]


def test_missing_file_is_reported_and_the_rest_goes_through(tmp_path, good):
    missing = tmp_path / "nope.txt"
    result = run_cli("extract", str(missing), str(good), "--format", "jsonl")
    assert_clean_failure(result, str(missing), "E101")
    assert len(extracted(result)) == 1


def test_directory_with_no_articles(tmp_path, good):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("extract", str(empty), str(good), "--format", "jsonl")
    assert_clean_failure(result, str(empty), "E102")
    assert len(extracted(result)) == 1


def test_binary_file(tmp_path, good):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run_cli("extract", str(binary), str(good), "--format", "jsonl")
    assert_clean_failure(result, str(binary), "E103")
    assert len(extracted(result)) == 1


def test_empty_file(tmp_path, good):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("extract", str(empty), str(good), "--format", "jsonl")
    assert_clean_failure(result, str(empty), "E104")
    assert len(extracted(result)) == 1


def test_html_with_no_text(tmp_path, good):
    page = tmp_path / "blank.html"
    page.write_text("<html><head><title></title></head><body><div></div></body></html>", encoding="utf-8")
    result = run_cli("extract", str(page), str(good), "--format", "jsonl")
    assert_clean_failure(result, str(page), "E104")
    assert len(extracted(result)) == 1


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_detected_and_decoded(tmp_path, encoding):
    text = "Militants attacked a café in Peshawar on Monday, killing three people, police said. " * 3
    if encoding == "cp1252":
        text = "\u201cWe will fight,\u201d a commander said. " + text
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = run_cli("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    article = extracted(result)[0]["article"]
    assert "café" in article["text"]
    if encoding == "cp1252":
        assert "\u201cWe will fight" in article["text"]


def test_malformed_jsonl_line_reports_file_and_line(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": GOOD_TEXT, "title": "one"}), "{not json", json.dumps({"title": "no text"}),
             json.dumps({"text": GOOD_TEXT, "title": "two"})]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("extract", str(corpus), "--format", "jsonl")
    stderr = assert_clean_failure(result, f"{corpus}:2", f"{corpus}:3", "E105")
    assert stderr.count("error:") == 2
    assert [d["article"]["title"] for d in extracted(result)] == ["one", "two"]


def test_feed_that_is_not_xml(tmp_path, good):
    feed = tmp_path / "feed.rss"
    feed.write_text("this is not a feed at all <<<", encoding="utf-8")
    result = run_cli("extract", str(feed), str(good), "--format", "jsonl")
    assert_clean_failure(result, str(feed), "E106")
    assert len(extracted(result)) == 1


def test_rss_feed_entries_become_articles(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
        <item><title>Attack in Peshawar</title><link>https://example.org/a</link>
        <pubDate>Mon, 24 Oct 2016 10:00:00 +0500</pubDate>
        <description>&lt;p&gt;Gunmen attacked a police checkpoint in Peshawar on Monday, killing three policemen.&lt;/p&gt;</description></item>
        </channel></rss>""",
        encoding="utf-8",
    )
    result = run_cli("extract", str(feed), "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    document = extracted(result)[0]
    assert document["article"]["url"] == "https://example.org/a"
    assert document["article"]["origin"].endswith("#1")


def test_stdin(good):
    result = run_cli("extract", "-", "--format", "jsonl", stdin=GOOD_TEXT.encode())
    assert result.returncode == 0, result.stderr.decode()
    assert extracted(result)[0]["article"]["origin"] == "<stdin>"


def test_folder_is_read_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text(GOOD_TEXT.replace("Peshawar", "Quetta"), encoding="utf-8")
    result = run_cli("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    assert len(extracted(result)) == 2


def test_text_format_is_a_readable_summary():
    result = run_cli("extract", str(SAMPLE))
    output = result.stdout.decode()
    assert result.returncode == 0
    assert "armed assault" in output and "Quetta" in output and "Lashkar-e-Jhangvi" in output

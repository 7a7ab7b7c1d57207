"""Property-based robustness: whatever is thrown at sitrep, the answer is a Document or a clear error.

The library is exercised in-process (fast, many examples); the CLI with a few
examples each, since every run starts a process and loads the model.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitrep
from sitrep.errors import SitrepError
from sitrep.ingest import RawArticle, read_inputs
from sitrep.model import Document, InputError

LIB = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLI = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])
HTML = "<html><head><title>Attack</title></head><body><p>Gunmen attacked a police station in Quetta on Monday, killing 12 people.</p></body></html>"


def check_results(results: list) -> None:
    assert results, "no result at all"
    for result in results:
        assert isinstance(result, (Document, InputError))
        if isinstance(result, InputError):
            assert result.code.startswith("E") and result.message and result.code != "E900", result


@LIB
@given(st.binary(max_size=2000))
def test_library_random_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "input.bin"
    path.write_bytes(data)
    check_results(list(sitrep.process(read_inputs([path]))))


@LIB
@given(st.text(max_size=2000))
def test_library_random_text(text):
    check_results(list(sitrep.process([RawArticle(origin="<test>", content=text, format="text")])))
    try:
        assert isinstance(sitrep.extract(text + "\n"), Document)
    except SitrepError as exc:
        assert exc.code != "E900"


NEWS_WORDS = (
    "attack raid bomb blast police army Quetta Peshawar Monday last week killed injured at least more than 60 "
    "the a of in on by with claimed said spokesman group IS ISIS Daesh LeJ Taliban al-Qaeda militants gunmen "
    "faction allied rival pledged allegiance to \" , . : -- ( ) he she it its their who which that no not"
).split()


@LIB
@given(st.lists(st.sampled_from(NEWS_WORDS), min_size=1, max_size=60).map(" ".join))
def test_library_news_word_salad(text):
    """Random sequences of news words reach parses that random characters never do (verbless roots, odd quotes)."""
    check_results(list(sitrep.process([RawArticle(origin="<test>", content=text, format="text")])))


@LIB
@given(st.integers(min_value=0, max_value=len(HTML)))
def test_library_truncated_html(cut):
    check_results(list(sitrep.process([RawArticle(origin="<test>", content=HTML[:cut], format="html")])))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
article_lines = st.fixed_dictionaries(
    {"text": st.text(max_size=300)},
    optional={"title": json_values, "url": json_values, "published": json_values, "source": json_values},
).map(json.dumps)


@LIB
@given(st.lists(article_lines | st.text(max_size=80) | json_values.map(json.dumps), max_size=6))
def test_library_random_json_lines(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(sitrep.process(read_inputs([path])))
    if any(line.strip() for line in lines):
        check_results(results)
    else:
        assert all(isinstance(r, InputError) for r in results)


@CLI
@given(data=st.binary(min_size=1, max_size=500) | st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")))
@pytest.mark.slow
def test_cli_never_shows_a_traceback(tmp_path, data):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(path), "--format", "jsonl"],
                            capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert result.returncode in (0, 1)
    if result.returncode == 1:
        assert stderr.startswith("error: ") and "[E" in stderr

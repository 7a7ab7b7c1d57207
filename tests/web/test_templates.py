"""What the pages print for tolls, reported values and source links."""

import pytest

from sitrep.web.templates import _count, _reported, input_name, safe_link


@pytest.mark.parametrize(("count", "shown"), [
    (None, "—"), ({"min": 7, "max": 7, "qualifier": "exact"}, "7"), ({"min": 3, "max": 5, "qualifier": "range"}, "3–5"),
    ({"min": 61, "max": None, "qualifier": "more_than"}, "at least 61"), ({"min": 40, "max": None, "qualifier": "about"},
                                                                         "about 40"),
    ({"min": None, "max": 10, "qualifier": "at_most"}, "at most 10"),
    ({"min": None, "max": None, "qualifier": "exact"}, "yes, number not given"),
])
def test_tolls_read_as_the_readme_prints_them(count, shown):
    assert _count(count) == shown


def test_reported_values_are_short_text():
    assert _reported({"name": "Kabul", "admin1": "Kabul", "country": "Afghanistan"}, "location") == \
        "Kabul, Afghanistan"
    assert _reported({"start": "2021-05-02", "end": "2021-05-03", "precision": "range"}, "date") == \
        "2021-05-02 to 2021-05-03 (range)"
    assert _reported({"min": 12, "qualifier": "at_least"}, "fatalities") == "at least 12"
    assert _reported([{"name": "a market"}, {"name": "police"}], "targets") == "a market; police"
    assert _reported(None, "type") == "—"


@pytest.mark.parametrize(("url", "linked"), [
    ("https://example.org/a", True), ("http://example.org", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,x", False), ("//evil.example", False), (None, False),
])
def test_only_http_urls_are_linked(url, linked):
    assert (safe_link(url) is not None) == linked


@pytest.mark.parametrize("origin, shown", [
    ("/srv/news/2016/quetta.txt", "quetta.txt"),
    ("/srv/news/corpus.jsonl:12", "corpus.jsonl:12"),
    ("C:\\news\\feed.xml", "feed.xml"),
    ("https://example.org/feed.xml", "https://example.org/feed.xml"),
    (None, ""),
])
def test_a_page_names_the_input_file_without_the_servers_folders(origin, shown):
    assert input_name(origin) == shown

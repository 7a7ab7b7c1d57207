"""Reading inputs: files, folders, JSONL, feeds, stdin, encodings and the errors they report."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from sitrep.ingest import RawArticle, decode_bytes, read_inputs
from sitrep.model import InputError

STORY = "Islamabad: A bomb killed five people near a police station on Wednesday, officials said."

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Dawn</title><link>https://dawn.example</link>
<item><title>Blast in Quetta</title><link>https://dawn.example/1</link>
<pubDate>Wed, 26 Oct 2016 13:20:00 +0500</pubDate>
<description>&lt;p&gt;QUETTA: A bomb exploded near a police van.&lt;/p&gt;</description>
<source url="https://afp.example">AFP</source></item>
<item><title>Second story</title><link>https://dawn.example/2</link>
<description>Plain summary.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:feed</id>
<updated>2016-10-26T12:00:00Z</updated>
<entry><title>Attack on police college</title><link href="https://wire.example/a"/><id>urn:a</id>
<updated>2016-10-26T12:00:00Z</updated><published>2016-10-26T11:00:00+05:00</published>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Full story, first paragraph.&lt;/p&gt;</content></entry>
</feed>"""


def read_all(*paths: str | Path) -> list[RawArticle | InputError]:
    return list(read_inputs(paths))


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_file_is_read_as_one_text_article(tmp_path):
    path = write(tmp_path / "story.txt", STORY)
    assert read_all(path) == [RawArticle(origin=str(path), content=STORY, format="text")]


def test_html_detected_by_extension_and_by_content(tmp_path):
    by_name = write(tmp_path / "a.htm", "<p>x</p>")
    by_content = write(tmp_path / "b.txt", "\ufeff  <!DOCTYPE html><html><body><p>x</p></body></html>")
    assert [item.format for item in read_all(by_name, by_content)] == ["html", "html"]


def test_missing_path_reports_e101_and_reading_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", STORY)
    items = read_all(tmp_path / "missing.txt", good)
    assert isinstance(items[0], InputError)
    assert (items[0].code, items[0].origin) == ("E101", str(tmp_path / "missing.txt"))
    assert isinstance(items[1], RawArticle)


def test_directory_without_articles_reports_e102(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden.txt").write_text(STORY)
    (tmp_path / "empty" / "photo.png").write_bytes(b"\x89PNG")
    [error] = read_all(tmp_path / "empty")
    assert (error.code, error.origin) == ("E102", str(tmp_path / "empty"))


def test_directory_is_walked_recursively_in_sorted_order_skipping_hidden(tmp_path):
    for name in ["b.txt", "a/z.txt", "a/y.html", "c/d/e.txt", ".git/x.txt", "a/.secret.txt", "notes.pdf"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STORY)
    origins = [Path(item.origin).relative_to(tmp_path).as_posix() for item in read_all(tmp_path)]
    assert origins == ["a/y.html", "a/z.txt", "b.txt", "c/d/e.txt"]


def test_binary_file_reports_e103(tmp_path):
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [error] = read_all(path)
    assert (error.code, error.origin) == ("E103", str(path))


def test_unopenable_file_reports_e103(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", STORY)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    # chmod alone would not stop a test run as root.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    [error] = read_all(path)
    assert (error.code, error.origin) == ("E103", str(path))
    assert "Permission denied" in error.message


def test_cp1252_curly_quotes_decode(tmp_path):
    text = "The spokesman said \u201cYes, of course\u201d \u2014 the group\u2019s caf\u00e9 was shut."
    path = write(tmp_path / "cp1252.txt", text.encode("cp1252"))
    assert read_all(path)[0].content == text


def test_latin1_accents_decode(tmp_path):
    text = "Zürich: Les autorités ont dit que le café était fermé à Genève."
    path = write(tmp_path / "latin1.txt", text.encode("latin-1"))
    assert read_all(path)[0].content == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_bom_selects_the_encoding(encoding):
    assert decode_bytes("Quetta “attack”".encode(encoding)) == "Quetta “attack”"


def test_jsonl_reads_records_with_their_fields(tmp_path):
    records = [
        {"text": STORY, "title": "Bomb in Islamabad", "url": "https://x.example/1", "published": "2016-10-26", "source": "Dawn"},
        {"html": "<p>x</p>"},
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(json.dumps(r) for r in records))
    first, second = read_all(path)
    assert first == RawArticle(
        origin=f"{path}:1",
        content=STORY,
        format="text",
        title="Bomb in Islamabad",
        url="https://x.example/1",
        published="2016-10-26",
        source="Dawn",
    )
    assert (second.origin, second.format, second.content) == (f"{path}:2", "html", "<p>x</p>")


def test_jsonl_malformed_line_reports_line_and_continues(tmp_path):
    lines = [
        json.dumps({"text": "first"}),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "last"}),
    ]
    path = write(tmp_path / "corpus.ndjson", "\n".join(lines) + "\n")
    items = read_all(path)
    errors = [(item.origin, item.code) for item in items if isinstance(item, InputError)]
    assert errors == [(f"{path}:3", "E105"), (f"{path}:4", "E105"), (f"{path}:5", "E105")]
    assert [item.content for item in items if isinstance(item, RawArticle)] == ["first", "last"]


def test_rss_feed_entries_become_html_articles(tmp_path):
    path = write(tmp_path / "feed.rss", RSS)
    first, second = read_all(path)
    assert first == RawArticle(
        origin=f"{path}#1",
        content="<p>QUETTA: A bomb exploded near a police van.</p>",
        format="html",
        title="Blast in Quetta",
        url="https://dawn.example/1",
        published="Wed, 26 Oct 2016 13:20:00 +0500",
        source="AFP",
    )
    assert (second.origin, second.title, second.published) == (f"{path}#2", "Second story", None)


def test_atom_feed_prefers_full_content_to_summary(tmp_path):
    path = write(tmp_path / "feed.xml", ATOM)
    [entry] = read_all(path)
    assert entry.content == "<p>Full story, first paragraph.</p>"
    assert (entry.format, entry.title, entry.url) == ("html", "Attack on police college", "https://wire.example/a")
    assert entry.published == "2016-10-26T11:00:00+05:00"


def test_feed_detected_by_content(tmp_path):
    path = write(tmp_path / "download", RSS)
    assert [item.origin for item in read_all(path)] == [f"{path}#1", f"{path}#2"]


def test_feed_that_is_not_xml_reports_e106(tmp_path):
    path = write(tmp_path / "broken.rss", "this is not xml at all")
    [error] = read_all(path)
    assert (error.code, error.origin) == ("E106", str(path))


def test_feed_without_entries_reports_e106(tmp_path):
    path = write(tmp_path / "empty.xml", "<rss version='2.0'><channel><title>x</title></channel></rss>")
    [error] = read_all(path)
    assert error.code == "E106"


def test_stdin_dash_is_read_and_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("cp1252"))))
    assert read_all("-") == [RawArticle(origin="<stdin>", content=STORY, format="text")]


def test_stdin_jsonl_is_read_per_line(monkeypatch):
    data = json.dumps({"text": "one"}) + "\nnope\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    article, error = read_all("-")
    assert (article.origin, article.content) == ("<stdin>:1", "one")
    assert (error.origin, error.code) == ("<stdin>:2", "E105")

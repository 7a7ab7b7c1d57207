"""Cleaning raw articles: page furniture out, story blocks and metadata in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sitrep.clean import clean_article
from sitrep.errors import EmptyArticle
from sitrep.ingest import RawArticle, read_inputs
from sitrep.model import Article

SAMPLE = Path(__file__).parent.parent / "examples" / "quetta-police-college-2016-10-26.txt"
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
CAPTION = (
    "An ambulance carries injured officers to a hospital outside a police training school "
    "attacked by militants in Quetta, Pakistan."
)

HTML_PAGE = """<!doctype html>
<html><head><title>Bomb kills 5 in Quetta | Dawn</title>
<meta property="og:title" content="Bomb kills 5 in Quetta">
<meta property="og:site_name" content="Dawn">
<meta property="article:published_time" content="2016-10-26T18:50:00+05:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news section</a></li></ul></nav>
<article><h1>Bomb kills 5 in Quetta</h1>
<p>QUETTA: A bomb exploded near a police van in Quetta on Wednesday, killing five people and injuring twelve others, officials said.</p>
<p>No group claimed responsibility for the attack, which came two days after militants stormed the police training college.</p>
<p>Advertisement</p>
<p>Police cordoned off the area and began a search operation, a spokesman for the provincial government said.</p>
</article>
<footer><p>Copyright 2016 Dawn. All rights reserved.</p><a href="/about">About the newspaper</a></footer>
</body></html>"""


def clean_text(content: str, **fields) -> Article:
    return clean_article(RawArticle(origin="page.txt", content=content, format="text", **fields))


def blocks(article: Article, kind: str) -> list[str]:
    return [article.text[s.start : s.end] for s in article.segments if s.kind == kind]


def assert_segments_tile_the_text(article: Article) -> None:
    """Segments are the blocks of the text, in order, parted by one blank line."""
    pieces = [article.text[s.start : s.end] for s in article.segments]
    assert "\n\n".join(pieces) == article.text
    assert all(piece and piece == piece.strip() for piece in pieces)


@pytest.fixture(scope="module")
def sample() -> Article:
    [raw] = read_inputs([SAMPLE])
    return clean_article(raw)


def sample_story_paragraphs() -> list[str]:
    """The story as the analyst reads it: the paragraphs from the dateline up to the footer."""
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[lines.index(next(l for l in lines if l.startswith("Islamabad:"))) : -1]


def test_sample_metadata_is_exact(sample):
    assert sample.title == "Pak militant group worked with ISIS on police attack: spokesman"
    assert sample.published == dt.datetime(2016, 10, 26, 18, 50, tzinfo=IST)
    assert sample.published.isoformat() == "2016-10-26T18:50:00+05:30"
    assert sample.timezone == "IST"
    assert sample.section == "World / Neighbours"
    assert sample.dateline == "Islamabad"
    assert sample.credits == ["Photo: AP"]
    assert sample.source is None
    assert sample.url is None
    assert sample.origin == str(SAMPLE)


def test_sample_caption_appears_once_without_its_credit(sample):
    assert blocks(sample, "caption") == [CAPTION]
    assert sample.text.count("An ambulance carries") == 1
    assert "(Photo: AP)" not in sample.text


def test_sample_segments_are_title_caption_then_story(sample):
    assert blocks(sample, "title") == [sample.title]
    assert blocks(sample, "body") == sample_story_paragraphs()
    assert len(blocks(sample, "body")) == 12
    assert [s.kind for s in sample.segments[:3]] == ["title", "caption", "body"]
    assert_segments_tile_the_text(sample)


def test_sample_page_furniture_is_gone(sample):
    for furniture in ["World Neighbours", "Pak militant group w ...", "Published", "Updated", "More From"]:
        assert furniture not in sample.text
    assert blocks(sample, "body")[0].startswith("Islamabad: A major Pakistani militant group")


def test_article_id_is_the_hash_of_the_normalised_text(sample):
    again = clean_article(next(iter(read_inputs([SAMPLE]))))
    assert re.fullmatch(r"[0-9a-f]{16}", sample.id)
    assert again.id == sample.id
    assert clean_text(sample.text.upper().replace(" ", "  ")).id == sample.id


def test_html_file_is_extracted_by_trafilatura(tmp_path):
    path = tmp_path / "dawn.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [raw] = read_inputs([path])
    article = clean_article(raw)
    assert article.title == "Bomb kills 5 in Quetta"
    assert blocks(article, "body") == [
        "QUETTA: A bomb exploded near a police van in Quetta on Wednesday, killing five people and injuring twelve others, officials said.",
        "No group claimed responsibility for the attack, which came two days after militants stormed the police training college.",
        "Police cordoned off the area and began a search operation, a spokesman for the provincial government said.",
    ]
    for furniture in ["World news section", "About the newspaper", "Advertisement", "Copyright"]:
        assert furniture not in article.text
    assert article.published == dt.datetime(2016, 10, 26, 18, 50, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    assert (article.dateline, article.source, article.origin) == ("Quetta", "Dawn", str(path))
    assert_segments_tile_the_text(article)


def test_html_byline_agency_is_the_source():
    page = HTML_PAGE.replace("<h1>Bomb kills 5 in Quetta</h1>", "<h1>Bomb kills 5 in Quetta</h1><p class='byline'>By AFP</p>")
    article = clean_article(RawArticle(origin="dawn.html", content=page, format="html"))
    assert article.source == "AFP"
    assert "By AFP" not in article.text


def test_given_title_with_site_name_replaces_the_page_headline():
    article = clean_text(
        "Gunmen kill 12 at Quetta checkpoint\n\nGunmen killed 12 policemen on Wednesday.",
        title="Gunmen kill 12 at Quetta checkpoint | Dawn",
    )
    assert blocks(article, "title") == ["Gunmen kill 12 at Quetta checkpoint | Dawn"]
    assert blocks(article, "body") == ["Gunmen killed 12 policemen on Wednesday."]


def test_feed_entry_html_fragment_is_cleaned():
    raw = RawArticle(
        origin="feed.rss#1",
        content="<p>QUETTA: A bomb exploded near a police van.</p>",
        format="html",
        title="Blast in Quetta",
        published="Wed, 26 Oct 2016 13:20:00 +0500",
    )
    article = clean_article(raw)
    assert article.text == "Blast in Quetta\n\nQUETTA: A bomb exploded near a police van."
    assert (article.title, article.dateline, article.timezone) == ("Blast in Quetta", "Quetta", "+0500")


@pytest.mark.parametrize(
    "raw",
    [
        RawArticle(origin="empty.txt", content="", format="text"),
        RawArticle(origin="blank.txt", content=" \n\t\n \u00a0 ", format="text"),
        RawArticle(origin="empty.html", content="<html><head><title>Nothing</title></head><body></body></html>", format="html"),
        RawArticle(origin="script.html", content="<html><body><script>var x = 1;</script></body></html>", format="html"),
    ],
    ids=["empty", "whitespace", "html-without-body", "html-only-script"],
)
def test_no_story_text_raises_e104_with_origin(raw):
    with pytest.raises(EmptyArticle) as caught:
        clean_article(raw)
    assert (caught.value.code, caught.value.origin) == ("E104", raw.origin)


def test_record_fields_win_over_detected_ones():
    page = "Published Oct 26, 2016, 6:50 pm IST\n\nQUETTA, Oct 26 (AFP): Gunmen killed 12 policemen, officials said."
    article = clean_text(
        page,
        title="Twelve police killed",
        url="https://x.example/2",
        published="2016-10-27T08:00:00Z",
        source="Dawn",
    )
    assert (article.title, article.url, article.source) == ("Twelve police killed", "https://x.example/2", "Dawn")
    assert article.published == dt.datetime(2016, 10, 27, 8, tzinfo=dt.timezone.utc)
    assert blocks(article, "title") == ["Twelve police killed"]


def test_unreadable_record_date_falls_back_to_the_page_stamp():
    article = clean_text("Published Oct 26, 2016, 6:50 pm IST\n\nGunmen killed 12 policemen.", published="sometime")
    assert article.published == dt.datetime(2016, 10, 26, 18, 50, tzinfo=IST)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "source"),
    [
        ("ISLAMABAD (Reuters) - Gunmen killed 12 policemen on Wednesday.", "Islamabad", "Reuters"),
        ("Quetta, Oct 26 (AFP): Gunmen killed 12 policemen on Wednesday.", "Quetta", "AFP"),
        ("QUETTA, Pakistan — Gunmen killed 12 policemen on Wednesday.", "Quetta", None),
        ("NEW DELHI, Oct. 26 (PTI) -- Gunmen killed 12 policemen on Wednesday.", "New Delhi", "PTI"),
        ("Islamic State - the group that claimed the attack - is growing.", None, None),
    ],
)
def test_dateline_is_read_and_its_agency_is_the_source(paragraph, dateline, source):
    article = clean_text(paragraph)
    assert (article.dateline, article.source) == (dateline, source)
    assert article.text == paragraph


@pytest.mark.parametrize(
    ("paragraph", "published"),
    [
        ("KABUL, May 3, 2021 (Reuters) - A bomb exploded on Monday.", dt.datetime(2021, 5, 3)),
        ("Quetta, 26 October 2016: Gunmen killed 12 policemen.", dt.datetime(2016, 10, 26)),
        ("LAGOS, 2019-07-22 - Gunmen killed five.", dt.datetime(2019, 7, 22)),
        ("Quetta, Oct 26 (AFP): Gunmen killed 12 policemen.", None),  # no year: not guessed
        ("DHAKA, 3/5/2021 - Police fired on protesters.", None),  # day and month could be either way round
    ],
)
def test_a_wire_datelines_full_date_dates_a_story_nothing_else_dates(paragraph, published):
    assert clean_text(paragraph).published == published


def test_the_pages_own_stamp_wins_over_the_datelines_date():
    article = clean_text("Published Oct 27, 2016\n\nQUETTA, Oct 26, 2016 (AFP) - Gunmen killed 12 policemen.")
    assert article.published == dt.datetime(2016, 10, 27)


def at(hour: int, minute: int = 0, *, offset: float | None = None) -> dt.datetime:
    """26 Oct 2016 at hour:minute, at a UTC offset in hours when given."""
    zone = dt.timezone(dt.timedelta(hours=offset)) if offset is not None else None
    return dt.datetime(2016, 10, 26, hour, minute, tzinfo=zone)


@pytest.mark.parametrize(
    ("stamp", "expected", "zone"),
    [
        ("Published: 10:32 AM PKT, October 26, 2016", at(10, 32, offset=5), "PKT"),
        ("Posted on Wed, 26 Oct 2016 13:20:00 GMT", at(13, 20, offset=0), "GMT"),
        ("Last updated 26 October 2016 at 14:05 BST", at(14, 5, offset=1), "BST"),
        ("Published 26.10.2016 | 18:50 CEST", at(18, 50, offset=2), "CEST"),
        ("Updated Oct 26, 2016 9:50 AM EDT", at(9, 50, offset=-4), "EDT"),
        ("Published Wednesday 26 October 2016 18.50 AEST", at(18, 50, offset=10), "AEST"),
        ("Published 26 Oct 2016 12:00 WIB", at(12, offset=7), "WIB"),
        ("Published 26 Oct 2016 12:00 EAT", at(12, offset=3), "EAT"),
        ("Published: 26 Oct 2016 12:00 +0530", at(12, offset=5.5), "+0530"),
        ("Published 26 Oct 2016 12:00 GMT+5", at(12, offset=5), "GMT+5"),
        ("Published October 26, 2016", at(0), None),
    ],
)
def test_stamps_are_read_with_their_zone_and_removed(stamp, expected, zone):
    story = "Gunmen kill 12 at Quetta checkpoint\n\nGunmen killed 12 policemen on Wednesday."
    article = clean_text(story.replace("\n", f"\n{stamp}\n", 1))
    assert (article.published, article.timezone) == (expected, zone)
    assert article.published.utcoffset() == expected.utcoffset()
    assert article.text == story


def test_published_stamp_wins_over_updated_stamp():
    page = "Updated: Oct 27, 2016 16:02 PKT | Posted: Oct 26, 2016 13:20 PKT\n\nGunmen killed 12 policemen."
    assert clean_text(page).published == dt.datetime(2016, 10, 26, 13, 20, tzinfo=dt.timezone(dt.timedelta(hours=5)))


def test_relative_stamp_is_removed_without_a_date():
    article = clean_text("Updated 2 hours ago\n\nGunmen killed 12 policemen on Wednesday.")
    assert (article.text, article.published) == ("Gunmen killed 12 policemen on Wednesday.", None)


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Police at the site. (AP Photo/B.K. Bangash)", "Police at the site.", "AP Photo/B.K. Bangash"),
        ("Police at the site. Photo: Reuters", "Police at the site.", "Photo: Reuters"),
        ("Police at the site. (Getty Images)", "Police at the site.", "Getty Images"),
        ("Image caption Relatives mourn outside the hospital", "Relatives mourn outside the hospital", None),
        ("Police at the site in Quetta. (File photo)", "Police at the site in Quetta.", None),
        ("File photo: Police at the site in Quetta.", "Police at the site in Quetta.", None),
        ("Image copyright Getty Images", None, "Image copyright Getty Images"),
    ],
)
def test_caption_lines_become_captions_and_credits(line, caption, credit):
    article = clean_text(f"Gunmen kill 12 at Quetta checkpoint\n{line}\n\nGunmen killed 12 policemen on Wednesday.")
    assert blocks(article, "caption") == ([caption] if caption else [])
    assert article.credits == ([credit] if credit else [])
    assert blocks(article, "body") == ["Gunmen killed 12 policemen on Wednesday."]


def test_bylines_widgets_and_footers_are_removed():
    page = """Home > World > South Asia

Gunmen kill 12 at Quetta checkpoint

By Saleem Shahid | AFP
Share on Facebook

Gunmen opened fire on a checkpoint on the outskirts of the city on Wednesday, killing 12 policemen, officials said.
Advertisement
"We have launched an operation," a police official told reporters.
Also read: Militants storm police college in Quetta
Reporting by Gul Yusufzai; Editing by Nick Macfie
Copyright 2016 Agence France-Presse. All rights reserved.
Follow us on Twitter

Related Stories
Quetta police college attack toll rises to 61
"""
    article = clean_text(page)
    assert blocks(article, "body") == [
        "Gunmen opened fire on a checkpoint on the outskirts of the city on Wednesday, killing 12 policemen, officials said.",
        '"We have launched an operation," a police official told reporters.',
    ]
    assert (article.title, article.section, article.source) == ("Gunmen kill 12 at Quetta checkpoint", "World / South Asia", "AFP")


def test_footer_heading_names_a_multi_word_last_crumb():
    page = (
        "News South Asia 26 Oct 2016 Gunmen kill 12 at Quetta ...\n\nGunmen kill 12 at Quetta checkpoint\n\n"
        "Gunmen opened fire on a checkpoint on Wednesday, killing 12 policemen, officials said.\n\nMore From South Asia"
    )
    article = clean_text(page)
    assert article.section == "News / South Asia"
    assert article.published == dt.datetime(2016, 10, 26)
    assert "More From" not in article.text and "..." not in article.text


def test_paragraph_that_merely_starts_like_a_widget_is_kept():
    paragraph = "Share prices fell in Karachi after the attack, as investors feared more violence in the province."
    assert clean_text(paragraph).text == paragraph


def test_hard_wrapped_lines_are_joined_and_paragraph_breaks_kept():
    page = "Gunmen opened fire on a checkpoint on the outskirts of\nthe city on Wednesday.\nPolice said 12 died.\n\nNo group claimed it."
    article = clean_text(page)
    assert blocks(article, "body") == [
        "Gunmen opened fire on a checkpoint on the outskirts of the city on Wednesday.",
        "Police said 12 died.",
        "No group claimed it.",
    ]


def test_text_is_nfc_with_single_spaces():
    article = clean_text("Cafe\u0301   owner\u00a0in  Zu\u0308rich was\u200b hurt.\r\n\r\nPolice  said so.")
    assert article.text == "Café owner in Zürich was hurt.\n\nPolice said so."


def test_short_headline_with_full_stop_is_the_title_but_a_short_lede_is_not():
    long_paragraph = "The attack came two days after militants stormed the police training college outside the city."
    headline = clean_text(f"Gunmen kill 12 policemen in Quetta.\n\n{long_paragraph}")
    lede = clean_text(f"QUETTA: Gunmen killed 12 policemen.\n\n{long_paragraph}")
    assert headline.title == "Gunmen kill 12 policemen in Quetta."
    assert (lede.title, lede.dateline) == (None, "Quetta")


def test_untitled_story_has_no_title_segment():
    article = clean_text("Police said 12 policemen died.\nNo group claimed responsibility.")
    assert article.title is None
    assert [s.kind for s in article.segments] == ["body", "body"]


def test_impossible_zone_offset_gives_no_date():
    article = clean_text("Gunmen kill 12 at Quetta checkpoint\nPublished 26 Oct 2016 12:00 GMT+24:00\n\nGunmen killed 12.")
    assert article.published is None

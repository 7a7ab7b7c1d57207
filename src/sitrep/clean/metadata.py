"""Article metadata read from text: publication time stamps, time zones, datelines.

Example:

    parse_timestamp("Oct 26, 2016, 6:50 pm IST")   # 2016-10-26 18:50+05:30, zone "IST"
    find_dateline("QUETTA, Oct 26 (AFP): Gunmen ...")  # Dateline(city="Quetta", agency="AFP")
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

# Offsets in minutes of the zone abbreviations news sites print. Ambiguous
# ones take the reading usual in news about South Asia and the Middle East:
# IST is India (not Irish or Israel), BST British Summer Time (not
# Bangladesh), AST Arabia (not Atlantic).
ZONE_OFFSETS = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0, "BST": 60, "WEST": 60,
    "CET": 60, "CEST": 120, "WAT": 60, "EET": 120, "EEST": 180, "CAT": 120,
    "SAST": 120, "EAT": 180, "MSK": 180, "TRT": 180, "AST": 180, "IRST": 210,
    "GST": 240, "AFT": 270, "PKT": 300, "IST": 330, "NPT": 345, "BDT": 360,
    "MMT": 390, "ICT": 420, "WIB": 420, "WITA": 480, "WIT": 540, "PHT": 480,
    "SGT": 480, "HKT": 480, "AWST": 480, "JST": 540, "KST": 540, "ACST": 570,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240,
    "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600,
}  # fmt: skip
_ZONE_NAMES = "|".join(sorted(ZONE_OFFSETS, key=len, reverse=True))
# "IST", "GMT+5", "UTC +05:30": an abbreviation, optionally with an offset.
NAMED_ZONE = re.compile(
    rf"\b(?P<name>{_ZONE_NAMES})\b(?:\s*(?P<sign>[+-])(?P<hours>\d{{1,2}})(?::?(?P<minutes>\d{{2}}))?)?"
)
# "+0530", "-05:00" after a space, so that "2016-10-26" is not an offset.
NUMERIC_ZONE = re.compile(r"(?<=\s)(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})\b")
# Real zones lie within UTC-12 and UTC+14.
MAX_OFFSET_MINUTES = 14 * 60
# The offset at the end of an ISO 8601 string, as printed.
ISO_ZONE = re.compile(r"(?:Z|[+-]\d{2}(?::?\d{2})?)$")

# sitrep reads English news (its NLP pipeline is English); one language keeps
# parsing fast and avoids reading English words as foreign month names.
DATE_LANGUAGES = ["en"]
DATEPARSER_SETTINGS = {
    # Absolute dates only: relative ones ("2 hours ago") would depend on today.
    "PARSERS": ["custom-formats", "absolute-time"],
    # A missing year would be filled in from today: not deterministic.
    "REQUIRE_PARTS": ["day", "month", "year"],
    # The zone is read here, from the table above.
    "RETURN_AS_TIMEZONE_AWARE": False,
}
TRAILING_PUNCTUATION = " ,;|-–—."

MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A calendar date as pages print it: "26 Oct 2016", "Oct 26, 2016", "2016-10-26", "26/10/2016".
DATE_PATTERN = (
    rf"(?:\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)

# News agencies, as they sign stories in datelines and bylines.
NEWS_AGENCIES = frozenset({
    "AP", "Associated Press", "Reuters", "AFP", "Agence France-Presse", "PTI",
    "Press Trust of India", "IANS", "ANI", "UNI", "Xinhua", "dpa", "DPA", "EFE",
    "ANSA", "APP", "Anadolu", "Anadolu Agency", "AA", "Kyodo", "Yonhap", "TASS",
    "RIA Novosti", "Interfax", "Bernama", "Antara", "BSS", "NNI", "INP", "Bloomberg",
    "UPI", "IRNA", "WAM", "SPA", "KUNA", "MENA", "SANA", "QNA", "Petra",
})  # fmt: skip
_AGENCY_NAMES = "|".join(sorted((re.escape(name) for name in NEWS_AGENCIES), key=len, reverse=True))
AGENCY_NAME = re.compile(rf"(?<![\w-])(?:{_AGENCY_NAMES})(?![\w-])")
# An unknown agency in a dateline is printed as an acronym: "(NNI)".
AGENCY_ACRONYM = re.compile(r"[A-Z]{2,6}")

# "ISLAMABAD (Reuters) -", "QUETTA, Pakistan —", "Quetta, Oct 26 (AFP):", "Islamabad:".
_PLACE_WORD = r"[A-Z][\w'’.-]*"
DATELINE = re.compile(
    rf"^(?P<city>{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|al|el|de|del|da|di|do|du|ul|e)){{0,3}})"
    rf"(?:,\s*(?P<region>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}))?"
    rf"(?:,?\s*(?P<date>{DATE_PATTERN}))?"
    r"(?:\s*\((?P<agency>[^()]{1,40})\))?"
    r"\s*(?P<separator>:|--|—|–|-)\s+(?=\S)"
)
# Kickers and labels that open a paragraph the way a dateline does.
NOT_DATELINES = frozenset({
    "update", "updated", "breaking", "breaking news", "exclusive", "analysis", "news analysis", "opinion",
    "editorial", "watch", "video", "live", "note", "editor's note", "correction", "comment", "photos",
    "read", "also read", "warning", "summary", "highlights", "the latest", "latest", "focus", "urgent",
    "flash", "factbox", "fact check", "explainer", "timeline", "interview", "feature", "profile",
    "poll", "insight", "special report", "in pictures", "wrapup", "refile", "corrected",
})  # fmt: skip
# Nor is a day or a month a place: "Monday, 5 January: In Narayanganj ...".
CALENDAR_WORD = re.compile(rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|{MONTH})")


@dataclass(frozen=True, slots=True)
class Timestamp:
    """A date-time read from text, with its zone as printed ("IST", "+05:30")."""

    value: dt.datetime
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the story was filed, and the agency that filed it when the dateline names one."""

    city: str
    agency: str | None = None
    date: str | None = None  # as written: "May 3, 2021", "3 May"


def parse_timestamp(text: str) -> Timestamp | None:
    """Read a date-time (ISO 8601, RFC 822, common news formats); None when there is none.

    Time-zone aware when the text gives a zone we know; naive otherwise.
    """
    text = " ".join(text.split()).strip(TRAILING_PUNCTUATION)
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return _parse_with_zone(text)
    zone = ISO_ZONE.search(text) if value.tzinfo else None
    return Timestamp(value, zone.group() if zone else None)


def _parse_with_zone(text: str) -> Timestamp | None:
    zone = NAMED_ZONE.search(text) or NUMERIC_ZONE.search(text)
    rest = f"{text[: zone.start()]} {text[zone.end() :]}" if zone else text
    value = dateparser.parse(rest.strip(TRAILING_PUNCTUATION), languages=DATE_LANGUAGES, settings=DATEPARSER_SETTINGS)
    if value is None:
        return None
    if zone is None:
        return Timestamp(value)
    minutes = _zone_minutes(zone)
    if minutes is None:
        return None
    return Timestamp(value.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes))), zone.group().strip())


def _zone_minutes(zone: re.Match[str]) -> int | None:
    """The zone's offset: an explicit one ("GMT+5") wins over the abbreviation's; None when impossible."""
    if zone["sign"] is None:
        return ZONE_OFFSETS[zone["name"]]
    hours, minutes = int(zone["hours"]), int(zone["minutes"] or 0)
    if hours * 60 + minutes > MAX_OFFSET_MINUTES or minutes >= 60:
        return None
    return -(hours * 60 + minutes) if zone["sign"] == "-" else hours * 60 + minutes


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a story's first paragraph, if any."""
    match = DATELINE.match(paragraph)
    if match is None or match["city"].lower() in NOT_DATELINES or CALENDAR_WORD.fullmatch(match["city"]):
        return None
    city, agency = match["city"], _agency(match["agency"])
    # A bare "Words - " opener is a dateline only in capitals ("ISLAMABAD -");
    # "Islamic State - the group ..." is a sentence.
    bare = not (match["region"] or match["date"] or agency)
    if bare and match["separator"] != ":" and not city.isupper():
        return None
    return Dateline(city=city.title() if city.isupper() else city, agency=agency, date=match["date"])


def _agency(name: str | None) -> str | None:
    if name is None:
        return None
    name = name.strip()
    known = AGENCY_NAME.fullmatch(name)
    return name if known or AGENCY_ACRONYM.fullmatch(name) else None


def find_agency(text: str) -> str | None:
    """The first news agency named in `text` (a byline), if any."""
    match = AGENCY_NAME.search(text)
    return match.group() if match else None

"""Dates of events, read from expressions and resolved against the publication date.

`resolve_date` returns a `DateRange` (start, end, precision, text) or None when
the expression is no usable date ("recent years", "for the first time", "the
previous day"). A resolved range never ends after publication: an unqualified
"March 12" later in the year than the article means the year before, "on Friday"
in a Wednesday article means the Friday before, and a range is clipped to the
publication date. Without a publication date only absolute dates resolve.

Precision, by expression:

- "day": today, tonight, this morning, earlier today, yesterday, last night, the
  day before yesterday, (on / last / this past) Monday ... Sunday (the
  publication's weekday is the publication day, "last Monday" a week or less
  before), N days ago, an explicit date ("12 March 2016", "March 12", "Oct. 26",
  "on the night of 12 March", "2016-10-26").
- "week": this week (Monday of the publication week .. publication), last week
  (the previous Monday .. Sunday), N weeks ago (the Monday .. Sunday week holding
  that day).
- "month": this month (the 1st .. publication), last month (the whole previous
  month), N months ago, "in March", "March 2016" (the whole month).
- "year": this year (1 January .. publication), last year (the whole year),
  N years ago, "in 2015".
- "range": earlier this week / month / year (start of the period .. publication),
  last weekend / over the weekend (the latest Saturday .. Sunday before
  publication), "between 3 and 5 May", "from 3 to 5 May", "3-5 May",
  "May 3-5", any two resolvable ends ("1 May 2016 to 3 May 2016", "Tuesday and
  Wednesday"), the past N days / weeks (publication minus N units .. publication),
  overnight (the night before publication: the day before .. publication).

dateparser (English, RELATIVE_BASE = publication, PREFER_DATES_FROM = "past")
reads absolute forms the patterns here do not know ("26/10/2016", "3rd of
Sept"), and only those: its weekday pitfall (the publication's own weekday comes
back a week early), its day-of-month filling for "in March" and its readings of
bare numbers, clock times and decades ("5" as May, "10:30" as yesterday) are
kept out. Numeric dates follow dateparser's order (month first when ambiguous).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re
from collections.abc import Callable

from sitrep.model import DatePrecision, DateRange

LOGGER = logging.getLogger(__name__)

DAYS_PER_WEEK = 7
SATURDAY = 5

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "a couple of": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_NUMBER = r"(?P<number>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_RANGE_WORD = r"\s*(?:and|to|until|till|through|-|–|—)\s*"

# Words that open an expression without changing its meaning.
_LEAD = re.compile(
    r"^(?:(?:on|in|at|during|by|from|of|early|late)\s+|mid-?\s*)?"
    r"(?:(?:the\s+)?(?:night|morning|afternoon|evening|weekend)\s+of\s+)?"
)
_TRAIL = re.compile(r"[\s,.;:]+$")

Handler = Callable[[re.Match[str], dt.date], "tuple[dt.date, dt.date, DatePrecision] | None"]


# --------------------------------------------------------------------------- calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) `months` months before the day's month."""
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _latest_weekday(base: dt.date, weekday: int, *, strictly_before: bool) -> dt.date:
    """The latest such weekday on or (strictly) before the base date."""
    back = (base.weekday() - weekday) % DAYS_PER_WEEK
    if back == 0 and strictly_before:
        back = DAYS_PER_WEEK
    return base - dt.timedelta(days=back)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBERS[text]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_date(month: int, day: int, base: dt.date) -> dt.date | None:
    """Month and day without a year: this year's, or last year's if that is later
    than the base date."""
    date = _safe_date(base.year, month, day)
    if date is None or date > base:
        date = _safe_date(base.year - 1, month, day)
    return date


# --------------------------------------------------------------------------- relative handlers


def _today(match: re.Match[str], base: dt.date):
    return base, base, "day"


def _days_back(days: int) -> Handler:
    def handler(match: re.Match[str], base: dt.date):
        day = base - dt.timedelta(days=days)
        return day, day, "day"

    return handler


def _overnight(match: re.Match[str], base: dt.date):
    # "an overnight raid" in the news of the day: the night that ended on the publication day
    return base - dt.timedelta(days=1), base, "range"


def _weekday(match: re.Match[str], base: dt.date):
    strictly = bool(match.group("last"))
    day = _latest_weekday(base, WEEKDAYS[match.group("weekday")], strictly_before=strictly)
    return day, day, "day"


def _this_week(match: re.Match[str], base: dt.date):
    return _week_start(base), base, "week"


def _last_week(match: re.Match[str], base: dt.date):
    start = _week_start(base) - dt.timedelta(days=DAYS_PER_WEEK)
    return start, start + dt.timedelta(days=DAYS_PER_WEEK - 1), "week"


def _this_month(match: re.Match[str], base: dt.date):
    return base.replace(day=1), base, "month"


def _last_month(match: re.Match[str], base: dt.date):
    year, month = _shift_months(base, 1)
    return dt.date(year, month, 1), _month_end(year, month), "month"


def _this_year(match: re.Match[str], base: dt.date):
    return dt.date(base.year, 1, 1), base, "year"


def _last_year(match: re.Match[str], base: dt.date):
    return dt.date(base.year - 1, 1, 1), dt.date(base.year - 1, 12, 31), "year"


def _earlier_this(match: re.Match[str], base: dt.date):
    unit = match.group("unit")
    starts = {"week": _week_start(base), "month": base.replace(day=1), "year": dt.date(base.year, 1, 1)}
    return starts[unit], base, "range"


def _weekend(match: re.Match[str], base: dt.date):
    saturday = _latest_weekday(base, SATURDAY, strictly_before=True)
    return saturday, min(saturday + dt.timedelta(days=1), base), "range"


def _ago(match: re.Match[str], base: dt.date):
    count, unit = _number(match.group("number")), match.group("unit")
    if unit == "day":
        day = base - dt.timedelta(days=count)
        return day, day, "day"
    if unit == "week":
        start = _week_start(base - dt.timedelta(weeks=count))
        return start, start + dt.timedelta(days=DAYS_PER_WEEK - 1), "week"
    if unit == "month":
        year, month = _shift_months(base, count)
        return dt.date(year, month, 1), _month_end(year, month), "month"
    return dt.date(base.year - count, 1, 1), dt.date(base.year - count, 12, 31), "year"


def _past_span(match: re.Match[str], base: dt.date):
    count = _number(match.group("number") or "1")
    unit = match.group("unit")
    if unit == "hour":
        return base - dt.timedelta(days=max(1, count // 24)), base, "range"
    days = {"day": 1, "week": DAYS_PER_WEEK}.get(unit)
    if days:
        return base - dt.timedelta(days=count * days), base, "range"
    year, month = _shift_months(base, count) if unit == "month" else (base.year - count, base.month)
    start = _safe_date(year, month, base.day) or _month_end(year, month)
    return start, base, "range"


def _month_only(match: re.Match[str], base: dt.date):
    """'in March' / 'last March': the latest such month that has begun by the base date."""
    month = MONTHS[match.group("month")]
    year = base.year if month <= base.month else base.year - 1
    if match.group("last") and month == base.month:
        year -= 1
    return dt.date(year, month, 1), _month_end(year, month), "month"


def _month_day(match: re.Match[str], base: dt.date):
    date = _latest_date(MONTHS[match.group("month")], int(match.group("day")), base)
    return date and (date, date, "day")


def _day_span(match: re.Match[str], base: dt.date):
    """'between 3 and 5 May' without a year: the latest such span before the base date."""
    month, first, last = MONTHS[match.group("month")], int(match.group("first")), int(match.group("last"))
    end = _latest_date(month, last, base)
    start = end and _safe_date(end.year, month, first)
    return start and end and start <= end and (start, end, "range")


# --------------------------------------------------------------------------- absolute handlers


def _iso(match: re.Match[str], base: dt.date | None):
    year, month, day = int(match.group("year")), int(match.group("mon")), match.group("iday")
    if day:
        date = _safe_date(year, month, int(day))
        return date and (date, date, "day")
    return (dt.date(year, month, 1), _month_end(year, month), "month") if 1 <= month <= 12 else None


def _full_date(match: re.Match[str], base: dt.date | None):
    date = _safe_date(int(match.group("year")), MONTHS[match.group("month")], int(match.group("day")))
    return date and (date, date, "day")


def _month_year(match: re.Match[str], base: dt.date | None):
    year, month = int(match.group("year")), MONTHS[match.group("month")]
    return dt.date(year, month, 1), _month_end(year, month), "month"


def _year(match: re.Match[str], base: dt.date | None):
    year = int(match.group("year"))
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _full_span(match: re.Match[str], base: dt.date | None):
    year, month = int(match.group("year")), MONTHS[match.group("month")]
    start, end = _safe_date(year, month, int(match.group("first"))), _safe_date(year, month, int(match.group("last")))
    return start and end and start <= end and (start, end, "range")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$")


_LAST = r"(?:(?P<last>last|this\s+past|past|previous)\s+|(?:this|on)\s+)?"
_FIRST_DAY = r"(?P<first>\d{1,2})(?:st|nd|rd|th)?"
_LAST_DAY = r"(?P<last>\d{1,2})(?:st|nd|rd|th)?"
# "between 3 and 5 May", "3-5 May"; "May 3-5", "between May 3 and 5"
_DAYS_THEN_MONTH = r"(?:between\s+)?" + _FIRST_DAY + _RANGE_WORD + _LAST_DAY + r"\s+(?:of\s+)?" + _MONTH
_MONTH_THEN_DAYS = r"(?:between\s+)?" + _MONTH + r"\s+" + _FIRST_DAY + _RANGE_WORD + _LAST_DAY
_UNIT = r"(?P<unit>day|week|month|year)s?"

# Patterns that need the publication date.
RELATIVE: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (_rx(r"today|tonight|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today|today'?s"), _today),
    (_rx(r"yesterday" + _PART_OF_DAY + r"|last\s+night|yesterday'?s"), _days_back(1)),
    (_rx(r"(?:the\s+)?day\s+before\s+yesterday"), _days_back(2)),
    (_rx(r"overnight"), _overnight),
    (_rx(_LAST + _WEEKDAY + _PART_OF_DAY), _weekday),
    (_rx(r"this\s+week"), _this_week),
    (_rx(r"(?:last|the\s+previous)\s+week"), _last_week),
    (_rx(r"this\s+month"), _this_month),
    (_rx(r"(?:last|the\s+previous)\s+month"), _last_month),
    (_rx(r"this\s+year"), _this_year),
    (_rx(r"(?:last|the\s+previous)\s+year"), _last_year),
    (_rx(r"(?:earlier|previously)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)"), _earlier_this),
    (_rx(r"(?:(?:last|this|this\s+past|over\s+the|the)\s+)?weekend"), _weekend),
    (_rx(_NUMBER + r"\s+" + _UNIT + r"\s+ago"), _ago),
    (_rx(r"(?:the\s+)?past\s+(?:" + _NUMBER + r"\s+)?(?P<unit>hour|day|week|month|year)s?"), _past_span),
    (_rx(r"(?:the\s+)?last\s+" + _NUMBER + r"\s+(?P<unit>hour|day|week|month|year)s?"), _past_span),
    (_rx(r"(?:(?P<last>last|this\s+past)\s+)?" + _MONTH), _month_only),
    (_rx(r"(?:" + _WEEKDAY + r",?\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH), _month_day),
    (_rx(r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+" + _DAY), _month_day),
    (_rx(_DAYS_THEN_MONTH), _day_span),
    (_rx(_MONTH_THEN_DAYS), _day_span),
)

# Patterns that carry their own year.
ABSOLUTE: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (_rx(r"(?P<year>\d{4})-(?P<mon>\d{2})(?:-(?P<iday>\d{2}))?(?:t[\d:.]+(?:z|[+-][\d:]+)?)?"), _iso),
    (_rx(r"(?:" + _WEEKDAY + r",?\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR), _full_date),
    (_rx(r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR), _full_date),
    (_rx(_DAYS_THEN_MONTH + r",?\s+" + _YEAR), _full_span),
    (_rx(_MONTH_THEN_DAYS + r",?\s+" + _YEAR), _full_span),
    (_rx(_MONTH + r",?\s+(?:of\s+)?" + _YEAR), _month_year),
    (_rx(r"(?:the\s+year\s+)?" + _YEAR), _year),
)

# What dateparser may try: a month name or a numeric date ("26/10/2016"), and no
# relative word the patterns above own. Bare numbers, clock times and decades it
# would turn into dates ("5" -> May, "10:30" -> yesterday).
_DATEPARSER_CANDIDATE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b|\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")
_RELATIVE_WORD = re.compile(r"\b(?:ago|last|next|past|previous|this|week|weeks|recent|since|before|after|until)\b")
_BETWEEN = re.compile(r"^(?:between\s+)?(?P<first>.+?)\s+(?:and|to|until|till|through|-|–)\s+(?P<last>.+)$")
DATEPARSER_PERIODS: dict[str, DatePrecision] = {
    "day": "day", "time": "day", "week": "week", "month": "month", "year": "year",
}


def _normalise(expression: str) -> str:
    text = " ".join(expression.casefold().replace("’", "'").split())
    text = _TRAIL.sub("", text)
    return _LEAD.sub("", text, count=1).strip()


def _as_date(published: dt.date | dt.datetime | None) -> dt.date | None:
    """The publication's calendar date, in its own time zone when it has one."""
    return published.date() if isinstance(published, dt.datetime) else published


def _span_from_dateparser(text: str, base: dt.date | None):
    """dateparser's reading of an absolute form, widened to its period."""
    if not _DATEPARSER_CANDIDATE.search(text) or _RELATIVE_WORD.search(text):
        return None
    parsed = _dateparser(base).get_date_data(text)
    if parsed.date_obj is None:
        return None
    day, period = parsed.date_obj.date(), DATEPARSER_PERIODS.get(parsed.period or "day", "day")
    if base is None and not re.search(r"\b\d{4}\b", text):
        return None  # dateparser filled in today's year: not an absolute date
    if period == "month":
        return day.replace(day=1), _month_end(day.year, day.month), "month"
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
    if period == "week":
        return _week_start(day), _week_start(day) + dt.timedelta(days=DAYS_PER_WEEK - 1), "week"
    return day, day, "day"


@functools.lru_cache(maxsize=64)
def _dateparser(base: dt.date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


def _clip(span, base: dt.date | None, expression: str) -> DateRange | None:
    """The DateRange, ending no later than publication; None when it starts after it."""
    if not span:
        return None
    start, end, precision = span
    if base is not None:
        if start > base:
            return None
        end = min(end, base)
    return DateRange(start=start, end=end, precision=precision, text=expression)


def _span(text: str, base: dt.date | None):
    """(start, end, precision) of a normalised expression, before clipping."""
    for pattern, handler in ABSOLUTE:
        match = pattern.match(text)
        if match:
            return handler(match, base)
    if base is not None:
        for pattern, handler in RELATIVE:
            match = pattern.match(text)
            if match:
                return handler(match, base)
    return _span_between(text, base) or _span_from_dateparser(text, base)


def _span_between(text: str, base: dt.date | None):
    """'from 1 May 2016 to 3 May 2016', 'Tuesday and Wednesday': both ends must resolve."""
    match = _BETWEEN.match(text)
    if not match:
        return None
    first, last = _span(_normalise(match.group("first")), base), _span(_normalise(match.group("last")), base)
    if not first or not last or first[0] > last[1]:
        return None
    return first[0], last[1], "range"


def resolve_date(expression: str, published: dt.date | dt.datetime | None) -> DateRange | None:
    """The dates an expression refers to, resolved against the publication date;
    None when the expression is not a usable event date."""
    base = _as_date(published)
    span = _span(_normalise(expression), base)
    if span is None:
        LOGGER.debug("no date in %r", expression)
    return _clip(span, base, expression)

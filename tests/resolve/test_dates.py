"""Relative and absolute date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.resolve.dates import resolve_date

WEDNESDAY = dt.date(2016, 10, 26)  # the Quetta police college attack article


def span(expression, published=WEDNESDAY):
    resolved = resolve_date(expression, published)
    return resolved and (resolved.start.isoformat(), resolved.end.isoformat(), resolved.precision)


# --------------------------------------------------------------------------- days


@pytest.mark.parametrize("expression", ["today", "tonight", "this morning", "earlier today", "Today"])
def test_same_day_words_are_the_publication_day(expression):
    assert span(expression) == ("2016-10-26", "2016-10-26", "day")


@pytest.mark.parametrize("expression", ["yesterday", "last night", "yesterday evening"])
def test_yesterday_and_last_night_are_the_day_before(expression):
    assert span(expression) == ("2016-10-25", "2016-10-25", "day")


def test_overnight_is_the_night_that_ended_on_the_publication_day():
    assert span("overnight") == ("2016-10-25", "2016-10-26", "range")


def test_day_before_yesterday_is_two_days_back():
    assert span("the day before yesterday") == ("2016-10-24", "2016-10-24", "day")


@pytest.mark.parametrize(
    ("expression", "day"),
    [("on Monday", "2016-10-24"), ("Tuesday night", "2016-10-25"), ("on Friday", "2016-10-21"),
     ("on Sunday", "2016-10-23"), ("Thursday", "2016-10-20"), ("on Saturday morning", "2016-10-22")],
)
def test_weekdays_are_the_latest_such_day_before_publication(expression, day):
    assert span(expression) == (day, day, "day")


def test_the_publications_own_weekday_is_the_publication_day():
    # dateparser returns the Wednesday a week earlier here
    assert span("on Wednesday") == ("2016-10-26", "2016-10-26", "day")


def test_last_weekday_is_strictly_before_publication():
    assert span("last Wednesday") == ("2016-10-19", "2016-10-19", "day")


def test_weekday_resolves_against_a_datetime_publication():
    assert span("on Friday", dt.datetime(2016, 10, 28, 9, 30)) == ("2016-10-28", "2016-10-28", "day")


@pytest.mark.parametrize(
    ("expression", "day"), [("two days ago", "2016-10-24"), ("3 days ago", "2016-10-23"), ("a day ago", "2016-10-25")]
)
def test_days_ago_count_back_from_publication(expression, day):
    assert span(expression) == (day, day, "day")


# --------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("expression", "day"),
    [("12 March 2016", "2016-03-12"), ("March 12, 2016", "2016-03-12"), ("Friday, March 11, 2016", "2016-03-11"),
     ("2016-10-26", "2016-10-26"), ("12th of March 2016", "2016-03-12")],
)
def test_full_dates_are_days(expression, day):
    assert span(expression) == (day, day, "day")


@pytest.mark.parametrize(
    ("expression", "day"),
    [("March 12", "2016-03-12"), ("Oct. 26", "2016-10-26"), ("on the night of 12 March", "2016-03-12")],
)
def test_dates_without_a_year_take_the_publication_year(expression, day):
    assert span(expression) == (day, day, "day")


def test_a_date_later_in_the_year_than_publication_is_last_year():
    assert span("December 12") == ("2015-12-12", "2015-12-12", "day")
    assert span("Oct. 27") == ("2015-10-27", "2015-10-27", "day")


def test_an_explicit_date_after_publication_is_no_event_date():
    assert resolve_date("2016-11-01", WEDNESDAY) is None
    assert resolve_date("2017", WEDNESDAY) is None


def test_dateparser_reads_forms_the_patterns_do_not():
    assert span("26/10/2016") == ("2016-10-26", "2016-10-26", "day")
    assert span("3rd of Sept") == ("2016-09-03", "2016-09-03", "day")


# --------------------------------------------------------------------------- weeks


def test_this_week_runs_from_monday_to_publication():
    assert span("this week") == ("2016-10-24", "2016-10-26", "week")


def test_last_week_is_the_previous_monday_to_sunday():
    assert span("last week") == ("2016-10-17", "2016-10-23", "week")


def test_weeks_ago_is_the_week_holding_that_day():
    assert span("3 weeks ago") == ("2016-10-03", "2016-10-09", "week")


# --------------------------------------------------------------------------- months and years


def test_this_month_runs_from_the_first_to_publication():
    assert span("this month") == ("2016-10-01", "2016-10-26", "month")


def test_last_month_is_the_whole_previous_month():
    assert span("last month") == ("2016-09-01", "2016-09-30", "month")


def test_last_month_in_january_is_last_december():
    assert span("last month", dt.date(2016, 1, 15)) == ("2015-12-01", "2015-12-31", "month")


def test_months_ago_is_that_whole_month():
    assert span("four months ago") == ("2016-06-01", "2016-06-30", "month")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("in March", ("2016-03-01", "2016-03-31", "month")),
     ("in October", ("2016-10-01", "2016-10-26", "month")),
     ("in November", ("2015-11-01", "2015-11-30", "month")),
     ("March 2016", ("2016-03-01", "2016-03-31", "month"))],
)
def test_a_month_is_the_whole_month_before_publication(expression, expected):
    # dateparser would give a single day (26 March) here
    assert span(expression) == expected


def test_this_year_runs_from_january_to_publication():
    assert span("this year") == ("2016-01-01", "2016-10-26", "year")


def test_last_year_is_the_whole_previous_year():
    assert span("last year") == ("2015-01-01", "2015-12-31", "year")


def test_in_a_year_is_that_year():
    assert span("in 2015") == ("2015-01-01", "2015-12-31", "year")


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("expression", "start"),
    [("earlier this week", "2016-10-24"), ("earlier this month", "2016-10-01"), ("earlier this year", "2016-01-01")],
)
def test_earlier_this_period_runs_to_publication(expression, start):
    assert span(expression) == (start, "2016-10-26", "range")


@pytest.mark.parametrize("expression", ["last weekend", "over the weekend"])
def test_last_weekend_is_the_latest_saturday_and_sunday(expression):
    assert span(expression) == ("2016-10-22", "2016-10-23", "range")


@pytest.mark.parametrize("expression", ["between 3 and 5 May", "from 3 to 5 May", "May 3-5"])
def test_day_spans_are_ranges(expression):
    assert span(expression) == ("2016-05-03", "2016-05-05", "range")


def test_day_span_with_a_year_is_absolute():
    assert span("between 3 and 5 May 2015", None) == ("2015-05-03", "2015-05-05", "range")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("1 May 2016 to 3 May 2016", ("2016-05-01", "2016-05-03", "range")),
     ("from Tuesday to Wednesday", ("2016-10-25", "2016-10-26", "range")),
     ("between March and May", ("2016-03-01", "2016-05-31", "range"))],
)
def test_two_resolvable_ends_make_a_range(expression, expected):
    assert span(expression) == expected


def test_the_past_days_run_to_publication():
    assert span("the past two weeks") == ("2016-10-12", "2016-10-26", "range")


# --------------------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "expression",
    ["recent years", "the early years", "for the first time", "the previous day", "a few days ago", "since March", ""],
)
def test_vague_expressions_are_none(expression):
    assert resolve_date(expression, WEDNESDAY) is None


@pytest.mark.parametrize("expression", ["5", "10:30", "at 10 am", "in the 1990s", "24 hours", "police and army"])
def test_numbers_times_and_decades_are_not_dates(expression):
    # dateparser alone reads "5" as May and "10:30" as yesterday
    assert resolve_date(expression, WEDNESDAY) is None


@pytest.mark.parametrize("expression", ["yesterday", "on Friday", "this week", "March 12", "last month"])
def test_without_publication_relative_expressions_are_none(expression):
    assert resolve_date(expression, None) is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("12 March 2016", ("2016-03-12", "2016-03-12", "day")), ("2015", ("2015-01-01", "2015-12-31", "year")),
     ("Oct. 26, 2016", ("2016-10-26", "2016-10-26", "day"))],
)
def test_without_publication_absolute_dates_resolve(expression, expected):
    assert span(expression, None) == expected


def test_the_range_keeps_the_expression_text():
    assert resolve_date("this week", WEDNESDAY).text == "this week"


def test_no_resolved_date_ends_after_publication():
    expressions = ["today", "this week", "this month", "this year", "in October", "earlier this year", "last weekend"]
    for expression in expressions:
        assert resolve_date(expression, WEDNESDAY).end <= WEDNESDAY, expression

"""A typed publication date naming a day its month does not have is refused with that reason, not "no date"."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.times_intl import impossible_day, typed_date

TODAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("typed", "language", "said"),
    [
        ("31 de febrero de 2023", "es", "February 2023 has no day 31: it has 28 days."),
        ("February 30, 2023", "en", "February 2023 has no day 30: it has 28 days."),
        ("2023-02-30", "en", "February 2023 has no day 30: it has 28 days."),
        ("31/04/2024", "es", "April 2024 has no day 31: it has 30 days."),
        ("30.02.2023", "de", "February 2023 has no day 30: it has 28 days."),
        ("31 avril 2024", "fr", "April 2024 has no day 31: it has 30 days."),
        ("30 de fevereiro de 2023", "pt", "February 2023 has no day 30: it has 28 days."),
        ("31 June", "en", "June has no day 31: it has 30 days."),
    ],
)
def test_a_day_the_month_lacks_is_named(typed: str, language: str, said: str) -> None:
    assert typed_date(typed, language, TODAY) is None
    assert impossible_day(typed, language, TODAY) == said


@pytest.mark.parametrize(
    "typed", ["29 February 2024", "no date here", "3 days ago", "32 May 2024", "May 2024"]
)
def test_a_date_or_no_date_at_all_is_no_impossible_day(typed: str) -> None:
    assert impossible_day(typed, "en", TODAY) is None


@given(st.integers(1900, 2100), st.integers(1, 12), st.one_of(st.integers(29, 99), st.just(0)))
def test_every_iso_day_past_the_month_s_end_is_named(year: int, month: int, day: int) -> None:
    """Also a day no month has: "2019-12-32" said "no date in that" (the day numbers read stop at 31)."""
    last = calendar.monthrange(year, month)[1]
    typed = f"{year}-{month:02d}-{day:02d}"
    got = impossible_day(typed, "en", TODAY)
    assert (got is not None) == (not 1 <= day <= last)
    if got:
        assert f"no day {day}: it has {last} days" in got


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", None])
@pytest.mark.parametrize("typed", ["2019-13-01", "2019/13/01", "2019.13.01", "2019-31-12", "2019-00-05"])
def test_a_year_first_date_is_year_month_day_only(typed: str, language: str | None) -> None:
    """A mistyped month in a date written year first is refused with that reason: dateparser read
    "2019-13-01" as 13 January (year-day-month) and `edit --published` / `p` saved that day."""
    month = int(typed[5:7])
    assert typed_date(typed, language, TODAY) is None
    said = impossible_day(typed, language, TODAY)
    assert said is not None and said.startswith(f"a year has no month {month};"), said


@given(
    st.integers(1900, 2100),
    st.integers(0, 99),
    st.integers(1, 28),
    st.sampled_from(["-", "/", "."]),
    st.booleans(),
)
def test_a_year_first_date_reads_as_its_year_month_and_day(
    year: int, month: int, day: int, sep: str, padded: bool
) -> None:
    width = 2 if padded else 1
    typed = f"{year}{sep}{month:0{width}d}{sep}{day:0{width}d}"
    got = typed_date(typed, "en", TODAY)
    assert got == (dt.date(year, month, day) if 1 <= month <= 12 else None)

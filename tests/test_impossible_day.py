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


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(29, 31))
def test_every_iso_day_past_the_month_s_end_is_named(year: int, month: int, day: int) -> None:
    last = calendar.monthrange(year, month)[1]
    typed = f"{year}-{month:02d}-{day}"
    got = impossible_day(typed, "en", TODAY)
    assert (got is not None) == (day > last)
    if got:
        assert f"no day {day}: it has {last} days" in got

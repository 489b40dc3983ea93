"""A phrase that is nothing but a date in figures is read without dateparser (``dates._figures_in_order``:
its import and first call cost ~0.1 CPU s in a process that reads one changed article), and reads as
dateparser reads it in the order the date's shape gives (``dates.date_order``)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import dates

LANGUAGES = [
    None,
    ("en",),
    ("de", "en"),
    ("fr", "en"),
    ("es", "en"),
    ("pt", "en"),
    ("en", "de", "fr", "es", "pt"),
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """(``dates._parse`` keeps what it read: a reading made with dateparser mocked is not kept)"""
    dates._parse.cache_clear()
    yield
    dates._parse.cache_clear()


def read_by_dateparser(phrase: str, languages: tuple[str, ...] | None) -> dt.date | None:
    with mock.patch.object(dates, "_figures_in_order", lambda *_a: None):
        return dates._parse.__wrapped__(phrase, languages, None)  # (its cache left alone)


@st.composite
def figures(draw) -> str:
    a, b = draw(st.integers(1, 31)), draw(st.integers(1, 31))
    # (years of publication dates and of what a reviewer types: dateparser reads "1-1-1100" as a clock time
    # today, where the figures name 1 January 1100)
    year = draw(st.integers(1900, 2099))
    sep = draw(st.sampled_from("./-"))
    pad = draw(st.booleans())
    x, y = (f"{a:02d}", f"{b:02d}") if pad else (str(a), str(b))
    return f"{year}{sep}{x}{sep}{y}" if draw(st.booleans()) else f"{x}{sep}{y}{sep}{year}"


@settings(max_examples=150, deadline=None)
@given(figures(), st.sampled_from(LANGUAGES))
def test_a_date_in_figures_reads_as_dateparser_reads_it(phrase, languages):
    order = dates.date_order(phrase, languages)
    assert order is not None
    got = dates._figures_in_order(phrase, order)
    if got is not None:  # (a date that names no day in its order is left to dateparser)
        assert got == read_by_dateparser(phrase, languages)


def test_dates_in_figures_are_read_without_dateparser():
    with mock.patch.object(dates, "_dateparser_parse", side_effect=AssertionError("dateparser called")):
        assert dates.parse_date_text("08.03.2016", languages=["de", "en"]) == dt.date(2016, 3, 8)
        assert dates.parse_date_text("08.03.2016", languages=["en"]) == dt.date(2016, 3, 8)
        assert dates.parse_date_text("05/02/2013", languages=["en"]) == dt.date(2013, 5, 2)
        assert dates.parse_date_text("2016-03-08") == dt.date(2016, 3, 8)


def test_what_figures_alone_do_not_settle_is_left_to_dateparser():
    asked = []

    def dateparser(text, languages, settings):
        asked.append(text)
        return None

    with mock.patch.object(dates, "_dateparser_parse", dateparser):
        for phrase in ("13/04/2012", "08.03.16", "31.02.2016", "08.03.2016 12:30"):
            dates.parse_date_text(phrase, languages=["en"])
    assert asked[:3] == ["13/04/2012", "08.03.16", "31.02.2016"]
    assert "08.03.2016 12:30" in asked
    dates._parse.cache_clear()
    # (the one order's misfit is dateparser's to swap: what it reads there is what it read before)
    assert dates.parse_date_text("13/04/2012", languages=["en"]) == dt.date(2012, 4, 13)

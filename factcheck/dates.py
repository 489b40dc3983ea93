"""Free-text dates in any language read with dateparser: bylines, datelines and what a reviewer types.

The tuned English temporal engine (``factcheck.temporal``) finds and normalises time expressions inside
articles; this module reads one short, already-found phrase ("20 de setembro de 2023", "14. Januar 2020,
9:21 Uhr", "3 days ago") into a calendar date. dateparser is slow on long text and eager on short words (see
../shared/LIBRARIES.md), so callers pass a phrase, not an article, and results are cached.

Dates in figures ("08.03.2016", "11/04/2012", "2016-03-08") are ambiguous, and dateparser resolves them
with the date order of the language it settles on, which is English (month first) whenever English is
among the languages given or none is given (dateparser issues #770, #877). The order is therefore chosen
here, from the date's own shape, and given to dateparser as its ``DATE_ORDER`` setting:

- a date opening with a four-digit year is year, month, day ("2016-03-08", "2016.03.08");
- a date with dots is day first in every language that writes one ("08.03.2016" is 8 March);
- a date with slashes or dashes follows the phrase's language (the first of ``languages``): month first
  in English and when no language is given, else the language's own order from dateparser's locale
  data (day first in de, fr, es, pt: "11/04/2012" is 11 April), with the year last as written.

Figures that fit one order only ("13/04/2012") are read whatever the order (dateparser swaps them).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

# A phrase longer than this is not a date line.
MAX_PHRASE = 120

# day, month and year in figures: "08.03.2016", "8/3/16", "2016-03-08", "2016.3.8"
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:(?P<ymd>\d{4})(?P<s1>[./-])\d{1,2}(?P=s1)\d{1,2}|\d{1,2}(?P<s2>[./-])\d{1,2}(?P=s2)\d{2,4})(?!\d)"
)


@functools.lru_cache(maxsize=64)
def _locale_order(lang: str) -> str | None:
    """The date order dateparser's locale data gives ``lang`` ("DMY" for de), None when it has none."""
    from dateparser.languages.loader import default_loader

    try:
        order = default_loader.get_locale(lang).info.get("date_order")
    except (KeyError, ValueError):  # a language dateparser does not know
        return None
    return order if isinstance(order, str) and sorted(order) == ["D", "M", "Y"] else None


@functools.lru_cache(maxsize=64)
def knows_language(lang: str) -> bool:
    """Whether dateparser reads dates in ``lang`` (an ISO 639-1 code: "ru", "pl", "ja")."""
    from dateparser.languages.loader import default_loader

    try:
        default_loader.get_locale(lang)
    except (KeyError, ValueError):
        return False
    return True


def date_order(phrase: str, languages: tuple[str, ...] | None = None) -> str | None:
    """The order ("DMY", "MDY", "YMD") in which to read the date in figures that ``phrase`` holds, or
    None when it holds none (words name the month: the order does not matter)."""
    m = _NUMERIC_DATE.search(phrase)
    if m is None:
        return None
    if m["ymd"]:
        return "YMD"
    if m["s2"] == ".":
        return "DMY"
    lang = languages[0] if languages else None
    if lang is None or lang == "en":
        return "MDY"
    order = _locale_order(lang) or "DMY"
    return order.replace("Y", "") + "Y"  # (the year is last here: "YMD" keeps month before day)


@functools.lru_cache(maxsize=4096)
def _parse(
    text: str, languages: tuple[str, ...] | None, anchor: dt.date | None, whole_day: bool = False
) -> dt.date | None:
    settings: dict[str, object] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    if whole_day:
        settings["REQUIRE_PARTS"] = ["day", "month"]
    m = _NUMERIC_DATE.search(text)
    order = date_order(text, languages)
    if order is not None:
        settings["DATE_ORDER"] = order
        got = _figures_in_order(text, order) if m is not None and m.group(0) == text else None
        if got is not None:
            return got  # (as dateparser reads it in that order, without its import and first call: ~0.1 s)
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day, 12, 0)
    langs = list(languages) if languages else None
    got = _dateparser_parse(text, langs, settings)
    if m is not None and m.group(0) != text and (got is None or not _same_year(got, m.group(0))):
        # dateparser misread the words around a date in figures ("20/09/2023 às 10h" came out as ten
        # hours ago) or could not read them ("Date 19.01.2020"): the figures name the date
        got = _dateparser_parse(m.group(0), langs, settings)
    return got


def _figures_in_order(figures: str, order: str) -> dt.date | None:
    """A date in figures alone with a four-digit year ("08.03.2016", "2016-03-08") read in ``order`` ("DMY",
    "MDY", "YMD"); None when it names no day in that order (dateparser then reads the other order, see the
    module's doc) or its year has two digits (left to dateparser's century rule)."""
    value = dict(zip(order, map(int, re.split(r"[./-]", figures)), strict=True))
    if value["Y"] < 1000:
        return None
    try:
        return dt.date(value["Y"], value["M"], value["D"])
    except ValueError:
        return None


def _dateparser_parse(text: str, languages: list[str] | None, settings: dict[str, object]) -> dt.date | None:
    import dateparser

    try:
        got = dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a phrase it cannot read is no date
        return None
    return got.date() if got is not None else None


def _same_year(got: dt.date, figures: str) -> bool:
    """Whether ``got`` falls in the year a date in figures writes ("08.03.2016", "8/3/16")."""
    parts = re.split(r"[./-]", figures)
    year = parts[0] if len(parts[0]) == 4 else parts[-1]
    return str(got.year).endswith(year)


def parse_date_text(
    text: str,
    *,
    languages: list[str] | tuple[str, ...] | None = None,
    anchor: dt.date | None = None,
    whole_day: bool = False,
) -> dt.date | None:
    """The date a short phrase names, read by dateparser; None when it names none.

    ``languages``: ISO codes to try, the phrase's own language first (it sets the order of a date in
    figures written with slashes, see the module's doc); None lets dateparser detect the language, which
    is ~10x slower. ``anchor``: the day relative phrases count from ("yesterday", "hace tres días");
    today when None. ``whole_day``: a phrase that does not name its day and month is none (dateparser reads
    what it can and skips the rest: "3 Ma" is the 3rd of this month, "3" March, "May 2024" its first day),
    for a day someone types; a relative phrase ("3 days ago") names its day.
    """
    phrase = " ".join(text.split())
    if not phrase or len(phrase) > MAX_PHRASE or not any(ch.isalnum() for ch in phrase):
        return None
    langs = tuple(languages) if languages else None
    return _parse(phrase, langs, anchor, whole_day)

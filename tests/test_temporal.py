"""Tests for the temporal tagger (factcheck.temporal)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import pytest
from bench_modules import bench_module  # tests/bench_modules.py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.model import TimeRef
from factcheck.temporal import engine, is_compatible, resolve_value, tag

# ---- reference implementations of the engine's fast paths (the tests compare them) ----------

_TOKEN_RE = re.compile(r"[A-Za-z]{3,}|\d+|\b[QqHh][1-4]\b")


def _trigger_spans_plain(text: str) -> dict[str, list[tuple[int, int]]]:
    """The reference scan of :func:`_trigger_spans`: every token in turn."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        kinds: tuple[str, ...]
        if tok[0].isdigit():
            if (
                len(tok) == 2
                and m.start()
                and text[m.start() - 1] in "'‘’"
                and not engine._CLOCK_CTX.match(text, m.end())
            ):
                kinds = ("digit",)  # "in ’08": a year of two digits after an apostrophe
            elif len(tok) == 4 and tok[0] in "12":
                kinds = ("digit",)
            elif len(tok) == 2 and re.search(r"\b[Ff][Yy]\s?['’]?$", text[: m.start()]):
                # "FY25"; "FY 16:08" may be a clock time too
                kinds = ("digit", "clock") if engine._CLOCK_CTX.match(text, m.end()) else ("digit",)
            elif engine._CLOCK_CTX.match(text, m.end()):
                kinds = ("clock",)  # "10:35", "5 p.m.": only the clock-time rule needs these
            elif engine._DIGIT_CTX.match(text, m.end()):
                kinds = ("digit",)
            else:
                continue
        else:
            kinds = engine._TRIGGERS.get(tok.lower(), ())
        for kind in kinds:
            s0 = max(0, m.start() - engine._WIN_LEFT)
            en = m.end() + engine._WIN_RIGHT
            lst = spans.get(kind)
            if lst is None:
                spans[kind] = [(s0, en)]
            elif s0 <= lst[-1][1]:
                lst[-1] = (lst[-1][0], en)
            else:
                lst.append((s0, en))
    return spans


def _rule_windows_plain(
    text: str, spans: dict[str, list[tuple[int, int]]], kinds: tuple[str, ...]
) -> list[tuple[int, int]]:
    """The reference of :func:`_rule_windows`: merge the regions of all the kinds, then widen each."""
    got = [spans[k] for k in kinds if k in spans]
    if not got:
        return []
    regions = got[0] if len(got) == 1 else sorted(r for lst in got for r in lst)
    out: list[tuple[int, int]] = []
    n = len(text)
    for s0, en in regions:
        if out and s0 <= out[-1][1]:
            if en > out[-1][1]:
                out[-1] = (out[-1][0], en)
            continue
        out.append((s0, en))
    snapped: list[tuple[int, int]] = []
    for s0, en in out:
        if s0 > 0 and not text[s0 - 1].isspace():
            s0 = max(text.rfind(" ", 0, s0), text.rfind("\n", 0, s0)) + 1
        if en < n and not text[en].isspace():
            a, b = text.find(" ", en), text.find("\n", en)
            en = n if a < 0 and b < 0 else (a if b < 0 else b if a < 0 else min(a, b))
        snapped.append((s0, min(en, n)))
    return snapped


D = dt.date


def find(text: str, phrase: str, anchor: dt.date | None = None) -> TimeRef:
    """The tagged expression that covers ``phrase`` in ``text``."""
    i = text.index(phrase)
    j = i + len(phrase)
    hits = [t for t in tag(text, anchor) if t.start < j and i < t.end]
    assert hits, f"{phrase!r} not tagged in {text!r}: {tag(text, anchor)}"
    assert len(hits) == 1, hits
    return hits[0]


def value(text: str, phrase: str, anchor: dt.date | None = None) -> str:
    return find(text, phrase, anchor).value


def untagged(text: str, phrase: str, anchor: dt.date | None = None) -> bool:
    i = text.index(phrase)
    j = i + len(phrase)
    return not any(t.start < j and i < t.end for t in tag(text, anchor))


# ---- the seed articles (canonical examples) --------------------------------------------------

SEED_002 = D(2024, 3, 19)
SEED_001 = D(2024, 4, 26)
SEED_004 = D(2024, 5, 16)
SEED_003 = D(2022, 12, 30)


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        (
            "Russian President Vladimir Putin is expected to visit China in May for talks.",
            "May",
            SEED_002,
            "2024-05",
        ),
        (
            "Reuters' sources said Putin will likely arrive in China in the second half of May.",
            "second half of May",
            SEED_002,
            "2024-05",
        ),
        (
            "Putin previously visited China last October to attend the forum.",
            "last October",
            SEED_002,
            "2023-10",
        ),
        ("Xi Jinping (L) in Beijing, China, on June 8, 2018.", "June 8, 2018", SEED_002, "2018-06-08"),
        ("Reuters reported on March 19, citing five sources.", "March 19", SEED_002, "2024-03-19"),
        ("Putin says plans to visit China next month", "next month", SEED_001, "2024-05"),
        (
            "Putin said that he has plans to visit China this May, Kyodo reported.",
            "this May",
            SEED_001,
            "2024-05",
        ),
        (
            "This would mark the first trip of Putin after his fifth term in office begins May 7.",
            "May 7",
            SEED_001,
            "2024-05-07",
        ),
        (
            "Putin was quoted as saying in his address at the congress on Thursday, Kyodo reported.",
            "Thursday",
            SEED_001,
            "2024-04-25",
        ),
        (
            "Xi Jinping and Putin had in February this year accused Washington.",
            "February this year",
            SEED_001,
            "2024-02",
        ),
        ("Xi had met with Lavrov in Beijing earlier this month.", "earlier this month", SEED_001, "2024-04"),
        (
            "Putin's last visit to Beijing occurred in October 2023 during the forum.",
            "October 2023",
            SEED_001,
            "2023-10",
        ),
        (
            "Xi visited Moscow for a state visit in last March in 2023.",
            "last March in 2023",
            SEED_001,
            "2023-03",
        ),
        ("Their last meeting in 2018 occurred just before the visit.", "2018", SEED_001, "2018"),
        (
            "Putin embarked on a two-day state visit to China on Thursday morning.",
            "Thursday morning",
            SEED_004,
            "2024-05-16TMO",  # a part of a day is a TIME (TimeML), as "this morning" is
        ),
        (
            "with bilateral trade reaching record levels last year amidst sanctions",
            "last year",
            SEED_004,
            "2023",
        ),
        (
            "Putin said he was expecting Xi to make a state visit to Russia in spring 2023.",
            "spring 2023",
            SEED_003,
            "2023-SP",
        ),
        (
            "We are expecting for you next spring on a state visit to Moscow.",
            "next spring",
            SEED_003,
            "2023-SP",
        ),
        (
            "Russian President Vladimir Putin said on Friday he was expecting Xi.",
            "Friday",
            SEED_003,
            "2022-12-30",
        ),
        ("since Moscow sent its armed forces into Ukraine on Feb. 24.", "Feb. 24", SEED_003, "2022-02-24"),
        (
            "At a September summit in Uzbekistan, Putin acknowledged his counterpart's concerns.",
            "September",
            SEED_003,
            "2022-09",
        ),
    ],
)
def test_seed_examples(text: str, phrase: str, anchor: dt.date, expected: str) -> None:
    assert value(text, phrase, anchor) == expected


def test_seed_durations_and_not_dates() -> None:
    text = (
        "Putin embarked on a two-day state visit to China. A gala event is planned to commemorate "
        "75 years of diplomatic relations. It is his first trip after his fifth term in office began."
    )
    two_day = find(text, "two-day", SEED_004)
    assert (two_day.type, two_day.value) == ("DURATION", "P2D")
    years = find(text, "75 years", SEED_004)
    assert (years.type, years.value) == ("DURATION", "P75Y")
    assert untagged(text, "fifth term", SEED_004)


def test_second_half_keeps_modifier() -> None:
    t = find("Putin will arrive in the second half of May.", "May", SEED_002)
    assert t.value == "2024-05"
    assert t.mod == "SECOND_HALF"
    assert t.text.startswith("the second half of")


# ---- explicit dates in news styles -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The report was published March 19, 2024 in Kyiv.", "March 19, 2024", "2024-03-19"),
        ("Published 26 April 2024 by the agency.", "26 April 2024", "2024-04-26"),
        ("The talks began Jan. 3, 2024, officials said.", "Jan. 3, 2024", "2024-01-03"),
        ("The file is dated 2024-05-16 in the archive.", "2024-05-16", "2024-05-16"),
        ("The deadline is Sept. 30, 1989.", "Sept. 30, 1989", "1989-09-30"),
        ("In an editorial on Monday, Oct. 26: the paper said", "Monday, Oct. 26", "1998-10-26"),
        ("the 8th of May 1945 marked the end of the war", "8th of May 1945", "1945-05-08"),
    ],
)
def test_explicit_dates(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(1998, 10, 25)) == expected


def test_explicit_date_without_year_uses_anchor() -> None:
    assert value("The vote is set for May 7.", "May 7", D(2024, 4, 26)) == "2024-05-07"
    assert value("The blast happened on Aug. 7 in Nairobi.", "Aug. 7", D(1998, 8, 20)) == "1998-08-07"


def test_months_and_years() -> None:
    a = D(2024, 3, 19)
    assert value("Elections were held in October 2023.", "October 2023", a) == "2023-10"
    assert value("The law was passed in 2018.", "2018", a) == "2018"
    assert value("The plan will be unveiled in May.", "May", a) == "2024-05"
    assert value("Prices rose in the 1990s.", "1990s", a) == "199"
    assert value("It was signed in mid-1996.", "1996", a) == "1996"
    assert find("It was signed in mid-1996.", "1996", a).mod == "MID"
    assert value("Profit fell in fiscal 1989.", "fiscal 1989", a) == "1989"


# ---- seasons, quarters and parts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected", "mod"),
    [
        ("The summit took place in spring 2023.", "spring 2023", D(2024, 1, 5), "2023-SP", None),
        ("The summit will take place next spring.", "next spring", D(2022, 12, 30), "2023-SP", None),
        ("Troops withdrew last fall.", "last fall", D(2024, 3, 1), "2023-FA", None),
        ("The bridge will reopen in mid-April.", "April", D(2024, 3, 1), "2024-04", "MID"),
        ("The firm expects to finish early next year.", "next year", D(1989, 11, 1), "1990", "START"),
        ("The money runs out at the end of the month.", "the month", D(2024, 5, 16), "2024-05", "END"),
        ("Profit rose in the first quarter.", "first quarter", D(2024, 5, 16), "2024-Q1", None),
        ("Third-quarter profit fell 5%.", "Third-quarter", D(1989, 10, 26), "1989-Q3", None),
        ("Sales in the fourth quarter fell.", "fourth quarter", D(1998, 1, 26), "1997-Q4", None),
        (
            "Net income rose 5% from a year earlier in the third quarter.",
            "a year earlier",
            D(1989, 10, 26),
            "1988",
            None,
        ),
        (
            "Output in the third quarter was up 5% from a year earlier.",
            "a year earlier",
            D(1989, 10, 26),
            "1988-Q3",
            None,
        ),
    ],
)
def test_seasons_quarters_and_parts(
    text: str, phrase: str, anchor: dt.date, expected: str, mod: str | None
) -> None:
    t = find(text, phrase, anchor)
    assert t.value == expected
    assert t.mod == mod


# ---- relative expressions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The minister will travel next month.", "next month", "2024-06"),
        ("Inflation fell last year.", "last year", "2023"),
        ("The deal was signed earlier this month.", "earlier this month", "2024-05"),
        ("The talks were held in February this year.", "February this year", "2024-02"),
        ("The ministers met last October.", "last October", "2023-10"),
        ("He hopes to visit this May.", "this May", "2024-05"),
        ("The minister spoke on Thursday.", "Thursday", "2024-05-16"),
        ("The minister spoke on Monday.", "Monday", "2024-05-13"),
        ("The minister will speak this Wednesday.", "Wednesday", "2024-05-22"),
        ("The minister spoke yesterday.", "yesterday", "2024-05-15"),
        ("The minister will speak tomorrow.", "tomorrow", "2024-05-17"),
        ("The minister spoke today.", "today", "2024-05-16"),
        ("The minister spoke two days ago.", "two days ago", "2024-05-14"),
        ("The minister spoke last week.", "last week", "2024-W19"),
        ("The minister will speak next week.", "next week", "2024-W21"),
        ("The ministers met last Friday.", "last Friday", "2024-05-10"),
        ("Prices are rising now.", "now", "PRESENT_REF"),
        ("Such attacks happened in the past.", "the past", "PAST_REF"),
        ("The country has grown fast in recent years.", "recent years", "PAST_REF"),
        ("The law may change in the future.", "the future", "FUTURE_REF"),
        ("The second-quarter figures were weak; this quarter looks better.", "this quarter", "2024-Q2"),
        (
            "It was the fourth weekend attack; over the weekend, police said",
            "over the weekend",
            "2024-W19-WE",
        ),
    ],
)
def test_relative_expressions(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 5, 16)) == expected  # a Thursday


def test_anaphoric_references() -> None:
    text = (
        "The ceasefire began on June 3, 2021. The next day, fighting resumed. The following year was calmer."
    )
    assert value(text, "The next day", D(2024, 1, 1)) == "2021-06-04"
    assert value(text, "The following year", D(2024, 1, 1)) == "2022"


# ---- durations, sets, times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "expected"),
    [
        ("a two-day visit", "two-day", "DURATION", "P2D"),
        ("for 75 years", "75 years", "DURATION", "P75Y"),
        ("for nearly three years", "three years", "DURATION", "P3Y"),
        ("in the past two months", "two months", "DURATION", "P2M"),
        ("a 16-hour flight", "16-hour", "DURATION", "PT16H"),
        ("for several years", "several years", "DURATION", "PXY"),
        ("the first nine months of the year", "nine months", "DURATION", "P9M"),
        ("The forum meets every year.", "every year", "SET", "P1Y"),
        ("The list is updated weekly.", "weekly", "SET", "P1W"),
        ("The paper is printed daily.", "daily", "SET", "P1D"),
        ("Talks are held each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"),
        ("The shop earns $5 million a year.", "a year", "SET", "P1Y"),
        ("The vote closed at 10 p.m. on Thursday.", "10 p.m.", "TIME", "2024-05-16T22:00"),
        ("The blast came at 7:15 a.m. local time.", "7:15 a.m.", "TIME", "2024-05-16T07:15"),
        ("The minister spoke this morning.", "this morning", "TIME", "2024-05-16TMO"),
    ],
)
def test_durations_sets_times(text: str, phrase: str, typ: str, expected: str) -> None:
    t = find(text, phrase, D(2024, 5, 16))
    assert (t.type, t.value) == (typ, expected)


def test_duration_modifier() -> None:
    t = find("The war has lasted nearly two years.", "two years", D(2024, 5, 16))
    assert t.mod == "LESS_THAN"
    assert t.text == "nearly two years"


# ---- tense-directed resolution ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The president will visit China in March.", "March", "2025-03"),
        ("The president visited China in March.", "March", "2024-03"),
        ("The president is expected to arrive in February.", "February", "2025-02"),
        ("The president arrived in June.", "June", "2024-06"),
        ("The president is expected to arrive on Thursday.", "Thursday", "2024-10-24"),
        ("The leaders met on Thursday.", "Thursday", "2024-10-17"),
        ("The leaders will meet on Monday.", "Monday", "2024-10-21"),
        ("The leaders met on Monday.", "Monday", "2024-10-14"),
        ("The ruling is due on Nov. 20.", "Nov. 20", "2024-11-20"),
        ("The talks collapsed on Feb. 24.", "Feb. 24", "2024-02-24"),
        ("The summit will open on Feb. 24.", "Feb. 24", "2025-02-24"),
        ("A vote is planned for the spring.", "spring", "2025-SP"),
        ("The offensive stalled in the spring.", "spring", "2024-SP"),
        # a reported outlook looks ahead even in a past-tense clause
        ("Diplomats said a deal was unlikely before the December summit.", "December", "2024-12"),
        ("Analysts said a cut was likely in March.", "March", "2025-03"),
        # a scheduled present
        ("The law takes effect on July 1.", "July 1", "2025-07-01"),
        ("The new rules come into force in March.", "March", "2025-03"),
        # "proposed" as a finite verb is the act of proposing, past; as a plan it looks ahead
        ("The regulator proposed the rules in March.", "March", "2024-03"),
        ("The measure, first proposed in March, was dropped.", "March", "2024-03"),
        ("A merger proposed for February needs approval.", "February", "2025-02"),
        # a reporting verb with only its object before the time dates the report (ECB+ 1_11ecb, 9_3ecb,
        # 22_12ecbplus); with a clause after it, the clause decides
        ("The company reported results in March.", "March", "2024-03"),
        ("Officials said the plant in March would close.", "March", "2025-03"),
        # a date pencilled in is a plan
        ("The launch is penciled in for March.", "March", "2025-03"),
        ("The hearing has been pencilled in for February.", "February", "2025-02"),
    ],
)
def test_tense_directs_resolution(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 10, 19)) == expected  # a Saturday


def test_possessive_weekday_is_past() -> None:
    assert value("Lawyers will appeal Wednesday's ruling.", "Wednesday", D(2000, 1, 7)) == "2000-01-05"


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        (
            "Shares fell in the first two quarters of 2023.",
            "the first two quarters of 2023",
            D(2024, 5, 16),
            "2023-H1",
        ),
        (
            "Sales slipped in the last two quarters of 2022.",
            "the last two quarters of 2022",
            D(2024, 5, 16),
            "2022-H2",
        ),
        (
            "Output rose in the second half of last year.",
            "the second half of last year",
            D(2024, 5, 16),
            "2023-H2",
        ),
        # a bare half in a results report: the latest one that has begun ...
        ("Profit rose 38% for the first half.", "the first half", D(2024, 8, 20), "2024-H1"),
        ("Earnings for the second half were weak.", "the second half", D(2024, 5, 16), "2023-H2"),
        ("First-half profit doubled.", "First-half", D(2024, 8, 20), "2024-H1"),
        # ... unless the clause looks ahead
        (
            "The firm expects sales to recover in the second half.",
            "the second half",
            D(2024, 5, 16),
            "2024-H2",
        ),
    ],
)
def test_half_years(text: str, phrase: str, anchor: dt.date, expected: str) -> None:
    assert value(text, phrase, anchor) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Smith scored twice in the second half.", "second half"),
        ("The second half of the film drags.", "second half"),
    ],
)
def test_half_outside_business_is_no_date(text: str, phrase: str) -> None:
    assert untagged(text, phrase, D(2024, 5, 16))


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The summit is set for April 24 and 25.", "25", "2025-04-25"),  # set for: ahead
        ("Voting runs from May 3 to 5.", "5", "2024-05-05"),
        ("Polls open March 3 or 4 in most states.", "4", "2024-03-04"),
        ("The fair runs April 24-27.", "27", "2024-04-27"),
        ("The summit is on April 24 and 25, 2025, in Paris.", "25, 2025", "2025-04-25"),
        ("The summit is on April 24 and 25, 2025, in Paris.", "April 24", "2025-04-24"),
    ],
)
def test_conjoined_days(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 5, 16)) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a range of days written "Month D-D" ends on a day whatever word follows it (PolNeAR train: Politico
        # 2016-03-24, Breitbart 2016-02-18 and 2015-12-13, Politico 2016-05-26)
        (
            "Monmouth conducted its poll March 17-20 via landlines and cellphones.",
            D(2016, 3, 24),
            [("March 17", "2016-03-17"), ("20", "2016-03-20")],
        ),
        (
            "The Fox News poll was conducted by telephone between February 15-17 among 1,031 voters.",
            D(2016, 2, 18),
            [("February 15", "2016-02-15"), ("17", "2016-02-17")],
        ),
        (
            "The poll surveyed 1,000 adults between Dec. 6-9 with a margin of error of 3.1 points.",
            D(2015, 12, 13),
            [("Dec. 6", "2015-12-06"), ("9", "2015-12-09")],
        ),
        (
            "The poll was conducted over a long period of time — May 13-22 — and surveyed 552 voters.",
            D(2016, 5, 26),
            [("May 13", "2016-05-13"), ("22", "2016-05-22")],
        ),
        # not a number going on, a share or a clock time after the dash (written probes; ECB+ 29_6ecb for the
        # spaced dash before a clock time)
        ("Dec. 18 - 11:14 pm et", None, [("Dec. 18", "XXXX-12-18"), ("11:14 pm", "XXXX-XX-XXT23:14")]),
        ("Sales on March 3-5% above the target were counted.", D(2016, 3, 24), [("March 3", "2016-03-03")]),
        (
            "The office is open on May 3-7 p.m. on weekdays.",
            D(2016, 3, 24),
            [("May 3", "2016-05-03"), ("7 p.m.", "2016-05-03T19:00")],
        ),
    ],
)
def test_dashed_day_ranges(text: str, anchor: dt.date | None, expected: list[tuple[str, str]]) -> None:
    assert [(r.text, r.value) for r in tag(text, anchor)] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a present-tense event verb with a bare weekday is a schedule
        ("Talks resume Tuesday.", "Tuesday", "2024-05-21"),
        ("Voters go to the polls on Sunday.", "Sunday", "2024-05-19"),
        # a possessive weekday is past unless its own clause looks ahead
        ("Sunday's election will decide the presidency.", "Sunday", "2024-05-19"),
        ("Officials will review Monday's ruling.", "Monday", "2024-05-13"),
        ("He and the premier meet separately Monday with envoys.", "Monday", "2024-05-20"),
        # ... not when the word is a noun or not a present tense
        ("On Wednesday, Ricardo Alarcon, head of the assembly, spoke.", "Wednesday", "2024-05-15"),
        ("The vote on Monday was close.", "Monday", "2024-05-13"),
        ("The leaders did not meet on Monday.", "Monday", "2024-05-13"),
    ],
)
def test_present_tense_schedule(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 5, 16)) == expected  # a Thursday


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        ("It will be a theme from now to Election Day.", "Election Day", D(1998, 10, 26), "1998-11-03"),
        ("Turnout on Election Day 2020 was high.", "Election Day 2020", D(2024, 5, 16), "2020-11-03"),
        ("The fireworks on New Year's Day drew crowds.", "New Year's Day", D(2024, 1, 3), "2024-01-01"),
        ("Stores close early on Christmas Eve.", "Christmas Eve", D(2024, 12, 20), "2024-12-24"),
        ("Thanksgiving falls late this year.", "Thanksgiving", D(2024, 10, 1), "2024-11-28"),
    ],
)
def test_holidays(text: str, phrase: str, anchor: dt.date, expected: str) -> None:
    assert value(text, phrase, anchor) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the end of a range takes the year that puts it after its start
        ("Sales rose between May 1 and June 3.", "June 3", "2024-06-03"),
        ("The fair ran from Dec. 28 to Jan. 3.", "Jan. 3", "2024-01-03"),
        ("The fair ran from Dec. 28 to Jan. 3.", "Dec. 28", "2023-12-28"),
        ("Talks lasted from March 3 to April 5.", "April 5", "2024-04-05"),
        # ... but a list of days is no range
        ("Statements were made Friday and Thursday.", "Thursday", "2024-05-16"),
    ],
)
def test_date_ranges(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 5, 16)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "expected"),
    [
        ("The offer expires at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME", "2024-11-09T17:00"),
        ("It runs until 5 p.m. EST, Nov. 6, 2023.", "5 p.m. EST, Nov. 6, 2023", "TIME", "2023-11-06T17:00"),
        ("He left at 6 a.m. on May 3.", "6 a.m. on May 3", "TIME", "2024-05-03T06:00"),
        ("The post-1959 politics split families.", "1959", "DATE", "1959"),
        ("Pre-2008 rules applied.", "2008", "DATE", "2008"),
        ("Turnout in the 2020 elections was high.", "2020", "DATE", "2020"),
        ("Leaders who led the 1992 protests have moved.", "1992", "DATE", "1992"),
        ("He would not travel at this crucial moment.", "this crucial moment", "DATE", "PRESENT_REF"),
        ("At mid-afternoon yesterday, shares fell.", "mid-afternoon yesterday", "TIME", "2024-05-15TAF"),
        ("By mid afternoon, officials said.", "mid afternoon", "TIME", "2024-05-16TAF"),
        ("The vote comes mid-morning tomorrow.", "mid-morning tomorrow", "TIME", "2024-05-17TMO"),
        ("He will leave at 4 in the morning.", "4 in the morning", "TIME", "2024-05-16T04:00"),
        (
            "It blew up at eight o'clock in the evening.",
            "eight o'clock in the evening",
            "TIME",
            "2024-05-16T20:00",
        ),
        (
            "It ended at 2 in the afternoon on Tuesday.",
            "2 in the afternoon on Tuesday",
            "TIME",
            "2024-05-14T14:00",
        ),
    ],
)
def test_time_with_date_and_prefixed_years(text: str, phrase: str, typ: str, expected: str) -> None:
    t = find(text, phrase, D(2024, 5, 16))
    assert (t.text, t.type, t.value) == (phrase, typ, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The season runs from November to March.", "November", "2024-11"),
        ("The season runs from November to March.", "March", "2025-03"),
        ("We met in June in Paris.", "June", "2023-06"),
    ],
)
def test_month_before_a_capitalised_word(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 5, 16)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "The index fell on Friday, down 4.5% from the previous Friday.",
            "the previous Friday",
            "2024-05-03",
        ),
        (
            "The deal was signed on May 3 and approved the following Monday.",
            "the following Monday",
            "2024-05-06",
        ),
        (
            "He arrived the previous Tuesday.",
            "the previous Tuesday",
            "2024-05-14",
        ),  # no date before: the anchor
    ],
)
def test_anaphoric_weekdays(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 5, 16)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("In the quarter ended July 31, the firm lost money.", "the quarter", "1989-Q2"),
        ("Sales rose for the quarter ended Sept. 30.", "the quarter", "1989-Q3"),
        ("Net fell in the quarter ending Jan. 31.", "the quarter", "1988-Q4"),
        ("For the quarter a year ago, it earned $5 million.", "the quarter a year ago", "1988-Q3"),
    ],
)
def test_quarter_named_by_its_end(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(1989, 10, 30)) == expected


def test_year_before_counts_from_last_year() -> None:
    text = "Tourism earned $300 million last year, down from $450 million the year before."
    assert value(text, "the year before", D(1998, 9, 7)) == "1996"


def test_relative_that_with_past_verb_is_past() -> None:
    text = "He is a suspect in shootings that injured doctors in November."
    assert value(text, "November", D(2024, 5, 6)) == "2023-11"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The March for Life drew crowds.", "March"),
        ("They joined the March on Washington.", "March"),
    ],
)
def test_march_as_a_name(text: str, phrase: str) -> None:
    assert untagged(text, phrase, D(2024, 5, 16))


def test_leading_of_is_not_in_the_span() -> None:
    t = find("Revenue fell in the first nine months of the year.", "the year", D(2024, 11, 1))
    assert (t.text, t.value) == ("the year", "2024")


def test_year_ago_quarter_does_not_chain() -> None:
    """A comparison quarter ("the year-ago quarter") is not the quarter being reported: later
    "year-ago" references still go back one year from the reported quarter, not two."""
    text = (
        "Net income rose 20% in the third quarter. Sales were flat in the year-ago quarter. "
        "The year-ago results were restated, and costs were lower than a year ago."
    )
    got = [(t.text, t.value) for t in tag(text, D(2024, 11, 1))]
    assert got == [
        ("the third quarter", "2024-Q3"),
        ("the year-ago quarter", "2023-Q3"),
        ("year-ago", "2023-Q3"),
        ("a year ago", "2023-Q3"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The vote was held on the 10th.", "the 10th", "2024-05-10"),
        ("The vote will be held on the 10th.", "the 10th", "2024-06-10"),
        ("The payment is due on the 1st.", "the 1st", "2024-06-01"),
        ("Results arrive after the 20th.", "the 20th", "2024-05-20"),
        ("He came on the 31st.", "the 31st", "2024-03-31"),  # April has no 31st
        ("The deadline is the 30th of this month.", "the 30th of this month", "2024-05-30"),
        ("The deadline is the 5th of next month.", "the 5th of next month", "2024-06-05"),
        # fiscal years and quarters named with the year
        ("The fiscal year 2023 budget passed.", "fiscal year 2023", "2023"),
        ("Output fell in 2023's final quarter.", "2023's final quarter", "2023-Q4"),
        ("Sales rose in the final quarter of 2022.", "the final quarter of 2022", "2022-Q4"),
    ],
)
def test_days_of_month_and_fiscal_years(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 5, 16)) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He lives on the 2nd floor.", "2nd"),
        ("The 3rd Division moved north.", "3rd"),
        ("It was his 25th birthday.", "25th"),
        ("She came 3rd in the race.", "3rd"),
        ("This moment of truth arrived.", "moment"),
        ("The 2000 workers struck.", "2000"),
        ("Two in the morning session were hurt.", "Two"),
    ],
)
def test_ordinals_that_are_no_days(text: str, phrase: str) -> None:
    assert untagged(text, phrase, D(2024, 5, 16))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Talks began on May 3 and 4 people died.", "4"),
        ("He was born on Jan. 5 and 12 others were too.", "12"),
        ("It met on Feb. 28 and 30 delegates left.", "30"),
    ],
)
def test_conjoined_day_needs_a_date_reading(text: str, phrase: str) -> None:
    i = text.index(" " + phrase + " ") + 1
    assert not any(t.start <= i < t.end for t in tag(text, D(2024, 5, 16)))


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "next to" is a place, not the future
        ("A bomb exploded next to the embassy on Friday.", "Friday", "2024-10-18"),
        # a plan seen from the past is over: past perfect, "previously", "originally"
        ("The offer had been due to expire Friday.", "Friday", "2024-10-18"),
        ("The attack began as previously planned on Thursday.", "Thursday", "2024-10-17"),
        ("The vote was originally scheduled for Monday.", "Monday", "2024-10-14"),
        # "until" and an infinitive take the tense of the clause for a bare weekday
        ("Until Thursday, the police had not named him.", "Thursday", "2024-10-17"),
        ("The city staged parades to mark the anniversary on Friday.", "Friday", "2024-10-18"),
        # ... and stay future when nothing else tells
        ("The market stays closed until Tuesday.", "Tuesday", "2024-10-22"),
        ("The leaders will gather to sign the accord on Friday.", "Friday", "2024-10-25"),
        ("The ministers plan to meet on Friday.", "Friday", "2024-10-25"),
        # for months "until" and an infinitive keep pointing ahead (here the nearest Feb. 10 is ahead too)
        ("The agency gave the firm until mid-November to reply.", "mid-November", "2024-11"),
        ("The committee asked him to testify on Feb. 10.", "Feb. 10", "2025-02-10"),
    ],
)
def test_weekday_tense_cues(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 10, 19)) == expected  # a Saturday


# ---- without an anchor ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Putin will visit China in May.", "May", "XXXX-05"),
        ("The summit opens May 7.", "May 7", "XXXX-05-07"),
        ("The leaders met on Thursday.", "Thursday", "XXXX-WXX-4"),
        ("The visit is planned for next spring.", "next spring", "XXXX-SP"),
        ("Profit rose in the second quarter.", "second quarter", "XXXX-Q2"),
        ("Elections were held in October 2023.", "October 2023", "2023-10"),
        ("It happened on June 8, 2018.", "June 8, 2018", "2018-06-08"),
        ("for 75 years", "75 years", "P75Y"),
        ("Prices are rising now.", "now", "PRESENT_REF"),
    ],
)
def test_underspecified_without_anchor(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, None) == expected


def test_resolve_value() -> None:
    a = D(2024, 3, 19)
    assert resolve_value("XXXX-05", a) == "2024-05"
    assert resolve_value("XXXX-11", a) == "2023-11"
    assert resolve_value("XXXX-05-07", a) == "2024-05-07"
    assert resolve_value("XXXX-WXX-4", a) == "2024-03-21"
    assert resolve_value("XXXX-SP", a) == "2024-SP"
    assert resolve_value("XXXX-Q2", a) == "2024-Q2"
    assert resolve_value("2023-10", a) == "2023-10"
    assert resolve_value("P2D", a) == "P2D"
    assert resolve_value("PRESENT_REF", a) == "PRESENT_REF"
    # round trip: a value found without an anchor, completed later, equals tagging with the anchor
    text = "Putin will visit China in May."
    assert resolve_value(value(text, "May"), a) == value(text, "May", a)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2023-SP", "2023-03", True),
        ("2023-10", "2024-05", False),
        ("2024", "2024-05", True),
        ("2024-05", "2024-05-16", True),
        ("2024-W20", "2024-05-16", True),
        ("2024-W20", "2024-05-30", False),
        ("2024-Q2", "2024-05", True),
        ("2024-Q2", "2024-08", False),
        ("XXXX-05", "2024-05", True),
        ("XXXX-05", "2024-06-01", False),
        ("XXXX-05", "2024", True),
        ("XXXX-05", "XXXX-05-07", True),
        ("XXXX-WXX-4", "2024-05-16", True),
        ("XXXX-WXX-4", "2024-05-15", False),
        ("P2D", "2024-05", True),
        ("PRESENT_REF", "1999", True),
        ("XXXX-WXX-4", "P1W", True),
        ("199", "1995-06", True),
        ("2024-05-16T22:00", "2024-05-16", True),
        ("2024-05-16TMO", "2024-05-17", False),
    ],
)
def test_is_compatible(a: str, b: str, expected: bool) -> None:
    assert is_compatible(a, b) is expected
    assert is_compatible(b, a) is expected


# ---- not dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The talks may be delayed.", "may"),
        ("It may rain.", "may"),
        ("May God help us, he said.", "May"),
        ("Protesters joined a march through the city.", "march"),
        ("Thousands joined the March for Life on Capitol Hill.", "March"),
        ("The suspect, 61, was arrested.", "61"),
        ("He was aged 54 when he died.", "54"),
        ("A 45-year-old man was arrested.", "45-year-old"),
        ("Support rose to 54% of voters.", "54%"),
        ("The company paid $2018 in fees.", "2018"),
        ("He began his fifth term in office.", "fifth term"),
        ("Only 3 of the 12 members voted.", "12"),
        ("The fall of the regime was swift.", "fall"),
        ("About 2000 people attended.", "2000"),
    ],
)
def test_not_dates(text: str, phrase: str) -> None:
    assert untagged(text, phrase, D(2024, 5, 16))


def test_may_is_a_month_when_context_says_so() -> None:
    a = D(2024, 3, 19)
    assert value("The vote is in May.", "May", a) == "2024-05"
    assert value("The plan dates from May 2019.", "May 2019", a) == "2019-05"
    assert value("Putin will travel in early May.", "May", a) == "2024-05"
    assert value("The end of May is the target.", "May", a) == "2024-05"
    assert untagged("May the best team win.", "May", a)
    assert untagged("May God help us.", "May", a)
    assert value("May saw record rainfall.", "May", a) == "2023-05"
    assert value("It may rain. May is the month of the vote.", "May", a) == "2024-05"


# ---- invariants -------------------------------------------------------------------------------


def test_offsets_sorted_and_non_overlapping() -> None:
    text = (
        "On March 19, 2024, Reuters said Putin will visit China in May, two months after "
        "the election. He visited last October and will stay for two days, from May 16."
    )
    refs = tag(text, D(2024, 3, 19))
    assert refs
    for a, b in itertools.pairwise(refs):
        assert a.end <= b.start
    for t in refs:
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value


def test_empty_and_datetime_anchor() -> None:
    assert tag("") == []
    assert tag("no dates here at all") == []
    assert value("They met yesterday.", "yesterday", dt.datetime(2024, 5, 16, 13, 0)) == "2024-05-15"


_NEWSY = st.sampled_from(
    [
        "May",
        "may",
        "March 19, 2024",
        "Feb. 24",
        "next",
        "last",
        "this",
        "year",
        "week",
        "Thursday",
        "spring",
        "the second half of",
        "mid-",
        "two-day",
        "75 years",
        "ago",
        "10 p.m.",
        "2024-05-16",
        "1990s",
        "every",
        "quarter",
        "third-quarter",
        "a year earlier",
        "nineteen ninety-six",
        ",",
        ".",
        " ",
        "\n",
        "'s",
        "$",
        "%",
        "-",
        "’",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_NEWSY, st.text(max_size=12)), max_size=25).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))),
)
def test_arbitrary_text_never_crashes(text: str, anchor: dt.date | None) -> None:
    refs = tag(text, anchor)
    prev_end = 0
    for t in refs:
        assert text[t.start : t.end] == t.text
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= prev_end
        prev_end = t.end
        resolve_value(t.value, anchor or D(2024, 1, 1))
        assert is_compatible(t.value, t.value)


@pytest.mark.slow
def test_bench_runs_on_shared_data(capsys: pytest.CaptureFixture[str]) -> None:
    mod = _bench_module()
    if not mod.data_dir().is_dir():
        pytest.skip("shared TempEval-3 data not available")
    assert mod.main(["--no-baseline", "--limit", "20"]) == 0
    assert "value F1" in capsys.readouterr().out


_TIMEML = """<?xml version="1.0" ?><TimeML>
<DOCID>probe</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
The season <EVENT eid="e1">started</EVENT> about <TIMEX3 tid="t1" type="DURATION" value="P1M">a month</TIMEX3> early and ended <TIMEX3 tid="t2" type="DATE" value="2013-03-21">Thursday</TIMEX3>.
</TEXT></TimeML>
"""


def _bench_module() -> Any:
    return bench_module("temporal")


def test_bench_reads_a_check_corpus(tmp_path: Any) -> None:
    """``--check DIR`` reads any TimeML file under DIR: its text without tags, the DCT as anchor, and
    the TIMEX3 of TEXT (not the DCT's) at their offsets in that text."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "probe.tml").write_text(_TIMEML, encoding="utf-8")
    (tmp_path / "nodct.tml").write_text("<TimeML><TEXT>No DCT here.</TEXT></TimeML>", encoding="utf-8")
    mod = _bench_module()
    docs = mod.load_files(sorted(tmp_path.rglob("*.tml")))
    assert [d.name for d in docs] == ["probe"]
    (doc,) = docs
    assert doc.dct == D(2013, 3, 22)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("a month", "DURATION", "P1M"),
        ("Thursday", "DATE", "2013-03-21"),
    ]
    overall, date = mod.evaluate(mod.run(docs, "factcheck"))
    assert overall.n_gold == 2 and date.n_gold == 1
    assert date.tp_value == 1  # "ended Thursday" in a past clause: the day before the DCT


def _conventions_module() -> Any:
    return bench_module("temporal_conventions")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Now, he says, the plan works.", "Now", "discourse marker (opening, comma)"),
        ("The rally ended. Now officials are investigating.", "Now", "sentence-initial"),
        ("Sales rose in recent years.", "recent years", "after a preposition"),
        ("Because of the recent sale, shares fell.", "recent", "inside a noun phrase"),
        (
            "Stephen Akerfeldt, currently vice president, will retire.",
            "currently",
            "apposition, before a noun phrase",
        ),
        ("The firm, currently valued at $4 million, was sold.", "currently", "adverb inside the clause"),
        ("She has lived there for five months now.", "now", "clause-final"),
        ("Iraq now controls 20 percent of the oil.", "now", "adverb inside the clause"),
    ],
)
def test_bench_conventions_slot(text: str, word: str, expected: str) -> None:
    """``bench/temporal_conventions.py``: the syntactic slot a REF word stands in."""
    mod = _conventions_module()
    i = text.index(word)
    assert mod.slot(text, i, i + len(word)) == expected


def test_bench_conventions_learn_needs_a_majority_from_two_documents() -> None:
    mod = _conventions_module()
    point = mod.Point
    pts = [
        point("a", ("now", "sentence-initial"), "untagged", "tagged"),
        point("b", ("now", "sentence-initial"), "untagged", "tagged"),
        point("b", ("now", "sentence-initial"), "untagged", "tagged"),
        point("c", ("now", "sentence-initial"), "tagged", "tagged"),
        point("a", ("soon", "clause-final"), "untagged", "tagged"),  # one document only
        point("a", ("soon", "clause-final"), "untagged", "tagged"),
        point("a", ("soon", "clause-final"), "untagged", "tagged"),
        point("a", ("recent", "inside a noun phrase"), "untagged", "tagged"),  # a tie
        point("b", ("recent", "inside a noun phrase"), "tagged", "tagged"),
    ]
    policy = mod.learn(pts, 3)
    assert policy == {("now", "sentence-initial"): "untagged"}
    assert mod.score(pts, policy) == (4, 2)  # 3 "now" right instead of 1; "soon" and "recent" as the engine


def test_bench_date_cause_kinds_and_causes() -> None:
    """``--date-causes``: each error involving a DATE gets a kind and a likely cause."""
    mod = _bench_module()
    text = (
        "WASHINGTON, Aug. 3\n\nOfficials met on Friday. Two years ago the plan failed. Now 1998 workers wait."
    )
    d = mod.Doc("probe", D(1998, 8, 3), text)

    def at(phrase: str, typ: str, value: str) -> Any:
        i = text.index(phrase)
        return mod.Timex(i, i + len(phrase), typ, value)

    dateline = at("Aug. 3", "DATE", "1998-08-03")
    assert mod.date_cause(dateline, None, d, []) == ("spurious", "headline or dateline (a short first line)")
    friday = (at("Friday", "DATE", "1998-07-31"), at("Friday", "DATE", "1998-08-07"))
    assert mod.date_cause(*friday, d, []) == ("wrong value", "tense direction")
    assert mod.date_cause(friday[0], at("Friday", "DATE", "1998-07-24"), d, ["1998-07-24"]) == (
        "wrong value",
        "anchor: gold repeats a date mentioned before",
    )
    ago = (at("Two years ago", "DATE", "1996"), at("Two years ago", "DURATION", "P2Y"))
    assert mod.date_cause(*ago, d, []) == ("wrong type", '"X ago"')
    assert mod.date_cause(at("Now", "DATE", "PRESENT_REF"), None, d, []) == (
        "spurious",
        "PRESENT/PAST/FUTURE_REF",
    )
    assert mod.date_cause(at("1998", "DATE", "1998"), None, d, []) == ("spurious", "a number read as a year")
    assert mod.date_cause(None, friday[1], d, []) == ("missed", "other expression")


def _cat(tokens: list[tuple[int, str]], timexes: str) -> str:
    """A NewsReader CAT document (MEANTIME's format): tokens (sentence, word), then TIMEX3 markables."""
    rows = "".join(
        f'<token t_id="{i}" sentence="{sent}" number="{i - 1}">{word}</token>\n'
        for i, (sent, word) in enumerate(tokens, 1)
    )
    return f'<?xml version="1.0" ?><Document doc_name="probe">\n{rows}<Markables>{timexes}</Markables></Document>'


def test_bench_reads_a_cat_corpus(tmp_path: Any) -> None:
    """``--dev-corpus DIR`` reads NewsReader CAT files: the tokens joined back into text (the title on a line
    of its own, no space before closing punctuation and clitics), the creation time as anchor and out of the
    text, TIMEX3 anchored on tokens at their offsets, and only the sentences MEANTIME annotates (0-5)."""
    words = [(0, "Plant"), (0, "closes"), (1, "March"), (1, "06"), (1, ","), (1, "2008")]
    words += [(2, "The"), (2, "plant"), (2, "'s"), (2, "owners"), (2, "said"), (2, "Thursday"), (2, "that")]
    words += [(2, "it"), (2, "closed"), (2, "("), (2, "for"), (2, "good"), (2, ")"), (2, ".")]
    words += [(6, "In"), (6, "2009"), (6, "it"), (6, "reopens"), (6, ".")]
    timexes = (
        '<TIMEX3 m_id="1" type="DATE" value="2008-03-06" functionInDocument="CREATION_TIME">'
        + "".join(f'<token_anchor t_id="{i}"/>' for i in (3, 4, 5, 6))
        + '</TIMEX3><TIMEX3 m_id="2" type="DATE" value="2008-03-06" functionInDocument="NONE">'
        '<token_anchor t_id="12"/></TIMEX3>'
        '<TIMEX3 m_id="3" type="DATE" value="" functionInDocument="NONE"/>'
    )
    (tmp_path / "probe.xml").write_text(_cat(words, timexes), encoding="utf-8")
    bad = _cat(
        [(0, "Title")], '<TIMEX3 m_id="1" type="DATE" value="03-02-2009" functionInDocument="CREATION_TIME"/>'
    )
    (tmp_path / "baddct.xml").write_text(bad, encoding="utf-8")
    mod = _bench_module()
    docs = mod.load_corpus(tmp_path)
    assert [d.name for d in docs] == ["probe"]
    (doc,) = docs
    assert doc.dct == D(2008, 3, 6)
    assert doc.text == "Plant closes\nThe plant's owners said Thursday that it closed (for good)."
    assert [(g.text, g.type, g.value) for g in doc.gold] == [("Thursday", "DATE", "2008-03-06")]
    # halves by document, the same whatever order the files are read in
    many = [mod.Doc(f"doc{i}", doc.dct, doc.text) for i in range(10)]
    dev, check = mod.split(many, mod.CORPUS_SEED, mod.CORPUS_CHECK_SHARE)
    assert len(dev) == len(check) == 5 and not {d.name for d in dev} & {d.name for d in check}
    assert {d.name for d in mod.split(many[::-1], mod.CORPUS_SEED, mod.CORPUS_CHECK_SHARE)[1]} == {
        d.name for d in check
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEWSY, max_size=30).map(" ".join))
def test_trigger_windows_lose_nothing(text: str) -> None:
    """Running the rules only around trigger words (and only the rules of the trigger kinds found) finds
    what every rule scanning the whole text finds."""
    from factcheck.temporal import engine, prefix, rules_dates, tense, vocab  # noqa: F401

    anchor = D(2024, 5, 16)
    windowed = engine._tag_cached.__wrapped__(text, anchor)
    orig, orig_rules = engine._rule_windows, engine._rules_in

    def whole_text(
        t: str, spans: object, kinds: object, edges: object = None, last_ends: list[int] | None = None
    ) -> list[tuple[int, int]]:
        if last_ends is not None:
            last_ends.append(len(t))  # (no bound: every rule searches the whole text to its end)
        return [(0, len(t))]

    try:
        engine._rule_windows = whole_text  # type: ignore[assignment]
        engine._rules_in = lambda spans: list(engine._DISPATCH)  # type: ignore[assignment]
        full = engine._tag_cached.__wrapped__(text, anchor)
    finally:
        engine._rule_windows, engine._rules_in = orig, orig_rules
    assert windowed == full


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "expected"),
    [
        ("Talks ran in 2019-2021.", "2019", "DATE", "2019"),
        ("Talks ran in 2019-2021.", "2021", "DATE", "2021"),
        ("Revenue for FY2024 rose.", "FY2024", "DATE", "2024"),
        ("Sales in H1 2024 fell.", "H1 2024", "DATE", "2024-H1"),
        ("The truce took effect at midnight on Sunday.", "midnight on Sunday", "TIME", "2024-05-12T24:00"),
        ("The meeting starts at 10:30 today.", "10:30 today", "TIME", "2024-05-16T10:30"),
        ("The group began in 2018, and dedicated a year to training.", "a year", "DURATION", "P1Y"),
        ("It was first played around 2,500 years ago.", "2,500 years ago", "DATE", "PAST_REF"),
        ("The war lasted 1,000 days.", "1,000 days", "DURATION", "P1000D"),
        ("He faces at least eight years in prison.", "at least eight years", "DURATION", "P8Y"),
        ("They aim for net zero a decade earlier than their rival.", "a decade earlier", "DURATION", "P10Y"),
        ("It opened three weeks later than planned.", "three weeks later", "DURATION", "P3W"),
        ("The regime fell in the fall of last year.", "the fall of last year", "DATE", "2023-FA"),
        ("The plane landed at 10:30 yesterday.", "10:30 yesterday", "TIME", "2024-05-15T10:30"),
        ("At 10:30, today is the day.", "10:30", "TIME", "XXXX-XX-XXT10:30"),
        ("They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("The flight took half an hour.", "half an hour", "DURATION", "PT30M"),
        # parts of a unit in the next smaller one where exact
        ("The talks lasted a quarter of an hour.", "a quarter of an hour", "DURATION", "PT15M"),
        ("She waited three quarters of an hour.", "three quarters of an hour", "DURATION", "PT45M"),
        ("He led the party for a quarter century.", "a quarter century", "DURATION", "P25Y"),
        # a measure before a noun, as "a five-year low" and "a half-century low" are
        ("Unemployment reached a quarter-century low.", "a quarter-century", "DURATION", "P25Y"),
        ("The repairs took half a day.", "half a day", "DURATION", "PT12H"),
        ("It took two and a half minutes.", "two and a half minutes", "DURATION", "PT2M30S"),
        ("In nineteen ninety-six the games were held.", "nineteen ninety-six", "DATE", "1996"),
        (
            "January nineteen ninety-seven. A bomb exploded.",
            "January nineteen ninety-seven",
            "DATE",
            "1997-01",
        ),
        ("The board meets every Monday morning.", "Monday morning", "SET", "XXXX-WXX-1TMO"),
        (
            # issue 21: the amount of time between two points is a duration (TimeML), not the point
            "The plan was approved on March 3. Two days later, it collapsed.",
            "Two days later",
            "DURATION",
            "P2D",
        ),
        ("He was arrested six weeks ago.", "six weeks ago", "DATE", "2024-W14"),
        # decades and centuries ago count whole years, also for part of one
        ("A half-century ago, the town was a village.", "A half-century ago", "DATE", "1974"),
        ("The mill closed a quarter of a century ago.", "a quarter of a century ago", "DATE", "1999"),
        ("A century ago the bridge was built.", "A century ago", "DATE", "1924"),
        ("Half a decade ago nobody had heard of it.", "Half a decade ago", "DATE", "2019"),
        ("A hearing is set for the week of March 6.", "the week of March 6", "DATE", "2025-W10"),
        (
            "The day before last Tuesday's hearing, they met.",
            "The day before last Tuesday",
            "DATE",
            "2024-05-13",
        ),
    ],
)
def test_more_news_styles(text: str, phrase: str, typ: str, expected: str) -> None:
    t = find(text, phrase, D(2024, 5, 16))
    assert (t.type, t.value) == (typ, expected)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Mrs. May said she would resign.", "May"),
        ("The Fed may raise rates, and May could see a cut.", "May"),
        ("Section 2024 of the code applies.", "2024"),
        ("Call 555-2024 now.", "2024"),
        ("The company pays a quarterly dividend.", "quarterly"),
        ("Kopp's 1987 Chevrolet was found.", "Chevrolet"),
        ("He watched High Noon again.", "Noon"),
        ("Bad choices have many second order effects.", "many second"),
        ("She was on 60 Minutes last night.", "60 Minutes"),
    ],
)
def test_more_not_dates(text: str, phrase: str) -> None:
    assert untagged(text, phrase, D(2024, 5, 16))


# ---- clause reading and fiscal quarters ---------------------------------------------------------


def test_tense_reads_the_auxiliary_before_a_long_clause() -> None:
    # the auxiliary "would be" lies more than twelve words before the date: "paid" stays future
    text = (
        "The split, which is subject to holder approval, would be paid on a still unspecified "
        "date in January to holders of record Dec. 21."
    )
    assert value(text, "Dec. 21", D(1989, 10, 26)) == "1989-12-21"


def test_full_stop_after_a_number_ends_the_clause() -> None:
    # "Nov. 5." ends its sentence: the next one does not inherit its future tense
    text = "The board will meet on Nov. 5. April sales: $3 million, the company said in a filing."
    assert value(text, "April", D(2024, 6, 10)) == "2024-04"
    # while an abbreviation's dot inside a sentence does not cut it
    assert value("The board will meet on Nov. 5 and again in April.", "April", D(2024, 6, 10)) == "2025-04"


def test_fiscal_quarter_is_the_quarter_of_the_report() -> None:
    text = (
        "Sun Microsystems said it earned $5.2 million in the fiscal first quarter. "
        "Sun shipped 28,000 systems in the quarter, up from the 1988 period. "
        "The latest period included a charge."
    )
    a = D(1989, 10, 26)
    assert value(text, "the fiscal first quarter", a) == "1989-Q1"
    assert value(text, "the quarter", a) == "1989-Q1"
    assert value(text, "the 1988 period", a) == "1988-Q1"
    assert value(text, "The latest period", a) == "1989-Q1"
    # without a fiscal quarter named, "the quarter" in an October report is the calendar third
    plain = "Sun shipped 28,000 systems in the quarter, up from the 1988 period."
    assert value(plain, "the quarter", a) == "1989-Q3"
    # a calendar quarter named later ends the fiscal reading
    later = text + " In the fourth quarter, sales should rise. Profit in the quarter fell."
    assert value(later, "quarter fell", a) == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Net was $1.8 million for the corresponding period last year.",
            "the corresponding period last year",
        ),
        ("Sales for last year's quarter were about $3 million.", "last year's quarter"),
        ("In the comparable year-ago quarter, it lost money.", "the comparable year-ago quarter"),
        ("It earned more than in the same period a year earlier.", "the same period a year earlier"),
    ],
)
def test_year_ago_quarter_phrases(text: str, phrase: str) -> None:
    # in a report on the third quarter (published in November), these name that quarter a year back
    report = "XYZ Corp. said third-quarter profit rose. " + text
    t = find(report, phrase, D(1989, 11, 1))
    assert (t.text, t.value) == (phrase, "1988-Q3")


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        ("Protesters prayed as Easter week began.", "Easter week", D(2000, 4, 17), "2000-W16"),
        ("The pope will celebrate Easter in Rome.", "Easter", D(2024, 3, 10), "2024-03-31"),
        ("Shops closed on Good Friday.", "Good Friday", D(2025, 4, 22), "2025-04-18"),
        ("Crowds gathered on Palm Sunday.", "Palm Sunday", D(1998, 4, 20), "1998-04-05"),
        ("Easter 2019 was cold.", "Easter 2019", D(2024, 5, 16), "2019-04-21"),
        # a moveable feast without an anchor: its day depends on the year, so it stays open
        ("Shops closed on Good Friday.", "Good Friday", None, "XXXX-XX-XX"),
        ("Christmas is near.", "Christmas", None, "XXXX-12-25"),
    ],
)
def test_easter_holidays(text: str, phrase: str, anchor: dt.date | None, expected: str) -> None:
    t = find(text, phrase, anchor)
    assert (t.text, t.value) == (phrase, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Women's Day is this coming Sunday, March eighth. A focus", "Sunday, March eighth", "1998-03-08"),
        ("The talks end May twenty-first.", "May twenty-first", "1998-05-21"),
        ("It fell on June second, 1997, they said.", "June second, 1997", "1997-06-02"),
    ],
)
def test_spelled_out_day_of_month(text: str, phrase: str, expected: str) -> None:
    t = find(text, phrase, D(1998, 3, 5))
    assert (t.text, t.value) == (phrase, expected)


def test_spelled_out_ordinal_before_a_noun_is_no_day() -> None:
    t = find("In March second place went to Bob.", "March", D(1998, 3, 5))
    assert (t.text, t.value) == ("March", "1998-03")


def test_quarter_ended_is_over_and_that_quarter_is_anaphoric() -> None:
    text = (
        "In the comparable year-ago quarter, the second quarter ended Oct. 31, the company lost "
        "$12.5 million. Results for that quarter included a write-down."
    )
    a = D(1989, 10, 27)  # Oct. 31 of this year is still ahead: the quarter that "ended" then is last year's
    assert value(text, "Oct. 31", a) == "1988-10-31"
    assert value(text, "the second quarter", a) == "1988-Q2"
    assert value(text, "that quarter", a) == "1988-Q2"
    # "ending" may lie ahead
    assert value("Sales for the quarter ending Dec. 31 will rise.", "Dec. 31", a) == "1989-12-31"
    assert value("Its fourth quarter ended Aug. 26 was weak.", "fourth quarter", D(1989, 11, 1)) == "1989-Q4"
    # no antecedent: the quarter stays open
    assert value("Results for that quarter included a charge.", "that quarter", a) == "XXXX-QX"


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "expected"),
    [
        ("The stock would be redeemed in five years.", "five years", "DATE", "1994"),
        ("He will return in two weeks.", "two weeks", "DATE", "1989-W46"),
        ("The plant will reopen in about three months.", "three months", "DATE", "1990-02"),
        ("It will be done in a few days.", "a few days", "DATE", "FUTURE_REF"),
        # a past clause or "within": still a length of time
        ("His second letter in two weeks was published.", "two weeks", "DURATION", "P2W"),
        ("It will finish within a year.", "a year", "DURATION", "P1Y"),
        ("He will speak in 10 minutes.", "10 minutes", "DURATION", "PT10M"),
    ],
)
def test_in_n_units_ahead_is_a_date(text: str, phrase: str, typ: str, expected: str) -> None:
    t = find(text, phrase, D(1989, 11, 2))
    assert (t.type, t.value) == (typ, expected)


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        (
            "The mother was kidnapped along with the boy to make the late-November trip, Castro said.",
            "late-November",
            D(2000, 1, 28),
            "1999-11",
        ),
        (
            "Problems made it difficult for Sun to meet demand well into the summer.",
            "the summer",
            D(1989, 10, 26),
            "1989-SU",
        ),
        # no past verb over the infinitive: it still points ahead
        ("The company plans to launch it in November.", "November", D(2000, 1, 28), "2000-11"),
        (
            "Officials are expected to meet demand well into the summer.",
            "the summer",
            D(1989, 10, 26),
            "1990-SU",
        ),
    ],
)
def test_infinitive_under_a_past_verb(text: str, phrase: str, anchor: dt.date, expected: str) -> None:
    assert value(text, phrase, anchor) == expected


def test_then_current_is_past() -> None:
    text = "Holders may buy shares at 50% of the then current market price."
    t = find(text, "then current", D(1989, 10, 26))
    assert (t.text, t.value) == ("then current", "PAST_REF")
    assert value("at the then-current price", "then-current", D(1989, 10, 26)) == "PAST_REF"
    assert value("at the current price", "current", D(1989, 10, 26)) == "PRESENT_REF"


def test_until_then_is_the_date_last_named() -> None:
    text = "Conversion rights will terminate on Nov. 30. Until then, the stock remains outstanding."
    t = find(text, "then", D(1989, 10, 30))
    assert (t.text, t.value) == ("then", "1989-11-30")
    assert untagged("Until then, nothing changes.", "then", D(1989, 10, 30))  # no antecedent
    assert untagged("We met, and then we left on Friday.", "then", D(1989, 10, 30))


def test_as_soon_as_possible() -> None:
    assert (
        value('It would liquidate the maker "as soon as possible," it said.', "as soon as possible")
        == "FUTURE_REF"
    )
    assert untagged("He left as soon as he could.", "soon", D(1989, 10, 27))


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("They emerged from their third day-long meeting.", "day-long", "P1D"),
        ("It symbolizes the government's decades-long battle.", "decades-long", "PXY"),
        ("The minister ends a weeklong visit.", "weeklong", "P1W"),
        ("The rebels broke a two-year-long truce.", "two-year-long", "P2Y"),
    ],
)
def test_long_adjectives_are_durations(text: str, phrase: str, expected: str) -> None:
    t = find(text, phrase, D(2000, 1, 15))
    assert (t.type, t.value) == ("DURATION", expected)


def test_long_without_a_unit_is_nothing() -> None:
    assert tag("They worked long days and a long night.", D(2000, 1, 15)) == []


def test_vague_offset_from_the_narrative_is_a_duration() -> None:
    text = "The merger was signed on Oct. 3. A few days later, the company announced losses."
    t = find(text, "A few days later", D(1989, 10, 27))
    assert (t.type, t.value) == ("DURATION", "PXD")
    # counted from the publication date, it is still a past or future reference
    assert value("It happened a few years ago.", "a few years ago", D(1989, 10, 27)) == "PAST_REF"


_SCAN_PIECES = st.sampled_from(
    [
        "FY25",
        "FY '24",
        "fy 99 am",
        "in ’08",
        " '86, '87",
        "‘16 And",
        "'15:30",
        "May",
        "MAY",
        "mayor",
        "Q1",
        "h2",
        "_Q1",
        "éQ1",
        "Kmay",
        "İ",
        "٣",
        "²",
        "2024",
        "10:35",
        "5 p.m.",
        "3rd",
        "1990s",
        "Thursday",
        "ago",
        "last",
        "week",
        "é",
        "-",
        ",",
        ".",
        "\n",
        " ",
        "ab",
        "1",
        "12",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_SCAN_PIECES, st.text(max_size=6)), max_size=30).map("".join))
def test_fast_trigger_scan_equals_the_token_scan(text: str) -> None:
    from factcheck.temporal import engine, prefix, rules_dates, tense, vocab  # noqa: F401

    assert engine._trigger_spans(text) == _trigger_spans_plain(text)


_PREFIX_PIECES = st.sampled_from(
    [
        "the",
        "The",
        "of",
        "OF",
        "in",
        "mid",
        "mİd",
        "mıd",
        "early",
        "late",
        "end",
        "second half",
        "beginning",
        "past",
        "paſt",
        "last",
        "first",
        "year-earlier",
        "about",
        "more than",
        "up to",
        "at least",
        "Nearly",
        "approximately",
        "over",
        "as early as",
        "no later than",
        "postponed until",
        "moved to",
        "tıll",
        "aſ",
        "on",
        "the week of",
        "the weekend of",
        "the day before",
        "the day after",
        "K",
        "é",
        "-",
        " ",
        "\n",
        "\xa0",
        "  ",
        ",",
        "5",
        "x",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PREFIX_PIECES, st.text(max_size=4)), max_size=14).map("".join))
def test_prefix_prefilters_never_skip_a_match(before: str) -> None:
    """The cheap tests in front of the prefix regexes only skip searches that cannot move the start."""
    from factcheck.temporal import engine, prefix, rules_dates, tense, vocab  # noqa: F401

    before = before[-40:]
    if not prefix._may_end_mod(before):
        assert prefix._PREFIX_MOD_RE.search(before) is None
    if not prefix._may_end_dur(before):
        assert prefix._PREFIX_DUR_RE.search(before) is None
    if not prefix._may_end_durq(before):
        m = prefix._PREFIX_DURQ_RE.search(before)
        assert m is None or m.start() == len(before)
    if not vocab._may_end_in(before, vocab._DEADLINE_WORDS):
        assert tense._DEADLINE_BEFORE.search(before) is None
    if not vocab._may_end_in(before, vocab._DAY_RELATION_WORDS):
        assert engine._DAY_RELATION_BEFORE.search(before) is None


_RULE_PIECES = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "1st",
        "2nd",
        "23rd",
        "4TH",
        "on",
        "by",
        "until",
        "since",
        "before",
        "after",
        "of",
        "this",
        "next",
        "last",
        "month",
        "century",
        "early",
        "mid",
        "late",
        "1990s",
        "'90s",
        "twenties",
        "fiscal",
        "FY",
        "2024",
        "1750",
        "year",
        "day",
        "morning",
        "following",
        "previous",
        "same",
        "that",
        "later",
        "earlier",
        "per",
        "a",
        "end",
        "beginning",
        "start",
        "close",
        "turn",
        "year-end",
        "year's",
        "noon",
        "midnight",
        "5",
        "12",
        "p.m.",
        "am",
        "10:35",
        "one",
        "two",
        "o'clock",
        "in",
        "evening",
        "Christmas",
        "New Year's Day",
        "Easter",
        "Good Friday",
        "March",
        "May",
        "Jan.",
        "Monday",
        "2024-05-16",
        "5/16/2024",
        "ſ",
        "İ",
        "ı",
        "K",
        "é",
        "٣",
        " ",
        "\n",
        ",",
        ".",
        "-",
        "’",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_RULE_PIECES, st.text(max_size=3)), max_size=24).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_first_character_tests_equal_the_full_patterns(text: str, cut_left: int, cut_right: int) -> None:
    """A rule's leading (?=[...]) test only skips positions where its full pattern cannot match."""
    import re

    from factcheck.temporal import engine, prefix, rules_dates, tense, vocab  # noqa: F401

    pos, endpos = min(cut_left, len(text)), max(0, len(text) - cut_right)
    for rule, _fn, name in engine._ALL_RULES:
        rx = rule.regex
        lead = re.match(r"\(\?=(?:\[[^\]]*\]|\\d)\)", rx.pattern)
        if lead is None:
            continue
        plain = re.compile(rx.pattern[lead.end() :], rx.flags)
        for p, e in ((0, len(text)), (pos, endpos)):
            got = [(m.span(), m.groups()) for m in rx.finditer(text, p, e)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(text, p, e)], name


_HINT_PIECES = st.sampled_from(
    [
        "on the 3rd",
        "the 21ST of this month",
        "on the 1ſt,",
        "1ſt",
        "the 1990s",
        "'90s",
        "the late nİneties",
        "the twentıes",
        "20th Century",
        "21st-century",
        "as last.",
        "than LAſT",
        "day-long",
        "decades-long",
        "yearlong",
        "at 4 in the morning",
        "eight o'clock ın the evening",
        "5/16/2024",
        "12/3/99",
        "2024-05-16",
        "2024-05-16T10:30",
        "MARCH 14, 2013",
        "SEPT. 3, 2012",
        "MAY 2",
        "the second half of 2023",
        "the first HALF",
        "H1 2024",
        "h2",
        "per day",
        "PER WEEK",
        "FY25",
        "FY '24",
        "fıscal '24",
        "FİSCAL year '23",
        "the 2024 fiscal year",
        "its 2019 FINANCIAL year",
        "2020  tax year",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_HINT_PIECES, _RULE_PIECES, st.text(max_size=3)), max_size=16).map("".join),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_rule_hints_never_skip_a_match(text: str, cut_left: int, cut_right: int) -> None:
    """A window without its rule's hint holds no match of that rule."""
    from factcheck.temporal import engine, prefix, rules_dates, tense, vocab  # noqa: F401

    pos, endpos = min(cut_left, len(text)), max(0, len(text) - cut_right)
    for rule, _fn, name in engine._ALL_RULES:
        rx = rule.regex
        hint = engine._HINT_OF[name]
        if hint is None:
            continue
        for p, e in ((0, len(text)), (pos, endpos)):
            if hint.search(text, p, e) is None:
                assert next(rx.finditer(text, p, e), None) is None, name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_SCAN_PIECES, st.text(max_size=6)), max_size=40).map("".join))
def test_fast_rule_windows_equal_the_plain_ones(text: str) -> None:
    from factcheck.temporal import engine, prefix, rules_dates, tense, vocab  # noqa: F401

    spans = engine._trigger_spans(text)
    all_kinds = (*engine._KIND_WORDS, "digit")
    for kinds in [*set(engine._KINDS_OF.values()), all_kinds, ("digit", "clock"), ("weekday", "month")]:
        assert engine._rule_windows(text, spans, kinds) == _rule_windows_plain(text, spans, kinds)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(_SCAN_PIECES, st.sampled_from(["٣", "１", "²", "\ud800", "’", "Q3"]), st.text(max_size=6)),
        max_size=30,
    ).map("".join)
)
def test_digit_runs_equal_the_regex(text: str) -> None:
    import re

    from factcheck.temporal import engine, prefix, rules_dates, tense, vocab  # noqa: F401

    assert engine._digit_runs(text) == [(m.start(), m.group()) for m in re.finditer(r"\d+", text)]


# ---- issue 16 item 3: time errors seen on real articles --------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Emissions fell over the past ten years, the agency said.", "the past ten years"),
        ("The plan will cost $2 billion over the next four years.", "the next four years"),
        ("Prices are expected to rise over the coming months.", "the coming months"),
    ],
)
def test_over_a_period_means_during_not_more_than(text: str, span: str) -> None:
    (ref,) = [r for r in tag(text, D(2024, 1, 10)) if r.type == "DURATION"]
    assert ref.text == span and ref.mod is None


def test_over_an_amount_is_still_more_than() -> None:
    (ref,) = tag("The talks lasted over two years.", D(2024, 1, 10))
    assert (ref.text, ref.value, ref.mod) == ("over two years", "P2Y", "MORE_THAN")


def test_same_month_day_resolves_to_one_year_in_a_text() -> None:
    text = (
        "The ceremony will be held on Feb. 9 in Los Angeles. "
        "The film was nominated before the Oscars on Feb. 9, critics said."
    )
    days = [r.value for r in tag(text, D(2020, 1, 14)) if r.text == "Feb. 9"]
    assert days == ["2020-02-09", "2020-02-09"]


def test_month_day_named_with_its_year_fixes_later_mentions() -> None:
    text = "The summit opened on June 3, 2019. Delegates who left before June 3 missed the vote."
    assert [r.value for r in tag(text, D(2020, 1, 14))] == ["2019-06-03", "2019-06-03"]


@pytest.mark.parametrize(
    "text",
    [
        "The film 1917 won three Golden Globes on Sunday.",
        "Sam Mendes’ 1917 won best drama.",
        "Tickets for “1984” sold out within hours.",
        "Orwell's novel 1984 is on the reading list.",
    ],
)
def test_a_year_like_title_is_no_date(text: str) -> None:
    assert all(not r.value.startswith(("19", "20")) or len(r.value) != 4 for r in tag(text, D(2020, 1, 10)))


def test_a_year_before_a_noun_is_still_a_date() -> None:
    assert [r.value for r in tag("The 1992 protests ended in a deal.", D(2020, 1, 10))] == ["1992"]
    assert [r.value for r in tag("Britain's 2019 election was a landslide.", D(2020, 1, 10))] == ["2019"]


@pytest.mark.parametrize(
    "text",
    [
        "She told NBC News' Today show that the plan had failed.",
        "He made the remarks on CBS This Morning.",
        "Speaking on the BBC's Today programme, the minister denied it.",
        "The Today show host asked about the report.",
    ],
)
def test_a_programme_name_is_no_time(text: str) -> None:
    assert tag(text, D(2020, 1, 10)) == []


def test_today_in_a_quote_is_the_day_the_quote_was_given() -> None:
    text = "“We are ready to sign today,” the minister said on Sunday."
    refs = tag(text, D(2020, 1, 13))  # published on Monday
    assert [(r.text, r.value) for r in refs] == [("today", "2020-01-12"), ("Sunday", "2020-01-12")]
    before = 'The minister said Sunday: "We will sign this morning."'
    refs = tag(before, D(2020, 1, 13))
    assert [(r.text, r.type, r.value) for r in refs][-1] == ("this morning", "TIME", "2020-01-12TMO")


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [  # written probes (no development text holds the shape: its quotes are attributed with no day or today's)
        (
            "“The 40 soldiers who died yesterday were heroes,” the general said on Saturday.",
            "yesterday",
            "DATE",
            "2020-01-10",
        ),
        (
            "“We will vote on the bill tomorrow,” Smith told reporters on Friday.",
            "tomorrow",
            "DATE",
            "2020-01-11",
        ),
        (
            'The mayor said Saturday: "The fire started last night near the station."',
            "last night",
            "TIME",
            "2020-01-10TNI",
        ),
        (
            "“We meet again tomorrow morning,” she said on Thursday.",
            "tomorrow morning",
            "TIME",
            "2020-01-10TMO",
        ),
    ],
)
def test_yesterday_and_tomorrow_in_a_quote_count_from_the_day_it_was_given(
    text: str, span: str, kind: str, value: str
) -> None:
    refs = {r.text: (r.type, r.value) for r in tag(text, D(2020, 1, 13))}  # published on Monday
    assert refs[span] == (kind, value)


@pytest.mark.parametrize(
    ("text", "anchor", "span", "value"),
    [  # a next-day story: the lead dates its event a day or two before the publication date, and a quotation whose
        # attribution names no day was given that day (realworld-dev's Reuters story of the SAG awards; PolNeAR
        # train, Washington Post 2016-02-09 and 2016-04-18)
        (
            "LOS ANGELES (Reuters) - South Korean thriller “Parasite” was the upset winner at the Screen Actors Guild"
            " (SAG) awards on Sunday, while Joaquin Phoenix and Renee Zellweger were named best actors.\n"
            "Speaking through an interpreter he added; “But what happened today, what’s truly important, is that"
            " these actors were acknowledged by fellow peers.”\n"
            "“This whole thing has been a dream and if I wake up tomorrow and find it’s been just that, thank"
            " you,” Waller-Bridge said.",
            D(2020, 1, 20),
            ("today", "tomorrow"),
            ("2020-01-19", "2020-01-20"),
        ),
        (
            "Barbs and pleas before N.H. vote.\n\nMANCHESTER, N.H. - With a snowstorm bearing down, presidential"
            " candidates scurried across New Hampshire on Monday, leveling inflammatory attacks against one another.\n\n"
            '"You have to go out and vote tomorrow," Trump said.',
            D(2016, 2, 9),
            ("tomorrow",),
            ("2016-02-09",),
        ),
        (
            "ROME - Bernie Sanders met privately with Pope Francis on Saturday, the capstone to an unusual detour"
            " from the American election.\n\n"
            '"The speech that I gave yesterday would have been the speech 10 years ago," he said in an interview.',
            D(2016, 4, 18),
            ("yesterday",),
            ("2016-04-15",),
        ),
    ],
)
def test_a_quote_in_a_next_day_story_counts_from_the_leads_day(
    text: str, anchor: dt.date, span: tuple[str, ...], value: tuple[str, ...]
) -> None:
    refs = {r.text: r.value for r in tag(text, anchor)}
    assert tuple(refs[s] for s in span) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the lead dates nothing: the publication day (PolNeAR train, Politico 2016-07-06's shape)
        (
            "Corey Lewandowski ripped FBI Director James Comey for acting as the judge and the jury in the probe.\n\n"
            "On Tuesday, Comey said that no reasonable prosecutor would bring the case.\n\n"
            '"Nobody has seen an FBI director do what we saw yesterday," Lewandowski said.',
            "2016-07-05",
        ),
        # the lead's day is a week back: no next-day story
        (
            "Gunmen killed 12 people at a concert hall in the capital last Thursday, the police said in a statement.\n\n"
            '"We are still in shock today," the mayor said.',
            "2016-07-06",
        ),
        # the attribution names its own day, which wins
        (
            "Gunmen killed 12 people at a concert hall in the capital on Monday, the police said in a statement.\n\n"
            '"We are still in shock today," the mayor said on Wednesday.',
            "2016-07-06",
        ),
        # outside quotes the publication day stays
        (
            "Gunmen killed 12 people at a concert hall in the capital on Tuesday, the police said in a statement.\n\n"
            "The mayor will visit the hall today, officials said.",
            "2016-07-06",
        ),
    ],
)
def test_a_quote_keeps_the_publication_day_without_a_next_day_lead(text: str, value: str) -> None:
    deictic = [r for r in tag(text, D(2016, 7, 6)) if r.text in ("today", "yesterday")]
    assert [r.value for r in deictic] == [value]


def test_yesterday_outside_quotes_stays_the_day_before_publication() -> None:
    text = "The minister signed the deal yesterday, officials said on Saturday."
    assert tag(text, D(2020, 1, 13))[0].value == "2020-01-12"


def test_today_outside_quotes_stays_the_publication_day() -> None:
    text = "The minister signed the deal today, officials said on Sunday."
    assert tag(text, D(2020, 1, 13))[0].value == "2020-01-13"


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        (
            "China and Russia held joint naval maneuvers in the Pacific last August.",
            D(2023, 9, 20),
            "2023-08",
        ),
        ("The company was founded last March.", D(2023, 9, 20), "2023-03"),
        ("The talks failed last October.", D(2023, 9, 20), "2022-10"),
        (
            "Xi and Putin had in February this year accused Washington of interfering.",
            D(2024, 4, 2),
            "2024-02",
        ),
        ("The plant will open next October.", D(2023, 9, 20), "2023-10"),
    ],
)
def test_last_and_next_month_are_the_nearest_ones(text: str, anchor: dt.date, value: str) -> None:
    assert [r.value for r in tag(text, anchor)] == [value]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Será este sábado 7 de mayo desde las 6:00.", "6:00", "XXXX-XX-XXT06:00"),
        ("Polls close at 18:00 and results follow.", "18:00", "XXXX-XX-XXT18:00"),
        ("On Tuesday the polls closed. Counting began at 22:00.", "22:00", "2024-04-09T22:00"),
        ("The market closed at 4 p.m. EST.", "4 p.m. EST", "2024-04-12T16:00"),
    ],
)
def test_a_clock_time_takes_only_a_day_the_text_gives(text: str, span: str, value: str) -> None:
    got = {r.text: r.value for r in tag(text, D(2024, 4, 12))}
    assert got[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Kipchoge won in 2:01:39, a world record.", "2:01:39", "PT2H1M39S"),
        ("She set a lap time of 1:23.456 in qualifying.", "1:23.456", "PT1M23.456S"),
        ("He finished in 3:58 to take the mile.", "3:58", "PT3M58S"),
    ],
)
def test_a_race_time_is_a_duration(text: str, span: str, value: str) -> None:
    (ref,) = [r for r in tag(text, D(2024, 4, 12)) if r.text == span]
    assert (ref.type, ref.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("By the end of the year, sales had fallen 5%.", D(2024, 4, 12), "2023"),
        ("The deal closed at the end of the month.", D(2024, 4, 12), "2024-03"),
        ("The deal closed at the end of the month.", D(2024, 4, 29), "2024-04"),
        ("Sales will recover by the end of the year.", D(2024, 4, 12), "2024"),
        ("He will arrive at the start of the month.", D(2024, 4, 12), "2024-05"),
        ("At the start of the month, prices rose.", D(2024, 4, 12), "2024-04"),
    ],
)
def test_end_of_period_follows_the_tense(text: str, anchor: dt.date, value: str) -> None:
    (ref,) = tag(text, anchor)
    assert ref.value == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The 2019-20 season was cut short.", ["2019", "2020"]),
        ("Sales in the 2023/24 financial year fell.", ["2023", "2024"]),
        ("Prices rose every year in 1990-95.", ["1990", "1995"]),
        ("Revenue in fiscal 2023-24 fell.", ["2023", "2024"]),
        ("Resolution 2023/17 was adopted.", []),
    ],
)
def test_second_half_of_a_year_range(text: str, values: list[str]) -> None:
    assert [r.value for r in tag(text, D(2024, 4, 12)) if r.type == "DATE"] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Pulp heroes of the 30s and 40s inspired the film.", [("the 30s", "193"), ("40s", "194")]),
        ("Prices rose through the 1980s and 90s, then fell.", [("the 1980s", "198"), ("90s", "199")]),
        (
            "Songs from the sixties and seventies filled the hall.",
            [("the sixties", "196"), ("seventies", "197")],
        ),
        ("The style spread in the ’80s and ’90s.", [("the ’80s", "198"), ("’90s", "199")]),
        ("The economy grew in the 1990s and 2000s.", [("the 1990s", "199"), ("2000s", "200")]),
        # an age and a temperature are no decades, nor what follows them
        ("She is in her 50s and 60s.", []),
        ("Temperatures in the 80s and 90s are expected.", []),
        # a list of decades: each one, in the first one's century
        (
            "The fashions of the 1920s, 30s and 40s are back.",
            [("the 1920s", "192"), ("30s", "193"), ("40s", "194")],
        ),
        (
            "Music of the 1960s, '70s, and '80s filled the hall.",
            [("the 1960s", "196"), ("'70s", "197"), ("'80s", "198")],
        ),
        (
            "The sixties, seventies and eighties were his years.",
            [("The sixties", "196"), ("seventies", "197"), ("eighties", "198")],
        ),
        # a comma after a decade opens no list unless one goes on ("and", "or" or another comma after it)
        ("In the 1990s, 40s-era cars were rare.", [("the 1990s", "199")]),
        ("In the 1970s, 80s were common ages at death.", [("the 1970s", "197")]),
    ],
)
def test_second_decade_of_a_pair(text: str, values: list[tuple[str, str]]) -> None:
    """A decade written short after another ("the 1930s and 40s") is in the first one's century."""
    assert [(r.text, r.value) for r in tag(text, D(2024, 4, 12))] == values


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Crowds were smaller on Black Friday this year.", D(2023, 11, 27), "2023-11-24"),
        ("Online sales peaked on Cyber Monday.", D(2023, 12, 1), "2023-11-27"),
        ("He visited his mother on Mother's Day.", D(2024, 5, 20), "2024-05-12"),
        ("Father’s Day falls on a Sunday.", D(2024, 6, 1), "2024-06-16"),
        ("Federal offices close for Juneteenth.", D(2024, 6, 10), "2024-06-19"),
        ("The wreath was laid on Remembrance Day.", D(2019, 11, 12), "2019-11-11"),
    ],
)
def test_more_holidays_from_the_data_table(text: str, anchor: dt.date, value: str) -> None:
    refs = [r for r in tag(text, anchor) if r.type == "DATE"]
    assert refs[0].value == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Shops reopen on Boxing Day.", D(2023, 12, 20), "2023-12-26"),
        ("Parades were held on Memorial Day.", D(2024, 6, 3), "2024-05-27"),
        ("The strike ended on Labor Day 2019.", D(2024, 6, 3), "2019-09-02"),
        ("Thanksgiving travel set records.", D(2023, 11, 27), "2023-11-23"),
        ("He will speak on Election Day.", D(2024, 10, 1), "2024-11-05"),
    ],
)
def test_holidays_from_the_data_table(text: str, anchor: dt.date, value: str) -> None:
    (ref,) = tag(text, anchor)
    assert ref.value == value


def test_a_holiday_spec_that_cannot_be_read_is_refused() -> None:
    from factcheck.lang import ResourceError
    from factcheck.temporal import rules_times

    with pytest.raises(ResourceError, match="cannot read"):
        rules_times._holiday_day("the first full moon")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The regulator read its 2022 filings closely.", ["2022"]),
        ("The party's 2019 manifestos promised more.", ["2019"]),
        ("The 1998 embassy bombings killed 224 people.", ["1998"]),
        ("Their 1500 workers went on strike.", []),
        ("Some 2000 people marched.", []),
    ],
)
def test_a_year_modifying_a_noun(text: str, values: list[str]) -> None:
    assert [r.value for r in tag(text, D(2024, 4, 12))] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a word in -s that is no noun does not make the year a count (realworld-dev, vancouversun.com)
        ("It plans to cut its emissions by more than half by 2030 across its supply chain.", ["2030"]),
        ("Coal use must fall sharply by 2040 across Europe.", ["2040"]),
        ("Output should double by 2025 towards a new record.", ["2025"]),
        ("The plant employs 2000 workers.", []),
    ],
)
def test_a_year_before_a_word_in_s_that_is_no_noun(text: str, values: list[str]) -> None:
    assert [r.value for r in tag(text, D(2020, 1, 16))] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # realworld-dev, knowtechie.com: the clock times are on the day named after them, not the article's day
        (
            "Rocket Pass 4 will begin at 10:00 a.m. PDT (5 p.m. UTC) on August 28 and ends on December 4.",
            [
                ("10:00 a.m. PDT", "2019-08-28T10:00"),
                ("5 p.m. UTC", "2019-08-28T17:00Z"),
                ("August 28", "2019-08-28"),
                ("December 4", "2019-12-04"),
            ],
        ),
        (
            "The office is open from 9 a.m. to 5 p.m. on Friday.",
            [("9 a.m.", "2019-08-23T09:00"), ("5 p.m. on Friday", "2019-08-23T17:00")],
        ),
        # a clock time in a sentence of its own keeps its day
        (
            "At 6 a.m. the police arrived. On Friday they left.",
            [("6 a.m.", "2019-08-21T06:00"), ("Friday", "2019-08-16")],
        ),
        # a day inside a parenthesis is the other clock time's (ECB+ 4_5ecb: "18:41 this evening (02:41 GMT Friday)")
        (
            "She passed away at 18:41 (02:41 GMT Friday) in a Los Angeles hospital.",
            [("18:41", "XXXX-XX-XXT18:41"), ("02:41 GMT Friday", "2019-08-16T02:41Z")],
        ),
        # a day later in the clause but past other words is not the clock time's day
        (
            "At 6 a.m. the police arrived and on Friday they left.",
            [("6 a.m.", "2019-08-21T06:00"), ("Friday", "2019-08-16")],
        ),
    ],
)
def test_a_clock_time_takes_the_day_named_after_it_in_its_phrase(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r.text, r.value) for r in tag(text, D(2019, 8, 21))] == expected


def test_a_clock_time_before_a_part_of_a_named_day_is_on_that_day() -> None:
    # ECB+ 14_9ecbplus, 14_8ecb: the clock time used to be lost beside "Sunday morning"
    got = [
        (r.text, r.value) for r in tag("The alarm was raised at about 6am on Sunday morning.", D(2013, 6, 1))
    ]
    assert got == [("6am on Sunday morning", "2013-05-26T06:00")]
    got = [
        (r.text, r.value) for r in tag("It broke out at 8.49pm on Friday night and spread.", D(2013, 6, 1))
    ]
    assert got == [("8.49pm on Friday night", "2013-05-31T20:49")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Polls close at 8 p.m. on Tuesday, Nov. 5, officials said.",
            "8 p.m. on Tuesday, Nov. 5",
            "2019-11-05T20:00",
        ),
        ("Polls close at 8 p.m. Tuesday, Nov. 5.", "8 p.m. Tuesday, Nov. 5", "2019-11-05T20:00"),
        ("The deadline is noon Monday, 4 November.", "noon Monday, 4 November", "2019-11-04T12:00"),
    ],
)
def test_a_clock_time_before_a_weekday_and_date_keeps_the_date(text: str, span: str, value: str) -> None:
    got = {r.text: r.value for r in tag(text, D(2019, 8, 21))}
    assert got[span] == value


def test_the_weekday_of_a_date_picks_its_year() -> None:
    # "Tuesday, Nov. 5" is 2019 (a Tuesday), even where the past tense points to the year before
    refs = tag("Voting ended on Tuesday, Nov. 5, officials said.", D(2019, 8, 21))
    assert [r.value for r in refs] == ["2019-11-05"]


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # a month opening its sentence takes the tense of the main verb after a long subject (TBAQ dev)
        (
            "In January, a week after the anniversary of the Roe vs. Wade decision, a clinic bombing in "
            "Birmingham, Ala., killed a guard.",
            D(1998, 10, 25),
            "1998-01",
        ),
        (
            "In March, after months of talks with the unions over pay and pensions, the company announced cuts.",
            D(2019, 10, 10),
            "2019-03",
        ),
        (
            "In March, after months of talks with the unions over pay and pensions, the company will announce cuts.",
            D(2019, 10, 10),
            "2020-03",
        ),
    ],
)
def test_a_sentence_opening_month_takes_the_main_verbs_tense(text: str, anchor: dt.date, value: str) -> None:
    (ref,) = [r for r in tag(text, anchor) if r.text in ("January", "March")]
    assert ref.value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # irregular past forms mark a past clause (ECB+ 12_6ecb, 20_2ecbplus)
        ("On November 19, the frigate sank a pirate vessel.", "November 19", "2012-11-19"),
        ("An aftershock shook the island on Monday.", "Monday", "2013-05-27"),
        ("The economy shrank in the three months to September.", "September", "2012-09"),
        # after "in", "until", "during"... "May" is the month, whatever verb follows (ECB+ 9_7ecb)
        ("The species was listed as threatened in May because of global warming.", "May", "2013-05"),
        ("The report released in May showed growth.", "May", "2013-05"),
    ],
)
def test_past_verbs_and_may_after_a_preposition(text: str, span: str, value: str) -> None:
    got = {r.text: r.value for r in tag(text, D(2013, 6, 1))}
    assert got[span] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # business quarters stay quarters, even beside a word shared with sport
        ("The game maker said profit fell in the fourth quarter.", "2012-Q4"),
        ("Shares rallied in the fourth quarter.", "2012-Q4"),
        ("The Colts posted record revenue in the fourth quarter of 2012.", "2012-Q4"),
    ],
)
def test_a_business_quarter_is_no_game_period(text: str, value: str) -> None:
    assert [r.value for r in tag(text, D(2012, 12, 24))] == [value]


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # a plan told inside a past report looks ahead from that past time: the nearest occurrence
        # (TBAQ dev APW19991024; realworld-dev gregoryszorc.com)
        (
            "A memorial service planned at the University for Saturday was canceled after plans leaked.",
            D(1999, 10, 24),
            "1999-10-23",
        ),
        (
            "We wanted to declare support for the release, planned for early November.",
            D(2020, 1, 13),
            "2019-11",
        ),
        # a plan in a present or future clause still looks ahead from the publication date
        ("The summit, planned for November, will go ahead.", D(2020, 1, 13), "2020-11"),
        ("The vote is planned for November.", D(2020, 1, 13), "2020-11"),
        # ECB+ 32_8ecb: "already" is no past verb, and "is expected to" looks ahead
        (
            "Sutter is expected to discuss the case at a news conference already planned Wednesday.",
            D(2013, 6, 1),
            "2013-06-05",
        ),
    ],
)
def test_a_plan_inside_a_past_report(text: str, anchor: dt.date, value: str) -> None:
    (ref,) = tag(text, anchor)
    assert ref.value == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # the word after "decided" is the expression, not the word after it (ECB+ 5_1ecbplus)
        ("King said he decided on Saturday to fire O'Brien.", D(2005, 5, 24), "2005-05-21"),
        ("President Obama announced plans Tuesday to resume full reviews.", D(2009, 3, 4), "2009-03-03"),
        # "died", "hit" are past forms (ECB+ 26_2ecbplus, 20_8ecbplus); "could hit" and "a hit" are not
        ("Gigante, who feigned mental illness, died Monday in prison.", D(2005, 12, 20), "2005-12-19"),
        ("A powerful earthquake hit southern Iran on Sunday, killing 10.", D(2005, 11, 28), "2005-11-27"),
        ("A quake hit the town of Zarand in February, killing hundreds.", D(2005, 11, 28), "2005-02"),
        # a decimal point does not end the long scan of a sentence-opening adverbial (ECB+ 20_4ecbplus)
        ("In February, a quake measuring 6.4 on the Richter scale hit the town.", D(2005, 11, 28), "2005-02"),
        ("The show was a hit in March.", D(2011, 10, 11), "2011-03"),
        # "was able to" is past (ECB+ 30_8ecbplus)
        ("SEACOM was able to restore some services by Saturday afternoon.", D(2011, 10, 11), "2011-10-08TAF"),
        # "was coming" is the past progressive, not "the coming months" (ECB+ 7_11ecb)
        ("Thompson was coming off an 11th-round knockout in July.", D(2009, 12, 26), "2009-07"),
        ("The team were coming back from a defeat in May when the coach quit.", D(2019, 9, 2), "2019-05"),
        # "last" before a noun is no past marker; a coordinated clause after the date has its own tense
        (
            "Her last day is April 1, and the studio has not named a replacement.",
            D(2020, 2, 24),
            "2020-04-01",
        ),
        ("The last train leaves on December 23.", D(2019, 12, 2), "2019-12-23"),
        # the dots of "a.m." do not count as words of the clause scanned for its verb
        (
            "Jackson was pulled over for speeding in his Bentley around 1:30 a.m. on February 1.",
            D(2009, 12, 31),
            "2009-02-01T01:30",
        ),
        # "until" a month under a past verb or modal: a limit set then, the nearest occurrence (extra real page
        # miamitodaynews.com); "pledged to the trust in July" dates the pledge
        ("The department said it couldn’t answer anything until September.", D(2023, 11, 7), "2023-09"),
        ("The road will stay closed until September.", D(2023, 11, 7), "2024-09"),
        ("Cleckley pledged to the trust in July that the route would be tracked.", D(2023, 11, 7), "2023-07"),
        # a deadline stated in the present is ahead ([vocab] deadline_nouns); stated in the past it is over
        ("The deadline is December 31.", D(2024, 3, 14), "2024-12-31"),
        ("The deadline for applications to the fund is January 15.", D(2019, 6, 12), "2020-01-15"),
        ("The closing date for bids is Friday.", D(2024, 3, 14), "2024-03-15"),
        ("The deadline was December 31.", D(2024, 3, 14), "2023-12-31"),
    ],
)
def test_tense_of_the_governing_verb(text: str, anchor: dt.date, value: str) -> None:
    (ref,) = tag(text, anchor)
    assert ref.value[: len(value)] == value


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers logged 1230 hours of work last year.",
        "Overtime was cut from 1500 to 1000 hours a year.",
        "Pilots may fly up to 1000 hours per year.",
    ],
)
def test_four_digit_hours_that_count_stay_an_amount(text: str) -> None:
    """ "at 1230 hours" is a clock time (rule military_time); an amount of hours is a duration, or with "a
    year" the rate of a SET (rule units_per_unit), never a clock time."""
    refs = [r for r in tag(text, D(2011, 8, 9)) if "hours" in r.text]
    assert len(refs) == 1 and refs[0].type in ("DURATION", "SET")


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The museum opens every day at 9 a.m. from April.", "9 a.m.", "XXXX-XX-XXT09:00"),
        ("Patients take the pill twice a day at 8 p.m. and 8 a.m.", "8 p.m.", "XXXX-XX-XXT20:00"),
        ("The bulletin airs at 6 p.m. daily on the state channel.", "6 p.m.", "XXXX-XX-XXT18:00"),
        ("The market opens every Monday at 10:00, traders said.", "10:00", "XXXX-WXX-1T10:00"),
        # the start of a clock range recurs with the SET after the range's end (discourse._range_start_recurs)
        ("The museum is open from 10 a.m. to 5 p.m. daily.", "10 a.m.", "XXXX-XX-XXT10:00"),
        ("The farmers market runs 8am-1pm every Saturday.", "8am", "XXXX-WXX-6T08:00"),
        ("Visiting hours are 2 p.m. to 4 p.m. on Sundays, the hospital said.", "2 p.m.", "XXXX-WXX-7T14:00"),
        ("The strike ran from 9 a.m. Friday to 5 p.m. daily.", "9 a.m. Friday", "2010-04-30T09:00"),
        # a clock time with its own day is no part of the SET
        (
            "They meet every week; the next one is at 9 a.m. on Friday.",
            "9 a.m. on Friday",
            "2010-05-07T09:00",
        ),
    ],
)
def test_clock_time_in_a_set_recurs(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2010, 5, 5)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a bare clock time in a sentence about several days is on each of them (discourse.clock_in_many_days)
        (
            "The remaining 10 days will have an option of voting in person at the office between 12 and 8 p.m.",
            "8 p.m.",
            "XXXX-XX-XXT20:00",
        ),
        (
            "On the first and last days of the fair, hours will be extended from 10 a.m. to 9 p.m.",
            "9 p.m.",
            "XXXX-XX-XXT21:00",
        ),
        (
            "On the first and last days of the fair, hours will be extended from 10 a.m. to 9 p.m.",
            "10 a.m.",
            "XXXX-XX-XXT10:00",
        ),
        (
            "During its final three days the gallery stays open until 11 p.m., the curator said.",
            "11 p.m.",
            "XXXX-XX-XXT23:00",
        ),
        # a day named in the sentence, or days up to now or ahead: the clock time keeps its one day
        (
            "During the last days of the campaign, he spoke at 8 p.m. on Friday in Ohio.",
            "8 p.m. on Friday",
            "2010-04-30T20:00",
        ),
        (
            "Over the past two days police made 20 arrests; the last came at 8 p.m.",
            "8 p.m.",
            "2010-05-05T20:00",
        ),
        ("He was held for two days and released at 8 p.m., police said.", "8 p.m.", "2010-05-05T20:00"),
    ],
)
def test_clock_time_in_a_sentence_about_several_days_has_no_day(
    text: str, phrase: str, expected: str
) -> None:
    assert value(text, phrase, D(2010, 5, 5)) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The trial is expected to last three to four weeks.", "three"),
        ("Officials said the repairs could last two months.", "two months"),
        # the adjective stays part of the duration
        ("Prices fell over the last three weeks.", "the last three weeks"),
    ],
)
def test_last_as_a_verb_is_no_part_of_the_duration(text: str, span: str) -> None:
    assert span in [r.text for r in tag(text, D(2019, 6, 12))]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a reporting verb and its object before a bare weekday: the day of the report, past
        ("Her rep confirmed the split to People magazine on Friday.", "Friday", "2024-10-11"),
        ("Kempthorne announced major changes Thursday to the act.", "Thursday", "2024-10-10"),
        ("Dorsey told reporters after the shootings Thursday night.", "Thursday night", "2024-10-10TNI"),
        # "due to" + a noun is "because of" (ECB+ 23_8ecbplus); "due to appear" is a plan
        ("The search was suspended due to low light levels on Saturday.", "Saturday", "2024-10-12"),
        ("The man is due to appear in court on Saturday.", "Saturday", "2024-10-19"),
        # the time of a promise, not of what is promised (ECB+ 27_3ecb)
        ("As it promised Tuesday, Microsoft issued an emergency patch.", "Tuesday", "2024-10-15"),
        ("The company promised to deliver the patch by Friday.", "Friday", "2024-10-18"),
        # "let go" is no scheduled present (ECB+ 18_6ecb, 18_12ecb)
        ("The constable said the suspect had been let go from his job on Monday.", "Monday", "2024-10-14"),
        # "until" takes the tense of its clause (ECB+ 13_5ecbplus, 8_7ecb)
        ("The site included, until Tuesday, the old creamery.", "Tuesday", "2024-10-15"),
        ("The road is closed until Friday.", "Friday", "2024-10-18"),
        # a participle after a linking verb is a state; a reported clause keeps its own tense (ECB+ 31_3ecbplus)
        ("He indicated he might remain undecided until Sunday, the deadline.", "Sunday", "2024-10-20"),
        # a weekday that opens a clause as its subject takes that clause's tense (extra real page kbs.co.kr)
        (
            "Alerts were issued for frigid lows on Tuesday, Thursday is forecast to be even colder.",
            "Thursday",
            "2024-10-17",
        ),
        ("Rain was forecast for Friday, Monday was dry.", "Monday", "2024-10-14"),
        # a present-tense event verb with a bare weekday is scheduled, ahead
        ("The team plays Arsenal on Saturday at home.", "Saturday", "2024-10-19"),
        ("The president visits Ohio on Monday, aides said.", "Monday", "2024-10-21"),
        ("The Lakers host the Celtics on Saturday.", "Saturday", "2024-10-19"),
        ("The council meets Thursday to vote on the budget.", "Thursday", "2024-10-17"),
        # a noun after an article and an adjective is no present-tense verb (ESC 7_1ecbplus, 7_11ecbplus, 7_9ecbplus)
        (
            "Klitschko stopped Thompson in the sixth round to keep a comfortable hold on his titles Saturday night.",
            "Saturday night",
            "2024-10-12TNI",
        ),
        ("He made a strong start to the season on Sunday in Bern.", "Sunday", "2024-10-13"),
        ("Obama and the premier meet Friday in Paris.", "Friday", "2024-10-18"),
    ],
)
def test_weekday_direction_from_the_verb(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2024, 10, 16)) == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # the first day of a conjoined date written day first takes the second day's month and year
        (
            "The summit is on 9 and 10 March in Brussels.",
            D(2019, 2, 20),
            [("9", "2019-03-09"), ("10 March", "2019-03-10")],
        ),
        (
            "Talks ran from 28 to 30 November 2018.",
            D(2019, 6, 12),
            [("28", "2018-11-28"), ("30 November 2018", "2018-11-30")],
        ),
        # a count before it is no day
        ("Pages 4 - 10 March are missing.", D(2019, 6, 12), [("10 March", "2019-03-10")]),
        # "the day before yesterday" is one day; "the turn of the century" the turn nearest the anchor
        (
            "He arrived the day before yesterday.",
            D(2019, 6, 12),
            [("the day before yesterday", "2019-06-10")],
        ),
        (
            "Prices have doubled since the turn of the century.",
            D(2019, 6, 12),
            [("the turn of the century", "20")],
        ),
        ("Growth will slow by the turn of the century.", D(1998, 3, 1), [("the turn of the century", "20")]),
    ],
)
def test_conjoined_days_and_relative_days(
    text: str, anchor: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert [(r.text, r.value) for r in tag(text, anchor)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of bare weekdays runs forward: the one before the anchor in a past clause, after it ahead
        ("The strike lasted from Monday to Friday.", [("Monday", "2019-06-03"), ("Friday", "2019-06-07")]),
        (
            "The office will be closed from Monday to Friday.",
            [("Monday", "2019-06-17"), ("Friday", "2019-06-21")],
        ),
        (
            "Talks ran Tuesday through Thursday in Geneva.",
            [("Tuesday", "2019-06-04"), ("Thursday", "2019-06-06")],
        ),
        # two days, no range
        ("He met them on Friday and Thursday.", [("Friday", "2019-06-07"), ("Thursday", "2019-06-06")]),
    ],
)
def test_weekday_range_runs_forward(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.text, r.value) for r in tag(text, D(2019, 6, 12))] == expected  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of weekdays after a state that holds every week ([vocab] habitual_cues) is a SET, and the
        # clock range after it recurs on each of its days
        (
            "The hotline is staffed Monday through Friday, 8 a.m. to 6 p.m.",
            [
                ("Monday", "SET", "XXXX-WXX-1"),
                ("Friday", "SET", "XXXX-WXX-5"),
                ("8 a.m.", "TIME", "XXXX-XX-XXT08:00"),
                ("6 p.m.", "TIME", "XXXX-XX-XXT18:00"),
            ],
        ),
        (
            "The office is open Monday-Friday.",
            [("Monday", "SET", "XXXX-WXX-1"), ("Friday", "SET", "XXXX-WXX-5")],
        ),
        # one stretch of days: "from ... to", or no state before the range
        (
            "The museum is closed from Saturday to Monday for repairs.",
            [("Saturday", "DATE", "2024-03-16"), ("Monday", "DATE", "2024-03-18")],
        ),
        (
            "He was in hospital from Monday to Friday.",
            [("Monday", "DATE", "2024-03-04"), ("Friday", "DATE", "2024-03-08")],
        ),
    ],
)
def test_habitual_weekday_range(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(r.text, r.type, r.value) for r in tag(text, D(2024, 3, 14))] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the other zone's clock time in parentheses stands between a clock time and its day (wire style; ECB+
        # 11_11ecb, 11_1ecb)
        (
            "Voters began to cast ballots at 8 a.m. local time (0300 GMT) on Sunday.",
            "8 a.m.",
            "2008-12-14T08:00",
        ),
        (
            "Polls closed at 6 p.m. local time (1300 GMT) Sunday, officials said.",
            "6 p.m.",
            "2008-12-14T18:00",
        ),
        ("The quake struck at 10:42 local time on Saturday.", "10:42", "2008-12-13T10:42"),
    ],
)
def test_clock_time_with_zone_takes_the_day_after(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2008, 12, 16)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a bare-form past ("cut", "put", "cost") after a noun subject and before an object is past: a singular
        # subject would take "cuts" in the present
        ("The bank cut rates in September.", "September", "2022-09"),
        ("The board put the plan on hold in October.", "October", "2022-10"),
        ("The storm cost the city $1 million in June.", "June", "2022-06"),
        # a noun ("a rate cut"), not a verb: no past, the nearest such month ahead
        ("A rate cut in September is likely.", "September", "2023-09"),
    ],
)
def test_bare_past_after_a_noun_subject(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2023, 3, 20)) == expected


def test_real_article_scorer_reads_label_spellings_of_one_value() -> None:
    """bench/extract_quality.py: a label's bare clock time "T10:00" is the TIMEX3 value "XXXX-XX-XXT10:00",
    and "18XX" / "198X" are the centuries and decades "18" / "198"; other values stay as written."""
    mod = bench_module("extract_quality")
    same = mod.same_value
    assert same("T10:00") == same("XXXX-XX-XXT10:00") == "XXXX-XX-XXT10:00"
    assert same("18XX") == same("18") == "18" and same("198X") == "198"
    assert same("2023-11-08T10:00") != same("T10:00")
    assert same("2019-08-28T17:00Z") == same("2019-08-28T17:00") == "2019-08-28T17:00"
    for kept in ("XXXX", "XXXX-08", "2019", "PRESENT_REF", "P10D", "2020-W39"):
        assert same(kept) == kept


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Glassmakers have kept their secrets for more than two thousand years.",
            "two thousand years",
            "P2000Y",
        ),
        ("The dam has held for three hundred years.", "three hundred years", "P300Y"),
        (
            "It took one hundred and fifty years to finish the cathedral.",
            "one hundred and fifty years",
            "P150Y",
        ),
        ("The siege lasted a hundred days.", "a hundred days", "P100D"),
        # a year before 1000 is written with four digits, not read as a century
        ("The road was built 2,000 years ago.", "2,000 years ago", "0010"),
    ],
)
def test_numbers_with_hundreds_and_thousands(text: str, phrase: str, expected: str) -> None:
    """vocab._number multiplies by "hundred"/"thousand" ("two thousand" is 2000, not 1000 with "two"
    dropped); rules_relative writes years below 1000 with four digits."""
    assert value(text, phrase, D(2010, 5, 5)) == expected


def test_two_thousand_people_is_no_time() -> None:
    assert tag("Two thousand troops arrived on Monday.", D(2010, 5, 5))[0].text == "Monday"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "one day" opening a clause or after a wish is some day (rules_relative._one_day_indefinite)
        ("That winter was hard. One day, I went into a room and locked the door.", "One day", "PAST_REF"),
        ("There would be two versions, and one day everyone would switch.", "one day", "FUTURE_REF"),
        ("It has not happened yet. Maybe one day in the future!", "one day", "FUTURE_REF"),
        ("He expressed the hope he one day follows his father.", "one day", "FUTURE_REF"),
        ("Islam will one day be the largest religion.", "one day", "FUTURE_REF"),
        # an amount of time stays one
        ("It is not enough for one day in a hospital.", "one day", "P1D"),
        ("The strike lasted one day.", "one day", "P1D"),
        ("The move came only one day after the vote.", "one day", "P1D"),
        ("He lost one day's pay.", "one day", "P1D"),
    ],
)
def test_one_day_as_some_day(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2020, 1, 13)) == expected


def test_one_day_at_a_time_is_no_time() -> None:
    assert tag("He was trying to learn and grow one day at a time.", D(2020, 1, 13)) == []


@pytest.mark.parametrize(
    "text",
    [
        "His book “The Future of Work” in 2004 foresaw hyperspecialisation.",
        "Where do we go next?\nThe Future Strategists Hub 2018 was the launch event.",
        "Join a City Limits conversation on the Future of NYCHA.",
    ],
)
def test_title_case_future_is_a_name(text: str) -> None:
    """discourse.apply: "the Future" with a capital noun is a title or a name, not FUTURE_REF."""
    assert all("Future" not in r.text for r in tag(text, D(2020, 1, 13)))


def test_the_future_in_running_text_stays() -> None:
    assert value("The future looks bright, and we plan for the future.", "The future") == "FUTURE_REF"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "By October we were sure we could ship the 5.2 release, planned for early November.",
            "early November",
            "2019-11",
        ),
        (
            "In 2019 the start-up was worth $2.5 billion before its listing, planned for early November.",
            "early November",
            "2019-11",
        ),
    ],
)
def test_a_decimal_point_ends_no_clause_before_a_plan(text: str, phrase: str, expected: str) -> None:
    """tense._tense reads "5.2" and "$2.5" as one word: the past verb before them governs the reduced plan
    ("the release, planned for early November") after them; the nearest November, not the next one."""
    assert value(text, phrase, D(2020, 1, 13)) == expected


def test_diff_bench_leaves_the_fresh_split_out() -> None:
    """bench/temporal_diff.py lists the changes on real pages, never on the fixture's clean held-out split."""
    mod = bench_module("temporal_diff")
    fresh = mod._fresh_pages()
    assert len(fresh) == 12 and "wsvn.com-crash.html" in fresh
    assert mod._english("The council said on Monday that the plan was in doubt. " * 8)
    assert not mod._english("Der Rat sagte am Montag, dass der Plan unsicher sei. " * 8)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "going" is a future only in "going to": "get going", "keep going" are no plan
        (
            "Sales were slow to get going in the second quarter, the company said.",
            "the second quarter",
            "2019-Q2",
        ),
        ("The company is going to open the plant in the second quarter.", "the second quarter", "2020-Q2"),
    ],
)
def test_going_without_to_is_no_future(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, D(2019, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a game clock (ECB+: a football and a basketball report), a race time, a stay, a siege (discourse.compound_durations)
        (
            "He ran it back for a touchdown and a 31-24 lead with 4 minutes 48 seconds remaining.",
            "4 minutes 48 seconds",
            "PT4M48S",
        ),
        (
            "He set the record with a bank shot with 7 minutes 41 seconds to go.",
            "7 minutes 41 seconds",
            "PT7M41S",
        ),
        (
            "She won the marathon in 2 hours, 21 minutes and 3 seconds.",
            "2 hours, 21 minutes and 3 seconds",
            "PT2H21M3S",
        ),
        (
            "The crew spent 5 days, 4 hours and 12 minutes in orbit.",
            "5 days, 4 hours and 12 minutes",
            "P5DT4H12M",
        ),
        ("The siege of the city lasted two years and three months.", "two years and three months", "P2Y3M"),
        ("It took four minutes and forty-eight seconds.", "four minutes and forty-eight seconds", "PT4M48S"),
    ],
)
def test_compound_duration_is_one(text: str, phrase: str, expected: str) -> None:
    ref = find(text, phrase, D(2019, 4, 15))
    assert (ref.text, ref.type, ref.value) == (phrase, "DURATION", expected)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("He served two days and two weeks in jail.", "two days", "two weeks"),  # units going up: two amounts
        ("It rose 5% in two days and 3% in four hours.", "two days", "four hours"),  # words between
        ("The race took 2 hours, and the next one 5 hours.", "2 hours", "5 hours"),  # the same unit
    ],
)
def test_durations_apart_stay_apart(text: str, first: str, second: str) -> None:
    a, b = find(text, first, D(2019, 4, 15)), find(text, second, D(2019, 4, 15))
    assert (a.text, b.text) == (first, second)


def test_compound_duration_keeps_the_approximation() -> None:
    ref = find(
        "He was held for about two hours and ten minutes.", "two hours and ten minutes", D(2019, 4, 15)
    )
    assert (ref.value, ref.mod) == ("PT2H10M", "APPROX")


@given(
    h=st.integers(1, 99), m=st.integers(1, 59), s=st.integers(1, 59), comma=st.booleans(), conj=st.booleans()
)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_compound_clock_duration_property(h: int, m: int, s: int, comma: bool, conj: bool) -> None:
    def amount(n: int, unit: str) -> str:
        return f"{n} {unit}" + ("s" if n != 1 else "")

    link = ("," if comma else "") + " " + ("and " if conj else "")
    phrase = f"{amount(h, 'hour')}{link}{amount(m, 'minute')}{link}{amount(s, 'second')}"
    refs = tag(f"The winner finished in {phrase}, a record.", D(2019, 4, 15))
    assert [(r.text, r.value) for r in refs] == [(phrase, f"PT{h}H{m}M{s}S")]


# "in" and a number of units after an ordinal or superlative count is the span the count runs over, not a point
# ahead, even in a clause the tagger reads as future (ECB+ 25_10ecbplus, TBAQ APW20000216.0193, ECB+ 5_2ecbplus)
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Thomas is the fifth Saints running back to go on IR this season, the second in two days, the third "
            "in less than a month.",
            "two days",
            "P2D",
        ),
        (
            "Gonzalez's second letter to Reno in two weeks was published in Granma on Tuesday.",
            "two weeks",
            "P2W",
        ),
        ("Cheeks will be the fifth Sixers coach in four years under his watch.", "four years", "P4Y"),
        ("It will be the lowest level in five years, the bank said.", "five years", "P5Y"),
    ],
)
def test_in_units_after_a_count_is_its_span(text: str, phrase: str, value: str) -> None:
    ref = find(text, phrase, D(2011, 1, 5))
    assert (ref.type, ref.value) == ("DURATION", value)


@pytest.mark.parametrize(
    "text",
    ["The company will decide in two days.", "The court will process the request in two days."],
)
def test_in_units_without_a_count_is_still_a_point_ahead(text: str) -> None:
    assert find(text, "two days", D(2011, 1, 5)).value == "2011-01-07"


# a clock time on a named weekday, with no anchor to place the weekday: not the day last named (a dateline)
# (ECB+ 35_3ecbplus)
def test_clock_on_a_weekday_without_anchor_takes_no_other_day() -> None:
    text = "FEB. 4, 2009 The player was stopped at approximately 1:30 a.m. Sunday, police said."
    ref = find(text, "1:30 a.m. Sunday", None)
    assert ref.value == "XXXX-XX-XXT01:30"
    assert find(text, "1:30 a.m. Sunday", D(2009, 2, 4)).value == "2009-02-01T01:30"


# a clock time after a dateline written in capitals is on that day (ECB+ 19_3ecbplus, 3_5ecbplus)
def test_clock_after_a_dateline_in_capitals_takes_its_day() -> None:
    text = "THURSDAY, DECEMBER 3, 2009, 9:36 AM Rewards totaling $30,000 are offered."
    assert find(text, "9:36 AM", D(2009, 12, 10)).value == "2009-12-03T09:36"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an adverb between the auxiliary and its participle leaves the auxiliary's tense (a stream report:
        # "Orozco is to be formally sentenced May 3" was read as last year's May 3)
        ("Orozco is to be formally sentenced May 3.", "2016-05-03"),
        ("The law will be formally signed May 3.", "2016-05-03"),
        ("The bill was formally signed May 3.", "2015-05-03"),
        ("He was quickly sentenced on May 3.", "2015-05-03"),
    ],
)
def test_an_adverb_before_the_participle_keeps_the_auxiliarys_tense(text, value):
    assert [t.value for t in tag(text, dt.date(2016, 3, 16))] == [value]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a newspaper's name in capitals (the claims helper's dev6: USA Today's own pages write it so)
        ("The clip is part of USA TODAY's weekly video newsmaker series.", ["weekly"]),
        ("USA TODAY reported the poll on Monday.", ["Monday"]),
        # a headline in capitals goes on in capitals: its TODAY is a time
        ("MARKETS FALL TODAY AS BANKS SLIDE", ["TODAY"]),
    ],
)
def test_a_name_in_capitals_ending_in_today_is_no_time(text, spans):
    assert [t.text for t in tag(text, dt.date(2016, 9, 8))] == spans


_GAME_PIECES = st.sampled_from(
    [
        "touchdown",
        "Touchdowns",
        "FIELD GOAL",
        "field\ngoal",
        "kickoff",
        "ſcoreboard",
        "Inning",
        "in the game",
        "the",
        "quarter",
        "halftime",
        "punted",
        "rebounds.",
        "Kickoff",
        "x",
        "-",
        ",",
        "1",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_GAME_PIECES, max_size=12).map(" ".join), st.integers(0, 40), st.integers(0, 80))
def test_game_cue_first_letters_find_what_the_cues_find(text: str, a: int, b: int) -> None:
    """The game-cue regex's lookahead of first letters (case-folded as the cues are) changes no search."""
    from factcheck.temporal import rules_dates
    from factcheck.temporal.vocab import _VOCAB

    plain = re.compile(
        r"(?i:\b(?:" + "|".join(re.escape(c).replace("\\ ", r"\s+") for c in _VOCAB["game_cues"]) + r")\b)"
    )
    got = rules_dates._GAME_CUE.search(text, a, b)
    want = plain.search(text, a, b)
    assert (got and got.span()) == (want and want.span())


def test_the_anchors_own_weekday_reads_no_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare weekday that is the anchor's own is the anchor's day in a past, future or neutral clause alike: the
    clause's tense is not read for it (the most common weekday of wire news, "said Tuesday" in a Tuesday story)."""
    from factcheck.temporal import rules_relative

    read: list[tuple[int, int]] = []

    def counted(text: str, start: int, end: int, short: bool = False) -> str | None:
        read.append((start, end))
        return "PAST"

    monkeypatch.setattr(rules_relative, "_tense", counted)
    tuesday = D(2024, 5, 14)
    for text in ("The minister said Tuesday that talks failed.", "The team will meet Tuesday."):
        engine._tag_cached.cache_clear()
        assert [(r.text, r.value) for r in tag(text, tuesday)] == [("Tuesday", "2024-05-14")]
    assert read == []
    engine._tag_cached.cache_clear()
    assert [r.value for r in tag("The team will meet Friday.", tuesday)] == ["2024-05-10"]  # the stub's past
    assert len(read) == 1


def test_a_date_near_the_anchor_reads_no_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    """A month or day without a year whose nearest occurrence lies within two weeks (a day) or in the anchor's month
    (a month) is that occurrence whatever the tense: the clause is read only for dates clearly before or after."""
    from factcheck.temporal import rules_dates

    read: list[tuple[int, int]] = []

    def counted(m: re.Match[str], ctx: Any) -> str | None:
        read.append(m.span())
        return "FUT"

    monkeypatch.setattr(rules_dates, "_tense_of", counted)
    anchor = D(2024, 5, 16)
    for text, value in (("Sales fell on May 10.", "2024-05-10"), ("Sales will rise in May.", "2024-05")):
        engine._tag_cached.cache_clear()
        assert [r.value for r in tag(text, anchor)] == [value]
    assert read == []
    engine._tag_cached.cache_clear()
    assert [r.value for r in tag("Sales fell on March 10.", anchor)] == ["2025-03-10"]  # the stub's future
    assert len(read) == 1


def test_rule_windows_widen_a_shared_region_once() -> None:
    """The windows of a text's kinds share their widened ends: a region that two kinds have is widened once."""
    from factcheck.temporal import engine

    class Counted(str):
        calls = 0

        def rfind(self, *args: Any) -> int:  # type: ignore[override]
            Counted.calls += 1
            return super().rfind(*args)

    text = Counted("The vote came three years ago, said the party's chairwoman on Monday.")
    spans = {"a": [(5, 40)], "b": [(5, 40)]}
    edges: tuple[dict[int, int], dict[int, int]] = ({}, {})
    first = engine._rule_windows(text, spans, ("a",), edges)
    calls = Counted.calls
    assert engine._rule_windows(text, spans, ("b",), edges) == first == [(4, 47)]
    assert Counted.calls == calls  # the second kind's window: no new search
    assert (
        engine._rule_windows(text, spans, ("b",)) == first and Counted.calls > calls
    )  # without: searched again

"""HeidelTime's English resources (resources/english/rules, the reference tagger of issue 21) read as a checklist of
the kinds of expression English news holds: for each kind, sentences written for this test in news style (none taken
from a corpus or from HeidelTime), with the value a TimeML annotator gives. The engine reads each of them right; a
failure is a kind of expression it has stopped reading. Kinds it still misses are listed in the round 15 report
(numeric dates with dashes or dots, "10-29-99", "1.3.1999"; day-first ranges without a preposition, "held 3 to 6 May";
two-digit years with an apostrophe after a month, a season or a holiday, "March '98", "the summer of '69" (after a
preposition or a conjunction the year alone is read since round 33, rule year_apostrophe); decades in words, "the nineteen fifties"; the
negatives "2000 dead soldiers", "200 years older", "2016 Elm Street")."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.temporal import tag

WED = dt.date(2016, 10, 19)  # a Wednesday

# (kind, text, span, type, value); value None: the span must come out as no time expression
KINDS: list[tuple[str, str, str, str | None, str | None]] = [
    ("timestamp", "The memo, dated 09/26/1999, was released Tuesday.", "09/26/1999", "DATE", "1999-09-26"),
    (
        "md_weekday_after",
        "The vote was held on Feb. 25, 2009, Monday, in the capital.",
        "Feb. 25, 2009",
        "DATE",
        "2009-02-25",
    ),
    (
        "day_of_month_year",
        "He was born on 25 of February 2009 in Lagos.",
        "25 of February 2009",
        "DATE",
        "2009-02-25",
    ),
    ("day_range", "The summit runs November 19-20 in Lima.", "November 19", "DATE", "2016-11-19"),
    ("day_and", "Hearings were held on September 14 and 18, 2010.", "September 14", "DATE", "2010-09-14"),
    ("day_and", "Hearings were held on September 14 and 18, 2010.", "18, 2010", "DATE", "2010-09-18"),
    (
        "earlier_day",
        "The minister said earlier Monday that talks had stalled.",
        "Monday",
        "DATE",
        "2016-10-17",
    ),
    ("weekend", "The candidate will campaign in Ohio this weekend.", "this weekend", "DATE", "2016-W42-WE"),
    ("month_of_year", "Inflation peaked in February of 1999.", "February of 1999", "DATE", "1999-02"),
    ("month_and_month_year", "Sales fell in May and June 2011.", "May", "DATE", "2011-05"),
    (
        "month_rel_year",
        "The law takes effect in November next year.",
        "November next year",
        "DATE",
        "2017-11",
    ),
    ("month_rel_year", "The plant closed in May last year.", "May last year", "DATE", "2015-05"),
    ("season_year", "The bridge opened in the winter of 2001.", "the winter of 2001", "DATE", "2001-WI"),
    ("season_year", "Construction starts in spring 2018.", "spring 2018", "DATE", "2018-SP"),
    ("season_rel", "Sales slumped last winter.", "last winter", "DATE", "2015-WI"),
    ("season_rel", "The plant will reopen next summer.", "next summer", "DATE", "2017-SU"),
    ("quarter", "Profit rose in the third quarter of 2001.", "the third quarter of 2001", "DATE", "2001-Q3"),
    ("quarter", "The 2015 fourth quarter was its weakest.", "The 2015 fourth quarter", "DATE", "2015-Q4"),
    (
        "quarter",
        "Analysts expect growth in this year's fourth quarter.",
        "this year's fourth quarter",
        "DATE",
        "2016-Q4",
    ),
    (
        "quarter",
        "The chain plans to open stores in next year's first quarter.",
        "next year's first quarter",
        "DATE",
        "2017-Q1",
    ),
    (
        "quarter",
        "Net income fell from the year-earlier third quarter.",
        "the year-earlier third quarter",
        "DATE",
        "2015-Q3",
    ),
    (
        "half",
        "Growth should pick up in the second half of this year.",
        "the second half of this year",
        "DATE",
        "2016-H2",
    ),
    ("half", "The merger closed in the first half of 2015.", "the first half of 2015", "DATE", "2015-H1"),
    ("year_two_digits", "The senator carried the state in ’08 and lost it in ’12.", "’12", "DATE", "2012"),
    ("fiscal", "Revenue in fiscal 2017 is forecast at $2 billion.", "fiscal 2017", "DATE", "2017"),
    ("fiscal", "The agency's budget for fiscal year 2017 was cut.", "fiscal year 2017", "DATE", "2017"),
    ("fiscal", "The company expects FY17 earnings to rise.", "FY17", "DATE", "2017"),
    (
        "fiscal",
        "The company reported a loss for its fiscal first quarter.",
        "its fiscal first quarter",
        "DATE",
        "2016-Q1",
    ),
    ("year_range", "He served as governor from 1850-58.", "58", "DATE", "1858"),
    ("year_words", "The wall fell in nineteen eighty-nine.", "nineteen eighty-nine", "DATE", "1989"),
    ("decade", "Crime peaked in the late seventies.", "the late seventies", "DATE", "197"),
    ("decade", "It has not happened since the early 1990s.", "the early 1990s", "DATE", "199"),
    ("century", "The church dates from the 19th century.", "the 19th century", "DATE", "18"),
    ("century", "The town was founded in the seventh century.", "the seventh century", "DATE", "06"),
    ("century", "It is the worst drought of this century.", "this century", "DATE", "20"),
    (
        "century",
        "Scientists have warned of floods by the end of the century.",
        "the end of the century",
        "DATE",
        "20",
    ),
    ("part_of", "The company will go public in early 2017.", "early 2017", "DATE", "2017"),
    (
        "part_of",
        "The talks began at the beginning of November 1999.",
        "the beginning of November 1999",
        "DATE",
        "1999-11",
    ),
    ("part_of", "The plant will close by the end of the year.", "the end of the year", "DATE", "2016"),
    ("part_of", "The rules took effect in mid-2015.", "mid-2015", "DATE", "2015"),
    ("part_of", "Shares slid in late September.", "late September", "DATE", "2016-09"),
    ("part_of", "The deal is expected to close late next year.", "late next year", "DATE", "2017"),
    ("part_of", "Home prices rose at the end of last month.", "the end of last month", "DATE", "2016-09"),
    (
        "part_of",
        "Officials will decide at the start of next week.",
        "the start of next week",
        "DATE",
        "2016-W43",
    ),
    ("this", "The festival opens this November 24.", "November 24", "DATE", "2016-11-24"),
    ("this", "The governor will sign the bill this Monday.", "this Monday", "DATE", "2016-10-24"),
    ("this", "The camp closes this summer.", "this summer", "DATE", "2016-SU"),
    ("previous", "Sales had fallen 5 percent the previous year.", "the previous year", "DATE", "2015"),
    ("previous", "He had resigned the previous week.", "the previous week", "DATE", "2016-W41"),
    (
        "previous",
        "The bank said it had cut rates the previous month.",
        "the previous month",
        "DATE",
        "2016-09",
    ),
    ("current", "Growth in the current quarter is slowing.", "the current quarter", "DATE", "2016-Q4"),
    ("current", "The deficit for the current year is $2 billion.", "the current year", "DATE", "2016"),
    # the week after the time last named; with none named, a clause that looks ahead counts from the publication
    # date, a past one from a week the text does not give (round 28, as "The day after, ..." already did)
    (
        "following",
        "The trial opened on Oct. 3 and the court heard the case the following week.",
        "the following week",
        "DATE",
        "2016-W41",
    ),
    (
        "following",
        "The court will hear the case the following week.",
        "the following week",
        "DATE",
        "2016-W43",
    ),
    ("following", "The court heard the case the following week.", "the following week", "DATE", "XXXX-WXX"),
    ("latest", "In the latest quarter, profit doubled.", "the latest quarter", "DATE", "2016-Q3"),
    ("ago", "The plant was built about twenty years ago.", "about twenty years ago", "DATE", "1996"),
    ("ago", "She left the firm a month ago.", "a month ago", "DATE", "2016-09"),
    ("later", "Some days later, the family received a letter.", "Some days later", "DURATION", "PXD"),
    ("later", "About twenty days later, the ship arrived.", "About twenty days later", "DURATION", "P20D"),
    ("holiday", "Troops will be home by Christmas 2017.", "Christmas 2017", "DATE", "2017-12-25"),
    ("holiday", "Stores opened early on Thanksgiving.", "Thanksgiving", "DATE", "2015-11-26"),
    ("holiday", "Fighting eased over Easter Sunday.", "Easter Sunday", "DATE", "2016-03-27"),
    ("holiday", "Turnout will be high on Election Day.", "Election Day", "DATE", "2016-11-08"),
    ("holiday", "Parties were held on New Year's Eve.", "New Year's Eve", "DATE", "2015-12-31"),
    ("holiday", "The rally is set for Labor Day weekend.", "Labor Day", "DATE", "2017-09-04"),
    ("holiday", "Millions will travel over the Memorial Day weekend.", "Memorial Day", "DATE", "2017-05-29"),
    (
        "holiday",
        "The shooting happened on Martin Luther King Jr. Day.",
        "Martin Luther King Jr. Day",
        "DATE",
        "2016-01-18",
    ),
    ("holiday", "The bill was signed on New Year's Day.", "New Year's Day", "DATE", "2016-01-01"),
    ("holiday", "Crowds gathered on Christmas Eve 2015.", "Christmas Eve 2015", "DATE", "2015-12-24"),
    ("holiday", "Voters went to the polls on Super Tuesday.", "Super Tuesday", "DATE", "2016-03-01"),
    ("holiday", "Stores reported record sales on Veterans Day.", "Veterans Day", "DATE", "2015-11-11"),
    ("negative", "The pipeline runs 2000 kilometers across the region.", "2000", None, None),
    ("negative", "The fund paid $2016 to each worker.", "2016", None, None),
    ("negative", "She is in her 20s and lives in Ohio.", "20s", None, None),
    ("negative", "Call us as soon as you can.", "soon", None, None),
    ("negative", "The 59-year-old senator resigned.", "59-year", None, None),
    ("negative", "The bread was several days old.", "several days", None, None),
    (
        "duration",
        "Officials have less than sixty days to respond.",
        "less than sixty days",
        "DURATION",
        "P60D",
    ),
    ("duration", "The power was out for several minutes.", "several minutes", "DURATION", "PTXM"),
    (
        "duration",
        "Wages have stagnated for at least the last twenty years.",
        "at least the last twenty years",
        "DURATION",
        "P20Y",
    ),
    ("duration", "The economy has grown over the past 20 years.", "the past 20 years", "DURATION", "P20Y"),
    (
        "duration",
        "The plan will cost $5 billion over the next five years.",
        "the next five years",
        "DURATION",
        "P5Y",
    ),
    (
        "duration",
        "Prices have risen in the last several months.",
        "the last several months",
        "DURATION",
        "PXM",
    ),
    ("duration", "He spent a decade in prison.", "a decade", "DURATION", "P10Y"),
    ("duration", "The strike lasted a week and a half.", "a week and a half", "DURATION", "P1.5W"),
    ("duration", "She worked there for 18 months.", "18 months", "DURATION", "P18M"),
    ("duration", "He was held for 48 hours.", "48 hours", "DURATION", "PT48H"),
    ("set", "The pharmacy opens each day at 9.", "each day", "SET", "P1D"),
    ("set", "Protesters gather every Monday outside the court.", "every Monday", "SET", "XXXX-WXX-1"),
    ("set", "The fair is held each September.", "each September", "SET", "XXXX-09"),
    ("set", "Floods hit the valley every summer.", "every summer", "SET", "XXXX-SU"),
    ("set", "The board meets once a week.", "once a week", "SET", "P1W"),
    ("set", "Residents are tested twice a month.", "twice a month", "SET", "P1M"),
    ("set", "The bus runs three times a day.", "three times a day", "SET", "P1D"),
    ("set", "Elections are held every 5 years.", "every 5 years", "SET", "P5Y"),
    ("set", "The pills are taken every two days.", "every two days", "SET", "P2D"),
    ("set", "The report is published annually.", "annually", "SET", "P1Y"),
    ("set", "Rents are paid monthly.", "monthly", "SET", "P1M"),
    ("set", "The club meets on Monday afternoons.", "Monday afternoons", "SET", "XXXX-WXX-1TAF"),
    ("set", "The shop opens late on Thursday and Friday nights.", "Friday nights", "SET", "XXXX-WXX-5TNI"),
    ("set", "The paper comes out weekly.", "weekly", "SET", "P1W"),
    ("set", "The council meets every other week.", "every other week", "SET", "P2W"),
    ("set", "The mayor holds a press briefing every morning.", "every morning", "SET", "XXXX-XX-XXTMO"),
    (
        "time",
        "The record was stamped 2009-12-19 17:00 by the court.",
        "2009-12-19 17:00",
        "TIME",
        "2009-12-19T17:00",
    ),
    ("time", "The curfew starts at midnight Monday.", "midnight Monday", "TIME", "2016-10-24T24:00"),
    ("time", "The talks collapsed Monday night.", "Monday night", "TIME", "2016-10-17TNI"),
    ("time", "The storm hit early Friday morning.", "early Friday morning", "TIME", "2016-10-14TMO"),
    ("time", "The polls close at midnight today.", "midnight today", "TIME", "2016-10-19T24:00"),
    ("time", "The suspect was arrested yesterday morning.", "yesterday morning", "TIME", "2016-10-18TMO"),
    (
        "time",
        "The blast was heard late yesterday evening.",
        "late yesterday evening",
        "TIME",
        "2016-10-18TEV",
    ),
    ("time", "The plane landed last Friday morning.", "last Friday morning", "TIME", "2016-10-14TMO"),
    ("time", "The president will address the nation tonight.", "tonight", "TIME", "2016-10-19TNI"),
    ("time", "Markets open at 9:30 a.m. Wednesday.", "9:30 a.m. Wednesday", "TIME", "2016-10-19T09:30"),
    ("time", "The vote is set for noon Thursday.", "noon Thursday", "TIME", "2016-10-20T12:00"),
    ("time", "The fire broke out in mid-afternoon.", "mid-afternoon", "TIME", "2016-10-19TAF"),
    (
        "dateword",
        "The day before yesterday, the rebels took the town.",
        "The day before yesterday",
        "DATE",
        "2016-10-17",
    ),
    (
        "dateword",
        "The court will rule the day after tomorrow.",
        "the day after tomorrow",
        "DATE",
        "2016-10-21",
    ),
    ("dateword", "The results should be known right now.", "right now", "DATE", "PRESENT_REF"),
    ("ordinal_day", "The vote, scheduled for the 3rd, was delayed.", "the 3rd", "DATE", "2016-11-03"),
    ("ordinal_day", "The strike began on the 12th and ended a week later.", "the 12th", "DATE", "2016-10-12"),
    ("year_modifier", "The 2016 campaign has been bitter.", "2016", "DATE", "2016"),
    ("year_modifier", "He lost the 2012 race to Obama.", "2012", "DATE", "2012"),
    ("year_possessive", "Last year's election was close.", "Last year", "DATE", "2015"),
    ("week_of", "The hearing is set for the week of Nov. 14.", "the week of Nov. 14", "DATE", "2016-W46"),
    ("since", "Unemployment has fallen since 2010.", "2010", "DATE", "2010"),
    ("weekday_date", "The debate is Wednesday, Oct. 19.", "Wednesday, Oct. 19", "DATE", "2016-10-19"),
    (
        "last_weekday_in_past",
        "Trump told a rally on Friday that the vote was rigged.",
        "Friday",
        "DATE",
        "2016-10-14",
    ),
    ("month_day_year_slash_range", "The survey was conducted Oct. 10-13.", "Oct. 10", "DATE", "2016-10-10"),
    (
        "earlier_this",
        "Earlier this month, the FBI reopened the case.",
        "Earlier this month",
        "DATE",
        "2016-10",
    ),
    ("earlier_this", "Earlier this year, the company cut jobs.", "Earlier this year", "DATE", "2016"),
    ("later_this", "The Senate will vote later this week.", "later this week", "DATE", "2016-W42"),
    ("within", "The deal could be signed within days.", "days", "DURATION", "PXD"),
]


@pytest.mark.parametrize(
    ("kind", "text", "span", "typ", "value"), KINDS, ids=[f"{k}-{i}" for i, (k, *_) in enumerate(KINDS)]
)
def test_heideltime_kind(kind: str, text: str, span: str, typ: str | None, value: str | None) -> None:
    got = tag(text, WED)
    if value is None:
        assert not any(span in r.text for r in got), (kind, [(r.text, r.value) for r in got])
        return
    hit = [r for r in got if r.text == span]
    assert hit, (kind, [(r.text, r.value) for r in got])
    assert (hit[0].type, hit[0].value) == (typ, value)


@pytest.mark.parametrize(
    ("text", "anchor", "first", "value"),
    [
        # the first month or day of a range or pair written without a year takes the year written at its end
        # (HeidelTime's date_r7b; PolNeAR train: "from September to December 2014" in a 2016 story)
        ("Sales fell in May and June 2011.", WED, "May", "2011-05"),
        (
            "The study counted accounts from September to December 2014.",
            dt.date(2016, 2, 8),
            "September",
            "2014-09",
        ),
        (
            "Prices rose from November to February 2015, the agency said.",
            dt.date(2016, 2, 8),
            "November",
            "2014-11",
        ),
        ("The strike ran from March 3 to April 5, 2009.", WED, "March 3", "2009-03-03"),
        # a year fixed by "last" stays; a second date that is no range end leaves the first to its tense
        (
            "The jet flew 333 hours between his announcement last June and March 16, 2016.",
            dt.date(2016, 4, 25),
            "last June",
            "2015-06",
        ),
        ("He visited in May and returned in June 2011.", dt.date(2016, 4, 25), "May", "2015-05"),
    ],
)
def test_range_start_takes_the_written_year(text: str, anchor: dt.date, first: str, value: str) -> None:
    hit = [r for r in tag(text, anchor) if r.text == first]
    assert hit and hit[0].value == value, [(r.text, r.value) for r in tag(text, anchor)]

"""Probes of the seven error kinds issue 21 saw on unseen news, written for this test (not taken from any
corpus): three to five sentences of varied wording per kind, each with the value a TimeML annotator would give.
They audit the general mechanism of each kind (grammar, clause structure), not single phrases: a failure here
is a kind of sentence the tagger reads wrong, whatever the corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.temporal import tag

WED = dt.date(2024, 5, 15)  # a Wednesday
THU = dt.date(2024, 5, 16)

# (kind, text, anchor, span, type, value); value None: the span must come out as no time expression
PROBES: list[tuple[str, str, dt.date, str, str, str | None]] = [
    # 1. an amount of time that measures a span is a duration, not the point it leads to; "now" kept apart
    (
        "span",
        "The plant opened three years earlier than planned.",
        WED,
        "three years earlier",
        "DURATION",
        "P3Y",
    ),
    (
        "span",
        "Twenty years from now, the coast will look very different.",
        WED,
        "Twenty years from now",
        "DURATION",
        "P20Y",
    ),
    (
        "span",
        "Over the following decade, the town lost half of its jobs.",
        WED,
        "the following decade",
        "DURATION",
        "P10Y",
    ),
    (
        "span",
        "She has been in office for two years now, and her record is mixed.",
        WED,
        "two years",
        "DURATION",
        "P2Y",
    ),
    (
        "span",
        "She has been in office for two years now, and her record is mixed.",
        WED,
        "now",
        "DATE",
        "PRESENT_REF",
    ),
    ("span", "The drought has lasted four years now.", WED, "four years", "DURATION", "P4Y"),
    # 2. tense direction: a bare weekday or month in a past-tense report looks back; end of a period
    ("tense", "The minister said on Friday that the talks had failed.", WED, "Friday", "DATE", "2024-05-10"),
    ("tense", "Officials said the fire started in August.", WED, "August", "DATE", "2023-08"),
    ("tense", "She told reporters in January that she would run.", THU, "January", "DATE", "2024-01"),
    (
        "tense",
        "Officials told reporters on Friday that the bridge will reopen.",
        THU,
        "Friday",
        "DATE",
        "2024-05-10",
    ),
    (
        "tense",
        "The storm, which made landfall Tuesday, will weaken by Saturday.",
        THU,
        "Tuesday",
        "DATE",
        "2024-05-14",
    ),
    (
        "tense",
        "Sales fell sharply at the end of the month, the company reported.",
        WED,
        "the end of the month",
        "DATE",
        "2024-04",
    ),
    ("tense", "The law took effect at the start of the year.", WED, "the start of the year", "DATE", "2024"),
    ("tense", "The Fed cut rates in September.", THU, "September", "DATE", "2023-09"),
    (
        "tense",
        "Inflation fell to 3.2% in March and is expected to drop further.",
        WED,
        "March",
        "DATE",
        "2024-03",
    ),
    ("tense", "The island was hit by a 6.1 quake in September.", WED, "September", "DATE", "2023-09"),
    ("tense", "Sales are expected to rise 4.5% in September.", WED, "September", "DATE", "2024-09"),
    ("tense", "The mayor, whose term ends in December, will sign it.", WED, "December", "DATE", "2024-12"),
    ("tense", "The session opens in January.", WED, "January", "DATE", "2025-01"),
    ("tense", "Analysts expect a rate cut in September.", THU, "September", "DATE", "2024-09"),
    (
        "tense",
        "Construction began in February and should finish in November.",
        THU,
        "November",
        "DATE",
        "2024-11",
    ),
    ("tense", "The plant should have opened in March.", THU, "March", "DATE", "2024-03"),
    # 3. dates: a year modifying a noun, the second year of a range, fiscal years, anaphoric and ordinal days
    ("date", "The 2016 election changed the party.", WED, "2016", "DATE", "2016"),
    ("date", "2022's heatwave killed thousands.", WED, "2022's", "DATE", "2022"),
    ("date", "The 1990's were a boom time.", WED, "1990's", "DATE", "199"),
    ("date", "In the 1998-99 season he scored 30 goals.", WED, "99", "DATE", "1999"),
    ("date", "In the 2024 fiscal year the agency spent more.", WED, "2024 fiscal year", "DATE", "2024"),
    ("date", "Sales fell 4% last fiscal year.", WED, "last fiscal year", "DATE", "2023"),
    ("date", "The budget for fiscal 2025 rises 4%.", WED, "fiscal 2025", "DATE", "2025"),
    ("date", "It was the 2006 second-overall pick who scored.", WED, "2006", "DATE", "2006"),
    ("date", "The storm hit on May 3. That day, schools were closed.", WED, "That day", "DATE", "2024-05-03"),
    (
        "date",
        "The plant was shut on March 3. The previous day, workers had walked out.",
        WED,
        "The previous day",
        "DATE",
        "2024-03-02",
    ),
    ("date", "On the 30th, the company filed for bankruptcy.", WED, "the 30th", "DATE", "2024-04-30"),
    ("date", "Voting began on April 19. That week, turnout was high.", WED, "That week", "DATE", "2024-W16"),
    (
        "date",
        "The vote was held on June 2. The week before, polls showed a tie.",
        WED,
        "The week before",
        "DATE",
        "2023-W21",
    ),
    ("date", "Prices rose in the week before the budget.", WED, "the week before", "", None),
    ("date", "He was elected in 1994 and resigned the next year.", WED, "the next year", "DATE", "1995"),
    (
        "date",
        "The plant closed in March 2019. The next month, 200 workers went on strike.",
        WED,
        "The next month",
        "DATE",
        "2019-04",
    ),
    ("date", "The company will decide over the next week.", WED, "the next week", "DATE", "2024-W21"),
    ("date", "He died on the twelfth of March in Lisbon.", WED, "the twelfth of March", "DATE", "2024-03-12"),
    (
        "set",
        "Patches come out on the second Tuesday of each month.",
        WED,
        "the second Tuesday of each month",
        "SET",
        "P1M",
    ),
    ("set", "Patches come out on the second Tuesday of each month.", WED, "Tuesday", "", None),
    # 4. vague and bare durations: a unit word alone, a number heading a range of units
    ("vague", "The talks dragged on for months.", WED, "months", "DURATION", "PXM"),
    ("vague", "The repairs took months, the council said.", WED, "months", "DURATION", "PXM"),
    ("vague", "Residents waited hours for the buses.", WED, "hours", "DURATION", "PTXH"),
    ("vague", "It will be weeks before the road reopens.", WED, "weeks", "DURATION", "PXW"),
    ("vague", "Months after the flood, residents are still homeless.", WED, "Months", "DURATION", "PXM"),
    ("vague", "The repairs will take two to three weeks.", WED, "two", "DURATION", "P2W"),
    ("vague", "The trip takes 3-5 days.", WED, "3", "DURATION", "P3D"),
    ("vague", "He spent the last days of the campaign in Ohio.", WED, "days", "", None),
    # 5. SETs: frequency adverbs, each/every + period
    ("set", "The committee meets monthly to review cases.", WED, "monthly", "SET", "P1M"),
    ("set", "Each year, thousands of tourists visit the island.", WED, "Each year", "SET", "P1Y"),
    ("set", "Every other week, the council publishes data.", WED, "Every other week", "SET", "P2W"),
    ("set", "She visits her mother every Sunday.", WED, "every Sunday", "SET", "XXXX-WXX-7"),
    ("set", "Residents gather each spring to clean the beach.", WED, "each spring", "SET", "XXXX-SP"),
    ("set", "The shop opens Fridays and Saturdays.", WED, "Saturdays", "SET", "XXXX-WXX-6"),
    ("set", "Members meet every Tuesday and Thursday.", WED, "Thursday", "SET", "XXXX-WXX-4"),
    (
        "set",
        "Patrols will be increased on Friday and Saturday nights.",
        WED,
        "Friday",
        "SET",
        "XXXX-WXX-5TNI",
    ),
    ("set", "He worked Friday and Saturday night.", WED, "Friday", "DATE", "2024-05-10"),
    ("set", "He met her every Monday, and on Friday he left.", WED, "Friday", "DATE", "2024-05-10"),
    ("set", "The museum is open on weekends.", WED, "weekends", "SET", "XXXX-WXX-WE"),
    (
        "set",
        "The festival, held every year in October, drew 10,000 people.",
        WED,
        "October",
        "SET",
        "XXXX-10",
    ),
    ("set", "The race is run in March each year.", WED, "March", "SET", "XXXX-03"),
    ("set", "He visited every year and in October he stayed.", WED, "October", "DATE", "2023-10"),
    ("set", "Every few months, a new strain appears.", WED, "Every few months", "SET", "PXM"),
    ("set", "Sundays in July are busy at the beach.", WED, "Sundays", "SET", "XXXX-WXX-7"),
    ("set", "Greta Thunberg founded Fridays for Future in 2018.", WED, "Fridays", "", None),
    # 6. time of day on the day last talked about; race and lap times are durations
    (
        "clock",
        "The suspect was arrested on May 2. He was taken to a hospital at 10 p.m.",
        WED,
        "10 p.m.",
        "TIME",
        "2024-05-02T22:00",
    ),
    (
        "clock",
        "Yesterday's vote was close. Polls closed at 8 p.m.",
        WED,
        "8 p.m.",
        "TIME",
        "2024-05-14T20:00",
    ),
    (
        "clock",
        "The quake struck on March 3.\nIt hit at 2:46 p.m., the agency said.",
        WED,
        "2:46 p.m.",
        "TIME",
        "2024-03-03T14:46",
    ),
    (
        "clock",
        "The quake struck on March 3.\nThe agency will report at 2 p.m.",
        WED,
        "2 p.m.",
        "TIME",
        "2024-05-15T14:00",
    ),
    ("clock", "She finished in 2:18:35 to take the title.", WED, "2:18:35", "DURATION", "PT2H18M35S"),
    (
        "clock",
        "A man was arrested early Saturday after a shooting, police said Sunday.\n"
        "Officers were called shortly before 2 a.m. and found two victims.",
        dt.date(2024, 5, 19),
        "2 a.m.",
        "TIME",
        "2024-05-18T02:00",
    ),
    ("clock", "He ran the mile in 3:43.13.", WED, "3:43.13", "DURATION", "PT3M43.13S"),
    ("clock", "He crossed the finish line in 2:09:44.", WED, "2:09:44", "DURATION", "PT2H9M44S"),
    (
        "clock",
        "The race started at 8:30 a.m. and the winner finished in 2:10:11.",
        WED,
        "8:30 a.m.",
        "TIME",
        "2024-05-15T08:30",
    ),
    # 7. "today" as the present era
    (
        "today",
        "Young people today face higher rents than their parents did.",
        WED,
        "today",
        "DATE",
        "PRESENT_REF",
    ),
    ("today", "Farmers today use drones to check their crops.", WED, "today", "DATE", "PRESENT_REF"),
    ("today", "In today's economy, few can afford a house.", WED, "today's", "DATE", "PRESENT_REF"),
    ("today", "Hospitals today need more nurses than ever.", WED, "today", "DATE", "PRESENT_REF"),
    ("today", "Officials today announced a new plan.", WED, "today", "DATE", "2024-05-15"),
    ("today", "Shares today rose 5% after the report.", WED, "today", "DATE", "2024-05-15"),
    ("today", "Lawmakers today will vote on the bill.", WED, "today", "DATE", "2024-05-15"),
    ("today", "Police today are searching for the man.", WED, "today", "DATE", "2024-05-15"),
    ("today", "Elian today is the symbol of our unity, Castro said.", WED, "today", "DATE", "2024-05-15"),
    ("today", "He told USA Today that he would resign.", WED, "Today", "", None),
    ("today", "She wrote in Psychology Today about sleep.", WED, "Today", "", None),
    ("today", "Protesters Gather Today In Paris", WED, "Today", "DATE", "2024-05-15"),
]


@pytest.mark.parametrize(
    ("kind", "text", "anchor", "span", "typ", "value"),
    PROBES,
    ids=[f"{p[0]}-{i}" for i, p in enumerate(PROBES)],
)
def test_probe(kind: str, text: str, anchor: dt.date, span: str, typ: str, value: str | None) -> None:
    got = {r.text: r for r in tag(text, anchor)}
    if value is None:
        assert span not in got, f"{span!r} tagged in {text!r}: {got[span]}"
        return
    assert span in got, f"{span!r} not found in {text!r}: {[(r.text, r.value) for r in got.values()]}"
    assert (got[span].type, got[span].value) == (typ, value)

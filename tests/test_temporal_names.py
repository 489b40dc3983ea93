"""Session 18, part times5: words of time inside a name are no times on web pages: a capitalised "Now" that ends a
name or a sentence-opening "Now," that turns to the reader, a time word before a web address's top-level domain, "a year" as the noun of a predicate; and the
infinitive's verbs of tense.py, read from time.toml, with the past verb that governs an infinitive."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from time_readings import reading  # tests/time_readings.py

from factcheck.temporal import tag

D = dt.date


@pytest.mark.parametrize(
    ("text", "anchor", "phrase"),
    [
        # a capitalised "Now" after a capitalised word, not before another one: the end of a name (the tiptopjaw
        # pool, a film list; PolNeAR train, a group and a programme; ECB+ 19_2ecb)
        ("Deaf President Now! has a 100 percent rating on Rotten Tomatoes.", D(2024, 11, 27), "Now"),
        ("The progressive group One Wisconsin Now unearthed the columns.", D(2016, 4, 6), "Now"),
        (
            "The network licenses ''Larry King Now'' -- which was nominated for an Emmy.",
            D(2016, 9, 19),
            "Now",
        ),
        ("We welcome you to Democracy Now! Can you lay out the facts?", D(2008, 12, 9), "Now"),
        # a sentence-opening "Now," that turns to the reader (PolNeAR train: Washington Post 2016-06-14, Western
        # Journal 2016-07-28; dev8's pool pages)
        (
            "13.3 million, according to RealClearPolitics.\n\nNow, compare that with Romney.",
            D(2016, 6, 14),
            "Now",
        ),
        ("Now, how does Obama’s claim about Clinton stack up?", D(2016, 7, 28), "Now"),
        ("The peas are finishing up. Now, let's look at the key differences.", D(2024, 5, 1), "Now"),
        ("Every step counts. Now, imagine what I was like before I found yoga.", D(2024, 5, 1), "Now"),
        # a capitalised "Today" in quotation marks of its own: a programme's title (PolNeAR train, three
        # stories of 2016: Breitbart, Huffington Post, New York Times)
        ("Trump told NBC’s “Today” on Monday that he could hardly hear.", D(2016, 2, 29), "Today"),
        ("Sanders visited NBC’s “Today” to discuss his recent remarks.", D(2016, 4, 8), "Today"),
        (
            "He is not the first member of his family to land a job on ''Today.'' His niece is one.",
            D(2016, 5, 18),
            "Today",
        ),
        ("Natalie Morales, another ''Today'' anchor, is taking over his role.", D(2016, 5, 18), "Today"),
        # a time word before a top-level domain: a web address, a brand (dev8 TODAY.com; the pool's Monday.com)
        ("A representative for the platform tells TODAY.com that sales fell.", D(2024, 12, 30), "TODAY"),
        ("| Project management | Jira, Trello, Monday.com, Asana |", D(2024, 11, 27), "Monday"),
        # "a year" as a predicate's noun with what kind of year it was after it (dev8 restaurant; pool 0440;
        # PolNeAR train)
        (
            "For many restaurant chains, 2025 was a year focused on reversing losses.",
            D(2025, 12, 20),
            "a year",
        ),
        ("It was a year where the young guard stepped up to become veterans.", D(2024, 12, 20), "a year"),
        ("“It’s a year where doing your homework matters,” she said.", D(2016, 11, 7), "a year"),
    ],
)
def test_no_time_in_a_name_or_an_amount(text: str, anchor: dt.date, phrase: str) -> None:
    assert reading(text, phrase, anchor) is None


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a headline's title case, or an adverb before "Now", keeps the time
        ("Biden Now Leads In Polls", D(2024, 6, 1), "Now", "PRESENT_REF"),
        (
            "This County Criminalized Students for Bad Grades – Until Now & more",
            D(2024, 6, 1),
            "Now",
            "PRESENT_REF",
        ),
        # a quotation that opens with "Today," keeps its time
        (
            "“Today, we have a system where the secretary decides,” she said.",
            D(2015, 11, 30),
            "Today",
            "2015-11-30",
        ),
        (
            "''Today, you proved once again there is no place like home,'' she said.",
            D(2016, 4, 21),
            "Today",
            "2016-04-21",
        ),
        ("“Today’s speech shows that she listened,” the group said.", D(2016, 8, 12), "Today", "2016-08-12"),
        # "Now," before a clause of its own stays the present, as does "now" inside a sentence
        ("Now, he works for the network as a host.", D(2016, 9, 19), "Now", "PRESENT_REF"),
        ("We are now, let's say, ready to vote.", D(2016, 9, 19), "now", "PRESENT_REF"),
        # a sentence's end before a word, and a tweet's run-together link, are no web address
        ("The vote will be held on Monday. Then the count begins.", D(2024, 11, 27), "Monday", "2024-12-02"),
        (
            "Like you've never seen them before. Coming September 30th.https://t.co/hbaWqfjJcp",
            D(2016, 9, 28),
            "September 30th",
            "2016-09-30",
        ),
        # "a year" that measures a span stays a duration
        ("It has been a year since the attack.", D(2024, 6, 1), "a year", "P1Y"),
        (
            "Spurred on by what would likely be a week of favorable news coverage, he rose.",
            D(2016, 3, 23),
            "a week",
            "P1W",
        ),
    ],
)
def test_times_kept(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


@settings(deadline=None, max_examples=60)
@given(
    word=st.sampled_from(["Monday", "Friday", "Today", "TODAY", "Sunday", "Tonight"]),
    tld=st.sampled_from(["com", "org", "net", "co", "io"]),
    tail=st.sampled_from([" reported", " said that", ", the site", "'s data"]),
)
def test_a_time_word_in_a_domain_is_no_time(word: str, tld: str, tail: str) -> None:
    text = f"The news site {word}.{tld}{tail} sales rose."
    assert all(not (r.start <= 14 < r.end) for r in tag(text, D(2024, 6, 1)))


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # an infinitive of [vocab] to_verbs looks ahead (PolNeAR train: NYT 2016-04-28, 2016-01-30)
        (
            "Clinton has won a series of primaries that give her the impetus to shift focus decisively toward the "
            "November election.",
            D(2016, 4, 28),
            "November",
            "2016-11",
        ),
        (
            "Mr. Trump could draw union voters to improve Republican chances in a November general election.",
            D(2016, 1, 30),
            "November",
            "2016-11",
        ),
        # under a past act of planning, through a chain of infinitives, the nearest occurrence (Politico 2016-01-05)
        (
            "As POLITICO revealed, the RNC agreed to allow Trump to use the party’s voter file in late November.",
            D(2016, 1, 5),
            "late November",
            "2015-11",
        ),
        # under a past verb a bare weekday's infinitive gives no direction: the nearest day (Washington Post,
        # Saturday 2016-10-15)
        (
            "Sen. Elizabeth Warren called on President Obama to replace the head of the Securities and Exchange "
            "Commission on Friday, the latest sign of her clout.",
            D(2016, 10, 15),
            "Friday",
            "2016-10-14",
        ),
    ],
)
def test_infinitive_direction(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


def test_to_verbs_are_data() -> None:
    from factcheck.temporal.tense import _TO_VERBS
    from factcheck.temporal.vocab import _VOCAB

    assert frozenset(_VOCAB["to_verbs"]) == _TO_VERBS
    assert {"visit", "shift", "improve"} <= _TO_VERBS
    assert not {"court", "power", "work", "market"} & _TO_VERBS

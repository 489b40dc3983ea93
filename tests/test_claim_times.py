"""Which time expressions a claim carries (factcheck/claim_times.py, lang/<code>/claim_times.toml)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import claim_times, extract, ingest, temporal
from factcheck.lang import available, resource
from factcheck.model import TimeRef


def _examples() -> list[tuple[str, dict]]:
    return [
        (lang, ex) for lang in available("claim_times") for ex in resource(lang, "claim_times")["examples"]
    ]


@pytest.mark.parametrize(("lang", "ex"), _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_claim_times_examples(lang: str, ex: dict) -> None:
    found = temporal.tag(ex["text"], ex["anchor"])
    assert [t.value for t in claim_times.carried(ex["text"], found, 0, lang)] == ex["carried"], ex["text"]


def test_every_rule_has_examples_both_ways() -> None:
    values = [ex["carried"] for _lang, ex in _examples()]
    assert any(v == [] for v in values) and any(v for v in values)


def _claim(text: str, needle: str, published: dt.date = dt.date(2020, 2, 24)):
    art = ingest.article_from_text(text, path="a.txt", key="a.txt")
    art.published = published
    claims = extract.extract(art)
    found = [c for c in claims if needle in c.text]
    assert found, [c.text for c in claims]
    return found[0]


def test_a_claim_does_not_carry_a_reference_inside_a_noun_phrase() -> None:
    text = (
        "Candidate named in survey\n\n"
        "Joe Biden had a substantial lead in South Carolina, but has dropped in recent polls among black voters.\n"
        "The county sheriff's office is now investigating the incident at the salon in Houston.\n"
    )
    polls = _claim(text, "recent polls")
    assert [t.value for t in polls.when] == []
    sheriff = _claim(text, "now investigating")
    assert [t.value for t in sheriff.when] == ["PRESENT_REF"]


def test_a_claim_does_not_carry_the_date_of_a_former_name() -> None:
    text = (
        "Platforms in review\n\n"
        "Marketers can set up campaigns on Google, LinkedIn, X (formerly Twitter) and Pinterest for 5,000 firms.\n"
        "Smith formerly worked at IBM as an engineer in its research division in Zurich.\n"
    )
    platforms = _claim(text, "formerly Twitter")
    assert [t.value for t in platforms.when] == []
    smith = _claim(text, "formerly worked")
    assert [t.value for t in smith.when] == ["PAST_REF"]  # an adverb of the verb: the claim's own time


def test_a_claim_does_not_carry_a_holiday_or_a_season_naming_a_kind() -> None:
    text = (
        "Shooting in Vancouver\n\n"
        "A former employee opened fire at an office Christmas party on Friday, killing one man in Vancouver.\n"
        "Cold winds on Tuesday morning brought early winter temperatures to Seoul and Daejeon, the agency said.\n"
        "Retailers expect sales to climb by 4 percent during the Christmas season, the federation said.\n"
    )
    party = _claim(text, "Christmas party", dt.date(2008, 12, 6))
    assert [t.value for t in party.when] == ["2008-12-05"]
    cold = _claim(text, "early winter", dt.date(2023, 11, 7))
    assert [t.value for t in cold.when] == ["2023-11-07TMO"]
    season = _claim(text, "Christmas season", dt.date(2019, 11, 19))
    assert [t.value for t in season.when] == ["2019-12-25"]  # a time noun: the phrase is a time


def test_a_claim_does_not_carry_an_expression_of_urgency() -> None:
    text = (
        "Patch for Internet Explorer\n\n"
        "Microsoft encourages all Internet Explorer customers to test and deploy this update as soon as possible.\n"
        "The negotiations between the two studios are delicate, but a deal could get done soon, sources said.\n"
    )
    patch = _claim(text, "deploy this update", dt.date(2008, 12, 17))
    assert [t.value for t in patch.when] == []
    deal = _claim(text, "a deal could", dt.date(2013, 5, 10))
    assert [t.value for t in deal.when] == ["FUTURE_REF"]  # "soon" dates the event the claim expects


def test_a_claim_does_not_carry_a_year_that_ends_a_name() -> None:
    text = (
        "Patch for Windows\n\n"
        "The restricted mode is on by default on Windows Server 2008, Windows Server 2008 R2 and Windows Server 2012.\n"
        "Axelrod worked on Hillary Clinton's 2000 Senate race and on Windows 2000 users' complaints in 2008.\n"
    )
    server = _claim(text, "restricted mode", dt.date(2013, 9, 18))
    assert [t.value for t in server.when] == []
    race = _claim(text, "Senate race", dt.date(2016, 3, 10))
    assert [t.value for t in race.when] == ["2000", "2000", "2008"]  # a possessive's race; a lower-case word


def test_a_claim_does_not_carry_a_period_a_relative_clause_describes() -> None:
    text = (
        "Rubio on the ballot\n\n"
        "Rubio was lambasted as a mainstream candidate in a year when voters cried out for an outsider in Florida.\n"
        "The senator served for a year in the state legislature before he ran for the Senate seat in Florida.\n"
    )
    lambasted = _claim(text, "lambasted", dt.date(2016, 3, 15))
    assert [t.value for t in lambasted.when] == []  # "this year", named by what happened in it: no duration
    served = _claim(text, "served for a year", dt.date(2016, 3, 15))
    assert [t.value for t in served.when] == ["P1Y"]  # no relative clause after it: the duration stays


def test_a_claim_does_not_carry_now_of_a_reduced_relative_clause() -> None:
    text = (
        "Emails released\n\n"
        "The newest release includes 64 emails now deemed classified, bringing the total number to 1,818.\n"
        "Facing domestic pressure, Mexican officials now say they have chosen a new strategy on migrants.\n"
    )
    emails = _claim(text, "now deemed", dt.date(2016, 2, 19))
    assert [t.value for t in emails.when] == []
    officials = _claim(text, "now say", dt.date(2016, 2, 19))
    assert [t.value for t in officials.when] == ["PRESENT_REF"]


def test_a_claim_does_not_carry_now_opening_an_apposition() -> None:
    text = (
        "Campaign staff\n\n"
        "Mr. Lewandowski, now a paid CNN commentator, has denied that he spread negative stories about Kushner.\n"
        "His older brother, Vitali, now holds the WBC title after a long fight in Berlin with Samuel Peter.\n"
    )
    denied = _claim(text, "has denied", dt.date(2016, 8, 18))
    assert [t.value for t in denied.when] == []  # the commentator's job is now; the denial is not dated
    holds = _claim(text, "now holds", dt.date(2016, 8, 18))
    assert [t.value for t in holds.when] == ["PRESENT_REF"]  # a clause of its own after the comma


def test_the_score_still_reads_every_expression() -> None:
    """The check-worthiness of a claim is that of its text: a reference left out of ``when`` still counts
    as a time there (the score is the claims' part, unchanged by which times a claim carries)."""
    text = "Report on polls\n\nJoe Biden has dropped in recent polls among black voters in South Carolina.\n"
    art = ingest.article_from_text(text, path="a.txt", key="a.txt")
    art.published = dt.date(2020, 2, 24)
    with_times = extract.extract(art)
    without = extract.extract(art, times=[])
    c1 = next(c for c in with_times if "recent polls" in c.text)
    c0 = next(c for c in without if "recent polls" in c.text)
    assert c1.when == [] and c0.when == []
    assert c1.score > c0.score  # the expression still counts for the score


def test_a_language_without_the_resource_keeps_every_expression() -> None:
    t = TimeRef(10, 16, "recent", "DATE", "PAST_REF")
    assert claim_times.carried("Zuletzt   recent polls", [t], 0, "xx") == [t]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "recent",
                "polls",
                "the future",
                "of",
                "the past",
                "now",
                "-defunct",
                "in",
                "2019",
                "years",
                "currently",
                "last week",
                "history",
                "formerly",
                "Twitter",
                "Christmas",
                "winter",
                "cards",
                "season",
                "as soon as possible",
                "Windows",
                "Server",
                "Festival",
                "R2",
                "soon",
                "(",
                ")",
                " ",
                ",",
            ]
        ),
        max_size=14,
    )
)
def test_carried_keeps_order_and_every_dated_expression(words: list[str]) -> None:
    text = " ".join(words)
    found = temporal.tag(text, dt.date(2024, 5, 1))
    kept = claim_times.carried(text, found)
    assert [t for t in found if t in kept] == kept  # a sub-list, in order
    assert all(
        t in kept
        for t in found
        if not t.value.endswith("_REF")
        and not claim_times.names_a_kind(text, t)
        and not claim_times.ends_a_name(text, t)
    )
    assert not any(claim_times.names_a_kind(text, t) or claim_times.is_urgency(t) for t in kept)


def test_a_claim_does_not_carry_last_meaning_final() -> None:
    text = (
        "Christie's campaign in review\n\n"
        "Christie refused to campaign with Mitt Romney in the last week of the race in Ohio, aides said.\n"
        "Christie campaigned with Mitt Romney in New Hampshire last week, his aides said on Monday.\n"
    )
    final = _claim(text, "the last week of the race", dt.date(2016, 2, 11))
    assert [t.value for t in final.when] == []
    deictic = _claim(text, "New Hampshire last week", dt.date(2016, 2, 11))
    assert [t.value for t in deictic.when] == ["2016-W05", "2016-02-08"]


def test_a_claim_carries_the_past_week_as_a_rolling_window() -> None:
    """ "over the past week" ends at the story's time: the duration of one unit, not the calendar week before the
    publication date (the tagger's TimeML value, which it keeps); bare "last week" stays the calendar week."""
    text = (
        "Sanders's colleagues\n\n"
        "Politico interviewed nearly 20 of Sanders's colleagues over the past week and found strong support.\n"
        "Consumer sentiment over the last year has been higher than in any year since 2007, the survey found.\n"
        "Sanders met the Senate's Democratic leaders in Washington last week, his aides said on Monday.\n"
    )
    published = dt.date(2016, 6, 21)
    found = temporal.tag(text, published)
    assert [t.value for t in found if t.text == "the past week"] == ["2016-W24"]  # the tagger's own reading
    week = _claim(text, "over the past week", published)
    assert [(t.type, t.value) for t in week.when] == [("DURATION", "P1W")]
    year = _claim(text, "over the last year", published)
    assert [t.value for t in year.when] == ["P1Y", "2007"]
    deictic = _claim(text, "Washington last week", published)
    assert [t.value for t in deictic.when] == ["2016-W24", "2016-06-20"]


def test_as_window_keeps_every_other_expression() -> None:
    """Only "the past/last" + one unit becomes a window: a number of units, "previous" and a bare "last" stay."""
    rules = claim_times._rules("en")
    assert rules is not None
    for text, value in (
        ("the past two weeks", "P2W"),
        ("the previous week", "2016-W23"),
        ("last month", "2016-05"),
        ("the past decade", "P10Y"),
    ):
        t = TimeRef(0, len(text), text, "DURATION" if value.startswith("P") else "DATE", value)
        assert claim_times._as_window(text + " rose.", t, 0, rules) is t


def test_a_claim_does_not_carry_a_time_word_of_a_quoted_title() -> None:
    text = (
        "Comedians on the campaign\n\n"
        "John Oliver, who hosts the HBO show “Last Week Tonight,” lost his temper over the remarks.\n"
        "“Tonight was supposed to be Ted Cruz's big night,” Rubio told supporters in Miami on Tuesday.\n"
    )
    show = _claim(text, "Last Week Tonight", dt.date(2016, 8, 3))
    assert [t.value for t in show.when] == []
    quote = _claim(text, "Tonight was supposed", dt.date(2016, 3, 1))
    assert [t.value for t in quote.when] == ["2016-03-01TNI", "2016-03-01"]


def test_a_claim_does_not_carry_current_joined_to_former() -> None:
    """ "current and former officials" sorts people by their status: no time of the claim (PolNeAR train)."""
    text = (
        "Trump adviser under scrutiny\n\n"
        "In separate interviews, three current and former Podesta employees said disagreements broke out "
        "within the firm over the arrangement.\n\n"
        "The firm's current revenue is $4 million, and former partners have left.\n"
    )
    said = _claim(text, "Podesta employees", dt.date(2016, 8, 17))
    assert said.when == []
    revenue = _claim(text, "current revenue", dt.date(2016, 8, 17))
    assert [t.value for t in revenue.when] == ["PRESENT_REF"]


def test_an_embedded_post_counts_its_relative_times_from_its_own_stamp() -> None:
    # issue #16: an embedded post is its author's words, dated by its own stamp; its "today" and "yesterday" are
    # the day it was posted and the day before, not the page's (written probes: the development text holds no
    # post whose stamp differs from its page's date and whose words hold a relative time)
    text = (
        "Senator speaks out on the vote\n\n"
        "The senator has been in the spotlight all week after the vote in the state legislature on the bill, which"
        " the house passed after a long debate on the floor that ran through the night and well into the next"
        " morning, with amendments from both parties and a final roll call that was delayed twice by the speaker.\n\n"
        "Thousands of voters will go to the polls today in Michigan to choose a nominee. pic.twitter.com/abc123\n"
        "— Jane Doe (@janedoe) March 8, 2016\n\n"
        "The senator told reporters on Friday that the result was a surprise to the campaign staff and donors.\n\n"
        "We lost the vote in the Senate yesterday by 12 votes, a blow to the governor. pic.twitter.com/xyz987\n"
        "— John Roe (@johnroe) March 10, 2016\n\n"
        "The governor said on Friday that the vote in the Senate would be held again next month in Lansing.\n"
    )
    today = _claim(text, "polls today", dt.date(2016, 3, 12))
    assert today.speaker == "Jane Doe"
    assert [t.value for t in today.when] == ["2016-03-08"]
    yesterday = _claim(text, "lost the vote", dt.date(2016, 3, 12))
    assert [t.value for t in yesterday.when] == ["2016-03-09"]
    page = _claim(text, "told reporters on Friday", dt.date(2016, 3, 12))
    assert [t.value for t in page.when] == ["2016-03-11"]  # the outlet's own words keep the page's date


def test_a_post_stamped_on_the_page_date_keeps_the_page_reading() -> None:
    text = (
        "Storm hits the coast\n\n"
        "The storm reached the coast late in the evening after forecasters had warned for days of flooding along the"
        " bay, and emergency crews spent the night clearing roads and opening shelters in three counties nearby.\n\n"
        "Crews are restoring power today to 40,000 homes across the bay area. pic.twitter.com/q1w2e3\n"
        "— Bay Power (@baypower) May 2, 2020\n"
    )
    post = _claim(text, "restoring power today", dt.date(2020, 5, 2))
    assert [t.value for t in post.when] == ["2020-05-02"]

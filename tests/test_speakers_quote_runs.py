"""A quotation of several sentences keeps its speaker (issue #16, round 33 part spk26, from PolNeAR train):

- a sentence that mixes the straight quotation mark with the curly ones is read mark by mark ('“We disagree,"
  said X. "The point is ... issues. The rest ... behaviour.”': X's three sentences);
- an outlet that speaks a quotation speaks the quotation that goes on after it ('“...,” The Blaze reported.
  “If ...”'), and a speaker of an earlier paragraph is never carried past it;
- a quotation that closes before a few words of the writer's end the sentence ('"He listened to her ... go
  after" Osama bin Laden.') goes on with the quotation before it;
- a long quotation before "Name, role of the body, said" leaves the name its speaker.

The texts are made up in the shape of the news sentences they stand for."""

from __future__ import annotations

import datetime as dt

from factcheck import attribution, extract, ingest
from factcheck.extract import _open_quote_after


def _said(text: str) -> dict[str, str | None]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 6, 13)
    return {c.text.lstrip("“\"' ")[:20]: c.speaker for c in extract.extract(art, min_score=0.0)}


def test_mixed_marks_open_and_close_mark_by_mark() -> None:
    assert not _open_quote_after('“We fundamentally disagree," said Jane Harlow, a former adviser.')
    assert _open_quote_after('"The bottom line is that the plan has no bearing on the threat at home.')
    # a curly quotation inside a straight one closes only itself
    assert _open_quote_after('"The ministry is not about “equal treatment” anymore.')
    # a straight mark after a word closes what a curly one opened
    assert not _open_quote_after('Most voters say they would “never support" the plan.')
    # one kind of mark only: counted, as before
    assert _open_quote_after("“We will win. ")
    assert not _open_quote_after('"We will win," she said.')


def test_a_quotation_in_mixed_marks_goes_on_with_its_speaker() -> None:
    said = _said(
        "Several experts questioned the plan.\n\n"
        '“We fundamentally disagree," said Jane Harlow, who advised the defence ministry until 2015. "The bottom '
        "line is that more airstrikes have no bearing on people who were radicalised at home. Bombing more "
        "targets abroad is not going to change their behaviour in the United States.”\n\n"
        "The hearing resumes on Tuesday."
    )
    assert said["Bombing more targets"] == "Jane Harlow"
    assert said["The hearing resumes o"[:20]] is None


def test_a_closed_curly_quotation_in_straight_marks_leaves_no_quotation_open() -> None:
    said = _said(
        "The poll holds bad news for the governor. Many likely Republican voters say they would “definitely "
        'not support" him, the highest share of any candidate. The mayor and the senator both get 16 percent '
        "of the vote."
    )
    assert said["Many likely Republic"] == "likely Republican voters"
    assert said["The mayor and the se"] is None  # (was the voters': the quotation read as open)


def test_an_outlets_quotation_goes_on_with_the_outlet() -> None:
    said = _said(
        "Senator Mark Ellis spoke in Denver on Monday. “We will win this state,” Ellis said.\n\n"
        "“The final count was 699 delegates for the senator. Her rival had 695,” the Boston Globe reported. "
        "“Had the rival won half of the coin tosses, he would have finished with 698 delegates to her 697.”"
    )
    # (was Mark Ellis: the quotation before the outlet's was carried past it)
    assert said["Had the rival won ha"] == "Boston Globe"


def test_a_quotation_that_closes_before_the_writers_last_words() -> None:
    said = _said(
        "The campaign defended the former secretary on Monday.\n\n"
        '"She was trusted to run American diplomacy around the world," Joel Benford added. "He listened to '
        'her in the Situation Room time after time, including on whether or not to go after" the leader of '
        "the group.\n\n"
        "Her rival spoke in Brooklyn."
    )
    assert said["He listened to her i"] == "Joel Benford"
    # a quotation that closes at a comma is framed by what follows it: no one's words are carried over
    said = _said(
        "A survey by the analyst Elena Marsh found that many people fear the neighbouring country. "
        '"In 2030 we will all wake up speaking its language," is one common saying in the capital.'
    )
    assert said["In 2030 we will all "] is None


def test_a_long_quotation_before_the_name_and_its_role() -> None:
    sentence = (
        "“The speech today shows that getting some senators to say the nominee is unfit to be president is not "
        "at odds with a campaign that runs on bold and popular economic ideas,” Adam Greenberg, co-founder of "
        "the Progressive Change Committee, said in a statement."
    )
    att = attribution.attribute(sentence, "en")
    assert att is not None and att.speaker == "Adam Greenberg"
    # (no quotation before the name: the opening name of a long sentence is not read through its asides)
    sentence = (
        "The candidate, who spoke for an hour at a rally where thousands of supporters waited in the rain for "
        "the doors to open at the convention centre on the edge of the city, in the last week of the campaign "
        "before the primary, the governor of the state, said."
    )
    att = attribution.attribute(sentence, "en")
    assert att is None or att.speaker != "The candidate"

"""A share of those polled deep in a poll story, or after an opening phrase, is the poll's finding (round 37,
part spk37; texts made up in the shape of PolNeAR train nyt 2016-07-15 (the Times/CBS News poll, its shares
paragraphs after the poll is named), politico 2016-04-06 ("Among Trump voters, 74 percent said"), usa-today
2016-03-02 ("In Virginia, 85% of Democrats said"), west-journal 2016-05-10 ("In a Trump-Clinton matchup, 21
percent said"))."""

from __future__ import annotations

import datetime as dt

from factcheck import attribution, extract, ingest


def _said(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each claim's speaker and its kind, by the claim's first three words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 7, 15)
    return {
        " ".join(c.text.split()[:3]): (c.speaker, c.speaker_kind) for c in extract.extract(art, min_score=0.0)
    }


def test_a_share_paragraphs_after_the_poll_is_the_poll() -> None:
    said = _said(
        "The Marist College survey was conducted shortly after the convention.\n\n"
        "The governor is also distrusted by a large number of voters in the state.\n\n"
        "His aides have vowed to win back the public's trust before the election in November.\n\n"
        "The governor's record on the budget has drawn fire from both parties this year.\n\n"
        "His opponent has spent $4 million on television advertising since March.\n\n"
        "More than six in 10 said they were not looking forward to the campaign."
    )
    assert said["More than six"] == ("Marist College survey", "organisation")


def test_a_share_after_an_opening_phrase_is_the_poll() -> None:
    said = _said(
        "A new Monmouth University poll was released on Monday.\n\n"
        "Among Republican voters, 74 percent said they are set on their choice."
    )
    assert said["Among Republican voters,"] == ("Monmouth University poll", "organisation")


def test_a_poll_named_in_the_opening_phrase_is_the_shares() -> None:
    said = _said(
        "A Bloomberg poll in August found most voters wanted the foundation closed.\n\n"
        "In a CNN/ORC International Poll the same month, 38 percent of voters said the founder should step down."
    )
    assert said["In a CNN/ORC"] == ("CNN/ORC International Poll", "organisation")


def test_a_share_in_an_article_naming_no_poll_has_no_speaker() -> None:
    said = _said(
        "The company cut 300 jobs at its plant in Ohio last year.\n\n"
        "Among the workers, 24 percent said they had found new jobs by March."
    )
    assert said["Among the workers,"] == (None, None)


def test_share_subject_after_a_conjunction_or_an_opening_phrase() -> None:
    for text in (
        "Among Trump voters, 74 percent said they are set on voting for him.",
        "In Virginia, 85% of Democrats said the economic system favors the wealthy.",
        "But 58 percent of Florida Latino voters said they were less likely to vote for him.",
        "In a head-to-head matchup, 21 percent said they would not vote at all.",
    ):
        assert attribution.share_subject(text), text
    for text in (
        "In Ohio, two of the officials said the talks failed.",
        "In the end, most voters said they approved.",
        "Among the 40 delegates, Smith said, 12 percent were undecided.",
    ):
        assert not attribution.share_subject(text), text

"""A one-word name equal (case aside) to an organisation the article names, or to the part of its name before a
hyphen, is that organisation, not a person (round 36, part orgname36; texts made up in the shape of TBAQ
wsj_1014 ("Anheuser-Busch Cos." ... "Anheuser said") and ECB+ 30_10, 30_1 ("cable operator Seacom" ...
"Seacom said"))."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each claim's speaker and its kind, by the claim's first three words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2011, 10, 14)
    return {
        " ".join(c.text.split()[:3]): (c.speaker, c.speaker_kind) for c in extract.extract(art, min_score=0.0)
    }


def test_the_part_before_a_hyphen_is_the_organisation() -> None:
    said = _said(
        "Kessler-Brandt Holdings Inc. said it plans to cut the price of its main brands by 10%.\n\n"
        "Kessler said the cuts would start in three states next month."
    )
    assert said["Kessler said the"] == ("Kessler", "organisation")


def test_a_one_word_organisation_said_again_is_the_organisation() -> None:
    said = _said(
        "Undersea cable operator Netlink announced today that repairs to its cable had been completed.\n\n"
        "Netlink said that all circuits were restored to the core network on 12 October."
    )
    assert said["Netlink said that"] == ("Netlink", "organisation")


def test_a_person_of_the_same_name_stays_a_person() -> None:
    said = _said(
        "Kessler-Brandt Holdings Inc. said it plans to cut the price of its main brands by 10%.\n\n"
        "Maria Kessler, an analyst at Brook Securities, called the plan costly.\n\n"
        "Kessler said the cuts would hurt the company's earnings next year."
    )
    assert said["Kessler said the"] == ("Maria Kessler", "person")


# A share of those polled as a speaker ("Twenty-four percent said", "Nine in 10 ... say"): the poll named in the
# sentences before, else an unnamed poll, never a person (texts made up in the shape of PolNeAR train breitbart
# 2016-02-18 (AP-GfK), politico 2016-04-11 (Monmouth), usa-today 2016-02-10 (exit poll))


def test_a_share_is_the_named_poll() -> None:
    said = _said(
        "A new Monmouth University poll was released on Monday.\n\n"
        "Sanders leads Clinton by 6 points among likely voters in the state.\n\n"
        "About 9 percent said they had no preference."
    )
    assert said["About 9 percent"] == ("Monmouth University poll", "organisation")


def test_a_share_after_an_unnamed_poll_is_the_poll() -> None:
    said = _said(
        "Voters in the state are anxious about the economy, the exit poll showed.\n\n"
        "About four out of 10 voters said life for the next generation would be worse."
    )
    assert said["About four out"] == ("poll", "anonymous")


def test_a_share_with_no_poll_before_has_no_speaker() -> None:
    said = _said(
        "The company cut 300 jobs at its plant in Ohio last year.\n\n"
        "Twenty-four percent said they had found new jobs by March."
    )
    assert said["Twenty-four percent said"] == (None, None)


def test_share_subject_shapes() -> None:
    from factcheck import attribution

    for text in (
        "Twenty-four percent said they were more likely to vote for him.",
        "85% of Democrats said they approved.",
        "Nine in 10 Democratic registered voters say she could win.",
        "Almost half of respondents said the party had become more hostile.",
    ):
        assert attribution.share_subject(text), text
    for text in ("Two of the officials said the talks failed.", "Most voters said they approved."):
        assert not attribution.share_subject(text), text

"""A person named after a title stays a person: "Mr. Trump said" in an article that also names a building or a
company "Trump", the "he" that stands for them, a chamber's leader ("Senate Majority Leader Mitch McConnell")
whose "he" of the next sentence is theirs (round 34, part spk27; texts made up in the shape of PolNeAR train
nyt 2015-12-31 and breitbart 2016-07-13)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each claim's speaker and kind, by the claim's first four words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 1, 1)
    return {
        " ".join(c.text.split()[:4]): (c.speaker, c.speaker_kind) for c in extract.extract(art, min_score=0.0)
    }


def test_a_name_after_mr_is_a_person_though_a_company_bears_it() -> None:
    said = _said(
        "When Mr. Clinton had trouble joining a golf club, Mr. Trump boasted that he welcomed the former "
        "president to a newly built Trump National Golf Club in Westchester in 2001.\n\n"
        "In an email, Mr. Trump said his friendship with Mr. Clinton was strictly business.\n\n"
        "He said he did not recall whether the Clintons had stayed at the resort in 2002."
    )
    assert said["When Mr. Clinton had"] == ("Trump", "person")
    assert said["In an email, Mr."] == ("Trump", "person")
    assert said["He said he did"] == ("Trump", "person")


def test_the_he_after_a_chamber_leader_is_the_leader() -> None:
    said = _said(
        "On Tuesday, Senate Majority Leader Mitch McConnell said that it was inappropriate for the judge to "
        "criticize the nominee.\n\n"
        "He said members of the court should not weigh in on elections in 2016."
    )
    assert said["On Tuesday, Senate Majority"] == ("Mitch McConnell", "person")
    assert said["He said members of"] == ("Mitch McConnell", "person")


def test_a_surname_of_a_person_named_in_full_stays_a_person_beside_an_organisation_of_that_name() -> None:
    # (PolNeAR train breitbart 2016-06-05: "Ali called on ..." beside the Muhammad Ali Center; base: organisation)
    said = _said(
        "Muhammad Ali died on Friday in a hospital in Phoenix at the age of 74.\n\n"
        "Mourners gathered at the Muhammad Ali Center in Louisville on Sunday with his brother, Rahaman Ali.\n\n"
        "In December, Ali called on fellow Muslims to \u201cstand up to those who use Islam to advance their own "
        "personal agenda.\u201d"
    )
    # (two persons of the article bear the surname: which one is not read, a person in any case)
    assert said["In December, Ali called"] == ("Ali", "person")


def test_a_whip_is_a_title() -> None:
    # (PolNeAR train wash-post 2016-06-29; base: the organisation `Senate Majority Whip John Cornyn`)
    said = _said(
        "Senate Majority Whip John Cornyn told reporters that the vote was the only chance to pass the bill."
    )
    assert said["Senate Majority Whip John"] == ("John Cornyn", "person")

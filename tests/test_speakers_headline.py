"""Speakers of headlines in title case ("Bernie Sanders Says He's Already Started Writing ...")."""

from __future__ import annotations

import pytest

from factcheck import attribution, extract, ingest


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Bernie Sanders Says He’s Already Started Writing His Inaugural Address", "Bernie Sanders"),
        ("Dennis Prager Tells #NeverTrump Conservatives They Need To Change Course", "Dennis Prager"),
        ("Rick Perry Just Announced His Official Endorsement Of A Big Name Candidate", "Rick Perry"),
        (
            "Guns Are ‘The Ultimate Public Health Crisis,’ Howard Dean Tells Democratic Convention",
            "Howard Dean",
        ),
        (
            "‘ISIS Truther’ Donald Trump Is Like A Lawyer’s Dumbest Client Ever, Trevor Noah Says",
            "Trevor Noah",
        ),
    ],
)
def test_a_title_case_headline_names_its_speaker(headline: str, speaker: str) -> None:
    assert attribution.attribute(headline) is None  # (the verb in capitals: no speech verb for the rules)
    got = attribution.headline_attribute(headline)
    assert got is not None and got.speaker == speaker


@pytest.mark.parametrize(
    "headline",
    [
        "Ben Carson Defends Himself Against Claims He Exaggerated His Life Story",  # "Claims" is a noun
        "Trump May Not Have Suggested A Muslim Registry, But He Fully Supported One",
        "17 Of The Most Powerful Things Latinos Said In 2015 That Got Us Thinking",
        "Trump says Mexico will pay for the wall",  # sentence case: attribute reads it
    ],
)
def test_other_headlines_name_no_one(headline: str) -> None:
    assert attribution.headline_attribute(headline) is None


def test_the_first_line_of_an_article_is_read_as_a_headline() -> None:
    text = (
        "Trump Says He Never Pledged To Kill Family Members Of Terrorists.\n\n"
        "Donald Trump said on Thursday that he had never pledged to kill the families of terrorists."
    )
    art = ingest.article_from_record(
        {"text": text, "date": "2016-03-04", "language": "en"}, path="x", key="x"
    )
    claims = extract.extract(art, min_score=0.0)
    assert claims[0].text.startswith("Trump Says") and claims[0].speaker == "Trump"

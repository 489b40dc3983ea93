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

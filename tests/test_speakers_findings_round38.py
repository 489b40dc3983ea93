"""Round 38, part spk38: a poll or a finding's document described before its verb speaks ("A Monmouth poll out
Monday showed ..."), a person named after the opening description with a title or an affiliation ("One abortion
opponent, the Rev. Donald Spitz, said"), "called" with a long object before its quotation. Texts made up in the
shapes of PolNeAR train politico 2016-04-11, nyt 2016-05-27, wash-post 2015-11-08, nyt 2016-01-12, usa-today
2016-08-10 and TBAQ NYT19981025.0216."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each claim's speaker and its kind, by the claim's first three words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 4, 12)
    return {
        " ".join(c.text.split()[:3]): (c.speaker, c.speaker_kind) for c in extract.extract(art, min_score=0.0)
    }


def test_a_described_poll_speaks() -> None:
    said = _said(
        "Clinton campaigned in Brooklyn on Monday.\n\n"
        "A Siena College poll out Monday showed Clinton with a 12-point lead over Sanders in New York.\n\n"
        "A survey by the group in March found Clinton with a lead of 48 percent to 41 percent."
    )
    assert said["A Siena College"][0] == "Siena College poll"
    assert said["A survey by"][0] == "survey"  # (not "March")


def test_a_place_in_the_description_is_no_speaker_but_its_maker_is() -> None:
    said = _said(
        "The race is tightening.\n\n"
        "Polls in Ohio show the two candidates are tied among likely voters.\n\n"
        "A review by The Times shows most of the flights were for campaign travel."
    )
    assert said["Polls in Ohio"][0] == "Polls"
    assert said["A review by"][0] == "The Times"


def test_a_report_finding_things_is_an_act_and_a_subordinate_finding_is_no_source() -> None:
    said = _said(
        "The inquiry ended in May.\n\n"
        "A report by the commission found the missing files in a basement.\n\n"
        "While one study found that the drug may lower the risk, that does not settle the question."
    )
    assert said["A report by"] == (None, None)
    assert said["While one study"] == (None, None)


def test_a_name_with_a_title_or_an_affiliation_after_the_opening_description() -> None:
    said = _said(
        "The clinic was attacked on Friday.\n\n"
        "One abortion opponent, the Rev. Paul Hill, said the attack on the clinic was justified.\n\n"
        "One pastor, Darran Whiting of Liberty Baptist Church in Marion, said he had made 150 phone calls."
    )
    assert said["One abortion opponent,"][0] == "Paul Hill"
    assert said["One pastor, Darran"][0] == "Darran Whiting"


def test_called_with_a_long_object_before_the_quotation() -> None:
    said = _said(
        "The inquiry ended in July.\n\n"
        'FBI Director James Comey called the handling of the classified emails on the server "extremely '
        'careless," but he did not recommend charges.'
    )
    assert said["FBI Director James"][0] == "James Comey"

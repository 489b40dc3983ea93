"""A quotation that goes on in the next paragraph keeps its speaker: after a state news agency's quotation, and
after a few words and a comma that lead into it (round 34, part spk27; texts made up in the shape of PolNeAR
train nyt 2016-05-09, nyt 2016-03-03 and wash-post 2016-04-17)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, str | None]:
    """Each claim's speaker, by the claim's first four words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 5, 9)
    return {" ".join(c.text.split()[:4]): c.speaker for c in extract.extract(art, min_score=0.0)}


def test_a_state_news_agency_speaks_its_quotation_going_on() -> None:
    said = _said(
        "The agency attacked the admiral on Monday.\n\n"
        '"Some may say an overemphasis on his background is a bit unkind," Xinhua, the official Chinese news '
        "agency, wrote.\n\n"
        '"But to understand the sudden offensive in the South China Sea, it is impossible to ignore his past."'
    )
    assert said['"But to understand the'] == "Xinhua"


def test_a_quotation_led_in_by_a_few_words_and_a_comma_goes_on() -> None:
    said = _said(
        "The tax was announced in 2008.\n\n"
        '"We were not very happy when it was first announced," said Jane Roe, head of policy at the council.\n\n'
        'Now, "within the business community there is a sizable constituency saying this is fine."'
    )
    assert said['Now, "within the business'] == "Jane Roe"


def test_a_quotation_after_a_clause_and_a_colon_is_not_the_last_speaker_s() -> None:
    said = _said(
        "The tax was announced in 2008.\n\n"
        '"We were not very happy when it was first announced," said Jane Roe, head of policy at the council.\n\n'
        'The sign read: "Trust in the Force, but always buckle up."'
    )
    assert said['The sign read: "Trust'] is None


def test_an_exclamation_quoted_before_a_short_said_sentence_is_its_speaker_s() -> None:
    # (PolNeAR train wash-post 2015-11-15: the splitter ends the sentence after '!"')
    said = _said(
        "The debate was held on Monday in Iowa.\n\n"
        '"We need much tougher, much smarter leadership - and we need it NOW!" Trump said on Twitter.'
    )
    assert said['"We need much tougher,'] == "Trump"


def test_an_exclamation_before_a_sentence_of_its_own_keeps_no_speaker() -> None:
    said = _said(
        "The debate was held on Monday in Iowa.\n\n"
        '"We are going to build the wall!" The senator said the wall would cost $12 billion and take ten years.'
    )
    assert said['"We are going to'] is None

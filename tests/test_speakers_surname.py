"""Speakers of round 26 (part spk14): a surname that is also a common word ("Cuban", "Will", "Schlafly" read as
an adverb for its "-ly") speaks as the person the article names in full with it."""

from __future__ import annotations

from factcheck import attribution, extract, ingest


def _speaker(text: str, part: str) -> tuple[str | None, str | None]:
    art = ingest.article_from_record(
        {"text": text, "date": "2016-06-01", "language": "en"}, path="x.json", key="x"
    )
    return next((c.speaker, c.speaker_kind) for c in extract.extract(art, min_score=0.0) if part in c.text)


def test_a_surname_that_is_a_demonym_speaks_as_the_person_named_in_full() -> None:
    # (PolNeAR train, politico and west-journal: Mark Cuban)
    text = (
        "The billionaire Mark Cuban said Sunday he would consider serving as vice president.\n\n"
        "Nevertheless, Cuban said that in a race between the two senators he would support the former.\n\n"
        "Trade policy and the deficit are worrying, Cuban said."
    )
    assert _speaker(text, "in a race between") == ("Mark Cuban", "person")
    assert _speaker(text, "Trade policy") == ("Mark Cuban", "person")


def test_a_surname_read_as_a_modal_or_an_adverb_speaks_as_that_person() -> None:
    # (PolNeAR train, west-journal: George Will, Phyllis Schlafly)
    text = (
        "The columnist George Will praised the governor on Friday.\n\n"
        "In particular, Will wrote, the governor can challenge the front-runner on foreign policy."
    )
    assert _speaker(text, "In particular") == ("George Will", "person")
    text = (
        "Phyllis Schlafly finished her last book days before her death.\n\n"
        "Schlafly also noted that both presidents have shown they are willing to negotiate on trade."
    )
    assert _speaker(text, "willing to negotiate") == ("Phyllis Schlafly", "person")


def test_a_common_word_no_person_of_the_article_bears_names_no_one() -> None:
    assert attribution.attribute("Eventually, Cuban officials said the talks would resume.") is not None
    text = (
        "Mark Cuban and Jane Cuban spoke at the event.\n\n"
        "Nevertheless, Cuban said that the plan would cost more than the city expected."
    )
    assert _speaker(text, "Nevertheless") == (None, None)  # two persons bear the surname
    text = "Separately, Will said that the plan would cost more than the city expected."
    assert _speaker(text, "Separately") == (None, None)  # no person of the article is named Will


def test_a_surname_inside_a_quotation_is_not_its_speaker() -> None:
    # (PolNeAR train, politico: a statement that quotes what the campaign claims)
    sentence = (
        "“His entire campaign claims that he says it like it is, yet on core issues, Trump says different things "
        "to different audiences,” the group's chairman said in a statement."
    )
    assert attribution.bare_word_subject(sentence) is None
    assert attribution.bare_word_subject("Nevertheless, Cuban said that he would support the former.") == (
        "Cuban",
        20,
        24,
    )


def test_a_surname_that_tells_a_topic_reports_no_words() -> None:
    # (dev5, ECB+: the "told ... about" a speech verb's own checks leave to the writer)
    assert (
        attribution.bare_word_subject("Yesterday, Armstead told jurors at the trial about the moment.")
        is None
    )

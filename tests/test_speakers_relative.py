"""Speakers of round 25 (part spk12): "X, who said ..." inside the writer's sentence, an "it" that takes up a
one-word name, and title-case headlines that hold a person's name."""

from __future__ import annotations

from factcheck import entities, extract, ingest


def _claims(text: str) -> list[tuple[str, str | None, str | None]]:
    art = ingest.article_from_record(
        {"text": text, "date": "2016-12-02", "language": "en"}, path="x.json", key="x"
    )
    return [(c.text, c.speaker, c.speaker_kind) for c in extract.extract(art, min_score=0.0)]


def _speaker(text: str, part: str) -> tuple[str | None, str | None]:
    return next((sp, kind) for t, sp, kind in _claims(text) if part in t)


def test_a_relative_clause_after_the_main_clause_makes_its_antecedent_speak() -> None:
    # (PolNeAR train, wash-post and huff-post: the report is most of the writer's sentence)
    text = (
        "The deal was reached late on Friday.\n\n"
        "It was negotiated over the past 13 days with help from Labor Secretary Thomas Perez, who said he "
        "expects the agreement to be finalized over the weekend."
    )
    assert _speaker(text, "Thomas Perez, who said") == ("Thomas Perez", "person")
    text = (
        "The debate turned to torture.\n\n"
        "Trump was out-brutalizing Ted Cruz, who said he would only use waterboarding sparingly, in emergency "
        "scenarios."
    )
    assert _speaker(text, "out-brutalizing") == ("Ted Cruz", "person")


def test_the_subject_of_the_sentence_in_a_relative_clause_does_not_speak_for_it() -> None:
    text = "Trump, who said last week that he would carry the state by a wide margin, lost it on Tuesday."
    assert _speaker(text, "lost it") == (None, None)


def test_it_after_a_one_word_name_makes_that_name_an_organisation() -> None:
    # (dev11, yahoo: "Roscosmos" was a person for its shape, and "It said" went to the agency named before it)
    text = (
        "An unmanned Russian cargo spaceship heading to the International Space Station broke up in the "
        "atmosphere over Siberia on Thursday due to an unspecified malfunction, the Russian space agency said. "
        "The Progress MS-04 cargo craft broke up at an altitude of 190 kilometers (118 miles) over the remote "
        "Russian Tuva region in Siberia that borders Mongolia, Roscosmos said in a statement. It said most of "
        "spaceship's debris burnt up as it entered the atmosphere but some fell to Earth over what it called an "
        "uninhabited area."
    )
    assert _speaker(text, "Tuva region") == ("Roscosmos", "organisation")
    assert _speaker(text, "debris burnt up") == ("Roscosmos", "organisation")


def test_it_never_takes_up_a_person_of_the_article() -> None:
    # a surname of a person named in full, or a given name, stays a person's: "it" is someone else
    text = (
        "Hillary Clinton spoke in Iowa on Monday. The crowd was large, Clinton said. It said nothing about "
        "the polls that showed her trailing in the state."
    )
    assert _speaker(text, "The crowd was large") == ("Hillary Clinton", "person")
    assert _speaker(text, "It said nothing") != ("Clinton", "organisation")


def test_a_title_case_headline_leaves_the_person_it_names_after_its_function_words() -> None:
    # (PolNeAR train, huff-post: "Trump" was the headline run "Attacks On Donald Trump")
    for text, name in (
        ("Why Hillary Clinton’s Attacks On Donald Trump’s Economic Policy Could Backfire.", "Donald Trump"),
        ("The Unhappy Campaign Of Paul Manafort.", "Paul Manafort"),
    ):
        got = {m.text: m.kind for m in entities.mentions(text, lang="en")}
        assert got.get(name) == "person", got
    # a run whose words after its function word are no name stays whole (the person it holds is read from it)
    got = {
        m.text for m in entities.mentions("Donald Trump Tweets A Wildly Inaccurate Graphic To Portray Voters")
    }
    assert "Portray Voters" not in got

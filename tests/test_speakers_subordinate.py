"""Speakers of round 28 (part spk16): a "he"/"she"/"they" that speaks in a clause of a time or a reason after
the main one ("Clinton caught flak ... when she said ..."), and the emphatic "did"/"does" before a speech verb
("Reince Priebus, however, did note that ...")."""

from __future__ import annotations

from factcheck import attribution, extract, ingest


def _speaker(text: str, part: str) -> str | None:
    art = ingest.article_from_record(
        {"text": text, "date": "2016-06-01", "language": "en"}, path="x.json", key="x"
    )
    return next(c.speaker for c in extract.extract(art, min_score=0.0) if part in c.text)


def test_a_pronoun_after_when_speaks_as_the_person_who_opens_the_sentence() -> None:
    # (PolNeAR train, breitbart and wash-post: Clinton booed, Trump's applause)
    text = (
        "By Amber Phillips\n\n"
        "Hillary Clinton and Tim Kaine spoke in Philadelphia on Saturday. Kaine said the ticket would win.\n\n"
        "Clinton was booed at the debate when she said the attack on her was an attack on the president."
    )
    assert _speaker(text, "booed") == "Hillary Clinton"
    text = (
        "Donald Trump spoke for an hour in Iowa on Saturday.\n\n"
        "Trump's biggest applause came when he said 40 percent of the voters would follow him in November."
    )
    assert _speaker(text, "applause") == "Donald Trump"


def test_a_subordinate_pronoun_stands_for_the_main_clause_subject_not_the_last_speaker() -> None:
    # (PolNeAR train, wash-post: Penny Nance spoke in the sentence before; the governor vetoed the bill)
    text = (
        "“This ruling is a tragedy,” said Penny Nance, the president of Concerned Women for America.\n\n"
        "The legislature passed a measure that would ban almost all abortions, but Republican Gov. Mary Fallin, "
        "who opposes abortion, vetoed the bill because she said it was unconstitutional."
    )
    assert _speaker(text, "vetoed") == "Mary Fallin"


def test_a_pronoun_after_because_speaks_for_the_group_named_before() -> None:
    # (PolNeAR train, politico)
    text = (
        "Senate Democrats met on Tuesday.\n\n"
        "Senate Democrats blocked the bill because they said the language was an untenable poison pill."
    )
    assert _speaker(text, "blocked") == "Senate Democrats"


def test_a_subordinate_pronoun_that_reports_no_words_has_no_speaker() -> None:
    # a clause that opens the sentence, a thought, the object of "said", a condition
    for text in (
        "When he said that, the crowd booed.",
        "That frustrates many analysts because they believe that a shift in policy will come only later.",
        "The governor tried to walk back his comments a day after he said them.",
        "If we are hearing his strategy correctly when he says he intends to pick up delegates, the plan is risky.",
    ):
        assert attribution.attribute(text) is None, text


def test_the_emphatic_did_before_a_speech_verb_keeps_its_subject() -> None:
    # (dev13 uproxx; PolNeAR train breitbart)
    text = (
        "Donald Trump praised Rudy Giuliani on Friday.\n\n"
        "Embattled Chief of Staff Reince Priebus, however, did note that Giuliani had passed the team's vetting "
        "process with flying colors."
    )
    assert _speaker(text, "vetting") == "Reince Priebus"
    text = (
        "Sheldon Adelson met the candidates in Las Vegas.\n\n"
        "The casino owner Sheldon Adelson did say he found Trump to be very charming at the dinner."
    )
    assert _speaker(text, "charming") == "Sheldon Adelson"


def test_the_main_clause_before_a_subordinate_report_stays_the_claim() -> None:
    # (a claim Snopes checked, CLEF 2020: the main clause is the writer's report and stays shown)
    from factcheck.model import DEFAULT_MIN_SCORE

    art = ingest.article_from_record(
        {
            "text": 'A video shows a woman pushing a priest off a stage after he said, "Fat women cannot go to heaven."',
            "date": "2019-06-01",
            "language": "en",
        },
        path="x.json",
        key="x",
    )
    assert any(c.score >= DEFAULT_MIN_SCORE and "pushing a priest" in c.text for c in extract.extract(art))


def test_a_subordinate_pronoun_after_the_sentence_s_own_pronoun_stands_for_that_one() -> None:
    # (PolNeAR train, nyt and politico: a place typed as a person, a person named in the main clause's object)
    text = (
        "Curt Schilling was fired by ESPN on Wednesday.\n\n"
        "Last month, he waded into politics on a Kansas City radio station when he suggested that the candidate "
        "should be buried under a jail somewhere."
    )
    assert _speaker(text, "waded") == "Curt Schilling"
    text = (
        "Kyle Babcock, a student, came to the rally with a John Kasich sign.\n\n"
        "He's leaning toward Kasich, he said, because he prizes electability and reclaiming the White House."
    )
    assert _speaker(text, "leaning") == "Kyle Babcock"

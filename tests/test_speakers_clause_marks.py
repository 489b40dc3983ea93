"""Speakers of round 27 (part spk15): a "he" or "she" that opens a clause after a colon or a semicolon speaks,
for the person who opens the sentence; a describing word that opens a sentence ("Former Carson advisers") is
no part of the name after it, so the surname stays that one person's."""

from __future__ import annotations

from factcheck import attribution, entities, extract, ingest


def _speaker(text: str, part: str) -> str | None:
    art = ingest.article_from_record(
        {"text": text, "date": "2016-07-26", "language": "en"}, path="x.json", key="x"
    )
    return next(c.speaker for c in extract.extract(art, min_score=0.0) if part in c.text)


def test_a_pronoun_after_a_colon_speaks_for_the_person_who_opens_the_sentence() -> None:
    # (PolNeAR train breitbart_2016-07-26: "...: He said he’s raised ..."; nyt_2016-04-23: "...: He also
    # openly said that ...")
    text = (
        "Tim Canova is challenging Rep. Debbie Wasserman Schultz in the Democratic primary.\n\n"
        "Canova has repeatedly ripped Wasserman Schultz on social media because it is paying off: He said he has "
        "raised about $100,000 in the 72 hours since the emails were published."
    )
    assert _speaker(text, "raised about $100,000") == "Tim Canova"


def test_a_pronoun_after_a_semicolon_speaks_for_the_person_a_description_opens_with() -> None:
    # (PolNeAR train nyt_2016-09-03: the marathoner, described before his name, with an aside after it)
    text = (
        "Prime Minister Hailemariam Desalegn has rejected the charges of abuse.\n\n"
        "The Ethiopian marathoner Feyisa Lilesa, who won the silver medal at the Olympics this year, drew global "
        "attention to the abuses when he held his crossed arms over his head at the finish line; he says he "
        "fears returning home and is seeking political asylum."
    )
    assert _speaker(text, "fears returning home") == "Feyisa Lilesa"


def test_a_colon_or_a_semicolon_lets_a_pronoun_speak_but_a_dash_does_not() -> None:
    got = attribution.attribute(
        "Members were placated: He also said that the party would coordinate with them."
    )
    assert got is not None and got.pronoun == "he"
    got = attribution.attribute("The plan failed; she said the votes were never there.")
    assert got is not None and got.pronoun == "she"
    # (a dash also opens an aside: "discovered the cause — gun control — he believes will define his career")
    got = attribution.attribute("He discovered the cause — gun control — he says will define his career.")
    assert got is None or got.pronoun is None


def test_a_describing_word_that_opens_a_sentence_is_no_part_of_the_name() -> None:
    # (PolNeAR train politico_2015-12-23 "Former Carson advisers", politico_2016-03-10 "Former Obama
    # operatives", wash-post_2016-04-05 "Top Sanders strategists")
    for sentence, name in (
        ("Former Carson advisers told POLITICO that a shakeup is necessary.", "Carson"),
        ("Former Obama operatives see Clinton as the candidate most likely to win.", "Obama"),
        ("Top Sanders strategists acknowledged as much in an interview.", "Sanders"),
    ):
        got = {m.text: m.kind for m in entities.mentions(sentence, lang="en")}
        assert got.get(name) == "misc", got
        assert not any(k.startswith(("Former ", "Top ")) for k in got), got
    # (a title after the describing word still names its person)
    got = {m.text: m.kind for m in entities.mentions("Former Treasury Secretary Tim Geithner is among them.")}
    assert got.get("Tim Geithner") == "person", got


def test_a_surname_a_describing_word_opened_stays_the_one_person_of_that_name() -> None:
    # ("Former Carson" made "Carson" two persons, so no "Carson said" and no "he" stood for Ben Carson)
    text = (
        "Ben Carson is preparing a shakeup of his campaign staff.\n\n"
        "Former Carson advisers told POLITICO that a shakeup is necessary.\n\n"
        "Carson said he plans to preview a strategy for Libya after Christmas."
    )
    assert _speaker(text, "preview a strategy") == "Ben Carson"


def test_a_retort_shot_or_fired_back_speaks_but_fired_back_at_someone_is_an_act() -> None:
    # (PolNeAR train politico_2016-03-10 'Fallon fired back: “...”', huff-post_2016-02-07, usa-today_2016-04-15)
    text = (
        "David Axelrod tweeted that Clinton's team should stop attacking Sanders over his health plan.\n\n"
        "Brian Fallon, Clinton's spokesman, was not amused.\n\n"
        "Fallon fired back: “As a guardian of the legacy, we know you are rooting for Clinton, too.”"
    )
    assert _speaker(text, "guardian of the legacy") == "Brian Fallon"
    for sentence, speaker in (
        ('"Jeb wants to be a tough guy tonight," Trump shot back.', "Trump"),
        ('Sanders shot back, "Secretary Clinton called them out."', "Sanders"),
        ("Clinton fired back that the people of New York voted for her twice.", "Clinton"),
        ("Rubio fired back at Christie over the state's credit rating being downgraded nine times.", None),
        ("Last year, health care spending shot back up and grew by 5.3 percent.", None),
    ):
        got = attribution.attribute(sentence)
        assert (got.speaker if got else None) == speaker, sentence


def test_people_who_lean_one_way_in_politics_speak_as_an_unnamed_group() -> None:
    # (PolNeAR train west-journal_2016-05-25, wash-post_2016-03-10)
    for sentence, speaker in (
        (
            "Many conservatives have said they will not vote for Trump under any circumstances.",
            "conservatives",
        ),
        ("Progressives say the platform does not go far enough on trade.", "progressives"),
        ("Many veterans said the remarks were an insult to the families of the fallen.", "veterans"),
    ):
        got = attribution.attribute(sentence)
        assert got is not None and (got.speaker, got.kind) == (speaker, "anonymous"), sentence


def test_a_pronoun_after_a_semicolon_never_stands_for_a_person_named_earlier() -> None:
    # (trafi_extra half A newrepublic.com.neoliberalism: "Looking back at the 1997 Asian financial crisis, the
    # economist Joseph Stiglitz comments that “...”; he also notes that ..." went to a person named before)
    text = (
        "Lawrence Summers defended the policy of rapid liberalization in 1998.\n\n"
        "Looking back at the 1997 Asian financial crisis, the economist Joseph Stiglitz comments that “excessively "
        "rapid capital market liberalization was the single most important cause of the crisis”; he also notes "
        "that after the crisis, the International Monetary Fund’s policies “exacerbated the downturns.”"
    )
    assert _speaker(text, "Asian financial crisis") != "Lawrence Summers"


def test_a_one_word_name_the_article_makes_speak_opens_a_sentence_for_its_pronoun() -> None:
    # (PolNeAR train breitbart_2016-07-26: "Canova" is never resolved to a full name there, but speaks;
    # wash-post_2016-06-27: "Sanders's role is under discussion, but he has said ...")
    text = (
        "Canova said he would not concede the primary to the congresswoman.\n\n"
        "Canova has ripped Wasserman Schultz on social media because it is paying off: He said he has raised "
        "about $100,000 in the 72 hours since the emails were published."
    )
    assert _speaker(text, "raised about $100,000") == "Canova"

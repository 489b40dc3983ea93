""" "The president said" stands for the one person the article gave that title, whatever form of the name it
used, and not for a vice president or a former one; names shaped as people of an origin, a charity or a firm
with a company form are no person (round 36, part spk36; texts made up in the shape of PolNeAR train breitbart
2016-01-05 (AP's "The latest on"), nyt 2016-02-17, ECB+ 34_11 and TBAQ wsj_0585)."""

from __future__ import annotations

import datetime as dt

from factcheck import attribution, entities, extract, ingest


def _said(text: str) -> dict[str, str | None]:
    """Each claim's speaker, by the claim's first four words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 1, 5)
    return {" ".join(c.text.split()[:4]): c.speaker for c in extract.extract(art, min_score=0.0)}


def test_the_president_is_the_one_president_named_in_two_forms() -> None:
    said = _said(
        "President Barack Obama announced new steps on gun sales on Tuesday.\n\n"
        "Republicans said President Obama had gone too far with the order.\n\n"
        "The president said Tuesday his actions are consistent with the Second Amendment."
    )
    assert said["The president said Tuesday"] == "Barack Obama"


def test_a_vice_president_is_not_the_president() -> None:
    said = _said(
        "President Barack Obama announced new steps on gun sales on Tuesday.\n\n"
        "Vice President Joe Biden will push the steps in interviews this week.\n\n"
        "The president said Tuesday his actions are consistent with the Second Amendment."
    )
    assert said["The president said Tuesday"] == "Barack Obama"


def test_a_former_president_is_the_former_president() -> None:
    said = _said(
        "President Barack Obama spoke in Iowa on Monday.\n\n"
        "Former President George W. Bush campaigned for his brother in Charleston on Monday.\n\n"
        "The former president said his brother would cut taxes by 10 percent.\n\n"
        "The president said the economy had added 200,000 jobs in December."
    )
    assert said["The former president said"] == "George W. Bush"
    assert said["The president said the"] == "Barack Obama"


def test_people_of_an_origin_are_unnamed_people() -> None:
    for name in ("Cuban Americans", "African-Americans", "Korean Americans"):
        src = attribution.classify_source(name)
        assert src is not None and src.kind == "anonymous", name
    # (a demonym's plural alone stays as it was read: a side as often as people)
    src = attribution.classify_source("the Russians")
    assert src is not None and src.kind == "organisation"


def test_a_company_form_with_points_makes_an_organisation() -> None:
    for name in ("Institut Merieux S.A.", "Royal Dutch Shell N.V."):
        src = attribution.classify_source(name)
        assert src is not None and src.kind == "organisation", name


def test_a_charity_is_no_person_a_he_stands_for() -> None:
    kinds = [m.kind for m in entities.mentions("She has also worked with Catholic Charities in Mobile.")]
    assert kinds == ["org", "misc"]
    assert [m.kind for m in entities.mentions("Charity Wallace said the shelter was full.")] == ["person"]
    said = _said(
        "Michael L. Farmer, rector at the Cathedral of the Immaculate Conception, praised the nominee.\n\n"
        "Farmer said Dr. Benjamin had served as a lector at the cathedral for ten years.\n\n"
        "She has also worked with Catholic Charities in Mobile.\n\n"
        "He reported that she grew up in the town of Daphne, Alabama."
    )
    assert said["He reported that she"] != "Catholic Charities"


def test_the_spokesman_is_the_spokesman_who_spoke_last() -> None:
    # (PolNeAR train huff-post 2016-05-16: "Cameron's spokesman said ... the spokesman said"; ECB+ 32_1's "A police
    # spokesman said")
    said = _said(
        "The prime minister's spokesman said the comments were divisive.\n\n"
        "Asked about the visit, the spokesman said no meeting had been planned for June."
    )
    assert said["Asked about the visit,"] == "prime minister's spokesman"
    said = _said(
        "A police spokesman said officers found two bodies at the house on Friday.\n\n"
        "The spokesman said no one else was involved in the deaths."
    )
    assert said["The spokesman said no"] == "police spokesman"


def test_the_company_is_a_firm_whose_name_holds_a_public_noun() -> None:
    # (TBAQ wsj_0709 "Service Corp. International said ... The company said"; not a public body: "the Health
    # Ministry ... the company" stays unresolved)
    said = _said(
        "Service Corp. International said it expects to report net income of 15 cents a share.\n\n"
        "The company said it expects to release third-quarter results in mid-November."
    )
    assert said["The company said it"] == "Service Corp. International"
    said = _said(
        "The Health Ministry said 40 people died on Monday.\n\nThe company said it had sold 4,000 masks."
    )
    assert said["The company said it"] == "company"


def test_an_institution_named_by_its_head_noun_speaks() -> None:
    for text in (
        "The water main break left 4,000 homes without service on Tuesday, the city said.",
        "Trading in the shares was halted for an hour on Monday, the exchange said.",
    ):
        att = attribution.attribute(text, lang="en")
        assert att is not None and att.kind == "organisation", text
    # (a capitalised surname or an office is no institution: PolNeAR train nyt 2016-03-04, politico 2016-05-26)
    src = attribution.classify_source("Mr. Tribe")
    assert src is not None and src.kind == "person"
    assert attribution.classify_source("The former secretary of state") is None

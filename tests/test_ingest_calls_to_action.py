"""Raw page text: a seller's call to action inside or below a post is furniture ("call to action": a free
trial, a discount off your ..., a form to fill out, "Learn more about our ..."), and an article that reports
such an offer keeps its text. A caption glued to its photo's credit ("... a rabbitCredit: Getty", "... it.Credit...
Doug Mills/The New York Times") is a caption. In German, "Weiterlesen: <headline>" and "Das könnte Sie auch interessieren:
<headline>" inside the article are labelled links to other stories."""

from __future__ import annotations

from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

from factcheck import furniture

HEAD = "Harbour bridge closed to heavy traffic"
FOOT = ["Share", "Recent Posts", "Home", "Contact"]
# (two pages' wordings: a salon software's post and a moving company's guide)
CTA = [
    "Start your 14-day free trial with GlossGenius today!",
    "Get up to $500 off your move!",
    "Learn more about our degree and certificate programs in technology.",
]
BELOW = "Let Us Help! Call us at (919) 277-0150 or fill out this quick form and we will contact you within 24 hours!"


def test_calls_to_action_inside_and_below_the_post() -> None:
    text = "\n\n".join([HEAD, ARTICLE[0], CTA[0], ARTICLE[1], CTA[1], ARTICLE[2], CTA[2], BELOW, *FOOT])
    kinds = kinds_of(text)
    for line in [*CTA, BELOW]:
        assert kinds[line] == ("furniture", "call to action"), line
    for para in ARTICLE:
        assert kinds[para] == ("body", ""), para


def test_an_offer_reported_by_the_article_stays_text() -> None:
    offer = (
        "The company offers a 14-day free trial, after which the plan costs $12 a month, its chief executive "
        "told reporters on Tuesday."
    )
    kinds = kinds_of("\n\n".join([HEAD, ARTICLE[0], offer, ARTICLE[1], ARTICLE[2], *FOOT]))
    assert kinds[offer] == ("body", "")


def test_german_link_labels() -> None:
    de = [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab dem nächsten Monat für den "
        "Schwerverkehr zu sperren, nach einer langen Debatte bis in den späten Abend.",
        "Ingenieure hatten Risse in zwei Stahlstützen gefunden, sagte der Bürgermeister am Mittwochmorgen "
        "bei einer Pressekonferenz im Rathaus vor zahlreichen Journalisten.",
        "Busse werden durch den nördlichen Tunnel umgeleitet, solange die Reparaturen dauern, teilte das "
        "Verkehrsamt in einer Mitteilung auf seiner Website mit.",
    ]
    links = [
        "Weiterlesen: Kein Getreide mehr: Ist glutenfreie Ernährung wirklich gesünder als gedacht?",
        "Das könnte Sie auch interessieren: Spektrum Kompakt: Zoonosen – Gefährliche Keime aus dem Tierreich",
    ]
    text = "\n\n".join(
        ["Hafenbrücke für den Schwerverkehr gesperrt", de[0], links[0], de[1], links[1], de[2]]
    )
    kinds = kinds_of(text, "de")
    for line in links:
        assert kinds[line] == ("furniture", "link to another story"), line
    for para in de:
        assert kinds[para] == ("body", ""), para


def test_calls_to_action_are_data() -> None:
    reasons = {m.reason for m in furniture.markers("en") if m.kind == "notice"}
    assert "call to action" in reasons


def test_a_caption_glued_to_its_credit() -> None:
    # (two papers' shapes: a credit after the caption's stop with an ellipsis, and one glued to its last word)
    glued = [
        "The mayor at the harbour bridge on Tuesday. He did not get the vote.Credit...Doug Mills/The Daily Times",
        "Engineers inspect one of the cracked steel supports under the bridgeCredit: Getty - Contributor",
    ]
    text = "\n\n".join([HEAD, ARTICLE[0], glued[0], ARTICLE[1], glued[1], ARTICLE[2], *FOOT])
    kinds = kinds_of(text)
    for line in glued:
        assert kinds[line] == ("furniture", "photo caption"), line
    for para in ARTICLE:
        assert kinds[para] == ("body", ""), para


def test_a_glued_credit_needs_its_capital() -> None:
    # (a word that runs into a lower-case "credit" is no caption's end)
    line = "Buyers paid for the tickets with a store creditcard: about 300 of them did, the operator said."
    text = "\n\n".join([HEAD, ARTICLE[0], line, ARTICLE[1], ARTICLE[2], *FOOT])
    assert kinds_of(text)[line] == ("body", "")

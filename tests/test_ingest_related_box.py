"""Raw page text: a box of one related story (its headline and date) set between an article's paragraphs
does not end the article when the paragraphs below it go on with the article's subject; a page that goes on
with a post on another subject is still cut there (``ingest._another_post``, ``_goes_on_below``)."""

from __future__ import annotations

from line_kinds import kinds_of  # tests/line_kinds.py

# after Stern (de, 2023): a payment system's story, a box of an older story on the same subject inside it
STERN_ABOVE = [
    "Europas Banken wollen beim Zahlungsverkehr unabhängiger von US-Firmen wie Paypal, Visa oder Apple werden. "
    "Mit EPI bringen sie bald ein neues Bezahlsystem an den Start.",
    "Nach Jahren des Hin und Hers hat sich Europa dazu durchgerungen, ein eigenes Zahlungssystem für "
    "Verbraucherinnen und Händler auf den Weg zu bringen, das mit Paypal konkurrieren soll.",
    "Die European Payments Initiative (EPI) plant ab 2024 Echtzeitüberweisungen auf Basis von SEPA und Karten "
    "für den Massenzahlungsverkehr sowie für Händler, sagt die Initiative.",
]
STERN_BOX = [
    "EU-Kommission Geld so schnell verschicken wie bei PayPal: Echtzeitüberweisungen sollen zum neuen "
    "EU-Standard werden",
    "25.10.2022",
]
STERN_BELOW = [
    "Im Gegensatz zum US-amerikanischen Markt gibt es in Europa keinen Zahlungsdienstleister, der mit Paypal "
    "konkurrieren kann. Händler und Banken warten darum auf das Zahlungssystem von EPI.",
    "Die Initiative EPI wurde 2020 von mehreren großen europäischen Banken gegründet, das Zahlungssystem soll "
    "Händler und Verbraucherinnen in ganz Europa verbinden.",
]

# after Seznam Zprávy (cs, 2025): a court's story, a box of an older story about the same businessman inside it
SEZNAM_ABOVE = [
    "Soudkyně dokončila práci na rozsudku, v němž popsala, proč neomezila svéprávnost podnikatele Michala "
    "Redla, hlavní postavy kauzy Dozimetr.",
    "Michal Redl kvůli tomu začal prodávat majetek za desítky milionů a soud řešil návrh, aby byl jeho "
    "svéprávnost omezena, řekl u soudu jeho bratr.",
    "Verdikt soudkyně byl zamítavý, z písemného rozsudku jsou patrné důvody, proč soud Redla ve svéprávnosti "
    "neomezil, ačkoli majetek prodává.",
]
SEZNAM_BOX = ["Se stigmatem zločinu. Vily Redla či Krejčíře hledají nové majitele", "23. 12. 2024 13:31"]
SEZNAM_BELOW = [
    "V katastru nemovitostí, jak Seznam Zprávy ověřily, zůstává vlastníkem vily stále firma Kidron "
    "podnikatele Michala Redla, který majetek prodává.",
    "Podrobnosti o prodeji majetku však v rozsudku nepadly a soudkyně se k návrhu bratra na omezení "
    "svéprávnosti Michala Redla dále nevyjádřila.",
]

# a blog's next post on another subject, under the same shape of header: still another article
OTHER_POST = [
    "Ferry fares to rise by five percent in January",
    "12 November 2018",
    "Ferry fares will rise by five percent in January, the operator said on Sunday after a year of losses.",
    "The council said it would ask the operator to keep the fares of school children and pensioners as they are.",
]


def _page(above: list[str], box: list[str], below: list[str]) -> str:
    return (
        "\n".join(["Menu", "Home", "Politics", "Business", *above, *box, *below, "Imprint", "Contact"]) + "\n"
    )


def test_stern_a_related_story_box_inside_the_article_does_not_end_it() -> None:
    k = kinds_of(_page(STERN_ABOVE, STERN_BOX, STERN_BELOW), "de")
    assert all(k[t] == ("body", "") for t in STERN_ABOVE + STERN_BELOW)
    assert k[STERN_BOX[0]] == ("furniture", "related story inside the article")
    assert k[STERN_BOX[1]][0] == "furniture"


def test_seznam_a_related_story_box_inside_the_article_does_not_end_it() -> None:
    k = kinds_of(_page(SEZNAM_ABOVE, SEZNAM_BOX, SEZNAM_BELOW), "cs")
    assert all(k[t] == ("body", "") for t in SEZNAM_ABOVE + SEZNAM_BELOW)
    assert k[SEZNAM_BOX[0]] == ("furniture", "related story inside the article")


def test_a_post_on_another_subject_after_the_article_is_still_another_article() -> None:
    for above, lang in ((STERN_ABOVE, "de"), (SEZNAM_ABOVE, "cs")):
        k = kinds_of(_page(above, OTHER_POST[:2], OTHER_POST[2:]), lang)
        assert all(k[t] == ("body", "") for t in above)
        assert all(k[t] == ("furniture", "another article") for t in OTHER_POST[2:])


def test_a_box_then_a_post_on_another_subject_cuts_at_the_post() -> None:
    # the article goes on below its box, then the page goes on with another post: cut there, not at the box
    text = "\n".join(
        [
            "Menu",
            "Home",
            "Politics",
            *STERN_ABOVE,
            *STERN_BOX,
            *STERN_BELOW,
            "Kommentar schreiben",
            *OTHER_POST,
        ]
    )
    k = kinds_of(text + "\n", "de")
    assert all(k[t] == ("body", "") for t in STERN_ABOVE + STERN_BELOW)
    assert all(k[t] == ("furniture", "another article") for t in OTHER_POST[2:])

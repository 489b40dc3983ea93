"""Raw page text (what a person gets by copying a web page): the page-shape rules of factcheck.ingest."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck.ingest import article_from_record, article_from_text, classify_lines
from factcheck.tables import rows_as_text

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.",
    "Engineers found cracks in two of its steel supports, the mayor told reporters at a news conference.",
    "Buses will be rerouted through the northern tunnel while the repairs last, the transport office said.",
    "Shop owners near the bridge said they feared losing customers and asked for a compensation scheme.",
]


def test_a_list_of_dated_teasers_after_the_article_is_furniture() -> None:
    teasers = [
        "Council approves new cycle lanes on the seafront",
        "12.11.2018",
        "The council approved two new cycle lanes on Monday. Work starts in spring.",
        "Ferry fares to rise by five percent in January",
        "11.11.2018",
        "Ferry fares will rise in January, the operator said on Sunday.",
    ]
    text = "Bridge closed to trucks\n" + "\n".join(ARTICLE + teasers) + "\n"
    k = kinds_of(text)
    for line in ARTICLE:
        assert k[line] == ("body", "")
    for line in teasers:
        assert k[line][0] == "furniture", line
    assert k["Ferry fares will rise in January, the operator said on Sunday."] == (
        "furniture",
        "list of other stories",
    )


def test_a_teasers_date_is_not_the_articles_date() -> None:
    text = "\n".join(
        [
            "Bridge closed to trucks",
            ARTICLE[0],
            "Council approves new cycle lanes",
            "12.11.2018",
            "The council approved two new cycle lanes on Monday.",
            "Ferry fares to rise in January",
            "11.11.2018",
            "Ferry fares will rise in January, the operator said.",
            *ARTICLE[1:],
        ]
    )
    a = article_from_text(text, path="p.txt", key="p.txt")
    assert a.published is None


def test_headlines_with_summaries_late_on_the_page_are_a_story_list_but_an_interview_is_not() -> None:
    teasers = [
        "Berlin museum stirs debate with plans for a remembrance room",
        "The museum's plan to show the crimes of the colonial era drew criticism on Friday.",
        "US judge dismisses compensation claims against the city",
        "A US court dismissed a lawsuit lodged by two families over the seizure of their land.",
        "Museum returns remains to New Zealand",
        "The hospital returned the remains in a ceremony at the national museum.",
    ]
    k = kinds_of("Bridge closed\n" + "\n".join(ARTICLE + teasers) + "\n")
    assert all(k[t][0] == "furniture" for t in teasers)
    assert all(k[t] == ("body", "") for t in ARTICLE)
    # the same shape with questions is an interview: body
    interview = [
        "What did the engineers find in the supports?",
        "They found cracks in two of the steel supports during a routine check.",
        "How long will the repairs take to finish?",
        "At least six months, and longer if the winter is hard, the engineers said.",
        "Who pays for the repairs of the bridge?",
        "The city pays for them from its maintenance budget, according to the council.",
    ]
    k = kinds_of("Bridge closed\n" + "\n".join(ARTICLE + interview) + "\n")
    assert all(k[t] == ("body", "") for t in interview)


def test_subheaded_article_sections_stay_body() -> None:
    body = [
        "The repairs",
        ARTICLE[1],
        "The traffic",
        *ARTICLE[2:],
        "The shops",
        "Shop owners said the works came at the worst time of the year for them, before the summer season.",
        "The council said it would answer their request for a compensation scheme at its next meeting.",
    ]
    k = kinds_of("Bridge closed\n" + "\n".join(ARTICLE[:1] + body) + "\n")
    assert all(k[t][0] in ("body", "title") for t in body if len(t.split()) > 3)


def test_a_gallery_that_repeats_its_title_before_each_slide() -> None:
    slides = []
    for n, cap in enumerate(
        [
            "Under the old empire the harbour was built on land taken from the fishing villages.",
            "The first bridge was opened in 1890 by the governor and carried only carts.",
            "The steel bridge of 1931 replaced it after a storm destroyed the wooden one.",
        ]
    ):
        slides += ["Our harbour: a history in pictures", f"Slide {n + 1} of the harbour's past", cap]
    text = "Bridge closed\n" + "\n".join(ARTICLE[:2] + slides + ARTICLE[2:]) + "\n"
    k = kinds_of(text)
    assert all(k[s][0] == "furniture" for s in slides)
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_a_paragraph_opening_with_a_notice_is_the_notice() -> None:
    notice = (
        "The administrator of your personal data will be Harbour Media Ltd, 1 Quay Street, Port Town. "
        "Detailed information on the processing of personal data can be found in the privacy policy. "
        "In addition, you will find there information about your rights, the legal basis of the processing "
        "and the time for which we keep the data you gave us when you signed up."
    )
    k = kinds_of("Bridge closed\n" + "\n".join([*ARTICLE, notice]) + "\n")
    assert k[notice] == ("furniture", "cookie or privacy notice")
    # a long body paragraph that mentions privacy later on stays body
    para = (
        "The council published the inspection report on Tuesday, with photos of the cracks and the list "
        "of repairs, and said the names of the inspectors were left out under its privacy policy because "
        "two of them had received threats after the last closure of the bridge in 2019 and had asked for it."
    )
    assert kinds_of("Bridge closed\n" + "\n".join([*ARTICLE, para]) + "\n")[para] == ("body", "")


def test_a_line_repeated_on_the_page_is_furniture_after_its_first_copy() -> None:
    placeholder = "Your browser cannot play this video."
    text = (
        "Bridge closed\n"
        + "\n".join([ARTICLE[0], placeholder, *ARTICLE[1:3], placeholder, ARTICLE[3]])
        + "\n"
    )
    segs, _ = classify_lines(text, "en")
    got = [(s.kind, s.reason) for s in segs if text[s.start : s.end] == placeholder]
    assert got[1] == ("furniture", "repeated on the page")


def test_page_shape_rules_leave_scraper_records_alone() -> None:
    teasers = [
        "Council approves new cycle lanes",
        "12.11.2018",
        "Ferry fares to rise in January",
        "11.11.2018",
    ]
    rec = {"title": "Bridge closed", "text": "\n".join(ARTICLE + teasers), "date": "2024-03-05"}
    a = article_from_record(rec, path="r.json", key="r.json")
    reasons = {s.reason for s in a.segments}
    assert "list of other stories" not in reasons


def test_an_extractors_subheads_list_items_and_table_cells_stay_body() -> None:
    """An HTML page's text comes from trafilatura, which already removed the page's chrome: a short line
    in it is a subheading, a list item or a table cell of the article, a line ending in an ellipsis the
    article's own -- never a "short fragment" or a "teaser" as on a copied page."""
    short = [
        "What the repairs cost",
        "- two steel supports",
        "- new asphalt",
        "| Supports | 2 |",
        "Ingredients of the plan",
        "The mayor paused and then said it again...",
    ]
    body = [ARTICLE[0], short[0], ARTICLE[1], *short[1:4], ARTICLE[2], short[4], short[5], ARTICLE[3]]
    rec = {"title": "Bridge closed", "text": "\n".join(body), "date": "2024-03-05"}
    a = article_from_record(rec, path="r.json", key="r.json")
    got = {a.text[s.start : s.end]: (s.kind, s.reason) for s in a.segments}
    for line in body:
        line = rows_as_text(line)  # a table row reads as its cells: "Supports · 2" (factcheck.tables)
        assert got[line] == ("body", ""), line
    # the same lines in a copied page are judged by its shape rules
    page = kinds_of("Bridge closed\n" + "\n".join(body) + "\n")
    assert page[short[1]][0] == "furniture"
    assert page[short[5]] == ("furniture", "teaser")


def test_an_extractors_text_still_loses_marked_chrome() -> None:
    """The markers (a whole line of chrome, a notice) and an end-of-article marker followed by furniture
    hold for extracted text too."""
    text = "\n".join(
        [*ARTICLE, "Share on Facebook", "Related", "Council approves new cycle lanes", "Ferry fares to rise"]
    )
    a = article_from_record({"title": "Bridge closed", "text": text}, path="r.json", key="r.json")
    got = {a.text[s.start : s.end]: s.kind for s in a.segments}
    assert all(got[line] == "body" for line in ARTICLE)
    assert got["Share on Facebook"] == "furniture"
    assert got["Ferry fares to rise"] == "furniture"


def test_a_row_of_lines_of_one_wording_is_a_row_of_buttons() -> None:
    share = [
        "Klick, um auf Twitter zu teilen (Wird in neuem Fenster geöffnet)",
        "Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)",
        "Klick, um über Reddit zu teilen (Wird in neuem Fenster geöffnet)",
        "Klick, um auf LinkedIn zu teilen (Wird in neuem Fenster geöffnet)",
    ]
    # an anaphora of the text itself differs in more than a word or two: body
    own = [
        "We will rebuild the bridge before the winter comes to the harbour.",
        "We will reopen the road before the first ferry of the spring season.",
        "We will repay the shop owners before the end of the next tax year.",
    ]
    text = "Bridge closed\n" + "\n".join(ARTICLE[:2] + own + ARTICLE[2:] + share) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("furniture", "row of links of one wording") for t in share)
    assert all(k[t] == ("body", "") for t in ARTICLE + own)
    # two such lines are no row
    two = "Bridge closed\n" + "\n".join(ARTICLE + share[:2]) + "\n"
    assert all(kinds_of(two)[t][1] != "row of links of one wording" for t in share[:2])


def _thread(names: list[str]) -> list[str]:
    out = []
    for day, name in enumerate(names, start=21):
        out.append(f"{name} · {day} January 2015 · 19:04")
        out.append(
            f"I think the council should have acted {day} years before the cracks appeared, {name} says."
        )
    return out


def test_a_thread_of_posts_with_headers_of_one_wording_after_the_article_is_furniture() -> None:
    thread = _thread(["anna_k", "b.miller", "anna_k", "citizen42"])
    text = "Bridge closed\n" + "\n".join(ARTICLE + thread) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE)
    posts, headers = thread[1::2], thread[::2]
    assert all(k[t] == ("furniture", "comments or other posts (repeated header lines)") for t in posts)
    assert all(k[t][0] == "furniture" for t in headers)


def test_stamped_lines_that_are_no_thread_stay() -> None:
    # a live blog: its entries' headers open at the top, above the third paragraph
    live = "Bridge closed\n" + "\n".join(_thread(["desk", "ed.lee"]) + ARTICLE + _thread(["desk", "ed.lee"]))
    assert not any("repeated header" in r for _k, r in kinds_of(live + "\n").values())
    # the same stamp each time (a product box's price stamp inside the article): no poster's name differs
    box = "Price checked on 21 January 2015, 19:04"
    body = [*ARTICLE, box, ARTICLE[0] + " Again.", box, ARTICLE[1] + " Again.", box, ARTICLE[2] + " Again."]
    assert not any(
        "repeated header" in r for _k, r in kinds_of("Bridge closed\n" + "\n".join(body) + "\n").values()
    )
    # two posts are no thread
    two = "Bridge closed\n" + "\n".join(ARTICLE + _thread(["anna_k", "b.miller"])) + "\n"
    assert not any("repeated header" in r for _k, r in kinds_of(two).values())


def test_a_listing_with_labels_dates_and_repeated_headlines_is_a_story_list() -> None:
    listing = [
        "Cheap drills at the discounter: is the offer worth it",
        "News",
        "12.11.2018",
        "Cheap drills at the discounter: is the offer worth it",
        "The discounter sells a cordless drill for 20 euros from Monday. We checked the offer.",
        "News",
        "11.11.2018",
        "A dehumidifier dries damp rooms. The discounter sells one from Monday for 40 euros.",
    ]
    text = "Tools and more\n" + "\n".join(ARTICLE[:2] + listing + ARTICLE[2:]) + "\n"
    k = kinds_of(text)
    assert all(k[t][0] == "furniture" for t in listing if len(t.split()) > 2)
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_a_comment_form_after_the_article_ends_it() -> None:
    after = [
        "12. September 2013",
        "Was denkst du?",
        "Hier klicken, um das Antworten abzubrechen.",
        "Name *",
        "eMail *",
        "1. Die Partei steht für Selbstbestimmung und ein positives Menschenbild, das heißt Teilhabe und Freiheit.",
        "2. Die Partei will mehr direkte Demokratie und einfachere Bürgerbegehren auf allen Ebenen des Landes.",
    ]
    body = [
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für den Schwerverkehr zu sperren.",
        "Ingenieure hatten Risse in zwei Stahlstützen gefunden, sagte die Bürgermeisterin am Abend.",
        "Die Sperrung soll mindestens sechs Monate dauern, Busse werden durch den Tunnel umgeleitet.",
    ]
    segs, _ = classify_lines("Brücke gesperrt\n" + "\n".join(body + after) + "\n", "de")
    text = "Brücke gesperrt\n" + "\n".join(body + after) + "\n"
    k = {text[s.start : s.end]: s.kind for s in segs}
    assert all(k[t] == "body" for t in body)
    assert all(k[t] != "body" for t in after)


MENU = ["Home", "News", "Sport", "Culture", "Weather"]


def test_title_from_the_pages_title_line_repeated_above_the_article() -> None:
    text = "\n".join(
        [
            "Harbour bridge closed to trucks | Local| News from the coast | HT | 19.01.2020",
            *MENU,
            "Local news from the coast, every day",
            "Harbour bridge closed to trucks",
            *ARTICLE,
        ]
    )
    a = article_from_text(text, path="p.txt", key="p.txt")
    assert a.title == "Harbour bridge closed to trucks"
    k = kinds_of(text)
    assert k["Harbour bridge closed to trucks"] == ("title", "headline")
    assert k["Harbour bridge closed to trucks | Local| News from the coast | HT | 19.01.2020"][0] == "meta"


def test_title_line_that_reads_like_a_sentence_is_still_the_title() -> None:
    # "U.S. " or a closing "!" made the <title> line the first body sentence, and the menus after it body
    for first, head in [
        (
            "Despite everything, U.S. emissions dipped in 2019 | Salon",
            "Despite everything, U.S. emissions dipped in 2019",
        ),
        (
            "Adele lost ten kilos: she looks happier than ever!",
            "Adele lost ten kilos: she looks happier than ever!",
        ),
        (
            "Hating Millennials - the prejudice you're allowed to boast about / Boing Boing",
            "Hating Millennials - the prejudice you're allowed to boast about",
        ),
    ]:
        text = "\n".join([first, *MENU, head, *ARTICLE])
        a = article_from_text(text, path="p.txt", key="p.txt")
        assert a.title == head
        k = kinds_of(text)
        assert all(k[m][0] == "furniture" for m in MENU)


def test_title_line_not_repeated_gives_the_headline_without_the_site() -> None:
    text = "\n".join(["Access to the harbour restored after two years – Harbour Foundation", *MENU, *ARTICLE])
    a = article_from_text(text, path="p.txt", key="p.txt")
    assert a.title == "Access to the harbour restored after two years"
    assert a.outlet == "Harbour Foundation"
    k = kinds_of(text)
    assert k["Access to the harbour restored after two years"] == ("title", "headline")
    assert k[" – Harbour Foundation"] == ("meta", "site name")


@pytest.mark.parametrize(
    ("line", "lang", "date"),
    [
        (
            "08.03.2016 | 15:30 Uhr",
            "de",
            dt.date(2016, 3, 8),
        ),  # day first with dots, whatever dateparser says
        ("Veröffentlicht am 11/04/2012 von Björn Linder", "de", dt.date(2012, 4, 11)),
        ("von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr", "de", dt.date(2014, 5, 14)),
        ("par Florence Audier, le 15 septembre 2009", "fr", dt.date(2009, 9, 15)),
        ("Martina Berg 19. Juni 2019", "de", dt.date(2019, 6, 19)),
        ("Blackswan Thursday, May 30, 2019", "en", dt.date(2019, 5, 30)),
        (
            "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS",
            "de",
            dt.date(2019, 6, 14),
        ),
        ("Redacción, 14 de junio de 2019", "es", dt.date(2019, 6, 14)),
        ("Publicado em 20/09/2023 às 10h", "pt", dt.date(2023, 9, 20)),
    ],
)
def test_a_visible_date_inside_a_short_line_near_the_top_is_the_publication_date(
    line: str, lang: str, date: dt.date
) -> None:
    text = "\n".join(["Bridge closed to trucks", *MENU, line, *ARTICLE])
    _segs, info = classify_lines(text, lang)
    assert info["published"] == date, line


def test_a_date_in_figures_with_slashes_is_month_first_only_in_english() -> None:
    for lang, date in (
        ("en", dt.date(2012, 11, 4)),
        ("de", dt.date(2012, 4, 11)),
        ("fr", dt.date(2012, 4, 11)),
    ):
        _segs, info = classify_lines("\n".join(["Bridge closed", "11/04/2012", *ARTICLE]), lang)
        assert info["published"] == date, lang


def test_the_articles_own_headline_date_and_lede_are_no_teaser() -> None:
    head = [
        "Bridge closed: four supports fail the test",
        "23.10.2018",
        "In the latest test the engineers checked all eighteen supports of the old harbour bridge for cracks.",
    ]
    teasers = [
        "Ferry fares to rise in January",
        "11.10.2018",
        "Tunnel reopens after the repairs",
        "02.10.2018",
    ]
    text = "\n".join([*MENU, *head, *ARTICLE, *teasers]) + "\n"
    k = kinds_of(text)
    assert k[head[2]] == ("body", "")
    assert k[head[1]][0] == "meta"
    assert all(k[t][0] == "furniture" for t in teasers)
    a = article_from_text(text, path="p.txt", key="p.txt")
    assert a.published == dt.date(2018, 10, 23)


def test_summaries_that_end_with_their_date_make_a_story_list() -> None:
    teasers = [
        "Museum returns remains to New Zealand",
        "The hospital returned the remains in a ceremony at the national museum. (29.04.2019)",
        "US judge dismisses the claims against the city",
        "A court dismissed the lawsuit; the lawyers will appeal the ruling. (07.03.2019)",
    ]
    k = kinds_of("Bridge closed\n" + "\n".join(ARTICLE + teasers) + "\n")
    assert all(k[t] == ("furniture", "list of other stories") for t in teasers)


FOOTER_MENU = [f"Section {n}" for n in range(14)]


def test_a_small_block_of_prose_after_the_article_and_a_long_run_of_furniture_is_not_the_article() -> None:
    promo = "We do what we love every day, and so can you: thousands of jobs in the digital world are waiting for you."
    text = "\n".join(["Bridge closed", *ARTICLE, *FOOTER_MENU, promo]) + "\n"
    k = kinds_of(text)
    assert k[promo] == ("furniture", "block after the article")
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_an_article_cut_in_two_by_a_long_run_of_furniture_goes_on() -> None:
    second = [s.replace("the", "the old", 1) for s in ARTICLE]
    text = "\n".join(["Bridge closed", *ARTICLE, *FOOTER_MENU, *second]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE + second)


def test_short_lines_after_the_article_and_a_few_furniture_lines_are_not_the_article() -> None:
    promo = [
        "The digital world of news.",
        "Read the new issue on Friday evening!",
        "On every device, even offline.",
    ]
    text = "\n".join(["Bridge closed", *ARTICLE, *FOOTER_MENU[:4], *promo]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("furniture", "block after the article") for t in promo)
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_a_paragraph_after_a_few_furniture_lines_stays() -> None:
    # (only a long run of furniture sets a paragraph of 15+ words apart from the article)
    last = "The council will review the decision in a year, after a second survey of the supports, the mayor said."
    text = "\n".join(["Bridge closed", *ARTICLE, *FOOTER_MENU[:4], last]) + "\n"
    assert kinds_of(text)[last] == ("body", "")


@pytest.mark.parametrize(
    ("lang", "more"),
    [
        ("en", "Read more"),
        ("de", "Weiterlesen"),
        ("fr", "Lire la suite"),
        ("es", "Leer más"),
        ("pt", "Leia mais"),
    ],
)
def test_excerpts_each_closed_by_a_read_more_link_are_teasers(lang: str, more: str) -> None:
    excerpts = [
        "Summer sale: the best deals of the week, picked by our editors for you, with prices that will not last long at all.",
        "Maxi dresses are no new trend but a fixture of every summer wardrobe; we have picked the best of the season.",
    ]
    lines = ["Bridge closed", *ARTICLE, "Related posts"]
    for n, ex in enumerate(excerpts):
        lines += [f"Teaser headline number {n}", ex, more]
    segs, _info = classify_lines("\n".join(lines), lang)
    text = "\n".join(lines)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert all(k[ex] == ("furniture", "teaser (read more)") for ex in excerpts)
    assert all(k[t][0] == "body" for t in ARTICLE)


@pytest.mark.parametrize(
    ("lang", "headline", "blurb", "more"),
    [
        (
            "en",
            "How the harbour tunnel was built",
            "The tunnel under the harbour took ten years to build. Here is how its engineers did it.",
            "Read more",
        ),
        (
            "de",
            "Topinambur schälen: So geht es",
            "Die Knollen sind von einer feinen Schale umgeben. Hier erfahren Sie, wie man sie ganz einfach schälen kann.",
            "Mehr erfahren",
        ),
        (
            "fr",
            "Comment le tunnel a été construit",
            "Le tunnel sous le port a demandé dix ans de travaux. Voici comment ses ingénieurs ont fait.",
            "Lire la suite",
        ),
        (
            "es",
            "Cómo se construyó el túnel",
            "El túnel bajo el puerto tardó diez años en construirse. Así lo hicieron sus ingenieros.",
            "Leer más",
        ),
        (
            "pt",
            "Como o túnel foi construído",
            "O túnel sob o porto levou dez anos para ser construído. Veja como os engenheiros fizeram.",
            "Leia mais",
        ),
    ],
)
def test_one_excerpt_with_its_read_more_link_inside_the_article_is_a_teaser(
    lang: str, headline: str, blurb: str, more: str
) -> None:
    # (a box pointing to another story between the article's paragraphs: omeda.de, mein-schoener-garten.de)
    lines = ["Bridge closed", *ARTICLE[:2], headline, blurb, more, *ARTICLE[2:]]
    segs, _info = classify_lines("\n".join(lines), lang)
    text = "\n".join(lines)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert k[blurb] == ("furniture", "teaser (read more)")
    assert all(k[t][0] == "body" for t in ARTICLE)


def test_one_excerpt_opened_by_its_question_headline_inside_the_article_is_a_teaser() -> None:
    # (omeda.de: the box's photo credit, then its headline, its blurb and "Zum Artikel")
    box = [
        "Coronavirus: Wie gefährlich ist die Omikron-Variante?",
        "Das Coronavirus verändert sich ständig. Im November wurde eine neue Virusvariante entdeckt.",
    ]
    lines = ["Bridge closed", *ARTICLE[:2], "Foto: dpa", *box, "Zum Artikel", *ARTICLE[2:]]
    segs, _info = classify_lines("\n".join(lines), "de")
    text = "\n".join(lines)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert all(k[t] == ("furniture", "teaser (read more)") for t in box)
    assert all(k[t][0] == "body" for t in ARTICLE)


def test_a_section_under_a_short_label_above_one_read_more_link_stays() -> None:
    # (lavazza.de: "Das Mahlen" and its paragraph, then another story's headline and "MEHR ERFAHREN")
    section = (
        "Die ideale Körnung, weder zu fein noch zu grob, für einen vollkommenen Espresso – Tasse für Tasse."
    )
    lines = ["Bridge closed", *ARTICLE[:2], "Das Mahlen", section, "Mehr erfahren", *ARTICLE[2:]]
    segs, _info = classify_lines("\n".join(lines), "de")
    text = "\n".join(lines)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert k[section] == ("body", "")


def test_the_lede_above_one_read_more_link_stays() -> None:
    # (a link that cuts the article after its lede: no prose of the article above the excerpt's headline)
    text = "\n".join(["Bridge closed", ARTICLE[0], "Read more", *ARTICLE[1:]]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_an_article_cut_by_one_continue_reading_link_stays() -> None:
    text = "\n".join(["Bridge closed", *ARTICLE[:2], "Continue reading", *ARTICLE[2:]]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert k["Continue reading"] == ("furniture", "read-more link")


TEASERS_ABOVE = [
    '"I stopped blaming myself"',
    "A designer posts photos of herself in clothes that are too tight, because makers offer no larger sizes.",
    '"The money has to come from somewhere"',
    "What people aged 18 to 30 can expect from the pension system, a professor explains in an interview.",
]


def test_text_above_the_repeated_headline_is_not_the_article() -> None:
    text = "\n".join(
        [
            "Bridge closed to trucks | Harbour Times",
            *TEASERS_ABOVE,
            *MENU,
            "Bridge closed to trucks",
            *ARTICLE,
        ]
    )
    k = kinds_of(text)
    assert all(k[t][0] == "furniture" for t in TEASERS_ABOVE)
    assert k[TEASERS_ABOVE[1]] == k[TEASERS_ABOVE[3]] == ("furniture", "before the headline")
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_text_above_the_repeated_headline_stays_when_most_prose_is_above_it() -> None:
    # the headline found again low on the page (in a list of links): the article is above it
    text = "\n".join(
        ["Bridge closed to trucks | Harbour Times", *MENU, *ARTICLE, "Bridge closed to trucks", ARTICLE[0]]
    )
    k = kinds_of(text)
    assert all(k[t][0] == "body" for t in ARTICLE[1:])


NEXT_POST = [
    "Ferry fares to rise by five percent in January",
    "12 November 2018",
    "Ferry fares will rise by five percent in January, the operator said on Sunday after a year of losses.",
    "The council said it would ask the operator to keep the fares of school children and pensioners as they are.",
]


def test_a_second_post_with_its_headline_and_date_after_the_article_is_another_article() -> None:
    text = "\n".join(["Bridge closed to trucks", "13 November 2018", *ARTICLE, "Leave a comment", *NEXT_POST])
    segs, info = classify_lines(text, "en")
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert all(k[t][0] == "furniture" for t in NEXT_POST)
    assert all(k[t] == ("furniture", "another article") for t in NEXT_POST[2:])
    assert info["published"] == dt.date(2018, 11, 13)


def test_a_dated_post_header_with_more_prose_below_than_above_opens_the_article() -> None:
    # a shop's or a site's preface (three paragraphs) above the post: the post is the page's article
    preface = [
        "In our online shop you will find every product of our outlets and can order it to your home at any time.",
        "Our team of mountain guides tests every piece of gear on real tours before it goes on the shelves.",
        "Members of our customer club get a discount of ten percent on every order and free delivery of course.",
    ]
    post = [f"{t} It was the {n} point the operator made on Sunday." for n, t in enumerate(ARTICLE * 2)]
    text = "\n".join(["Shop | Mountain Gear", *preface, *NEXT_POST[:2], *post])
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in post)
    assert all(k[t][0] == "body" for t in preface)


def test_a_post_header_followed_by_more_post_headers_still_opens_other_posts() -> None:
    # a list of posts below the article (each with its headline and date): not the article's start
    later = [t.replace("Ferry", "Tram").replace("12 November", "10 November") for t in NEXT_POST]
    text = "\n".join(
        ["Bridge closed to trucks", "13 November 2018", *ARTICLE, *NEXT_POST, *later, *later[2:]]
    )
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert all(k[t][0] == "furniture" for t in [*NEXT_POST[2:], *later[2:]])


def test_a_date_line_early_in_the_article_opens_no_other_post() -> None:
    # (after two paragraphs: a section of the article with its date, not another post)
    text = "\n".join(["Bridge closed to trucks", *ARTICLE[:2], *NEXT_POST, *ARTICLE[2:]])
    k = kinds_of(text)
    assert all(k[t][0] == "body" for t in [*ARTICLE, *NEXT_POST[2:]])


def test_a_run_of_headlines_with_quoted_phrases_and_hashtags_is_a_teaser_list() -> None:
    heads = [
        "Volkswagen becomes a publisher: the radical new marketing of a car maker",
        "Flying blind instead of big data: the publishers' problem with “Flash Briefings”",
        "#trending: the toll, the murder case and the movie awards",
    ]
    text = "\n".join(["Bridge closed", *ARTICLE, *heads]) + "\n"
    k = kinds_of(text)
    assert all(k[h] == ("furniture", "teaser list") for h in heads)
    assert all(k[t] == ("body", "") for t in ARTICLE)


@pytest.mark.parametrize(
    "caption",
    [
        "The office the two firms share in Berlin. Foto: CC-BY-NC 2.0 David Merrigan",
        "Foto: Timur | flickr| CC BY 2.0",
    ],
)
def test_a_caption_whose_credit_names_a_licence_version_is_a_caption(caption: str) -> None:
    text = "\n".join(["Bridge closed", *ARTICLE[:2], caption, *ARTICLE[2:]]) + "\n"
    k = kinds_of(text)
    assert k[caption] == ("furniture", "photo caption")
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_teasers_whose_date_and_author_follow_their_excerpt_are_teasers() -> None:
    excerpts = [
        "The court decided to hear the case on online censorship against the government sooner than planned.",
        "Volunteers in forty countries met this weekend to write about the history of their towns and rivers.",
    ]
    lines = ["Bridge closed", *ARTICLE, "Related"]
    for n, ex in enumerate(excerpts):
        lines += [
            f"Teaser headline number {n}",
            "Advocacy",
            ex,
            f"2{n} July 2019 By Example Foundation",
            "Read more",
        ]
    text = "\n".join(lines) + "\n"
    k = kinds_of(text)
    assert all(k[ex] == ("furniture", "teaser (read more)") for ex in excerpts)
    assert all(k[t][0] == "body" for t in ARTICLE)


def test_a_date_line_above_one_continue_reading_link_keeps_the_article() -> None:
    text = "\n".join(["Bridge closed", *ARTICLE, "12 May 2021", "Continue reading"]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE)


SITE_FOOTER = [
    "The digital edition of the magazine, with interactive graphics and videos.",
    "Read the new issue before it reaches the shops, from Friday evening on every device you own, even offline.",
    "Subscription offers",
    "Archive",
    "Currency converter",
    "Crosswords",
    "Jobs",
]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "All rights reserved"),
        ("en", "© 2019 Example Media Ltd"),
        ("de", "Alle Rechte vorbehalten"),
        ("fr", "Tous droits réservés"),
        ("es", "Todos los derechos reservados"),
        ("pt", "Todos os direitos reservados"),
    ],
)
def test_the_site_footer_after_the_copyright_line_is_not_the_article(lang: str, line: str) -> None:
    text = "\n".join(["Bridge closed", *ARTICLE, "By Jane Doe", line, *SITE_FOOTER]) + "\n"
    segs, _info = classify_lines(text, lang)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert k[line] == ("furniture", "copyright line")
    assert k[SITE_FOOTER[0]] == ("furniture", "after the copyright line")
    assert k[SITE_FOOTER[1]] == ("furniture", "after the copyright line")


def test_a_copyright_credit_in_the_middle_of_the_article_ends_nothing() -> None:
    more = [
        "The ferry company said it would add two extra crossings a day until the bridge reopens next year.",
        "Residents of the old town asked for a footbridge, which the council promised to study this winter.",
    ]
    text = "\n".join(["Bridge closed", *ARTICLE, "© 2019 Example Photo Agency", *more]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE + more)


def test_the_articles_own_headline_lede_byline_and_date_are_no_teaser() -> None:
    lines = [
        "“We already have the promise”",
        "Menu",
        "The investigative newsroom stays on a story after it is first published, and keeps reporting on it.",
        "Politics",
        "“We already have the promise”",
        "The party says it knew nothing of a free newspaper sent to millions of homes before the state election.",
        "read on 5 minutes",
        "By Ana Ruiz, Jens Petersen",
        "14 May 2019",
        "First: the politicians involved deny that it happened this way, and their version is given below.",
        *ARTICLE,
    ]
    text = "\n".join(lines) + "\n"
    k = kinds_of(text)
    assert k[lines[5]] == ("body", "")
    assert k[lines[9]] == ("body", "")
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_a_short_line_alone_among_the_header_chrome_is_not_the_article() -> None:
    slogan = "The blog for women over forty and over fifty."
    deck = "The city closes its old harbour bridge."
    lines = [
        "Home",
        "News",
        "Travel",
        slogan,
        "Fashion",
        "Beauty",
        "Contact",
        "Bridge closed to trucks",
        deck,
    ]
    text = "\n".join([*lines, *ARTICLE]) + "\n"
    k = kinds_of(text)
    assert k[slogan] == ("furniture", "lone line in the page header")
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert k[deck][0] in ("body", "title")


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Москва — столица России, и это большой город.", 7),
        ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", 7),
        ("القاهرة هي عاصمة مصر الكبرى وأكبر مدنها.", 7),
        ("नई दिल्ली भारत की राजधानी है।", 6),  # (vowel signs are part of their word)
        ("東京都は日本の首都です。", 6),  # (11 characters without spaces: two to a word)
        ("Über die Größe für schön", 5),
    ],
)
def test_words_are_counted_in_every_script(line: str, words: int) -> None:
    from factcheck.ingest import _word_count

    assert _word_count(line) == words


def test_a_paragraph_in_cyrillic_greek_or_chinese_reads_as_prose() -> None:
    from factcheck.ingest import _Line

    for t in (
        "В понедельник городской совет проголосовал за закрытие старого моста для грузового транспорта "
        "со следующего месяца, сообщил мэр.",
        "Το δημοτικό συμβούλιο ψήφισε τη Δευτέρα να κλείσει η παλιά γέφυρα του λιμανιού για τα βαριά "
        "οχήματα από τον επόμενο μήνα.",
        "市议会周二投票决定从下个月起禁止重型车辆通过老港口大桥，市长在新闻发布会上告诉记者，工程师在两个钢支架上发现了裂缝。",
    ):
        line = _Line(0, len(t), t)
        assert line.words >= 15 and line.sentence and line.substantial, t


def test_a_short_line_with_a_date_in_an_extractors_text_stays_body() -> None:
    rec = {
        "title": "Repair café on 31 January",
        "text": "\n".join(
            [
                ARTICLE[0],
                "Friday, 31 January 2020, 3 to 6 pm",
                "Kampstraße 13, from 31.01.2020",
                *ARTICLE[1:],
            ]
        ),
    }
    art = article_from_record(rec, path="r.json", key="r")
    kinds = {art.text[s.start : s.end]: s.kind for s in art.segments}
    assert kinds["Friday, 31 January 2020, 3 to 6 pm"] == "body"
    assert kinds["Kampstraße 13, from 31.01.2020"] == "body"
    # (on a copied page the same line under the headline is the page's date line)
    page = "\n".join(["Repair café on 31 January", "Friday, 31 January 2020, 3 to 6 pm", *ARTICLE])
    assert kinds_of(page)["Friday, 31 January 2020, 3 to 6 pm"][0] == "meta"


def test_teaser_cards_with_their_date_glued_to_the_text_are_other_stories() -> None:
    cards = [
        "06.03.2016Werden Sie Ihr eigener Guide und lernen Sie, wie Sie Touren planen und sicher nachfahren.",
        "26.09.2019Das Portal ist Routenplaner und App in einem. Bisher musste man für Karten bezahlen.",
        "01.01.2022Neuer Rekord: Noch nie wurden so viele Aktivitäten hochgeladen wie im letzten Jahr.",
    ]
    kinds = kinds_of("\n".join(["Harbour bridge to close", *ARTICLE, "More stories", *cards]))
    assert all(kinds[c] == ("furniture", "list of other stories") for c in cards)
    assert all(kinds[a][0] == "body" for a in ARTICLE)
    # the article's own date glued to its lede is no list (one line, and no headline-less card)
    lede = "19.10.2019Am Samstag treffen die beiden Mannschaften im Stadion aufeinander, sagte der Trainer."
    kinds = kinds_of("\n".join(["Harbour bridge to close", lede, *ARTICLE]))
    assert kinds[lede][0] in ("body", "meta")


@pytest.mark.parametrize(
    ("name", "bio", "lang"),
    [
        ("Evan Tepest", "Evan Tepest ist Autor*in und Journalist*in und lebt in Berlin.", "de"),
        (
            "Martin Chikilian",
            "Martin Chikilian has worked as a Python developer since 2007 and lives in Berlin.",
            "en",
        ),
        (
            "Jule Radeck 300 posts",
            "Jule Radeck studierte Sportwissenschaften, bevor sie nach Hamburg zog.",
            "de",
        ),
    ],
)
def test_a_paragraph_about_the_person_a_line_names_is_an_author_box(name: str, bio: str, lang: str) -> None:
    text = "\n".join(["Harbour bridge to close", *ARTICLE, name, bio, "Share this article"])
    segs, _info = classify_lines(text, lang)
    kinds = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert kinds[bio] == ("furniture", "author bio")
    assert all(kinds[a][0] == "body" for a in ARTICLE)


def test_a_list_of_people_each_named_above_a_paragraph_is_the_article() -> None:
    people = [
        "Jane Doe",
        "Jane Doe is a teacher from Ohio who says the new law will change how her school is run.",
        "Tom Black",
        "Tom Black is a nurse in Leeds and has worked night shifts for ten years at the city hospital.",
    ]
    kinds = kinds_of("\n".join(["Harbour bridge to close", *ARTICLE, *people]))
    assert kinds[people[1]][0] == "body" and kinds[people[3]][0] == "body"


def test_a_subheading_and_a_paragraph_on_the_same_thing_are_no_author_box() -> None:
    section = [
        "Coinbase Fees",
        "Coinbase is a good start for beginners, but its fees can add up for small buyers.",
    ]
    kinds = kinds_of("\n".join(["Harbour bridge to close", *ARTICLE[:2], *section, *ARTICLE[2:]]))
    assert kinds[section[1]][0] == "body"


def test_a_question_headline_after_a_related_marker_does_not_restart_the_article() -> None:
    tail = [
        "Related stories",
        "What did a United States firm say about the harbour and what did it recommend to its clients?",
        "News",
        "Ferry fares to rise by five percent in January",
        "Sport",
    ]
    kinds = kinds_of("\n".join(["Harbour bridge to close", *ARTICLE, *tail]))
    assert kinds[tail[1]][0] == "furniture"


OTHER_STORIES = [
    "Which e-bike should I buy?",
    "Our guide says which model suits whom, and lists the prices of this spring.",
    "Night trains return to the Alps",
    "Three operators will run sleeper trains to Innsbruck and Zurich from December on.",
    "Is the new tablet worth its price?",
    "We tested the new tablet for two weeks. It is fast, but its battery disappoints.",
]


def test_teasers_whose_headlines_are_questions_are_other_stories() -> None:
    # (a headline ending in "?" opened no teaser: a run of them was read as an interview)
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, "More on the subject", *OTHER_STORIES])
    k = kinds_of(text)
    assert all(k[t] == ("furniture", "list of other stories") for t in OTHER_STORIES)
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_questions_each_with_a_short_answer_stay_an_interview() -> None:
    qa = [
        "Why did the bridge have to close?",
        "Two of its steel supports have cracks. Heavy trucks could make them worse within weeks.",
        "How long will the repairs last?",
        "We expect about four months of work, if the steel arrives in time for the summer.",
        "What do shop owners get?",
        "The council will discuss a compensation scheme for them at its next meeting in May.",
    ]
    k = kinds_of("\n".join(["Bridge closed to trucks", *ARTICLE, *qa]))
    assert all(k[t][0] == "body" for t in qa)


def test_headed_sections_that_share_the_articles_words_are_no_teasers() -> None:
    sections = [
        "Cracks in the supports",
        "The engineers found the cracks in two steel supports of the harbour bridge during a test.",
        "Trucks rerouted through the tunnel",
        "Heavy trucks will take the northern tunnel while the bridge repairs last, the council said.",
        "Compensation for shop owners",
        "Shop owners near the harbour bridge asked the council for a compensation scheme.",
    ]
    k = kinds_of("\n".join(["Bridge closed to trucks", *ARTICLE, *sections]))
    assert all(k[t] == ("body", "") for t in sections[1::2])


def test_a_run_of_headed_sections_broken_by_a_one_line_paragraph_goes_on() -> None:
    # a gallery's slides (a heading and a short text each, a slide counter between): the slides after a
    # slide with no heading are the article still, though little of its prose follows them
    slides = [
        (
            "Why do we feel fear?",
            "Fear is an old companion of every animal that ever had to flee from a hunter in the wild.",
        ),
        (
            "Fast reactions",
            "Any creature that does not run from larger animals has little chance to live on for long.",
        ),
        (
            "What happens in the body?",
            "Breathing and heart rate rise, and the muscles get more blood at once, ready to act.",
        ),
        (
            "Goose bumps",
            "The small muscles at the root of each hair tense as well, which makes the hair stand up.",
        ),
        (
            "Sugar in the blood",
            "The level of glucose in the blood rises sharply and gives the body energy for a fight.",
        ),
        (
            "Where it starts",
            "The reaction starts in the amygdala, a small bundle of neurons deep inside the brain.",
        ),
        (
            "Adrenaline comes in",
            "The glands release adrenaline into the blood, which keeps the body alert for a while.",
        ),
        (
            "Hearing and sight change",
            "Hearing can be weaker, and the hormones may narrow what the eyes see around us.",
        ),
        (
            "Tears and saliva",
            "Some people also shed tears or have a dry mouth when they are very scared of something.",
        ),
        (
            "Calming down again",
            "Once the danger is gone, the body slowly lowers its heart rate and its blood pressure.",
        ),
    ]
    lines = []
    for n, (head, text) in enumerate(slides):
        lines += [f"{n + 2}/14 photos © Picture Agency", head, text]
        if n == 5:
            lines.append("The pituitary gland then sends its hormones into the blood.")
    text = "\n".join(["Fear and the body | Stars", "Fear and the body", *ARTICLE, *lines])
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for _h, t in slides)


@pytest.mark.parametrize(
    ("lang", "marker", "headline"),
    [
        ("en", "Related", "Council approves new cycle lanes on the seafront after long debate"),
        ("de", "Lesen Sie auch", "Stadtrat beschließt neue Radwege an der Uferpromenade"),
        ("es", "Lea también", "El concejo aprueba nuevos carriles para bicicletas en el paseo marítimo"),
    ],
)
def test_a_headline_under_an_inline_related_marker_is_a_link_to_another_story(
    lang: str, marker: str, headline: str
) -> None:
    text = "\n".join(["Bridge closed to trucks", *ARTICLE[:2], marker, headline, *ARTICLE[2:]])
    segs, _info = classify_lines(text, lang)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert k[headline] == ("furniture", "link to another story")
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_a_subheading_or_a_sentence_under_an_inline_related_marker_stays() -> None:
    sub = "The repairs"  # (a subheading of the article: short)
    text = "\n".join(["Bridge closed to trucks", *ARTICLE[:2], "Related", sub, *ARTICLE[2:]])
    k = kinds_of(text)
    assert k[sub][1] != "link to another story"
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_the_article_goes_on_after_a_long_table_when_its_subject_goes_on() -> None:
    # a table copied as one short line per cell cuts the article in two: the part after it shares the
    # article's words and stays; a sidebar after the same gap does not and goes
    article = [
        f"The harbour bridge repairs cost {n} million, and the council expects the bridge to reopen in spring."
        for n in range(10, 19)
    ]
    table = [f"{n}.{n} million" for n in range(20, 34)]
    after = "The council said the bridge repairs will be paid from the harbour budget, and the bridge reopens in spring."
    sidebar = "Our newsletter brings you the best recipes and travel tips of the week, every Friday morning."
    k = kinds_of("\n".join(["Bridge closed to trucks", *article, *table, after, *table[:13], sidebar]))
    assert k[after] == ("body", "")
    assert k[sidebar][0] == "furniture"


# ---- the article's span: the run of lines with the most running text (``_prose_span``) --------------------

CHROME = ["Home", "News", "Sport", "Weather", "Contact us"]


def test_short_teasers_of_other_stories_below_the_articles_prose_are_furniture() -> None:
    teasers = [  # (headline, short summary; no date, no ellipsis, no read-more link)
        "Tablet buying guide",
        "Which tablet suits whom, with current prices.",
        "New phones tested in our lab",
        "Two cameras and a bigger battery for a modest price.",
    ]
    text = (
        "\n".join(["Bridge closed to trucks", *CHROME, *ARTICLE, "Advertisement", *teasers, *CHROME]) + "\n"
    )
    k = kinds_of(text)
    for line in ARTICLE:
        assert k[line] == ("body", ""), line
    for line in teasers:
        assert k[line][0] == "furniture", line
    for line in teasers[1::2]:  # (the headlines are short fragments already)
        assert k[line] == ("furniture", "after the article's prose"), line


def test_the_articles_closing_lines_and_its_subject_go_on_below_its_prose() -> None:
    closing = "The repairs are expected to take six weeks."
    after_a_box = [  # the article goes on after an inline box with a short section on its own subject
        "Related coverage",
        "What the bridge closure means",
        "Heavy traffic from the harbour bridge goes through the northern tunnel.",
    ]
    tail = "The council meets again next week."
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, closing, *after_a_box, tail, *CHROME]) + "\n"
    k = kinds_of(text)
    assert k[closing] == ("body", "")
    assert k["Heavy traffic from the harbour bridge goes through the northern tunnel."] == ("body", "")
    assert k["What the bridge closure means"][1] != "after the article's prose"
    assert k[tail] == ("body", "")


def test_a_long_paragraph_below_the_articles_prose_is_never_dropped_for_its_place() -> None:
    far = (
        "Volunteers collected more than two tons of rubbish from the beach on Saturday, the organisers of "
        "the annual clean-up said in a statement"
    )
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, *(CHROME * 3), far]) + "\n"
    assert kinds_of(text)[far][1] != "after the article's prose"


def test_a_short_closing_line_after_a_box_with_no_chrome_below_stays() -> None:
    last = "The work begins after the summer holidays, officials said."
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, "— Jane Doe (@jdoe) May 2, 2024", last])
    assert kinds_of(text + "\n")[last] == ("body", "")


def test_a_page_without_running_text_has_no_span_and_keeps_its_lines() -> None:
    lines = ["Opening hours", "Monday to Friday 9 to 5", "Saturday 10 to 2", "Closed on public holidays"]
    k = kinds_of("\n".join(lines) + "\n")
    assert all(why != "after the article's prose" for _kind, why in k.values())


def test_a_dated_comment_header_ending_in_said_opens_a_comment() -> None:
    header = "Pat Lee on March 3, 2017 at 9:12 pm said:"
    comment = "I skimmed the report and did not see any analysis of the cost of slower buses at all."
    text = "Bridge closed\n" + "\n".join([*ARTICLE, "Comments", header, comment]) + "\n"
    k = kinds_of(text)
    assert k[header][0] == "furniture"
    assert k[comment][0] == "furniture"
    assert all(k[p] == ("body", "") for p in ARTICLE)


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Roe is a Staff Writer at Example covering security and online platforms.",
        "Jane Roe (@janeroe) is an Ideas contributor at Example and the host of a daily radio show.",
    ],
)
def test_an_author_bio_with_a_capitalised_role_or_a_handle(bio: str) -> None:
    text = "Bridge closed\n" + "\n".join([*ARTICLE, bio]) + "\n"
    assert kinds_of(text)[bio] == ("furniture", "author bio")


READER_POSTS = [
    "Why should drivers pay for twenty years of neglect? The council knew about those supports since 2015.",
    "@harbourfan ^ Exactly, and the northern tunnel is already full every morning before eight o'clock.",
    "I cross that bridge every day on my bike and nobody ever asked cyclists what they think of the plan.",
]


@pytest.mark.parametrize(
    ("lang", "rules"),
    [
        ("en", "Your email address will not be published. Required fields are marked *"),
        ("en", "Required fields are marked *"),
        ("de", "Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"),
        ("fr", "Votre adresse e-mail ne sera pas publiée."),
        ("es", "Tu dirección de correo electrónico no será publicada."),
    ],
)
def test_readers_posts_after_the_comment_rules_are_not_the_article(lang: str, rules: str) -> None:
    text = "\n".join(["Bridge closed", *ARTICLE, rules, *READER_POSTS]) + "\n"
    segs, _info = classify_lines(text, lang)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert k[rules] == ("furniture", "comment rules")
    assert all(k[t] == ("furniture", "after the comment rules") for t in READER_POSTS)


def test_a_forums_rules_above_its_first_posts_end_nothing() -> None:
    lines = [
        "Harbour bridge thread",
        "Please read the forum rules before posting.",
        *ARTICLE[:2],
        *READER_POSTS,
    ]
    text = "\n".join(lines) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE[:2] + READER_POSTS)


@pytest.mark.parametrize(
    ("lang", "closed"),
    [
        ("en", "Comments are closed."),
        ("de", "21. Februar 2019 Redaktion Kommentare deaktiviert für Brücke gesperrt"),
    ],
)
def test_comments_closed_under_a_post_of_a_blogs_front_page_opens_no_thread(lang: str, closed: str) -> None:
    # (a blog's front page shows its posts one after the other, each with its comments closed)
    next_post = [
        "Ferry fares will rise by five percent in January, the operator announced in a statement on Sunday.",
        "The company said fuel and harbour fees had gone up and that it would add two crossings every day.",
    ]
    text = "\n".join(["Bridge closed", *ARTICLE, closed, "Ferry fares to rise", *next_post]) + "\n"
    segs, _info = classify_lines(text, lang)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert k[closed] == ("furniture", "comments closed")
    assert all(k[t] == ("body", "") for t in ARTICLE + next_post)


@pytest.mark.parametrize(
    ("lang", "heading", "profile"),
    [
        (
            "en",
            "About Acme Corp",
            "Acme Corp (NYSE: ACM) is a leading maker of steel bridges and tunnels, headquartered in Leeds, "
            "with about 3,000 employees in 12 countries.",
        ),
        (
            "de",
            "Über die Acme AG",
            "Die Acme AG ist ein führender Hersteller von Stahlbrücken mit Sitz in Leipzig und beschäftigt "
            "rund 3.000 Mitarbeiter in zwölf Ländern.",
        ),
        (
            "fr",
            "À propos d'Acme",
            "Acme est un constructeur de ponts en acier dont le siège est à Lyon et qui emploie environ "
            "3 000 personnes dans douze pays.",
        ),
    ],
)
def test_an_organisation_profile_after_a_press_release_is_not_the_article(
    lang: str, heading: str, profile: str
) -> None:
    text = "\n".join(["Bridge closed", *ARTICLE, heading, profile]) + "\n"
    segs, _info = classify_lines(text, lang)
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert k[heading] == ("furniture", "organisation profile")
    assert k[profile] == ("furniture", "organisation profile")


def test_an_about_heading_over_a_paragraph_that_does_not_name_it_stays_text() -> None:
    # (a subheading "About Town" over the article's own paragraph; and a profile heading above the
    # article's third paragraph: neither is a press release's profile)
    first = "About Acme Corp"
    text = "\n".join(["Bridge closed", ARTICLE[0], first, ARTICLE[1], *ARTICLE[2:], "About Town", ARTICLE[0]])
    k = kinds_of(text + "\n")
    assert k[first] != ("furniture", "organisation profile")
    assert all(v != ("furniture", "organisation profile") for v in k.values())


def test_a_section_about_an_organisation_that_the_article_goes_on_after_stays_text() -> None:
    # (a heading and a paragraph naming the company, with the article's text going on below: a section of
    # the article, not a press release's closing profile)
    heading = "About Acme Corp"
    section = (
        "Acme Corp, which built the bridge in 1932, said on Wednesday that it had warned the council about "
        "the supports twice."
    )
    text = "\n".join(["Bridge closed", *ARTICLE[:3], heading, section, ARTICLE[3]]) + "\n"
    k = kinds_of(text)
    assert k[section] == ("body", "")
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_a_box_of_dated_related_links_inside_the_article_does_not_end_it() -> None:
    # (the box of links with their dates stands between two of the article's paragraphs; its last link's
    # headline and date are no header of another post)
    box = [
        "Related Articles",
        "Ferry fares to rise in January",
        "26 Aug 2010",
        "Northern tunnel closed for a night of repairs",
        "24 Jan 2011",
        "Cyclists ask for a say on the harbour plan",
        "26 Jan 2011",
    ]
    rest = [
        "The bridge was opened in 1932 and carried some twelve thousand vehicles a day before the cracks were found.",
        "Repairs are expected to take at least eight months, and the council put their cost at four million pounds.",
        "A spokesman for the transport office said the tunnel could take the extra buses at peak hours with ease.",
    ]
    text = "\n".join(["Bridge closed", *ARTICLE, *box, *rest]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE + rest[1:])


@pytest.mark.parametrize(
    "stamp",
    [
        "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
        "First Posted: 1/11/12 06:57 PM ET Updated: 1/12/12 12:28 AM ET",
        "Posted: 01/10/2012 6:32 PM | Comments: 0 (including replies) | Last Modified: 01/10/2012 6:35 PM",
    ],
)
def test_a_line_of_posting_and_update_times_is_a_stamp(stamp: str) -> None:
    text = "\n".join(["Bridge closed", ARTICLE[0], stamp, *ARTICLE[1:]]) + "\n"
    k = kinds_of(text)
    assert k[stamp] == ("furniture", "update stamp")
    assert all(k[t] == ("body", "") for t in ARTICLE)


def test_a_sentence_with_two_times_is_no_stamp() -> None:
    line = "Posted at 6:32 PM, the notice was updated at 6:35 PM after the mayor had spoken to the engineers."
    text = "\n".join(["Bridge closed", ARTICLE[0], line, *ARTICLE[1:]]) + "\n"
    assert kinds_of(text)[line] == ("body", "")


@pytest.mark.parametrize(
    "first_line",
    [
        "Bridge closed to trucks for six months | 5: 00 PM",
        "Bridge closed to trucks for six months - 31.10.2023, 10.19 Uhr",
    ],
)
def test_a_date_line_after_the_headline_is_no_outlet(first_line: str) -> None:
    """A copied page's first line may end with its date line instead of a site's name: "5: 00 PM" and
    "31.10.2023, 10.19 Uhr" were taken for the outlet."""
    a = article_from_text("\n\n".join([first_line, *ARTICLE]), path="p.txt", key="p.txt")
    assert a.outlet is None


def test_a_sites_name_after_the_headline_is_still_the_outlet() -> None:
    a = article_from_text(
        "\n\n".join(["Bridge closed to trucks for six months | Harbour Times", *ARTICLE]),
        path="p.txt",
        key="p.txt",
    )
    assert a.outlet == "Harbour Times"


def _stamped_thread(names: list[str]) -> list[str]:
    """A thread whose headers are a poster's name and a stamp: one shape, but too few words for their
    wording to be compared ("~tomasz [2012-01-04 22:22]")."""
    out = []
    for minute, name in enumerate(names, start=10):
        out.append(f"~{name} [2012-01-04 22:{minute}]")
        out.append(
            f"The council should have closed the bridge {minute} years ago, nobody listened to us then."
        )
    return out


def test_a_thread_of_posts_with_headers_of_one_shape_after_the_article_is_furniture() -> None:
    thread = _stamped_thread(["tomasz", "luki2", "AZAZEL", "polka"])
    text = "Bridge closed\n" + "\n".join(ARTICLE + thread) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE)
    assert all(k[t][0] == "furniture" for t in thread), [t for t in thread if k[t][0] != "furniture"]
    assert k[thread[1]] == ("furniture", "comments or other posts (repeated header lines)")


def test_stamped_lines_of_one_shape_that_are_no_thread_stay() -> None:
    # a box of dated links inside the article (time, headline): the article goes on below it
    box = []
    for clock, head in (
        ("07:15 p. m.", "Ferry fares to rise by five percent in January, the operator says"),
        ("02:38 p. m.", "Man could go to prison for threatening the mayor on social media"),
        ("11:22 a. m.", "Watch out for the water cuts in the harbour district and the old town"),
    ):
        box += [clock, head]
    rest = [
        "The repairs are expected to cost about four million euros, most of it paid by the regional government.",
        "A first inspection of the supports had found no damage three years ago, the engineers' report says.",
        "Lorry drivers will have to take a detour of about twenty kilometres through the industrial estate.",
        "The harbour master said ships would still be able to pass under the bridge during the works.",
    ]
    text = "Bridge closed\n" + "\n".join(ARTICLE[:3] + box + [ARTICLE[3], *rest]) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE + rest)
    # a timeline: a date line over each of the article's paragraphs names no poster
    dates = ["3 May 2019", "21 June 2019", "2 July 2019", "9 August 2019"]
    timeline = [x for pair in zip(dates, rest, strict=True) for x in pair]
    text = "Bridge closed\n" + "\n".join(ARTICLE + timeline) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE + rest)


_NAMES = st.from_regex(r"[A-Za-zà-öø-ÿąęłńśźż][A-Za-z0-9à-öø-ÿąęłńśźż_]{0,11}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(
    name=_NAMES,
    when=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 12, 31)),
)
def test_a_comment_headers_shape_and_poster_do_not_depend_on_its_name_or_stamp(
    name: str, when: dt.datetime
) -> None:
    from factcheck.ingest import _header_shape, _Line, _post_stamp, _poster

    text = f"~{name} [{when:%Y-%m-%d %H:%M}]"
    line = _Line(0, len(text), text)
    assert _post_stamp(line)
    assert _header_shape(line) == "~a [0-0-0 0:0]"
    assert _poster(text) == (name.lower() if len(name) >= 2 else "")


def test_embedded_posts_signatures_inside_an_article_open_no_thread() -> None:
    """An article quoting posts: each quoted post is signed ("— Jane Doe (@jdoe) 25. September 2018") and the
    article's section on the next one follows, longer than a reader's comment."""
    sections = []
    for n, (name, handle) in enumerate((("Jane Doe", "jdoe"), ("Bo Lind", "bolind"), ("Ann Kay", "annk"))):
        sections += [
            f"— {name} (@{handle}) {n + 2}. September 2018",
            f"{name} wrote the post of the year about the harbour bridge, which was shared thousands of times.",
            f"{name} told us that the bridge had been a symbol of the town for more than a hundred years now.",
            f"The post of {name} came on the day the council announced that the old bridge would close for repairs.",
            f"Many readers answered {name} with photos of the bridge from their own family albums and postcards.",
        ]
    text = "Bridge closed\n" + "\n".join(ARTICLE + sections) + "\n"
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in ARTICLE + [s for s in sections if not s.startswith("—")])

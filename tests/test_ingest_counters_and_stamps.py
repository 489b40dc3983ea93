"""Raw page text: cards of other stories with their counters below each summary, and a line that dates the
page twice with a publication or update label inside it."""

from __future__ import annotations

from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck.ingest import classify_lines

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after a long debate that went on until late in the evening.",
    "Engineers found cracks in two of its steel supports, the mayor told reporters at a news conference "
    "held in the town hall on Wednesday morning.",
    "Buses will be rerouted through the northern tunnel while the repairs last, the transport office said "
    "in a statement published on its website.",
    "Shop owners near the bridge said they feared losing customers and asked the council for a "
    "compensation scheme to cover the months of work.",
]
SUMMARIES = [
    "Wine growers expect a record harvestGrowers in the south of the region said the warm and dry summer had "
    "given them the best grapes in twenty years.more",
    "New cycle path opens along the riverThe path links three villages with the city centre and was built in "
    "less than a year with money from the regional budget.more",
    "Museum shows forgotten paintingsForty works by local artists of the last century are on show for the "
    "first time since the museum's storage rooms were sorted.more",
    "School choir wins national contestThe choir of the town's music school beat twenty other choirs in the "
    "final round held in the capital on Saturday evening.more",
]


def _page(counters: list[list[str]]) -> str:
    lines = ["Harbour Times", "Bridge closed to trucks", *ARTICLE, "Share", "Print", "See similar"]
    for summary, marks in zip(SUMMARIES, counters, strict=True):
        lines += [summary, *marks]
    return "\n".join([*lines, "Imprint", "Contact"]) + "\n"


def test_cards_with_a_rating_and_views_below_each_summary_are_other_stories() -> None:
    counters = [[f"{r}.00/ {r}", f"{40 + 97 * i} views"] for i, r in enumerate((0, 5, 0, 4))]
    k = kinds_of(_page(counters))
    for summary in SUMMARIES[1:]:  # (the first card's counters lie below it: the cards are read from them)
        assert k[summary] == ("furniture", "card of another story")
    for line in ARTICLE:
        assert k[line] == ("body", "")


def test_cards_with_a_rating_views_and_a_comment_link_below_each_summary_are_other_stories() -> None:
    # (a Polish portal's lists: each card's rating, views and "comment (N)" link under its summary)
    counters = [[f"{r}.00/ {r}", str(40 + 97 * i), f"Skomentuj ({i})"] for i, r in enumerate((0, 5, 0, 4))]
    k = kinds_of(_page(counters), "pl")
    for summary in SUMMARIES[1:]:
        assert k[summary] == ("furniture", "card of another story")


def test_paragraphs_between_bare_numbers_are_no_cards() -> None:
    # (a page's numbers, "1", "2", with no word of a counter: no mark the cards share)
    k = kinds_of(_page([[str(i + 1)] for i in range(4)]))
    for summary in SUMMARIES:
        assert k[summary][1] != "card of another story"


def test_paragraphs_under_numbered_step_labels_are_no_cards() -> None:
    # (one short line with a figure over each paragraph: a step's label, not a card's counters)
    k = kinds_of(_page([[f"Step {i + 1}"] for i in range(4)]))
    for summary in SUMMARIES:
        assert k[summary][1] != "card of another story"


STAMPS = [
    "This article was published on example.co.uk at 11.41 GMT on Thursday 12 January 2012. It was last "
    "modified at 14.51 GMT on Thursday 12 January 2012.",
    "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)",
]


def test_a_line_that_dates_the_page_twice_with_a_label_inside_is_an_update_stamp() -> None:
    below = "\n".join(["Harbour Times", "Bridge closed to trucks", *ARTICLE, STAMPS[0], "Share"]) + "\n"
    assert kinds_of(below)[STAMPS[0]] == ("furniture", "update stamp")
    # (below the date line: the page has its date, and the stamp is no date line)
    under = (
        "\n".join(["Le Journal", "Le pont fermé aux camions", "30 avril 2015", STAMPS[1], *ARTICLE]) + "\n"
    )
    assert kinds_of(under, "fr")[STAMPS[1]] == ("furniture", "update stamp")


def test_two_times_of_an_event_are_the_article_s_text() -> None:
    line = (
        "The harbour show opens on Saturday, 21 May 2022 from 10.00 to 18.00, and the ferries leave at 9.30 "
        "on both days."
    )
    text = "\n".join(["Harbour Times", "Bridge closed to trucks", *ARTICLE[:2], line, *ARTICLE[2:]]) + "\n"
    assert kinds_of(text)[line] == ("body", "")


def test_a_stamp_line_at_the_top_of_the_page_stays_its_date_line() -> None:
    stamp = "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT"
    text = "\n".join(["Harbour Times", "Bridge closed to trucks", stamp, *ARTICLE]) + "\n"
    segs, info = classify_lines(text, "en")
    assert {text[s.start : s.end]: s.kind for s in segs}[stamp] == "meta"
    assert str(info["published"]) == "2019-11-18"

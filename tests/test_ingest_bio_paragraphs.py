"""Raw page text: an author's box after the article. A line of the author's role may stand between the
name and the bio ("Jane Morrow" / "Senior Editor" / "Jane Morrow is ..."), and the bio may go on for a
paragraph or two that name the person or open with a pronoun ("Jane holds ...", "When she is not ...");
those paragraphs are the box's too when the page's furniture follows them. A heading over a paragraph of
the article's own ("Art Deco" / "Art Deco is a style ..."), with the article going on below, stays text.
Inside the article, a labelled link to another story ("Read more: <headline>") is furniture."""

from __future__ import annotations

from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

from factcheck import ingest

HEAD = "Harbour bridge closed to heavy traffic"
MORE = [
    "The repairs are expected to take about six weeks, and the council will review the work at its next "
    "meeting in the spring.",
    "Local businesses near the bridge said they feared losing customers during the closure, which comes "
    "at the start of the busy season.",
]
# (no journalist's bio: those the bio pattern finds alone; a company's author is a consultant, an owner)
BIO = (
    "Jane Morrow is a transport consultant with twelve years of experience in planning, and works with city "
    "councils across the region on their roads and bridges."
)
BIO_MORE = [
    "Jane holds a degree in civil engineering from the state university and teaches a course on planning.",
    "When she is not working, she sails on the bay with her two children and volunteers at the library.",
]
FOOT = ["Share", "Recent Posts", "Home", "Contact"]


def _page(*box: str) -> str:
    return "\n\n".join([HEAD, *ARTICLE, *MORE, *box, *FOOT])


def test_a_role_line_between_the_name_and_the_bio() -> None:
    kinds = kinds_of(_page("Share", "Jane Morrow", "Senior Consultant", BIO))
    assert kinds[BIO] == ("furniture", "author bio")
    for para in ARTICLE + MORE:
        assert kinds[para] == ("body", ""), para


def test_the_bio_s_later_paragraphs_are_the_box_s() -> None:
    kinds = kinds_of(_page("Share", "Jane Morrow", BIO, *BIO_MORE))
    assert kinds[BIO] == ("furniture", "author bio")
    for para in BIO_MORE:
        assert kinds[para] == ("furniture", "author bio"), para
    for para in ARTICLE + MORE:
        assert kinds[para] == ("body", ""), para


def test_a_heading_over_the_article_s_own_paragraphs_keeps_them() -> None:
    # (a list of the article's own: headings over paragraphs that describe each item, the article going on)
    deco = "Art Deco is a distinctive furniture style that emerged in the early twentieth century in France."
    more = "Art Deco furniture captures the spirit of the Jazz Age, with sleek lines and symmetrical designs."
    text = "\n\n".join([HEAD, *ARTICLE, "Art Deco", deco, more, "Art Nouveau", *MORE, *FOOT])
    assert kinds_of(text)[more] == ("body", "")


def test_a_labelled_link_to_another_story_inside_the_article() -> None:
    link = "Read more: Council approves a new ferry line to the northern islands after years of debate"
    kinds = kinds_of("\n\n".join([HEAD, ARTICLE[0], ARTICLE[1], link, ARTICLE[2], *MORE, *FOOT]))
    assert kinds[link] == ("furniture", "link to another story")
    for para in ARTICLE + MORE:
        assert kinds[para] == ("body", ""), para


def test_bio_pronouns_are_data_of_each_language() -> None:
    for code in ("en", "de", "fr", "es", "pt"):
        assert ingest._bio_pronoun(code).pattern != "(?!)", code

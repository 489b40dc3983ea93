"""Raw page text: long paragraphs below the article's span and below the page's end-of-article marker
("Related", "Weitere Artikel") are judged by their topic: other stories' text there is furniture; the
article's own paragraphs, and any long paragraph where no marker says the article is over, stay."""

from __future__ import annotations

import pytest
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck import ingest

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after a long debate that went on until late in the evening.",
    "Engineers found cracks in two of the bridge's steel supports, the mayor told reporters at a news "
    "conference held in the town hall on Wednesday morning.",
    "Buses will be rerouted through the northern tunnel while the bridge repairs last, the transport office "
    "said in a statement published on its website.",
    "Shop owners near the bridge said they feared losing customers and asked the council for a "
    "compensation scheme to cover the months of bridge repairs.",
]
# the article goes on past the marker (a paragraph right under it), then the page's chrome
GOES_ON = (
    "The harbour bridge repairs are expected to cost the council about four million euros and to take "
    "at least eight months, the mayor said."
)
CHROME = ["Home", "News", "Sport", "Weather", "Contact", "Imprint", "Jobs", "Archive"]
OTHER = [
    "Wine growers in the south of the region expect a record harvest this autumn after a warm and dry "
    "summer gave them the best grapes in twenty years.",
    "A museum in the old town shows forty forgotten works by local painters of the last century for the "
    "first time since its storage rooms were sorted.",
]
# the article's own subject again (a section after a box of links): it stays
MORE = (
    "Engineers will inspect the harbour bridge supports again in the spring, and the council may close "
    "the bridge to buses too if the cracks grow, the mayor said."
)


def _page(marker: str | None, below: list[str]) -> str:
    head = ["Harbour bridge closed to heavy traffic", *ARTICLE]
    return "\n\n".join([*head, *([marker] if marker else []), GOES_ON, *CHROME, *below])


@pytest.mark.parametrize(("marker", "lang"), [("Related", "en"), ("Weitere Artikel", "de")])
def test_other_stories_below_the_marker_and_the_span_are_furniture(marker: str, lang: str) -> None:
    kinds = kinds_of(_page(marker, OTHER), lang)
    assert kinds[GOES_ON][0] == "body"  # (the article went on past the marker)
    for para in OTHER:
        assert kinds[para] == ("furniture", "after the article's prose")


def test_with_no_marker_a_long_paragraph_right_below_the_span_stays() -> None:
    # (fewer than PROSE_GAP_LINES lines of chrome between: tests/test_ingest_below_the_prose.py has the rest)
    text = "\n\n".join(["Harbour bridge closed to heavy traffic", *ARTICLE, GOES_ON, *CHROME[:5], *OTHER])
    kinds = kinds_of(text)
    for para in OTHER:
        assert kinds[para][0] == "body"


def test_the_article_s_subject_below_the_marker_stays() -> None:
    kinds = kinds_of(_page("Related", [MORE]))
    assert kinds[MORE][0] == "body"


def test_the_end_marker_comes_after_three_paragraphs() -> None:
    text = _page("Related", OTHER)
    lines = ingest._lines(text, ingest._front_matter(text)[0])
    at = ingest.end_marker(lines, "en")
    assert at is not None and lines[at].text == "Related"
    early = "\n\n".join(["Related", *ARTICLE[:2]])  # (above the article's third paragraph: no end)
    assert ingest.end_marker(ingest._lines(early, ingest._front_matter(early)[0]), "en") is None

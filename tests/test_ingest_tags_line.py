"""Raw page text: a labelled line of tags or topics is furniture however long it is (the ``line`` markers'
"Tags: ..." stops at eight words), when what follows its label is a list of short items."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

from factcheck import furniture
from factcheck import lang as langres

# tags lines of two pages and more (trafilatura's evaluation pages and the gold sets' development halves):
# indianexpress.com, abcnews.go.com, thehindu.com, observer.com, wp.pl
TAGS_LINES = [
    "Tags: drink alcohol, alcohol chemicals, University of California, lifestyle news",
    "Related Topics: Center for Disease Control, Detroit, Alzheimer's Disease, Liver Health, Parkinson's "
    "Disease, Kidney Health, Lung Diseases, Heart Disease, Stroke, Cancer",
    "Keywords: Drug-Resistant TB, tuberculosis, Totally Drug-Resistant TB, WHO, Extensively Drug-Resistant TB",
    "Filed Under: Arts, Visual Art, Jean-Paul Claverie, Kimbell Art Museum, Jean Simeon Chardin, Laurence "
    "des Cars, Gustave Caillebotte, Louvre Museum, France, Europe,",
    "TAGS: ann wilson, drama, eighties, heart, loneliness, Music, nancy wilson, power ballads, Rock",
]


def _page(line: str, lang: str = "en") -> str:
    return "\n".join(["Harbour Times", "Bridge closed to trucks", *ARTICLE, line, "Share", "Contact"]) + "\n"


@pytest.mark.parametrize("line", TAGS_LINES)
def test_a_long_tags_line_below_the_article_is_furniture(line: str) -> None:
    got = kinds_of(_page(line))
    assert got[line] == ("furniture", "tags line")
    assert all(got[p] == ("body", "") for p in ARTICLE)


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "pt", "pl"])
def test_each_languages_tags_examples_are_tags_lines(code: str) -> None:
    tags = [m for m in furniture.markers(code) if m.kind == "tags"]
    assert tags, code
    for m in tags:
        for ex in m.examples:
            if len(ex.split()) <= 8 and code == "en":
                continue  # (a short one is the ``line`` markers' "page chrome" already)
            got = kinds_of(_page(ex), code)
            assert got[ex][0] == "furniture", (code, ex, got[ex])


def test_labelled_prose_and_short_lists_stay() -> None:
    prose = [
        # the label opens a sentence that ends
        "Topics: the council discussed the budget, the new schools, the roads and the harbour bridge.",
        # two items only
        "Keywords: harbour bridge repairs in the old town centre, heavy traffic rerouted to the tunnel",
        # an item too long for a tag
        "Tags: the council voted on Tuesday to close the old harbour bridge to heavy traffic, bridge, council",
    ]
    for line in prose:
        assert kinds_of(_page(line))[line] == ("body", ""), line


def test_the_tags_label_is_data_of_each_language() -> None:
    for code in ("en", "de", "fr", "es", "pt"):
        assert any(m.kind == "tags" for m in furniture.markers(code)), code
        assert "tags" in {m["kind"] for m in langres.resource(code, "furniture")["marker"]}

"""bench/ingest.py: where the leaked claims after a page's article stand in the raw text as factcheck read it
(inside its own span of the article or below it, in a paragraph, below an end-of-article marker)."""

from __future__ import annotations

from bench_modules import bench_module  # tests/bench_modules.py

from factcheck import ingest

ARTICLE = [
    "The city council approved the new budget on Monday after a debate that lasted for more than six hours.",
    "The plan adds two hundred million dollars for schools and roads, the mayor told reporters after the vote.",
    "Opponents said the budget raises property taxes too quickly for families who already struggle to pay rent.",
    "The council will vote again on the final details of the tax plan at its next meeting in two weeks.",
]
OTHER = [
    "A second story about the harbour follows here, with a long paragraph that reads like running text too.",
    "And a third story about the football club follows it, also long enough to count as a paragraph of text.",
]
CHROME = ["Home", "News", "Sport", "Weather", "Contact", "Imprint", "Jobs", "Archive"]
FOOTER = "The newsletter of the city paper arrives every morning with the news of the day in your inbox."


def _page() -> tuple[ingest.Article, dict[str, int]]:
    lines = ["City council approves budget", *ARTICLE, "Related", *OTHER, *CHROME, FOOTER]
    text = "\n\n".join(lines)
    art = ingest.article_from_text(text, path="page.txt", key="page")
    return art, {line: text.index(line) for line in lines}


def test_claims_after_the_article_are_placed_in_the_span_below_it_and_below_a_marker() -> None:
    bench = bench_module("ingest")
    art, at = _page()
    end = at[ARTICLE[-1]]
    starts = [at[ARTICLE[0]], at[OTHER[0]], at[OTHER[1]], at[FOOTER]]
    places = bench.after_places(art, starts, end)
    # (the claim inside the article is no claim after it; the two other stories run on in the span of
    # running text, the footer stands below it, past eight lines of menu)
    assert places == {
        "after": 3,
        "above span": 0,
        "in span": 2,
        "below span": 1,
        "15+": 3,
        "after a marker": 3,
    }


def test_no_claims_after_the_article_count_nothing() -> None:
    bench = bench_module("ingest")
    art, at = _page()
    assert bench.after_places(art, [at[ARTICLE[1]]], at[ARTICLE[-1]]) == dict.fromkeys(
        ("after", "above span", "in span", "below span", "15+", "after a marker"), 0
    )


def test_a_claim_between_the_article_and_factcheck_s_span_is_above_the_span() -> None:
    """factcheck took another text for the article (the span lies past the article's end)."""
    bench = bench_module("ingest")
    lines = [ARTICLE[0], OTHER[0], *CHROME, *ARTICLE[1:], *OTHER[1:], FOOTER]
    text = "\n\n".join(lines)
    art = ingest.article_from_text(text, path="page.txt", key="page")
    places = bench.after_places(art, [text.index(OTHER[0])], text.index(ARTICLE[0]))
    assert (places["after"], places["above span"], places["in span"]) == (1, 1, 0)


def test_claims_inside_the_article_are_counted_inside_factcheck_s_span_or_not() -> None:
    """A claim inside the page's article lies inside factcheck's own span of it (a box between its
    paragraphs), or in a part of the article the span leaves out (its first lines above a long menu)."""
    bench = bench_module("ingest")
    lines = [OTHER[0], *CHROME, *ARTICLE, FOOTER]
    text = "\n\n".join(lines)
    art = ingest.article_from_text(text, path="page.txt", key="page")
    at = {line: text.index(line) for line in lines}
    assert bench.inside_in_span(art, [at[OTHER[0]], at[ARTICLE[1]], at[ARTICLE[2]]]) == 2
    assert bench.inside_in_span(art, []) == 0

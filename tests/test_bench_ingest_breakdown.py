"""bench/ingest.py: the aggregate breakdown of a page's raw claims (language, vocabulary, script, page length and
the structural shape of each claim's line)."""

from __future__ import annotations

from bench_modules import bench_module  # tests/bench_modules.py

from factcheck import ingest

PARAGRAPH = (
    "The city council approved the new budget on Monday after a debate that lasted for more than six hours."
)
SHORT = "The mayor spoke after the vote."
PROMO = "Download our app for the news of the day."
DATED = "Council meets again on 12.05 to vote on the tax plan for the next year."
HEADLINE = "Harbour plan delayed by a year after new survey"


def test_each_claim_gets_the_shape_of_its_line_and_the_page_s_values() -> None:
    bench = bench_module("ingest")
    lines = [
        "Home",
        PARAGRAPH,
        PROMO,
        "Sport",
        SHORT,
        PARAGRAPH,
        "Weather",
        HEADLINE,
        "News",
        DATED,
        PARAGRAPH,
    ]
    lines[5] = PARAGRAPH.replace("Monday", "Tuesday")  # (one copy only of each paragraph but the first)
    lines[10] = PARAGRAPH.replace("six", "seven")
    lines.insert(4, PROMO)  # (the promotion twice on the page)
    text = "\n".join(lines)
    art = ingest.article_from_text(text, path="page.txt", key="page")
    art.language = "en"
    at = {line: text.index(line) for line in (PARAGRAPH, PROMO, SHORT, HEADLINE, DATED)}
    rows = bench.breakdown(art, text, [at[PARAGRAPH], at[PROMO], at[SHORT], at[HEADLINE], at[DATED]])
    assert [r[:4] for r in rows] == [("full", "en", "latin", "< 5k chars")] * 5
    assert [r[4] for r in rows] == [
        "paragraph 15+",  # (19 words, closed; the promotion below it has 8+ words: no short-line run)
        "repeated",
        "short sentence",  # (closed, under 15 words; the promotion above and a paragraph below)
        "in a short-line run",  # (between "Weather" and "News")
        "dated",
    ]
    assert [r[5] for r in rows] == ["first 10%", "middle", "middle", "middle", "middle"]
    assert bench.breakdown(art, text, [text.rindex("hours")])[0][5] == "last 10%"  # (in the page's last line)


def test_a_claim_s_place_in_the_page_by_tenths() -> None:
    bench = bench_module("ingest")
    assert [bench._page_position(at, 1000) for at in (0, 99, 100, 899, 900, 999)] == [
        "first 10%",
        "first 10%",
        "middle",
        "middle",
        "last 10%",
        "last 10%",
    ]
    assert bench._page_position(0, 0) == "first 10%"


def test_no_claims_no_rows_and_an_unknown_language_has_no_vocabulary() -> None:
    bench = bench_module("ingest")
    art = ingest.article_from_text(PARAGRAPH, path="p.txt", key="p")
    assert bench.breakdown(art, PARAGRAPH, []) == []
    art.language = "sv"
    assert bench.breakdown(art, PARAGRAPH, [0])[0][:3] == ("none", "sv", "latin")
    art.language = "pl"
    assert bench.breakdown(art, PARAGRAPH, [0])[0][0] == "thin"
    assert bench._script("Это статья о бюджете города.") == "cyrillic"

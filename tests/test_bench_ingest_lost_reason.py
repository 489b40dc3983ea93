"""bench/ingest.py's ``lost_reason``: a reference paragraph the raw path lost is placed by the segment of the
raw text that holds most of its words (found by words, not by its first characters), and one the raw text
does not hold is the measure's own miss ("not found in the raw text"), not a loss."""

from __future__ import annotations

from bench_modules import bench_module  # tests/bench_modules.py

from factcheck.model import Article, Segment

BODY = (
    "The city council approved the new budget on Monday after a debate that lasted for more than six hours."
)
TEASER = (
    "Another story: the harbour will close for repairs in the spring, and the ferries will leave from the "
    "northern pier instead, the port authority said."
)


def _article() -> Article:
    text = f"{BODY}\n{TEASER}\n"
    art = Article(path="p.txt", key="p", id="p", text=text)
    art.segments = [
        Segment(0, len(BODY), "body", ""),
        Segment(len(BODY) + 1, len(BODY) + 1 + len(TEASER), "furniture", "teaser"),
    ]
    return art


def test_a_lost_paragraph_is_placed_by_the_segment_that_holds_it() -> None:
    bi = bench_module("ingest")
    # the reference spells it with other quotes and spaces, and opens it otherwise: still found by its words
    para = "“Another story” :  the harbour will close for repairs in the spring, and the ferries will leave from the northern pier instead"
    assert bi.lost_reason(_article(), para) == "furniture: teaser"
    assert bi._reason(_article(), para) == "not in the text"  # (the old lookup by the first characters)


def test_a_paragraph_the_raw_text_does_not_hold_is_the_measures_miss() -> None:
    bi = bench_module("ingest")
    para = "Name: Escape Plan 2 Level: 85 NPC: Slave Jabur Quest must be finished first; reward 36,000 experience points"
    assert bi.lost_reason(_article(), para) == "not found in the raw text"

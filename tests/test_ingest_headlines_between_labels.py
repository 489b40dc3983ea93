"""Raw page text: a box of other stories inside the article, whose headlines each sit beside a short label
(the source's name under each headline, a count of views, a video's length), is furniture with its own
reason. The first reading of lists of headlines sees no run there, since the labels are taken for furniture
only by later rules; the list is read again once they have run, from the article's first paragraph on. The
article's own text stays: a hard-wrapped sentence between short lines is no list of headlines, and nothing
above the article's first paragraph is read again (the article's headline and its deck)."""

from __future__ import annotations

import pytest
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck import ingest

HEAD = "Harbour bridge closed to heavy traffic"
ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after a long debate that went on until late in the evening.",
    "Engineers found cracks in two of the bridge's steel supports, the mayor told reporters at a news "
    "conference held in the town hall on Wednesday morning.",
    "Buses will be rerouted through the northern tunnel while the bridge repairs last, the transport office "
    "said in a statement published on its website.",
    "Shop owners near the bridge said they feared losing customers and asked the council for a "
    "compensation scheme to cover the months of bridge repairs.",
    "The harbour bridge repairs are expected to cost the council about four million euros and to take "
    "at least eight months, the mayor said.",
    "The transport office will put up signs on the roads to the harbour bridge next week, and the police "
    "will check heavy vehicles at both ends of the bridge.",
    "Residents of the old harbour quarter welcomed the council's decision, saying the heavy traffic on the "
    "bridge had kept them awake at night for years.",
    "The bridge was built more than a century ago for horse carts and trams, and was last repaired in the "
    "years after the war, the city's archive shows.",
    "Hauliers said the detour through the northern tunnel would add half an hour to each trip to the port "
    "and asked the council to shorten the works.",
    "The council will decide in the spring whether to build a new bridge beside the old one, which would "
    "then be kept for walkers and cyclists only.",
]
CHROME = ["Home", "News", "Sport", "Weather", "Contact", "Imprint", "Jobs", "Archive"]
# other stories' headlines, written anew in the shape of the development pages' boxes (a portal's videos
# under their source's name, a radio's most-read list with its counts of views, a sports site's clips)
HEADLINES = [
    "Police ask drivers to avoid the city centre during the marathon",
    "Celebrity chef opens a second restaurant in the old fish market",
    "Weather service warns of fog and frost on the coast tonight",
    "Supermarket chain to cut hundreds of jobs across the region",
]
LABELS = {
    "source": ["Coast Online"] * 4,
    "views": ["13155", "11651", "17880", "8984"],
    "length": ["0:46", "1:12", "2:05", "0:58"],
}


def _box(labels: list[str]) -> list[str]:
    return [line for pair in zip(HEADLINES, labels, strict=True) for line in pair]


def _page(*inside: str) -> str:
    return "\n\n".join([HEAD, *ARTICLE[:5], *inside, *ARTICLE[5:], *CHROME])


@pytest.mark.parametrize("labels", LABELS.values(), ids=LABELS.keys())
def test_headlines_between_labels_inside_the_article_are_furniture(labels: list[str]) -> None:
    kinds = kinds_of(_page(*_box(labels)))
    for line in HEADLINES:
        assert kinds[line] == ("furniture", ingest.HEADLINES_BETWEEN_LABELS), line
    for para in ARTICLE:
        assert kinds[para] == ("body", ""), para


def test_the_first_reading_does_not_see_the_run() -> None:
    # (what the rule is for: without it the headlines are the article's text, the labels between them
    # being taken for furniture only after the first reading of lists of headlines)
    segs, _info = ingest.classify_lines(_page(*_box(LABELS["source"])), "en")
    reasons = {s.reason for s in segs}
    assert "teaser list" not in reasons
    assert ingest.HEADLINES_BETWEEN_LABELS in reasons


def test_a_hard_wrapped_sentence_between_short_lines_stays() -> None:
    # (each line goes on in lower case on the next one: a sentence cut by the page's width, not a headline)
    wrapped = [
        "The transport office said that the northern tunnel would stay open to",
        "buses (#12)",
        "The council added that the signs on the harbour roads would go up before",
        "Monday (#13)",
        "The mayor said that the engineers would report to the council again in",
        "spring (#14)",
    ]
    kinds = kinds_of(_page(*wrapped))
    for line in wrapped[::2]:
        assert kinds[line][1] != ingest.HEADLINES_BETWEEN_LABELS, line


def test_nothing_above_the_article_s_first_paragraph_is_read_again() -> None:
    # (a headline and its deck between a section label and a counter, under a sentence of the page's header
    # where the first reading begins: the article's own)
    top = [
        "The weather in the city is sunny and mild today.",
        "Health",
        "Can toothpaste and deodorants really cause a serious illness in women",
        "Reading",
        "0",
        "Doctors have still not agreed on what causes the illness in most patients",
        "And this is far from the whole list of suspect products",
    ]
    text = "\n\n".join([*top, *ARTICLE, *CHROME])
    kinds = kinds_of(text)
    for line in (top[2], top[5], top[6]):
        assert kinds[line][1] != ingest.HEADLINES_BETWEEN_LABELS, line

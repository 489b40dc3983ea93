"""Raw page text: a long line far below the article's prose (PROSE_GAP_LINES lines of chrome or more below
the text kept) that does not go on with the article's subject is furniture with its own reason, even where
no end-of-article marker says the article is over: a consent notice, a newsletter box, another story's
summary. The article's own text there stays: a section that shares the article's subject in any of its lines,
a line right below the text kept, and the long lines of a page whose long lines below the article hold
BELOW_SHARE of its words or more (a thread of posts, an article in parts: no topic test tells them from the
article)."""

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
]
CHROME = ["Home", "News", "Sport", "Weather", "Contact", "Imprint", "Jobs", "Archive"]
# the shapes taken on the development pages (a tax adviser's and a university's consent and newsletter
# boxes, a newspaper's summaries of other stories), written anew
FURNITURE = [
    "Please note that our website uses its own cookies as well as cookies of third parties, which store "
    "data such as your settings on your device when you visit it.",
    "Your e-mail address is only used to send you our newsletter, and the link included in every issue we "
    "send ends it.",  # (with "you can unsubscribe at any time" a marker names it first: a newsletter form)
    "Around the world fewer cars are being built this year, and that leaves deep marks in the accounts of "
    "the largest supplier of the motor industry.",
]
# the article goes on below a box of other stories, first with a line that shares none of its words
RESUMED = [
    "Authorities in the north of the province, close to the border, had closed a smaller crossing in the "
    "same way two years ago for three weeks.",
    "The council said the harbour bridge would reopen to heavy traffic once the engineers had replaced "
    "the cracked steel supports.",
]

OTHER = (
    "A museum in the old town shows forty forgotten works by local painters of the last century for the "
    "first time since its storage rooms were sorted."
)


def _page(*below: str, chrome: int = len(CHROME)) -> str:
    return "\n\n".join([HEAD, *ARTICLE, *CHROME[:chrome], *below, *CHROME])


@pytest.mark.parametrize("line", FURNITURE)
def test_a_long_line_off_the_topic_far_below_the_prose_is_furniture(line: str) -> None:
    kinds = kinds_of(_page(line))
    assert kinds[line] == ("furniture", ingest.BELOW_THE_PROSE)
    for para in ARTICLE:
        assert kinds[para][0] == "body"


def test_right_below_the_prose_a_long_line_stays() -> None:
    # (fewer lines of chrome than PROSE_GAP_LINES between the article's text and the line)
    for line in FURNITURE:
        assert kinds_of(_page(line, chrome=ingest.PROSE_GAP_LINES - 1))[line][0] == "body", line


def test_a_section_that_goes_on_with_the_article_stays_whole() -> None:
    kinds = kinds_of(_page(*RESUMED))
    for line in RESUMED:
        assert kinds[line][0] == "body", line


def test_where_much_text_lies_below_the_article_nothing_is_judged_by_its_topic() -> None:
    # (a thread of posts, an article in parts: the text below holds BELOW_SHARE of the article's words or more)
    below = [*FURNITURE, RESUMED[0], OTHER]
    menu = [*CHROME, "Podcasts", "Video", "Photos", "Events", "Shop", "Games", "Puzzles", "Travel"]
    text = "\n\n".join([HEAD, *ARTICLE, *menu, *below[:3], "Reply", *below[3:], *CHROME])
    kinds = kinds_of(text)
    for line in below:
        assert kinds[line][0] == "body", line

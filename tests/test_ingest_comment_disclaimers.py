"""Raw page text: a comment section's disclaimer ("Reader comments on Sacbee.com are the opinions of the writer,
not The Sacramento Bee. ...", "Opinions expressed below are those of the writers ...", "Please be aware when
you leave a comment your user name, screen name and photo may be displayed ...") is furniture ("disclaimer"),
in a line of up to 40 words or a longer paragraph it opens; the article's own words on views expressed stay."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

# the gold sets' development half: sacbee.com, pulsetoday.co.uk, lifestyle.aol.co.uk (two pages)
NOTES = [
    "Reader comments on Harbourtimes.com are the opinions of the writer, not The Harbour Times. If you see an "
    'objectionable comment, click the "Report Abuse" link below it. We will delete any comments that include '
    "obscenity, personal attacks or spam, and flagrant or repeat violators will be banned from commenting.",
    "Opinions expressed below are those of the writers and do not necessarily reflect those of Harbour Times. "
    "Comments are considered in the public domain and may be used in future coverage.",
    "Please be aware when you leave a comment your user name, screen name and photo may be displayed with your "
    "comment and visible to everyone on the internet.",
]


@pytest.mark.parametrize("note", NOTES)
def test_a_comment_sections_disclaimer_is_furniture(note: str) -> None:
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, note, "Share", "Contact"]) + "\n"
    got = kinds_of(text)
    assert got[note] == ("furniture", "disclaimer")
    assert all(got[p] == ("body", "") for p in ARTICLE)


def test_views_expressed_in_the_article_stay() -> None:
    line = (
        "The views expressed in the report do not reflect the policy of the department, a spokeswoman said, and "
        "the opinions expressed below the bridge by the protesters were those of a small group."
    )
    text = "\n".join(["Bridge closed to trucks", *ARTICLE[:2], line, ARTICLE[2]]) + "\n"
    assert kinds_of(text)[line] == ("body", "")

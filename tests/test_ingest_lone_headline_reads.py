"""Round 38, part speedearly38: a line that may be another story's headline is looked for in the article line by
line (the title first, then the paragraphs), each line's words read once and only until one of the candidate's
words is found; the readings are those of the union of every line's words (tests/test_ingest_lone_headlines.py)."""

from __future__ import annotations

import pytest
from line_kinds import kinds_of  # tests/line_kinds.py
from test_ingest_lone_headlines import PARAGRAPHS, TEASER_EN, TITLE

from factcheck import ingest
from factcheck.ingest import LONE_HEADLINE


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    real = ingest._topic_words

    def topic_words(text: str, stop: frozenset[str]) -> set[str]:
        read.append(text)
        return real(text, stop)

    monkeypatch.setattr(ingest, "_topic_words", topic_words)
    return read


def test_a_subheading_sharing_the_titles_words_reads_no_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    subheading = "What the ruling on birthright citizenship means for the children of noncitizens"
    text = "\n\n".join([TITLE, *PARAGRAPHS[:2], "Advertisement", subheading, *PARAGRAPHS[2:]])
    read = _counted(monkeypatch)
    assert kinds_of(text, "en")[subheading] == ("body", "")
    assert subheading in read and TITLE in read
    assert not set(PARAGRAPHS) & set(read)  # (the title shares "birthright" and "citizenship")


def test_another_storys_headline_reads_every_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join([TITLE, *PARAGRAPHS[:2], "Advertisement", "Read more", TEASER_EN, *PARAGRAPHS[2:]])
    read = _counted(monkeypatch)
    assert kinds_of(text, "en")[TEASER_EN] == ("furniture", LONE_HEADLINE)
    for line in (TITLE, *PARAGRAPHS):
        assert read.count(line) == 1

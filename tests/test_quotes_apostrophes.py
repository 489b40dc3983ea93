"""Quotations written with two apostrophes (the New York Times' archive style, issue #16): their quoted words
start after the marks, and a closing pair is read where it stands, next to the words it closes."""

from __future__ import annotations

import pytest

from factcheck import attribution, extract

# (PolNeAR train, two NYT articles)
_SAID = "In February, Mr. Trump said, ''I'd like to punch him in the face.''"
_TOLD = "''You need to bomb the Iranian nuclear facilities,'' Representative Michele Bachmann told Mr. Obama."


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (_SAID, "I'd like to punch him in the face."),
        (_TOLD, "You need to bomb the Iranian nuclear facilities,"),
        ("``We will win,'' he said.", "We will win,"),  # (wire copy: backquotes open)
    ],
)
def test_the_quoted_words_start_after_two_apostrophes(text: str, words: str) -> None:
    spans = extract._quoted_spans(extract._quote_view(text))
    assert [text[a:b] for a, b in spans] == [words]
    # as in the same sentence written with double quotation marks
    plain = text.replace("''", '"').replace("``", '"')
    assert [plain[a:b] for a, b in extract._quoted_spans(plain)] == [words]


@pytest.mark.parametrize(
    "text",
    [
        # (PolNeAR train, two NYT articles: a speech participle after a closing pair of apostrophes)
        "Mr. Trump joined other Republicans in pouncing on news that the server had handled messages later deemed"
        " ''top secret,'' saying in a post on Twitter: ''The new email release is a disaster.''",
        "Mr. Paulson called the concerns about specialty pharmaceuticals like Valeant ''overblown,'' saying that"
        " Valeant had ''significant upside.''",
    ],
)
def test_a_participle_after_a_closing_pair_reads_as_after_a_double_quotation_mark(text: str) -> None:
    plain = text.replace("''", '"')
    att, plain_att = attribution.attribute(text), attribution.attribute(plain)
    assert att is not None and plain_att is not None
    assert att.speaker == plain_att.speaker
    assert [text[a:b] for a, b in att.spans] == [plain[a:b] for a, b in plain_att.spans]  # the participle too


def test_a_closing_pair_is_read_next_to_its_words_and_an_opening_one_next_to_its_own() -> None:
    text = "deemed ''top secret,'' saying"
    read = attribution.plain_text_quotes(text)
    assert read == 'deemed  "top secret,"  saying'
    # an apostrophe of a possessive or an elision is no mark: "the students' '90s", "rock 'n' roll"
    for t in ("the students' '90s", "rock 'n' roll"):
        assert attribution.plain_text_quotes(t) == t
        assert extract._quote_view(t) == t

"""Shortcuts of the claims stage that are exact only by argument, each checked against the plain form."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract, ingest

_VOC = extract._gender_vocab()
assert _VOC is not None
# the plain form: the pronouns matched case-insensitively in the text as written
_PLAIN = re.compile(r"\b(?:" + "|".join(sorted(_VOC.words)) + r")\b", re.I)

# pronoun letters in both cases, letters whose case folding is special (ſ ı İ K Σ), word and non-word neighbours
_ALPHABET = "hHeEsSrRiImMtTaA ſıİKΣσςéÉ_0'’-.,\n"


def _plain_marks(text: str) -> list[tuple[int, str]]:
    return [
        (m.start(), _VOC.words[m.group(0).lower()])
        for m in _PLAIN.finditer(text)
        if m.group(0).lower() in _VOC.words
    ]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_pronoun_marks_match_the_case_insensitive_scan(text: str) -> None:
    assert extract._pronoun_marks(text, _VOC) == _plain_marks(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["he", "He", "HIS", "her", "She", "hers", "him", "the", "shed"]), max_size=12)
)
def test_pronoun_marks_of_words(words: list[str]) -> None:
    text = " ".join(words)
    assert extract._pronoun_marks(text, _VOC) == _plain_marks(text)


def test_a_word_that_only_case_folds_to_a_pronoun_is_no_pronoun() -> None:
    # "ſhe" and "hıs" match "she"/"his" case-insensitively but are no pronoun: extraction once failed on them
    text = (
        "Senator John Smith spoke on Monday.\n\nSmith said the bill would pass. “It will pass,” he said.\n\n"
        "The ſhe-wolf was seen, hıs office said. In İzmir, she said, the vote was held."
    )
    art = ingest.article_from_text(text, path="a.txt", key="a.txt")
    claims = extract.extract(art)
    assert any(c.speaker == "John Smith" for c in claims)
    assert extract._pronoun_marks(text, _VOC) == _plain_marks(text)


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet="ab1_’'- ,;.“", max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=1, max_value=8),
)
def test_has_words_is_the_count_of_every_word(text: str, a: int, b: int, n: int) -> None:
    # the scan stops at the n-th word; the plain form counts every word of the slice
    assert extract._has_words(text, a, b, n) == (len(extract._WORDS.findall(text[a:b])) >= n)


def test_a_clause_is_split_off_only_with_six_words_on_each_side() -> None:
    text = "The council approved the new budget on Monday; the mayor signed it into law later that week."
    assert extract._fact_spans(text, []) == [(0, 45), (47, len(text))]
    short = "The council approved the new budget on Monday; the mayor signed it."
    assert extract._fact_spans(short, []) == [(0, len(short))]

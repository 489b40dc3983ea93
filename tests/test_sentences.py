from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import sentences
from factcheck.sentences import split, split_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AP-style dates and abbreviations
        (
            "The attack happened on Feb. 24. Officials said it was over.",
            ["The attack happened on Feb. 24.", "Officials said it was over."],
        ),
        ("Gen. Smith spoke. Sen. Jones replied.", ["Gen. Smith spoke.", "Sen. Jones replied."]),
        ("The No. 2 official resigned. He was 61.", ["The No. 2 official resigned.", "He was 61."]),
        # initials
        (
            "He met J. K. Rowling in St. Petersburg on Jan. 3, 2024. She left.",
            ["He met J. K. Rowling in St. Petersburg on Jan. 3, 2024.", "She left."],
        ),
        ("George W. Bush visited Texas. He rested.", ["George W. Bush visited Texas.", "He rested."]),
        # acronyms with dots, decimals, times
        (
            "The U.S. economy grew 2.5 percent. The Fed said so.",
            ["The U.S. economy grew 2.5 percent.", "The Fed said so."],
        ),
        (
            "Officials met at 10 a.m. Monday. They agreed.",
            ["Officials met at 10 a.m. Monday.", "They agreed."],
        ),
        ("He lives in the U.S. The rest is history.", ["He lives in the U.S.", "The rest is history."]),
        # abbreviated titles of officers and officials do not end a sentence
        (
            "“He will face trial,” said Dist. Atty. Carla Mendes. Det. Ray Olsen agreed.",
            ["“He will face trial,” said Dist. Atty. Carla Mendes.", "Det. Ray Olsen agreed."],
        ),
        (
            "Cpl. Ann Lee and Maj. Tom Berg spoke. Then they left.",
            ["Cpl. Ann Lee and Maj. Tom Berg spoke.", "Then they left."],
        ),
        # a quotation of several sentences splits at its sentence ends (extract gives each its speaker)
        (
            '"We are ready. We will win," he said. Then he left.',
            ['"We are ready.', 'We will win," he said.', "Then he left."],
        ),
        (
            "He said: “We are ready. We will win.” Then he left.",
            ["He said: “We are ready.", "We will win.”", "Then he left."],
        ),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        # a stray quote mark does not glue the rest of the paragraph together
        ('A stray " mark here. Next one.', ['A stray " mark here.', "Next one."]),
        # questions, exclamations, ellipses
        ("Is this true? Nobody knows. Wow!", ["Is this true?", "Nobody knows.", "Wow!"]),
        ("It was cold… The next day it snowed.", ["It was cold…", "The next day it snowed."]),
        # headline and dateline lines without a full stop
        (
            "Putin to visit China in May\nMOSCOW (Reuters) - Putin said on Friday he would go.",
            ["Putin to visit China in May", "MOSCOW (Reuters) - Putin said on Friday he would go."],
        ),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_teaser_ellipsis_is_a_boundary() -> None:
    text = "Moscow found enthusiastic buyers in Beijing… Read more"
    assert split(text) == ["Moscow found enthusiastic buyers in Beijing…", "Read more"]


def test_spans_are_exact_offsets() -> None:
    text = "  First one.  Second “quoted. still” one.\n\nThird"
    spans = list(split_spans(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second “quoted. still” one.", "Third"]
    spans2 = list(split_spans(text, 13, len(text)))
    assert all(13 <= s < e <= len(text) for s, e in spans2)
    assert next(text[s:e] for s, e in spans2) == "Second “quoted. still” one."


def test_very_long_quote_is_split() -> None:
    body = " ".join(f"Sentence number {i} is here." for i in range(40))
    text = f"“{body}” he said."
    assert len(split(text)) > 10


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [".", "!", "?", "…", "。", "”", "’", "“", "«", "»", "」", ")", "*", " ", "\n", "\xa0", "a", "B"]
        )
        | st.text(max_size=2),
        max_size=20,
    ).map("".join),
    st.integers(0, 30),
)
def test_boundary_scan_is_the_repeat_pattern(text: str, start: int) -> None:
    # the same classes as sentences._BOUNDARY (closing marks of English, German, French and CJK quotations),
    # written with "+": the scan's "[x][x]*" form must find the same boundaries
    old = re.compile(r"""([.!?…。！？]+)((?:["'”’“‘»«)\]*†‡」』]|[ \u00a0\u202f]»)*)(\s+)""")
    spans = [(m.span(1), m.span(2), m.span(3)) for m in sentences._BOUNDARY.finditer(text, start)]
    assert spans == [(m.span(1), m.span(2), m.span(3)) for m in old.finditer(text, start)]


def test_footnote_mark_after_the_full_stop_ends_the_sentence() -> None:
    text = (
        "Access to Wikipedia in Turkey is actively being restored.* This latest development follows a "
        "26 December 2019 ruling. Studies show a rise of 4%.† The rest is unchanged."
    )
    assert split(text) == [
        "Access to Wikipedia in Turkey is actively being restored.*",
        "This latest development follows a 26 December 2019 ruling.",
        "Studies show a rise of 4%.†",
        "The rest is unchanged.",
    ]


def test_a_chinese_or_japanese_sentence_inside_an_english_paragraph_is_its_own():
    text = (
        "The company said on Monday that profits rose 5 percent. 同社は月曜日、利益が5％増加したと発表した。 "
        "Analysts had expected a fall. 「準備はできている」と彼は言った。 Then he left."
    )
    assert split(text) == [
        "The company said on Monday that profits rose 5 percent.",
        "同社は月曜日、利益が5％増加したと発表した。",
        "Analysts had expected a fall.",
        "「準備はできている」と彼は言った。",
        "Then he left.",
    ]


def test_a_quotation_opened_with_two_backquotes_starts_a_sentence():
    # wire copy (AP, NYT archives) writes ``...'' for quotation marks
    text = "He left early. ``We will win,'' he said. Then he went home."
    assert split(text) == ["He left early.", "``We will win,'' he said.", "Then he went home."]


def _spans_line_by_line(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int]]:
    """The reference: every line of the span (``sentences._LINE``) split on its own."""
    out: list[tuple[int, int]] = []
    for line in sentences._LINE.finditer(text, start, end):
        sentences._split_line(text, line.start(), line.end(), out, sentences._rules(lang))
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('ab AB.?!\n"”’ Mr.U.S.12')), max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
    st.sampled_from([None, "en", "de"]),
)
def test_spans_of_a_span_with_no_line_break_are_those_of_the_line_scan(
    text: str, a: int, b: int, lang: str | None
) -> None:
    """A span with no line break is read as its one line, without the scan for lines: the same sentences."""
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert sentences.spans(text, start, end, lang) == _spans_line_by_line(text, start, end, lang)
    one_line = text.replace("\n", " ")
    assert sentences.spans(one_line, start, end, lang) == _spans_line_by_line(one_line, start, end, lang)

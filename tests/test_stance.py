from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import stance
from factcheck.model import Stance
from factcheck.stance import classify


@pytest.mark.parametrize(
    ("text", "stance", "polarity"),
    [
        ("Putin embarked on a two-day state visit to China on Thursday.", Stance.OCCURRED, 1),
        ("Putin previously visited China last October.", Stance.OCCURRED, 1),
        ("Xi had met with Lavrov in Beijing earlier this month.", Stance.OCCURRED, 1),
        ("The minister did not visit the border region.", Stance.OCCURRED, -1),
        ("The issue was never raised during the talks.", Stance.OCCURRED, -1),
        ("The rescue team had to carry the man down the glacier.", Stance.OCCURRED, 1),
        ("Twenty more people had to be ushered to safety.", Stance.OCCURRED, 1),
        ("There had to be a reason for the delay.", Stance.STATED, 1),
        ("Putin will visit China in October.", Stance.PLANNED, 1),
        ("The president plans to travel to Paris next week.", Stance.PLANNED, 1),
        ("The leaders are slated to sign several agreements.", Stance.PLANNED, 1),
        ("Several presidential visits are being prepared at the moment.", Stance.PLANNED, 1),
        ("The Kremlin confirmed the Russian President's intention to travel to China.", Stance.PLANNED, 1),
        ("The prime minister will not attend the summit.", Stance.PLANNED, -1),
        ("Putin is expected to visit China in May.", Stance.EXPECTED, 1),
        ("The conflicts are anticipated to be key topics during the meetings.", Stance.EXPECTED, 1),
        ("Putin will likely arrive in China in the second half of May.", Stance.EXPECTED, 1),
        ("The Kremlin did not confirm nor deny the planned visit.", Stance.UNCONFIRMED, 1),
        ("A spokesman declined to comment on the report.", Stance.UNCONFIRMED, 1),
        ("The claims could not be independently verified.", Stance.UNCONFIRMED, 1),
        ("The ministry denied that troops had crossed the border.", Stance.DENIED, -1),
        ("The government rejected reports of a cabinet reshuffle.", Stance.DENIED, -1),
        ("This might be Putin's first trip abroad after the election.", Stance.HYPOTHETICAL, 1),
        ("If the talks fail, sanctions could follow.", Stance.HYPOTHETICAL, 1),
        ("China is trying to position itself as a neutral country.", Stance.STATED, 1),
        ("Inflation is running at 3.1 percent.", Stance.STATED, 1),
    ],
)
def test_stance(text: str, stance: Stance, polarity: int) -> None:
    assert classify(text) == (stance, polarity)


def test_announced_needs_an_announcing_attribution() -> None:
    assert classify("He will visit China in October.", announce=True)[0] is Stance.ANNOUNCED
    assert classify("He will visit China in October.", announce=False)[0] is Stance.PLANNED


def test_would_in_reported_speech_is_expected_not_hypothetical() -> None:
    text = "He said the visit would demonstrate the closeness of relations."
    assert classify(text, reported=True)[0] is Stance.EXPECTED
    assert classify("This would mark his first trip abroad.")[0] is Stance.HYPOTHETICAL


def test_month_may_is_not_a_modal() -> None:
    assert classify("Putin visited China in May 2024.")[0] is Stance.OCCURRED


def test_mask_hides_attribution_words() -> None:
    text = "The mayor opened the bridge on Monday."
    i = text.index("opened")
    assert classify(text)[0] is Stance.OCCURRED
    assert classify(text, mask=[(i, i + len("opened"))])[0] is Stance.STATED


def test_masked_blanks_every_masked_character() -> None:
    from factcheck.stance import _masked

    text = "Putin said he would visit"
    # overlapping, out-of-range and empty spans: each character inside any span becomes a space
    mask = [(6, 10), (8, 14), (-3, 2), (20, 99), (12, 5)]
    want = "".join(" " if any(s <= i < e for s, e in mask) else ch for i, ch in enumerate(text))
    assert _masked(text, mask) == want
    assert _masked(text, []) == text


_GATE_PIECES = st.sampled_from(
    [
        *"confirm comment verif rumo unconfirm disclos reveal deni deny refut rebuff disput reject dismiss".split(),
        *"ruled false no plan conf den rul fals no  plan co re di un".split(),
        *["no plan", " ", "x", "N"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_GATE_PIECES | st.text(max_size=3), max_size=12).map("".join))
def test_either_gate_finds_a_literal_of_either_gate(text: str) -> None:
    import re

    old = re.compile(f"{stance._UNCONFIRMED_GATE.pattern}|{stance._DENIED_GATE.pattern}")
    assert bool(stance._EITHER_GATE.search(text)) == bool(old.search(text))


_WORDY = st.sampled_from(
    [
        *"not never no longer didn’t can't n’t N NOT Never said has had been cut visited the".split(),
        *[" ", "  ", "-", "’", "'", ",", ".", "é", "_", "9", "\n", "İ"],
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_WORDY | st.text(max_size=2), max_size=14).map("".join), st.integers(0, 60), st.integers(0, 60)
)
def test_word_search_and_negation_scan_are_the_patterns(text: str, a: int, b: int) -> None:
    lo, pos = min(a, b, len(text)), min(max(a, b), len(text))
    old, new = stance._WORD_BEFORE.search(text, lo, pos), stance._word_search(text, lo, pos)
    assert (old and (old.span(), old.group(1))) == (new and (new.span(), new.group(1)))
    window = text[lo:pos]
    assert (stance._NEG.search(window) is not None) == (stance._NEG_SCAN.search(window) is not None)


_CUE_WORDS = st.sampled_from(
    [
        *"to on be held the agenda is was were been has had can not will set agreed red need may 2 The".split(),
        *[" ", "  ", "\n", "-", "’", "é", "_", ",", "ly", "ing", "ed"],
        *[" to be held", " on the agenda", " to  be\theld", " on the agendas", " was to be", " is on"],
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CUE_WORDS | st.text(max_size=2), max_size=16).map(lambda ws: " " + "".join(ws).lower()))
def test_cues_lower_is_the_cue_scan(text: str) -> None:
    got = [(m.span(), m.lastgroup) for m in stance._cues_lower(text)]
    assert got == [(m.span(), m.lastgroup) for m in stance._CUES_LOWER.finditer(text)]

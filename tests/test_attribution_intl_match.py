"""The phrase tables of factcheck/attribution_intl.py: the longest phrase starting at a token, found without
trying the lengths no phrase of that first word has."""

from __future__ import annotations

from factcheck.attribution_intl import _match, _Phrases, _speech, _tokens


def test_longest_phrase_per_first_word() -> None:
    table = _Phrases({("nach", "angaben", "der"): "x", ("nach", "angaben"): "y", ("laut",): "z"})
    assert table.longest == {"nach": 3, "laut": 1}


def test_match_takes_the_longest_phrase_at_the_token() -> None:
    sp = _speech("de")
    assert sp is not None
    toks = _tokens("Nach Angaben der Polizei wurden laut Zeugen drei Menschen verletzt.")
    assert _match(sp.before, toks, 0, sp.maxlen) == 3  # "nach angaben der"
    assert _match(sp.before, toks, 5, sp.maxlen) == 1  # "laut"
    assert _match(sp.before, toks, 3, sp.maxlen) == 0  # "Polizei" opens no cue
    assert _match(sp.before, toks, len(toks), sp.maxlen) == 0  # past the end

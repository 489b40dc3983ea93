"""Shared by the temporal tests: the value the tagger gives one phrase of a text."""

from __future__ import annotations

import datetime as dt

from factcheck.temporal import tag


def reading(text: str, phrase: str, anchor: dt.date) -> str | None:
    """The value the tagger gives ``phrase`` in ``text``, None when it is no time expression."""
    for r in tag(text, anchor):
        if r.text == phrase:
            return r.value
    return None


def phrase_value(text: str, anchor: dt.date, phrase: str) -> str:
    """The value of the first time expression of ``text`` ending with ``phrase`` (one must be read)."""
    refs = [r for r in tag(text, anchor) if r.text.endswith(phrase)]
    assert refs, f"{phrase!r} not read in {text!r}: {[(r.text, r.value) for r in tag(text, anchor)]}"
    return refs[0].value

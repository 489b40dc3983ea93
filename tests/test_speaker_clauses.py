"""A sentence's speaker speaks only for the clauses its speech verb frames (issue 16: the writer's own voice
given a speaker). Examples shaped after an NYT article of PolNeAR train (a prisoner swap), an ECB+ report (a
store looted) and an NYT article of PolNeAR train (Hispanic votes)."""

from __future__ import annotations

import datetime as dt

from factcheck import attribution, extract, ingest


def _speakers(body: str) -> dict[str, str | None]:
    art = ingest.article_from_text("Talks on the deal\n\n" + body, path="t.txt", key="t")
    art.published = dt.date(2016, 1, 20)
    return {c.text: c.speaker for c in extract.extract(art, min_score=0.0)}


def test_a_speaker_after_a_semicolon_speaks_for_its_own_clause_only() -> None:
    got = _speakers(
        "Robert A. Levinson, a C.I.A. contractor who disappeared in Iran in 2007, was not part of the swap; Iran "
        "insists it does not know his whereabouts."
    )
    assert (
        got[
            "Robert A. Levinson, a C.I.A. contractor who disappeared in Iran in 2007, was not part of the swap"
        ]
        is None
    )
    assert got["Iran insists it does not know his whereabouts."] == "Iran"
    got = _speakers(
        "There were unconfirmed reports the store was looted; the police spokeswoman said only that the cash "
        "registers were not robbed."
    )
    assert got["There were unconfirmed reports the store was looted"] is None


def test_a_clause_after_what_was_said_is_the_writers() -> None:
    got = _speakers(
        "To win the White House, candidates probably need to capture about 40 percent of the Hispanic vote, "
        "political analysts say; in 2012, Mitt Romney stumbled with 27 percent."
    )
    assert got["in 2012, Mitt Romney stumbled with 27 percent."] is None
    assert next(s for t, s in got.items() if t.startswith("To win")) == "political analysts"


def test_a_speaker_still_frames_the_clauses_before_it() -> None:
    got = _speakers(
        "A manager of the store was also assaulted; he refused medical attention, the spokeswoman said."
    )
    assert set(got.values()) == {None, "spokeswoman"}  # (the title has none)
    assert got["A manager of the store was also assaulted"] == "spokeswoman"


def test_frames() -> None:
    att = attribution.Attribution(speaker="Iran", content=(40, 80))
    assert attribution.frames(att, 0, 50) and attribution.frames(att, 60, 90)
    assert not attribution.frames(att, 0, 40) and not attribution.frames(att, 80, 99)
    assert attribution.frames(
        attribution.Attribution(speaker="Iran"), 0, 10
    )  # no content: the whole sentence

"""Decisions saved on a claim that a later extraction cuts into several (a quotation of several sentences,
one claim before quotations were split at their sentence ends) re-attach to the part that carries them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import extract
from factcheck import session as sess
from factcheck.cli import main
from factcheck.model import Verdict
from factcheck.review import Review, _inside, _words

# Both sentences of the quotation are claims of their own (each shown).
BOTH = """Norway's economy slows

OSLO, 3 March 2025 - "Unemployment fell to 2.1 percent in the first quarter of the year. Exports of salmon rose by 7 percent in 2024, to 120 billion crowns," Finance Minister Anna Berg told reporters in Oslo on Monday.

The central bank in Oslo raised interest rates by 0.25 points on 12 June.
"""

# The quotation's first sentence is no claim alone (it checks nothing); its second is.
SECOND = """Hospital strain grows in Leeds

LEEDS, 3 March 2025 - Health officials said on Monday that admissions had doubled.

"Our teams are working around the clock. Two doses of the vaccine are about 97 percent effective against severe illness," said Dr Sarah Jones, the trust's medical director.

The trust opened 40 new beds on Tuesday.
"""


def _old_session(
    tmp_path: Path, text: str, first: str, last: str, **more: sess.Decision
) -> tuple[Path, str, str]:
    """A session as the old segmentation wrote it: one decision on the claim running from the sentence that
    begins with ``first`` to the end of the one that ends with ``last`` (id and stored text of that claim)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    r = Review.open(tmp_path / "probe.toml", [str(corpus)])
    art = r.corpus.articles[0]
    r.close()
    start, end = art.text.index(first), art.text.index(last) + len(last)
    whole = art.text[start:end]
    old_id = extract._claim_id(extract.id_basis_of(art), extract._norm(whole), 0)
    data = sess.SessionData(reviewer="alice", created=sess.utcnow(), corpus=["corpus"])
    data.articles[art.key] = sess.ArticleRecord(art.key, art.id)
    data.decisions[old_id] = sess.Decision(
        claim_id=old_id, article=art.key, text=whole[: sess.TEXT_KEEP], verdict=Verdict.DISPUTED, note="old"
    )
    for cid, d in more.items():
        data.decisions[cid] = d
    path = tmp_path / "s.toml"
    sess.save(path, data)
    return path, old_id, art.key


def _claim(r: Review, key: str, begins: str) -> str:
    return next(c.id for c in r.claims(key) if c.text.startswith(begins))


def test_a_split_quotation_keeps_its_decision_on_its_first_sentence(tmp_path: Path) -> None:
    path, old_id, key = _old_session(tmp_path, BOTH, "OSLO, 3 March", "in Oslo on Monday.")
    r = Review.open(path, reviewer="alice")
    try:
        first = _claim(r, key, "OSLO, 3 March")
        second = _claim(r, key, "Exports of salmon")
        assert old_id not in {c.id for c in r.claims(key)}  # the old claim is gone: it was cut in two
        d = r.decision(first)
        assert (d.verdict, d.note) == (Verdict.DISPUTED, "old")
        assert r.decision(second).verdict == Verdict.UNREVIEWED  # one decision, one claim
        assert [(o, n) for o, n, _ in r.report.reattached] == [(old_id, first)]
        assert r.report.reattached_parts == [(old_id, first)]
        assert not r.orphans and not r.report.orphaned
        lines = r.report.lines()
        assert f"1 decision(s) re-attached to changed claims: {old_id} → {first}" in lines
        (line,) = [x for x in lines if "cut into sentences" in x]
        assert line.startswith("1 of them") and line.endswith(f"(check them): {first}")
        r.save()
    finally:
        r.close()
    r = Review.open(path, reviewer="alice")  # saved under the new id: nothing left to re-attach
    try:
        assert r.decision(first).note == "old" and not r.report.reattached and not r.orphans
    finally:
        r.close()


def test_a_decision_goes_to_the_shown_sentence_when_the_first_is_no_claim(tmp_path: Path) -> None:
    path, old_id, key = _old_session(tmp_path, SECOND, '"Our teams', "medical director.")
    r = Review.open(path, reviewer="alice")
    try:
        assert not any(c.text.startswith('"Our teams') for c in r.claims(key))
        second = _claim(r, key, "Two doses")
        assert r.decision(second).note == "old"
        assert r.report.reattached_parts == [(old_id, second)] and not r.orphans
    finally:
        r.close()


def test_a_part_another_decision_holds_is_never_taken(tmp_path: Path) -> None:
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "a.txt").write_text(BOTH, encoding="utf-8")
    r = Review.open(probe / "s.toml", [str(probe)])
    first = _claim(r, "a.txt", "OSLO, 3 March")
    held = sess.Decision(
        claim_id=first, article="a.txt", text="(held)", verdict=Verdict.CONFIRMED, note="mine"
    )
    r.close()
    path, old_id, key = _old_session(tmp_path, BOTH, "OSLO, 3 March", "in Oslo on Monday.", **{first: held})
    r = Review.open(path, reviewer="alice")
    try:
        second = _claim(r, key, "Exports of salmon")
        assert r.decision(first).note == "mine"
        assert r.decision(second).note == "old"
        assert r.report.reattached_parts == [(old_id, second)] and not r.orphans
    finally:
        r.close()


def test_a_stored_text_cut_short_still_finds_its_part(tmp_path: Path) -> None:
    long_first = (
        '"Unemployment fell to 2.1 percent in the first quarter of the year, the lowest level since the '
        "ministry began to publish its monthly figures in 1990, and wages in the private sector rose by "
        "4.5 percent in the same period. Exports of salmon rose by 7 percent in 2024, to 120 billion "
        'crowns," Finance Minister Anna Berg told reporters in Oslo on Monday.'
    )
    text = BOTH.replace(BOTH[BOTH.index('"Unemployment') : BOTH.index("\n\nThe central")], long_first)
    path, old_id, key = _old_session(tmp_path, text, "OSLO, 3 March", "in Oslo on Monday.")
    assert len(sess.load(path).decisions[old_id].text) == sess.TEXT_KEEP
    r = Review.open(path, reviewer="alice")
    try:
        first = _claim(r, key, "OSLO, 3 March")
        assert r.decision(first).note == "old" and not r.orphans
    finally:
        r.close()


def test_a_rewritten_sentence_is_no_part(tmp_path: Path) -> None:
    path, old_id, key = _old_session(tmp_path, BOTH, "OSLO, 3 March", "in Oslo on Monday.")
    data = sess.load(path)
    d = data.decisions[old_id]
    data.decisions[old_id] = sess.Decision(
        claim_id=old_id,
        article=key,
        text="Inflation in Oslo rose to 3.4 percent. Rents doubled.",
        note=d.note,
    )
    sess.save(path, data)
    r = Review.open(path, reviewer="alice")
    try:
        assert r.report.orphaned == [old_id] and not r.report.reattached
        assert [o.claim_id for o in r.orphans] == [old_id]
    finally:
        r.close()


WORD = st.text(alphabet="abcxyz", min_size=1, max_size=3)


@given(st.lists(WORD, min_size=2, max_size=30), st.data())
def test_every_part_lies_where_it_was_cut_from(words: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    part = words[i:j]
    at = _inside(words, part, cut=False)
    if j - i == len(words):
        assert at is None  # the whole is no part of itself
    else:
        assert at is not None and at <= i and words[at : at + len(part)] == part
    # a stored text cut inside the part: found once it shares enough words
    kept = words[: j - 1] if j - i > 1 else words[:j]
    at_cut = _inside(kept, part, cut=True)
    if len(kept) - i >= 3 or len(part) <= len(kept) - i:
        assert at_cut is not None and at_cut <= i


def test_words_ignore_case_and_punctuation() -> None:
    assert _words("“Our teams,” she SAID.") == ["our", "teams", "she", "said"]


def test_a_sentence_now_under_the_floor_holds_no_decision(tmp_path: Path) -> None:
    """A claim whose sentence now scores as grouping evidence only is no claim: its decision stays an orphan
    (listed as one), never reported as re-attached to a sentence nobody sees."""
    path, old_id, key = _old_session(tmp_path, SECOND, '"Our teams', "the clock.")
    r = Review.open(path, reviewer="alice")
    try:
        assert any(
            r.corpus.is_evidence(c) and c.text == '"Our teams are working around the clock.'
            for c in r.corpus.claims[key]
        )
        assert r.report.orphaned == [old_id] and not r.report.reattached
        assert [o.claim_id for o in r.orphans] == [old_id]
    finally:
        r.close()


def test_the_report_names_the_first_parts_and_counts_the_rest() -> None:
    """It names the first re-attached decisions too: a claim id mistyped in a session edited by hand was
    re-attached by its text with "1 decision(s) re-attached to changed claims", naming none."""
    from factcheck.review import ReconcileReport

    parts = [(f"old{i}", f"new{i}") for i in range(7)]
    rep = ReconcileReport(reattached=[(o, n, 50.0) for o, n in parts], reattached_parts=parts)
    assert rep.lines() == [
        "7 decision(s) re-attached to changed claims: old0 → new0, old1 → new1, old2 → new2 and 4 more",
        "7 of them were made on a claim now cut into sentences and follow the sentence that carries them"
        " (check them): new0, new1, new2, new3, new4 and 2 more",
    ]


def test_status_json_lists_every_reattached_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, old_id, key = _old_session(tmp_path, BOTH, "OSLO, 3 March", "in Oslo on Monday.")
    assert main(["status", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    r = Review.open(path, reviewer="alice", readonly=True)
    try:
        first = _claim(r, key, "OSLO, 3 March")
    finally:
        r.close()
    assert out["reattached"] == [{"from": old_id, "to": first, "part": True}]
    assert out["orphans"] == []

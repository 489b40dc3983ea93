"""The Review API: decisions, undo/redo, manual claims, dates, groups, reconciliation, saving."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review, ReviewError, SessionError, SessionLocked

ALPHA = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
According to Statistics Norway, unemployment fell to 2.1 percent in the first quarter of the year.
Prime Minister Jonas Lund told reporters in Bergen that the government would publish a new budget in October.
"""

BETA = """Reuters reported on Tuesday that the Norwegian central bank kept interest rates unchanged at 4.5 percent.
Governor Ida Wolden Bache said the bank expects inflation to fall below 3 percent by the end of 2025.
Officials in Oslo confirmed that 12,000 new homes were completed in 2024, according to the housing ministry.
"""

GAMMA = """The Swedish government announced on Wednesday that it will cut fuel taxes by 10 percent from 1 July.
Finance Minister Elisabeth Svantesson said the measure would cost 4 billion crowns in 2025.
"""


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_corpus(tmp_path / "corpus", {"alpha.txt": ALPHA, "beta.txt": BETA})
    (tmp_path / "sessions").mkdir()
    return tmp_path


@pytest.fixture
def review(project: Path):
    r = Review.open(project / "sessions" / "s.toml", [str(project / "corpus")], reviewer="alice")
    yield r
    r.close()


def ids(r: Review, key: str) -> list[str]:
    return [c.id for c in r.claims(key)]


def test_new_session_is_unsaved_until_first_save(review: Review, project: Path) -> None:
    assert review.dirty
    assert not (project / "sessions" / "s.toml").exists()
    assert len(ids(review, "alpha.txt")) >= 3 and len(ids(review, "beta.txt")) >= 2
    review.save()
    assert not review.dirty and (project / "sessions" / "s.toml").is_file()


def test_mark_note_superseded_and_progress(review: Review) -> None:
    a = ids(review, "alpha.txt")
    b = ids(review, "beta.txt")
    review.mark(a[0], Verdict.CONFIRMED, note="checked with\nthe ministry")
    review.mark(a[1], Verdict.SUPERSEDED, by=b[0])
    d = review.decision(a[1])
    assert d.verdict == Verdict.SUPERSEDED and d.superseded_by == b[0] and d.reviewer == "alice"
    assert d.updated is not None and d.updated.tzinfo is not None and d.updated.utcoffset() == dt.timedelta(0)
    with pytest.raises(ReviewError):
        review.mark(a[2], Verdict.SUPERSEDED)  # needs --by
    with pytest.raises(ReviewError):
        review.mark(a[2], Verdict.SUPERSEDED, by=a[2])
    with pytest.raises(ReviewError):
        review.mark(a[2], Verdict.CONFIRMED, by=b[0])
    with pytest.raises(ReviewError):
        review.mark("cnope", Verdict.CONFIRMED)
    review.mark(a[1], Verdict.DISPUTED)
    assert review.decision(a[1]).superseded_by is None  # other verdicts clear superseded_by
    p = review.progress()
    assert p[Verdict.CONFIRMED] == 1 and p[Verdict.DISPUTED] == 1
    assert sum(p.values()) == len(review.corpus.all_claims())
    assert review.article_progress("beta.txt")[Verdict.UNREVIEWED] == len(ids(review, "beta.txt"))
    assert review.decision(a[0]).note == "checked with\nthe ministry"


def test_undo_redo_every_kind_of_change(review: Review) -> None:
    a = ids(review, "alpha.txt")
    assert not review.can_undo and review.undo() is None
    review.mark(a[0], Verdict.CONFIRMED)
    review.set_note(a[0], "n1")
    review.add_evidence(a[0], "https://example.org/report")
    review.add_evidence(a[0], a[1])
    review.dismiss(a[2])
    review.set_published("alpha.txt", dt.date(2024, 4, 2))
    review.merge_groups(a[0], ids(review, "beta.txt")[0])
    review.take_out_of_group(a[1])
    state = (review.decision(a[0]), review.data.merges, review.data.splits)
    for _ in range(8):
        assert review.undo() is not None
    assert review.decision(a[0]).verdict == Verdict.UNREVIEWED and review.decision(a[0]).note == ""
    assert review.decision(a[0]).evidence == ()
    assert not review.decision(a[2]).dismissed
    assert review.corpus.article("alpha.txt").published is None
    assert review.data.merges == [] and review.data.splits == []
    assert not review.can_undo and review.can_redo
    for _ in range(8):
        assert review.redo() is not None
    assert not review.can_redo
    d = review.decision(a[0])
    assert (d.verdict, d.note, d.evidence) == (state[0].verdict, state[0].note, state[0].evidence)
    assert (review.data.merges, review.data.splits) == (state[1], state[2])
    assert review.corpus.article("alpha.txt").published == dt.date(2024, 4, 2)
    assert a[2] not in ids(review, "alpha.txt") and a[2] in [
        c.id for c in review.claims("alpha.txt", include_dismissed=True)
    ]
    # Every change and every undo/redo is in the append-only history.
    hist = review.data.history_entries()
    assert [h.op for h in hist].count("undo") == 8 and [h.op for h in hist].count("redo") == 8
    assert all(h.by == "alice" for h in hist)
    # A new change clears the redo stack.
    review.undo()
    review.mark(a[3], Verdict.DISPUTED)
    assert not review.can_redo


def test_undo_and_redo_name_claims_by_their_words_and_the_superseding_claim_by_its_outlet(
    review: Review, project: Path
) -> None:
    """ "undone: mark ca908656071 superseded by c0bcf7715…" told a reviewer nothing: an undo or redo names the
    claim by its first words, the superseding claim by its outlet and words, an article by its outlet and
    title; the same in a later sitting, whose steps are described from the history."""
    a, b = review.claims("alpha.txt"), review.claims("beta.txt")
    review.set_outlet("beta.txt", "Reuters")
    review.mark(a[0].id, Verdict.SUPERSEDED, by=b[0].id)
    review.set_note(a[1].id, "n")
    review.set_speaker(a[1].id, "Statistics Norway")
    review.add_evidence(a[1].id, "https://example.org/x")
    review.merge_groups(a[0].id, b[1].id)
    review.take_out_of_group(a[2].id)
    review.set_published("alpha.txt", dt.date(2024, 4, 2))
    want = [
        "publication date of alpha.txt",
        "take 'According to Statistics Norway, unemployment fell…' out of its event",
        "merge the events of 'Finance Minister Anna Berg said on…' and 'Governor Ida Wolden Bache said the…'",
        "evidence for 'The central bank in Oslo announced…'",
        "speaker of 'The central bank in Oslo announced…'",
        "note on 'The central bank in Oslo announced…'",
        "mark 'Finance Minister Anna Berg said on…' superseded by Reuters 'Reuters reported on Tuesday that the…'",
        "outlet of Reuters",
    ]
    undone = [review.undo() for _ in want]
    assert undone == want
    assert [review.redo() for _ in want] == want[::-1]
    assert not any(c.id in " ".join(undone) for c in a + b)  # no claim is named by its id
    review.save()
    review.close()
    again = Review.open(project / "sessions" / "s.toml", reviewer="alice")
    try:
        assert [again.undo() for _ in want] == want  # rebuilt from the history: described the same
    finally:
        again.close()


def test_evidence_is_validated(review: Review) -> None:
    a = ids(review, "alpha.txt")
    for bad in ("not a url", "ftp://x.org/a", "javascript:alert(1)", "cnotaclaim"):
        with pytest.raises(ReviewError):
            review.add_evidence(a[0], bad)


def test_a_claim_is_not_its_own_evidence(review: Review) -> None:
    """`o` with the claim's own id was taken ("evidence added"): the claim cited itself as evidence, and its
    ClaimReview listed its own id as a citation."""
    a = ids(review, "alpha.txt")
    with pytest.raises(ReviewError, match="own evidence"):
        review.add_evidence(a[0], f" {a[0]} ")
    assert review.decision(a[0]).evidence == () and not review.can_undo


def test_apply_check_is_one_undoable_step(review: Review, project: Path) -> None:
    a = ids(review, "alpha.txt")
    review.add_evidence(a[0], "https://example.org/earlier")
    assert review.apply_check(
        a[0], Verdict.DISPUTED, note="checked before: False", evidence="https://checks.example/1"
    )
    d = review.decision(a[0])
    assert d.verdict == Verdict.DISPUTED and d.note == "checked before: False"
    assert d.evidence == ("https://example.org/earlier", "https://checks.example/1")
    assert review.undo() is not None  # verdict, note and link go together
    d = review.decision(a[0])
    assert (d.verdict, d.note, d.evidence) == (Verdict.UNREVIEWED, "", ("https://example.org/earlier",))
    assert review.redo() is not None
    assert review.decision(a[0]).evidence[-1] == "https://checks.example/1"
    # A link already there and the same verdict: nothing to do, no step.
    assert not review.apply_check(a[0], Verdict.DISPUTED, evidence="https://checks.example/1")
    # Only a link (the rating suggests no verdict): one evidence step, the verdict untouched.
    assert review.apply_check(a[1], None, evidence="https://checks.example/2")
    assert review.decision(a[1]).verdict == Verdict.UNREVIEWED
    review.undo()
    assert review.decision(a[1]).evidence == ()
    for bad in ("superseded", "nonsense"):
        with pytest.raises(ReviewError):
            review.apply_check(a[1], bad)
    with pytest.raises(ReviewError):
        review.apply_check(a[1], Verdict.CONFIRMED, evidence="javascript:alert(1)")
    assert review.decision(a[1]).verdict == Verdict.UNREVIEWED  # a bad link applies nothing
    # The step is one entry of the saved history, undone as one in a later sitting.
    review.save()
    review.close()
    r = Review.open(project / "sessions" / "s.toml", [str(project / "corpus")], reviewer="alice")
    try:
        assert r.undo() is not None
        d = r.decision(a[0])
        assert (d.verdict, d.evidence) == (Verdict.UNREVIEWED, ("https://example.org/earlier",))
    finally:
        r.close()


def test_apply_to_group_is_one_undoable_step(review: Review) -> None:
    a, b = ids(review, "alpha.txt"), ids(review, "beta.txt")
    review.merge_groups(a[1], b[0])
    group = review.corpus.group_of(a[1])
    changed = review.apply_to_group(a[1], Verdict.CONFIRMED)
    expected = set(group.claims) if group else {a[1]}
    assert set(changed) == expected and a[1] in changed
    assert all(review.decision(c).verdict == Verdict.CONFIRMED for c in changed)
    review.undo()
    assert all(review.decision(c).verdict == Verdict.UNREVIEWED for c in changed)
    with pytest.raises(ReviewError):
        review.apply_to_group(a[1], Verdict.SUPERSEDED)


def test_apply_to_group_shown_only_leaves_the_claims_under_the_threshold(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """``shown_only`` (the TUI's G with w off) gives the verdict to the claims shown by default; those under
    the check-worthiness threshold, never shown, keep what they had."""
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    try:
        group = next(g for g in r.corpus.groups if any(not r.corpus.is_shown(c) for c in r.group_claims(g)))
        claims = r.group_claims(group)
        low = {c.id for c in claims if not r.corpus.is_shown(c)}
        shown = [c.id for c in claims if c.id not in low]
        changed = r.apply_to_group(shown[0], Verdict.CONFIRMED, shown_only=True)
        assert set(changed) == set(shown)
        assert all(r.decision(c).verdict == Verdict.UNREVIEWED for c in low)
        assert set(r.apply_to_group(shown[0], Verdict.DISPUTED)) == {c.id for c in claims}
    finally:
        r.close()


def test_manual_claim_has_stable_distinct_id_and_survives_reload(review: Review, project: Path) -> None:
    text = (project / "corpus" / "alpha.txt").read_text(encoding="utf-8")
    start = text.index("the highest level")
    end = text.index("2019") + 4
    c = review.add_claim("alpha.txt", start, end)
    assert c.manual and c.text == "the highest level since 2019" and c.id.startswith("m")
    assert review.add_claim("alpha.txt", start, end).id == c.id  # same span, same claim
    other = review.add_claim("alpha.txt", start, end - 5)
    assert other.id != c.id
    assert c.id in ids(review, "alpha.txt")
    review.mark(c.id, Verdict.CONFIRMED, note="manual")
    review.save()
    review.close()
    r2 = Review.open(project / "sessions" / "s.toml", reviewer="bob")
    try:
        assert c.id in ids(r2, "alpha.txt")
        assert r2.decision(c.id).note == "manual" and r2.decision(c.id).reviewer == "alice"
        assert r2.claim(c.id).text == "the highest level since 2019"
    finally:
        r2.close()
    with pytest.raises(ReviewError):
        review.add_claim("nope.txt", 0, 5)


def test_set_published_reextracts_and_persists(review: Review, project: Path) -> None:
    review.set_published("beta.txt", dt.date(2023, 5, 9))
    art = review.corpus.article("beta.txt")
    assert art.published == dt.date(2023, 5, 9) and art.published_source == "reviewer"
    # Times of that article now resolve against the reviewer's date.
    tuesday = [t for c in review.claims("beta.txt") for t in c.when if "Tuesday" in t.text]
    if tuesday:
        assert tuesday[0].value.startswith("2023-05")
    review.save()
    review.close()
    r2 = Review.open(project / "sessions" / "s.toml")
    try:
        assert r2.corpus.article("beta.txt").published == dt.date(2023, 5, 9)
        r2.set_published("beta.txt", None)
        assert r2.corpus.article("beta.txt").published is None
    finally:
        r2.close()


def test_supersession_never_loops(review: Review) -> None:
    """A superseded by B, then B superseded by A was accepted (TUI picker, `factcheck mark`): each claim
    'overtaken by' the other, and the report's chain showed only one of the two."""
    a, b = ids(review, "alpha.txt"), ids(review, "beta.txt")
    review.mark(a[0], Verdict.SUPERSEDED, by=b[0])
    review.mark(b[0], Verdict.SUPERSEDED, by=a[1])
    for later in (b[0], a[1]):  # directly, and along the chain a0 -> b0 -> a1
        with pytest.raises(ReviewError, match="supersedes"):
            review.mark(later, Verdict.SUPERSEDED, by=a[0])
        assert a[0] not in [c.id for c in review.superseding_candidates(later)]
    assert review.decision(a[1]).verdict == Verdict.UNREVIEWED
    review.mark(a[1], Verdict.SUPERSEDED, by=b[1])  # a claim outside the chain is fine
    assert a[1] in [c.id for c in review.superseding_candidates(a[2])]


def test_superseding_candidates_and_cursor(review: Review) -> None:
    a, b = ids(review, "alpha.txt"), ids(review, "beta.txt")
    cands = [c.id for c in review.superseding_candidates(a[0])]
    assert a[0] not in cands and set(b) <= set(cands)
    review.merge_groups(a[0], b[1])
    cands = [c.id for c in review.superseding_candidates(a[0])]
    assert cands.index(b[1]) < cands.index(b[0]) or review.corpus.group_of(b[0]) == review.corpus.group_of(
        a[0]
    )
    review.set_cursor("beta.txt", b[1])
    assert review.cursor == ("beta.txt", b[1])


def test_snapshot_saved_in_a_worker_thread(review: Review, project: Path) -> None:
    a = ids(review, "alpha.txt")
    review.mark(a[0], Verdict.CONFIRMED)
    snap = review.snapshot()
    review.mark(a[1], Verdict.DISPUTED)  # after the snapshot: stays dirty
    t = threading.Thread(target=review.save, args=(snap,))
    t.start()
    t.join()
    assert review.dirty
    path = project / "sessions" / "s.toml"
    on_disk = sess.loads(path.read_text(encoding="utf-8"))  # the session file alone
    assert a[0] in on_disk.decisions and a[1] not in on_disk.decisions
    assert a[1] in sess.load(path).decisions  # read with its journal (a review killed now keeps it)
    review.save(review.snapshot())
    assert not review.dirty
    assert sess.load(project / "sessions" / "s.toml").decisions[a[1]].verdict == Verdict.DISPUTED


def test_second_instance_is_readonly_or_refused(review: Review, project: Path) -> None:
    review.save()
    path = project / "sessions" / "s.toml"
    r2 = Review.open(path)
    try:
        assert r2.readonly and r2.lock_message and "another factcheck" in r2.lock_message
        with pytest.raises(ReviewError):
            r2.mark(ids(r2, "alpha.txt")[0], Verdict.CONFIRMED)
        with pytest.raises(ReviewError):
            r2.save()
    finally:
        r2.close()
    with pytest.raises(SessionLocked):
        Review.open(path, if_locked="raise")
    review.close()
    r3 = Review.open(path, if_locked="raise")
    assert not r3.readonly
    r3.close()


def test_reconciliation_after_article_edit(project: Path) -> None:
    path = project / "sessions" / "s.toml"
    r = Review.open(path, [str(project / "corpus")], reviewer="alice")
    claims = {c.text: c.id for c in r.claims("alpha.txt")}
    minister = next(i for t, i in claims.items() if t.startswith("Finance Minister"))
    bank = next(i for t, i in claims.items() if t.startswith("The central bank"))
    pm = next(i for t, i in claims.items() if t.startswith("Prime Minister"))
    beta0 = r.claims("beta.txt")[0].id
    r.mark(minister, Verdict.CONFIRMED, note="kept")
    r.mark(bank, Verdict.DISPUTED, note="will be orphaned")
    r.mark(pm, Verdict.SUPERSEDED, by=minister)
    r.mark(beta0, Verdict.CONFIRMED, note="article removed later")
    r.save()
    r.close()

    # A typo fix in one sentence, another sentence rewritten entirely, one article gone, one new.
    text = ALPHA.replace("said on Monday that", "said on Monday, that").replace(
        "The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.",
        "Analysts at DNB Markets expect housing prices in Trondheim to climb 7 percent over 2026.",
    )
    (project / "corpus" / "alpha.txt").write_text(text, encoding="utf-8")
    (project / "corpus" / "beta.txt").unlink()
    (project / "corpus" / "gamma.txt").write_text(GAMMA, encoding="utf-8")

    r2 = Review.open(path, reviewer="alice")
    try:
        rep = r2.report
        assert rep.changed_articles == ["alpha.txt"]
        assert rep.missing_articles == ["beta.txt"] and rep.added_articles == ["gamma.txt"]
        new_minister = next(c.id for c in r2.claims("alpha.txt") if c.text.startswith("Finance Minister"))
        assert new_minister != minister
        assert (minister, new_minister) in [(o, n) for o, n, _ in rep.reattached]
        assert (
            r2.decision(new_minister).note == "kept"
            and r2.decision(new_minister).verdict == Verdict.CONFIRMED
        )
        # claim ids come from the article's content: every claim of the edited article has a new id, and its
        # decision follows it (references included)
        new_pm = next(c.id for c in r2.claims("alpha.txt") if c.text.startswith("Prime Minister"))
        assert new_pm != pm and (pm, new_pm) in [(o, n) for o, n, _ in rep.reattached]
        assert r2.decision(new_pm).superseded_by == new_minister
        orphan_ids = {d.claim_id for d in r2.orphans}
        assert orphan_ids == {bank, beta0} and set(rep.orphaned) >= {bank}
        assert r2.progress()[Verdict.DISPUTED] == 0
        assert "gamma.txt" in [a.key for a in r2.corpus.articles]
        r2.save()
    finally:
        r2.close()
    on_disk = sess.load(path)  # orphans are kept in the file, never dropped
    assert on_disk.decisions[bank].note == "will be orphaned"
    assert on_disk.decisions[beta0].note == "article removed later"
    assert "beta.txt" in on_disk.articles and "gamma.txt" in on_disk.articles

    # The article comes back: its decision re-attaches by id.
    (project / "corpus" / "beta.txt").write_text(BETA, encoding="utf-8")
    r3 = Review.open(path)
    try:
        assert r3.decision(beta0).verdict == Verdict.CONFIRMED and beta0 not in {
            d.claim_id for d in r3.orphans
        }
    finally:
        r3.close()


def test_reattach_refuses_changed_numbers(project: Path) -> None:
    path = project / "sessions" / "s.toml"
    r = Review.open(path, [str(project / "corpus")])
    cid = next(c.id for c in r.claims("beta.txt") if "12,000" in c.text)
    r.mark(cid, Verdict.CONFIRMED)
    r.save()
    r.close()
    (project / "corpus" / "beta.txt").write_text(BETA.replace("12,000", "13,000"), encoding="utf-8")
    r2 = Review.open(path)
    try:
        assert cid in {
            d.claim_id for d in r2.orphans
        }  # a near-identical text with another figure is another claim
    finally:
        r2.close()


def test_a_session_reopens_with_the_corpus_it_was_made_with(project: Path, tmp_path: Path) -> None:
    """Wherever the corpus is (no magic ``sessions/`` root): recorded relative to the session's folder,
    resolved against it when reopened."""
    outside = write_corpus(tmp_path.parent / f"{tmp_path.name}-outside", {"x.txt": GAMMA})
    path = project / "sessions" / "elsewhere.toml"
    r = Review.open(path, [str(outside)])
    r.save()
    r.close()
    stored = sess.load(path).corpus
    assert stored[0].startswith("../") and not Path(stored[0]).is_absolute()
    r = Review.open(path)
    assert [a.key for a in r.corpus.articles] == ["x.txt"] and r.corpus.paths == [str(outside.resolve())]
    r.close()
    data = sess.load(path)
    data.corpus = [str(outside.resolve())]  # an absolute path is used as it is
    sess.save(path, data)
    r = Review.open(path)
    assert [a.key for a in r.corpus.articles] == ["x.txt"]
    r.close()


def test_missing_session_without_corpus(project: Path) -> None:
    with pytest.raises(SessionError, match="no such session"):
        Review.open(project / "sessions" / "none.toml")


def test_file_changed_on_disk_is_not_clobbered_by_autosaves(review: Review, project: Path) -> None:
    path = project / "sessions" / "s.toml"
    a = ids(review, "alpha.txt")
    review.mark(a[0], Verdict.CONFIRMED)
    review.save()
    other = sess.load(path)
    other.reviewer = "an editor"
    sess.save(path, other)  # someone else rewrites the file while we have it open
    theirs = path.read_bytes()
    review.mark(a[1], Verdict.DISPUTED)
    with pytest.raises(sess.SessionChanged) as e1:
        review.save()
    review.mark(a[2], Verdict.DISPUTED)
    with pytest.raises(sess.SessionChanged) as e2:
        review.save()
    assert path.read_bytes() == theirs and review.dirty
    assert e1.value.saved_to == e2.value.saved_to  # one conflict file, not one per autosave
    mine = sess.load(e2.value.saved_to)
    assert (
        mine.decisions[a[2]].verdict == Verdict.DISPUTED and mine.decisions[a[0]].verdict == Verdict.CONFIRMED
    )


def test_a_session_deleted_while_open_is_said_deleted_not_changed(review: Review, project: Path) -> None:
    # the save said the file "was changed on disk by another program" and pointed to `factcheck merge`,
    # with nothing to merge with
    path = project / "sessions" / "s.toml"
    a = ids(review, "alpha.txt")
    review.mark(a[0], Verdict.CONFIRMED)
    review.save()
    path.unlink()
    review.mark(a[1], Verdict.DISPUTED)
    with pytest.raises(sess.SessionChanged) as e:
        review.save()
    other = e.value.saved_to
    assert str(e.value) == (
        f"{path} was deleted or moved since factcheck read it; not written again there. Your version is in"
        f" {other} (rename it to s.toml to go on with it)"
    )
    assert not path.exists() and review.dirty
    mine = sess.load(other)
    assert (
        mine.decisions[a[0]].verdict == Verdict.CONFIRMED and mine.decisions[a[1]].verdict == Verdict.DISPUTED
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ops=st.lists(
        st.tuples(
            st.integers(0, 6), st.sampled_from(list(Verdict)), st.one_of(st.none(), st.text(max_size=40))
        ),
        max_size=15,
    )
)
def test_any_verdict_sequence_survives_save_and_load(review: Review, project: Path, ops) -> None:
    claims = review.corpus.all_claims()
    for i, verdict, note in ops:
        c = claims[i % len(claims)]
        by = claims[(i + 1) % len(claims)].id if verdict == Verdict.SUPERSEDED else None
        review.mark(c.id, verdict, note=note, by=by)
        if note is None and i % 3 == 0:
            review.undo()
    review.save()
    back = sess.load(project / "sessions" / "s.toml")
    assert back.decisions == review.data.decisions
    assert back.history == review.data.history


def test_undo_reaches_back_into_an_earlier_sitting(project: Path) -> None:
    path = project / "sessions" / "s.toml"
    r = Review.open(path, [str(project / "corpus")], reviewer="alice")
    minister = next(c.id for c in r.claims("alpha.txt") if c.text.startswith("Finance Minister"))
    other = r.claims("beta.txt")[0].id
    r.mark(minister, Verdict.CONFIRMED, note="first")
    r.mark(other, Verdict.DISPUTED)
    r.undo()  # the second mark is undone in the first sitting
    r.save()
    r.close()
    (project / "corpus" / "alpha.txt").write_text(
        ALPHA.replace("said on Monday that", "said on Monday, that")
    )
    r2 = Review.open(path, reviewer="bob")
    try:
        new_id = next(c.id for c in r2.claims("alpha.txt") if c.text.startswith("Finance Minister"))
        assert new_id != minister and r2.decision(new_id).note == "first"
        assert r2.can_undo and r2.can_redo
        assert r2.redo() == f"mark {r2.named_claim(other)} disputed"
        assert r2.decision(other).verdict == Verdict.DISPUTED
        assert r2.undo() == f"mark {r2.named_claim(other)} disputed"
        assert r2.undo() == f"mark {r2.named_claim(new_id)} confirmed"  # follows the re-attached id
        assert r2.decision(new_id).verdict == Verdict.UNREVIEWED and r2.decision(new_id).note == ""
        assert not r2.can_undo
        r2.mark(other, Verdict.CONFIRMED)
        assert not r2.can_redo and r2.can_undo
    finally:
        r2.close()


def test_renamed_article_keeps_its_decisions(project: Path) -> None:
    path = project / "sessions" / "s.toml"
    r = Review.open(path, [str(project / "corpus")])
    cid = r.claims("beta.txt")[0].id
    r.mark(cid, Verdict.DISPUTED, note="moved with the file")
    r.set_published("beta.txt", dt.date(2024, 6, 4))
    text = (project / "corpus" / "beta.txt").read_text(encoding="utf-8")
    manual = r.add_claim("beta.txt", 0, text.index(" reported"))
    r.mark(manual.id, Verdict.CONFIRMED)
    r.save()
    r.close()
    (project / "corpus" / "2024").mkdir()
    (project / "corpus" / "beta.txt").rename(project / "corpus" / "2024" / "beta-story.txt")
    r2 = Review.open(path)
    try:
        assert r2.report.renamed_articles == [("beta.txt", "2024/beta-story.txt")]
        assert r2.report.missing_articles == [] and r2.report.added_articles == [] and not r2.orphans
        moved = r2.claims("2024/beta-story.txt")
        first = next(c for c in moved if not c.manual and c.text.startswith("Reuters reported"))
        d = r2.decision(first.id)
        assert d.verdict == Verdict.DISPUTED and d.note == "moved with the file"
        assert r2.corpus.article("2024/beta-story.txt").published == dt.date(2024, 6, 4)
        assert manual.id in [c.id for c in moved] and r2.decision(manual.id).verdict == Verdict.CONFIRMED
    finally:
        r2.close()


def test_superseding_candidates_rank_similar_reports_of_other_articles_first(tmp_path):
    from factcheck.review import Review

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "+++\npublished = 2024-03-01\n+++\nThe ferry company said it expects to resume crossings to Islay in April.\n"
        "Separately, the council approved a new school budget of 4 million pounds on Monday.\n",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        "+++\npublished = 2024-04-20\n+++\nVoters in the district elected a new mayor on Sunday after a close race.\n"
        "The ferry company resumed crossings to Islay on Friday after repairs, officials said.\n",
        encoding="utf-8",
    )
    with Review.open(tmp_path / "s.toml", [str(corpus)]) as r:
        first = r.claims("a.txt")[0]
        cands = r.superseding_candidates(first.id)
        assert cands[0].article_key == "b.txt" and "resumed crossings" in cands[0].text
        assert all(c.article_key != "a.txt" for c in cands[: len(r.claims("b.txt"))])


def test_superseding_candidates_rank_a_short_claim_of_shared_words_after_a_report_of_the_same_thing(tmp_path):
    """token_set_ratio scored a claim whose words are all in this one ('The company said it expects 300 new jobs
    in April.') above the later report of the same event: the picker listed such fragments first."""
    from factcheck.review import Review

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The ferry company said it expects to resume crossings to Islay in April.\n", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "The ferry company resumed crossings to Islay in June after repairs, officials said.\n",  # no group
        encoding="utf-8",
    )
    (corpus / "c.txt").write_text("The company said it expects 300 new jobs in April.\n", encoding="utf-8")
    with Review.open(tmp_path / "s.toml", [str(corpus)]) as r:
        first = r.claims("a.txt")[0]
        assert r.claims("c.txt"), "the short claim is a claim"
        assert r.corpus.group_of(first.id) is None  # ranked by likeness alone
        cands = r.superseding_candidates(first.id)
        assert cands[0].article_key == "b.txt", [c.text for c in cands]


def test_superseding_candidates_in_german_rank_by_the_words_of_the_event_not_by_function_words(tmp_path):
    """A German claim's likeness counted "der", "die", "und", "in", "am" as much as the words of the event: a
    report of another event written in the same phrasing ranked above the later report of this one."""
    from factcheck.review import Review

    corpus = tmp_path / "c"
    corpus.mkdir()
    first = "Die Polizei hat am Montag in der Innenstadt von Köln drei Verdächtige nach dem Überfall festgenommen."
    later = (
        "Nach dem Überfall in Köln sind die drei Verdächtigen wieder frei, teilte die Staatsanwaltschaft mit."
    )
    other = "Die Stadt hat am Montag in der Innenstadt von Bonn die neue Brücke für den Verkehr freigegeben."
    for name, text in (("a", first), ("b", later), ("c", other)):
        (corpus / f"{name}.json").write_text(
            json.dumps({"title": f"Bericht {name}", "language": "de", "text": text}), encoding="utf-8"
        )
    with Review.open(tmp_path / "s.toml", [str(corpus)]) as r:
        (mine,) = r.claims("a.json")
        assert r.claims("b.json") and r.claims("c.json")
        assert r.corpus.group_of(mine.id) is None  # ranked by likeness alone
        cands = r.superseding_candidates(mine.id)
        assert cands[0].article_key == "b.json", [c.text for c in cands]


def test_set_title_outlet_speaker_are_undoable_saved_and_applied(review: Review, project: Path) -> None:
    art = review.corpus.article("alpha.txt")
    assert art is not None
    orig_title, orig_outlet = art.title, art.outlet
    cid = ids(review, "alpha.txt")[0]
    orig_speaker = review.claim(cid).speaker
    review.set_title("alpha.txt", "  Inflation   hits 3.4% ")
    review.set_outlet("alpha.txt", "Oslo Daily")
    review.set_speaker(cid, "Anna Berg, finance minister")
    assert (art.title, art.outlet) == ("Inflation hits 3.4%", "Oslo Daily")
    assert review.claim(cid).speaker == "Anna Berg, finance minister"
    review.set_published("alpha.txt", dt.date(2024, 4, 2))  # re-extraction keeps the speaker override
    assert review.claim(cid).speaker == "Anna Berg, finance minister"
    review.save()
    data = sess.load(project / "sessions" / "s.toml")
    rec = data.articles["alpha.txt"]
    assert (rec.title, rec.outlet) == ("Inflation hits 3.4%", "Oslo Daily")
    assert data.decisions[cid].speaker == "Anna Berg, finance minister"
    review.close()
    with Review.open(project / "sessions" / "s.toml", reviewer="alice") as again:
        art2 = again.corpus.article("alpha.txt")
        assert art2 is not None and (art2.title, art2.outlet) == ("Inflation hits 3.4%", "Oslo Daily")
        assert again.claim(cid).speaker == "Anna Berg, finance minister"
        assert again.undo() == "publication date of Oslo Daily 'Inflation hits 3.4%'"
        assert again.undo() == f"speaker of {again.named_claim(cid)}"
        assert again.claim(cid).speaker == orig_speaker
        assert again.undo() == "outlet of Oslo Daily 'Inflation hits 3.4%'"
        assert again.undo() == f"title of {orig_outlet or 'alpha.txt'} 'Inflation hits 3.4%'"
        assert (art2.title, art2.outlet) == (orig_title, orig_outlet)
        again.redo()
        assert art2.title == "Inflation hits 3.4%"
        again.set_title("alpha.txt", "   ")  # blank: back to the article's own
        assert art2.title == orig_title
        with pytest.raises(ReviewError, match="unknown article"):
            again.set_outlet("nope.txt", "X")
        with pytest.raises(ReviewError, match="unknown claim"):
            again.set_speaker("cnope", "X")


def test_undo_says_what_it_changed(review: Review) -> None:
    a, b = ids(review, "alpha.txt")[:2]
    review.mark(a, "confirmed")
    review.set_outlet("alpha.txt", "Oslo Daily")
    review.mark(b, "disputed")
    review.undo()
    assert review.last_undo_changes == [("decision", b)]
    review.undo()
    assert review.last_undo_changes == [("article", "alpha.txt")]
    review.redo()
    assert review.last_undo_changes == [("article", "alpha.txt")]


def test_links_to_undecided_claims_follow_an_article_edit(project: Path) -> None:
    """A supersession, an evidence id, a merge and a split can name a claim nobody decided: when its article
    is edited elsewhere (every claim id of it changes), the link follows the unchanged sentence instead of
    pointing at a claim that no longer exists."""
    path = project / "sessions" / "s.toml"
    r = Review.open(path, [str(project / "corpus")], reviewer="alice")
    by_start = {c.text.split()[0]: c.id for c in r.claims("alpha.txt")}
    minister, pm, according = by_start["Finance"], by_start["Prime"], by_start["According"]
    beta0 = r.claims("beta.txt")[0].id
    r.mark(beta0, Verdict.SUPERSEDED, by=minister)  # minister: never decided
    r.add_evidence(beta0, pm)
    r.merge_groups(according, beta0)
    r.take_out_of_group(pm)
    r.save()
    r.close()
    text = ALPHA.replace("The central bank in Oslo announced", "The central bank in Oslo said")
    (project / "corpus" / "alpha.txt").write_text(text, encoding="utf-8")

    r2 = Review.open(path, reviewer="alice")
    try:
        now = {c.text.split()[0]: c.id for c in r2.claims("alpha.txt")}
        assert now["Finance"] != minister  # the edit gave every claim of alpha.txt a new id
        d = r2.decision(beta0)
        assert d.superseded_by == now["Finance"]
        assert d.evidence == (now["Prime"],)
        assert r2._data.merges == [(now["According"], beta0)]
        assert r2._data.splits == [now["Prime"]]
        r2.save()
    finally:
        r2.close()
    on_disk = sess.load(path)
    assert on_disk.decisions[beta0].superseded_by == now["Finance"]


def test_the_cursor_follows_an_edited_or_renamed_article(project: Path) -> None:
    """Reopened after one sentence of the article under the cursor was edited (every claim id of it
    changes) or after its file was renamed, the TUI went back to the first article: the saved cursor named
    the old key and the old claim id."""
    path = project / "sessions" / "s.toml"
    r = Review.open(path, [str(project / "corpus")], reviewer="alice")
    pm = next(c for c in r.claims("alpha.txt") if c.text.startswith("Prime Minister"))
    r.set_cursor("alpha.txt", pm.id)
    r.save()
    r.close()
    corpus = project / "corpus"
    (corpus / "alpha.txt").write_text(ALPHA.replace("announced that", "said that"), encoding="utf-8")
    r2 = Review.open(path, reviewer="alice")
    try:
        now = next(c.id for c in r2.claims("alpha.txt") if c.text.startswith("Prime Minister"))
        assert now != pm.id and r2.cursor == ("alpha.txt", now)
        r2.save()
    finally:
        r2.close()
    (corpus / "alpha.txt").rename(corpus / "alpha-renamed.txt")
    r3 = Review.open(path, reviewer="alice")
    try:
        assert r3.cursor == ("alpha-renamed.txt", now)
    finally:
        r3.close()


def test_a_session_locked_at_open_is_writable_once_the_other_factcheck_closes(project: Path) -> None:
    """A TUI started while `factcheck mark` (or a colleague's TUI) held the session opened read-only and
    stayed so after the other one had closed, saying "close the other one to make changes": the reviewer
    closed it and still could change nothing. The lock is taken again at the next change, when the file is
    as this review read it; when the other one saved meanwhile, it stays read-only and says to reopen."""
    path = project / "sessions" / "s.toml"
    first = Review.open(path, [str(project / "corpus")], reviewer="ann")
    first.save()
    second = Review.open(path, reviewer="bob")
    a, b, c = ids(second, "alpha.txt")[:3]
    assert second.readonly and "another factcheck" in (second.readonly_reason or "")
    with pytest.raises(ReviewError, match="another factcheck"):
        second.mark(a, Verdict.CONFIRMED)
    first.close()
    second.mark(a, Verdict.CONFIRMED)  # the other one has closed: the lock is taken, the change made
    assert not second.readonly and second.readonly_reason is None
    with pytest.raises(SessionLocked):
        Review.open(path, if_locked="raise")  # this one holds it now
    second.save()
    third = Review.open(path, reviewer="cat")  # read-only: second holds the lock
    second.mark(b, Verdict.DISPUTED)
    second.save()
    second.close()
    with pytest.raises(ReviewError, match="reopen"):  # second saved after third read the file
        third.mark(c, Verdict.CONFIRMED)
    assert third.readonly
    third.close()
    on_disk = sess.load(path)
    assert (
        on_disk.decisions[a].verdict == Verdict.CONFIRMED and on_disk.decisions[b].verdict == Verdict.DISPUTED
    )
    assert c not in on_disk.decisions or on_disk.decisions[c].verdict == Verdict.UNREVIEWED


def test_superseding_candidates_put_other_outlets_reports_of_the_event_before_this_articles_own(tmp_path):
    """24horas.cl and cooperativa.cl reported Boric's trip the same day, their claims in one event group: `s` on
    24horas.cl's first claim listed 24horas.cl's own later sentences ("same event · 24horas.cl") before
    cooperativa.cl's report of the same trip (same date, and "24horas.cl..." sorts before "cooperativa...")."""
    from factcheck.model import EventGroup
    from factcheck.review import Review

    corpus = tmp_path / "c"
    corpus.mkdir()
    head = "+++\npublished = 2024-05-04\n+++\n"
    (corpus / "a.txt").write_text(
        head + "The president will travel to Magallanes on Wednesday on his second official trip.\n"
        "He won more than 60 percent of the vote in the region in December, officials said.\n",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        head
        + "The president arrived in Punta Arenas on Wednesday, where the regional governor received him.\n",
        encoding="utf-8",
    )
    with Review.open(tmp_path / "s.toml", [str(corpus)]) as r:
        a, b = r.claims("a.txt"), r.claims("b.txt")
        assert len(a) == 2 and b
        r.corpus.groups = [EventGroup("g1", "trip", "2024-05-04", [c.id for c in a + b])]
        cands = r.superseding_candidates(a[0].id)
        assert [c.article_key for c in cands[:2]] == ["b.txt", "a.txt"]


def _two_dated_reports(tmp_path: Path) -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "early.txt").write_text(
        "+++\npublished = 2018-09-11\n+++\nThe council approved the Elm Street bridge on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    (corpus / "late.txt").write_text(
        "+++\npublished = 2022-05-04\n+++\nThe council will vote on the Elm Street bridge in June, the mayor said.\n",
        encoding="utf-8",
    )
    return corpus


def test_a_report_published_before_the_claim_is_said_to_be_no_later_report(tmp_path):
    """`mark LATE superseded --by EARLY` (a 2022 claim "overtaken" by a report of 2018) was taken without a
    word, though a superseded claim is one overtaken by a later report: a slip of the picker or of an id."""
    with Review.open(tmp_path / "s.toml", [str(_two_dated_reports(tmp_path))]) as r:
        (early,) = r.claims("early.txt")
        (late,) = r.claims("late.txt")
        said = r.earlier_report(late.id, early.id)
        assert said is not None
        assert "2018-09-11" in said and "2022-05-04" in said and early.id in said
        # named as the review names claims elsewhere (undo), not by id alone (qa14: "c26c6d326f6 was published")
        assert said.startswith(f"early.txt 'The council approved the Elm Street…' ({early.id})"), said
        assert "before 'The council will vote on the…' (2022-05-04)" in said, said
        assert r.earlier_report(early.id, late.id) is None  # a later report: nothing to say
        assert r.earlier_report(early.id, early.id) is None


def test_superseding_candidates_look_up_each_articles_language_once_not_per_claim(tmp_path, monkeypatch):
    """On PolNeAR's 1,008 articles the picker's first opening took ~0.4 s making each claim's words: the
    article of each of the batch's 25,600 claims was found by walking the articles. The languages are now
    looked up in one dict; the ranking is the same."""
    from factcheck.pipeline import Corpus
    from factcheck.review import Review

    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"a{i}.txt").write_text(
            f"+++\npublished = 2024-03-0{i + 1}\n+++\nThe ferry company said crossings to Islay resume in week {i}.\n"
            f"The council approved a school budget of {i + 2} million pounds on Monday, officials said.\n",
            encoding="utf-8",
        )
    with Review.open(tmp_path / "s.toml", [str(corpus)]) as r:
        first = r.claims("a0.txt")[0]
        calls = []
        real = Corpus.article

        def counted(self, key):
            calls.append(key)
            return real(self, key)

        monkeypatch.setattr(Corpus, "article", counted)
        cands = r.superseding_candidates(first.id)
        assert len(cands) >= 10
        assert len(calls) <= 3, calls  # its own article's date, and its group's: not one walk per claim
        assert cands[0].article_key != "a0.txt"


def test_a_review_opened_without_groups_groups_when_asked_and_as_a_grouped_one(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``group=False`` (`mark`, `edit`, `status`) groups nothing until something asks for groups: then the
    groups, suggestions and a verdict for a whole group are those of a review opened grouped, with the
    merges, dates and hand-added claims made meanwhile (which left its groups due, not regrouped)."""
    from factcheck import pipeline

    corpus = [str(project / "corpus")]
    grouped = Review.open(project / "sessions" / "g.toml", corpus, reviewer="alice")
    a, b = ids(grouped, "alpha.txt"), ids(grouped, "beta.txt")

    def changes(r: Review) -> None:
        r.merge_groups(a[1], b[0])
        r.set_published("beta.txt", dt.date(2024, 3, 5))
        r.add_claim("alpha.txt", 0, ALPHA.index("."))

    changes(grouped)
    calls: list[int] = []
    real = pipeline.regroup

    def counted(*args: Any, **kw: Any) -> None:
        calls.append(1)
        real(*args, **kw)

    monkeypatch.setattr(pipeline, "regroup", counted)
    lazy = Review.open(project / "sessions" / "l.toml", corpus, reviewer="alice", group=False)
    try:
        assert ids(lazy, "alpha.txt") == a and ids(lazy, "beta.txt") == b
        changes(lazy)
        assert not calls and all(c.group is None for c in lazy.corpus.all_claims())
        assert lazy.apply_to_group(a[1], Verdict.CONFIRMED) == grouped.apply_to_group(a[1], Verdict.CONFIRMED)
        assert len(calls) == 1
        assert [g.to_json() for g in lazy.corpus.groups] == [g.to_json() for g in grouped.corpus.groups]
        assert [c.group for c in lazy.corpus.all_claims()] == [c.group for c in grouped.corpus.all_claims()]
        g = lazy.corpus.group_of(a[1])
        assert g is not None and len(lazy.group_claims(g)) > 1
        for cid in ids(lazy, "alpha.txt") + b:
            assert lazy.suggestions_for(cid) == grouped.suggestions_for(cid)
        # grouped now: a later change regroups as in a review opened grouped
        monkeypatch.setattr(pipeline, "regroup", real)
        grouped.take_out_of_group(b[0])
        monkeypatch.setattr(pipeline, "regroup", counted)
        lazy.take_out_of_group(b[0])
        assert len(calls) == 2
        assert [g.to_json() for g in lazy.corpus.groups] == [g.to_json() for g in grouped.corpus.groups]
    finally:
        lazy.close()
        grouped.close()


def test_a_review_grouped_in_another_thread_refuses_what_moves_groups_until_its_groups_are_set(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``start_grouping`` (the review TUI: the screen is filled, the batch grouped in a worker): until
    ``set_groups``, decisions, notes, titles and speakers work, and what reads or moves groups is refused;
    the function groups a copy of the batch as a grouped opening reads it (titles and speakers as read: its
    groups come from the cache a grouped opening filled), and its groups are that opening's."""
    from factcheck import cache, pipeline

    corpus = [str(project / "corpus")]
    path = project / "sessions" / "s.toml"
    # a cache of its own, on (what other tests left in the process's cache object is not this test's)
    monkeypatch.setenv("FACTCHECK_CACHE", str(project / "cache.sqlite3"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    cache.reset()
    with Review.open(path, corpus, reviewer="alice") as r:
        a, b = ids(r, "alpha.txt"), ids(r, "beta.txt")
        r.merge_groups(a[1], b[0])
        manual = r.add_claim("alpha.txt", 0, ALPHA.index(".")).id
        r.set_title("alpha.txt", "Rates and prices")  # (after the last regrouping: never grouped with it)
        r.set_speaker(manual, "Anna Berg")
        r.save()
    grouped = Review.open(path, reviewer="alice", readonly=True)  # (its groups are cached now)
    made: list[int] = []
    real = pipeline._grouped

    def counted(*args: Any, **kw: Any) -> Any:
        made.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(pipeline, "_grouped", counted)
    lazy = Review.open(path, reviewer="alice", group=False)
    try:
        job = lazy.start_grouping()
        assert job is not None and lazy.grouping and lazy.start_grouping() is None
        lazy.mark(a[0], Verdict.CONFIRMED)
        lazy.set_note(a[0], "checked")
        lazy.set_title("beta.txt", "Rates held")
        lazy.set_speaker(a[2], "Statistics Norway")
        for refused in (
            lambda: lazy.merge_groups(a[0], b[1]),
            lambda: lazy.take_out_of_group(b[0]),
            lambda: lazy.add_claim("beta.txt", 0, BETA.index(".")),
            lambda: lazy.set_published("beta.txt", dt.date(2024, 3, 5)),
            lambda: lazy.apply_to_group(a[1], Verdict.DISPUTED),
            lambda: lazy.suggestions_for(a[1]),
        ):
            with pytest.raises(ReviewError, match="still being grouped"):
                refused()
        # undo and redo of what moves no group work: the speaker, title, note and verdict, then the speaker
        # and title saved before; the hand-added claim saved before them would move groups
        for _ in range(6):
            assert lazy.undo() is not None
        with pytest.raises(ReviewError, match=r"cannot undo .*still being grouped"):
            lazy.undo()
        assert manual in lazy.data.manual and lazy.corpus.groups == []
        for _ in range(6):
            assert lazy.redo() is not None
        assert lazy.decision(a[0]).verdict == Verdict.CONFIRMED and lazy.decision(a[0]).note == "checked"
        groups = job()  # (in the TUI, in a worker thread)
        assert not made  # the groups a grouped opening cached: the same batch, titles and speakers as read
        assert lazy.grouping and all(c.group is None for c in lazy.corpus.all_claims())
        lazy.set_groups(groups)
        assert not lazy.grouping
        assert [g.to_json() for g in lazy.corpus.groups] == [g.to_json() for g in grouped.corpus.groups]
        assert [c.group for c in lazy.corpus.all_claims()] == [c.group for c in grouped.corpus.all_claims()]
        for cid in [*a, *b, manual]:
            assert lazy.suggestions_for(cid) == grouped.suggestions_for(cid)
        assert lazy.corpus.article("alpha.txt").title == "Rates and prices"  # type: ignore[union-attr]
        assert lazy.claim(manual).speaker == "Anna Berg"
        lazy.take_out_of_group(b[0])  # grouped now: what moves groups works again
        assert b[0] in lazy.data.splits
    finally:
        lazy.close()
        grouped.close()
        cache.reset()  # (the next test's cache object is made from its own environment)


def test_words_that_begin_or_end_with_a_single_quote_are_named_in_double_quotes(tmp_path: Path) -> None:
    """A headline or a claim that opens with a quoted name ('Parasite' scores historic upset...; 'We will not
    pay,' the minister said) was named in single quotes around single quotes: "Reuters ''Parasite' scores…'"
    in status, undo and mark's notes. Double quotes then; other words keep their single ones."""
    write_corpus(
        tmp_path / "corpus",
        {
            "a.txt": "'Parasite' scores historic upset at SAG awards\n\n'We will not pay the fine,' the Norwegian"
            " finance minister said on Tuesday in Oslo.\nThe central bank in Oslo announced that it will raise"
            " interest rates by 0.25 points at its meeting on 12 June.\n",
        },
    )
    r = Review.open(tmp_path / "s.toml", [str(tmp_path / "corpus")], reviewer="alice")
    try:
        r.set_outlet("a.txt", "Reuters")
        art = r.corpus.article("a.txt")
        assert art is not None and art.title and art.title.startswith("'Parasite'"), art
        assert r.named_article("a.txt") == "Reuters \"'Parasite' scores historic upset at SAG…\""
        named = {c.text[:3]: r.named_claim(c.id) for c in r.claims("a.txt")}
        assert named["'We"] == "\"'We will not pay the fine,'…\"", named
        assert named["The"] == "'The central bank in Oslo announced…'", named
    finally:
        r.close()


def test_an_orphan_says_why_it_is_on_no_claim(project: Path) -> None:
    """An orphaned decision whose sentence is still in its article (read as page furniture now, or no longer
    kept as a claim, as after an update of factcheck) was told as "a sentence edited": the reviewer searched
    the file for an edit that was never made. ``Review.orphan_why`` tells the cases apart."""
    from dataclasses import replace

    from factcheck.model import Segment

    path = project / "sessions" / "s.toml"
    r = Review.open(path, [str(project / "corpus")])
    stays, furn = r.claims("alpha.txt")[0], r.claims("beta.txt")[0]
    for c in (stays, furn):
        r.mark(c.id, Verdict.CONFIRMED)
    r.save()
    r.close()
    r2 = Review.open(path)
    try:
        art = r2.corpus.article("alpha.txt")
        assert art is not None
        d = r2.decision(stays.id)
        assert r2.orphan_why(replace(d, article="nowhere.txt")) == "its article is no longer in the corpus"
        assert r2.orphan_why(replace(d, text="Words never written there.")) == (
            "its sentence is no longer in the article's text (edited)"
        )
        assert r2.orphan_why(d) == "its sentence is still in the article, no longer read as a claim"
        beta = r2.corpus.article("beta.txt")
        assert beta is not None
        at = beta.text.index(furn.text)
        beta.segments.append(Segment(at, at + len(furn.text), "furniture", "another article"))
        assert r2.orphan_why(r2.decision(furn.id)) == (
            "its sentence is still in the article, now read as page furniture: another article"
        )
    finally:
        r2.close()


def test_a_note_of_blanks_is_no_note(review: Review) -> None:
    """Spaces (or a newline) kept in the note dialog were saved as the claim's note: the claim showed ✎, the
    Event panel "Note:" and nothing after it, and the Markdown report an empty "Note:" line. A note of
    blanks is no note, from the dialog (set_note) as from `mark --note`."""
    first, second = (c.id for c in review.claims("alpha.txt")[:2])
    review.set_note(first, "checked")
    review.set_note(first, "   \n ")
    assert review.decision(first).note == ""
    review.mark(second, Verdict.DISPUTED, note=" \t")
    assert review.decision(second).note == ""
    review.set_note(second, "  kept as typed\n")
    assert review.decision(second).note == "  kept as typed\n"

"""The journal (``session.journal``): each change on disk as it is made, made again when the session is next
read if no save held it; a torn last line ignored and said; a journal that cannot be read refused with its
file, line and column and never written over; one written for another version of the session not applied
and set aside, never lost."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.session import journal
from factcheck.session.journal import Journal, journal_path, step_line


def _saved(path: Path, n: int = 2) -> sess.SessionData:
    """A session file with ``n`` decisions, read back as a review reads it."""
    data = sess.SessionData(reviewer="ana", corpus=["../c"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f00d")
    for i in range(n):
        cid = f"c{i:04d}"
        data.decisions[cid] = sess.Decision(cid, "a.txt", f"claim {i}", Verdict.CONFIRMED)
        data.add_history(
            sess.HistoryEntry(
                i + 1, sess.utcnow(), "ana", "mark", "decision", cid, {}, {"verdict": "confirmed"}
            )
        )
    sess.save(path, data)
    return sess.load(path)


def _mark(data: sess.SessionData, j: Journal, cid: str, verdict: str, note: str = "") -> None:
    """One step as a review makes it: the record changed, its history row, its line in the journal."""
    step = data.last_step() + 1
    data.decisions[cid] = sess.Decision(cid, "a.txt", f"claim {cid}", Verdict(verdict), note=note)
    row = sess.HistoryEntry(step, sess.utcnow(), "ana", "mark", "decision", cid, {}, {"verdict": verdict})
    data.add_history(row)
    j.add(step_line(step, [row], data, [("decision", cid)]))


def test_changes_after_the_last_save_are_made_again_when_the_session_is_read(tmp_path: Path):
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed", note="two lines\nof note, 'quoted'")
    _mark(data, j, "c0009", "superseded")
    data.manual["m1"] = sess.ManualClaim("m1", "a.txt", 3, 9, "by hand")
    data.merges = [("c0000", "c0001")]
    step = data.last_step() + 1
    row = sess.HistoryEntry(
        step,
        sess.utcnow(),
        "ana",
        "add_claim",
        "manual",
        "m1",
        {},
        {"article": "a.txt", "start": 3, "end": 9, "text": "by hand"},
    )
    data.add_history(row)
    j.add(step_line(step, [row], data, [("manual", "m1"), ("groups", "")]))
    # (the process dies here: no save, no close)
    again = sess.load(path)
    assert again.decisions["c0000"].verdict == Verdict.DISPUTED
    assert again.decisions["c0000"].note == "two lines\nof note, 'quoted'"
    assert again.decisions["c0009"].verdict == Verdict.SUPERSEDED
    assert again.manual["m1"].text == "by hand"
    assert again.merges == [("c0000", "c0001")]
    assert again.last_step() == 5 and [h.step for h in again.history][-3:] == [3, 4, 5]
    assert any("3 change(s) made after the last save" in n for n in again.notices), again.notices
    # a save folds them into the file; the journal then follows that file: nothing is made twice
    sess.save(path, again, expected=False)
    third = sess.load(path)
    assert third.history_count() == 5 and third.decisions == again.decisions
    assert not any("made again" in n for n in third.notices)


def test_a_step_made_during_a_save_is_made_again_and_the_saved_ones_are_not(tmp_path: Path):
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    snapshot = data.copy()
    _mark(data, j, "c0001", "disputed")  # made while the snapshot is being saved
    sess.save(path, snapshot, expected=False)  # (its 'saving' line goes to the journal first)
    again = sess.load(path)
    assert again.decisions["c0000"].verdict == Verdict.DISPUTED
    assert again.decisions["c0001"].verdict == Verdict.DISPUTED
    assert [h.step for h in again.history] == [1, 2, 3, 4]  # each row once
    assert any("1 change(s) made after the last save" in n for n in again.notices)


def test_a_torn_last_line_is_ignored_and_said(tmp_path: Path):
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    j.close(saved=False)
    with open(journal_path(path), "ab") as f:
        f.write(b"{step = 4, rows = [{step = 4, at = 2026-")  # the power went while this was written
    again = sess.load(path)
    assert again.decisions["c0000"].verdict == Verdict.DISPUTED
    assert any("last line was cut short" in n for n in again.notices), again.notices


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        ("{step = 4, rows = [}", "line 3, column 20"),  # not TOML
        (
            "{step = 4, rows = [], decisions = [{article = 'a.txt', row = {id = 'x', verdict = 'maybe'}}]}",
            "line 3",
        ),
        ("{step = 'four'}", "line 3, column 2"),
        ("{step = 4, colour = 'red'}", "line 3, column 12"),
    ],
)
def test_a_journal_that_cannot_be_read_is_refused_by_file_line_and_column_and_left_as_it_is(
    tmp_path: Path, bad: str, where: str
):
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    j.close(saved=False)
    jp = journal_path(path)
    with open(jp, "a", encoding="utf-8") as f:
        f.write(bad + "\n")
        f.write(step_line(9, [], data, [("decision", "c0001")]) + "\n")
    before = jp.read_bytes()
    with pytest.raises(sess.SessionCorrupt) as e:
        sess.load(path)
    assert str(e.value).startswith(f"{jp}: {where}"), str(e.value)
    assert "left as it is" in str(e.value)
    assert jp.read_bytes() == before


def _journal_of_another_version(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A session whose journal holds a change made on its second version, then the first version restored by
    hand over it (a backup): the session's path, its journal's, and the journal's bytes."""
    path = tmp_path / "s.toml"
    data = _saved(path)
    data.decisions["c0005"] = sess.Decision("c0005", "a.txt", "five", Verdict.CONFIRMED)
    sess.save(path, data, expected=False)  # a second version; the first is s.toml.bak1
    data = sess.load(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    j.close(saved=False)
    os.replace(tmp_path / "s.toml.bak1", path)  # the reviewer restores the backup by hand
    jp = journal_path(path)
    return path, jp, jp.read_bytes()


def test_a_journal_of_another_version_is_not_applied_and_set_aside_never_lost(tmp_path: Path):
    path, jp, kept = _journal_of_another_version(tmp_path)
    again = sess.load(path)
    assert again.decisions["c0000"].verdict == Verdict.CONFIRMED  # not applied
    assert any("1 change(s) made on another version" in n for n in again.notices), again.notices
    # the next change sets it aside (never written over) and starts a journal of this version
    j2 = Journal(path, again.checksum or "", again.journal)
    _mark(again, j2, "c0001", "disputed")
    aside = sorted(tmp_path.glob("s.toml.journal.unapplied-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == kept
    j2.close(saved=True)  # ... and its own journal is removed once saved, the one set aside never
    assert not jp.exists() and aside[0].exists()


def test_a_journal_is_removed_only_when_the_session_holds_every_change(tmp_path: Path):
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    assert j.wait_synced(10)
    j.close(saved=False)
    assert journal_path(path).exists()
    again = sess.load(path)
    j = Journal(path, again.checksum or "", again.journal)  # nothing changed yet: the file stays as it is
    j.close(saved=False)
    assert sess.load(path).decisions["c0000"].verdict == Verdict.DISPUTED
    j = Journal(path, again.checksum or "", again.journal)
    sess.save(path, again, expected=False)
    j.close(saved=True)
    assert not journal_path(path).exists()
    assert sess.load(path).decisions["c0000"].verdict == Verdict.DISPUTED


def test_a_review_killed_right_after_a_mark_keeps_it(seeds_copy: Path, tmp_path: Path):
    """A real process: open the review, mark, SIGKILL itself before any save; the next opening has the mark,
    can undo it, and once saved and closed leaves no journal."""
    from factcheck.review import Review

    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        ids = [c.id for c in r.corpus.all_claims()[:2]]
        r.mark(ids[0], "confirmed")
        r.save()
    child = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from factcheck.review import Review
        r = Review.open(Path({str(session)!r}), [{str(seeds_copy)!r}])
        r.mark({ids[1]!r}, "disputed", note="after the last save")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert journal_path(session).is_file()
    data = sess.load(session)  # a reader sees it too (status, report), saying where it came from
    assert data.decisions[ids[1]].verdict == Verdict.DISPUTED
    with Review.open(session, [str(seeds_copy)]) as r:
        assert r.decision(ids[1]).note == "after the last save"
        assert r.unsaved
        assert r.undo() is not None and r.decision(ids[1]).verdict == Verdict.UNREVIEWED
        r.save()
    assert not journal_path(session).exists()
    assert sess.load(session).decisions.get(ids[1]) is None


def test_an_opening_that_changes_nothing_leaves_no_journal(seeds_copy: Path, tmp_path: Path):
    from factcheck.review import Review

    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        r.save()
    with Review.open(session, [str(seeds_copy)]) as r:
        pass
    assert not journal_path(session).exists()
    assert journal.journal_path(session) in sess.session_files(session)


def test_a_journal_that_cannot_be_written_keeps_the_change_and_says_why(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from factcheck.review import Review

    def full(self: Journal) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Journal, "_start", full)
    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        cid = r.corpus.all_claims()[0].id
        r.mark(cid, "confirmed")
        assert r.decision(cid).verdict == Verdict.CONFIRMED
        assert r.journal_error is not None and "No space left" in r.journal_error
        r.save()
    assert sess.load(session).decisions[cid].verdict == Verdict.CONFIRMED


def test_a_mark_on_the_preview_while_the_batch_loads_is_journaled_then_taken_over_once(
    seeds_copy: Path, tmp_path: Path
):
    """The TUI shows a preview while a big batch is read; a mark made there was only in memory until the
    opened review took it over (a `kill -9` then lost it). It is in the journal at once; the opened review
    writes the journal anew with its own steps when it takes the preview's over: the mark is made again
    once (one history row) after a crash."""
    from factcheck.review import Review

    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        r.save()
    previews: list[Review] = []
    items: list[tuple[object, list[object]]] = []
    review = Review.open(
        session,
        [str(seeds_copy)],
        session_read=previews.append,
        extracted=lambda batch, done, total: items.extend(batch),
    )
    try:
        preview = previews[0]
        preview.add_loaded(items, len(items), len(items))  # type: ignore[arg-type]
        cid = next(c.id for _, cs in items for c in cs)  # type: ignore[attr-defined]
        preview.mark(cid, "disputed")
        # killed now, while loading: the mark is on disk
        assert sess.load(session).decisions[cid].verdict == Verdict.DISPUTED
        assert review.take_over(preview) == []
        assert review.decision(cid).verdict == Verdict.DISPUTED
        # killed now, once it was taken over: made again once
        again = sess.load(session)
        assert again.decisions[cid].verdict == Verdict.DISPUTED
        assert [h.key for h in again.history if h.op == "mark"] == [cid]
        review.save()
    finally:
        review.close()
    assert not journal_path(session).exists()


def test_a_save_before_the_first_change_is_known_to_the_journal_written_later(tmp_path: Path):
    """A new session: the review's journal is made before the session has a file (its base ''), the first
    file is saved before the reviewer's first change (a review saves the new session as it opens), then a
    change and the process dies: the change is made again on that file, not set aside as another version's."""
    path = tmp_path / "s.toml"
    data = sess.SessionData(reviewer="ana", corpus=["../c"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f00d")
    j = Journal(path, "", None)
    sess.save(path, data)  # (no journal on disk yet: it is told to the journal that waits)
    assert not journal_path(path).exists()
    _mark(data, j, "c0001", "confirmed")
    # (the process dies here)
    again = sess.load(path)
    assert again.decisions["c0001"].verdict == Verdict.CONFIRMED, again.notices
    assert not any("another version" in n for n in again.notices), again.notices
    # and a journal of an existing file, saved again before the first change, the same
    sess.save(path, again, expected=False)
    journal_path(path).unlink()
    read = sess.load(path)
    j2 = Journal(path, read.checksum or "", read.journal)
    read.decisions["c0002"] = sess.Decision("c0002", "a.txt", "claim", Verdict.DISPUTED)
    sess.save(path, read, expected=False)
    _mark(read, j2, "c0003", "superseded")
    third = sess.load(path)
    assert third.decisions["c0003"].verdict == Verdict.SUPERSEDED, third.notices
    assert third.decisions["c0002"].verdict == Verdict.DISPUTED


def test_status_says_the_changes_it_read_from_the_journal(seeds_copy: Path, tmp_path: Path):
    """`status` after a review that died with a change not saved counts it, and says where it came from."""
    from factcheck.review import Review

    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        ids = [c.id for c in r.corpus.all_claims()[:2]]
        r.save()
    child = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from factcheck.review import Review
        r = Review.open(Path({str(session)!r}), [{str(seeds_copy)!r}])
        r.mark({ids[0]!r}, "confirmed")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    got = subprocess.run(
        [sys.executable, "-m", "factcheck", "status", str(session)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert got.returncode == 0, got.stderr
    assert "confirmed        1" in got.stdout, got.stdout
    assert "note: 1 change(s) made after the last save" in got.stdout and "s.toml.journal" in got.stdout, (
        got.stdout
    )
    assert "made again" not in got.stderr, got.stderr  # (said once: it was on stderr too)


def test_a_refused_commands_changes_are_taken_back_from_the_journal_and_earlier_ones_kept(tmp_path: Path):
    """A command that refuses its change (one id of several unknown) gives up what it did before refusing:
    the journal is as the command found it, so no later reading makes that change; changes an earlier review
    left in the journal stay for the next reading."""
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")  # (a review dies with this change not saved)
    again = sess.load(path)
    assert again.decisions["c0000"].verdict == Verdict.DISPUTED
    j2 = Journal(path, again.checksum or "", again.journal)
    _mark(again, j2, "c0007", "superseded")  # (the command then refuses its next id)
    j2.discard()
    third = sess.load(path)
    assert third.decisions["c0000"].verdict == Verdict.DISPUTED, third.notices
    assert "c0007" not in third.decisions
    # a journal the refused command started itself is removed
    sess.save(path, third, expected=False)
    journal_path(path).unlink()
    fourth = sess.load(path)
    j3 = Journal(path, fourth.checksum or "", fourth.journal)
    _mark(fourth, j3, "c0008", "confirmed")
    j3.discard()
    assert not journal_path(path).exists()
    assert "c0008" not in sess.load(path).decisions


def test_a_save_before_the_first_change_of_a_review_that_made_changes_again_is_kept_by_its_journal(
    tmp_path: Path,
):
    """A review dies with a change; the next one makes it again from the journal and saves (its autosave)
    before the reviewer's first change, then a mark, then it dies too: that mark is made again at the next
    reading (the journal written anew at the mark keeps the save's line), not set aside as another version's."""
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    j.close(saved=False)  # (the first review dies)
    again = sess.load(path)
    j2 = Journal(path, again.checksum or "", again.journal)
    sess.save(path, again, expected=False)  # the second review's autosave of the change made again
    _mark(again, j2, "c0001", "superseded")
    # (the second review dies)
    third = sess.load(path)
    assert not any("another version" in n for n in third.notices), third.notices
    assert third.decisions["c0001"].verdict == Verdict.SUPERSEDED
    assert third.decisions["c0000"].verdict == Verdict.DISPUTED
    assert [h.step for h in third.history].count(third.last_step()) == 1


def test_a_save_leaves_a_journal_of_another_version_byte_identical_and_never_applies_it(tmp_path: Path):
    """A journal written for another version of the session (a backup restored by hand) is not written into
    by a save made before the next change: kept byte for byte, and a later reading still does not apply it."""
    path, jp, kept = _journal_of_another_version(tmp_path)
    again = sess.load(path)
    j2 = Journal(path, again.checksum or "", again.journal)
    again.decisions["c0001"] = sess.Decision("c0001", "a.txt", "claim 1", Verdict.SUPERSEDED)
    sess.save(path, again, expected=False)  # (an autosave before a change is journaled)
    assert jp.read_bytes() == kept
    # (the process dies here) the other version's change is still not applied on the file saved
    third = sess.load(path)
    assert third.decisions["c0000"].verdict == Verdict.CONFIRMED
    assert any("made on another version" in n for n in third.notices), third.notices
    # the review's next change sets it aside as it was, and its own journal follows the file it saved
    _mark(again, j2, "c0002", "disputed")
    aside = sorted(tmp_path.glob("s.toml.journal.unapplied-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == kept
    fourth = sess.load(path)
    assert fourth.decisions["c0002"].verdict == Verdict.DISPUTED, fourth.notices
    assert fourth.decisions["c0000"].verdict == Verdict.CONFIRMED
    assert not any("another version" in n for n in fourth.notices), fourth.notices
    j2.close(saved=False)


def test_merge_over_an_output_with_a_journal_does_not_apply_that_journal_to_the_merge(tmp_path: Path):
    """`merge --force` writes over an older output whose review died with a change: that change was made on
    the old output, so it is not made again on the merge (said, kept), and the journal is left as it is."""
    from factcheck.cli import main

    a, b, out = tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "out.toml"
    _saved(a)
    _saved(b, 3)
    old = _saved(out, 1)
    j = Journal(out, old.checksum or "", old.journal)
    for i in range(4):
        _mark(old, j, f"c00{i + 5:02d}", "disputed")
    j.close(saved=False)  # (the review of the old output died)
    kept = journal_path(out).read_bytes()
    assert main(["merge", str(a), str(b), "-o", str(out), "--force"]) == 0
    assert journal_path(out).read_bytes() == kept
    merged = sess.load(out)
    assert not any(cid in merged.decisions for cid in ("c0005", "c0006", "c0007", "c0008"))
    assert any("made on another version" in n for n in merged.notices), merged.notices


def test_a_line_cut_short_by_a_full_disk_leaves_a_journal_that_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The disk fills up within a line's write (a short write): the piece is taken back and said, and the line
    is written again before the next one once there is room, so the journal never holds a piece of a line
    followed by more lines (the session could not be opened: "line 3, column ...") nor skips a step."""
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    real_write = os.write

    def half(fd: int, b: bytes) -> int:
        return real_write(fd, b[: len(b) // 2])

    monkeypatch.setattr(journal.os, "write", half)
    _mark(data, j, "c0001", "disputed")  # the disk is full
    monkeypatch.setattr(journal.os, "write", real_write)  # room again
    assert j.error is not None and "No space left" in j.error
    assert sess.load(path).decisions["c0001"].verdict == Verdict.CONFIRMED  # (the piece taken back)
    _mark(data, j, "c0002", "superseded")  # written after the line that could not be
    assert j.error is None and j.unwritten == 0
    again = sess.load(path)  # the process dies here: what the journal holds is made again, nothing refused
    assert again.decisions["c0000"].verdict == Verdict.DISPUTED
    assert again.decisions["c0001"].verdict == Verdict.DISPUTED
    assert again.decisions["c0002"].verdict == Verdict.SUPERSEDED
    sess.save(path, data, expected=False)  # the autosave holds every change; the journal goes on after it
    _mark(data, j, "c0003", "superseded")
    third = sess.load(path)
    assert {k: d.verdict for k, d in third.decisions.items()} == {
        k: d.verdict for k, d in data.decisions.items()
    }
    assert [h.step for h in third.history] == [h.step for h in data.history], third.notices
    j.close(saved=True)


def test_a_last_line_cut_within_a_character_is_a_torn_line_not_a_corrupt_journal(tmp_path: Path):
    """A journal cut at any byte (a power cut within a write) reads: its whole lines are made again, a last line
    cut short is ignored and said, also when the cut falls within a character of a note ("café", "—")."""
    path = tmp_path / "s.toml"
    data = _saved(path)
    j = Journal(path, data.checksum or "", data.journal)
    for i in range(2):
        _mark(data, j, f"c001{i}", "disputed", note="café — “quoted” 日本")
    j.close(saved=False)
    jp = journal_path(path)
    full = jp.read_bytes()
    ends = [i + 1 for i, b in enumerate(full) if b == 10][1:]  # after each step line
    cuts_in_a_character = [i for i in range(len(full)) if full[i] & 0xC0 == 0x80]
    assert cuts_in_a_character
    for cut in cuts_in_a_character:
        jp.write_bytes(full[:cut])
        got = sess.load(path)
        assert sum(1 for k in got.decisions if k.startswith("c001")) == sum(1 for e in ends if e <= cut)
        assert any("cut short" in n for n in got.notices), got.notices
        assert jp.read_bytes() == full[:cut]


@pytest.mark.parametrize("saved_before", [False, True])
def test_quitting_while_the_batch_loads_keeps_the_changes_read_from_the_journal(
    seeds_copy: Path, tmp_path: Path, saved_before: bool
):
    """A review died with a change; the next one is ended while its batch is still read (q, or SIGHUP of a
    closed terminal): the TUI saves the preview it shows if it has changes, and the preview holds the change
    made again from the journal. It was not counted as a change: nothing was saved and the journal was removed
    (found in tmux: kill -9 after a mark, reopen, SIGHUP while loading, and the decision was gone)."""
    from factcheck.review import Review

    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        cid = r.corpus.all_claims()[0].id
        if saved_before:
            r.save()
        j = r._journal
        assert j is not None
        r.mark(cid, "disputed")
        assert j.wait_synced(10)
        r._journal = None  # (the process dies here: its journal stays as it is)
    j.close(saved=False)
    previews: list[Review] = []
    review = Review.open(session, [str(seeds_copy)], session_read=previews.append)
    review.close()  # (the app ends before it is shown: only the preview is saved, as the TUI does)
    preview = previews[0]
    assert preview.dirty  # the TUI's save_now saves only a review with changes
    preview.save()
    preview.close()
    assert sess.load(session).decisions[cid].verdict == Verdict.DISPUTED
    assert not journal_path(session).exists()


def test_status_of_a_session_that_died_before_its_first_save_says_where_its_decisions_are(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """A new session's review died before its first save: `status`, `report` and `edit` said only "no such
    session" while its journal held the decisions; they say where they are and how to keep them."""
    from factcheck.cli import main

    session = tmp_path / "s.toml"
    data = sess.SessionData(reviewer="ana", corpus=[str(seeds_copy)])
    j = Journal(session, "", None)
    _mark(data, j, "c0001", "confirmed")
    j.close(saved=False)  # (the process died)
    for argv in (
        ["status", str(session)],
        ["report", str(session)],
        ["edit", str(session), "--article", "a", "--title", "t"],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "s.toml.journal holds the changes of a review that ended before its first save" in err, err
        assert f"factcheck review CORPUS --session {session}" in err
    journal_path(session).unlink()
    assert main(["status", str(session)]) == 2
    assert capsys.readouterr().err.strip().endswith("s.toml: no such session")


def _refuse_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Every write of the journal refused as a full disk (ENOSPC) or a folder made read-only (EROFS) would."""

    def refused(fd: int, b: bytes) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(journal.os, "write", refused)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_changes_made_while_the_disk_refuses_the_journal_are_written_once_it_takes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
):
    """While the disk refuses the journal (full, or made read-only) the changes stay in memory and wait; the
    first change once it takes lines again writes them all, in order: a process killed then, without a
    save in between, keeps every decision (they were lost until a save)."""
    path = tmp_path / "s.toml"
    data = _saved(path, n=5)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    _refuse_writes(monkeypatch, code)
    _mark(data, j, "c0001", "disputed", note="made while the disk was full")
    _mark(data, j, "c0002", "superseded")
    assert j.error is not None and os.strerror(code) in j.error and j.unwritten == 2
    monkeypatch.undo()  # room again
    _mark(data, j, "c0003", "disputed")
    assert j.error is None and j.unwritten == 0
    again = sess.load(path)  # the process dies here, no save since the disk was full
    assert {k: d.verdict for k, d in again.decisions.items()} == {
        k: d.verdict for k, d in data.decisions.items()
    }
    assert again.decisions["c0001"].note == "made while the disk was full"
    assert [h.step for h in again.history] == [h.step for h in data.history]
    j.close(saved=False)


def test_a_save_while_the_journal_waits_keeps_only_the_later_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A save made while lines wait (the save holds their steps) drops them; a line that waits for a step
    made after the save's snapshot is written after the save's line, so nothing is skipped or made twice."""
    path = tmp_path / "s.toml"
    data = _saved(path, n=4)
    j = Journal(path, data.checksum or "", data.journal)
    _mark(data, j, "c0000", "disputed")
    _refuse_writes(monkeypatch, errno.ENOSPC)
    _mark(data, j, "c0001", "disputed")
    snapshot = data.copy()  # what the autosave writes ...
    _mark(data, j, "c0002", "superseded")  # ... and a step made while it is written
    assert j.unwritten == 2
    monkeypatch.undo()
    sess.save(path, snapshot, expected=False)
    assert j.unwritten == 0 and j.error is None
    again = sess.load(path)  # killed here
    assert again.decisions["c0001"].verdict == Verdict.DISPUTED
    assert again.decisions["c0002"].verdict == Verdict.SUPERSEDED
    assert [h.step for h in again.history] == [h.step for h in data.history], again.notices
    j.close(saved=False)

"""The history file beside a session: read when first needed, appended to, moved with its session, and a
missing, stale or broken one never stops the decisions from opening."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import memory, pipeline
from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.session import history

T0 = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC)


def entry(step: int, cid: str = "c0000000001", note: str = "") -> sess.HistoryEntry:
    after = {"verdict": "confirmed", "note": note} if note else {"verdict": "confirmed"}
    return sess.HistoryEntry(step, T0, "alice", "mark", "decision", cid, {"verdict": "unreviewed"}, after)


def session(rows: int = 3) -> sess.SessionData:
    data = sess.SessionData(reviewer="alice", created=T0, corpus=["../corpus"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f00d")
    for i in range(3):
        cid = f"c{i:010x}"
        data.decisions[cid] = sess.Decision(cid, "a.txt", f"claim {i}", Verdict.CONFIRMED, updated=T0)
    for s in range(1, rows + 1):
        data.add_history(entry(s, f"c{s % 3:010x}"))
    return data


def test_history_is_read_when_first_needed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, session(5))
    calls: list[str] = []
    real = history.loads_history
    monkeypatch.setattr(history, "loads_history", lambda t, w="": calls.append(w) or real(t, w))
    data = sess.load(path)
    assert calls == [] and data.history_count() == 5 and data.last_step() == 5
    data.add_history(entry(6))  # adding reads nothing either
    assert calls == [] and data.history_count() == 6
    assert [h.step for h in data.history] == [1, 2, 3, 4, 5, 6]
    assert calls == [str(tmp_path / "s.history.toml")]


def test_saves_append_and_older_versions_find_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    hpath = tmp_path / "s.history.toml"
    data = session(2)
    state = sess.save(path, data)
    first = hpath.read_bytes()
    data = sess.load(path)
    state = sess.load_with_state(path)[1]
    for s in (3, 4):
        data.decisions["c0000000001"] = sess.Decision(
            "c0000000001", "a.txt", "claim 1", Verdict.DISPUTED, note=f"n{s}"
        )
        data.add_history(entry(s, note=f"n{s}"))
        state = sess.save(path, data, expected=state)
    now = hpath.read_bytes()
    assert now.startswith(first[:-2]) and now.endswith(b"]\n")  # appended: the old rows untouched
    assert data.history_unread is not None  # saved without reading the rows of the file
    back = sess.load(path)
    assert [h.step for h in back.history] == [1, 2, 3, 4] and back.notices == []
    # The session's backups (one per save) hold fewer rows: each finds its own as a prefix of the file.
    older = sess.load(sess.backup_paths(path)[1])
    assert [h.step for h in older.history] == [1, 2] and older.notices == []
    # Its text round-trips: the whole file, as written, reads back as the same rows.
    assert history.loads_history(now.decode(), "h") == back.history
    assert history.dumps_history(back.history).encode() == now  # and is what rendering them gives


def test_a_save_cut_short_between_the_two_files(tmp_path: Path) -> None:
    """Rows appended for a save whose session file was never written are ignored, then written over."""
    path = tmp_path / "s.toml"
    hpath = tmp_path / "s.history.toml"
    sess.save(path, session(2))
    data, state = sess.load_with_state(path)
    data.add_history(entry(3, note="lost"))
    assert state is not None
    history.write(history.plan(path, data, state.history))  # the history written, the session not
    assert b"lost" in hpath.read_bytes()
    again, state = sess.load_with_state(path)
    assert [h.step for h in again.history] == [1, 2] and again.notices == []
    again.add_history(entry(3, note="kept"))
    sess.save(path, again, expected=state)
    text = hpath.read_text(encoding="utf-8")
    assert "lost" not in text and "kept" in text
    assert [h.after.get("note") for h in sess.load(path).history] == [None, None, "kept"]


def test_one_lost_change_is_one_change(tmp_path: Path) -> None:
    """`status` of a session whose history file is gone said "(1 earlier changes are not available)"."""
    path = tmp_path / "s.toml"
    sess.save(path, session(1))
    (tmp_path / "s.history.toml").unlink()
    (notice,) = sess.load(path).notices
    assert notice.endswith("(1 earlier change is not available)"), notice


def test_missing_or_replaced_history_file_never_stops_the_decisions(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    hpath = tmp_path / "s.history.toml"
    data = session(3)
    sess.save(path, data)
    hpath.unlink()
    back = sess.load(path)
    assert back.decisions == data.decisions and back.history == []
    assert back.notices == [
        "the history file s.history.toml is missing; decisions loaded; undo reaches back only to this"
        " sitting (3 earlier changes are not available)"
    ]
    back.add_history(entry(4))
    sess.save(path, back)
    assert [h.step for h in sess.load(path).history] == [4]
    # Replaced by another session's history (valid, but not what was recorded): loaded as it is, said so.
    other = tmp_path / "o.toml"
    sess.save(other, session(7))
    shutil.copy(tmp_path / "o.history.toml", hpath)
    back = sess.load(path)
    assert len(back.history) == 7 and "changed outside factcheck" in back.notices[0]
    sess.save(path, back)
    assert sess.load(path).notices == []


def test_session_moved_with_and_without_its_history(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, session(3))
    moved = tmp_path / "elsewhere" / "t.toml"
    moved.parent.mkdir()
    os.rename(path, moved)
    os.rename(tmp_path / "s.history.toml", moved.parent / "t.history.toml")
    assert [h.step for h in sess.load(moved).history] == [1, 2, 3]
    copy = tmp_path / "copy.toml"
    shutil.copy(moved, copy)  # the session alone
    data = sess.load(copy)
    assert data.history == [] and "copy.history.toml is missing" in data.notices[0]


def test_merge_writes_the_history_beside_the_output(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "out.toml"
    sess.save(a, session(2))
    data_b = session(1)
    data_b.reviewer = "bob"
    sess.save(b, data_b)
    merged, _ = sess.merge(sess.load(a), sess.load(b))
    sess.save(out, merged)
    back = sess.load(out)
    assert back.notices == [] and back.history_count() == len(merged.history) >= 3
    assert (tmp_path / "out.history.toml").is_file()


SCHEMA3 = """# factcheck review session
schema = 3
reviewer = 'alice'
corpus = ['../corpus']

[groups]
merges = []
splits = []

[articles.'a.txt']
fingerprint = 'f00d'
decisions = [
  {id = 'c0000000001', verdict = 'disputed', note = "two\\nlines", reviewer = 'alice', updated = 2025-03-01T09:30:00Z, text = 'claim 1'},
]

[history]
rows = [
  {step = 1, at = 2025-03-01T09:30:00Z, by = 'alice', op = 'mark', kind = 'decision', key = 'c0000000001', before = {verdict = 'unreviewed'}, after = {verdict = 'disputed'}},
]
"""


def schema3_text() -> str:
    tail = "\n[integrity]\narticles = 1\ndecisions = 1\nmanual = 0\nhistory = 1\n"
    body = SCHEMA3.rstrip("\n")
    return body + tail + f"checksum = 'crc32:{zlib.crc32(body.encode()):08x}'\n"


def test_schema_3_is_migrated_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    text = schema3_text()
    path.write_text(text, encoding="utf-8")
    data = sess.load(path)
    assert data.schema == 3 and len(data.notices) == 1 and "schema 3 session" in data.notices[0]
    assert data.decisions["c0000000001"].note == "two\nlines"
    assert [h.after for h in data.history] == [{"verdict": "disputed"}]
    sess.save(path, data)
    assert sess.schema_backup_path(path, 3).read_text(encoding="utf-8") == text
    back = sess.load(path)
    assert back.schema == sess.SCHEMA and back.notices == []
    assert back.decisions == data.decisions and back.history == data.history
    assert "{step" not in path.read_text(encoding="utf-8")
    assert (tmp_path / "old.history.toml").read_text(encoding="utf-8").count("{step") == 1


def test_first_save_after_loading_renders_only_what_changed(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, session(3))
    before = path.read_text(encoding="utf-8")
    data, state = sess.load_with_state(path)
    assert all(d._row is not None for d in data.decisions.values())  # the lines as read
    assert sess.fileformat.render(data, state.history if state else None).fresh.decisions == {}
    sess.save(path, data, expected=state)
    assert path.read_text(encoding="utf-8") == before
    data.decisions["c0000000002"] = sess.Decision("c0000000002", "a.txt", "claim 2", Verdict.DISPUTED)
    fresh = sess.fileformat.render(data).fresh
    assert fresh is not None and [d.claim_id for _, rows in fresh.decisions.items() for d, _ in rows] == [
        "c0000000002"
    ]
    # A cached line is what rendering the record anew gives (the cache never changes the file).
    for d in sess.load(path).decisions.values():
        assert d._row == sess.fileformat.decision_row(replace(d))


def test_undo_reaches_into_the_history_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, session(3))
    r = Review(path, sess.load(path), pipeline.Corpus(paths=[]), reviewer="alice", readonly=False)
    assert r.undo() == "mark 'claim 0' confirmed"  # (no article read: the stored words)
    assert "c0000000000" not in r.data.decisions


def test_memory_reads_a_folder_of_sessions_without_their_history_files(tmp_path: Path) -> None:
    sess.save(tmp_path / "s.toml", session(2))
    _, errors = memory.read_sources([tmp_path])
    assert all("history" not in str(e) for e in errors), errors


ROW = st.builds(
    entry,
    st.integers(min_value=1, max_value=10**6),
    st.from_regex(r"c[0-9a-f]{10}", fullmatch=True),
    st.text(max_size=20),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(ROW, max_size=4), min_size=1, max_size=4))
def test_appended_saves_read_back_as_written(tmp_path: Path, batches: list[list[sess.HistoryEntry]]) -> None:
    """Any rows, saved in batches (each an append): the file reads back as every row, in order."""
    path = tmp_path / "h.toml"
    for p in (path, history.history_path(path)):
        p.unlink(missing_ok=True)
    data = session(0)
    state: sess.FileState | None = None
    for batch in batches:
        for h in batch:
            data.add_history(h)
        state = sess.save(path, data, expected=state)
    back = sess.load(path)
    assert back.notices == [] and back.history == data.history


APOSTROPHE_TEXT = st.lists(
    st.one_of(st.text(), st.sampled_from(["'", "''", "'''", "it's", "\n", "\t"])), max_size=6
).map("".join)


@settings(max_examples=300, deadline=None)
@given(APOSTROPHE_TEXT)
def test_any_string_reads_back_as_a_value_and_as_a_key(s: str) -> None:
    """Strings with apostrophes are written between triple apostrophes where that reads back exactly; a
    key never is (TOML keys are one-line strings)."""
    import tomllib

    from factcheck.session.fileformat import toml_key, toml_str

    value = toml_str(s)
    assert "\n" not in value
    assert tomllib.loads(f"v = {value}\n")["v"] == s
    assert tomllib.loads(f"{toml_key(s)} = 1\n") == {s: 1}
    if "'" in s and "''" not in s and s[0] != "'" and s[-1] != "'" and s.isprintable():
        assert value == f"'''{s}'''"


def test_a_conflict_file_gets_its_own_history(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, session(2))
    data, state = sess.load_with_state(path)
    sess.save(path, session(3))  # another program writes the session meanwhile
    data.add_history(entry(3, note="mine"))
    with pytest.raises(sess.SessionChanged) as e:
        sess.save(path, data, expected=state)
    other = Path(e.value.saved_to)
    back = sess.load(other)
    assert back.notices == [] and [h.after.get("note") for h in back.history] == [None, None, "mine"]
    assert history.history_path(other).is_file()
    assert len(sess.load(path).history) == 3  # the other program's version, untouched


def test_rows_read_in_the_background_are_used_once_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, session(300))
    r = Review(path, sess.load(path), pipeline.Corpus(paths=[]), reviewer="alice", readonly=False)
    r.read_history_in_background()
    pre = r.data.history_prefetch
    assert isinstance(pre, history.Prefetch)
    rows, notice = pre.result()
    assert len(rows) == 300 and notice is None
    snap = r.data.copy()  # a save's snapshot shares the prefetch
    monkeypatch.setattr(history, "loads_history", lambda *a: pytest.fail("read a second time"))
    assert [h.step for h in snap.history] == list(range(1, 301))
    r.data.add_history(entry(301))
    assert [h.step for h in r.data.history] == list(range(1, 302))
    assert r.undo() == "mark 'claim 1' confirmed"


def test_other_rows_saved_with_an_earlier_state_are_never_appended_to_a_prefix_not_theirs(
    tmp_path: Path,
) -> None:
    """Saving a different session object with the state of an earlier save (as the crash test does)
    writes its own rows, never its rows after the earlier save's."""
    path = tmp_path / "s.toml"
    a = session(0)
    a.add_history(entry(1, note="a"))
    state = sess.save(path, a)
    b = session(0)
    b.add_history(entry(1, note="b1"))
    b.add_history(entry(2, note="b2"))
    sess.save(path, b, expected=state)
    back = sess.load(path)
    assert [h.after.get("note") for h in back.history] == ["b1", "b2"]
    assert (tmp_path / "s.history.toml.bak1").is_file()  # a's rows kept
    assert [h.after.get("note") for h in sess.load(sess.backup_paths(path)[0]).history] == ["a"]


def test_saves_cut_short_again_and_again_never_push_the_recorded_rows_out_of_the_backups(
    tmp_path: Path,
) -> None:
    """Each save below rewrites the whole history file (its rows differ from the file's) and is cut short
    before the session file: the rows the session records stay in a backup however often it happens."""
    path = tmp_path / "s.toml"
    hpath = tmp_path / "s.history.toml"
    sess.save(path, session(3))
    recorded = hpath.read_bytes()
    for k in range(2 * len(history.backup_paths(hpath)) + 1):
        data = session(0)
        data.add_history(entry(1, note=f"cut short {k}"))
        history.write(history.plan(path, data, None))  # the history written, the session not
        assert f"cut short {k}".encode() in hpath.read_bytes()
    assert history.backup_paths(hpath)[0].read_bytes() == recorded  # not rotated out
    back = sess.load(path)
    assert [h.step for h in back.history] == [1, 2, 3]
    assert "were read from s.history.toml.bak1" in back.notices[0]
    sess.save(path, back)
    assert [h.step for h in sess.load(path).history] == [1, 2, 3] and sess.load(path).notices == []


def test_a_history_file_changed_by_hand_is_kept_before_a_whole_new_one_is_written(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    hpath = tmp_path / "s.history.toml"
    sess.save(path, session(3))
    edited = hpath.read_text(encoding="utf-8").replace("alice", "alicia")
    hpath.write_text(edited, encoding="utf-8")
    data = session(0)
    data.add_history(entry(1, note="new"))
    sess.save(path, data)
    assert history.backup_paths(hpath)[0].read_text(encoding="utf-8") == edited
    assert history.recorded(path) is not None and history.recorded(tmp_path / "none.toml") is None

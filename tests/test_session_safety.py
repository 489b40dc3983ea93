"""Sessions under attack and on bad disks: symlinks, read-only and full file systems, read-only files,
hand-edited wrong types, backups that must keep the version before a mistake, undo of bad history rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import pipeline
from factcheck import session as sess
from factcheck.cli import main
from factcheck.model import Verdict
from factcheck.review import Review, ReviewError, SessionError, SessionNotWritable

ALPHA = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
"""
T0 = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "sessions").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "carol")
    return tmp_path


def first_claim(proj: Path) -> str:
    with Review.open(proj / "sessions" / "probe.toml", [str(proj / "corpus")], readonly=True) as r:
        return r.claims("alpha.txt")[0].id


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[Path]:
    """A real tmpfs mounted at ``where`` (root only; skipped elsewhere)."""
    where.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


# ---------------------------------------------------------------------------------------------
# #19.1: never follow a symlink for the lock, temp files or backups


def test_a_planted_lock_symlink_is_refused_and_its_target_untouched(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = first_claim(proj)
    victim = proj / "victim.txt"
    victim.write_text("precious\n")
    session = proj / "sessions" / "s.toml"
    os.symlink(victim, sess.lock_path(session))
    code, _, err = run(capsys, "mark", str(session), cid, "confirmed", "--corpus", "corpus")
    assert code == 2 and "symbolic link" in err and "refused" in err and "Traceback" not in err
    assert err.count("\n") == 1
    with pytest.raises(SessionNotWritable, match="symbolic link"):
        sess.SessionLock.acquire(session)
    with Review.open(session, [str(proj / "corpus")]) as r:  # the TUI's way: read-only, saying why
        assert r.readonly and r.lock_message and "symbolic link" in r.lock_message
    # merge -o: the output's lock
    a = proj / "sessions" / "a.toml"
    b = proj / "sessions" / "b.toml"  # (a session merged with itself is refused before any lock)
    for s in (a, b):
        assert run(capsys, "mark", str(s), cid, "confirmed", "--corpus", "corpus")[0] == 0
    out = proj / "sessions" / "out.toml"
    os.symlink(victim, sess.lock_path(out))
    code, _, err = run(capsys, "merge", str(a), str(b), "-o", str(out))
    assert code == 2 and "symbolic link" in err and "Traceback" not in err
    assert victim.read_text() == "precious\n" and not out.exists()


def test_backups_and_migration_backup_never_write_through_a_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    path = tmp_path / "s.toml"
    data = sess.SessionData(reviewer="a", corpus=["c"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f")
    sess.save(path, data)
    for b in sess.backup_paths(path):
        os.symlink(victim, b)
    for i in range(sess.BACKUPS + 1):
        data.reviewer = f"r{i}"
        sess.save(path, data)
    assert victim.read_text() == "precious\n"
    assert all(b.is_file() and not b.is_symlink() for b in sess.backup_paths(path))
    # A schema 2 file saved as schema 3 keeps its backup, but not through a planted symlink.
    old = tmp_path / "old.toml"
    old.write_text(
        'schema = 2\nreviewer = "a"\ncorpus = []\n[integrity]\narticles = 0\ndecisions = 0\nmanual = 0\n'
        'history = 0\nchecksum = "skip"\n'
    )
    os.symlink(victim, sess.schema_backup_path(old, 2))
    sess.save(old, sess.load(old))
    assert victim.read_text() == "precious\n" and sess.load(old).schema == sess.SCHEMA


# ---------------------------------------------------------------------------------------------
# #19.12: full disk, read-only file system, read-only folder, read-only file


def test_full_disk_gives_a_clear_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "size=64k") as mnt:
        path = mnt / "s.toml"
        data = sess.SessionData(reviewer="a", corpus=["c"])
        data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f")
        sess.save(path, data)
        before = path.read_bytes()
        data.decisions["c1"] = sess.Decision("c1", "a.txt", "x", Verdict.CONFIRMED, note="n" * 200_000)
        with pytest.raises(SessionNotWritable, match="no space left on the device"):
            sess.save(path, data)
        assert path.read_bytes() == before
        assert not [p for p in mnt.iterdir() if p.name.endswith(".tmp")]


def test_read_only_file_system_opens_read_only_and_mark_says_why(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = first_claim(proj)
    with tmpfs(proj / "ro", "size=1m") as mnt:
        session = mnt / "s.toml"
        assert run(capsys, "mark", str(session), cid, "confirmed", "--corpus", "corpus")[0] == 0
        before = session.read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        code, _, err = run(capsys, "mark", str(session), cid, "disputed", "--corpus", "corpus")
        assert code == 2 and "read-only" in err and "Traceback" not in err and err.count("\n") == 1
        with Review.open(session, [str(proj / "corpus")]) as r:
            assert r.readonly and r.lock_message and "read-only" in r.lock_message
            assert r.decision(cid).verdict == Verdict.CONFIRMED
            with pytest.raises(ReviewError, match="read-only"):
                r.mark(cid, "disputed")
        assert session.read_bytes() == before


READONLY_FOLDER_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from factcheck import session as sess
from factcheck.review import Review
session, corpus, cid = Path(sys.argv[2]), sys.argv[3], sys.argv[4]
try:
    sess.SessionLock.acquire(session)
except sess.SessionNotWritable as e:
    print("lock:", e)
try:
    sess.save(session, sess.load(session))
except sess.SessionNotWritable as e:
    print("save:", e)
with Review.open(session, [corpus]) as r:
    print("review:", r.readonly, r.lock_message)
"""


def test_read_only_folder_as_another_user(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real EACCES: the session's folder belongs to root and the user running factcheck cannot write it."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run factcheck as another user")
    proj = Path(tempfile.mkdtemp(prefix="factcheck-ro-"))  # under /tmp: reachable by another user
    try:
        proj.chmod(0o755)
        (proj / "corpus").mkdir(mode=0o755)
        (proj / "corpus" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
        (proj / "sessions").mkdir(mode=0o755)
        monkeypatch.chdir(proj)
        monkeypatch.setenv("FACTCHECK_CONFIG", str(proj / "no-config.toml"))
        cid = first_claim(proj)
        session = proj / "sessions" / "s.toml"
        assert run(capsys, "mark", str(session), cid, "confirmed", "--corpus", "corpus")[0] == 0
        before = session.read_bytes()
        root = str(Path(__file__).resolve().parents[1])
        r = subprocess.run(
            [
                *("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c"),
                *(READONLY_FOLDER_SCRIPT, root, str(session), str(proj / "corpus"), cid),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "HOME": str(proj)},
        )
        if r.returncode != 0 and not r.stdout:
            pytest.skip(f"cannot run this Python as another user here: {r.stderr.strip()[-200:]}")
        assert r.returncode == 0, r.stderr
        out = r.stdout
        assert "lock: " in out and "permission denied" in out
        assert "save: " in out and "not saved: permission denied" in out
        assert "review: True " in out and "opened read-only" in out
        assert session.read_bytes() == before
    finally:
        shutil.rmtree(proj, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_read_only_folder_opens_read_only(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = first_claim(proj)
    session = proj / "sessions" / "s.toml"
    assert run(capsys, "mark", str(session), cid, "confirmed", "--corpus", "corpus")[0] == 0
    (proj / "sessions").chmod(0o555)
    try:
        code, _, err = run(capsys, "mark", str(session), cid, "disputed", "--corpus", "corpus")
        assert code == 2 and "permission denied" in err and "Traceback" not in err
        with Review.open(session, [str(proj / "corpus")]) as r:
            assert r.readonly and r.lock_message
    finally:
        (proj / "sessions").chmod(0o755)


def test_a_read_only_session_file_is_never_replaced(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = first_claim(proj)
    session = proj / "sessions" / "s.toml"
    assert run(capsys, "mark", str(session), cid, "confirmed", "--corpus", "corpus")[0] == 0
    session.chmod(0o444)
    before = session.read_bytes()
    code, _, err = run(capsys, "mark", str(session), cid, "disputed")
    assert code == 2 and "read-only file" in err and "Traceback" not in err
    with Review.open(session) as r:
        assert r.readonly and r.lock_message and "read-only" in r.lock_message
    with pytest.raises(SessionNotWritable, match=r"read-only \(mode 0444\)"):
        sess.save(session, sess.load(session))
    assert session.read_bytes() == before and not sess.backup_paths(session)[0].exists()


def test_a_backup_given_as_the_session_is_never_written(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `mark s.toml.bak1 ID confirmed` said "confirmed", wrote the decision into the backup (which the next
    # saves of s.toml rotate away) and a row into s.toml's own history file
    cid = first_claim(proj)
    session = proj / "sessions" / "s.toml"
    assert run(capsys, "mark", str(session), cid, "confirmed", "--corpus", "corpus")[0] == 0
    assert run(capsys, "mark", str(session), cid, "disputed")[0] == 0
    backup = sess.backup_paths(session)[0]
    history = proj / "sessions" / "s.history.toml"
    files = {f: f.read_bytes() for f in (session, backup, history)}
    for args in (
        ("mark", str(backup), cid, "confirmed"),
        ("edit", str(backup), "--claim", cid, "--speaker", "Ann Lee"),
    ):
        code, out, err = run(capsys, *args)
        assert code == 2 and out == "" and "Traceback" not in err
        assert f"is a backup of the session s.toml, not a session: open {session}" in err
    assert {f: f.read_bytes() for f in files} == files
    assert sorted(p.name for p in session.parent.iterdir() if ".bak" in p.name) == [backup.name]
    with Review.open(backup) as r:  # the review opens it read-only and says why
        assert r.readonly and r.lock_message and "is a backup of the session s.toml" in r.lock_message
    assert run(capsys, "status", str(backup))[0] == 0  # reading a backup is fine
    session.unlink()  # a backup with no session beside it is a session of its own
    assert run(capsys, "mark", str(backup), cid, "confirmed")[0] == 0


# ---------------------------------------------------------------------------------------------
# #19.13: backups keep the version before a mistake; the lock message of a refused mark


def test_backups_rotate_only_when_decisions_change(proj: Path) -> None:
    session = proj / "sessions" / "s.toml"
    with Review.open(session, [str(proj / "corpus")]) as r:
        a, b = (c.id for c in r.claims("alpha.txt")[:2])
        r.mark(a, "confirmed")
        r.save()
        r.mark(b, "confirmed")
        r.save()
        good = session.read_bytes()
        r.mark(b, "disputed")  # the mistake
        r.save()
        assert sess.backup_paths(session)[0].read_bytes() == good
        for _ in range(5):  # cursor moves and saves with nothing new
            r.set_cursor("alpha.txt", a)
            r.save()
            r.set_cursor("alpha.txt", b)
            r.save()
            r.save()
        assert sess.backup_paths(session)[0].read_bytes() == good  # the version before the mistake is kept
        assert sess.load(session).cursor == ("alpha.txt", b)
    with Review.open(session) as r:  # a new sitting: the digest of the file read is known
        r.set_cursor("alpha.txt", a)
        r.save()
        assert sess.backup_paths(session)[0].read_bytes() == good


def test_a_refused_mark_does_not_say_opened_read_only(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = first_claim(proj)
    session = proj / "sessions" / "s.toml"
    assert run(capsys, "mark", str(session), cid, "confirmed", "--corpus", "corpus")[0] == 0
    with Review.open(session):
        code, _, err = run(capsys, "mark", str(session), cid, "disputed")
        assert code == 2 and "open in another factcheck" in err and "read-only" not in err
        with Review.open(session) as second:  # the TUI's second instance: read-only, and says so
            assert second.readonly and second.lock_message and "opened read-only" in second.lock_message


# ---------------------------------------------------------------------------------------------
# #19.11: hand-edited wrong types


def _saved(tmp_path: Path) -> Path:
    data = sess.SessionData(reviewer="alice", created=T0, corpus=["../corpus"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f00d", dt.date(2024, 5, 1))
    data.articles["b.txt"] = sess.ArticleRecord("b.txt", "beef")
    for i, art in enumerate(("a.txt", "a.txt", "b.txt")):
        cid = f"c{i:010x}"
        data.decisions[cid] = sess.Decision(cid, art, f"claim {i}", Verdict.DISPUTED, note="n", updated=T0)
        data.add_history(
            sess.HistoryEntry(
                i + 1,
                T0,
                "alice",
                "mark",
                "decision",
                cid,
                {"verdict": "unreviewed"},
                {"verdict": "disputed"},
            )
        )
    path = tmp_path / "s.toml"
    sess.save(path, data)
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("published = 2024-05-01", "published = 'last week'", "'published' must be a date"),
        ("published = 2024-05-01", "published = 2024-05-01T10:00:00Z", "'published' must be a date"),
        ("fingerprint = 'f00d'", "fingerprint = ['f00d']", "'fingerprint' must be a string"),
        ("reviewer = 'alice'", "reviewer = 3", "'reviewer' must be a string"),
        (
            "{id = 'c0000000001', verdict = 'disputed', note = 'n'",
            "{id = 'c0000000001', verdict = 'disputed', note = ['n']",
            "'note' must be a string",
        ),
        (
            "{id = 'c0000000001', verdict = 'disputed'",
            "{id = 'c0000000001', verdict = 'disputed', evidence = 'http://x.org'",
            "'evidence' must be an array",
        ),
        ("{id = 'c0000000002'", "{id = 'c0000000000'", "claim c0000000000 has a second decision"),
        ("{id = 'c0000000001'", "{id = 1", "'id' must be a non-empty string"),
        ("merges = []", "merges = [['c1']]", "'merges' must be an array of [claim id, claim id] pairs"),
        # (a field this version does not know, a typo or a newer factcheck's: test_session_newer_fields.py)
        (
            "{id = 'c0000000001', verdict = 'disputed'",
            "{id = 'c0000000001', verdict = 'disputed', evidence = ['http://[::1']",
            "evidence must be an http(s) URL or a claim id, not 'http://[::1'",
        ),
        ("corpus = [", "corpus = [1, ", "'corpus' must be an array of strings"),
    ],
)
def test_wrong_types_name_file_line_and_column(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _saved(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    at = text.index(old)
    edited = text[:at] + new + text[at + len(old) :]
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(SessionError) as e:
        sess.load(path)
    msg = str(e.value)
    m = re.match(rf"{re.escape(str(path))}: line (\d+), column (\d+): .*{re.escape(message)}", msg)
    assert m, msg
    assert int(m.group(1)) == edited.count("\n", 0, at) + 1, msg  # the line of the bad value


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{step = 2, at = 2025-03-01T09:30:00Z",
            "{step = 'two', at = 2025-03-01T09:30:00Z",
            "'step' must be a whole number",
        ),
        ("{step = 3, at = 2025-03-01T09:30:00Z", "{step = 3, at = 'noon'", "'at' must be a date-time"),
        ("rows = [", "rows = {", "Invalid"),
    ],
)
def test_wrong_types_in_the_history_file_name_line_and_column(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """The history file is checked as the session is, but a wrong value there never stops the decisions
    from opening: the notice names the file, line and column."""
    path = _saved(tmp_path)
    hpath = tmp_path / "s.history.toml"
    text = hpath.read_text(encoding="utf-8")
    assert old in text, old
    at = text.index(old)
    edited = text[:at] + new + text[at + len(old) :]
    hpath.write_text(edited, encoding="utf-8")
    data = sess.load(path)
    assert len(data.decisions) > 0 and data.history == []
    line = edited.count("\n", 0, at) + 1
    assert re.search(
        rf"{re.escape(str(hpath))}: line {line}, column \d+: .*{re.escape(message)}", data.notices[0]
    )


def test_bad_evidence_url_and_bad_history_verdict_do_not_crash(proj: Path) -> None:
    session = proj / "sessions" / "s.toml"
    with Review.open(session, [str(proj / "corpus")]) as r:
        cid = r.claims("alpha.txt")[0].id
        for bad in ("http://[::1", "javascript:alert(1)", "http://", "ftp://x.org/a"):
            with pytest.raises(ReviewError, match="http"):
                r.add_evidence(cid, bad)
        r.add_evidence(cid, "https://x.org/a")
        r.mark(cid, "confirmed")
        # A history row the loader would refuse, made in memory: undo says so instead of crashing.
        r._stacks()[0][-1].changes[0][2]["verdict"] = "bogus"
        with pytest.raises(ReviewError, match="cannot undo"):
            r.undo()
        assert r.decision(cid).verdict == Verdict.CONFIRMED


# ---------------------------------------------------------------------------------------------
# Any valid TOML hand edit loads, or says file, line and column


TOML_VALUES = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(-(2**63), 2**63 - 1),
        st.text(max_size=12),
        st.dates(),
        st.datetimes(timezones=st.just(dt.UTC)).map(lambda t: t.replace(microsecond=0)),
        st.sampled_from(["confirmed", "bogus", "c0000000001", "a.txt", ""]),
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "verdict", "note", "x"]), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(v: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [prefix] if prefix else []
    if isinstance(v, dict):
        for k, x in v.items():
            out.extend(_paths(x, (*prefix, k)))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out.extend(_paths(x, (*prefix, i)))
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.integers(0, 10_000), value=TOML_VALUES, delete=st.booleans())
def test_any_valid_toml_edit_loads_or_names_line_and_column(
    tmp_path: Path, where: int, value: object, delete: bool
) -> None:
    path = tmp_path / "s.toml"
    if not path.exists():
        _saved(tmp_path)
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    places = [p for p in _paths(doc) if p[0] != "integrity"]
    place = places[where % len(places)]
    holder: object = doc
    for k in place[:-1]:
        holder = holder[k]  # type: ignore[index]
    if delete and isinstance(holder, dict):
        del holder[place[-1]]
    else:
        holder[place[-1]] = value  # type: ignore[index]
    edited = tmp_path / "edited.toml"
    edited.write_text(tomli_w.dumps(doc), encoding="utf-8")
    try:
        data = sess.load(edited)
    except SessionError as e:
        assert re.match(
            rf"{re.escape(str(edited))}: line \d+, column \d+: ", str(e)
        ) or "newer factcheck" in str(e), str(e)
        return
    assert isinstance(data, sess.SessionData)
    if data.unknown_fields:  # (fields this version does not know: read, named, never saved by it)
        assert all(
            re.match(rf"{re.escape(str(edited))}: line \d+, column \d+: ", f) for f in data.unknown_fields
        )
        with pytest.raises(SessionNotWritable):
            sess.save(edited, data)
        return
    sess.save(edited, data)  # what loads can be saved and loaded again
    back = sess.load(edited)
    assert back.decisions == data.decisions and back.history == data.history


def test_undo_at_many_history_rows_reads_no_file(tmp_path: Path) -> None:
    """The undo stack is built from the history already read with the session (no second parse)."""
    data = sess.SessionData(reviewer="a", corpus=["c"])
    for i in range(300):
        cid = f"c{i:010x}"
        data.decisions[cid] = sess.Decision(cid, "a.txt", "t", Verdict.CONFIRMED)
        data.add_history(
            sess.HistoryEntry(
                i + 1, T0, "a", "mark", "decision", cid, {"verdict": "unreviewed"}, {"verdict": "confirmed"}
            )
        )
    path = tmp_path / "s.toml"
    sess.save(path, data)
    r = Review(path, sess.load(path), pipeline.Corpus(paths=[]), reviewer="a", readonly=False)
    assert r.undo() == "mark 't' confirmed"  # (no article read: the decision's stored words)
    assert "c000000012b" not in r.data.decisions  # back to unreviewed: the empty decision is dropped


# ---------------------------------------------------------------------------------------------
# Any SessionData survives save + load


TEXT = st.text(max_size=30) | st.sampled_from(
    ["it's", "'''", '"""', "a\r\nb", "\x00\x1b[31m\x7f", "😀\u2028", ""]
)
CIDS = st.from_regex(r"[cm][0-9a-f]{10}", fullmatch=True)
TIMES = st.datetimes(
    min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1), timezones=st.just(dt.UTC)
)
DATES = st.dates(min_value=dt.date(1, 1, 1))
EVIDENCE = CIDS | st.sampled_from(
    ["https://x.org/a?b=1&c='d'", "http://[::1]:8080/x", "https://例え.jp/パス"]
)


@st.composite
def session_data(draw: st.DrawFn) -> sess.SessionData:
    data = sess.SessionData(
        reviewer=draw(TEXT),
        created=draw(st.none() | TIMES),
        saved=draw(st.none() | TIMES),
        corpus=draw(st.lists(TEXT, max_size=2)),
    )
    keys = draw(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=3, unique=True))
    for k in keys:
        data.articles[k] = sess.ArticleRecord(
            k, draw(TEXT), draw(st.none() | DATES), draw(st.none() | TEXT), draw(st.none() | TEXT)
        )
    for cid in draw(st.lists(CIDS, max_size=6, unique=True)):
        v = draw(st.sampled_from(list(Verdict)))
        data.decisions[cid] = sess.Decision(
            cid,
            draw(st.sampled_from([*keys, "gone.txt"])),
            draw(TEXT),
            v,
            draw(CIDS) if v == Verdict.SUPERSEDED else None,
            draw(TEXT),
            tuple(draw(st.lists(EVIDENCE, max_size=2))),
            draw(st.booleans()),
            draw(st.none() | TEXT.filter(bool)),
            draw(st.none() | TIMES),
            tuple(
                draw(
                    st.lists(
                        st.fixed_dictionaries(
                            {"reviewer": TEXT, "verdict": st.just("disputed"), "note": TEXT}
                        ),
                        max_size=2,
                    )
                )
            ),
            draw(st.none() | TEXT),
        )
    for mid in draw(st.lists(CIDS, max_size=2, unique=True)):
        s = draw(st.integers(0, 1000))
        data.manual[mid] = sess.ManualClaim(
            mid,
            keys[0],
            s,
            s + draw(st.integers(1, 50)),
            draw(TEXT),
            draw(st.none() | TEXT),
            draw(st.none() | TIMES),
        )
    data.merges = draw(st.lists(st.tuples(CIDS, CIDS), max_size=2))
    data.splits = draw(st.lists(CIDS, max_size=2))
    data.cursor = (draw(st.none() | st.sampled_from(keys)), draw(st.none() | CIDS))
    changes = st.one_of(
        st.tuples(
            st.just("decision"),
            CIDS,
            st.fixed_dictionaries(
                {
                    "verdict": st.sampled_from([str(v) for v in Verdict]),
                    "note": TEXT,
                    "evidence": st.lists(EVIDENCE, max_size=2),
                }
            ),
        ),
        st.tuples(
            st.just("article"),
            st.sampled_from(keys),
            st.fixed_dictionaries({}, optional={"published": DATES, "title": TEXT}),
        ),
        st.tuples(
            st.just("groups"),
            st.just(""),
            st.fixed_dictionaries(
                {
                    "merges": st.lists(st.lists(CIDS, min_size=2, max_size=2), max_size=2),
                    "splits": st.lists(CIDS, max_size=2),
                }
            ),
        ),
    )
    for step, (kind, key, vals) in enumerate(draw(st.lists(changes, max_size=5)), 1):
        data.add_history(
            sess.HistoryEntry(
                step,
                draw(TIMES),
                draw(TEXT),
                draw(st.sampled_from(["mark", "published", "merge_groups"])),
                kind,
                key,
                {},
                vals,
            )
        )
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=session_data())
def test_any_session_survives_save_and_load(tmp_path: Path, data: sess.SessionData) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, data)
    back = sess.load(path)
    assert back.notices == []
    for name in (
        "reviewer",
        "created",
        "saved",
        "corpus",
        "articles",
        "decisions",
        "manual",
        "merges",
        "splits",
        "cursor",
        "history",
    ):
        assert getattr(back, name) == getattr(data, name), name
    text = path.read_text(encoding="utf-8")
    sess.save(path, back)
    assert path.read_text(encoding="utf-8") == text  # saving what was loaded gives the same bytes
    assert tomllib.loads(text)["integrity"]["decisions"] == len(data.decisions)


def test_readonly_reason(proj: Path) -> None:
    session = proj / "sessions" / "s.toml"
    with Review.open(session, [str(proj / "corpus")]) as r:
        assert r.readonly_reason is None
        r.save()
        with Review.open(session) as second:
            assert second.readonly_reason and "open in another factcheck" in second.readonly_reason
    with Review.open(session, readonly=True) as r:
        assert r.readonly_reason and "--readonly" in r.readonly_reason


def test_text_no_utf8_file_can_hold_is_saved_with_a_replacement_character(tmp_path: Path) -> None:
    """Lone surrogates (an undecodable file name, a --note from a non-UTF-8 terminal) never stop a save."""
    path = tmp_path / "s.toml"
    data = sess.SessionData(reviewer="x\udcff", corpus=["c"])
    data.articles["caf\udce9.txt"] = sess.ArticleRecord("caf\udce9.txt", "f")
    data.decisions["c1"] = sess.Decision("c1", "caf\udce9.txt", "t", note="n\udcff")
    sess.save(path, data)
    back = sess.load(path)
    assert (back.reviewer, list(back.articles), back.decisions["c1"].note) == (
        "x\ufffd",
        ["caf\ufffd.txt"],
        "n\ufffd",
    )


def test_a_saved_session_reads_back_and_a_bad_value_names_its_line(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    text = path.read_text(encoding="utf-8")
    data = sess.load(path)
    assert len(data.decisions) == 3 and data.articles["a.txt"].published == dt.date(2024, 5, 1)
    assert all(d.updated is not None and d.updated.tzinfo is dt.UTC for d in data.decisions.values())
    lines = text.splitlines(keepends=True)
    n = next(i for i, ln in enumerate(lines) if ln.startswith("  {id = 'c0000000001'"))
    lines[n] = lines[n].replace("verdict = 'disputed'", "verdict = disputed")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(SessionError, match=rf"{re.escape(str(path))}: line {n + 1}, column \d+: "):
        sess.load(path)


def test_a_history_file_or_an_article_given_as_the_session_is_named_for_what_it_is(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `status s/x.history.toml` said the file "was cut short (truncated); open the newest backup instead", and
    # `status article.html` "line 1, column 1: Invalid statement (no good backup found)"
    cid = first_claim(proj)
    assert run(capsys, "mark", "sessions/s.toml", cid, "confirmed", "--corpus", "corpus")[0] == 0
    assert (proj / "sessions" / "s.history.toml").is_file()
    code, out, err = run(capsys, "status", "sessions/s.history.toml")
    assert code == 2 and out == ""
    assert err.strip() == (
        "factcheck: sessions/s.history.toml: the history file of the session s.toml, not a session:"
        " give sessions/s.toml"
    )
    page = proj / "page.html"
    page.write_text("<html><body><p>Rates rose.</p></body></html>", encoding="utf-8")
    code, out, err = run(capsys, "status", str(page))
    assert code == 2 and out == ""
    assert "not a factcheck session" in err and "backup" not in err and len(err.strip().splitlines()) == 1
    # a session cut short is still said to be one, with its backup
    text = (proj / "sessions" / "s.toml").read_text(encoding="utf-8")
    (proj / "sessions" / "s.toml").write_text(text[: len(text) // 2], encoding="utf-8")
    code, _, err = run(capsys, "status", "sessions/s.toml")
    assert code == 2 and "not a factcheck session" not in err and "history file" not in err

"""Session files: exact round trips, corruption and truncation, schema versions, backups, locks, merge."""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import config
from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.session import (
    Decision,
    SessionChanged,
    SessionCorrupt,
    SessionData,
    SessionError,
    SessionLocked,
)

T0 = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC)

# Any unicode text (hypothesis excludes lone surrogates by default, which no file format can hold),
# with the awkward cases made likely.
NASTY = st.sampled_from(
    [
        '"""',
        "'''",
        "'",
        '"',
        "\\",
        "\n",
        "\r\n",
        "\x00",
        "\x1b[31m",
        "\x7f",
        "\t",
        "😀",
        "a = 1",
        "[x]",
        "\u2028",
        "\ufeff",
    ]
)
NOTES = st.lists(st.one_of(st.text(), NASTY), max_size=8).map("".join)
IDS = st.from_regex(r"c[0-9a-f]{10}", fullmatch=True)
EVIDENCE = IDS | st.sampled_from(['https://x.org/it\'s?a=1&b="2"', "http://[::1]:80/"])  # URLs or claim ids


def sample(n: int = 3) -> SessionData:
    data = SessionData(reviewer="alice", created=T0, corpus=["../corpus"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f00d")
    data.articles["dir/b c.txt"] = sess.ArticleRecord("dir/b c.txt", "beef", dt.date(2024, 2, 29))
    for i in range(n):
        cid = f"c{i:010x}"
        data.decisions[cid] = Decision(
            cid,
            "a.txt" if i % 2 else "dir/b c.txt",
            f"Claim {i} said 3.{i}%",
            Verdict.CONFIRMED,
            note=f"note {i}",
            reviewer="alice",
            updated=T0,
        )
        data.add_history(
            sess.HistoryEntry(
                i + 1,
                T0,
                "alice",
                "mark",
                "decision",
                cid,
                {"verdict": "unreviewed"},
                {"verdict": "confirmed"},
            )
        )
    data.manual["m0123456789"] = sess.ManualClaim("m0123456789", "a.txt", 3, 9, "quoted", "alice", T0)
    data.merges = [("c0000000000", "c0000000001")]
    data.splits = ["c0000000002"]
    data.cursor = ("a.txt", "c0000000001")
    return data


def same(a: SessionData, b: SessionData) -> None:
    assert a.decisions == b.decisions
    assert a.history == b.history and a.history_entries() == b.history_entries()
    assert (a.manual, a.articles, a.merges, a.splits, a.cursor, a.corpus, a.reviewer) == (
        b.manual,
        b.articles,
        b.merges,
        b.splits,
        b.cursor,
        b.corpus,
        b.reviewer,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    notes=st.lists(
        st.tuples(IDS, NOTES, st.sampled_from(list(Verdict)), st.lists(EVIDENCE, max_size=2)), max_size=12
    ),
    article=st.text(min_size=1, max_size=20),
    reviewer=NOTES,
)
def test_roundtrip_any_unicode_and_verdicts(tmp_path: Path, notes, article, reviewer) -> None:
    data = SessionData(reviewer=reviewer, created=T0, corpus=["../c"])
    data.articles[article] = sess.ArticleRecord(article, "x")
    for step, (cid, note, verdict, evidence) in enumerate(notes, 1):
        old = data.decisions.get(cid, Decision(cid, article, text=note[:200]))
        new = Decision(
            cid,
            article,
            text=note[:200],
            verdict=verdict,
            superseded_by="c0000000000" if verdict == Verdict.SUPERSEDED else None,
            note=note,
            evidence=tuple(evidence),
            reviewer=reviewer or None,
            updated=T0 + dt.timedelta(seconds=step),
            conflicts=({"reviewer": reviewer, "verdict": "disputed", "note": note},) if step % 3 == 0 else (),
        )
        data.decisions[cid] = new
        data.add_history(
            sess.HistoryEntry(
                step,
                T0,
                reviewer,
                "mark",
                "decision",
                cid,
                {"verdict": str(old.verdict), "note": old.note},
                {"verdict": str(verdict), "note": note},
            )
        )
    path = tmp_path / "s.toml"
    sess.save(path, data)
    back = sess.load(path)
    same(data, back)
    for cid, d in data.decisions.items():
        assert back.decisions[cid].note == d.note and back.decisions[cid].evidence == d.evidence
    # Saving what was loaded gives the same bytes: stable diffs.
    text = path.read_text(encoding="utf-8")
    sess.save(path, back)
    assert path.read_text(encoding="utf-8") == text
    sess.verify(text, back)
    # Plain TOML: the standard library reads it to the same document as the parser factcheck uses.
    assert _plain_utc(sess.parse_toml(text)) == _plain_utc(tomllib.loads(text))


@pytest.mark.parametrize(
    "bad_row",
    [
        "{id = 'x', note = '''}",  # not TOML
        "{id = 'x', note = 'a\nb'}",  # a newline inside a literal string
        "{id = 'x'}\n  {id = 'y'}",  # two rows where one was counted
        "{id = 'x'},\n  {id = 'y'}",
        "",  # an empty row
        "{id = 'x'}]\nreviewer = 'mallory'\n[more",  # a row that closes the array
    ],
)
def test_save_refuses_text_that_would_not_read_back(
    tmp_path: Path, bad_row: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, sample())
    before = path.read_bytes()
    ff = sess.fileformat
    good_decision, good_history = ff.decision_row, ff.history_row
    # A writer bug: the row rendered for one decision (then for one history entry) is not one safe line.
    monkeypatch.setattr(
        ff, "decision_row", lambda d: bad_row if d.claim_id == "c0000000001" else good_decision(d)
    )
    with pytest.raises(SessionError, match="not saved"):
        sess.save(path, sample())
    monkeypatch.setattr(ff, "decision_row", good_decision)
    monkeypatch.setattr(ff, "history_row", lambda h: bad_row if h.step == 2 else good_history(h))
    with pytest.raises(SessionError, match="not saved"):
        sess.save(path, sample())
    assert path.read_bytes() == before
    # A cached row holding a line break (two rows where one was counted) is refused too.
    monkeypatch.setattr(ff, "history_row", good_history)
    data = sample()
    sess.save(path, data)
    data.decisions["c0000000001"]._row = "{id = 'x'},\n  {id = 'y'}"
    with pytest.raises(SessionError, match="not saved"):
        sess.save(path, data)


def test_a_note_that_looks_like_a_row_is_never_taken_for_one(tmp_path: Path) -> None:
    """A note of several lines is written as it is; a line in it shaped like another decision's row must not
    be taken for that row when the file is loaded and saved again."""
    path = tmp_path / "s.toml"
    data = sample()
    forged = "  {id = 'c0000000001', verdict = 'disputed', note = 'forged', text = 'x'},"
    data.decisions["c0000000002"] = replace(data.decisions["c0000000002"], note=f"first\n{forged}\nlast")
    data.decisions["c0000000001"] = replace(data.decisions["c0000000001"], note=f"two\n{forged}")
    sess.save(path, data)
    loaded = sess.load(path)
    assert loaded.decisions["c0000000001"].verdict == data.decisions["c0000000001"].verdict
    sess.save(path, loaded)  # the first save after loading reuses the rows it can pair safely
    again = sess.load(path)
    same(data, again)
    for cid, d in data.decisions.items():
        assert again.decisions[cid].note == d.note and again.decisions[cid].verdict == d.verdict


def test_file_is_readable_toml(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    data = sample()
    data.decisions["c0000000002"] = replace(
        data.decisions["c0000000002"], note="it's two\nlines", evidence=("https://x.org/a?b=1",)
    )
    sess.save(path, data)
    text = path.read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    assert doc["schema"] == sess.SCHEMA == 4 and doc["reviewer"] == "alice"
    assert doc["articles"]["dir/b c.txt"]["published"] == dt.date(2024, 2, 29)
    assert doc["integrity"]["decisions"] == 3
    # One line per decision: an inline table of named values under its article.
    assert doc["articles"]["a.txt"]["decisions"][0] == {
        "id": "c0000000001",
        "verdict": "confirmed",
        "note": "note 1",
        "reviewer": "alice",
        "updated": T0,
        "text": "Claim 1 said 3.1%",
    }
    lines = [ln for ln in text.splitlines() if "c0000000001" in ln and "verdict" in ln and "step" not in ln]
    assert lines == [
        "  {id = 'c0000000001', verdict = 'confirmed', note = 'note 1', reviewer = 'alice',"
        " updated = 2025-03-01T09:30:00Z, text = 'Claim 1 said 3.1%'},"
    ]
    # a note of several lines keeps its line breaks (a multi-line literal string)
    assert "note = '''\nit's two\nlines''', evidence = ['https://x.org/a?b=1']" in text
    # The history in a file of its own beside it (the session records how much of it is its own):
    # one line per change, with named fields.
    htext = (tmp_path / "s.history.toml").read_text(encoding="utf-8")
    hist = [ln for ln in htext.splitlines() if ln.startswith("  {step = 2,")]
    assert hist == [
        "  {step = 2, at = 2025-03-01T09:30:00Z, by = 'alice', op = 'mark', kind = 'decision',"
        " key = 'c0000000001', before = {verdict = 'unreviewed'}, after = {verdict = 'confirmed'}},"
    ]
    hdoc = tomllib.loads(htext)
    assert hdoc["schema"] == 4 and hdoc["rows"][1]["after"] == {"verdict": "confirmed"}
    assert doc["history"]["rows"] == 3 == len(hdoc["rows"]) and doc["history"]["last_step"] == 3
    assert doc["history"]["size"] == len(htext.encode()) - 2  # up to the closing bracket
    assert "{step" not in text
    assert text.rstrip("\n").splitlines()[-1].startswith("checksum = 'crc32:")
    # no strings holding rows: the one multi-line string is the note of two lines
    assert text.count("'''") == 2 and '"""' not in text


def test_corrupt_file_names_line_column_and_backup_and_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    data = sample()
    sess.save(path, data)
    data.decisions["c0000000000"] = Decision("c0000000000", "a.txt", "x", Verdict.DISPUTED)
    sess.save(path, data)  # the first version is now a backup
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = 'reviewer = "alice" oops\n'
    bad = "".join(lines).encode()
    path.write_bytes(bad)
    before = os.stat(path)
    with pytest.raises(SessionCorrupt) as e:
        sess.load(path)
    msg = str(e.value)
    assert msg.startswith(f"{path}: line 3, column ") and "newest good backup" in msg
    assert e.value.backup == sess.backup_paths(path)[0]
    assert path.read_bytes() == bad and os.stat(path).st_mtime_ns == before.st_mtime_ns
    # The backup really loads.
    assert sess.load(e.value.backup).decisions["c0000000000"].verdict == Verdict.CONFIRMED


def test_bad_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, sample())
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, ln in enumerate(lines) if ln.startswith("  {id = 'c0000000001'"))
    col = lines[n].index("verdict") + 1
    lines[n] = lines[n].replace("verdict = 'confirmed'", "verdict = 'maybe'")
    path.write_text("".join(lines), encoding="utf-8")
    want = rf": line {n + 1}, column {col}: decision 1 of a.txt: unknown verdict 'maybe'"
    with pytest.raises(SessionCorrupt, match=want):
        sess.load(path)
    lines[n] = lines[n].replace("verdict = 'maybe'", "verdict = 'confirmed")  # not TOML any more
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(SessionCorrupt, match=rf": line {n + 1}, column \d+: "):
        sess.load(path)


def test_truncated_file_is_detected_at_every_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, sample(6))
    full = path.read_bytes()
    cuts = {i + 1 for i, b in enumerate(full) if b == ord("\n")} | set(range(0, len(full), 7))
    cuts -= {len(full), len(full) - 1}  # without its last newline the file is whole
    for cut in sorted(cuts):
        path.write_bytes(full[:cut])
        with pytest.raises(SessionCorrupt, match=r"line \d+, column \d+"):
            sess.load(path)


def test_hand_edit_is_loaded_and_described(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, sample())
    text = path.read_text(encoding="utf-8")
    edited = text.replace("note = 'note 1'", "note = 'edited by hand'")
    path.write_text(edited, encoding="utf-8")
    data = sess.load(path)
    assert data.decisions["c0000000001"].note == "edited by hand"
    assert data.notices == [
        "edited outside factcheck since it was saved (changed: [articles.'a.txt']); loaded as it is now"
    ]
    # A decision deleted by hand: the count says so, nothing is refused.
    lines = [ln for ln in text.splitlines(keepends=True) if not ln.startswith("  {id = 'c0000000001'")]
    path.write_text("".join(lines), encoding="utf-8")
    data = sess.load(path)
    assert "c0000000001" not in data.decisions
    assert "now holds 2 decisions where factcheck saved 3" in data.notices[0]
    # Only layout and comments changed: said so.
    assert "\n[groups]\n" in text
    path.write_text(text.replace("\n[groups]\n", "\n# my comment\n[groups]  # here\n"), encoding="utf-8")
    assert sess.load(path).notices == [
        "edited outside factcheck since it was saved (no value changed (layout or comments only));"
        " loaded as it is now"
    ]
    # Saving writes it back as factcheck writes it.
    sess.save(path, sess.load(path))
    assert sess.load(path).notices == []


def test_empty_and_foreign_files(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    for content in ("", "title = 'not a session'\n", "\n\n"):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(SessionCorrupt, match="line 1, column 1"):
            sess.load(path)
    path.write_bytes(b'schema = 2\nreviewer = "\xff"\n')
    with pytest.raises(SessionCorrupt, match="line 2, column 13: not UTF-8"):
        sess.load(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.save(path, sample())
    text = path.read_text(encoding="utf-8").replace(f"schema = {sess.SCHEMA}", f"schema = {sess.SCHEMA + 1}")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionError, match="newer factcheck"):
        sess.load(path)
    assert path.read_text(encoding="utf-8") == text


V1 = '''schema = 1
reviewer = "alice"
created = 2025-03-01T09:30:00Z
corpus = ["../corpus"]

[count]
decisions = 2
manual = 0
history = 1
articles = 1

[articles."a.txt"]
fingerprint = "f00d"
published = 2024-01-02

[decisions.c0000000001]
article = "a.txt"
text = "The minister said 3%"
verdict = "superseded"
superseded_by = "c0000000002"
note = """
two
lines"""
reviewer = "alice"
updated = 2025-03-01T09:31:00Z

[decisions.c0000000002]
article = "a.txt"
text = "Later report"
verdict = "unreviewed"
dismissed = true

[groups]
merges = [["c0000000001", "c0000000002"]]
splits = []

[[history]]
step = 1
at = 2025-03-01T09:31:00Z
by = "alice"
op = "mark"
kind = "decision"
key = "c0000000001"
[history.before]
verdict = "unreviewed"
[history.after]
verdict = "superseded"
'''


def test_schema_1_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(V1, encoding="utf-8")
    data = sess.load(path)
    d = data.decisions["c0000000001"]
    assert d.verdict == Verdict.SUPERSEDED and d.superseded_by == "c0000000002" and d.note == "two\nlines"
    assert d.updated == dt.datetime(2025, 3, 1, 9, 31, tzinfo=dt.UTC) and d.article == "a.txt"
    assert data.decisions["c0000000002"].dismissed
    assert data.articles["a.txt"].published == dt.date(2024, 1, 2)
    assert data.merges == [("c0000000001", "c0000000002")]
    assert data.history_entries()[0].after == {"verdict": "superseded"}
    assert path.read_text(encoding="utf-8") == V1  # loading never rewrites
    sess.save(path, data)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["schema"] == sess.SCHEMA
    same(data, sess.load(path))


def test_backups_rotate(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    data = sample()
    for i in range(sess.BACKUPS + 3):
        data.reviewer = f"r{i}"
        sess.save(path, data)
    baks = sess.backup_paths(path)
    assert [sess.load(b).reviewer for b in baks] == [f"r{sess.BACKUPS + 1 - i}" for i in range(sess.BACKUPS)]
    assert not path.with_name(path.name + f".bak{sess.BACKUPS + 1}").exists()
    assert sess.load(path).reviewer == f"r{sess.BACKUPS + 2}"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_mode_is_kept_and_new_files_follow_umask(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    old = os.umask(0o022)
    try:
        sess.save(path, sample())
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's 0600
    path.chmod(0o600)
    sess.save(path, sample())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_file_changed_on_disk_is_not_clobbered(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    state = sess.save(path, sample(), expected=None)
    state = sess.save(path, sample(), expected=state)  # our own saves are fine
    other = sample(1)
    other.reviewer = "someone else"
    sess.save(path, other)  # another program
    theirs = path.read_bytes()
    with pytest.raises(SessionChanged) as e:
        sess.save(path, sample(), expected=state)
    assert path.read_bytes() == theirs
    assert e.value.saved_to is not None and sess.load(e.value.saved_to).reviewer == "alice"
    created = tmp_path / "new.toml"
    created.write_text("x = 1\n")  # appeared after we decided to create it
    with pytest.raises(SessionChanged):
        sess.save(created, sample(), expected=None)
    assert created.read_text() == "x = 1\n"


def test_lock_excludes_a_second_holder_and_is_released(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    lock = sess.SessionLock.acquire(path)
    assert f"pid {os.getpid()}" in sess.lock_path(path).read_text()
    with pytest.raises(SessionLocked, match=f"pid {os.getpid()}"):
        sess.SessionLock.acquire(path)
    lock.release()
    sess.SessionLock.acquire(path).release()


def test_stale_lock_of_a_dead_process_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    sess.lock_path(path).write_text("pid 999999 on elsewhere\n")  # left behind, nobody holds it
    sess.SessionLock.acquire(path).release()
    r_fd, w_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: take the lock, tell the parent, wait to be killed
        try:
            held = sess.SessionLock.acquire(path)
            os.write(w_fd, b"x")
            signal.pause()
            held.release()
        finally:
            os._exit(0)
    os.close(w_fd)
    try:
        assert os.read(r_fd, 1) == b"x"
        with pytest.raises(SessionLocked, match=f"pid {pid}"):
            sess.SessionLock.acquire(path)
    finally:
        os.close(r_fd)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    sess.SessionLock.acquire(path).release()  # the kernel dropped the dead process's lock


def test_reviewer_name_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "config.toml"
    monkeypatch.setenv("FACTCHECK_CONFIG", str(cfg))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "from-env")
    cfg.write_text('reviewer = "From Config"\n')
    assert sess.reviewer_name() == "From Config"
    cfg.write_text("reviewer = [broken\n")
    assert sess.reviewer_name() == "from-env"
    cfg.unlink()
    monkeypatch.delenv("FACTCHECK_REVIEWER")
    monkeypatch.setattr(config.getpass, "getuser", lambda: "osuser")
    assert sess.reviewer_name() == "osuser"

    def fail() -> str:
        raise KeyError("no user")

    monkeypatch.setattr(config.getpass, "getuser", fail)
    assert sess.reviewer_name() == "unknown"


def _session(reviewer: str, verdicts: dict[str, tuple[Verdict, str | None]]) -> SessionData:
    data = SessionData(reviewer=reviewer, created=T0, corpus=["../corpus"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f00d")
    for i, (cid, (v, by)) in enumerate(verdicts.items()):
        data.decisions[cid] = Decision(
            cid, "a.txt", f"text {cid}", v, by, note=f"{reviewer} on {cid}", reviewer=reviewer, updated=T0
        )
        data.add_history(
            sess.HistoryEntry(
                i + 1,
                T0 + dt.timedelta(seconds=i),
                reviewer,
                "mark",
                "decision",
                cid,
                {"verdict": "unreviewed"},
                {"verdict": str(v)},
            )
        )
    return data


def test_merge_table_counts_claims_marked_and_in_conflict_not_decision_records() -> None:
    """`factcheck merge`'s table read "unreviewed 1 / 0 / 2" where the session had 827 unreviewed claims: it
    counted decision records (A's 1 was a speaker edit, the merged 2 were the conflicts). It now counts the
    claims marked, per verdict, and the claims left in conflict to resolve; an edit alone is no row."""
    C, D, U = Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.UNREVIEWED
    a = _session("ann", {"c1": (C, None), "c2": (C, None), "c3": (U, None)})  # c3: a speaker edit only
    a.decisions["c3"] = replace(a.decisions["c3"], speaker="Berg")
    b = _session("bob", {"c1": (D, None), "c2": (D, None)})
    rep = sess.merge(a, b)[1]
    lines = rep.lines()
    assert lines[0].split()[0] == "claims"
    rows = {line.rsplit(None, 3)[0]: line.split()[-3:] for line in lines[1:5]}
    assert rows == {
        "confirmed": ["2", "0", "0"],
        "disputed": ["0", "2", "0"],
        "superseded": ["0", "0", "0"],
        "in conflict": ["0", "0", "2"],
    }, lines
    assert not any(line.startswith("unreviewed") for line in lines)


def test_merge_table_lists_the_claims_in_conflict_last_after_the_verdicts() -> None:
    """The `in conflict` row came first (the Verdict order puts "unreviewed" first): what the merge decided
    reads first, what it leaves to resolve last."""
    C, D = Verdict.CONFIRMED, Verdict.DISPUTED
    rep = sess.merge(_session("ann", {"c1": (C, None)}), _session("bob", {"c1": (D, None)}))[1]
    labels = [line.rsplit(None, 3)[0] for line in rep.lines()[1:5]]
    assert labels == ["confirmed", "disputed", "superseded", "in conflict"], rep.lines()


def test_merge_counts_one_claim_reviewed_by_both_in_the_singular() -> None:
    """ "Cohen's kappa: 0.000 over 1 claims"."""
    C, D = Verdict.CONFIRMED, Verdict.DISPUTED
    _, rep = sess.merge(
        _session("ann", {"c1": (C, None), "c2": (C, None)}), _session("bob", {"c1": (D, None)})
    )
    assert rep.both_reviewed == 1 and rep.kappa is not None
    assert any(line.endswith(" over 1 claim") for line in rep.lines()), rep.lines()


def test_merge_keeps_agreements_lists_conflicts_and_computes_kappa(tmp_path: Path) -> None:
    C, D, S, U = Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.SUPERSEDED, Verdict.UNREVIEWED
    a = _session(
        "ann",
        {
            "c1": (C, None),
            "c2": (C, None),
            "c3": (D, None),
            "c4": (D, None),
            "c5": (S, "c9"),
            "c6": (C, None),
        },
    )
    b = _session(
        "bob",
        {
            "c1": (C, None),
            "c2": (D, None),
            "c3": (D, None),
            "c4": (D, None),
            "c5": (S, "c8"),
            "c7": (D, None),
            "c6": (U, None),
        },
    )
    out, rep = sess.merge(a, b)
    # Both reviewed c1..c5: A = C C D D S, B = C D D D S -> po 0.8, pe 0.36, kappa 0.6875.
    assert rep.both_reviewed == 5 and rep.kappa == pytest.approx(0.6875)
    assert rep.agreements == 3  # c5 agrees on the verdict but not on the superseding claim
    assert [c[0] for c in rep.conflicts] == ["c2", "c5"]
    assert out.decisions["c1"].verdict == C and out.decisions["c3"].verdict == D
    for cid in ("c2", "c5"):  # conflicts are kept for resolution, not decided
        d = out.decisions[cid]
        assert d.verdict == U and {c["reviewer"] for c in d.conflicts} == {"ann", "bob"}
        assert d.reviewer is None  # an open conflict is nobody's decision (it named ann, the first session's)
        assert d.note.startswith("[ann]") and "[bob]" in d.note  # both notes named
    assert {c.get("superseded_by") for c in out.decisions["c5"].conflicts} == {"c8", "c9"}
    assert out.decisions["c7"].verdict == D and out.decisions["c6"].verdict == C  # reviewed by one only
    assert "ann on c1" in out.decisions["c1"].note and "bob on c1" in out.decisions["c1"].note
    assert rep.counts[0][C] == 3 and rep.counts[1][D] == 4 and rep.counts[2][U] == 2
    assert len(out.history) == len(a.history) + len(b.history) + 2
    text = "\n".join(rep.lines())
    assert "Cohen's kappa: 0.688 over 5 claims" in text and "conflict c2: ann confirmed, bob disputed" in text
    path = tmp_path / "out.toml"
    sess.save(path, out)
    same(out, sess.load(path))


def test_kappa_edge_cases() -> None:
    assert sess.cohen_kappa([]) is None
    assert sess.cohen_kappa([("confirmed", "confirmed")] * 4) is None  # one category only: undefined
    assert sess.cohen_kappa([("confirmed", "disputed"), ("disputed", "confirmed")]) == pytest.approx(-1.0)
    assert sess.cohen_kappa([("confirmed", "confirmed"), ("disputed", "disputed")]) == pytest.approx(1.0)


def test_merge_refuses_other_corpus() -> None:
    a = _session("ann", {"c1": (Verdict.CONFIRMED, None)})
    b = SessionData(reviewer="bob")
    b.articles["other.txt"] = sess.ArticleRecord("other.txt", "1")
    with pytest.raises(SessionError, match="same corpus"):
        sess.merge(a, b)


def test_hand_edited_history_row_is_checked(tmp_path: Path) -> None:
    """A wrong value in the history file is named with file, line and column; the decisions still open
    (undo reaches back to this sitting only), and the file is never written over."""
    path = tmp_path / "s.toml"
    data = sample()
    sess.save(path, data)
    hpath = tmp_path / "s.history.toml"
    lines = hpath.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, ln in enumerate(lines) if ln.startswith("  {step = 2,"))
    col = lines[n].index("after") + 1
    lines[n] = lines[n].replace("after = {verdict = 'confirmed'}", "after = {verdict = 'bogus'}")
    bad = "".join(lines)
    hpath.write_text(bad, encoding="utf-8")
    back = sess.load(path)
    assert back.decisions == data.decisions and back.history == []
    want = f"{hpath}: line {n + 1}, column {col}: history row 2: unknown verdict 'bogus'"
    assert len(back.notices) == 1 and want in back.notices[0], back.notices
    assert "3 earlier changes are not available" in back.notices[0]
    sess.save(path, back)  # no history to write: the file is left as it is
    assert hpath.read_text(encoding="utf-8") == bad and sess.load(path).notices == []
    back.add_history(sess.HistoryEntry(9, T0, "alice", "note", "decision", "c0000000001", {}, {"note": "x"}))
    sess.save(path, back)  # a new history file; the one that could not be read is kept
    assert (tmp_path / "s.history.toml.bak1").read_text(encoding="utf-8") == bad
    again = sess.load(path)
    assert again.notices == [] and [h.step for h in again.history] == [9]


V2 = """schema = 2
reviewer = "alice"
created = 2025-03-01T09:30:00Z
corpus = ["../corpus"]

[groups]
merges = []
splits = []

[articles."a.txt"]
fingerprint = "f00d"
published = 2024-01-02
decisions = '''
{"id": "c0000000001", "verdict": "confirmed", "note": "two\\nlines", "reviewer": "alice", "updated": "2025-03-01T09:31:00Z", "text": "The minister said 3%"}
{"id":"c0000000002","verdict":"unreviewed","dismissed":true,"text":"Later report"}
'''

[history]
rows = '''
[1,"2025-03-01T09:31:00Z","alice","mark","decision","c0000000001",{"verdict":"unreviewed"},{"verdict":"confirmed"}]
{"step": 2, "at": "2025-03-01T09:32:00Z", "by": "alice", "op": "published", "kind": "article", "key": "a.txt", "before": {}, "after": {"published": "2024-01-02"}}
'''

[integrity]
articles = 1
decisions = 2
manual = 0
history = 2
checksum = "skip"
"""


def test_schema_2_is_migrated_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(V2, encoding="utf-8")
    data = sess.load(path)
    assert data.schema == 2 and "schema 2 session" in data.notices[-1]
    assert "schema 4" in data.notices[-1]
    d = data.decisions["c0000000001"]
    when = dt.datetime(2025, 3, 1, 9, 31, tzinfo=dt.UTC)
    assert (d.verdict, d.note, d.updated) == (Verdict.CONFIRMED, "two\nlines", when)
    assert data.decisions["c0000000002"].dismissed
    h = data.history_entries()
    assert [e.step for e in h] == [1, 2] and h[1].after == {"published": dt.date(2024, 1, 2)}
    assert path.read_text(encoding="utf-8") == V2  # loading never rewrites
    sess.save(path, data)
    assert sess.schema_backup_path(path, 2).read_text(encoding="utf-8") == V2
    back = sess.load(path)
    assert back.schema == sess.SCHEMA and back.notices == []
    assert back.decisions == data.decisions and back.history == data.history
    sess.save(path, back)  # the schema 2 backup is kept as it was
    assert sess.schema_backup_path(path, 2).read_text(encoding="utf-8") == V2
    cut = V2[: V2.index("[integrity]")]  # a schema 2 file cut short is still refused
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(SessionCorrupt, match="truncated"):
        sess.load(path)


def _plain_utc(doc: object) -> object:
    """Datetimes compared as UTC instants (parsers differ in the tzinfo object they give)."""
    if isinstance(doc, dict):
        return {k: _plain_utc(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_plain_utc(v) for v in doc]
    if isinstance(doc, dt.datetime) and doc.tzinfo is not None:
        return doc.astimezone(dt.UTC)
    return doc


def test_merge_names_the_author_of_a_note_the_merged_decision_does_not_name() -> None:
    """Ann and Bob agreed on c1 and only Bob wrote a note: the report read "disputed (by ann) / Note: the
    figure is wrong", Bob's words under Ann's name. Only Bob decided c2 but Ann had written a note: the
    same the other way round. A note is plain only when its author is the one the decision names."""
    C, D, U = Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.UNREVIEWED
    a = _session("ann", {"c1": (D, None), "c2": (U, None), "c3": (C, None), "c4": (C, None)})
    b = _session("bob", {"c1": (D, None), "c2": (C, None), "c3": (C, None), "c4": (C, None)})
    a.decisions["c1"] = replace(a.decisions["c1"], note="")
    b.decisions["c1"] = replace(b.decisions["c1"], note="the figure is wrong")
    b.decisions["c3"] = replace(b.decisions["c3"], note="")
    b.decisions["c4"] = replace(b.decisions["c4"], note="ann on c4")  # the same words: kept once
    out, _ = sess.merge(a, b)
    assert out.decisions["c1"].reviewer == "ann" and out.decisions["c1"].note == "[bob] the figure is wrong"
    assert out.decisions["c2"].reviewer == "bob"
    assert out.decisions["c2"].note == "[ann] ann on c2\n\nbob on c2"
    assert out.decisions["c3"].note == "ann on c3"
    assert out.decisions["c4"].note == "ann on c4"


def test_merge_names_who_marked_a_conflicting_decision_in_a_copied_session() -> None:
    # bob marked a copy of root's session (FACTCHECK_REVIEWER=bob): the merge said "conflict c2: root (A)
    # disputed, root (B) confirmed", though the merged file names bob on that side
    C, D = Verdict.CONFIRMED, Verdict.DISPUTED
    a = _session("root", {"c1": (C, None), "c2": (D, None)})
    b = _session("root", {"c1": (C, None), "c2": (C, None)})
    b.decisions["c2"] = replace(b.decisions["c2"], reviewer="bob")
    out, rep = sess.merge(a, b)
    assert {c["reviewer"] for c in out.decisions["c2"].conflicts} == {"root", "bob"}
    # (both sessions name root: each side is tagged with its session, (A) or (B), since fix29)
    assert "conflict c2: (A) root disputed, (B) bob confirmed (in root (B)'s session)" in rep.lines()
    # a decision marked by the session's own reviewer is not said twice
    ann, bob = _session("ann", {"c2": (D, None)}), _session("bob", {"c2": (C, None)})
    assert "conflict c2: ann disputed, bob confirmed" in sess.merge(ann, bob)[1].lines()


def test_merges_summary_names_each_side_as_the_reviews_conflict_lines_do() -> None:
    """The summary named each side by its session header's reviewer ("root confirmed, bob disputed"), the
    review's conflict lines by the decision's own reviewer ("root confirmed / root disputed"): a copy of
    root's session whose header was edited to bob. Both now name who decided; the summary adds the session
    when that is someone else. A decision naming nobody is its session reviewer's in both (the review
    showed "?")."""
    C, D = Verdict.CONFIRMED, Verdict.DISPUTED
    a = _session("root", {"c1": (C, None), "c2": (C, None)})
    b = _session("bob", {"c1": (D, None), "c2": (D, None)})
    b.decisions["c1"] = replace(b.decisions["c1"], reviewer="root")  # marked by root, header edited to bob
    b.decisions["c2"] = replace(b.decisions["c2"], reviewer=None)
    out, rep = sess.merge(a, b)
    lines = rep.lines()
    assert "conflict c1: root confirmed, root disputed (in bob's session)" in lines, lines
    assert "conflict c2: root confirmed, bob disputed" in lines, lines
    for cid in ("c1", "c2"):
        line = next(x for x in lines if x.startswith(f"conflict {cid}: "))
        sides = [
            f"{c['reviewer']} {c['verdict']}" for c in out.decisions[cid].conflicts
        ]  # the review's lines
        assert line.split(": ", 1)[1].replace(" (in bob's session)", "") == ", ".join(sides), (line, sides)


def test_merges_table_fits_a_wide_reviewers_name_in_its_column() -> None:
    """The table cut each reviewer's name at 14 characters: a CJK name of 14 characters took 28 cells and
    pushed the counts out of their columns."""
    from factcheck.textout import cells

    C = Verdict.CONFIRMED
    a = _session("山田太郎山田太郎山田太郎山田", {"c1": (C, None)})
    b = _session("bob", {"c1": (C, None)})
    head, confirmed = sess.merge(a, b)[1].lines()[:2]
    assert cells(head) == cells(confirmed) == len("confirmed   ") + 15 + 15 + 9, (head, confirmed)
    assert "…" in head

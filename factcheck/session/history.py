"""The history file: every change of a session, one TOML line each, in ``NAME.history.toml`` beside it.

Layout::

    # factcheck review history: one line per change of the session NAME.toml beside this NAME.history.toml (...).
    schema = 4
    rows = [
      {step = 1, at = 2025-03-01T09:30:00Z, by = 'alice', op = 'mark', kind = 'decision', key = '...', ...},
    ]

The file is append-only: a save writes the new rows over the closing bracket and closes the array again,
so the rows a session file records (its ``[history]`` table: rows, size and CRC-32 of the text up to the
end of the last row) stay a prefix of the file, and an older version of the session (a backup) finds them
there. The session file is written after its history rows, so a save cut short leaves rows that no
session records: they are ignored, and the next save writes over them.

A session opens whatever its history file looks like: a missing file, one that no longer holds the rows
the session recorded (edited by hand, replaced, cut short) or one that cannot be read is described in the
session's notices; the decisions load, and undo reaches back as far as the rows that could be read. A file
that does not hold what factcheck wrote is never written over: it is kept as ``NAME.history.toml.bak1``
(the older ones moving down, as the session's backups do) before a new one is written. The one exception is
a file that only a save cut short wrote (no version of the session records it, and the rows the session
records are safe in a backup): it is replaced, so that saves killed again and again never push the rows
the session needs out of the backups. The rows are read when first needed (undo, merge, ``history``), not when
the session is opened.
"""

from __future__ import annotations

import os
import re
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

from factcheck import atomic
from factcheck.session import fileformat
from factcheck.session.fileformat import TomlError, crc, history_from_row, parse_toml
from factcheck.session.reading import BadValue, Locator, read_file
from factcheck.session.records import (
    SCHEMA,
    HistoryEntry,
    HistoryRef,
    SessionData,
    SessionError,
    SessionNotWritable,
)

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_CLOSE = "]\n"  # what follows the last row


_BACKUP = re.compile(r"(.+)\.toml\.(?:bak\d+|schema\d+\.bak)\Z")


def backed_up_session(path: Path) -> Path | None:
    """The session ``path`` is a backup of (``s.toml.bak1``, ``s.toml.schema3.bak`` -> ``s.toml``), when that
    session is beside it; else None."""
    m = _BACKUP.match(Path(path).name)
    if m is None:
        return None
    session = Path(path).with_name(f"{m.group(1)}.toml")
    return session if session.is_file() else None


def history_path(session: Path) -> Path:
    """``seeds.toml`` -> ``seeds.history.toml`` (``name`` -> ``name.history.toml`` without .toml). A
    session's backups (``seeds.toml.bak1``...) share its history file: each finds its rows as a prefix."""
    session = Path(session)
    name = session.name
    m = _BACKUP.match(name)
    stem = m.group(1) if m else name[: -len(".toml")] if name.endswith(".toml") else name
    return session.with_name(f"{stem}.history.toml")


HEAD = (
    "# factcheck review history: one line per change of the session NAME.toml beside this NAME.history.toml"
    f" (see sessions/README.md).\nschema = {SCHEMA}\nrows = [\n"
)


def rows_text(rows: list[HistoryEntry]) -> str:
    row = fileformat.history_row
    return "".join(f"  {row(h)},\n" for h in rows)


def dumps_history(rows: list[HistoryEntry]) -> str:
    """The history file's text holding ``rows``."""
    return HEAD + rows_text(rows) + _CLOSE


def loads_history(text: str, where: str = "history") -> list[HistoryEntry]:
    """The rows of a history file's text, every value checked; SessionError with line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        doc = parse_toml(text)
    except TomlError as e:
        raise SessionError(f"{where}: line {e.line}, column {e.column}: {e.msg}") from None
    loc = Locator(text, where)
    schema = doc.get("schema")
    if type(schema) is not int or schema > SCHEMA:
        raise SessionError(f"{where}: line 1, column 1: not a factcheck history file of schema {SCHEMA}")
    rows = doc.get("rows", [])
    if type(rows) is not list:
        raise loc.error(loc.key("rows"), "'rows' must be an array of inline tables {step = ..., ...}")
    out: list[HistoryEntry] = []
    for i, row in enumerate(rows):
        try:
            out.append(history_from_row(row))
        except BadValue as e:
            rpos = loc.row(loc.key("rows"), i)
            raise loc.error(loc.field(rpos, e.field), f"history row {i + 1}: {e.msg}") from None
    return out


# ---------------------------------------------------------------------------------------------
# Reading


def _prefix_matches(raw: bytes, ref: HistoryRef) -> bool:
    return len(raw) >= ref.size and f"{zlib.crc32(raw[: ref.size]) & 0xFFFFFFFF:08x}" == ref.crc


def backup_paths(path: Path) -> list[Path]:
    """Earlier history files, newest first: ``NAME.history.toml.bak1..N`` (see ``write``)."""
    from factcheck.session.store import BACKUPS

    return [path.with_name(f"{path.name}.bak{i}") for i in range(1, BACKUPS + 1)]


def _find(ref: HistoryRef, path: Path) -> tuple[Path, bytes] | None:
    """The file holding the rows ``ref`` records: the history file, else one of its backups (a save cut
    short between the two files, or a session restored from a backup)."""
    for p in [path, *backup_paths(path)]:
        try:
            raw = read_file(p)
        except SessionError:
            continue
        if raw is not None and _prefix_matches(raw, ref):
            return p, raw
    return None


def check_on_open(data: SessionData, session: Path) -> None:
    """Attach the history file to a session just read: a cheap check (its bytes and CRC, no parsing) that
    it holds the rows the session recorded; the rows are read when first needed. When it does not, the
    rows are read now from where they are (a backup of the history file, or the file as edited), and the
    notices say what happened; the decisions always load."""
    ref = data.history_unread
    if ref is None:
        return
    path = history_path(session)
    ref = HistoryRef(ref.rows, ref.last_step, ref.size, ref.crc, path)
    data.history_unread = data.history_file = ref
    found = _find(ref, path)
    if found is not None and found[0] == path:
        return  # as recorded: read when first needed
    data.history_unread = data.history_file = None  # the next save writes the whole file
    changes = "1 earlier change is" if ref.rows == 1 else f"{ref.rows:,} earlier changes are"
    lost = f"undo reaches back only to this sitting ({changes} not available)"
    if found is not None:
        bak, raw = found
        try:
            rows = loads_history(raw[: ref.size].decode("utf-8") + _CLOSE, str(bak))
        except (SessionError, UnicodeDecodeError) as e:
            data.notices.append(f"the history cannot be read ({e}); decisions loaded; {lost}")
            return
        data._history[:0] = rows
        data.notices.append(
            f"the history file {path.name} does not hold this version's changes (a save cut short, or a"
            f" session restored from a backup): they were read from {bak.name}"
        )
        return
    try:
        raw_now = read_file(path)
    except SessionError as e:
        data.notices.append(f"the history file cannot be read ({e}); decisions loaded; {lost}")
        return
    if raw_now is None:
        data.notices.append(f"the history file {path.name} is missing; decisions loaded; {lost}")
        return
    try:  # changed since factcheck wrote it: read it as it is now
        rows = loads_history(raw_now.decode("utf-8"), str(path))
    except (SessionError, UnicodeDecodeError) as e:
        data.notices.append(
            f"the history file cannot be read ({e}); decisions loaded; {lost}; the file is kept as it is"
        )
        return
    data._history[:0] = rows
    data.notices.append(
        f"the history file {path.name} was changed outside factcheck since it was saved"
        f" ({len(rows)} rows where factcheck saved {ref.rows}); loaded as it is now"
    )


def read_rows(ref: HistoryRef) -> tuple[list[HistoryEntry], str | None]:
    """The rows ``ref`` records, read from its file (or a backup of it), and a notice when they cannot be.
    Touches no session: safe in a thread of its own (``Prefetch``)."""
    found = _find(ref, Path(ref.path)) if ref.path is not None else None
    if found is None:
        return [], (
            f"the history file {ref.path} changed since the session was opened; undo reaches back only to"
            " this sitting"
        )
    text = found[1][: ref.size].decode("utf-8", "replace")
    try:
        rows = loads_history(text + _CLOSE, str(found[0]))
    except SessionError as e:
        return [], f"the history cannot be read ({e}); undo reaches back only to this sitting"
    _cache_rows(text, rows)
    return rows, None


class Prefetch:
    """The rows of a history file, read in a thread of their own: the TUI starts one after opening a
    session, so that its first undo finds them read. Rows are immutable records: copies of the session
    share them."""

    def __init__(self, ref: HistoryRef):
        self.ref = ref
        self._done = threading.Event()
        self._result: tuple[list[HistoryEntry], str | None] = ([], None)
        threading.Thread(target=self._run, name="factcheck-history", daemon=True).start()

    def _run(self) -> None:
        try:
            self._result = read_rows(self.ref)
        except Exception as e:  # reported as a notice by whoever needs the rows
            self._result = ([], f"the history cannot be read ({e}); undo reaches back only to this sitting")
        finally:
            self._done.set()

    def result(self) -> tuple[list[HistoryEntry], str | None]:
        self._done.wait()
        return self._result


def prefetch(data: SessionData) -> None:
    """Start reading ``data``'s unread history rows in a thread (see ``Prefetch``)."""
    if data.history_unread is not None and data.history_prefetch is None:
        data.history_prefetch = Prefetch(data.history_unread)


def read_unread(data: SessionData) -> None:
    """Read the rows of ``data``'s history file that are not in memory yet (``SessionData.history``); the
    rows a prefetch read (or is reading) are taken from it."""
    ref = data.history_unread
    if ref is None:
        return
    pre = data.history_prefetch
    rows, notice = pre.result() if isinstance(pre, Prefetch) and pre.ref is ref else read_rows(ref)
    data.history_unread = None
    data.history_prefetch = None
    if notice:
        data.notices.append(notice)
    if len(rows) != ref.rows:
        data.history_file = None  # the next save writes the whole file
    data._history[:0] = rows


def _cache_rows(text: str, rows: list[HistoryEntry]) -> None:
    """Keep each row's line of a file as factcheck wrote it (CRC checked) as the text it is written as
    again, so that a save that writes the whole file does not render unchanged rows anew."""
    start = text.find("\nrows = [\n")
    lines = text[start + len("\nrows = [\n") :].split("\n") if start >= 0 else []
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(rows):
        return
    for h, line in zip(rows, lines, strict=True):
        if not line.startswith(f"  {{step = {h.step}, ") or not line.endswith("},"):
            return
    for h, line in zip(rows, lines, strict=True):
        h._row = line[2:-1]


# ---------------------------------------------------------------------------------------------
# Writing


@dataclass(slots=True)
class Plan:
    """What a save writes to the history file: nothing, ``append`` (``text`` written over the closing
    bracket at ``base.size``) or ``whole`` (``text`` is the file); ``ref`` is what the session file
    records afterwards (None: no history)."""

    path: Path
    ref: HistoryRef | None
    mode: str = "nothing"
    text: str = ""
    base: HistoryRef | None = None
    keep_old: bool = True  # ``whole``: the file it replaces becomes NAME.bak1 (see ``unrecorded``)


def plan(session: Path, data: SessionData, base: HistoryRef | None) -> Plan:
    """Decide how to write ``data``'s history beside ``session``.

    ``base``: what the file held after the last load or save of this session (None: unknown). While the
    file's rows are unread, the rows in memory are appended after ``base`` when the file still holds the
    rows read from it followed by those written since (checked by CRC and by their bytes). Otherwise
    the whole text is rendered (rows are rendered once and cached, the unread ones read first): appended
    when the file holds the start of it, else written as a new file (the old one kept as a backup)."""
    path = history_path(session)
    total = data.history_count()
    unread = data.history_unread
    try:
        raw = read_file(path)
    except SessionError as e:
        raise SessionNotWritable(f"{e}; the history is not written over it") from None
    if (
        unread is not None
        and base is not None
        and raw is not None
        and unread.path is not None
        and Path(unread.path) == path
        and unread.rows <= base.rows <= total
        and _prefix_matches(raw, base)
        and _prefix_matches(raw, unread)
    ):
        mem = data.history_in_memory
        done = mem[: base.rows - unread.rows]  # written by earlier saves since the file was read
        if raw[unread.size : base.size] == rows_text(done).encode("utf-8"):
            return _append(path, base, mem[len(done) :], total, data.last_step(), raw)
    rows = data.history  # reads the rows not in memory yet
    if not rows:
        return Plan(path, None)
    whole = HEAD + rows_text(rows)
    b = whole.encode("utf-8")
    ref = HistoryRef(len(rows), rows[-1].step, len(b), crc(b), path)
    if raw is not None and raw.endswith(_CLOSE.encode()):
        body = raw[: -len(_CLOSE)]
        if body == b:
            return Plan(path, ref)  # as it is on disk
        if b.startswith(body) and body.endswith(b"\n"):  # the file holds the start of it: append the rest
            start = HistoryRef(0, 0, len(body), crc(body), path)
            return Plan(path, ref, "append", b[len(body) :].decode("utf-8"), start)
    keep_old = raw is None or not unrecorded(session, raw)
    return Plan(path, ref, "whole", whole + _CLOSE, keep_old=keep_old)


def recorded(session: Path) -> HistoryRef | None:
    """What a session file records of its history file (its ``[history]`` table), read from that table
    alone; None when it records nothing or cannot be read."""
    try:
        raw = read_file(session)
    except SessionError:
        return None
    if raw is None:
        return None
    text = raw.decode("utf-8", "replace")
    start = text.rfind("\n[history]")  # the table comes after every decision (a note cannot end it)
    if start < 0:
        return None
    end = text.find("\n[", start + 1)
    try:
        table = parse_toml(text[start : end if end >= 0 else len(text)])["history"]
        vals = [table["rows"], table["last_step"], table["size"], table["crc"]]
    except (TomlError, KeyError, TypeError):
        return None
    if not all(type(v) is int for v in vals[:3]) or type(vals[3]) is not str:
        return None
    return HistoryRef(vals[0], vals[1], vals[2], vals[3], history_path(session))


def unrecorded(session: Path, raw: bytes) -> bool:
    """True when the history file's bytes ``raw`` are rows no version of ``session`` records (the file
    nor its backups), while the rows the session file records are intact in a backup of the history file:
    what a save killed after writing the history file but before the session file leaves behind. A file
    changed by hand is not such a file: the rows the session recorded were in it, and are nowhere else."""
    from factcheck.session.store import backup_paths as session_backups

    own = recorded(session)
    if own is None:
        return False
    refs = [own, *(r for b in session_backups(session) if (r := recorded(b)) is not None)]
    if any(_prefix_matches(raw, r) for r in refs):
        return False
    found = _find(own, history_path(session))
    return found is not None and found[0] != history_path(session)


def _append(
    path: Path, base: HistoryRef, new: list[HistoryEntry], total: int, last_step: int, raw: bytes
) -> Plan:
    if not new and raw[base.size :] == _CLOSE.encode():
        return Plan(path, base if total else None)
    text = rows_text(new)
    b = text.encode("utf-8")
    sum_ = f"{zlib.crc32(b, int(base.crc, 16)) & 0xFFFFFFFF:08x}"
    return Plan(path, HistoryRef(total, last_step, base.size + len(b), sum_, path), "append", text, base)


def verify(p: Plan) -> None:
    """Parse what is about to be written back (only the new rows when appending): never write a history
    that cannot be read back."""
    if p.mode == "nothing":
        return
    text = p.text if p.mode == "whole" else HEAD + p.text + _CLOSE
    try:
        rows = parse_toml(text)["rows"]
        ok = type(rows) is list and all(type(r) is dict and type(r.get("step")) is int for r in rows)
        lines = (
            p.text.split("\nrows = [\n", 1)[1].count("\n") - 1 if p.mode == "whole" else p.text.count("\n")
        )
        ok = ok and len(rows) == lines  # one line per row
        if p.mode == "whole" and p.ref is not None:
            ok = ok and len(rows) == p.ref.rows
    except (TomlError, KeyError):
        ok = False
    if not ok:
        raise SessionError(f"{p.path}: not saved: the written history does not read back")


def write(p: Plan) -> None:
    """Write the planned rows (before the session file that records them).

    Appending writes over the closing bracket only (the rows before stay as they are, for the session's
    backups); a whole new file is written atomically, the one it replaces kept as ``NAME.bak1`` (the
    backups rotate as the session's do), so a session saved before still finds its rows."""
    if p.mode == "append":
        assert p.base is not None and p.ref is not None
        fd = os.open(p.path, os.O_RDWR | _NOFOLLOW | _CLOEXEC)
        try:
            os.pwrite(fd, (p.text + _CLOSE).encode("utf-8"), p.base.size)
            os.ftruncate(fd, p.ref.size + len(_CLOSE))
            os.fsync(fd)
        finally:
            os.close(fd)
    elif p.mode == "whole":
        atomic.write_atomic(p.path, p.text, before_replace=_rotate if p.keep_old else None)


def _rotate(path: Path) -> None:
    from factcheck.session.store import rotate_backups

    rotate_backups(path, backup_paths(path))


def reattached_to(rows: list[HistoryEntry], claim_id: str) -> str | None:
    """The claim a decision made on ``claim_id`` follows now, along the history's re-attachments (each opening
    that found the claim's article changed records one, old id -> new id), or None when it never moved."""
    moves = {
        str(h.before.get("id")): str(h.after.get("id"))
        for h in rows
        if h.op == "reattach" and h.kind == "decision" and h.after.get("id")
    }
    now, seen = claim_id, {claim_id}
    while now in moves and moves[now] not in seen:
        now = moves[now]
        seen.add(now)
    return None if now == claim_id else now

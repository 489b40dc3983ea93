"""Session files on disk: load, atomic save with verification, backups, change detection, the lock.

Saving renders the session, parses it back and checks it holds what was meant (never write what cannot be
read back), then writes it atomically (``factcheck.atomic.write_atomic``: temp file, fsync, rename, fsync
of the folder). The last ``BACKUPS`` versions are kept as ``NAME.bak1..N``, rotated only when the
decisions change (a cursor move or a save with nothing new keeps them); a session read from an older
schema keeps that file as ``NAME.schemaN.bak``. A file changed on disk by another program is never
overwritten: our version goes to a conflict file beside it. A read-only session file is never replaced.

No symlink is followed for the lock, temp files or backups: the lock is opened with O_NOFOLLOW, temp
files are created with O_EXCL (mkstemp), backups are renamed or created with O_EXCL | O_NOFOLLOW, and a
symlink found in their place is refused with a message naming it.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import glob
import os
import re
import socket
import stat
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import atomic
from factcheck.session import history, journal
from factcheck.session.fileformat import (
    HEADER,
    Rendered,
    TomlError,
    crc,
    dumps,
    file_text,
    loads,
    parse_toml,
    render,
)
from factcheck.session.reading import BadValue
from factcheck.session.records import (
    SCHEMA,
    HistoryRef,
    SessionChanged,
    SessionCorrupt,
    SessionData,
    SessionError,
    SessionLocked,
    SessionNotWritable,
    iso,
    utcnow,
)

BACKUPS = 3  # previous versions kept beside the session: <name>.bak1 (newest) .. <name>.bakN
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True, slots=True)
class FileState:
    """What a session file looked like when we last read or wrote it.

    ``content``: a digest of its decisions (everything but the save time and the cursor), to rotate
    backups only when they change; not part of the comparison that detects a change on disk.
    """

    ino: int
    size: int
    mtime_ns: int
    content: str | None = field(default=None, compare=False)
    history: HistoryRef | None = field(default=None, compare=False)  # what its history file holds

    @classmethod
    def of(
        cls, path: Path, content: str | None = None, history: HistoryRef | None = None
    ) -> FileState | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return cls(st.st_ino, st.st_size, st.st_mtime_ns, content, history)


def _read(path: Path) -> tuple[str, FileState]:
    try:
        st = os.stat(path)
    except OSError as e:
        raise SessionError(f"{path}: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise SessionError(f"{path}: not a regular file (a folder, device or pipe); not read")
    try:
        with open(path, "rb") as f:
            fst = os.fstat(f.fileno())
            data = f.read()
    except OSError as e:
        raise SessionError(f"{path}: {e.strerror or e}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise SessionCorrupt(f"{path}: line {line}, column {col}: not UTF-8 text") from None
    return text, FileState(fst.st_ino, fst.st_size, fst.st_mtime_ns)


def load(path: Path) -> SessionData:
    """Read a session. A corrupt file raises SessionCorrupt naming line, column and the newest good backup;
    the file itself is never touched."""
    return load_with_state(path)[0]


def load_with_state(path: Path) -> tuple[SessionData, FileState | None]:
    path = Path(path)
    text = ""
    try:
        text, state = _read(path)
        if text.startswith(_HISTORY_WORDS):
            raise SessionError(_history_not_session(path))
        data = loads(text, str(path))
    except SessionCorrupt as e:
        if (
            path.suffix.lower() != ".toml"
            and not text.startswith(_SESSION_WORDS)
            and not newest_good_backup(path)
        ):
            # an article, a report...: no damaged session (none of its backups either)
            raise SessionError(
                f"{path}: not a factcheck session (a session is the .toml file review writes)"
            ) from None
        raise _with_backup(e, path) from None
    history.check_on_open(data, path)
    journal.replay(path, data, data.checksum)  # changes made after the last save, if a review ended so
    # the content digest is known when the file is as factcheck wrote it
    state = FileState(state.ino, state.size, state.mtime_ns, data.digest, data.history_file)
    return data, state


# The first words of a session and of a history file (their headers up to the colon).
_SESSION_WORDS = HEADER.split(":", 1)[0]
_HISTORY_WORDS = history.HEAD.split(":", 1)[0]
_HISTORY_NAME = re.compile(r"(.+)\.history\.toml(?:\.bak\d+)?")


def _history_not_session(path: Path) -> str:
    """A history file given where a session is asked for: said so, with its session's name."""
    m = _HISTORY_NAME.fullmatch(path.name)
    if m is None:
        return f"{path}: a session's history file, not a session"
    session = path.with_name(f"{m.group(1)}.toml")
    return f"{path}: the history file of the session {session.name}, not a session: give {session}"


def _with_backup(e: SessionCorrupt, path: Path) -> SessionCorrupt:
    b = newest_good_backup(path)
    hint = f" (newest good backup: {b})" if b else " (no good backup found)"
    return SessionCorrupt(str(e) + hint, b)


def backup_paths(path: Path) -> list[Path]:
    """Backups of ``path``, newest first (whether or not they exist)."""
    return [path.with_name(f"{path.name}.bak{i}") for i in range(1, BACKUPS + 1)]


def schema_backup_path(path: Path, schema: int) -> Path:
    return path.with_name(f"{path.name}.schema{schema}.bak")


# How every file factcheck writes for a review begins: a session (and its backups), a history.
_FIRST_WORDS = tuple(head.split(":", 1)[0].encode() for head in (HEADER, history.HEAD))


def is_session_file(path: Path) -> bool:
    """Whether ``path`` is a file factcheck wrote for a review, of this session or any other: a session, a
    backup of one, a history (they all begin with their kind's header). A report is never written over one."""
    try:
        if not Path(path).is_file():  # (opening a pipe to read it would wait for a writer)
            return False
        with open(path, "rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return head.startswith(_FIRST_WORDS)


def session_files(path: Path) -> list[Path]:
    """Every file that belongs to the session ``path`` (whether or not it exists): the session, its lock,
    its backups (also the schema backups made when an older file was upgraded), its history file, the
    history's backups and its journal. No command writes anything else over one of them."""
    hist = history.history_path(path)
    return [
        path,
        lock_path(path),
        *backup_paths(path),
        *(schema_backup_path(path, n) for n in range(1, SCHEMA)),
        hist,
        *history.backup_paths(hist),
        journal.journal_path(path),
    ]


def newest_good_backup(path: Path) -> Path | None:
    for b in backup_paths(path):
        if b.is_file() and not b.is_symlink():
            try:
                text, _ = _read(b)
                loads(text, str(b))
            except SessionError:
                continue
            return b
    return None


def remove_stale_temp(path: Path) -> None:
    """Remove temp files left by saves that were killed midway (call while holding the session's lock)."""
    for name in (path.name, history.history_path(path).name, journal.journal_path(path).name):
        for p in path.parent.glob(f".{glob.escape(name)}.*.tmp"):
            with contextlib.suppress(OSError):
                p.unlink()  # unlink removes a symlink itself, never its target


def _copy_exclusive(src: Path, dst: Path) -> None:
    """Copy ``src`` to a new file ``dst``: never through a symlink, never over an existing file."""
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
    try:
        with open(src, "rb") as f:
            os.write(fd, f.read())
        os.fchmod(fd, stat.S_IMODE(os.stat(src).st_mode))
        os.fsync(fd)
    finally:
        os.close(fd)


def _rotate_backups(path: Path) -> None:
    rotate_backups(path, backup_paths(path))


def rotate_backups(path: Path, baks: list[Path]) -> None:
    """``path`` becomes ``baks[0]``, the older ones move down one place (the last is dropped)."""
    if not path.is_file():
        return
    with contextlib.suppress(FileNotFoundError):
        os.unlink(baks[-1])
    for older, newer in zip(reversed(baks[1:]), reversed(baks[:-1]), strict=True):
        with contextlib.suppress(FileNotFoundError):
            os.replace(newer, older)  # rename replaces a symlink at ``older`` itself, never its target
    try:
        os.link(path, baks[0])  # a hard link: the current version stays in place until os.replace
    except FileExistsError:
        raise SessionNotWritable(
            f"{baks[0]} appeared while saving (a symlink or file put there by something else); refused to"
            " write through it: remove it to save"
        ) from None
    except OSError:
        _copy_exclusive(path, baks[0])


def is_readonly_file(path: Path) -> bool:
    """True when the session file exists and has no write permission bit (chmod a-w): never replaced."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and not st.st_mode & 0o222


def save(
    path: Path,
    data: SessionData,
    expected: FileState | bool | None = False,
    conflict_path: Path | None = None,
) -> FileState | None:
    """Atomically save ``data``; returns the new file state.

    ``expected``: the state the file had when we loaded or last saved it (None: it did not exist). When the
    file on disk differs, it was changed by something else: our version goes to a conflict file beside it
    and SessionChanged is raised (``conflict_path``: reuse that file, so repeated autosaves do not pile up
    conflict files). Pass False to skip the check. Backups rotate only when the decisions differ from
    ``expected``'s. Raises SessionNotWritable (one line, no traceback) when the file cannot be written.
    """
    path = Path(path)
    if data.unknown_fields:  # (a newer factcheck's fields: written back by none of this version's code)
        raise SessionNotWritable(
            f"not saved: {data.unknown_fields[0]}; this version would lose it: upgrade factcheck to change"
            " this session"
        )
    base = expected.history if isinstance(expected, FileState) else data.history_file
    hplan = history.plan(path, data, base)
    rendered = render(data, hplan.ref)
    _verify_rendered(rendered, data, str(path))  # never write what we cannot read back
    history.verify(hplan)
    if is_readonly_file(path):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        raise SessionNotWritable(f"{path} is read-only (mode {mode:04o}); not saved — it is never replaced")
    try:
        if expected is not False:
            now = FileState.of(path)
            if now != expected:
                stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
                other = conflict_path or path.with_name(f"{path.stem}.conflict-{stamp}{path.suffix}")
                oplan = history.plan(other, data, None)
                history.write(oplan)
                atomic.write_atomic(other, render(data, oplan.ref).text)
                if now is None:  # deleted or moved away: nothing to combine with
                    raise SessionChanged(
                        f"{path} was deleted or moved since factcheck read it; not written again there."
                        f" Your version is in {other} (rename it to {path.name} to go on with it)",
                        other,
                    )
                raise SessionChanged(
                    f"{path} was changed on disk by another program since factcheck read it; not overwritten."
                    f" Your version is in {other} (combine them with `factcheck merge`)",
                    other,
                )
        if data.schema < SCHEMA and path.is_file():
            old = schema_backup_path(path, data.schema)
            if not os.path.lexists(old):
                _copy_exclusive(path, old)
        # the journal's later steps follow the file about to be written (see ``session.journal``)
        journal.note_saving(path, rendered.checksum, data.last_step())
        history.write(hplan)  # first: the session file then records rows that are on disk
        same = isinstance(expected, FileState) and expected.content == rendered.content
        atomic.write_atomic(path, rendered.text, before_replace=None if same else _rotate_backups)
    except OSError as e:
        raise SessionNotWritable(f"{path}: not saved: {_why(e)}") from None
    return FileState.of(path, rendered.content, hplan.ref)


def save_rescue(path: Path, data: SessionData, folders: list[Path]) -> Path | None:
    """``data`` could not be saved to ``path`` (a full disk, a folder made read-only) and the reviewer quits:
    write it, with its history, to the first of ``folders`` that takes it, as NAME.unsaved-STAMP.toml, and
    return where (None when none did). Its corpus paths are made absolute (they are relative to the session's
    folder), so the copy opens where it lies and can be copied over ``path`` later."""
    path = Path(path)
    copy = data.copy()
    copy.corpus = [c if "://" in c else os.path.abspath(path.parent / c) for c in data.corpus]
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    for folder in folders:
        other = Path(folder) / f"{path.stem}.unsaved-{stamp}{path.suffix}"
        try:
            plan = history.plan(other, copy, None)
            history.write(plan)
            atomic.write_atomic(other, render(copy, plan.ref).text)
        except (OSError, SessionError):
            continue
        return other
    return None


def _why(e: OSError) -> str:
    if e.errno == errno.ENOSPC:
        return "no space left on the device"
    if e.errno == errno.EROFS:
        return "the file system is read-only"
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied ({e.filename or 'the folder'})"
    return e.strerror or str(e)


def _verify_rendered(r: Rendered, data: SessionData, where: str) -> None:
    """Parse a rendered session back before it is written and check it holds ``data``.

    The rows rendered now are parsed (each must be one valid inline table naming its record); rows cached
    from an earlier render passed this check then (records are immutable) and are one line each (more only
    for a note of several lines, written as it is), so the
    document is parsed with them left out (``r.check``): the same tables, counts and checksum. That each
    value reads back as it was is what the writer's round-trip tests (hypothesis) prove."""
    fail = f"{where}: not saved: the written text does not read back as the same session"
    try:
        doc = parse_toml(r.check)
    except TomlError as e:  # a bug in the writer: refuse to write the file
        raise SessionError(f"{fail} (line {e.line}, column {e.column}: {e.msg})") from None
    fresh = r.fresh
    assert fresh is not None
    try:
        articles = doc.get("articles", {})
        ok = (
            doc.get("schema") == SCHEMA
            and {k for k, v in articles.items() if "fingerprint" in v}
            == {file_text(k) for k in data.articles}
            and len(doc.get("manual", {})) == len(data.manual)
            and all("\n" not in (d._row or "") or "\n" in d.note for d in data.decisions.values())
        )
        fresh_rows = {file_text(k): v for k, v in fresh.decisions.items()}
        for key, table in articles.items():
            rows = table.get("decisions", [])
            want = fresh_rows.get(key, [])
            ok = ok and len(rows) == len(want)
            ok = ok and all(
                row["id"] == file_text(d.claim_id) for row, (d, _) in zip(rows, want, strict=False)
            )
        integ = doc["integrity"]
        ok = ok and (integ["decisions"], integ["history"]) == (len(data.decisions), data.history_count())
        pos = r.text.rfind("\n[integrity]\n")
        ok = ok and integ["checksum"] == f"crc32:{crc(r.text[:pos].encode('utf-8'))}"
    except (AttributeError, KeyError, TypeError, BadValue):
        ok = False
    if not ok:
        raise SessionError(fail)


def verify(text: str, data: SessionData, where: str = "session") -> None:
    """Parse rendered text back and check it holds what ``data`` holds: the same schema, articles, number
    of decisions per article, manual claims, history rows and an intact checksum; SessionError if not.

    (That each value reads back as written is what the writer's round-trip tests prove.)"""
    fail = f"{where}: not saved: the written text does not read back as the same session"
    try:
        doc = parse_toml(text)
    except TomlError as e:  # a bug in the writer: refuse to write the file
        raise SessionError(f"{fail} (line {e.line}, column {e.column}: {e.msg})") from None
    per_article: dict[str, int] = {}
    for d in data.decisions.values():
        per_article[d.article] = per_article.get(d.article, 0) + 1
    try:
        articles = doc.get("articles", {})
        got = {k: len(v.get("decisions", [])) for k, v in articles.items()}
        ok = (
            doc.get("schema") == SCHEMA
            and {k: n for k, n in got.items() if n} == per_article
            and {k for k, v in articles.items() if "fingerprint" in v}
            == {file_text(k) for k in data.articles}
            and len(doc.get("manual", {})) == len(data.manual)
            and doc.get("history", {}).get("rows", 0) == data.history_count()
        )
        pos = text.rfind("\n[integrity]\n")
        ok = ok and doc["integrity"]["checksum"] == f"crc32:{crc(text[:pos].encode('utf-8'))}"
    except (AttributeError, KeyError, TypeError):
        ok = False
    if not ok:
        raise SessionError(fail)


# ---------------------------------------------------------------------------------------------
# Lock


class SessionLock:
    """An exclusive ``fcntl.flock`` on ``<session>.lock`` holding the command, pid and host, released on close
    or exit: ``factcheck mark, pid 4242 on vm, since 2026-12-07T13:31:48Z`` (an older factcheck wrote the
    line without its first part; both are read).

    The kernel drops a flock when its process dies, so a lock file left behind by a crash never blocks.
    """

    def __init__(self, path: Path, fd: int):
        self.path = path
        self.lock_path = lock_path(path)
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path, command: str = "review") -> SessionLock:
        """Take the lock for the factcheck ``command`` (review, mark, edit, merge), which its file records:
        a command refused by it says what holds the session (``SessionLocked``)."""
        import fcntl

        path = Path(path)
        lp = lock_path(path)
        try:
            lp.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise SessionNotWritable(f"{path}: cannot create the folder {lp.parent}: {_why(e)}") from None
        for _ in range(10):
            try:
                fd = os.open(lp, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, 0o644)
            except OSError as e:
                if e.errno == errno.ELOOP:
                    raise SessionNotWritable(
                        f"{lp} is a symbolic link; refused to follow it (remove it to write this session)"
                    ) from None
                raise SessionNotWritable(f"{path}: cannot take the lock {lp}: {_why(e)}") from None
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                raise SessionNotWritable(f"{lp} is not a regular file; refused to use it as the lock")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _read_holder(fd)
                os.close(fd)
                raise _locked(path, holder) from None
            # The file may have been unlinked by a closing holder between our open and our flock.
            try:
                same = os.fstat(fd).st_ino == os.lstat(lp).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                os.close(fd)
                continue
            info = (
                f"factcheck {command}, pid {os.getpid()} on {socket.gethostname()}, since {iso(utcnow())}\n"
            )
            with contextlib.suppress(OSError):  # a full disk: the lock holds without its note
                os.ftruncate(fd, 0)
                os.pwrite(fd, info.encode(), 0)
            lock = cls(path, fd)
            _LIVE_LOCKS.add(lock)
            return lock
        raise SessionLocked(f"{path}: could not take the lock {lp}")

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        import fcntl

        fd, self._fd = self._fd, None
        if fd is None:
            return
        _LIVE_LOCKS.discard(self)
        with contextlib.suppress(OSError):
            os.unlink(self.lock_path)
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()


_LIVE_LOCKS: weakref.WeakSet[SessionLock] = weakref.WeakSet()


@atexit.register
def _release_all() -> None:
    """At exit, remove the lock files of sessions still open (the kernel drops the flocks anyway)."""
    for lock in list(_LIVE_LOCKS):
        lock.release()


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _read_holder(fd: int) -> str:
    try:
        info = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        info = ""
    return info or "another process"


_HOLDER = re.compile(r"factcheck ([a-z]+), (pid .*)")


def _locked(path: Path, holder: str) -> SessionLocked:
    """What a lock file's line says of its holder: a review has the session open; another command (mark,
    edit, merge) is writing it. A line naming no command (an older factcheck's) is said as it is."""
    m = _HOLDER.fullmatch(holder)
    if m is None:
        return SessionLocked(f"{path} is open in another factcheck ({holder})")
    command, info = m.groups()
    if command == "review":
        return SessionLocked(f"{path} is open in another factcheck's review ({info})", command)
    return SessionLocked(f"{path}: a `factcheck {command}` ({info}) is writing it", command)


__all__ = ["BACKUPS", "FileState", "SessionLock", "dumps", "load", "load_with_state", "save"]

"""The journal: every change of a review on disk as soon as it is made, until a save of the session holds it.

The session file is written whole (atomically) a moment after the last change (the TUI's autosave): a
process killed in between (``kill -9``, a dropped SSH connection, a power cut) lost the changes of that
moment. Each change is therefore also appended, as one line, to ``NAME.toml.journal`` beside ``NAME.toml`` when
it is made, and the journal is removed once the review ends with everything saved. Layout, one TOML inline
table per line::

    {journal = 1, base = 'crc32:5d0c27e1'}
    {step = 7, rows = [{step = 7, at = ..., op = 'mark', ...}], decisions = [{article = 'a.txt', row = {...}}]}
    {saving = 'crc32:9a0e1c44', step = 7}

The first line names the session file the journal continues (the checksum of its ``[integrity]`` table; ''
when there was no file yet). A step line holds the step's history rows and, in the session file's own
form, every record the step left (``decisions``, ``articles``, ``manual``, ``groups``; ``dropped`` and
``manual_dropped`` name records it removed). Every save of the session writes a ``saving`` line (the
checksum of the file it is about to write, the last step it holds) before it replaces the session file.

Reading a session (``replay``): when its checksum is the journal's first line or one of its ``saving``
lines, the steps after the step that line names are made again on what was read (the session file does
not hold them), with their history rows, and the reader is told. A journal written for another version of
the session (one restored from a backup, or changed by another program) is not applied: said so, and set
aside as ``NAME.toml.journal.unapplied-STAMP`` when the session is next changed (never written over). A last line
cut short (the process died while writing it) is ignored and said; any other line that cannot be read is an
error naming the file, line and column, and the journal is left as it is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck import atomic
from factcheck.session.fileformat import (
    TomlError,
    decision_from_row,
    history_from_row,
    history_row,
    manual_claim_from_row,
    parse_toml,
    toml_str,
    toml_value,
)
from factcheck.session.reading import (
    BadValue,
    Locator,
    line_col,
    read_file,
    want_date,
    want_known,
    want_list,
    want_str,
    want_str_list,
    want_table,
)
from factcheck.session.records import (
    ArticleRecord,
    Decision,
    HistoryEntry,
    ManualClaim,
    SessionCorrupt,
    SessionData,
    utcnow,
)

VERSION = 1
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# One lock for every journal of the process: a line appended (the UI thread), a ``saving`` line (a save's
# worker thread) and a journal written anew never cross.
_LOCK = threading.Lock()
# The journals this process writes (open, started or not), by their path. A save is told only to the journal
# of its session held here: one not written yet (no change made since the session was read: a new session's
# first file, a review's save on opening or of the changes it made again) keeps the ``saving`` line for the
# journal it writes later; a journal on disk is written into only when it is this process's (never into one of
# another version of the session, which is kept as it is, nor one no review of this process writes).
_OPEN: weakref.WeakValueDictionary[Path, Journal] = weakref.WeakValueDictionary()


def journal_path(session: Path) -> Path:
    return Path(session).with_name(Path(session).name + ".journal")


# ---------------------------------------------------------------------------------------------
# Lines


def _key(path: Path) -> Path:
    """A journal's path as the same file is named from anywhere (``_OPEN``)."""
    return Path(os.path.abspath(path))


def header_line(base: str) -> str:
    return f"{{journal = {VERSION}, base = {toml_str(base)}}}"


def saving_line(checksum: str, step: int) -> str:
    return f"{{saving = {toml_str(checksum)}, step = {step}}}"


def step_line(step: int, rows: list[HistoryEntry], data: SessionData, touched: list[tuple[str, str]]) -> str:
    """The line of one step: its history ``rows`` and every record of ``data`` it ``touched`` ((kind, key):
    decision / manual with a claim id, article with an article key, groups)."""
    out = [f"step = {step}", "rows = [" + ", ".join(history_row(h) for h in rows) + "]"]
    decisions: list[str] = []
    dropped: list[str] = []
    articles: list[str] = []
    manual: list[str] = []
    manual_dropped: list[str] = []
    groups = False
    for kind, key in dict.fromkeys(touched):
        if kind == "decision":
            d = data.decisions.get(key)
            if d is None:
                dropped.append(toml_str(key))
            else:
                decisions.append(f"{{article = {toml_str(d.article)}, row = {toml_value(d.to_row())}}}")
        elif kind == "article":
            rec = data.articles.get(key)
            if rec is not None:
                articles.append(toml_value(_article_row(rec)))
        elif kind == "manual":
            m = data.manual.get(key)
            if m is None:
                manual_dropped.append(toml_str(key))
            else:
                manual.append(toml_value(_manual_row(m)))
        elif kind == "groups":
            groups = True
    for name, items in (
        ("decisions", decisions),
        ("dropped", dropped),
        ("articles", articles),
        ("manual", manual),
        ("manual_dropped", manual_dropped),
    ):
        if items:
            out.append(f"{name} = [" + ", ".join(items) + "]")
    if groups:
        out.append(
            f"groups = {toml_value({'merges': [list(p) for p in data.merges], 'splits': data.splits})}"
        )
    return "{" + ", ".join(out) + "}"


def _article_row(rec: ArticleRecord) -> dict[str, Any]:
    return {
        "key": rec.key,
        "fingerprint": rec.fingerprint,
        "file_digest": rec.file_digest,
        "published": rec.published,
        "title": rec.title,
        "outlet": rec.outlet,
    }


def _manual_row(m: ManualClaim) -> dict[str, Any]:
    return {
        "id": m.id,
        "article": m.article,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "reviewer": m.reviewer,
        "created": m.created,
    }


@dataclass(slots=True)
class _Step:
    step: int
    text: str  # the line as written (kept when the journal is written anew)
    rows: list[HistoryEntry]
    decisions: list[Decision]
    dropped: list[str]
    articles: list[ArticleRecord]
    manual: list[ManualClaim]
    manual_dropped: list[str]
    groups: tuple[list[tuple[str, str]], list[str]] | None


_STEP_KEYS = frozenset(
    {"step", "rows", "decisions", "dropped", "articles", "manual", "manual_dropped", "groups"}
)


def _parse_step(v: dict[str, Any], text: str) -> _Step:
    want_known(v, _STEP_KEYS, "a journal step")
    step = v["step"]
    if type(step) is not int or step < 0:
        raise BadValue("step", "'step' must be a whole number")
    rows = v.get("rows", [])
    if type(rows) is not list:
        raise BadValue("rows", "'rows' must be an array of history rows")
    hist = [history_from_row(r) for r in rows]
    decisions = []
    for item in want_list(v.get("decisions", []), "decisions"):
        item = want_table(item, "decisions")
        decisions.append(decision_from_row(want_str(item.get("article"), "article"), item.get("row")))
    articles = []
    for item in want_list(v.get("articles", []), "articles"):
        item = want_table(item, "articles")
        pub, title, outlet = item.get("published"), item.get("title"), item.get("outlet")
        articles.append(
            ArticleRecord(
                want_str(item.get("key"), "key", empty=False),
                want_str(item.get("fingerprint", ""), "fingerprint"),
                None if pub is None else want_date(pub, "published"),
                None if title is None else want_str(title, "title"),
                None if outlet is None else want_str(outlet, "outlet"),
                want_str(item.get("file_digest", ""), "file_digest"),
            )
        )
    manual = []
    for item in want_list(v.get("manual", []), "manual"):
        item = dict(want_table(item, "manual"))
        mid = want_str(item.pop("id", None), "id", empty=False)
        manual.append(manual_claim_from_row(mid, item))
    groups = None
    if "groups" in v:
        g = want_table(v["groups"], "groups")
        merges = g.get("merges", [])
        if type(merges) is not list or any(
            type(p) is not list or len(p) != 2 or any(type(x) is not str for x in p) for p in merges
        ):
            raise BadValue("groups", "'groups.merges' must be an array of [claim id, claim id] pairs")
        groups = ([(p[0], p[1]) for p in merges], list(want_str_list(g.get("splits", []), "splits")))
    return _Step(
        step,
        text,
        hist,
        decisions,
        list(want_str_list(v.get("dropped", []), "dropped")),
        articles,
        manual,
        list(want_str_list(v.get("manual_dropped", []), "manual_dropped")),
        groups,
    )


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(slots=True)
class Read:
    """A journal found beside a session when it was read: ``applied`` its steps made again on the session
    (their lines, kept until a save holds them); ``matched`` False: written for another version of the
    session, not applied (set aside when the session is next changed)."""

    path: Path
    matched: bool
    applied: list[str] = field(default_factory=list)
    steps: int = 0  # step lines applied
    size: int = 0  # the file's length when it was read


def _read_lines(path: Path) -> tuple[list[str], int] | None:
    """The journal's lines (the last one '' when it ends with a line break) and its length; None when there
    is no journal. A last line cut within a character is read as the torn line it is."""
    raw = read_file(path, holds="; it holds changes not saved in the session")
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        last = raw.rfind(b"\n") + 1
        if e.start >= last:  # the last line cut short within a character: a torn line as any other
            lines = raw[:last].decode("utf-8").split("\n")
            lines[-1] = raw[last:].decode("utf-8", errors="replace")  # (no line break: ignored, said)
            return lines, len(raw)
        line, col = line_col(raw, e.start)
        raise SessionCorrupt(f"{path}: line {line}, column {col}: not UTF-8 text{_KEPT}") from None
    return text.split("\n"), len(raw)


_KEPT = " (the journal of changes not yet saved in the session: left as it is; fix or move it to go on)"


def _parse_line(path: Path, number: int, text: str) -> dict[str, Any]:
    try:
        doc = parse_toml("x = " + text)
    except TomlError as e:
        col = e.column - 4 if e.line == 1 else e.column
        raise SessionCorrupt(f"{path}: line {number}, column {max(col, 1)}: {e.msg}{_KEPT}") from None
    v = doc.get("x")
    if type(v) is not dict or len(doc) != 1:
        raise SessionCorrupt(f"{path}: line {number}, column 1: not a journal line {{...}}{_KEPT}")
    return v


def replay(session: Path, data: SessionData, checksum: str | None) -> None:
    """Make again on ``data`` (the session ``session`` as read, whose file's checksum is ``checksum``; None
    when there is no file) the changes its journal holds that the file does not; ``data.notices`` says what
    was done. SessionCorrupt (file, line, column) when the journal cannot be read."""
    path = journal_path(session)
    got = _read_lines(path)
    if got is None:
        return
    lines, size = got
    torn = False
    if lines and lines[-1] == "":
        lines.pop()
    elif lines:  # a last line without its line break: the process died while writing it
        lines.pop()
        torn = True
    if not lines:
        if torn:
            data.notices.append(f"{path.name}: an empty journal (its only line was cut short); ignored")
        data.journal = Read(path, True, size=size)
        return
    head = _parse_line(path, 1, lines[0])
    base = head.get("base")
    if head.get("journal") != VERSION or type(base) is not str:
        raise SessionCorrupt(f"{path}: line 1, column 1: not a factcheck journal of version {VERSION}{_KEPT}")
    bases: dict[str, int] = {base: -1}
    steps: list[_Step] = []
    for i, text in enumerate(lines[1:], start=2):
        v = _parse_line(path, i, text)
        if "saving" in v:
            s, st = v.get("saving"), v.get("step")
            if type(s) is not str or type(st) is not int:
                raise SessionCorrupt(
                    f"{path}: line {i}, column 1: a 'saving' line names a checksum and a step"
                )
            bases[s] = st
            continue
        try:
            steps.append(_parse_step(v, text))
        except BadValue as e:
            loc = Locator("x = " + text, str(path))
            pos = loc.key(e.field) if e.field else 4
            raise SessionCorrupt(f"{path}: line {i}, column {max(pos - 3, 1)}: {e.msg}{_KEPT}") from None
    if torn:
        data.notices.append(
            f"{path.name}: its last line was cut short (the process ended while writing it): that change is"
            " not applied"
        )
    now = checksum or ""
    if now not in bases and steps:
        n = len(steps)
        data.notices.append(
            f"{path.name} holds {n} change(s) made on another version of this session (one restored from a"
            " backup, or changed by another program): not applied; it is kept (as"
            f" {path.name}.unapplied-STAMP once this session is changed)"
        )
        data.journal = Read(path, False, size=size)
        return
    upto = max(bases.get(now, -1), data.last_step())
    todo = [s for s in steps if s.step > upto]
    for s in todo:
        _apply(data, s)
    data.journal = Read(path, True, [s.text for s in todo], len(todo), size)
    if todo:
        data.notices.append(
            f"{len(todo)} change(s) made after the last save (by a review still open, or one that ended"
            f" without saving them) were read from {path.name} and made again"
        )


def _apply(data: SessionData, s: _Step) -> None:
    for h in s.rows:
        data.add_history(h)
    for d in s.decisions:
        data.decisions[d.claim_id] = d
    for cid in s.dropped:
        data.decisions.pop(cid, None)
    for rec in s.articles:
        data.articles[rec.key] = rec
    for m in s.manual:
        data.manual[m.id] = m
    for mid in s.manual_dropped:
        data.manual.pop(mid, None)
    if s.groups is not None:
        data.merges, data.splits = s.groups


# ---------------------------------------------------------------------------------------------
# Writing


def note_saving(session: Path, checksum: str, step: int) -> None:
    """Before a save replaces ``session`` with a file of checksum ``checksum`` holding the steps up to
    ``step``: say so in its journal, when a review of this process writes it (the journal's later steps then
    follow that file). A journal not written yet keeps the line for when it is; one of another version of the
    session, or one no review of this process writes (``merge`` over an old output), is left as it is: its
    steps were made on another file and must not follow this one. Lines that could not be written (a full
    disk) are no longer needed for the steps this file holds; the later ones are written after this line."""
    path = journal_path(session)
    line = saving_line(checksum, step)
    with _LOCK:
        mine = _OPEN.get(_key(path))
        if mine is None:  # a journal no review of this process writes: left as it is (see ``_OPEN``)
            return
        later = [x for x in mine._unwritten if _step_of(x) > step]
        if not mine.started:  # written with the journal, after the lines waiting before it
            mine._waiting.append(line)
            mine._unwritten = later
            if mine._unmatched:  # (another version's journal on disk: kept byte for byte, set aside later)
                return
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | _NOFOLLOW | _CLOEXEC)
        except FileNotFoundError:
            return
        try:
            _append(fd, [line, *later])
            os.fdatasync(fd)
        finally:
            os.close(fd)
        mine._unwritten = []
        mine.error = None  # (written again)


def _step_of(line: str) -> int:
    """The step number of a line made by ``step_line`` ("{step = N, ...")."""
    return int(line[len("{step = ") : line.index(",")])


def _append(fd: int, lines: list[str]) -> None:
    """Append ``lines`` with one ``write``; a write cut short (a disk that fills up within it) is taken back,
    so that the journal never holds a piece of a line followed by more lines, and raises OSError."""
    data = "".join(f"{x}\n" for x in lines).encode("utf-8")
    n = os.write(fd, data)
    if n < len(data):
        with contextlib.suppress(OSError):
            os.ftruncate(fd, os.fstat(fd).st_size - n)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class Journal:
    """The journal a writable review appends its steps to (see the module's docstring).

    Lines given before the first change of the reviewer (``add(..., now=False)``: the steps read from an
    earlier journal, the re-attachments made when the session was opened) wait in memory; the first change
    writes the journal anew with them (an earlier journal for another version of the session is set aside
    first), then each change is appended. A line is written with one ``write`` (a process killed after it
    keeps it) and made durable by a thread of its own (``fdatasync``: a power cut), not by the keypress."""

    def __init__(self, session: Path, base: str, read: Read | None):
        self.path = journal_path(session)
        self._base = base
        self._waiting: list[str] = list(read.applied) if read is not None and read.matched else []
        self._unmatched = read is not None and not read.matched
        # whether the file on disk is one this review may remove once its changes are saved
        self._own = read is None or read.matched
        self._fd: int | None = None
        self._sync = threading.Event()
        self._synced = threading.Event()
        self._synced.set()
        self._flusher: threading.Thread | None = None
        self.error: str | None = None
        self._before: str | None = None
        # lines that could not be written (a full disk, a folder made read-only): written, in order, before the
        # next line once the disk takes them again, or no longer needed once a save holds their steps
        # (``note_saving``); no line is ever written without the ones before it
        self._unwritten: list[str] = []
        with _LOCK:
            _OPEN[_key(self.path)] = self

    @property
    def started(self) -> bool:
        return self._fd is not None

    def add(self, line: str, *, now: bool = True) -> None:
        """Append one step's line (``now=False``: keep it until the first change of the reviewer). An
        OSError is kept in ``error`` (the change stays in memory, saved with the session) and the line in
        ``unwritten``: the next line is written after it once the disk takes them (``error`` is then None)."""
        with _LOCK:
            if self._fd is None and not now:
                self._waiting.append(line)
                return
            self._unwritten.append(line)
            self._write_unwritten()

    @property
    def unwritten(self) -> int:
        """How many steps' lines wait to be written (the disk refused them); 0 when the journal is whole."""
        return len(self._unwritten)

    def _write_unwritten(self) -> None:
        try:
            if self._fd is None:
                self._start()
            assert self._fd is not None
            _append(self._fd, self._unwritten)
        except OSError as e:
            self.error = f"{self.path}: {e.strerror or e}"
            return
        self._unwritten = []
        self.error = None
        self._synced.clear()
        self._sync.set()

    def start(self) -> None:
        """Write the journal now with the lines waiting, if any (else it is written at the first change)."""
        with _LOCK:
            if self._fd is None and self._waiting:
                try:
                    self._start()
                except OSError as e:
                    self.error = f"{self.path}: {e.strerror or e}"

    def _start(self) -> None:
        if self._unmatched and self.path.exists():
            stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
            aside = self.path.with_name(f"{self.path.name}.unapplied-{stamp}")
            os.link(self.path, aside)  # (never over a file: link fails when the name is taken)
            os.unlink(self.path)
        self._unmatched = False
        text = "".join(f"{x}\n" for x in [header_line(self._base), *self._waiting])
        atomic.write_atomic(self.path, text, mkdir=False)
        self._before = text if self._waiting else None  # what ``discard`` puts back
        self._waiting = []
        self._own = True
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | _NOFOLLOW | _CLOEXEC)
        self._flusher = threading.Thread(target=self._flush, name="factcheck-journal", daemon=True)
        self._flusher.start()

    def _flush(self) -> None:
        while True:
            self._sync.wait()
            self._sync.clear()
            fd = self._fd
            if fd is None:
                self._synced.set()
                return
            with contextlib.suppress(OSError):
                os.fdatasync(fd)
            if not self._sync.is_set():
                self._synced.set()

    def wait_synced(self, timeout: float | None = None) -> bool:
        """Wait until every line written is on the disk (tests, and the end of the review)."""
        return self._synced.wait(timeout)

    def discard(self) -> None:
        """Take back the lines of this review's changes (a command refused, none of its changes made): the
        journal is left as this review found it (the changes an earlier review left in it, read and made
        again, stay for the next reading), or removed when this review started it with nothing before."""
        with _LOCK:
            if _OPEN.get(_key(self.path)) is self:
                del _OPEN[_key(self.path)]
            fd, self._fd = self._fd, None
            if fd is None:
                return
            os.close(fd)
            self._synced.set()
            self._sync.set()  # (the flusher ends)
            try:
                if self._before is None:
                    os.unlink(self.path)
                else:
                    atomic.write_atomic(self.path, self._before, mkdir=False)
            except OSError as e:
                self.error = f"{self.path}: {e.strerror or e}"

    def close(self, *, saved: bool) -> None:
        """End the journal; ``saved``: the session file holds every change, so the journal is removed (when
        it is this review's: one written for another version of the session is never removed)."""
        with _LOCK:
            if _OPEN.get(_key(self.path)) is self:
                del _OPEN[_key(self.path)]
            fd, self._fd = self._fd, None
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.fdatasync(fd)
                os.close(fd)
                self._synced.set()
                self._sync.set()  # (the flusher ends)
            if saved and self._own:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.path)


__all__ = ["Journal", "Read", "journal_path", "note_saving", "replay", "step_line"]

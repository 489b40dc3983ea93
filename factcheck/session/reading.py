"""Reading the session's files: one safe way to read a file, and one way to check and locate a TOML value.

The session file (``fileformat``), its history file (``history``), its journal (``journal``) and the old
schemas (``migrate``) all read TOML written by factcheck and perhaps edited by hand. Each value is checked
with the ``want_*`` functions here: a value of the wrong type raises ``BadValue`` naming the field, and the
reader turns it into an error with the file, line and column (``Locator``). A file is read with
``read_file``: a name that is a link, a folder, a device or a pipe is refused (never followed or waited on).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path
from typing import Any

from factcheck.session.records import SessionCorrupt, SessionError, from_iso, to_utc
from factcheck.urls import is_http_url

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # (a pipe in the file's place is refused, not waited on)


# ---------------------------------------------------------------------------------------------
# Files


def read_file(path: Path, *, holds: str = "") -> bytes | None:
    """The bytes of the regular file ``path`` (not followed when it is a link), or None when there is none.
    SessionError names the file (and what it ``holds``, when said) when it cannot be read or is not a
    regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise SessionError(f"{path}: {e.strerror or e}{holds}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise SessionError(f"{path}: not a regular file (a folder, device or pipe); not read{holds}")
    with os.fdopen(fd, "rb") as f:
        try:
            return f.read()
        except OSError as e:
            raise SessionError(f"{path}: {e.strerror or e}{holds}") from None


def line_col(raw: bytes | str, pos: int) -> tuple[int, int]:
    """The line and column (from 1) of the byte or character at ``pos``."""
    nl = b"\n" if isinstance(raw, bytes) else "\n"
    return raw.count(nl, 0, pos) + 1, pos - (raw.rfind(nl, 0, pos) + 1) + 1  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Values


class BadValue(Exception):
    """A value of the wrong type or out of range: ``field`` names it within its row or table."""

    def __init__(self, field: str | None, msg: str):
        super().__init__(msg)
        self.field, self.msg = field, msg


class Locator:
    """Finds where a value is in the text, for error messages (only computed when there is an error)."""

    def __init__(self, text: str, where: str):
        self.text, self.where = text, where

    def line_col(self, pos: int) -> tuple[int, int]:
        return line_col(self.text, max(0, min(pos, len(self.text))))

    def error(self, pos: int, msg: str) -> SessionCorrupt:
        line, col = self.line_col(pos)
        return SessionCorrupt(f"{self.where}: line {line}, column {col}: {msg}")

    def header(self, name: str, exact: str | None = None) -> int:
        """Where the table ``[name...]`` starts (0 when it cannot be found)."""
        if exact is not None:
            i = self.text.find("\n" + exact)
            if i >= 0:
                return i + 1
        m = re.search(rf"(?m)^[ \t]*\[[ \t]*{re.escape(name)}\b", self.text)
        return m.start() if m else 0

    def section_end(self, start: int) -> int:
        m = re.compile(r"(?m)^[ \t]*\[").search(self.text, start + 1)
        return m.start() if m else len(self.text)

    def key(self, name: str, start: int = 0, end: int | None = None) -> int:
        """Where ``name = `` is between start and end (start when it cannot be found)."""
        end = len(self.text) if end is None else end
        m = re.compile(rf"(?m)(?:^|[{{,.\s]){re.escape(name)}[ \t]*=").search(self.text, start, end)
        if not m:
            return start
        return m.start() + (0 if self.text[m.start()].isalnum() or self.text[m.start()] in "_-" else 1)

    def row(self, start: int, index: int) -> int:
        """Where the index-th row ({...} at the start of a line) after ``start`` is."""
        end = self.section_end(start)
        pat = re.compile(r"(?m)^[ \t]*\{")
        pos = start
        for _ in range(index + 1):
            m = pat.search(self.text, pos, end)
            if not m:
                return start
            pos = m.end()
        return pos - 1

    def field(self, row_pos: int, name: str | None) -> int:
        if name is None:
            return row_pos
        line_end = self.text.find("\n", row_pos)
        return self.key(name, row_pos, len(self.text) if line_end < 0 else line_end)


def type_name(v: Any) -> str:
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, str):
        return f"the string {v[:40]!r}"
    if isinstance(v, dict):
        return "a table"
    if isinstance(v, list):
        return "an array"
    if isinstance(v, dt.datetime):
        return f"the date-time {v.isoformat()}"
    if isinstance(v, dt.date):
        return f"the date {v.isoformat()}"
    return f"{type(v).__name__} {v!r}"


def want_str(v: Any, name: str, *, empty: bool = True) -> str:
    if type(v) is not str or (not empty and not v):
        raise BadValue(name, f"'{name}' must be {'a' if empty else 'a non-empty'} string, not {type_name(v)}")
    return v


def want_str_list(v: Any, name: str) -> list[str]:
    if type(v) is not list or any(type(x) is not str for x in v):
        raise BadValue(name, f"'{name}' must be an array of strings, not {type_name(v)}")
    return v


def want_list(v: Any, name: str) -> list[Any]:
    if type(v) is not list:
        raise BadValue(name, f"'{name}' must be an array, not {type_name(v)}")
    return v


def want_evidence(v: Any, name: str) -> list[str]:
    """Evidence items: http(s) URLs or claim ids (anything with a colon must be a well-formed URL)."""
    items = want_str_list(v, name)
    for x in items:
        if not x or (":" in x and not is_http_url(x)) or any(c.isspace() for c in x):
            raise BadValue(name, f"evidence must be an http(s) URL or a claim id, not {x[:60]!r}")
    return items


def want_time(v: Any, name: str) -> dt.datetime:
    if isinstance(v, dt.datetime):
        t = to_utc(v)
        assert t is not None
        return t
    if isinstance(v, str):  # an ISO time written as a string by hand
        try:
            t2 = from_iso(v)
        except ValueError:
            t2 = None
        if t2 is not None:
            return t2
    raise BadValue(name, f"'{name}' must be a date-time such as 2025-03-01T09:30:00Z, not {type_name(v)}")


def want_date(v: Any, name: str) -> dt.date:
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    raise BadValue(name, f"'{name}' must be a date such as 2024-03-19 (without quotes), not {type_name(v)}")


def want_table(v: Any, name: str) -> dict[str, Any]:
    if type(v) is not dict:
        raise BadValue(name, f"'{name}' must be a table, not {type_name(v)}")
    return v


def want_known(d: dict[str, Any], known: frozenset[str], what: str) -> None:
    """BadValue naming the first field of ``d`` that is not ``known`` (``what``: the row, for the message)."""
    extra = d.keys() - known
    if extra:
        k = sorted(extra)[0]
        raise BadValue(k, f"unknown field '{k}' in {what} (known: {', '.join(sorted(known))})")


__all__ = [
    "BadValue",
    "Locator",
    "line_col",
    "read_file",
    "type_name",
    "want_date",
    "want_evidence",
    "want_known",
    "want_list",
    "want_str",
    "want_str_list",
    "want_table",
    "want_time",
]

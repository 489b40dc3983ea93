"""Review sessions on disk: the data a reviewer produces, and how it is saved and loaded.

A session file is TOML, read with tomllib. It holds only decisions — never the extracted text beyond the
start of each claim, kept to re-attach its decision after re-extraction — so it stays small and a person
can read it, diff it and commit it.

Layout (schema 2)::

    schema = 2                      # the envelope: written with tomli-w
    reviewer = "alice"
    corpus = ["../seeds"]           # relative to the session file's folder
    [cursor] / [groups] / [manual.<id>]
    [articles."<key>"]              # one table per article
    fingerprint = "0e4d18a6a51cbb1a"
    published = 2024-03-19          # only when the reviewer set it
    decisions = '''
    {"id":"c7e7fa1f4ff","verdict":"confirmed","note":"...","reviewer":"alice","updated":"...","text":"..."}
    '''
    [history]
    rows = '''
    [1,"2025-03-01T09:30:00Z","alice","mark","decision","c7e7fa1f4ff",{"verdict":"unreviewed"},{"verdict":"confirmed"}]
    '''
    [integrity]                     # always the last table: a cut file has none
    decisions = 1 ... checksum = "crc32:..."

Decisions and history are one compact JSON value per line inside a TOML literal string (a decision is an
object, a history row ``[step, at, by, op, kind, key, before, after]``; files from before hold history
rows as objects, still read): one readable, diffable line per decision or change, where a TOML table per
decision costs ~30 us each to parse (20,000 decisions: ~0.7 s). tomllib still checks every character of a
literal string one by one (~12 ns each, ~170 ms for 15 MB), so ``parse_toml`` hands tomllib the file with
each row block replaced by a marker and checks the blocks against TOML's rules for them itself (same
result as tomllib.loads, proven in ``_parse_blocks_apart``; anything unusual falls back to the plain
parse). History rows are kept encoded and decoded only when asked for.

Saving is atomic (verify by parsing back: tomllib on the structure, TOML's rules on the blocks; temp file,
fsync, ``os.replace``, fsync of the folder), keeps the last ``BACKUPS`` versions, refuses to clobber a
file changed on disk by someone else, and a ``SessionLock`` (``fcntl.flock`` on ``<session>.lock``) keeps
a second running instance from writing.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import glob
import json
import os
import re
import socket
import tomllib
import weakref
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from factcheck import atomic, config
from factcheck.model import Verdict

SCHEMA = 2
TEXT_KEEP = 200  # characters of a claim's text kept to re-attach its decision
BACKUPS = 3  # previous versions kept beside the session: <name>.bak1 (newest) .. <name>.bakN


class SessionError(Exception):
    """A session file that cannot be used (corrupt, truncated, newer schema, locked...): one clear line."""


class SessionCorrupt(SessionError):
    """The file cannot be read; ``backup`` is the newest backup that loads, if any."""

    def __init__(self, msg: str, backup: Path | None = None):
        super().__init__(msg)
        self.backup = backup


class SessionLocked(SessionError):
    """The session is open for writing in another running factcheck."""


class SessionChanged(SessionError):
    """The file changed on disk since it was loaded; ``saved_to`` holds our version instead."""

    def __init__(self, msg: str, saved_to: Path | None = None):
        super().__init__(msg)
        self.saved_to = saved_to


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _iso(t: dt.datetime | None) -> str | None:
    if t is None:
        return None
    return t.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _from_iso(s: Any) -> dt.datetime | None:
    if isinstance(s, dt.datetime):
        return _utc(s)
    if not isinstance(s, str) or not s:
        return None
    t = dt.datetime.fromisoformat(s)
    return t if t.tzinfo is dt.UTC else _utc(t)


def _utc(v: Any) -> dt.datetime | None:
    if not isinstance(v, dt.datetime):
        return None
    if v.tzinfo is None:
        return v.replace(tzinfo=dt.UTC)
    return v.astimezone(dt.UTC)


# ---------------------------------------------------------------------------------------------
# Records (immutable: a mutation replaces the record, so a snapshot is a shallow copy)


@dataclass(slots=True, eq=True)
class Decision:
    """The reviewer's decision about one claim.

    Treated as immutable (change it with ``dataclasses.replace``): snapshots share these records. Not
    declared frozen only because a frozen dataclass is ~2x slower to build, which shows at 20,000 decisions.
    """

    claim_id: str
    article: str = ""  # article key
    text: str = ""  # start of the claim's text, kept to re-attach the decision after re-extraction
    verdict: Verdict = Verdict.UNREVIEWED
    superseded_by: str | None = None
    note: str = ""
    evidence: tuple[str, ...] = ()
    dismissed: bool = False  # not check-worthy
    reviewer: str | None = None
    updated: dt.datetime | None = None  # UTC
    conflicts: tuple[dict[str, Any], ...] = ()  # other reviewers' differing decisions (after a merge)
    speaker: str | None = None  # set by the reviewer; None: the extracted speaker stands
    # The encoded row this record was read from (saves re-encoding unchanged decisions); never copied by replace().
    _row: str | None = field(default=None, init=False, repr=False, compare=False)

    def row(self) -> str:
        if self._row is None:
            self._row = encode_row(self.to_row())
        assert self._row is not None
        return self._row

    @property
    def is_empty(self) -> bool:
        return (
            self.verdict == Verdict.UNREVIEWED
            and not self.note
            and not self.evidence
            and not self.dismissed
            and not self.conflicts
            and self.speaker is None
        )

    def to_row(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.claim_id, "verdict": str(self.verdict)}
        if self.superseded_by:
            d["superseded_by"] = self.superseded_by
        if self.note:
            d["note"] = self.note
        if self.evidence:
            d["evidence"] = list(self.evidence)
        if self.dismissed:
            d["dismissed"] = True
        if self.reviewer:
            d["reviewer"] = self.reviewer
        if self.updated:
            d["updated"] = _iso(self.updated)
        if self.conflicts:
            d["conflicts"] = [dict(c) for c in self.conflicts]
        if self.speaker is not None:
            d["speaker"] = self.speaker
        d["text"] = self.text
        return d

    @classmethod
    def from_row(cls, article: str, d: dict[str, Any], row: str | None = None) -> Decision:
        get = d.get
        up = get("updated")
        if not up:
            when = None
        elif type(up) is str:
            when = _fromiso(up)
            if when.tzinfo is not dt.UTC:
                when = _utc(when)
        else:
            when = _utc(up)
        if "evidence" in d or "conflicts" in d or "dismissed" in d:  # the rarer fields
            ev, cf = get("evidence"), get("conflicts")
            evidence = tuple(str(x) for x in ev) if ev else ()
            conflicts = tuple(dict(c) for c in cf) if cf else ()
            dismissed = bool(get("dismissed", False))
        else:
            evidence, conflicts, dismissed = (), (), False
        cid, note, text = d["id"], get("note", ""), get("text", "")
        speaker = get("speaker")
        dec = cls(
            cid if type(cid) is str else str(cid),
            article,
            text if type(text) is str else str(text),
            _VERDICTS[get("verdict", "unreviewed")],
            get("superseded_by") or None,
            note if type(note) is str else str(note),
            evidence,
            dismissed,
            get("reviewer"),
            when,
            conflicts,
            speaker if speaker is None or type(speaker) is str else str(speaker),
        )
        dec._row = row
        return dec


_VERDICTS = {str(v): v for v in Verdict}
_fromiso = dt.datetime.fromisoformat


# Fields of a Decision a reviewer changes; history entries hold before/after values of these.
DECISION_FIELDS = ("verdict", "superseded_by", "note", "evidence", "dismissed", "conflicts", "speaker")


@dataclass(frozen=True, slots=True)
class ManualClaim:
    id: str
    article: str
    start: int
    end: int
    text: str
    reviewer: str | None = None
    created: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    key: str
    fingerprint: str = ""
    published: dt.date | None = None  # set by the reviewer
    title: str | None = None  # set by the reviewer; None: the article's own stands
    outlet: str | None = None  # set by the reviewer; None: the article's own stands


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change: ``step`` groups the changes of one reviewer action (undo/redo work on steps)."""

    step: int
    at: dt.datetime
    by: str
    op: str  # mark, note, evidence, dismiss, restore, add_claim, published, merge_groups, ..., undo, redo
    kind: str  # decision | manual | article | groups
    key: str  # claim id, manual claim id, article key, "" for groups
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)

    def to_row(self) -> str:
        """``[step, at, by, op, kind, key, before, after]``: positional, as history is the bulk of a long
        session's file (schema 2 files written before this hold the same as an object with these keys)."""
        return encode_row(
            [
                self.step,
                _iso(self.at),
                self.by,
                self.op,
                self.kind,
                self.key,
                _jsonable(self.before),
                _jsonable(self.after),
            ]
        )

    def to_dict(self) -> dict[str, Any]:
        """The entry as a JSON-able object with named fields."""
        d: dict[str, Any] = _jsonable(
            {
                "step": self.step,
                "at": self.at,
                "by": self.by,
                "op": self.op,
                "kind": self.kind,
                "key": self.key,
            }
        )
        d["before"], d["after"] = _jsonable(self.before), _jsonable(self.after)
        return d

    @classmethod
    def from_row(cls, row: str) -> HistoryEntry:
        v = json.loads(row)
        if isinstance(v, list):
            if len(v) != 8:
                raise ValueError(f"a history row holds 8 values, not {len(v)}")
            step, at, by, op, kind, key, before, after = v
        else:
            step, at, by, op, kind, key = (v[k] for k in ("step", "at", "by", "op", "kind", "key"))
            before, after = v.get("before", {}), v.get("after", {})
        return cls(
            int(step),
            _from_iso(at) or utcnow(),
            str(by),
            str(op),
            str(kind),
            str(key),
            dict(before),
            dict(after),
        )


def _jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, dt.datetime):
        return _iso(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


@dataclass(slots=True)
class SessionData:
    schema: int = SCHEMA
    reviewer: str = ""
    created: dt.datetime | None = None
    saved: dt.datetime | None = None
    corpus: list[str] = field(default_factory=list)  # paths relative to the session file's folder
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    manual: dict[str, ManualClaim] = field(default_factory=dict)
    merges: list[tuple[str, str]] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # encoded HistoryEntry rows (append-only)
    cursor: tuple[str | None, str | None] = (None, None)

    def copy(self) -> SessionData:
        """A cheap copy: records are immutable, so only the containers are copied."""
        return replace(
            self,
            corpus=list(self.corpus),
            articles=dict(self.articles),
            decisions=dict(self.decisions),
            manual=dict(self.manual),
            merges=list(self.merges),
            splits=list(self.splits),
            history=list(self.history),
        )

    def add_history(self, entry: HistoryEntry) -> None:
        self.history.append(entry.to_row())

    def last_step(self) -> int:
        if not self.history:
            return 0
        try:
            return HistoryEntry.from_row(self.history[-1]).step
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise SessionCorrupt(f"the last history row is malformed ({type(e).__name__}: {e})") from None

    def history_entries(self) -> list[HistoryEntry]:
        out = []
        for i, r in enumerate(self.history):
            try:
                out.append(HistoryEntry.from_row(r))
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                raise SessionCorrupt(f"history row {i + 1} is malformed ({type(e).__name__}: {e})") from None
        return out


# ---------------------------------------------------------------------------------------------
# Reviewer name


config_path = config.config_path  # the config file is read by factcheck.config


def reviewer_name() -> str:
    """From the config file (key ``reviewer``), else $FACTCHECK_REVIEWER, else the OS user."""
    return config.reviewer_name()


# ---------------------------------------------------------------------------------------------
# Encoding


def encode_row(obj: dict[str, Any] | list[Any]) -> str:
    """One compact JSON value on one line that is safe inside a TOML multi-line literal string.

    Compact (no blanks after ``,`` and ``:``): tomllib's cost is per character of the file, all of it.
    """
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    if "'''" in s:  # would close the literal string; apostrophes occur only inside JSON strings
        s = s.replace("'", "\\u0027")
    if "\x7f" in s:  # DEL is not allowed in TOML literal strings; JSON leaves it raw
        s = s.replace("\x7f", "\\u007f")
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them as JSON escapes
        s = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return s


def _crc(b: bytes) -> str:
    """Checksum against damage (not an authenticity check): CRC-32, fast enough for 20 MB files."""
    return f"{zlib.crc32(b):08x}"


def _block(rows: list[str]) -> str:
    return "'''\n" + "\n".join(rows) + "\n'''\n"


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(k: str) -> str:
    if _BARE_KEY.fullmatch(k):
        return k
    return tomli_w.dumps({k: 0}).rsplit(" = ", 1)[0]


def dumps(data: SessionData) -> str:
    """The session as TOML text (see the module docstring for the layout)."""
    return _render(data).raw.decode("utf-8")


@dataclass(slots=True)
class _Rendered:
    """A dumped session: the bytes to write, and what ``_verify_rendered`` needs to check them."""

    raw: bytes  # the whole file
    skeleton: str  # the same text with every row block emptied: the TOML structure around the rows
    blocks: list[tuple[str, str]]  # (what, rows joined by newlines), what = "decisions" | "history"


def _render(data: SessionData) -> _Rendered:
    """Lay the session out as TOML: tomli-w writes the envelope, the rows go into literal blocks as they are.

    Built as one list of pieces joined once and encoded once (a 15 MB session used to be copied six times).
    """
    head: dict[str, Any] = {"schema": SCHEMA, "reviewer": data.reviewer}
    if data.created:
        head["created"] = data.created
    if data.saved:
        head["saved"] = data.saved
    head["corpus"] = list(data.corpus)
    cur = {k: v for k, v in zip(("article", "claim"), data.cursor, strict=True) if v is not None}
    if cur:
        head["cursor"] = cur
    head["groups"] = {"merges": [list(p) for p in data.merges], "splits": list(data.splits)}
    if data.manual:
        head["manual"] = {
            m.id: {
                k: v
                for k, v in (
                    ("article", m.article),
                    ("start", m.start),
                    ("end", m.end),
                    ("text", m.text),
                    ("reviewer", m.reviewer),
                    ("created", m.created),
                )
                if v is not None
            }
            for m in data.manual.values()
        }
    parts = [
        '# factcheck review session. Hand edits: keep [integrity] last and set its checksum to "skip".\n',
        tomli_w.dumps(head, multiline_strings=False),
    ]
    blocks: list[tuple[str, str]] = []
    body_at: list[int] = []  # where the block bodies are in parts

    def block(what: str, rows: list[str]) -> None:
        body = "\n".join(rows)
        parts.append("'''\n")
        body_at.append(len(parts))
        parts.append(body)
        parts.append("\n'''\n")
        blocks.append((what, body))

    by_article: dict[str, list[str]] = {}
    for d in data.decisions.values():
        rows = by_article.get(d.article)
        if rows is None:
            rows = by_article[d.article] = []
        rows.append(d._row if d._row is not None else d.row())
    keys = list(data.articles) + [k for k in by_article if k not in data.articles]
    for k in keys:
        parts.append(f"\n[articles.{_key(k)}]\n")
        rec = data.articles.get(k)
        if rec is not None:
            meta: dict[str, Any] = {"fingerprint": rec.fingerprint}
            if rec.published is not None:
                meta["published"] = rec.published
            if rec.title is not None:
                meta["title"] = rec.title
            if rec.outlet is not None:
                meta["outlet"] = rec.outlet
            parts.append(tomli_w.dumps(meta))
        rows = by_article.get(k)
        if rows:
            parts.append("decisions = ")
            block("decisions", rows)
    if data.history:
        parts.append("\n[history]\nrows = ")
        block("history", data.history)
    raw_body = "".join(parts).encode("utf-8")
    tail = (
        f"\n[integrity]\narticles = {len(keys)}\ndecisions = {len(data.decisions)}\n"
        f'manual = {len(data.manual)}\nhistory = {len(data.history)}\nchecksum = "crc32:{_crc(raw_body)}"\n'
    )
    for i in body_at:
        parts[i] = ""
    parts.append(tail)
    return _Rendered(raw_body + tail.encode("utf-8"), "".join(parts), blocks)


# ---------------------------------------------------------------------------------------------
# Decoding


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def _toml_error(e: tomllib.TOMLDecodeError, text: str, where: str) -> str:
    msg = str(e)
    m = _TOML_POS.search(msg)
    if m and m.group(1):
        line, col = m.group(1), m.group(2)
        return f"{where}: line {line}, column {col}: {msg[: m.start()].strip()}"
    line = text.count("\n") + 1
    col = len(text) - text.rfind("\n")
    return f"{where}: line {line}, column {col}: {msg[: m.start()].strip() if m else msg}"


def _row_error(text: str, row: str, e: Exception, where: str, what: str) -> str:
    pos = text.find(row)
    line = text.count("\n", 0, pos) + 1 if pos >= 0 else 0
    col = getattr(e, "colno", 1)
    reason = getattr(e, "msg", None) or f"{type(e).__name__}: {e}"
    return f"{where}: line {line}, column {col}: bad {what} row ({reason})"


def parse_toml(text: str, raw: bytes | None = None) -> dict[str, Any]:
    """``tomllib.loads(text)``, with the same result and errors, without tomllib's per-character scan of
    the row blocks (15 MB of them take ~170 ms) — see ``_parse_blocks_apart``."""
    doc = _parse_blocks_apart(text, raw)
    return doc if doc is not None else tomllib.loads(text)


_OPEN, _CLOSE = "= '''\n", "\n'''\n"


def _parse_blocks_apart(text: str, raw: bytes | None) -> dict[str, Any] | None:
    """Parse a session whose row blocks are laid out as factcheck writes them; None when it cannot tell.

    Each candidate block (``= '''`` and a newline, up to the next newline ``'''`` newline) is replaced by
    a marker that occurs nowhere in the file, and tomllib parses that skeleton. A marker that comes back as
    the entire value of a row block (``articles.<key>.decisions`` or ``history.rows``) was a multi-line
    literal string opened by the ``'''`` just before it (its value would otherwise hold those quotes).
    TOML's only rules for the inside of such a string: it ends at the first ``'''`` (one or two more
    quotes would join it), and it holds no control character but tab and newline. The file holds no such
    character at all (checked on its bytes), no block holds ``'''`` and each is followed by a newline
    before its closing quotes: so tomllib reads each block of the whole file as exactly its text, the
    parse goes on from the same place as in the skeleton, and the skeleton's document with the blocks put
    back is what tomllib.loads(text) returns. Anything else (a hand edit that moved things about, a
    marker in the wrong place, any error) goes back to a plain tomllib.loads of the whole text.
    """
    if "\r" in text:  # tomllib turns CRLF into LF first; not written by factcheck
        return None
    if raw is None:
        raw = text.encode("utf-8", "surrogatepass")
    if len(raw.translate(None, _ILLEGAL_BYTES)) != len(raw):
        return None
    nonce = f"factcheck-block-{os.urandom(8).hex()}-"
    if nonce in text:
        return None
    parts: list[str] = []
    bodies: list[str] = []
    pos = 0
    find = text.find
    while (i := find(_OPEN, pos)) >= 0:
        start = i + len(_OPEN)
        end = find(_CLOSE, start)
        if end <= start:
            return None
        body = text[start : end + 1]  # with its last newline, as tomllib returns it
        if "'''" in body:
            return None
        parts.append(text[pos:start])
        parts.append(f"{nonce}{len(bodies)}\n")
        bodies.append(body)
        pos = end + 1
    if not bodies:
        return None
    parts.append(text[pos:])
    try:
        doc = tomllib.loads("".join(parts))
    except tomllib.TOMLDecodeError:
        return None
    holders: list[tuple[dict[str, Any], str]] = []
    articles = doc.get("articles")
    if isinstance(articles, dict):
        holders.extend(
            (v, "decisions") for v in articles.values() if isinstance(v, dict) and "decisions" in v
        )
    history = doc.get("history")
    if isinstance(history, dict) and "rows" in history:
        holders.append((history, "rows"))
    if len(holders) != len(bodies):
        return None
    seen = set()
    for table, name in holders:
        marker = table[name]
        if not (isinstance(marker, str) and marker.startswith(nonce) and marker.endswith("\n")):
            return None
        n = marker[len(nonce) : -1]
        if not n.isdigit() or f"{nonce}{int(n)}\n" != marker or int(n) >= len(bodies):
            return None
        seen.add(int(n))
        table[name] = bodies[int(n)]
    return doc if len(seen) == len(bodies) else None


def loads(text: str, where: str = "session", raw: bytes | None = None) -> SessionData:
    """Parse and check a session. Raises SessionError (SessionCorrupt with file, line and column)."""
    try:
        doc = parse_toml(text, raw)
    except tomllib.TOMLDecodeError as e:
        raise SessionCorrupt(_toml_error(e, text, where)) from None
    if not doc:
        raise SessionCorrupt(f"{where}: line 1, column 1: the file is empty")
    schema = doc.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise SessionCorrupt(f"{where}: line 1, column 1: not a factcheck session (no 'schema' number)")
    if schema > SCHEMA:
        raise SessionError(
            f"{where}: written by a newer factcheck (session schema {schema}; this version reads up to {SCHEMA});"
            " upgrade factcheck to open it"
        )
    if schema < 1:
        raise SessionCorrupt(f"{where}: line 1, column 1: unknown session schema {schema}")
    if schema == 1:
        return _from_doc_v1(doc, where)
    return _from_doc_v2(doc, text, where, raw)


# Characters TOML allows nowhere in a file, as UTF-8 bytes (these bytes never occur inside a multi-byte character).
# Tab and newline are allowed; a carriage return only before a newline, and neither tomli-w nor a row writes one.
_ILLEGAL_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def _verify_rendered(r: _Rendered, data: SessionData, where: str = "session") -> None:
    """Parse a freshly rendered session back before it is written, and check it holds what ``data`` holds.

    tomllib parses the whole TOML structure: the file with its row blocks emptied (``r.skeleton``). The
    blocks are checked against the only rules TOML has for the inside of a multi-line literal string: it
    ends at the first ``'''`` (and a quote just before the closing one would join the string), and it holds
    no control character but tab and newline. A block that passes is read back by tomllib as exactly the
    text written — tomllib takes it with one ``str.index`` plus that character check — so parsing the whole
    file gives the skeleton's document with these blocks in it; the 15 MB are not scanned a second time.
    Rows were produced by json.dumps (or read from a file that parsed), so one row per line and every count
    is enough for them; the checksum is recomputed from the bytes as the loader will.
    """
    fail = f"{where}: not saved: the written text does not read back as the same session"
    try:
        doc = tomllib.loads(r.skeleton)
    except tomllib.TOMLDecodeError as e:  # a bug in the writer: refuse to write the file
        raise SessionError(f"{where}: not saved: the written text does not parse back ({e})") from None
    raw = r.raw
    if len(raw.translate(None, _ILLEGAL_BYTES)) != len(raw):
        raise SessionError(f"{where}: not saved: the written text holds a control character TOML forbids")
    counts = {"decisions": 0, "history": 0}
    for what, body in r.blocks:
        if not body or "'''" in body or body[-1] in "'\n" or body[0] == "\n" or "\n\n" in body:
            raise SessionError(fail)
        counts[what] += body.count("\n") + 1
    articles = doc.get("articles", {})
    manual = doc.get("manual", {})
    n_blocks = sum(1 for v in articles.values() if "decisions" in v) + ("rows" in doc.get("history", {}))
    if (
        doc.get("schema") != SCHEMA
        or n_blocks != len(r.blocks)
        or (counts["decisions"], len(manual), counts["history"])
        != (len(data.decisions), len(data.manual), len(data.history))
    ):
        raise SessionError(fail)
    _check_integrity(
        doc, r.skeleton, where, {"articles": len(articles), **counts, "manual": len(manual)}, None, False
    )
    rpos = raw.rfind(b"\n[integrity]\n")
    if doc["integrity"].get("checksum") != f"crc32:{_crc(raw[:rpos])}":
        raise SessionError(fail)


def verify(text: str, data: SessionData, where: str = "session") -> None:
    """Parse dumped text back with a full tomllib parse and check that it holds what ``data`` holds (the
    slow, plain form of the check ``save`` makes; kept for tests and tools)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:  # a bug in the writer: refuse to write the file
        raise SessionError(f"{where}: not saved: the written text does not parse back ({e})") from None
    articles = doc.get("articles", {})
    # Our blocks hold exactly one newline-terminated row per line.
    n = sum(v.get("decisions", "").count("\n") for v in articles.values())
    manual = doc.get("manual", {})
    n_hist = doc.get("history", {}).get("rows", "").count("\n")
    if (n, len(manual), n_hist) != (len(data.decisions), len(data.manual), len(data.history)) or doc.get(
        "schema"
    ) != SCHEMA:
        raise SessionError(f"{where}: not saved: the written text does not read back as the same session")
    _check_integrity(
        doc,
        text,
        where,
        {"articles": len(articles), "decisions": n, "manual": len(manual), "history": n_hist},
        verify_sum=False,
    )


def _check_integrity(
    doc: dict[str, Any],
    text: str,
    where: str,
    counts: dict[str, int],
    raw: bytes | None = None,
    verify_sum: bool = True,
) -> None:
    integ = doc.get("integrity")

    def end_line() -> int:  # counted only for an error message: 15 MB are worth not counting
        return text.count("\n") + 1

    if not isinstance(integ, dict):
        raise SessionCorrupt(
            f"{where}: line {end_line()}, column 1: the file ends before its [integrity] table: it is truncated"
        )
    for name, have in counts.items():
        want = integ.get(name)
        if want != have:
            raise SessionCorrupt(
                f"{where}: line {end_line()}, column 1: holds {have} {name} but [integrity] says {want}:"
                " the file is truncated or damaged"
            )
    checksum = integ.get("checksum")
    if not verify_sum:
        return
    if checksum == "skip":  # edited by hand: check every history row now (they are otherwise decoded lazily)
        hist = doc.get("history", {}).get("rows", "")
        for row in _rows(hist):
            try:
                HistoryEntry.from_row(row)
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                raise SessionCorrupt(_row_error(text, row, e, where, "history")) from None
        return
    pos = text.rfind("\n[integrity]\n")
    if not isinstance(checksum, str) or pos < 0:
        raise SessionCorrupt(f"{where}: line {end_line()}, column 1: [integrity] has no checksum")
    if raw is not None:
        rpos = raw.rfind(b"\n[integrity]\n")
        digest = _crc(raw[:rpos])
    else:
        digest = _crc(text[:pos].encode("utf-8"))
    if checksum != f"crc32:{digest}":
        line = text.count("\n", 0, pos) + 2
        raise SessionCorrupt(
            f"{where}: line {line}, column 1: checksum mismatch: the file was damaged or edited by hand"
            ' (if you edited it, set checksum = "skip" in [integrity])'
        )


def _rows(block: Any) -> list[str]:
    if not isinstance(block, str):
        raise TypeError("rows must be a string")
    rows = block.split("\n")
    if rows[-1] == "":  # as written: every row ends with a newline
        rows.pop()
    if "" in rows:  # blank lines left by a hand edit
        rows = [r for r in rows if r]
    return rows


def _from_doc_v2(doc: dict[str, Any], text: str, where: str, raw: bytes | None = None) -> SessionData:
    data = SessionData(reviewer=str(doc.get("reviewer", "")))
    try:
        data.created = _utc(doc.get("created"))
        data.saved = _utc(doc.get("saved"))
        data.corpus = [str(p) for p in doc.get("corpus", [])]
        cur = doc.get("cursor", {})
        data.cursor = (cur.get("article"), cur.get("claim"))
        groups = doc.get("groups", {})
        data.merges = [(str(a), str(b)) for a, b in groups.get("merges", [])]
        data.splits = [str(s) for s in groups.get("splits", [])]
        for mid, v in doc.get("manual", {}).items():
            data.manual[mid] = _manual_claim(mid, v)
        articles = doc.get("articles", {})
        for key, v in articles.items():
            if "fingerprint" in v:
                data.articles[key] = ArticleRecord(
                    key, str(v["fingerprint"]), v.get("published"), v.get("title"), v.get("outlet")
                )
        history = doc.get("history", {}).get("rows", "")
        data.history = _rows(history)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SessionCorrupt(
            f"{where}: line 1, column 1: malformed session data ({type(e).__name__}: {e})"
        ) from None
    n_decisions = 0
    for key, v in articles.items():
        rows = _rows(v.get("decisions", ""))
        try:
            objs = json.loads("[" + ",".join(rows) + "]")
            if len(objs) != len(rows):
                raise ValueError("row count")
            decs = [Decision.from_row(key, o, r) for o, r in zip(objs, rows, strict=True)]
        except (ValueError, KeyError, TypeError, AttributeError):
            decs = []
            for row in rows:  # find the bad row, to name its line
                try:
                    decs.append(Decision.from_row(key, json.loads(row), row))
                except (ValueError, KeyError, TypeError, AttributeError) as e:
                    raise SessionCorrupt(_row_error(text, row, e, where, "decision")) from None
        for d in decs:
            data.decisions[d.claim_id] = d
        n_decisions += len(decs)
    _check_integrity(
        doc,
        text,
        where,
        {
            "articles": len(articles),
            "decisions": n_decisions,
            "manual": len(data.manual),
            "history": len(data.history),
        },
        raw,
    )
    return data


def _manual_claim(mid: str, v: dict[str, Any]) -> ManualClaim:
    return ManualClaim(
        mid,
        str(v["article"]),
        int(v["start"]),
        int(v["end"]),
        str(v["text"]),
        v.get("reviewer"),
        _utc(v.get("created")),
    )


def _from_doc_v1(doc: dict[str, Any], where: str) -> SessionData:
    """Schema 1 (the first release: a TOML table per decision and per history entry) -> current data."""
    try:
        data = SessionData(
            reviewer=str(doc.get("reviewer", "")),
            created=_utc(doc.get("created")),
            saved=_utc(doc.get("saved")),
            corpus=[str(p) for p in doc.get("corpus", [])],
            articles={
                k: ArticleRecord(k, str(v.get("fingerprint", "")), v.get("published"))
                for k, v in doc.get("articles", {}).items()
            },
            manual={mid: _manual_claim(mid, v) for mid, v in doc.get("manual", {}).items()},
            merges=[(str(a), str(b)) for a, b in doc.get("groups", {}).get("merges", [])],
            splits=[str(s) for s in doc.get("groups", {}).get("splits", [])],
        )
        for cid, v in doc.get("decisions", {}).items():
            row = dict(v, id=cid)
            if isinstance(row.get("updated"), dt.datetime):
                row["updated"] = _iso(_utc(row["updated"]))
            data.decisions[cid] = Decision.from_row(str(v.get("article", "")), row)
        for h in doc.get("history", []):
            data.add_history(
                HistoryEntry(
                    int(h["step"]),
                    _utc(h["at"]) or utcnow(),
                    str(h["by"]),
                    str(h["op"]),
                    str(h["kind"]),
                    str(h["key"]),
                    dict(h.get("before", {})),
                    dict(h.get("after", {})),
                )
            )
        cur = doc.get("cursor", {})
        data.cursor = (cur.get("article"), cur.get("claim"))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SessionCorrupt(
            f"{where}: line 1, column 1: malformed session data ({type(e).__name__}: {e})"
        ) from None
    count = doc.get("count")
    have = {
        "decisions": len(data.decisions),
        "manual": len(data.manual),
        "history": len(data.history),
        "articles": len(data.articles),
    }
    if not isinstance(count, dict) or any(count.get(k) != v for k, v in have.items()):
        raise SessionCorrupt(
            f"{where}: line 1, column 1: the counts in [count] do not match: the file is truncated or damaged"
        )
    return data


# ---------------------------------------------------------------------------------------------
# Files: backups, atomic save, load, change detection


def backup_paths(path: Path) -> list[Path]:
    """Backups of ``path``, newest first (whether or not they exist)."""
    return [path.with_name(f"{path.name}.bak{i}") for i in range(1, BACKUPS + 1)]


def newest_good_backup(path: Path) -> Path | None:
    for b in backup_paths(path):
        if b.is_file():
            try:
                text, raw, _ = _read(b)
                loads(text, str(b), raw)
            except SessionError:
                continue
            return b
    return None


def _read(path: Path) -> tuple[str, bytes, FileState]:
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise SessionCorrupt(f"{path}: line {line}, column {col}: not UTF-8 text") from None
    return text, data, FileState(st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class FileState:
    """What a session file looked like when we last read or wrote it."""

    ino: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileState | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


def load(path: Path) -> SessionData:
    """Read a session. A corrupt file raises SessionCorrupt naming line, column and the newest good backup;
    the file itself is never touched."""
    return load_with_state(path)[0]


def load_with_state(path: Path) -> tuple[SessionData, FileState | None]:
    try:
        text, raw, state = _read(path)
    except SessionCorrupt as e:
        raise _with_backup(e, path) from None
    except OSError as e:
        raise SessionError(f"{path}: {e.strerror or e}") from None
    try:
        return loads(text, str(path), raw), state
    except SessionCorrupt as e:
        raise _with_backup(e, path) from None


def _with_backup(e: SessionCorrupt, path: Path) -> SessionCorrupt:
    b = newest_good_backup(path)
    hint = f" (newest good backup: {b})" if b else " (no good backup found)"
    return SessionCorrupt(str(e) + hint, b)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` atomically, rotating the session's backups just before the replace."""
    atomic.write_atomic(path, text, before_replace=_rotate_backups)


def remove_stale_temp(path: Path) -> None:
    """Remove temp files left by saves that were killed midway (call while holding the session's lock)."""
    for p in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            p.unlink()


def _rotate_backups(path: Path) -> None:
    if not path.is_file():
        return
    baks = backup_paths(path)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(baks[-1])
    for older, newer in zip(reversed(baks[1:]), reversed(baks[:-1]), strict=True):
        with contextlib.suppress(FileNotFoundError):
            os.replace(newer, older)
    try:
        os.link(path, baks[0])  # a hard link: the current version stays in place until os.replace
    except OSError:
        with contextlib.suppress(OSError):
            baks[0].write_bytes(path.read_bytes())


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
    conflict files). Pass False to skip the check.
    """
    rendered = _render(data)
    _verify_rendered(rendered, data, str(path))  # never write what we cannot read back
    raw = rendered.raw
    if expected is not False:
        now = FileState.of(path)
        if now != expected:
            stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
            other = conflict_path or path.with_name(f"{path.stem}.conflict-{stamp}{path.suffix}")
            write_atomic(other, raw)
            raise SessionChanged(
                f"{path} was changed on disk by another program since factcheck read it; not overwritten."
                f" Your version is in {other} (combine them with `factcheck merge`)",
                other,
            )
    write_atomic(path, raw)
    return FileState.of(path)


# ---------------------------------------------------------------------------------------------
# Lock


class SessionLock:
    """An exclusive ``fcntl.flock`` on ``<session>.lock`` holding pid and host, released on close or exit.

    The kernel drops a flock when its process dies, so a lock file left behind by a crash never blocks.
    """

    def __init__(self, path: Path, fd: int):
        self.path = path
        self.lock_path = lock_path(path)
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path) -> SessionLock:
        import fcntl

        lp = lock_path(path)
        lp.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(10):
            fd = os.open(lp, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _read_holder(fd)
                os.close(fd)
                raise SessionLocked(
                    f"{path} is open in another factcheck ({holder}); opened read-only — close the other one to make changes"
                ) from None
            # The file may have been unlinked by a closing holder between our open and our flock.
            try:
                same = os.fstat(fd).st_ino == os.stat(lp).st_ino
            except FileNotFoundError:
                same = False
            if not same:
                os.close(fd)
                continue
            info = f"pid {os.getpid()} on {socket.gethostname()}, since {_iso(utcnow())}\n"
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


# ---------------------------------------------------------------------------------------------
# Merging two reviewers' sessions


@dataclass(slots=True)
class MergeReport:
    reviewers: tuple[str, str]
    counts: tuple[dict[str, int], dict[str, int], dict[str, int]]  # per verdict: A, B, merged
    both_reviewed: int = 0
    agreements: int = 0
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # claim id, A's verdict, B's verdict
    kappa: float | None = None
    only_a: int = 0
    only_b: int = 0
    notes: list[str] = field(default_factory=list)  # other things the reviewer should know

    def lines(self) -> list[str]:
        a, b = self.reviewers
        out = [f"{'verdict':<12} {a[:14]:>14} {b[:14]:>14} {'merged':>8}"]
        for v in Verdict:
            out.append(f"{v!s:<12} {self.counts[0][v]:>14} {self.counts[1][v]:>14} {self.counts[2][v]:>8}")
        out.append(
            f"reviewed by both: {self.both_reviewed}; agree: {self.agreements}; conflicts: {len(self.conflicts)}"
        )
        out.append(f"reviewed only by {a}: {self.only_a}; only by {b}: {self.only_b}")
        if self.kappa is None:
            why = "no claim reviewed by both" if not self.both_reviewed else "every verdict in one category"
            out.append(f"Cohen's kappa: undefined ({why})")
        else:
            out.append(f"Cohen's kappa: {self.kappa:.3f} over {self.both_reviewed} claims")
        for cid, va, vb in self.conflicts:
            out.append(f"conflict {cid}: {a} {va}, {b} {vb}")
        out.extend(self.notes)
        return out


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels; None when undefined (no pairs, or chance agreement is 1)."""
    n = len(pairs)
    if n == 0:
        return None
    po = sum(1 for x, y in pairs if x == y) / n
    labels = {x for x, _ in pairs} | {y for _, y in pairs}
    pe = sum(
        (sum(1 for x, _ in pairs if x == k) / n) * (sum(1 for _, y in pairs if y == k) / n) for k in labels
    )
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def _merge_notes(a: Decision, b: Decision) -> str:
    if not b.note or b.note == a.note:
        return a.note
    if not a.note:
        return b.note
    return f"{a.note}\n\n[{b.reviewer or 'B'}] {b.note}"


def _side(d: Decision) -> dict[str, Any]:
    out: dict[str, Any] = {"reviewer": d.reviewer or "", "verdict": str(d.verdict)}
    if d.superseded_by:
        out["superseded_by"] = d.superseded_by
    if d.note:
        out["note"] = d.note
    if d.updated:
        out["updated"] = _iso(d.updated)
    return out


def merge(a: SessionData, b: SessionData, corpus: list[str] | None = None) -> tuple[SessionData, MergeReport]:
    """Combine two reviewers' sessions of the same corpus. Agreements are kept; conflicting verdicts leave
    the claim unreviewed with both sides in ``conflicts`` for resolution; nothing is dropped."""
    shared = set(a.articles) & set(b.articles)
    if a.articles and b.articles and not shared:
        raise SessionError("the two sessions share no article: they are not sessions of the same corpus")
    ra, rb = a.reviewer or "A", b.reviewer or "B"
    if ra == rb:
        ra, rb = f"{ra} (A)", f"{rb} (B)"
    out = SessionData(
        reviewer=a.reviewer,
        created=min((t for t in (a.created, b.created) if t), default=utcnow()),
        corpus=list(corpus if corpus is not None else a.corpus),
        cursor=a.cursor,
    )
    counts: tuple[dict[str, int], dict[str, int], dict[str, int]] = (
        dict.fromkeys(Verdict, 0),
        dict.fromkeys(Verdict, 0),
        dict.fromkeys(Verdict, 0),
    )
    rep = MergeReport((ra, rb), counts)
    for key in list(a.articles) + [k for k in b.articles if k not in a.articles]:
        x, y = a.articles.get(key), b.articles.get(key)
        rec = x or y
        assert rec is not None
        if x and y:
            if x.fingerprint != y.fingerprint:
                rep.notes.append(f"article {key} differs between the two sessions (text changed in between)")
            if x.published != y.published:
                if x.published and y.published:
                    rep.notes.append(
                        f"publication date of {key}: {ra} {x.published}, {rb} {y.published}; kept {x.published}"
                    )
                rec = replace(x, published=x.published or y.published)
        out.articles[key] = rec
    pairs: list[tuple[str, str]] = []
    for cid in list(a.decisions) + [c for c in b.decisions if c not in a.decisions]:
        da, db = a.decisions.get(cid), b.decisions.get(cid)
        for i, d in ((0, da), (1, db)):
            if d is not None:
                counts[i][d.verdict] += 1
        if da is None or db is None:
            d = da or db
            assert d is not None
            if d.verdict != Verdict.UNREVIEWED:
                if da is None:
                    rep.only_b += 1
                else:
                    rep.only_a += 1
            out.decisions[cid] = d
            continue
        reviewed_a, reviewed_b = da.verdict != Verdict.UNREVIEWED, db.verdict != Verdict.UNREVIEWED
        merged = replace(
            da,
            note=_merge_notes(da, db),
            evidence=tuple(dict.fromkeys(da.evidence + db.evidence)),
            dismissed=da.dismissed or db.dismissed,
            conflicts=da.conflicts + tuple(c for c in db.conflicts if c not in da.conflicts),
        )
        if reviewed_a and reviewed_b:
            rep.both_reviewed += 1
            pairs.append((str(da.verdict), str(db.verdict)))
            if (da.verdict, da.superseded_by) == (db.verdict, db.superseded_by):
                rep.agreements += 1
            else:
                rep.conflicts.append((cid, _label(da), _label(db)))
                merged = replace(
                    merged,
                    verdict=Verdict.UNREVIEWED,
                    superseded_by=None,
                    conflicts=(*merged.conflicts, _side(da), _side(db)),
                    updated=max(t for t in (da.updated, db.updated, utcnow()) if t),
                )
        elif reviewed_b:
            rep.only_b += 1
            merged = replace(
                merged,
                verdict=db.verdict,
                superseded_by=db.superseded_by,
                reviewer=db.reviewer,
                updated=db.updated,
            )
        elif reviewed_a:
            rep.only_a += 1
        out.decisions[cid] = merged
    for d in out.decisions.values():
        counts[2][d.verdict] += 1
    rep.kappa = cohen_kappa(pairs)
    out.manual = {**b.manual, **a.manual}
    out.merges = list(dict.fromkeys(a.merges + b.merges))
    out.splits = list(dict.fromkeys(a.splits + b.splits))
    # History: both trails in time order, steps renumbered so each reviewer action stays one step.
    entries = [(h, 0) for h in a.history_entries()] + [(h, 1) for h in b.history_entries()]
    entries.sort(key=lambda e: (e[0].at, e[1], e[0].step))
    renum: dict[tuple[int, int], int] = {}
    for h, side in entries:
        step = renum.setdefault((side, h.step), len(renum) + 1)
        out.add_history(replace(h, step=step))
    step = len(renum) + 1
    now = utcnow()
    for cid, _, _ in rep.conflicts:
        d = out.decisions[cid]
        out.add_history(
            HistoryEntry(
                step,
                now,
                f"merge of {ra} and {rb}",
                "merge",
                "decision",
                cid,
                {},
                {"conflicts": list(d.conflicts)},
            )
        )
    return out, rep


def _label(d: Decision) -> str:
    return f"{d.verdict} by {d.superseded_by}" if d.superseded_by else str(d.verdict)

"""The session file: plain TOML, one readable line per decision.

Layout (schema 4)::

    # factcheck review session: plain TOML, one line per decision (a note keeps its lines); the changes in NAME.history.toml beside it.
    schema = 4
    reviewer = "alice"
    created = 2025-03-01T09:00:00Z
    corpus = ["../seeds"]            # relative to the session file's folder
    [cursor] / [groups] / [manual.<id>]

    [articles."dir/a.txt"]           # one table per article
    fingerprint = '0e4d18a6a51cbb1a' # a digest of the article's text as read
    file_digest = '5d0c27e1a9b3f7c4' # ... and of the file it was read from (since round 33)
    published = 2024-03-19           # only what the reviewer set: published, title, outlet
    decisions = [
      {id = 'c7e7fa1f4ff', verdict = 'confirmed', note = 'checked with the ministry', reviewer = 'alice', updated = 2025-03-01T09:30:00Z, text = '...'},
    ]

    [history]                        # what the history file beside it holds (see ``session.history``)
    rows = 1
    last_step = 1
    size = 402                       # its length up to the end of the last row
    crc = '...'                      # the CRC-32 of that text

    [integrity]                      # always last
    articles = 1
    decisions = 1
    manual = 0
    history = 1
    part.head = 'crc32 of the part as written'
    part."articles.dir/a.txt" = '...'
    part.history = '...'
    checksum = 'crc32:...'           # the file's last line: a file cut short has none

Every value is a named TOML value: any TOML tool reads the file. The file is parsed with the standard
library's tomllib (the project's design: no TOML parser of our own, no other), and every value is checked: a
wrong type names the file, line and column. The checksum tells whether the file is as factcheck wrote it;
a hand edit that keeps the file valid is loaded and described (which parts changed, which counts differ),
never refused. A file without its last line was cut short and is refused.

The history rows (one line per change) are in a file of their own (``session.history``), read when undo,
merge or the history needs them: a session opens without parsing them, and a save appends to it.

Schema 1 (a TOML table per decision), schema 2 (decisions and history as JSON lines inside TOML strings)
and schema 3 (this layout with the history rows inside the session file) are read and migrated: the next
save writes schema 4 and keeps the old file as a backup.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tomllib
import zlib
from dataclasses import dataclass, replace
from typing import Any

import tomli_w

from factcheck.model import Verdict
from factcheck.session.reading import (
    BadValue,
    Locator,
    type_name,
    want_date,
    want_evidence,
    want_known,
    want_str,
    want_str_list,
    want_table,
    want_time,
)
from factcheck.session.records import (
    SCHEMA,
    ArticleRecord,
    Decision,
    HistoryEntry,
    HistoryRef,
    ManualClaim,
    SessionCorrupt,
    SessionData,
    SessionError,
    to_utc,
)

HEADER = (
    "# factcheck review session: plain TOML, one line per decision (a note keeps its lines); the changes are"
    " in NAME.history.toml beside it (see sessions/README.md).\n"
)

# ---------------------------------------------------------------------------------------------
# Parsing


class TomlError(Exception):
    """A file that is not valid TOML: ``line``/``column`` where the parser stopped."""

    def __init__(self, msg: str, line: int, column: int):
        super().__init__(msg)
        self.msg, self.line, self.column = msg, line, column


_TOMLLIB_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def parse_toml(text: str) -> dict[str, Any]:
    """The TOML document in ``text``; TomlError with line and column when it is not valid TOML."""
    end_line, end_col = text.count("\n") + 1, len(text) - text.rfind("\n")
    try:
        doc: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = _TOMLLIB_POS.search(msg)
        if m and m.group(1):
            raise TomlError(msg[: m.start()], int(m.group(1)), int(m.group(2))) from None
        raise TomlError(msg[: m.start()] if m else msg, end_line, end_col) from None
    except RecursionError:
        raise TomlError("values nested too deeply", 1, 1) from None
    return doc


# ---------------------------------------------------------------------------------------------
# Writing: TOML values, one line each


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_LITERAL_OK = re.compile(r"[^\x00-\x08\x0a-\x1f\x7f]*\Z")  # no control character but tab, no DEL


def toml_str(s: str, *, key: bool = False) -> str:
    """A one-line TOML string: a literal string when the text allows it (read back without escapes),
    else a basic string with JSON's escapes, which are TOML's (DEL escaped too).

    Text with apostrophes is written between triple apostrophes (a multi-line literal string, on one line)
    when it has no two in a row and none at either end; not for keys, which TOML wants as one-line
    strings. Literal strings are also the fast ones for tomllib (it reads a basic string one character
    at a time)."""
    if s.isascii():
        ok = s.isprintable()  # printable ASCII: no control character, no DEL
    else:
        try:
            s.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (an undecodable file name): no UTF-8 file holds them
            s = _SURROGATE.sub("\ufffd", s)
        ok = bool(_LITERAL_OK.match(s))
    if ok:
        if "'" not in s:
            return "'" + s + "'"
        if not key and "''" not in s and s[0] != "'" and s[-1] != "'":
            return "'''" + s + "'''"
    out = json.dumps(s, ensure_ascii=False)
    return out.replace("\x7f", "\\u007f") if "\x7f" in out else out


_SURROGATE = re.compile("[\ud800-\udfff]")
_MULTILINE_LITERAL_OK = re.compile(r"[^\x00-\x08\x0b-\x1f\x7f]*\Z")  # no control character but tab and LF


def toml_text(s: str) -> str:
    """A note as TOML: text of several lines between triple apostrophes with its line breaks as they are
    (a multi-line literal string, valid inside an inline table: easier to read than ``\\n`` escapes, and
    read by tomllib without going through it one character at a time); any other text as ``toml_str``.
    The opening delimiter is followed by a line break, which TOML drops."""
    if (
        "\n" in s
        and "''" not in s
        and s[0] != "'"
        and s[-1] != "'"
        and _MULTILINE_LITERAL_OK.match(s)
        and not _SURROGATE.search(s)
    ):
        return "'''\n" + s + "'''"
    return toml_str(s)


def file_text(s: str) -> str:
    """``s`` as a UTF-8 file holds it: lone surrogates (from undecodable file names) become U+FFFD."""
    return s if s.isascii() else _SURROGATE.sub("\ufffd", s)


_KEYS: dict[str, str] = {}  # key -> as written (the same few keys recur in every row)


def toml_key(k: str) -> str:
    w = _KEYS.get(k)
    if w is None:
        w = k if _BARE_KEY.match(k) else toml_str(k, key=True)
        if len(_KEYS) < 10_000:
            _KEYS[k] = w
    return w


def toml_value(v: Any) -> str:
    """Any value a session holds, as one line of TOML (inline tables and arrays)."""
    t = type(v)
    if t is str:
        return toml_str(v)
    if t is bool:
        return "true" if v else "false"
    if t is int:
        return str(v)
    if t is dict:
        if not v:
            return "{}"
        return (
            "{"
            + ", ".join(f"{toml_key(str(k))} = {toml_value(x)}" for k, x in v.items() if x is not None)
            + "}"
        )
    if t is list or t is tuple:
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dt.datetime):
        return _time(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):  # a str subclass (a Verdict)
        return toml_str(str(v))
    if isinstance(v, float):  # TOML spells the special values inf, -inf and nan
        return repr(v) if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))
    raise TypeError(f"a session cannot hold a {type(v).__name__} value")


def decision_row(d: Decision) -> str:
    """The decision as one line of TOML, or more when its note has several (cached on the record: records
    are immutable)."""
    row = d._row
    if row is None:
        out = [f"{{id = {toml_str(d.claim_id)}, verdict = {toml_str(d.verdict.value)}"]
        if d.superseded_by:
            out.append(f", superseded_by = {toml_str(d.superseded_by)}")
        if d.note:
            out.append(f", note = {toml_text(d.note)}")
        if d.evidence:
            out.append(f", evidence = {toml_value(list(d.evidence))}")
        if d.dismissed:
            out.append(", dismissed = true")
        if d.speaker is not None:
            out.append(f", speaker = {toml_str(d.speaker)}")
        if d.reviewer:
            out.append(f", reviewer = {toml_str(d.reviewer)}")
        if d.updated:
            out.append(f", updated = {_time(d.updated)}")
        if d.conflicts:
            out.append(f", conflicts = {toml_value(list(d.conflicts))}")
        out.append(f", text = {toml_str(d.text)}}}")
        row = d._row = "".join(out)
    return row


def history_row(h: HistoryEntry) -> str:
    """The history entry as one line of TOML (cached on the entry)."""
    row = h._row
    if row is None:
        row = h._row = (
            f"{{step = {h.step}, at = {_time(h.at)}, by = {toml_str(h.by)}, op = {toml_str(h.op)},"
            f" kind = {toml_str(h.kind)}, key = {toml_str(h.key)}, before = {toml_value(h.before)},"
            f" after = {toml_value(h.after)}}}"
        )
    return row


def _time(t: dt.datetime) -> str:
    if t.tzinfo is not dt.UTC:
        t = to_utc(t) or t
    return t.isoformat().replace("+00:00", "Z")


def crc(b: bytes) -> str:
    """Checksum against damage (not an authenticity check): CRC-32, fast enough for 20 MB files."""
    return f"{zlib.crc32(b):08x}"


def _head(data: SessionData) -> str:
    lines = [f"schema = {SCHEMA}\nreviewer = {toml_str(data.reviewer)}\n"]
    if data.created:
        lines.append(f"created = {_time(data.created)}\n")
    if data.saved:
        lines.append(f"saved = {_time(data.saved)}\n")
    lines.append(f"corpus = {toml_value(list(data.corpus))}\n")
    tables: dict[str, Any] = {}
    cur = {k: v for k, v in zip(("article", "claim"), data.cursor, strict=True) if v is not None}
    if cur:
        tables["cursor"] = cur
    tables["groups"] = {"merges": [list(p) for p in data.merges], "splits": list(data.splits)}
    if data.manual:
        tables["manual"] = {
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
    lines.append("\n")
    lines.append(tomli_w.dumps(_clean_text(tables)))
    return "".join(lines)


def _clean_text(v: Any) -> Any:
    """Strings a UTF-8 file can hold (tomli-w writes what it is given)."""
    if isinstance(v, str) and not v.isascii():
        return _SURROGATE.sub("\ufffd", v)
    if isinstance(v, dict):
        return {_clean_text(k): _clean_text(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_clean_text(x) for x in v]
    return v


def article_header(key: str) -> str:
    return f"[articles.{toml_key(key)}]"


def _article_meta(key: str, rec: ArticleRecord | None) -> str:
    lines = [f"\n{article_header(key)}\n"]
    if rec is not None:
        lines.append(f"fingerprint = {toml_str(rec.fingerprint)}\n")
        if rec.file_digest:
            lines.append(f"file_digest = {toml_str(rec.file_digest)}\n")
        if rec.published is not None:
            lines.append(f"published = {toml_value(rec.published)}\n")
        if rec.title is not None:
            lines.append(f"title = {toml_str(rec.title)}\n")
        if rec.outlet is not None:
            lines.append(f"outlet = {toml_str(rec.outlet)}\n")
    return "".join(lines)


def _rows(name: str, rows: list[str]) -> str:
    return f"{name} = [\n" + "".join(f"  {r},\n" for r in rows) + "]\n" if rows else ""


class _Fresh:
    """The rows rendered by this render (not cached from an earlier one): what a save must verify."""

    def __init__(self) -> None:
        self.decisions: dict[str, list[tuple[Decision, str]]] = {}


def history_table(ref: HistoryRef | None) -> str:
    """The session's ``[history]`` table: what its history file holds (see ``session.history``)."""
    if ref is None:
        return ""
    return (
        "\n[history]  # the changes are in the history file beside this one (NAME.history.toml)\n"
        f"rows = {ref.rows}\nlast_step = {ref.last_step}\nsize = {ref.size}\ncrc = '{ref.crc}'\n"
    )


def _parts(
    data: SessionData, fresh: _Fresh | None = None, history: HistoryRef | None = None
) -> dict[str, str]:
    """The file's parts, in order: the envelope, one per article, the history file's record."""
    by_article: dict[str, list[Decision]] = {}
    for d in data.decisions.values():
        rows = by_article.get(d.article)
        if rows is None:
            rows = by_article[d.article] = []
        rows.append(d)
    parts = {"head": HEADER + _head(data)}
    for k in list(data.articles) + [k for k in by_article if k not in data.articles]:
        texts = []
        for d in by_article.get(k, []):
            new = d._row is None
            row = decision_row(d)
            texts.append(row)
            if new and fresh is not None:
                fresh.decisions.setdefault(k, []).append((d, row))
        parts[f"articles.{k}"] = _article_meta(k, data.articles.get(k)) + _rows("decisions", texts)
    parts["history"] = history_table(history)
    return parts


@dataclass(slots=True)
class Rendered:
    text: str
    parts: dict[str, str]  # part name -> crc of its text: "head", "articles.<key>", "history"
    content: str  # digest of the decisions: every part, the header without the save time and cursor
    check: str = ""  # the same document holding only the rows rendered now (see store.save)
    fresh: _Fresh | None = None
    checksum: str = ""  # its [integrity] table's checksum ('crc32:...')


def render(data: SessionData, history: HistoryRef | None = None) -> Rendered:
    """The session file holding ``data``; ``history``: what its history file holds after this save."""
    fresh = _Fresh()
    parts = _parts(data, fresh, history)
    body = "".join(parts.values())
    sums = {name: crc(text.encode("utf-8")) for name, text in parts.items()}
    plain_head = _head(replace(data, saved=None, cursor=(None, None)))
    content = crc(" ".join([crc(plain_head.encode("utf-8")), *list(sums.values())[1:]]).encode("ascii"))
    n_articles = len(parts) - 2
    tail = [
        "\n[integrity]\n",
        f"articles = {n_articles}\ndecisions = {len(data.decisions)}\n",
        f"manual = {len(data.manual)}\nhistory = {history.rows if history else 0}\n",
        f"content = '{content}'\n",
    ]
    tail.extend(f"part.{toml_key(name)} = '{s}'\n" for name, s in sums.items())
    checksum = f"crc32:{crc(body.encode('utf-8'))}"
    tail.append(f"checksum = '{checksum}'\n")
    check = [parts["head"]]
    for name in list(parts)[1:-1]:
        key = name[len("articles.") :]
        rows = [r for _, r in fresh.decisions.get(key, [])]
        check.append(_article_meta(key, data.articles.get(key)) + _rows("decisions", rows))
    check.append(parts["history"])
    return Rendered(body + "".join(tail), sums, content, "".join(check) + "".join(tail), fresh, checksum)


def dumps(data: SessionData, history: HistoryRef | None = None) -> str:
    """The session file as TOML text (see the module docstring for the layout); the history rows are
    not in it (``session.history.dumps_history``), only ``history``, what the history file holds."""
    return render(data, history).text


# ---------------------------------------------------------------------------------------------
# Reading: every value checked, errors with line and column


_VERDICTS = {str(v): v for v in Verdict}
_VERDICT_LIST = ", ".join(_VERDICTS)
_DECISION_KEYS = frozenset(
    {"id", "verdict", "superseded_by", "note", "evidence", "dismissed", "speaker", "reviewer", "updated"}
    | {"conflicts", "text"}
)
_HISTORY_KEYS = frozenset({"step", "at", "by", "op", "kind", "key", "before", "after"})
_ARTICLE_KEYS = frozenset({"fingerprint", "file_digest", "published", "title", "outlet", "decisions"})
_CURSOR_KEYS = frozenset({"article", "claim"})
_GROUPS_KEYS = frozenset({"merges", "splits"})
_MANUAL_KEYS = frozenset({"article", "start", "end", "text", "reviewer", "created"})
_HISTORY_REF_KEYS = frozenset({"rows", "last_step", "size", "crc"})
_KINDS = frozenset({"decision", "manual", "article", "groups"})
_TOP_KEYS = frozenset(
    {"schema", "reviewer", "created", "saved", "corpus", "cursor", "groups", "manual", "articles"}
    | {"history", "integrity"}
)


def decision_from_row(article: str, d: Any) -> Decision:
    """A Decision from its row, every value checked (BadValue names the field that is wrong)."""
    if type(d) is not dict:
        raise BadValue(
            None, f"a decision must be an inline table {{id = ..., verdict = ...}}, not {type_name(d)}"
        )
    if not d.keys() <= _DECISION_KEYS:
        want_known(d, _DECISION_KEYS, "a decision")
    get = d.get
    cid = want_str(get("id"), "id", empty=False)
    v = get("verdict", "unreviewed")
    verdict = _VERDICTS.get(v) if type(v) is str else None
    if verdict is None:
        raise BadValue("verdict", f"unknown verdict {v!r} (use one of: {_VERDICT_LIST})")
    note = get("note", "")
    text = get("text", "")
    if type(note) is not str:
        want_str(note, "note")
    if type(text) is not str:
        want_str(text, "text")
    by = get("superseded_by")
    if by is not None:
        want_str(by, "superseded_by")
    reviewer = get("reviewer")
    if reviewer is not None:
        want_str(reviewer, "reviewer")
    up = get("updated")
    when = (
        None
        if up is None
        else (up if type(up) is dt.datetime and up.tzinfo is dt.UTC else want_time(up, "updated"))
    )
    evidence: tuple[str, ...] = ()
    conflicts: tuple[dict[str, Any], ...] = ()
    dismissed = False
    speaker = None
    if "evidence" in d or "conflicts" in d or "dismissed" in d or "speaker" in d:  # the rarer fields
        if "evidence" in d:
            evidence = tuple(want_evidence(d["evidence"], "evidence"))
        if "conflicts" in d:
            cf = d["conflicts"]
            if type(cf) is not list or any(type(c) is not dict for c in cf):
                raise BadValue("conflicts", f"'conflicts' must be an array of tables, not {type_name(cf)}")
            for c in cf:
                if c.get("verdict", "unreviewed") not in _VERDICTS:
                    raise BadValue("conflicts", f"unknown verdict {c.get('verdict')!r} in 'conflicts'")
            conflicts = tuple(cf)
        if "dismissed" in d:
            dismissed = d["dismissed"]
            if type(dismissed) is not bool:
                raise BadValue("dismissed", f"'dismissed' must be true or false, not {type_name(dismissed)}")
        if "speaker" in d:
            speaker = want_str(d["speaker"], "speaker")
    return Decision(
        cid, article, text, verdict, by or None, note, evidence, dismissed, reviewer, when, conflicts, speaker
    )


def _check_values(kind: str, vals: Any, name: str) -> dict[str, Any]:
    """The before/after values of a history row, checked so that undo and redo can apply them."""
    vals = want_table(vals, name)
    if kind == "decision":
        for k, v in vals.items():
            if k == "verdict":
                if type(v) is not str or v not in _VERDICTS:
                    raise BadValue(name, f"unknown verdict {v!r} in '{name}' (use one of: {_VERDICT_LIST})")
            elif k in ("superseded_by", "note", "speaker"):
                want_str(v, f"{name}.{k}")
            elif k == "evidence":
                want_evidence(v, f"{name}.{k}")
            elif k == "dismissed" and type(v) is not bool:
                raise BadValue(name, f"'{name}.dismissed' must be true or false, not {type_name(v)}")
            elif k == "conflicts" and (type(v) is not list or any(type(c) is not dict for c in v)):
                raise BadValue(name, f"'{name}.conflicts' must be an array of tables, not {type_name(v)}")
    elif kind == "article":
        for k, v in vals.items():
            if k == "published":
                want_date(v, f"{name}.published")
            elif k in ("title", "outlet"):
                want_str(v, f"{name}.{k}")
    elif kind == "manual" and vals:
        for k in ("article", "text"):
            want_str(vals.get(k), f"{name}.{k}")
        for k in ("start", "end"):
            if type(vals.get(k)) is not int:
                raise BadValue(name, f"'{name}.{k}' must be an integer, not {type_name(vals.get(k))}")
    elif kind == "groups":
        merges = vals.get("merges", [])
        if type(merges) is not list or any(
            type(p) is not list or len(p) != 2 or any(type(x) is not str for x in p) for p in merges
        ):
            raise BadValue(name, f"'{name}.merges' must be an array of [claim id, claim id] pairs")
        want_str_list(vals.get("splits", []), f"{name}.splits")
    return vals


def history_from_row(h: Any) -> HistoryEntry:
    if type(h) is not dict:
        raise BadValue(
            None, f"a history row must be an inline table {{step = ..., op = ...}}, not {type_name(h)}"
        )
    if not h.keys() <= _HISTORY_KEYS:
        want_known(h, _HISTORY_KEYS, "a history row")
    step = h.get("step")
    if type(step) is not int or step < 0:
        raise BadValue("step", f"'step' must be a whole number, not {type_name(step)}")
    at = h.get("at")
    if not (type(at) is dt.datetime and at.tzinfo is dt.UTC):
        at = want_time(at, "at")
    kind = want_str(h.get("kind"), "kind")
    if kind not in _KINDS:
        raise BadValue("kind", f"unknown kind {kind!r} (use one of: {', '.join(sorted(_KINDS))})")
    before, after = h.get("before", {}), h.get("after", {})
    if before or after:
        _check_values(kind, before, "before")
        _check_values(kind, after, "after")
    return HistoryEntry(
        step,
        at,
        want_str(h.get("by"), "by"),
        want_str(h.get("op"), "op"),
        kind,
        want_str(h.get("key"), "key"),
        before,
        after,
    )


def manual_claim_from_row(mid: str, v: Any) -> ManualClaim:
    v = want_table(v, "manual")
    want_known(v, _MANUAL_KEYS, "a manual claim")
    for k in ("start", "end"):
        if type(v.get(k)) is not int or v[k] < 0:
            raise BadValue(k, f"'{k}' must be a whole number, not {type_name(v.get(k))}")
    rev = v.get("reviewer")
    created = v.get("created")
    return ManualClaim(
        mid,
        want_str(v.get("article"), "article", empty=False),
        v["start"],
        v["end"],
        want_str(v.get("text"), "text"),
        None if rev is None else want_str(rev, "reviewer"),
        None if created is None else want_time(created, "created"),
    )


def loads(text: str, where: str = "session") -> SessionData:
    """Parse and check a session. Raises SessionError (SessionCorrupt with file, line and column)."""
    if text.startswith("\ufeff"):  # a byte order mark added by an editor
        text = text[1:]
    try:
        doc = parse_toml(text)
    except TomlError as e:
        raise SessionCorrupt(f"{where}: line {e.line}, column {e.column}: {e.msg}") from None
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
    loc = Locator(text, where)
    if schema < 3:
        from factcheck.session import migrate

        data = migrate.from_old(schema, doc, text, where)
        data.schema = schema
        return data
    data = _from_doc(doc, loc, schema)
    if schema < SCHEMA:
        data.schema = schema
        data.notices.append(
            f"a schema {schema} session (the history inside it): the next save moves the history to a file"
            f" of its own beside it (schema {SCHEMA}) and keeps the old file as"
            f" {where.rsplit('/', 1)[-1]}.schema{schema}.bak"
        )
    return data


def _from_doc(doc: dict[str, Any], loc: Locator, schema: int = SCHEMA) -> SessionData:
    data = SessionData()
    data.unknown_fields = _set_aside_unknown(doc, loc)
    if data.unknown_fields:
        more = len(data.unknown_fields) - 1
        data.notices.append(
            f"{data.unknown_fields[0]}{f' (and {more} more)' if more else ''}: this version never saves this"
            " session (it would not write such fields back): upgrade factcheck to change it"
        )
    _envelope(doc, data, loc)
    articles = doc.get("articles", {})
    if type(articles) is not dict:
        raise loc.error(
            loc.key("articles"), f"'articles' must be tables [articles.\"KEY\"], not {type_name(articles)}"
        )
    decisions = data.decisions
    for key, v in articles.items():
        try:
            v = want_table(v, f"articles.{key}")
            if not v.keys() <= _ARTICLE_KEYS:
                want_known(v, _ARTICLE_KEYS, "an article table")
            if "fingerprint" in v:
                pub, title, outlet = v.get("published"), v.get("title"), v.get("outlet")
                data.articles[key] = ArticleRecord(
                    key,
                    want_str(v["fingerprint"], "fingerprint"),
                    None if pub is None else want_date(pub, "published"),
                    None if title is None else want_str(title, "title"),
                    None if outlet is None else want_str(outlet, "outlet"),
                    want_str(v.get("file_digest", ""), "file_digest"),
                )
            rows = v.get("decisions", [])
            if type(rows) is not list:
                raise BadValue(
                    "decisions", f"'decisions' must be an array of inline tables, not {type_name(rows)}"
                )
        except BadValue as e:
            start = loc.header(f"articles.{toml_key(key)}", article_header(key))
            raise loc.error(loc.key(e.field or "", start, loc.section_end(start)), e.msg) from None
        for i, row in enumerate(rows):
            try:
                d = decision_from_row(key, row)
            except BadValue as e:
                start = loc.header(f"articles.{toml_key(key)}", article_header(key))
                rpos = loc.row(loc.key("decisions", start, loc.section_end(start)), i)
                raise loc.error(loc.field(rpos, e.field), f"decision {i + 1} of {key}: {e.msg}") from None
            if d.claim_id in decisions:
                other = decisions[d.claim_id].article
                start = loc.header(f"articles.{toml_key(key)}", article_header(key))
                rpos = loc.row(loc.key("decisions", start, loc.section_end(start)), i)
                raise loc.error(
                    loc.field(rpos, "id"),
                    f"claim {d.claim_id} has a second decision (the first is under {other}); keep one of them",
                )
            decisions[d.claim_id] = d
    hist = doc.get("history", {})
    if schema >= 4:
        _history_ref(hist, data, loc)
        _check_integrity(doc, data, loc)
        return data
    rows = hist.get("rows", []) if type(hist) is dict else None
    if type(rows) is not list:
        raise loc.error(loc.header("history"), "[history] must hold rows = [ {step = ..., ...}, ... ]")
    entries = data.history
    for i, row in enumerate(rows):
        try:
            entries.append(history_from_row(row))
        except BadValue as e:
            rpos = loc.row(loc.header("history", "[history]"), i)
            raise loc.error(loc.field(rpos, e.field), f"history row {i + 1}: {e.msg}") from None
    _check_integrity(doc, data, loc)
    return data


def _set_aside_unknown(doc: dict[str, Any], loc: Locator) -> list[str]:
    """Take out of ``doc`` the fields this version does not know, where a newer factcheck may have added them
    (a top-level key or table, a field of [cursor], [groups], [history], an article table, a decision, a
    claim added by hand), and say where each was: ``file: line L, column C: field 'x' in a decision ...``.

    The rest is read as usual. Such a session is read (``status``, ``report``, a read-only review), never
    saved by this version (``SessionData.unknown_fields``): it would lose them. Before, an unknown field in a
    table refused the whole file, and an unknown top-level key was dropped at the next save."""
    found: list[tuple[int, str]] = []

    def aside(table: Any, known: frozenset[str], what: str, start: int, end: int) -> None:
        if type(table) is not dict:
            return  # (the wrong type is said by the reading itself)
        for k in sorted(table.keys() - known):
            found.append(
                (
                    loc.key(k, start, end),
                    f"field '{k}' in {what} is not one this factcheck knows (a newer one wrote it?)",
                )
            )
            del table[k]

    first_table = loc.section_end(-1)
    for k in sorted(doc.keys() - _TOP_KEYS):
        pos = loc.header(k) if type(doc[k]) is dict else loc.key(k, 0, first_table)
        found.append((pos, f"top-level '{k}' is not one this factcheck knows (a newer one wrote it?)"))
        del doc[k]
    for name, known in (("cursor", _CURSOR_KEYS), ("groups", _GROUPS_KEYS), ("history", _HISTORY_REF_KEYS)):
        if (
            name == "history"
            and type(doc.get("history")) is dict
            and type(doc["history"].get("rows")) is list
        ):
            continue  # (schema 3: the rows themselves inside, read as they are)
        start = loc.header(name, f"[{name}]")
        aside(doc.get(name), known, f"[{name}]", start, loc.section_end(start))
    articles = doc.get("articles")
    for key, table in (articles or {}).items() if type(articles) is dict else ():
        start = loc.header(f"articles.{toml_key(key)}", article_header(key))
        end = loc.section_end(start)
        aside(table, _ARTICLE_KEYS, f"the article table of {key}", start, end)
        rows = table.get("decisions") if type(table) is dict else None
        for i, row in enumerate(rows if type(rows) is list else ()):
            if type(row) is dict and row.keys() - _DECISION_KEYS:
                rpos = loc.row(loc.key("decisions", start, end), i)
                line_end = loc.text.find("\n", rpos)
                aside(
                    row,
                    _DECISION_KEYS,
                    f"decision {i + 1} of {key}",
                    rpos,
                    len(loc.text) if line_end < 0 else line_end,
                )
    manual = doc.get("manual")
    for mid, table in (manual or {}).items() if type(manual) is dict else ():
        start = loc.header(f"manual.{toml_key(mid)}", f"[manual.{toml_key(mid)}]")
        aside(table, _MANUAL_KEYS, f"the claim {mid} added by hand", start, loc.section_end(start))
    return [str(loc.error(pos, msg)) for pos, msg in sorted(found, key=lambda f: f[0])]


def _history_ref(hist: Any, data: SessionData, loc: Locator) -> None:
    """The session's record of its history file (rows are read from there when first needed)."""
    if hist == {}:
        return
    start = loc.header("history", "[history]")
    try:
        hist = want_table(hist, "history")
        want_known(hist, _HISTORY_REF_KEYS, "[history]")
        vals = []
        for k in ("rows", "last_step", "size"):
            v = hist.get(k)
            if type(v) is not int or v < 0:
                raise BadValue(k, f"'{k}' must be a whole number, not {type_name(v)}")
            vals.append(v)
        c = want_str(hist.get("crc"), "crc")
    except BadValue as e:
        raise loc.error(loc.key(e.field or "", start, loc.section_end(start)), e.msg) from None
    if vals[0]:
        data.history_unread = data.history_file = HistoryRef(vals[0], vals[1], vals[2], c)


def _envelope(doc: dict[str, Any], data: SessionData, loc: Locator) -> None:
    try:
        data.reviewer = want_str(doc.get("reviewer", ""), "reviewer")
        for name in ("created", "saved"):
            if doc.get(name) is not None:
                setattr(data, name, want_time(doc[name], name))
        data.corpus = list(want_str_list(doc.get("corpus", []), "corpus"))
    except BadValue as e:
        raise loc.error(loc.key(e.field or "", 0, loc.header("")), e.msg) from None
    try:
        cur = want_table(doc.get("cursor", {}), "cursor")
        want_known(cur, _CURSOR_KEYS, "[cursor]")
        a, c = cur.get("article"), cur.get("claim")
        data.cursor = (
            None if a is None else want_str(a, "article"),
            None if c is None else want_str(c, "claim"),
        )
    except BadValue as e:
        start = loc.header("cursor", "[cursor]")
        raise loc.error(loc.key(e.field or "", start, loc.section_end(start)), e.msg) from None
    try:
        groups = want_table(doc.get("groups", {}), "groups")
        want_known(groups, _GROUPS_KEYS, "[groups]")
        merges = groups.get("merges", [])
        if type(merges) is not list or any(
            type(p) is not list or len(p) != 2 or any(type(x) is not str for x in p) for p in merges
        ):
            raise BadValue("merges", "'merges' must be an array of [claim id, claim id] pairs")
        data.merges = [(p[0], p[1]) for p in merges]
        data.splits = list(want_str_list(groups.get("splits", []), "splits"))
    except BadValue as e:
        start = loc.header("groups", "[groups]")
        raise loc.error(loc.key(e.field or "", start, loc.section_end(start)), e.msg) from None
    manual = doc.get("manual", {})
    if type(manual) is not dict:
        raise loc.error(loc.key("manual"), f"'manual' must be tables [manual.ID], not {type_name(manual)}")
    for mid, v in manual.items():
        try:
            data.manual[mid] = manual_claim_from_row(mid, v)
        except BadValue as e:
            start = loc.header(f"manual.{toml_key(mid)}", f"[manual.{toml_key(mid)}]")
            raise loc.error(
                loc.key(e.field or "", start, loc.section_end(start)), f"manual claim {mid}: {e.msg}"
            ) from None


def _check_integrity(doc: dict[str, Any], data: SessionData, loc: Locator) -> None:
    """A file cut short is refused; a hand edit is loaded and described in ``data.notices``."""
    text, where = loc.text, loc.where
    integ = doc.get("integrity")
    checksum = integ.get("checksum") if isinstance(integ, dict) else None
    if not isinstance(checksum, str):
        line = text.count("\n") + 1
        raise SessionCorrupt(
            f"{where}: line {line}, column 1: the file ends before the checksum line of its [integrity]"
            " table: it was cut short (truncated); open the newest backup instead"
        )
    assert isinstance(integ, dict)
    data.checksum = checksum
    pos = text.rfind("\n[integrity]\n")
    if pos >= 0 and checksum == f"crc32:{crc(text[:pos].encode('utf-8', 'surrogatepass'))}":
        content = integ.get("content")
        data.digest = content if isinstance(content, str) else None
        _cache_rows(text, data)
        return
    # Edited outside factcheck: say what differs from what factcheck wrote, and load it as it is now.
    have = {
        "articles": len(doc.get("articles", {}) or {}),
        "decisions": len(data.decisions),
        "manual": len(data.manual),
        "history": data.history_count(),
    }
    counts = [f"{have[k]} {k} where factcheck saved {integ.get(k)}" for k in have if integ.get(k) != have[k]]
    stored = integ.get("part")
    changed: list[str] = []
    if isinstance(stored, dict):
        now = {name: crc(t.encode("utf-8")) for name, t in _parts(data, None, data.history_file).items()}
        for name, s in now.items():
            if stored.get(name) != s:
                changed.append(_part_label(name))
        changed.extend(_part_label(n) for n in stored if n not in now)
    what = []
    if changed:
        what.append(
            "changed: "
            + ", ".join(changed[:8])
            + (f" and {len(changed) - 8} more" if len(changed) > 8 else "")
        )
    if counts:
        what.append("now holds " + ", ".join(counts))
    if not what:
        what.append(
            "no value changed (layout or comments only)" if isinstance(stored, dict) else "checksum differs"
        )
    data.notices.append(
        f"edited outside factcheck since it was saved ({'; '.join(what)}); loaded as it is now"
    )


def _cache_rows(text: str, data: SessionData) -> None:
    """Keep each decision's line of a file as factcheck wrote it (its checksum intact) as the text it is
    written as again: the first save after loading then renders (and checks) only what changed.

    Every value was read by tomllib; this only pairs decisions with their one-line text (a decision is one
    line ``  {id = ...},`` in its article's ``decisions`` array unless its note has several lines). Lines
    are paired by the claim id they open with; a decision whose note has several lines, or whose opening
    is found more than once (a note may hold a line that looks like a row), is rendered anew."""
    if data.schema != SCHEMA:
        return
    by_head: dict[str, str | None] = {}
    for ln in text.split("\n"):
        if ln.startswith("  {id = ") and ln.endswith("},"):
            cut = ln.find(", ", 8)
            if cut > 0:
                head = ln[: cut + 2]
                by_head[head] = None if head in by_head else ln
    for d in data.decisions.values():
        if "\n" in d.note:
            continue
        line = by_head.get(f"  {{id = {toml_str(d.claim_id)}, ")
        if line is not None:
            d._row = line[2:-1]


def _part_label(name: str) -> str:
    if name == "head":
        return "the header (reviewer, corpus, cursor, groups, manual claims)"
    if name == "history":
        return "the history"
    return f"[articles.{toml_key(name[len('articles.') :])}]"

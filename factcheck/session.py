"""Review sessions on disk: the data a reviewer produces, and how it is saved and loaded.

A session file is TOML (written with tomli-w, read with tomllib). It holds only decisions — never the
extracted text beyond what is needed to re-attach a decision to its claim — so it stays small and can be
read, diffed and committed by a person.

Nothing here imports textual; ``factcheck.review`` builds the reviewer-facing API on top of this module.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from factcheck.model import Verdict

SCHEMA = 1
TEXT_KEEP = 300  # characters of a claim's text kept to re-attach its decision


class SessionError(Exception):
    """A session file that cannot be used (corrupt, truncated, newer schema, locked...): one clear line."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


# ---------------------------------------------------------------------------------------------
# Records (immutable: a mutation replaces the record, so a snapshot is a shallow copy)


@dataclass(frozen=True, slots=True)
class Decision:
    """The reviewer's decision about one claim."""

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

    @property
    def is_empty(self) -> bool:
        return (
            self.verdict == Verdict.UNREVIEWED
            and not self.note
            and not self.evidence
            and not self.dismissed
            and not self.conflicts
        )


# Fields of a Decision a reviewer changes; history entries hold before/after values of these.
DECISION_FIELDS = ("verdict", "superseded_by", "note", "evidence", "dismissed", "conflicts")


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
    history: list[HistoryEntry] = field(default_factory=list)
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


# ---------------------------------------------------------------------------------------------
# Reviewer name


def config_path() -> Path:
    env = os.environ.get("FACTCHECK_CONFIG")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "factcheck" / "config.toml"


def reviewer_name() -> str:
    """From the config file (key ``reviewer``), else $FACTCHECK_REVIEWER, else the OS user."""
    try:
        with open(config_path(), "rb") as f:
            name = tomllib.load(f).get("reviewer")
        if isinstance(name, str) and name.strip():
            return name.strip()
    except (OSError, tomllib.TOMLDecodeError, RuntimeError):
        pass
    env = os.environ.get("FACTCHECK_REVIEWER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # getuser raises KeyError/OSError when no user can be found
        return "unknown"


# ---------------------------------------------------------------------------------------------
# TOML document <-> SessionData


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose value is None (TOML has no null)."""
    return {k: v for k, v in d.items() if v is not None}


def decision_to_doc(d: Decision) -> dict[str, Any]:
    out: dict[str, Any] = {"article": d.article, "text": d.text, "verdict": str(d.verdict)}
    if d.superseded_by:
        out["superseded_by"] = d.superseded_by
    if d.note:
        out["note"] = d.note
    if d.evidence:
        out["evidence"] = list(d.evidence)
    if d.dismissed:
        out["dismissed"] = True
    if d.reviewer:
        out["reviewer"] = d.reviewer
    if d.updated:
        out["updated"] = d.updated
    if d.conflicts:
        out["conflicts"] = [_clean(c) for c in d.conflicts]
    return out


def decision_from_doc(cid: str, v: dict[str, Any]) -> Decision:
    return Decision(
        claim_id=cid,
        article=str(v.get("article", "")),
        text=str(v.get("text", "")),
        verdict=Verdict(v.get("verdict", "unreviewed")),
        superseded_by=v.get("superseded_by") or None,
        note=str(v.get("note", "")),
        evidence=tuple(str(x) for x in v.get("evidence", ())),
        dismissed=bool(v.get("dismissed", False)),
        reviewer=v.get("reviewer"),
        updated=_utc(v.get("updated")),
        conflicts=tuple(dict(c) for c in v.get("conflicts", ())),
    )


def _utc(v: Any) -> dt.datetime | None:
    if not isinstance(v, dt.datetime):
        return None
    if v.tzinfo is None:
        return v.replace(tzinfo=dt.UTC)
    return v.astimezone(dt.UTC)


def to_doc(data: SessionData) -> dict[str, Any]:
    doc: dict[str, Any] = {"schema": data.schema, "reviewer": data.reviewer}
    if data.created:
        doc["created"] = data.created
    if data.saved:
        doc["saved"] = data.saved
    doc["corpus"] = list(data.corpus)
    cur = _clean({"article": data.cursor[0], "claim": data.cursor[1]})
    if cur:
        doc["cursor"] = cur
    doc["count"] = {
        "decisions": len(data.decisions),
        "manual": len(data.manual),
        "history": len(data.history),
        "articles": len(data.articles),
    }
    doc["articles"] = {
        k: _clean({"fingerprint": a.fingerprint, "published": a.published}) for k, a in data.articles.items()
    }
    doc["decisions"] = {cid: decision_to_doc(d) for cid, d in data.decisions.items()}
    doc["manual"] = {
        m.id: _clean(
            {
                "article": m.article,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "reviewer": m.reviewer,
                "created": m.created,
            }
        )
        for m in data.manual.values()
    }
    doc["groups"] = {"merges": [list(p) for p in data.merges], "splits": list(data.splits)}
    doc["history"] = [
        {
            "step": h.step,
            "at": h.at,
            "by": h.by,
            "op": h.op,
            "kind": h.kind,
            "key": h.key,
            "before": h.before,
            "after": h.after,
        }
        for h in data.history
    ]
    return doc


def from_doc(doc: dict[str, Any], where: str = "session") -> SessionData:
    try:
        schema = int(doc.get("schema", 0))
    except (TypeError, ValueError):
        raise SessionError(f"{where}: 'schema' is not a number") from None
    if schema > SCHEMA:
        raise SessionError(
            f"{where}: written by a newer factcheck (session schema {schema}; this version reads up to {SCHEMA});"
            " upgrade factcheck to open it"
        )
    if schema < 1:
        raise SessionError(f"{where}: not a factcheck session (no 'schema' key)")
    try:
        data = SessionData(
            schema=SCHEMA,
            reviewer=str(doc.get("reviewer", "")),
            created=_utc(doc.get("created")),
            saved=_utc(doc.get("saved")),
            corpus=[str(p) for p in doc.get("corpus", [])],
            articles={
                k: ArticleRecord(k, str(v.get("fingerprint", "")), v.get("published"))
                for k, v in doc.get("articles", {}).items()
            },
            decisions={cid: decision_from_doc(cid, v) for cid, v in doc.get("decisions", {}).items()},
            manual={
                mid: ManualClaim(
                    mid,
                    str(v["article"]),
                    int(v["start"]),
                    int(v["end"]),
                    str(v["text"]),
                    v.get("reviewer"),
                    _utc(v.get("created")),
                )
                for mid, v in doc.get("manual", {}).items()
            },
            merges=[(str(a), str(b)) for a, b in doc.get("groups", {}).get("merges", [])],
            splits=[str(s) for s in doc.get("groups", {}).get("splits", [])],
            history=[
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
                for h in doc.get("history", [])
            ],
        )
        cur = doc.get("cursor", {})
        data.cursor = (cur.get("article"), cur.get("claim"))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SessionError(f"{where}: malformed session data ({type(e).__name__}: {e})") from None
    count = doc.get("count")
    if not isinstance(count, dict):
        raise SessionError(f"{where}: no 'count' table: the file is truncated or not a factcheck session")
    for name, have in (
        ("decisions", len(data.decisions)),
        ("manual", len(data.manual)),
        ("history", len(data.history)),
        ("articles", len(data.articles)),
    ):
        if count.get(name) != have:
            raise SessionError(
                f"{where}: holds {have} {name} but says {count.get(name)}: the file is truncated or damaged"
            )
    return data


def dumps(data: SessionData) -> str:
    return tomli_w.dumps(to_doc(data), multiline_strings=True)


def loads(text: str, where: str = "session") -> SessionData:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise SessionError(f"{where}: {e}") from None
    return from_doc(doc, where)


def save(path: Path, data: SessionData) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, rename)."""
    text = dumps(data)
    loads(text, str(path))  # never write something we cannot read back
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def load(path: Path) -> SessionData:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise SessionError(f"{path}: not UTF-8 text (byte offset {e.start})") from None
    except OSError as e:
        raise SessionError(f"{path}: {e.strerror or e}") from None
    return loads(text, str(path))

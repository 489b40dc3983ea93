"""The data a reviewer produces: decisions, manual claims, article records, history, the whole session.

Records are treated as immutable (a change replaces the record), so a snapshot is a copy of the containers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.model import Verdict

SCHEMA = 4  # 4: the history rows in a file of their own beside the session (3: inside it)
TEXT_KEEP = 200  # characters of a claim's text kept to re-attach its decision after re-extraction


class SessionError(Exception):
    """A session file that cannot be used (corrupt, truncated, newer schema, locked...): one clear line."""


class SessionCorrupt(SessionError):
    """The file cannot be read; ``backup`` is the newest backup that loads, if any."""

    def __init__(self, msg: str, backup: Any = None):
        super().__init__(msg)
        self.backup = backup


class SessionLocked(SessionError):
    """The session is open for writing in another running factcheck. ``command``: the factcheck command
    holding it ("review", "mark", "edit", "merge"), as its lock file says; None for a lock file that names
    none (an older factcheck's). ``advice``: what to do, for a command that was refused."""

    def __init__(self, msg: str, command: str | None = None):
        super().__init__(msg)
        self.command = command

    @property
    def advice(self) -> str:
        if self.command == "review":
            return "close it (q in the review) and run the command again"
        if self.command is None:
            return "run the command again once it ends (q closes a review)"
        return "run the command again when it ends"


class SessionNotWritable(SessionError):
    """The session cannot be written here (read-only file or folder, no space, a symlink refused...)."""


class SessionChanged(SessionError):
    """The file changed on disk since it was loaded; ``saved_to`` holds our version instead."""

    def __init__(self, msg: str, saved_to: Any = None):
        super().__init__(msg)
        self.saved_to = saved_to


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(t: dt.datetime | None) -> str | None:
    if t is None:
        return None
    return t.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def to_utc(v: Any) -> dt.datetime | None:
    """A datetime in UTC (naive ones are taken as UTC); None for anything else."""
    if not isinstance(v, dt.datetime):
        return None
    if v.tzinfo is None:
        return v.replace(tzinfo=dt.UTC)
    return v if v.tzinfo is dt.UTC else v.astimezone(dt.UTC)


def from_iso(s: Any) -> dt.datetime | None:
    if isinstance(s, dt.datetime):
        return to_utc(s)
    if not isinstance(s, str) or not s:
        return None
    return to_utc(dt.datetime.fromisoformat(s))


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
    # The TOML line this record was last written as (saves re-rendering unchanged decisions); never
    # copied by replace(), so a changed record is rendered again.
    _row: str | None = field(default=None, init=False, repr=False, compare=False)

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
        """The decision as its session row: named values, "no value" left out."""
        d: dict[str, Any] = {"id": self.claim_id, "verdict": str(self.verdict)}
        if self.superseded_by:
            d["superseded_by"] = self.superseded_by
        if self.note:
            d["note"] = self.note
        if self.evidence:
            d["evidence"] = list(self.evidence)
        if self.dismissed:
            d["dismissed"] = True
        if self.speaker is not None:
            d["speaker"] = self.speaker
        if self.reviewer:
            d["reviewer"] = self.reviewer
        if self.updated:
            d["updated"] = self.updated
        if self.conflicts:
            d["conflicts"] = [dict(c) for c in self.conflicts]
        d["text"] = self.text
        return d


# Fields of a Decision a reviewer changes; history entries hold before/after values of these.
DECISION_FIELDS = ("verdict", "superseded_by", "note", "evidence", "dismissed", "conflicts", "speaker")
# Fields of an article record a reviewer changes.
ARTICLE_FIELDS = ("published", "title", "outlet")


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
    # a digest of the file the article's text was read from, as it was when ``fingerprint`` was recorded
    # ("" in a session saved before round 33): an article read with other text from an unchanged file was
    # read differently by another version of factcheck, not edited (``ReconcileReport``)
    file_digest: str = ""


@dataclass(slots=True, eq=True)
class HistoryEntry:
    """One change: ``step`` groups the changes of one reviewer action (undo/redo work on steps).

    Treated as immutable, like Decision (the history is append-only).
    """

    step: int
    at: dt.datetime
    by: str
    op: str  # mark, note, evidence, dismiss, restore, add_claim, published, title, ..., undo, redo, merge
    kind: str  # decision | manual | article | groups
    key: str  # claim id, manual claim id, article key, "" for groups
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    _row: str | None = field(default=None, init=False, repr=False, compare=False)  # as last written

    def to_row(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "at": self.at,
            "by": self.by,
            "op": self.op,
            "kind": self.kind,
            "key": self.key,
            "before": self.before,
            "after": self.after,
        }

    def to_dict(self) -> dict[str, Any]:
        """The entry as a JSON-able object with named fields."""
        d: dict[str, Any] = jsonable(self.to_row())
        return d


def jsonable(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [jsonable(x) for x in v]
    if isinstance(v, dt.datetime):
        return iso(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


@dataclass(frozen=True, slots=True)
class HistoryRef:
    """What the session file records about its history file (``NAME.history.toml`` beside it).

    The history file is append-only: ``size`` is the length of its text up to the end of its last row (the
    closing bracket after it is rewritten by the next append) and ``crc`` the CRC-32 of that text, so an
    older version of the session (a backup) still finds its rows as a prefix of the file.
    """

    rows: int
    last_step: int
    size: int
    crc: str
    path: Any = None  # the history file (set when the session is read from a file)


@dataclass(slots=True)
class SessionData:
    schema: int = SCHEMA  # the schema of the file it was read from (older ones are migrated on save)
    reviewer: str = ""
    created: dt.datetime | None = None
    saved: dt.datetime | None = None
    corpus: list[str] = field(default_factory=list)  # paths relative to the session file's folder
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    manual: dict[str, ManualClaim] = field(default_factory=dict)
    merges: list[tuple[str, str]] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    # The history rows in memory: all of them once the history file was read (``history``), before that
    # only the rows added since the session was loaded (the file's rows come first; see ``history_unread``).
    _history: list[HistoryEntry] = field(default_factory=list)
    cursor: tuple[str | None, str | None] = (None, None)
    notices: list[str] = field(
        default_factory=list
    )  # what the reader should know about the file (one line each)
    digest: str | None = None  # content digest of the file it was read from, when as factcheck wrote it
    # The history file as the session file recorded it when it was read (None: no file, or one that did
    # not match and is rewritten on the next save); ``history_unread``: the same while its rows are unread.
    history_file: HistoryRef | None = None
    history_unread: HistoryRef | None = None
    # the unread rows being read in a thread (``session.history.Prefetch``), if one was started
    history_prefetch: Any = field(default=None, compare=False, repr=False)
    # Fields of the file this version does not know (a newer factcheck wrote them): where each is and what
    # (``file: line L, column C: ...``). Such a session is never saved by this version: it would lose them.
    unknown_fields: list[str] = field(default_factory=list)
    # the checksum of the file it was read from (its [integrity] table's): the version a journal follows
    checksum: str | None = None
    # the journal found beside it when it was read (``session.journal.Read``), if any
    journal: Any = field(default=None, compare=False, repr=False)

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
            _history=list(self._history),
            notices=list(self.notices),
            unknown_fields=list(self.unknown_fields),
        )

    @property
    def history(self) -> list[HistoryEntry]:
        """Every history row, oldest first (append-only). The history file is read on first use."""
        if self.history_unread is not None:
            from factcheck.session.history import read_unread

            read_unread(self)
        return self._history

    @property
    def history_in_memory(self) -> list[HistoryEntry]:
        """The rows in memory, without reading the history file (see ``_history``)."""
        return self._history

    def add_history(self, entry: HistoryEntry) -> None:
        self._history.append(entry)

    def history_count(self) -> int:
        """How many history rows the session holds (without reading the history file)."""
        unread = self.history_unread
        return len(self._history) + (unread.rows if unread is not None else 0)

    def last_step(self) -> int:
        if self._history:
            return self._history[-1].step
        return self.history_unread.last_step if self.history_unread is not None else 0

    def history_entries(self) -> list[HistoryEntry]:
        return list(self.history)

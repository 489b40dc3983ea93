"""The Review API: the single code path for every reviewer decision (the CLI ``mark`` and the TUI).

A ``Review`` is a corpus (built with ``pipeline.build``) plus a session (``factcheck.session``). Every
mutating call records its change in the session's append-only history and can be undone/redone.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from factcheck import batch_index, pipeline
from factcheck import cache as _cache
from factcheck import session as sess
from factcheck.ingest import is_date_notice
from factcheck.model import Article, Claim, EventGroup, GroupOverrides, Suggestion, Verdict
from factcheck.session import (
    Decision,
    SessionChanged,
    SessionCorrupt,
    SessionError,
    SessionLocked,
    SessionNotWritable,
    journal,
)
from factcheck.session.journal import Journal, journal_path, step_line
from factcheck.textout import clipped, one_line
from factcheck.urls import is_http_url

__all__ = [
    "Decision",
    "ReconcileReport",
    "Review",
    "ReviewError",
    "SessionChanged",
    "SessionCorrupt",
    "SessionError",
    "SessionLocked",
    "SessionNotWritable",
    "SessionRead",
]

REATTACH_THRESHOLD = 90.0  # rapidfuzz ratio (0-100) needed to re-attach a decision to a changed claim


@dataclass(slots=True)
class SessionRead:
    """A session ``Review.open_quickly`` read (and locked, unless ``readonly``) but could not open without
    reading its whole batch: handed to ``Review.open(..., read=)``, which goes on from it, the file not
    parsed twice and the lock kept from one to the other (so that no other process changes it between)."""

    path: Path
    data: sess.SessionData
    state: sess.FileState | None
    lock: sess.SessionLock | None
    readonly: bool


class ReviewError(Exception):
    """A decision that cannot be made (unknown claim id, read-only session, bad argument): one line."""


def future_publication(date: dt.date, today: dt.date | None = None) -> str | None:
    """Why ``date`` cannot be a publication date a reviewer gives: it lies after today ("in two weeks" typed
    for "two weeks ago" would resolve every relative time of the article against a day to come). A day of
    slack: in a time zone ahead of the reviewer's, a page may be dated tomorrow. None when it may be."""
    today = today or dt.date.today()
    if date <= today + dt.timedelta(days=1):
        return None
    return f"{date.isoformat()} is after today ({today.isoformat()}): a publication date cannot lie ahead"


def a_few(names: list[str], shown: int = 3) -> str:
    """The first ``shown`` of ``names`` on one line each, then "and N more"."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(one_line(n) for n in names[:shown]) + more


def _no_blank_note(note: str) -> str:
    """A note as kept: one of blanks only (spaces, a newline left in the dialog) is no note."""
    return note if note.strip() else ""


@dataclass(slots=True)
class ReconcileReport:
    reattached: list[tuple[str, str, float]] = field(default_factory=list)  # old id, new id, score
    # of those, the decisions on a claim now cut into several claims, each re-attached to one part
    reattached_parts: list[tuple[str, str]] = field(default_factory=list)  # old id, new id
    orphaned: list[str] = field(default_factory=list)  # claim ids whose decision could not re-attach
    # of those, the decisions on an article no longer in the corpus (they come back with its file)
    orphaned_gone: list[str] = field(default_factory=list)
    added_articles: list[str] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)
    changed_articles: list[str] = field(default_factory=list)
    # of those, the articles whose file is the one read at the last save (another version of factcheck read
    # it), and those whose file changed since; the others' sessions recorded no file digest (before round 33)
    reread_articles: list[str] = field(default_factory=list)
    edited_articles: list[str] = field(default_factory=list)
    renamed_articles: list[tuple[str, str]] = field(default_factory=list)  # old key, new key (same content)
    notices: list[str] = field(default_factory=list)  # about the session file itself (hand edits, migration)

    def lines(self) -> list[str]:
        out = list(self.notices)
        if self.edited_articles:
            out.append(
                f"{len(self.edited_articles)} article(s) read with other text than at the last save (the file"
                " edited since): " + a_few(self.edited_articles)
            )
        if self.reread_articles:
            out.append(
                f"{len(self.reread_articles)} article(s) read with other text than at the last save from an"
                " unchanged file (read differently by this version of factcheck): "
                + a_few(self.reread_articles)
            )
        untold = len(self.changed_articles) - len(self.edited_articles) - len(self.reread_articles)
        if untold:  # (a session saved before its files' digests were recorded)
            out.append(
                f"{untold} article(s) read with other text than at the last save"
                " (the file edited, or read differently by this version of factcheck)"
            )
        if self.renamed_articles:
            out.append(f"{len(self.renamed_articles)} article(s) renamed or moved (decisions follow them)")
        if self.added_articles:
            out.append(f"{len(self.added_articles)} new article(s) added to the session")
        if self.missing_articles:
            out.append(
                f"{len(self.missing_articles)} article(s) no longer in the corpus (decisions kept): "
                + a_few(self.missing_articles)
            )
        if self.reattached:
            # which ones (a claim id mistyped in a hand-edited session moves silently otherwise)
            moves = [f"{old} → {new}" for old, new, _score in self.reattached]
            out.append(f"{len(self.reattached)} decision(s) re-attached to changed claims: {a_few(moves)}")
        if self.reattached_parts:
            ids = [new for _, new in self.reattached_parts]
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            out.append(
                f"{len(ids)} of them were made on a claim now cut into sentences and follow the sentence"
                f" that carries them (check them): {shown}"
            )
        lost = len(self.orphaned) - len(self.orphaned_gone)  # (an edit, or a claim no longer extracted)
        if lost:
            out.append(f"{lost} decision(s) could not be re-attached (kept as orphans)")
        if self.orphaned_gone:
            out.append(
                f"{len(self.orphaned_gone)} decision(s) on the articles no longer in the corpus, kept as orphans"
                " (they come back with their files)"
            )
        return out


@dataclass(frozen=True, slots=True)
class _Snapshot:
    data: sess.SessionData
    version: int


_Change = tuple[str, str, dict[str, Any], dict[str, Any]]  # kind, key, before, after


@dataclass(slots=True)
class _Step:
    """One undoable reviewer action: its changes, applied and reverted together."""

    op: str
    changes: list[_Change]
    desc: str = ""  # empty until described (steps rebuilt from the history: see Review._ready)


@dataclass(slots=True)
class _Grouping:
    """A grouping of the batch under way in another thread (``Review.start_grouping``): a copy of what it
    reads, and the reviewer's merges and splits then."""

    batch: pipeline.Corpus
    overrides: GroupOverrides

    def run(self) -> list[EventGroup]:
        return pipeline.group_batch(self.batch, self.overrides)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _kept_while_loading(fn: Callable[Concatenate[Review, _P], _R]) -> Callable[Concatenate[Review, _P], _R]:
    """A change a reviewer can make on a ``Review.preview`` while the batch loads: each call that changed
    something is kept, so that the opened review makes it again (``take_over``)."""

    @functools.wraps(fn)
    def call(self: Review, *args: _P.args, **kw: _P.kwargs) -> _R:
        step = self._step
        out = fn(self, *args, **kw)
        if self.loading is not None and self._step != step:
            self._meanwhile.append((fn.__name__, args, dict(kw)))
        return out

    return call


def manual_claim_id(article_key: str, start: int, end: int) -> str:
    h = hashlib.blake2b(f"{article_key}\0{start}:{end}".encode(), digest_size=5).hexdigest()
    return f"m{h}"


class Review:
    corpus: pipeline.Corpus
    path: Path
    readonly: bool
    reviewer: str
    lock_message: str | None
    readonly_why: str | None  # (the reason in a few words: ``readonly_short``)
    report: ReconcileReport

    def __init__(
        self, path: Path, data: sess.SessionData, corpus: pipeline.Corpus, *, reviewer: str, readonly: bool
    ):
        self.path = path
        self._data = data
        self.corpus = corpus
        from factcheck.grouping.state import GroupingState

        # a review regroups often: after one change, only that change's work is redone
        corpus.grouping_state = GroupingState()
        self.reviewer = reviewer
        self.readonly = readonly
        self.lock_message = None
        self.readonly_why = None
        self._locked_out = False  # read-only only because another factcheck held the session at open
        self.report = ReconcileReport()
        self._version = 0
        self._saved_version = 0
        # the version of the last change of the work (not the cursor alone), and the newest version saved:
        # a cursor move is saved with the session but is no unsaved work (``unsaved``)
        self._work_version = 0
        self._saved_upto = 0
        # what each recent change touched, as (version after it, kind, key), for changes_since; a change it
        # cannot name (claim ids remapped) is logged as kind "*"; versions before _log_floor are forgotten
        self._log: deque[tuple[int, str, str]] = deque()
        self._log_floor = 0
        self._step = data.last_step()
        self._undo: list[_Step] = []
        self._undo_built = not data.history_count()  # otherwise rebuilt from the history when first needed
        self._redo: list[_Step] = []
        self._remap: dict[str, str] = {}  # claim ids re-attached since the history was written
        self._event_words: dict[str, str] = {}  # claim id -> its content words, for the supersede picker
        # What the last undo or redo changed, as (kind, key): kind decision/manual -> claim id, article ->
        # article key, groups -> "" (the TUI moves the cursor there).
        self.last_undo_changes: list[tuple[str, str]] = []
        self._save_lock = threading.Lock()
        # each change on disk as it is made, until a save holds it (``session.journal``): a writable review's
        self._journal: Journal | None = None
        self._journal_held = False  # while take_over makes a preview's steps again: written at its end
        self._lock: sess.SessionLock | None = None
        self._file_state: sess.FileState | None = None
        self._conflict_path: Path | None = None
        self._orig_published: dict[str, tuple[dt.date | None, str | None]] = {}
        self._orig_meta: dict[
            str, tuple[str | None, str | None]
        ] = {}  # article key -> extracted title, outlet
        self._orig_speaker: dict[str, str | None] = {}  # claim id -> extracted speaker, once overridden
        self._index: dict[str, Claim] = {}
        # (articles read, of) while this is a ``preview`` of a batch being opened; None once it is open
        self.loading: tuple[int, int] | None = None
        # (input files and URLs read, of) while a ``preview``'s batch is read: the number of inputs is known
        # from the start (``ingest.load``'s ``files_read``), that of articles only once the batch is read
        self.files_read: tuple[int, int] | None = None
        # what the reviewer did on a preview (method name, arguments), for the opened review (take_over)
        self._meanwhile: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self._regroup_later: bool | None = None  # while take_over replays: whether a regrouping is due
        # whether corpus.groups are the batch's groups now: a review opened without them (``group=False``:
        # `mark`, `edit`, `status`) groups only when something asks for them (``ensure_groups``), and a
        # change that moves groups (a merge, a date, a claim added) then leaves them due, not regrouped
        self._grouped = False
        # a grouping of the batch under way in another thread (``start_grouping``) until its groups are set
        self._pending: _Grouping | None = None
        self._owned: dict[str, Claim] = {}  # a preview's own claims (copies, re-extracted), by id
        self._times: dict[
            tuple[str, dt.date | None], list[Any]
        ] = {}  # time tags per article, for manual claims
        # opened by ``open_quickly``: the corpus holds only the articles read, not the whole batch
        self.partial = False

    # -----------------------------------------------------------------------------------------
    # Opening

    @classmethod
    def open(
        cls,
        session_path: Path | str,
        corpus_paths: list[str] | None = None,
        *,
        reviewer: str | None = None,
        readonly: bool = False,
        progress: Callable[[int, int], None] | None = None,
        if_locked: str = "readonly",
        extracted: pipeline.Extracted | None = None,
        session_read: Callable[[Review], None] | None = None,
        group: bool = True,
        fetch: bool = True,
        files_read: Callable[[int, int], None] | None = None,
        index: bool = False,
        read: SessionRead | None = None,
        command: str = "review",
    ) -> Review:
        """Open (or start) a session.

        When the session cannot be written — another running factcheck holds it (SessionLocked), the file
        is read-only, the folder is read-only or full, the lock is a symlink (SessionNotWritable) —
        ``if_locked`` says what to do: "readonly" opens it read-only with the reason in ``lock_message``
        (the TUI shows it), "raise" raises (the CLI's mark and edit).

        While the batch is read, ``session_read(preview)`` gets a ``Review.preview`` on a copy of the session
        as saved (before the batch is read) and ``extracted`` each article with its claims as they come
        (``pipeline.build``): the TUI shows them on the preview before the batch is reconciled and grouped,
        and what the reviewer did meanwhile is made again on the opened review (``take_over``). ``group=False``
        leaves the batch ungrouped until something asks for its groups (``ensure_groups``: the suggestions,
        the supersede picker's group, a verdict for a whole group), for what needs only the claims and the
        decisions (``status``, ``mark``, ``edit``: a session saves no group, so it is the same); ``fetch=False``
        reads only the URLs whose pages are stored (the others are listed as not fetched); ``files_read(done,
        total)`` follows the input files and URLs read (``ingest.load``: ``total`` is known from the start);
        ``index=True`` stores the batch's index (``factcheck.batch_index``) for ``open_quickly``; ``read``: the
        session as ``open_quickly`` read (and locked) it when it could not open it so, not read again;
        ``command``: the factcheck command opening it, which its lock records (``SessionLock.acquire``)."""
        path = Path(session_path)
        who = reviewer or sess.reviewer_name()
        if read is not None:
            if read.path != path or read.readonly != readonly or corpus_paths:
                raise ValueError("a session read for another opening")
            lock, lock_message, locked_out, why = read.lock, None, False, None
        else:
            lock, readonly, lock_message, locked_out, why = _take_lock(path, readonly, if_locked, command)
        try:
            state: sess.FileState | None
            if read is not None:
                data, state, exists = read.data, read.state, True
            elif path.exists():
                data, state = sess.load_with_state(path)
                exists = True
                if data.unknown_fields and not readonly:  # (saving it would lose them)
                    lock, readonly, lock_message, locked_out, why = _newer_fields(path, data, lock, if_locked)
            else:
                if not corpus_paths:
                    raise SessionError(f"{path}: no such session; give the corpus to create it")
                data, state, exists = sess.SessionData(reviewer=who, created=sess.utcnow()), None, False
                if not readonly:  # (a journal of a session whose first save never happened)
                    journal.replay(path, data, None)
            changed_corpus = False
            if corpus_paths:
                paths = [str(p) for p in corpus_paths]
                rel = [p if is_http_url(p) else _relative_to(Path(p), path.parent) for p in paths]
                changed_corpus = rel != data.corpus
                data.corpus = rel
            else:
                paths = _session_corpus(path, data.corpus)
            if session_read is not None:
                session_read(
                    cls.preview(
                        path,
                        data.copy(),
                        reviewer=who,
                        readonly=readonly,
                        lock_message=lock_message,
                        readonly_why=why,
                        file_state=state,
                    )
                )
            sig = batch_index.signature(paths) if index else None
            corpus = pipeline.build(
                paths,
                group=False,
                fetch=fetch,
                progress=progress,
                extracted=extracted,
                files_read=files_read,
            )
            if sig is not None:  # (before _attach: the batch as read, not as the session dates it)
                batch_index.write(paths, sig, corpus.articles, corpus.claims, corpus.errors)
            r = cls(path, data, corpus, reviewer=who, readonly=readonly)
            r._lock, r.lock_message, r._file_state, r._locked_out = lock, lock_message, state, locked_out
            r.readonly_why = why
            r.report.notices = list(data.notices)
            r._open_journal()
            r._attach(group=group)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if (
            not exists
            or changed_corpus
            or r.report.changed_articles
            or r.report.added_articles
            or r._replayed()
        ):
            r._changed()  # unsaved
        return r

    @classmethod
    def open_quickly(
        cls,
        session_path: Path | str,
        claim_ids: Iterable[str] = (),
        article_keys: Iterable[str] = (),
        *,
        reviewer: str | None = None,
        readonly: bool = False,
        command: str = "review",
    ) -> Review | SessionRead | None:
        """``Review.open(session_path, if_locked="raise", group=False, fetch=False)`` for a command that changes
        a few claims and articles of a session that exists (``mark``, ``edit``), when its batch is as a command
        that read it whole last found it (``batch_index``): only the articles of ``claim_ids`` and
        ``article_keys`` are read (with those the session dated or added claims to, whose claims the session's
        dates and hand-added claims change), where ``open`` reads and reconciles every article. The session is
        checked to need no reconciling (every article recorded with the fingerprint it has, every decision on
        a claim of the batch), so what is changed and saved is what ``open`` would change and save.

        After a few files changed (``batch_index.current`` brings the index up to date from them alone), or
        when the session recorded some articles otherwise (added, changed, gone, a decision on a claim id no
        article holds), the session is reconciled as ``open`` reconciles it (``_attach``), on a corpus of the
        articles reconciling reads (those added or read with other text than recorded, those holding such a
        decision, and the ones named above) and of every other article as the index knows it
        (``IndexedArticle.stand_in``): the same notes, re-attachments and records.

        When that cannot be told (no index that can be brought up to date, a record's file digest missing, a
        claim id the index does not know), returns the session as read, still locked (``SessionRead``), for
        ``open(..., read=)`` to go on from: ``open`` then says why, as it always did. None (nothing locked)
        when there is no session, or for a decision to re-attach found once a review of an unchanged batch is
        made (``open`` reads the session again). The review it returns holds only the articles read and
        stand-ins (``partial``): what needs the whole batch (groups) is not asked of it. Raises as ``open``
        does when the session is locked or cannot be read.

        ``readonly=True`` opens it as ``Review.open(session_path, readonly=True, group=False, fetch=False)``
        (``status``): nothing is locked, and every article not read stands in the review as the index knows
        it (``IndexedArticle.stand_in``: its key, path, title, outlet, notices, claim ids and scores, no
        text), so that the batch's progress, notices and links are what ``open`` finds; the articles holding
        a claim whose decision has other reviewers' conflicts are read (their claims' words are shown)."""
        path = Path(session_path)
        if not path.exists():
            return None
        lock, _readonly, _message, _out, _why = _take_lock(path, readonly, "raise", command)
        try:
            r = cls._quickly(
                path, list(claim_ids), list(article_keys), reviewer or sess.reviewer_name(), readonly
            )
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if r is None:
            if lock is not None:
                lock.release()
            return None
        if isinstance(r, SessionRead):
            r.lock = lock
            return r
        r._lock = lock
        return r

    @classmethod
    def _quickly(
        cls, path: Path, claim_ids: list[str], article_keys: list[str], who: str, readonly: bool
    ) -> Review | SessionRead | None:
        data, state = sess.load_with_state(path)
        if data.unknown_fields and not readonly:  # (a command that changes it: refused, saying where)
            _newer_fields(path, data, None, "raise")
        as_read = SessionRead(path, data, state, None, readonly)  # (until a review is made of ``data``)
        paths = _session_corpus(path, data.corpus)
        got = batch_index.current(paths)
        if got is None or not got.index.articles:
            return as_read
        index = got.index
        recorded = data.articles
        if not readonly and any(
            not rec.file_digest and k in index.articles and rec.fingerprint == index.articles[k].id
            for k, rec in recorded.items()
        ):
            return as_read  # (its file's digest not recorded yet: ``open`` reads it)
        # decisions on a claim id no article holds (but a hand-added claim's): re-attached by reconciling
        lost = [
            d for cid, d in data.decisions.items() if index.article_of(cid) is None and cid not in data.manual
        ]
        # the session as the batch is (every article recorded with the fingerprint it has, every decision on
        # a claim of the batch): nothing to reconcile
        settled = (
            not lost
            and recorded.keys() == index.articles.keys()
            and all(rec.fingerprint == index.articles[k].id for k, rec in recorded.items())
        )
        if readonly:
            claim_ids = claim_ids + [cid for cid, d in data.decisions.items() if d.conflicts]
        keys = set(article_keys)
        for cid in claim_ids:
            key = index.article_of(cid)
            if key is None:
                return as_read  # (a hand-added claim, an id re-attached or unknown: ``open`` tells which)
            keys.add(key)
        keys.update(k for k, rec in recorded.items() if rec.published is not None)
        keys.update(m.article for m in data.manual.values())
        if not settled:
            # what reconciling reads of the batch's articles: those added, or read with other text than the
            # session recorded (their files' digests, their claims' ids before), and those holding a decision
            # on a claim id no article holds (their claims, which it may follow)
            keys.update(
                k for k, a in index.articles.items() if k not in recorded or recorded[k].fingerprint != a.id
            )
            keys.update(d.article for d in lost if d.article in index.articles)
        read = dict(got.read)
        more = batch_index.read_articles(index, sorted(keys - read.keys()))
        if more is None:
            return as_read
        read.update(more)
        corpus = pipeline.Corpus(paths=paths, errors=list(index.errors))
        for key, entry in index.articles.items():  # (in the batch's order)
            if key in read or readonly or not settled:
                art, claims = read[key] if key in read else entry.stand_in(paths)
                corpus.articles.append(art)
                corpus.claims[key] = list(claims)
        r = cls(path, data, corpus, reviewer=who, readonly=readonly)
        r.partial = True
        r._file_state = state
        r.report.notices = list(data.notices)
        r._open_journal()
        if r._replayed():
            r._changed()  # unsaved
        if not settled:
            # every article stands in the corpus (those not read as the index knows them): reconciled as
            # ``open`` reconciles the batch read whole
            r._attach(group=False)
            if r.report.changed_articles or r.report.added_articles:
                r._changed()  # unsaved
            return r
        for a in corpus.articles:
            r._orig_published[a.key] = (a.published, a.published_source)
            r._orig_meta[a.key] = (a.title, a.outlet)
        for key, rec in data.articles.items():
            dated = corpus.article(key) if key in read else None
            if dated is not None and rec.published is not None:
                corpus.claims[key] = pipeline.extract_article(dated, rec.published)
        r._add_manual_claims()
        known = {c.id for claims in corpus.claims.values() for c in claims}
        for entry in index.articles.values():
            if entry.key not in read:
                known.update(entry.claims)  # (a review that saves has not put them in its corpus)
        if not data.decisions.keys() <= known:
            return None  # a decision to re-attach (``_reconcile``)
        r._reindex()
        return r

    @classmethod
    def preview(
        cls,
        path: Path,
        data: sess.SessionData,
        *,
        reviewer: str | None = None,
        readonly: bool = False,
        lock_message: str | None = None,
        readonly_why: str | None = None,
        file_state: sess.FileState | None = None,
    ) -> Review:
        """A review of a batch still being read (``Review.open``'s ``extracted`` feeds it through
        ``add_loaded``): what the TUI shows meanwhile, with the session's decisions on the claims whose ids
        they name.

        Decisions on the claims read so far (verdicts, notes, evidence, dismissals, speakers, publication
        dates, titles, outlets, undo and redo of those) can be made on it: the opened review makes them again
        (``take_over``). What needs the whole batch (groups, claims added by hand) is refused with "still
        loading". It is saved only when the app ends before the batch is read (``file_state``: the session
        file as ``Review.open`` read it; ``reviewer``: who makes the decisions, by default the session's
        reviewer). It never changes the articles and claims it is given (the review being opened owns them):
        what is set meanwhile is shown on copies of its own."""
        corpus = pipeline.Corpus(paths=list(data.corpus))
        r = cls(path, data, corpus, reviewer=reviewer or data.reviewer, readonly=readonly)
        r.loading = (0, 0)
        r.lock_message, r.readonly_why, r._file_state = lock_message, readonly_why, file_state
        r._undo_built = True  # undo and redo reach what was done while loading, earlier steps once it is open
        if not readonly:  # (its steps are on disk too until the opened review takes them over: take_over)
            r._journal = Journal(path, data.checksum or "", data.journal)
            if (
                r._replayed()
            ):  # changes made again from the journal: the file lacks them (saved if the app ends)
                r._changed()
        return r

    def add_loaded(self, items: Iterable[tuple[Article, list[Claim]]], done: int, total: int) -> None:
        """More of the batch, for a ``preview``."""
        for art, claims in items:
            self.corpus.articles.append(art)
            self.corpus.claims[art.key] = list(claims)
            for c in claims:
                self._index[c.id] = c
        self.loading = (done, total)

    def take_over(self, preview: Review) -> list[str]:
        """Make again, on this review (just opened), what the reviewer did on ``preview`` while the batch was
        read, in the same order (undo and redo included), so that each decision lands on the claim it was
        made on, is saved with the session and can be undone. Returns what could not be made again, one line
        each (a claim gone meanwhile: never put on another one)."""
        self._regroup_later = False  # (dates set meanwhile: the batch is regrouped once, at the end)
        self._journal_held = True
        try:
            return self._take_over(preview)
        finally:
            if self._regroup_later and self._grouped:
                pipeline.regroup(self.corpus, self._overrides())
                self._reindex()
            self._regroup_later = None
            # The preview's journal (its steps, numbered as the file's next ones) gives way to this review's in
            # one atomic write: the steps read at opening, the re-attachments, what was made again here.
            self._journal_held = False
            if preview._journal is not None:
                if self._journal is not None and preview._journal.started:
                    self._journal.start()
                preview._journal.close(saved=False)
                preview._journal = None

    def _take_over(self, preview: Review) -> list[str]:
        failed: list[str] = []
        undo: list[bool] = []  # preview's undo stack: whether each of its steps made one here
        redo: list[bool] = []
        for name, args, kw in preview._meanwhile:
            step = self._step
            try:
                if name in ("undo", "redo"):
                    mine, other = (undo, redo) if name == "undo" else (redo, undo)
                    made = mine.pop()
                    if made:
                        getattr(self, name)()
                    other.append(made)
                    continue
                getattr(self, name)(*args, **kw)
            except ReviewError as e:
                failed.append(f"{name.replace('_', ' ')} {' '.join(map(str, args))}: {e}")
                if name in ("undo", "redo"):
                    break  # the steps no longer match: what follows is not made on a guess
            undo.append(self._step != step)
            redo.clear()
        return failed

    def _attach(self, *, group: bool = True) -> None:
        """Reviewer dates, manual claims, reconciliation of decisions, grouping."""
        corpus, data = self.corpus, self._data
        for a in corpus.articles:
            self._orig_published[a.key] = (a.published, a.published_source)
            self._orig_meta[a.key] = (a.title, a.outlet)
        for key, rec in data.articles.items():
            art = corpus.article(key)
            if art is not None and rec.published is not None:
                corpus.claims[key] = pipeline.extract_article(art, rec.published)
        self._add_manual_claims()
        self._reconcile()
        if group:
            pipeline.regroup(corpus, self._overrides())
        self._grouped = group
        self._reindex()

    def ensure_groups(self) -> None:
        """Group the batch now if it is not grouped as it stands (a review opened with ``group=False``, or
        changed since): what reads ``corpus.groups`` or a claim's ``group`` calls this first. A preview has
        no groups (its batch is still being read); while the batch is grouped in another thread
        (``start_grouping``) this raises ReviewError: its groups are not known yet."""
        if self._grouped or self.loading is not None:
            return
        if self.partial:
            raise ReviewError("a review opened with a few articles of the batch has no groups")
        self._check_grouped("its events are known")
        pipeline.regroup(self.corpus, self._overrides())
        self._grouped = True
        self._reindex()

    @property
    def grouping(self) -> bool:
        """Whether the batch is being grouped in another thread (``start_grouping``): until its groups are set,
        what reads groups or changes what they are made of (a merge, a split, a date that re-extracts, a claim
        added, undo and redo of those) raises ReviewError; decisions, notes, speakers, titles and outlets
        work."""
        return self._pending is not None

    def start_grouping(self) -> Callable[[], list[EventGroup]] | None:
        """For a review opened without its groups (``group=False``): a function that groups the batch as it
        stands, to be run in another thread, whose result is handed to ``set_groups`` on this one (the review
        TUI fills its screen first and brings the groups in from a worker). None when there is nothing to
        group (grouped already, a preview, a grouping under way).

        The function reads a copy of what grouping reads: the articles with the titles and outlets they were
        read with, and the claims (a claim added by hand with its speaker as read), as ``Review.open`` groups
        them, so the groups (and their cache entries) are those a grouped opening makes; a title, an outlet or
        a speaker set meanwhile changes only this review's objects (grouping does not read them)."""
        if self._grouped or self.loading is not None or self._pending is not None:
            return None
        corpus = self.corpus
        articles = []
        for a in corpus.articles:
            a = copy.copy(a)
            a.title, a.outlet = self._orig_meta.get(a.key, (a.title, a.outlet))
            articles.append(a)
        claims = {
            key: [replace(c, speaker=self._orig_speaker.get(c.id, c.speaker)) if c.manual else c for c in cl]
            for key, cl in corpus.claims.items()
        }
        batch = pipeline.Corpus(
            paths=list(corpus.paths),
            articles=articles,
            claims=claims,
            min_score=corpus.min_score,
            grouping_state=corpus.grouping_state,
        )
        job = self._pending = _Grouping(batch, self._overrides())
        return job.run

    def set_groups(self, groups: list[EventGroup]) -> None:
        """The groups ``start_grouping``'s function returned: the batch's groups from now on."""
        job = self._pending
        if job is None:
            raise ReviewError("no grouping of the batch is under way")
        self._pending = None
        pipeline.set_groups(self.corpus, groups, job.overrides)
        self._grouped = True
        self._reindex()

    def grouping_failed(self) -> None:
        """``start_grouping``'s function failed: the groups stay due (``ensure_groups`` groups when asked)."""
        self._pending = None

    def _check_grouped(self, what: str) -> None:
        """While the batch is grouped in another thread, what needs its groups is refused (``what``: "events
        can be merged")."""
        if self._pending is not None:
            raise ReviewError(f"the batch is still being grouped: {what} once it is grouped")

    def _add_manual_claims(self, only: str | None = None) -> None:
        for m in list(self._data.manual.values()):
            if only is not None and m.article != only:
                continue
            art = self.corpus.article(m.article)
            if art is None:
                continue
            start, end = m.start, m.end
            if art.text[start:end] != m.text:
                pos = art.text.find(m.text) if m.text else -1
                if pos < 0:
                    continue  # the text is gone: its decisions become orphans
                start, end = pos, pos + len(m.text)
                self._data.manual[m.id] = replace(m, start=start, end=end)
            claims = self.corpus.claims.setdefault(m.article, [])
            claims[:] = [c for c in claims if c.id != m.id]
            claims.append(self._manual_claim(m.id, m.article, start, end))
            claims.sort(key=lambda c: (c.start, c.end))

    def _manual_claim(self, cid: str, key: str, start: int, end: int) -> Claim:
        art = self.corpus.article(key)
        assert art is not None
        ck = (key, art.anchor)
        times = self._times.get(ck)
        if times is None:
            try:
                from factcheck import times_intl

                times = list(times_intl.tag_language(art.text, art.anchor, art.language))
            except (ImportError, AttributeError):  # no time tagger available
                times = []
            self._times[ck] = times
        when = [t for t in times if t.start >= start and t.end <= end]
        return Claim(
            id=cid,
            article_id=art.id,
            article_key=key,
            start=start,
            end=end,
            text=art.text[start:end],
            when=when,
            manual=True,
            score=1.0,
        )

    def _reconcile(self) -> None:
        from rapidfuzz import fuzz, utils

        data, corpus, rep = self._data, self.corpus, self.report
        current = {a.key: a for a in corpus.articles}
        known_before = bool(data.articles)
        old_prints: dict[str, str] = {}  # an edited article: its fingerprint when the session was saved
        # Each article's record keeps the digest of its file beside its text's (a new one, one read with other
        # text, one of a session saved before digests were kept): a change of text is then told apart as an
        # edit of the file or another reading of it. Not by a review that saves nothing (``status``), except
        # for a changed article, whose line says which it is.
        digests = _FileDigests()
        for key, art in current.items():
            rec = data.articles.get(key)
            if rec is None:
                data.articles[key] = sess.ArticleRecord(
                    key, art.id, file_digest="" if self.readonly else digests.of(art)
                )
                if known_before:
                    rep.added_articles.append(key)
            elif rec.fingerprint != art.id:
                rep.changed_articles.append(key)
                now = digests.of(art)
                if rec.file_digest and now:
                    (rep.reread_articles if now == rec.file_digest else rep.edited_articles).append(key)
                old_prints[key] = rec.fingerprint
                data.articles[key] = replace(rec, fingerprint=art.id, file_digest=now)
            elif not rec.file_digest and not self.readonly:
                data.articles[key] = replace(rec, file_digest=digests.of(art))
        missing = [k for k in data.articles if k not in current]
        # A renamed or moved file: same content fingerprint under a new key. Its decisions follow it.
        by_print = {current[k].id: k for k in rep.added_articles}
        renamed: dict[str, str] = {}
        for k in missing:
            new = by_print.get(data.articles[k].fingerprint)
            # (two records of one text gone, a copy removed before, the original moved: the first follows it)
            if new is not None and new not in renamed.values():
                renamed[k] = new
        for old, new in renamed.items():
            rec = data.articles.pop(old)
            data.articles[new] = replace(
                data.articles[new], published=rec.published, title=rec.title, outlet=rec.outlet
            )
            rep.added_articles.remove(new)
            rep.renamed_articles.append((old, new))
            for mid, m in list(data.manual.items()):
                if m.article == old:
                    data.manual[mid] = replace(m, article=new)
            if rec.published is not None:
                corpus.claims[new] = pipeline.extract_article(current[new], rec.published)
        if renamed:
            self._add_manual_claims()
        rep.missing_articles = sorted(k for k in missing if k not in renamed)
        index = {c.id: c for c in corpus.all_claims()}
        taken = {cid for cid in data.decisions if cid in index}
        remap: dict[str, str] = {}

        def attach(cid: str, d: Decision, c: Claim, score: float) -> None:
            taken.add(c.id)
            remap[cid] = c.id
            del data.decisions[cid]
            data.decisions[c.id] = replace(
                d, claim_id=c.id, article=c.article_key, text=c.text[: sess.TEXT_KEEP]
            )
            rep.reattached.append((cid, c.id, round(score, 1)))

        def free_claims(d: Decision) -> list[Claim]:
            """The claims of the decision's article (followed if renamed) that no decision holds; a sentence
            under the extractor's floor is grouping evidence, no claim: it holds no decision."""
            key = renamed.get(d.article, d.article)
            return [c for c in corpus.claims.get(key, []) if c.id not in taken and not corpus.is_evidence(c)]

        # Claim ids come from the article's content: in an edited article every id changes. A sentence the
        # edit left alone is found by its id as the old content made it; the others by their text below.
        unchanged = self._ids_before_edit(old_prints)
        lost: list[tuple[str, Decision]] = []
        for cid, d in list(data.decisions.items()):
            if cid in index:
                continue
            same = unchanged.get(cid)
            if same is not None and same not in taken and not corpus.is_evidence(index[same]):
                attach(cid, d, index[same], 100.0)
                continue
            cands = free_claims(d)
            best: tuple[float, Claim] | None = None
            if d.text and cands:
                want = utils.default_process(d.text)
                nums = _numbers(d.text)
                for c in cands:
                    s = fuzz.ratio(want, utils.default_process(c.text[: sess.TEXT_KEEP]))
                    if (
                        s >= REATTACH_THRESHOLD
                        and _numbers(c.text[: sess.TEXT_KEEP]) == nums
                        and (best is None or s > best[0])
                    ):
                        best = (s, c)
            if best is None:
                lost.append((cid, d))
            else:
                attach(cid, d, best[1], best[0])
        # A claim now cut into several (a quotation split at its sentence ends): its decision follows one
        # of the parts, once every decision that matches a claim as a whole has taken it.
        for cid, d in lost:
            part = _part_of(d.text, free_claims(d), shown=corpus.is_shown)
            if part is None:
                rep.orphaned.append(cid)
                if d.article in rep.missing_articles:
                    rep.orphaned_gone.append(cid)
                continue
            attach(cid, d, part, min(100.0, 100.0 * len(part.text) / max(len(d.text), 1)))  # its share
            rep.reattached_parts.append((cid, part.id))
        # A link may name a claim nobody decided (a supersession's target, evidence, a merge, a split):
        # it follows that claim's unchanged sentence too.
        for cid in self._linked_ids():
            if cid not in index and cid not in remap and cid in unchanged:
                remap[cid] = unchanged[cid]
        # So does the cursor (the TUI went back to the first article when its key or claim id had gone).
        at_key, at_claim = data.cursor
        if at_key is not None and (at_key in renamed or (at_claim is not None and at_claim not in index)):
            if at_claim is not None:
                at_claim = remap.get(at_claim, unchanged.get(at_claim, at_claim))
            data.cursor = (renamed.get(at_key, at_key), at_claim)
        if remap:
            self._remap_ids(remap)

    def _ids_before_edit(self, old_prints: dict[str, str]) -> dict[str, str]:
        """Old id -> current id of each claim of an edited article: the id its sentence had under the
        article's former content (``extract.assign_ids`` from the fingerprint the session recorded; a
        sentence the edit changed gets an id nothing refers to)."""
        if not old_prints:  # (nothing edited: the extractor's module, ~0.3 CPU s to import, is not needed)
            return {}
        from factcheck.extract import assign_ids

        out: dict[str, str] = {}
        for key, fingerprint in old_prints.items():
            art = self.corpus.article(key)
            if art is None or art.duplicate_of:  # a second copy's ids come from its key, not its content
                continue
            claims = [c for c in self.corpus.claims.get(key, []) if not c.manual]
            before = assign_ids([replace(c) for c in claims], fingerprint)
            out.update((old.id, c.id) for old, c in zip(before, claims, strict=True))
        return out

    def _linked_ids(self) -> set[str]:
        """Every claim id a decision's supersession or evidence, or a merge or split of groups, names."""
        data = self._data
        linked = {d.superseded_by for d in data.decisions.values() if d.superseded_by}
        linked.update(e for d in data.decisions.values() for e in d.evidence if not is_http_url(e))
        linked.update(c for pair in data.merges for c in pair)
        linked.update(data.splits)
        return linked

    def _remap_ids(self, remap: dict[str, str]) -> None:
        data = self._data
        linked: list[str] = []
        for cid, d in list(data.decisions.items()):
            by = remap.get(d.superseded_by or "", d.superseded_by)
            ev = tuple(remap.get(e, e) for e in d.evidence)
            if by != d.superseded_by or ev != d.evidence:
                data.decisions[cid] = replace(d, superseded_by=by, evidence=ev)
                linked.append(cid)
        data.merges = [(remap.get(a, a), remap.get(b, b)) for a, b in data.merges]
        data.splits = [remap.get(s, s) for s in data.splits]
        at = sess.utcnow()
        self._step += 1
        rows = [
            sess.HistoryEntry(
                self._step, at, self.reviewer, "reattach", "decision", new, {"id": old}, {"id": new}
            )
            for old, new in remap.items()
        ]
        for h in rows:
            data.add_history(h)
        self._changed()
        self._log_change("*", "")
        # (journaled with the reviewer's first change: a review closed before one re-attaches them again)
        touched = [("decision", k) for pair in remap.items() for k in pair]
        touched += [("decision", cid) for cid in linked]
        self._journal_step(rows, [*touched, ("groups", "")], now=False)

    def _overrides(self) -> GroupOverrides:
        return GroupOverrides(merges=list(self._data.merges), splits=list(self._data.splits))

    def _reindex(self) -> None:
        self._index = {c.id: c for c in self.corpus.all_claims() if not self.corpus.is_evidence(c)}
        if self.loading is None:  # (a preview's articles and claims are the opened review's: left alone)
            self._apply_overrides()

    def _apply_overrides(self) -> None:
        """Put the reviewer's titles, outlets and speakers on the Article and Claim objects handed out."""
        for a in self.corpus.articles:
            rec = self._data.articles.get(a.key)
            title, outlet = self._orig_meta.get(a.key, (a.title, a.outlet))
            a.title = rec.title if rec is not None and rec.title is not None else title
            a.outlet = rec.outlet if rec is not None and rec.outlet is not None else outlet
        index, dec = self._index, self._data.decisions
        for cid, d in dec.items():
            if d.speaker is not None and cid in index and cid not in self._orig_speaker:
                self._orig_speaker[cid] = index[cid].speaker
        for cid, orig in list(self._orig_speaker.items()):
            c = index.get(cid)
            if c is None:
                continue
            mine = dec.get(cid)
            c.speaker = mine.speaker if mine is not None and mine.speaker is not None else orig

    # -----------------------------------------------------------------------------------------
    # Reading

    @property
    def readonly_reason(self) -> str | None:
        """Why nothing can be changed or saved (None when the session is writable): locked by another
        factcheck, a read-only file, folder or file system, a full disk, a refused symlink, or --readonly."""
        if not self.readonly:
            return None
        return self.lock_message or f"{self.path}: opened read-only (--readonly); nothing is saved"

    @property
    def readonly_short(self) -> str | None:
        """Why nothing can be changed, in a few words for a line of its own (None when the session is
        writable): what a refused key says (``readonly_reason`` is the whole of it, shown when the review
        opens). "s.toml.bak1 is a backup of s.toml", "s.toml is open in another factcheck"."""
        if not self.readonly:
            return None
        if self.readonly_why:
            return self.readonly_why
        return (
            "opened read-only (--readonly)"
            if self.lock_message is None
            else f"{self.path.name} cannot be written"
        )

    def _loading_text(self) -> str:
        """What a preview says about its loading: still loading the batch (n/N articles read)."""
        assert self.loading is not None
        done, total = self.loading
        read = f" ({done:,}/{total:,} articles read)" if done < total else " (grouping)"
        if not total:
            files = f", {self.files_read[0]:,} of {self.files_read[1]:,} files" if self.files_read else ""
            read = f" ({done:,} articles read{files})"
        return f"still loading the batch{read}"

    def _check_loaded(self, what: str) -> None:
        """On a preview, what needs the whole batch is refused (``what``: "groups can be merged")."""
        if self.loading is not None:
            raise ReviewError(f"{self._loading_text()}: {what} once it is read and grouped")

    @property
    def version(self) -> int:
        """A number that changes with every change of the session (a decision, a merge, an article's date,
        the cursor): what a screen drew at one version is still right while it holds."""
        return self._version

    def changes_since(self, version: int) -> set[tuple[str, str]] | None:
        """What changed after ``version`` (a value of ``version`` read before), as (kind, key): "decision" and
        "manual" with a claim id, "article" with an article key, "groups" with "". Empty when only the cursor
        moved. None when it cannot tell (too long ago, or claim ids were re-attached): redo everything then."""
        if version < self._log_floor:
            return None
        out = {(kind, key) for v, kind, key in self._log if v > version}
        return None if any(kind == "*" for kind, _ in out) else out

    def _changed(self) -> None:
        """A change of the work (a decision, an edit, a merge, re-attached ids): the cursor's is ``set_cursor``."""
        self._version += 1
        self._work_version = self._version

    @property
    def dirty(self) -> bool:
        """Anything to write, the cursor's place included."""
        return self._version != self._saved_version

    @property
    def unsaved(self) -> bool:
        """Work not saved yet: what the status line calls "unsaved" (a cursor move alone is not: it said
        "unsaved" after every `j` until the slow cursor autosave, with nothing to lose)."""
        return self._work_version > self._saved_upto

    @property
    def data(self) -> sess.SessionData:
        return self._data

    @property
    def orphans(self) -> list[Decision]:
        return [d for cid, d in self._data.decisions.items() if cid not in self._index]

    def orphan_why(self, d: Decision) -> str:
        """Why the orphaned decision ``d`` is on no claim, in a few words: its article gone, its sentence gone
        from the article's text, or its sentence still there but no longer read as a claim (page furniture, or
        a sentence the extractor no longer keeps, as after an update of factcheck)."""
        art = self.corpus.article(d.article)
        if art is None:
            return "its article is no longer in the corpus"
        at = art.text.find(d.text) if d.text else -1
        if at < 0:
            return "its sentence is no longer in the article's text (edited)"
        part = next((s for s in art.furniture_segments if s.start <= at < s.end), None)
        if part is not None:
            why = f": {part.reason}" if part.reason else ""
            return f"its sentence is still in the article, now read as page furniture{why}"
        return "its sentence is still in the article, no longer read as a claim"

    @property
    def dangling_links(self) -> list[tuple[str, str, str]]:
        """``(claim id, how, linked id)`` for each link a decision on a claim of the batch makes to a claim that
        is no longer in it (its article gone, or edited past re-attaching): ``how`` is "superseded by" or
        "evidence". The decision itself is kept; the link is shown as it was saved."""
        index = self._index
        out = []
        for cid, d in self._data.decisions.items():
            if cid not in index:
                continue  # an orphan: listed as such
            if d.verdict == Verdict.SUPERSEDED and d.superseded_by and d.superseded_by not in index:
                out.append((cid, "superseded by", d.superseded_by))
            out.extend((cid, "evidence", e) for e in d.evidence if not is_http_url(e) and e not in index)
        return out

    @property
    def cursor(self) -> tuple[str | None, str | None]:
        return self._data.cursor

    def claims(self, article_key: str, *, include_dismissed: bool = False) -> list[Claim]:
        evidence = self.corpus.is_evidence  # (a sentence kept as grouping evidence is no claim)
        out = [c for c in self.corpus.claims.get(article_key, []) if not evidence(c)]
        if include_dismissed:
            return out
        dec = self._data.decisions
        return [c for c in out if not (c.id in dec and dec[c.id].dismissed)]

    def claim(self, claim_id: str) -> Claim:
        try:
            return self._index[claim_id]
        except KeyError:
            raise ReviewError(f"unknown claim id {claim_id!r}{self._why_unknown(claim_id)}") from None

    def _why_unknown(self, claim_id: str) -> str:
        """Why a claim id this session's decisions used is no claim now (its article changed: a claim id comes
        from its article's content), or ""."""
        moved = next((new for old, new, _score in self.report.reattached if old == claim_id), None)
        if moved is not None:
            return f": its article changed, and its decision now follows claim {moved}"
        if claim_id in self.report.orphaned_gone:
            return ": its article is no longer in the corpus (its decision is kept, attached to no claim)"
        if claim_id in self.report.orphaned:
            return ": no longer in its article (its decision is kept, attached to no claim)"
        return ""

    def group_claims(self, group: EventGroup) -> list[Claim]:
        """The claims of an event group, in the group's order: its members a reviewer can decide on (a sentence
        kept as grouping evidence only is a member but no claim, so it is left out)."""
        return [self._index[cid] for cid in group.claims if cid in self._index]

    def merged_by_reviewer(self, group: EventGroup) -> bool:
        """Whether a reviewer's merge (``m``, ``factcheck merge``) joined claims of this group: the grouper's
        reason then covers only what it found alike by itself."""
        ids = set(group.claims)
        return any(a in ids and b in ids for a, b in self._data.merges)

    def decision(self, claim_id: str) -> Decision:
        d = self._data.decisions.get(claim_id)
        if d is not None:
            return d
        c = self.claim(claim_id)
        return Decision(claim_id=c.id, article=c.article_key, text=c.text[: sess.TEXT_KEEP])

    def progress(self) -> dict[Verdict, int]:
        """The batch's claims per verdict, counted as ``article_progress`` counts them."""
        out = dict.fromkeys(Verdict, 0)
        for a in self.corpus.articles:
            for v, n in self.article_progress(a.key).items():
                out[v] += n
        return out

    def hidden(self) -> int:
        """Claims of the batch left out of ``progress``: under the check-worthiness threshold, no verdict."""
        return sum(self.article_hidden(a.key) for a in self.corpus.articles)

    def notices(self, article: Article) -> list[str]:
        """What to warn the reviewer about an article (``Article.notices``), less the clash of its dates
        once the reviewer has set its publication date (they decided which one holds); a copy's original is
        named by its outlet and title, not its key."""
        rec = self._data.articles.get(article.key)
        notices = list(article.notices)
        if rec is not None and rec.published is not None:
            notices = [n for n in notices if not is_date_notice(n)]
        return originals_named(article, notices, self.corpus.article)

    def article_progress(self, article_key: str) -> dict[Verdict, int]:
        """An article's claims per verdict, as the reviewer is shown them: those at or above the batch's
        check-worthiness threshold (``Corpus.is_shown``) and any other that has a verdict, so that reviewing
        what is shown reaches 100% and no decision goes uncounted (``status``, ``report`` and the TUI count
        these, whether the TUI's ``w`` shows the others or not). A dismissed claim is never counted."""
        out = dict.fromkeys(Verdict, 0)
        dec = self._data.decisions
        shown = self.corpus.is_shown
        for c in self.claims(article_key):
            d = dec.get(c.id)
            verdict = d.verdict if d else Verdict.UNREVIEWED
            if verdict != Verdict.UNREVIEWED or shown(c):
                out[verdict] += 1
        return out

    def article_hidden(self, article_key: str) -> int:
        """An article's claims left out of ``article_progress``: under the threshold, with no verdict."""
        dec = self._data.decisions
        shown = self.corpus.is_shown
        return sum(
            1
            for c in self.claims(article_key)
            if not shown(c) and (c.id not in dec or dec[c.id].verdict == Verdict.UNREVIEWED)
        )

    def suggestions_for(self, claim_id: str) -> list[Suggestion]:
        self.claim(claim_id)
        self.ensure_groups()
        g = self.corpus.group_of(claim_id)
        if g is None:
            return []
        return [s for s in g.suggestions if claim_id in (s.claim, s.by)]

    def _superseding_chain(self, claim_id: str) -> list[str]:
        """The claims that overtook ``claim_id``, in turn: its superseding claim, that one's, and so on (a
        loop made by a hand edit ends it)."""
        out: list[str] = []
        d = self._data.decisions.get(claim_id)
        while d is not None and d.verdict == Verdict.SUPERSEDED and d.superseded_by:
            if d.superseded_by == claim_id or d.superseded_by in out:
                break
            out.append(d.superseded_by)
            d = self._data.decisions.get(d.superseded_by)
        return out

    def superseding_candidates(self, claim_id: str) -> list[Claim]:
        """The claims that may supersede ``claim_id``: the suggested ones, its group's later reports (other
        articles' first, then this article's later sentences), then the rest by likeness; never one it
        supersedes itself (directly or along a chain)."""
        c = self.claim(claim_id)
        suggested = [
            s.by for s in self.suggestions_for(claim_id) if s.kind == "supersedes" and s.claim == claim_id
        ]
        out: list[Claim] = []
        overtaken = {  # the claims this one supersedes: picking one would make a loop
            cid
            for cid, d in self._data.decisions.items()
            if d.verdict == Verdict.SUPERSEDED and claim_id in self._superseding_chain(cid)
        }
        seen = {claim_id} | overtaken
        for cid in suggested:
            if cid in self._index and cid not in seen:
                out.append(self._index[cid])
                seen.add(cid)
        g = self.corpus.group_of(claim_id)
        mine = self._published(c.article_key)
        if g is not None:
            later = []
            for cid in g.claims:
                o = self._index.get(cid)
                if o is None or cid in seen or (o.article_key == c.article_key and o.start <= c.start):
                    continue
                p = self._published(o.article_key)
                if mine is None or p is None or p >= mine:
                    later.append(o)
            # other articles' reports first (a later sentence of this article is no later report of it), each
            # by date, then this article's own later sentences
            later.sort(
                key=lambda o: (
                    o.article_key == c.article_key,
                    self._published(o.article_key) or dt.date.max,
                    o.article_key,
                    o.start,
                )
            )
            for o in later:
                out.append(o)
                seen.add(o.id)
        dismissed = {cid for cid, d in self._data.decisions.items() if d.dismissed}
        index = self._index
        rest = [
            o
            for o in self.corpus.all_claims()
            if o.id in index and o.id not in seen and o.id not in dismissed
        ]
        # The rest: other articles' claims most like this one first (a later report of the same thing),
        # then this article's own claims. Likeness of the sorted words: token_set_ratio scored a short claim
        # whose few words are all in this one ('The company said it expects ...') above a report of the same
        # event (a subset scores near 100: shared/LIBRARIES.md). Only the words that can tell one event from
        # another count, each in its article's language: a German claim is no likelier for sharing "der",
        # "die" and "und" with another (`grouping.words`' content words).
        # Each claim's words are made once (a claim id names one text) and scored in one rapidfuzz call, and
        # the scores are ordered by numpy (a stable sort: equal scores keep the batch's order), not by a
        # Python key function called for each of the batch's claims.
        import numpy as np
        from rapidfuzz import fuzz, process

        others = [o for o in rest if o.article_key != c.article_key]
        words = self._words_of_event([c, *others])
        likeness = process.cdist([words[0]], words[1:], scorer=fuzz.token_sort_ratio, dtype=np.float32)
        out.extend(others[i] for i in np.argsort(-likeness[0], kind="stable"))
        out.extend(o for o in rest if o.article_key == c.article_key)
        return out

    def _words_of_event(self, claims: list[Claim]) -> list[str]:
        """Each claim's words that can tell one event from another, in its article's language (all its words
        when none can: two empty texts would be alike). Made once a claim, those missing in one pass with the
        batch's languages looked up in a dict (``corpus.article`` walks the articles: called for each of a
        big batch's claims, it took most of the picker's first opening)."""
        made = self._event_words
        missing = [o for o in claims if o.id not in made]
        if missing:
            from rapidfuzz import utils

            from factcheck.grouping.words import _content_tokens

            language = {a.key: a.language for a in self.corpus.articles}
            for o in missing:
                tokens = _content_tokens(o.text, language.get(o.article_key))
                made[o.id] = " ".join(tokens) or utils.default_process(o.text)
        return [made[o.id] for o in claims]

    def earlier_report(self, claim_id: str, by: str) -> str | None:
        """What to say when ``by`` is no later report of ``claim_id`` (a superseded claim is overtaken by a
        later report): its article was published before ``claim_id``'s. None when it was not, or when either
        date is unknown. Said, not refused: a publication date can be wrong."""
        mine, theirs = (
            self._published(self.claim(claim_id).article_key),
            self._published(self.claim(by).article_key),
        )
        if mine is None or theirs is None or theirs >= mine:
            return None
        return (
            # named as the undo names them (an id alone said nothing in the review), the id kept for `mark`
            f"{self.named_superseding(by)} ({by}) was published {theirs.isoformat()}, before"
            f" {self.named_claim(claim_id)} ({mine.isoformat()}): a superseded claim is one overtaken by a"
            " later report"
        )

    def _published(self, key: str) -> dt.date | None:
        a = self.corpus.article(key)
        return a.published if a else None

    @property
    def can_undo(self) -> bool:
        return not self.readonly and bool(self._stacks()[0])

    @property
    def can_redo(self) -> bool:
        return not self.readonly and bool(self._stacks()[1])

    def _stacks(self) -> tuple[list[_Step], list[_Step]]:
        """The undo and redo stacks, rebuilt once from the session history (so undo reaches back into
        earlier sittings), then kept up to date in memory. Steps rebuilt from the history get their
        re-attached claim ids and description only when they are undone or redone (``_ready``)."""
        if self._undo_built:
            return self._undo, self._redo
        self._undo_built = True
        undo: list[_Step] = []
        redo: list[_Step] = []
        last: tuple[int, str] | None = None
        for h in self._data.history:
            op = h.op
            if op == "reattach":
                old, new = h.before.get("id"), h.after.get("id")
                if isinstance(old, str) and isinstance(new, str):
                    self._remap[old] = new
                continue
            change = (h.kind, h.key, h.before, h.after)
            if last == (h.step, op):  # another change of the same action
                if op in _UNDOABLE:
                    undo[-1].changes.append(change)
                continue
            last = (h.step, op)
            if op == "undo":
                if undo:
                    redo.append(undo.pop())
            elif op == "redo":
                if redo:
                    undo.append(redo.pop())
            elif op in _UNDOABLE:
                undo.append(_Step(op, [change]))
                redo.clear()
            else:  # merges of sessions and unknown operations are barriers
                undo.clear()
                redo.clear()
        self._undo, self._redo = undo, redo
        return undo, redo

    def _ready(self, step: _Step) -> _Step:
        """A step rebuilt from the history, with claim ids re-attached since and its description."""
        if not step.desc:
            if self._remap:
                step.changes = [_remap_change(c, self._remap) for c in step.changes]
            step.desc = self._describe(step.op, step.changes)
        return step

    def claim_text(self, claim_id: str) -> str:
        """A claim's words: the batch's claim, else the words its decision stored ("" when neither has them)."""
        c = self._index.get(claim_id)
        if c is not None:
            return c.text
        d = self._data.decisions.get(claim_id)
        return (d.text or "") if d is not None else ""

    def named_claim(self, claim_id: str) -> str:
        """A claim as a reviewer recognises it in a message: its first words (its id when it is not read)."""
        text = self.claim_text(claim_id)
        return _quoted(text) if text.strip() else claim_id

    def named_article(self, key: str) -> str:
        """An article as a reviewer recognises it: its outlet and the first words of its title."""
        a = self.corpus.article(key)
        return article_named(a) if a is not None else one_line(key)

    def named_superseding(self, claim_id: str) -> str:
        """The claim a claim is superseded by, as a reviewer recognises it: its outlet, then its first words
        (undo's messages, a merge's conflicting sides)."""
        c = self._index.get(claim_id)
        a = self.corpus.article(c.article_key) if c is not None else None
        name = one_line(a.outlet or Path(a.key).name) if a is not None else ""
        return f"{name} {self.named_claim(claim_id)}".strip()

    def _describe(self, op: str, changes: list[_Change]) -> str:
        """What an undoable step did, in the words a reviewer recognises: the claim's first words, the
        article's outlet and title, the outlet and words of a superseding claim (ids only when no text is
        known). Shown after "undone: " / "redone: " and in the errors of undo and redo."""
        kind, key, before, after = changes[0]
        if op == "mark":
            by = after.get("superseded_by")
            verdict = after.get("verdict") or self.decision(key).verdict
            given = f"{verdict}" + (f" by {self.named_superseding(by)}" if by else "")
            if before.get("conflicts"):  # a verdict given to a claim in conflict settles it (`r`, or c/d/s)
                return f"resolve the conflict on {self.named_claim(key)}: {given}"
            return f"mark {self.named_claim(key)} {given}"
        if op == "apply_to_group":
            return (
                f"mark {len(changes)} claim(s) of the event of {self.named_claim(key)} {after.get('verdict', '')}"
            ).rstrip()
        if op in ("merge_groups", "take_out"):
            pair = [p for p in after.get("merges", []) if p not in before.get("merges", [])]
            out = [c for c in after.get("splits", []) if c not in before.get("splits", [])]
            if op == "merge_groups" and pair and len(pair[-1]) == 2:
                a, b = pair[-1]
                return f"merge the events of {self.named_claim(a)} and {self.named_claim(b)}"
            if op == "take_out" and out:
                return f"take {self.named_claim(out[-1])} out of its event"
            return "merge events" if op == "merge_groups" else "take a claim out of its event"
        if op == "add_claim":
            text = after.get("text")
            return (
                f"add claim {_quoted(text)}" if isinstance(text, str) and text.strip() else f"add claim {key}"
            )
        if kind == "article":
            what = {"published": "publication date", "title": "title", "outlet": "outlet"}.get(op, op)
            return f"{what} of {self.named_article(key)}"
        if op == "evidence" and len(after.get("evidence", ())) < len(before.get("evidence", ())):
            return f"remove evidence from {self.named_claim(key)}"
        words = {"note": "note on", "evidence": "evidence for", "speaker": "speaker of"}.get(op, op)
        return f"{words} {self.named_claim(key)}"

    # -----------------------------------------------------------------------------------------
    # Mutations

    def try_writable(self) -> bool:
        """Whether changes can be made now. A session opened read-only because another factcheck held it
        becomes writable once that one has closed, if its file is still as this review read it (the lock is
        taken then); if the other one saved it meanwhile, it stays read-only and says to reopen it."""
        if not self.readonly:
            return True
        if not self._locked_out or self.loading is not None or self._data.unknown_fields:
            return False
        try:
            lock = sess.SessionLock.acquire(self.path)
        except SessionError:
            return False  # still held (the message stays)
        stale = None  # (why this review stays read-only, said in the message and the status line)
        if sess.FileState.of(self.path) != self._file_state:
            stale = (
                f"{self.path} was saved by another factcheck after this one read it; opened read-only —"
                " quit and reopen to see its changes and make yours",
                f"{self.path.name} was saved by another factcheck: reopen it",
            )
        elif not _journal_as_read(self.path, self._data.journal):
            stale = (
                f"{self.path}: the other factcheck left changes in its journal after this one read it; opened"
                " read-only — quit and reopen to see them and make yours",
                f"{self.path.name} has a journal of changes: reopen it",
            )
        if stale is not None:
            lock.release()
            self._locked_out = False
            self.lock_message, self.readonly_why = stale
            return False
        sess.remove_stale_temp(self.path)
        self._lock, self.readonly, self.lock_message, self._locked_out = lock, False, None, False
        self.readonly_why = None
        self._open_journal()
        return True

    def _check_writable(self) -> None:
        if not self.try_writable():
            raise ReviewError(self.readonly_reason or f"{self.path}: the session is open read-only")

    def _do(self, op: str, changes: list[_Change], *, how: str = "") -> None:
        """Make and record one undoable step; its description (``how`` ends it) names the claims and
        articles as the reviewer sees them once it is made, as a step rebuilt from the history is."""
        changes = [c for c in changes if c[2] != c[3]]
        if not changes:
            return
        self._apply(changes, forward=True)
        desc = self._describe(op, changes) + how
        self._record(op, changes)
        if self._undo_built:
            self._undo.append(_Step(op, changes, desc))
            self._redo.clear()

    def _record(self, op: str, changes: list[_Change]) -> None:
        self._step += 1
        at = sess.utcnow()
        rows = [
            sess.HistoryEntry(self._step, at, self.reviewer, op, kind, key, before, after)
            for kind, key, before, after in changes
        ]
        for h in rows:
            self._data.add_history(h)
        self._changed()
        for kind, key, _, _ in changes:
            self._log_change(kind, key)
        self._journal_step(rows, [(kind, key) for kind, key, _, _ in changes])

    def _open_journal(self) -> None:
        """A writable review appends each change to the session's journal as it is made (a preview has one of
        its own, which the opened review replaces when it takes its steps over: ``take_over``)."""
        if not self.readonly and self.loading is None and self._journal is None:
            self._journal = Journal(self.path, self._data.checksum or "", self._data.journal)

    def _replayed(self) -> bool:
        """Whether changes read from a journal (made after the last save) were made again on the session."""
        read = self._data.journal
        return read is not None and read.steps > 0

    def _journal_step(
        self, rows: list[sess.HistoryEntry], touched: list[tuple[str, str]], *, now: bool = True
    ) -> None:
        j = self._journal
        if j is None or not rows:
            return
        j.add(step_line(rows[0].step, rows, self._data, touched), now=now and not self._journal_held)

    @property
    def journal_error(self) -> str | None:
        """Why the journal could not be written (the changes are saved with the session), or None."""
        return self._journal.error if self._journal is not None else None

    _LOG_KEPT = 2000  # changes remembered for changes_since

    def _log_change(self, kind: str, key: str) -> None:
        self._log.append((self._version, kind, key))
        while len(self._log) > self._LOG_KEPT:
            self._log_floor = self._log.popleft()[0]

    def _apply(self, changes: list[_Change], *, forward: bool) -> None:
        if self._pending is not None and any(_moves_groups(c) for c in changes):
            self._check_grouped("event groups, dates and claims added by hand can be changed")
        regroup = False
        reextract: set[str] = set()
        speakers: set[str] = (
            set()
        )  # (a preview) the claims whose speaker, articles whose title/outlet changed
        retitled: set[str] = set()
        now = sess.utcnow()
        seq = changes if forward else list(reversed(changes))
        for kind, key, before, after in seq:
            vals = after if forward else before
            if kind == "decision":
                d = self._data.decisions.get(key) or self.decision(key)
                new = replace(d, **_decision_values(vals), reviewer=self.reviewer, updated=now)
                if new.is_empty:
                    self._data.decisions.pop(key, None)
                else:
                    self._data.decisions[key] = new
                if "speaker" in vals:
                    speakers.add(key)
            elif kind == "article":
                rec = self._data.articles.get(key) or sess.ArticleRecord(key)
                names = (set(before) | set(after)) & set(_ARTICLE_FIELDS)
                fields: dict[str, Any] = {n: vals.get(n) for n in names}
                self._data.articles[key] = replace(rec, **fields)
                if "published" in names:
                    reextract.add(key)
                if names & {"title", "outlet"}:
                    retitled.add(key)
            elif kind == "groups":
                self._data.merges = [(a, b) for a, b in vals.get("merges", [])]
                self._data.splits = list(vals.get("splits", []))
                regroup = True
            elif kind == "manual":
                if vals:
                    self._data.manual[key] = sess.ManualClaim(
                        key, vals["article"], vals["start"], vals["end"], vals["text"], self.reviewer, now
                    )
                    art = self.corpus.article(vals["article"])
                    assert art is not None
                    claims = self.corpus.claims.setdefault(vals["article"], [])
                    claims.append(self._manual_claim(key, vals["article"], vals["start"], vals["end"]))
                    claims.sort(key=lambda c: (c.start, c.end))
                else:
                    m = self._data.manual.pop(key, None)
                    if m is not None:
                        claims = self.corpus.claims.get(m.article, [])
                        claims[:] = [c for c in claims if c.id != key]
                regroup = True
        for key in reextract:
            art = self.corpus.article(key)
            if art is None:
                continue
            store: _cache.Cache | None = None
            if self.loading is not None:  # a preview: its own copy (no cache: the opener's thread uses it)
                art = self._own_copy(art)
                store = _cache.Cache(enabled=False)
            pub = self._data.articles[key].published
            if pub is None:
                art.published, art.published_source = self._orig_published.get(key, (None, None))
            self.corpus.claims[key] = pipeline.extract_article(art, pub, cache=store)
            self._add_manual_claims(only=key)
            regroup = True
            if self.loading is not None:  # claims of its own: their reviewer-set speakers are put back
                for c in self.corpus.claims[key]:
                    self._owned[c.id] = c
                    self._orig_speaker[c.id] = c.speaker
                    speakers.add(c.id)
        if regroup and self._regroup_later is not None:
            self._regroup_later = True
        elif regroup and self.loading is None and self._grouped:  # (a preview has no groups yet)
            pipeline.regroup(self.corpus, self._overrides())
        # (a review not grouped, or left ungrouped: its groups stay due until ensure_groups)
        self._reindex()
        if self.loading is not None:
            self._show_on_copies(speakers, retitled)

    def _show_on_copies(self, speakers: set[str], retitled: set[str]) -> None:
        """A preview shows the reviewer's speakers (of the claims ``speakers``), titles and outlets (of the
        articles ``retitled``) on copies of its own: what it was given belongs to the review being opened."""
        for key in retitled:
            art = self.corpus.article(key)
            if art is None:
                continue
            art = self._own_copy(art)
            rec = self._data.articles.get(key)
            title, outlet = self._orig_meta[key]
            art.title = rec.title if rec is not None and rec.title is not None else title
            art.outlet = rec.outlet if rec is not None and rec.outlet is not None else outlet
        for key in speakers:
            c = self._index.get(key)
            if c is None:
                continue
            if self._owned.get(key) is not c:
                self._orig_speaker.setdefault(key, c.speaker)
                mine = copy.copy(c)
                claims = self.corpus.claims[c.article_key]
                claims[next(i for i, x in enumerate(claims) if x is c)] = mine
                self._index[key] = self._owned[key] = c = mine
            d = self._data.decisions.get(key)
            c.speaker = d.speaker if d is not None and d.speaker is not None else self._orig_speaker[key]

    def _own_copy(self, art: Article) -> Article:
        """A preview's own copy of ``art`` (in its corpus, in place of the opened review's article)."""
        if art.key in self._orig_published:
            return art  # copied already
        self._orig_published[art.key] = (art.published, art.published_source)
        self._orig_meta[art.key] = (art.title, art.outlet)
        mine = copy.copy(art)
        mine.notices = list(art.notices)
        arts = self.corpus.articles
        arts[next(i for i, a in enumerate(arts) if a is art)] = mine
        return mine

    def _dchange(self, claim_id: str, **after: Any) -> _Change:
        d = self.decision(claim_id)
        before = _decision_fields(d, after.keys())
        new = _decision_fields(replace(d, **_decision_values(after)), after.keys())
        changed = [k for k in new if new[k] != before[k]]
        return ("decision", claim_id, {k: before[k] for k in changed}, {k: new[k] for k in changed})

    @_kept_while_loading
    def mark(
        self, claim_id: str, verdict: Verdict | str, *, note: str | None = None, by: str | None = None
    ) -> None:
        self._check_writable()
        self.claim(claim_id)
        try:
            v = Verdict(verdict)
        except ValueError:
            raise ReviewError(f"unknown verdict {verdict!r} (use one of: {', '.join(Verdict)})") from None
        if v == Verdict.SUPERSEDED:
            if not by:
                raise ReviewError("a superseded claim needs the id of the claim that supersedes it")
            if by == claim_id:
                raise ReviewError("a claim cannot supersede itself")
            self.claim(by)
            if claim_id in self._superseding_chain(by):
                raise ReviewError(f"{by} cannot supersede {claim_id}: {claim_id} supersedes it already")
        elif by:
            raise ReviewError(f"only a superseded claim takes a superseding claim id (verdict is {v})")
        fields: dict[str, Any] = {
            "verdict": v,
            "superseded_by": by if v == Verdict.SUPERSEDED else None,
            "conflicts": (),
        }
        if note is not None:
            fields["note"] = _no_blank_note(note)
        self._do("mark", [self._dchange(claim_id, **fields)])

    @_kept_while_loading
    def set_note(self, claim_id: str, note: str) -> None:
        self._check_writable()
        self.claim(claim_id)
        self._do("note", [self._dchange(claim_id, note=_no_blank_note(str(note)))])

    def _evidence_item(self, claim_id: str, item: str) -> str:
        """``item`` as evidence for ``claim_id``: an http(s) URL or another claim's id (stripped)."""
        item = item.strip()
        if not (is_http_url(item) or item in self._index):
            raise ReviewError(f"evidence must be an http(s) URL or a claim id, not {item!r}")
        if item == claim_id:
            raise ReviewError(f"{claim_id} cannot be its own evidence; give another claim's id or a URL")
        return item

    @_kept_while_loading
    def add_evidence(self, claim_id: str, item: str) -> None:
        self._check_writable()
        self.claim(claim_id)
        item = self._evidence_item(claim_id, item)
        d = self.decision(claim_id)
        if item in d.evidence:
            return
        self._do("evidence", [self._dchange(claim_id, evidence=(*d.evidence, item))])

    @_kept_while_loading
    def apply_check(
        self,
        claim_id: str,
        verdict: Verdict | str | None,
        *,
        note: str | None = None,
        evidence: str | None = None,
    ) -> bool:
        """Apply an earlier check (claim memory) as ONE undoable step: the verdict (confirmed or disputed,
        with ``note``) and/or its link as evidence. Returns False when it changes nothing."""
        self._check_writable()
        self.claim(claim_id)
        d = self.decision(claim_id)
        fields: dict[str, Any] = {}
        if verdict is not None:
            try:
                v = Verdict(verdict)
            except ValueError:
                raise ReviewError(f"unknown verdict {verdict!r} (use one of: {', '.join(Verdict)})") from None
            if v not in (Verdict.CONFIRMED, Verdict.DISPUTED):
                raise ReviewError(f"an earlier check gives a confirmed or disputed verdict, not {v}")
            fields.update(verdict=v, superseded_by=None, conflicts=())
            if note is not None:
                fields["note"] = note
        if evidence is not None:
            item = self._evidence_item(claim_id, evidence)
            if item not in d.evidence:
                fields["evidence"] = (*d.evidence, item)
        change = self._dchange(claim_id, **fields)
        if not change[3]:
            return False
        if "evidence" in change[3] and len(change[3]) == 1:
            self._do("evidence", [change])
        else:
            self._do("mark", [change], how=" from an earlier check")
        return True

    @_kept_while_loading
    def remove_evidence(self, claim_id: str, item: str) -> None:
        self._check_writable()
        d = self.decision(claim_id)
        ev = tuple(e for e in d.evidence if e != item)
        self._do("evidence", [self._dchange(claim_id, evidence=ev)])

    @_kept_while_loading
    def dismiss(self, claim_id: str) -> None:
        self._check_writable()
        self.claim(claim_id)
        self._do("dismiss", [self._dchange(claim_id, dismissed=True)])

    @_kept_while_loading
    def restore(self, claim_id: str) -> None:
        self._check_writable()
        self.claim(claim_id)
        self._do("restore", [self._dchange(claim_id, dismissed=False)])

    def add_claim(self, article_key: str, start: int, end: int) -> Claim:
        self._check_writable()
        self._check_loaded("claims can be added")
        self._check_grouped("claims can be added")
        art = self.corpus.article(article_key)
        if art is None:
            raise ReviewError(f"unknown article {article_key!r}")
        while start < end and start < len(art.text) and art.text[start].isspace():
            start += 1
        while end > start and art.text[end - 1].isspace():
            end -= 1
        if not (0 <= start < end <= len(art.text)):
            raise ReviewError(f"span {start}-{end} is empty or outside the article (length {len(art.text)})")
        cid = manual_claim_id(article_key, start, end)
        if cid in self._index:
            return self._index[cid]
        after = {"article": article_key, "start": start, "end": end, "text": art.text[start:end]}
        self._do("add_claim", [("manual", cid, {}, after)])
        return self._index[cid]

    @_kept_while_loading
    def set_published(self, article_key: str, date: dt.date | None) -> None:
        self._check_writable()
        if self.corpus.article(article_key) is None:
            raise ReviewError(f"unknown article {article_key!r}")
        self._check_grouped("a publication date can be set (its claims are read again)")
        if isinstance(date, dt.datetime):
            date = date.date()
        ahead = future_publication(date) if date else None
        if ahead:
            raise ReviewError(ahead)
        rec = self._data.articles.get(article_key)
        before = _clean({"published": rec.published if rec else None})
        after = _clean({"published": date})
        self._do("published", [("article", article_key, before, after)])

    @_kept_while_loading
    def set_title(self, article_key: str, title: str | None) -> None:
        """Set the article's title as the reviewer knows it (None or blank: back to the article's own)."""
        self._set_article_text(article_key, "title", title)

    @_kept_while_loading
    def set_outlet(self, article_key: str, outlet: str | None) -> None:
        """Set the outlet that published the article (None or blank: back to the one read from it)."""
        self._set_article_text(article_key, "outlet", outlet)

    def _set_article_text(self, article_key: str, name: str, value: str | None) -> None:
        self._check_writable()
        if self.corpus.article(article_key) is None:
            raise ReviewError(f"unknown article {article_key!r}")
        new = _one_line(value, name)
        rec = self._data.articles.get(article_key)
        before = _clean({name: getattr(rec, name) if rec else None})
        self._do(name, [("article", article_key, before, _clean({name: new}))])

    @_kept_while_loading
    def set_speaker(self, claim_id: str, speaker: str | None) -> None:
        """Set who made the claim (None or blank: back to the extracted speaker)."""
        self._check_writable()
        self.claim(claim_id)
        new = _one_line(speaker, "speaker")
        self._do("speaker", [self._dchange(claim_id, speaker=new)])

    def _groups_state(self) -> dict[str, Any]:
        return {"merges": [list(p) for p in self._data.merges], "splits": list(self._data.splits)}

    def merge_groups(self, claim_a: str, claim_b: str) -> None:
        self._check_writable()
        self._check_loaded("events can be merged")
        self._check_grouped("events can be merged")
        self.claim(claim_a)
        self.claim(claim_b)
        if claim_a == claim_b:
            raise ReviewError("cannot merge a claim's group with itself")
        before = self._groups_state()
        merges = [p for p in before["merges"] if sorted(p) != sorted([claim_a, claim_b])] + [
            [claim_a, claim_b]
        ]
        splits = [s for s in before["splits"] if s not in (claim_a, claim_b)]
        self._do("merge_groups", [("groups", "", before, {"merges": merges, "splits": splits})])

    def take_out_of_group(self, claim_id: str) -> None:
        self._check_writable()
        self._check_loaded("claims can be taken out of their event")
        self._check_grouped("claims can be taken out of their event")
        self.claim(claim_id)
        before = self._groups_state()
        merges = [p for p in before["merges"] if claim_id not in p]
        splits = [s for s in before["splits"] if s != claim_id] + [claim_id]
        self._do("take_out", [("groups", "", before, {"merges": merges, "splits": splits})])

    def apply_to_group(
        self, claim_id: str, verdict: Verdict | str, *, keep_decided: bool = False, shown_only: bool = False
    ) -> list[str]:
        """Give ``verdict`` to every claim of the claim's group (dismissed ones excepted); with
        ``keep_decided`` only to those still unreviewed; with ``shown_only`` only to those shown by default
        (``Corpus.is_shown``: a claim under the check-worthiness threshold, which the reviewer was not shown,
        is left as it is). Returns the ids of the claims that changed."""
        self._check_writable()
        self._check_loaded("a verdict can be given to a whole event")
        self._check_grouped("a verdict can be given to a whole event")
        self.claim(claim_id)
        v = Verdict(verdict)
        if v == Verdict.SUPERSEDED:
            raise ReviewError("mark superseded claims one by one: each needs its superseding claim")
        self.ensure_groups()
        g = self.corpus.group_of(claim_id)
        ids = list(g.claims) if g else [claim_id]
        dec = self._data.decisions
        ids = [c for c in ids if c in self._index and not (c in dec and dec[c].dismissed)]
        if keep_decided:
            ids = [c for c in ids if c not in dec or dec[c].verdict == Verdict.UNREVIEWED]
        if shown_only:
            ids = [c for c in ids if self.corpus.is_shown(self._index[c])]
        changes = [self._dchange(c, verdict=v, superseded_by=None, conflicts=()) for c in ids]
        changes = [c for c in changes if c[2] != c[3]]
        self._do("apply_to_group", changes)
        return [c[1] for c in changes]

    @_kept_while_loading
    def undo(self) -> str | None:
        self._check_writable()
        undo, redo = self._stacks()
        if not undo:
            return None
        step = self._ready(undo.pop())
        try:
            self._apply(step.changes, forward=False)
        except (ReviewError, ValueError, TypeError, KeyError) as e:
            undo.append(step)
            raise ReviewError(f"cannot undo {step.desc}: {e}") from None
        self._record("undo", [(k, key, a, b) for k, key, b, a in step.changes])
        self.last_undo_changes = [(k, key) for k, key, _, _ in step.changes]
        redo.append(step)
        return step.desc

    @_kept_while_loading
    def redo(self) -> str | None:
        self._check_writable()
        undo, redo = self._stacks()
        if not redo:
            return None
        step = self._ready(redo.pop())
        try:
            self._apply(step.changes, forward=True)
        except (ReviewError, ValueError, TypeError, KeyError) as e:
            redo.append(step)
            raise ReviewError(f"cannot redo {step.desc}: {e}") from None
        self._record("redo", step.changes)
        self.last_undo_changes = [(k, key) for k, key, _, _ in step.changes]
        undo.append(step)
        return step.desc

    def set_cursor(self, article_key: str, claim_id: str | None) -> None:
        if self._data.cursor != (article_key, claim_id):
            self._data.cursor = (article_key, claim_id)
            if not self.readonly and self.loading is None:  # (a preview is saved only for its decisions)
                self._version += 1

    # -----------------------------------------------------------------------------------------
    # Saving

    def read_history_in_background(self) -> None:
        """Start reading the session's history file in a thread (the TUI calls this once the session is
        open), so that the first undo of the sitting finds the rows read; without it they are read then."""
        from factcheck.session import history

        history.prefetch(self._data)

    def snapshot(self) -> _Snapshot:
        return _Snapshot(self._data.copy(), self._version)

    def save(self, snapshot: object | None = None) -> None:
        """Atomic save; thread-safe (call it from a worker with a ``snapshot()`` taken on the UI thread).

        Raises SessionChanged (our version written beside it) when the file was changed on disk by
        something else, ReviewError when read-only.
        """
        if self.readonly:
            raise ReviewError(self.lock_message or f"{self.path}: the session is open read-only; not saved")
        snap = snapshot if isinstance(snapshot, _Snapshot) else self.snapshot()
        with self._save_lock:
            data = snap.data
            # the session's reviewer is who made it; each decision names who made it (another user saving
            # the session is no new owner: status and merge would name them for the first reviewer's work)
            data.reviewer = data.reviewer or self.reviewer
            data.saved = sess.utcnow()
            try:
                self._file_state = sess.save(
                    self.path, data, expected=self._file_state, conflict_path=self._conflict_path
                )
            except SessionChanged as e:
                self._conflict_path = e.saved_to
                raise
            if self._version == snap.version:
                self._saved_version = snap.version
            self._saved_upto = max(self._saved_upto, snap.version)

    def discard_unsaved(self) -> None:
        """Give up the changes not saved (a command that refuses its change makes none of it): their lines
        are taken back from the journal, so no later reading makes them again."""
        if self._journal is not None:
            self._journal.discard()
            self._journal = None

    def close(self) -> None:
        if self._journal is not None:  # removed when the session file holds every change
            self._journal.close(saved=not self.dirty)
            self._journal = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Review:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------------------------


def _journal_as_read(path: Path, read: Any) -> bool:
    """Whether the session's journal is as it was when the session was read (``read``: what was read then,
    None when there was none): a review made writable later writes it anew from what it read."""
    now = journal_path(path)
    try:
        size = now.stat().st_size
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return read is not None and read.size == size


def _moves_groups(change: _Change) -> bool:
    """Whether a change moves the event groups: a merge or a split, a claim added by hand (or removed), a
    publication date (the article's claims are read again)."""
    kind, _key, before, after = change
    return kind in ("groups", "manual") or (kind == "article" and "published" in {*before, *after})


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _decision_fields(d: Decision, names: Iterable[str]) -> dict[str, Any]:
    """History form of some decision fields: TOML-friendly (no None, lists not tuples, str verdicts)."""
    out: dict[str, Any] = {}
    for n in names:
        v = getattr(d, n)
        if n == "verdict":
            v = str(v)
        elif n in ("superseded_by", "speaker"):
            v = v or ""
        elif n == "evidence":
            v = list(v)
        elif n == "conflicts":
            v = [dict(c) for c in v]
        out[n] = v
    return out


def _decision_values(vals: dict[str, Any]) -> dict[str, Any]:
    """Decision field values from their history form."""
    out: dict[str, Any] = {}
    for n, v in vals.items():
        if n == "verdict":
            v = Verdict(v)
        elif n in ("superseded_by", "speaker"):
            v = v or None
        elif n == "evidence":
            v = tuple(v)
        elif n == "conflicts":
            v = tuple(dict(c) for c in v)
        elif n not in sess.DECISION_FIELDS:
            continue
        out[n] = v
    return out


_UNDOABLE = frozenset(
    {
        "mark",
        "note",
        "evidence",
        "dismiss",
        "restore",
        "add_claim",
        "published",
        "merge_groups",
        "take_out",
        "apply_to_group",
        "title",
        "outlet",
        "speaker",
    }
)

_ARTICLE_FIELDS = ("published", "title", "outlet")  # reviewer-set fields of an article record


def _one_line(value: str | None, what: str) -> str | None:
    """A reviewer-typed title, outlet or speaker: None when blank; one line, at most 500 characters."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(f"the {what} must be text, not {type(value).__name__}")
    v = " ".join(value.split())
    if len(v) > 500:
        raise ReviewError(f"the {what} is too long ({len(v)} characters; at most 500)")
    return v or None


_FIRST_WORDS = 6


def article_named(a: Article) -> str:
    """An article as a reviewer recognises it: its outlet (its file name when it has none) and the first
    words of its title."""
    outlet = one_line(a.outlet or Path(a.key).name)
    return f"{outlet} {_quoted(a.title)}" if a.title and a.title.strip() else outlet


def originals_named(
    article: Article, notices: list[str], article_of: Callable[[str], Article | None]
) -> list[str]:
    """``notices`` of ``article`` with a copy's original named as the reviewer knows it (``article_named``),
    not by its key (the core's notice, which ``extract --json`` keeps): the review and the commands' lines.
    Only " of KEY: " is replaced, so a short key that is also a word of the notice stays."""
    key = article.duplicate_of or article.near_duplicate_of
    original = article_of(key) if key else None
    if original is None:
        return notices
    name = article_named(original)
    if name == article_named(article):
        # the same outlet and title ("b.md: a copy of Lyon Mag 'Bridge closed'" did not say which is the
        # original): its file too
        name += f" ({one_line(original.key)})"
    of, named = f" of {key}: ", f" of {name}: "
    return [n.replace(of, named, 1) for n in notices]


def _first_words(text: str) -> str:
    """The first words of a claim or a title, on one line, at most 50 characters, "…" when it goes on."""
    words = text.split()
    head = clipped(" ".join(words[:_FIRST_WORDS]), 50)
    return one_line(head + ("…" if len(words) > _FIRST_WORDS and not head.endswith("…") else ""))


_SINGLE_QUOTES = "'‘’‛‚"


def _quoted(text: str) -> str:
    """The first words of a claim or a title in single quotes; in double ones when they begin or end with a
    single quote, so the marks read as what they are: a headline that opens with a quoted name read
    "Reuters ''Parasite' scores historic upset…'"."""
    words = _first_words(text)
    if words[:1] in _SINGLE_QUOTES or words.removesuffix("…")[-1:] in _SINGLE_QUOTES:
        return f'"{words}"'
    return f"'{words}'"


def _remap_change(c: _Change, remap: dict[str, str]) -> _Change:
    kind, key, before, after = c

    def fix(d: dict[str, Any]) -> dict[str, Any]:
        out = dict(d)
        if isinstance(out.get("superseded_by"), str):
            out["superseded_by"] = remap.get(out["superseded_by"], out["superseded_by"])
        if isinstance(out.get("evidence"), list):
            out["evidence"] = [remap.get(e, e) for e in out["evidence"]]
        for name in ("merges", "splits"):
            if isinstance(out.get(name), list):
                out[name] = [
                    [remap.get(x, x) for x in v] if isinstance(v, list) else remap.get(v, v)
                    for v in out[name]
                ]
        return out

    return (kind, remap.get(key, key) if kind == "decision" else key, fix(before), fix(after))


_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> list[str]:
    return _NUM.findall(text)


_PART_OVERLAP = 3  # words a part must share with a stored text it runs past the end of


def _part_of(old: str, claims: list[Claim], *, shown: Callable[[Claim], bool]) -> Claim | None:
    """The claim that now carries a decision made on a claim since cut into several (``old``, its stored
    text, is cut at ``session.TEXT_KEEP``): a claim whose words lie inside the old text, word for word
    (case and punctuation aside; a claim may run past the end of a cut text). A shown claim before a
    hidden one, then the one the old text begins with, then the longest. None when no claim lies inside."""
    want = _words(old)
    cut = len(old) >= sess.TEXT_KEEP
    if cut:
        want = want[:-1]  # (the last word may be cut)
    best: tuple[tuple[bool, bool, int], Claim] | None = None
    for c in claims:
        words = _words(c.text)
        at = _inside(want, words, cut=cut)
        if at is None:
            continue
        rank = (shown(c), at == 0, len(words))
        if best is None or rank > best[0]:
            best = (rank, c)
    return best[1] if best is not None else None


def _inside(want: list[str], words: list[str], *, cut: bool) -> int | None:
    """Where ``words``, a part of ``want`` (shorter), lie in it: None if nowhere. With ``cut`` (``want`` is
    the start of a longer text), ``words`` may run past its end once they share its last few words."""
    n = len(words)
    if not words or (n >= len(want) and not cut):
        return None
    for i in range(len(want)):
        rest = len(want) - i
        if n <= rest:
            if want[i : i + n] == words:
                return i
        elif cut and rest >= _PART_OVERLAP and words[:rest] == want[i:]:
            return i
    return None


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class _FileDigests:
    """The digest of the file each article was read from ("" when it cannot be read), each file read once
    (a file of records holds many articles)."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}

    def of(self, article: Article) -> str:
        where = article.source_file
        if not where:
            return ""
        got = self._known.get(where)
        if got is None:
            got = self._known[where] = file_digest(where)
        return got


def file_digest(path: str) -> str:
    """A digest of the bytes of the file at ``path`` (16 hex digits, as an article's fingerprint), or "" when
    it cannot be read."""
    h = hashlib.blake2b(digest_size=8)
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


def _take_lock(
    path: Path, readonly: bool, if_locked: str, command: str
) -> tuple[sess.SessionLock | None, bool, str | None, bool, str | None]:
    """The session's lock for ``command`` (a review, or a CLI command that writes): (the lock, read-only,
    why, locked out by another factcheck, why in a few words). A session that cannot be written raises when
    ``if_locked`` is "raise", else opens read-only with the reason (``Review.open``): a session another
    review holds can be changed once that one is closed; one a command (mark, edit) is writing, once it ends."""
    lock: sess.SessionLock | None = None
    if readonly:
        return lock, True, None, False, None
    short = f"{path.name} cannot be written"
    try:
        if sess.is_readonly_file(path):
            short = f"{path.name} is a read-only file"
            raise SessionNotWritable(f"{path} is a read-only file (chmod a-w); it is never replaced")
        if (original := sess.backed_up_session(path)) is not None:
            short = f"{path.name} is a backup of {original.name}"
            # a decision written into a backup would rotate away with it (and its rows go to the
            # session's own history file)
            raise SessionNotWritable(
                f"{path} is a backup of the session {original.name}, not a session: open {original}, or copy"
                " the backup over it to go back to it"
            )
        lock = sess.SessionLock.acquire(path, command)
        sess.remove_stale_temp(path)
    except SessionLocked as e:
        if if_locked == "raise":
            raise
        if e.command in (None, "review"):
            short, then = f"{path.name} is open in another factcheck", "close the other one to make changes"
        else:
            short, then = (
                f"{path.name} is being written by `factcheck {e.command}`",
                "changes can be made once it ends",
            )
        return lock, True, f"{e}; opened read-only — {then}", True, short
    except SessionNotWritable as e:
        if if_locked == "raise":
            raise
        return lock, True, f"{e}; opened read-only — nothing is saved", False, short
    return lock, False, None, False, None


def _newer_fields(
    path: Path, data: sess.SessionData, lock: sess.SessionLock | None, if_locked: str
) -> tuple[None, bool, str, bool, str]:
    """A session holding fields this version does not know (a newer factcheck's): never saved by it, so that
    they are not lost. Raises SessionNotWritable when ``if_locked`` is "raise" (``mark``, ``edit``), else it
    is opened read-only, saying where the first such field is (``_take_lock``'s values)."""
    if lock is not None:
        lock.release()
    message = f"{data.unknown_fields[0]}; this version would not write it back"
    if if_locked == "raise":
        raise SessionNotWritable(f"{message}: upgrade factcheck to change this session; not changed")
    return (
        None,
        True,
        f"{message}; opened read-only — upgrade factcheck to change it",
        False,
        (f"{path.name} holds fields of a newer factcheck"),
    )


def _relative_to(p: Path, base: Path) -> str:
    """How a session records a corpus path: relative to the session's folder, absolute when no relative
    path exists (another drive on Windows)."""
    try:
        return Path(os.path.relpath(p.resolve(), base.resolve())).as_posix()
    except ValueError:
        return p.resolve().as_posix()


def _session_corpus(path: Path, stored: list[str]) -> list[str]:
    """The corpus paths stored in a session, resolved against the session's folder: a session reopens
    with the corpus it was made with, wherever that is (what is read is listed by ``status``; inside a
    corpus folder no symlink is followed out of it, see ``ingest.iter_files``)."""
    if not stored:
        raise SessionError(f"{path}: the session names no corpus; give the article paths")
    # (a URL stays a URL: its page is read from the pages folder, see ``webpage.pages_dir``)
    return [s if is_http_url(s) else str((path.parent / s).resolve()) for s in stored]

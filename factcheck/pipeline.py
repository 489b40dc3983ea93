"""The whole core pipeline in one call: ingest -> times -> claims -> groups.

The CLI, the TUI and the session code all build a ``Corpus`` through here, so they agree on ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck import cache as _cache
from factcheck import ingest, lang, parallel, webpage
from factcheck.model import (
    DEFAULT_MIN_SCORE,
    MIN_SCORE,
    Article,
    Batch,
    Claim,
    EventGroup,
    GroupOverrides,
    InputError,
)
from factcheck.urls import is_http_url

# (a bulk step's collector pause: the cache's, also used here and by the benches)
collector_paused = _cache.collector_paused

if TYPE_CHECKING:
    from concurrent.futures import Future

    from factcheck.grouping.duplicates import BatchDuplicates, LastRun, NearDuplicate
    from factcheck.grouping.state import GroupingState


@dataclass(slots=True)
class Corpus:
    paths: list[str]
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    claims: dict[str, list[Claim]] = field(default_factory=dict)  # article key -> claims in text order
    groups: list[EventGroup] = field(default_factory=list)
    # claims scoring below this are hidden by default (kept in ``claims``; a group needs a shown claim)
    min_score: float = DEFAULT_MIN_SCORE
    # what the last grouping of this corpus left for the next (a long-lived review sets it): a regrouping
    # after a few articles changed then costs about those articles, with the same groups as from scratch
    grouping_state: GroupingState | None = None

    def all_claims(self) -> list[Claim]:
        return [c for a in self.articles for c in self.claims.get(a.key, [])]

    def is_shown(self, claim: Claim) -> bool:
        """Shown by default: check-worthy enough, or added by a reviewer (a sentence kept as grouping
        evidence is no claim whatever ``min_score``)."""
        return claim.score >= max(self.min_score, MIN_SCORE) or claim.manual

    def is_evidence(self, claim: Claim) -> bool:
        """A sentence under the extractor's floor, kept in ``claims`` as grouping evidence only: no claim to
        review (a review, its counts, reports and verdicts for a group leave it out; ``EVIDENCE_FLOOR``)."""
        return claim.score < MIN_SCORE and not claim.manual

    def claim_index(self) -> dict[str, Claim]:
        return {c.id: c for c in self.all_claims()}

    def article(self, key: str) -> Article | None:
        for a in self.articles:
            if a.key == key:
                return a
        return None

    def group_of(self, claim_id: str) -> EventGroup | None:
        for g in self.groups:
            if claim_id in g.claims:
                return g
        return None


# (article, its claims) as they are ready; done and total count articles
Extracted = Callable[[list[tuple[Article, list[Claim]]], int, int], None]
FIRST_CHUNK = 8  # articles read from the cache in the first lookup (what a viewer shows first)
CHUNK = 200  # at most, in every later one
# ... or what was read in this many seconds, whichever comes first: when reading is slow (a cold run on web
# pages), articles are extracted and handed over every few tenths of a second instead of 200 at a time
CHUNK_SECONDS = 0.5


def extract_article(
    article: Article, published: dt.date | None = None, *, cache: _cache.Cache | None = None
) -> list[Claim]:
    """Claims of one article; ``published`` overrides the article's date (a reviewer's setting)."""
    if published is not None:
        article.published = published
        article.published_source = "reviewer"
    store = cache if cache is not None else _cache.default()
    got = store.get_claims([article]).get(article.key)
    if got is None:
        got = _extract_one(article)
        store.put_claims([(article, got)])
    return got


# Every sentence of an article's body is extracted: those under the extractor's floor (``extract.MIN_SCORE``)
# are no claims (never shown, ``Corpus.is_shown``) but grouping reads them as evidence of which event an
# article tells (a group's hidden members; they never found a group: ``grouping.Params.claim_floor``).
EVIDENCE_FLOOR = 0.0


def _extract_one(article: Article) -> list[Claim]:
    # (the extractor is imported when an article is first extracted: a warm command that reads its claims from
    # the cache, or a few of them, does not compile its rules, ~0.6 CPU s)
    from factcheck import extract

    if not ingest.claims_supported(article):
        return []  # a script with no sentence support: the article's notice says so
    return extract.extract(article, min_score=EVIDENCE_FLOOR)


def _extract_task(
    articles: list[Article], encode: bool = False
) -> list[tuple[list[Claim], list[dict[str, Any]] | None]]:
    """A task of a batch's pool (``factcheck.parallel``): the claims of each article, as this process makes
    them, with (``encode``) their cache entry's JSON (``cache.claim_to_json``: made in the worker, not in the
    main process, which writes the cache)."""
    out = []
    for a in articles:
        claims = _extract_one(a)
        out.append((claims, [_cache.claim_to_json(c) for c in claims] if encode else None))
    return out


@dataclass(slots=True)
class _Slot:
    """Articles waiting their turn to be handed over, in the batch's order: their claims (cached, or made
    here), or the task a worker makes them in (neither while the pool starts)."""

    articles: list[Article]
    claims: list[list[Claim]] | None = None
    task: Future[list[tuple[list[Claim], list[dict[str, Any]] | None]]] | None = None
    fresh: bool = False  # extracted now (not read from the cache): to be written to it
    encoded: list[list[dict[str, Any]] | None] | None = None  # the claims' cache JSON, when a worker made it


class _Extraction:
    """Extraction of a batch while it is read: articles come from ``ingest.load`` one by one and are extracted
    in chunks, each chunk's cached claims read in one lookup. A chunk is ``FIRST_CHUNK`` articles (the first,
    so that ``extracted`` has the first articles early), ``CHUNK`` articles, or what was read in
    ``CHUNK_SECONDS`` since the chunk's first article, whichever comes first (a warm batch reads fast and
    gets large chunks; a slow one is handed over steadily). Until the batch is read, ``total`` is 0 in the
    callbacks (not known yet).

    With ``jobs`` > 1, once the batch is seen to pay for it (``parallel.worth_a_pool``), the uncached articles
    are extracted by a pool of ``jobs`` worker processes, in tasks of ``parallel.TASK_ARTICLES``: the main
    process reads on meanwhile (the tasks made while the pool starts are sent once it is up; it is never
    waited for before the batch is read, and when it cannot start, they are extracted here; with a viewer,
    this process extracts until the pool is up: ``_pooled``), and hands the articles over in the batch's
    order, as the serial path does (the cache is written here). ``close`` ends the pool; ``build`` calls it
    whatever happens."""

    def __init__(
        self,
        corpus: Corpus,
        store: _cache.Cache,
        published: Mapping[str, dt.date],
        progress: Callable[[int, int], None] | None,
        extracted: Extracted | None,
        jobs: int = 1,
    ):
        self.corpus, self.store, self.published = corpus, store, published
        self.progress, self.extracted = progress, extracted
        self.jobs = jobs
        self.pool: parallel.Pool | None = None
        self.files = (0, 0)  # input files read, of how many (``files_read``)
        self.seen = 0  # articles looked up in the cache
        self.uncached = 0  # ... and not found there
        self.slots: deque[_Slot] = deque()  # articles extracted or being extracted, not handed over yet
        self.waiting: deque[_Slot] = deque()  # slots of ``slots`` for the pool, which is not up yet
        # what a worker runs: the claims, and their cache JSON when the cache is written
        self.task_function = functools.partial(_extract_task, encode=store.enabled)
        self.task: list[Article] = []  # uncached articles gathered for the pool's next task
        self.total = 0  # the batch's articles, once it is read (0 until then, as the callbacks are told)
        self.total_told = False  # a callback was told the batch's total
        self.first: dict[str, Article] = {}  # content id -> the first article with that text
        # the near-duplicates told so far (made at the first chunk, from what the batch's last run told)
        self.near: BatchDuplicates | None = None
        self.last: LastRun | None = None
        self.texts: dict[str, str] = {}  # the batch's compared texts by digest
        self.pending: list[Article] = []
        self.started = 0.0  # when the pending chunk's first article was read (time.monotonic)
        self.fresh: list[tuple[Article, list[Claim]]] = []
        self.encoded: dict[str, list[dict[str, Any]]] = {}  # the cache JSON of ``fresh``'s claims, when made
        self.done = 0
        # each article's ``cache.article_digest`` by key, as its claims were looked up (``regroup`` reads them
        # again: hashing every text twice cost ~0.1 CPU s of each build at 1,110 articles)
        self.digests: dict[str, str] = {}

    def read(self, art: Article) -> None:
        mark_duplicate(art, self.first)  # (near-duplicates are told chunk by chunk: ``_extract``)
        date = self.published.get(art.key)
        if date is not None:
            art.published, art.published_source = date, "reviewer"
        if not self.pending:
            self.started = time.monotonic()
        self.pending.append(art)
        if (
            len(self.pending) >= (FIRST_CHUNK if self.done == 0 else CHUNK)
            or time.monotonic() - self.started >= CHUNK_SECONDS
        ):
            self._extract()

    def files_read(self, done: int, total: int) -> None:
        self.files = (done, total)

    def finish(self, total: int) -> None:
        self.total = total
        if self.pending:
            self._extract()
        self._hand_over(wait=True)
        if self.extracted is not None and not self.total_told:  # every article handed over while reading
            self.extracted([], self.done, total)
        self._write()
        if self.near is not None and self.near.run() != self.last:
            self.store.put_told(self.corpus.paths, told_to_json(self.near.run()))

    def close(self) -> None:
        """End the pool, if one was started (its tasks not started are cancelled)."""
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def _extract(self) -> None:
        chunk, self.pending = self.pending, []
        self._mark_near_duplicates(chunk)  # (it marks the articles: their digests after it)
        digests = {art.key: _cache.article_digest(art) for art in chunk}
        self.digests.update(digests)
        cached = self.store.get_claims(chunk, digests)
        self._start_pool(len(chunk), len(chunk) - len(cached))
        for art in chunk:
            got = cached.get(art.key)
            if got is None and self._pooled():
                self.task.append(art)
                if len(self.task) >= parallel.TASK_ARTICLES:
                    self._submit()
                continue
            self._submit()  # (the articles gathered before this one go first)
            if got is None:
                self.slots.append(_Slot([art], [_extract_one(art)], fresh=True))
            else:
                self.slots.append(_Slot([art], [got]))
            self._hand_over(wait=False)
        self._submit()
        self._hand_over(wait=False)

    def _pooled(self) -> bool:
        """Whether an uncached article goes to the pool: once one is started; while it starts, only when no
        viewer waits for the first articles (``extracted``: the TUI shows them at once, and a pool's start
        takes about what this process takes to extract its first article; else this process would spend
        its ~1.5 CPU s of the extractor's import and warm-up for nothing)."""
        if self.pool is None or self.pool.failed:
            return False
        return self.pool.ready or self.extracted is None

    def _start_pool(self, seen: int, uncached: int) -> None:
        """A pool for the batch's uncached articles, when it pays (``parallel.worth_a_pool``)."""
        self.seen += seen
        self.uncached += uncached
        if (
            self.pool is None
            and self.jobs > 1
            and parallel.worth_a_pool(self.uncached, self.seen, *self.files)
        ):
            self.pool = parallel.Pool(self.jobs)

    def _submit(self) -> None:
        """The articles gathered for the pool go to it as a task (once it is up)."""
        if self.task:
            slot = _Slot(self.task)
            self.task = []
            self.slots.append(slot)
            self.waiting.append(slot)
        self._send(wait=False)

    def _send(self, *, wait: bool) -> None:
        """The tasks gathered while the pool started go to it once it is up (with ``wait``, its start is
        waited for); when it could not start, their articles are extracted here."""
        if self.pool is None or not self.waiting:
            return
        if wait:
            self.pool.wait()
        if self.pool.ready:
            while self.waiting:
                slot = self.waiting.popleft()
                slot.task = self.pool.submit(self.task_function, slot.articles)
        elif self.pool.failed:
            while self.waiting:
                slot = self.waiting.popleft()
                slot.claims, slot.fresh = [_extract_one(a) for a in slot.articles], True

    def _hand_over(self, *, wait: bool) -> None:
        """The articles whose claims are ready, in the batch's order (with ``wait``: every article, their
        tasks waited for)."""
        self._send(wait=wait)
        while self.slots:
            slot = self.slots[0]
            if slot.claims is None and not wait and (slot.task is None or not slot.task.done()):
                return
            self._hand_one()

    def _write(self) -> None:
        self.store.put_claims(self.fresh, self.digests, self.encoded)
        self.fresh, self.encoded = [], {}

    def _hand_one(self) -> None:
        slot = self.slots.popleft()
        if slot.task is not None:
            done = parallel.result(slot.task)
            slot.claims, slot.encoded, slot.fresh = [c for c, _ in done], [e for _, e in done], True
        assert slot.claims is not None
        for i, (art, got) in enumerate(zip(slot.articles, slot.claims, strict=True)):
            if slot.fresh:
                self.fresh.append((art, got))
                encoded = slot.encoded[i] if slot.encoded is not None else None
                if encoded is not None:
                    self.encoded[art.key] = encoded
                if len(self.fresh) >= 200:  # write as we go: an interrupted first run keeps what it did
                    self._write()
            self.corpus.claims[art.key] = got
            self.done += 1
            self.total_told = self.total > 0
            if self.extracted is not None:
                self.extracted([(art, got)], self.done, self.total)
            if self.progress:
                self.progress(self.done, self.total)

    def _mark_near_duplicates(self, chunk: list[Article]) -> None:
        """Tell the near-duplicates of a chunk of articles, in batch order (``BatchDuplicates``: a warm reopen
        compares nothing; after an edit, only the articles whose texts meet the edited one's are compared
        again). The shingles of a text (a function of an article's title and body alone) come from the cache
        when they were made before."""
        from factcheck.grouping.duplicates import BatchDuplicates, shingled_text

        if self.near is None:
            self.last = told_from_json(self.store.get_told(self.corpus.paths))
            # (the shingles are read by a function of the store and the texts, not by a method of this
            # extraction: the extraction would hold itself in a cycle, and with it the whole corpus, which
            # then outlived every command until a full collection walked it: 0.14 CPU s at 1,110 articles
            # warm, 0.26 after one change)
            self.near = BatchDuplicates(self.last, functools.partial(stored_shingles, self.store, self.texts))
        items = []
        for art in chunk:
            text = shingled_text(art)
            digest = _cache.text_digest(text)
            self.texts.setdefault(digest, text)
            items.append((art.key, digest))
        for art, found in zip(chunk, self.near.tell(items), strict=True):
            mark_near_duplicate(art, found)


def stored_shingles(
    store: _cache.Cache, texts: dict[str, str], digests: list[str]
) -> dict[str, frozenset[int]]:
    """The shingles of texts by digest: those of the batch's texts (``texts``, by digest) from the cache when
    they were made before (the new ones are made and stored); those of older texts when the cache holds
    them."""
    from factcheck.grouping.duplicates import shingles

    got = store.get_derived_digests("shingles", digests)
    out = {d: frozenset(v) for d, v in got.items()}
    made: dict[str, list[int]] = {}
    for d in digests:
        if d not in out and d in texts:
            out[d] = shingles(texts[d])
            made[texts[d]] = sorted(out[d])
    store.put_derived("shingles", made)
    return out


def told_to_json(run: LastRun) -> dict[str, list[Any]]:
    return {"keys": run.keys, "texts": run.texts, "told": [list(t) if t else None for t in run.told]}


def told_from_json(value: Any) -> LastRun | None:
    """What a batch's last run told, from its cached JSON; None when it does not have the right shape (a
    foreign or damaged entry is not trusted: every article is then compared)."""
    from factcheck.grouping.duplicates import LATER_SHARE, MIN_SHINGLES, LastRun

    if not isinstance(value, dict):
        return None
    keys, texts, told = value.get("keys"), value.get("texts"), value.get("told")
    if not (isinstance(keys, list) and isinstance(texts, list) and isinstance(told, list)):
        return None
    if not (len(keys) == len(texts) == len(told) == len(set(keys))):
        return None
    if not all(type(k) is str for k in keys) or not all(type(t) is str for t in texts):
        return None
    earlier: set[str] = set()
    out: list[tuple[str, int, int] | None] = []
    for key, t in zip(keys, told, strict=True):
        if t is None:
            out.append(None)
        elif (
            isinstance(t, list)
            and len(t) == 3
            and t[0] in earlier
            and type(t[1]) is int
            and type(t[2]) is int
            and t[2] >= MIN_SHINGLES
            and LATER_SHARE * t[2] <= t[1] <= t[2]
        ):
            out.append((t[0], t[1], t[2]))
        else:
            return None
        earlier.add(key)
    return LastRun(keys, texts, out)


def mark_duplicate(art: Article, first: dict[str, Article]) -> None:
    """An article whose text repeats an earlier one of the batch (``first``: content id -> article) is marked
    ``duplicate_of`` that one (its claim ids are then made from its key, so that the two copies' claims stay
    apart) and gets a notice."""
    seen = first.setdefault(art.id, art)
    if seen is not art:
        art.duplicate_of = seen.key
        note = f"a copy of {seen.key}: its claims follow that one's groups"
        if note not in art.notices:
            art.notices.append(note)


def mark_near_duplicate(art: Article, found: NearDuplicate | None) -> None:
    """An article that nearly repeats an earlier one of the batch (``found``: the same page saved twice with
    other furniture, a reprint; ``factcheck.grouping.duplicates``) is marked ``near_duplicate_of`` it and gets a
    notice: its claims take part in no event group (a copy is not a second outlet's report)."""
    if found is None or art.duplicate_of:
        return
    art.near_duplicate_of = found.of
    note = found.reason()
    if note not in art.notices:
        art.notices.append(note)


def build(
    paths: Iterable[str | Path],
    *,
    published: Mapping[str, dt.date] | None = None,
    overrides: GroupOverrides | None = None,
    group: bool = True,
    progress: Callable[[int, int], None] | None = None,
    max_bytes: int = ingest.MAX_BYTES,
    pages_dir: Path | None = None,
    refresh: bool = False,
    fetch: bool = True,
    fetch_progress: ingest.FetchProgress | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    cache: _cache.Cache | None = None,
    extracted: Extracted | None = None,
    files_read: ingest.FilesRead | None = None,
    jobs: int | None = None,
) -> Corpus:
    """Read, extract and group. ``published`` maps article keys to reviewer-set dates.

    URLs among ``paths`` are read from their stored records in ``pages_dir`` (fetched when missing; with
    ``fetch=False`` a URL not stored is not read but listed in ``errors`` as not fetched). Every
    candidate claim is kept; those scoring below ``min_score`` are hidden by default (see ``regroup``).
    Extraction results come from the cache when an article (and the extractor) is unchanged; ``cache``
    defaults to the process's (``factcheck.cache.default()``). Articles are extracted while the batch is read:
    ``extracted(items, done, total)`` is called with each article and its claims as soon as they are ready
    (the TUI shows them while the rest loads; ``total`` is 0 until the whole batch is read); an exception it
    (or ``progress``) raises stops the build (that is how a caller cancels it). ``files_read(done, total)``
    follows the input files and URLs read (``ingest.load``): their number is known from the start.

    ``jobs``: the worker processes that extract a big batch's uncached articles (``factcheck.parallel``;
    default ``parallel.jobs()``: ``--jobs``, ``$FACTCHECK_JOBS`` or the usable CPUs; 1: all in this process).
    The result is the same whatever their number.
    """
    path_list = [str(p) for p in paths]
    unfetched = [] if fetch else [p for p in path_list if _not_stored(p, pages_dir)]
    store = cache if cache is not None else _cache.default()
    corpus = Corpus(paths=path_list, min_score=min_score)
    run = _Extraction(
        corpus, store, published or {}, progress, extracted, parallel.jobs() if jobs is None else jobs
    )

    def files(done: int, total: int) -> None:
        run.files_read(done, total)
        if files_read is not None:
            files_read(done, total)

    # (a language told before is read back: see ``lang.remembering``)
    with lang.remembering(store if store.enabled else None):
        try:
            batch: Batch = ingest.load(
                [p for p in path_list if p not in unfetched],
                max_bytes=max_bytes,
                pages_dir=pages_dir,
                refresh=refresh,
                fetch_progress=fetch_progress,
                cache=store,
                read=run.read,
                files_read=files,
            )
            corpus.articles, corpus.errors = batch.articles, batch.errors
            corpus.errors += [InputError(url, _why_not_stored(url, pages_dir)) for url in unfetched]
            run.finish(len(batch.articles))
        finally:
            run.close()
        if group:
            regroup(corpus, overrides, cache=store, digests=run.digests)
    store.flush()
    return corpus


def _why_not_stored(url: str, pages_dir: Path | None) -> str:
    """What a command that reads stored pages only says of a URL with no stored page: why its last fetch
    failed, when one did (a review's, or ``factcheck fetch``'s), else that it was not fetched yet."""
    failed = webpage.last_failure(url, pages_dir)
    if failed is None:
        return "not fetched yet (no stored page): `factcheck fetch URL` or a review stores it"
    why, when = failed
    return (
        f"no stored page: its fetch failed ({why}; {when.replace('T', ' ')}); "
        "check the URL, then `factcheck fetch URL` tries again"
    )


def _not_stored(path: str, pages_dir: Path | None) -> bool:
    """``path`` is a URL whose page is not stored in ``pages_dir``."""
    return is_http_url(path) and not webpage.record_path(path, pages_dir).is_file()


@dataclass(frozen=True, slots=True)
class GroupingDelta:
    """What changed in a batch since it was last grouped (with the same merges and splits)."""

    previous: list[EventGroup]  # the groups then
    changed: frozenset[str]  # keys of the articles added or changed since
    removed: frozenset[str]  # keys of the articles gone since


# An incremental regrouping: the claims and articles of the batch now, the reviewer's overrides and the delta
# -> the groups, as ``grouping.group_claims`` would make them.
IncrementalGrouping = Callable[
    [list[Claim], dict[str, Article], GroupOverrides | None, GroupingDelta], list[EventGroup]
]


def _grouping_digest(article: Article, claims: list[Claim], digest: str | None = None) -> str:
    """What grouping reads of an article: its content and the claims a reviewer added to it (``digest``: its
    ``cache.article_digest``, when known)."""
    digest = digest or _cache.article_digest(article)
    manual = ",".join(f"{c.id}:{c.start}:{c.end}" for c in claims if c.manual)
    return f"{digest}:{manual}" if manual else digest


def content_key(article: Article, claims: list[Claim], digest: str) -> str:
    """Everything grouping reads of an article and its claims, without reading each claim's fields
    (``GroupingState.content_keys``). Its claims are the extraction of ``digest`` (its
    ``cache.article_digest``: the same text, metadata and extractor give the same claims) as ``build``
    makes them, or a reviewer's edits of them: the claims added by hand (read whole), claims gone (their ids
    and offsets are read) and speakers (which grouping does not read). Of the fields ``digest`` leaves out
    (``cache.LOCATION_FIELDS``) grouping reads the article's key alone (its claims and groups name it): not
    where its file lies (``path``, ``source_file``, ``record``) nor its notices, so the same unchanged batch
    opened by another path form (relative, absolute, through a symlink, from another working folder) keeps
    every article's content key, and its grouping state is reused whole (issue #22)."""
    h = hashlib.blake2b(digest.encode(), digest_size=16)
    h.update(f"\0{article.key}\0".encode("utf-8", "surrogatepass"))
    h.update(
        "\0".join([f"{c.id}:{c.start}:{c.end}:{c.article_key}" for c in claims]).encode(
            "utf-8", "surrogatepass"
        )
    )
    for c in claims:
        if c.manual:
            h.update(repr(c).encode("utf-8", "surrogatepass"))
    return "k" + h.hexdigest()


def with_content_keys(
    corpus: Corpus, state: GroupingState | None, digests: Mapping[str, str] | None = None
) -> GroupingState | None:
    """``state`` with each article's ``content_key`` set (``digests``: the articles' ``article_digest`` by
    key, those known; the others are made here): what ``regroup`` does before each ``group_claims`` call
    with a state."""
    if state is not None:
        state.content_keys = {
            a.key: content_key(
                a,
                corpus.claims.get(a.key, []),
                (digests.get(a.key) if digests is not None else None) or _cache.article_digest(a),
            )
            for a in corpus.articles
        }
    return state


def grouping_delta(
    corpus: Corpus, overrides: GroupOverrides | None, digests: dict[str, str], store: _cache.Cache
) -> GroupingDelta | None:
    """What changed since this batch (its paths, with these overrides) was last grouped; None when it never
    was (or the cache holds no trace of it). ``digests``: each article's ``_grouping_digest`` by key."""
    last = store.get_last_grouping(corpus.paths, overrides)
    if last is None:
        return None
    before, groups = last
    changed = frozenset(k for k, d in digests.items() if before.get(k) != d)
    removed = frozenset(k for k in before if k not in digests)
    return GroupingDelta(groups, changed, removed)


def regroup(
    corpus: Corpus,
    overrides: GroupOverrides | None = None,
    *,
    cache: _cache.Cache | None = None,
    incremental: IncrementalGrouping | None = None,
    digests: Mapping[str, str] | None = None,
) -> None:
    """(Re)compute event groups and each claim's ``group`` field (from the cache when the batch is unchanged):
    ``set_groups(corpus, group_batch(corpus, ...), overrides)``."""
    groups = group_batch(corpus, overrides, cache=cache, incremental=incremental, digests=digests)
    set_groups(corpus, groups, overrides)


def group_batch(
    corpus: Corpus,
    overrides: GroupOverrides | None = None,
    *,
    cache: _cache.Cache | None = None,
    incremental: IncrementalGrouping | None = None,
    digests: Mapping[str, str] | None = None,
) -> list[EventGroup]:
    """The batch's event groups (from the cache when the batch is unchanged), every one: ``set_groups`` keeps
    those a reviewer is shown. It reads the corpus and changes only ``corpus.grouping_state`` and the cache, so
    it can run in another thread on a copy of what it reads (the review TUI: ``Review.start_grouping``).

    When the batch changed since it was last grouped (one article edited or added), ``incremental`` (when
    given) gets the groups of then and the articles changed since, instead of the whole batch being grouped
    again; without it, or without a previous grouping of this batch in the cache, the batch is grouped whole.

    ``digests``: the articles' ``cache.article_digest`` by key, when the caller has just made them (``build``:
    those its extraction looked the claims up by); the others are made here.
    """
    store = cache if cache is not None else _cache.default()
    known = digests or {}
    if not store.enabled:  # (no groups to read back or store: no key, which digests the extractor's sources)
        with collector_paused():
            return _grouped(corpus, overrides, store, known, None, incremental)
    content = {  # (each article's, once)
        a.key: known.get(a.key) or _cache.article_digest(a) for a in corpus.articles
    }
    key = store.groups_key(corpus.articles, corpus.claims, overrides, content)
    # (the groups read back or made, the state and the groups written: bulk steps that leave no cycles; once
    # a state is read, a collection scans all of it, and writing the groups cost ~0.2 CPU s more than the
    # encoding itself after one change)
    with collector_paused():
        groups = store.get_groups(key)
        if groups is None:
            groups = _grouped(corpus, overrides, store, content, key, incremental)
    return groups


def set_groups(corpus: Corpus, groups: list[EventGroup], overrides: GroupOverrides | None = None) -> None:
    """Make ``groups`` (``group_batch``'s, with the same ``overrides``) the corpus's groups: those that hold a
    shown claim or a reviewer's merge or split, and each claim's ``group`` field.

    Every candidate claim takes part in the linking (a hidden claim still tells which reports describe
    the same event: grouping only the shown ones cost ECB+ pair recall 0.79 -> 0.68), but only groups that
    hold a shown claim (``Corpus.is_shown``) or a reviewer's decision are kept; the claims of the others get
    no group."""
    decided: set[str] = set()
    if overrides:
        decided = {cid for pair in overrides.merges for cid in pair} | set(overrides.splits)
    index = corpus.claim_index()
    corpus.groups = [
        g
        for g in groups
        if any(cid in decided or corpus.is_shown(index[cid]) for cid in g.claims if cid in index)
    ]
    by_claim = {cid: g.id for g in corpus.groups for cid in g.claims}
    for c in corpus.all_claims():
        c.group = by_claim.get(c.id)


def _grouped(
    corpus: Corpus,
    overrides: GroupOverrides | None,
    store: _cache.Cache,
    content: Mapping[str, str],
    key: str | None,
    incremental: IncrementalGrouping | None,
) -> list[EventGroup]:
    """The batch grouped (``regroup``'s work when its groups are not cached: ``key``), with its grouping
    state read and saved, and the groups stored under ``key`` as the batch's last grouping. ``content``: the
    articles' ``cache.article_digest`` by key (those not in it are made when needed). ``key`` None: the cache
    is off, nothing is read from it or stored (an in-process state, the review's, is still used)."""
    from factcheck import grouping
    from factcheck.grouping.state import StateUnavailable

    arts = {a.key: a for a in corpus.articles}
    digests: dict[str, str] = {}
    delta = None
    if key is not None:
        digests = {
            a.key: _grouping_digest(a, corpus.claims.get(a.key, []), content.get(a.key))
            for a in corpus.articles
        }
        delta = grouping_delta(corpus, overrides, digests, store) if incremental is not None else None
    # (an article without a language of its own is told from its body: read back when told before, whoever
    # regroups, as in ``build``: a review's regrouping in a fresh process loaded the detector's model, ~0.7
    # CPU s of `mark` after one change)
    with lang.remembering(store if store.enabled else None):
        if incremental is not None and delta is not None:
            groups = incremental(corpus.all_claims(), arts, overrides, delta)
        else:
            state = with_content_keys(corpus, load_grouping_state(corpus, store), content)
            try:
                groups = grouping.group_claims(corpus.all_claims(), arts, overrides=overrides, state=state)
            except StateUnavailable:  # a piece of a saved state was needed and could not be read
                assert state is not None
                forget_grouping_state(corpus, store, state)
                with_content_keys(corpus, state, content)
                groups = grouping.group_claims(corpus.all_claims(), arts, overrides=overrides, state=state)
            if state is not None:
                save_grouping_state(corpus, store, state)
    if key is not None:
        store.put_groups(key, groups)
        store.put_last_grouping(corpus.paths, overrides, digests, key)
    return groups


def load_grouping_state(corpus: Corpus, store: _cache.Cache) -> GroupingState | None:
    """The corpus's grouping state; in a process that has not grouped this batch yet, the one its last
    grouping left in the cache (a fresh CLI process after one article changed regroups about that article).
    A state that does not read back whole (corrupt, foreign, of other parameters) is dropped: the batch is
    then grouped from scratch and its state saved anew."""
    from factcheck.grouping import DEFAULT
    from factcheck.grouping.state import GroupingState, params_digest, state_from_pieces

    state = corpus.grouping_state
    if not store.enabled:
        return state
    if state is None:
        state = corpus.grouping_state = GroupingState()
    if state.fingerprints:  # it grouped this batch before, in this process
        return state
    prefix = store.state_prefix(corpus.paths, params_digest(DEFAULT))
    got = store.get_state(prefix)
    if got is None:
        return state
    try:
        loaded = state_from_pieces(
            *got,
            DEFAULT,
            lambda v: _cache.groups_from_json([v])[0],
            lambda name: store.get_state_piece(prefix, name),
            lambda names: store.get_state_pieces(prefix, names),
        )
    except ValueError:
        store.delete_state(prefix)
        return state
    for f in dataclasses.fields(loaded):
        setattr(state, f.name, getattr(loaded, f.name))
    return state


def save_grouping_state(corpus: Corpus, store: _cache.Cache, state: GroupingState) -> None:
    from factcheck.grouping.state import params_digest, state_pieces

    if store.enabled and state.fingerprints:
        store.put_state(store.state_prefix(corpus.paths, params_digest(state.params)), *state_pieces(state))


def forget_grouping_state(corpus: Corpus, store: _cache.Cache, state: GroupingState) -> None:
    """Drop a state that could not be read whole, here and in the cache (then saved anew, every piece)."""
    from factcheck.grouping.state import params_digest

    store.delete_state(store.state_prefix(corpus.paths, params_digest(state.params)))
    state.reset(state.params)

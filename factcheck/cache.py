"""A persistent cache of what was extracted, so that a big batch reopens in seconds.

Two kinds of entries, in one SQLite file in the user cache folder (``$FACTCHECK_CACHE``, else
``<XDG cache>/factcheck/cache.sqlite3``):

- **extraction**: the claims of one article, keyed by a digest of everything extraction reads from the article
  (its text, segments, metadata, language, publication date — not where the file lies) and of the extractor
  itself (``code_version()``: the core's source files and language data, plus the versions of the libraries it
  calls). A changed article, a new extractor or changed data files give new keys, so a stale entry is never hit.
- **groups**: the event groups of a batch, keyed by the digests of its articles, its manual claims and the
  reviewer's merges and splits.

Correct by construction: a value is JSON (zlib-compressed), read with the json module, and carries its own key;
an entry that does not parse, or whose key differs, is ignored and replaced — never trusted. SQLite makes every
write atomic, so concurrent processes never read a half-written entry. A cache that cannot be opened or written
(read-only folder, full disk, a damaged file) is switched off for the process, with the reason in ``problem``:
results are the same, only slower. ``factcheck cache clear`` empties it; ``--no-cache`` (or
``FACTCHECK_NO_CACHE=1``) switches it off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from factcheck.model import (
    Article,
    Claim,
    Entity,
    EventGroup,
    GroupOverrides,
    Segment,
    Stance,
    Suggestion,
    TimeRef,
)

FORMAT = 1
# Article fields that say where an article lies, not what it is: they do not change its extraction.
LOCATION_FIELDS = frozenset({"path", "key", "source_file", "record", "notices"})


# The pieces of a grouping state read only when needed (``get_state``): after one change, those of the few
# articles and parts it meets.
STATE_LAZY = ("e", "f")
# An article entry that holds, under this key, why the content gave no article (``Cache.article``'s
# ``remembered``), not the article.
_FAILED = "failed"


def _state_level(name: str) -> int:
    """The zlib level a grouping state's piece is stored at: the fastest compression for the pieces read when
    needed (a batch's first grouping writes ~70 MB of JSON, mostly parts' edges; level 1 takes a quarter of
    the default's time for ~30% more bytes), none for those every regrouping reads (the manifest, each
    article's ``a`` piece, the parts and groups: ~8 MB on 1,110 articles, decompressed in ~0.035 CPU s at
    level 1; stored, they take ~5 MB more)."""
    return 1 if name.startswith(STATE_LAZY) else 0


@functools.cache
def code_version() -> str:
    """A digest of the extractor: the core's sources and language data, and the libraries it calls (web pages:
    trafilatura)."""
    from importlib import metadata

    root = Path(__file__).resolve().parent
    h = hashlib.blake2b(f"format {FORMAT}\n".encode(), digest_size=12)
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if rel.parts[:1] == ("tui",) or "__pycache__" in rel.parts:
            continue
        if p.suffix in (".py", ".toml", ".txt", ".json") and p.is_file():
            h.update(str(rel).encode() + b"\0" + p.read_bytes() + b"\0")
    for dist in ("dateparser", "rapidfuzz", "py3langid", "trafilatura"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{dist} {metadata.version(dist)}\n".encode())
    return h.hexdigest()


def _jsonable(v: Any) -> Any:
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _jsonable(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    return v


def article_digest(article: Article) -> str:
    """What extraction reads of an article, as a digest (location fields left out).

    Every field is a plain value, a list of them or a dataclass of them, whose ``repr`` is deterministic.
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(article.text.encode("utf-8", "surrogatepass"))
    for f in dataclasses.fields(article):
        if f.name not in LOCATION_FIELDS and f.name != "text":
            h.update(f"\0{f.name}={getattr(article, f.name)!r}".encode("utf-8", "surrogatepass"))
    if article.duplicate_of:  # a duplicate's claim ids are made from its key
        h.update(f"\0key={article.key!r}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def batch_where(paths: Sequence[str]) -> list[str]:
    """Where a batch lies, as the entries of a whole batch are keyed by it (what its last run told, its last
    grouping, its grouping state): each path given resolved once (absolute, symlinks and ``..`` followed), so
    that a relative path, an absolute one, a symlink or another working folder name the same batch; a URL as
    given. (``os.path.realpath``: ``Path.resolve`` raises on a symlink loop, which the batch reports.)"""
    return [p if "://" in p else os.path.realpath(p) for p in paths]


def text_digest(text: str) -> str:
    """A text as a digest: what values derived from a text alone are stored under."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# ---------------------------------------------------------------------------------------------
# Claims <-> JSON


def claim_to_json(c: Claim) -> dict[str, Any]:
    d: dict[str, Any] = _jsonable(c)
    d.pop("article_key", None)  # set from the article on the way out: the same text may lie elsewhere
    d.pop("group", None)  # set by grouping
    return d


def claim_from_json(d: dict[str, Any], article: Article) -> Claim:
    d = dict(d)
    d["when"] = [TimeRef(**t) for t in d.get("when", [])]
    d["entities"] = [Entity(**e) for e in d.get("entities", [])]
    d["stance"] = Stance(d.get("stance", Stance.STATED))
    d["source_chain"] = list(d.get("source_chain", []))
    return Claim(**d, article_key=article.key, group=None)


def article_to_json(a: Article) -> dict[str, Any]:
    out: dict[str, Any] = _jsonable(a)
    return out


def article_from_json(d: dict[str, Any]) -> Article:
    d = dict(d)
    for name in ("published", "modified", "crawled"):
        if d.get(name) is not None:
            d[name] = dt.date.fromisoformat(d[name])
    d["segments"] = [Segment(**s) for s in d.get("segments", [])]
    d["authors"] = list(d.get("authors", []))
    d["notices"] = list(d.get("notices", []))
    return Article(**d)


def groups_to_json(groups: Sequence[EventGroup]) -> list[dict[str, Any]]:
    return [g.to_json() for g in groups]  # (every field, as ``groups_from_json`` reads them)


def groups_from_json(items: list[dict[str, Any]]) -> list[EventGroup]:
    out = []
    for g in items:
        g = dict(g)
        g["suggestions"] = [Suggestion(**s) for s in g.get("suggestions", [])]
        out.append(EventGroup(**g))
    return out


# ---------------------------------------------------------------------------------------------
# The store


def default_path() -> Path:
    env = os.environ.get("FACTCHECK_CACHE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck")) / "cache.sqlite3"


_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for a bulk step that builds many objects and leaves no cycles (entries
    decoded, a grouping state read back, a batch grouped): otherwise each burst of allocations
    makes it scan every object the batch holds again, about 30% of such a step (a warm reopen's claims read
    back: 0.75 -> 0.45 CPU s). Reference counting frees as usual meanwhile; a collector another thread paused
    stays as that thread leaves it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _locked(method: Callable[Concatenate[Cache, _P], _R]) -> Callable[Concatenate[Cache, _P], _R]:
    """A ``Cache`` method run under the cache's lock."""

    @functools.wraps(method)
    def run(self: Cache, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._lock:
            return method(self, *args, **kwargs)

    return run


class Cache:
    """The cache file; every method is safe to call when it is switched off (they then do nothing)."""

    def __init__(self, path: Path | None = None, *, enabled: bool = True):
        self.path = path or default_path()
        self.enabled = enabled
        self.problem: str | None = None
        self.notice: str | None = None  # what ``clear`` did beyond removing entries
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pruned = False
        self._pending: dict[str, Any] = {}  # articles read, not written yet (see ``article``)
        self._languages: dict[str, str | None] = {}  # languages told, not written yet (see ``known``)
        # one transaction at a time on the connection (the TUI's loading thread and its UI thread share it)
        self._lock = threading.RLock()

    # -- plumbing --------------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection | None:
        if not self.enabled:
            return None
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, kind TEXT NOT NULL,"
                    " version TEXT NOT NULL, data BLOB NOT NULL)"
                )
                self._db = db
            except (sqlite3.Error, OSError) as e:
                self._off(e)
                return None
        return self._db

    def _off(self, e: BaseException) -> None:
        self.enabled = False
        self.problem = f"cache {self.path} switched off: {e}"
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    @_locked
    def _get(self, keys: list[str]) -> dict[str, Any]:
        db = self._conn()
        if db is None or not keys:
            return {}
        try:
            out, bad = self._select(db, keys)
            if bad:
                self._delete(bad)
        except sqlite3.Error as e:
            self._off(e)
            return {}
        return out

    @staticmethod
    def _select(db: sqlite3.Connection, keys: list[str]) -> tuple[dict[str, Any], list[str]]:
        """The values of ``keys`` that are stored, and the keys whose entries do not parse or are foreign."""
        out: dict[str, Any] = {}
        bad: list[str] = []
        with collector_paused():
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in db.execute(f"SELECT key, data FROM entries WHERE key IN ({marks})", chunk):
                    try:
                        payload = json.loads(zlib.decompress(blob))
                        if not isinstance(payload, dict) or payload.get("key") != key:
                            raise ValueError("foreign entry")
                        out[key] = payload["value"]
                    except (ValueError, KeyError, TypeError, zlib.error, RecursionError):
                        bad.append(key)
        return out, bad

    @staticmethod
    def _encode(key: str, value: Any, level: int = 6) -> bytes:
        text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
        return zlib.compress(text.encode(), level)

    @_locked
    def _put(self, kind: str, items: dict[str, Any], level: int = 6) -> None:
        """(``level``: zlib's, 1 the fastest)"""
        db = self._conn()
        if db is None or not items:
            return
        version = code_version()
        rows = [(key, kind, version, self._encode(key, value, level)) for key, value in items.items()]
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT OR REPLACE INTO entries (key, kind, version, data) VALUES (?, ?, ?, ?)", rows
            )
            if not self._pruned:  # entries of other extractor versions are never hit again
                db.execute("DELETE FROM entries WHERE version != ?", (version,))
                self._pruned = True
            db.execute("COMMIT")
        except sqlite3.Error as e:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            self._off(e)

    @_locked
    def _delete(self, keys: list[str]) -> None:
        db = self._conn()
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in keys])

    # -- extraction -------------------------------------------------------------------------------
    @staticmethod
    def claims_key(article: Article, digest: str | None = None) -> str:
        """(``digest``: the article's ``article_digest``, when known)"""
        return f"x:{code_version()}:{digest or article_digest(article)}"

    def get_claims(
        self, articles: Iterable[Article], digests: Mapping[str, str] | None = None
    ) -> dict[str, list[Claim]]:
        """Cached claims by article key, for the articles that have them (``digests``: their
        ``article_digest`` by key, when known)."""
        arts = list(articles)
        if not self.enabled:  # (no key is made: a key digests the extractor's sources, ``code_version``)
            self.misses += len(arts)
            return {}
        keys = {self.claims_key(a, digests.get(a.key) if digests else None): a for a in arts}
        got = self._get(list(keys))
        out: dict[str, list[Claim]] = {}
        with collector_paused():  # (a warm batch's claims: tens of thousands of objects)
            for key, value in got.items():
                art = keys[key]
                try:
                    out[art.key] = [claim_from_json(d, art) for d in value]
                except (TypeError, ValueError, KeyError):
                    self._delete([key])
        self.hits += len(out)
        self.misses += len(arts) - len(out)
        return out

    def put_claims(
        self,
        items: Iterable[tuple[Article, list[Claim]]],
        digests: Mapping[str, str] | None = None,
        encoded: Mapping[str, list[dict[str, Any]]] | None = None,
    ) -> None:
        """(``digests``: the articles' ``article_digest`` by key, when known; ``encoded``: their claims'
        ``claim_to_json`` by article key, when made already: a pool's workers make them)"""
        if not self.enabled:  # (nothing is written: the claims are not encoded for nothing)
            return
        made = encoded or {}
        self._put(
            "claims",
            {
                self.claims_key(a, digests.get(a.key) if digests else None): (
                    made[a.key] if a.key in made else [claim_to_json(c) for c in cs]
                )
                for a, cs in items
            },
        )

    # -- reading ----------------------------------------------------------------------------------
    @staticmethod
    def article_key(kind: str, parts: Sequence[object]) -> str:
        """The key of what is read from ``parts`` (a file's bytes or text, its key in the batch, its metadata)
        by the extractor of this version: each part hashed with its type and length (bytes and text as they
        are, a page's HTML is not copied into its ``repr``; anything else by its ``repr``)."""
        h = hashlib.blake2b(f"{code_version()}\0{kind}".encode(), digest_size=16)
        for part in parts:
            if isinstance(part, bytes):
                tag, data = b"b", part
            elif isinstance(part, str):
                tag, data = b"s", part.encode("utf-8", "surrogatepass")
            else:
                tag, data = b"r", repr(part).encode("utf-8", "surrogatepass")
            h.update(b"\0%s%d\0" % (tag, len(data)))
            h.update(data)
        return f"a:{h.hexdigest()}"

    def article(
        self,
        kind: str,
        parts: Sequence[object],
        build: Callable[[], Article],
        *,
        path: str,
        source_file: str,
        remembered: type[Exception] | None = None,
    ) -> Article:
        """The article ``build()`` reads from ``parts`` (a file's text and metadata and its key in the batch:
        ``build`` depends on nothing else), from the cache when it was read before. Where the file lies is no
        part of the entry's key: ``build`` reads its ``path`` and ``source_file`` only to set them (and a
        suffix, which ``kind`` tells), so the same unchanged file opened by another path form (relative,
        absolute, through a symlink, from another working folder) is read back, with these two set. Its
        errors (ValueError...) reach the caller and nothing is stored, but for those of type ``remembered``
        (a page with no text to read: ``webpage.PageError``), a verdict on the content alone: stored with
        their message, and raised again (that type, that message) while the content and the extractor's
        version are the same, without building. New entries are written by ``flush`` (or with the next
        write)."""
        if not self.enabled:
            return build()
        key = self.article_key(kind, parts)
        value = self._get([key]).get(key)
        if value is not None:
            failed = value.get(_FAILED) if isinstance(value, dict) else None
            if remembered is not None and type(failed) is str:
                raise remembered(failed)
            try:
                art = article_from_json(value)
            except (TypeError, ValueError, KeyError, AttributeError):
                self._delete([key])
            else:
                art.path, art.source_file = path, source_file
                return art
        try:
            art = build()
        except Exception as e:
            if remembered is not None and type(e) is remembered:
                self._pending[key] = {_FAILED: str(e)}
            raise
        self._pending[key] = article_to_json(art)
        if len(self._pending) >= 200:
            self.flush()
        return art

    def flush(self) -> None:
        """Write the articles read and the languages told since the last write."""
        if self._pending:
            pending, self._pending = self._pending, {}
            self._put("article", pending)
        if self._languages:
            told, self._languages = self._languages, {}
            self._put("language", told)

    # -- values derived from a text alone (an article's shingles...) ----------------------------------
    @staticmethod
    def derived_key(kind: str, text: str) -> str:
        return Cache.digest_key(kind, text_digest(text))

    @staticmethod
    def digest_key(kind: str, digest: str) -> str:
        """The key of a ``kind`` value of the text of ``text_digest`` ``digest``."""
        return f"d:{code_version()}:{kind}:{digest}"

    def get_derived(self, kind: str, texts: Iterable[str]) -> dict[str, list[int]]:
        """The cached ``kind`` values (lists of ints) of ``texts``, by text, for those that have one."""
        if not self.enabled:
            return {}
        return self._get_derived({self.derived_key(kind, t): t for t in texts})

    def get_derived_digests(self, kind: str, digests: Iterable[str]) -> dict[str, list[int]]:
        """The cached ``kind`` values of the texts of ``digests`` (their ``text_digest``), by digest, for
        those that have one (a text no longer at hand: what an article held last time)."""
        if not self.enabled:
            return {}
        return self._get_derived({self.digest_key(kind, d): d for d in digests})

    def _get_derived(self, keys: dict[str, str]) -> dict[str, list[int]]:
        if not self.enabled:
            return {}
        got = self._get(list(keys))
        out = {}
        for key, value in got.items():
            if type(value) is list and all(type(x) is int for x in value):
                out[keys[key]] = value
            else:
                self._delete([key])
        return out

    def put_derived(self, kind: str, items: dict[str, list[int]]) -> None:
        """Cache the ``kind`` value of each text of ``items``."""
        if items and self.enabled:
            self._put("derived", {self.derived_key(kind, t): v for t, v in items.items()})

    # -- what the last run of a batch told of its near-duplicates (``pipeline``) -------------------------
    @staticmethod
    def told_key(paths: Sequence[str]) -> str:
        """A batch by where it lies (absolute paths), for what its last run told."""
        where = batch_where(paths)
        h = hashlib.blake2b(json.dumps([code_version(), where]).encode(), digest_size=16)
        return f"n:{h.hexdigest()}"

    def get_told(self, paths: Sequence[str]) -> Any:
        """What the last run of the batch of ``paths`` told (``put_told``), None when it is not cached. A
        plain JSON value: the caller checks its shape."""
        if not self.enabled:
            return None
        key = self.told_key(paths)
        return self._get([key]).get(key)

    def put_told(self, paths: Sequence[str], value: Any) -> None:
        if self.enabled:
            self._put("told", {self.told_key(paths): value})

    def get_value(self, key: str) -> Any:
        """A plain JSON value stored under ``key`` by ``put_value`` (None when it is not cached); the caller
        checks its shape (``factcheck.batch_index``)."""
        return self._get([key]).get(key)

    def put_value(self, kind: str, key: str, value: Any, level: int = 6) -> None:
        """Store a plain JSON value under ``key`` (``kind`` names what it is; ``level``: zlib's, 1 the fastest)."""
        self._put(kind, {key: value}, level)

    # -- languages told (``factcheck.lang.remembering``) --------------------------------------------
    @staticmethod
    def language_key(snippet: str) -> str:
        return Cache.derived_key("language", snippet)

    @_locked
    def known(self, snippet: str) -> tuple[bool, str | None]:
        """Whether the language of ``snippet`` was told before (by ``lang.detect``), and which it is."""
        if not self.enabled:
            return False, None
        key = self.language_key(snippet)
        if key in self._languages:
            return True, self._languages[key]
        got = self._get([key])
        code = got.get(key)
        if key not in got or not (code is None or isinstance(code, str)):
            return False, None
        return True, code

    @_locked
    def remember(self, snippet: str, code: str | None) -> None:
        if self.enabled:
            self._languages[self.language_key(snippet)] = code
            if len(self._languages) >= 200:
                self.flush()

    # -- groups -----------------------------------------------------------------------------------
    @staticmethod
    def groups_key(
        articles: Sequence[Article],
        claims: dict[str, list[Claim]],
        overrides: GroupOverrides | None,
        digests: dict[str, str] | None = None,
    ) -> str:
        """(``digests``: each article's ``article_digest`` by key, when known)"""
        h = hashlib.blake2b(f"{code_version()}\n".encode(), digest_size=16)
        for a in articles:
            d = digests[a.key] if digests is not None else article_digest(a)
            h.update(f"{a.key}\0{d}\n".encode())
            for c in claims.get(a.key, []):
                if c.manual:
                    h.update(f"m\0{c.id}\0{c.start}\0{c.end}\n".encode())
        if overrides is not None and (overrides.merges or overrides.splits):  # (none = empty: one entry)
            h.update(json.dumps([sorted(map(list, overrides.merges)), sorted(overrides.splits)]).encode())
        return f"g:{h.hexdigest()}"

    def get_groups(self, key: str) -> list[EventGroup] | None:
        value = self._get([key]).get(key)
        if value is None:
            return None
        try:
            return groups_from_json(value)
        except (TypeError, ValueError, KeyError):
            self._delete([key])
            return None

    def put_groups(self, key: str, groups: Sequence[EventGroup]) -> None:
        # (written after every regrouping, ~1 MB of JSON for 1,000 articles: the fastest compression, a
        # third of the default's time for ~30% more bytes, as for the grouping state)
        self._put("groups", {key: groups_to_json(groups)}, 1)

    # -- the last grouping of a batch: what an incremental regrouping starts from ----------------------
    @staticmethod
    def batch_key(paths: Sequence[str], overrides: GroupOverrides | None) -> str:
        """A batch by where it lies (absolute paths) and the reviewer's merges and splits."""
        where = batch_where(paths)
        ov = None
        if overrides is not None and (overrides.merges or overrides.splits):
            ov = [sorted(map(list, overrides.merges)), sorted(overrides.splits)]
        h = hashlib.blake2b(json.dumps([code_version(), where, ov]).encode(), digest_size=16)
        return f"b:{h.hexdigest()}"

    def get_last_grouping(
        self, paths: Sequence[str], overrides: GroupOverrides | None
    ) -> tuple[dict[str, str], list[EventGroup]] | None:
        """The article digests (by key) and the groups of the last grouping of this batch, if cached."""
        value = self._get([self.batch_key(paths, overrides)]).get(self.batch_key(paths, overrides))
        if not isinstance(value, dict) or not isinstance(value.get("articles"), dict):
            return None
        groups = self.get_groups(str(value.get("groups")))
        return (value["articles"], groups) if groups is not None else None

    def put_last_grouping(
        self,
        paths: Sequence[str],
        overrides: GroupOverrides | None,
        digests: dict[str, str],
        groups_key: str,
    ) -> None:
        self._put("batch", {self.batch_key(paths, overrides): {"articles": digests, "groups": groups_key}})

    # -- the grouping state of a batch: a fresh process regroups only what changed ---------------------
    @staticmethod
    def state_prefix(paths: Sequence[str], params_digest: str) -> str:
        """The key prefix of a batch's grouping state: the batch by where it lies (absolute paths), the
        extractor and grouping code, and the grouping parameters."""
        where = batch_where(paths)
        h = hashlib.blake2b(json.dumps([code_version(), params_digest, where]).encode(), digest_size=16)
        return f"s:{h.hexdigest()}:"

    @_locked
    def get_state(self, prefix: str, lazy: tuple[str, ...] = STATE_LAZY) -> tuple[Any, dict[str, Any]] | None:
        """The manifest and pieces of a grouping state saved under ``prefix`` (``put_state``), read in one
        transaction (a state being replaced by another process is seen whole, before or after); None when
        there is none. The pieces the manifest lists and the cache lacks are missing from the dict; those
        whose name starts with one of ``lazy`` are left to ``get_state_piece``."""
        db = self._conn()
        if db is None:
            return None
        try:
            db.execute("BEGIN")
            try:
                got, bad = self._select(db, [prefix + "m"])
                manifest = got.get(prefix + "m")
                pieces: dict[str, Any] = {}
                names = manifest.get("pieces") if isinstance(manifest, dict) else None
                if isinstance(names, list) and all(isinstance(k, str) for k in names):
                    now = [prefix + k for k in names if not k.startswith(lazy)]
                    found, bad2 = self._select(db, now)
                    bad += bad2
                    pieces = {k[len(prefix) :]: v for k, v in found.items()}
            finally:
                db.execute("COMMIT")
            if bad:
                self._delete(bad)
        except sqlite3.Error as e:
            self._off(e)
            return None
        return (manifest, pieces) if manifest is not None else None

    def get_state_piece(self, prefix: str, name: str) -> Any:
        """One piece of a saved grouping state (None when it is gone: pieces are content-addressed, so a
        piece still there is the one the manifest meant)."""
        return self._get([prefix + name]).get(prefix + name)

    def get_state_pieces(self, prefix: str, names: list[str]) -> dict[str, Any]:
        """Pieces of a saved grouping state, by name, in one lookup (those there: see ``get_state_piece``)."""
        got = self._get([prefix + n for n in names])
        return {k[len(prefix) :]: v for k, v in got.items()}

    @_locked
    def put_state(self, prefix: str, manifest: Any, pieces: dict[str, Callable[[], Any]]) -> None:
        """Save a grouping state under ``prefix`` in one transaction: the pieces not stored yet (pieces are
        content-addressed: a stored one is the same), the manifest, and the removal of the pieces the state
        no longer has."""
        db = self._conn()
        if db is None:
            return
        version = code_version()
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                stored = {
                    k[len(prefix) :]
                    for (k,) in db.execute(
                        "SELECT key FROM entries WHERE key > ? AND key < ?", (prefix, prefix[:-1] + ";")
                    )
                }
                rows = [
                    (prefix + k, "state", version, self._encode(prefix + k, make(), _state_level(k)))
                    for k, make in pieces.items()
                    if k not in stored
                ]
                rows.append((prefix + "m", "state", version, self._encode(prefix + "m", manifest, 0)))
                db.executemany(
                    "INSERT OR REPLACE INTO entries (key, kind, version, data) VALUES (?, ?, ?, ?)", rows
                )
                gone = [(prefix + k,) for k in stored - pieces.keys() - {"m"}]
                db.executemany("DELETE FROM entries WHERE key = ?", gone)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            self._off(e)
        except (ValueError, TypeError):
            pass  # a value JSON cannot hold (a lone surrogate): the last saved state stays, valid but older

    @_locked
    def delete_state(self, prefix: str) -> None:
        db = self._conn()
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.execute("DELETE FROM entries WHERE key > ? AND key < ?", (prefix, prefix[:-1] + ";"))

    # -- management -------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        db = self._conn()
        out: dict[str, Any] = {"path": str(self.path), "enabled": self.enabled, "entries": 0, "bytes": 0}
        if db is None:
            out["problem"] = self.problem
            return out
        with contextlib.suppress(sqlite3.Error):
            for kind, n, size in db.execute(
                "SELECT kind, COUNT(*), SUM(LENGTH(data)) FROM entries GROUP BY kind"
            ):
                out[kind] = n
                out["entries"] += n
                out["bytes"] += size or 0
        with contextlib.suppress(OSError):
            out["file_bytes"] = sum(
                p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file()
            )
        return out

    @_locked
    def clear(self) -> int:
        """Remove every entry; returns how many there were. A damaged cache (an SQLite file that no longer
        reads) is moved aside as ``NAME.damaged`` and a new one started, so that clearing mends it; a file
        that is no SQLite database at all is left alone (the path may have been pointed at something else),
        and ``problem`` says how to go on."""
        db = self._conn()
        if db is None:
            return self._restart() if self._damaged() else 0
        try:
            (n,) = db.execute("SELECT COUNT(*) FROM entries").fetchone()
            db.execute("DELETE FROM entries")
            db.execute("VACUUM")
            return int(n)
        except sqlite3.Error as e:
            self._off(e)
            return self._restart() if self._damaged() else 0

    def _damaged(self) -> bool:
        """Switched off by an SQLite file of ours that no longer reads; says what to do when the file is no
        SQLite database at all."""
        if self.problem is None or not self.path.is_file():
            return False
        with open(self.path, "rb") as f:
            if f.read(16) == b"SQLite format 3\x00":
                return True
        self.problem += (
            " (the file is no cache factcheck wrote: remove it, or point FACTCHECK_CACHE at another file)"
        )
        return False

    def _restart(self) -> int:
        """Move the damaged file (and its journal) aside and start an empty cache; 0 entries removed."""
        aside = self.path.with_name(self.path.name + ".damaged")
        for suffix in ("", "-wal", "-shm"):
            old = self.path.with_name(self.path.name + suffix)
            if old.exists():
                old.replace(aside.with_name(aside.name + suffix))
        self.enabled, self.problem = True, None
        if self._conn() is not None:
            self.notice = f"the damaged cache was moved to {aside}; a new one was started"
        return 0

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


_DEFAULT: Cache | None = None


def default() -> Cache:
    """The process's cache (switched off by ``disable()`` or ``FACTCHECK_NO_CACHE=1``)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cache(enabled=os.environ.get("FACTCHECK_NO_CACHE", "") in ("", "0"))
    return _DEFAULT


def disable() -> None:
    """Switch the cache off for this process (``--no-cache``)."""
    global _DEFAULT
    if _DEFAULT is not None:
        _DEFAULT.close()
    _DEFAULT = Cache(enabled=False)


def reset() -> None:
    """Forget the process's cache object (tests point FACTCHECK_CACHE elsewhere, then call this)."""
    global _DEFAULT
    if _DEFAULT is not None:
        _DEFAULT.close()
    _DEFAULT = None

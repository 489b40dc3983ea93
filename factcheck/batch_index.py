"""What a batch held when a command last read it whole, so that a command changing a few claims reads only their
articles, and one counting them reads none (``Review.open_quickly``: ``factcheck mark``, ``edit``, ``status``).

A command that reads a session's batch whole (``Review.open(..., index=True)``: ``mark``, ``edit``, ``status``)
stores, in the extraction cache, the batch's *index*: each article's key, content fingerprint, the file it was
read from, what the batch told of it (a copy, a near-copy, its notices), its title and outlet, and its claims'
ids and scores, with the inputs that could not be read, under a digest of the batch's files as they were before
they were read (each file's and folder's size, modification and change times, inode and mode: ``signature``),
stored on its own too, so that a batch changed since is told without decoding its index.
A later command whose batch has the same signature knows, without reading a file, which article holds a claim
and that every article is the one its session recorded; it then reads just the articles it needs, each checked
against the index.

Correct by construction: the index is keyed by where the batch lies and by the extractor's version
(``cache.code_version``); a batch with a URL, a file changed since (or changed within the two seconds before it
was read, which a modification time may not tell), a file added or removed, anything the signature cannot
tell, gives no index, and the command reads the batch whole as before. An entry that does not have the
expected shape is never trusted. ``--no-cache`` and ``factcheck cache clear`` reach it as every cache entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck import cache as _cache
from factcheck import ingest, lang
from factcheck.model import Article, Claim, InputError
from factcheck.urls import is_http_url

INDEX_FORMAT = 1
# A file modified this close to the moment the batch was read may change again within the same timestamp
# tick without its modification time moving: such a batch gets no index (read whole next time too).
RACY_NS = 2_000_000_000


def _stat_line(where: str, st: os.stat_result) -> str:
    return f"{where}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\0{st.st_mode}\n"


@dataclass(frozen=True, slots=True)
class Signature:
    """The inputs of a batch as the file system describes them: ``digest`` of every file and folder under its
    paths (symlinks with what they lead to), ``newest`` their latest modification or change time (ns)."""

    digest: str
    newest: int


def signature(paths: Sequence[str]) -> Signature | None:
    """The batch's ``Signature``, or None when it cannot be told from the file system (a URL among the paths,
    a folder that cannot be listed)."""
    if not paths or any(is_http_url(p) for p in paths):
        return None
    h = hashlib.blake2b(digest_size=16)
    newest = 0

    def add(where: str, st: os.stat_result) -> None:
        nonlocal newest
        h.update(_stat_line(where, st).encode("utf-8", "surrogateescape"))
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)

    def entry(where: str, p: str, top: bool = False) -> bool:
        """One path: itself (a symlink, and what it leads to), its entries if a folder (inside a folder, a
        symlink to a folder is not followed, as ``ingest.iter_files`` does not follow it)."""
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            h.update(f"{where}\0absent\n".encode("utf-8", "surrogateescape"))
            return True
        except OSError:
            return False
        add(where, st)
        if stat.S_ISLNK(st.st_mode):
            try:
                add(where + "\0->", os.stat(p))
            except OSError:
                h.update(f"{where}\0broken\n".encode("utf-8", "surrogateescape"))
            if top:  # a path given as a symlink (to a folder: it is read)
                try:
                    if stat.S_ISDIR(os.stat(p).st_mode):
                        return folder(where, p)
                except OSError:
                    pass
            return True
        if stat.S_ISDIR(st.st_mode):
            return folder(where, p)
        return True

    def folder(where: str, p: str) -> bool:
        try:
            with os.scandir(p) as it:
                names = sorted(e.name for e in it)
        except OSError:
            return False
        return all(entry(f"{where}/{name}", os.path.join(p, name)) for name in names)

    for i, given in enumerate(paths):
        where = f"{i}\0"
        if not entry(where, given, top=True):
            return None
        if os.path.isfile(given):  # a file given alone: its sidecar too (read from beside it)
            side = str(Path(given).with_suffix(".toml"))
            if not entry(where + "\0sidecar", side):
                return None
    return Signature(h.hexdigest(), newest)


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """An article of an indexed batch: where it was read from (``given``: the index of the batch path that
    holds it; ``rel``: its file's path relative to that folder, None when the path is the file itself), its
    fingerprint and what the batch told of it, its claims' ids in text order with their check-worthiness
    scores, and what ``status`` names it by: its title and outlet as read, its path (``path_tail``: what
    follows its file's path in it, "#2" for a record of a file of several; the file's path is written as the
    batch's paths are written, ``ingest.shown_path``)."""

    key: str
    id: str
    given: int
    rel: str | None
    duplicate_of: str | None
    near_duplicate_of: str | None
    notices: tuple[str, ...]
    claims: tuple[str, ...]
    path_tail: str
    title: str | None
    outlet: str | None
    scores: tuple[float, ...]

    def stand_in(self, paths: Sequence[str]) -> tuple[Article, list[Claim]]:
        """The article and its claims as far as the index knows them (no text), in the batch of ``paths``: what
        a command that counts claims and names articles (``status``) reads of an article it does not read."""
        art = Article(
            path=ingest.shown_path(paths[self.given], self.rel) + self.path_tail,
            key=self.key,
            id=self.id,
            text="",
            title=self.title,
            outlet=self.outlet,
            notices=list(self.notices),
            duplicate_of=self.duplicate_of,
            near_duplicate_of=self.near_duplicate_of,
        )
        claims = [
            Claim(id=cid, article_id=self.id, article_key=self.key, start=0, end=0, text="", score=score)
            for cid, score in zip(self.claims, self.scores, strict=True)
        ]
        return art, claims


@dataclass(slots=True)
class BatchIndex:
    paths: list[str]
    articles: dict[str, IndexedArticle]
    errors: list[InputError]
    _by_claim: dict[str, str | None] | None = None

    def article_of(self, claim_id: str) -> str | None:
        """The key of the article holding ``claim_id``; None when no article (or more than one) holds it."""
        if self._by_claim is None:
            by: dict[str, str | None] = {}
            for a in self.articles.values():
                for cid in a.claims:
                    by[cid] = a.key if cid not in by else None
            self._by_claim = by
        return self._by_claim.get(claim_id)

    def to_json(self, sig: Signature) -> dict[str, Any]:
        return {
            "format": INDEX_FORMAT,
            "signature": sig.digest,
            "articles": [
                [
                    a.key,
                    a.id,
                    a.given,
                    a.rel,
                    a.duplicate_of,
                    a.near_duplicate_of,
                    list(a.notices),
                    list(a.claims),
                    a.path_tail,
                    a.title,
                    a.outlet,
                    list(a.scores),
                ]
                for a in self.articles.values()
            ],
            "errors": [[e.path, e.reason] for e in self.errors],
        }


def _key(paths: Sequence[str]) -> str:
    """The batch by where it lies and how its paths are written: the inputs not read are named as written
    (a session's corpus is read by absolute paths, ``Review._session_corpus``; a `--corpus` as typed)."""
    where = _cache.batch_where(paths)
    h = hashlib.blake2b(json.dumps([_cache.code_version(), where, list(paths)]).encode(), digest_size=16)
    return f"i:{h.hexdigest()}"


def _signature_key(paths: Sequence[str]) -> str:
    """The key of the signature the batch's index was written for, stored apart from the index (a few bytes
    where the index is ~1 MB of JSON for 1,000 articles): a batch changed since is told without decoding it."""
    return "s" + _key(paths)[1:]


def _strings(v: Any) -> bool:
    return type(v) is list and all(type(x) is str for x in v)


def _optional(v: Any) -> bool:
    return v is None or type(v) is str


def _from_json(paths: Sequence[str], value: Any, sig: Signature) -> BatchIndex | None:
    """The index in ``value`` if it has the expected shape and ``sig``'s digest, else None (never trusted)."""
    if (
        not isinstance(value, dict)
        or value.get("format") != INDEX_FORMAT
        or value.get("signature") != sig.digest
    ):
        return None
    rows, errors = value.get("articles"), value.get("errors")
    if type(rows) is not list or type(errors) is not list:
        return None
    articles: dict[str, IndexedArticle] = {}
    for row in rows:
        if type(row) is not list or len(row) != 12:
            return None
        key, aid, given, rel, dup, near, notices, claims, tail, title, outlet, scores = row
        if not (type(key) is str and type(aid) is str and type(given) is int and 0 <= given < len(paths)):
            return None
        if not (
            _optional(rel) and _optional(dup) and _optional(near) and _strings(notices) and _strings(claims)
        ):
            return None
        if not (type(tail) is str and _optional(title) and _optional(outlet) and type(scores) is list):
            return None
        if len(scores) != len(claims) or not all(type(x) is float for x in scores) or key in articles:
            return None
        articles[key] = IndexedArticle(
            key, aid, given, rel, dup, near, tuple(notices), tuple(claims), tail, title, outlet, tuple(scores)
        )
    errs = []
    for e in errors:
        if not (_strings(e) and len(e) == 2):
            return None
        errs.append(InputError(e[0], e[1]))
    return BatchIndex(list(paths), articles, errs)


def read(paths: Sequence[str], store: _cache.Cache | None = None) -> BatchIndex | None:
    """The index of the batch of ``paths`` when the batch is as it was when the index was written; else None."""
    store = store if store is not None else _cache.default()
    if not store.enabled:
        return None
    sig = signature(paths)
    if sig is None:
        return None
    if store.get_value(_signature_key(paths)) != sig.digest:
        return None  # (a batch changed since: its index is not decoded)
    return _from_json(paths, store.get_value(_key(paths)), sig)  # (which checks its signature again)


def write(
    paths: Sequence[str],
    sig: Signature | None,
    articles: Iterable[Article],
    claims: dict[str, list[Claim]],
    errors: Sequence[InputError],
    store: _cache.Cache | None = None,
) -> None:
    """Store the index of a batch just read whole (``sig``: its signature taken before it was read), unless the
    batch changed meanwhile or a file was changed too recently to tell (``RACY_NS``)."""
    store = store if store is not None else _cache.default()
    if sig is None or not store.enabled or time.time_ns() - sig.newest < RACY_NS:
        return
    if signature(paths) != sig:  # (changed while it was read)
        return
    roots = [Path(p) for p in paths]
    where: dict[str, tuple[int, str | None]] = {}
    for i, p in enumerate(paths):
        if os.path.isfile(p):
            where[str(Path(p).resolve())] = (i, None)
    rows: dict[str, IndexedArticle] = {}
    for a in articles:
        place = _place(a, roots, where)
        if place is None:
            return  # an article whose file cannot be told: no index
        mine = claims.get(a.key, [])
        if any(type(c.score) is not float for c in mine):
            return  # (a score that JSON would not give back as it is)
        shown = ingest.shown_path(paths[place[0]], place[1])
        if not a.path.startswith(shown):
            return  # (an article whose path is not its file's: no index)
        rows[a.key] = IndexedArticle(
            a.key,
            a.id,
            place[0],
            place[1],
            a.duplicate_of,
            a.near_duplicate_of,
            tuple(a.notices),
            tuple(c.id for c in mine),
            a.path[len(shown) :],
            a.title,
            a.outlet,
            tuple(c.score for c in mine),
        )
    index = BatchIndex(list(paths), rows, list(errors))
    key = _key(paths)
    value = index.to_json(sig)
    # (written as it is: a batch read whole has mostly changed since; zlib's fastest level, as the grouping
    # state's pieces: ~1 MB of JSON for 1,000 articles)
    store.put_value("index", key, value, 1)
    store.put_value("index-signature", _signature_key(paths), sig.digest)  # (after it: see ``read``)


def _place(
    a: Article, roots: list[Path], files: dict[str, tuple[int, str | None]]
) -> tuple[int, str | None] | None:
    """Where ``a`` was read from: (the index of its batch path, its file relative to that folder or None)."""
    if not a.source_file:
        return None
    src = Path(a.source_file)
    found = files.get(str(src.resolve()))
    if found is not None:
        return found
    for i, root in enumerate(roots):
        try:
            rel = src.relative_to(root).as_posix()
        except ValueError:
            continue
        if rel and ".." not in rel.split("/"):
            return i, rel
    return None


def read_articles(
    index: BatchIndex, keys: Iterable[str], store: _cache.Cache | None = None
) -> dict[str, tuple[Article, list[Claim]]] | None:
    """The articles ``keys`` of an indexed batch with their claims, read and extracted (from the cache) as
    reading the whole batch makes them: the same objects, what the batch told of each (a copy, a near-copy,
    its notices) put back from the index. None when one of them does not come out as the index recorded it
    (its fingerprint, key or claim ids): the caller reads the batch whole."""
    from factcheck import pipeline

    store = store if store is not None else _cache.default()
    out: dict[str, tuple[Article, list[Claim]]] = {}
    wanted: dict[tuple[int, str | None], list[IndexedArticle]] = {}
    for k in keys:
        entry = index.articles.get(k)
        if entry is None:
            return None
        wanted.setdefault((entry.given, entry.rel), []).append(entry)
    with lang.remembering(store if store.enabled else None):
        for (given, rel), entries in wanted.items():
            read = {a.key: a for a in ingest.read_one_file(index.paths[given], rel, cache=store).articles}
            for entry in entries:
                art = read.get(entry.key)
                if art is None or art.id != entry.id:
                    return None
                art.duplicate_of, art.near_duplicate_of = entry.duplicate_of, entry.near_duplicate_of
                art.notices = list(entry.notices)
                claims = pipeline.extract_article(art, cache=store)
                if tuple(c.id for c in claims) != entry.claims:
                    return None
                out[entry.key] = (art, claims)
    store.flush()
    return out

"""What a batch held when a command last read it whole, so that a command changing a few claims reads only their
articles, and one counting them reads none (``Review.open_quickly``: ``factcheck mark``, ``edit``, ``status``);
after a few files changed, only those (``current``).

A command that reads a session's batch whole (``Review.open(..., index=True)``: ``mark``, ``edit``, ``status``)
stores, in the extraction cache, the batch's *index*: each article's key, content fingerprint, the file it was
read from, what the batch told of it (a copy, a near-copy, its notices), its title and outlet, its claims' ids
and scores and the digest of the text it is compared by, with the inputs that could not be read, under a digest
of the batch's files as they were before they were read (each file's size, modification and change times, inode
and mode: ``signature``; its entries, file by file, stored apart, and the digest on its own too, so that a batch
changed since is told without decoding its index).
A later command whose batch has the same signature knows, without reading a file, which article holds a claim
and that every article is the one its session recorded; it then reads just the articles it needs, each checked
against the index. When some files changed (edited, added, removed), the two signatures' entries tell which:
only they are read, and what the batch tells of every article (a copy of an earlier one, a near-copy) is told
again over the whole batch as ``pipeline.build`` tells it (``_update``); the index so brought up to date is
stored again.

Correct by construction: the index is keyed by where the batch lies and by the extractor's version
(``cache.code_version``); a batch with a URL, a change the entries cannot tell apart (a symlink, a special file,
a file that cannot be read, a key made unique with "~2", paths given inside one another), anything the
signature cannot tell, gives no index, and the command reads the batch whole as before; an index is not
stored for a file changed within the two seconds before it was read (which a modification time may not tell).
An entry that does not have the expected shape is never trusted. ``--no-cache`` and ``factcheck cache clear``
reach it as every cache entry.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck import cache as _cache
from factcheck import ingest, lang
from factcheck.model import Article, Claim, InputError
from factcheck.urls import is_http_url

INDEX_FORMAT = 2
# A file modified this close to the moment the batch was read may change again within the same timestamp
# tick without its modification time moving: such a batch gets no index (read whole next time too).
RACY_NS = 2_000_000_000


def _stat_value(kind: str, st: os.stat_result) -> str:
    return f"{kind}{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_mode}"


@dataclass(frozen=True, slots=True)
class Signature:
    """The inputs of a batch as the file system describes them: ``digest`` of ``entries`` (each file that
    ``ingest.load`` reads or names, by where it lies: its size, modification and change times, inode and mode;
    symlinks with what they lead to; folders by their name alone), ``newest`` the latest modification or change
    time (ns) of those files."""

    digest: str
    newest: int
    entries: Mapping[str, str] = field(default_factory=dict)


def _digest(entries: Mapping[str, str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for where, value in entries.items():
        h.update(f"{where}\0{value}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _is_article_name(name: str) -> bool:
    """A name ``ingest.iter_files`` reads as an article file (a supported suffix, no README or licence)."""
    if os.path.splitext(name)[1].lower() not in ingest.SUPPORTED:
        return False
    return not ingest.is_readme(Path(name))  # (iter_files's own test)


def signature(paths: Sequence[str]) -> Signature | None:
    """The batch's ``Signature``, or None when it cannot be told from the file system (a URL among the paths,
    a folder that cannot be listed).

    In a folder it holds what ``ingest.iter_files`` reads or names and nothing else: the article files, the
    sidecar beside each (``NAME.toml``), every entry that is not a plain file (a symlink, a device: read or
    named as skipped) and the folders' names; not the hidden entries, nor the other files (a session saved
    inside its own corpus folder, its history, backups, lock and conflict files are no articles: a save
    leaves the batch's signature as it was), nor a folder's times (a file saved beside the articles changes
    them)."""
    if not paths or any(is_http_url(p) for p in paths):
        return None
    entries: dict[str, str] = {}
    newest = 0

    def stat_of(where: str, p: str, st: os.stat_result) -> None:
        nonlocal newest
        if stat.S_ISLNK(st.st_mode):
            try:
                target = os.stat(p)
                value = _stat_value("l", st) + "->" + _stat_value("", target)
                newest = max(newest, target.st_mtime_ns, target.st_ctime_ns)
            except OSError:
                value = _stat_value("l", st) + "->broken"
        else:
            value = _stat_value("f" if stat.S_ISREG(st.st_mode) else "o", st)
        entries[where] = value
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)

    def folder(where: str, p: str) -> bool:
        entries[where] = "d"
        try:
            with os.scandir(p) as it:
                found = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError:
            return False
        articles = {e.name for e in found if _is_article_name(e.name)}
        sidecars = {os.path.splitext(name)[0] + ".toml" for name in articles}  # (``ingest._sidecar``'s)
        for e in found:
            name = e.name
            inner, full = f"{where}/{name}", os.path.join(p, name)
            try:
                st = e.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue  # (gone since it was listed)
            except OSError:
                return False
            if stat.S_ISDIR(st.st_mode):
                if not folder(inner, full):
                    return False
            elif (
                not stat.S_ISREG(st.st_mode)
                or ingest.shown_name(name) != name
                or name in articles
                or name in sidecars
            ):
                stat_of(inner, full, st)
        return True

    for i, given in enumerate(paths):
        where = f"{i}\0"
        try:
            st = os.lstat(given)
        except FileNotFoundError:
            entries[where] = "absent"
            continue
        except OSError:
            return None
        if stat.S_ISLNK(st.st_mode):
            stat_of(where, given, st)
            try:
                is_dir = stat.S_ISDIR(os.stat(given).st_mode)
            except OSError:
                is_dir = False
            entries[where + "\0link"] = entries.pop(where)
            if is_dir and not folder(where, given):  # a path given as a symlink to a folder: read
                return None
        elif stat.S_ISDIR(st.st_mode):
            if not folder(where, given):
                return None
        else:
            stat_of(where, given, st)
        if os.path.isfile(given):  # a file given alone: its sidecar too (read from beside it)
            side = str(Path(given).with_suffix(".toml"))
            try:
                stat_of(where + "\0sidecar", side, os.lstat(side))
            except FileNotFoundError:
                entries[where + "\0sidecar"] = "absent"
            except OSError:
                return None
    return Signature(_digest(entries), newest, entries)


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """An article of an indexed batch: where it was read from (``given``: the index of the batch path that
    holds it; ``rel``: its file's path relative to that folder, None when the path is the file itself), its
    fingerprint and what the batch told of it, its claims' ids in text order with their check-worthiness
    scores, and what ``status`` names it by: its title and outlet as read, its path (``path_tail``: what
    follows its file's path in it, "#2" for a record of a file of several; the file's path is written as the
    batch's paths are written, ``ingest.shown_path``); ``text``: the digest of the text it is compared by with
    the other articles of the batch (``grouping.duplicates.shingled_text``), for telling its near-copies."""

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
    text: str

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

    def natural_key(self, paths: Sequence[str]) -> str:
        """The key ``ingest.load`` gives this article when no other article of the batch has it (else it adds
        "~2"): its file's path in its folder (its name, for a file given alone), "#N" for a record of several."""
        base = self.rel if self.rel is not None else ingest.shown_name(Path(paths[self.given]).name)
        return base + self.path_tail


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

    def to_json(self, digest: str) -> dict[str, Any]:
        return {
            "format": INDEX_FORMAT,
            "signature": digest,
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
                    a.text,
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


def _entries_key(paths: Sequence[str]) -> str:
    """The key of the entries of that signature (``Signature.entries``), read only when the batch changed:
    they tell which files did."""
    return "e" + _key(paths)[1:]


def _strings(v: Any) -> bool:
    return type(v) is list and all(type(x) is str for x in v)


def _optional(v: Any) -> bool:
    return v is None or type(v) is str


def _from_json(paths: Sequence[str], value: Any, digest: str) -> BatchIndex | None:
    """The index in ``value`` if it has the expected shape and the signature ``digest``, else None (never
    trusted)."""
    if not isinstance(value, dict) or value.get("format") != INDEX_FORMAT or value.get("signature") != digest:
        return None
    rows, errors = value.get("articles"), value.get("errors")
    if type(rows) is not list or type(errors) is not list:
        return None
    articles: dict[str, IndexedArticle] = {}
    for row in rows:
        if type(row) is not list or len(row) != 13:
            return None
        key, aid, given, rel, dup, near, notices, claims, tail, title, outlet, scores, text = row
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
        if type(text) is not str:
            return None
        articles[key] = IndexedArticle(
            key,
            aid,
            given,
            rel,
            dup,
            near,
            tuple(notices),
            tuple(claims),
            tail,
            title,
            outlet,
            tuple(scores),
            text,
        )
    errs = []
    for e in errors:
        if not (_strings(e) and len(e) == 2):
            return None
        errs.append(InputError(e[0], e[1]))
    return BatchIndex(list(paths), articles, errs)


def read(paths: Sequence[str], store: _cache.Cache | None = None) -> BatchIndex | None:
    """The index of the batch of ``paths`` when the batch is as it was when the index was written; else None."""
    got = current(paths, store, update=False)
    return got.index if got is not None else None


@dataclass(slots=True)
class Current:
    """The index of a batch as it is now (``current``), and the articles read to bring it up to date (by key,
    with their claims: those of the files changed, added, and those the batch now tells otherwise, a copy
    that no longer is one...)."""

    index: BatchIndex
    read: dict[str, tuple[Article, list[Claim]]]


def current(
    paths: Sequence[str], store: _cache.Cache | None = None, *, update: bool = True
) -> Current | None:
    """The batch's index as the batch is now: the stored one when its signature is the batch's; else, with
    ``update``, the stored one brought up to date by reading just the files changed, added or removed since it
    was written (``_update``), stored again. None when there is no index, or when it cannot be brought up to
    date so (the caller reads the batch whole)."""
    store = store if store is not None else _cache.default()
    if not store.enabled:
        return None
    sig = signature(paths)
    if sig is None:
        return None
    stored = store.get_value(_signature_key(paths))
    if stored == sig.digest:
        index = _from_json(paths, store.get_value(_key(paths)), sig.digest)  # (its signature checked again)
        return Current(index, {}) if index is not None else None
    if not update or type(stored) is not str:
        return None  # (a batch changed since: its index is not decoded)
    return _update(paths, sig, stored, store)


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
    from factcheck.grouping.duplicates import shingled_text

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
        row = _row(paths, place, a, claims.get(a.key, []), _cache.text_digest(shingled_text(a)))
        if row is None:
            return
        rows[a.key] = row
    _store(paths, sig, BatchIndex(list(paths), rows, list(errors)), store)


def _row(
    paths: Sequence[str], place: tuple[int, str | None], a: Article, mine: list[Claim], text: str
) -> IndexedArticle | None:
    """The index's row of article ``a`` read from the file at ``place``, None when it cannot have one."""
    if any(type(c.score) is not float for c in mine):
        return None  # (a score that JSON would not give back as it is)
    shown = ingest.shown_path(paths[place[0]], place[1])
    if not a.path.startswith(shown):
        return None  # (an article whose path is not its file's: no index)
    return IndexedArticle(
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
        text,
    )


def _store(paths: Sequence[str], sig: Signature, index: BatchIndex, store: _cache.Cache) -> None:
    # (written as it is: a batch read whole has mostly changed since; zlib's fastest level, as the grouping
    # state's pieces: ~1 MB of JSON for 1,000 articles)
    store.put_value("index", _key(paths), index.to_json(sig.digest), 1)
    store.put_value("index-entries", _entries_key(paths), dict(sig.entries), 1)
    store.put_value("index-signature", _signature_key(paths), sig.digest)  # (after them: see ``current``)


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


# ---------------------------------------------------------------------------------------------
# Bringing an index up to date after a few files changed


class _CannotTell(Exception):
    """What the batch now holds cannot be told from the index and the files read: read it whole."""


_File = tuple[int, str | None]  # (the index of a batch path, a file's path in that folder, or None: the path)


def _update(paths: Sequence[str], sig: Signature, stored: str, store: _cache.Cache) -> Current | None:
    """The index written for the signature ``stored`` brought up to the batch as it is now (``sig``): the
    files changed, added or removed since are told from the two signatures' entries, and only they are read;
    what the batch tells of every article (a copy of an earlier one, a near-copy, its key) is told again
    over the whole batch as ``pipeline.build`` tells it, from the index (fingerprints, compared texts) and the
    articles read, and an article it now tells otherwise is read too. Stored again (as ``write`` stores an
    index). None for what this does not tell (a symlink or a sidecar of a file given alone changed, a key
    made unique with "~2", a file that cannot be read, paths inside one another...): the batch is read whole."""
    entries = store.get_value(_entries_key(paths))
    if not isinstance(entries, dict) or not all(type(v) is str for v in entries.values()):
        return None
    if _digest(entries) != stored:
        return None  # (the entries of another writing of the index)
    old = _from_json(paths, store.get_value(_key(paths)), stored)
    if old is None or not _apart(paths):
        return None
    try:
        files = _changed_files(paths, entries, sig.entries)
        return _brought_up(paths, sig, old, files, store)
    except _CannotTell:
        return None


def _apart(paths: Sequence[str]) -> bool:
    """Whether no path of the batch is given twice or lies inside another (``ingest.load`` reads such a file
    once, under the first)."""
    where = [os.path.abspath(p) for p in paths]
    if len(set(where)) != len(where):
        return False
    return not any(b.startswith(a.rstrip(os.sep) + os.sep) for a in where for b in where if a != b)


def _kind(value: str | None) -> str:
    return "" if value is None else value[:1]


def _changed_files(
    paths: Sequence[str], before: Mapping[str, str], now: Mapping[str, str]
) -> dict[_File, bool]:
    """The article files changed, added or removed between two signatures' entries, each with whether it is
    there now. Raises ``_CannotTell`` for a change this does not follow (a symlink, a special file, a name that
    is not UTF-8, a path given alone that is gone or that is a symlink)."""
    out: dict[_File, bool] = {}
    for where in before.keys() | now.keys():
        was, is_ = before.get(where), now.get(where)
        if was == is_:
            continue
        head, _, rest = where.partition("\0")
        given = int(head) if head.isascii() and head.isdigit() else len(paths)
        if given >= len(paths):
            raise _CannotTell
        kinds = {_kind(was), _kind(is_)} - {""}
        if kinds == {"d"}:
            continue  # (a folder added or gone: its files are entries of their own)
        if not kinds <= {"f"}:
            raise _CannotTell  # (a symlink, a special file, a folder where a file was, a path gone)
        if rest in ("", "\0sidecar"):  # a file given alone, or its sidecar
            if not os.path.isfile(paths[given]) or now.get(f"{given}\0") is None:
                raise _CannotTell
            out[(given, None)] = True
            continue
        rel = rest[1:]
        name = rel.rsplit("/", 1)[-1]
        if ingest.shown_name(name) != name:
            raise _CannotTell
        if _is_article_name(name):
            out[(given, rel)] = is_ is not None
            continue
        # a sidecar: the article files it goes with, before and now
        folder = rel[: len(rel) - len(name)]
        for other in before.keys() | now.keys():
            if not other.startswith(f"{given}\0/{folder}"):
                continue
            sibling = other.partition("\0")[2][1:]
            sib_name = sibling[len(folder) :]
            if (
                "/" not in sib_name
                and _is_article_name(sib_name)
                and str(Path(sib_name).with_suffix(".toml")) == name
            ):
                out[(given, sibling)] = other in now
    for i in range(len(paths)):  # (a folder left with no article file is named as such: read whole)
        if now.get(f"{i}\0") == "d" and not any(
            w.startswith(f"{i}\0/") and _is_article_name(w.rsplit("/", 1)[-1]) for w in now
        ):
            raise _CannotTell
    return out


def _order(f: _File) -> tuple[int, list[str]]:
    """Where a file's articles come in the batch: by its path, in the order of its batch path and, in a folder,
    by its path's parts (as ``ingest.iter_files`` sorts them)."""
    return f[0], f[1].split("/") if f[1] is not None else []


def _brought_up(
    paths: Sequence[str], sig: Signature, old: BatchIndex, files: dict[_File, bool], store: _cache.Cache
) -> Current:
    from factcheck import pipeline
    from factcheck.grouping.duplicates import BatchDuplicates, shingled_text

    if not files:  # (nothing the batch reads changed: a folder added, a file of another kind...)
        index = BatchIndex(list(paths), dict(old.articles), list(old.errors))
        _store_if_settled(paths, sig, index, store, None)
        return Current(index, {})
    shown = [ingest.shown_path(paths[g], rel) for g, rel in files]
    given_paths = {ingest.shown_name(p) for p in paths}
    if any(e.path in given_paths or any(e.path.startswith(s) for s in shown) for e in old.errors):
        raise _CannotTell  # (an error of a file changed, or of a folder: not told apart here)
    if any(a.key != a.natural_key(paths) for a in old.articles.values()):
        raise _CannotTell  # (a key made unique against another's: which one is, may change)
    kept = [a for a in old.articles.values() if (a.given, a.rel) not in files]
    keys = [_order((a.given, a.rel)) for a in kept]
    if any(keys[i] > keys[i + 1] for i in range(len(keys) - 1)):
        raise _CannotTell
    texts: dict[str, str] = {}  # the compared texts of the articles read, by digest
    read: dict[str, tuple[Article, _File]] = {}
    with lang.remembering(store if store.enabled else None):
        for f in sorted((f for f, there in files.items() if there), key=_order):
            batch = ingest.read_one_file(paths[f[0]], f[1], cache=store)
            if batch.errors:
                raise _CannotTell
            for art in batch.articles:
                if art.key in read:
                    raise _CannotTell  # (two files of one key: one of them is made unique)
                read[art.key] = (art, f)
        if any(a.key in read for a in kept):
            raise _CannotTell
        # every article in the batch's order: (where it comes, its key, its fingerprint, its compared text)
        rows: list[tuple[tuple[int, list[str]], int, str, str, str]] = []
        for n, a in enumerate(kept):
            rows.append((_order((a.given, a.rel)), n, a.key, a.id, a.text))
        for n, (art, f) in enumerate(read.values()):
            text = shingled_text(art)
            digest = _cache.text_digest(text)
            texts[digest] = text
            rows.append((_order(f), n, art.key, art.id, digest))
        rows.sort(key=lambda r: (r[0], r[1]))
        # what the batch tells of each article, as ``pipeline.build`` tells it: on the articles read
        # themselves, on a bare stand-in of each other one (key and fingerprint: what it is compared by)
        told: dict[str, Article] = {}
        for _, _, key, aid, _text in rows:
            told[key] = read[key][0] if key in read else Article(path="", key=key, id=aid, text="")
        first: dict[str, Article] = {}
        for art in told.values():
            pipeline.mark_duplicate(art, first)
        last = pipeline.told_from_json(store.get_told(paths))
        batch_texts = {r[4] for r in rows}
        near = BatchDuplicates(last, functools.partial(_shingles, store, texts, batch_texts))
        found = near.tell([(key, text) for _, _, key, _, text in rows])
        for art, f_ in zip(told.values(), found, strict=True):
            pipeline.mark_near_duplicate(art, f_)
        for a in kept:  # an article the batch now tells otherwise: read again, with what it tells now
            probe = told[a.key]  # (its notices: the one the batch adds, if any, the last of the article's)
            marks = (probe.duplicate_of, probe.near_duplicate_of)
            if marks == (a.duplicate_of, a.near_duplicate_of) and tuple(probe.notices[-1:]) in (
                (),
                a.notices[-1:],
            ):
                continue
            again = {x.key: x for x in ingest.read_one_file(paths[a.given], a.rel, cache=store).articles}
            got = again.get(a.key)
            if got is None or got.id != a.id or _cache.text_digest(shingled_text(got)) != a.text:
                raise _CannotTell
            got.duplicate_of, got.near_duplicate_of = marks
            got.notices += [n for n in probe.notices if n not in got.notices]
            read[a.key] = (got, (a.given, a.rel))
        out: dict[str, tuple[Article, list[Claim]]] = {}
        for key, (art, _f) in read.items():
            out[key] = (art, pipeline.extract_article(art, cache=store))
    store.flush()
    by_key = {a.key: a for a in kept}
    articles: dict[str, IndexedArticle] = {}
    for _, _, key, _, text in rows:
        if key in out:
            art, claims = out[key]
            row = _row(paths, read[key][1], art, claims, text)
            if row is None:
                raise _CannotTell
            articles[key] = row
        else:
            articles[key] = by_key[key]
    index = BatchIndex(list(paths), articles, list(old.errors))
    _store_if_settled(paths, sig, index, store, near.run() if near.run() != last else None)
    return Current(index, out)


def _shingles(
    store: _cache.Cache, texts: dict[str, str], batch: set[str], digests: list[str]
) -> dict[str, frozenset[int]]:
    """The shingles of texts by digest, as ``pipeline.build`` reads them (``pipeline.stored_shingles``: from the
    cache, or made from ``texts``, the texts at hand); a text of the batch (``batch``) whose shingles are
    neither (an article not read, whose shingles the cache no longer holds) cannot be compared here."""
    from factcheck import pipeline

    got = pipeline.stored_shingles(store, texts, digests)
    if any(d in batch and d not in got for d in digests):
        raise _CannotTell
    return got


def _store_if_settled(
    paths: Sequence[str], sig: Signature, index: BatchIndex, store: _cache.Cache, run: Any
) -> None:
    """Store an index brought up to date (and what the batch's near-copies told, ``run``), unless a file was
    changed too recently to tell or the batch changed while it was read (``write``)."""
    from factcheck import pipeline

    if run is not None:
        store.put_told(paths, pipeline.told_to_json(run))
    if time.time_ns() - sig.newest < RACY_NS or signature(paths) != sig:
        return
    _store(paths, sig, index, store)

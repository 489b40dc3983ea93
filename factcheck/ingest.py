"""Reading articles from disk: text/markdown (with optional TOML front matter or a sidecar),
JSON/JSONL scraper records; inferring metadata; marking page furniture.

Bad input never raises to the caller: every unreadable file becomes an ``InputError`` and the
rest of the batch is still read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import functools
import hashlib
import itertools
import json
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from factcheck import cache as _cache
from factcheck import furniture, gazetteer, metadata, tables, webpage
from factcheck import lang as langres
from factcheck.dates import knows_language, parse_date_text
from factcheck.model import Article, Batch, InputError, Segment
from factcheck.urls import archived_copy, canonical_url, is_http_url, page_address

MAX_BYTES = 5 * 1024 * 1024  # a news article is a few KB; anything above this is not one
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = webpage.HTML_SUFFIXES
SUPPORTED = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES
_KNOWN_SUFFIXES = ", ".join(sorted(SUPPORTED))  # (named when a folder holds none of them)
SIDECAR_KEYS = {"title", "outlet", "url", "authors", "published", "modified"}
TEXT_KEYS = ("text", "maintext", "raw_text", "content", "body")  # a JSON record's text, first found

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "March 19, 2024" | "19 March 2024" | "2024-03-19" | "19/03/2024" is ambiguous and not used
_DATE_MDY = re.compile(
    rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
_DATE_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\s?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
_DATE_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?=\b|T)")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[/-](?P<d>\d{1,2})(?:/|-|$)",
    re.I,
)
_URL_DATE_COMPACT = re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|-|_)")

# Page-furniture words live in factcheck/lang/<code>/furniture.toml (factcheck.furniture); the patterns here
# are structural: a credit in parentheses at the end of a caption names an agency or a photographer.
_CAPTION = re.compile(
    r"""\((?:[^()]{0,80}(?:/|\bvia\b|getty|afp|reuters|\bap\b|dpa|epa|photo|foto|image|file|pool|shutterstock)[^()]{0,80})\)\s*$""",
    re.I | re.X,
)
_BIO_HINTS = (
    "writer",
    "journalist",
    "reporter",
    "author",
    "editor",
    "correspondent",
    "columnist",
    "contributor",
    "blogger",
    "news",
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _has_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:  # noqa: SIM110 (a plain loop is faster than any() over a generator)
        if w in low:
            return True
    return False


_AUTHOR_LABEL = re.compile(r"^(?:authors?|writers?|reporters?|reporting\s+by)\s*:\s*(?P<who>.+)$", re.I)
_SOURCE_LABEL = re.compile(r"^(?:source|publisher|outlet|published\s+by)\s*:\s*(?P<who>.+)$", re.I)
# (the first person's "I am" speaks of the author only outside a quotation: not right after an opening
# quote, and with no closing quote before the role -- "“I am not a crook,” Nixon told a group of Associated
# Press editors" is a quote in the article's text)
_BIO = re.compile(
    r"""(?:(?<![“"„«‘‚'])\bI\s+(?:am|have\s+been|'ve\s+been|write|cover)\b[^”"»]{0,200}\b(?:writer|journalist|reporter|author|editor|correspondent|columnist|news|blogger)|
        ^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s+\(@\w+\))?\s+(?:is|has\s+been)\s+(?:an?\s+|the\s+|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s?\s+)(?:[\w-]+\s+){0,4}(?i:writer|journalist|reporter|editor|correspondent|columnist|contributor)s?\b)""",
    re.X,
)
_NEWS_DESK = re.compile(r"\b((?:The\s+)?[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})\s+news\s+desk\b")
_REPORTS_OUTLET = re.compile(
    r"(?:…|\.\.\.)\s*(?:reports?|via|from)\s+(?P<o>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})\s*$"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?)(?:,\s*[A-Z][\w.]+(?:\s+\d{1,2})?)?\s*\((?P<agency>[A-Z][\w&.' ]{1,30})\)\s*[:\-–—]"
)
_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")


@dataclass(slots=True)
class _Line:
    """A non-blank line of an article and the features the line rules read.

    Several rules ask the same questions of a line. What every line is asked (its word count, how it
    ends, whether it is a sentence, a URL, a paragraph of running text) is computed once when the line is
    made; what only some rules ask of some lines (a digit) the first time it is asked, and kept. The
    rules' logic stays in the functions each feature names."""

    start: int
    end: int  # exclusive, without the newline
    text: str  # stripped
    closing: str = field(init=False)  # ``_closing``: the non-word characters the line ends with
    full_stop_end: bool = field(init=False)  # a full stop, "!" or "?" at the end (closing quotes after it)
    words: int = field(init=False)  # ``_word_count``
    sentence: bool = field(init=False)  # ``_is_sentence``: eight words or more, closed like a sentence
    url: str | None = field(init=False)  # ``_url_line``: the URL the line is nothing but, else None
    substantial: bool = field(init=False)  # ``_substantial``: a paragraph of running text
    _has_digit: bool | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.closing = _closing(self.text)
        self.full_stop_end = _FULL_STOP_END.search(self.closing) is not None
        self.words = _word_count(self.text)
        self.sentence = _is_sentence(self)
        self.url = _url_line(self.text)
        self.substantial = _substantial(self)

    @property
    def has_digit(self) -> bool:
        if self._has_digit is None:
            self._has_digit = _DIGIT_ANY.search(self.text) is not None
        return self._has_digit


# ---------------------------------------------------------------------------------------------
# Discovering and reading files
#
# Containment: a folder is read without following a symlink out of it (a link inside pointing inside is
# read, one pointing outside is skipped and listed); devices, FIFOs and sockets are never opened; an
# unreadable subfolder or a file name that is not UTF-8 is listed with its reason. A file is opened
# non-blocking and checked with fstat before a bounded read, so nothing can block or read without limit.

# Per-file bounds on time and memory (what is over them is named, never silently dropped):
MAX_LINES = 20_000  # lines of one article's text; a news page has a few hundred (2.6 million took minutes)
MAX_RECORDS = 10_000  # records of one JSON/JSONL file; 5 MB of real articles is ~1,500 (100k tiny: 24 s)


def shown_name(p: Path | str) -> str:
    """A path as it can be printed: bytes that are not UTF-8 in a file name shown as ``\\xNN``."""
    s = str(p)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(s).decode("utf-8", "backslashreplace")
    return s


def missing_reason(path: Path) -> str:
    """Why ``path``, which is no file or folder, cannot be read: "no such file or folder", or for a symlink that
    it is a loop (a link that leads back to itself: resolving it raised, a traceback) or broken."""
    if not path.is_symlink():
        return "no such file or folder"
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symlink loop (the link leads back to itself): nothing to read"
    return "broken symlink (what it points to does not exist)"


def iter_files(root: Path, skipped: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Supported article files below ``root`` (recursive, sorted, hidden entries skipped).

    What cannot be read safely is not yielded but added to ``skipped`` as ``(path, reason)``: symlinks
    leading out of ``root`` (or broken, or to a folder), special files, unreadable subfolders and file
    names that are not valid UTF-8."""
    real_root = root.resolve()

    def skip(p: Path, why: str) -> None:
        if skipped is not None:
            skipped.append((p, why))

    def walk(folder: Path) -> Iterator[Path]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda ent: ent.name)
        except OSError as e:
            skip(folder, f"folder cannot be read ({e.strerror or e}); its files were skipped")
            return
        for ent in entries:
            if ent.name.startswith("."):
                continue
            p = Path(ent.path)
            if shown_name(ent.name) != ent.name:
                skip(p, "file name is not valid UTF-8; rename the file to read it")
                continue
            try:
                if ent.is_symlink():
                    try:
                        target = p.resolve(strict=True)
                    except (OSError, RuntimeError):  # (RuntimeError: a loop, before Python 3.13)
                        skip(p, missing_reason(p))
                        continue
                    if not target.is_relative_to(real_root):
                        skip(p, "symlink pointing outside the corpus folder (not followed)")
                    elif target.is_dir():
                        skip(p, "symlink to a folder (not followed; its files are read where they are)")
                    elif p.suffix.lower() in SUPPORTED and not is_readme(p):
                        yield p  # read_text_file refuses it if it is not a regular file
                elif ent.is_dir(follow_symlinks=False):
                    yield from walk(p)
                elif not ent.is_file(follow_symlinks=False):
                    skip(p, "not a regular file (device, FIFO or socket); refused")
                elif p.suffix.lower() in SUPPORTED and not is_readme(p):
                    yield p
            except OSError as err:
                skip(p, err.strerror or str(err))

    yield from sorted(walk(root))  # (as sorted(root.rglob("*")) was)


def is_readme(p: Path) -> bool:
    return p.stem.lower() in {"readme", "license", "changelog"}


_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def read_text_file(p: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a file as text exactly as ``Path.read_text(encoding='utf-8')`` does (a BOM kept, universal
    newlines), or as UTF-16 / UTF-32 when it starts with their BOM.

    Raises ``ValueError`` with a one-line reason for special files (devices, FIFOs, sockets: never opened
    for a blocking read), binary (NUL bytes anywhere), non-UTF-8, empty (or only a BOM) or oversized files;
    ``OSError`` when the file cannot be opened."""
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((name for test, name in _FILE_KINDS if test(st.st_mode)), "not a regular file")
            raise ValueError(f"{kind}, not a text file; refused")
        if st.st_size > max_bytes:
            raise ValueError(f"file is too large ({st.st_size:,} bytes; the limit is {max_bytes:,})")
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"file is too large (more than {max_bytes:,} bytes)")
    return text_of_bytes(data)


def text_of_bytes(data: bytes) -> str:
    """A text file's bytes as ``read_text_file`` reads them (also a plain-text page fetched: ``webpage``);
    ValueError saying why they are no text."""
    # universal newlines, as Path.read_text: claim offsets index the text with \r\n and \r read as \n
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\ufeff", "").strip():
        raise ValueError("empty file")
    return text


# Unicode categories no text holds but by accident: control codes, private use, unassigned code points
_NO_TEXT = frozenset({"Cc", "Co", "Cn"})


def _decode(data: bytes) -> str:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise ValueError(f"not valid {codec.upper()} (at byte offset {e.start})") from None
            if "\x00" in text:
                raise ValueError("binary file (contains NUL characters), not a text article")
            odd = sum(unicodedata.category(c) in _NO_TEXT for c in text if c not in "\t\n\v\f\r")
            if odd * 100 > len(text):  # (bytes of another encoding read in pairs: "ÿþHello" -> "效汬\u206f")
                raise ValueError(
                    f"binary file or another encoding behind a {codec.upper()} byte-order mark"
                    f" ({odd:,} of {len(text):,} characters are unassigned, private or control codes)"
                )
            return text
    if b"\x00" in data:
        raise ValueError(
            f"binary file (contains NUL bytes, first at offset {data.index(0):,}), not a text article"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        # (what to do said too: a text saved as "Text (Windows)" or Latin-1 was refused with the offset alone)
        raise ValueError(
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}): save it as UTF-8 to read it"
        ) from None


def parse_json(text: str) -> Any:
    """``json.loads`` with one-line errors (``ValueError``), a too-deep nesting included."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None


def parse_toml(text: str, what: str) -> dict[str, Any]:
    """``tomllib.loads`` with one-line errors (``ValueError``) naming ``what`` was read."""
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))  # (a UTF-8 BOM a Windows editor wrote)
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{what} is not valid TOML: {e}") from None
    except RecursionError:
        raise ValueError(f"{what} is nested too deeply to read") from None


FetchProgress = Callable[[int, int, str], None]
# ``files_read(done, total)``: the input files and URLs read so far, of all those to read (``load``)
FilesRead = Callable[[int, int], None]


def load(
    paths: Iterable[str | Path],
    max_bytes: int = MAX_BYTES,
    *,
    pages_dir: Path | None = None,
    refresh: bool = False,
    fetch_progress: FetchProgress | None = None,
    cache: _cache.Cache | None = None,
    read: Callable[[Article], None] | None = None,
    files_read: FilesRead | None = None,
) -> Batch:
    """Read every article under ``paths`` (files, folders or http(s) URLs); collect errors instead of raising.
    ``read(article)`` is called with each article as soon as it is read, in order (a caller can start on
    the first ones while the rest is read).

    Every folder is listed before any file is read (a listing is cheap: ~1,000 files in milliseconds), so
    ``files_read(done, total)`` knows the number of input files and URLs to read from the start: it is called
    once with ``(0, total)`` before the first one is read, then after each (a JSONL or CSV file holding many
    articles is one input; a file or URL given twice is counted once, as it is read once). A caller can say
    how far the batch is ("412 of 1,228 files") long before its number of articles is known.

    A URL is read from its stored record in ``pages_dir`` (``webpage.pages_dir()`` by default), fetched and stored
    first when missing or when ``refresh``; ``fetch_progress(done, total, url)`` follows the URLs: it is called
    before each URL is read (``done`` the URLs read so far) and after it.
    What is read from each file's content comes from ``cache`` (default: the process's) when the same
    content was read before (``Cache.article``).
    """
    store = cache if cache is not None else _cache.default()
    batch = Batch()
    seen_keys: set[str] = set()
    # a path given twice (or a file and its folder, a URL twice, or with another #fragment) is read once: one
    # article, not a copy of itself
    path_list: list[str] = []
    given_keys: set[str] = set()
    for p in map(str, paths):
        p = canonical_url(p) or p  # (a URL in its one form: ".../é.html" and ".../%C3%A9.html" are one page)
        key = page_address(p) if is_http_url(p) else p
        if key not in given_keys:
            given_keys.add(key)
            path_list.append(p)
    urls = [p for p in path_list if is_http_url(p)]
    read_files: set[Path] = set()

    def first_reading(f: Path) -> bool:
        # (by the path itself, ".." read: a symlink inside the folder stays an article of its own)
        where = Path(os.path.abspath(f))
        if where in read_files:
            return False
        read_files.add(where)
        return True

    done = 0
    told = 0
    # each folder's files and what was skipped in it, listed before any file is read (see ``files_read``)
    listed: dict[str, tuple[list[Path], list[tuple[Path, str]]]] = {}
    to_read: set[str] = set()  # (as ``first_reading`` tells them apart; strings: Paths cost ~5 ms a 1,000)
    for given in path_list:
        if is_http_url(given):
            continue
        root = Path(given)
        if root.is_dir():
            listed[given] = _listing(root)
            to_read.update(map(os.path.abspath, listed[given][0]))
        elif root.is_file():
            to_read.add(os.path.abspath(root))
    total_inputs = len(to_read) + len(urls)
    inputs_read = 0

    def one_read() -> None:
        nonlocal inputs_read
        inputs_read += 1
        if files_read is not None:
            files_read(inputs_read, total_inputs)

    if files_read is not None:
        files_read(0, total_inputs)

    def tell() -> None:
        nonlocal told
        if read is not None:
            for art in batch.articles[told:]:
                read(art)
        told = len(batch.articles)

    for given in path_list:
        if is_http_url(given):
            if fetch_progress:  # (before the fetch too: a server that is slow to answer is being waited for)
                fetch_progress(done, len(urls), given)
            _load_url(given, batch, seen_keys, pages_dir, refresh, first_reading)
            tell()
            one_read()
            done += 1
            if fetch_progress:
                fetch_progress(done, len(urls), given)
            continue
        root = Path(given)
        if not root.exists():
            batch.errors.append(InputError(shown_name(given), missing_reason(root)))
            continue
        if root.is_dir():
            files, skipped = listed[given] if given in listed else _listing(root)  # (made since: listed now)
            for f, why in skipped:
                batch.errors.append(InputError(shown_name(_shown(root, given, f)), why))
            if not files:
                if not skipped:
                    batch.errors.append(
                        InputError(given, f"folder holds no article files ({_KNOWN_SUFFIXES})")
                    )
                continue
            for f in files:
                if not first_reading(f):
                    continue
                rel = f.relative_to(root).as_posix()
                _load_file(f, _shown(root, given, f), rel, batch, seen_keys, max_bytes, root, store)
                tell()
                one_read()
        elif root.is_file():
            if not first_reading(root):
                continue
            kind = factcheck_file_kind(root)
            if kind:  # (read as an article, a review made it its own corpus: see ``factcheck_file_kind``)
                batch.errors.append(InputError(shown_name(given), f"{kind}, not an article; refused"))
                one_read()
                continue
            _load_file(
                root,
                shown_name(given),
                shown_name(root.name),
                batch,
                seen_keys,
                max_bytes,
                root.parent,
                store,
            )
            tell()
            one_read()
        else:
            batch.errors.append(
                InputError(
                    shown_name(given), "not a regular file or folder (device, FIFO or socket); refused"
                )
            )
    store.flush()
    return batch


def read_one_file(
    given: str, rel: str | None, *, cache: _cache.Cache | None = None, max_bytes: int = MAX_BYTES
) -> Batch:
    """The articles ``load([given, ...])`` reads from one file of its batch: the file ``rel`` (its path relative to
    the folder ``given``, as its key), or ``given`` itself when ``rel`` is None; read as ``load`` reads it, less
    what the rest of the batch makes of it (a key made unique against another file's, a copy told apart), which
    the caller knows (``factcheck.batch_index``: the few articles a command needs of a batch it knows unchanged)."""
    store = cache if cache is not None else _cache.default()
    batch = Batch()
    root = Path(given)
    if rel is None:
        name = shown_name(root.name)
        _load_file(root, shown_path(given, rel), name, batch, set(), max_bytes, root.parent, store)
    else:
        _load_file(root / rel, shown_path(given, rel), rel, batch, set(), max_bytes, root, store)
    store.flush()
    return batch


def shown_path(given: str, rel: str | None) -> str:
    """How ``load`` writes the path of the file ``rel`` of the folder ``given`` (of the file ``given`` when
    ``rel`` is None) in its articles' paths (a record of a file of several adds "#N")."""
    root = Path(given)
    return shown_name(given) if rel is None else _shown(root, given, root / rel)


def _listing(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The article files of ``folder`` and what was skipped in it (``iter_files``)."""
    skipped: list[tuple[Path, str]] = []
    return list(iter_files(folder, skipped)), skipped


def _shown(root: Path, given: str, f: Path) -> str:
    rel = f.relative_to(root).as_posix()
    return (root / rel).as_posix() if given not in (".", "") else rel


def _unique_key(key: str, seen: set[str]) -> str:
    k, n = key, 2
    while k in seen:
        k = f"{key}~{n}"
        n += 1
    seen.add(k)
    return k


def _check_lines(text: str) -> None:
    n = text.count("\n") + 1
    if n > MAX_LINES:
        raise ValueError(f"{n:,} lines; an article has at most {MAX_LINES:,} (split the file); not read")


# the first line of each file factcheck writes beside a session (``session.fileformat.HEADER``, the history's,
# and their backups, which are copies)
_OWN_FILES = {
    b"# factcheck review session": "a factcheck session",
    b"# factcheck review history": "a factcheck session's history",
}


def factcheck_file_kind(path: Path) -> str | None:
    """What factcheck file ``path`` is ("a factcheck session", "a factcheck session's history"), by its first
    line, or None. `factcheck review sessions/x.toml` (the session given where its articles go) read the
    session as an article and, the session of a file being named after it, made it its own corpus."""
    try:
        with open(path, "rb") as f:
            head = f.read(32)
    except OSError:
        return None
    return next((kind for start, kind in _OWN_FILES.items() if head.startswith(start)), None)


def _load_url(
    url: str,
    batch: Batch,
    seen: set[str],
    pages_dir: Path | None,
    refresh: bool,
    first_reading: Callable[[Path], bool],
) -> None:
    """One URL: its stored record (fetched now when missing or ``refresh``), read like any record; a URL
    whose page is one an earlier URL of the batch led to (a redirect and its target) is that article. A page
    asked to be fetched again that could not be, with a copy stored, is read from that copy, and the failed fetch
    is listed (the command ends with 1, partial: the page is not the one asked for)."""
    failed: webpage.RefreshFailed | None = None
    try:
        try:
            path, _fetched = webpage.fetch_record(url, pages_dir, refresh=refresh)
        except webpage.RefreshFailed as e:  # (the copy stored before is read)
            path, failed = e.path, e
        if not first_reading(path):
            return
        rec = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(rec, dict):
            raise ValueError(f"stored record {path} is not a JSON object; fetch it again with --refresh")
        batch.articles.append(
            article_from_record(rec, path=url, key=_unique_key(url, seen), source_file=str(path))
        )
        if failed is not None:
            batch.errors.append(InputError(url, f"{failed}, read instead"))
    except webpage.PageError as e:
        batch.errors.append(InputError(url, str(e)))
    except json.JSONDecodeError as e:
        if failed is not None:  # (neither the page nor its copy: why the fetch failed comes first)
            why = f"not fetched again ({failed.why}), and its stored record is not valid JSON ({e.msg})"
        else:
            why = f"stored record is not valid JSON ({e.msg}); use --refresh"
        batch.errors.append(InputError(url, why))
    except ValueError as e:
        batch.errors.append(InputError(url, str(e)))
    except OSError as e:
        batch.errors.append(InputError(url, f"cannot store the page: {e.strerror or e}"))


def _load_html(f: Path, shown: str, rel: str, batch: Batch, seen: set[str], store: _cache.Cache) -> None:
    """A saved web page: trafilatura's main text and metadata, read as a record."""
    try:
        html = webpage.read_html_file(f)
        key = _unique_key(rel, seen)
        batch.articles.append(
            store.article(
                "html",
                (html, key),
                lambda: article_from_record(
                    webpage.page_record(html), path=shown, key=key, source_file=str(f)
                ),
                path=shown,
                source_file=str(f),
                remembered=webpage.PageError,  # (a page with no text: not parsed again while unchanged)
            )
        )
    except (ValueError, webpage.PageError) as e:
        batch.errors.append(InputError(shown, str(e)))
    except OSError as e:
        batch.errors.append(InputError(shown, e.strerror or str(e)))


def _load_file(
    f: Path,
    shown: str,
    rel: str,
    batch: Batch,
    seen: set[str],
    max_bytes: int,
    folder: Path,
    store: _cache.Cache,
) -> None:
    """Read one file into ``batch``; ``folder`` is the corpus folder it was found in (its sidecar stays inside).
    What is read from a file's content is read from ``store`` when it was read before."""
    if f.suffix.lower() in HTML_SUFFIXES:
        _load_html(f, shown, rel, batch, seen, store)
        return
    try:
        text = read_text_file(f, max_bytes)
    except ValueError as e:
        batch.errors.append(InputError(shown, str(e)))
        return
    except OSError as e:
        batch.errors.append(InputError(shown, e.strerror or str(e)))
        return
    suffix = f.suffix.lower()
    if suffix in JSON_SUFFIXES:
        try:
            records, problems = _json_records(text, suffix)
        except ValueError as e:
            batch.errors.append(InputError(shown, str(e)))
            return
        for where, why in problems:
            batch.errors.append(InputError(f"{shown}{where}", why))
        if not records and not problems:
            batch.errors.append(InputError(shown, "no article records with text"))
        if len(records) > MAX_RECORDS:
            batch.errors.append(
                InputError(
                    shown,
                    f"{len(records) - MAX_RECORDS:,} records after the first {MAX_RECORDS:,} not read "
                    "(at most that many per file; split the file)",
                )
            )
            records = records[:MAX_RECORDS]
        for i, rec in records:
            path = f"{shown}#{i}" if len(records) > 1 or suffix != ".json" else shown
            try:
                _check_lines(_first(rec, *TEXT_KEYS))
                key = _unique_key(f"{rel}#{i}" if path != shown else rel, seen)
                art = store.article(
                    "record",
                    (rec, key, i),
                    partial(article_from_record, rec, path=path, key=key, source_file=str(f), record=i),
                    path=path,
                    source_file=str(f),
                )
            except (ValueError, RecursionError) as e:
                batch.errors.append(InputError(path, _reason(e)))
                continue
            batch.articles.append(art)
        return
    try:
        _check_lines(text)
        meta = _sidecar(f, folder)
        art = store.article(
            "text",
            (text, rel, meta),
            partial(article_from_text, text, path=shown, key=rel, meta=meta, source_file=str(f)),
            path=shown,
            source_file=str(f),
        )
    except (ValueError, RecursionError) as e:
        batch.errors.append(InputError(shown, _reason(e)))
        return
    art.key = _unique_key(rel, seen)
    batch.articles.append(art)


def _reason(e: Exception) -> str:
    return "nested too deeply to read" if isinstance(e, RecursionError) else str(e)


def _sidecar(f: Path, root: Path) -> dict[str, Any]:
    """The metadata of ``NAME.toml`` beside ``f`` (``{}`` when there is none); a sidecar that is a symlink
    out of ``root`` (the folder given, or the file's own folder) is not followed."""
    side = f.with_suffix(".toml")
    try:
        if not side.exists() and not side.is_symlink():
            return {}
        if side.is_symlink() and not side.resolve().is_relative_to(root.resolve()):
            raise ValueError(f"sidecar {side.name} is a symlink out of the corpus folder (not followed)")
        text = read_text_file(side, 1024 * 1024)
    except ValueError as e:
        if "empty" in str(e):
            return {}
        raise ValueError(f"sidecar {side.name}: {e}") from None
    except OSError as e:
        raise ValueError(f"sidecar {side.name} cannot be read: {e.strerror or e}") from None
    data = parse_toml(text, f"sidecar {side.name}")
    return {k: v for k, v in data.items() if k in SIDECAR_KEYS}


def _json_records(text: str, suffix: str) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[str, str]]]:
    """The records with a text field, and ``(where, reason)`` for each JSONL line that is not JSON.

    JSONL records are split on ``\\n`` only: U+2028, U+2029 and U+0085 are valid inside JSON strings."""
    items: list[tuple[int, Any]] = []
    problems: list[tuple[str, str]] = []
    text = text.removeprefix("\ufeff")  # a UTF-8 BOM (read_text_file keeps it) is no part of the JSON
    if suffix == ".json":
        obj = parse_json(text)
        items = list(enumerate(obj if isinstance(obj, list) else [obj]))
    else:
        i = 0
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                items.append((i, parse_json(line)))
            except ValueError as e:
                problems.append(("", str(e).replace(" at line 1,", f" at line {n},", 1) + "; record skipped"))
            i += 1
    out = []
    no_text = []
    for i, rec in items:
        if isinstance(rec, dict) and isinstance(_first(rec, *TEXT_KEYS), str):
            out.append((i, rec))
        else:
            no_text.append((f"#{i}", "not an article record (no text, maintext, raw_text, content or body)"))
    return out, (problems + no_text if out else problems)


def _first(rec: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = rec.get(k)
        if v not in (None, "", []):
            return v
    return None


# ---------------------------------------------------------------------------------------------
# Building articles


def content_id(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


RECORD_TEXT_KEYS = ("text", "maintext", "raw_text", "content", "body")
RECORD_DATE_KEYS = (
    "date_publish",
    "date",
    "published",
    "publish_date",
    "date_published",
    "pubdate",
    "datePublished",
)
RECORD_CRAWL_KEYS = ("filedate", "date_download", "fetched", "crawled")
# when the text was last revised: a saved page's markup (``webpage.page_record``), news-please's ``date_modify``
RECORD_MODIFIED_KEYS = (
    "modified",
    "date_modify",
    "date_modified",
    "dateModified",
    "last_modified",
    "lastmod",
)


def article_from_record(
    rec: dict[str, Any], *, path: str, key: str, source_file: str = "", record: int | None = None
) -> Article:
    """An article from a scraper record (trafilatura, news-please, or a page fetched here).

    Every metadata key they write is read: ``title``; ``source``/``url`` (the page URL); ``sitename``,
    ``source-hostname``, ``hostname``, ``source_domain`` (the outlet); ``author``/``authors``;
    ``date``/``date_publish`` (publication) and ``filedate``/``date_download`` (crawl); ``language``.
    """
    text = tables.rows_as_text(str(_first(rec, *RECORD_TEXT_KEYS) or ""))  # (no Markdown pipes: tables.py)
    if not text.strip():
        raise ValueError("record has an empty text")
    rec_lang = metadata.language_code(_first(rec, "language", "lang", "inLanguage"))
    art = _infer(text, path=path, key=key, source_file=source_file, lang=rec_lang, page=False)
    art.record = record
    title = _first(rec, "title", "title_page", "title_rss", "headline")
    if isinstance(title, str) and title.strip() and not _is_chrome_title(title.strip(), art.language):
        art.title = " ".join(title.split())
    url = metadata.url_of(rec)
    raw_url = url or _first(rec, "url", "source")
    if raw_url not in (None, ""):
        _set_url(art, raw_url, "record")  # not an http(s) URL: ignored with a notice
    outlet = metadata.outlet_of(rec, art.url)
    if outlet:
        art.outlet = outlet
    if art.title:
        head, site = _page_title_parts(art.title, art.language)
        if site is None or (art.outlet and metadata.same_site(site, art.outlet)):
            # "Headline | Kulu Media": the site's name is no part of the headline, nor is a date that ends
            # the title ("Headline | 19.01.2020")
            art.title = head
        # the site's name wherever it stands ("Headline - AOC media - Analyse Opinion Critique", "Diario HOY |
        # Headline"), when the outlet or the host spells it
        art.title = metadata.title_without_site(art.title, art.outlet, art.url or metadata.host_of(rec))
    authors = _first(rec, "authors", "author", "byline", "creator")
    if authors:
        art.authors = metadata.split_authors(authors, outlet=art.outlet)
    crawled = _first(rec, *RECORD_CRAWL_KEYS)
    if crawled is not None and art.crawled is None:
        art.crawled = parse_date_value(crawled, art.language)
    published = _first(rec, *RECORD_DATE_KEYS)
    d = parse_date_value(published, art.language) if published is not None else None
    if d is None and published not in (None, ""):
        art.notices.append(f"{DATE_UNREAD_NOTICE}{_value_shown(published)}")
    text_date = art.published if art.published_source == "text" else None
    if d is not None:
        art.published, art.published_source = d, "record"
        if text_date is not None and text_date != d:
            art.published_source = f"record; the text's dateline says {text_date.isoformat()}"
            art.notices.append(
                f"{DATE_CLASH_NOTICE}{_date_giver(path, source_file)} says {d.isoformat()}, the text's own dateline"
                f" {text_date.isoformat()}"
            )
    elif art.published is None and art.url:
        _date_from_url(art)
    modified = parse_date_value(_first(rec, *RECORD_MODIFIED_KEYS), art.language)
    if modified is not None:
        # (a saved page says whether it shows the date in its body: ``webpage.text_shown_date``)
        shown = rec.get("modified-shown")
        art.modified = modified
        art.modified_source = "record" if shown is None else "page" if shown is True else "page markup"
    if isinstance(rec.get("little-text"), str):
        art.notices.append(rec["little-text"])  # (webpage.page_record: a big page, a few words)
    if rec_lang is None and art.language is None:
        declared = metadata.language_code(rec.get("declared-language"))
        if declared:
            art.language = declared
            _language_notice(art)
    return art


def _date_giver(path: str, source_file: str) -> str:
    """What gave a record's date, as a notice names it: a web page's metadata (a saved page, a fetched URL) or
    a scraper's record. (How to set the date is the front end's to say: a key in the review, a command.)"""
    page = path.startswith(("http://", "https://")) or Path(source_file).suffix.lower() in HTML_SUFFIXES
    return "the page's metadata" if page else "the record"


def _value_shown(v: Any, limit: int = 60) -> str:
    """A record's value as a notice shows it: quoted, on one line, cut at ``limit`` characters."""
    text = " ".join(str(v).split())
    return json.dumps(text if len(text) <= limit else text[: limit - 1] + "…", ensure_ascii=False)


def _is_chrome_title(title: str, lang: str | None) -> bool:
    """A record title that is page chrome ("Skip to navigation", "Home"), never the article's title."""
    words = _word_count(title)
    vocab = furniture.vocabulary(lang)
    return bool(vocab.line(title, words) or vocab.notice(title, words))


def article_from_text(
    text: str, *, path: str, key: str, meta: dict[str, Any] | None = None, source_file: str = ""
) -> Article:
    art = _infer(text, path=path, key=key, source_file=source_file)
    if meta:
        _apply_meta(art, meta, "sidecar")
    if art.published is None and art.url:
        _date_from_url(art)
    return art


def _apply_meta(art: Article, meta: dict[str, Any], source: str) -> None:
    if meta.get("title"):
        art.title = str(meta["title"])
    if meta.get("outlet"):
        art.outlet = str(meta["outlet"])
    if meta.get("url"):
        _set_url(art, meta["url"], source)
    if meta.get("authors"):
        # as a record's authors: split on real separators in any language ("María Pérez y José Ruiz", "Hans
        # Müller und Jürgen Groß" were one author each), placeholders dropped
        a = meta["authors"]
        art.authors = metadata.split_authors(a if isinstance(a, list) else str(a), outlet=art.outlet)
    if "published" in meta:
        d = parse_date_value(meta["published"], art.language)
        if d is not None:
            art.published, art.published_source = d, source
        elif meta["published"] not in (None, ""):
            # (said as a record's unreadable date is: a typo in the sidecar was dropped without a word)
            art.notices.append(f"date: the {source}'s date is unreadable: {_value_shown(meta['published'])}")
    modified = parse_date_value(meta.get("modified"), art.language)
    if modified is not None:
        art.modified, art.modified_source = modified, source
    if art.url and not art.outlet:
        art.outlet = _host(art.url)


def _set_url(art: Article, url: Any, source: str) -> None:
    """The article's URL from a record, sidecar or front matter: only an http(s) URL, else a notice. A web
    archive's copy gives the original address (the outlet's, whose path may hold the publication date) and
    its capture day as the crawl day, with a notice naming the copy."""
    if is_http_url(url):
        archived = archived_copy(url)
        if archived is None:
            art.url = url
            return
        art.url, captured = archived
        if captured is not None and art.crawled is None:
            art.crawled = captured
        # (the copy's own address is the original's behind the archive's prefix and capture stamp)
        art.notices.append(
            "an archived copy (Wayback Machine"
            + (f", captured {captured.isoformat()}" if captured else "")
            + f") of {art.url}"
        )
    else:
        shown = repr(url if isinstance(url, str) else type(url).__name__)[:80]
        art.notices.append(f"{source} url {shown} ignored: not an http(s) URL")


def _host(url: str) -> str | None:
    if not is_http_url(url):
        return None
    host = urlparse(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _date_from_url(art: Article) -> None:
    assert art.url is not None
    try:
        path = urlparse(art.url).path
    except ValueError:
        return
    for rx in (_URL_DATE, _URL_DATE_COMPACT):
        m = rx.search(path)
        if m:
            d = _mkdate(m["y"], m["m"], m["d"])
            if d:
                art.published, art.published_source = d, "url"
                return


def _mkdate(y: str, m: str, d: str) -> dt.date | None:
    try:
        month = int(m) if m.isdigit() else MONTHS[m.lower().rstrip(".")]
        return dt.date(int(y), month, int(d))
    except (ValueError, KeyError):
        return None


def parse_date_value(v: Any, lang: str | None = None) -> dt.date | None:
    """A date from front matter/sidecar/JSON: a date, a datetime, or a string naming a full date in a
    common format or in the article's language ``lang`` ("2024-03-19", "March 19, 2024", "19.03.2024",
    "19. März 2024")."""
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and _EPOCH_FIGURES.fullmatch(v.strip()):
        v = int(v.strip())
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return _epoch_date(v)
    if not isinstance(v, str):
        return None
    return find_date(v) or _date_of(v.strip(), lang)


# a Unix time as scrapers and APIs write it: seconds (10 figures) or milliseconds (13)
_EPOCH_FIGURES = re.compile(r"\d{10}(?:\d{3})?")
_EPOCH_SPAN = (dt.date(1990, 1, 1), dt.date(2100, 1, 1))  # a time outside it is no publication date


def _epoch_date(v: float) -> dt.date | None:
    """The UTC day of a Unix time in seconds or milliseconds (1709632800 or 1709632800000), None when
    it falls outside 1990-2099."""
    seconds = v / 1000 if v >= 1e11 else v
    try:
        d = dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return d if _EPOCH_SPAN[0] <= d < _EPOCH_SPAN[1] else None


def find_date(s: str) -> dt.date | None:
    """The first explicit full date (day, month, year) in ``s``."""
    if not _YEAR.search(s):
        return None
    best: tuple[int, dt.date] | None = None
    for rx in (_DATE_ISO, _DATE_MDY, _DATE_DMY):
        m = rx.search(s)
        if m:
            d = _mkdate(m["y"], m["m"], m["d"])
            if d and (best is None or m.start() < best[0]):
                best = (m.start(), d)
    return best[1] if best else None


def _authors_of(credit: str) -> list[str]:
    """The names in a byline or an authors label ("Marta Kowalska and Jens Petersen | Published ...")."""
    who = re.split(r"\s+[|•·—–]\s*|\b(?:published|updated|posted|on)\b", credit, flags=re.I)[0]
    for rx in (_DATE_MDY, _DATE_DMY, _DATE_ISO):
        m = rx.search(who)
        who = who[: m.start()] if m else who
    return _split_authors(who)


def _split_authors(v: str | list[Any]) -> list[str]:
    if isinstance(v, list):
        names = [str(x).strip() for x in v if str(x).strip()]
    else:
        names = [x.strip() for x in re.split(r",|;|\band\b|&", v) if x.strip()]
    out = []
    for n in names:
        n = re.sub(r"\s+", " ", n)
        if re.search(r"\bnews\s*desk\b|\bstaff\b|\bagenc", n, re.I):
            out.append(n)
            continue
        words = n.split()
        if 1 <= len(words) <= 5 and (
            isinstance(v, list) or all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)
        ):
            out.append(n)  # (not a role: "Lucia Ferrante, Europe editor" names one author)
    return out


# lower-case particles inside an author's name ("Ursula von der Leyen"), of names from many languages
_NAME_PARTICLES = frozenset(langres.resource("en", "entities")["byline_particles"])


# ---------------------------------------------------------------------------------------------
# Line classification


# ASCII: a _WORD match is a maximal run of [A-Za-z0-9_'.-] holding a letter or digit. The run characters
# that are not letters or digits (``_RUN_MARKS``) are deleted and every other byte but a letter or digit
# becomes a space: each match is then one run of letters and digits between spaces, and a run of those
# characters alone ("--", "'_'") is gone.
_RUN_MARKS = b"_'.-"
_WORD_BYTES = bytes(c if chr(c).isalnum() and c < 128 else ord(" ") for c in range(256))


def _word_count(line: str) -> int:
    """Words of a line: on ASCII lines (most of them) ``len(_WORD.findall(line))``, from a byte translation
    and a split; on other lines ``_unicode_word_count`` (words in any script)."""
    if not line.isascii():
        return _unicode_word_count(line)
    return len(line.encode().translate(_WORD_BYTES, _RUN_MARKS).split())


def _char_class(keep: Callable[[str], bool]) -> str:
    """The characters of U+0080-U+2FFF (the alphabets and abugidas) ``keep`` keeps, as the ranges of a
    regular expression's character class."""
    chars = [chr(c) for c in range(0x80, 0x3000) if keep(chr(c))]
    ranges, start = [], 0
    for k in range(1, len(chars) + 1):
        if k == len(chars) or ord(chars[k]) != ord(chars[k - 1]) + 1:
            a, b = chars[start], chars[k - 1]
            ranges.append(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}")
            start = k
    return "".join(ranges)


def _is_mark(c: str) -> bool:
    return unicodedata.category(c) in ("Mn", "Mc")


# the vowel signs and other marks written on a letter ("दिल्ली", "مُدُن"): inside a word, though not ``\w``
_MARKS = _char_class(_is_mark)
# a word in any script: a letter or digit of any alphabet first ("Über", "Москва", "Αθήνα", "القاهرة")
_UWORD = re.compile(rf"[^\W_][\w'’.{_MARKS}-]*")
# scripts written without spaces between words: Han, kana (and their half-width and compatibility forms)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+")
UNSPACED_CHARS_PER_WORD = 2  # a Chinese or Japanese word is one to two characters (1.5-1.7 on average)


def _unspaced_words(run: str) -> int:
    return -(-len(run) // UNSPACED_CHARS_PER_WORD)


def _unicode_word_count(line: str) -> int:
    """Words of a line in any script; a run of Chinese or Japanese characters counts as its length in
    characters over ``UNSPACED_CHARS_PER_WORD`` ("東京都は" is two words, as "Tokyo Metropolis" is)."""
    n = 0
    if _UNSPACED.search(line):
        for run in _UNSPACED.findall(line):
            n += _unspaced_words(run)
        line = _UNSPACED.sub(" ", line)
    return n + len(_UWORD.findall(line))


def _lines(text: str, offset: int = 0) -> list[_Line]:
    out = []
    pos = offset
    for raw in text[offset:].split("\n"):
        end = pos + len(raw)
        # a UTF-8 BOM (kept in the text, so that offsets are the file's) is no part of the first line
        opened = raw.lstrip().lstrip("\ufeff").lstrip()
        stripped = opened.rstrip()
        if stripped:
            lead = len(raw) - len(opened)
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos = end + 1
    return out


def _front_matter(text: str) -> tuple[int, dict[str, Any]]:
    """Length of a leading front matter block and its data: TOML between ``+++`` lines, or YAML between
    ``---`` lines (Jekyll, Hugo), read with ``_yaml_front_matter``."""
    m = re.match(r"\ufeff?\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|$)", text, re.S)
    if m:
        return m.end(), parse_toml(m.group(1) or "", "front matter")
    m = re.match(
        r"\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", text[:YAML_FRONT_MATTER_MAX], re.S
    )
    data = _yaml_front_matter(m.group(1) or "") if m else None
    if m is None or data is None:
        return 0, {}
    return m.end(), data


FRONT_MATTER = "front matter"  # the reason of a text's leading metadata segment


def front_matter_end(art: Article) -> int:
    """Where ``art``'s text starts after its front matter block and the blank lines below it (0 when it has
    none): the block is metadata, never text, so a front end shows the text from here on. Claim offsets
    still index the whole text (the file as read), front matter included."""
    seg = art.segments[0] if art.segments else None
    if seg is None or seg.start != 0 or seg.kind != "meta" or seg.reason != FRONT_MATTER:
        return 0
    end = seg.end
    while end < len(art.text) and art.text[end] in " \t\r\n":
        end += 1
    return end


# A YAML front matter block is read only within the text's first characters, and only when it names one of
# the keys static-site generators write: a text that opens with a rule ("---") and a "Note: ..." line is no
# front matter. Its YAML ``date`` and ``author`` are our ``published`` and ``authors``.
YAML_FRONT_MATTER_MAX = 65_536
_YAML_KEYS = frozenset(
    "title date author authors url outlet published layout tags categories description slug draft lastmod"
    " summary permalink".split()
)
_YAML_RENAMED = {"date": "published", "author": "authors", "lastmod": "modified"}


def _plain_value(value: Any) -> bool:
    """A scalar (text, number, date) or a short list of strings: what metadata can use."""
    if isinstance(value, list):
        return len(value) <= 50 and all(isinstance(v, str) for v in value)
    return isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool)


class _FrontMatterLoader(yaml.SafeLoader):
    """``yaml.safe_load``'s loader, but a date-like value that is no date (``date: 2024-13-45``) stays text:
    PyYAML raised ValueError ("month must be in 1..12"), and the whole file was refused with those words."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _yaml_front_matter(block: str) -> dict[str, Any] | None:
    """The metadata of a YAML front matter block (``yaml.safe_load``: data only, never objects), or None
    when the block is not front matter. Only scalar values and lists of strings are kept: an alias-built
    structure ("billion laughs") is never expanded."""
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader)  # (a SafeLoader: data only)
    except (yaml.YAMLError, RecursionError):
        return None
    if not isinstance(data, dict) or not any(isinstance(k, str) and k.lower() in _YAML_KEYS for k in data):
        return None
    out: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            continue
        if _plain_value(value):
            out.setdefault(_YAML_RENAMED.get(key.lower(), key.lower()), value)
    return out


_URL_LINE = re.compile(
    r"^(?:https?\s*:\s*/\s*/|www\s*\.)\s*[\w.-]+(?:\s*[./_=?&-]\s*[\w%~+=&?#:.-]+)*\s*/?$", re.I
)


def _url_line(t: str) -> str | None:
    """A line that is nothing but a URL (also as a tokeniser leaves it: "http : / / site . com / …",
    "http : / / site . com / story / ? id=26", "… / hollywood ’ s - mermaid - dies -")."""
    if len(t) > 600 or t[:1] not in _URL_FIRST_LETTERS:
        return None
    if not _URL_LINE.match(t) and (not _URL_START.match(t) or _PROSE_RUN.search(t)):
        return None
    return re.sub(r"\s+", "", t)


_URL_START = re.compile(r"^(?:https?\s*:\s*/\s*/|www\s*\.\s*\w)", re.I)
# both URL patterns open with "http" or "www" (re.I folds h and w to no other letter): a line that starts
# with any other character is no URL line, and is not matched
_URL_FIRST_LETTERS = frozenset("hHwW")
# three words in a row separated by single spaces: prose, not a (tokenised) URL
_PROSE_RUN = re.compile(r"(?:^|\s)[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}(?:\s|$)")


def _closing(t: str) -> str:
    """The run of non-word characters (not ``\\w``) ``t`` ends with: "." of "... he said.", '?”' of
    '... now?”', "" after a word.

    The patterns of a line's end (``_FULL_STOP_END``, ``_PARAGRAPH_END``, ``_ELLIPSIS_END``,
    ``_SENTENCE_CLOSE``, ``_HEADLINE_END``, ``_CLAUSE_MARK_END``) hold non-word characters only, up to the
    end: a match of one in a line lies in its closing run, and they are searched there (a few characters, not
    the whole line)."""
    i = len(t)
    while i and not (t[i - 1].isalnum() or t[i - 1] == "_"):  # (``\w`` is alphanumeric or "_")
        i -= 1
    return t[i:]


# a sentence ends the line (a full stop, "!", "?", an ellipsis, a closing quote or bracket), or one ends
# inside it (a full stop, "!" or "?" and a space)
_SENTENCE_CLOSE = re.compile(r"[.!?…\"”’)。！？؟।」』]\W*$")
_SENTENCE_STOP_INSIDE = re.compile(r"[.!?]\s|[。！？]")  # (Chinese and Japanese put no space after a stop)
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)\s*$")


def _ends_a_sentence(line: _Line) -> bool:
    """A sentence ends in the line: at its end (read on its closing run) or inside it."""
    return (
        _SENTENCE_CLOSE.search(line.closing) is not None
        or _SENTENCE_STOP_INSIDE.search(line.text) is not None
    )


def _is_sentence(line: _Line) -> bool:
    return line.words >= 8 and _ends_a_sentence(line)


def _dated_label(line: _Line, vocab: furniture.Vocabulary, lang: str | None = None) -> bool:
    """A date line ("Updated 8:41 p.m. EST, Tue March 3, 2009", "Friday, June 7, 2013"): its "p.m. " must
    not make it the first sentence of the body."""
    t = line.text
    if line.words > 16 or not line.has_digit:
        return False
    rest = vocab.labelled("published", t) or vocab.labelled("crawl", t)
    if rest and _date_of(rest, lang):
        return True
    return _is_date_only(t, lang)


_YEAR_OR_SHORT_DMY = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d\d\b")
_DIGIT_GROUPS = re.compile(r"\d+")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_ALL_LANGS = ("en", "de", "fr", "es", "pt")


def _date_of(phrase: str, lang: str | None = None) -> dt.date | None:
    """The full date (day, month and year) a short date phrase names, in any language: the English formats
    first, then dateparser with the article's language, any language dateparser reads ("14. Januar 2020,
    9:21 Uhr", "le 14/01/2020 à 06:25", "6 января 2012 года", "19.01.2020": ``factcheck.dates`` reads dates
    in figures in the order of their shape and the language). A month or a year alone is no publication
    date."""
    d = find_date(phrase)
    if d is not None:
        return d
    if len(phrase) > 80 or not _YEAR_OR_SHORT_DMY.search(phrase):
        return None
    if len(_DIGIT_GROUPS.findall(phrase)) < 2:
        return None  # "Januar 2020": a month, not a day
    if len(_LETTER_WORD.findall(phrase)) > 6:
        return None  # words around the date: a sentence, not a date line
    langs = (lang, "en") if lang and (lang in _ALL_LANGS or knows_language(lang)) else _ALL_LANGS
    return parse_date_text(phrase, languages=tuple(dict.fromkeys(langs)))


_DIGIT_ANY = re.compile(r"\d")


# a full date inside a short line ("von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr", "Blackswan
# Thursday, May 30, 2019", "par Florence Audier, le 15 septembre 2009", "Martina Berg 19. Juni 2019")
_DATE_IN_LINE = re.compile(
    r"(?<!\d)\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?(?:19|20)\d\d(?!\d)"
    r"|\b[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\d)"
    r"|(?<!\d)\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d(?!\d)"
    r"|(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)"
)


def _date_in_line(t: str, lang: str | None) -> dt.date | None:
    """The first full date written anywhere in a short line, in any of the languages."""
    for m in _DATE_IN_LINE.finditer(t):
        d = _date_of(m.group(0), lang)
        if d is not None:
            return d
    return None


def _reads_as_prose(line: _Line) -> bool:
    """A short lede sentence ("The parliament election is over in Turkmenistan.") or a long line of running
    text cut before its full stop: body, not header chrome."""
    t = line.text
    if (
        line.words >= 5
        and t.lstrip("'\"‘“`")[:1].isupper()
        and line.full_stop_end
        and _lower_words_at_least(t, 2)
    ):
        return True
    return line.words >= 15 and _lower_words_at_least(t, 0.5 * line.words)


# the letters no word starts a sentence or a name with: the lower-case letters of every alphabet ("für",
# "été", "москва", "αθήνα") and the letters of scripts without case (Arabic, Hebrew, Devanagari, Korean),
# with their marks; not Chinese or Japanese (``_UNSPACED``)
_LOWER_LETTERS = (
    "a-z"
    + _char_class(lambda c: (c.isalpha() and not c.isupper() and not c.istitle()) or _is_mark(c))
    + "\uac00-\ud7a3"  # (Hangul syllables)
)


# a word of lower-case (or caseless) letters, or, in Chinese and Japanese, one to two characters (a word:
# ``UNSPACED_CHARS_PER_WORD``)
_LOWER_WORD = re.compile(
    rf"(?<![\w'’])[{_LOWER_LETTERS}]{{2,}}(?!\w)|{_UNSPACED.pattern[:-1]}{{1,{UNSPACED_CHARS_PER_WORD}}}"
)


def _lower_words_at_least(t: str, n: float) -> bool:
    """``len(_LOWER_WORD.findall(t)) >= n``, reading the line only up to its n-th lower-case word (most
    lines are prose: the count is reached early)."""
    count = 0
    for _ in _LOWER_WORD.finditer(t):
        count += 1
        if count >= n:
            return True
    return count >= n


_FULL_STOP_END = re.compile(r"[.!?。！？؟।][\"”’'」』]*\s*$")


@functools.cache
def _clock_time(lang: str | None) -> re.Pattern[str]:
    """A clock time with the words the language writes around it (``clock_before`` and ``clock_after`` of
    ``lang/<code>/dates.toml``): "a las 07:46hrs", "00:00 hs", "12:00 A. M.", "um 19:08 Uhr"."""
    data = langres.resource(lang, "dates") if lang and langres.has(lang, "dates") else {}

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    before = alternation(data.get("clock_before", []))
    after = "|".join(filter(None, (alternation(data.get("clock_after", [])), r"[ap]\.?\s?m\.?")))
    return re.compile(
        (rf"(?:\b(?:{before})\s+)?" if before else "")
        + rf"(?<![\d:])\d{{1,2}}:\d\d(?![\d:])(?:\s*(?:{after})(?!\w))?",
        re.I,
    )


# a year glued to the clock time after it, as a page's markup loses the space between two elements
# ("miércoles, 4 de mayo de 202200:00 hs", "3 de mayo de 202221:25")
_YEAR_GLUED_TO_CLOCK = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}:\d\d(?![\d:]))")


def _without_clock(t: str, lang: str | None) -> str:
    """The line without its clock times (and the words of the language around them), the year glued to a
    clock time set apart, and the punctuation left at its ends."""
    if ":" not in t:
        return t
    return _clock_time(lang).sub(" ", _YEAR_GLUED_TO_CLOCK.sub(r"\1 ", t)).strip(" \t,.;|-–—")


@functools.cache
def _date_words(lang: str) -> frozenset[str]:
    """The words a date line is written with in the language: its months, weekdays and the connectors
    between a date's parts ("de", "am") of ``lang/<code>/dates.toml``."""
    data = langres.resource(lang, "dates")
    return frozenset(w.lower() for key in ("months", "weekdays", "connectors") for w in data.get(key, ()))


def _date_line_text(t: str, lang: str | None) -> str:
    """The date a line may be, without the clock time that ends it ("Miércoles, 4 de Mayo de 2022 a las
    07:46hrs." -> "Miércoles, 4 de Mayo de 2022"): only when what is left holds nothing but the language's
    date words (a sentence keeps its clock time: "Der Notruf ging am 19.10.2019 um 21:59 Uhr ein"); else
    the line as it is."""
    if not lang or ":" not in t or not langres.has(lang, "dates"):
        return t
    bare = _without_clock(t, lang)
    if bare == t or not bare:
        return t
    words = _date_words(lang)
    return bare if all(w.lower() in words for w in _LETTER_WORD.findall(bare)) else t


# a year glued to the day of a second date after it ("31. Oktober 202331. Oktober 2023")
_YEAR_GLUED_TO_DAY = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}(?:\.\s*|\s+)[^\W\d_]{3,}\.?\s+(?:19|20)\d\d(?!\d))"
)


def _dated_twice(t: str, lang: str | None) -> dt.date | None:
    """The date of a short line that writes the same full date twice in a row: a blog theme's publication
    and update dates side by side, glued as the page's markup loses the space between them, with the author or the
    category around them ("von Die Tagespresse 31. Oktober 202331. Oktober 2023", "2. Februar 20202.
    Februar 2020 Alexander Roll 1 Kommentar Inklusion, Kapitalismus", "Published on 19. Juni 201619. Juni
    2016 von Das Mitternachtskabinett"). None for any other line."""
    line = _YEAR_GLUED_TO_DAY.sub(r"\1 ", t)
    dates = list(_DATE_IN_LINE.finditer(line))
    if len(dates) != 2 or line[dates[0].end() : dates[1].start()].strip():
        return None  # (two dates apart: a span of time, a ruling's and its press release's dates)
    first, second = (" ".join(m.group(0).split()) for m in dates)
    return _date_of(first, lang) if first == second else None


# words at most before the date of a line of names or a place stamped with a date and a clock time
STAMP_NAMES_WORDS = 12


def _names_then_stamp(t: str, lang: str | None) -> dt.date | None:
    """The date of a line of names or a place that a date and a clock time end ("medellín 04 de mayo 2022,
    12:00 A. M.", "Beat Bumbacher, Markus M. Haefliger * 19.10.2019, 21:59"): the page's stamp of its
    article, never a sentence (no function word of the language before the date, and no other word after
    it). None for any other line."""
    if not _clock_time(lang).search(t):
        return None
    rest = _without_clock(t, lang)
    dates = list(_DATE_IN_LINE.finditer(rest))
    if not dates or rest[dates[-1].end() :].strip(" \t,.;*|-–—"):
        return None
    words = _LETTER_WORD.findall(rest[: dates[-1].start()])
    function = _function_words(lang)
    if not words or len(words) > STAMP_NAMES_WORDS or any(w.lower() in function for w in words):
        return None
    return _date_of(dates[-1].group(0), lang)


@functools.lru_cache(maxsize=4096)  # (a short line with a digit is asked up to three times)
def _is_date_only(t: str, lang: str | None = None) -> bool:
    t = _date_line_text(t, lang)
    d = find_date(t)
    if d is None:
        # other formats and languages: the whole line must read as one date ("Dienstag, 14.01.2020")
        return _DIGIT_ANY.search(t) is not None and _date_of(t, lang) is not None
    rest = re.sub(
        r"\b\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b[A-Z]{2,4}\b|\bGMT\b|\bUTC\b",
        "",
        t,
        flags=re.I,
    )
    for rx in (_DATE_ISO, _DATE_MDY, _DATE_DMY):
        rest = rx.sub("", rest)
    return not re.search(r"[A-Za-z]{3,}", rest)


def _is_tag_list(t: str) -> bool:
    parts = [p.strip() for p in t.split(",")]
    if len(parts) < 3:
        return False
    if re.search(r"[.!?]$", t):
        return False
    # Tags are short capitalised names; a headline with commas has lower-case words or function words.
    return all(
        0 < len(p.split()) <= 4 and p[0].isupper() | p[0].isdigit() and not _FUNCTION_WORD.search(p)
        for p in parts
    )


def _tags_line(t: str, vocab: furniture.Vocabulary) -> bool:
    """A labelled line of tags or topics, however long ("Tags: drink alcohol, alcohol chemicals, University
    of California, lifestyle news", "TAGI: szympans, małpa, nauka, badania"): a ``tags`` label of the
    vocabulary, then TAGS_MIN_ITEMS items or more between commas, each of one to TAG_WORDS words (a trailing
    comma allowed), and no sentence's end after a word ("U.S." is a tag). Prose after such a label ("Topics
    discussed included the budget, schools and roads.") has no colon after it, or ends its sentence."""
    rest = vocab.labelled("tags", t)
    if not rest or rest[-1] in ".!?" or _WORD_SENTENCE_END.search(rest):
        return False
    items = rest.rstrip(", ").split(",")
    return len(items) >= TAGS_MIN_ITEMS and all(0 < len(p.split()) <= TAG_WORDS for p in items)


_WORD_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?](?:\s|$)")  # "roads. Then": a sentence ends after a word


TAGS_LABEL_CHARS = 40  # a tags label's colon stands within the line's first characters
TAGS_MIN_ITEMS = 3  # items of a tags line, at least
TAG_WORDS = 7  # words of one tag, at most ("co grzegorz lato będzie robił w fifa")


_FUNCTION_WORD = re.compile(r"\b(?:a|an|the|in|of|at|to|on|for|by|with|from|is|are|was|were|has|have)\b")


def _is_text_line(line: _Line) -> bool:
    """A line too long for a headline: text, whatever its punctuation."""
    return line.words > 30 or len(line.text) > 250


def _looks_headline(line: _Line) -> bool:
    t = line.text
    return 3 <= line.words <= 30 and not re.search(r"[.…]$", t) and not _is_tag_list(t) and len(t) <= 250


def classify_lines(
    text: str, lang: str | None = None, *, page: bool = True, chrome_also: str | None = None
) -> tuple[list[Segment], dict[str, Any]]:
    """Split ``text`` into segments (body / title / meta / furniture) and gather inferred metadata.

    General rules (no site-specific strings): furniture markers of the article's language and English
    (``factcheck/lang/<code>/furniture.toml``), captions with photo credits, teasers cut with an ellipsis,
    author bios, crawl stamps, comment threads, the rest of a page after an end-of-article marker such as
    "Related" / "Kommentare" when what follows is furniture, short non-sentence lines outside the body.
    Every excluded line keeps its reason.

    ``page``: the text may be a whole copied page (a .txt file), so the page-shape rules run too: lists
    of other stories (a headline with its date or summary), photo galleries, lines repeated on the page,
    paragraphs that open with a notice. A scraper's record (``page=False``) holds the article only.

    ``chrome_also``: a second language whose furniture markers are read too (``furniture.vocabulary``'s
    ``also``): the language a page was first detected in when its body turned out to be in another.
    """
    fm_len, fm = _front_matter(text)
    info: dict[str, Any] = {"front_matter": fm}
    segs: list[Segment] = []
    if fm_len:
        segs.append(Segment(0, fm_len, "meta", FRONT_MATTER))
    lines = _lines(text, fm_len)
    vocab = furniture.vocabulary(lang, chrome_also)
    kinds: list[tuple[str, str]] = [("", "")] * len(lines)

    sentence = [ln.sentence for ln in lines]
    # page chrome named by a marker (a whole line, or a boilerplate notice in it), tested once per line
    # (the notice hints found in the lines a notice is looked for in with them: fewer to test on each line;
    # a line of more words is no notice)
    hints = vocab.hints_in("\n".join(ln.text for ln in lines if ln.words <= vocab.max_words["notice"]))
    chrome = [
        vocab.line(ln.text, ln.words)
        or (":" in ln.text and vocab.link(ln.text, ln.words))
        or vocab.notice(ln.text, ln.words, hints)
        or (page and _notice_led(ln, vocab))
        or None
        for ln in lines
    ]
    # links labelled for a screen reader ("Careers, opens new tab"): a line of nothing but such links is
    # chrome; a label that ends a line of text is cut from the line's body (``label_cut``: where it begins in
    # the line)
    label_cut: dict[int, int] = {}
    if vocab.label_hints_in(text):
        for i, ln in enumerate(lines):
            spans = vocab.labels(ln.text)
            if spans:
                reason, cut = _labelled_links(ln.text, spans)
                if reason and chrome[i] is None:
                    chrome[i] = reason
                elif cut is not None:
                    label_cut[i] = cut
    # a link's text written twice on its line (its visible text and its title, or two layouts' copies)
    if page:
        for i, ln in enumerate(lines):
            if chrome[i] is None and len(ln.text) >= 2 * TWICE_CHARS and _written_twice(ln.text):
                chrome[i] = WRITTEN_TWICE
    # a copied page opens with its <title> line ("Headline | Site", or the headline the page repeats)
    page_title = _page_title_line(lines, lang) if page else None
    # the body starts at the first sentence that is no chrome, URL, date label or page title
    first_body = next(
        (
            i
            for i, ln in enumerate(lines)
            if sentence[i]
            and not chrome[i]
            and not ln.url
            and not _dated_label(ln, vocab, lang)
            and not (i == 0 and page_title)
        ),
        len(lines),
    )
    # comment headers and footers ("Max sagt:", "Antworten"), asked of the lines after the body's start by
    # two rules (the end of the article, and each line's kind)
    comment = [vocab.comment(ln.text, ln.words) if i > first_body else None for i, ln in enumerate(lines)]
    tail_from = _tail_start(lines, first_body, vocab, comment)

    substantial = [ln.substantial for ln in lines]
    prose_before: dict[int, int] = {}
    n_prose = 0
    for i in range(len(lines)):
        prose_before[i] = n_prose
        n_prose += substantial[i]
    info["_prose_before"] = prose_before
    for i, ln in enumerate(lines):
        kinds[i] = _classify_one(ln, i, first_body, tail_from, info, vocab, lang, chrome[i], comment[i], page)
    del info["_prose_before"]

    _another_article(lines, kinds, first_body)
    if page:
        _teaser_lists(lines, kinds, first_body)
        _newest_first(lines, kinds, lang)
    # (each page-shape rule below runs only where its precondition holds: a gallery repeats its title three
    # times, a repeated line is there twice, a list of excerpts has two read-more links, another post opens
    # with a date stamp, a block after the article lies behind a run of SHORT_GAP_LINES lines or more that are
    # neither body nor title)
    repeats = len(lines) - len({ln.text for ln in lines})  # lines whose text an earlier line has
    if page:
        _teaser_blocks(
            lines, kinds, first_body, substantial, page_title[2] if page_title else frozenset(), lang
        )
        _related_links(lines, kinds, first_body, tail_from, chrome, vocab)
        if repeats >= 2:
            _galleries(lines, kinds, first_body)
        if READ_MORE in chrome:
            _read_more_teasers(lines, kinds, chrome)
    at = info.pop("_date_line_at", None)
    if at is not None and kinds[at][0] != "meta":
        del info["published"]  # the date of a teaser, not of this article

    # A paragraph ending in an ellipsis with the article going on after it is a cliffhanger, not a teaser.
    for i in range(len(lines) - 1):
        if (
            kinds[i] == ("furniture", "teaser")
            and lines[i].words >= SUBSTANTIAL_WORDS
            and kinds[i + 1] == ("body", "")
            and lines[i + 1].substantial
        ):
            kinds[i] = ("body", "")
    # A headline-like line directly followed by an ellipsis teaser is the teaser's headline.
    for i in range(first_body + 1, len(lines) - 1 if page else 0):
        if kinds[i + 1] == ("furniture", "teaser") and kinds[i][0] == "body" and _looks_headline(lines[i]):
            kinds[i] = ("furniture", "teaser headline")
    # Short fragments sandwiched in furniture (e.g. a byline glued to a site name) are furniture. (Not in
    # an extractor's text, ``page=False``: there a short line is a subheading, a list item or a table cell
    # of the article -- the extractor already removed the page's chrome.)
    # In the page's header (above the article's first paragraph) a line between two labels (MENU_LABEL_WORDS
    # words at most) counts the label below it as furniture already when this loop will take it for a short
    # fragment: a menu that gives each link a line of description ("Blog", "Explore social media tips, best
    # practices and strategic guidance", "Case studies", ...) alternates the two. (A longer line above is a
    # headline with its deck below it, a lyric's line with its translation.)
    last_fragment = -1  # (the last line taken for a fragment here: a label the first reading of lists missed)
    header_end = _first_paragraph(kinds, substantial) if page else 0
    for i, ln in enumerate(lines):
        if page and kinds[i][0] == "body" and not sentence[i] and i > first_body:
            prev_f = i > 0 and kinds[i - 1][0] in ("furniture", "meta")
            next_f = (
                i + 1 >= len(lines)
                or kinds[i + 1][0] in ("furniture", "meta")
                or (
                    i < header_end
                    and ln.words >= 8
                    and lines[i - 1].words <= MENU_LABEL_WORDS
                    and lines[i + 1].words <= MENU_LABEL_WORDS
                    and _short_fragment(lines[i + 1], kinds[i + 1])
                )
            )
            if prev_f and next_f:
                kinds[i] = ("furniture", "fragment between furniture")
                last_fragment = i
            elif _short_fragment(ln, kinds[i]):
                kinds[i] = ("furniture", "short fragment")
                last_fragment = i

    # Title: the headline of the page's own <title> line when the page repeats it, else the first
    # headline-like line before the body that is not a menu item.
    if page_title is not None and "title" not in info:
        head, site, keys = page_title
        if site:
            info["site_name"] = site
        kinds[0] = ("meta", "page title")
        at = _repeated_headline(lines, kinds, keys, site, substantial)
        if at is not None:
            info["_title_at"] = at
            kinds[at] = ("title", "headline")
            info["title"] = lines[at].text
            if site and _norm_words(lines[at].text) == _norm_words(site):  # (the parts the other way round)
                info["site_name"] = head
        else:  # the page does not repeat it: its <title> without the site's name
            info["title"], info["_title_at"] = head, 0
            kinds[0] = ("title", "headline")
    if "title" not in info:
        ti = _title_line(lines, kinds, first_body)
        if ti is not None:
            info["_title_at"] = ti
            kinds[ti] = ("title", "headline")
            info["title"] = lines[ti].text
            head, site = _page_title_parts(lines[ti].text, lang)
            info["title"] = head  # (without the date that may end it: "Headline | 19.01.2020")
            if site:  # a copied page's <title> line: "Headline - Section - Site"
                info["site_name"] = site
    if lines and first_body > 0 and kinds[0][0] in ("body", "title"):
        _head, site = _page_title_parts(lines[0].text, lang)
        if site:  # a copied page opens with its <title> line: metadata, not a claim
            info.setdefault("site_name", site)
            if kinds[0][0] == "body":  # (the headline is repeated below it, or none was found)
                kinds[0] = ("meta", "page title")
    # Remaining short non-sentence lines before the body are header chrome, but for a second headline
    # (a subheadline or deck) that reads like one.
    title_at = info.pop("_title_at", None)
    decked = not (page and _under_the_page_title(lines, title_at, page_title, lang))
    for i in range(min(first_body, len(lines))):
        if kinds[i][0] == "body" and not sentence[i]:
            if (
                "title" in info
                and decked
                and (title_at is None or 0 < i - title_at <= 2)  # a deck sits right under its headline
                and lines[i].words >= 4
                and _looks_headline(lines[i])
                and re.search(r"[a-z]", lines[i].text)
                and not _in_menu(lines, i)
            ):
                kinds[i] = ("meta", "byline") if _byline_shaped(lines[i], vocab) else ("title", "subheadline")
            elif page and not _reads_as_prose(lines[i]):
                kinds[i] = ("furniture", "header fragment")

    if page:
        if repeats:
            _repeated_lines(lines, kinds)
        _captions_written_twice(lines, kinds)
        if page_title is not None and title_at:
            _before_the_headline(kinds, substantial, title_at)
        if ("furniture", "date stamp") in kinds:
            _another_post(lines, kinds, title_at or first_body, lang)
        _lone_lines_in_the_header(lines, kinds, substantial)
        _same_wording_runs(lines, kinds)
        _thread_of_stamped_posts(lines, kinds, substantial)
        gap = min(ARTICLE_GAP_LINES, SHORT_GAP_LINES)
        if sum(1 for k in kinds if k[0] not in ("body", "title")) >= gap:
            _blocks_after_the_article(
                kinds, substantial, [ln.words >= SUBSTANTIAL_WORDS for ln in lines], lines, lang
            )
        _organisation_profiles(lines, kinds, first_body, vocab)
        _after_the_copyright_line(kinds, substantial, chrome)
        if COMMENT_RULES in chrome:
            _after_the_comment_rules(kinds, substantial, chrome)
        headings = _comment_headings(lines, kinds, substantial, vocab, chrome)
        _after_the_comment_count(lines, kinds, substantial, headings)
        _posts_under_names(lines, kinds, headings, chrome)
        # (last: an author's box removed changes no other rule's view of where the article's prose ends)
        _bios_under_a_name(lines, kinds, first_body, lang)
        _self_introductions(lines, kinds, substantial, lang)
        _profile_boxes(lines, kinds, substantial, vocab)
        _rest_of_the_bios(lines, kinds, lang)
        _cards_of_other_stories(lines, kinds, substantial)
        _after_the_prose(lines, kinds, substantial, lang)
        # (once more, from the article's first paragraph on: a box of headlines between labels, on a page
        # where fragments were taken below that paragraph after the first reading)
        first_paragraph = next(
            (i for i in range(last_fragment) if substantial[i] and kinds[i][0] == "body"), None
        )
        if first_paragraph is not None:
            _teaser_lists(lines, kinds, first_paragraph, labels=True)
        _related_below_the_marker(lines, kinds, substantial, lang)
        _captions_closed_by_an_agency(lines, kinds, vocab)
        _menus_on_one_line(lines, kinds, lang)
        _lone_headlines_of_other_stories(lines, kinds, lang)
    for i, (ln, (kind, why)) in enumerate(zip(lines, kinds, strict=True)):
        if i == title_at and kind == "title" and info.get("title") != ln.text:
            segs.extend(_title_parts(ln, str(info.get("title") or "")))
            continue
        if i in label_cut and kind in ("", "body"):
            cut = label_cut[i]  # (the spaces between the text and its label belong to neither)
            body_end = ln.start + len(ln.text[:cut].rstrip())
            label_start = ln.start + cut + len(ln.text[cut:]) - len(ln.text[cut:].lstrip())
            segs.append(Segment(ln.start, body_end, "body", ""))
            segs.append(Segment(label_start, ln.end, "furniture", LINK_LABEL))
            continue
        segs.append(Segment(ln.start, ln.end, kind or "body", why))
    return segs, info


def _captions_closed_by_an_agency(
    lines: list[_Line], kinds: list[tuple[str, str]], vocab: furniture.Vocabulary
) -> None:
    """A line of body that a photo's credit with no label closes, a photographer and an agency joined by a
    slash ("... not American citizens. AP Photo/Jacquelyn Martin", "... Mahsa Amini. Uncredited/AP/dpa":
    ``Vocabulary.agency_credit``), is a caption. (After the rules that read a page's shapes: a credit
    alone on its line under a teaser's picture is part of the list of other stories they find.)"""
    for i, ln in enumerate(lines):
        if (
            kinds[i] == ("body", "")
            and ln.words <= CAPTION_WORDS
            and "/" in ln.text
            and vocab.agency_credit(ln.text)
        ):
            kinds[i] = ("furniture", "photo caption")


CAPTION_WORDS = 60  # words of a caption at most, its credit included


def _menus_on_one_line(lines: list[_Line], kinds: list[tuple[str, str]], lang: str | None) -> None:
    """A line of body that is a menu's links copied with a space between them, no separator: many words,
    nearly all capitalised, not all in capitals, and no punctuation of a sentence or a headline ("Monde
    Euronews Witness Monde No Comment Qatar 365 Spotlight The Global Conversation ...", "Kommentar
    Photovoltaik Abo Ethik Solarthermie Energieressourcen International ..."). A sentence in any language
    that capitalises words has its lower-case words (German's verbs and function words among its nouns),
    and a headline this long has its comma, colon, dash or quotation marks; ``_is_navigation`` reads menus
    whose items a separator parts. A headline in title case has its function words ("Members Of The Board
    Approve The New Budget For The ..."): a menu has few (``_function_words``: the language's and
    English's)."""
    function = _function_words(lang)
    for i, ln in enumerate(lines):
        if kinds[i] != ("body", "") or ln.words < MENU_LINE_WORDS or _MENU_LINE_BREAKS.search(ln.text):
            continue
        words = [w for w in ln.text.split() if w[0].isupper() or w[0].islower()]  # (a cased script's words)
        capitalised = sum(1 for w in words if w[0].isupper())
        if (
            len(words) >= MENU_LINE_WORDS
            and capitalised >= MENU_LINE_CAPITALISED * len(words)
            and not ln.text.isupper()
            and sum(1 for w in words if w.lower() in function) <= MENU_LINE_FUNCTION_WORDS * len(words)
        ):
            kinds[i] = ("furniture", "menu on one line")


MENU_LINE_WORDS = 15  # words at least of a menu copied as one line
MENU_LINE_CAPITALISED = 0.8  # share of its words (those opening with a letter) that open with a capital
MENU_LINE_FUNCTION_WORDS = 0.2  # share of its words, at most, that are function words
# what no such menu holds: the punctuation of a sentence, a list or a headline
_MENU_LINE_BREAKS = re.compile(r"[.!?,;:()\[\]\"“”„«»'‘’–—/|-]")

CAPTION_TWICE = "caption written twice"
# a photo's credit with no label: names or agencies joined by a slash or a bar, no sentence ("picture
# alliance / ASSOCIATED PRESS | Alex Brandon", "Bloomberg/Benjamin Girette")
_CREDIT_SHAPE = re.compile(r"^[^\W\d_][^.!?:;/|]{0,60}(?:\s?[/|]\s?[^\W\d_][^.!?:;/|]{0,60})+$")
CREDIT_SHAPE_WORDS = 8  # words of such a credit at most


def _captions_written_twice(lines: list[_Line], kinds: list[tuple[str, str]]) -> None:
    """A line written twice in a row with a photo's credit right above or below the pair is the photo's
    caption, written once for the image (its alt text, or a lightbox's copy) and once under it: both copies
    are furniture ("... shake hands in Hanoi ..." twice, then "Photo: Hau Dinh, AP"; "Die Aussichten Donalds
    Trumps ..." twice, then "picture alliance / ASSOCIATED PRESS | Alex Brandon"). The credit is a line the
    rules took for a caption's credit, or a short line of names joined by a slash or a bar. No paragraph of
    an article is written twice in a row, and a caption is never one; a line written twice with no credit
    beside it (a headline, a lyric's refrain) is left as it is. One copy may be cut short, with a button
    after it, and the other end with the button that shortens it again (``_one_text``)."""
    for i in range(len(lines) - 1):
        if not 4 <= lines[i].words <= CAPTION_WORDS or not _one_text(lines[i].text, lines[i + 1].text):
            continue
        if not (_credit_at(lines, kinds, i - 1) or _credit_at(lines, kinds, i + 2)):
            continue
        for k in (i, i + 1):
            if kinds[k][0] == "body":
                kinds[k] = ("furniture", CAPTION_TWICE)


CUT_SHORT_WORDS = 8  # words at least that a caption cut short keeps
CUT_SHORT_TAIL = 3  # words at most after them in the shorter copy (an ellipsis, a "more" button)
CUT_SHORT_CHARS = (
    15  # characters that eight words and the spaces between them hold at the fewest: compared first
)


def _one_text(a: str, b: str) -> bool:
    """``a`` and ``b`` are one text: the same, or one cut short of the other after CUT_SHORT_WORDS words or
    more, with CUT_SHORT_TAIL words at most after the cut ("... concept vehicle at ... more" against the
    whole caption and its "less")."""
    if a == b:
        return True
    if a[:CUT_SHORT_CHARS] != b[:CUT_SHORT_CHARS]:  # (most lines: another text from the first characters)
        return False
    x, y = a.split(), b.split()
    shorter = min(len(x), len(y))
    if shorter < CUT_SHORT_WORDS:
        return False
    same = next((k for k, (u, v) in enumerate(zip(x, y, strict=False)) if u != v), shorter)
    return same >= CUT_SHORT_WORDS and shorter - same <= CUT_SHORT_TAIL


def _credit_at(lines: list[_Line], kinds: list[tuple[str, str]], j: int) -> bool:
    """Line ``j`` is a photo's credit (``_captions_written_twice``)."""
    if not 0 <= j < len(lines):
        return False
    ln = lines[j]
    return kinds[j] == ("furniture", "photo caption") or (
        ln.words <= CREDIT_SHAPE_WORDS and not ln.sentence and _CREDIT_SHAPE.match(ln.text) is not None
    )


WRITTEN_TWICE = "link text written twice"
TWICE_CHARS = 16  # characters at least of the text a line writes twice
TWICE_WORDS = 3  # and words


def _written_twice(t: str) -> bool:
    """A line that is one text written twice in a row, with a space between or none: "+++Erste konkrete
    Hinweise auf Anschlagspläne auf Pride-Parade +++Erste konkrete Hinweise auf Anschlagspläne auf
    Pride-Parade", "Südtirol Arena Alto AdigeSüdtirol Arena Alto Adige" -- a link whose markup holds its text
    twice (a teaser's headline in its image's title and its own, a menu item for two screen sizes). No
    paragraph of an article says the same thing twice over."""
    half = len(t) // 2
    gap = len(t) % 2  # (a space between the two, or none)
    if t[:half] != t[half + gap :] or (gap and t[half] != " "):
        return False
    return len(t[:half].strip()) >= TWICE_CHARS and _word_count(t[:half]) >= TWICE_WORDS


LINK_LABEL = "link label (opens a new window)"
LINK_TEXT_WORDS = 6  # words of a link's text at most, before its label, on a line of labelled links


def _labelled_links(t: str, spans: list[tuple[int, int]]) -> tuple[str | None, int | None]:
    """A line with links labelled for a screen reader (``spans``: the labels' places): (LINK_LABEL, None)
    for a line of nothing but links, each a few words and its label ("Click to share on Facebook (Opens in
    new window)", "Careers, opens new tab"); (None, where the label begins) for a line of text that a label
    ends ("... fire, click here, opens new tab."): the label alone is furniture; (None, None) else (a label
    inside a sentence stays with it: a claim is one span of the text)."""
    if t[spans[-1][1] :].strip(" .,;:!?)]|-–—"):
        return None, None  # (text goes on after the last label)
    pieces = [t[a:b] for a, b in zip([0] + [e for _s, e in spans[:-1]], [s for s, _e in spans], strict=True)]
    if all(0 < _word_count(p) <= LINK_TEXT_WORDS for p in pieces):
        return LINK_LABEL, None
    return None, spans[-1][0]


def _short_fragment(ln: _Line, kind: tuple[str, str]) -> bool:
    """A line of body that is no sentence, of fewer than eight words and not closed by punctuation: a
    label, a menu item or a button's text on a copied page (``classify_lines`` takes it for a short
    fragment after the body's start)."""
    return kind[0] == "body" and not ln.sentence and ln.words < 8 and not _FRAGMENT_END.search(ln.text)


_FRAGMENT_END = re.compile(r"[.!?:;\"”]$")
MENU_LABEL_WORDS = 3  # words of a menu's label, at most, around a line describing its link


def _organisation_profiles(
    lines: list[_Line], kinds: list[tuple[str, str]], first_body: int, vocab: furniture.Vocabulary
) -> None:
    """A press release ends with a profile of each organisation it names: a heading "About <Name>" (an
    ``about`` marker and a capitalised name, a short line) right above a paragraph that names it among its
    first words ("About Acme" / "Acme (NYSE: ACM) is a leading ..."), after three of the article's
    paragraphs. The headings and the profiles' paragraphs (those in a row that name the organisation among
    their first words) are not the article -- only where they end the page's prose (no other paragraph of
    text below them)."""
    paragraphs = 0
    profiles: list[range] = []
    i = first_body
    while i < len(lines):
        ln = lines[i]
        if kinds[i] == ("body", "") and ln.words >= SUBSTANTIAL_WORDS:
            if profiles:
                return  # (the article's text goes on below: a section of it, not a press release's end)
            paragraphs += 1
        elif paragraphs >= 3 and ln.words <= vocab.max_words["about"] and not ln.full_stop_end:
            name = vocab.labelled("about", ln.text)
            j = i + 1
            if name and name[0].isupper() and j < len(lines) and _names_first(lines[j], name):
                while j < len(lines) and kinds[j] == ("body", "") and _names_first(lines[j], name):
                    j += 1
                profiles.append(range(i, j))
                i = j
                continue
        i += 1
    for block in profiles:
        for k in block:
            kinds[k] = ("furniture", "organisation profile")


PROFILE_NAME_WORDS = 12  # the first words of a profile, among which it names its organisation


def _names_first(ln: _Line, name: str) -> bool:
    """A paragraph whose first PROFILE_NAME_WORDS words hold the first word of ``name`` (as written)."""
    first = re.sub(r"[^\w&.-]+$", "", name.split()[0])
    words = [re.sub(r"^\W+|\W+$", "", w) for w in ln.text.split()[:PROFILE_NAME_WORDS]]
    return ln.words >= SUBSTANTIAL_WORDS and bool(first) and first in words


def _title_parts(ln: _Line, head: str) -> list[Segment]:
    """The segments of a page's <title> line taken for the title ("Headline | Site"): the headline is
    the title, the site's name around it metadata (it is no part of a claim)."""
    at = ln.text.find(head) if head else -1
    if at < 0:
        return [Segment(ln.start, ln.end, "title", "headline")]
    start, end = ln.start + at, ln.start + at + len(head)
    out = [Segment(ln.start, start, "meta", "site name")] if start > ln.start else []
    out.append(Segment(start, end, "title", "headline"))
    if end < ln.end:
        out.append(Segment(end, ln.end, "meta", "site name"))
    return out


def _before_the_headline(kinds: list[tuple[str, str]], substantial: list[bool], title_at: int) -> None:
    """A copied page repeats its <title>'s headline right above its article: text above that headline
    (teasers of the site's other stories, a promotion, the site's motto) is not the article, when most of
    the page's prose comes after the headline (more than before it, and three paragraphs at least)."""
    before = sum(1 for i in range(title_at) if kinds[i][0] == "body" and substantial[i])
    after = sum(1 for i in range(title_at + 1, len(kinds)) if kinds[i][0] == "body" and substantial[i])
    if after < 3 or after <= before:
        return
    for i in range(title_at):
        if kinds[i][0] == "body":
            kinds[i] = ("furniture", "before the headline")


def _another_article(lines: list[_Line], kinds: list[tuple[str, str]], first_body: int) -> None:
    """A page that goes on with other articles (a section page, an endless scroll): a second byline after
    the article's own paragraphs opens another article; it and all that follows is not this article."""
    paragraphs = 0
    bylines = sum(1 for k in kinds[:first_body] if k == ("meta", "byline"))
    for i in range(first_body, len(lines)):
        if kinds[i] == ("body", "") and lines[i].words >= SUBSTANTIAL_WORDS:
            paragraphs += 1
        elif kinds[i] == ("meta", "byline") and (bylines == 0 or paragraphs < 3):
            bylines += 1  # the article's own byline (some pages place it after the lede)
        elif kinds[i] == ("meta", "byline") and paragraphs >= 3:
            start = i
            while start > first_body and i - start < 6 and lines[start - 1].words < SUBSTANTIAL_WORDS:
                start -= 1  # its headline, section label, reading time
            for j in range(start, len(lines)):
                if kinds[j][0] in ("body", "title", "meta"):
                    kinds[j] = ("furniture", "another article")
            return


def _lone_lines_in_the_header(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool]
) -> None:
    """Above the article's first paragraph, a short line of text standing alone among the page's chrome
    (three furniture lines right above it, three lines of furniture or metadata right below) is the site's
    slogan, a promotion or a box of the header, not the article: its headline, deck and lede sit beside
    the headline and the article's text, not inside a menu."""
    first = next((i for i, k in enumerate(kinds) if k == ("body", "") and substantial[i]), len(kinds))
    for i in range(HEADER_CHROME_LINES, first - HEADER_CHROME_LINES):
        if kinds[i] != ("body", "") or lines[i].words >= SUBSTANTIAL_WORDS:
            continue
        above = kinds[i - HEADER_CHROME_LINES : i]
        below = kinds[i + 1 : i + 1 + HEADER_CHROME_LINES]
        if all(k[0] == "furniture" for k in above) and all(k[0] in ("furniture", "meta") for k in below):
            kinds[i] = ("furniture", "lone line in the page header")


HEADER_CHROME_LINES = 3


def _same_wording_runs(lines: list[_Line], kinds: list[tuple[str, str]]) -> None:
    """Lines in a row that say the same thing but for a word or two ("Klick, um auf Twitter zu teilen",
    "Klick, um auf Reddit zu teilen", ...; "Follow us on Facebook", "Follow us on Instagram") are a row of
    buttons or links, whatever the language: SAME_WORDING_RUN of them or more are furniture. A text's own
    lines differ in more than a word or two, or are sentences closed by a full stop."""
    n = len(lines)
    i = 0
    while i < n - 1:
        j = i
        while j + 1 < n and _same_wording(lines[j], lines[j + 1]):
            j += 1
        if j - i + 1 >= SAME_WORDING_RUN:
            for k in range(i, j + 1):
                if kinds[k][0] in ("body", "meta"):
                    kinds[k] = ("furniture", "row of links of one wording")
        i = j + 1


def _thread_of_stamped_posts(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool]
) -> None:
    """A comment thread (or a list of other posts) after the article: its posts open with header lines of one
    wording but for a name and the figures of a date ("geschrieben von berg2012 am 21. Jan. 2015, 19:04 [
    antworten ]", "Tobsen · April 19, 2019"), or of one shape in any language (``_header_shape``: "~tomasz
    [2012-01-04 22:22]", "~luki2 [2012-01-04 19:54]"; "3 sty 12, 10:46 użytkownik ~jan napisał:"), each
    followed by text, and not all by one poster (``_poster``: two names at least; a timeline's date lines, a
    box of timed links or a product's price stamps name nobody), most of them short (``_short_posts``).
    THREAD_POSTS such headers after the article's third substantial paragraph, and none above it (a live
    blog's entries open at the top), start the thread: it and all that follows is furniture, but for the
    article's own title. A thread with no such headers may sign its posts below their text instead: stamped
    footers with text right above and none right below (the post's rating and report links come next: "-
    kat, essex, 12/1/2012 05:07", "Click to rate", "Report abuse"), alike from their date on; the thread then
    opens with its first post's text (``_first_post_text``)."""
    n = len(lines)
    prose = 0
    first_after = n
    for i in range(n):
        if prose >= 3:
            first_after = i
            break
        prose += substantial[i] and kinds[i][0] == "body"
    # (a bound on the work: the headers are compared pairwise, and a page's thread shows in its first ones)
    heads = [i for i in range(n) if _post_stamp(lines[i])][:THREAD_HEADERS_READ]
    if len(heads) < THREAD_POSTS:
        return
    # headers over their posts' text first; else footers under it (no text right below: the post's rating
    # and report links, then the next post's text)
    below = {i: _text_follows(lines, i) for i in heads}
    above = {i: _text_above(lines, i) for i in heads}
    for footer in (False, True):
        style = {i: (above[i] and not below[i]) if footer else below[i] for i in heads}
        start = _thread_start(lines, kinds, substantial, [i for i in heads if style[i]], first_after, footer)
        if start is not None:
            # (posts signed below their text are readers' comments; headers also open a blog's other posts)
            why = READERS_COMMENTS if footer else "comments or other posts (repeated header lines)"
            for k in range(start, n):
                if kinds[k][0] in ("body", "meta"):
                    kinds[k] = ("furniture", why)
            return


def _thread_start(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    substantial: list[bool],
    heads: list[int],
    first_after: int,
    footer: bool,
) -> int | None:
    """Where a thread of ``heads`` (its stamped headers, or its footers) opens, or None (see
    ``_thread_of_stamped_posts``)."""
    masked = {i: _digits_masked(lines[i].text) for i in heads}
    shape = {i: _header_shape(lines[i]) for i in heads}
    # (footers name their posters in names and places of any length: they are alike from their date on)
    dated = {i: _date_shape(lines[i]) if footer else None for i in heads}
    for a in heads:
        if a < first_after:
            continue
        same = [
            b
            for b in heads
            if _same_words(masked[a], masked[b])
            or (shape[a] is not None and shape[a] == shape[b])
            or (dated[a] is not None and dated[a] == dated[b])
        ]
        if any(b < first_after for b in same):
            return None  # (the same header above the article's third paragraph: a live blog's entries)
        posts = [b for b in same if b >= a]
        # (a footer's posts are measured between every footer below: "- kat, essex, ..." and "- Stu,
        # Laholm, Sweden, ..." are of one thread)
        if (
            len(posts) >= THREAD_POSTS
            and len({_poster(lines[b].text) for b in posts} - {""}) >= 2
            and _short_posts([b for b in heads if b >= a] if footer else posts, kinds, substantial)
        ):
            if footer:
                return _first_post_text(lines, a)
            return a - 1 if a > 0 and lines[a - 1].words <= 6 and not lines[a - 1].full_stop_end else a
    return None


def _short_posts(posts: list[int], kinds: list[tuple[str, str]], substantial: list[bool]) -> bool:
    """Most posts of a thread are short: between two of its headers lie THREAD_POST_PARAGRAPHS substantial
    paragraphs or fewer (the median). Embedded posts' signatures in an article ("— Jane Doe (@jdoe) 25.
    September 2018") are followed by the article's sections, longer."""
    sizes = sorted(
        sum(1 for k in range(x + 1, y) if substantial[k] and kinds[k][0] == "body")
        for x, y in itertools.pairwise(posts)
    )
    return sizes[len(sizes) // 2] <= THREAD_POST_PARAGRAPHS


THREAD_POSTS = 3
THREAD_POST_PARAGRAPHS = 2  # substantial paragraphs of a thread's middle post, at most
THREAD_HEADERS_READ = 300  # stamped lines of a page compared (a news page has a few dozen)
HEADER_SHAPE_WORDS = 8  # words at most of a header compared by its shape alone (a poster's name and a stamp)


def _post_stamp(ln: _Line) -> bool:
    """A short line with a full date in it, or a day and a time of day ("3 sty 12, 10:46"): a post's or a
    comment's header (a year alone is no stamp, nor a time alone: a live blog's entries are stamped with
    the time of one day)."""
    return (
        2 <= ln.words <= 16
        and ln.has_digit
        and not ln.substantial
        and (
            _DATE_IN_LINE.search(ln.text) is not None
            or (_TIME_OF_DAY.search(ln.text) is not None and _DAY.search(ln.text) is not None)
        )
    )


_TIME_OF_DAY = re.compile(r"(?<![\d.,:])[012]?\d:[0-5]\d(?![\d:])")  # "22:22", "9:05" (not "3.50")
_DAY = re.compile(
    r"(?<![\d:])\d{1,2}\.?\s*[^\W\d_]{3,9}\b|(?<![\d:])\d{1,2}[./-]\d{1,2}\b"
)  # "3 sty", "04.01"
_NAME_RUN = re.compile(r"[^\W\d_]\w*")  # a run of letters, and any figures glued after them ("luki2")
_DIGITS = re.compile(r"\d+")


def _header_shape(ln: _Line) -> str | None:
    """A short header's shape, whatever its language and words: each run of letters "a", each run of digits
    "0", the punctuation kept ("~tomasz [2012-01-04 22:22]" and "~luki2 [2012-01-04 19:54]": both
    "~a [0-0-0 0:0]"; "Anna · 3 May 2019" and "Bo · 21 June 2019": "a · 0 a 0"). None for a longer
    line (there the words themselves are compared)."""
    if ln.words > HEADER_SHAPE_WORDS:
        return None
    return _DIGITS.sub("0", _NAME_RUN.sub("a", ln.text))


def _date_shape(ln: _Line) -> str | None:
    """The shape of a footer's stamp from its date on ("- Mrs C, Herts, 16/1/2012 11:34" and "- The
    Cambridge Don, Cambridge, Cambs., 16/1/2012 09:09": "0/0/0 0:0"): footers name their posters in
    names and places of any length, and stamp them alike."""
    m = _DATE_IN_LINE.search(ln.text)
    return _DIGITS.sub("0", _NAME_RUN.sub("a", ln.text[m.start() :])) if m else None


def _poster(t: str) -> str:
    """The poster a header names: its words of two letters or more once its dates are taken out, in lower
    case ("~tomasz [2012-01-04 22:22]": "tomasz"); "" for a stamp alone ("07:15 p. m.", "3 May 2019")."""
    return " ".join(w for w in _NAME_RUN.findall(_DATE_IN_LINE.sub(" ", t).lower()) if len(w) >= 2)


def _digits_masked(t: str) -> list[str]:
    return [re.sub(r"\d+", "0", w) for w in t.split()]


def _same_words(x: list[str], y: list[str]) -> bool:
    """Two lines of one wording but for at most SAME_WORDING_DIFFERENT words (see ``_same_wording``)."""
    if x == y:
        return True
    pre = 0
    while pre < min(len(x), len(y)) and x[pre] == y[pre]:
        pre += 1
    suf = 0
    while suf < min(len(x), len(y)) - pre and x[-1 - suf] == y[-1 - suf]:
        suf += 1
    shared = pre + suf
    return (
        shared >= SAME_WORDING_SHARED
        and 5 * shared >= 3 * max(len(x), len(y))
        and max(len(x), len(y)) - shared <= SAME_WORDING_DIFFERENT
    )


def _text_follows(lines: list[_Line], i: int) -> bool:
    """A line of text (eight words or more) within the two lines below line i."""
    return any(lines[j].words >= 8 for j in range(i + 1, min(len(lines), i + 3)))


def _text_above(lines: list[_Line], i: int) -> bool:
    """A line of text (eight words or more) within the two lines above line i."""
    return any(lines[j].words >= 8 for j in range(max(0, i - 2), i))


def _first_post_text(lines: list[_Line], a: int) -> int:
    """Where the text of a thread's first post begins, the post's footer at line ``a``: its lines of text
    right above the footer, when a short line (the thread's heading, its sort links) lies above them within
    FOOTER_POST_LINES lines; else the footer itself (the article's last paragraph may lie right above)."""
    k = a - 1
    while k >= 0 and a - k <= FOOTER_POST_LINES and lines[k].words >= 8:
        k -= 1
    return k + 1 if k >= 0 and a - k <= FOOTER_POST_LINES and lines[k].words < 8 else a


FOOTER_POST_LINES = 3  # lines of text of a thread's first post above its footer, at most
SAME_WORDING_RUN = 3
SAME_WORDING_SHARED = 3  # words the lines of such a row share at least (and 60% of each line)
SAME_WORDING_DIFFERENT = 2  # words at most in which two lines of the row differ


def _same_wording(a: _Line, b: _Line) -> bool:
    if not (4 <= a.words <= 30 and 4 <= b.words <= 30) or a.text == b.text:
        return False
    if a.full_stop_end or b.full_stop_end:
        return False  # (sentences: a text's own enumeration, "Paragraph 1 says ...", "Paragraph 2 says ...")
    return _same_words(a.text.split(), b.text.split())


def _another_post(
    lines: list[_Line], kinds: list[tuple[str, str]], start: int, lang: str | None = None
) -> None:
    """A page that goes on with other posts (a blog's front page, an archive): a post header -- a
    headline, its date line, then text -- after three paragraphs of the article opens another post; it and
    all that follows is not this article. Not in a forum's thread: once a stamp over text between the
    article's paragraphs is stamped like the post above its first paragraph (the opening post's header), the
    stamps below open replies, whose text is the page's (a comment thread under a news article, stamped
    otherwise than its article, is cut as before). Nor under a header whose paragraphs (up to the next
    header) go on with the article's subject (``_goes_on_below``): a box of one related story (its headline
    and date) set between the article's paragraphs; the box is furniture (RELATED_BOX), the text below it
    is the article's."""
    paragraphs = 0
    replies = False  # (a stamp over text between the article's paragraphs above: a thread's reply)
    prose = [kinds[i] == ("body", "") and lines[i].words >= SUBSTANTIAL_WORDS for i in range(len(lines))]
    left = sum(prose[start:])  # (paragraphs below the line read)
    # the stamps that head the article's first paragraph (a forum's opening post: its replies are stamped alike)
    first = next((i for i in range(start, len(lines)) if prose[i]), len(lines))
    opening = {_stamp_key(lines[j]) for j in range(first) if _post_stamp(lines[j])}
    for i in range(start, len(lines)):
        left -= prose[i]
        if prose[i]:
            paragraphs += 1
        elif kinds[i] != ("furniture", "date stamp"):
            continue
        elif paragraphs and replies:
            continue  # the next reply of a thread (a forum's posts are the page's text), not another post
        elif paragraphs >= 3 and _post_header(lines, kinds, i):
            # more of the page's prose follows than precedes, under this header alone (no other post's
            # header further down, no date or byline above: the text above is no post of its own): the
            # article opens here, after a shop's or a site's preface
            if (
                left > paragraphs
                and not any(kinds[j] in _POST_DATES for j in range(i))
                and not any(
                    kinds[j] == ("furniture", "date stamp") and _post_header(lines, kinds, j)
                    for j in range(i + 1, len(lines))
                )
            ):
                paragraphs = 0
                continue
            head = next(j for j in range(i - 1, -1, -1) if 3 <= lines[j].words <= 20)
            if _goes_on_below(lines, kinds, prose, start, head, i, lang):
                for j in range(head, i):  # (a box of one related story inside the article: it goes on below)
                    if kinds[j][0] in ("body", "title", "meta") and not prose[j]:
                        kinds[j] = ("furniture", RELATED_BOX)
                continue
            for j in range(head, len(lines)):
                if kinds[j][0] in ("body", "title", "meta"):
                    kinds[j] = ("furniture", "another article")
            return
        elif paragraphs and _stamp_key(lines[i]) in opening and any(prose[i + 1 : i + 4]):
            replies = True


def _stamp_key(ln: _Line) -> str:
    """What stamps of one thread share: a short header's shape (``_header_shape``), or a longer one's words
    with their figures masked."""
    return _header_shape(ln) or " ".join(_digits_masked(ln.text))


_POST_DATES = frozenset(
    {("furniture", "date stamp"), ("meta", "date line"), ("meta", "published date"), ("meta", "byline")}
)


def _post_header(lines: list[_Line], kinds: list[tuple[str, str]], i: int) -> bool:
    """A date line that opens another post: a headline right above it (a line of 3-20 words with no full
    stop, within two lines) and a paragraph of text right below (within three). The last entry of a list
    of dated links inside the article (a box of related stories: headline, date, headline, date) opens
    none: a date line sits right above its headline, where a post's headline follows text or chrome."""
    if i >= 2 and kinds[i - 2] == ("furniture", "date stamp"):
        return False
    above = any(
        3 <= lines[j].words <= 20 and kinds[j][0] in ("body", "furniture") and not lines[j].full_stop_end
        for j in range(max(0, i - 2), i)
    )
    below = any(
        kinds[j] == ("body", "") and lines[j].words >= SUBSTANTIAL_WORDS
        for j in range(i + 1, min(len(lines), i + 4))
    )
    return above and below


RELATED_BOX = "related story inside the article"  # reason of the headline of a box of one related story
GOES_ON_SUBJECT_WORDS = 2  # words of the article's subject a paragraph below a box shares, to go on with it
GOES_ON_SHARE = 0.6  # share of the paragraphs below a box that must go on with the article's subject


def _goes_on_below(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    prose: list[bool],
    start: int,
    head: int,
    at: int,
    lang: str | None,
) -> bool:
    """The paragraphs below the post header at line ``at`` (its headline at line ``head``; up to the next
    such header) go on with the article above it: the headline holds a word of the article's paragraphs,
    and GOES_ON_SHARE of the paragraphs below at least share GOES_ON_SUBJECT_WORDS words
    of its subject (the words, of three letters or more and no stop words, found in two of its paragraphs or
    more, from ``start``).
    Another story a page goes on with (a blog's next post, a section page's next article) has a subject of
    its own; the text under a box of a related story set inside the article keeps the article's."""
    stop = _stop_words(lang)
    seen: set[str] = set()
    subject: set[str] = set()
    for j in range(start, at):
        if prose[j]:
            words = _topic_words(lines[j].text, stop)
            subject |= words & seen
            seen |= words
    if _topic_words(lines[head].text, stop).isdisjoint(seen):
        return False  # (the box's headline is on another subject: the page goes on with another story)
    end = next(
        (
            j
            for j in range(at + 1, len(lines))
            if kinds[j] == ("furniture", "date stamp") and _post_header(lines, kinds, j)
        ),
        len(lines),
    )
    below = [j for j in range(at + 1, end) if prose[j]]  # (the text under this header, up to the next one)
    if not below:
        return False
    going_on = [len(_topic_words(lines[j].text, stop) & subject) >= GOES_ON_SUBJECT_WORDS for j in below]
    return sum(going_on) >= GOES_ON_SHARE * len(below)


def _notice_led(ln: _Line, vocab: furniture.Vocabulary) -> str | None:
    """A paragraph too long for a notice marker that opens with one ("The administrator of your personal
    data will be ... Detailed information on the processing ..."): the whole paragraph is the notice."""
    if ln.words <= furniture.DEFAULT_MAX_WORDS["notice"] or ln.words > NOTICE_PARAGRAPH_WORDS:
        return None  # (a notice's own line, or no paragraph a notice opens)
    m = _FIRST_SENTENCE.match(ln.text)
    if not m:
        return None
    first = m.group(0)
    return vocab.notice_led(first, _word_count(first), ln.words)


NOTICE_PARAGRAPH_WORDS = 120
_FIRST_SENTENCE = re.compile(r".{20,300}?[.!?](?=\s+[\"“„«]?[A-ZÀ-Ý])")


def _stamp(ln: _Line, kind: tuple[str, str]) -> bool:
    """A teaser's date, reading time or comment count: a short furniture or meta line with a number
    ("12.11.2018", "5 min read", "3 hours ago")."""
    return kind in (("furniture", "date stamp"), ("meta", "date line"), ("meta", "published date")) or (
        kind[0] in ("furniture", "meta") and ln.words <= 5 and ln.has_digit
    )


# "Berlin Libya conference: A first step toward peace? 19.01.2020": a headline with its date at the end
# a date glued to the word after it ("06.03.2016Werden Sie Ihr eigener Bike-Guide ..."): the date element
# and the text element of a teaser card, copied with no space between them
_GLUED_DATE = re.compile(r"(?:\d{1,2}[./]){2}(?:19|20)?\d\d(?=[^\W\d_])")
_TRAILING_DATE = re.compile(r"\s\(?((?:\d{1,2}[./]\s?){2}\d{2,4}|(?:19|20)\d\d-\d\d-\d\d)\)?$")
_CLAUSE_MARK_END = re.compile(r"[.:;,…]$")  # (a teaser's headline does not end like a clause)


def _teaser_blocks(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    first_body: int,
    substantial: list[bool],
    own: frozenset[str] = frozenset(),
    lang: str | None = None,
) -> None:
    """Other stories listed after the article has begun. A teaser is a headline followed by its date,
    reading time or a repeat of itself ("Gegen dicke Luft: Aldi Nord bietet Luftreiniger an" / "06.11.2018"
    / the headline again / a short summary), or a headline with its date at the end, or a card copied as
    one line with its date glued to its text ("06.03.2016Werden Sie ..."): two or more in a row are a
    list of stories. Headlines each followed by a short summary (1-3 sentences, under 60 words; or a line
    of UNCLOSED_SUMMARY_WORDS or more, longer than its headline, that a copied card left without its full
    stop) are one too when three or more stand in a row and less of the article's prose follows them than
    precedes them (a subheaded article has longer sections, and goes on). The page's own headline (``own``:
    the forms of its <title>) opens no teaser: below it are the article's lede, byline and date."""
    n = len(lines)

    def headline(j: int) -> bool:
        ln = lines[j]
        return (
            kinds[j] in (("body", ""), ("furniture", "teaser list"))
            and 3 <= ln.words <= 25
            and not _CLAUSE_MARK_END.search(ln.closing)
            and not _LIST_ITEM.match(ln.text)
            and _opens_like_a_headline(ln.text)
            and not (own and _norm_words(ln.text) in own)
        )

    def summary(j: int) -> bool:
        ln = lines[j]
        return (
            j < n
            and kinds[j] == ("body", "")
            and 4 <= ln.words <= TEASER_SUMMARY_WORDS
            and (ln.full_stop_end or ends_dated(j) or (loose_ok and unclosed_summary(j)))
        )

    def unclosed_summary(j: int) -> bool:
        """A summary copied without its full stop: longer than headlines are and than its own headline, and
        short as a card's summary is (a longer line that lost its stop is a paragraph), under a headline that
        is not closed by a full stop itself (a quotation is no headline)."""
        ln = lines[j]
        return (
            UNCLOSED_SUMMARY_WORDS <= ln.words <= UNCLOSED_SUMMARY_MAX_WORDS
            and not _CLAUSE_MARK_END.search(ln.closing)
            and j > 0
            and lines[j - 1].words < ln.words
            and not _STOP_END.search(lines[j - 1].text)
            and headline(j - 1)
        )

    def ends_dated(j: int) -> bool:  # "... will appeal the ruling. (07.03.2019)"
        return lines[j].text[-1:] in "0123456789)" and _TRAILING_DATE.search(lines[j].text) is not None

    def unit(i: int) -> tuple[int, bool] | None:
        """(end, dated) of a teaser opening at line i."""
        if kinds[i][0] != "title" and _GLUED_DATE.match(lines[i].text) and lines[i].words >= 4:
            return i + 1, True  # a teaser card copied as one line: its date glued to its text
        if not headline(i):
            return None
        dated = ends_dated(i)
        j = i + 1
        while j < n and j - i <= 4:
            if _stamp(lines[j], kinds[j]):
                dated = True
            elif lines[j].text != lines[i].text and lines[j].words > 2:  # (a label: "News")
                break
            j += 1
        if j < n and summary(j):
            return j + 1, dated or ends_dated(j)
        return (j, True) if dated else None

    def run_from(i: int) -> tuple[list[tuple[int, int, bool]], int]:
        """The units (start, end, dated) of a run of teasers opening at line i, and the line after it."""
        units: list[tuple[int, int, bool]] = []
        j = i
        while j < n:
            u = unit(j)
            if u is not None:
                units.append((j, u[0], u[1]))
                j = u[0]
            elif (kinds[j][0] in ("furniture", "meta") and lines[j].words <= 8) or lines[j].words <= 2:
                j += 1  # a label ("News"), a share link, a date between two teasers
            elif units and j > 0 and _stamp(lines[j - 1], kinds[j - 1]) and summary(j):
                units.append((j, j + 1, True))  # a teaser with no headline: label, date, summary
                j += 1
            else:
                break
        return units, j

    def lone(k: int) -> bool:
        """A substantial line alone among menu items: no line of six words or more within three lines."""
        if not substantial[k]:
            return True
        return all(lines[x].words < 6 for x in range(max(0, k - 3), min(n, k + 4)) if x != k)

    prose_after = [0] * (n + 1)
    for j in range(n - 1, -1, -1):
        prose_after[j] = prose_after[j + 1] + (kinds[j] == ("body", "") and substantial[j])
    total = prose_after[0]
    sections_end = -SECTION_GAP_LINES - 1  # (the end of the last run of two units or more left as text)
    loose_ok = True  # (whether a summary may lack its full stop: see below)
    i = first_body + 1
    while i < n:
        u = unit(i)
        if u is None:
            i += 1
            continue
        units, j = run_from(i)
        # a page copies its cards alike: summaries without their full stops make a run only with each other
        # (one among closed ones is a paragraph that lost its stop): a run that mixes them is read with closed
        # summaries only
        loose = [unclosed_summary(e0 - 1) and not lines[e0 - 1].full_stop_end for _s0, e0, _d in units]
        if any(loose) and not all(loose):
            loose_ok = False
            units, j = run_from(i)
            loose_ok = True
            if not units:
                i += 1
                continue
        dated = sum(1 for _s, _e, d in units if d)
        start = units[0][0]
        if (not dated and all(lines[s0].text.endswith("?") for s0, _e, _d in units)) or (
            start - sections_end <= SECTION_GAP_LINES
        ):
            # questions each followed by a short answer (an interview), or a run that goes on from one
            # left as the article's text (sections of a gallery, broken by a one-line paragraph): text
            if len(units) >= 2 or start - sections_end <= SECTION_GAP_LINES:
                sections_end = j
            i = max(j, i + 1)
            continue
        before = total - prose_after[start]  # (the article's own headline, date and lede come first)
        later = prose_after[units[-1][1]] < before
        if before == 1:  # the one paragraph above is the article's only if it is no menu's blurb
            before = sum(1 for k in range(first_body, start) if kinds[k] == ("body", "") and not lone(k))
        if (
            before >= 1
            and (dated >= 2 or (len(units) >= TEASER_RUN_UNITS and later))
            and not _same_topic(lines, kinds, first_body, units, lang)
        ):
            for s0, e0, _d in units:
                for k in range(s0, e0):
                    if kinds[k][0] in ("body", "meta"):
                        kinds[k] = ("furniture", "list of other stories")
        elif len(units) >= 2:
            sections_end = j
        i = max(j, i + 1)


TEASER_SUMMARY_WORDS = 60
UNCLOSED_SUMMARY_WORDS = 20  # words at least of a summary with no full stop (a headline has 5 to 15)
UNCLOSED_SUMMARY_MAX_WORDS = 35  # words at most of it (a card's summary is a sentence or two)
_STOP_END = re.compile(r"\.[\"”’'»]*$")  # (a full stop at the end, closing quotes after it)
_INNER_CAPITAL = re.compile(r"^[a-zà-ÿ]+[A-ZÀ-Ý]")  # (a name written with a capital inside: "iPhone")


def _opens_like_a_headline(text: str) -> bool:
    """A headline opens with a capital, a figure or a quote -- or with a name that has its capital inside
    ("iPhone 13: Welches Gerät soll ich kaufen?", "eBay verkauft ..."), not with a lower-case word."""
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "\"“„«'‘" or _INNER_CAPITAL.match(text) is not None


def _related_links(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    first_body: int,
    tail_from: int,
    chrome: list[str | None],
    vocab: furniture.Vocabulary,
) -> None:
    """An inline box of links to other stories inside the article: an end-of-article marker ("Lesen Sie
    auch", "Related", "Lea también") that did not end the article (its prose goes on below), and right
    under it (past a short label: a section, a place) one to RELATED_HEADLINES lines that read as headlines
    (RELATED_HEADLINE_WORDS words or more, none closed like a clause): the linked stories' headlines,
    not the article's text. (A subheading of the article is shorter, and seldom sits under such a marker.)"""
    for i in range(first_body + 1, min(tail_from, len(lines))):
        if not chrome[i] or lines[i].words > 6 or vocab.tail(lines[i].text, lines[i].words) is None:
            continue
        j = i + 1
        while j < len(lines) and j - i <= 2 and lines[j].words <= 2:
            j += 1  # (a label: "Santa Cruz", "Politik")
        found = 0
        while j < len(lines) and found < RELATED_HEADLINES:
            ln = lines[j]
            if not (
                kinds[j] == ("body", "")
                and RELATED_HEADLINE_WORDS <= ln.words <= 25
                and not _CLAUSE_MARK_END.search(ln.closing)
                and not ln.full_stop_end
            ):
                break
            kinds[j] = ("furniture", "link to another story")
            found += 1
            j += 1


LONE_HEADLINE = "headline off the article's subject"
LONE_HEADLINE_REACH = (
    4  # lines at most between the headline and the article's paragraph above it, and below it
)
LONE_HEADLINE_TOPIC_WORDS = 3  # words of its own at least that the headline holds (three letters or more)
# a sentence's end inside the line, after a word ("... a nominee. pic.twitter.com/abc", an embedded post): prose,
# not a headline ("U.S. Senate", one capital before the stop, is not one)
_SENTENCE_END_INSIDE = re.compile(r"[a-z]{2}[.!?]\s+\S")


def _lone_headlines_of_other_stories(
    lines: list[_Line], kinds: list[tuple[str, str]], lang: str | None
) -> None:
    """A line inside the article's prose (a paragraph of it at most LONE_HEADLINE_REACH lines above and
    below) that reads as a headline (RELATED_HEADLINE_WORDS to 25 words, opened like a headline, not closed
    like a clause or a question) and shares not one of its words (three letters or more, no stop words)
    with the article's title and paragraphs is another story's headline, a link the page puts between the
    paragraphs with no label ("New images show room where Australian man allegedly murdered Thai teen" in a
    story on the Supreme Court, under a "Read more"; "Bahn: In diesen 20 Großstädten soll der ICE bald im
    Halbstundentakt fahren" in one on a sperm donor, above "News"). An article's own subheading speaks of
    its subject and shares its words; one that does not ("Une ressource indispensable pour toute une
    économie locale", a section of a story on the hake) heads a section: a paragraph right above it and
    right below it, a shape that is never taken. A list's item ("2. ...") is the article's own. (Last: the
    captions the rules above find are theirs.)"""
    candidates = [
        i
        for i, ln in enumerate(lines)
        if kinds[i] == ("body", "")
        and RELATED_HEADLINE_WORDS <= ln.words <= 25
        and not ln.substantial
        and not ln.full_stop_end
        and not _CLAUSE_MARK_END.search(ln.closing)
        and not ln.closing.endswith("?")
        and not _SENTENCE_END_INSIDE.search(ln.text)
        and _opens_like_a_headline(ln.text)
        and not _LIST_ITEM.match(ln.text)
    ]
    if not candidates:
        return
    paragraphs = [i for i, ln in enumerate(lines) if ln.substantial and kinds[i] == ("body", "")]
    if len(paragraphs) < 2:
        return
    stop = _stop_words(lang)
    # the article's lines (its title's and its paragraphs', not the candidates'), and the words of each read so
    # far: a candidate's words are looked for line by line, and most are found in the first lines read
    article = [k for k, kind in enumerate(kinds) if kind[0] == "title"] + paragraphs
    read: dict[int, set[str]] = {}

    def in_the_article(words: set[str]) -> bool:
        for k in article:
            got = read.get(k)
            if got is None:
                got = read[k] = _topic_words(lines[k].text, stop)
            if not words.isdisjoint(got):
                return True
        return False

    at = set(paragraphs)
    for i in candidates:
        if i - 1 in at and i + 1 in at:
            continue  # (the shape of a section's heading: a paragraph right above it and right below it)
        above = any(k in at for k in range(i - LONE_HEADLINE_REACH, i))
        below = any(k in at for k in range(i + 1, i + LONE_HEADLINE_REACH + 1))
        if not (above and below):
            continue
        words = _topic_words(lines[i].text, stop)
        if len(words) < LONE_HEADLINE_TOPIC_WORDS:
            continue
        if not in_the_article(words):
            kinds[i] = ("furniture", LONE_HEADLINE)


RELATED_HEADLINES = 3
RELATED_HEADLINE_WORDS = 5
SECTION_GAP_LINES = 3  # lines at most between two runs of headed sections that are one run
TEASER_RUN_UNITS = 3  # headline-and-summary units in a row that make a list of other stories

_TOPIC_WORD = re.compile(r"[^\W\d_]{3,}")  # (a word of three letters or more, in any script)


def _same_topic(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    first_body: int,
    units: list[tuple[int, int, bool]],
    lang: str | None,
) -> bool:
    """Whether a run of headline-and-summary units goes on with the article's own subject: on average
    TEASER_TOPIC_SHARE of each unit's words (three letters or more, not stop words of the language) are
    words of the article's text above it. A subheaded article's sections, an interview's questions and a
    recipe's steps share the article's words; teasers of other stories do not."""
    stop = _stop_words(lang)
    vocab: set[str] = set()
    for k in range(first_body, units[0][0]):
        if kinds[k][0] in ("body", "title") and lines[k].words >= 8:
            vocab |= _topic_words(lines[k].text, stop)
    total = 0.0
    for s0, e0, _d in units:
        words = set().union(*(_topic_words(lines[k].text, stop) for k in range(s0, e0)))
        total += len(words & vocab) / max(1, len(words))
    return total >= TEASER_TOPIC_SHARE * len(units)


def _topic_words(text: str, stop: frozenset[str]) -> set[str]:
    """The words of ``text`` (three letters or more, lower case) that are no stop words."""
    return {w for w in _TOPIC_WORD.findall(text.lower()) if w not in stop}


TEASER_TOPIC_SHARE = 0.6


@functools.cache
def _stop_words(lang: str | None) -> frozenset[str]:
    """The function, reporting and calendar words of the language (``lang/<code>/stopwords.toml``;
    English's when it has none)."""
    data = langres.resource(lang or "en", "stopwords") or langres.resource("en", "stopwords")
    return frozenset(w for kind in ("function", "reporting", "calendar") for w in data.get(kind, ()))


READ_MORE = "read-more link"  # the reason of the furniture markers of a "Read more" line


def _read_more_teasers(lines: list[_Line], kinds: list[tuple[str, str]], chrome: list[str | None]) -> None:
    """Excerpts of other stories, each closed by its link to the rest ("Read more", "Weiterlesen", "Lire la
    suite"): one to three lines of text right above a read-more line (or above the teaser's date and author
    line right above it: "22 July 2019 By Wikimedia Foundation"), with furniture (the teaser's headline,
    date, image credit) above them. Two or more such excerpts on a page are a list of other stories; one
    alone may be the article cut by a "Continue reading" link, and stays -- unless the article's prose
    stands both above it (INLINE_TEASER_PROSE substantial paragraphs before its headline) and right below its
    link (within INLINE_TEASER_GAP lines): a box inside the article that points to another story ("Topinambur
    schälen: So geht es am besten" / its blurb / "Mehr erfahren", then the article goes on). A link that cuts
    the article has its lede, not its prose, above it."""
    units: list[range] = []
    links: list[int] = []  # (the read-more line of each unit)
    for i, why in enumerate(chrome):
        if why != READ_MORE:
            continue
        end = i
        while i - end < TEASER_STAMP_LINES and end > 0 and _teaser_stamp(lines[end - 1], kinds[end - 1]):
            end -= 1
        j = end - 1
        while (
            j >= 0 and kinds[j][0] == "body" and not _label(lines[j]) and end - j <= TEASER_EXCERPT_LINES + 1
        ):
            j -= 1
        excerpt = range(j + 1, end)
        if (
            excerpt
            # (more lines of text above: the article, not an excerpt; a teaser's headline or label is short)
            and (j < 0 or kinds[j][0] != "body" or _label(lines[j]))
            and sum(lines[k].words for k in excerpt) <= TEASER_EXCERPT_WORDS
        ):
            units.append(excerpt)
            links.append(i)
    if len(units) == 1 and not _inside_the_prose(lines, kinds, units[0], links[0]):
        return
    for excerpt in units:
        for k in excerpt:
            kinds[k] = ("furniture", "teaser (read more)")


def _inside_the_prose(lines: list[_Line], kinds: list[tuple[str, str]], excerpt: range, link: int) -> bool:
    """Whether an excerpt closed by its read-more line ``link`` is a box inside the article's prose: a
    headline-shaped line (``_headline_shaped``: not a section's label of a word or two, "Das Mahlen", nor a
    salutation, "Sehr geehrte Damen und Herren,") right above it or opening it (above more of it), at least
    INLINE_TEASER_PROSE substantial paragraphs of body above the excerpt, and one within INLINE_TEASER_GAP
    lines below the link."""
    head = [k for k in (excerpt.start - 1, excerpt.start) if k >= 0 and k < excerpt.stop - 1]
    if not any(_headline_shaped(lines[k]) for k in head):
        return False
    above = sum(1 for k in range(excerpt.start - 1) if kinds[k] == ("body", "") and lines[k].substantial)
    below = range(link + 1, min(len(lines), link + 1 + INLINE_TEASER_GAP))
    return above >= INLINE_TEASER_PROSE and any(
        kinds[k] == ("body", "") and lines[k].substantial for k in below
    )


INLINE_TEASER_PROSE = 2  # substantial paragraphs of the article above a lone excerpt's headline, at least
INLINE_TEASER_GAP = 3  # lines from a lone excerpt's read-more link to the article's next paragraph, at most
TEASER_EXCERPT_LINES = 3
TEASER_EXCERPT_WORDS = 150
TEASER_STAMP_LINES = 2  # a teaser's date line and author line, between its excerpt and its read-more link


def _label(ln: _Line) -> bool:
    """A short line that is no sentence: a teaser's headline, kicker or section label ("Advocacy")."""
    return ln.words < 8 and not _ends_a_sentence(ln)


def _teaser_stamp(ln: _Line, kind: tuple[str, str]) -> bool:
    """A teaser's date or author line ("22 July 2019 By Wikimedia Foundation", "Von Anna Weber"): a short
    line taken for a byline, or one with a number in it (a date, a reading time)."""
    if ln.words > 8 or kind[0] == "title":
        return False
    return kind == ("meta", "byline") or ln.has_digit


def _galleries(lines: list[_Line], kinds: list[tuple[str, str]], first_body: int) -> None:
    """A photo gallery copied from a page repeats its own title before each slide ("Racist, ruthless,
    cruel: Germany's colonial history" / slide title / caption): a headline-like line found three or more
    times, a few lines apart, marks the slides between (and after the last, as many lines as a slide
    has) as gallery captions. A line the rules already took for chrome is no gallery's title (an embedded
    post's "View this post on Instagram" above each section of a travel blog)."""
    where: dict[str, list[int]] = {}
    for i in range(first_body, len(lines)):
        ln = lines[i]
        if 3 <= ln.words <= 15 and kinds[i][0] not in ("title", "furniture") and not ln.full_stop_end:
            where.setdefault(ln.text, []).append(i)
    for found in where.values():
        runs: list[list[int]] = []  # occurrences a few lines apart (the title may also stand elsewhere)
        for i in found:
            if runs and i - runs[-1][-1] <= GALLERY_SLIDE_LINES:
                runs[-1].append(i)
            else:
                runs.append([i])
        for at in runs:
            if len(at) < 3:
                continue
            gaps = [b - a for a, b in itertools.pairwise(at)]
            slide = max(set(gaps), key=gaps.count)
            for a, b in [*itertools.pairwise(at), (at[-1], min(at[-1] + slide, len(lines)))]:
                for k in range(a, b):
                    if kinds[k][0] == "body" and lines[k].words <= GALLERY_CAPTION_WORDS:
                        kinds[k] = ("furniture", "gallery or story list")


GALLERY_SLIDE_LINES = 5
GALLERY_CAPTION_WORDS = 80


def _blocks_after_the_article(
    kinds: list[tuple[str, str]],
    substantial: list[bool],
    long: list[bool],
    lines: list[_Line] | None = None,
    lang: str | None = None,
) -> None:
    """(``lines`` and ``lang``: a block that goes on with the article's subject stays; see ``_blocks_after``.)"""
    _blocks_after(kinds, substantial, ARTICLE_GAP_LINES, None, lines, lang)
    _blocks_after(kinds, substantial, SHORT_GAP_LINES, long, lines, lang)


def _blocks_after(
    kinds: list[tuple[str, str]],
    substantial: list[bool],
    gap_lines: int,
    keep: list[bool] | None,
    lines: list[_Line] | None = None,
    lang: str | None = None,
) -> None:
    """A copied page goes on after its article with other blocks (a sidebar, promotions, the site's
    footer), each set off from the article by a long run of furniture lines. Blocks of prose separated by
    ARTICLE_GAP_LINES or more lines of furniture are told apart; the one with the most substantial
    paragraphs is the article, and a block after it with less than a third of its prose is not the
    article ("block after the article"). A block as large as a third of the article stays (an article
    cut in two by a gallery or an advertisement goes on), and so does one whose paragraphs share on average
    TEASER_TOPIC_SHARE of their words with the article's (the article cut in two by a table)."""
    blocks: list[list[int]] = []  # indices of body lines, per block
    gap = gap_lines
    for i, k in enumerate(kinds):
        if k[0] in ("body", "title"):
            if gap >= gap_lines or not blocks:
                blocks.append([])
            blocks[-1].append(i)
            gap = 0
        else:
            gap += 1
    if len(blocks) < 2:
        return
    prose = [sum(1 for i in b if kinds[i][0] == "body" and substantial[i]) for b in blocks]
    main = max(range(len(blocks)), key=lambda b: prose[b])
    vocab: set[str] | None = None
    for b in range(main + 1, len(blocks)):
        if 3 * prose[b] < prose[main] and (keep is None or prose[b] == 0):
            if prose[b] and lines is not None:
                stop = _stop_words(lang)
                if vocab is None:
                    vocab = set().union(
                        *(_topic_words(lines[i].text, stop) for i in blocks[main] if substantial[i])
                    )
                paras = [_topic_words(lines[i].text, stop) for i in blocks[b] if substantial[i]]
                if sum(len(w & vocab) / max(1, len(w)) for w in paras) >= TEASER_TOPIC_SHARE * len(paras):
                    continue  # (the article's own subject goes on)
            for i in blocks[b]:
                if kinds[i][0] == "body" and not (keep is not None and keep[i]):
                    kinds[i] = ("furniture", "block after the article")


ARTICLE_GAP_LINES = 12
SHORT_GAP_LINES = 4


def _prose_span(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool]
) -> tuple[int, int] | None:
    """The article's span on a copied page: the run of lines with the most running text, where each
    substantial paragraph adds its words and each line that is neither running text nor a sentence
    (a menu item, a headline, a label, a line of furniture) costs SPAN_LINE_COST words. (A paragraph adds the
    words it has beyond SUBSTANTIAL_WORDS: a list of other stories alternates headlines with summaries of
    about that length, which do not pay for their headlines; an article's paragraphs do.) A gallery, a
    table or an advertisement inside the article costs less than the prose around it and stays inside;
    a sidebar or a list of other stories far below does not pay for the chrome between. The span begins
    and ends with a substantial paragraph; None when the page has none."""
    best = cur = 0
    start = 0
    span = None
    for i, (kind, _why) in enumerate(kinds):
        if substantial[i] and kind == "body":
            cur += lines[i].words - SUBSTANTIAL_WORDS
            if cur > best:
                best, span = cur, (start, i)
        elif not lines[i].sentence or kind not in ("body", "title"):
            cur -= SPAN_LINE_COST
            if cur <= 0:
                cur, start = 0, i + 1
    return span


def _cards_of_other_stories(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool]
) -> None:
    """Below the article's span (``_prose_span``) a copied page often lists other stories as cards: each a
    headline (and maybe a section label or a date stamp) over one short paragraph of summary, which reads
    like running text. A run of CARD_RUN cards or more in a row, where each card is one to CARD_HEAD_LINES
    short lines (one of them headline-shaped) over a single paragraph of CARD_SUMMARY_WORDS words or fewer,
    and where most cards are marked alike (a line of CARD_MARK_WORDS words or a stamp, of one wording but for
    its figures, in CARD_RUN cards or more: the section label "News", "Сегодня, 7:30", "//Политика"), is a
    list of other stories: its lines are furniture, however long. (An article's subsections under their
    subheadings carry no such repeated mark, and its span holds them: only cards below the span are read. A
    photo's credit, "4/28 photos © Shutterstock", and a list's numbers, "4.", mark no card: a gallery's slides
    and a paper's references are no other stories.) A card may also carry its counters below its summary,
    its headline glued to it ("Marsz z kijkamiTą nazwą ...", then "5.00/ 1", "373", "Skomentuj (1)"): read
    from the counters, each card is then CARD_COUNTERS or more short lines, all of them with figures, over a
    summary (one such line, "Stufe 2", labels a step of the text)."""
    span = _prose_span(lines, kinds, substantial)
    if span is None:
        return
    n = len(lines)
    i = span[1] + 1
    run: list[tuple[range, frozenset[str]]] = []  # the cards in a row: their lines and their marks

    def close() -> None:
        marks: dict[str, int] = {}
        for _card, shapes in run:
            for shape in shapes:
                marks[shape] = marks.get(shape, 0) + 1
        shared = max(marks.values(), default=0)  # (cards of one mark: most of the run's)
        if len(run) >= CARD_RUN and shared >= CARD_RUN and 2 * shared >= len(run):
            for card, _shapes in run:
                for k in card:
                    if kinds[k][0] == "body":
                        kinds[k] = ("furniture", "card of another story")
        run.clear()

    while i < n:
        card = _card_at(lines, kinds, i)
        if card is None:
            close()
            i += 1
            continue
        head = range(card.start, card.stop - 1)
        shapes = frozenset(
            _DIGITS.sub("0", lines[k].text.lower())
            for k in head
            if (lines[k].words <= CARD_MARK_WORDS or _post_stamp(lines[k]))
            and kinds[k] != ("furniture", "photo caption")
            and re.search(r"[^\W\d_]", lines[k].text)  # (a list's numbers, "4.", mark no story)
        )
        run.append((card, shapes))
        i = card.stop
    close()


def _card_at(lines: list[_Line], kinds: list[tuple[str, str]], i: int) -> range | None:
    """The lines of a card that starts at line ``i`` (see ``_cards_of_other_stories``), else None."""
    n = len(lines)
    j = i
    while j < n and j - i < CARD_HEAD_LINES and lines[j].words < SUBSTANTIAL_WORDS and kinds[j][0] != "title":
        j += 1
    if j == i or j >= n or not SUBSTANTIAL_WORDS <= lines[j].words <= CARD_SUMMARY_WORDS:
        return None
    if kinds[j][0] == "title" or (j + 1 < n and lines[j + 1].words >= SUBSTANTIAL_WORDS):
        return None
    if not any(3 <= lines[k].words <= 20 and not lines[k].full_stop_end for k in range(i, j)) and not (
        j - i >= CARD_COUNTERS
        and all(lines[k].words <= CARD_MARK_WORDS and lines[k].has_digit for k in range(i, j))
    ):
        return None
    return range(i, j + 1)


CARD_RUN = 3  # cards in a row, and cards that share a mark, at least
CARD_HEAD_LINES = 3  # short lines over a card's summary, at most
CARD_SUMMARY_WORDS = 60  # words of a card's summary, at most
CARD_MARK_WORDS = 3  # words of a card's section label, at most
CARD_COUNTERS = 2  # counters of a card read from its counters, at least ("Step 1" alone is a step's label)


SPAN_LINE_COST = 6  # words of running text one line of chrome costs the article's span
PROSE_GAP_LINES = 8  # lines of chrome between the article's prose and a long line off its topic, at least
LONG_SUBJECT_WORDS = 2  # words of the article's subject that keep a long line far below its prose
LONG_TOPIC_SHARE = 0.4  # share of a long line's words that are the article's, that keeps it there
BELOW_SHARE = 0.3  # words of the long lines below the span, at most, against the span's: a page's leftovers
BELOW_THE_PROSE = "off the article's topic below its prose"  # reason of a long line there
SPAN_TOPIC_WORDS = 3  # words (of three letters or more, no stop words) a line needs to be judged by its topic


def _after_the_prose(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool], lang: str | None
) -> None:
    """Below the article's span (``_prose_span``) a copied page goes on with its chrome: lists of other
    stories (headlines, each with a line of summary), promotions, job ads, the footer. There a line of text
    stays only when it goes on with the text kept above it: a sentence right below a kept line (the
    article's closing lines), or a line whose words (SPAN_TOPIC_WORDS at least) are for TEASER_TOPIC_SHARE
    words of the article's text or of the text kept after it (a gallery's slides, a live blog's entries, a
    section after an inline box go on with the article's subject; teasers of other stories do not), one of
    them a word of its subject (found in two lines of that text or more, not a word it uses once). A line
    with fewer such words (a subheading, a label) goes with the next line that has them. A line of
    SUBSTANTIAL_WORDS or more stays (a paragraph is not dropped for its place alone), but keeps nothing below
    it: a teaser's long summary is no evidence; only below the page's end-of-article marker
    (``end_marker``: "Related", "More stories", "Comments"), where the page itself says the article is over,
    is such a paragraph judged by its topic like any line (other stories' text, readers' comments, a site's
    blurbs). The rest is "after the article's prose". (Only on a page that goes on below the span with
    SHORT_GAP_LINES lines of chrome or more.)

    Far below the text kept (PROSE_GAP_LINES lines in a row, or more, that are not kept) the page's own
    structure says the article's paragraphs have stopped, marker or not: there a section (the lines up to
    the next such run of chrome) is judged by its topic as a whole, and its long lines that share neither
    LONG_SUBJECT_WORDS words of the article's subject nor LONG_TOPIC_SHARE of their words with its text are
    BELOW_THE_PROSE (a consent or newsletter box, another story's summary, a site's blurb), unless a line of
    the section goes on with the article (it went on below a box of other stories). Not on a page whose
    long lines below the span hold BELOW_SHARE of the span's words or more: a thread of posts or an article
    in parts, whose text below shares few words with the span line by line."""
    span = _prose_span(lines, kinds, substantial)
    if span is None:
        return
    lo, hi = span
    if sum(1 for k in kinds[hi + 1 :] if k[0] != "body") < SHORT_GAP_LINES:
        return  # (no page's tail of chrome below the article: an embedded post's signature, a box)
    stop = _stop_words(lang)
    seen: set[str] = set()  # words of one line of the article's text
    vocab: set[str] = set()  # words of two lines of it or more: its subject
    for j in range(lo, hi + 1):
        if kinds[j][0] in ("body", "title"):
            words = _topic_words(lines[j].text, stop)
            vocab |= words & seen
            seen |= words
    goes_on = True  # the line above is kept text: a sentence right below it goes on with it
    pending: list[int] = []  # short lines that go with the next line of text
    last = hi  # the last line kept as text (every line between it and the next one is not)
    held: list[int] | None = None  # an open section far below the prose: its long lines off the topic

    def close(section: list[int] | None) -> None:
        for m in section or ():
            kinds[m] = ("furniture", BELOW_THE_PROSE)

    # the end-of-article marker's line, looked for when first needed (most pages never ask)
    marker = functools.cache(lambda: end_marker(lines, lang))

    for k in range(hi + 1, len(lines)):
        ln = lines[k]
        if kinds[k][0] != "body":
            goes_on = False
            continue
        closed = ln.sentence or ln.full_stop_end
        words = _topic_words(ln.text, stop)
        if (goes_on and closed) or (
            len(words) >= SPAN_TOPIC_WORDS
            and len(words & seen) >= TEASER_TOPIC_SHARE * len(words)
            and not words.isdisjoint(vocab)
        ):
            vocab |= words & seen
            seen |= words
            if k - last > PROSE_GAP_LINES:  # (the open section ended above this one: it stays off the topic)
                close(held)
            goes_on, pending, held, last = closed, [], None, k
        elif ln.words >= SUBSTANTIAL_WORDS and ((end := marker()) is None or k < end):
            # (kept for its length alone, no evidence for the lines below; but in a section far below the
            # text kept, PROSE_GAP_LINES lines or more, only when the section shares the article's topic)
            if k - last > PROSE_GAP_LINES:
                close(held)
                held = [] if _leftovers_below(lines, kinds, substantial, lo, hi) else None
            if held is not None:
                subject, shared = len(words & vocab), len(words & seen)
                on_topic = subject >= LONG_SUBJECT_WORDS or shared >= LONG_TOPIC_SHARE * len(words)
                held = None if on_topic else [*held, k]  # (a line on the topic keeps its section)
            goes_on, pending, last = False, [], k
        elif len(words) < SPAN_TOPIC_WORDS:
            goes_on = False
            pending.append(k)
        else:
            for m in (*pending, k):
                kinds[m] = ("furniture", "after the article's prose")
            goes_on, pending = False, []
    for m in pending:
        kinds[m] = ("furniture", "after the article's prose")
    close(held)


RELATED_BELOW_THE_MARKER = "related headline below the end marker"


def _related_headline(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool], k: int
) -> bool:
    """Below the page's end-of-article marker, a line shaped like a headline (3-20 words, no closing
    punctuation, opening with a capital or a digit) that no paragraph of running text follows: a related
    story's headline, which shares the article's topic, not a subheading of the article going on."""
    return _headline_shaped(lines[k]) and not (
        k + 1 < len(lines) and substantial[k + 1] and kinds[k + 1][0] == "body"
    )


def _headline_shaped(ln: _Line) -> bool:
    """A line shaped like a headline: 3-20 words, no closing punctuation (a question mark may close it),
    opening with a capital or a digit."""
    return (
        3 <= ln.words <= 20
        and not _HEADLINE_END.search(ln.closing)
        and (ln.text[:1].isupper() or ln.text[:1].isdigit())
    )


def _related_below_the_marker(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool], lang: str | None
) -> None:
    """Below the page's end-of-article marker (``end_marker``), inside the article's span or below it, a
    line of body shaped like a headline (``_related_headline``) right below a line that is not text (the
    marker, a label, a button, another such headline) is a related story's headline: it shares the
    article's topic, so the topic test below the prose keeps it. Not on a page whose long lines below the
    span are a thread of posts or an article in parts (``_leftovers_below``). Reason:
    RELATED_BELOW_THE_MARKER."""
    end = -1  # (the marker is looked for at the first line shaped so: most pages have none)
    for k in range(1, len(lines)):
        if not (
            kinds[k] == ("body", "")
            and kinds[k - 1][0] != "body"
            and not (lines[k].sentence or lines[k].full_stop_end)
            and _related_headline(lines, kinds, substantial, k)
        ):
            continue
        if end == -1:
            at = end_marker(lines, lang)
            span = _prose_span(lines, kinds, substantial) if at is not None else None
            if at is None or span is None or not _leftovers_below(lines, kinds, substantial, *span):
                return
            end = at
        if k > end:
            kinds[k] = ("furniture", RELATED_BELOW_THE_MARKER)


def _leftovers_below(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool], lo: int, hi: int
) -> bool:
    """Whether the long lines of text below the article's span (``lo``, ``hi``) hold fewer than BELOW_SHARE of
    the span's words: a page's leftovers, not a thread of posts or an article in parts. (Asked only when a
    section far below the prose opens: few pages have one.)"""
    below = sum(lines[j].words for j in range(hi + 1, len(lines)) if substantial[j] and kinds[j][0] == "body")
    return below < BELOW_SHARE * sum(lines[j].words for j in range(lo, hi + 1) if kinds[j][0] == "body")


def end_marker(lines: list[_Line], lang: str | None) -> int | None:
    """The page's first end-of-article marker (a short line the furniture vocabulary reads as one:
    "Related", "More stories", "Comments", "Lesen Sie auch") after the article's third substantial
    paragraph, or None."""
    vocab = furniture.vocabulary(lang)
    paragraphs = 0
    for i, ln in enumerate(lines):
        paragraphs += ln.substantial
        if paragraphs >= 3 and ln.words <= END_MARKER_WORDS and vocab.tail(ln.text, ln.words):
            return i
    return None


END_MARKER_WORDS = 6  # words of an end-of-article marker line, at most


COPYRIGHT = "copyright line"  # the reason of the furniture markers of a page's copyright line


def _after_the_copyright_line(
    kinds: list[tuple[str, str]], substantial: list[bool], chrome: list[str | None]
) -> None:
    """A page's copyright line ("Alle Rechte vorbehalten", "© 2019 Example Media") closes its article: what
    follows it is the site's footer (subscription offers, service links, the archive), when the article's
    prose lies before it (three substantial paragraphs at least, and over three times as many as after it)
    and most lines after it are furniture already (a credit under a photo in the middle of the article is
    followed by more of the article)."""
    for i, why in enumerate(chrome):
        if why != COPYRIGHT:
            continue
        after = range(i + 1, len(kinds))
        before_prose = sum(1 for k in range(i) if kinds[k][0] == "body" and substantial[k])
        after_prose = sum(1 for k in after if kinds[k][0] == "body" and substantial[k])
        furniture_after = sum(1 for k in after if kinds[k][0] == "furniture")
        if before_prose >= 3 and 3 * after_prose < before_prose and 2 * furniture_after >= len(after):
            for k in after:
                if kinds[k][0] in ("body", "meta"):
                    kinds[k] = ("furniture", "after the copyright line")
            return


COMMENT_RULES = "comment rules"  # the reason of the furniture markers of a comment form's rules


def _after_the_comment_rules(
    kinds: list[tuple[str, str]], substantial: list[bool], chrome: list[str | None]
) -> None:
    """The rules of a page's comment form ("Your email address will not be published", "Required fields are
    marked *", "Ihre E-Mail-Adresse wird nicht veröffentlicht") below the article open its comment section:
    the readers' posts that follow it are no part of the article, however long they are (a thread of posts
    reads like prose and goes on with the article's subject, so no rule of shape or topic finds it). Only
    when the article's prose lies before the notice (three substantial paragraphs at least): a forum's rules
    above its first post end nothing. (A "comments closed" line is another reason: a blog's front page shows
    one under each of its posts, and the next post follows.)"""
    for i, why in enumerate(chrome):
        if why != COMMENT_RULES:
            continue
        if sum(1 for k in range(i) if kinds[k][0] == "body" and substantial[k]) < 3:
            continue
        for k in range(i + 1, len(kinds)):
            if kinds[k][0] == "body":
                kinds[k] = ("furniture", "after the comment rules")
        return


COMMENT_COUNT = "comment count"  # the reason of the tail markers of a count of readers' comments
READERS_COMMENTS = "readers' comments"
_COMMENT_HEADINGS = frozenset({COMMENT_COUNT, "comments", "comments closed"})  # (tail and notice reasons)


def _comment_headings(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    substantial: list[bool],
    vocab: furniture.Vocabulary,
    chrome: list[str | None],
) -> list[tuple[int, str, int]]:
    """The headings of a comment section after the article's third substantial paragraph (a count of
    comments, "Comments", "Comments are now closed"): (line, reason, substantial paragraphs above it), read
    once for ``_after_the_comment_count`` and ``_posts_under_names``."""
    out = []
    before = 0
    for i, ln in enumerate(lines):
        if kinds[i][0] == "body" and substantial[i]:
            before += 1
            continue
        if before < 3:
            continue
        why = chrome[i] if chrome[i] in _COMMENT_HEADINGS else vocab.tail(ln.text, ln.words)
        if why in _COMMENT_HEADINGS:
            out.append((i, str(why), before))
    return out


def _after_the_comment_count(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    substantial: list[bool],
    headings: list[tuple[int, str, int]],
) -> None:
    """A count of readers' comments ("12 comments", "6 Kommentare zu „Title“", "3 Responses to Title") below
    the article opens its comment section, form or no form: the readers' posts after it are no part of the
    article, however long (a thread with no rules of a comment form above it, whose posts' headers no rule
    finds). Only where the article's prose lies before the count (three substantial paragraphs at least, and
    no fewer than after it): a count in the header's byline bar, above the article, ends nothing.
    ``headings``: ``_comment_headings``."""
    for i, why, before in headings:
        if why != COMMENT_COUNT:
            continue
        after = [k for k in range(i + 1, len(lines)) if kinds[k][0] == "body"]
        if sum(substantial[k] for k in after) > before:
            continue
        for k in after:
            kinds[k] = ("furniture", "after the comment count")
        return


def _posts_under_names(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    headings: list[tuple[int, str, int]],
    chrome: list[str | None],
) -> None:
    """A readers' thread whose posts are headed by their poster's name alone, no stamp ("g4", "Lindsay
    Gray", "MJ, ON", or a post's number, over one to a few lines of text): right below a heading of the
    comment section (``_comment_headings``: a count of comments, "Comments", "Comments are now closed for
    this story") after the article's third substantial paragraph, THREAD_POSTS posts or more in a row by two
    names or more. The run of posts is furniture, however long its lines (a count with more of the readers'
    prose below it than the article's above is no end for ``_after_the_comment_count``)."""
    for i, _why, _before in headings:
        end = _named_posts_end(lines, i + 1, chrome)
        if end is not None:
            for k in range(i + 1, end):
                if kinds[k][0] in ("body", "meta"):
                    kinds[k] = ("furniture", READERS_COMMENTS)
            return


def _named_posts_end(lines: list[_Line], j: int, chrome: list[str | None]) -> int | None:
    """Where a run of posts under names that opens at line ``j`` ends, when it holds THREAD_POSTS posts or
    more by two names or more (a name with no text under it is no post); else None. A post is a name line
    (``_name_line``; page chrome such as "Learn more" or "More in Politics" is none) over one to
    NAMED_POST_LINES lines of text; a longer text ends the run before it, unless the run already holds
    THREAD_POSTS posts by two names (a thread is found: a reader's long post goes on with it)."""
    n = len(lines)
    names: set[str] = set()
    posts = 0
    end = j
    k = j
    while k < n and _name_line(lines[k]) and not chrome[k]:
        t = k + 1
        while t < n and not _name_line(lines[t]) and (lines[t].words >= 4 or lines[t].full_stop_end):
            t += 1
        if t - k - 1 > NAMED_POST_LINES and (posts < THREAD_POSTS or len(names) < 2):
            break
        if t > k + 1:
            posts += 1
            names.add(lines[k].text.lower())
            end = t
        k = t
    return end if posts >= THREAD_POSTS and len(names) >= 2 else None


NAMED_POST_LINES = 8  # lines of text of a post under a name, at most


def _name_line(ln: _Line) -> bool:
    """A poster's name alone on its line: four words at most, not closed like a sentence or a label, and no
    stamp (a forum's posts are stamped, as its opening post is: its replies are the page's text)."""
    return (
        1 <= ln.words <= 4
        and not ln.text.rstrip().endswith((".", "!", "?", ":", "…", '"', "”"))
        and not _post_stamp(ln)
    )


def _repeated_lines(lines: list[_Line], kinds: list[tuple[str, str]]) -> None:
    """A line of four or more words found again further down the page (not right below itself) is
    repeated chrome (a video placeholder, a notice, a pull quote, a teaser): the first copy stays what it
    is, the repeats are furniture. The title is never dropped."""
    seen: dict[str, int] = {}
    titles = {ln.text for ln, k in zip(lines, kinds, strict=True) if k[0] == "title"}
    for i, ln in enumerate(lines):
        if ln.words < 4:
            continue
        last = seen.get(ln.text)
        # (a line said twice in a row is the text's own refrain, not chrome found again elsewhere)
        if last is not None and i - last > 1 and kinds[i][0] == "body" and ln.text not in titles:
            kinds[i] = ("furniture", "repeated on the page")
        seen[ln.text] = i


_LIST_ITEM = re.compile(r"^(?:[-•*·–]\s|\d{1,2}[.)]\s|\|)")
# (a headline may end with a quoted phrase: "... Alexas “Flash Briefings”"; a sentence ends with a stop before it)
_HEADLINE_END = re.compile(r"[.!:;,)]$|[.!?,;:][\"”“»«'’]$")


HEADLINES_BETWEEN_LABELS = "teaser list between labels"


def _teaser_lists(
    lines: list[_Line], kinds: list[tuple[str, str]], first_body: int, labels: bool = False
) -> None:
    """Runs of three or more headlines (lines of 3-20 words with no closing punctuation, maybe with a short
    date or author line between them) after the article has begun are lists of other stories: furniture.
    A headline may open with Spanish's inverted marks ("¿Conflicto de interés?: General ...", "¡Atención!
    ...") before its capital.

    ``labels``: the runs read again once every other rule has run, from the article's first paragraph on
    (``first_body``). A box of other stories inside the article's span often puts a label between its
    headlines that only the later rules take for furniture (a source's name under each headline, "Wales
    Online"; a section, "Economía"; a count of views, "13155"; a time or a video's length, "14:10", "0:46"),
    so the first reading saw no run there. A line that the next line goes on with in lower case is a
    hard-wrapped sentence, not a headline. Reason: HEADLINES_BETWEEN_LABELS."""

    def headline(j: int) -> bool:
        ln = lines[j]
        first = ln.text.lstrip("¿¡")[:1]
        return (
            kinds[j][0] == "body"
            and 3 <= ln.words <= 20
            and not _HEADLINE_END.search(ln.closing)
            and not _LIST_ITEM.match(ln.text)
            and (first.isupper() or first.isdigit() or first in "#\"“„«»'‘")
            and not (labels and j + 1 < len(lines) and lines[j + 1].text[:1].islower())
        )

    i = first_body + 1
    while i < len(lines):
        if not headline(i):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines):
            if headline(j):
                run.append(j)
            elif not (kinds[j][0] in ("furniture", "meta") and lines[j].words <= 8):
                break
            j += 1
        if len(run) >= 3:
            for k in run:
                kinds[k] = ("furniture", HEADLINES_BETWEEN_LABELS if labels else "teaser list")
        i = j


NEWEST_FIRST = "list of posts, newest first"  # the reason of the lines of a list of dated posts
NEWEST_FIRST_ITEMS = 3  # dated lines in a row, each of another day, at least
DATED_ITEM_WORDS = 40  # words of one dated item, at most (a headline with its date, section or author)
DATED_ITEM_GAP_WORDS = 8  # words at most of a line between two dated items (a label, a count)


def _newest_first(lines: list[_Line], kinds: list[tuple[str, str]], lang: str | None) -> None:
    """A list of other posts that a page shows anywhere (above the article as "Latest posts", beside it,
    below it as an archive): lines of one to DATED_ITEM_WORDS words that each carry a full date ("[ 26.
    Februar 2020 ] Am Windows Server 2019 ...", "Robotik in der Industrie: Vom Unimate zum LLM 31.10.2023"),
    NEWEST_FIRST_ITEMS of them in a row or more (short labels between them allowed: ``_label_between``),
    their dates in descending order and NEWEST_FIRST_ITEMS of them different: a feed of posts lists the
    newest first, whereas an article's own chronology runs forward in time. An item that ends like a
    sentence (a full stop, "!" or "?") or is a paragraph of running text is no list's line: the list stops
    there (a line already furniture, a post's date stamp, is one of its lines and keeps its reason). Any
    language: the dates are read by ``_date_in_line``. Reason: NEWEST_FIRST (a date line taken from the
    list is then no longer the page's date: ``classify_lines`` drops a date line that is not metadata)."""
    n = len(lines)
    candidate = [  # (the cheap tests first: most lines of a page end like sentences or hold no figure)
        not ln.full_stop_end
        and 1 <= ln.words <= DATED_ITEM_WORDS
        and not ln.substantial
        and ln.has_digit
        and kinds[i][0] != "title"
        and _DATE_IN_LINE.search(ln.text) is not None
        for i, ln in enumerate(lines)
    ]
    if sum(candidate) < NEWEST_FIRST_ITEMS:
        return
    i = 0
    while i < n:
        if not candidate[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            if candidate[j]:
                run.append(j)
            elif not _label_between(lines[j], kinds[j]):
                break
            j += 1
        if len(run) >= NEWEST_FIRST_ITEMS:
            dates = [_date_in_line(lines[k].text, lang) for k in run]
            _newest_first_runs(run, dates, kinds)
        i = j


def _label_between(ln: _Line, kind: tuple[str, str]) -> bool:
    """A short line between two dated items of a list (a section's label, a count, a button): not the
    article's title, DATED_ITEM_GAP_WORDS words at most, not closed like a sentence."""
    return kind[0] != "title" and ln.words <= DATED_ITEM_GAP_WORDS and not ln.full_stop_end


def _newest_first_runs(run: list[int], dates: list[dt.date | None], kinds: list[tuple[str, str]]) -> None:
    """The stretches of ``run`` (dated lines in a row, ``dates`` theirs) whose dates descend over
    NEWEST_FIRST_ITEMS different days or more: lists of posts, newest first (see ``_newest_first``). A line
    whose date is not read, or a date later than the one above it, ends a stretch."""
    stretch: list[tuple[int, dt.date]] = []

    def close() -> None:
        if len({d for _k, d in stretch}) >= NEWEST_FIRST_ITEMS:
            for k, _d in stretch:
                if kinds[k][0] != "furniture":  # (a post's date stamp already furniture keeps its reason)
                    kinds[k] = ("furniture", NEWEST_FIRST)
        stretch.clear()

    for k, d in zip(run, dates, strict=True):
        if d is None or (stretch and d > stretch[-1][1]):
            close()
        if d is not None:
            stretch.append((k, d))
    close()


# A page's <title> line: "Headline | Site", "Headline - Site - Section".
_TITLE_SEP = re.compile(
    r"\s+[" + metadata.PIPE_LIKE + r"–—-]\s+|\s*[│┃]\s*|\s+[·•»]\s+"
    # Chinese and Japanese titles join their parts without spaces ("标题！-新华网", "标题_新闻_新浪网")
    r"|(?<=[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20])\s*[-_|｜]\s*(?=[\u3040-\u30ff\u4e00-\u9fff])"
)


def _title_line(lines: list[_Line], kinds: list[tuple[str, str]], first_body: int) -> int | None:
    # a headline stands above the text: the last line is one only when no text stands above it (a claim
    # checked alone, under a label or none: "Facebook has banned the sale of firearms"); a Thai text with no
    # punctuation at its ends took its last paragraph, or its whole text on one line, for its title
    last = len(lines) - 1
    head = [i for i in range(min(first_body, last)) if kinds[i][0] == "body"]
    if first_body > last >= 0 and kinds[last][0] == "body" and not any(_is_text_line(lines[i]) for i in head):
        head.append(last)
    if not head:
        return None
    # A copied page opens with its <title> ("Bridge closed | Harbour Times") and repeats the headline
    # above the article: that repetition is the title, whatever menus lie between.
    first = lines[head[0]].text
    parts = [p.strip() for p in _TITLE_SEP.split(first) if p.strip()]
    if len(parts) > 1:
        for i in head[1:]:
            if lines[i].text in parts and lines[i].words >= 2:
                return i
    for i in head:
        if _looks_headline(lines[i]) and not _in_menu(lines, i):
            return i
    # a two-word headline alone above the article ("Markets tumble", "انهيار الأسواق"): nothing else
    # stands before the body, so it is no menu or breadcrumb among others
    if (
        head == [0]
        and first_body == 1 < len(lines)
        and lines[0].words == 2
        and not re.search(r"[.…:]$", lines[0].text)
    ):
        return 0
    return None


# the separators of a page's <title> ("Headline | Section| Site | 19.01.2020", "Headline › Site")
_PAGE_TITLE_SEP = re.compile(
    r"\s*[|│┃｜¦∣]\s*|\s+ǀ\s+|\s+[–—/-]\s+|\s+[·•»›:]\s+(?=\S+(?:\s+\S+){0,3}$)|\s+[·•»›]\s+"
)
# (what the headline above the article may have been taken for before the title is known)
_TITLE_KINDS = frozenset(
    {("body", ""), ("furniture", "short fragment"), ("furniture", "fragment between furniture")}
)
_PAGE_TITLE_LOOKAHEAD = 400  # lines in which a copied page repeats its <title>'s headline


_WORD_RUN = re.compile(r"\w+")


def _under_the_page_title(
    lines: list[_Line],
    title_at: int | None,
    page_title: tuple[str, str | None, frozenset[str]] | None,
    lang: str | None = None,
) -> bool:
    """Whether the title was read from the page's own <title> line at its top ("Headline | Site"), which
    the page does not repeat above its article: the lines right under it are the page's header (skip
    links, the site's slogan, its address), not the article's deck, which sits under the headline the page
    shows."""
    if title_at != 0 or not lines:
        return False
    return page_title is not None or _page_title_parts(lines[0].text, lang)[1] is not None


def _repeated_headline(
    lines: list[_Line],
    kinds: list[tuple[str, str]],
    keys: frozenset[str],
    site: str | None,
    substantial: list[bool],
) -> int | None:
    """The line where a copied page repeats its <title>'s headline (one of ``keys``), within
    _PAGE_TITLE_LOOKAHEAD lines or, below a longer header, above the article's first paragraph. When the
    page repeats different parts of a <title> whose site's name the lengths of its parts do not tell, the
    one nearest above that paragraph is the headline: "Headline | Site Name" (a site's name as long as the
    headline) shows the site's name in the page's header and the headline above the article.
    The part taken for the ``site`` counts among them ("Scherenschnitt (3) | gnaddrig ad libitum": the
    shorter part is the headline here) when the <title> opens with it (the reading "Site | Headline", by
    length only, is the less sure one); alone it is the site's name in the page's header, not the
    headline."""
    first = lines[0].text.lstrip() if lines else ""
    site_first = site is not None and first.startswith(site)
    site_key = _norm_words(site) if site and len(site.split()) >= 2 and site_first else None
    found = [
        i
        for i in range(1, min(max(_PAGE_TITLE_LOOKAHEAD, _first_paragraph(kinds, substantial)), len(lines)))
        if kinds[i] in _TITLE_KINDS
        and (_norm_words(lines[i].text) in keys or _norm_words(lines[i].text) == site_key)
    ]
    if (site and not site_first) or len({_norm_words(lines[i].text) for i in found}) < 2:
        # (a site's name read at the end of the <title>, "Headline | Section | Site", is the sure reading:
        # the first repetition of the rest is the headline)
        return next((i for i in found if _norm_words(lines[i].text) != site_key), None)
    first_paragraph = _first_paragraph(kinds, substantial, skip=frozenset(found))
    above = [i for i in found if i < first_paragraph]
    return above[-1] if above else found[0]


def _first_paragraph(
    kinds: list[tuple[str, str]], substantial: list[bool], skip: frozenset[int] = frozenset()
) -> int:
    """The first substantial paragraph of body (not one of the lines ``skip``), or len(kinds)."""
    return next(
        (i for i, k in enumerate(kinds) if k == ("body", "") and substantial[i] and i not in skip), len(kinds)
    )


def _norm_words(s: str) -> str:
    return " ".join(_WORD_RUN.findall(s.casefold()))


def _page_title_line(
    lines: list[_Line], lang: str | None = None
) -> tuple[str, str | None, frozenset[str]] | None:
    """(headline, site, the forms the page may repeat it in) when the first line of a copied page is its
    <title>: a headline with a site's name ("Bridge closed | Harbour Times", "Headline › Site"), or a line
    the page repeats further down (its headline above the article). None otherwise."""
    if not lines or lines[0].words > 40 or lines[0].url:
        return None
    t = lines[0].text
    parts = [p.strip() for p in _PAGE_TITLE_SEP.split(t) if re.search(r"[^\W\d_]", p)]
    site: str | None = None
    if len(parts) >= 2:
        last, first = parts[-1], parts[0]
        if len(last.split()) <= 4 and len(last.split()) < max(len(p.split()) for p in parts[:-1]):
            barred = _after_a_bar(t, last)
            site = last if _site_like(last) and _names_a_site(last, parts[-2], lang, barred=barred) else None
        elif len(first.split()) <= 3 and len(first.split()) < max(len(p.split()) for p in parts[1:]):
            site = first if _site_like(first) and _names_a_site(first, parts[1], lang, before=True) else None
    rest = [p for p in parts if p != site] or [t]
    head = max(rest, key=lambda p: len(p.split()))
    # the page may repeat any run of its parts ("Hating Millennials - the prejudice you're allowed to ...")
    runs = [" ".join(parts[a:b]) for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)]
    keys = frozenset(_norm_words(p) for p in [t, *runs] if len(p.split()) >= 2) - {_norm_words(site or "")}
    if site is None and t.endswith("."):
        return None  # a sentence said twice, not a <title> (which has no full stop)
    if site is None and not _repeats_a_key(lines[1:_PAGE_TITLE_LOOKAHEAD], keys):
        return None
    return head, site, keys


def _repeats_a_key(lines: list[_Line], keys: frozenset[str]) -> bool:
    """Whether one of ``lines`` reads as one of ``keys`` (``_norm_words`` forms).

    A line is normalised only when it can be one of them. An ASCII line of more words (``_Line.words``)
    than the longest key is none: each of its words holds at least one of the ``\\w+`` runs ``_norm_words``
    keeps. Nor is a line whose case-folded text holds the first word of no key: a line's form is made of
    the ``\\w+`` runs of its case-folded text."""
    if not keys:
        return False
    most = max(k.count(" ") + 1 for k in keys)
    firsts = {k.split(" ", 1)[0] for k in keys}

    def may_be_a_key(ln: _Line) -> bool:
        if ln.words > most and ln.text.isascii():
            return False
        folded = ln.text.casefold()
        return any(w in folded for w in firsts)

    return any(may_be_a_key(ln) and _norm_words(ln.text) in keys for ln in lines)


def _page_title_parts(title: str, lang: str | None = None) -> tuple[str, str | None]:
    """("Headline", "Site") of a page's <title> line "Headline - Section - Site" / "Site | Headline";
    (title, None) for a headline with no site part."""
    title = _without_dated_parts(title)
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p.strip()]
    if len(parts) < 2:
        return title, None
    site, head = parts[-1], max(parts[:-1], key=_word_count)
    if (
        _word_count(site) <= 4
        and _word_count(head) >= 3
        and _word_count(head) > _word_count(site)
        and _site_like(site)
        and _names_a_site(site, parts[-2], lang, barred=_after_a_bar(title, site))
    ):
        return head, site
    return title, None


# A headline line's part that names its site ("Headline - Reuters", "Headline | The Guardian", "Harbour Times |
# Headline"): a domain, an outlet of the gazetteer, or a short name (metadata.SITE_NAME_WORDS words at most) whose first
# and last words are capitalised, an acronym or a number ("BBC News", "20 Minuten", "Times of India"). Not a
# label (``lang/*/titles.toml``: "Breaking News - Three People Shot ..."), nor the end of a compound whose hyphen
# was spaced ("Watergate Break - In", "heroic face - off", "two - party basis", "20 - 13 Win", "Hit - And - Run"),
# nor a clause or a quotation ("Hit - Run , Driver Charged", "Rehab - Where She 'Knows Everyone'").
_DOMAIN_NAME = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.I)
_NO_NAME_MARK = re.compile(r"[,;?\"“”‘’«»„]|(?<!\w)'|'(?!\w)|\.$")
_JOINING_WORD = 3  # letters of a lower-case word that may join a name's words ("of", "de", "du", "und")


def _after_a_bar(title: str, part: str) -> bool:
    """Whether ``part`` ends ``title`` after a bar or one of its look-alikes ("Headline | For me online
    Germany", "Headline │ Nestlé Marktplatz")."""
    return (
        re.search("[" + re.escape(metadata.PIPE_LIKE) + r"]\s*" + re.escape(part) + r"\s*$", title)
        is not None
    )


def _names_a_site(
    part: str, beside: str, lang: str | None, *, before: bool = False, barred: bool = False
) -> bool:
    """Whether ``part``, cut from a headline line at a separator, can be the site's name. ``beside``: the part
    on the other side of that separator; ``before``: ``part`` opens the line ("Site | Headline"); ``barred``:
    ``part`` ends the line after a bar, the separator of a <title>'s site name (never of a compound or a
    subtitle), so a name's inner words may be of any case ("Headline | For me online Germany")."""
    if part in gazetteer.OUTLETS or _DOMAIN_NAME.fullmatch(part):
        return True
    words, near = part.split(), beside.split()
    if not words or not near or len(words) > metadata.SITE_NAME_WORDS or _NO_NAME_MARK.search(part):
        return False
    if part.casefold() in _title_labels():
        return False
    function = _function_words(lang)
    if all(w.casefold() in function for w in words) or (len(near) == 1 and near[0].casefold() in function):
        return False  # a particle ("Break - In", "Shake - Up") or a chain's ("Hit - And - Run")
    left, right = (words[-1], near[0]) if before else (near[-1], words[0])
    if left[-1:].isdigit() and right[:1].isdigit():
        return False  # a score or a range ("20 - 13")
    if before and not _capitalised(near[0]):
        return False  # a headline opens with a capital: "Ram - raiders hit Paris" is a compound
    inner = words[1:-1]
    return (
        _capitalised(words[0])
        and _capitalised(words[-1])
        and (
            barred
            or all(_capitalised(w) or len(w) <= _JOINING_WORD or w.casefold() in function for w in inner)
        )
    )


def _capitalised(word: str) -> bool:
    """A name's word: capitalised, an acronym or a number ("Reuters", "BBC", "20"), a word of a script with no
    case ("新华网"), or a brand's lower-case letter before a capital ("iPhone"); not a lower-case word."""
    return not word[:1].islower() or word[1:2].isupper()


@functools.cache
def _title_labels() -> frozenset[str]:
    """The kicker labels of every language (``lang/<code>/titles.toml``): a page may set an English label
    over a headline in any language."""
    return frozenset(
        w for code in langres.available("titles") for w in langres.resource(code, "titles")["labels"]
    )


@functools.cache
def _function_words(lang: str | None) -> frozenset[str]:
    """The function words of the language and of English (``lang/<code>/stopwords.toml``)."""
    words = set(langres.resource("en", "stopwords")["function"])
    if lang and lang != "en":
        words.update(langres.resource(lang, "stopwords").get("function", ()))
    return frozenset(words)


# a clock time after a separator ("Sunday, March 17, 2013 | 5: 00 PM", "31.10.2023, 10.19 Uhr" after the
# headline): the page's date line, not its site
_CLOCK_PART = re.compile(r"(?:\d{1,2}\.\d{1,2}\.\d{2,4},?\s+)?\d{1,2}\s*[:.h]\s*\d\d\b")


def _site_like(part: str) -> bool:
    """Whether a part of a page's <title> line can be the site's name: not a clock time or a date line."""
    return not _CLOCK_PART.match(part) and not _is_date_only(part)


def _without_dated_parts(title: str) -> str:
    """A page's <title> line without the date and time parts that end it ("Headline | DW | 19.01.2020",
    "Headline - 31.10.2023, 10.19 Uhr"): they are the page's date line, not its headline or site."""
    while True:
        seps = list(_TITLE_SEP.finditer(title))
        if not seps:
            return title
        last, head = title[seps[-1].end() :].strip(), title[: seps[-1].start()].rstrip()
        if not head or (last and _site_like(last)):
            return title
        title = head


def _in_menu(lines: list[_Line], i: int) -> bool:
    """A line among short menu items (its neighbours are one to three words each, with no full stop)."""

    def item(j: int) -> bool:
        return 0 <= j < len(lines) and lines[j].words <= 3 and not lines[j].full_stop_end

    if lines[i].words > 4:
        return False
    return (item(i - 1) and item(i + 1)) or (item(i + 1) and item(i + 2)) or (item(i - 1) and item(i - 2))


_LOOKAHEAD = 8  # lines read after an end-of-article marker to decide whether the article goes on


def _tail_start(
    lines: list[_Line], first_body: int, vocab: furniture.Vocabulary, comment: list[str | None]
) -> int:
    """Where the article ends: the first end-of-article marker after the body's start that is followed
    by furniture (short lines, links, teasers, a comment thread); a substantial paragraph after a marker
    keeps the article going. ``comment``: ``vocab.comment`` of each line after the body's start."""
    for i in range(first_body + 1, len(lines)):
        ln = lines[i]
        if ln.words > 6:
            continue
        reason = vocab.tail(ln.text, ln.words)
        if reason is None:
            continue
        if ln.text[:1] in "_-=*~" and len(lines) - i > 6:
            continue  # a rule line followed by more than a few lines is a section break, not the end
        if reason == "about the author":
            # a bio follows by definition; the article goes on only where its paragraphs resume right under
            # the bio (an expert's box inside the article)
            bio = _next_text(lines, i)
            after = _next_text(lines, bio) if bio is not None else None
            if after is None or not lines[after].substantial:
                return i
            continue
        follows = _furniture_follows(lines, i, vocab, comments=reason in ("comments", COMMENT_COUNT))
        if follows == "comments":
            return i
        if follows == "furniture" and _prose(lines, first_body, i) >= _prose(lines, i + 1, len(lines)):
            return i  # (a share bar's "Comment" above most of the article is no end)
    # A comment thread with no header of its own: comment headers ("Max sagt:", "Antworten") repeating
    for i in range(first_body + 1, len(lines)):
        ln = lines[i]
        if ln.words <= 16 and comment[i]:
            ahead = range(i + 1, min(len(lines), i + 1 + _LOOKAHEAD + 4))
            if any(comment[j] for j in ahead if lines[j].words <= 16):
                return i
    return len(lines)


def _next_text(lines: list[_Line], i: int) -> int | None:
    """The first line of text (eight words or more) within the three lines below line i, or None."""
    return next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].words >= 8), None)


def _furniture_follows(
    lines: list[_Line], i: int, vocab: furniture.Vocabulary, *, comments: bool
) -> str | None:
    """What follows an end-of-article marker: "comments" (a thread or its form), "furniture", or None
    (a substantial paragraph: the article goes on)."""
    end = min(len(lines), i + 1 + (_LOOKAHEAD + 4 if comments else _LOOKAHEAD))
    window = lines[i + 1 : end]
    if comments and any(vocab.comment(ln.text, ln.words) for ln in window):
        return "comments"  # a thread (a comment's text may come before its header)
    for j in range(i + 1, end):
        ln = lines[j]
        if vocab.comment(ln.text, ln.words) or vocab.notice(ln.text, ln.words):
            return "comments"
        if vocab.tail(ln.text, ln.words):
            return "furniture"
        if ln.substantial and not _lone_question(ln) and not _teaser_summary(lines, j, i, vocab):
            return None  # (an interview's question keeps the article going by the answer after it)
    return "furniture"


def _teaser_summary(lines: list[_Line], j: int, marker: int, vocab: furniture.Vocabulary) -> bool:
    """A paragraph below an end-of-article marker that is one teaser of a list of other stories: its own
    stamp right below it (a bare time or date: "17:42 Uhr", "30. Oktober 2023", "vor 2 Stunden"), and
    another teaser's stamp between the marker and it (headline / summary / stamp, again and again: "Mehr
    aus Lübeck" over three stories). An article's paragraph is not followed by a bare time. (Below
    "Kommentare", readers' comments under their dated headers, "23.09.20 | 18:19 Name", read the same.)"""
    if j + 1 >= len(lines) or not _bare_stamp(lines[j + 1], vocab):
        return False
    return any(_bare_stamp(lines[k], vocab) for k in range(marker + 1, j)) or any(
        _bare_stamp(lines[k], vocab) for k in range(j + 2, min(len(lines), j + 2 + TEASER_LINES))
    )


TEASER_LINES = 3  # lines of one teaser at most: headline, summary, stamp


def _bare_stamp(ln: _Line, vocab: furniture.Vocabulary) -> bool:
    """A short line that is nothing but a time or a date: a clock time ("17:42 Uhr", "2:05 pm": the words after
    it are the vocabularies' ``[stamp] clock_after``), a date
    ("30. Oktober 2023") or a relative time the vocabularies know as page chrome ("vor 2 Stunden")."""
    if ln.words > 4 or not ln.has_digit:
        return False
    return vocab.bare_clock(ln.text) or _is_date_only(ln.text) or vocab.line(ln.text, ln.words) is not None


def _lone_question(ln: _Line) -> bool:
    """A line that is one question and nothing more (a teaser's headline: "¿Qué dijo una firma ...?")."""
    return ln.text.endswith(("?", "?»", "?“", '?"', "?”")) and not _SENTENCE_STOP_INSIDE.search(ln.text[:-2])


def _substantial(ln: _Line) -> bool:
    """A paragraph of running text: 15+ words that read as prose, closed like a sentence (a headline of
    15 words has no full stop) unless it is long, and not a teaser cut with an ellipsis."""
    return (
        ln.words >= SUBSTANTIAL_WORDS
        and _reads_as_prose(ln)
        and not _ELLIPSIS_END.search(ln.closing)
        and (ln.words >= LONG_PARAGRAPH_WORDS or _PARAGRAPH_END.search(ln.closing) is not None)
    )


LONG_PARAGRAPH_WORDS = 30
_PARAGRAPH_END = re.compile(r"[.!?:;…)\]\"”’»«'。！？؟।」』][^\w]*$")


def _prose(lines: list[_Line], start: int, end: int) -> int:
    """How many substantial paragraphs lie in lines[start:end]."""
    return sum(1 for ln in lines[start:end] if ln.substantial)


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b")
_WORD_START = re.compile(r"\b(?=[^\W\d_])")


STAMP_LINE_WORDS = 24
STAMP_WORDS_AFTER = 4  # words (of letters) at most after the second label's time: "PM ET", not a clause


def _two_stamps(line: str, vocab: furniture.Vocabulary) -> bool:
    """A labelled date line that goes on with a second label, each with a time of day: the page's posting
        and update times on one line ("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "First Posted: 1/11/12
        06:57 PM ET Updated: 1/12/12 12:28 AM ET"), whose dates often name no year. (A sentence that names two
    times ends with a full stop, or goes on after the second.)"""
    rest = vocab.labelled("published", line)
    if rest is None:
        return False
    for m in _WORD_START.finditer(rest):
        second = vocab.labelled("published", rest[m.start() :])
        if second is not None:
            return (
                _CLOCK.search(rest[: m.start()]) is not None
                and _CLOCK.search(second) is not None
                and len(_LETTER_WORD.findall(second)) <= STAMP_WORDS_AFTER
            )
    return False


def _stamped_times(line: str, vocab: furniture.Vocabulary) -> bool:
    """A line that dates the page twice, with a publication or update label inside it before its second
    time of day: "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)", "This article was
    published on example.co.uk at 11.41 GMT on Thursday 12 January 2012. It was last modified at 14.51 GMT
    ...". Two times of day, a year, and a label (the vocabularies' ``published`` markers, in any language
    of the page) that opens a word after the line's start (``_two_stamps`` reads the line that opens with
    one)."""
    if len(_CLOCK_HINT.findall(line)) < 2:  # (a cheap first test: most lines hold no time of day)
        return False
    clocks = list(_STAMP_CLOCK.finditer(line))
    if len(clocks) < 2 or not _YEAR.search(line):
        return False
    second = clocks[1].start()
    return any(
        vocab.labelled("published", line[m.start() :]) is not None
        for m in _WORD_START.finditer(line, 1, second)
    )


_STAMP_CLOCK = re.compile(
    r"(?<![\d.:])\d{1,2}[:.h]\d\d(?!\d|[.:]\d)"
)  # "07:19", "11.41", "13h36"; not "04.05.2015"
_CLOCK_HINT = re.compile(r"[0-9][:.h][0-9][0-9]")
STAMPED_TIMES_WORDS = 40  # words at most of a line that dates the page twice (two short sentences)


# A paragraph of this many words is never dropped without a furniture reason of its own.
SUBSTANTIAL_WORDS = 15


def _dated_line(d: dt.date | None, i: int, info: dict[str, Any], first_body: int) -> tuple[str, str]:
    """A line that dates the page (``d``): the publication date when none is known yet and the line stands near
    the top (before the article's third paragraph), else a date stamp."""
    if "published" not in info and (i < first_body or info.get("_prose_before", {}).get(i, 0) < 3):
        info["published"], info["_date_line_at"] = d, i
        return "meta", "date line"
    return "furniture", "date stamp"


def _classify_one(
    ln: _Line,
    i: int,
    first_body: int,
    tail_from: int,
    info: dict[str, Any],
    vocab: furniture.Vocabulary,
    lang: str | None,
    chrome: str | None,
    comment: str | None,
    page: bool = True,
) -> tuple[str, str]:
    t = ln.text
    url = ln.url
    if url and i < first_body:
        info.setdefault("url", url)
        return "meta", "source url"
    if i >= tail_from:
        return "furniture", "after end-of-article marker"
    # A crawl stamp is a short labelled date line ("Today: 10 March 2025"), never a paragraph of prose.
    rest = vocab.labelled("crawl", t) if ln.words <= 10 else None
    if rest and _is_date_only(rest, lang):
        info.setdefault("crawled", _date_of(rest, lang))
        return "meta", "crawl date"
    # (each word-count limit is tested before its pattern: most lines are long body sentences)
    rest = vocab.labelled("published", t) if ln.words <= 14 else None
    d = (_date_of(rest, lang) or _leading_date(rest, lang)) if rest else None
    if d is not None:
        key = "updated" if _UPDATED.match(t) else "published"
        info.setdefault(key, d)
        return "meta", f"{key} date"
    if ln.words <= STAMP_LINE_WORDS and ln.has_digit and not ln.full_stop_end and _two_stamps(t, vocab):
        return "furniture", "update stamp"
    rest = vocab.labelled("update", t) if ln.words <= 80 else None
    if rest and not _live_update(t[t.index(rest) + len(rest) + 1 :]):
        return "furniture", "update stamp"
    rest = vocab.labelled("byline", t) if ln.words <= 30 else None
    if rest and not _is_sentence_like_byline(t) and _byline_names(rest):
        who = rest
        d = _date_of_anywhere(who, lang)
        if d and "published" not in info:
            info["published"] = d
        info.setdefault("byline", who)
        _note_authors(info, who)
        return "meta", "byline"
    m = _AUTHOR_LABEL.match(t) if ln.words <= 20 and ":" in t else None  # (both labels end with a colon)
    if m:
        info.setdefault("authors_label", m["who"])
        _note_authors(info, m["who"])
        return "meta", "authors"
    m = _SOURCE_LABEL.match(t) if ln.words <= 10 and ":" in t else None
    if m:
        info.setdefault("source_label", m["who"].strip())
        return "meta", "source"
    # (in an extractor's text, ``page=False``, a short line with a date and words around it is the
    # article's own -- "Freitag, 31. Januar 2020, 15 bis 18 Uhr", a list item, a table row: only a line
    # that is nothing but a date is a date line there)
    if (
        page
        and ln.words <= 12
        and "published" not in info
        and (i < first_body or info.get("_prose_before", {}).get(i, 0) < 3)
        and _DIGIT_ANY.search(t[:12])
        and not ln.full_stop_end
    ):
        d = _leading_date(t, lang)
        if d is not None and len(_LETTER_WORD.findall(t)) <= 10:
            # "19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare": a date line with its byline glued on
            info["published"], info["_date_line_at"] = d, i
            return "meta", "date line"
    if (
        page
        and ln.words <= 16
        and "published" not in info
        and (i < first_body or info.get("_prose_before", {}).get(i, 0) < 3)
        and not ln.full_stop_end
        and ln.has_digit
        and not _is_date_only(t, lang)
    ):
        d = _date_in_line(t, lang)
        if d is not None:
            # a byline or a label with the date inside ("Martina Berg 19. Juni 2019", "von Diane Buckstegge
            # Veröffentlicht am 1. Mai 2019") near the top of the page
            info["published"], info["_date_line_at"] = d, i
            return "meta", "date line"
    # (in an extractor's text a date line after the first sentence is the article's own: an event's
    # time, a chronology's step)
    if ln.words <= 12 and ln.has_digit and (page or i < first_body) and _is_date_only(t, lang):
        if "published" not in info and (i < first_body or info.get("_prose_before", {}).get(i, 0) < 3):
            # a visible date line near the top of the page (before the article's third paragraph)
            info["published"], info["_date_line_at"] = _date_of(_date_line_text(t, lang), lang), i
            return "meta", "date line"
        return "furniture", "date stamp"
    if page and ln.words <= STAMP_NAMES_WORDS + 6 and ln.has_digit and not ln.full_stop_end:
        d = _dated_twice(t, lang)
        if d is not None:
            return _dated_line(d, i, info, first_body)
    if page and ln.words <= STAMP_NAMES_WORDS + 6 and ln.has_digit and ":" in t:
        d = _names_then_stamp(t, lang)
        if d is not None:
            return _dated_line(d, i, info, first_body)
    if chrome:
        return "furniture", chrome
    if "{{" in t and _TEMPLATE_LINE.match(t):
        return "furniture", "unrendered page template"
    if _source_shown(t):
        return "furniture", "script or markup source"
    if i > first_body and comment:
        return "furniture", comment
    # (a credit in parentheses ends the line: only a line ending with ")" is searched for one; a labelled
    # credit after the caption's text, "(Foto: R. Grischott, 15.01.2022).", "... Foto: Nación Media.",
    # holds a colon, or an ellipsis when glued to it, "... it.Credit...Doug Mills/The New York Times". Not in an extractor's text, ``page=False``: there a paragraph closed by its picture's
    # credit is the article's own paragraph the extractor kept, "... the iPhone SE gets a fingerprint
    # sensor, instead of FaceID ... Image credit: www.apple.com/in/")
    if ln.words <= 60 and (
        vocab.caption(t, ln.words)
        or (t[-1] == ")" and _CAPTION.search(t) and not _agency_sign_off(t))
        or _credit_line(t)
        or (page and (":" in t or "..." in t or "…" in t) and vocab.credit(t))
    ):
        return "furniture", "photo caption"
    # (both patterns need an ellipsis: one substring test for most lines)
    # (a paragraph of an extractor's text that ends in an ellipsis is the article's own: ``page``)
    if ("…" in t or "..." in t) and ((page and _ELLIPSIS_END.search(t)) or _REPORTS_OUTLET.search(t)):
        m2 = _REPORTS_OUTLET.search(t)
        if m2:
            info.setdefault("teaser_outlet", m2["o"])
        return "furniture", "teaser"
    low = t.lower()
    if i > first_body and _has_any(low, _BIO_HINTS) and _BIO.search(t):
        return "furniture", "author bio"
    if i > first_body and ln.words <= BIO_WORDS and _about_an_author(t, info, lang):
        return "furniture", "author bio"
    if (
        i > first_body
        and ln.words <= 40
        and ("contribut" in low or low.startswith(("reporting by", "additional reporting")))
        and _CONTRIBUTOR.search(t)
    ):
        return "furniture", "contributor credit"
    if ln.words <= 14 and _is_navigation(t):
        return "furniture", "navigation"
    if i < first_body and _is_tag_list(t):
        return "furniture", "tag list"
    if t.find(":", 0, TAGS_LABEL_CHARS) >= 0 and "," in t and _tags_line(t, vocab):
        return "furniture", "tags line"
    # (last: a line that dates the page twice near its top is its date line, and most lines went before;
    # its year's century is looked for first, a plain substring test that most lines fail)
    if ln.words <= STAMPED_TIMES_WORDS and ("20" in t or "19" in t) and _stamped_times(t, vocab):
        return "furniture", "update stamp"
    m = _DATELINE.match(t) if "(" in t else None  # (its agency stands in parentheses)
    if m:
        info.setdefault("dateline_agency", m["agency"].strip())
    if "published" not in info and (i <= first_body or info.get("_prose_before", {}).get(i, 0) < 1):
        d = _dateline_date(t, lang)
        if d is not None:
            info["published"] = d  # (the line stays the article's first paragraph)
    return "body", ""


# a wire story's dateline opening its first paragraph: a place, a comma, the date, the agency in brackets
# perhaps, then a dash ("Berlin, 7. März 2024 – Die GDL ...", "Madrid, 14 de marzo de 2024 (EFE).- El
# ministro ...", "WASHINGTON, March 7, 2024 — ..."); the date's words are read by ``_date_in_line``
_DATELINE_DATE = re.compile(
    r"(?P<place>[^\W\d_][\w.'’/ -]{0,40}?),[ \t]+(?P<date>[^,()\n–—]{6,40}?(?:,[ \t]*(?:19|20)\d\d)?)[ \t]*"
    r"(?:\([^()\n]{1,30}\)[ \t]*)?(?:\.?[ \t]*[-–—]|:)[ \t]"
)
# words at most of a dateline's place ("Rio de Janeiro", "San José de Costa Rica"), and words of letters at
# most around its date ("le 3 février 2024", "14 de marzo de 2024")
DATELINE_PLACE_WORDS = 4
DATELINE_DATE_WORDS = 5


def _dateline_date(t: str, lang: str | None) -> dt.date | None:
    """The full date of a dateline that opens the line (``_DATELINE_DATE``): a capitalised place of a few
    words, then a date with its year and nothing much else before the dash. A dateline with no year ("MADRID,
    7 mar (Reuters) -") gives none."""
    m = _DATELINE_DATE.match(t)
    if m is None or not m["place"][0].isupper() or len(m["place"].split()) > DATELINE_PLACE_WORDS:
        return None
    if len(_LETTER_WORD.findall(m["date"])) > DATELINE_DATE_WORDS:
        return None
    return _date_in_line(m["date"], lang)


def _live_update(rest: str) -> bool:
    """The text after an update's label and its stamp (``rest``) is a live report's new paragraph ("Update vom 03. Mai 2020, 16:05 Uhr:
    Kim Jong Uns vermeintliche Rückkehr ... Der US-Präsident schrieb auf Twitter, ..."), the article's own
    text: SUBSTANTIAL_WORDS words or more after the label and its stamp, in more than one sentence (an
    editor's note of one sentence, "Correction, 3 May 2021: An earlier version misnamed the minister.",
    stays the page's furniture)."""
    inner = rest.rstrip(' .!?"”“»«')  # (a sentence ends inside it, not only at its end)
    return len(rest.split()) >= SUBSTANTIAL_WORDS and _WORD_SENTENCE_END.search(inner) is not None


# a wire story's sign-off: its agency's short name alone in parentheses after the last sentence ("...
# skeptisch geäußert. (dpa)", "(AFP)", "(dpa/lnw)"), or the outlet's with it ("(FR mit dpa)", "(with AFP)");
# a caption's credit names a photographer or says photo ("(Foto: dpa)", "(AP Photo/Evan Vucci)")
_AGENCY_SIGN_OFF = re.compile(
    r"[.!?][\"”“»«]?\s*\((?!(?i:foto|photo|bild|image|picture|imago)\b)(?:[A-Za-z]{2,8}\s+)?(?:(?:mit|with|avec|con|com)\s+)?[A-Za-z]{2,8}(?:\s*/\s*[A-Za-z]{2,8})?\)$"
)


def _agency_sign_off(t: str) -> bool:
    """A paragraph of SUBSTANTIAL_WORDS words or more in more than one sentence, closed by a wire agency's
    sign-off (``_AGENCY_SIGN_OFF``): the story's last paragraph, not a photo's caption."""
    m = _AGENCY_SIGN_OFF.search(t)
    return (
        m is not None
        and len(t.split()) >= SUBSTANTIAL_WORDS
        and _WORD_SENTENCE_END.search(t, 0, m.start()) is not None
    )


_UPDATED = re.compile(
    rf"^{furniture.LIST_BULLET}(?:updated|last\s+updated|aktualisiert|zuletzt|mis\s+à\s+jour|actualizado|atualizado)",
    re.I,
)
# "Radfahren in Salzburg © Tourismus Salzburg GmbH / Thomas Kujat": a caption ending in a photo credit
# (a licence's version may hold a dot: "Foto: CC-BY-NC 2.0 David Merrigan"; so may a photographer's initial
# or an address: "| © Kevin C. Cox/Getty Images", "(c) TV Thermen- & Vulkanland | pixelmaker.at")
_CREDIT_TAIL = re.compile(
    r"(?:©|\(c\)|\bfoto:|\bphoto:|\bbild:)\s*(?:[^.!?]|(?<=\d)\.(?=\d)|(?<=\b[^\W\d_])\.|(?<=[^\W\d_])\.(?=[^\W\d_])){2,80}$",
    re.I,
)


def _credit_line(t: str) -> bool:
    return (
        len(t) <= 300
        and ("©" in t or ":" in t or ("(" in t and ("(c)" in t or "(C)" in t)))
        and _CREDIT_TAIL.search(t) is not None
    )


# Script, style and markup source shown as page text (a <noscript> fallback, a widget's configuration, a
# form's HTML printed by a broken template): each pattern is a piece of code that running text never holds
_CODE_PIECE = re.compile(
    r"""<[a-z][\w-]*(?:\s+[\w:-]+=["'][^"'<>]*["'])+\s*/?>  # a tag with quoted attributes: <form class="x">
    |</[a-z][\w-]*>                                        # a closing tag: </a>
    |&(?:amp;)?lt;/?[a-z][\w-]*                              # a tag shown escaped: &lt;span
    |\[[a-z][\w-]*(?:\s+[\w-]+=["'“”][^"'“”\]]*["'“”])+\]      # a CMS shortcode: [button link="x"]
    |\[/[a-z][\w-]*\]                                       # its closing: [/button]
    |\b(?:var|let|const)\s+[\w$.]+\s*=\s*[\[{"'\w$(]        # var configuration = {
    |\bfunction\s*[\w$]*\s*\([^()]*\)\s*\{                  # function(e) {
    |[\w\])]\s*\{\s*[\w-]+\s*:\s*[^;{}]+;                      # .box { color: red;
    |"[\w$-]+"\s*:\s*[\[{"\d]                                  # "listId": "1e34..."
    |\b(?:document|window)\.[\w$]+                             # document.getElementById
    """,
    re.I | re.X,
)
# A line of nothing but client-side template expressions ("{{article.author}} - {{date | date:'dd/MM'}}"):
# the page's script fills it in a browser; as saved, it is template source, no text of the page.
_TEMPLATE_LINE = re.compile(r"^\s*\{\{.*?\}\}(?:[\s\-–—|·:,/]*\{\{.*?\}\})*[\s\-–—|·:,/]*$")
# the characters code is written with, against the words of prose
_CODE_CHARS = frozenset('{}[]<>=;"$')
_LINK = re.compile(r"\bhttps?://\S+")
# what a piece of code or a link needs: one of these substrings (a few substring tests cost far less than a
# pattern tried at every character of every line)
_CODE_HINTS = ("<", "{", "=", "://", '":', "&lt;", "&amp;lt;")


def _source_shown(t: str) -> bool:
    """Code shown as text, or a dump of links: two pieces of code in a line of which code characters make
    up one in twenty (a sentence that names a tag or quotes a variable is no code), or a line that is
    mostly the links of two URLs or more (a gallery's image list: "https://site/a.jpg 1707 2560 ...")."""
    if not _has_any(t, _CODE_HINTS):  # (most lines: no character any of them needs)
        return False
    if len(_CODE_PIECE.findall(t, 0, 2000)) >= 2 and sum(c in _CODE_CHARS for c in t) * 20 >= len(t):
        return True
    if "://" not in t:
        return False
    links = _LINK.findall(t)
    return len(links) >= 2 and sum(map(len, links)) * 2 >= len(t)


_DATE_PREFIX_END = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d\d\b")


def _leading_date(s: str, lang: str | None) -> dt.date | None:
    """The full date a line opens with ("6. Juli 2015 von Mark Hosak — ...", "23.06.2016 um 16:14 Uhr -
    Markus Reuter"): the shortest prefix up to a year that reads as a date."""
    for m in list(_DATE_PREFIX_END.finditer(s))[:2]:
        if m.end() > 40:
            break
        d = _date_of(s[: m.end()].strip(" ,|-–—"), lang)
        if d is not None:
            return d
    return None


def _date_of_anywhere(s: str, lang: str | None) -> dt.date | None:
    """A date inside a byline ("by Ana Ruiz | 14. Januar 2020"): the English formats, else a separated part."""
    d = find_date(s)
    if d is not None:
        return d
    for part in re.split(r"\s+[|•·—–-]\s+|,\s+(?=\d)", s):
        d = _date_of(part.strip(), lang)
        if d is not None:
            return d
    return _date_in_line(s, lang)  # "von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr"


def _byline_names(who: str) -> bool:
    """The words after a byline label name people ("Ana Ruiz", "Marcus Bensmann, Justus von Daniels"),
    not the rest of a sentence ("Von der Leyen sagte ...", "Par ailleurs, le ministre ...")."""
    first = who.split()[0] if who.split() else ""
    if not first[:1].isupper() and first.lower() not in _NAME_PARTICLES:
        return False
    return bool(_authors_of(who)) or bool(re.search(r"\b(?:staff|desk|team|agenc|reporters?)\b", who, re.I))


def _note_authors(info: dict[str, Any], credit: str) -> None:
    """Remember the full names of a byline, so that their bios further down are recognised."""
    names = [n for n in _authors_of(credit) if len(n.split()) >= 2 and n[:1].isupper()]
    if names:
        info["author_names"] = tuple(info.get("author_names", ())) + tuple(names)


# "Associated Press writer Rachel La Corte contributed from Olympia", "Additional reporting by ..."
_CONTRIBUTOR = re.compile(
    r"\b(?:writers?|reporters?|correspondents?|journalists?|staff)\b[^.]{0,80}\bcontributed\b|"
    r"\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))|^(?:additional\s+)?reporting\s+by\b",
    re.I,
)


BIO_WORDS = 120  # an author's bio is a paragraph of at most this many words


@functools.cache
def _bio_verb(lang: str | None) -> re.Pattern[str]:
    """What follows an author's name in a bio ("Jens Petersen reports on ...", "Markus Berg kam 2001 zur
    Zeitung"): the ``bio_verbs`` of the ``[byline]`` table of furniture.toml, the language's and English."""
    verbs: list[str] = []
    for code in dict.fromkeys([c for c in (lang, "en") if c]):
        verbs += langres.resource(code, "furniture").get("byline", {}).get("bio_verbs", [])
    body = "|".join(r"\s+".join(map(re.escape, v.split())) for v in sorted(set(verbs), key=len, reverse=True))
    return re.compile(rf"\s+(?:{body})\b" if body else r"(?!)")


_NAME_LINE = re.compile(r"^(?P<first>[^\W\d_][\w'’.-]+)(?P<last>\s+[^\W\d_][\w'’.-]+){0,2}\b")


def _bios_under_a_name(
    lines: list[_Line], kinds: list[tuple[str, str]], first_body: int, lang: str | None
) -> None:
    """An author's box: a line naming a person ("Evan Tepest", "Jule Radeck 300 posts") right above a
    paragraph about that person ("Evan Tepest ist Autor*in ...": the name, then a bio verb of the
    language's ``[byline]`` data). Not when another name and
    paragraph follow (a list of people is the article's own)."""
    verb = _bio_verb(lang)

    def pair(i: int) -> int | None:
        """The line of the bio about the person that line ``i`` names, if any."""
        ln = lines[i]
        m = _NAME_LINE.match(ln.text) if 2 <= ln.words <= 6 and ln.text[:1].isupper() else None
        if m is None or not all(w[:1].isupper() for w in m.group(0).split()[1:]) or " " not in m.group(0):
            return None
        # (the whole name: "Coinbase" of a subheading "Coinbase Fees" is no person; a short line of the
        # person's role may stand between the name and the bio, "Chirag Bhardwaj" / "VP - Technology" /
        # "Chirag Bhardwaj is a technology specialist ...")
        if (
            i + 2 < len(lines)
            and lines[i + 1].words <= BIO_ROLE_WORDS
            and not lines[i + 1].sentence
            and kinds[i + 1][0] in ("body", "furniture")
            and _bio_of(lines[i + 2], kinds[i + 2], m.group(0), verb)
        ):
            return i + 2
        if i + 1 >= len(lines) or kinds[i + 1] != ("body", "") or lines[i + 1].words > BIO_WORDS:
            return None
        t = lines[i + 1].text
        if _bio_of(lines[i + 1], kinds[i + 1], m.group(0), verb):
            return i + 1
        # or the first name alone, under a line that is nothing but the name and that furniture precedes
        # (a box: "Share" / "Emiliano Bellini" / "Emiliano joined pv magazine in March 2017."; a subheading
        # "Coinbase Fees" over "Coinbase is ..." stands in running text)
        first = m.group("first")
        named = (
            m.end() == len(ln.text)
            and kinds[i - 1][0] in ("furniture", "meta")
            and t.startswith(first)
            and verb.match(t, len(first)) is not None
        )
        return i + 1 if named else None

    bios = {i: pair(i) for i in range(first_body + 1, len(lines) - 1) if kinds[i][0] in ("body", "furniture")}
    at = [i for i, b in bios.items() if b is not None]
    for k, i in enumerate(at):
        alone = (k == 0 or at[k - 1] < i - 5) and (k + 1 == len(at) or at[k + 1] > i + 5)
        if alone:
            if kinds[i][0] == "body":
                kinds[i] = ("furniture", "author bio")
            bio = bios[i] or i + 1  # (below the role's line, or right below the name)
            for j in range(i + 1, bio + 1):
                kinds[j] = ("furniture", "author bio")


BIO_ROLE_WORDS = 6  # words of a line of an author's role, between the name and the bio, at most
BIO_MORE_PARAGRAPHS = 3  # paragraphs of a bio after its first, at most


def _bio_of(ln: _Line, kind: tuple[str, str], name: str, verb: re.Pattern[str]) -> bool:
    """A paragraph about the person ``name``: a body line of at most BIO_WORDS words that opens with the
    name and a bio verb ("Karina Cohen is the owner of ...")."""
    return (
        kind == ("body", "")
        and ln.words <= BIO_WORDS
        and ln.text.startswith(name)
        and verb.match(ln.text, len(name)) is not None
    )


def _rest_of_the_bios(lines: list[_Line], kinds: list[tuple[str, str]], lang: str | None) -> None:
    """The paragraphs of an author's bio after its first ("Karina Cohen is the owner of CR Maids ..." /
    "Karina holds a Global Executive MBA ...", "When she's not writing, Bec can be found ...", "He has
    contributed to Forbes ..."): at most BIO_MORE_PARAGRAPHS paragraphs right below a line taken for a bio
    (under a line of furniture, a box's name or heading),
    each naming the person (a capitalised word among the bio's first words, no stop word, among its own
    first words) or opening with a pronoun of the language's ``[byline] bio_pronouns``, with the page's
    furniture right below them (running text below is the article's own)."""
    pronoun = _bio_pronoun(lang)
    stop = _stop_words(lang)
    for bio in range(len(lines) - 1):
        if kinds[bio] not in _BIO_KINDS or kinds[bio + 1] != ("body", "") or kinds[bio - 1][0] == "body":
            continue  # (a box opens below the page's furniture: a name, a role, a heading)
        names = {
            w
            for w in (re.sub(r"^\W+|\W+$", "", w) for w in lines[bio].text.split()[:BIO_NAME_WORDS])
            if len(w) > 1 and w[:1].isupper() and w.lower() not in stop
        }
        end = bio + 1
        while (
            end < len(lines)
            and end - bio <= BIO_MORE_PARAGRAPHS
            and kinds[end] == ("body", "")
            and lines[end].words <= BIO_WORDS
            and (pronoun.match(lines[end].text) or _names_among_first(lines[end], names))
        ):
            end += 1
        if (
            end > bio + 1
            and (end == len(lines) or kinds[end][0] in ("furniture", "meta"))
            and not _prose_below(lines, kinds, end)
        ):
            for j in range(bio + 1, end):
                kinds[j] = ("furniture", "author bio")


def _prose_below(lines: list[_Line], kinds: list[tuple[str, str]], end: int) -> bool:
    """A paragraph of the article's running text within BIO_GAP_LINES lines from ``end`` (a heading over
    it: "Art Deco" / "Art Deco is a furniture style ..." / "Art Nouveau" / "Art Nouveau, which means ...",
    a list of the article's own, not an author's box)."""
    return any(
        kinds[j] == ("body", "") and lines[j].substantial
        for j in range(end, min(end + BIO_GAP_LINES, len(lines)))
    )


BIO_GAP_LINES = 3
_BIO_KINDS = frozenset({("furniture", "author bio"), ("furniture", "site or author profile")})
BIO_NAME_WORDS = 3  # the first words of a bio, among which it names its person


def _names_among_first(ln: _Line, names: set[str]) -> bool:
    """A line whose first PROFILE_NAME_WORDS words hold one of ``names`` (a possessive too: "Chirag's")."""
    words = (re.sub(r"^\W+|(?:['’]s)?\W*$", "", w) for w in ln.text.split()[:PROFILE_NAME_WORDS])
    return any(w in names for w in words)


@functools.cache
def _bio_pronoun(lang: str | None) -> re.Pattern[str]:
    """How a bio's later paragraph opens without the person's name ("He has spent ...", "When she's not
    ..."): the ``bio_pronouns`` of the ``[byline]`` table of furniture.toml, the language's and English."""
    words: list[str] = []
    for code in dict.fromkeys([c for c in (lang, "en") if c]):
        words += langres.resource(code, "furniture").get("byline", {}).get("bio_pronouns", [])
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"^(?:{body})\b", re.I) if body else re.compile(r"(?!)")


def _profile_boxes(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool], vocab: furniture.Vocabulary
) -> None:
    """A site's or an author's box after the article: a heading of the ``profile`` markers ("Über uns",
    "About the author") over one or two paragraphs (together at most ``BIO_WORDS`` words) that furniture
    follows. Only below three paragraphs of the article's prose, and not when running text goes on below
    the box (then the heading is the article's own)."""
    prose = 0
    for i, ln in enumerate(lines):
        if prose >= 3 and ln.words <= vocab.max_words["profile"] and vocab.profile(ln.text, ln.words):
            end, words = i + 1, 0
            while end < len(lines) and end - i <= 2 and kinds[end] == ("body", ""):
                words += lines[end].words
                end += 1
            if (
                end > i + 1
                and words <= BIO_WORDS
                and (end == len(lines) or kinds[end][0] in ("furniture", "meta"))
            ):
                kinds[i] = ("furniture", "site or author profile")
                for j in range(i + 1, end):
                    kinds[j] = ("furniture", "site or author profile")
        prose += substantial[i] and kinds[i][0] == "body"


@functools.lru_cache(maxsize=32)
def _self_intro(lang: str | None) -> re.Pattern[str]:
    """How an author's "about me" box opens ("Hallo, mein Name ist ...", "Hi, I'm ..."): the
    ``self_intro`` of the ``[byline]`` table of furniture.toml, the language's and English."""
    phrases: list[str] = []
    for code in dict.fromkeys([c for c in (lang, "en") if c]):
        phrases += langres.resource(code, "furniture").get("byline", {}).get("self_intro", [])
    alts = [  # (a comma of the data may be left out on the page: "Hallo mein Name ist")
        r"\s+".join(re.escape(w.rstrip(",")).replace("'", "['’]") + ",?" * w.endswith(",") for w in p.split())
        for p in sorted(set(phrases), key=len, reverse=True)
    ]
    return re.compile(rf"^(?:{'|'.join(alts)})\b", re.I) if alts else re.compile(r"(?!)")


def _self_introductions(
    lines: list[_Line], kinds: list[tuple[str, str]], substantial: list[bool], lang: str | None
) -> None:
    """An author's "about me" box after the article: a paragraph that opens with the author introducing
    themself ("Hallo, mein Name ist Tobias und ich habe diesen Blog ...", "Hi, I'm Tom ..."), under a short
    line (the author's name, "About me") and with no paragraph of running text right after it. Only below
    three paragraphs of the article's prose: an essay may open with "My name is ..."."""
    intro = _self_intro(lang)
    prose = 0
    for i, ln in enumerate(lines):
        if (
            prose >= 3
            and kinds[i] == ("body", "")
            and ln.words <= BIO_WORDS
            and i > 0
            and lines[i - 1].words <= 4
            and not lines[i - 1].sentence
            and not (i + 1 < len(lines) and kinds[i + 1] == ("body", "") and substantial[i + 1])
            and intro.match(ln.text)
        ):
            kinds[i] = ("furniture", "author bio")
            if kinds[i - 1] == ("body", ""):
                kinds[i - 1] = ("furniture", "author bio")
        prose += substantial[i] and kinds[i][0] == "body"


def _about_an_author(t: str, info: dict[str, Any], lang: str | None) -> bool:
    names = info.get("author_names")
    if not names:
        return False
    verb = _bio_verb(lang)
    return any(t.startswith(n) and verb.match(t, len(n)) for n in names)


# a menu or breadcrumb: "World  Business  Markets", "Home > News > Europe", "Sign in | Subscribe"
_NAV_SEP = re.compile(r"\s*[|>›»•·/\\]\s*|\s{2,}|\t")
_NAV_STRONG = re.compile(r"[|>›»]")
_NAV_CHAR = re.compile(r"[|>›»•·/\\]")


def _is_navigation(t: str) -> bool:
    if len(t) > 160 or ("  " not in t and "\t" not in t and not _NAV_CHAR.search(t)):
        return False  # (most lines: one scan for a separator character)
    parts = [p.strip() for p in _NAV_SEP.split(t) if p.strip()]
    if len(parts) < (2 if _NAV_STRONG.search(t) else 3):
        return False
    strong = _NAV_STRONG.search(t) is not None  # "Sign in | Subscribe": items may hold a function word
    return all(
        len(p.split()) <= 3
        and p[:1].isupper()
        and p[-1] not in ".!?,;:"
        and (strong or not _FUNCTION_WORD.search(p))
        for p in parts
    )


# what may follow a byline's names: its end, a separator, a figure (a date, a time), or a word that opens
# a place, a time or a section ("at 6:03 pm", "in Tagebuch", "am 3. Mai", "on 2012, January 17")
_AFTER_BYLINE_NAMES = re.compile(r"[,|•·/(–—-]|\d|(?:in|at|on|am|um|le|el|em|il|op|w|für|for|de)\b", re.I)
BYLINE_NAME_WORDS = 4  # a byline's names: at most this many words (particles counted)


def _byline_shaped(ln: _Line, vocab: furniture.Vocabulary) -> bool:
    """A byline line where a deck would stand ("Posted by DT in Tagebuch", "By Xeni Jardin at 6:03 pm
    Tuesday", "Artikel von Alexa von Heyden"): a byline label, then one to BYLINE_NAME_WORDS words of a
    name, the first capitalised (name particles may follow it), and nothing after them but a date, a time,
    a place or a section. A deck that opens with a label's word reads on: "Von der Leyen fordert ..." (a
    particle first, a verb after the name), "Text messages reveal ..." (no capital)."""
    rest = vocab.labelled("byline", ln.text)
    words = rest.split() if rest else []
    if not words or not words[0][:1].isupper() or _is_sentence_like_byline(ln.text):
        return False
    n = 1
    while n < len(words) and n < BYLINE_NAME_WORDS and _name_word(words[n]):
        n += 1
    after = " ".join(words[n:])
    return not after or bool(_AFTER_BYLINE_NAMES.match(after))


def _name_word(w: str) -> bool:
    """A word of a name in a byline: capitalised ("Jardin", "MALCOLM") or a particle ("von", "de")."""
    return (w[:1].isupper() and not _AFTER_BYLINE_NAMES.fullmatch(w)) or w.lower() in _NAME_PARTICLES


def _is_sentence_like_byline(t: str) -> bool:
    # "By the end of the year, ..." is a sentence, not a byline.
    return bool(re.match(r"^by\s+(?:the|a|an|this|that|then|now|early|late|mid|\d)", t, re.I))


def _infer(
    text: str, *, path: str, key: str, source_file: str, lang: str | None = None, page: bool = True
) -> Article:
    if lang:
        segs, info = classify_lines(text, lang, page=page)
    else:
        lang, segs, info = _detect_and_classify(text, page=page)
    art = Article(path=path, key=key, id=content_id(text), text=text, segments=segs, source_file=source_file)
    art.language = lang
    _language_notice(art)
    title = info.get("title")
    art.title = title.lstrip("\ufeff") or None if title else title  # (a UTF-8 BOM is kept in the text)
    art.crawled = info.get("crawled")
    art.url = info.get("url")
    if info.get("published"):
        art.published, art.published_source = info["published"], "text"
    if info.get("updated"):
        art.modified, art.modified_source = info["updated"], "text"  # an "Updated ..." line
    authors_src = info.get("authors_label") or info.get("byline")
    if authors_src:
        art.authors = [n for n in _authors_of(authors_src) if metadata.clean_author(n)]
    outlet = info.get("source_label")
    if not outlet:
        for a in [authors_src or "", *(art.authors or [])]:
            m = _NEWS_DESK.search(a)
            if m:
                outlet = m.group(1)
                break
    outlet = (
        outlet
        or info.get("teaser_outlet")
        or info.get("dateline_agency")
        or metadata.clean_site_name(info.get("site_name"))
    )
    art.outlet = outlet
    fm = info.get("front_matter") or {}
    if fm:
        _apply_meta(art, {k: v for k, v in fm.items() if k in SIDECAR_KEYS}, "front matter")
    return art


# Characters read to detect an article's language (py3langid's cost grows with the sample), taken from
# the first lines of running text (``DETECT_MIN_WORDS`` words or more, ``_word_count``) within the text's first
# ``DETECT_HEAD`` characters: a raw page's menus and labels say little of its language.
DETECT_SAMPLE = 300
DETECT_MIN_WORDS = 5
DETECT_HEAD = 4000


# The share of the sample's characters that must lie in the lines the furniture rules keep as body for the
# first detection to stand: below it the sample was read mostly from page chrome (a PHP warning, a web
# archive's toolbar, a cookie banner above the article), and the language is detected again from the body.
DETECT_BODY_SHARE = 0.5


def _detect_and_classify(text: str, *, page: bool) -> tuple[str | None, list[Segment], dict[str, Any]]:
    """The language of ``text`` and its segments as read in that language.

    The language of an article is the language of its body. The first detection reads the text's first
    lines of running text (``_detect_sample``); when the furniture rules then keep less than
    ``DETECT_BODY_SHARE`` of what it read as body, the language is detected again from the body lines the
    rules kept (those closed like a sentence, else all), and when that tells another language the text is
    read again in it (on a copied page the first lines can be chrome in another language than the
    article's), with the first language's furniture markers too (its chrome stays chrome)."""
    spans = _detect_spans(text)
    lang = langres.detect(_sample_of(text, spans), sample=DETECT_SAMPLE)
    segs, info = classify_lines(text, lang, page=page)
    if spans and _body_share(spans, segs) < DETECT_BODY_SHARE:
        kept = [(s.start, s.end) for s in segs if s.kind == "body"]
        body = _detect_spans(text, kept, closed=True) or _detect_spans(text, kept)
        again = langres.detect(_sample_of(text, body), sample=DETECT_SAMPLE) if body else None
        if again and again != lang:
            # the first language's chrome stays chrome (a German cookie banner above an English article)
            lang, first = again, lang
            segs, info = classify_lines(text, lang, page=page, chrome_also=first)
    return lang, segs, info


def _detect_spans(
    text: str, regions: list[tuple[int, int]] | None = None, *, closed: bool = False
) -> list[tuple[int, int]]:
    """Where the lines detection reads stand in ``text``: the first lines of running text
    (``DETECT_MIN_WORDS`` words or more, in any script: Chinese counts too), stripped, up to
    ``DETECT_SAMPLE`` characters, within the text's first ``DETECT_HEAD`` characters or, given ``regions``
    (start, end), within those; ``closed``: only lines closed like a sentence (a full stop, "!" or "?", in
    any script: a menu the rules kept as body is none)."""
    found: list[tuple[int, int]] = []
    size = 0
    for start, end in regions if regions is not None else [(0, min(len(text), DETECT_HEAD))]:
        pos = start
        while pos < end:
            stop = text.find("\n", pos, end)
            stop = end if stop < 0 else stop
            line = text[pos:stop]
            if _word_count(line) >= DETECT_MIN_WORDS and (
                not closed or _FULL_STOP_END.search(_closing(line.rstrip()))
            ):
                lead = len(line) - len(line.lstrip())
                found.append((pos + lead, pos + len(line.rstrip())))
                size += found[-1][1] - found[-1][0] + 1
                if size >= DETECT_SAMPLE:
                    return found
            pos = stop + 1
    return found


def _sample_of(text: str, spans: list[tuple[int, int]]) -> str:
    """What detection reads: the lines at ``spans``, up to ``DETECT_SAMPLE`` characters; the text's start
    when there are none (a list, a text in Chinese)."""
    if not spans:
        return text[:DETECT_SAMPLE]
    return "\n".join(text[a:b] for a, b in spans)[:DETECT_SAMPLE]


def _detect_sample(text: str) -> str:
    """What language detection reads of ``text`` first: its first lines of running text, up to
    ``DETECT_SAMPLE`` characters; the text's start when no line is one (a list, a text in Chinese)."""
    return _sample_of(text, _detect_spans(text))


def _body_share(spans: list[tuple[int, int]], segs: list[Segment]) -> float:
    """The share of the characters at ``spans`` (ordered) that lie in body segments (``segs``: in the text's
    order, so the first few are read)."""
    total = sum(b - a for a, b in spans)
    inside = 0
    last = spans[-1][1]
    for seg in segs:
        if seg.start >= last:
            break
        if seg.kind == "body" and seg.end > spans[0][0]:
            inside += sum(max(0, min(b, seg.end) - max(a, seg.start)) for a, b in spans)
    return inside / total if total else 1.0


def _language_notice(art: Article) -> None:
    """A script the sentence splitter cannot read gives a notice, never a silently empty article; a text in
    a Latin-script language with no rules of its own (Polish, Czech...) is read with the English rules, and
    its notice says so."""
    art.notices[:] = [n for n in art.notices if not n.endswith((UNSUPPORTED_NOTICE, ENGLISH_RULES_NOTICE))]
    if not metadata.language_supported(art.language, art.text):
        art.notices.append(f"{art.language or 'unknown language'}: {UNSUPPORTED_NOTICE}")
    elif art.language and art.language != "en" and not langres.has(art.language, "speech"):
        art.notices.append(f"{art.language}: {ENGLISH_RULES_NOTICE}")


UNSUPPORTED_NOTICE = "no claims extracted: language not supported"
ENGLISH_RULES_NOTICE = (
    "claims read with the English rules (no speaker, time or sentence rules for this language)"
)
DATE_UNREAD_NOTICE = "date: the record's date is unreadable: "
DATE_CLASH_NOTICE = "date: "  # how the notice of a record date its text's dateline contradicts begins


def is_date_notice(notice: str) -> bool:
    """A notice about the article's publication date (a record date that cannot be read, or one the text's
    dateline contradicts): the reviewer settles it by setting the date, and each front end says how."""
    return notice.startswith(DATE_CLASH_NOTICE)


def claims_supported(art: Article) -> bool:
    """False when the article's language has no sentence support (its notice says so)."""
    return not any(n.endswith(UNSUPPORTED_NOTICE) for n in art.notices)

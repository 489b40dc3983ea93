"""Web pages in: saved ``.html`` files and ``http(s)`` URLs, read with trafilatura.

A page becomes a JSON record with trafilatura's own keys (``title``, ``author``, ``hostname``, ``sitename``,
``date``, ``source`` = the URL, ``source-hostname``, ``language``, ``text``, ...), the same record that
``trafilatura.extract(html, output_format="json", with_metadata=True, url=...)`` writes; ``factcheck.ingest``
reads it like any scraper record, so the extracted ``text`` is what claim offsets index.

A fetched URL is stored once, as such a record, in the pages folder (``pages_dir()``: ``$FACTCHECK_PAGES``,
else ``pages/`` in the user data folder, the same whatever folder a command runs from and for every command,
CLI and TUI alike): the review then works offline, and the page is fetched again only when asked
(``refresh``). A URL that redirects is stored as the page it leads to (the final address names the record; a
``.redirect`` note beside it says where the URL led): a short link and its target are one page, one record.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from factcheck import metadata
from factcheck.atomic import write_atomic
from factcheck.urls import archived_copy, canonical_url, is_http_url, page_address, readable_url

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TIMEOUT = 20.0  # seconds for one page
MAX_PAGE_BYTES = 10 * 1024 * 1024  # a news page with its markup is rarely above 2 MB
USER_AGENT = "factcheck (+https://github.com/; a fact-checker's offline reader)"
MIN_WORDS = 5  # fewer words than this extracted is a menu or an error page, not an article
# a big page that gives a few dozen words: its article is likely in the page's scripts (read by a browser, not
# here) or behind a wall, and the reviewer is told so (the record's "little-text", a notice of the article)
LITTLE_TEXT_WORDS = 40
LITTLE_TEXT_PAGE_BYTES = 100_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPE = "text/plain"  # (a press release's .txt: read as the same text saved as a .txt file is)


class PageError(Exception):
    """A page that cannot be turned into an article; the message is one line naming no traceback."""


class RefreshFailed(PageError):
    """A page asked to be fetched again (``refresh``) whose fetch failed while a copy of it is stored: that copy
    stays where it is (``path``) and can still be read; the message says why the fetch failed and when the copy
    was stored ("not fetched again (cannot connect: ...); its copy stored 2026-12-07T13:22:41Z")."""

    def __init__(self, why: str, path: Path) -> None:
        self.why, self.path = why, path
        when = _stored_when(path)
        super().__init__(
            f"not fetched again ({why}); its copy stored {when}"
            if when
            else f"not fetched again ({why}); its stored copy"
        )


def _stored_when(path: Path) -> str | None:
    """When the record at ``path`` was fetched (its ``fetched`` key), or None."""
    try:
        rec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    when = rec.get("fetched") if isinstance(rec, dict) else None
    return when if isinstance(when, str) and when.strip() else None


# ---------------------------------------------------------------------------------------------
# HTML -> record


def read_html_file(path: Path, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """The bytes of a saved page (decoded by ``page_text``); ValueError with a one-line reason."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"file is too large ({size:,} bytes; the limit is {max_bytes:,})")
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file (contains NUL bytes), not a web page")
    return data


_LANG_ATTR = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_OG_LOCALE = re.compile(
    rb"<meta\b[^>]*?property\s*=\s*[\"']og:locale[\"'][^>]*?content\s*=\s*[\"']([A-Za-z]{2})", re.I
)


def declared_language(html: bytes) -> str | None:
    """The language a page declares (``<html lang>``, else ``og:locale``), lower-case ISO 639-1."""
    head = html[:20000]
    m = _LANG_ATTR.search(head) or _OG_LOCALE.search(head)
    return m.group(1).decode("ascii").lower() if m else None


# The toolbar the Wayback Machine inserts into every archived copy of a page ("Starting in 1996, Alexa Internet
# has been donating their crawl data ..."): no part of the page archived
_WAYBACK_TOOLBAR = re.compile(
    rb"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.S
)


# <meta charset="iso-8859-1">, or <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)
# labels a browser reads as windows-1252 (WHATWG), the superset they mean
_LATIN1_LABELS = {"iso8859-1", "ascii"}


def page_text(raw: bytes, charset: str | None = None) -> bytes | str:
    """The page as trafilatura is to read it. Valid UTF-8 (or a byte order mark) as it is; else decoded in the
    charset the server named (``charset`` from its Content-Type) or the page declares (``<meta charset>``), as a
    browser reads it; else the bytes (trafilatura guesses their encoding: it never reads the declarations, and
    a short page in windows-1252 came out as "Le maire a dķclarķ"), unless nothing declares one: then as
    ``undeclared_charset`` reads it."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return raw
    try:
        raw.decode("utf-8")
        return raw
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(raw[:4096])
    labels = [label for label in (charset, meta.group(1).decode("ascii") if meta else None) if label]
    for label in labels:
        try:
            name = codecs.lookup(label).name
        except LookupError:
            continue
        for codec in ("cp1252", name) if name in _LATIN1_LABELS else (name,):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
    guess = None if labels else undeclared_charset(raw)
    if guess:
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode(guess)
    return raw


# the encodings of Latin-script text a detector confuses with one another: a page in one of them, with no
# charset declared, is read as windows-1252 (the fallback browsers use for legacy pages in Western languages)
_LATIN_GUESSES = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "latin_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "mac_roman",
    "mac_latin2",
    "mac_iceland",
    "mac_turkish",
}
# a run of bytes UTF-8 would read as one character (a page mostly in UTF-8 with a stray byte of another)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
# the text between two tags (or in an attribute) holding such bytes: what the detector is asked about
_HIGH_TEXT = re.compile(rb"[^<>\"]*[\x80-\xff][^<>\"]*")


def undeclared_charset(raw: bytes) -> str | None:
    """The encoding of a page that is not UTF-8 and declares none (a page saved from a browser when its server
    named the charset), or None to leave it to trafilatura's guess. trafilatura guesses from the first and last
    5,000 bytes, all markup on a long page ("ascii": every accented letter became U+FFFD, "gef\ufffdlschten"),
    and charset_normalizer takes windows-1252 text for windows-1250 ("trčs", "seńor", "năo" for "très", "señor",
    "não"). The detector is asked about the page's texts with bytes over 127 only, and trusted for the script:
    Latin-script text is read as windows-1252; another script (windows-1251, Shift JIS, ...) as it says. A page
    whose runs of such bytes mostly read as UTF-8 is left alone (a stray byte in a UTF-8 page)."""
    runs = _HIGH_BYTES.findall(raw)
    if not runs:
        return None
    utf8 = sum(1 for r in runs if _UTF8_SEQUENCE.fullmatch(r) or _utf8_run(r))
    if utf8 * 2 > len(runs):
        return None
    if _letters_in_ascii_words(raw):
        return "cp1252"
    from charset_normalizer import from_bytes

    sample = b"\n".join(_HIGH_TEXT.findall(raw))[:65536]
    best = from_bytes(sample).best()
    if best is None or best.encoding in _LATIN_GUESSES:
        return "cp1252"
    return str(best.encoding)


def _letters_in_ascii_words(raw: bytes) -> bool:
    """Whether every run of bytes over 127 in ``raw`` is one or two bytes long and most sit beside an ASCII
    letter: the accented letters of Latin-script text in a single-byte code page ("S\xe3o Paulo", "K\xf6ln").
    The detector, given so few of them, named a CJK or a DOS code page ("S緌 Paulo", "㎾er", "Bj—rn");
    text in another script has runs of whole words, a CJK character takes two bytes of a longer run."""
    beside = total = 0
    for m in _HIGH_BYTES.finditer(raw):
        if m.end() - m.start() > 2:
            return False
        total += 1
        beside += raw[m.start() - 1 : m.start()].isalpha() or raw[m.end() : m.end() + 1].isalpha()
    return beside * 2 > total


def _utf8_run(run: bytes) -> bool:
    try:
        run.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# Chinese and Japanese write no space between words: their characters are counted instead, two to a word
# (the mean length of a Chinese word; a Japanese one is about as long)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _word_count(text: str) -> int:
    """Words of ``text``: the spaced ones, and the unspaced characters of Chinese and Japanese two to a word."""
    unspaced = len(_UNSPACED.findall(text))
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2


def page_record(html: bytes | str, url: str | None = None, charset: str | None = None) -> dict[str, Any]:
    """The trafilatura record of one page: main text and metadata. ``charset``: the one the server named.

    Raises ``PageError`` when the page has no extractable main text.
    """
    import trafilatura

    raw = html.encode("utf-8") if isinstance(html, str) else html
    raw = _WAYBACK_TOOLBAR.sub(b"", raw)
    page = page_text(raw, charset)
    try:
        out = trafilatura.extract(
            page,
            url=url,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=False,  # (recall mode dropped more article paragraphs on realworld-dev: bench/ingest.py)
        )
    except Exception as e:  # lxml and trafilatura raise assorted errors on broken markup
        raise PageError(f"the page could not be parsed ({type(e).__name__})") from None
    if not out:
        raise PageError("no extractable text on the page")
    rec: dict[str, Any] = json.loads(out)
    text = str(rec.get("text") or "")
    rec["text"] = text
    if len(text.split()) < MIN_WORDS and len("".join(text.split())) < 40:
        raise PageError("no extractable text on the page")
    words = _word_count(text)
    if words < LITTLE_TEXT_WORDS and len(raw) >= LITTLE_TEXT_PAGE_BYTES:
        rec["little-text"] = (
            f"little text: {words} words found in a {len(raw) // 1000} KB page (its article may be in the"
            " page's scripts or behind a wall, or the page holds none): open it in a browser to check"
        )
    if url and not rec.get("source"):
        rec["source"] = url
    declared_url = None if rec.get("source") else declared_address(raw)  # (trafilatura reads the head only)
    if declared_url:
        rec["source"] = declared_url
    if _a_year_alone(rec.get("date"), raw, url):
        rec["date"] = None  # (the ingest's own fallbacks then run: the text's dateline, a date in the URL)
    revised = text_shown_date(raw, rec.get("date"))
    if revised:  # (trafilatura keeps the original date only: ``Article.anchor`` reads both)
        rec["modified"], rec["modified-shown"] = revised
    page_url = rec.get("source") if is_http_url(rec.get("source")) else url
    archived = archived_copy(page_url) if page_url else None
    host = archived[0] if archived else page_url or rec.get("hostname")
    declared = declared_site_names(raw)
    for key in (
        "sitename",
        "source-hostname",
    ):  # (trafilatura's JSON writes the site's name under the second)
        if _a_social_handle(rec.get(key), raw, host, declared):
            rec[key] = None  # (the outlet is then the host's readable name)
    site = metadata.declared_site_name(rec.get("sitename") or rec.get("source-hostname"), declared, host)
    if site:
        rec["sitename"] = site
    headline = _headline_elsewhere(rec, raw, host)
    if headline:
        rec["title"] = headline
    standfirst = _standfirst(rec, raw, page)
    if standfirst:
        rec["text"] = standfirst + "\n" + rec["text"]
        rec["standfirst"] = standfirst  # (what was put before trafilatura's text: the page's own lede)
    if not rec.get("language"):
        lang = declared_language(raw)
        if lang:
            rec["declared-language"] = lang  # what the page says; the text's own language wins
    return rec


_TWITTER_SITE = re.compile(
    rb"<meta\b[^>]*?name\s*=\s*[\"']twitter:site[\"'][^>]*?content\s*=\s*[\"']@?([^\"'<>]{1,80})[\"']", re.I
)


def _a_social_handle(sitename: Any, raw: bytes, host: str | None, declared: list[str] | None = None) -> bool:
    """Whether trafilatura's site name is the page's social-network account ("@epdOesterreich" on evang.at,
    "@TNBtweets" on thenervousbreakdown.com, in ``twitter:site``, read when the page names no site) that
    does not spell the host: an account, not the site's name ("@TagesWoche" on tageswoche.ch stays).
    ``declared``: the names the page gives its site elsewhere (``declared_site_names``): an account the page
    also declares as its site's name is the name ("ZDFheute" on zdf.de, "BR24" on br.de); one it does not,
    where it declares another, is an account even when it spells the host ("@GolemRedaktion" on a page
    that calls itself "Golem.de")."""
    if not isinstance(sitename, str) or not sitename.strip() or not host:
        return False  # (with no host to fall back on, the account names the site better than nothing)
    m = _TWITTER_SITE.search(raw[:200_000])
    if not m:
        return False
    handle = m.group(1).decode("utf-8", "replace").strip().lstrip("@")
    if handle.casefold() != sitename.strip().lstrip("@").casefold():
        return False
    if declared:
        return not any(metadata.same_name(d, handle) for d in declared)
    return not metadata.names_the_host(sitename, host)


_LINK_TAG = re.compile(rb"<link\b[^>]{0,1000}>", re.I)


def declared_address(raw: bytes) -> str | None:
    """The page's own address as its markup declares it, wherever it stands: its canonical link, else its
    ``og:url`` (an absolute http(s) URL; a relative one names no site). trafilatura reads the declarations in
    the page's head only, and a page whose head the parser closes early (a ``<div>`` in it: elfaro.net) or
    that declares them in its body had no URL, so no outlet ("outlet unknown" on a page saying "elfaro.net")
    and no date from its address."""
    import html as htmllib

    head = raw[:300_000]
    found: list[bytes] = []
    for tag in _LINK_TAG.findall(head):
        attrs = _attributes(tag)
        if (attrs.get(b"rel") or b"").strip().lower() == b"canonical" and attrs.get(b"href"):
            found.append(attrs[b"href"])
    for tag in _META_TAG.findall(head):
        attrs = _attributes(tag)
        if _meta_key(attrs).strip() == "og:url" and attrs.get(b"content"):
            found.append(attrs[b"content"])
    for value in found:
        address = htmllib.unescape(value.decode("utf-8", "replace")).strip()
        if is_http_url(address):
            return address
    return None


# the meta tags in which a page names its site, in the order they are trusted
_SITE_NAME_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")
_META_TAG = re.compile(rb"<meta\b[^>]{0,1000}>", re.I)
_ATTRIBUTE = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_LD_JSON = re.compile(rb"<script\b[^>]{0,200}application/ld\+json[^>]{0,200}>(.*?)</script>", re.I | re.S)
_ORGANISATION_TYPES = frozenset({"NewsMediaOrganization", "Organization", "WebSite"})


def _attributes(tag: bytes) -> dict[bytes, bytes]:
    """A tag's quoted attributes, names lower-cased: ``<meta property="og:url" content="...">``."""
    return {m[1].lower(): (m[2] or m[3]) for m in _ATTRIBUTE.finditer(tag)}


def _ld_json_objects(raw: bytes) -> Iterator[dict[str, Any]]:
    """Every JSON object of the page's JSON-LD blocks, in the page's order, each before the objects it holds
    (a block with a syntax error is left out)."""

    def walk(obj: Any) -> Iterator[dict[str, Any]]:
        if isinstance(obj, list):
            for x in obj:
                yield from walk(x)
        elif isinstance(obj, dict):
            yield obj
            for v in obj.values():
                if isinstance(v, (dict, list)):
                    yield from walk(v)

    for block in _LD_JSON.findall(raw):
        try:
            parsed = json.loads(block.decode("utf-8", "replace"), strict=False)
        except ValueError:
            continue
        yield from walk(parsed)


def _meta_key(attrs: dict[bytes, bytes]) -> str:
    """What a meta tag declares (its ``property``, else its ``name``), lower-cased."""
    return (attrs.get(b"property") or attrs.get(b"name") or b"").decode("ascii", "replace").lower()


def declared_site_names(raw: bytes) -> list[str]:
    """The names a page gives its site in its markup, in the order they are trusted: its ``og:site_name``,
    ``application-name`` and ``apple-mobile-web-app-title`` meta tags, then in its JSON-LD the publisher's
    name, then the names of its organisations and web sites. Repeats left out."""
    import html as htmllib

    found: dict[str, list[str]] = {k: [] for k in _SITE_NAME_META}
    for tag in _META_TAG.findall(raw):
        attrs = _attributes(tag)
        key = _meta_key(attrs)
        if key in found and attrs.get(b"content"):
            found[key].append(htmllib.unescape(attrs[b"content"].decode("utf-8", "replace")))
    publishers: list[str] = []
    organisations: list[str] = []
    for obj in _ld_json_objects(raw):
        pub = obj.get("publisher")
        for p in pub if isinstance(pub, list) else [pub]:
            if isinstance(p, dict) and isinstance(p.get("name"), str):
                publishers.append(p["name"])
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(k in _ORGANISATION_TYPES for k in kinds if isinstance(k, str)) and isinstance(
            obj.get("name"), str
        ):
            organisations.append(obj["name"])
    names = [*(n for k in _SITE_NAME_META for n in found[k]), *publishers, *organisations]
    out: list[str] = []
    for n in names:
        n = " ".join(htmllib.unescape(n).split())
        if n and n not in out:
            out.append(n)
    return out


HEADLINE_WORDS = (2, 30)  # words of a heading that can be a page's headline

# A standfirst (the lede paragraph between headline and article, "Berlin. Die Ex-Außenministerin tritt heute ...")
# that trafilatura leaves out of the text: the page's description (trafilatura's ``excerpt``) of this many words
# or more, shown on the page above the text's first words and not in the text.
STANDFIRST_WORDS = 15
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
_WORDS = re.compile(r"\w+")


def _words(s: str) -> list[str]:
    return _WORDS.findall(s.casefold())


def _standfirst(rec: dict[str, Any], raw: bytes, page: bytes | str | None = None) -> str | None:
    """The page's standfirst when trafilatura's text leaves it out (see ``STANDFIRST_WORDS``): its description,
    whole (not cut short with an ellipsis), shown in the page's visible text (not only in its head or scripts)
    before the text's first words, its words not in the text nor the title. None otherwise. ``page``: the page
    as trafilatura read it (``page_text(raw)`` when not given)."""
    desc = rec.get("excerpt")
    text = rec.get("text")
    if not isinstance(desc, str) or not isinstance(text, str):
        return None
    desc = " ".join(desc.split())
    words = _words(desc)
    if len(words) < STANDFIRST_WORDS or _TRUNCATED.search(desc):
        return None
    low = " ".join(words)
    tw = _words(text)
    if low in " ".join(tw) or low in " ".join(_words(str(rec.get("title") or ""))):
        return None
    grams = {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
    if len(grams & {tuple(tw[i : i + 4]) for i in range(len(tw) - 3)}) >= 0.5 * len(grams):
        return None  # (the text holds most of it: a lede told in other words)
    import lxml.html

    if page is None:
        page = page_text(raw)
    if isinstance(page, bytes):
        page = page.decode("utf-8", "replace")  # (as trafilatura read it: valid UTF-8, else its best guess)
    try:
        try:
            doc = lxml.html.fromstring(page)
        except ValueError:  # (a string that declares its encoding: lxml reads it from the bytes)
            doc = lxml.html.fromstring(raw)
        body = doc.find("body")
        if body is None:
            return None
        for el in body.xpath(".//script|.//style|.//noscript|.//template"):
            el.drop_tree()
        shown = " ".join(_words(body.text_content()))
    except Exception:  # lxml raises assorted errors on broken markup
        return None
    at = shown.find(low)
    first = " ".join(tw[:8])
    start = shown.find(first) if first else -1
    if at < 0 or start < 0 or at > start:
        return None
    return desc


def _headline_elsewhere(rec: dict[str, Any], raw: bytes, host: str | None) -> str | None:
    """The page's headline when trafilatura's title is the site's name ("Krimiblog-Archiv", "DimidoBlog" in
    an old blog theme's <h1>, the post's title in an <h2>): the first of og:title, twitter:title, <h1>,
    <h2> that is neither the site's name nor page chrome ("Navigation mit Access Keys"). None otherwise."""
    title = rec.get("title")
    site = rec.get("sitename") or rec.get("source-hostname")
    if not isinstance(title, str) or not title.strip() or not host:
        return None
    outlet = site if isinstance(site, str) else None
    if not metadata.is_the_site(title, outlet, host):
        return None
    import lxml.html

    from factcheck.ingest import _is_chrome_title  # (ingest reads pages through this module)

    try:
        doc = lxml.html.fromstring(raw)
    except Exception:  # lxml raises assorted errors on broken markup
        return None
    found = [m.get("content") for m in doc.xpath('//meta[@property="og:title" or @name="twitter:title"]')]
    # (headings of the page's navigation, header, footer and sidebars are no headline, nor headings hidden from
    # sight for screen readers: Bootstrap's "sr-only", WordPress's "screen-reader-text")
    found += [h.text_content() for h in doc.xpath("//h1|//h2") if not _aside_heading(h)]
    for text in found:
        heading = " ".join((text or "").split())
        if not HEADLINE_WORDS[0] <= len(heading.split()) <= HEADLINE_WORDS[1]:
            continue
        if metadata.is_the_site(heading, outlet, host) or _is_chrome_title(heading, rec.get("language")):
            continue
        return heading
    return None


_HIDDEN_CLASS = re.compile(r"sr-only|screen-reader|visually-hidden|visuallyhidden", re.I)


def _aside_heading(h: Any) -> bool:
    """A heading of the page's navigation, header, footer or a sidebar, or one hidden for screen readers."""
    if h.xpath("ancestor::nav|ancestor::header|ancestor::footer|ancestor::aside"):
        return True
    return bool(_HIDDEN_CLASS.search(h.get("class") or ""))


def _a_year_alone(date: Any, raw: bytes, url: str | None) -> bool:
    """Whether trafilatura's date is a year standing alone on the page, not a day: a "1 January" that only
    its extensive search found (a copyright line "© 2020" reads as 2020-01-01) and the page's markup (meta
    tags, time elements, the URL) does not state. On half A of the trafilatura evaluation pages, 18 of 422
    pages got such a date, none of them dated by the evaluation; the one real 1 January is in the markup."""
    if not (isinstance(date, str) and date[4:10] == "-01-01"):
        return False
    import htmldate

    try:
        stated = htmldate.find_date(raw, url=url, extensive_search=False, original_date=True)
    except Exception:  # htmldate and lxml raise assorted errors on broken markup
        return False
    return stated != date[:10]


# the meta tags in which a page declares when its text was last revised, in the order they are trusted
_MODIFIED_META = ("article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified")
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_TIME_TAG = re.compile(rb"<time\b[^>]{0,1000}>", re.I)
_BODY_TAG = re.compile(rb"<body\b", re.I)


def _iso_day(value: Any) -> str | None:
    """The day an ISO date or date-time of the markup names ("2023-05-02T09:14:00+01:00" -> "2023-05-02")."""
    m = _ISO_DAY.match(value) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def declared_dates(raw: bytes) -> tuple[str | None, str | None]:
    """When the page's markup says its text was first published and last modified (ISO days, None where it
    says nothing): the ``datePublished`` / ``dateModified`` of its JSON-LD (of the first object that declares
    a publication date: the article's, not a video's or a breadcrumb's), else its meta tags
    (``article:published_time``; ``article:modified_time``, ``og:updated_time``, ``dcterms.modified``) and
    ``itemprop`` attributes of meta and ``<time>`` tags. A modified date before the published one is no revision
    and is left out."""
    published: str | None = None
    modified: str | None = None
    for obj in _ld_json_objects(raw):
        day = _iso_day(obj.get("datePublished"))
        if day is not None:
            published, modified = day, _iso_day(obj.get("dateModified"))
            break
    if published is None:
        meta: dict[str, str] = {}
        for tag in [*_META_TAG.findall(raw), *_TIME_TAG.findall(raw)]:
            attrs = _attributes(tag)
            key = _meta_key(attrs) or (attrs.get(b"itemprop") or b"").decode("ascii", "replace").lower()
            day = _iso_day(
                (attrs.get(b"content") or attrs.get(b"datetime") or b"").decode("ascii", "replace")
            )
            if day is not None:
                meta.setdefault(key, day)
        published = meta.get("article:published_time") or meta.get("datepublished")
        modified = next((meta[k] for k in (*_MODIFIED_META, "datemodified") if k in meta), None)
    if modified is not None and published is not None and modified < published:
        modified = None
    return published, modified


def first_shown_day(raw: bytes) -> str | None:
    """The day of the first ``<time datetime="...">`` element of the page's body (an ISO day): the date printed
    under its headline ("18.07.2024, 11.08 Uhr", "30 August 2023 • 4:45pm"), before any comment's or teaser's
    below the text. A date that only the head's meta tags or the JSON-LD declare is none."""
    at = _BODY_TAG.search(raw)
    for tag in _TIME_TAG.finditer(raw, at.start() if at else 0):
        day = _iso_day((_attributes(tag[0]).get(b"datetime") or b"").decode("ascii", "replace"))
        if day is not None:
            return day
    return None


def text_shown_date(raw: bytes, published: Any) -> tuple[str, bool] | None:
    """The date of the text the page shows, when its markup declares one later than ``published`` (the
    record's date: trafilatura reads the first version's), and whether the page shows that date as its own
    (``first_shown_day``): a live page's "18.07.2024, 11.08 Uhr" over a ticker first published in October, a
    buying guide's "30 August 2023" over a first version of 2019 that only a meta tag declares; not a forum
    thread's last reply, shown below its first post. The latest of the markup's published and modified dates
    (``declared_dates``); None when it declares none later."""
    latest = max((d for d in declared_dates(raw) if d), default=None)
    if latest is None or (isinstance(published, str) and latest <= published[:10]):
        return None
    return latest, latest == first_shown_day(raw)


# ---------------------------------------------------------------------------------------------
# URL -> stored record


def record_name(url: str) -> str:
    """The file name of a URL's record: readable host plus a hash of the page's address in its canonical form
    (``urls.canonical_url``: ``.../é.html`` and ``.../%C3%A9.html`` are one page; without its fragment:
    ``page#comments`` is ``page``'s record; stable across runs)."""
    return _name_of(page_address(canonical_url(url) or url))


def _legacy_names(url: str) -> list[str]:
    """The names earlier versions gave the record of ``url``: by the address as it was typed (one of its
    spellings: as given, or with letters outside ASCII unescaped, as an address bar shows them), with or
    without its fragment. A session that relies on such a record still reads it offline."""
    canonical = canonical_url(url) or url
    spellings = dict.fromkeys([url, readable_url(canonical), readable_url(url)])
    names = dict.fromkeys(_name_of(a) for s in spellings for a in (page_address(s), s))
    names.pop(record_name(url), None)
    return list(names)


def _name_of(url: str) -> str:
    host = (urlsplit(url).hostname or "page").removeprefix("www.")
    host = re.sub(r"[^a-z0-9.-]+", "-", host.lower()).strip(".-") or "page"
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
    return f"{host[:60]}-{digest}.json"


def pages_dir() -> Path:
    """Where fetched pages are stored: ``$FACTCHECK_PAGES``, else ``pages/`` in the user data folder
    (``platformdirs.user_data_dir("factcheck")``, beside the claim memory). One place for every command and
    the TUI, whatever the working folder: a session that names a URL reopens offline from anywhere."""
    env = os.environ.get("FACTCHECK_PAGES")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("factcheck")) / "pages"


REDIRECT_SUFFIX = ".redirect"  # (no article file: reading the pages folder passes these by)
FAILED_SUFFIX = ".failed"  # why the last fetch of a URL failed, and when (gone once a fetch of it works)


def record_path(url: str, pages: Path | None = None) -> Path:
    """Where the record of the page ``url`` names is (or is to be) stored. A URL that redirected is the page it
    led to (its ``.redirect`` note names it): one page, one record, whichever of its URLs was given."""
    folder = Path(pages or pages_dir())
    path = folder / record_name(url)
    if path.is_file():
        return path
    for name in _legacy_names(url):  # stored by an earlier version: still read offline
        if (folder / name).is_file():
            return folder / name
    final = _redirected_to(folder, url)
    return folder / record_name(final) if final else path


def _redirect_note(folder: Path, url: str) -> Path:
    return folder / Path(record_name(url)).with_suffix(REDIRECT_SUFFIX)


def _redirected_to(folder: Path, url: str) -> str | None:
    """The address ``url`` redirected to when it was fetched, or None (not fetched, or not redirected)."""
    try:
        final = _redirect_note(folder, url).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return final if is_http_url(final) else None


def _failure_note(folder: Path, url: str) -> Path:
    return folder / Path(record_name(url)).with_suffix(FAILED_SUFFIX)


def last_failure(url: str, pages: Path | None = None) -> tuple[str, str] | None:
    """Why the last fetch of ``url`` failed and when (a UTC time, ``2026-05-03T14:00Z``), as the fetch said it;
    None when no fetch of it failed since the last that worked (or none was tried)."""
    try:
        note = _failure_note(Path(pages or pages_dir()), url).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    when, _, why = note.strip().split("\n")[0].partition("\t")  # (the lines after it are for a person)
    return (why.strip(), when.strip()) if why.strip() else None


def _remember_failure(folder: Path, url: str, why: str, stored: Path | None = None) -> None:
    """Keep why a fetch of ``url`` failed beside the records (``last_failure`` reads its first line): a command
    that reads the stored pages only (``status``, ``report``) then says what happened, not "not fetched yet".
    With a copy of the page ``stored`` (a refresh that failed) a second line says that copy, fetched when it
    says, is the one read: the note beside a good record read as if the page were lost. A fetch that works
    removes the note. Best effort: a folder that cannot be written loses the note, not the error raised."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%MZ")
    note = f"{when}\t{' '.join(why.split())}\n"
    if stored is not None:
        fetched = _stored_when(stored)
        copy = (
            f"the copy stored {fetched} ({stored.name})" if fetched else f"the copy stored in {stored.name}"
        )
        note += f"{copy} is read until a fetch of {url} works (then this note goes)\n"
    with contextlib.suppress(OSError):
        write_atomic(_failure_note(folder, url), note)


def _read_by(resp: Any, deadline: float, limit: int) -> bytes:
    """The answer's body, at most ``limit`` bytes, read by ``deadline`` (``time.monotonic``): the socket's own
    timeout bounds each read only, so a server sending a byte a second would never time out."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = resp.read1(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _uncompressed(data: bytes, coding: str, limit: int) -> bytes:
    """The page's bytes from the body of an answer compressed as its Content-Encoding says (``gzip``,
    ``deflate``: a server may compress though it was not asked to; the page read as markup was binary noise
    with "no extractable text"), at most ``limit`` of them (a small body can unpack to gigabytes). Raises
    ``PageError`` for a body that does not decompress and an encoding this cannot read."""
    coding = coding.strip().lower()
    if coding in ("", "identity"):
        return data
    if coding in ("gzip", "x-gzip"):
        tries = [16 + zlib.MAX_WBITS]
    elif coding == "deflate":  # zlib's wrapper as the standard says, or the bare stream some servers send
        tries = [zlib.MAX_WBITS, -zlib.MAX_WBITS]
    else:
        raise PageError(f"the server compressed the page as {coding!r}, which factcheck cannot read")
    for wbits in tries:
        unpack = zlib.decompressobj(wbits)
        try:
            out = unpack.decompress(data, limit)
        except zlib.error:
            continue
        if unpack.eof or len(out) >= limit:
            return out
    raise PageError(f"the server's {coding} answer is damaged (it does not decompress)")


def fetch_html(
    url: str, *, timeout: float | None = None, max_bytes: int = MAX_PAGE_BYTES
) -> tuple[bytes, str, str | None, bool]:
    """GET one page: its bytes, the final URL after redirects, the charset the server named (or None) and
    whether it is plain text (``text/plain``) rather than HTML. Raises ``PageError`` (one line) for any other
    answer (a PDF, an image, JSON...)."""
    timeout = timeout or TIMEOUT
    target = canonical_url(url)  # (a space, a letter outside ASCII: percent-encoded, as a browser sends them)
    if target is None:
        raise PageError("not an http(s) URL")
    req = urllib.request.Request(target, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # (scheme checked above)
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype and ctype not in _HTML_TYPES and ctype != _TEXT_TYPE:
                raise PageError(f"not a web page (the server sent {ctype})")
            data = _read_by(resp, time.monotonic() + timeout, max_bytes + 1)
            data = _uncompressed(data, resp.headers.get("Content-Encoding") or "", max_bytes + 1)
            final = canonical_url(resp.geturl()) or target
            charset = resp.headers.get_content_charset()
    except PageError:
        raise
    except urllib.error.HTTPError as e:
        said = str(e.reason).splitlines() if e.reason else []
        why = said[-1].strip() if said else ""  # one line: urllib's may hold three
        if 300 <= e.code < 400:  # urllib gave up following them (a loop, or more than it follows)
            raise PageError(f"too many redirects (HTTP {e.code} {why})".replace(" )", ")")) from None
        raise PageError(f"HTTP error {e.code} {why}".rstrip()) from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise PageError(f"timed out after {timeout:g} s") from None
        raise PageError(f"cannot connect: {reason}") from None
    except TimeoutError:
        raise PageError(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as e:
        raise PageError(f"cannot fetch: {e}") from None
    if len(data) > max_bytes:
        raise PageError(f"page is too large (over {max_bytes:,} bytes)")
    if not data.strip():
        raise PageError("the server sent an empty page")
    return data, final, charset, ctype == _TEXT_TYPE


def text_record(raw: bytes, url: str, charset: str | None = None) -> dict[str, Any]:
    """The record of a plain-text page: its text as the same text saved as a .txt file is read
    (``ingest.text_of_bytes``; the ingest reads its title, date and dateline from the text as for that file),
    in the charset the server named, else UTF-8. Raises ``PageError`` saying why it is no text."""
    from factcheck.ingest import text_of_bytes

    try:
        named = codecs.lookup(charset).name if charset else None
    except LookupError:
        named = None  # (a label no codec has: read as UTF-8, as with none)
    try:
        if named in (None, "utf-8"):
            text = text_of_bytes(raw)
        else:
            try:
                decoded = raw.decode(named)
            except UnicodeDecodeError as e:
                raise ValueError(
                    f"not valid {charset} (at byte offset {e.start}), the charset the server named"
                ) from None
            text = text_of_bytes(decoded.encode("utf-8"))
    except ValueError as e:
        raise PageError(f"plain text: {e}") from None
    return {"text": text, "source": url, "content-type": _TEXT_TYPE}


def fetch_record(
    url: str, pages_dir: Path | None = None, *, refresh: bool = False, timeout: float | None = None
) -> tuple[Path, bool]:
    """The stored record of ``url`` (fetched and saved when missing or ``refresh``): (path, fetched now).

    Raises ``PageError`` for timeouts, HTTP errors, answers neither HTML nor plain text and pages with no extractable text;
    ``RefreshFailed`` (one) when a page asked to be fetched again could not be while a copy of it is stored: the
    copy stays, and the caller may read it (``e.path``).
    """
    url = canonical_url(url) or url  # (one form of the address: its record's name, what the record says)
    path = record_path(url, pages_dir)
    if path.is_file() and not refresh:
        return path, False
    try:
        data, final, charset, plain = fetch_html(url, timeout=timeout)
    except PageError as e:
        _remember_failure(path.parent, url, str(e), path if path.is_file() else None)
        if path.is_file():  # (--refresh with the server down, or the page gone: the copy stored before stays)
            raise RefreshFailed(str(e), path) from None
        raise
    rec = text_record(data, final, charset) if plain else page_record(data, final, charset)
    rec["source"] = rec.get("source") or final
    rec["requested-url"] = url
    rec["fetched"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    folder, own = path.parent, path.parent / record_name(url)
    legacy = [folder / name for name in _legacy_names(url)]  # (an earlier version's: the new one replaces it)
    if page_address(final) != page_address(url):
        # the address the redirects ended at names the page: its record, and a note that this URL leads there
        # (a record an earlier fetch stored under this URL's own name goes: one page, one record)
        path = folder / record_name(final)
        write_atomic(_redirect_note(folder, url), final + "\n")
        own.unlink(missing_ok=True)
    elif path != own:  # it redirected once, no longer, or an earlier version named it: the URL's own record
        path = own
        _redirect_note(folder, url).unlink(missing_ok=True)
    write_atomic(path, json.dumps(rec, ensure_ascii=False, indent=1) + "\n")
    for old in legacy:  # (once the new one is written: the page is never without a record)
        if old != path:
            old.unlink(missing_ok=True)
    _failure_note(folder, url).unlink(missing_ok=True)
    return path, True

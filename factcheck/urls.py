"""The one check for URLs factcheck accepts from articles, records, evidence and options: http(s) only;
and the original address behind a web archive's copy of a page."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, unquote, urldefrag, urlsplit, urlunsplit


def is_http_url(s: object) -> bool:
    """True for a well-formed ``http://`` or ``https://`` URL with a host; never raises."""
    if not isinstance(s, str) or not s or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in s):
        return False
    try:
        parts = urlsplit(s)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


# What a URL's path, query and fragment keep as they are: the characters RFC 3986 allows there, and "%" starting
# an escape; anything else (a space, a letter outside ASCII as a browser's address bar shows it, '"', "<", "|")
# is percent-encoded as UTF-8 bytes, as a browser sends it.
_URI_SAFE = "/:@!$&'()*+,;=-._~?"
_ESCAPE = re.compile(r"(%[0-9A-Fa-f]{2})")  # (the group: ``split`` keeps each escape)
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _normal_part(part: str) -> str:
    """One part of a URL (path, query or fragment) in its canonical form: what a URL must escape escaped, each
    escape's hex digits in capitals, an escaped letter, digit or "-._~" unescaped (RFC 3986, 6.2.2), a "%"
    starting no escape escaped ("%25"). Escaped "/", "?", "&", "=" and the like stay escaped: they mean
    something else unescaped."""
    pieces = []
    for i, piece in enumerate(_ESCAPE.split(part)):
        if i % 2:  # an escape
            char = chr(int(piece[1:], 16))
            pieces.append(char if char in _UNRESERVED else piece.upper())
        else:
            pieces.append(quote(piece, safe=_URI_SAFE))
    return "".join(pieces)


def canonical_url(s: object) -> str | None:
    """The one form factcheck keeps of an http(s) URL as typed or pasted, or None when ``s`` is none.

    A URL as a browser's address bar shows it (``https://de.wikipedia.org/wiki/Zürich``, ``.../a b.html``)
    becomes what a browser sends (``.../Z%C3%BCrich``, ``.../a%20b.html``), so both spellings of one address
    are one page, one stored record and one article key: RFC 3986's normalisation (scheme and host in small
    letters, the default port and an empty path made explicit the same way, escapes as ``_normal_part``
    makes them). Spaces around it (a pasted line) go; a tab, line break or control character inside it
    makes it no URL."""
    if not isinstance(s, str):
        return None
    s = s.strip()
    if not re.match(r"(?i)https?://", s) or any(ord(c) < 32 or ord(c) == 127 for c in s):
        return None
    try:
        parts = urlsplit(s)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host:
        return None
    scheme = parts.scheme.lower()
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if port is not None or hostport.endswith(":"):  # (an IPv6 address's own colons are inside its [...])
        hostport = hostport[: hostport.rfind(":")]
    hostport = hostport.lower() + (f":{port}" if port is not None and port != _DEFAULT_PORTS[scheme] else "")
    netloc_out = userinfo + at + hostport
    path = _normal_part(parts.path) or "/"
    url = urlunsplit((scheme, netloc_out, path, _normal_part(parts.query), _normal_part(parts.fragment)))
    if "#" in s and not parts.fragment:  # (an empty fragment: "page#" is "page")
        url = url.rstrip("#")
    return url if is_http_url(url) else None


def readable_url(url: str) -> str:
    """``url`` with its escapes of letters outside ASCII shown as the letters (``.../Z%C3%BCrich`` ->
    ``.../Zürich``), as a browser's address bar shows it: the form an earlier version kept of a URL typed
    so. Other escapes stay (``%20``, ``%2F``)."""

    try:
        return re.sub(r"(?:%[89A-Fa-f][0-9A-Fa-f])+", lambda m: unquote(m[0], errors="strict"), url)
    except UnicodeDecodeError:  # (escapes of bytes that are no UTF-8: kept as they are)
        return url


def page_address(url: str) -> str:
    """The address of the page a URL names: the URL without its fragment (``#comments``, a browser's
    ``#:~:text=`` highlight), which no server is sent, so every fragment of one address is one page."""
    return urldefrag(url).url if "#" in url else url


# A Wayback Machine copy: https://web.archive.org/web/<capture stamp, 4-14 digits>[a modifier such as id_]/<the
# original address>, the original's "//" often collapsed to "/" ("http:/www.modabot.de/...") or its scheme left out.
_WAYBACK = re.compile(
    r"^https?://(?:web\.|www\.)?archive\.org/web/(?P<stamp>\d{4,14})(?:[a-z]{2}_)?/+(?P<original>\S+)$", re.I
)


def archived_copy(url: str) -> tuple[str, dt.date | None] | None:
    """The original address and the capture day of a web archive's copy of a page, or None for any other URL.

    ``https://web.archive.org/web/20190717140047/http://www.modabot.de/x`` -> (``http://www.modabot.de/x``,
    2019-07-17). The capture day is when the archive saw the page, never its publication; a stamp of fewer
    than 8 digits gives no day. None when the original is no http(s) URL."""
    m = _WAYBACK.match(url.strip()) if isinstance(url, str) else None
    if not m:
        return None
    original = m["original"]
    scheme = re.match(r"(?i)(https?):/*", original)
    original = f"{scheme[1].lower()}://{original[scheme.end() :]}" if scheme else f"http://{original}"
    if not is_http_url(original):
        return None
    stamp = m["stamp"]
    try:
        captured = dt.date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8])) if len(stamp) >= 8 else None
    except ValueError:
        captured = None
    return original, captured

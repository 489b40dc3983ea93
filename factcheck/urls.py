"""The one check for URLs factcheck accepts from articles, records, evidence and options: http(s) only;
and the original address behind a web archive's copy of a page."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urldefrag, urlsplit


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

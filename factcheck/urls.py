"""The one check for URLs factcheck accepts from articles, records, evidence and options: http(s) only."""

from __future__ import annotations

from urllib.parse import urlsplit


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

"""``urls.canonical_url``: the one form factcheck keeps of a URL as typed or pasted (fix28)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.urls import canonical_url, is_http_url, readable_url


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("https://de.wikipedia.org/wiki/Zürich", "https://de.wikipedia.org/wiki/Z%C3%BCrich"),
        ("http://example.org/a b.html", "http://example.org/a%20b.html"),  # (was refused)
        ("http://example.org/%c3%a9.html", "http://example.org/%C3%A9.html"),  # escapes in capitals
        ("http://example.org/%7Euser/%41", "http://example.org/~user/A"),  # unreserved: unescaped
        ("http://example.org/a%2Fb?x=%3d", "http://example.org/a%2Fb?x=%3D"),  # "/" and "=" stay escaped
        ("http://example.org/100%", "http://example.org/100%25"),  # a "%" starting no escape
        ("HTTPS://News.Example.ORG:443", "https://news.example.org/"),  # case, default port, empty path
        ("http://example.org:8080/p?q=a b#part two", "http://example.org:8080/p?q=a%20b#part%20two"),
        ("  https://example.org/x\n", "https://example.org/x"),  # a pasted line
        ("http://[::1]:8000/é", "http://[::1]:8000/%C3%A9"),
    ],
)
def test_a_url_is_kept_in_one_form(typed: str, kept: str) -> None:
    assert canonical_url(typed) == kept
    assert canonical_url(kept) == kept


@pytest.mark.parametrize(
    "not_url",
    ["ftp://example.org/x", "https:///x", "example.org/x", "https://exa mple.org/", "https://e.org/a\tb", 7],
)
def test_what_is_no_url_stays_none(not_url: object) -> None:
    assert canonical_url(not_url) is None


def test_readable_url_shows_letters_outside_ascii_and_keeps_other_escapes() -> None:
    assert readable_url("https://x.org/Z%C3%BCrich%20a%2F") == "https://x.org/Zürich%20a%2F"
    assert readable_url("https://x.org/%FF") == "https://x.org/%FF"  # (no UTF-8: kept)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=20))
def test_canonical_url_never_raises_and_is_stable(path: str, query: str) -> None:
    url = canonical_url(f"http://example.org/{path}?{query}")
    if url is not None:
        assert is_http_url(url) and canonical_url(url) == url
        assert url.isascii()

"""Answers of a web server that are compressed, redirected or looping (fix38).

A server may compress its answer though it was not asked to (``Content-Encoding: gzip``): the page was read as
markup and came out "no extractable text on the page". Each case: the page read, or one line naming the URL
and why, exit code 2, no traceback."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from local_server import serving  # tests/local_server.py

from factcheck import cli, webpage

PAGE = (
    b"<html><head><meta charset='utf-8'><title>Rates rise</title></head><body><article><h1>Rates rise</h1>"
    b"<p>The central bank said on Thursday that it will raise rates in June, its governor told reporters in "
    b"Frankfurt.</p><p>The last rise was in March 2023, when inflation reached 8 percent.</p></article></body>"
    b"</html>"
)

# path -> (status, headers, body)
ANSWERS: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/gzip": (200, {"Content-Encoding": "gzip"}, gzip.compress(PAGE)),
    "/deflate": (200, {"Content-Encoding": "deflate"}, zlib.compress(PAGE)),
    "/raw-deflate": (200, {"Content-Encoding": "deflate"}, zlib.compress(PAGE, wbits=-15)),
    "/damaged": (200, {"Content-Encoding": "gzip"}, b"\x1f\x8b\x08 not a gzip stream at all"),
    "/cut": (200, {"Content-Encoding": "gzip"}, gzip.compress(PAGE)[:40]),
    "/br": (200, {"Content-Encoding": "br"}, b"\x0b\x02\x80whatever"),
    "/bomb": (200, {"Content-Encoding": "gzip"}, gzip.compress(b"<p>" + b" " * 30_000_000)),
    "/moved": (301, {"Location": "/gzip"}, b""),
    "/loop-a": (302, {"Location": "/loop-b"}, b""),
    "/loop-b": (302, {"Location": "/loop-a"}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        status, headers, body = ANSWERS.get(self.path, (404, {}, b"missing"))
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Handler) as base:
        yield base


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate", "/moved"])
def test_a_compressed_answer_is_read_as_the_page(server: str, path: str) -> None:
    data, final, _charset, plain = webpage.fetch_html(server + path)
    assert data == PAGE and not plain
    assert final == server + ("/gzip" if path == "/moved" else path)


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/damaged", "gzip answer is damaged"),
        ("/cut", "gzip answer is damaged"),
        ("/br", "compressed the page as 'br'"),
        ("/bomb", "page is too large"),
        ("/loop-a", "too many redirects"),
    ],
)
def test_an_answer_that_cannot_be_read_says_why(server: str, path: str, said: str) -> None:
    with pytest.raises(webpage.PageError, match=said):
        webpage.fetch_html(server + path, max_bytes=1_000_000)


def test_extract_reads_a_compressed_answer_and_names_a_damaged_one(
    server: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_PAGES", str(tmp_path / "pages"))
    # (deflate: trafilatura itself unpacks a gzip page it is handed as bytes, not always so handed)
    assert cli.main(["extract", "--no-cache", server + "/deflate"]) == 0
    out = capsys.readouterr().out
    assert "Rates rise" in out and "central bank" in out
    assert cli.main(["extract", "--no-cache", server + "/damaged"]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and server + "/damaged" in err[0] and "does not decompress" in err[0], captured.err
    assert "Traceback" not in captured.err

"""HTML files and URLs in: trafilatura extraction, stored records, fetch errors, metadata of records."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest
from line_kinds import kinds_of  # tests/line_kinds.py
from local_server import serving  # tests/local_server.py

from factcheck import cli, extract, metadata, webpage
from factcheck.ingest import article_from_record, load
from factcheck.model import MIN_SCORE
from factcheck.pipeline import build

BODY = (
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after engineers found cracks in two of its steel supports. Mayor Ana Ruiz said the closure would last "
    "at least six months while repairs are carried out, and that buses would be rerouted through the "
    "northern tunnel. The bridge carries about 40,000 vehicles a day, according to the transport office."
)
PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Bridge closed | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="Council closes harbour bridge to heavy traffic">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://harbour-times.example/news/bridge">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council closes harbour bridge to heavy traffic</h1>
<p>{BODY}</p>
<p>Shop owners near the bridge said they feared losing customers during the works, and asked the council
for a compensation scheme similar to the one offered during the tunnel repairs in 2019.</p>
</article><footer>Cookie settings. All rights reserved.</footer></body></html>"""
ZH_PAGE = (
    '<html lang="zh"><head><title>新闻</title></head><body><article><h1>城市新闻</h1><p>'
    + "市议会周二投票决定从下个月起禁止重型车辆通过旧港口大桥，因为工程师在两根钢支柱上发现了裂缝。" * 6
    + "</p></article></body></html>"
)

LATIN1_BODY = " ".join(  # (guessed from its bytes, this short page is in cp1257: "dķclarķ")
    ["Le maire a déclaré mardi que le nouveau pont coûtera 40 millions d'euros, selon la mairie de la ville."]
    * 4
)
LATIN1_PAGE = (
    f"<html><head><title>Été</title></head><body><article><p>{LATIN1_BODY}</p></article></body></html>"
)


RELEASE = """Council approves repairs to the old harbour bridge
5 March 2024
The Harbour Council voted on Tuesday to close the old harbour bridge to heavy traffic from 1 April, after engineers found cracks in two steel supports.
Mayor Jane Doe said the repairs would cost 4.2 million euros and take six months, and that the café owners near the bridge would be compensated.
"""


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}
    down: ClassVar[set[str]] = set()  # paths answered 503 for now (a page whose server is down a while)

    def do_GET(self) -> None:
        _Handler.hits[self.path] = _Handler.hits.get(self.path, 0) + 1
        if self.path in _Handler.down:
            self.send_response(503, "Service Unavailable")
            self.end_headers()
            return
        routes = {
            "/article": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/zh": (200, "text/html; charset=utf-8", ZH_PAGE.encode()),
            "/pdf": (200, "application/pdf", b"%PDF-1.4 not a page"),
            "/release.txt": (200, "text/plain; charset=utf-8", RELEASE.encode()),
            "/release-nocharset.txt": (200, "text/plain", RELEASE.encode()),
            "/release-latin1.txt": (200, "text/plain; charset=ISO-8859-1", RELEASE.encode("latin-1")),
            "/release-cp1252.txt": (200, "text/plain", RELEASE.encode("cp1252")),  # (no charset named)
            "/data.json": (200, "application/json", b'{"items": [1, 2]}'),
            "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n not an image"),
            "/empty": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
            "/z%C3%BCrich": (
                200,
                "text/html; charset=utf-8",
                PAGE.encode(),
            ),  # (/zürich, as a browser sends it)
            "/%C3%A9.html": (200, "text/html; charset=utf-8", PAGE.encode()),  # (/é.html)
            "/a%20b.html": (200, "text/html; charset=utf-8", PAGE.encode()),  # (/a b.html)
            "/flaky": (200, "text/html; charset=utf-8", PAGE.encode()),  # (in ``down`` for a while)
        }
        if self.path == "/slow":
            time.sleep(1.5)
            routes[self.path] = (200, "text/html", PAGE.encode())
        if self.path == "/drip":  # a byte every 0.2 s: each read is quick, the page never ends in time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(1000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            return
        if self.path == "/latin1":  # the charset in the header only, as many servers name it
            data = LATIN1_PAGE.encode("cp1252")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=ISO-8859-1")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.path == "/redir":  # a short link to the article
            self.send_response(301, "Moved Permanently")
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path == "/loop":  # a redirect to itself, for ever
            self.send_response(302, "Found")
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        route = self.path.split("?")[0]  # (a query makes another URL of the same page)
        if route not in routes:
            self.send_response(404, "Not Found")
            self.end_headers()
            return
        code, ctype, data = routes[route]
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the timeout test gives up
            self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Handler) as base:
        yield base


def test_html_file_is_read_with_trafilatura(tmp_path: Path) -> None:
    (tmp_path / "bridge.html").write_text(PAGE, encoding="utf-8")
    batch = load([tmp_path])
    assert not batch.errors
    (a,) = batch.articles
    assert "cracks in two of its steel supports" in a.text
    assert "Home" not in a.text.split("\n")  # the menu is not the article
    assert a.title == "Council closes harbour bridge to heavy traffic"
    assert (a.outlet, a.authors, a.published) == ("Harbour Times", ["Jane Doe"], dt.date(2024, 3, 5))
    assert a.url == "https://harbour-times.example/news/bridge"
    assert a.language == "en" and not a.notices


def test_a_big_page_that_gives_a_few_words_says_so(tmp_path: Path) -> None:
    """A 374 KB page of realworld-dev (its article in the page's script data) read as one photo caption, 0
    claims and no word to the reviewer: a big page that gives fewer than LITTLE_TEXT_WORDS words has a notice."""
    caption = "Taiwan's President Tsai Ing-wen waves to supporters in Taipei after her re-election. Photo: AP"
    script = '<script>window.__DATA__ = {"body": "' + "x" * 150_000 + '"};</script>'
    page = (
        "<html><head><title>Playbook</title></head><body>"
        f"{script}<article><h1>Playbook</h1><p>{caption}</p></article></body></html>"
    )
    (tmp_path / "big.html").write_text(page, encoding="utf-8")
    (a,) = load([tmp_path]).articles
    (notice,) = [n for n in a.notices if n.startswith("little text:")]
    assert f"{len(a.text.split())} words found in a" in notice and "KB page" in notice
    (tmp_path / "big.html").unlink()
    (tmp_path / "small.html").write_text(page.replace(script, ""), encoding="utf-8")  # a small page: as it is
    (a,) = load([tmp_path]).articles
    assert not [n for n in a.notices if n.startswith("little text:")]


def test_a_big_page_in_japanese_is_not_called_little_text(tmp_path: Path) -> None:
    """Asahi Shimbun's 202 KB earthquake report (fundus's test pages) gave a whole article and "little text: 12
    words found": Japanese and Chinese write no space between words, so their characters are counted."""
    body = (
        "気象庁は13日、午後9時19分ごろ、日向灘で震度5弱の地震があったと発表した。震源の深さは約30キロ、"
        "地震の規模（マグニチュード）は6.9と推定される。この地震で、気象庁は高知県と宮崎県に1メートルの"
        "津波注意報を出した。"
    )
    script = '<script>window.__DATA__ = {"body": "' + "x" * 150_000 + '"};</script>'
    page = (
        '<html lang="ja"><head><title>宮崎県で震度5弱</title></head><body>'
        f"{script}<article><h1>宮崎県で震度5弱</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    (tmp_path / "ja.html").write_text(page, encoding="utf-8")
    (a,) = load([tmp_path]).articles
    assert "震源の深さ" in a.text
    assert not [n for n in a.notices if n.startswith("little text:")]
    (tmp_path / "ja.html").write_text(
        page.replace(f"<p>{body}</p><p>{body}</p>", f"<p>{body[:60]}</p>"), "utf-8"
    )
    (a,) = load([tmp_path]).articles  # 60 characters of Japanese still are little text
    assert [n for n in a.notices if n.startswith("little text:")]


def test_html_in_another_charset_and_broken_files(tmp_path: Path) -> None:
    de = PAGE.replace('lang="en"', 'lang="de"').replace(
        BODY,
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für den Schwerverkehr zu "
        "sperren, nachdem Ingenieure Risse in zwei Stahlstützen gefunden hatten. Die Bürgermeisterin sagte, "
        "die Sperrung werde mindestens sechs Monate dauern und Busse würden umgeleitet.",
    )
    (tmp_path / "de.html").write_bytes(
        de.replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1", "replace")
    )
    (tmp_path / "empty.htm").write_bytes(b"   \n")
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    batch = load([tmp_path])
    assert [a.key for a in batch.articles] == ["de.html"]
    assert "Stahlstützen" in batch.articles[0].text and batch.articles[0].language == "de"
    reasons = {Path(e.path).name: e.reason for e in batch.errors}
    assert reasons == {"empty.htm": "empty file", "nav.html": "no extractable text on the page"}


def test_url_is_fetched_once_and_stored(server: str, tmp_path: Path) -> None:
    url = f"{server}/article"
    _Handler.hits.clear()
    c1 = build([url], pages_dir=tmp_path, group=False)
    assert not c1.errors and _Handler.hits["/article"] == 1
    (a,) = c1.articles
    assert a.path == url and a.key == url and a.outlet == "Harbour Times"
    stored = webpage.record_path(url, tmp_path)
    rec = json.loads(stored.read_text(encoding="utf-8"))
    assert rec["text"] == a.text and rec["requested-url"] == url and rec["source"]
    c2 = build([url], pages_dir=tmp_path, group=False)  # offline from now on
    assert _Handler.hits["/article"] == 1
    assert [c.id for c in c2.all_claims()] == [c.id for c in c1.all_claims()] and c1.all_claims()
    build([url], pages_dir=tmp_path, group=False, refresh=True)
    assert _Handler.hits["/article"] == 2


def test_a_url_with_letters_outside_ascii_is_fetched_as_a_browser_sends_it(
    server: str, tmp_path: Path
) -> None:
    """A URL as a browser's address bar shows it (``https://de.wikipedia.org/wiki/Zürich``) failed with "cannot
    fetch: 'ascii' codec can't encode character '\\xfc' ...": urllib sent the path as it was. It is sent
    percent-encoded, and the page is kept under that one form of its address (fix28: the address as typed
    made a second record and article of one page, typed the other way), no redirect noted."""
    url = f"{server}/zürich?ort=Zürich"
    sent = f"{server}/z%C3%BCrich?ort=Z%C3%BCrich"
    _Handler.hits.clear()
    c = build([url], pages_dir=tmp_path, group=False)
    assert not c.errors, c.errors
    (a,) = c.articles
    assert a.path == sent and a.outlet == "Harbour Times"
    assert _Handler.hits == {"/z%C3%BCrich?ort=Z%C3%BCrich": 1}
    assert not list(tmp_path.glob("*.redirect"))
    assert json.loads(webpage.record_path(url, tmp_path).read_text(encoding="utf-8"))["requested-url"] == sent


@pytest.mark.parametrize("order", ["typed first", "encoded first"])
def test_both_spellings_of_an_address_are_one_page_one_record_one_article(
    server: str, tmp_path: Path, order: str, capsys
) -> None:
    """``.../é.html`` as an address bar shows it and ``.../%C3%A9.html`` as a page links it were two records
    (named by the address as given) and two articles of one page, fetched twice. One form of the address
    (``urls.canonical_url``) names the record, whichever came first; a batch giving both has one article."""
    typed, encoded = f"{server}/é.html", f"{server}/%C3%A9.html"
    first, second = (typed, encoded) if order == "typed first" else (encoded, typed)
    out = tmp_path / "pages"
    _Handler.hits.clear()
    assert cli.main(["fetch", first, "-o", str(out)]) == 0
    assert cli.main(["fetch", second, "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:] for line in lines] == [["fetched", encoded], ["already stored", encoded]]
    assert _Handler.hits == {"/%C3%A9.html": 1}
    (stored,) = out.iterdir()
    assert json.loads(stored.read_text(encoding="utf-8"))["requested-url"] == encoded
    c = build([first, second], pages_dir=out, group=False)
    assert not c.errors and [a.path for a in c.articles] == [encoded]


def test_a_record_an_earlier_version_named_by_the_typed_address_is_still_read(
    server: str, tmp_path: Path
) -> None:
    """An earlier version named the record of ``.../é.html`` by that spelling (a hash of it): a session relying
    on it reads it offline whichever spelling it gives, and a refresh puts the page under its one name (never
    without a record on the way)."""
    typed, encoded = f"{server}/é.html", f"{server}/%C3%A9.html"
    fresh = tmp_path / "fresh"
    _Handler.hits.clear()
    build([typed], pages_dir=fresh, group=False)
    (made,) = fresh.iterdir()
    older = tmp_path / "older"
    older.mkdir()
    legacy = older / f"127.0.0.1-{hashlib.sha1(typed.encode()).hexdigest()[:12]}.json"  # (its naming then)
    made.rename(legacy)
    for spelling in (typed, encoded):
        assert webpage.record_path(spelling, older) == legacy
        c = build([spelling], pages_dir=older, group=False)
        assert not c.errors and [a.path for a in c.articles] == [encoded]
    assert _Handler.hits == {"/%C3%A9.html": 1}  # offline: nothing fetched again
    path, fetched = webpage.fetch_record(typed, older, refresh=True)
    assert fetched and path.name == webpage.record_name(encoded) and list(older.iterdir()) == [path]


def test_a_url_with_a_space_is_sent_percent_encoded(server: str, tmp_path: Path, capsys, monkeypatch) -> None:
    """``fetch "http://host/a b.html"`` (a space, as an address bar shows it) was refused as "not an http(s)
    URL" and `extract` took it for a missing file: a browser sends it as ``a%20b.html``, and so does factcheck,
    keeping that one form for the record and the article."""
    out = tmp_path / "pages"
    _Handler.hits.clear()
    assert cli.main(["fetch", f" {server}/a b.html", "-o", str(out)]) == 0
    assert capsys.readouterr().out.split("\t")[1:] == ["fetched", f"{server}/a%20b.html\n"]
    assert _Handler.hits == {"/a%20b.html": 1}
    monkeypatch.setenv("FACTCHECK_PAGES", str(out))
    assert cli.main(["extract", "--json", f"{server}/a b.html"]) == 0  # (read from the stored page)
    (doc,) = json.loads(capsys.readouterr().out)["articles"]
    assert doc["path"] == f"{server}/a%20b.html" and doc["claims"]
    assert _Handler.hits == {"/a%20b.html": 1}


def test_a_fragment_names_the_same_page_one_fetch_one_record_one_article(server: str, tmp_path: Path) -> None:
    # "#comments" or a browser's "#:~:text=" highlight is never sent to the server: the same page
    url = f"{server}/article"
    _Handler.hits.clear()
    batch = build([f"{url}#comments", url, f"{url}#:~:text=bridge"], pages_dir=tmp_path, group=False)
    assert not batch.errors and _Handler.hits["/article"] == 1
    assert [a.path for a in batch.articles] == [f"{url}#comments"]  # the name the reviewer gave first
    assert webpage.record_name(f"{url}#x") == webpage.record_name(url)
    assert [p.name for p in tmp_path.iterdir()] == [webpage.record_name(url)]
    build([f"{url}#other"], pages_dir=tmp_path, group=False)  # offline: the page's record is read
    assert _Handler.hits["/article"] == 1


def test_a_record_stored_under_the_whole_url_with_its_fragment_is_still_read(
    server: str, tmp_path: Path
) -> None:
    url = f"{server}/article#comments"
    _Handler.hits.clear()
    first = tmp_path / "first"
    build([url], pages_dir=first, group=False)
    (stored,) = first.iterdir()
    older = tmp_path / "older"  # an earlier version named the record by the whole URL
    older.mkdir()
    legacy = older / webpage._name_of(url)
    stored.rename(legacy)
    assert webpage.record_path(url, older) == legacy
    batch = build([url], pages_dir=older, group=False)
    assert not batch.errors and len(batch.articles) == 1 and _Handler.hits["/article"] == 1


def test_a_redirect_and_its_target_are_one_page_one_record(server: str, tmp_path: Path, capsys) -> None:
    """`fetch URL/redir URL/article` stored the page twice (named by the URL asked for), and reading the pages
    folder gave two articles of one page. The address the redirects end at names the page."""
    out = tmp_path / "pages"
    _Handler.hits.clear()
    assert cli.main(["fetch", f"{server}/redir", f"{server}/article", "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1] for line in lines] == ["fetched", "already stored"]
    (saved,) = out.glob("*.json")
    assert saved.name == webpage.record_name(f"{server}/article") and _Handler.hits["/article"] == 1
    assert cli.main(["extract", "--json", str(out)]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 1
    batch = build([f"{server}/redir"], pages_dir=out, group=False)  # offline: the note leads to the record
    assert not batch.errors and len(batch.articles) == 1 and _Handler.hits == {"/redir": 1, "/article": 1}
    assert webpage.fetch_record(f"{server}/redir", out, refresh=True)[0] == saved
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [saved.name, webpage.record_name(f"{server}/redir").replace(".json", webpage.REDIRECT_SUFFIX)]
    )


def test_a_redirect_and_its_target_given_together_are_one_article(server: str, tmp_path: Path) -> None:
    """`extract SHORT TARGET` read the one stored page twice: two articles, the second flagged a copy."""
    _Handler.hits.clear()
    batch = build([f"{server}/redir", f"{server}/article"], pages_dir=tmp_path, group=False)
    assert not batch.errors and [a.path for a in batch.articles] == [f"{server}/redir"]
    assert _Handler.hits["/article"] == 1
    both = build(
        [f"{server}/article", tmp_path], pages_dir=tmp_path, group=False
    )  # its record, given as a file too
    assert not both.errors and len(both.articles) == 1


def test_a_page_not_in_utf8_is_read_in_the_charset_its_server_or_markup_names(
    server: str, tmp_path: Path
) -> None:
    """A French page served as "text/html; charset=ISO-8859-1" with no <meta charset> read "Le maire a dķclarķ":
    trafilatura guesses a page's encoding and never reads what the server or the page declares. A saved page
    declaring it in a <meta> (trafi_extra's mix1.de: "\x84Brave New Woman\x93") the same."""
    (a,) = build([f"{server}/latin1"], pages_dir=tmp_path / "pages", group=False).articles
    assert a.text.strip() == LATIN1_BODY and a.title == "Été"
    quoted = "Das Album „Brave New Woman“ erschien am Freitag … und kam auf Platz drei der Charts, sagte die Sängerin."
    page = PAGE.replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    )
    (tmp_path / "de.html").write_bytes(page.replace(BODY, quoted).encode("cp1252"))
    (b,) = load([tmp_path / "de.html"]).articles
    assert quoted in b.text
    assert (
        webpage.page_text(b"caf\xc3\xa9 <meta charset=latin-1>") == b"caf\xc3\xa9 <meta charset=latin-1>"
    )  # UTF-8


def test_fetch_errors_name_the_url_and_the_batch_goes_on(server: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(webpage, "TIMEOUT", 0.5)
    urls = [f"{server}/{p}" for p in ("article", "missing", "pdf", "empty", "slow", "loop", "drip")]
    batch = load(urls, pages_dir=tmp_path)
    assert [a.path for a in batch.articles] == [urls[0]]
    reasons = {e.path: e.reason for e in batch.errors}
    assert reasons[urls[1]] == "HTTP error 404 Not Found"
    assert reasons[urls[2]] == "not a web page (the server sent application/pdf)"
    assert reasons[urls[3]] == "no extractable text on the page"
    assert reasons[urls[4]].startswith("timed out after 0.5 s")
    assert reasons[urls[5]] == "too many redirects (HTTP 302 Found)"  # one line, not urllib's three
    assert reasons[urls[6]] == "timed out after 0.5 s"  # the whole page, not each read of it
    assert not webpage.record_path(urls[1], tmp_path).exists()


def test_a_plain_text_url_is_read_as_the_same_text_saved_as_a_txt_file(server: str, tmp_path: Path) -> None:
    """A press release served as text/plain was refused as "not a web page (the server sent text/plain)",
    though the same text saved as a .txt is read. It is read so (the charset the server names, else UTF-8,
    else the refusal a non-UTF-8 .txt gets) and stored: read again offline. Other answers stay refused."""
    (tmp_path / "release.txt").write_text(RELEASE, encoding="utf-8")
    (saved,) = load([tmp_path / "release.txt"]).articles
    pages = tmp_path / "pages"
    urls = [f"{server}/{p}" for p in ("release.txt", "release-nocharset.txt", "release-latin1.txt")]
    batch = load(
        [*urls, f"{server}/release-cp1252.txt", f"{server}/data.json", f"{server}/photo.png"], pages_dir=pages
    )
    assert [a.path for a in batch.articles] == urls
    for a in batch.articles:
        assert (a.text, a.title, a.published) == (saved.text, saved.title, saved.published)
        assert a.url == a.path and "café" in a.text
    reasons = {e.path.rsplit("/", 1)[1]: e.reason for e in batch.errors}
    assert reasons == {
        "release-cp1252.txt": f"plain text: not valid UTF-8 (byte 0xe9 at offset {RELEASE.index('é')}): save it"
        " as UTF-8 to read it",  # (as the same .txt file says)
        "data.json": "not a web page (the server sent application/json)",
        "photo.png": "not a web page (the server sent image/png)",
    }
    hits = _Handler.hits.get("/release.txt", 0)
    assert webpage.record_path(urls[0], pages).is_file()
    (again,) = load([urls[0]], pages_dir=pages).articles  # (from its stored copy: not fetched again)
    assert again.text == saved.text and _Handler.hits["/release.txt"] == hits


def test_fetch_command_saves_pages_and_exit_code(server: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "pages"
    rc = cli.main(["fetch", f"{server}/article", f"{server}/missing", "-o", str(out)])
    cap = capsys.readouterr()
    assert rc == 1
    assert f"factcheck: {server}/missing: HTTP error 404 Not Found" in cap.err.splitlines()
    assert "Traceback" not in cap.err
    (saved,) = out.glob("*.json")
    assert saved.name.startswith("127.0.0.1-") and "fetched" in cap.out
    assert cli.main(["fetch", f"{server}/article", "-o", str(out)]) == 0
    assert "already stored" in capsys.readouterr().out
    assert cli.main(["fetch", "ftp://example.org/x", "-o", str(out)]) == 2
    # the stored folder is an ordinary input from then on
    assert cli.main(["extract", "--json", str(out)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["articles"][0]["language"] == "en" and "steel supports" in doc["articles"][0]["text"]


def test_unsupported_script_gets_a_notice_not_a_silent_empty_article(server: str, tmp_path: Path, capsys):
    url = f"{server}/zh"
    corpus = build([url], pages_dir=tmp_path, group=False)
    (a,) = corpus.articles
    assert a.language == "zh"
    assert a.notices == ["zh: no claims extracted: language not supported"]
    assert corpus.claims[a.key] == []
    (tmp_path / "zh.html").write_text(ZH_PAGE, encoding="utf-8")
    assert cli.main(["extract", str(tmp_path / "zh.html")]) == 0
    assert "zh.html: zh: no claims extracted: language not supported" in capsys.readouterr().err


def test_trafilatura_record_keys_site_name_and_url() -> None:
    rec = {
        "title": "DenkanStoos April 2012",
        "author": "Bjoernlinder",
        "hostname": "wordpress.com",
        "sitename": None,
        "source": "https://denkanstoos.wordpress.com/2012/04/11/denkanstoos-april-2012/",
        "source-hostname": "DenkanStoos Hamburg",
        "date": "2012-04-11",
        "filedate": "2026-12-02",
        "language": "de",
        "text": "Am Mittwoch treffen sich die Mitglieder der Gruppe wieder in Hamburg, sagte der Sprecher.",
    }
    a = article_from_record(rec, path="r.json", key="r.json")
    assert a.url == rec["source"] and a.outlet == "DenkanStoos Hamburg"
    assert (a.published, a.crawled, a.language) == (dt.date(2012, 4, 11), dt.date(2026, 12, 2), "de")
    rec2 = dict(rec, **{"source-hostname": "denkanstoos.wordpress.com"})
    assert article_from_record(rec2, path="r", key="r").outlet == "denkanstoos.wordpress.com"
    rec3 = {k: v for k, v in rec.items() if k not in ("source", "source-hostname")}
    assert article_from_record(rec3, path="r", key="r").outlet == "wordpress.com"


def test_newsplease_record_keys() -> None:
    rec = {
        "authors": ["No Author", "Ana Ruiz"],
        "date_publish": "2023-11-02 10:00:00",
        "date_download": "2023-11-03 08:00:00",
        "source_domain": "www.news.example.org",
        "url": "https://www.news.example.org/a",
        "language": "en",
        "title": "A",
        "description": "Council raises levy",
        "maintext": "The council voted 7-2 on Thursday to raise the levy by 3 percent.",
    }
    a = article_from_record(rec, path="n", key="n")
    assert (a.outlet, a.authors, a.published, a.crawled) == (
        "news.example.org",
        ["Ana Ruiz"],
        dt.date(2023, 11, 2),
        dt.date(2023, 11, 3),
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("No Author", []),
        ("Staff", []),
        ("admin", []),
        ("CBS News February", ["CBS News"]),
        ("Süddeutsche de GmbH; Munich; Germany", []),
        (
            "Frankfurter Allgemeine Zeitung GmbH; Benjamin Fischer; Marcus Theurer",
            ["Benjamin Fischer", "Marcus Theurer"],
        ),
        ("View all posts by Daniel Lemire", ["Daniel Lemire"]),
        ("Autor; In Korinna Hennig", ["Korinna Hennig"]),
        ("Rechtsanwalt Dennis Tölle", ["Dennis Tölle"]),
        ("Zum Profil von Anna Weber", ["Anna Weber"]),
        ("By EDUARDO PORTER. Email: eporter@nytimes.com,Twitter: @portereduardo", ["EDUARDO PORTER"]),
        ("By ALEXANDRA ALTER. Follow Alexandra Alter on Twitter @xanalter.", ["ALEXANDRA ALTER"]),
        ("Jane Doe; Zachary Wichter contributed research.", ["Jane Doe"]),
        ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe"]),
        ("George W.", ["George W."]),
        ("Www Medianotions De", []),
        (
            "Marcus Bensmann; Justus von Daniels; Ulrich Stoll",
            ["Marcus Bensmann", "Justus von Daniels", "Ulrich Stoll"],
        ),
        ("Ana Ruiz and Bo Chen", ["Ana Ruiz", "Bo Chen"]),
        ("Ana Ruiz, Bo Chen", ["Ana Ruiz", "Bo Chen"]),
        ("Gina Glantz, Julie Burton, and Debbie Walsh", ["Gina Glantz", "Julie Burton", "Debbie Walsh"]),
        ("Gregory Korte,, Susan Page, and David Jackson", ["Gregory Korte", "Susan Page", "David Jackson"]),
        ("Jean-Pierre Dupont", ["Jean-Pierre Dupont"]),
        ("Kulu Media News Desk", ["Kulu Media News Desk"]),
        ("Lindsey O'Donnell", ["Lindsey O'Donnell"]),
    ],
)
def test_authors_split_on_real_separators_and_junk_dropped(raw: str, expected: list[str]) -> None:
    assert metadata.split_authors(raw) == expected


@pytest.mark.parametrize(
    ("name", "host", "expected"),
    [
        ("SPIEGEL ONLINE, Hamburg, Germany", "spiegel.de", "SPIEGEL ONLINE"),
        ("Wikimedia Foundation, Inc.", "wikipedia.org", "Wikimedia Foundation"),
        ("News zu VR, AR und KI | MIXED.de", "mixed.de", "MIXED.de"),
        ("INCURVY Plus-Size Fashion - BLOG", "incurvy.de", "INCURVY Plus-Size Fashion"),
        ("Martina Berg - Lady 50plus", "lady50plus.de", "Lady 50plus"),
        ("Vancouver Sun", "vancouversun.com", "Vancouver Sun"),
        (
            "Copyright 2003 - 2019 by speicherguide.de GbR Karl Fröhlich, Ulrike Haak",
            "speicherguide.de",
            "speicherguide.de",
        ),
    ],
)
def test_site_names_cleaned(name: str, host: str, expected: str) -> None:
    assert metadata.clean_site_name(name, host) == expected


def test_record_date_kept_but_a_disagreeing_dateline_is_said() -> None:
    rec = {
        "title": "Storm",
        "date": "2020-01-16",
        "text": "Published 14.01.2020\nThe storm closed the airport on Monday, officials said in a statement.",
        "language": "en",
    }
    a = article_from_record(rec, path="s", key="s")
    assert a.published == dt.date(2020, 1, 16)
    assert a.published_source == "record; the text's dateline says 2020-01-14"
    assert any("2020-01-14" in n for n in a.notices)


def test_language_from_record_else_detected() -> None:
    de = "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für den Schwerverkehr zu sperren."
    assert article_from_record({"text": de}, path="x", key="x").language == "de"
    assert article_from_record({"text": de, "language": "de-AT"}, path="x", key="x").language == "de"


# ---- issue #13 cases: markers read ahead, crawl stamps, dates in other languages, raw page text -------------


def test_a_related_line_mid_article_does_not_end_it() -> None:
    text = (
        "Microsoft moves to erase its carbon footprint\n"
        "Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030.\n"
        "Related\n"
        "The announcement by the world's largest software company is the latest in a flurry of climate goals "
        "set out by firms after the Paris Agreement.\n"
        "The plan includes the creation of a Climate Innovation Fund, which will invest US$1 billion over the "
        "next four years to speed up the development of carbon removal technology.\n"
        "Related stories\n"
        "Amazon pledges net zero by 2040\n"
        "Google buys wind power in Chile\n"
        "Apple to cut supplier emissions\n"
    )
    k = kinds_of(text, "en")
    assert k["Related"] == ("furniture", "page chrome")
    assert (
        k[
            "The plan includes the creation of a Climate Innovation Fund, which will invest US$1 billion over the "
            "next four years to speed up the development of carbon removal technology."
        ][0]
        == "body"
    )
    assert k["Amazon pledges net zero by 2040"] == ("furniture", "after end-of-article marker")


def test_a_paragraph_opening_with_today_is_prose_not_a_crawl_stamp() -> None:
    lede = (
        "Today, on Wikipedia's 19th birthday, 15 January 2020, access to Wikipedia in Turkey is actively being "
        "restored, following a ruling by the Turkish Constitutional Court."
    )
    k = kinds_of(
        f"Access restored\n{lede}\nThe Foundation welcomed the ruling in a statement.\nToday: 10 March 2025\n",
        "en",
    )
    assert k[lede] == ("body", "")
    assert k["Today: 10 March 2025"] == ("meta", "crawl date")


def test_a_comment_share_bar_before_the_first_paragraph_keeps_the_article() -> None:
    body = [
        f"Paragraph {i}: the council said on Monday that the new bridge would open in May, after two years of works."
        for i in range(5)
    ]
    text = "Bridge to open in May\nComment\nShare\n" + "\n".join(body) + "\n"
    k = kinds_of(text, "en")
    assert all(k[b] == ("body", "") for b in body)


@pytest.mark.parametrize(
    ("line", "lang", "date"),
    [
        ("14. Januar 2020, 9:21 Uhr", "de", dt.date(2020, 1, 14)),
        ("Publié le 14/01/2020 à 06:25", "fr", dt.date(2020, 1, 14)),
        ("Published 19.01.2020", "en", dt.date(2020, 1, 19)),
        ("24 September 2019", "en", dt.date(2019, 9, 24)),
        ("July 30, 2019 1:16 pm", "en", dt.date(2019, 7, 30)),
        ("21 August 2019, 7:40am", "en", dt.date(2019, 8, 21)),
        ("Publicado el 3 de mayo de 2022, 10:00", "es", dt.date(2022, 5, 3)),
        ("Publicado em 20 de setembro de 2023", "pt", dt.date(2023, 9, 20)),
    ],
)
def test_visible_date_lines_give_the_publication_date_in_any_language(
    line: str, lang: str, date: dt.date
) -> None:
    from factcheck.ingest import classify_lines

    text = f"Headline of the story here\n{line}\nThe council voted on the plan after a long debate, the mayor said on Monday.\n"
    segs, info = classify_lines(text, lang)
    assert info["published"] == date
    assert [s.kind for s in segs][1] == "meta"  # a byline line is meta, never a claim


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Lea también: El Gobierno aprueba el presupuesto", "es"),
        ("Weiterlesen: Die Bahn erhöht die Preise", "de"),
        ("Lesen Sie auch", "de"),
        ("Foto: dpa/Michael Kappeler", "de"),
        ("Accueil > Actualités > Politique", "fr"),
        ("Send Facebook Twitter google+ Whatsapp", "en"),
        ("All quotes delayed a minimum of 15 minutes.", "en"),
        (
            "You are using a browser version with limited support for CSS. To obtain the best experience, we recommend you use a more up to date browser.",
            "en",
        ),
        ("The administrator of your personal data will be Example Media Ltd, based in Warsaw.", "en"),
        ("Update July 3rd, 8:05AM ET: Apple has confirmed the feature will ship in the final release.", "en"),
        ("This article originally appeared on Grist.", "en"),
    ],
)
def test_raw_page_furniture_in_five_languages(line: str, lang: str) -> None:
    body = "The council voted on the plan after a long debate on Monday, the mayor told reporters."
    text = f"Headline of the story here\n{body}\n{line}\n{body.replace('Monday', 'Tuesday')}\n"
    assert kinds_of(text, lang)[line][0] == "furniture"


def test_titles_are_never_taken_from_navigation() -> None:
    text = (
        "Microsoft moves to erase its carbon footprint | Vancouver Sun\n"
        "Skip to navigation\nSkip to content\nNews\nAll News\nDiscover Thomson Reuters\nLocal News\nOpinion\n"
        "Microsoft moves to erase its carbon footprint\n"
        "Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030.\n"
    )
    from factcheck.ingest import classify_lines

    _segs, info = classify_lines(text, "en")
    assert info["title"] == "Microsoft moves to erase its carbon footprint"


def test_comment_threads_after_the_article_are_furniture() -> None:
    text = (
        "Abmahnungen gegen Fotografen\n"
        "Die Kanzlei verschickte nach Angaben der Betroffenen seit 2015 mehr als 500 Abmahnungen an Fotografen.\n"
        "Das Gericht soll im Herbst über die Klagen entscheiden, sagte eine Sprecherin am Montag in Berlin.\n"
        "12 Kommentare\n"
        "Max Mustermann sagt:\n"
        "23. Juni 2016 um 13:54\n"
        "Nun ja, ich hatte 2015 auch eine Abmahnung von ihm im Briefkasten und habe lange mit der Kanzlei gestritten.\n"
        "Antworten\n"
    )
    k = kinds_of(text, "de")
    assert (
        k[
            "Das Gericht soll im Herbst über die Klagen entscheiden, sagte eine Sprecherin am Montag in Berlin."
        ][0]
        == "body"
    )
    assert k[
        "Nun ja, ich hatte 2015 auch eine Abmahnung von ihm im Briefkasten und habe lange mit der Kanzlei gestritten."
    ] == (
        "furniture",
        "after end-of-article marker",
    )


def test_a_url_session_is_named_after_the_site_and_review_prefetches(
    server: str, tmp_path: Path, monkeypatch
) -> None:
    assert cli.default_session_for(["https://www.example.org/news/a"]).name == "example.org.toml"
    pages = tmp_path / "pages"
    monkeypatch.setenv("FACTCHECK_PAGES", str(pages))
    monkeypatch.chdir(tmp_path)
    errors = cli.prefetch([f"{server}/article", f"{server}/missing", "notes.txt"])
    assert [e.reason for e in errors] == ["HTTP error 404 Not Found"]
    assert webpage.record_path(f"{server}/article") == pages / webpage.record_name(f"{server}/article")
    assert webpage.record_path(f"{server}/article").is_file()
    assert not (tmp_path / "fetched").exists()  # never a folder under the working folder


def test_pages_folder_is_one_place_whatever_the_working_folder(
    server: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    from factcheck.review import Review

    pages = tmp_path / "data" / "pages"
    monkeypatch.setenv("FACTCHECK_PAGES", str(pages))
    url = f"{server}/article?one-place"
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    monkeypatch.chdir(a)
    assert cli.main(["fetch", url]) == 0  # `fetch` with no -o stores in the pages folder too
    assert "fetched" in capsys.readouterr().out
    hits = _Handler.hits.get("/article?one-place", 0)
    assert hits == 1 and list(pages.glob("127.0.0.1-*.json"))
    monkeypatch.chdir(b)  # another working folder: extract reads the stored page, offline
    assert cli.main(["extract", "--json", url]) == 0
    assert "steel supports" in json.loads(capsys.readouterr().out)["articles"][0]["text"]
    # a session made with the URL keeps it as a URL and reopens from anywhere without fetching again
    session = tmp_path / "sessions" / "web.toml"
    r = Review.open(session, [url], reviewer="t")
    r.save()
    r.close()
    monkeypatch.chdir(a)
    r = Review.open(session, reviewer="t")
    try:
        assert [x.url for x in r.corpus.articles] == ["https://harbour-times.example/news/bridge"]
    finally:
        r.close()
    assert url in session.read_text(encoding="utf-8")
    assert _Handler.hits["/article?one-place"] == hits
    assert not (a / "fetched").exists() and not (b / "fetched").exists()


def test_raw_page_title_line_gives_the_headline_and_the_site() -> None:
    from factcheck.ingest import article_from_text

    text = (
        "Council closes harbour bridge | Harbour Times\n"
        "Skip to content\nNews\nSport\n"
        "Council closes harbour bridge\n"
        "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.\n"
        "Engineers found cracks in two of its steel supports, the mayor said at a news conference.\n"
    )
    a = article_from_text(text, path="p.txt", key="p.txt")
    assert (a.title, a.outlet) == ("Council closes harbour bridge", "Harbour Times")


# ---- property tests: parsers never raise, segments tile the text, names stay inside the input ------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINE = st.one_of(
    st.sampled_from(
        [
            "Related",
            "Kommentare",
            "Comments (3)",
            "Max sagt:",
            "Antworten",
            "Von Ana Ruiz",
            "By Jane Doe | 14 June 2023",
            "Published 19.01.2020",
            "Heute: 10. März 2025",
            "Foto: dpa",
            "Lesen Sie auch",
            "Home > News",
            "Share Facebook Twitter",
            "The council voted on Monday to close the bridge, the mayor said in a statement to reporters.",
            "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für den Verkehr zu sperren, sagte sie.",
            "",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=25), st.sampled_from([None, "en", "de", "fr", "es", "pt", "zh"]))
def test_classify_lines_never_raises_and_segments_are_ordered(lines: list[str], lang: str | None) -> None:
    from factcheck.ingest import classify_lines

    text = "\n".join(lines)
    segs, _info = classify_lines(text, lang)
    pos = 0
    for s in segs:
        assert pos <= s.start <= s.end <= len(text)
        assert s.kind in ("body", "title", "meta", "furniture")
        assert s.kind != "furniture" or s.reason  # nothing excluded without a reason
        pos = s.end


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(st.text(max_size=40), max_size=5)))
def test_authors_never_raise_and_come_from_the_input(raw: str | list[str]) -> None:
    names = metadata.split_authors(raw)
    joined = " ".join(raw) if isinstance(raw, list) else raw
    squashed = " ".join(joined.split())
    for n in names:
        assert n and all(w in squashed for w in n.split())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_site_names_and_record_names_never_raise(s: str) -> None:
    metadata.clean_site_name(s, "example.org")
    url = "https://example.org/" + s.replace(" ", "%20")
    name = webpage.record_name(url)
    assert name == webpage.record_name(url) and name.endswith(".json") and "/" not in name


def test_an_ellipsis_cliffhanger_inside_the_article_is_body_but_a_teaser_is_not() -> None:
    cliff = "Man hätte sich ärgern können, den Termin überhaupt als solchen wahrgenommen zu haben, schrieb sie. Doch…"
    nxt = "Die fachkundige Gesprächspartnerin erklärte dann ausführlich, warum der Duschkopf auf langen Reisen so wichtig ist."
    teaser = "Unions said on Monday that the stoppage would last until Friday unless talks resume within the…"
    text = (
        f"Ein Presse-Event der Extraklasse\n{nxt}\n{cliff}\n{nxt.replace('dann', 'später')}\n"
        f"Related stories\nStrike halts ferries across the North Sea\n{teaser}\n5 hours ago\n"
    )
    k = kinds_of(text, "de")
    assert k[cliff] == ("body", "")
    assert k[teaser][0] == "furniture"


@pytest.mark.parametrize(
    ("line", "lang", "date"),
    [
        (
            "Veröffentlicht am 6. Juli 2015 von Mark Hosak — Hinterlasse eine Antwort",
            "de",
            dt.date(2015, 7, 6),
        ),
        ("19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare", "de", dt.date(2007, 6, 19)),
        ("23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen", "de", dt.date(2016, 6, 23)),
    ],
)
def test_a_date_line_with_a_byline_glued_on(line: str, lang: str, date: dt.date) -> None:
    from factcheck.ingest import classify_lines

    text = f"Headline of the story here\n{line}\nDer Stadtrat stimmte am Montag nach einer langen Debatte für den Plan, sagte der Bürgermeister.\n"
    segs, info = classify_lines(text, lang)
    assert info["published"] == date and segs[1].kind == "meta"


def test_a_sentence_opening_with_a_date_stays_body() -> None:
    from factcheck.ingest import classify_lines

    line = "14. Januar 2020 war ein kalter Tag in Berlin."
    text = f"Headline of the story here\nDer Stadtrat stimmte am Montag nach einer langen Debatte für den Plan, sagte er.\n{line}\n"
    segs, _info = classify_lines(text, "de")
    assert [s.kind for s in segs if text[s.start : s.end] == line] == ["body"]


def test_unrendered_template_lines_are_furniture_listed_with_their_reason(tmp_path: Path) -> None:
    """lanouvellerepublique.fr: "{{nrco.contentDetailController.content.lastUpdateUser.fullName}} -
    {{... | date : 'dd/MM/yyyy'}}" was shown as a claim (with "1000" as a time): a saved page keeps its
    client-side templates unfilled, and a line of nothing but template expressions is no text of the page.
    It is page furniture, listed with its reason (it was dropped from the text unlisted: nothing a page holds
    leaves the article without a reason), and no claim."""
    paragraphs = f"<p>{BODY}</p>"
    page = (
        "<html><head><title>Council closes harbour bridge</title></head><body><article>"
        "<h1>Council closes harbour bridge</h1>"
        "<p>{{ctrl.content.author.fullName}} - {{ctrl.content.time*1000 | date : 'dd/MM/yyyy'}}</p>"
        f"{paragraphs}<p>The fee is {{{{ price }}}} euros, the council said on Monday.</p>"
        "</article></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (a,) = load([tmp_path]).articles
    at = a.text.index("{{ctrl.content.author")
    end = a.text.index("\n", at)
    assert [(s.start, s.end, s.reason) for s in a.furniture_segments if s.start <= at < s.end] == [
        (at, end, "unrendered page template")
    ]
    claims = extract.extract(a)
    assert claims and not any("ctrl.content" in c.text for c in claims)
    assert any(
        "{{ price }}" in c.text for c in claims
    )  # inside a sentence it stays: the line is the page's text


@pytest.mark.parametrize("name", ["|", " | ", "- | -", "»", "© ·"])
def test_a_site_name_of_punctuation_is_no_outlet(name: str) -> None:
    """schleifen.ucoz.de (realworld-dev) was listed with the outlet "|": a site's name holds a letter or a
    digit, punctuation alone names nothing (the outlet falls back to the domain, or stays unknown)."""
    assert metadata.clean_site_name(name, "schleifen.ucoz.de") is None
    rec = {"sitename": name, "text": BODY, "source": "http://schleifen.ucoz.de/blog/briefe/2010-10-26-18"}
    assert article_from_record(rec, path="p.json", key="p.json").outlet == "schleifen.ucoz.de"


def test_a_headline_given_as_the_site_name_is_no_outlet() -> None:
    """trafilatura writes the page's title as `source-hostname` when the page names no site: exxpress.at's
    article was listed under the outlet "Zähne zusammenbeißen: Festspiel-Reisen von Van der Bellen kosteten
    57.000 Euro", nytimes.com's under "Fraud Charges for Dipak K. Das, ...". A title that long is a headline:
    the outlet is the domain. A site whose title is its short name keeps it."""
    headline = "Protokoll der Vorstandssitzung vom 10. Oktober 2019"
    rec = {
        "title": headline,
        "source-hostname": headline,
        "text": BODY,
        "source": "https://www.talent.ch/?p=5031",
    }
    assert metadata.outlet_of(rec, metadata.url_of(rec)) == "talent.ch"
    # without a URL: the record's host, never the headline in lower case
    rec = {"title": headline, "source-hostname": headline, "hostname": "talent.ch", "text": BODY}
    assert metadata.outlet_of(rec, None) == "talent.ch"
    rec = {"title": headline, "source-hostname": headline, "text": BODY}
    assert metadata.outlet_of(rec, None) is None
    # a short name that is the whole title, and a title holding the site's name after a separator
    rec = {"title": "BMJV", "source-hostname": "BMJV", "text": BODY, "source": "https://www.bmjv.de/x"}
    assert metadata.outlet_of(rec, metadata.url_of(rec)) == "BMJV"
    title = "Cup-Vorschau: Beim BSV Stans freut man sich auf ein Bruderduell - Handball Schweiz"
    rec = {"title": title, "source-hostname": title, "text": BODY, "source": "https://www.handball.ch/a"}
    assert metadata.outlet_of(rec, metadata.url_of(rec)) == "Handball Schweiz"


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ([{"name": "Jane Doe"}, {"name": "John Roe"}], ["Jane Doe", "John Roe"]),
        ({"@type": "Person", "name": "Jane Doe"}, ["Jane Doe"]),
        (
            [{"@type": "Person", "name": "Jane Doe"}, "John Roe", {"url": "https://x.example"}, None],
            ["Jane Doe", "John Roe"],
        ),
    ],
)
def test_authors_given_as_objects_with_a_name(authors: object, expected: list[str]) -> None:
    """A record whose `authors` are objects (schema.org's Person: {"@type": "Person", "name": "Jane Doe"})
    listed the authors "{'name': 'Jane Doe'}" and "{'name': 'John Roe'}"."""
    assert metadata.split_authors(authors) == expected
    rec = {"title": "T", "text": BODY, "authors": authors}
    assert article_from_record(rec, path="a.json", key="a.json").authors == expected


TABLE_PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Child seats tested | Harbour Times</title>
<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head><body><article>
<h1>Child seats tested</h1><p>{BODY}</p>
<table><thead><tr><th>Model</th><th>Price</th><th>Grade</th></tr></thead><tbody>
<tr><td>up to 4 years</td><td></td><td></td></tr>
<tr><td>Osann Fox</td><td>189 euros</td><td>5.5</td></tr>
<tr><td>Cybex Pallas S-Fix</td><td>300 euros</td><td>2.1 | good</td></tr>
</tbody></table>
<p>Shop owners near the bridge said they feared losing customers during the works, and asked the council
for a compensation scheme similar to the one offered during the tunnel repairs in 2019.</p>
</article></body></html>"""


def test_a_pages_table_reads_as_rows_of_cells_not_markdown_pipes(tmp_path: Path) -> None:
    """trafilatura writes a table as Markdown: "| Osann Fox | 189 euros | 5.5 | " under a "|---|---|---|"
    line, and the reading pane showed those pipes. Each row now reads as its cells joined by " · " (empty
    cells left out, a cell's own "|" kept), the head's rule line goes, and every offset indexes that text."""
    page = tmp_path / "seats.html"
    page.write_text(TABLE_PAGE, encoding="utf-8")
    batch = build([page], pages_dir=tmp_path / "pages", group=False)
    art = batch.articles[0]
    lines = art.text.splitlines()
    assert "Model · Price · Grade" in lines and "up to 4 years" in lines
    assert "Osann Fox · 189 euros · 5.5" in lines and "Cybex Pallas S-Fix · 300 euros · 2.1 | good" in lines
    assert not any(ln.startswith("|") or "---" in ln for ln in lines), lines
    claims = batch.claims[art.key]
    assert claims and not any(c.text.startswith("|") for c in claims)
    # the data rows stay candidates under the threshold, never claims
    rows = [c for c in claims if "euros" in c.text]
    assert len(rows) == 2 and all(c.score < MIN_SCORE for c in rows), rows
    for c in claims:
        assert art.text[c.start : c.end] == c.text
    for s in art.segments:
        assert 0 <= s.start < s.end <= len(art.text)


def test_a_failed_fetch_note_beside_a_stored_copy_says_that_copy_is_read_and_goes_once_a_fetch_works(
    server: str, tmp_path: Path
) -> None:
    """A refresh that failed left NAME.failed ("2026-12-07T16:20Z <tab> cannot connect ...") beside the good
    record of the page: a person listing the pages folder read the page as lost. The note now says the stored
    copy (when it was fetched) is the one read until a fetch works; commands reading the stored pages read that
    copy with no error; the next fetch that works removes the note."""
    url = f"{server}/flaky"
    path, fetched = webpage.fetch_record(url, tmp_path)
    assert fetched and not list(tmp_path.glob("*.failed"))
    stored_when = json.loads(path.read_text(encoding="utf-8"))["fetched"]
    _Handler.down.add("/flaky")
    try:
        with pytest.raises(webpage.RefreshFailed, match="503"):
            webpage.fetch_record(url, tmp_path, refresh=True)
        (note,) = tmp_path.glob("*.failed")
        first, second = note.read_text(encoding="utf-8").splitlines()
        assert "\tHTTP error 503 Service Unavailable" in first
        assert f"the copy stored {stored_when} ({path.name}) is read until a fetch of {url} works" in second
        why, when = webpage.last_failure(url, tmp_path) or ("", "")
        assert why == "HTTP error 503 Service Unavailable" and when == first.split("\t")[0]
        corpus = build([url], pages_dir=tmp_path, group=False)  # (status, report: the stored pages only)
        assert not corpus.errors and len(corpus.articles) == 1
        assert webpage.fetch_record(url, tmp_path) == (path, False)  # (no refresh: the copy, the note stays)
        assert note.is_file()
    finally:
        _Handler.down.discard("/flaky")
    assert webpage.fetch_record(url, tmp_path, refresh=True) == (path, True)
    assert not note.exists() and webpage.last_failure(url, tmp_path) is None


def test_a_refresh_that_fails_reads_the_stored_copy_and_says_so(server: str, tmp_path: Path, capsys) -> None:
    """`extract --refresh URL` with the page gone (or its server down) dropped the article, though a copy of it
    was stored: exit 2, nothing read. The copy is read, the failed fetch named, exit 1 (partial)."""
    url = f"{server}/missing"
    good = build([f"{server}/article"], pages_dir=tmp_path, group=False)
    stored = webpage.record_path(f"{server}/article", tmp_path)
    # the copy a fetch stored when the page was still there (it is a 404 now)
    webpage.record_path(url, tmp_path).write_text(stored.read_text(encoding="utf-8"), encoding="utf-8")
    corpus = build([url], pages_dir=tmp_path, group=False, refresh=True)
    assert [a.text for a in corpus.articles] == [a.text for a in good.articles]
    (error,) = corpus.errors
    assert error.path == url and error.reason.startswith(
        "not fetched again (HTTP error 404 Not Found); its copy"
    )
    assert webpage.record_path(url, tmp_path).is_file()  # the copy stays
    webpage.record_path(url, tmp_path).write_text('{"text": "cut sh', encoding="utf-8")
    (error,) = build([url], pages_dir=tmp_path, group=False, refresh=True).errors  # one line, not two
    assert error.reason.startswith(
        "not fetched again (HTTP error 404 Not Found), and its stored record is not"
    )
    with pytest.raises(webpage.PageError, match="404"):  # (no copy stored: the error as before)
        webpage.fetch_record(f"{server}/missing2", tmp_path, refresh=True)
    rc = cli.main(["fetch", url, "--refresh", "-o", str(tmp_path)])
    assert rc == 2 and capsys.readouterr().err.strip().endswith(", kept")

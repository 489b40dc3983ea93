"""Command line: ``factcheck [review] [PATH ...]``, ``extract``, ``groups``, ``times`` and friends.

Exit codes: 0 success, 1 partial (some inputs unreadable), 2 usage error or nothing readable.
Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import itertools
import math
import os
import shlex
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from factcheck import __version__
from factcheck.interrupts import Ended, as_at_start, ending_signals, say_ended
from factcheck.model import InputError
from factcheck.parallel import WorkerDied
from factcheck.textout import cells, clipped, inert, inert_output, json_lines, json_text, one_line, raw_stream

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = (
    141  # standard output closed early (`| head`): 128 + SIGPIPE, as the shell shows a piped-out command
)

# Modules that add subcommands: each has ``register(subparsers)``; handlers are set with set_defaults(func=...).
EXTENSIONS = ("factcheck.cli_session", "factcheck.cli_report", "factcheck.cli_memory")


class UsageError(Exception):
    """A problem with the command line or its inputs; printed as one line, exit code 2."""


def err(msg: str) -> None:
    """One line on stderr: control and bidi characters inert, a newline (in a file name) shown as ␤."""
    print(one_line(f"factcheck: {msg}"), file=sys.stderr)


def default_corpus() -> str:
    """``seeds/`` in the current folder, else the project's own seeds (editable install)."""
    here = Path("seeds")
    if here.is_dir():
        return "seeds"
    project = Path(__file__).resolve().parents[1] / "seeds"
    if project.is_dir():
        return str(project)
    return "seeds"


def default_session_for(paths: Sequence[str]) -> Path:
    from factcheck.urls import is_http_url

    if paths and is_http_url(paths[0]):  # web pages: one session per site
        from factcheck.metadata import readable_host

        name = readable_host(paths[0]) or "web"
    else:
        first = Path(paths[0]).resolve() if paths else Path("seeds").resolve()
        name = first.stem if first.is_file() else first.name
    sessions = Path("sessions")
    if not sessions.is_dir() and (Path(__file__).resolve().parents[1] / "sessions").is_dir():
        sessions = Path(__file__).resolve().parents[1] / "sessions"
    return sessions / f"{name or 'session'}.toml"


def report_errors(errors: Sequence[InputError]) -> None:
    for e in errors:
        err(str(e))


def exit_code(n_ok: int, errors: Sequence[InputError]) -> int:
    if n_ok == 0:
        return EXIT_USAGE
    return EXIT_PARTIAL if errors else EXIT_OK


def parse_anchor(s: str | None) -> dt.date | None:
    if s is None:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise UsageError(f"--anchor must be a date as YYYY-MM-DD, not {s!r}") from None


# ----------------------------------------------------------------------------------------------
# extract / groups


def _claims_json(corpus: Any, key: str, show_hidden: bool) -> list[dict[str, Any]]:
    """An article's shown claims; with ``show_hidden`` every claim, the hidden ones marked ``"hidden": true``, and
    the sentences kept under the floor as grouping evidence (no claims; a group may list them) also
    ``"evidence": true``."""
    out = []
    for c in corpus.claims.get(key, []):
        if corpus.is_shown(c):
            out.append(c.to_json())
        elif show_hidden:
            out.append(c.to_json() | {"hidden": True} | ({"evidence": True} if corpus.is_evidence(c) else {}))
    return out


def _group_json(corpus: Any, group: Any, show_hidden: bool, index: dict[str, Any]) -> dict[str, Any]:
    """A group as JSON; without ``show_hidden`` its hidden members (and suggestions about them) left out.
    ``index``: ``corpus.claim_index()`` (made once for all groups)."""
    doc: dict[str, Any] = group.to_json()
    if show_hidden:
        return doc
    shown = {cid for cid in group.claims if cid in index and corpus.is_shown(index[cid])}
    doc["claims"] = [cid for cid in doc["claims"] if cid in shown]
    doc["suggestions"] = [x for x in doc["suggestions"] if x.get("claim") in shown and x.get("by") in shown]
    return doc


def corpus_json(corpus: Any, *, groups: bool = True, show_hidden: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "articles": list(_articles_json(corpus, show_hidden)),
        "min_score": corpus.min_score,
    }
    out.update(_corpus_tail(corpus, groups=groups, show_hidden=show_hidden))
    return out


def _articles_json(corpus: Any, show_hidden: bool) -> Iterator[dict[str, Any]]:
    """Each article of ``corpus_json``, made when asked for (``extract --json`` writes each as it comes)."""
    from factcheck import ingest

    for a in corpus.articles:
        doc = {
            "path": a.path,
            "id": a.id,
            "key": a.key,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "authors": list(a.authors),
            "published": a.published.isoformat() if a.published else None,
            "published_source": a.published_source,
            "modified": a.modified.isoformat() if a.modified else None,
            "modified_source": a.modified_source,
            # the date relative times are read against: the modified one of a text revised long after
            "anchor": a.anchor.isoformat() if a.anchor else None,
            "crawled": a.crawled.isoformat() if a.crawled else None,
            "language": a.language,
            "notices": list(a.notices),
            # a copy of an earlier article of the batch (same text, or nearly): its claims make no group
            "duplicate_of": a.duplicate_of or a.near_duplicate_of,
            "furniture": [
                {"start": s.start, "end": s.end, "reason": s.reason}
                for s in a.segments
                if s.kind == "furniture"
            ],
            "claims": _claims_json(corpus, a.key, show_hidden),
        }
        if not a.source_file or Path(a.source_file).suffix.lower() not in ingest.TEXT_SUFFIXES:
            # a web page or a record: the extracted text is what the offsets index
            doc["text"] = a.text
        yield doc


def _corpus_tail(corpus: Any, *, groups: bool, show_hidden: bool) -> list[tuple[str, Any]]:
    """The keys of ``corpus_json`` after ``articles`` (and ``min_score``: the first here), in order."""
    index = corpus.claim_index() if groups and not show_hidden else {}
    return [
        ("min_score", corpus.min_score),
        ("groups", [_group_json(corpus, g, show_hidden, index) for g in corpus.groups] if groups else []),
        ("errors", [{"path": e.path, "reason": e.reason} for e in corpus.errors]),
    ]


def _build(paths: Sequence[str], min_score: float | None = None, refresh: bool = False) -> Any:
    from factcheck import pipeline
    from factcheck.model import DEFAULT_MIN_SCORE

    return pipeline.build(
        paths,
        min_score=DEFAULT_MIN_SCORE if min_score is None else min_score,
        refresh=refresh,
        fetch_progress=fetch_progress_bar(paths),
        files_read=files_progress_bar(paths),
    )


def _bar_columns() -> int:
    """The cells a progress line may take: standard error's terminal width (``shutil.get_terminal_size`` asks
    standard output's, which is a file or pipe in `extract ... > out.json`, and then said 80 columns on a
    narrower terminal), less three cells for the "^C" a terminal echoes on ctrl+c: wider, the line wrapped, and
    each step left a line behind (the carriage return goes back to the start of the last row only)."""
    try:
        columns = os.get_terminal_size(sys.__stderr__.fileno()).columns if sys.__stderr__ else 80
    except (OSError, ValueError):
        columns = shutil.get_terminal_size().columns
    return max(columns - 3, 20)


def _bar(done: int, total: int, width: int) -> str:
    """A bar of ``width`` cells, ``done`` of ``total`` filled: "#####....."."""
    filled = width * done // max(total, 1)
    return "#" * filled + "." * (width - filled)


def _draw_line(line: str) -> None:
    """Draw ``line`` over the progress line on stderr. Its own controls (carriage return, erase line) go past
    the inert stream, which showed them as "␍␛[2K" before every step; what the line quotes is made inert by
    the caller."""
    stream = raw_stream(sys.stderr)
    stream.write(f"\r\x1b[2K{line}")
    stream.flush()


FILES_BAR_MIN = 50  # a batch of fewer input files is read in moments: no bar


def files_progress_bar(paths: Sequence[str]) -> Callable[[int, int], None] | None:
    """A progress line on stderr while a big batch's input files are read (and extracted as they are read),
    when stderr is a terminal: "reading [#####.....] 412/1,228 files", redrawn at each percent and cleared
    once the last file is read (a cold batch of a thousand pages printed nothing for minutes). Not for a
    batch of fewer than ``FILES_BAR_MIN`` files, nor with URLs among ``paths`` (their fetch bar is drawn)."""
    from factcheck.urls import is_http_url

    if not sys.stderr.isatty() or any(is_http_url(str(p)) for p in paths):
        return None
    shown = -1  # the percent last drawn

    def show(done: int, total: int) -> None:
        nonlocal shown
        if total < FILES_BAR_MIN or (done * 100 // total == shown and done < total):
            return
        shown = done * 100 // total
        columns = _bar_columns()
        count = f"] {done:,}/{total:,} files"
        width = min(columns - len("reading [") - len(count), 30)
        line = f"reading [{_bar(done, total, width)}{count}"
        if width < 5:  # (a narrow terminal: the count, which says the most, without the bar)
            line = clipped(f"reading {done:,}/{total:,} files", columns)
        _draw_line(line if done < total else "")

    return show


def fetch_progress_bar(paths: Sequence[str]) -> Callable[[int, int, str], None] | None:
    """A progress bar on stderr for the URLs among ``paths``, when stderr is a terminal: ``show(done, total,
    url)`` is called before each URL is read (``done`` the URLs read so far) and after it. One URL gets a line
    while it is fetched, cleared once it is read (a server slow to answer left the terminal blank: up to the
    fetch's timeout before the review opened, or before `extract` printed anything)."""
    from factcheck.urls import is_http_url

    n = sum(1 for p in paths if is_http_url(str(p)))
    if n < 1 or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, url: str) -> None:
        columns = _bar_columns()
        count = f"] {done}/{total} "
        width = min(max(columns - len("fetching [") - len(count) - 20, 5), 30)  # (20 cells for the URL)
        if total == 1:
            head, tail = "fetching ", " …"
        else:
            head, tail = f"fetching [{_bar(done, total, width)}{count}", ""
        room = max(columns - cells(head + tail), 10)
        line = "" if total == 1 and done else head + clipped(inert(url), min(room, 50)) + tail
        if cells(line) > columns:  # (a terminal of fewer than 40 columns)
            line = clipped(line, columns)
        if total > 1 and done >= total:
            line += "\n"
        _draw_line(line)

    return show


def report_notices(corpus: Any) -> None:
    """Each article's notices (a language with no support, a record date its text contradicts), one line each."""
    from factcheck.review import originals_named

    for a in corpus.articles:
        for n in originals_named(a, a.notices, corpus.article):  # a copy's original by outlet and title
            err(notice_line(a, n))


def notice_line(article: Any, notice: str, session: str = "SESSION") -> str:
    """An article's notice as a command prints it: a date notice says how to set the date (the core's notice
    does not, each front end has its own way)."""
    from factcheck.ingest import is_date_notice

    line = f"{article.path}: {notice}"
    if is_date_notice(notice):
        line += (
            f" (set it: factcheck edit {shlex.quote(session)} --article {shlex.quote(article.key)} --published"
            " DATE, or p in factcheck review)"
        )
    return line


def _print_corpus(args: argparse.Namespace, readable: Callable[[Any], None]) -> int:
    corpus = _build(args.paths, getattr(args, "min_score", None), refresh=getattr(args, "refresh", False))
    report_errors(corpus.errors)
    report_notices(corpus)
    if args.json:
        # one article a line, written as it is made (see README, "extract --json")
        hidden = getattr(args, "all", False)
        tail = _corpus_tail(corpus, groups=True, show_hidden=hidden)
        for piece in json_lines("articles", _articles_json(corpus, hidden), tail):
            sys.stdout.write(piece)
    elif corpus.articles or not corpus.errors:  # (nothing read: the errors said it; no empty listing)
        readable(corpus)
    return exit_code(len(corpus.articles), corpus.errors)


def cmd_extract(args: argparse.Namespace) -> int:
    from factcheck.textout import print_extract

    return _print_corpus(args, lambda corpus: print_extract(corpus, show_hidden=args.all))


def _default_min_score() -> float:
    from factcheck.model import DEFAULT_MIN_SCORE

    return DEFAULT_MIN_SCORE


def _score_arg(s: str) -> float:
    try:
        x = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {s!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {s}")
    return x


def cmd_groups(args: argparse.Namespace) -> int:
    from factcheck.textout import print_groups

    return _print_corpus(args, print_groups)


def cmd_times(args: argparse.Namespace) -> int:
    from factcheck import ingest, times_intl
    from factcheck.lang import available, detect
    from factcheck.urls import is_http_url

    url = is_http_url(args.file)  # a web page read (fetched and stored when not yet) as `extract` reads it
    path = Path(args.file)
    if not url and not path.exists():
        raise UsageError(f"{args.file}: no such file")
    if not url and path.is_dir():
        raise UsageError(f"{args.file}: is a folder; `times` reads one text file")
    given = parse_anchor(args.anchor)
    lang_given = args.lang.strip().lower() if args.lang else None
    if lang_given is not None and lang_given != "en" and not times_intl.supported(lang_given):
        known = ", ".join(["en", *(c for c in available("dates") if times_intl.supported(c))])
        raise UsageError(f"--lang {args.lang!r}: no time rules for this language (known: {known})")
    page = url or path.suffix.lower() in ingest.HTML_SUFFIXES | ingest.JSON_SUFFIXES
    # (name, text, anchor, language): a web page or a scraper record is read as `extract` reads it (its article's text,
    # dated by the page), a text file as it is
    texts: list[tuple[str, str, dt.date | None, str | None]] = []
    if page:
        batch = ingest.load([args.file if url else path])
        if batch.errors and not batch.articles:
            raise UsageError("; ".join(str(e) for e in batch.errors))
        for e in batch.errors:
            err(str(e))
        for art in batch.articles:
            name = args.file if len(batch.articles) == 1 else f"{args.file} [{art.key}]"
            texts.append((name, art.text, given or (None if args.no_infer else art.anchor), art.language))
    else:
        try:
            text = ingest.read_text_file(path)
        except (ValueError, OSError) as e:
            raise UsageError(f"{args.file}: {e}") from None
        anchor = given
        if anchor is None and not args.no_infer:
            anchor = ingest.article_from_text(text, path=args.file, key=path.name).anchor
        texts.append((args.file, text, anchor, None))
    tagged = []
    for name, text, anchor, known_lang in texts:
        lang = lang_given or known_lang or detect(text) or "en"
        tagged.append((name, text, anchor, lang, times_intl.tag_language(text, anchor, lang)))
    if args.json:
        if len(tagged) == 1:
            print(json_text([r.to_json() for r in tagged[0][4]]))
        else:  # a file of several records: each article with its own times
            print(
                json_text(
                    [
                        {
                            "article": name,
                            "anchor": a.isoformat() if a else None,
                            "times": [r.to_json() for r in refs],
                        }
                        for name, _text, a, _lang, refs in tagged
                    ]
                )
            )
        return EXIT_OK
    for name, text, anchor, lang, refs in tagged:
        # a detected language without time rules is read with the English ones (tag_language): said so
        rules = (
            ""
            if lang == "en" or times_intl.supported(lang)
            else " (no time rules for it: read with the English rules)"
        )
        print(
            f"# {one_line(name)}: {len(refs)} time expressions, anchor {anchor.isoformat() if anchor else 'unknown'},"
            f" language {lang}{rules}"
            + (", in the article's text as extracted (line:column in it)" if page else "")
        )
        for r in refs:
            line, column = _line_and_column(text, r.start)
            mod = f" ({r.mod})" if r.mod else ""
            print(f"{line:>4}:{column:<4} {r.type:<8} {r.value:<14}{mod} {r.text!r}")
    return EXIT_OK


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 1, as editors count them) of a character offset of ``text``; a
    UTF-8 BOM opening the file is no column."""
    line_start = text.rfind("\n", 0, offset) + 1
    column = offset - line_start + 1
    if line_start == 0 and text.startswith("\ufeff"):
        column -= 1
    return text.count("\n", 0, offset) + 1, column


def cmd_fetch(args: argparse.Namespace) -> int:
    """Fetch web pages and store each once as a JSON record in DIR, without opening the app."""
    from factcheck import webpage

    if not 0 < args.timeout < math.inf:  # (NaN too)
        raise UsageError("--timeout must be a number of seconds above 0")
    out = Path(args.output) if args.output else webpage.pages_dir()
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: not a folder")
    errors: list[InputError] = []
    show = fetch_progress_bar(args.urls)
    held = bool(show) and len(args.urls) > 1  # (where each page went, under the bar once it is done)
    stored: list[str] = []
    try:
        _fetch_each(args, out, show, errors, stored, held=held)
    except KeyboardInterrupt as e:  # ctrl+c, SIGTERM, SIGHUP: the pages stored so far are listed
        if show:
            raw_stream(sys.stderr).write("\n")  # (the bar's line ends: the list starts on a line of its own)
        with contextlib.suppress(OSError, ValueError):  # (after a hangup the terminal may be gone)
            for line in stored if held else []:
                print(line)
            err(f"{Ended.word(e)}: {len(stored):,} of {len(args.urls):,} pages stored in {out}")
        return Ended.code(e)
    for line in stored if held else []:
        print(line)
    report_errors(errors)
    return exit_code(len(stored), errors)  # no page fetched is nothing readable: 2, as extract and review say


def _fetch_each(
    args: argparse.Namespace,
    out: Path,
    show: Callable[[int, int, str], None] | None,
    errors: list[InputError],
    stored: list[str],
    *,
    held: bool,
) -> None:
    """``cmd_fetch``'s loop: each URL fetched and stored, the line saying where it went added to ``stored``
    and printed (unless ``held``: a progress bar is drawn)."""
    from factcheck import webpage
    from factcheck.urls import is_http_url

    for i, url in enumerate(args.urls, 1):
        line = ""
        if not is_http_url(url):
            errors.append(InputError(url, "not an http(s) URL"))
        else:
            if show:
                show(i - 1, len(args.urls), url)
            try:
                path, fetched = webpage.fetch_record(url, out, refresh=args.refresh, timeout=args.timeout)
                line = f"{path}\t{'fetched' if fetched else 'already stored'}\t{url}"
            except webpage.RefreshFailed as e:
                errors.append(InputError(url, f"{e}, kept"))
            except webpage.PageError as e:
                errors.append(InputError(url, str(e)))
            except OSError as e:
                errors.append(InputError(url, f"cannot store the page: {e.strerror or e}"))
        if show:
            show(i, len(args.urls), url)  # (one URL: its line cleared, for the line saying where it went)
        if line:
            stored.append(line)
            if not held:
                print(line)


class _RefreshError(InputError):
    """A page ``review --refresh`` could not fetch again, whose stored copy the review reads."""


def _session_urls(session: str | None) -> list[str]:
    """The URLs among the corpus a session was made with (``review --refresh --session S`` fetches them again),
    or none when the session cannot be read as TOML (the review says why)."""
    import tomllib

    from factcheck.urls import is_http_url

    if not session:
        return []
    try:
        with open(session, "rb") as f:
            corpus = tomllib.load(f).get("corpus")
    except (OSError, ValueError):  # (tomllib.TOMLDecodeError and UnicodeDecodeError are ValueErrors)
        return []
    return [u for u in corpus if isinstance(u, str) and is_http_url(u)] if isinstance(corpus, list) else []


def prefetch(paths: Sequence[str], refresh: bool = False) -> list[InputError]:
    """Fetch (or find stored) the URLs among ``paths`` before the app opens: errors named, one line each (a page
    that could not be fetched again but has a copy stored is one of them: the review reads that copy)."""
    from factcheck import webpage
    from factcheck.urls import is_http_url

    urls = [p for p in paths if is_http_url(p)]
    show = fetch_progress_bar(urls)
    errors: list[InputError] = []
    for i, url in enumerate(urls, 1):
        if show:
            show(i - 1, len(urls), url)
        try:
            webpage.fetch_record(url, refresh=refresh)
        except webpage.RefreshFailed as e:
            errors.append(_RefreshError(url, f"{e}, read instead"))
        except webpage.PageError as e:
            errors.append(InputError(url, str(e)))
        except OSError as e:
            errors.append(InputError(url, f"cannot store the page: {e.strerror or e}"))
        if show:
            show(i, len(urls), url)
    return errors


def _command_hint(word: str) -> str:
    """For a first word that is no path, the command it was probably meant to be, or the list of them."""
    import difflib

    if "/" in word or "." in word or word.startswith("-"):
        return ""
    commands = sorted(build_parser().commands)
    close = difflib.get_close_matches(word, commands, n=1)
    if close:
        return f" (did you mean `factcheck {close[0]}`?)"
    return f" (commands: {', '.join(commands)})"


def _is_session_file(path: str) -> bool:
    """A session file itself (not its history nor a backup): `factcheck review SESSION` opens it."""
    from factcheck.ingest import factcheck_file_kind
    from factcheck.urls import is_http_url

    if is_http_url(path) or not path.endswith(".toml") or path.endswith(".history.toml"):
        return False
    return Path(path).is_file() and factcheck_file_kind(Path(path)) == "a factcheck session"


def cmd_review(args: argparse.Namespace) -> int:
    from factcheck.ingest import factcheck_file_kind
    from factcheck.urls import is_http_url

    given = args.paths
    if not args.session and len(given) == 1 and _is_session_file(given[0]):
        args.session, given = given[0], []  # `review SESSION`: the session, as --session gives it
    if not given and args.session and Path(args.session).is_file():
        paths: list[str] = []  # an existing session reopens with the corpus it was made with
    else:
        paths = given or [default_corpus()]
    for p in paths:
        if not is_http_url(p) and not Path(p).exists():
            from factcheck.ingest import missing_reason

            raise UsageError(f"{p}: {missing_reason(Path(p))}{_command_hint(p)}")
        kind = None if is_http_url(p) or not Path(p).is_file() else factcheck_file_kind(Path(p))
        if kind:  # (read as an article, it became its own session's corpus)
            raise UsageError(
                f"{p}: {kind}, not an article; a session is opened with `factcheck review --session FILE`"
                " (its articles after it, or none to read the corpus it was made with)"
            )
    # (a session reopened with its own corpus: --refresh fetches its URLs again, which were left as stored)
    urls = paths or (_session_urls(args.session) if args.refresh else [])
    fetch_errors = prefetch(urls, refresh=args.refresh)
    report_errors(fetch_errors)
    unread = [e for e in fetch_errors if not isinstance(e, _RefreshError)]  # (a stored copy is read)
    if paths and unread and len(unread) == len(paths):
        return EXIT_USAGE
    session = Path(args.session) if args.session else default_session_for(paths)
    try:
        from factcheck.tui.app import run
    except ImportError as e:  # textual missing or broken install
        raise UsageError(f"the review TUI cannot start: {e}") from None
    fetched = fetch_errors if any(is_http_url(p) for p in urls) else None  # the app fetches none again
    with as_at_start():  # (the app's own handlers save the session: SIGTERM and SIGHUP are theirs)
        return int(run(paths, session, readonly=args.readonly, fetch_errors=fetched) or 0)


# ----------------------------------------------------------------------------------------------


class Parser(argparse.ArgumentParser):
    """The command line's parser. An option that takes a list (``--against ARCHIVE ...``) takes every value after
    it, positionals too: when that leaves a positional missing, the usage error says so and how to write it.
    A usage error is one line, as every other error (argparse printed the usage above it, two lines more),
    naming the command's ``--help``; an unknown option another command takes names that command."""

    commands: frozenset[str] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.list_options: set[str] = set()
        self.options: set[str] = set()  # every option string it takes (-h is added by the next line)
        self.command_parsers: dict[str, Parser] = {}  # (the top parser's, by command)
        self._intermixing = False  # (parse_known_intermixed_args calls parse_known_args)
        super().__init__(*args, **kwargs)
        self.argv: list[str] = []

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        self.options.update(action.option_strings)
        if action.nargs == "+" and action.option_strings:
            self.list_options.update(action.option_strings)
        return action

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.argv = list(sys.argv[1:] if args is None else args)
        if "--" in self.argv and self.list_options and not self._intermixing:
            # `mark S --corpus DIR -- ID VERDICT`, as the usage error advises: argparse matches positionals a
            # run of them at a time, so S alone took SESSION and an empty CLAIM_ID list, and after -- ID became
            # the VERDICT ("unrecognized arguments: confirmed"); read intermixed, the positionals are all
            # matched together (a command with no list option, or a line without --, is parsed as ever)
            self._intermixing = True
            try:
                return super().parse_known_intermixed_args(args, namespace)
            finally:
                self._intermixing = False
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        prefix = "the following arguments are required: "
        if message.startswith(prefix):
            message += self._took_positionals(message.removeprefix(prefix))
        prog = self.prog
        if self.argv and self.argv[0] in self.commands:  # (an unknown option is reported by the top parser)
            prog = f"{prog} {self.argv[0]}"
            message += self._option_of_another_command(message, self.argv[0])
        print(one_line(f"{prog}: error: {message}; `{prog} --help` lists what it takes"), file=sys.stderr)
        sys.exit(EXIT_USAGE)

    def _option_of_another_command(self, message: str, command: str) -> str:
        """The note naming the commands that take an unknown option ("--published is an option of `factcheck
        edit`"), or "" when none does."""
        if not message.startswith("unrecognized arguments: "):
            return ""
        for word in message.removeprefix("unrecognized arguments: ").split():
            option = word.split("=", 1)[0]
            if not option.startswith("--"):
                continue
            takers = [
                name
                for name, parser in sorted(self.command_parsers.items())
                if name != command and option in parser.options
            ]
            if takers:
                named = " or ".join(f"`{self.prog} {name}`" for name in takers[:3])
                return f" ({option} is an option of {named})"
        return ""

    def _took_positionals(self, missing: str) -> str:
        """How the last list option of the command line took the ``missing`` positionals, or ""."""
        for i in range(len(self.argv) - 1, -1, -1):
            if self.argv[i] in self.list_options:
                option, values = self.argv[i], list(itertools.takewhile(_no_option, self.argv[i + 1 :]))
                # (the values run to the next option: `mark S --corpus DIR ID VERDICT --note N` took ID and
                # VERDICT as much as when nothing followed, and the error did not say so)
                if values:
                    return f" ({took_every_value(option, values, missing, missing.split(', ')[0])})"
                return ""
        return ""


def took_every_value(option: str, values: list[str], missing: str, example: str) -> str:
    """What a list option did to the words meant for the positionals after it (``missing``), and how to
    write them: "--corpus took every value after it: DIR confirmed; put VERDICT before --corpus, or end its
    list with -- as in `--corpus A B -- VERDICT`" (``example`` is the word after the --)."""
    return (
        f"{option} took every value after it: {' '.join(values)}; put {missing} before {option}, or end its"
        f" list with -- as in `{option} A B -- {example}`"
    )


def _no_option(arg: str) -> bool:
    """Whether a command-line word is a value, not an option (``--note``, ``-o``) nor ``--``."""
    return not arg.startswith("-") or arg == "-"


def build_parser() -> Parser:
    p = Parser(
        prog="factcheck",
        description="Fact-check a batch of news articles: claims, times, event groups, review sessions.",
    )
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    r = sub.add_parser(
        "review", help="open the review TUI (the default command)", description="Open the review TUI."
    )
    r.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders or http(s) URLs (default: seeds/)"
    )
    r.add_argument(
        "--refresh", action="store_true", help="fetch URLs again even when already stored in the pages folder"
    )
    r.add_argument("--session", metavar="FILE", help="session file (default: sessions/<folder name>.toml)")
    r.add_argument("--readonly", action="store_true", help="open without saving anything")
    r.set_defaults(func=cmd_review)

    e = sub.add_parser("extract", help="claims per article", description="Print the claims of each article.")
    e.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or http(s) URLs")
    e.add_argument(
        "--refresh", action="store_true", help="fetch URLs again even when already stored in the pages folder"
    )
    e.add_argument("--json", action="store_true", help="print the JSON contract")
    e.add_argument(
        "--min-score",
        type=_score_arg,
        metavar="X",
        help="hide (and leave out of the groups) claims whose check-worthiness is below X, 0-1 "
        f"(default: {_default_min_score()})",
    )
    e.add_argument(
        "--all",
        action="store_true",
        help=(
            'also list the hidden claims (marked "hidden": true in the JSON) and the sentences kept only as '
            'grouping evidence (also "evidence": true)'
        ),
    )
    e.set_defaults(func=cmd_extract)

    g = sub.add_parser("groups", help="event groups across articles", description="Print the event groups.")
    g.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or http(s) URLs")
    g.add_argument(
        "--refresh", action="store_true", help="fetch URLs again even when already stored in the pages folder"
    )
    g.add_argument("--json", action="store_true", help="print the JSON contract")
    g.set_defaults(func=cmd_groups)

    t = sub.add_parser(
        "times",
        help="time expressions in a text file, a web page (file or URL) or a record file",
        description="Tag time expressions.",
    )
    t.add_argument(
        "file", metavar="PATH", help="a text file, a saved web page or record file, or an http(s) URL"
    )
    t.add_argument("--anchor", metavar="YYYY-MM-DD", help="the publication date to resolve against")
    t.add_argument(
        "--no-infer", action="store_true", help="without --anchor, do not infer the date from the text"
    )
    t.add_argument("--json", action="store_true")
    t.add_argument(
        "--lang", metavar="CODE", help="language of the text: en, es, de, fr, pt (default: detected)"
    )
    t.set_defaults(func=cmd_times)

    f = sub.add_parser(
        "fetch",
        help="save web pages for offline review",
        description="Fetch web pages and store each once as a JSON record (trafilatura's keys) in DIR.",
    )
    f.add_argument("urls", nargs="+", metavar="URL")
    f.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="where to store them (default: the pages folder, $FACTCHECK_PAGES or the user data folder's pages/)",
    )
    f.add_argument("--refresh", action="store_true", help="fetch again pages already stored")
    f.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS", help="per page (default: 20)")
    f.set_defaults(func=cmd_fetch)

    for name in EXTENSIONS:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        mod.register(sub)
    c = sub.add_parser(
        "cache",
        help="the extraction cache (info, clear)",
        description="Extraction and grouping results are cached per article content and extractor version, so "
        "a batch reopens in seconds. `info` shows where the cache is and its size; `clear` empties it.",
    )
    c.add_argument("action", choices=["info", "clear"])
    c.add_argument(
        "--json",
        action="store_true",
        help="print as JSON (info: the cache; clear: its path and the entries removed)",
    )
    c.set_defaults(func=cmd_cache)
    for name, parser in sub.choices.items():
        if name in CACHED_COMMANDS:
            with contextlib.suppress(argparse.ArgumentError):  # a command may define it itself
                parser.add_argument(
                    "--no-cache", action="store_true", help="neither read nor write the extraction cache"
                )
            with contextlib.suppress(argparse.ArgumentError):
                parser.add_argument(
                    "--jobs",
                    metavar="N",
                    help="worker processes that extract a big batch's uncached articles: a number, 1 for "
                    "this process alone, or auto (default: $FACTCHECK_JOBS, else auto: the usable CPUs)",
                )
    p.commands = frozenset(sub.choices)
    p.command_parsers = dict(sub.choices)
    return p


CACHED_COMMANDS = frozenset(
    {"review", "extract", "groups", "mark", "status", "report", "merge", "match", "edit"}
)


def _cache_notice() -> None:
    """A cache that had to be switched off is said once (results are the same, only slower)."""
    import sys as _sys

    cache = _sys.modules.get("factcheck.cache")
    problem = cache.default().problem if cache is not None else None
    if problem:
        err(problem)


def cmd_cache(args: argparse.Namespace) -> int:
    from factcheck import cache, langid_model

    store = cache.default()
    if args.action == "clear":
        n = store.clear()
        if store.problem:
            raise UsageError(store.problem)
        freed = langid_model.clear_copies()  # (the language model's uncompressed copy: rebuilt when needed)
        if args.json:
            notice = {"notice": store.notice} if store.notice else {}
            print(json_text({"path": str(store.path), "removed": n, "model_bytes_freed": freed, **notice}))
        else:
            print(f"{store.path}: {n} entries removed" + (f" ({store.notice})" if store.notice else ""))
            if freed:
                print(f"language model copy removed ({freed / 1e6:.1f} MB)")
        return EXIT_OK
    info = store.stats()
    info["model_copies"] = [
        {"path": str(p), "bytes": langid_model.size_of(p)} for p in langid_model.kept_copies()
    ]
    if args.json:
        print(json_text(info))
    else:
        # every kind of entry, so that the parts add up to the entries (four of the eight were named, and
        # "731 entries (50 files read, 50 articles' claims, 10 grouped batches, 503 pieces ...)" made 613)
        named = {k: names for k, names in CACHE_KINDS.items() if info.get(k)}
        parts = [f"{info[k]:,} {names[info[k] != 1]}" for k, names in named.items()]
        other = info["entries"] - sum(info[k] for k in named)
        if other:
            parts.append(f"{other:,} other")
        print(
            f"{info['path']}: {info['entries']:,} entries" + (f" ({', '.join(parts)})" if parts else "") + ","
            f" {info.get('file_bytes', info['bytes']) / 1e6:.1f} MB"
        )
        if info.get("problem"):
            print(info["problem"])
        for copy in info["model_copies"]:
            print(f"{copy['path']}: the language model, uncompressed, {copy['bytes'] / 1e6:.1f} MB")
    return EXIT_OK


# the extraction cache's kinds of entries, as `cache info` names them (one, several)
CACHE_KINDS = {
    "article": ("file read", "files read"),
    "claims": ("article's claims", "articles' claims"),
    "derived": ("value derived from a text", "values derived from texts"),
    "language": ("language told", "languages told"),
    "groups": ("grouping", "groupings"),
    "batch": ("batch grouped", "batches grouped"),
    "state": ("piece of grouping states", "pieces of grouping states"),
    "told": ("batch's notices", "batches' notices"),
    "index": ("batch index", "batch indexes"),
    "index-signature": ("batch index's signature", "batch indexes' signatures"),
    "index-entries": ("batch index's file list", "batch indexes' file lists"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """``factcheck ARGV``: the exit code. ctrl+c at any point (the parser's imports included: a traceback
    there) says so on a line of its own (after a progress bar the shell's prompt came on the bar's line, and
    no word said why the command ended) and exits with code 130; SIGTERM and SIGHUP end it the same way, with
    codes 143 and 129 (``Ended``), from the start (the review app has handlers of its own while it runs).
    ``factcheck.__main__.run`` installs the same handlers before this module is imported."""
    try:
        with ending_signals():
            return _main(argv)
    except KeyboardInterrupt as e:
        return say_ended(e)


# The arguments that name articles, files or pages (any command's): a URL among them is taken in its one form
URL_ARGUMENTS = ("paths", "urls", "file", "corpus", "article")


def _urls_in_one_form(args: argparse.Namespace) -> None:
    """Each URL given (``URL_ARGUMENTS``) in the one form factcheck keeps of it (``urls.canonical_url``): a
    space or a letter outside ASCII as an address bar shows them percent-encoded (``.../a b.html`` was
    refused as "not an http(s) URL"), so that the page, its stored record and the session's article are
    named alike whichever spelling was typed."""
    from factcheck.urls import canonical_url

    for name in URL_ARGUMENTS:
        given = getattr(args, name, None)
        if isinstance(given, str):
            setattr(args, name, canonical_url(given) or given)
        elif isinstance(given, list):
            setattr(args, name, [canonical_url(g) or g if isinstance(g, str) else g for g in given])


def _stdout_closed() -> int:
    """Standard output closed before the command had written it all (`factcheck extract --json | head -c
    100`): no word (the reader went away on purpose), and the exit code that says the output was cut
    (``EXIT_BROKEN_PIPE``: a ``pipefail`` pipeline can tell). What is still buffered for it goes nowhere, as
    Python's documentation advises: the interpreter's own last flush would fail, print a traceback and exit 120."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # (no real stdout: a test's capture)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def _set_jobs(value: str | None) -> None:
    """The worker processes a command extracts with: ``--jobs``, else ``$FACTCHECK_JOBS`` (checked here, so
    that a wrong value is a usage error before anything is read)."""
    from factcheck import parallel

    try:
        parallel.set_jobs(parallel.parse_jobs(value) if value is not None else None)
        parallel.jobs()
    except parallel.JobsError as e:
        raise UsageError(f"--jobs: {e}" if value is not None else str(e)) from None


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (
        args_list[0] not in parser.commands and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "review")
    try:
        with inert_output():  # usage errors name what was typed (or pasted from a hostile file name)
            args = parser.parse_args(args_list)
    except SystemExit as e:
        return int(e.code or 0)
    _urls_in_one_form(args)
    if getattr(args, "no_cache", False):
        from factcheck import cache

        cache.disable()
    try:
        if args.command in CACHED_COMMANDS:
            _set_jobs(getattr(args, "jobs", None))
        if args.func is cmd_review:  # the TUI draws the screen itself (and makes article text inert)
            code = int(args.func(args))
        else:
            from factcheck.cache import collector_paused

            with inert_output():  # everything a command prints reaches the terminal through textout.inert
                if getattr(args, "reads_config", False):  # (the TUI shows them itself)
                    from factcheck import config

                    for w in config.load().warnings:
                        err(w)
                # The batch a command builds lives until the command ends and holds no cycles worth
                # collecting: the collector's full passes over it (~0.2 CPU s a run on 1,000 articles,
                # `bench/reopen_steps.py`) are saved; it runs again when the command returns.
                with collector_paused():
                    code = int(args.func(args))
                sys.stdout.flush()  # (a pipe closed before the last bytes went: said here, as during the command)
        _cache_notice()
        return code
    except UsageError as e:
        err(str(e))
        return EXIT_USAGE
    except WorkerDied as e:
        err(str(e))
        return EXIT_USAGE
    except BrokenPipeError:
        return _stdout_closed()

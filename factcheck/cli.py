"""Command line: ``factcheck [review] [PATH ...]``, ``extract``, ``groups``, ``times`` and friends.

Exit codes: 0 success, 1 partial (some inputs unreadable), 2 usage error or nothing readable.
Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from factcheck import __version__, ingest
from factcheck.model import InputError

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2

# Modules that add subcommands: each has ``register(subparsers)``; handlers are set with set_defaults(func=...).
EXTENSIONS = ("factcheck.cli_session", "factcheck.cli_report")


class UsageError(Exception):
    """A problem with the command line or its inputs; printed as one line, exit code 2."""


def err(msg: str) -> None:
    print(f"factcheck: {msg}", file=sys.stderr)


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


def corpus_json(corpus: Any, *, groups: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"articles": []}
    for a in corpus.articles:
        out["articles"].append(
            {
                "path": a.path,
                "id": a.id,
                "key": a.key,
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "authors": list(a.authors),
                "published": a.published.isoformat() if a.published else None,
                "published_source": a.published_source,
                "crawled": a.crawled.isoformat() if a.crawled else None,
                "furniture": [
                    {"start": s.start, "end": s.end, "reason": s.reason}
                    for s in a.segments
                    if s.kind == "furniture"
                ],
                "claims": [c.to_json() for c in corpus.claims.get(a.key, [])],
            }
        )
    out["groups"] = [g.to_json() for g in corpus.groups] if groups else []
    out["errors"] = [{"path": e.path, "reason": e.reason} for e in corpus.errors]
    return out


def _build(paths: Sequence[str]) -> Any:
    from factcheck import pipeline

    return pipeline.build(paths)


def _print_corpus(args: argparse.Namespace, readable: Callable[[Any], None]) -> int:
    corpus = _build(args.paths)
    report_errors(corpus.errors)
    if args.json:
        print(json.dumps(corpus_json(corpus), ensure_ascii=False, indent=1))
    else:
        readable(corpus)
    return exit_code(len(corpus.articles), corpus.errors)


def cmd_extract(args: argparse.Namespace) -> int:
    from factcheck.textout import print_extract

    return _print_corpus(args, lambda corpus: print_extract(corpus, min_score=args.min_score))


def cmd_groups(args: argparse.Namespace) -> int:
    from factcheck.textout import print_groups

    return _print_corpus(args, print_groups)


def cmd_times(args: argparse.Namespace) -> int:
    from factcheck import temporal

    path = Path(args.file)
    if not path.exists():
        raise UsageError(f"{args.file}: no such file")
    if path.is_dir():
        raise UsageError(f"{args.file}: is a folder; `times` reads one text file")
    try:
        text = ingest.read_text_file(path)
    except (ValueError, OSError) as e:
        raise UsageError(f"{args.file}: {e}") from None
    anchor = parse_anchor(args.anchor)
    if anchor is None and not args.no_infer:
        anchor = ingest.article_from_text(text, path=args.file, key=path.name).published
    refs = temporal.tag(text, anchor)
    if args.json:
        print(json.dumps([r.to_json() for r in refs], ensure_ascii=False, indent=1))
    else:
        print(
            f"# {args.file}: {len(refs)} time expressions, anchor {anchor.isoformat() if anchor else 'unknown'}"
        )
        for r in refs:
            line = text.count("\n", 0, r.start) + 1
            mod = f" ({r.mod})" if r.mod else ""
            print(f"{line:>4}:{r.start:<6} {r.type:<8} {r.value:<14}{mod} {r.text!r}")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    paths = args.paths or [default_corpus()]
    for p in paths:
        if not Path(p).exists():
            raise UsageError(f"{p}: no such file or folder")
    session = Path(args.session) if args.session else default_session_for(paths)
    try:
        from factcheck.tui.app import run
    except ImportError as e:  # textual missing or broken install
        raise UsageError(f"the review TUI cannot start: {e}") from None
    return int(run(paths, session, readonly=args.readonly) or 0)


# ----------------------------------------------------------------------------------------------


class Parser(argparse.ArgumentParser):
    commands: frozenset[str] = frozenset()


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
    r.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
    r.add_argument("--session", metavar="FILE", help="session file (default: sessions/<folder name>.toml)")
    r.add_argument("--readonly", action="store_true", help="open without saving anything")
    r.set_defaults(func=cmd_review)

    e = sub.add_parser("extract", help="claims per article", description="Print the claims of each article.")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--json", action="store_true", help="print the JSON contract")
    e.add_argument(
        "--min-score", type=float, default=0.0, help="hide claims scoring below this (text output)"
    )
    e.set_defaults(func=cmd_extract)

    g = sub.add_parser("groups", help="event groups across articles", description="Print the event groups.")
    g.add_argument("paths", nargs="+", metavar="PATH")
    g.add_argument("--json", action="store_true", help="print the JSON contract")
    g.set_defaults(func=cmd_groups)

    t = sub.add_parser("times", help="time expressions in a text file", description="Tag time expressions.")
    t.add_argument("file", metavar="FILE")
    t.add_argument("--anchor", metavar="YYYY-MM-DD", help="the publication date to resolve against")
    t.add_argument(
        "--no-infer", action="store_true", help="without --anchor, do not infer the date from the text"
    )
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_times)

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
    c.add_argument("--json", action="store_true", help="print info as JSON")
    c.set_defaults(func=cmd_cache)
    for name, parser in sub.choices.items():
        if name in CACHED_COMMANDS:
            with contextlib.suppress(argparse.ArgumentError):  # a command may define it itself
                parser.add_argument(
                    "--no-cache", action="store_true", help="neither read nor write the extraction cache"
                )
    p.commands = frozenset(sub.choices)
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
    from factcheck import cache

    store = cache.default()
    if args.action == "clear":
        n = store.clear()
        if store.problem:
            raise UsageError(store.problem)
        print(f"{store.path}: {n} entries removed")
        return EXIT_OK
    info = store.stats()
    if args.json:
        print(json.dumps(info))
    else:
        print(
            f"{info['path']}: {info['entries']} entries ({info.get('claims', 0)} articles,"
            f" {info.get('groups', 0)} batches of groups), {info.get('file_bytes', info['bytes']) / 1e6:.1f} MB"
        )
        if info.get("problem"):
            print(info["problem"])
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (
        args_list[0] not in parser.commands and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "review")
    try:
        args = parser.parse_args(args_list)
    except SystemExit as e:
        return int(e.code or 0)
    if getattr(args, "no_cache", False):
        from factcheck import cache

        cache.disable()
    try:
        code = int(args.func(args))
        _cache_notice()
        return code
    except UsageError as e:
        err(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK

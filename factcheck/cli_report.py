"""``factcheck report SESSION [--format md|csv|json|claimreview] [-o FILE]``.

Opens the session read-only through ``factcheck.review.Review`` and writes the report to FILE or stdout.
Errors are one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factcheck.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE
from factcheck.cli import err as _err
from factcheck.textout import raw_stream
from factcheck.urls import is_http_url


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "report",
        help="write a session's findings as Markdown, CSV, JSON or ClaimReview",
        description="Turn a review session (with its corpus) into a report.",
    )
    p.add_argument("session", metavar="SESSION", help="session file")
    p.add_argument(
        "--format",
        "-f",
        default="md",
        choices=("md", "csv", "json", "claimreview"),
        help="md (default), csv, json, or claimreview (schema.org JSON-LD)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (- is stdout)")
    p.add_argument(
        "--corpus", nargs="+", metavar="PATH", help="article files or folders (default: the session's)"
    )
    p.add_argument(
        "--organisation", "--org", metavar="NAME", help="reviewing organisation (ClaimReview author)"
    )
    p.add_argument("--organisation-url", metavar="URL", help="the organisation's URL")
    p.add_argument("--base-url", metavar="URL", help="base URL of the published reviews (ClaimReview url)")
    p.add_argument(
        "--rating",
        action="append",
        default=[],
        metavar="VERDICT=NAME",
        help="ClaimReview alternateName for a verdict, e.g. confirmed=Accurate (repeatable)",
    )
    p.add_argument(
        "--separator",
        choices=(",", ";"),
        help="csv: the cell separator, ',' (default) or ';' as a spreadsheet expects where the decimal mark"
        " is a comma (default: [report] csv_separator of the config file, else ',')",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="ClaimReview: refuse to export when a recommended field would be left out",
    )
    p.add_argument(
        "--decided",
        action="store_true",
        help="only the claims with a verdict (or a reviewers' conflict) and the groups they are in; the head"
        " still counts every claim (default: every claim)",
    )
    p.set_defaults(func=cmd_report, reads_config=True)  # the [report] defaults


def cmd_report(args: argparse.Namespace) -> int:
    from factcheck.cli_session import no_such_session, nothing_readable, say_notices
    from factcheck.report import ReportError, check_request, render, write_report
    from factcheck.review import Review, SessionError

    path = Path(args.session)
    if not path.is_file():
        _err(no_such_session(path))
        return EXIT_USAGE
    for p in args.corpus or []:
        if not is_http_url(p) and not Path(p).exists():  # a URL is fetched (or read from the pages folder)
            from factcheck.ingest import missing_reason

            _err(f"{p}: {missing_reason(Path(p))}")
            return EXIT_USAGE
    ratings: dict[str, str] = {}
    for item in args.rating:
        verdict, sep, name = item.partition("=")
        if not sep or not verdict.strip() or not name.strip():
            _err(f"--rating must be VERDICT=NAME, not {item!r}")
            return EXIT_USAGE
        ratings[verdict.strip().lower()] = name.strip()
    if args.output == "-":  # the usual spelling of standard output
        args.output = None
    options: dict[str, Any] = {
        "organisation": args.organisation,
        "organisation_url": args.organisation_url,
        "base_url": args.base_url,
        "ratings": ratings,
        "csv_separator": args.separator,
    }
    try:  # what is refused whatever the batch holds, before it is read: its notices would bury the refusal
        check_request(path, args.format, args.output, **options)
    except ReportError as e:
        _err(str(e))
        return EXIT_USAGE
    try:
        # like status: from the session and the stored pages; a URL not stored yet is listed, never fetched
        # (a server that does not answer would cost the fetch timeout on every report)
        review = Review.open(path, args.corpus, readonly=True, fetch=False)
    except SessionError as e:
        _err(str(e))
        return EXIT_USAGE
    except OSError as e:
        _err(f"{path}: {e.strerror or e}")
        return EXIT_USAGE
    try:
        for problem in review.corpus.errors:
            _err(str(problem))
        if nothing_readable(path, review):
            return EXIT_USAGE
        say_notices(review)
        notes: list[str] = []
        if args.output:
            out = write_report(
                review,
                args.format,
                args.output,
                notes=notes,
                strict=args.strict,
                decided=args.decided,
                **options,
            )
        else:
            text = render(
                review, args.format, notes=notes, strict=args.strict, decided=args.decided, **options
            )
            # To a terminal through textout.inert like every other output; to a pipe or file as written.
            stream = sys.stdout if sys.stdout.isatty() else raw_stream(sys.stdout)
            stream.write(text)
        for line in notes:
            _err(line)
        if args.output:
            print(f"written {out}", file=sys.stderr)
    except ReportError as e:
        _err(str(e))
        return EXIT_USAGE
    except OSError as e:
        _err(f"{args.output}: {e.strerror or e}")
        return EXIT_USAGE
    finally:
        review.close()
    return EXIT_PARTIAL if review.corpus.errors else EXIT_OK

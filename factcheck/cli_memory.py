"""`factcheck memory add|list` and `factcheck match`: has this claim been checked before?"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from factcheck.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, UsageError
from factcheck.cli import err as _err
from factcheck.textout import clipped

QUERY_TEXT_COLUMNS = ("text", "claim", "query", "tweet_content")


def register(subparsers: Any) -> None:
    m = subparsers.add_parser(
        "memory",
        help="the archive of claims checked before",
        description="Add earlier sessions, ClaimReview files and tables to your archive of checked claims, "
        "or list it. The archive is a JSON Lines file ($FACTCHECK_MEMORY, else memory.jsonl in your data folder).",
    )
    msub = m.add_subparsers(dest="memory_command", metavar="ACTION", required=True)
    add = msub.add_parser("add", help="add checks from sessions, ClaimReview JSON(-LD/L) or TSV/CSV tables")
    add.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    add.add_argument("--archive", metavar="FILE", help="the archive file (default: your memory.jsonl)")
    add.set_defaults(func=cmd_memory_add)
    ls = msub.add_parser("list", help="list the archive")
    ls.add_argument("--archive", metavar="FILE", help="the archive file (default: your memory.jsonl)")
    ls.add_argument("--json", action="store_true", help="one JSON object per check")
    ls.set_defaults(func=cmd_memory_list)
    where = msub.add_parser("path", help="print where the archive is")
    where.add_argument("--archive", metavar="FILE", help=argparse.SUPPRESS)
    where.set_defaults(func=cmd_memory_path)

    q = subparsers.add_parser(
        "match",
        help="match claims to earlier checks",
        description="For each query, the best earlier checks with a score and why they match. QUERIES is a "
        "TSV/CSV table with a header naming `id` and `text`, or articles (a file, folder or URL) whose claims "
        "(those `extract` shows: none under the check-worthiness threshold) are the queries.",
    )
    q.add_argument("queries", nargs="+", metavar="QUERIES")
    q.add_argument(
        "--against",
        nargs="+",
        metavar="ARCHIVE",
        help="sessions, ClaimReview files, tables or archive files to match against (default: your archive)",
    )
    q.add_argument("--top", type=int, default=5, metavar="K", help="matches per query (default 5)")
    q.add_argument("--json", action="store_true", help="print one JSON document")
    q.add_argument("--no-cache", action="store_true", help="do not read or write the cached index")
    q.set_defaults(func=cmd_match)


def _archive(args: argparse.Namespace) -> Path:
    from factcheck.memory import memory_path

    return Path(args.archive).expanduser() if getattr(args, "archive", None) else memory_path()


def _report(errors: list[Any]) -> None:
    for e in errors:
        _err(str(e))


def cmd_memory_add(args: argparse.Namespace) -> int:
    from factcheck import session as sess
    from factcheck.memory import add_to_archive, decided_in, is_taken_back, load_archive, read_sources

    archive = _archive(args)
    known, _ = load_archive(
        archive
    )  # a match history may name checks already archived (bad lines: see below)
    checks, errors = read_sources(args.paths, known=known)
    _report(errors)
    if not checks:
        _err("nothing to add")
        return EXIT_USAGE
    try:
        # a decision set back to unreviewed or dismissed in a session read now leaves the archive
        decided = decided_in({c.source for c in checks if c.source.endswith(".toml")})
        for c in checks:  # (a decision re-attached to a new claim id on reading is the one read now)
            decided.get(c.source, set()).add(c.id)
        gone = sum(1 for c in known if is_taken_back(c, decided))
        added, updated = add_to_archive(archive, checks, decided=decided)
    except (OSError, ValueError, sess.SessionError) as e:
        raise UsageError(f"{archive}: {getattr(e, 'strerror', None) or e}") from None
    print(
        f"{archive}: {added} added, {updated} updated"
        + (f", {gone} taken back" if gone else "")
        + f" ({len(checks)} read)"
    )
    return EXIT_PARTIAL if errors else EXIT_OK


def cmd_memory_list(args: argparse.Namespace) -> int:
    from factcheck.memory import load_archive

    archive = _archive(args)
    checks, errors = load_archive(archive)
    _report(errors)
    for c in checks:
        if args.json:
            print(json.dumps(c.to_json(), ensure_ascii=False))
        else:
            bits = [b for b in (c.verdict, c.date, c.author) if b]
            print(f"{c.id}  {' · '.join(bits)}")
            print(f"    {c.claim}")
            if c.url:
                print(f"    {c.url}")
            if c.matched:
                n = len(c.matched)
                print(f"    matched before to {n} other wording{'s' if n > 1 else ''}")
    if not args.json:
        print(f"{len(checks)} check{'' if len(checks) == 1 else 's'} in {archive}", file=sys.stderr)
    if any(e.path == str(archive) for e in errors):  # the file itself is unreadable (a folder, no permission)
        return EXIT_USAGE
    return EXIT_PARTIAL if errors else EXIT_OK


def cmd_memory_path(args: argparse.Namespace) -> int:
    print(_archive(args))
    return EXIT_OK


def read_queries(path: Path) -> tuple[list[tuple[str, str, str]], int]:
    """(id, text, date) rows of a query table: a header naming `text` (or claim/query), and `id` or an unnamed
    first column; an optional `date` column says when each was said or published (ISO or written out; one that
    names no year is said, as it is matched as undated). Also how many rows were left out (each named on stderr:
    a row with cells but no text)."""
    from factcheck.matching import date_parts
    from factcheck.memory import table_delimiter

    text = path.read_bytes().decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=table_delimiter(text, path.suffix))
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        raise UsageError(f"{path}: empty query table") from None
    col = {h: i for i, h in enumerate(header) if h}
    text_col = next((col[h] for h in QUERY_TEXT_COLUMNS if h in col), None)
    if text_col is None:
        raise UsageError(f"{path}: the header names no `text` column (id<TAB>text)")
    id_col = col.get("id", 0 if header[0] == "" else None)
    date_col = col.get("date")
    out = []
    skipped = 0
    start = rows.line_num + 1
    for row in rows:
        n, start = start, rows.line_num + 1
        if text_col < len(row) and row[text_col].strip():
            qid = row[id_col].strip() if id_col is not None and id_col < len(row) else ""
            when = row[date_col].strip() if date_col is not None and date_col < len(row) else ""
            if when and not date_parts(when)[0]:  # (a date ranks by its year: one naming none is no date)
                _err(f"{path}:{n}: the date {when!r} names no year: the query is matched as undated")
            out.append((qid or f"line{n}", row[text_col], when))
        elif any(c.strip() for c in row):  # given, but nothing to match: said, never dropped silently
            _err(f"{path}:{n}: a query with no text")
            skipped += 1
    return out, skipped


def _queries(specs: list[str]) -> tuple[list[tuple[str, str, str, str | None]], int]:
    """Queries (id, text, date, language) from tables and corpora (a claim is dated by its article's publication
    date and in its language; a table's query is in the language detected in its text); returns them and the
    number of inputs that failed."""
    from factcheck import lang
    from factcheck.cli import report_errors

    queries: list[tuple[str, str, str, str | None]] = []
    corpus_paths = []
    failed = 0
    for spec in specs:
        p = Path(spec)
        if p.suffix.lower() in (".tsv", ".csv", ".tab") and p.is_file():
            try:
                rows, skipped = read_queries(p)
                queries.extend((qid, text, when, lang.detect(text)) for qid, text, when in rows)
                failed += skipped
            except (OSError, UnicodeDecodeError) as e:
                _err(f"{p}: {getattr(e, 'strerror', None) or 'not UTF-8 text'}")
                failed += 1
        else:
            corpus_paths.append(spec)
    if corpus_paths:
        from factcheck import pipeline

        corpus = pipeline.build(corpus_paths, group=False)
        report_errors(corpus.errors)
        failed += len(corpus.errors)
        for art in corpus.articles:
            dated = art.published.isoformat() if art.published else ""
            # the claims `extract` shows: none under the check-worthiness threshold, no grouping evidence
            queries.extend(
                (c.id, c.text, dated, art.language)
                for c in corpus.claims.get(art.key, [])
                if corpus.is_shown(c)
            )
    return queries, failed


def cmd_match(args: argparse.Namespace) -> int:
    from factcheck.matching import Matcher, ModelMissing
    from factcheck.memory import cache_dir, load_archive, read_sources

    if args.top < 1:
        raise UsageError("--top must be at least 1")
    queries, failed = _queries(args.queries)
    if not queries:
        _err("no queries")
        return EXIT_USAGE
    if args.against:
        checks, errors = read_sources(args.against)
    else:
        checks, errors = load_archive(_archive(args))
    _report(errors)
    if not checks:
        _err("nothing to match against: add checks with `factcheck memory add` or give --against")
        return EXIT_USAGE
    if sys.stderr.isatty():
        print(f"indexing {len(checks)} checks...", file=sys.stderr, end="\r")
    try:
        matcher = Matcher(checks, cache_dir=None if args.no_cache else cache_dir())
    except ModelMissing as e:
        _err(str(e))
        return EXIT_USAGE
    results = matcher.match_many(
        [q[1] for q in queries], top=args.top, dated=[q[2] for q in queries], langs=[q[3] for q in queries]
    )
    if args.json:
        doc = {
            "queries": [
                {"id": qid, "text": text, "matches": [m.to_json() for m in ms]}
                for (qid, text, *_), ms in zip(queries, results, strict=True)
            ]
        }
        json.dump(doc, sys.stdout, ensure_ascii=False)
        print()
    else:
        for (qid, text, *_), ms in zip(queries, results, strict=True):
            print(f"{qid}  {clipped(text, 100)}")
            if not ms:
                print("    no earlier check matches")
            for m in ms:
                verdict = f" [{m.check.verdict}]" if m.check.verdict else ""
                print(f"    {m.score:.2f}  {m.check.id}{verdict}  {clipped(m.check.claim, 90)}")
                source = " · ".join(b for b in (m.check.author, m.check.date, m.check.url) if b)
                if source:  # who checked it, when, and the link a desk cites
                    print(f"          {source}")
                print(f"          {m.why}")
            print()
    return EXIT_PARTIAL if (errors or failed) else EXIT_OK

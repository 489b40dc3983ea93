"""Scriptable session commands: ``factcheck mark``, ``factcheck status``, ``factcheck merge``.

They go through ``factcheck.review.Review`` — the same code path as the TUI. Errors are one line on stderr
and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck import verdicts
from factcheck.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, notice_line, took_every_value
from factcheck.cli import err as _err
from factcheck.model import Verdict
from factcheck.textout import cells, clipped, json_text, one_line, padded, share_reviewed
from factcheck.urls import canonical_url, is_http_url


def register(subparsers: Any) -> None:
    m = subparsers.add_parser(
        "mark",
        help="record a verdict on claims in a session",
        description="Record a verdict on one claim or several (ids as in `factcheck extract --json`), saved"
        " once: all of them, or none when one is refused.",
    )
    m.add_argument(
        "session", metavar="SESSION", help="session file (created if missing: then --corpus is required)"
    )
    m.add_argument("claim_ids", nargs="*", metavar="CLAIM_ID", help="the claims to mark (one or more)")
    m.add_argument("verdict", metavar="VERDICT", help="one of: " + ", ".join(verdicts.keys()))
    m.add_argument(
        "--ids-from",
        metavar="FILE",
        help="also mark the claim ids in FILE (- for standard input): one or more a line, separated by"
        " blanks; empty lines and lines starting with # are skipped",
    )
    m.add_argument("--note", metavar="TEXT", help="set the claims' note")
    m.add_argument("--by", metavar="CLAIM_ID", help="the claim that supersedes them (verdict superseded)")
    m.add_argument("--corpus", nargs="+", metavar="PATH", help="article files or folders of the session")
    m.set_defaults(func=cmd_mark, reads_config=True)  # the reviewer's name

    s = subparsers.add_parser(
        "status",
        help="progress of a session",
        description="Progress of a session per verdict and per article.",
    )
    s.add_argument("session", metavar="SESSION")
    s.add_argument(
        "--corpus", nargs="+", metavar="PATH", help="article files or folders (default: the session's)"
    )
    s.add_argument("--json", action="store_true", help="print the progress as JSON")
    s.set_defaults(func=cmd_status)

    e = subparsers.add_parser(
        "edit",
        help="set an article's title, outlet or publication date, or a claim's speaker, in a session",
        description="Set what the extractor got wrong, saved in the session (undoable in the TUI). An empty"
        ' value ("") goes back to what was read from the article.',
    )
    e.add_argument("session", metavar="SESSION")
    e.add_argument("--article", metavar="KEY", help="the article to change (key as in `factcheck status`)")
    e.add_argument("--title", metavar="TEXT", help="the article's title")
    e.add_argument("--outlet", metavar="NAME", help="the outlet that published the article")
    e.add_argument(
        "--published",
        metavar="DATE",
        help="the article's publication date (2024-05-03, '3 May 2024', '20 de setembro de 2023', '3 days ago';"
        " its claims' times are read again from it)",
    )
    e.add_argument("--claim", metavar="CLAIM_ID", help="the claim to change")
    e.add_argument("--speaker", metavar="NAME", help="who made the claim")
    e.add_argument(
        "--corpus", nargs="+", metavar="PATH", help="article files or folders (default: the session's)"
    )
    e.set_defaults(func=cmd_edit, reads_config=True)

    g = subparsers.add_parser(
        "merge",
        help="combine two reviewers' sessions of the same corpus",
        description="Combine two sessions; print per-verdict counts, conflicts and Cohen's kappa.",
    )
    g.add_argument("a", metavar="A.toml")
    g.add_argument("b", metavar="B.toml")
    g.add_argument("-o", "--output", required=True, metavar="OUT.toml")
    g.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    g.set_defaults(func=cmd_merge)


def _change(
    path: Path,
    corpus: list[str] | None,
    change: Callable[[Any], str],
    *,
    unknown_hint: str = "",
    claims: tuple[str, ...] = (),
    articles: tuple[str, ...] = (),
    command: str,
) -> int:
    """Open the session for writing, apply ``change(review)`` (which returns what to print), save, close.

    The one path of ``mark`` and ``edit``: the corpus's unreadable inputs and the session's own notices are
    listed, a refused change or save is one line and exit 2. Like ``status`` and ``report``, a session that
    exists is read from its stored pages: a URL not stored is listed as not fetched, never fetched (a server
    that does not answer would cost the fetch timeout on every verdict typed); only a session made here
    fetches the URLs of its ``--corpus``.

    Neither groups the batch: a verdict, a note, a superseding claim, a title, an outlet, a date or a speaker
    is checked and saved without the event groups (a session holds none; a date that re-extracts an article
    leaves the groups to the next command that shows them), so one changed article costs these commands its
    reading and extraction, not a regrouping of the batch.

    A session that exists, whose batch is as the last command that read it whole found it, is opened with the
    articles of ``claims`` and ``articles`` alone (``Review.open_quickly``): the same change is made and saved
    without reading the rest of the batch. After a few files changed, only those are read too (and the session
    reconciled with them). Otherwise the batch is read whole, and its index stored for the next command
    (``factcheck.batch_index``).
    """
    from factcheck.review import Review, ReviewError, SessionError, SessionLocked

    try:
        quick = Review.open_quickly(path, claims, articles, command=command) if corpus is None else None
        if isinstance(quick, Review):
            review = quick
        else:  # (the session as the quick attempt read it, if it did)
            review = Review.open(
                path,
                corpus,
                if_locked="raise",
                fetch=not path.exists(),
                group=False,
                index=True,
                read=quick,
                command=command,
            )
    except SessionLocked as e:
        _err(f"{e}; nothing changed: {e.advice}")
        return EXIT_USAGE
    except SessionError as e:
        _err(str(e))
        return EXIT_USAGE
    try:
        for problem in review.corpus.errors:
            _err(str(problem))
        for line in review.report.lines():
            _err(f"{path}: {line}")
        try:
            done = change(review)
        except ReviewError as e:
            review.discard_unsaved()  # (what it did before refusing is not made later from the journal)
            msg = str(e)
            if unknown_hint and "unknown claim id" in msg:
                msg += unknown_hint
            _err(msg)
            return EXIT_USAGE
        try:
            review.save()
        except (SessionError, ReviewError, OSError) as e:
            review.discard_unsaved()
            _err(str(e))
            return EXIT_USAGE
        print(done)
    finally:
        review.close()
    return EXIT_PARTIAL if review.corpus.errors else EXIT_OK


def _ids_from(name: str) -> list[str]:
    """The claim ids of ``--ids-from NAME`` (- is standard input): blank-separated, empty lines and lines
    starting with # skipped. Raises ValueError saying why the file cannot be read."""
    try:
        if name == "-":
            text = sys.stdin.read()
        else:
            with open(name, encoding="utf-8") as f:
                text = f.read()
    except UnicodeDecodeError:
        raise ValueError(f"--ids-from {name}: not UTF-8 text") from None
    except OSError as e:
        raise ValueError(f"--ids-from {name}: {e.strerror or e}") from None
    return [w for line in text.splitlines() if not line.lstrip().startswith("#") for w in line.split()]


def cmd_mark(args: argparse.Namespace) -> int:
    path = Path(args.session)
    try:
        verdict = verdicts.parse(args.verdict)
        ids = list(args.claim_ids) + (_ids_from(args.ids_from) if args.ids_from else [])
    except ValueError as e:
        _err(str(e) + _verdict_in_corpus(args))
        return EXIT_USAGE
    ids = list(dict.fromkeys(ids))  # (an id given twice is marked once)
    if not ids:
        _err(
            "no claim to mark: give CLAIM_ID ... before the verdict"
            + (f" (--ids-from {args.ids_from} holds none)" if args.ids_from else ", or --ids-from FILE")
        )
        return EXIT_USAGE
    if verdict == Verdict.SUPERSEDED and not args.by:
        _err("a superseded claim needs the id of the claim that supersedes it: give --by CLAIM_ID")
        return EXIT_USAGE
    if not path.exists() and not args.corpus:
        _err(f"{path}: no such session; give --corpus PATH ... to create it")
        return EXIT_USAGE
    for p in args.corpus or []:
        if not is_http_url(p) and not Path(p).exists():  # a URL is fetched (or read from the pages folder)
            from factcheck.ingest import missing_reason

            _err(f"{p}: {missing_reason(Path(p))}")
            return EXIT_USAGE

    def mark(review: Any) -> str:
        # every id is checked before any is marked: a refused one leaves the session as it was
        for cid in [*ids, args.by]:
            if cid:
                _known_claim(review, cid)
        out = []
        for cid in ids:  # (one step each, as many `mark` commands make: undone one by one)
            review.mark(cid, verdict, note=args.note, by=args.by)
            d = review.decision(cid)
            earlier = review.earlier_report(cid, d.superseded_by) if d.superseded_by else None
            if earlier:
                _err(f"note: {earlier}")
            out.append(f"{cid}: {d.verdict}" + (f" by {d.superseded_by}" if d.superseded_by else ""))
        return "\n".join(out)

    return _change(
        path,
        args.corpus,
        mark,
        unknown_hint=" (ids as in `factcheck extract --json`)",
        claims=tuple(ids) + ((args.by,) if args.by else ()),
        command="mark",
    )


def _verdict_in_corpus(args: argparse.Namespace) -> str:
    """Why the verdict is no verdict when ``--corpus``'s list ends with one (`mark S ID --corpus DIR
    confirmed`: argparse gave the id to VERDICT and the verdict to --corpus), with how to write it; else ""."""
    corpus, known = args.corpus or [], verdicts.keys()
    if not corpus or corpus[-1].strip().lower() not in known:
        return ""
    return f"; {took_every_value('--corpus', corpus, 'the verdict', corpus[-1])}"


def cmd_edit(args: argparse.Namespace) -> int:
    path = Path(args.session)
    article_edits = {
        k: v
        for k, v in (("title", args.title), ("outlet", args.outlet), ("published", args.published))
        if v is not None
    }
    if article_edits and not args.article:
        _err("--title, --outlet and --published need --article KEY")
        return EXIT_USAGE
    if args.speaker is not None and not args.claim:
        _err("--speaker needs --claim CLAIM_ID")
        return EXIT_USAGE
    if not article_edits and args.speaker is None:
        _err(
            "nothing to edit: give --article KEY with --title/--outlet/--published, or --claim ID with --speaker"
        )
        return EXIT_USAGE
    if (args.article and not article_edits) or (args.claim and args.speaker is None):
        _err("--article takes --title/--outlet/--published and --claim takes --speaker")
        return EXIT_USAGE
    if not path.exists():
        _err(no_such_session(path))
        return EXIT_USAGE

    def edit(review: Any) -> str:
        import datetime as dt

        from factcheck import times_intl
        from factcheck.review import ReviewError

        key = _article_key(review.corpus, args.article) if args.article else None
        if "published" in article_edits:
            art = review.corpus.article(key)
            typed = article_edits["published"]
            published = times_intl.typed_date(typed, art.language, dt.date.today()) if typed else None
            if typed and published is None:
                no_day = times_intl.impossible_day(typed, art.language, dt.date.today())
                raise ReviewError(
                    f"--published {typed!r}: no such day ({no_day.removesuffix('.')})"
                    if no_day
                    else f"--published {typed!r}: no date in that (write it as 2024-05-03, '3 May 2024' or '3 days ago')"
                )
            review.set_published(key, published)
        if "title" in article_edits:
            review.set_title(key, article_edits["title"])
        if "outlet" in article_edits:
            review.set_outlet(key, article_edits["outlet"])
        if args.speaker is not None:
            _known_claim(review, args.claim)
            review.set_speaker(args.claim, args.speaker)
        out = []
        if article_edits:
            art = review.corpus.article(key)
            assert art is not None
            day = art.published.isoformat() if art.published else "-"
            out.append(f"{key}: title {art.title or '-'}; outlet {art.outlet or '-'}; published {day}")
        if args.speaker is not None:
            out.append(f"{args.claim}: speaker {review.claim(args.claim).speaker or '-'}")
        return "\n".join(out)

    return _change(
        path,
        args.corpus,
        edit,
        claims=(args.claim,) if args.claim else (),
        articles=(args.article,) if args.article else (),
        command="edit",
    )


def _known_claim(review: Any, claim_id: str) -> None:
    """Raise ReviewError unless ``claim_id`` is a claim of the batch. An id whose decision an earlier opening
    re-attached (its article changed, and that opening saved it) names the claim the decision follows now:
    the review knows only the re-attachments of its own opening."""
    from factcheck.review import ReviewError
    from factcheck.session.history import reattached_to

    try:
        review.claim(claim_id)
    except ReviewError as e:
        moved = None if "its article changed" in str(e) else reattached_to(review.data.history, claim_id)
        if moved is None or moved not in review.data.decisions:  # (moved on since, or dismissed and gone)
            raise
        raise ReviewError(
            f"unknown claim id {claim_id!r}: its article changed, and its decision now follows claim {moved}"
        ) from None


def _article_key(corpus: Any, given: str) -> str:
    """The key of the article ``given`` names: its key (as `status` lists it), the path of its file, relative
    or absolute (a file holding one article), or its page's URL (a page stored by `fetch` is keyed by its
    record file). Else a ReviewError saying what is taken."""
    from factcheck.review import ReviewError

    if corpus.article(given) is not None:
        return given
    if is_http_url(given):
        page = (canonical_url(given) or given).rstrip("/")  # (any spelling: ".../é.html", ".../%C3%A9.html")
        keys = [
            a.key for a in corpus.articles if a.url and (canonical_url(a.url) or a.url).rstrip("/") == page
        ]
        if len(keys) == 1:
            return keys[0]
        if keys:
            raise ReviewError(
                f"{given} is the page of {len(keys)} articles: give the key of one (as `factcheck status` lists"
                " them)"
            )
    where = Path(given)
    if where.is_file():
        where = where.resolve()
        keys = [a.key for a in corpus.articles if a.source_file and Path(a.source_file).resolve() == where]
        if len(keys) == 1:
            return keys[0]
        if keys:
            raise ReviewError(
                f"{given} holds {len(keys)} articles: give the key of one (as `factcheck status` lists them)"
            )
    raise ReviewError(
        f"unknown article {given!r} (keys as in `factcheck status`, the article's file or its URL)"
    )


def no_such_session(path: Path) -> str:
    """ "PATH: no such session", and where its decisions are when a review of it ended before its first save
    (its journal holds them: a review of the batch makes them again)."""
    from factcheck.session.journal import journal_path

    journal = journal_path(path)
    if not journal.is_file():
        return f"{path}: no such session"
    return (
        f"{path}: no such session yet; {journal.name} holds the changes of a review that ended before its first"
        f" save: open it with `factcheck review CORPUS --session {path}` to keep them"
    )


def say_notices(review: Any) -> None:
    """Each article's notices on stderr, one line each, as ``extract`` prints them (a language with no
    support, a record date its text contradicts unless the reviewer has set the date)."""
    for a in review.corpus.articles:
        for n in review.notices(a):
            _err(notice_line(a, n, str(review.path)))


def nothing_readable(path: Path, review: Any) -> bool:
    """True, with a line saying so, when none of the session's corpus could be read (its folder moved or
    deleted: each unreadable input is listed before): the command stops with exit 2 as every command does
    when given nothing readable, instead of showing a review of no article with every decision orphaned."""
    if review.corpus.articles:
        return False
    _err(
        f"{path}: none of its corpus could be read; its {len(review.data.decisions)} decision(s) are kept in"
        " the file: give --corpus PATH (where the articles are now)"
    )
    return True


def _key_parts(name: str) -> list[str]:
    """An article's key cut at its slashes; a URL's scheme and host are one part ("http://host"), its first
    "folder", so that a shortened URL still names its site."""
    parts = name.split("/")
    if len(parts) >= 3 and is_http_url(name):
        return ["/".join(parts[:3]), *parts[3:]]
    return parts


def shortest_path(name: str) -> str:
    """The shortest form ``fit_path`` gives an article's key: its first folder (a URL's scheme and host) and
    its file name whole ("train/…/cnn_12.json"); a key of one folder or none has no shorter form."""
    parts = _key_parts(name)
    return name if len(parts) <= 2 else f"{parts[0]}/…/{parts[-1]}"


def fit_path(name: str, width: int) -> str:
    """An article's key (a path relative to its corpus) in ``width`` terminal cells if it can be: the first
    folder (a corpus's split: train/, dev/) and the file name kept whole, the folders between cut from the
    middle ("train/…/2016/cnn_12.json"), never a name cut in two. No shorter than ``shortest_path``."""
    if cells(name) <= width:
        return name
    parts = _key_parts(name)
    if len(parts) <= 2:
        return name
    first, file = parts[0], parts[-1]
    kept: list[str] = []  # the folders nearest the file that fit
    used = cells(first) + 3 + cells(file)  # first/…/file
    for folder in reversed(parts[1:-1]):
        if used + cells(folder) + 1 > width:
            break
        kept.insert(0, folder)
        used += cells(folder) + 1
    return "/".join([first, "…", *kept, file])


def cmd_status(args: argparse.Namespace) -> int:
    from factcheck.review import Review, SessionError

    path = Path(args.session)
    if not path.exists():
        _err(no_such_session(path))
        return EXIT_USAGE
    try:
        # progress needs no groups, nor the pages of URLs never stored (a failing server would be asked again);
        # nor, when the batch is as a command last read it whole, any article's text (``Review.open_quickly``)
        quick = Review.open_quickly(path, readonly=True) if args.corpus is None else None
        if isinstance(quick, Review):
            review = quick
        else:
            review = Review.open(
                path, args.corpus, readonly=True, group=False, fetch=False, index=True, read=quick
            )
    except SessionError as e:
        _err(str(e))
        return EXIT_USAGE
    for problem in review.corpus.errors:
        _err(str(problem))
    if nothing_readable(path, review):
        return EXIT_USAGE
    say_notices(review)
    total = review.progress()
    hidden = review.hidden()
    per_article = {a.key: review.article_progress(a.key) for a in review.corpus.articles}
    orphans = review.orphans
    dangling = review.dangling_links
    parts = set(review.report.reattached_parts)
    conflicts = [d.claim_id for d in review.data.decisions.values() if d.conflicts]
    if args.json:
        out = {
            "session": str(path),
            "reviewer": review.data.reviewer,
            "corpus": list(review.corpus.paths),
            "progress": {str(v): n for v, n in total.items()},
            # claims under the check-worthiness threshold with no verdict: not in "progress" (the TUI's w)
            "hidden": hidden,
            "min_score": review.corpus.min_score,
            "articles": {k: {str(v): n for v, n in p.items()} for k, p in per_article.items()},
            "orphans": [d.claim_id for d in orphans],
            # links of kept decisions to claims no longer in the batch: {"claim", "link": "superseded by" |
            # "evidence", "to"}
            "dangling": [{"claim": c, "link": how, "to": to} for c, how, to in dangling],
            # every decision that moved to another claim id when the session was opened (the notes name the
            # first few); "part": it was made on a claim now cut into sentences and sits on one of them
            "reattached": [
                {"from": old, "to": new, "part": (old, new) in parts}
                for old, new, _score in review.report.reattached
            ],
            "conflicts": conflicts,
            # the same claims with their words, as the review names them ({"claim", "text"}; "text" is "" for
            # a claim no longer read whose decision stored no words)
            "conflict_claims": [{"claim": c, "text": review.claim_text(c)} for c in conflicts],
            # every article the session recorded that is no longer in the corpus (its decisions are kept);
            # the reconciliation line names only the first three
            "missing": list(review.report.missing_articles),
            "reconciliation": review.report.lines(),
        }
        print(json_text(out))
        return EXIT_PARTIAL if review.corpus.errors else EXIT_OK
    n = sum(total.values())
    done = n - total[Verdict.UNREVIEWED]
    pct = share_reviewed(done, n)
    saved = review.data.saved.isoformat().replace("+00:00", "Z") if review.data.saved else "never"
    print(
        f"{path}: {done:,} of {n:,} claims reviewed ({pct}); reviewer {review.data.reviewer or '?'}; saved {saved}"
    )
    if hidden:
        print(
            f"hidden: {hidden:,} more claim(s) under the check-worthiness threshold {review.corpus.min_score:.2f},"
            " not counted until they have a verdict (w shows them in the review)"
        )
    print("corpus: " + ", ".join(review.corpus.paths))
    for v in Verdict:
        print(f"  {v!s:<11} {total[v]:>6,}")  # (thousands separated, as the line above counts them)
    if per_article:
        names = {k: one_line(k) for k in per_article}  # a file name holding a newline stays on its row
        heads = [str(v) for v in Verdict] + (["hidden"] if hidden else [])
        counts = {
            k: [*(p[v] for v in Verdict), *([review.article_hidden(k)] if hidden else [])]
            for k, p in per_article.items()
        }
        # in a terminal the table fits its width (a row reached ~180 columns and wrapped): the folders of a
        # key are cut first, down to its shortest form (never the key itself, `edit --article` takes it), then
        # the outlet and title at the end of the row; when a shortest key beside the counts' names would still
        # wrap, the verdicts' badges head the counts (· ✓ ✗ ↷, as in the review's status line)
        columns = terminal_width()
        shortest = max(cells(shortest_path(n)) for n in names.values())
        if columns is not None and 2 + shortest + sum(len(h) + 1 for h in heads) + 2 > columns:
            heads = [verdicts.info(v).badge for v in Verdict] + heads[len(Verdict) :]
        # each count as wide as its column's name (or its number, when wider)
        widths = [max(len(h), *(len(f"{c[i]:,}") for c in counts.values())) for i, h in enumerate(heads)]
        head = "".join(f" {h:>{w}}" for h, w in zip(heads, widths, strict=True))
        room = 60 if columns is None else max(columns - 2 - len(head) - 2 - _NAME_ROOM, 0)
        width = max(min(max(cells(n) for n in names.values()), 60, room), shortest)
        name_room = None if columns is None else columns - 2 - width - len(head) - 2
        print("per article:")
        articles = {a.key: a for a in review.corpus.articles}
        named = _clip_name("outlet 'title'", name_room)
        print(f"  {padded('article', width)}{head}  {named}".rstrip())
        for k, row_counts in counts.items():
            row = f"  {padded(fit_path(names[k], width), width)}"
            row += "".join(f" {n:>{w},}" for n, w in zip(row_counts, widths, strict=True))
            # the article as the review names it: a key says little of a page ("fetched/127.0.0.1-ae91….json")
            print(f"{row}  {_clip_name(_named(articles[k]), name_room)}".rstrip())
    for line in review.report.lines():
        print(f"note: {line}")
    if orphans:
        print(
            f"orphans: {len(orphans)} decision(s) attached to no claim: "
            + ", ".join(d.claim_id for d in orphans[:10])
        )
    if dangling:
        print(
            f"dangling: {len(dangling)} link(s) of decisions to a claim no longer in the batch: "
            + ", ".join(f"{c} {how} {to}" for c, how, to in dangling[:10])
        )
    if conflicts:
        # each by its id (for `mark ID`) and its first words, as the review's undo names it
        print(f"conflicts: {len(conflicts)} claim(s) to resolve (n in the review goes to them, r resolves):")
        for c in conflicts[:10]:
            words = review.named_claim(c)
            print(f"  {c}" + (f" {words}" if words != c else ""))
        if len(conflicts) > 10:
            print(f"  and {len(conflicts) - 10} more")
    return EXIT_PARTIAL if review.corpus.errors else EXIT_OK


_NAME_ROOM = 24  # the columns a key's folders give way to, for the outlet and title at the end of a row


def terminal_width() -> int | None:
    """The columns a table fits in: COLUMNS when set, else the terminal's; None when the output is not a
    terminal (a file or a pipe keeps whole rows)."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _clip_name(name: str, room: int | None) -> str:
    """The outlet and title ending a row, cut with "…" to ``room`` columns (nothing when under 4)."""
    if room is None:
        return name
    return clipped(name, room) if room >= 4 else ""


def _named(a: Any) -> str:
    """An article's outlet and the first words of its title, as the review names it; "" when it has
    neither (its key, on the row, is all there is)."""
    from factcheck.review import article_named

    return article_named(a) if a.outlet or a.title else ""


def _rebased(stored: str, session: Path, out: Path) -> str:
    """A corpus path ``session`` records (relative to its folder) as OUT records it; a URL stays a URL."""
    import os

    if is_http_url(stored):
        return stored
    where = (session.parent / stored).resolve()
    try:
        return Path(os.path.relpath(where, out.parent.resolve())).as_posix()
    except ValueError:  # no relative path (another drive on Windows)
        return where.as_posix()


def cmd_merge(args: argparse.Namespace) -> int:
    from factcheck import session as sess

    a, b, out = Path(args.a), Path(args.b), Path(args.output)
    for p in (a, b):
        if not p.is_file():
            _err(f"{p}: no such session")
            return EXIT_USAGE
    if a.resolve() == b.resolve():
        _err(f"{a} and {b}: the same session; merge combines two reviewers' sessions")
        return EXIT_USAGE
    where = out.resolve()
    for p in (a, b):
        if any(f.resolve() == where for f in sess.session_files(p)):
            # --force overwrites an old output, never a reviewer's session or its history: the merge would
            # replace the decisions and trail it was made from (give OUT another name, then open that)
            _err(f"{out}: a file of the input session {p.name}; not written over (give another -o file)")
            return EXIT_USAGE
    if out.exists() and not args.force:
        _err(f"{out}: exists; use --force to overwrite it")
        return EXIT_USAGE
    try:
        da, db = sess.load(a), sess.load(b)
        for p, d in ((a, da), (b, db)):
            for c in d.corpus:
                article = (p.parent / c).resolve()
                if not is_http_url(c) and (where == article or article in where.parents):
                    _err(f"{out}: in the corpus of {p.name} ({c}); not written there (give another -o file)")
                    return EXIT_USAGE
        corpus = [_rebased(p, a, out) for p in da.corpus]
        # B's corpus is read too when B recorded articles A never had (two desks' overlapping batches):
        # else B's decisions on them would be orphans. Not when it is only another copy of A's articles.
        extra = [c for c in (_rebased(p, b, out) for p in db.corpus) if c not in corpus]
        if extra and set(db.articles) - set(da.articles):
            corpus += extra
        else:
            extra = []
        merged, report = sess.merge(da, db, corpus)
        report.sessions = (str(a), str(b))
        if extra:
            report.notes.append(f"corpus: {a.name}'s and {b.name}'s corpus (added {', '.join(extra)})")
        lock = sess.SessionLock.acquire(out, "merge")
        try:
            merged.saved = sess.utcnow()
            sess.save(out, merged)
        finally:
            lock.release()
    except sess.SessionLocked as e:
        _err(f"{e}; not written: {e.advice}")
        return EXIT_USAGE
    except sess.SessionError as e:
        _err(str(e))
        return EXIT_USAGE
    except OSError as e:
        _err(f"{out}: {e.strerror or e}")
        return EXIT_USAGE
    for line in report.lines():
        print(line)
    print(
        f"written {out}"
        + (f" ({len(report.conflicts)} conflict(s) kept for resolution)" if report.conflicts else "")
    )
    return EXIT_OK

"""Claim memory: an archive of claims checked before, by this desk or by others.

Sources a reviewer points to (``factcheck memory add PATH...``, ``factcheck match --against PATH...``):

- review sessions (``.toml``, or a folder of them): every decided claim (confirmed, disputed, superseded) with
  its verdict, note, evidence, article and reviewer;
- published fact-checks as schema.org ``ClaimReview`` (``.json`` / ``.jsonld``: one object, a list, a ``@graph``,
  or one object per line as public ClaimReview feeds publish them);
- tables (``.tsv`` / ``.csv``) with a header naming at least ``claim`` (``vclaim``, ``claimReviewed`` and
  ``text`` are read as the same), and optionally ``id``, ``title``, ``verdict``/``rating``, ``url``, ``date``,
  ``author``, ``matched``. An unnamed first column is the id;
- match histories: tables naming ``id`` and ``matched`` (and no claim): each row a text that was matched to the
  archived check with that id, kept as one of its ``matched`` wordings (matching learns from them). A decided
  claim of a session whose evidence is an earlier check's link (the reviewer applied that check) is one too.

The archive itself is a JSON Lines file, one check a line with named fields, readable and diffable
(``memory_path()``: ``$FACTCHECK_MEMORY``, else ``memory.jsonl`` in the user data folder). A bad source file or a
bad line gives one error naming the file (and line); the rest still loads.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from factcheck.urls import is_http_url
from factcheck.verdicts import Verdict

MAX_SOURCE_BYTES = 200 * 1024 * 1024  # a public ClaimReview feed can be large; a bigger file is not a source
TABLE_SUFFIXES = {".tsv", ".csv", ".tab"}
JSON_SUFFIXES = {".json", ".jsonld", ".jsonl", ".ndjson"}
SESSION_SUFFIXES = {".toml"}
_CLAIM_COLUMNS = ("claim", "vclaim", "claimreviewed", "claim_reviewed", "text")
_VERDICT_COLUMNS = ("verdict", "rating", "textualrating", "label")
# A match history: a table naming `id` (of an archived check) and one of these, and no claim column.
_MATCHED_COLUMNS = ("matched", "wording", "query")


@dataclass(frozen=True, slots=True)
class Check:
    """One claim checked before."""

    id: str
    claim: str
    title: str = ""  # the fact-check's headline
    verdict: str = ""  # our verdict or the publisher's rating ("False", "Mostly true"...)
    url: str = ""  # the fact-check or the article (http(s) only)
    date: str = ""  # when it was checked (or published), ISO
    author: str = ""  # who checked it: a reviewer or a fact-checking organisation
    claimant: str = ""  # who made the claim
    note: str = ""
    source: str = ""  # the file it came from
    # Other wordings of this claim matched to this check before (a reviewer applied it to them, or a labelled
    # set pairs them): matching learns from them which words say the same thing (``matching.Matcher``).
    matched: tuple[str, ...] = ()
    # Every http(s) evidence link of a session's decision (``url`` is the first): the reviewer may have applied
    # an earlier check (its link) to a claim that already had evidence.
    evidence: tuple[str, ...] = ()
    # The fields of an archive line this version does not know (written by a newer one), as a JSON object's
    # text: written back as they were when the archive is rewritten.
    extra: str = ""

    def to_json(self) -> dict[str, Any]:
        own = {
            k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items() if v and k != "extra"
        }
        return {**json.loads(self.extra), **own} if self.extra else own

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Check:
        names = {f.name for f in fields(cls)} - {"matched", "evidence", "extra"}
        vals: dict[str, Any] = {k: str(v) for k, v in d.items() if k in names and v is not None}
        unknown = {k: v for k, v in d.items() if k not in names | {"matched", "evidence"}}
        if unknown:
            vals["extra"] = json.dumps(unknown, ensure_ascii=False, sort_keys=True)
        if not vals.get("claim", "").strip():
            raise ValueError("no claim text")
        if not vals.get("id"):
            vals["id"] = check_id(vals["claim"], vals.get("url", ""))
        matched = d.get("matched") or []
        if not isinstance(matched, list) or not all(isinstance(m, str) for m in matched):
            raise ValueError("'matched' must be a list of texts")
        evidence = d.get("evidence") or []
        if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
            raise ValueError("'evidence' must be a list of links")
        return cls(
            **vals,
            matched=tuple(m for m in matched if m.strip()),
            evidence=tuple(e for e in evidence if is_http_url(e)),
        )

    def with_matched(self, texts: Iterable[str]) -> Check:
        """This check with more wordings matched to it (each kept once, in order)."""
        new = tuple(dict.fromkeys((*self.matched, *(" ".join(t.split()) for t in texts if t.strip()))))
        return self if new == self.matched else replace(self, matched=new)


@dataclass(slots=True)
class SourceError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def check_id(claim: str, url: str = "") -> str:
    h = hashlib.sha1(f"{' '.join(claim.split()).lower()}\0{url}".encode()).hexdigest()
    return "m" + h[:11]


ARCHIVE_NAME = "memory.jsonl"


def memory_path(beside: Path | None = None) -> Path:
    """The archive: ``$FACTCHECK_MEMORY``; else a desk's shared ``memory.jsonl`` in the folder of the session
    ``beside`` (when there is one); else ``memory.jsonl`` in the user data folder."""
    env = os.environ.get("FACTCHECK_MEMORY")
    if env:
        return Path(env).expanduser()
    if beside is not None:
        shared = Path(beside).expanduser().parent / ARCHIVE_NAME
        if shared.is_file():
            return shared
    import platformdirs

    return Path(platformdirs.user_data_dir("factcheck")) / ARCHIVE_NAME


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck")) / "memory-index"


# ---------------------------------------------------------------------------------------------
# Reading sources


def read_sources(
    paths: Iterable[str | Path], *, known: Iterable[Check] = ()
) -> tuple[list[Check], list[SourceError]]:
    """Every check in the given files and folders (folders read recursively, sorted); errors one per file.

    A match history (a table of ``id`` and ``matched``: this text was matched to the check with this id) adds
    its texts to the ``matched`` wordings of the checks read with it, or else of the ``known`` ones (the
    archive), which are then returned updated; a row naming no such check is listed as an error."""
    checks: list[Check] = []
    errors: list[SourceError] = []
    history: list[tuple[str, int, str, str]] = []  # (file, line, check id, text)
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(
                f
                for f in path.rglob("*")
                if f.is_file()
                and not f.is_symlink()
                and f.suffix.lower() in TABLE_SUFFIXES | JSON_SUFFIXES | SESSION_SUFFIXES
                and not f.name.startswith(".")
                and not f.name.endswith(".history.toml")  # a session's history: read with its session
            )
            if not files:
                errors.append(SourceError(str(path), "no session, ClaimReview or table files in this folder"))
            for f in files:
                _read_one(f, checks, errors, history)
        elif path.exists():
            _read_one(path, checks, errors, history)
        else:
            errors.append(SourceError(str(path), "no such file or folder"))
    archived = list(known)
    history += _session_history(checks, archived)
    if history:
        checks = _attach_history(checks, archived, history, errors)
    return checks, errors


def _session_history(checks: list[Check], known: list[Check]) -> list[tuple[str, int, str, str]]:
    """A decided claim of a session one of whose evidence links is an earlier check's link (the reviewer applied
    that check to it) is a wording matched to that check (the first such check when several are linked)."""
    by_url: dict[str, str] = {}
    for c in (*known, *checks):
        if c.url and Path(c.source).suffix.lower() not in SESSION_SUFFIXES:
            by_url.setdefault(c.url, c.id)
    out = []
    for c in checks:
        if Path(c.source).suffix.lower() in SESSION_SUFFIXES:
            linked = next((by_url[u] for u in (*c.evidence, c.url) if u in by_url), None)
            if linked is not None:
                out.append((c.source, 0, linked, c.claim))
    return out


def _attach_history(
    checks: list[Check],
    known: list[Check],
    history: list[tuple[str, int, str, str]],
    errors: list[SourceError],
) -> list[Check]:
    by_id = {c.id: c for c in known}
    by_id.update((c.id, c) for c in checks)
    texts: dict[str, list[str]] = {}
    missing: dict[str, list[str]] = {}
    for file, line, cid, text in history:
        if cid in by_id:
            texts.setdefault(cid, []).append(text)
        else:
            missing.setdefault(file, []).append(f"{line} ({cid})")
    for file, lines in missing.items():
        more = f" and {len(lines) - 5} more" if len(lines) > 5 else ""
        errors.append(SourceError(file, f"no check with the id of line(s) {', '.join(lines[:5])}{more}"))
    out = [c.with_matched(texts.pop(c.id, ())) for c in checks]
    out += [by_id[cid].with_matched(ts) for cid, ts in texts.items()]  # archived checks given new wordings
    return out


def table_delimiter(text: str, suffix: str) -> str:
    """The cell separator of a table file: a tab in a ``.tsv`` / ``.tab``; in a ``.csv`` a comma, or a
    semicolon when its header line holds more semicolons than commas (a spreadsheet where the decimal mark is
    a comma saves its CSV so: Excel in German, French, Spanish, Portuguese settings, and ``factcheck report
    --separator ';'``)."""
    if suffix.lower() != ".csv":
        return "\t"
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def read_history(text: str, *, delimiter: str = "\t") -> list[tuple[int, str, str]] | None:
    """(line, check id, text) rows of a match history table (header: ``id`` and ``matched``, no claim column);
    None when the table is not one."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(rows, [])]
    col = {h: i for i, h in enumerate(header) if h}
    text_col = next((col[h] for h in _MATCHED_COLUMNS if h in col), None)
    if text_col is None or "id" not in col or any(h in col for h in _CLAIM_COLUMNS):
        return None
    out = []
    for n, row in enumerate(rows, 2):
        cid = row[col["id"]].strip() if col["id"] < len(row) else ""
        said = row[text_col].strip() if text_col < len(row) else ""
        if cid and said:
            out.append((n, cid, said))
    return out


def _read_one(
    path: Path, checks: list[Check], errors: list[SourceError], history: list[tuple[str, int, str, str]]
) -> None:
    suffix = path.suffix.lower()
    try:
        if not path.is_file():
            raise ValueError("not a regular file")
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise ValueError(f"larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
        if suffix in SESSION_SUFFIXES:
            got = list(read_session(path))
        else:
            raw = path.read_bytes()
            if b"\0" in raw:
                raise ValueError("binary file")
            text = raw.decode("utf-8-sig")
            delimiter = table_delimiter(text, suffix)
            rows = read_history(text, delimiter=delimiter) if suffix in TABLE_SUFFIXES else None
            if rows is not None:
                if not rows:
                    raise ValueError("a match history with no rows")
                history.extend((str(path), n, cid, said) for n, cid, said in rows)
                return
            if suffix in TABLE_SUFFIXES:
                got, bad = read_table(text, delimiter=delimiter, source=str(path))
                errors.extend(SourceError(f"{path}:{line}", why) for line, why in bad)
            elif suffix in JSON_SUFFIXES and _looks_like_archive(text):  # an archive (another desk's, a copy)
                got, archive_errors = _archive_lines(text, path)
                errors.extend(archive_errors)
            elif suffix in JSON_SUFFIXES:
                got, bad = read_claimreview(text, source=str(path))
                errors.extend(SourceError(f"{path}:{line}", why) for line, why in bad)
            else:
                raise ValueError(f"unsupported file type {suffix or '(none)'}")
    except UnicodeDecodeError:
        errors.append(SourceError(str(path), "not UTF-8 text"))
        return
    except (OSError, ValueError, RecursionError) as e:
        errors.append(SourceError(str(path), _reason(e)))
        return
    except Exception as e:  # a session that does not open (corrupt, corpus gone) names itself
        errors.append(SourceError(str(path), _reason(e)))
        return
    if not got:
        errors.append(SourceError(str(path), "no checked claims found"))
    checks.extend(got)


def _reason(e: BaseException) -> str:
    if isinstance(e, RecursionError):
        return "nested too deeply"
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e).splitlines()[0] if str(e) else type(e).__name__


def read_table(
    text: str, *, delimiter: str = "\t", source: str = ""
) -> tuple[list[Check], list[tuple[int, str]]]:
    """Rows of a TSV/CSV table whose header names the claim column (a ``matched`` column: a wording matched to
    the row's check, as in a match history), and ``(line, reason)`` for each row left out: a row with cells but
    no claim, and a quotation mark never closed (which would swallow the rest of the file as one cell). A row
    whose verdict is ``unreviewed`` is no check (``factcheck report -f csv`` lists every claim of a batch, the
    undecided ones too: a desk's report added to the archive made them "checked before")."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        raise ValueError("empty table") from None
    col = {h: i for i, h in enumerate(header) if h}
    claim_col = next((col[h] for h in _CLAIM_COLUMNS if h in col), None)
    if claim_col is None:
        raise ValueError("the header names no 'claim' column")
    id_col = col.get("id", 0 if header and header[0] == "" else None)
    verdict_col = next((col[h] for h in _VERDICT_COLUMNS if h in col), None)
    matched_col = next((col[h] for h in _MATCHED_COLUMNS if h in col), None)
    unclosed = _unclosed_quote(text, delimiter)

    def cell(row: list[str], i: int | None) -> str:
        return row[i].strip() if i is not None and i < len(row) else ""

    out: list[Check] = []
    bad: list[tuple[int, str]] = []
    start = rows.line_num + 1
    for row in rows:
        line, start = start, rows.line_num + 1
        if unclosed is not None and line >= unclosed:
            bad.append(
                (unclosed, "a quotation mark opened on this line is never closed (the rest of the file)")
            )
            break
        claim = cell(row, claim_col)
        if not claim:
            if any(c.strip() for c in row):
                bad.append((line, "a row with no claim text"))
            continue
        if cell(row, verdict_col).lower() == Verdict.UNREVIEWED:
            continue  # (a claim a factcheck report lists with no verdict: never checked, as in its session)
        url = cell(row, col.get("url"))
        out.append(
            Check(
                id=cell(row, id_col) or check_id(claim, url),
                claim=claim,
                title=cell(row, col.get("title")),
                verdict=cell(row, verdict_col),
                url=url if is_http_url(url) else "",
                date=cell(row, col.get("date")),
                author=cell(row, col.get("author")),
                claimant=cell(row, col.get("claimant")),
                source=source,
            ).with_matched([cell(row, matched_col)])
        )
    return out, bad


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """The line where a quoted cell opens that the file never closes, if one does (the csv module reads such a
    cell to the end of the file without a word; its strict mode says so)."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            next(rows)
        except StopIteration:
            return None
        except csv.Error as e:
            if "unexpected end of data" in str(e):
                return start
        start = rows.line_num + 1


def read_claimreview(text: str, *, source: str = "") -> tuple[list[Check], list[tuple[int, str]]]:
    """ClaimReview objects from JSON (an object, a list, a ``@graph``) or JSON Lines; bad lines listed."""
    docs: list[tuple[int, Any]] = []
    bad: list[tuple[int, str]] = []
    stripped = text.strip()
    if not stripped:
        raise ValueError("empty file")
    try:
        docs.append((1, json.loads(stripped)))
    except json.JSONDecodeError:
        lines = stripped.split("\n")
        if len(lines) == 1:
            raise ValueError("not JSON") from None
        for n, row in enumerate(lines, 1):
            if not row.strip():
                continue
            try:
                docs.append((n, json.loads(row)))
            except json.JSONDecodeError as e:
                bad.append((n, f"not JSON ({e.msg}, column {e.colno})"))
    out: list[Check] = []
    for n, doc in docs:
        for obj in _claimreviews(doc):
            try:
                out.append(_from_claimreview(obj, source))
            except ValueError as e:
                bad.append((n, str(e)))
    return out, bad


def _claimreviews(doc: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(doc, list):
        for d in doc:
            yield from _claimreviews(d, depth + 1)
    elif isinstance(doc, dict):
        kind = doc.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "ClaimReview" in kinds or ("claimReviewed" in doc and "reviewRating" in doc):
            yield doc
        for key in ("@graph", "itemListElement", "claims", "items"):
            if key in doc:
                yield from _claimreviews(doc[key], depth + 1)
        if kind == "ListItem" and "item" in doc:
            yield from _claimreviews(doc["item"], depth + 1)


def _text(v: Any) -> str:
    if isinstance(v, str):
        return " ".join(v.split())
    if isinstance(v, dict):
        return _text(v.get("name") or v.get("alternateName") or v.get("@id") or "")
    if isinstance(v, list) and v:
        return _text(v[0])
    return ""


def _from_claimreview(obj: dict[str, Any], source: str) -> Check:
    claim = _text(obj.get("claimReviewed"))
    if not claim:
        raise ValueError("a ClaimReview without claimReviewed")
    rating = obj.get("reviewRating") or {}
    verdict = (
        _text(rating.get("alternateName")) or _text(rating.get("name")) if isinstance(rating, dict) else ""
    )
    item = obj.get("itemReviewed") if isinstance(obj.get("itemReviewed"), dict) else {}
    url = obj.get("url") if is_http_url(obj.get("url")) else ""
    date = _text(obj.get("datePublished"))[:10]
    ident = obj.get("identifier") or obj.get("@id")
    return Check(
        id=str(ident) if isinstance(ident, str | int) and str(ident) else check_id(claim, str(url)),
        claim=claim,
        title=_text(obj.get("name") or obj.get("headline")),
        verdict=verdict,
        url=str(url),
        date=date,
        author=_text(obj.get("author")),
        claimant=_text(item.get("author")) if isinstance(item, dict) else "",
        source=source,
    )


def read_session(path: Path) -> Iterator[Check]:
    """Decided claims of a review session, with the article they came from (its corpus is read)."""
    from factcheck.model import Verdict
    from factcheck.review import Review

    review = Review.open(path, readonly=True, group=False)  # (no group is read: as `status`, never grouped)
    try:
        if not review.corpus.articles and review.data.decisions:  # (its folder moved or was deleted)
            n = len(review.data.decisions)
            raise ValueError(
                f"none of its corpus could be read (its folder moved?), so its {n} decision{'s' if n > 1 else ''}"
                " cannot be archived"
            )
        for art in review.corpus.articles:
            for claim in review.claims(art.key):
                d = review.decision(claim.id)
                if d.verdict == Verdict.UNREVIEWED or d.dismissed:
                    continue
                evidence = [e for e in d.evidence if is_http_url(e)]
                verdict = str(d.verdict)
                if d.superseded_by:
                    verdict += f" (by {d.superseded_by})"
                yield Check(
                    id=claim.id,
                    claim=claim.text,
                    title=art.title or "",
                    verdict=verdict,
                    url=evidence[0] if evidence else (art.url or ""),
                    evidence=tuple(evidence),
                    date=d.updated.date().isoformat() if d.updated else "",
                    author=d.reviewer or "",
                    claimant=claim.speaker or art.outlet or "",
                    note=d.note,
                    source=os.path.abspath(path),  # from any folder, the session it came from (``_is_own``)
                )
    finally:
        review.close()


# ---------------------------------------------------------------------------------------------
# The archive file


def load_archive(path: Path) -> tuple[list[Check], list[SourceError]]:
    """The checks of an archive file (JSON Lines); a bad line is listed and skipped. No file: empty."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], []
    except OSError as e:  # a folder, no permission: the archive is named with the reason
        return [], [SourceError(str(path), _reason(e))]
    return _archive_lines(raw.decode("utf-8-sig", errors="replace"), path)


def _looks_like_archive(text: str) -> bool:
    """Whether a JSON Lines text is an archive (its first line a check, ``claim`` named) and not ClaimReview."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        obj = json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(obj, dict) and "claim" in obj and "@type" not in obj and "claimReviewed" not in obj


def _archive_lines(text: str, path: Path) -> tuple[list[Check], list[SourceError]]:
    checks, errors = [], []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("not an object")
            checks.append(Check.from_json(obj))
        except json.JSONDecodeError:
            errors.append(SourceError(f"{path}:{n}", "not a JSON line"))
        except (ValueError, TypeError, RecursionError) as e:
            errors.append(SourceError(f"{path}:{n}", _reason(e)))
    return checks, errors


def decided_in(sessions: Iterable[str]) -> dict[str, set[str]]:
    """The claim ids each of these sessions (absolute paths, as a check's ``source``) holds a verdict on now
    (not dismissed). An archived check of one of them whose claim is not among them was taken back."""
    from factcheck import session as sess
    from factcheck.model import Verdict

    return {
        s: {
            d.claim_id
            for d in sess.load(Path(s)).decisions.values()
            if d.verdict != Verdict.UNREVIEWED and not d.dismissed
        }
        for s in sessions
    }


def is_taken_back(check: Check, decided: dict[str, set[str]]) -> bool:
    """Whether an archived check is the decision of a session read now that no longer holds it (set back to
    unreviewed, dismissed, or moved to another claim id since), see ``decided_in``."""
    return _from_session(check) and check.source in decided and _claim_of(check) not in decided[check.source]


def add_to_archive(
    path: Path, new: list[Check], *, decided: dict[str, set[str]] | None = None
) -> tuple[int, int]:
    """Add checks to the archive (a check already there by id is replaced, keeping the wordings matched to it);
    returns (added, updated). The checks of the sessions in ``decided`` (``decided_in``) that they no longer
    hold are removed: archived again, a session says what it no longer decides as well as what it does."""
    from factcheck.atomic import write_atomic

    current, errors = load_archive(path)
    if any(e.path == str(path) for e in errors):  # the file itself cannot be read (a folder, no permission)
        raise ValueError(errors[0].reason)
    if errors:  # never rewrite (and so drop) lines we could not read
        lines = ", ".join(e.path.rsplit(":", 1)[1] for e in errors[:5]) + (", ..." if len(errors) > 5 else "")
        raise ValueError(
            f"{len(errors)} bad line{'s' if len(errors) > 1 else ''} ({lines}: {errors[0].reason}): fix or remove"
            " them first (the archive is never rewritten without them)"
        )
    by_id = {c.id: c for c in current if not (decided and is_taken_back(c, decided))}
    added = updated = 0
    for c in new:
        c = replace(c, id=_archive_id(c, by_id))
        if c.id in by_id:
            old = by_id[c.id]
            # wordings matched before are kept, and fields a newer version wrote
            c = replace(c, matched=old.matched, extra=c.extra or old.extra).with_matched(c.matched)
            if old != c:
                updated += 1
        else:
            added += 1
        by_id[c.id] = c
    body = "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in by_id.values())
    write_atomic(path, body)
    return added, updated


def _archive_id(check: Check, by_id: dict[str, Check]) -> str:
    """The id ``check`` is archived under. A session's check is one reviewer's decision on a claim, named by
    the claim's id: another reviewer's decision on the same claim (their own session) is another check, kept
    beside it under the claim's id and a tag of its reviewer; the same reviewer's replaces theirs."""
    old = by_id.get(check.id)
    if old is None or old.author == check.author or not _from_session(check) or not _from_session(old):
        return check.id
    return f"{check.id}-{hashlib.sha1(check.author.encode()).hexdigest()[:6]}"


def _from_session(check: Check) -> bool:
    return Path(check.source).suffix == ".toml"


def _claim_of(check: Check) -> str:
    """The claim id a session's check was archived from (its id, without a reviewer's tag)."""
    return check.id.split("-", 1)[0]


# ---------------------------------------------------------------------------------------------
# Ratings -> verdicts


def _rating_words(lang: str, verdict: str) -> list[str]:
    from factcheck import lang as langres

    return [str(w).lower() for w in langres.resource(lang, "ratings").get(verdict, {}).get("words", [])]


def suggested_verdict(rating: str) -> str | None:
    """The verdict an earlier check's rating suggests: "confirmed", "disputed", "superseded" or None.

    Our own verdicts pass through ("disputed (by c12)" is disputed); a publisher's rating is read with the
    rating vocabularies of every language (``factcheck/lang/<code>/ratings.toml``), disputed words first.
    """
    import re

    from factcheck import lang as langres
    from factcheck.model import Verdict

    low = " ".join(rating.lower().split())
    first = low.split(" (")[0]
    if first in (str(Verdict.CONFIRMED), str(Verdict.DISPUTED), str(Verdict.SUPERSEDED)):
        return first
    for verdict in (str(Verdict.DISPUTED), str(Verdict.CONFIRMED)):
        for code in langres.available("ratings"):
            for w in _rating_words(code, verdict):
                if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low):
                    return verdict
    return None


class Memory:
    """The reviewer's archive of checked claims, indexed once (the index is cached on disk) and asked per claim.

    ``load`` is slow on a big archive (read + index): the TUI runs it in a worker with a progress callback.
    """

    def __init__(self, path: Path | None = None, *, cache: Path | None = None):
        self.path = path or memory_path()
        self.cache = cache if cache is not None else cache_dir()
        self.errors: list[SourceError] = []
        self._matcher: Any = None

    @property
    def ready(self) -> bool:
        return self._matcher is not None

    def __len__(self) -> int:
        return len(self._matcher.checks) if self._matcher is not None else 0

    def load(self, progress: Any = None) -> None:
        """Read and index the archive; ``progress(message, fraction)`` is told what is happening (``fraction``
        0..1 while the index is built, else None)."""
        from factcheck.matching import Matcher

        if progress:
            progress("reading the archive", None)
        checks, self.errors = load_archive(self.path)
        what = f"indexing {len(checks):,} checked claims"

        def built(done: int, total: int) -> None:
            progress(what, done / total if total else 1.0)

        self._matcher = Matcher(checks, cache_dir=self.cache, progress=built if progress else None)

    def remember(self, check_id: str, text: str) -> bool:
        """A reviewer applied the check ``check_id`` to a claim saying ``text``: claims worded like it find that
        check from now on (``Matcher.remember``)."""
        return self._matcher is not None and self._matcher.remember(check_id, text)

    def checked_before(
        self,
        text: str,
        *,
        top: int = 5,
        strong_only: bool = True,
        dated: str = "",
        lang: str | None = None,
        own: tuple[str, Path] | None = None,
    ) -> list[Any]:
        """Earlier checks matching ``text``, best first; with ``strong_only`` only those with direct evidence
        (``Match.strong``). ``dated``: when the claim was published (its article's date, ISO), if known; ``lang``:
        the claim's language (its article's).
        ``own``: the claim's id and the session under review: that session's decision on this very claim,
        archived from it, is the claim itself, no earlier check, and is left out (the same claim decided in
        another session is one)."""
        if self._matcher is None:
            return []
        found = self._matcher.match(text, top=top + (own is not None), dated=dated, lang=lang)
        if own is not None:
            found = [m for m in found if not _is_own(m.check, *own)][:top]
        return [m for m in found if m.strong] if strong_only else found


def _is_own(check: Check, claim_id: str, session: Path) -> bool:
    """Whether ``check`` is the decision on ``claim_id`` archived from ``session`` itself."""
    if _claim_of(check) != claim_id or not check.source:
        return False
    try:
        return os.path.samefile(check.source, session)
    except OSError:  # the archived session moved or is gone: compare the paths as written
        return Path(check.source).resolve() == Path(session).resolve()

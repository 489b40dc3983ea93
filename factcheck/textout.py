"""Readable terminal output for the CLI (plain text, no colour codes), and the one way untrusted text is
made inert before it reaches a terminal.

``inert(text)`` is the single path: every C0/C1 control character (ESC, CSI, OSC, BEL, a bare CR...) becomes a
visible stand-in (ESC as ␛, as the TUI shows it) and every bidi control (U+202A-U+202E, U+2066-U+2069, LRM,
RLM, ALM) becomes U+FFFD, so article text, file names, notes or reviewer names can neither send escape
sequences (an OSC 52 writing the clipboard) nor reorder what the reader sees. The CLI installs
``InertStream`` on stdout and stderr for every command, so nothing it prints bypasses ``inert``.
``json_text(obj)`` is JSON output: valid JSON with the same characters ``inert`` replaces written as
``\\uXXXX`` escapes (the data is unchanged, the terminal sees none of them).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from factcheck.model import Claim, TimeRef

# Bidi controls: embeddings/overrides, isolates, and the implicit marks (LRM, RLM, ALM).
BIDI_CONTROLS = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Line/paragraph separators: some terminals and editors break lines on them.
LINE_SEPARATORS = frozenset([0x2028, 0x2029])

_INERT = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}  # ␛ ␇ ␍ ...
_INERT[0x7F] = "\u2421"  # ␡
_INERT.update({c: "\ufffd" for c in range(0x80, 0xA0)})  # C1 controls (CSI 0x9b, OSC 0x9d, NEL 0x85)
_INERT.update({c: "\ufffd" for c in BIDI_CONTROLS})
_INERT.update({c: " " for c in LINE_SEPARATORS})

# JSON: what json.dumps(ensure_ascii=False) leaves raw inside strings but a terminal would act on.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *BIDI_CONTROLS, *LINE_SEPARATORS)}


def _any_of(chars: Iterable[int]) -> re.Pattern[str]:
    """A pattern that finds any of ``chars`` (a search is far cheaper than a translate that changes nothing)."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "]")


_INERT_FOUND = _any_of(_INERT)
_JSON_ESCAPES_FOUND = _any_of(_JSON_ESCAPES)


def inert(text: str) -> str:
    """``text`` safe to print on a terminal: newline and tab kept, a CR before a newline kept, every other
    control character and every bidi control replaced by one visible character."""
    if (text.isascii() and text.isprintable()) or not _INERT_FOUND.search(text):
        return text  # (most output: nothing to do)
    return text.replace("\r\n", "\n").translate(_INERT)


def one_line(text: str) -> str:
    """``inert(text)`` on one line: a newline (in a file name, a title) shown as ␤."""
    return inert(text.replace("\r\n", "\n").replace("\n", "\u2424"))


def char_cells(ch: str) -> int:
    """The terminal cells one character takes: 2 for a wide or full-width one (CJK, full-width forms), 0 for
    a combining mark or a format character (Thai vowel signs, accents typed apart, a zero-width joiner), else
    1."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    """The terminal cells ``text`` (on one line) takes: what a table's column is measured in, not its
    characters (a CJK title of 30 characters takes 60 cells)."""
    if text.isascii():
        return len(text)  # (most text: one cell a character)
    return sum(char_cells(ch) for ch in text)


def padded(text: str, width: int, *, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` cells (on the left with ``right``): ``f"{text:<{width}}"``
    counts characters, so a column after a CJK name would shift."""
    fill = " " * max(width - cells(text), 0)
    return fill + text if right else text + fill


def clipped(text: str, width: int) -> str:
    """``text`` on one line, its spaces collapsed, at most ``width`` terminal cells: cut with "…" when it goes
    on (a listing's claim cut silently read as the whole claim)."""
    text = " ".join(text.split())
    if cells(text) <= width:
        return text
    used, end = 0, 0
    for i, ch in enumerate(text):
        used += char_cells(ch)
        if used > width - 1:  # one cell for "…"
            break
        end = i + 1
    return text[:end].rstrip() + "…"


def json_text(obj: Any, *, indent: int | None = 1, html_safe: bool = False) -> str:
    """``obj`` as JSON (UTF-8 text kept readable) with C1, bidi and line-separator characters escaped.

    ``html_safe`` also escapes ``<``, ``>`` and ``&`` (JSON-LD inside a ``<script>`` element: a string can
    never close the element). Both are plain JSON escapes: ``json.loads`` gives back the same data."""
    s = json.dumps(obj, ensure_ascii=False, indent=indent)
    if _JSON_ESCAPES_FOUND.search(s):
        s = s.translate(_JSON_ESCAPES)
    if html_safe:
        s = s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return s


def json_lines(head: str, items: Iterable[Any], tail: Iterable[tuple[str, Any]]) -> Iterator[str]:
    """One JSON object in pieces, made one at a time: ``{"<head>": [``, each of ``items`` as one compact line
    (compact: the standard library's C encoder; ``indent`` forces its pure-Python path, ~1.5 s on a batch of
    1,000 articles), ``]``, then each ``(key, value)`` of ``tail`` on a line of its own (a list one item a
    line). The same escapes as ``json_text``: ``json.loads`` of the pieces joined gives the object
    ``{head: list(items), **dict(tail)}``."""

    def line(obj: Any) -> str:
        return json_text(obj, indent=None)

    yield "{" + line(head) + ": ["
    sep = "\n"
    for item in items:
        yield sep + line(item)
        sep = ",\n"
    yield "]" if sep == "\n" else "\n]"
    for key, value in tail:
        if isinstance(value, list) and value:
            yield ",\n" + line(key) + ": [\n" + ",\n".join(line(v) for v in value) + "\n]"
        else:
            yield ",\n" + line(key) + ": " + line(value)
    yield "}\n"


class InertStream(io.TextIOBase):
    """A text stream that passes everything written through ``inert`` to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, s: str) -> int:
        t = inert(s)
        try:
            self.stream.write(t)
        except UnicodeEncodeError:  # a terminal that cannot show ␛ or “ ”: escapes, never a traceback
            enc = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write(t.encode(enc, "backslashreplace").decode(enc))
        return len(s)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under an ``InertStream`` (for data written to a file or pipe, e.g. a report)."""
    return stream.stream if isinstance(stream, InertStream) else stream


class _Nowhere(io.TextIOBase):
    """A text stream that takes everything and keeps nothing (what a closed standard stream is written to)."""

    def write(self, s: str) -> int:
        return len(s)

    def writable(self) -> bool:
        return True


def _nowhere() -> TextIO:
    return _Nowhere()  # type: ignore[return-value]


@contextlib.contextmanager
def inert_output() -> Iterator[None]:
    """While active, everything printed to stdout and stderr goes through ``inert``. A stream whose file is
    closed (``factcheck extract seeds >&-``: Python makes it None) is written to nowhere, as a plain
    ``print`` does (it ended in an AttributeError traceback)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = InertStream(out or _nowhere()), InertStream(err or _nowhere())
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        sys.stdout, sys.stderr = out, err


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: "1 claim", "2 claims", "0 claims"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def share_reviewed(done: int, total: int) -> str:
    """``done`` of ``total`` as a whole percentage that reads "100%" only when every claim is decided and
    "0%" only when none is: "99%" with one claim of 260 left (rounded, it read "100%"), "<1%" with one
    decided of 260. "-" for no claims."""
    if not total:
        return "-"
    pct = round(100 * done / total)
    if done < total:
        pct = min(pct, 99)
    if done and pct == 0:
        return "<1%"
    return f"{pct}%"


def _wrap(s: str, indent: str, width: int = 100) -> str:
    return textwrap.fill(" ".join(s.split()), width=width, initial_indent=indent, subsequent_indent=indent)


def article_header(a: Any) -> str:
    date = a.published.isoformat() if a.published else "date unknown"
    bits = [a.outlet or "outlet unknown", date]
    modified = getattr(a, "modified", None)
    if modified and modified != a.published:
        bits.append(f"updated {modified.isoformat()}")
    if a.title:
        bits.append(f"“{a.title}”")
    return one_line(f"{a.path}  —  " + " · ".join(bits))


def print_extract(corpus: Any, *, show_hidden: bool = False) -> None:
    for a in corpus.articles:
        every = corpus.claims.get(a.key, [])
        shown = [c for c in every if corpus.is_shown(c)]
        evidence = sum(1 for c in every if corpus.is_evidence(c))  # sentences under the floor: no claims
        claims = every if show_hidden else shown
        print(article_header(a))
        hidden = len(every) - len(shown) - evidence
        print(
            f"  {counted(len(shown), 'claim')}"
            + (f" ({hidden} hidden below score {corpus.min_score:.2f})" if hidden else "")
            + (
                f"; {evidence} more {'sentence' if evidence == 1 else 'sentences'} kept as grouping evidence only"
                if show_hidden and evidence
                else ""
            )
        )
        for c in claims:
            stance = str(c.stance) + (" (negated)" if getattr(c, "polarity", 1) < 0 else "")
            mark = "" if corpus.is_shown(c) else "  evidence" if corpus.is_evidence(c) else "  hidden"
            print(f"  {c.id}  score {c.score:.2f}  {stance}" + ("  quote" if c.quote else "") + mark)
            print(_wrap(c.text, "    "))
            meta = []
            if c.speaker:
                kind = f" [{c.speaker_kind}]" if c.speaker_kind else ""
                meta.append(f"speaker: {c.speaker}{kind}")
            if c.source_chain:
                meta.append("source chain: " + " -> ".join(c.source_chain))
            if c.when:
                meta.append("when: " + ", ".join(f"{t.value} ({t.text})" for t in c.when))
            if c.entities:
                meta.append("entities: " + ", ".join(f"{e.name or e.text} [{e.kind}]" for e in c.entities))
            if c.group:
                meta.append(f"group: {c.group}")
            for m in meta:
                print(f"      {m}")
        print()


# an open value's part that grouping completes with a year its article gives: a month, season, quarter, half or week
_GIVEN_PART = re.compile(r"-(?:\d\d|SP|SU|FA|WI|Q\d|H\d|W\d\d)")


def time_source(when: str, members: Iterable[Claim]) -> tuple[Claim, TimeRef, bool] | None:
    """Where a group's time ``when`` comes from: the first member (in the order given) with a time expression
    of that value or a more precise one ("September 15, 2008" for a group of "2008-09"), with False; else the
    first whose open value ("in November", XXXX-11, in an undated article) grouping completed with a year its
    article gives elsewhere (1991-11), with True. None when no member's words give it."""
    completed = None
    for c in members:
        for t in c.when:
            if t.type not in ("DATE", "TIME") or not t.value:
                continue
            if t.value.startswith(when):
                return c, t, False
            if completed is None and _year_completed(t.value, when):
                completed = (c, t, True)
    return completed


def _year_completed(value: str, when: str) -> bool:
    """Whether ``when`` (1991-11) is the open ``value`` (XXXX-11) given a year."""
    rest, given = when[4:], value[4:]
    if not (value.startswith("XXXX") and when[:4].isdigit() and rest and _GIVEN_PART.match(given)):
        return False
    return rest.startswith(given) or given.startswith(rest)


# what follows a time source whose year grouping took from elsewhere in its article (``time_source``'s True)
YEAR_ELSEWHERE = ", its year from elsewhere in that article"


def time_source_words(when: str, members: Iterable[Claim], name: Callable[[Claim], str]) -> str | None:
    """Where a group's time ``when`` comes from, for reading: “September 15, 2008” in NAME, with
    ``YEAR_ELSEWHERE`` after it when grouping completed the words' year. The one phrase the CLI's ``groups``
    and the TUI's Event panel and group screen both show; they differ only in how they name the report
    (``name(claim)``: the claim id and file key, or the article's readable name). None when no member's words
    give the time (``time_source``)."""
    source = time_source(when, members)
    if source is None:
        return None
    c, t, completed = source
    return f"“{one_line(' '.join(t.text.split()))}” in {name(c)}" + (YEAR_ELSEWHERE if completed else "")


def _claim_and_file(c: Claim) -> str:
    """How the CLI names a claim's report: c64d534b9ce (a.txt)."""
    return f"{c.id} ({one_line(c.article_key)})"


def print_groups(corpus: Any) -> None:
    if not corpus.groups:
        print("no event groups")
        return
    claims = corpus.claim_index()
    arts = {a.key: a for a in corpus.articles}
    for g in corpus.groups:
        title = g.label.removeprefix(f"{g.when}: ") if g.when else g.label  # (the time is shown before it)
        print(f"{g.id}  {g.when or 'time unknown'}  {title}")
        members = [claims[cid] for cid in g.claims if cid in claims]
        members.sort(key=lambda c: (arts[c.article_key].published or dt.date.max, c.start))
        said = time_source_words(g.when, members, _claim_and_file) if g.when else None
        if said is not None:
            print(f"  time {g.when} from {said}")
        for c in members:
            a = arts[c.article_key]
            date = a.published.isoformat() if a.published else "????-??-??"
            outlet = clipped(a.outlet or a.key, 22)
            print(one_line(f"  {date}  {padded(outlet, 22)}  {c.id}  {c.stance!s:<12} {clipped(c.text, 90)}"))
        for s in g.suggestions:
            if s.kind == "supersedes":
                print(f"  suggestion: {s.claim} superseded by {s.by}: {s.why}")
            else:
                print(f"  conflict: {s.claim} vs {s.by}: {s.why}")
        print()

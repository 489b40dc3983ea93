"""Safe, literal rendering of untrusted text and small formatting helpers.

Article text, notes, file names and outlet names are data: they are wrapped in ``Content`` (never parsed as
markup) after replacing control characters with same-length visible stand-ins, so claim offsets still index
the displayed text and no escape sequence reaches the terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from textual.content import Content, Span

from factcheck.model import Article, Claim, EventGroup, Verdict
from factcheck.textout import BIDI_CONTROLS, LINE_SEPARATORS, time_source_words
from factcheck.timewords import is_open_time, readable_time
from factcheck.verdicts import REGISTRY

_TRANS = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_TRANS[0x09] = " "  # a tab would be expanded to several cells and shift offsets
_TRANS[0x0D] = " "
_TRANS[0x7F] = "\u2421"
_TRANS.update({c: "\ufffd" for c in range(0x80, 0xA0)})  # C1 controls (CSI 0x9b and friends)
# Bidi controls would reorder what the reviewer reads (a "U+202E" in a claim shows it backwards); line
# separators would break a line where the text has none. One character each, so offsets still hold.
_TRANS.update({c: "\ufffd" for c in BIDI_CONTROLS})
_TRANS.update({c: " " for c in LINE_SEPARATORS})


def sanitize(text: str) -> str:
    """``text`` with every control character (except newline) replaced by one visible character."""
    return text.translate(_TRANS)


def one_line(text: str) -> str:
    return sanitize(text).replace("\n", " ")


def readonly_notice(review: Any) -> str:
    """What a key that would change a read-only review says (a ``Notification`` under the title "Read-only"):
    the reason in a few words, on one line (``Review.readonly_short``). The whole reason, with its advice,
    took up to nine lines of a notification, and a small terminal showed only its end ("...opened
    read-only — nothing is saved"): not why."""
    why = review.readonly_short or "the session is open read-only"
    return one_line(f"{why}: nothing can be changed")


def literal(text: str, style: str = "") -> Content:
    """Untrusted text as Content: shown exactly as written, never as markup."""
    c = Content(sanitize(text))
    return c.stylize(style) if style else c


def clip(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` terminal cells, ending in "…" when cut. Cells, not
    characters: a Chinese, Japanese or Korean letter takes two (a CJK claim's "… confirmed" ran past the
    status line's end and was not seen, and an article's count in the list was cut: "新华社 zh 2024-03-07 0/…")."""
    text = one_line(text)
    if Content(text).cell_length <= width:
        return text
    if width <= 1:
        return _first_cells(text, width)
    kept = _first_cells(text, width - 1)
    # (a cut landing right after the text's own "…", the first words of a claim, adds none: it read "T……")
    return kept if kept.endswith("…") else kept + "…"


def _first_cells(text: str, width: int) -> str:
    """The longest start of ``text`` that takes at most ``width`` cells (a wide letter is never cut in two:
    Content's truncate pads it with a space, which is dropped here)."""
    kept = Content(text).truncate(max(0, width)).plain
    return kept if text.startswith(kept) else kept[:-1]


def fit_lines(text: str, width: int, lines: int) -> list[Content]:
    """``text`` (untrusted, on one line) wrapped at ``width`` cells into at most ``lines`` lines, the last
    one ending in "…" when the text goes on."""
    width = max(1, width)
    wrapped = Content(one_line(text)).wrap(width)[: lines + 1]
    if len(wrapped) <= lines:
        return wrapped
    last = wrapped[lines - 1]
    if last.cell_length >= width:
        last = last.truncate(width - 1)
    return [*wrapped[: lines - 1], Content.assemble(last, "…")]


# Badge and colour of each verdict, from the verdict registry (factcheck.verdicts): adding a verdict there
# shows it here.
BADGE = {
    v: (info.badge, f"${info.colour}" if v is Verdict.UNREVIEWED else f"bold ${info.colour}")
    for v, info in REGISTRY.items()
}

# Background tints of claims in the article text, one per verdict.
# (unreviewed claims in the primary colour: its registry colour is the muted text's)
TINT = {
    v: "on $primary 25%" if v is Verdict.UNREVIEWED else f"on ${info.colour} 35%"
    for v, info in REGISTRY.items()
}
CURRENT = "bold underline reverse"
# page furniture in the article text (no claims come from it): greyed, and in italics, a cue that is no colour
# (told apart from the verdicts' tints on a 16-colour or monochrome terminal, where all are shades of grey)
FURNITURE = "$text-disabled italic"


def badge(v: Verdict) -> Content:
    ch, style = BADGE[v]
    return Content.styled(ch, style)


def verdict_word(v: Verdict) -> Content:
    return Content.styled(str(v), BADGE[v][1])


def time_text(claim: Claim, *, short: bool = False) -> str:
    """The claim's normalised times, readable: an open value (no publication date to anchor it, such as
    ``XXXX-WXX-3``) reads "Wednesday (date unknown)" (``short``: "Wednesday (date?)")."""
    vals = claim.time_values
    if vals:
        return ", ".join(readable_time(v, short=short) for v in dict.fromkeys(vals))
    return ""


def open_times(claim: Claim) -> list[str]:
    """The claim's time values that stay open until the article's publication date is known."""
    return [v for v in dict.fromkeys(claim.time_values) if is_open_time(v)]


def coded_times(claim: Claim) -> list[str]:
    """The claim's time values whose readable form differs from the value (open ones, seasons, ...)."""
    return [v for v in dict.fromkeys(claim.time_values) if readable_time(v) != v]


def fitted_time(value: str, width: int) -> str:
    """``readable_time`` in at most ``width`` cells: the short form, else the tiny one when the short one
    does not fit ("18 November?", not "18 November (yea…"; "2023-05-03 morn.", not "2023-05-03TMO"), else
    the TIMEX3 value itself ("2023-SP", not "spring 20…": the same information in fewer cells); the short
    form cut only when none of them fits."""
    short = readable_time(value, short=True)
    forms = [short, readable_time(value, tiny=True), value]
    return (
        next((f for f in forms if len(f) <= width), None) or coarser_date(value, width) or clip(short, width)
    )


_DATE_PARTS = re.compile(r"(\d{4})(-\d\d)?(-\d\d)?")


def coarser_date(value: str, width: int) -> str | None:
    """A known date cut between its parts, never inside one, with "…" saying more is known: "2023-05-03" in 8
    cells "2023-05…", in 5 "2023…" (a cut "2023-05-0…" read as one of May's first ten days, and the day was
    lost anyway); None when not even the year fits, or the value is no date in figures."""
    m = _DATE_PARTS.match(value)
    if m is None or is_open_time(value):
        return None
    parts = [p for p in m.groups() if p]
    for n in range(len(parts), 0, -1):
        head = "".join(parts[:n])
        if head != value and len(head) + 1 <= width:
            return head + "…"
    return None


def claim_time(value: str, width: int) -> str:
    """The claim list's time in at most ``width`` cells: the tiny form ("May?", "2023-05-03 eve."); a known
    time whose words do not fit shows its TIMEX3 value when that fits ("2019-W40", not "week 40 of 20…": the
    year was cut; "2019-H2", not "second half 2…"), as the groups screen does; an open one keeps its words,
    cut ("Thursday morn…" says more than "XXXX-WXX-4TMO")."""
    tiny = readable_time(value, tiny=True)
    if len(tiny) <= width or is_open_time(value):
        return clip(tiny, width)
    if len(value) <= width:
        return value
    return coarser_date(value, width) or clip(tiny, width)


def group_time(g: EventGroup, members: Iterable[Claim], articles: Mapping[str, Article]) -> Content:
    """A group's time read as words and the words of the report it comes from ("2008 from “September 15,
    2008” in a.txt"): a group of undated articles otherwise shows a year no member's date explains."""
    if not g.when:
        return Content.styled("unknown", "$text-accent")
    said = time_source_words(g.when, members, lambda c: article_name(articles.get(c.article_key)))
    if said is None:
        return Content.styled(readable_time(g.when), "$text-accent")
    return Content.assemble(
        (readable_time(g.when), "$text-accent"), literal(f" from {said}").stylize("$text-muted")
    )


def date_text(d: dt.date | None) -> str:
    return d.isoformat() if d else "date?"


def article_name(a: Article | None) -> str:
    if a is None:
        return "?"
    return one_line(a.outlet or a.key)


def report_line(claim: Claim, article: Article | None, which: str = "") -> Content:
    """A claim offered as another report in a picker: its outlet, date and time, then its text. ``which``
    (``tell_apart``) tells its article from another whose row would read the same."""
    return Content.assemble(
        literal(clip(article_name(article), 24), "bold"),
        " ",
        (date_text(article.published if article else None), "$text-muted"),
        " · ",
        (time_text(claim) or "no time", "$text-accent"),
        literal(f" · {clip(which, 60)}", "italic") if which else "",
        "\n  ",
        literal(clip(claim.text, 150)),
    )


def tell_apart(claims: Iterable[Claim], articles: Mapping[str, Article]) -> dict[str, str]:
    """For the claims whose picker rows (``report_line``) would read the same, two articles of one outlet and
    day with the same sentence: what tells their articles apart, the title, else the key (a title they share
    too), by claim id. The other claims need nothing more."""
    rows: dict[tuple[str, str, str], list[Claim]] = {}
    for c in claims:
        a = articles.get(c.article_key)
        row = (article_name(a), date_text(a.published if a else None), c.text)
        rows.setdefault(row, []).append(c)
    out: dict[str, str] = {}
    for same in rows.values():
        if len(same) < 2:
            continue
        titles = [one_line((a.title or "") if (a := articles.get(c.article_key)) else "") for c in same]
        for c, title in zip(same, titles, strict=True):
            out[c.id] = title if title and titles.count(title) == 1 else c.article_key
    return out


def event_title(group: EventGroup) -> str:
    """A group's label without the time value it starts with (``2013-03-13TNI: On Wednesday night ...``):
    every screen shows that time beside it, read as words (``readable_time``)."""
    return group.label.removeprefix(f"{group.when}: ") if group.when else group.label


def short_key(key: str) -> str:
    """A short label for an article key: the leading number of seed-style names, else the stem."""
    stem = key.rsplit("/", 1)[-1].split(".", 1)[0]
    head = stem.split("_", 1)[0]
    return head if head and len(head) <= 6 else stem[:12]


def snippet(claim: Claim) -> str:
    """The part of a claim a suggestion is about: its first time expression, else its start."""
    dates = [t for t in claim.when if t.type in ("DATE", "TIME")]
    if dates:
        return one_line(dates[0].text)
    return clip(claim.text, 40)


def claim_words(claim: Claim, words: int = 8, width: int = 50) -> str:
    """A claim named by its first words (how suggestions and links name a claim)."""
    head = " ".join(one_line(claim.text).split()[:words])
    more = len(claim.text.split()) > words
    return clip(head + ("…" if more and not head.endswith("…") else ""), width)


def spans_content(text: str, spans: list[tuple[int, int, str]], *, sanitized: bool = False) -> Content:
    """``text`` (sanitized here unless ``sanitized``) with the given styled spans."""
    return Content(
        text if sanitized else sanitize(text), spans=[Span(s, e, st) for s, e, st in spans if e > s]
    )

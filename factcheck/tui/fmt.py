"""Safe, literal rendering of untrusted text and small formatting helpers.

Article text, notes, file names and outlet names are data: they are wrapped in ``Content`` (never parsed as
markup) after replacing control characters with same-length visible stand-ins, so claim offsets still index
the displayed text and no escape sequence reaches the terminal.
"""

from __future__ import annotations

import datetime as dt

from textual.content import Content, Span

from factcheck.model import Article, Claim, Verdict

_TRANS = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_TRANS[0x09] = " "  # a tab would be expanded to several cells and shift offsets
_TRANS[0x0D] = " "
_TRANS[0x7F] = "\u2421"
_TRANS.update({c: "\ufffd" for c in range(0x80, 0xA0)})  # C1 controls (CSI 0x9b and friends)


def sanitize(text: str) -> str:
    """``text`` with every control character (except newline) replaced by one visible character."""
    return text.translate(_TRANS)


def one_line(text: str) -> str:
    return sanitize(text).replace("\n", " ")


def literal(text: str, style: str = "") -> Content:
    """Untrusted text as Content: shown exactly as written, never as markup."""
    c = Content(sanitize(text))
    return c.stylize(style) if style else c


def clip(text: str, width: int) -> str:
    text = one_line(text)
    if width <= 1:
        return text[:width]
    return text if len(text) <= width else text[: width - 1] + "…"


BADGE = {
    Verdict.UNREVIEWED: ("·", "$text-muted"),
    Verdict.CONFIRMED: ("✓", "bold $success"),
    Verdict.DISPUTED: ("✗", "bold $error"),
    Verdict.SUPERSEDED: ("↷", "bold $warning"),
}

# Background tints of claims in the article text, one per verdict.
TINT = {
    Verdict.UNREVIEWED: "on $primary 25%",
    Verdict.CONFIRMED: "on $success 35%",
    Verdict.DISPUTED: "on $error 35%",
    Verdict.SUPERSEDED: "on $warning 35%",
}
CURRENT = "bold underline reverse"


def badge(v: Verdict) -> Content:
    ch, style = BADGE[v]
    return Content.styled(ch, style)


def verdict_word(v: Verdict) -> Content:
    return Content.styled(str(v), BADGE[v][1])


def time_text(claim: Claim) -> str:
    vals = claim.time_values
    if vals:
        return ", ".join(dict.fromkeys(vals))
    return ""


def date_text(d: dt.date | None) -> str:
    return d.isoformat() if d else "date?"


def article_name(a: Article | None) -> str:
    if a is None:
        return "?"
    return one_line(a.outlet or a.key)


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


def spans_content(text: str, spans: list[tuple[int, int, str]]) -> Content:
    return Content(sanitize(text), spans=[Span(s, e, st) for s, e, st in spans if e > s])

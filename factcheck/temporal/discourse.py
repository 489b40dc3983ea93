"""Post-passes that read an expression against the text around it, after every rule has run.

- A capitalised "Today" / "This Morning" that names a programme ("NBC News' Today show", "CBS This
  Morning") is no time expression.
- "today" / "tonight" / "this morning" inside a quotation whose attribution carries its own day ("...
  ready today," Smith said on Sunday) is that day, not the publication day: the words are the speaker's.
"""

from __future__ import annotations

import re

from factcheck.model import TimeRef
from factcheck.temporal.tense import _REPORTING
from factcheck.temporal.vocab import _DAY_VALUE, _PART_OF_DAY, _VOCAB

_BROADCASTERS = frozenset(_VOCAB["broadcasters"])
_PROGRAMME_WORDS = frozenset(w.lower() for w in _VOCAB["programme_words"])
_PROGRAMME_NAME = re.compile(
    r"(?:Today|Tonight|This (?:Morning|Week|Evening))(?: (?:Show|Programme|Program))?"
)
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")


def is_programme_name(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` is the capitalised name of a broadcast programme rather than a time."""
    if not _PROGRAMME_NAME.fullmatch(ref.text):
        return False
    before = text[max(0, ref.start - 30) : ref.start]
    if _POSSESSIVE_BEFORE.search(before):
        return True  # "NBC News' Today", "ITV's This Morning"
    w = _WORD_BEFORE.search(before)
    if w and w.group(1) in _BROADCASTERS:
        return True  # "CBS This Morning", "BBC Radio 4's Today"
    nxt = _WORD_AFTER.match(text, ref.end)
    return bool(nxt and nxt.group(1).lower() in _PROGRAMME_WORDS)  # "the Today programme"


_QUOTE_DEICTIC = re.compile(r"(?i:today|tonight|this (?P<part>morning|afternoon|evening))")
_OPENING = '“"'
_CLOSING = '”"'
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_REPORTING_RE = re.compile(r"\b(?:" + "|".join(sorted(_REPORTING)) + r")\b", re.I)


def _quote_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the quotation around ``pos`` in its paragraph, or None when ``pos`` is outside
    quotes. Curly quotes pair by direction, straight ones by count; a quotation left open runs to the
    end of the paragraph."""
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    head = text[para_start:pos]
    o, c = head.rfind("“"), head.rfind("”")
    if o > c:
        start = para_start + o
    elif head.count('"') % 2 == 1:
        start = para_start + head.rfind('"')
    else:
        return None
    closer = "”" if text[start] == "“" else '"'
    end = text.find(closer, pos, para_end)
    return start, (para_end if end < 0 else end + 1)


def quoted_day(text: str, refs: list[TimeRef], i: int) -> TimeRef:
    """``refs[i]`` re-anchored on the day its quotation was given, when that day is stated in the
    attribution just before or after the quotation ("...today," Smith said Sunday)."""
    ref = refs[i]
    m = _QUOTE_DEICTIC.fullmatch(ref.text)
    if m is None or not ref.value[:10] or not _DAY_VALUE.match(ref.value):
        return ref
    bounds = _quote_bounds(text, ref.start)
    if bounds is None:
        return ref
    q_start, q_end = bounds
    day: TimeRef | None = None
    for other in refs[i + 1 :]:  # the attribution after the quotation: '..." Smith said Sunday.'
        if other.start < q_end:
            continue
        gap = text[q_end : other.start]
        if len(gap) > 60 or _SENTENCE_END.search(gap):
            break
        if _REPORTING_RE.search(gap) and other.type == "DATE" and _DAY_VALUE.fullmatch(other.value):
            day = other
        break
    if day is None:
        for other in reversed(refs[:i]):  # the attribution before it: 'Smith said Sunday: "..."'
            if other.end > q_start:
                continue
            gap = text[other.end : q_start]
            if len(gap) > 40 or _SENTENCE_END.search(gap):
                break
            before = text[max(0, other.start - 40) : other.start]
            if (_REPORTING_RE.search(before) or _REPORTING_RE.search(gap)) and (
                other.type == "DATE" and _DAY_VALUE.fullmatch(other.value)
            ):
                day = other
            break
    if day is None or day.value == ref.value[:10]:
        return ref
    part = m["part"] or ("night" if ref.text.lower() == "tonight" else "")
    value = day.value + (f"T{_PART_OF_DAY[part.lower()]}" if part else "")
    return TimeRef(ref.start, ref.end, ref.text, "TIME" if part else "DATE", value, ref.mod)


def apply(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """The discourse post-passes over the tagger's result (in text order)."""
    out = [r for r in refs if not is_programme_name(text, r)]
    if any(_QUOTE_DEICTIC.fullmatch(r.text) for r in out):
        out = [quoted_day(text, out, i) for i in range(len(out))]
    return out

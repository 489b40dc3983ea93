"""Sentence segmentation for scraped news text, with exact character offsets.

Robust to abbreviations ("Mr.", "Feb. 24", "U.S.", "St. Petersburg"), initials ("J. K. Rowling"),
decimals, quotations that close after the full stop, and headlines/datelines with no full stop
(a line break ends a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp atty
    dist det cpl pvt maj brig lieut asst dep
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols fig figs approx est dept univ inc ltd co corp bros vs etc al cf ca op pp ed eds
    u.s u.k u.n e.u u.s.a a.m p.m i.e e.g d.c n.y l.a ph.d b.a m.a
    ave blvd rd hwy mass calif fla ill pa tex wash va ga ariz colo conn del ind kan ky la md mich minn
    miss mo mont neb nev okla ore tenn vt wis wyo""".split()
)
# Abbreviations that usually end a sentence when followed by a capitalised word.
_SENTENCE_FINAL_ABBR = frozenset(
    {"etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c"}
)

# ([.!?…][.!?…]* rather than [.!?…]+: a pattern that opens with a character class, not a repeat, lets the
# scan jump to the candidate characters instead of trying a match at every position)
_BOUNDARY = re.compile(r"""([.!?…][.!?…]*)(["'”’»)\]]*)(\s+)""")
_NEXT_START = re.compile(r"""["'“‘«(\[]*[A-Z0-9¿¡]""")


def _token_before(text: str, i: int) -> str:
    """The word ending just before position i (the dot at i excluded)."""
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _token_before(text, dot)
    low = word.lower().rstrip(".")
    if not low:
        return False
    if low in ABBREVIATIONS:
        return True
    if len(low) == 1 and low.isalpha():  # an initial: "J. K. Rowling", "George W. Bush"
        return True
    # acronyms with dots: "U.S.", "N.A.T.O."
    return _DOTTED.fullmatch(low) is not None


_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_WORD = re.compile(r"[\"“]*(\w+)")


_LINE = re.compile(r"[^\n]+")


def split_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in text[start:end], trimmed of surrounding space."""
    yield from spans(text, start, end)


def spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``split_spans`` as a list (no generator per line and per sentence)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    # A line break always ends a sentence (headlines, datelines, list items, paragraphs).
    for line in _LINE.finditer(text, start, end):
        _split_line(text, line.start(), line.end(), out)
    return out


MAX_QUOTE_SPAN = 400  # a quotation longer than this is split into sentences (speaker inherited in extract)


def _inside_quote(text: str, s: int, pos: int, le: int) -> bool:
    """True when ``pos`` lies inside a quotation opened in text[s:pos] that closes before ``le``.

    Curly quotes nest by count; straight double quotes by parity. A quotation that never closes on
    the line (a stray mark) does not hold the sentence together.
    """
    before = text[s:pos]
    limit = min(le, pos + MAX_QUOTE_SPAN)
    if before.count("“") > before.count("”"):
        return text.find("”", pos, limit) != -1
    if before.count('"') % 2 == 1:
        return text.find('"', pos, limit) != -1
    return False


def _split_line(text: str, ls: int, le: int, out: list[tuple[int, int]]) -> None:
    seg_start = ls
    # a line without a double quote mark has no quotation to hold a sentence together
    quoted = text.find('"', ls, le) != -1 or text.find("“", ls, le) != -1
    for m in _BOUNDARY.finditer(text, ls, le):
        punct_end = m.end(1)
        close_end = m.end(2)
        nxt = m.end(3)
        if nxt >= le:
            break
        if not _NEXT_START.match(text, nxt):
            continue  # next word lower-case: "…reports", "p.m. on", "e.g. the"
        if quoted and _inside_quote(text, seg_start, close_end, le):
            continue  # '"We are ready. We will win," he said.' is one sentence
        punct = m.group(1)
        if punct == "." and not m.group(2):
            dot = punct_end - 1
            if _is_abbreviation(text, dot):
                word = _token_before(text, dot).lower().rstrip(".")
                nxt_word = _NEXT_WORD.match(text, nxt, le)
                # "in the U.S. The ..." ends a sentence; "U.S. President" does not.
                if not (word in _SENTENCE_FINAL_ABBR and nxt_word and nxt_word.group(1) in _COMMON_STARTERS):
                    continue
        _trim(text, seg_start, close_end, out)
        seg_start = nxt
    _trim(text, seg_start, le, out)


_COMMON_STARTERS = frozenset(
    "The A An In On At He She It They We I But And Yet So This That These Those His Her Its Their Our "
    "After Before When While As If Although However Meanwhile Still Some Many Most".split()
)


def _trim(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    if e <= s:
        return
    if text[s].isspace() or text[e - 1].isspace():  # (rarely: sentences start and end on a word)
        seg = text[s:e]
        body = seg.strip()  # str.strip() drops exactly the characters for which isspace() is true
        if not body:
            return
        s += len(seg) - len(seg.lstrip())
        e = s + len(body)
    out.append((s, e))


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]

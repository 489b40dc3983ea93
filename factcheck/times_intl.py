"""Time expressions in languages other than English, normalised to TIMEX3 values against the publication date.

English keeps its tuned tagger (``factcheck.temporal``); every other language with a
``factcheck/lang/<code>/dates.toml`` is tagged here by one engine driven by that file:

1. the text is cut into tokens (words, numbers, clock times, numeric dates) and each word or phrase of the
   vocabulary (month and weekday names, relative days, parts of the day, units, number words, direction
   words "próximo"/"pasado", "hace", "seit"...) is looked up, longest phrase first;
2. runs of time tokens, with connectors ("de", "del", "am", "im") between them, are the candidate spans; a
   span needs a head (a month, a weekday, "ayer", a unit, a year...), a number alone is none;
3. each span is read: explicit dates (day, month and year named) by dateparser on the span, the rest by rules:
   relative days, "hace tres años" (a date), "seit drei Jahren" (a duration), weeks, months and weekdays
   pointed forward or back by a direction word or else by the tense of the clause ("dirigirá el viernes"
   forward, "impuesta el lunes" back), durations, sets, parts of the day, clock times.

A clock time takes a date only from an expression that states one next to it ("mañana, domingo, a las
08.00"); alone it stays a bare time ("T06:00"): no date is ever invented from the publication day. Results
are cached by (text, anchor, language).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from factcheck.dates import parse_date_text
from factcheck.lang import available, languages, resource
from factcheck.links import blank_links
from factcheck.model import TimeRef
from factcheck.temporal.vocab import _season_year

# ---- the lexicon of one language -----------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<numdate>\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?![\d.]))"
    r"|(?P<clock>\d{1,2}[:.h]\d{2}(?![\d]|[.,]\d))"
    r"|(?P<ord>\d{1,2}\.)(?=\s+[^\W\d_])"
    r"|(?P<num>\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[,'’])"
)

_ROMAN = {"XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20, "XXI": 21, "XXII": 22}


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    kind: str  # see _Lexicon.lookup
    val: Any = None
    text: str = ""


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(m.group(0).lower() for m in _TOKEN.finditer(phrase))


class _Lexicon:
    """A language's dates.toml as a table from token tuples to (kind, value)."""

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        self.lang = lang
        self.data = data
        table: dict[tuple[str, ...], tuple[str, Any]] = {}

        def add(kind: str, entries: Any) -> None:
            items = entries.items() if isinstance(entries, dict) else ((e, True) for e in entries)
            for phrase, val in items:
                key = _words(phrase)
                if key and key not in table:
                    table[key] = (kind, val)

        # earlier tables win a phrase that is in two of them
        add("stop", data.get("not_time", []))
        add("relpart", data.get("relative_day_parts", {}))
        add("set", data.get("sets", {}))
        add("present", data.get("present", []))
        add("past_ref", data.get("past_ref", []))
        add("future_ref", data.get("future_ref", []))
        add("yearref", data.get("year_refs", {}))
        add("month", data.get("months", {}))
        add("weekday", data.get("weekdays", {}))
        add("relday", data.get("relative_days", {}))
        add("part", data.get("day_parts", {}))
        add("season", data.get("seasons", {}))
        add("unit", data.get("units", {}))
        add("units", data.get("units_plural", {}))
        add("ago", data.get("ago", []))
        add("since", data.get("since", []))
        add("each", data.get("each", []))
        add("whole", data.get("whole", []))
        add("mod", data.get("mods", {}))
        add("next", data.get("next", []))
        add("last", data.get("last", []))
        add("this", data.get("this", []))
        add("number", data.get("numbers", {}))
        add("ordinal", data.get("ordinals", {}))
        add("vague", data.get("vague", []))
        add("clock_before", data.get("clock_before", []))
        add("clock_after", data.get("clock_after", []))
        add("utc", data.get("utc", []))
        add("range", data.get("ranges", []))
        add("conn", data.get("connectors", []))
        self.table = table
        self.maxlen = max((len(k) for k in table), default=1)
        self.part_after = frozenset(w.lower() for w in data.get("part_after", []))
        self.afternoon = frozenset(_words(p) for p in data.get("clock_afternoon", []))
        self.ranges = frozenset(_words(p) for p in data.get("ranges", []))
        self.day_parts = {k.lower(): v for k, v in data.get("day_parts", {}).items()}
        order = str(data.get("numeric_order", "dmy"))
        self.numeric_order = order if sorted(order) == ["d", "m", "y"] else "dmy"
        tense = data.get("tense", {})
        self.future = [re.compile(p) for p in tense.get("future", [])]
        self.past = [re.compile(p) for p in tense.get("past", [])]
        self.clause_openers = [re.compile(p) for p in tense.get("clause_openers", [])]
        self.roman = bool(data.get("roman_centuries", False))
        self.day_ordinal_marks = frozenset(w.lower() for w in data.get("day_ordinal_marks", []))
        self.nouns_capitalised = bool(data.get("nouns_capitalised", False))
        # "Samstagfrüh", "Montagabend": a day glued to a part of the day (German writes them as one word)
        self.glued = (
            {
                key[0]: kind_val
                for key, kind_val in table.items()
                if len(key) == 1 and kind_val[0] in ("weekday", "relday")
            }
            if data.get("glued_day_parts", False)
            else {}
        )
        words = "|".join(re.escape(w) for w in sorted(data.get("not_year_after", []), key=len, reverse=True))
        self.not_year_after = re.compile(r"\s*(?:[%€$£]" + (rf"|(?:{words})\b" if words else "") + ")", re.I)
        words = "|".join(re.escape(w) for w in sorted(data.get("not_year_before", []), key=len, reverse=True))
        self.not_year_before = re.compile(rf"\b(?:{words})\s+$", re.I) if words else None

    def tokens(self, text: str) -> list[_Tok]:
        raw = [(m.lastgroup or "", m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        out: list[_Tok] = []
        i = 0
        n = len(raw)
        while i < n:
            group, s, e, t = raw[i]
            if group == "word" or group == "punct":
                hit = None
                for k in range(min(self.maxlen, n - i), 0, -1):
                    key = tuple(r[3].lower() for r in raw[i : i + k])
                    got = self.table.get(key)
                    if got is not None and _tight(raw, i, k, text):
                        hit = (k, got)
                        break
                if hit is not None:
                    k, (kind, val) = hit
                    out.append(_Tok(s, raw[i + k - 1][2], kind, val, text[s : raw[i + k - 1][2]]))
                    i += k
                    continue
                glued = self._glued(s, t) if group == "word" else None
                if glued:
                    out.extend(glued)
                elif group == "punct":
                    out.append(_Tok(s, e, "comma" if t == "," else "punct", None, t))
                elif self.roman and (t in _ROMAN or t.removesuffix("e").removesuffix("ème") in _ROMAN):
                    roman = t if t in _ROMAN else t.removesuffix("e").removesuffix("ème")
                    out.append(_Tok(s, e, "roman", _ROMAN[roman], t))  # "siglo XIX", "XXe siècle"
                else:
                    out.append(_Tok(s, e, "other", None, t))
            elif group == "num":
                if self._day_ordinal(raw, i):
                    # "1er avril", "1º de maio": the first day written as an ordinal, one token with its mark
                    end = raw[i + 1][2]
                    out.append(_Tok(s, end, "num", int(t), text[s:end]))
                    i += 2
                    continue
                if "," in t or ("." in t and len(t.split(".")[1]) == 3):
                    out.append(_Tok(s, e, "other", None, t))  # 8,50 metros, 80.000 millones
                elif "." in t:
                    out.append(_Tok(s, e, "decimal", float(t), t))
                elif len(t) == 4 and 1000 <= int(t) <= 2099:
                    out.append(_Tok(s, e, "year", int(t), t))
                else:
                    out.append(_Tok(s, e, "num", int(t), t))
            elif group == "ord":
                out.append(_Tok(s, e, "num", int(t[:-1]), t))
            elif group == "clock":
                h, m = int(t[:-3]), int(t[-2:])
                kind = "clocknum" if h <= 24 and m < 60 else "other"
                out.append(_Tok(s, e, kind, (h, m), t))
            elif group == "numdate":
                out.append(_Tok(s, e, "numdate", t, t))
            i += 1
        return out

    def _day_ordinal(self, raw: list[tuple[str, int, int, str]], i: int) -> bool:
        """Whether number token ``i`` is a day written as an ordinal: 1 to 31 with one of the language's
        ``day_ordinal_marks`` glued after it and a month next ("1er avril", "1º de maio"; not "le 1er mois")."""
        if not self.day_ordinal_marks or i + 2 >= len(raw):
            return False
        _, _, end, num = raw[i]
        group, start, _, mark = raw[i + 1]
        if not (group == "word" and start == end and mark.lower() in self.day_ordinal_marks):
            return False
        if not (num.isdigit() and 1 <= int(num) <= 31):
            return False
        after = [r[3].lower() for r in raw[i + 2 : i + 4]]
        if self.table.get(tuple(after[:1]), ("",))[0] == "conn":
            after = after[1:]  # "1º de maio"
        return bool(after) and self.table.get(tuple(after[:1]), ("",))[0] == "month"

    def _glued(self, start: int, word: str) -> list[_Tok] | None:
        """A day and a part of the day written as one word ("Samstagfrüh", "Montagabend") as its two tokens."""
        low = word.lower()
        for cut in range(3, len(low) - 3):
            day, part = self.glued.get(low[:cut]), self.day_parts.get(low[cut:])
            if day is not None and part is not None:
                mid = start + cut
                return [
                    _Tok(start, mid, day[0], day[1], word[:cut]),
                    _Tok(mid, start + len(word), "part", part, word[cut:]),
                ]
        return None


def _tight(raw: list[tuple[str, int, int, str]], i: int, k: int, text: str) -> bool:
    """The k tokens from i are one phrase: separated by single spaces or hyphens, or glued."""
    for j in range(i, i + k - 1):
        gap = text[raw[j][2] : raw[j + 1][1]]
        if gap not in ("", " ", "-"):
            return False
    return True


@functools.cache
def _lexicon(lang: str) -> _Lexicon | None:
    data = resource(lang, "dates")
    return _Lexicon(lang, data) if data else None


def supported(lang: str | None) -> bool:
    """True when ``lang`` has a dates.toml (English is tagged by factcheck.temporal)."""
    return bool(lang) and lang != "en" and _lexicon(str(lang)) is not None


# ---- spans -----------------------------------------------------------------------------------------

# kinds that make a run a time expression by themselves
_HEADS = frozenset(
    "month weekday relday relpart season unit units year present past_ref future_ref set numdate clocknum "
    "yearref".split()
)
# kinds that may start or continue a run
_PARTS = _HEADS | frozenset(
    "part next last this ago since each whole mod number num ordinal vague clock_before clock_after utc roman decimal"
    "".split()
)
# kinds kept inside a run only between two of its parts
_GLUE = frozenset({"conn", "comma", "range"})
# kinds that never end a run
_NO_END = frozenset(
    {"ago", "since", "each", "whole", "mod", "clock_before", "vague", "this", "ordinal", "number"}
)


def _runs(toks: list[_Tok], text: str) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].kind not in _PARTS:
            i += 1
            continue
        j = i
        while j + 1 < n:
            nxt = toks[j + 1]
            gap = text[toks[j].end : nxt.start]
            if gap.strip():
                break  # something other than space between (a quote, a dash)
            if (
                "\n" in gap
                and nxt.kind == "num"
                and nxt.text.endswith(".")
                and any(t.kind == "year" for t in toks[i : j + 1])
            ):
                break  # a numbered list's next item after a whole date ("25. September 2018\n2. Der Tweet")
            if nxt.kind in ("clock_before", "ago", "since", "each") and any(
                t.kind in _HEADS for t in toks[i : j + 1]
            ):
                break  # "el sábado 7 de mayo | desde las 6:00", "chaque été | depuis le XXe siècle"
            if nxt.kind in _PARTS:
                j += 1
                continue
            if nxt.kind in _GLUE and _glue_continues(toks, j, text):
                j += 1
                continue
            break
        run = toks[i : j + 1]
        i = j + 1
        runs.extend(_split_run(run))
    return runs


def _glue_continues(toks: list[_Tok], j: int, text: str) -> bool:
    """Whether the glue after token j (up to two connectors, a comma, a range word) leads on to more of
    the same expression."""
    k = j + 1
    glue: list[_Tok] = []
    while k < len(toks) and toks[k].kind in _GLUE and len(glue) < 3:
        if text[toks[k - 1].end : toks[k].start].strip():
            return False
        glue.append(toks[k])
        k += 1
    if k >= len(toks) or not glue or text[toks[k - 1].end : toks[k].start].strip():
        return False
    left, right = toks[j], toks[k]
    if right.kind not in _PARTS:
        return False
    if right.kind in ("next", "last", "this") and not (k + 1 < len(toks) and toks[k + 1].kind in _HEADS):
        return False  # "el próximo martes y la anterior"
    if any(g.kind == "range" for g in glue):
        # between two days ("del 7 al 11 de septiembre") or two counts ("dos horas y 30 minutos")
        if left.kind in ("unit", "units") and right.kind in ("num", "number"):
            return k + 1 < len(toks) and toks[k + 1].kind in ("unit", "units")
        return left.kind == "num" and right.kind == "num"
    if any(g.kind == "comma" for g in glue):
        # "hoy, jueves", "Am Dienstag, dem 14. Januar": a day named twice
        return left.kind in ("relday", "weekday") and right.kind in ("relday", "weekday", "num", "month")
    return True


def _split_run(run: list[_Tok]) -> list[list[_Tok]]:
    """A run holding two expressions side by side ("ayer 1999", "2000 y 2001") is two; ranges of days stay
    together for now (read in ``_read``)."""
    out: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for t in run:
        if cur and t.kind == "year" and any(c.kind == "year" for c in cur):
            out.append(cur)
            cur = []
        cur.append(t)
    out.append(cur)
    return out


# ---- reading a span --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Feat:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relday: int | None = None
    part: str | None = None
    unit: str | None = None
    plural: bool = False
    count: float | None = None
    vague: bool = False
    named: bool = False  # the unit is written as part of a name ("Les Jours")
    direction: int | None = None  # +1 next, -1 last, 0 this
    ago: bool = False
    since: bool = False
    each: bool = False
    whole: bool = False
    bare_part: bool = False
    mod: str | None = None  # TIMEX3 mod: "a finales de marzo" END
    ordinal: int | None = None
    season: str | None = None
    clock: tuple[int, int] | None = None
    utc: bool = False
    afternoon: bool = False
    ref: str | None = None
    set_value: str | None = None
    numdate: str | None = None
    century: int | None = None
    unit_before_number: bool = False
    yearref: int | None = None
    extra_units: list[tuple[str, float]] = field(default_factory=list)


def _features(lex: _Lexicon, run: list[_Tok], text: str) -> _Feat | None:
    f = _Feat()
    nums: list[tuple[int, _Tok]] = []
    kinds = [t.kind for t in run]
    for idx, t in enumerate(run):
        k = t.kind
        if k == "month":
            f.month = int(t.val)
        elif k == "weekday":
            f.weekday = int(t.val)
        elif k == "relday":
            word = t.text.lower()
            prev_word = _WORD_BEFORE.search(text, 0, t.start)
            # German "Guten Morgen" (the morning) vs "morgen" (tomorrow)
            noun = lex.nouns_capitalised and _capitalised_inside_sentence(t, text)
            after_det = prev_word is not None and prev_word.group(1).lower() in lex.part_after
            if word in lex.day_parts and (noun or after_det):
                f.part = lex.day_parts[word]  # "la mañana", "esta mañana": the morning
                f.bare_part = not after_det  # "Guten Morgen": a greeting, no time
            elif f.relday is None:
                f.relday = int(t.val)
            elif word in lex.day_parts:
                f.part = lex.day_parts[word]
        elif k == "relpart":
            f.relday, f.part = int(t.val[0]), str(t.val[1])
        elif k == "part":
            f.part = str(t.val)
        elif k == "season":
            f.season = str(t.val)
        elif k in ("unit", "units"):
            unit = str(t.val)
            # the number right before a unit is its count ("tres años", "dos horas y 30 minutos")
            count = None
            if (
                unit == "H"
                and idx >= 2
                and run[idx - 2].kind == "clock_before"
                and run[idx - 1].kind == "num"
                and isinstance(run[idx - 1].val, int)
                and run[idx - 1].val <= 24
                and f.clock is None
            ):
                # "à 21 heures", "a las 9 horas": an hour after a clock word is a clock time, no duration
                f.clock = (run[idx - 1].val, 0)
                nums = [n for n in nums if n[0] != idx - 1]
                continue
            if nums and nums[-1][0] == idx - 1 and run[idx - 1].kind != "decimal":
                count = float(nums.pop()[1].val)
            if f.unit in ("Q", "HALF", "T") and unit == "Y" and k == "unit":
                # "el segundo semestre de este año": the year of the half
                f.yearref = f.direction if f.direction is not None else 0
                f.direction = None
                continue
            if f.unit is not None and f.count is not None and count is None and k == "unit":
                # "die ersten sechs Monate des Jahres", "los primeros seis meses del año": the counted unit is
                # the span's, the uncounted one after it only says whose months they are
                continue
            if f.unit is not None and f.count is not None and count is not None:
                f.extra_units.append((f.unit, f.count))
            f.unit = unit
            f.plural = k == "units"
            # "Les Jours", "Los Años Dorados": a unit with a capital inside a sentence of a language whose
            # nouns take none is (part of) a name
            f.named = not lex.nouns_capitalised and _capitalised_inside_sentence(t, text)
            if count is not None:
                f.count = count
            elif not nums:
                f.unit_before_number = True
        elif k == "year":
            if f.year is not None:
                return None
            f.year = int(t.val)
        elif k == "yearref":
            f.yearref = int(t.val)
        elif (
            k == "num"
            and t.text.endswith(".")
            and idx + 1 < len(run)
            and run[idx + 1].kind in ("unit", "units")
        ):
            f.ordinal = int(t.val)  # "im 19. Jahrhundert", "das 3. Quartal"
        elif k in ("num", "number", "decimal"):
            nums.append((idx, t))
        elif k == "ordinal":
            f.ordinal = int(t.val)
        elif k == "vague":
            f.vague = True
        elif k == "next":
            f.direction = 1
        elif k == "last":
            f.direction = -1
        elif k == "this":
            f.direction = 0 if f.direction is None else f.direction
        elif k == "ago":
            f.ago = True
        elif k == "since":
            f.since = True
        elif k == "each":
            f.each = True
        elif k == "whole":
            f.whole = True
        elif k == "mod":
            f.mod = str(t.val)
        elif k == "clocknum":
            nxt = run[idx + 1] if idx + 1 < len(run) else None
            if nxt is not None and nxt.kind in ("unit", "units") and nxt.val in ("MIN", "S"):
                # "1.20 minutos": minutes and seconds
                f.unit, f.count = "MS", t.val[0] * 60 + t.val[1]
                return f
            f.clock = t.val
        elif k == "utc":
            f.utc = True
        elif k == "clock_after":
            if _words(t.text) in lex.afternoon:
                f.afternoon = True
        elif k in ("present", "past_ref", "future_ref"):
            f.ref = {"present": "PRESENT_REF", "past_ref": "PAST_REF", "future_ref": "FUTURE_REF"}[k]
        elif k == "set":
            f.set_value = str(t.val)
        elif k == "numdate":
            f.numdate = str(t.val)
        elif k == "roman":
            f.century = int(t.val)
    # numbers: a day of the month next to a month, a count before a unit, an hour after "las"
    for idx, t in nums:
        v = t.val
        near_month = any(
            run[j].kind == "month" for j in range(max(0, idx - 2), min(len(run), idx + 3)) if j != idx
        )
        if (
            isinstance(v, int)
            and 1 <= v <= 31
            and (near_month or _after_day_word(run, idx))
            and f.day is None
        ):
            f.day = v
        elif (
            isinstance(v, int)
            and v <= 24
            and f.clock is None
            and (
                (idx + 1 < len(run) and run[idx + 1].kind == "clock_after")  # "20 Uhr"
                or (
                    "clock_before" in kinds[:idx]
                    and (
                        kinds[idx + 1 : idx + 2]
                        in (["clock_after"], ["part"], ["relday"], ["unit"], ["units"])
                        and (run[idx + 1].kind not in ("unit", "units") or run[idx + 1].val == "H")
                    )
                )
            )
        ):
            f.clock = (v, 0)
        elif f.count is None:
            f.count = float(v)
    if f.ordinal is not None and f.month is not None and f.day is None and f.unit is None:
        f.day = f.ordinal  # "el primero de mayo", "le premier mai"
    if f.vague and f.count is not None:
        f.vague = False  # "unos tres años": about three, still three
    if f.afternoon and f.clock is not None and f.clock[0] < 12:
        f.clock = (f.clock[0] + 12, f.clock[1])
    return f


_WORD_BEFORE = re.compile(r"(\w+)\W{0,3}$")


def _capitalised_inside_sentence(t: _Tok, text: str) -> bool:
    """A word with a capital that does not open its sentence (a word stands before it, with no . ! ? or :
    between)."""
    if not t.text[:1].isupper():
        return False
    prev_word = _WORD_BEFORE.search(text, 0, t.start)
    return prev_word is not None and not re.search(r"[.!?:]\s*$", text[prev_word.end(1) : t.start])


def _after_day_word(run: list[_Tok], idx: int) -> bool:
    """ "el día 8": a number right after the unit "day" in the singular."""
    return idx > 0 and run[idx - 1].kind == "unit" and run[idx - 1].val == "D"


# ---- calendar helpers ------------------------------------------------------------------------------


def _shift_months(d: dt.date, n: int) -> tuple[int, int]:
    m = d.year * 12 + d.month - 1 + n
    return m // 12, m % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _weekday_date(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    delta = weekday - anchor.isoweekday()
    if direction > 0:
        return anchor + dt.timedelta(days=delta if delta > 0 else delta + 7)
    if direction < 0:
        return anchor + dt.timedelta(days=delta if delta < 0 else delta - 7)
    # this week's
    return anchor + dt.timedelta(days=delta)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


_DUR_UNITS = {
    "Y": "Y",
    "M": "M",
    "W": "W",
    "D": "D",
    "DE": "DE",
    "CE": "CE",
    "Q": "Q",
    "HALF": "H",
    "WE": "WE",
}
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


def _duration(unit: str, count: float | None) -> str:
    c = "X" if count is None else _num(count)
    if unit == "MS" and count is not None:
        m, sec = divmod(int(count), 60)
        return f"PT{m}M{sec}S" if sec else f"PT{m}M"
    if unit in ("DE", "CE") and count is not None:
        return f"P{_num(count * (10 if unit == 'DE' else 100))}Y"
    if unit == "Y5":
        return "PX" if count is None else f"P{_num(count * 5)}Y"
    if unit == "T":
        return "PX" if count is None else f"P{_num(count * 4)}M"
    if unit in _TIME_UNITS:
        return f"PT{c}{_TIME_UNITS[unit]}"
    return f"P{c}{_DUR_UNITS.get(unit, unit)}"


# ---- the reading -----------------------------------------------------------------------------------


def _read(lex: _Lexicon, f: _Feat, anchor: dt.date | None, tense: int) -> tuple[str, str] | None:
    """(TIMEX3 type, value) of one span, or None when it is not a time expression after all."""
    if f.set_value:
        return "SET", f.set_value
    if f.unit == "WE" and f.plural and f.count is None:
        return "SET", "XXXX-WXX-WE"  # "los fines de semana"
    if f.each and f.season:
        return "SET", f"XXXX-{f.season}"  # "chaque été", "jeden Sommer"
    if f.each and f.unit:
        if f.unit == "WE":
            return "SET", "XXXX-WXX-WE"
        return "SET", _duration(f.unit, f.count or 1)
    if f.whole and f.unit and not f.plural and f.count is None and f.direction is None:
        return "DURATION", _duration(f.unit, 1)  # "toda la semana", "den ganzen Tag"
    if f.ref and not (f.unit or f.month or f.weekday or f.year or f.relday is not None):
        return "DATE", f.ref
    if f.numdate:
        return _read_numdate(lex, f.numdate, f)
    if f.ago and f.unit:
        if f.count is None or f.vague:
            return "DURATION", _duration(f.unit, None)
        if anchor is None:
            return "DURATION", _duration(f.unit, f.count)
        return "DATE", _ago(anchor, f.unit, f.count)
    if f.since and f.unit and (f.count is not None or f.vague):
        return "DURATION", _duration(f.unit, None if f.vague else f.count)
    date_v = _read_date(lex, f, anchor, tense)
    if date_v is not None:
        kind, value = date_v
        if f.clock is not None and kind == "DATE" and len(value) == 10:
            return "TIME", f"{value}T{f.clock[0]:02d}:{f.clock[1]:02d}" + ("Z" if f.utc else "")
        if f.part and kind == "DATE" and len(value) == 10:
            return "TIME", f"{value}T{f.part}"
        return date_v
    if f.clock is not None:
        return "TIME", f"T{f.clock[0]:02d}:{f.clock[1]:02d}" + ("Z" if f.utc else "")
    if f.unit:
        if f.unit_before_number and f.count is not None and f.unit == "Y" and f.plural and f.count % 10 == 0:
            return _decade(anchor, f.count)  # "los años 30"
        if f.unit == "DE" and f.count is not None and f.count >= 10 and f.count % 10 == 0 and not f.vague:
            return _decade(anchor, f.count)  # "la década de los noventa"
        if f.plural and f.count is None and not f.vague and f.named:
            return None  # "le site Les Jours": a name, no duration
        if f.count is not None or f.vague or f.plural:
            value = _duration(f.unit, None if f.vague else f.count)
            for u, c in f.extra_units:  # "dos horas y 30 minutos"
                value = _join_durations(_duration(u, c), value)
            return "DURATION", value
        return None
    if f.part and f.relday is None:
        if f.bare_part and f.direction is None:
            return None
        if f.direction == 0 and anchor is not None:
            return "TIME", f"{anchor.isoformat()}T{f.part}"  # "esta noche": tonight
        return "TIME", f"T{f.part}"
    return None


def _join_durations(a: str, b: str) -> str:
    if a.startswith("PT") and b.startswith("PT"):
        return a + b[2:]
    return a


def _decade(anchor: dt.date | None, count: float) -> tuple[str, str]:
    century = (anchor.year // 100 if anchor else 19) if count < 100 else 0
    if anchor and century * 100 + count > anchor.year:
        century -= 1
    return "DATE", f"{century * 10 + int(count) // 10:03d}"


def _ago(anchor: dt.date, unit: str, count: float) -> str:
    n = int(count)
    if unit == "Y":
        return f"{anchor.year - n}"
    if unit == "M":
        y, m = _shift_months(anchor, -n)
        return f"{y}-{m:02d}"
    if unit == "W":
        return _week(anchor - dt.timedelta(weeks=n))
    if unit == "D":
        return (anchor - dt.timedelta(days=n)).isoformat()
    if unit == "DE":
        return f"{(anchor.year - 10 * n) // 10}"
    if unit == "CE":
        return f"{(anchor.year - 100 * n) // 100}"
    if unit == "H":
        return (dt.datetime(anchor.year, anchor.month, anchor.day)).date().isoformat()
    return anchor.isoformat()


def _read_numdate(lex: _Lexicon, s: str, f: _Feat) -> tuple[str, str] | None:
    parts = re.split(r"[./-]", s)
    vals = dict(zip(lex.numeric_order, (int(p) for p in parts), strict=False))
    y, m, d = vals.get("y", 0), vals.get("m", 0), vals.get("d", 0)
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        value = dt.date(y, m, d).isoformat()
    except ValueError:
        return None
    if f.clock is not None:
        return "TIME", f"{value}T{f.clock[0]:02d}:{f.clock[1]:02d}"
    return "DATE", value


def _read_date(lex: _Lexicon, f: _Feat, anchor: dt.date | None, tense: int) -> tuple[str, str] | None:
    a = anchor
    direction = f.direction if f.direction is not None else None
    year = f.year
    if year is None and f.yearref is not None and a is not None:
        year = a.year + f.yearref  # "im März nächsten Jahres"
    if year is None and f.unit == "Y" and not f.plural and f.direction is not None and f.month and a:
        year = a.year + f.direction  # "en mars de l'année prochaine"
    # an explicit calendar date: day and month (and year)
    if f.month and f.day:
        if year is None:
            if a is None:
                return "DATE", f"XXXX-{f.month:02d}-{f.day:02d}"
            year = _year_for(a, (f.month, f.day), (a.month, a.day), direction, tense)
        try:
            return "DATE", dt.date(year, f.month, f.day).isoformat()
        except ValueError:
            return None
    if f.month:
        if year is None:
            if a is None:
                return "DATE", f"XXXX-{f.month:02d}"
            year = _year_for(a, (f.month,), (a.month,), direction, tense)
        return "DATE", f"{year}-{f.month:02d}"
    if f.season:
        if year is None:
            if a is None:
                return "DATE", f"XXXX-{f.season}"
            # "la pasada primavera", "im vergangenen Herbst", "l'été prochain", "este inverno": as the English
            # engine reads "last spring" (one convention for every language: meteorological seasons, a
            # September paper's "el verano pasado" is that year's summer, as its "last summer")
            year = a.year if direction is None else _season_year(a, f.season, direction)
        return "DATE", f"{year}-{f.season}"
    if f.century and f.unit == "CE":
        return "DATE", f"{f.century - 1:02d}"
    if f.ordinal and f.unit == "CE" and not f.plural:
        return "DATE", f"{f.ordinal - 1:02d}"  # "das 19. Jahrhundert", "el siglo XIX" (18xx)
    if year is not None and not f.unit and f.relday is None and f.weekday is None:
        return "DATE", str(year)
    if year is not None and _year_noun(f):
        return "DATE", str(year)  # "el año 2020", "l'année 2015", "das Jahr 2019": the year its noun names
    if a is None:
        if f.relday is not None or f.weekday is not None:
            return "DATE", "XXXX-XX-XX"
        return None
    if f.relday is not None:
        return "DATE", (a + dt.timedelta(days=f.relday)).isoformat()
    if f.weekday is not None:
        if direction in (None, 0) and f.weekday == a.isoweekday():
            # the publication's own weekday with no "next"/"last", or with "this": the day itself ("murió el
            # sábado" in a Saturday's paper, as the English engine reads it; "este martes", "ce mardi",
            # "diesen Dienstag" on a Tuesday: this week's Tuesday is today, whatever the tense)
            return "DATE", a.isoformat()
        d = direction if direction not in (None, 0) else (tense or -1)
        if direction == 0 and tense == 0:
            return "DATE", _weekday_date(a, f.weekday, 0).isoformat()
        return "DATE", _weekday_date(a, f.weekday, d).isoformat()
    if f.day and f.unit == "D":  # "el día 8": this month's, or the next/last by the tense
        y, m = a.year, a.month
        if tense > 0 and f.day < a.day:
            y, m = _shift_months(a, 1)
        elif tense < 0 and f.day > a.day:
            y, m = _shift_months(a, -1)
        try:
            return "DATE", dt.date(y, m, f.day).isoformat()
        except ValueError:
            return None
    if f.unit and not f.plural and f.count is None and direction is None and f.mod and not f.ordinal:
        direction = 0  # "a finales de año", "Ende des Jahres": the present one
    if f.unit and not f.plural and f.count is None and direction is not None:
        return _unit_relative(a, f.unit, direction, f.ordinal, year)
    if f.unit in ("Q", "HALF", "T") and f.ordinal and not f.plural:
        return _unit_relative(a, f.unit, 0, f.ordinal, year)
    if f.unit == "CE" and not f.plural and f.count is None and not f.ordinal:
        return "DATE", f"{a.year // 100:02d}"  # "el siglo": the present one
    return None


def _year_noun(f: _Feat) -> bool:
    """The span is the word for "year" and a year number, nothing else ("el año 2020", "das Jahr 2019")."""
    return (
        f.unit == "Y"
        and not f.plural
        and f.count is None
        and f.direction is None
        and f.ordinal is None
        and f.relday is None
        and f.weekday is None
        and f.month is None
        and f.mod is None
        and not f.ago
        and not f.since
        and not f.each
        and not f.whole
    )


def _unit_relative(
    a: dt.date, unit: str, direction: int, ordinal: int | None, year: int | None
) -> tuple[str, str] | None:
    if unit == "Y":
        return "DATE", str(a.year + direction)
    if unit == "M":
        y, m = _shift_months(a, direction)
        return "DATE", f"{y}-{m:02d}"
    if unit == "W":
        return "DATE", _week(a + dt.timedelta(weeks=direction))
    if unit == "WE":
        return "DATE", _week(a + dt.timedelta(weeks=direction)) + "-WE"
    if unit == "D":
        return "DATE", (a + dt.timedelta(days=direction)).isoformat()
    if unit == "Q":
        y = year or a.year
        q = ordinal or (a.month - 1) // 3 + 1 + direction
        return "DATE", f"{y + (q - 1) // 4}-Q{(q - 1) % 4 + 1}"
    if unit == "HALF":
        y = year or a.year
        h = ordinal or (a.month - 1) // 6 + 1 + direction
        return "DATE", f"{y + (h - 1) // 2}-H{(h - 1) % 2 + 1}"
    if unit == "T":
        y = year or a.year
        t = ordinal or (a.month - 1) // 4 + 1 + direction
        return "DATE", f"{y + (t - 1) // 3}-T{(t - 1) % 3 + 1}"
    if unit == "DE":
        return "DATE", f"{a.year // 10 + direction}"
    if unit == "CE":
        return "DATE", f"{a.year // 100 + direction:02d}"
    return None


def _year_for(
    a: dt.date, key: tuple[int, ...], now: tuple[int, ...], direction: int | None, tense: int
) -> int:
    """The year of a month (or month and day) named without one: a direction word decides, else the tense
    of the clause, else the anchor's year."""
    d = direction if direction not in (None, 0) else tense
    if d > 0 and key < now:
        return a.year + 1
    if d < 0 and key > now:
        return a.year - 1
    return a.year


def _tense(lex: _Lexicon, text: str, start: int, end: int) -> int:
    """+1 future, -1 past, 0 unknown: the verb form nearest the expression in its sentence."""
    if not (lex.future or lex.past):
        return 0
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 150) + 1
    e_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    e = min([*e_candidates, end + 150])
    low = text[s:e].lower()
    best: tuple[int, int] | None = None
    rel_s, rel_e = start - s, end - s
    # a verb before the conjunction that opens the expression's clause is the reporting clause's ("informierte,
    # dass ... ab Dienstag ... wiederaufgenommen wird"): the clause's own verbs decide
    floor = max((m.end() for p in lex.clause_openers for m in p.finditer(low, 0, rel_s)), default=0)
    for sign, pats in ((1, lex.future), (-1, lex.past)):
        for p in pats:
            for m in p.finditer(low):
                if rel_s <= m.start() < rel_e or m.end() <= floor:
                    continue
                # (a time adverbial mostly follows its verb: a verb after it counts at twice the distance)
                dist = rel_s - m.end() if m.end() <= rel_s else 2 * (m.start() - rel_e)
                if best is None or dist < best[0]:
                    best = (dist, sign)
    return best[1] if best else 0


# ---- tagging ---------------------------------------------------------------------------------------


def tag(text: str, anchor: dt.date | None, lang: str) -> list[TimeRef]:
    """Every time expression of ``text`` in language ``lang``, sorted and non-overlapping; [] when the
    language has no dates.toml."""
    if not text or not supported(lang):
        return []
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    return list(_tag_cached(blank_links(text), anchor, lang))  # "https://frag.jetzt" holds no time


def tag_language(text: str, anchor: dt.date | None, lang: str | None) -> list[TimeRef]:
    """The time expressions of a text in any language: this tagger for a language with a dates.toml,
    the English tagger (``factcheck.temporal``) for English, an unknown language or none."""
    if supported(lang):
        return tag(text, anchor, str(lang))
    from factcheck import temporal

    return temporal.tag(text, anchor)


def date_phrase(text: str, anchor: dt.date, lang: str | None = None) -> dt.date | None:
    """The day a short phrase names by itself ("lundi dernier", "el lunes pasado", "letzten Montag",
    "anteontem"), read by these rules where dateparser reads none: the phrase must be one expression with a
    day's value and nothing else. ``lang`` is tried first, then every other language with a dates.toml."""
    phrase = text.strip()
    if not phrase:
        return None
    langs = [lang] if lang and supported(lang) else []
    langs += sorted(code for code in available("dates") if code != lang and supported(code))
    for code in langs:
        found = tag(phrase, anchor, code)
        # one expression, and at most an article or a preposition besides ("el lunes pasado", "am Montag")
        if len(found) != 1 or len(phrase) - len(found[0].text) > 3 or found[0].type not in ("DATE", "TIME"):
            continue
        day = found[0].value[:10]  # (a time of day names its day: "hier soir")
        if re.fullmatch(r"\d{4}-\d\d-\d\d", day):  # (a week, a month, a year, a bare clock time: no day)
            try:
                return dt.date.fromisoformat(day)
            except ValueError:
                continue
    return None


def clear_cache() -> None:
    _tag_cached.cache_clear()


@functools.lru_cache(maxsize=512)
def _tag_cached(text: str, anchor: dt.date | None, lang: str) -> tuple[TimeRef, ...]:
    lex = _lexicon(lang)
    if lex is None:
        return ()
    toks = lex.tokens(text)
    out: list[TimeRef] = []
    for run in _runs(toks, text):
        for part in _ranges(lex, run):
            ref = _span(lex, part, text, anchor)
            if ref is not None:
                out.append(ref)
    _attach_ranges(out)
    return tuple(_attach_clocks(out, text))


def _ranges(lex: _Lexicon, run: list[_Tok]) -> list[list[_Tok]]:
    """ "del 7 al 11 de septiembre": the first day, marked to borrow its month from the second."""
    for i, t in enumerate(run):
        if (
            t.kind == "range"
            and any(x.kind in ("num",) for x in run[:i])
            and not any(x.kind == "month" for x in run[:i])
            and any(x.kind == "month" for x in run[i + 1 :])
        ):
            first = [x for x in run[:i] if x.kind not in ("conn",)]
            second = run[i + 1 :]
            while second and second[0].kind == "conn":
                second = second[1:]
            first_nums = [x for x in first if x.kind == "num"]
            if first_nums and 1 <= int(first_nums[-1].val) <= 31:
                day_tok = _Tok(
                    first_nums[-1].start,
                    first_nums[-1].end,
                    "rangeday",
                    int(first_nums[-1].val),
                    first_nums[-1].text,
                )
                return [[day_tok], second]
    return [run]


def _span(lex: _Lexicon, run: list[_Tok], text: str, anchor: dt.date | None) -> TimeRef | None:
    # leading and trailing glue and words that only introduce a span are not part of it
    clocked = (
        any(t.kind == "clocknum" for t in run)
        or any(t.kind == "clock_after" for t in run)
        or any(  # "à 21 heures", "a las 9 horas": an hour after a clock word, no duration
            a.kind == "clock_before" and b.kind == "num" and c.kind in ("unit", "units") and c.val == "H"
            for a, b, c in zip(run, run[1:], run[2:], strict=False)
        )
    )
    while run and (run[0].kind in _GLUE or (run[0].kind == "clock_before" and not clocked)):
        run = run[1:]
    while run and (run[-1].kind in _GLUE or run[-1].kind in _NO_END) and not _decade_number(run):
        run = run[:-1]
    if not run:
        return None
    if run[0].kind == "rangeday":
        t = run[0]
        return TimeRef(t.start, t.end, t.text, "DATE", f"RANGEDAY:{t.val}")
    kinds = {t.kind for t in run}
    if not kinds & _HEADS:
        if (
            "clock_before" in kinds
            and kinds & {"num", "number"}
            and kinds & {"clock_after", "part", "relday"}
        ):
            pass  # "las seis de la mañana"
        elif any(a.kind in ("num", "number") and b.kind == "clock_after" for a, b in itertools.pairwise(run)):
            pass  # "nach 20 Uhr", "vier Uhr": an hour and its clock word
        elif "part" in kinds and kinds & {"this", "relday"}:
            pass
        elif "part" in kinds and "conn" in kinds:
            pass  # "la tarde": a bare part of the day
        else:
            return None
    f = _features(lex, run, text)
    if f is None:
        return None
    # a lone year-looking number is a year only when it looks like one
    if kinds <= {"year", "conn"} and not _plausible_year(lex, text, run[-1].start, run[-1].end):
        return None
    s, e = run[0].start, run[-1].end
    # a leading "conn" such as "el" was dropped; a bare clock needs its introducing word back
    if f.clock is not None and run[0].kind == "clocknum":
        pass
    tense = 0
    if _needs_tense(f):
        # "seit dem 26. Juli", "depuis le 7 octobre": a day counted from is one gone by, whatever the verb
        tense = -1 if f.since else _tense(lex, text, s, e)
    got = _read(lex, f, anchor, tense)
    if got is not None and got[0] == "DATE" and _explicit(f):
        # a calendar date written out in full ("14. Januar 2020", "3 de mayo de 2022", "19.01.2020"): read by
        # dateparser, which knows every locale's spellings; the rules' reading stays when it reads none
        read = parse_date_text(text[s:e], languages=[lex.lang], anchor=anchor)
        if read is not None:
            got = ("DATE", read.isoformat())
    if got is None:
        return None
    typ, value = got
    return TimeRef(s, e, text[s:e], typ, value, f.mod if typ == "DATE" else None)


def _decade_number(run: list[_Tok]) -> bool:
    """ "la década de los noventa": a tens number after a decade or plural year unit is part of the span."""
    last = run[-1]
    return (
        last.kind == "number"
        and float(last.val) >= 10
        and float(last.val) % 10 == 0
        and any(t.kind in ("unit", "units") and t.val in ("DE", "Y") for t in run[:-1])
    )


def _explicit(f: _Feat) -> bool:
    """Day, month and year all written, nothing relative."""
    full = (f.day is not None and f.month is not None and f.year is not None) or f.numdate is not None
    return full and f.relday is None and f.direction is None and not f.ago and f.unit is None


def _needs_tense(f: _Feat) -> bool:
    if f.direction not in (None, 0) or f.year is not None:
        return False
    return bool(f.weekday or f.month or (f.day and f.unit == "D"))


def _plausible_year(lex: _Lexicon, text: str, start: int, end: int) -> bool:
    """A lone four-digit number is no year before a currency or percent sign, or before a word the
    language lists in ``not_year_after`` ("2000 personas", "1500 Euro"), nor after a word of quantity it
    lists in ``not_year_before`` ("rund 1100 Anhänger", "más de 1500 manifestantes")."""
    if lex.not_year_before is not None and lex.not_year_before.search(text, max(0, start - 40), start):
        return False
    return lex.not_year_after.match(text, end) is None


def _attach_ranges(out: list[TimeRef]) -> None:
    """The first day of "del 7 al 11 de septiembre" takes the month and year of the second."""
    for i, r in enumerate(out):
        if r.value.startswith("RANGEDAY:"):
            day = int(r.value.split(":")[1])
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and re.match(r"\d{4}-\d\d-\d\d", nxt.value):
                try:
                    value = dt.date(int(nxt.value[:4]), int(nxt.value[5:7]), day).isoformat()
                except ValueError:
                    value = ""
            else:
                value = ""
            out[i] = dataclasses.replace(r, value=value)
    out[:] = [r for r in out if r.value]


_CLOCK_GAP = 40  # characters between a date and a clock time that takes its date


def _attach_clocks(out: list[TimeRef], text: str) -> list[TimeRef]:
    """A bare clock time right after an expression that names a day takes that day ("mañana, domingo, a
    las 08.00"; "este sábado 7 de mayo desde las 6:00"); any other bare clock time keeps no date."""
    for i, r in enumerate(out):
        prev = out[i - 1] if i else None
        if (
            prev is not None
            and r.type == "TIME"
            and r.value[:1] == "T"
            and r.value[1:3].isdigit()
            and re.match(r"\d{4}-\d\d-\d\d", prev.value)
            and r.start - prev.end <= _CLOCK_GAP
            and not re.search(r"[.;:!?\n]", text[prev.end : r.start])
        ):
            out[i] = dataclasses.replace(r, value=prev.value[:10] + r.value)
    return out


__all__ = ["clear_cache", "supported", "tag", "tag_language"]


_YEAR_FIRST = re.compile(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})")


def typed_date(text: str, language: str | None, today: dt.date) -> dt.date | None:
    """The day a reviewer typed for an article's publication ("2024-05-03", "3 May 2024", "20 de setembro de
    2023", "3 days ago", "lundi dernier"), or None. The article's language is tried first, so a date in figures
    reads as that language writes it ("08/03/2016" is 8 March on a German page); then the languages factcheck
    has a folder for (dateparser's guess among all its languages reads a half-typed "3 Ma" as Hungarian "ma",
    today); then the languages' time rules for what dateparser does not read. What names no day and month is none: a
    half-typed "3 Ma" is no date (dateparser alone reads it as the 3rd of this month), nor is "May 2024". A date
    in figures written year first ("2024-05-03", "2024/5/3", "2024.05.03") is year-month-day only, as ISO 8601
    and every language that writes the year first has it: dateparser read a mistyped "2019-13-01" as 13 January
    (year-day-month), a day nobody meant."""
    v = text.strip()
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        pass
    year_first = _YEAR_FIRST.fullmatch(v)
    if year_first:
        try:
            return dt.date(*(int(year_first.group(g)) for g in ("y", "m", "d")))
        except ValueError:
            return None
    tried = (language, "en") if language else ("en",)
    got = parse_date_text(v, languages=tried, anchor=today, whole_day=True)
    others = tuple(code for code in languages() if code not in tried)
    return (
        got
        or parse_date_text(v, languages=others, anchor=today, whole_day=True)
        or date_phrase(v, today, language)
    )


_DAY_NUMBER = re.compile(r"(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])")


def impossible_day(text: str, language: str | None, today: dt.date) -> str | None:
    """Why ``text`` is no date when it names a day its month does not have ("31 de febrero de 2023", "February
    30, 2023", "2023-02-30", "31/04/2024"): the same words with that day number made the 1st are a date of that
    month, which has fewer days. None when it reads as a date, or names no such day (``typed_date`` is None for
    other reasons: say those as before)."""
    if typed_date(text, language, today) is not None:
        return None
    year_first = _YEAR_FIRST.fullmatch(text.strip())
    if year_first:
        y, mo, d = (int(year_first.group(g)) for g in ("y", "m", "d"))
        if not 1 <= mo <= 12:
            return f"a year has no month {mo}; a date written year first is year-month-day."
        days = calendar.monthrange(y, mo)[1]
        if not 1 <= d <= days:  # (a day past 31, or 0: no day number below reads it; "2019-12-32")
            return f"{calendar.month_name[mo]} {y} has no day {d}: it has {days} days."
    for m in _DAY_NUMBER.finditer(text):
        n = int(m.group())
        first = "1".zfill(len(m.group()))  # (2023-02-30 -> 2023-02-01: the form stays what it was)
        day = typed_date(text[: m.start()] + first + text[m.end() :], language, today)
        if day is None or day.day != 1:
            continue
        last = calendar.monthrange(day.year, day.month)[1]
        if n > last:
            named = str(day.year) in text or day.month == 2  # (a year not typed is named for February only)
            month = calendar.month_name[day.month] + (f" {day.year}" if named else "")
            return f"{month} has no day {n}: it has {last} days."
    return None

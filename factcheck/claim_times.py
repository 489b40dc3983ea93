"""Which of the time expressions inside a claim's text the claim carries as its time (``Claim.when``).

A claim carries the time expressions of its own text (a sentence, or the part of one ``extract`` cut
off), never another sentence's time nor the publication date: on the labelled real articles
(tests/fixtures/realworld, ``bench/extract_quality.py --untimed``), no shown claim whose text holds no time
expression is labelled with one, and the date it could inherit is a value its labels allow for 2 of 118
(the last date before it in the article) and 1 of 160 (the publication date) on the development splits,
1 of 116 and 0 of 126 on heldout and ecb. ``extract`` drops a reference to the present,
past or future (``PRESENT_REF``...) that a dated expression of the same claim says better; this module
drops the references that are part of a noun phrase: they describe a thing the claim names ("has dropped
in recent polls", "the future of healthcare", "X (formerly Twitter)", "more powerful than the current model",
"current and former officials", "64 emails now deemed classified", "Mr. Lewandowski, now a paid CNN commentator, has denied"), not when its event
happens, and a
holiday or a bare season right before a noun, which names a kind of thing ("an office Christmas party",
"Black Friday deals", "brought early winter temperatures"), and an expression of urgency, which says how soon
an act is asked for, not when anything happens ("should deploy this update as soon as possible"), and an
indefinite period a relative clause describes, a time named by what happened in it ("in a year when voters cried
out for an outsider"), which is no duration, and "last" meaning "final" ("in the last week of the race", "the last
weekend of the festival"), which the tagger reads as the week before now, and a time word of a title in quotation
marks ("the show “Lopez Tonight.”", "the song “All Right Now,”"), which names no time. The words are data:
``factcheck/lang/<code>/claim_times.toml`` (``[noun_phrase_ref]``, ``[kind_modifier]``, ``[urgency]``,
``[title_year]``, ``[described_period]``, ``[final_part]``, ``[quoted_title]``); a language without the file keeps
every expression. One expression is carried with another value than the tagger's: "the past week", "over the last
year" (``[rolling_window]``) is the window of one unit that ends at the story's time, the duration P1W / P1Y, not the
calendar week or year before the publication date that TimeML's convention gives.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck import gazetteer
from factcheck.lang import resource
from factcheck.model import TimeRef

_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass(frozen=True, slots=True)
class _Rules:
    modifiers: frozenset[str]  # a REF before its noun: "recent"
    time_nouns: frozenset[str]  # ... unless the noun makes a time phrase: "the recent past"
    heads: frozenset[str]  # a REF before "of": "the future of healthcare"
    complements: frozenset[str]  # a REF after "of": "the approaches of the past"
    hyphen: bool  # a REF hyphened to the next word: "now-defunct"
    adverbs: frozenset[str]  # a REF adverb that modifies the next word: "now", "recently"
    # ... inside a noun phrase when one of these precedes it: "the now defunct firm"
    noun_openers: frozenset[str]
    # ... or after a noun, before one of these, opening a reduced relative clause: "destinations now exempt"
    postmodifiers: frozenset[str]
    # a REF adjective inside the object of "of" or "than" ("than the current model"), after those words and a
    # determiner; unless one of the two words after it makes a time ("his current term") or its "of" ends a
    # compound preposition ("on the basis of current projections")
    object_modifiers: frozenset[str]
    object_openers: re.Pattern[str] | None
    object_time_nouns: frozenset[str]
    compound_of: re.Pattern[str] | None
    # a REF adjective joined by "and" or "or" to a word of a former state: "current and former officials"
    coordinated: frozenset[str]
    coordinated_after: re.Pattern[str] | None  # "current| and former"
    coordinated_before: re.Pattern[str] | None  # "former and |current"
    appositives: frozenset[str]  # a REF that opens an apposition: "X (formerly Twitter)"
    apposition_openers: tuple[str, ...]  # ... after one of these: "(", ","
    naming_words: frozenset[str]  # ... or at the sentence's start before a name or one of these: "known"
    # a REF that opens an apposition of a present state ("Lewandowski, now a paid CNN commentator, has denied"):
    # after an opener, before one of these words or a number, closed within so many words
    present_appositives: frozenset[str]
    present_apposition_words: frozenset[str]
    present_apposition_span: int
    kinds: frozenset[str]  # a holiday or a bare season that names a kind before a noun: "Christmas cards"
    kind_time_nouns: frozenset[str]  # ... unless the noun makes a time of it: "Christmas season"
    function_words: frozenset[str]  # ... or the next word is no noun: "winter and spring" (stopwords.toml)
    urgent: frozenset[str]  # how soon an act is asked for, no time: "as soon as possible"
    title_year: bool  # a bare year that ends a name is part of it: "Windows Server 2008", "Tomb Raider 2013"
    # an indefinite period a relative clause describes: "in a year when voters cried out for an outsider"
    described_periods: frozenset[str]
    relative_after: re.Pattern[str] | None
    # "last" meaning "final" after a determiner and before "of": "the last week of the race"
    final_words: frozenset[str]
    final_units: frozenset[str]
    final_determiners: frozenset[str]
    # a title in quotation marks ("the show “Lopez Tonight.”"): (opening, closing) marks, its length in words and
    # the words that may stay in lower case inside it
    title_quotes: tuple[tuple[str, str], ...]
    title_words: tuple[int, int]
    title_minor_words: frozenset[str]
    # "the past week", "over the last year": a rolling window of one unit, carried as that duration (P1W)
    rolling_determiners: frozenset[str]
    rolling_words: frozenset[str]
    rolling_units: frozenset[str]
    rolling_final_after: re.Pattern[str] | None  # "the last week| before the election": the final one


@functools.cache
def _rules(lang: str | None) -> _Rules | None:
    data = resource(lang or "en", "claim_times")
    table = data.get("noun_phrase_ref")
    if not table:
        return None
    kind = data.get("kind_modifier", {})
    final, quoted = data.get("final_part", {}), data.get("quoted_title", {})
    rolling = data.get("rolling_window", {})

    def words(key: str, where: dict[str, list[str]] = table) -> frozenset[str]:
        return frozenset(w.lower() for w in where.get(key, []))

    return _Rules(
        words("modifiers"),
        words("time_nouns"),
        words("heads"),
        words("complements"),
        bool(table.get("hyphen_compounds")),
        words("adverbs"),
        words("noun_openers"),
        words("postmodifiers"),
        words("object_modifiers"),
        _object_openers(table, table.get("object_openers", [])),
        words("object_time_nouns"),
        _object_openers(table, table.get("compound_prepositions", [])),
        words("coordinated"),
        *_coordination(table.get("coordinated_with", [])),
        words("appositives"),
        tuple(table.get("apposition_openers", [])),
        words("naming_words"),
        words("present_appositives"),
        words("present_apposition_words"),
        int(table.get("present_apposition_span", 0)),
        words("expressions", kind),
        words("time_nouns", kind),
        words("function", resource(lang or "en", "stopwords")) if kind else frozenset(),
        words("expressions", data.get("urgency", {})),
        bool(data.get("title_year", {}).get("enabled")),
        words("expressions", data.get("described_period", {})),
        _relative_after(data.get("described_period", {}).get("relatives", [])),
        words("words", final),
        words("units", final),
        words("determiners", final),
        tuple((q[0], q[1]) for q in quoted.get("quotes", [])),
        (int(quoted.get("min_words", 0)), int(quoted.get("max_words", 0))),
        words("minor_words", quoted),
        words("determiners", rolling),
        words("words", rolling),
        words("units", rolling),
        _words_after(rolling.get("final_after", [])),
    )


def _words_after(words: list[str]) -> re.Pattern[str] | None:
    """One of ``words`` as the next word after an expression: "the last week| before the election"."""
    if not words:
        return None
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _relative_after(relatives: list[str]) -> re.Pattern[str] | None:
    """One of ``relatives`` ("when", "in which") opening the words after a period: "a year when voters ..."."""
    if not relatives:
        return None
    words = "|".join(re.escape(r).replace(r"\ ", r"[ \t]+") for r in relatives)
    return re.compile(rf"[ \t]+(?i:{words})\b")


def _object_openers(table: dict[str, list[str]], openers: list[str]) -> re.Pattern[str] | None:
    """The end of one of ``openers`` ("of", "than"; or a compound preposition, "on the basis of") and an optional
    determiner (``noun_openers`` other than "of") before a REF adjective: "than the current model", "of current
    progressivism"."""
    if not openers:
        return None
    dets = "|".join(re.escape(w) for w in sorted(table.get("noun_openers", [])) if w != "of")
    words = "|".join(re.escape(o).replace(r"\ ", r"[ \t]+") for o in openers)
    return re.compile(rf"(?i:\b(?:{words})[ \t]+(?:(?:{dets})[ \t]+)?)$")


def _coordination(partners: list[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """ "and" or "or" and one of ``partners`` ("former", "past") after a word, and the same before one: "current|
    and former", "former and |current"."""
    if not partners:
        return None, None
    words = "|".join(re.escape(w) for w in partners)
    return (
        re.compile(rf"(?i:[ \t]+(?:and|or)[ \t]+(?:{words})\b)"),
        re.compile(rf"(?i:\b(?:{words})[ \t]+(?:and|or)[ \t]+)$"),
    )


_TWO_WORDS = re.compile(r"[^\W\d_][\w-]*")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_OF_AFTER = re.compile(r"[ \t]+of\b", re.I)
_OF_BEFORE = re.compile(r"\b[^\W\d_]+[ \t]+of[ \t]+$", re.I)
_HYPHENED = re.compile(r"-[^\W\d_]")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t]+$")
_APPOSITION_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_OPENING = " \t\"“‘'"  # what may stand before the first word of a claim's sentence


def in_noun_phrase(text: str, t: TimeRef, start: int = 0, lang: str | None = None) -> bool:
    """Whether the reference ``t`` (offsets in the text ``text`` starts at ``start`` of) is part of a noun
    phrase: "recent" before its noun, "the future" before "of", "the past" after "of", "now-" before a
    hyphen, "now" or "recently" after a determiner or "of" ("the now defunct firm", "the release of recently
    declassified files"), "formerly" opening an apposition ("X (formerly Twitter)")."""
    rules = _rules(lang)
    return rules is not None and _in_noun_phrase(text, t, start, rules, _low(t))


def _low(t: TimeRef) -> str:
    """The expression's words in lower case, one space apart: how the rules' words are written."""
    return " ".join(t.text.lower().split())


def _in_noun_phrase(text: str, t: TimeRef, start: int, rules: _Rules, low: str) -> bool:
    if t.value not in _REFS:
        return False
    a, b = t.start - start, t.end - start
    if rules.hyphen and _HYPHENED.match(text, b):
        return True
    if low in rules.modifiers:
        m = _NEXT_WORD.match(text, b)
        if m is not None and m.group(1).lower() not in rules.time_nouns:
            return True
    if (
        low in rules.object_modifiers
        and rules.object_openers is not None
        and rules.object_openers.search(text, max(0, a - 20), a)
        and not (rules.compound_of is not None and rules.compound_of.search(text, max(0, a - 30), a))
        and rules.object_time_nouns.isdisjoint(w.lower() for w in _TWO_WORDS.findall(text, b, b + 40)[:2])
    ):
        return True
    if low in rules.coordinated and _coordinated(text, a, b, rules):
        return True
    if low in rules.adverbs:
        m = _WORD_BEFORE.search(text, max(0, a - 30), a)
        if m is not None and (
            m.group(1).lower() in rules.noun_openers or _opens_reduced_relative(text, b, m, rules)
        ):
            return True
    if low in rules.heads and _OF_AFTER.match(text, b):
        return True
    if low in rules.appositives and _opens_apposition(text, a, b, rules):
        return True
    if low in rules.present_appositives and _opens_present_apposition(text, a, b, rules):
        return True
    return low in rules.complements and _OF_BEFORE.search(text, max(0, a - 40), a) is not None


def _coordinated(text: str, a: int, b: int, rules: _Rules) -> bool:
    """Whether the REF adjective at ``a``-``b`` of ``text`` is joined by "and" or "or" to a word of a former state,
    after it or before it: "current and former officials", "five past and current employees"."""
    after, before = rules.coordinated_after, rules.coordinated_before
    return (after is not None and after.match(text, b) is not None) or (
        before is not None and before.search(text, max(0, a - 20), a) is not None
    )


def _opens_reduced_relative(text: str, b: int, before: re.Match[str], rules: _Rules) -> bool:
    """Whether the REF adverb ending at ``b``, after the word ``before``, opens a reduced relative clause: after a
    noun (no function word, no adverb in -ly, no contraction's end: "They're") and before a participle or an
    adjective of ``postmodifiers`` ("destinations now exempt from", "emails now deemed classified")."""
    word = before.group(1).lower()
    contraction = before.start() > 0 and text[before.start() - 1] in "'’"
    if word in rules.function_words or word.endswith("ly") or contraction:
        return False
    m = _NEXT_WORD.match(text, b)
    return m is not None and m.group(1).lower() in rules.postmodifiers


_APPOSITION_CLOSES = re.compile(r"[ \t]*(?:,|\)|--|[-–—](?:[ \t]|$))")


def _opens_present_apposition(text: str, a: int, b: int, rules: _Rules) -> bool:
    """Whether the word at ``a``-``b`` of ``text`` opens an apposition of a present state: after an opener inside
    the sentence, before one of ``present_apposition_words`` or a number, and closed by a comma, a dash or a
    bracket within ``present_apposition_span`` words ("Lewandowski, now a paid CNN commentator, has denied")."""
    if not text[:a].rstrip(" \t").endswith(rules.apposition_openers):
        return False
    words = list(_APPOSITION_WORD.finditer(text, b))
    if not words or not (
        words[0].group().isdigit() or words[0].group().lower() in rules.present_apposition_words
    ):
        return False
    for w in words[: rules.present_apposition_span]:
        if _APPOSITION_CLOSES.match(text, w.end()):
            return True
        if text[w.end() : w.end() + 1] in _SENTENCE_ENDS:
            return False
    return False


def _opens_apposition(text: str, a: int, b: int, rules: _Rules) -> bool:
    """Whether the word at ``a``-``b`` of ``text`` opens an apposition: right after an opener ("(", ","), or
    at the sentence's start before a name or a naming word ("Formerly known as ...")."""
    before = text[:a].rstrip(_SENTENCE_OPENING)
    if before:
        return before.endswith(rules.apposition_openers)
    m = _NEXT_WORD.match(text, b)
    return m is not None and (m.group(1)[0].isupper() or m.group(1).lower() in rules.naming_words)


def names_a_kind(text: str, t: TimeRef, start: int = 0, lang: str | None = None) -> bool:
    """Whether the expression ``t`` (offsets in the text ``text`` starts at ``start`` of) is a holiday or a
    bare season right before a noun, naming a kind of thing rather than a time: "an office Christmas party",
    "Black Friday deals", "brought early winter temperatures"; not before a noun that makes a time of it
    ("the Christmas season", "Christmas dinner"), nor before a function word ("in winter and spring")."""
    rules = _rules(lang)
    return rules is not None and _names_a_kind(text, t, start, rules, _low(t))


def _names_a_kind(text: str, t: TimeRef, start: int, rules: _Rules, low: str) -> bool:
    if low not in rules.kinds:
        return False
    m = _NEXT_WORD.match(text, t.end - start)
    if m is None or not m.group(1).islower():
        return False
    return m.group(1) not in rules.kind_time_nouns and m.group(1) not in rules.function_words


def is_urgency(t: TimeRef, lang: str | None = None) -> bool:
    """Whether the expression ``t`` says how soon an act is asked for ("test and deploy this update as soon
    as possible", "redouble our efforts ... as soon as possible"): it names no time of the claim's event,
    which is the asking, and no time the act is due by."""
    rules = _rules(lang)
    return rules is not None and _low(t) in rules.urgent


_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’.&-])([A-Z][\w.&'’-]*)[ \t]+$")
_NAME_ENDS = re.compile(r"[ \t]*(?:[^\w\s]|$)|[ \t]+[A-Z]")  # punctuation, the end, or a name goes on
_SENTENCE_ENDS = (".", "!", "?", ":", ";")
_POSSESSIVE = ("'s", "’s", "s'", "s’")  # "King's 1963 March": the year of the owner's event


@functools.cache
def _place_ends() -> frozenset[str]:
    """The last words of the gazetteer's places ("Hampshire" of "New Hampshire"): a year after a place is an
    event's ("John McCain in New Hampshire 2000"), not a title's."""
    return frozenset(name.split()[-1] for name in gazetteer.PLACES)


def ends_a_name(text: str, t: TimeRef, start: int = 0, lang: str | None = None) -> bool:
    """Whether the bare year ``t`` (offsets in the text ``text`` starts at ``start`` of) ends a name: right
    after a capitalised word inside the sentence, and followed by punctuation, the end or another capitalised
    word ("Windows Server 2008, Vista", "Indian Americans for Hillary 2008.", "Tomb Raider 2013,")."""
    rules = _rules(lang)
    return rules is not None and _ends_a_name(text, t, start, rules)


def _ends_a_name(text: str, t: TimeRef, start: int, rules: _Rules) -> bool:
    if not rules.title_year or len(t.text) != 4 or not t.text.isdigit():  # a bare year: "2008"
        return False
    a, b = t.start - start, t.end - start
    m = _NAME_WORD_BEFORE.search(text, max(0, a - 40), a)
    if m is None or _NAME_ENDS.match(text, b) is None or _dates_the_word(m.group(1), rules):
        return False
    # a word ending in a period ends a sentence or an abbreviation: "Proc Natl Acad Sci U S A. 1996;93:3043-7"
    if m.group(1).endswith("."):
        return False
    before = text[: m.start()].rstrip(_SENTENCE_OPENING + "(")
    return bool(before) and not before.endswith(_SENTENCE_ENDS)  # a sentence's first word: "Throughout 2014,"


def _dates_the_word(word: str, rules: _Rules) -> bool:
    """Whether a year right after the capitalised ``word`` dates what the word names: a possessive's event
    ("Martin Luther King's 1963 March on Washington"), an event ("Onassis Festival 2019",
    gazetteer.EVENT_HEADS), a time ("Prime Day 2019": ``[kind_modifier] time_nouns``), a place's contest ("John
    McCain in New Hampshire 2000"); or the word is a function word ("In", "Throughout")."""
    low = word.lower()
    return (
        word.endswith(_POSSESSIVE)
        or low in rules.function_words
        or low in rules.kind_time_nouns
        or word in gazetteer.CAP_STOP
        or word in gazetteer.EVENT_HEADS
        or word in _place_ends()
    )


def _described_period(text: str, t: TimeRef, start: int, rules: _Rules, low: str) -> bool:
    """Whether ``t`` is an indefinite period a relative clause right after it describes ("in a year when voters
    cried out for an outsider", "following a day in which she criticized him"): a time named by what happened in
    it, which is neither the duration the tagger reads ("a year" P1Y) nor a time its words give."""
    return (
        rules.relative_after is not None
        and t.type == "DURATION"
        and any(low == p or low.endswith(" " + p) for p in rules.described_periods)
        and rules.relative_after.match(text, t.end - start) is not None
    )


def _final_part(text: str, t: TimeRef, start: int, rules: _Rules, low: str) -> bool:
    """Whether ``t`` is "last" + a unit after a determiner and before "of" ("the last week of the race", "on the
    last night of the tour"): the final part of what "of" names, not the unit before now the tagger reads."""
    words = low.split()
    own_determiner = len(words) == 3 and words[0] in rules.final_determiners
    if own_determiner:
        words = words[1:]
    if len(words) != 2 or words[0] not in rules.final_words or words[1] not in rules.final_units:
        return False
    a, b = t.start - start, t.end - start
    if not _OF_AFTER.match(text, b):
        return False
    if own_determiner:
        return True
    m = _WORD_BEFORE.search(text, max(0, a - 30), a)
    return m is not None and m.group(1).lower() in rules.final_determiners


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+")
_TITLE_CLOSE = ",.;: \t"  # what may close a quoted title before its mark: "“All Right Now,”"


def _in_quoted_title(text: str, t: TimeRef, start: int, rules: _Rules) -> bool:
    """Whether ``t`` is a word of a title in quotation marks (a show's, a song's, a film's: "“Lopez Tonight.”",
    "“All Right Now,”"): a quotation of a few words, each capitalised or a minor word, the time's first too, with
    words besides the time's (a quoted time alone is still that time: the "Super Tuesday" primary, a post's
    tweet-date="March 9, 2016"), not ending in "!" or "?" (“What a Super Tuesday!” is said)."""
    a, b = t.start - start, t.end - start
    if not t.text[:1].isupper():
        return False
    for opening, closing in rules.title_quotes:
        o = text.rfind(opening, 0, a)
        c = text.find(closing, b)
        if o < 0 or c < 0:
            continue
        inner = text[o + len(opening) : c]
        if opening in inner or closing in inner:  # (a straight mark closing one quotation, opening the next)
            continue
        body = inner.rstrip(_TITLE_CLOSE)
        if body != inner.rstrip(_TITLE_CLOSE + "!?"):
            continue  # an exclamation or a question is said, not a title: “What a Super Tuesday!”
        title = _TITLE_WORD.findall(body)
        own = _TITLE_WORD.findall(t.text)
        lo, hi = rules.title_words
        if (
            lo <= len(title) <= hi
            and len(title)
            > len(own)  # the time is a part of the title, not all of it: the "Super Tuesday" primary
            and all(w[0].isupper() or w[0].isdigit() or w.lower() in rules.title_minor_words for w in title)
        ):
            return True
    return False


def carried(text: str, found: list[TimeRef], start: int = 0, lang: str | None = None) -> list[TimeRef]:
    """The expressions of ``found`` (inside ``text``, which starts at offset ``start``) a claim of ``text``
    carries: all but the references that are part of a noun phrase, the holidays and seasons that name a
    kind of thing, the expressions of urgency, the years that end a name, the periods a relative clause
    describes, the final parts of a thing ("the last week of the race") and the words of a quoted title ("the show
    “Lopez Tonight.”"); "the past week", "over the last year" as the rolling window of one unit (``_as_window``)."""
    rules = _rules(lang)
    if rules is None:
        return list(found)
    kept = (_as_window(text, t, start, rules) for t in found if not _left_out(text, t, start, rules))
    return [t for t in kept if t is not None]


_UNIT_OF_VALUE = (
    (re.compile(r"(?:\d{4}|XXXX)-W(?:\d\d|XX)"), "P1W"),
    (re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)"), "P1M"),
    (re.compile(r"\d{4}|XXXX"), "P1Y"),
)  # the tagger's calendar value of "the past week / month / year" and the window of one such unit


def _as_window(text: str, t: TimeRef, start: int, rules: _Rules) -> TimeRef | None:
    """``t`` as a claim carries it: "the past week", "over the last year" (a determiner, a word of `words`, a
    unit) is the rolling window of one unit that ends at the story's time, the duration P1W / P1M / P1Y, not the
    calendar period before the publication date the tagger reads (TimeML's convention); every other expression
    as it is. A word of `final_after` after it makes "last" final ("the last week before the vote"), the final
    unit of a stretch its words do not date: None, not carried (as ``_final_part``'s "the last week of the race")."""
    if t.type != "DATE" or not rules.rolling_units:
        return t
    words = _low(t).split()
    if (
        len(words) != 3
        or words[0] not in rules.rolling_determiners
        or words[1] not in rules.rolling_words
        or words[2] not in rules.rolling_units
    ):
        return t
    if rules.rolling_final_after is not None and rules.rolling_final_after.match(text, t.end - start):
        return None
    for shape, value in _UNIT_OF_VALUE:
        if shape.fullmatch(t.value):
            return TimeRef(t.start, t.end, t.text, "DURATION", value)
    return t


def _left_out(text: str, t: TimeRef, start: int, rules: _Rules) -> bool:
    low = _low(t)
    return (
        _in_noun_phrase(text, t, start, rules, low)
        or _names_a_kind(text, t, start, rules, low)
        or low in rules.urgent
        or _ends_a_name(text, t, start, rules)
        or _described_period(text, t, start, rules, low)
        or _final_part(text, t, start, rules, low)
        or _in_quoted_title(text, t, start, rules)
    )

"""The temporal rules written as data (factcheck/lang/en/time.toml [[rule]]): every example runs through the
whole tagger, every counterexample must come out as no time expression, and a malformed record is refused
with a message naming the file and the rule."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.lang import ResourceError
from factcheck.temporal import datarules, engine, tag

RULES = datarules.load("en")
EXAMPLES = [(r.name, i, ex) for r in RULES for i, ex in enumerate(r.examples)]
COUNTER = [(r.name, i, ex) for r in RULES for i, ex in enumerate(r.counterexamples)]


def test_every_rule_has_two_examples() -> None:
    """A rule is a general pattern: at least two examples, from different sentences."""
    for r in RULES:
        texts = {ex["text"] for ex in r.examples}
        assert len(texts) >= 2, f"rule {r.name}: needs two examples of different texts"


@pytest.mark.parametrize(("name", "i", "ex"), EXAMPLES, ids=[f"{n}-{i}" for n, i, _ in EXAMPLES])
def test_rule_example(name: str, i: int, ex: dict) -> None:
    refs = tag(ex["text"], datarules.example_anchor(ex))
    got = {r.text: r for r in refs}
    assert ex["span"] in got, f"rule {name}: {ex['span']!r} not found in {[(r.text, r.value) for r in refs]}"
    ref = got[ex["span"]]
    assert ref.value == ex["value"], f"rule {name}: {ex['span']!r} -> {ref.value}, expected {ex['value']}"
    if "type" in ex:
        assert ref.type == ex["type"]
    if "mod" in ex:
        assert ref.mod == (ex["mod"] or None)


@pytest.mark.parametrize(("name", "i", "ex"), COUNTER, ids=[f"{n}-{i}" for n, i, _ in COUNTER])
def test_rule_counterexample(name: str, i: int, ex: dict) -> None:
    refs = tag(ex["text"], datarules.example_anchor(ex))
    assert all(r.text != ex["span"] for r in refs), f"rule {name}: {ex['span']!r} tagged: {refs}"


def test_every_example_is_found_by_its_own_rule() -> None:
    """Each rule's regex, run inside the windows of its own trigger words, finds its examples' spans:
    the trigger words derived from the pattern cover it."""
    for r in RULES:
        for ex in r.examples:
            text = ex["text"]
            spans = engine._trigger_spans(text)
            wins = engine._rule_windows(text, spans, engine._KINDS_OF[r.name])
            found = [text[m.start() : m.end()] for ws, we in wins for m in r.regex.finditer(text, ws, we)]
            assert any(ex["span"] in f or f in ex["span"] for f in found), (r.name, ex["span"], found)


# the words of every example, and numbers the digit scan marks or leaves alone
_WORDS = sorted(
    {w for r in RULES for ex in r.examples for w in ex["text"].replace(",", " ").replace(".", " ").split()}
    | {"5", "23rd", "10:30", "5/16/2024", "2024-05-16", "1990s", "p.m.", "am", "Q3", "H1", "FY25", "FY", "99"}
)


@example(pieces=[("FY", " "), ("16:08", " ")])  # two digits after a fiscal label, then a clock's minutes
@example(pieces=[("'24", " "), ("Martin", " ")])  # a month's abbreviation opening a name is no month
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", ", ", ". ", "\n"])),
        min_size=1,
        max_size=14,
    )
)
def test_trigger_words_cover_every_match(pieces: list[tuple[str, str]]) -> None:
    """Whatever the text, each rule finds inside the windows of its derived trigger words every match its
    pattern has in the whole text (a short one: a window reaches 35 characters before a trigger and 25
    after it): the trigger words and digit-scan marks read off the pattern are sound."""
    text = "".join(w + sep for w, sep in pieces)
    spans = engine._trigger_spans(text)
    for r in RULES:
        full = {m.span() for m in r.regex.finditer(text) if 0 < m.end() - m.start() < 20}
        if not full:
            continue
        wins = engine._rule_windows(text, spans, engine._KINDS_OF[r.name])
        found = {m.span() for ws, we in wins for m in r.regex.finditer(text, ws, we)}
        assert full <= found, (r.name, text, full - found)


def test_triggers_come_from_the_pattern() -> None:
    """The smallest set of words one of which every match holds: "until/till/by" cannot be one ("by" is
    below the word scan), "then" is in every match."""
    rules = {r.name: r for r in RULES}
    assert rules["until_then"].triggers == {"then"}
    assert rules["every_season"].triggers == {"every", "each"}  # "every|each" parses as "e(?:very|ach)"
    assert rules["span_earlier"].triggers == {"earlier"}


@pytest.mark.parametrize(
    ("pattern", "triggers"),
    [
        ("right now", {"right"}),
        ("(?:for|over) the (?P<u>years?|months)", {"year", "years", "months"}),
        ("(?:every|each) {s:season}", {"every", "each"}),
        ("(?:Jun|Jul)\\. 4", {"jun", "jul"}),  # "Ju(?:n|l)": a prefix taken out of the alternation
        ("on the (?P<d>\\d{1,2})(?:st|nd|rd|th)", {datarules.DIGIT}),  # the digit scan marks "3rd"
        ("(?P<h>\\d\\d):(?P<m>\\d\\d)", {datarules.CLOCK}),  # ... and "10:30"
        ("\\bQ(?P<q>[1-4])", {"q1", "q2", "q3", "q4"}),  # ... and reads "Q3" as a token
        (
            "{wd:weekday}s?",
            {
                "monday",
                "mondays",
                "tuesday",
                "tuesdays",
                "wednesday",
                "wednesdays",
                "thursday",
                "thursdays",
                "friday",
                "fridays",
                "saturday",
                "saturdays",
                "sunday",
                "sundays",
            },
        ),
        ("{y:year} budget", {"budget"}),
        ("fiscal {y:year}", {"fiscal"}),
        ("(?:daylong|(?P<u>week)long)", None),  # "week" is no whole word of "weeklong"
        ("(?P<u>day|week)-?long", None),  # nor "long", when the hyphen is left out
        ("the {y:year}s", {datarules.DIGIT}),
    ],
)
def test_trigger_words_of_a_pattern(pattern: str, triggers: set[str] | None) -> None:
    if triggers is None:
        with pytest.raises(ResourceError, match="no word that every match contains"):
            datarules._trigger_words("x", pattern, "time.toml")
    else:
        assert datarules._trigger_words("x", pattern, "time.toml") == triggers


def _load_with(monkeypatch: pytest.MonkeyPatch, rules: list[dict]) -> list[datarules.DataRule]:
    monkeypatch.setattr(datarules, "resource", lambda lang, name: {"rule": rules})
    return datarules.load("en")


@pytest.mark.parametrize(
    ("rec", "message"),
    [
        ({"name": "x", "type": "DATE", "value": "PRESENT_REF"}, "missing pattern"),
        (
            {"name": "x", "pattern": "{units} now", "type": "DATE", "value": "X"},
            "unknown placeholder {units}",
        ),
        ({"name": "x", "pattern": "right now", "type": "DAY", "value": "X"}, "type must be"),
        ({"name": "x", "pattern": "right now", "type": "DATE", "value": "{anchor}"}, "unknown value field"),
        ({"name": "x", "pattern": "(right now", "type": "DATE", "value": "X"}, "rule 'x'"),
        ({"name": "x", "pattern": "the {day}", "type": "DATE", "value": "X"}, "no word that every match"),
        (
            {"name": "x", "pattern": "now", "type": "DATE", "value": "X", "direction": "up"},
            "direction must be",
        ),
    ],
)
def test_malformed_rule_is_refused(monkeypatch: pytest.MonkeyPatch, rec: dict, message: str) -> None:
    with pytest.raises(ResourceError) as e:
        _load_with(monkeypatch, [rec])
    assert "time.toml" in str(e.value) and message in str(e.value)


def test_duplicate_rule_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    rec = {"name": "x", "pattern": "right now", "type": "DATE", "value": "PRESENT_REF"}
    with pytest.raises(ResourceError, match="defined twice"):
        _load_with(monkeypatch, [rec, rec])


def test_shift_template(monkeypatch: pytest.MonkeyPatch) -> None:
    (rule,) = _load_with(
        monkeypatch,
        [
            {
                "name": "x",
                "pattern": "{n:num} {u:unit} hence",
                "type": "DATE",
                "value": "{shift}",
                "direction": "future",
            }
        ],
    )
    m = rule.regex.search("two years hence")
    assert m is not None
    ctx = engine._Ctx("two years hence", dt.date(2020, 5, 1))
    assert rule.handler()(m, ctx) == ("DATE", "2022", None)
    assert rule.handler()(m, engine._Ctx("two years hence", None)) == ("DATE", "XXXX", None)


def test_every_rule_of_the_file_compiles() -> None:
    """The regexes are compiled when first asked for: every rule of time.toml compiles, named in any error."""
    for r in RULES:
        assert isinstance(r.regex, re.Pattern), r.name


def test_a_regex_the_parser_reads_but_cannot_compile_is_refused_with_its_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a variable-width look-behind parses (its trigger words are read) but does not compile
    (rule,) = _load_with(
        monkeypatch, [{"name": "x", "pattern": "(?<=a|bc)right now", "type": "DATE", "value": "X"}]
    )
    with pytest.raises(ResourceError, match=re.escape("time.toml: rule 'x'")):
        _ = rule.regex


def test_rules_are_compiled_only_for_the_trigger_words_a_text_holds() -> None:
    """Importing the tagger compiles no rule's regex; tagging a text compiles the rules of the trigger kinds its
    scan found (not every rule), and the same expressions come out as with every rule compiled."""
    code = (
        "import datetime as dt\n"
        "from factcheck.temporal import engine, tag\n"
        "rules = engine._DATA_RULES\n"
        "print(sum('regex' in r.__dict__ for r in rules), len(rules))\n"
        "refs = tag('He visited Paris yesterday.', dt.date(2024, 5, 16))\n"
        "print(sum('regex' in r.__dict__ for r in rules), [(x.text, x.value) for x in refs])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    lines = out.stdout.splitlines()
    before, total = map(int, lines[0].split())
    after, refs = lines[1].split(" ", 1)
    assert before == 0 and total > 20
    assert 0 < int(after) < total
    assert refs == str([("yesterday", "2024-05-15")])

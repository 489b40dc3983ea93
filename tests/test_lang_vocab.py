"""English vocabularies are data (factcheck/lang/en/*.toml), not word sets written in the code.

``test_vocabulary_read_from_its_file``: each vocabulary moved out of the code is what its file's key says (the
test fails when the key is removed or renamed). ``test_no_word_sets_in_code``: a scan of factcheck/ (outside
tui/) for module-level sets, tuples and lists of words written in the code; what is not vocabulary (format
keys, TIMEX types, field names) is allowed by name below, with the reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck import attribution, entities, extract, gazetteer, ingest, matching, stance
from factcheck.grouping import features
from factcheck.grouping.words import _stem
from factcheck.lang import resource
from factcheck.temporal import datarules, discourse, rules_dates, rules_relative, tense

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"


def _words(name: str, *keys: str) -> Any:
    data: Any = resource("en", name)
    for key in keys:
        data = data[key]  # KeyError: the key left the file
    return data


_TENSE_KEYS = sorted(resource("en", "tense"))

# (module, attribute, resource, keys in the resource, how the code builds the attribute from the list)
MOVED: list[tuple[Any, str, str, tuple[str, ...], Callable[[list[str]], Any]]] = [
    (stance, "_BEING_AUX", "stance", ("words", "being_aux"), frozenset),
    (stance, "_PERFECT", "stance", ("words", "perfect"), frozenset),
    (stance, "_NEG", "stance", ("patterns", "negation"), lambda p: re.compile(p, re.I)),
    (stance, "_NEG_SCAN", "stance", ("patterns", "negation_scan"), lambda p: re.compile(p, re.I)),
    (extract, "_DENY_VERBS", "stance", ("words", "deny_verbs"), frozenset),
    (extract, "_TALLY_VERBS", "stance", ("words", "tally_verbs"), frozenset),
    (extract, "_UNVEIL_VERBS", "stance", ("words", "unveil_verbs"), frozenset),
    (extract, "_SAYS_AFTER", "persons", ("says_after",), lambda ws: tuple(" " + w for w in ws)),
    (extract, "_SAYS_BEFORE", "persons", ("says_before",), lambda ws: tuple(w + " " for w in ws)),
    (extract, "_DETERMINERS", "persons", ("title_determiners",), frozenset),
    (matching, "_STOP", "stopwords", ("memory",), frozenset),
    (attribution, "_ASIDE_PREPOSITIONS", "speech", ("words", "aside_prepositions"), frozenset),
    (attribution, "_TOLD_VERBS", "speech", ("words", "told_verbs"), frozenset),
    (attribution, "_HEAD_ENDS", "speech", ("words", "head_ends"), frozenset),
    (attribution, "_DETS", "speech", ("words", "dets"), frozenset),
    (attribution, "_AFFILIATED", "speech", ("words", "affiliated"), frozenset),
    (attribution, "_ADJECTIVE_ENDS", "speech", ("words", "adjective_ends"), tuple),
    (attribution, "_TIME_PHRASE_WORDS", "speech", ("words", "time_phrase_words"), frozenset),
    (attribution, "_SPOKEN_IN_DETS", "speech", ("words", "spoken_in_dets"), frozenset),
    (
        attribution,
        "_SUBORDINATE",
        "speech",
        ("words", "subordinate_extra"),
        lambda ws: attribution._SUBORDINATORS | frozenset(ws),
    ),
    (
        attribution,
        "_SUBORDINATE_OPENERS",
        "speech",
        ("words", "subordinate_openers_extra"),
        lambda ws: attribution._SUBORDINATE | frozenset(ws),
    ),
    (attribution, "_ROLE_PREPOSITIONS", "speech", ("words", "role_prepositions"), frozenset),
    (attribution, "_JOIN_STOPS", "speech", ("words", "join_stops"), frozenset),
    (attribution, "_PHRASE_PREPOSITIONS", "speech", ("words", "phrase_prepositions"), frozenset),
    (attribution, "_ONE_OF_A_KIND", "speech", ("words", "one_of_a_kind"), frozenset),
    (attribution, "_DESCRIBED_OPENERS", "speech", ("words", "described_openers"), frozenset),
    (entities, "_ABBRS", "entities", ("abbreviations",), list),
    (entities, "_SUFFIX_WORDS", "entities", ("name_suffixes",), frozenset),
    (entities, "_PARTICLES", "entities", ("name_particles",), frozenset),
    (entities, "PLACE_HEADS", "entities", ("place_heads",), frozenset),
    (entities, "_ADJ_END", "entities", ("adjective_endings",), tuple),
    (entities, "_ORG_NOUN_BEFORE", "entities", ("org_nouns_before",), frozenset),
    (ingest, "_NAME_PARTICLES", "entities", ("byline_particles",), frozenset),
    (gazetteer, "ORG_HEADS", "gazetteer", ("org_heads",), frozenset),
    (gazetteer, "ORG_TAIL_HEADS", "gazetteer", ("org_tail_heads",), frozenset),
    (gazetteer, "CLUB_HEADS", "gazetteer", ("club_heads",), frozenset),
    (gazetteer, "EVENT_HEADS", "gazetteer", ("event_heads",), frozenset),
    (gazetteer, "TITLE_WORDS", "gazetteer", ("title_words",), frozenset),
    (gazetteer, "PARTY_MEMBERS", "gazetteer", ("party_members",), frozenset),
    (gazetteer, "CHAMBERS", "gazetteer", ("chambers",), frozenset),
    (gazetteer, "ROLE_WORDS", "gazetteer", ("role_words",), frozenset),
    (gazetteer, "OUTLET_HEADS", "gazetteer", ("outlet_heads",), frozenset),
    (gazetteer, "CAP_STOP", "gazetteer", ("cap_stop",), frozenset),
    (gazetteer, "ROLE_CLASSES", "gazetteer", ("role_classes",), dict),
    (gazetteer, "TITLE_ROLE", "gazetteer", ("title_roles",), dict),
    (gazetteer, "OUTLETS", "gazetteer", ("outlets",), dict),
    (
        gazetteer,
        "ORGS",
        "gazetteer",
        ("orgs",),
        lambda t: t | {n: n for n in _words("gazetteer", "orgs_named")},
    ),
    (
        gazetteer,
        "DEMONYMS",
        "places",
        ("countries",),
        lambda t: {d: c for c, ds in t.items() for d in ds} | _words("places", "other_demonyms"),
    ),
    (features, "EVENT_WORDS", "events", ("shared_event_words",), lambda ws: frozenset(_stem(w) for w in ws)),
    (rules_dates, "_AFTER_MONTH_OK", "time", ("vocab", "after_month_ok"), frozenset),
    (rules_dates, "_MAY_FINITE", "time", ("vocab", "may_finite"), frozenset),
    (rules_relative, "_SET_FOLLOW", "time", ("vocab", "set_follow"), frozenset),
    (rules_relative, "_TENSE_UNITS", "time", ("vocab", "tense_units"), frozenset),
    (discourse, "_NOT_NAME_BEFORE_NOW", "time", ("vocab", "not_name_before_now"), frozenset),
    (datarules, "_STOPWORDS", "time", ("vocab", "trigger_stopwords"), frozenset),
    (datarules, "_SCAN_TOKENS", "time", ("vocab", "scan_tokens"), frozenset),
    (datarules, "_DIGIT_PREFIXES", "time", ("vocab", "digit_prefixes"), frozenset),
    (datarules, "_YEAR_APOSTROPHES", "time", ("vocab", "year_apostrophes"), frozenset),
    (datarules, "_ORDINAL_SUFFIXES", "time", ("vocab", "ordinal_suffixes"), frozenset),
    *[(tense, "_" + key.upper(), "tense", (key,), frozenset) for key in _TENSE_KEYS],
]


@pytest.mark.parametrize(
    ("module", "attr", "name", "keys", "build"), MOVED, ids=[f"{m.__name__}.{a}" for m, a, *_ in MOVED]
)
def test_vocabulary_read_from_its_file(
    module: Any, attr: str, name: str, keys: tuple[str, ...], build: Callable[[list[str]], Any]
) -> None:
    got = getattr(module, attr)
    want = build(_words(name, *keys))
    if isinstance(got, re.Pattern):
        assert (got.pattern, got.flags) == (want.pattern, want.flags)
    else:
        assert got == want
    assert got, f"{attr}: an empty vocabulary"


def test_bio_hints_are_the_words_of_the_bio_pattern() -> None:
    """ingest._BIO_HINTS is the prefilter of ingest._BIO (an author's bio line): exactly the job words of its
    alternations, so a word added to one and not the other fails here."""
    groups = re.findall(r"\(\?(?:i)?:((?:[a-z]+\|)+[a-z]+)\)", ingest._BIO.pattern)
    assert len(groups) == 2  # "I am a ... writer", "Jane Doe is a staff writer"
    assert {w for g in groups for w in g.split("|")} == set(ingest._BIO_HINTS)


def test_tense_reads_all_its_lists() -> None:
    """Every list of tense.toml is one of tense.py's vocabularies (none left unread, none misnamed)."""
    assert len(_TENSE_KEYS) == 59
    for key in _TENSE_KEYS:
        assert isinstance(getattr(tense, "_" + key.upper()), frozenset), key


# ---- the scan -------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")

# Module-level word collections that are not vocabulary: names of keys, fields, formats, commands or types the
# program itself defines (renaming one is a code change, not a change of language).
NOT_VOCABULARY: dict[str, set[str]] = {
    "cache.py": {"STATE_LAZY"},  # the cache's lazy state pieces ("e", "f")
    "cli.py": {
        "CACHED_COMMANDS",
        "CACHE_KINDS",
        "URL_ARGUMENTS",
    },  # subcommand names; the cache's kinds of entry and their labels; argument names
    "urls.py": {"_DEFAULT_PORTS"},  # URL schemes
    "webpage.py": {"_ORGANISATION_TYPES"},  # schema.org type names
    "furniture.py": {"KINDS", "DEFAULT_MAX_WORDS"},  # furniture kinds (the program's own labels)
    "grouping/events.py": {"_SNOWBALL"},  # language codes -> stemmer names
    "grouping/times.py": {"_SEASON"},  # TIMEX season codes
    "grouping/words.py": {"_STOP_KINDS"},  # key names of stopwords.toml
    "lang/__init__.py": {"ISO639_3_TO_1"},  # language codes
    "ingest.py": {
        "SIDECAR_KEYS",
        "_YAML_KEYS",
        "_YAML_RENAMED",
        "_ALL_LANGS",
        "_NO_TEXT",
    },  # record keys, language codes, Unicode
    "memory.py": {"_VERDICT_COLUMNS", "_MATCHED_COLUMNS"},  # column names of an archive file
    "metadata.py": {"_HOSTING"},  # host names
    "report.py": {"FORMATS"},  # output formats
    "review.py": {"_ARTICLE_FIELDS"},  # field names of an article record
    "session/fileformat.py": {
        "_HISTORY_KEYS",
        "_CURSOR_KEYS",
        "_GROUPS_KEYS",
        "_MANUAL_KEYS",
        "_KINDS",
        "_TOP_KEYS",
    },  # the session file's keys
    "session/records.py": {"ARTICLE_FIELDS"},  # field names of an article record
    # the words a TIMEX3 value is shown in (the program's own labels, the TUI's and the report's: they read no
    # text; moved out of tui/, which this test skips, so the report can use them)
    "timewords.py": {"_MONTH_NAMES", "_DAY_NAMES", "_PARTS", "_PARTS_TINY", "_SEASONS"},
    "temporal/datarules.py": {
        "_TYPES",
        "_DIRECTIONS",
        "_TENSES",
        "_FOLDS",
    },  # TIMEX3 types, a rule record's field values, letters' case folds
    "temporal/resolve.py": {"_SEASON_RANGES"},  # TIMEX season codes
    "temporal/rules_relative.py": {
        "_YEARS_IN",
        "_UNKNOWN_OF_UNIT",
    },  # TIMEX unit codes (and the unknown value of each)
    "temporal/rules_times.py": {"_WD"},  # weekday codes of the holiday table's own format
    "temporal/vocab.py": {"_SEASON_ORDER"},  # TIMEX season codes
    "times_intl.py": {
        "_GLUE",
        "_ROMAN",
        "_DUR_UNITS",
        "_TIME_UNITS",
    },  # token kinds, Roman numerals, TIMEX units, TIMEX season codes
}

# Word lists kept beside the regular expression whose literal words they are (a prefilter: "can this regex
# match at the end of the text?"); moving the words without the pattern would split one rule in two places.
REGEX_TWINS: dict[str, set[str]] = {
    "ingest.py": {"_BIO_HINTS"},  # the words of _BIO
    "temporal/datarules.py": {"_UNIT_WORDS"},  # the words of vocab._UNIT_RE
    "temporal/prefix.py": {"_DURQ_WORDS", "_DUR_WORDS"},  # the ends of _PREFIX_DURQ_RE, _PREFIX_DUR_RE
    "temporal/tense.py": {"_DEADLINE_IS_ENDS", "_AHEAD_OF_ENDS"},  # the ends of _DEADLINE_IS, _AHEAD_OF
    "temporal/vocab.py": {"_DEADLINE_WORDS", "_DAY_RELATION_WORDS"},  # the ends of _DEADLINE_BEFORE, ...
}

# English vocabularies still in code, in files other parts were editing when the rest moved (session 20):
# each is to move to its subject's lang/en file. The list may only shrink.
NOT_YET_MOVED: dict[str, set[str]] = {
    # empty since session 22: the last three tables keyed by English words (pronoun kinds, the week of a
    # month's middle day, "every other"/"every third") are in lang/en/speech.toml and time.toml
}


def _written_words(node: ast.expr) -> list[str] | None:
    """The strings of a collection written in the code: a set, tuple or list of string literals (also inside
    frozenset(...), tuple(...)), or ``"...".split()``; None for anything else."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("frozenset", "set", "tuple", "list")
        and len(node.args) == 1
    ):
        return _written_words(node.args[0])
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and not node.args
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    if (
        isinstance(node, (ast.Set, ast.Tuple, ast.List))
        and node.elts
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
    ):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    if isinstance(node, ast.BinOp):
        left, right = _written_words(node.left), _written_words(node.right)
        return (left or []) + (right or []) or None
    return None


def word_sets(source: str) -> list[str]:
    """The module-level names bound to two or more words written in ``source`` (dunder names aside)."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if not isinstance(target, ast.Name) or target.id.startswith("__"):
            continue
        words = _written_words(value)
        if words is None and isinstance(value, ast.Dict):
            # a table keyed by words ("first": 4, "second": 11): its keys are the words
            keys = [k.value for k in value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            words = keys if len(keys) == len(value.keys) else None
        if words and len(words) >= 2 and all(_WORD.fullmatch(w) for w in words):
            found.append(target.id)
    return found


def test_the_scan_finds_word_sets() -> None:
    source = (
        '_A = frozenset({"denied", "denies"})\n_B = frozenset("is was".split())\n_C = ("said ", "says ")\n'
        '_D = frozenset(_W["x"])\n_E = frozenset({"P1Y"})\n__all__ = ["a", "b"]\n_F = {"a": 1}\n'
    )
    # "said " (with its space) is no bare word; a rule id such as "P1Y" is none either
    assert word_sets(source) == ["_A", "_B"]
    assert word_sets('_S = ("said", "told")\n') == ["_S"]
    # a table keyed by words is vocabulary too; one keyed by phrases with spaces or by a spread is not scanned
    assert word_sets('_T = {"first": 4, "second": 11}\n_U = {"New York": 1, "Paris": 2}\n_V = {**_T}\n') == [
        "_T"
    ]


def test_no_word_sets_in_code() -> None:
    allowed = {
        (path, name)
        for table in (NOT_VOCABULARY, REGEX_TWINS, NOT_YET_MOVED)
        for path, ns in table.items()
        for name in ns
    }
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("tui/"):
            continue
        found |= {(rel, name) for name in word_sets(path.read_text(encoding="utf-8"))}
    assert sorted(found - allowed) == [], (
        "English words written in code: move them to factcheck/lang/en/*.toml"
    )
    assert sorted(allowed - found) == [], "allowed but gone: take them off the lists above"

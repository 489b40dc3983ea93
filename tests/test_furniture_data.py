"""Every furniture marker in factcheck/lang/<code>/furniture.toml matches its examples and leaves its `not` lines."""

from __future__ import annotations

import pytest

from factcheck import furniture
from factcheck import lang as langres
from factcheck.ingest import _word_count

LANGS = langres.available("furniture")
CASES = [(m, i) for code in LANGS for i, m in enumerate(furniture.markers(code))]


def test_at_least_five_languages_have_furniture_markers() -> None:
    assert {"en", "de", "fr", "es", "pt"} <= set(LANGS)
    for code in ("en", "de", "fr", "es", "pt"):
        kinds = {m.kind for m in furniture.markers(code)}
        assert {"line", "notice", "tail", "comment", "caption", "crawl", "published", "byline"} <= kinds, code


@pytest.mark.parametrize(("marker", "index"), CASES, ids=[f"{m.lang}-{i}-{m.kind}" for m, i in CASES])
def test_marker_examples(marker: furniture.Marker, index: int) -> None:
    rx = furniture.compile_marker(marker)
    assert marker.examples, "every marker carries examples"
    match = rx.search if marker.kind in ("notice", "credit", "label") else rx.match
    if marker.kind in ("notice", "credit", "label"):
        assert marker.hints, f"a {marker.kind} marker names its hints"
    for ex in marker.examples:
        assert match(ex), f"{marker.lang}/{marker.kind}: {ex!r} should match"
        if marker.hints:
            m = rx.search(ex)
            assert m and any(h in m.group(0).lower() for h in marker.hints), f"no hint in the match of {ex!r}"
        if marker.kind in ("line", "link", "notice", "tail", "comment", "caption"):
            assert _word_count(ex) <= marker.max_words, ex
    for ex in marker.not_:
        hit = match(ex) and (
            marker.kind not in furniture.DEFAULT_MAX_WORDS or _word_count(ex) <= marker.max_words
        )
        assert not hit, f"{marker.lang}/{marker.kind}: {ex!r} should not match"


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "pt"])
def test_vocabulary_names_the_reason(code: str) -> None:
    vocab = furniture.vocabulary(code)
    for m in furniture.markers(code):
        if m.kind in ("line", "link", "notice", "tail", "comment"):
            for ex in m.examples:
                got = getattr(vocab, m.kind)(ex, _word_count(ex))
                assert got is not None, ex


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "pt"])
def test_bio_examples_after_a_byline_are_author_bios(code: str) -> None:
    """Each language's ``[byline] bio_examples`` ("<name> <bio verb> ..."), below the article of a byline
    naming that author, is an author bio."""
    from factcheck.ingest import classify_lines

    by = langres.resource(code, "furniture")["byline"]
    assert by["bio_verbs"] and by["bio_examples"]
    prefix = "By" if code == "en" else by["prefixes"][0].capitalize()
    lede = (
        "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
        "the mayor said."
    )
    for bio in by["bio_examples"]:
        name = " ".join(bio.split()[:2])
        text = "\n".join(["Bridge closed", f"{prefix} {name}", lede, lede.replace("Tuesday", "Monday"), bio])
        segs, _info = classify_lines(text, code)
        got = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
        assert got[bio] == ("furniture", "author bio"), (code, bio)


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "pt"])
def test_stamp_clock_words(code: str) -> None:
    """``[stamp]``: a line of nothing but a clock time and the language's word after it is a bare stamp (the
    words are data, ``clock_after``); a line with any other word is not."""
    stamp = langres.resource(code, "furniture")["stamp"]
    assert stamp["clock_after"] and stamp["examples"] and stamp["not"]
    vocab = furniture.vocabulary(code)
    for ex in stamp["examples"]:
        assert vocab.bare_clock(ex), ex
    for ex in stamp["not"]:
        assert not vocab.bare_clock(ex), ex


def test_list_bullet_before_a_marker() -> None:
    """A list item's bullet before a line's label (an extractor's "- Veröffentlicht am ...", a page's "• Share")
    leaves the label read."""
    vocab = furniture.vocabulary("de")
    assert vocab.labelled("published", "- Veröffentlicht am 13. Mai 2026 um 15:44") == "13. Mai 2026 um 15:44"
    assert vocab.labelled("byline", "- Von: Anna Schmidt") == "Anna Schmidt"
    assert vocab.line("- 3 Minuten Lesezeit", 3) is not None
    assert vocab.line("• Teilen", 1) is not None
    assert vocab.labelled("published", "-Veröffentlicht am 13. Mai 2026") is None  # (a dash glued: no bullet)
    assert vocab.labelled("byline", "- Vonovia baut 300 Wohnungen") is None


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "pt"])
def test_agency_credits(code: str) -> None:
    """``[credit] agencies``: a line closed by a photographer's name and an agency joined by a slash ends in a
    photo's credit; an agency's sign-off (two agencies, or in parentheses) does not."""
    credit = langres.resource(code, "furniture")["credit"]
    assert credit["agencies"] and credit["examples"] and credit["not"]
    vocab = furniture.vocabulary(code)
    for ex in credit["examples"]:
        assert vocab.agency_credit(ex), ex
    for ex in credit["not"]:
        assert not vocab.agency_credit(ex), ex

"""Furniture of copied pages after teasers: code shown as text, account and consent dialogs, newsletter
forms, profile boxes, self-introductions, bios under a name; and the leakage measure's mojibake repair."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bench_modules import bench_module  # tests/bench_modules.py
from hypothesis import given
from hypothesis import strategies as st
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck import ingest
from factcheck import lang as langres
from factcheck.ingest import _source_shown

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, the mayor said.",
    "Engineers found cracks in two of the bridge's steel girders during an inspection in March, the council said.",
    "Lorries will be sent along the ring road while the girders are replaced, which may take until the end of 2026.",
    "Local traders said the closure would cost them customers, and asked the council to speed up the repairs.",
]


@pytest.mark.parametrize(
    "line",
    [
        '<form class="third-party-services__configuration-form" data-drupal-selector="tps"><div class="form-item">',
        'var configuration = {"textAbove": "Prevent your screen from going dark", "timeoutDurationMs": 3600000};',
        "(function() { document.addEventListener('DOMContentLoaded', function() { var m = 1; }); })();",
        ".site-header { color: #333; } .site-footer { margin: 0 auto; }",
        '&amp;lt;span data-mce-type="bookmark" style="display: inline-block;"&amp;gt;&amp;lt;/span&amp;gt;',
        '[button link="http://example.com/submit-review/" type="big" newwindow="yes"] Send us your review[/button]',
        "https://example.com/wp-content/uploads/2022/12/plant-scaled.jpg 1707 2560 Jane Doe "
        "https://example.com/wp-content/uploads/2021/01/logo.png Jane Doe",
    ],
)
def test_code_and_link_dumps_are_source_shown(line: str) -> None:
    assert _source_shown(line)


@pytest.mark.parametrize(
    "line",
    [
        "The <p> tag opens a paragraph, and var x = 3 sets a variable in JavaScript, the tutorial says.",
        "Use the </a> tag to close a link.",
        "He said [sic] the law [was] wrong, according to https://example.com/statement.",
        "Read the report at https://example.org/report.pdf and the annex at https://example.org/annex.pdf, "
        "which the ministry published on Monday after months of delay and a court order.",
        'The minister said the score was 3 = 3 and called it "a draw".',
    ],
)
def test_prose_is_no_source(line: str) -> None:
    assert not _source_shown(line)


@given(st.text(alphabet=st.characters(blacklist_characters='<>{}[]=;"$&:/'), max_size=300))
def test_text_without_code_characters_is_never_source(text: str) -> None:
    assert not _source_shown(text)


_CODE_CHARS_TEXT = st.text(alphabet=st.sampled_from(list('<>{}=:/"&amp;lt;gx .')), max_size=40)


@given(_CODE_CHARS_TEXT)
def test_the_code_gate_is_the_pattern_it_replaces(text: str) -> None:
    # the substrings a piece of code or a link needs, tested before the patterns: the same lines as the
    # pattern tried at every character before them
    old = re.compile(r"[<{=]|://|\":|&(?:amp;)?lt;")
    assert ingest._has_any(text, ingest._CODE_HINTS) == (old.search(text) is not None)


@given(st.text(alphabet=st.sampled_from(list(".!?:;,)…\"”“»«'’ab1_ ")), min_size=1, max_size=12))
def test_the_end_patterns_of_lists_are_found_in_the_closing_run(text: str) -> None:
    # a headline's or a teaser's end is searched in the line's closing run of non-word characters only
    t = text.strip() or "a"
    closing = ingest._closing(t)
    for rx in (ingest._HEADLINE_END, ingest._CLAUSE_MARK_END):
        assert (rx.search(t) is None) == (rx.search(closing) is None)


def test_markup_in_the_article_is_listed_as_source() -> None:
    markup = '<div class="cb_result" style="margin: 0px; padding: 10px;"><div style="padding: 0">'
    got = kinds_of("\n".join(["Harbour bridge to close", *ARTICLE[:2], markup, *ARTICLE[2:]]))
    assert got[markup] == ("furniture", "script or markup source")
    assert all(got[p] == ("body", "") for p in ARTICLE)


@pytest.mark.parametrize(
    ("lang", "line", "reason"),
    [
        (
            "de",
            "Die Adresse wird nicht veröffentlicht und wird nur verwendet, wenn Sie ein neues Passwort anfordern.",
            "account form",
        ),
        ("en", "Password reset instructions will be sent to your registered email address.", "account form"),
        (
            "de",
            "Dieser Cookie wird benötigt, um die von Ihnen getroffene Auswahl der erlaubten Cookies zu speichern.",
            "cookie or privacy notice",
        ),
        ("en", "Check your inbox and confirm your subscription.", "newsletter form"),
    ],
)
def test_dialog_lines_in_a_page_are_furniture(lang: str, line: str, reason: str) -> None:
    got = kinds_of("\n".join(["Harbour bridge to close", *ARTICLE, line]), lang)
    assert got[line] == ("furniture", reason)


def test_a_profile_box_after_the_article_is_furniture() -> None:
    about = "Harbour News is an independent local paper, published by its readers' cooperative since 1990."
    text = "\n".join(["Harbour bridge to close", *ARTICLE, "Share", "About us", about, "Privacy Policy"])
    got = kinds_of(text)
    assert got["About us"] == got[about] == ("furniture", "site or author profile")


def test_a_heading_like_about_us_with_the_article_going_on_is_body() -> None:
    """Running text goes on under the paragraph: the heading is the article's own."""
    para = "The cooperative that owns the paper was founded by the town's fishermen in 1990, its chair said."
    more = [p.replace("council", "committee") for p in ARTICLE[:2]]
    text = "\n".join(["Harbour bridge to close", *ARTICLE, "About us", para, *more])
    assert kinds_of(text)[para] == ("body", "")


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "pt"])
def test_self_introductions_after_the_article_are_author_bios(code: str) -> None:
    by = langres.resource(code, "furniture")["byline"]
    assert by["self_intro"] and by["self_intro_examples"]
    for intro in by["self_intro_examples"]:
        text = "\n".join(["Harbour bridge to close", *ARTICLE, "Share", "Tom", intro, "Previous post"])
        assert kinds_of(text, code)[intro] == ("furniture", "author bio"), (code, intro)


def test_an_essay_that_opens_with_my_name_is_stays_body() -> None:
    opener = "My name is Anna, and I have lived beside the harbour bridge for thirty years with my family."
    got = kinds_of("\n".join(["Why the bridge matters", "By Anna Berg", opener, *ARTICLE]))
    assert got[opener] == ("body", "")


def test_a_bio_under_a_name_may_open_with_the_first_name() -> None:
    bio = "Emiliano joined the magazine in March 2017. He has been reporting on energy since 2009."
    text = "\n".join(["Harbour bridge to close", *ARTICLE, "Share", "Emiliano Bellini", bio, "More articles"])
    assert kinds_of(text)[bio] == ("furniture", "author bio")


BENCH = bench_module("ingest")


def test_the_measure_repairs_mojibake_on_both_sides() -> None:
    assert (
        BENCH.norm("Others didnâ\x80\x99t sleep")
        == BENCH.norm("Others didn’t sleep")
        == "others didn t sleep"
    )
    assert BENCH.norm("act â€œtotally like a humanâ€\x9d") == BENCH.norm("act “totally like a human”")
    assert BENCH.norm("não é à toa") == "não é à toa"  # (Latin-1 letters of the text's own stay)


# text without Latin-1's and Windows-1252's upper half: it cannot hold a mojibake of its own
_PLAIN = st.characters(
    blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in range(0x80, 0x100)]
)


@given(st.text(alphabet=_PLAIN, max_size=200))
def test_utf8_read_as_latin1_normalises_like_the_text(text: str) -> None:
    assert BENCH.norm(text.encode("utf-8").decode("latin-1")) == BENCH.norm(text)

"""The speed shortcuts of the extraction path give what the plain expressions they replace give.

Each shortcut (an early stop, a prefilter derived from the data) is checked against the plain expression,
written here, on generated text that favours the edge cases (ASCII and not, apostrophes, digits, case).
"""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck import ingest

# words and separators that make the patterns' edge cases likely
_PIECES = st.sampled_from(
    [
        "the", "The", "a", "of", "Bridge", "closed", "ÉTÉ", "été", "ß", "x1", "42", "U.S.", "don't", "it’s",
        "n't", "'s", "-", "–", "|", "…", "...", ".", "!", "?", "“", "”", '"', "'", "_", "__", " ", "  ", "\t",
        "İstanbul", "ﬁle", "e\u0301", "Ⓐ", "a\u0345", "café", "NEWS", "a-b", "x.y",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, min_size=0, max_size=30).map("".join)


def _line(text: str) -> ingest._Line:
    t = text.strip()
    return ingest._Line(0, len(t), t)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_reads_as_prose_stops_counting_early_with_the_same_answer(text: str) -> None:
    line = _line(text)
    lower = len(ingest._LOWER_WORD.findall(line.text))
    plain = (
        line.words >= 5
        and ingest._FULL_STOP_END.search(line.text) is not None
        and lower >= 2
        and line.text.lstrip("'\"‘“`")[:1].isupper()
    ) or (line.words >= 15 and lower >= 0.5 * line.words)
    assert ingest._reads_as_prose(line) == plain


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, min_size=0, max_size=6), st.lists(_TEXT, min_size=0, max_size=4), st.data())
def test_repeated_title_lines_found_as_by_normalising_every_line(
    texts: list[str], key_texts: list[str], data: st.DataObject
) -> None:
    lines = [_line(t) for t in texts]
    keys = frozenset(ingest._norm_words(k) for k in key_texts)
    if lines and data.draw(st.booleans()):  # a line that is a key
        keys |= {ingest._norm_words(data.draw(st.sampled_from(lines)).text)}
    plain = any(ingest._norm_words(ln.text) in keys for ln in lines)
    assert ingest._repeats_a_key(lines, keys) == plain


def test_word_count_is_the_word_pattern() -> None:
    # (the title shortcut relies on _Line.words counting _WORD matches on an ASCII line; a non-ASCII
    # line is counted in any script and never takes the shortcut)
    for t in ["Bridge closed | Harbour Times", "U.S. don't cafe-x 42", "a_b x"]:
        assert ingest._word_count(t) == len(re.findall(ingest._WORD, t))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60) | _TEXT)
def test_word_count_by_translation_is_the_word_pattern(text: str) -> None:
    # an ASCII line's words counted from a byte translation that deletes "_'.-" give the _WORD matches (a line
    # with other characters is counted in any script, ``_unicode_word_count``)
    assume(text.isascii())
    assert ingest._word_count(text) == len(ingest._WORD.findall(text))


def test_a_non_ascii_line_is_always_normalised() -> None:
    # casefold can join two words into one run ("xa\u0345y" -> "xaιy"): no word-count shortcut there
    line = _line("xa\u0345y")
    keys = frozenset({ingest._norm_words(line.text)})
    assert keys == {"xaιy"}
    assert ingest._repeats_a_key([line], keys)


_URL_TEXT = st.lists(
    st.sampled_from(
        ["http", "HTTPS", "www", "WwW", " ", ":", "/", ".", "site", "com", "?id=26", "-", "ſ", "K", "x"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_URL_TEXT, _TEXT))
def test_url_lines_found_as_by_the_patterns_alone(text: str) -> None:
    t = text.strip()
    plain = (
        None
        if len(t) > 600
        or (not ingest._URL_LINE.match(t) and (not ingest._URL_START.match(t) or ingest._PROSE_RUN.search(t)))
        else re.sub(r"\s+", "", t)
    )
    assert ingest._url_line(t) == plain


# lines as _lines makes them (stripped), with the characters the prefilters look for made likely
_LINE_TEXT = st.lists(
    st.sampled_from(
        [
            "Author", "Source", ":", " ", "(", ")", "AP", "(AP)", "BERLIN", "LONDON", ",", "Photo", "via", "Getty",
            "Reuters", "2020", "19", "03", "March", "Jan.", "—", "-", "\u00a0", "\t", "x", "١", "٢٠٢٠",
        ]
    ),
    min_size=1,
    max_size=14,
).map(lambda parts: "".join(parts).strip())  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_LINE_TEXT)
def test_line_prefilters_skip_only_lines_the_pattern_cannot_match(t: str) -> None:
    if not t:
        return
    # a caption's credit in parentheses ends the line: a stripped line that matches ends with ")"
    assert (t[-1] == ")" and ingest._CAPTION.search(t) is not None) == (ingest._CAPTION.search(t) is not None)
    # the dateline's agency stands in parentheses; the labels end with a colon
    assert ("(" in t and ingest._DATELINE.match(t) is not None) == (ingest._DATELINE.match(t) is not None)
    assert (":" in t and ingest._AUTHOR_LABEL.match(t) is not None) == (
        ingest._AUTHOR_LABEL.match(t) is not None
    )
    assert (":" in t and ingest._SOURCE_LABEL.match(t) is not None) == (
        ingest._SOURCE_LABEL.match(t) is not None
    )
    # a line with no digit is no date line
    line = _line(t)
    for lang in (None, "en", "de"):
        assert (line.has_digit and ingest._is_date_only(t, lang)) == ingest._is_date_only(t, lang)


def test_line_features_are_the_rule_functions() -> None:
    for t in [
        "Bridge closed | Harbour Times",
        "http://example.com/story",
        "He said it was over.",
        "5 min read",
    ]:
        line = _line(t)
        assert line.sentence == ingest._is_sentence(line)
        assert line.url == ingest._url_line(t)
        assert line.words == ingest._word_count(t)
        assert line.substantial == ingest._substantial(line)
        assert line.full_stop_end == (ingest._FULL_STOP_END.search(t) is not None)
        assert line.has_digit == (ingest._DIGIT_ANY.search(t) is not None)


# the characters of a line's end, and ones that are word characters to ``\w`` although no ASCII letter
_END_PIECES = st.sampled_from(
    [
        "said", "x", "_", "9", "٣", "½", "ß", "é", "\u0345", "\u0301", ".", "...", "…", "!", "?", ":", ";", ",",
        ")", "]", '"', "“", "”", "’", "'", "»", "«", " ", "\t", "\u00a0", "\u2003", "-", "—", "©", "\n", ". ",
    ]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(_PIECES, _END_PIECES), min_size=0, max_size=20).map("".join))
def test_end_patterns_read_on_the_closing_run_as_on_the_whole_line(text: str) -> None:
    t = text.strip()
    line = _line(t)
    # the closing run: the longest suffix of non-word characters
    assert re.fullmatch(r"\W*", line.closing) and t.endswith(line.closing)
    assert not line.closing or len(line.closing) == len(t) or re.match(r"\w", t[-len(line.closing) - 1])
    plain_sentence_end = re.compile(r"[.!?…\"”’)]\W*$|[.!?]\s")  # the pattern the two halves split
    assert ingest._ends_a_sentence(line) == (plain_sentence_end.search(t) is not None)
    assert line.sentence == (line.words >= 8 and plain_sentence_end.search(t) is not None)
    assert line.full_stop_end == (ingest._FULL_STOP_END.search(t) is not None)
    plain_substantial = (
        line.words >= ingest.SUBSTANTIAL_WORDS
        and ingest._reads_as_prose(line)
        and not ingest._ELLIPSIS_END.search(t)
        and (line.words >= ingest.LONG_PARAGRAPH_WORDS or ingest._PARAGRAPH_END.search(t) is not None)
    )
    assert line.substantial == plain_substantial
    assert ingest._label(line) == (line.words < 8 and plain_sentence_end.search(t) is None)


def test_a_long_paragraph_is_substantial_read_on_its_closing_run() -> None:
    # (the property above must see lines that are substantial, not only short ones)
    t = " ".join(["the minister said"] * 6) + " it was over"
    assert not _line(t + "…").substantial  # a teaser cut with an ellipsis
    assert _line(t + ".”").substantial and _line(t + ".”").closing == ".”"


_KINDS = st.sampled_from(
    [
        ("body", ""), ("title", "headline"), ("furniture", "date stamp"), ("meta", "date line"),
        ("furniture", "short fragment"), ("furniture", ingest.READ_MORE), ("meta", "byline"),
    ]
)  # fmt: skip
_PAGE_LINE = st.sampled_from(
    [
        "Racist, ruthless, cruel: Germany's colonial history", "Read more", "12.11.2018", "Photo: AP",
        "The minister said on Tuesday that the bridge would stay closed for repairs until the spring of next year.",
        "Another headline for another story", "A short one.", "Comments",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PAGE_LINE, _KINDS), min_size=0, max_size=24), st.integers(0, 5))
def test_page_rules_change_nothing_where_their_precondition_fails(
    rows: list[tuple[str, tuple[str, str]]], first_body: int
) -> None:
    lines = [_line(t) for t, _k in rows]
    kinds = [k for _t, k in rows]
    substantial = [ln.substantial for ln in lines]
    chrome: list[str | None] = [k[1] if k[1] == ingest.READ_MORE else None for k in kinds]
    repeats = len(lines) - len({ln.text for ln in lines})

    def after(rule, *args) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
        got = list(kinds)
        rule(lines, got, *args)
        return got

    if repeats < 2:
        assert after(ingest._galleries, first_body) == kinds
    if repeats == 0:
        assert after(ingest._repeated_lines) == kinds
    if ingest.READ_MORE not in chrome:
        assert after(ingest._read_more_teasers, chrome) == kinds
    if ("furniture", "date stamp") not in kinds:
        assert after(ingest._another_post, first_body) == kinds
    gap = min(ingest.ARTICLE_GAP_LINES, ingest.SHORT_GAP_LINES)
    if sum(1 for k in kinds if k[0] not in ("body", "title")) < gap:
        got = list(kinds)
        ingest._blocks_after_the_article(
            got, substantial, [ln.words >= ingest.SUBSTANTIAL_WORDS for ln in lines]
        )
        assert got == kinds


def test_a_page_of_repeated_titles_still_fires_the_gallery_rule() -> None:
    # (the test above only says the rules are idle without their preconditions: here one is met and acts)
    title = "Racist, ruthless, cruel: Germany's colonial history"
    rows = [
        title,
        "Slide one",
        "A caption of the first slide",
        title,
        "Slide two",
        "A caption",
        title,
        "Slide three",
    ]
    lines = [_line(t) for t in rows]
    kinds = [("body", "")] * len(lines)
    ingest._galleries(lines, kinds, 0)
    assert ("furniture", "gallery or story list") in kinds


def _notice_examples() -> list[str]:
    from factcheck import furniture

    return sorted(
        {
            ex
            for code in ("en", "de", "fr")
            for m in furniture.markers(code)
            if m.kind == "notice"
            for ex in m.examples
        }
    )


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_line_is_searched_only_for_the_notices_whose_hints_it_holds(data: st.DataObject) -> None:
    from factcheck import furniture

    examples = _notice_examples()
    parts = data.draw(st.lists(st.one_of(st.sampled_from(examples), _TEXT), min_size=1, max_size=4))
    text = " ".join(parts).strip()
    for lang in ("en", "de", None):
        vocab = furniture.vocabulary(lang)
        hints = vocab.hints_in(text)
        words = ingest._word_count(text)
        # the plain expression: any of the page's hints in the line, then every notice marker searched
        plain = (
            None
            if hints is not None
            and words <= vocab.max_words["notice"]
            and not any(h in text.lower() for h in hints)
            else vocab._reason("notice", text, words, search=True)
        )
        assert vocab.notice(text, words, hints) == plain


def _credit_examples() -> list[str]:
    from factcheck import furniture

    return sorted(
        {
            ex
            for code in ("en", "de", "fr", "es", "pt")
            for m in furniture.markers(code)
            if m.kind == "credit"
            for ex in m.examples
        }
    )


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_line_end_is_searched_for_a_credit_only_when_it_holds_a_label_word(data: st.DataObject) -> None:
    from factcheck import furniture

    parts = data.draw(st.lists(st.one_of(st.sampled_from(_credit_examples()), _TEXT), min_size=1, max_size=4))
    text = " ".join(parts).strip()
    text = data.draw(st.sampled_from([text, text.upper(), text.lower()]))
    for lang in ("en", "de", "es", None):
        vocab = furniture.vocabulary(lang)
        rx = vocab._rx["credit"]
        assert rx is not None
        # the plain expression: the credit pattern searched in the line's last CREDIT_CHARS characters
        plain = rx.search(text, max(0, len(text) - furniture.CREDIT_CHARS)) is not None
        assert vocab.credit(text) == plain


def test_a_line_end_with_no_label_word_is_not_searched_for_a_credit() -> None:
    from factcheck import furniture

    vocab = furniture.Vocabulary(("en",))
    rx = vocab._rx["credit"]
    assert rx is not None
    searched: list[str] = []

    class Spy:
        def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
            searched.append(text)
            return rx.search(text, pos)

    vocab._rx["credit"] = Spy()  # type: ignore[assignment]
    assert not vocab.credit("The mayor told reporters: the bridge will reopen on Monday.")
    assert not vocab.credit("A photo of the bridge hung in the hall: it was taken in 1931 by a visitor.")
    assert searched == ["A photo of the bridge hung in the hall: it was taken in 1931 by a visitor."]
    assert vocab.credit("Volunteers fill sandbags in the square (PHOTO: J. Smith, 12.02.2021).")

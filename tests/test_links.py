"""Web and e-mail addresses in running text hold no time and no figure (factcheck/links.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factcheck import times_intl
from factcheck.links import blank_links
from factcheck.temporal import tag

DAY = dt.date(2024, 3, 1)


def test_a_path_or_an_address_spelling_a_time_is_no_time() -> None:
    assert [t.text for t in tag("See https://example.com/today/now-live for details.", DAY)] == []
    assert [t.text for t in tag("Write to today@example.org tomorrow.", DAY)] == ["tomorrow"]
    assert [t.text for t in tag("More at www.example.com/2019/05/news and on March 3.", DAY)] == ["March 3"]


def test_the_time_beside_a_link_keeps_its_place() -> None:
    text = "Open https://www.nytimes.com/2024/01/05/us/story.html today."
    (found,) = tag(text, DAY)
    assert (found.text, found.value) == ("today", "2024-03-01")
    assert text[found.start : found.end] == "today"


def test_a_host_in_another_language_is_no_time_either() -> None:
    found = times_intl.tag_language("Mehr Infos unter https://frag.jetzt heute.", DAY, "de")
    assert [(t.text, t.value) for t in found] == [("heute", "2024-03-01")]


@given(st.text(alphabet="ab /@.:htpsw-com", max_size=60))
def test_blanking_keeps_every_offset(text: str) -> None:
    out = blank_links(text)
    assert len(out) == len(text)
    assert all(o == c or o == " " for o, c in zip(out, text, strict=True))


def test_text_without_a_link_is_returned_as_it_is() -> None:
    text = "The council met on Tuesday."
    assert blank_links(text) is text

"""YAML front matter (Jekyll, Hugo) of .md articles: read as metadata, never shown as text or claims."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ingest import load

BODY = "The city council approved a new bridge over the river on Monday, at a cost of 40 million euros.\n"


def _one(tmp_path: Path, text: str):
    (tmp_path / "post.md").write_text(text, encoding="utf-8")
    batch = load([tmp_path])
    assert not batch.errors
    (art,) = batch.articles
    return art


def test_yaml_front_matter_is_metadata_and_no_text(tmp_path):
    head = '---\ntitle: "Council approves new bridge"\ndate: 2024-03-19\nauthor: Jane Doe\ntags: [city, road]\n---\n\n'
    art = _one(tmp_path, head + BODY)
    assert art.title == "Council approves new bridge"
    assert art.authors == ["Jane Doe"]
    assert art.published == dt.date(2024, 3, 19)
    meta = [s for s in art.segments if s.kind == "meta" and s.reason == "front matter"]
    assert [(s.start, s.end) for s in meta] == [(0, len(head) - 1)]
    body = [art.text[s.start : s.end] for s in art.segments if s.kind == "body"]
    assert body and all("title:" not in b and "Jane Doe" not in b for b in body)


def test_a_rule_and_a_note_are_no_front_matter(tmp_path):
    text = "---\nNote: this text opens with a rule.\n---\n\n" + BODY
    art = _one(tmp_path, text)
    assert not [s for s in art.segments if s.reason == "front matter"]
    assert art.title != "this text opens with a rule."


def test_invalid_yaml_is_text_not_an_error(tmp_path):
    art = _one(tmp_path, "---\ntitle: [unclosed\n---\n\n" + BODY)
    assert not [s for s in art.segments if s.reason == "front matter"]


def test_alias_bomb_is_not_expanded(tmp_path):
    rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefg", "bcdefgh", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    art = _one(tmp_path, "---\n" + "\n".join(rows) + "\ntitle: *h\n---\n\n" + BODY)
    assert art.title is None or len(art.title) < 200  # the 9**8-item title was never built


@settings(max_examples=40, deadline=None)
@given(
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
        lambda t: t.strip() == t and t.strip()
    )
)
def test_any_title_round_trips(tmp_path_factory, title):
    folder = tmp_path_factory.mktemp("yfm")
    head = "---\n" + yaml.safe_dump({"title": title}, allow_unicode=True) + "---\n\n"
    art = _one(folder, head + BODY)
    assert art.title == title

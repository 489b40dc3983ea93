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


def test_a_date_that_is_no_day_is_said_not_a_refused_file(tmp_path):
    """``date: 2024-13-45`` looks like a YAML timestamp but is no day: PyYAML raised ValueError and the whole
    article was refused as "month must be in 1..12". The article is read, its date unknown, with a notice."""
    art = _one(tmp_path, '---\ntitle: "Budget"\ndate: 2024-13-45\n---\n\n' + BODY)
    assert art.title == "Budget" and art.published is None
    assert 'date: the front matter\'s date is unreadable: "2024-13-45"' in art.notices
    assert not [n for n in art.notices if "month must be" in n]
    art = _one(tmp_path, '---\ntitle: "Budget"\ndate: 2024-02-30\n---\n\n' + BODY)
    assert art.published is None and any("unreadable" in n for n in art.notices)
    art = _one(tmp_path, '---\ntitle: "Budget"\ndate: 2024-05-03 10:00:00 +02:00\n---\n\n' + BODY)
    assert art.published == dt.date(2024, 5, 3) and not art.notices


def test_an_unreadable_sidecar_or_toml_front_matter_date_is_said(tmp_path):
    """A typo in a sidecar's or TOML front matter's ``published`` was dropped without a word (a record's
    unreadable date was said already)."""
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.toml").write_text('published = "31 February 2024"\n', encoding="utf-8")
    (tmp_path / "b.md").write_text('+++\npublished = "2024-13-45"\n+++\n' + BODY, encoding="utf-8")
    batch = load([tmp_path])
    assert not batch.errors
    notices = {a.key: a.notices for a in batch.articles}
    assert notices["a.txt"] == ['date: the sidecar\'s date is unreadable: "31 February 2024"']
    assert notices["b.md"] == ['date: the front matter\'s date is unreadable: "2024-13-45"']
    assert all(a.published is None for a in batch.articles)


def test_authors_of_a_front_matter_or_sidecar_are_split_in_any_language(tmp_path):
    """A front matter's or a sidecar's authors are split as a record's are, on the conjunctions of the
    desk's languages too: "María Pérez y José Ruiz" (front matter) and "Hans Müller und Jürgen Groß" (a
    sidecar) were one author each, while "Jane Doe and John Roe" was split; a placeholder ("Redaktion") is
    dropped."""
    es = tmp_path / "es"
    es.mkdir()
    head = '---\ntitle: "Huelga en Renfe"\ndate: 2024-03-19\nauthor: "María Pérez y José Ruiz"\n---\n\n'
    (es / "post.md").write_text(
        head + "El sindicato convocó el jueves una huelga de 35 horas en Renfe, según dijo su portavoz.\n",
        encoding="utf-8",
    )
    (es / "b.txt").write_text(
        "Die GDL hat am Donnerstag einen Streik im Personenverkehr angekündigt, sagte ein Sprecher.\n",
        encoding="utf-8",
    )
    (es / "b.toml").write_text('authors = "Hans Müller und Jürgen Groß"\n', encoding="utf-8")
    (es / "c.txt").write_text(BODY, encoding="utf-8")
    (es / "c.toml").write_text('authors = ["Redaktion", "Jean Dupont"]\n', encoding="utf-8")
    by_key = {a.key: a.authors for a in load([es]).articles}
    assert by_key == {
        "post.md": ["María Pérez", "José Ruiz"],
        "b.txt": ["Hans Müller", "Jürgen Groß"],
        "c.txt": ["Jean Dupont"],  # (a list's item is one name)
    }

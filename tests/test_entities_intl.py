"""Names in German, French and Spanish text: the examples of ``lang/<code>/names.toml`` (entities.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import entities, extract, ingest
from factcheck.lang import resource
from factcheck.model import DEFAULT_MIN_SCORE


def _entities(text: str, lang: str) -> list[list[str]]:
    ms = entities.mentions(text, lang=lang)
    return [[e.text, e.kind] for e in entities.Resolver(ms).entities(ms)]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [(lang, text, want) for lang in ("de", "fr", "es") for text, want in resource(lang, "names")["examples"]],
)
def test_names_examples(lang: str, text: str, want: list[list[str]]) -> None:
    assert _entities(text, lang) == want


def test_common_nouns_are_no_entities_but_count_for_the_score() -> None:
    # the claim names Robert Habeck and the Bundesregierung; "Entscheidung" and "Industriestrompreis" are
    # common nouns, no entities, yet things the sentence names for its check-worthiness (as before)
    text = (
        "Bundeswirtschaftsminister Robert Habeck dringt auf eine schnelle Entscheidung innerhalb der "
        "Bundesregierung über einen subventionierten Industriestrompreis."
    )
    art = ingest.article_from_text(text, path="habeck.txt", key="habeck")
    art.language, art.published = "de", dt.date(2023, 5, 10)
    claims = extract.extract(art)
    assert [c.text for c in claims] == [text]
    assert claims[0].score >= DEFAULT_MIN_SCORE  # shown by default, as before (0.43 counting no common noun)
    assert [(e.text, e.kind) for e in claims[0].entities] == [
        ("Robert Habeck", "person"),
        ("Bundesregierung", "org"),
    ]

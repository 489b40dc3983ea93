"""Names in German, French and Spanish text: the examples of ``lang/<code>/names.toml`` (entities.py)."""

from __future__ import annotations

import pytest

from factcheck import entities
from factcheck.lang import resource


def _entities(text: str, lang: str) -> list[list[str]]:
    ms = entities.mentions(text, lang=lang)
    return [[e.text, e.kind] for e in entities.Resolver(ms).entities(ms)]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [(lang, text, want) for lang in ("de", "fr", "es") for text, want in resource(lang, "names")["examples"]],
)
def test_names_examples(lang: str, text: str, want: list[list[str]]) -> None:
    assert _entities(text, lang) == want

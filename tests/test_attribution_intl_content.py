"""What a sentence attributes to its speaker (``Found.content``) in other languages: after "..., sagte X" it is
the part before the comma, however long the words after the speaker."""

from __future__ import annotations

import pytest

from factcheck.attribution_intl import attribute


@pytest.mark.parametrize(
    ("text", "lang", "content"),
    [
        ("Die Lage sei ernst, sagte Scholz dem Spiegel am Montag in Berlin.", "de", "Die Lage sei ernst,"),
        ("Die Lage sei ernst, sagte Scholz der Deutschen Presse-Agentur.", "de", "Die Lage sei ernst,"),
        ("„Die Lage ist ernst“, sagte Olaf Scholz am Montag in Berlin.", "de", "„Die Lage ist ernst“,"),
        (
            "La situación es grave, afirmó el ministro a la prensa en la capital del país.",
            "es",
            "La situación es grave,",
        ),
        ("Scholz sagte am Montag, die Lage sei ernst.", "de", "am Montag, die Lage sei ernst."),
    ],
)
def test_content_before_the_comma(text: str, lang: str, content: str) -> None:
    found = attribute(text, lang)
    assert found is not None and found.content is not None
    assert text[found.content[0] : found.content[1]].strip() == content


def test_a_subject_before_the_verb_keeps_what_follows() -> None:
    text = "En esa ocasión, Chávez señaló que el convenio servirá para buscar más mercado a la producción."
    found = attribute(text, "es")
    assert found is not None and found.content is not None
    assert text[found.content[0] : found.content[1]].strip().startswith("que el convenio")

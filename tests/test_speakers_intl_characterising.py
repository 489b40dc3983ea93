"""Round 37 (spkintl37): German »...« quotations, the gender of a person named by a role noun, and characterising
verbs only with a quotation after them (the rules' own examples run from lang/<lang>/speech.toml)."""

from __future__ import annotations

import pytest

from factcheck import attribution_intl, extract


def _quoted(text: str, reversed_guillemets: bool) -> list[str]:
    toks = attribution_intl._tokens(text)
    flags = attribution_intl._quoted_words(toks, text, reversed_guillemets)
    return [t.text for t, q in zip(toks, flags, strict=True) if q and t.text.isalpha()]


def test_german_guillemets_quote_between_them() -> None:
    text = "Barr bezeichnete den Bericht als »unerschrocken«."
    assert _quoted(text, True) == ["unerschrocken"]
    # (read as before without the flag: » closes a quotation opened earlier, every word before it quoted)
    assert "Barr" in _quoted(text, False)


def test_swiss_guillemets_unchanged() -> None:
    text = "Trump bezeichnete das Projekt als «schön», sagte er."
    assert _quoted(text, True) == _quoted(text, False) == ["schön"]


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Vizekanzler", "he"),
        ("Vizekanzlerin", "she"),
        ("früherer Vizekanzler", "he"),
        ("Rechtsanwältin", "she"),
        ("Frank Nopper", None),
        ("Fachwelt", None),
    ],
)
def test_role_gender(name: str, gender: str | None) -> None:
    cues = extract._intl_gender_cues("de")
    assert cues is not None
    assert extract._role_gender(name, cues) == gender


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Scholz bezeichnete den Angriff als „feige“.", "Scholz"),
        ("Scholz bezeichnete den Angriff als feige.", None),  # no quotation: no speech
        ("Scholz bezeichnete den Angriff, der gestern war, als „feige“.", None),  # a clause between
        ("Die Gruppe nennt sich „Muslim Interaktiv“.", None),  # a reflexive: a name
    ],
)
def test_characterising_needs_a_quotation(text: str, speaker: str | None) -> None:
    got = attribution_intl.attribute(text, "de")
    assert (got.speaker if got else None) == speaker

"""Language detection names a language by its ISO 639-1 code (the JSON contract's ``language``), whatever the
detector's model calls it: py3langid 0.4 also answers ISO 639-3 codes ("gcf", "pcm", "yue", "zxx")."""

from __future__ import annotations

import pytest

from factcheck import lang

PINYIN = (
    "Ai shi qu de ai tao bu hui lai\nWo hai you hua xiang dui ni shuo\nShe bu de shuo lai bu ji shuo\n"
    "Li bie de hua zui nan shuo chu kou\nNi hui zhao dao xin de sheng huo\n"
)


def test_pinyin_lyrics_are_no_creole() -> None:
    """A page of pinyin lyrics was "gcf" (Guadeloupean Creole) in `extract --json`, a code no reader knows and
    no ISO 639-1 code; a language the model names by a code ISO 639-1 lacks is unknown (None)."""
    code = lang.detect(PINYIN)
    assert code is None or len(code) == 2, code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("我哋今日去飲茶，你嚟唔嚟呀？佢話今晚唔得閒，聽日先至約過啦。", "zh"),  # Cantonese (yue)
        ("ازيك يا عم عامل ايه النهارده، انا كويس الحمد لله وانت عامل ايه", "ar"),  # Egyptian Arabic (arz)
    ],
)
def test_a_variety_is_named_by_its_macrolanguage(text: str, code: str) -> None:
    """Cantonese, Wu, Egyptian and Moroccan Arabic are ISO 639-3 varieties of zh and ar: their articles carry
    the ISO 639-1 code (and the script's unsupported-language notice names it)."""
    assert lang.detect(text) == code


def test_no_linguistic_content_is_unknown() -> None:
    """py3langid's "zxx" (no linguistic content) is no language."""
    assert lang.detect("12345 67890 ---- !!!! .... 2024 ###") in (None,)


@pytest.mark.parametrize("code", sorted(lang.ISO639_3_TO_1))
def test_every_mapped_code_is_a_two_letter_code(code: str) -> None:
    mapped = lang.ISO639_3_TO_1[code]
    assert mapped is None or (len(mapped) == 2 and mapped.isascii() and mapped.islower())

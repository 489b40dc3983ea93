"""factcheck.lang.detect: the function-word shortcut before py3langid, and its examples."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.lang import available, by_function_words, detect, resource


def _cases(key: str) -> list[tuple[str, str]]:
    return [(code, text) for code in available("detect") for text in resource(code, "detect").get(key, [])]


@pytest.mark.parametrize(("code", "text"), _cases("examples"))
def test_examples_are_named_by_their_function_words(code: str, text: str) -> None:
    assert by_function_words(text) == code
    assert detect(text) == code


@pytest.mark.parametrize(("code", "text"), _cases("not"))
def test_counterexamples_are_left_to_the_detector(code: str, text: str) -> None:
    assert by_function_words(text) != code


def test_the_shortcut_agrees_with_py3langid_on_the_examples() -> None:
    import py3langid

    for code, text in _cases("examples"):
        assert py3langid.classify(text)[0] == code


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_code_or_none(text: str) -> None:
    got = detect(text)
    assert got is None or isinstance(got, str)


def test_the_other_languages_are_still_detected() -> None:
    german = resource("en", "detect")["not"][0]
    assert detect(german) == "de"

"""Every language resource parses, and every example written beside a rule runs as a test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import attribution, attribution_intl, sentences, stance
from factcheck.lang import available, languages, resource
from factcheck.model import Stance


def _examples(name: str) -> list[tuple[str, dict]]:
    return [(lang, ex) for lang in available(name) for ex in resource(lang, name).get("examples", [])]


def test_every_resource_parses() -> None:
    from factcheck.lang import ROOT

    for lang in languages():
        for path in (ROOT / lang).glob("*.toml"):
            assert isinstance(resource(lang, path.stem), dict), path


def test_english_has_speech_and_stance() -> None:
    assert "say" in resource("en", "speech")["verbs"]
    assert "planned" in resource("en", "stance")["patterns"]


@pytest.mark.parametrize(("lang", "ex"), _examples("speech"), ids=lambda v: v if isinstance(v, str) else "")
def test_speech_examples(lang: str, ex: dict) -> None:
    att = attribution.attribute(ex["text"], lang=lang)
    speaker = att.speaker if att else None
    assert (speaker or "") == ex["speaker"], ex["text"]
    if "pronoun" in ex:  # the speaker is left to context: "he" = the last person named
        assert att is not None and att.pronoun == ex["pronoun"], ex["text"]
    if ex["speaker"]:
        assert att is not None
        assert att.kind == ex["kind"], ex["text"]
        assert att.chain == ex.get("chain", []), ex["text"]
    if "attributed" in ex:  # whether the sentence reports a source at all ("selon que" does not)
        assert attribution_intl.attributed(ex["text"], lang) == ex["attributed"], ex["text"]


@pytest.mark.parametrize(("lang", "ex"), _examples("stance"), ids=lambda v: v if isinstance(v, str) else "")
def test_stance_examples(lang: str, ex: dict) -> None:
    got = stance.classify(ex["text"], reported=ex.get("reported", False), lang=lang)
    assert got == (Stance(ex["stance"]), ex.get("polarity", 1)), ex["text"]


@pytest.mark.parametrize(
    ("lang", "ex"), _examples("sentences"), ids=lambda v: v if isinstance(v, str) else ""
)
def test_sentences_examples(lang: str, ex: dict) -> None:
    text = ex["text"]
    assert [text[s:e] for s, e in sentences.spans(text, lang=lang)] == ex["sentences"]


_TEXT = st.lists(
    st.sampled_from(
        [
            *"abcdeilnorstuzäéñ ABDEKLMPSU,.;:«»\"'-0123",
            " sagte ",
            " laut ",
            " dijo ",
            " según ",
            " der ",
            " el ",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_attribution_and_stance_never_raise_in_any_language(text: str) -> None:
    for lang in ("de", "es", "fr", "pt"):
        att = attribution.attribute(text, lang=lang)
        if att is not None:
            for s, e in att.spans:
                assert 0 <= s <= e <= len(text)
            assert att.speaker is None or att.speaker.strip()
        stance.classify(text, lang=lang)
        for s, e in sentences.spans(text, lang=lang):
            assert 0 <= s < e <= len(text)


@pytest.mark.parametrize(
    "ex", resource("en", "stance").get("present_examples", []), ids=lambda v: v["text"][:40]
)
def test_present_act_examples(ex: dict) -> None:
    assert stance.present_act(ex["text"]) is ex["act"], ex["text"]

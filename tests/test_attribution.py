from __future__ import annotations

import pytest

from factcheck.attribution import attribute, classify_source


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "chain"),
    [
        ("Putin said he was glad to accept the invitation.", "Putin", "person", []),
        (
            "Kremlin spokesperson Dmitry Peskov said the visit was being prepared.",
            "Dmitry Peskov",
            "person",
            [],
        ),
        (
            '"Several visits are being prepared," Kremlin spokesperson Dmitry Peskov said.',
            "Dmitry Peskov",
            "person",
            [],
        ),
        ('"We will win," said Ukrainian President Volodymyr Zelensky.', "Volodymyr Zelensky", "person", []),
        (
            "Xi told Putin that Beijing and Moscow should cooperate, according to Chinese state media.",
            "Xi",
            "person",
            ["Chinese state media"],
        ),
        (
            "The leaders will sign several agreements, according to Chinese state media.",
            "Chinese state media",
            "media",
            ["Chinese state media"],
        ),
        (
            "Putin is expected to visit China in May, Reuters reported on March 19, citing five sources familiar with the matter.",
            "five sources familiar with the matter",
            "anonymous",
            ["Reuters", "five sources familiar with the matter"],
        ),
        (
            "Putin embarked on a state visit to China on Thursday, as reported by CNN.",
            "CNN",
            "outlet",
            ["CNN"],
        ),
        (
            "Putin said that he has plans to visit China this May, Kyodo reported citing Russian news agency TASS.",
            "Putin",
            "person",
            ["Kyodo", "TASS"],
        ),
        (
            "“I have a visit scheduled in May,” Putin was quoted as saying, Kyodo reported.",
            "Putin",
            "person",
            ["Kyodo"],
        ),
        (
            "Reuters' sources said Putin will likely arrive in May.",
            "Reuters' sources",
            "anonymous",
            ["Reuters"],
        ),
        (
            "Two of the sources said that the trip will precede the visit.",
            "Two of the sources",
            "anonymous",
            [],
        ),
        (
            "The Kremlin did not confirm nor deny the planned visit in a comment for Reuters.",
            "Kremlin",
            "organisation",
            ["Reuters"],
        ),
        (
            "In an interview with Chinese state media Xinhua prior to his trip, Putin lauded the partnership.",
            "Putin",
            "person",
            ["Xinhua"],
        ),
        (
            "Xi said peace talks would not be smooth, according to state broadcaster CCTV.",
            "Xi",
            "person",
            ["CCTV"],
        ),
        (
            "The New York Times reported that the deal was signed.",
            "New York Times",
            "outlet",
            ["New York Times"],
        ),
        (
            "A senior US official, speaking on condition of anonymity, said the talks failed.",
            "senior US official",
            "anonymous",
            [],
        ),
        ("Police said the suspect was arrested on Monday.", "Police", "organisation", []),
        (
            "According to a statement from the Kremlin, the talks will take place in June.",
            "Kremlin",
            "organisation",
            [],
        ),
        ("The state news agency KCNA said the missile flew 600 km.", "KCNA", "media", ["KCNA"]),
    ],
)
def test_attribution_patterns(text: str, speaker: str, kind: str, chain: list[str]) -> None:
    att = attribute(text)
    assert att is not None
    assert (att.speaker, att.kind, att.chain) == (speaker, kind, chain)


@pytest.mark.parametrize(
    "text",
    [
        "The storm killed 12 people in the region.",
        "China and Russia held joint naval maneuvers in the Pacific last August.",
        "The announcement by Putin came shortly after Blinken landed in Beijing.",
    ],
)
def test_no_attribution(text: str) -> None:
    assert attribute(text) is None


def test_pronoun_speaker_left_for_context() -> None:
    att = attribute("He said the visit would demonstrate the closeness of relations.")
    assert att is not None and att.speaker is None and att.pronoun == "he"


def test_content_span_excludes_the_framing_clause() -> None:
    text = "Kremlin spokesman Dmitry Peskov said Putin will receive Wang Yi."
    att = attribute(text)
    assert att is not None and att.content is not None
    assert text[att.content[0] : att.content[1]].strip() == "Putin will receive Wang Yi."


@pytest.mark.parametrize(
    ("np", "name", "kind"),
    [
        ("Russian President Vladimir Putin", "Vladimir Putin", "person"),
        ("Chinese state media", "Chinese state media", "media"),
        ("Russian state television", "Russian state television", "media"),
        ("Russian news agency TASS", "TASS", "media"),
        ("the Kremlin", "Kremlin", "organisation"),
        ("five sources familiar with the matter", "five sources familiar with the matter", "anonymous"),
        ("Reuters", "Reuters", "outlet"),
        ("the Foreign Ministry", "Foreign Ministry", "organisation"),
    ],
)
def test_classify_source(np: str, name: str, kind: str) -> None:
    src = classify_source(np)
    assert src is not None and (src.name, src.kind) == (name, kind)

"""A document named after "according to" right after a verb of saying records the speaker's words (the speaker
speaks); anywhere else it stays the source (round 30, part spk19; the rule's examples are in
lang/en/speech.toml)."""

from __future__ import annotations

from factcheck import attribution


def _speaker(text: str) -> str | None:
    att = attribution.attribute(text, "en")
    return att.speaker if att else None


def test_the_document_is_the_source_only_where_no_verb_of_saying_comes_right_before_it() -> None:
    # the verb's clause right before the cue: the one who said it (PolNeAR train)
    assert (
        _speaker("Win Htein said Tuesday morning that according to its analysis, the NLD has won 82 percent.")
        == "Win Htein"
    )
    # a document named after the verb's clause went on: what the writer read in it (PolNeAR train)
    assert (
        _speaker(
            'Trump wrote to the investment company\'s chief executive, threatening "a major lawsuit," according '
            "to a copy of the letter reviewed by The Post."
        )
        == "copy of the letter"
    )
    # no verb of saying, or the cue before it (written probes)
    assert _speaker("The plant will close in June, according to a transcript of the hearing.") == "transcript"
    assert (
        _speaker("According to the transcript, the mayor said the plant will close in June.") == "transcript"
    )

"""A second quotation right after "X said." goes on with X's words when it opens with the wire copy's two
backquotes, as it does with a double quotation mark ("``We are doing dozens of interviews a day,'' said Paul
Moskal ... ``I know of no information ...''": Moskal)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, str | None]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(1998, 11, 21)
    return {c.text.lstrip("` ")[:20]: c.speaker for c in extract.extract(art, min_score=0.0)}


def test_a_backquoted_quotation_after_its_speakers_sentence_is_theirs() -> None:
    # (TempEval-3 TBAQ: NYT19981121.0173, the FBI's spokesman; NYT19981026.0446, a campaign spokesman)
    said = _said(
        "FBI officials on Saturday played down the likelihood that either man was involved in the killing.\n\n"
        "``We are doing dozens if not hundreds of interviews a day,'' said Paul Moskal, a spokesman for the FBI "
        "office in Buffalo. ``I know of no information that would treat these two differently from the "
        "hundreds of leads we're investigating on a daily basis.''\n\n"
        "The two men were questioned on Friday."
    )
    assert said["I know of no informat"[:20]] == "Paul Moskal"
    said = _said(
        "Steven Goldstein, the campaign spokesman for Spitzer, was less reticent. ``Eliot is going to make a huge "
        "priority of this,'' Goldstein said. ``Stopping clinic violence is going to be a major theme of our "
        "campaign from now to Election Day.''\n\n"
        "In Sunday's debate, Spitzer attacked his rival."
    )
    assert said["Stopping clinic viol"] == "Steven Goldstein"
    assert said["In Sunday's debate, "] is None

"""The article's kind from what the page says about itself (factcheck/article_kind.py): the examples of
lang/en/article_kind.toml, and the score of a writer's sentence in a piece of opinion beside the same in a report."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck import article_kind, extract, ingest
from factcheck.lang import resource
from factcheck.model import Article, Stance

_TABLE: Any = resource("en", "article_kind")["view_piece"]


def _article(text: str, url: str | None = None, title: str | None = None) -> Article:
    art = ingest.article_from_text(text, path="a.txt", key="a")
    art.url, art.title = url, title
    return art


@pytest.mark.parametrize(("url", "says"), _TABLE["url"])
def test_the_address_files_the_piece(url: str, says: bool) -> None:
    assert article_kind.url_says_view(url, "en") is says


@pytest.mark.parametrize(("line", "says"), _TABLE["label_examples"])
def test_a_label_over_the_headline(line: str, says: bool) -> None:
    assert article_kind.label_says_view(_article("A plain first paragraph of a story.", title=line)) is says
    assert article_kind.label_says_view(_article(line + "\nA plain first paragraph of a story.")) is says


@pytest.mark.parametrize(("line", "says"), _TABLE["signed_examples"])
def test_the_writers_byline_or_disclaimer(line: str, says: bool) -> None:
    assert article_kind.signed_view(_article("A plain first paragraph of a story.\n" + line)) is says


def test_a_bad_address_is_no_view() -> None:
    assert not article_kind.url_says_view("http://[::1", "en")
    assert not article_kind.url_says_view(None, "en")


def test_the_writers_stated_sentence_scores_lower_in_a_view_piece_only() -> None:
    text = "The administration's plan would leave the poorest families worse off than before."
    plain = extract._cw_terms(text, 0, 1, False, False)
    view = extract._cw_terms(text, 0, 1, False, False, view_piece=True)
    assert plain is not None and view is not None
    assert "view_piece" in view.stance_terms(Stance.STATED)
    assert view.score(Stance.STATED) < plain.score(Stance.STATED)
    # an event, a figure, a time or a speaker keeps the score it has in a report
    assert view.score(Stance.OCCURRED) == plain.score(Stance.OCCURRED)
    for sentence, n_times, attributed in (
        ("The plan would cut 4,000 jobs at the plant.", 0, False),
        ("The plan would leave the poorest families worse off next year.", 1, False),
        ("The minister said the plan would leave the poorest families worse off.", 0, True),
    ):
        terms = extract._cw_terms(sentence, n_times, 1, attributed, False, view_piece=True)
        assert terms is not None and "view_piece" not in terms.stance_terms(Stance.STATED)


def test_in_a_view_piece_the_writers_forecast_and_present_act_score_lower_but_a_past_event_keeps_its_score() -> (
    None
):
    text = "The administration's plan leaves the poorest families of the country worse off."
    plain = extract._cw_terms(text, 0, 1, False, False)
    view = extract._cw_terms(text, 0, 1, False, False, view_piece=True)
    assert plain is not None and view is not None
    assert "view_piece" in view.stance_terms(Stance.EXPECTED)
    assert view.score(Stance.EXPECTED) < plain.score(Stance.EXPECTED)
    for event in (Stance.OCCURRED, Stance.ANNOUNCED, Stance.PLANNED, Stance.DENIED):
        assert "view_piece" not in view.stance_terms(event)
        assert view.score(event) == plain.score(event)
    # a present act of a specific subject, scored as an event in a report, is the writer's argument here
    act = "The Kobo app offers a cheaper way into audiobooks for new listeners."
    plain, view = (
        extract._cw_terms(act, 0, 1, False, False),
        extract._cw_terms(act, 0, 1, False, False, view_piece=True),
    )
    assert plain is not None and view is not None
    assert "event" in plain.stance_terms(Stance.STATED)  # (read as a present act: scored as an event)
    assert "view_piece" in view.stance_terms(Stance.STATED)
    assert view.score(Stance.STATED) < plain.score(Stance.STATED)


def test_an_opinion_page_hides_the_writers_argument_and_keeps_its_events() -> None:
    text = (
        "The plan is the wrong answer to a real problem for the families of Ohio.\n"
        "The ministry closed 40 clinics in Ohio in March 2020, the agency said.\n"
    )
    report = _article(text, url="https://www.example.com/news/2020/plan-story")
    column = _article(text, url="https://www.example.com/opinion/2020/plan-story")

    def scores(art: Article) -> dict[str, float]:
        return {c.text.split()[1]: c.score for c in extract.extract(art, min_score=0.0)}

    a, b = scores(report), scores(column)
    assert b["plan"] < a["plan"]
    assert b["ministry"] == a["ministry"]

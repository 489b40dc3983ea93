"""The claim list's time cell (14 cells at most): a known time whose words do not fit showed them cut where
the year stands ("week 40 of 20…", "second half 2…"); it shows its TIMEX3 value then, as the groups screen
does, and the "+n" of the claim's other times is kept whole."""

from __future__ import annotations

import pytest

from factcheck.model import Claim, TimeRef
from factcheck.session.records import Decision
from factcheck.tui.fmt import claim_time
from factcheck.tui.widgets.claim_list import ClaimList


def head_line(values: list[str], width: int = 48) -> str:
    claim = Claim(
        id="c1",
        article_id="a1",
        article_key="a.txt",
        start=0,
        end=10,
        text="Die Klimaaktivisten wollten damit vor zwei Wochen die Verbindung sichtbar machen.",
        when=[TimeRef(text="x", value=v, type="DATE", start=0, end=1) for v in values],
        speaker="Extinction Rebellion",
    )
    return ClaimList.prompt_for(claim, Decision(claim_id="c1"), width).plain.split("\n")[0]


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        (["2019-W40"], "· 2019-W40 ·"),  # it read "week 40 of 20…"
        (["2019-W40-WE"], "· 2019-W40-WE ·"),  # "weekend of we…"
        (["2019-H2"], "· 2019-H2 ·"),  # "second half 2…"
        (["2019-W40", "2019-10-15"], "· 2019-W40 +1 ·"),  # "week 40 of 20…"
        (["2019-10-15", "2019-W40"], "· 2019-10-15 +1 ·"),  # (a date fits: unchanged)
        (["2019-SP"], "· spring 2019 ·"),  # (words that fit stay words)
        (["XXXX-05"], "· May? ·"),  # (an open time keeps its tiny form)
    ],
)
def test_a_claim_s_time_is_never_cut_where_its_year_stands(values: list[str], shown: str) -> None:
    line = head_line(values)
    assert shown in line, line
    assert "…" not in line.split("·")[2], line


def test_an_open_time_keeps_its_words_rather_than_its_code() -> None:
    """ "Thursday morning?" (17 cells) is cut, never shown as XXXX-WXX-4TMO."""
    assert claim_time("XXXX-WXX-4TMO", 14) == "Thursday morn…"
    assert claim_time("2023-05-03TMO", 14) == "2023-05-03TMO"
    assert claim_time("2023-05-03TMO", 16) == "2023-05-03 morn."
    assert claim_time("2019-W40", 15) == "week 40 of 2019"


@pytest.mark.parametrize(
    ("value", "width", "shown"),
    [
        ("2023-05-03", 9, "2023-05…"),  # it read "2023-05-0…": one of May's first ten days, which is wrong
        ("2023-05-03", 6, "2023…"),  # it read "2023-…"
        ("2023-05-03TMO", 12, "2023-05-03…"),
        ("2023-05", 6, "2023…"),
        ("2023-05-03", 10, "2023-05-03"),  # (what fits is unchanged)
        ("XXXX-05-03", 5, "3 Ma…"),  # (an open time keeps its words)
    ],
)
def test_a_date_too_long_for_the_column_is_cut_between_its_parts(value: str, width: int, shown: str) -> None:
    """At 80x24 the claim list cut a day in the middle ("2023-05-0…"; "2024-…" beside 'hypothetical'); it is
    cut between year, month and day, "…" saying more is known, in the claim list and the groups' When column."""
    from factcheck.tui.fmt import fitted_time

    assert claim_time(value, width) == shown
    assert fitted_time(value, width) == shown

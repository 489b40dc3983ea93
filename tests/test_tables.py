"""factcheck.tables: an extractor's Markdown table rows read as rows of cells."""

from __future__ import annotations

from factcheck.tables import rows_as_text


def test_markdown_rows_read_as_their_cells_and_other_lines_are_left_alone() -> None:
    text = (
        "Die Ergebnisse\n"
        "| Hersteller/Modell | Preis | Note | \n"
        "|---|:---:|---:|\n"
        "| bis ca. 1,5 Jahre |  |  | \n"
        "| Joie i-Level | 300 € | 1,7 | \n"
        "|  |  |  | \n"
        "| a \\| b | c | d |\n"
        "The ministry said 300 people | were evacuated on Monday.\n"
        "| a lone bar opens this line"
    )
    assert rows_as_text(text).split("\n") == [
        "Die Ergebnisse",
        "Hersteller/Modell · Preis · Note",
        "bis ca. 1,5 Jahre",
        "Joie i-Level · 300 € · 1,7",
        "a | b · c · d",
        "The ministry said 300 people | were evacuated on Monday.",
        "| a lone bar opens this line",
    ]
    assert rows_as_text("| gsoc-2018 | 3.3 GB/s |") == "gsoc-2018 · 3.3 GB/s"  # a table that opens the text
    plain = "No table here.\nNone | at a line's start."
    assert rows_as_text(plain) is plain

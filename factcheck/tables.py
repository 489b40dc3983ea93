"""Tables in an extractor's text. trafilatura writes a table as Markdown rows ("| Osann Fox | 189 € | 5,5 | ",
a "|---|---|" rule under the head's row, a cell's own bar escaped as "\\|"); a reviewer reads each row as its
cells joined by " · ", the empty cells left out, with no rule line. The text is changed before any offset is
taken, so every offset indexes the text shown."""

from __future__ import annotations

import re

_ROW = re.compile(r"^\|.*\|\s*$")
_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_BAR = re.compile(r"(?<!\\)\|")  # a bar between cells (a cell's own is escaped)
CELL_JOIN = " · "


def rows_as_text(text: str) -> str:
    """``text`` with each Markdown table row read as its cells joined by CELL_JOIN (a row of empty cells and
    the head's rule line left out); every other line as it was."""
    if not text.startswith("|") and "\n|" not in text:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if not _ROW.match(line):
            out.append(line)
        elif not _RULE.match(line):
            cells = (c.strip().replace("\\|", "|") for c in _BAR.split(line.rstrip()[1:-1]))
            row = CELL_JOIN.join(c for c in cells if c)
            if row:
                out.append(row)
    return "\n".join(out)

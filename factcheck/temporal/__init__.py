"""Temporal tagger: find time expressions in news text and normalise them to TIMEX3 values.

``tag(text, anchor)`` finds dates, times, durations and sets with exact character offsets and
resolves them against the publication date (``anchor``) and the tense of the clause around each
expression. A bare month, day or season takes the occurrence nearest the anchor, moved a year
when the clause points the other way ("will visit in March" written in April -> next March,
"visited in June" written in March -> last June); a bare weekday is the most recent one (the
anchor's own day included) unless the clause is future or planning ("expected to arrive on
Thursday"), then the next one. ``last``/``next``/``this`` fix the direction themselves.

Values follow the TimeML/TempEval conventions: ``2024-05-16``, ``2024-05``, ``2024``, ``2023-SP``,
``2024-Q2``, ``2024-H1``, ``2024-W20`` (ISO week), ``2024-W20-WE``, ``199`` (the 1990s), ``20`` (the
21st century), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, ``2024-05-16T22:00`` and
``2024-05-16TMO`` (TIME), ``P2D``/``PT5H``/``PXY`` (DURATION), ``P1W``/``XXXX-WXX-4`` (SET).
"Mid-April", "the second half of May", "early next year" keep the value of the period and
put the part in ``TimeRef.mod`` (MID, SECOND_HALF, START, END, ...); "nearly two years" gets
LESS_THAN, "about" APPROX, "more than" MORE_THAN. A day alone ("on the 23rd") takes the nearest month
the clause allows; a conjoined or range end ("April 24 and 25", "from Dec. 28 to Jan. 3") takes the
month and year of its start; "the quarter ended July 31" is the calendar quarter holding most of those
three months (a period that "ended" on a day is over: the last such day on or before the anchor), and
in earnings reports "a year earlier", "the corresponding period last year" and "last year's quarter"
are the reported quarter a year back. After a fiscal quarter is named ("its fiscal first quarter"),
"the quarter" and "the latest period" are that quarter; "that quarter" and "until then" take the last
one named. "In five years" in a future clause is the date that far ahead; "a few days later" an open
duration.

Without an anchor, what the text fixes is kept and the rest left underspecified (``XXXX-05``,
``XXXX-05-07``, ``XXXX-WXX-4``, ``XXXX-SP``, ``XXXX-Q2``); :func:`resolve_value` completes such
values once the publication date is known. Purely relative expressions ("yesterday", "last
year") come out as ``XXXX-XX-XX``/``XXXX`` and cannot be completed from the value alone:
re-run :func:`tag` with the anchor (it is cached and fast).

Speed: a cheap word scan marks the regions around trigger words (time vocabulary, year-like
numbers, clock times) and each rule runs only inside regions holding its kind of trigger.
Explicit dates are read from the rule's own match groups. dateparser used to re-read each full
date as a cross-check, but a disagreement was always discarded in favour of the groups, so it could
never change a value, and its first call costs ~0.25 s (timezone regexes) at startup; it is kept as
the baseline in bench/temporal.py. Plain Python: never imports textual.
"""

from __future__ import annotations

from factcheck.temporal.engine import tag
from factcheck.temporal.resolve import is_compatible, resolve_value

__all__ = ["is_compatible", "resolve_value", "tag"]

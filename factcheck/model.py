"""Plain data types shared by the core, the CLI and the TUI.

Nothing here imports textual: the core never knows a UI exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Verdict lives in the verdict registry (factcheck.verdicts); re-exported here for the modules that use it.
from factcheck.verdicts import Verdict as Verdict

# Claims scoring below this check-worthiness are hidden by default (the TUI shows them on request, the CLI
# with --all); ``extract --min-score`` overrides it.
DEFAULT_MIN_SCORE = 0.45
# Below this a sentence is not offered as a claim at all: the pipeline keeps it only as grouping evidence
# (``extract.MIN_SCORE``, ``grouping.Params.claim_floor``).
MIN_SCORE = 0.35


# A text modified this many days or more after its first publication is read as of its modified date
# (``Article.anchor``); a later correction, a typo fixed, a CMS re-save leave its relative times as published.
REVISED_AFTER_DAYS = 90
# ... when the reader is shown the modified date (``Article.revised``).


class Stance(StrEnum):
    """Modality of the event a claim reports."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    EXPECTED = "expected"
    ANNOUNCED = "announced"
    UNCONFIRMED = "unconfirmed"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    STATED = "stated"  # a position, figure or quotation with no event modality


@dataclass(frozen=True, slots=True, init=False)
class TimeRef:
    """A time expression found in a text, normalised to a TIMEX3 value.

    ``start``/``end`` are character offsets into the text that was tagged (for claims: the
    article text). ``value`` is a TIMEX3 value (``2024-05-16``, ``2024-05``, ``2023-SP``,
    ``P2D``, ``PRESENT_REF``, ``XXXX-05`` when the anchor is unknown).

    A value: frozen (its fields are never assigned once it is made), as the time tagger's cache shares the
    same instances.
    """

    start: int
    end: int
    text: str
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    value: str = ""
    mod: str | None = None  # TIMEX3 mod: START, MID, END, EARLY/LATE, FIRST_HALF, ...

    def __init__(
        self, start: int, end: int, text: str, type: str = "DATE", value: str = "", mod: str | None = None
    ) -> None:
        # Each field is set by its slot's own setter (``_SET_START`` ...). The frozen dataclass's generated
        # ``__init__`` sets each through ``object.__setattr__``, which finds the slot by the field's name every
        # time: ~0.8 against ~0.5 us a TimeRef, and the time tagger makes ~1,500 a pass of TBAQ's development
        # documents. Assigning a field afterwards still raises FrozenInstanceError.
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_TEXT(self, text)
        _SET_TYPE(self, type)
        _SET_VALUE(self, value)
        _SET_MOD(self, mod)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.mod:
            d["mod"] = self.mod
        return d


# the setters of TimeRef's slots (its ``__init__`` calls them)
_SET_START, _SET_END, _SET_TEXT, _SET_TYPE, _SET_VALUE, _SET_MOD = (
    TimeRef.__dict__[name].__set__ for name in ("start", "end", "text", "type", "value", "mod")
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A line-level region of an article: body text or page furniture."""

    start: int
    end: int
    kind: str  # "body" | "title" | "meta" | "furniture"
    reason: str = ""


@dataclass(slots=True)
class Article:
    """One article as read from disk.

    ``text`` is exactly what claim offsets index: for .txt/.md files the whole file as read with
    UTF-8 (front matter included), for JSON records the record's text field.
    """

    path: str  # as given on the command line joined with the relative path (+ "#N" for jsonl)
    key: str  # stable key of the article inside its batch (relative path), used in claim ids
    id: str  # content hash
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    published_source: str | None = None  # where the date came from: front matter, sidecar, byline, url
    # when the page says its text was last revised (JSON-LD ``dateModified``, ``article:modified_time``, an
    # "Updated ..." line, a record's ``date_modify``), and where that came from
    modified: dt.date | None = None
    modified_source: str | None = None
    crawled: dt.date | None = None  # a page-crawl stamp ("Today: 10 March 2025"), never the publication
    segments: list[Segment] = field(default_factory=list)
    source_file: str = ""  # real file path on disk
    record: int | None = None  # index inside a .json list / .jsonl file
    language: str | None = None  # ISO 639-1 code: the record's own, else detected (factcheck.lang.detect)
    notices: list[str] = field(default_factory=list)  # one-line warnings for the reviewer (CLI and TUI)
    duplicate_of: str | None = None  # the key of an earlier article of the batch with the same text
    near_duplicate_of: str | None = None  # ... with nearly the same text (a page saved twice, a reprint)

    @property
    def body_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.kind == "body"]

    @property
    def claim_segments(self) -> list[Segment]:
        """Where claims come from: the headline (a headline makes a checkable claim too) and the body."""
        return [s for s in self.segments if s.kind in ("title", "body")]

    @property
    def furniture_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.kind == "furniture"]

    def is_furniture(self, start: int, end: int) -> bool:
        """True when the span [start, end) lies inside page furniture."""
        return any(s.start <= start and end <= s.end for s in self.furniture_segments)

    def label(self) -> str:
        return self.outlet or self.key

    @property
    def revised(self) -> bool:
        """Whether the text shown is a revision made long after the first publication (an explainer kept up
        to date, a buying guide renewed each year): a modified date the reader is shown
        ``REVISED_AFTER_DAYS`` or more after the publication date. A date the reviewer set is the text's own."""
        return (
            self.modified is not None
            and self.published is not None
            and self.published_source != "reviewer"
            # shown in the page's body (a saved or fetched page's ``<time>`` element), an "Updated ..." line of
            # the text, a sidecar a person wrote; a date only the markup declares (JSON-LD ``dateModified``,
            # ``article:modified_time``), a scraper record's, a front matter's ``lastmod`` is kept and shown but
            # moves nothing: content systems re-stamp old posts (realworld-dev and trafilatura's evaluation pages,
            # half A: 18 such dates a year or more after the publication, none shown in the body, and no relative
            # time of their texts is the modified date's)
            and self.modified_source in ("page", "text", "sidecar")
            and (self.modified - self.published).days >= REVISED_AFTER_DAYS
        )

    @property
    def anchor(self) -> dt.date | None:
        """The date the text's relative times are read against ("this year", "last week"): the date of the
        text shown, i.e. the modified date of a revised text (``revised``), else the publication date; a text
        with no publication date that shows the reader only when it was updated ("Updated: January 16, 2020"
        under a wire story's headline) is read as of that date (``dated_by_update``)."""
        if self.revised or self.dated_by_update:
            return self.modified
        return self.published

    @property
    def dated_by_update(self) -> bool:
        """Whether the only date the reader is shown is the text's last update: no publication date, and a
        modified date shown in the page's body, an "Updated ..." line of the text or a sidecar (a date only
        the markup or a scraper declares moves nothing, as for ``revised``)."""
        return (
            self.published is None
            and self.modified is not None
            and self.modified_source in ("page", "text", "sidecar")
        )


@dataclass(slots=True)
class Entity:
    text: str  # surface form in the claim
    key: str  # normalised key usable across articles ("vladimir putin")
    kind: str = "misc"  # person | place | org | event | misc
    name: str = ""  # canonical name within the article ("Vladimir Putin")

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name or self.text, "key": self.key, "kind": self.kind}


@dataclass(slots=True)
class Claim:
    id: str
    article_id: str
    article_key: str
    start: int
    end: int
    text: str
    when: list[TimeRef] = field(default_factory=list)
    speaker: str | None = None
    speaker_kind: str | None = None  # person | outlet | organisation | media | anonymous
    source_chain: list[str] = field(default_factory=list)  # reporting outlet first, then whom it cites
    quote: bool = False
    entities: list[Entity] = field(default_factory=list)
    stance: Stance = Stance.STATED
    score: float = 0.5
    group: str | None = None
    manual: bool = False  # added by hand by a reviewer
    polarity: int = 1  # -1 when the reported event is negated or denied ("did not visit", "never raised")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "when": [
                {"text": t.text, "value": t.value, "type": t.type, "start": t.start, "end": t.end}
                | ({"mod": t.mod} if t.mod else {})
                for t in self.when
            ],
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "source_chain": list(self.source_chain),
            "quote": self.quote,
            "entities": [e.to_json() for e in self.entities],
            "stance": str(self.stance),
            "polarity": self.polarity,
            "score": round(self.score, 3),
            "group": self.group,
        }

    @property
    def time_values(self) -> list[str]:
        return [t.value for t in self.when if t.type in ("DATE", "TIME") and t.value]


@dataclass(slots=True)
class Suggestion:
    kind: str  # "supersedes" | "conflicts"
    claim: str  # the claim that is overtaken / in conflict
    by: str  # the claim that overtakes it / the other side
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "claim": self.claim, "by": self.by, "why": self.why}


@dataclass(slots=True)
class EventGroup:
    id: str
    label: str
    when: str | None
    claims: list[str]
    suggestions: list[Suggestion] = field(default_factory=list)
    why: dict[str, Any] = field(default_factory=dict)  # explanation: shared entities, scores, time

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "when": self.when,
            "claims": list(self.claims),
            "suggestions": [s.to_json() for s in self.suggestions],
            "why": self.why,
        }


@dataclass(slots=True)
class GroupOverrides:
    """Reviewer decisions about grouping, honoured on every re-run.

    ``merges``: pairs of claim ids whose groups must be one. ``splits``: claim ids taken out of
    whatever group they would join (each becomes its own group).
    """

    merges: list[tuple[str, str]] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)


@dataclass(slots=True)
class InputError:
    """An input that could not be read: reported, never raised to the user as a traceback."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Batch:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

"""The one registry of verdicts: key, label, badge, colour and ClaimReview rating.

Adding a verdict is one edit here: a member of ``Verdict`` and its ``VerdictInfo`` in ``REGISTRY`` (a test
checks that every member has one). The model, the session files, the CLI, the reports and the TUI read
verdicts from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    SUPERSEDED = "superseded"


@dataclass(frozen=True, slots=True)
class VerdictInfo:
    key: str  # as written in session files and typed on the command line
    label: str  # for people: reports, help, dialogs
    badge: str  # one character shown beside a claim
    colour: str  # a Textual theme variable name (without "$"), so themes apply
    rating: str | None  # default ClaimReview ``reviewRating.alternateName``; None: never exported
    needs_by: bool = False  # takes the id of the claim that supersedes it
    description: str = ""


REGISTRY: dict[Verdict, VerdictInfo] = {
    Verdict.UNREVIEWED: VerdictInfo(
        "unreviewed", "Unreviewed", "·", "text-muted", None, description="no verdict yet"
    ),
    Verdict.CONFIRMED: VerdictInfo(
        "confirmed", "Confirmed", "✓", "success", "True", description="the claim holds"
    ),
    Verdict.DISPUTED: VerdictInfo(
        "disputed", "Disputed", "✗", "error", "Disputed", description="the claim does not hold"
    ),
    Verdict.SUPERSEDED: VerdictInfo(
        "superseded",
        "Superseded",
        "↷",
        "warning",
        "Outdated",
        needs_by=True,
        description="overtaken by a later claim (give its id)",
    ),
}


def info(v: Verdict | str) -> VerdictInfo:
    """The registry entry of a verdict (ValueError for an unknown key)."""
    return REGISTRY[Verdict(v)]


def parse(key: str) -> Verdict:
    """A verdict from what a user typed (case and surrounding blanks ignored); ValueError naming the
    known keys otherwise."""
    try:
        return Verdict(str(key).strip().lower())
    except ValueError:
        raise ValueError(f"unknown verdict {key!r} (use one of: {', '.join(keys())})") from None


def keys() -> list[str]:
    return [i.key for i in REGISTRY.values()]


def reviewed() -> list[Verdict]:
    """Verdicts that count as reviewed (every one but unreviewed), in registry order."""
    return [v for v in REGISTRY if v is not Verdict.UNREVIEWED]


def default_ratings() -> dict[str, str]:
    """ClaimReview ``alternateName`` per verdict key, for the verdicts that are exported."""
    return {i.key: i.rating for i in REGISTRY.values() if i.rating is not None}

"""The labelled real-article splits of tests/fixtures/realworld, as the split tests read them: each split's label
entries and its pages' records (the fixture's make_devN.py scripts are importable from the same folder)."""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

REALWORLD = Path(__file__).resolve().parent / "fixtures" / "realworld"
sys.path.insert(0, str(REALWORLD))  # the make_devN.py scripts, beside their pages

# a TIMEX3 value as the labels write it: a date, week, season, quarter, part of a day, duration, decade or reference
TIMEX_VALUE = re.compile(
    r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-(?:SP|SU|FA|WI)|-Q\d)?"
    r"|\d{3}X|XXXX-XX|P(?:\d+(?:\.\d+)?|X)(?:[YMWDQ]|DE)(?:\d+[MD])?|PT(?:\d+|X)[HMS]|(?:PRESENT|PAST|FUTURE)_REF"
)


def split_labels(*splits: str) -> list[dict]:
    """The label entries (labels.toml's [[article]]) of these splits."""
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    return [e for e in labels["article"] if e["split"] in splits]


def split_records(split: str) -> dict[str, dict]:
    """The pages of one split (articles/SPLIT.*.json) by file name, sorted."""
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((REALWORLD / "articles").glob(f"{split}.*.json"))
    }

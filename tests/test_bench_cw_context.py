"""bench/cw_context.py: it reads development pages only, its context is the page's, and its keep rule holds on
each half of the development splits."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from bench_modules import bench_module

ctx = bench_module("cw_context")
cw = bench_module("cw_fit")

REALWORLD = Path(__file__).resolve().parent / "fixtures" / "realworld"


def _page(folder: Path, name: str, text: str) -> None:
    record = {"title": "A headline about the council", "date": "2020-03-02", "text": text}
    (folder / name).write_text(json.dumps(record), encoding="utf-8")


def test_sentences_reads_no_page_of_a_held_out_split(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    _page(
        tmp_path / "articles",
        "dev.council.json",
        "The city council approved a budget of $4 million on Monday, officials said.\n"
        "It is a lovely day for a walk in the park with friends.\n",
    )
    # the held-out entries name pages that do not exist: reading one would fail
    (tmp_path / "labels.toml").write_text(
        '[[article]]\nfile = "dev.council.json"\nsplit = "dev"\n'
        '[[article.claim]]\nm = "approved a budget of $4 million"\n'
        '[[article]]\nfile = "fresh.missing.json"\nsplit = "fresh"\n'
        '[[article]]\nfile = "dev12h.missing.json"\nsplit = "dev12h"\n',
        encoding="utf-8",
    )
    rows = ctx.sentences(cw.DEV, fixtures=tmp_path)
    assert {r.split for r in rows} == {"dev"}
    assert [r.label for r in rows if "budget" in r.text] == [1]
    assert [r.ctx["paragraph"] for r in rows] == [0, 1]
    with pytest.raises(SystemExit, match=r"fresh\.missing\.json"):
        ctx.sentences(("dev", "fresh"), fixtures=tmp_path)


def _row(start: int, speaker: str | None, terms: dict[str, int], score: float = 0.6, label: int = 0) -> Any:
    return ctx.Sentence(
        "dev9", "p", f"sentence at {start}", start, score, label, {"base": 1, **terms}, speaker
    )


def test_the_context_is_read_from_the_pages_sentences_in_text_order() -> None:
    text = "a" * 10 + "\n" + "b" * 30 + "\n" + "c" * 10
    quoted = {"attributed": 1, "quote_speaker": 1}
    rows = [
        _row(20, "Ann Lee", quoted),  # given out of order: sorted by start
        _row(0, None, {"figure": 1}),
        _row(11, "Ann Lee", quoted),
        _row(30, "Ann Lee", quoted),
        _row(42, None, {"opinion": 1}),
    ]
    ctx.add_context(rows, text, "How the council spent its budget")
    assert [r.start for r in rows] == [0, 11, 20, 30, 42]
    assert [r.ctx["paragraph"] for r in rows] == [0, 1, 1, 1, 2]
    assert [r.ctx["speaker_before"] for r in rows] == [0, 0, 1, 2, 0]
    assert [r.ctx["same_speaker_before"] for r in rows] == [False, False, True, True, False]
    assert [r.ctx["opens_paragraph"] for r in rows] == [True, True, False, False, True]
    assert [r.ctx["paragraph_size"] for r in rows] == [1, 3, 3, 3, 1]
    assert not any(r.ctx["anchored_sibling"] for r in rows)  # the figure is alone in its paragraph
    assert rows[0].ctx["writer_views"] == 1  # the writer's opinion; the quotations are not the writer's
    assert rows[0].ctx["anchor_share"] == pytest.approx(0.2)
    assert ctx.signals()["speaker_run"](rows[3]) and not ctx.signals()["speaker_run"](rows[2])
    assert rows[0].ctx["headline_not_report"]  # opens with a question word
    assert rows[0].ctx["own_quotes"] == 0  # quotations, none in the first person
    assert rows[0].ctx["event_share"] == 0


def test_a_headline_that_reports_is_not_flagged_and_first_person_quotes_are_counted() -> None:
    rows = [_row(0, "Ann Lee", {"attributed": 1, "quoted_self": 1}), _row(5, "Ann Lee", {"personal": 1})]
    ctx.add_context(rows, "a" * 20, "Council approves budget of $4 million")
    assert not rows[0].ctx["headline_not_report"]
    assert rows[0].ctx["own_quotes"] == 1  # the second is the writer's own first person, no quotation
    for head in ("Why the council failed?", "Budget: what we know"):
        ctx.add_context(rows, "a" * 20, head)
        assert rows[0].ctx["headline_not_report"], head


def test_a_penalty_hides_the_shown_claims_it_brings_under_the_threshold() -> None:
    rows = [
        ctx.Sentence("dev", "p", "a", 0, 0.50, 0, {}, None),  # half A, 0.50 - 0.1 < 0.45: hidden
        ctx.Sentence("dev", "p", "b", 1, 0.60, 1, {}, None),  # stays shown
        ctx.Sentence("dev9", "q", "c", 0, 0.47, 0, {}, None),  # half B: hidden
        ctx.Sentence("dev9", "q", "d", 1, 0.40, 1, {}, None),  # not shown: nothing to hide
        ctx.Sentence("dev9", "q", "e", 2, 0.46, None, {}, None),  # either: not counted
    ]
    c = ctx.counts(rows, lambda r: True, 0.1)
    assert c == {"A": (1, 0), "B": (1, 0)}
    assert ctx.passes(c)
    assert ctx.counts(rows, lambda r: True) == {"A": (1, 1), "B": (1, 0)}
    assert not ctx.passes(ctx.counts(rows, lambda r: True, 0.2))  # 0.60 - 0.2 hides the true claim of half A


def test_the_hand_kinds_name_development_pages_only() -> None:
    kinds = tomllib.loads(ctx.KINDS.read_text(encoding="utf-8"))["kinds"]
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    split_of = {e["file"]: e["split"] for e in labels["article"]}
    assert kinds
    for page, kind in kinds.items():
        assert split_of.get(page) in cw.DEV, page
        assert kind in {"feature", "profile", "opinion", "analysis", "guide", "letters", "interview"}

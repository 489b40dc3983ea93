"""The verdict registry and the config module."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import config, verdicts
from factcheck.model import Verdict
from factcheck.report import DEFAULT_RATINGS


def test_every_verdict_has_one_registry_entry() -> None:
    assert list(verdicts.REGISTRY) == list(Verdict)
    for v, i in verdicts.REGISTRY.items():
        assert i.key == str(v)
        assert len(i.badge) == 1 and i.label and i.colour and not i.colour.startswith("$")
    assert Verdict is verdicts.Verdict  # the model re-exports the registry's enum


def test_ratings_and_parsing_come_from_the_registry() -> None:
    assert DEFAULT_RATINGS == {"confirmed": "True", "disputed": "Disputed", "superseded": "Outdated"}
    assert verdicts.parse(" Disputed ") is Verdict.DISPUTED
    with pytest.raises(ValueError, match="use one of: unreviewed, confirmed, disputed, superseded"):
        verdicts.parse("maybe")
    assert verdicts.reviewed() == [Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.SUPERSEDED]
    assert verdicts.info("superseded").needs_by


def test_config_path_and_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config.config_path() == tmp_path / "xdg" / "factcheck" / "config.toml"
    assert config.load().doc == {} and config.load().warnings == []
    p = tmp_path / "c.toml"
    monkeypatch.setenv("FACTCHECK_CONFIG", str(p))
    p.write_text(
        'reviewer = " bo "\ntheme = "nord"\n[keys]\nmark-confirmed = "y"\n[report]\norganisation = "X"\n'
    )
    cfg = config.load()
    assert (cfg.reviewer, cfg.theme, cfg.keys, cfg.report) == (
        "bo",
        "nord",
        {"mark-confirmed": "y"},
        {"organisation": "X"},
    )
    assert config.reviewer_name() == "bo"


def test_a_broken_config_is_a_warning_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "c.toml"
    monkeypatch.setenv("FACTCHECK_CONFIG", str(p))
    p.write_text("report = 3\nkeys = [\n")
    cfg = config.load()
    assert cfg.doc == {} and len(cfg.warnings) == 1 and str(p) in cfg.warnings[0]
    p.write_text('report = 3\nreviewer = ["a"]\n')
    cfg = config.load()
    assert cfg.report == {} and cfg.reviewer is None
    assert [w.split(": ", 1)[1] for w in cfg.warnings] == [
        "'report' must be a table; ignored",
        "'reviewer' must be a string; ignored",
    ]
    p.write_text("[" * 5000 + "\n")  # deeply nested: no RecursionError escapes
    assert config.load().warnings

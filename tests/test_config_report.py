"""The [report] table of the config file: a value of the wrong type is ignored with a warning, as the
README says of every config value, not written into a ClaimReview."""

from __future__ import annotations

from pathlib import Path

from factcheck import config


def test_report_values_of_the_wrong_type_are_ignored_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "config.toml"
    p.write_text(
        '[report]\norganisation = 5\nbase_url = "https://fc.example/r"\n'
        '[report.ratings]\nconfirmed = "Accurate"\ndisputed = 5\nsuperseded = "  "\n',
        encoding="utf-8",
    )
    cfg = config.load(p)
    assert cfg.report == {"base_url": "https://fc.example/r", "ratings": {"confirmed": "Accurate"}}
    said = "\n".join(cfg.warnings)
    assert "'report.organisation' must be a string" in said
    assert "'report.ratings.disputed' must be a string" in said
    assert "'report.ratings.superseded'" in said and "empty" in said


def test_a_report_value_that_is_right_gives_no_warning(tmp_path: Path) -> None:
    p = tmp_path / "config.toml"
    p.write_text('[report]\norganisation = "Desk"\n[report.ratings]\ndisputed = "False"\n', encoding="utf-8")
    cfg = config.load(p)
    assert cfg.warnings == [] and cfg.report["ratings"] == {"disputed": "False"}


def test_the_reviewer_name_is_one_line(tmp_path: Path, monkeypatch) -> None:
    """A name holding a line break (from the environment or the config file) split `status`'s first line
    ("... reviewer ann" / "bob; saved ...") and the report's "Reviewers:" line in two."""
    monkeypatch.setenv("FACTCHECK_REVIEWER", "ann\n  bob\t")
    assert config.reviewer_name(config.load(tmp_path / "none.toml")) == "ann bob"
    p = tmp_path / "config.toml"
    p.write_text('reviewer = "Zoë\\nQ."\n', encoding="utf-8")
    assert config.reviewer_name(config.load(p)) == "Zoë Q."

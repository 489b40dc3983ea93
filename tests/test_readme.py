"""The README's "Commands and options" reference stays complete: every option of every command the parser
accepts, and every binding id of the TUI, is named in it."""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from factcheck.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _section(title: str, level: str = "##") -> str:
    m = re.search(rf"^{level} {re.escape(title)}\n(.*?)(?=^{level} |\Z)", README, re.M | re.S)
    assert m, f"README has no section {title!r}"
    return m.group(1)


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_and_option_is_in_the_readme() -> None:
    reference = _section("Commands and options")
    missing = []
    for name, sp in _subcommands().items():
        m = re.search(rf"^### `factcheck {name}`\n(.*?)(?=^### |\Z)", reference, re.M | re.S)
        if not m:
            missing.append(f"factcheck {name}")
            continue
        for action in sp._actions:
            for opt in action.option_strings:
                if opt in ("-h", "--help"):
                    continue
                if (
                    f"`{opt}" not in m.group(1)
                    and f"({opt})" not in m.group(1)
                    and f"(`{opt}`)" not in m.group(1)
                ):
                    missing.append(f"factcheck {name} {opt}")
    assert not missing, "README's Commands and options does not name: " + ", ".join(missing)


def test_python_version_and_reviewer_are_documented() -> None:
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'requires-python\s*=\s*">=\s*([\d.]+)"', pyproject)
    assert version and f"Python >= {version.group(1)}" in README
    assert "FACTCHECK_REVIEWER" in README and 'reviewer = "' in README


def test_every_binding_id_is_in_the_readme() -> None:
    from textual.binding import Binding

    import factcheck.tui as tui

    ids = set()
    for info in pkgutil.walk_packages(tui.__path__, "factcheck.tui."):
        mod = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(mod, inspect.isclass):
            if cls.__module__ == mod.__name__:
                ids |= {b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id}
    assert ids
    config = _section("Configuration", "###") if "### Configuration" in README else README
    missing = sorted(i for i in ids if f"`{i}`" not in config)
    assert not missing, "README's binding ids miss: " + ", ".join(missing)


def test_every_environment_variable_is_documented() -> None:
    package = Path(__file__).resolve().parents[1] / "factcheck"
    names = set()
    for path in package.rglob("*.py"):
        names |= set(re.findall(r"FACTCHECK_[A-Z_]+", path.read_text(encoding="utf-8")))
    names.discard("FACTCHECK_DATA")  # read by the benches, named in Benchmarks
    assert names
    missing = sorted(n for n in names if n not in README)
    assert not missing, "README does not name: " + ", ".join(missing)


def test_documented_defaults_are_the_code_s() -> None:
    from factcheck import extract, model

    assert f"`factcheck.model.DEFAULT_MIN_SCORE` = {model.DEFAULT_MIN_SCORE}" in README
    assert f"`extract.MIN_SCORE` = {extract.MIN_SCORE}" in README
    assert f'"min_score": {model.DEFAULT_MIN_SCORE}' in README
    match = _subcommands()["match"]
    top = next(a for a in match._actions if "--top" in a.option_strings)
    assert f"`--top K`: matches per query (default {top.default})" in README
    report = _subcommands()["report"]
    fmt = next(a for a in report._actions if "--format" in a.option_strings)
    assert f"`{fmt.default}` (default)" in README
    assert all(f"`{c}`" in _section("Commands and options") for c in fmt.choices)


def test_the_json_contract_names_every_key(seeds_copy: Path, capsys) -> None:
    import json

    from factcheck.cli import main

    assert main(["extract", str(seeds_copy), "--json", "--no-cache"]) == 0
    out = json.loads(capsys.readouterr().out)
    contract = re.search(
        r"`extract --json` and `groups --json` print one JSON document:\n\n```\n(.*?)```", README, re.S
    )
    assert contract, "README has no JSON contract block"
    keys = set(out)
    for article in out["articles"]:
        keys |= set(article)
        for claim in article["claims"]:
            keys |= set(claim)
            for when in claim["when"]:
                keys |= set(when)
    for group in out["groups"]:
        keys |= set(group)
        for suggestion in group["suggestions"]:
            keys |= set(suggestion)
    missing = sorted(k for k in keys if f'"{k}"' not in contract.group(1))
    assert not missing, "the README's JSON contract does not name: " + ", ".join(missing)


def test_every_repository_path_named_exists() -> None:
    root = Path(__file__).resolve().parents[1]
    named = set(re.findall(r"`((?:factcheck|bench|tools|tests|sessions|seeds)/[^`\s]*)`", README))
    named |= set(re.findall(r"\b(bench/[a-z_0-9]+\.py)\b", README))
    # placeholders: <code> is any language folder, <name> a session's name; {en,de,...} names each of a set
    concrete: set[str] = set()
    for n in named:
        if "<name>" in n:
            continue
        n = n.replace("<code>", "en")
        m = re.search(r"\{([^{}]*)\}", n)
        alternatives = m.group(1).split(",") if m else [""]
        concrete |= {n[: m.start()] + a + n[m.end() :] if m else n for a in alternatives}
    concrete = {n for n in concrete if "<" not in n}
    assert len(concrete) > 20
    missing = sorted(n for n in concrete if not (root / n).exists())
    assert not missing, "README names files that do not exist: " + ", ".join(missing)


def _cells(row: str) -> list[str]:
    """A Markdown table row's cells; a pipe escaped as ``\\|`` stays inside its cell (GitHub's rule, code spans
    included)."""
    return re.split(r"(?<!\\)\|", row.strip()[1:-1])


def test_every_table_row_has_its_header_s_cells() -> None:
    """A bare ``|`` inside a cell (a command's ``a|b`` choice) splits the row: GitHub then shows a cell too many
    and shifts the figures under the wrong heading."""
    wrong = []
    header = 0
    for number, line in enumerate(README.splitlines(), 1):
        if not line.startswith("|"):
            header = 0
            continue
        if not header:
            header = len(_cells(line))
        elif len(_cells(line)) != header:
            wrong.append(f"line {number}: {len(_cells(line))} cells, the header {header}")
    assert wrong == []

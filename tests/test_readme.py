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

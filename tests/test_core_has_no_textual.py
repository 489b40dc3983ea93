"""The core never imports the UI: every module outside factcheck/tui/ imports without textual or rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import factcheck

ROOT = Path(factcheck.__file__).parent


def core_modules() -> list[str]:
    mods = []
    for info in pkgutil.walk_packages([str(ROOT)], prefix="factcheck."):
        if info.name.startswith("factcheck.tui") or info.name == "factcheck.__main__":
            continue
        mods.append(info.name)
    return sorted(mods)


def test_core_modules_found():
    mods = core_modules()
    assert "factcheck.ingest" in mods and "factcheck.cli" in mods


def test_no_core_module_imports_textual():
    code = (
        "import importlib, sys\n"
        f"mods = {core_modules()!r}\n"
        "for m in mods: importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in UI modules: {out.stdout.strip()}"


def test_no_textual_import_statement_outside_tui():
    offenders = []
    for p in ROOT.rglob("*.py"):
        if "tui" in p.relative_to(ROOT).parts:
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith(("import textual", "from textual", "import rich", "from rich")):
                offenders.append(f"{p.name}: {s}")
    assert not offenders

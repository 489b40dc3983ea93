"""A bench script loaded as a module, for tests of its measure (``from bench_modules import bench_module``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_module(script: str) -> ModuleType:
    """``bench/<script>.py`` loaded afresh, registered as ``bench_<script>`` (its dataclasses look their module
    up by name)."""
    spec = importlib.util.spec_from_file_location(f"bench_{script}", BENCH / f"{script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module

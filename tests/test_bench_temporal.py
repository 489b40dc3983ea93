"""bench/temporal.py measures the engine of another checkout, also one from before the engine was a package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench_modules import BENCH  # tests/bench_modules.py

_TIMEML = """<?xml version="1.0" ?><TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
The season ended <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3>.
</TEXT></TimeML>
"""

# the shape of the engine before it became the package factcheck/temporal/ (7b3f091 and older): one module
_SINGLE_MODULE_ENGINE = """
from dataclasses import dataclass


@dataclass
class TimeRef:
    start: int
    end: int
    text: str
    type: str
    value: str


def tag(text, anchor):
    i = text.find("Thursday")
    return [TimeRef(i, i + 8, "Thursday", "DATE", "2013-03-21")] if i >= 0 else []
"""


def test_bench_measures_a_checkout_with_the_single_module_engine(tmp_path: Path) -> None:
    """``--beside`` (FACTCHECK_ENGINE_ROOT) on a checkout whose engine is the one module factcheck/temporal.py,
    such as 7b3f091, the last commit before the TBAQ split: its figures come back, the split's two parts
    measured with rules written from every document alike."""
    old = tmp_path / "old" / "factcheck"
    old.mkdir(parents=True)
    (old / "__init__.py").write_text("", encoding="utf-8")
    (old / "temporal.py").write_text(_SINGLE_MODULE_ENGINE, encoding="utf-8")
    tbaq = tmp_path / "data" / "tempeval3-tbaq" / "TimeBank"
    tbaq.mkdir(parents=True)
    for i in range(4):
        (tbaq / f"probe{i}.tml").write_text(_TIMEML.format(name=f"probe{i}"), encoding="utf-8")
    env = {
        **os.environ,
        "FACTCHECK_DATA": str(tmp_path / "data"),
        "FACTCHECK_ENGINE_ROOT": str(tmp_path / "old"),
    }
    done = subprocess.run(
        [sys.executable, str(BENCH / "temporal.py"), "--json", "--no-baseline", "--repeat", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])["parts"]
    assert figures["dev"]["all"]["n_gold"] + figures["heldout"]["all"]["n_gold"] == 8
    assert figures["all"]["DATE"]["tp_value"] == 4  # the stub's Thursday in each document
    assert figures["all"]["all"]["n_sys"] == 4  # and nothing else: the stub was measured, not this tree

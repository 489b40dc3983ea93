"""bench/temporal.py measures the engine of another checkout, also one from before the engine was a package."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bench_modules import BENCH, bench_module  # tests/bench_modules.py

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


# HeidelTime's standalone TimeML output: the text with its TIMEX3 inline, entities escaped
_HEIDELTIME = """<?xml version="1.0"?>
<!DOCTYPE TimeML SYSTEM "TimeML.dtd">
<TimeML>


AT&amp;T said <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> it would cut jobs
within <TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3>.

</TimeML>
"""


def test_bench_reads_another_taggers_timeml_at_the_documents_offsets() -> None:
    """``--tagged DIR``: a tagger's TimeML output, tags taken out, is the document's text; each TIMEX3 lies at
    its offsets in that text (entities unescaped, the output's blank lines around the text skipped)."""
    mod = bench_module("temporal")
    text = "\nAT&T said Thursday it would cut jobs\nwithin a month.\n"
    found = mod.read_tagged(_HEIDELTIME, text)
    assert [(text[t.start : t.end], t.type, t.value) for t in found] == [
        ("Thursday", "DATE", "2013-03-21"),
        ("a month", "DURATION", "P1M"),
    ]
    with pytest.raises(ValueError):
        mod.read_tagged(_HEIDELTIME, "AT&T said Friday it would cut jobs within a month.")


def test_bench_tagged_files_tell_apart_one_text_under_two_days(tmp_path: Path) -> None:
    """TBAQ holds one text under two names and creation days: each document gets its own file's values."""
    mod = bench_module("temporal")
    text = "AT&T said Thursday it would cut jobs\nwithin a month."
    early = mod.Doc("early", dt.date(2013, 3, 22), text)
    late = mod.Doc("late", dt.date(2013, 3, 29), text)
    (tmp_path / "early.tml").write_text(_HEIDELTIME, encoding="utf-8")
    (tmp_path / "late.tml").write_text(_HEIDELTIME.replace("2013-03-21", "2013-03-28"), encoding="utf-8")
    files = mod.TaggedFiles(tmp_path, [early, late])
    assert files.tag(text, early.dct)[0].value == "2013-03-21"
    assert files.tag(text, late.dct)[0].value == "2013-03-28"
    assert files.covers([early, late])
    assert not files.covers([early, late, mod.Doc("untagged", early.dct, "No file for this one.")])


def test_bench_shared_noise_of_a_tagger_beside_itself(capsys: pytest.CaptureFixture[str]) -> None:
    """The held-out minus development difference of a tagger beside another: the same tagger predicts all of
    its own difference (r 1.00, nothing left), whatever the documents."""
    mod = bench_module("temporal")
    docs, outputs = [], []
    for i in range(40):
        gold = [mod.Timex(0, 5, "DATE", "2013-03-21"), mod.Timex(10, 15, "DURATION", "P1M")]
        found = [mod.Timex(0, 5, "DATE", "2013-03-21" if i % 3 else "2013-03-20")]
        found += [mod.Timex(10, 15, "DURATION", "P1M")] if i % 4 else []
        doc = mod.Doc(f"doc{i:02}", dt.date(2013, 3, 22), "x" * 20, gold)
        docs.append(doc)
        outputs.append((doc, found))
    mod.shared_noise(outputs, outputs, "itself", draws=50)
    out = capsys.readouterr().out
    assert out.count("r 1.00;") == 2
    assert out.count("the rest +0.000") + out.count("the rest -0.000") == 2


def test_bench_tagged_column_on_a_check_corpus_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--tagged DIR --check CHECK``: a check corpus whose documents have their files in DIR is scored for the
    other tagger too (the TempEval-3 platinum set, where HeidelTime's published figure calibrates a build)."""
    tbaq = tmp_path / "data" / "tempeval3-tbaq" / "TimeBank"
    tbaq.mkdir(parents=True)
    check = tmp_path / "check"
    check.mkdir()
    tagged = tmp_path / "tagged"
    tagged.mkdir()
    out = _HEIDELTIME.replace("AT&amp;T said ", "The season ended ").replace(
        " it would cut jobs\nwithin ", " after\n"
    )
    for folder, name in ((tbaq, "probe0"), (tbaq, "probe1"), (tbaq, "probe2"), (check, "platinum0")):
        # the check document's own text: not found under a TBAQ document's
        season = "race" if folder == check else "season"
        (folder / f"{name}.tml").write_text(
            _TIMEML.format(name=name).replace("season", season), encoding="utf-8"
        )
        (tagged / f"{name}.tml").write_text(out.replace("season", season), encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_DATA", str(tmp_path / "data"))
    mod = bench_module("temporal")
    assert mod.main(["--no-baseline", "--repeat", "1", "--tagged", str(tagged), "--check", str(check)]) == 0
    report = capsys.readouterr().out
    section = report[report.index("== check check") :]
    assert "tagged" in section.splitlines()[1]  # the column's heading
    assert "all TIMEX3 value F1            1.000         1.000" in section  # Thursday and a month, both right


# a revision's own model and single-module engine, as 7b3f091 has them
_REVISION_MODEL = """
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimeRef:
    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str = ""
    mod: str | None = None

    REVISION = "the revision's own"
"""

_REVISION_ENGINE = """
from factcheck.model import TimeRef


def tag(text, anchor=None):
    i = text.find("Thursday")
    return [TimeRef(i, i + 8, "Thursday", "DATE", "2013-03-21")] if i >= 0 else []
"""


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_against_runs_the_revision_on_its_own_time_ref(tmp_path: Path) -> None:
    """``--against REV`` (``load_reference``): the reference tagger makes the ``TimeRef`` of REV's own
    factcheck/model.py, not this tree's, and this tree's model stays in place for this tree's engine."""
    import factcheck.model

    repo = tmp_path / "repo"
    (repo / "factcheck").mkdir(parents=True)
    (repo / "factcheck" / "model.py").write_text(_REVISION_MODEL, encoding="utf-8")
    (repo / "factcheck" / "temporal.py").write_text(_REVISION_ENGINE, encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "engine"], check=True)
    ref = bench_module("temporal").load_reference("HEAD", repo)
    try:
        found = ref.tag("It ended Thursday.", dt.date(2013, 3, 22))
        assert ref.TimeRef is not factcheck.model.TimeRef
        assert [type(t).REVISION for t in found] == ["the revision's own"]
        assert not isinstance(found[0], factcheck.model.TimeRef)
        assert sys.modules["factcheck.model"] is factcheck.model
    finally:
        sys.modules.pop("temporal_reference", None)
        sys.modules.pop("temporal_reference_model", None)

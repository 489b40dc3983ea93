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


def test_losses_are_exact_shares_of_value_f1() -> None:
    """``Losses``: every gold and engine expression falls in one count (right, missed, typed otherwise, value
    wrong; spurious, type or value wrong on the system side), and 1 - value F1 is their sum over gold + system,
    for every type together and for DATE alone, as ``evaluate`` scores them."""
    mod = bench_module("temporal")
    text = "On Thursday, two weeks later, Friday night, in 1998 and May 5, for years and 2013."
    at = {
        w: (text.index(w), text.index(w) + len(w)) for w in ("Thursday", "two weeks", "Friday night", "1998")
    }
    at |= {w: (text.index(w), text.index(w) + len(w)) for w in ("May 5", "for years", "2013")}
    gold = [
        mod.Timex(*at["Thursday"], "DATE", "2013-03-21", "Thursday"),  # right
        mod.Timex(*at["two weeks"], "DURATION", "P2W", "two weeks"),  # missed
        mod.Timex(*at["Friday night"], "DATE", "2013-03-15", "Friday night"),  # typed TIME by the engine
        mod.Timex(*at["1998"], "DATE", "1998-XX", "1998"),  # value wrong
        mod.Timex(*at["for years"], "DURATION", "PXY", "for years"),  # the engine says DATE: type wrong
    ]
    found = [
        mod.Timex(*at["Thursday"], "DATE", "2013-03-21", "Thursday"),
        mod.Timex(*at["Friday night"], "TIME", "2013-03-15TNI", "Friday night"),
        mod.Timex(at["1998"][0] - 3, at["1998"][1], "DATE", "1998", "in 1998"),  # another extent too
        mod.Timex(*at["May 5"], "DATE", "2013-05-05", "May 5"),  # spurious
        mod.Timex(*at["for years"], "DATE", "PAST_REF", "for years"),
    ]
    every, date = mod.Losses(), mod.Losses()
    every.add(found, gold, None)
    wrong = date.add(found, gold, "DATE")
    assert (every.gold, every.system, every.right, every.missed) == (5, 5, 1, 1)
    assert (every.typed_otherwise, every.value_wrong) == (2, 1)
    assert (every.spurious, every.sys_type_wrong, every.sys_value_wrong) == (1, 2, 1)
    assert (date.gold, date.system, date.right, date.missed, date.typed_otherwise) == (3, 3, 1, 0, 1)
    assert (date.value_wrong, date.extent, date.spurious, date.sys_value_wrong) == (1, 1, 1, 1)
    assert [(s.value, g.value) for s, g in wrong] == [("1998", "1998-XX")]
    doc = mod.Doc("d", dt.date(2013, 3, 22), text, gold)
    scores = mod.evaluate([(doc, found)])
    figures = mod.decompose([(doc, found)])
    assert figures["DATE unmatched"] == {"spurious: engine 9999-99-99": {"n": 1, "docs": 1, "most in one": 1}}
    assert figures["DATE values"] == {
        "granularity: engine 9999 for gold 9999-XX, same year": {"n": 1, "docs": 1, "most in one": 1}
    }
    assert figures["confusion"] == {
        "DATE": {"DATE": 2, "TIME": 1},
        "DURATION": {"none": 1, "DATE": 1},
        "none": {"DATE": 1},
    }
    for losses, score in ((every, scores[0]), (date, scores[1])):
        lost = sum(losses.loss(name) for name in mod.LOSSES)
        assert abs((1 - lost) - score.figures()["value F1"]) < 1e-12
        assert abs(losses.f1() - score.figures()["value F1"]) < 1e-12


def test_value_families_read_values_only() -> None:
    """``value_family`` names a wrong value's family from the two values and the creation day."""
    mod = bench_module("temporal")
    dct = dt.date(1998, 10, 25)

    def family(engine: str, gold: str, earlier: tuple[str, ...] = ()) -> str:
        return mod.value_family(
            mod.Timex(0, 1, "DATE", engine), mod.Timex(0, 1, "DATE", gold), dct, list(earlier)
        )

    assert family("1998", "1998-XX") == "granularity: engine 9999 for gold 9999-XX, same year"
    assert family("1988-Q3", "1988") == "granularity: engine 9999-Q9 for gold 9999, same year"
    assert family("1998", "1992-05-10") == "granularity: engine coarser, another year"
    assert family("1998-10-23", "1998-10-30") == "tense direction (one before, one after the creation day)"
    assert family("1998-10-23", "1998-10-25") == "anchor: the gold is the creation day / month / year"
    assert (
        family("1998-10-23", "1998-10-16", ("1998-10-16",))
        == "anchor: the gold repeats an earlier gold value"
    )
    assert family("1998-10-23", "1998-10-16") == "reference time: other"
    assert family("P3Y", "1995") == "duration for point"


def test_decomposition_of_the_held_out_part_prints_counts_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each part's decomposition, the held-out part's too, is printed as counts: no document's name, no word of
    its text, no expression and no value (a value's shape only, every digit a 9)."""
    tbaq = tmp_path / "data" / "tempeval3-tbaq" / "TimeBank"
    tbaq.mkdir(parents=True)
    for i in range(10):
        name = f"secretdoc{i}"
        doc = (
            _TIMEML.format(name=name)
            .replace("season", "zebracup")
            .replace('value="2013-03-21"', 'value="2013-XX"')
        )
        (tbaq / f"{name}.tml").write_text(doc, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_DATA", str(tmp_path / "data"))
    mod = bench_module("temporal")
    assert mod.main(["--no-baseline", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    held = out[out.index("== heldout: value F1's losses") : out.index("== all:")]
    assert (
        "granularity: engine 9999-99-99 for gold 9999-XX, same year" in held
    )  # Thursday's value, by its shape
    for secret in ("secretdoc", "zebracup", "Thursday", "a month", "2013-", "P1M", "03-21"):
        assert secret not in out


def test_gap_between_parts_by_loss_and_family(capsys: pytest.CaptureFixture[str]) -> None:
    """``show_gap``: the held-out minus development difference of each loss's share of value F1, and of each DATE
    wrong-value family's (a pair costs its gold and its engine expression)."""
    mod = bench_module("temporal")
    day = dt.date(1998, 10, 25)

    def part(engine_value: str) -> dict[str, object]:
        doc = mod.Doc(
            "d",
            day,
            "In 1998 and 1997.",
            [mod.Timex(3, 7, "DATE", "1998-XX"), mod.Timex(12, 16, "DATE", "1997")],
        )
        found = [mod.Timex(3, 7, "DATE", engine_value), mod.Timex(12, 16, "DATE", "1997")]
        return mod.decompose([(doc, found)])

    mod.show_gap(part("1998-XX"), part("1998"))
    out = capsys.readouterr().out
    assert "DATE F1                    1.000     0.500      -0.500" in out
    assert "  value wrong                0.0      25.0       +25.0" in out
    line = next(
        x for x in out.splitlines() if x.startswith("granularity: engine 9999 for gold 9999-XX, same year")
    )
    assert line.split()[-3:] == ["0.0", "50.0", "+50.0"]

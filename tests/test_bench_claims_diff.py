"""bench/claims_diff.py: the seeds' row counts the claims shown by default, and ``-v`` never lists a held-out
split's sentences."""

from __future__ import annotations

from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py

ROOT = Path(__file__).resolve().parents[1]


def test_the_seeds_claims_are_those_shown(tmp_path: Path) -> None:
    mod = bench_module("claims_diff")
    fixtures = tmp_path / "fixtures"
    for sub in ("realworld", "labelled"):
        (fixtures / sub).mkdir(parents=True)
        (fixtures / sub / "labels.toml").write_text("article = []\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shown = "The ministry said on Monday that 40 people had died in the floods in the north of the country."
    hidden = "Critics said he was playing a spoiler by staying in the race."  # 0.37: offered, not shown
    (seeds / "000_a.txt").write_text(f"Floods in the north\n\n{shown}\n\n{hidden}\n", encoding="utf-8")
    rows = mod.claims_of(ROOT, False, fixtures, seeds, tmp_path / "no_checked.tsv")
    assert {(split, text) for split, _f, text, _y in rows} == {("seeds", shown)}


def test_held_out_sentences_are_never_listed() -> None:
    mod = bench_module("claims_diff")
    old = {
        (split, "page.html", f"A sentence of {split} that the change hides.", 0)
        for split in ("dev", "heldout", "fresh", "dev12h", "seeds")
    }
    lines = mod.report(old, set(), verbose=True)
    listed = "\n".join(lines)
    assert "A sentence of dev that" in listed
    assert "A sentence of seeds that" in listed
    for split in ("heldout", "fresh", "dev12h"):
        assert f"A sentence of {split}" not in listed
        assert any(line.split()[:3] == [split, "1", "0"] for line in lines)  # counted all the same
    assert "seeds     shown -1 +0" in lines

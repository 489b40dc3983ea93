"""bench/subjectivity.py reads the CheckThat! task 1 splits from a git repository and scores SUBJ / OBJ sentences."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    return bench_module("subjectivity")


def _repo(root: Path) -> Path:
    """A repository holding a train split (id, sentence, label, solved_conflict) and a labelled test split,
    whose columns come in another order (sentence, label, id), as the lab's files do."""
    data = root / "data" / "english"
    data.mkdir(parents=True)
    (data / "train_en.tsv").write_text(
        "sentence_id\tsentence\tlabel\tsolved_conflict\n"
        "a1\tThe council  approved the budget on Monday.\tOBJ\tFalse\n"
        'a2\tThis paltry fund is a "joke".\tSUBJ\tTrue\n',
        encoding="utf-8",
    )
    (data / "test_en_labeled.tsv").write_text(
        "sentence\tlabel\tsentence_id\nPolice arrested two men in Leeds on Friday.\tOBJ\tb1\n",
        encoding="utf-8",
    )
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "data"], check=True)
    return root


def test_splits_are_read_by_their_column_names_with_quotes_kept(tmp_path: Path) -> None:
    bench = _bench()
    repo = _repo(tmp_path)
    assert bench.read_split(repo, "train", "english") == [
        ("a1", "The council approved the budget on Monday.", "OBJ"),
        ("a2", 'This paltry fund is a "joke".', "SUBJ"),
    ]
    assert bench.read_split(repo, "test", "english") == [
        ("b1", "Police arrested two men in Leeds on Friday.", "OBJ")
    ]


def test_figures_count_shown_sentences_by_label() -> None:
    bench = _bench()
    rows = [("o1", "", "OBJ"), ("o2", "", "OBJ"), ("s1", "", "SUBJ"), ("s2", "", "SUBJ")]
    text, f1 = bench.figures(rows, {"o1": 0.9, "o2": 0.2, "s1": 0.5, "s2": 0.1}, 0.45)
    # shown: o1 and s1; OBJ precision 1/2, recall 1/2
    assert f1 == 0.5
    assert "SUBJ shown 0.50 (1/2)" in text and "OBJ shown 0.50 (1/2)" in text


def test_each_sentence_is_scored_by_the_tree_it_names() -> None:
    bench = _bench()
    rows = [
        ("a1", "Police arrested two men in Leeds on Friday after a robbery.", "OBJ"),
        ("a2", "Hm.", "SUBJ"),
    ]
    scores = bench.scores_of(ROOT, rows, "en")
    assert scores["a1"] >= 0.45 > scores["a2"]

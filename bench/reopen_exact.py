"""Exactness of the incremental regrouping, end to end: after each of six cumulative edits of a batch,
``extract BATCH --json`` with the cache (the groups regrouped from the state the last run left) prints the
same bytes as ``extract BATCH --json --no-cache`` (every article extracted and grouped from scratch), and, with
``--baseline TREE``, as that tree with its own cache.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_exact.py [--n 1000] [--baseline TREE]

The batch is bench/reopen.py's (``--n`` ECB+ articles plus the 110 real pages), in a temporary folder with a
cache per tree filled by a cold run. The edits (``EDITS``, cumulative, each of another kind; the test on a
small batch, tests/test_reopen_exact.py, makes the same ones):
1. a body line added to ``reopen_changed.BODY_ARTICLE``;
2. an article's title changed (its first line);
3. a new article (an ECB+ article past the batch's);
4. an article removed;
5. an article rewritten as garden notes (out of the group it was in: on the reopen batch ``ecb_0280.txt``,
   828 -> 826 groups in round 24);
6. that article restored (back into its group).
Printed per edit: the digests of the three outputs, whether they are identical, and the groups and articles.
Exit status 1 when any output differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GARDEN = "Garden notes\n\nThe tomatoes ripened late this year after a cool spring. Gardeners said the basil did well.\n"


@dataclass(frozen=True)
class Batch:
    """The articles the edits touch (file names in the batch's folder) and the text of the new one."""

    body: str  # gets a body line
    title: str  # gets another first line
    removed: str  # is removed
    moved: str  # is rewritten out of its group, then restored
    new_text: str  # written as ``new.txt``
    line: str = "The police said two men were arrested."


def edits(folder: Path, batch: Batch) -> list[tuple[str, Callable[[], None]]]:
    """The six cumulative edits of ``folder`` (see the module's docstring), each with its name."""
    moved = folder / batch.moved
    kept = moved.read_text(encoding="utf-8")

    def add_line() -> None:
        p = folder / batch.body
        p.write_text(p.read_text(encoding="utf-8") + f"\n\n{batch.line}\n", encoding="utf-8")

    def retitle() -> None:
        p = folder / batch.title
        first, _, rest = p.read_text(encoding="utf-8").partition("\n")
        p.write_text(f"Update: {first.strip()} (corrected)\n{rest}", encoding="utf-8")

    return [
        (f"a body line added ({batch.body})", add_line),
        (f"title changed ({batch.title})", retitle),
        ("new article (new.txt)", lambda: (folder / "new.txt").write_text(batch.new_text, encoding="utf-8")),
        (f"article removed ({batch.removed})", lambda: (folder / batch.removed).unlink()),
        (f"out of its group ({batch.moved} rewritten)", lambda: moved.write_text(GARDEN, encoding="utf-8")),
        (f"back into its group ({batch.moved} restored)", lambda: moved.write_text(kept, encoding="utf-8")),
    ]


def digest(out: bytes) -> str:
    return hashlib.sha1(out).hexdigest()[:12]


def check(
    folder: Path, batch: Batch, runs: dict[str, Callable[[list[str]], bytes]], show: Callable[[str], None]
) -> bool:
    """Make the edits of ``folder`` one by one; after each, ``extract FOLDER --json`` by each of ``runs`` (a
    name -> a runner of the command's arguments, giving its standard output; the first, with its cache) and
    ``--no-cache`` by that first: True when every output was identical after every edit."""
    first = next(iter(runs.values()))
    ok = True
    for name, edit in edits(folder, batch):
        edit()
        outs = {who: run(["extract", str(folder), "--json"]) for who, run in runs.items()}
        outs["scratch"] = first(["extract", str(folder), "--json", "--no-cache"])
        same = len(set(outs.values())) == 1
        ok &= same
        doc = json.loads(outs["scratch"])
        show(
            f"{name}: "
            + " ".join(f"{who} {digest(out)}" for who, out in outs.items())
            + f" identical={'yes' if same else 'NO'} groups={len(doc['groups'])} articles={len(doc['articles'])}"
        )
    return ok


def runner(tree: Path, cache_path: Path) -> Callable[[list[str]], bytes]:
    """``python -m factcheck ARGS`` of ``tree`` with its own cache, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(tree), "FACTCHECK_CACHE": str(cache_path)}

    def run(args: list[str]) -> bytes:
        r = subprocess.run(
            [sys.executable, "-m", "factcheck", *args],
            env=env,
            capture_output=True,
            cwd=tempfile.gettempdir(),
        )
        if r.returncode != 0:
            raise SystemExit(f"{tree}: factcheck {' '.join(args)} failed:\n{r.stderr.decode()[-2000:]}")
        return r.stdout

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--baseline", type=Path, help="another tree, run with its own cache beside this one")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from extract import corpus, write_reopen_batch  # type: ignore[import-not-found]
    from reopen_changed import BODY_ARTICLE  # type: ignore[import-not-found]

    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-exact-"))
    try:
        texts = corpus(args.n + 1)
        folder = tmp / "batch"
        write_reopen_batch(folder, texts[: args.n])
        trees = {"incremental": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
        runs = {who: runner(tree, tmp / f"{who}.sqlite3") for who, tree in trees.items()}
        for run in runs.values():  # (cold: fills each tree's cache)
            run(["extract", str(folder), "--json"])
        moved = "ecb_0280.txt" if args.n > 280 else f"ecb_{args.n // 2:04d}.txt"
        batch = Batch(
            body=BODY_ARTICLE,
            title="ecb_0010.txt",
            removed="ecb_0020.txt",
            moved=moved,
            new_text=texts[args.n],
        )
        ok = check(folder, batch, runs, lambda line: print(line, flush=True))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("all identical" if ok else "DIFFERENCES")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""What a reviewer is told about their progress on a big batch, this tree beside another (the round's start).

    python bench/review_counts.py --corpus DIR --base TREE [--cache FILE] [--every 23]

A session is made on the batch DIR (e.g. PolNeAR's 1,008 records of ``bench/stream_polnear.py
--write-records``) with this tree's ``Review``: the first claim shown of every ``--every``-th article decided
(confirmed, every third one disputed) and two claims under the check-worthiness threshold confirmed. Then each
tree, in its own processes on the same session and extraction cache (``--cache``: a cache already warmed on
the batch, copied), runs:

- ``factcheck status SESSION``: its headline ("N of M claims reviewed") and hidden line;
- ``factcheck status SESSION --json``: the claims counted and hidden;
- ``factcheck report SESSION -o FILE`` (every claim) and ``--decided`` (in a tree that has it): the Markdown
  report's size in bytes and lines, and its "Reviewed" line;
- ``factcheck extract DIR --json`` (``--extract``): the claims ``extract`` shows, for comparison.

Printed side by side. No labelled data: nothing is tuned on the batch.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _make_session(path: Path, corpus: Path, every: int) -> int:
    from factcheck.model import Verdict
    from factcheck.review import Review

    r = Review.open(path, [str(corpus)], reviewer="bench")
    made = low_made = 0
    try:
        for i, a in enumerate(r.corpus.articles[::every]):
            claims = r.claims(a.key)
            shown = [c for c in claims if r.corpus.is_shown(c)]
            if shown:
                r.mark(shown[0].id, Verdict.DISPUTED if i % 3 == 0 else Verdict.CONFIRMED)
                made += 1
            low = [c for c in claims if not r.corpus.is_shown(c)]
            if low and low_made < 2:
                r.mark(low[0].id, Verdict.CONFIRMED)
                low_made += 1
        r.save()
    finally:
        r.close()
    return made + low_made


def _run(tree: Path, args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    p = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**env, "PYTHONPATH": str(tree)},
        timeout=3600,
        check=False,
    )
    return p.returncode, p.stdout, p.stderr


def _measure(tree: Path, session: Path, corpus: Path, env: dict[str, str], tmp: Path, extract: bool) -> dict:
    out: dict[str, object] = {}
    _, text, _ = _run(tree, ["status", str(session)], env, tmp)
    lines = text.splitlines()
    out["status headline"] = lines[0].split(": ", 1)[1].split(";")[0] if lines else "-"
    out["status hidden line"] = next((ln for ln in lines if ln.startswith("hidden:")), "-")
    _, text, _ = _run(tree, ["status", str(session), "--json"], env, tmp)
    st = json.loads(text)
    out["status --json: counted"] = sum(st["progress"].values())
    out["status --json: hidden"] = st.get("hidden", "-")
    for name, extra in (("report (every claim)", []), ("report --decided", ["--decided"])):
        target = tmp / f"{tree.name}-{len(extra)}.md"
        code, _, err = _run(tree, ["report", str(session), "-o", str(target), *extra], env, tmp)
        if code != 0:
            out[name] = "-" if "--decided" in err else f"exit {code}"
            continue
        data = target.read_bytes()
        head = next((ln for ln in data.decode().splitlines() if ln.startswith("- Reviewed:")), "-")
        lines = data.count(b"\n")
        out[name] = f"{len(data):,} bytes, {lines:,} lines; {head}"
    if extract:
        _, text, _ = _run(tree, ["extract", str(corpus), "--json"], env, tmp)
        doc = json.loads(text)
        out["extract --json: claims shown"] = sum(len(a["claims"]) for a in doc["articles"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="the batch (a folder of articles)")
    ap.add_argument("--base", type=Path, required=True, help="the baseline tree (the round's start)")
    ap.add_argument("--cache", type=Path, help="an extraction cache already warmed on the batch (copied)")
    ap.add_argument("--every", type=int, default=23, help="decide a claim of every N-th article")
    ap.add_argument("--extract", action="store_true", help="also count the claims `extract` shows")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fc-review-counts-"))
    env = {**os.environ, "FACTCHECK_CACHE": str(tmp / "cache.sqlite3"), "FACTCHECK_CONFIG": str(tmp / "none")}
    os.environ.update({k: env[k] for k in ("FACTCHECK_CACHE", "FACTCHECK_CONFIG")})
    if a.cache is not None:
        shutil.copy(a.cache, tmp / "cache.sqlite3")
    try:
        sys.path.insert(0, str(ROOT))
        session = tmp / "session.toml"
        n = _make_session(session, a.corpus.resolve(), a.every)
        print(f"corpus: {a.corpus}; session: {n} decisions (2 on claims under the threshold)")
        results = {
            name: _measure(tree.resolve(), session, a.corpus.resolve(), env, tmp, a.extract)
            for name, tree in (("this tree", ROOT), ("baseline", a.base))
        }
        for key in results["this tree"]:
            print(f"{key}:")
            for name, res in results.items():
                print(f"  {name:10} {res.get(key, '-')}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Instructions per article, stage by stage, of the extraction pipeline (callgrind): a load-independent figure.

On a shared machine, wall and CPU time vary 8-25% between runs of the same code, so a change of a few percent
cannot be seen in ``bench/extract.py``'s rates; instruction counts can. For each code tree given, this runs the
first ``--n`` articles of ``bench/extract.py``'s corpus through ingest, ``temporal.tag`` and the claims stage in
a child process under valgrind's callgrind (``PYTHONPATH=TREE``), and dumps callgrind's counters at each stage
boundary, so each stage's count is its own. As in ``bench/extract.py``, the pipeline is warmed up first and the
package's caches of results are cleared before the measured pass (its data stays loaded); the articles also go through the whole pipeline once
before it, so that one-time costs (regexes compiled on first use) stay out, as in the bench's later passes.

``--parts`` also measures what two libraries cost inside ingest, each in its own run: ingest again with
language detection (py3langid) answered from a table filled in the warm-up pass, and with the dates dateparser
read kept from that pass. The answers are the same, so the rest of ingest does the same work: the difference
with the plain run is the cost of the library's calls.

    python bench/extract_instructions.py TREE [TREE ...] [--n 100] [--parts]

Needs valgrind (``valgrind`` and ``callgrind_control`` on PATH). Data as ``bench/extract.py`` (env FACTCHECK_DATA).
A run of 100 articles takes a few minutes (callgrind is ~50x slower than the plain interpreter).
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("ingest", "temporal.tag", "claims")
MODES = ("plain", "no-detect", "no-dateparser")
# The parameters of a cached function that name languages only (bench/extract.py's ``LANGUAGE_PARAMETERS``).
LANGUAGE_PARAMETERS = frozenset({"lang", "langs", "also"})


def holds_data(fn: functools._lru_cache_wrapper) -> bool:  # type: ignore[type-arg]
    """``holds_data`` of bench/extract.py (the caches its ``clear_caches`` keeps: the package's data, read
    once per process), here for the child, which imports the tree's package and not the bench."""
    if fn.__module__ == "factcheck.lang":
        return True
    return set(inspect.signature(fn.__wrapped__).parameters) <= LANGUAGE_PARAMETERS  # type: ignore[attr-defined]


def child(tree: Path, texts_file: Path, mode: str) -> None:
    """Runs under callgrind: the measured pass, with a counter dump at each stage boundary."""
    sys.path.insert(0, str(tree))
    sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]

    from factcheck import dates, extract, ingest, temporal  # the tree's package, imported before the bench's

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    keys = [(f"a{i}.txt", t) for i, t in enumerate(texts)]

    def run_all() -> None:
        arts = [ingest.article_from_text(t, path=k, key=k) for k, t in keys]
        tms = [temporal.tag(a.text, a.published) for a in arts]
        for a, tm in zip(arts, tms, strict=True):
            extract.extract(a, times=tm)

    detect = ingest.langres.detect
    detected: dict[tuple[str, object], object] = {}

    def recording_detect(text: str, *args: object, **kw: object) -> object:
        got = detected[(text, args, tuple(sorted(kw.items())))] = detect(text, *args, **kw)
        return got

    ingest.langres.detect = recording_detect  # type: ignore[assignment]
    for phrase in ("Published 14 January 2020, 9:21 AM EST", "05 / 03 / 2013 at 11: 00 AM EDT"):
        dates.parse_date_text(phrase, languages=("en",))
    run_all()  # warm-up pass: one-time costs out of the measured pass
    ingest.langres.detect = detect  # type: ignore[assignment]
    keep = getattr(dates, "_parse", None) if mode == "no-dateparser" else None
    for name, mod in list(sys.modules.items()):
        if name == "factcheck" or name.startswith("factcheck."):
            for v in vars(mod).values():
                if isinstance(v, functools._lru_cache_wrapper) and v is not keep and not holds_data(v):
                    v.cache_clear()
    if mode == "no-detect":
        ingest.langres.detect = lambda text, *args, **kw: detected[(text, args, tuple(sorted(kw.items())))]  # type: ignore[assignment]

    def dump(label: str) -> None:
        subprocess.run(["callgrind_control", "-d", label, str(os.getpid())], check=True, capture_output=True)

    dump("start")
    arts = [ingest.article_from_text(t, path=k, key=k) for k, t in keys]
    dump("ingest")
    if mode != "plain":
        return
    tms = [temporal.tag(a.text, a.published) for a in arts]
    dump("temporal.tag")
    for a, tm in zip(arts, tms, strict=True):
        extract.extract(a, times=tm)
    dump("claims")


def measure(tree: Path, texts: list[str], mode: str) -> dict[str, int]:
    """Instructions of each stage over the articles ``texts``, run under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        texts_file = out / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        cmd = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}/cg.%p",
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            str(tree),
            "--texts",
            str(texts_file),
            "--mode",
            mode,
        ]
        env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
        res = subprocess.run(cmd, env=env, capture_output=True, check=False)
        if res.returncode != 0:
            sys.exit(f"extract_instructions: {tree} ({mode}) failed: {res.stderr.decode()[-800:]}")
        counts: dict[str, int] = {}
        for f in out.glob("cg.*.*"):
            label = total = None
            with f.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if line.startswith("desc: Trigger: Client Request: dump") or line.startswith(
                        "desc: Trigger: dump"
                    ):
                        label = line.rsplit("dump", 1)[1].strip()
                    elif line.startswith("summary:"):
                        total = int(line.split()[1])
                        break
            if label in STAGES and total is not None:
                counts[label] = total
        return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="*", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--parts", action="store_true", help="also the cost of language detection and dateparser")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--mode", choices=MODES, default="plain", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child.resolve(), args.texts, args.mode)
        return 0
    if not args.trees:
        ap.error("give one code tree or more (e.g. /tmp/base_tree .)")
    for tool in ("valgrind", "callgrind_control"):
        if shutil.which(tool) is None:
            sys.exit(f"extract_instructions: {tool} not found (install valgrind)")
    sys.path.insert(0, str(HERE))
    import extract as bench  # bench/extract.py: its corpus (built here, not under callgrind)

    texts = bench.corpus(args.n)
    for tree in args.trees:
        tree = tree.resolve()
        c = measure(tree, texts, "plain")
        per = {s: c.get(s, 0) / len(texts) / 1e6 for s in STAGES}
        print(
            f"{tree}: million instructions per article ({len(texts)} articles): "
            + ", ".join(f"{s} {per[s]:.2f}" for s in STAGES)
            + f"; whole {sum(per.values()):.2f}"
        )
        if args.parts:
            for mode, what in (("no-detect", "language detection"), ("no-dateparser", "dateparser")):
                without = measure(tree, texts, mode).get("ingest", 0) / len(texts) / 1e6
                part = per["ingest"] - without
                print(
                    f"  {what} in ingest: {part:.2f} ({100 * part / per['ingest']:.0f}% of ingest, "
                    f"{100 * part / sum(per.values()):.1f}% of the whole)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

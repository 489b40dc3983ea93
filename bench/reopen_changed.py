"""One changed article against warm unchanged, in fresh processes: the part of bench/reopen.py that #22's last
target is about, without its cold and loading runs, on this tree beside a baseline tree in the same run.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_changed.py [--n 1000] [--baseline TREE]

Each tree gets its own copy of bench/reopen.py's batch (``--n`` ECB+ articles plus the 110 real pages) and its
own cache; the two run at the same time (same machine load). Per tree: ``extract --json`` cold (to fill the
cache), then warm unchanged and one article changed, each in a fresh process, for ``extract --json``, ``mark``
and ``status``, and the review TUI (headless, bench/tui.py's child); ``report`` cold (a cache of its own, empty),
warm (in each of ``REPORT_FORMATS``) and after one change (Markdown; issue #22 names it beside ``status`` and
``mark``); the result after the change compared with
``--no-cache``; the in-process split of one more change (reading + extraction, reading the grouping state,
regrouping, saving; regrouping from scratch beside it), and of an edit the extractor reads as page furniture
(``FURNITURE_ARTICLE``: what the bench edited until round 11, which understates a real edit);
the cache's bytes per claim; the reference a change is measured against, "one article's work" (the same change
of the same article alone in its batch, ``extract --json`` changed minus warm: ``one_article_alone``), each command's change
printed as a multiple of it; then successive edits of one body article, each regrouped in process
(``successive_edits``: the typical and the worst edit). CPU seconds (wall beside).
A baseline tree is a checkout of another commit (``git archive main | tar -x -C /tmp/base``); its own
bench/reopen.py helpers are used, so it measures that tree's code.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


# The changes made to one article, one per fresh-process case; bench/reopen.py uses the same ones.
CHANGED_LINES = (
    "The ministry said on Friday that 40 people were hurt.",
    "The police said two men were arrested.",
    "A spokesman said the road would reopen on Monday.",
    "Witnesses said the fire started shortly after midnight.",
    "The mayor said 12 families had been moved to a school.",
)


# The article every measured change edits: one with a body (bench/extract.py's corpus order). An edit of a body
# moves document frequencies, and with them the vectors of every article using the words it adds (the stories'
# batch-wide part): the case a reviewer meets. Lines appended to ``ecb_0000.txt`` are read as page furniture
# (another article follows its own), so they change no story's words: measured apart, as the cheap case.
BODY_ARTICLE = "ecb_0003.txt"
FURNITURE_ARTICLE = "ecb_0000.txt"
FURNITURE_LINE = "The police said two men were arrested."
# The change measured for ``edit`` (after the others, so they measure what they always did): appended to the
# body article like ``CHANGED_LINES`` (``successive_edits`` cuts it off with them).
EDIT_LINE = "Officials said the bridge would stay closed for a week."
# The change measured for ``report`` (after the TUI's, before the splits; likewise cut off).
REPORT_LINE = "A hospital spokeswoman said three people were still being treated."
# ``factcheck report``'s formats the benches time warm (Markdown, the default, is also timed cold and changed).
REPORT_FORMATS = ("md", "json", "csv")


def report_text(text: str, *paths: Path) -> str:
    """A report's output with what differs from run to run cut out: the time it was generated (the
    ``Generated`` line, the JSON ``generated`` field) and the given temporary paths (as ``BATCH``)."""
    import re

    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", "T", text)
    for k, p in enumerate(paths):
        text = text.replace(str(p), f"PATH{k}")
    return text


def article_changer(one: Path) -> Callable[[], None]:
    """A function that appends the next of ``CHANGED_LINES`` to the article ``one`` as a new paragraph."""
    lines = iter(CHANGED_LINES)

    def change() -> None:
        one.write_text(one.read_text(encoding="utf-8") + f"\n\n{next(lines)}\n", encoding="utf-8")

    return change


def successive_edits(folder: Path, cache_path: Path, article: str) -> list[dict[str, Any]]:
    """Edits one after another of one body article, each regrouped in this process as a fresh process does it
    (reading the batch, the grouping state the last grouping left, regrouping, saving): the article back to
    its text before ``article_changer`` (regrouped, untimed), then each of ``CHANGED_LINES`` appended. What one
    edit costs depends on what it moves (a blocking key across its cap, a story): the fifth line once made the
    regrouping cost ~7 CPU s in both trees (a key across its cap). Per edit: CPU seconds of reading the state,
    regrouping and saving, and the state's counts (pairs scored, parts reused) when the tree keeps them; the
    last regrouping is compared with one from scratch."""
    from factcheck import cache, grouping, pipeline

    one = folder / article
    text = one.read_text(encoding="utf-8")
    one.write_text(text[: text.index(f"\n\n{CHANGED_LINES[0]}\n")], encoding="utf-8")

    def regroup() -> tuple[dict[str, Any], Any, Any]:
        store = cache.Cache(cache_path)
        corpus = pipeline.build([str(folder)], group=False, cache=store)
        with pipeline.collector_paused():
            t0 = time.process_time()
            state = pipeline.load_grouping_state(corpus, store)
            pipeline.with_content_keys(corpus, state)
            t1 = time.process_time()
            arts = {a.key: a for a in corpus.articles}
            groups = grouping.group_claims(corpus.all_claims(), arts, state=state)
            t2 = time.process_time()
            assert state is not None
            pipeline.save_grouping_state(corpus, store, state)
            t3 = time.process_time()
        store.close()
        return {"load": t1 - t0, "regroup": t2 - t1, "save": t3 - t2, **state.stats}, corpus, groups

    regroup()
    change = article_changer(one)
    out = []
    for _line in CHANGED_LINES:
        change()
        got, corpus, groups = regroup()
        out.append(got)
    with pipeline.collector_paused():
        scratch = grouping.group_claims(corpus.all_claims(), {a.key: a for a in corpus.articles})
    out[-1]["same"] = [g.to_json() for g in groups] == [g.to_json() for g in scratch]
    return out


def one_article_alone(run: Callable[..., Any], name: str, text: str, tmp: Path, env: dict[str, str]) -> float:
    """The reference a change is measured against: the same change made to the same article when it is alone
    in its batch, in fresh processes. The article (``name``, its text before the bench's changes) is put alone
    in a folder and ``extract --json`` runs on it cold (an empty cache of its own: this tells and remembers its
    language, as the big batch's cold run did); then the bench's first change is made and ``extract --json``
    runs again (the change), and once more (warm). The change minus warm is what one article's change costs
    a fresh process when nothing else is in the batch: reading it, extracting it, its near-duplicate shingles,
    grouping its claims and saving the state, with the loads any extraction pays in a fresh process (the time
    tagger's rules), but not the imports and output a warm run pays too. Median CPU seconds of three
    (``run``: bench/reopen.py's)."""
    costs = []
    for k in range(3):
        folder = tmp / f"alone{k}"
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        env1 = {**env, "FACTCHECK_CACHE": str(tmp / f"alone-cache{k}" / "cache.sqlite3")}
        run(["extract", str(folder), "--json"], env1)
        article_changer(folder / name)()
        changed = run(["extract", str(folder), "--json"], env1)
        warm = run(["extract", str(folder), "--json"], env1)
        costs.append(changed[1] - warm[1])
    return sorted(costs)[1]


def _session_digest(session: Path) -> str:
    """A digest of a session's files (the session and its history) with their times cut out, and the
    checksums made over those times: what two trees saved for the same commands, compared byte for byte."""
    import hashlib
    import re

    h = hashlib.sha1()
    for f in sorted(session.parent.glob(session.stem + ".*toml")):
        h.update(f.name.encode())
        text = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", b"T", f.read_bytes())
        h.update(re.sub(rb"(?m)^(crc|checksum|content|part\.\S+) = .*$", b"", text))
    return h.hexdigest()[:16]


def measure(tree: Path, n: int) -> None:
    """Measure ``tree`` (run as a child: this process imports that tree's code) and print its lines."""
    sys.path[:0] = [str(tree / "bench"), str(tree)]
    import reopen  # type: ignore[import-not-found]  # (the tree's own bench helpers)
    from extract import corpus, write_reopen_batch  # type: ignore[import-not-found]

    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-changed-"))
    try:
        folder = tmp / "batch"
        write_reopen_batch(folder, corpus(n))
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp / "cache" / "cache.sqlite3"), "PYTHONPATH": str(tree)}
        session = tmp / "sessions" / "batch.toml"
        cold = reopen.run(["extract", str(folder), "--json"], env)
        warm = reopen.run(["extract", str(folder), "--json"], env)
        doc = json.loads(warm[2])
        first = doc["articles"][0]["claims"][0]["id"]
        n_claims = sum(len(a["claims"]) for a in doc["articles"])
        reopen.run(["mark", str(session), first, "confirmed", "--corpus", str(folder)], env)
        warm_mark = reopen.run(["mark", str(session), first, "disputed"], env)
        warm_status = reopen.run(["status", str(session)], env)
        warm_edit = reopen.run(["edit", str(session), "--claim", first, "--speaker", "A. Spokesman"], env)
        # report: cold (a cache of its own, empty), then warm in each format
        cold_env = {**env, "FACTCHECK_CACHE": str(tmp / "cache-cold" / "cache.sqlite3")}
        cold_report = reopen.run(["report", str(session)], cold_env)
        warm_reports = {f: reopen.run(["report", str(session), "--format", f], env) for f in REPORT_FORMATS}
        report_cached = report_text(cold_report[2], tmp) == report_text(warm_reports["md"][2], tmp)
        tui_warm = reopen.tui(folder, session, env)
        one = folder / BODY_ARTICLE
        original = one.read_text(encoding="utf-8")
        change = article_changer(one)

        change()
        ch_x = reopen.run(["extract", str(folder), "--json"], env)
        plain = reopen.run(["extract", str(folder), "--json", "--no-cache"], env)
        change()
        ch_m = reopen.run(["mark", str(session), first, "confirmed"], env)
        change()
        ch_s = reopen.run(["status", str(session)], env)
        change()
        tui_ch = reopen.tui(folder, session, env)
        # (before the in-process splits: after the state a split saves, the next report paid ~4-5 CPU s more, in
        # every tree, round 35 (why is not known yet); a reviewer's last grouping is a command's)
        one.write_text(one.read_text(encoding="utf-8") + f"\n\n{REPORT_LINE}\n", encoding="utf-8")
        ch_r = reopen.run(["report", str(session)], env)
        change()
        split = reopen.split_one_change(folder, tmp / "cache" / "cache.sqlite3")
        furniture = folder / FURNITURE_ARTICLE
        furniture.write_text(
            furniture.read_text(encoding="utf-8") + f"\n\n{FURNITURE_LINE}\n", encoding="utf-8"
        )
        split_furniture = reopen.split_one_change(folder, tmp / "cache" / "cache.sqlite3")
        one.write_text(one.read_text(encoding="utf-8") + f"\n\n{EDIT_LINE}\n", encoding="utf-8")
        ch_e = reopen.run(["edit", str(session), "--claim", first, "--speaker", "B. Spokesman"], env)
        size = sum(p.stat().st_size for p in (tmp / "cache").iterdir())
        alone = one_article_alone(reopen.run, BODY_ARTICLE, original, tmp, env)
        edits = successive_edits(folder, tmp / "cache" / "cache.sqlite3", BODY_ARTICLE)
        print(f"tree {tree}: {len(list(folder.iterdir()))} articles, {n_claims} claims")
        print(
            f"  extract --json cold {cold[1]:.2f} CPU s; --no-cache after the change {plain[1]:.2f};"
            f" identical with and without the cache: {'yes' if ch_x[2] == plain[2] else 'NO'}"
        )
        print(
            f"  one article's work (the same change of {BODY_ARTICLE} alone in its batch, extract --json"
            f" changed - warm, median of 3):"
            f" {alone:.2f} CPU s"
        )
        for name, w, c in (
            ("extract --json", warm, ch_x),
            ("mark", warm_mark, ch_m),
            ("status", warm_status, ch_s),
            ("edit --speaker", warm_edit, ch_e),
            ("report", warm_reports["md"], ch_r),
        ):
            print(
                f"  {name:<15} warm {w[1]:5.2f} CPU s ({w[0]:5.1f} wall)   one changed {c[1]:5.2f} ({c[0]:5.1f} wall)"
                f" = warm + {c[1] - w[1]:.2f} = {(c[1] - w[1]) / max(alone, 0.01):.1f} x one article's work"
            )
        warm_cells = ", ".join(
            f"{f} {w[1]:.2f} ({w[0]:.1f} wall, {w[1] / cold_report[1]:.3f}x cold)"
            for f, w in warm_reports.items()
        )
        print(
            f"  report          cold {cold_report[1]:.2f} CPU s ({cold_report[0]:.1f} wall); warm CPU s: {warm_cells};"
            f" cold and warm identical: {'yes' if report_cached else 'NO'}"
        )
        # (compared across the trees by main: the same commands save the same session and print the same)
        print(
            f"  saved session {_session_digest(session)}; extract --json after the change"
            f" {_digest(ch_x[2].replace(str(folder), 'BATCH'))}; report warm"
            f" {' '.join(_digest(report_text(w[2], tmp)) for w in warm_reports.values())}, after the change"
            f" {_digest(report_text(ch_r[2], tmp))}"
        )
        print(
            f"  TUI filled      warm {tui_warm['filled']:5.2f} s wall ({tui_warm['cpu']:.2f} CPU)   one changed"
            f" {tui_ch['filled']:5.2f} s ({tui_ch['cpu']:.2f} CPU); first article {tui_warm['first']:.2f} / {tui_ch['first']:.2f} s;"
            # (a baseline tree's bench/reopen.py may time no groups apart: its screen fills once grouped)
            f" groups shown {tui_warm.get('grouped', tui_warm['filled']):.2f} / {tui_ch.get('grouped', tui_ch['filled']):.2f} s"
        )
        print(
            f"  split (CPU s): reading + extraction {split['read']:.2f}"
            + (f" (extraction {split['extract']:.2f})" if "extract" in split else "")
            + f", reading the state {split['load']:.2f},"
            f" regrouping {split['regroup']:.2f}, saving {split['save']:.2f}; from scratch {split['scratch']:.2f};"
            f" whole state saved {split['save_all']:.2f}; groups identical: {'yes' if split['same'] else 'NO'}"
        )
        print(
            f"  split after an edit read as furniture ({FURNITURE_ARTICLE}, CPU s): reading the state"
            f" {split_furniture['load']:.2f}, regrouping {split_furniture['regroup']:.2f},"
            f" saving {split_furniture['save']:.2f}; from scratch {split_furniture['scratch']:.2f};"
            f" groups identical: {'yes' if split_furniture['same'] else 'NO'}"
        )
        print(f"  successive edits of {BODY_ARTICLE}, each regrouped in process (CPU s):")
        for k, e in enumerate(edits, 1):
            counts = (
                f"; pairs scored {e['pairs_scored']:,}, parts reused {e['parts_reused']} of {e['parts']}"
                if "parts" in e
                else ""
            )
            if "story_vectors_moved" in e:
                counts += f", stories' article vectors moved {e['story_vectors_moved']}"
            print(
                f"    edit {k}: reading the state {e['load']:.2f}, regrouping {e['regroup']:.2f},"
                f" saving {e['save']:.2f}{counts}"
            )
        regroups = sorted(e["regroup"] for e in edits)
        worst = max(range(len(edits)), key=lambda k: edits[k]["regroup"])
        print(
            f"    regrouping: typical (median) {regroups[len(regroups) // 2]:.2f}, worst {regroups[-1]:.2f}"
            f" (edit {worst + 1}); the last edit's groups identical to scratch:"
            f" {'yes' if edits[-1]['same'] else 'NO'}"
        )
        print(
            f"  cache {size / max(n_claims, 1):.0f} bytes/claim (grouping state"
            f" {split['state_bytes'] / max(n_claims, 1):.0f})"
        )
        sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()[:16]


def run_trees(
    script: str, description: str, measure_tree: Callable[[Path, int], None], marker: str, same_what: str
) -> int:
    """The command line of a bench that measures this tree (and ``--baseline TREE``) each in a child process
    of ``script`` at once (``measure_tree(tree, n)`` in the child), prints each child's output and whether the
    lines that open with ``marker`` (digests of outputs) are the same in both trees (``same_what``)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--baseline", type=Path, help="another tree measured in the same run")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        measure_tree(args.child.resolve(), args.n)
        return 0
    trees = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    from extract import compile_tree

    for t in trees:  # (each tree's modules read compiled in every process timed)
        compile_tree(t)
    procs = [
        subprocess.Popen(
            [sys.executable, script, "--n", str(args.n), "--child", str(t)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for t in trees
    ]
    ok = True
    digests = []
    for t, p in zip(trees, procs, strict=True):
        out, _ = p.communicate()
        print(("this tree" if t == ROOT else "baseline") + ":")
        print(out, end="")
        ok = ok and p.returncode == 0
        digests.append([line for line in out.splitlines() if line.startswith(marker)])
    if len(digests) == 2:
        same = digests[0] == digests[1] and bool(digests[0])
        print(f"{same_what} identical to the baseline's: {'yes' if same else 'NO'}")
    return 0 if ok else 1


def main() -> int:
    return run_trees(
        __file__,
        __doc__.splitlines()[0],
        measure,
        "  saved session ",
        "saved sessions and extract --json output",
    )


if __name__ == "__main__":
    sys.exit(main())

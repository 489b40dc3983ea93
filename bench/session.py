"""Save/load of a review session with 20,000 decisions (each with a note) and their history.

Prints milliseconds and file size for factcheck's session format (plain TOML, schema 3: saved atomically
and verified by parsing it back; loaded with every value checked), beside baselines measured in the same
run on the same data: ``json.dump`` + ``json.load`` written non-atomically, and the same content as one
TOML document written with tomli-w and read with the standard library's tomllib. Also the first undo of a
review whose session holds that many history rows (the undo stack is built from them on first use).

    /work/venv/bin/python bench/session.py [--decisions N] [--repeat R]

Target: save <= 1 s and load <= 1 s at 20,000 decisions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import tomli_w

from factcheck import pipeline
from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.session import fileformat
from factcheck.session.records import jsonable

WORDS = (
    "the minister said on Tuesday that talks would resume next week after officials in Kyiv and Moscow "
    "confirmed 3.4% growth “according to” sources who asked not to be named it's unclear whether"
).split()


def make_session(n: int, seed: int = 1, history_per_decision: int = 1) -> sess.SessionData:
    rnd = random.Random(seed)
    now = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
    data = sess.SessionData(reviewer="alice", created=now, corpus=["../corpus"])
    n_articles = max(1, n // 100)
    for a in range(n_articles):
        key = f"outlet{a % 17}/2025-03-{a % 28 + 1:02d}-story-{a}.txt"
        data.articles[key] = sess.ArticleRecord(key, f"{rnd.getrandbits(64):016x}")
    keys = list(data.articles)
    verdicts = [Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.SUPERSEDED]
    step = 0
    for i in range(n):
        cid = f"c{rnd.getrandbits(40):010x}"
        art = keys[i % n_articles]
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(12, 40)))[: sess.TEXT_KEEP]
        note = "\n".join(
            " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 14))) for _ in range(rnd.randint(1, 3))
        )
        v = verdicts[i % 3]
        at = now + dt.timedelta(seconds=i * 7)
        d = sess.Decision(
            claim_id=cid,
            article=art,
            text=text,
            verdict=v,
            superseded_by=f"c{rnd.getrandbits(40):010x}" if v == Verdict.SUPERSEDED else None,
            note=note,
            reviewer="alice",
            updated=at,
        )
        data.decisions[cid] = d
        # As `factcheck mark ID VERDICT --note TEXT` records it: one history entry with before/after.
        before: dict[str, object] = {"verdict": "unreviewed", "note": ""}
        after: dict[str, object] = {"verdict": str(v), "note": note}
        if d.superseded_by:
            before["superseded_by"], after["superseded_by"] = "", d.superseded_by
        for _ in range(history_per_decision):
            step += 1
            data.add_history(sess.HistoryEntry(step, at, "alice", "mark", "decision", cid, before, after))
    return data


def plain(data: sess.SessionData) -> dict[str, object]:
    """The same content as plain JSON/TOML-able structures (for the baselines)."""
    return {
        "schema": 2,
        "reviewer": data.reviewer,
        "corpus": data.corpus,
        "articles": {k: {"fingerprint": a.fingerprint} for k, a in data.articles.items()},
        "decisions": {
            cid: jsonable(dict(d.to_row(), article=d.article)) for cid, d in data.decisions.items()
        },
        "history": [h.to_dict() for h in data.history],
    }


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--decisions", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--history", type=int, default=1, help="history entries per decision (default 1)")
    ap.add_argument("--no-toml-baseline", action="store_true", help="skip the slow all-TOML baseline")
    args = ap.parse_args()
    data = make_session(args.decisions, history_per_decision=args.history)
    doc = plain(data)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.toml"
        state: list[sess.FileState | None] = [None]

        def save() -> None:
            state[0] = sess.save(path, data, expected=state[0])

        save()  # the first save renders and verifies every row; later ones only what changed
        save_ms = timed(save, args.repeat)
        load_ms = timed(lambda: sess.load(path), args.repeat)
        first_save: list[float] = []
        for _ in range(args.repeat):  # the first save after loading: every row rendered and verified
            fresh = sess.load(path)
            t0 = time.perf_counter()
            sess.save(path, fresh)
            first_save.append(time.perf_counter() - t0)
        first_ms = statistics.median(first_save) * 1000
        text = path.read_text(encoding="utf-8")
        parse_ms = timed(lambda: tomllib.loads(text), args.repeat)  # the floor: tomllib alone on our file
        loaded = sess.load(path)
        assert loaded.decisions == data.decisions and loaded.history == data.history

        def first_undo() -> None:
            review = Review(
                path, sess.load(path), pipeline.Corpus(paths=[]), reviewer="alice", readonly=False
            )
            t = time.perf_counter()
            assert review.undo()
            undo_times.append(time.perf_counter() - t)

        undo_times: list[float] = []
        for _ in range(args.repeat):
            first_undo()
        undo_ms = statistics.median(undo_times) * 1000
        size = path.stat().st_size

        jpath = folder / "bench.json"

        def jsave() -> None:
            with open(jpath, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)

        def jload() -> None:
            with open(jpath, encoding="utf-8") as f:
                json.load(f)

        jsave_ms = timed(jsave, args.repeat)
        jload_ms = timed(jload, args.repeat)
        jsize = jpath.stat().st_size

        rows = [
            ("factcheck session (atomic, verified)", save_ms, load_ms, size),
            ("json.dump/json.load (baseline)", jsave_ms, jload_ms, jsize),
        ]
        if not args.no_toml_baseline:
            tpath = folder / "naive.toml"
            tdoc = dict(doc)

            def tsave() -> None:
                tpath.write_text(tomli_w.dumps(tdoc, multiline_strings=True), encoding="utf-8")

            def tload() -> None:
                tomllib.loads(tpath.read_text(encoding="utf-8"))

            r = max(1, args.repeat // 3)
            rows.append(("same content, tomli-w/tomllib", timed(tsave, r), timed(tload, r), 0))
            rows[-1] = (*rows[-1][:3], tpath.stat().st_size)

    n_hist = len(data.history)
    parser = "rtoml" if fileformat._rtoml is not None else "tomllib"
    print(
        f"session with {args.decisions:,} decisions (each with a note) and {n_hist:,} history entries; median of runs"
    )
    print(f"{'format':40} {'save ms':>9} {'load ms':>9} {'size KB':>9}   vs json (save/load)")
    for name, s, ld, sz in rows:
        print(f"{name:40} {s:9.1f} {ld:9.1f} {sz / 1024:9.0f}   {s / jsave_ms:4.1f}x / {ld / jload_ms:4.1f}x")
    print(
        f"(for scale: tomllib.loads of the whole session file takes {parse_ms:.1f} ms; factcheck parses it with {parser})"
    )
    print(
        f"first save after loading (every row rendered and verified): {first_ms:.1f} ms; the save row above is"
    )
    print("an autosave of a session already saved once (only changed rows rendered and verified)")
    print(f"first undo with {n_hist:,} history rows: {undo_ms:.1f} ms (building the undo stack included)")
    ok = max(save_ms, first_ms) <= 1000 and load_ms <= 1000
    print(f"target save <= 1000 ms and load <= 1000 ms: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

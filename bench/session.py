"""Save/load of a review session with 20,000 decisions (each with a note) and their history.

Prints milliseconds and size at 1,000, 5,000 and 20,000 decisions for factcheck's session format (plain
TOML, schema 4: the session file and its history file, saved atomically and verified by parsing back what
is new; loaded with every value checked): load, the first save after loading (with and without a change),
an autosave, the first undo (the history file read, the undo stack built). Beside them, measured in the same
run on the same data: ``json.dump`` + ``json.load`` written non-atomically, and the same content as one
TOML document written with tomli-w and read with the standard library's tomllib.

    /work/venv/bin/python bench/session.py [--decisions N ...] [--repeat R] [--no-toml-baseline]

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


def mark_one(data: sess.SessionData, i: int) -> None:
    """One reviewer action, as Review records it: a decision changed and its history row."""
    cid = next(iter(data.decisions))
    d = data.decisions[cid]
    note = f"checked again ({i})"
    data.decisions[cid] = sess.Decision(
        cid, d.article, d.text, Verdict.DISPUTED, note=note, reviewer="alice", updated=sess.utcnow()
    )
    data.add_history(
        sess.HistoryEntry(
            data.last_step() + 1,
            sess.utcnow(),
            "alice",
            "note",
            "decision",
            cid,
            {"note": d.note},
            {"note": note},
        )
    )


def measure(n: int, repeat: int, history: int, toml_baseline: bool) -> dict[str, float]:
    data = make_session(n, history_per_decision=history)
    doc = plain(data)
    out: dict[str, float] = {"rows": float(len(data.history))}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.toml"
        state: list[sess.FileState | None] = [sess.save(path, data)]
        step = [0]

        def autosave() -> None:  # a session already saved once, one change since
            mark_one(data, step[0])
            step[0] += 1
            state[0] = sess.save(path, data, expected=state[0])

        out["autosave"] = timed(autosave, repeat)
        out["load"] = timed(lambda: sess.load(path), repeat)
        loaded = sess.load(path)
        assert loaded.decisions == data.decisions and loaded.history == data.history
        firsts: list[float] = []
        changed: list[float] = []
        for _ in range(repeat):  # the first save after loading, without and with a change
            fresh, st = sess.load_with_state(path)
            t0 = time.perf_counter()
            st = sess.save(path, fresh, expected=st)
            firsts.append(time.perf_counter() - t0)
            fresh, st = sess.load_with_state(path)
            mark_one(fresh, 0)
            t0 = time.perf_counter()
            sess.save(path, fresh, expected=st)
            changed.append(time.perf_counter() - t0)
        out["first_save"] = statistics.median(firsts) * 1000
        out["first_save_change"] = statistics.median(changed) * 1000
        text = path.read_text(encoding="utf-8")
        out["tomllib"] = timed(lambda: tomllib.loads(text), repeat)  # the floor: tomllib alone
        out["size"] = path.stat().st_size + (folder / "bench.history.toml").stat().st_size

        undo_times: list[float] = []
        for _ in range(repeat):
            review = Review(
                path, sess.load(path), pipeline.Corpus(paths=[]), reviewer="alice", readonly=False
            )
            t = time.perf_counter()
            assert review.undo()
            undo_times.append(time.perf_counter() - t)
        out["undo"] = statistics.median(undo_times) * 1000
        ahead: list[float] = []
        for _ in range(repeat):  # as in the TUI: the history read in a thread once the session is open
            review = Review(
                path, sess.load(path), pipeline.Corpus(paths=[]), reviewer="alice", readonly=False
            )
            review.read_history_in_background()
            review.data.history_prefetch.result()  # the reviewer reads a claim meanwhile
            t = time.perf_counter()
            assert review.undo()
            ahead.append(time.perf_counter() - t)
        out["undo_ahead"] = statistics.median(ahead) * 1000

        jpath = folder / "bench.json"

        def jsave() -> None:
            with open(jpath, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)

        def jload() -> None:
            with open(jpath, encoding="utf-8") as f:
                json.load(f)

        out["json_save"] = timed(jsave, repeat)
        out["json_load"] = timed(jload, repeat)
        out["json_size"] = jpath.stat().st_size
        if toml_baseline:
            tpath = folder / "naive.toml"

            def tsave() -> None:
                tpath.write_text(tomli_w.dumps(doc, multiline_strings=True), encoding="utf-8")

            def tload() -> None:
                tomllib.loads(tpath.read_text(encoding="utf-8"))

            r = max(1, repeat // 3)
            out["toml_save"] = timed(tsave, r)
            out["toml_load"] = timed(tload, r)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--decisions",
        type=int,
        nargs="+",
        default=[1_000, 5_000, 20_000],
        help="session sizes (default 1k 5k 20k)",
    )
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--history", type=int, default=1, help="history entries per decision (default 1)")
    ap.add_argument("--no-toml-baseline", action="store_true", help="skip the slow all-TOML baseline")
    args = ap.parse_args()
    print(
        "factcheck session (plain TOML, schema 4: the session file + its history file; atomic, verified) beside"
    )
    print(
        "json.dump/json.load and an all-tomli-w/tomllib file of the same content, same run; ms, median of runs"
    )
    head = f"{'decisions':>9} {'history':>8} {'load':>7} {'1st save':>8} {'1st+chg':>8} {'autosave':>8} {'undo':>7} {'ahead':>6}"
    head += f" {'tomllib':>8} {'json ld/sv':>13} {'tomli-w/tomllib sv/ld':>22} {'MB':>5}"
    print(head)
    ok = True
    for n in args.decisions:
        m = measure(n, args.repeat, args.history, not args.no_toml_baseline)
        toml = f"{m['toml_save']:9.0f} /{m['toml_load']:8.0f}" if "toml_save" in m else f"{'-':>20}"
        print(
            f"{n:9,} {int(m['rows']):8,} {m['load']:7.0f} {m['first_save']:8.0f} {m['first_save_change']:8.0f}"
            f" {m['autosave']:8.0f} {m['undo']:7.0f} {m['undo_ahead']:6.0f} {m['tomllib']:8.0f} {m['json_load']:6.0f} /{m['json_save']:5.0f}"
            f" {toml:>22} {m['size'] / 1e6:5.1f}"
        )
        if n >= 20_000:
            ok = ok and max(m["first_save"], m["first_save_change"], m["autosave"], m["load"]) <= 1000
    print(
        "load: the session file (the history file is checked, read when first needed); 1st save: the first save"
        " after loading,"
    )
    print(
        "1st+chg: the same with one change (its history row appended); autosave: one change since the last"
        " save; undo:"
    )
    print(
        "the first undo after loading (the history file read, the undo stack built); ahead: the same once the"
    )
    print("history was read in a thread (as the TUI does); tomllib: tomllib.loads of the session file alone;")
    print("MB: both files.")
    print(f"target save <= 1000 ms and load <= 1000 ms at 20,000 decisions: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

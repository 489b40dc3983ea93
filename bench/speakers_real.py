"""Speakers on the real-article labelled splits: correct / wrong / missing, per split, for one or two code trees.

A wrong speaker is worse than none, so ``bench/extract_quality.py``'s "speaker right" figure is split here
into its parts, over the labelled claims shown by default (score >= model.DEFAULT_MIN_SCORE) whose speaker is
labelled or predicted (``speaker_any`` left out), as extract_quality counts them:

- correct: the labelled speaker (``extract_quality.same_speaker``);
- wrong: another speaker than the labelled one;
- spurious: a speaker where the article speaks in its own voice;
- missing: no speaker where one is labelled.

With ``--base TREE`` the same figures of that code tree are printed beside them, measured in the same run
(each tree in its own process, ``PYTHONPATH=TREE``). ``-v`` lists the claims whose speaker is not correct,
but never those of the clean held-out splits (fresh, dev6h, dev7h, dev8h, dev9h, dev11h, dev12h,
dev13h, dev14h, dev15h, dev16h, dev17h: totals only).

``--pool`` (with ``--base``) reads unlabelled English text instead: the TempEval-3 TBAQ documents, the ECB+
``ecbplus`` documents no fixture split holds, the realworld-dev pages no split labels (English ones only), and
the trafilatura evaluation pages of ``$FACTCHECK_EXTRA`` (default /work/trafi_extra) but those of the fresh
split; it lists every shown claim whose speaker differs between the two trees, each file in half A or B by a
hash of its name (write rules from A, judge them on B), to be judged by reading.

    python bench/speakers_real.py [--base /tmp/base_tree] [--only SPLIT ...] [-v]
    python bench/speakers_real.py --base /tmp/base_tree --pool
    python bench/speakers_real.py [--base /tmp/base_tree] --kinds

``--kinds`` counts the errors by broad kind, summed over the development splits and over the held-out ones
(counts only, never a text): missing / wrong / spurious; the article's language; the labelled speaker's kind;
the cue of the claim's sentence (a quotation with or without a speech verb in it, "according to", a pronoun
before a speech verb, a speech verb after a name or a noun, a colon, none); the segment; the predicted
speaker's shape; and how a wrong name stands to the labelled one (a part of it, longer, another speaker).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SPLITS = (
    "dev",
    "dev2",
    "dev3",
    "heldout",
    "ecb",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "fresh",
    "dev6h",
    "dev7h",
    "dev8h",
    "dev9h",
    "dev11h",
    "dev12h",
    "dev13h",
    "dev14h",
    "dev15h",
    "dev16h",
    "dev17h",
)
HELD_OUT = (
    "fresh",
    "dev6h",
    "dev7h",
    "dev8h",
    "dev9h",
    "dev11h",
    "dev12h",
    "dev13h",
    "dev14h",
    "dev15h",
    "dev16h",
    "dev17h",
)  # clean held-out splits: their misses are never listed
FIXTURES = ROOT / "tests" / "fixtures" / "realworld"


def measure(tree: Path, splits: list[str]) -> dict[str, dict[str, Any]]:
    """Counts and misses per split, for the code tree ``tree`` (imported before extract_quality, which puts
    this tree on the path)."""
    sys.path.insert(0, str(tree))
    from factcheck import extract, ingest
    from factcheck.model import DEFAULT_MIN_SCORE

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract_quality import REALWORLD, same_speaker

    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for split in splits:
        res: dict[str, Any] = {
            "correct": 0,
            "wrong": 0,
            "spurious": 0,
            "missing": 0,
            "misses": [],
            "kinds": [],
        }
        for entry in labels["article"]:
            if entry["split"] != split:
                continue
            batch = ingest.load([str(REALWORLD / "articles" / entry["file"])])
            art = batch.articles[0]
            titles = [sg for sg in art.segments if sg.kind == "title"]
            claims = [
                c
                for c in extract.extract(art)
                if c.score >= DEFAULT_MIN_SCORE
                and not any(sg.start <= c.start and c.end <= sg.end for sg in titles)
            ]
            for g in entry.get("claim", []):
                c = next((c for c in claims if g["m"] in c.text), None)
                if c is None or g.get("speaker_any"):
                    continue
                gs = g.get("speaker")
                if gs and c.speaker and same_speaker(c.speaker, gs):
                    res["correct"] += 1
                    continue
                what = "wrong" if gs and c.speaker else "spurious" if c.speaker else "missing" if gs else None
                if what is None:
                    continue
                res[what] += 1
                res["kinds"].append(miss_kinds(what, art, c, g))
                res["misses"].append(
                    f"{entry['file']}: {what}: {c.speaker!r} (labelled {gs!r}): {g['m'][:80]}"
                )
        out[split] = res
    return out


_QUOTE_MARKS = '"“”„«»‘’'  # (’ only as a closing single mark: "‘...’" quotations of British outlets)


def _cue_words(lang: str) -> tuple[frozenset[str], list[str], frozenset[str]]:
    """Speech verbs, "according to" cues and subject pronouns of ``lang``, read from factcheck/lang (the
    English table has its own keys; the other languages share one shape)."""
    from factcheck.lang import resource

    sp: Any = resource(lang, "speech")
    if lang == "en":
        return (
            frozenset(sp["verbs"]["say"]),
            ["according to"],
            frozenset(sp["words"]["pronouns"]),
        )
    return (
        frozenset(w for w in sp.get("verbs", []) if " " not in w),
        [w.lower() for w in [*sp.get("according_before", []), *sp.get("according_after", [])]],
        frozenset(sp.get("pronouns", {})),
    )


def miss_kinds(what: str, art: Any, c: Any, g: dict[str, Any]) -> dict[str, str]:
    """Broad kinds of one speaker error, with no text of the claim: what went wrong, the article's language,
    the labelled speaker's kind, the cue of the claim's sentence, the predicted speaker's shape, and (wrong
    speakers) how the predicted name stands to the labelled one. Counted by ``--kinds``."""
    lang = art.language or "en"
    try:
        verbs, according, pronouns = _cue_words(lang)
    except (FileNotFoundError, KeyError):
        verbs, according, pronouns = frozenset(), [], frozenset()
    text = art.text
    # the claim's sentence: back to the last full stop before the claim, on to the next after it
    lo = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    hi_stop = [i for i in (text.find(". ", c.end - 1), text.find("\n", c.end - 1)) if i >= 0]
    sent = text[lo : min(hi_stop) + 1 if hi_stop else len(text)]
    words = [w.strip(".,;:!?()[]" + _QUOTE_MARKS).lower() for w in sent.split()]
    low = sent.lower()
    verb_at = [i for i, w in enumerate(words) if w in verbs]
    quoted = c.quote or any(m in sent for m in '"“”„«»')
    # the claim's paragraph, and the one before it
    pa = text.rfind("\n", 0, c.start) + 1
    pe = text.find("\n", c.end)
    para = text[pa : pe if pe >= 0 else len(text)]
    prev_para = text[text.rfind("\n", 0, max(pa - 1, 0)) + 1 : max(pa - 1, 0)].strip()
    if not prev_para:  # (paragraphs parted by an empty line)
        q = text[:pa].rstrip("\n")
        prev_para = q[q.rfind("\n") + 1 :]

    def _has_verb(chunk: str) -> bool:
        return any(w.strip(".,;:!?()[]" + _QUOTE_MARKS).lower() in verbs for w in chunk.split())

    if quoted:
        if verb_at:
            cue = "quotation, speech verb in its sentence" + (
                " (a pronoun by it)"
                if any(w in pronouns for i in verb_at for w in words[max(0, i - 3) : i + 2])
                else ""
            )
        elif _has_verb(para.replace(sent, " ")):
            cue = "quotation, no speech verb in its sentence, one in its paragraph"
        elif _has_verb(prev_para) and any(m in prev_para for m in '"“”„«»'):
            cue = "quotation, no speech verb in its paragraph, a quotation and one in the paragraph before"
        else:
            cue = "quotation, no speech verb in its paragraph or the one before"
    elif any(a in low for a in according if a):
        cue = "according-to cue"
    elif any(w in pronouns for i in verb_at for w in words[max(0, i - 3) : i + 2]):
        cue = "pronoun + speech verb"
    elif verb_at:
        cue = "speech verb (name or noun subject)"
    elif ":" in sent:
        cue = "colon, no speech verb"
    else:
        cue = "no cue in its sentence"
    # the sentence before (the same naive cut): a quotation or a speech verb there (a quotation that goes on,
    # a pronoun's antecedent)
    plo = max(text.rfind(". ", 0, max(lo - 2, 0)), text.rfind("\n", 0, max(lo - 2, 0))) + 1
    prev = text[plo:lo]
    pwords = {w.strip(".,;:!?()[]" + _QUOTE_MARKS).lower() for w in prev.split()}
    before = ("quotation" if any(m in prev for m in '"“”„«»') else "") + (
        (" and " if any(m in prev for m in '"“”„«»') else "") + "speech verb" if pwords & verbs else ""
    )
    pron = next((w for i in verb_at for w in words[max(0, i - 3) : i + 2] if w in pronouns), None)
    segs = [sg.kind for sg in art.segments if sg.start <= c.start < sg.end]
    out = {
        "what": what,
        "language": lang,
        "labelled kind": str(g.get("kind") or ("none" if not g.get("speaker") else "unstated")),
        "cue": cue,
        "segment": segs[0] if segs else "none",
        "cue, English": cue if lang == "en" else "(other languages)",
        "sentence before": before or "neither quotation nor speech verb",
    }
    if verb_at and not quoted:
        # the clause of the first speech verb: the sentence's first, or one after a clause break (a comma before
        # a word, a semicolon, a dash): "The team looked at the data and noted ..."
        head = " ".join(words[: verb_at[0]])
        raw = " ".join(sent.split()[: verb_at[0]])
        out["speech verb's clause"] = (
            "a later clause"
            if re.search(r"[,;—–]\s+\w", raw) or len(head.split()) > 8
            else "the first clause"
        )
    if pron:
        out["pronoun"] = pron if lang == "en" else f"{pron} ({lang})"
    if c.speaker:
        sp = c.speaker
        shape = "one word" if len(sp.split()) == 1 else "several words"
        shape += ", lower case" if sp[:1].islower() else ", capitalised"
        out["predicted shape"] = f"{shape} ({c.speaker_kind or 'no kind'})"
    gs = g.get("speaker")
    if what == "wrong" and gs and c.speaker:
        a = {w.lower() for w in c.speaker.split()}
        b = {w.lower() for w in gs.split()}
        out["wrong how"] = (
            "predicted a part of the labelled name"
            if a < b
            else "labelled a part of the predicted"
            if b < a
            else "a word shared"
            if a & b
            else "another speaker"
        )
    return out


def fixture_ecb_docs() -> set[str]:
    """The ECB+ documents a fixture split holds (ecb, dev5, dev7, dev7h, ...: "dev7.ecbplus.12_4ecbplus.json"),
    which the pool of unlabelled text leaves out (it left out only the ecb split's)."""
    found = (re.search(r"(\d+_\d+ecbplus)", p.name) for p in (FIXTURES / "articles").iterdir())
    return {m.group(1) for m in found if m}


def write_pool(out: Path) -> int:
    """The unlabelled English text of ``--pool``, one trafilatura-shaped JSON record per file in ``out``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(FIXTURES))
    import make_ecbplus
    import make_fresh
    import temporal
    import trafilatura

    n = 0

    def put(name: str, rec: dict[str, Any]) -> None:
        nonlocal n
        (out / f"{name}.json").write_text(json.dumps(rec), encoding="utf-8")
        n += 1

    for d in temporal.load(temporal.data_dir()):
        put(f"tbaq.{d.name}", {"title": "", "date": str(d.dct), "text": d.text, "language": "en"})
    ecb = temporal.data_dir().parent / "ecbplus-dev" / "docs"
    held = fixture_ecb_docs()
    for path in sorted(ecb.rglob("*ecbplus.xml")):
        if path.stem not in held:
            put(f"ecb.{path.stem}", {**make_ecbplus.build(path, "2013-01-01", "", ()), "language": "en"})
    # the realworld-dev records that no split labels (pages in other languages are left out when read)
    labelled = {
        e["file"] for e in tomllib.loads((FIXTURES / "labels.toml").read_text(encoding="utf-8"))["article"]
    }
    for path in sorted((temporal.data_dir().parent / "realworld-dev" / "json").glob("*.json")):
        if path.name not in labelled:
            put(f"rw.{path.stem}", json.loads(path.read_text(encoding="utf-8")))
    extra = Path(os.environ.get("FACTCHECK_EXTRA", "/work/trafi_extra"))
    meta = json.loads((extra / "evaldata_extra.json").read_text(encoding="utf-8"))
    for url, m in meta.items():
        if m["file"] in make_fresh.DOCS:
            continue  # (the fresh split is never read while writing rules)
        html = (extra / "html" / m["file"]).read_text(encoding="utf-8", errors="replace")
        got = trafilatura.extract(html, output_format="json", with_metadata=True, url=url)
        rec = json.loads(got) if got else {}
        if rec.get("text"):
            put(
                f"trafi.{re.sub(r'[.]html$', '', m['file'])}",
                {**rec, "date": rec.get("date") or m.get("date")},
            )
    return n


def pool_claims(tree: Path, folder: Path) -> list[dict[str, Any]]:
    """The shown claims of the English records in ``folder``, for the code tree ``tree``."""
    sys.path.insert(0, str(tree))
    from factcheck import extract, ingest
    from factcheck.model import DEFAULT_MIN_SCORE

    out = []
    for f in sorted(folder.glob("*.json")):
        batch = ingest.load([str(f)])
        if not batch.articles or batch.articles[0].language not in (None, "en"):
            continue
        # (the hash of the file's own name, its source prefix off: the halves the rules were written from)
        own = f.name.split(".", 1)[1]
        half = "A" if hashlib.sha1(own.encode()).digest()[0] % 2 == 0 else "B"
        for c in extract.extract(batch.articles[0]):
            if c.score >= DEFAULT_MIN_SCORE:
                out.append({"f": f.stem, "half": half, "s": c.start, "t": c.text, "sp": c.speaker})
    return out


def pool_changes(new: list[dict[str, Any]], base: list[dict[str, Any]]) -> None:
    """Print the shown claims whose speaker differs between the trees, and their count per half."""
    a = {(r["f"], r["s"], r["t"]): r for r in base}
    b = {(r["f"], r["s"], r["t"]): r for r in new}
    halves: Counter[str] = Counter()
    for k in sorted(set(a) | set(b)):
        ra, rb = a.get(k), b.get(k)
        if ra is not None and rb is not None and ra["sp"] == rb["sp"]:
            continue
        r = rb or ra
        assert r is not None
        halves[r["half"]] += 1
        tag = "newly shown " if ra is None else "now hidden " if rb is None else ""
        print(f"  [{r['half']}] {k[0]}: {tag}{ra and ra['sp']!r} -> {rb and rb['sp']!r}: {k[2][:160]}")
    print(
        f"shown claims: {len(new)} (base {len(base)}); speakers changed: half A {halves['A']}, half B {halves['B']}"
    )


def run_tree(tree: Path, splits: list[str]) -> dict[str, dict[str, Any]]:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    cmd = [sys.executable, str(Path(__file__).resolve()), f"--json={tree}", *[f"--only={s}" for s in splits]]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tree, check=False)
    if res.returncode != 0:
        sys.exit(f"speakers_real: {tree} failed: {res.stderr[-800:]}")
    got: dict[str, dict[str, Any]] = json.loads(res.stdout)
    return got


def line(r: dict[str, Any]) -> str:
    total = r["correct"] + r["wrong"] + r["spurious"] + r["missing"]
    acc = f"{r['correct'] / total:.2f}" if total else "n/a"
    return f"{acc} ({r['correct']}/{total}): wrong {r['wrong']}, spurious {r['spurious']}, missing {r['missing']}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="a second code tree, measured in the same run")
    ap.add_argument("--only", action="append", choices=SPLITS)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--pool", action="store_true", help="speakers changed on unlabelled text (needs --base)")
    ap.add_argument(
        "--kinds",
        action="store_true",
        help="count the errors by kind (cue, labelled kind, shape) over the development and held-out splits",
    )
    ap.add_argument("--json", type=Path, help=argparse.SUPPRESS)  # (one tree's figures, in a child process)
    ap.add_argument("--pool-dir", type=Path, help=argparse.SUPPRESS)  # (with --json: the pool's records)
    args = ap.parse_args()
    splits = args.only or list(SPLITS)
    if args.json and args.pool_dir:
        print(json.dumps(pool_claims(args.json, args.pool_dir)))
        return 0
    if args.json:
        print(json.dumps(measure(args.json, splits)))
        return 0
    if args.pool:
        if args.base is None:
            sys.exit("speakers_real: --pool compares two trees: give --base")
        with tempfile.TemporaryDirectory() as tmp:
            print(f"pool: {write_pool(Path(tmp))} unlabelled records")
            got = []
            for tree in (ROOT, args.base.resolve()):
                env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
                cmd = [sys.executable, str(Path(__file__).resolve()), f"--json={tree}", f"--pool-dir={tmp}"]
                res = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tree, check=False)
                if res.returncode != 0:
                    sys.exit(f"speakers_real: {tree} failed: {res.stderr[-800:]}")
                got.append(json.loads(res.stdout))
        pool_changes(got[0], got[1])
        return 0
    new = run_tree(ROOT, splits)
    base = run_tree(args.base.resolve(), splits) if args.base else None
    print("speaker right on the labelled claims shown: correct/total, then the speakers that are not right")
    for split in splits:
        print(f"  {split:<8} {line(new[split])}")
        if base is not None:
            print(f"  {'  base':<8} {line(base[split])}")
        if args.verbose:
            for m in [] if split in HELD_OUT else new[split]["misses"]:
                print("      " + m)
    if args.kinds:
        print_kinds(new, base, splits)
    return 0


def print_kinds(new: dict[str, Any], base: dict[str, Any] | None, splits: list[str]) -> None:
    """Error counts by kind, summed over the development splits and over the held-out ones (counts only: no
    text of a held-out claim is shown), this tree's beside the base's."""
    for group, members in (
        ("development", [s for s in splits if s not in HELD_OUT]),
        ("held out", [s for s in splits if s in HELD_OUT]),
    ):
        if not members:
            continue
        print(f"errors by kind, {group} ({len(members)} splits): count (base count)")
        fields = (
            "what",
            "language",
            "labelled kind",
            "cue",
            "cue, English",
            "sentence before",
            "pronoun",
            "speech verb's clause",
        )
        for field in (*fields, "segment", "predicted shape", "wrong how"):
            for what in ("missing", "wrong", "spurious"):
                if field == "what" and what != "missing":
                    continue

                def tally(
                    got: dict[str, Any],
                    field: str = field,
                    what: str = what,
                    group_splits: list[str] = members,
                ) -> Counter[str]:
                    return Counter(
                        k[field]
                        for s in group_splits
                        for k in got[s]["kinds"]
                        if field in k and (field == "what" or k["what"] == what)
                    )

                n, b = tally(new), tally(base) if base is not None else Counter()
                if not n and not b:
                    continue
                label = field if field == "what" else f"{field}, {what}"
                cells = [
                    f"{k} {n[k]}" + (f" ({b[k]})" if base is not None else "")
                    for k in sorted(set(n) | set(b))
                ]
                print(f"  {label}: " + "; ".join(cells))


if __name__ == "__main__":
    raise SystemExit(main())

"""bench/speakers_real.py --pool reads unlabelled text only: no ECB+ document of any fixture split."""

from __future__ import annotations

from bench_modules import bench_module


def test_the_pool_leaves_out_every_ecb_document_a_fixture_split_holds() -> None:
    sr = bench_module("speakers_real")
    held = sr.fixture_ecb_docs()
    names = [p.name for p in (sr.FIXTURES / "articles").iterdir() if "ecbplus" in p.name]
    # the ecb split's, and those of the other splits cut from ECB+ (dev5, dev7 and its held-out half)
    assert {"2_8ecbplus", "12_4ecbplus", "11_4ecbplus"} <= held
    assert all(any(doc in name for doc in held) for name in names)
    assert len(held) >= 30


def test_every_labelled_split_is_measured_and_the_held_out_ones_are_never_listed() -> None:
    sr = bench_module("speakers_real")
    eq = bench_module("extract_quality")
    assert set(sr.SPLITS) == set(eq.REAL_SPLITS)  # dev10 was left out (round 22)
    assert set(sr.HELD_OUT) == set(eq.HELD_OUT)

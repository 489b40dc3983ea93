"""bench/speakers_intl_gold.py: its hand labels and how a claim's speaker is scored against them."""

from __future__ import annotations

import hashlib
import tomllib

from bench_modules import bench_module


def test_a_speaker_is_right_when_it_names_a_labelled_alternative() -> None:
    g = bench_module("speakers_intl_gold")
    assert g.right("Knut Fleckenstein", "Knut Fleckenstein")
    assert g.right("von Preen", "Alexander von Preen")  # the surname the page uses
    assert g.right("Barbosa|fiscal general", "Francisco Barbosa Delgado")
    assert g.right("Jose Abdon Galindo", "José Abdón Galindo")  # accents aside
    assert g.right("Secretaria da Segurança Pública|SSP", "SSP")
    assert not g.right("Pacheco", "Jair Bolsonaro")
    assert not g.right("irmã", "Luana Yasmin Gonçalves da Silva")
    assert not g.right("Biden", "")


def test_the_labels_are_half_a_pages_split_in_two_halves_by_page() -> None:
    g = bench_module("speakers_intl_gold")
    gold = tomllib.loads(g.GOLD.read_text(encoding="utf-8"))["sentence"]
    assert len(gold) >= 200
    for s in gold:
        assert int(hashlib.sha1(("extra:" + s["page"]).encode()).hexdigest(), 16) % 2 == 0
        half = (
            "tune" if int(hashlib.sha1(("intl9:" + s["page"]).encode()).hexdigest(), 16) % 2 == 0 else "check"
        )
        assert s["half"] == half
        assert s["lang"] in {"de", "es", "fr", "pt"}
        assert s["speaker"]
        assert len(s["anchor"]) == min(50, s["length"])
    attributed = {
        lang: sum(1 for s in gold if s["lang"] == lang and s["speaker"] != "-") for lang in ("de", "es")
    }
    assert attributed["de"] >= 60 and attributed["es"] >= 50

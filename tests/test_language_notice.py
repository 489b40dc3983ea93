"""A text in a language with no rules of its own is read with the English rules, and its notice says so."""

from __future__ import annotations

from pathlib import Path

from factcheck.ingest import ENGLISH_RULES_NOTICE, UNSUPPORTED_NOTICE, load

PL = (
    "Minister finansów Anna Nowak powiedziała w poniedziałek, że inflacja wzrosła w marcu do 3,4 procent.\n\n"
    "Bank centralny ogłosił, że podniesie stopy procentowe o 0,25 punktu na posiedzeniu 12 czerwca.\n"
)
DE = (
    "Finanzministerin Anna Berg sagte am Montag, die Inflation sei im März auf 3,4 Prozent gestiegen.\n\n"
    "Die Zentralbank kündigte an, den Leitzins bei ihrer Sitzung am 12. Juni um 0,25 Punkte anzuheben.\n"
)
EN = "Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March.\n"
ZH = "市议会周二投票决定从下个月起禁止重型车辆通过旧港口大桥，因为工程师在两根钢支柱上发现了裂缝。" * 4


def _notices(tmp_path: Path, name: str, text: str) -> tuple[str | None, list[str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (art,) = load([tmp_path / name]).articles
    return art.language, art.notices


def test_a_language_without_rules_is_said_to_be_read_with_the_english_rules(tmp_path):
    lang, notices = _notices(tmp_path, "pl.txt", PL)
    assert lang == "pl"
    assert f"pl: {ENGLISH_RULES_NOTICE}" in notices
    assert not any(n.endswith(UNSUPPORTED_NOTICE) for n in notices)


def test_languages_with_rules_and_unsupported_scripts_get_no_such_notice(tmp_path):
    for name, text, lang in (("de.txt", DE, "de"), ("en.txt", EN, "en"), ("zh.txt", ZH, "zh")):
        got, notices = _notices(tmp_path, name, text)
        assert got == lang
        assert not any(n.endswith(ENGLISH_RULES_NOTICE) for n in notices), (name, notices)
    assert f"zh: {UNSUPPORTED_NOTICE}" in _notices(tmp_path, "zh.txt", ZH)[1]

"""Languages that have furniture markers only (pl, it, nl, ru): their pages' chrome is listed with reasons, but
a furniture file makes no language "supported" for the other parts (sentences, speech, stance, dates, claims)."""

from __future__ import annotations

import pytest

from factcheck import attribution_intl, furniture, stance_intl, times_intl
from factcheck import lang as langres
from factcheck.ingest import UNSUPPORTED_NOTICE, article_from_text, classify_lines

FURNITURE_ONLY = ("pl", "it", "nl", "ru")
OTHER_RESOURCES = ("sentences", "speech", "stance", "dates", "ratings", "stopwords", "events", "figures")


@pytest.mark.parametrize("code", FURNITURE_ONLY)
def test_a_furniture_file_makes_no_language_supported_for_the_other_parts(code: str) -> None:
    assert code in langres.available("furniture")
    for name in OTHER_RESOURCES:
        assert code not in langres.available(name), (code, name)
        assert not langres.has(code, name)
    assert not times_intl.supported(code)
    assert not attribution_intl.supported(code)
    assert not stance_intl.supported(code)


@pytest.mark.parametrize("code", FURNITURE_ONLY)
def test_a_language_with_markers_reads_its_own_and_englishs(code: str) -> None:
    assert furniture.vocabulary(code).langs == (code, "en")


def test_russian_pages_still_give_no_claims_but_their_furniture_is_listed() -> None:
    text = "\n\n".join(
        [
            "Правительство утвердило бюджет на следующий год",
            "Правительство России в четверг утвердило проект федерального бюджета на следующий год и плановый период.",
            "Доходы бюджета составят около двадцати триллионов рублей, сообщили в министерстве финансов.",
            "Читайте также",
        ]
    )
    art = article_from_text(text, path="ru.txt", key="ru.txt")
    assert art.language == "ru"
    assert any(n.endswith(UNSUPPORTED_NOTICE) for n in art.notices)
    segs = {text[s.start : s.end]: (s.kind, s.reason) for s in art.segments}
    assert segs["Читайте также"][0] == "furniture"


POLISH = [
    "Rada miasta zdecydowała we wtorek o zamknięciu starego mostu w porcie dla ciężkiego ruchu od przyszłego miesiąca.",
    "Inżynierowie znaleźli pęknięcia w dwóch stalowych podporach, powiedział burmistrz dziennikarzom na konferencji.",
    "Autobusy pojadą przez północny tunel, dopóki trwają naprawy, poinformował wydział transportu w komunikacie.",
    "Właściciele sklepów w pobliżu mostu obawiają się utraty klientów i poprosili miasto o pomoc finansową.",
]


def test_a_polish_comment_form_ends_the_article() -> None:
    after = [
        "Komentarze",
        "Akceptuję regulamin zamieszczania opinii w serwisie i wyrażam zgodę na przetwarzanie moich danych.",
        "To skandal, most powinien być naprawiony dawno temu, a nikt nic nie zrobił przez całe lata w tym mieście.",
        "odpowiedz",
        "Zgadzam się całkowicie, władze miasta zawsze czekają do ostatniej chwili z każdą naprawą w porcie.",
    ]
    text = "Most zamknięty dla ciężarówek\n" + "\n".join(POLISH + after) + "\n"
    segs, _info = classify_lines(text, "pl")
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert all(k[t] == ("body", "") for t in POLISH)
    assert all(k[t][0] == "furniture" for t in after), [t for t in after if k[t][0] != "furniture"]


def test_a_polish_read_also_box_is_furniture_and_the_article_goes_on() -> None:
    box = ["Czytaj także:", "Remont mostu w porcie potrwa dłużej"]
    text = "Most zamknięty dla ciężarówek\n" + "\n".join(POLISH[:2] + box + POLISH[2:]) + "\n"
    segs, _info = classify_lines(text, "pl")
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert k["Czytaj także:"] == ("furniture", "page chrome")
    assert all(k[t] == ("body", "") for t in POLISH)

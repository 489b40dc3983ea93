"""Raw page text in Spanish: a headline may open with an inverted question or exclamation mark ("¿Conflicto de
interés?: General ...", "¡Se entregó a la Policía! ..."), and a run of other stories' headlines below the article
is a list of other stories whether or not some of them open so. The article's own question subheadings, each
followed by its prose, stay."""

from __future__ import annotations

from line_kinds import kinds_of  # tests/line_kinds.py

HEAD = "El concejo cierra el puente del puerto al tráfico pesado"
ARTICLE = [
    "El concejo municipal votó el martes cerrar el viejo puente del puerto al tráfico pesado a partir del "
    "próximo mes, tras un largo debate que se prolongó hasta la noche.",
    "Los ingenieros encontraron grietas en dos de los soportes de acero del puente, dijo el alcalde a los "
    "periodistas en una rueda de prensa celebrada el miércoles en el ayuntamiento.",
    "Los autobuses serán desviados por el túnel del norte mientras duren las obras, informó la oficina de "
    "transporte en un comunicado publicado en su sitio web.",
    "Los comerciantes cerca del puente dijeron que temen perder clientes y pidieron al concejo un plan de "
    "compensación para los meses que duren las reparaciones.",
]
CHROME = ["Inicio", "Noticias", "Deportes", "Contacto", "Aviso legal"]
# other stories' headlines, written anew in the shape of the development pages' lists (a Chilean radio's
# "investiga" box, a Colombian site's latest news, a Peruvian paper's most-read list): some open with an
# inverted mark, the others with a capital
HEADLINES = {
    "questions": [
        "¿Conflicto de interés?: Juez revisará contrato de la empresa de aseo del municipio",
        "Informe reservado: retrasos en la obra del hospital regional costaron millones",
        "¿Poco éticos?: Contraloría revisará gastos de viaje de concejales de la ciudad",
    ],
    "exclamations": [
        "¡Esperando ambulancia! Murió un conductor tras un choque en la vía al mar",
        "¡Se entregó a la Policía! Sospechoso del robo al banco se presentó en la estación",
        "Club local se ubica primero del grupo tras vencer al campeón del torneo",
    ],
}


def _page(*below: str) -> str:
    return "\n\n".join([HEAD, *ARTICLE, *below, *CHROME])


def test_a_run_of_headlines_opening_with_inverted_marks_is_a_list_of_other_stories() -> None:
    for name, lines in HEADLINES.items():
        kinds = kinds_of(_page(*lines), "es")
        for line in lines:
            assert kinds[line] == ("furniture", "teaser list"), (name, line)
        for para in ARTICLE:
            assert kinds[para] == ("body", ""), para


def test_question_subheadings_followed_by_their_prose_stay() -> None:
    # (each question is followed by a paragraph of the article: no run of headlines)
    sections = [
        "¿Qué dice el informe de los ingenieros?",
        ARTICLE[1],
        "¿Cuánto durarán las obras del puente?",
        "Las obras durarán al menos ocho meses y costarán unos cuatro millones de euros, según el concejo, que "
        "espera abrir el puente de nuevo antes del invierno.",
        "¿Qué harán los camiones mientras tanto?",
        ARTICLE[2],
    ]
    text = "\n\n".join([HEAD, ARTICLE[0], *sections, ARTICLE[3], *CHROME])
    kinds = kinds_of(text, "es")
    for line in sections:
        assert kinds[line][0] != "furniture", line

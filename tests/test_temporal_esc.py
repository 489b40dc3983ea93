"""bench/temporal_esc.py: the ESC loader (CAT tokens to text and gold), its split by topic and its sentence
selection, on a small document written for these tests."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from bench_modules import bench_module  # tests/bench_modules.py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BENCH = Path(__file__).resolve().parents[1] / "bench"

# sentence 0 the source URL, 1 the title, 2 the dateline (the creation time), 3-4 the body; ECB+ tokenises
# "8:30 p.m." as "8 : 30 p . m ."
_DOC = """<?xml version='1.0' encoding='UTF-8'?>
<Document doc_name="7_2ecbplus.xml">
  <token t_id="1" sentence="0" number="0">http://example.com/a</token>
  <token t_id="2" sentence="1" number="0">Champion</token>
  <token t_id="3" sentence="1" number="1">keeps</token>
  <token t_id="4" sentence="1" number="2">belts</token>
  <token t_id="5" sentence="2" number="0">July</token>
  <token t_id="6" sentence="2" number="1">8</token>
  <token t_id="7" sentence="2" number="2">,</token>
  <token t_id="8" sentence="2" number="3">2012</token>
  <token t_id="9" sentence="3" number="0">He</token>
  <token t_id="10" sentence="3" number="1">won</token>
  <token t_id="11" sentence="3" number="2">Saturday</token>
  <token t_id="12" sentence="3" number="3">at</token>
  <token t_id="13" sentence="3" number="4">8</token>
  <token t_id="14" sentence="3" number="5">:</token>
  <token t_id="15" sentence="3" number="6">30</token>
  <token t_id="16" sentence="3" number="7">p</token>
  <token t_id="17" sentence="3" number="8">.</token>
  <token t_id="18" sentence="3" number="9">m</token>
  <token t_id="19" sentence="3" number="10">.</token>
  <token t_id="20" sentence="4" number="0">He</token>
  <token t_id="21" sentence="4" number="1">fights</token>
  <token t_id="22" sentence="4" number="2">in</token>
  <token t_id="23" sentence="4" number="3">May</token>
  <token t_id="24" sentence="4" number="4">.</token>
  <Markables>
    <TIME_DATE m_id="1" DCT="TRUE" value="2012-07-08">
      <token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/>
    </TIME_DATE>
    <TIME_DATE m_id="2" DCT="FALSE" value="2012-07-07"><token_anchor t_id="11"/></TIME_DATE>
    <TIME_OF_THE_DAY m_id="3" value="2012-07-07T20:30">
      <token_anchor t_id="13"/><token_anchor t_id="14"/><token_anchor t_id="15"/>
      <token_anchor t_id="16"/><token_anchor t_id="17"/><token_anchor t_id="18"/><token_anchor t_id="19"/>
    </TIME_OF_THE_DAY>
    <TIME_DATE m_id="4" DCT="FALSE" value="2013-05"><token_anchor t_id="23"/></TIME_DATE>
    <TIME_DATE m_id="5" TAG_DESCRIPTOR="t1_saturday" DCT="FALSE" value="2012-07-07"/>
  </Markables>
</Document>
"""


@pytest.fixture(scope="module")
def esc() -> Any:
    sys.path.insert(0, str(BENCH))
    return bench_module("temporal_esc")


def test_document_text_gold_and_creation_time(esc: Any) -> None:
    doc = esc.load_doc(_DOC.encode(), "7_2ecbplus", {"3"})
    # the URL and the dateline leave the text; the title is a line of its own; split words are joined again
    assert doc.text == "Champion keeps belts\nHe won Saturday at 8:30 p.m. He fights in May."
    assert doc.dct == dt.date(2012, 7, 8)
    assert doc.topic == "7"
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Saturday", "DATE", "2012-07-07"),
        ("8:30 p.m.", "TIME", "2012-07-07T20:30"),
        ("May", "DATE", "2013-05"),
    ]


def test_no_creation_time_no_document(esc: Any) -> None:
    assert esc.load_doc(_DOC.replace('DCT="TRUE"', 'DCT="FALSE"').encode(), "7_2ecbplus", set()) is None


def test_only_the_selected_sentences_are_scored(esc: Any) -> None:
    doc = esc.load_doc(_DOC.encode(), "7_2ecbplus", {"3"})
    may = doc.text.index("May")
    found = [esc.Timex(may, may + 3, "DATE", "2013-05", "May")]
    [(kept, kept_found)] = esc.within_selection([(doc, found)])
    assert [g.text for g in kept.gold] == ["Saturday", "8:30 p.m."]
    assert kept_found == []


def test_split_keeps_each_topic_in_one_half(esc: Any) -> None:
    base = esc.load_doc(_DOC.encode(), "7_2ecbplus", set())
    docs = [
        esc.EscDoc(f"{t}_{i}ecbplus", base.dct, base.text, [], topic=str(t))
        for t in range(1, 11)
        for i in range(3)
    ]
    dev, check = esc.split_topics(docs)
    assert {d.topic for d in dev}.isdisjoint({d.topic for d in check})
    assert len({d.topic for d in check}) == 5
    assert esc.split_topics(list(reversed(docs)))[1] == [d for d in reversed(docs) if d in check]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["1", "2"]),
            st.one_of(
                st.sampled_from([":", ".", ",", "p", "m", "8", "30", "``", "''", "(", "$", "'s", "n't"]),
                st.text(alphabet="abcXYZ0123456789", min_size=1, max_size=6),
            ),
        ),
        max_size=30,
    )
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_join_tokens_keeps_every_token_at_its_offsets(esc: Any, toks: list[tuple[str, str]]) -> None:
    elements = []
    for i, (sentence, word) in enumerate(sorted(toks, key=lambda t: t[0])):
        e = ET.Element("token", {"t_id": str(i), "sentence": sentence})
        e.text = word
        elements.append(e)
    text, offsets = esc.join_tokens(elements, title_sentence="1")
    for e in elements:
        start, end = offsets[e.get("t_id")]
        assert text[start:end] == ('"' if e.text in ("``", "''") else e.text)
    ends = [offsets[e.get("t_id")] for e in elements]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))

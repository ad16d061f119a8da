"""Round 21, STRUCT: structured and templated notes read as a clinician reads them: an XML
export's elements and attributes, a template's bracket fields, and a pasted CSV whose column
names a scale's range. Real text in, facts out; the traps beside each."""

from __future__ import annotations

from typing import Any

import pytest

from tui.core.checks.extract import extract_billing, extract_facts
from tui.core.checks.facts import Fact
from tui.core.checks.layouts import template_fields, xml_elements
from tui.core.checks.layouts.keyed import snake_words
from tui.core.checks.layouts.template_fields import template_field_pieces
from tui.core.checks.layouts.xml_elements import xml_element_pieces

HEADER = "Patient: Test Struct\nDate: 2134-03-02\nDiscipline: PT\nPayer: Medicare\n\n"


def _found(text: str) -> set[tuple[str, Any]]:
    return {(fact.kind, fact.value) for fact in extract_facts(HEADER + text)}


def _facts(text: str, kind: str) -> list[Fact]:
    return [fact for fact in extract_facts(HEADER + text) if fact.kind == kind]


ATTRIBUTE_EXPORT = """<?xml version="1.0"?>
<Visit schemaVersion="5.3">
  <Findings>
    <Rating kind="pain" when="now" value="5" max="10"/>
    <Goniometry side="R" joint="elbow" motion="flexion" value="128" unit="deg" prior="110"/>
    <Strength test="MMT" muscle="biceps" side="R" grade="4/5"/>
    <Circumference site="forearm" side="R" value="24.5" unit="cm"/>
    <Test name="TUG" result="13.2" unit="s" cutoff="13.5"/>
  </Findings>
</Visit>
"""


def test_an_xml_elements_attributes_are_a_reading_named_by_its_fields() -> None:
    found = _found(ATTRIBUTE_EXPORT)
    assert ("pain", 5) in found
    assert ("rom", 128) in found
    assert ("mmt", "4") in found
    assert ("girth", 24.5) in found
    assert ("outcome", 13.2) in found
    earlier = [f for f in _facts(ATTRIBUTE_EXPORT, "rom") if f.value == 110]
    assert earlier and "previous" in earlier[0].label


def test_an_xml_exports_schema_numbers_norms_and_scale_bounds_are_no_facts() -> None:
    values = {value for _, value in _found(ATTRIBUTE_EXPORT)}
    assert 13.5 not in values  # the cut-off
    assert 5.3 not in values  # the schema's version
    assert 10 not in values  # the rating's maximum


CHILD_EXPORT = """<?xml version="1.0"?>
<ns:Export xmlns:ns="urn:example:rehab">
  <ns:Summary><![CDATA[Knee feels steadier. Pain 3/10 on stairs.]]></ns:Summary>
  <ns:Outcome>
    <ns:Name>LEFS</ns:Name>
    <ns:Score>52</ns:Score>
    <ns:Max>80</ns:Max>
    <ns:BaselineScore>38</ns:BaselineScore>
  </ns:Outcome>
  <ns:Dynamometer unit="lb">
    <ns:Left>41</ns:Left>
    <ns:Right>52</ns:Right>
  </ns:Dynamometer>
  <ns:Charge>
    <ns:CPT>97110</ns:CPT>
    <ns:Minutes>23</ns:Minutes>
    <ns:Units>2</ns:Units>
  </ns:Charge>
  <ns:TotalTimedMinutes>23</ns:TotalTimedMinutes>
</ns:Export>
"""


def test_xml_child_elements_with_namespaces_and_cdata_are_one_record() -> None:
    found = _found(CHILD_EXPORT)
    assert ("pain", 3) in found
    assert ("outcome", 52) in found
    assert ("strength", 41) in found and ("strength", 52) in found
    lefs = {f.value: f.label for f in _facts(CHILD_EXPORT, "outcome")}
    assert "previous" in lefs[38]
    assert "previous" not in lefs[52]
    assert ("outcome", 80) not in found


def test_an_xml_charge_of_child_elements_is_a_service_with_its_units_billed() -> None:
    billing = extract_billing(HEADER + CHILD_EXPORT)
    assert [(s.cpt, s.minutes) for s in billing.services] == [("97110", 23)]
    assert billing.billed == {"97110": 2}
    assert billing.stated_timed_minutes == 23


def test_xml_goals_norms_and_appointments_give_no_facts() -> None:
    text = """<Export>
  <Appointment start="10:15" durationMinutes="60" room="3"/>
  <Goal measure="Berg" target="48"/>
  <Norm test="grip R" value="30.2" unit="kg"/>
  <Referral visitsAuthorized="20"/>
</Export>
"""
    assert _found(text) == set()


def test_an_xml_export_not_well_formed_is_still_read() -> None:
    text = """<Record>
  <Vitals>
    <HR unit="bpm">88</HR>
    <SpO2 unit="%">95</SpO2>
  </Stray>
  <Pain value="2" max="10"/>
"""
    found = _found(text)
    assert ("other", 88) in found
    assert ("other", 95) in found
    assert ("pain", 2) in found


def test_an_html_page_is_no_xml_export() -> None:
    page = "<html><body><p>Pain 4/10</p><div>TUG 12 s</div><span>ok</span></body></html>"
    assert xml_element_pieces(page) == []
    assert ("pain", 4) in _found(page)


def test_headings_in_chevrons_are_no_xml_export() -> None:
    text = "<<HISTORY>> Two falls.\n<<TESTS>> Berg 41/56.\n<<GOALS>> Berg 48/56.\n<<PLAN>> 2x/wk.\n"
    assert xml_element_pieces(text) == []


SNF_TEMPLATE = """=== DAILY NOTE ===
Pain: Rating [ 3 ]/10 at rest, [6]/10 with transfers
Berg Balance Scale: [41]/56   (Prior: [35]/56)
R knee AROM: [2]-[104] deg
Gait: [200] ft with [RW]
Assessment: Berg improved [6] points since prior.
[X] 97116 Gait training ..... [15] min
[ ] 97112 Neuromuscular re-ed ..... [  ] min
"""


def test_a_templates_filled_fields_are_read_as_typed() -> None:
    found = _found(SNF_TEMPLATE)
    for fact in (("pain", 3), ("pain", 6), ("outcome", 41), ("rom", 104), ("other", 200)):
        assert fact in found
    berg = {f.value: f.label for f in _facts(SNF_TEMPLATE, "outcome")}
    assert "previous" in berg[35]


def test_a_templates_change_and_unticked_row_are_no_facts() -> None:
    assert ("outcome", 6) not in _found(SNF_TEMPLATE)
    billing = extract_billing(HEADER + SNF_TEMPLATE)
    assert [s.cpt for s in billing.services] == ["97116"]


def test_a_template_left_blank_gives_no_fact() -> None:
    text = """Pain: Rating [  ]/10   Location [     ]
Grip (kg): R [    ]  L [    ]
QuickDASH: [   ]/100
Vitals: HR [   ] bpm
"""
    assert _found(text) == set()


def test_a_legends_bracket_after_a_value_is_left_as_an_earlier_value() -> None:
    text = "- Berg 44/56 [41/56]\n- DGI 17/24 [15/24]\n- TUG 12.1 s [15.0 s]\n"
    assert template_field_pieces(text) == []
    assert {41, 44} <= {f.value for f in _facts(text, "outcome") if f.measure == "Berg"}


def test_a_few_brackets_make_no_template() -> None:
    text = "Post-op week: [5]. Pain 2/10.\n"
    assert template_field_pieces(text) == []


@pytest.mark.parametrize(
    ("key", "words", "unit"),
    [
        ("pain_during_0_10", "pain during", "/10"),
        ("pain_0_10_next_morning", "pain next morning", "/10"),
        ("knee_flex_deg", "knee flex", "°"),
        ("set_1_10", "set 1 10", None),
    ],
)
def test_a_snake_keys_scale_range_is_its_unit(key: str, words: str, unit: str | None) -> None:
    assert snake_words(key) == (words, unit)


def test_a_csv_column_naming_its_scale_gives_no_rating_of_zero() -> None:
    text = """Home diary (CSV):
date,exercise,sets,pain_during_0_10,pain_after_0_10
2134-02-27,bridges,3,2,1
2134-02-28,bridges,3,3,2
"""
    pains = _facts(text, "pain")
    assert pains and all(fact.value != 0 for fact in pains)
    assert {fact.value for fact in pains} <= {1, 2, 3}


def test_template_fields_look_at_a_bounded_window_on_a_long_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched: list[int] = []
    pattern = template_fields._AFTER_VALUE

    class Counting:
        def search(self, text: str) -> Any:
            searched.append(len(text))
            return pattern.search(text)

    monkeypatch.setattr(template_fields, "_AFTER_VALUE", Counting())
    line = "Rating [3]/10, " * 3000
    pieces = template_field_pieces(line)
    assert len(pieces) == 6000
    assert max(searched) <= template_fields._REACH
    assert len(searched) == 3000


def test_xml_elements_are_read_once_each_on_a_long_line(monkeypatch: pytest.MonkeyPatch) -> None:
    records: list[str] = []
    record = xml_elements._record

    def counting(*args: Any) -> str:
        records.append(args[0])
        return record(*args)

    monkeypatch.setattr(xml_elements, "_record", counting)
    line = "<?xml version='1.0'?><Log>" + '<Pain value="3" max="10"/>' * 2000 + "</Log>"
    pieces = xml_element_pieces(line)
    assert len(records) == 2001  # each element once, and the log
    assert sum(1 for piece in pieces if piece.value) == 2000

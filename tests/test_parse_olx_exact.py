"""Open edX course export (OLX) components as HTML (olx.py): the exact HTML a problem, a drop-down,
the answer widgets and the grading become, and the one-line refusals of pointer files and other XML."""

from __future__ import annotations

import pytest

from narrator.errors import BadInput
from narrator.parse.olx import OLX_ROOTS, olx_root, olx_to_html

_HEAD = "<!DOCTYPE html><html><body>"
_TAIL = "</body></html>"


def _html(xml: str, path: str = "problem.xml") -> str:
    root = olx_root(xml.encode("utf-8"))
    assert root is not None
    out = olx_to_html(root, path).decode("utf-8")
    assert out.startswith(_HEAD) and out.endswith(_TAIL)
    return out[len(_HEAD):-len(_TAIL)]


def _refusal(xml: str, path: str = "course/x.xml") -> str:
    root = olx_root(xml.encode("utf-8"))
    with pytest.raises(BadInput) as caught:
        olx_to_html(root, path)
    assert caught.value.path == path
    return caught.value.problem


def test_a_problem_its_title_heading_choices_and_solution():
    xml = ('<problem display_name=" Leaves " url_name="q1" weight="2">Intro'
           '<multiplechoiceresponse><label>Pick one</label><description>Think.</description>'
           '<choicegroup type="MultipleChoice"><choice correct="true">Red</choice>'
           '<choice correct="false">Blue</choice></choicegroup></multiplechoiceresponse>'
           '<checkboxgroup><choice correct="true">X</choice></checkboxgroup>'
           '<solution><p>Because.</p></solution><demandhint><hint>Look up.</hint></demandhint></problem>')
    assert _html(xml) == (
        '<div data-olx="problem" display_name=" Leaves " url_name="q1"><h2>Leaves</h2>Intro'
        '<div data-olx="multiplechoiceresponse"><p data-olx="label">Pick one</p>'
        '<p data-olx="description">Think.</p><ul data-olx="choicegroup"><li data-olx="choice">Red</li>'
        '<li data-olx="choice">Blue</li></ul></div><ul data-olx="checkboxgroup"><li data-olx="choice">X</li></ul>'
        '<div data-olx="solution" class="solution"><p>Because.</p></div>'
        '<div data-olx="demandhint"><p data-olx="hint">Look up.</p></div></div>')


def test_a_problem_without_a_title_has_no_heading_and_containers_keep_their_names():
    assert _html("<problem>Q</problem>") == '<div data-olx="problem">Q</div>'
    assert _html('<problem display_name="  ">Q</problem>') == '<div data-olx="problem" display_name="  ">Q</div>'
    assert _html('<vertical display_name="Unit 1"><html>Hi</html></vertical>') == (
        '<div data-olx="vertical" display_name="Unit 1"><div data-olx="html">Hi</div></div>')
    assert _html('<text>One</text>'.join(("<problem>", "</problem>"))) == (
        '<div data-olx="problem"><div data-olx="text">One</div></div>')


def test_answer_widgets_and_grading_are_marked_not_read():
    xml = ('<problem><stringresponse answer="x" type="ci"><textline size="10"/>'
           '<correcthint>Yes</correcthint><additional_answer answer="y"/></stringresponse>'
           '<numericalresponse answer="3"><responseparam type="tolerance" default="1%"/>'
           '<formulaequationinput/></numericalresponse>'
           '<script type="loncapa/python">x = 1</script><script type="text/python">y</script>'
           '<script type="text/javascript">z</script><drag-and-drop-v2 data="x"/></problem>')
    assert _html(xml) == (
        '<div data-olx="problem"><div data-olx="stringresponse"><div data-olx-widget="textline"></div>'
        '<div data-olx-grading="correcthint">Yes</div><div data-olx-grading="additional_answer"></div></div>'
        '<div data-olx="numericalresponse"><div data-olx-grading="responseparam"></div>'
        '<div data-olx-widget="formulaequationinput"></div></div>'
        '<div data-olx-grading="script">x = 1</div><div data-olx-grading="script">y</div>'
        '<script type="text/javascript">z</script><div data-olx-widget="drag-and-drop-v2"></div></div>')


def test_a_drop_down_says_its_choices_in_a_row():
    xml = ('<problem><optionresponse><optioninput correct="B">'
           '<option correct="False">A <optionhint>No</optionhint></option>'
           '<option correct="True"> B\n  b </option><option></option></optioninput></optionresponse></problem>')
    assert _html(xml) == ('<div data-olx="problem"><div data-olx="optionresponse">'
                          '<span data-olx="optioninput"> A, B b </span></div></div>')
    xml = """<problem><optioninput options="('USA','Germany', &quot;Eng land&quot;,'')" correct="USA"/></problem>"""
    assert _html(xml) == '<div data-olx="problem"><span data-olx="optioninput"> USA, Germany, Eng land </span></div>'
    assert _html("<problem><optioninput/></problem>") == (
        '<div data-olx="problem"><span data-olx="optioninput">  </span></div>')


def test_html_inside_a_component_keeps_its_attributes_but_correct_and_namespaced_ones():
    xml = ('<html xmlns:x="urn:x"><P class="c" x:data="1">Hi <B correct="true">there</B>'
           '<a href="/u">link</a></P></html>')
    assert _html(xml) == ('<div xmlns:x="urn:x" data-olx="html"><p class="c">Hi <b>there</b>'
                          '<a href="/u">link</a></p></div>')


def test_a_dtds_entities_are_never_expanded_their_text_around_is_kept():
    xml = ('<!DOCTYPE problem [<!ENTITY boom "BOOM">]>'
           '<problem><p>a &boom; b</p><p>&boom; c</p><p>d &boom;</p></problem>')
    assert _html(xml) == '<div data-olx="problem"><p>a  b</p><p> c</p><p>d </p></div>'
    xml = '<!DOCTYPE problem [<!ENTITY e "E">]><problem><p>x<b>y</b>&e; tail</p></problem>'
    assert _html(xml) == '<div data-olx="problem"><p>x<b>y</b> tail</p></div>'


def test_xml_that_is_not_well_formed_has_no_root():
    assert olx_root(b"<problem><p>open</problem>") is None
    assert olx_root(b"not xml") is None
    assert olx_root(b"<problem/>") is not None


def test_other_xml_is_refused_naming_its_root():
    assert _refusal("<rss><channel/></rss>") == (
        "cannot read .xml: <rss> is not an Open edX course (OLX) element; narrate reads .xml files of "
        "Open edX course exports")
    long = "a" * 50
    assert _refusal(f"<{long}/>").startswith(f"cannot read .xml: <{'a' * 37}...> is not")
    assert OLX_ROOTS >= {"problem", "html", "vertical", "sequential", "chapter", "course", "library",
                         "library_content", "split_test", "conditional", "unit"}


def test_a_namespaced_or_upper_case_olx_root_is_read():
    assert _html('<x:Problem xmlns:x="urn:y">Q</x:Problem>') == '<div xmlns:x="urn:y" data-olx="problem">Q</div>'


def test_a_pointer_file_names_the_file_that_holds_the_content():
    assert _refusal('<html filename="intro" display_name="Intro"/>') == (
        "an Open edX pointer to html/intro.html: narrate that file")
    assert _refusal('<html filename="intro.html"/>') == "an Open edX pointer to html/intro.html: narrate that file"
    assert _refusal('<problem url_name="q1"/>') == "an Open edX pointer to problem/q1.xml: narrate that file"
    assert _refusal('<html url_name="h1"/>') == "an Open edX pointer to html/h1.xml: narrate that file"


def test_a_container_listing_only_its_parts_names_them():
    xml = '<vertical display_name="U"><html url_name="a"/><problem url_name="b"/>\n</vertical>'
    assert _refusal(xml) == ("an Open edX unit that only names its parts (html/a.xml, problem/b.xml): "
                             "narrate those files")
    xml = "<sequential>" + "".join(f'<vertical url_name="v{i}"/>' for i in range(6)) + "</sequential>"
    assert _refusal(xml) == ("an Open edX subsection that only names its parts (vertical/v0.xml, vertical/v1.xml, "
                             "vertical/v2.xml, vertical/v3.xml and 2 more): narrate those files")
    xml = "<chapter>" + "".join(f'<sequential url_name="s{i}"/>' for i in range(4)) + "</chapter>"
    assert _refusal(xml) == ("an Open edX section that only names its parts (sequential/s0.xml, sequential/s1.xml, "
                             "sequential/s2.xml, sequential/s3.xml): narrate those files")
    assert _refusal('<unit><problem url_name="p"/></unit>').startswith("an Open edX unit that")
    assert _refusal('<course><chapter url_name="c"/></course>') == (
        "an Open edX <course> that only names its parts (chapter/c.xml): narrate those files")


def test_an_element_with_text_or_naming_nothing_is_no_pointer():
    assert _html('<html filename="intro">Some text</html>') == '<div data-olx="html">Some text</div>'
    assert _html("<vertical><problem/></vertical>") == '<div data-olx="vertical"><div data-olx="problem"></div></div>'
    assert _html("<html/>") == '<div data-olx="html"></div>'
    # a part with children of its own names no file
    assert _html('<vertical><problem url_name="p"><p/></problem></vertical>') == (
        '<div data-olx="vertical"><div data-olx="problem" url_name="p"><p></p></div></div>')


def test_comments_and_processing_instructions_are_dropped():
    xml = '<problem><!-- answer: B --><?xml-stylesheet href="a.xsl"?><p>x</p><?pi y?></problem>'
    assert _html(xml) == '<div data-olx="problem"><p>x</p></div>'


def test_text_is_utf8_not_character_references():
    assert _html("<problem><p>Café 水</p></problem>") == '<div data-olx="problem"><p>Café 水</p></div>'


def test_an_external_dtd_a_file_names_is_never_read(tmp_path):
    dtd = tmp_path / "x.dtd"
    dtd.write_text('<!ENTITY e "FROM DTD"> broken <<<', encoding="utf-8")
    xml = f'<!DOCTYPE problem SYSTEM "{dtd.as_uri()}"><problem>Q</problem>'
    assert _html(xml) == '<div data-olx="problem">Q</div>'


def test_xml_nested_deeper_than_the_parsers_limit_has_no_root():
    deep = "<problem>" + "<p>" * 300 + "x" + "</p>" * 300 + "</problem>"
    assert olx_root(deep.encode()) is None
    ok = "<problem>" + "<p>" * 200 + "x" + "</p>" * 200 + "</problem>"
    assert olx_root(ok.encode()) is not None


def test_a_drop_down_with_an_entity_among_its_options():
    xml = ('<!DOCTYPE problem [<!ENTITY e "E">]><problem><optioninput><option>A</option>&e;'
           '<option>B</option></optioninput></problem>')
    assert _html(xml) == '<div data-olx="problem"><span data-olx="optioninput"> A, B </span></div>'


def test_a_script_without_a_type_is_kept_as_html():
    assert _html("<problem><script>var x;</script></problem>") == '<div data-olx="problem"><script>var x;</script></div>'


def test_white_space_alone_is_no_text_of_a_pointer_file():
    assert _refusal('<vertical>\n  <html url_name="a"/>\n  <html url_name="b"/>\n</vertical>') == (
        "an Open edX unit that only names its parts (html/a.xml, html/b.xml): narrate those files")


def test_long_names_in_a_pointer_are_cut_to_one_short_line():
    name = "n" * 100
    assert _refusal(f'<html filename="{name}"/>') == (
        f"an Open edX pointer to html/{'n' * 77}....html: narrate that file")
    assert _refusal(f'<problem url_name="{name}"/>') == (
        f"an Open edX pointer to problem/{'n' * 77}....xml: narrate that file")
    tag = "t" * 50
    assert _refusal(f'<vertical><{tag} url_name="u"/></vertical>') == (
        f"an Open edX unit that only names its parts ({'t' * 37}.../u.xml): narrate those files")

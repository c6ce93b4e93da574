"""Collapsible content and Open edX course export (OLX) files (issue 19).

A part hidden by its style that a control on the page opens (a link's href="#id", a
javascript:/onclick naming its id, aria-controls, data-target, latex2edx's show-hide box) is
lesson text: it is read once, where it stands, and the control's label ("+ open", "[show]") is
reported as a control. What nothing opens stays a hidden element. An OLX ``<problem>`` .xml
file is read as the LMS shows it; any other XML is refused in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrator.config import ParseConfig
from narrator.errors import BadInput
from narrator.parse import parse_html

_BODY = ("The chemical editor you are using ensures that the structures you draw follow the rules "
         "for covalent bonds.")


def _doc(data: bytes, name: str = "page.html"):
    return parse_html(data, name, ParseConfig())


def _text(doc) -> str:
    return " | ".join(b.text for c in doc.chapters for b in c.blocks)


def _skips(doc) -> dict[str, str]:
    return {s.source: s.what for s in doc.skipped}


def test_a_part_a_javascript_toggle_opens_is_read_and_its_label_reported() -> None:
    data = (b"<h2>Molecule Editor</h2><p>Students love the molecule builder.</p>"
            b"<div id='titleText'>Are the molecules possible?<a id='introHeader' "
            b"href=\"javascript:toggle2('introContent','introHeader');\">+ open </a></div>"
            b"<div id='introContent' style='display: none;'><p>" + _BODY.encode() + b"</p></div>")
    doc = _doc(data)
    text = _text(doc)
    assert text.count("covalent bonds") == 1 and "open" not in text
    assert "Are the molecules possible?" in text
    assert _skips(doc).get("#introHeader") == "control label"
    assert "hidden element" not in _skips(doc).values()


def test_href_aria_controls_and_data_target_open_parts_too() -> None:
    data = (b"<h1>Lesson</h1><p>Read the notes below.</p>"
            b"<p><a href='#n1'>Show</a></p><div id='n1' style='display:none'><p>First hidden note.</p></div>"
            b"<p><button aria-controls='n2'>Expand</button></p><div id='n2' hidden><p>Second note.</p></div>"
            b"<p><a data-target='#n3' data-toggle='collapse'>Hide/Show</a></p>"
            b"<div id='n3' style='display:none'><p>Third note.</p></div>")
    text = _text(_doc(data))
    for words in ("First hidden note.", "Second note.", "Third note."):
        assert text.count(words) == 1, text
    assert "Show" not in text and "Hide" not in text


def test_what_nothing_opens_stays_a_hidden_element() -> None:
    data = (b"<h1>Lesson</h1><p>Visible text of the lesson.</p>"
            b"<div id='secret' style='display:none'><p>An editor's leftover draft.</p></div>"
            b"<p><a href='#other'>Show</a></p><div id='other'><p>Shown anyway.</p></div>")
    doc = _doc(data)
    assert "leftover draft" not in _text(doc)
    assert _skips(doc).get("#secret") == "hidden element"


def test_a_dialog_or_menu_a_link_opens_stays_hidden() -> None:
    data = (b"<h1>Lesson</h1><p>Visible text of the lesson.</p>"
            b"<p><a href='#loginModal'>Log in</a> <a aria-controls='site-menu'>Menu</a></p>"
            b"<div id='loginModal' class='modal' style='display:none'><h2>Sign in to your account</h2></div>"
            b"<div id='site-menu' style='display:none'><p>Courses, Library, Contact</p></div>")
    doc = _doc(data)
    text = _text(doc)
    assert "Sign in" not in text and "Courses, Library" not in text
    assert _skips(doc).get("#loginModal") == "hidden element" and _skips(doc).get("#site-menu") == "hidden element"


def test_details_and_bootstrap_collapse_are_read() -> None:
    data = (b"<h1>Lesson</h1><details><summary>Worked example</summary><p>Add the two numbers.</p></details>"
            b"<a data-bs-toggle='collapse' href='#more'>Read more</a><div class='collapse' id='more'>"
            b"<p>The collapsed explanation.</p></div>")
    text = _text(_doc(data))
    assert "Add the two numbers." in text and text.count("The collapsed explanation.") == 1


def test_open_edx_show_hide_row_is_read_once_without_its_brackets() -> None:
    data = (b"<html display_name='Show-hide'><p>Some text before.</p><table class='wikitable collapsible'>"
            b"<tr><th>Hints for entering expressions [<a onclick=\"javascript:$('#ps4').toggle();\" "
            b"href='javascript:void(0);' id='ps4l'>show</a>]</th></tr>"
            b"<tr id='ps4' style='display:none'><td><p>Use a star to multiply coefficients.</p></td></tr>"
            b"</table></html>")
    doc = _doc(data, "component.xml")
    text = _text(doc)
    assert text.count("Use a star to multiply coefficients.") == 1
    assert "show" not in text and "[" not in text and "]" not in text
    assert _skips(doc).get("#ps4l") == "control label"


def test_latex2edx_show_hide_box_content_is_read() -> None:
    data = (b"<h1>Lesson</h1><div class='hideshowbox'><h4 onclick='hideshow(this);'>Secret text</h4>"
            b"<div class='hideshowcontent' style='display:none'><p>The hidden explanation.</p></div></div>")
    text = _text(_doc(data))
    assert "Secret text" in text and text.count("The hidden explanation.") == 1


_PROBLEM = b"""<?xml version="1.0"?>
<problem display_name="Energy eigenstates" attempts="10">
  <text>
    <p>What are the energy eigenstates?</p>
    <script type="loncapa/python">expected = compute_answer(secret_value)</script>
    <customresponse cfn="check" expect="cos(x)">
      <textline size="60" correct_answer="cos(x)"/>
    </customresponse>
    <multiplechoiceresponse>
      <choicegroup type="MultipleChoice">
        <choice correct="false">Spin up<choicehint>Not quite, think again.</choicehint></choice>
        <choice correct="true">Spin down</choice>
      </choicegroup>
    </multiplechoiceresponse>
    <optionresponse><p>The capital of Australia:
      <optioninput><option correct="False">Sydney<optionhint>No, that is the biggest city.</optionhint></option>
      <option correct="True">Canberra</option></optioninput></p></optionresponse>
    <solution><p>Explanation: the field mixes the two states.</p></solution>
  </text>
</problem>
"""


def test_an_olx_problem_file_is_read_as_the_lms_shows_it(tmp_path: Path) -> None:
    doc = _doc(_PROBLEM, "problem.xml")
    text = _text(doc)
    assert text.startswith("Energy eigenstates")  # the problem's name is its heading
    assert "What are the energy eigenstates?" in text
    assert "Spin up" in text and "Spin down" in text
    assert "The capital of Australia: Sydney, Canberra" in text  # a drop-down's choices, in a row
    assert "the field mixes the two states" in text  # the solution "Show answer" reveals
    for never in ("secret_value", "cos(x)", "correct", "true", "false", "True", "Not quite", "check", "biggest"):
        assert never not in text, never
    whats = {s.what for s in doc.skipped}
    assert {"answer widget", "answer checking"} <= whats


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "narrator", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_other_xml_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>")
    (tmp_path / "broken.xml").write_text("<problem><p>unclosed")
    for name, why in (("feed.xml", "<rss> is not an Open edX course (OLX) element"),
                      ("broken.xml", "it is not well-formed XML")):
        proc = _run(tmp_path, name, "--dry-run")
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"narrate: {name}: cannot read .xml: {why}"), proc.stderr


@pytest.mark.timeout(120)  # expanding 10**8 "boom"s would hang here, not finish
def test_an_olx_file_never_expands_its_entities() -> None:
    levels = "".join(f'<!ENTITY e{i} "{("&e%d;" % (i - 1)) * 10}">' for i in range(1, 9))
    data = (f'<?xml version="1.0"?><!DOCTYPE problem [<!ENTITY e0 "boom">{levels}]>'
            f"<problem><p>Question &e8; here.</p></problem>").encode()
    try:  # libxml2 may refuse the nesting itself (then in one line), or leave the entity unread
        text = _text(_doc(data, "bomb.xml"))
    except BadInput as e:
        assert str(e).startswith("bomb.xml: cannot read .xml")
        text = ""
    assert "boom" not in text and "&" not in text
    # one entity, no nesting: parsed, and the reference is left out rather than expanded
    one = b'<?xml version="1.0"?><!DOCTYPE problem [<!ENTITY e "boom">]><problem><p>Ask &e; now.</p></problem>'
    assert _text(_doc(one, "one.xml")) == "Ask now."


def test_an_unexpanded_entity_is_reported_where_it_was_left_out() -> None:
    data = (b'<?xml version="1.0"?><!DOCTYPE problem [<!ENTITY unit "metres"><!ENTITY q "?">]>'
            b"<problem><p>Give the height in &unit;&q; Then the width in &unit;.</p></problem>")
    doc = _doc(data, "problem.xml")
    assert _text(doc) == "Give the height in Then the width in ."
    assert [(s.source, s.what) for s in doc.skipped] == [("&unit; (2 times)", "XML entity"), ("&q;", "XML entity")]
    assert all("not expanded" in s.reason for s in doc.skipped)


def test_a_furniture_word_counts_only_as_a_whole_word_of_the_name() -> None:
    """'navierAnswer' begins like 'nav' and 'sharedMemoryAnswer' like 'share', but neither is a
    menu; 'menuPlanSolution' names a solution (a lesson word), so what their links open is read.
    Whole furniture words, also in camelCase or joined from two words, stay hidden."""
    data = (b"<h1>Lesson</h1><p>Three exercises with their answers.</p>"
            b"<p><a href='#navierAnswer'>Show</a></p>"
            b"<div id='navierAnswer' style='display:none'><p>The Navier equation holds.</p></div>"
            b"<p><a href='#sharedMemoryAnswer'>Show</a></p>"
            b"<div id='sharedMemoryAnswer' style='display:none'><p>Use a shared memory segment.</p></div>"
            b"<p><a href='#menuPlanSolution'>Show</a></p>"
            b"<div id='menuPlanSolution' style='display:none'><p>Plan the week's meals first.</p></div>"
            b"<p><a href='#mainNavbar'>Open</a> <a href='#signInBox'>Sign in</a> <a href='#user_menus'>Me</a></p>"
            b"<div id='mainNavbar' style='display:none'><p>Courses and more courses</p></div>"
            b"<div id='signInBox' style='display:none'><p>Your password please</p></div>"
            b"<div id='user_menus' style='display:none'><p>Profile and settings</p></div>")
    doc = _doc(data)
    text = _text(doc)
    for words in ("The Navier equation holds.", "Use a shared memory segment.", "Plan the week's meals first."):
        assert text.count(words) == 1, text
    for words in ("Courses and more", "Your password", "Profile and settings"):
        assert words not in text, text
    skips = _skips(doc)
    assert all(skips.get(f"#{i}") == "hidden element" for i in ("mainNavbar", "signInBox", "user_menus")), skips


def test_an_olx_pointer_file_says_which_file_holds_the_content(tmp_path: Path) -> None:
    # an export's html/intro.xml only names html/intro_text.html; a unit only names its parts;
    # the one-line error says so (the named files are never opened: a lesson names no file to read)
    (tmp_path / "intro.xml").write_text('<html filename="intro_text" display_name="Introduction"/>')
    (tmp_path / "unit.xml").write_text('<vertical display_name="Unit 1">\n  <html url_name="intro"/>\n'
                                       '  <problem url_name="q1"/>\n</vertical>\n')
    (tmp_path / "intro_text.html").write_text("<p>Never read from a pointer.</p>")
    for name, message in (("intro.xml", "an Open edX pointer to html/intro_text.html: narrate that file"),
                          ("unit.xml", "an Open edX unit that only names its parts (html/intro.xml, "
                                       "problem/q1.xml): narrate those files")):
        proc = _run(tmp_path, name, "--dry-run")
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert proc.stderr.strip().splitlines() == [f"narrate: {name}: {message}"], proc.stderr

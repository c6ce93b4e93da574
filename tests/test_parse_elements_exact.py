"""What an element's own attributes say, exactly (narrator/parse/elements.py): style, classes,
language, hidden or revealed by a control, page breaks, numbers, blanks."""

from __future__ import annotations

from typing import Any

from narrator.parse.elements import (block_breaks, classes_of, int_attr, is_blank_input, is_hidden,
                                     is_pagebreak_style, lang_of, language_of, reveals, style_of)
from narrator.parse.html import parse_soup


def el(markup: str, name: str | None = None) -> Any:
    soup = parse_soup(markup)
    return soup.find(name) if name else soup.body.contents[0]


def test_style_is_lowercased_without_any_spaces() -> None:
    assert style_of(el('<p style="Font-Weight : Bold;\n\tColor:\rRed">x</p>')) == "font-weight:bold;color:red"
    assert style_of(el("<p>x</p>")) == ""
    assert style_of(el('<p style="">x</p>')) == ""


def test_classes_without_the_editors_internal_ones() -> None:
    assert classes_of(el('<p class="MsoNormal mceItem tox-x ck-editor ck western cjk ctl apple-style docs-x '
                         'ck2 key cjkish">x</p>')) == ["ck2", "key", "cjkish"]
    assert classes_of(el("<p>x</p>")) == []


def test_language_of_well_formed_tags_only() -> None:
    assert [language_of(v) for v in ("en_US", " zh-Hans-CN ", "FR", "de-CH-1901", "sgn-ase", "en-a-bbb-x-a",
                                      "x-private", "i-klingon", "english!", "", None, 3, "a" * 101,
                                      "en-" + "a" * 95)] == [
        "en", "zh", "fr", "de", "sgn", "en", None, None, None, None, None, None, None, None]
    assert lang_of(el('<p lang="pt-BR">x</p>')) == "pt"
    assert lang_of(el('<p xml:lang="it">x</p>')) == "it"
    assert lang_of(el('<p lang="" xml:lang="es">x</p>')) == "es"
    assert lang_of(el("<p>x</p>")) is None


def test_hidden_elements() -> None:
    cases = ['<p hidden>x</p>', '<p aria-hidden="true">x</p>', '<p data-mce-type="bookmark">x</p>',
             '<p data-mce-bogus="all">x</p>', '<p style="display: none">x</p>', '<p style="visibility:hidden">x</p>',
             '<p style="mso-list:Ignore">x</p>', '<p aria-hidden="false">x</p>', '<p data-mce-bogus="1">x</p>',
             '<p class="hidden">x</p>', "<p>x</p>"]
    assert [is_hidden(e := el(c), style_of(e)) for c in cases] == [True] * 7 + [False] * 4


def test_content_a_control_reveals_is_not_hidden() -> None:
    soup = parse_soup(
        '<a href="#ans">Show</a><div id="ans" style="display:none">42</div>'
        '<button onclick="toggle(\'hint\')">Hint</button><div id="hint" hidden>Think.</div>'
        '<a href="javascript:show(&quot;sol&quot;)">Solution</a><div id="sol" style="visibility:hidden">x=1</div>'
        '<span aria-controls="#more extra">More</span><div id="more" style="display:none">Later</div>'
        '<a href="#aria">A</a><div id="aria" aria-hidden="true" style="display:none">no</div>'
        '<a href="#menu">Menu</a><div id="menu" style="display:none">Home</div>'
        '<a href="#self" id="self" style="display:none">self</a>'
        '<a href="#">top</a><div id="never" style="display:none">never named</div>'
        '<div class="hideshowbox"><h4 onclick="x()">Title</h4><div class="hideshowcontent" style="display:none">Box</div></div>'
        '<div class="hideshowcontent" style="display:none">Loose</div>')
    found = reveals(soup.body)
    ids = {k: soup.find(id=k) for k in ("ans", "hint", "sol", "more", "aria", "menu", "self", "never")}
    shown = {k for k, v in ids.items() if id(v) in found.shown}
    assert shown == {"ans", "hint", "sol", "more"}
    boxes = soup.find_all(class_="hideshowcontent")
    assert [id(b) in found.shown for b in boxes] == [True, False]
    controls = [a.get_text() for a in soup.find_all(True) if id(a) in found.controls]
    assert controls == ["Show", "Hint", "Solution", "More"]
    ans = ids["ans"]
    assert not found.hides(ans, style_of(ans))
    assert found.hides(ids["aria"], style_of(ids["aria"]))
    assert found.hides(ids["never"], style_of(ids["never"]))


def test_furniture_a_control_opens_stays_hidden() -> None:
    soup = parse_soup(
        '<a href="#a">1</a><div id="a" role="dialog" style="display:none">x</div>'
        '<a href="#b">2</a><div id="b" class="site-menu" style="display:none">x</div>'
        '<a href="#loginModal">3</a><div id="loginModal" style="display:none">x</div>'
        '<a href="#signInBox">4</a><div id="signInBox" style="display:none">x</div>'
        '<a href="#c">5</a><div id="c" aria-modal="true" style="display:none">x</div>'
        '<a href="#d">6</a><form id="d" style="display:none">x</form>'
        '<a href="#navierAnswer">7</a><div id="navierAnswer" style="display:none">x</div>'
        '<a href="#menuPlanSolution">8</a><div id="menuPlanSolution" style="display:none">x</div>'
        '<a href="#e">9</a><div id="e" class="menus" style="display:none">x</div>'
        '<a href="#f">10</a><div id="f" class="hints" style="display:none">x</div>'
        '<a href="#sharedMemory">11</a><div id="sharedMemory" style="display:none">x</div>'
        '<a href="#g">12</a><nav id="g" style="display:none">x</nav>'
        '<a href="#h">13</a><dialog id="h" style="display:none">x</dialog>'
        '<a href="#i">14</a><menu id="i" style="display:none"><li>x</li></menu>'
        '<a href="#j">15</a><div id="j" data-mce-type="bookmark" style="display:none">x</div>')
    found = reveals(soup.body)
    shown = [t["id"] for t in soup.find_all(["div", "form", "nav", "dialog", "menu"]) if id(t) in found.shown]
    assert sorted(shown) == sorted(["navierAnswer", "menuPlanSolution", "f", "sharedMemory"])


def test_page_breaks_before_and_after() -> None:
    assert is_pagebreak_style("page-break-before:always") == (True, False)
    assert is_pagebreak_style("break-after:page") == (False, True)
    assert is_pagebreak_style("break-before:page;page-break-after:always") == (True, True)
    assert is_pagebreak_style("page-break-inside:avoid") == (False, False)
    assert is_pagebreak_style("color:red") == (False, False)
    node = el('<div class="page-break" style="page-break-after:always"></div>')
    assert block_breaks(node, style_of(node)) == (True, False)
    node = el('<div style="page-break-after:always"></div>')
    assert block_breaks(node, style_of(node)) == (False, True)
    assert block_breaks(el("<div></div>"), "") == (False, False)


def test_whole_numbers_of_attributes() -> None:
    assert [int_attr(v) for v in (" 7 ", "-2", None, "x", "3.5", 4)] == [7, -2, 0, 0, 0, 4]


def test_blank_inputs() -> None:
    cases = ['<input>', '<input type="TEXT">', '<input type="number">', '<input type="search">',
             '<input type="url">', '<input type="datetime-local">', '<input type="email">', '<input type="tel">',
             '<input type="date">', '<input type="time">', '<input type="month">', '<input type="week">',
             '<input type="">', '<input type="checkbox">', '<input type="radio">', '<input type="submit">',
             '<input type="hidden">', '<input hidden>', '<input style="display: none">']
    assert [is_blank_input(el(c, "input")) for c in cases] == [True] * 13 + [False] * 6

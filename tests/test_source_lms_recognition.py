"""Which pages are LMS pages (narrator/parse/sources/lms.py), mark by mark: each LMS is known by
any one of its own marks, a page with a <head> by nothing else, and a bare fragment showing icon
glyphs it loads no font for is read without them. Each page below carries the furniture of every
LMS; what is taken out says which LMS the page was read as (None: it is no LMS page)."""

from __future__ import annotations

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise

FURNITURE = ("<a href='#main'>Skip to main content</a><div id='breadcrumbs'>Course home</div>"
             "<div class='problem-progress'>1 point possible</div><p id='main'>Plants use light.</p>")
MOODLE = [("a", "skip link")]
BLACKBOARD = [("div#breadcrumbs", "page chrome")]
OPENEDX = [("div.problem-progress", "problem controls")]


def read_as(html: str) -> list[tuple[str, str]] | None:
    """What the LMS rules took out of the page (element, what), or None when it is no LMS page."""
    soup = parse_soup(html)
    source = recognise(soup)
    if source.name != "lms":
        return None
    return [(s.source, s.what) for s in source.prepare(soup)]


def page(head: str = "", body: str = FURNITURE, body_attrs: str = "") -> str:
    return f"<html><head><title>Week 1</title>{head}</head><body{body_attrs}>{body}</body></html>"


def meta(name: str, content: str = "x") -> str:
    return f'<meta name="{name}" content="{content}"/>'


BANNER = "<table><tr><td>Week 1</td></tr></table><h2>Week 1</h2><p>Plants use light.</p>"


def test_canvas_is_known_by_its_identifier_with_its_workflow_or_editing_meta() -> None:
    assert read_as(page(meta("identifier") + meta("workflow_state", "active"), BANNER)) == [("table", "page banner")]
    assert read_as(page(meta("identifier") + meta("editing_roles", "teachers"), BANNER)) == [("table", "page banner")]
    assert read_as(page(meta("identifier"), BANNER)) is None  # an identifier alone is any exporter's
    assert read_as(page(meta("workflow_state", "active") + meta("editing_roles"), BANNER)) is None


def test_a_page_of_only_a_head_is_no_lms_page() -> None:
    assert read_as("<html><head><title>Week 1</title>" + meta("identifier") + "</head></html>") is None


def test_a_canvas_page_of_only_a_head_has_nothing_to_take_out() -> None:
    head = "<html><head><title>Week 1</title>" + meta("identifier") + meta("workflow_state", "active") + "</head></html>"
    assert read_as(head) == []


def test_moodle_is_known_by_any_one_of_its_marks() -> None:
    assert read_as(page(body_attrs=" id='page-mod-page-view'")) == MOODLE
    assert read_as(page(body_attrs=" class='format-topics path-mod-page'")) == MOODLE
    assert read_as(page(meta("generator", "Moodle 4.1 (Build: 20221128)"))) == MOODLE
    assert read_as(page(meta("generator", "WordPress 6.4"))) is None
    # a class that only holds the words is no Moodle mark (a page without <head> is asked too)
    assert read_as(f"<html><body class='subpath-module'>{FURNITURE}</body></html>") is None


def test_blackboard_is_known_by_its_content_list_or_its_editor_class() -> None:
    assert read_as(page(body=FURNITURE + "<div class='vtbegenerated'><p>Read chapter one.</p></div>")) == BLACKBOARD
    assert read_as(page(body=FURNITURE + "<ul id='content_listContainer'><li>Read chapter one.</li></ul>")) == BLACKBOARD


def test_open_edx_courseware_is_known_by_any_one_of_its_marks() -> None:
    for mark in ("<div data-usage-id='block-v1:Demo+html+1'>", "<div class='xmodule_display'>",
                 "<div class='xblock' data-block-type='html'>", "<div display_name='Reading'>",
                 "<div url_name='reading'>", "<div data-olx='html'>",
                 "<div class='course-wrapper'><div id='seq_content'>"):
        assert read_as(page(body=mark + FURNITURE + "</div>" * mark.count("<div"))) == OPENEDX, mark
    # the unit's navigation bar is one of them, and the first thing taken out
    assert read_as(page(body="<nav class='sequence-nav'>Unit 1</nav>" + FURNITURE)) == [
        ("nav.sequence-nav", "unit navigation"), *OPENEDX]


def test_a_page_with_a_head_is_not_open_edx_by_a_class_or_an_id_alone() -> None:
    # an "xblock" class without the block's type, an id named seq_content outside the courseware
    assert read_as(page(body="<div class='xblock'>" + FURNITURE + "</div>")) is None
    assert read_as(page(body="<div class='xblock'></div><div data-block-type='html'>" + FURNITURE + "</div>")) is None
    assert read_as(page(body="<div id='seq_content'>" + FURNITURE + "</div>")) is None


def test_a_bare_component_is_known_by_open_edx_traces_only() -> None:
    for mark in ("<div class='xblock'>", "<div class='xblock-student_view'>", "<div class='xmodule_HtmlBlock'>",
                 "<div url_name='reading'>", "<div data-olx='html'>",
                 "<div class='course-wrapper'><div id='seq_content'>"):
        assert read_as(mark + FURNITURE + "</div>" * mark.count("<div")) == OPENEDX, mark
    assert read_as(FURNITURE) is None
    assert read_as("<div class='wrapper'><div class='seq'>" + FURNITURE + "</div></div>") is None


ICON = [("span.material-icons", "icon")]
PROMPT = "<p>Click Next to continue.</p>"


def test_a_bare_fragment_showing_icon_glyphs_loses_them_and_nothing_else() -> None:
    glyph = "<p><span class='material-icons'>check</span> Done</p>"
    assert read_as(glyph + PROMPT) == ICON  # its Next prompt is no LMS's: read
    assert read_as("<p><i class='material-icons'>lightbulb</i> Idea</p>") == [("i.material-icons", "icon")]
    assert read_as("<p><i class='bi-star'>\ue001</i> Rate it</p>") == [("i.bi-star", "icon")]
    # a fragment that loads a font or stylesheet draws its own glyphs: nothing is taken out
    assert read_as(glyph + "<link rel='stylesheet' href='icons.css'>") is None
    assert read_as(glyph + "<style>.material-icons { font-family: x; }</style>") is None
    assert read_as("<p>Done</p><link rel='stylesheet' href='icons.css'>") is None
    # nor is a page with a <head> (whatever else it says), nor an icon class on an empty element
    assert read_as(page(meta("identifier"), glyph)) is None
    assert read_as("<p><span class='material-icons'></span> Done</p>") is None


def test_the_glyph_search_looks_at_the_first_two_thousand_icon_elements() -> None:
    glyph = "<p><span class='material-icons'>check</span> Done</p>"
    assert read_as("<p>" + "<b>x</b>" * 2000 + "</p>" + glyph) == ICON  # other elements do not count
    assert read_as("<p>" + "<span>x</span>" * 1999 + "</p>" + glyph) == ICON
    assert read_as("<p>" + "<span>x</span>" * 2000 + "</p>" + glyph) is None

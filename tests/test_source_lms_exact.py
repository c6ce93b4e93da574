"""LMS course pages (narrator/parse/sources/lms.py), exactly: which element is a Canvas banner
(the page title repeated beside a logo before the first heading), what each LMS's furniture is
reported as, and what is left. Small hand-written pages, the skip report compared whole."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Skipped

CANVAS = ('<html><head>{title}<meta name="identifier" content="g1"/>'
          '<meta name="workflow_state" content="active"/></head><body>{body}</body></html>')
BANNER = "the course's banner: the page title repeated beside a logo, before the page's own heading"


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    return source, soup, source.prepare(soup)


def canvas(body: str, title: str = "<title>Linking</title>") -> list[Skipped]:
    source, _, skipped = prepared(CANVAS.format(title=title, body=body))
    assert source.name == "lms"
    return skipped


def test_a_banner_is_a_table_or_a_block_with_a_logo_repeating_the_title() -> None:
    rest = "<h2>Linking</h2><p>Links join pages.</p>"
    assert canvas("<table><tr><td>Linking</td></tr></table>" + rest) == [Skipped("table", "page banner", BANNER, 7)]
    assert canvas("<div><img src='logo.png'> Linking</div>" + rest) == [Skipped("div", "page banner", BANNER, 7)]
    assert canvas("<p class='b'><img src='logo.png'>Linking</p>" + rest) == [Skipped("p.b", "page banner", BANNER, 7)]


def test_a_block_repeating_the_title_without_a_logo_is_read() -> None:
    rest = "<h2>Linking</h2><p>Links join pages.</p>"
    assert canvas("<div>Linking</div>" + rest) == []
    assert canvas("<div><span>Linking</span></div>" + rest) == []
    assert canvas("<p><img src='logo.png'>Linking today</p>" + rest) == []  # not the title


def test_a_logo_block_inside_a_table_of_more_is_no_banner() -> None:
    body = "<table><tr><td><div><img src='logo.png'>Linking</div></td><td>Week 1</td></tr></table><h2>Linking</h2><p>x</p>"
    assert canvas(body) == []


def test_without_a_title_or_a_heading_nothing_is_a_banner() -> None:
    assert canvas("<div><img src='logo.png'></div><h2>Linking</h2><p>Links join pages.</p>", title="") == []
    assert canvas("<table><tr><td>Linking</td></tr></table><p>Links join pages.</p>") == []


ICON = "an icon font's glyph: a picture, not a word"
LABEL = "the screen-reader label of an icon, not lesson text"


def test_an_icon_alone_in_a_cell_is_named_others_are_reported() -> None:
    from narrator.parse.sources.lms import icons

    html = ('<html lang="{lang}"><body><table><tr><th><i class="fa fa-check"></i></th>'
            '<td><i class="fa fa-times"></i></td><td><span class="material-icons">close</span></td>'
            '<td><i class="fa fa-check" aria-label="Allowed"></i></td><td><i class="fa fa-xmark" title="Refused"></i></td>'
            '<td><i class="fa fa-star"></i></td></tr></table>'
            '<p><i class="fa fa-check"></i></p><p><i class="fa fa-check"></i><span class="sr-only">Done</span></p>'
            '<p><span class="material-icons">lightbulb</span> Idea</p></body></html>')
    report = [Skipped("i.fa.fa-star", "icon", ICON, 0), Skipped("i.fa.fa-check", "icon", ICON, 0),
              Skipped("span.sr-only", "icon label", LABEL, 4), Skipped("i.fa.fa-check", "icon", ICON, 0),
              Skipped("span.material-icons", "icon", "an icon font's glyph (lightbulb): a picture, not a word", 9)]
    for lang, yes, no in (("en", "check mark", "cross"), ("zh-CN", "对勾", "叉号")):
        soup = parse_soup(html.format(lang=lang))
        assert icons(soup) == report
        assert [c.get_text() for c in soup.find_all(["th", "td"])] == [yes, no, no, "Allowed", "Refused", ""]
        assert [p.get_text() for p in soup.find_all("p")] == ["", "", " Idea"]


PROMPT = Skipped("p", "navigation prompt", "tells the reader to press the LMS's Next button", 23)


def test_moodle_furniture_each_with_its_reason_and_the_main_region_as_the_document() -> None:
    main = ("<h2>Photosynthesis</h2><div class='activity-dates'>Opened: Monday</div>"
            "<div class='completion-info'><button>Mark as done</button></div>"
            "<p>Plants use light.</p><p>Click Next to continue.</p>")
    page = ("<html><head><title>Course: Page</title></head><body id='page-mod-page-view' class='path-mod'>"
            "<div><a class='sr-only' href='#maincontent'>Skip to main content</a></div>"
            "<nav class='navbar'><a href='/'>Home</a></nav><section id='region-main'>{main}</section>"
            "<footer id='page-footer'><p>Logged in</p></footer></body></html>")
    activity = "Moodle's activity dates and completion button, not the page"
    around = "Moodle's navigation, blocks and footer around the page"
    source, soup, skipped = prepared(page.format(main=f"<div role='main'>{main}</div>"))
    assert source.name == "lms"
    assert skipped == [Skipped("div.activity-dates", "activity controls", activity, 14),
                       Skipped("div.completion-info", "activity controls", activity, 12),
                       Skipped("a.sr-only", "skip link", "Moodle's link for keyboard users, not the page", 20),
                       Skipped("nav.navbar", "page chrome", around, 4),
                       Skipped("footer#page-footer", "page chrome", around, 9), PROMPT]
    assert source.root(soup) is soup.find(attrs={"role": "main"})
    source, soup, _ = prepared(page.format(main=main))
    assert source.root(soup) is soup.find(id="region-main")
    source, soup, _ = prepared(page.format(main=main).replace("id='region-main'", "role='main'"))
    assert source.root(soup) is soup.find("section")


def test_blackboard_menus_and_attachments_and_its_content_list() -> None:
    page = ("<html><head><title>BB</title></head><body><div id='breadcrumbs'><a>Course</a></div>"
            "<ul id='content_listContainer'><li><div class='details'><p>Read chapter one.</p>"
            "<div class='attachments'><a>notes.pdf</a></div></div></li></ul></body></html>")
    reason = "Blackboard's menus, breadcrumbs and attached-file lists"
    source, soup, skipped = prepared(page)
    assert source.name == "lms"
    assert skipped == [Skipped("div#breadcrumbs", "page chrome", reason, 6),
                       Skipped("div.attachments", "page chrome", reason, 9)]
    assert source.root(soup) is soup.find(id="content_listContainer")


def test_open_edx_problem_furniture_each_with_its_reason() -> None:
    page = ("<div class='xblock' data-block-type='problem'><div class='problem'>"
            "<div class='problem-progress'>1 point possible (graded)</div><p>Which gas?</p>"
            "<div class='action'><button>Submit</button></div><div class='action'><p>Teacher's box.</p></div>"
            "<div class='notification'><span class='notification-message'>Used 0 of 2</span></div>"
            "<div data-olx-widget='textline'>Answer here</div><div data-olx-grading='x'>Correct: CO2</div>"
            "</div></div><button class='sequence-nav-button'>Previous</button>"
            "<div class='bookmark-button-wrapper'>Bookmark this page</div>")
    controls = "Open edX's buttons, scores and messages around a problem"
    source, soup, skipped = prepared(page)
    assert source.name == "lms"
    assert skipped == [
        Skipped("button.sequence-nav-button", "unit navigation", "Open edX's Previous and Next buttons between units", 8),
        Skipped("div.bookmark-button-wrapper", "bookmark button", "Open edX's button to bookmark the page", 18),
        Skipped("div.problem-progress", "problem controls", controls, 25),
        Skipped("div.action", "problem controls", controls, 6),
        Skipped("div.notification", "problem controls", controls, 11),
        Skipped("div", "answer widget", "where the learner answers a problem (a text line, a drawing tool): "
                "a control, not lesson text", 11),
        Skipped("div", "answer checking", "how Open edX checks an answer, and feedback it shows only after one", 12)]
    assert [p.get_text() for p in soup.find_all("p")] == ["Which gas?", "Teacher's box."]
    assert source.root(soup) is None


def test_toggle_labels_go_with_the_brackets_written_around_them() -> None:
    page = ("<div class='xblock' data-block-type='html'><p>Hints [ <a href='javascript:void(0)' onclick='t()'>show</a> ] more</p>"
            "<p>Tips[<a href='#' onclick='t()'>hide</a>]end</p><p><b>Key</b><a href='#' onclick='t()'>show</a></p></div>")
    _, soup, skipped = prepared(page)
    assert skipped == [Skipped("a", "toggle label", "the label of a Show/Hide button, not lesson text", 4)] * 3
    assert [p.get_text() for p in soup.find_all("p")] == ["Hints more", "Tipsend", "Key"]

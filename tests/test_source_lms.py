"""LMS course pages (issue 19): Canvas banners and Next prompts, Moodle skip links, navigation and
completion buttons, Open edX problem widgets and Blackboard menus are reported, not read; a
Canvas page made in Google Docs gets the Google Docs rules too."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

_CANVAS_HEAD = (b'<html><head><title>Linking</title><meta name="identifier" content="g1"/>'
                b'<meta name="editing_roles" content="teachers"/><meta name="workflow_state" content="active"/></head>')


def _doc(data: bytes):
    return parse_html(data, "page.html", ParseConfig())


def _texts(doc) -> list[str]:
    return [b.text for c in doc.chapters for b in c.blocks]


def test_canvas_banner_and_next_prompt_are_reported():
    data = _CANVAS_HEAD + (b'<body><div><table><tbody><tr><td><img src="$IMS-CC-FILEBASE$/logo.png" alt="logo.png"></td>'
                           b'<td><span>Linking</span></td></tr></tbody></table>'
                           b'<h3>Linking</h3><p>Links join pages.</p><h2>Anchors</h2><p>An anchor is a link.</p>'
                           b'<p>&nbsp;<br>Click Next to continue&nbsp;</p></div></body></html>')
    doc = _doc(data)
    assert _texts(doc).count("Linking") == 1
    assert not any("Click Next" in t for t in _texts(doc))
    what = {s.what for s in doc.skipped}
    assert {"page banner", "navigation prompt"} <= what


def test_canvas_keeps_a_title_table_that_is_not_before_the_heading():
    data = _CANVAS_HEAD + b'<body><h2>Linking</h2><p>Intro.</p><table><tr><td>Linking</td></tr></table></body></html>'
    assert _texts(_doc(data)).count("Linking") == 2


def test_canvas_page_from_google_docs_gets_its_title_paragraph():
    data = _CANVAS_HEAD.replace(b"Linking", b"Syllabus 2022") + (
        b'<body><p id="h.2a4nwaq8nqq6" class="c27 title"><span class="c19">Syllabus for Web Development</span></p>'
        b'<h1 id="h.gkr7uk56kv8x" class="c16"><span>Course Information</span></h1><p class="c2">Bring a laptop.</p>'
        b'<h1 id="h.gkr7uk56kv8y" class="c16"><span>Grading</span></h1><p class="c2">Work is graded.</p></body></html>')
    doc = _doc(data)
    assert doc.title == "Syllabus for Web Development"
    assert _texts(doc)[0] == "Syllabus for Web Development"


def test_moodle_page_without_its_furniture():
    data = b"""<html><head><title>Course: Page</title><script></script></head>
<body id="page-mod-page-view" class="format-topics path-mod path-mod-page">
<div><a class="sr-only sr-only-focusable" href="#maincontent">Skip to main content</a></div>
<nav class="navbar"><a href="/">Home</a> <a href="/my">Dashboard</a> <a href="/courses">My courses</a></nav>
<div id="page-wrapper"><div id="page"><div id="page-content"><div id="region-main-box"><section id="region-main">
<div role="main"><span id="maincontent"></span><h2>Photosynthesis</h2>
<div data-region="activity-information" class="activity-information"><div class="completion-info">
<button class="btn">Mark as done</button></div></div>
<div class="box generalbox"><p>Plants use light to make sugar from water and air.</p>
<p>The leaf is where this happens, in small green parts.</p></div></div></section></div></div>
<footer id="page-footer"><p>You are logged in as Ana Lee (Log out)</p><a href="/help">Get the mobile app</a></footer>
</div></div></body></html>"""
    doc = _doc(data)
    text = " ".join(_texts(doc))
    assert "Plants use light" in text and "Photosynthesis" in text
    for gone in ("Skip to main", "Mark as done", "logged in", "Dashboard"):
        assert gone not in text
    assert {"skip link", "activity controls"} <= {s.what for s in doc.skipped}


def test_openedx_problem_widgets_are_reported_question_read():
    data = b"""<div class="xblock xblock-student_view" data-block-type="problem"><div class="problem">
<h3 class="problem-header">Checkpoint</h3><div class="problem-progress">1 point possible (graded)</div>
<p>Which gas do plants take in to make sugar?</p>
<div class="action"><button class="submit btn-brand">Submit</button><button class="show">Show answer</button></div>
<div class="notification warning"><span class="notification-message">You have used 0 of 2 attempts</span></div>
</div></div>"""
    doc = _doc(data)
    text = " ".join(_texts(doc))
    assert "Which gas do plants take in" in text
    for gone in ("point possible", "Submit", "Show answer", "attempts"):
        assert gone not in text
    assert "problem controls" in {s.what for s in doc.skipped}


_EDX_UNIT = b"""<html><head><title>Unit 2</title><link rel="stylesheet" href="/static/css/lms-main.css"></head><body>
<div class="course-wrapper"><section id="course-content"><div id="seq_content">
<div class="sequence-nav"><button class="sequence-nav-button button-previous"><span class="icon fa fa-chevron-prev"
 aria-hidden="true"></span><span class="sequence-nav-button-label">Previous</span></button></div>
<h2 class="unit-title">Photosynthesis</h2>
<div class="bookmark-button-wrapper"><button class="btn btn-link bookmark-button"><span class="bookmark-text">Bookmark this page</span></button></div>
<div class="xblock xblock-student_view" data-block-type="html" data-usage-id="block-v1:Demo+html+1">
<p><span class="fa fa-leaf" aria-hidden="true"></span><span class="sr">Leaf icon</span> Plants use light to make sugar.</p>
<p>Hints [<a href="javascript:void(0);" onclick="toggle()">show</a>]</p>
<p><i class="material-icons">lightbulb</i> Light is energy.</p>
<table><tr><th>Role</th><th>Can post</th></tr>
<tr><td>Learner</td><td><span class="material-symbols-outlined">check</span></td></tr>
<tr><td>Guest</td><td><span class="material-symbols-outlined">close</span></td></tr></table>
</div>
<a class="button-next" href="/next">Next</a>
</div></section></div></body></html>"""


def test_openedx_icons_and_platform_controls_are_never_read():
    doc = _doc(_EDX_UNIT)
    texts = _texts(doc)
    text = " ".join(texts)
    assert "Plants use light to make sugar." in texts and "Light is energy." in texts
    for gone in ("Leaf icon", "lightbulb", "Bookmark", "Previous", "Next", "show", "[", "]"):
        assert gone not in text, gone
    assert "Hints" in texts
    what = {s.what for s in doc.skipped}
    assert {"icon", "icon label", "toggle label", "unit navigation", "bookmark button"} <= what
    assert "problem controls" not in what  # this unit has no problem
    reasons = [s.reason for s in doc.skipped if s.what == "icon"]
    assert any("lightbulb" in r for r in reasons)


def test_a_check_or_cross_icon_that_is_a_cells_value_is_named():
    rows = [t for t in _texts(_doc(_EDX_UNIT)) if "Can post" in t]
    assert rows == ["Role: Learner; Can post: check mark", "Role: Guest; Can post: cross"]


def test_a_studio_component_is_recognised_from_its_traces():
    from narrator.parse.html import parse_soup
    from narrator.parse.sources import recognise
    from narrator.parse.tree import Work

    def kind(html: str) -> str:
        return recognise(parse_soup(html, Work("x.html"))).name

    assert kind('<div><p>See <a href="/jump_to_id/handout">the handout</a>.</p></div>') == "lms"
    assert kind('<p>Hello %%USER_ID%%, welcome.</p>') == "lms"
    assert kind('<html display_name="Show-hide section"><p>Text.</p></html>') == "lms"
    # a bare component showing icon glyphs it loads no font for
    assert kind('<p><span class="material-symbols-outlined">schedule</span> Start times.</p>') == "lms"
    # a whole page with its own icon font is no LMS page; nor is a fragment without icons or traces
    assert kind('<html><head><title>T</title><link rel="stylesheet" href="/static/fa.css"></head>'
                '<body><p><i class="fa fa-star"></i> Stars.</p></body></html>') != "lms"
    assert kind('<p>Just a paragraph with <span class="note">a note</span>.</p>') != "lms"
    doc = _doc(b'<p><span class="material-symbols-outlined">schedule</span> Start and end times.</p>')
    assert _texts(doc) == ["Start and end times."]


def test_icon_classes_on_words_are_kept():
    doc = _doc(b'<div class="xblock" data-block-type="html"><p><span class="icon">Remember to water the plant daily.</span></p></div>')
    assert "Remember to water the plant daily." in _texts(doc)


def test_editor_html_with_a_static_link_or_an_icon_class_is_no_open_edx_component():
    # TinyMCE content or Markdown output: one /static/ link or one icon class is no trace of Open
    # edX, and none of its text may be lost as Open edX furniture
    from narrator.parse.html import parse_soup
    from narrator.parse.sources import recognise
    from narrator.parse.tree import Work

    def kind(html: str) -> str:
        return recognise(parse_soup(html, Work("x.html"))).name

    assert kind('<div><p>See <a href="/static/handout.pdf">the handout</a>.</p></div>') != "lms"
    assert kind('<p><span class="icon">note</span> Bring goggles.</p>') != "lms"
    assert kind('<p><i class="fa fa-star"></i> Star tasks are optional.</p>') != "lms"
    assert kind('<p>Go to <a href="/jump_to_id/abc123">the quiz</a>.</p>') == "lms"
    assert kind('<div class="xblock xblock-student_view"><p>Text.</p></div>') == "lms"
    doc = _doc(b'<h1>Safety</h1><p>Read this first.</p><div class="notification">The lab is closed on Friday.</div>'
               b'<div class="action">Hand in the form by Friday.</div><p><span class="icon">note</span> Bring '
               b'goggles.</p><p>Click <a href="/static/map.pdf">the map</a>.</p><p><a href="week2.html">Next</a></p>')
    texts = _texts(doc)
    for kept in ("The lab is closed on Friday.", "Hand in the form by Friday.", "note Bring goggles.", "Next"):
        assert kept in texts, kept
    assert not {"problem controls", "unit navigation", "icon"} & {s.what for s in doc.skipped}


def test_open_edx_furniture_rules_leave_a_components_prose_alone():
    # inside a real Open edX component, a teacher's "notification" or "action" box, a word in an
    # "icon" span and a plain "Next" link to the next page are lesson text, not the platform's
    doc = _doc(b'<div class="xblock" data-block-type="html"><p>Intro.</p>'
               b'<div class="notification">The lab is closed on Friday.</div>'
               b'<div class="action">Hand in the form by Friday.</div>'
               b'<p><span class="icon">note</span> Bring goggles.</p><p><a href="week2.html">Next</a></p></div>')
    texts = _texts(doc)
    for kept in ("The lab is closed on Friday.", "Hand in the form by Friday.", "note Bring goggles.", "Next"):
        assert kept in texts, kept
    assert not {"problem controls", "unit navigation", "icon"} & {s.what for s in doc.skipped}


def test_open_edx_toggle_labels_are_the_ones_the_walker_knows():
    # one list of Show/Hide wordings (chrome.py): "Click to show" on a toggle link is a label here too
    doc = _doc(b'<div class="xblock" data-block-type="html"><p>Transcript <a href="javascript:void(0)" '
               b'class="toggle">Click to show</a></p><p>Plants use light.</p></div>')
    assert _texts(doc) == ["Transcript", "Plants use light."]
    assert "toggle label" in {s.what for s in doc.skipped}

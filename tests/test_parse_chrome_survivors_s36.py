"""What a listener hears of small hand-written pages where chrome.py's rules decide: links that
work the page and say so with an arrow, a custom element named for chrome whatever its class,
the row headers of a table that are links, markup pasted after the end of the page, and the
forms that stay chrome (a search box with a long list of choices, a poll named by its class
beside an id) or are the lesson (a plan of text areas that claim a type)."""

from __future__ import annotations

from typing import Any

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.parse.chrome import ChromeRules
from narrator.parse.link_stats import link_stats
from narrator.parse.tags import BLOCK_TAGS
from narrator.parse.tree import Work, parse_tree
from narrator.script.planner import plan

# a document: no script, nav, form or iframe, so no rule of web pages applies
DOC = ("<html><head><title>Rivers</title></head><body><h1>Rivers</h1>"
       "<p>Rivers carry water down to the sea.</p>")
# a whole web page: its script makes the page rules (names, link density, forms) apply
PAGE = ("<html><head><title>Rivers</title><script>var x = 1;</script></head><body><h1>Rivers</h1>"
        "<p>Rivers carry water down to the sea.</p>")
END = "</body></html>"
LESSON = "Rivers Rivers carry water down to the sea."  # the heading, then the paragraph
CONTROL = ("control label", "the label of a page control (button, link, toggle or counter)")
FORM = ("page chrome", "a form with little text (search, login)")


def _heard(markup: str) -> tuple[str, list[tuple[str, str, str]]]:
    """What is said of the page, and what is left out: (where, what, why)."""
    doc = parse_html(markup.encode(), "page.html", ParseConfig())
    said = " ".join(s.spoken for s in plan(doc, Config()).segments)
    return said, [(s.source, s.what, s.reason) for s in doc.skipped]


def _chrome(body: str) -> str:
    """The verdict on the element with id 't' of a whole web page."""
    soup = parse_tree(f"<html><body>{body}</body></html>")
    rules = ChromeRules(Work(), link_stats(soup), page_mode=True, whole_page=True)
    node: Any = soup.find(id="t")
    return rules._is_chrome(node, node.name, node.name in BLOCK_TAGS)


# -- links that work the page ------------------------------------------------------------------

def test_a_back_to_top_link_with_an_arrow_is_a_control_not_lesson_text():
    # "Top" alone is one common word, a control only on a control: the link to "#top" wrapping
    # the whole line, arrow and all, makes it one
    assert _heard(DOC + "<p><a href='#top'>Top \u2191</a></p>" + END) == (
        LESSON, [("body > p:nth-of-type(2)", *CONTROL)])
    assert _heard(DOC + "<p><a href='#'>Next &gt;</a></p>" + END) == (
        LESSON, [("body > p:nth-of-type(2)", *CONTROL)])


# -- chrome by name ----------------------------------------------------------------------------

def test_a_custom_element_named_for_chrome_stays_chrome_whatever_its_class():
    # <site-footer> is the page's own word for what it is: its heading and prose do not save it,
    # and a class naming chrome too does not turn the verdict into a mere look
    footer = ("<site-footer class='sidebar'><h2>About us</h2><p>We are a small team of teachers "
              "writing free lessons for everyone, in every subject, at every level.</p></site-footer>")
    assert _heard(PAGE + footer + END) == (
        LESSON, [("body > site-footer:nth-of-type(1)", "page chrome", "<site-footer> is page chrome")])
    assert _chrome("<site-footer id='t' class='sidebar'>x</site-footer>") == "<site-footer> is page chrome"


# -- link density --------------------------------------------------------------------------------

def test_the_header_cells_of_a_tables_rows_are_read_when_they_are_links():
    # a river's name in its row header links to its page (as on Wikipedia): a cell is never
    # "mostly links", a header cell no more than a data cell
    table = ("<table><tr><th>River</th><th>Where</th></tr>"
             "<tr><th><a href='/nile'>Nile</a></th><td>Africa</td></tr>"
             "<tr><th><a href='/amazon'>Amazon</a></th><td>South America</td></tr></table>")
    assert _heard(PAGE + table + END) == (
        LESSON + " River: Nile; Where: Africa River: Amazon; Where: South America", [])
    assert _chrome("<table><tr><th id='t'><a href='/nile'>Nile</a></th><td>Africa</td></tr></table>") == ""


def test_markup_pasted_after_the_end_of_the_page_is_read_like_the_body():
    # the parser opens a second <html> and <body> for it; they are the page's wrappers, never
    # "mostly links", so a line of links there is read as it is loose in the body
    links = "Read on: <a href='/lakes'>Lakes and ponds</a> and <a href='/wetlands'>Wetlands</a>"
    read = (LESSON + " Read on: Lakes and ponds and Wetlands", [])
    assert _heard(PAGE + END + "<html><body>" + links + END) == read
    assert _heard(PAGE + links + END) == read


# -- forms ---------------------------------------------------------------------------------------

def test_a_search_form_stays_chrome_however_long_its_list_of_choices():
    # the options of a drop-down are never read: they are no text of the form
    grades = "".join(f"<option>Grade {i} lessons</option>" for i in range(1, 21))
    form = (f"<form action='/search'>Search <input type='search' name='q'> in <select name='g'>{grades}</select>"
            "<button>Go</button></form>")
    assert _heard(PAGE + form + END) == (LESSON, [("body > form:nth-of-type(1)", *FORM)])


def test_a_poll_named_by_its_class_beside_an_id_stays_chrome():
    # a question with choices is a quiz, unless the form's names call it a poll: each name counts
    form = ("<form id='q7' class='survey'><p>Which topic should we cover next?</p>"
            "<label><input type='radio' name='t'> Volcanoes</label>"
            "<label><input type='radio' name='t'> Glaciers</label></form>")
    assert _heard(PAGE + form + END) == (LESSON, [("#q7", *FORM)])


def test_a_lesson_plan_of_text_areas_is_read_whatever_type_they_claim():
    # form builders write <textarea type="textarea">: a text area is a blank to fill in all the same
    plan_form = ("<form><p>Lesson plan</p>Aims: <textarea type='textarea'></textarea> "
                 "Materials: <textarea type='textarea'></textarea> "
                 "Steps: <textarea type='textarea'></textarea> "
                 "Homework: <textarea type='textarea'></textarea></form>")
    assert _heard(PAGE + plan_form + END) == (LESSON + " Lesson plan Aims: Materials: Steps: Homework:", [])

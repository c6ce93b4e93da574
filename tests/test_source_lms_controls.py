"""The LMS's own controls (narrator/parse/sources/lms.py), exactly: Open edX's bookmark buttons,
Previous/Next unit buttons and Show/Hide labels known by their words on a button or on an element
the platform names; icon glyphs and their screen-reader labels; the LMS's "Click Next" prompts as
whole paragraphs only; Moodle's skip links. The skip report is compared whole."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Skipped

BOOKMARK = "Open edX's button to bookmark the page"
UNIT_NAV = "Open edX's Previous and Next buttons between units"
TOGGLE = "the label of a Show/Hide button, not lesson text"
PROMPT = "tells the reader to press the LMS's Next button"


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "lms"
    return source, soup, source.prepare(soup)


def component(body: str) -> tuple[Any, list[Skipped]]:
    """A bare Open edX HTML component holding ``body``: the tree after prepare and the report."""
    _, soup, skipped = prepared(f"<div class='xblock' data-block-type='html'>{body}</div>")
    return soup, skipped


def test_bookmark_and_unit_buttons_are_known_by_their_words_on_a_button_or_a_named_element() -> None:
    soup, skipped = component(
        "<button>Next</button><p>Use <span class='kbd'>Bookmark</span> to save it.</p>"
        "<button>Bookmark this page</button><span class='bookmark-toggle'>Bookmarked</span>"
        "<a class='Bookmark-Link' href='/b'>Bookmark</a><button>Play</button>"
        "<a class='nav-next' href='/u2'>Next unit</a><a href='/reading2'>Next</a><h3 class='toggle'>More</h3>")
    assert skipped == [Skipped("button", "unit navigation", UNIT_NAV, 4),
                       Skipped("button", "bookmark button", BOOKMARK, 18),
                       Skipped("span.bookmark-toggle", "bookmark button", BOOKMARK, 10),
                       Skipped("a.Bookmark-Link", "bookmark button", BOOKMARK, 8),
                       Skipped("a.nav-next", "unit navigation", UNIT_NAV, 9)]
    # a word in the text, another button, a teacher's link and a heading are read
    assert [e.get_text() for e in soup.find_all(["p", "button", "a", "h3"])] == [
        "Use Bookmark to save it.", "Play", "Next", "More"]


def test_show_hide_labels_are_known_by_a_button_a_script_a_toggle_class_or_an_in_page_link() -> None:
    soup, skipped = component(
        "<button>Show</button><span onclick='reveal()'>Hide</span><span class='toggle'>Show</span>"
        "<a href='#'>Hide</a><a href='javascript:void(0)'>Show</a><p><a href='/more'>More</a> "
        "<span>Show</span></p>")
    assert skipped == [Skipped("button", "toggle label", TOGGLE, 4), Skipped("span", "toggle label", TOGGLE, 4),
                       Skipped("span.toggle", "toggle label", TOGGLE, 4), Skipped("a", "toggle label", TOGGLE, 4),
                       Skipped("a", "toggle label", TOGGLE, 4)]
    assert soup.find("p").get_text() == "More Show"


def test_a_label_a_toggle_opens_and_a_button_taken_whole_do_not_end_the_search() -> None:
    soup, skipped = component(
        "<p><a href='#sol'>Show</a></p><div id='sol' style='display:none'>The answer is 4.</div>"
        "<button><span>Next</span></button><button>Bookmark this page</button>")
    assert skipped == [Skipped("button", "unit navigation", UNIT_NAV, 4),
                       Skipped("button", "bookmark button", BOOKMARK, 18)]
    assert soup.find("p").get_text() == "Show"  # what it opens is read where it stands


ICON = "an icon font's glyph: a picture, not a word"
LABEL = "the screen-reader label of an icon, not lesson text"


def test_icons_inside_icons_and_screen_reader_labels_up_to_forty_characters() -> None:
    from narrator.parse.sources.lms import icons

    forty, longer = "Opens the glossary in a new browser tab.", "Opens the glossary in a new browser tab!!"
    assert (len(forty), len(longer)) == (40, 41)
    soup = parse_soup("<p><span class='fa fa-star'><i class='fa fa-circle'></i></span> Star <i class='fa fa-check'></i></p>"
                      f"<p><i class='fa fa-info'></i><span class='sr-only'>{forty}</span></p>"
                      f"<p><i class='fa fa-info'></i><span class='sr-only'>{longer}</span></p>")
    assert icons(soup) == [Skipped("span.fa.fa-star", "icon", ICON, 0), Skipped("i.fa.fa-check", "icon", ICON, 0),
                           Skipped("span.sr-only", "icon label", LABEL, 40), Skipped("i.fa.fa-info", "icon", ICON, 0),
                           Skipped("i.fa.fa-info", "icon", ICON, 0)]
    assert [p.get_text() for p in soup.find_all("p")] == [" Star ", "", longer]


CANVAS = ('<html><head><title>Week 1</title><meta name="identifier" content="g1"/>'
          '<meta name="workflow_state" content="active"/></head><body>{}</body></html>')


def test_a_next_prompt_is_a_whole_paragraph_or_block_taken_innermost() -> None:
    _, soup, skipped = prepared(CANVAS.format(
        "<h2>Week 1</h2><div>Click Next to continue.</div><div class='unit'><p>Press Continue to proceed.</p></div>"
        "<div class='outer'><div class='inner'>Select the Next button to go on.</div></div>"
        "<p><span>Click Next to continue.</span> Then answer the quiz.</p>"))
    assert skipped == [Skipped("div", "navigation prompt", PROMPT, 23), Skipped("p", "navigation prompt", PROMPT, 26),
                       Skipped("div.inner", "navigation prompt", PROMPT, 32)]
    assert [d.get("class") for d in soup.find_all("div")] == [["unit"], ["outer"]]
    assert soup.find("p").get_text() == "Click Next to continue. Then answer the quiz."


def test_moodle_takes_only_in_page_skip_links() -> None:
    _, soup, skipped = prepared(
        "<html><head><title>Course</title></head><body id='page-mod-page-view'>"
        "<a href='#main'>Skip to main content</a><p id='main'>See <a href='#fig1'>Figure 1</a>.</p>"
        "<p><a href='/mod/quiz'>Skip to the quiz</a></p></body></html>")
    assert skipped == [Skipped("a", "skip link", "Moodle's link for keyboard users, not the page", 20)]
    assert [a.get_text() for a in soup.find_all("a")] == ["Figure 1", "Skip to the quiz"]


GDOCS = ('<p id="h.2a4nwaq8nqq6" class="c27 title"><span class="c19">Web Development</span></p>'
         '<h1 id="h.gkr7uk56kv8x" class="c16"><span>Course</span></h1><p class="c2">Bring a laptop.</p>'
         '<h1 id="h.gkr7uk56kv8y" class="c16"><span>Grading</span></h1><p class="c2">Click Next to continue.</p>')


def test_a_canvas_page_from_google_docs_keeps_the_lms_report_and_others_get_no_docs_rules() -> None:
    source, soup, skipped = prepared(CANVAS.format(GDOCS))
    assert skipped == [Skipped("p.c2", "navigation prompt", PROMPT, 23)]
    assert source.title(soup, []) == "Web Development"
    # a Canvas page not made in Google Docs: its "title" paragraph stays a paragraph, no title
    source, soup, skipped = prepared(CANVAS.format('<p class="title">Reading list</p><p>Chapter one.</p>'))
    assert skipped == []
    assert soup.find(class_="title").name == "p"
    assert source.title(soup, []) is None

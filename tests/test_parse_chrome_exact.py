"""The walk's verdicts on whole elements (chrome.py): page chrome by name, by link density and
forms with little text, image credits and the labels of page controls, with the exact reason
each gives, on small hand-written pages."""

from __future__ import annotations

from typing import Any

from narrator.parse.chrome import ChromeRules
from narrator.parse.link_stats import link_stats
from narrator.parse.tags import BLOCK_TAGS
from narrator.parse.tree import Work, parse_tree

PROSE = "x" * 80  # unlinked text that makes a paragraph real prose
CREDIT = ("image credit", "image credit: who made or owns the picture, not lesson text")
CONTROL = ("control label", "the label of a page control (button, link, toggle or counter)")
TOGGLE = ("control label", "the label of a show/hide control; the part it opens is read where it stands")


def _rules(body: str, *, page_mode: bool = True, whole_page: bool = True) -> tuple[ChromeRules, Any]:
    soup = parse_tree(f"<html><body>{body}</body></html>")
    return ChromeRules(Work(), link_stats(soup) if page_mode else {}, page_mode=page_mode,
                       whole_page=whole_page), soup


def _chrome(body: str, ident: str = "t", **kw: bool) -> str:
    rules, soup = _rules(body, **kw)
    node = soup.find(id=ident)
    return rules._is_chrome(node, node.name, node.name in BLOCK_TAGS)


def _label(body: str, context: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The verdict on the element marked ``data-t`` (an id would be a hint of what it is)."""
    rules, soup = _rules(body)
    node = soup.find(attrs={"data-t": True})
    rules.hidden(node, "")  # the walk asks this of every element first: it learns the page's controls
    return rules._label(node, node.name, node.name in BLOCK_TAGS, context)


# -- chrome by name --------------------------------------------------------------------------

def test_a_class_or_id_naming_chrome_on_a_whole_page():
    assert _chrome('<div id="t" class="sidebar">Links</div>') == "class or id 'sidebar'"
    assert _chrome('<div id="t" class="x site-menu">Links</div>') == "class or id 'site-menu'"
    assert _chrome('<div id="footer-main"><p id="t">x</p></div>') == ""  # a paragraph is never chrome by name
    node_id = '<section id="main-nav">Links</section>'
    assert _chrome(node_id, "main-nav") == "class or id 'main-nav'"
    # the id is asked before the classes
    assert _chrome('<div id="t" class="menu"><div id="navbar">x</div></div>', "navbar") == "class or id 'navbar'"
    assert _chrome('<div id="t" class="content">Text</div>') == ""


def test_names_apply_to_whole_web_pages_only():
    assert _chrome('<div id="t" class="sidebar">Links</div>', whole_page=False) == ""
    assert _chrome('<footer id="t">Contact</footer>', whole_page=False) == ""
    assert _chrome("<site-footer id='t'>Contact</site-footer>", whole_page=False) == ""


def test_custom_elements_named_for_chrome_are_chrome_whatever_they_hold():
    assert _chrome(f"<site-footer id='t'><h2>About us</h2><p>{PROSE}</p></site-footer>") == (
        "<site-footer> is page chrome")
    assert _chrome("<ck-manual-header id='t'>x</ck-manual-header>") == "<ck-manual-header> is page chrome"
    assert _chrome("<lesson-body id='t' class='sidebar'>x</lesson-body>") == "class or id 'sidebar'"
    assert _chrome("<lesson-body id='t'>x</lesson-body>") == ""


def test_header_footer_and_aside_elements():
    assert _chrome("<footer id='t'>Contact</footer>") == "page <footer>"
    assert _chrome("<aside id='t'>More</aside>") == "page <aside>"
    assert _chrome("<header id='t'>Site</header>") == "page <header>"
    assert _chrome("<article><header id='t'>Title</header></article>") == ""
    assert _chrome("<main><div><header id='t'>Title</header></div></main>") == ""
    assert _chrome("<section><header id='t'>Title</header></section>") == ""
    assert _chrome("<article><footer id='t'>By Ann</footer></article>") == "page <footer>"


def test_a_class_is_a_look_an_element_holding_a_heading_or_prose_is_no_chrome():
    assert _chrome("<div id='t' class='sidebar'><h2>Did you know?</h2></div>") == ""
    assert _chrome(f"<div id='t' class='sidebar'><p>{PROSE}</p></div>") == ""
    assert _chrome(f"<div id='t' class='sidebar'><p>{PROSE[1:]}</p></div>") == "class or id 'sidebar'"
    assert _chrome(f"<div id='t' class='sidebar'><p><a href='/x'>{PROSE}</a></p></div>") == "class or id 'sidebar'"
    # an empty heading is no content, and the search goes on past it to the prose
    assert _chrome(f"<div id='t' class='sidebar'><h3> </h3><p>{PROSE}</p></div>") == ""
    # a link's text counts as linked however long it is (one link of 90 characters: no prose)
    assert _chrome(f"<div id='t' class='sidebar'><p><a href='/x'>{PROSE}{'y' * 10}</a></p></div>") == \
        "class or id 'sidebar'"
    assert _chrome("<div id='t' class='sidebar'><h2>x</h2></div>") == "class or id 'sidebar'"  # no heading text
    assert _chrome(f"<footer id='t'><p>{PROSE}</p></footer>") == ""
    assert _chrome(f"<div id='t' class='sidebar'><p>{PROSE}</p></div>", page_mode=False) == ""


def test_inline_elements_and_kept_elements_are_never_chrome():
    assert _chrome("<p><span id='t' class='nav'>x</span></p>") == ""
    rules, soup = _rules("<div id='t' class='sidebar'>Links</div>")
    node = soup.find(id="t")
    rules.kept = frozenset({id(node)})
    assert rules._is_chrome(node, "div", True) == ""


# -- forms -----------------------------------------------------------------------------------

def test_a_search_or_login_form_with_little_text_is_chrome():
    reason = "a form with little text (search, login)"
    assert _chrome("<form id='t'><input type='search' name='q'> Search</form>") == reason
    assert _chrome("<form id='t'>" + "y" * 199 + "</form>") == reason
    assert _chrome("<form id='t'>" + "y" * 200 + "</form>") == ""
    assert _chrome("<form id='t'>" + "y" * 199 + "</form>", page_mode=False) == reason
    assert _chrome("<form id='t'>" + "y" * 200 + "</form>", page_mode=False) == ""
    assert _chrome("<form id='t'><h2>Lesson plan</h2></form>") == ""


def test_a_form_to_fill_in_is_the_lesson():
    four = "Name: <input> Date: <input type='text'> Class: <input type='TEXT'> Notes: <textarea></textarea>"
    assert _chrome(f"<form id='t'>{four}</form>") == ""
    three = "Name: <input> Date: <input type='text'> Notes: <textarea></textarea> <input type='checkbox'>"
    assert _chrome(f"<form id='t'>{three}</form>") == "a form with little text (search, login)"
    assert _chrome(f"<form id='t'>{four}<input type='password'></form>") == "a form with little text (search, login)"
    assert _chrome(f"<form id='t'><input type='Search'>{four}</form>") == "a form with little text (search, login)"


# -- link density ----------------------------------------------------------------------------

def test_blocks_of_mostly_links_on_web_pages():
    two = "<div id='t'><a href='/a'>Alpha</a> and <a href='/b'>Beta</a> zz</div>"  # 10 of 15 linked
    assert _chrome(two) == "mostly links"
    half = "<div id='t'><a href='/a'>Alpha</a> <a href='/b'>Beta</a> zzzzzzzzz</div>"  # 9 of 18: half
    assert _chrome(half) == "mostly links"
    under = "<div id='t'><a href='/a'>Alpha</a> <a href='/b'>Beta</a> zzzzzzzzzz</div>"  # 9 of 19
    assert _chrome(under) == ""
    one = "<div id='t'><a href='/a'>Alphabet</a> zz</div>"  # one link, 8 of 10
    assert _chrome(one) == "mostly links"
    one_under = "<div id='t'><a href='/a'>Alphabet</a> zzz</div>"  # 8 of 11
    assert _chrome(one_under) == ""
    assert _chrome(two, page_mode=False) == ""
    assert _chrome("<div id='t'></div>") == ""


def test_cells_and_the_page_itself_are_never_mostly_links():
    assert _chrome("<table><tr><td id='t'><a href='/a'>Alpha</a></td></tr></table>") == ""
    assert _chrome("<main id='t'><a href='/a'>Alpha</a></main>") == ""
    assert _chrome("<article id='t'><a href='/a'>Alpha</a></article>") == ""
    assert _chrome(f"<div id='t'><a href='/a'>Alpha</a><a href='/b'>Beta</a><p>{PROSE}</p></div>") == ""
    assert _chrome("<div id='t'><h2>Links</h2><a href='/a'>Alpha</a><a href='/b'>Beta</a></div>") == ""


# -- what the walk drops ---------------------------------------------------------------------

def test_drops_skipped_tags_namespaces_hidden_elements_and_chrome():
    rules, soup = _rules("<nav id='n'>x</nav><o:p id='o'>x</o:p><v:shape id='v'>x</v:shape>"
                         "<div id='h' style='display:none'>x</div><div id='c' class='sidebar'>x</div>"
                         "<div id='r'>x</div><button id='b'><p>Text</p></button><button id='e'>Go</button>")
    assert rules.drops(soup.find(id="n"), "nav")
    assert not rules.drops(soup.find(id="o"), "o:p")  # Word's namespaces hold real text
    assert rules.drops(soup.find(id="v"), "v:shape")
    assert rules.drops(soup.find(id="h"), "div")
    assert rules.drops(soup.find(id="c"), "div")
    assert not rules.drops(soup.find(id="r"), "div")
    assert not rules.drops(soup.find(id="b"), "button")  # a button holding the page's blocks
    assert rules.drops(soup.find(id="e"), "button")


def test_hidden_content_a_control_shows_is_read():
    rules, soup = _rules("<a href='#more'>Show more</a><div id='more' style='display:none'>x</div>"
                         "<div id='gone' style='display:none'>y</div>")
    assert not rules.hidden(soup.find(id="more"), "display:none")
    assert rules.hidden(soup.find(id="gone"), "display:none")


# -- image credits ---------------------------------------------------------------------------

def test_picture_credits_are_credits_anywhere():
    assert _label("<p data-t>Photo: Jane Doe / AP</p>") == CREDIT
    assert _label("<p data-t>Photo credit: NASA</p>") == CREDIT


def test_generic_credits_only_beside_a_picture():
    source = "Source: Wikimedia Commons"
    assert _label(f"<p data-t>{source}</p>") is None
    assert _label(f"<figure><p data-t>{source}</p></figure>", context=frozenset({"figure"})) == CREDIT
    assert _label(f"<figcaption data-t>{source}</figcaption>") == CREDIT
    assert _label(f"<table><caption data-t>{source}</caption></table>") == CREDIT
    assert _label(f"<p data-t class='photo-note'>{source}</p>") == CREDIT
    assert _label(f"<p data-t>{source}</p>", context=frozenset({".image-box"})) == CREDIT
    assert _label(f"<p data-t>{source}</p>", context=frozenset({"image-box"})) is None
    assert _label(f"<img src='a.png'><p data-t>{source}</p>") == CREDIT
    assert _label(f"<p data-t><img src='a.png'>{source}</p>") == CREDIT
    assert _label(f"<svg></svg><p data-t>{source}</p>") == CREDIT
    assert _label(f"<div><img src='a.png'></div><p data-t>{source}</p>") == CREDIT
    assert _label(f"<div><img src='a.png'>Caption</div><p data-t>{source}</p>") is None
    assert _label(f"<p>Text</p><p data-t>{source}</p>") is None


def test_a_quiz_option_c_is_no_copyright_credit():
    assert _label("<p>(b) 1933</p><p data-t>(c) 1945 Berlin</p>") is None
    assert _label("<p>(b) Paris</p><p data-t>(c) 1945 Berlin</p>") is None
    assert _label("<p>Figure 1</p><p data-t>(c) 2020 Reuters</p>") == CREDIT
    assert _label("<p data-t>(c) 2020 Reuters</p>") == CREDIT


def test_big_elements_and_inline_words_are_no_credits():
    assert _label(f"<p data-t>Photo: Jane Doe / AP {'x' * 400}</p>") is None
    assert _label("<p data-t>" + "<b>Photo</b>" * 25 + "</p>") is None
    assert _label("<p>A <b data-t>Photo: Jane Doe</b> here</p>") is None
    assert _label("<p>A <span data-t>Photo: Jane Doe / AP</span> here</p>") is None
    assert _label("<p>A <span data-t class='credit'>Photo: Jane Doe / AP</span> here</p>") == CREDIT
    assert _label("<p data-t><script>x</script></p>") is None


# -- labels of controls ----------------------------------------------------------------------

def test_a_show_hide_controls_label():
    assert _label("<a data-t href='#more'>[+ Show more]</a><div id='more' style='display:none'>x</div>") == TOGGLE
    assert _label("<a data-t href='#more'>Click here to see the answer.</a>"
                  "<div id='more' style='display:none'>x</div>") == TOGGLE
    assert _label("<span data-t onclick=\"toggle('more')\">Answer</span>"
                  "<div id='more' style='display:none'>x</div>") is None


def test_labels_of_buttons_links_and_summaries():
    assert _label("<p data-t class='btn'>Next</p>") == CONTROL
    assert _label("<p data-t>Next</p>") is None  # a weak word: only on a control
    assert _label("<p data-t>Back to top</p>") == CONTROL  # a phrase: a control wherever it stands
    assert _label("<details><summary data-t>Show answer</summary>x</details>") == CONTROL
    assert _label("<details><summary data-t>Next</summary>x</details>") == CONTROL
    assert _label("<p data-t onclick='go()'>Next</p>") == CONTROL
    assert _label("<p data-t><a href='#'>Next</a></p>") == CONTROL
    assert _label("<p data-t><a href='javascript:void(0)'>Next</a></p>") == CONTROL
    assert _label("<p data-t><a href='#top'>Top</a></p>") == CONTROL
    assert _label("<p data-t><a href='/p2' rel='next'>Next</a></p>") == CONTROL
    assert _label("<p data-t><a href='/p2' role='button'>Next</a></p>") == CONTROL
    assert _label("<p data-t><a href='/p2'>Next</a></p>") is None
    assert _label("<p data-t><a href='#'>Next</a> apples</p>") is None
    assert _label("<p data-t><a href='#'>Next</a><a href='#'>Next</a></p>") is None
    assert _label("<a data-t href='#'>Next</a>") is None  # an inline element says what it is by class
    assert _label("<a data-t href='#' class='pager'>Next</a>") == CONTROL
    assert _label("<p data-t role='button'>Share</p>") == CONTROL
    assert _label("<p data-t class='read-more'>Next</p>") == CONTROL
    assert _label("<p data-t class='shared-content'>Next</p>") == CONTROL
    assert _label("<p data-t class='buttons'>Next</p>") is None
    assert _label("<p data-t>Lessons about rivers</p>") is None


def test_the_option_before_a_c_line_is_looked_for_among_three_elements():
    # pictures between the options have no text: the option before them is still found
    assert _label("<p>(b) 1933</p><img src='a.png'><img src='b.png'><p data-t>(c) 1945 Berlin</p>") is None
    # the white space between elements counts for nothing
    assert _label("<p>(b) 1933</p>\n<img src='a.png'>\n<img src='b.png'>\n<p data-t>(c) 1945 Berlin</p>") is None
    # four elements back is too far: a copyright line after a picture
    assert _label("<p>(b) 1933</p><img src='a.png'><img src='b.png'><img src='c.png'>"
                  "<p data-t>(c) 1945 Berlin</p>") == CREDIT


def test_a_credits_place_after_a_picture_or_holding_one():
    source = "Source: Wikimedia Commons"
    assert _label("<p data-t><b>Source:</b> Wikimedia Commons</p>") is None  # holds a tag, not a picture
    assert _label(f"<img src='a.png'>\n<p data-t>{source}</p>") == CREDIT  # white space between
    assert _label(f"<picture><source srcset='a.webp'></picture><p data-t>{source}</p>") == CREDIT
    assert _label(f"<figure><figcaption>A river</figcaption></figure><p data-t>{source}</p>") == CREDIT
    assert _label(f"<div></div><p data-t>{source}</p>") is None


def test_every_header_of_an_article_is_the_articles_asked_one_after_another():
    rules, soup = _rules("<article><div><header id='a'>One</header><header id='b'>Two</header>"
                         "<div><header id='c'>Three</header></div></div></article><header id='d'>Site</header>")
    verdicts = [rules._is_chrome(soup.find(id=i), "header", True) for i in "abcd"]
    assert verdicts == ["", "", "", "page <header>"]


def test_structural_elements_are_never_chrome_by_name():
    for markup, ident in (("<p id='t' class='sidebar'>x</p>", "t"), ("<ul><li id='t' class='sidebar'>x</li></ul>", "t"),
                          ("<main id='t' class='sidebar'>x</main>", "t"), ("<article id='t' class='sidebar'>x</article>", "t"),
                          *((f"<{h} id='t' class='sidebar'>x</{h}>", "t") for h in ("h1", "h2", "h3", "h4", "h5", "h6")),
                          ("<table><thead id='t' class='sidebar'><tr><th>x</th></tr></thead></table>", "t"),
                          ("<table><tbody id='t' class='sidebar'><tr><td>x</td></tr></tbody></table>", "t"),
                          ("<table><tr id='t' class='sidebar'><td>x</td></tr></table>", "t"),
                          ("<table><tr><td id='t' class='sidebar'>x</td></tr></table>", "t"),
                          ("<table><tr><th id='t' class='sidebar'>x</th></tr></table>", "t")):
        assert _chrome(markup, ident) == "", markup
    soup = parse_tree("<html class='sidebar'><body class='sidebar'><p>x</p></body></html>")
    rules = ChromeRules(Work(), link_stats(soup), page_mode=True, whole_page=True)
    assert rules._is_chrome(soup.html, "html", True) == "" and rules._is_chrome(soup.body, "body", True) == ""


def test_the_text_of_a_small_element():
    from narrator.parse.chrome import _short_text

    def text(markup: str) -> str:
        return _short_text(parse_tree(f"<html><body><div>{markup}</div></body></html>").body.div)

    assert text("a<b>b</b> c") == "ab c"
    assert text("x<script>var y</script>") == "x"
    assert text("<script>s</script>after") == "after"
    assert text("x" * 400) == "x" * 400
    assert text("x" * 401) == ""
    assert text("x" * 250 + "<b>" + "y" * 151 + "</b>") == ""
    assert text("<i></i>" * 48 + "z") == "z"  # 49 nodes
    assert text("<i></i>" * 49 + "z") == ""


def test_links_that_work_the_page():
    assert _label("<a data-t class='x' href='#'>Next</a>") == CONTROL
    assert _label("<p data-t><a>Next</a></p>") == CONTROL  # no address: it works the page
    assert _label("<p data-t><a href='/p2' rel='nofollow next'>Next</a></p>") == CONTROL


def test_hints_by_id_and_by_several_names():
    assert _label("<p>A <span data-t id='photo-credit'>Source: Wikimedia Commons</span> here</p>") == CREDIT
    assert _label("<p data-t id='x' class='button'>Next</p>") == CONTROL


def test_a_toggles_label_may_be_one_common_word():
    assert _label("<a data-t href='#more'>Copy</a><div id='more' style='display:none'>x</div>") == TOGGLE

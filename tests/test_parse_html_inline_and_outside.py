"""Two things the walk of an editor's DOM (narrator/parse/html.py) must keep exactly: an inline
formula stays glued to the words around it as written (only a formula standing apart, a
formula image or a block formula, gets spaces), and a list of sources outside a web page's
main content is reported by its true name, not as page chrome. Expected values are worked out
from the markup by hand."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import Walker, parse_soup
from narrator.values import Block, Run, Skipped

MATH = frozenset({"math"})


def walk(markup: str) -> list[Block]:
    soup = parse_soup(markup)
    return Walker(ParseConfig()).walk(soup.body or soup)


def test_tex_inside_a_word_stays_glued_to_its_letters() -> None:
    # "$x^2$is": the formula and the word after it touch in the text; no space is added
    assert walk("<p>so $x^2$is</p>")[0].runs == (Run("so "), Run("x²", MATH, math="x^2"), Run("is"))


def test_a_latex2html_formula_image_between_letters_adds_no_space() -> None:
    # the comment's formula stands where its image stood, inline: "a", the formula, "b"
    blocks = walk('<p>a<!-- MATH $x^2$ --><img alt="x" src="1.png">b</p>')
    assert blocks[0].runs == (Run("a"), Run("x²", MATH, math="x^2"), Run("b"))


ARTICLE = ("<p>" + "Plants make sugar from light, water and air, and they give out oxygen. " * 4 + "</p>") * 4


def test_a_reference_list_outside_the_main_content_is_reported_as_references() -> None:
    page = ('<html><head><title>Plants</title></head><body><nav><a href="/">Home</a></nav>'
            '<div id="references"><ol><li><a href="/a">Smith, Light and leaves</a></li></ol></div>'
            f'<div id="main"><h1>Plants</h1>{ARTICLE}</div><script>var y=2;</script></body></html>')
    doc = parse_html(page.encode(), "dir/plants.html", ParseConfig())
    assert [b.source for c in doc.chapters for b in c.blocks] == [
        "#main > h1:nth-of-type(1)"] + [f"#main > p:nth-of-type({k})" for k in range(1, 5)]
    # "Smith, Light and leaves": 23 characters
    assert doc.skipped == (
        Skipped("body > nav:nth-of-type(1)", "page chrome", "outside the page's main content", 4),
        Skipped("#references", "references", "a list of the sources cited, not the lesson's text", 23))


def test_a_see_also_list_inside_the_main_content_is_reported_as_links_to_other_pages() -> None:
    page = (f'<html><head><title>Plants</title></head><body><div id="main"><h1>Plants</h1>{ARTICLE}'
            '<h2>See also</h2><ul><li><a href="/a">Trees and their leaves</a></li><li><a href="/b">Flowers</a></li>'
            "</ul></div><script>var y=2;</script></body></html>")
    doc = parse_html(page.encode(), "dir/plants.html", ParseConfig())
    assert [b.source for c in doc.chapters for b in c.blocks][-1] == "#main > h2:nth-of-type(1)"
    # mostly links: page chrome to the walk, named for what it is ("Trees and their leaves Flowers": 29)
    assert doc.skipped == (Skipped("#main > ul:nth-of-type(1)", "links to other pages",
                                   "a list of links to other pages (see also, external links, categories)", 29),)

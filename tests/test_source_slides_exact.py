"""Slide decks (narrator/parse/sources/slides.py), exactly: the HTML a remark deck's Markdown
becomes, slide by slide (classes, layouts, pauses, notes, macros, maths, raw HTML), its excluded
slides as reported, and the deck's slides, titles and bylines as prepared for the walker."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.slides import remark_html
from narrator.values import Block, Run, Skipped

REMARK = """class: center, middle

# Deck

---
exclude: true

Secret

---
layout: true
class: inverse

## Part <b>one</b>

---

Xavier said .red[loud .em[and] clear] and \\(f'(x)\\).
--
More
???
Say this
???
and this
---
    code line
---
.blue[never closed
"""


def test_a_remark_deck_becomes_one_section_per_shown_slide() -> None:
    deck, skipped = remark_html(REMARK)
    assert deck == "\n".join((
        '<section class="remark-slide center middle"><h1>Deck</h1>\n</section>',
        # a layout slide: its own classes, then remark-layout
        '<section class="remark-slide inverse remark-layout"><h2>Part <b>one</b></h2>\n</section>',
        '<section class="remark-slide"><p>Xavier said <span class="red">loud <span class="em">and</span> clear'
        "</span> and \\(f'(x)\\).</p>\n<p>More</p>\n"
        '<div class="speaker-notes"><p>Say this\n???\nand this</p>\n</div></section>',
        '<section class="remark-slide"><pre><code>code line\n</code></pre>\n</section>',  # indented: code
        '<section class="remark-slide"><p>.blue[never closed</p>\n</section>',  # an unclosed macro is text
    ))
    assert skipped == [Skipped("slide 2", "hidden slide", "the deck does not show it (exclude: true)", 6)]


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "slides"
    return source, soup, source.prepare(soup)


def test_a_remark_page_gets_its_slides_in_place_of_the_textarea() -> None:
    page = ("<html><head><title>x</title></head><body><textarea id='source'>" + REMARK.replace("<", "&lt;")
            + "</textarea><script src='remark.min.js'></script></body></html>")
    source, soup, skipped = prepared(page)
    assert len(soup.find_all(["html", "body"])) == 2  # the slides are put in place, not a second page
    assert [s.get("class") for s in soup.find_all("section")][:2] == [
        ["remark-slide", "center", "middle"], ["remark-slide", "inverse", "remark-layout"]]
    assert skipped == [Skipped("slide 2", "hidden slide", "the deck does not show it (exclude: true)", 6)]
    assert source.title(soup, []) == "Deck"


BYLINE = "author, affiliation and date lines of the deck's title slide"
HIDDEN = "the deck does not show it (data-visibility=hidden or exclude)"
DECK = """<html><head><title>deck</title></head><body><div class="reveal"><div class="slides">
<section><center><h1 class="t">Decay  Models</h1><p>Ada Lovelace</p></center><p>May 2024</p><p> </p></section>
<section><h2>Stability</h2><p>Stable.</p><aside class="notes">Say growth.</aside></section>
<section><section><h2>Stability</h2><p>Monotone.</p></section><section><p>Untitled goes on.</p></section></section>
<section data-visibility="hidden"><h2>Draft</h2><p>Not shown.</p></section>
<section data-markdown><script type="text/template">
  ## Summary
  Some *text*
</script></section>
<section data-markdown><textarea>## Outlook</textarea></section><section data-markdown><p>Kept as HTML.</p></section>
</div></div><script src="reveal.js"></script><script type="Module">x()</script><script type="math/tex">x^2</script>
</body></html>"""


def test_a_reveal_deck_is_prepared_slide_by_slide() -> None:
    source, soup, skipped = prepared(DECK)
    assert skipped == [Skipped("section", "hidden slide", HIDDEN, 15),
                       Skipped("p", "title slide byline", BYLINE, 8), Skipped("p", "title slide byline", BYLINE, 12),
                       Skipped("h2", "repeated slide title", "the same title as the slide before: the slide goes on", 9)]
    assert source.title(soup, []) == "Decay Models"
    assert [(h.name, h.get("class"), h.get_text()) for h in soup.find_all(["h1", "h2"])] == [
        ("h1", ["t", "title"], "Decay  Models"), ("h2", ["narrator-slide-title"], "Stability"),
        ("h2", ["narrator-slide-title"], "Summary"), ("h2", ["narrator-slide-title"], "Outlook")]
    assert [(d.name, d.get("class"), d.get_text()) for d in soup.find_all(class_="speaker-notes")] == [
        ("div", ["speaker-notes"], "Say growth.")]
    assert [s.get("type") for s in soup.find_all("script")] == ["math/tex"]
    assert "<em>text</em>" in str(soup) and soup.find(string="Kept as HTML.") is not None
    # its byline out, the title slide holds its title alone: the deck's title, not a chapter
    assert soup.find("section").get("narrator-slide-title") == "deck"


def title_slide(inner: str, attrs: str = "") -> tuple[Source, Any]:
    source, soup, _ = prepared(f"<html><body><div class='reveal'><div class='slides'><section{attrs}>{inner}</section>"
                               "<section><h2>Next</h2><p>More.</p></section></div></div></body></html>")
    return source, soup


def test_a_title_slide_says_little_besides_its_title() -> None:
    source, soup = title_slide("<h1>T</h1><p>" + "x" * 300 + "</p>")
    assert source.title(soup, []) == "T"
    source, soup = title_slide("<h1>T</h1><p>" + "x" * 301 + "</p>")
    assert source.title(soup, []) is None
    for attrs in (" id='title-slide'", " class='title-slide'"):
        source, soup = title_slide("<h1>T</h1><p>" + "x" * 301 + "</p>", attrs)
        assert source.title(soup, []) == "T", attrs
    source, soup = title_slide("<h1>Only the title</h1>")
    assert source.title(soup, []) == "Only the title"
    assert soup.find("section").get("narrator-slide-title") == "deck"
    source, soup = title_slide("<p>No heading here.</p>")
    assert source.title(soup, []) is None
    source, soup = title_slide("<h1> </h1><p>x</p>")
    assert source.title(soup, []) is None


def test_a_slide_title_starts_its_chapter_whatever_its_level() -> None:
    source, _, _ = prepared(DECK)
    mark = ".narrator-slide-title"
    blocks = [Block(kind="heading", runs=(Run(text="S"),), level=3, context=frozenset({mark, "section"})),
              Block(kind="paragraph", runs=(Run(text="p"),), context=frozenset({mark})),
              Block(kind="paragraph", runs=(Run(text="q"),), context=frozenset({"x"}))]
    assert [b.context for b in source.finish(blocks)] == [frozenset({"section", "numbered"}), frozenset(),
                                                          frozenset({"x"})]


def test_a_notebook_shown_as_slides_loses_its_prompts_and_a_decks_macros_are_expanded() -> None:
    page = ("<html><body><div class='reveal'><div class='slides'><section><h1>Deck</h1></section><section><p>$$\\newcommand{\\half}{\\frac12}$$</p>"
            "<h2>Cells</h2><div class='cell code_cell'><div class='prompt input_prompt'>In [1]:</div><pre>x</pre></div>"
            "<p>\\(\\half\\)</p></section></div></div></body></html>")
    _, soup, skipped = prepared(page)
    assert skipped == [
        Skipped("p", "TeX macro definitions", "definitions MathJax uses to typeset the formulas; they show nothing", 31),
        Skipped("div.prompt.input_prompt", "notebook prompt",
                "the execution counter of a code cell (In [n]: / Out[n]:), not lesson text", 7)]
    assert soup.find_all("p")[-1].get_text() == "\\({\\frac12}\\)"


def test_a_macro_holding_brackets_or_lines_keeps_them_inside() -> None:
    deck, _ = remark_html(".red[see [the docs](http://x.org) now]\n\n.note[\nLine *one*\n]\n")
    assert deck == ('<section class="remark-slide"><p><span class="red">see <a href="http://x.org">the docs</a> now'
                    '</span></p>\n<div class="note">\n<p>Line <em>one</em></p>\n</div></section>')


def test_excluded_slides_and_repeated_titles() -> None:
    page = ("<html><body><div class='reveal'><div class='slides'><section><h1>Deck</h1></section><section data-remark-exclude><h2>Old</h2></section>"
            "<section><h2 class='k'>One  two</h2><p>x</p></section><section><h2>One two</h2><p>y</p></section>"
            "</div></div></body></html>")
    _, soup, skipped = prepared(page)
    assert skipped == [Skipped("section", "hidden slide", HIDDEN, 3),
                       Skipped("h2", "repeated slide title", "the same title as the slide before: the slide goes on", 7)]
    assert [h.get("class") for h in soup.find_all("h2")] == [["k", "narrator-slide-title"]]

"""Slide decks (narrator/parse/sources/slides.py), exactly: the HTML a remark deck's Markdown
becomes, slide by slide (classes, layouts, pauses, notes, macros, maths, raw HTML), its excluded
slides as reported, and the deck's slides, titles and bylines as prepared for the walker."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.slides import remark_html
from narrator.values import Skipped

REMARK = """class: center, middle

# Deck

---
exclude: true

Secret

---
layout: true

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
        # a layout slide's classes, after "remark-slide " and an empty class list
        '<section class="remark-slide  remark-layout"><h2>Part <b>one</b></h2>\n</section>',
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
        ["remark-slide", "center", "middle"], ["remark-slide", "remark-layout"]]
    assert skipped == [Skipped("slide 2", "hidden slide", "the deck does not show it (exclude: true)", 6)]
    assert source.title(soup, []) == "Deck"

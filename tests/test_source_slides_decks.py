"""Slide decks (narrator/parse/sources/slides.py), exactly: which pages are decks (Marp's marks,
remark's textarea with remark loaded), which elements are the slides (the deck's own container,
the slides of a vertical stack), how repeated titles are compared, what a title slide's byline is
inside a wrapper, and reveal's Markdown slides. Small hand-written decks; the skip report whole."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Skipped

BYLINE = "author, affiliation and date lines of the deck's title slide"
REPEATED = "the same title as the slide before: the slide goes on"
MARK = "narrator-slide-title"


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "slides"
    return source, soup, source.prepare(soup)


def reveal(slides: str) -> str:
    return f"<html><body><div class='reveal'><div class='slides'>{slides}</div></div></body></html>"


def titles(soup: Any) -> list[tuple[str, list[str] | None, str]]:
    return [(h.name, h.get("class"), h.get_text()) for h in soup.find_all(["h1", "h2"])]


def test_a_marp_export_is_a_deck_by_its_pagination_or_its_svg_mark() -> None:
    slides = ("<section {mark}><h1>Deck</h1><p>Ana Lee</p></section>"
              "<section {mark}><h2>Growth</h2><p>Fast.</p></section>")
    for page in (slides.format(mark="data-marpit-pagination='1'"),
                 "<svg data-marpit-svg='' viewBox='0 0 1280 720'><foreignObject>" + slides.format(mark="")
                 + "</foreignObject></svg>"):
        source, soup, skipped = prepared(f"<html><body>{page}</body></html>")
        assert skipped == [Skipped("p", "title slide byline", BYLINE, 7)]
        assert source.title(soup, []) == "Deck"
        assert titles(soup) == [("h1", ["title"], "Deck"), ("h2", [MARK], "Growth")]


def test_the_slides_of_a_vertical_stack_and_a_heading_in_a_column_title_their_slides() -> None:
    _, soup, skipped = prepared(reveal(
        "<section><h1>Deck</h1></section>"
        "<section><section><h2>Growth</h2><p>a</p></section><section><h2>Decay</h2><p>b</p></section></section>"
        "<section><div class='col'><h2>Limits</h2></div><p>c</p></section>"))
    assert skipped == []
    assert titles(soup) == [("h1", ["title"], "Deck"), ("h2", [MARK], "Growth"), ("h2", [MARK], "Decay"),
                            ("h2", [MARK], "Limits")]


def test_a_repeated_title_is_the_same_words_wherever_it_stands_past_an_empty_heading() -> None:
    _, soup, skipped = prepared(reveal(
        "<section><h1>Deck</h1></section><section><h2></h2><p>A picture.</p></section>"
        "<section><h2>Growth</h2><p>a</p></section><section><p>Still growing.</p><h2>\n  Growth\n</h2></section>"
        "<section><h2>Growth</h2><p>c</p></section>"))
    assert skipped == [Skipped("h2", "repeated slide title", REPEATED, 6)] * 2
    assert titles(soup) == [("h1", ["title"], "Deck"), ("h2", None, ""), ("h2", [MARK], "Growth")]
    assert [p.get("class") for p in soup.find_all("p")] == [None] * 4


def test_a_title_slide_in_a_wrapper_keeps_its_heading_whole_and_drops_only_lines_with_words() -> None:
    source, soup, skipped = prepared(reveal(
        "<section><center><h1>Decay <em>Models</em></h1><p>&nbsp;</p><p>Ada Lovelace</p></center></section>"
        "<section><h2>Growth</h2><p>a</p></section>"))
    assert skipped == [Skipped("p", "title slide byline", BYLINE, 12)]
    assert source.title(soup, []) == "Decay Models"
    assert soup.find("h1").get_text() == "Decay Models"
    # its byline out, the slide holds its title alone (a blank line besides): the deck's title
    assert soup.find("section").get(MARK) == "deck"


def test_reveal_markdown_slides_become_html_in_place_and_a_slide_without_a_template_stays() -> None:
    _, soup, _ = prepared(reveal(
        "<section><h1>Deck</h1></section>"
        "<section data-markdown='notes.md'><h2>Fallback</h2><p>Shown without the file.</p></section>"
        "<section data-markdown><script type='text/template'>\n    ## Growth\n    - fast\n    - faster\n"
        "</script></section>"))
    sections = soup.find_all("section")
    assert [c.name for c in sections[1].children] == ["h2", "p"]
    assert [c.name for c in sections[2].children if c.name] == ["h2", "ul"]
    assert [li.get_text() for li in sections[2].find_all("li")] == ["fast", "faster"]
    assert titles(soup)[1:] == [("h2", [MARK], "Fallback"), ("h2", [MARK], "Growth")]


def test_a_remark_deck_needs_its_textarea_and_remark_loaded() -> None:
    for page in ("<html><head><script src='remark-latest.min.js'></script></head><body>"
                 "<div id='source'><h1>Notes</h1><p>Read this.</p></div><textarea id='answer'></textarea></body></html>",
                 "<html><body><p>A remark on style.</p><textarea id='source'>Draft</textarea></body></html>"):
        assert recognise(parse_soup(page)).name != "slides", page


def test_the_slides_are_the_decks_own_not_sections_or_slides_around_it() -> None:
    source, soup, _ = prepared(
        "<html><body><section><h1>About this page</h1><p>Use the arrow keys.</p></section>"
        "<textarea id='source'># Deck\n---\n## Growth\n</textarea><script src='remark.js'></script></body></html>")
    assert source.title(soup, []) == "Deck"
    source, soup, _ = prepared(
        "<html><body><div class='slides'><section><h1>Thumbnails</h1></section></div>"
        + reveal("<section><h1>Deck</h1></section><section><h2>Growth</h2></section>")[12:])
    assert source.title(soup, []) == "Deck"


def test_a_jupyterlab_notebook_shown_as_slides_loses_its_prompts() -> None:
    _, soup, skipped = prepared(reveal(
        "<section><h1>Deck</h1></section><section><h2>Cells</h2><div class='jp-Cell jp-CodeCell'>"
        "<div class='jp-InputPrompt jp-InputArea-prompt'>In [1]:</div><pre>x = 1</pre></div></section>"))
    assert skipped == [Skipped("div.jp-InputPrompt.jp-InputArea-prompt", "notebook prompt",
                               "the execution counter of a code cell (In [n]: / Out[n]:), not lesson text", 7)]

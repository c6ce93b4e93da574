"""LaTeX converters (narrator/parse/sources/latex.py), edges: LaTeX2HTML's colophon ("About this
document ...") ends at the next h2 or h3 and each one is reported, a KaTeX element already
delimited is left as it is, a heading number's full stop goes even when a span follows in the
heading, and pandoc's title block is found inside a wrapper."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Block, Run, Skipped

L2H = ('<html><head><title>Notes</title><meta name="Generator" content="LaTeX2HTML v2021.2"></head>'
       '<body>{body}</body></html>')
COLOPHON = "LaTeX2HTML's note on how the page was made"


def prepared(html: str, kind: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == kind
    return source, soup, source.prepare(soup)


def test_the_colophon_ends_at_the_next_heading_and_each_is_reported() -> None:
    for level in ("h2", "h3"):
        body = (f"<p>Lesson text.</p><h2>About this document ...</h2><p>Made by LaTeX2HTML.</p>"
                f"<{level}>Appendix</{level}><p>More lesson.</p>")
        _, soup, skipped = prepared(L2H.format(body=body), "latex2html")
        assert skipped == [Skipped("div.colophon", "colophon", COLOPHON, 42)], level
        assert [t.get_text() for t in soup.body.find_all(["p", level])] == ["Lesson text.", "Appendix", "More lesson."]
    body = ("<p>Lesson text.</p><h3>About this document</h3><p>One.</p><h3>About this document again</h3><p>Two.</p>")
    _, soup, skipped = prepared(L2H.format(body=body), "latex2html")
    assert [s.what for s in skipped] == ["colophon", "colophon"]


def test_katex_elements_already_delimited_are_left_as_they_are() -> None:
    body = ('<p>Let <span class="math-inline">\\[x\\]</span>, <span class="math-inline">$y$</span> and '
            '<span class="math-inline">{m}=0</span>.</p>')
    _, soup, _ = prepared(L2H.format(body=body), "latex2html")
    assert [s.get_text() for s in soup.select(".math-inline")] == ["\\[x\\]", "$y$", "\\({m}=0\\)"]


def test_a_heading_numbers_full_stop_goes_when_a_span_follows() -> None:
    body = '<h2><span class="arabic">5</span>. Variance of <span class="math">x</span></h2><p>Text.</p>'
    _, soup, _ = prepared(L2H.format(body=body), "latex2html")
    assert soup.find("h2").get_text() == "5 Variance of x"


def test_pandocs_title_block_inside_a_wrapper_names_the_page() -> None:
    html = ('<html><head><meta name="generator" content="pandoc"><title>lec01</title></head><body>'
            '<div class="container"><header id="title-block-header"><h1 class="title">Sorting  things</h1></header>'
            '<h1>Input</h1><p>A sequence.</p></div></body></html>')
    source, soup, _ = prepared(html, "pandoc")
    assert source.title(soup, [Block(kind="heading", runs=(Run(text="Input"),), level=1)]) == "Sorting things"

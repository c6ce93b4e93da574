"""Online books (narrator/parse/sources/books.py), exactly: which tool made a page (and which pages
no tool made), a Quarto chapter's whole skip report (macros, callout icons, menu, footer, bylines,
hidden text, pandoc's leftovers), its title block moved into the chapter, citations read as words,
and each style's chapter element and title."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.books import book_style
from narrator.values import Skipped


def style(head: str, body: str) -> str:
    return book_style(parse_soup(f"<html><head>{head}</head><body>{body}</body></html>"))


def gen(content: str) -> str:
    return f"<meta name='generator' content='{content}'>"


def test_each_book_tool_is_recognised_by_its_own_marks() -> None:
    summary = "<div class='book'><div class='book-summary'>x</div><div class='book-body'><div class='page-inner'>y</div></div></div>"
    assert style(gen("bookdown 0.34 and GitBook 2.6.7"), "<div class='page-inner'>y</div>") == "gitbook"
    assert style(gen("GitBook 3.2.3"), "<div class='book-summary'>y</div>") == "gitbook"
    assert style(gen("bookdown 0.34"), "<p>y</p>") == ""
    assert style("", summary) == "gitbook"
    assert style("", summary.replace("page-inner", "page")) == ""
    assert style(gen("bookdown 0.37 with bs4_book()"), "<p>y</p>") == "bs4_book"
    assert style("", "<header class='sidebar-book'>B</header><main id='content'>y</main>") == "bs4_book"
    assert style("", "<header class='sidebar-book'>B</header><main id='main'>y</main>") == ""
    assert style(gen("quarto-1.6.40"), "<div id='quarto-document-content'>y</div>") == "quarto"
    assert style(gen("quarto-1.6.40"), "<main id='content'>y</main>") == ""
    assert style("", "<main id='quarto-document-content'>y</main>") == "quarto"
    assert style("", "<div id='quarto-document-content'>y</div>") == ""
    assert style("", "<div id='jb-print-docs-body'>y</div>") == "jupyter-book"
    assert style("", "<div id='mdbook-content'>y</div>") == "mdbook"
    mdbook = "<nav id='sidebar' class='sidebar'>t</nav><div class='menu-bar'>m</div><a class='nav-chapters'>n</a>"
    assert style("", mdbook) == "mdbook"
    assert style("", mdbook.replace("nav-chapters", "next")) == ""
    assert style("", mdbook.replace("menu-bar", "bar")) == ""
    assert style(gen("GitBook 3.2.3"), summary + "<div class='ltx_page_main'>z</div>") == ""  # BookML: LaTeXML's


QUARTO = """<html><head><meta name="generator" content="quarto-1.6.40"><title>Book - Ch</title></head><body>
<header id="quarto-header"><a>My Book</a></header>
<header id="title-block-header"><h1 class="title">Chapter  One</h1><div class="quarto-title-meta"><p>Author A</p></div></header>
<main class="content" id="quarto-document-content">
<div class="callout callout-note"><div class="callout-header"><div class="callout-title-container">Note  this</div></div>
<div class="callout-body"><p>Body.</p></div></div>
<div class="callout"><div class="callout-header"><i class="callout-icon"></i></div><div class="callout-body"><p>Warn.</p></div></div>
<h2 id="s">Section {#sec-a .unnumbered}</h2>
<p>See <span label="eq1">[eq1]</span> and <a class="quarto-xref" href="#fig">Figure 1</a> and <a role="doc-biblioref" href="#ref">Smith</a>.</p>
<div class="hidden">$$\\newcommand{\\R}{\\mathbb{R}}$$</div>
</main>
<footer class="footer"><p>Built with Quarto</p></footer>
</body></html>"""


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "book"
    return source, soup, source.prepare(soup)


def test_a_quarto_chapter_is_reported_piece_by_piece() -> None:
    source, soup, skipped = prepared(QUARTO)
    assert skipped == [
        Skipped("div", "TeX macro definitions", "definitions MathJax uses to typeset the formulas; they show nothing", 31),
        Skipped("div.callout-header", "callout icon", "a callout's icon, without a title to read", 0),
        Skipped("header#quarto-header", "menu bar", "the book's menu bar: its name and toolbar buttons", 7),
        Skipped("footer.footer", "page footer", "the book's footer on every page: authors, licence, how it was built", 17),
        Skipped("div.quarto-title-meta", "bylines", "the page's author, affiliation and dates, written above it", 8),
        Skipped("div.hidden", "hidden text", "Quarto's hidden class keeps it off the page (a formula macro "
                "definition, a placeholder)", 0),
        Skipped("span", "cross-reference label", "the name of a LaTeX \\label pandoc wrote out: an anchor for "
                "links, not text", 5),
        Skipped("h2#s", "header attributes", "an id and classes pandoc left in the heading's text, not words", 20)]
    root = source.root(soup)
    assert root is soup.find(id="quarto-document-content")
    assert root.find(True) is soup.find(id="title-block-header")  # the title block moved into the chapter
    assert source.title(soup, []) == "Chapter One"
    assert [p.get_text() for p in root.find_all("p")] == ["Note this", "Body.", "Warn.", "See  and Figure 1 and Smith."]
    assert root.find_all("a") == []  # citations and cross-references are words
    assert root.find("h2").get_text() == "Section"


def test_a_chapters_title_is_its_first_heading_and_mdbook_headings_are_text() -> None:
    page = ("<html><head><title>Book</title></head><body><div id='mdbook-content'><main>{0}<p>Text.</p></main></div>"
            "<nav id='sidebar' class='sidebar'>Contents</nav></body></html>")
    source, soup, skipped = prepared(page.format("<h2><a class='header' href='#a'>Second  level</a></h2><h3>Third</h3>"))
    assert skipped == [Skipped("nav#sidebar", "table of contents",
                               "the book's table of contents: links to its chapters and sections", 8)]
    assert source.root(soup) is soup.find("main")
    assert source.title(soup, []) == "Second level"
    assert soup.find("h2").find("a") is None
    source, soup, _ = prepared(page.format("<h3>Third</h3><h1>First</h1>"))
    assert source.title(soup, []) == "First"
    source, soup, _ = prepared(page.format(""))
    assert source.title(soup, []) is None

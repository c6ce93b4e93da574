"""Online books (narrator/parse/sources/books.py), the edges: a book is recognised by any one of
its marks alone (the quick pre-check must not turn a book away that its full check accepts), a
Quarto page without a title block or a <main> element, the title heading chosen by its class,
every icon-only callout reported, pandoc's leftovers taken only where pandoc leaves them."""

from __future__ import annotations

from typing import Any

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.books import book_style
from narrator.values import Skipped


def kind(head: str, body: str) -> str:
    return recognise(parse_soup(f"<html><head>{head}</head><body>{body}</body></html>")).name


def gen(content: str) -> str:
    return f"<meta name='generator' content='{content}'>"


def prepared(html: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "book"
    return source, soup, source.prepare(soup)


def test_a_book_is_recognised_by_any_one_of_its_marks() -> None:
    inner = "<div class='page-inner'><p>y</p></div>"
    # the generator meta alone (no class or id the pre-check knows), each tool's name, any case
    assert kind(gen("bookdown 0.21"), inner) == "book"
    assert kind(gen("GitBook 3.2.3"), inner) == "book"
    assert book_style(parse_soup(f"<html><head>{gen('bookdown 0.21')}</head><body>{inner}</body></html>")) == "gitbook"
    assert kind(gen("Hugo 0.1"), inner) == "page"
    # an mdBook page whose menu bar is known by its id only: its generator names it
    mdbook = "<nav class='sidebar'>t</nav><div id='menu-bar'>m</div><div class='sidebar-scrollbox'>s</div>"
    assert kind(gen("mdBook 0.4.40"), mdbook) == "book"
    # one class or id alone
    assert kind("", "<div class='book'><div class='book-summary'>x</div><div class='book-body'>" + inner + "</div></div>") == "book"
    assert kind("", "<header class='sidebar-book'>B</header><main id='content'>y</main>") == "book"
    assert kind("", "<nav class='sidebar'>t</nav><div id='menu-bar'>m</div><a class='nav-chapters'>n</a>") == "book"
    assert kind("", "<nav class='sidebar'>t</nav><div class='menu-bar'>m</div><div class='sidebar-scrollbox'>s</div>") == "book"
    assert kind("", "<main id='quarto-document-content'><p>y</p></main>") == "book"
    assert kind("", "<div id='jb-print-docs-body'>p</div><article class='bd-article'><p>y</p></article>") == "book"
    assert kind("", "<div id='mdbook-content'><main><p>y</p></main></div>") == "book"


QUARTO_HEAD = "<html><head><meta name='generator' content='quarto-1.5.57'></head><body>"


def test_a_quarto_page_without_a_title_block_takes_its_first_heading() -> None:
    page = QUARTO_HEAD + ("<main class='content' id='quarto-document-content'><h1>Plain  Title</h1>"
                          "<p>Text.</p></main></body></html>")
    source, soup, skipped = prepared(page)
    assert skipped == []
    assert source.root(soup) is soup.find("main")
    assert source.title(soup, []) == "Plain Title"


def test_a_quarto_page_without_main_leaves_the_document_to_the_parser() -> None:
    page = QUARTO_HEAD + ("<header id='title-block-header'><h1 class='title'>Banner</h1></header>"
                          "<div id='quarto-document-content'><p>Text.</p></div></body></html>")
    source, soup, _ = prepared(page)
    assert source.root(soup) is None
    assert source.title(soup, []) is None
    assert soup.find(id="title-block-header").parent is soup.body  # left where it was


def test_the_quarto_title_is_the_title_class_heading_even_after_another_h1() -> None:
    page = QUARTO_HEAD + ("<main class='content' id='quarto-document-content'><h1>Exercise</h1>"
                          "<header id='title-block-header'><h1 class='title'>Chapter  Two</h1></header>"
                          "<p>Text.</p></main></body></html>")
    source, soup, _ = prepared(page)
    assert source.title(soup, []) == "Chapter Two"
    # an empty title heading gives way to the first heading with words
    source, soup, _ = prepared(page.replace("Chapter  Two", " "))
    assert source.title(soup, []) == "Exercise"
    # other tools' pages: the first h1, whatever its class
    mdbook = ("<html><body><div id='mdbook-content'><main><h1>First</h1><h1 class='title'>Second</h1>"
              "</main></div></body></html>")
    source, soup, _ = prepared(mdbook)
    assert source.title(soup, []) == "First"


def test_a_banner_title_block_goes_first_in_the_chapter() -> None:
    page = QUARTO_HEAD + ("<header id='title-block-header'><h1 class='title'>Banner</h1></header>"
                          "<main class='content' id='quarto-document-content'><p>Text.</p><h2>Part</h2></main>"
                          "</body></html>")
    source, soup, _ = prepared(page)
    root = source.root(soup)
    assert root.contents[0] is soup.find(id="title-block-header")
    assert source.title(soup, []) == "Banner"
    doc = parse_html(page.encode(), "chapter.html", ParseConfig())
    assert [b.text for c in doc.chapters for b in c.blocks][:2] == ["Banner", "Text."]


def test_a_title_block_inside_the_document_content_stays_where_it_is() -> None:
    # the document element is main.content; the title block sits in #quarto-document-content,
    # outside it: not the banner case, so it is not moved into the chapter
    page = QUARTO_HEAD + ("<div id='quarto-document-content'><header id='title-block-header'>"
                          "<h1 class='title'>Other</h1></header></div>"
                          "<main class='content'><p>Text.</p></main></body></html>")
    source, soup, _ = prepared(page)
    assert source.root(soup) is soup.find("main")
    assert soup.find(id="title-block-header").parent is soup.find(id="quarto-document-content")
    # nor is a title block already inside the chapter, wherever it stands
    page = QUARTO_HEAD + ("<div id='quarto-document-content'></div><main class='content'><p>Text.</p>"
                          "<header id='title-block-header'><h1 class='title'>Late</h1></header></main></body></html>")
    source, soup, _ = prepared(page)
    assert source.root(soup).contents[0].name == "p"


def test_every_icon_only_callout_is_reported_and_later_titles_still_read() -> None:
    icon = "<div class='callout'><div class='callout-header'><i class='callout-icon'></i></div><div><p>{0}</p></div></div>"
    titled = ("<div class='callout'><div class='callout-header'><div class='callout-title-container'>Tip</div></div>"
              "<div><p>{0}</p></div></div>")
    page = QUARTO_HEAD + ("<main class='content' id='quarto-document-content'><h1>T</h1>" + icon.format("One.")
                          + icon.format("Two.") + titled.format("Three.") + "</main></body></html>")
    source, soup, skipped = prepared(page)
    entry = Skipped("div.callout-header", "callout icon", "a callout's icon, without a title to read", 0)
    assert skipped == [entry, entry]
    assert soup.select(".callout-header") == []
    assert [p.get_text() for p in source.root(soup).find_all("p")] == ["One.", "Two.", "Tip", "Three."]


def test_mdbook_heading_links_of_every_level_become_text() -> None:
    page = ("<html><body><div id='mdbook-content'><main><h1><a class='header' href='#a'>One</a></h1>"
            "<h4><a class='header' href='#b'>Four</a></h4><p><a class='header' href='#c'>kept</a></p>"
            "</main></div></body></html>")
    source, soup, _ = prepared(page)
    assert [a.get_text() for a in soup.find_all("a")] == ["kept"]
    assert soup.find("h1").get_text() == "One" and soup.find("h4").get_text() == "Four"


def test_pandoc_leftovers_are_taken_only_from_spans_headings_and_paragraphs() -> None:
    page = QUARTO_HEAD + ("<main class='content' id='quarto-document-content'><h1>T</h1>"
                          "<p>Marks <a label='x'>[x]</a> and <span>[None]</span> stay.</p>"
                          "<ul><li>Set {#s .c}</li></ul>"
                          "<section id='sec'><h2>Rates <em>and</em> sums {#sec-r .unnumbered}</h2></section>"
                          "</main></body></html>")
    source, soup, skipped = prepared(page)
    assert skipped == [Skipped("h2", "header attributes",
                               "an id and classes pandoc left in the heading's text, not words", 20)]
    assert soup.find("p").get_text() == "Marks [x] and [None] stay."
    assert soup.find("li").get_text() == "Set {#s .c}"
    assert soup.find("h2").get_text() == "Rates and sums"

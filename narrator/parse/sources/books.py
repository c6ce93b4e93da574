"""Online books: bookdown (gitbook and bs4_book styles), legacy GitBook, Quarto books and
websites, Jupyter Book (sphinx-book-theme) and mdBook.

Each book tool puts the same furniture around every chapter page: the book's table of contents,
a search box, a menu bar with its name, "Edit this page" / "View source" links, previous/next
chapter buttons, a footer (authors, licence, "built with"), copy-code buttons and the ¶ / #
link each heading carries to itself. They are taken out here, each with its true reason; the
chapter itself (the tool's content element) is the document, so its headings are the chapters
and its own chapter heading is the title (never the book's name in <title> or the menu bar).

Kept: callouts and admonitions. A Quarto callout's header is only an icon and its title
("Note", "Warning" or the author's own); the title is read once, as the callout's first line,
and an empty header (the icon alone) is reported. Jupyter Book and mdBook admonitions keep
their title paragraphs as they are. Pages built from notebooks are also read with the notebook
rules (notebook.py); MathJax macro definitions follow texmacros.py.

The kind of book is recognised from the generator <meta> the tools write ("bookdown 0.34 and
GitBook 2.6.7", "bookdown 0.37 with bs4_book()", "quarto-1.6.40", "GitBook 3.2.3") or, where
there is none (mdBook, Jupyter Book), from the class names and ids of their templates.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.parse import sources
from narrator.parse.sources import Facts, Source
from narrator.values import Block, Skipped

__all__ = ["Book", "GITBOOK_FURNITURE", "book_style"]

_WS = re.compile(r"\s+")

# (what, reason): the furniture every book tool shares, named once
_TOC = ("table of contents", "the book's table of contents: links to its chapters and sections")
_MENU = ("menu bar", "the book's menu bar: its name and toolbar buttons")
_SEARCH = ("search box", "the book's search box and its results panel")
_SOURCE = ("source links", "links to edit or view the page's source, not its text")
_PREV_NEXT = ("chapter navigation", "buttons to the previous and next chapter")
_FOOTER = ("page footer", "the book's footer on every page: authors, licence, how it was built")
_COPY = ("copy-code button", "a button that copies a code block")
_ANCHOR = ("heading link", "the ¶ or # link a heading carries to itself")
_SKIP = ("skip link", "links and buttons for moving about the page (skip to content, back to top)")

# GitBook's dress (bookdown's gitbook style; BookML puts LaTeXML pages in it too): (CSS selector,
# (what, reason))
GITBOOK_FURNITURE: tuple[tuple[str, tuple[str, str]], ...] = (
    (".book-summary", _TOC),
    (".book-header", _MENU),
    ("a.navigation, .navigation-prev, .navigation-next", _PREV_NEXT),
)

# style -> [(CSS selector, (what, reason))], in the order they are taken out (source links
# before the sidebar that holds them, so the report names them)
_FURNITURE: dict[str, list[tuple[str, tuple[str, str]]]] = {
    "gitbook": [
        *GITBOOK_FURNITURE,
        ("#book-search-input, .search-results", _SEARCH),
        ("a.anchor-section, a.anchorjs-link, a.plugin-anchor", _ANCHOR),
        ("button.copy-to-clipboard-button, .copy-code-button", _COPY),
    ],
    "bs4_book": [
        (".book-extra", _SOURCE),
        ("a.sr-only-focusable", _SKIP),
        ("header.sidebar-book, .sidebar-chapter, nav#toc", _TOC),
        (".chapter-nav", _PREV_NEXT),
        ("body > footer", _FOOTER),
        ("a.anchor", _ANCHOR),
        ("button.btn-copy", _COPY),
    ],
    "quarto": [
        (".toc-actions, .quarto-other-links", _SOURCE),
        ("#quarto-sidebar, #quarto-margin-sidebar, nav#TOC", _TOC),
        ("#quarto-header", _MENU),
        ("nav.quarto-page-breadcrumbs, .quarto-title-breadcrumbs",
         ("breadcrumbs", "the page's place in the book, repeated from its table of contents")),
        ("#quarto-search, #quarto-search-results", _SEARCH),
        ("nav.page-navigation", _PREV_NEXT),
        ("footer.footer, .nav-footer", _FOOTER),
        (".quarto-title-meta-author, .quarto-title-meta",
         ("bylines", "the page's author, affiliation and dates, written above it")),
        ("button.code-copy-button", _COPY),
        ("a.anchorjs-link, a.quarto-xref-link-icon", _ANCHOR),
        ("#quarto-back-to-top", _SKIP),
        (".quarto-title-tools, #quarto-code-tools-menu, #quarto-code-tools-source, "
         "#quarto-code-tools-menu + .dropdown-menu",
         ("code tools", "the page's buttons to show, hide or view its code")),
        ("#quarto-embedded-source-code-modal",
         ("page source", "the page's own source text, kept for a pop-up dialog")),
        ("details.code-fold > summary",
         ("code-fold label", "the label of a button that shows a code block (\"Code\")")),
        ("div.hidden, span.hidden",
         ("hidden text", "Quarto's hidden class keeps it off the page (a formula macro definition, a placeholder)")),
    ],
    "jupyter-book": [
        ("#pst-skip-link, #pst-back-to-top, .skip-link", _SKIP),
        (".bd-sidebar-primary, .bd-sidebar-secondary, .bd-toc", _TOC),
        ("#jb-print-docs-body",
         ("print-only contents", "the page's title and contents written for printing only")),
        (".bd-header-article, .bd-header, header.bd-header", _MENU),
        (".search-button-field, .bd-search, .search-button__wrapper", _SEARCH),
        (".prev-next-footer, .prev-next-area", _PREV_NEXT),
        ("footer.bd-footer-content, footer.bd-footer, .bd-footer-article", _FOOTER),
        ("a.headerlink", _ANCHOR),
        ("button.copybtn", _COPY),
        ("details.hide > summary, details.above-input > summary, details.below-input > summary",
         ("toggle label", "the label of a button that shows or hides a code cell (\"Show code cell content\")")),
    ],
    "mdbook": [
        ("#mdbook-sidebar, nav#sidebar, nav.sidebar", _TOC),
        ("#mdbook-menu-bar, #menu-bar, .menu-bar", _MENU),
        ("#mdbook-search-wrapper, #search-wrapper", _SEARCH),
        ("nav.nav-wrapper, nav.nav-wide-wrapper, a.nav-chapters", _PREV_NEXT),
        ("#mdbook-help-container", ("keyboard help", "the reader's help panel of keyboard shortcuts")),
        ("pre > .buttons, button.clip-button", _COPY),
        ("a.admonition-anchor-link", _ANCHOR),
    ],
}

# where each style keeps the chapter (the first that is found)
_ROOTS = {
    "gitbook": (".page-inner section.normal", ".page-inner"),
    "bs4_book": ("main#content",),
    "quarto": ("main#quarto-document-content", "main.content"),
    "jupyter-book": ("article.bd-article", "main#main-content"),
    "mdbook": ("#mdbook-content main", "#content main"),
}


def book_style(soup: Any) -> str:
    """Which book tool made the page: "gitbook" (bookdown's gitbook style or legacy GitBook),
    "bs4_book", "quarto", "jupyter-book", "mdbook", or "" for none."""
    generator = sources.generator(soup)
    if soup.select_one(".ltx_page_main, .ltx_document") is not None:
        return ""  # LaTeXML output (BookML dresses it as a gitbook): the LaTeX kinds read it
    if "bs4_book" in generator:
        return "bs4_book"
    if "quarto" in generator and soup.find(id="quarto-document-content") is not None:
        return "quarto"
    if ("gitbook" in generator or "bookdown" in generator) and soup.select_one(".book-summary, .page-inner"):
        return "gitbook"
    if soup.select_one("div.book > .book-summary") and soup.select_one(".book-body .page-inner"):
        return "gitbook"  # GitBook's template without the meta
    if soup.select_one("header.sidebar-book") and soup.select_one("main#content"):
        return "bs4_book"
    if soup.select_one("main#quarto-document-content"):
        return "quarto"
    if soup.find(id="jb-print-docs-body") is not None:  # sphinx-book-theme's print header
        return "jupyter-book"
    if soup.find(id="mdbook-content") is not None or (
            soup.select_one("#sidebar.sidebar, nav.sidebar") and soup.select_one("#menu-bar, .menu-bar")
            and soup.select_one(".nav-chapters, .sidebar-scrollbox")):
        return "mdbook"
    return ""


def _text(node: Any) -> str:
    return _WS.sub(" ", node.get_text()).strip()


class Book(Source):
    """A chapter page of an online book: the chapter without the book around it."""

    name = "book"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        generator = facts.metas.get("generator", "").lower()
        return (any(g in generator for g in ("bookdown", "gitbook", "quarto", "mdbook", "jupyter"))
                or facts.any_class("book-summary", "sidebar-book", "nav-chapters", "menu-bar")
                or facts.any_id("quarto-document-content", "jb-print-docs-body", "mdbook-content"))

    @classmethod
    def detect(cls, soup: Any) -> bool:
        return bool(book_style(soup))

    def prepare(self, soup: Any) -> list[Skipped]:
        from narrator.parse.sources.notebook import Notebook
        from narrator.parse.sources.texmacros import define_and_expand

        self.style = book_style(soup)
        out: list[Skipped] = []
        if Notebook.detect(soup):  # a chapter built from a notebook: its prompts and tracebacks
            out += Notebook().prepare(soup)
        out += define_and_expand(soup)  # books' MathJax macros, before hidden blocks go
        if self.style == "quarto":
            out += _callout_titles(soup)
        for selector, (what, reason) in _FURNITURE[self.style]:
            out += sources.take_out(soup.select(selector), what, reason)
        out += _pandoc_leftovers(soup)
        for link in soup.select("a[role=doc-biblioref], a.quarto-xref"):
            # a citation or cross-reference is words of its sentence that happen to link within
            # the page; as links they made a paragraph of citations look like a list of links
            link.unwrap()
        if self.style == "mdbook":
            for link in soup.select("h1 > a.header, h2 > a.header, h3 > a.header, h4 > a.header"):
                link.unwrap()  # mdBook links each heading's text to itself: the text is the heading
        self._root = next((r for sel in _ROOTS[self.style] if (r := soup.select_one(sel)) is not None), None)
        if self.style == "quarto" and self._root is not None:
            _title_block_inside(soup, self._root)
        self._title = _chapter_title(soup, self._root, self.style)
        return out

    def root(self, soup: Any) -> Any | None:
        return self._root

    def finish(self, blocks: list[Block]) -> list[Block]:
        return blocks

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        return self._title or None


def _title_block_inside(soup: Any, root: Any) -> None:
    """A Quarto page with a banner title writes its title block above the document element: it
    is the page's title all the same, so it goes to the top of the document."""
    block = soup.select_one("#title-block-header")
    if block is not None and root not in block.parents and block not in root.parents \
            and block.find_parent(id="quarto-document-content") is None:
        root.insert(0, block.extract())


def _callout_titles(soup: Any) -> list[Skipped]:
    """A Quarto callout's header (icon and title) becomes one plain line with its title, read
    once before the callout's text; a header without a title (the icon alone) is reported."""
    out: list[Skipped] = []
    for header in soup.select("div.callout > .callout-header"):
        holder = header.select_one(".callout-title-container")
        title = _text(holder) if holder is not None else ""
        if not title:
            out += sources.take_out([header], "callout icon", "a callout's icon, without a title to read")
            continue
        line = soup.new_tag("p")
        line.string = title
        header.replace_with(line)
    return out


# "{#id .class}" at the end of a text; the look-behind starts a try only where a run of spaces
# starts, so a long run is scanned once, not once per space (40,000 spaces: 2 s)
_HEADER_ATTRS = re.compile(r"(?<!\s)\s*\{#[\w:.-]+(?:\s+\.[\w-]+)*\s*\}\s*$")


def _pandoc_leftovers(soup: Any) -> list[Skipped]:
    """What pandoc (under bookdown and Quarto) leaves of the author's LaTeX or Markdown when it
    cannot use it: a ``\\label`` written out as ``<span label="x">[x]</span>`` (an anchor for
    links), and header attributes ``{#id .unnumbered}`` left at the end of a heading's text (or of
    the paragraph that continues it)."""
    from bs4 import NavigableString

    out = sources.take_out([s for s in soup.find_all("span", attrs={"label": True})
                            if _text(s) == f"[{s.get('label')}]"], "cross-reference label",
                           "the name of a LaTeX \\label pandoc wrote out: an anchor for links, not text")
    # a heading written over two lines in the source ends in the paragraph after it
    for heading in soup.find_all(re.compile(r"^(?:h[1-6]|p)$")):
        last = heading.find_all(string=True)[-1:] if heading.contents else []
        if last and isinstance(last[0], NavigableString) and (m := _HEADER_ATTRS.search(str(last[0]))):
            out.append(Skipped(sources.selector(heading), "header attributes",
                                       "an id and classes pandoc left in the heading's text, not words",
                                       len(m.group().strip())))
            last[0].replace_with(str(last[0])[:m.start()])
    return out


def _chapter_title(soup: Any, root: Any | None, style: str) -> str:
    """The chapter's own heading: Quarto's title block, else the first h1 (or first heading)
    of the chapter; "" when it has none."""
    if root is None:
        return ""
    if style == "quarto":
        heading = root.select_one("h1.title")
        if heading is not None and _text(heading):
            return _text(heading)
    heading = root.find("h1") or root.find(re.compile(r"^h[2-6]$"))
    return _text(heading) if heading is not None else ""

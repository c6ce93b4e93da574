"""Online books (issue 19): bookdown (gitbook and bs4_book), GitBook, Quarto, Jupyter Book and
mdBook chapter pages are read without the book around them (table of contents, search, menu bar,
"Edit this page", previous/next buttons, footer, copy buttons, heading links: each reported with
its reason), callout titles are read once, the chapter's headings are its chapters and its own
heading is the title (not the book's name)."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.parse.tree import Work


def _doc(data: str):
    return parse_html(data.encode(), "chapter.html", ParseConfig())


def _text(doc) -> str:
    return " ".join(b.text for c in doc.chapters for b in c.blocks)


def _whats(doc) -> set[str]:
    return {s.what for s in doc.skipped}


def _kind(html: str) -> str:
    return recognise(parse_soup(html, Work("x.html"))).name


_BOOKDOWN = """<html><head><meta name="generator" content="bookdown 0.34 and GitBook 2.6.7">
<title>3 Sampling | Statistics Notes</title><script src="x.js"></script></head><body>
<div class="book without-animation with-summary">
<div class="book-summary"><nav role="navigation"><ul class="summary">
<li><a href="./">Statistics Notes</a></li><li class="chapter"><a href="intro.html">1 Introduction</a></li>
<li class="chapter"><a href="sampling.html">3 Sampling</a></li></ul></nav></div>
<div class="book-body"><div class="body-inner">
<div class="book-header" role="navigation"><h1><i class="fa fa-circle-o-notch fa-spin"></i>
<a href="./">Statistics Notes</a></h1></div>
<div class="page-wrapper" tabindex="-1" role="main"><div class="page-inner">
<section class="normal" id="section-">
<div id="sampling" class="section level1" number="3">
<h1><span class="header-section-number">3</span> Sampling<a href="sampling.html#sampling"
 class="anchor-section" aria-label="Anchor link to header"></a></h1>
<p>A sample is a part of a population chosen to learn about the whole.</p>
<div id="random" class="section level2" number="3.1">
<h2><span class="header-section-number">3.1</span> Random samples<a href="sampling.html#random"
 class="anchor-section" aria-label="Anchor link to header"></a></h2>
<p>Every member has the same chance of being chosen.</p>
<div class="rmdnote"><p>Random does not mean careless.</p></div>
</div>
<div id="bias" class="section level2" number="3.2"><h2>3.2 Bias</h2>
<p>A biased sample favours some members over others.</p></div>
</div>
</section></div></div></div>
<a href="intro.html" class="navigation navigation-prev" aria-label="Previous page"><i class="fa fa-angle-left"></i></a>
<a href="bias.html" class="navigation navigation-next" aria-label="Next page"><i class="fa fa-angle-right"></i></a>
</div></div></body></html>"""


def test_bookdown_gitbook_chapter_without_its_book() -> None:
    assert _kind(_BOOKDOWN) == "book"
    doc = _doc(_BOOKDOWN)
    text = _text(doc)
    assert doc.title == "3 Sampling"  # the chapter's heading, not the book in <title> or the menu bar
    assert "Statistics Notes" not in text and "Introduction" not in text
    assert "Random does not mean careless." in text  # a note box is the chapter's text
    assert [c.title for c in doc.chapters][-2:] == ["3.1 Random samples", "3.2 Bias"]
    assert {"table of contents", "menu bar", "chapter navigation", "heading link"} <= _whats(doc)
    reasons = {s.what: s.reason for s in doc.skipped}
    assert "previous and next chapter" in reasons["chapter navigation"]


_BS4 = """<html><head><meta name="generator" content="bookdown 0.37 with bs4_book()">
<title>Chapter 14 Unit tests | Package Guide</title><script src="x.js"></script></head><body>
<div class="container-fluid"><div class="row">
<header class="col-sm-12 col-lg-3 sidebar sidebar-book"><a class="sr-only sr-only-focusable" href="#content">Skip to main content</a>
<h1><a href="index.html">Package Guide</a></h1>
<form role="search"><input id="search" class="form-control" type="search" placeholder="Search" aria-label="Search"></form>
<nav aria-label="Table of contents"><ul class="book-toc list-unstyled"><li><a href="intro.html">1 Introduction</a></li>
<li><a class="active" href="tests.html">14 Unit tests</a></li></ul></nav></header>
<main class="col-sm-12 col-md-9 col-lg-7" id="content"><div id="tests" class="section level1" number="14">
<h1><span class="header-section-number">14</span> Unit tests<a class="anchor" aria-label="anchor" href="#tests"><i class="fas fa-link"></i></a></h1>
<p>Unit tests check that each function does what it promises.</p>
<div id="why" class="section level2" number="14.1"><h2>14.1 Why test</h2><p>Tests catch mistakes early.</p></div>
<div id="how" class="section level2" number="14.2"><h2>14.2 How to test</h2><p>Write one test for each behaviour.</p></div>
</div>
<div class="chapter-nav"><div class="prev"><a href="data.html">13 Package data</a></div>
<div class="next"><a href="r-code.html">15 R code</a></div></div></main>
<div class="col-md-3 col-lg-2 d-none d-md-block sidebar sidebar-chapter"><nav id="toc" data-toggle="toc" aria-label="On this page">
<h2>On this page</h2><ul class="nav navbar-nav"><li><a class="nav-link" href="#why">14.1 Why test</a></li></ul>
<div class="book-extra"><ul class="list-unstyled">
<li><a id="book-source" href="https://example.org/tests.Rmd">View source</a></li>
<li><a id="book-edit" href="https://example.org/edit/tests.Rmd">Edit this page</a></li></ul></div></nav></div>
</div></div>
<footer class="bg-primary text-light mt-5"><div class="container"><p>"Package Guide" was written by A. Author.
It was last built on 2024-02-29.</p><p>This book was built by the bookdown R package.</p></div></footer>
</body></html>"""


def test_bs4_book_chapter_without_its_book() -> None:
    assert _kind(_BS4) == "book"
    doc = _doc(_BS4)
    text = _text(doc)
    assert doc.title == "14 Unit tests"
    for chrome in ("Skip to main content", "Package Guide", "View source", "Edit this page", "On this page",
                   "13 Package data", "15 R code", "last built"):
        assert chrome not in text, chrome
    assert "Write one test for each behaviour." in text
    assert {"source links", "table of contents", "chapter navigation", "page footer", "skip link"} <= _whats(doc)


_QUARTO = """<html><head><meta name="generator" content="quarto-1.6.40">
<title>4 Interactions – Regression Guide</title><script src="quarto.js"></script></head>
<body class="nav-sidebar floating">
<header id="quarto-header" class="headroom fixed-top"><nav class="quarto-secondary-nav"><div class="container-fluid">
<nav class="quarto-page-breadcrumbs" aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item">
<a href="interactions.html">4 Interactions</a></li></ol></nav></div></nav></header>
<div id="quarto-content" class="quarto-container page-columns">
<nav id="quarto-sidebar" class="sidebar collapse sidebar-navigation floating"><div class="sidebar-title">
<a href="../">Regression Guide</a></div><div class="sidebar-search"><div id="quarto-search" title="Search"></div></div>
<ul><li class="sidebar-item"><a href="intro.html">1 Introduction</a></li></ul></nav>
<div id="quarto-margin-sidebar" class="sidebar margin-sidebar"><nav id="TOC" role="doc-toc"><h2 id="toc-title">Table of contents</h2>
<ul><li><a href="#terms">4.1 Terms</a></li></ul>
<div class="toc-actions"><ul><li><a href="https://example.org/edit/interactions.qmd" class="toc-action">Edit this page</a></li>
<li><a href="https://example.org/issues" class="toc-action">Report an issue</a></li></ul></div></nav></div>
<main class="content" id="quarto-document-content">
<header id="title-block-header" class="quarto-title-block default">
<nav class="quarto-page-breadcrumbs quarto-title-breadcrumbs d-none d-lg-block" aria-label="breadcrumb"><ol class="breadcrumb">
<li class="breadcrumb-item"><a href="interactions.html">4 Interactions</a></li></ol></nav><div class="quarto-title">
<h1 class="title"><span class="chapter-number">4</span>&nbsp; <span class="chapter-title">Interactions</span></h1></div></header>
<div class="hidden"><p><span class="math display">\\[ \\def\\bm#1{{\\boldsymbol #1}} \\]</span></p></div>
<p>An interaction lets one effect depend on another variable.</p>
<section id="terms" class="level2"><h2 class="anchored">4.1 Terms</h2>
<p>The product of two predictors is an interaction term.</p>
<div class="callout callout-style-default callout-note callout-titled">
<div class="callout-header d-flex align-content-center"><div class="callout-icon-container"><i class="callout-icon"></i></div>
<div class="callout-title-container flex-fill">Centre your predictors</div></div>
<div class="callout-body-container callout-body"><p>Centring makes the main effects easier to read.</p></div></div>
<div class="callout callout-style-default callout-warning callout-titled">
<div class="callout-header d-flex align-content-center"><div class="callout-icon-container"><i class="callout-icon"></i></div>
<div class="callout-title-container flex-fill">Warning</div></div>
<div class="callout-body-container callout-body"><p>Never read a coefficient alone.</p></div></div>
<div class="callout callout-style-simple callout-tip no-icon">
<div class="callout-header d-flex align-content-center"><div class="callout-icon-container"><i class="callout-icon"></i></div></div>
<div class="callout-body-container callout-body"><p>Plot the effect over the whole range.</p></div></div>
<details class="code-fold"><summary>Code</summary><div class="sourceCode"><pre class="sourceCode r code-with-copy"><code>fit &lt;- lm(y ~ a * b)</code>
<button title="Copy to Clipboard" class="code-copy-button"><i class="bi"></i></button></pre></div></details>
</section>
</main>
<nav class="page-navigation"><div class="nav-page nav-page-previous"><a href="comparing.html" class="pagination-link">
<span class="nav-page-text">3 Comparing estimates</span></a></div><div class="nav-page nav-page-next">
<a href="spatial.html" class="pagination-link"><span class="nav-page-text">5 Spatial weights</span></a></div></nav>
</div>
<footer class="footer"><div class="nav-footer"><div class="nav-footer-left"><p>Author, A. (2025). Regression Guide.</p></div>
</div></footer></body></html>"""


def test_quarto_chapter_without_its_book() -> None:
    assert _kind(_QUARTO) == "book"
    doc = _doc(_QUARTO)
    text = _text(doc)
    assert doc.title == "4 Interactions"
    for chrome in ("Regression Guide", "Table of contents", "Edit this page", "Report an issue", "1 Introduction",
                   "3 Comparing estimates", "5 Spatial weights", "Code", "def", "bm", "Author, A."):
        assert chrome not in text, chrome
    assert {"table of contents", "source links", "menu bar", "breadcrumbs", "chapter navigation", "page footer",
            "copy-code button", "code-fold label", "hidden text", "callout icon"} <= _whats(doc)


def test_quarto_callout_titles_are_read_once_before_their_text() -> None:
    doc = _doc(_QUARTO)
    texts = [b.text for c in doc.chapters for b in c.blocks]
    assert texts.count("Centre your predictors") == 1 and texts.count("Warning") == 1
    at = texts.index("Centre your predictors")
    assert texts[at + 1] == "Centring makes the main effects easier to read."
    assert texts[texts.index("Warning") + 1] == "Never read a coefficient alone."
    assert "Plot the effect over the whole range." in texts  # an untitled callout keeps its text
    assert not any(s.what == "page chrome" and "callout" in s.reason for s in doc.skipped)


_JUPYTER_BOOK = """<html><head><title>Modeling &#8212; Simulation in Python</title><script src="x.js"></script></head>
<body><div id="pst-skip-link" class="skip-link d-print-none"><a href="#main-content">Skip to main content</a></div>
<header class="bd-header navbar"></header>
<div class="bd-container"><div class="bd-container__inner bd-page-width">
<div class="bd-sidebar-primary bd-sidebar"><a class="navbar-brand logo" href="index.html">
<p class="title logo__title">Simulation in Python</p></a><div class="search-button__wrapper">Search</div>
<ul><li><a href="preface.html">Preface</a></li><li><a href="chap01.html">Modeling</a></li></ul></div>
<main id="main-content" class="bd-main"><div class="bd-content"><div class="bd-article-container">
<div class="bd-header-article d-print-none"><div class="header-article-items"><button class="btn" title="Download">.ipynb</button></div></div>
<div id="jb-print-docs-body" class="onlyprint"><h1>Modeling</h1><div id="print-main-content"><div id="jb-print-toc">
<div><h2> Contents </h2></div><nav><ul><li><a href="#models">Models</a></li></ul></nav></div></div></div>
<article class="bd-article">
<section id="modeling"><h1>Modeling<a class="headerlink" href="#modeling" title="Link to this heading">#</a></h1>
<p>A model is a simplified description of a system.</p>
<section id="models"><h2>Models<a class="headerlink" href="#models">#</a></h2><p>Models leave details out on purpose.</p>
<div class="admonition note"><p class="admonition-title">Note</p><p>Every model is wrong in some way.</p></div>
</section>
<section id="checks"><h2>Checks<a class="headerlink" href="#checks">#</a></h2><p>Compare the model with measurements.</p></section>
</section></article>
<footer class="prev-next-footer d-print-none"><div class="prev-next-area"><a class="left-prev" href="preface.html">
<p class="prev-next-subtitle">previous</p><p class="prev-next-title">Preface</p></a></div></footer>
</div></div>
<footer class="bd-footer-content"><div class="footer-item"><p class="component-author">By A. Author</p></div></footer>
</main></div></div></body></html>"""


def test_jupyter_book_page_without_its_book() -> None:
    assert _kind(_JUPYTER_BOOK) == "book"
    doc = _doc(_JUPYTER_BOOK)
    texts = [b.text for c in doc.chapters for b in c.blocks]
    text = " ".join(texts)
    assert doc.title == "Modeling"
    assert texts.count("Modeling") == 1  # the print-only copy of the title is not read again
    for chrome in ("Skip to main content", "Simulation in Python", "Preface", "previous", ".ipynb", "By A. Author",
                   "Contents", "#"):
        assert chrome not in text, chrome
    assert texts.count("Note") == 1 and "Every model is wrong in some way." in text
    assert [c.title for c in doc.chapters][-2:] == ["Models", "Checks"]
    assert {"skip link", "table of contents", "print-only contents", "chapter navigation", "page footer",
            "heading link"} <= _whats(doc)


_MDBOOK = """<!DOCTYPE HTML><html lang="en" class="light sidebar-visible" dir="ltr"><head>
<!-- Book generated using mdBook --><title>Data Types - The Language Book</title><script src="book.js"></script></head>
<body><div id="mdbook-help-container"><div id="mdbook-help-popup"><h2 class="mdbook-help-title">Keyboard shortcuts</h2>
<p>Press S to search in the book</p></div></div>
<div id="mdbook-body-container"><nav id="mdbook-sidebar" class="sidebar" aria-label="Table of contents">
<div class="sidebar-scrollbox"><ol class="chapter"><li><a href="ch01.html">1. Getting Started</a></li></ol></div></nav>
<div id="mdbook-page-wrapper" class="page-wrapper"><div class="page">
<div id="mdbook-menu-bar" class="menu-bar sticky"><div class="left-buttons"><button id="mdbook-search-toggle">Search</button></div>
<h1 class="menu-title">The Language Book</h1></div>
<div id="mdbook-search-wrapper" class="hidden"><form id="mdbook-searchbar-outer"><input type="search" placeholder="Search this book ..."></form></div>
<div id="mdbook-content" class="content"><main>
<h1 id="data-types"><a class="header" href="#data-types">Data Types</a></h1>
<p>Every value has a type that says what it can hold.</p>
<h2 id="integers"><a class="header" href="#integers">Integers</a></h2><p>An integer is a number without a fraction.</p>
<h2 id="floats"><a class="header" href="#floats">Floating point</a></h2><p>A float has a fractional part.</p>
<pre><div class="buttons"><button class="clip-button" title="Copy to clipboard"></button></div><code>let x = 2.0;</code></pre>
</main>
<nav class="nav-wrapper" aria-label="Page navigation"><a rel="prev" href="ch02.html" class="mobile-nav-chapters previous" title="Previous chapter">&larr;</a></nav>
</div></div>
<nav class="nav-wide-wrapper" aria-label="Page navigation"><a rel="prev" href="ch02.html" class="nav-chapters previous" title="Previous chapter">&larr;</a>
<a rel="next" href="ch04.html" class="nav-chapters next" title="Next chapter">&rarr;</a></nav>
</div></div></body></html>"""


def test_mdbook_chapter_without_its_book() -> None:
    assert _kind(_MDBOOK) == "book"
    doc = _doc(_MDBOOK)
    text = _text(doc)
    assert doc.title == "Data Types"  # not "The Language Book"
    for chrome in ("Keyboard shortcuts", "Getting Started", "The Language Book", "Search", "←", "→"):
        assert chrome not in text, chrome
    assert [c.title for c in doc.chapters][-2:] == ["Integers", "Floating point"]
    assert {"keyboard help", "table of contents", "menu bar", "search box", "chapter navigation"} <= _whats(doc)


_LEGACY_GITBOOK = """<html><head><meta name="generator" content="GitBook 3.2.3"><title>Core ideas · GitBook</title>
<script src="gitbook.js"></script></head><body><div class="book">
<div class="book-summary"><div id="book-search-input" role="search"><input type="text" placeholder="Type to search" /></div>
<nav role="navigation"><ul class="summary"><li class="chapter"><a href="../">Introduction</a></li>
<li><a href="https://www.gitbook.com" target="blank" class="gitbook-link">Published with GitBook</a></li></ul></nav></div>
<div class="book-body"><div class="body-inner"><div class="book-header" role="navigation"><h1><i class="fa fa-circle-o-notch fa-spin"></i>
<a href="..">Core ideas</a></h1></div>
<div class="page-wrapper" tabindex="-1" role="main"><div class="page-inner"><div id="book-search-results">
<div class="search-noresults"><section class="normal markdown-section">
<h2 id="core">Core ideas</h2><h3 id="goals">Goals</h3><ul><li>Build a component.</li><li>Test it first.</li></ul>
<h3 id="prep">Preparation</h3><p>Install the tools before class.</p>
</section></div><div class="search-results"><div class="has-results">
<h1 class="search-results-title"><span class="search-results-count"></span> results matching "<span class="search-query"></span>"</h1>
<ul class="search-results-list"></ul></div><div class="no-results"><h1 class="search-results-title">No results matching
"<span class="search-query"></span>"</h1></div></div></div></div></div></div>
<a href="./" class="navigation navigation-prev" aria-label="Previous page: Intro"><i class="fa fa-angle-left"></i></a></div>
</div></body></html>"""


def test_legacy_gitbook_page_without_its_book() -> None:
    assert _kind(_LEGACY_GITBOOK) == "book"
    doc = _doc(_LEGACY_GITBOOK)
    texts = [b.text for c in doc.chapters for b in c.blocks]
    assert doc.title == "Core ideas" and texts.count("Core ideas") == 1
    text = " ".join(texts)
    for chrome in ("Introduction", "Published with GitBook", "results matching", "No results"):
        assert chrome not in text, chrome
    assert [c.title for c in doc.chapters][-2:] == ["Goals", "Preparation"]
    assert {"table of contents", "menu bar", "search box", "chapter navigation"} <= _whats(doc)
    assert not any(s.what == "empty chapter" for s in doc.skipped)  # the search panel's headings went with it


def test_pages_that_are_not_books_are_not_claimed() -> None:
    assert _kind("<html><body><div class='summary'><p>Text.</p></div><main><p>Hi.</p></main></body></html>") != "book"
    # a Sphinx page of another theme keeps its own reading
    assert _kind("<html><body><div class='bd-article'><p>Hi.</p></div></body></html>") != "book"
    # LaTeXML output dressed as a gitbook by BookML is read by the LaTeX kinds
    latexml = _LEGACY_GITBOOK.replace('<section class="normal markdown-section">',
                                      '<section class="normal markdown-section"><div class="ltx_page_main">')
    assert _kind(_LEGACY_GITBOOK) == "book" and _kind(latexml) != "book"
    assert _kind("<html><head><meta name='generator' content='quarto-1.4'></head><body><p>Hi.</p></body></html>") \
        != "book"  # a Quarto page without its document element (a slide deck, a fragment)


def test_pandoc_leftovers_in_a_bookdown_chapter_are_reported_not_read() -> None:
    page = _BOOKDOWN.replace(
        "<p>A sample is a part of a population chosen to learn about the whole.</p>",
        '<p>A sample is a part of a population chosen to learn about the whole.<br />'
        '<span id="eq:5-3" label="eq:5-3">[eq:5-3]</span></p>'
        "<h3>Sample size</h3><p>(n): the number of members {#size .unnumbered}</p>")
    doc = _doc(page)
    text = _text(doc)
    assert "[eq:5-3]" not in text and "unnumbered" not in text and "{#" not in text
    assert "(n): the number of members" in text
    assert {"cross-reference label", "header attributes"} <= _whats(doc)


def test_jupyter_book_hidden_cell_toggle_labels_are_not_read() -> None:
    page = _JUPYTER_BOOK.replace(
        "<p>Compare the model with measurements.</p>",
        '<p>Compare the model with measurements.</p><div class="cell tag_hide-cell docutils container">'
        '<details class="hide above-input"><summary aria-label="Toggle hidden content">'
        '<span class="collapsed">Show code cell content</span><span class="expanded">Hide code cell content</span>'
        '</summary><div class="cell_input docutils container"><pre>x = 1</pre></div></details></div>')
    doc = _doc(page)
    assert "code cell content" not in _text(doc)
    assert "toggle label" in _whats(doc)


def test_quarto_banner_title_bylines_and_citations() -> None:
    # a Quarto website page with a banner title: the title block stands above the document element
    page = _QUARTO.replace(
        '<div id="quarto-content" class="quarto-container page-columns">',
        '<header id="title-block-header" class="quarto-title-block default page-columns page-full">'
        '<div class="quarto-title-banner"><div class="quarto-title"><h1 class="title">Causal Diagrams</h1></div></div>'
        '<div class="quarto-title-meta-author"><div class="quarto-title-meta-heading">Author</div>'
        '<div class="quarto-title-meta-contents"><p class="author">Ana Lee</p></div></div>'
        '<div class="quarto-title-meta"><div class="quarto-title-meta-heading">Published</div>'
        '<div class="quarto-title-meta-contents"><p class="date">March 11, 2025</p></div></div></header>'
        '<div id="quarto-content" class="quarto-container page-columns">', 1)
    page = page.replace('<header id="title-block-header" class="quarto-title-block default">', '<header class="x">', 1)
    page = page.replace('<h1 class="title"><span class="chapter-number">4</span>&nbsp; <span class="chapter-title">'
                        'Interactions</span></h1>', '')
    page = page.replace("<p>An interaction lets one effect depend on another variable.</p>",
                        '<div class="callout callout-style-default callout-note callout-titled"><div class="callout-header">'
                        '<div class="callout-title-container flex-fill">Readings</div></div><div class="callout-body">'
                        '<p><a href="#ref-a" role="doc-biblioref">Hernan and Robins 2020</a>, '
                        '<a href="#ref-b" role="doc-biblioref">Neal 2020</a></p></div></div>')
    doc = _doc(page)
    texts = [b.text for c in doc.chapters for b in c.blocks]
    assert doc.title == "Causal Diagrams" and texts[0] == "Causal Diagrams" and texts.count("Causal Diagrams") == 1
    assert "Ana Lee" not in " ".join(texts) and "Published" not in " ".join(texts)
    assert "bylines" in _whats(doc)
    # a paragraph of citations is words, not a list of links
    assert texts[texts.index("Readings") + 1] == "Hernan and Robins 2020, Neal 2020"


def test_header_attributes_after_a_long_run_of_spaces_cost_one_pass() -> None:
    """40,000 spaces in a paragraph (with or without header attributes after them) are scanned
    once, not once per space; the attributes are still found."""
    gap = " " * 40_000
    page = _BOOKDOWN.replace(
        "<p>A sample is a part of a population chosen to learn about the whole.</p>",
        f"<p>A sample is a part{gap}of a population.{gap}x</p>"
        f"<h3>Sample size</h3><p>(n): the number of members{gap}{{#size{gap}.unnumbered{gap}}}{gap}</p>")
    doc = _doc(page)
    text = _text(doc)
    assert "A sample is a part of a population. x" in text
    assert "(n): the number of members" in text and "unnumbered" not in text and "{#" not in text
    assert "header attributes" in _whats(doc)

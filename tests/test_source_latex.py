"""Pages made from LaTeX or Markdown by a converter (issue 19 item 2): LaTeX2HTML, TeX4ht/make4ht,
LaTeXML and pandoc are recognised from their generator <meta> or class names, their furniture
(navigation panels, crosslinks, tables of contents, page headers and footers) is taken out with
its reason, the title is the document's own, and TeX left for MathJax is read as maths: no
\\begin, \\label or \\tag spoken, \\ref and \\eqref said as the number the reader sees."""

from __future__ import annotations

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.parse.sources.texmacros import number_equations
from narrator.parse.tree import Work
from narrator.script.planner import plan


def _doc(html: str, name: str = "page.html"):
    return parse_html(html.encode(), name, ParseConfig())


def _text(doc) -> str:
    return " ".join(b.text for c in doc.chapters for b in c.blocks)


def _spoken(doc) -> str:
    return " ".join(s.spoken for s in plan(doc, Config()).segments)


def _skipped(doc) -> dict[str, str]:
    return {s.what: s.reason for s in doc.skipped}


def _kind(html: str) -> str:
    return recognise(parse_soup(html, Work("x.html"))).name


# -- raw TeX for MathJax ---------------------------------------------------------------------

_TEX4HT = """<!DOCTYPE html><html lang="en"><head><title>Notes on referencing</title>
<meta content="TeX4ht (https://tug.org/tex4ht/)" name="generator">
<script>window.MathJax = { tex: { tags: "ams" } };</script>
<script id="MathJax-script" src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml-full.js"></script>
</head><body>
<nav class="crosslinks-top"> [<a href="ch1.html">prev</a>] [<a href="index.html">up</a>] [<a href="ch3.html">next</a>]</nav>
<div class="maketitle"><h2 class="titleHead">Referencing equations</h2>
<div class="author"><span class="cmr-12">A. Author</span></div></div>
<h3 class="likesectionHead" id="contents">Contents</h3>
<div class="tableofcontents"><span class="sectionToc">1 <a href="#s1">Equations</a></span></div>
<h3 class="sectionHead" id="s1"><span class="titlemark">1</span> Equations</h3>
<p class="indent">Put the calling <span class="obeylines-h verb cmtt-10">\\eqref</span> in maths. The ﬁrst ﬁle:</p>
<p class="indent">\\begin {equation} f(x)=1\\label {eq} \\end {equation}<a id="x1-2001r1"></a></p>
<p class="indent">\\[ 1\\neq 1. \\tag {Condition A}\\label {E:cond} \\]</p>
<p class="indent">\\begin {align} a & =1\\label {A} \\\\ b & =0\\nonumber \\\\ c & =2\\label {C} \\end {align}</p>
<p class="indent">We have equation \\(\\mathrm {(\\ref {eq})}\\) and the condition \\(\\mathrm {(\\ref {E:cond})}\\).
Rows \\(\\ref {A}\\) and \\(\\mathrm {(\\ref {C})}\\) are aligned.</p>
<nav class="crosslinks-bottom">[<a href="ch1.html">prev</a>] [<a href="ch3.html">next</a>]</nav>
</body></html>"""


def test_tex4ht_is_recognised_from_its_generator_meta_not_its_file_name():
    assert _kind(_TEX4HT) == "tex4ht"
    plain = _TEX4HT.replace('<meta content="TeX4ht (https://tug.org/tex4ht/)" name="generator">', "")
    plain = plain.replace("titlemark", "number")
    assert _kind(plain) != "tex4ht"
    assert _doc(plain, "tex4ht-latex2html-pandoc.html").title != "Referencing equations"


def test_tex4ht_environments_labels_and_tags_are_maths_not_words():
    doc = _doc(_TEX4HT)
    spoken = _spoken(doc)
    for word in ("begin", "label", "end {", "equation}", "tag", "nonumber", "E:cond", " ref "):
        assert word not in spoken, (word, spoken)
    assert "f of x, equals one (one)" in spoken  # the numbered equation and the number it shows
    assert "one is not equal to one" in spoken and "(Condition A)" in _text(doc)


def test_tex4ht_references_are_the_numbers_the_reader_sees():
    text = _text(_doc(_TEX4HT))
    # the first \\eqref is after "equation": not said twice; a tag is cited by its own text
    assert "We have equation (1) and the condition equation (Condition A)." in text
    # rows of an align are numbered one by one, \\nonumber rows not at all
    assert "Rows 2 and (3) are aligned." in text
    assert "(2), (3)" in text  # the labelled rows' numbers after the alignment


def test_tex4ht_furniture_title_verb_and_ligatures():
    doc = _doc(_TEX4HT)
    skipped = _skipped(doc)
    assert "TeX4ht's [next] [prev] [up] links" in skipped["page navigation"]
    assert "table of contents" in skipped
    assert doc.title == "Referencing equations"
    text = _text(doc)
    assert "prev" not in text and "Contents" not in text
    assert "The first file:" in text  # TeX's ﬁ ligature is two letters again
    assert "\\eqref in maths" in text  # \\verb is code shown as written, not a formula


_MATHJAX_PAGE = """<html><head><title>Equation references</title>
<script>MathJax = { tex: { tags: 'all' } };</script>
<script defer src="https://cdn.jsdelivr.net/npm/mathjax@4/tex-chtml.js"></script></head><body>
<h1>Equation references</h1>
<p>A labelled one: $$x+1\\label{first}$$ with a reference \\ref{first}, and one without:
$$y+2$$</p>
<p>Unnumbered: $$z\\nonumber$$ and \\begin{equation*} w \\end{equation*}</p>
<p>Then another \\eqref{second}: $$v\\label{second}$$ and a bad one [\\ref{missing}].</p>
</body></html>"""


def test_a_plain_mathjax_page_numbers_every_display_when_its_config_says_all():
    assert _kind(_MATHJAX_PAGE) == "mathjax-tex"
    text = _text(_doc(_MATHJAX_PAGE))
    assert "a reference 1," in text
    assert "another equation (3):" in text  # forward reference; \\nonumber and starred ones skip
    spoken = _spoken(_doc(_MATHJAX_PAGE))
    assert "first" not in spoken and "second" not in spoken  # labels are never heard


def test_references_count_in_document_order_with_ams_tags():
    soup = parse_soup("<p>$$a\\label{x}$$ \\begin{equation}b\\label{y}\\end{equation}"
                      " \\begin{gather}c\\\\d\\label{z}\\end{gather} see \\eqref{y} and \\ref{z}</p>",
                      Work("x.html"))
    number_equations(soup, "ams")
    text = soup.get_text()
    assert "see equation (1) and 3" in text  # $$ is not numbered under "ams"; gather rows are


def test_a_page_without_mathjax_is_not_a_mathjax_page():
    assert _kind("<html><head><script>var x = 1;</script></head><body>"
                 "<p>Write \\label{x} in LaTeX.</p></body></html>") != "mathjax-tex"


# -- LaTeX2HTML ------------------------------------------------------------------------------

_L2H = """<!DOCTYPE HTML>
<!--Converted with LaTeX2HTML 2021.2 (Released July 1, 2021) -->
<HTML lang="en"><HEAD><TITLE>1.5 Inline Mode</TITLE>
<META NAME="Generator" CONTENT="LaTeX2HTML v2021.2"></HEAD><BODY>
<DIV CLASS="navigation"><!--Navigation Panel-->
<A HREF="node8.html"><IMG ALT="next" SRC="next.png"></A>
<A HREF="node2.html"><IMG ALT="up" SRC="up.png"></A><BR>
<B> Next:</B> <A HREF="node8.html">1.6 Miscellaneous</A>
<B> Up:</B> <A HREF="node2.html">1. Overview</A>
 &nbsp; <B><A HREF="node1.html">Contents</A></B><BR><BR></DIV>
<!--End of Navigation Panel-->
<!--Table of Child-Links-->
<A ID="CHILD_LINKS"><STRONG>Subsections</STRONG></A>
<UL CLASS="ChildLinks"><LI><A HREF="node7.html#S1">1.5.1 Rule Order</A></UL>
<!--End of Table of Child-Links-->
<HR>
<H1><A ID="SECTION00250"></A><SPAN CLASS="arabic">1</SPAN>.<SPAN CLASS="arabic">5</SPAN> Inline Mode</H1>
<P>Inline mode passes or drops packets. See Section <A HREF="node24.html#x"><IMG ALT="[*]" SRC="crossref.png"></A> for more.</P>
<H2><A ID="SECTION00251"></A><SPAN CLASS="arabic">1</SPAN>.<SPAN CLASS="arabic">5</SPAN>.<SPAN CLASS="arabic">1</SPAN> Rule Order</H2>
<P>The drop rules come first.</P>
<H1><A ID="SECTION00800"></A>About this document ...</H1>
<P><STRONG>Snort Manual</STRONG><P>This document was generated using the LaTeX2HTML translator.</P>
<DIV CLASS="navigation"><HR><!--Navigation Panel-->
<A HREF="node8.html"><IMG ALT="next" SRC="next.png"></A>
<B> Next:</B> <A HREF="node8.html">1.6 Miscellaneous</A></DIV>
<!--End of Navigation Panel-->
<ADDRESS>Jane Author 2008-06-10</ADDRESS>
</BODY></HTML>"""


def test_latex2html_navigation_panels_child_links_footer_and_colophon_are_furniture():
    assert _kind(_L2H) == "latex2html"
    doc = _doc(_L2H)
    text = _text(doc)
    for chrome in ("Next", "Up:", "Contents", "Subsections", "Miscellaneous", "2008", "generated using",
                   "[*]"):
        assert chrome not in text, chrome
    assert "Inline mode passes or drops packets. See Section for more." in text
    skipped = _skipped(doc)
    assert "Next / Up / Previous" in skipped["navigation panel"]
    assert "subsections" in skipped["table of contents"]
    assert {"page footer", "cross-reference icon", "colophon"} <= set(skipped)
    assert doc.chapters[0].title == "1.5 Inline Mode"
    assert [b.text for c in doc.chapters for b in c.blocks if b.kind == "heading"] == [
        "1.5 Inline Mode", "1.5.1 Rule Order"]


def test_old_latex2html_panels_marked_only_by_comments_are_furniture_too():
    old = _L2H.replace('<DIV CLASS="navigation">', "<DIV>").replace(
        '<META NAME="Generator" CONTENT="LaTeX2HTML v2021.2">', "")
    old = old.replace("<DIV><!--Navigation Panel-->", "<!--Navigation Panel-->").replace(
        "<BR><BR></DIV>", "<BR><BR>")
    assert _kind(old) == "latex2html"  # from its "Converted with LaTeX2HTML" comment
    text = _text(_doc(old))
    assert "Next:" not in text and "Inline mode passes" in text


def test_latex2html_chapter_number_is_not_a_sentence():
    doc = _doc(_L2H.replace('<SPAN CLASS="arabic">1</SPAN>.<SPAN CLASS="arabic">5</SPAN> Inline',
                            '<SPAN CLASS="arabic">5</SPAN>. Inline'))
    assert doc.chapters[0].title == "5 Inline Mode"


# -- LaTeXML ---------------------------------------------------------------------------------

_LATEXML = """<!DOCTYPE html><html lang="en"><head><title>Notes ‣ Course</title>
<meta name="generator" content="LaTeXML 0.8.8"></head><body>
<div class="ltx_page_main">
<header class="ltx_page_header"><a href="index.html" class="ltx_ref">Course</a> <a href="ch2.html">Next</a></header>
<div class="ltx_page_content"><article class="ltx_document">
<h1 class="ltx_title ltx_title_document">Linear Maps</h1>
<nav class="ltx_TOC"><ol class="ltx_toclist"><li><a href="#S1">1 Kernels</a></li></ol></nav>
<section id="S1" class="ltx_section"><h2 class="ltx_title ltx_title_section">1 Kernels</h2>
<div class="ltx_para"><p class="ltx_p">The kernel of a linear map is a subspace.</p></div></section>
</article></div>
<footer class="ltx_page_footer"><div class="ltx_page_logo">Generated on Mon Sep 7 2026 by LaTeXML</div></footer>
</div></body></html>"""


def test_latexml_header_footer_and_toc_are_furniture_and_the_document_title_is_the_title():
    assert _kind(_LATEXML) == "latexml"
    doc = _doc(_LATEXML)
    assert doc.title == "Linear Maps"
    text = _text(doc)
    assert "Generated" not in text and "Next" not in text and "The kernel of a linear map" in text
    skipped = _skipped(doc)
    assert {"page header", "page footer", "table of contents"} <= set(skipped)


def test_bookml_dress_around_latexml_is_furniture():
    bookml = _LATEXML.replace('<div class="ltx_page_main">',
                              '<div class="book"><div class="book-summary"><nav class="ltx_page_navbar">'
                              '<ul><li><a href="Ch1.html">1 Kernels</a></li></ul></nav></div>'
                              '<div class="ltx_page_main"><div class="book-header"><h1>Course</h1></div>'
                              '<a class="navigation navigation-next" href="Ch2.html"></a>')
    doc = _doc(bookml)
    assert "Course" not in _text(doc)
    assert {"menu bar", "table of contents"} <= set(_skipped(doc))


# -- pandoc ----------------------------------------------------------------------------------

_PANDOC = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="generator" content="pandoc"><title>lec01</title>
<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml-full.js"></script></head><body>
<header id="title-block-header"><h1 class="title">Sorting</h1><p class="author">A. Teacher</p></header>
<nav id="TOC" role="doc-toc"><ul><li><a href="#input">Input</a></li><li><a href="#output">Output</a></li></ul></nav>
<section id="input" class="level1"><h1>Input</h1>
<p>A sequence of <span class="math inline">\\(n\\)</span> numbers.</p></section>
<section id="output" class="level1"><h1>Output</h1>
<p>A permutation with <span class="math display">\\[a_1 \\le a_2\\]</span></p></section>
</body></html>"""


def test_pandoc_toc_is_furniture_and_its_title_block_is_the_title():
    assert _kind(_PANDOC) == "pandoc"
    doc = _doc(_PANDOC)
    assert doc.title == "Sorting"
    assert "pandoc's table of contents" in _skipped(doc)["table of contents"]
    assert "a one is less than or equal to a two" in _spoken(doc)


def test_pandoc_without_a_title_is_named_by_its_first_heading_not_its_file_stem():
    untitled = _PANDOC.replace('<h1 class="title">Sorting</h1>', '<h1 class="title"></h1>')
    assert _doc(untitled).title == "Input"


def test_latex2html_katex_spans_are_formulas_even_without_a_command():
    page = _L2H.replace("<P>The drop rules come first.</P>",
                        '<P>If <span class="math-inline">{m}=0</span> the loop is empty.</P>'
                        '<div class="math-display">{V}_{m} B{V}_{m}=I_{m},</div>')
    doc = _doc(page)
    assert "{m}=0" in [r.math for c in doc.chapters for b in c.blocks for r in b.runs]
    spoken = _spoken(doc)
    assert "If m equals zero the loop is empty." in spoken
    assert "{" not in spoken


def test_latexml_formula_without_the_spacing_primitives_a_loop_left_in_it():
    page = _LATEXML.replace('<p class="ltx_p">The kernel of a linear map is a subspace.</p>',
                            '<p class="ltx_p">The kernel of a linear map is a subspace.</p>'
                            '<math class="ltx_Math" alttext="2.0,-1.05,\\ignorespaces" display="block">'
                            '<mn>2.0</mn></math>')
    spoken = _spoken(_doc(page))
    assert "minus one point zero five" in spoken and "ignorespaces" not in spoken


def test_a_converted_sentence_made_mostly_of_links_is_the_authors_text_not_chrome():
    page = _TEX4HT.replace('<nav class="crosslinks-bottom">',
                           '<p class="indent">Report errors in the <a href="https://example.org/issues">TeX4ht '
                           'issue tracker</a>, on <a href="https://tex.example.org">TeX.SE</a> or on the '
                           '<a href="https://github.com/x/make4ht">make4ht GitHub page</a>.</p>'
                           '<nav class="crosslinks-bottom">')
    assert "Report errors in the TeX4ht issue tracker" in _text(_doc(page))


def test_latex2html_alltt_listing_is_code():
    page = _L2H.replace("<P>The drop rules come first.</P>",
                        '<P>The drop rules come first.</P><DIV CLASS="alltt" ALIGN="LEFT">'
                        "<SPAN>D</SPAN> <SPAN>&lt;-</SPAN> <SPAN>getNetCDF</SPAN>('/Data/x.nc')<BR></DIV>")
    doc = _doc(page)
    assert "getNetCDF" not in _text(doc)
    assert "code block" in _skipped(doc)


def test_tex4ht_contents_heading_in_another_language_goes_with_its_table():
    """The heading above TeX4ht's table of contents is known by the same names as a document's
    own contents heading (own_contents.CONTENTS_NAMES): "Table des matières", "Contents:"."""
    for heading in ("Table des matières", "Contents:", "Inhaltsverzeichnis"):
        doc = _doc(_TEX4HT.replace(">Contents</h3>", f">{heading}</h3>"))
        assert heading not in _text(doc), heading
        assert sum(s.what == "table of contents" for s in doc.skipped) == 2, heading


def test_one_generator_reader_and_one_gitbook_dress_for_books_and_bookml():
    from narrator.parse import sources
    from narrator.parse.sources import books, latex

    soup = parse_soup('<html><head><meta name="Generator" content=" Pandoc 3.1 "></head><body></body></html>',
                      Work("x.html"))
    assert sources.generator(soup) == "pandoc 3.1"
    assert sources.generator(parse_soup("<p>x</p>", Work("x.html"))) == ""
    assert not hasattr(latex, "_generator") and not hasattr(books, "_generator")
    assert hasattr(books, "book_style") and not hasattr(books, "style_of")
    for entry in books.GITBOOK_FURNITURE:
        assert entry in books._FURNITURE["gitbook"] and entry in latex.LaTeXML.furniture, entry

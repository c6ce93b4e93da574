"""Pages made by LaTeX converters (narrator/parse/sources/latex.py), exactly: the title each
converter knows (or none), the formulas LaTeXML wrote with TeX's spacing primitives, and the
furniture reported. Small hand-written pages, the kind's hooks called as the parser calls them."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Block, Run, Skipped

PANDOC = ('<html><head><meta name="generator" content="pandoc"><title>lec01</title></head>'
          '<body>{header}<h1>Input</h1><p>A sequence.</p></body></html>')
LATEXML = ('<html><head><title>Notes</title></head><body><div class="ltx_page_main"><article class="ltx_document">'
           '{title}<div class="ltx_para"><p class="ltx_p">A map.</p>{maths}</div></article></div></body></html>')


def prepared(html: str, kind: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == kind
    return source, soup, source.prepare(soup)


def heading(text: str) -> Block:
    return Block(kind="heading", runs=(Run(text=text),), level=1)


def test_pandoc_title_block_names_the_page() -> None:
    header = '<header id="title-block-header"><h1 class="title">Sorting  things</h1></header>'
    source, soup, _ = prepared(PANDOC.format(header=header), "pandoc")
    assert source.title(soup, [heading("Input")]) == "Sorting things"
    # a header as the body's first element is the title block too
    source, soup, _ = prepared(PANDOC.format(header='<header><p class="title">Merging</p></header>'), "pandoc")
    assert source.title(soup, [heading("Input")]) == "Merging"


def test_pandoc_without_a_title_is_named_by_its_first_heading_or_not_at_all() -> None:
    for header in ("", "<header id='title-block-header'><p class='author'>A. Teacher</p></header>"):
        source, soup, _ = prepared(PANDOC.format(header=header), "pandoc")
        blocks = [Block(kind="paragraph", runs=(Run(text="A sequence."),)), heading(" Input \n data "),
                  heading("Output")]
        assert source.title(soup, blocks) == "Input data"
        assert source.title(soup, [heading("  ")]) == ""  # the file stem, never narrated
        assert source.title(soup, []) == ""


def test_latexml_document_title_or_the_parsers_choice() -> None:
    title = '<h1 class="ltx_title ltx_title_document">Linear  Maps</h1>'
    source, soup, _ = prepared(LATEXML.format(title=title, maths=""), "latexml")
    assert source.title(soup, []) == "Linear Maps"
    source, soup, _ = prepared(LATEXML.format(title="<p class='ltx_title'>x</p>", maths=""), "latexml")
    assert source.title(soup, []) is None


def test_latexml_spacing_primitives_leave_the_formula_and_other_formulas_are_untouched() -> None:
    maths = ('<math alttext="2.0,-1.05,\\ignorespaces"><mn>2</mn></math>'
             '<math alttext=" x \\relax+1 "><mi>x</mi></math><math><mn>3</mn></math>'
             '<math alttext=" y "><mi>y</mi></math><math alttext="\\relaxed"><mi>r</mi></math>')
    _, soup, _ = prepared(LATEXML.format(title="", maths=maths), "latexml")
    assert [m.get("alttext") for m in soup.find_all("math")] == ["2.0,-1.05,", "x +1", None, " y ", "\\relaxed"]


L2H = r"""<html><head><title>Inline Mode</title><meta name="Generator" content="LaTeX2HTML v2021.2"></head><body>
<div class="navigation"><a href="n.html"><img alt="next" src="next.png"></a> <b>Next:</b> <a href="n.html">Misc</a></div>
<div><!--Navigation Panel--><p>Kept: no end.</p></div>
<!--Navigation Panel-->
<a href="p.html">Previous</a>
<!--End of navigation panel-->
<!--Table of Child-Links-->
<a id="CHILD_LINKS"><strong>Subsections</strong></a>
<ul class="ChildLinks"><li><a href="#s1">Rule Order</a></li></ul>
<!--End of Table of Child-Links-->
<h1><span class="arabic">5</span>.  Inline Mode</h1>
<h2><span class="arabic">5</span>.<span class="arabic">1</span> Rule Order</h2>
<h3><span class="arabic">2</span>. <span class="arabic">3</span> Odd</h3>
<p>See <a href="x.html"><img alt="[*]" src="star.png"></a> and <a href="y.html"><img alt="ref" src="icons/crossref.png"></a> <img alt="A leaf" src="leaf.png"> here.</p>
<p>If <span class="math-inline">{m}=0</span> or <span class="math-inline">\(y\)</span> or <span class="math-inline"><b>z</b></span> or <span class="math-inline"> </span>.</p>
<div class="math-display">{V}_{m}=I</div>
<div class="alltt">a  b</div>
<h2>About this document ...</h2>
<p>Made with LaTeX2HTML.</p>
<p class="navigation">Stop</p>
<h3>Index</h3>
<div class="navigation"><b>Up:</b> <a href="u.html">Top</a></div>
<address>Jane 2008</address>
</body></html>
"""
PANEL = "LaTeX2HTML's Next / Up / Previous / Contents buttons and links, the same on every page"
CHILDREN = "LaTeX2HTML's list of this page's subsections, read again as the text goes on"
CROSSREF = "LaTeX2HTML's [*] link to a section it does not number on this page"


def test_a_latex2html_node_is_reported_piece_by_piece_and_its_text_kept() -> None:
    source, soup, skipped = prepared(L2H, "latex2html")
    assert skipped == [
        Skipped("div.navigation", "navigation panel", PANEL, 10),
        Skipped("div.navigation", "navigation panel", PANEL, 7),
        Skipped("div.navigation", "navigation panel", PANEL, 8),  # marked by comments only
        Skipped("div.ChildLinks", "table of contents", CHILDREN, 22),
        Skipped("address", "page footer", "LaTeX2HTML's address line: who made the page and when", 9),
        Skipped("img", "cross-reference icon", CROSSREF, 0),
        Skipped("img", "cross-reference icon", CROSSREF, 0),
        Skipped("div.colophon", "colophon", "LaTeX2HTML's note on how the page was made", 45)]
    assert source.root(soup) is None
    body = soup.body
    assert [(t.name, t.get_text()) for t in body.find_all(["h1", "h2", "h3", "p", "pre"])] == [
        ("p", "Kept: no end."),  # a panel comment without its end keeps what follows
        ("h1", "5 Inline Mode"), ("h2", "5.1 Rule Order"), ("h3", "2. 3 Odd"),
        ("p", "See  and   here."), ("p", "If \\({m}=0\\) or \\(y\\) or z or  ."),
        ("pre", "a  b"), ("p", "Stop"), ("h3", "Index")]
    assert [i["alt"] for i in body.find_all("img")] == ["A leaf"]
    assert body.find(class_="math-display").get_text() == "\\[{V}_{m}=I\\]"
    assert str(body.find_all(class_="math-inline")[2]) == '<span class="math-inline"><b>z</b></span>'


def test_child_links_without_their_comments_are_a_table_of_contents() -> None:
    page = ("<html><head><meta name='generator' content='LaTeX2HTML'></head><body><a id='CHILD_LINKS'>Subsections</a>"
            "<ul class='ChildLinks'><li><a href='#a'>A</a></li></ul><h3>About this document ...</h3><p>Made.</p>"
            "<h1>Next</h1><p>Text.</p></body></html>")
    _, soup, skipped = prepared(page, "latex2html")
    assert skipped == [Skipped("a#CHILD_LINKS", "table of contents", CHILDREN, 11),
                       Skipped("ul.ChildLinks", "table of contents", CHILDREN, 1),
                       Skipped("div.colophon", "colophon", "LaTeX2HTML's note on how the page was made", 28)]
    assert [t.get_text() for t in soup.body.find_all(["h1", "p"])] == ["Next", "Text."]


def test_latexml_needs_its_document_and_its_paragraphs() -> None:
    def kind(body: str) -> str:
        return recognise(parse_soup(f"<html><body>{body}</body></html>")).name

    assert kind("<div class='ltx_document'><p class='ltx_p'>x</p></div>") == "latexml"
    assert kind("<div class='ltx_page_main'><h1 class='ltx_title'>x</h1></div>") == "latexml"
    assert kind("<div class='ltx_document'><p>x</p></div>") != "latexml"
    assert kind("<div><p class='ltx_p'>x</p></div>") != "latexml"

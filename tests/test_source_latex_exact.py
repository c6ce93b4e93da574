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

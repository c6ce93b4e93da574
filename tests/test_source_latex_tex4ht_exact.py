"""TeX4ht pages (narrator/parse/sources/latex.py), exactly: the "Contents" heading above the table
of contents goes with it (a heading of another name stays), \\verb spans are code, the letters
TeX4ht copies into a TeX picture's SVG alt text are reported and cleared (a described picture,
a short alt or a bitmap are left alone), and the title is the first non-empty title heading."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.values import Skipped

PAGE = ('<html><head><meta content="TeX4ht (https://tug.org/tex4ht/)" name="generator"><title>x</title></head>'
        '<body>{body}<p>Lesson text.</p></body></html>')
TOC = "the document's table of contents: links to its chapters and sections"
LETTERS = ("the letters and numbers drawn in a TeX picture, which TeX4ht copies as the image's alt text; "
           "they describe nothing")


def prepared(body: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(PAGE.format(body=body))
    source = recognise(soup)
    assert source.name == "tex4ht"
    return source, soup, source.prepare(soup)


def test_the_contents_heading_goes_with_the_table_of_contents() -> None:
    for heading, toc in (("<h2>Contents</h2>", "<div class='tableofcontents'><span>1 Intro</span></div>"),
                         ("<h3>Table des matières :</h3>", "<nav class='TOC'><span>1 Intro</span></nav>")):
        _, soup, skipped = prepared(heading + toc)
        assert [(s.source, s.what, s.reason) for s in skipped][:1] == [(heading[1:3], "table of contents", TOC)], heading
        assert soup.find(["h2", "h3"]) is None
    _, soup, skipped = prepared("<h2>Introduction</h2><div class='tableofcontents'><span>1 Intro</span></div>")
    assert soup.find("h2").get_text() == "Introduction"
    _, soup, skipped = prepared("<p>Contents</p><div class='tableofcontents'><span>1 Intro</span></div>")
    assert soup.find(string="Contents") is not None  # no heading: not TeX4ht's
    _, soup, skipped = prepared("<div class='tableofcontents'><span>1 Intro</span></div>")
    assert soup.find(string="Lesson text.") is not None


def test_verb_spans_are_code() -> None:
    _, soup, _ = prepared("<p>Write <span class='verb'>\\eqref</span> and <span class='obeylines-h verb'>x</span>.</p>")
    assert [c.get_text() for c in soup.find_all("code")] == ["\\eqref", "x"]
    assert soup.find("span", class_="verb") is None


def test_a_pictures_letters_are_reported_and_cleared() -> None:
    body = ("<img src='fig1.svg' alt='HHSSxy1-1' id='p1'/><img src='fig2.svg' alt='A graph of sales'/>"
            "<img src='fig3.svg' alt='xy1-1'/><img src='fig4.png' alt='HHSSxy1-1'/><img src='fig5.svg' alt=' '/>")
    _, soup, skipped = prepared(body)
    assert skipped == [Skipped("img#p1", "picture letters", LETTERS, 9)]
    assert [i.get("alt") for i in soup.find_all("img")] == ["", "A graph of sales", "xy1-1", "HHSSxy1-1", " "]


def test_the_title_is_the_first_title_heading_with_words() -> None:
    source, soup, _ = prepared("<div class='maketitle'><h2 class='titleHead'> </h2><h2 class='titleHead'>Vector  Spaces</h2></div>")
    assert source.title(soup, []) == "Vector Spaces"
    source, soup, _ = prepared("<h1 class='titleHead'>Groups</h1>")
    assert source.title(soup, []) == "Groups"
    source, soup, _ = prepared("<h3 class='titleHead'>Rings</h3>")
    assert source.title(soup, []) is None

"""LaTeX converters (narrator/parse/sources/latex.py), exactly: which marks make a page LaTeX2HTML's
or TeX4ht's, what counts as a cross-reference icon or a heading number's full stop, the TeX4ht
title heading of any level it writes, every "Contents" heading reported when a page has two
tables of contents, and which SVG alt texts are a TeX picture's letters rather than words."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import Source, recognise
from narrator.parse.sources.latex import TeX4ht
from narrator.values import Skipped

CONVERTED = "<!--Converted with LaTeX2HTML 2008 (1.71)-->"
TEX4HT = '<meta content="TeX4ht (https://tug.org/tex4ht/)" name="generator">'
L2H = '<meta name="Generator" content="LaTeX2HTML v2021.2">'
TOC = "the document's table of contents: links to its chapters and sections"
LETTERS = ("the letters and numbers drawn in a TeX picture, which TeX4ht copies as the image's alt text; "
           "they describe nothing")
ICON = "LaTeX2HTML's [*] link to a section it does not number on this page"


def page(head: str, body: str) -> str:
    return f"<html><head><title>Notes</title>{head}</head><body>{body}</body></html>"


def kind(head: str, body: str) -> str:
    return recognise(parse_soup(page(head, body))).name


def prepared(head: str, body: str, expected: str) -> tuple[Source, Any, list[Skipped]]:
    soup = parse_soup(page(head, body))
    source = recognise(soup)
    assert source.name == expected
    return source, soup, source.prepare(soup)


def test_latex2html_is_known_by_its_comment_and_any_one_of_its_marks() -> None:
    # an old node without a generator <meta>: the "Converted with" comment, and one of a
    # navigation panel, a list of child links or the address footer
    for mark in ("<div class='navigation'>Next: Two</div>", "<ul class='ChildLinks'><li>Part</li></ul>",
                 "<address>Ada, 2008-01-01</address>"):
        assert kind("", f"{CONVERTED}<h1>One</h1>{mark}<p>Lesson text.</p>") == "latex2html", mark


def test_tex4ht_is_known_by_a_title_mark_and_a_sectioning_heading_of_any_kind() -> None:
    assert kind("", "<h2 class='chapterHead'><span class='titlemark'>1</span> Groups</h2><p>Text.</p>") == "tex4ht"
    # a starred section and a numbered subsection (whose number is the title mark)
    starred = ("<h3 class='likesectionHead'>Preface</h3><p>Text.</p>"
               "<h4 class='subsectionHead'><span class='titlemark'>0.1</span> Aims</h4><p>More.</p>")
    assert kind("", starred) == "tex4ht"
    # either mark alone is not TeX4ht's
    for body in ("<p><span class='titlemark'>1</span> Text.</p>", "<h3 class='sectionHead'>Rings</h3><p>Text.</p>",
                 "<h3 class='likesectionHead'>Preface</h3><p>Text.</p>"):
        assert kind("", body) == "page", body
        assert TeX4ht.detect(parse_soup(page("", body))) is False, body


def test_a_heading_numbers_full_stop_stays_only_before_another_number() -> None:
    body = ('<h2><span class="arabic">3</span>. Counting in <b class="arabic">Arabic</b> numerals</h2>'
            '<p>Text.</p>')
    _, soup, _ = prepared(L2H, body, "latex2html")
    assert soup.find("h2").get_text() == "3 Counting in Arabic numerals"


def test_only_an_image_is_a_cross_reference_icon() -> None:
    body = ('<p>See <img alt="[*]" src="img1.png"/><span alt="[*]">the starred section</span> and '
            '<img src="icons/crossref.png" alt=""/>below.</p>')
    _, soup, skipped = prepared(L2H, body, "latex2html")
    assert skipped == [Skipped("img", "cross-reference icon", ICON, 0)] * 2
    assert soup.find("p").get_text() == "See the starred section and below."


def test_the_tex4ht_title_heading_may_be_a_lone_h2() -> None:
    source, soup, _ = prepared(TEX4HT, "<h2 class='titleHead'>Fields</h2><p>Lesson text.</p>", "tex4ht")
    assert source.title(soup, []) == "Fields"


def test_each_contents_heading_is_reported_when_a_page_has_two_tables_of_contents() -> None:
    body = ("<h2>Contents</h2><div class='tableofcontents'><span>1 Intro</span></div><p>Lesson text.</p>"
            "<h3>Contents:</h3><nav class='TOC'><span>1.1 Aims</span></nav><p>More text.</p>")
    _, soup, skipped = prepared(TEX4HT, body, "tex4ht")
    assert skipped == [Skipped("h2", "table of contents", TOC, 8), Skipped("h3", "table of contents", TOC, 9),
                       Skipped("div.tableofcontents", "table of contents", TOC, 7),
                       Skipped("nav.TOC", "table of contents", TOC, 8)]
    assert [p.get_text() for p in soup.body.find_all(True)] == ["Lesson text.", "More text."]


def test_a_pictures_alt_text_with_a_word_stays_and_letters_run_together_go() -> None:
    body = "<img src='fig1.svg' alt='A triangle ABC'/><img src='fig2.svg' alt='PQRabc12'/><p>Lesson text.</p>"
    _, soup, skipped = prepared(TEX4HT, body, "tex4ht")
    assert skipped == [Skipped("img", "picture letters", LETTERS, 8)]
    assert [i.get("alt") for i in soup.find_all("img")] == ["A triangle ABC", ""]

"""The second opinion's reading of a page (second_opinion.py), at its edges: which heading a
dropped block comes under, its own first heading, which elements are prose, and the characters
a warning counts, on small hand-written pages with a stand-in extractor."""

from __future__ import annotations

from typing import Any

import pytest

import narrator.parse.second_opinion as so
from narrator.parse.link_stats import link_stats
from narrator.parse.tree import parse_tree

PROSE = ("Rivers carve their valleys over thousands of years, and the water runs faster on the outside "
         "of every bend.")  # 107 characters


def _soup(body: str) -> Any:
    return parse_tree(f"<html><head><title>t</title></head><body>{body}</body></html>")


def test_a_heading_twelve_siblings_back_is_the_one_a_list_comes_under() -> None:
    # twelve elements between (no white space): the heading is the 13th previous sibling, n = 12
    soup = _soup("<h2>See also</h2>" + "<span></span>" * 12 + "<ul id='u'><li>a</li></ul>")
    assert so._heading_before(soup.find(id="u")) == "See also"
    assert so.links_kind(soup.find(id="u"), so._heading_before(soup.find(id="u"))) == so.LINKS
    soup = _soup("<h2>See also</h2>" + "<span></span>" * 13 + "<ul id='u'><li>a</li></ul>")
    assert so._heading_before(soup.find(id="u")) == ""


def test_a_short_block_of_headings_gives_its_last_heading() -> None:
    soup = _soup("<div><h2>Contents</h2><h3>Rivers</h3><h3>Lakes</h3><h2>See also</h2></div>"
                 "<ul id='u'><li>a</li></ul>")
    assert so._heading_before(soup.find(id="u")) == "See also"
    soup = _soup("<div><h2>Contents</h2><h3>Rivers</h3><h3>Lakes</h3><h3>Seas</h3><h2>External links</h2></div>"
                 "<ul id='u'><li>a</li></ul>")
    assert so._heading_before(soup.find(id="u")) == "External links"


def test_a_block_of_two_hundred_characters_is_no_heading_wrapper() -> None:
    # "See also", a space and 191 x: 200 characters, passed over for the heading before it
    soup = _soup(f"<h2>Far</h2><div><h3>See also</h3>{'x' * 191}</div><ul id='u'><li>a</li></ul>")
    assert so._heading_before(soup.find(id="u")) == "Far"
    soup = _soup(f"<h2>Far</h2><div><h3>See also</h3>{'x' * 190}</div><ul id='u'><li>a</li></ul>")
    assert so._heading_before(soup.find(id="u")) == "See also"


def _kind(markup: str) -> tuple[str, str] | None:
    return so.links_kind(_soup(markup).body.find(True), "")


def test_a_blocks_own_heading_is_its_first_heading_not_its_first_element() -> None:
    assert _kind("<div><p>Sources of the Nile, a short note.</p><h2>References</h2><ol><li>a</li></ol></div>") \
        == so.REFERENCES
    assert _kind("<div><p>See also</p><ul><li>a</li></ul></div>") is None
    assert _kind("<div><p>Links</p><h3>Rivers</h3></div>") is None
    # a list's items hold no heading of the list, numbered or not
    assert _kind("<ol><li><h3>References</h3></li></ol>") is None
    assert _kind("<ol><li><h3>See also</h3></li></ol>") is None


def test_teasers_are_told_by_a_heading_not_by_a_first_paragraph() -> None:
    soup = _soup("<div id='d'><p>Read more</p><p>x</p></div>")
    assert not so._is_teasers(soup.find(id="d"))
    soup = _soup("<div id='d'><p>Our stories</p><h3>Related articles</h3><p>x</p></div>")
    assert so._is_teasers(soup.find(id="d"))


def _prose(body: str) -> list[str]:
    soup = _soup(body)
    return [el.get("id") or el.name for el in so.prose_in(soup.body, link_stats(soup))]


def test_a_block_deep_inside_makes_every_ancestor_no_leaf() -> None:
    assert _prose(f"<div id='d'><span id='s'><p id='p'>{PROSE}</p></span></div>") == ["p"]
    assert _prose(f"<div id='d'><font><span><p id='p'>{PROSE}</p></span></font>{PROSE}</div>") == ["p"]


def test_a_short_element_does_not_end_the_search_for_prose() -> None:
    assert _prose(f"<div><p id='a'>Short.</p><p id='b'>{PROSE}</p></div>") == ["b"]
    assert _prose(f"<p id='a'>Short.</p><div><p id='b'>{PROSE}</p><p>x</p><p id='c'>{PROSE}</p></div>") == ["b", "c"]


def test_a_warning_counts_the_characters_of_the_words_not_of_the_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    marked = PROSE.replace("valleys", "<b>valleys</b>").replace("water", "<i>water</i>")
    monkeypatch.setattr(so, "_extract", lambda page: PROSE)

    class Walker:
        def __init__(self, soup: Any) -> None:
            self.stats = link_stats(soup)

        def drops(self, node: Any, name: str) -> bool:
            return node.get("id") == "box"

        def _is_chrome(self, node: Any, name: str, is_block: bool) -> str:
            return "class or id 'sidebar'"

    soup = _soup(f"<div id='box'><p>{marked}</p></div>")
    result = so.review(soup.body, soup, Walker(soup), frozenset())
    assert result.keep_chrome == {id(soup.find(id="box"))}
    assert result.warnings == [
        "kept 107 characters at div#box that narrate's rules left out (class or id 'sidebar'): "
        "a second opinion (trafilatura) reads them as the page's content"]


def test_a_wrapped_heading_with_its_edit_link_gives_the_heading() -> None:
    # MediaWiki wraps h2 in a div with its "[edit]" link after it
    soup = _soup("<div class='mw-heading mw-heading2'><h2 id='See_also'>See also</h2><span class='mw-editsection'>"
                 "<span>[</span><a href='/edit'>edit</a><span>]</span></span></div><ul id='u'><li>a</li></ul>")
    assert so._heading_before(soup.find(id="u")) == "See also"

"""Text facts of the tree index, exactly (narrator/parse/tree.py): a heading made of links to
elsewhere is no heading text wherever its links are nested; CDATA counts as get_text() counts it."""

from __future__ import annotations

from typing import Any

from narrator.parse.tree import TreeIndex, Work, parse_tree, small_text


def heading_text(markup: str) -> list[bool]:
    top = parse_tree(markup).body
    tree = TreeIndex(top, Work())
    return [tree.is_heading_text(h) for h in top.find_all("h2")]


def test_links_at_two_depths_add_up() -> None:
    # "Home" directly in the heading, "News" inside a span: 8 of 9 characters are links elsewhere
    assert heading_text('<h2><a href="/a">Home</a> <span><a href="/b">News</a></span></h2>'
                        '<h2><span><a href="/a">Home</a></span> <b><span><a href="/b">News</a></span></b></h2>'
                        '<h2>Reading the <span><a href="/b">news</a></span> well</h2>') == [False, False, True]


def test_cdata_sections_count_as_text_as_get_text_reads_them() -> None:
    # lxml's HTML parser makes comments of CDATA; html.parser (a slide deck's Markdown) keeps them
    import bs4

    soup: Any = bs4.BeautifulSoup("<body><p>ab<![CDATA[cde]]></p><h2><![CDATA[Hi]]></h2></body>", "html.parser")
    tree = TreeIndex(soup.body, Work())
    assert soup.p.get_text() == "abcde"
    assert tree.text_length(soup.p) == 5
    assert tree.is_heading_text(soup.h2)
    assert small_text(soup.p) == "abcde"

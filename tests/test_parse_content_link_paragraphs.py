"""The main content of a web page (content.py): a paragraph of links only is no prose between a
title heading and the article."""

from __future__ import annotations

from test_parse_content_exact import PARA, main


def test_a_paragraph_of_links_between_a_heading_and_the_article_is_no_prose() -> None:
    links = '<p><a href="/x">' + "l" * 30 + "</a></p>"
    soup, found = main(f'<h2 id="z">Menu</h2>{links}<div id="a">{PARA * 4}</div>')
    assert found is not None and found.root.get("id") == "a"
    assert found.title is not None and found.title.get("id") == "z"
    # a paragraph of prose there is: the heading is then no title (and no h1 is left)
    soup, found = main(f'<h2 id="z">Menu</h2><p>{"w" * 30}</p><div id="a">{PARA * 4}</div>')
    assert found is not None and found.title is None

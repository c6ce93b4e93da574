"""The main content of a web page (content.py): a paragraph of links only is no prose between a
title heading and the article."""

from __future__ import annotations

from typing import Any

from narrator.parse.content import find_main_content
from narrator.parse.html import BLOCK_TAGS, SKIP_TAGS, link_stats, parse_soup

PARA = "<p>" + "word " * 59 + "words</p>"  # 300 characters without a comma: scores 1 + 3


def main(body_markup: str, title: str = "") -> tuple[Any, Any]:
    soup = parse_soup(f"<html><head><title>{title}</title></head><body>{body_markup}</body></html>")
    body = soup.body
    found = find_main_content(body, link_stats(body), lambda tag, name: name in SKIP_TAGS, title, BLOCK_TAGS)
    return soup, found


def test_a_paragraph_of_links_between_a_heading_and_the_article_is_no_prose() -> None:
    links = '<p><a href="/x">' + "l" * 30 + "</a></p>"
    soup, found = main(f'<h2 id="z">Menu</h2>{links}<div id="a">{PARA * 4}</div>')
    assert found is not None and found.root.get("id") == "a"
    assert found.title is not None and found.title.get("id") == "z"
    # a paragraph of prose there is: the heading is then no title (and no h1 is left)
    soup, found = main(f'<h2 id="z">Menu</h2><p>{"w" * 30}</p><div id="a">{PARA * 4}</div>')
    assert found is not None and found.title is None

"""Which element becomes a web page's article (content.py), at the edges of its score: equal
scores keep the first (outer) element, and the share an element holds counts its paragraphs only."""

from __future__ import annotations

from typing import Any

from narrator.parse.content import find_main_content
from narrator.parse.html import BLOCK_TAGS, SKIP_TAGS, link_stats, parse_soup

PARA = "<p>" + "word " * 59 + "words</p>"  # 300 characters without a comma: scores 1 + 3


def root_id(body_markup: str) -> Any:
    soup = parse_soup(f"<html><head><title></title></head><body>{body_markup}</body></html>")
    found = find_main_content(soup.body, link_stats(soup.body), lambda tag, name: name in SKIP_TAGS, "", BLOCK_TAGS)
    return None if found is None else found.root.get("id")


def test_equal_scores_keep_the_first_element_the_outer_one() -> None:
    # the section scores 4 x 4 = 16; the div 2 x 4 + 16 / 2 = 16 too, and comes first: the article
    # keeps its two paragraphs before the section
    assert root_id(f'<div id="d">{PARA * 2}<section id="s">{PARA * 4}</section></div>') == "d"
    # one paragraph less before it and the section wins
    assert root_id(f'<div id="d">{PARA}<section id="s">{PARA * 4}</section></div>') == "s"


def test_the_share_an_element_holds_is_its_paragraphs_scores_only() -> None:
    # a holds 16 of 28 (57 %, under 60 %): the root climbs to the wrapper
    assert root_id(f'<div id="w"><div id="a">{PARA * 4}</div><div id="b">{PARA * 3}</div></div>') == "w"
    assert root_id(f'<div id="w"><div id="a">{PARA * 5}</div><div id="b">{PARA * 3}</div></div>') == "a"


def test_an_element_holding_exactly_sixty_percent_is_the_article() -> None:
    # a scores and holds 3 x 4 = 12 of the page's 20: exactly 60 %, enough
    assert root_id(f'<div id="w"><div id="a">{PARA * 3}</div><div id="b">{PARA * 2}</div></div>') == "a"

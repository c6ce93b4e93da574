"""The real second opinion (trafilatura) in the mode second_opinion.py asks for: precise (a block
named as a page's bottom bar is not main content) and without the page's metadata (a sidebar
repeating the page's description is not main content), seen through what a review keeps."""

from __future__ import annotations

from typing import Any

import pytest

import narrator.parse.second_opinion as so
from narrator.parse.link_stats import link_stats
from narrator.parse.tree import parse_tree

ARTICLE = "".join(f"<p>Paragraph {i} of the article explains how rivers carve their valleys and why water "
                  "runs faster outside a bend.</p>" for i in range(6))
BOTTOM = "Subscribe to the river society newsletter for weekly stories about valleys, deltas and lakes."
DESCRIPTION = ("A page for pupils about the slow work of water on stone, from mountain springs down to the "
               "salty delta.")


class Walker:
    """html.Walker's answers: the element with id 'chrome' is page chrome by a class rule."""

    def __init__(self, soup: Any) -> None:
        self.stats = link_stats(soup)

    def drops(self, node: Any, name: str) -> bool:
        return node.get("id") == "chrome"

    def _is_chrome(self, node: Any, name: str, is_block: bool) -> str:
        return "class or id 'sidebar'" if node.get("id") == "chrome" else ""


def _kept(page: str) -> set[int]:
    soup = parse_tree(page)
    return so.review(soup.body, soup, Walker(soup), frozenset()).keep_chrome


def test_a_bottom_bar_inside_the_article_is_not_kept_by_the_precise_extractor() -> None:
    pytest.importorskip("trafilatura")
    page = ("<html><head><title>Rivers</title></head><body><article><h1>Rivers</h1>" + ARTICLE +
            f"<div id='chrome'><div class='bottom'><p>{BOTTOM}</p></div></div></article></body></html>")
    out = so._extract(page)
    assert out is not None and "Paragraph 5 of the article" in out
    assert BOTTOM not in out  # the balanced mode keeps it
    assert _kept(page) == set()
    # the same block under a neutral name is the article's to the extractor: kept
    assert len(_kept(page.replace("class='bottom'", "class='note'"))) == 1


def test_the_page_description_is_no_main_content() -> None:
    pytest.importorskip("trafilatura")
    page = ("<html><head><title>Rivers</title>"
            f"<meta name='description' content='{DESCRIPTION}'></head><body><article><h1>Rivers</h1>"
            + ARTICLE + f"</article><div id='chrome'><p>{DESCRIPTION}</p></div></body></html>")
    out = so._extract(page)
    assert out is not None and out.startswith("Rivers\nParagraph 0")
    assert DESCRIPTION not in out  # with metadata it heads the text
    assert _kept(page) == set()


def test_the_same_page_asked_again_gets_the_same_answer() -> None:
    # a worker narrates many lessons in one process: text seen before is not dropped as a duplicate
    pytest.importorskip("trafilatura")
    page = "<html><head><title>Rivers</title></head><body><article><h1>Rivers</h1>" + ARTICLE + "</article></body></html>"
    answers = [so._extract(page) for _ in range(4)]
    assert answers[0] is not None and "Paragraph 5 of the article" in answers[0]
    assert answers == [answers[0]] * 4

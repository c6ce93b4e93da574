"""How much of each element's text is links (link_stats.py): exact counts on small pages, what
tells a menu from prose."""

from __future__ import annotations

from typing import Any

from narrator.parse.link_stats import link_stats
from narrator.parse.tree import Work, parse_tree


def _page(body: str) -> Any:
    return parse_tree(f"<html><body>{body}</body></html>")


def test_text_link_text_and_links_are_counted_up_the_tree():
    soup = _page('<div id="d"><p id="p">Hello <a href="/x">world</a> and <a href="/y">more</a></p>'
                 '<p id="q">  plain  </p></div>')
    stats = link_stats(soup)
    p, q, d = soup.find(id="p"), soup.find(id="q"), soup.find(id="d")
    a1, a2 = p.find_all("a")
    # stripped strings: "Hello" 5, "world" 5, "and" 3, "more" 4
    assert stats[id(a1)] == (5, 5, 1)
    assert stats[id(a2)] == (4, 4, 1)
    assert stats[id(p)] == (17, 9, 2)
    assert stats[id(q)] == (5, 0, 0)
    assert stats[id(d)] == (22, 9, 2)
    assert stats[id(soup.body)] == (22, 9, 2)


def test_skipped_elements_and_comments_count_nothing():
    soup = _page('<div id="d">abc<script>var x = 1;</script><!-- a long comment -->'
                 '<style>p{color:red}</style><nav><a href="/">Home page</a></nav></div>')
    stats = link_stats(soup)
    d = soup.find(id="d")
    assert stats[id(soup.find("script"))] == (0, 0, 0)
    assert stats[id(soup.find("nav"))] == (0, 0, 0)
    # the link inside nav is counted for itself, never above the skipped element
    assert stats[id(soup.find("a"))] == (9, 9, 1)
    assert stats[id(d)] == (3, 0, 0)


def test_a_link_counts_all_the_text_inside_it():
    soup = _page('<p id="p">x <a href="/x"><b>bold</b> text <i>it</i></a></p>')
    stats = link_stats(soup)
    assert stats[id(soup.find("a"))] == (10, 10, 1)
    assert stats[id(soup.find(id="p"))] == (11, 10, 1)


def test_an_anchor_without_href_is_no_link():
    soup = _page('<p id="p"><a name="top">Top</a> <a href="">empty</a></p>')
    stats = link_stats(soup)
    assert stats[id(soup.find(id="p"))] == (8, 0, 0)


def test_a_headings_link_to_itself_is_no_link_but_other_links_are():
    soup = _page('<h2 id="h"><a href="#sec">Section</a></h2><h3 id="k"><a href="/page">Other</a></h3>'
                 '<p id="p"><a href="#sec">see</a></p><div id="d"><a href="#x">jump</a></div>')
    stats = link_stats(soup)
    assert stats[id(soup.find(id="h"))] == (7, 0, 0)
    assert stats[id(soup.find(id="k"))] == (5, 5, 1)
    assert stats[id(soup.find(id="p"))] == (3, 3, 1)
    assert stats[id(soup.find(id="d"))] == (4, 4, 1)


def test_every_element_is_one_step_of_the_parses_work():
    ticks: list[int] = []
    soup = _page("<span>a</span>" * 997)  # html, body and 997 spans: 999 elements
    link_stats(soup, Work(tick=lambda: ticks.append(1)))
    assert ticks == []
    soup = _page("<span>a</span>" * 998)  # 1,000 elements: one tick
    link_stats(soup, Work(tick=lambda: ticks.append(1)))
    assert ticks == [1]


def test_only_anchors_are_links_whatever_else_has_an_href():
    soup = _page('<p id="p"><span href="/x">text</span></p>')
    assert link_stats(soup)[id(soup.find(id="p"))] == (4, 0, 0)

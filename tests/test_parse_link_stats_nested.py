"""Links inside links (link_stats.py): html.parser keeps an <a> nested in another through an
inline element, and each counts, so a block of such links is told as mostly links."""

from __future__ import annotations

from narrator.parse.link_stats import link_stats
from narrator.parse.tree import parse_tree


def test_a_link_inside_a_link_counts_as_a_second_link() -> None:
    soup = parse_tree('<html><body><p id="p"><a id="o" href="/x">one <span><a href="/y">two</a></span></a> '
                      "and</p></body></html>")
    stats = link_stats(soup)
    assert stats[id(soup.find(id="o"))] == (6, 6, 2)
    assert stats[id(soup.find(id="p"))] == (9, 6, 2)

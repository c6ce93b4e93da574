"""List levels (narrator/parse/html.py): an item's level counts the lists around it, never the
other blocks (div, section) a list sits in."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup


def test_blocks_around_a_list_do_not_deepen_its_items() -> None:
    soup = parse_soup("<div><section><ol><li>a<div><ul><li>b</li></ul></div></li></ol></section></div>")
    blocks = Walker(ParseConfig()).walk(soup.body)
    assert [(b.kind, b.text, b.level, b.ordered, b.item) for b in blocks] == [
        ("item", "a", 1, True, 1), ("item", "b", 2, False, 1)]

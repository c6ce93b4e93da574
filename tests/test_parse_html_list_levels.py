"""List items (narrator/parse/html.py): an item's level counts the lists around it, never the
other blocks (div, section) a list sits in; only an item directly in a list takes a number; an
item's own emotion and language win over its list's."""

from __future__ import annotations

from typing import Any

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup


def items(markup: str) -> list[tuple[Any, ...]]:
    soup = parse_soup(markup)
    return [(b.kind, b.text, b.level, b.ordered, b.item, b.emotion, b.lang)
            for b in Walker(ParseConfig()).walk(soup.body)]


def test_blocks_around_a_list_do_not_deepen_its_items() -> None:
    assert items("<div><section><ol><li>a<div><ul><li>b</li></ul></div></li></ol></section></div>") == [
        ("item", "a", 1, True, 1, None, None), ("item", "b", 2, False, 1, None, None)]


def test_an_item_inside_a_block_of_another_item_takes_no_number() -> None:
    # "b" is in a div of item 5, not in a list: numbered lists go on, it has no number of its own
    assert items('<ol start="5"><li>a<div><li>b</li></div></li></ol>') == [
        ("item", "a", 1, True, 5, None, None), ("item", "b", 1, True, 0, None, None)]


def test_an_items_own_emotion_and_language_win_over_its_lists() -> None:
    assert items('<ul data-emotion="calm"><li data-emotion="sad" lang="fr">Oui</li><li>Calm</li></ul>') == [
        ("item", "Oui", 1, False, 1, "sad", "fr"), ("item", "Calm", 1, False, 2, "calm", None)]

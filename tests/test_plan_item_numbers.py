"""The numbers said before numbered list items (narrator.script.planner): a new list after a
paragraph counts from its own first item again, an item of unknown number or inside a note says
none, and a list nested again under a later item says its numbers though an earlier nested list
used the same ones."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import NOTE, Block, Chapter, Document, Run
from narrator.script.planner import plan


def item(text: str, level: int, number: int, context: frozenset[str] = frozenset()) -> Block:
    return Block("item", (Run(text),), level=level, ordered=True, item=number, context=context)


def test_which_items_say_their_numbers() -> None:
    blocks = (
        Block("heading", (Run("Steps"),), level=1),
        item("Mix it.", 1, 1),
        Block("paragraph", (Run("Then:"),)),
        item("Bake it.", 1, 1),  # another list: its item 1 says "one" again
        item("Wait.", 1, 0),  # a number the list did not give: nothing said
        item("See the box.", 1, 2, frozenset({NOTE})),  # a note's list: its marks are shown, not said
        item("Cool it.", 1, 3),
        item("Slowly.", 2, 2),  # a nested list that starts at 2
        item("Serve it.", 1, 4),
        item("Warm.", 2, 2),  # nested under item 4: its own list, though "Slowly." was a 2 too
    )
    segments = plan(Document("T", "en", (Chapter(1, "Steps", blocks),)), Config()).segments
    assert [s.spoken for s in segments] == [
        "Steps", "one. Mix it.", "Then:", "one. Bake it.", "Wait.", "See the box.", "three. Cool it.",
        "two. Slowly.", "four. Serve it.", "two. Warm."]
    assert [s.text for s in segments][1:4] == ["Mix it.", "Then:", "Bake it."]  # shown without them


def test_an_item_with_nothing_to_say_says_no_number_and_the_next_says_its_own() -> None:
    blocks = (Block("heading", (Run("Steps"),), level=1), item("Mix it.", 1, 1), item("—", 1, 2),
              item("Bake it.", 1, 3))
    segments = plan(Document("T", "en", (Chapter(1, "Steps", blocks),)), Config()).segments
    assert [s.spoken for s in segments] == ["Steps", "one. Mix it.", "three. Bake it."]

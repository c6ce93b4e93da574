"""Room for an item's number (narrator.script.planner): the first sentence of item 112 is said
after "one hundred and twelve. ", so it is cut to fit the engine's limit with those 24
characters, though the same sentence without a number fits whole."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

SENTENCE = ("Mix the flour with the water and the salt in a large bowl until every part of it is wet "
            "and then leave the dough to rest under a cloth for an hour or two.")  # 154 characters


def segments(number: int) -> list[tuple[str, str]]:
    item = Block("item", (Run(SENTENCE),), level=1, ordered=True, item=number)
    doc = Document("T", "en", (Chapter(1, "Steps", (Block("heading", (Run("Steps"),), level=1), item)),))
    return [(s.text, s.spoken) for s in plan(doc, Config()).segments][1:]


def test_a_long_item_number_shortens_what_its_first_sentence_may_say() -> None:
    assert Config().text.max_chars == 160 and len(SENTENCE) == 154
    assert segments(0) == [(SENTENCE, SENTENCE)]  # no number said: it fits
    first = "Mix the flour with the water and the salt in a large bowl until every part of it is wet"
    rest = "and then leave the dough to rest under a cloth for an hour or two."
    assert segments(112) == [(first, "one hundred and twelve. " + first), (rest, rest)]
    assert all(len(said) <= 160 for _, said in segments(112))

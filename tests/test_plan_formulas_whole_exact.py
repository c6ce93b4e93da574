"""Sentence ends around formulas (narrator.script.planner): a full stop inside a formula's text
ends no sentence, one at its end does, and a formula right after a Chinese full stop opens the
next sentence, where it is said (never in the one before)."""

from __future__ import annotations

import pytest

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

MATH = frozenset({"math"})


def sentences(lang: str, *runs: Run) -> list[tuple[str, tuple[int, int]]]:
    doc = Document("T", lang, (Chapter(1, "", (Block("paragraph", runs),)),))
    return [(s.text, s.span) for s in plan(doc, Config()).segments]


@pytest.mark.parametrize("lang, runs, said", [
    # "x = 1. Y = 2" is one formula: its ". Y" would end a sentence in text, not inside it
    ("en", (Run("Let "), Run("x = 1. Y = 2", MATH, math="x = 1. Y = 2"), Run(" hold here.")),
     [("Let x = 1. Y = 2 hold here.", (0, 27))]),
    # a formula that ends with the full stop ends the sentence: the next is a sentence of its own
    ("en", (Run("Here "), Run("x=1.", MATH, math="x=1."), Run(" Next one.")),
     [("Here x=1.", (0, 9)), ("Next one.", (10, 19))]),
    # "。" ends the sentence right where the formula "y" starts: y opens the next one
    ("zh", (Run("这是和。"), Run("y", MATH, math="y"), Run("是另一个数。")),
     [("这是和。", (0, 4)), ("y是另一个数。", (4, 11))]),
])
def test_sentence_ends_around_a_formula(lang: str, runs: tuple[Run, ...], said: list[tuple[str, tuple[int, int]]]) -> None:
    assert sentences(lang, *runs) == said


def said(lang: str, *runs: Run) -> list[str]:
    doc = Document("T", lang, (Chapter(1, "", (Block("paragraph", runs),)),))
    return [s.spoken for s in plan(doc, Config()).segments]


def test_a_formula_is_said_in_its_own_sentence_only() -> None:
    # the first sentence has an exponent (so it is said from its runs): the formula of the
    # second sentence is not said in it
    assert said("en", Run("First x"), Run("2", frozenset({"sup"})), Run(" here. Then "),
                Run("y+z", MATH, math="y+z"), Run(" there.")) == ["First x squared here.", "Then y plus z there."]
    # "y" starts where "这是和。" ends: said with the second sentence only
    assert said("zh", Run("这是和。"), Run("y", MATH, math="y"), Run("是另一个数。")) == ["这是和。", "y 是另一个数。"]

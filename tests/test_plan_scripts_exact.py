"""A superscript or subscript in a block without formulas (narrator.script.planner): said as an
exponent or a chemical formula's count, not as a digit beside the letter."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan


def said(*runs: Run) -> list[str]:
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", runs),)),))
    return [s.spoken for s in plan(doc, Config()).segments]


def test_an_exponent_and_a_chemical_count_are_said() -> None:
    assert said(Run("Take x"), Run("2", frozenset({"sup"})), Run(" now.")) == ["Take x squared now."]
    assert said(Run("Breathe out CO"), Run("2", frozenset({"sub"})), Run(" now.")) == ["Breathe out C O two now."]

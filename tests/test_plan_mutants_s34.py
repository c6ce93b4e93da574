"""Planner behaviours the mutation run of session 34 found untested (narrator.script.planner):
exact segments of small hand-made documents."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

QUAD = Run("\\quad", frozenset({"math"}), math="\\quad")


def test_a_sentence_after_a_silent_formula_sentence_is_still_read() -> None:
    """A sentence that is only a spacing formula ("\\quad.") is skipped, and the paragraph goes on:
    the sentences after it are read (the skip is of that sentence, not of the rest of the block)."""
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (
        Run("First words here. "), QUAD, Run(". Then words follow here."))),)),))
    pauses = Config().pauses
    assert [(s.text, s.spoken, s.span, s.block, s.boundary, s.pause_after_ms)
            for s in plan(doc, Config()).segments] == [
        ("First words here.", "First words here.", (0, 17), 0, "sentence", pauses.sentence),
        ("Then words follow here.", "Then words follow here.", (25, 48), 0, "end", 0)]

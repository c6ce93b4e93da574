"""A formula that says nothing (narrator.script.planner): "\\(\\quad\\)" alone in a paragraph, put
there for spacing, is no segment (an engine given nothing returns no audio, and the take failed
until the whole chapter was skipped); beside words it adds nothing to what they say."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

QUAD = Run("\\quad", frozenset({"math"}), math="\\quad")


def test_a_paragraph_that_is_a_spacing_formula_is_no_segment() -> None:
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (Run("First line here."),)),
                                               Block("paragraph", (QUAD,)),
                                               Block("paragraph", (Run("Last line here."),)))),))
    pauses = Config().pauses
    assert [(s.id, s.text, s.spoken, s.block, s.boundary, s.pause_after_ms) for s in plan(doc, Config()).segments] == [
        ("c01-s0001", "First line here.", "First line here.", 0, "paragraph", pauses.paragraph),
        ("c01-s0002", "Last line here.", "Last line here.", 2, "end", 0)]


def test_a_chapter_of_spacing_formulas_alone_is_dropped() -> None:
    doc = Document("T", "en", (Chapter(1, "One", (Block("heading", (Run("One"),), level=1),
                                                  Block("paragraph", (Run("Read me."),)))),
                               Chapter(2, "", (Block("paragraph", (QUAD, Run(" "), QUAD)),)),
                               Chapter(3, "Three", (Block("heading", (Run("Three"),), level=1),))))
    assert [(c.index, c.title, [s.text for s in c.segments]) for c in plan(doc, Config()).chapters] == [
        (1, "One", ["One", "Read me."]), (2, "Three", ["Three"])]


def test_a_spacing_formula_beside_words_adds_nothing_to_what_they_say() -> None:
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (Run("Indent "), QUAD, Run(" here."))),)),))
    assert [(s.text, s.spoken) for s in plan(doc, Config()).segments] == [("Indent \\quad here.", "Indent here.")]

"""The pause before a section break (narrator.script.planner): the sentence before the break
waits the longer of its own pause and the section pause; the pauses of other sentences play
no part (a configured section pause shorter than a heading's)."""

from __future__ import annotations

from narrator.config import Config, Pauses
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan


def test_the_sentence_before_a_break_waits_the_longer_of_its_pause_and_the_section_pause() -> None:
    blocks = (Block("paragraph", (Run("A."),)), Block("heading", (Run("Scope"),), level=2),
              Block("paragraph", (Run("B."),)), Block("break", ()), Block("paragraph", (Run("C."),)))
    doc = Document("", "en", (Chapter(1, "", blocks),))
    for section, before_break in ((700, 700), (400, 600)):  # paragraph 600, after a heading 1000
        pauses = Pauses(section=section)
        segments = plan(doc, Config(pauses=pauses)).segments
        assert [(s.text, s.boundary, s.pause_after_ms) for s in segments] == [
            ("A.", "paragraph", 1200), ("Scope", "heading", 1000), ("B.", "section", before_break), ("C.", "end", 0)]


def test_a_heading_with_nothing_to_say_adds_no_pause_before_it() -> None:
    # a heading of a glyph or a picture alone is not heard: the sentence before it keeps its own
    # pause, not the one before a heading
    blocks = (Block("paragraph", (Run("A."),)), Block("heading", (Run("* * *"),), level=2),
              Block("paragraph", (Run("B."),)), Block("heading", (Run("Scope"),), level=2),
              Block("paragraph", (Run("C."),)))
    segments = plan(Document("", "en", (Chapter(1, "", blocks),)), Config()).segments
    assert [(s.text, s.boundary, s.pause_after_ms) for s in segments] == [
        ("A.", "paragraph", 600), ("B.", "paragraph", 1200), ("Scope", "heading", 1000), ("C.", "end", 0)]

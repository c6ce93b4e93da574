"""Where a chapter starts being read (narrator.script.planner.plan): blocks with nothing to say
before its first readable one (a decorative rule, a picture without alt text, a section break)
neither make the chapter readable nor hide that a heading opens it, so its title is heard once,
and a chapter with nothing readable at all is dropped however it is titled."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan


def para(text: str, kind: str = "paragraph", level: int = 0) -> Block:
    return Block(kind, (Run(text),), level=level)  # type: ignore[arg-type]


def said(doc: Document) -> list[list[tuple[str, str]]]:
    """Each chapter's segments: (text, boundary)."""
    return [[(s.text, s.boundary) for s in c.segments] for c in plan(doc, Config()).chapters]


def test_a_heading_after_blocks_with_nothing_to_say_is_the_chapter_title() -> None:
    doc = Document("Lesson", "en", (Chapter(1, "Scope", (
        para("* * *"), para("", kind="break"), para("Scope", "heading", 1), para("We start here.")),),))
    assert said(doc) == [[("Scope", "heading"), ("We start here.", "end")]]
    # each segment points at the block it reads (the player highlights that block)
    assert [(s.text, s.block) for s in plan(doc, Config()).segments] == [("Scope", 2), ("We start here.", 3)]


def test_a_chapter_with_nothing_readable_is_dropped_even_with_a_title() -> None:
    doc = Document("Lesson", "en", (
        Chapter(1, "Ornaments", (para("* * *"), para("— · —"))),
        Chapter(2, "Scope", (para("Scope", "heading", 1), para("We start here."))),
    ))
    script = plan(doc, Config())
    assert [(c.index, c.title) for c in script.chapters] == [(1, "Scope")]
    assert said(doc) == [[("Scope", "heading"), ("We start here.", "end")]]


def test_a_heading_that_is_the_title_keeps_its_level_and_a_paragraph_that_is_becomes_one() -> None:
    # an <h3> saying the chapter's title stays an <h3> (read calm, as its level says); a plain
    # paragraph saying it is read as the title, a heading at the chapter level (read serious)
    for first, kind_level, emotion in ((Block("heading", (Run("Scope"),), level=3), ("heading", 3), "calm"),
                                       (para("Scope"), ("heading", 1), "serious")):
        doc = Document("Lesson", "en", (Chapter(1, "Scope", (first, para("We start here."))),))
        chapter = plan(doc, Config()).chapters[0]
        assert [(b.kind, b.level) for b in chapter.blocks] == [kind_level, ("paragraph", 0)]
        assert [(s.text, s.emotion, s.boundary) for s in chapter.segments] == [
            ("Scope", emotion, "heading"), ("We start here.", "neutral", "end")]


def test_the_document_title_as_a_chapter_title_is_heard_once() -> None:
    # chapters titled after the document (an EPUB's cover and title page) with no heading of their
    # own: the first says the title, the others do not; a chapter of another title says its own
    chapters = tuple(Chapter(i, title, (para(f"Text {i}."),)) for i, title in enumerate(
        ("Photosynthesis", "Photosynthesis", "Light reactions", "Photosynthesis"), 1))
    assert said(Document("Photosynthesis", "en", chapters)) == [
        [("Photosynthesis", "heading"), ("Text 1.", "end")], [("Text 2.", "end")],
        [("Light reactions", "heading"), ("Text 3.", "end")], [("Text 4.", "end")]]
    # a block says the document's title later: it is heard there, not at the start
    later = chapters[:3] + (Chapter(4, "End", (para("Photosynthesis", "heading", 1), para("Text 4."))),)
    assert said(Document("Photosynthesis", "en", later)) == [
        [("Text 1.", "end")], [("Text 2.", "end")], [("Light reactions", "heading"), ("Text 3.", "end")],
        [("Photosynthesis", "heading"), ("Text 4.", "end")]]


def test_a_title_said_first_has_no_marks_and_no_place_in_the_page() -> None:
    doc = Document("Lesson", "en", (Chapter(1, "Light reactions", (
        Block("paragraph", (Run("Text.", marks=("b",)),), source="#p1"),)),))
    title, text = plan(doc, Config()).segments
    assert (title.text, title.marks, title.source, title.block, title.boundary) == (
        "Light reactions", (), "", -1, "heading")
    assert (text.text, text.marks, text.source, text.block) == ("Text.", ("b",), "#p1", 0)

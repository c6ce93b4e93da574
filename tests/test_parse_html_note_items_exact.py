"""Which elements of a footnote block are notes (narrator/parse/html.py, the walk's context): a
"footnote" element holding a list is a list of notes, each item read after the paragraph that
refers to it; an element inside a note is part of that note, never a note of its own."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def read(markup: str) -> list[tuple[str, str]]:
    doc = parse_html(markup.encode(), "x.html", ParseConfig(notes="inline"))
    return [(b.kind, b.text) for c in doc.chapters for b in c.blocks]


def test_a_footnote_element_holding_a_list_is_a_list_of_notes() -> None:
    # each <li> is its own note, so each follows the paragraph that refers to it, in that order
    assert read('<p>Body one<sup><a href="#n2">2</a></sup>.</p><p>Body two<sup><a href="#n1">1</a></sup>.</p>'
                '<div class="footnote"><ol><li id="n1">First note.</li><li id="n2">Second note.</li></ol></div>') == [
        ("paragraph", "Body one."), ("item", "Note: Second note."),
        ("paragraph", "Body two."), ("item", "Note: First note.")]


def test_a_paragraph_inside_a_note_is_part_of_that_note() -> None:
    # the reference points into the note's second paragraph: the whole note is read there, once
    assert read('<p>Body one<sup><a href="#n2">2</a></sup>.</p><div class="footnotes"><ol><li id="n1">'
                '<p>First note.</p><p id="n2">Second part.</p></li></ol></div>') == [
        ("paragraph", "Body one."), ("item", "Note: First note."), ("item", "Second part.")]

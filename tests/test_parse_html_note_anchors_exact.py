"""Where the ids inside a footnote point once the note has ended (narrator/parse/html.py): never
at the next note. An empty note (Pandoc's "[^1]:" keeps only its back link) made the reference to
it read the next note there, and that note's own reference then read nothing."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def inline_notes(body: str, notes: str) -> list[str]:
    page = (f"<html><body><h1>T</h1>{body}<section class='footnotes'><ol>{notes}</ol></section>"
            "</body></html>")
    doc = parse_html(page.encode(), "dir/lesson.html", ParseConfig(notes="inline"))
    return [b.text for c in doc.chapters for b in c.blocks]


BODY = ('<p>One<sup><a href="#{0}" class="footnote-ref">1</a></sup>.</p>'
        '<p>Two<sup><a href="#fn2" class="footnote-ref">2</a></sup>.</p>')
SECOND = '<li id="fn2"><p>Second note.<a href="#fnref2" class="footnote-back">↩︎</a></p></li>'


def test_an_empty_notes_id_does_not_send_its_reference_to_the_next_note() -> None:
    empty = '<li id="fn1"><p><a href="#fnref1" class="footnote-back">↩︎</a></p></li>'
    assert inline_notes(BODY.format("fn1"), empty + SECOND) == ["T", "One.", "Two.", "Note: Second note."]


def test_an_id_after_a_notes_last_words_still_points_into_that_note() -> None:
    first = '<li id="fn1"><p>First note.</p><a id="fn1-end"></a></li>'
    assert inline_notes(BODY.format("fn1-end"), first + SECOND) == [
        "T", "One.", "Note: First note.", "Two.", "Note: Second note."]

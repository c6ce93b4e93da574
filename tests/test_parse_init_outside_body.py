"""Text a broken page puts outside its <body> (narrator/parse/__init__.py): more than 100
characters of it, not counting the <head>'s, and the whole tree is read instead of the body."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def texts(markup: str) -> list[str]:
    doc = parse_html(markup.encode(), "dir/lesson.html", ParseConfig())
    return [b.text for c in doc.chapters for b in c.blocks]


def test_more_than_100_characters_outside_the_body_are_read_too() -> None:
    for head in ("<head><title>T</title></head>", ""):  # the title's "T" is the head's, not outside
        # a stray </body>: the paragraph after it stays in <html>, outside the body
        page = head.join(("<html>", "<body><p>In body.</p></body><p>{}</p></html>"))
        assert texts(page.format("x" * 100)) == ["In body."], head
        assert texts(page.format("x" * 101)) == ["In body.", "x" * 101], head

"""Markup after </html> is read where a browser shows it: at the end of the body (it was lost)."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html


def _said(html: str) -> list[str]:
    doc = parse_html(html.encode(), "lesson.html", ParseConfig())
    return [b.text for c in doc.chapters for b in c.blocks]


@pytest.mark.parametrize("after", [
    "<p>Appended after the page ended.</p>",
    "\n<div><p>Appended after the page ended.</p></div>\n",
    "<html><head><title>Again</title></head><body><p>Appended after the page ended.</p></body></html>",
])
def test_text_after_the_end_of_the_page_is_read_last(after: str) -> None:
    page = ("<html><head><title>Lesson</title></head><body><h1>Tides</h1>"
            "<p>The moon pulls the sea.</p></body></html>")
    assert _said(page + after) == ["Tides", "The moon pulls the sea.", "Appended after the page ended."]


def test_a_page_without_a_body_gets_one_for_what_follows_it() -> None:
    assert _said("<html><head><title>T</title></head></html><p>Only after.</p>") == ["Only after."]

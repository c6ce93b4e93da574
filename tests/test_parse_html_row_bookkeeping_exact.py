"""The bookkeeping done when a data table's row closes (narrator/parse/html.py): its text counts
once against the job server's character limit, and a print page that starts inside the row is
the row's page; every print page met before a block is that block's."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import ParseLimits, parse_html
from narrator.errors import TooLarge

ROWS = "<tr><td>Item a</td><td>3 apples</td></tr><tr><td>Item b</td><td>5 apples</td></tr>"


def test_each_rows_text_counts_once_against_the_character_limit() -> None:
    # the rows read "Item a; 3 apples" and "Item b; 5 apples": 16 + 16 = 32 characters in all
    doc = parse_html(f"<table>{ROWS}</table>".encode(), "x.html", ParseConfig(), limits=ParseLimits(max_chars=32))
    assert [b.text for c in doc.chapters for b in c.blocks] == ["Item a; 3 apples", "Item b; 5 apples"]
    with pytest.raises(TooLarge, match="limit of 31 characters"):
        parse_html(f"<table>{ROWS}</table>".encode(), "x.html", ParseConfig(), limits=ParseLimits(max_chars=31))


def test_a_page_starting_inside_a_row_is_that_rows_page() -> None:
    markup = ('<table><tr><td>Item a</td><td>3 apples</td></tr><tr><td><span role="doc-pagebreak" '
              'aria-label="12"></span>Item b</td><td>5 apples</td></tr></table>')
    doc = parse_html(markup.encode(), "x.html", ParseConfig())
    assert [(b.text, b.pages) for c in doc.chapters for b in c.blocks] == [
        ("Item a; 3 apples", ()), ("Item b; 5 apples", ("12",))]


def test_every_page_that_starts_before_a_block_is_that_blocks() -> None:
    # two print pages begin before the first paragraph: both are its
    markup = ('<span role="doc-pagebreak" aria-label="1"></span><span role="doc-pagebreak" aria-label="2"></span>'
              "<p>First words.</p>")
    doc = parse_html(markup.encode(), "x.html", ParseConfig())
    assert [(b.text, b.pages) for c in doc.chapters for b in c.blocks] == [("First words.", ("1", "2"))]

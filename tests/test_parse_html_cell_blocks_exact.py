"""A block nested in a data-table cell is set apart from the words on both sides of it
(narrator/parse/html.py): "<td><p>Tea</p>hot</td>" was read "Teahot", one word."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def rows(cells: str) -> list[str]:
    page = f"<html><body><table><tr><th>Item</th><th>Note</th></tr><tr>{cells}</tr></table></body></html>"
    doc = parse_html(page.encode(), "dir/lesson.html", ParseConfig())
    return [b.text for c in doc.chapters for b in c.blocks]


def test_words_after_a_block_in_a_cell_are_a_word_of_their_own() -> None:
    assert rows("<td><p>Tea</p>hot</td><td>before<div>noon</div>daily</td>") == ["Item: Tea hot; Note: before noon daily"]


def test_blocks_in_a_cell_still_meet_at_one_space() -> None:
    assert rows("<td><p>Tea</p><p>hot</p></td><td><ul><li>a</li><li>b</li></ul></td>") == ["Item: Tea hot; Note: a b"]

"""A block nested in a data-table cell is set apart from the words on both sides of it
(narrator/parse/html.py): "<td><p>Tea</p>hot</td>" was read "Teahot", one word. As a line break
in the source, it is no space between Chinese characters nor before a comma."""

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


def test_a_block_in_a_cell_adds_no_space_between_chinese_characters_nor_before_a_comma() -> None:
    assert rows("<td><p>Tea</p>, hot</td><td>noon<p>(daily)</p>.</td>") == ["Item: Tea, hot; Note: noon (daily)."]
    assert rows("<td><p>绿茶</p>热饮</td><td>中午<div>每天</div>。</td>") == ["Item: 绿茶热饮; Note: 中午每天。"]


def test_a_line_break_before_a_word_starting_with_a_dot_stays_a_space() -> None:
    # "a\n.ini file": the dot starts a word (a file name), it closes nothing
    page = b"<html><body><p>Give a\n<code>.ini</code> file, then a\n: sign\n, here\n.</p></body></html>"
    doc = parse_html(page, "dir/lesson.html", ParseConfig())
    assert [b.text for c in doc.chapters for b in c.blocks] == ["Give a .ini file, then a: sign, here."]

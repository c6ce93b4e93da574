"""A data table's columns (narrator/parse/html.py): a cell's column is the one after the
previous cell's columns, whatever the text inside the cells (marks, several pieces), so each
value is read with the header of its own column."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup


def rows(markup: str) -> list[tuple[str, tuple[tuple[int, int, int], ...]]]:
    soup = parse_soup(markup)
    return [(b.text, b.cells) for b in Walker(ParseConfig()).walk(soup.body)]


def test_a_header_with_marked_words_keeps_every_column_in_line() -> None:
    # "A <b>bold</b>" is two pieces of text: the columns after it are still the second and third
    assert rows("<table><tr><th>A <b>bold</b></th><th>B</th><th>C</th></tr>"
                "<tr><td>1</td><td>2</td><td>3</td></tr></table>") == [
        ("A bold: 1; B: 2; C: 3", ((0, 8, 9), (11, 14, 15), (17, 20, 21)))]


def test_a_cell_spanning_two_columns_moves_the_next_cells_along() -> None:
    # "Size" spans the columns of "w" and "h": the last header is the third column's
    assert rows('<table><tr><th>Name</th><th colspan="2">Size</th><th>Note</th></tr>'
                "<tr><td>Box</td><td>3</td><td>4</td><td>old</td></tr></table>") == [
        ("Name: Box; Size: 3; 4; Note: old", ((0, 6, 9), (11, 17, 18), (20, 20, 21), (23, 29, 32)))]


def test_with_read_code_a_code_column_is_read_with_its_header() -> None:
    soup = parse_soup("<table><tr><th>Meaning</th><th>Operator</th></tr><tr><td>adds b to a</td>"
                      "<td><code>a += b</code></td></tr><tr><td>takes b from a</td><td><code>a -= b</code></td></tr>"
                      "<tr><td>doubles it</td><td><code>f(x) * 2</code></td></tr></table>")
    walker = Walker(ParseConfig(read_code=True))
    assert [b.text for b in walker.walk(soup.body)] == [
        "Meaning: adds b to a; Operator: a += b", "Meaning: takes b from a; Operator: a -= b",
        "Meaning: doubles it; Operator: f(x) * 2"]
    assert walker.skipped == []  # nothing left out, nothing reported

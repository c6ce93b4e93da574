"""Tables (tables.py): how each is read (layout, data, skipped noise, drawing), which columns are
code, and one data row as the text of one block, on small hand-written tables."""

from __future__ import annotations

from typing import Any

from narrator.parse.runs import Piece
from narrator.parse.tables import (DRAWING, DRAWING_FILES, Table, code_columns, colspan, drawing_of,
                                   drawing_sentence, is_drawn_text, read_row, table_kind, table_summary)
from narrator.parse.tree import parse_tree


def _table(inner: str, attrs: str = "") -> Any:
    return parse_tree(f"<html><body><table{attrs}>{inner}</table></body></html>").find("table")


def _rows(*rows: tuple[str, ...], cell: str = "td") -> str:
    return "".join("<tr>" + "".join(f"<{cell}>{c}</{cell}>" for c in row) + "</tr>" for row in rows)


def _cell(markup: str) -> Any:
    return parse_tree(f"<html><body><table><tr>{markup}</tr></table></body></html>").find(["td", "th"])


# -- colspan and summary ---------------------------------------------------------------------

def test_colspan_is_a_whole_number_from_1_to_1000():
    assert colspan(_cell("<td>a</td>")) == 1
    assert colspan(_cell('<td colspan="3">a</td>')) == 3
    assert colspan(_cell('<td colspan="0">a</td>')) == 1
    assert colspan(_cell('<td colspan="-2">a</td>')) == 1
    assert colspan(_cell('<td colspan="1000">a</td>')) == 1000
    assert colspan(_cell('<td colspan="5000">a</td>')) == 1000
    assert colspan(_cell('<td colspan="two">a</td>')) == 1
    assert colspan(_cell('<td colspan="">a</td>')) == 1
    assert colspan(_cell('<td class="x">a</td>')) == 1


def test_the_summary_of_a_table_counts_rows_with_cells_and_gives_its_caption():
    table = _table("<caption>  Our \n results </caption><tr></tr>" + _rows(("a", "b"), ("c", "d"))
                   + "<tr><th>h</th></tr>")
    assert table_summary(table) == (3, "Our results")
    assert table_summary(_table(_rows(("a",)))) == (1, "")


# -- drawings --------------------------------------------------------------------------------

def _column(*cells: str) -> Any:
    return _table(_rows(*((c,) for c in cells)))


def test_a_folder_tree_in_cells_is_a_drawing_of_files():
    assert drawing_of(_column("root/", "|-- src/", "|-- main.py", "`-- README.md")) == DRAWING_FILES
    assert drawing_of(_column("root", "\u251c\u2500\u2500 alpha", "\u251c\u2500\u2500 beta",
                              "\u2514\u2500\u2500 gamma")) == DRAWING
    # names drawn with a run of three underscores or "+-", "\\-" strokes
    assert drawing_of(_column("|_____ one", "+-- two", "\\-- three")) == DRAWING


def test_files_make_a_drawing_of_files_when_they_are_a_quarter_of_the_names():
    two_of_eight = ("|-- a.txt", "|-- b.txt", "|-- c", "|-- d", "|-- e", "|-- f", "|-- g", "|-- h")
    assert drawing_of(_column(*two_of_eight)) == DRAWING_FILES
    assert drawing_of(_column(*two_of_eight, "|-- i")) == DRAWING
    assert drawing_of(_column("|-- a.txt", "|-- b", "|-- c")) == DRAWING  # one file is no tree of files


def test_fewer_than_three_stroked_cells_or_a_quarter_of_the_cells_is_no_drawing():
    assert drawing_of(_column("|-- a", "|-- b", "c")) == ""
    assert drawing_of(_column("|-- a", "|-- b", "|-- c", *"defghijkl")) == DRAWING  # 3 of 12
    assert drawing_of(_column("|-- a", "|-- b", "|-- c", *"defghijklm")) == ""  # 3 of 13


def test_dashes_pluses_and_two_underscores_alone_are_no_strokes():
    assert drawing_of(_column("- a", "- b", "- c", "+ d")) == ""
    assert drawing_of(_column("__ a", "__ b", "__ c")) == ""
    assert drawing_of(_column("-- a", "-- b", "-- c")) == ""


def test_long_cells_make_a_table_of_text_not_a_drawing():
    forty = "x" * 40
    assert drawing_of(_column("|-- a", "|-- b", f"|-- {forty}")) == DRAWING
    assert drawing_of(_column("|-- a", "|-- b", "|-- c", f"|-- {forty}y")) == ""  # 41: long, 1 in 4
    assert drawing_of(_column("|-- a", "|-- b", "|-- c", "|-- one two three four five")) == ""
    # one long cell in ten filled ones is tolerated, one in nine is not
    nine = ("|-- a", "|-- b", "|-- c", *"defghi")
    long = "a sentence of prose that is longer than any name in a folder tree"
    assert drawing_of(_column(*nine, long)) == DRAWING
    assert drawing_of(_column(*nine[:-1], long)) == ""


def test_empty_cells_and_non_breaking_spaces_in_drawings():
    assert drawing_of(_column("|--\xa0a", "|--\xa0b", "", "|--\xa0c")) == DRAWING


def test_preformatted_folder_trees_are_drawings_code_is_not():
    assert is_drawn_text("project/\n\u251c\u2500\u2500 src\n\u2502   \u2514\u2500\u2500 main.py\n"
                         "\u2514\u2500\u2500 README.md\n")
    assert is_drawn_text("a\n|-- b\n\n|-- c\n`-- d")
    # half the lines drawn is enough, fewer is not
    assert is_drawn_text("a\nb\nc\n|-- d\n|-- e\n|-- f")
    assert not is_drawn_text("a\nb\nc\nx\n|-- d\n|-- e\n|-- f")
    assert not is_drawn_text("|-- a\n|-- b")  # two branches only
    # a Markdown table: cells after the strokes; a result box's border: nothing after them
    assert not is_drawn_text("| a | b |\n| c | d |\n| e | f |")
    assert not is_drawn_text("+----+\n|  1 |\n+----+\n|  2 |\n+----+")
    # a long line is code or prose
    assert not is_drawn_text("|-- a\n|-- b\n|-- c\n|-- " + "x" * 41)
    assert is_drawn_text("|-- a\n|-- b\n|-- c\n|-- " + "x" * 40)
    assert not is_drawn_text("|-- a\n|-- b\n|-- c\n|-- one two three four five")
    assert is_drawn_text("|--\xa0a\n|--\xa0b\n|--\xa0c")


def test_the_sentence_that_stands_for_a_drawing():
    assert drawing_sentence("Folders", True, "en") == "The diagram \u201cFolders\u201d is not read aloud here."
    assert drawing_sentence("", True, "en") == "A diagram of folders and files is not read aloud here."
    assert drawing_sentence("", False, "en") == "A diagram drawn with characters is not read aloud here."
    assert drawing_sentence("目录", False, "zh") == "此处有示意图\u201c目录\u201d，不朗读。"
    assert drawing_sentence("", True, "zh") == "此处有一幅文件夹和文件的示意图，不朗读。"
    assert drawing_sentence("", False, "zh") == "此处有一幅用字符画的示意图，不朗读。"


# -- table kinds -----------------------------------------------------------------------------

def test_presentation_tables_and_nested_tables_are_layout():
    assert table_kind(_table(_rows(("a", "b")), ' role="presentation"')) == "layout"
    assert table_kind(_table(_rows(("a", "b")), ' role="none"')) == "layout"
    assert table_kind(_table(_rows(("a", "b")), ' role="grid"')) == "data"
    assert table_kind(_table("<tr><td><table><tr><td>x</td></tr></table></td></tr>")) == "layout"


def test_small_tables_of_words_are_data():
    assert table_kind(_table(_rows(("Name", "Age"), ("Ann", "7")))) == "data"
    assert table_kind(_table("")) == "data"


def test_a_folder_tree_table_is_a_drawing():
    table = _column("root/", "|-- src/", "|-- main.py", "`-- README.md")
    assert table_kind(table) == "drawing"
    # strokes in a script are no strokes of the table
    table = _column("a", "b", "c<script>|-- x</script>")
    assert table_kind(table) == "data"


def test_a_drawing_needs_three_filled_cells_and_short_ones():
    assert table_kind(_column("|-- a", "|-- b", "")) == "data"
    long = "|-- " + "word " * 50  # a cell of 254 characters
    assert table_kind(_column("|-- a", "|-- b", "|-- c", long)) == "data"


def test_many_numbers_or_tiny_cells_are_noise_skipped():
    numbers = _table(_rows(*[(str(100 + i), str(200 + i)) for i in range(10)]))  # 20 cells
    assert table_kind(numbers) == "skip"
    nineteen = _table(_rows(*[(str(100 + i), str(200 + i)) for i in range(9)]) + _rows(("300",)))
    assert table_kind(nineteen) == "data"
    tiny = _table(_rows(*[("ab", "cd") for _ in range(10)]))
    assert table_kind(tiny) == "skip"
    words = _table(_rows(*[("apple", "pears") for _ in range(10)]))
    assert table_kind(words) == "data"


def test_digits_count_against_all_the_text_tiny_cells_against_filled_cells():
    # 3 digits in 10 characters per row: 30 % digits is noise
    rows = [("abcdefg", "123") for _ in range(10)]
    assert table_kind(_table(_rows(*rows))) == "skip"
    rows = [("abcdefgh", "123") for _ in range(10)]  # 3 in 11: 27 %
    assert table_kind(_table(_rows(*rows))) == "data"
    # 12 tiny cells among 20 filled (60 %), 5 empty ones not counted
    rows = [("ab", "") for _ in range(5)] + [("ab", "word")] * 4 + [("abcd", "wxyz")] * 3 + [("ab", "ab")] * 3
    assert table_kind(_table(_rows(*rows))) == "skip"
    rows = [("ab", "") for _ in range(5)] + [("ab", "word")] * 4 + [("abcd", "wxyz")] * 4 + [("ab", "ab")] * 2
    assert table_kind(_table(_rows(*rows))) == "data"


def test_long_prose_in_cells_is_layout():
    # one cell over 1,000 characters, among short ones (250 on average)
    assert table_kind(_table(_rows(("x" * 1001, "a", "b", "c")))) == "layout"
    assert table_kind(_table(_rows(("x" * 1000, "a", "b", "c")))) == "data"
    assert table_kind(_table(_rows(("x" * 301,)))) == "layout"
    assert table_kind(_table(_rows(("x" * 300, "y" * 300)))) == "data"
    assert table_kind(_table(_rows(("x" * 350, "y" * 260)))) == "layout"


# -- code columns ----------------------------------------------------------------------------

def test_a_column_of_code_expressions_is_not_read_names_and_prose_are():
    table = _table("<tr><th>Operator</th><th>Example</th><th>Trait</th></tr>"
                   + _rows(("Remainder", "<code>var %= expr</code>", "<code>RemAssign</code>"),
                           ("Borrow", "<code>&amp;mut type</code>", "<code>Borrow</code>"),
                           ("Call", "<code>f(x)</code>", "<code>Fn</code>")))
    assert code_columns(table) == frozenset({1})
    assert code_columns(_table(_rows(("a", "b"), ("c", "d")))) == frozenset()


def test_code_columns_follow_colspans_and_skip_empty_and_header_cells():
    table = _table('<tr><td colspan="2">wide</td><td><code>a + b</code></td></tr>'
                   "<tr><td>x</td><td>y</td><td><code>c * d</code></td></tr>"
                   "<tr><td>x</td><td>y</td><td></td></tr><tr><td>x</td><td>y</td><th><code>name</code></th></tr>")
    assert code_columns(table) == frozenset({2})


def test_a_column_is_code_when_at_most_one_cell_in_ten_is_prose_and_half_are_expressions():
    expr = "<code>a + b</code>"
    nine = _table(_rows(*[(expr,)] * 9, ("some words",)))
    assert code_columns(nine) == frozenset({0})
    eight = _table(_rows(*[(expr,)] * 8, ("some words",)))
    assert code_columns(eight) == frozenset()
    half = _table(_rows((expr,), ("<code>name</code>",)))
    assert code_columns(half) == frozenset({0})
    third = _table(_rows((expr,), ("<code>name</code>",), ("<code>other</code>",)))
    assert code_columns(third) == frozenset()


def test_words_beside_the_code_make_a_cell_prose_punctuation_does_not():
    assert code_columns(_table(_rows(("<code>a + b</code> adds",), ("<code>a - b</code>",)))) == frozenset()
    assert code_columns(_table(_rows(("<code>a + b</code>;",), ("<code>a - b</code>",)))) == frozenset({0})
    # nested code elements are read once: the <var> inside the <code> is not "rest" text
    nested = _table(_rows(("<code>x = <var>n</var> + 1</code>",), ("<kbd>Ctrl + C</kbd>",)))
    assert code_columns(nested) == frozenset({0})
    names = _table(_rows(("<code>std.io</code>",), ("<samp>name_2</samp>",)))
    assert code_columns(names) == frozenset()


# -- rows ------------------------------------------------------------------------------------

_NONE: frozenset[str] = frozenset()


def _pieces(*texts: str) -> tuple[list[tuple[int, int, int, str]], list[Piece]]:
    """Cells of one row, a piece each, in columns 0, 1, 2..."""
    return [(i, i, 1, "td") for i in range(len(texts))], [Piece(t, _NONE, None, None) for t in texts]


def _text(runs: tuple[Any, ...]) -> str:
    return "".join(r.text for r in runs)


def test_a_row_without_headers_is_its_cells_joined_by_semicolons():
    cells, pieces = _pieces(" Ann ", "", "7")
    runs, spans = read_row(cells, pieces, Table(), False)
    assert _text(runs) == "Ann; 7"
    assert spans == ((0, 0, 3), (5, 5, 6))
    assert read_row([], [], Table(), False) == ((), ())


def test_a_header_row_labels_the_cells_of_the_rows_after_it():
    table = Table()
    cells, pieces = _pieces("Name", "Age")
    cells = [(c, s, w, "th") for c, s, w, _t in cells]
    assert read_row(cells, pieces, table, False) == ((), ())
    assert table.headers == ["Name", "Age"] and table.rows == 1
    cells, pieces = _pieces("Ann", "7")
    runs, spans = read_row(cells, pieces, table, False)
    assert _text(runs) == "Name: Ann; Age: 7"
    assert spans == ((0, 6, 9), (11, 16, 17))
    assert table.rows == 2
    # a cell that says its header is not labelled with it
    cells, pieces = _pieces("Name", "8")
    assert _text(read_row(cells, pieces, table, False)[0]) == "Name; Age: 8"


def test_a_first_row_in_thead_is_a_header_row_even_of_td_cells():
    table = Table()
    cells, pieces = _pieces("Day", "Weather")
    assert read_row(cells, pieces, table, True) == ((), ())
    assert table.headers == ["Day", "Weather"]
    # th cells after the first row are a row of data
    table = Table(rows=1)
    cells, pieces = _pieces("x", "y")
    cells = [(c, s, w, "th") for c, s, w, _t in cells]
    assert _text(read_row(cells, pieces, table, False)[0]) == "x; y"


def test_one_header_spanning_the_table_is_a_title_read_as_a_row():
    table = Table()
    runs, spans = read_row([(0, 0, 2, "th")], [Piece("Results", _NONE, None, None)], table, False)
    assert _text(runs) == "Results" and spans == ((0, 0, 7),)
    assert table.headers == [] and table.rows == 1
    # headers in columns 0 and 2 (a spanned column between): both label their cells
    table = Table()
    assert read_row([(0, 0, 2, "th"), (2, 1, 1, "th")], [Piece("A", _NONE, None, None),
                                                        Piece("B", _NONE, None, None)], table, False) == ((), ())
    assert table.headers == ["A", "", "B"]
    cells, pieces = _pieces("x", "y", "z")
    assert _text(read_row(cells, pieces, table, False)[0]) == "A: x; y; B: z"


def test_code_columns_are_left_out_of_a_row():
    table = Table(headers=["Op", "Example", "Trait"], rows=1, code_cols=frozenset({1}))
    cells, pieces = _pieces("Remainder", "var %= expr", "RemAssign")
    runs, spans = read_row(cells, pieces, table, False)
    assert _text(runs) == "Op: Remainder; Trait: RemAssign"
    assert spans == ((0, 4, 13), (15, 22, 31))


def test_a_row_without_a_table_and_line_breaks_in_cells():
    cells, pieces = _pieces("one\u2028two", "three")
    runs, spans = read_row(cells, pieces, None, True)
    assert _text(runs) == "one two; three"
    assert spans == ((0, 0, 7), (9, 9, 14))


def test_cells_of_several_pieces_keep_their_marks():
    bold = frozenset({"strong"})
    cells = [(0, 0, 1, "td"), (1, 2, 1, "td")]
    pieces = [Piece("big ", bold, None, None), Piece("cat", _NONE, None, None), Piece("dog", _NONE, None, None)]
    runs, spans = read_row(cells, pieces, Table(), False)
    assert [(r.text, r.marks) for r in runs] == [("big ", bold), ("cat; dog", _NONE)]  # the space stays where the source had it
    assert spans == ((0, 0, 7), (9, 9, 12))


def test_only_rows_holding_cells_are_counted_once_each():
    table = _table("<thead><tr><th>h</th></tr></thead><tbody><tr><td>a</td></tr><tr><span>x</span></tr></tbody>")
    assert table_summary(table) == (2, "")


def test_drawings_in_header_cells_and_names_of_four_words():
    assert drawing_of(_table(_rows(("|-- a",), ("|-- b",), ("|-- c",), cell="th"))) == DRAWING
    assert drawing_of(_column("|-- one two three four", "|-- a b c d", "|-- e f g h")) == DRAWING


def test_two_long_cells_in_twelve_are_too_many():
    long = "a sentence of prose that is longer than any name in a folder tree"
    assert drawing_of(_column("|-- a", "|-- b", "|-- c", *"defghij", long, long)) == ""
    assert drawing_of(_column("|-- a", "|-- b", "|-- c", *"defghijk", long)) == DRAWING


def test_code_inside_other_elements_of_a_cell_is_found():
    table = _table(_rows(("<p><span><code>a + b</code></span></p>",), ("<div><code>c * d</code></div>",)))
    assert code_columns(table) == frozenset({0})


def test_code_columns_count_only_the_rows_own_cells():
    stray = _table("<tr><span>x</span><td><code>a + b</code></td></tr>")
    assert code_columns(stray) == frozenset({0})
    header = _table("<tr><th>Op</th><td><code>a + b</code></td></tr>")
    assert code_columns(header) == frozenset({1})
    empty_first = _table("<tr><td></td><td><code>a + b</code></td></tr>")
    assert code_columns(empty_first) == frozenset({1})
    nested = _table("<tr><td>prose<table><tr><td><code>a + b</code></td></tr></table></td></tr>")
    assert code_columns(nested) == frozenset()


def test_the_code_is_taken_out_of_its_cell_once():
    # "a + b" said again beside the code is words of the cell: prose
    assert code_columns(_table(_rows(("<code>a + b</code> a + b",)))) == frozenset()


def test_a_cell_ending_in_a_line_break_shows_the_row_as_one_cell():
    cells, pieces = _pieces("a", "y\u2028")
    runs, spans = read_row(cells, pieces, Table(), False)
    assert _text(runs) == "a; y"
    assert spans == ()


def test_a_caption_is_no_cell():
    table = _table(f"<caption>{'x' * 1001}</caption>" + _rows(("a", "b"), ("c", "d")))
    assert table_kind(table) == "data"


def test_header_cells_count_as_cells():
    numbers = _table(_rows(*[(str(100 + i), str(200 + i)) for i in range(10)], cell="th"))
    assert table_kind(numbers) == "skip"


def test_cells_of_one_to_three_characters_are_tiny():
    assert table_kind(_table(_rows(*[("a", "b") for _ in range(10)]))) == "skip"
    assert table_kind(_table(_rows(*[("abc", "def") for _ in range(10)]))) == "skip"
    assert table_kind(_table(_rows(*[("abcd", "efgh") for _ in range(10)]))) == "data"


def test_comments_and_scripts_in_cells_are_no_text():
    rows = [("apple", "pears") for _ in range(10)]
    table = _table(_rows(*rows).replace("apple", "apple<!-- 1234567890 1234567890 1234567890 -->"))
    assert table_kind(table) == "data"
    table = _table("<tr><td><script>var x;</script>a</td></tr>" + _rows(*[(str(100 + i), str(200 + i)) for i in range(10)]))
    assert table_kind(table) == "skip"


def test_a_cells_length_is_all_its_text():
    assert table_kind(_table(_rows(*[("a<b>bcd</b>", "e<i>fgh</i>") for _ in range(10)]))) == "data"


def _tiny_table(tiny: int, last: str) -> Any:
    """``tiny`` cells of two letters, then four-letter cells up to 20, then ``last``."""
    cells = ["ab"] * tiny + ["abcd"] * (20 - tiny) + [last]
    return _table("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")


def test_the_last_cell_counts_like_the_others():
    # tiny cells against filled ones: the last cell, empty or not, is one of them
    assert table_kind(_tiny_table(12, "")) == "skip"  # 12 of 20 filled
    assert table_kind(_tiny_table(11, "")) == "data"  # 11 of 20
    assert table_kind(_tiny_table(12, "a")) == "skip"  # 13 of 21
    assert table_kind(_tiny_table(12, "abc")) == "skip"
    assert table_kind(_tiny_table(12, "abcd")) == "data"  # 12 of 21


def test_a_drawing_table_needs_three_filled_cells_of_at_most_200_characters():
    assert table_kind(_column("|-- a", "|-- b", "|-- c")) == "drawing"
    names = ("|-- a", "|-- b", "|-- c", *"defghij")
    assert table_kind(_column(*names, "x" * 200)) == "drawing"
    assert table_kind(_column(*names, "x" * 201)) == "data"


def test_a_cells_runs_keep_their_language_emotion_and_formula():
    cells = [(0, 0, 1, "td"), (1, 1, 1, "td")]
    pieces = [Piece("bonjour", _NONE, "fr", "happy"), Piece("x²", frozenset({"math"}), None, None, "x^2")]
    runs, _spans = read_row(cells, pieces, Table(), False)
    assert [(r.text, r.lang, r.emotion, r.math) for r in runs] == [
        ("bonjour", "fr", "happy", None), ("; ", None, None, None), ("x²", None, None, "x^2")]

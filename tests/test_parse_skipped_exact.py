"""The words for what was not read, exactly (narrator/parse/skipped.py): the run's one-line
summary and the dry run's list."""

from __future__ import annotations

from narrator.parse.skipped import describe, summary
from narrator.values import Skipped


def test_nothing_skipped_says_nothing() -> None:
    assert summary([]) == ""


def test_kinds_are_counted_in_the_order_met_and_tables_sum_their_rows() -> None:
    assert summary([Skipped("#t", "data table", "too big", 300, 15), Skipped("pre", "code block", "code", 40, 3),
                    Skipped("pre", "code block", "code", 10, 1), Skipped("nav", "page navigation", "links", 90),
                    Skipped("#u", "data table", "too big", 30, 4), Skipped("x", "image credit", "credit"),
                    Skipped("nav", "page navigation", "links", 10)]) == (
        "not read: 2 data tables of 19 rows, 2 code blocks, page navigation, 1 image credit")
    assert summary([Skipped("#t", "data table", "too big", 300, 1)]) == "not read: 1 data table of 1 rows"


def test_the_page_around_the_lesson_is_never_counted() -> None:
    assert summary([Skipped("a", "page chrome", "r"), Skipped("b", "page chrome", "r"),
                    Skipped("body", "page around the editor", "r")]) == "not read: page chrome, page around the editor"


def test_plurals_of_the_kinds() -> None:
    assert summary([Skipped("a", "code in a table", "r", 0, 2)] * 2 + [Skipped("b", "entry", "r")] * 3
                   + [Skipped("c", "display", "r")] * 2 + [Skipped("d", "page metadata line", "r")] * 4) == (
        "not read: 2 codes in a table, 3 entries, 2 displays, 4 page metadata lines")


def test_a_dry_run_line_says_where_what_why_and_how_big() -> None:
    assert describe(Skipped("#t", "data table", "mostly numbers", 300, 15)) == \
        "#t: data table (15 rows, 300 characters): mostly numbers"
    assert describe(Skipped("body > pre:nth-of-type(1)", "code block", "code is not read", 40, 3)) == \
        "body > pre:nth-of-type(1): code block (3 lines, 40 characters): code is not read"
    assert describe(Skipped("nav", "page navigation", "navigation links", 90, 2)) == \
        "nav: page navigation (90 characters): navigation links"

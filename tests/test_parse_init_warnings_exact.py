"""What parse_html tells the user besides the blocks (narrator/parse/__init__.py): no warning for a
lesson read as it is; one line naming the file for a document with nothing to read but headings,
and if the parser ever runs out of stack."""

from __future__ import annotations

import pytest

import narrator.parse.html
from narrator.config import ParseConfig
from narrator.errors import BadInput
from narrator.parse import parse_html


def test_a_clean_lesson_leaves_no_warning() -> None:
    # valid UTF-8, and plain ASCII: nothing repaired, nothing to warn about (the command line
    # prints each warning as a line of its own)
    for data in (b"<p>Caf\xc3\xa9 ok here.</p>", b"<p>Plain text.</p>"):
        assert parse_html(data, "n.html", ParseConfig()).warnings == ()


def test_a_stack_overflow_in_the_parser_is_one_line_naming_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # simulated: the tree is built iteratively (tree.py) and no input found overflows it; the
    # guard is there so that a parser update that recursed would still give one line, no traceback
    def overflow(markup: str, work: object = None) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(narrator.parse.html, "parse_soup", overflow)
    with pytest.raises(BadInput) as e:
        parse_html(b"<p>Text.</p>", "dir/lesson.html", ParseConfig())
    assert (e.value.path, e.value.problem) == ("dir/lesson.html", "markup nested too deeply to parse")
    assert str(e.value) == "dir/lesson.html: markup nested too deeply to parse"
    assert e.value.__cause__ is None and e.value.__suppress_context__  # no RecursionError shown with it


def test_a_document_of_headings_only_is_refused_in_one_line() -> None:
    # headings are chapter titles: without a block under any of them there is nothing to narrate
    for markup in ("<h2>Only a heading</h2>", "<h1>Title</h1><h2>Part one</h2>",
                   "<html><head><title>Page</title></head><body><h1>Page</h1></body></html>"):
        with pytest.raises(BadInput) as e:
            parse_html(markup.encode(), "dir/lesson.html", ParseConfig())
        assert str(e.value) == "dir/lesson.html: no speakable text in the document"
        assert (e.value.path, e.value.problem) == ("dir/lesson.html", "no speakable text in the document")

"""A line break in a lesson's source is a space between words (narrator/parse/runs.py), none
between two CJK characters, and none before a mark that closes what comes before it: a Notion
export wraps "<strong>Provision</strong>\n: If", which was shown "Provision : If". Code and marks
that start a token keep their space: "run ./configure" must not become "run./configure"."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html


def texts(body: str) -> list[str]:
    doc = parse_html(f"<html><body>{body}</body></html>".encode(), "dir/lesson.html", ParseConfig())
    return [b.text for c in doc.chapters for b in c.blocks]


def test_a_line_break_before_a_closing_mark_is_no_space() -> None:
    assert texts("<p><strong>Provision</strong>\n: If so\n, then\n. (It is the law\n) here\n.</p>") == [
        "Provision: If so, then. (It is the law) here."]


def test_a_closing_mark_followed_by_other_elements_then_a_space_still_closes() -> None:
    # the space may come in the next element ("<i> next</i>"), after empty ones, or not at all
    assert texts("<p><strong>Provision</strong>\n,<i> next</i> and\n,<b></b><i></i> more\n.<b></b></p>") == [
        "Provision, next and, more."]


def test_a_line_break_between_chinese_characters_is_no_space() -> None:
    assert texts("<p>绿茶\n热饮</p>") == ["绿茶热饮"]


@pytest.mark.parametrize("body, text", [
    ("<p>Then run\n<code>./configure</code> and make.</p>", "Then run ./configure and make."),
    ("<p>Then run\n./configure and make.</p>", "Then run ./configure and make."),
    ("<p>The walrus operator\n:= binds.</p>", "The walrus operator := binds."),
    ("<p>Press\n<kbd>?</kbd> for help.</p>", "Press ? for help."),
    ("<p>Type\n<code>.</code> to repeat.</p>", "Type . to repeat."),
    ("<p>Give a\n<code>.ini</code> file.</p>", "Give a .ini file."),
    ("<p>Open a\n<b>.</b>ini file.</p>", "Open a .ini file."),
    ("<p>Style the\n::before part.</p>", "Style the ::before part."),
])
def test_code_and_marks_that_start_a_token_keep_their_space(body: str, text: str) -> None:
    assert texts(body) == [text]

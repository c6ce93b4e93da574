"""Line breaks inside Chinese text (narrator/parse/runs.py, make_runs): a lone carriage return
(old Mac line ends) is a line break too, and vanishes between CJK characters."""

from __future__ import annotations

from narrator.parse.runs import Piece, make_runs
from narrator.values import Run

NONE: frozenset[str] = frozenset()


def test_a_carriage_return_between_chinese_characters_vanishes() -> None:
    assert make_runs([Piece("中文\r中文", NONE, None, None)]) == (Run("中文中文"),)
    assert make_runs([Piece("中文\r", NONE, None, None), Piece("中文", NONE, None, None)]) == (Run("中文中文"),)
    assert make_runs([Piece("中文\t中文 a\rb", NONE, None, None)]) == (Run("中文 中文 a b"),)

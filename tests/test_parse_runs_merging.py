"""Runs merged across pieces (narrator/parse/runs.py, make_runs): pieces of the same marks,
language and emotion make one run, which keeps that emotion."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup
from narrator.parse.runs import Piece, make_runs
from narrator.values import Run

NONE: frozenset[str] = frozenset()


def test_merged_pieces_keep_their_emotion() -> None:
    assert make_runs([Piece("so ", NONE, "fr", "sad"), Piece("sad", NONE, "fr", "sad")]) == (
        Run("so sad", NONE, "fr", "sad"),)
    block = Walker(ParseConfig()).walk(parse_soup(
        '<p><span data-emotion="excited">We <span>won</span> it</span> today</p>').body)[0]
    assert [(r.text, r.emotion) for r in block.runs] == [("We won it", "excited"), (" today", None)]

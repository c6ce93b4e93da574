"""Ranges a caller keeps whole (formulas, links) when a long sentence is cut
(narrator.script.sentences.split_long's ``keep``): no cut falls strictly inside one."""

from __future__ import annotations

from narrator.script.sentences import split_long

TEXT = "one two three four five six seven eight nine ten"  # 48 characters


def test_a_long_sentence_is_cut_between_words_into_even_pieces() -> None:
    assert split_long(TEXT, 20) == [(0, 18), (19, 33), (34, 48)]


def test_no_cut_falls_inside_a_kept_range() -> None:
    # "three four five six " (8-28) kept: the cuts before "four", "five", "six" and "seven" lie
    # inside it, so the piece holding it runs from the last place before (after "two") to the
    # first after ("seven "), over the limit as it must
    pieces = split_long(TEXT, 20, [(8, 28)])
    assert [TEXT[a:b] for a, b in pieces] == ["one two", "three four five six seven", "eight nine ten"]
    assert pieces == [(0, 7), (8, 33), (34, 48)]


def test_a_kept_range_that_no_chosen_cut_touches_changes_nothing() -> None:
    assert split_long(TEXT, 20, [(4, 13)]) == [(0, 18), (19, 33), (34, 48)]

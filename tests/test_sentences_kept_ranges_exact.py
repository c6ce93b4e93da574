"""Ranges a caller keeps whole (formulas, links) when a long sentence is cut
(narrator.script.sentences: split_long's and sentence_pieces' ``keep``): no cut falls strictly
inside one, wherever the sentence starts; and a sentence is measured by what its links say
(``saved``), not by what they show."""

from __future__ import annotations

import pytest

from narrator.script.sentences import sentence_pieces, split_long

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


def test_a_later_sentence_keeps_its_ranges_where_they_are() -> None:
    # the second sentence starts at 8: its kept range (16-36, "three four five six ") is cut
    # around, as split_long does with the sentence alone
    text = "Go now. " + TEXT.capitalize()
    assert sentence_pieces(text, max_chars=20, max_chars_cjk=80, keep=[(16, 36)]) == [
        (0, 7, False), (8, 15, True), (16, 41, True), (42, 56, False)]


URL = "https://example.com/" + "a" * 40  # 60 characters
LINKED = "Introduction to the topic. Read " + URL + " today."  # the link at 32-92


@pytest.mark.parametrize("max_chars_cjk, saved", [
    (80, 49),  # "Read <link> today." shows 72 characters and says 23: under the limit of 40
    (20, 32),  # says exactly 40, the Latin limit (the shorter Chinese one does not apply)
])
def test_a_sentence_is_measured_by_what_its_link_says(max_chars_cjk: int, saved: int) -> None:
    assert sentence_pieces(LINKED, max_chars=40, max_chars_cjk=max_chars_cjk, keep=[(32, 92)],
                           saved=[(32, 92, saved)]) == [(0, 26, False), (27, 99, False)]


def test_a_sentence_whose_link_says_more_than_the_limit_is_cut_around_it() -> None:
    # said 41 (saved 31): over 40, cut before and after the link, never inside it
    assert sentence_pieces(LINKED, max_chars=40, max_chars_cjk=80, keep=[(32, 92)], saved=[(32, 92, 31)]) == [
        (0, 26, False), (27, 31, True), (32, 92, True), (93, 99, False)]


def test_a_cut_right_after_a_kept_range_is_allowed() -> None:
    # "three four five six" (8-27) kept, the space after it (27) is a place to cut: the pieces
    # are "one two" | "three four five six" (19) | "seven eight nine ten" (20)
    assert split_long(TEXT, 20, [(8, 27)]) == [(0, 7), (8, 27), (28, 48)]

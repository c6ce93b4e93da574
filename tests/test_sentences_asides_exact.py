"""Cuts before an aside and inside a long one (narrator.script.sentences.split_long): the place
before a parenthesis of three words or more counts as half a cut (as before "and"), never after
a function word ("notes of | (...)"); a parenthesis longer than the limit is cut between its
words while a short one stays whole. Exact expected spans, reasoned from the cut costs."""

from __future__ import annotations

from narrator.script.sentences import split_long


def test_the_place_before_an_aside_counts_as_half_a_cut() -> None:
    # 51 characters, limit 34: "alpha beta gamma | (one two three) delta epsilon zeta" (16, 34)
    # cuts before the aside; "... (one two three) | delta epsilon zeta" (32, 18) would be more
    # even, but it is a whole cut between words
    text = "alpha beta gamma (one two three) delta epsilon zeta"
    assert split_long(text, 34) == [(0, 16), (17, 51)]


def test_an_aside_after_a_function_word_is_no_cut_but_a_later_one_still_is() -> None:
    # 75 characters, limit 34: three pieces. No cut before "(the old city)" (it would leave "of"
    # hanging); the later aside still counts half: 23 | 16 | 34, one word cut and one aside cut
    text = "notes of (the old city) alpha beta gamma (one two three) delta epsilon zeta"
    assert [text[a:b] for a, b in split_long(text, 34)] == [
        "notes of (the old city)", "alpha beta gamma", "(one two three) delta epsilon zeta"]


def test_a_parenthesis_longer_than_the_limit_is_cut_between_its_words_a_short_one_is_not() -> None:
    # 77 characters, limit 24. "(red green blue)" (16) stays whole: the last piece is it with
    # "old day" (24; "old day" alone would be a piece of two words). The first 52 characters
    # need three pieces, cut inside the long parenthesis: 15, 19, 16 is the evenest without a
    # piece of one or two words.
    text = "We saw (one two three four five six seven eight) the (red green blue) old day"
    assert [text[a:b] for a, b in split_long(text, 24)] == [
        "We saw (one two", "three four five six", "seven eight) the", "(red green blue) old day"]


def test_an_aside_cut_counts_half_when_a_short_parenthesis_must_be_cut_too() -> None:
    # 57 characters, limit 26. "(one two three four five)" (25) whole leaves "last week" alone,
    # so it is cut inside; then the cut before it counts half: 21 | 19 | 15 (one aside cut and
    # one word cut) beats the more even 15 | 20 | 20 (two word cuts)
    text = "We read the old notes (one two three four five) last week"
    assert [text[a:b] for a, b in split_long(text, 26)] == [
        "We read the old notes", "(one two three four", "five) last week"]


def test_an_aside_cut_counts_half_beside_a_token_longer_than_the_limit() -> None:
    # limit 18: the 34-letter word is kept whole (a piece over the limit), "alpha" before it a
    # piece of its own. The rest (45 characters) takes three pieces with one piece of two words
    # either way; the cut before the aside counts half, so "beta gamma | (one two three) | ..."
    # beats the more even "beta gamma (one | two three) delta | epsilon zeta"
    text = "alpha supercalifragilisticexpialidocious beta gamma (one two three) delta epsilon zeta"
    assert [text[a:b] for a, b in split_long(text, 18)] == [
        "alpha", "supercalifragilisticexpialidocious", "beta gamma", "(one two three)", "delta epsilon zeta"]

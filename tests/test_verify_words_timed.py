"""Word times for the read-along player and the captions, from what the recognizer heard: every
displayed word gets a time, in order; a word heard in several pieces spans them all; words not
heard are spread evenly between heard neighbours, or pinned to the first or last heard word."""

from __future__ import annotations

from narrator.synthesis.verify.words import display_words, timed_words


def test_display_words_keep_punctuation_with_the_word_before_it() -> None:
    assert display_words("— Yes, well ... no!") == ["—", "Yes,", "well ...", "no!"]
    assert display_words("今天，很好。") == ["今", "天，", "很", "好。"]
    assert display_words("") == []


def test_unheard_words_are_spread_evenly_between_their_heard_neighbours() -> None:
    heard = [("Water", 0.0, 0.4), ("rises", 0.5, 0.9), ("rain.", 3.0, 3.4)]
    assert timed_words("Water rises, cools and falls as rain.", "en", heard) == [
        ("Water", 0.0, 0.4), ("rises,", 0.5, 0.9), ("cools", 0.9, 1.425), ("and", 1.425, 1.95),
        ("falls", 1.95, 2.475), ("as", 2.475, 3.0), ("rain.", 3.0, 3.4)]


def test_words_before_the_first_heard_or_after_the_last_are_pinned_to_it() -> None:
    heard = [("cools", 1.0, 1.5), ("and", 1.5, 1.8)]
    assert timed_words("Water rises, cools and falls as rain.", "en", heard) == [
        ("Water", 1.0, 1.0), ("rises,", 1.0, 1.0), ("cools", 1.0, 1.5), ("and", 1.5, 1.8),
        ("falls", 1.8, 1.8), ("as", 1.8, 1.8), ("rain.", 1.8, 1.8)]


def test_a_word_heard_in_pieces_spans_them_and_pieces_of_words_share_one_time() -> None:
    heard = [("It", 0.0, 0.2), ("was", 0.2, 0.4), ("nineteen", 0.5, 0.9), ("ninety-nine", 0.9, 1.6)]
    assert timed_words("It was 1999.", "en", heard) == [("It", 0.0, 0.2), ("was", 0.2, 0.4), ("1999.", 0.5, 1.6)]
    assert timed_words("一二三四", "zh", [("一", 0.0, 0.3), ("二三", 0.3, 0.8), ("四", 1.0, 1.2)]) == [
        ("一", 0.0, 0.3), ("二", 0.3, 0.8), ("三", 0.3, 0.8), ("四", 1.0, 1.2)]


def test_times_never_go_back_and_are_rounded_to_the_millisecond() -> None:
    # the recognizer put "b" before "a": the player must not jump back
    heard = [("alpha", 1.00049, 1.5), ("beta", 0.7, 0.9), ("gamma", 2.0, 2.2)]
    assert timed_words("alpha beta gamma", "en", heard) == [("alpha", 1.0, 1.5), ("beta", 1.0, 1.0),
                                                           ("gamma", 2.0, 2.2)]


def test_nothing_heard_or_nothing_to_time_gives_no_words() -> None:
    assert timed_words("Water rises.", "en", []) == []
    assert timed_words("— …", "en", [("water", 0.0, 1.0)]) == []
    assert timed_words("Water rises.", "en", [("…", 0.0, 1.0)]) == []


def test_a_word_starts_at_the_earliest_of_its_heard_pieces() -> None:
    # recognizers' word timestamps are not always in order within one number said in pieces
    heard = [("It", 0.0, 0.2), ("nineteen", 0.9, 1.2), ("ninety-nine", 0.5, 0.8)]
    assert timed_words("It 1999", "en", heard) == [("It", 0.0, 0.2), ("1999", 0.5, 1.2)]

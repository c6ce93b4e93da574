"""Where a long sentence is cut at its edges (narrator.script.sentences.split_long): the first
word read as a whole word, a one-letter first word before a token longer than the limit, a
Chinese comma right before a formula kept whole. Exact expected spans."""

from __future__ import annotations

from narrator.script.sentences import split_long


def test_the_first_word_is_judged_whole_before_a_conjunction() -> None:
    # 19 characters, limit 16: every two-piece split leaves a piece of one or two words, "Cat" or
    # "games" at best; the cut before "and" counts half, so "Cat | and mouse games" wins. "Cat"
    # is not the function word "at" (which would leave "at" hanging and forbid that cut).
    text = "Cat and mouse games"
    assert split_long(text, 16) == [(0, 3), (4, 19)]


def test_a_one_letter_first_word_stays_apart_from_a_token_longer_than_the_limit() -> None:
    # the link (36 characters) is longer than the limit and stays whole; the word before it is a
    # piece of its own, not glued onto it (a piece over the limit is the token alone)
    text = "I https://example.com/a/very/long/path"
    assert split_long(text, 20) == [(0, 1), (2, 38)]
    assert split_long("a " + "x" * 30, 10) == [(0, 1), (2, 32)]


def test_a_chinese_comma_right_before_a_kept_formula_is_still_a_cut() -> None:
    # 30 characters, limit 14; the formula "E=mc^2" (10-16) starts right after the first "，":
    # the cut there (10) is at the formula's edge, not inside it, so the comma ends the first
    # piece and the formula starts the second
    head, formula = "这是一个很长的句子，", "E=mc^2"
    text = head + formula + "是著名的公式，大家都知道的吧"
    assert split_long(text, 14, [(10, 16)]) == [(0, 10), (10, 23), (23, 30)]
    assert [text[a:b] for a, b in split_long(text, 14, [(10, 16)])] == [
        "这是一个很长的句子，", "E=mc^2是著名的公式，", "大家都知道的吧"]


def test_a_token_longer_than_the_limit_at_the_end_stays_apart_from_the_words_before_it() -> None:
    # limit 12: the 34-letter word stays whole; a colon or a space after it (the end of the
    # sentence) is no place to cut, and the words before it are still a piece of their own
    assert split_long("Then came supercalifragilisticexpialidocious:", 12) == [(0, 9), (10, 45)]
    assert split_long("Then came supercalifragilisticexpialidocious ", 12) == [(0, 9), (10, 44)]

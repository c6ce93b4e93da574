"""A long Chinese sentence cut between jieba's words (narrator.script.sentences.split_long):
never inside a Latin token (a number, a program's name, a site), the most even pieces first,
and a sentence ending in a Latin word is cut like any other."""

from __future__ import annotations

from narrator.script.sentences import split_long


def test_latin_tokens_in_chinese_text_are_never_cut() -> None:
    text = "我们在2024年使用Python3.11和C++写了example.com网站"  # 39 characters
    pieces = split_long(text, 12)
    assert all(b - a <= 12 for a, b in pieces)
    shown = [text[a:b] for a, b in pieces]
    for token in ("2024", "Python3.11", "C++", "example.com"):
        assert any(token in piece for piece in shown), (token, shown)
    assert "".join(shown) == text


def test_the_most_even_cut_between_words_is_taken() -> None:
    # 13 characters over a limit of 10: two pieces. jieba's words end at 1, 5, 6, 10, 11, 12; 6
    # gives 6 + 7, the most even: "4和|2" is a cut between words (only two Latin characters
    # side by side make one token)
    assert split_long("写2024和2024年写的", 10) == [(0, 6), (6, 13)]


def test_a_chinese_sentence_ending_in_a_latin_word_is_cut_before_it() -> None:
    text = "一段很长的中文句子没有任何标点符号一直写到最后是Python"  # 30 characters, no punctuation
    pieces = split_long(text, 12)
    assert len(pieces) == 3 and all(b - a <= 12 for a, b in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == 30 and text[pieces[-1][0]:].endswith("Python")

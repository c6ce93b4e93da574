"""Sentence ends that depend on context (narrator.script.sentences): a Chinese semicolon inside an
aside ends nothing, one after it does; which words start a clause. Exact expected pieces."""

from __future__ import annotations

import pytest

from narrator.script.sentences import split_sentences, starts_clause


def split(text: str, max_chars: int = 160, max_chars_cjk: int = 80, lang: str = "en") -> list[str]:
    return split_sentences(text, max_chars=max_chars, max_chars_cjk=max_chars_cjk, lang=lang)


@pytest.mark.parametrize("text, sentences", [
    # the semicolon inside "（甲；丙）" separates two references, the ones outside end sentences
    ("乙；（甲；丙）丁；戊。", ["乙；", "（甲；丙）丁；", "戊。"]),
    # an aside closed before the semicolon: it ends the sentence
    ("（见上文）他说；我们走。", ["（见上文）他说；", "我们走。"]),
])
def test_a_chinese_semicolon_ends_a_sentence_only_outside_brackets(text: str, sentences: list[str]) -> None:
    assert split(text) == sentences


@pytest.mark.parametrize("text, starts", [
    ("  and then", True),  # leading spaces do not matter
    ("Android phones", False),  # a word that starts like "and" is no connector
    ("las cuales incluían", True),
    ("因为下雨", True),
    ("The end", False),
    ("", False),
])
def test_which_words_start_a_clause(text: str, starts: bool) -> None:
    assert starts_clause(text) is starts

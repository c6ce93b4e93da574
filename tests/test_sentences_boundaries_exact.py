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


@pytest.mark.parametrize("text, sentences", [
    # a middle dot lost between two parts of a Chinese name is no question mark
    ("史蒂夫?乔布斯是创始人。", ["史蒂夫?乔布斯是创始人。"]),
    # a numbered heading's Roman numeral at the start of the text ends nothing ...
    ("IX. Scope of work", ["IX. Scope of work"]),
    ("XII. Remedies. Then", ["XII. Remedies.", "Then"]),
    # ... elsewhere "IX." ends a sentence
    ("Chapter IX. Then", ["Chapter IX.", "Then"]),
])
def test_question_marks_and_numerals_that_end_nothing(text: str, sentences: list[str]) -> None:
    assert split(text) == sentences


# what counts as a CJK character or wide punctuation: a full stop before one ends a sentence
# ("3.14" does not, "完成.下一步" does), and no Latin token runs into one
INSIDE = "\u3000\u303f\u3040\u30ff\u3400\u4dbf\u4e00\u9fff\uac00\ud7af\uf900\ufaff\uff00\uffef" \
         "\U00020000\U0003134f\u2014\u2026\u201c\u201d\u2018\u2019"
OUTSIDE = "\u2fff\u3100\u33ff\u4dc0\ua000\uabff\ud7b0\uf8ff\ufb00\ufeff\ufff0\U0001ffff\U00031350-a1."


@pytest.mark.parametrize("ch", list(INSIDE))
def test_each_cjk_range_and_wide_mark_is_counted_to_its_ends(ch: str) -> None:
    from narrator.script.sentences import _is_cjk_or_punct
    assert _is_cjk_or_punct(ch), hex(ord(ch))


@pytest.mark.parametrize("ch", list(OUTSIDE))
def test_characters_just_outside_the_cjk_ranges_are_not(ch: str) -> None:
    from narrator.script.sentences import _is_cjk_or_punct
    assert not _is_cjk_or_punct(ch), hex(ord(ch))

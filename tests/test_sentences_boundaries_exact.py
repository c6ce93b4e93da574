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
    ("（甲；乙）丙；丁。", ["（甲；乙）丙；", "丁。"]),  # the bracket opening the text counts
    ("（；甲）。", ["（；甲）。"]),
    # a sentence that starts inside an aside: a semicolon as deep as its start ends it
    ("（第一句。第二句；第三句）", ["（第一句。", "第二句；", "第三句）"]),
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


@pytest.mark.parametrize("text, sentences", [
    # a Roman numeral opening a line is a heading's number, after spaces or an opener too ...
    (" IX. Scope of work", ["IX. Scope of work"]),
    ("Intro\nIX. Scope", ["Intro", "IX. Scope"]),
    ("I. Intro\nII. Scope", ["I. Intro", "II. Scope"]),
    ("a long first line of the text here\nIX. Scope", ["a long first line of the text here", "IX. Scope"]),
    ("(IX. Scope)", ["(IX. Scope)"]),
    ("A\nB\nIX. Scope", ["A", "B", "IX. Scope"]),  # the last line break before it
    # ... not after a word on its line, even one letter, nor before a line break
    ("Intro\nA IX. Scope", ["Intro", "A IX.", "Scope"]),
    ("Chapter IX. Then\nNext", ["Chapter IX.", "Then", "Next"]),
    # ... looked for 24 characters back
    (" " * 24 + "IX. Scope", ["IX. Scope"]),
    (" " * 25 + "IX. Scope", ["IX.", "Scope"]),
    ("Intro\n" + " " * 25 + "IX. Scope", ["Intro", "IX.", "Scope"]),
])
def test_a_roman_numeral_that_opens_a_line_ends_nothing(text: str, sentences: list[str]) -> None:
    assert split(text) == sentences


@pytest.mark.parametrize("text, sentences", [
    # the word before a full stop starts after a space, a line break or a no-break space
    ("Intro\nDr. Smith came.", ["Intro", "Dr. Smith came."]),
    ("Hi\nyo\nDr. Smith came.", ["Hi", "yo", "Dr. Smith came."]),
    ("See\u00a0Dr. Smith now.", ["See\u00a0Dr. Smith now."]),
    ("A\u00a0B\u00a0Dr. Smith came.", ["A\u00a0B\u00a0Dr. Smith came."]),
    (" Dr. Smith came.", ["Dr. Smith came."]),
    # a line break after the sentence is not the start of its last word
    ("Dr. Smith came\nThen", ["Dr. Smith came", "Then"]),
    # a full stop after nothing, or after a Chinese word, ends a sentence
    ("Wait . Then", ["Wait .", "Then"]),
    ("完成. Next", ["完成.", "Next"]),
    # abbreviations before a number end nothing; "etc." ends one only before a capital
    ("Apples, pears, etc. 5 kinds in all.", ["Apples, pears, etc. 5 kinds in all."]),
    ("The A.B.C. 5 list is long.", ["The A.B.C. 5 list is long."]),
    ("Team A vs. 3 others won.", ["Team A vs. 3 others won."]),
])
def test_where_the_word_before_a_full_stop_starts(text: str, sentences: list[str]) -> None:
    assert split(text) == sentences


@pytest.mark.parametrize("text, sentences", [
    # a two-part abbreviation at the very start of the text
    ("z. B. Äpfel sind rot.", ["z. B. Äpfel sind rot."]),
    # a day or a century has two digits at most: "100." is a number ending a sentence
    ("Die Zahl war 100. Oktober kam später.", ["Die Zahl war 100.", "Oktober kam später."]),
    ("Am 20. Oktober kam er.", ["Am 20. Oktober kam er."]),
])
def test_german_abbreviations_and_dates(text: str, sentences: list[str]) -> None:
    assert split(text, lang="de") == sentences


@pytest.mark.parametrize("text, kept", [
    ("\u2b50\ufe0f Popular features", "Popular features"),
    ("a \U0001f440 b", "a b"),
    ("Ready \u2705", "Ready"),
    ("no emoji  here ", "no emoji  here "),  # untouched, spaces and all
    ("\u2776 first", "\u2776 first"),  # a dingbat digit is a number
])
def test_emoji_are_taken_out_with_the_spaces_they_leave(text: str, kept: str) -> None:
    from narrator.script.sentences import strip_emoji
    assert strip_emoji(text) == kept


@pytest.mark.parametrize("text, sentences", [
    # "?" between two Chinese characters is a lost middle dot, anywhere in the text ...
    ("李?明是学生。", ["李?明是学生。"]),
    # ... but not at the start (nothing before it), after a Latin letter, or at the end
    ("?乔布斯是创始人。", ["乔布斯是创始人。"]),
    ("Why?乔布斯说。", ["Why?", "乔布斯说。"]),
    ("好a?乔布斯笑了。", ["好a?", "乔布斯笑了。"]),
    ("他是谁?", ["他是谁?"]),
    # a full-width full stop after an abbreviation ends nothing, like "."
    ("See Dr\uff0e Smith now\uff0e", ["See Dr\uff0e Smith now\uff0e"]),
    # "I" after a question is a new sentence; after a trailing-off it is a hesitation
    ("Really? I think so.", ["Really?", "I think so."]),
    ("Wait\u2026 I think so.", ["Wait\u2026 I think so."]),
])
def test_question_marks_and_stops_by_what_surrounds_them(text: str, sentences: list[str]) -> None:
    assert split(text) == sentences


# -- the language a sentence is read in ---------------------------------------------------------

@pytest.mark.parametrize("lang, cjk, primary", [
    ("zh-CN", True, "zh"), ("zh-Hant-TW", True, "zh"), ("yue", True, "yue"), ("EN_us", False, "en"),
    (" de ", False, "de"), ("", False, ""),
])
def test_a_language_tag_is_read_by_its_primary_subtag(lang: str, cjk: bool, primary: str) -> None:
    from narrator.script.sentences import is_cjk_lang, normalize_lang
    assert is_cjk_lang(lang) is cjk
    assert normalize_lang(lang) == primary


@pytest.mark.parametrize("text, default, lang", [
    ("Hello", "", "en"),  # no default: English
    ("123", "ja", "ja"), ("123", "fr", "fr"),  # nothing to tell by: the default
    ("中", "en", "zh"),  # one character is enough
    # Korean when hangul is more than half of the CJK characters (2 of 4, 2 of 5: not)
    ("한국어", "en", "ko"), ("한국中国", "en", "zh"), ("한국中国人", "en", "zh"),
    ("日本語です", "en", "ja"),  # kana says Japanese
    # Chinese characters alone: the document's Chinese language, else Chinese
    ("广东话", "yue", "yue"), ("中国", "zh-TW", "zh"), ("中国", "ja", "zh"), ("中国", "ko", "zh"),
])
def test_the_language_of_a_sentence(text: str, default: str, lang: str) -> None:
    from narrator.script.sentences import detect_lang
    assert detect_lang(text, default) == lang

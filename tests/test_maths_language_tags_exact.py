"""A lesson's language tag, however it is written (zh-CN, zh_TW, en-GB, none), picks the words a
formula is said in; a formula too long to follow in English is summarised in French too, its
numbers counted as heard (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex, too_long

FORMULA = r"x^2 + \frac{1}{2}"


@pytest.mark.parametrize("lang", ["", "en", "en-GB", "en_US", "EN"])
def test_english_tags_and_no_tag_say_english(lang: str) -> None:
    assert speak_tex(FORMULA, lang) == "x squared plus 1 over 2"


@pytest.mark.parametrize("lang", ["zh", "zh-CN", "zh_TW", "ZH-hant-TW"])
def test_chinese_tags_say_chinese(lang: str) -> None:
    assert speak_tex(FORMULA, lang) == "x 的平方 加 2 分之 1"


@pytest.mark.parametrize("lang", ["fr", "fr-FR", "fr_CA"])
def test_french_tags_say_french(lang: str) -> None:
    assert speak_tex(FORMULA, lang) == "x au carré plus 1 sur 2"


# four numbers of seven digits: 9 words as written, over 40 as heard ("one million two hundred...")
BIG_NUMBERS = r"x = 1234567 + 7654321 + 2345678 + 3456789"


def test_a_formula_long_as_heard_is_summarised_in_french_too() -> None:
    assert too_long(BIG_NUMBERS, "en") == "x equals 1234567 plus 7654321 plus 2345678 plus 3456789"
    assert speak_tex(BIG_NUMBERS, "en") == "a long formula: x equals an expression of 4 terms"
    assert speak_tex(BIG_NUMBERS, "fr") == "une longue formule : x égale une expression de 4 termes"
    assert speak_tex(BIG_NUMBERS, "fr", whole=True) == "x égale 1234567 plus 7654321 plus 2345678 plus 3456789"
    assert too_long(BIG_NUMBERS, "fr") == "x égale 1234567 plus 7654321 plus 2345678 plus 3456789"


def test_symbols_in_a_french_formula_s_text_are_said_in_french() -> None:
    # read in English first (then translated): °C in \text{} becomes words a table can translate
    assert speak_tex(r"\text{5 °C} + x", "fr") == "5 degrés Celsius plus x"

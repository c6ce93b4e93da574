"""The normaliser's front door and its small-run test, exactly as a listener hears them: which
languages are said and which come back as written, the region that reads a date day first, an
exponent left for the maths stage, the digit-by-digit reading when a rule breaks, and which short
cells count as numbers with no language of their own (narrator.normalize, narrator.normalize.runs)."""

from __future__ import annotations

import pytest

import narrator.normalize.en as en
import narrator.normalize.zh as zh
from narrator.normalize import normalize
from narrator.normalize.runs import is_small_run


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("lang", ["en-GB", "EN_gb", "en-gb-oxendict", "en-AU", "en-IN"])
def test_a_day_first_region_reads_the_day_first_whatever_its_spelling(lang: str) -> None:
    assert normalize("11/02/2016", lang) == "the eleventh of february twenty sixteen"


@pytest.mark.parametrize("lang", ["en", "en-US", "en-CA", "EN"])
def test_other_english_reads_the_month_first(lang: str) -> None:
    assert normalize("11/02/2016", lang) == "november second twenty sixteen"


def test_chinese_of_any_region_is_said_in_chinese() -> None:
    assert normalize("5 kg", "zh-TW") == "五千克"
    assert normalize("5 kg", "ZH_cn") == "五千克"


@pytest.mark.parametrize("lang", ["fr", "de-DE", "ja", "eng", "zho"])
def test_other_languages_come_back_as_written(lang: str) -> None:
    assert normalize("Sheet No. 4 weighs 5 kg", lang) == "Sheet No. 4 weighs 5 kg"


def test_empty_text_comes_back_empty() -> None:
    assert normalize("", "en") == ""
    assert normalize("", "zh") == ""


def test_an_exponent_is_left_for_the_maths_stage_and_the_rest_is_said() -> None:
    assert normalize("10^8 kg and 3", "en") == "ten^8 kg and three"
    assert normalize("2^{10} and 3", "en") == "two^{10} and three"
    assert normalize("e^-2 or 4", "en") == "e^-2 or four"
    # a caret that starts no exponent is said with the rest
    assert normalize("x^\\ast 5", "en") == "x^\\ast five"


def test_user_abbreviations_reach_both_sides_of_an_exponent() -> None:
    table = {"abc": "A B C"}
    assert normalize("abc 10^8 abc", "en", abbreviations=table) == "A B C ten^8 A B C"


def test_a_broken_english_rule_costs_a_reading_not_the_narration(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("a bug")

    monkeypatch.setattr(en, "normalize_en", broken)
    assert normalize("Room 42, floor 7", "en") == "Room  four two , floor  seven "


def test_a_broken_chinese_rule_gives_the_text_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("a bug")

    monkeypatch.setattr(zh, "normalize_zh", broken)
    assert normalize("第42页", "zh") == "第42页"


@pytest.mark.parametrize("text", [
    "5", " 42 ", "1" * 200, "$", "+", "10 kg", "5km/h", "3 pm", "7 PM", "12 US$", "10 m²", "1\t2", "1\n2",
    "30%", "38°C", "(3)", "— 5 —",
])
def test_numbers_units_and_symbols_make_a_small_run(text: str) -> None:
    assert is_small_run(text) is True


@pytest.mark.parametrize("text", [
    "", "   ", "1" * 201, "%", "…", "- -", "kg", "m2", "10 kgx", "10 kg of", "1\x002", "Room 5", "5 好",
])
def test_words_punctuation_alone_or_long_text_are_no_small_run(text: str) -> None:
    assert is_small_run(text) is False


def test_user_abbreviations_reach_chinese_too() -> None:
    assert normalize("用AI做", "zh", abbreviations={"AI": "人工智能"}) == "用人工智能做"

"""Exact readings of ~ (similar to or distributed as), of cases' conditions, of a percentage after
a decimal and of a formula pylatexenc cannot read (issue 26: mutants that changed these words
survived the other tests)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    # a capital, a capital Greek letter or a styled letter after ~ is a distribution
    (r"X \sim \Gamma", "X is distributed as capital gamma", "X 服从 大写伽马"),
    (r"X \sim \mathscr{N}(0, 1)", "X is distributed as N of 0, 1", "X 服从 N， 0， 1"),
    (r"Y \sim \mathfrak{F}", "Y is distributed as F", "Y 服从 F"),
    (r"X \sim \mathit{unif}(0, 1)", "X is distributed as unif, 0, 1", "X 服从 unif， 0， 1"),  # a styled name
    # a lower-case macro or a fraction is an asymptotic likeness
    (r"n \sim \log n", "n is similar to log n", "n 相似于 log n"),
    (r"a_n \sim \frac{1}{n}", "a n is similar to 1 over n", "a n 相似于 n 分之 1"),
    (r"x \sim \alpha", "x is similar to alpha", "x 相似于 阿尔法"),
])
def test_a_tilde_is_a_distribution_before_a_capital_and_a_likeness_otherwise(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_a_condition_written_with_its_own_if_is_not_given_a_second_one() -> None:
    tex = r"\begin{cases} 1 & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}"
    assert speak_tex(tex, "en") == "1 if x is greater than 0; 0 otherwise"
    tex = r"\begin{cases} 1 & \text{If } x > 0 \\ 0 & \text{else} \end{cases}"
    assert speak_tex(tex, "en") == "1 If x is greater than 0; 0 else"


def test_a_condition_in_two_columns_is_said_as_one() -> None:
    tex = r"\begin{cases} 1 & \text{if } x > 0, & \text{and } y > 0 \\ 0 & \text{otherwise} \end{cases}"
    assert speak_tex(tex, "en") == "1 if x is greater than 0, and y is greater than 0; 0 otherwise"


@pytest.mark.parametrize("other", ["其他", "其它", "otherwise", ""])
def test_a_chinese_otherwise_is_the_other_case(other: str) -> None:
    tex = rf"\begin{{cases}} 1 & x > 0 \\ 0 & \text{{{other}}} \end{{cases}}"
    assert speak_tex(tex, "zh") == "当 x 大于 0 时为 1；其他情况为 0"


def test_a_decimal_percentage_is_said_as_one_number_in_chinese() -> None:
    assert speak_tex(r"2.5\%", "zh") == "百分之2.5"
    assert speak_tex(r"x_5\%", "zh") == "x 百分之5"
    assert speak_tex(r"2.5\%", "en") == "2.5 percent"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_formula_pylatexenc_cannot_read_is_said_by_its_characters(lang: str) -> None:
    # only a stray closing is left when a formula was cut after its environment
    assert speak_tex(r"\end{cases}", lang) == "end cases"
    assert speak_tex("}", lang) == ""

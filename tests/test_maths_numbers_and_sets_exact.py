"""Exact readings of grouped thousands next to other symbols, of number sets with a power, and of
functions named by a word (issue 26: mutants that changed these words survived the other tests)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    # a comma before three digits groups thousands even when more of the formula follows
    (r"x = 1,000 + y", "x equals 1,000 plus y", "x 等于 1,000 加 y"),
    (r"1,000,000 - x", "1,000,000 minus x", "1,000,000 减 x"),
    (r"(0,1) + 1,000", "0, 1, plus 1,000", "0， 1， 加 1,000"),
    # else it separates
    (r"f(1,5)", "f of 1, 5", "f， 1， 5"),
    (r"1,00", "1, 00", "1， 00"),
])
def test_a_comma_groups_thousands_only_before_exactly_three_digits(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"x^{2} \in \mathbb{R}^{n}", "x squared in R n", "x 的平方 属于 R n"),
    (r"x_n \in \mathbb{R}^n", "x n in R n", "x n 属于 R n"),
    (r"\mathbb{R}^n\times\mathbb{R}^m", "R n times R m", "R n 乘 R m"),
    (r"y = \mathbb{R}^{n}\times\mathbb{R}", "y equals R n times the real numbers", "y 等于 R n 乘 实数集"),
    (r"\mathbb{R}^", "R", "R"),  # a power cut off
])
def test_a_number_set_with_a_power_is_its_letter_and_the_power(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en"), [
    (r"y = income(t)", "y equals income of t"),
    (r"cost(x) + y", "cost of x, plus y"),
    (r"Δprice(t)", "delta price of t"),
])
def test_a_word_before_brackets_is_a_function(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en

"""Ordinary formulas read exactly (narrator/script/maths.py): a letter called on an argument
through its wrapper (\\vec{r}(t), \\mathbf{r}(t), \\mathrm{P}(A)), a fraction with a longer bottom,
d over 2 that is no derivative, a number before a matrix or a braced symbol, a root's ordinal,
a unit with the micro prefix at a formula's start, and bars that do not pair.

Fixed here: an upright P or E before brackets (\\mathrm{P}(A), \\operatorname{E}(X)) was read as
a product, "P, A", where the italic P(A) is "P of A"."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\vec{r}(t)", "vector r of t", "向量 r t"),  # a vector function of time
    (r"x + \mathbf{r}(t)", "x plus r of t", "x 加 r t"),  # the bold letter not first in the formula
])
def test_a_letter_in_a_wrapper_before_brackets_is_a_function_when_it_names_one(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\mathrm{P}(A)", "P of A", "P A"),  # probability written upright
    (r"\operatorname{E}(X)", "E of X", "E X"),  # an expectation
    (r"\mathrm{P}(A \mid B)", "P of A given B", "P， A 给定 B"),  # in Chinese, not a simple argument
])
def test_an_upright_p_or_e_before_brackets_is_a_function_as_the_italic_one(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_an_upright_lowercase_letter_before_brackets_is_a_product() -> None:
    assert speak_tex(r"\mathrm{a}(b + c)", "en") == "a, b plus c"
    assert speak_tex(r"\mathrm{a}(b + c)", "zh") == "a， b 加 c"


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"r = \frac{d}{2}", "r equals d over 2", "r 等于 2 分之 d"),  # a radius from a diameter
    (r"\frac{1}{2x}", "the fraction 1, over 2 x", "2 x 分之 1"),  # two words below: said as a fraction
    (r"\frac{dy}{dx}", "d y by d x", "y 对 x 的导数"),
])
def test_fractions_and_derivatives(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_a_root_with_a_three_digit_index_takes_its_ordinal_from_its_last_two_digits() -> None:
    assert speak_tex(r"\sqrt[121]{x}", "en") == "the 121st root of x"
    assert speak_tex(r"\sqrt[111]{x}", "en") == "the 111th root of x"


@pytest.mark.parametrize(("tex", "en"), [
    (r"2\begin{pmatrix}1\\2\end{pmatrix}", "2 the column vector 1, 2"),  # a scalar times a vector
    (r"3{\pi}", "3 pi"),  # a braced command after a number (TeX written by a converter)
    (r"|{x}|", "the absolute value of x"),
])
def test_a_number_or_a_bar_before_a_group_or_an_environment(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


def test_the_micro_prefix_opening_a_formula_is_the_units_prefix() -> None:
    assert speak_tex(r"\mu\mathrm{m}^{-1}", "en") == "per micrometer"
    assert speak_tex(r"\mu\mathrm{m}^{-1}", "zh") == "每微米"


def test_two_bars_that_close_nothing_are_a_pause_not_a_crash() -> None:
    # "||" pairs with no other bar: a norm's bar without its partner, said as a bracket's pause
    assert speak_tex("a || b", "en") == "a, b"
    assert speak_tex("||x", "en") == "x"

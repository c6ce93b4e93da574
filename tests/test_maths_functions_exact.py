"""When a bracket is a function's argument ("f of x") and when a minus is a sign
(narrator/script/maths.py: _Speaker.called, operand_before), exactly, in English and Chinese."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("tex, en, zh", [
    # a function's letter, through primes, stars and subscripts
    ("f'(x)", "f prime of x", "f 撇 x"),
    ("f_n(x)", "f n of x", "f n x"),
    ("G^*(i)", "G star of i", "G 星 i"),
    (r"\lambda_{\min}(A)", "lambda min of A", "兰姆达 min A"),
    (r"\hat{f}(x)", "f hat of x", "f 尖 x"),
    (r"\mathsf{H}(x)", "H of x", "H x"),
    (r"\operatorname{ab}(x)", "ab of x", "ab x"),
    (r"\boldsymbol{x}(t)", "x of t", "x t"),
    (r"\phi(x)", "phi of x", "斐 x"),
    (r"\Psi(x)", "capital psi of x", "大写普西 x"),
    (r"\sin(x)", "sine of x", "sin x"),
    ("Dec(i)", "Dec of i", "Dec i"),
    ("f(x)g(x)", "f of x, g of x", "f x g x"),
    # not functions: products and groups
    (r"\mathbf{r}(t + 1)", "r, t plus 1", "r， t 加 1"),  # a bold letter before a sum: a product
    (r"\mathrm{x1}(t)", "x1, t", "x1， t"),
    (r"\bm{ab}(x)", "a b, x", "a b， x"),
    ("a(b+c)", "a, b plus c", "a， b 加 c"),
    ("x(y)", "x, y", "x， y"),
    (r"\alpha(x)", "alpha, x", "阿尔法， x"),
    ("(a)(b)", "a, b", "a， b"),
])
def test_a_bracket_after_a_function_is_its_argument(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex, en, zh", [
    # after an operand a minus subtracts (减)
    ("a -b", "a minus b", "a 减 b"),
    ("(a) - b", "a, minus b", "a， 减 b"),
    (r"\alpha - b", "alpha minus b", "阿尔法 减 b"),
    ("x^2 - 1", "x squared minus 1", "x 的平方 减 1"),
    ("f' - g", "f prime minus g", "f 撇 减 g"),
    ("n! - 1", "n factorial minus 1", "n 的阶乘 减 1"),
    ("|x| - 1", "the absolute value of x, minus 1", "x 的绝对值 减 1"),
    (r"\vec{a} - b", "vector a minus b", "向量 a 减 b"),
    (r"\text{A} - b", "A minus b", "A 减 b"),
    (r"\frac{1}{2} - x", "1 over 2 minus x", "2 分之 1 减 x"),
    (r"\left( x \right) - y", "x, minus y", "x， 减 y"),
    (r"\{ x \} - y", "the set x, minus y", "集合 x， 减 y"),
    # at the start or after an operator it is a sign (负)
    ("-x + y", "minus x plus y", "负 x 加 y"),
    (r"x \leq -1", "x is less than or equal to minus 1", "x 小于等于 负 1"),
    (r"a \times -b", "a times minus b", "a 乘 负 b"),
    (r"a \cdot -b", "a times minus b", "a 乘 负 b"),
    ("a = -b", "a equals minus b", "a 等于 负 b"),
    ("(-a)", "minus a", "负 a"),
])
def test_a_minus_subtracts_after_an_operand(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex, en, zh", [
    (r"\mathbb{N}", "the natural numbers", "自然数集"),
    (r"\mathbb{C}", "the complex numbers", "复数集"),
    ("ℕ", "the natural numbers", "自然数集"),
    ("ℂ^n", "C n", "C n"),
    (r"\mathbb{Q}^+", "Q plus", "Q 加"),
    (r"\mathbb{X}", "X", "X"),  # no set of that name: the letter
])
def test_number_sets(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex, en, zh", [
    # a transpose written inside a style switch, as a letter or the ⊤ sign; a small t is a power
    (r"A^{\rm T}", "A transpose", "A 的转置"),
    (r"A^{\rm ⊤}", "A transpose", "A 的转置"),
    (r"A^{\rm t}", "A to the power t", "A 的 t 次方"),
])
def test_a_transpose_mark_is_not_a_power(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

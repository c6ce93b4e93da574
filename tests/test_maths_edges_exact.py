"""Spaces and marks where TeX allows them (narrator/script/maths.py), exactly: a space before a
power of a number set, a negative thin space between units, a space after a mantissa's point,
an unclosed bracket around a placeholder dot, the minus sign U+2212 in a caret power of text."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_symbols, speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("tex, en, zh", [
    (r"\mathbb{R}^ n", "R n", "R n"),
    (r"\mathbb{R} ^n", "R n", "R n"),
    (r"\mathbb{R} ^ {n \times k}", "R n by k", "R n 乘 k"),
    (r"2\,\mathrm{N}\!\mathrm{m}", "2 newton meters", "2 牛米"),
    (r"2\,\mathrm{N}\;\mathrm{m}", "2 newton meters", "2 牛米"),
    (r"2\,\mathrm{N}\thinspace\mathrm{m}", "2 newton meters", "2 牛米"),
    (r"2\,\mathrm{N}\ \mathrm{m}", "2 newton meters", "2 牛米"),
    (r"2\,\mathrm{N}\:\mathrm{m}", "2 newton meters", "2 牛米"),
    (r"2\,\mathrm{N}\cdot\mathrm{m}", "2 newton meters", "2 牛米"),
    (r"2\,\mathrm{N}~\mathrm{m}", "2 newton meters", "2 牛米"),
    (r"2\,\mathrm{N}/\mathrm{m}", "2 newtons per meter", "2 牛每米"),
    # "1." then a letter: the mantissa's point, the letter no unit (said "one N", not "one newton")
    (r"1. \mathrm{N}", "one N", "1 N"),
    (r"f(\cdot", "f of dot", "f， 点"),
    # a function named by a word at the very start, a letter closing the formula
    ("Dec(i) x", "Dec of i, x", "Dec i x"),
    # every bold wrapper makes a letter before one symbol in brackets a function of it
    (r"\bm{r}(t)", "r of t", "r t"),
    (r"\pmb{r}(t)", "r of t", "r t"),
    # the inverse of a function, not a power
    (r"f^{-1}", "f inverse", "f 的逆"),
    (r"g^{-1}(y)", "g inverse of y", "g 的逆 y"),
    # a derivative after other words keeps them
    (r"a + y^{(4)}", "a plus the 4th derivative of y", "a 加 y 的 4 阶导数"),
    ("x^'", "x prime", "x 撇"),
    # letters that spell a word are said as one; letters that cannot are a product
    ("xkcd", "x k c d", "x k c d"),  # no vowel
    ("abcd", "a b c d", "a b c d"),  # a run of the alphabet
    ("eat", "e a t", "e a t"),  # three letters not shaped like a word
    ("rate", "rate", "rate"),
    ("a~b", "a b", "a b"),  # a tie is a space
    # a closing bracket without its opening one opens nothing: a bar after it is no "given"
    ("a) | b", "a, b", "a， b"),
    (r"x) \mid y", "x, divides y", "x， 整除 y"),
    # floor brackets are named, as bars are (the absolute value of)
    (r"a + \lfloor x \rfloor", "a plus the floor of x", "a 加 x 的下取整"),
    (r"a + b \lfloor x \rfloor", "a plus b the floor of x", "a 加 b x 的下取整"),
    (r"2\,\operatorname{m}", "two m", "2 m"),  # an operator's name, never a unit
    (r"\operatorname{\widehat{daughter\_height}} = 29.8", "daughter height hat equals 29.8", "daughter height 尖 等于 29.8"),
    (r"\text{CO_2}", "C O 2", "C O 2"),  # a chemical formula in text
    (r"\underset{n}{=}", "equals", "等于"),
    (r"\Re z", "Re z", "Re z"),  # an unknown command of two letters: its name
    ("x^ 2", "x squared", "x 的平方"),  # spaces between a caret and its argument
    ("x^ 2+y", "x squared plus y", "x 的平方 加 y"),
    ("x_ 1+y", "x 1 plus y", "x 1 加 y"),
    ("∫_0^1 f", "the integral from 0 to 1 of f", "从 0 到 1 积分， f"),  # big operators typed as characters
    ("∏_{k} k", "the product over k of k", "k 连乘， k"),
    ("2 m", "two m", "二 m"),  # a coefficient before a unit's letter, said as a word
    (r"A \sim \begin{pmatrix} a & b \\ c & d \end{pmatrix}",
     "A is similar to the 2 by 2 matrix with rows: a, b; c, d", "A 相似于 2 行 2 列的矩阵，各行为：a，b；c，d"),  # a placeholder dot, its bracket left open (no pair: a pause in Chinese)
])
def test_spaces_and_marks_tex_allows(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_a_caret_power_with_the_minus_sign() -> None:
    assert speak_symbols("x^−2", "en") == "x to the power minus 2"
    assert speak_symbols("x^−2", "zh") == "x 的负2次方"
    assert speak_symbols("x^(−2)", "en") == "x to the power minus 2"


def test_a_long_formula_with_a_subscript_on_its_left_side() -> None:
    terms = " + ".join(f"x_{{{i}}} y_{{{i}}}" for i in range(1, 12))
    assert speak_tex("x_1 = " + terms, "en") == "a long formula: x 1 equals an expression of 11 terms"
    assert speak_tex("x_1 = " + terms, "zh") == "长公式：x 1 等于 一个 11 项的式子"


def test_text_without_maths_in_another_language_is_left_as_it_is() -> None:
    assert speak_symbols("Grüße , Welt", "de") == "Grüße , Welt"

"""How a long formula is summarised, rule by rule (narrator/script/maths.py _summary, _terms,
_polynomial): which side is described, how its terms are counted, when it is a polynomial, when
the left side and a chain's result are said. Each case is long (over 40 heard words in English),
its summary worked out from the rules (issue 26: these rules were untested at their edges)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

LETTERS = "+".join("abcdefghijklmnopqrstuvw")  # 23 letters, 45 words heard
FRACTION = r"\frac{a+b+c+d+e+f+g+h+i+j+k+l}{m+n+o+p+q+r+s+t+u+v+w+z}"  # one atom, 47 words heard
TERMS = " + ".join(f"x_{{{i}}} y_{{{i}}}" for i in range(1, 12))  # 11 terms, many atoms
MATRIX = (r"\begin{pmatrix} a_{11} & a_{12} & a_{13} \\ a_{21} & a_{22} & a_{23} \\ a_{31} & a_{32} & a_{33} "
          r"\end{pmatrix}")
STARRED = (r"\begin{bmatrix*} a+b & c+d & e+f \\ g+h & i+j & k+l \\ m+n & o+p & q+r \\ s+t & u+v & w+x "
           r"\end{bmatrix*}")


@pytest.mark.parametrize(("tex", "en"), [
    # a side holding a matrix is described, even when the other side has more atoms
    ("a+b+c+d+e+f+g+h = " + MATRIX, "a long formula: a 3 by 3 matrix"),
    ("A = " + STARRED, "a long formula: A equals a 4 by 3 matrix"),  # starred, inside a side
    # an empty matrix says nothing: the terms around it are counted
    (r"A = \begin{pmatrix}\end{pmatrix} + " + LETTERS, "a long formula: A equals an expression of 24 terms"),
])
def test_a_side_with_a_matrix_is_described_as_the_matrix(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


@pytest.mark.parametrize(("tex", "en", "zh"), [
    # two terms are an expression, three of powers of one letter a polynomial
    ("y = x^{2} + " + FRACTION, "a long formula: y equals an expression of 2 terms", "长公式：y 等于 一个 2 项的式子"),
    ("y = x^{2} + x + " + FRACTION, "a long formula: y equals a polynomial in x of degree 2 with 3 terms",
     "长公式：y 等于 一个 3 项的 x 的 2 次多项式"),
    # powers no higher than 1: no polynomial
    ("y = x^{1} + x^{0} + " + FRACTION, "a long formula: y equals an expression of 3 terms",
     "长公式：y 等于 一个 3 项的式子"),
])
def test_a_polynomial_needs_three_terms_and_a_square_at_least(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en"), [
    ("y = " + LETTERS + " + x^", "a long formula: y equals an expression of 24 terms"),  # a caret ending it
    (r"y = x^\alpha + x^{2} + " + LETTERS, "a long formula: y equals an expression of 25 terms"),  # a symbol's power
    # a number's powers, a bracket's powers: no variable, no polynomial
    (" + ".join(f"2^{{{i}}}" for i in range(10, 0, -1)), "a long formula: an expression of 10 terms"),
    (" + ".join(f"({x}+{y})^2" for x, y in ["ab", "cd", "ef", "gh", "ij", "kl", "mn", "op", "qr"]),
     "a long formula: an expression of 9 terms"),
    (r"\{a\}^2 + " + LETTERS, "a long formula: an expression of 24 terms"),  # a group's power
    ("y = ^{2} a + " + LETTERS, "a long formula: y equals an expression of 24 terms"),  # a caret with no base
])
def test_powers_of_anything_but_one_letter_make_no_polynomial(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


@pytest.mark.parametrize("tex", [
    "-" + "-".join("abcdefghijklmnopqrstu"),  # a leading minus starts the first term
    " − ".join("abcdefghijklmnopqrstu"),  # U+2212, as MathML gives it
])
def test_minus_signs_separate_terms(tex: str) -> None:
    assert speak_tex(tex, "en") == "a long formula: an expression of 21 terms"


@pytest.mark.parametrize(("tex", "en"), [
    # the left side is the longest: nothing is said before the summary
    ("a b c d e f g = " + FRACTION, "a long formula: a long expression"),
    # a left side of 8 words is said, of 9 words not
    ("a b c d e f g h = " + FRACTION + " + a + b + c + d",
     "a long formula: a b c d e f g h equals an expression of 5 terms"),
    ("a b c d e f g h i = " + FRACTION + " + a + b + c + d + e", "a long formula: an expression of 6 terms"),
])
def test_the_left_side_is_said_when_short_and_not_the_longest(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


@pytest.mark.parametrize(("tex", "en"), [
    # one relation is no chain: its right side is not a result
    (LETTERS + " = 5", "a long formula: an expression of 23 terms"),
    # a chain's result of 12 words is said, of 13 not; with its own relation
    ("N = " + TERMS + " = a b c d e f g h i j k l",
     "a long formula: N equals an expression of 11 terms, which equals a b c d e f g h i j k l"),
    ("N = " + TERMS + " = a b c d e f g h i j k l m", "a long formula: N equals an expression of 11 terms"),
    ("N = " + TERMS + r" \approx 3.8",
     "a long formula: N equals an expression of 11 terms, which is approximately 3.8"),
])
def test_a_chain_ends_in_its_short_result(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


def test_a_long_run_of_symbols_is_a_long_expression_in_chinese() -> None:
    tex = " ".join(rf"\alpha_{{{i}}} \beta_{{{i}}}" for i in range(1, 21))
    assert speak_tex(tex, "zh") == "长公式：一个很长的式子"
    assert speak_tex(tex, "en") == "a long formula: a long expression"

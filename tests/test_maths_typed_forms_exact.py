"""Formulas as lessons type them: TeX's short forms (\\frac12, a $...$ inside), a macro or a
group left without its argument or its brace, a trailing full stop, Unicode middle dots as
placeholders, vowels written together, punctuation around matrix rows (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    # arguments without braces
    (r"\frac12", "1 over 2", "2 分之 1"),
    (r"\sqrt2", "the square root of 2", "根号 2"),
    (r"\frac1{x}", "1 over x", "x 分之 1"),
    # a formula with its own dollars, whole or in part
    ("$x^2$", "x squared", "x 的平方"),
    ("a + $b$", "a plus b", "a 加 b"),
    # a text macro with no argument says nothing; one with its brace open says all its text
    (r"x \mathrm", "x", "x"),
    (r"x + \text", "x plus", "x 加"),
    (r"x + \text{abc", "x plus abc", "x 加 abc"),
    # a sentence's full stop or comma after the last number is no decimal point
    ("x = 3.", "x equals 3", "x 等于 3"),
    ("x = 3,", "x equals 3", "x 等于 3"),
    ("3X200", "3 X 200", "3 X 200"),  # a letter between numbers is no separator
    # vowels written together are letters (a product), never a word
    ("aeio", "a e i o", "a e i o"),
    ("x = aeiou", "x equals a e i o u", "x 等于 a e i o u"),
])
def test_typed_forms(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    ("f(·)", "f of dot", "f， 点"),  # U+00B7
    ("f(⋅)", "f of dot", "f， 点"),  # U+22C5
    ("g(·, y)", "g of dot, y", "g， 点， y"),
])
def test_a_unicode_dot_alone_in_an_argument_is_a_place(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    # a bracket's pause or a comma ending a cell merges into the row's semicolon
    (r"\begin{pmatrix} (a) & b \\ c & (d) \end{pmatrix} = x",
     "the 2 by 2 matrix with rows: a, b; c, d; equals x", "2 行 2 列的矩阵，各行为：a，b；c，d； 等于 x"),
    (r"\begin{pmatrix} a, & b, \\ c, & d, \end{pmatrix} + 1",
     "the 2 by 2 matrix with rows: a, b; c, d; plus 1", "2 行 2 列的矩阵，各行为：a，b；c，d； 加 1"),
    (r"x = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}, y = 2",
     "x equals the 2 by 2 matrix with rows: 1, 2; 3, 4; y equals 2",
     "x 等于 2 行 2 列的矩阵，各行为：1，2；3，4； y 等于 2"),
])
def test_one_pause_between_matrix_rows(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

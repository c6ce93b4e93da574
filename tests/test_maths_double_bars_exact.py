"""Double bars: a Vmatrix is the norm of its matrix (not a determinant, which single bars say), and
bars nested in bars are absolute values of their own: ||x|-|y|| is the absolute value of a
difference, not a norm around stray bars (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\begin{Vmatrix} a & b \\ c & d \end{Vmatrix}",
     "the norm of the 2 by 2 matrix with rows: a, b; c, d", "2 行 2 列的矩阵的范数，各行为：a，b；c，d"),
    (r"\begin{Vmatrix*} a & b \\ c & d \end{Vmatrix*} = 1",
     "the norm of the 2 by 2 matrix with rows: a, b; c, d; equals 1",
     "2 行 2 列的矩阵的范数，各行为：a，b；c，d； 等于 1"),
    (r"\begin{Vmatrix} a \\ b \end{Vmatrix}", "the norm of the column vector a, b", "列向量 a，b 的范数"),
    (r"\begin{Vmatrix} a & b \end{Vmatrix}", "the norm of the row vector a, b", "行向量 a，b 的范数"),
])
def test_a_vmatrix_is_the_norm_of_its_matrix(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_single_bars_stay_a_determinant_and_a_plain_vector_says_no_norm() -> None:
    assert speak_tex(r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}", "en") == \
        "the determinant of the 2 by 2 matrix with rows: a, b; c, d"
    assert speak_tex(r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}", "zh") == "行列式，2 行 2 列的矩阵，各行为：a，b；c，d"
    assert speak_tex(r"\begin{pmatrix} a \\ b \end{pmatrix}", "en") == "the column vector a, b"
    assert speak_tex(r"\begin{pmatrix} a \\ b \end{pmatrix}", "zh") == "列向量 a，b"


DIFFERENCE_EN = "the absolute value of the absolute value of x, minus the absolute value of y"
DIFFERENCE_ZH = "x 的绝对值 减 y 的绝对值 的绝对值"


@pytest.mark.parametrize("tex", [
    r"||x|-|y||", r"| |x| - |y| |", r"\left||x|-|y|\right|", r"\big||x|-|y|\big|",
    r"\lvert\lvert x\rvert - \lvert y\rvert\rvert",
])
def test_an_absolute_value_of_absolute_values_keeps_its_outer_bars(tex: str) -> None:
    assert speak_tex(tex, "en") == DIFFERENCE_EN
    assert speak_tex(tex, "zh") == DIFFERENCE_ZH


@pytest.mark.parametrize(("tex", "en", "zh"), [
    # the triangle inequality's reverse: both sides keep every bar
    (r"||x|-|y|| \le |x-y|",
     f"{DIFFERENCE_EN}, is less than or equal to the absolute value of x minus y",
     f"{DIFFERENCE_ZH} 小于等于 x 减 y 的绝对值"),
    (r"|x - |y||", "the absolute value of x minus the absolute value of y", "x 减 y 的绝对值 的绝对值"),
    (r"|a||b|", "the absolute value of a, the absolute value of b", "a 的绝对值 b 的绝对值"),
    (r"|a|+|b|", "the absolute value of a, plus the absolute value of b", "a 的绝对值 加 b 的绝对值"),
    (r"|\cdot|", "the absolute value of dot", "点 的绝对值"),  # a bar after an operator closes too
    (r"|| |x| ||", "the norm of the absolute value of x", "x 的绝对值 的范数"),
])
def test_bars_pair_by_what_stands_before_them(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex", [r"||x||", r"\|x\|", r"\left\| x \right\|", r"\lVert x\rVert"])
def test_two_bars_typed_together_are_still_a_norm(tex: str) -> None:
    assert speak_tex(tex, "en") == "the norm of x"
    assert speak_tex(tex, "zh") == "x 的范数"


def test_bars_that_do_not_pair_read_as_before() -> None:
    assert speak_tex(r"P(A|B)", "en") == "P of A given B"
    assert speak_tex(r"P(A|B) + P(C|D)", "en") == "P of A given B, plus P of C given D"

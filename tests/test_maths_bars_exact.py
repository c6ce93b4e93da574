"""Bars around brackets are an absolute value, whatever the brackets hold; an empty pair says
nothing (issue 26: the bracket counting inside bars was untested)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"|f(g(x))|", "the absolute value of f of g of x", "f， g x， 的绝对值"),
    (r"|f(x)| - 1", "the absolute value of f of x, minus 1", "f x 的绝对值 减 1"),
    (r"|x (y)|", "the absolute value of x, y", "x， y， 的绝对值"),
    (r"| |", "", ""),
    (r"\left| \begin{matrix} \end{matrix} \right|", "", ""),  # an empty matrix in bars
])
def test_bars_around_brackets_are_an_absolute_value(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("env", ["matrix", "matrix*"])
def test_bars_around_a_square_matrix_are_its_determinant_starred_or_not(env: str) -> None:
    tex = rf"\left| \begin{{{env}}} a & b \\ c & d \end{{{env}}} \right|"
    assert speak_tex(tex, "en") == "the determinant of the 2 by 2 matrix with rows: a, b; c, d"
    assert speak_tex(tex, "zh") == "行列式，2 行 2 列的矩阵，各行为：a，b；c，d"

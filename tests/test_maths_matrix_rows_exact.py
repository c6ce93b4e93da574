"""A matrix's rows end at \\\\ or plain TeX's \\cr; \\hline and \\arraystretch say nothing; a vector
before more of the formula pauses with the comma of its language (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize("tex", [
    r"\begin{matrix} a & b \cr c & d \end{matrix}",
    r"\begin{array}{cc} \hline a & b \\ c & d \end{array}",
    r"\begin{array}{cc} \arraystretch a & b \\ c & d \end{array}",
])
def test_rows_and_rules_of_a_matrix(tex: str) -> None:
    assert speak_tex(tex, "en") == "the 2 by 2 matrix with rows: a, b; c, d"
    assert speak_tex(tex, "zh") == "2 行 2 列的矩阵，各行为：a，b；c，d"


def test_a_vector_before_more_of_the_formula_pauses_in_its_language() -> None:
    tex = r"\begin{pmatrix} 1 \\ 2 \end{pmatrix} + x"
    assert speak_tex(tex, "en") == "the column vector 1, 2, plus x"
    assert speak_tex(tex, "zh") == "列向量 1，2， 加 x"


def test_a_row_of_dots_with_an_empty_cell_is_one_and_so_on() -> None:
    tex = r"\begin{pmatrix} a_1 & \cdots & a_n \\ \vdots & & \vdots \\ b_1 & \cdots & b_n \end{pmatrix}"
    assert speak_tex(tex, "en") == ("the 3 by 3 matrix with rows: a 1, and so on, a n; and so on; "
                                    "b 1, and so on, b n")
    assert speak_tex(tex, "zh") == "3 行 3 列的矩阵，各行为：a 1，等等，a n；等等；b 1，等等，b n"

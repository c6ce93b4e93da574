"""Superscripts that name an operation or an order, and commands said as words or pauses, read
exactly (narrator/script/maths.py).

Fixed here: a matrix with a digit subscript and H above (A_2^H, U_1^H) was "A 2 to the power H"
(a number's rule: 2^H is a power), now "A 2 conjugate transpose"; the dotless \\imath and
\\jmath of unit vectors (\\hat{\\imath}) were said by their command names, "imath hat"."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize(("tex", "en"), [
    (r"f^{(n)}(x)", "the n-th derivative of f of x"),
    (r"g^{(k)}", "the k-th derivative of g"),
    (r"f^{(x)}", "f superscript x"),  # x is no order: a label
])
def test_a_bracketed_superscript_on_a_function_is_an_order_only_for_n_k_m(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


def test_h_above_a_subscripted_matrix_is_its_conjugate_transpose() -> None:
    assert speak_tex("A_2^H", "en") == "A 2 conjugate transpose"
    assert speak_tex("A_2^H", "zh") == "A 2 的共轭转置"
    assert speak_tex("1.5^H", "en") == "1.5 to the power H"  # a number to the power H


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"90^{ \circ}", "90 degrees", "90 度"),  # a space inside the braces
    (r"A^{−1}", "A inverse", "A 的逆"),  # the Unicode minus
    (r"\hat{\imath} + \hat{\jmath}", "i hat plus j hat", "i 尖 加 j 尖"),
])
def test_superscripts_and_marks_said_as_their_meaning(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"A \xrightarrow{k} B", "A gives B", "A 生成 B"),
    (r"a \overset{\text{def}}{=} b", "a equals b", "a 等于 b"),
    (r"x = 50\% \cdot y", "x equals 50 percent times y", "x 等于 百分之50 乘 y"),
    (r"a \newline b", "a, b", "a， b"),
])
def test_what_follows_an_arrow_a_stacked_relation_a_percent_or_a_new_line_is_read(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

"""Two readings fixed: a derivative of two-digit order (f^{(11)} was "f to the power 11", the
group being too long for the short key it was recognised by), and a lone dot standing for an
argument inside brackets or bars (⟨x,·⟩ was "the inner product of x and times")."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("tex, en, zh", [
    (r"f^{(11)}", "the 11th derivative of f", "f 的 11 阶导数"),
    (r"f^{(10)}(x)", "the 10th derivative of f of x", "f 的 10 阶导数 x"),
    (r"y^{(12)}", "the 12th derivative of y", "y 的 12 阶导数"),
    (r"g^{(21)}", "the 21st derivative of g", "g 的 21 阶导数"),
    (r"f^{(2)}", "the 2nd derivative of f", "f 的 2 阶导数"),  # as before
    (r"x^{(12)}", "x superscript 12", "x 上标 12"),  # x: a label (the 12th iterate), as x^{(k)}
    (r"x^{10}", "x to the power 10", "x 的 10 次方"),  # no brackets: a power
    # four atoms in brackets that are not two digits: still a power (a sign, a letter)
    (r"e^{(-x)}", "e to the power minus x", "e 的负 x，次方"),
    (r"10^{(-3)}", "10 to the power minus 3", "10 的负 3，次方"),
])
def test_a_two_digit_derivative_order_is_an_order(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex, en, zh", [
    (r"\langle x, \cdot \rangle", "the inner product of x and dot", "x 与 点 的内积"),
    (r"\langle \cdot, y \rangle", "the inner product of dot and y", "点 与 y 的内积"),
    (r"|\cdot|", "the absolute value of dot", "点 的绝对值"),
    (r"\| \cdot \|", "the norm of dot", "点 的范数"),
    (r"\langle \cdot, \cdot \rangle", "the inner product", "内积"),  # as before
    (r"|x \cdot y|", "the absolute value of x times y", "x 乘 y 的绝对值"),  # a product stays one
])
def test_a_lone_dot_between_delimiters_is_a_place(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

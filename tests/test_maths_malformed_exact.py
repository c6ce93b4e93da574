"""A lesson's formula may be typed with a brace or an environment left open: it is read as its
author meant it (the parser is tolerant), never as the raw characters "frac 1 2" (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"x^{2", "x squared", "x 的平方"),
    (r"\frac{1}{2", "1 over 2", "2 分之 1"),
    (r"\sqrt{x", "the square root of x", "根号 x"),
    (r"a + b}", "a plus b", "a 加 b"),
    (r"\begin{pmatrix} a", "the column vector a", "列向量 a"),
    (r"x^2 \end{array}", "x squared", "x 的平方"),
])
def test_an_unclosed_formula_is_read_as_meant(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

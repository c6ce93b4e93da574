"""Formulas said exactly (narrator.script.maths), for mutants of this session's new rules that
the first tests let live (tools/mutation_reviews/script-maths-s37-c.md): a star or degree sign in a
subscript before a minus, a ring after one digit and a space, after a command or after a power,
a figure named after other text, a subscripted letter before brackets, a bracket in a ket, the
placeholder dot's neighbours, a variable with a bar before ~, ratios and the colons that are none."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a star or a degree sign in a subscript is no operator: the minus after it subtracts
    (r"x_\ast - y", "zh", "x 星 减 y"),
    (r"x_\circ - y", "zh", "x 度 减 y"),
    (r"f \circ -g", "zh", "f 复合 负 g"),  # after composition, a sign
    # a ring after one digit and a space is a degree sign; after a command or a power, composition
    (r"5 \circ", "en", "5 degrees"),
    (r"\phi \circ \psi", "en", "phi composed with psi"),
    (r"f^2 \circ g", "en", "f squared composed with g"),
    # a triangle named after other text is still a figure
    (r"a = 1, \triangle ABC \sim DEF", "en", "a equals 1, triangle A B C is similar to D E F"),
    # a subscripted letter before brackets is a product, not a call
    (r"a_n(1 - r)", "en", "a n, 1 minus r"),
    # a bracket inside a ket; the placeholder dot after a space, in square brackets, before a
    # Unicode minus or a plus; a capital X after a dot is an operand
    (r"|\psi(t)\rangle", "en", "ket psi of t"),
    (r"\| \cdot - x\|", "en", "the norm of dot minus x"),
    (r"[\cdot - x]", "en", "dot minus x"),
    ("\\|\\cdot − x\\|", "en", "the norm of dot minus x"),
    (r"\|\cdot + x\|", "en", "the norm of dot plus x"),
    (r"a \cdot X", "en", "a times X"),
    # a variable with a bar before ~ is no figure; a triangle written △ is
    (r"\bar{X} \sim N(\mu, \sigma^2)", "en", "X bar is distributed as N of mu, sigma squared"),
    ("△A'B'C' \\sim DEF", "en", "triangle A prime B prime C prime is similar to D E F"),
    # ratios: between Greek letters, a capital, in square brackets, in a proportion with ≈
    (r"\alpha : \beta", "en", "alpha to beta"),
    ("3 : X", "en", "3 to X"),
    ("[G:H]", "en", "G to H"),
    (r"a:b \approx c:d", "en", "a to b is approximately c to d"),
    # no ratio: a condition after the brackets, a label before ≈ or a chain of equals signs
    ("x : (x-1)(x+2) > 0", "en", "x, x minus 1, x plus 2, is greater than 0"),
    ("x : 2(x-1) > 0", "en", "x 2, x minus 1, is greater than 0"),
    (r"A: x \approx 1", "en", "A x is approximately 1"),
    ("A: x = y = 1", "en", "A x equals y equals 1"),
    ("∀x : P(x)", "en", "for all x P of x"),  # a quantifier written as a character
    (r"\exists x : P(x)", "en", "there exists x P of x"),
    # a group inside a floor; a matrix before a minus is an operand
    (r"\lfloor x^{2} \rfloor", "en", "the floor of x squared"),
    (r"\begin{pmatrix}1\\2\end{pmatrix} - b", "zh", "列向量 1，2， 减 b"),
    # a bra in Chinese, and what follows a bra
    (r"\langle \phi |", "zh", "左矢 斐"),
    (r"\langle \phi|H", "en", "bra phi, H"),
])
def test_new_rules_at_their_edges(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said

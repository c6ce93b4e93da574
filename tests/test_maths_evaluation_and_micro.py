"""Two readings a calculus or physics lesson needs (narrator.script.maths): the evaluation bar and
sized bracket of an antiderivative (``F(x)\\Big|_a^b``, ``\\left[\\frac{x^3}{3}\\right]_0^1``) said as
"evaluated from a to b", not "a to the power b" (a bar with a set below it: "restricted to");
and micrometres written with the Greek mu or the keyboard's micro sign (``10μ\\mathrm{m}``, ``10\\,µ\\mathrm{m}``) said as the unit, like ``\\mu``."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize("tex, lang, said", [
    (r"\left. x^2 \right|_0^1", "en", "x squared, evaluated from 0 to 1"),
    (r"F(x)\Big|_a^b", "en", "F of x, evaluated from a to b"),
    (r"f(x)|_{x=0}", "en", "f of x, evaluated at x equals 0"),
    (r"\left[ \frac{x^3}{3} \right]_0^1", "en", "the fraction x cubed, over 3, evaluated from 0 to 1"),
    (r"F(x)\Big|_a^b", "zh", "F x，从 a 到 b 求值"),
    (r"\Big[ x^2 \Big]_{a}^{b}", "zh", "x 的平方，从 a 到 b 求值"),
    (r"f|_A", "en", "f, restricted to A"),  # a set below the bar: a restriction
    (r"f|_A", "zh", "f，限制在 A 上"),
    (r"f|_{x=0}", "zh", "f，在 x 等于 0 处求值"),
    (r"\Big[ x^2 \Big ]_0^1", "en", "x squared, evaluated from 0 to 1"),  # a space before the bracket
    (r"F(x)| _a^b", "en", "F of x, evaluated from a to b"),  # and after the bar
    # the bars and brackets that are no evaluation keep their readings: a bracket of the text's
    # size is a matrix's entry or a basis, a sign below it a positive part
    (r"[A]_{ij}", "en", "A, sub i j"),
    (r"[A]_{ij}^2", "en", "A, sub i j, squared"),
    (r"[T]_{\mathcal{B}}^{\mathcal{C}}", "en", "T, B superscript C"),
    (r"\left[1 - y\right]_+^2", "en", "1 minus y, sub plus, squared"),
    (r"P(A|B)", "en", "P of A given B"),
    (r"|x| + 1", "en", "the absolute value of x, plus 1"),
])
def test_an_evaluation_bar_or_bracket_says_its_limits(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex, lang, said", [
    (r"10μ\mathrm{m}", "en", "10 micrometers"),
    (r"10\,µ\mathrm{m}", "en", "10 micrometers"),  # U+00B5, the micro sign
    (r"10 µ\mathrm{s}", "zh", "10 微秒"),
    (r"10\,\mu\mathrm{m}", "en", "10 micrometers"),
    (r"µ", "en", "mu"),  # the micro sign alone is read as the letter it looks like
    (r"\mu\mathrm{m}^0", "en", "mu m to the power 0"),  # no number: no unit, and the mu stays
])
def test_micro_written_with_a_character_is_the_unit_prefix(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex, said", [
    (r"\int\nolimits_0^1 x\,dx", "the integral from 0 to 1 of x d x"),
    (r"\sum\limits_{i=1}^n i", "the sum from i equals 1 to n of i"),
    (r"\sum X_i", "the sum of X i"),  # a letter after the operator is no limit
    (r"\sum_", "the sum of"),  # a script mark with nothing after it (TeX cut short) is no limit
])
def test_a_big_operators_limits_however_they_are_placed(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said

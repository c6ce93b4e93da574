"""Formulas said exactly (narrator.script.maths), for the mutants of ``_Speaker.run`` and
``_Speaker.units`` that survived the mutmut run of session 36
(tools/mutation_reviews/script-maths-s37-b.md): a function before bars when the bar is not the
next atom (``\\mathop{\\ln} |x|``), an evaluation bar or bracket with more formula after it, a
positive or negative part in Chinese (a sign below a sized bracket is no lower limit), a period
that ends a line before an arrow (no function signature), a number times an upright name after
``\\cdot`` (no unit), a micro sign typed with spaces around it, and a unit's power followed by
more formula."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize("tex, said", [
    (r"\ln|x|", "natural log of the absolute value of x"),
    # \mathop{\ln} leaves a space between the function and its bar: the function is still found
    (r"\mathop{\ln} |x|", "natural log of the absolute value of x"),
    (r"\mathop{\log} \|v\|", "log of the norm of v"),
])
def test_a_function_before_bars_is_said_of_their_value(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


@pytest.mark.parametrize("tex, lang, said", [
    # what follows the evaluation is said too, not cut off
    (r"F(x)\Big|_0^1 = F(1) - F(0)", "en",
     "F of x, evaluated from 0 to 1, equals F of 1, minus F of 0"),
    (r"x^2\Big|_{x=0} = 0", "en", "x squared, evaluated at x equals 0, equals 0"),
    (r"F(x)\Big|_0^1 = F(1) - F(0)", "zh", "F x，从 0 到 1 求值， 等于 F 1 减 F 0"),
    (r"\left[\frac{x^3}{3}\right]_0^1 = \frac{1}{3}", "en",
     "the fraction x cubed, over 3, evaluated from 0 to 1, equals 1 over 3"),
    (r"\left[x^2\right]_0^1 = 1", "en", "x squared, evaluated from 0 to 1, equals 1"),
    (r"\left[\frac{x^3}{3}\right]_0^1 = \frac{1}{3}", "zh",
     "3 分之 x 的立方，从 0 到 1 求值， 等于 3 分之 1"),
])
def test_an_evaluation_is_followed_by_the_rest_of_the_formula(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex, said", [
    # a sign below a sized bracket is a positive or negative part, not "evaluated from plus to 2"
    (r"\left[1 - y\right]_+^2", "1 减 y， 加 的平方"),
    (r"\left[1 - y\right]_{+}^{2}", "1 减 y， 加 的平方"),
    (r"\left[1 - y\right]_−^2", "1 减 y， 减 的平方"),  # U+2212, as MathML writes the minus
])
def test_a_positive_or_negative_part_in_chinese_is_no_evaluation(tex: str, said: str) -> None:
    assert speak_tex(tex, "zh") == said


@pytest.mark.parametrize("tex, said", [
    # the period ends a line; the arrow after it is a limit, not a function's signature
    (r"\begin{gathered} a_n = \frac{1}{n}. \\ a_n \to 0 \end{gathered}",
     "a n equals 1 over n, a n tends to 0"),
    (r"a_n = \frac{1}{n}. \\ a_n \to 0", "a n equals 1 over n, a n tends to 0"),
    (r"f: X \to Y", "f from X to Y"),  # the colon's signature keeps its reading
])
def test_a_period_before_an_arrow_is_no_signature(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


@pytest.mark.parametrize("tex, lang, said", [
    # a number times an upright name: \cdot is a product, and what follows it no unit measured
    (r"2 \cdot \mathrm{min}(a, b)", "en", "2 times the minimum of, a, b"),
    (r"2 \cdot \mathrm{H}_2\mathrm{O}", "en", "2 times H 2 O"),
    (r"3 \cdot \mathrm{min}(a, b)", "zh", "3 乘 最小值， a， b"),
    (r"2 \cdot \mathrm{H}_2\mathrm{O}", "zh", "2 乘 H 2 O"),
])
def test_a_number_times_an_upright_name_is_a_product(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex, lang, said", [
    # the Greek mu or the micro sign with a space on each side is still the unit's prefix
    (r"10 μ \mathrm{m}", "en", "10 micrometers"),
    (r"10 µ \mathrm{m}", "en", "10 micrometers"),  # U+00B5, the micro sign
    (r"10 μ \mathrm{m}", "zh", "10 微米"),
    (r"10 µ \mathrm{s}", "zh", "10 微秒"),
])
def test_micro_with_spaces_around_it_is_the_unit_prefix(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex, lang, said", [
    # the power of a unit written outside its braces: what comes after it is said, in its place
    (r"10\,\text{m}^2+1", "en", "10 square meters plus 1"),
    (r"10\,\text{m}^2+1", "zh", "10 平方米 加 1"),
    (r"5\,\mathrm{m}^2\mathrm{s}^{-1}", "en", "5 square meters per second"),
    (r"3\,\text{m}^2/\text{s}", "en", "3 square meters per second"),
    (r"2\,\mathrm{m}^{2}x", "en", "2 square meters x"),
])
def test_a_units_outside_power_is_followed_by_the_rest(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said

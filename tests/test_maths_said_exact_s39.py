"""Formulas said exactly (narrator.script.maths): siunitx's commands whole. A number's
uncertainty (\\num{9.81 \\pm 0.02}, concise 9.81(2), +-) reached the voice as "\\pm" or "9.81(2)";
\\SIrange, \\numlist, \\ang and the other range, list and angle commands were said by their
names ("SIrange 10 20 metre"); degree, Celsius, percent and other unit macros by theirs
("degreeCelsius"); a product with a power of ten (1.2 x 10^3) as written. And a ratio inside
brackets ((a:b), (3:2)), whose colon was silent."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\SI{9.81 \pm 0.02}{m/s^2}", "en", "9.81 plus or minus 0.02 meters per second squared"),
    (r"\num{9.81 +- 0.02}", "en", "9.81 plus or minus 0.02"),
    (r"\num{9.81 ± 0.02}", "en", "9.81 plus or minus 0.02"),
    (r"\num{9.81(2)}", "en", "9.81 plus or minus 0.02"),
    (r"\qty{1.234(56)}{\metre}", "en", "1.234 plus or minus 0.056 meters"),
    (r"\num{12(3)}", "en", "12 plus or minus 3"),
    (r"\num{1.5(12)e3}", "en", "1.5 plus or minus 1.2 times 10 cubed"),
    (r"\num{1.2 x 10^3}", "en", "1.2 times 10 cubed"),
    (r"\num{1.2 \times 10^{-4}}", "en", "1.2 times 10 to the power minus 4"),
    (r"\num{6.02d23}", "en", "6.02 times 10 to the power 23"),
    (r"\num{3e8}", "zh", "3 乘 10 的 8 次方"),
    (r"\SI{9.81 \pm 0.02}{m/s^2}", "zh", "9.81 正负 0.02 米每二次方秒"),
    # not an uncertainty: a number alone, digits in a unit
    (r"\num{0.5}", "en", "0.5"),
    (r"\num[round-mode=places]{3.14159}", "en", "3.14159"),
])
def test_siunitx_numbers_say_their_uncertainty_and_power(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\SIrange{10}{20}{\metre}", "en", "10 to 20 meters"),
    (r"\qtyrange[range-units=single]{1}{1.5}{\kilo\gram}", "en", "1 to 1.5 kilograms"),
    (r"\qtyrange{0}{1}{\metre}", "en", "0 to 1 meter"),
    (r"\numrange{1}{5}", "en", "1 to 5"),
    (r"\numlist{1;2;3}", "en", "1, 2 and 3"),
    (r"\numlist{4;5}", "en", "4 and 5"),
    (r"\SIlist{1;2;3}{\metre}", "en", "1, 2 and 3 meters"),
    (r"\qtylist{0.5;1}{\second}", "en", "0.5 and 1 second"),
    (r"\ang{30}", "en", "30 degrees"),
    (r"\ang{1}", "en", "1 degree"),
    (r"\ang{30;15;10}", "en", "30 degrees 15 minutes 10 seconds"),
    (r"\ang{;;1}", "en", "1 second"),
    (r"\SIrange{10}{20}{\metre}", "zh", "10 到 20 米"),
    (r"\numlist{1;2;3}", "zh", "1、2 和 3"),
    (r"\ang{30;15;10}", "zh", "30 度 15 分 10 秒"),
    (r"\qtyrange{5}{10}{\percent}", "zh", "百分之5 到 百分之10"),
])
def test_siunitx_ranges_lists_and_angles(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\SI{30}{\degree}", "en", "30 degrees"),
    (r"\SI{1}{\degree}", "en", "1 degree"),
    (r"\SI{-40}{\degreeCelsius}", "en", "-40 degrees Celsius"),
    (r"\SI{25}{\celsius}", "en", "25 degrees Celsius"),
    (r"\SI{5}{\percent}", "en", "5 percent"),
    (r"5\,\si{\percent}", "en", "5 percent"),
    (r"\SI{2}{\hectare}", "en", "2 hectares"),
    (r"\qty{3}{\angstrom}", "en", "3 angstroms"),
    (r"\qty{1}{\bar}", "en", "1 bar"),
    (r"\qty{1.5}{\astronomicalunit}", "en", "1.5 astronomical units"),
    (r"\qty{10}{\arcminute}", "en", "10 minutes"),
    (r"\SI{25}{\degreeCelsius}", "zh", "25 摄氏度"),
    (r"\SI{5}{\percent}", "zh", "百分之5"),
    (r"5\,\si{\percent}", "zh", "百分之5"),
    (r"\SI{30}{\degree}", "zh", "30 度"),
    # a unit without words here is said as written, without its backslash
    (r"\SI{1e3}{\foo}", "en", "1 times 10 cubed foo"),
    (r"\SIrange{1}{2}{\foo}", "en", "1 to 2 foo"),
])
def test_siunitx_unit_macros_are_named(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "said"), [
    (r"(a:b)", "a to b"),
    (r"(3:2)", "3 to 2"),
    (r"\left(a:b\right)", "a to b"),
    (r"x = (a:b)", "x equals a to b"),
    # still no ratio: a condition, a signature
    (r"\{x : x > 0\}", "the set of x such that x is greater than 0"),
    (r"g(f: X \to Y)", "g of f from X to Y"),
])
def test_a_ratio_inside_brackets_is_said(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


def test_siunitx_in_a_foreign_lesson_keeps_its_symbols() -> None:
    # another language's voice reads the unit symbols; the uncertainty in that language's words
    assert speak_tex(r"\SI{9.81 \pm 0.02}{m/s^2}", "de") == "9.81 plus minus 0.02 m s hoch minus 2"
    assert speak_tex(r"\ang{30}", "de") == "30 °"


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # an expectation's, probability's, variance's square brackets are its argument's ("E, X" before)
    (r"E[X]", "en", "E of X"),
    (r"\mathbb{E}[X^2] - \mathbb{E}[X]^2", "en", "E of X squared, minus E of X, squared"),
    (r"\operatorname{Var}[X]", "en", "Var of X"),
    (r"Var[X]", "en", "Var of X"),
    (r"Cov[X,Y]", "en", "Cov of X, Y"),
    (r"E[X \mid Y = y]", "en", "E of X given Y equals y"),
    (r"E[X | Y]", "en", "E of X given Y"),
    (r"\Pr[X = 1]", "en", "the probability of X equals 1"),
    (r"\Pr(A \mid B)", "en", "the probability of A given B"),
    (r"\P(A)", "en", "P of A"),
    (r"E[X]", "zh", "E X"),
    (r"\Pr(A)", "zh", "概率 A"),
    # other square brackets keep their pauses: an interval, an index, a commutator
    (r"[a, b]", "en", "a, b"),
    (r"x[n]", "en", "x, n"),
    (r"M[1]", "en", "M, 1"),
])
def test_expectations_take_square_brackets(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "said"), [
    # statistics' operators written in text, as slides write them (\mathop{\text{Var}}): a call
    (r"\mathop{\text{Var}} \left( x \right)", "Var of x"),
    (r"\mathop{\text{plim}}\left( X \right)", "plim of X"),
    (r"\text{Cov}(X, Y)", "Cov of X, Y"),
    # other words in text before a bracket are no function
    (r"\text{if } (x > 0)", "if, x is greater than 0"),
])
def test_statistics_operators_in_text_are_calls(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said

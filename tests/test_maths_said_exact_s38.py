"""Formulas said exactly (narrator.script.maths): the braket package's commands (\\ket{a},
\\bra{a}, \\braket{a|b}) read as the delimiters they stand for, not "ket" without its
argument; a temperature's scale after degrees in any spelling (25^\\circ C, {25}^{∘}C,
98.6^\\circ\\mathrm{F}); Chinese geometry's similarity sign (∽, \\backsim), which reached the voice
as a bare symbol; a number set with a star (ℕ^*: "N star", it was "N by"); a name in a
superscript (\\lambda^{\\max}(A): "lambda max of A"); two ratios compared by any relation
(3:4 < 4:5); a distribution's parameters after ~ (X ~ B(n, p)); \\SI's number in E notation;
the principal times a sum (A = P(1 + r)^n); a micro prefix in braces; \\lparen and \\rparen;
a bra and ket holding commas (⟨j, m|j', m'⟩); one-letter commands (\\R, \\E), which said nothing."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_symbols, speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\ket{a}", "en", "ket a"),
    (r"\bra{a}", "en", "bra a"),
    (r"\braket{a|b}", "en", "the inner product of a and b"),
    (r"\braket{\psi|H|\psi}", "en", "bra psi, H, ket psi"),
    (r"\ket{0} + \ket{1}", "en", "ket 0, plus ket 1"),
    (r"\ket{a}", "zh", "右矢 a"),
    (r"\bra{a}", "zh", "左矢 a"),
    (r"\braket{a|b}", "zh", "a 与 b 的内积"),
    # the same as the delimiters typed out
    (r"|0\rangle + |1\rangle", "en", "ket 0, plus ket 1"),
    # \mathop still stands for the operator it wraps
    (r"\mathop{\arg\min}_\beta f", "en", "arg min over beta of f"),
])
def test_braket_commands_read_as_their_delimiters(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"25^\circ C", "en", "25 degrees Celsius"),
    (r"{25}^{∘}C", "en", "25 degrees Celsius"),
    (r"25^{\circ}\mathrm{C}", "en", "25 degrees Celsius"),
    (r"98.6^\circ F", "en", "98.6 degrees Fahrenheit"),
    (r"98.6^{\circ}\mathrm{F}", "en", "98.6 degrees Fahrenheit"),
    (r"25^\circ C", "zh", "25 摄氏度"),
    (r"98.6^\circ F", "zh", "98.6 华氏度"),
    # a word, or a letter that begins a formula, after degrees is no scale
    (r"25^\circ Celsius", "en", "25 degrees Celsius"),
    (r"25^\circ CO_2", "en", "25 degrees C O 2"),
    (r"\angle A = 30^\circ, C = 2", "en", "angle A equals 30 degrees, C equals 2"),
    # any other letter after degrees stays a letter
    (r"90^\circ A", "en", "90 degrees A"),
    (r"90^\circ\mathrm{K}", "en", "90 degrees K"),
    # C without degrees before it is a letter
    (r"x C", "en", "x C"),
    (r"\mathrm{C}", "en", "C"),
])
def test_a_temperature_scale_after_degrees(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\triangle ABC ∽ \triangle DEF", "zh", "三角形 A B C 相似于 三角形 D E F"),
    (r"\triangle ABC \backsim \triangle DEF", "zh", "三角形 A B C 相似于 三角形 D E F"),
    (r"\triangle ABC \backsim \triangle DEF", "en", "triangle A B C is similar to triangle D E F"),
    # a relation: the minus after it is a sign
    (r"a \backsim -b", "zh", "a 相似于 负 b"),
])
def test_the_backward_similarity_sign(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


def test_the_backward_similarity_sign_in_prose() -> None:
    assert speak_symbols("△ABC∽△DEF", "zh") == "三角形 ABC 相似于 三角形 DEF"
    assert speak_symbols("△ABC ∽ △DEF", "en") == "triangle ABC is similar to triangle DEF"


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\mathbb{N}^*", "en", "N star"),
    (r"\mathbb{N}^{*}", "en", "N star"),
    (r"\mathbb{R}^\ast", "en", "R star"),
    (r"\mathbb{N}^*", "zh", "N 星"),
    (r"ℕ^*", "en", "N star"),
    # other powers as before
    (r"\mathbb{N}^+", "en", "N plus"),
    (r"\mathbb{R}^n", "en", "R n"),
    (r"ℝ^{n \times k}", "en", "R n by k"),
    (r"\mathbb{R}^{n \times k}", "zh", "R n 乘 k"),
])
def test_a_number_set_with_a_star(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a name above a letter labels it as one below does (it was "to the power the maximum of")
    (r"\lambda^{\max}(A)", "en", "lambda max of A"),
    (r"\lambda^{\max}(A)", "zh", "兰姆达 max A"),
    (r"x^{\max}", "en", "x max"),
    (r"x^{\mathrm{max}}", "en", "x max"),
    (r"a^{\min}_{ij}", "en", "a min sub i j"),
    (r"\lambda_{\max}(A)", "en", "lambda max of A"),
    # a function applied in the exponent stays a power
    (r"e^{\ln x}", "en", "e to the power natural log x"),
    (r"2^{\log n}", "en", "2 to the power log n"),
])
def test_a_name_in_a_superscript_labels(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # two ratios compared by any relation, not only equality (the first ratio lost its "to")
    (r"3 : 4 \le 4 : 5", "en", "3 to 4 is less than or equal to 4 to 5"),
    (r"3:4 < 4:5", "en", "3 to 4 is less than 4 to 5"),
    (r"a : b \neq c : d", "en", "a to b is not equal to c to d"),
    (r"3 : 4 \le 4 : 5", "zh", "3 比 4 小于等于 4 比 5"),
    (r"a:b = c:d", "en", "a to b equals c to d"),
    # a relation without a ratio after it: a condition or a label, as before
    (r"\{x : x > 0\}", "en", "the set of x such that x is greater than 0"),
    (r"A: x = 1", "en", "A x equals 1"),
    (r"3:4 < 5", "en", "3 4 is less than 5"),
    (r"a:b = c:d = e:f", "en", "a to b equals c to d equals e to f"),
])
def test_ratios_compared(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a distribution's letter after ~ takes its parameters ("B, n, p" before)
    (r"X \sim B(n, p)", "en", "X is distributed as B of n, p"),
    (r"X∼U(0,1)", "en", "X is distributed as U of 0, 1"),
    (r"X \sim N(0,1)", "en", "X is distributed as N of 0, 1"),
    # elsewhere a capital before a bracket multiplies (partial fractions)
    (r"A(x+1) + B(x-2)", "en", "A, x plus 1, plus B, x minus 2"),
])
def test_a_distribution_after_sim(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # the number of \SI in E notation, as \num says it (it was "3e8")
    (r"\SI{3e8}{m/s}", "en", "3 times 10 to the power 8 meters per second"),
    (r"\SI{6.02e23}{mol^{-1}}", "en", "6.02 times 10 to the power 23 per mole"),
    (r"\SI{6.02e23}{mol^{-1}}", "zh", "6.02 乘 10 的 23 次方 每摩尔"),
    (r"\qty{1.6e-19}{C}", "en", "1.6 times 10 to the power minus 19 coulombs"),
    (r"\SI{1}{m}", "en", "1 meter"),
])
def test_an_si_number_in_e_notation(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # compound and simple interest: the principal times a sum ("P of 1 plus r" before)
    (r"A = P(1 + r)^n", "en", "A equals P, 1 plus r, to the power n"),
    (r"A = P\left(1 + \frac{r}{n}\right)^{nt}", "en", "A equals P, 1 plus r over n, to the power n t"),
    (r"A = P(1 + rt)", "en", "A equals P, 1 plus r t"),
    (r"P_0(1+r)^n", "en", "P 0, 1 plus r, to the power n"),
    (r"A = P(1 + r)^n", "zh", "A 等于 P， 1 加 r 的 n 次方"),
    # a probability, or a polynomial's value, stays a call
    (r"P(A)", "en", "P of A"),
    (r"P(X = 1)", "en", "P of X equals 1"),
    (r"P(0)", "en", "P of 0"),
    (r"P(0)", "zh", "P 0"),
    (r"f(1+x)", "en", "f of 1 plus x"),
])
def test_the_principal_times_a_sum(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # the micro prefix in braces (it was "5 mu m")
    (r"5\,{\mu}\mathrm{m}", "en", "5 micrometers"),
    (r"5\,{\mu}\mathrm{m}", "zh", "5 微米"),
    (r"5\,\mu\mathrm{m}", "en", "5 micrometers"),
    # \lparen and \rparen are brackets (they were read as their names)
    (r"\lparen -1 \rparen", "en", "minus 1"),
    (r"f\lparen x \rparen", "en", "f of x"),
])
def test_a_braced_prefix_and_named_brackets(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a bra and a ket with commas inside (quantum numbers): the bar still splits them
    (r"\langle j, m | j', m' \rangle", "en", "the inner product of j, m and j prime, m prime"),
    (r"\langle n, l, m | \psi \rangle", "en", "the inner product of n, l, m and psi"),
    (r"\langle j_1, m_1 | j, m \rangle", "zh", "j 1， m 1 与 j， m 的内积"),
    (r"\langle j, m | H | j, m \rangle", "en", "bra j, m, H, ket j, m"),
    (r"\langle u, v \rangle", "en", "the inner product of u and v"),
])
def test_a_bra_and_ket_with_commas(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a lecturer's one-letter commands were dropped without a word ("x in")
    (r"x \in \R", "en", "x in the real numbers"),
    (r"f: \R \to \R", "en", "f from the real numbers to the real numbers"),
    (r"x \in \R", "zh", "x 属于 实数集"),
    (r"n \in \N", "en", "n in the natural numbers"),
    (r"\R^n", "en", "R n"),
    (r"\E[X] = \mu", "en", "E of X, equals mu"),  # an expectation's brackets (session 39)
])
def test_one_letter_commands(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # found by the session's review: two labelled statements are no proportion
    (r"H_0: \mu \le 50 \quad H_1: \mu > 50", "en", "H 0 mu is less than or equal to 50 H 1 mu is greater than 50"),
    (r"p: x > 2，q: x > 1", "en", "p x is greater than 2， q x is greater than 1"),
    (r"A: x < 1 \\ B: x > 2", "en", "A x is less than 1, B x is greater than 2"),
    (r"p: x = 2 \quad q: x = 1", "en", "p x equals 2 q x equals 1"),
    (r"3:2 \quad (a)", "en", "3 to 2, a"),
    # a probability or a polynomial's value keeps its "of"; the principal only before a power or after =
    (r"P(0 \le X - \mu \le 2)", "en", "P of 0 is less than or equal to X minus mu is less than or equal to 2"),
    (r"P(1 + i) = 0", "en", "P of 1 plus i, equals 0"),
    # a scale letter with a subscript or a prime is a name
    (r"T = 30^\circ C_1", "en", "T equals 30 degrees C 1"),
    (r"90^\circ C'", "en", "90 degrees C prime"),
    # primes written as commands on a triangle's vertices
    (r"\triangle A\prime B\prime C\prime \sim DEF", "en", "triangle A prime B prime C prime is similar to D E F"),
    # a one-letter command pylatexenc gives an argument says it (\d x: "d x", not "d")
    (r"\int f(x) \d x", "en", "the integral of f of x, d x"),
    # a bra then a ket is one inner product
    (r"\bra{a}\ket{b}", "en", "the inner product of a and b"),
    (r"\bra{a} \ket{b}", "en", "the inner product of a and b"),
    (r"\bra{a}\ket{b}", "zh", "a 与 b 的内积"),
    (r"\bra{a} x \ket{b}", "en", "bra a, x, ket b"),
    (r"\ket{a}\bra{b}", "en", "ket a, bra b"),
])
def test_what_the_review_found(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said

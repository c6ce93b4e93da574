"""Readings that kill the survivors of the session-39 mutation run of narrator/script/maths.py
(on the session's final code; each input checked with MUTANT_UNDER_TEST in the run's copy:
tools/mutation_reviews/script-maths-s39.md names the mutants each kills, and the survivors left).
The depth kept after E[X] (a later bar "divides", not "given"), the principal's bracket rule
(P(x + 1) a function, P(1 + r)^n a product), nested brackets, statistics operators in \\textrm,
siunitx's products, uncertainties before a power and percent after a number in Chinese, a unit
label in square brackets, an angle in a foreign lesson, ratios in and around brackets."""

from __future__ import annotations

import pytest

from narrator.script import maths
from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"E[X] = 6, \quad 3 \mid 12", "en", "E of X, equals 6, 3 divides 12"),
    (r"P(X > E[X] \mid Y)", "en", "P of X is greater than E of X, given Y"),
    (r"P(X \in [0, 1] \mid Y)", "en", "P of X in 0, 1, given Y"),
    (r"E[X] + P(A \mid B)", "en", "E of X, plus P of A given B"),
    (r"\textrm{Var}(X)", "en", "Var of X"),
    (r"\textrm{Cov}(X, Y) = E[XY] - E[X]E[Y]", "en", "Cov of X, Y, equals E of X Y, minus E of X, E of Y"),
    (r"A = P\left( 1 + \frac{r}{n} \right)^{nt}", "en", "A equals P, 1 plus r over n, to the power n t"),
    (r"g(x) = P(x + 1)", "en", "g of x, equals P of x plus 1"),
    (r"y = P(\alpha + 1)", "en", "y equals P of alpha plus 1"),
    (r"y = P(2)", "en", "y equals P of 2"),
    (r"p = P(2 \le X + Y \le 4)", "en", "p equals P of 2 is less than or equal to X plus Y is less than or equal to 4"),
    (r"P(1 + r) ^ n", "en", "P, 1 plus r, to the power n"),
    (r"A=P(1+rt)", "en", "A equals P, 1 plus r t"),
    (r"p = P(10 - (X + Y) \ge 4)", "en", "p equals P of 10 minus X plus Y, is greater than or equal to 4"),
    (r"P(1 + (r/100))^n", "en", "P, 1 plus r over 100, to the power n"),
    (r"f: x \mapsto x^2 \;\; g: x \mapsto 2x", "en", "f x maps to x squared g x maps to 2 x"),
    (r"H_0: \mu_1 \le \mu_2 \le \mu_3 \; H_1: \mu_1 > \mu_3", "en", "H 0 mu 1 is less than or equal to mu 2 is less than or equal to mu 3 H 1 mu 1 is greater than mu 3"),
])
def test_brackets_calls_and_the_principal(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\num{2 \times 3}", "zh", "2 乘 3"),
    (r"\num{1.23(4)(5)e3}", "en", "1.23 plus or minus 0.04 plus or minus 0.05, times 10 cubed"),
    (r"n = 20 \qquad \SI{5}{\percent}", "zh", "n 等于 20 百分之5"),
    (r"\SI{1.5}{M_\odot}", "en", "1.5 M odot"),
    (r"E [\text{kW}\,\text{h}]", "en", "E, kilowatt hours"),
    (r"\ang{30;15;10}", "de", "30 Grad 15 ′ 10 ″"),
    (r"E^Q[X]", "en", "E superscript Q, of X"),
    (r"1:2(a:b)", "en", "1 to 2, a to b"),
    (r"((a:b):c)", "en", "a to b, c"),
    (r"I (A:B)", "en", "I, A B"),
    (r"(X:Y)", "en", "X to Y"),
    (r"(2(a:b) : 3)", "en", "2, a to b, 3"),
])
def test_siunitx_labels_and_bracketed_ratios(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


def test_a_bracket_is_scanned_once_for_all_its_colons(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    closing = maths._closing
    monkeypatch.setattr(maths, "_closing", lambda *a, **k: calls.append(a[1]) or closing(*a, **k))
    assert speak_tex("2(a:b:c:d)", "en") == "2, a to b to c to d" and len(calls) == 1

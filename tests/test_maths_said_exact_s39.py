"""Formulas said exactly (narrator.script.maths): siunitx's commands whole. A number's
uncertainty (\\num{9.81 \\pm 0.02}, concise 9.81(2), +-) reached the voice as "\\pm" or "9.81(2)";
\\SIrange, \\numlist, \\ang and the other range, list and angle commands were said by their
names ("SIrange 10 20 metre"); degree, Celsius, percent and other unit macros by theirs
("degreeCelsius"); a product with a power of ten (1.2 x 10^3) as written. A ratio inside
brackets ((a:b), (3:2)), whose colon was silent. An expectation's, probability's, variance's
square brackets (E[X], Var[X]: "E, X"), where a bar inside lost its "given". Another language's
ratio and range said with the arrow's word ("3 nach 2")."""

from __future__ import annotations

import pytest

from narrator.script import maths
from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\SI{9.81 \pm 0.02}{m/s^2}", "en", "9.81 plus or minus 0.02 meters per second squared"),
    (r"\num{9.81 +- 0.02}", "en", "9.81 plus or minus 0.02"),
    (r"\num{9.81 ± 0.02}", "en", "9.81 plus or minus 0.02"),
    (r"\num{9.81(2)}", "en", "9.81 plus or minus 0.02"),
    (r"\qty{1.234(56)}{\metre}", "en", "1.234 plus or minus 0.056 meters"),
    (r"\num{12(3)}", "en", "12 plus or minus 3"),
    (r"\num{1.23(4)(5)}", "en", "1.23 plus or minus 0.04 plus or minus 0.05"),
    # the power of ten is the whole quantity's: (1.5 ± 1.2) × 10³, after a pause
    (r"\num{1.5(12)e3}", "en", "1.5 plus or minus 1.2, times 10 cubed"),
    (r"\num{1.5 \pm 0.2 e-3}", "zh", "1.5 正负 0.2，乘 10 的负3次方"),
    (r"\num{1.2 x 10^3}", "en", "1.2 times 10 cubed"),
    (r"\num{1.2x10^3}", "en", "1.2 times 10 cubed"),
    (r"\num{1.2 \cdot 10^3}", "en", "1.2 times 10 cubed"),
    (r"\num{1.2 \times 10^{-4}}", "en", "1.2 times 10 to the power minus 4"),
    (r"\num{2 \times 3}", "en", "2 times 3"),
    (r"\num{6.02d23}", "en", "6.02 times 10 to the power 23"),
    (r"\num{3e8}", "zh", "3 乘 10 的 8 次方"),
    (r"\SI{9.81 \pm 0.02}{m/s^2}", "zh", "9.81 正负 0.02 米每二次方秒"),
    # siunitx ignores the spaces in a number
    (r"\num{12 345}", "en", "12345"),
    # not an uncertainty: a number alone, options
    (r"\num{0.5}", "en", "0.5"),
    (r"\num[round-mode=places]{3.14159}", "en", "3.14159"),
])
def test_siunitx_numbers_say_their_uncertainty_and_power(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\SIrange{10}{20}{\metre}", "en", "10 to 20 meters"),
    (r"\qtyrange[range-units=single]{1}{1.5}{\kilo\gram}", "en", "1 to 1.5 kilograms"),
    (r"\qtyrange{0}{1}{\metre}", "en", "0 to 1 meters"),
    (r"\numrange{1}{5}", "en", "1 to 5"),
    (r"\numlist{1;2;3}", "en", "1, 2 and 3"),
    (r"\numlist{4;5}", "en", "4 and 5"),
    (r"\SIlist{1;2;3}{\metre}", "en", "1, 2 and 3 meters"),
    (r"\qtylist{0.5;1}{\second}", "en", "0.5 and 1 seconds"),
    (r"\ang{30}", "en", "30 degrees"),
    (r"\ang{1}", "en", "1 degree"),
    (r"\ang{-1}", "en", "-1 degree"),
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
    (r"\SI{2}{\degree}", "zh", "2 度"),
    (r"\SI{-40}{\degreeCelsius}", "en", "-40 degrees Celsius"),
    (r"\SI{25}{\celsius}", "en", "25 degrees Celsius"),
    (r"\SI{5}{\percent}", "zh", "百分之5"),
    (r"\SI{50}{\%}", "zh", "百分之50"),
    (r"5\,\si{\percent}", "zh", "百分之5"),
    (r"\si{\percent}", "zh", "百分号"),
    (r"\SI{2}{\hectare}", "en", "2 hectares"),
    (r"\SI{2}{\hectare}", "zh", "2 公顷"),
    (r"\qty{3}{\angstrom}", "en", "3 angstroms"),
    (r"\qty{2}{\bar}", "en", "2 bars"),
    (r"\qty{1}{\bar}", "zh", "1 巴"),
    (r"\qty{1.5}{\astronomicalunit}", "en", "1.5 astronomical units"),
    (r"\qty{10}{\arcminute}", "en", "10 arcminutes"),
    (r"\qty{10}{\arcsecond}", "en", "10 arcseconds"),
    (r"\SI{3}{\mole\per\cubic\deci\metre}", "en", "3 moles per cubic decimeter"),
    (r"3\,\mathrm{mol\,dm^{-3}}", "en", "3 moles per cubic decimeter"),
    (r"\SI{3}{\mole\per\cubic\deci\metre}", "zh", "3 摩尔每立方分米"),
    # a unit without words here is said as written, without its backslash
    (r"\SI{1e3}{\foo}", "en", "1 times 10 cubed foo"),
    (r"\SIrange{1}{2}{\foo}", "en", "1 to 2 foo"),
])
def test_siunitx_unit_macros_are_named(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # the unit symbols, read by the voice; percent and degrees in the language's words
    (r"\SI{9.81 \pm 0.02}{m/s^2}", "de", "9.81 plus minus 0.02 m s hoch minus 2"),
    (r"\SI{50}{\percent}", "de", "50 Prozent"),
    (r"\SI{25}{\degreeCelsius}", "de", "25 Grad Celsius"),
    (r"\ang{30}", "de", "30 Grad"),
    # a range and a ratio have their own words, not the arrow's ("nach", "vers")
    (r"\qtyrange{1}{5}{\metre}", "de", "1 bis 5 m"),
    (r"\qtyrange{1}{5}{\metre}", "fr", "1 à 5 m"),
    (r"3:2", "de", "3 zu 2"),
    (r"(3:2)", "es", "3 a 2"),
    (r"\Pr(X = 1) = 0.5", "de", "P von X gleich 1, gleich 0.5"),
    # one degree: the singular has its words too (the table had only "degrees": "SI 1 degreeCelsius")
    (r"\SI{1}{\degreeCelsius}", "de", "1 Grad Celsius"),
    (r"\ang{-1}", "fr", "-1 degré"),
    (r"\SI{1}{\degree}", "es", "1 grado"),
])
def test_siunitx_ranges_and_ratios_in_a_foreign_lesson(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "said"), [
    (r"(a:b)", "a to b"),
    (r"(3:2)", "3 to 2"),
    (r"\left(a:b\right)", "a to b"),
    (r"x = (a:b)", "x equals a to b"),
    (r"(a:b:c)", "a to b to c"),
    (r"(n_1 : n_2)", "n 1 to n 2"),
    (r"(\alpha : \beta)", "alpha to beta"),
    (r"(-1 : 2)", "minus 1 to 2"),
    (r"\text{scale } (1 : 25\,000)", "scale, 1 to 25,000"),
    (r"2(a:b)", "2, a to b"),
    # after an interval's "(" closed by "]" the colon is outside any round bracket
    (r"x \in (0, 1], \quad a:b = 2:3", "x in 0, 1, a to b equals 2 to 3"),
    # no ratio: a condition, a label, a function's argument, a signature, a definition
    (r"\{x : x > 0\}", "the set of x such that x is greater than 0"),
    (r"(x : P(x))", "x P of x"),
    (r"(x : x \text{ is even})", "x x is even"),
    (r"(\text{Step } 1: x+1)", "Step 1 x plus 1"),
    (r"I(A:B)", "I, A B"),
    (r"g(f: X \to Y)", "g of f from X to Y"),
    (r"(x := 2)", "x is defined as 2"),
    # a signature after a label's colon, a signature whose domain holds a colon
    (r"\text{Def}: f: A \to B", "Def f from A to B"),
    (r"f: \{x : x \ge 0\} \to \mathbb{R}",
     "f from the set of x such that x is greater than or equal to 0, to the real numbers"),
])
def test_a_ratio_inside_brackets_is_said(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # an expectation's, probability's, variance's square brackets are its argument's ("E, X" before)
    (r"E[X]", "en", "E of X"),
    (r"\mathbb{E}[X^2] - \mathbb{E}[X]^2", "en", "E of X squared, minus E of X, squared"),
    (r"\mathbb{E}_\theta[X]", "en", "E sub theta, of X"),
    (r"\mathop{\boldsymbol{E}}\left[ u_i \middle| X_i \right]", "en", "E of u i given X i"),
    (r"\mathbb{E} \left[ X \right]", "en", "E of X"),
    (r"\operatorname{Var}[X]", "en", "Var of X"),
    (r"Var[X]", "en", "Var of X"),
    (r"Cov[X,Y]", "en", "Cov of X, Y"),
    (r"E[X \mid Y = y]", "en", "E of X given Y equals y"),
    (r"E[X | Y]", "en", "E of X given Y"),
    (r"\Pr[X = 1]", "en", "P of X equals 1"),
    (r"\Pr(A \mid B)", "en", "P of A given B"),
    (r"\Pr_\theta(X = x)", "en", "P sub theta, of X equals x"),
    (r"\P(A)", "en", "P of A"),
    (r"\mathbb{E}\!\left[X\right]", "en", "E of X"),
    (r"\mathbb{E}\,[X]", "en", "E of X"),
    (r"\mathbb{E}[\mathrm{e}^{tX}]", "en", "E of e to the power t X"),
    (r"E[\text{profit}]", "en", "E of profit"),
    (r"\Pr[\text{heads}]", "en", "P of heads"),
    (r"E[X]", "zh", "E X"),
    (r"\Pr(A)", "zh", "P A"),
    # a quantity's unit in square brackets, as axis and table labels write it
    (r"E\,[\text{kJ/mol}]", "en", "E, kilojoules per mole"),
    (r"E\,[J]", "en", "E, J"),
    (r"\Delta E [\text{J}]", "en", "capital delta E, J"),
    (r"P\,[\mathrm{W}]", "en", "P, W"),
    (r"P\left[\mathrm{bar}\right]", "en", "P, bar"),
    # other square brackets keep their pauses: an interval, an index
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


def test_a_long_chain_of_colons_is_read_as_a_short_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # each colon of a chain shares the first one's answer (scanned once: a 4,000-character chain
    # took a second, 36 KB twenty); the reading is the short chain's, colon for colon
    assert speak_tex("a:" * 300 + "b", "en", whole=True) == " to ".join(["a"] * 300 + ["b"])
    assert speak_tex("a:" * 300 + "b, x", "en", whole=True) == " ".join(["a"] * 300 + ["b,", "x"])
    assert speak_tex(r"\forall x : " + "y:z " * 3, "en", whole=True) == "for all x " + " ".join(["y to z"] * 3)
    assert speak_tex("(" + "a:" * 300 + "b)", "en", whole=True) == " to ".join(["a"] * 300 + ["b"])
    # the chain is scanned once
    scans: list[int] = []
    scan = maths._ratio_scan
    monkeypatch.setattr(maths, "_ratio_scan", lambda atoms, i, chain: scans.append(i) or scan(atoms, i, chain))
    assert speak_tex("a:b:c:d:e:f", "en") == "a to b to c to d to e to f" and len(scans) == 1


@pytest.mark.parametrize(("tex", "said"), [
    # a quantifier's colon is no ratio, and only its own (read back to the colon before)
    (r"\forall x : a:b", "for all x a to b"),
    (r"\forall x \in S : P(x)", "for all x in S P of x"),
    (r"a:b:c = 1:2:3", "a to b to c equals 1 to 2 to 3"),
    (r"f: A \to B", "f from A to B"),
])
def test_colons_after_a_quantifier_and_in_chains(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


def test_a_huge_siunitx_uncertainty_is_read_not_refused() -> None:
    # a lesson is untrusted: 5,000 digits in brackets raised ValueError (int() refuses such strings)
    said = speak_tex(r"\num{1.5(" + "2" * 5000 + ")}", "en", whole=True)
    assert said.startswith("1.5 plus or minus 2" + "2" * 10) and said.endswith("2.2")
    assert speak_tex(r"\num{1.50(002)}", "en") == "1.50 plus or minus 0.02"

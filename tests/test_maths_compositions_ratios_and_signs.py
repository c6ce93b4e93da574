"""Formulas said exactly (narrator.script.maths): composition (f∘g) apart from degrees, a ratio
(3:2) and a definition (x := 2) apart from a function's signature, a condition or a label,
similar triangles with primed vertices, the placeholder dot with an operand on one side
(‖· − x‖, p(· ∣ x)), a space before a function's bracket, a minus after a function or an
operator's macro, which is a sign in Chinese (负), not a subtraction (减); micrometres with
spaces, charges inside upright braces and in Chinese (Ca²⁺: "Ca 2 正"), Dirac's kets and bras,
floors and ceilings, a typed ellipsis, a function before sized bars, and the inputs a review of
this change's first version found read wrongly."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_symbols, speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"f \circ g", "en", "f composed with g"),
    (r"g\circ f", "en", "g composed with f"),
    (r"f \circ g", "zh", "f 复合 g"),
    # a ring after a number is a degree sign written without its ^
    (r"90^\circ", "en", "90 degrees"),
    (r"90\circ", "en", "90 degrees"),
    (r"90 \, \circ", "en", "90 degrees"),
    (r"25^\circ\mathrm{C}", "en", "25 degrees Celsius"),
])
def test_composition_apart_from_degrees(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


def test_the_ring_and_definition_signs_in_prose() -> None:
    assert speak_symbols("f∘g", "en") == "f composed with g"
    # ⊙ is the Hadamard product, Chinese geometry's circle (⊙O) and the Sun (M⊙): left as written
    assert speak_symbols("⊙O", "zh") == "⊙O"
    assert speak_tex(r"\odot O", "zh") == "odot O"
    assert speak_symbols("x ≔ 2", "en") == "x is defined as 2"


@pytest.mark.parametrize(("tex", "lang", "said"), [
    ("3:2", "en", "3 to 2"),
    ("1 : 1000", "en", "1 to 1000"),
    ("a:b = c:d", "en", "a to b equals c to d"),
    ("a:b = c:d", "zh", "a 比 b 等于 c 比 d"),
    ("2 : 3 : 4", "en", "2 to 3 to 4"),
    ("x^2 : y^2", "en", "x squared to y squared"),
    # a definition
    ("x := 2", "en", "x is defined as 2"),
    ("a := b", "zh", "a 定义为 b"),
    (r"A \coloneqq B", "en", "A is defined as B"),
    # not ratios: a signature, set-builder notation
    (r"f: A \to B", "en", "f from A to B"),
    (r"\{x : x>0\}", "en", "the set of x such that x is greater than 0"),
    (r"\{ x \in A : x > 0 \}", "en", "the set of x in A such that x is greater than 0"),
])
def test_a_ratio_and_a_definition(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex", [
    "x : x > 0",  # a condition follows (set-builder without its braces)
    r"x : x \in A",
    "x : 1, 2",
    "a : -b",  # no operand after the colon
])
def test_a_colon_before_a_condition_is_no_ratio(tex: str) -> None:
    assert " to " not in speak_tex(tex, "en")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\triangle A'B'C' \sim DEF", "en", "triangle A prime B prime C prime is similar to D E F"),
    (r"\triangle A'B'C' \sim \triangle DEF", "en", "triangle A prime B prime C prime is similar to triangle D E F"),
    (r"\triangle A'B'C' \sim DEF", "zh", "三角形 A 撇 B 撇 C 撇 相似于 D E F"),
    (r"\triangle ABC \sim DEF", "en", "triangle A B C is similar to D E F"),
    (r"\angle ABC \sim \angle DEF", "en", "angle A B C is similar to angle D E F"),
    # a variable before ~ and a distribution after it
    (r"X \sim N(0,1)", "en", "X is distributed as N of 0, 1"),
    (r"A \sim B", "en", "A is distributed as B"),
])
def test_similar_figures_with_primed_vertices(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "said"), [
    (r"\sin -x", "sin 负 x"),
    (r"\ln -x", "ln 负 x"),
    (r"a \oplus -b", "a 直和 负 b"),
    (r"a \times -b", "a 乘 负 b"),
    (r"a \cdot -b", "a 乘 负 b"),
    # after an operand a minus still subtracts
    (r"\sin x - 1", "sin x 减 1"),
    (r"\frac{a}{b}-c", "b 分之 a 减 c"),
    (r"\mathbf{x}-1", "x 减 1"),
])
def test_a_minus_after_a_function_or_an_operator_is_a_sign_in_chinese(tex: str, said: str) -> None:
    assert speak_tex(tex, "zh") == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # the placeholder dot with an operand on one side only: a place, not a product
    (r"\|\cdot - x\|", "en", "the norm of dot minus x"),
    (r"\|\cdot - x\|", "zh", "点 减 x 的范数"),
    (r"(\cdot + 1)", "en", "dot plus 1"),
    (r"p(\cdot \mid x)", "en", "p of dot given x"),
    (r"f(\cdot;\theta)", "en", "f of dot, theta"),
    (r"(x \cdot)", "en", "x dot"),
    # a product still: operands on both sides, a sign after it, a bar opening an absolute value
    (r"a \cdot -b", "en", "a times minus b"),
    (r"a \cdot -b", "zh", "a 乘 负 b"),
    (r"|x \cdot |y||", "en", "the absolute value of x times the absolute value of y"),
    (r"\cdot x", "en", "times x"),
    (r"a\cdot", "en", "a times"),
])
def test_the_placeholder_dot_beside_a_sign_a_semicolon_or_given(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a function's name as a command keeps its bracket across a space (TeX ignores it)
    (r"\sin^2 (\pi/4)", "en", "sine squared of pi over 4"),
    (r"\phi (x)", "en", "phi of x"),
    ("sin^2 (\\pi/4)", "en", "sine squared of pi over 4"),  # a function typed as letters
    # a sized bracket is a function's all the same
    (r"f\left(x\right) = x^2", "en", "f of x, equals x squared"),
    (r"f\big(x\big)", "en", "f of x"),
    (r"\sin\left(x\right)", "en", "sine of x"),
    (r"P\left(A \mid B\right)", "en", "P of A given B"),
    (r"f\left(x\right)", "zh", "f x"),
    (r"a\left(b+c\right)", "en", "a, b plus c"),
    # a letter before a space and a bracket is a product: the space is all that tells them apart
    ("np (1-p)", "en", "n p, 1 minus p"),
    ("A = P (1 + r)^n", "en", "A equals P, 1 plus r, to the power n"),
    ("f (x)", "en", "f, x"),
    ("f(x)", "en", "f of x"),
    ("a (b+c)", "en", "a, b plus c"),
])
def test_a_space_before_a_functions_bracket(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a space or TeX spacing between the micro sign and the metre
    (r"5\,\mu\,\mathrm{m}", "en", "5 micrometers"),
    (r"5 \mu \mathrm{m}", "en", "5 micrometers"),
    (r"5\,\mu\,\mathrm{m}", "zh", "5 微米"),
    # charges written inside the upright braces, with a pause before a sign that follows
    (r"\mathrm{SO_4^{2-}}", "en", "S O 4 2 minus"),
    (r"\mathrm{Na^+} + \mathrm{Cl^-}", "en", "Na plus, plus Cl minus"),
    # charges and sides in Chinese: 正 and 负, not powers
    (r"\mathrm{Ca}^{2+}", "zh", "Ca 2 正"),
    (r"\mathrm{Na}^+ + \mathrm{Cl}^-", "zh", "Na 正， 加 Cl 负"),
    (r"\mathrm{Na^+} + \mathrm{Cl^-}", "zh", "Na 正， 加 Cl 负"),
    (r"\mathrm{SO_4^{2-}}", "zh", "S O 4 2 负"),
    (r"x \to 0^+", "zh", "x 趋于 0 正"),
    (r"x^{-1}", "zh", "x 的负 1次方"),  # a power still
])
def test_micrometres_with_spaces_and_charges_in_braces_and_in_chinese(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


def test_charges_in_chinese_prose() -> None:
    assert speak_symbols("Na⁺ + Cl⁻", "zh") == "Na 正， 加 Cl 负"
    assert speak_symbols("Ca²⁺", "zh") == "Ca 2 正"
    assert speak_symbols("x²", "zh") == "x 的平方"


@pytest.mark.parametrize(("tex", "said"), [
    # a relation in braces (TeX's spacing trick) is still a relation: the minus after it is a sign
    (r"x {=} -1", "x 等于 负 1"),
    (r"x {\le} -1", "x 小于等于 负 1"),
    # a letter in braces is an operand
    (r"{x} - 1", "x 减 1"),
])
def test_a_relation_in_braces_before_a_minus(tex: str, said: str) -> None:
    assert speak_tex(tex, "zh") == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # Dirac's notation: a bar closed by an angle bracket is a ket, an angle bracket closed by a bar a bra
    (r"|\psi\rangle", "en", "ket psi"),
    (r"|0\rangle + |1\rangle", "en", "ket 0, plus ket 1"),
    (r"|0\rangle + |1\rangle", "zh", "右矢 0， 加 右矢 1"),
    (r"\frac{1}{\sqrt{2}}(|0\rangle + |1\rangle)", "en", "1 over the square root of 2, ket 0, plus ket 1"),
    (r"|\psi\rangle \otimes |\phi\rangle", "en", "ket psi, tensor ket phi"),
    (r"\left| x \right\rangle", "en", "ket x"),
    (r"\langle \phi |", "en", "bra phi"),
    (r"\left\langle x \right|", "en", "bra x"),
    (r"\langle \phi | \psi \rangle = 0", "en", "the inner product of phi and psi, equals 0"),
    (r"\langle \phi | \psi \rangle", "zh", "斐 与 普西 的内积"),
    (r"\langle \psi | H | \psi \rangle", "en", "bra psi, H, ket psi"),
    (r"\langle \psi | H | \psi \rangle", "zh", "左矢 普西， H， 右矢 普西"),
    # bars that close each other are still absolute values and sets
    (r"||x|-|y||", "en", "the absolute value of the absolute value of x, minus the absolute value of y"),
    (r"\{x | x > 0\}", "en", "the set of x such that x is greater than 0"),
    (r"\langle x, y \rangle", "en", "the inner product of x and y"),
])
def test_kets_bras_and_brackets(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a function before sized or spaced bars
    (r"\ln\left|x\right| + C", "en", "natural log of the absolute value of x, plus C"),
    (r"\ln\Big|x\Big|", "en", "natural log of the absolute value of x"),
    (r"\ln{} |x|", "en", "natural log of the absolute value of x"),
    # floor and ceiling, as macros and as characters, nested
    (r"\lfloor x \rfloor + 1", "en", "the floor of x, plus 1"),
    (r"\left\lfloor \frac{n}{2} \right\rfloor", "en", "the floor of n over 2"),
    (r"\lceil \log_2 n \rceil", "en", "the ceiling of log 2 n"),
    ("⌊x⌋ + 1", "en", "the floor of x, plus 1"),
    ("⌈x⌉", "en", "the ceiling of x"),
    (r"\lfloor \lfloor x \rfloor / 2 \rfloor", "en", "the floor of the floor of x, over 2"),
    (r"\lfloor \cdot \rfloor", "en", "the floor of dot"),
    (r"\lfloor x \rfloor", "zh", "x 的下取整"),
    (r"\lceil x \rceil + 1", "zh", "x 的上取整， 加 1"),
    (r"\lfloor x", "en", "x"),  # unpaired: a bracket's pause only
    # a typed ellipsis is "and so on", as \ldots
    ("1, 2, ..., n", "en", "1, 2, and so on, n"),
    ("x_1, ..., x_n", "zh", "x 1， 等等， x n"),
    ("1,2,...,n", "en", "1, 2, and so on, n"),
    ("3.14", "en", "3.14"),
    # after digits, the dots say a number was cut short
    (r"3.82... \times 10^{25}", "en", "3.82 times 10 to the power 25"),
    # the negative part in Chinese, as the positive one; a signature in brackets
    (r"\left[x\right]_-^2", "zh", "x， 负 的平方"),
])
def test_floors_ellipses_and_functions_before_sized_bars(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # the review's inputs, each once read wrongly by this change's first version
    # a degree sign or a star in a script before a minus: a subtraction
    (r"180^\circ - \theta", "zh", "180 度 减 西塔"),
    (r"z^\ast - w", "zh", "z 星 减 w"),
    (r"\sin\,-x", "zh", "sin 负 x"),
    # a dot between bars is a product
    (r"|x| \cdot 2", "en", "the absolute value of x, times 2"),
    (r"|\vec a|\cdot|\vec b|\cdot\cos\theta", "en",
     "the absolute value of vector a, times the absolute value of vector b, times cosine theta"),
    # the ring character after a number is a degree sign; a subscript's digit is no number
    (r"{90}^{∘}", "en", "90 degrees"),
    ("90∘", "en", "90 degrees"),
    ("5\\circ", "en", "5 degrees"),
    (r"\angle A = 90\circ", "en", "angle A equals 90 degrees"),
    (r"T_1 \circ T_2", "en", "T 1 composed with T 2"),
    (r"f_1\circ f_2", "en", "f 1 composed with f 2"),
    # colons that are no ratio: a map, a quantifier's "such that", a condition, a label
    (r"f: x \mapsto x^2", "en", "f x maps to x squared"),
    (r"\forall x : P(x)", "en", "for all x P of x"),
    (r"\exists x : x^2 = 2", "en", "there exists x x squared equals 2"),
    ("x : x^2 = 1", "en", "x x squared equals 1"),
    ("A: x = 1", "en", "A x equals 1"),
    (r"x :\!= 2", "en", "x is defined as 2"),
    ("x : = 2", "en", "x is defined as 2"),
    # a negative power in upright braces is no charge
    (r"\mathrm{e^{-kt}}", "en", "e -kt"),
    (r"\mathrm{Na^{+}}", "en", "Na plus"),
    # the mean of an absolute value is no bra-ket
    (r"\langle |x| \rangle", "en", "the absolute value of x"),
    # dots after an integer go on; after a decimal, its digits were cut short
    ("1, 2, 3...", "en", "1, 2, 3 and so on"),
    ("1 + 2 + 4 + 8...", "en", "1 plus 2 plus 4 plus 8 and so on"),
    (r"\pi = 3.14159...", "en", "pi equals 3.14159"),
])
def test_readings_the_review_found_wrong(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


def test_a_ring_after_a_number_in_prose_is_a_degree_sign() -> None:
    assert speak_symbols("45∘", "en") == "45 degrees"
    assert speak_symbols("25∘C", "zh") == "25 摄氏度"


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # under a limit the arrow tends, whichever is written; alone it "gives" (a reaction)
    (r"\lim_{n \rightarrow \infty} a_n", "en", "the limit as n tends to infinity, of a n"),
    (r"\lim_{n \rightarrow \infty} a_n", "zh", "当 n 趋于 无穷大 时，极限 a n"),
    (r"\lim_{x\rightarrow 0^+} f(x)", "en", "the limit as x tends to 0 plus, of f of x"),
    (r"A \rightarrow B", "en", "A gives B"),
])
def test_an_arrow_under_a_limit(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said

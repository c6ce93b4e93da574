"""The formulas of the real maths pages (test_formulas_spoken.py reads them whole, seconds each)
said exactly, in process: the Wikipedia "Hermitian matrix" formulas as its alt texts give them,
and one hand-written formula per TeX macro family the six pages of
test_no_tex_reaches_the_engine_and_long_formulas_are_reported use (\\color, \\tag, \\bm,
\\enspace, \\big, \\middle, \\lbrace, \\widetilde, \\overset, \\lVert, \\dfrac, \\mathcal...).
Nothing of TeX may reach the engine: no backslash, brace, caret or underscore."""

from __future__ import annotations

import re

import pytest

from narrator.script.maths import script_words, speak_tex

_RAW = re.compile(r"[\\{}^_$]|\b(?:frac|begin|end|mathbb|displaystyle|left|right|color|tag)\b")

# the alt texts of en-wikipedia-hermitian-matrix (MathML fallback images)
HERMITIAN = [
    (r"{\displaystyle A{\text{ Hermitian}}\quad \iff \quad a_{ij}={\overline {a_{ji}}}}",
     "A Hermitian if and only if a sub i j, equals a sub j i, bar",
     "A Hermitian 当且仅当 a i j 等于 a j i 拔"),
    (r"{\displaystyle A{\text{ Hermitian}}\quad \iff \quad A={\overline {A^{\mathsf {T}}}}}",
     "A Hermitian if and only if A equals A transpose bar",
     "A Hermitian 当且仅当 A 等于 A 的转置 拔"),
    (r"{\displaystyle A^{\mathsf {H}}=A^{\dagger }=A^{\ast }}",
     "A conjugate transpose equals A dagger equals A star",
     "A 的共轭转置 等于 A 的厄米共轭 等于 A 星"),
    (r"{\displaystyle \langle w,Av\rangle =\langle Aw,v\rangle ,}",
     "the inner product of w and A v, equals the inner product of A w and v",
     "w 与 A v 的内积 等于 A w 与 v 的内积"),
    (r"{\displaystyle \langle \cdot ,\cdot \rangle }", "the inner product", "内积"),
    (r"{\displaystyle \langle v,Av\rangle \in \mathbb {R} ,\quad v\in V.}",
     "the inner product of v and A v, in the real numbers, v in V",
     "v 与 A v 的内积 属于 实数集， v 属于 V"),
    (r"{\displaystyle {\overline {A}}}", "A bar", "A 拔"),
    (r"{\displaystyle {\begin{bmatrix}2&2+i&4\\2-i&3&i\\4&-i&1\\\end{bmatrix}}}",
     "the 3 by 3 matrix with rows: 2, 2 plus i, 4; 2 minus i, 3, i; 4, minus i, 1",
     "3 行 3 列的矩阵，各行为：2，2 加 i，4；2 减 i，3，i；4，负 i，1"),
    (r"{\displaystyle H_{ij}={\overline {H}}_{ji}}", "H sub i j, equals H bar sub j i", "H i j 等于 H 拔 j i"),
    (r"{\displaystyle A^{-1}=(A^{-1})^{H}}", "A inverse equals A inverse, conjugate transpose",
     "A 的逆 等于 A 的逆 的共轭转置"),
    (r"{\displaystyle (AB)^{\mathsf {H}}=AB}", "A B, conjugate transpose equals A B", "A B 的共轭转置 等于 A B"),
    (r"{\displaystyle v^{\mathsf {H}}Av=\left(v^{\mathsf {H}}Av\right)^{\mathsf {H}}}",
     "v conjugate transpose A v equals v conjugate transpose A v, conjugate transpose",
     "v 的共轭转置 A v 等于 v 的共轭转置 A v 的共轭转置"),
    (r"{\displaystyle E_{jj}{\text{ for }}1\leq j\leq n\quad (n{\text{ matrices}})}",
     "E sub j j, for 1 is less than or equal to j is less than or equal to n, n matrices",
     "E j j for 1 小于等于 j 小于等于 n， n matrices"),
    (r"{\displaystyle u_{1},\dots ,u_{n}}", "u 1, and so on, u n", "u 1， 等等， u n"),
    (r"{\displaystyle A=U\Lambda U^{\mathsf {H}}}", "A equals U capital lambda U conjugate transpose",
     "A 等于 U 大写兰姆达 U 的共轭转置"),
    (r"{\displaystyle A=\sum _{j}\lambda _{j}u_{j}u_{j}^{\mathsf {H}},}",
     "A equals the sum over j of lambda j u j u j conjugate transpose",
     "A 等于 j 求和， 兰姆达 j u j u j 的共轭转置"),
    (r"{\displaystyle A=A^{\mathsf {H}}\quad \Rightarrow \quad \det(A)={\overline {\det(A)}}}",
     "A equals A conjugate transpose implies the determinant of, A, equals the determinant of, A, bar",
     "A 等于 A 的共轭转置 推出 行列式， A， 等于 行列式， A， 拔"),
    (r"{\displaystyle C=A+B\quad {\mbox{with}}\quad A={\frac {1}{2}}\left(C+C^{\mathsf {H}}\right)\quad "
     r"{\mbox{and}}\quad B={\frac {1}{2}}\left(C-C^{\mathsf {H}}\right)}",
     "C equals A plus B with A equals 1 over 2, C plus C conjugate transpose, "
     "and B equals 1 over 2, C minus C conjugate transpose",
     "C 等于 A 加 B with A 等于 2 分之 1， C 加 C 的共轭转置， and B 等于 2 分之 1， C 减 C 的共轭转置"),
]

# one formula per macro family of the six real maths pages
MACROS = [
    (r"{\color{red} x} + y", "x plus y", "x 加 y"),
    (r"y = x \tag{1}", "y equals x", "y 等于 x"),
    (r"\bm{x}^{\top} \boldsymbol{\beta}", "x transpose beta", "x 的转置 贝塔"),
    (r"a \enspace b", "a b", "a b"),
    (r"\big( x \big) + \Big[ y \Big]", "x, plus y", "x， 加 y"),
    (r"\left\{ x \middle| x > 0 \right\}", "the set of x such that x is greater than 0",
     "所有满足 x 大于 0 的 x 组成的集合"),
    (r"\lbrace a, b \rbrace", "the set a, b", "集合 a， b"),
    (r"\widetilde{x}", "x tilde", "x 波浪"),
    (r"\overset{\Delta}{=}", "equals", "等于"),
    (r"\lVert x \rVert_{2}", "the 2 norm of x", "x 的 2 范数"),
    (r"\hat{\beta} = \dfrac{\sum x_i y_i}{\sum x_i^2}",
     "beta hat equals the fraction the sum of x i y i, over the sum of x i squared",
     "贝塔 尖 等于 求和 x i 的平方 分之 求和 x i y i"),
    (r"\mathcal{L}(\theta)", "L of theta", "L 西塔"),
    (r"\lim_{n \to \infty} a_n", "the limit as n tends to infinity, of a n", "当 n 趋于 无穷大 时，极限 a n"),
    (r"\prod_{i=1}^{n} p_i", "the product from i equals 1 to n of p i", "从 i 等于 1 到 n 连乘， p i"),
    (r"\int_0^1 f(x)\,dx", "the integral from 0 to 1 of f of x, d x", "从 0 到 1 积分， f x d x"),
    (r"\max_{i} |x_i|", "the maximum over i of the absolute value of x i", "关于 i 求最大值， x i 的绝对值"),
    (r"\forall \epsilon > 0", "for all epsilon is greater than 0", "对任意 艾普西龙 大于 0"),
    (r"\displaystyle \frac{a}{b}", "a over b", "b 分之 a"),
    (r"\mathrm{d}x", "d x", "d x"),
]


@pytest.mark.parametrize(("tex", "en", "zh"), HERMITIAN + MACROS)
def test_the_formulas_of_the_real_maths_pages_are_said_exactly(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh
    assert not _RAW.search(en) and not _RAW.search(zh)


def test_a_long_page_formula_is_summarised_in_english_and_said_whole_in_chinese() -> None:
    tex = (r"{\displaystyle {\frac {1}{\sqrt {2}}}\left(E_{jk}+E_{kj}\right){\text{ for }}1\leq j<k\leq n\quad "
           r"\left({\frac {n^{2}-n}{2}}{\text{ matrices}}\right)}")
    assert speak_tex(tex, "en") == "a long formula: a long expression"
    assert speak_tex(tex, "zh") == ("根号 2 分之 1， E j k 加 E k j， for 1 小于等于 j 小于 k 小于等于 n， "
                                    "2 分之 n 的平方 减 n matrices")


def test_a_conjugate_transpose_in_html_superscript_is_named() -> None:
    # AA<sup>H</sup> = A<sup>H</sup>A on the same page: the letter stays, the H is named
    assert script_words("AA", "H", "sup", "en") == ("AA", " conjugate transpose ")
    assert script_words("A", "H", "sup", "zh") == ("A", " 的共轭转置 ")

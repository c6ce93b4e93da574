"""Formulas as a teacher says them (narrator/script/maths.py), exactly: one small TeX formula per
construction, the whole English and Chinese readings compared (before the normaliser says the
numbers), so a word lost, added or moved shows. Each expected reading was worked out from how
the construction is said in class: bounds of big operators, derivatives, roots, delimiters,
matrices, cases, distributions, number sets, accents, scripts, and letters that spell a word."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


CASES = [
    # big operators and their bounds
    (r"\sum_{i=1}^{n} i^2", "the sum from i equals 1 to n of i squared", "从 i 等于 1 到 n 求和， i 的平方"),
    (r"\sum_{k} a_k", "the sum over k of a k", "k 求和， a k"),
    (r"\sum a", "the sum of a", "求和 a"),
    (r"\prod_{i=1}^{n} x_i", "the product from i equals 1 to n of x i", "从 i 等于 1 到 n 连乘， x i"),
    (r"\int_0^1 f(x)\,dx", "the integral from 0 to 1 of f of x, d x", "从 0 到 1 积分， f x d x"),
    (r"\int\limits_0^1 x", "the integral from 0 to 1 of x", "从 0 到 1 积分， x"),
    (r"\int f", "the integral of f", "积分 f"),
    (r"\lim_{x \to 0} \frac{\sin x}{x}", "the limit as x tends to 0, of the fraction sine x, over x",
     "当 x 趋于 0 时，极限 x 分之 sin x"),
    (r"\lim f", "the limit of f", "极限 f"),
    (r"\max_{x} f(x)", "the maximum over x of f of x", "关于 x 求最大值， f x"),
    (r"\min_{x \in S} g(x)", "the minimum over x in S of g of x", "关于 x 属于 S 求最小值， g x"),
    (r"\arg\min_x f(x)", "arg min over x of f of x", "关于 x 求 arg min， f x"),
    (r"\arg\max_{\theta} L", "arg max over theta of L", "关于 西塔 求 arg max， L"),
    (r"\max(a, b)", "the maximum of, a, b", "求最大值， a， b"),
    # fractions and derivatives
    (r"\frac{dy}{dx}", "d y by d x", "y 对 x 的导数"),
    (r"\frac{d}{dx} f", "the derivative with respect to x of f", "对 x 求导， f"),
    (r"\frac{\partial f}{\partial x}", "partial f by partial x", "f 对 x 的偏导数"),
    (r"\frac{\partial}{\partial t} u", "the partial derivative with respect to t of u", "对 t 求偏导， u"),
    (r"\frac{a+b}{c}", "the fraction a plus b, over c", "c 分之 a 加 b"),
    (r"\frac{1}{2}", "1 over 2", "2 分之 1"),
    (r"\binom{n}{k}", "n choose k", "n 选 k"),
    # roots
    (r"\sqrt{x}", "the square root of x", "根号 x"),
    (r"\sqrt[3]{x}", "the cube root of x", "三次根号 x"),
    (r"\sqrt[n]{x}", "the nth root of x", "n 次根号 x"),
    (r"\sqrt[2]{x}", "the square root of x", "根号 x"),
    # delimiters said once for the pair
    (r"|x|", "the absolute value of x", "x 的绝对值"),
    (r"\|x\|_2", "the 2 norm of x", "x 的 2 范数"),
    (r"\|x\|", "the norm of x", "x 的范数"),
    (r"\langle u, v \rangle", "the inner product of u and v", "u 与 v 的内积"),
    (r"\langle \cdot, \cdot \rangle", "the inner product", "内积"),
    (r"\{x \mid x > 0\}", "the set of x such that x is greater than 0", "所有满足 x 大于 0 的 x 组成的集合"),
    (r"\{x : x > 0\}", "the set of x such that x is greater than 0", "所有满足 x 大于 0 的 x 组成的集合"),
    (r"\{1, 2, 3\}", "the set 1, 2, 3", "集合 1， 2， 3"),
    (r"P(A|B)", "P of A given B", "P， A 给定 B"),
    (r"a \mid b", "a divides b", "a 整除 b"),
    (r"\lfloor x \rfloor", "the floor of x", "x 的下取整"),
    (r"\lceil x \rceil + 1", "the ceiling of x, plus 1", "x 的上取整， 加 1"),
    # matrices
    (r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", "the 2 by 2 matrix with rows: a, b; c, d",
     "2 行 2 列的矩阵，各行为：a，b；c，d"),
    (r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}", "the determinant of the 2 by 2 matrix with rows: a, b; c, d",
     "行列式，2 行 2 列的矩阵，各行为：a，b；c，d"),
    (r"\begin{pmatrix} a \\ b \\ c \end{pmatrix}", "the column vector a, b, c", "列向量 a，b，c"),
    (r"\begin{pmatrix} a & b & c \end{pmatrix}", "the row vector a, b, c", "行向量 a，b，c"),
    (r"\left| \begin{matrix} a & b \\ c & d \end{matrix} \right|",
     "the determinant of the 2 by 2 matrix with rows: a, b; c, d", "行列式，2 行 2 列的矩阵，各行为：a，b；c，d"),
    (r"\left| \begin{matrix} a & b & c \\ d & e & f \end{matrix} \right|",
     "the 2 by 3 matrix with rows: a, b, c; d, e, f", "2 行 3 列的矩阵，各行为：a，b，c；d，e，f"),
    (r"\begin{bmatrix} 1 & 0 \\ \vdots & \vdots \\ 0 & 1 \end{bmatrix}",
     "the 3 by 2 matrix with rows: 1, 0; and so on; 0, 1", "3 行 2 列的矩阵，各行为：1，0；等等；0，1"),
    # cases: each value with its condition
    (r"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}", "1 if x is greater than 0; 0 otherwise",
     "当 x 大于 0 时为 1；其他情况为 0"),
    (r"\begin{cases} 1 & \text{for } x > 0 \\ 0 & \text{when } x < 0 \\ 2 & \text{else} \end{cases}",
     "1 for x is greater than 0; 0 when x is less than 0; 2 else",
     "当 for x 大于 0 时为 1；当 when x 小于 0 时为 0；其他情况为 2"),
    (r"\begin{cases} 1 & x > 0 \\ 0 & \text{其它} \end{cases}", "1 if x is greater than 0; 0 if 其它",
     "当 x 大于 0 时为 1；其他情况为 0"),
    (r"\begin{cases} 1 & x > 0 \\ 0 & \end{cases}", "1 if x is greater than 0; 0", "当 x 大于 0 时为 1；其他情况为 0"),
    (r"\begin{cases} 1 & \text{Otherwise} \end{cases}", "1 Otherwise", "其他情况为 1"),
    # ~: a distribution after a variable, similarity between figures
    (r"X \sim N(0, 1)", "X is distributed as N of 0, 1", "X 服从 N， 0， 1"),
    (r"X \sim \mathcal{N}(0, 1)", "X is distributed as N of 0, 1", "X 服从 N， 0， 1"),
    (r"X \sim \chi^2", "X is distributed as chi squared", "X 服从 凯 的平方"),
    (r"T \sim t", "T is distributed as t", "T 服从 t"),
    (r"X \sim \mathbf{B}", "X is distributed as B", "X 服从 B"),
    (r"X ∼ N", "X is distributed as N", "X 服从 N"),
    (r"\triangle ABC \sim \triangle DEF", "triangle A B C is similar to triangle D E F",
     "三角形 A B C 相似于 三角形 D E F"),
    (r"a \sim \triangle", "a is similar to triangle", "a 相似于 三角形"),
    (r"a \sim b", "a is similar to b", "a 相似于 b"),
    (r"x ∼ y", "x is similar to y", "x 相似于 y"),
    # number sets
    (r"\mathbb{R}^n", "R n", "R n"),
    (r"\mathbb{R}^{n \times k}", "R n by k", "R n 乘 k"),
    (r"\mathbb{R}", "the real numbers", "实数集"),
    ("ℝ^2", "R 2", "R 2"),
    (r"x \in \mathbb{Z}", "x in the integers", "x 属于 整数集"),
    ("q ∈ ℚ", "q in the rational numbers", "q 属于 有理数集"),
    # a dot standing for an argument; a dot between operands is a product
    (r"f(\cdot)", "f of dot", "f 点"),
    (r"f(\cdot, y)", "f of dot, y", "f， 点， y"),
    (r"g(x, \cdot)", "g of x, dot", "g， x， 点"),
    (r"a \cdot b", "a times b", "a 乘 b"),
    # accents, styles, arrows with text
    (r"\vec{v}", "vector v", "向量 v"),
    (r"\bar{x}", "x bar", "x 拔"),
    (r"\tilde{y}", "y tilde", "y 波浪"),
    (r"\dot{x}", "x dot", "x 点"),
    (r"\overset{def}{=}", "equals", "等于"),
    (r"\xrightarrow{heat}", "gives", "生成"),
    (r"\mathbf{x}", "x", "x"),
    # per cent
    (r"50\%", "50 percent", "百分之50"),
    (r"x = 5\%", "x equals 5 percent", "x 等于 百分之5"),
    (r"a\%", "a percent", "a 百分之"),
    (r"\%", "percent", "百分之"),
    # minus: a sign or a subtraction
    (r"-x + y", "minus x plus y", "负 x 加 y"),
    (r"a - b", "a minus b", "a 减 b"),
    (r"x = -1", "x equals minus 1", "x 等于 负 1"),
    # powers, primes, degrees, scripts
    (r"(a+b)^2", "a plus b, squared", "a 加 b 的平方"),
    (r"e^{i\pi}", "e to the power i pi", "e 的 i 派 次方"),
    ("x'", "x prime", "x 撇"),
    ("f''(x)", "f double prime of x", "f 两撇 x"),
    (r"x^{\prime}", "x prime", "x 撇"),
    (r"30^\circ", "30 degrees", "30 度"),
    (r"A^\dagger", "A dagger", "A 的厄米共轭"),
    (r"A^H", "A conjugate transpose", "A 的共轭转置"),
    (r"A^{\top}", "A transpose", "A 的转置"),
    (r"x^{-1}", "x to the power minus 1", "x 的负 1次方"),
    (r"2^{10}", "2 to the power 10", "2 的 10 次方"),
    (r"x_{i,j}", "x sub i, j", "x i， j"),
    (r"x_{ij}", "x sub i j", "x i j"),
    (r"x_{\max}", "x max", "x max"),
    (r"x_n", "x n", "x n"),
    (r"f^{(1)}", "the 1st derivative of f", "f 的 1 阶导数"),
    (r"f^{(3)}", "the 3rd derivative of f", "f 的 3 阶导数"),
    (r"y^{(n)}", "y superscript n", "y 上标 n"),
    (r"u^{(m)}(t)", "u superscript m, t", "u 上标 m， t"),
    # numbers
    ("1,000", "1,000", "1,000"),
    ("(0,1)", "0, 1", "0， 1"),
    ("3.14", "3.14", "3.14"),
    (".5", ".5", ".5"),
    ("2m", "two m", "二 m"),
    ("2x", "2 x", "2 x"),
    # Greek, functions, names
    (r"\alpha\beta", "alpha beta", "阿尔法 贝塔"),
    (r"\Gamma", "capital gamma", "大写伽马"),
    (r"\Delta t", "capital delta t", "大写德尔塔 t"),
    (r"\sin(x)", "sine of x", "sin x"),
    (r"\sin x", "sine x", "sin x"),
    (r"\log_2 n", "log 2 n", "log 2 n"),
    (r"\ln x", "natural log x", "ln x"),
    ("income", "income", "income"),
    ("abc", "a b c", "a b c"),
    ("age", "age", "age"),
    ("O(n^2)", "big O of n squared", "大 O， n 的平方"),
    (r"\operatorname{Var}(X)", "Var of X", "Var X"),
    (r"\text{speed}", "speed", "speed"),
    (r"\mathrm{d}x", "d x", "d x"),
    # separators, logic, arrows
    (r"a \\ b", "a, b", "a， b"),
    ("a; b", "a, b", "a， b"),
    (r"\infty", "infinity", "无穷大"),
    (r"a \to b", "a tends to b", "a 趋于 b"),
    (r"A \Rightarrow B", "A implies B", "A 推出 B"),
    (r"\forall x \exists y", "for all x there exists y", "对任意 x 存在 y"),
    (r"\neg p \land q", "not p and q", "非 p 且 q"),
    (r"x \equiv 1", "x is identical to 1", "x 恒等于 1"),
    (r"\nabla f", "nabla f", "梯度 f"),
    (r"\partial_x f", "partial x f", "偏 x f"),
    # what pylatexenc cannot make a tree of is said by its characters and command names
    (r"\end{x}", "end x", "end x"),
    ("}}}", "", ""),
    ("", "", ""),
]


@pytest.mark.parametrize("tex, en, zh", CASES)
def test_formula_readings(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en", whole=True) == en
    assert speak_tex(tex, "zh", whole=True) == zh

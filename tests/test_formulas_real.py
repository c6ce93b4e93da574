"""Issue 18, item 5: formulas as real maths pages write them, said as a teacher says them.

Each case is hand-written, modelled on what narrate got wrong on real pages gathered outside
the repository (tools/extra-corpus/SOURCES.tsv names them): a Chinese LaTeX2HTML book rendered
by KaTeX's auto-render, a TeX4ht MathML page, a Typora export of Chinese course notes (MathJax 2),
a bookdown chapter and a Quarto book. The comment on each case names the kind of page.
"""

from __future__ import annotations

import re

import pytest

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.parse.maths import bare_tex, find_tex, mathml_string_to_tex
from narrator.script.maths import speak_tex
from narrator.script.planner import plan
from narrator.values import Segment

_RAW = re.compile(r"[\\{}^_$]|\b(?:frac|begin|end|rm|Vert|ast)\b")


def segments(html: str) -> list[Segment]:
    doc = parse_html(html.encode(), "lesson.html", ParseConfig())
    return list(plan(doc, Config()).segments)


# -- TeX arriving without delimiters ---------------------------------------------------------

def test_katex_autorender_spans_hold_bare_tex_and_are_maths() -> None:
    # LaTeX2HTML page rendered by KaTeX auto-render in the browser: the span holds TeX, no $
    html = ('<html lang="zh"><body><p>由于 <span class="math-inline">x^{\\ast} A = \\lambda x^{\\ast}</span>，'
            '左特征向量和右特征向量是相同的。假设 <span class="math-inline">\\Vert x_i\\Vert _2=1</span>。'
            '计算出的<span class="math-inline">{k}</span>个特征值。</p></body></html>')
    said = " ".join(s.spoken for s in segments(html))
    assert not _RAW.search(said), said
    assert "x 星 A 等于 兰姆达 x 星" in said
    assert "x i 的 二 范数 等于 一" in said
    assert "计算出的 k 个特征值" in said


@pytest.mark.parametrize("text", [
    r"p(\lambda) = {\rm det}(\lambda I-A)", r"x_i^*x_j=0", r"\lambda_i > 0", r"{V}^A", "{k}",
    # a Quarto page's fitted model: names are words, inside \operatorname with a group inside
    r"\operatorname{\widehat{daughter\_height}} = 29.8 + 0.54(\operatorname{mother\_height})",
])
def test_a_text_that_is_only_tex_is_one_formula(text: str) -> None:
    # KaTeX auto-render spans (LaTeX2HTML + KaTeX), pasted notes
    assert bare_tex(text)
    assert find_tex(text) == [(0, len(text), text)]


@pytest.mark.parametrize("text", [
    r"the \cssId macro", r"C:\Users\ana", "hello world", "{name}", "snake_case_names are fine",
    "https://example.org/a_b", "我们用 x_i 表示",
])
def test_prose_about_tex_is_not_a_formula(text: str) -> None:
    assert not bare_tex(text)


# -- readings --------------------------------------------------------------------------------

@pytest.mark.parametrize(("tex", "en", "zh"), [
    # LaTeX2HTML + KaTeX, Chinese eigenvalue book: an old font switch makes a word
    (r"p(\lambda) = {\rm det}(\lambda I-A)", "p of lambda, equals the determinant of, lambda I minus A",
     "p 兰姆达 等于 行列式， 兰姆达 I 减 A"),
    # same book: the orthogonal complement, not a power
    (r"(Bu_j^{(m)})^\perp", "B u j superscript m, perp", "B u j 上标 m， 的正交补"),
    (r"\widetilde{Z}^\perp", "Z tilde perp", "Z 波浪 的正交补"),
    # same book: big O
    (r"O({\epsilon})", "big O of epsilon", "大 O， 艾普西龙"),
    # Typora export of Chinese ML notes (MathJax 2): an inverse matrix, not a power
    (r"A{A}^{-1}={A}^{-1}A=I", "A A inverse equals A inverse A equals I", "A A 的逆 等于 A 的逆 A 等于 I"),
    # same notes: a minus after a bracket subtracts ("负" is a negative number)
    (r"\left( {h_\theta}(x^{(i)})-y^{(i)} \right)^2", None, None),
    # same notes: derivatives are not quotients
    (r"\frac{\partial }{\partial {\theta_j}}J(\theta_0, \theta_1)",
     "the partial derivative with respect to theta j of J, theta 0, theta 1",
     "对 西塔 j 求偏导， J， 西塔 0， 西塔 1"),
    (r"\frac{dy}{dx}", "d y by d x", "y 对 x 的导数"),
    # same notes: bars around a matrix that is not square are brackets
    (r"{{\left| \begin{matrix} a & b \\ c & d \\ e & f \end{matrix} \right|}^{T}}",
     "the 3 by 2 matrix with rows: a, b; c, d; e, f; transpose",
     "3 行 2 列的矩阵，各行为：a，b；c，d；e，f； 的转置"),
    (r"\left| \begin{matrix} a & b \\ c & d \end{matrix} \right|",
     "the determinant of the 2 by 2 matrix with rows: a, b; c, d", "行列式，2 行 2 列的矩阵，各行为：a，b；c，d"),
    # Quarto book (regression): variable names written as letters are words
    (r"0.02 + 0.004 \times income", "0.02 plus 0.004 times income", "0.02 加 0.004 乘 income"),
    (r"\beta_1 age_i + \beta_2 income_i", "beta 1 age i plus beta 2 income i", "贝塔 1 age i 加 贝塔 2 income i"),
    # TeX4ht notes: a function named by a word
    (r"Dec(i)", "Dec of i", "Dec i"),
    # TeX4ht notes: a circled plus is said
    (r"S \oplus T", "S direct sum T", "S 直和 T"),
])
def test_real_page_formulas(tex: str, en: str | None, zh: str | None) -> None:
    for lang, want in (("en", en), ("zh", zh)):
        said = speak_tex(tex, lang)
        assert not _RAW.search(said), said
        if want is not None:
            assert said == want


def test_minus_after_a_bracket_subtracts() -> None:
    # Typora export of Chinese ML notes: (h(x^(i)) - y^(i))^2 is a difference, not "负 y"
    tex = r"\left( {h_\theta}(x^{(i)})-y^{(i)} \right)^2"
    assert "减 y" in speak_tex(tex, "zh") and "负" not in speak_tex(tex, "zh")
    assert speak_tex(r"(a)-(b)", "zh") == "a， 减 b"
    # a minus that opens a formula or follows an operator is still a sign
    assert speak_tex(r"x = -1", "zh") == "x 等于 负 1"
    assert speak_tex(r"-x", "en") == "minus x"


def test_short_words_and_letter_products_stay_letters() -> None:
    assert speak_tex("abc + xyz", "en") == "a b c plus x y z"
    assert speak_tex("ab + ijk", "en") == "a b plus i j k"
    assert speak_tex("x^{-1}", "en") == "x to the power minus 1"  # a number's reciprocal is a power


@pytest.mark.parametrize("tex", [r"\frac{1}{2m}", r"2m + 3s"])
def test_a_coefficient_before_a_unit_letter_is_not_a_measure(tex: str) -> None:
    # Typora export of Chinese ML notes: 1/(2m) was heard "两米 分之 一" (two metres)
    from narrator.normalize import normalize

    for lang, unit in (("zh", "米"), ("en", "meters")):
        assert unit not in normalize(speak_tex(tex, lang), lang)
    assert speak_tex("2x", "en") == "2 x"  # other letters keep the digit for the engine


def test_tex4ht_mathml_sum_with_its_range() -> None:
    # TeX4ht (make4ht) MathML without TeX: ∑ in an msub is a sum over its range
    mathml = ('<math><msub><mo>∑</mo><mrow><mi>j</mi><mo>∈</mo><mi>C</mi></mrow></msub>'
              '<msub><mi>x</mi><mi>j</mi></msub></math>')
    tex = mathml_string_to_tex(mathml)
    assert tex is not None
    assert speak_tex(tex, "en") == "the sum over j in C of x j"
    assert speak_tex(tex, "zh") == "j 属于 C 求和， x j"

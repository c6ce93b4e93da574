"""Issue 9, item 2: maths and science spoken as a teacher says them, in English and Chinese.
One small hand-written input per way a formula reaches narrate; nothing here comes from a corpus."""

from __future__ import annotations

import re

import pytest

from narrator.config import Config, ParseConfig
from narrator.normalize import normalize
from narrator.parse import parse_html
from narrator.script.maths import script_words, speak_symbols, speak_tex
from narrator.script.planner import plan
from narrator.values import Segment

# what must never reach an engine: TeX and markup characters
_RAW = re.compile(r"[\\{}^_$<>]")


def segments(html: str, **options: object) -> list[Segment]:
    doc = parse_html(html.encode(), "lesson.html", ParseConfig(**options))  # type: ignore[arg-type]
    return list(plan(doc, Config()).segments)


def said(html: str) -> str:
    segs = segments(html)
    for s in segs:
        assert not _RAW.search(s.spoken), s.spoken
    return " | ".join(s.spoken for s in segs)


# -- TeX -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"x^{2}", "x squared", "x 的平方"),
    (r"a^3", "a cubed", "a 的立方"),
    (r"x^n", "x to the power n", "x 的 n 次方"),
    (r"\frac{1}{2}", "1 over 2", "2 分之 1"),
    (r"\sqrt{x}", "the square root of x", "根号 x"),
    (r"\sqrt[3]{8}", "the cube root of 8", "三次根号 8"),
    (r"a \le b", "a is less than or equal to b", "a 小于等于 b"),
    (r"a \geq b", "a is greater than or equal to b", "a 大于等于 b"),
    (r"a \neq b", "a is not equal to b", "a 不等于 b"),
    (r"30^\circ", "30 degrees", "30 度"),
    (r"50\%", "50 percent", "百分之50"),
    (r"\alpha + \beta", "alpha plus beta", "阿尔法 加 贝塔"),
    (r"x \pm 1", "x plus or minus 1", "x 正负 1"),
    (r"f(x) = 2x", "f of x, equals 2 x", "f x 等于 2 x"),
    (r"(a+b)^2", "a plus b, squared", "a 加 b 的平方"),
])
def test_tex_is_spoken_in_english_and_chinese(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_sums_limits_and_integrals_say_their_bounds() -> None:
    assert speak_tex(r"\sum_{i=1}^{n} i", "en") == "the sum from i equals 1 to n of i"
    assert speak_tex(r"\sum_{i=1}^{n} i", "zh").startswith("从 i 等于 1 到 n 求和")
    assert speak_tex(r"\lim_{x \to 0} x", "en").startswith("the limit as x tends to 0")
    assert speak_tex(r"\int_0^1 x\,dx", "en") == "the integral from 0 to 1 of x d x"


def test_every_delimiter_of_mathjax_is_read_and_money_is_not_maths() -> None:
    out = said(r"<p>Inline \(x^2\), display \[y_1\], double $$\frac{a}{b}$$ and single $z^3$ here.</p>"
               "<p>It costs $5 and $10 today.</p>")
    assert "x squared" in out and "y one" in out and "a over b" in out and "z cubed" in out
    assert "five dollars and ten dollars" in out


def test_the_reader_sees_the_formula_readably() -> None:
    segs = segments(r"<p>Solve \(x^{2}+1=0\) now.</p>")
    assert segs[0].text == "Solve x²+1=0 now."
    assert segs[0].spoken == "Solve x squared plus one equals zero now."
    assert "math" in segs[0].marks


def test_edx_mathjaxinline_and_bare_environments() -> None:
    out = said(r"<p>Here [mathjaxinline]E=mc^2[/mathjaxinline] holds.</p>"
               r"<p>\begin{equation} a+b \end{equation}</p>")
    assert "E equals m c squared" in out and "a plus b" in out


def test_chinese_paragraph_speaks_formulas_in_chinese() -> None:
    out = said(r"<p>解方程 \(x^{2}-5x+6=0\)，得 $x=2$ 或 $x=3$。</p>")
    assert "x 的平方 减 五 x 加 六 等于 零" in out and "x 等于 二" in out


# -- MathML, editor attributes, images -------------------------------------------------------------

def test_mathml_uses_its_tex_annotation() -> None:
    out = said('<p>Area <math><semantics><mi>r</mi><annotation encoding="application/x-tex">\\pi r^2'
               "</annotation></semantics></math> here.</p>")
    assert "Area pi r squared here." == out


def test_presentation_mathml_is_walked() -> None:
    out = said("<p>Then <math><mfrac><mrow><mi>a</mi><mo>+</mo><mn>1</mn></mrow><mi>b</mi></mfrac>"
               "<mo>=</mo><msqrt><mi>x</mi></msqrt><mo>≤</mo><msup><mi>y</mi><mn>2</mn></msup></math>.</p>")
    assert "the fraction a plus one, over b" in out
    assert "equals the square root of x" in out and "is less than or equal to y squared" in out


def test_mathml_in_chinese() -> None:
    out = said("<p>已知<math><msup><mi>x</mi><mn>3</mn></msup><mo>≥</mo><mn>8</mn></math>。</p>")
    assert "x 的立方 大于等于 八" in out


@pytest.mark.parametrize("element", [
    '<span class="ql-formula" data-value="x^2"><span class="katex">junk</span></span>',
    '<span data-latex="x^2">x2 rendered</span>',
    '<tiny-math-inline formula="x^2"></tiny-math-inline>',
    '<img src="https://latex.example/render.svg?x^2" class="formula" alt="x^2">',
    '<script type="math/tex">x^2</script>',
    '<img class="Wirisformula" alt="picture of a formula" data-mathml="«math xmlns=¨http://www.w3.org/1998/Math/MathML¨»'
    '«msup»«mi»x«/mi»«mn»2«/mn»«/msup»«/math»">',
    '<script type="math/mml"><math><msup><mi>x</mi><mn>2</mn></msup></math></script>',
])
def test_editor_formula_elements_are_read_from_their_attribute(element: str) -> None:
    out = said(f"<p>We know {element} is positive.</p>")
    assert "x squared" in out and "junk" not in out and "rendered" not in out and "picture" not in out


def test_a_picture_is_not_a_formula() -> None:
    out = said('<p>See <img src="math-class.png" alt="Students solving problems"> here.</p>')
    assert "Students solving problems" in out


# -- sup, sub and symbols --------------------------------------------------------------------

def test_sup_and_sub_are_exponents_ordinals_and_chemical_formulas() -> None:
    out = said("<p>Area is x<sup>2</sup>, volume y<sup>3</sup>, growth 2<sup>n</sup>; "
               "the 1<sup>st</sup> test used H<sub>2</sub>O and CO<sub>2</sub>.</p>")
    assert "x squared" in out and "y cubed" in out and "two to the power n" in out
    assert "the first test" in out and "H two O" in out and "C O two" in out


def test_sup_in_chinese_and_footnote_marks_are_not_exponents() -> None:
    out = said("<p>面积单位是m<sup>2</sup>，体积单位是m<sup>3</sup>。</p>"
               "<p>As Newton wrote.<sup>3</sup> Then Einstein<sup>4</sup> agreed.</p>")
    assert "m 的平方" in out and "m 的立方" in out
    assert "cubed" not in out and "power" not in out


@pytest.mark.parametrize(("text", "en", "zh"), [
    ("3 ≤ x", "3 is less than or equal to x", "3 小于等于 x"),
    ("x ≠ 0", "x is not equal to 0", "x 不等于 0"),
    ("2 × 3 ÷ 4", "2 times 3 divided by 4", "2 乘 3 除以 4"),
    ("25℃", "25 degrees Celsius", "25 摄氏度"),
    ("25°C", "25 degrees Celsius", "25 摄氏度"),
    ("90°", "90 degrees", "90 度"),
    ("50%", "50 percent", "百分之50"),
    ("√2", "the square root of 2", "根号 2"),
    ("x → ∞", "x to infinity", "x 到 无穷大"),
    ("$5", "5 dollars", "5美元"),
    ("€20", "20 euros", "20欧元"),
    ("x²", "x squared", "x 的平方"),
    ("CO₂", "C O 2", "C O 2"),
    ("10⁻³", "10 to the power minus 3", "10 的负3次方"),
    ("±1", "plus or minus 1", "正负 1"),
])
def test_symbols_in_text(text: str, en: str, zh: str) -> None:
    assert speak_symbols(text, "en") == en
    assert speak_symbols(text, "zh") == zh


def test_ordinary_text_is_left_alone() -> None:
    assert speak_symbols("Plain words, nothing else.", "en") == "Plain words, nothing else."
    assert speak_symbols("史蒂夫·乔布斯。", "zh") == "史蒂夫·乔布斯。"


def test_script_words_alone() -> None:
    assert script_words("x", "2", "sup", "en") == ("x", " squared ")
    assert script_words("Smith", "12", "sup", "en") == ("Smith", "")
    assert script_words("SO", "4", "sub", "en") == ("S O", " 4 ")


# -- Word's Symbol font ----------------------------------------------------------------------------

def test_word_symbol_font_runs_are_real_characters() -> None:
    segs = segments('<p class="MsoNormal">The circle: C = 2<span style="font-family:Symbol">p</span>r and '
                    "<span style='mso-char-type:symbol;mso-symbol-font-family:Symbol'>\u00d0</span>ABC "
                    "= 90<span style=\"font-family:Symbol\">\u00b0</span>.</p>")
    assert segs[0].text == "The circle: C = 2πr and ∠ABC = 90°."
    assert "two pi r" in segs[0].spoken and "angle ABC" in segs[0].spoken and "ninety degrees" in segs[0].spoken


def test_chinese_word_symbol_font() -> None:
    segs = segments('<p>圆周率<span style="font-family:Symbol">p</span>约等于3.14，'
                    '角<span style="font-family:Symbol">a</span>为锐角。</p>')
    assert "π" in segs[0].text and "派" in segs[0].spoken and "阿尔法" in segs[0].spoken


# -- long formulas -------------------------------------------------------------------------------

def test_a_formula_too_long_to_follow_is_announced_and_kept_in_the_skip_report() -> None:
    tex = " + ".join(rf"\frac{{x_{{{i}}}^{{2}}}}{{y_{{{i}}}}}" for i in range(1, 13))
    html = rf"<p>The total is \(S = {tex}\) as shown.</p>"
    segs = segments(html)
    assert [s.spoken for s in segs] == ["The total is a long formula: S equals an expression of twelve terms as shown."]
    assert segs[0].text.startswith("The total is S = x₁²/y₁ + ")  # the reader still sees all of it
    script = plan(parse_html(html.encode(), "lesson.html", ParseConfig()), Config())
    [entry] = [k for k in script.skipped if k.what == "long formula"]
    assert entry.reason.startswith("formula too long to follow by ear: S equals the fraction x 1 squared, over y 1, plus")
    assert entry.reason.count("over y") == 12


def sub(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@pytest.mark.parametrize("lead", ["For gold", "对于金"])
def test_a_word_before_a_long_formula_is_not_left_alone(lead: str) -> None:
    # says more than a segment holds (160 characters, 80 in Chinese) but is short enough to follow
    tex = (r"x_{1,2} = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a} \quad \text{whenever} \quad b^2 \geq 4ac"
           if lead == "For gold" else
           r"N = n \cdot N_A = 63.461 \cdot 6.022 \cdot 10^{23} = 3.8216 \cdot 10^{25} \approx 3.82 \cdot 10^{25}")
    lang = "en" if lead == "For gold" else "zh"
    said = normalize(speak_tex(tex, lang), lang)
    limit = Config().text.max_chars_cjk if lang == "zh" else Config().text.max_chars
    assert len(said) > limit and "long formula" not in said and "长公式" not in said
    segs = segments(rf"<p>{lead} \({tex}\)</p>")
    assert [s.spoken for s in segs] == [f"{lead} {said}"]
    assert segs[0].text.startswith(lead + " ")


def test_no_backslash_or_caret_left_in_prose() -> None:
    assert speak_symbols(r"The \cssId macro marks parts.", "en") == "The cssId macro marks parts."
    assert speak_symbols(r"Open C:\Users\ana first.", "en") == "Open C: Users ana first."
    assert speak_symbols("evangelísticos^ de la película", "es") == "evangelísticos de la película"

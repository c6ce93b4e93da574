"""Issue 18, the three readings left: units written inside TeX, superscripts that are labels
rather than powers, function application through bold and vector wrappers, and maths inside a
sentence of a language other than English or Chinese. Hand-written inputs; the words a formula
is heard with are the planner's (numbers said by the normaliser)."""

from __future__ import annotations

import pytest

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.maths import speak_tex
from narrator.script.planner import _formula_words, plan


def heard(tex: str, lang: str) -> str:
    return _formula_words(tex, lang)


# -- units ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"c = 4.18\,\mathrm{J\,kg^{-1}}", "c equals four point one eight joules per kilogram",
     "c 等于 四点一八 焦每千克"),
    (r"g = 9.81\,\mathrm{m\,s^{-2}}", "g equals nine point eight one meters per second squared",
     "g 等于 九点八一 米每二次方秒"),
    (r"v = 50\,\mathrm{km/h}", "v equals fifty kilometers per hour", "v 等于 五十 千米每小时"),
    (r"I = 2\,\text{kg}\cdot\text{m}^2", "I equals two kilogram square meters", "I 等于 二 千克平方米"),
    (r"\SI{9.81}{\metre\per\second\squared}", "nine point eight one meters per second squared",
     "九点八一 米每二次方秒"),
    (r"\SI{4.2}{\kilo\joule\per\kilogram}", "four point two kilojoules per kilogram", "四点二 千焦每千克"),
    (r"c = 0.1\,\mathrm{mol\,L^{-1}}", "c equals zero point one moles per liter", "c 等于 零点一 摩尔每升"),
    (r"\rho = 1000\,\mathrm{kg\,m^{-3}}", "rho equals one thousand kilograms per cubic meter",
     "柔 等于 一千 千克每立方米"),
    (r"T = 300\,\mathrm{K}", "T equals three hundred kelvins", "T 等于 三百 开"),
    (r"1\,\mathrm{N\,m}", "one newton meter", "一 牛米"),
    (r"d = 10\,\mu\mathrm{m}", "d equals ten micrometers", "d 等于 十 微米"),
    (r"E = 200\,\mathrm{GPa}", "E equals two hundred gigapascals", "E 等于 二百 吉帕"),
    (r"x_{\mathrm{max}} = 3\,\mathrm{m}", "x max equals three meters", "x max 等于 三 米"),
])
def test_units_written_in_tex_are_said_as_units(tex: str, en: str, zh: str) -> None:
    assert heard(tex, "en") == en
    assert heard(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en"), [
    (r"F = m a", "F equals m a"),                      # italic m is a mass
    (r"E = m c^2", "E equals m c squared"),
    (r"\min_x f(x)", "the minimum over x of f of x"),  # \min is not minutes
    (r"\mathrm{d}x", "d x"),                           # an upright d is a differential
    (r"\mathrm{min}(a, b)", "the minimum of, a, b"),   # a name alone, not a unit
    (r"A^\mathrm{T}", "A transpose"),
    (r"x \text{ if } x > 0", "x if x is greater than zero"),
])
def test_letters_that_are_not_units_stay_letters(tex: str, en: str) -> None:
    assert heard(tex, "en") == en


def test_degrees_celsius_after_a_degree_sign() -> None:
    assert heard(r"25\,^\circ\mathrm{C}", "en") == "twenty five degrees Celsius"
    assert heard(r"25\,^\circ\mathrm{C}", "zh") == "二十五 摄氏度"


# -- superscripts that are names --------------------------------------------------------------

@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"V^A", "V superscript A", "V 上标 A"),
    (r"P^{XY}", "P superscript X Y", "P 上标 X Y"),
    (r"x^T", "x transpose", "x 的转置"),
    (r"A^{-1}", "A inverse", "A 的逆"),
    (r"x^*", "x star", "x 星"),
    (r"\hat{x}", "x hat", "x 尖"),
    (r"f^{(n)}(x)", "the n-th derivative of f of x", "f 的 n 阶导数 x"),
    (r"y^{(4)}", "the fourth derivative of y", "y 的 四 阶导数"),
    (r"g^{(2)}(t)", "the second derivative of g of t", "g 的 二 阶导数 t"),
    (r"x^{(k)}", "x superscript k", "x 上标 k"),
    # powers stay powers: numbers, lower-case letters, counts, e and numbers as bases
    (r"x^2", "x squared", "x 的平方"),
    (r"x^n", "x to the power n", "x 的 n 次方"),
    (r"A^N", "A to the power N", "A 的 N 次方"),
    (r"2^N", "two to the power N", "二 的 N 次方"),
    (r"e^{A}", "e to the power A", "e 的 A 次方"),
])
def test_a_superscript_that_names_is_not_a_power(tex: str, en: str, zh: str) -> None:
    assert heard(tex, "en") == en
    assert heard(tex, "zh") == zh


# -- function application through wrappers ----------------------------------------------------

@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\boldsymbol{f}(x)", "f of x", "f x"),
    (r"\mathbf{f}(x)", "f of x", "f x"),
    (r"\bm{g}(x)", "g of x", "g x"),
    (r"\mathbf{r}(t)", "r of t", "r t"),                 # a bold vector of one variable
    (r"\vec{r}(t)", "vector r of t", "向量 r t"),
    (r"\hat{f}(x)", "f hat of x", "f 尖 x"),
    (r"\operatorname{Var}(X)", "Var of X", "Var X"),
    (r"\mathbf{A}(x + y)", "A, x plus y", "A， x 加 y"),  # a bold matrix times a sum
])
def test_a_wrapped_letter_is_still_a_function(tex: str, en: str, zh: str) -> None:
    assert heard(tex, "en") == en
    assert heard(tex, "zh") == zh


def test_a_unit_in_a_lesson_reaches_the_engine_as_words() -> None:
    html = r"<p>Water has c = \(4.18\,\mathrm{kJ\,kg^{-1}\,K^{-1}}\) here.</p>"
    doc = parse_html(html.encode(), "lesson.html", ParseConfig())
    spoken = " ".join(s.spoken for s in plan(doc, Config()).segments)
    assert "four point one eight kilojoules per kilogram per kelvin" in spoken
    assert speak_tex(r"\mathrm{kJ\,kg^{-1}\,K^{-1}}", "en") == "kilojoules per kilogram per kelvin"


# -- maths inside a sentence of another language ----------------------------------------------

# English words maths.py may add; none may reach a Finnish, German, French or Spanish voice
_ENGLISH = ("equals", "times", "squared", "over", "plus or minus", "to the power", "the square root",
            "is less than", "transpose", "superscript", "of x", "percent", "degrees", "the sum")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"x^2+1", "fi", "x toiseen plus 1"),
    (r"x^2+1", "de", "x Quadrat plus 1"),
    (r"x^2+1", "fr", "x au carré plus 1"),
    (r"x^2+1", "es", "x al cuadrado más 1"),
    (r"N = n \cdot N_A", "fi", "N on yhtä kuin n kertaa N A"),
    (r"f(x) \le \sqrt{y}", "de", "f von x, ist kleiner oder gleich die Wurzel aus y"),
    (r"\sum_{i=1}^{n} i", "fr", "la somme de i égale 1 à n de i"),
    (r"A^{-1}", "es", "A inversa"),
    (r"V^A", "fi", "V yläindeksi A"),
    (r"g = 9.81\,\mathrm{m\,s^{-2}}", "fi", "g on yhtä kuin 9.81 m s potenssiin miinus 2"),  # symbols
    (r"x^2+1", "fi-FI", "x toiseen plus 1"),
])
def test_a_formula_is_said_in_the_language_of_its_sentence(tex: str, lang: str, said: str) -> None:
    assert heard(tex, lang) == said


def test_a_language_without_maths_words_gets_the_formula_as_written() -> None:
    # Italian has no table here: the voice reads the written form in Italian, never English words
    assert heard(r"x^2+1", "it") == "x² + 1"
    assert heard(r"a \le b", "sv") == "a ≤ b"


def test_a_formula_needing_a_word_the_table_lacks_is_given_as_written() -> None:
    # "choose" is in the table, "is in equilibrium with" too; an unknown English phrase is not:
    # a binomial coefficient's reading is translated, but a made-up unknown word falls back
    from narrator.script.maths_words import translate

    assert translate("n choose k", "de", r"\binom{n}{k}") == "n über k"
    assert translate("x frobnicates y", "de", "x ~ y") is None
    assert translate("x in A", "de", r"x \in A") == "x Element von A"


def test_the_lessons_own_words_are_kept() -> None:
    from narrator.script.maths import speak_symbols

    # "in" and "plus" written in a German sentence stay; "=" and "×" are said in German
    assert speak_symbols("Die Masse in kg: 2 × 3 = 6", "de") == "Die Masse in kg: 2 mal 3 gleich 6"


def test_a_finnish_lesson_says_no_english_maths_words() -> None:
    html = ("<html lang='fi'><body><p>Ainemäärän ja kappalemäärän välillä on seuraava suhde: "
            r"\(N = n \cdot N_A\), eli \(n = \frac{N}{N_A}\).</p>"
            "<p>Yksi mooli vastaa kappalemäärää 6.022 · 10<sup>23</sup> ja x² + 1 ≤ 5.</p></body></html>")
    doc = parse_html(html.encode(), "oppitunti.html", ParseConfig())
    segments = list(plan(doc, Config()).segments)
    spoken = " ".join(s.spoken for s in segments)
    assert {s.lang.split("-")[0] for s in segments} == {"fi"}
    assert "N on yhtä kuin n kertaa N A" in spoken
    assert "10 potenssiin 23" in spoken
    assert "on pienempi tai yhtä suuri kuin 5" in spoken
    for english in _ENGLISH:
        assert english not in spoken, (english, spoken)


def test_a_long_formula_in_a_finnish_sentence_is_summarised_and_reported_in_finnish() -> None:
    tex = "p(x) = " + " + ".join(f"{i} x^{{{i}}}" for i in range(2, 15))
    html = f"<html lang='fi'><body><p>Tämä polynomi on \\({tex}\\) eikä muuta.</p></body></html>"
    script = plan(parse_html(html.encode(), "a.html", ParseConfig()), Config())
    spoken = " ".join(s.spoken for s in script.segments)
    assert "pitkä kaava: p x on yhtä kuin muuttujan x polynomi, asteluku 14, 13 termiä" in spoken
    [report] = [s for s in script.skipped if s.what == "long formula"]
    assert "2 x toiseen plus 3 x kolmanteen plus 4 x potenssiin 4" in report.reason


@pytest.mark.parametrize("tex, said", [(r"(\mathbf{L}_2\mathbf{L}_1)^{-1}", "L two L one"), (r"x_2 m", "x two m")])
def test_a_numbered_subscript_before_a_letter_is_not_a_measure(tex: str, said: str) -> None:
    # "L 2 L 1" left in digits reached the normaliser as "2 L": "two litres"
    from narrator.normalize import normalize

    heard = normalize(speak_tex(tex, "en"), "en")
    assert said in heard and "liter" not in heard and "meter" not in heard


def test_an_accent_inside_a_named_operator_is_said_not_spelled() -> None:
    # a Quarto page's fitted model: \operatorname{\widehat{daughter\_height}} was "widehat daughter height"
    said = speak_tex(r"\operatorname{\widehat{daughter\_height}} = 29.8", "en")
    assert said == "daughter height hat equals 29.8"

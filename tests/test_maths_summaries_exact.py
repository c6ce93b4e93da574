"""Formulas too long to follow by ear (narrator/script/maths.py): announced and summarised past
MAX_WORDS heard words, their full reading kept in the skip report in the language of the text
around them; and the symbols, super- and subscripts of ordinary text. Exact expected strings,
made from the rules: a summary names the left side and relation when short, the terms of the
longest side (a + inside brackets is not a term), a polynomial's variable and degree, a
matrix's size, and a chain's short result."""

from __future__ import annotations

import string

import pytest

from narrator.script import maths
from narrator.script.maths import MAX_WORDS, long_formulas, script_words, speak_symbols, speak_tex, too_long
from narrator.values import Block, Run


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


TERMS = " + ".join(f"x_{{{i}}} y_{{{i}}}" for i in range(1, 12))  # 11 terms, 54 words said
TERMS_SAID = " plus ".join(f"x {i} y {i}" for i in range(1, 12))
TERMS_ZH = " 加 ".join(f"x {i} y {i}" for i in range(1, 12))  # 38 words heard in Chinese: not long
POLY = "p(x) = " + " + ".join(f"{i} x^{{{i}}}" for i in range(2, 15))
MATRIX = (r"\begin{pmatrix} " + r" \\ ".join(" & ".join(f"a_{{{r}{c}}}" for c in range(1, 6)) for r in range(1, 5))
          + r" \end{pmatrix}")


@pytest.mark.parametrize("tex, en, zh, fi", [
    (POLY, "a long formula: p of x equals a polynomial in x of degree 14 with 13 terms",
     "长公式：p x 等于 一个 13 项的 x 的 14 次多项式",
     "pitkä kaava: p x on yhtä kuin muuttujan x polynomi, asteluku 14, 13 termiä"),
    (TERMS, "a long formula: an expression of 11 terms", TERMS_ZH,
     "pitkä kaava: lauseke, jossa on 11 termiä"),
    (MATRIX, "a long formula: a 4 by 5 matrix", "长公式：一个 4 行 5 列的矩阵", "pitkä kaava: 4 kertaa 5 -matriisi"),
    ("N = " + TERMS + " = 3.82", "a long formula: N equals an expression of 11 terms, which equals 3.82",
     "长公式：N 等于 一个 11 项的式子，等于 3.82",
     "pitkä kaava: N on yhtä kuin lauseke, jossa on 11 termiä, joka on yhtä kuin 3.82"),
    # the result is said only after a chain of equalities
    ("y = " + TERMS + r" \le 5", "a long formula: y equals an expression of 11 terms", "长公式：y 等于 一个 11 项的式子",
     "pitkä kaava: y on yhtä kuin lauseke, jossa on 11 termiä"),
    # one group or one environment around everything: looked inside
    (r"{\displaystyle E = " + TERMS + "}", "a long formula: E equals an expression of 11 terms",
     "长公式：E 等于 一个 11 项的式子", "pitkä kaava: E on yhtä kuin lauseke, jossa on 11 termiä"),
    (r"\begin{aligned} E &= " + TERMS + r"\end{aligned}", "a long formula: E equals an expression of 11 terms",
     "长公式：E 等于 一个 11 项的式子", "pitkä kaava: E on yhtä kuin lauseke, jossa on 11 termiä"),
    # a sum inside brackets is one term
    ("(a+b) + " + TERMS, "a long formula: an expression of 12 terms", "长公式：一个 12 项的式子",
     "pitkä kaava: lauseke, jossa on 12 termiä"),
    ("y = (a+b) + [c - d] + " + TERMS, "a long formula: y equals an expression of 13 terms",
     "长公式：y 等于 一个 13 项的式子", "pitkä kaava: y on yhtä kuin lauseke, jossa on 13 termiä"),
    (r"\{a+b\} + \langle c - d \rangle + " + TERMS, "a long formula: an expression of 13 terms",
     "长公式：一个 13 项的式子", "pitkä kaava: lauseke, jossa on 13 termiä"),  # braces and angles too
    # powers of two letters: no polynomial
    ("x^2 + " + " + ".join(f"y^{{{i}}}" for i in range(2, 14)), "a long formula: an expression of 13 terms",
     "长公式：一个 13 项的式子", "pitkä kaava: lauseke, jossa on 13 termiä"),
])
def test_a_long_formula_is_summarised(tex: str, en: str, zh: str, fi: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh
    assert speak_tex(tex, "fi") == fi


def test_a_run_of_symbols_without_terms_is_a_long_expression() -> None:
    tex = " ".join(rf"\alpha_{{{i}}} \beta_{{{i}}}" for i in range(1, 12))
    assert speak_tex(tex, "en") == "a long formula: a long expression"
    assert speak_tex(tex, "fi") == "pitkä kaava: pitkä lauseke"


def test_forty_words_are_said_forty_one_are_summarised() -> None:
    letters = string.ascii_lowercase
    forty = " + ".join(letters[:20]) + "'"  # 20 letters, 19 "plus", one "prime"
    forty_one = " + ".join(letters[:21])  # 21 letters, 20 "plus"
    assert maths._heard_words(speak_tex(forty, "en", whole=True), "en") == MAX_WORDS == 40
    assert speak_tex(forty, "en") == " plus ".join(letters[:20]) + " prime"
    assert too_long(forty, "en") is None
    assert maths._heard_words(speak_tex(forty_one, "en", whole=True), "en") == 41
    assert speak_tex(forty_one, "en") == "a long formula: an expression of 21 terms"
    assert too_long(forty_one, "en") == " plus ".join(letters[:21])


def test_the_full_reading_of_a_long_formula() -> None:
    assert speak_tex(TERMS, "en", whole=True) == TERMS_SAID
    assert too_long(TERMS, "en") == TERMS_SAID
    assert too_long("E = " + TERMS, "de") == "E gleich " + TERMS_SAID
    assert too_long("x + 1", "en") is None
    assert too_long("x + 1", "de") is None
    assert too_long("x + 1", "zh") is None


def _block(*runs: Run) -> Block:
    return Block("paragraph", tuple(runs), source="#p")


def test_the_skip_report_has_one_entry_per_long_formula_in_the_language_around_it() -> None:
    long = "E = " + TERMS
    entry = "formula too long to follow by ear: "
    chars = len(long)
    # an English lesson; two long formulas, one short
    found = long_formulas([_block(Run("x", math="x"), Run(" and "), Run("y", math=long)),
                           _block(Run("z", math=long))], "en")
    assert [(s.source, s.what, s.reason, s.chars) for s in found] == [
        ("#p", "long formula", entry + "E equals " + TERMS_SAID, chars)] * 2
    # a German lesson: the reading in German
    [s] = long_formulas([_block(Run("Für Gold "), Run("x", math=long))], "de")
    assert s.reason == entry + "E gleich " + TERMS_SAID
    # a formula alone in a block: the document's language
    [s] = long_formulas([_block(Run("x", math=long))], "de")
    assert s.reason == entry + "E gleich " + TERMS_SAID
    [s] = long_formulas([_block(Run("x", math=long))], "zh")
    assert s.reason == entry + "E 等于 " + TERMS_ZH
    assert long_formulas([_block(Run("x", math=TERMS))], "zh") == []
    # a Chinese sentence is said in Chinese; Latin words in a Chinese document are English
    assert long_formulas([_block(Run("对于金，"), Run("x", math=TERMS))], "zh") == []
    [s] = long_formulas([_block(Run("对 gold and more words here now "), Run("x", math=TERMS))], "zh")
    assert s.reason == entry + TERMS_SAID
    # Chinese words outweighing the English ones in an English document: Chinese
    assert long_formulas([_block(Run("对于金 and gold "), Run("x", math=TERMS))], "en") == []
    [s] = long_formulas([_block(Run("对 gold and silver and more "), Run("x", math=TERMS))], "en")
    assert s.reason == entry + TERMS_SAID
    # no formula, or only short ones: nothing
    assert long_formulas([_block(Run("No maths"))], "en") == []
    assert long_formulas([_block(Run("Short "), Run("x", math="x+1"))], "en") == []


@pytest.mark.parametrize("text, en, zh, de", [
    ("x² + y² = r²", "x squared plus y squared equals r squared", "x 的平方 加 y 的平方 等于 r 的平方",
     "x Quadrat plus y Quadrat gleich r Quadrat"),
    ("H₂O and CO₂", "H 2 O and C O 2", "H 2 O and C O 2", "H 2 O and C O 2"),
    ("25°C and 77 °F", "25 degrees Celsius and 77 degrees Fahrenheit", "25 摄氏度 and 77 华氏度",
     "25 Grad Celsius and 77 Grad Fahrenheit"),
    ("a 5% rise", "a 5 percent rise", "a 百分之5 rise", "a 5 Prozent rise"),
    ("50％", "50 percent", "百分之50", "50 Prozent"),
    ("US$5 and $3.50 and €2 and £1,000 and ¥100 and ￥8",
     "5 US dollars and 3.50 dollars and 2 euros and 1,000 pounds and 100 yen and 8 yuan",
     "5美元 and 3.50美元 and 2欧元 and 1,000英镑 and 100元 and 8元",
     "US$5 and $3.50 and €2 and £1,000 and ¥100 and ￥8"),  # no German money words: as written
    ("2^10 and x^{-2} and word^", "2 to the power 10 and x to the power minus 2 and word",
     "2 的 10 次方 and x 的负2次方 and word", "2 hoch 10 and x hoch minus 2 and word"),
    ("see \\cssId here", "see cssId here", "see cssId here", "see cssId here"),
    ("10 μm and 5 µg and 3 μmol", "10 micrometres and 5 micrograms and 3 micromoles", "10 微米 and 5 微克 and 3 微摩尔",
     "10 μm and 5 µg and 3 μmol"),
    ("10Ω", "10 ohms", "10 欧姆", "10Ω"),
    ("√2 and √(x)", "the square root of 2 and the square root of x", "根号 2 and 根号 x",
     "die Wurzel aus 2 and die Wurzel aus x"),
    ("α + β ≤ γ", "alpha plus beta is less than or equal to gamma", "阿尔法 加 贝塔 小于等于 伽马",
     "alpha plus beta ist kleiner oder gleich gamma"),
    ("a ∈ A", "a in A", "a 属于 A", "a Element von A"),
    ("10⁻³", "10 to the power minus 3", "10 的负3次方", "10 hoch minus 3"),
    ("(a+b)²", "(a plus b) squared", "(a 加 b) 的平方", "(a plus b) Quadrat"),
    ("x₁₀", "x 10", "x 10", "x 10"),
    ("1 + 1", "1 + 1", "1 + 1", "1 + 1"),  # plain ASCII: left to the normaliser
    ("plain  ascii", "plain  ascii", "plain  ascii", "plain  ascii"),
    ("5 ≠ 6", "5 is not equal to 6", "5 不等于 6", "5 ist ungleich 6"),
    ("", "", "", ""),
    # the text's own commas at either end stay, in every language (a pause the reader wrote)
    (", 5 % mehr,", ", 5 percent mehr,", ", 百分之5 mehr,", ", 5 Prozent mehr,"),
    (",5 %", ",5 percent", ",百分之5", ",5 Prozent"),
])
def test_symbols_in_ordinary_text(text: str, en: str, zh: str, de: str) -> None:
    assert speak_symbols(text, "en") == en
    assert speak_symbols(text, "zh") == zh
    assert speak_symbols(text, "de") == de


def test_symbols_in_another_language_without_words_keep_their_symbols() -> None:
    assert speak_symbols("x ≤ y", "it") == "x ≤ y"
    assert speak_symbols("x^2", "sv") == "x 2"


@pytest.mark.parametrize("before, text, kind, en, zh", [
    ("x", "2", "sup", ("x", " squared "), ("x", " 的平方 ")),
    ("x", "3", "sup", ("x", " cubed "), ("x", " 的立方 ")),
    ("1", "st", "sup", ("1", "st"), ("1", "st")),
    ("A", "H", "sup", ("A", " conjugate transpose "), ("A", " 的共轭转置 ")),
    ("A", "*", "sup", ("A", " star "), ("A", " 星 ")),
    ("A", "T", "sup", ("A", " transpose "), ("A", " 的转置 ")),
    ("A", "†", "sup", ("A", " dagger "), ("A", " 的厄米共轭 ")),
    ("Smith", "3", "sup", ("Smith", ""), ("Smith", "")),  # a footnote mark
    ("Ohm", "3", "sup", ("Ohm", " cubed "), ("Ohm", " 的立方 ")),  # three letters: still a power
    ("x", "-1", "sup", ("x", " to the power minus 1 "), ("x", " 的负1次方 ")),
    ("x", "−2", "sup", ("x", " to the power minus 2 "), ("x", " 的负2次方 ")),
    ("(a+b)", "2", "sup", ("(a+b)", " squared "), ("(a+b)", " 的平方 ")),
    ("[a]", "n", "sup", ("[a]", " to the power n "), ("[a]", " 的 n 次方 ")),
    ("10", "23", "sup", ("10", " to the power 23 "), ("10", " 的 23 次方 ")),
    ("x", "12345", "sup", ("x", " 12345 "), ("x", " 12345 ")),  # too long for a power
    ("x", "ab", "sup", ("x", " ab "), ("x", " ab ")),
    ("x ", "2", "sup", ("x ", " 2 "), ("x ", " 2 ")),  # not attached
    ("", "2", "sup", ("", " 2 "), ("", " 2 ")),
    ("x", "  ", "sup", ("x", "  "), ("x", "  ")),
    ("CO", "2", "sub", ("C O", " 2 "), ("C O", " 2 ")),
    ("NaCl", "2", "sub", ("Na Cl", " 2 "), ("Na Cl", " 2 ")),
    ("H", "2", "sub", ("H", " 2 "), ("H", " 2 ")),  # one letter: no formula to spell
    ("x", "2", "sub", ("x", " 2 "), ("x", " 2 ")),
    ("CO", "n", "sub", ("CO", " n "), ("CO", " n ")),
    ("co", "2", "sub", ("co", " 2 "), ("co", " 2 ")),
])
def test_script_runs(before: str, text: str, kind: str, en: tuple[str, str], zh: tuple[str, str]) -> None:
    assert script_words(before, text, kind, "en") == en
    assert script_words(before, text, kind, "zh") == zh


def test_script_runs_in_finnish() -> None:
    assert script_words("x", "2", "sup", "fi") == ("x", " toiseen ")
    assert script_words("10", "23", "sup", "fi") == ("10", " potenssiin 23 ")
    assert script_words("A", "H", "sup", "fi") == ("A", " liittomatriisi ")
    assert script_words("CO", "2", "sub", "fi") == ("C O", " 2 ")
    assert script_words("x", "2", "sup", "it") == ("x", " 2 ")  # no table: as written

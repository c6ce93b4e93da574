"""Formulas said exactly (narrator.script.maths), for the behaviours the full mutmut run of
session 35 showed untested (tools/mutation_reviews/script-maths-s35.md): a formula nested past
Python's stack, a macro without its argument, bold scripts of several letters, bars after an
operator or around a matrix, bars nested two deep, the placeholder dot, "divides" after
brackets, units next to text or with odd spacing, subscript digits in text, a footnote mark in a
language without maths words, and the language a long formula's full reading is reported in."""

from __future__ import annotations

import pytest

from narrator.script.maths import long_formulas, script_words, speak_symbols, speak_tex
from narrator.values import Block, Run

pytestmark = pytest.mark.usefixtures("said_afresh")

# deeper than Python's stack lets the reader walk: the formula is said from its characters
NESTED = 400


def _nested(tex: str) -> str:
    return "{" * NESTED + tex + "}" * NESTED


def test_a_formula_nested_past_the_stack_is_read_from_its_characters() -> None:
    # a command's name is a word of its own ("times3" ran into the digit); symbols get their
    # words in the lesson's language (the fallback crashed instead)
    assert speak_tex(_nested(r"2\times3"), "en") == "2 times 3"
    assert speak_tex(_nested(r"50\%"), "en") == "50 percent"
    assert speak_tex(_nested(r"50\%"), "fi") == "50 prosenttia"
    assert speak_tex(_nested("2 × 3"), "fi") == "2 kertaa 3"
    assert speak_tex(_nested("2 × 3"), "zh") == "2 乘 3"


def test_a_macro_without_its_argument_or_argument_spec_is_still_read() -> None:
    # a formula cut after \sqrt, and \mathrel/\mathbin (no argument spec): no crash, no word lost
    assert speak_tex(r"\sqrt", "en") == "the square root of"
    assert speak_tex(r"a \mathrel{=} b", "en") == "a equals b"
    assert speak_tex(r"a \mathbin{+} b", "en") == "a plus b"


@pytest.mark.parametrize("tex, said", [
    (r"\sum_\mathbf{ij} x", "the sum over i j of x"),
    (r"\|x\|_\mathbf{pq}", "the p q norm of x"),
    (r"\mathbb{R}^\mathbf{nk}", "R n k"),
    (r"V^\mathbf{AB}", "V superscript A B"),
])
def test_a_bold_script_of_several_letters_without_braces_is_said_as_its_letters(tex: str, said: str) -> None:
    # the letters of \mathbf{ij} are one script, said with a space between them
    assert speak_tex(tex, "en") == said


def test_d_over_d_and_nothing_is_a_fraction_not_a_derivative() -> None:
    # the denominator has no variable after its d: not "the derivative with respect to of"
    assert speak_tex(r"\frac{d}{d\num{}}", "en") == "the fraction d, over d"


def test_bars_around_a_matrix_are_its_determinant() -> None:
    # the environment before the closing bar is an operand (it crashed)
    assert speak_tex(r"|\begin{matrix}a&b\\c&d\end{matrix}|", "en") == \
        "the determinant of the 2 by 2 matrix with rows: a, b; c, d"


@pytest.mark.parametrize("tex, said", [
    (r"|x \mp |y||", "the absolute value of x minus or plus the absolute value of y"),
    (r"|A \cap |B||", "the absolute value of A intersection the absolute value of B"),
    (r"|A \cup |B||", "the absolute value of A union the absolute value of B"),
    (r"|p \land |q||", "the absolute value of p and the absolute value of q"),
    (r"|p \lor |q||", "the absolute value of p or the absolute value of q"),
    (r"|u \wedge |v||", "the absolute value of u and the absolute value of v"),
    (r"|u \vee |v||", "the absolute value of u or the absolute value of v"),
    (r"|a \diamond |b||", "the absolute value of a diamond the absolute value of b"),
])
def test_a_bar_right_after_an_operator_opens_an_absolute_value(tex: str, said: str) -> None:
    # not the close of the outer one ("x minus or plus, y", the inner value lost)
    assert speak_tex(tex, "en") == said


@pytest.mark.parametrize("tex, lang, said", [
    (r"||\mathbf{x}|-|y||", "en",
     "the absolute value of the absolute value of x, minus the absolute value of y"),
    (r"||\text{a}|-|b||", "en",
     "the absolute value of the absolute value of a, minus the absolute value of b"),
    (r"||\hat{x}|-|y||", "en",
     "the absolute value of the absolute value of x hat, minus the absolute value of y"),
    (r"||\infty|-|y||", "en",
     "the absolute value of the absolute value of infinity, minus the absolute value of y"),
    # \right before the bar: what it closes is an operand, even when it ends in a fraction
    (r"\left|\left|\frac{a}{b}\right|-1\right|", "en",
     "the absolute value of the absolute value of a over b, minus 1"),
    (r"\left|\left|\frac{x}{y}\right|-1\right|", "zh", "y 分之 x 的绝对值 减 1 的绝对值"),
])
def test_a_bar_after_a_styled_accented_or_word_symbol_closes_its_absolute_value(
        tex: str, lang: str, said: str) -> None:
    # else the bars pair wrongly ("the norm of x the absolute value of minus, y")
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex, said", [
    (r"|x-|y-|z|||", "the absolute value of x minus the absolute value of y minus the absolute value of z"),
    (r"||x|-||y|-|z|||", "the absolute value of the absolute value of x, minus the absolute value of "
                         "the absolute value of y, minus the absolute value of z"),
])
def test_bars_nested_two_deep_pair_up(tex: str, said: str) -> None:
    # the innermost value is not lost ("minus, z")
    assert speak_tex(tex, "en") == said


@pytest.mark.parametrize("tex, said", [
    (r"\langle \cdot,\cdot,\cdot\rangle", "dot, dot, dot"),
    (r"g(\cdot|x)", "g of dot given x"),
    (r"f(· ,y)", "f of dot, y"),  # a space before the comma
])
def test_a_lone_dot_between_brackets_bars_and_commas_is_a_placeholder(tex: str, said: str) -> None:
    # "dot" (any value), not "times"
    assert speak_tex(tex, "en") == said


def test_divides_after_a_bracket_is_not_given() -> None:
    # the bracket closed before the bar: it is not inside one, so not "given"
    assert speak_tex(r"(n+1) ∣ (n^2-1)", "en") == "n plus 1, divides, n squared minus 1"
    assert speak_tex(r"(n+1) \mid (n^2-1)", "en") == "n plus 1, divides, n squared minus 1"
    assert speak_tex(r"(n+1) ∣ (n^2-1)", "zh") == "n 加 1， 整除， n 的平方 减 1"


def test_a_subscripted_name_opening_a_formula_is_a_function() -> None:
    # the rest of \lambda_{\min}(A) in a formula of its own: "min of x", not "min, x"
    assert speak_tex(r"_{\min}(x)", "en") == "min of x"


def test_empty_brackets_after_a_bold_letter_are_no_argument() -> None:
    # no dangling "of" after r
    assert speak_tex(r"\mathbf{r}()", "en") == "r"


@pytest.mark.parametrize("tex, said", [
    (r"1\,\si[per-mode=symbol]{\metre}", "1 meter"),  # \si's option is no number: one, singular
    (r"5\,\mathrm{kg}\text{ of sand}", "5 kilograms of sand"),  # the units end where the words start
    (r"5\,\text{m}\,\text{}", "5 meters"),
    (r"5 \mathrm{m} \mathrm{s}^{-1}", "5 meters per second"),
    (r"5\mathrm{m}^ 2", "5 square meters"),  # a space after the caret
    (r"5\,\mathrm{m}^0", "five m to the power 0"),  # a power 0 is no unit: said as written
    (r"\SI 3 m", "3 meters"),  # siunitx's arguments without braces
    (r"\num 5", "5"),
    (r"\SI{3}", "3"),  # the unit missing
    (r"\num", ""),
])
def test_units_next_to_words_spaces_and_missing_arguments(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


def test_text_holding_every_subscript_digit_says_them_all() -> None:
    # no subscript digit is left for the voice to skip
    assert speak_symbols("Alkanes: methane CH₄ is the smallest, then propane C₃H₈ and pentane C₅H₁₂ "
                         "and heptane C₇H₁₆ and nonane C₉H₂₀", "en") == (
        "Alkanes: methane C H 4 is the smallest, then propane C 3 H 8 and pentane C 5 H 12 "
        "and heptane C 7 H 16 and nonane C 9 H 20")


def test_a_footnote_mark_in_a_language_without_maths_words_is_not_read() -> None:
    # "Newton<sup>1</sup>" in Japanese: the mark is dropped, as in English, not read "1"
    assert script_words("Newton", "1", "sup", "ja") == ("Newton", "  ")


TERMS = " + ".join(f"x_{{{i}}} y_{{{i}}}" for i in range(1, 12))  # too long in English, not in Chinese
ENTRY = "formula too long to follow by ear: " + " plus ".join(f"x {i} y {i}" for i in range(1, 12))


def _block(*runs: Run) -> Block:
    return Block("paragraph", tuple(runs), source="#p")


def _reported(blocks: list[Block], lang: str) -> list[str]:
    return [s.reason for s in long_formulas(blocks, lang)]


def test_a_long_formula_is_reported_in_the_language_of_the_words_around_it() -> None:
    # English words in a Chinese document: the English reading, too long
    assert _reported([_block(Run("where "), Run("x", math=TERMS))], "zh") == [ENTRY]
    # no words at all, only a number and a full stop: the document's language (short in Chinese)
    assert _reported([_block(Run("(1) "), Run("x", math=TERMS), Run("."))], "zh") == []
    # one Chinese character weighs as three Latin words: 1 against 3 is Chinese ...
    assert _reported([_block(Run("即 gradient descent step "), Run("x", math=TERMS))], "zh") == []
    # ... 1 against 4 English
    assert _reported([_block(Run("see 图 1 for the terms: "), Run("x", math=TERMS))], "en") == [ENTRY]
    # a block without a formula does not end the search
    assert _reported([_block(Run("No maths here.")), _block(Run("x", math=TERMS))], "en") == [ENTRY]

"""Formulas said exactly (narrator.script.maths), for the behaviours the full mutmut run of
session 35 found untested: a list after a set membership, spaces between a root's or a vector's
symbols, \\stackrel, the conjugate transpose with spaces, a lone \\num, units after a power, a
bold exponent of several letters, set-builder braces, a conditional bar before a dot, and a
superscript after a formula's words in English, Finnish and German."""

from __future__ import annotations

import pytest

from narrator.script.maths import script_words, speak_symbols, speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize("tex, said", [
    (r"x \in ℝ, y > 0", "x in the real numbers, y is greater than 0"),  # the list goes on after ℝ
    (r"\sqrt{x+1}", "the square root of x plus 1"),
    (r"\vec{ab}", "vector a b"),
    (r"a \stackrel{def}{=} b", "a equals b"),  # the relation, not the words stacked on it
    (r"x \sim", "x is similar to"),
    (r"A^{ H }", "A conjugate transpose"),  # spaces inside the braces change nothing
    (r"x = \num", "x equals"),  # \num without its number says nothing
    (r"x^2 + 5\,\mathrm{m}^2", "x squared plus 5 square meters"),
    (r"x^\mathbf{ab} + 1", "x to the power a b, plus 1"),  # a pause closes a long exponent
    (r"x_{\mathrm{Xmin}}", "x sub Xmin"),
    (r"\{ {x} | x > 0 \}", "the set of x such that x is greater than 0"),
    (r"g(x|\cdot)", "g of x given dot"),
])
def test_formulas_are_said(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


def test_a_superscript_right_after_a_formula_s_words_is_its_exponent_in_every_language() -> None:
    # the formula's words end in a space; the exponent attaches to them
    assert script_words(" alpha ", "2", "sup", "en", True) == (" alpha", " squared ")
    assert script_words("x ", "2", "sup", "en", True) == ("x", " squared ")
    assert script_words(" alpha ", "2", "sup", "fi", True) == (" alpha", " toiseen ")
    # set apart by a space in the source: no exponent, the number as it is
    assert script_words(" alpha ", " 2", "sup", "en", True) == (" alpha ", " 2 ")


def test_a_foreign_symbol_keeps_the_comma_after_it() -> None:
    assert speak_symbols("5 %, ", "de") == "5 Prozent,"

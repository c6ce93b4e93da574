"""Readings a maths, chemistry or number-theory lesson needs (narrator.script.maths), found by
the review of mutation survivors: a function of an absolute value (``\\ln|x|``, where a bar after
\\ln opened no value: "the absolute value of natural log, x"), set-builder notation with
``\\colon``, ``\\bmod`` and ``\\pmod``, the section sign, and a charge written as a superscript
(Na⁺, ``\\mathrm{Ca}^{2+}``), said "plus", never "to the power plus"."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_symbols, speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize("tex, said", [
    (r"\int \frac{1}{x}\,dx = \ln|x| + C",
     "the integral of 1 over x d x equals natural log of the absolute value of x, plus C"),
    (r"\sin|x|", "sine of the absolute value of x"),
    (r"|\ln|x||", "the absolute value of natural log of the absolute value of x"),
    (r"|f \ast |g||", "the absolute value of f star the absolute value of g"),
    (r"\log\|x\|", "log of the norm of x"),
    (r"\ln(x)", "natural log of x"),
])
def test_a_function_of_an_absolute_value_or_norm(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


def test_a_function_of_an_absolute_value_in_chinese() -> None:
    assert speak_tex(r"\ln|x|", "zh") == "ln x 的绝对值"


@pytest.mark.parametrize("tex, said", [
    (r"\{x \colon |x| < 1\}", "the set of x such that the absolute value of x, is less than 1"),
    (r"a \bmod n", "a mod n"),
    (r"x \pmod{7}", "x modulo 7"),
    (r"\S 3", "section 3"),
    (r"S = 1", "S equals 1"),  # the letter S is no section sign
    (r"f\colon X \to Y", "f from X to Y"),  # a function's signature
    (r"f: A → B", "f from A to B"),
    (r"f\colon A \rightarrow B", "f from A to B"),
    (r"f\colon A \longrightarrow B", "f from A to B"),
    (r"f\colon \mathbb{R} \to \mathbb{R}", "f from the real numbers to the real numbers"),  # the arrow, not any command
    (r"f\colon (0, 1) \to \mathbb{R}", "f from, 0, 1, to the real numbers"),  # a comma in brackets goes on
    (r"y = 2,\; f\colon A \to B", "y equals 2, f from A to B"),  # the arrow is looked for after the colon
    (r"x \to 0", "x tends to 0"),
])
def test_marks_of_sets_number_theory_and_sections(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


@pytest.mark.parametrize("tex, said", [
    (r"\mathrm{Na}^+", "Na plus"),
    (r"\mathrm{Ca}^{2+}", "Ca 2 plus"),
    (r"x \to 0^+", "x tends to 0 plus"),
    (r"\mathrm{Na}^+ + \mathrm{Cl}^-", "Na plus, plus Cl minus"),  # a pause: not "Na plus plus Cl"
    (r"x^{-1}", "x to the power minus 1"),  # a power still
    (r"e^{-x}", "e to the power minus x"),
])
def test_a_charge_or_side_written_as_a_superscript(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said


def test_a_charge_written_with_superscript_characters() -> None:
    assert speak_symbols("Na⁺ and Cl⁻ ions", "en") == "Na plus and Cl minus ions"
    assert speak_symbols("Ca²⁺ ions", "en") == "Ca 2 plus ions"
    assert speak_symbols("H⁺ + OH⁻", "en") == "H plus, plus OH minus"
    assert speak_symbols("Cl⁻ − Na⁺", "en") == "Cl minus, minus Na plus"
    assert speak_symbols("Na⁺ - Cl⁻", "en").startswith("Na plus, ")  # a pause before any sign
    assert speak_symbols("x⁻¹ and x²", "en") == "x to the power minus 1 and x squared"


def test_a_ratio_before_an_arrow_is_no_signature() -> None:
    # a relation comes between the colon and the arrow
    assert "from" not in speak_tex(r"u:v = 1 \rightarrow 2", "en")


def test_a_functions_signature_in_chinese() -> None:
    assert speak_tex(r"T\colon V \to W", "zh") == "T 从 V 到 W"

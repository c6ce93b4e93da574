"""Review findings on formula readings: siunitx in a lesson of another language, the reader's
rendering of subscripts, and digits of subscripts said the same way through one formula."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex
from narrator.util import texdisplay
from narrator.util.texdisplay import display


@pytest.mark.parametrize("lang", ["de", "fr", "es"])
def test_siunitx_in_another_language_keeps_its_unit_symbol(lang: str) -> None:
    # "\SI{2}{\kilogram}" was "SI2kilogram": the reading's own "kg" was taken for an English word
    assert speak_tex(r"\SI{2}{\kilogram}", lang) == "2 kg"
    assert speak_tex(r"m = \SI{5}{\kilo\pascal}", lang).endswith("5 kPa")
    assert "SI" not in speak_tex(r"\SI{2}{\mole}", lang)


def test_an_english_word_is_still_not_left_in_a_german_formula() -> None:
    # the units accepted are those the reading made, not every word that could be a unit
    assert speak_tex(r"x \in A", "de") != "x in A"


def test_the_fallback_never_glues_a_command_name_to_its_argument() -> None:
    shown = display(r"\myunit{2}{kilogram}")
    assert "myunit2" not in shown and "2kilogram" not in shown
    assert shown.split() == ["myunit", "2", "kilogram"]


def test_subscript_n_is_shown_lowered() -> None:
    assert display("a_n") == "aₙ"
    assert display("x_{n+1}") == "xₙ₊₁"
    assert display("x^{n+1}") == "xⁿ⁺¹"


def test_every_script_character_has_both_a_raised_and_a_lowered_form() -> None:
    accepted = [chr(c) for c in range(32, 0x250)
                if texdisplay._SCRIPT.fullmatch("_{" + chr(c) + "}") or texdisplay._SCRIPT.fullmatch("_" + chr(c))]
    assert set(accepted) >= set("0123456789n+-=()")
    for ch in accepted:
        assert ord(ch) in texdisplay._SUP and ord(ch) in texdisplay._SUB, ch


@pytest.mark.parametrize("tex, said", [
    ("L_2 L_1", "L two L one"),
    (r"(\mathbf{L}_2\mathbf{L}_1)^{-1}", "L two L one"),
    ("x_2 m + x_{12}", "x two m plus x twelve"),
])
def test_subscript_digits_are_words_through_the_formula_when_one_must_be(tex: str, said: str) -> None:
    # "L two L 1": one subscript in words (before a unit letter), the next in digits
    assert said in speak_tex(tex, "en")


def test_subscript_digits_stay_digits_when_none_is_before_a_unit_letter() -> None:
    assert speak_tex("L_2 + L_1", "en") == "L 2 plus L 1"
    assert speak_tex("a_0 x + a_1 x", "en") == "a 0 x plus a 1 x"

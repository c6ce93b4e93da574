"""siunitx units this module has no words for, said as written with what follows them; an
upright C that is no degree; an upright function name; and degrees Celsius inside a formula
(narrator/script/maths.py). Fixed here: \\num[options]{3.14} read its options aloud."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize(("tex", "en"), [
    (r"\SI{10}{\parsec\per\year}", "10 parsec per year"),  # each word of the unit, as written
    (r"\SI{2}{\foo²}", "2 foo squared"),  # a Unicode power on it said as a power
    (r"\SI{2}{\foo} + x", "2 foo plus x"),  # and the formula goes on after it
])
def test_a_unit_without_words_is_said_as_written(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\mathrm{C}", "C", "C"),
    (r"x + \mathrm{C}", "x plus C", "x 加 C"),  # a constant, no degrees before it
    (r"T = 25^\circ\mathrm{C} + y", "T equals 25 degrees Celsius plus y", "T 等于 25 摄氏度 加 y"),
])
def test_an_upright_c_is_celsius_only_after_degrees(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_an_upright_function_name_is_said_as_the_function() -> None:
    assert speak_tex(r"\operatorname{det} A", "en") == "the determinant of A"
    assert speak_tex(r"\mathrm{det} A", "en") == "the determinant of A"


def test_a_siunitx_number_is_said_once_without_its_options() -> None:
    # fixed: \num's options were read aloud ("[round-precision=2] 3.14159")
    assert speak_tex(r"\num[round-precision=2]{3.14159}", "en") == "3.14159"


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\num{3}+x", "3 plus x", "3 加 x"),  # what follows the number, even with no space
    (r"\SI{2}{\metre}+x", "2 meters plus x", "2 米 加 x"),  # and what follows a quantity
    (r"3\,\si{\metre}", "3 meters", "3 米"),  # the number before \si said once
])
def test_siunitx_numbers_and_units_with_what_stands_around_them(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

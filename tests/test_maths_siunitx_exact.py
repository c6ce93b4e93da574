"""Units written in a formula, through speak_tex (narrator/script/maths.py, _Speaker.units), and
two readings fixed: siunitx's \\num{3e8} in Chinese was "3e8" (now "3 乘 10 的 8 次方"), and a
quantity whose unit has no words here (\\SI{2}{\\foo}) was said as nothing at all, its number lost."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("tex, en, zh", [
    (r"c = 4.18\,\mathrm{J\,kg^{-1}}", "c equals 4.18 joules per kilogram", "c 等于 4.18 焦每千克"),
    (r"g = 9.81\,\mathrm{m\,s^{-2}}", "g equals 9.81 meters per second squared", "g 等于 9.81 米每二次方秒"),
    (r"v = 50\,\mathrm{km/h}", "v equals 50 kilometers per hour", "v 等于 50 千米每小时"),
    (r"I = 2\,\text{kg}\cdot\text{m}^2", "I equals 2 kilogram square meters", "I 等于 2 千克平方米"),
    (r"\text{kg}/\text{m}^3", "kilograms per cubic meter", "千克每立方米"),
    (r"2\,\text{m}^{3}", "2 cubic meters", "2 立方米"),
    (r"2\,\text{m}^{x}", "2 meters to the power x", "2 米 的 x 次方"),  # a letter power: not the unit's
    (r"T = 300\,\mathrm{K}", "T equals 300 kelvins", "T 等于 300 开"),
    (r"1\,\mathrm{N\,m}", "1 newton meter", "1 牛米"),  # one: singular
    (r"1\,\mathrm{m}", "1 meter", "1 米"),
    (r"1.0\,\mathrm{m}", "1.0 meter", "1.0 米"),
    (r"1.\mathrm{N}", "one N", "1 N"),  # a mantissa's letter, not a newton
    (r"d = 10\,\mu\mathrm{m}", "d equals 10 micrometers", "d 等于 10 微米"),
    (r"E = 200\,\mathrm{GPa}", "E equals 200 gigapascals", "E 等于 200 吉帕"),
    (r"25\,^\circ\mathrm{C}", "25 degrees Celsius", "25 摄氏度"),
    # one unit without a number is a name; two, or one below the line, are units anywhere
    (r"\mathrm{min}", "the minimum of", "最小值"),
    (r"\mathrm{T}", "T", "T"),
    (r"\mathrm{kg^{-1}}", "per kilogram", "每千克"),
    (r"\mathrm{m\,s}", "meter seconds", "米秒"),
    (r"3 \text{ apples}", "3 apples", "3 apples"),
    # siunitx
    (r"\SI{9.81}{\metre\per\second\squared}", "9.81 meters per second squared", "9.81 米每二次方秒"),
    (r"\SI{1}{\metre}", "1 meter", "1 米"),
    (r"\SI[round-mode=places]{4.2}{\kilo\joule\per\kilogram}", "4.2 kilojoules per kilogram", "4.2 千焦每千克"),
    (r"\qty{3}{\kilo\gram}", "3 kilograms", "3 千克"),
    (r"\si{\metre\per\second}", "meters per second", "米每秒"),
    (r"\unit{km/h}", "kilometers per hour", "千米每小时"),
    (r"\num{42}", "42", "42"),
    # a prefix on a unit the Chinese table names only through its symbol (henry: 亨)
    (r"\SI{3}{\nano\henry}", "3 nanohenries", "3 纳亨"),
    (r"\SI{3}{\milli\henry}", "3 millihenries", "3 毫亨"),
])
def test_units_in_a_formula(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex, en, zh", [
    (r"\num{3e8}", "3 times 10 to the power 8", "3 乘 10 的 8 次方"),
    (r"\num{1.5e-3}", "1.5 times 10 to the power minus 3", "1.5 乘 10 的负3次方"),
    (r"\num{2E+4}", "2 times 10 to the power 4", "2 乘 10 的 4 次方"),
    (r"\num{1e2}", "1 times 10 squared", "1 乘 10 的平方"),
])
def test_a_number_in_e_notation_is_a_power_of_ten(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex, said", [
    (r"\SI{2}{\foo}", "2 foo"),
    (r"\si{\foo}", "foo"),
    (r"\SI[x]{2}{\foo}", "2 foo"),  # the options are not said
    (r"m = \qty{7}{\widget}", "m equals 7 widget"),
])
def test_a_quantity_with_a_unit_without_words_keeps_its_number(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said
    assert speak_tex(tex, "zh") == said.replace("equals", "等于")


def test_the_number_of_a_quantity_without_unit_words_is_said_as_num_says_it() -> None:
    assert speak_tex(r"\SI{1e3}{\foo}", "en") == "1 times 10 cubed foo"
    assert speak_tex(r"\SI{1e3}{\foo}", "zh") == "1 乘 10 的立方 foo"
    assert speak_tex(r"\qty{2.5e-3}{\foo}", "en") == "2.5 times 10 to the power minus 3 foo"


def test_a_unit_with_an_english_word_only_is_said_as_written_in_chinese() -> None:
    assert speak_tex(r"\SI{5}{\electronvolt}", "en") == "5 electron volts"
    assert speak_tex(r"\SI{5}{\electronvolt}", "zh") == "5 electronvolt"

"""Units inside formulas (narrator/script/maths_units.py), exactly: which symbols are units, how
a written unit expression and siunitx's macros become (symbol, power) pairs, and the words said
for them in English and Chinese. Small hand-written inputs, expected values worked out by hand
from the prose tables (en_tables.UNITS, zh.UNIT_WORDS) and the module's own additions."""

from __future__ import annotations

import pytest

from narrator.script.maths_units import known, parse_units, say_units, siunitx_units


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


MICRO = "\u00b5"  # µ, the micro sign the tables use
MU = "\u03bc"  # μ, the Greek letter a lesson may type instead


@pytest.mark.parametrize("symbol, is_unit", [
    ("kg", True), ("J", True),  # the English table
    ("t", True), ("K", True), ("Wb", True),  # letters added here (units only in a formula)
    ("mT", True), ("kK", True), ("GT", True), ("cd", True), ("MF", True), ("nH", True),  # a prefix on an added letter
    (MU + "K", True), (MICRO + "K", True),  # either micro character
    ("pT", False),  # pico is not among the prefixes read on added letters
    ("xT", False), ("k", False), ("abc", False), ("", False),
])
def test_which_symbols_are_units(symbol: str, is_unit: bool) -> None:
    assert known(symbol) is is_unit


@pytest.mark.parametrize("text, units", [
    ("J\\,kg^{-1}", [("J", 1), ("kg", -1)]),
    ("km/h", [("km", 1), ("h", -1)]),
    ("m s^-2", [("m", 1), ("s", -2)]),
    ("m s^{−2}", [("m", 1), ("s", -2)]),  # the minus sign typed as U+2212
    ("m s^{- 2}", [("m", 1), ("s", -2)]),
    ("kg/m s", [("kg", 1), ("m", -1), ("s", -1)]),  # after a slash, everything is below the line
    ("kg/m^2", [("kg", 1), ("m", -2)]),
    ("\\mu m", [(MICRO + "m", 1)]),
    ("\\upmu m", [(MICRO + "m", 1)]),
    ("\\mathrm{k\\Omega}", [("k\u03a9", 1)]),
    ("{kg}", [("kg", 1)]),  # braces without a power are only grouping
    ("N\\cdot m", [("N", 1), ("m", 1)]),
    ("N~m", [("N", 1), ("m", 1)]),
    ("N\u00b7m", [("N", 1), ("m", 1)]),
    ("N\\;m", [("N", 1), ("m", 1)]),
    ("N\\quad m", [("N", 1), ("m", 1)]),
    ("m^3", [("m", 3)]),
    ("Pa", [("Pa", 1)]),
])
def test_unit_expressions_become_symbols_and_powers(text: str, units: list[tuple[str, int]]) -> None:
    assert parse_units(text) == units


@pytest.mark.parametrize("text", ["m s x", "foo", "", "   ", "kg + m", "{kg}^2", "\\quadm"])
def test_anything_not_a_unit_makes_no_units(text: str) -> None:
    assert parse_units(text) is None


@pytest.mark.parametrize("source, units", [
    ("\\metre\\per\\second\\squared", [("m", 1), ("s", -2)]),
    ("\\kilo\\joule\\per\\kilogram", [("kJ", 1), ("kg", -1)]),
    ("\\square\\metre", [("m", 2)]),
    ("\\cubic\\centi\\metre", [("cm", 3)]),
    ("\\per\\square\\second", [("s", -2)]),
    ("\\metre\\cubed", [("m", 3)]),
    ("\\metre\\squared", [("m", 2)]),
    ("\\per\\metre\\second", [("m", -1), ("s", 1)]),  # \per belongs to the next unit only
    ("\\kilo\\metre\\metre", [("km", 1), ("m", 1)]),  # and so does a prefix
    ("\\square\\metre\\second", [("m", 2), ("s", 1)]),
    ("\\micro\\metre", [(MICRO + "m", 1)]),
    ("\\deka\\metre", [("dam", 1)]),
    ("\\mega\\hertz", [("MHz", 1)]),
    ("{\\newton}.{\\metre}", [("N", 1), ("m", 1)]),
    ("\\newton~\\metre", [("N", 1), ("m", 1)]),
    ("m.s^{-2}", [("m", 1), ("s", -2)]),  # symbols, the siunitx way
    ("km/h", [("km", 1), ("h", -1)]),
    ("\\kilogram", [("kg", 1)]),
    # a backslash without a siunitx unit macro: symbols written the TeX way
    ("k\\Omega", [("k\u03a9", 1)]),
    ("\\mu m", [(MICRO + "m", 1)]),
])
def test_siunitx_units(source: str, units: list[tuple[str, int]]) -> None:
    found = siunitx_units(source)
    assert found == units
    assert found is not None and all(type(power) is int for _, power in found)  # whole powers, as written


@pytest.mark.parametrize("source", ["\\metre\\foo", "\\metre x", "\\metre X", "\\squared", "\\kilo", "\\per"])
def test_siunitx_units_with_anything_else_are_not_units(source: str) -> None:
    assert siunitx_units(source) is None


@pytest.mark.parametrize("units, plural, en, zh", [
    ([("J", 1), ("kg", -1)], True, "joules per kilogram", "焦每千克"),
    ([("J", 1), ("kg", -1)], False, "joule per kilogram", "焦每千克"),
    # the plural falls on the last unit above the line
    ([("N", 1), ("m", 1)], True, "newton meters", "牛米"),
    ([("kg", 1), ("m", 2), ("s", -2)], True, "kilogram square meters per second squared", "千克平方米每二次方秒"),
    ([("m", 3)], True, "cubic meters", "立方米"),
    ([("s", 3)], True, "seconds cubed", "三次方秒"),
    ([("s", 2)], False, "second squared", "二次方秒"),
    ([("m", 4)], True, "meters to the power 4", "4次方米"),
    ([("s", -4)], True, "per second to the power 4", "每4次方秒"),
    ([("cm", 4)], True, "centimeters to the power 4", "4次方厘米"),  # a length's fourth power keeps its power
    ([("s", -1)], True, "per second", "每秒"),  # nothing above the line: no plural
    ([("m", -3)], True, "per cubic meter", "每立方米"),
    # order: above the line first, whatever the order written
    ([("s", -1), ("m", 1)], True, "meters per second", "米每秒"),
    # letters added here, and prefixes on them
    ([("K", 1)], True, "kelvins", "开"),
    ([("mT", 1)], True, "milliteslas", "毫特"),
    ([("kK", 1)], False, "kilokelvin", "千开"),
    ([("GT", 1)], True, "gigateslas", "吉特"),
    ([("cd", 1)], True, "candelas", "坎"),
    ([(MU + "K", 1)], True, "microkelvins", "微开"),
    ([("nT", 1)], True, "nanoteslas", "纳特"),
    ([("MS", 1)], False, "megasiemens", "兆西"),
    ([("cK", 1)], True, "centikelvins", "厘开"),
    # a prefix and the Chinese table's unit when the table has no entry of its own
    ([("GPa", 1)], True, "gigapascals", "吉帕"),
    ([("mW", 1)], True, "milliwatts", "毫瓦"),
    ([("kt", 1)], True, "kilotonnes", "千吨"),
])
def test_units_in_words(units: list[tuple[str, int]], plural: bool, en: str, zh: str) -> None:
    assert say_units(units, "en", plural=plural) == en
    assert say_units(units, "zh", plural=plural) == zh


def test_a_unit_without_a_word_in_a_language_is_not_said() -> None:
    assert say_units([("xyz", 1)], "en", plural=True) is None
    assert say_units([("xyz", 1)], "zh", plural=True) is None
    # pico on an added letter: an English word, no Chinese one
    assert say_units([("pT", 1)], "en", plural=True) == "picoteslas"
    assert say_units([("pT", 1)], "zh", plural=True) is None
    # only the Chinese table has inches as "in"; electron volts have no Chinese word here
    assert say_units([("in", 1)], "en", plural=True) is None
    assert say_units([("in", 1)], "zh", plural=True) == "英寸"
    assert say_units([("in", 1)], "en", plural=False) is None
    assert say_units([("eV", 1)], "zh", plural=True) is None
    assert say_units([("eV", 1)], "en", plural=False) == "electron volt"
    # one missing word spoils the whole
    assert say_units([("J", 1), ("xyz", -1)], "en", plural=True) is None
    assert say_units([], "en", plural=True) is None
    # a power of 0 is no unit above or below the line: nothing to say
    assert say_units([("m", 0)], "en", plural=True) is None
    assert say_units([("m", 0)], "zh", plural=True) is None
    # a prefix without a word here (atto, from siunitx's \atto): no word rather than the bare unit
    assert say_units([("aT", 1)], "en", plural=True) is None
    assert say_units([("aT", 1)], "zh", plural=True) is None

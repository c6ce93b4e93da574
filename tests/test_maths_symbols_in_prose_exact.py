"""Symbols in ordinary text, through speak_symbols (narrator/script/maths.py): the micro prefix
written either way, degrees named without a number, + and = kept as written where nothing else
in the text is maths; and a unit a foreign table cannot say leaves its formula as written."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_symbols, speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("mu", ["µ", "μ"])  # the micro sign U+00B5 and the Greek letter mu U+03BC
def test_the_micro_prefix_is_said_whichever_mu_is_typed(mu: str) -> None:
    assert speak_symbols(f"a cell of 3 {mu}m", "en") == "a cell of 3 micrometres"
    assert speak_symbols(f"5 {mu}g of salt", "zh") == "5 微克 of salt"


def test_degrees_named_without_a_number_are_said() -> None:
    assert speak_symbols("measured in °C", "en") == "measured in degrees Celsius"
    assert speak_symbols("in °F or °C", "en") == "in degrees Fahrenheit or degrees Celsius"
    assert speak_symbols("单位是 °C", "zh") == "单位是 摄氏度"


def test_plus_and_equals_stay_as_written_in_text_with_no_other_maths() -> None:
    # only among symbols said as maths are + and = words ("x² + y² = r²")
    assert speak_symbols("Zürich + Bern", "en") == "Zürich + Bern"
    assert speak_symbols("naïve = simple", "en") == "naïve = simple"
    assert speak_symbols("x² + y² = r²", "en") == "x squared plus y squared equals r squared"


def test_a_unit_a_foreign_table_cannot_say_leaves_the_formula_as_written() -> None:
    # English would say "3 micrometres": French has no word for it here, so the voice reads the TeX shown
    assert speak_tex(r"v = \text{3 µm}", "fr") == "v = 3 µm"

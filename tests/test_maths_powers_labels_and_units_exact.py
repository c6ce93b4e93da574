"""Powers, labels and units of ordinary formulas read exactly (narrator/script/maths.py): a
capital label above a letter, a name below one, a bold power, \\degree, a power with a Greek
letter among four symbols, a derivative's order after a space, one metre written 1.0, units
joined by thin spaces in Chinese, and a unit over a unit in Finnish.

Fixed here: upgreek's upright micro (10\\,\\upmu\\mathrm{m}) was "10 upmu m", now "10 micrometers"."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize(("tex", "en", "zh"), [
    ("V^A", "V superscript A", "V 上标 A"),
    (r"x_{\mathrm{max}}", "x max", "x max"),
    (r"x^\mathbf{n+1}", "x to the power n plus 1", "x 的 n 加 1 次方"),
    (r"90^\degree", "90 degrees", "90 度"),
    (r"e^{-i\omega t}", "e to the power minus i omega t", "e 的负 i 欧米伽 t次方"),  # a negative power joined as 的负3次方
    (r"y^{ (11)}", "the 11th derivative of y", "y 的 11 阶导数"),
])
def test_what_stands_above_or_below_a_letter(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"\SI{1.0}{\metre}", "en", "1.0 meter"),  # one, written with a decimal: singular
    (r"3\,\text{kg}\,\text{m}^{-2}", "zh", "3 千克每平方米"),  # one unit, however it is spaced
    (r"v = 3\,\mathrm{m/s}", "fi", "v on yhtä kuin 3 m/s"),  # a Finnish voice reads the symbols as written
    (r"10\,\mu\mathrm{m}", "fi", "10 µm"),
])
def test_units_in_each_language(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


def test_the_upright_micro_of_upgreek_is_the_units_prefix() -> None:
    assert speak_tex(r"10\,\upmu\mathrm{m}", "en") == "10 micrometers"
    assert speak_tex(r"10\,\upmu\mathrm{m}", "zh") == "10 微米"

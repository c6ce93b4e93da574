"""What follows an environment, a bar of conditional probability between capital letters, an
absolute value holding twenty others, and a few malformed or converter-made formulas, read
exactly (narrator/script/maths.py)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize(("tex", "en"), [
    (r"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases} + c",
     "1 if x is greater than 0; 0 otherwise; plus c"),
    (r"\begin{aligned} a &= b \end{aligned} + c", "a equals b plus c"),
    (r"\begin{gathered} a = b \end{gathered}", "a equals b"),
])
def test_an_environment_is_read_whole_and_what_follows_it_too(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


def test_a_bar_between_capital_letters_in_brackets_is_given() -> None:
    assert speak_tex("P(X|Y)", "en") == "P of X given Y"
    assert speak_tex("P(X|Y)", "zh") == "P， X 给定 Y"


def test_an_absolute_value_looks_through_twenty_nested_ones() -> None:
    tex = "|" + "+".join(["|a|"] * 20) + "|"  # 41 bars after the first: within the limit of 64
    assert speak_tex(tex, "en", whole=True) == "the absolute value of " + ", plus ".join(
        ["the absolute value of a"] * 20)


@pytest.mark.parametrize(("tex", "en", "zh"), [
    ("x^ ", "x", "x"),  # a caret and a space closing the formula: nothing to raise to
    ("f(· )", "f of dot", "f， 点"),  # a typed dot standing for the argument, a space after it
    ("{}-1", "minus 1", "负 1"),  # TeX's empty group first: the minus is a sign
])
def test_formulas_with_odd_spacing_are_read_not_a_crash(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

"""An empty group is no operand: x ={} -1 (TeX's spacing trick) was "x 等于 减 1", a subtraction
after "equals"; its minus is a sign (found by review, issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize("tex", [r"x = {} - 1", r"x = { } - 1"])
def test_a_minus_after_an_empty_group_is_a_sign(tex: str) -> None:
    assert speak_tex(tex, "en") == "x equals minus 1"
    assert speak_tex(tex, "zh") == "x 等于 负 1"


def test_a_minus_after_a_group_with_something_in_it_subtracts() -> None:
    assert speak_tex(r"{a} - 1", "zh") == "a 减 1"
    assert speak_tex(r"x^{2}{} - 1", "zh") == "x 的平方 减 1"

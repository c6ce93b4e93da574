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


def test_what_stands_before_an_empty_or_spacing_group_decides() -> None:
    # the group says nothing: the bracket before it ends an operand, the relation before it does not
    assert speak_tex(r"(a+b){}-c", "zh") == "a 加 b， 减 c"
    assert speak_tex(r"(a+b){\,}-c", "zh") == "a 加 b， 减 c"
    assert speak_tex(r"x = {\,} -1", "zh") == "x 等于 负 1"
    assert speak_tex(r"x = {{}} -1", "zh") == "x 等于 负 1"


def test_spacing_before_a_set_s_first_bar_is_no_element() -> None:
    # {\, |x| }: the bars are an absolute value, not the set's "such that" after nothing
    said = speak_tex(r"\{\, |x| \}", "en")
    assert "absolute value of x" in said and "such that" not in said

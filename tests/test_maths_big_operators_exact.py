"""A big operator's limits: a capital X after \\sum is its operand, not a limit, and a limit cut off
at the end of the formula is dropped (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\sum X_i", "the sum of X i", "求和 X i"),
    (r"\prod X", "the product of X", "连乘 X"),
    (r"\sum_", "the sum of", "求和"),
    (r"\int^", "the integral of", "积分"),
    (r"\lim_", "the limit of", "极限"),
    (r"\sum\limits_{i} x", "the sum over i of x", "i 求和， x"),
])
def test_a_big_operator_takes_only_its_own_limits(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

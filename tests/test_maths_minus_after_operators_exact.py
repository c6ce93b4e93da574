"""A minus after a bracket subtracts even across TeX spacing (\\, \\quad); after a comma, an
operation or a relation it is a sign, 负 in Chinese (issue 26: these were untested)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "zh"), [
    (r"(a) \, - b", "a， 减 b"),
    (r"(a) \quad - b", "a， 减 b"),
    (r"f(x)\,-1", "f x 减 1"),
    (r"\left( a \right) \, - b", "a， 减 b"),
    # after a comma a minus is a sign: a list of a and minus b
    (r"a, - b", "a， 负 b"),
    (r"\, - x", "负 x"),
])
def test_a_minus_after_an_operand_subtracts_across_spacing(tex: str, zh: str) -> None:
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "zh"), [
    (r"x \div - y", "x 除以 负 y"),
    (r"a \pm - b", "a 正负 负 b"),
    (r"A \subset - B", "A 真包含于 负 B"),
    (r"A \subseteq - B", "A 包含于 负 B"),
    (r"a \gg - b", "a 远大于 负 b"),
    (r"x \to - \infty", "x 趋于 负 无穷大"),
])
def test_a_minus_after_an_operation_or_relation_is_a_sign(tex: str, zh: str) -> None:
    assert speak_tex(tex, "zh") == zh

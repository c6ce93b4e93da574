"""An inner product or a set is cut into its parts only at commas and bars outside brackets:
⟨f(x, y), g⟩ has two arguments, {x | f(x | y) > 0} one condition (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\langle f(x, y), g \rangle", "the inner product of f of x, y, and g", "f， x， y， 与 g 的内积"),
    (r"\langle X, Y \rangle", "the inner product of X and Y", "X 与 Y 的内积"),
    (r"\langle \langle a, b \rangle, c \rangle", "the inner product of the inner product of a and b, and c",
     "a 与 b 的内积 与 c 的内积"),
    (r"\{ (a, b) : a < b \}", "the set of a, b, such that a is less than b", "所有满足 a 小于 b 的 a， b， 组成的集合"),
    (r"\{ x \mid f(x \mid y) > 0 \}", "the set of x such that f of x given y, is greater than 0",
     "所有满足 f， x 给定 y， 大于 0 的 x 组成的集合"),
    (r"\{ x | x > 0 \}", "the set of x such that x is greater than 0", "所有满足 x 大于 0 的 x 组成的集合"),
    # nested pairs close in order
    (r"\{ a, \{ b, \{ c \} \} \}", "the set a, the set b, the set c", "集合 a， 集合 b， 集合 c"),
    (r"\langle \langle \langle a, b \rangle, c \rangle, d \rangle",
     "the inner product of the inner product of the inner product of a and b, and c, and d",
     "a 与 b 的内积 与 c 的内积 与 d 的内积"),
    # one cut: the second bar is the condition's own (d divides 12)
    (r"\{ d \mid d \mid 12 \}", "the set of d such that d divides 12", "所有满足 d 整除 12 的 d 组成的集合"),
])
def test_only_a_comma_or_bar_outside_brackets_cuts(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

"""A set's bar is the first one with something before it: {x : |x| < 1} was "the set of x such that
x is less than 1" (the absolute value's bar was taken for the set's, and the meaning changed),
{|x| : x ∈ A} "the set of such that x x in A" (found by review, issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\{ x : |x| < 1 \}", "the set of x such that the absolute value of x, is less than 1",
     "所有满足 x 的绝对值 小于 1 的 x 组成的集合"),
    (r"\{ |x| : x \in A \}", "the set of the absolute value of x, such that x in A",
     "所有满足 x 属于 A 的 x 的绝对值 组成的集合"),
    (r"\{ x \mid |x| < 1 \}", "the set of x such that the absolute value of x, is less than 1",
     "所有满足 x 的绝对值 小于 1 的 x 组成的集合"),  # as before
    (r"\{ x | x > 0 \}", "the set of x such that x is greater than 0", "所有满足 x 大于 0 的 x 组成的集合"),
])
def test_the_set_is_cut_at_its_own_bar(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

"""A norm's index is the subscript right after its closing bars, even after a space, and only that
one (issue 26: x_1 + ‖y‖_2 must not take x's 1)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\|x\| _{2}", "the 2 norm of x", "x 的 2 范数"),
    (r"\|x\|_ {2}", "the 2 norm of x", "x 的 2 范数"),
    (r"2 \|x\|_2", "2 the 2 norm of x", "2 x 的 2 范数"),  # the same 2 before the norm
    (r"\|x\| + 1", "the norm of x, plus 1", "x 的范数 加 1"),
    (r"x_1 + \|y\|_2", "x 1 plus the 2 norm of y", "x 1 加 y 的 2 范数"),
    (r"x_1 + \|y\|_2 + z", "x 1 plus the 2 norm of y, plus z", "x 1 加 y 的 2 范数 加 z"),
])
def test_a_norm_takes_the_subscript_after_its_bars(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

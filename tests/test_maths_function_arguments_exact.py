"""In Chinese a function's argument of one or two plain symbols follows its name directly (f x,
Logistic X 贝塔); a longer or signed one is set off by a pause; a minus after a sign is a sign
(issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "zh"), [
    (r"\mathrm{Logistic}(X\beta)", "Logistic X 贝塔"),
    (r"f(x y z)", "f， x y z"),
    (r"\exp(-\frac{x}{s})", "exp， 负 s 分之 x"),
    (r"x = - - 1", "x 等于 负 负 1"),
])
def test_a_short_argument_follows_the_name_and_a_long_one_pauses(tex: str, zh: str) -> None:
    assert speak_tex(tex, "zh") == zh

"""Formulas said exactly (narrator.script.maths), written for mutants of the reading loop that
survived session 38's run: what follows a floor, a degree sign without its caret, a temperature's
scale, and an ellipsis that opens the formula is still read."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # the sign right after a floor's closing bracket is read
    ("⌊x⌋+1", "en", "the floor of x, plus 1"),
    ("⌊x⌋+1", "zh", "x 的下取整， 加 1"),
    # a one-digit number before a ring is still a number: degrees, not composition
    ("θ = 5∘", "en", "theta equals 5 degrees"),
    ("x=5∘", "en", "x equals 5 degrees"),
    # the formula goes on after the scale
    (r"25^\circ C = 298\,\mathrm{K}", "en", "25 degrees Celsius equals 298 kelvins"),
    (r"25^\circ C = 298\,\mathrm{K}", "zh", "25 摄氏度 等于 298 开"),
    # an ellipsis opening the formula
    ("..., -1, 0, 1, ...", "en", "and so on, minus 1, 0, 1, and so on"),
])
def test_what_follows_is_read(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said

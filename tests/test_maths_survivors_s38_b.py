"""Formulas said exactly (narrator.script.maths), for a mutant of session 38's second list that the
earlier tests let live (tools/mutation_reviews/script-maths-s38-b.md): a single letter after other
atoms, before a bracket, is a factor of a product, not a function named by a word."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a letter times a bracket, after a coefficient: a product, never "x of ..."
    (r"y = 3x(x-2)", "en", "y equals 3 x, x minus 2"),
    # the surface of a cylinder: pi r times (r + h), not "r of r plus h"
    (r"S = 2\pi r(r + h)", "en", "S equals 2 pi r, r plus h"),
    # a letter alone before its bracket, after an equals sign
    (r"y = x(x+1)", "en", "y equals x, x plus 1"),
])
def test_a_letter_before_a_bracket_multiplies(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said

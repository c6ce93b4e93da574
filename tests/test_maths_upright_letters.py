"""An upright P or E before brackets is probability or expectation, as the italic one ("P of A");
any other upright letter before brackets is an element or a unit, never a function."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize("tex, said", [
    (r"\mathrm{P}(A)", "P of A"),
    (r"\mathrm{E}(X)", "E of X"),
    (r"\mathrm{H}_2\mathrm{O}(l)", "H 2 O, l"),
    (r"5\,\mathrm{g}(\pm 0.1)", "5 grams, plus or minus 0.1"),
    (r"5\,\mathrm{N}(2)", "5 newtons, 2"),
])
def test_only_p_and_e_are_functions_when_upright(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said

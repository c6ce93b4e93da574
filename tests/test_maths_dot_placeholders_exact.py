"""A dot standing for an argument, typed as a Unicode middle dot (·), a dot operator (⋅) or
\\cdotp, is said as the \\cdot placeholder is (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize("dot", ["·", "⋅", r"\cdotp"])
def test_every_spelling_of_a_placeholder_dot_is_a_place(dot: str) -> None:
    assert speak_tex(rf"\langle {dot}, {dot} \rangle", "en") == "the inner product"
    assert speak_tex(rf"\langle {dot}, {dot} \rangle", "zh") == "内积"
    assert speak_tex(rf"\langle x, {dot} \rangle", "en") == "the inner product of x and dot"
    assert speak_tex(rf"\langle {dot}, y \rangle", "zh") == "点 与 y 的内积"


@pytest.mark.parametrize("tex", [r"[\cdot]", r"[ \cdot ]", r"( \cdot )"])
def test_a_dot_alone_in_brackets_is_a_place(tex: str) -> None:
    assert speak_tex(tex, "en") == "dot"
    assert speak_tex(tex, "zh") == "点"


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\cdot", "times", "乘"),
    (r"x \cdot", "x times", "x 乘"),
    (r"\cdot x", "times x", "乘 x"),
])
def test_a_dot_beside_an_operand_or_alone_is_a_product(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


def test_a_dot_as_a_function_argument_is_a_place_with_spaces_too() -> None:
    assert speak_tex(r"f( \cdot )", "zh") == "f 点"
    assert speak_tex(r"f( \cdot )", "en") == "f of dot"

"""A triangle named by three vertices is similar to a figure, not a distribution: \\triangle ABC
\\sim DEF was "triangle A B C is distributed as D E F" (the triangle's word was looked for only
three words back, where its three vertices stand; found by review, issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\triangle ABC \sim DEF", "triangle A B C is similar to D E F", "三角形 A B C 相似于 D E F"),
    (r"△PQR ∼ XYZ", "triangle P Q R is similar to X Y Z", "三角形 P Q R 相似于 X Y Z"),
    (r"\triangle AB \sim X", "triangle A B is similar to X", "三角形 A B 相似于 X"),
    # past the triangle and its vertices, a capital after ~ is a distribution again
    (r"\triangle PQR \cong \triangle XYZ, X \sim N", "triangle P Q R is congruent to triangle X Y Z, X is distributed as N",
     "三角形 P Q R 全等于 三角形 X Y Z， X 服从 N"),
])
def test_a_triangle_is_similar_to_a_figure(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

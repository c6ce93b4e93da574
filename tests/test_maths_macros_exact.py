"""TeX macros of the real maths pages that were said wrongly (found by review, issue 26): a text
box's words spelled letter by letter (\\hbox{if} "i f"), a bracket said by its macro's name
(\\lbrack "lbrack"), an operator in \\mathop losing its limits (\\mathop{\\arg\\min}_\\beta "arg min
of sub beta")."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\hbox{if } x > 0", "if x is greater than 0", "if x 大于 0"),
    (r"\textnormal{for all} n", "for all n", "for all n"),
    (r"\textup{max} + 1", "max plus 1", "max 加 1"),
    (r"\int f \mathup{d} x", "the integral of f d x", "积分 f d x"),
])
def test_a_text_box_says_its_words(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"x \in \lbrack 0, 1 \rbrack", "x in 0, 1", "x 属于 0， 1"),
    (r"\left\lbrack a, b \right\rbrack", "a, b", "a， b"),
])
def test_a_bracket_macro_is_a_bracket(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en == speak_tex(tex.replace(r"\lbrack", "[").replace(r"\rbrack", "]"), "en")
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\mathop{\arg\min}_{\beta} f(\beta)", "arg min over beta of f of beta", "关于 贝塔 求 arg min， f 贝塔"),
    (r"\mathop{\max}_{i} x_i", "the maximum over i of x i", "关于 i 求最大值， x i"),
    (r"\mathop x", "x", "x"),
])
def test_an_operator_in_mathop_keeps_its_limits(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh
    plain = tex.replace(r"\mathop{", "").replace("}_", "_", 1) if "{" in tex else tex.replace(r"\mathop ", "")
    assert speak_tex(plain, "en") == en  # as if written without \mathop


def test_a_comment_inside_a_formula_is_skipped_and_the_rest_said() -> None:
    assert speak_tex("x % note\n + 1", "en") == "x plus 1"
    assert speak_tex("x % note\n + 1", "zh") == "x 加 1"

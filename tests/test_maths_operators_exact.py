"""Big operators with their bounds and paired delimiters (narrator/script/maths.py: big_operator,
delimited), exactly, in English and Chinese: what a teacher says for each bound and each pair."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("tex, en, zh", [
    (r"\sum _{i} ^{n} a", "the sum from i to n of a", "从 i 到 n 求和， a"),  # spaces before the bounds
    (r"\oint_C f", "the contour integral over C of f", "C 环路积分， f"),
    (r"\iint_D f", "the double integral over D of f", "D 二重积分， f"),
    (r"\max x", "the maximum of x", "求最大值， x"),
    (r"\arg\max x", "arg max of x", "求 arg max， x"),
    (r"\min_{x} f", "the minimum over x of f", "关于 x 求最小值， f"),
    (r"\lim\limits_{x \to 0} f", "the limit as x tends to 0, of f", "当 x 趋于 0 时，极限 f"),
    (r"\int\nolimits_0^1 f", "the integral from 0 to 1 of f", "从 0 到 1 积分， f"),
    ("∑_{i=1}^n i", "the sum from i equals 1 to n of i", "从 i 等于 1 到 n 求和， i"),
    (r"\int_a^b", "the integral from a to b of", "从 a 到 b 积分"),
    (r"\prod_{k} k", "the product over k of k", "k 连乘， k"),
])
def test_big_operators_and_their_bounds(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex, en, zh", [
    ("|a|+|b|", "the absolute value of a, plus the absolute value of b", "a 的绝对值 加 b 的绝对值"),
    (r"\|x\|_{\infty}", "the infinity norm of x", "x 的 无穷大 范数"),
    (r"\|x\|_p", "the p norm of x", "x 的 p 范数"),
    (r"\left\| x \right\|", "the norm of x", "x 的范数"),
    ("||x||", "the norm of x", "x 的范数"),  # two bars typed: a norm's
    (r"\left| x \right|", "the absolute value of x", "x 的绝对值"),
    (r"\{a, b\} \cup \{c\}", "the set a, b, union the set c", "集合 a， b， 并 集合 c"),
    # a pair that is not one: said as its contents
    (r"\langle u, v, w \rangle", "u, v, w", "u， v， w"),
    (r"\langle u \rangle", "u", "u"),
    (r"\{\}", "", ""),
    ("| x", "x", "x"),
])
def test_paired_delimiters(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

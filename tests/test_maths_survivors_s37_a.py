"""Formulas said exactly (narrator.script.maths), for the mutants of ``_Speaker.operand_before``
that survived the mutmut run of session 36 (tools/mutation_reviews/script-maths-s37-a.md):
absolute values nested inside absolute values, where whether an operand ends just before a bar
decides if that bar closes a value or opens a new one. A script's braced group (x^{2}, a_{n})
ends an operand, so its bar closes; after a binary operator (⊕, ⊗, mod, as after minus or
times) a bar opens a value of its own."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize("tex, lang, said", [
    (r"||x^{2}| - |y^{2}||", "en",
     "the absolute value of the absolute value of x squared, minus the absolute value of y squared"),
    (r"||x^{2}| - |y^{2}||", "zh", "x 的平方 的绝对值 减 y 的平方 的绝对值 的绝对值"),
    (r"||a_{n}| - |b_{n}||", "en",
     "the absolute value of the absolute value of a n, minus the absolute value of b n"),
    (r"||a_{n}| - |b_{n}||", "zh", "a n 的绝对值 减 b n 的绝对值 的绝对值"),
    (r"||x|^{2} - |y|^{2}|", "en",
     "the absolute value of the absolute value of x, squared minus the absolute value of y, squared"),
])
def test_a_bar_after_a_braced_script_closes_its_absolute_value(tex: str, lang: str, said: str) -> None:
    # the group {2} of x^{2} is the end of an operand: the bar after it closes |x^{2}|, and the
    # outer bars are one more absolute value (not a norm, not a bar opened after "squared")
    assert speak_tex(tex, lang) == said


@pytest.mark.parametrize("tex, lang, said", [
    (r"|a \oplus |b||", "en", "the absolute value of a direct sum the absolute value of b"),
    (r"|a \oplus |b||", "zh", "a 直和 b 的绝对值 的绝对值"),
    (r"|a \otimes |b||", "en", "the absolute value of a tensor the absolute value of b"),
    (r"|a \otimes |b||", "zh", "a 张量积 b 的绝对值 的绝对值"),
    (r"||a| \otimes |b||", "en",
     "the absolute value of the absolute value of a, tensor the absolute value of b"),
    (r"|a \bmod |n||", "en", "the absolute value of a mod the absolute value of n"),
    (r"|a \bmod |n||", "zh", "a 模 n 的绝对值 的绝对值"),
    # the same rule as after minus and times
    (r"|x - |y||", "en", "the absolute value of x minus the absolute value of y"),
    (r"|x \cdot |y||", "en", "the absolute value of x times the absolute value of y"),
])
def test_a_bar_after_a_binary_operator_opens_an_absolute_value(tex: str, lang: str, said: str) -> None:
    # ⊕, ⊗ and mod join two operands: the bar after one opens |b| inside the outer bars, it
    # does not close the outer value after "direct sum" and leave b outside
    assert speak_tex(tex, lang) == said

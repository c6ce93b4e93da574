"""Formulas said exactly (narrator.script.maths), for mutants the earlier tests let live
(tools/mutation_reviews/script-maths-s38-a.md): a ratio between capital X and Y, a label before a
capital X, a formula ending in a colon, a definition := written without spaces, a ratio after a
condition and a comma, a ratio followed by a quantifier in brackets, and a Unicode placeholder dot
before a spaced minus."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex

pytestmark = pytest.mark.usefixtures("said_afresh")


@pytest.mark.parametrize(("tex", "lang", "said"), [
    # a capital X before a colon is no quantifier: X : Y is a ratio
    ("X : Y = 2 : 3", "en", "X to Y equals 2 to 3"),
    ("X:Y=2:3", "zh", "X 比 Y 等于 2 比 3"),
    # a capital X after a hypothesis' label is no bracket: the relation after it makes the colon a
    # label, not a ratio
    ("H_1: X > 3", "en", "H 1 X is greater than 3"),
    ("H_1: X > 3", "zh", "H 1 X 大于 3"),
    # a formula ending in a colon (the sentence goes on after it): the colon says nothing
    (r"\forall x \in A:", "en", "for all x in A"),
    (r"\exists x \in A:", "zh", "存在 x 属于 A"),
    # := written without spaces: what follows the equals sign is said
    ("x:=2", "en", "x is defined as 2"),
    ("a_n:=n^2", "zh", "a n 定义为 n 的平方"),
    # a condition, a comma, then a proportion: each colon is a ratio, whatever stands before it
    ("a = 6, a : b = 3 : 2", "en", "a equals 6, a to b equals 3 to 2"),
    ("x > 0, x : y = 2 : 3", "en", "x is greater than 0, x to y equals 2 to 3"),
    ("AB = 6, AB : BC = 3 : 2", "zh", "A B 等于 6， A B 比 B C 等于 3 比 2"),
    # a quantifier after the proportion, in brackets, does not undo its ratios
    (r"a_n : b_n = 1 : 2 \quad (\forall n)", "en", "a n to b n equals 1 to 2, for all n"),
    (r"a_n : b_n = 1 : 2 \quad (\forall n)", "zh", "a n 比 b n 等于 1 比 2， 对任意 n"),
    # a Unicode dot then a space before the minus, inside a norm's bars: the placeholder dot
    ("‖· − x‖", "en", "the norm of dot minus x"),
    ("‖· − x‖", "zh", "点 减 x 的范数"),
])
def test_colons_and_dots_said_exactly(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said

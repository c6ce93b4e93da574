"""A minus after a relation is a sign, in Chinese too: "x ∈ (−1, 1)" was "x 属于， 负 1" but
"a ∈ −b" "a 属于 减 b" (减: subtract), as "in", "is identical to" and the other relations were not
taken for operators; and a bracket after one needs no pause ("x in 0, 1")."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("tex, en, zh", [
    (r"a \in -b", "a in minus b", "a 属于 负 b"),
    (r"a \notin -b", "a not in minus b", "a 不属于 负 b"),
    (r"a \equiv -1", "a is identical to minus 1", "a 恒等于 负 1"),
    (r"a \sim -b", "a is similar to minus b", "a 相似于 负 b"),
    (r"a \propto -b", "a is proportional to minus b", "a 正比于 负 b"),
    (r"a \ll -b", "a is much less than minus b", "a 远小于 负 b"),
    (r"x \in (-1, 1)", "x in minus 1, 1", "x 属于 负 1， 1"),
    (r"x \in (0, 1)", "x in 0, 1", "x 属于 0， 1"),
    (r"A \subset (B)", "A is a subset of B", "A 真包含于 B"),
    (r"A \subseteq (B)", "A is a subset of B", "A 包含于 B"),
    (r"a \gg (b)", "a is much greater than b", "a 远大于 b"),
    # after an operand a minus still subtracts
    (r"(a) - b", "a, minus b", "a， 减 b"),
    (r"a - b", "a minus b", "a 减 b"),
])
def test_a_minus_after_a_relation_is_a_sign(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

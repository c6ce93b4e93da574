"""Binomial coefficients in each of their macros, with sums in their parts and more after them;
roots with an index: a number's index takes its own ordinal suffix ("the 21st root", heard
"twenty first", not "21th"), a sum as the index is said whole (issue 26)."""

from __future__ import annotations

import pytest

from narrator.normalize import normalize
from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\binom{n}{k}", "n choose k", "n 选 k"),
    (r"\dbinom{n}{k}", "n choose k", "n 选 k"),
    (r"\tbinom{n}{k}", "n choose k", "n 选 k"),
    (r"\binom{n+1}{k-1}", "n plus 1 choose k minus 1", "n 加 1 选 k 减 1"),
    (r"\binom{n}{k} + 1", "n choose k plus 1", "n 选 k 加 1"),
])
def test_binomial_coefficients(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "heard", "zh"), [
    (r"\sqrt[21]{x}", "the 21st root of x", "the twenty first root of x", "21 次根号 x"),
    (r"\sqrt[22]{x}", "the 22nd root of x", "the twenty second root of x", "22 次根号 x"),
    (r"\sqrt[11]{x}", "the 11th root of x", "the eleventh root of x", "11 次根号 x"),
    (r"\sqrt[5]{x}", "the 5th root of x", "the fifth root of x", "5 次根号 x"),
    (r"\sqrt[n]{x}", "the nth root of x", "the nth root of x", "n 次根号 x"),
])
def test_a_root_index_is_an_ordinal(tex: str, en: str, heard: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert normalize(speak_tex(tex, "en"), "en") == heard
    assert speak_tex(tex, "zh") == zh


def test_a_sum_as_a_root_index_is_said_whole() -> None:
    assert speak_tex(r"\sqrt[n+1]{x}", "zh") == "n 加 1 次根号 x"

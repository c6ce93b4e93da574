"""Formulas a lesson may hold that stress the reader: numbers grouped in TeX for another
language's voice, nesting deeper than Python's stack, and bars by the thousand."""

from __future__ import annotations

import pytest

from narrator.script import maths
from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "lang", "said"), [
    (r"1\,000\,000", "de", "1000000"),  # a German voice reads "1,000,000" as a decimal comma
    (r"1{,}000", "fi", "1000"),
    (r"10\,000\,\mathrm{m}", "fr", "10000 m"),
    (r"3.141\,592", "de", "3.141592"),
])
def test_digit_groups_are_one_number_for_another_languages_voice(tex: str, lang: str, said: str) -> None:
    assert speak_tex(tex, lang) == said


def test_bars_nested_past_the_stack_are_summarised_not_a_crash() -> None:
    deep = "|-" * 340 + "x" + "|" * 340
    assert speak_tex(deep, "en").startswith("a long formula: ")


def test_groups_nested_past_the_stack_are_summarised_not_a_crash() -> None:
    deep = "x^{" * 200 + "y" + "}" * 200
    assert speak_tex(deep, "en") == "a long formula: a long expression"
    assert speak_tex(deep, "zh") == "长公式：一个很长的式子"


def test_many_bars_cost_in_proportion(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each bar looks ahead through at most NESTED_BARS_MAX others for nested values: twice the
    bars, about twice the work (not four times): "| | | ..." was read in a time growing with its square."""
    calls = 0
    closes = maths._Speaker.bar_closes

    def counted(self: maths._Speaker, *args: object) -> bool:
        nonlocal calls
        calls += 1
        return closes(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(maths._Speaker, "bar_closes", counted)
    work = []
    for n in (300, 600):
        calls = 0
        maths._read.cache_clear()
        speak_tex("| " * n, "en", whole=True)
        work.append(calls)
    assert work[1] < 2.5 * work[0], work

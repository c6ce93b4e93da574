"""TeX writes a large number's groups with {,} (a comma that is no list separator) or a thin
space \\, (the SI style): one number all the same, said "one million", not "one, zero zero
zero" (issue 26: a mutation run showed the groups were read as separate numbers)."""

from __future__ import annotations

import pytest

from narrator.normalize import normalize
from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "said"), [
    (r"1{,}000", "1,000"),
    (r"1{,}000{,}000", "1,000,000"),
    (r"1\,000\,000", "1,000,000"),
    (r"12\,345", "12,345"),
    (r"1\thinspace 000", "1,000"),
    (r"1,000\,000", "1,000,000"),  # a comma, then a thin space
    (r"3.141\,592", "3.141592"),  # decimals grouped in threes: no comma among them
])
def test_grouped_digits_are_one_number(tex: str, said: str) -> None:
    assert speak_tex(tex, "en") == said
    assert speak_tex(tex, "zh") == said


def test_a_grouped_number_is_heard_whole() -> None:
    assert normalize(speak_tex(r"1\,000\,000", "en"), "en") == "one million"
    assert normalize(speak_tex(r"1{,}000", "zh"), "zh") == "一千"


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"1,000\,5", "1,000 5", "1,000 5"),  # one digit after the space: another number
    (r"3{,}14", "3, 14", "3， 14"),  # two digits: not a thousands group
    (r"x\,000", "x 000", "x 000"),  # no number before the space
    (r"10\,000\,\mathrm{m}", "10,000 meters", "10,000 米"),
])
def test_only_three_digits_after_a_number_join_it(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh

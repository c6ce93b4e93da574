"""HTML <sup> after text: a word of four letters or more takes a footnote mark, not a power (capitals
count); a detached number is said; a star in any of its spellings names the adjoint (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import script_words


@pytest.mark.parametrize("before", ["Dale", "NASA", "area", "Smith"])
def test_a_number_after_a_word_is_a_footnote_mark(before: str) -> None:
    assert script_words(before, "2", "sup", "en") == (before, "")


def test_a_number_after_a_short_word_or_unit_is_a_power() -> None:
    assert script_words("km", "2", "sup", "en") == ("km", " squared ")
    assert script_words("WHO", "1", "sup", "en") == ("WHO", " to the power 1 ")


@pytest.mark.parametrize("before", ["Smith ", "Smith\n"])
def test_a_number_apart_from_the_word_is_said(before: str) -> None:
    assert script_words(before, "3", "sup", "en") == (before, " 3 ")


@pytest.mark.parametrize("star", ["*", "∗"])
def test_every_star_after_a_letter_is_the_adjoint_star(star: str) -> None:
    assert script_words("A", star, "sup", "en") == ("A", " star ")
    assert script_words("A", star, "sup", "zh") == ("A", " 星 ")

"""A heading numbered by one Roman letter other than I (narrator.script.planner.spoken_text):
"V. Scope" says "five", as "IV. Scope" says "four"; only a lone "I." may be the pronoun."""

from __future__ import annotations

import pytest

from narrator.script.planner import spoken_text


@pytest.mark.parametrize("written, said", [
    ("V. Scope", "five. Scope"),
    ("X. Results", "ten. Results"),
    ("C. Appendix", "one hundred. Appendix"),
    ("I. Intro", "I. Intro"),
])
def test_a_one_letter_roman_heading_number_is_said(written: str, said: str) -> None:
    assert spoken_text(written, "heading") == said

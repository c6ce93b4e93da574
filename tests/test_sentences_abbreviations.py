"""Abbreviations never end a sentence (issue 19 item 4: "pg." left the stub "109-110]).")."""

from __future__ import annotations

import pytest

from narrator.script.sentences import split_sentences


def split(text: str) -> list[str]:
    return split_sentences(text, max_chars=160, max_chars_cjk=80)


@pytest.mark.parametrize("text", [
    "See the report (see pg. 109-110]).",
    "As noted in Vol. 2, pt. 3, para. 4 and ref. 7 (Eq. 5, Tab. 2, art. 3, n. 4).",
    "Sheet No. 4 and nos. 5-7 are missing.",
    "The rule is in sect. 12 of the act.",
])
def test_an_abbreviation_before_a_number_ends_no_sentence(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize("text, expected", [
    # the same words end a sentence where they are words
    ("I love modern art. Then I left.", ["I love modern art.", "Then I left."]),
    ("The answer is no. Next one.", ["The answer is no.", "Next one."]),
    ("Press the tab. Then type.", ["Press the tab.", "Then type."]),
])
def test_the_same_words_end_a_sentence_elsewhere(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_initials_before_a_year_end_no_sentence() -> None:
    # "n" and "r" are abbreviations before a number ("n. 4"); "N." and "R." are initials
    assert split("Yuan, Y.; Bhooshan, N. (2010). Title.") == ["Yuan, Y.; Bhooshan, N. (2010).", "Title."]
    assert split("Horn, Roger A.; Johnson, Charles R. (2013). Matrix Analysis.") == [
        "Horn, Roger A.; Johnson, Charles R. (2013).", "Matrix Analysis."]

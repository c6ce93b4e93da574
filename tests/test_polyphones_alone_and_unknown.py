"""Polyphones (narrator.script.polyphones) at the edges of what the dictionaries know: a character
pypinyin has no entry for, a character alone whose second reading is just under the share that
makes it worth a teacher's ear, and a pair of characters jieba does not know as a word. The counts
quoted are pypinyin's phrase entries (a dependency, pinned below 1.0). The tables are built once per
process (about a second), shared with the other polyphone tests."""

from __future__ import annotations

import pytest

from narrator.script import polyphones
from narrator.script.polyphones import Polyphone, find, offers


def test_a_character_pypinyin_does_not_know_is_skipped_not_a_crash() -> None:
    # 兙 (U+5159) is in the Han block but has no entry in pypinyin's character dictionary: no
    # reading to offer, and the lesson's review goes on (a lesson is untrusted text)
    assert find("兙") == []
    assert find("这是兙。") == []
    assert offers(["兙", "长兙"], []) == [polyphones.Offer(
        Polyphone("长", "长", "zhang3", "zhang3", ("zhang3", "chang2"), "alone"), 1, 1)]


@pytest.mark.parametrize("char", ["柏", "肋", "厦"])
def test_a_character_alone_needs_its_second_reading_in_a_quarter_of_its_phrases(char: str) -> None:
    # 柏: bai3 in 22 phrase entries, bo2 in 5 (under a quarter: 5 < 5.5); 肋 lei4 9, le4 2
    # (2 < 2.25); 厦 sha4 9, xia4 2: read the common way, nothing to ask. One phrase more for
    # every reading would tip each of them over the line.
    assert find(char) == []
    # 长: zhang3 144, chang2 407: either is common, the teacher is asked
    assert [p.why for p in find("长")] == ["alone"]


def test_an_unknown_pair_is_read_as_the_dictionary_cuts_it_not_as_jieba_guesses() -> None:
    # 一宿 is no word of jieba's dictionary: jieba's guessing of unknown words (HMM) is off, so
    # 宿 stands alone and its common reading su4 is offered for review (xiu4 is too rare to list) ("no phrase decides"),
    # rather than a guessed word's reading being taken as settled
    assert find("他住了一宿。") == [Polyphone("宿", "宿", "su4", "su4", ("su4", "xiu3"), "alone")]
    assert find("我看见一扎了") == []  # 扎 alone is settled enough; a guessed 一扎 would offer za1

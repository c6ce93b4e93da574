"""Chinese typography made speakable, exactly (narrator.normalize.zh_typography): vertical forms
read as the punctuation they stand for, reading glosses dropped only when they carry a tone,
box-drawing dashes as one pause (none beside punctuation or at an edge), bullets unsaid only at
an item's start, and conversion spaces closed inside a word but never beside a number word."""

from __future__ import annotations

import pytest

from narrator.normalize.zh_typography import speak_typography


@pytest.mark.parametrize("written, said", [
    ("等等︙", "等等..."),       # U+FE19, vertical ellipsis
    ("甲︱乙", "甲—乙"),          # U+FE31, vertical em dash
    ("﹃引文﹄", "『引文』"),       # U+FE43/FE44, vertical double corner brackets
])
def test_vertical_forms_are_the_ordinary_punctuation(written: str, said: str) -> None:
    assert speak_typography(written) == said


@pytest.mark.parametrize("written, said", [
    ("身陷囹圄 （ líng yǔ ）", "身陷囹圄"),   # spaces around and inside the brackets
    ("妈 (mā)", "妈"),
    ("佾（yì)", "佾"),                        # mixed brackets
    ("佾（yi4 shi2）", "佾"),                 # tone numbers
    ("注音（ㄌㄧㄥˊ ㄩˇ）", "注音"),           # zhuyin, two syllables
])
def test_a_reading_gloss_with_a_tone_is_not_read_again(written: str, said: str) -> None:
    assert speak_typography(written) == said


@pytest.mark.parametrize("kept", ["妈（ma）", "佾（Yì）", "(yì)开头", "知道（zhīdào）"])
def test_a_bracket_that_is_no_toned_gloss_after_a_character_stays(kept: str) -> None:
    assert speak_typography(kept) == kept


@pytest.mark.parametrize("written, said", [
    ("好──", "好"),          # at the end: nothing to pause before
    ("──", ""),
    ("好──。", "好。"),      # punctuation pauses already
    ("a──b", "a，b"),        # between two words: one comma's pause
    ("x─好", "x，好"),       # a lone ─ is 一 only between two characters
    ("好─", "好"),
    (" ──你", "你"),         # a space before is a pause, and the edges are trimmed
    ("你── ", "你"),
])
def test_box_drawing_dashes_pause_once(written: str, said: str) -> None:
    assert speak_typography(written) == said


@pytest.mark.parametrize("written, said", [
    ("• 第一", "第一"),
    ("甲●乙", "甲●乙"),       # inside a word: not a bullet
    ("★★ 重点", "重点"),
])
def test_bullets_are_unsaid_at_an_items_start_only(written: str, said: str) -> None:
    assert speak_typography(written) == said


@pytest.mark.parametrize("written, said", [
    ("冰\u3000島", "冰島"),     # an ideographic space
    ("冰  島", "冰島"),         # two spaces
    ("他 说", "他说"),          # one character on each side
    ("第 二", "第 二"),         # a number word stands apart
    ("三 个", "三 个"),
])
def test_conversion_spaces_close_inside_a_word_only(written: str, said: str) -> None:
    assert speak_typography(written) == said


@pytest.mark.parametrize("kept", ["第三 章", "他 二月"])
def test_a_space_beside_a_number_word_stays(kept: str) -> None:
    # the number word is the character next to the space, whatever stands beyond it
    assert speak_typography(kept) == kept

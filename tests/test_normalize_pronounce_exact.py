"""Pronunciation annotations exactly as each engine is given them (narrator.normalize.pronounce):
which spoken forms are pinyin, which ARPAbet phonemes and which respellings, how a term is
annotated, and what "tagged", "pinyin", "plain" (and an unknown format) make of it."""

from __future__ import annotations

import pytest

from narrator.normalize.pronounce import (annotation, has_marks, homophone, kind, phonemes, pinyin_syllables,
                                          plain, render)

BANK = "银\ufff9行\ufffaHANG2\ufffb里"  # 银行里 with 行 read hang2


@pytest.mark.parametrize("term, say, syllables", [
    ("重庆", "chong2 qing4", ["CHONG2", "QING4"]),
    ("绿", "lü4", ["LV4"]),
    ("绿", "LÜ4", ["LV4"]),
    ("嗯", "ng2", ["NG2"]),
    ("呣", "m2", ["M2"]),
    ("吗", "ma5", ["MA5"]),  # the neutral tone
])
def test_pinyin_with_a_tone_for_every_character_is_pinyin(term: str, say: str, syllables: list[str]) -> None:
    assert pinyin_syllables(term, say) == syllables
    assert kind(term, say) == "pinyin"


@pytest.mark.parametrize("term, say", [
    ("重庆", "chong qing"),     # no tones
    ("重", "chong6"),           # no such tone
    ("重庆", "chong2"),         # a syllable short
    ("重A", "chong2 a1"),       # not only Chinese characters
    ("", ""),
])
def test_other_spoken_forms_of_chinese_terms_are_no_pinyin(term: str, say: str) -> None:
    assert pinyin_syllables(term, say) is None


@pytest.mark.parametrize("term, say, said", [
    ("minute", "m ay0 . n uw1 t", "M AY0 . N UW1 T"),
    ("hi", "HH AY1", "HH AY1"),
])
def test_arpabet_with_a_stressed_vowel_is_phonemes_in_capitals(term: str, say: str, said: str) -> None:
    assert phonemes(term, say) == said
    assert kind(term, say) == "phonemes"


@pytest.mark.parametrize("term, say", [
    ("LMS", "L M S"),   # no vowel: a respelling
    ("x", ". AY1"),     # a syllable mark at an edge
    ("x", "AY1 ."),
    ("重", "AY1"),      # a Chinese term takes no phonemes
    ("", "AY1"),
    ("x", "AY3"),       # no such stress
    ("x", "AY"),        # a vowel without its stress
    ("x", "A1"),        # no such vowel
])
def test_other_spoken_forms_are_respellings(term: str, say: str) -> None:
    assert phonemes(term, say) is None
    assert kind(term, say) == "respelling"


def test_a_chinese_term_is_annotated_character_by_character() -> None:
    assert annotation("重庆", "chong2 qing4") == "\ufff9重\ufffaCHONG2\ufffb\ufff9庆\ufffaQING4\ufffb"


def test_an_english_term_is_annotated_whole() -> None:
    assert annotation("minute", "M AY0 . N UW1 T") == "\ufff9minute\ufffaM AY0 . N UW1 T\ufffb"


def test_a_respelling_cannot_be_an_annotation() -> None:
    with pytest.raises(ValueError, match="'L M S' is neither pinyin for 'LMS' nor ARPAbet phonemes"):
        annotation("LMS", "L M S")


@pytest.mark.parametrize("mark", ["\ufff9", "\ufffa", "\ufffb"])
def test_any_annotation_character_is_a_mark(mark: str) -> None:
    assert has_marks(f"a{mark}b")
    assert not has_marks("ab")


def test_plain_text_says_what_is_written() -> None:
    assert plain(BANK) == "银行里"
    assert plain("a\ufffab\ufffb") == "ab"  # stray marks only
    assert plain("x\ufff9minute\ufffaM AY0 N UW1 T\ufffb") == "xminute"


@pytest.mark.parametrize("fmt, said", [
    ("tagged", "银<行|HANG2>里"),
    ("pinyin", "银HANG2里"),
    ("plain", "银航里"),
    ("espeak", "银航里"),  # an unknown format is plain
])
def test_pinyin_is_rendered_in_each_engines_format(fmt: str, said: str) -> None:
    assert render(BANK, fmt) == said


@pytest.mark.parametrize("fmt, said", [
    ("tagged", "a <minute|M AY0 N UW1 T> b"),
    ("pinyin", "a minute b"),
    ("plain", "a minute b"),
])
def test_phonemes_reach_the_tagged_format_only(fmt: str, said: str) -> None:
    assert render("a \ufff9minute\ufffaM AY0 N UW1 T\ufffb b", fmt) == said


def test_text_without_marks_is_rendered_unchanged() -> None:
    text = "银行里"
    assert render(text, "plain") is text
    assert render("a\ufffbb", "tagged") == "ab"  # a stray mark is dropped


def test_a_homophone_has_only_the_wanted_reading() -> None:
    assert homophone("航", "HANG2") == "航"  # one reading already: itself
    assert homophone("行", "HANG2") == "航"
    assert homophone("行", "XING2") == "型"
    assert homophone("行", "XYZ9") == "行"   # no character known: itself


def test_a_stray_mark_beside_an_annotation_is_dropped() -> None:
    assert plain("\ufff9行\ufffaHANG2\ufffb\ufffb里") == "行里"


@pytest.mark.parametrize("say, said", [
    ("M . AY1", "M . AY1"),     # the stressed vowel after a syllable mark still counts
    ("AY1 . M", "AY1 . M"),
    ("AY1 . QQ", None),         # every token after a mark is checked too
    ("M AY1 .", None),          # a mark at the end
    ("AYX", None),              # a stress is 0, 1 or 2
])
def test_syllable_marks_and_stresses(say: str, said: str | None) -> None:
    assert phonemes("x", say) == said

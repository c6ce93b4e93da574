"""The speech check's verdict on a transcript, at its limits: the error rate allowed (word rate for
Latin text, character rate for Chinese, each its own setting), a missing ending, speech after the
text, the exact reasons a teacher reads in the review, and which of several failing takes ranks best."""

from __future__ import annotations

import pytest

from narrator.config import VerifyConfig
from narrator.synthesis.verify.compare import Verdict, compare

TEN = "one two three four five six seven eight nine ten"
S = VerifyConfig()  # max_wer = max_cer = 0.3, ending 0.5, extra 0.2


def test_the_error_rate_allowed_is_a_limit_reached_not_passed() -> None:
    three_wrong = "one two three four five six seven ate nein tin"
    v = compare(TEN, three_wrong.replace("ate", "eight"), "en", S)  # 2 of 10
    assert v.passed and v.error_rate == pytest.approx(0.2)
    v = compare(TEN, "one two three four five six sven ate nein ten", "en", S)  # 3 of 10: the limit
    assert v.passed and v.error_rate == pytest.approx(0.3) and v.problems == ()
    v = compare(TEN, "one two three four five sicks sven ate nein ten", "en", S)  # 4 of 10
    assert not v.passed and v.problems == ("WER 0.40 > 0.30",)
    assert v.heard == "one two three four five sicks sven ate nein ten"


def test_chinese_is_held_to_the_character_rate_and_english_to_the_word_rate() -> None:
    zh = "今天天气很好我们去公园"  # 11 characters
    heard = "今天天汽很好我们去公园"  # 1 wrong
    assert not compare(zh, heard, "zh", VerifyConfig(max_wer=0.5, max_cer=0.0)).passed
    v = compare(zh, heard, "zh", VerifyConfig(max_wer=0.0, max_cer=0.1))
    assert v.passed and v.metric == "cer"
    assert compare(zh, heard, "zh", VerifyConfig(max_wer=0.0, max_cer=0.05)).problems == ("CER 0.09 > 0.05",)
    v = compare(TEN, "one two three four five six seven eight nine tin", "en", VerifyConfig(max_wer=0.1, max_cer=0.0))
    assert v.passed and v.metric == "wer"


def test_a_missing_ending_is_named_with_how_much_of_it_was_heard() -> None:
    loose = VerifyConfig(max_wer=1.0)
    assert compare(TEN, "one two three four five six seven", "en", loose).problems == (
        "ending missing: heard 0 of the last 3 words",)
    # two of the last three heard: more than half
    assert compare(TEN, "one two three four five six seven nine ten", "en", loose).passed
    assert compare(TEN, "one two three four five six seven ten", "en", loose).problems == (
        "ending missing: heard 1 of the last 3 words",)
    # a misheard last word was still said: not a truncation
    assert compare(TEN, "one two three four five six seven eight nine tin", "en", S).passed
    # a short text: its last word (half of it) is its ending
    assert compare("Hello world", "hello", "en", loose).problems == ("ending missing: heard 0 of the last 1 words",)
    assert compare("今天天气很好我们去公园", "今天天气很好我们", "zh", VerifyConfig(max_cer=1.0)).problems == (
        "ending missing: heard 1 of the last 4 characters",)


def test_speech_after_the_text_fails_from_a_few_words_on() -> None:
    loose = VerifyConfig(max_wer=1.0)
    assert compare(TEN, TEN + " and more", "en", loose).passed  # 2 words: not over 20 % of 10
    assert compare(TEN, TEN + " and some more", "en", loose).problems == ("extra speech after the text: 3 words",)
    strict = VerifyConfig(max_wer=1.0, extra=0.0)
    assert compare(TEN, TEN + " yes", "en", strict).passed  # one stray word is never babble
    assert compare(TEN, TEN + " yes yes", "en", strict).problems == ("extra speech after the text: 2 words",)
    zh = "今天天气很好我们去公园"
    assert compare(zh, zh + "好的", "zh", VerifyConfig(max_cer=1.0, extra=0.0)).passed
    assert compare(zh, zh + "好的吧", "zh", VerifyConfig(max_cer=1.0, extra=0.0)).problems == (
        "extra speech after the text: 3 characters",)
    # babble in place of the last words and after them: what comes after the text is counted
    v = compare(TEN, "one two three four five six seven eight la la la la", "en", strict)
    assert v.problems == ("extra speech after the text: 2 words",)


def test_a_text_with_nothing_to_say_passes_and_silence_fails_completely() -> None:
    v = compare("— …", "", "en", S)
    assert v == Verdict(True, 0.0, "wer", (), "")
    v = compare("今天。", "", "zh", S)
    assert v == Verdict(False, 1.0, "cer", ("silence: no speech heard",), "")
    assert v.score == 0.0


def test_the_record_and_the_rank_of_verdicts() -> None:
    v = compare(TEN, "one two three four five sicks sven ate nein ten", "en", S)
    assert v.record() == {"passed": False, "score": 0.6, "metric": "wer", "error_rate": 0.4,
                          "problems": ["WER 0.40 > 0.30"], "heard": "one two three four five sicks sven ate nein ten"}
    assert Verdict(False, 1.5, "wer", ("x",), "").score == 0.0  # more errors than words: never below 0
    assert Verdict(True, 0.123456, "cer", (), "").record()["error_rate"] == 0.123
    takes = [Verdict(False, 0.5, "wer", ("x",), "a"), Verdict(True, 0.2, "wer", (), "b"),
             Verdict(False, 0.4, "wer", ("y",), "c"), Verdict(True, 0.0, "wer", (), "d")]
    assert [v.heard for v in sorted(takes, key=Verdict.rank, reverse=True)] == ["d", "b", "c", "a"]


def test_words_inserted_inside_the_text_are_not_speech_after_it() -> None:
    strict = VerifyConfig(max_wer=1.0, extra=0.0)
    assert compare(TEN, "one two um um um three four five six seven eight nine ten", "en", strict).passed


def test_the_ending_of_a_short_text_is_its_last_word_and_half_an_ending_is_enough() -> None:
    loose = VerifyConfig(max_wer=1.0)
    assert compare("Hello big world", "hello big", "en", loose).problems == (
        "ending missing: heard 0 of the last 1 words",)
    assert compare("Hello big world", "hello big world", "en", loose).passed
    # two of the last four characters heard: exactly the half the default asks for
    assert compare("今天天气很好我们去公园", "今天天气很好我们去", "zh", S).passed


def test_scores_are_recorded_to_the_thousandth() -> None:
    assert Verdict(True, 0.12345, "wer", (), "").record()["score"] == 0.877

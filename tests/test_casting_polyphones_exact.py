"""Chinese characters of several readings offered to a teacher (narrator.script.polyphones),
exactly: which are offered and why, which never are (neutral tones, 一/不 tone changes, settled
characters, a phrase's usual reading), how a lesson's offers are counted and worded, and what a
known pronunciation covers. The readings are pypinyin's (a dependency): 行 xing2/hang2 (650 and
110 phrase entries), 长 zhang3/chang2 (144 and 407), 乐 le4/yue4, 伙 huo3 and its neutral tone."""

from __future__ import annotations

import sys

import pytest

from narrator.script import polyphones
from narrator.script.polyphones import Offer, Polyphone, find, offers


@pytest.fixture(autouse=True, scope="module")
def fresh_tables() -> None:
    """The tables built anew for these tests (they are kept once built: an earlier caller's
    would hide how they are built)."""
    polyphones._tables.cache_clear()
    polyphones._syllable.cache_clear()

BANK = Polyphone("银行", "行", "hang2", "xing2", ("xing2", "hang2"), "phrase")
MUSIC = Polyphone("音乐", "乐", "yue4", "le4", ("le4", "yue4"), "phrase")
LONG = Polyphone("长", "长", "zhang3", "zhang3", ("zhang3", "chang2"), "alone")


def test_a_phrase_that_reads_a_character_its_rarer_way_is_offered() -> None:
    assert polyphones.available()
    assert find("我们在银行门口听音乐。") == [BANK, MUSIC]
    assert find("A银行B, 音乐!") == [BANK, MUSIC]  # other scripts between runs of Chinese
    assert find("Bank and music.") == []


def test_a_phrase_reading_that_is_the_usual_one_is_not_offered() -> None:
    assert find("长江") == []  # chang2: what most phrases with 长 say
    assert find("长大") == []  # zhang3: the character's first reading
    assert find("行人很多") == []  # xing2


def test_neutral_tones_and_the_tone_changes_of_yi_and_bu_are_not_offered() -> None:
    assert find("东西") == []  # 西 xi5, the neutral tone of xi1
    assert find("一样") == []  # 一 yi2 before a fourth tone
    assert find("不要") == []  # 不 bu2 before a fourth tone
    assert find("伙") == [] and find("嗦") == []  # huo3/huo5, suo1/suo5: one syllable and its neutral tone


def test_a_character_alone_is_offered_only_when_its_second_reading_is_common() -> None:
    assert find("长") == [LONG]
    assert find("这条路很长") == [LONG]
    assert find("行") == []  # hang2 is in a sixth of 行's phrases: xing2 alone is safe
    assert find("还") == [] and find("的") == []  # settled: their other readings are rare or literary
    assert find("他") == []  # one reading in real use


def test_a_word_that_is_no_phrase_entry_is_read_character_by_character() -> None:
    # jieba keeps 头发长 apart as 头发 / 长; 发 fa4 in 头发 is the rarer reading
    assert find("他的头发长了") == [Polyphone("头发", "发", "fa4", "fa1", ("fa1", "fa4"), "phrase"), LONG]


def test_offers_count_the_sentences_of_each_word_and_reading_once() -> None:
    sentences = ["我们在银行门口听音乐。", "银行很大。", "银行，银行。", "他很长。", "音乐。"]
    assert offers(sentences, []) == [Offer(BANK, 0, 3), Offer(MUSIC, 0, 2), Offer(LONG, 3, 1)]
    assert offers([], []) == []


def test_a_known_pronunciation_covers_the_characters_of_its_term() -> None:
    sentences = ["我们在银行门口听音乐。", "银行很大。", "他很长。"]
    # 行门 covers the 行 of 银行 in the first sentence only; a term that is not Chinese covers nothing
    assert offers(sentences, ["行门", "音乐", "hello", ""]) == [Offer(BANK, 1, 1), Offer(LONG, 2, 1)]
    # 银 alone does not cover 行: the offer stays
    assert offers(["银行。"], ["银"]) == [Offer(BANK, 0, 1)]
    assert offers(["银行。长。"], ["长"]) == [Offer(BANK, 0, 1)]
    assert offers(["银行。"], []) == [Offer(BANK, 0, 1)]
    # the same word twice in a sentence: each place is checked against the terms
    assert offers(["银行门，银行。"], ["行门"]) == [Offer(BANK, 0, 1)]
    assert offers(["银行门，银行门。"], ["行门"]) == []


def test_what_the_review_list_says_of_an_offer() -> None:
    assert Offer(BANK, 0, 1).why() == (
        "多音字 行 in 银行: read hang2 (the phrase's reading; 行 is most often xing2): "
        "confirm it or add a pronunciation")
    assert Offer(BANK, 0, 2).why() == (
        "多音字 行 in 银行: read hang2 (the phrase's reading; 行 is most often xing2); 1 more sentence: "
        "confirm it or add a pronunciation")
    assert Offer(LONG, 4, 3).why() == (
        "多音字 长 (zhang3, chang2): read zhang3, no phrase decides; 2 more sentences: "
        "confirm it or add a pronunciation")
    assert Offer(LONG, 4, 1).why() == (
        "多音字 长 (zhang3, chang2): read zhang3, no phrase decides: confirm it or add a pronunciation")


def test_readings_in_tone_numbers() -> None:
    assert [polyphones._syllable(s) for s in ("háng", " lǜ ", "de", "nǚ")] == ["hang2", "lv4", "de5", "nv3"]
    readings, phrases = polyphones._tables()
    assert readings["行"] == ("xing2", "hang2") and readings["他"] == ("ta1",)
    assert phrases.get("银行") == ("yin2", "hang2")
    assert phrases.get("长长") == ("chang2", "chang2")  # one reading per character, repeats kept
    assert phrases.get("不是一个词组") is None and phrases.get("不是一个词组", ("x",)) == ("x",)


def test_a_known_term_covers_every_polyphone_in_it_and_every_place_it_appears() -> None:
    # 丧假 (funeral leave) reads both 丧 sang1 and 假 jia4 the rarer way: its pronunciation covers both
    assert [(p.char, p.reading) for p in find("他请了丧假。")] == [("丧", "sang1"), ("假", "jia4")]
    assert offers(["他请了丧假。"], ["丧假"]) == []
    assert [o.polyphone.char for o in offers(["他请了丧假。"], ["丧"])] == ["假"]
    assert offers(["银行很大。"], ["银行"]) == []  # a term at the start of the sentence
    assert offers(["银行门，银行门，银行门。"], ["行门"]) == []  # every place, the middle one too
    assert find("长长长") == [LONG] and offers(["长长长"], ["长长"]) == []  # overlapping places too


def test_which_characters_alone_are_a_real_choice() -> None:
    # two tones of one syllable are a choice (好 hao3/hao4); so are a neutral syllable and another (匙 shi5/chi2)
    assert find("好") == [Polyphone("好", "好", "hao3", "hao3", ("hao3", "hao4"), "alone")]
    assert find("匙") == [Polyphone("匙", "匙", "shi5", "shi5", ("shi5", "chi2"), "alone")]
    # 涨: zhang4 in 4 of its 20 phrase entries, a quarter of zhang3's 16: just common enough
    assert find("涨") == [Polyphone("涨", "涨", "zhang3", "zhang3", ("zhang3", "zhang4"), "alone")]
    assert find("呗") == []  # its phrases read it one way only (bai4)


def test_phrase_entries_inside_a_longer_word_and_tone_changes_in_phrases() -> None:
    # jieba keeps 音乐厅 (concert hall) whole; pypinyin knows 音乐 inside it
    assert find("他在音乐厅里") == [MUSIC]
    assert find("一个") == [] and find("一半") == []  # 一 yi2 before a fourth tone: a tone change
    assert find("丫头") == []  # 头 tou5: the neutral tone of tou2


def test_without_pypinyin_there_are_no_polyphones_to_offer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # a trimmed install
    assert polyphones.available() is False

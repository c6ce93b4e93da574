"""Where split_sentences (narrator.script.sentences) cuts a sentence too long to say in one
piece, in the cases a mutation run of session 35 found untested: a piece is measured without
its trailing spaces, a piece short of a quarter of the limit pays for it, a place before an
aside inside a long quotation is a cheap cut, and a stub (at most two words and four Chinese
characters of its own) is never a piece alone. Exact expected pieces."""

from __future__ import annotations

from narrator.script.sentences import split_sentences


def test_a_piece_ending_in_a_dash_is_measured_with_the_dash_and_no_space() -> None:
    # "Yes sir —" is three tokens, no stub: the cut after the dash is taken, and the rest is
    # cut at its phrase boundaries
    assert split_sentences("Yes sir — we went to the market and bought some apples, then we walked home.",
                           max_chars=30, max_chars_cjk=30) == [
        "Yes sir —", "we went to the market", "and bought some apples,", "then we walked home."]


def test_a_piece_shorter_than_a_quarter_of_the_limit_is_avoided() -> None:
    # limit 22: a last piece of five characters (under 5.5) costs more than an uneven pair
    assert split_sentences("一二三四五六七八九十，一二三四五六七，一二三四五", max_chars=100, max_chars_cjk=22,
                           lang="zh") == ["一二三四五六七八九十，", "一二三四五六七，一二三四五"]


def test_inside_a_long_quotation_the_place_before_an_aside_is_a_cheap_cut() -> None:
    assert split_sentences("He said “one two three four five six seven (eight nine ten eleven) twelve thirteen "
                           "fourteen fifteen sixteen”", max_chars=50, max_chars_cjk=50) == [
        "He said “one two three four five six seven", "(eight nine ten eleven) twelve",
        "thirteen fourteen fifteen sixteen”"]


def test_two_latin_words_between_chinese_clauses_never_stand_alone() -> None:
    # "Hello world，" is a stub (two words, no Chinese character of its own: those before it do
    # not count), so it is never a piece by itself
    pieces = split_sentences("我们今天在学校里面学习了很多新的知识，Hello world，老师说明天我们还要继续学习更多的内容。",
                             max_chars=100, max_chars_cjk=22, lang="zh")
    assert pieces[0] == "我们今天在学校里面学习了很多新的知识，" and len(pieces) == 3
    assert "Hello world，" not in pieces


def test_a_five_character_chinese_clause_is_no_stub() -> None:
    # at most four characters make a stub: 大家很高兴 stands as its own piece, never cut mid-word
    assert split_sentences("我们今天在学校里面学习了很多新的知识，大家很高兴，老师说明天我们还要继续学习更多的内容。",
                           max_chars=100, max_chars_cjk=22, lang="zh") == [
        "我们今天在学校里面学习了很多新的知识，", "大家很高兴，", "老师说明天我们还要继续学习更多的内容。"]

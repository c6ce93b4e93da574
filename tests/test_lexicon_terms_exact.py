"""The pronunciation lexicon's rules where a teacher would notice them: the longest of
overlapping Chinese terms wins, a term that ends or starts with a symbol still matches next to a
letter, a language's own reading of a term beats the all-languages respelling, an empty term is
ignored, and a lexicon with only all-languages entries is not empty."""

from __future__ import annotations

from narrator.normalize.pronounce import render
from narrator.script.lexicon import Lexicon


def test_the_longest_of_overlapping_chinese_terms_wins() -> None:
    lex = Lexicon({"zh": {"重庆": "崇庆", "重庆市": "崇庆是"}})
    assert lex.apply("我住在重庆市，重庆很美。", "zh") == "我住在崇庆是，崇庆很美。"


def test_a_term_with_a_symbol_at_its_edge_matches_next_to_letters() -> None:
    lex = Lexicon({"*": {"C++": "C plus plus", ".NET": "dot net"}})
    assert lex.apply("C++11 and ASP.NET", "en") == "C plus plus11 and ASPdot net"
    assert lex.apply("xC++ and .NETx", "en") == "xC++ and .NETx"  # the letter edges still need a boundary


def test_a_languages_own_reading_beats_the_all_languages_respelling() -> None:
    lex = Lexicon({"*": {"银行": "银航"}, "zh": {"银行": "yin2 hang2"}})
    assert lex.apply("他在银行。", "zh") == "他在银行。"  # kept, to be marked with its reading
    assert render(lex.annotate("他在银行。", "zh"), "tagged") == "他在<银|YIN2><行|HANG2>。"
    assert lex.apply("银行", "ja") == "银航"  # other languages: the respelling


def test_an_empty_term_is_ignored_and_the_rest_apply() -> None:
    lex = Lexicon({"*": {"": "nothing", "LMS": "L M S"}})
    assert lex.apply("The LMS.", "en") == "The L M S."


def test_a_lexicon_of_all_languages_entries_only_is_not_empty() -> None:
    assert Lexicon({"*": {"LMS": "L M S"}})
    assert not Lexicon({}) and not Lexicon({"*": {"": "x"}})

"""The pronunciation lexicon (narrator.script.lexicon) and its use by the planner."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan
from narrator.script.lexicon import Lexicon
from narrator.normalize.pronounce import render


def test_latin_terms_match_whole_words_only() -> None:
    lex = Lexicon({"*": {"LMS": "L M S"}})
    assert lex.apply("The LMS, LMSX and xLMS and LMS.", "en") == "The L M S, LMSX and xLMS and L M S."
    assert lex.apply("LMS2 LMS_ LMS-based", "en") == "LMS2 LMS_ L M S-based"


def test_cjk_terms_match_anywhere() -> None:
    lex = Lexicon({"zh": {"重庆": "崇庆"}})
    assert lex.apply("我在重庆市，重庆很美。", "zh") == "我在崇庆市，崇庆很美。"


def test_longest_term_wins() -> None:
    lex = Lexicon({"*": {"Index": "in dex", "IndexTTS2": "index T T S two", "TTS": "T T S"}})
    assert lex.apply("IndexTTS2 beats Index and TTS", "en") == "index T T S two beats in dex and T T S"


def test_one_pass_no_re_replacement() -> None:
    lex = Lexicon({"*": {"A1": "B2", "B2": "C3"}})
    assert lex.apply("A1 B2", "en") == "B2 C3"


def test_per_language_tables_and_star() -> None:
    lex = Lexicon({"*": {"GPU": "G P U"}, "zh": {"GPU": "显卡", "行长": "hang2 zhang3"},
                   "en": {"read": "reed"}})
    assert lex.apply("GPU 行长", "zh-CN") == "显卡 行长"  # language entry beats "*"; pinyin is
    assert render(lex.annotate("显卡 行长", "zh-CN"), "pinyin") == "显卡 HANG2ZHANG3"  # an annotation
    assert lex.apply("GPU read", "en") == "G P U reed"
    assert lex.apply("GPU read 行长", "fr") == "G P U read 行长"  # only "*" applies


def test_terms_with_symbols_are_literal() -> None:
    lex = Lexicon({"*": {"C++": "C plus plus", "a.b": "A B"}})
    assert lex.apply("C++ and a.b but not axb", "en") == "C plus plus and A B but not axb"


def test_empty_lexicon_is_identity_and_falsy() -> None:
    lex = Lexicon({})
    assert not lex
    assert lex.apply("anything", "en") == "anything"


def test_plan_keeps_text_and_changes_only_spoken() -> None:
    doc = Document("T", "en", (Chapter(1, "Intro", (
        Block("heading", (Run("Intro"),), level=2),
        Block("paragraph", (Run("The LMS exports HTML. Ask the LMSX team."),)),
        Block("paragraph", (Run("我们在重庆上课。"),)),
    )),))
    config = Config(lexicon={"*": {"LMS": "L M S", "HTML": "H T M L"}, "zh": {"重庆": "崇庆"},
                             "en": {"team": "teem"}})
    segs = plan(doc, config).segments
    by_text = {s.text: s for s in segs}
    s1 = by_text["The LMS exports HTML."]
    assert s1.spoken == "The L M S exports H T M L."
    s2 = by_text["Ask the LMSX team."]
    assert s2.spoken == "Ask the LMSX teem."
    s3 = by_text["我们在重庆上课。"]
    assert (s3.lang, s3.spoken) == ("zh", "我们在崇庆上课。")
    assert by_text["Intro"].spoken == "Intro"

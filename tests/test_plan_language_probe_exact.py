"""Which words decide a sentence's language (narrator.script.planner): its own words, never a
later sentence's, and never a formula's letters."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

MATH = frozenset({"math"})


def languages(lang: str, *runs: Run) -> list[tuple[str, str]]:
    doc = Document("T", lang, (Chapter(1, "", (Block("paragraph", runs),)),))
    return [(s.text, s.lang) for s in plan(doc, Config()).segments]


def test_a_sentence_is_not_read_in_the_language_of_the_next_one() -> None:
    # the block has a formula later: "Hello there." is still English, the Chinese sentence
    # after it and the formula with its full stop (no words of their own: the block's) Chinese
    assert languages("en", Run("Hello there. 这是一个很长的中文句子，有很多很多的汉字在这里。"),
                     Run("x", MATH, math="x"), Run("。")) == [
        ("Hello there.", "en"), ("这是一个很长的中文句子，有很多很多的汉字在这里。", "zh"), ("x。", "zh")]


def test_the_letters_of_a_formula_in_the_second_sentence_say_nothing_of_its_language() -> None:
    # "sin x + cos y + tan z + log w" has eight Latin words to two Chinese ones ("所以", "成立"):
    # read without it, the sentence is Chinese
    assert languages("zh", Run("设 "), Run("a", MATH, math="a"), Run(" 为正数。所以 "),
                     Run("sin x + cos y + tan z + log w", MATH, math="\\sin x + \\cos y + \\tan z + \\log w"),
                     Run(" 成立。")) == [
        ("设 a 为正数。", "zh"), ("所以 sin x + cos y + tan z + log w 成立。", "zh")]

"""Sentences with formulas (narrator.script.planner): the language a sentence of formulas and
stray letters is read in (its block's other words decide, never the formula's letters nor a
TeX command left beside it), where a formula ends, the Chinese limit for a sentence saying a
long formula, and the pauses between the pieces of such a sentence. Exact values, worked out
in the comments."""

from __future__ import annotations

from narrator.config import Config, TextConfig
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

MATH = frozenset({"math"})


def formula(tex: str, shown: str | None = None) -> Run:
    return Run(shown or tex, MATH, math=tex)


def segments(*runs: Run, lang: str = "en", max_chars: int = 160) -> list[tuple[str, str, tuple[int, int], int]]:
    """(text, lang, span, pause after) of each segment of a one-paragraph document."""
    doc = Document("T", lang, (Chapter(1, "", (Block("paragraph", runs),)),))
    return [(s.text, s.lang, s.span, s.pause_after_ms)
            for s in plan(doc, Config(text=TextConfig(max_chars=max_chars))).segments]


PAUSES = Config().pauses


# -- the language of a sentence of formulas ---------------------------------------------------

def test_a_sentence_after_a_formula_is_read_in_its_own_language() -> None:
    # the formula ends where its run ends: the Chinese sentence after it is Chinese
    assert segments(Run("Let "), formula("x^2", "x2"), Run(" be positive. 这是一个中文句子。")) == [
        ("Let x2 be positive.", "en", (0, 19), PAUSES.sentence),
        ("这是一个中文句子。", "zh", (20, 29), 0)]


def test_a_formula_sentence_with_stray_letters_takes_its_block_s_language() -> None:
    # "B u" beside the formula make no word: the block's other words (Chinese) decide
    assert segments(Run("这是中文。"), formula("x+y"), Run(" B u。")) == [
        ("这是中文。", "zh", (0, 5), PAUSES.sentence),
        ("x+y B u。", "zh", (5, 13), 0)]


def test_a_tex_command_left_beside_a_formula_is_no_word() -> None:
    # "\tag{89}" is no English: the sentence is read as its block is, in Chinese
    assert segments(Run("这是一个中文句子。"), formula("x+y"), Run(" \\tag{89}")) == [
        ("这是一个中文句子。", "zh", (0, 9), PAUSES.sentence),
        ("x+y \\tag{89}", "zh", (9, 21), 0)]


def test_a_formula_s_letters_never_decide_the_language_of_its_block() -> None:
    # the second sentence is a formula alone: the block's words without it ("设。。") are Chinese,
    # though the formula's nine Latin letters outnumber them
    assert segments(Run("设。"), formula("abc+def+ghi"), Run("。")) == [
        ("设。", "zh", (0, 2), PAUSES.sentence),
        ("abc+def+ghi。", "zh", (2, 14), 0)]


def test_the_block_s_first_character_counts_for_the_language_around_a_formula() -> None:
    # "好" is the block's only word: "x+y。" is read in Chinese
    assert segments(Run("好。"), formula("x+y"), Run("。")) == [
        ("好。", "zh", (0, 2), PAUSES.sentence),
        ("x+y。", "zh", (2, 6), 0)]


# -- long formulas in pieces ------------------------------------------------------------------

LETTERS = "+".join("abcdefghijklmnopqrstuvw")  # says "a 加 b 加 ... 加 w": 89 characters in Chinese


def test_a_chinese_sentence_saying_a_long_formula_keeps_to_the_chinese_limit() -> None:
    # 39 characters written; said, the formula's 89 and the 16 on each side: over the Chinese
    # limit (80), under the Latin one (160). Three pieces, the formula alone in the middle (its
    # words are never cut, and three clauses on each side are more than it takes beside it)
    assert Config().text.max_chars_cjk == 80
    assert segments(Run("首先，我们在这一节里，已经知道，"), formula(LETTERS, "a+b+…+w"),
                    Run("就是，所有这些数，加起来的总和。"), lang="zh") == [
        ("首先，我们在这一节里，已经知道，", "zh", (0, 16), PAUSES.clause),
        ("a+b+…+w", "zh", (16, 23), PAUSES.clause),
        ("就是，所有这些数，加起来的总和。", "zh", (23, 39), 0)]


def test_the_pieces_of_a_formula_sentence_pause_as_clauses_and_its_end_as_a_sentence() -> None:
    # the formula says 77 characters, more than the limit of 60: its sentence is said in two
    # pieces, a clause pause after the first and a sentence pause after the second
    assert segments(Run("First one. "), formula("A+B+C+D+E+F+G+H+I+J+K+L", "A+B+C+D+E+F"),
                    Run(" is the sum of many letters here. Next one."), max_chars=60) == [
        ("First one.", "en", (0, 10), PAUSES.sentence),
        ("A+B+C+D+E+F", "en", (11, 22), PAUSES.clause),
        ("is the sum of many letters here.", "en", (23, 55), PAUSES.sentence),
        ("Next one.", "en", (56, 65), 0)]
    assert (PAUSES.clause, PAUSES.sentence) == (120, 250)


def test_a_formula_sentence_is_cut_no_finer_than_a_quarter_of_the_limit() -> None:
    # "Then x is 1234567 or 7654321 or 2345678 or so." says 259 characters (each number about 80)
    # for 46 written: 80 * 46 // 259 = 14 is below a quarter of 80, so the pieces may hold 20
    # characters before their numbers are said. Three pieces, as even as the words allow: 17, 13
    # and 14 (the sum of squares 654; "Then x is" | "1234567 or 7654321" | "or 2345678 or so.",
    # 9, 18 and 17, make 694)
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (
        Run("Then "), formula("x"), Run(" is 1234567 or 7654321 or 2345678 or so."))),)),))
    assert [(s.text, s.boundary, s.span) for s in plan(doc, Config(text=TextConfig(max_chars=80))).segments] == [
        ("Then x is 1234567", "clause", (0, 17)),
        ("or 7654321 or", "clause", (18, 31)),
        ("2345678 or so.", "end", (32, 46))]


def test_a_superscript_right_after_a_formula_is_said_alike_whether_its_sentence_is_cut_or_not() -> None:
    # the formula says 77 characters: at 60 its sentence is cut, at 160 it is whole; the "2" after
    # it is shown on the formula's last letter (l²) and said "squared" both times (it was "l
    # squared" in the cut sentence only, then "l two" in both)
    runs = (Run("We add "), formula("a+b+c+d+e+f+g+h+i+j+k+l", "a+b+c+d+e+f"), Run("2", frozenset({"sup"})),
            Run(" and stop here."))
    words = "We add a plus b plus c plus d plus e plus f plus g plus h plus i plus j plus k plus l squared"

    def said(max_chars: int) -> list[str]:
        doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", runs),)),))
        return [s.spoken for s in plan(doc, Config(text=TextConfig(max_chars=max_chars))).segments]

    assert said(60) == [words, "and stop here."]
    assert said(160) == [words + " and stop here."]


def test_a_superscript_on_a_one_symbol_formula_is_its_exponent_never_a_footnote_mark() -> None:
    # "alpha" is a word of more than three letters, and a number above such a word is a footnote
    # mark in prose (Smith<sup>3</sup>); above a formula it is the formula's exponent
    def said(*runs: Run, lang: str = "en") -> list[str]:
        doc = Document("T", lang, (Chapter(1, "", (Block("paragraph", runs),)),))
        return [s.spoken or s.text for s in plan(doc, Config()).segments]

    sup = frozenset({"sup"})
    assert said(Run("Take "), formula("\\alpha", "α"), Run("2", sup), Run(" now.")) == ["Take alpha squared now."]
    assert said(Run("Take "), formula("x", "x"), Run("n", sup), Run(" now.")) == ["Take x to the power n now."]
    assert said(Run("取"), formula("x", "x"), Run("3", sup), Run("。"), lang="zh") == ["取 x 的立方 。"]  # the planner spaces formula words
    # a superscript set apart from the formula by a space is no exponent of it
    assert said(Run("Take "), formula("\\alpha", "α"), Run(" 2", sup), Run(" now.")) == ["Take alpha two now."]
    # a superscript opening the sentence follows no formula: a number, not "cubed"
    assert said(Run("3", sup), Run(" See the proof of "), formula("x"), Run(".")) == ["three See the proof of x ."]


def test_in_a_sentence_cut_for_its_formulas_a_superscript_is_an_exponent_only_after_a_formula() -> None:
    # the formulas say more than the 40-character limit allows, so the sentence is said in
    # pieces (_said_pieces); there as in a whole sentence, the 2 after α is its exponent, and
    # the 3 after "Smith" a footnote mark (not said)
    sup = frozenset({"sup"})
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (
        Run("Smith"), Run("3", sup), Run(" took "), formula("\\alpha+\\beta+\\gamma", "α+β+γ"), Run(" and "),
        formula("\\alpha", "α"), Run("2", sup), Run(" now."))),)),))
    assert [(s.text, s.spoken) for s in plan(doc, Config(text=TextConfig(max_chars=40))).segments] == [
        ("Smith3 took α+β+γ", "Smith took alpha plus beta plus gamma"),
        ("and α2 now.", "and alpha squared now.")]

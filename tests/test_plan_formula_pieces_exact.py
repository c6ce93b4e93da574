"""A long formula sentence said in pieces (narrator.script.planner): a formula that starts
right where the sentence ends belongs to the next sentence, and is said there only."""

from __future__ import annotations

from narrator.config import Config, TextConfig
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import _said_pieces, plan

MATH = frozenset({"math"})
LETTERS = "a 加 b 加 c 加 d 加 e 加 f 加 g 加 h 加 i 加 j 加 k 加 l 加 m 加 n"


def test_a_formula_just_after_a_chinese_full_stop_is_said_in_the_next_sentence_only() -> None:
    # "。" ends the first sentence with no space: the formula "y" starts at its very end (14)
    runs = (Run("a+b+c+d+e+f", MATH, math="a+b+c+d+e+f+g+h+i+j+k+l+m+n"), Run("是和。"),
            Run("y", MATH, math="y"), Run("是另一个数。"))
    doc = Document("T", "zh", (Chapter(1, "", (Block("paragraph", runs),)),))
    segments = plan(doc, Config(text=TextConfig(max_chars_cjk=30))).segments
    # the first sentence says 57 characters, over 30: said by _said_pieces, the formula and its
    # one word together (a formula keeps a word or two beside it)
    assert [(s.text, s.spoken, s.span, s.boundary) for s in segments] == [
        ("a+b+c+d+e+f是和。", f"{LETTERS} 是和。", (0, 14), "sentence"),
        ("y是另一个数。", "y 是另一个数。", (14, 21), "end")]


def test_a_chinese_phrase_without_commas_stays_beside_its_formula() -> None:
    # 14 characters without a comma or space are one word: a formula keeps a word or two beside
    # it ("。" is the second) rather than leave them alone, over the limit as it must
    runs = (Run("这是一个非常非常长的中文句子"), Run("a+b+c+d+e+f", MATH, math="a+b+c+d+e+f+g+h+i+j+k+l+m+n"),
            Run("。"))
    doc = Document("T", "zh", (Chapter(1, "", (Block("paragraph", runs),)),))
    segments = plan(doc, Config(text=TextConfig(max_chars_cjk=30))).segments
    assert [(s.text, s.spoken, s.span, s.boundary) for s in segments] == [
        ("这是一个非常非常长的中文句子a+b+c+d+e+f。", f"这是一个非常非常长的中文句子 {LETTERS} 。", (0, 26), "end")]


def test_a_long_exponent_is_said_in_parts_of_a_third_of_the_limit_packed_evenly() -> None:
    # "y" with "-3" above says "y to the power minus 3" (digits are said later): with " an." it
    # is 26 characters, over 24. Cut at a third of the limit (8) it is "y to the" | "power" |
    # "minus 3", the two-word end shared out ("power minus" | "3"); packed in two pieces with no
    # stub (a piece of at most two words under 6 characters): "y to the" (8) and "power minus
    # 3 an." (17), since "y to the power minus" would leave "3 an." a stub. (Parts of a quarter
    # would allow "y to the power" | "minus 3 an.")
    runs = (Run("y"), Run("-3", frozenset({"sup"})), Run(" an."))
    text = "".join(r.text for r in runs)
    assert _said_pieces(text, runs, [0, 1, 3, 7], 0, 7, "en", 24) == [
        (0, 1, "y to the"), (1, 7, "power minus 3 an.")]


def test_a_formula_that_says_nothing_between_two_long_ones_is_no_piece_of_its_own() -> None:
    # "$~$" (a TeX space, shown as written) says nothing; it can join neither long formula (a
    # piece holds one formula beyond the limit), so its piece would say nothing: it is dropped,
    # never sent to the engine as an empty sentence
    runs = (Run("a+b+c+d+e+f", MATH, math="a+b+c+d+e+f+g+h+i+j+k+l"), Run(" "), Run("~", MATH, math="~"),
            Run(" "), Run("p+q+r+s+t+u", MATH, math="p+q+r+s+t+u+v+w+x+y+z"), Run("."))
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", runs),)),))
    segments = plan(doc, Config(text=TextConfig(max_chars=30))).segments
    assert [(s.text, s.spoken, s.span) for s in segments] == [
        ("a+b+c+d+e+f", "a plus b plus c plus d plus e plus f plus g plus h plus i plus j plus k plus l", (0, 11)),
        ("p+q+r+s+t+u.", "p plus q plus r plus s plus t plus u plus v plus w plus x plus y plus z .", (14, 26))]

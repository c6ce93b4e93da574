"""A long formula sentence said in pieces (narrator.script.planner): a formula that starts
right where the sentence ends belongs to the next sentence, and is said there only."""

from __future__ import annotations

from narrator.config import Config, TextConfig
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

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

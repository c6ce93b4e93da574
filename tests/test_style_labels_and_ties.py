"""The style sheet's smaller rules, decided sentence by sentence (script/style.py): what counts as
a short label, a run-in heading, which rule wins a tie, when a mark is a block's or a document's
look rather than emphasis, heading levels out of range, and one warning per unknown emotion."""

from __future__ import annotations

from narrator.config import DEFAULT_STYLE_RULES, Config, Style
from narrator.script.style import Coverage, StyleSheet, is_label, is_run_in_heading
from narrator.values import Block, Run


def sheet(**rules: str) -> StyleSheet:
    return StyleSheet(Config(style=Style(default="neutral", rules={**DEFAULT_STYLE_RULES, **rules})))


def test_a_label_is_a_few_words_without_a_sentences_end_or_anything_ending_in_a_colon() -> None:
    assert is_label("Materials you will need for this experiment today:") and is_label("你需要的材料：")
    for end in ("!", "！", ".", "。", "?", "？", "…"):
        assert not is_label("Stop" + end), end
    assert is_label("one two three four five six") and not is_label("one two three four five six seven")
    assert is_label("光" * 20) and not is_label("光" * 21)
    assert not is_label("   ")


def test_a_title_case_line_of_up_to_twelve_words_is_a_label() -> None:
    assert is_label("Perspectives From Former and Current Students at Our School")  # 7 capitals of 9
    assert is_label("Notes On 2024 Results & Plans For the next years")  # 7 of 10 (a number counts): 70 %
    assert not is_label("Notes On 2024 Results & Plans for the next years")  # 6 of 10
    assert not is_label("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen")
    assert is_label("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve")


def test_a_run_in_heading_opens_a_longer_paragraph() -> None:
    block = "  Place of Business. The shop opens at nine."
    assert is_run_in_heading("Place of Business.", block)
    assert is_run_in_heading("One two three four five six.", "One two three four five six. More.")
    assert not is_run_in_heading("One two three four five six seven.", "One two three four five six seven. More.")
    assert not is_run_in_heading("The shop opens at nine.", block)  # not at the start
    assert not is_run_in_heading("Place of Business.", "Place of Business.")  # the whole paragraph
    assert is_run_in_heading("光" * 20 + "。", "光" * 20 + "。后面的正文。")
    assert not is_run_in_heading("光" * 21 + "。", "光" * 21 + "。后面的正文。")


def test_ties_go_to_the_rule_listed_first_and_more_coverage_wins() -> None:
    s = sheet(**{".b": "sad", ".a": "angry"})  # .b is listed before .a
    block = Block("paragraph", (Run("x"),))
    assert s.emotion(block, Coverage(10, {".a": 10, ".b": 10}), "x") == "sad"
    assert s.emotion(block, Coverage(10, {".b": 10, ".a": 10}), "x") == "sad"
    assert s.emotion(block, Coverage(10, {".b": 6, ".a": 8}), "x") == "angry"
    assert s.emotion(block, Coverage(10, {".b": 8, ".a": 6}), "x") == "sad"
    # a mark must cover the threshold (0.6) of the sentence, and at least one character
    assert s.emotion(block, Coverage(10, {".a": 6}), "x") == "angry"
    assert s.emotion(block, Coverage(10, {".a": 5}), "x") == "neutral"
    assert s.emotion(block, Coverage(1, {".a": 1}), "x") == "angry"
    assert s.emotion(block, Coverage(10, {}, {"sad": 6, "angry": 6}), "x") == "sad"  # explicit, first seen
    # classes of the block itself: the first in the rules
    ctx = Block("paragraph", (Run("x"),), context=frozenset({".a", ".b"}))
    assert s.emotion(ctx, Coverage(0), "x") == "sad"
    tag = Block("paragraph", (Run("x"),), context=frozenset({"aside", "blockquote"}))
    assert sheet(aside="sad").emotion(tag, Coverage(0), "x") == "calm"  # blockquote comes first


def test_emphasis_in_a_fresh_sheet_and_a_blocks_look() -> None:
    s = sheet()
    one = Block("paragraph", (Run("Watch out now", frozenset({"strong"})), Run(".")))
    assert s.emotion(one, Coverage(11, {"strong": 10}), "Watch out now.") == "excited"
    # a block of several sentences wholly in italics: italics are its look
    runs = (Run("First sentence here. Second sentence here. Third one.", frozenset({"em"})),)
    block = Block("paragraph", runs)
    assert sheet().emotion(block, Coverage(18, {"em": 18}), "First sentence here.") == "neutral"
    # one italic sentence among plain ones is emphasis
    mixed = Block("paragraph", (Run("First sentence here.", frozenset({"em"})),
                                Run(" Second sentence here. Third one.")))
    assert sheet().emotion(mixed, Coverage(18, {"em": 18}), "First sentence here.") == "warm"
    # exactly nine tenths of the block in italics is its look
    nine = Block("paragraph", (Run("abcdefghi abcdefghi abcdefghi abcdefghi abcdefghi", frozenset({"em"})),
                               Run(" abcde")))
    assert sheet().emotion(nine, Coverage(9, {"em": 9}), "abcdefghi") == "neutral"


def test_a_mark_on_a_quarter_of_a_long_document_is_its_look() -> None:
    bold = Block("paragraph", (Run("b" * 250, frozenset({"strong"})), Run(" " + "p" * 750)))
    assert StyleSheet.looks_of([bold]) == frozenset({"strong"})
    less = Block("paragraph", (Run("b" * 249, frozenset({"strong"})), Run("p" * 751)))
    assert StyleSheet.looks_of([less]) == frozenset()
    spaced = Block("paragraph", (Run("b " * 250, frozenset({"strong"})), Run("p" * 1000)))
    assert StyleSheet.looks_of([spaced]) == frozenset()  # spaces are not text: 250 of 1250
    short = Block("paragraph", (Run("b" * 500, frozenset({"strong"})), Run("p" * 499)))
    assert StyleSheet.looks_of([short]) == frozenset()  # under 1000 characters: emphasis
    assert StyleSheet.looks_of([Block("paragraph", (Run("b" * 500, frozenset({"strong"})), Run("p" * 500)))]) == \
        frozenset({"strong"})


def test_headings_of_any_level_have_an_emotion() -> None:
    s = sheet(h6="sad")
    assert [s.heading(n) for n in (0, 1, 2, 3, 6, 7, 9)] == ["serious", "serious", "serious", "calm", "sad", "sad", "sad"]
    bare = StyleSheet(Config(style=Style(default="neutral", rules={"h1": "angry"})))
    assert (bare.heading(1), bare.heading(2)) == ("angry", "neutral")


def test_each_unknown_emotion_is_reported_once_and_read_as_the_default() -> None:
    s = sheet()
    assert s.explicit("Joyful") == "excited" and s.explicit("calm") == "calm"
    assert s.explicit("grumpy") == "neutral" and s.explicit("Grumpy ") == "neutral"
    assert len(s.warnings) == 1
    assert s.warnings[0].startswith("unknown emotion 'grumpy' in data-emotion: read as 'neutral' (known: ")
    assert ", calm, " in s.warnings[0]
    assert s.explicit("") is None and s.explicit(None) is None


def test_a_kind_without_a_rule_falls_through_to_the_default() -> None:
    s = StyleSheet(Config(style=Style(default="neutral", rules={"strong": "excited"})))
    assert s.emotion(Block("quote", (Run("q"),)), Coverage(0), "q") == "neutral"


def test_a_long_chinese_line_ending_in_a_full_width_colon_is_a_label() -> None:
    assert is_label("下面是本实验所需要的全部材料和工具以及它们的用途说明：")


def test_italics_over_a_whole_paragraph_of_two_sentences_are_its_look() -> None:
    block = Block("paragraph", (Run("Leaves fall in autumn. Trees rest in winter.", frozenset({"em"})),))
    assert sheet().emotion(block, Coverage(19, {"em": 19}), "Leaves fall in autumn.") == "neutral"
    # the same italics in several runs are still one look
    runs = (Run("Leaves fall in autumn.", frozenset({"em"})), Run(" Trees rest", frozenset({"em"})),
            Run(" in winter.", frozenset({"em"})))
    assert sheet().emotion(Block("paragraph", runs), Coverage(19, {"em": 19}), "Leaves fall in autumn.") == "neutral"


def test_a_blocks_look_counts_letters_not_spaces() -> None:
    # 8 of 10 letters in italics (with 7 spaces among them): under nine tenths, so emphasis
    block = Block("paragraph", (Run("a b c d e f g h", frozenset({"em"})), Run("xy")))
    assert sheet().emotion(block, Coverage(8, {"em": 8}), "a b c d e f g h") == "warm"


def test_a_heading_without_a_level_is_a_top_heading() -> None:
    assert sheet(h1="angry").heading(0) == "angry"

"""Line breaks inside a block, exactly: which <br> joins, which keeps a line, what separator the
joined lines meet at, and the tidy runs that come out (narrator/parse/lines.py).

Each input is the runs the walk gives a block, LINE standing for a <br>; each expected value is
worked out from the rules in the module's docstring.
"""

from __future__ import annotations

from narrator.parse.lines import CJK_WRAP, LINE, split_lines
from narrator.values import Run

STRONG, EM = frozenset({"strong"}), frozenset({"em"})
# 30 Chinese characters without a sentence stop: a line of prose wrapped by hand
HAN_30 = "植物利用阳光把二氧化碳和水转化为储存能量的有机物并释放出氧气"


def texts(*runs: Run, kind: str = "paragraph") -> list[str]:
    return ["".join(r.text for r in group) for group in split_lines(runs, kind)]


def test_the_sample_line_is_exactly_the_wrap_length() -> None:
    assert len(HAN_30) == CJK_WRAP == 30


# -- Chinese prose wrapped by hand --------------------------------------------------------------

def test_chinese_wrapped_after_a_comma_or_a_stop_joins_without_a_space() -> None:
    assert texts(Run("我们在重庆市的一所中学里使用模型进行了长时间的语音合成实验，" + LINE + "取得了非常好的效果。")) == [
        "我们在重庆市的一所中学里使用模型进行了长时间的语音合成实验，取得了非常好的效果。"]
    # two sentences and no kept line: the break after a stop joins, and 。 meets 第 without a space
    assert texts(Run("第一句话。" + LINE + "第二句话。")) == ["第一句话。第二句话。"]


def test_a_line_of_exactly_the_wrap_length_joins_one_shorter_is_kept() -> None:
    assert texts(Run(HAN_30 + LINE + "的过程。")) == [HAN_30 + "的过程。"]
    assert texts(Run(HAN_30[1:] + LINE + "的过程。")) == [HAN_30[1:], "的过程。"]


def test_a_wrapped_line_ending_in_a_latin_letter_joins_with_a_space() -> None:
    line = HAN_30[:29] + "X"
    assert texts(Run(line + LINE + "的值为零。")) == [line + " 的值为零。"]


def test_the_next_line_must_start_in_chinese_to_join() -> None:
    # "是A类" starts with a Chinese character: joined, no space between 气 and 是
    assert texts(Run(HAN_30 + LINE + "是A类。")) == [HAN_30 + "是A类。"]
    # "A类" starts with a Latin capital: the line is kept
    assert texts(Run(HAN_30 + LINE + "A类。")) == [HAN_30, "A类。"]


def test_spaces_after_a_chinese_break_are_dropped() -> None:
    assert texts(Run(HAN_30 + LINE + " 继续写完。")) == [HAN_30 + "继续写完。"]


def test_each_join_keeps_its_own_separator() -> None:
    # Chinese to Chinese: none; after "photosynthesis," to a lowercase word: one space
    assert texts(Run(HAN_30 + LINE + "也叫做photosynthesis," + LINE + "which needs light.")) == [
        HAN_30 + "也叫做photosynthesis, which needs light."]


# -- which break joins ---------------------------------------------------------------------------

def test_closing_quotes_after_a_stop_still_end_the_line_of_a_poem() -> None:
    # "Dear Sir" -> "She said" keeps a line (the block is a letter), and a line ending in ."
    # ends its sentence: kept, though the next line starts in lowercase
    assert texts(Run("Dear Sir" + LINE + "She said “Go.”" + LINE + "and he went")) == [
        "Dear Sir", "She said “Go.”", "and he went"]


def test_an_opening_quote_before_a_lowercase_word_continues_the_sentence() -> None:
    assert texts(Run("He said," + LINE + "“wait for me”")) == ["He said, “wait for me”"]


def test_joined_lines_end_where_a_line_is_kept() -> None:
    assert texts(Run("Over the past decades," + LINE + "there have been changes" + LINE + "Dear Sir")) == [
        "Over the past decades, there have been changes", "Dear Sir"]


def test_a_space_run_after_a_stop_does_not_hide_the_stop() -> None:
    # "<b>It ends here.</b> <br>Next one": the space after the bold text is its own run
    assert split_lines((Run("It ends here.", STRONG), Run(" " + LINE + "Next one")), "paragraph") == [
        (Run("It ends here.", STRONG), Run(" Next one"))]


def test_breaks_in_a_heading_are_one_space_even_when_doubled() -> None:
    assert split_lines((Run("Title" + LINE + LINE + "Subtitle"),), "heading") == [(Run("Title Subtitle"),)]


# -- the runs that come out ----------------------------------------------------------------------

def test_a_space_on_both_sides_of_two_runs_is_said_once() -> None:
    assert split_lines((Run("bold ", STRONG), Run(" plain")), "paragraph") == [
        (Run("bold ", STRONG), Run("plain"))]


def test_a_run_left_empty_is_dropped_and_the_rest_kept() -> None:
    assert split_lines((Run("bold ", STRONG), Run(" ", EM), Run("end")), "paragraph") == [
        (Run("bold ", STRONG), Run("end"))]


def test_double_spaces_inside_a_run_become_one() -> None:
    assert split_lines((Run("two  spaces", STRONG), Run(" after")), "paragraph") == [
        (Run("two spaces", STRONG), Run(" after"))]


def test_a_leading_run_of_spaces_is_dropped() -> None:
    assert split_lines((Run(" ", EM), Run("word")), "paragraph") == [(Run("word"),)]


def test_the_first_and_last_runs_are_trimmed_the_middle_kept() -> None:
    assert split_lines((Run(" lead", EM), Run(" middle "), Run("tail ", STRONG)), "paragraph") == [
        (Run("lead", EM), Run(" middle "), Run("tail", STRONG))]

"""The brackets and quotations a long sentence is cut around (narrator.script.sentences:
_bracket_spans, which split_long keeps whole when they fit, and _inside_brackets, the offsets a
cut would fall inside one): exact spans, marks included, for the cases its docstring names."""

from __future__ import annotations

from narrator.script.sentences import _bracket_spans, _inside_brackets


def test_brackets_and_quotations_are_spans_with_their_marks() -> None:
    assert _bracket_spans('a (b) "c"') == [(2, 5), (6, 9)]
    assert _bracket_spans('He said "yes" and "no" then') == [(8, 13), (18, 22)]
    assert _bracket_spans("【注】《书》「引」『二』〔一〕（甲）") == [(0, 3), (3, 6), (6, 9), (9, 12), (12, 15), (15, 18)]


def test_an_opener_never_closed_runs_to_the_end_and_a_stray_closer_opens_nothing() -> None:
    assert _bracket_spans("a (b c") == [(2, 6)]
    assert _bracket_spans("(a [b) c") == [(0, 6)]  # "[" never closed ends with the "(" around it
    assert _bracket_spans("1) mix (x)") == [(7, 10)]


def test_a_closing_quotation_mark_never_opened_runs_from_the_start() -> None:
    assert _bracket_spans("He said. \u201d Then") == [(0, 10)]
    assert _bracket_spans("好。」然后") == [(0, 3)]


def test_straight_quotes_pair_up_and_an_odd_one_opens_before_a_word_else_closes() -> None:
    assert _bracket_spans('"Hi there" he said') == [(0, 10)]
    assert _bracket_spans('"a" "b" "c') == [(0, 3), (4, 7), (8, 10)]
    assert _bracket_spans('say "hello there') == [(4, 16)]
    assert _bracket_spans('"Hi there') == [(0, 9)]
    assert _bracket_spans('it was fine" he said') == [(0, 12)]
    assert _bracket_spans('x "') == [(0, 3)]
    assert _bracket_spans('" x') == [(0, 1)]
    assert _bracket_spans('"') == [(0, 1)]


def test_single_curly_quotes_open_after_no_letter_and_apostrophes_close_nothing() -> None:
    assert _bracket_spans("\u2018quoted\u2019 text") == [(0, 8)]
    assert _bracket_spans("say \u2018yes\u2019 now") == [(4, 9)]
    assert _bracket_spans("rock\u2018n roll") == []  # after a letter: no opener
    assert _bracket_spans("a b\u2018c\u2019") == []
    assert _bracket_spans("x\u2018") == []
    # "don’t": an apostrophe between letters closes nothing; at the end of the text it closes
    assert _bracket_spans("\u2018I don\u2019t know,\u2019 he said") == [(0, 15)]
    assert _bracket_spans("\u2018I don\u2019t") == [(0, 8)]
    assert _bracket_spans("\u2018x a\u2019b\u2019") == [(0, 7)]
    assert _bracket_spans("\u2018a \u2019b c") == [(0, 4)]  # after a space: a closing quote
    assert _bracket_spans("(don\u2019t)") == [(0, 7)]


def test_offsets_inside_brackets_and_inside_ones_that_fit() -> None:
    # offsets 0..len: a cut at 3..6 falls inside "(b c)" (2-7); it fits a limit of 10, not of 4
    text = "a (b c) d"
    inside = [False, False, False, True, True, True, True, False, False, False]
    assert _inside_brackets(text, _bracket_spans(text), 10) == (inside, inside)
    assert _inside_brackets(text, _bracket_spans(text), 4) == ([False] * 10, inside)
    # "()" has an inside of one offset; a span of one mark has none
    assert _inside_brackets("()", [(0, 2)], 10) == ([False, True, False], [False, True, False])
    assert _inside_brackets("a”", [(0, 2), (1, 2)], 10)[1] == [False, True, False]
    # two spans from the same start ("(" and a "”" never opened): inside until the longer ends
    text = "(a \u201d b)"
    assert _bracket_spans(text) == [(0, 4), (0, 7)]
    assert _inside_brackets(text, _bracket_spans(text), 10) == ([False] + [True] * 6 + [False],) * 2

"""The places before an aside or a quotation a reader pauses at (narrator.script.sentences:
_aside_cuts, which split_long counts as half a cut): after a space unless a function word is
left hanging or the aside is one or two words; with no space, only a wide opener after a
Chinese character. Exact offsets."""

from __future__ import annotations

from narrator.script.sentences import _aside_cuts, _bracket_spans, _Stubs


def _places(text: str) -> list[int]:
    return _aside_cuts(text, 0, len(text), _bracket_spans(text), _Stubs(text))


def test_after_a_space_every_aside_of_three_words_but_none_after_a_function_word() -> None:
    assert _places("notes of (the old city) then (one two three)") == [29]
    assert _places("the rule (ELL) then (one two three)") == [20]  # "(ELL)" is read with its word


def test_with_no_space_only_a_wide_opener_after_a_chinese_character() -> None:
    assert _places("我们学习了（关于历史和地理的内容）然后") == [5]
    assert _places("我们学习了，《关于历史和地理的书》然后") == [6]
    assert _places("我们学习了(关于历史和地理的内容)然后") == []  # "(" in Chinese text: no pause
    assert _places("我们（\u201c关于历史和地理的内容\u201d）然后") == [2]  # not between two openers
    assert _places("He said\u201cone two three four\u201d then") == []  # after a letter


def test_a_place_refused_does_not_end_the_search() -> None:
    text = "He said\u201cone two three four\u201d and then (one two three) more"
    assert _places(text) == [37]

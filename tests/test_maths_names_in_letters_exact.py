"""Function names typed as plain letters (max, det, sin without a backslash) are said as the
words of their macros, "of" said once before a bracket ("the maximum of a, b", not "the maximum
of of"); starred environments read as their plain forms; a symbol without a word is said as
written and reading goes on after it (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex


@pytest.mark.parametrize(("tex", "en", "zh"), [
    ("max(a, b)", "the maximum of a, b", "最大值， a， b"),
    ("min(a,b)", "the minimum of a, b", "最小值， a， b"),
    ("det(A)", "the determinant of A", "行列式 A"),
    ("det A", "the determinant of A", "行列式 A"),
    ("sin(x)", "sine of x", "sin x"),
    ("sin x", "sine x", "sin x"),
    ("f(x)", "f of x", "f x"),  # a letter that is a function: "of" as before
])
def test_names_in_letters_say_their_words_and_of_once(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize(("tex", "en", "zh"), [
    (r"\begin{pmatrix*} a & b \\ c & d \end{pmatrix*}", "the 2 by 2 matrix with rows: a, b; c, d",
     "2 行 2 列的矩阵，各行为：a，b；c，d"),
    (r"\begin{cases*} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases*}", "1 if x is greater than 0; 0 otherwise",
     "当 x 大于 0 时为 1；其他情况为 0"),
])
def test_starred_environments_read_as_their_plain_forms(tex: str, en: str, zh: str) -> None:
    assert speak_tex(tex, "en") == en
    assert speak_tex(tex, "zh") == zh


@pytest.mark.parametrize("tex", ["a @ b", "a ¤ b"])
def test_a_symbol_without_a_word_is_said_as_written_and_reading_goes_on(tex: str) -> None:
    assert speak_tex(tex, "en") == tex
    assert speak_tex(tex, "zh") == tex

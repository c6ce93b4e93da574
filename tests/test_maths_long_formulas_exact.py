"""Long formulas: exactly 40 heard words are still said whole, in English and in French; what is
counted to summarise ignores spaces, TeX spacing and an outer {\\displaystyle ...} or starred
environment; a summary in another language keeps a coefficient as written ("2 m"), as the
full reading does; a language without maths words hears the formula as written (issue 26)."""

from __future__ import annotations

import pytest

from narrator.script.maths import speak_tex, too_long

LETTERS = "+".join("abcdefghijklmnopqrs")  # 19 letters: 37 words


def test_forty_heard_words_are_said_whole_in_english_and_french() -> None:
    tex = LETTERS + " = x^2"  # ... "equals x squared": 40 words
    assert too_long(tex, "en") is None
    assert speak_tex(tex, "en") == " plus ".join("abcdefghijklmnopqrs") + " equals x squared"
    assert speak_tex(tex, "fr") == " plus ".join("abcdefghijklmnopqrs") + " égale x au carré"


def test_forty_two_heard_words_are_summarised() -> None:
    tex = LETTERS + " = x^3 + 1"
    assert speak_tex(tex, "en") == "a long formula: an expression of 19 terms"
    assert speak_tex(tex, "fr") == "une longue formule : une expression de 19 termes"


FRACTION = r"\frac{a+b+c+d+e+f+g+h+i+j+k+l+m}{n+o+p+q+r+s+t+u+v+w+x+y+z}"


@pytest.mark.parametrize(("tex", "en"), [
    # \left and \right are spacing: the left side is one fraction (3 atoms), a tie with "a + b"
    # goes to the right side, whose terms are counted
    (rf"\left({FRACTION}\right) = a + b", "a long formula: an expression of 2 terms"),
    # spaces between the letters are not atoms: 6 letters against 9 atoms on the right
    (rf"a b c d e f = {FRACTION}+a+b+c+d", "a long formula: a b c d e f equals an expression of 5 terms"),
    # spaces around an outer {\displaystyle ...}: it is still looked inside
    (r" {\displaystyle x = a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t+u+v+w} ",
     "a long formula: x equals an expression of 23 terms"),
    # a starred matrix alone is a matrix, not a sum of its cells
    (r"\begin{pmatrix*} a+b & c+d & e+f \\ g+h & i+j & k+l \\ m+n & o+p & q+r \\ s+t & u+v & w+x "
     r"\end{pmatrix*}", "a long formula: a 4 by 3 matrix"),
])
def test_a_summary_counts_the_longest_side_without_spacing(tex: str, en: str) -> None:
    assert speak_tex(tex, "en") == en


def test_a_french_summary_keeps_a_coefficient_as_its_full_reading_does() -> None:
    long = "2m = " + "+".join("abcdefghijklmnopqrstuvwxyz")
    assert speak_tex("2m = a", "fr") == "2 m égale a"
    assert speak_tex(long, "fr") == "une longue formule : 2 m égale une expression de 26 termes"
    assert speak_tex(long, "de") == "eine lange Formel: 2 m gleich ein Ausdruck mit 26 Termen"
    assert speak_tex(long, "en") == "a long formula: two m equals an expression of 26 terms"


@pytest.mark.parametrize(("tex", "written"), [(r"x^2", "x²"), (r"\frac{1}{2}", "1 / 2")])
def test_a_language_without_maths_words_hears_the_formula_as_written(tex: str, written: str) -> None:
    assert speak_tex(tex, "ja") == written

"""What a formula-heavy sentence is cut into and shown as (narrator.script.planner): the clause
pieces its words are said in, the parts of the written text shown while each piece is said, and a
heading's Roman numeral said as a number. Exact values, worked out by hand in the comments."""

from __future__ import annotations

import pytest

from narrator.config import Config, TextConfig
from narrator.script.planner import _clause_pieces, _shares, plan, spoken_text
from narrator.values import Block, Chapter, Document, Run


# -- said in clause pieces -------------------------------------------------------------------

@pytest.mark.parametrize("spoken, limit, pieces", [
    # after each comma while the pieces fit; a clause of exactly the limit is not cut
    ("one two, three four five, six seven eight nine", 20,
     ["one two,", "three four five,", "six seven eight nine"]),
    ("one; two", 4, ["one;", "two"]),
    # no comma: between words, a piece of exactly the limit ("epsilon zeta", 12) kept whole
    ("alpha beta gamma delta epsilon zeta", 12, ["alpha beta", "gamma delta", "epsilon zeta"]),
    # a one-word last piece is shared out with the one before: five words and four
    ("a b c d e f g h i", 15, ["a b c d e", "f g h i"]),
    # two words too (four and two: three and three), but not three (five and three stay)
    ("aa bb cc dd ee ff", 11, ["aa bb cc", "dd ee ff"]),
    ("aa bb cc dd ee ff gg hh", 14, ["aa bb cc dd ee", "ff gg hh"]),
    # one that fits, one word longer than the limit, and nothing
    ("hello world", 20, ["hello world"]),
    ("第一部分，第二部分，第三部分", 6, ["第一部分，第二部分，第三部分"]),
    ("", 5, [""]),
])
def test_words_are_said_in_clause_pieces_that_fit(spoken: str, limit: int, pieces: list[str]) -> None:
    assert _clause_pieces(spoken, limit) == pieces


def test_sharing_out_a_short_last_piece_never_makes_a_one_word_piece() -> None:
    # "gamma delta" + "epsilon zeta": four words shared two and two, not three and "zeta" alone
    # (which would also run past the limit: "gamma delta epsilon" is 19 characters)
    assert _clause_pieces("alpha beta gamma delta epsilon zeta", 12)[-2:] == ["gamma delta", "epsilon zeta"]
    # eight words and one: 9 -> five and four
    assert _clause_pieces("aa bb cc dd ee ff gg hh ii", 24) == ["aa bb cc dd ee", "ff gg hh ii"]


# -- the written text shown while each piece is said -------------------------------------------

@pytest.mark.parametrize("text, a, b, weights, parts", [
    # halves: 19 * 1/2 = 9.5 rounds to 10, right after a space
    ("aaaa bbbb cccc dddd", 0, 19, [1, 1], [(0, 10), (10, 19)]),
    # two fifths of 19 from offset 3: 3 + 8 = 11, moved to the space before "cccc" (13, two
    # away; 8 is three away; both within 19 / 4)
    ("xx aaaa bbbb cccc dddd", 3, 22, [2, 3], [(3, 13), (13, 22)]),
    # the only space is 7 away from 10: more than 19 / 4, so the cut stays inside the word
    ("abcdefghijklmnop qr", 0, 19, [1, 1], [(0, 10), (10, 19)]),
    # never after a space inside brackets: 7 is nearer 8 but inside "(bb cc)"; 11 is taken
    ("aa (bb cc) dd ee", 0, 16, [1, 1], [(0, 11), (11, 16)]),
    # a stray ")" opens nothing: the spaces after it are still places to cut (8 nearer 6 than 3)
    ("1) aaaa bbbb", 0, 12, [1, 1], [(0, 8), (8, 12)]),
    # beside a Chinese character (6.5 rounds to 6, the character ends at 7) ...
    ("abcdef中ghijkl", 0, 13, [1, 1], [(0, 7), (7, 13)]),
    # ... and after a Chinese comma (11 * 2/5 = 4.4: 4, moved to 6)
    ("abcde，fghij", 0, 11, [2, 3], [(0, 6), (6, 11)]),
    # two spaces as near: the first (5.5 rounds to 6; 4 and 8 both two away)
    ("aaa bbb ccc", 0, 11, [1, 1], [(0, 4), (4, 11)]),
    # weightless parts still get a character each, in order
    ("abc", 0, 3, [0, 0, 5], [(0, 1), (1, 2), (2, 3)]),
    ("abc", 0, 3, [0, 0], [(0, 1), (1, 3)]),
    ("a bbbbbbbbb", 0, 11, [0, 1, 1], [(0, 1), (1, 6), (6, 11)]),
    # a space at the very end is no place to cut
    ("abcd ", 0, 5, [1, 1], [(0, 2), (2, 5)]),
    # a bracket opened before the part (at 0) does not close its spaces (4.5 rounds to 4: 3 + 4,
    # moved to 8)
    ("(x aaaa bbbb", 3, 12, [1, 1], [(3, 8), (8, 12)]),
    # from offset 3, 10 / 2 = 5: 8; the space at 11 is three away, more than 10 / 4
    ("xx aaaaaaa bb", 3, 13, [1, 1], [(3, 8), (8, 13)]),
    # "X" is a letter like any other: no bracket, no clause mark
    ("Xaaa bbbb", 0, 9, [1, 1], [(0, 5), (5, 9)]),
    ("(aX bb) cc dd", 0, 13, [1, 1], [(0, 8), (8, 13)]),
    ("aaaXbbbbbb", 0, 10, [1, 1], [(0, 5), (5, 10)]),
    # three parts: two thirds of 17 is 11.33, moved to 12
    ("aa bb cc dd ee ff", 0, 17, [1, 1, 1], [(0, 6), (6, 12), (12, 17)]),
    # the last part still gets a character when its weight is nothing
    ("abc", 0, 3, [1, 0], [(0, 2), (2, 3)]),
    # a place to cut right after the part before (2, one from the cut at 3) ...
    ("a bbbbbbb", 0, 9, [0, 1, 2], [(0, 1), (1, 2), (2, 9)]),
    # ... right before the last character (7) ...
    ("aaaaaa b", 0, 8, [3, 1], [(0, 7), (7, 8)]),
    # ... and exactly as far as allowed from the cut (3 from 6; 12 / 4 = 3)
    ("aa bbbbbbbbb", 0, 12, [1, 1], [(0, 3), (3, 12)]),
])
def test_the_text_is_shown_in_parts_as_long_as_their_share(text: str, a: int, b: int, weights: list[int],
                                                           parts: list[tuple[int, int]]) -> None:
    assert _shares(text, a, b, weights) == parts


def test_no_part_ends_inside_a_formula() -> None:
    # 7.5 rounds to 8, inside the formula at 6..9: the spaces three away on either side, the first
    assert _shares("aaaa bb cc dddd", 0, 15, [1, 1]) == [(0, 8), (8, 15)]
    assert _shares("aaaa bb cc dddd", 0, 15, [1, 1], ((6, 9),)) == [(0, 5), (5, 15)]
    # a formula's two ends are places to cut (5 and 8 at the ends of 5..8), its inside is not
    assert _shares("aaaa bb cc dddd", 0, 15, [1, 1], ((5, 8),)) == [(0, 8), (8, 15)]
    assert _shares("aaaa bb cc dddd", 0, 15, [1, 1], ((5, 9),)) == [(0, 5), (5, 15)]


# -- a heading's Roman numeral ----------------------------------------------------------------

@pytest.mark.parametrize("written, said", [
    ("IV. Scope", "four. Scope"),
    ("XIV. Rights", "fourteen. Rights"),
    ("XII. Remedies", "twelve. Remedies"),
    ("II. Two", "two. Two"),
    ("XC. Ninety", "ninety. Ninety"),
    ("CD. Four", "four hundred. Four"),
    ("IX", "nine"),
    ("I", "one"),
    ("I. One", "I. One"),  # a lone "I." may be the pronoun: left to the engine
    ("I am here", "I am here"),
])
def test_a_heading_says_its_roman_numeral_as_a_number(written: str, said: str) -> None:
    assert spoken_text(written, "heading") == said
    assert spoken_text(written, "end") == said  # a heading that ends its chapter
    assert spoken_text(written, "sentence") == written  # in a sentence "IV" may be a name


# -- what one sentence of a block says and how ------------------------------------------------

def _plan(*runs: Run, text: TextConfig | None = None) -> list[tuple[str, str, str]]:
    document = Document("T", "en", (Chapter(1, "", (Block("paragraph", runs),)),))
    return [(s.text, s.spoken, s.emotion) for s in plan(document, Config(text=text or TextConfig())).segments]


def test_a_number_saying_more_than_the_limit_stays_one_segment() -> None:
    # "1234567." says 80 characters, more than 20, but is one token: nothing to cut between
    assert _plan(Run("1234567."), text=TextConfig(max_chars=20)) == [
        ("1234567.", "one million two hundred and thirty four thousand five hundred and sixty seven.", "neutral")]


def test_an_inline_emotion_covering_a_sentence_sets_its_emotion_only() -> None:
    assert _plan(Run("Calm words here. "), Run("What a day!", emotion="excited")) == [
        ("Calm words here.", "Calm words here.", "neutral"), ("What a day!", "What a day!", "excited")]


MATH = frozenset({"math"})


def _segments(*runs: Run, max_chars: int = 60) -> list[tuple[str, str, tuple[int, int], str]]:
    document = Document("T", "en", (Chapter(1, "", (Block("paragraph", runs),)),))
    return [(s.text, s.spoken, s.span, s.boundary)
            for s in plan(document, Config(text=TextConfig(max_chars=max_chars))).segments]


def test_a_second_sentence_with_a_long_formula_is_said_in_pieces_with_its_exponent_and_subscript() -> None:
    # "Then" goes with the formula (never a word alone); the rest says "x squared" and "C O two"
    assert _segments(Run("First one. "), Run("Then "), Run("a+b+c+d+e+f", MATH, math="a+b+c+d+e+f+g+h+i+j+k+l"),
                     Run(" is the sum of x"), Run("2", frozenset({"sup"})), Run(" and CO"),
                     Run("2", frozenset({"sub"})), Run(" today.")) == [
        ("First one.", "First one.", (0, 10), "sentence"),
        ("Then a+b+c+d+e+f", "Then a plus b plus c plus d plus e plus f plus g plus h plus i plus j plus k plus l",
         (11, 27), "clause"),
        ("is the sum of x2 and CO2 today.", "is the sum of x squared and C O two today.", (28, 59), "end")]


def test_a_sentence_that_starts_with_a_long_formula_says_it_first() -> None:
    assert _segments(Run("First one. "), Run("A+B+C+D+E+F", MATH, math="A+B+C+D+E+F+G+H+I+J+K+L"),
                     Run(" is the sum of many letters here.")) == [
        ("First one.", "First one.", (0, 10), "sentence"),
        ("A+B+C+D+E+F", "A plus B plus C plus D plus E plus F plus G plus H plus I plus J plus K plus L",
         (11, 22), "clause"),
        ("is the sum of many letters here.", "is the sum of many letters here.", (23, 55), "end")]


def test_a_superscript_opening_a_long_formula_sentence_is_said_with_it() -> None:
    # a footnote mark before the sentence: said as its number, in the formula's piece
    assert _segments(Run("First one. "), Run("1", frozenset({"sup"})), Run(" See "),
                     Run("a+b+c+d+e+f", MATH, math="a+b+c+d+e+f+g+h+i+j+k+l"), Run(" for the details of it.")) == [
        ("First one.", "First one.", (0, 10), "sentence"),
        ("1 See a+b+c+d+e+f", "one See a plus b plus c plus d plus e plus f plus g plus h plus i plus j plus k plus l",
         (11, 28), "clause"),
        ("for the details of it.", "for the details of it.", (29, 51), "end")]


def test_a_word_with_a_long_exponent_is_said_whole_in_its_piece() -> None:
    # "distance" with "-12" above says 34 characters, more than a third of the piece's limit: it
    # is shared out in clause parts, which pack back into the sentence's second piece
    assert _segments(Run("Then "), Run("a+b+c+d+e+f", MATH, math="a+b+c+d+e+f+g+h+i+j+k+l"),
                     Run(" is the sum and the distance"), Run("-12", frozenset({"sup"})), Run(" is small.")) == [
        ("Then a+b+c+d+e+f is",
         "Then a plus b plus c plus d plus e plus f plus g plus h plus i plus j plus k plus l is", (0, 19), "clause"),
        ("the sum and the distance-12 is small.", "the sum and the distance to the power minus twelve is small.",
         (20, 57), "end")]


@pytest.mark.parametrize("said, limit, groups", [
    # 4 + 4 + 5 + 4 characters and three spaces: exactly 20, one piece
    (["aaaa", "bbbb", "ccccc", "dddd"], 20, [["aaaa", "bbbb", "ccccc", "dddd"]]),
    # 21: two pieces, two and two (one word alone would be a stub)
    (["aaaa", "bbbb", "cccccc", "dddd"], 20, [["aaaa", "bbbb"], ["cccccc", "dddd"]]),
    # a unit's own spaces count once: "aa bb cc dd" is 11
    (["aa bb cc", "dd"], 12, [["aa bb cc", "dd"]]),
    # a unit that says nothing (a space) adds nothing: 4 + 1 + 4 = 9
    (["aaaa", "", "bbbb"], 9, [["aaaa", "", "bbbb"]]),
    (["aaaa", "", "bbbb"], 8, [["aaaa"], ["", "bbbb"]]),
])
def test_said_units_are_packed_into_pieces_that_fit(said: list[str], limit: int, groups: list[list[str]]) -> None:
    from narrator.script.planner import _pack
    units: list[list] = [[i, i + 1, s, False] for i, s in enumerate(said)]
    assert [[u[2] for u in group] for group in _pack(units, limit)] == groups

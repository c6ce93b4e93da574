"""How the said units of a formula sentence are packed into pieces (narrator.script.planner._pack):
fewest stubs (at most two words, shorter than a quarter of the limit), then fewest pieces, then
the most even (the sum of the squared lengths); a unit saying more than the limit stands alone,
and a formula may take a word or two beside it beyond the limit. Each expected grouping is the
only best one by those rules, worked out in the comments ("F" marks a formula)."""

from __future__ import annotations

import pytest

from narrator.script.planner import _pack


def packed(units: list[tuple[str, bool]], limit: int) -> list[list[str]]:
    rows: list[list] = [[i, i + 1, said, formula] for i, (said, formula) in enumerate(units)]
    return [[u[2] for u in group] for group in _pack(rows, limit)]


F21 = " ".join("f" * 11)  # a formula saying 21 characters
F19 = " ".join("f" * 10)


@pytest.mark.parametrize("units, limit, groups", [
    # one unit saying more than the limit (10 > 8): a piece of its own
    ([("hhhhhhhhhh", False)], 8, [["hhhhhhhhhh"]]),
    ([("aaa", False), ("hhhhhhhhhh", False), ("bbb", False)], 8, [["aaa"], ["hhhhhhhhhh"], ["bbb"]]),
    # two units saying 9 together, over 8: never one piece (no formula among them)
    ([("ff ff", False), ("ccc", False)], 8, [["ff ff"], ["ccc"]]),
])
def test_a_piece_holds_at_most_the_limit_unless_one_unit_says_more(
        units: list[tuple[str, bool]], limit: int, groups: list[list[str]]) -> None:
    assert packed(units, limit) == groups


def test_the_most_even_pieces_by_their_squared_lengths() -> None:
    # 28 characters in pieces of at most 13: three pieces. Of those that fit, "dddd ccc" (8) |
    # "a g g" (5) | "hhhhhhhh dddd" (13) sums 64 + 25 + 169 = 258 and "dddd ccc a" (10) |
    # "g g hhhhhhhh" (12) | "dddd" (4) sums 100 + 144 + 16 = 260: the first (by cubes, which
    # weigh the longest piece more, it would be the second)
    units = [("dddd", False), ("ccc", False), ("a", False), ("g g", False), ("hhhhhhhh", False), ("dddd", False)]
    assert packed(units, 13) == [["dddd", "ccc"], ["a", "g g"], ["hhhhhhhh", "dddd"]]


def test_a_stub_is_at_most_two_words_shorter_than_a_quarter_of_the_limit() -> None:
    # limit 24, a quarter 6. "dddd" | F19 "f f" (23) and "dddd" F19 (24) | "f f" each leave one
    # stub ("dddd": one word of 4; "f f": two words of 3): the more even wins (16 + 529 < 576 + 9)
    assert packed([("dddd", False), (F19, True), ("f f", True)], 24) == [["dddd"], [F19, "f f"]]
    # "bb" "f" F15 (20) | "mm nn" and "bb f" | F15 "mm nn" (23) each leave one stub (two words of
    # 5 and of 4, under 6): 400 + 25 < 16 + 529. Counted as said, words joined by one space
    f15 = " ".join("f" * 8)
    assert packed([("bb", False), ("f", True), (f15, True), ("mm nn", False)], 24) == [["bb", "f", f15], ["mm nn"]]
    # limit 28, a quarter 7: "rrrrrr" (one word of 6) is a stub, "x y z" (three words of 5) is
    # not: "x y z" | F19 "rrrrrr" (26) has no stub, "x y z" F19 (25) | "rrrrrr" has one
    assert packed([("x y z", False), (F19, True), ("rrrrrr", False)], 28) == [["x y z"], [F19, "rrrrrr"]]


def test_a_two_word_piece_of_a_quarter_of_the_limit_is_no_stub() -> None:
    # limit 13, a quarter 3: "g g" (3 characters) is no stub. Three pieces, none a stub:
    # "a mm nn ccc" (11) | "bb" F21 (24, a formula and a word) | "g g" (3): 121 + 576 + 9 = 706,
    # more even than "a mm nn" (7) | "ccc bb" (6) | F21 "g g" (25): 49 + 36 + 625 = 710
    units = [("a", False), ("mm nn", False), ("ccc", False), ("bb", False), (F21, True), ("g g", False)]
    assert packed(units, 13) == [["a", "mm nn", "ccc"], ["bb", F21], ["g g"]]

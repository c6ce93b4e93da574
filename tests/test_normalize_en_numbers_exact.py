"""English number words exactly as they are said (narrator.normalize.en_numbers): the edges of
the hand-made speller below a million (teens, tens, "and" after hundreds and before a small
remainder), numbers too long to say by value, decimals and leading zeros, plurals and
denominators."""

from __future__ import annotations

import pytest

from narrator.normalize import en_numbers as num


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("n, words", [
    (0, "zero"), (7, "seven"), (13, "thirteen"), (19, "nineteen"), (20, "twenty"), (21, "twenty one"),
    (99, "ninety nine"), (100, "one hundred"), (101, "one hundred and one"), (110, "one hundred and ten"),
    (119, "one hundred and nineteen"), (120, "one hundred and twenty"), (999, "nine hundred and ninety nine"),
    (1000, "one thousand"), (1001, "one thousand and one"), (1099, "one thousand and ninety nine"),
    (1100, "one thousand one hundred"), (1234, "one thousand two hundred and thirty four"),
    (20000, "twenty thousand"),
    (999999, "nine hundred and ninety nine thousand nine hundred and ninety nine"),
    (-5, "minus five"), (1000000, "one million"),
])
def test_cardinals_below_and_at_a_million(n: int, words: str) -> None:
    assert num.cardinal(n) == words


def test_a_number_too_big_to_name_is_read_digit_by_digit() -> None:
    assert num.cardinal(10 ** 27) == "one " + " ".join(["zero"] * 27)
    assert num.cardinal(10 ** 27 - 1).startswith("nine hundred and ninety nine septillion ")


def test_ordinals_and_years() -> None:
    assert num.ordinal(22) == "twenty second"
    assert num.ordinal(0) == "zeroth"
    assert num.ordinal(-1) == "minus one"
    assert num.year(1998) == "nineteen ninety eight"
    assert num.year(2005) == "two thousand and five"
    assert num.year(1506) == "fifteen oh six"
    assert num.year(9999) == "ninety nine ninety nine"
    assert num.year(0) == "zero"
    assert num.year(10000) == "ten thousand"


def test_digits_reads_ascii_digits_only() -> None:
    assert num.digits("8876") == "eight eight seven six"
    assert num.digits("a1٣2") == "one two"


@pytest.mark.parametrize("written, words", [
    ("13,000", "thirteen thousand"), ("2.050", "two point zero five zero"), (".5", "point five"),
    ("004", "zero zero four"), ("00", "zero zero"), ("07.5", "zero seven point five"), ("0", "zero"),
    ("0.5", "zero point five"), ("5.", "five"),
    # fifteen digits are said by value; sixteen without commas are an identifier; with commas, a value
    ("123456789012345", "one hundred and twenty three trillion four hundred and fifty six billion seven "
                        "hundred and eighty nine million twelve thousand three hundred and forty five"),
    ("1234567890123456", "one two three four five six seven eight nine zero one two three four five six"),
    ("1,234,567,890,123,456", "one quadrillion two hundred and thirty four trillion five hundred and sixty "
                              "seven billion eight hundred and ninety million one hundred and twenty three "
                              "thousand four hundred and fifty six"),
])
def test_written_numbers(written: str, words: str) -> None:
    assert num.number(written) == words


@pytest.mark.parametrize("words, plural", [
    ("nineteen eighty", "nineteen eighties"), ("six", "sixes"), ("five hundred", "five hundreds"),
    ("twenty", "twenties"), ("ten", "tens"),
])
def test_plurals_of_number_words(words: str, plural: str) -> None:
    assert num.plural(words) == plural


@pytest.mark.parametrize("n, one, many", [
    (2, "half", "halves"), (4, "quarter", "quarters"), (3, "third", "thirds"),
    (32, "thirty second", "thirty seconds"),
])
def test_denominators(n: int, one: str, many: str) -> None:
    assert num.denominator(n, False) == one
    assert num.denominator(n, True) == many


def test_the_plural_takes_the_last_word_only() -> None:
    assert num.plural("twenty six") == "twenty sixes"

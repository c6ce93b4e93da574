"""English number words: cardinals, ordinals, years, decimals, digit strings, fractions.

num2words (its English converter) spells the numbers; everything here wraps it so that a failure
(the library missing, a value it refuses) falls back to reading the digits one by one, never to an
exception. Words are returned without hyphens or commas ("twenty three", not "twenty-three,"),
which every engine reads the same and the speech-recognition check compares word by word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_IRREGULAR_PLURAL = {"six": "sixes"}
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


@lru_cache(maxsize=1)
def _speller() -> Any:
    """num2words' English converter, or None when it cannot be loaded."""
    try:
        import importlib  # num2words has no type hints; import_module keeps mypy quiet without stubs

        return importlib.import_module("num2words.lang_EN").Num2Word_EN()
    except Exception:  # not installed, or broken: digits are still read
        return None


def _clean(words: str) -> str:
    return " ".join(words.replace("-", " ").replace(",", "").split())


def digits(s: str) -> str:
    """'8876' -> 'eight eight seven six' (identifiers, long digit strings)."""
    return " ".join(_DIGITS[int(c)] for c in s if c.isascii() and c.isdigit())


@lru_cache(maxsize=4096)
def cardinal(n: int) -> str:
    """123 -> 'one hundred and twenty three'; negative numbers get 'minus'."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n < 1_000_000:  # num2words takes ~50 us a number; these are most numbers in a lesson
        return _below_million(n)
    speller = _speller()
    if speller is not None and n < 10 ** 27:
        try:
            return _clean(speller.to_cardinal(n))
        except Exception:
            pass
    return digits(str(n))


def _below_thousand(n: int) -> str:
    """Same words as num2words' English (British "and"): 123 -> 'one hundred and twenty three'."""
    hundreds, rest = divmod(n, 100)
    if rest < 20:
        tail = _SMALL[rest]
    else:
        tens, ones = divmod(rest, 10)
        tail = _TENS[tens] + (" " + _SMALL[ones] if ones else "")
    if not hundreds:
        return tail
    return f"{_SMALL[hundreds]} hundred" + (f" and {tail}" if rest else "")


def _below_million(n: int) -> str:
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _below_thousand(rest)
    head = _below_thousand(thousands) + " thousand"
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + _below_thousand(rest)


@lru_cache(maxsize=4096)
def ordinal(n: int) -> str:
    """22 -> 'twenty second'."""
    speller = _speller()
    if speller is not None and 0 <= n < 10 ** 27:
        try:
            return _clean(speller.to_ordinal(n))
        except Exception:
            pass
    return cardinal(n)


@lru_cache(maxsize=4096)
def year(n: int) -> str:
    """1998 -> 'nineteen ninety eight', 2005 -> 'two thousand and five', 1506 -> 'fifteen oh six'."""
    speller = _speller()
    if speller is not None and 0 < n < 10000:
        try:
            return _clean(speller.to_year(n))
        except Exception:
            pass
    return cardinal(n)


def number(s: str) -> str:
    """A written number: '13,000' -> 'thirteen thousand', '2.050' -> 'two point zero five zero',
    '.5' -> 'point five', '004' -> 'zero zero four' (a leading zero marks an identifier)."""
    grouped = "," in s
    s = s.replace(",", "")
    whole, _, frac = s.partition(".")
    if len(whole) > 1 and whole.startswith("0") or len(whole) > 15 and not grouped:
        spoken = digits(whole)
    else:
        spoken = cardinal(int(whole)) if whole else ""
    if "." in s:
        spoken = (spoken + " point " + digits(frac)).strip() if frac else spoken
    return spoken


def plural(words: str) -> str:
    """The plural of a number's words: 'nineteen eighty' -> 'nineteen eighties', 'five hundred' ->
    'five hundreds', 'six' -> 'sixes'."""
    head, _, last = words.rpartition(" ")
    if last in _IRREGULAR_PLURAL:
        last = _IRREGULAR_PLURAL[last]
    elif last.endswith("y"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def denominator(n: int, plural_form: bool) -> str:
    """The word for a fraction's denominator: 2 -> 'half'/'halves', 4 -> 'quarter', 32 -> 'thirty
    second(s)'."""
    if n == 2:
        return "halves" if plural_form else "half"
    if n == 4:
        return "quarters" if plural_form else "quarter"
    word = ordinal(n)
    return word + "s" if plural_form else word

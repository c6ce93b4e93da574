"""Text as a recognizer hears it: normalised tokens for comparing a take's transcript with its text.

Both sides go through the same function, so whatever the recognizer writes as digits ("42") or
the text spells out ("forty-two") meets in one form:

* Latin script: lower case, punctuation dropped, hyphens split words, apostrophes vanish
  ("don't" = "dont"); in English, numbers, ordinals, decimals, percent and currency signs are
  spelled out in words ("3.5%" -> "three point five percent") and a few symbols become words.
* Chinese: traditional characters become simplified (the recognizer mixes both), Arabic numbers
  become Chinese numerals read by value ("12" -> "十二"; "50%" -> "百分之五十") and 两/〇 are
  written 二/零. Every Chinese character is one token (the comparison is a character error rate);
  Latin words inside Chinese text stay word tokens. Digits go to characters rather than the
  other way round because reading numerals back into digits is ambiguous ("一共" is not "1共").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from narrator.normalize import normalize
from narrator.normalize.addresses import say_addresses
from narrator.normalize.pronounce import plain  # a pronunciation's marks are not heard
from narrator.text import HAN_CHAR

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
            "nine": "ninth", "twelve": "twelfth"}
_SYMBOLS = {"&": " and ", "%": " percent ", "+": " plus ", "=": " equals ", "@": " at ",
            "°": " degrees ", "×": " times ", "#": " number "}
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yuan"}


def english_number(n: int) -> str:
    """``n`` (>= 0) in English words, without "and": 2024 -> "two thousand twenty four"."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (" " + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" " + english_number(rest) if rest else "")
    for size, name in _SCALES:
        if n >= size:
            high, rest = divmod(n, size)
            return english_number(high) + " " + name + (" " + english_number(rest) if rest else "")
    raise AssertionError("unreachable")


def _ordinal(words: str) -> str:
    head, _, last = words.rpartition(" ")
    if last in _ORDINAL:
        last = _ORDINAL[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return (head + " " + last).strip()


def _digits(s: str) -> str:
    return " ".join(_ONES[int(d)] for d in s)


_EN_NUMBER = re.compile(r"([$€£¥])?(\d[\d,]*)(?:\.(\d+))?(st|nd|rd|th)?\b")


def _spell_english(m: re.Match[str]) -> str:
    currency, whole, fraction, ordinal = m.groups()
    whole = whole.rstrip(",")
    if not re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", whole):
        whole = whole.replace(",", " ")  # "1,2,3": a list, not thousands
        return " ".join(english_number(int(w)) for w in whole.split())
    n = int(whole.replace(",", ""))
    words = english_number(n) if n < 10**15 else _digits(str(n))
    if ordinal:
        words = _ordinal(words)
    if fraction:
        words += " point " + _digits(fraction)
    if currency:
        words += " " + _CURRENCY[currency]
    return f" {words} "


_ZH_DIGITS = "零一二三四五六七八九"
_ZH_UNITS = ((10**8, "亿"), (10**4, "万"))


def chinese_number(n: int) -> str:
    """``n`` (>= 0) as Chinese numerals read by value: 2024 -> "二千零二十四", 12 -> "十二"."""
    if n == 0:
        return "零"
    out = _chinese(n)
    return out[1:] if out.startswith("一十") else out  # 十二, but 一万零一十


def _chinese(n: int) -> str:
    for size, name in _ZH_UNITS:
        if n >= size:
            high, rest = divmod(n, size)
            tail = _chinese(rest) if rest else ""
            zero = "零" if rest and rest < size // 10 else ""
            return _chinese(high) + name + zero + tail
    out = ""
    gap = False
    for size, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, size)
        if d:
            if gap and out:
                out += "零"
            out += _ZH_DIGITS[d] + name
            gap = False
        else:
            gap = True
    return out


_ZH_NUMBER = re.compile(r"(\d+)(?:\.(\d+))?(%)?")


def _spell_chinese(m: re.Match[str]) -> str:
    whole, fraction, percent = m.groups()
    words = chinese_number(int(whole)) if len(whole) <= 12 else "".join(_ZH_DIGITS[int(d)] for d in whole)
    if fraction:
        words += "点" + "".join(_ZH_DIGITS[int(d)] for d in fraction)
    return ("百分之" + words) if percent else words


@functools.lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    from opencc import OpenCC  # the [verify] extra's opencc-python-reimplemented

    return OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` with traditional Chinese characters written simplified."""
    return _t2s().convert(text)


def is_cjk(ch: str) -> bool:
    return HAN_CHAR.match(ch) is not None


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def tokens(text: str, lang: str) -> list[str]:
    """The normalised tokens of ``text`` in language ``lang`` (a language code such as "en", "zh")."""
    base = lang.split("-")[0].lower()
    # First as narrate says it (a year, money, units: the take's spoken form is already said so),
    # then whatever is left the same way on both sides.
    # heard "nvidia.com", "docs/intro.html": said "nvidia dot com", "docs slash intro dot HTML"
    text = unicodedata.normalize("NFKC", normalize(say_addresses(plain(text), lang), lang))
    if any(is_cjk(c) for c in text) or base == "zh":
        text = simplified(text).replace("两", "二").replace("〇", "零")
        text = _ZH_NUMBER.sub(lambda m: _spell_chinese(m), text)
    if base in ("en", "zh"):  # Latin words inside Chinese text are English as a rule
        text = _EN_NUMBER.sub(_spell_english, text)
        for symbol, word in _SYMBOLS.items():
            text = text.replace(symbol, word)
    text = text.lower().replace("'", "").replace("\u2019", "")
    out: list[str] = []
    for word in _WORD.findall(text):
        run = ""
        for ch in word:  # Chinese characters are tokens of their own
            if is_cjk(ch):
                if run:
                    out.append(run)
                    run = ""
                out.append(ch)
            else:
                run += ch
        if run:
            out.append(run)
    return out


def character_based(lang: str, text: str) -> bool:
    """True when the comparison counts characters (Chinese), not words."""
    return lang.split("-")[0].lower() == "zh" or sum(map(is_cjk, text)) > len(text) / 4

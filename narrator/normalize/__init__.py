"""Spoken form of numbers, units, dates, symbols and abbreviations, per language (issue 18).

    >>> normalize("Sheet No. 4 weighs 21.5 kg", "en")
    'Sheet number four weighs twenty one point five kilograms'

:func:`normalize` sends Chinese ("zh", "zh-TW", ...) to :mod:`.zh`, English to :mod:`.en`, and
leaves other languages as they are. The planner calls it on a segment's spoken text before
:func:`narrator.script.maths.speak_symbols` and again after it (for the digits that says, "x to the
power 12"), so it must be idempotent, fast on text with nothing to say and never raise. Both
modules are imported on first use: ``narrate --help`` does not load num2words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["normalize"]

# English regions that write the day first (11/02/2016 is 11 February)
_DAY_FIRST = frozenset(("gb", "uk", "au", "nz", "ie", "in", "za", "sg", "hk", "mt", "ng", "ke"))


def normalize(text: str, lang: str, *, abbreviations: Mapping[str, str] | None = None) -> str:
    """``text`` as said in ``lang``; ``abbreviations`` (written -> spoken) extend the built-in table.
    English and Chinese are said; other languages come back as they are (their engine voice reads
    digits in its own language better than English words would). Never raises: on any failure
    the text comes back as it was, English with its digits read one by one."""
    if not text:
        return text
    base, _, region = lang.lower().replace("_", "-").partition("-")
    if base not in ("en", "zh"):
        return text
    if "^" in text:  # an exponent is maths.speak_symbols' to say ("10^8": "ten to the power 8")
        pieces = _EXPONENT.split(text)
        if len(pieces) > 1:  # (a caret that starts no exponent, "x^\\ast", is said with the rest)
            return "".join(p if k % 2 else normalize(p, lang, abbreviations=abbreviations)
                           for k, p in enumerate(pieces))
    try:
        if base == "zh":
            from narrator.normalize.zh import normalize_zh

            return normalize_zh(text, abbreviations=abbreviations)
        from narrator.normalize.en import normalize_en

        # the region after any script subtag: en-Latn-GB is British
        country = next((p for p in region.split("-") if len(p) != 4), "")
        return normalize_en(text, abbreviations, day_first=country in _DAY_FIRST)
    except Exception:  # a bug must cost a reading, never the narration: digits one by one
        return text if base == "zh" else _DIGIT_RUN.sub(_digit_words, text)


_EXPONENT = re.compile(r"(\^\{[^{}]*\}|\^[-+−]?[0-9A-Za-z]+)")
_DIGIT_RUN = re.compile(r"[0-9]+")
_DIGIT_NAMES = "zero one two three four five six seven eight nine".split()


def _digit_words(m: re.Match[str]) -> str:
    return " " + " ".join(_DIGIT_NAMES[int(c)] for c in m.group()) + " "

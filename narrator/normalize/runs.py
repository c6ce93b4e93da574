"""Small runs: a paragraph or table cell of only digits, units and symbols has no language of its own.

    >>> [is_small_run(t) for t in ("30%", "38°C", "2009.03.31", "+35％", "10 kg", "iPhone 15", "好")]
    [True, True, True, True, True, False, False]

The planner gives such a run the language of its surroundings (a ``30%`` cell in a Chinese table
is said 百分之三十), instead of the language a detector guesses from its few Latin letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["is_small_run"]


@lru_cache(maxsize=1)
def _units() -> re.Pattern[str]:
    from narrator.normalize.zh import UNIT_WORDS

    names = sorted((u for u in UNIT_WORDS if not u.isdigit()), key=len, reverse=True)
    # A unit counts only right after a number ("10 kg", "5km/h"), so "in", "A" or "m" as words do not.
    extra = ["US$", "HK$", "NT$", "USD", "RMB", "CNY", "EUR", "GBP", "JPY", "am", "pm", "AM", "PM"]
    alternation = "|".join(re.escape(u) for u in names + extra)
    return re.compile(rf"(?<=[0-9０-９%％°º])\s?(?:{alternation})[²³]?(?![A-Za-z])")


def is_small_run(text: str) -> bool:
    """True when ``text`` is only numbers, units (after a number), punctuation and symbols.

    It must hold at least one digit or symbol: punctuation or white space alone is not a run."""
    text = text.strip()
    if not text or len(text) > 200:
        return False
    rest = _units().sub(" ", text)
    found = False
    for ch in rest:
        category = unicodedata.category(ch)
        if category[0] in "NS":
            found = True
        elif category[0] not in "PZ" and ch not in "\t\n\r":
            return False
    return found

"""Facts about text that several stages share: the CJK character table, the speaking-rate model,
and how a message is put on one line.

The table names Unicode blocks once; each use composes the class it needs from them (the eSpeak
engine picks a voice for every CJK character, punctuation included; a speaking-rate estimate
counts only the characters read as one syllable each).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from typing import Any

# -- the CJK character table (ranges for a regular-expression class) ------------------------------
RADICALS = "\u2e80-\u2fdf"  # CJK radicals supplement, Kangxi radicals
CJK_PUNCTUATION = "\u3000-\u303f"  # CJK symbols and punctuation
KANA = "\u3040-\u30ff\u31f0-\u31ff"  # hiragana, katakana (and its phonetic extensions)
BOPOMOFO = "\u3100-\u312f\u31a0-\u31ff"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # ideographs (ext. A, B-G, compatibility)
HANGUL = "\uac00-\ud7af"  # syllables
HANGUL_JAMO = "\u1100-\u11ff\u3130-\u318f"  # letters, and their compatibility forms
CJK_FORMS = "\ufe30-\ufe4f"  # vertical compatibility forms
FULLWIDTH = "\uff00-\uffef"  # halfwidth and fullwidth forms

SYLLABIC = re.compile(f"[{KANA}{HAN}{HANGUL}]")
"""Characters read as one syllable each (ideographs, kana, hangul syllables)."""
HAN_CHAR = re.compile(f"[{HAN}]")
"""One Chinese character (an ideograph)."""

# -- the speaking-rate model ------------------------------------------------------------------------
# Typical speech, for estimates: seconds per character of the spoken text, and per segment,
# fitted on real eSpeak narrations of eleven English and Chinese documents (300 segments; see
# tests/test_estimate.py): a syllabic character is a syllable, a digit is read as a word or two,
# punctuation brings a short pause.
SECONDS_PER_SYLLABIC = 0.255
SECONDS_PER_LETTER = 0.062
SECONDS_PER_DIGIT = 0.30
SECONDS_PER_MARK = 0.20  # punctuation and symbols
SECONDS_PER_SEGMENT = 0.10  # a take's own lead-in and tail
# Plausible bounds (slowest, fastest) per kind of character, with generous margins, for checking
# a take's length: syllabic characters, letters of alphabetic scripts, and digits (a digit expands
# to one or more spoken syllables); spaces and punctuation take no time of their own.
SYLLABIC_PER_SECOND = (2.0, 9.0)
LETTERS_PER_SECOND = (8.0, 30.0)
DIGITS_PER_SECOND = (1.5, 9.0)
SHORTEST_FACTOR = 0.5  # a take may be twice as fast as the fastest rate above before rejection
LONGEST_FACTOR = 2.0  # ... and twice as slow as the slowest rate
LONG_FLOOR_SECONDS = 4.0  # any text may take this long (leading/trailing silence, slow engines)
SHORT_FLOOR_SECONDS = 0.08  # no non-empty text is spoken in less


def speech_seconds(spoken: str) -> float:
    """About how long one segment's spoken text takes to say."""
    syllabic = len(SYLLABIC.findall(spoken))
    digits = letters = marks = 0
    for ch in spoken:
        if ch.isdigit():
            digits += 1
        elif ch.isalpha():
            letters += 1
        elif not ch.isspace():
            marks += 1
    letters -= syllabic
    return (syllabic * SECONDS_PER_SYLLABIC + letters * SECONDS_PER_LETTER + digits * SECONDS_PER_DIGIT
            + marks * SECONDS_PER_MARK + SECONDS_PER_SEGMENT)


def expected_duration(text: str) -> tuple[float, float]:
    """(shortest, longest) plausible seconds for speaking ``text``, by kind of its characters."""
    syllabic = letters = digits = 0
    for ch in text:
        if ch.isdigit():
            digits += 1
        elif ch.isalpha():
            # ideographs and kana are "Lo" (other letter) without case; so are Thai etc., close enough
            if unicodedata.category(ch) == "Lo" and ord(ch) >= 0x2E80:
                syllabic += 1
            else:
                letters += 1
    fast = syllabic / SYLLABIC_PER_SECOND[1] + letters / LETTERS_PER_SECOND[1] + digits / DIGITS_PER_SECOND[1]
    slow = syllabic / SYLLABIC_PER_SECOND[0] + letters / LETTERS_PER_SECOND[0] + digits / DIGITS_PER_SECOND[0]
    shortest = max(SHORT_FLOOR_SECONDS, fast * SHORTEST_FACTOR) if (syllabic or letters or digits) else 0.0
    return shortest, LONG_FLOOR_SECONDS + slow * LONGEST_FACTOR


# -- messages ------------------------------------------------------------------------------------------


def one_line(text: Any, limit: int | None = None) -> str:
    """``text`` with every run of white space (line breaks included) made one space, trimmed;
    cut to ``limit`` characters with "..." if longer (error messages and tags are one line)."""
    s = " ".join(str(text).split())
    return s if limit is None or len(s) <= limit else s[: limit - 3] + "..."


_jieba_lock = threading.Lock()
_jieba_tokenizer: Any = None


def jieba_tokenizer() -> Any:  # -> jieba.Tokenizer
    """jieba's tokenizer (Chinese words), imported and initialised once, without its chatter on
    stderr: 1-2 s the first time, so it is asked for only where a word boundary matters."""
    global _jieba_tokenizer
    with _jieba_lock:
        if _jieba_tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.dt.initialize()
            _jieba_tokenizer = jieba.dt
    return _jieba_tokenizer

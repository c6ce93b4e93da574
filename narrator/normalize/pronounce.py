"""Pronunciation annotations: what kind an entry is, how the spoken text carries it, how each
engine is given it.

A lexicon entry's spoken form is a respelling ("Nguyen" = "Win"), or an annotation:

- pinyin with tone numbers for Chinese characters, one syllable per character
  ("重庆" = "chong2 qing4", "行" = "hang2"; ü may be written v or ü, tone 5 is the neutral tone);
- ARPAbet phonemes (the CMU dictionary's) for an English word, syllables optionally parted by
  " . " ("minute" = "M AY0 . N UW1 T"); every vowel carries its stress digit.

An annotation is kept in ``Segment.spoken`` with Unicode's interlinear annotation characters
(anchor U+FFF9, separator U+FFFA, terminator U+FFFB: "银\\ufff9行\\ufffaHANG2\\ufffb里"), which no
normaliser touches and no lesson needs; :func:`render` turns it into what an engine accepts,
right before the cache key is made, so the key is that of the text the engine really gets:

=========  =============================  ====================================================
format     pinyin                         phonemes
=========  =============================  ====================================================
tagged     ``银<行|HANG2>里`` (IndexTTS-2.5) ``<minute|M AY0 . N UW1 T>`` (IndexTTS-2.5)
pinyin     ``银HANG2里`` (IndexTTS-2)       the word as written
plain      a homophone: ``银航里``          the word as written
=========  =============================  ====================================================

"plain" (eSpeak NG, OpenAI-compatible and template servers) replaces each character of several
readings by a common character that has only the wanted reading (pypinyin's dictionary, the
most frequent by jieba's word list); where there is none the character stays. An entry an
engine cannot use leaves its text exactly as without the entry, so its cache keys stay.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

__all__ = ["FORMATS", "annotation", "has_marks", "kind", "plain", "render"]

FORMATS = ("plain", "pinyin", "tagged")
ANCHOR, SEP, END = "\ufff9", "\ufffa", "\ufffb"
_ANNOTATED = re.compile(f"{ANCHOR}([^{ANCHOR}{SEP}{END}]*){SEP}([^{ANCHOR}{SEP}{END}]*){END}")
_MARKS = re.compile(f"[{ANCHOR}{SEP}{END}]")

# A pinyin syllable with its tone number: an initial, vowels, a nasal or r coda, the tone
_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?(?:[aeiouv]{1,3}(?:ng|n|r)?|ng|n|m)[1-5]",
                       re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_ARPA_VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}
_ARPA_CONSONANTS = {"B", "CH", "D", "DH", "F", "G", "HH", "JH", "K", "L", "M", "N", "NG", "P", "R", "S",
                    "SH", "T", "TH", "V", "W", "Y", "Z", "ZH"}


def pinyin_syllables(term: str, say: str) -> list[str] | None:
    """The upper-case syllables (ü as V) if ``say`` is pinyin with tone numbers for every
    character of ``term`` (Chinese characters only), else None."""
    words = say.replace("ü", "v").replace("Ü", "V").split()
    if not term or not all(_HAN.fullmatch(c) for c in term) or len(words) != len(term):
        return None
    if not all(_SYLLABLE.fullmatch(w) for w in words):
        return None
    return [w.upper() for w in words]


def phonemes(term: str, say: str) -> str | None:
    """``say`` in the CMU dictionary's notation ("M AY0 . N UW1 T"), upper case, if it is ARPAbet
    phonemes for a Latin word, else None (a respelling such as "L M S" has no stressed vowel)."""
    if not term or _HAN.search(term):
        return None
    tokens = say.upper().split()
    vowels = 0
    for t in tokens:
        if t == ".":
            continue
        if t[:-1] in _ARPA_VOWELS and t[-1] in "012":
            vowels += 1
        elif t not in _ARPA_CONSONANTS:
            return None
    return " ".join(tokens) if vowels and tokens[0] != "." and tokens[-1] != "." else None


def kind(term: str, say: str) -> str:
    """"pinyin", "phonemes" or "respelling": what a lexicon entry's spoken form is."""
    if pinyin_syllables(term, say) is not None:
        return "pinyin"
    return "phonemes" if phonemes(term, say) is not None else "respelling"


def annotation(term: str, say: str) -> str:
    """``term`` annotated with ``say`` (pinyin or phonemes) as the spoken text carries it; a
    term of several characters is annotated character by character."""
    syllables = pinyin_syllables(term, say)
    if syllables is not None:
        return "".join(f"{ANCHOR}{c}{SEP}{s}{END}" for c, s in zip(term, syllables))
    said = phonemes(term, say)
    if said is None:
        raise ValueError(f"{say!r} is neither pinyin for {term!r} nor ARPAbet phonemes")
    return f"{ANCHOR}{term}{SEP}{said}{END}"


def has_marks(text: str) -> bool:
    """Whether ``text`` carries an annotation (or a stray annotation character)."""
    return ANCHOR in text or SEP in text or END in text


def plain(text: str) -> str:
    """``text`` without its annotations: what it says as written (for checks and estimates)."""
    if ANCHOR not in text:
        return _MARKS.sub("", text)
    return _MARKS.sub("", _ANNOTATED.sub(lambda m: m.group(1), text))


def render(text: str, fmt: str) -> str:
    """``text`` with its annotations in an engine's format ("plain", "pinyin", "tagged"; an
    unknown format is "plain"). Text without annotations comes back unchanged."""
    if not has_marks(text):
        return text

    def one(m: re.Match[str]) -> str:
        word, said = m.group(1), m.group(2)
        is_pinyin = len(word) == 1 and _HAN.fullmatch(word) is not None
        if fmt == "tagged":
            return f"<{word}|{said}>"
        if not is_pinyin:
            return word  # phonemes: only IndexTTS-2.5 takes them
        if fmt == "pinyin":
            return said
        return homophone(word, said)

    return _MARKS.sub("", _ANNOTATED.sub(one, text))


# -- homophones for engines that take no pinyin ---------------------------------------------------

_LOCK = threading.Lock()


def homophone(char: str, syllable: str) -> str:
    """A common character read only ``syllable`` ("HANG2" -> "航"); ``char`` itself when it has
    that one reading or no such character is known (or pypinyin is not installed)."""
    with _LOCK:
        readings, by_sound = _tables()
    want = syllable.lower()
    if readings.get(char) == (want,):
        return char
    return by_sound.get(want, char)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(character -> its readings in tone numbers, syllable -> the most frequent character that
    has only that reading). Built once, ~0.3 s."""
    try:
        from pypinyin.constants import PINYIN_DICT
        from pypinyin.contrib.tone_convert import to_tone3
    except ImportError:
        return {}, {}
    from narrator.text import jieba_tokenizer

    freq = jieba_tokenizer().FREQ
    readings: dict[str, tuple[str, ...]] = {}
    best: dict[str, tuple[int, str]] = {}
    for code, sounds in PINYIN_DICT.items():
        ch = chr(code)
        said = tuple(dict.fromkeys(to_tone3(s, neutral_tone_with_five=True).replace("ü", "v")
                                   for s in sounds.split(",")))
        readings[ch] = said
        if len(said) == 1:
            n = freq.get(ch, 0)
            if n and n > best.get(said[0], (0, ""))[0]:
                best[said[0]] = (n, ch)
    return readings, {s: ch for s, (_, ch) in best.items()}

"""Chinese characters of several readings (多音字) a teacher should hear: which ones, and why.

    >>> [(p.word, p.reading, p.why) for p in find("我们在银行门口听音乐。这条路很长。")]
    [('银行', 'hang2', 'phrase'), ('音乐', 'yue4', 'phrase'), ('长', 'zhang3', 'alone')]

pypinyin's dictionaries decide: a character has several readings when its character entry lists
several (行: xing2, hang2, ...); a sentence is cut into its phrase entries by longest match
(pypinyin's own segmenter), and a polyphone is offered when

- its phrase gives it another reading than the character's first one, and one its phrases
  seldom have ("phrase": 银行 hang2, 音乐 yue4): context decides, the engine may not know the
  phrase; or
- no phrase covers it and its second reading is common in phrases ("alone": 长 zhang3 or chang2).

Not offered: readings that differ only by the neutral tone (东西 xi) or by the tone changes of
一 and 不 (一个 yi2), and the characters listed in :data:`SETTLED`, whose other readings are
rare or literary (的 di4, 了 liao3 alone, 着 zhao2 ...). Each word and reading is offered once per
lesson, with the first sentence that has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Offer", "Polyphone", "SETTLED", "available", "find", "offers"]

# Read the common way when no phrase says otherwise: function words, measure words and the
# like, whose other readings belong to fixed phrases (which pypinyin knows) or old texts.
SETTLED = frozenset(
    "的了着地得个一不和么们都这那只为会要说上下中大小没有过到出来去把被给对就也还与及于将"
    "些么吗呢啊吧呀哪那么子头儿谁阿喝答")

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class Polyphone:
    """One character of several readings, in its word, with the reading pypinyin gives it."""

    word: str  # the phrase entry it is read in, or the character alone
    char: str
    reading: str  # what pypinyin reads here, tone numbers ("hang2")
    common: str  # the character's most common reading
    readings: tuple[str, ...]  # all of the character's readings
    why: str  # "phrase" (the phrase's reading is another) or "alone" (no phrase covers it)


def available() -> bool:
    """Whether pypinyin is installed (it is a dependency; a trimmed install may lack it)."""
    try:
        import pypinyin  # noqa: F401
    except ImportError:
        return False
    return True


def find(text: str) -> list[Polyphone]:
    """The polyphones of ``text`` worth a teacher's ear, in order (see the module docstring)."""
    return [p for _, p in _placed(text)]


def _placed(text: str) -> list[tuple[int, Polyphone]]:
    """:func:`find`'s polyphones with the place of each one's character in ``text`` (the words
    cut from a run of Chinese cover it exactly, so the places add up)."""
    found: list[tuple[int, Polyphone]] = []
    for run in _HAN_RUN.finditer(text):
        at = run.start()
        for word in _cut(run.group()):
            found += [(at + k, p) for k, p in _in_word(word)]
            at += len(word)
    return found


def _in_word(word: str) -> list[tuple[int, Polyphone]]:
    """The polyphones of one word, each with its character's index in the word."""
    readings_of, phrases = _tables()
    out: list[tuple[int, Polyphone]] = []
    if len(word) > 1:
        said = phrases.get(word)
        if said is None:  # the segmenter's pieces are phrase entries; anything else is alone
            return [(i + k, p) for i, c in enumerate(word) for k, p in _in_word(c)]
        for i, (char, reading) in enumerate(zip(word, said)):
            readings = readings_of.get(char, ())
            if len(readings) > 1 and _differs(char, reading, readings[0]) and _minority(char, reading):
                out.append((i, Polyphone(word, char, reading, readings[0], readings, "phrase")))
        return out
    readings = readings_of.get(word, ())
    if len(readings) > 1 and word not in SETTLED and _real_choice(readings) and _ambiguous(word):
        out.append((0, Polyphone(word, word, _first(word), readings[0], readings, "alone")))
    return out


def _uses(char: str) -> dict[str, int]:
    """Phrase entries per reading of a polyphone, in tone numbers."""
    out: dict[str, int] = {}
    for (c, marked), n in _COUNTS.items():
        if c == char:
            out[_syllable(marked)] = out.get(_syllable(marked), 0) + n
    return out


def _minority(char: str, reading: str) -> bool:
    """The phrase reads the character as its phrases seldom do (银行 hang2, not 作为 wei2)."""
    uses = _uses(char)
    return uses.get(reading, 0) < max(uses.values(), default=0)


def _ambiguous(char: str) -> bool:
    """Alone, the character could well be read either way: its second reading is common."""
    counts = sorted(_uses(char).values(), reverse=True)
    return len(counts) > 1 and counts[1] >= _ALONE * counts[0]


def _first(char: str) -> str:
    """The reading pypinyin gives the character alone: its dictionary's first."""  # = readings[0]
    from pypinyin.constants import PINYIN_DICT

    return _syllable(PINYIN_DICT[ord(char)].split(",")[0])


def _differs(char: str, reading: str, common: str) -> bool:
    """Another reading, not the neutral tone or 一/不's tone change of the same syllable."""
    if reading == common:
        return False
    if reading[:-1] == common[:-1] and (reading[-1] == "5" or char in "一不"):
        return False
    return True


def _real_choice(readings: tuple[str, ...]) -> bool:
    """Readings that are more than the neutral tone of one syllable: two syllables (的 de5 di4),
    or two tones that are not the neutral one (好 hao3 hao4); not 伙 huo3 huo5."""
    return len({r[:-1] for r in readings}) > 1 or len({r for r in readings if r[-1] != "5"}) > 1


def _cut(run: str) -> list[str]:
    """Words: jieba's (好好/学习, where longest matching takes 好学), each cut again into
    pypinyin's phrase entries where it is not one."""
    from pypinyin.seg.mmseg import seg

    from narrator.text import jieba_tokenizer

    _, phrases = _tables()
    words: list[str] = []
    for word in jieba_tokenizer().cut(run, HMM=False):
        words += [word] if len(word) == 1 or phrases.get(word) is not None else list(seg.cut(word))
    return words


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(character -> readings in real use, most common first; phrase -> one reading per
    character), in tone numbers with ü as v. Built once (~0.5 s); phrases converted on demand.

    pypinyin's character entries list rare and literary readings too (他 tuo2); a reading is in
    real use when the phrase entries read the character so at least :data:`_IN_USE` times as
    often as its most common reading (or it is the character's first reading)."""
    from collections import Counter

    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    counts: Counter[tuple[str, str]] = Counter()
    for word, said in PHRASES_DICT.items():
        if len(said) == len(word):
            for char, reading in zip(word, said):
                counts[char, reading[0]] += 1
    readings: dict[str, tuple[str, ...]] = {}
    for code, sounds in PINYIN_DICT.items():
        char = chr(code)
        marked = sounds.split(",")
        if len(marked) > 1:  # the dictionary's order (its first is the most common), rare ones left out
            top = max(counts[char, m] for m in marked)
            marked = [m for i, m in enumerate(marked) if not i or counts[char, m] >= max(2, _IN_USE * top)]
        readings[char] = tuple(dict.fromkeys(_syllable(m) for m in marked))
    global _COUNTS
    _COUNTS = {k: v for k, v in counts.items() if len(readings.get(k[0], ())) > 1}
    return readings, _Phrases(PHRASES_DICT)


_IN_USE = 0.1
_ALONE = 0.25  # a character alone is offered when its second reading is this common in phrases
_COUNTS: dict[tuple[str, str], int] = {}  # (polyphone, reading as marked) -> phrase entries reading it so


class _Phrases(dict[str, tuple[str, ...]]):
    """PHRASES_DICT's readings in tone numbers, converted when first asked for."""

    def __init__(self, source: dict[str, list[list[str]]]) -> None:
        super().__init__()
        self._source = source

    def get(self, word: str, default: tuple[str, ...] | None = None) -> tuple[str, ...] | None:  # type: ignore[override]
        if word not in self:
            entry = self._source.get(word)
            if entry is None or len(entry) != len(word):
                return default
            self[word] = _tone3([r[0] for r in entry], unique=False)
        return self[word]


def _tone3(sounds: list[str], unique: bool = True) -> tuple[str, ...]:
    out = [_syllable(s) for s in sounds]
    return tuple(dict.fromkeys(out)) if unique else tuple(out)


@lru_cache(maxsize=4096)
def _syllable(marked: str) -> str:
    """"háng" -> "hang2", "lǜ" -> "lv4" (tone 5: the neutral tone)."""
    from pypinyin.contrib.tone_convert import to_tone3

    return to_tone3(marked.strip(), neutral_tone_with_five=True).replace("ü", "v")


@dataclass(frozen=True, slots=True)
class Offer:
    """A polyphone offered for review: where it is first heard, and how many sentences have it."""

    polyphone: Polyphone
    index: int  # of the first sentence with it
    sentences: int

    def why(self) -> str:
        p = self.polyphone
        more = f"; {self.sentences - 1} more sentence{'s' * (self.sentences != 2)}" if self.sentences > 1 else ""
        if p.why == "phrase":
            return (f"多音字 {p.char} in {p.word}: read {p.reading} (the phrase's reading; {p.char} is most "
                    f"often {p.common}){more}: confirm it or add a pronunciation")
        return (f"多音字 {p.char} ({', '.join(p.readings)}): read {p.reading}, no phrase decides{more}: "
                "confirm it or add a pronunciation")


def offers(sentences: list[str], known: list[str]) -> list[Offer]:
    """The polyphones of a lesson's Chinese ``sentences`` to review, each word and reading once,
    leaving out those inside a term of ``known`` (words with a pronunciation already)."""
    known = [k for k in known if k and _HAN_RUN.search(k)]
    first: dict[tuple[str, str, str], list[int]] = {}
    found: dict[tuple[str, str, str], Polyphone] = {}
    for i, text in enumerate(sentences):
        covered = _covered(text, known)
        for place, p in _placed(text):
            if place in covered:  # a term with a pronunciation says this character
                continue
            key = (p.word, p.char, p.reading)
            found.setdefault(key, p)
            seen = first.setdefault(key, [])
            if not seen or seen[-1] != i:
                seen.append(i)
    return [Offer(found[k], v[0], len(v)) for k, v in sorted(first.items(), key=lambda kv: kv[1][0])]


def _covered(text: str, terms: list[str]) -> set[int]:
    places: set[int] = set()
    for term in terms:
        start = text.find(term)
        while start >= 0:
            places.update(range(start, start + len(term)))
            start = text.find(term, start + 1)
    return places

"""Chinese typography an engine should not be given as it is written (issue 19 item 4).

:func:`speak_typography` takes the written form of a Chinese segment and returns it as it should
be said; the written text (player, captions, EPUB) is never changed. What it does, and why:

- **Pinyin and zhuyin glosses** after a character, 佾（yì）, 瓞(dié), 囹圄（líng yǔ）,
  佾（ㄧˋ）: the character is already read, the gloss would be read a second time (as letters).
  Only glosses that are plainly readings go: pinyin with a tone mark or a tone number, or zhuyin.
- **Box-drawing characters used as dashes** (──, ━━, books converted from old typesetting): a
  pause, never a symbol name; a lone ─ between two characters stands for 一 (第─章, 一─個).
- **Spaces left between characters by PDF or OCR conversion** (冰 島): a space inside a word
  (one character alone between spaces, or a word that jieba finds across the space) is taken
  out, so the word is not broken by a pause; a space between words stays.
- **Vertical-writing presentation forms** (︵ ︶ ﹁ ﹂ ︙ ︱, from vertical EPUBs) are the
  ordinary punctuation they stand for.
- **Bullet symbols** (● ■ ◆ ▶ ...) at the start of an item or after a space are not said.
"""

from __future__ import annotations

import re
import unicodedata

from narrator.text import HAN, jieba_tokenizer

__all__ = ["speak_typography"]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# one pinyin syllable: an initial, one to four vowels (toned or not), a final n, ng or r, a tone
# number; "café" or "m2" are not syllables
_SYLLABLE = f"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv{_TONED}]{{1,4}}(?:ng|n|r)?[1-5]?"
_ZHUYIN = "[\u3100-\u312f\u31a0-\u31bfˇˋˊ˙]"
_PINYIN_GLOSS = re.compile(
    f"(?<=[{HAN}])\\s?[（(]\\s*(?:{_SYLLABLE}(?:[\\s'’·-]{{1,2}}{_SYLLABLE}){{0,5}}"
    f"|{_ZHUYIN}{{1,12}}(?:\\s{_ZHUYIN}{{1,6}}){{0,5}})\\s*[)）]")
# a gloss is a reading only with a tone: a tone mark, a tone number, or zhuyin
_TONE = re.compile(f"[{_TONED}]|[aeiouüv][a-z]{{0,3}}[1-5]|{_ZHUYIN}")

_BOX_RUN = re.compile("[\u2500\u2501\u2504-\u250b\u254c-\u254f\u2574\u2576\u2578\u257a]+")
_LONE_ONE = re.compile(f"(?<=[{HAN}])\u2500(?=[{HAN}])")
_PAUSE_NEIGHBOURS = set("，。、；：！？…,.;:!? \u3000")  # punctuation that pauses already

_VERTICAL = re.compile("[\ufe10-\ufe19\ufe30-\ufe4f]")

_GAP = re.compile(f"(?<=[{HAN}])[ \u3000]+(?=[{HAN}])")
_HAN_RUN = re.compile(f"[{HAN}]+")
# numbers said in words (by normalize, or in the text) keep their spacing: "加 一零零零 零零一零"
_NUMERALS = re.compile("[零〇一二三四五六七八九十百千万亿两点负]+")

_BULLET = re.compile("(?:^|(?<=\\s))[●○■□◆◇▶►▪▫•◉◎★☆♦❖➤➢✦✧]+\\s*")


def speak_typography(text: str) -> str:
    """``text`` (a Chinese segment as written) with its typography made speakable: pinyin
    glosses dropped, box-drawing dashes as pauses (or 一), conversion spaces closed, vertical
    forms made ordinary, bullet symbols left unsaid."""
    if _VERTICAL.search(text):
        text = _VERTICAL.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if "(" in text or "（" in text:
        text = _PINYIN_GLOSS.sub(lambda m: "" if _TONE.search(m.group()) else m.group(), text)
    if _BOX_RUN.search(text):
        text = _BOX_RUN.sub(_dash, _LONE_ONE.sub("一", text)).strip()
    if _GAP.search(text):
        text = _close_gaps(text)
    if _BULLET.search(text):
        text = _BULLET.sub("", text)
    return text


def _dash(m: re.Match[str]) -> str:
    """A box-drawing dash: a comma's pause, or nothing where punctuation already gives one."""
    s, a, b = m.string, m.start(), m.end()
    before = s[a - 1] if a else ""
    after = s[b] if b < len(s) else ""
    if not before or not after or before in _PAUSE_NEIGHBOURS or after in _PAUSE_NEIGHBOURS:
        return ""
    return "，"


def _close_gaps(text: str) -> str:
    """Spaces between Chinese characters taken out where they cut a word in two."""
    out: list[str] = []
    last = 0
    for m in _GAP.finditer(text):
        if _inside_word(text, m.start(), m.end()):
            out.append(text[last:m.start()])
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def _inside_word(text: str, a: int, b: int) -> bool:
    """Is the space text[a:b] inside a word: a character alone on either side (冰 島 的), or a
    word jieba finds across it once joined?"""
    left = _HAN_RUN.search(text[:a][::-1])
    right = _HAN_RUN.match(text, b)
    if left is None or right is None:
        return False
    left_run = left.group()[::-1] if left.start() == 0 else ""
    right_run = right.group()
    # a number said in words stands apart ("第 零克" stays: normalising twice changes nothing)
    if _NUMERALS.fullmatch(left_run[-1:]) or _NUMERALS.fullmatch(right_run[:1]):
        return False
    if len(left_run) == 1 and len(right_run) == 1:  # 冰 島: two characters apart are one word
        return True
    joined = left_run + right_run
    cut = len(left_run)
    return all(end != cut for _w, _s, end in jieba_tokenizer().tokenize(joined))

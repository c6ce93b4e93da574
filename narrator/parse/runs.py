"""Inline text as the walk gathers it: pieces of text with the marks of the inline elements
around them (strong, em, classes, lang, data-emotion, data-voice), and the Runs a block is
made of once whitespace is collapsed across pieces."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from narrator.values import VOICE, Run
from narrator.parse.elements import classes_of, lang_of
from narrator.parse.maths import is_symbol_font
from narrator.text import BOPOMOFO, CJK_PUNCTUATION, FULLWIDTH, HAN, KANA, RADICALS

__all__ = ["Inline", "Piece", "inline_of", "is_cjk", "make_runs"]

MARK_TAGS = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "cite": "em", "dfn": "em",
             "u": "u", "ins": "u", "code": "code", "kbd": "code", "samp": "code", "tt": "code",
             "var": "code", "q": "q", "sub": "sub", "sup": "sup"}
# Class names a run's marks take from its ancestors: bounded, however many are nested.
_MAX_MARKS = 32

_WS = re.compile(r"[ \t\n\r\f\v\x00]+")
_CJK = re.compile(f"[{RADICALS}{CJK_PUNCTUATION}{KANA}{BOPOMOFO}{HAN}{FULLWIDTH}]")
_FONT_WEIGHT = re.compile(r"(?:^|;)font-weight:(\w+)")
_FONT_STYLE = re.compile(r"(?:^|;)font-style:(\w+)")


@dataclass(slots=True)
class Inline:
    """What the open inline elements give the text inside them."""

    marks: frozenset[str]
    lang: str | None
    emotion: str | None
    symbol: bool = False  # Word's Symbol font: "p" is π


@dataclass(slots=True)
class Piece:
    """Text with its marks, as gathered (whitespace not yet collapsed)."""

    text: str
    marks: frozenset[str]
    lang: str | None
    emotion: str | None
    math: str | None = None  # a formula: its TeX (``text`` is its rendering)


def inline_of(node: Any, name: str, style: str, parent: Inline) -> Inline:
    """The marks of inline element ``node`` (``style`` as elements.style_of gives it) added to
    those of the element around it; ``parent`` itself when it adds nothing."""
    marks = set()
    mark = MARK_TAGS.get(name)
    if mark == "strong" and name == "b":
        # Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid-...">
        ident = node.attrs.get("id") if node.attrs else None
        fw = _FONT_WEIGHT.search(style)
        if (fw and fw.group(1) in ("normal", "400")) or (
                isinstance(ident, str) and ident.startswith("docs-internal-guid")):
            mark = None
    if mark:
        marks.add(mark)
    if style:
        fw = _FONT_WEIGHT.search(style)
        if fw and fw.group(1) in ("bold", "bolder", "600", "700", "800", "900"):
            marks.add("strong")
        fs = _FONT_STYLE.search(style)
        if fs and fs.group(1) in ("italic", "oblique"):
            marks.add("em")
        if "text-decoration:underline" in style or "text-decoration-line:underline" in style:
            marks.add("u")
    room = _MAX_MARKS - len(parent.marks)  # bounded, however many classed elements are nested
    for c in classes_of(node)[:max(room, 0)]:
        marks.add("." + c)
    emotion = (node.attrs.get("data-emotion") if node.attrs else None) or parent.emotion
    lang = lang_of(node) or parent.lang
    symbol = parent.symbol or (bool(style) and is_symbol_font(style))
    base = parent.marks
    if isinstance(voice := node.attrs.get("data-voice") if node.attrs else None, str) and voice.strip():
        base = frozenset(m for m in base if not m.startswith(VOICE))  # the nearest data-voice wins
        marks.add(VOICE + voice.strip()[:40])
    if not marks and emotion == parent.emotion and lang == parent.lang and symbol == parent.symbol:
        return parent
    return Inline(base | marks if marks else parent.marks, lang, emotion, symbol)


def is_cjk(ch: str) -> bool:
    """A Chinese, Japanese or Korean character or punctuation mark."""
    return bool(_CJK.match(ch))


def make_runs(pieces: list[Piece]) -> tuple[Run, ...]:
    """Collapse whitespace across pieces and build Runs (trimmed, single spaces).

    A line break between two CJK characters vanishes: Chinese source wrapped across lines must not
    get spaces inside words; nor does one before a mark that closes what comes before it (a comma,
    a full stop, a closing bracket... followed by a space).
    """
    return runs_of(pieces, collapsed(pieces))


# punctuation that closes what comes before it: a line break in the source before it is no space
# ("<strong>Provision</strong>\n: If")
_CLOSING = frozenset(",.;:!?)]}")


def _closes(joined: str, i: int, piece: Piece) -> bool:
    """joined[i] (in ``piece``) is a mark standing alone after a word: "," or ")" followed by a space
    or the end, never code nor the start of a token ("./configure", ":=", ".ini", "::before")."""
    if joined[i] not in _CLOSING or "code" in piece.marks:
        return False
    j = i + 1
    while j < len(joined) and joined[j] == "\x00":
        j += 1
    return j == len(joined) or joined[j].isspace()


def collapsed(pieces: list[Piece]) -> list[str]:
    """Each piece's text as it stands in the block (make_runs): whitespace collapsed across
    pieces, none at either end. Their lengths say where each piece starts in the block's text."""
    joined = "\x00".join(p.text for p in pieces)
    ends = list(accumulate(len(p.text) + 1 for p in pieces))  # where each piece's separator is

    def repl(m: re.Match[str]) -> str:
        g = m.group()
        seps = g.count("\x00")
        if seps == len(g):
            return g
        start, end = m.start(), m.end()
        if start == 0 or end == len(joined):
            return "\x00" * seps
        if ("\n" in g or "\r" in g) and (is_cjk(joined[start - 1]) and is_cjk(joined[end])
                                         or _closes(joined, end, pieces[bisect_right(ends, end)])):
            return "\x00" * seps
        # the space stays on the side where the source had it, so marks do not cover edge spaces
        return " " + "\x00" * seps if g[0] != "\x00" else "\x00" * seps + " "

    return _WS.sub(repl, joined).split("\x00")


def runs_of(pieces: list[Piece], parts: list[str]) -> tuple[Run, ...]:
    """The runs of ``pieces`` whose texts are ``parts`` (collapsed): one per stretch of the same
    marks, language and emotion; a formula is a run of its own."""
    runs: list[Run] = []
    for piece, text in zip(pieces, parts):
        if not text:
            continue
        if runs and runs[-1].marks == piece.marks and runs[-1].lang == piece.lang and \
                runs[-1].emotion == piece.emotion and piece.math is None and runs[-1].math is None:
            prev = runs[-1]
            runs[-1] = Run(prev.text + text, prev.marks, prev.lang, prev.emotion)
        else:
            runs.append(Run(text, piece.marks, piece.lang, piece.emotion, piece.math))
    if not any(r.text.strip() for r in runs):
        return ()
    return tuple(runs)

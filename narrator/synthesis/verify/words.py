"""Word timings for the displayed text, from the recognizer's word timestamps.

The displayed text (``segment.text``, not its normalised or spoken form) is cut into words:
whitespace-separated words for Latin script, single characters for Chinese, punctuation staying
with the word before it. Each word is timed by the recognizer's words its normalised tokens are
aligned with; a word the recognizer did not hear is placed evenly between its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from narrator.synthesis.verify.align import align
from narrator.synthesis.verify.text import tokens
from narrator.text import HAN

Word = tuple[str, float, float]  # (text, start, end), seconds

_CJK = HAN
_UNIT = re.compile(rf"[{_CJK}][^\w\s{_CJK}]*|[^\s{_CJK}]+")


def display_words(text: str) -> list[str]:
    """The words of ``text`` as shown, in order (each a substring of ``text``); pure
    punctuation joins the word before it."""
    spans: list[list[int]] = []
    for m in _UNIT.finditer(text):
        if spans and not re.search(r"\w", m.group()):
            spans[-1][1] = m.end()
        else:
            spans.append([m.start(), m.end()])
    return [text[a:b] for a, b in spans]


def timed_words(text: str, lang: str, heard: Sequence[Word]) -> list[Word]:
    """``text``'s displayed words with times taken from ``heard``; [] if nothing lines up."""
    units = display_words(text)
    ref: list[str] = []
    owner: list[int] = []  # display word of each reference token
    for k, unit in enumerate(units):
        for t in tokens(unit, lang):
            ref.append(t)
            owner.append(k)
    hyp: list[str] = []
    source: list[int] = []  # recognizer word of each heard token
    for k, (word, _, _) in enumerate(heard):
        for t in tokens(word, lang):
            hyp.append(t)
            source.append(k)
    if not ref or not hyp:
        return []
    _, pairs = align(ref, hyp)
    spans: list[list[float] | None] = [None] * len(units)
    for i, j in pairs:
        if i is None or j is None:
            continue
        _, start, end = heard[source[j]]
        span = spans[owner[i]]
        if span is None:
            spans[owner[i]] = [start, end]
        else:
            span[0], span[1] = min(span[0], start), max(span[1], end)
    known = [k for k, s in enumerate(spans) if s is not None]
    if not known:
        return []
    _fill_gaps(spans, known)
    out: list[Word] = []
    last = 0.0
    for unit, span in zip(units, spans):
        assert span is not None
        start = max(span[0], last)
        end = max(span[1], start)
        out.append((unit, round(start, 3), round(end, 3)))
        last = start
    return out


def _fill_gaps(spans: list[list[float] | None], known: list[int]) -> None:
    """Spread unheard words evenly over the time between their heard neighbours."""
    first, last = known[0], known[-1]
    for k in range(first):
        spans[k] = [spans[first][0]] * 2  # type: ignore[index]
    for k in range(last + 1, len(spans)):
        spans[k] = [spans[last][1]] * 2  # type: ignore[index]
    for a, b in zip(known, known[1:]):
        if b - a < 2:
            continue
        t0, t1 = spans[a][1], spans[b][0]  # type: ignore[index]
        step = max(0.0, t1 - t0) / (b - a - 1)
        for n, k in enumerate(range(a + 1, b)):
            spans[k] = [t0 + n * step, t0 + (n + 1) * step]

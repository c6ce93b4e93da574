"""Line breaks (<br>) inside a block: the end of a line of a poem, an address or a list, or just
a soft wrap inside a sentence?

The walk writes each <br> as LINE (U+2028) into the block's text; :func:`split_lines` then turns
the block into one block per kept line, or joins the lines back into one text:

- a break *joins* when the sentence clearly continues: the line before ends with clause
  punctuation or none, and the next line starts with a lowercase Latin letter; or (Chinese prose
  wrapped by hand) the line before is long (``CJK_WRAP`` characters or more) without a sentence
  stop and the next line goes on in Chinese;
- a break *after a sentence stop* joins too (the sentence ends there anyway), unless the block
  has kept breaks: then it is a poem or list and every line is a line;
- an empty line (two <br>) always ends what came before;
- every other break is *kept*: the line ends a segment (short lines of classical Chinese poetry,
  "Dear Sir," before the letter, an address).

Joined lines meet at one space, or none between Chinese characters and Chinese punctuation
("实验，" and "取得" give "实验，取得").

Only paragraphs, items, quotes and captions are split; in headings, cells and code a <br> is a
space.
"""

from __future__ import annotations

import re
from dataclasses import replace

from narrator.values import Run
from narrator.text import CJK_PUNCTUATION, FULLWIDTH, HAN, HAN_CHAR

__all__ = ["LINE", "split_lines"]

LINE = "\u2028"
CJK_WRAP = 30  # a Chinese line at least this long without a stop is prose wrapped by hand

_SPLIT_KINDS = frozenset(("paragraph", "item", "quote", "caption"))
_CLOSERS = "\"'”’」』）)]】》〉»›"
_OPENERS = "\"'“‘(（[「『"
_STOPS = frozenset(".!?。！？…")
_HAN = HAN_CHAR
_CJK_EDGE = re.compile(f"[{HAN}{CJK_PUNCTUATION}{FULLWIDTH}]")  # joined to its neighbour without a space
_LOWER_LATIN = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f]")
_SPACES = re.compile(r"  +")

_JOIN, _STOP, _KEEP, _EMPTY = 0, 1, 2, 3


def split_lines(runs: tuple[Run, ...], kind: str) -> list[tuple[Run, ...]]:
    """The runs of each line group (see the module docstring); runs hold no LINE afterwards."""
    lines: list[list[Run]] = [[]]
    for r in runs:
        parts = r.text.split(LINE)
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append(replace(r, text=part))
    texts = ["".join(r.text for r in line).strip() for line in lines]
    if kind not in _SPLIT_KINDS:
        seps = [" "] * (len(lines) - 1)
        return [g for g in (_tidy(_concat(lines, seps)),) if g]
    # the decision for the break after each line (an empty line is decided by itself)
    decisions: list[int] = []
    for i in range(len(lines) - 1):
        prev, nxt = texts[i], texts[i + 1]
        if not prev or not nxt:
            decisions.append(_EMPTY)
        else:
            decisions.append(_decide(prev, nxt))
    poem = _KEEP in decisions
    groups: list[tuple[Run, ...]] = []
    current: list[list[Run]] = []
    seps = []
    for i, line in enumerate(lines):
        if texts[i]:
            current.append(line)
        if i == len(decisions):
            break
        d = decisions[i]
        if not texts[i]:
            continue
        if d == _JOIN or (d == _STOP and not poem):
            nxt = texts[i + 1]
            seps.append("" if _CJK_EDGE.match(texts[i][-1]) and _CJK_EDGE.match(nxt[0]) else " ")
        else:
            groups.append(_tidy(_concat(current, seps)))
            current, seps = [], []
    if current:
        groups.append(_tidy(_concat(current, seps)))
    return [g for g in groups if g]


def _decide(prev: str, nxt: str) -> int:
    end = prev.rstrip(_CLOSERS) or prev
    last = end[-1]
    if last in _STOPS:
        return _STOP
    if _LOWER_LATIN.match(nxt.lstrip(_OPENERS)[:1]) and not _HAN.match(last):
        return _JOIN  # "Over the past few decades,<br>there have been ..."
    if _HAN.match(nxt[0]) and len(prev) >= CJK_WRAP and last not in "；;：:":
        return _JOIN  # Chinese prose wrapped by hand
    return _KEEP


def _concat(lines: list[list[Run]], seps: list[str]) -> list[Run]:
    out: list[Run] = []
    for i, line in enumerate(lines):
        if i and line:
            # the separator replaces the spaces around the break
            if out:
                last = out[-1]
                out[-1] = replace(last, text=last.text.rstrip() + seps[i - 1])
            first = line[0]
            line = [replace(first, text=first.text.lstrip()), *line[1:]]
        out.extend(line)
    return out


def _tidy(runs: list[Run]) -> tuple[Run, ...]:
    """Trimmed at both ends, no double spaces, no empty runs, equal neighbours merged."""
    out: list[Run] = []
    for r in runs:
        text = _SPACES.sub(" ", r.text.replace(LINE, " "))
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        if out and r.math is None and out[-1].math is None and \
                (out[-1].marks, out[-1].lang, out[-1].emotion) == (r.marks, r.lang, r.emotion):
            prev = out[-1]
            out[-1] = replace(prev, text=prev.text + text)
        else:
            out.append(replace(r, text=text))
    while out and not out[0].text.lstrip():
        out.pop(0)
    while out and not out[-1].text.rstrip():
        out.pop()
    if not out:
        return ()
    first = out[0]
    out[0] = replace(first, text=first.text.lstrip())
    last = out[-1]
    out[-1] = replace(last, text=last.text.rstrip())
    if not any(r.text.strip() for r in out):
        return ()
    return tuple(out)

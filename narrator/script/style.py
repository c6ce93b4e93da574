"""The style sheet: which emotion preset a sentence gets from the document's own markup.

Precedence for one sentence (first that applies wins):

1. an explicit ``data-emotion`` on the block or an ancestor (``Block.emotion``);
2. an explicit ``data-emotion`` on inline elements covering most of the sentence (``Run.emotion``);
3. a configured ``.class`` rule: on runs covering most of the sentence, else on the block context;
4. emphasis with a rule (strong, b, em, i, u, q...) covering most of the sentence, where it marks
   emphasis in prose. Not in headings (``<h2><strong>Title</strong></h2>`` is how editors style
   titles), table rows, captions, notes and references (an italic journal title is a citation's
   look), nor on short labels (a bold label, UI term, byline, poem title or list lead-in of a
   few words, or one ending in a colon); and not when the mark is the text's look rather than
   emphasis: a passage of several sentences wholly in it, or a mark covering a quarter or more
   of the whole document (a memorial printed in bold, a newsletter in italics);
5. the block kind: heading level -> ``h<level>``, quote -> ``blockquote``, caption ->
   ``figcaption``, then any enclosing element named in the rules (``aside``, ``th``...);
6. ``config.style.default``.

"Most" is ``config.text.emphasis_threshold`` of the sentence's non-space characters. An explicit
emotion name that is neither a preset nor a known alias ("joyful" -> "excited") becomes the
default and is reported in ``StyleSheet.warnings`` (the dry run and the run print it): the author
asked for something specific we cannot honour.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Mapping

from narrator.config import Config
from narrator.values import NOTE, Block
from narrator.text import HAN_CHAR

# Common names authors write in data-emotion, mapped onto the built-in presets.
_ALIASES: Mapping[str, str] = {
    "happy": "excited", "joy": "excited", "joyful": "excited", "cheerful": "excited",
    "enthusiastic": "excited", "excitement": "excited",
    "friendly": "warm", "kind": "warm", "tender": "warm", "gentle": "warm",
    "relaxed": "calm", "soothing": "calm", "quiet": "calm",
    "grave": "serious", "formal": "serious", "stern": "serious",
    "sadness": "sad", "sorrow": "sad", "melancholy": "sad", "unhappy": "sad",
    "anger": "angry", "mad": "angry", "furious": "angry",
    "surprise": "surprised", "amazed": "surprised", "astonished": "surprised",
    "fear": "afraid", "scared": "afraid", "fearful": "afraid", "frightened": "afraid",
    "normal": "neutral", "none": "neutral", "plain": "neutral",
}

_KIND_RULE: Mapping[str, str] = {"quote": "blockquote", "caption": "figcaption"}
# blocks whose emphasis is never a feeling: table rows, captions, and (by class or tag) references
_PLAIN_KINDS = frozenset(("cell", "caption"))
_REFERENCE = re.compile(r"referenc|bibliograph|citation|\.csl-|\.cite|byline|\.author|credit", re.IGNORECASE)
_DOCUMENT_LOOK = 0.25  # a mark on this share of a document's text is its look, not emphasis
_LOOK_MIN_TEXT = 1000  # characters (without spaces) a document needs before a mark can be its look
_BLOCK_LOOK = 0.9  # ... and on this share of a block of several sentences


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of one sentence (non-space characters) each inline property covers."""

    total: int = 0
    marks: Mapping[str, int] = field(default_factory=dict)  # mark (tag or ".class") -> chars
    emotions: Mapping[str, int] = field(default_factory=dict)  # Run.emotion -> chars


_LABEL_WORDS = 6
_LABEL_CJK = 20  # a Chinese title line of up to 20 characters without a full stop


def is_label(text: str) -> bool:
    """A short label rather than a sentence: a few words (or CJK characters) without a sentence's
    final punctuation, or anything ending in a colon."""
    t = text.strip()
    if not t:
        return False
    if t.endswith((":", "：")):
        return True
    if t.endswith(("!", "！", ".", "。", "?", "？", "…")):
        return False  # a sentence, however short ("Stop!" is excited on purpose)
    cjk = len(HAN_CHAR.findall(t))
    if cjk:
        return cjk <= _LABEL_CJK
    words = t.split()
    if len(words) <= _LABEL_WORDS:
        return True
    # a title in Title Case ("Perspectives From Former and Current Students") is a label too
    capital = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return len(words) <= 2 * _LABEL_WORDS and capital >= 0.7 * len(words)


def is_run_in_heading(text: str, block: str) -> bool:
    """A short sentence opening a longer paragraph as its heading ("Place of Business. The ...")."""
    t = text.strip()
    return len(t) < len(block.strip()) and block.lstrip().startswith(t) and (
        len(HAN_CHAR.findall(t)) <= _LABEL_CJK if HAN_CHAR.search(t) else len(t.split()) <= _LABEL_WORDS)


class StyleSheet:
    """``config.style`` compiled for fast lookups; one per plan."""

    def __init__(self, config: Config) -> None:
        self.rules: Mapping[str, str] = dict(config.style.rules)
        self.default = config.style.default
        self.threshold = config.text.emphasis_threshold
        self.known = frozenset(config.emotion_names)
        # Rule order (narrate.toml order after the defaults) breaks ties deterministically.
        self._order = {k: i for i, k in enumerate(self.rules)}
        self.warnings: list[str] = []  # one per unknown explicit emotion name
        self._unknown: set[str] = set()
        self.looks: frozenset[str] = frozenset()  # marks that are the document's look (see looks())
        self._block_looks: tuple[int, frozenset[str]] = (-1, frozenset())  # (id(block), marks)

    @staticmethod
    def looks_of(blocks: Iterable[Block]) -> frozenset[str]:
        """Marks covering a quarter or more of the text of ``blocks`` (a whole document)."""
        counts: dict[str, int] = {}
        total = 0
        for block in blocks:
            for run in block.runs:
                n = len(run.text) - run.text.count(" ")
                total += n
                for mark in run.marks:
                    counts[mark] = counts.get(mark, 0) + n
        if total < _LOOK_MIN_TEXT:  # a short lesson's one bold sentence is emphasis, not a look
            return frozenset()
        return frozenset(m for m, n in counts.items() if n >= _DOCUMENT_LOOK * total)

    def explicit(self, name: str | None) -> str | None:
        """An author's emotion name as a preset: known name, alias, or the default; None if unset."""
        if name is None or not name.strip():
            return None
        key = name.strip().lower()
        if key in self.known:
            return key
        alias = _ALIASES.get(key)
        if alias in self.known:
            return alias
        if key not in self._unknown:
            self._unknown.add(key)
            self.warnings.append(f"unknown emotion '{name.strip()}' in data-emotion: read as "
                                 f"'{self.default}' (known: {', '.join(sorted(self.known))})")
        return self.default

    def heading(self, level: int) -> str:
        """The emotion of a heading of ``level`` (used for narrated chapter titles too)."""
        return self.rules.get(f"h{max(1, min(6, level or 1))}", self.default)

    def emotion(self, block: Block, cover: Coverage, text: str = "") -> str:
        """The emotion of one sentence (``text``) of ``block`` whose inline makeup is ``cover``."""
        label = is_label(text) or is_run_in_heading(text, block.text)
        explicit = self.explicit(block.emotion)
        if explicit is not None:
            return explicit
        need = self.threshold * cover.total
        if cover.total:
            emo = self._dominant(cover.emotions, need)
            if emo is not None:
                return self.explicit(emo) or self.default
            cls = self._dominant({m: n for m, n in cover.marks.items()
                                  if m.startswith(".") and m in self.rules}, need)
            if cls is not None:
                return self.rules[cls]
        cls = self._first(k for k in block.context if k.startswith("."))
        if cls is not None:
            return self.rules[cls]
        if cover.total and self._emphasis_may_count(block, cover, label):
            look = self.looks | self._block_look(block, cover)
            mark = self._dominant({m: n for m, n in cover.marks.items()
                                   if not m.startswith(".") and m in self.rules and m not in look}, need)
            if mark is not None:
                return self.rules[mark]
        if block.kind == "heading":
            return self.heading(block.level)
        kind_rule = _KIND_RULE.get(block.kind)
        if kind_rule is not None and kind_rule in self.rules:
            return self.rules[kind_rule]
        ctx = self._first(k for k in block.context if not k.startswith("."))
        if ctx is not None:
            return self.rules[ctx]
        return self.default

    @staticmethod
    def _emphasis_may_count(block: Block, cover: Coverage, label: bool) -> bool:
        """Can emphasis in this block mean a feeling? Not in headings (editors bold whole
        headings as a look), table rows, captions, notes, references, nor on a bold label."""
        if block.kind == "heading" or block.kind in _PLAIN_KINDS or NOTE in block.context:
            return False
        if label and "strong" in cover.marks:
            return False
        return not any(k == "cite" or _REFERENCE.search(k) for k in block.context)

    def _block_look(self, block: Block, cover: Coverage) -> frozenset[str]:
        """Marks covering nearly all of a block that has more sentences than this one."""
        if self._block_looks[0] == id(block):
            return self._block_looks[1]
        total = sum(len(r.text) - r.text.count(" ") for r in block.runs)
        marks: frozenset[str] = frozenset()
        if total > cover.total * 1.2:  # several sentences
            counts: dict[str, int] = {}
            for run in block.runs:
                for mark in run.marks:
                    counts[mark] = counts.get(mark, 0) + len(run.text) - run.text.count(" ")
            marks = frozenset(m for m, n in counts.items() if n >= _BLOCK_LOOK * total)
        self._block_looks = (id(block), marks)
        return marks

    def _dominant(self, counts: Mapping[str, int], need: float) -> str | None:
        """The key with the largest count if it reaches ``need`` (ties: earlier rule first)."""
        best = None
        for k, n in counts.items():
            if n >= need and n > 0:
                if best is None or n > counts[best] or (
                        n == counts[best] and self._order.get(k, 1 << 30) < self._order.get(best, 1 << 30)):
                    best = k
        return best

    def _first(self, keys) -> str | None:  # type: ignore[no-untyped-def]
        """Of ``keys``, the one with a rule that comes first in the rules."""
        found = [k for k in keys if k in self.rules]
        return min(found, key=lambda k: self._order[k]) if found else None

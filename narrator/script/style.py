"""The style sheet: which emotion preset a sentence gets from the document's own markup.

Precedence for one sentence (first that applies wins):

1. an explicit ``data-emotion`` on the block or an ancestor (``Block.emotion``);
2. an explicit ``data-emotion`` on inline elements covering most of the sentence (``Run.emotion``);
3. a configured ``.class`` rule: on runs covering most of the sentence, else on the block context;
4. emphasis with a rule (strong, b, em, i, u, q...) covering most of the sentence, except in
   headings (``<h2><strong>Title</strong></h2>`` is how editors style titles, not emphasis) and
   on short labels: a bold label, UI term, byline, poem title or list lead-in of a few words
   (or one ending in a colon) is emphasis for the eye, not excitement;
5. the block kind: heading level -> ``h<level>``, quote -> ``blockquote``, caption ->
   ``figcaption``, then any enclosing element named in the rules (``aside``, ``th``...);
6. ``config.style.default``.

"Most" is ``config.text.emphasis_threshold`` of the sentence's non-space characters. An explicit
emotion name that is neither a preset nor a known alias ("joyful" -> "excited") becomes the
default and is reported in ``StyleSheet.warnings`` (the dry run and the run print it): the author
asked for something specific we cannot honour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from narrator.config import Config
from narrator.values import Block
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


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of one sentence (non-space characters) each inline property covers."""

    total: int = 0
    marks: Mapping[str, int] = field(default_factory=dict)  # mark (tag or ".class") -> chars
    emotions: Mapping[str, int] = field(default_factory=dict)  # Run.emotion -> chars


_LABEL_WORDS = 6
_LABEL_CJK = 12


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
    return cjk <= _LABEL_CJK if cjk else len(t.split()) <= _LABEL_WORDS


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
        label = is_label(text)
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
        if cover.total and block.kind != "heading" and not (label and "strong" in cover.marks):
            # Editors bold whole headings as a look, not as emphasis: a heading keeps its rule.
            mark = self._dominant({m: n for m, n in cover.marks.items()
                                   if not m.startswith(".") and m in self.rules}, need)
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

"""The style sheet: which emotion preset a sentence gets from the document's own markup.

Precedence for one sentence (first that applies wins):

1. an explicit ``data-emotion`` on the block or an ancestor (``Block.emotion``);
2. an explicit ``data-emotion`` on inline elements covering most of the sentence (``Run.emotion``);
3. a configured ``.class`` rule: on runs covering most of the sentence, else on the block context;
4. emphasis with a rule (strong, b, em, i, u, q...) covering most of the sentence, except in
   headings (``<h2><strong>Title</strong></h2>`` is how editors style titles, not emphasis);
5. the block kind: heading level -> ``h<level>``, quote -> ``blockquote``, caption ->
   ``figcaption``, then any enclosing element named in the rules (``aside``, ``th``...);
6. ``config.style.default``.

"Most" is ``config.text.emphasis_threshold`` of the sentence's non-space characters. An explicit
emotion name that is neither a preset nor a known alias ("joyful" -> "excited") becomes the
default: the author asked for something specific we cannot honour, so we stay neutral rather
than guess from the markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from narrator.config import Config
from narrator.values import Block

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


class StyleSheet:
    """``config.style`` compiled for fast lookups; one per plan."""

    def __init__(self, config: Config) -> None:
        self.rules: Mapping[str, str] = dict(config.style.rules)
        self.default = config.style.default
        self.threshold = config.text.emphasis_threshold
        self.known = frozenset(config.emotion_names)
        # Rule order (narrate.toml order after the defaults) breaks ties deterministically.
        self._order = {k: i for i, k in enumerate(self.rules)}

    def explicit(self, name: str | None) -> str | None:
        """An author's emotion name as a preset: known name, alias, or the default; None if unset."""
        if name is None or not name.strip():
            return None
        key = name.strip().lower()
        if key in self.known:
            return key
        alias = _ALIASES.get(key)
        return alias if alias in self.known else self.default

    def heading(self, level: int) -> str:
        """The emotion of a heading of ``level`` (used for narrated chapter titles too)."""
        return self.rules.get(f"h{max(1, min(6, level or 1))}", self.default)

    def emotion(self, block: Block, cover: Coverage) -> str:
        """The emotion of one sentence of ``block`` whose inline makeup is ``cover``."""
        explicit = self.explicit(block.emotion)
        if explicit is not None:
            return explicit
        if cover.total:
            need = self.threshold * cover.total
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
        if cover.total and block.kind != "heading":
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

"""The main content of a web page: where the article is, and which short lines are page metadata.

Used only for web pages (parse_html's page mode: the document has script, nav, form, iframe...);
editor fragments and exports are never cut.

The content root is chosen readability-style, by paragraph text density, never by site-specific
ids: every paragraph-like element (p, pre, td, li, dd, blockquote, or a div without block
children) with at least 25 characters scores ``1 + commas + min(chars // 100, 3)``, scaled down by
its link density; the score goes to its parent, half to its grandparent, a sixth to the next
ancestor. The best-scoring element (again scaled by its link density) is the top candidate. To
never cut an article into pieces, the root then climbs to the first ancestor that holds at least
``SHARE`` of all paragraph scores on the page; if only <body> does, nothing is cut. The page's
title heading (the h1 before the root, preferring one whose text is in <title>) is kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from narrator.values import Block
from narrator.parse.tree import Work, descendants

__all__ = ["MainContent", "find_main_content", "is_metadata_line"]

SHARE = 0.6  # the root must hold this share of the page's paragraph scores
MIN_SCORE = 12.0  # below this the page has too little prose to judge: nothing is cut
_MIN_PARA = 25  # characters for an element to count as a paragraph
_PARA_TAGS = frozenset(("p", "pre", "td", "li", "dd", "blockquote"))
_CONTAINERS = frozenset(("div", "section", "article", "main", "font", "span", "center", "td", "th"))
_TITLE_TAGS = frozenset(("h1", "h2", "h3"))
_COMMAS = re.compile(r"[,，、。;；]")


class MainContent:
    """What to leave out of the walk: whole elements (``skip``) and loose text (``mute``)."""

    __slots__ = ("root", "title", "skip", "mute")

    def __init__(self, root: Any, title: Any, skip: frozenset[int], mute: frozenset[int]) -> None:
        self.root, self.title, self.skip, self.mute = root, title, skip, mute

    def keeping(self, body: Any, extra: list[Any]) -> MainContent:
        """The same content with ``extra`` elements outside it read too (a second opinion kept
        them): only the branches off the paths to them stay skipped."""
        keep = [k for k in (self.title, self.root) if k is not None] + extra
        skip, mute = _outside(body, keep)
        return MainContent(self.root, self.title, skip, mute)


def find_main_content(body: Any, stats: dict[int, tuple[int, int, int]],
                      is_dropped: Callable[[Any, str], bool], page_title: str,
                      block_tags: frozenset[str], work: Work | None = None) -> MainContent | None:
    """The article inside ``body``, or None when the whole page should be read.

    ``stats`` is html.link_stats(body); ``is_dropped(tag, name)`` says whether the walk would
    leave an element out anyway (skipped tags, chrome, hidden): paragraphs in there do not count.
    ``work`` counts the elements visited (its tick may stop the parse).
    """
    import bs4

    Tag = bs4.Tag
    step = (work or Work()).step
    # 1. bottom-up: which elements have block-level descendants
    order = [t for t in descendants(body) if isinstance(t, Tag)]
    blocky: set[int] = set()
    for tag in reversed(order):
        step()
        if tag.name in block_tags or id(tag) in blocky:
            parent = tag.parent
            if parent is not None:
                blocky.add(id(parent))
    # 2. top-down, leaving out what the walk drops: paragraphs and headings in reading order
    paragraphs: list[Any] = []
    headings: list[tuple[int, Any]] = []
    visited: list[Any] = []
    stack = [c for c in reversed(body.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        step()
        name = tag.name.lower()
        if is_dropped(tag, name):
            continue
        visited.append(tag)
        if name in _TITLE_TAGS:
            headings.append((len(visited), tag))
            continue
        if id(tag) not in blocky and (name in _PARA_TAGS or name in _CONTAINERS):
            paragraphs.append(tag)
            continue
        stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    # 3. paragraph scores, propagated to three ancestor levels
    own: dict[int, float] = {}
    scores: dict[int, float] = {}
    nodes: dict[int, Any] = {}
    for p in paragraphs:
        text_len, link_len, _links = stats.get(id(p), (0, 0, 0))
        if text_len < _MIN_PARA:
            continue
        s = (1 + len(_COMMAS.findall(p.get_text())) + min(text_len // 100, 3)) * (1 - link_len / text_len)
        if s <= 0:
            continue
        own[id(p)] = s
        anc = p.parent
        for divider in (1, 2, 6):
            if anc is None or anc is body or not isinstance(anc, Tag):
                break
            scores[id(anc)] = scores.get(id(anc), 0.0) + s / divider
            nodes[id(anc)] = anc
            anc = anc.parent
    total = sum(own.values())
    if not scores or total <= 0:
        return None
    best_id, best = None, 0.0
    for key, score in scores.items():
        text_len, link_len, _ = stats.get(key, (0, 0, 0))
        final = score * (1 - link_len / text_len) if text_len else 0.0
        if final > best:
            best_id, best = key, final
    if best_id is None or best < MIN_SCORE:
        return None
    # 4. paragraph score held by each subtree; climb until the root holds SHARE of the page
    held: dict[int, float] = {}
    for tag in reversed(visited):
        h = own.get(id(tag), 0.0) + held.get(id(tag), 0.0)
        if h:
            held[id(tag)] = h
            parent = tag.parent
            if parent is not None and parent is not body:
                held[id(parent)] = held.get(id(parent), 0.0) + h
    root = nodes[best_id]
    while held.get(id(root), 0.0) < SHARE * total:
        root = root.parent
        if root is None or root is body or not isinstance(root, Tag) or root.name in ("html", "body"):
            return None
    para_pos = [i for i, t in enumerate(visited, 1) if id(t) in own]
    title = _title_heading(root, headings, visited, para_pos, page_title, stats)
    keep = [root] if title is None else [title, root]
    skip, mute = _outside(body, keep)
    return MainContent(root, title, skip, mute)


def _title_heading(root: Any, headings: list[tuple[int, Any]], visited: list[Any], para_pos: list[int],
                   page_title: str, stats: dict[int, tuple[int, int, int]]) -> Any:
    """The page's title heading before ``root``: one whose text is in <title>, else the last
    heading with no paragraph between it and the root, else the last h1 (None if the root has
    its own h1)."""
    if root.find("h1") is not None:
        return None
    root_pos = next((i for i, t in enumerate(visited, 1) if t is root), 0)
    before = []
    for pos, h in headings:
        if pos >= root_pos:
            break
        text = " ".join(h.get_text().split())
        text_len, link_len, _ = stats.get(id(h), (0, 0, 0))
        if len(text) >= 2 and (not text_len or link_len < 0.5 * text_len):
            before.append((pos, h, text))
    if not before:
        return None
    in_title = [(h, t) for _p, h, t in before if page_title and t in page_title]
    if in_title:
        return max(in_title, key=lambda ht: len(ht[1]))[0]
    pos, last, _t = before[-1]
    i = bisect.bisect_right(para_pos, pos)
    if i >= len(para_pos) or para_pos[i] >= root_pos:
        return last  # nothing but chrome between the heading and the article
    h1 = [h for _p, h, _t in before if h.name == "h1"]
    return h1[-1] if h1 else None


def _outside(body: Any, keep: list[Any]) -> tuple[frozenset[int], frozenset[int]]:
    """Ids of the elements to skip (every branch off the paths to ``keep``) and of the elements
    whose own loose text is muted (the ancestors of ``keep``)."""
    import bs4

    Tag = bs4.Tag
    keep_ids = {id(k) for k in keep}
    open_: dict[int, Any] = {id(body): body}
    for k in keep:
        anc = k.parent
        while anc is not None and id(anc) not in open_:
            open_[id(anc)] = anc
            anc = anc.parent
    skip: set[int] = set()
    for node in open_.values():
        for c in node.contents:
            if isinstance(c, Tag) and id(c) not in open_ and id(c) not in keep_ids:
                skip.add(id(c))
    return frozenset(skip), frozenset(open_)


# -- page metadata lines --------------------------------------------------------------------------

_MAX_META = 80
_META = re.compile(
    r"来\s*源\s*[:：]|发布(?:时间|日期)\s*[:：]|更新(?:时间|日期)\s*[:：]|浏览(?:次数|量)?\s*[:：]"
    r"|点击(?:数|量|次数|率)\s*[:：]|阅读(?:数|量|次数)\s*[:：]|责\s*编\s*[:：]|责任编辑\s*[:：]|编辑\s*[:：]"
    r"|^[\s(（\[]*(?:source|published|updated|last updated|views|editor|posted)\s*[:：]"
    r"|\b\d[\d,.]*k?\s+views\b",
    re.IGNORECASE)
# "Posted on 3 May", "Published by ...": metadata unless the line is a sentence of its own
_META_EN = re.compile(r"^[\s(（\[]*(?:posted|published|updated|edited|written)\s+(?:on|by|at|in)\b"
                      r"(?!.*[.!?]$)", re.IGNORECASE)
_DATE_ONLY = re.compile(
    r"^[\s(（\[]*(?:\d{4}\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2}\s*日?)"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[\s)）\]|]*$")


def is_metadata_line(block: Block) -> bool:
    """A short page metadata line: "来源：…", "发布时间: …", "(责编：…)", "Posted on …", a bare date."""
    if block.kind not in ("paragraph", "cell", "caption", "heading"):
        return False
    text = block.text.strip()
    if not text or len(text) > _MAX_META:
        return False
    return bool(_META.search(text) or _META_EN.match(text) or _DATE_ONLY.match(text))

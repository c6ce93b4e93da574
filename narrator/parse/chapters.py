"""Chapter boundaries: headings, page breaks and numbered titles in bold paragraphs.

Rules, in order:
- Page breaks (when ParseConfig.page_breaks and the document has any) split chapters; headings
  then stay inside the chapters and the first one names its chapter.
- Otherwise headings at the chapter level split chapters. Level 0 = auto: the highest level that
  occurs at least twice with text (so a single h1 on top is the document title and the next level
  forms chapters). Deeper headings stay as heading blocks inside the chapter.
- A paragraph whose whole text is bold and looks like a numbered title ("第一章 总则", "Chapter 3",
  "Part II", a lone Roman numeral) becomes a heading that starts a chapter.
- The document's title heading (the first heading, when it is of class "title": Word's Title
  style, Pandoc's title block) never starts a chapter.
- Text before the first chapter becomes an introduction chapter, unless it is only headings and
  a subtitle (class "subtitle"): such a title on top is kept at the head of chapter 1 instead.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from narrator.config import ParseConfig
from narrator.values import Block, Chapter, Skipped
from narrator.parse.html import PAGEBREAK

_CN_NUM = "0-9０-９一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾"
_NUMBERED = re.compile(
    rf"^(第\s*[{_CN_NUM}]+\s*[章节回卷篇部编集讲课]"
    r"|(?:chapter|part|book|section|lesson|unit)\s+(?:\d+|[ivxlcdm]+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|first|second|third)\b)",
    re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLCDM]+\.?$")
_MAX_TITLE = 60
_TITLE, _SUBTITLE = ".title", ".subtitle"  # classes of a document's title block (formats.py)


def is_numbered_title(text: str) -> bool:
    """True for "第一章 总则", "第3节", "Chapter 3 ...", "Part II", "IV" (short texts only)."""
    t = text.strip()
    if not t or len(t) > _MAX_TITLE:
        return False
    if _ROMAN.match(t):
        return t.rstrip(".").isupper()  # "I", "IV": never a lowercase word like "mix"
    return bool(_NUMBERED.match(t))


def _all_bold(block: Block) -> bool:
    runs = [r for r in block.runs if r.text.strip()]
    return bool(runs) and all("strong" in r.marks for r in runs)


def _is_pagebreak(block: Block) -> bool:
    return block.kind == "break" and PAGEBREAK in block.context


def chapter_level(blocks: Sequence[Block], configured: int) -> int:
    """The heading level that starts chapters (0 when no level qualifies)."""
    if configured:
        return configured
    counts = Counter(b.level for b in blocks if b.kind == "heading" and b.text.strip())
    for level in sorted(counts):
        if counts[level] >= 2:
            return level
    return 0


def split_chapters(blocks: Sequence[Block], *, title: str, lang: str,
                   config: ParseConfig, skipped: list[Skipped] | None = None) -> tuple[Chapter, ...]:
    """Group blocks into chapters numbered 1..N, each with a non-empty title and something to
    read under it. A title with nothing under it (its section was all furniture) never stands
    alone: over deeper chapters it heads the next one, else it is left out and reported in
    ``skipped``."""
    zh = lang == "zh"
    blocks = list(blocks)
    if config.numbered_titles:
        level_hint = chapter_level(blocks, config.chapter_level) or 1
        blocks = [_promote(b, level_hint) for b in blocks]
    use_breaks = config.page_breaks and any(_is_pagebreak(b) for b in blocks)
    level = chapter_level(blocks, config.chapter_level)
    first = next((b for b in blocks if b.kind == "heading" and b.text.strip()), None)
    title_heading = first if first is not None and _TITLE in first.context else None

    groups: list[tuple[str, Block | None, list[Block]]] = []  # (how it started, its heading, blocks)
    current: list[Block] = []
    # with page breaks, the text before the first break is a page like the others
    started: tuple[str, Block | None] = ("break" if use_breaks else "intro", None)
    seen_level = False  # a higher heading before the first chapter heading is the title, not a chapter
    heading_chapters = level and not use_breaks
    for b in blocks:
        if _is_pagebreak(b):
            if use_breaks:
                groups.append((*started, current))
                current, started = [], ("break", None)
            elif not current or current[-1].kind != "break":
                current.append(Block("break", (), source=b.source))
            continue
        if b.kind == "heading" and b is not title_heading and ("numbered" in b.context or (
                heading_chapters and (b.level == level or (b.level < level and seen_level)))):
            seen_level = seen_level or b.level == level or "numbered" in b.context
            groups.append((*started, current))
            current, started = [], ("heading", b)
        current.append(b)
    groups.append((*started, current))

    # A title-only head (just headings and a subtitle) joins the first real chapter instead of
    # standing alone.
    if len(groups) > 1 and groups[0][0] == "intro" and all(
            b.kind in ("heading", "break") or _SUBTITLE in b.context for b in groups[0][2]):
        head = [b for b in groups[0][2] if b.kind != "break"]
        groups = [(groups[1][0], groups[1][1], head + groups[1][2])] + groups[2:]

    chapters: list[Chapter] = []
    carried: list[Block] = []  # a title over the chapters that follow it ("Part II")
    for k, (how, heading, group) in enumerate(groups):
        group = carried + _trim_breaks(group)
        carried = []
        if not any(b.text.strip() for b in group):
            continue
        if not any(b.kind != "heading" and _speaks(b.text) for b in group):
            after = groups[k + 1][1] if k + 1 < len(groups) else None
            if k + 1 < len(groups) and (how != "heading" or heading is None or after is None
                                        or heading.level < after.level):
                carried = group
            elif skipped is not None:
                skipped.append(Skipped((heading or group[0]).source or "heading", "empty chapter",
                                       "a title with nothing under it to read (its section held only "
                                       "furniture)", sum(len(b.text.strip()) for b in group)))
            continue
        n = len(chapters) + 1
        fallback = f"第{n}部分" if zh else f"Part {n}"
        if how == "heading" and heading is not None:
            name = heading.text
        elif how == "break":
            name = next((b.text for b in group if b.kind == "heading" and b.text.strip()), fallback)
        else:
            # the document title, unless it is just the next chapter's heading repeated
            next_heading = groups[1][1] if len(groups) > 1 else None
            name = title.strip()
            if not name or (next_heading is not None and _clean_title(next_heading.text) == _clean_title(name)):
                name = "引言" if zh else "Introduction"
        chapters.append(Chapter(n, _clean_title(name) or fallback,
                                tuple(_strip_markers(b) for b in group)))
    return tuple(chapters)


def _speaks(text: str) -> bool:
    """``text`` has a letter or digit: punctuation and spaces alone are not read."""
    return any(ch.isalnum() for ch in text)


def _promote(b: Block, level: int) -> Block:
    """A bold paragraph that is a numbered title becomes a heading that starts a chapter."""
    text = b.text
    if b.kind == "heading" and is_numbered_title(text):
        return dataclasses.replace(b, context=b.context | {"numbered"})
    if b.kind == "paragraph" and _all_bold(b) and is_numbered_title(text):
        return dataclasses.replace(b, kind="heading", level=level, context=b.context | {"numbered"})
    return b


def _strip_markers(b: Block) -> Block:
    if "numbered" not in b.context:
        return b
    return dataclasses.replace(b, context=b.context - {"numbered"})


def _trim_breaks(group: list[Block]) -> list[Block]:
    start, end = 0, len(group)
    while start < end and group[start].kind == "break":
        start += 1
    while end > start and group[end - 1].kind == "break":
        end -= 1
    return group[start:end]


_SPACES = re.compile(r"\s+")


def _clean_title(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


__all__ = ["chapter_level", "is_numbered_title", "split_chapters"]

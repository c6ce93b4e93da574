"""The lesson as a reader sees it: a chapter's blocks as HTML, every sentence a span.

Used by the player page and the EPUB. Headings keep their levels (one below the page's own
title), items form nested lists with their numbers, quotes and callouts are boxes, figures show
their images and captions, table rows are table rows, and inline marks (strong, em...) stay.
Each sentence is ``<span class="seg" id=...>`` inside that structure, so it can be clicked and
highlighted; a sentence that crosses table cells gets one span per cell (the first has the id).
The output is well-formed XHTML as well as HTML (tags closed, attributes quoted).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape

from narrator.values import Block, ScriptChapter, Segment

_MARK_TAGS = {"strong": "strong", "em": "em", "u": "u", "code": "code", "q": "q", "sub": "sub",
              "sup": "sup"}
_MARK_ORDER = ("strong", "em", "u", "code", "q", "sub", "sup")
# class names that make a box a callout (admonitions of the common editors and site generators)
_CALLOUT = re.compile(r"^\.(?:.*-)?(?:callout|note|tip|hint|info|warning|caution|important|alert"
                      r"|admonition|notice|danger)(?:-.*)?$", re.IGNORECASE)

# the source of a block that is an <li>'s own text: it starts an item, never continues one
_OWN_ITEM = re.compile(r"(?:^|> )li:nth-of-type\(\d+\)$")

SegmentAttrs = Callable[[Segment], str]
PageMarker = Callable[[Block, str], str]
"""The markup of a print page marker (block, page label) placed where its page starts ("": none)."""


def _callout(block: Block) -> bool:
    return "aside" in block.context or any(_CALLOUT.match(c) for c in block.context)


def _container(block: Block) -> str:
    """Which box a block goes into: "list", "quote", "callout", "table", "figure" or ""."""
    if block.kind == "item":
        return "list"
    if block.kind == "cell" and "table" in block.context:
        return "table"
    if _callout(block):
        return "callout"
    if block.kind == "quote" or "blockquote" in block.context:
        return "quote"
    if block.images or "figure" in block.context:
        return "figure"
    return ""


class ChapterLayout:
    """Renders one chapter; ``images`` maps an input src to the path to show (None: leave out)."""

    def __init__(self, chapter: ScriptChapter, *, images: Mapping[str, str | None],
                 seg_attrs: SegmentAttrs = lambda s: "", page_marker: PageMarker | None = None) -> None:
        self.chapter = chapter
        self.images = images
        self.seg_attrs = seg_attrs
        self.page_marker = page_marker
        self.shown: set[str] = set()  # sentences whose first piece (with the id) is out
        self.by_block: dict[int, list[Segment]] = {}
        for seg in chapter.segments:
            self.by_block.setdefault(seg.block, []).append(seg)

    def html(self) -> str:
        out: list[str] = []
        for seg in self.by_block.get(-1, ()):  # a title the planner added
            out.append(f'<h2 class="chapter-title">{self._segment_html(seg, seg.text)}</h2>')
        blocks = self.chapter.blocks
        i = 0
        while i < len(blocks):
            kind = _container(blocks[i])
            j = i + 1
            while j < len(blocks) and kind and _container(blocks[j]) == kind and \
                    not (kind == "figure" and blocks[j].images):
                j += 1
            out.append(self._group(kind, list(range(i, j))))
            i = j
        return "\n".join(p for p in out if p)

    # -- containers ----------------------------------------------------------------------

    def _group(self, kind: str, numbers: list[int]) -> str:
        if kind == "list":
            return self._list(numbers)
        if kind == "table":
            return self._table(numbers)
        inner = "\n".join(self._block(n) for n in numbers)
        if kind == "quote":
            return f"<blockquote>\n{inner}\n</blockquote>"
        if kind == "callout":
            return f'<aside class="callout">\n{inner}\n</aside>'
        if kind == "figure":
            return f"<figure>\n{inner}\n</figure>"
        return inner

    def _list(self, numbers: list[int]) -> str:
        out: list[str] = []
        stack: list[tuple[int, bool]] = []  # open lists (depth, ordered), each with an open <li>
        last_item = None
        for n in numbers:
            b = self.chapter.blocks[n]
            depth, ordered = max(1, b.level), b.ordered
            if stack and stack[-1] == (depth, ordered) and b.item and b.item == last_item \
                    and not _OWN_ITEM.search(b.source):
                out.append(self._inner(n, "p"))  # another paragraph of the same item
                continue
            # numbering that starts again at this depth is another list
            restart = bool(b.item) and last_item is not None and b.item <= last_item \
                and bool(stack) and stack[-1] == (depth, ordered) and bool(_OWN_ITEM.search(b.source))
            while stack and (stack[-1][0] > depth or (stack[-1][0] == depth and (stack[-1][1] != ordered or restart))):
                out.append("</li></ol>" if stack.pop()[1] else "</li></ul>")
                restart = False
            if stack and stack[-1][0] == depth:
                out.append("</li>")
            else:
                out.append("<ol>" if ordered else "<ul>")
                stack.append((depth, ordered))
            value = f' value="{b.item}"' if ordered and b.item else ""
            out.append(f"<li{value}>{self._inner(n, '')}")
            last_item = b.item
        while stack:
            out.append("</li></ol>" if stack.pop()[1] else "</li></ul>")
        return "".join(out)

    def _table(self, numbers: list[int]) -> str:
        rows = [self.chapter.blocks[n] for n in numbers]
        head = ""
        first = rows[0]
        labels = [first.text[s:v].rstrip(": ") for s, v, _e in first.cells]
        if first.cells and all(labels) and all(len(r.cells) == len(first.cells) for r in rows):
            head = "<thead><tr>" + "".join(f"<th>{escape(x)}</th>" for x in labels) + "</tr></thead>"
        else:
            labels = []
        body = []
        for n, row in zip(numbers, rows):
            if row.cells:
                cells = "".join(f"<td>{self._pages(n) if k == 0 else ''}{self._text(n, v if labels else s, e)}</td>"
                                for k, (s, v, e) in enumerate(row.cells))
            else:
                cells = f"<td>{self._pages(n)}{self._text(n, 0, len(row.text))}</td>"
            body.append(f"<tr>{cells}</tr>")
        return f"<table>{head}<tbody>\n" + "\n".join(body) + "\n</tbody></table>"

    # -- blocks --------------------------------------------------------------------------

    def _block(self, n: int) -> str:
        b = self.chapter.blocks[n]
        if b.kind == "break":
            return "<hr/>"
        if b.kind == "heading":
            level = min(6, max(1, b.level) + 1)  # the page's title is the only <h1>
            # the marker before the heading, so that it is no part of the heading's name
            return f'{self._pages(n)}<h{level}>{self._text(n, 0, len(b.text))}</h{level}>'
        if b.kind == "caption":
            tag = "figcaption" if "figure" in b.context else "p"
            return f'{self._pages(n)}<{tag} class="caption">{self._text(n, 0, len(b.text))}</{tag}>'
        if b.kind == "code":
            return f"{self._pages(n)}<pre>{self._text(n, 0, len(b.text))}</pre>"
        return self._inner(n, "p")

    def _inner(self, n: int, tag: str) -> str:
        """A block's images and text, in ``<tag>`` (none when ``tag`` is empty)."""
        b = self.chapter.blocks[n]
        parts = [self._pages(n)] + [self._image(src, b) for src in b.images]  # in an <li>, at its start
        if b.text:
            text = self._text(n, 0, len(b.text))
            parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
        return "".join(p for p in parts if p)

    def _pages(self, n: int) -> str:
        """The markers of the print pages that start where block ``n`` starts (only with a
        page_marker; those starting inside its text: _text)."""
        b = self.chapter.blocks[n]
        if self.page_marker is None or not b.pages:
            return ""
        return "".join(self.page_marker(b, label) for label, start in page_starts(b) if start == 0)

    def _image(self, src: str, block: Block) -> str:
        path = self.images.get(src)
        if not path:
            return ""
        return f'<img src="{escape(path)}" alt=""/>'  # the alt text, if read, is the block's text

    def _text(self, n: int, lo: int, hi: int) -> str:
        """text[lo:hi] of block ``n`` with its marks, cut into sentence spans."""
        b = self.chapter.blocks[n]
        cuts = {lo, hi}
        offset = 0
        for run in b.runs:
            offset += len(run.text)
            cuts.add(offset)
        segs = [s for s in self.by_block.get(n, ()) if s.span[0] < hi and s.span[1] > lo]
        for s in segs:
            cuts.update((s.span[0], s.span[1]))
        # a page starting inside the text is marked where it starts (at the block's start: _pages)
        inside: dict[int, str] = {}
        if self.page_marker is not None:
            for label, start in page_starts(b):
                if start > 0:
                    inside[start] = inside.get(start, "") + self.page_marker(b, label)
        cuts |= set(inside)
        points = sorted(c for c in cuts if lo <= c <= hi)
        run_starts = []
        offset = 0
        for run in b.runs:
            run_starts.append(offset)
            offset += len(run.text)
        out: list[str] = []
        open_seg: Segment | None = None
        buf: list[str] = []
        for a, z in zip(points, points[1:]):
            seg = next((s for s in segs if s.span[0] <= a < s.span[1]), None)
            if seg is not open_seg:
                self._close(out, open_seg, buf)
                open_seg, buf = seg, []
            if a in inside:  # between sentences: before the next one's span; else inside it
                (buf if buf else out).append(inside[a])
            buf.append(self._marked(b, run_starts, a, z))
        self._close(out, open_seg, buf)
        if hi in inside and hi == len(b.text):  # after the last word
            out.append(inside[hi])
        return "".join(out)

    def _close(self, out: list[str], seg: Segment | None, buf: list[str]) -> None:
        if not buf:
            return
        text = "".join(buf)
        out.append(text if seg is None else self._segment_html(seg, text))

    def _segment_html(self, seg: Segment, inner: str) -> str:
        # A sentence split across table cells: only its first piece shown carries the id.
        ident = "" if seg.id in self.shown else f' id="{escape(seg.id)}"'
        self.shown.add(seg.id)
        attrs = self.seg_attrs(seg)
        said = ""
        if has_formula(self.chapter, seg) and "aria-description=" not in attrs:
            # Its text alternative is the sentence as said (WCAG 1.1.1): the caller's description
            # of a control, or else hidden text after it (once) that screen readers read instead.
            inner = f'<span aria-hidden="true">{inner}</span>'
            if ident:
                said = f'<span class="visually-hidden">{escape(seg.spoken)}</span>'
        return f'<span class="seg"{ident} data-seg="{escape(seg.id)}"{attrs}>{inner}</span>{said}'

    @staticmethod
    def _marked(b: Block, run_starts: list[int], a: int, z: int) -> str:
        # the run holding offset a (runs and cuts line up: every run start is a cut)
        k = max(i for i, start in enumerate(run_starts) if start <= a) if run_starts else 0
        run = b.runs[k]
        text = escape(b.text[a:z], quote=False)
        tags = [_MARK_TAGS[m] for m in _MARK_ORDER if m in run.marks]
        for tag in reversed(tags):
            text = f"<{tag}>{text}</{tag}>"
        if run.lang and run.lang != b.lang:
            text = f'<span lang="{escape(run.lang)}">{text}</span>'
        return text


def page_starts(block: Block) -> list[tuple[str, int]]:
    """Each print page starting in ``block``, with its offset in the text (its length: after
    the last word; the block's start when none is given, or one that is not in the text)."""
    at, size = block.page_at, len(block.text)
    return [(label, at[i] if i < len(at) and at[i] <= size else 0) for i, label in enumerate(block.pages)]


def has_formula(chapter: ScriptChapter, seg: Segment) -> bool:
    """The sentence shows a formula (its text is then a rendering; its spoken form says it)."""
    if not 0 <= seg.block < len(chapter.blocks):
        return False
    at = 0
    for run in chapter.blocks[seg.block].runs:
        if run.math is not None and at < seg.span[1] and at + len(run.text) > seg.span[0]:
            return True
        at += len(run.text)
    return False


def chapter_html(chapter: ScriptChapter, *, images: Mapping[str, str | None] | None = None,
                 seg_attrs: SegmentAttrs = lambda s: "", page_marker: PageMarker | None = None) -> str:
    """The chapter's blocks as HTML (see the module docstring); ``seg_attrs`` adds attributes
    (with a leading space) to each sentence span; ``page_marker`` gives the markup of each print
    page marker, put where its page starts (the player shows none)."""
    return ChapterLayout(chapter, images=images or {}, seg_attrs=seg_attrs, page_marker=page_marker).html()


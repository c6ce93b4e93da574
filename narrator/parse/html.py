"""Walking an editor's DOM (beautifulsoup4 + lxml) into a flat list of Blocks, iteratively.

The walk never recurses, and its cost is linear in the document whatever its depth: looks at an
element's descendants are either bounded (a label is a few nodes) or answered from one pass over
the tree (tree.py), never a walk of each element's subtree. Block-level elements open a frame
that collects inline pieces (text with marks); a nested block flushes the pieces gathered so far,
so "text <div>more</div> tail" gives three blocks in reading order.

Page breaks reach chapters.py as Block(kind="break", context={"pagebreak"}); hr gives a plain
"break".

The walk's questions about one element are answered beside it: tags.py (tag tables), elements.py
(attributes), chrome.py (page chrome, credits, control labels), runs.py (inline marks, Runs),
tables.py, note_marks.py (footnotes), formula_tags.py, pages.py, source_paths.py.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from typing import Any

from narrator.config import ParseConfig
from narrator.values import NOTE, VOICE, Block, Run, Skipped
from narrator.parse.chrome import NEVER_LABEL, ChromeRules
from narrator.parse.cleanup import TEXT_TABLE, strip_templates
from narrator.parse.elements import (block_breaks, classes_of, int_attr, is_blank_input,
                                     is_pagebreak_style, lang_of, style_of)
from narrator.parse.formula_tags import attribute_formula, formula_tag, mathml_tex
from narrator.parse.lines import LINE, split_lines
from narrator.parse.maths import SYMBOL_FONT, comment_tex, display, find_tex, tex_alt
from narrator.parse.note_marks import (NOTE_ID, NOTE_ITEMS, NOTE_KEY, REF, anchor_names, is_backlink,
                                       is_note_reference, note_role, note_target)
from narrator.parse.pages import page_label
from narrator.parse.runs import Inline, Piece, collapsed, inline_of, runs_of
from narrator.parse.source_paths import MAX_PATH, Step, css_path
from narrator.parse.tables import (DRAWN_REASON, DRAWN_TEXT_REASON, Cell, Table, code_columns, colspan,
                                   drawing_of, is_drawn_text, read_row, table_kind, table_summary)
from narrator.parse.tags import (BLOCK_TAGS, CONTEXT_NAMES, HEADINGS, LISTS, ONLY_WITH_TEXT, REPORTED,
                                 SKIP_TAGS, STRUCK, UNWRAP_NS)
from narrator.parse.tree import Work, parse_tree
# the walk's names that other modules import from here (parse/__init__.py, notes.py, chapters.py...)
from narrator.parse.elements import language_of  # noqa: F401
from narrator.parse.link_stats import link_stats  # noqa: F401

PAGEBREAK = "pagebreak"
ANNOUNCE = "announce-table"  # context of the block standing for a table that is not read
BLANK = "\uff3f\uff3f\uff3f"  # a form's blank as the reader sees it (spoken as a short pause)

_OUTSIDE = "outside the page's main content"

_MSO_LEVEL = re.compile(r"mso-list:l\d+level(\d+)")
_FILE_NAME_ALT = re.compile(r"^[^\n]{0,240}\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|emf|wmf|avif)$", re.IGNORECASE)
_HAS_HTML = re.compile(r"<\s*(p|h[1-6]|div|ul|ol|li|table|blockquote|br|strong|em|b|i|span|figure)\b",
                       re.IGNORECASE)


# Class names a block's context takes from its ancestors: real documents have up to about 30;
# 50,000 nested elements with a class each must not give every block 50,000.
_MAX_CONTEXT = 64


@dataclass(slots=True)
class _Frame:
    """An open block-level element."""

    kind: str
    level: int
    context: frozenset[str]
    emotion: str | None
    lang: str | None
    source: str
    list_depth: int = 0
    inner: str = "paragraph"  # kind given to generic blocks (p, div) inside this one
    inner_level: int = 0
    absorb: bool = False  # inside a data-table row: nested blocks become separators
    row: list[Cell] | None = None  # a data-table row's cells so far
    table: Table | None = None
    ordered: bool = False  # a numbered list, or an item of one
    item: int = 0  # an item's number; for a list, the next item's number
    is_list: bool = False  # opened by ul/ol: counts its items
    # a list's own loose text ("Then, in order:" before its first <li>) belongs to the item the
    # list is nested in: (ordered, item) of that item, not this list's item counter
    outer: tuple[bool, int] = (False, 0)

    @property
    def numbering(self) -> tuple[bool, int]:
        """(ordered, item) of the item the text directly in this frame belongs to."""
        return self.outer if self.is_list else (self.ordered, self.item)


_LEADERS = re.compile(r"\s*(?:\.{6,}|…{3,}|·{6,})\s*")


def parse_soup(markup: str, work: Work | None = None) -> Any:
    """Parse with lxml through beautifulsoup4 (copes with 450,000-level nesting and bad markup);
    ``work`` ticks and checks the depth limit as the tree is built."""
    return parse_tree(markup, work if work is not None else Work())


class Walker(ChromeRules):
    """One pass over a parsed tree, producing Blocks in reading order; what is page chrome, a credit
    or a control's label is decided by :class:`~narrator.parse.chrome.ChromeRules`."""

    def __init__(self, config: ParseConfig, *, page_mode: bool = False, root_label: str = "body",
                 stats: dict[int, tuple[int, int, int]] | None = None, whole_page: bool = False,
                 work: Work | None = None) -> None:
        super().__init__(work if work is not None else Work(), stats or {}, page_mode=page_mode,
                         whole_page=whole_page)
        self.config = config
        self.chars = 0  # characters of the blocks' text so far (ParseLimits.max_chars)
        self.root_label = root_label
        self.blocks: list[Block] = []
        self.skipped: list[Skipped] = []
        self.pieces: list[Piece] = []
        self.lines = False  # a <br> (LINE) is among the pieces
        self.images: list[str] = []  # src of images met since the last block, shown with it
        # print page numbers met since the last block (Block.pages), each with the number of
        # pieces before it then (a piece starts where it stands: see _page_starts)
        self.pages: list[tuple[str, int]] = []
        self.refs: list[str] = []  # targets of footnote references in the pieces (flushed as "ref:...")
        self.note_count = 0
        self.anchors: list[str] = []  # ids and names inside a note, in the pieces (flushed as "noteid:...")
        self.comment_tex: str | None = None  # LaTeX2HTML's <!-- MATH --> source, for the image after it

    # -- the walk ------------------------------------------------------------------------------

    def walk(self, root: Any, skip_ids: frozenset[int] = frozenset(),
             mute_ids: frozenset[int] = frozenset()) -> list[Block]:
        """Walk ``root`` (a bs4 Tag) iteratively; elements whose id() is in skip_ids are left out,
        and so is the loose text directly inside elements whose id() is in mute_ids."""
        import bs4

        Comment, Tag = bs4.Comment, bs4.Tag
        plain_strings = (bs4.NavigableString,)
        odd_strings = (bs4.Doctype, bs4.Declaration, bs4.ProcessingInstruction, bs4.CData)
        frames: list[_Frame] = [_Frame("paragraph", 0, frozenset(), None, lang_of(root), self.root_label)]
        inlines: list[Inline] = [Inline(frozenset(), None, None)]
        # (name, nth, id) of every open element, for CSS-like source paths
        path: list[Step] = []
        counters: list[dict[str, int]] = [{}]
        stack: list[Any] = list(reversed(root.contents))
        EXIT_BLOCK, EXIT_INLINE, EXIT_PLAIN = object(), object(), object()
        EXIT_SPACED = object()  # a block nested in a data-table row ends: a space, as it began
        step = self.work.step

        while stack:
            node = stack.pop()
            step()
            if node is EXIT_BLOCK:
                frame = frames.pop()
                self._close_block(frame, frames[-1])
                path.pop(); counters.pop()
                continue
            if node is EXIT_INLINE:
                inlines.pop()
                path.pop(); counters.pop()
                continue
            if node is EXIT_PLAIN:
                path.pop(); counters.pop()
                continue
            if node is EXIT_SPACED:
                self._add(" ", Inline(frozenset(), None, None))
                path.pop(); counters.pop()
                continue
            if isinstance(node, _AfterBreak):
                self._pagebreak(frames[-1])
                continue
            if isinstance(node, plain_strings) and not isinstance(node, Tag):
                if isinstance(node, Comment):
                    self._comment(node, frames[-1])
                elif not (isinstance(node, odd_strings) or (mute_ids and id(node.parent) in mute_ids)):
                    self._loose_text(str(node), frames[-1].source, inlines[-1])
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name.lower()
            if ":" in name:
                # Word namespaces: o:p / w:sdt / st1:place hold real text, v: shapes do not
                if not name.startswith(UNWRAP_NS) or id(node) in skip_ids:
                    continue
                stack.extend(reversed(node.contents))
                continue
            # every element counts for nth-of-type, read or not, so sources match the input
            cnt = counters[-1]
            nth = cnt.get(name, 0) + 1
            cnt[name] = nth
            if name == "input" and id(node) not in skip_ids and is_blank_input(node):
                self._add(" " + BLANK + " ", inlines[-1])  # a form to fill in: the blank is read as a pause
                continue
            if name == "button" and id(node) not in skip_ids and self._blocks_in_button(node):
                # "<button/>" is not void in HTML: the rest of the page ends up inside the button
                stack.extend(reversed(node.contents))
                continue
            if name in ("math", "script") and id(node) not in skip_ids:
                verdict = formula_tag(node, name)
                if verdict == "read" and (found := mathml_tex(node, name))[0]:
                    self._math(found[0], inlines[-1], block=found[1])
                if verdict:
                    continue
            if name in SKIP_TAGS or id(node) in skip_ids:
                self._skip_tag(node, name, nth, path, id(node) in skip_ids)
                continue
            if (page := page_label(node)) is not None:  # a print page starts here: kept, never read
                if page:
                    self._page_starts(page, inlines[-1])
                continue
            if name == "img" and self._formula_image(node, inlines[-1]):
                continue
            style = style_of(node)
            if self.hidden(node, style):  # collapsible content a control shows is read
                self._record(node, name, nth, path, "hidden element", "hidden in the page")
                continue
            if name in STRUCK:
                self._record(node, name, nth, path, "struck-through text", "struck through: deleted text")
                continue
            if tex := attribute_formula(node, name):  # its children are only a rendering of it
                self._math(tex, inlines[-1], block=name.endswith("-block"))
                continue
            if node.attrs and "MathJax_Preview" in (node.attrs.get("class") or ()):
                continue  # MathJax 2's placeholder before the formula is typeset
            in_note = NOTE in frames[-1].context
            if in_note:
                self._note_anchor(node, frames[-1])  # Word's <a name="_ftn1"> is also its backlink
                if is_backlink(node, name):
                    continue  # "↩", "^", "[1]" linking back to the text: not read
            if is_note_reference(node, name, style, self.pieces):
                if not in_note and (target := note_target(node)):
                    self.refs.append(target)  # notes.py puts the note after the block
                continue
            is_block = name in BLOCK_TAGS
            chrome = self._is_chrome(node, name, is_block)
            if chrome:
                self._record(node, name, nth, path, *self.relabel.get(id(node), ("page chrome", chrome)))
                continue
            if name not in NEVER_LABEL and (label := self._label(node, name, is_block, frames[-1].context)):
                self._keep_images(node)
                self._record(node, name, nth, path, *label)
                continue
            # source path bookkeeping
            ident = node.attrs.get("id") if node.attrs else None
            path.append((name, nth, ident if isinstance(ident, str) and ident else None))
            counters.append({})

            if name == "br":
                before, after = is_pagebreak_style(style)
                if before or after:
                    self._pagebreak(frames[-1])
                else:
                    self._add(LINE, inlines[-1])
                    self.lines = True
                stack.append(EXIT_PLAIN)
                continue
            if name == "img":
                self._image(node, nth, path, frames[-1], inlines[-1])
                stack.append(EXIT_PLAIN)
                continue
            if name == "input":
                stack.append(EXIT_PLAIN)
                continue
            if not is_block:
                inlines.append(inline_of(node, name, style, inlines[-1]))
                stack.append(EXIT_INLINE)
                stack.extend(reversed(node.contents))
                continue

            parent = frames[-1]
            if name == "hr":
                self._rule(parent, path)
                stack.append(EXIT_PLAIN)
                continue
            if name == "pre" and not self.config.read_code:
                self._code_block(node, path)
                stack.append(EXIT_PLAIN)
                continue
            if name == "table":
                verdict = table_kind(node)
                if verdict == "data" and not self.config.read_code and 0 in code_columns(node):
                    verdict = "code"  # its rows are named by code: without it they name nothing
                if verdict in ("skip", "code", "drawing") or (verdict == "data" and not self.config.read_tables):
                    self._announce_table(node, parent, path, verdict)
                    stack.append(EXIT_PLAIN)
                    continue
            else:
                verdict = ""
            before, after = block_breaks(node, style)
            if before:
                self._pagebreak(parent)
            opened = self._open(node, name, style, parent, path, verdict)
            if opened is None:  # a cell of an absorbing row, or a nested block inside one
                stack.append(EXIT_PLAIN if name in ("td", "th") else EXIT_SPACED)
                stack.extend(reversed(node.contents))
                continue
            if not parent.absorb:
                self._flush(parent)
            frames.append(opened)
            if after:
                stack.append(_AfterBreak(opened))
            stack.append(EXIT_BLOCK)
            stack.extend(reversed(node.contents))
        self._flush(frames[0])
        if self.pages and self.blocks:  # pages starting after the last word: at the end of the text
            last = self.blocks[-1]
            self.blocks[-1] = dataclasses.replace(
                last, pages=last.pages + tuple(label for label, _ in self.pages),
                page_at=tuple(last.page_at or (0,) * len(last.pages)) + (len(last.text),) * len(self.pages))
            self.pages = []
        return self.blocks

    def _comment(self, node: Any, frame: _Frame) -> None:
        """<!-- pagebreak --> (TinyMCE) breaks the page; LaTeX2HTML's <!-- MATH ... --> holds the
        whole TeX of the image that follows it."""
        if node.strip().lower() == PAGEBREAK:
            self._pagebreak(frame)
        elif node.startswith(("MATH", " MATH", "\nMATH")):
            self.comment_tex = comment_tex(str(node))

    def _loose_text(self, text: str, source: str, inline: Inline) -> None:
        """A text node, without the template syntax a program fills in (reported)."""
        if self.comment_tex is not None and not text.isspace():
            self.comment_tex = None  # the comment's image did not follow it
        if "{" in text or "<%" in text:
            text, removed = strip_templates(text)
            for r in removed:
                self.skipped.append(Skipped(source, "template markup",
                                            "template syntax is filled in by a program", len(r)))
        self._text(text, inline)

    def _formula_image(self, node: Any, inline: Inline) -> bool:
        """Read an image that shows a formula as that formula; False for any other image."""
        if self.comment_tex is not None:
            # LaTeX2HTML: the image's alt may be cut short ("$ b$"); the comment before it is whole
            self._math(self.comment_tex, inline)
            self.comment_tex = None
            return True
        if tex := tex_alt(node):
            # a formula image, even one hidden from screen readers beside its MathML copy
            self._math(tex, inline, block=True)
            return True
        return False

    def _image(self, node: Any, nth: int, path: list[Step], frame: _Frame, inline: Inline) -> None:
        """An image is shown with its block and its alt text read, unless it has none (reported)."""
        alt = node.attrs.get("alt") if node.attrs else None
        src = node.attrs.get("src") if node.attrs else None
        if isinstance(src, str) and src.strip():
            self.images.append(src.strip())
        if isinstance(alt, str) and _FILE_NAME_ALT.match(alt.strip()):
            # Sphinx, Jupyter Book and CMS uploads put the file name in alt: not a description
            self._record(node, "img", nth, path[-MAX_PATH - 1:-1], "image without alt text",
                         "its alt text is only a file name", len(alt.strip()))
        elif self.config.read_alt and isinstance(alt, str) and alt.strip():
            if frame.kind == "heading":
                # alt inside a heading is a picture beside the title, not part of it
                self._record(node, "img", nth, path[-MAX_PATH - 1:-1], "image in a heading",
                             "its alt text is not part of the heading", len(alt.strip()))
            else:
                self._add(" ", inline)
                self._text(alt, inline)
                self._add(" ", inline)
        elif not (isinstance(alt, str) and not alt.strip() and "alt" in node.attrs):
            self._record(node, "img", nth, path[-MAX_PATH - 1:-1], "image without alt text",
                         "no alt text to read" if self.config.read_alt else "read_alt is off")

    def _rule(self, parent: _Frame, path: list[Step]) -> None:
        """<hr>: a plain break between blocks."""
        if not parent.absorb:
            self._flush(parent)
            self.blocks.append(Block("break", (), source=self._source(path), context=parent.context))

    def _code_block(self, node: Any, path: list[Step]) -> None:
        """A <pre> that is not read (read_code is off): reported with its lines."""
        code = node.get_text()
        drawn = is_drawn_text(code)
        what, reason = ("drawing", DRAWN_TEXT_REASON) if drawn else ("code block", "code is not read (read_code)")
        self.skipped.append(Skipped(self._source(path), what, reason, len(code.strip()), code.strip().count("\n") + 1))

    # -- what is not read ----------------------------------------------------------------------

    def _record(self, node: Any, name: str, nth: int, path: list[Step],
                what: str, reason: str, chars: int | None = None) -> None:
        """Note an element left out (``path`` leads to its parent)."""
        ident = node.attrs.get("id") if node.attrs else None
        # a source path shows at most MAX_PATH steps: never copy a deep path whole
        here = path[-MAX_PATH:] + [(name, nth, ident if isinstance(ident, str) and ident else None)]
        if chars is None:
            chars = len(" ".join(node.get_text().split())) if name != "img" else 0
        if chars == 0 and what in ("hidden element", "page chrome", "struck-through text"):
            return  # empty wrappers, icons, spacers: nothing a listener could miss
        self.skipped.append(Skipped(self._source(here), what, reason, chars))

    def _skip_tag(self, node: Any, name: str, nth: int, path: list[Step],
                  outside: bool) -> None:
        if outside:
            if name in SKIP_TAGS and name not in REPORTED:
                return  # script, style...: never content
            self._record(node, name, nth, path, *self.relabel.get(id(node), ("page chrome", _OUTSIDE)))
            return
        known = REPORTED.get(name)
        if known is None:
            if name == "input":
                kind = (node.attrs.get("type") or "text") if node.attrs else "text"
                source = self._source(path[-MAX_PATH:] + [(name, nth, None)])
                self.skipped.append(Skipped(source, "form control",
                                            f"a {kind} input is a control, not lesson text"))
            return
        if name in ONLY_WITH_TEXT and not node.get_text().strip():
            return
        self._record(node, name, nth, path, known[0], known[1])

    def _announce_table(self, node: Any, parent: _Frame, path: list[Step],
                        verdict: str) -> None:
        """A table too big or too numeric to read: one sentence says what it is and how many rows."""
        rows, caption = table_summary(node)
        reason = {"skip": "mostly numbers or tiny cells: too much to read aloud", "drawing": DRAWN_REASON,
                  "code": "its rows are named by code, which is not read (read_code)"}.get(verdict, "read_tables is off")
        source = self._source(path)
        drawn = {drawing_of(node)} if verdict == "drawing" else set()  # worded by tables.drawing_sentence
        self.skipped.append(Skipped(source, "drawing" if drawn else "data table", reason,
                                    len(" ".join(node.get_text().split())), rows))
        if not parent.absorb:
            # the sentence itself is worded in parse_html, once the document's language is known
            self._flush(parent)
            self.blocks.append(Block("paragraph", (Run(caption),), 0, source,
                                     parent.context | {ANNOUNCE, f"{ANNOUNCE}:{rows}"} | drawn, None, parent.lang))
            self._counted(len(self.blocks) - 1)

    def _keep_images(self, node: Any) -> None:
        """Pictures inside a skipped credit line are still shown with the text around them."""
        if node.name == "img" or not node.contents:
            return
        for img in node.find_all("img", limit=4):
            src = img.attrs.get("src") if img.attrs else None
            if isinstance(src, str) and src.strip():
                self.images.append(src.strip())

    def _open(self, node: Any, name: str, style: str, parent: _Frame,
              path: list[Step], verdict: str) -> _Frame | None:
        """The frame block element ``node`` opens inside ``parent``; None inside a data-table row."""
        attrs = node.attrs or {}
        if parent.absorb:
            # inside a data-table row: cells mark boundaries, nested blocks become separators
            if name in ("td", "th") and parent.row is not None:
                col = parent.row[-1][0] + parent.row[-1][2] if parent.row else 0
                parent.row.append((col, len(self.pieces), colspan(node), name))
                # a barrier piece, so the next text is not merged into the previous cell's piece
                self.pieces.append(Piece("", frozenset(), None, None))
            else:
                self._add(" ", Inline(frozenset(), None, None))
            return None
        context = self._context(node, name, style, parent.context, verdict)
        emotion = attrs.get("data-emotion") or parent.emotion
        lang = lang_of(node) or parent.lang
        source = self._source(path)
        list_depth = parent.list_depth + (1 if name in LISTS else 0)
        kind, level = parent.inner, parent.inner_level
        inner, inner_level = parent.inner, parent.inner_level
        if name in HEADINGS:
            kind, level = "heading", HEADINGS[name]
        elif name == "li":
            kind = inner = "item"
            level = inner_level = max(1, list_depth)
            number = int_attr(attrs.get("value")) or (parent.item if parent.is_list else 0)
            if parent.is_list:
                parent.item = (number or parent.item) + 1
            f = _Frame(kind, level, context, emotion, lang, source, list_depth, inner, inner_level,
                       ordered=parent.ordered, item=number)
            return f
        elif name in LISTS:
            # a list frame counts its items: <ol start="3">, <li value="7">
            return _Frame(kind, level, context, emotion, lang, source, list_depth, inner, inner_level,
                          ordered=name == "ol", item=max(1, int_attr(attrs.get("start")) or 1), is_list=True,
                          outer=(parent.ordered, parent.item))
        elif name == "blockquote":
            kind = inner = "quote"
            level = inner_level = 0
        elif name in ("figcaption", "caption"):
            kind = inner = "caption"
            level = inner_level = 0
        elif name == "pre":
            kind = inner = "code"
        elif name == "table" and verdict == "data":
            code_cols = frozenset() if self.config.read_code else code_columns(node)
            if code_cols:
                self.skipped.append(Skipped(source, "code in a table", "code is not read (read_code)",
                                            0, len(code_cols)))
            return _Frame("cell", 0, context, emotion, lang, source, list_depth, "cell", 0,
                          table=Table(code_cols=code_cols))
        elif name == "tr" and parent.table is not None:
            return _Frame("cell", 0, context, emotion, lang, source, list_depth, "cell", 0,
                          absorb=True, row=[], table=parent.table)
        elif parent.table is not None:
            # thead, tbody, tfoot, or a wrapper round rows (a <div>): the rows inside are still the
            # table's, read with its column names
            f = _Frame("cell", 0, context | ({"th"} if name == "thead" else set()), emotion, lang,
                       source, list_depth, "cell", 0, table=parent.table)
            return f
        else:
            m = _MSO_LEVEL.search(style) if "mso-list" in style else None
            if m and name == "p":  # Word fake list: the marker span is dropped as mso-list:Ignore
                kind, level = "item", int(m.group(1))
                context = context | {"li"}
        # blocks inside an <li> (its paragraphs) belong to that item
        inherit = kind == "item" and parent.inner == "item"
        ordered, item = parent.numbering
        return _Frame(kind, level, context, emotion, lang, source, list_depth, inner, inner_level,
                      ordered=ordered if inherit else False, item=item if inherit else 0)

    def _context(self, node: Any, name: str, style: str, context: frozenset[str],
                 verdict: str) -> frozenset[str]:
        """The context of a block opened by ``node`` inside one of ``context``: the names of the
        containers that matter for style, class names, the note it is part of, a data table,
        the nearest data-voice."""
        attrs = node.attrs or {}
        classes = classes_of(node)
        room = _MAX_CONTEXT - len(context)  # deep nesting must not make every block's context huge
        extra = [n for n in (name,) if n in CONTEXT_NAMES] + ["." + c for c in classes[:max(room, 0)]]
        role = note_role(node, name, style, classes,
                         lambda: self._tree(node).holds(node, "li")) if attrs else ""
        in_note = NOTE in context and any(c.startswith(NOTE_KEY) for c in context)
        if role == "list":
            extra.append(NOTE)
        elif not in_note and (role == "item" or (NOTE in context and name in NOTE_ITEMS)):
            # one note: its blocks carry its key, and the ids inside it (references point there);
            # an element inside a note is part of that note, whatever its class says
            self.note_count += 1
            extra += [NOTE, f"{NOTE_KEY}{self.note_count}", *(NOTE_ID + k for k in anchor_names(node))]
        if verdict == "data":
            extra.append("table")
        if extra:
            context = context | frozenset(extra)
        if isinstance(voice := attrs.get("data-voice"), str) and voice.strip():  # the nearest wins
            context = frozenset(c for c in context if not c.startswith(VOICE)) | {VOICE + voice.strip()[:40]}
        return context

    # -- text and blocks -----------------------------------------------------------------------

    def _text(self, s: str, inline: Inline) -> None:
        s = s.translate(TEXT_TABLE)
        if "....." in s or "……" in s or "·····" in s:
            s = _LEADERS.sub(", ", s)  # a contents line's dot leaders: "Page one, 1"
        if inline.symbol:
            s = s.translate(SYMBOL_FONT)
        if not s:
            return
        found = find_tex(s) if "code" not in inline.marks else []
        at = 0
        for start, end, tex in found:
            if start > at:
                self._add(s[at:start], inline)
            self._math(tex, inline)
            at = end
        if at < len(s):
            self._add(s[at:], inline)

    def _math(self, tex: str, inline: Inline, *, block: bool = False) -> None:
        """A formula: shown as its rendering, spoken from its TeX (script/maths.py)."""
        if block:
            self._add(" ", inline)
        self.pieces.append(Piece(display(tex), inline.marks | {"math"}, inline.lang, inline.emotion,
                                  math=tex))
        if block:
            self._add(" ", inline)

    def _add(self, s: str, inline: Inline) -> None:
        pieces = self.pieces
        if pieces:
            last = pieces[-1]
            if last.marks is inline.marks and last.lang == inline.lang and last.emotion == inline.emotion \
                    and last.math is None:
                last.text += s
                return
        pieces.append(Piece(s, inline.marks, inline.lang, inline.emotion))

    def _pagebreak(self, frame: _Frame) -> None:
        if frame.absorb:
            return
        self._flush(frame)
        self.blocks.append(Block("break", (), source=frame.source, context=frozenset((PAGEBREAK,))))

    def _close_block(self, frame: _Frame, parent: _Frame) -> None:
        if frame.row is not None:
            start = len(self.blocks)
            self._close_row(frame)
            self._counted(start)
            self._paged(start)
        elif not parent.absorb:
            self._flush(frame)
        if self.anchors:
            self._end_note(frame, parent)

    def _end_note(self, frame: _Frame, parent: _Frame) -> None:
        """When a note closes, the ids met after its last words still point into it (its last
        block), never at the next block: an empty note's id sent its reference to the next note."""
        key = next((c for c in frame.context if c.startswith(NOTE_KEY)), None)
        if key is None or key in parent.context:
            return  # not the end of a note
        if self.blocks and key in self.blocks[-1].context:
            last = self.blocks[-1]
            self.blocks[-1] = dataclasses.replace(last, context=last.context | {NOTE_ID + a for a in self.anchors})
        self.anchors = []

    def _note_anchor(self, node: Any, frame: _Frame) -> None:
        """An id or name inside a note: a reference may point to it (Word's a name="_ftn1")."""
        if node.attrs:
            self.anchors.extend(n for n in anchor_names(node) if NOTE_ID + n not in frame.context)

    def _counted(self, start: int) -> None:
        """Count the text of the blocks added since ``start`` against ParseLimits.max_chars."""
        if self.work.max_chars is not None:
            self.chars += sum(len(b.text) for b in self.blocks[start:])
            self.work.check_chars(self.chars)

    def _flush(self, frame: _Frame) -> None:
        start = len(self.blocks)
        starts = self._flush_pieces(frame)
        self._counted(start)
        self._paged(start, starts)

    def _page_starts(self, label: str, inline: Inline) -> None:
        """A print page starts here, before the text to come: an empty piece marks the place (the
        text that follows goes into it), so its start in the block's text is known at the flush."""
        self.pages.append((label, len(self.pieces)))
        self.pieces.append(Piece("", inline.marks, inline.lang, inline.emotion))

    def _paged(self, start: int, starts: list[int] | None = None) -> None:
        """The page numbers met so far go to the first block added since ``start``, each where
        it starts in its text (``starts``: where each piece of that block starts; without them, at
        the block's start; after its last word: at its end)."""
        if not self.pages:
            return
        if start == len(self.blocks):
            self.pages = [(label, 0) for label, _ in self.pages]  # no block: the next one's
            return
        block = self.blocks[start]
        if starts is None:  # a row; lines joined or split: at the first block's start
            at = [0] * len(self.pages)
        else:
            at = [starts[k] for _, k in self.pages]
        self.blocks[start] = dataclasses.replace(block, pages=tuple(label for label, _ in self.pages),
                                                 page_at=tuple(min(a, len(block.text)) for a in at))
        self.pages = []

    def _flush_pieces(self, frame: _Frame) -> list[int] | None:
        """Make the block(s) of the pieces gathered; returns where each piece's text starts in
        theirs, and where it ends (None when lines were joined or split: the offsets moved)."""
        images, self.images = tuple(self.images), []
        parts = collapsed(self.pieces) if self.pieces else []
        runs = runs_of(self.pieces, parts) if self.pieces else ()
        starts = _piece_starts(parts) if self.pages else []  # only a page marker asks where
        self.pieces = []
        ordered, item = frame.numbering
        layout: dict[str, Any] = {"ordered": ordered, "item": item} if frame.kind == "item" else {}
        if not runs:
            if images:  # an image without text is shown, never read
                self.blocks.append(Block(frame.kind, (), frame.level, frame.source,  # type: ignore[arg-type]
                                         frame.context, frame.emotion, frame.lang, images=images, **layout))
            return starts
        if self.refs or self.anchors:
            extra = {REF + r for r in self.refs} | {NOTE_ID + a for a in self.anchors}
            frame = dataclasses.replace(frame, context=frame.context | extra)
            self.refs, self.anchors = [], []
        if self.lines:
            self.lines = False
            for i, line in enumerate(split_lines(runs, frame.kind)):
                self.blocks.append(Block(frame.kind, line, frame.level, frame.source,  # type: ignore[arg-type]
                                         frame.context, frame.emotion, frame.lang,
                                         images=images if i == 0 else (), **layout))
            return None  # lines joined or split: the text's offsets moved, pages go to the start
        self.blocks.append(Block(frame.kind, runs, frame.level, frame.source,  # type: ignore[arg-type]
                                 frame.context, frame.emotion, frame.lang, images=images, **layout))
        return starts

    def _close_row(self, frame: _Frame) -> None:
        """One data-table row = one "cell" block (tables.read_row)."""
        pieces, self.pieces = self.pieces, []
        self.lines = False
        runs, spans = read_row(frame.row or [], pieces, frame.table, "th" in frame.context)
        if runs:
            self.blocks.append(Block("cell", runs, 0, frame.source, frame.context, frame.emotion,
                                     frame.lang, images=tuple(self.images), cells=spans))
            self.images = []

    def _source(self, path: list[Step]) -> str:
        return css_path(path, self.root_label)


def _piece_starts(parts: list[str]) -> list[int]:
    """Where each piece's text (``parts``, collapsed) starts in the block's text, past a space the
    collapse left before it (an empty piece's is the next one's), and where the text ends."""
    begins = list(itertools.accumulate(map(len, parts), initial=0))
    starts = begins[-1:]
    for begin, part in zip(reversed(begins[:-1]), reversed(parts)):
        starts.append(begin + len(part) - len(part.lstrip()) if part.strip() else starts[-1])
    starts.reverse()
    return starts


class _AfterBreak:
    """Stack marker: emit a page break after the frame below it closes."""

    __slots__ = ("frame",)

    def __init__(self, frame: _Frame) -> None:
        self.frame = frame


def has_html(text: str) -> bool:
    """True when a textarea/script body holds HTML markup (an editor's document)."""
    return bool(_HAS_HTML.search(text))

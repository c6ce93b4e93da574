"""EPUB chapters (XHTML content documents of EPUB 2 and 3; horizontal or vertical writing).

Recognised by the EPUB namespace or ``epub:type`` attributes (EPUB 3), or by the XHTML 1.1
doctype of an XML document without scripts (EPUB 2). What the kind knows:

- **Placeholder headings.** Chinese e-books often head every chapter file "正文" (body text) or
  "目录"; such a heading names nothing: it is reported and the chapter is heard under the file's
  own <title> (the story's name, 羅生門). A placeholder <title> ("正文", "Unknown") gives way
  to the first real heading.
- **Notes without markup.** An EPUB 2 book links its note marks plainly
  (``<a href="#n1">1</a>``, full-width ``［１］``): a short mark linking to an element of the
  chapter that links back (or starts with the same mark) is a note reference, and its target a
  note, so the mark is never read and the note goes to the notes part.
- **A note's own number** (１經濟合作…) is not read at the start of the note.
- **The notes heading** ("註釋", "Notes") above the notes is not read twice: the notes part
  starts with its own cue.

Ruby annotations (<rt>, <rp>) are left out by the walker itself, so a character is read once.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from narrator.values import Skipped
from narrator.parse import sources
from narrator.parse.pages import is_page_marker
from narrator.parse.sources import Facts, Source

__all__ = ["Epub"]

_PLACEHOLDER = frozenset(("正文", "目录", "目錄", "内容", "內容", "封面", "未知", "无标题", "無標題", "标题",
                          "標題", "unknown", "untitled", "text", "body", "content", "contents",
                          "chapter", "section", "main"))
_NOTES_HEADING = frozenset(("注", "註", "注释", "註釋", "注釋", "注解", "註解", "脚注", "腳註", "尾注", "尾註",
                            "附注", "附註", "notes", "note", "footnotes", "endnotes"))
# a note mark as printed: 1, １, [1], ［１］, (1), 注1, 註１, ①, *, †
_MARK = re.compile(r"^(?:[\[(（［〔]?\s*(?:注|註)?\s*\d{1,3}\s*[\])）］〕]?|[\u2460-\u2473\u24eb-\u24f4]|[*†‡§]{1,3})$")
_LEADING_MARK = re.compile(r"^\s*(?:[\[(（［〔]\s*)?(?:注|註)?\s*[0-9\uff10-\uff19]{1,3}\s*(?:[\])）］〕]|[.．、:：])?\s*"
                           r"|^\s*[\u2460-\u2473\u24eb-\u24f4]\s*")
_HEADINGS = re.compile(r"^h[1-6]$")
_XHTML_NS = "http://www.w3.org/1999/xhtml"


def _words(node: Any) -> str:
    return " ".join(node.get_text().split())


def _page_anchor(target: Any) -> bool:
    """``target`` marks a print page, or is the anchor inside one (a contents or index entry
    links to it: "3" to "[3]" is a page, not a note)."""
    return any(is_page_marker(n) for n in (target, target.parent) if n is not None and n.name)


def _key(text: str) -> str:
    """A heading or title compared without case, spaces and punctuation."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


class Epub(Source):
    """A chapter of an e-book: its title, its notes, nothing of its packaging read aloud."""

    name = "epub"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return any(a == "epub:type" or a.startswith("xmlns") for a in facts.attrs)

    @classmethod
    def detect(cls, soup: Any) -> bool:
        html = soup.find("html")
        if html is None:
            return False
        if any(k.startswith("xmlns:epub") for k in html.attrs) or soup.find(attrs={"epub:type": True}):
            return True
        # EPUB 2: an XHTML 1.1 document (what OPS requires), not a web page with scripts
        import bs4

        doctype = next((d for d in soup.contents if isinstance(d, bs4.Doctype)), None)
        return (doctype is not None and "XHTML 1.1" in str(doctype) and html.get("xmlns") == _XHTML_NS
                and soup.find("script") is None)

    def prepare(self, soup: Any) -> list[Skipped]:
        out: list[Skipped] = []
        body = soup.find("body") or soup
        self._page_title = _words(soup.title) if soup.title is not None else ""
        # a placeholder heading, where <title> names the chapter
        if self._page_title and _key(self._page_title) not in _PLACEHOLDER:
            first = body.find(_HEADINGS)
            if first is not None and _key(_words(first)) in _PLACEHOLDER:
                out += sources.take_out([first], "placeholder heading",
                                        f"'{_words(first)}' names no chapter: it is heard as "
                                        f"'{self._page_title}', the chapter's title")
        notes = self._mark_notes(body)
        out += self._note_numbers(notes)
        out += self._notes_heading(notes)
        return out

    def title(self, soup: Any, blocks: Any) -> str | None:
        if _key(getattr(self, "_page_title", "")) not in _PLACEHOLDER:
            return None  # the parser's own choice, from <title>
        return first_heading(blocks)

    def _mark_notes(self, body: Any) -> list[Any]:
        """The chapter's notes: those EPUB 3 marks as notes, and the targets of plain note links
        (marked here so the walker reads them as notes and never reads the marks)."""
        notes = list(body.find_all(attrs={"epub:type": re.compile(r"footnote|endnote|rearnote")}))
        ids = {t.get("id"): t for t in body.find_all(id=True)}
        for a in body.find_all("a", href=True):
            href = str(a.get("href"))
            if "#" not in href or a.get("epub:type") or not _MARK.match(_words(a)):
                continue
            target = ids.get(href.split("#", 1)[1])
            if target is None or target is a or _page_anchor(target) or not self._is_note(target, a):
                continue
            a["class"] = [*(a.get("class") or ()), "noteref"]
            if target.name in ("a", "span"):  # the anchor inside the note: mark its paragraph
                target = target.find_parent(["p", "div", "li", "aside", "section"]) or target
            if target not in notes:
                target["class"] = [*(target.get("class") or ()), "footnote"]
                notes.append(target)
        return notes

    @staticmethod
    def _is_note(target: Any, ref: Any) -> bool:
        """Is ``target`` a note for the mark ``ref``: it links back to the mark, or starts with it."""
        ref_id = ref.get("id")
        block = target.find_parent(["p", "div", "li", "aside"]) if target.name in ("a", "span") else target
        block = block or target
        if ref_id and block.find("a", href=re.compile("#" + re.escape(str(ref_id)) + "$")):
            return True
        mark = _key(_words(ref))
        return bool(mark) and _key(_words(block)[:8]).startswith(mark)

    @staticmethod
    def _note_numbers(notes: list[Any]) -> list[Skipped]:
        """A note's own printed number at its start (１經濟…) is not read."""
        import bs4

        out: list[Skipped] = []
        for note in notes:
            first = next((s for s in note.descendants if isinstance(s, bs4.NavigableString)
                          and not isinstance(s, bs4.Comment) and s.strip()), None)
            if first is None or first.find_parent("a") is not None:
                continue  # a backlink mark is the walker's to leave out
            m = _LEADING_MARK.match(str(first))
            if m and m.end() and m.end() < len(str(first).rstrip()):
                out.append(Skipped(sources.selector(note), "note number",
                                   "a note's own number is shown, not read", len(m.group().strip())))
                first.replace_with(str(first)[m.end():])
        return out

    @staticmethod
    def _notes_heading(notes: list[Any]) -> list[Skipped]:
        """The heading just above the notes ("註釋"), when it only says "notes"."""
        if not notes:
            return []
        heading = notes[0].find_previous(_HEADINGS)
        if heading is None or _key(_words(heading)) not in _NOTES_HEADING:
            return []
        between = heading.find_next(lambda t: t is notes[0] or (t.name in ("p", "div", "li", "table")
                                                                 and _words(t) and t not in notes))
        if between is not notes[0] and not (between is not None and notes[0] in between.descendants):
            return []  # prose between the heading and the notes: it heads more than the notes
        return sources.take_out([heading], "notes heading",
                                "the notes part starts with its own spoken cue")


def first_heading(blocks: Any) -> str | None:
    """The chapter's first heading that is no placeholder: its title when <title> gives none."""
    heading = next((b.text.strip() for b in blocks if b.kind == "heading"
                    and _key(b.text) not in _PLACEHOLDER and b.text.strip()), "")
    return heading or None

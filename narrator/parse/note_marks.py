"""Footnotes and endnotes in the markup: the elements that hold notes (Word, EPUB, ARIA, Pandoc,
Sphinx, TinyMCE, MediaWiki), the marks that refer to them, and the backlinks inside them. The
walk (html.py) tags blocks with the context entries below; notes.py moves the notes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from narrator.parse.runs import Piece
from narrator.parse.tree import descendants, small_text

__all__ = ["NOTE_ID", "NOTE_ITEMS", "NOTE_KEY", "REF", "anchor_names", "is_backlink", "is_note_reference",
           "note_role", "note_target"]

NOTE_KEY = "notekey:"  # context: which note (numbered in document order)
NOTE_ID = "noteid:"  # context: an id or name inside the note (what a reference points to)
REF = "ref:"  # context of a block that refers to a note: the reference's target id
NOTE_ITEMS = frozenset(("li", "dd", "dt", "aside", "div", "p", "section", "td", "tr"))
_NOTE_LISTS = frozenset(("footnotes", "footnote-list", "footnotes-list", "mce-footnotes", "reflist",
                         "references", "endnotes", "endnote-list", "footnote-section"))
_NOTE_ONE = frozenset(("footnote", "endnote"))
_BACKLINK_CLASSES = frozenset(("footnote-back", "footnote-backref", "fn-backref", "mw-cite-backlink",
                               "mce-footnotes-backlink", "fn-bracket", "footnote-label", "reversefootnote"))
_BACKLINK_TEXT = re.compile(r"^(?:[\^↩↑⏎⤴]\ufe0e?|\[?\d{1,3}\]?|[a-z]|return)\.?$")
_NOTE_EPUB = re.compile(r"footnote|endnote|rearnote", re.IGNORECASE)


def note_role(node: Any, name: str, style: str, classes: list[str], holds_items: Callable[[], bool]) -> str:
    """"list" for an element holding footnotes or endnotes, "item" for one note, "" otherwise:
    Word (mso-element), EPUB (epub:type), ARIA roles, Pandoc/MkDocs/Sphinx/TinyMCE/MediaWiki classes.
    ``holds_items()`` says whether ``node`` has <li> inside."""
    if "mso-element:" in style:
        if "footnote-list" in style or "endnote-list" in style:
            return "list"
        if "mso-element:footnote" in style or "mso-element:endnote" in style:
            return "item"
    attrs = node.attrs or {}
    for key in ("epub:type", "role"):
        value = attrs.get(key)
        if isinstance(value, list):
            value = " ".join(value)
        if isinstance(value, str) and _NOTE_EPUB.search(value):
            return "list" if value.rstrip().endswith(("notes", "-list")) else "item"
    raw = attrs.get("class") or ()
    for c in raw.split() if isinstance(raw, str) else raw:  # editor classes too (mce-footnotes)
        c = c.lower()
        if c in _NOTE_LISTS:
            return "list"
        if c in _NOTE_ONE:
            return "list" if holds_items() else "item"
    return ""


def anchor_names(node: Any) -> list[str]:
    """The element's own id and name: what a footnote reference's href may point to."""
    attrs = node.attrs or {}
    return [v for v in (attrs.get("id"), attrs.get("name")) if isinstance(v, str) and v]


def is_backlink(node: Any, name: str) -> bool:
    """Inside a note: the link (or label) that leads back to the reference."""
    attrs = node.attrs
    if not attrs:
        return False
    if attrs.get("role") == "doc-backlink" or not _BACKLINK_CLASSES.isdisjoint(
            c.lower() for c in (attrs.get("class") or ())):
        return True
    if name == "a":
        href = attrs.get("href")
        if isinstance(href, str) and href.startswith("#"):
            text = small_text(node)  # "↩", "[1]": a few characters
            return text is not None and _BACKLINK_TEXT.match(text.strip()) is not None
    return False


def is_noteref_link(node: Any, name: str) -> bool:
    """A link that is a note reference by its role or class (Sphinx, Pandoc, EPUB)."""
    if name != "a" or not node.attrs:
        return False
    attrs = node.attrs
    role = f"{attrs.get('role') or ''} {attrs.get('epub:type') or ''}"
    classes = {c.lower() for c in (attrs.get("class") or ())}
    return "noteref" in role or bool(classes & {"footnote-reference", "footnote-ref", "noteref"})


# A footnote reference mark: digits (group 1, may be an exponent), or "[1]", "(1)", "*", "†"...
_FOOTNOTE_MARK = re.compile(r"(\d{1,3})|\[\d{1,3}\]|\(\d{1,3}\)|[*†‡§¶]{1,3}")
_FOOTNOTE_AFTER = frozenset(".,;:!?\"'”’」』。，；：！？、")


def is_note_reference(node: Any, name: str, style: str, before: Sequence[Piece]) -> bool:
    """A footnote reference, not a formula: Word's footnote anchors (by ``style``), links whose
    role or class say so; a <sup> holding "[n]", "*", "†"..., or digits that follow punctuation
    ("elit.¹", also written as <sub>) or link to "#..." (x², H₂O, CO₂ stay). ``before`` is the
    text gathered so far in the block (the walk's pieces)."""
    if name not in ("sup", "sub"):
        # <a style="mso-footnote-id:ftn1" href="#_ftn1">[1]</a>
        return "mso-footnote-id" in style or "mso-endnote-id" in style or is_noteref_link(node, name)
    text = small_text(node)  # a mark is a few characters in a few elements
    m = _FOOTNOTE_MARK.fullmatch(text.strip()) if text is not None else None
    if m is None or (name == "sub" and not m.group(1)):
        return False
    if not m.group(1):
        return True  # [1], (2), *, †: never an exponent
    a = next((d for d in descendants(node) if getattr(d, "name", None) == "a"), None)
    if a is None and node.parent is not None and node.parent.name == "a":
        a = node.parent
    href = a.attrs.get("href") if a is not None and a.attrs else None
    if isinstance(href, str) and href.startswith("#"):
        return True
    for piece in reversed(before):
        last = piece.text.rstrip()
        if last:
            return last[-1] in _FOOTNOTE_AFTER
    return False


def note_target(node: Any) -> str:
    """The id a footnote reference points to ("" when its link leads nowhere in the page)."""
    a = node if node.name == "a" else (node.find("a") if node.contents else None)
    if a is None and node.parent is not None and node.parent.name == "a":
        a = node.parent
    href = a.attrs.get("href") if a is not None and a.attrs else None
    if isinstance(href, str) and href.startswith("#") and len(href) > 1:
        return href[1:]
    return ""

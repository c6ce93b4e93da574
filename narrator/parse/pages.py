"""Print page numbers in a lesson: the page-break markers of EPUB and DAISY books.

A marker says where a page of a printed edition starts: ``<span epub:type="pagebreak"
title="12"/>`` (EPUB 3), ``role="doc-pagebreak" aria-label="12"`` (DPUB-ARIA), ``<span
class="page-normal">12</span>`` (DAISY 2.02), ``<pagenum>12</pagenum>`` (DTBook) or ``<span
class="pagenum">[Pg 12]</span>`` (Project Gutenberg). The walker keeps its label on the block the
page starts in or before (Block.pages), with the place in its text where the page starts
(Block.page_at), and never reads it; the EPUB marks it there and lists it in its page list. The
page breaks of Word, Google Docs and CKEditor (CSS page-break-*, class="page-break") are layout,
not page numbers: they are no markers here.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.parse.tree import small_text

LABEL_MAX = 32  # characters of a page label kept ("xiv", "A-12"): a lesson is untrusted input
_MARKERS = frozenset(("pagebreak", "doc-pagebreak"))  # epub:type (EPUB 3), role (DPUB-ARIA)
_DAISY_CLASSES = frozenset(("page-normal", "page-front", "page-special"))  # DAISY 2.02
# Project Gutenberg's HTML books: <span class="pagenum"><a id="Page_15">[15]</a></span>, <span
# class="pageno" id="Page_42">42</span> (their CSS sets the number in the margin). Web pages name
# pagination widgets so too ("Page 1 of 3", "Next"): only a page number printed so is a marker
_GUTENBERG_CLASSES = frozenset(("pagenum", "pageno"))
# a page number as printed: "[Pg 12]", "{10}", "[15]", "Page 12", "p. 7", "page-12", "(ix)"
_PRINTED = re.compile(r"[\[{(]?\s*(?:(?:pg|page|p)(?:\.\s*|[\s_-]+)?)?(\d{1,6}|[ivxlcdm]{1,12})\s*[\]})]?",
                      re.IGNORECASE)
_ID_NUMBER = re.compile(r"(?:page|pg|p)[-_.]?(\w{1,16})", re.IGNORECASE)


def _words(value: Any) -> str:
    if isinstance(value, (list, tuple)):  # a multi-valued attribute, as bs4 may give it
        value = " ".join(str(v) for v in value)
    return " ".join(value.split()) if isinstance(value, str) else ""


def is_page_marker(node: Any) -> bool:
    """``node`` (a bs4 Tag) marks where a printed page starts."""
    if node.name == "pagenum":
        return True
    attrs = node.attrs
    if not attrs:
        return False
    for key in ("epub:type", "role"):  # asked of every element: the common case is quick
        value = attrs.get(key)
        if value and "pagebreak" in str(value) and not _MARKERS.isdisjoint(_words(value).split()):
            return True
    classes = _words(attrs.get("class")).split()
    if not _DAISY_CLASSES.isdisjoint(classes):
        return True
    if _GUTENBERG_CLASSES.isdisjoint(classes):
        return False
    text = small_text(node, max_nodes=4, max_chars=LABEL_MAX)
    if text is None:
        return False
    words = _words(text)
    return bool(_PRINTED.fullmatch(words)) if words else bool(_ID_NUMBER.fullmatch(_words(attrs.get("id"))))


def page_label(node: Any) -> str | None:
    """The page number a page-break marker gives ("12", "xiv"), "" when it names none, or None
    when ``node`` is no page marker. The label is its aria-label, title, text, or the number in
    its id ("page12"), in that order. An element holding more than a label (a few nodes, at most
    LABEL_MAX characters) is no marker whatever it says: its content is read, never dropped."""
    if not is_page_marker(node):
        return None
    text = small_text(node, max_nodes=4, max_chars=LABEL_MAX)
    if text is None:
        return None
    attrs = node.attrs or {}
    for value in (attrs.get("aria-label"), attrs.get("title"), text):
        label = _words(value)
        if label:
            printed = _PRINTED.fullmatch(label)
            return (printed.group(1) if printed else label)[:LABEL_MAX]
    number = _ID_NUMBER.fullmatch(_words(attrs.get("id")))
    return number.group(1) if number else ""

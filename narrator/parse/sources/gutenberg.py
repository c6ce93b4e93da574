"""Project Gutenberg's e-books (their HTML and EPUB editions): the book, without the catalogue
record and licence around it.

Every Project Gutenberg file opens with a header (the eBook's title, "This ebook is for the use of
anyone anywhere...", the catalogue record: title, author, release date, credits) and ends with the
Project Gutenberg licence, several thousand words. Files made by Ebookmaker (2020 on) put them in
``section#pg-header`` and ``section#pg-footer`` (class ``pg-boilerplate``); older files mark the
book's bounds with the lines "*** START OF THE PROJECT GUTENBERG EBOOK ... ***" and "*** END OF
THE PROJECT GUTENBERG EBOOK ... ***" ("THIS" for "THE" in the oldest). Both are taken out, each
with its reason; the book between them is read as an e-book chapter (:class:`Epub`: its plain
note links, its notes' own numbers). The page numbers Project Gutenberg sets in the margin
(``span.pagenum``) are print page markers (:mod:`narrator.parse.pages`).
"""

from __future__ import annotations

import re
from typing import Any

from narrator.parse import sources
from narrator.parse.sources import Facts
from narrator.parse.sources.epub import Epub
from narrator.values import Skipped

__all__ = ["Gutenberg"]

# the lines, each on a line of its own (a lesson quoting one inside a sentence is not cut there)
_START = re.compile(r"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*\*{3}\s*$",
                    re.IGNORECASE | re.MULTILINE)
_END = re.compile(r"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*\*{3}\s*$",
                  re.IGNORECASE | re.MULTILINE)
_BOILERPLATE = "#pg-header, #pg-footer, .pg-boilerplate"
_SCAN = 400  # text nodes searched for the start line: it comes after a header of a few dozen
_TITLE = re.compile(r"^\s*(?:The\s+)?Project Gutenberg'?s?\s+e-?book\s+of\s+|\s*[|:-]\s*Project Gutenberg\s*$",
                    re.IGNORECASE)
HEADER = ("Project Gutenberg header",
          "the eBook's catalogue record and terms of use, up to the '*** START OF THE PROJECT GUTENBERG "
          "EBOOK' line: not the book's own text")
LICENCE = ("Project Gutenberg licence",
           "the licence and notices from the '*** END OF THE PROJECT GUTENBERG EBOOK' line on: not the "
           "book's own text")


class Gutenberg(Epub):
    """A Project Gutenberg e-book (HTML or EPUB chapter)."""

    name = "gutenberg"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return True  # older files say so only in their text: detect looks at its first nodes

    @classmethod
    def detect(cls, soup: Any) -> bool:
        if soup.select_one(_BOILERPLATE) is not None:
            return True
        return _start_line(soup) is not None

    def prepare(self, soup: Any) -> list[Skipped]:
        out: list[Skipped] = []
        for node in soup.select(_BOILERPLATE):
            if node.decomposed or node.parent is None:
                continue
            what, reason = LICENCE if node.get("id") == "pg-footer" or _END.search(node.get_text()) else HEADER
            out += sources.take_out([node], what, reason)
        body = soup.find("body") or soup
        start = _start_line(soup)
        if start is not None:
            out.append(_cut(start, before=True, what=HEADER))
        end = _end_line(body)
        if end is not None:
            out.append(_cut(end, before=False, what=LICENCE))
        return out + super().prepare(soup)

    def title(self, soup: Any, blocks: Any) -> str | None:
        # <title> names the book inside Project Gutenberg's words: "The Project Gutenberg eBook of
        # Rivers, by Ann Lee", "Rivers | Project Gutenberg"
        head = " ".join(soup.title.get_text().split()) if soup.title is not None else ""
        book = _TITLE.sub("", head).strip()
        return book if book and book != head else super().title(soup, blocks)


def _start_line(soup: Any) -> Any | None:
    """The text node holding the "*** START OF ..." line, among the page's first ones."""
    body = soup.find("body") or soup
    for n, text in enumerate(body.find_all(string=True)):
        if n >= _SCAN:
            return None
        if _START.search(text):
            return text
    return None


def _end_line(body: Any) -> Any | None:
    """The text node holding the "*** END OF ..." line (the last one: the licence follows it)."""
    found = body.find_all(string=_END)
    return found[-1] if found else None


def _cut(line: Any, *, before: bool, what: tuple[str, str]) -> Skipped:
    """Take out the text node ``line`` and everything before it (or after it) in the document,
    at every level up to the body, so a book wrapped in one <div> keeps its text; an element left
    without text goes too. One skip-report entry for the whole."""
    chars, source = len(line.strip()), sources.selector(line.parent)
    node = line
    while node is not None and node.name not in ("body", "[document]"):
        siblings = list(node.previous_siblings if before else node.next_siblings)
        for sibling in siblings:
            chars += len(sibling.get_text().strip()) if hasattr(sibling, "get_text") else len(sibling.strip())
            sibling.extract()
        node = node.parent
    parent = line.parent
    line.extract()
    while parent is not None and parent.name not in ("body", "[document]") and not parent.get_text().strip() \
            and parent.find(["img", "svg", "math"]) is None:
        up = parent.parent
        parent.extract()
        parent = up
    return Skipped(source, what[0], what[1], chars)

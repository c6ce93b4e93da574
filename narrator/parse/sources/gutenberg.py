"""Project Gutenberg's e-books (their HTML and EPUB editions): the book, without the catalogue
record and licence around it.

Every Project Gutenberg file opens with a header (the eBook's title, "This ebook is for the use of
anyone anywhere...", the catalogue record: title, author, release date, credits) and ends with the
Project Gutenberg licence, several thousand words. Files made by Ebookmaker (2020 on) put them in
``section#pg-header`` and ``section#pg-footer`` (class ``pg-boilerplate``); older files mark the
book's bounds with the lines "*** START OF THE PROJECT GUTENBERG EBOOK ... ***" and "*** END OF
THE PROJECT GUTENBERG EBOOK ... ***" ("THIS" for "THE" in the oldest). Both are taken out, each
with its reason, also from an EPUB's last file (the book's end, then the END line and the
licence); the book between them is read as an e-book chapter (:class:`Epub`: its plain note
links, its notes' own numbers). The page numbers Project Gutenberg sets in the margin
(``span.pagenum``) are print page markers (:mod:`narrator.parse.pages`).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from narrator.parse import sources
from narrator.parse.sources import Facts
from narrator.parse.sources.epub import Epub, first_heading
from narrator.values import Skipped

__all__ = ["Gutenberg"]

# the lines, each on a line of its own (a lesson quoting one inside a sentence is not cut there);
# [ \t]* rather than \s*: a run of blank lines must not be searched again from each line's start
_START = re.compile(r"^[ \t]*\*{3}[ \t]*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*\*{3}[ \t\r]*$",
                    re.IGNORECASE | re.MULTILINE)
# older files say "End of the Project Gutenberg EBook of Rivers, by Ann Lee" or "End of Project
# Gutenberg's Rivers" just before it: the licence's too (blank lines between, matched line by line
# for the same reason)
_END = re.compile(r"^(?:[ \t]*End of (?:the )?Project Gutenberg(?:'s)?\b[^\n]*\n(?:[ \t\r]*\n)*)?"
                  r"[ \t]*\*{3}[ \t]*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*\*{3}[ \t\r]*$",
                  re.IGNORECASE | re.MULTILINE)
# how every Project Gutenberg file opens: "The Project Gutenberg eBook of Rivers", "Project
# Gutenberg's Alice's Adventures in Wonderland" (a lesson about its files opens with its own title)
_OPENING = re.compile(r"\s*(?:The\s+)?Project Gutenberg(?:'s|\s+e-?book)", re.IGNORECASE)
# what every Project Gutenberg header says, old and new (a lesson about its files names it too)
_NAMED = re.compile(r"Project Gutenberg e-?book of|e-?book is for the use of anyone anywhere", re.IGNORECASE)
# that line in a text of its own (a <p> before the END line's): its last line
_END_OF = re.compile(r"^[ \t]*End of (?:the )?Project Gutenberg(?:'s)?\b[^\n]*\s*\Z", re.IGNORECASE | re.MULTILINE)
# the licence names Project Gutenberg about 70 times; a lesson quoting the END line, a few
_NAME = re.compile(r"Project Gutenberg", re.IGNORECASE)
_LICENCE_NAMES = 20
_BOUND = re.compile(r"(?:START|END) OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_END_WORDS = re.compile(r"END OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_HEADER_MAX = 5000  # characters before the start line: Project Gutenberg's header is about 1,000
_SCAN = 400  # text nodes searched for the start line: it comes after a header of a few dozen
_FOOTER_SCAN = 2000  # text nodes searched back for the END line: Ebookmaker's licence has a few hundred
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
        return True  # a book says so in its text: detect looks at the page's first text nodes

    @classmethod
    def detect(cls, soup: Any) -> bool:
        body = soup.body
        if body is None:  # a book's text is in its body (text only in <head> is no book)
            return False
        if _start_line(soup) is not None:
            return True
        # Ebookmaker's header first in the page, though without its start line
        first = body.find(string=lambda t: bool(t.strip()))
        header = first.find_parent(id="pg-header") if first is not None else None
        if header is not None and _NAMED.search(header.get_text()[:_HEADER_MAX]):
            return True
        # the last file of an Ebookmaker EPUB: the book's end, then the footer with the END line
        return _footer_end(body) is not None

    def prepare(self, soup: Any) -> list[Skipped]:
        out: list[Skipped] = []
        for node in _boilerplate(soup):
            if node.decomposed or node.parent is None:
                continue
            # the footer: by its id, or (a class alone names both) by the END line it holds
            footer = node.get("id") == "pg-footer" or _END_WORDS.search(node.get_text()[:_HEADER_MAX])
            what, reason = LICENCE if footer else HEADER
            out += sources.take_out([node], what, reason)
        start = _start_line(soup)
        if start is not None:
            out.append(_cut(start, _START.search(start).end(), before=True, what=HEADER))  # type: ignore[union-attr]
            end = _end_line(soup.body)
            if end is not None:
                out.append(_cut(*_end_cut(end), before=False, what=LICENCE))
        elif soup.body is not None and (end := _footer_end(soup.body)) is not None:
            # the last file of an older e-book: the book's end, then the licence (no footer section)
            out.append(_cut(*_end_cut(end), before=False, what=LICENCE))
        return out + super().prepare(soup)

    def title(self, soup: Any, blocks: Any) -> str | None:
        # <title> names the book inside Project Gutenberg's words: "The Project Gutenberg eBook of
        # Rivers, by Ann Lee", "Rivers | Project Gutenberg"
        if soup.title is None:
            return super().title(soup, blocks)
        head = " ".join(soup.title.get_text().split())
        book = _TITLE.sub("", head).strip()
        if book == head:  # no Project Gutenberg words
            return super().title(soup, blocks)
        return book or first_heading(blocks)  # "| Project Gutenberg" names no book


def _boilerplate(soup: Any) -> list[Any]:
    """Ebookmaker's header and footer: elements with its ids or class that name Project
    Gutenberg (a lesson's own "pg-header" is no such thing)."""
    found = soup.find_all(id=("pg-header", "pg-footer")) + soup.find_all(class_="pg-boilerplate")
    return [n for n in dict.fromkeys(found)
            if any(r.search(n.get_text()[:_HEADER_MAX]) for r in (_NAMED, _BOUND))]


def _footer_end(body: Any) -> Any | None:
    """The END line of the licence ending the last file of an e-book, among the page's last
    texts (the licence after it is a few hundred): in Ebookmaker's footer, or (older files)
    followed by the licence, which names Project Gutenberg at least 20 times. Found from the
    end, without a search of the whole page for every page read."""
    from bs4 import Comment, NavigableString

    last = body
    while getattr(last, "contents", None):
        last = last.contents[-1]
    texts = 0
    named = 0  # "Project Gutenberg" after the line (the walk goes backwards): the licence's own words
    for node in itertools.chain([last], last.previous_elements):  # lazily: never the whole page
        if node is body:
            return None
        if isinstance(node, NavigableString) and not isinstance(node, Comment) and node.strip():
            texts += 1
            if texts > _FOOTER_SCAN:
                return None
            end = _END.search(node)
            if end and (named + len(_NAME.findall(node, end.end())) >= _LICENCE_NAMES
                        or node.find_parent(id="pg-footer") or node.find_parent(class_="pg-boilerplate")):
                return node
            named += len(_NAME.findall(node))
    return None


def _start_line(soup: Any) -> Any | None:
    """The text node holding the "*** START OF ..." line, among the page's first ones, after a
    header that names Project Gutenberg and is no longer than one."""
    from bs4 import Comment

    body = soup.body
    if body is None:
        return None
    before = 0
    named = False
    texts = (t for t in body.find_all(string=True, limit=_SCAN) if t.strip() and not isinstance(t, Comment))
    for n, text in enumerate(texts):
        if n == 0 and not _OPENING.match(text):
            return None  # the page opens with something else: a lesson, perhaps about such files
        start = _START.search(text)
        named = named or bool(_NAMED.search(text, 0, start.start() if start else len(text)))
        if start:
            return text if named else None
        before += len(text)
        if before > _HEADER_MAX:
            return None
    return None


def _end_line(body: Any) -> Any | None:
    """The text node holding the "*** END OF ..." line (the last one: the licence follows it; a
    comment is no line of the page)."""
    from bs4 import Comment

    found = [t for t in body.find_all(string=_END) if not isinstance(t, Comment)]
    return found[-1] if found else None


def _end_cut(end: Any) -> tuple[Any, int]:
    """Where the licence begins: at the END line in the text node ``end``, or at an "End of the
    Project Gutenberg EBook of X" line ending the text before it (in a <p> of its own)."""
    from bs4 import Comment, NavigableString

    text = str(end)
    at = _END.search(text).start()  # type: ignore[union-attr]  # the line was found by this pattern
    if text[:at].strip():
        return end, at
    for node in end.previous_elements:
        if node.name == "body":
            break
        if isinstance(node, NavigableString) and not isinstance(node, Comment) and node.strip():
            line = _END_OF.search(node)
            return (node, line.start()) if line else (end, at)
    return end, at


def _cut(line: Any, at: int, *, before: bool, what: tuple[str, str]) -> Skipped:
    """Take out the text node ``line`` from ``at`` back (or on) and everything before it (or after
    it) in the document, at every level up to the body, so a book wrapped in one <div> keeps its
    text. One skip-report entry for the whole."""
    source = sources.selector(line.parent)
    # the node's own text past the line (or before it) is the book's: a book in one <pre>
    text = str(line)
    kept, taken = (text[at:], text[:at]) if before else (text[:at], text[at:])
    chars = len(taken.strip())
    end = 0 if before else -1  # the first (or last) child, taken by its index: no search of the parent
    node = line
    while node.name != "body":  # both lines are found in the <body>
        parent = node.parent
        while parent.contents[end] is not node:
            sibling = parent.contents[end]
            chars += len(sibling.get_text().strip())
            sibling.extract(_self_index=end)
        node = parent
    parent = line.parent
    line.replace_with(kept)
    # a wrapper the cut left without text (the <pre> of an older header) goes too: it would say
    # nothing, but stand in the skip report as an empty code block (a picture has no text: kept)
    while parent.name != "body" and not parent.get_text().strip() and parent.find("img") is None:
        up = parent.parent
        parent.extract()
        parent = up
    return Skipped(source, *what, chars)

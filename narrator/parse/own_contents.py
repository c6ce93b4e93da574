"""A document's own table of contents: the list of its sections it carries at its top.

Google Docs' "Insert > Table of contents" writes one paragraph per heading, a link to the
heading's ``#h.xxxx`` anchor followed by its page number; authors also type a list of their
section names under a "Table of Contents" heading. Read aloud it is the chapter titles said
twice, once as a list and once where each section starts, so it is reported, not read. It is
recognised on positive evidence only: entries that link to the document's own headings, or a
"Contents" heading over a list whose entries are mostly the names of headings that follow.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Skipped
from narrator.parse import sources

__all__ = ["CONTENTS_NAMES", "take_out_own_contents"]

CONTENTS_NAMES = frozenset(("table of contents", "contents", "toc", "content", "目录", "目錄",
                            "inhaltsverzeichnis", "table des matières", "índice", "sommaire"))
_HEADING = re.compile(r"^h[1-6]$")
_PAGE_NUMBER = re.compile(r"\d{1,4}$")  # "Timeline ........ 3": the number; its leader is cut by hand
_LEADER = frozenset(".·…_")
_WHAT = "table of contents"
_REASON = "the document's own list of its sections: each section is heard as it comes"
_MIN_LINKED = 3  # headless: this many links in a row to the document's own headings


def _text(node: Any) -> str:
    return " ".join(node.get_text().split())


def _without_page_number(text: str) -> str:
    """``text`` without a page number at its end and the leader before it ("Timeline ..... 3").
    One pass from the end: a regex with a leader before the number retries the whole leader from
    each of its dots (40,000 dots: 10 s)."""
    t = text.rstrip()
    m = _PAGE_NUMBER.search(t, max(0, len(t) - 4))
    if m is None:
        return text
    i = m.start()
    while i and (t[i - 1] in _LEADER or t[i - 1].isspace()):
        i -= 1
    return t[:i]


def _entry(text: str) -> str:
    return _without_page_number(text).strip().lower()


def _names_a_section(entry: str, headings: list[str]) -> bool:
    """Is ``entry`` (a contents line) one of the headings, or a heading with more words
    ("Problem Statement and Proposed Solution" for "Problem Statement")?"""
    return bool(entry) and any(entry == h or (len(h) >= 4 and (entry.startswith(h) or h.startswith(entry)))
                               for h in headings)


def _links_home(node: Any, ids: set[str]) -> bool:
    """Is ``node`` one link to an anchor of this document, with at most a page number beside it?"""
    links = node.find_all("a", href=True)
    if len(links) != 1:
        return False
    href = str(links[0].get("href"))
    if not href.startswith("#") or href[1:] not in ids:
        return False
    rest = _text(node).replace(_text(links[0]), "", 1)
    return _without_page_number(rest).strip() == ""


def _entries(node: Any) -> list[Any]:
    """The lines of a contents block: a list's items (nested ones too), else the block itself."""
    if node.name in ("ol", "ul"):
        return [li for li in node.find_all("li") if li.find(["ol", "ul"]) is None and _text(li)]
    return [node] if _text(node) else []


def take_out_own_contents(soup: Any) -> list[Skipped]:
    """Take the document's own table of contents (and its "Contents" heading) out of ``soup``."""
    # older Google Docs exports anchor a heading with <a name="h.xxxx"> inside it, not an id
    ids = {str(t.get("id")) for t in soup.find_all(id=True)} | {
        str(a.get("name")) for a in soup.find_all("a", attrs={"name": True})}
    out: list[Skipped] = []
    for head in soup.find_all(_HEADING):
        if head.decomposed or _text(head).rstrip(":： ").lower() not in CONTENTS_NAMES:
            continue
        later = [_text(h).lower() for h in head.find_all_next(_HEADING)]
        taken: list[Any] = []
        for sib in head.find_next_siblings(True):
            if _HEADING.match(sib.name or ""):
                break
            lines = _entries(sib)
            if not lines:
                if sib.name in ("p", "div", "br", "hr") and not sib.find("img"):
                    continue  # an empty paragraph between the heading and its list
                break
            named = sum(1 for e in lines if _links_home(e, ids) or _names_a_section(_entry(_text(e)), later))
            if named * 2 < len(lines) or (sib.name not in ("ol", "ul") and named < len(lines)):
                break
            taken.append(sib)
        if taken:
            out += sources.take_out([head, *taken], _WHAT, _REASON)
    # Google Docs' inserted table of contents has no heading: paragraphs that each link to a heading
    heading_ids = {str(h.get("id")) for h in soup.find_all(_HEADING, id=True)} | {
        str(a.get("name")) for h in soup.find_all(_HEADING) for a in h.find_all("a", attrs={"name": True})}
    for first in soup.find_all(["p", "li"]):
        if first.decomposed or not _links_home(first, heading_ids):
            continue
        prev = first.find_previous_sibling(True)
        if prev is not None and _links_home(prev, heading_ids):
            continue  # not the first of its run
        run = [first]
        for sib in first.find_next_siblings(True):
            if not _links_home(sib, heading_ids):
                break
            run.append(sib)
        if len(run) >= _MIN_LINKED:
            out += sources.take_out(run, _WHAT, _REASON)
    return out

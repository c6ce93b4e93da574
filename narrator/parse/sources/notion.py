"""Notion "Export as HTML": pages and databases.

A Notion page is ``<article class="page">``: a header (cover image, icon, ``h1.page-title``, a
description and a table of page properties) and ``div.page-body``. What a reader of the page
sees as content is read; Notion's furniture is not, each removal reported:

- a property with no value (an empty "Tags" row) says nothing;
- a file attached to the page (a property or block that is only links to files in the export's
  folder, "Syllabus: WCC.pdf") is something to open, not text;
- who made or last edited the page, and when (created_time, created_by ... properties), are
  the page's bylines;
- a web bookmark's footer is the bookmarked address (its title is read);
- the cover picture and page icon are decoration.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Block, Skipped
from narrator.parse import sources
from narrator.parse.sources import Source

__all__ = ["Notion"]

_BYLINE_TYPES = ("created_time", "last_edited_time", "created_by", "last_edited_by")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_FILE = re.compile(r"\.[A-Za-z0-9]{2,5}$")
_PAGE = re.compile(r"\.x?html?$", re.IGNORECASE)  # a link to another page of the export is its name


def _is_attachment(link: Any) -> bool:
    """A link to a file of the export's own folder ("Page%20abc/Notes.pdf")."""
    href = str(link.get("href") or "").split("?")[0].split("#")[0]
    return bool(href) and not _SCHEME.match(href) and _FILE.search(href) is not None \
        and _PAGE.search(href) is None


def _only_attachments(node: Any) -> bool:
    """Everything ``node`` says is the names of attached files (at least one)."""
    links = node.find_all("a")
    if not links or not all(_is_attachment(a) for a in links):
        return False
    rest = node.get_text()
    for a in links:
        rest = rest.replace(a.get_text(), "", 1)
    return not rest.strip(" \n\t,;")


class Notion(Source):
    """A Notion page or database exported as HTML."""

    name = "notion"

    @classmethod
    def detect(cls, soup: Any) -> bool:
        article = soup.find("article", class_="page")
        return article is not None and (article.find(class_="page-title") is not None
                                        or article.find(class_="page-body") is not None)

    def prepare(self, soup: Any) -> list[Skipped]:
        article = soup.find("article", class_="page")
        self._root = article
        title = article.find(class_="page-title")
        if title is not None:  # the page's title heading, never a chapter of its own (chapters.py)
            title["class"] = [*(title.get("class") or ()), "title"]
        out: list[Skipped] = []
        out += sources.take_out(article.select("header img.page-cover-image, header .page-header-icon"),
                                "page cover", "the Notion page's cover picture and icon: decoration")
        rows = article.find_all("tr", class_="property-row")
        empty = [r for r in rows if r.find("td") is None or not r.find("td").get_text().strip()]
        out += sources.take_out(empty, "empty property", "a Notion page property with no value")
        bylines = [r for r in rows if not r.decomposed and any(f"property-row-{t}" in (r.get("class") or ())
                                                             for t in _BYLINE_TYPES)]
        out += sources.take_out(bylines, "page metadata line", "who made or edited the Notion page, and when")
        files = [r for r in rows if not r.decomposed and r.find("td") is not None and _only_attachments(r.find("td"))]
        out += sources.take_out(files, "file attachment", "files attached to the Notion page: something "
                                "to open, not text")
        # file blocks in the page body and file links in database cells
        blocks = [f for f in article.find_all("figure") if f.find(class_="source") is not None
                  and _only_attachments(f)]
        out += sources.take_out(blocks, "file attachment", "a file attached to the Notion page: something "
                                "to open, not text")
        cells = [s for td in article.select("table.collection-content td") for s in td.find_all("a")
                 if _is_attachment(s)]
        out += sources.take_out([a.parent if a.parent is not None and a.parent.name == "span"
                                 and a.parent.get_text() == a.get_text() else a for a in cells],
                                "file attachment", "a file attached to a Notion database row")
        out += sources.take_out(article.select("a.bookmark .bookmark-href"), "bookmark address",
                                "the web address under a Notion bookmark's title")
        for description in article.find_all(class_="page-description"):
            if not description.get_text().strip():
                description.decompose()  # empty: nothing to report
        return out

    def root(self, soup: Any) -> Any | None:
        return getattr(self, "_root", None)

    def finish(self, blocks: list[Block]) -> list[Block]:
        return blocks

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        h = soup.find(class_="page-title")
        text = " ".join(h.get_text().split()) if h is not None else ""
        return text or None

"""Kinds of pages a course is built from, each read as its users would (issue 19).

A source kind is one module of this package with a :class:`Source` subclass. :func:`recognise`
asks each kind, in order, whether a parsed page is one of its own (from the document itself:
generator meta, class names, structure; never from a file name), and the parser then asks the
kind it got, at fixed points:

1. :meth:`Source.prepare` on the soup before the walk: take out the kind's furniture ("[edit]"
   links, notebook prompts, empty property rows), each removal a :class:`Skipped` entry with a
   true reason, and mark what the walker should read differently;
2. :meth:`Source.root`: where the document is, when the kind knows (a wiki's content element);
3. :meth:`Source.finish` on the walked blocks: structure the kind writes without heading tags;
4. :meth:`Source.title`: the title when the kind knows it better than <title> ("" when the page
   has none of its own).

A page of no known kind is read by :class:`Source` itself, which changes nothing. Supporting a new
kind is one new module here, added to :data:`KINDS`, and its tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from narrator.values import Block, Skipped

__all__ = ["KINDS", "Facts", "Source", "generator", "recognise", "selector", "take_out"]


@dataclass(slots=True)
class Facts:
    """What one pass over a page finds: its tag names, classes, ids, attribute names and
    <meta> contents by name or property. Kinds look here first, so a page of no kind is not
    searched once per kind (a 1 MB lesson has 40,000 elements)."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attrs: set[str] = field(default_factory=set)
    metas: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, soup: Any) -> Facts:
        facts = cls()
        for tag in soup.find_all(True):
            facts.tags.add(tag.name)
            attrs = tag.attrs
            if not attrs:
                continue
            facts.attrs.update(attrs)
            classes = attrs.get("class")
            if classes:
                facts.classes.update(classes)
            ident = attrs.get("id")
            if isinstance(ident, str):
                facts.ids.add(ident)
            if tag.name == "meta":
                key = attrs.get("name") or attrs.get("property")
                if isinstance(key, str):
                    facts.metas[key.lower()] = str(attrs.get("content") or "")
        return facts

    def any_class(self, *names: str) -> bool:
        return any(n in self.classes for n in names)

    def any_id(self, *names: str) -> bool:
        return any(n in self.ids for n in names)


class Source:
    """A page of no particular kind: every hook leaves the page as it is."""

    name = "page"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        """Could the page be of this kind, by what one pass found? (False: :meth:`detect` is not asked.)"""
        return True

    @classmethod
    def detect(cls, soup: Any) -> bool:
        """Is the parsed page (a BeautifulSoup tree) of this kind?"""
        return True

    def prepare(self, soup: Any) -> list[Skipped]:
        """Take the kind's furniture out of ``soup``; what was taken, with why."""
        return []

    def root(self, soup: Any) -> Any | None:
        """The element that holds the document, or None for the parser's own choice."""
        return None

    def finish(self, blocks: list[Block]) -> list[Block]:
        """The walked blocks with the kind's structure applied."""
        return blocks

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        """The document's title when the kind knows it; None: the parser decides (from <title>,
        headings...); "": the page has no title of its own (its <title> is only a file name), so
        the document is named by its file stem, which is never narrated."""
        return None


def _kinds() -> list[type[Source]]:
    """Every kind, in the order they are asked: the most specific first (a Canvas page made in
    Google Docs is an LMS page first)."""
    from narrator.parse.sources import blog, epub, gdocs, lms, notebook, notion, slides, wechat, wikipedia
    from narrator.parse.sources import baike, gutenberg, news_zh
    from narrator.parse.sources import latex  # converters from LaTeX; raw MathJax TeX is asked last
    from narrator.parse.sources import books

    return [wechat.WeChat, gutenberg.Gutenberg, epub.Epub, slides.Slides, books.Book, notebook.Notebook, wikipedia.Wikipedia, baike.Baike, notion.Notion,
            *latex.GENERATORS, lms.Lms, gdocs.GoogleDocs, blog.Blog,
            news_zh.NewsZh, latex.MathJaxTeX]


KINDS: list[type[Source]] = _kinds()


def recognise(soup: Any) -> Source:
    """The kind of page ``soup`` is (a plain :class:`Source` when none claims it)."""
    facts = Facts.of(soup)
    for kind in KINDS:
        if kind.maybe(facts) and kind.detect(soup):
            return kind()
    return Source()


def generator(soup: Any) -> str:
    """The content of the page's generator <meta>, lower case ("" when it has none)."""
    import re

    meta = soup.find("meta", attrs={"name": re.compile(r"^generator$", re.IGNORECASE)})
    return str(meta.get("content") or "").strip().lower() if meta is not None else ""


def selector(node: Any) -> str:
    """A short CSS-like path naming ``node`` in the skip report ("div#toc", "span.mw-editsection")."""
    ident = node.get("id") if hasattr(node, "get") else None
    if isinstance(ident, str) and ident:
        return f"{node.name}#{ident}"
    classes = node.get("class") if hasattr(node, "get") else None
    if classes:
        return f"{node.name}." + ".".join(classes[:2])
    return str(node.name)


def take_out(nodes: Any, what: str, reason: str) -> list[Skipped]:
    """Remove ``nodes`` from their tree, one skip-report entry each (a node inside one already
    taken goes with it)."""
    out: list[Skipped] = []
    for node in list(nodes):
        if node.decomposed or node.parent is None:
            continue
        out.append(Skipped(selector(node), what, reason, len(node.get_text().strip())))
        node.decompose()
    return out
